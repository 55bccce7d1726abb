"""What the importer wrote, so re-imports are idempotent and editors' work is safe."""

import swapper
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

swapper.set_app_prefix("wagtailcore", "wagtail")


class ImportRecord(models.Model):
    """One imported article: where it came from, what it wrote, and the report.

    A record is keyed by the hub it was imported under and a source identity the
    user can see and set (an address, a path, or one generated for a paste), so two
    different articles never share a record. It starts ``pending`` while an editor
    reviews its plan, becomes ``imported`` when the plan is written, ``undone``
    when the pages it created are removed again, or ``failed``.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        IMPORTED = "imported", _("Imported")
        UNDONE = "undone", _("Undone")
        FAILED = "failed", _("Failed")

    parent = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported under"),
        help_text=_("The Back health hub the article's pages were written under."),
    )
    identity = models.CharField(
        _("source identity"),
        max_length=500,
        help_text=_(
            "Where the article comes from (its address or path, or an identity generated "
            "for a pasted article); importing the same identity again updates this import."
        ),
    )
    source_name = models.CharField(_("source name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    format = models.CharField(_("format"), max_length=16)
    title = models.CharField(_("title"), max_length=255, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.IMPORTED,
        db_index=True,
    )
    pages = models.ManyToManyField(
        swapper.get_model_name("wagtailcore", "Page"),
        related_name="+",
        blank=True,
        verbose_name=_("pages"),
    )
    created_pages = models.ManyToManyField(
        swapper.get_model_name("wagtailcore", "Page"),
        related_name="+",
        blank=True,
        verbose_name=_("pages created"),
        help_text=_("The pages this import created: what undoing it may remove."),
    )
    plan = models.JSONField(
        _("plan"),
        default=dict,
        blank=True,
        help_text=_("The plan document: proposed while pending, as written once imported."),
    )
    draft_plan = models.JSONField(
        _("saved corrections"),
        null=True,
        blank=True,
        help_text=_(
            "While pending: the plan as the editor last saved it on the review screen, not "
            "yet written. The importer's proposal in the plan field stays as it was, so "
            "writing can tell every correction the editor made."
        ),
    )
    previous = models.JSONField(
        _("before this review"),
        default=dict,
        blank=True,
        help_text=_(
            "While a re-import of an article imported before is pending: the import as it "
            "stood (status, plan, counts), put back when the review is discarded."
        ),
    )
    corrections = models.JSONField(
        _("corrections"),
        default=list,
        blank=True,
        help_text=_("Editors' corrections to the importer's plan, applied again on re-import."),
    )
    report = models.JSONField(_("report"), default=dict)
    created_count = models.PositiveIntegerField(_("pages created"), default=0)
    updated_count = models.PositiveIntegerField(_("pages updated"), default=0)
    suggested_count = models.PositiveIntegerField(_("pages suggested"), default=0)
    flags_count = models.PositiveIntegerField(_("flags"), default=0)
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
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "identity"], name="back_health_unique_import_identity"
            )
        ]

    def __str__(self):
        return self.title or self.source_name

    @property
    def plan_under_review(self) -> dict:
        """The plan as the editor last saved it, or the importer's proposal."""
        return self.draft_plan or self.plan or {}

    @property
    def pending_since(self):
        """When a pending import was last read or saved; None for other imports."""
        return self.updated_at if self.status == self.Status.PENDING else None

    @property
    def is_stale(self) -> bool:
        """A pending import nobody has touched for ``BACK_HEALTH["IMPORT_PENDING_DAYS"]``."""
        from datetime import timedelta

        from django.utils import timezone

        from ..conf import back_health_settings

        since = self.pending_since
        days = back_health_settings.IMPORT_PENDING_DAYS
        return since is not None and timezone.now() - since >= timedelta(days=days)


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
    content_hash = models.CharField(
        max_length=64,
        blank=True,
        help_text=_(
            "Fingerprint of the page's stored content after the import; a different one "
            "means it was changed, even without a revision."
        ),
    )
    record = models.ForeignKey(
        ImportRecord, null=True, on_delete=models.SET_NULL, related_name="imported_pages"
    )

    class Meta:
        verbose_name = _("imported page")
        verbose_name_plural = _("imported pages")

    def __str__(self):
        return self.entity_key
