"""Time per megabyte of each importer stage on pathological inputs and on the source article.

For each shape in ``tests/importer/pathological_shapes.py`` at two sizes, prints the
milliseconds per MB of load+parse, clean, classify and plan (the annotations review
reads), and the ratio of the total times (about 4 for a 4x larger input when every stage
is linear). Then the source article's analysis time per stage (median of several runs)
and a 5 MB article's, each with its milliseconds per MB.

Run: ``python bench/pipeline_speed.py`` (32 KB and 128 KB, under a minute),
``--full`` for 256 KB and 1 MB plus two 5 MB articles (the source article repeated, and
repeated with every line made distinct, so nothing is reused from one copy to the next),
``--quick`` (or ``BENCH_QUICK=1``, as CI sets) for 8 KB and 32 KB,
``--shape NAME`` for one shape.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from back_health.importer.classify import classify  # noqa: E402
from back_health.importer.clean import clean_document  # noqa: E402
from back_health.importer.errors import ImportSourceError  # noqa: E402
from back_health.importer.language import identifier  # noqa: E402
from back_health.importer.load import load_source  # noqa: E402
from back_health.importer.memo import article_scope  # noqa: E402
from back_health.importer.parse import parse_document  # noqa: E402
from back_health.importer.plan import SourceInfo  # noqa: E402
from back_health.imports.plan_document import annotate_plan  # noqa: E402
from back_health.imports.registry import get_import_rules  # noqa: E402
from back_health.imports.service import analyse  # noqa: E402
from tests.importer.pathological_shapes import SHAPES, shape  # noqa: E402

SOURCE_ARTICLE = Path(__file__).resolve().parent.parent.parent / "shared" / "source_article.txt"
MB = 1024 * 1024


STAGES = ("load+parse", "clean", "classify", "plan")


def stage_times(data: bytes, name: str) -> tuple[float, float, float, float]:
    """Seconds spent in load+parse, clean, classify and plan annotation."""
    with article_scope():  # as the pipeline runs them: one scope for the article
        return _stage_times(data, name)


def _stage_times(data: bytes, name: str) -> tuple[float, float, float, float]:
    rules = get_import_rules()
    started = time.perf_counter()
    loaded = load_source(data, name, max_bytes=10 * MB)
    document = parse_document(loaded.text, loaded.format)
    parsed = time.perf_counter()
    try:
        document = clean_document(document)
    except ImportSourceError:
        return parsed - started, time.perf_counter() - parsed, 0.0, 0.0
    cleaned = time.perf_counter()
    source = SourceInfo(name=name, sha256=loaded.sha256, format=loaded.format, bytes=len(data))
    plan = classify(document, source, rules=rules)
    classified = time.perf_counter()
    annotate_plan(plan)
    return (
        parsed - started,
        cleaned - parsed,
        classified - cleaned,
        time.perf_counter() - classified,
    )


def per_stage(times, size: int) -> str:
    """ "load+parse 4.1 ms (114 ms/MB), clean ..." for one set of stage times."""
    return ", ".join(
        f"{stage} {1000 * t:.1f} ms ({1000 * t * MB / size:.0f} ms/MB)"
        for stage, t in zip(STAGES, times, strict=True)
    )


def five_megabytes(what: str, encoded: bytes) -> None:
    """Print the time of 5 MB of ``what`` through the analysis, and per stage."""
    started = time.perf_counter()
    parts = stage_times(encoded, "five-megabytes.txt")
    took = time.perf_counter() - started
    print(
        f"5 MB of {what} ({len(encoded) / MB:.1f} MB): {took:.1f} s,"
        f" {1000 * took * MB / len(encoded):.0f} ms per MB"
    )
    print(f"  per stage: {per_stage(parts, len(encoded))}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="8 KB and 32 KB")
    parser.add_argument("--full", action="store_true", help="256 KB and 1 MB, and 5 MB")
    parser.add_argument("--shape", action="append", help="only this shape (repeatable)")
    options = parser.parse_args()
    if options.full:
        small, large = 256 * 1024, MB
    elif options.quick or os.environ.get("BENCH_QUICK") == "1":
        options.quick = True
        small, large = 8 * 1024, 32 * 1024
    else:
        small, large = 32 * 1024, 128 * 1024
    identifier()  # load the language model once, outside the timings
    # Build the rule set, the pattern tables and their automatons outside them too.
    analyse(b"# Warm-up\n\nBack pain is common. See a GP if it lasts.\n", "warm-up.md")
    # What is loaded now lives as long as the process: frozen, the collection before
    # each timing walks only what the runs made (the models and tables alone are more
    # than half a million objects, a third of a second per collection).
    gc.freeze()
    print(
        f"ms per MB at {small // 1024} KB and {large // 1024} KB (parse / clean / classify / plan)"
    )
    columns = ("small: p/c/k/a ms per MB", "large: p/c/k/a ms per MB")
    print(f"{'shape':<20}{columns[0]:>30}{columns[1]:>30}{'ratio':>8}")
    for name in options.shape or SHAPES:
        row = []
        totals = []
        for size in (small, large):
            data, filename = shape(name, size)
            gc.collect()
            times = stage_times(data, filename)
            totals.append(sum(times))
            per_mb = [1000 * t * MB / len(data) for t in times]
            row.append("/".join(f"{t:.0f}" for t in per_mb))
        ratio = totals[1] / totals[0] if totals[0] else float("nan")
        print(f"{name:<20}{row[0]:>30}{row[1]:>30}{ratio:8.1f}", flush=True)
    if SOURCE_ARTICLE.exists():
        data = SOURCE_ARTICLE.read_bytes()
        runs = []
        cpu = []
        stages = []
        rules = get_import_rules()
        analyse(data, SOURCE_ARTICLE.name, rules=rules)
        for _ in range(5 if options.quick else 15):
            started, started_cpu = time.perf_counter(), time.process_time()
            analyse(data, SOURCE_ARTICLE.name, rules=rules)
            runs.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            stages.append(stage_times(data, SOURCE_ARTICLE.name))
        # CPU time is printed too: on a shared machine the wall clock measures the load.
        print(
            f"source article ({len(data) / 1024:.0f} KB): wall median"
            f" {1000 * statistics.median(runs):.1f} ms, best {1000 * min(runs):.1f} ms;"
            f" CPU best {1000 * min(cpu):.1f} ms over {len(runs)} runs;"
            f" {1000 * statistics.median(runs) * MB / len(data):.0f} ms per MB"
        )
        medians = [statistics.median(column) for column in zip(*stages, strict=True)]
        print(f"  per stage (median): {per_stage(medians, len(data))}")
        if options.full:
            text = data.decode("utf-8")
            copies = 5 * MB // (len(data) + 2)
            five_megabytes("articles", ((text + "\n\n") * copies).encode("utf-8"))
            # The copies above repeat: what the analysis remembers of a text is reused
            # for each copy. Here every line of each copy says which copy it is, so no
            # text repeats: the cost of 5 MB of text never seen before.
            lines = [*text.splitlines(), "", ""]
            distinct = "\n".join(
                f"{line} (copy {copy})" if line.strip() else line
                for copy in range(copies)
                for line in lines
            )
            five_megabytes("distinct lines", distinct.encode("utf-8"))
    else:
        print("source article not found at ../shared/source_article.txt: skipped")


if __name__ == "__main__":
    main()
