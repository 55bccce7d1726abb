"""Test settings with the optional wagtail-modeladmin sub-app installed.

Run with ``pytest tests/test_admin.py --ds=tests.settings_modeladmin``; the main
suite does so itself in a subprocess (``test_admin.py``).
"""

from .settings import *  # noqa: F403
from .settings import DATABASES, INSTALLED_APPS

INSTALLED_APPS = ["back_health.contrib.modeladmin", "wagtail_modeladmin", *INSTALLED_APPS]

# A test database of its own, so this run can go alongside the main one on a shared server.
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": "test_back_health_modeladmin"}
