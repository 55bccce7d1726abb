"""The admin import screens: preview what the importer understood, import, history."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from back_health.models import BackHealthIndexPage, ConditionPage, ImportRecord

pytestmark = pytest.mark.django_db

ARTICLE = """# Coccydynia

Coccydynia is pain in the tailbone, at the bottom of the spine.

## Causes

Common causes include:

- a fall onto the bottom
- sitting on hard seats for long periods

## Treatment

Treatments that can help include:

- ibuprofen (Nurofen)
- physiotherapy

## When to see a GP

See a GP if the pain has not improved after a few weeks.
"""


@pytest.fixture
def import_url():
    return reverse("back_health_import:import")


def test_import_screen_is_in_the_back_health_menu(admin_client, import_url):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert import_url in response.content.decode()


def test_import_screen_shows_the_form(admin_client, import_url):
    response = admin_client.get(import_url)
    assert response.status_code == 200
    assert b"Or paste the article" in response.content


def test_preview_shows_the_plan_and_writes_nothing(admin_client, import_url):
    response = admin_client.post(
        import_url,
        {
            "text": ARTICLE,
            "name": "coccydynia.md",
            "format": "auto",
            "on_conflict": "skip",
            "preview": "1",
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Coccydynia" in html and "Ibuprofen" in html
    assert "Preview" in html
    assert not ConditionPage.objects.exists()
    assert not ImportRecord.objects.exists()
    # The source is carried into the form for the import step.
    assert "Coccydynia is pain in the tailbone" in html


def test_import_creates_drafts_and_links_to_them(admin_client, import_url, admin_user):
    response = admin_client.post(
        import_url,
        {
            "text": ARTICLE,
            "name": "coccydynia.md",
            "format": "markdown",
            "on_conflict": "skip",
            "import": "1",
        },
    )

    condition = ConditionPage.objects.get(title="Coccydynia")
    assert condition.live is False
    assert condition.latest_revision.user == admin_user
    assert reverse("wagtailadmin_pages:edit", args=[condition.pk]) in response.content.decode()
    assert ImportRecord.objects.get().user == admin_user


def test_background_import_runs_as_a_task(admin_client, import_url):
    response = admin_client.post(
        import_url,
        {
            "text": ARTICLE,
            "name": "coccydynia.md",
            "format": "auto",
            "on_conflict": "skip",
            "background": "on",
            "import": "1",
        },
    )

    assert response.status_code == 200
    assert b"queued as task" in response.content
    # Wagtail's default immediate backend has already run it.
    assert ConditionPage.objects.filter(title="Coccydynia").exists()


def test_bad_input_shows_the_error_and_writes_nothing(admin_client, import_url):
    response = admin_client.post(
        import_url,
        {
            "text": "<script>x()</script>",
            "name": "junk.html",
            "format": "auto",
            "on_conflict": "skip",
            "import": "1",
        },
    )

    assert response.status_code == 200
    assert b"failed" in response.content
    assert not ConditionPage.objects.exists()
    assert not BackHealthIndexPage.objects.exists()


def test_an_empty_form_asks_for_a_source(admin_client, import_url):
    response = admin_client.post(import_url, {"format": "auto", "on_conflict": "skip"})
    assert b"Choose a file or paste an article" in response.content


def test_editors_without_page_permission_cannot_import(client, django_user_model, import_url):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(import_url)
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert import_url not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_import_history_lists_records_and_shows_the_report(admin_client, import_url):
    admin_client.post(
        import_url,
        {
            "text": ARTICLE,
            "name": "coccydynia.md",
            "format": "auto",
            "on_conflict": "skip",
            "import": "1",
        },
    )
    record = ImportRecord.objects.get()

    listing = admin_client.get(reverse("back_health_imports:index"))
    assert listing.status_code == 200 and b"coccydynia.md" in listing.content

    detail = admin_client.get(reverse("back_health_imports:inspect", args=[record.pk]))
    assert detail.status_code == 200
    assert b"Coccydynia" in detail.content and b"Physiotherapy" in detail.content


def test_import_records_cannot_be_added_or_edited_by_hand(admin_client):
    from django.urls import NoReverseMatch

    try:
        url = reverse("back_health_imports:add")
    except NoReverseMatch:
        return
    assert admin_client.get(url).status_code in (302, 403)


def test_parent_choice_imports_under_that_hub(admin_client, import_url):
    root = Page.objects.get(depth=2)
    hub = root.add_child(instance=BackHealthIndexPage(title="Spine clinic", slug="spine"))

    admin_client.post(
        import_url,
        {
            "text": ARTICLE,
            "name": "c.md",
            "format": "auto",
            "parent": hub.pk,
            "on_conflict": "skip",
            "import": "1",
        },
    )

    assert ConditionPage.objects.get().get_parent().pk == hub.pk


def test_preview_of_an_uploaded_windows_1251_file_keeps_its_text(admin_client, import_url):
    from django.core.files.uploadedfile import SimpleUploadedFile

    article = ARTICLE.replace("Coccydynia is pain", "Coccydynia (кокцигодиния) is pain")
    upload = SimpleUploadedFile("coccyx.txt", article.encode("cp1251"), "text/plain")
    response = admin_client.post(
        import_url, {"file": upload, "format": "markdown", "on_conflict": "skip", "preview": "1"}
    )

    assert "кокцигодиния" in response.content.decode()
