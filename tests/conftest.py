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
