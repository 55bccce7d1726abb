"""Reusable fixtures for browser tests: a headless Chromium page, axe-core, an admin login.

Tests in ``tests/browser/`` are marked ``browser`` automatically and run against
pytest-django's ``live_server``. They drive the system's Chromium (Debian's ``chromium``
package, ``/usr/bin/chromium``) through Playwright's Python package; no browser is ever
downloaded. When Playwright or the browser is missing they skip with the reason.

Fixtures a test can use:

``browser_page``
    A fresh Playwright page (own browser context, so no cookies are shared between tests).
``axe``
    ``axe(page, **options) -> list`` runs axe-core on the page and returns its violations;
    ``options`` go to ``axe.run`` (e.g. ``runOnly``). ``format_violations(violations)``
    turns them into a readable assertion message.
``admin_login``
    ``admin_login(page, user=None) -> user`` signs into the Wagtail admin through its login
    form (a new superuser when ``user`` is None) and leaves the page on the dashboard.
``live_url``
    ``live_url(path_or_page) -> str``: the live server address of a path or a page.
``home_page``
    The site's home page. Browser tests need a transactional database (the live server
    runs in another thread), which empties every table after each test, so this rebuilds
    the root page, the home page and the default site that Wagtail's migrations create.
    Mark browser tests ``@pytest.mark.django_db(transaction=True)``.

Environment knobs: ``BACK_HEALTH_CHROMIUM`` (browser path, default ``/usr/bin/chromium``,
then ``chromium`` on ``PATH``) and ``BACK_HEALTH_AXE_JS`` (another axe-core file than
the vendored ``vendor/axe.min.js``).
"""

import os
import shutil
from pathlib import Path

import pytest

VENDORED_AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"

#: Chromium switches for a headless run as root in a container, without background
#: network traffic that would make runs slow or flaky. Playwright starts every launch
#: with a fresh temporary profile (``--user-data-dir``) and adds ``--headless`` itself.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

DEFAULT_TIMEOUT_MS = 15_000


def pytest_collection_modifyitems(config, items):
    browser_dir = Path(__file__).resolve().parent
    for item in items:
        if browser_dir in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def find_chromium():
    """Path of the system Chromium, or None."""
    configured = os.environ.get("BACK_HEALTH_CHROMIUM")
    candidates = [configured] if configured else ["/usr/bin/chromium"]
    candidates += [shutil.which("chromium"), shutil.which("chromium-browser")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def chromium_path():
    path = find_chromium()
    if path is None:
        pytest.skip(
            "no Chromium found (install Debian's chromium package: "
            "apt-get install -y chromium chromium-driver, or set BACK_HEALTH_CHROMIUM)"
        )
    return path


@pytest.fixture(scope="session")
def playwright_browser(chromium_path):
    """One headless Chromium for the whole session."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')"
    )
    # Playwright's sync API runs an event loop in this thread; Django then refuses
    # ORM calls from it unless told the calls are synchronous, which they are here.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    manager = sync_api.sync_playwright().start()
    try:
        browser = manager.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
    except Exception as error:  # noqa: BLE001 - any launch failure means no usable browser
        manager.stop()
        pytest.skip(f"Chromium at {chromium_path} could not be started: {error}")
    try:
        yield browser
    finally:
        browser.close()
        manager.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser_page(playwright_browser, live_server):
    """A new page in its own browser context, pointed at nothing yet."""
    context = playwright_browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def live_url(live_server):
    """``live_url("/admin/")`` or ``live_url(page)``: an absolute live-server address."""

    def build(target):
        path = target if isinstance(target, str) else target.relative_url(None)
        return live_server.url + path

    return build


@pytest.fixture(scope="session")
def axe_source():
    path = Path(os.environ.get("BACK_HEALTH_AXE_JS") or VENDORED_AXE)
    if not path.is_file():
        pytest.fail(f"axe-core not found at {path} (see tests/browser/vendor/README.md)")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def axe(axe_source):
    """``axe(page, **options)``: axe-core's violations on the page's current document."""

    def run(page, **options):
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.add_script_tag(content=axe_source)
        result = page.evaluate(
            "async (options) => await window.axe.run(document, options)", options or {}
        )
        return result["violations"]

    return run


def format_violations(violations):
    """A readable summary of axe violations for an assertion message."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:200]}")
    return "\n".join(lines)


@pytest.fixture
def home_page(transactional_db):
    """The root page, a home page at "/" and the default site, as after migrating."""
    from wagtail.models import Locale, Page, Site

    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root")
    home = root.get_children().first()
    if home is None:
        home = root.add_child(instance=Page(title="Home", slug="home"))
    Site.objects.get_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home


@pytest.fixture
def admin_login(live_server, django_user_model, home_page):
    """``admin_login(page, user=None)``: sign into the Wagtail admin via its login form."""
    password = "browser-test-password"

    def login(page, user=None):
        if user is None:
            user = django_user_model.objects.create_superuser(
                username="browser-admin", email="browser-admin@example.com", password=password
            )
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        page.goto(live_server.url + "/admin/login/")
        page.fill("input[name=username]", user.get_username())
        page.fill("input[name=password]", password)
        with page.expect_navigation():
            page.click("button[type=submit]")
        if "/admin/login/" in page.url:
            raise AssertionError(f"admin login failed for {user.get_username()}: {page.url}")
        return user

    return login
