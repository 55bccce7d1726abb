"""Ordered relations from a condition to its causes, treatments and related conditions."""

import swapper
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.models import Orderable

swapper.set_app_prefix("wagtailcore", "wagtail")


class ConditionLink(Orderable):
    """A link from a condition page to another page, with an optional note."""

    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Optional: how the two relate, e.g. 'most common in people over 40'."),
    )

    #: In the API each link gives its target (id, type, addresses), title and note.
    api_fields = [APIField("target"), APIField("target_title"), APIField("note")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return f"{self.page} -> {self.target}"

    @property
    def target_title(self):
        return self.target.title


class ConditionCause(ConditionLink):
    page = ParentalKey(
        "back_health.ConditionPage", on_delete=models.CASCADE, related_name="cause_links"
    )
    target = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        verbose_name=_("cause"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A cause page, or a condition that can cause this one."),
    )

    panels = [
        PageChooserPanel(
            "target", page_type=["back_health.CausePage", "back_health.ConditionPage"]
        ),
        FieldPanel("note"),
    ]

    class Meta(ConditionLink.Meta):
        verbose_name = _("cause")
        verbose_name_plural = _("causes")
        constraints = [
            models.UniqueConstraint(fields=["page", "target"], name="back_health_unique_cause")
        ]

    def clean(self):
        super().clean()
        if self.target_id and self.target_id == self.page_id:
            raise ValidationError({"target": _("A condition cannot be its own cause.")})


class ConditionTreatment(ConditionLink):
    page = ParentalKey(
        "back_health.ConditionPage", on_delete=models.CASCADE, related_name="treatment_links"
    )
    target = models.ForeignKey(
        "back_health.TreatmentPage",
        verbose_name=_("treatment"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A treatment page: a medicine, therapy, procedure or self-care."),
    )

    panels = [
        PageChooserPanel("target", page_type=["back_health.TreatmentPage"]),
        FieldPanel("note"),
    ]

    class Meta(ConditionLink.Meta):
        verbose_name = _("treatment")
        verbose_name_plural = _("treatments")
        constraints = [
            models.UniqueConstraint(fields=["page", "target"], name="back_health_unique_treatment")
        ]


class RelatedCondition(ConditionLink):
    page = ParentalKey(
        "back_health.ConditionPage", on_delete=models.CASCADE, related_name="related_links"
    )
    target = models.ForeignKey(
        "back_health.ConditionPage",
        verbose_name=_("related condition"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "A condition readers of this page may also want, e.g. one often confused with it."
        ),
    )

    panels = [
        PageChooserPanel("target", page_type=["back_health.ConditionPage"]),
        FieldPanel("note"),
    ]

    class Meta(ConditionLink.Meta):
        verbose_name = _("related condition")
        verbose_name_plural = _("related conditions")
        constraints = [
            models.UniqueConstraint(fields=["page", "target"], name="back_health_unique_related")
        ]

    def clean(self):
        super().clean()
        if self.target_id and self.target_id == self.page_id:
            raise ValidationError({"target": _("A condition cannot be related to itself.")})
