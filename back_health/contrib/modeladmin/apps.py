from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


class BackHealthModelAdminConfig(AppConfig):
    name = "back_health.contrib.modeladmin"
    label = "back_health_modeladmin"
    verbose_name = _("Back health (ModelAdmin)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.apps import apps

        if not apps.is_installed("wagtail_modeladmin"):
            raise ImproperlyConfigured(
                "back_health.contrib.modeladmin needs 'wagtail_modeladmin' in INSTALLED_APPS."
            )
