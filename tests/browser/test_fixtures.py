"""The browser fixtures themselves: other browser tests build on them."""

import pytest

from tests.browser.conftest import format_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_axe_reports_a_violation_on_a_page_that_has_one(browser_page, axe, live_url, hub):
    browser_page.goto(live_url(hub))
    browser_page.evaluate("() => document.querySelector('html').removeAttribute('lang')")
    ids = {violation["id"] for violation in axe(browser_page)}
    assert "html-has-lang" in ids


def test_axe_finds_nothing_on_the_empty_hub(browser_page, axe, live_url, hub):
    response = browser_page.goto(live_url(hub))
    assert response.status == 200
    violations = axe(browser_page)
    assert not violations, format_violations(violations)


def test_admin_login_signs_into_the_wagtail_admin(browser_page, admin_login, live_url):
    user = admin_login(browser_page)
    assert user.is_superuser
    browser_page.goto(live_url("/admin/"))
    assert "/admin/login/" not in browser_page.url
    assert browser_page.locator("main").count() >= 1
