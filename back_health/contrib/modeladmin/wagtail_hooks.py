"""Register the "Back health" group with wagtail-modeladmin."""

from django.contrib.admin import SimpleListFilter
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from back_health.models import BodyRegion, CausePage, ConditionPage, Reviewer, TreatmentPage
from back_health.views.marks import imported_pages, pages_needing_writing_up


class ReviewOverdueListFilter(SimpleListFilter):
    """Pages whose next review date has passed (``next_review_due`` before today)."""

    title = _("review overdue")
    parameter_name = "review_overdue"

    def lookups(self, request, model_admin):
        return [("true", _("Yes")), ("false", _("No"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "true":
            return queryset.filter(next_review_due__lt=today)
        if self.value() == "false":
            return queryset.filter(Q(next_review_due__isnull=True) | Q(next_review_due__gte=today))
        return queryset


class YesNoListFilter(SimpleListFilter):
    """A yes/no list filter; subclasses say what "yes" means as a ``Q``."""

    def lookups(self, request, model_admin):
        return [("true", _("Yes")), ("false", _("No"))]

    def condition(self):
        raise NotImplementedError

    def queryset(self, request, queryset):
        if self.value() == "true":
            return queryset.filter(self.condition())
        if self.value() == "false":
            return queryset.exclude(self.condition())
        return queryset


class ImportedListFilter(YesNoListFilter):
    """Pages the importer wrote."""

    title = _("came from an import")
    parameter_name = "imported"

    def condition(self):
        return imported_pages()


class NeedsWritingUpListFilter(YesNoListFilter):
    """Stub pages with nothing in the body yet."""

    title = _("needs writing up")
    parameter_name = "needs_writing_up"

    def condition(self):
        return pages_needing_writing_up()


#: Filters every back-health page listing offers after its own.
MARK_FILTERS = (ReviewOverdueListFilter, ImportedListFilter, NeedsWritingUpListFilter)


class BackHealthPageAdmin(ModelAdmin):
    """A listing of one back-health page type; edit links open the page editor."""

    #: Columns of the listing.
    list_display = ("title", "last_reviewed", "next_review_due", "live")
    #: Filters in the sidebar.
    list_filter = ("body_regions", *MARK_FILTERS, "live")
    search_fields = ("title", "summary", "alternate_names")
    ordering = ("title",)
    add_to_admin_menu = False


class ConditionPageAdmin(BackHealthPageAdmin):
    model = ConditionPage
    menu_label = _("Conditions")
    menu_icon = "warning"


class CausePageAdmin(BackHealthPageAdmin):
    model = CausePage
    menu_label = _("Causes")
    menu_icon = "link"


class TreatmentPageAdmin(BackHealthPageAdmin):
    model = TreatmentPage
    menu_label = _("Treatments")
    menu_icon = "pick"
    list_display = ("title", "treatment_kind", "last_reviewed", "next_review_due", "live")
    list_filter = ("treatment_kind", "body_regions", *MARK_FILTERS, "live")


class ReviewerAdmin(ModelAdmin):
    model = Reviewer
    menu_label = _("Reviewers")
    menu_icon = "user"
    list_display = ("name", "role", "registration")
    search_fields = ("name", "role")


class BodyRegionAdmin(ModelAdmin):
    model = BodyRegion
    menu_label = _("Body regions")
    menu_icon = "tag"
    list_display = ("name", "slug", "sort_order")


@modeladmin_register
class BackHealthModelAdminGroup(ModelAdminGroup):
    menu_label = _("Back health")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    #: Sites add or remove listings by subclassing and registering their own group.
    items = (ConditionPageAdmin, CausePageAdmin, TreatmentPageAdmin, ReviewerAdmin, BodyRegionAdmin)
