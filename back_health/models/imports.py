"""What the importer wrote, so re-imports are idempotent and editors' work is safe."""

import swapper
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

swapper.set_app_prefix("wagtailcore", "wagtail")


class ImportRecord(models.Model):
    """One imported article: where it came from, what it wrote, and the report."""

    source_key = models.CharField(
        _("source key"),
        max_length=255,
        unique=True,
        help_text=_("Stable identity of the source (its name or origin URL)."),
    )
    source_name = models.CharField(_("source name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    format = models.CharField(_("format"), max_length=16)
    title = models.CharField(_("title"), max_length=255, blank=True)
    pages = models.ManyToManyField(
        swapper.get_model_name("wagtailcore", "Page"),
        related_name="+",
        blank=True,
        verbose_name=_("pages"),
    )
    report = models.JSONField(_("report"), default=dict)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported by"),
    )
    created_at = models.DateTimeField(_("first imported"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last imported"), auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("import record")
        verbose_name_plural = _("import records")

    def __str__(self):
        return self.title or self.source_name


class ImportedPage(models.Model):
    """The importer's last word on a page: which revision it wrote, from what plan."""

    page = models.OneToOneField(
        swapper.get_model_name("wagtailcore", "Page"),
        on_delete=models.CASCADE,
        related_name="back_health_import",
    )
    #: Normalised entity key ("condition:sciatica") used to find the page again.
    entity_key = models.CharField(max_length=255, db_index=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The revision the importer wrote last; a later one means an editor changed it."
        ),
    )
    plan_hash = models.CharField(max_length=64)
    record = models.ForeignKey(
        ImportRecord, null=True, on_delete=models.SET_NULL, related_name="imported_pages"
    )

    class Meta:
        verbose_name = _("imported page")
        verbose_name_plural = _("imported pages")

    def __str__(self):
        return self.entity_key
