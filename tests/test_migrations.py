from io import StringIO

import pytest
from django.core.management import call_command

from back_health.models import BodyRegion


@pytest.mark.django_db
def test_models_and_migrations_agree():
    """A model change without its migration fails here, not on a site's deploy."""
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=StringIO())
    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db
def test_migrations_create_the_standard_body_regions_in_spine_order():
    assert list(BodyRegion.objects.values_list("slug", "name")) == [
        ("neck", "Neck"),
        ("upper-back", "Upper back"),
        ("middle-back", "Middle back"),
        ("lower-back", "Lower back"),
        ("pelvis-and-sacrum", "Pelvis and sacrum"),
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_body_regions_migration_is_reversible():
    BodyRegion.objects.create(name="Coccyx", slug="coccyx", sort_order=60)

    call_command("migrate", "back_health", "0001", verbosity=0)
    assert list(BodyRegion.objects.values_list("slug", flat=True)) == ["coccyx"]

    call_command("migrate", "back_health", verbosity=0)
    assert BodyRegion.objects.count() == 6


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_saved_corrections_move_to_their_own_field_and_back():
    from back_health.models import ImportRecord

    draft = {"title": "Corrected", "pages": []}
    record = ImportRecord.objects.create(
        identity="a.md#1",
        source_name="a.md",
        sha256="0" * 64,
        format="markdown",
        status="pending",
        plan={"title": "Proposed", "pages": []},
        draft_plan=draft,
    )

    call_command("migrate", "back_health", "0007_body_table_block", verbosity=0)
    plan = ImportRecord.objects.filter(pk=record.pk).values_list("plan", flat=True).get()
    assert plan == {"title": "Proposed", "pages": [], "editor_draft": draft}

    call_command("migrate", "back_health", verbosity=0)
    record.refresh_from_db()
    assert record.plan == {"title": "Proposed", "pages": []} and record.draft_plan == draft
