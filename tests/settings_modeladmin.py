"""Test settings with the optional wagtail-modeladmin sub-app installed.

Run with ``pytest tests/test_admin.py --ds=tests.settings_modeladmin``; the main
suite does so itself in a subprocess (``test_admin.py``).
"""

from .settings import *  # noqa: F403
from .settings import DATABASES, INSTALLED_APPS

INSTALLED_APPS = ["back_health.contrib.modeladmin", "wagtail_modeladmin", *INSTALLED_APPS]

# A test database of its own, named after the main one, so this run can go alongside the
# main one, and runs against differently named databases alongside each other.
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}_modeladmin"}
