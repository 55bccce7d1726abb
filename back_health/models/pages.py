"""Concrete back-health page types: thin combinations of the mixins with ``Page``."""

import string

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.coreutils import resolve_model_string
from wagtail.models import Page, get_page_models

from .. import structured_data as ld
from ..conf import back_health_settings
from .mixins import BackHealthPageMixin, PointedAtMixin, TreatmentMixin, page_head_context
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

    def route(self, request, path_components):
        """Load a child page with its reviewer in the query that finds it, so the page
        does not spend a query of its own on the review footer and structured data."""
        if not path_components:
            return super().route(request, path_components)
        found = (
            self.get_children()
            .filter(slug=path_components[0])
            .values_list("pk", "content_type_id")
            .first()
        )
        if found is None:
            raise Http404
        model = ContentType.objects.get_for_id(found[1]).model_class()
        if model is None:
            raise Http404
        queryset = model.objects.all()
        if hasattr(model, "reviewer_id"):
            queryset = queryset.select_related("reviewer")
        subpage = queryset.get(pk=found[0])
        subpage._cached_parent_obj = self
        return subpage.route(request, path_components[1:])

    def get_pages(self, model):
        """Live, public pages of ``model`` below the hub that have something to read."""
        return (
            model.objects.child_of(self)
            .live()
            .public()
            .filter(~Q(summary="") | ~Q(body=[]))
            .defer_streamfields()
            .order_by("title")
        )

    def get_entries(self):
        """Live child pages grouped by kind, each group sorted A-Z, in three queries."""
        groups = []
        for model, label in self.kinds():
            pages = self.get_pages(model)
            groups.append({"label": label, "kind": model._meta.model_name, "pages": list(pages)})
        return groups

    @staticmethod
    def kinds():
        return (
            (ConditionPage, _("Condition")),
            (CausePage, _("Cause")),
            (TreatmentPage, _("Treatment")),
        )

    def get_az(self):
        """``(letters, sections)``: every letter A-Z with whether it has pages, and one
        section per letter holding its pages (of all kinds) A-Z, each with its kind."""
        entries = []
        for model, label in self.kinds():
            for entry in self.get_pages(model):
                entries.append((entry.title.casefold(), entry, label))
        entries.sort(key=lambda item: item[0])
        sections = {}
        for _key, entry, label in entries:
            first = entry.title[:1].upper()
            letter = first if first in string.ascii_uppercase else "#"
            sections.setdefault(letter, []).append({"page": entry, "kind": label})
        order = [*string.ascii_uppercase, "#"]
        letters = [(letter, letter in sections) for letter in string.ascii_uppercase]
        return {
            "letters": letters,
            "sections": [(letter, sections[letter]) for letter in order if letter in sections],
        }

    def get_structured_data(self, request, context, az):
        url = context["canonical_url"]
        items = [
            {
                "@type": "ListItem",
                "position": position,
                "url": item["page"].get_full_url(request),
                "name": item["page"].title,
            }
            for position, item in enumerate(
                (item for _letter, items in az["sections"] for item in items), start=1
            )
        ]
        webpage = ld.compact(
            {
                "@type": ["CollectionPage", "MedicalWebPage"],
                "@id": ld.entity_id(url, "webpage"),
                "url": url,
                "name": context["share_title"],
                "description": context["meta_description"],
                "medicalAudience": {"@type": "Patient"},
                "mainEntity": {"@id": ld.entity_id(url, "list")},
                "breadcrumb": {"@id": context["breadcrumb_node"]["@id"]}
                if context["breadcrumb_node"]
                else None,
            }
        )
        item_list = {
            "@type": "ItemList",
            "@id": ld.entity_id(url, "list"),
            "numberOfItems": len(items),
            "itemListElement": items,
        }
        return ld.to_script(ld.graph(webpage, item_list, dict(context["breadcrumb_node"])))

    def get_context(self, request, *args, **kwargs):
        from ..cache import LazySafeString, fragment_key

        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = back_health_settings.BASE_TEMPLATE
        context.update(page_head_context(self, request, self.search_description or self.intro))
        context["fragment_key"] = fragment_key(request)
        # Only evaluated when the template's cached fragment is missing.
        context["hub_az"] = _Lazy(self.get_az)
        context["hub_structured_data"] = LazySafeString(
            lambda: self.get_structured_data(request, context, context["hub_az"].value)
        )
        return context


class _Lazy:
    """A value computed on first use, so a template's cached fragment can skip it."""

    def __init__(self, compute):
        self._compute = compute

    @property
    def value(self):
        if not hasattr(self, "_value"):
            self._value = self._compute()
        return self._value


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

    jsonld_fragment = "condition"

    def get_relations(self):
        """Causes, treatments and related conditions in three queries, whatever their number."""
        return self.get_relation_context()

    def get_relation_loaders(self):
        return {
            "causes": lambda: self.cause_links.select_related("target").filter(target__live=True),
            "treatments": lambda: self.treatment_links.select_related("target").filter(
                target__live=True
            ),
            "related_conditions": lambda: self.related_links.select_related("target").filter(
                target__live=True
            ),
        }

    def get_main_entity(self, request, url, context):
        entity = super().get_main_entity(request, url, context)
        causes = []
        for link in context["causes"]:
            # A cause may be a cause page or another condition; both declare an @id.
            fragment = getattr(link.target.specific_class, "jsonld_fragment", None)
            if not isinstance(fragment, str):
                continue
            causes.append({"@id": ld.entity_id(link.target.get_full_url(request), fragment)})
        entity.update(
            {
                "@type": "MedicalCondition",
                "associatedAnatomy": [
                    {"@type": "AnatomicalStructure", "name": region.name}
                    for region in context["regions"]
                ],
                "cause": causes,
                # schema.org keeps medicines (Drug) apart from other treatments.
                "possibleTreatment": [
                    {"@id": link.target.get_entity_id(request)}
                    for link in context["treatments"]
                    if link.target.treatment_kind != "medicine"
                ],
                "drug": [
                    {"@id": link.target.get_entity_id(request)}
                    for link in context["treatments"]
                    if link.target.treatment_kind == "medicine"
                ],
            }
        )
        return entity

    def get_structured_data(self, request, context):
        data = super().get_structured_data(request, context)
        related = [link.target.get_full_url(request) for link in context["related_conditions"]]
        if related:
            data["@graph"][0]["relatedLink"] = related
        return data


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

    jsonld_fragment = "cause"

    def get_main_entity(self, request, url, context):
        entity = super().get_main_entity(request, url, context)
        entity["@type"] = "MedicalCause"
        entity["causeOf"] = self.condition_refs(request, context)
        return entity


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

    def get_main_entity(self, request, url, context):
        entity = self.get_treatment_entity(super().get_main_entity(request, url, context))
        if entity["@type"] != "Drug":
            entity["bodyLocation"] = ", ".join(region.name for region in context["regions"])
        return entity

    def get_structured_data(self, request, context):
        data = super().get_structured_data(request, context)
        # No schema.org property runs from a therapy to its conditions; the page mentions them.
        data["@graph"][0]["mentions"] = self.condition_refs(request, context)
        if not data["@graph"][0]["mentions"]:
            del data["@graph"][0]["mentions"]
        return data
