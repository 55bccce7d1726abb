"""``rebuild_back_health_names`` makes the importer's name index match the pages."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page

from back_health.models import BackHealthIndexPage, ConditionPage, EntityName, TreatmentPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    root = Page.objects.get(depth=2)
    hub = root.add_child(instance=BackHealthIndexPage(title="Back health", slug="back-health"))
    treatment = hub.add_child(
        instance=TreatmentPage(title="Ibuprofen", slug="ibuprofen", alternate_names="Nurofen")
    )
    condition = hub.add_child(instance=ConditionPage(title="Sciatica", slug="sciatica"))
    return treatment, condition


def names_of(page):
    return sorted(EntityName.objects.filter(page=page).values_list("kind", "name"))


def rebuild(*args):
    out = StringIO()
    call_command("rebuild_back_health_names", *args, stdout=out)
    return out.getvalue()


def test_rows_lost_stale_or_duplicated_are_put_right(pages):
    treatment, condition = pages
    expected = {page.pk: names_of(page) for page in pages}
    EntityName.objects.filter(page=treatment, name="nurofen").delete()
    EntityName.objects.create(page=treatment, kind="treatment", name="an old folding")
    EntityName.objects.create(page=condition, kind="condition", name="sciatica")

    output = rebuild()

    assert {page.pk: names_of(page) for page in pages} == expected
    assert "Added 1 and removed 2 page names" in output


def test_a_dry_run_counts_and_changes_nothing(pages):
    treatment, _ = pages
    EntityName.objects.filter(page=treatment).delete()

    output = rebuild("--dry-run")

    assert "Would add 2 and would remove 0" in output
    assert names_of(treatment) == []


def test_a_second_run_has_nothing_to_do(pages):
    EntityName.objects.all().delete()
    rebuild()

    assert "Added 0 and removed 0 page names; 3 names of 2 pages are current." in rebuild()
