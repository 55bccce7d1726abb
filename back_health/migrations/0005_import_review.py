"""Import review: records keyed by hub and source identity, with a status, a stored plan,
editors' corrections and page counts; imported pages remember their content fingerprint."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def fill_review_fields(apps, schema_editor):
    """Existing records: imported, under the parent of the pages they wrote, with counts
    and created pages taken from their report."""
    ImportRecord = apps.get_model("back_health", "ImportRecord")
    Page = apps.get_model(*settings.WAGTAIL_PAGE_MODEL.split("."))
    for record in ImportRecord.objects.all().iterator():
        report = record.report or {}
        pages = report.get("pages") or []
        actions = [page.get("action") for page in pages if page.get("kind") != "index"]
        record.status = "failed" if report.get("status") == "failed" else "imported"
        record.created_count = actions.count("create")
        record.updated_count = actions.count("update")
        record.suggested_count = actions.count("suggest")
        record.flags_count = len(report.get("flags") or [])
        page_ids = list(record.pages.values_list("pk", flat=True))
        first = Page.objects.filter(pk__in=page_ids).order_by("path").first()
        if first is not None and first.depth > 1:
            # Pages live one level below their hub: the parent's path is theirs minus
            # one step (treebeard's fixed-width steps).
            step = len(first.path) // first.depth
            record.parent = Page.objects.filter(path=first.path[:-step]).first()
        record.save()
        created = [
            page["id"] for page in pages if page.get("action") == "create" and page.get("id")
        ]
        if created:
            record.created_pages.add(*Page.objects.filter(pk__in=created))


class Migration(migrations.Migration):
    dependencies = [
        ("back_health", "0004_entity_names_and_bulk_imports"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(
            model_name="importrecord", old_name="source_key", new_name="identity"
        ),
        migrations.AlterField(
            model_name="importrecord",
            name="identity",
            field=models.CharField(
                help_text=(
                    "Where the article comes from (its address or path, or an identity "
                    "generated for a pasted article); importing the same identity again "
                    "updates this import."
                ),
                max_length=500,
                verbose_name="source identity",
            ),
        ),
        migrations.AddField(
            model_name="importrecord",
            name="parent",
            field=models.ForeignKey(
                blank=True,
                help_text="The Back health hub the article's pages were written under.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.WAGTAIL_PAGE_MODEL,
                verbose_name="imported under",
            ),
        ),
        migrations.AddField(
            model_name="importrecord",
            name="status",
            field=models.CharField(
                choices=[
                    ("pending", "Awaiting review"),
                    ("imported", "Imported"),
                    ("undone", "Undone"),
                    ("failed", "Failed"),
                ],
                db_index=True,
                default="imported",
                max_length=16,
                verbose_name="status",
            ),
        ),
        migrations.AddField(
            model_name="importrecord",
            name="created_pages",
            field=models.ManyToManyField(
                blank=True,
                help_text="The pages this import created: what undoing it may remove.",
                related_name="+",
                to=settings.WAGTAIL_PAGE_MODEL,
                verbose_name="pages created",
            ),
        ),
        migrations.AddField(
            model_name="importrecord",
            name="plan",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text=(
                    "The plan document: proposed while pending, as written once imported."
                ),
                verbose_name="plan",
            ),
        ),
        migrations.AddField(
            model_name="importrecord",
            name="corrections",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text=(
                    "Editors' corrections to the importer's plan, applied again on re-import."
                ),
                verbose_name="corrections",
            ),
        ),
        migrations.AddField(
            model_name="importrecord",
            name="created_count",
            field=models.PositiveIntegerField(default=0, verbose_name="pages created"),
        ),
        migrations.AddField(
            model_name="importrecord",
            name="updated_count",
            field=models.PositiveIntegerField(default=0, verbose_name="pages updated"),
        ),
        migrations.AddField(
            model_name="importrecord",
            name="suggested_count",
            field=models.PositiveIntegerField(default=0, verbose_name="pages suggested"),
        ),
        migrations.AddField(
            model_name="importrecord",
            name="flags_count",
            field=models.PositiveIntegerField(default=0, verbose_name="flags"),
        ),
        migrations.AddField(
            model_name="importedpage",
            name="content_hash",
            field=models.CharField(
                blank=True,
                help_text=(
                    "Fingerprint of the page's stored content after the import; a different "
                    "one means it was changed, even without a revision."
                ),
                max_length=64,
            ),
        ),
        migrations.RunPython(fill_review_fields, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="importrecord",
            constraint=models.UniqueConstraint(
                fields=("parent", "identity"), name="back_health_unique_import_identity"
            ),
        ),
    ]
