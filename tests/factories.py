"""Factories for back-health pages, relations and snippets (wagtail-factories)."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from back_health import models


class ReviewerFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Dr Reviewer {n}")
    role = "Consultant physiotherapist"
    registration = factory.Sequence(lambda n: f"PH{n:05d}")

    class Meta:
        model = models.Reviewer


class BodyRegionFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")

    class Meta:
        model = models.BodyRegion
        django_get_or_create = ("slug",)


class BackHealthIndexPageFactory(wagtail_factories.PageFactory):
    title = "Back health"
    slug = "back-health"
    intro = "Conditions, causes and treatments of back pain."

    class Meta:
        model = models.BackHealthIndexPage


class ConditionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Condition {n}")
    summary = "A condition of the back that usually gets better with time."

    class Meta:
        model = models.ConditionPage


class CausePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Cause {n}")
    summary = "Something that makes back pain more likely."

    class Meta:
        model = models.CausePage


class TreatmentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Treatment {n}")
    summary = "A way to ease back pain."
    treatment_kind = "self_care"

    class Meta:
        model = models.TreatmentPage
