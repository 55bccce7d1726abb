"""The admin bulk import: upload a zip, an export or many files, watch the batch."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from back_health.models import ImportBatch, ImportBatchItem, ImportRecord
from tests.factories import BackHealthIndexPageFactory
from tests.synthetic import synthetic_article
from tests.test_admin_review import editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def bulk_url():
    return reverse("back_health_bulk_import:index")


def zip_upload(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return SimpleUploadedFile("site.zip", buffer.getvalue(), content_type="application/zip")


def test_bulk_import_is_in_the_menu_and_shows_its_form(admin_client, bulk_url):
    assert bulk_url in admin_client.get(reverse("wagtailadmin_home")).content.decode()
    response = admin_client.get(bulk_url)
    assert response.status_code == 200
    assert b"WordPress export" in response.content


def test_a_zip_runs_one_task_per_article_and_the_batch_lists_each(admin_client, bulk_url):
    upload = zip_upload(
        {"one.md": synthetic_article(31), "two.md": synthetic_article(32), "bad.md": b""}
    )

    response = admin_client.post(bulk_url, {"files": [upload], "on_conflict": "skip"})

    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("back_health_bulk_import:batch", args=[batch.pk])
    counts = batch.counts()
    assert (counts["imported"], counts["failed"], counts["done"]) == (2, 1, 3)
    page = admin_client.get(response.url).content.decode()
    assert "site.zip/one.md" in page and "site.zip/bad.md" in page
    assert 'http-equiv="refresh"' not in page, "a finished batch stops refreshing"
    for record in ImportRecord.objects.all():
        assert reverse("back_health_imports:inspect", args=[record.pk]) in page


def test_a_running_batch_refreshes_and_shows_its_counts(admin_client):
    batch = ImportBatch.objects.create(name="site.zip")
    ImportBatchItem.objects.create(batch=batch, source_name="a.md", status="imported")
    ImportBatchItem.objects.create(batch=batch, source_name="b.md", status="running")
    ImportBatchItem.objects.create(batch=batch, source_name="c.md")

    page = admin_client.get(reverse("back_health_bulk_import:batch", args=[batch.pk]))

    text = page.content.decode()
    assert 'http-equiv="refresh"' in text
    assert "1 of 3 articles done" in text
    assert "1 queued, 1 running, 1 imported" in text


def test_several_files_can_be_picked_at_once(admin_client, bulk_url):
    files = [
        SimpleUploadedFile(f"{n}.md", synthetic_article(40 + n), content_type="text/markdown")
        for n in range(3)
    ]
    admin_client.post(bulk_url, {"files": files, "on_conflict": "skip"})
    assert ImportBatch.objects.get().counts()["imported"] == 3


def test_editors_without_add_permission_cannot_bulk_import(client, django_user_model, bulk_url):
    user = django_user_model.objects.create_user("reader", password="x")
    client.force_login(user)
    response = client.get(bulk_url)
    assert response.status_code in (302, 403)


def test_bulk_import_offers_only_hubs_the_editor_can_add_to(client, hub, home_page, bulk_url):
    other = BackHealthIndexPageFactory(parent=home_page, title="Other clinic", slug="other")
    client.force_login(editor(hub))

    html = client.get(bulk_url).content.decode()
    assert f'value="{hub.pk}"' in html
    assert f'value="{other.pk}"' not in html

    upload = zip_upload({"a.md": synthetic_article(1)})
    response = client.post(bulk_url, {"files": [upload], "parent": other.pk, "on_conflict": "skip"})
    assert response.status_code == 200
    assert not ImportBatch.objects.exists()


def test_bulk_publishing_without_the_right_is_refused_before_anything_is_queued(
    client, hub, bulk_url
):
    user = editor(hub, publish=False)
    client.force_login(user)
    upload = zip_upload({"a.md": synthetic_article(1)})
    response = client.post(
        bulk_url, {"files": [upload], "parent": hub.pk, "publish": "on", "on_conflict": "skip"}
    )
    assert response.status_code == 200
    assert "may not publish" in response.content.decode()
    assert user.get_username() in response.content.decode()
    assert not ImportBatch.objects.exists()
