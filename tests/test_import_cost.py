"""What keeps an import's cost at bare Wagtail's: no look-up that grows with the site,
no parsing of an unchanged source, and index updates held back only for the import."""

import threading

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from back_health import signal_handlers
from back_health.imports.service import Source, analyse, import_sources
from back_health.imports.writer import EntityIndex
from back_health.models import (
    BackHealthIndexPage,
    CausePage,
    EntityName,
    TreatmentPage,
)
from tests.synthetic import synthetic_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub():
    root = Page.objects.get(depth=2)
    return root.add_child(instance=BackHealthIndexPage(title="Back health", slug="back-health"))


def indexed(page):
    content_type = ContentType.objects.get_for_model(page)
    return IndexEntry.objects.filter(content_type=content_type, object_id=str(page.pk)).exists()


def test_finding_an_articles_entities_costs_three_queries_whatever_the_site(
    hub, django_assert_num_queries
):
    import_sources([Source("one.md", synthetic_article(1))], parent=hub)
    plan = analyse(synthetic_article(1, seed=1), "shares-entities.md")
    with django_assert_num_queries(3):
        EntityIndex().load(plan)
    for n in range(30):
        hub.add_child(instance=CausePage(title=f"Filler cause {n}", slug=f"filler-{n}"))
    with django_assert_num_queries(3):
        EntityIndex().load(plan)


def test_names_are_recorded_on_save_and_follow_an_editors_changes(hub):
    page = hub.add_child(
        instance=TreatmentPage(title="Ibuprofen", slug="ibuprofen", alternate_names="Nurofen")
    )
    assert set(EntityName.objects.filter(page=page).values_list("name", flat=True)) == {
        "ibuprofen",
        "nurofen",
    }

    page.alternate_names = "Brufen"
    page.save()

    names = set(EntityName.objects.filter(page=page).values_list("name", flat=True))
    assert names == {"ibuprofen", "brufen"}


def test_an_unchanged_source_is_recognised_before_it_is_parsed(hub, monkeypatch):
    data = synthetic_article(2)
    first = import_sources([Source("two.md", data)], parent=hub)
    assert first["articles"][0]["status"] == "imported"

    def no_parsing(*args, **kwargs):
        raise AssertionError("an unchanged source was parsed")

    monkeypatch.setattr("back_health.importer.pipeline.parse_document", no_parsing)
    again = import_sources([Source("two.md", data)], parent=hub)

    article = again["articles"][0]
    assert article["status"] == "unchanged"
    written = [page for page in article["pages"] if page["action"] != "suggest"]
    assert {page["action"] for page in written} == {"unchanged"}
    assert all(page["id"] for page in written)


def test_index_updates_are_held_back_only_in_the_importing_thread(hub):
    seen_elsewhere = []
    with signal_handlers.deferred_index_updates():
        page = hub.add_child(instance=CausePage(title="Stress", slug="stress"))
        assert not indexed(page)
        thread = threading.Thread(
            target=lambda: seen_elsewhere.append(getattr(signal_handlers._state, "pending", None))
        )
        thread.start()
        thread.join()
    assert seen_elsewhere == [None], "another thread's saves are indexed as they happen"
    assert indexed(page)

    other = hub.add_child(instance=CausePage(title="Smoking", slug="smoking"))
    assert indexed(other), "outside an import a save is indexed at once"


def test_a_deleted_page_leaves_the_search_index(hub):
    page = hub.add_child(instance=CausePage(title="Obesity", slug="obesity"))
    assert indexed(page)
    page_copy = CausePage.objects.get(pk=page.pk)
    page_copy.delete()
    assert not IndexEntry.objects.filter(object_id=str(page.pk)).exists()


def test_a_renamed_copy_of_an_imported_source_is_unchanged_and_names_its_pages(hub):
    html = (
        b'<html><head><title>Acute hip strain</title><link rel="canonical" '
        b'href="https://clinic.example/hip/"></head><body><h1>Acute hip strain</h1>'
        b"<p>Acute hip strain is discomfort that comes and goes.</p><h2>Treatment</h2>"
        b"<ul><li><strong>Physiotherapy</strong> can ease the pain.</li></ul></body></html>"
    )
    import_sources([Source("hip.html", html)], parent=hub)

    again = import_sources([Source("hip-copy.html", html)], parent=hub)

    article = again["articles"][0]
    assert article["status"] == "unchanged"
    written = [page for page in article["pages"] if page["action"] != "suggest"]
    assert written and all(page["id"] for page in written)
