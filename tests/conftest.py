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
