"""The writer against bare Wagtail: the same pages, the same relations, the same
deferred indexing, in interleaved runs, on SQLite and on PostgreSQL.

Run with ``make bench`` or ``python bench/import_floor.py [ARTICLE]``. The bare
script is handed the finished field values (no parsing, no sanitising) and makes
the pages the way a developer would by hand: ``add_child`` and ``save_revision``.
Prints medians of time and queries and their ratios; never fails on timing.

``BENCH_RUNS`` (default 3, for CI) sets the number of interleaved runs; PostgreSQL runs
when ``BENCH_POSTGRES_URL`` (default a ``back_health_bench`` database on
127.0.0.1) answers, in a database this script creates and drops.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib.setup import (  # noqa: E402
    DEFAULT_ARTICLE,
    FALLBACK_ARTICLE,
    QueryCounter,
    Rollback,
    django_setup,
    migrate,
    postgres_database,
)


def bare_values(plan, parent):
    """The field values the writer would give each page, worked out beforehand."""
    from back_health.imports.writer import _apply_fields, page_models

    models = page_models()
    values = []
    # The pages the writer writes: suggestions (not included) and mapped names are only
    # linked to, so the bare script makes no page for them either.
    for page in [p for p in plan.pages if p.include and p.page_id is None]:
        model = models[page.kind]
        instance = model(title=page.title)
        _apply_fields(instance, model, page, plan, [])
        values.append((page, model, instance))
    return values


def run_bare(plan, parent):
    """add_child and save_revision for every page; relations set before the save
    where their targets exist, and a second save for those that came later."""
    from django.db import connection, transaction
    from django.utils.text import slugify

    from back_health.imports.writer import deferred_index_updates, normalise_name
    from back_health.models import ConditionCause, ConditionTreatment, RelatedCondition

    prepared = bare_values(plan, parent)
    counter = QueryCounter()
    try:
        with transaction.atomic(), connection.execute_wrapper(counter):
            start = time.perf_counter()
            with deferred_index_updates():
                by_name = {}
                ordered = sorted(prepared, key=lambda row: row[0].kind == "condition")
                later = []
                for page, model, instance in ordered:
                    fresh = model(
                        title=instance.title,
                        slug=slugify(instance.title)[:240] or "page",
                        summary=instance.summary,
                        alternate_names=instance.alternate_names,
                        body=instance.body.raw_data,
                        sources=instance.sources.raw_data,
                        live=False,
                    )
                    if page.kind == "treatment":
                        fresh.treatment_kind = instance.treatment_kind
                        fresh.generic_name = instance.generic_name
                        fresh.brand_names = instance.brand_names
                    if page.kind == "condition":
                        missing = _links(fresh, page, by_name, normalise_name)
                        if missing:
                            later.append((page, fresh))
                    parent.add_child(instance=fresh)
                    by_name[(page.kind, normalise_name(page.title))] = fresh.pk
                    page._bare = fresh
                for page, fresh in later:
                    _links(fresh, page, by_name, normalise_name)
                    fresh.save()
                for page, _model, _instance in prepared:
                    page._bare.save_revision(log_action=True)
            elapsed = time.perf_counter() - start
            raise Rollback
    except Rollback:
        pass
    del ConditionCause, ConditionTreatment, RelatedCondition
    return elapsed, counter.count


def _links(fresh, page, by_name, normalise_name):
    from back_health.models import ConditionCause, ConditionTreatment, RelatedCondition

    missing = 0

    def targets(model, relations, kinds):
        nonlocal missing
        result = []
        for relation in relations:
            for kind in kinds:
                pk = by_name.get((kind, normalise_name(relation.title)))
                if pk:
                    result.append(model(target_id=pk, note=relation.note[:255]))
                    break
            else:
                missing += 1
        return result

    fresh.cause_links = targets(ConditionCause, page.causes, ("cause", "condition"))
    fresh.treatment_links = targets(ConditionTreatment, page.treatments, ("treatment",))
    fresh.related_links = targets(RelatedCondition, page.related_conditions, ("condition",))
    return missing


def run_writer(plan, parent):
    from django.db import connection, transaction

    from back_health.imports.writer import deferred_index_updates, write_article

    counter = QueryCounter()
    try:
        with transaction.atomic(), connection.execute_wrapper(counter):
            start = time.perf_counter()
            with deferred_index_updates():
                write_article(plan, parent=parent)
            elapsed = time.perf_counter() - start
            raise Rollback
    except Rollback:
        pass
    return elapsed, counter.count


def measure(article: Path, runs: int):
    import copy

    from django.db import connection

    from back_health.imports.service import analyse, create_hub

    migrate()
    hub = create_hub()
    plan = analyse(article.read_bytes(), article.name)
    results = {"writer": [], "bare": []}
    for number in range(runs + 1):
        # Interleaved so drifts of the machine hit both alike; the first run warms up.
        for name, function in (("writer", run_writer), ("bare", run_bare)):
            row = function(copy.deepcopy(plan), hub)
            if number:
                results[name].append(row)
    pages = sum(1 for p in plan.pages if p.include and p.page_id is None)
    writer_ms = statistics.median(r[0] for r in results["writer"]) * 1000
    bare_ms = statistics.median(r[0] for r in results["bare"]) * 1000
    writer_q = statistics.median(r[1] for r in results["writer"])
    bare_q = statistics.median(r[1] for r in results["bare"])
    print(f"  {connection.vendor}: {pages} pages, median of {runs} interleaved runs")
    print(f"    writer        {writer_ms:8.0f} ms  {writer_q:6.0f} queries")
    print(f"    bare Wagtail  {bare_ms:8.0f} ms  {bare_q:6.0f} queries")
    print(
        f"    ratio writer/bare: time {writer_ms / bare_ms:.2f}x, queries "
        f"{writer_q / bare_q:.2f}x  (target: <= 1.10x time, <= 1.15x queries)"
    )


def main():
    article = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ARTICLE
    if not article.exists():
        article = FALLBACK_ARTICLE
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    if os.environ.get("BENCH_DATABASE_URL"):
        django_setup(os.environ["BENCH_DATABASE_URL"])
        measure(article, runs)
        return
    print(f"Writer against bare Wagtail: {article.name}")
    env = dict(os.environ)
    env["BENCH_DATABASE_URL"] = "sqlite:///" + tempfile.mkdtemp() + "/floor.sqlite3"
    subprocess.run([sys.executable, __file__, str(article)], env=env, check=False)
    with postgres_database("floor") as url:
        if url:
            env["BENCH_DATABASE_URL"] = url
            subprocess.run([sys.executable, __file__, str(article)], env=env, check=False)


if __name__ == "__main__":
    main()
