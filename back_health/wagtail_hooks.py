"""Admin registration: the "Back health" menu group of listings and snippets.

No editor CSS is added: the blocks' admin previews load the front-end stylesheet
through their own preview template, and the editor forms need no extra styling.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .views.bulk import BulkImportViewSet
from .views.dashboard import ImportReviewPanel
from .views.history import ImportRecordViewSet
from .views.imports import ImportArticleViewSet
from .viewsets import BackHealthViewSetGroup, native_admin_enabled


@hooks.register("register_admin_viewset")
def register_back_health_viewsets():
    # The modeladmin sub-app registers the same group its own way; step aside for it.
    if not native_admin_enabled():
        # The import screens have no modeladmin equivalent: they stand on their own.
        return [
            ImportArticleViewSet(add_to_admin_menu=True, menu_order=251),
            ImportRecordViewSet(add_to_admin_menu=True, menu_order=252),
            BulkImportViewSet(add_to_admin_menu=True, menu_order=253),
        ]
    return BackHealthViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_back_health_review_panel(request, panels):
    panels.append(ImportReviewPanel())


@hooks.register("register_log_actions")
def register_back_health_log_actions(actions):
    actions.register_action(
        "back_health.import_article", _("Import an article"), _("Article imported")
    )
    actions.register_action("back_health.undo_import", _("Undo an import"), _("Import undone"))
    actions.register_action(
        "back_health.discard_import", _("Discard an import review"), _("Import review discarded")
    )
