"""Abstract behaviour of back-health pages.

Concrete pages in :mod:`back_health.models.pages` combine these mixins with
Wagtail's ``Page``. A site with its own base page composes the same mixins onto
that base instead (see the README, "Extending").
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import BackHealthStreamBlock, SourcesStreamBlock
from ..conf import back_health_settings


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
    ]

    #: Fields exposed through Wagtail's API.
    back_health_api_fields = [
        APIField("summary"),
        APIField("alternate_names_list"),
        APIField("body"),
        APIField("body_regions"),
        APIField("last_reviewed"),
        APIField("next_review_due"),
        APIField("reviewer"),
        APIField("sources"),
    ]

    class Meta:
        abstract = True

    @property
    def alternate_names_list(self):
        return split_lines(self.alternate_names)

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = back_health_settings.BASE_TEMPLATE
        context["meta_description"] = self.get_meta_description()
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

    def clean(self):
        super().clean()
        if self.treatment_kind != "medicine" and (self.generic_name or self.brand_names):
            raise ValidationError(
                {"treatment_kind": _("Generic and brand names only apply to medicines.")}
            )
