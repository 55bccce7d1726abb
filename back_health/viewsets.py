"""Admin listings of back-health pages and snippets, grouped in a "Back health" menu.

Registered by :mod:`back_health.wagtail_hooks` unless the optional
``back_health.contrib.modeladmin`` sub-app is installed, which provides the same group
through wagtail-modeladmin instead.
"""

from django.apps import apps
from django.db.models import Q
from django.forms import CheckboxSelectMultiple, RadioSelect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter, ModelMultipleChoiceFilter
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import BodyRegion, CausePage, ConditionPage, Reviewer, TreatmentMixin, TreatmentPage
from .views.bulk import BulkImportViewSet
from .views.history import ImportRecordViewSet
from .views.imports import ImportArticleViewSet
from .views.marks import imported_pages, pages_needing_writing_up

#: The optional sub-app that replaces these listings with wagtail-modeladmin ones.
MODELADMIN_APP = "back_health.contrib.modeladmin"


def native_admin_enabled():
    """Whether the admin group below should be registered: not when the modeladmin
    sub-app is installed, so there is never a duplicate menu."""
    return not apps.is_installed(MODELADMIN_APP)


class ReviewOverdueFilter(ChoiceFilter):
    """Pages whose next review date has passed (``next_review_due`` before today)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Review overdue"))
        kwargs.setdefault("empty_label", _("Any"))
        kwargs.setdefault("choices", [("true", _("Yes")), ("false", _("No"))])
        kwargs.setdefault("widget", RadioSelect)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        today = timezone.localdate()
        if value == "true":
            return qs.filter(next_review_due__lt=today)
        if value == "false":
            return qs.filter(Q(next_review_due__isnull=True) | Q(next_review_due__gte=today))
        return qs


class YesNoFilter(ChoiceFilter):
    """A yes/no radio filter; subclasses say what "yes" means as a ``Q``."""

    #: Label of the filter; subclasses set it.
    default_label = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", self.default_label)
        kwargs.setdefault("empty_label", _("Any"))
        kwargs.setdefault("choices", [("true", _("Yes")), ("false", _("No"))])
        kwargs.setdefault("widget", RadioSelect)
        super().__init__(*args, **kwargs)

    def condition(self) -> Q:
        raise NotImplementedError

    def filter(self, qs, value):
        if value == "true":
            return qs.filter(self.condition())
        if value == "false":
            return qs.exclude(self.condition())
        return qs


class ImportedFilter(YesNoFilter):
    """Pages the importer wrote (they keep a link to their import record)."""

    default_label = _("Came from an import")

    def condition(self):
        return imported_pages()


class NeedsWritingUpFilter(YesNoFilter):
    """Stub pages: nothing in the body yet (an imported name, a bare list item)."""

    default_label = _("Needs writing up")

    def condition(self):
        return pages_needing_writing_up()


class BodyRegionFilter(ModelMultipleChoiceFilter):
    """Pages about any of the chosen body regions."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Body region"))
        kwargs.setdefault("field_name", "body_regions")
        kwargs.setdefault("queryset", BodyRegion.objects.all())
        kwargs.setdefault("widget", CheckboxSelectMultiple)
        kwargs.setdefault("distinct", True)
        super().__init__(*args, **kwargs)


class BackHealthPageFilterSet(PageFilterSet):
    body_region = BodyRegionFilter()
    review_overdue = ReviewOverdueFilter()
    imported = ImportedFilter()
    needs_writing_up = NeedsWritingUpFilter()

    class Meta(PageFilterSet.Meta):
        pass


class TreatmentPageFilterSet(BackHealthPageFilterSet):
    treatment_kind = ChoiceFilter(
        label=_("Kind of treatment"),
        choices=TreatmentMixin.KIND_CHOICES,
        empty_label=_("Any"),
        widget=RadioSelect,
    )

    class Meta(BackHealthPageFilterSet.Meta):
        model = TreatmentPage


class BackHealthPageListingViewSet(PageListingViewSet):
    """A flat listing of one back-health page type, with review dates and filters."""

    #: Columns after Wagtail's own (title, parent, updated, status).
    review_columns = [
        DateColumn("last_reviewed", label=_("Last reviewed"), sort_key="last_reviewed"),
        DateColumn("next_review_due", label=_("Next review due"), sort_key="next_review_due"),
    ]
    filterset_class = BackHealthPageFilterSet
    add_to_admin_menu = False

    @property
    def columns(self):
        return [*PageListingViewSet.columns, *self.review_columns]


class ConditionListingViewSet(BackHealthPageListingViewSet):
    model = ConditionPage
    icon = "warning"
    menu_label = _("Conditions")
    name = "back_health_conditions"


class CauseListingViewSet(BackHealthPageListingViewSet):
    model = CausePage
    icon = "link"
    menu_label = _("Causes")
    name = "back_health_causes"


class TreatmentListingViewSet(BackHealthPageListingViewSet):
    model = TreatmentPage
    icon = "pick"
    menu_label = _("Treatments")
    name = "back_health_treatments"
    filterset_class = TreatmentPageFilterSet

    @property
    def columns(self):
        kind = Column(
            "treatment_kind",
            label=_("Kind"),
            accessor="get_treatment_kind_display",
            sort_key="treatment_kind",
        )
        return [*PageListingViewSet.columns, kind, *self.review_columns]


class ReviewerViewSet(SnippetViewSet):
    model = Reviewer
    icon = "user"
    menu_label = _("Reviewers")
    list_display = ["name", "role", "registration"]


class BodyRegionViewSet(SnippetViewSet):
    model = BodyRegion
    icon = "tag"
    menu_label = _("Body regions")
    list_display = ["name", "slug"]
    sort_order_field = "sort_order"


class BackHealthViewSetGroup(ViewSetGroup):
    """The "Back health" admin menu: the three page listings, reviewers and body regions."""

    menu_label = _("Back health")
    menu_icon = "doc-full-inverse"
    menu_name = "back_health"
    #: Lower numbers sit higher in the menu; just below Wagtail's own items.
    menu_order = 250
    #: Sites add or remove listings by overriding this.
    items = (
        ConditionListingViewSet,
        CauseListingViewSet,
        TreatmentListingViewSet,
        ReviewerViewSet,
        BodyRegionViewSet,
        ImportArticleViewSet,
        ImportRecordViewSet,
        BulkImportViewSet,
    )
