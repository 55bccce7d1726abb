"""The whole import review flow in a real browser, keyboard-usable and axe-clean:
upload, review and correct, create drafts, see the result, open the history, undo."""

from pathlib import Path

import pytest
from django.urls import reverse

from tests.browser.conftest import format_violations

pytestmark = pytest.mark.django_db(transaction=True)

ARTICLE = Path(__file__).resolve().parents[1] / "fixtures" / "admin" / "piriformis.md"

#: Steps that read, write or remove a whole article wait longer than the default on a
#: busy machine (CI runs other suites beside this one).
SLOW_MS = 60_000


@pytest.fixture
def clinic(home_page):
    """A hub holding one existing, written-up treatment page to map a name to."""
    from tests.factories import BackHealthIndexPageFactory, TreatmentPageFactory

    hub = BackHealthIndexPageFactory(parent=home_page, title="Back health", slug="back-health")
    existing = TreatmentPageFactory(
        parent=hub,
        title="Sports massage",
        body=[("paragraph", "<p>Firm massage of the muscles around the hip.</p>")],
    )
    return hub, existing


def settled(page):
    """Wait until Wagtail's messages have faded in: axe would measure a half-faded message's
    colours otherwise."""
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running')"
        " && [...document.querySelectorAll('.messages li')]"
        ".every(li => getComputedStyle(li).opacity === '1')",
        timeout=SLOW_MS,
    )
    return page


def panel_of(page, title):
    """The review panel of the planned page called ``title``."""
    return page.locator("section.bh-review-page").filter(
        has=page.locator(".w-panel__heading", has_text=title)
    )


def test_editor_reviews_corrects_creates_drafts_and_undoes(
    browser_page, admin_login, live_url, axe, clinic
):
    from wagtail.models import Page

    from back_health.models import ConditionPage, ImportRecord
    from back_health.views.review import plan_under_review

    hub, existing = clinic
    page = browser_page
    # Wagtail's sidebar badge pings for 25 s (five 5 s pulses) unless the browser asks
    # for less motion, and each axe check waits for the page to settle: an editor who
    # asks for less motion sees the same page, at once.
    page.emulate_media(reduced_motion="reduce")
    admin_login(page)

    # Upload the article.
    page.goto(live_url(reverse("back_health_import:import")))
    page.set_input_files("input[name=file]", str(ARTICLE))
    page.select_option("select[name=parent]", str(hub.pk))
    page.get_by_role("button", name="Read the article").click()
    page.wait_for_url("**/review/", timeout=SLOW_MS)

    # The review screen: nothing written yet, and no accessibility violations.
    assert not ConditionPage.objects.exists()
    page.get_by_role("button", name="Create drafts").wait_for()
    violations = axe(settled(page))
    assert not violations, format_violations(violations)

    record = ImportRecord.objects.get()
    pages = record.plan["pages"]
    main = pages[0]
    included = [p for p in pages[1:] if p["include"]]
    suggested = [p for p in pages if p["action"] == "suggest"]
    assert included and len(suggested) >= 2
    left_out, retyped, mapped = included[0], suggested[0], suggested[1]

    # Enter in a text field saves the corrections; it never presses a "Remove" button.
    relations_before = record.plan["pages"][0]["relations"]
    panel_of(page, main["title"]).get_by_label("Title").press("Enter")
    page.get_by_text("Your corrections are saved").wait_for(timeout=SLOW_MS)
    record.refresh_from_db()
    assert plan_under_review(record)["pages"][0]["relations"] == relations_before

    # Untick a page.
    panel_of(page, left_out["title"]).get_by_label("Write this page").uncheck()
    # Include a suggested page and change its kind.
    retyped_panel = panel_of(page, retyped["title"])
    retyped_panel.get_by_label("Write this page").check()
    retyped_panel.get_by_label("Kind").select_option("condition")
    # Map a name to the existing page with Wagtail's page chooser.
    mapped_panel = panel_of(page, mapped["title"])
    mapped_panel.get_by_role("button", name="Choose a page").click()
    modal = page.locator(".modal")
    modal.locator("a.choose-page", has_text="Sports massage").click()
    mapped_panel.locator(".chooser__title", has_text="Sports massage").wait_for()
    # Change a warning's severity, with the keyboard.
    severity = panel_of(page, main["title"]).get_by_label("Severity").first
    severity.focus()
    current = severity.input_value()
    wanted = "caution" if current != "caution" else "info"
    severity.select_option(wanted)

    page.get_by_role("button", name="Create drafts").click()
    page.wait_for_url("**/result/", timeout=SLOW_MS)

    # The result says what happened, with links.
    assert page.get_by_text("was imported").count()
    violations = axe(settled(page))
    assert not violations, format_violations(violations)
    condition = ConditionPage.objects.get(title=main["title"])
    assert not condition.live
    assert page.locator(
        f"a[href='{reverse('wagtailadmin_pages:edit', args=[condition.pk])}']"
    ).count()
    assert wanted in [b.value["severity"] for b in condition.body if b.block_type == "warning"]
    assert not Page.objects.filter(title=left_out["title"]).exists()
    assert ConditionPage.objects.filter(title=retyped["title"]).exists()
    assert not Page.objects.filter(title=mapped["title"]).exists()
    assert Page.objects.filter(title="Sports massage").count() == 1

    # History, then undo.
    page.get_by_role("link", name="Import history").first.click()
    page.wait_for_url("**/back_health_imports/**")
    assert page.get_by_role("heading", name="Import history").count()
    page.goto(live_url(reverse("back_health_imports:undo", args=[record.pk])))
    assert page.get_by_text("will be removed").count()
    violations = axe(settled(page))
    assert not violations, format_violations(violations)
    page.get_by_role("button", name="Yes, undo the import").click()
    page.wait_for_url("**/inspect/**", timeout=SLOW_MS)
    assert page.get_by_text("Undone").count()

    record.refresh_from_db()
    assert record.status == ImportRecord.Status.UNDONE
    assert not ConditionPage.objects.exists()
    assert Page.objects.filter(pk=existing.pk).exists()
