"""Abstract behaviour of back-health pages.

Concrete pages in :mod:`back_health.models.pages` combine these mixins with
Wagtail's ``Page``. A site with its own base page composes the same mixins onto
that base instead (see the README, "Extending").
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from .. import structured_data as ld
from ..blocks import BackHealthStreamBlock, SourcesStreamBlock
from ..conf import back_health_settings
from ..templatetags.back_health_tags import bh_outline


def validate_summary_length(value):
    """Summaries double as meta descriptions, which search engines cut short."""
    limit = back_health_settings.SUMMARY_MAX_LENGTH
    if len(value) > limit:
        raise ValidationError(
            _("Keep the summary to %(limit)d characters or fewer (it has %(length)d).")
            % {"limit": limit, "length": len(value)}
        )


def split_lines(text):
    """One name per line, blanks and repeats dropped, order kept."""
    seen, names = set(), []
    for line in (text or "").splitlines():
        name = line.strip()
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


class ReviewerSerializer(serializers.Serializer):
    """A reviewer in the API: what the page shows, not the snippet's id alone."""

    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    role = serializers.CharField(read_only=True)
    registration = serializers.CharField(read_only=True)


class BodyRegionSerializer(serializers.Serializer):
    name = serializers.CharField(read_only=True)
    slug = serializers.CharField(read_only=True)


def breadcrumb_trail(page, request, site):
    """``(title, full url)`` from the site's home page down to ``page``'s parent.

    Walks up ``get_parent()``, which Wagtail's routing has already cached on each page
    it passed through, so a routed request spends no query on it.
    """
    crumbs = []
    current = page.get_parent()
    site_root_id = site.root_page_id if site else None
    while current is not None and current.depth > 1:
        crumbs.append(current)
        if current.pk == site_root_id:
            break
        current = current.get_parent()
    trail = [(crumb.title, crumb.get_full_url(request)) for crumb in reversed(crumbs)]
    return [(title, url) for title, url in trail if url]


def page_head_context(page, request, description):
    """Canonical address, sharing tags and breadcrumbs every back-health page needs.

    The breadcrumbs are computed when first used: inside a warm cached fragment, never.
    """
    from django.utils.functional import SimpleLazyObject
    from wagtail.models import Site

    url = page.get_full_url(request)
    site = Site.find_for_request(request) if request is not None else None
    breadcrumbs = SimpleLazyObject(lambda: breadcrumb_trail(page, request, site))
    return {
        "canonical_url": url,
        "site_name": (site.site_name if site else "") or "",
        "meta_description": description,
        "share_title": page.seo_title or page.title,
        "breadcrumbs": breadcrumbs,
        "breadcrumb_node": SimpleLazyObject(
            lambda: ld.breadcrumb_node([*breadcrumbs, (page.title, url)], url) if url else {}
        ),
    }


