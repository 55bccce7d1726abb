"""Admin registration: the "Back health" menu group of listings and snippets.

No editor CSS is added: the blocks' admin previews load the front-end stylesheet
through their own preview template, and the editor forms need no extra styling.
"""

from wagtail import hooks

from .views.bulk import BulkImportViewSet
from .views.imports import ImportArticleViewSet, ImportRecordViewSet
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
