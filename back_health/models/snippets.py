"""Snippets shared by back-health pages: reviewers and body regions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class Reviewer(index.Indexed, models.Model):
    """A clinician who reviews back-health pages."""

    name = models.CharField(_("name"), max_length=255, help_text=_("Full name as published."))
    role = models.CharField(
        _("role"),
        max_length=255,
        blank=True,
        help_text=_("Job title and qualifications, e.g. 'Consultant physiotherapist, MCSP'."),
    )
    registration = models.CharField(
        _("registration"),
        max_length=100,
        blank=True,
        help_text=_("Professional registration number, shown beside the name."),
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")

    def __str__(self):
        return f"{self.name}, {self.role}" if self.role else self.name


class BodyRegion(models.Model):
    """A part of the back a page is about (neck, upper back, lower back...)."""

    name = models.CharField(
        _("name"), max_length=100, unique=True, help_text=_("As readers say it, e.g. 'Lower back'.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Stable key used in addresses, filters and imports, e.g. 'lower-back'."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Regions are listed from the lowest number up.")
    )

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("body region")
        verbose_name_plural = _("body regions")

    def __str__(self):
        return self.name
