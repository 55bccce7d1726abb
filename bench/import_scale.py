"""How the cost of an import grows with the site, and what an unchanged re-import costs.

Run with ``make bench`` or ``python bench/import_scale.py``. Imports a generated
site one article at a time (each article a new condition linking to causes and
treatments the others share, all made beforehand by a seed article) and prints
the time per article around article 1, 10, 100 and the last; then the time of
re-importing an unchanged article as a share of its first import. Prints
figures; never fails on timing.

``BENCH_ARTICLES`` sets the size of the site (default 150 for CI; 1000 for the
figure at the 1,000th article). ``BENCH_DATABASE_URL`` picks the database
(default a temporary SQLite file).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib.setup import DEFAULT_ARTICLE, FALLBACK_ARTICLE, django_setup, migrate  # noqa: E402

#: Articles timed on each side of a checkpoint, for a steadier median.
WINDOW = 2


def main():
    total = int(os.environ.get("BENCH_ARTICLES", "150"))
    url = os.environ.get("BENCH_DATABASE_URL") or (
        "sqlite:///" + tempfile.mkdtemp() + "/scale.sqlite3"
    )
    django_setup(url)
    from django.db import connection

    from back_health.imports.service import Source, create_hub, import_sources
    from tests.synthetic import CAUSES, TREATMENTS, synthetic_article

    migrate()
    hub = create_hub()
    # Every shared cause and treatment exists before the timed articles, so each of
    # them does the same work (one new condition, six links) wherever it falls.
    seed = synthetic_article(0, causes=CAUSES, treatments=TREATMENTS)
    import_sources([Source("seed.md", seed)], parent=hub)
    checkpoints = sorted({1, 10, 100, total} & set(range(1, total + 1)))
    times = {}
    from wagtail.models import Page

    start_all = time.perf_counter()
    for number in range(1, total + 1):
        data = synthetic_article(number)
        start = time.perf_counter()
        report = import_sources([Source(f"article-{number}.md", data)], parent=hub)
        times[number] = time.perf_counter() - start
        assert report["articles"][0]["status"] == "imported", report["articles"][0]["error"]
    elapsed = time.perf_counter() - start_all
    print(
        f"Import cost as the site grows ({connection.vendor}, {total} generated articles, "
        f"{Page.objects.count()} pages at the end, {elapsed:.0f} s in all)"
    )

    def around(number):
        window = [times[n] for n in range(number - WINDOW, number + WINDOW + 1) if n in times]
        return statistics.median(window) * 1000

    for number in checkpoints:
        print(f"  article {number:>5}: {around(number):7.1f} ms per article (median of nearby)")
    if 10 in times and total >= 10:
        print(
            f"  article {total} / article 10: {around(total) / around(10):.2f}x "
            "(target: within 1.20x)"
        )

    article = DEFAULT_ARTICLE if DEFAULT_ARTICLE.exists() else FALLBACK_ARTICLE
    data = article.read_bytes()
    start = time.perf_counter()
    first = import_sources([Source(article.name, data)], parent=hub)
    first_ms = (time.perf_counter() - start) * 1000
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        again = import_sources([Source(article.name, data)], parent=hub)
        runs.append((time.perf_counter() - start) * 1000)
    again_ms = statistics.median(runs)
    pages = len(first["articles"][0]["pages"])
    print(
        f"Unchanged re-import of {article.name} ({pages} pages): first {first_ms:.0f} ms, "
        f"again {again_ms:.1f} ms = {100 * again_ms / first_ms:.2f}% of the first "
        f"(status {again['articles'][0]['status']}; target: under 1%)"
    )


if __name__ == "__main__":
    main()
