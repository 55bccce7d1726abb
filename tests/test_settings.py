"""``BACK_HEALTH`` settings: defaults, overrides, nested merges, loud typos."""

from pathlib import Path

import pytest
from django.test import override_settings

from back_health.conf import DEFAULTS, back_health_settings


def test_every_key_has_its_default_when_the_site_sets_nothing(settings):
    del settings.BACK_HEALTH

    for key, default in DEFAULTS.items():
        assert getattr(back_health_settings, key) == default


def test_an_empty_dict_means_defaults(settings):
    settings.BACK_HEALTH = {}

    assert back_health_settings.BASE_TEMPLATE == DEFAULTS["BASE_TEMPLATE"]


def test_overriding_one_key_leaves_the_others_at_their_defaults(settings):
    settings.BACK_HEALTH = {"BASE_TEMPLATE": "clinic/base.html"}

    assert back_health_settings.BASE_TEMPLATE == "clinic/base.html"
    assert back_health_settings.SUMMARY_MAX_LENGTH == DEFAULTS["SUMMARY_MAX_LENGTH"]
    assert back_health_settings.WARNING_HEADINGS == DEFAULTS["WARNING_HEADINGS"]


def test_warning_headings_merge_key_by_key(settings):
    settings.BACK_HEALTH = {"WARNING_HEADINGS": {"emergency": "Call 911 if"}}

    headings = back_health_settings.WARNING_HEADINGS

    assert headings["emergency"] == "Call 911 if"
    for severity in ("info", "caution", "see_doctor", "urgent"):
        assert headings[severity] == DEFAULTS["WARNING_HEADINGS"][severity]


def test_warning_prefixes_merge_key_by_key(settings):
    settings.BACK_HEALTH = {"WARNING_PREFIXES": {"urgent": "Act today:"}}

    prefixes = back_health_settings.WARNING_PREFIXES

    assert prefixes["urgent"] == "Act today:"
    assert prefixes["emergency"] == DEFAULTS["WARNING_PREFIXES"]["emergency"]


def test_a_merge_does_not_change_the_defaults(settings):
    settings.BACK_HEALTH = {"WARNING_HEADINGS": {"emergency": "Call 911 if"}}

    back_health_settings.WARNING_HEADINGS["info"] = "Changed by the caller"

    assert DEFAULTS["WARNING_HEADINGS"]["emergency"] != "Call 911 if"
    assert DEFAULTS["WARNING_HEADINGS"]["info"] != "Changed by the caller"


def test_an_unknown_key_raises_instead_of_returning_nothing():
    with pytest.raises(AttributeError, match="Unknown BACK_HEALTH setting: BASE_TEMPLTE"):
        back_health_settings.BASE_TEMPLTE  # noqa: B018


def test_override_settings_takes_effect_immediately_and_is_undone():
    before = back_health_settings.SUMMARY_MAX_LENGTH

    with override_settings(BACK_HEALTH={"SUMMARY_MAX_LENGTH": 160}):
        assert back_health_settings.SUMMARY_MAX_LENGTH == 160

    assert back_health_settings.SUMMARY_MAX_LENGTH == before


def test_the_readme_documents_every_setting():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")

    undocumented = [key for key in DEFAULTS if f"| `{key}` |" not in readme]

    assert undocumented == []
