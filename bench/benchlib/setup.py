"""Django set-up, query counting and throwaway databases for the benchmarks."""

import os
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_ARTICLE = ROOT.parent / "shared" / "source_article.txt"
FALLBACK_ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "sciatica.txt"
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/back_health_bench"
)


def django_setup(database_url: str, *, extra_apps=(), tasks=None):
    """Configure Django for ``database_url`` with the test settings."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django
    from django.conf import settings

    if extra_apps or tasks:
        import tests.settings as base

        options = {k: getattr(base, k) for k in dir(base) if k.isupper()}
        options["INSTALLED_APPS"] = list(options["INSTALLED_APPS"]) + list(extra_apps)
        if tasks:
            options["TASKS"] = tasks
        settings.configure(**options)
    django.setup()


class Rollback(Exception):
    """Raised to roll a measured transaction back."""


class QueryCounter:
    """Counts every query, however many (the debug query log keeps only 9000)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def postgres_available(url=POSTGRES_URL) -> bool:
    try:
        import psycopg
    except ImportError:
        return False
    try:
        psycopg.connect(_admin_url(url), connect_timeout=3).close()
    except Exception:  # noqa: BLE001 - any failure means "not here"
        return False
    return True


def _admin_url(url):
    return url.rsplit("/", 1)[0] + "/postgres"


@contextmanager
def postgres_database(suffix: str, url=POSTGRES_URL):
    """A fresh PostgreSQL database for one benchmark, dropped afterwards; yields its
    URL, or None (with a note) when PostgreSQL does not answer."""
    if not postgres_available(url):
        print(f"  PostgreSQL not reachable at {url}: its figures are skipped.")
        yield None
        return
    import psycopg

    name = f"{url.rsplit('/', 1)[1]}_{suffix}"
    with psycopg.connect(_admin_url(url), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(_admin_url(url), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
