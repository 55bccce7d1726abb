"""What the back-health pages cost to render, against a bare Wagtail page.

Run with ``make bench`` or ``python bench/render_speed.py [--quick] [--runs N]``. Prints
figures and ratios; never fails on timing.

1. Condition, cause and treatment pages, each beside a bare Wagtail page
   (``tests.testapp.BarePage``: a ``Page`` with the same StreamField body and a template
   that only renders it) holding the same body, at the same depth in the tree. Requests
   go through Django's test client (routing, middleware, template), interleaved
   page/bare so drift hits both alike.
   Prints the median time of each, their ratio and the queries of one request.
   Warm figures: cached fragments (relations, JSON-LD) are filled; "after change" is the
   query count of the first request after any content change, which rebuilds them.
2. The hub with 10 pages and with 1,000 (``--quick``: 200): median time and queries of
   a request once its cached list is warm, and of the first request after a change.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
# In memory: the figures are about rendering, not the disk.
os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")

import django  # noqa: E402

django.setup()

from benchlib.setup import migrate  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from wagtail.models import Page  # noqa: E402

from back_health import models  # noqa: E402
from back_health.cache import bump_content_version  # noqa: E402
from tests.testapp.models import BarePage  # noqa: E402

BODY = [
    ("heading", {"text": "Symptoms", "level": "h2"}),
    (
        "paragraph",
        "<p>Pain in the lower back that is worse when you move and better when you rest. "
        "It may spread to your bottom or the top of your legs.</p>",
    ),
    (
        "warning",
        {
            "severity": "urgent",
            "heading": "",
            "text": "<p>Get help the same day.</p>",
            "items_lead": "any",
            "items": ["you have a high temperature", "the pain started after a fall"],
        },
    ),
    (
        "warning",
        {
            "severity": "emergency",
            "heading": "",
            "text": "",
            "items_lead": "any",
            "items": ["you cannot pass urine", "you have numbness around your bottom"],
        },
    ),
    ("heading", {"text": "Things you can do", "level": "h2"}),
    ("paragraph", "<p>Keep moving gently. Use heat packs. Take simple painkillers.</p>"),
    (
        "exercise_list",
        {
            "heading": "Exercises to ease back pain",
            "intro": "<p>Start gently.</p>",
            "exercises": [
                {
                    "name": "Knee to chest",
                    "steps": ["Lie on your back.", "Bring one knee to your chest."],
                    "dose": {"hold_seconds": 20, "repetitions": 3, "per_side": True},
                    "cautions": [],
                },
                {
                    "name": "Pelvic tilt",
                    "steps": ["Lie on your back.", "Flatten your back into the floor."],
                    "dose": {"repetitions": 10, "times_per_day": 3},
                    "cautions": ["Keep breathing."],
                },
            ],
            "stop_if": ["the pain gets worse"],
        },
    ),
    ("heading", {"text": "Outlook", "level": "h2"}),
    ("paragraph", "<p>Most back pain gets better within a few weeks.</p>"),
]


def setup_database():
    migrate()
    home = Page.objects.get(depth=2)
    reviewer = models.Reviewer.objects.create(name="Dr A Reviewer", role="Physiotherapist")
    hub = home.add_child(instance=models.BackHealthIndexPage(title="Back health", slug="bh"))
    common = {
        "body": BODY,
        "summary": "What it is, what helps and when to get help.",
        "reviewer": reviewer,
        "last_reviewed": "2026-01-10",
        "alternate_names": "Another name\nA third name",
        "sources": [("source", {"title": "A guideline", "url": "https://example.org/g"})],
    }
    causes = [
        hub.add_child(instance=models.CausePage(title=f"Cause {n}", slug=f"cause-{n}", **common))
        for n in range(3)
    ]
    treatments = [
        hub.add_child(
            instance=models.TreatmentPage(
                title=f"Treatment {n}",
                slug=f"treatment-{n}",
                treatment_kind="medicine" if n == 0 else "physical_therapy",
                generic_name="ibuprofen" if n == 0 else "",
                **common,
            )
        )
        for n in range(3)
    ]
    condition = hub.add_child(
        instance=models.ConditionPage(title="Low back pain", slug="low-back-pain", **common)
    )
    other = hub.add_child(
        instance=models.ConditionPage(title="Sciatica", slug="sciatica", **common)
    )
    regions = list(models.BodyRegion.objects.all()[:2])
    for page in [condition, *causes, *treatments]:
        page.body_regions.set(regions)
    for n, cause in enumerate(causes):
        condition.cause_links.create(target=cause, note=f"note {n}", sort_order=n)
        models.ConditionCause.objects.create(page=other, target=cause, sort_order=n)
    for n, treatment in enumerate(treatments):
        condition.treatment_links.create(target=treatment, note=f"note {n}", sort_order=n)
    condition.related_links.create(target=other, note="often confused", sort_order=0)
    for page in [condition, other, *causes, *treatments]:
        page.save_revision().publish()
    # At the depth of the back-health pages, so routing costs both the same.
    section = home.add_child(instance=Page(title="Section", slug="section"))
    bare = section.add_child(instance=BarePage(title="Bare", slug="bare", body=BODY))
    return hub, condition, causes[0], treatments[0], bare


def time_request(client, url):
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return elapsed


def count_queries(client, url):
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def count_cold_queries(client, url):
    """Queries of a request after a content change, when cached fragments are rebuilt."""
    bump_content_version()
    return count_queries(client, url)


def bench_pages(client, pages, bare, runs):
    print(f"Page render against a bare Wagtail page with the same body (median of {runs}):")
    print(
        f"  {'page':<10} {'ms':>7} {'bare ms':>8} {'ratio':>6} {'queries':>8} {'bare q':>7}"
        f" {'after change q':>15}"
    )
    bare_url = bare.url
    for label, page in pages:
        url = page.url
        for _ in range(5):  # warm both: templates, content types, site root paths
            time_request(client, url)
            time_request(client, bare_url)
        page_times, bare_times = [], []
        for _ in range(runs):
            page_times.append(time_request(client, url))
            bare_times.append(time_request(client, bare_url))
        page_ms, bare_ms = statistics.median(page_times), statistics.median(bare_times)
        print(
            f"  {label:<10} {page_ms:7.2f} {bare_ms:8.2f} {page_ms / bare_ms:5.2f}x "
            f"{count_queries(client, url):8d} {count_queries(client, bare_url):7d}"
            f" {count_cold_queries(client, url):15d}"
        )


def add_pages(hub, count, start):
    for n in range(start, start + count):
        hub.add_child(
            instance=models.ConditionPage(
                title=f"{chr(65 + n % 26)}ondition {n:05d}",
                slug=f"hub-condition-{n}",
                summary="A condition of the back.",
            )
        )


def bench_hub(client, hub, sizes, runs):
    print(f"\nHub render by number of pages (median of {runs}):")
    print(
        f"  {'pages':>6} {'warm ms':>8} {'queries':>8} {'after change ms':>16} {'queries':>8}"
        f" {'KB':>6}"
    )
    added = 0
    url = hub.url
    rows = []
    for size in sizes:
        existing = hub.get_children().count()
        add_pages(hub, size - existing, added)
        added += size - existing
        reset_queries()
        with CaptureQueriesContext(connection) as cold_queries:
            cold_ms = time_request(client, url)
        # Read now: the captured list is a view of a log later requests reset.
        cold_count = len(cold_queries)
        for _ in range(3):
            time_request(client, url)
        warm = statistics.median(time_request(client, url) for _ in range(runs))
        rows.append(warm)
        kilobytes = len(client.get(url).content) / 1024
        print(
            f"  {size:6d} {warm:8.2f} {count_queries(client, url):8d} "
            f"{cold_ms:16.2f} {cold_count:8d} {kilobytes:6.0f}"
        )
    print(f"  warm ratio {sizes[-1]} / {sizes[0]} pages: {rows[-1] / rows[0]:.2f}x")
    print("  (a warm hub runs the same queries and template work at any size; what grows is")
    print("  the cached A-Z list it sends, see KB)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, 200-page hub")
    parser.add_argument("--runs", type=int, default=None)
    args = parser.parse_args()
    quick = args.quick or os.environ.get("BENCH_QUICK") == "1"
    runs = args.runs or (40 if quick else 150)
    setup_test_environment()
    hub, condition, cause, treatment, bare = setup_database()
    client = Client()
    bench_pages(
        client, [("condition", condition), ("cause", cause), ("treatment", treatment)], bare, runs
    )
    bench_hub(client, hub, [10, 200 if quick else 1000], max(runs // 3, 20))


if __name__ == "__main__":
    main()
