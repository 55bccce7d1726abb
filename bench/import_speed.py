"""How fast the importer reads an article, and how its writes scale with the site.

Run with ``make bench`` or ``python bench/import_speed.py [ARTICLE]``. Prints
figures and ratios; never fails on timing.

1. Load, parse, clean, classify and plan annotation of the article (no database): median
   and best over many runs per stage (50; 15 with ``BENCH_QUICK=1``), with milliseconds
   per MB.
2. Writing: queries per article on an empty site and on a site with many pages,
   with their ratio (1.00 means no lookup grows with the site).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault("DATABASE_URL", "sqlite:///" + tempfile.mkdtemp() + "/bench.sqlite3")

import django  # noqa: E402

django.setup()

from benchlib.setup import migrate  # noqa: E402
from django.db import connection  # noqa: E402

from back_health.importer.classify import classify  # noqa: E402
from back_health.importer.clean import clean_document  # noqa: E402
from back_health.importer.load import load_source  # noqa: E402
from back_health.importer.parse import parse_document  # noqa: E402
from back_health.importer.plan import SourceInfo  # noqa: E402
from back_health.imports.plan_document import annotate_plan  # noqa: E402
from back_health.imports.registry import get_import_rules  # noqa: E402
from back_health.imports.service import Source, import_sources  # noqa: E402

DEFAULT_ARTICLE = ROOT.parent / "shared" / "source_article.txt"
FALLBACK_ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "sciatica.txt"


#: Runs per stage; ``BENCH_QUICK=1`` (as CI sets) takes fewer.
RUNS = 15 if os.environ.get("BENCH_QUICK") == "1" else 50


def median_ms(function, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def bench_pipeline(path):
    data = path.read_bytes()
    rules = get_import_rules()
    loaded = load_source(data, path.name, max_bytes=5 * 1024 * 1024)
    source = SourceInfo(path.name, loaded.sha256, loaded.format, loaded.bytes)
    stages = {
        "load": lambda: load_source(data, path.name, max_bytes=5 * 1024 * 1024),
        "parse": lambda: parse_document(loaded.text, loaded.format),
    }
    document = parse_document(loaded.text, loaded.format)
    stages["clean"] = lambda: clean_document(document)
    cleaned = clean_document(document)
    stages["classify"] = lambda: classify(cleaned, source, rules=rules)
    # Annotation changes the plan it is given: each run annotates a fresh plan.
    plans = [classify(cleaned, source, rules=rules) for _ in range(RUNS)]
    stages["plan"] = lambda: annotate_plan(plans.pop())

    def whole():
        doc = clean_document(
            parse_document(load_source(data, path.name, max_bytes=5 << 20).text, loaded.format)
        )
        annotate_plan(classify(doc, source, rules=rules))

    per_mb = 1024 * 1024 / len(data)
    print(f"Article: {path} ({len(data)} bytes, {len(document.sections)} sections)")
    for name, function in stages.items():
        med, best = median_ms(function, RUNS)
        print(
            f"  {name:<9} median {med:7.2f} ms   best {best:7.2f} ms"
            f"   ({med * per_mb:6.0f} ms per MB)"
        )
    med, best = median_ms(whole, RUNS)
    print(
        f"  {'total':<9} median {med:7.2f} ms   best {best:7.2f} ms"
        f"   ({med * per_mb:6.0f} ms per MB; goal: 30 ms for the shared article)"
    )


class Rollback(Exception):
    pass


class QueryCounter:
    """Counts every query, however many (the debug query log keeps only 9000)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure_import(data, name):
    """Queries, pages created and milliseconds of one import, rolled back after."""
    from django.db import transaction

    result = {}
    try:
        with transaction.atomic():
            counter = QueryCounter()
            with connection.execute_wrapper(counter):
                start = time.perf_counter()
                report = import_sources([Source(name=name, data=data)])
                result["ms"] = (time.perf_counter() - start) * 1000
            result["queries"] = counter.count
            result["pages"] = sum(
                1 for page in report["articles"][0]["pages"] if page["action"] == "create"
            )
            raise Rollback
    except Rollback:
        pass
    return result


def bench_writer(path):
    from wagtail.models import Page

    from back_health.imports.service import create_hub
    from back_health.models import CausePage, ConditionPage

    migrate()
    data = path.read_bytes()
    hub = create_hub()
    measure_import(data, path.name)  # warm caches
    small = measure_import(data, path.name)
    for n in range(150):
        hub.add_child(instance=CausePage(title=f"Bench cause {n}", slug=f"bench-cause-{n}"))
        hub.add_child(instance=ConditionPage(title=f"Bench condition {n}", slug=f"bench-cond-{n}"))
    large = measure_import(data, path.name)
    print("Writer (import into the hub, rolled back after each run):")
    for label, row in (("empty hub", small), (f"{Page.objects.count()} pages", large)):
        print(
            f"  {label:<12} {row['pages']:3d} pages created, {row['queries']:5d} queries "
            f"({row['queries'] / max(row['pages'], 1):.1f} per page), {row['ms']:6.0f} ms"
        )
    print(
        f"  query ratio large/small site: {large['queries'] / small['queries']:.2f} "
        "(1.00 = no lookup grows with the site)"
    )


if __name__ == "__main__":
    article = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ARTICLE
    if not article.exists():
        article = FALLBACK_ARTICLE
    bench_pipeline(article)
    bench_writer(article)