class GovernanceMixin(models.Model):
    """Clinical governance: who reviewed a page, when, and what it is based on."""

    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("Date a clinician last checked this page."),
    )
    next_review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        help_text=_(
            "Date by which the page must be reviewed again. Must be after the last review."
        ),
    )
    reviewer = models.ForeignKey(
        "back_health.Reviewer",
        verbose_name=_("reviewer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The clinician who last reviewed the page."),
    )
    sources = StreamField(
        SourcesStreamBlock(),
        blank=True,
        verbose_name=_("sources"),
        help_text=_("Guidelines, papers or articles this page is based on."),
    )

    #: Panels for the "Clinical review" tab.
    governance_panels = [
        MultiFieldPanel(
            [FieldPanel("last_reviewed"), FieldPanel("next_review_due"), FieldPanel("reviewer")],
            heading=_("Review"),
        ),
        FieldPanel("sources"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due <= self.last_reviewed
        ):
            raise ValidationError(
                {"next_review_due": _("The next review must fall after the last review.")}
            )

    @property
    def review_overdue(self):
        return bool(self.next_review_due and self.next_review_due < timezone.localdate())

    def default_next_review_due(self, reviewed: datetime.date | None = None):
        """The date a review falls due after ``reviewed``, by the site's interval."""
        reviewed = reviewed or self.last_reviewed or timezone.localdate()
        months = back_health_settings.REVIEW_INTERVAL_MONTHS
        year, month = divmod(reviewed.month - 1 + months, 12)
        day = min(reviewed.day, 28)
        return datetime.date(reviewed.year + year, month + 1, day)


class BackHealthPageMixin(GovernanceMixin):
    """Fields and behaviour every back-health page shares."""

    summary = models.TextField(
        _("summary"),
        max_length=1000,
        blank=True,
        validators=[validate_summary_length],
        help_text=_(
            "One or two plain sentences saying what the page is about. Shown under the "
            "title and used as the search engine description when that is empty."
        ),
    )
    body = StreamField(
        BackHealthStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The page content: headings, text, warnings and exercise lists."),
    )
    alternate_names = models.TextField(
        _("alternate names"),
        blank=True,
        help_text=_(
            "Other names readers use, one per line (e.g. 'lumbago' for lower back pain). "
            "Used by search and by the importer to recognise this page."
        ),
    )
    body_regions = ParentalManyToManyField(
        "back_health.BodyRegion",
        blank=True,
        related_name="+",
        verbose_name=_("body regions"),
        help_text=_("The parts of the back this page is about."),
    )

    #: Panels for the "Content" tab, after the title.
    content_panels_extra = [
        FieldPanel("summary"),
        FieldPanel("alternate_names"),
        FieldPanel("body_regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]

    #: Search index updates are queued by ``back_health.signal_handlers`` instead of
    #: modelsearch's global handler, so an import can hold back its own pages' updates
    #: without disconnecting anything other threads rely on.
    search_auto_update = False

    #: Extra search fields; concrete pages add them to ``Page.search_fields``.
    back_health_search_fields = [
        index.SearchField("summary"),
        index.SearchField("alternate_names"),
        index.SearchField("body"),
        index.AutocompleteField("alternate_names"),
        index.FilterField("next_review_due"),
        index.FilterField("last_reviewed"),
    ]

    #: Fields exposed through Wagtail's API.
    back_health_api_fields = [
        APIField("summary"),
        APIField("alternate_names_list"),
        APIField("body"),
        APIField("body_regions", serializer=BodyRegionSerializer(many=True, read_only=True)),
        APIField("last_reviewed"),
        APIField("next_review_due"),
        APIField("reviewer", serializer=ReviewerSerializer()),
        APIField("sources"),
    ]

    class Meta:
        abstract = True

    #: Fragment of the ``@id`` of the thing the page is about ("condition", "cause"...).
    jsonld_fragment = "topic"

    @property
    def alternate_names_list(self):
        return split_lines(self.alternate_names)

    @property
    def has_content(self):
        return bool(self.summary.strip() or self.body)

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_citations(self):
        """Source values worth showing readers (see ``SourceValue.is_citation``)."""
        return [source.value for source in self.sources if source.value.is_citation]

    def get_relation_loaders(self):
        """``{context name: callable}`` loading related pages, one query per kind."""
        return {}

    def get_relation_context(self):
        """Related pages for the template and the structured data, loaded now."""
        return {name: list(load()) for name, load in self.get_relation_loaders().items()}

    def get_regions(self):
        return list(self.body_regions.all())

    def get_sitemap_urls(self, request=None):
        """Last modified is the last clinical review when there is one."""
        urls = super().get_sitemap_urls(request)
        if self.last_reviewed:
            # A datetime like Wagtail's own entries: the sitemap compares them all.
            reviewed = datetime.datetime.combine(self.last_reviewed, datetime.time.min)
            if settings.USE_TZ:
                reviewed = timezone.make_aware(reviewed, datetime.UTC)
            for entry in urls:
                entry["lastmod"] = reviewed
        return urls

    # ---- Structured data ----

    def get_entity_id(self, request=None, url=None):
        return ld.entity_id(url or self.get_full_url(request), self.jsonld_fragment)

    def get_main_entity(self, request, url, context):
        """The schema.org thing the page is about; concrete pages add their links."""
        return {
            "@type": "MedicalEntity",
            "@id": self.get_entity_id(url=url),
            "name": self.title,
            "alternateName": self.alternate_names_list,
            "description": self.summary,
            "url": url,
            "mainEntityOfPage": {"@id": ld.entity_id(url, "webpage")},
        }

    def get_structured_data(self, request, context):
        url = context["canonical_url"]
        site_url = url.split("/", 3)
        site_url = "/".join(site_url[:3]) + "/" if len(site_url) > 3 else url
        reviewer = ld.reviewer_node(self.reviewer, site_url)
        entity = ld.compact(self.get_main_entity(request, url, context))
        webpage = ld.compact(
            {
                "@type": "MedicalWebPage",
                "@id": ld.entity_id(url, "webpage"),
                "url": url,
                "name": context["share_title"],
                "headline": self.title,
                "description": context["meta_description"],
                "inLanguage": get_language(),
                "about": {"@id": entity["@id"]},
                "mainEntity": {"@id": entity["@id"]},
                "medicalAudience": {"@type": "Patient"},
                "datePublished": self.first_published_at.date().isoformat()
                if self.first_published_at
                else None,
                "dateModified": self.last_published_at.date().isoformat()
                if self.last_published_at
                else None,
                "lastReviewed": self.last_reviewed.isoformat() if self.last_reviewed else None,
                "reviewedBy": {"@id": reviewer["@id"]} if reviewer else None,
                "citation": ld.citation_nodes(context["citations"]),
                "breadcrumb": {"@id": context["breadcrumb_node"]["@id"]}
                if context["breadcrumb_node"]
                else None,
            }
        )
        return ld.graph(webpage, entity, reviewer, dict(context["breadcrumb_node"]))

    def get_context(self, request, *args, **kwargs):
        from ..cache import LazySafeString, fragment_key, lazy_list

        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = back_health_settings.BASE_TEMPLATE
        context.update(page_head_context(self, request, self.get_meta_description()))
        context["citations"] = self.get_citations()
        # Shared by the contents list and the body, so the outline is worked out once.
        context["outline"] = bh_outline(self.body)
        # Relations, regions and the JSON-LD built from them are only read inside the
        # template's cached fragments, so a warm page spends no query or work on them.
        context["fragment_key"] = fragment_key(request)
        context["regions"] = lazy_list(self.get_regions)
        for name, compute in self.get_relation_loaders().items():
            context[name] = lazy_list(compute)
        context["structured_data"] = LazySafeString(
            lambda: ld.to_script(self.get_structured_data(request, context))
        )
        return context


class PointedAtMixin(models.Model):
    """Cause and treatment pages list the conditions that point at them."""

    #: The relation model whose ``target`` points at this page type; set by concrete pages.
    condition_link_model = None

    class Meta:
        abstract = True

    def get_condition_links(self):
        model = self.condition_link_model
        if model is None:
            return []
        return list(
            model.objects.filter(target_id=self.pk)
            .select_related("page")
            .filter(page__live=True)
            .order_by("page__title")
        )

    def get_relation_loaders(self):
        return {"condition_links": self.get_condition_links}

    def condition_refs(self, request, context):
        return [{"@id": link.page.get_entity_id(request)} for link in context["condition_links"]]


class TreatmentMixin(models.Model):
    """What kind of treatment a page describes and, for medicines, their names."""

    KIND_CHOICES = [
        ("medicine", _("Medicine")),
        ("physical_therapy", _("Physical therapy")),
        ("manual_therapy", _("Manual therapy")),
        ("injection", _("Injection")),
        ("procedure", _("Procedure")),
        ("surgery", _("Surgery")),
        ("self_care", _("Self-care")),
        ("psychological", _("Psychological therapy")),
        ("other", _("Other")),
    ]
    PRESCRIPTION_CHOICES = [
        ("prescription", _("Prescription only")),
        ("pharmacy", _("Pharmacy medicine")),
        ("general_sale", _("General sale")),
    ]

    treatment_kind = models.CharField(
        _("kind of treatment"),
        max_length=32,
        choices=KIND_CHOICES,
        default="other",
        help_text=_("Used to group treatments on the hub and in the admin."),
    )
    generic_name = models.CharField(
        _("generic name"),
        max_length=255,
        blank=True,
        help_text=_("Medicines only: the international non-proprietary name, e.g. 'ibuprofen'."),
    )
    brand_names = models.TextField(
        _("brand names"),
        blank=True,
        help_text=_("Medicines only: brand names, one per line, e.g. 'Nurofen'."),
    )
    prescription_status = models.CharField(
        _("prescription status"),
        max_length=32,
        choices=PRESCRIPTION_CHOICES,
        blank=True,
        help_text=_("Medicines only: how the medicine can be obtained."),
    )

    treatment_panels = [
        MultiFieldPanel(
            [
                FieldPanel("treatment_kind"),
                FieldPanel("generic_name"),
                FieldPanel("brand_names"),
                FieldPanel("prescription_status"),
            ],
            heading=_("Treatment"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def brand_names_list(self):
        return split_lines(self.brand_names)

    @property
    def jsonld_fragment(self):
        return "drug" if self.treatment_kind == "medicine" else "therapy"

    def get_treatment_entity(self, entity):
        """``entity`` typed as a ``Drug`` (medicines) or a kind of ``MedicalTherapy``."""
        if self.treatment_kind == "medicine":
            entity.update(
                {
                    "@type": "Drug",
                    "nonProprietaryName": self.generic_name,
                    "activeIngredient": self.generic_name,
                    "proprietaryName": self.brand_names_list,
                    "prescriptionStatus": ld.PRESCRIPTION_STATUS.get(self.prescription_status),
                }
            )
        else:
            entity["@type"] = ld.THERAPY_TYPES.get(self.treatment_kind, "MedicalTherapy")
        return entity

    def clean(self):
        super().clean()
        if self.treatment_kind != "medicine" and (self.generic_name or self.brand_names):
            raise ValidationError(
                {"treatment_kind": _("Generic and brand names only apply to medicines.")}
            )
