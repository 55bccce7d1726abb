"""Imports running at once, each with its own database connection, never make the
same page twice, never fail with a traceback, and every article is reported.

PostgreSQL only: SQLite lets one writer in at a time, so there is nothing to race.
`.ci/run` runs the suite on PostgreSQL, this test included.
"""

import threading
from collections import Counter

import pytest
from django.conf import settings
from django.db import connection

from back_health.imports.service import Source, import_sources
from back_health.imports.writer import normalise_name
from back_health.models import (
    BackHealthIndexPage,
    CausePage,
    ConditionPage,
    ImportRecord,
    TreatmentPage,
)
from tests.synthetic import synthetic_article

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="needs PostgreSQL: SQLite serialises writers, so imports cannot race",
    ),
]

WORKERS = 4
ROUNDS = 3
SHARED_CAUSES = ["Muscle strain", "Poor posture", "Heavy lifting"]
# Described in each article (a section each), so each is a page to write, not a suggestion.
SHARED_TREATMENTS = ["Physiotherapy", "Massage", "Acupuncture"]


def run_at_once(sources_per_worker):
    """Import each worker's sources in its own thread and connection, all released at
    the same moment; return each worker's report or exception."""
    barrier = threading.Barrier(len(sources_per_worker))
    outcomes = [None] * len(sources_per_worker)

    def work(number, sources):
        try:
            barrier.wait()
            outcomes[number] = import_sources(sources)
        except BaseException as error:  # noqa: BLE001 - the test reports any failure
            outcomes[number] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=work, args=(number, sources))
        for number, sources in enumerate(sources_per_worker)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def assert_clean_outcomes(outcomes, expected_articles):
    errors = [outcome for outcome in outcomes if isinstance(outcome, BaseException)]
    assert not errors, f"imports raised: {errors!r}"
    articles = [article for report in outcomes for article in report["articles"]]
    assert len(articles) == expected_articles, "every article is reported"
    failed = [a for a in articles if a["status"] == "failed"]
    assert not failed, [a["error"] for a in failed]
    return articles


def assert_no_duplicate_pages():
    for model in (ConditionPage, CausePage, TreatmentPage):
        names = Counter(normalise_name(t) for t in model.objects.values_list("title", flat=True))
        duplicates = {name: n for name, n in names.items() if n > 1}
        assert not duplicates, f"{model.__name__} made twice: {duplicates}"
    assert BackHealthIndexPage.objects.count() == 1


def clear_site(*, remove_hub=False):
    ImportRecord.objects.all().delete()
    for hub in BackHealthIndexPage.objects.all():
        hub.get_descendants().delete()
        if remove_hub:
            hub.delete()


def articles_sharing_entities(round_number):
    return [
        [
            Source(
                name=f"round{round_number}-article{worker}.md",
                data=synthetic_article(
                    round_number * WORKERS + worker,
                    causes=SHARED_CAUSES,
                    treatments=SHARED_TREATMENTS,
                    described=True,
                ),
            )
        ]
        for worker in range(WORKERS)
    ]


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_four_imports_of_articles_sharing_entities_make_each_page_once(round_number):
    clear_site(remove_hub=round_number % 2 == 1)  # every other round starts with no hub

    outcomes = run_at_once(articles_sharing_entities(round_number))

    articles = assert_clean_outcomes(outcomes, WORKERS)
    assert_no_duplicate_pages()
    assert ConditionPage.objects.count() >= WORKERS
    for title in SHARED_TREATMENTS:
        actions = Counter(
            page["action"]
            for article in articles
            for page in article["pages"]
            if page["kind"] == "treatment" and page["title"] == title
        )
        # One import made the page; the others found it and linked to it.
        assert actions == {"create": 1, "link": WORKERS - 1}, (title, actions)
        assert TreatmentPage.objects.filter(title=title).count() == 1


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_four_imports_of_the_same_article_make_its_pages_once(round_number):
    clear_site(remove_hub=round_number == 0)
    data = synthetic_article(100 + round_number, described=True)

    outcomes = run_at_once([[Source(name="same.md", data=data)] for _ in range(WORKERS)])

    articles = assert_clean_outcomes(outcomes, WORKERS)
    assert_no_duplicate_pages()
    statuses = Counter(article["status"] for article in articles)
    assert statuses["imported"] >= 1
    created = Counter(
        (p["kind"], p["title"]) for a in articles for p in a["pages"] if p["action"] == "create"
    )
    assert created and set(created.values()) == {1}, "each page is created by one import"
    assert ImportRecord.objects.count() == 1
