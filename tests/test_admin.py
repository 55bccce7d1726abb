"""The "Back health" admin group: native viewsets by default, wagtail-modeladmin when the
optional sub-app is installed, and never both.

Tests marked ``native`` run under ``tests.settings``. Tests named ``test_sub_app_installed_*``
run under ``tests.settings_modeladmin``; the main run starts them in a subprocess
(:func:`test_modeladmin_settings_pass_in_their_own_process`), because the admin's hooks and
URLs are fixed once per process. To run them directly::

    pytest tests/test_admin.py --ds=tests.settings_modeladmin
"""

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.apps import apps
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from wagtail.admin.menu import admin_menu
from wagtail.permissions import policy_registry

from back_health import viewsets
from back_health.models import Reviewer
from back_health.wagtail_hooks import register_back_health_viewsets
from tests.factories import (
    BodyRegionFactory,
    CausePageFactory,
    ConditionPageFactory,
    TreatmentPageFactory,
)

SUB_APP = "back_health.contrib.modeladmin"
SUB_APP_INSTALLED = apps.is_installed(SUB_APP)

native = pytest.mark.skipif(SUB_APP_INSTALLED, reason="the modeladmin sub-app is installed")
sub_app = pytest.mark.skipif(not SUB_APP_INSTALLED, reason="needs tests.settings_modeladmin")

pytestmark = pytest.mark.django_db

PAST = datetime.date(2000, 1, 1)
FUTURE = datetime.date(2999, 1, 1)


def menu_items(user, label="Back health"):
    # Viewsets register their menu items while the admin URLs load; load them first.
    reverse("wagtailadmin_home")
    request = RequestFactory().get("/admin/")
    request.user = user
    return [item for item in admin_menu.menu_items_for_request(request) if item.label == label]


