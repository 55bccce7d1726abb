"""Bulk import on django-tasks workers: one worker against two, on PostgreSQL.

Run with ``make bench`` or ``python bench/import_workers.py``. Queues the same
generated articles (one task each, sharing causes and treatments) into a fresh
database for each run, starts N ``db_worker --batch`` processes and times from the
first task's start to the last one's end. Prints the figures and the speed-up;
never fails on timing. Needs the ``workers`` extra (django-tasks-db) and PostgreSQL
(``BENCH_POSTGRES_URL``); skipped with a note otherwise.

``BENCH_WORKER_ARTICLES`` sets the number of articles (default 50, so CI stays
quick; 100 for the figure the README quotes).
"""

import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from benchlib.setup import postgres_database  # noqa: E402


def queue_and_run(url: str, articles: int, workers: int) -> dict:
    """Run in a child process: fresh database, queue, start the workers, measure."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="benchlib.settings_workers",
        PYTHONPATH=os.pathsep.join([str(BENCH), str(ROOT)]),
        BENCH_ROLE="queue",
        BENCH_WORKER_ARTICLES=str(articles),
    )
    subprocess.run([sys.executable, __file__], env=env, check=True)
    env["BENCH_ROLE"] = ""
    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "django",
                "db_worker",
                "--batch",
                "--no-startup-delay",
                "--interval",
                "0.1",
                "--no-reload",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(workers)
    ]
    for process in processes:
        _, err = process.communicate()
        if process.returncode:
            print(err.decode()[-2000:])
    wall = time.perf_counter() - started
    env["BENCH_ROLE"] = "measure"
    out = subprocess.run(
        [sys.executable, __file__], env=env, check=True, capture_output=True, text=True
    ).stdout
    span, statuses = out.strip().split(" ", 1)
    return {"wall": wall, "span": float(span), "statuses": statuses}


def queue(articles: int):
    import django

    django.setup()
    from benchlib.setup import migrate

    from back_health.imports.service import Source, create_hub
    from back_health.tasks import enqueue_import
    from tests.synthetic import synthetic_article

    migrate()
    create_hub()
    sources = [Source(f"article-{n}.md", synthetic_article(n)) for n in range(articles)]
    enqueue_import(sources, name="bench")


def measure():
    import django

    django.setup()
    from django.db.models import Max, Min
    from django_tasks_db.models import DBTaskResult

    from back_health.models import ImportBatchItem

    span = DBTaskResult.objects.aggregate(start=Min("started_at"), end=Max("finished_at"))
    seconds = (span["end"] - span["start"]).total_seconds()
    statuses = {}
    for status in ImportBatchItem.objects.values_list("status", flat=True):
        statuses[status] = statuses.get(status, 0) + 1
    print(seconds, ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())))


def main():
    role = os.environ.get("BENCH_ROLE")
    if role == "queue":
        return queue(int(os.environ["BENCH_WORKER_ARTICLES"]))
    if role == "measure":
        return measure()
    try:
        import django_tasks_db  # noqa: F401
    except ImportError:
        print("django-tasks-db is not installed (pip install wagtail-back-health[workers]).")
        return None
    articles = int(os.environ.get("BENCH_WORKER_ARTICLES", "50"))
    print(
        f"Bulk import on workers: {articles} generated articles, PostgreSQL, {os.cpu_count()} CPUs"
    )
    results = {}
    for workers in (1, 2):
        with postgres_database(f"workers{workers}") as url:
            if url is None:
                return None
            results[workers] = row = queue_and_run(url, articles, workers)
        print(
            f"  {workers} worker{'s' if workers > 1 else ' '}: {row['span']:6.1f} s from first "
            f"task to last ({row['wall']:.1f} s with start-up); {row['statuses']}"
        )
    print(
        f"  speed-up with 2 workers: {results[1]['span'] / results[2]['span']:.2f}x "
        "(about 1.7x expected where the machine has the cores)"
    )
    return None


if __name__ == "__main__":
    main()
