"""Marked pages: listing filters for imported and unwritten pages, and the dashboard panel."""

import datetime

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from back_health.models import ImportedPage
from tests.factories import BackHealthIndexPageFactory, ConditionPageFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        apps.is_installed("back_health.contrib.modeladmin"),
        reason="the native listings are replaced by the modeladmin sub-app",
    ),
]

PAST = datetime.date(2000, 1, 1)
FUTURE = datetime.date(2999, 1, 1)
BODY = [("paragraph", "<p>Written up.</p>")]


def mark_imported(page):
    ImportedPage.objects.create(page=page, entity_key=f"condition:{page.slug}", plan_hash="x")


@pytest.fixture
def marked(hub):
    imported_stub = ConditionPageFactory(parent=hub, title="Imported stub", body=[])
    imported_full = ConditionPageFactory(parent=hub, title="Imported whole", body=BODY)
    written = ConditionPageFactory(parent=hub, title="Hand written", body=BODY)
    for page in (imported_stub, imported_full):
        mark_imported(page)
    return {"stub": imported_stub, "full": imported_full, "written": written}


def titles(admin_client, **params):
    response = admin_client.get(reverse("back_health_conditions:index"), params)
    assert response.status_code == 200
    html = response.content.decode()
    return {title for title in ("Imported stub", "Imported whole", "Hand written") if title in html}


def test_listing_filters_pages_that_came_from_an_import(admin_client, marked):
    assert titles(admin_client, imported="true") == {"Imported stub", "Imported whole"}
    assert titles(admin_client, imported="false") == {"Hand written"}


def test_listing_filters_pages_that_need_writing_up(admin_client, marked):
    assert titles(admin_client, needs_writing_up="true") == {"Imported stub"}
    assert titles(admin_client, needs_writing_up="false") == {"Imported whole", "Hand written"}


def test_listing_filters_combine(admin_client, marked):
    assert titles(admin_client, imported="true", needs_writing_up="false") == {"Imported whole"}


# ---- Dashboard ------------------------------------------------------------------------------


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_dashboard_lists_imported_drafts_awaiting_review(admin_client, hub):
    draft = ConditionPageFactory(parent=hub, title="Imported draft", live=False)
    draft.save_revision()
    published = ConditionPageFactory(parent=hub, title="Imported and published")
    published.save_revision().publish()
    for page in (draft, published):
        mark_imported(page)
    ConditionPageFactory(parent=hub, title="Draft by hand", live=False).save_revision()

    html = dashboard(admin_client)

    assert "Imported drafts awaiting review" in html
    assert "Imported draft" in html
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in html
    assert "Imported and published" not in html
    assert "Draft by hand" not in html


def test_dashboard_lists_pages_whose_review_is_overdue(admin_client, hub):
    ConditionPageFactory(parent=hub, title="Long overdue", next_review_due=PAST)
    ConditionPageFactory(parent=hub, title="Reviewed lately", next_review_due=FUTURE)

    html = dashboard(admin_client)

    assert "Clinical review overdue" in html
    assert "Long overdue" in html
    assert "Reviewed lately" not in html


def test_dashboard_panel_is_absent_when_nothing_waits(admin_client, hub):
    ConditionPageFactory(parent=hub, title="Reviewed lately", next_review_due=FUTURE)
    html = dashboard(admin_client)
    assert "back-health-imported-drafts" not in html
    assert "back-health-review-overdue" not in html


def test_dashboard_panel_shows_only_pages_the_user_may_edit(client, hub, home_page):
    second = BackHealthIndexPageFactory(parent=home_page, title="Other clinic", slug="other")
    ConditionPageFactory(parent=hub, title="Ours overdue", next_review_due=PAST)
    ConditionPageFactory(parent=second, title="Theirs overdue", next_review_due=PAST)
    editors = Group.objects.create(name="Hub editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=editors, page=hub, permission=Permission.objects.get(codename=codename)
        )
    editor = get_user_model().objects.create_user("editor", password="pw")
    editor.groups.add(editors)
    client.force_login(editor)

    html = dashboard(client)

    assert "Ours overdue" in html
    assert "Theirs overdue" not in html
