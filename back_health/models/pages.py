"""Concrete back-health page types: thin combinations of the mixins with ``Page``."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.coreutils import resolve_model_string
from wagtail.models import Page, get_page_models

from ..conf import back_health_settings
from .mixins import BackHealthPageMixin, PointedAtMixin, TreatmentMixin
from .relations import ConditionCause, ConditionTreatment


def _edit_handler(content, relations=None, extra=None):
    """Tabs an editor understands: content, relations, clinical review, promote."""
    tabs = [ObjectList(content, heading=_("Content"))]
    if relations:
        tabs.append(ObjectList(relations, heading=_("Relations")))
    if extra:
        tabs.append(ObjectList(extra, heading=_("Clinical review")))
    tabs.append(ObjectList(Page.promote_panels, heading=_("Promote")))
    tabs.append(ObjectList(Page.settings_panels, heading=_("Settings")))
    return TabbedInterface(tabs)


class BackHealthIndexPage(Page):
    """The "Back health" hub: an A-Z of the conditions, causes and treatments below it."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A few sentences shown above the A-Z list."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields
    api_fields = [APIField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "back_health.ConditionPage",
        "back_health.CausePage",
        "back_health.TreatmentPage",
    ]
    template = "back_health/pages/back_health_index_page.html"

    class Meta:
        verbose_name = _("back health hub")
        verbose_name_plural = _("back health hubs")

    @classmethod
    def clean_subpage_models(cls):
        """The listed page types and their subclasses, so a site's own
        ``ClinicConditionPage(ConditionPage)`` can live under the hub unchanged."""
        if cls._clean_subpage_models is None:
            listed = tuple(
                resolve_model_string(name, cls._meta.app_label) for name in cls.subpage_types
            )
            cls._clean_subpage_models = [
                model for model in get_page_models() if issubclass(model, listed)
            ]
        return cls._clean_subpage_models

    def get_entries(self):
        """Live child pages grouped by kind, each group sorted A-Z, in three queries."""
        groups = []
        for model, label in (
            (ConditionPage, _("Conditions")),
            (CausePage, _("Causes")),
            (TreatmentPage, _("Treatments")),
        ):
            pages = (
                model.objects.child_of(self).live().public().defer_streamfields().order_by("title")
            )
            groups.append({"label": label, "kind": model._meta.model_name, "pages": list(pages)})
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = back_health_settings.BASE_TEMPLATE
        context["groups"] = self.get_entries()
        return context


class ConditionPage(BackHealthPageMixin, Page):
    """A condition: what it is, its causes, treatments, warnings and exercises."""

    content_panels = Page.content_panels + BackHealthPageMixin.content_panels_extra
    relation_panels = [
        InlinePanel("cause_links", heading=_("Causes"), label=_("Cause")),
        InlinePanel("treatment_links", heading=_("Treatments"), label=_("Treatment")),
        InlinePanel("related_links", heading=_("Related conditions"), label=_("Related condition")),
    ]
    edit_handler = _edit_handler(
        content_panels, relation_panels, BackHealthPageMixin.governance_panels
    )
    search_fields = Page.search_fields + BackHealthPageMixin.back_health_search_fields
    api_fields = BackHealthPageMixin.back_health_api_fields + [
        APIField("cause_links"),
        APIField("treatment_links"),
        APIField("related_links"),
    ]

    parent_page_types = ["back_health.BackHealthIndexPage"]
    subpage_types = []
    template = "back_health/pages/condition_page.html"

    class Meta:
        verbose_name = _("condition")
        verbose_name_plural = _("conditions")

    def get_relations(self):
        """Causes, treatments and related conditions in three queries, whatever their number."""
        return {
            "causes": list(self.cause_links.select_related("target").filter(target__live=True)),
            "treatments": list(
                self.treatment_links.select_related("target").filter(target__live=True)
            ),
            "related_conditions": list(
                self.related_links.select_related("target").filter(target__live=True)
            ),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.get_relations())
        return context


class CausePage(PointedAtMixin, BackHealthPageMixin, Page):
    """A cause or risk factor of one or more conditions."""

    condition_link_model = ConditionCause

    content_panels = Page.content_panels + BackHealthPageMixin.content_panels_extra
    edit_handler = _edit_handler(content_panels, None, BackHealthPageMixin.governance_panels)
    search_fields = Page.search_fields + BackHealthPageMixin.back_health_search_fields
    api_fields = BackHealthPageMixin.back_health_api_fields

    parent_page_types = ["back_health.BackHealthIndexPage"]
    subpage_types = []
    template = "back_health/pages/cause_page.html"

    class Meta:
        verbose_name = _("cause")
        verbose_name_plural = _("causes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["condition_links"] = self.get_condition_links()
        return context


class TreatmentPage(PointedAtMixin, TreatmentMixin, BackHealthPageMixin, Page):
    """A treatment: medicine, therapy, procedure or self-care."""

    condition_link_model = ConditionTreatment

    content_panels = (
        Page.content_panels
        + TreatmentMixin.treatment_panels
        + BackHealthPageMixin.content_panels_extra
    )
    edit_handler = _edit_handler(content_panels, None, BackHealthPageMixin.governance_panels)
    search_fields = Page.search_fields + BackHealthPageMixin.back_health_search_fields
    api_fields = BackHealthPageMixin.back_health_api_fields + [
        APIField("treatment_kind"),
        APIField("generic_name"),
        APIField("brand_names_list"),
        APIField("prescription_status"),
    ]

    parent_page_types = ["back_health.BackHealthIndexPage"]
    subpage_types = []
    template = "back_health/pages/treatment_page.html"

    class Meta:
        verbose_name = _("treatment")
        verbose_name_plural = _("treatments")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["condition_links"] = self.get_condition_links()
        return context
