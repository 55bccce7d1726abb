from pathlib import Path

import pytest

SHARED_ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "source_article.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def source_article_bytes():
    """The machine-translated article the project was created from, when present."""
    if not SHARED_ARTICLE.exists():
        pytest.skip(f"source article not present at {SHARED_ARTICLE}")
    return SHARED_ARTICLE.read_bytes()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put back what the migrations wrote (the root page, the home page, the default site)
    after a transactional test with ``serialized_rollback``: its teardown empties every
    table, and Django reloads the rows only when the next such test starts. Tests spread
    with work stealing do not all run before it, and an ordinary test after it would find
    no home page."""
    yield
    if nextitem is None:
        return  # the last test of this process: its database is gone with the session
    marker = item.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("serialized_rollback"):
        return
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        for connection in connections.all(initialized_only=True):
            if contents := getattr(connection, "_test_serialized_contents", None):
                connection.creation.deserialize_db_from_string(contents)


# ---- Pages, snippets and admin (added for the page, block, template and admin tests) ----


@pytest.fixture
def home_page(db):
    """The page Wagtail's migrations create under the root, served at "/"."""
    from wagtail.models import Page

    return Page.objects.get(depth=2)


@pytest.fixture
def hub(home_page):
    """A published "Back health" hub at /back-health/."""
    from tests.factories import BackHealthIndexPageFactory

    return BackHealthIndexPageFactory(parent=home_page)
