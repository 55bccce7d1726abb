"""The admin import screens: the upload form, its errors, the menu and the history.

The review step itself is specified in ``test_admin_review.py``."""

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


def read(client, import_url, **data):
    return client.post(import_url, {"format": "auto", **data})


def test_reading_an_article_goes_to_its_review_and_writes_nothing(admin_client, import_url):
    response = read(admin_client, import_url, text=ARTICLE)

    record = ImportRecord.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("back_health_import:review", args=[record.pk])
    assert record.status == ImportRecord.Status.PENDING
    assert not ConditionPage.objects.exists()
    review = admin_client.get(response.url).content.decode()
    assert "Coccydynia" in review and "Ibuprofen" in review


def test_reviewed_import_creates_drafts_owned_by_the_editor(admin_client, import_url, admin_user):
    record_url = read(admin_client, import_url, text=ARTICLE, format="markdown").url
    record = ImportRecord.objects.get()

    response = admin_client.post(record_url, {**initial_review_data(record), "create": "1"})

    condition = ConditionPage.objects.get(title="Coccydynia")
    assert response.status_code == 302
    assert condition.live is False
    assert condition.latest_revision.user == admin_user
    assert ImportRecord.objects.get().user == admin_user


def initial_review_data(record):
    data = {}
    for index, page in enumerate(record.plan["pages"]):
        if page["include"]:
            data[f"p{index}-include"] = "on"
        data[f"p{index}-title"] = page["title"]
        data[f"p{index}-kind"] = page["kind"]
        for number, block in enumerate(page["blocks"]):
            if block["type"] == "warning":
                data[f"p{index}-b{number}-severity"] = block["severity"]
    return data


def test_background_import_runs_as_a_task(admin_client, import_url):
    response = read(admin_client, import_url, text=ARTICLE, background="on")

    assert response.status_code == 302
    # Wagtail's default immediate backend has already run it.
    assert ConditionPage.objects.filter(title="Coccydynia").exists()


def test_bad_input_shows_the_error_and_writes_nothing(admin_client, import_url):
    response = read(admin_client, import_url, file=junk_upload())

    assert response.status_code == 200
    assert b"help-critical" in response.content
    assert not ImportRecord.objects.exists()
    assert not ConditionPage.objects.exists()


def junk_upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("junk.bin", bytes(range(256)) * 4, "application/octet-stream")


def test_an_empty_form_asks_for_a_source(admin_client, import_url):
    response = admin_client.post(import_url, {"format": "auto"})
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
    read(admin_client, import_url, text=ARTICLE)
    record = ImportRecord.objects.get()
    admin_client.post(
        reverse("back_health_import:review", args=[record.pk]),
        {**initial_review_data(record), "create": "1"},
    )

    listing = admin_client.get(reverse("back_health_imports:index"))
    assert listing.status_code == 200 and b"Coccydynia" in listing.content

    detail = admin_client.get(reverse("back_health_imports:inspect", args=[record.pk]))
    assert detail.status_code == 200
    assert b"Coccydynia" in detail.content and b"Physiotherapy" in detail.content


def test_import_records_cannot_be_added_or_edited_by_hand(admin_client):
    from django.urls import NoReverseMatch

    for name in ("add", "edit"):
        try:
            url = reverse(f"back_health_imports:{name}", args=[1] if name == "edit" else [])
        except NoReverseMatch:
            continue
        assert admin_client.get(url).status_code in (302, 403, 404)


def test_parent_choice_imports_under_that_hub(admin_client, import_url):
    root = Page.objects.get(depth=2)
    hub = root.add_child(instance=BackHealthIndexPage(title="Spine clinic", slug="spine"))

    read(admin_client, import_url, text=ARTICLE, parent=hub.pk)
    record = ImportRecord.objects.get()
    admin_client.post(
        reverse("back_health_import:review", args=[record.pk]),
        {**initial_review_data(record), "create": "1"},
    )

    assert ConditionPage.objects.get().get_parent().pk == hub.pk


def test_review_of_an_uploaded_windows_1251_file_keeps_its_text(admin_client, import_url):
    from django.core.files.uploadedfile import SimpleUploadedFile

    article = ARTICLE.replace("Coccydynia is pain", "Coccydynia (кокцигодиния) is pain")
    upload = SimpleUploadedFile("coccyx.txt", article.encode("cp1251"), "text/plain")
    response = read(admin_client, import_url, file=upload, format="markdown")

    assert "кокцигодиния" in admin_client.get(response.url).content.decode()


def test_an_uploaded_word_document_is_reviewed_before_it_is_written(admin_client, import_url):
    pytest.importorskip("mammoth", reason="the 'docx' extra (mammoth) is not installed")
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.importer.word import word_document

    leaflet = word_document(
        [
            ("Title", "Coccydynia"),
            ("p", "Coccydynia is pain in the tailbone. It often follows a fall."),
            ("Heading1", "Treatment"),
            ("p", "Physiotherapy can ease the pain by relaxing the pelvic floor muscles."),
        ]
    )
    upload = SimpleUploadedFile(
        "coccyx.docx",
        leaflet,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response = read(admin_client, import_url, file=upload)

    review = admin_client.get(response.url).content.decode()
    assert "Coccydynia" in review and "pelvic floor" in review
    assert not ConditionPage.objects.exists(), "nothing is written before the review"
