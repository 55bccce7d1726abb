"""Every public page type, the hub and search results pass axe-core in a real browser."""

import datetime

import pytest

from back_health.models import ConditionCause, ConditionTreatment, RelatedCondition
from tests.browser.conftest import format_violations
from tests.factories import (
    BackHealthIndexPageFactory,
    BodyRegionFactory,
    CausePageFactory,
    ConditionPageFactory,
    ReviewerFactory,
    TreatmentPageFactory,
)
from tests.test_templates import rich_body

pytestmark = pytest.mark.django_db(transaction=True)


def same_severity_warnings():
    """Three urgent warnings with the default heading: names that would repeat."""
    warning = {
        "severity": "urgent",
        "heading": "",
        "text": "<p>Ask for help today.</p>",
        "items_lead": "any",
        "items": ["you have a fever", "the pain keeps you awake"],
    }
    return [
        ("heading", {"text": "When to get help", "level": "h2"}),
        ("warning", warning),
        ("paragraph", "<p>Most back pain eases on its own.</p>"),
        ("warning", {**warning, "items_lead": "all"}),
        ("warning", {**warning, "items": [], "items_lead": ""}),
    ]


@pytest.fixture
def public_pages(home_page):
    hub = BackHealthIndexPageFactory(parent=home_page)
    reviewer = ReviewerFactory(name="Dr Ada Lovelace", role="GP")
    region = BodyRegionFactory(name="Lower back", slug="lower-back")
    condition = ConditionPageFactory(
        parent=hub,
        title="Lower back pain",
        slug="lower-back-pain",
        alternate_names="Lumbago",
        body=rich_body(),
        reviewer=reviewer,
        last_reviewed=datetime.date(2026, 1, 15),
        next_review_due=datetime.date(2027, 1, 15),
        sources=[("source", {"title": "A guideline", "url": "https://example.org/"})],
    )
    condition.body_regions.add(region)
    condition.save()
    cause = CausePageFactory(parent=hub, title="Poor posture", body=rich_body())
    medicine = TreatmentPageFactory(
        parent=hub,
        title="Ibuprofen",
        treatment_kind="medicine",
        generic_name="ibuprofen",
        brand_names="Nurofen",
        prescription_status="general_sale",
        body=rich_body(),
    )
    therapy = TreatmentPageFactory(
        parent=hub, title="Physiotherapy", treatment_kind="physical_therapy", body=rich_body()
    )
    warnings = ConditionPageFactory(
        parent=hub, title="Sciatica", slug="sciatica", body=same_severity_warnings()
    )
    ConditionCause.objects.create(page=condition, target=cause, note="At a desk")
    ConditionTreatment.objects.create(page=condition, target=medicine, note="Short term")
    ConditionTreatment.objects.create(page=condition, target=therapy)
    RelatedCondition.objects.create(page=condition, target=warnings, note="Often confused")
    ConditionCause.objects.create(page=warnings, target=cause)
    return {
        "hub": hub.url,
        "condition": condition.url,
        "cause": cause.url,
        "medicine": medicine.url,
        "therapy": therapy.url,
        "same-severity warnings": warnings.url,
        "search results": "/search/?q=lumbago",
        "search filtered, no results": "/search/?q=zzz&kind=cause&region=lower-back",
    }


def test_public_pages_have_no_axe_violations(public_pages, browser_page, axe, live_url):
    failures = []
    for label, path in public_pages.items():
        response = browser_page.goto(live_url(path))
        assert response.status == 200, f"{label}: {path} answered {response.status}"
        violations = axe(browser_page)
        if violations:
            failures.append(f"{label} ({path}):\n{format_violations(violations)}")
    assert not failures, "\n\n".join(failures)


def test_search_results_show_the_page_found_by_an_alternate_name(
    public_pages, browser_page, live_url
):
    browser_page.goto(live_url(public_pages["hub"]))
    browser_page.fill("#bh-search-q", "lumbago")
    with browser_page.expect_navigation():
        browser_page.click(".bh-search__button")
    assert browser_page.locator(".bh-search__result a").all_inner_texts() == ["Lower back pain"]