def submenu(item, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return {str(sub.label): sub.url for sub in item.menu.menu_items_for_request(request)}


@pytest.fixture
def pages(hub):
    lower = BodyRegionFactory(name="Lower back", slug="lower-back")
    neck = BodyRegionFactory(name="Neck", slug="neck")
    sciatica = ConditionPageFactory(
        parent=hub, title="Sciatica", summary="Pain down the leg.", next_review_due=PAST
    )
    sciatica.body_regions.add(lower)
    sciatica.save_revision().publish()
    spasm = ConditionPageFactory(parent=hub, title="Spasm", next_review_due=FUTURE)
    spasm.body_regions.add(neck)
    spasm.save_revision().publish()
    return {
        "sciatica": sciatica,
        "spasm": spasm,
        "stress": CausePageFactory(parent=hub, title="Stress"),
        "ibuprofen": TreatmentPageFactory(
            parent=hub, title="Ibuprofen", treatment_kind="medicine", generic_name="ibuprofen"
        ),
        "massage": TreatmentPageFactory(
            parent=hub, title="Massage", treatment_kind="manual_therapy"
        ),
        "lower": lower,
        "neck": neck,
    }


def listing(admin_client, name, **params):
    response = admin_client.get(reverse(f"back_health_{name}:index"), params)
    assert response.status_code == 200
    return response.content.decode()


# ---- Native group (default) -----------------------------------------------------------------


@native
def test_menu_has_one_back_health_group_with_its_items(admin_user):
    groups = menu_items(admin_user)
    assert len(groups) == 1
    items = submenu(groups[0], admin_user)
    assert list(items) == [
        "Conditions",
        "Causes",
        "Treatments",
        "Reviewers",
        "Body regions",
        "Import an article",
        "Import history",
        "Bulk import",
    ]
    assert items["Conditions"] == reverse("back_health_conditions:index")
    assert items["Reviewers"] == reverse("wagtailsnippets_back_health_reviewer:list")


@native
@pytest.mark.parametrize(
    "name, shown, hidden",
    [
        ("conditions", "Sciatica", "Stress"),
        ("causes", "Stress", "Sciatica"),
        ("treatments", "Massage", "Stress"),
    ],
)
def test_each_listing_shows_only_its_page_type(admin_client, pages, name, shown, hidden):
    html = listing(admin_client, name)
    assert shown in html
    assert hidden not in html


@native
def test_listings_have_review_date_columns(admin_client, pages):
    html = listing(admin_client, "conditions")
    assert "Last reviewed" in html and "Next review due" in html


@native
def test_treatment_listing_has_a_kind_column(admin_client, pages):
    html = listing(admin_client, "treatments")
    assert "Manual therapy" in html and "Medicine" in html


@native
def test_search_narrows_the_listing(admin_client, pages):
    html = listing(admin_client, "conditions", q="sciat")
    assert "Sciatica" in html
    assert "Spasm" not in html


@native
def test_treatment_kind_filter(admin_client, pages):
    html = listing(admin_client, "treatments", treatment_kind="medicine")
    assert "Ibuprofen" in html
    assert "Massage" not in html


@native
def test_body_region_filter(admin_client, pages):
    html = listing(admin_client, "conditions", body_region=pages["neck"].pk)
    assert "Spasm" in html
    assert "Sciatica" not in html


@native
@pytest.mark.parametrize(
    "value, shown, hidden", [("true", "Sciatica", "Spasm"), ("false", "Spasm", "Sciatica")]
)
def test_review_overdue_filter(admin_client, pages, value, shown, hidden):
    html = listing(admin_client, "conditions", review_overdue=value)
    assert shown in html
    assert hidden not in html


@native
def test_snippet_listings_in_the_group_work(admin_client):
    Reviewer.objects.create(name="Dr Grace Hopper", role="Physiotherapist")
    response = admin_client.get(reverse("wagtailsnippets_back_health_reviewer:list"))
    assert response.status_code == 200
    assert "Dr Grace Hopper" in response.content.decode()
    response = admin_client.get(reverse("wagtailsnippets_back_health_bodyregion:list"))
    assert response.status_code == 200


@native
def test_group_viewsets_use_registered_permission_policies():
    # ModelViewSet warns (RemovedInWagtail90Warning) when a viewset brings its own policy.
    for registerable in viewsets.BackHealthViewSetGroup().registerables:
        if hasattr(registerable, "register_permissions"):
            assert registerable.permission_policy is policy_registry.get_by_type(registerable.model)


def test_native_group_steps_aside_when_the_sub_app_is_installed():
    with mock.patch.object(viewsets.apps, "is_installed", lambda name: name == SUB_APP):
        standalone = register_back_health_viewsets()
    # Only the import screens, which modeladmin has no equivalent for, stay registered.
    assert [viewset.name for viewset in standalone] == [
        "back_health_import",
        "back_health_imports",
        "back_health_bulk_import",
    ]
    assert not any(isinstance(v, viewsets.BackHealthViewSetGroup) for v in standalone)
    with mock.patch.object(viewsets.apps, "is_installed", lambda name: False):
        assert isinstance(register_back_health_viewsets(), viewsets.BackHealthViewSetGroup)


@native
def test_modeladmin_settings_pass_in_their_own_process():
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONWARNINGS": "error::DeprecationWarning:back_health"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(Path(__file__).relative_to(root)),
            "--ds=tests.settings_modeladmin",
            "-k",
            "sub_app_installed",
            "-q",
            "-W",
            "error::wagtail.utils.deprecation.RemovedInWagtail90Warning",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    passed = re.search(r"(\d+) passed", output)
    assert passed and int(passed.group(1)) >= 5, output
    assert "skipped" not in output, output


# ---- With back_health.contrib.modeladmin installed ------------------------------------------


@sub_app
def test_sub_app_installed_menu_has_one_back_health_group(admin_user):
    groups = menu_items(admin_user)
    assert len(groups) == 1
    items = submenu(groups[0], admin_user)
    assert set(items) == {"Conditions", "Causes", "Treatments", "Reviewers", "Body regions"}
    assert items["Conditions"] == "/admin/back_health/conditionpage/"


@sub_app
def test_sub_app_installed_native_listings_are_not_registered():
    with pytest.raises(NoReverseMatch):
        reverse("back_health_conditions:index")
    assert not hasattr(Reviewer, "snippet_viewset")


@sub_app
def test_sub_app_installed_listings_show_titles_and_search(admin_client, pages):
    html = admin_client.get("/admin/back_health/conditionpage/").content.decode()
    assert "Sciatica" in html and "Spasm" in html and "Stress" not in html
    html = admin_client.get("/admin/back_health/conditionpage/", {"q": "sciat"}).content.decode()
    assert "Sciatica" in html and "Spasm" not in html
    for path in ("causepage", "treatmentpage", "reviewer", "bodyregion"):
        assert admin_client.get(f"/admin/back_health/{path}/").status_code == 200


@sub_app
def test_sub_app_installed_treatment_kind_filter(admin_client, pages):
    html = admin_client.get(
        "/admin/back_health/treatmentpage/", {"treatment_kind__exact": "medicine"}
    ).content.decode()
    assert "Ibuprofen" in html and "Massage" not in html


@sub_app
def test_sub_app_installed_body_region_and_overdue_filters(admin_client, pages):
    url = "/admin/back_health/conditionpage/"
    html = admin_client.get(url, {"body_regions__id__exact": pages["neck"].pk}).content.decode()
    assert "Spasm" in html and "Sciatica" not in html
    html = admin_client.get(url, {"review_overdue": "true"}).content.decode()
    assert "Sciatica" in html and "Spasm" not in html


@sub_app
def test_sub_app_installed_imported_and_needs_writing_up_filters(admin_client, hub):
    from back_health.models import ImportedPage

    stub = ConditionPageFactory(parent=hub, title="Imported stub", body=[])
    ImportedPage.objects.create(page=stub, entity_key="condition:imported stub", plan_hash="x")
    ConditionPageFactory(parent=hub, title="Hand written", body=[("paragraph", "<p>Done.</p>")])
    url = "/admin/back_health/conditionpage/"

    html = admin_client.get(url, {"imported": "true"}).content.decode()
    assert "Imported stub" in html and "Hand written" not in html
    html = admin_client.get(url, {"needs_writing_up": "false"}).content.decode()
    assert "Hand written" in html and "Imported stub" not in html
