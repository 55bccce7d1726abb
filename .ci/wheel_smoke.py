"""Smoke-test an installed wagtail-back-health wheel from outside the source tree.

Run it with the Python of a fresh virtualenv that has only the wheel installed, from an
empty directory (``make wheel-smoke`` does this)::

    python wheel_smoke.py path/to/wagtail_back_health-X-py3-none-any.whl

It writes a tiny Wagtail project into the current directory, migrates a SQLite database,
creates a hub, a condition page with a warning and an exercise list, a cause and a
treatment page, renders them through the test client, and checks that the wheel ships
templates, static files, migrations and locale but no ``tests`` package.
"""

import importlib.util
import json
import os
import sys
import zipfile
from pathlib import Path

HERE = Path.cwd()

SETTINGS = """
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
SECRET_KEY = "wheel-smoke"
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = [
    "back_health",
    "wagtail.contrib.table_block",
    "wagtail.embeds", "wagtail.sites", "wagtail.users", "wagtail.snippets",
    "wagtail.documents", "wagtail.images", "wagtail.search", "wagtail.admin", "wagtail",
    "modelcluster", "taggit",
    "django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions",
    "django.contrib.messages", "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
ROOT_URLCONF = "smoke_urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [BASE_DIR / "templates"],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "smoke.sqlite3"}
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
WAGTAIL_SITE_NAME = "Wheel smoke"
WAGTAILADMIN_BASE_URL = "http://testserver"
"""

URLS = """
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [path("admin/", include(wagtailadmin_urls)), path("", include(wagtail_urls))]
"""

BASE_HTML = """<!doctype html>
<html><head><title>{% block title %}{% endblock %}</title>
{% block extra_head %}{% endblock %}</head>
<body>{% block content %}{% endblock %}</body></html>
"""


def check(condition, message):
    if not condition:
        sys.exit(f"FAIL: {message}")
    print(f"ok: {message}")


def check_wheel_contents(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    check(not [n for n in names if n.startswith("tests/")], "the wheel has no tests package")
    for prefix in (
        "back_health/templates/back_health/pages/",
        "back_health/static/back_health/css/",
        "back_health/migrations/0001_initial.py",
        "back_health/locale/",
    ):
        check(any(n.startswith(prefix) for n in names), f"the wheel ships {prefix}")
    check(importlib.util.find_spec("tests") is None, "no tests package is importable")


def write_project():
    (HERE / "smoke_settings.py").write_text(SETTINGS)
    (HERE / "smoke_urls.py").write_text(URLS)
    (HERE / "templates").mkdir(exist_ok=True)
    (HERE / "templates" / "base.html").write_text(BASE_HTML)
    sys.path.insert(0, str(HERE))
    os.environ["DJANGO_SETTINGS_MODULE"] = "smoke_settings"


def build_site():
    from wagtail.models import Site

    from back_health.models import (
        BackHealthIndexPage,
        CausePage,
        ConditionCause,
        ConditionPage,
        ConditionTreatment,
        TreatmentPage,
    )

    home = Site.objects.get(is_default_site=True).root_page
    hub = home.add_child(instance=BackHealthIndexPage(title="Back health", slug="back-health"))
    cause = hub.add_child(
        instance=CausePage(title="Muscle strain", slug="muscle-strain", summary="Overuse.")
    )
    treatment = hub.add_child(
        instance=TreatmentPage(
            title="Ibuprofen",
            slug="ibuprofen",
            treatment_kind="medicine",
            generic_name="ibuprofen",
            brand_names="Nurofen",
            # The hub lists only pages with a summary or a body.
            summary="Eases pain and swelling.",
        )
    )
    body = [
        {
            "type": "warning",
            "value": {
                "severity": "emergency",
                "heading": "Call 999 if",
                "text": "",
                "items_lead": "any",
                "items": ["you cannot control when you pee"],
            },
        },
        {
            "type": "exercise_list",
            "value": {
                "heading": "Exercises",
                "intro": "",
                "exercises": [
                    {
                        "name": "Knee to chest",
                        "steps": ["Lie on your back.", "Hug one knee."],
                        "dose": {"hold_seconds": 20, "repetitions": 3, "per_side": True},
                        "cautions": [],
                    }
                ],
                "stop_if": ["it hurts more"],
            },
        },
    ]
    condition = ConditionPage(
        title="Lower back pain", slug="lower-back-pain", summary="Common.", body=json.dumps(body)
    )
    condition.cause_links = [ConditionCause(target=cause, note="often")]
    condition.treatment_links = [ConditionTreatment(target=treatment, note="short term")]
    hub.add_child(instance=condition)
    for page in (hub, cause, treatment, condition):
        page.save_revision().publish()
    return hub, cause, treatment, condition


def main():
    wheel = Path(sys.argv[1])
    write_project()

    import django

    django.setup()
    import back_health

    check(
        Path(sys.prefix) in Path(back_health.__file__).resolve().parents,
        f"back_health is imported from the virtualenv ({back_health.__file__})",
    )
    check_wheel_contents(wheel)

    from django.contrib.staticfiles import finders
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    check(True, "migrations apply")
    check(finders.find("back_health/css/back_health.css"), "the stylesheet is found")

    hub, cause, treatment, condition = build_site()
    client = Client()
    expected = {
        hub: ["Lower back pain", "Muscle strain", "Ibuprofen"],
        condition: ["Call 999 if", "Knee to chest", "Muscle strain", "Ibuprofen"],
        cause: ["Lower back pain"],
        treatment: ["Nurofen", "Lower back pain"],
    }
    for page, texts in expected.items():
        response = client.get(page.url)
        check(response.status_code == 200, f"GET {page.url} is 200")
        content = response.content.decode()
        for text in texts:
            check(text in content, f"{page.url} shows {text!r}")
    print("Wheel smoke test passed.")


if __name__ == "__main__":
    main()
