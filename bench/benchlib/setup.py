"""Django set-up, query counting and throwaway databases for the benchmarks."""

import hashlib
import os
import sys
import tempfile
from contextlib import closing, contextmanager
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


#: Where migrated SQLite databases are kept between benchmark runs.
SQLITE_CACHE = Path(tempfile.gettempdir()) / "back_health_bench"

#: The prefix of PostgreSQL template databases holding a migrated schema.
TEMPLATE_PREFIX = "back_health_bench_migrated_"


def migrate() -> None:
    """Migrate the configured database. Migrating from nothing takes about 20 s, and
    most benchmarks start from a fresh database, so the first migration of a given set of
    migration files is kept (an SQLite file, a PostgreSQL template database) and later
    runs start from a copy of it. ``migrate`` still runs after the copy: it finds
    nothing to do when the copy is current."""
    from django.core.management import call_command
    from django.db import connection

    kept = _KEPT.get(connection.vendor)
    key = _migrations_key() if kept else ""
    if kept and kept[0](key):
        call_command("migrate", verbosity=0, interactive=False)  # nothing, or the newest
        return
    call_command("migrate", verbosity=0, interactive=False)
    if kept:
        kept[1](key)


def _migrations_key() -> str:
    """A digest of every migration file of the installed apps."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    digest = hashlib.sha256()
    for app, name in sorted(loader.disk_migrations):
        module = sys.modules[type(loader.disk_migrations[app, name]).__module__]
        digest.update(f"{app}.{name}\n".encode())
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


def _restore_sqlite(key: str) -> bool:
    import sqlite3

    from django.db import connection

    cached = SQLITE_CACHE / f"{key}.sqlite3"
    if not cached.exists():
        return False
    connection.ensure_connection()
    with closing(sqlite3.connect(cached)) as source:
        source.backup(connection.connection)
    return True


def _keep_sqlite(key: str) -> None:
    import sqlite3

    from django.db import connection

    SQLITE_CACHE.mkdir(parents=True, exist_ok=True)
    partial = SQLITE_CACHE / f"{key}.{os.getpid()}.partial"
    connection.ensure_connection()
    with closing(sqlite3.connect(partial)) as target:
        connection.connection.backup(target)
    os.replace(partial, SQLITE_CACHE / f"{key}.sqlite3")


def _admin_connection():
    import psycopg

    return psycopg.connect(_admin_url(os.environ["DATABASE_URL"]), autocommit=True)


def _restore_postgres(key: str) -> bool:
    from django.db import connection

    template = TEMPLATE_PREFIX + key
    name = connection.settings_dict["NAME"]
    with _admin_connection() as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template]).fetchone():
            return False
        connection.close()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return True


def _keep_postgres(key: str) -> None:
    import psycopg
    from django.db import connection

    template = TEMPLATE_PREFIX + key
    name = connection.settings_dict["NAME"]
    connection.close()  # a template is copied only while nobody is connected to it
    with _admin_connection() as admin:
        stale = admin.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
            [TEMPLATE_PREFIX + "%", template],
        ).fetchall()
        for (old,) in stale:
            admin.execute(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')
        try:
            admin.execute(f'CREATE DATABASE "{template}" TEMPLATE "{name}"')
        except psycopg.errors.DuplicateDatabase:
            pass  # another benchmark kept the same migrations first


#: Per database vendor: restore a kept copy (True when there was one), keep a copy.
_KEPT = {
    "sqlite": (_restore_sqlite, _keep_sqlite),
    "postgresql": (_restore_postgres, _keep_postgres),
}
