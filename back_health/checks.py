"""System checks: what a site must configure for the app to work."""

from django.apps import apps
from django.core.checks import Error, Tags, register

#: The app Wagtail's table block needs (its editor's scripts, stylesheet, template tags).
TABLE_BLOCK_APP = "wagtail.contrib.table_block"

#: Apps the body blocks need besides Wagtail's usual ones.
REQUIRED_APPS = {
    TABLE_BLOCK_APP: "the table block",
}


@register(Tags.compatibility)
def check_required_apps(app_configs=None, **kwargs):
    """An error for every app the blocks need that ``INSTALLED_APPS`` lacks."""
    errors = []
    for name, needed_by in REQUIRED_APPS.items():
        if not apps.is_installed(name):
            errors.append(
                Error(
                    f"{name!r} is not in INSTALLED_APPS; back_health's {needed_by} needs it.",
                    hint=f'Add "{name}" to INSTALLED_APPS.',
                    id="back_health.E001",
                )
            )
    return errors
