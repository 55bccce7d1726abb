"""Lookup tables the importer queries instead of loading the whole site."""

import swapper
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EntityName(models.Model):
    """One normalised name (title, draft title or alternate name) of a back-health page.

    Kept current by a ``post_save`` handler, so the importer can find the pages an
    article names with one indexed query, however large the site.
    """

    page = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    #: ``condition``, ``cause`` or ``treatment``.
    kind = models.CharField(max_length=16)
    #: The name as :func:`back_health.importer.names.entity_key` gives it.
    name = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("entity name")
        verbose_name_plural = _("entity names")
        indexes = [models.Index(fields=["kind", "name"], name="back_health_entity_name")]

    def __str__(self):
        return f"{self.kind}:{self.name}"


class ImportBatch(models.Model):
    """A bulk import: many articles, one background task each."""

    name = models.CharField(_("name"), max_length=255)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bulk import")
        verbose_name_plural = _("bulk imports")

    def __str__(self):
        return self.name

    def counts(self) -> dict[str, int]:
        """How many articles are in each state, every state present."""
        counts = dict.fromkeys(ImportBatchItem.Status.values, 0)
        for row in self.items.values("status").annotate(n=models.Count("pk")):
            counts[row["status"]] = row["n"]
        counts["total"] = sum(counts.values())
        counts["done"] = counts["total"] - counts["queued"] - counts["running"]
        return counts


class ImportBatchItem(models.Model):
    """One article of a bulk import and what became of it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        IMPORTED = "imported", _("Imported")
        UNCHANGED = "unchanged", _("Unchanged")
        #: Read but not written: an article in a language the import rules do not cover.
        SKIPPED = "skipped", _("Skipped")
        FAILED = "failed", _("Failed")

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="items")
    source_name = models.CharField(_("source"), max_length=255)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    record = models.ForeignKey(
        "back_health.ImportRecord",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("import record"),
    )
    task_id = models.CharField(max_length=64, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("bulk import article")
        verbose_name_plural = _("bulk import articles")

    def __str__(self):
        return self.source_name
