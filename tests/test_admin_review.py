"""Import review in the admin: read an article into a pending import, correct its plan,
create drafts, see the result, find it in the history and undo it."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import GroupPagePermission, ModelLogEntry, Page

from back_health.models import (
    CausePage,
    ConditionPage,
    ImportRecord,
    TreatmentPage,
)
from back_health.views.review import plan_under_review
from tests.factories import BackHealthIndexPageFactory, TreatmentPageFactory

pytestmark = pytest.mark.django_db

ARTICLE = (Path(__file__).parent / "fixtures" / "admin" / "piriformis.md").read_text()
OTHER_TEXT = (
    "# Whiplash\n\nWhiplash is a neck injury after a sudden jolt. Rest and gentle movement help.\n"
)


@pytest.fixture
def import_url():
    return reverse("back_health_import:import")


def read_article(client, import_url, hub, text=ARTICLE, **extra):
    """Submit the upload form; return the pending record it made."""
    response = client.post(import_url, {"text": text, "format": "auto", "parent": hub.pk, **extra})
    assert response.status_code == 302, response.content.decode()[:2000]
    record = ImportRecord.objects.get()
    assert response["Location"] == reverse("back_health_import:review", args=[record.pk])
    return record


def page_index(record, predicate):
    for index, page in enumerate(record.plan["pages"]):
        if predicate(page):
            return index, page
    raise AssertionError("no planned page matches")


def review_data(record, **changes):
    """The review form as the browser would submit it untouched, then ``changes``."""
    data = {}
    for index, page in enumerate(plan_under_review(record)["pages"]):
        if page.get("include"):
            data[f"p{index}-include"] = "on"
        data[f"p{index}-title"] = page["title"]
        data[f"p{index}-kind"] = page["kind"]
        data[f"p{index}-page_id"] = page.get("page_id") or ""
        for number, block in enumerate(page["blocks"]):
            if block["type"] == "warning":
                data[f"p{index}-b{number}-severity"] = block["severity"]
            if block["type"] == "table":
                data[f"p{index}-b{number}-keep"] = "on"
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def editor(hub, *, change=True, publish=False, delete=False, name="editor"):
    group = Group.objects.create(name=f"{name} group")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    codenames = ["add_page"] + ["change_page"] * change + ["publish_page"] * publish
    codenames += ["delete_page"] * delete
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group, page=hub, permission=Permission.objects.get(codename=codename)
        )
    user = get_user_model().objects.create_user(name, password="pw")
    user.groups.add(group)
    return user


# ---- Upload form ----------------------------------------------------------------------------


def test_import_under_offers_only_hubs_the_user_can_add_to(client, hub, home_page, import_url):
    other = BackHealthIndexPageFactory(parent=home_page, title="Other clinic", slug="other")
    client.force_login(editor(hub))

    html = client.get(import_url).content.decode()

    assert f'value="{hub.pk}"' in html
    assert f'value="{other.pk}"' not in html
    response = client.post(import_url, {"text": ARTICLE, "format": "auto", "parent": other.pk})
    assert response.status_code == 200
    assert not ImportRecord.objects.exists()


def test_reading_an_article_writes_no_page_and_stores_the_plan(admin_client, hub, import_url):
    record = read_article(admin_client, import_url, hub)

    assert record.status == ImportRecord.Status.PENDING
    assert record.plan["pages"]
    assert not ConditionPage.objects.exists()


def test_review_screen_never_sends_the_article_back_through_the_browser(
    admin_client, hub, import_url
):
    record = read_article(admin_client, import_url, hub)
    html = admin_client.get(reverse("back_health_import:review", args=[record.pk])).content.decode()

    assert "<textarea" not in html
    values = [part.split('"', 1)[0] for part in html.split('value="')[1:]]
    assert not any("sciatic nerve" in value for value in values)


def test_review_screen_explains_each_page_in_words(admin_client, hub, import_url):
    record = read_article(admin_client, import_url, hub)
    html = admin_client.get(reverse("back_health_import:review", args=[record.pk])).content.decode()

    main = record.plan["pages"][0]
    assert main["reason"] and escape(main["reason"]) in html
    assert "Create drafts" in html
    assert "thin_page" not in html and "Status: imported" not in html
    assert 'name="p0-page_id"' in html  # Wagtail's page chooser for mapping a name


def test_bare_mentions_are_suggested_pages_left_unticked(admin_client, hub, import_url):
    record = read_article(admin_client, import_url, hub)
    index, page = page_index(record, lambda page: page["action"] == "suggest")
    html = admin_client.get(reverse("back_health_import:review", args=[record.pk])).content.decode()

    assert "suggested page" in html
    checkbox = (
        html.split(f'name="p{index}-include"')[0].rsplit("<input", 1)[1]
        + html.split(f'name="p{index}-include"')[1].split(">", 1)[0]
    )
    assert "checked" not in checkbox


# ---- Corrections and writing ----------------------------------------------------------------


def test_create_drafts_writes_exactly_the_corrected_plan(admin_client, hub, import_url):
    existing = TreatmentPageFactory(parent=hub, title="Therapeutic massage")
    record = read_article(admin_client, import_url, hub)
    main_index, main = page_index(record, lambda page: page["kind"] == "condition")
    left_out, left_out_page = page_index(
        record, lambda page: page["include"] and page is not main and page["kind"] == "treatment"
    )
    retyped, retyped_page = page_index(record, lambda page: page["action"] == "suggest")
    mapped, _ = page_index(
        record, lambda page: page["action"] == "suggest" and page is not retyped_page
    )
    warning = next(n for n, b in enumerate(main["blocks"]) if b["type"] == "warning")
    new_severity = "caution" if main["blocks"][warning]["severity"] != "caution" else "info"

    response = admin_client.post(
        reverse("back_health_import:review", args=[record.pk]),
        review_data(
            record,
            **{
                f"p{main_index}-title": "Piriformis muscle syndrome",
                f"p{left_out}-include": None,
                f"p{retyped}-include": "on",
                f"p{retyped}-kind": "condition",
                f"p{mapped}-page_id": existing.pk,
                f"p{main_index}-b{warning}-severity": new_severity,
                "create": "1",
            },
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("back_health_import:result", args=[record.pk])
    condition = ConditionPage.objects.get(title="Piriformis muscle syndrome")
    assert not condition.live
    severities = [b.value["severity"] for b in condition.body if b.block_type == "warning"]
    assert new_severity in severities
    assert not Page.objects.filter(title=left_out_page["title"]).exists()
    assert ConditionPage.objects.filter(title=retyped_page["title"]).exists()
    assert not CausePage.objects.filter(title=retyped_page["title"]).exists()
    assert (
        TreatmentPage.objects.filter(title__iexact=record.plan["pages"][mapped]["title"]).count()
        == 0
    )
    record.refresh_from_db()
    assert record.status == ImportRecord.Status.IMPORTED


def test_keep_as_text_turns_a_warning_into_a_paragraph(admin_client, hub, import_url):
    record = read_article(admin_client, import_url, hub)
    main_index, main = page_index(record, lambda page: page["kind"] == "condition")
    warnings = [n for n, b in enumerate(main["blocks"]) if b["type"] == "warning"]

    admin_client.post(
        reverse("back_health_import:review", args=[record.pk]),
        review_data(record, **{f"p{main_index}-b{warnings[0]}-as_text": "on", "create": "1"}),
    )

    condition = ConditionPage.objects.get(title=main["title"])
    assert sum(1 for b in condition.body if b.block_type == "warning") == len(warnings) - 1


TABLE_ARTICLE = """# Sciatica

Sciatica is pain that travels from the lower back down the back of the leg.

## Usual doses

| Medicine | Usual adult dose |
|---|---|
| Ibuprofen | 400 mg three times a day |
| Naproxen | 250 mg twice a day |

Take painkillers with food.
"""


def test_review_screen_shows_a_table_that_can_be_kept(admin_client, hub, import_url):
    record = read_article(admin_client, import_url, hub, text=TABLE_ARTICLE)
    main_index, main = page_index(record, lambda page: page["kind"] == "condition")
    number = next(n for n, b in enumerate(main["blocks"]) if b["type"] == "table")
    html = admin_client.get(reverse("back_health_import:review", args=[record.pk])).content.decode()

    assert '<th scope="col">Usual adult dose</th>' in html
    assert "<td>250 mg twice a day</td>" in html
    assert f'name="p{main_index}-b{number}-keep"' in html
    assert "Keep this table" in html

    admin_client.post(
        reverse("back_health_import:review", args=[record.pk]),
        review_data(record, create="1"),
    )

    condition = ConditionPage.objects.get(title=main["title"])
    tables = [
        b.value for b in condition.get_latest_revision_as_object().body if b.block_type == "table"
    ]
    assert tables and tables[0]["data"][1] == ["Ibuprofen", "400 mg three times a day"]


def test_an_unticked_table_is_left_out_of_the_drafts(admin_client, hub, import_url):
    record = read_article(admin_client, import_url, hub, text=TABLE_ARTICLE)
    main_index, main = page_index(record, lambda page: page["kind"] == "condition")
    number = next(n for n, b in enumerate(main["blocks"]) if b["type"] == "table")

    admin_client.post(
        reverse("back_health_import:review", args=[record.pk]),
        review_data(record, **{f"p{main_index}-b{number}-keep": None, "create": "1"}),
    )

    condition = ConditionPage.objects.get(title=main["title"])
    body = condition.get_latest_revision_as_object().body
    assert not any(b.block_type == "table" for b in body)
    assert any("with food" in str(b.value) for b in body)


def test_remove_button_drops_one_relation_and_keeps_the_editor_on_the_screen(
    admin_client, hub, import_url
):
    record = read_article(admin_client, import_url, hub)
    main_index, main = page_index(record, lambda page: page["relations"]["causes"])
    removed = main["relations"]["causes"][0]["title"]
    review_url = reverse("back_health_import:review", args=[record.pk])

    response = admin_client.post(
        review_url,
        review_data(
            record,
            **{f"p{main_index}-title": "Renamed first", "remove": f"{main_index}:causes:0"},
        ),
    )

    assert response.status_code == 302 and response["Location"].startswith(review_url)
    record.refresh_from_db()
    page = plan_under_review(record)["pages"][main_index]
    assert removed not in [r["title"] for r in page["relations"]["causes"]]
    assert page["title"] == "Renamed first"  # other corrections on the screen are kept
    assert record.status == ImportRecord.Status.PENDING
    assert not ConditionPage.objects.exists()
    html = admin_client.get(review_url).content.decode()
    assert 'value="Renamed first"' in html


def test_saved_corrections_are_written_and_remembered_for_the_next_import(
    admin_client, hub, import_url
):
    record = read_article(admin_client, import_url, hub)
    main_index, main = page_index(record, lambda page: page["relations"]["causes"])
    review_url = reverse("back_health_import:review", args=[record.pk])
    # Rename, then remove a link: each saves the screen; then create the drafts.
    admin_client.post(review_url, review_data(record, **{f"p{main_index}-title": "Renamed"}))
    record.refresh_from_db()
    admin_client.post(review_url, review_data(record, remove=f"{main_index}:causes:0"))
    record.refresh_from_db()
    admin_client.post(review_url, review_data(record, create="1"))

    record.refresh_from_db()
    assert ConditionPage.objects.filter(title="Renamed").exists()
    assert ("title", "Renamed") in {(c.get("field"), c.get("value")) for c in record.corrections}
    assert any(c.get("remove") for c in record.corrections)


def test_saved_corrections_live_beside_the_untouched_proposal(admin_client, hub, import_url):
    record = read_article(admin_client, import_url, hub)
    proposal = record.plan
    main_index, _main = page_index(record, lambda page: page["relations"]["causes"])
    review_url = reverse("back_health_import:review", args=[record.pk])

    admin_client.post(review_url, review_data(record, **{f"p{main_index}-title": "Renamed"}))

    record.refresh_from_db()
    assert record.plan == proposal
    assert record.draft_plan["pages"][main_index]["title"] == "Renamed"
    assert 'value="Renamed"' in admin_client.get(review_url).content.decode()


def test_reading_the_same_article_again_keeps_saved_corrections_and_new_content_drops_them(
    admin_client, hub, import_url
):
    address = "https://clinic.example/piriformis"
    record = read_article(admin_client, import_url, hub, identity=address)
    main_index, _main = page_index(record, lambda page: page["relations"]["causes"])
    review_url = reverse("back_health_import:review", args=[record.pk])
    admin_client.post(review_url, review_data(record, **{f"p{main_index}-title": "Renamed"}))
    form = {"format": "auto", "parent": hub.pk, "identity": address}

    admin_client.post(import_url, {**form, "text": ARTICLE})
    record.refresh_from_db()
    assert record.draft_plan["pages"][main_index]["title"] == "Renamed"

    admin_client.post(import_url, {**form, "text": ARTICLE.replace("two weeks", "three weeks")})
    assert ImportRecord.objects.get().draft_plan is None


def test_publishing_is_offered_only_to_users_who_may_publish(client, hub, import_url):
    user = editor(hub)
    client.force_login(user)
    record = read_article(client, import_url, hub)
    review_url = reverse("back_health_import:review", args=[record.pk])

    assert "Create and publish" not in client.get(review_url).content.decode()
    response = client.post(review_url, review_data(record, publish="1"))
    assert "You may not publish" in response.content.decode()
    assert not ConditionPage.objects.exists()

    client.force_login(editor(hub, publish=True, name="publisher"))
    assert "Create and publish" in client.get(review_url).content.decode()


def test_result_page_says_what_happened_with_counts_and_links(admin_client, hub, import_url):
    record = read_article(admin_client, import_url, hub)
    admin_client.post(
        reverse("back_health_import:review", args=[record.pk]), review_data(record, create="1")
    )
    response = admin_client.get(reverse("back_health_import:result", args=[record.pk]), follow=True)
    html = response.content.decode()

    record.refresh_from_db()
    condition = ConditionPage.objects.get()
    assert "was imported" in html
    assert f"{record.created_count} pages created" in html
    assert reverse("wagtailadmin_pages:edit", args=[condition.pk]) in html
    assert "Create drafts" not in html and "Status: imported" not in html


def test_same_pasted_text_twice_is_two_imports(admin_client, hub, import_url):
    first = read_article(admin_client, import_url, hub)
    admin_client.post(
        reverse("back_health_import:review", args=[first.pk]), review_data(first, create="1")
    )
    other = ARTICLE.replace("thick wallet", "thick phone case")

    response = admin_client.post(import_url, {"text": other, "format": "auto", "parent": hub.pk})

    assert response.status_code == 302
    assert ImportRecord.objects.count() == 2


# ---- History and undo -----------------------------------------------------------------------


def imported(client, import_url, hub):
    record = read_article(client, import_url, hub)
    client.post(
        reverse("back_health_import:review", args=[record.pk]), review_data(record, create="1")
    )
    record.refresh_from_db()
    return record


def test_history_lists_status_counts_and_who(admin_client, admin_user, hub, import_url):
    record = imported(admin_client, import_url, hub)
    html = admin_client.get(reverse("back_health_imports:index")).content.decode()

    assert "<title>Import history" in html or "Import history" in html.split("</title>")[0]
    assert "Imported" in html and "Suggested" in html and "To check" in html
    assert reverse("back_health_imports:inspect", args=[record.pk]) in html
    assert reverse("back_health_imports:undo", args=[record.pk]) in html


def test_history_filters_by_status(admin_client, hub, import_url):
    imported(admin_client, import_url, hub)
    pending = admin_client.post(
        import_url,
        {"text": ARTICLE + "\nA new closing line.\n", "format": "auto", "parent": hub.pk},
    )
    assert pending.status_code == 302
    url = reverse("back_health_imports:index")

    only_pending = admin_client.get(url, {"status": "pending"}).content.decode()
    only_imported = admin_client.get(url, {"status": "imported"}).content.decode()

    undo = reverse("back_health_imports:undo", args=[1]).rsplit("/", 2)[0]
    assert "Awaiting review" in only_pending and undo not in only_pending
    assert undo in only_imported


def test_undo_confirmation_lists_what_goes_and_what_stays(admin_client, hub, import_url):
    record = imported(admin_client, import_url, hub)
    touched = ConditionPage.objects.get()
    touched.summary = "Rewritten by an editor."
    touched.save_revision()
    untouched = [p for p in record.created_pages.all() if p.pk != touched.pk]
    undo_url = reverse("back_health_imports:undo", args=[record.pk])

    html = admin_client.get(undo_url).content.decode()

    assert "will be removed" in html and "will be kept" in html
    assert touched.title in html.split("will be kept")[1]
    response = admin_client.post(undo_url)
    assert response.status_code == 302
    assert ConditionPage.objects.filter(pk=touched.pk).exists()
    assert not Page.objects.filter(pk__in=[p.pk for p in untouched]).exists()
    record.refresh_from_db()
    assert record.status == ImportRecord.Status.UNDONE


def test_undo_needs_the_right_to_delete(client, admin_client, hub, import_url):
    # Wagtail lets editors who may change pages delete drafts; adding alone is not enough
    # for someone else's pages.
    record = imported(admin_client, import_url, hub)
    client.force_login(editor(hub, change=False))
    undo_url = reverse("back_health_imports:undo", args=[record.pk])
    confirmation = client.get(undo_url).content.decode()
    assert "may not delete" in confirmation and "Yes, undo the import" not in confirmation

    response = client.post(reverse("back_health_imports:undo", args=[record.pk]), follow=True)

    assert "may not delete" in response.content.decode()
    record.refresh_from_db()
    assert record.status == ImportRecord.Status.IMPORTED
    assert ConditionPage.objects.exists()


# ---- Background -----------------------------------------------------------------------------


def test_background_import_answers_in_words_with_a_link(admin_client, hub, import_url):
    response = admin_client.post(
        import_url,
        {"text": ARTICLE, "format": "auto", "parent": hub.pk, "background": "on"},
        follow=True,
    )
    html = response.content.decode()

    record = ImportRecord.objects.get()
    assert reverse("back_health_import:result", args=[record.pk]) in html
    assert "imported as drafts" in html
    assert "SUCCESSFUL" not in html and "queued as task" not in html


def test_a_page_with_nothing_on_it_is_flagged_in_words(admin_client, hub, import_url):
    record = read_article(admin_client, import_url, hub)
    # Whatever the importer made of the article, give one planned page nothing but its
    # name and the importer's flag for that, as it does for stubs.
    _, empty = page_index(record, lambda page: page["include"] and page["action"] == "create")
    empty["blocks"], empty["summary"] = [], ""
    record.plan["flags"].append({"kind": "thin_page", "language": "", "text": empty["title"]})
    record.save(update_fields=["plan"])
    html = admin_client.get(reverse("back_health_import:review", args=[record.pk])).content.decode()

    assert f"“{escape(empty['title'])}” has nothing on it yet" in html
    assert "thin_page" not in html


def test_discarding_a_new_import_asks_first_then_forgets_it(admin_client, hub, import_url):
    record = read_article(admin_client, import_url, hub)
    discard_url = reverse("back_health_import:discard", args=[record.pk])
    review_html = admin_client.get(reverse("back_health_import:review", args=[record.pk]))
    assert discard_url in review_html.content.decode()

    confirm = admin_client.get(discard_url)
    assert confirm.status_code == 200 and ImportRecord.objects.exists()
    assert "never been imported" in confirm.content.decode()
    response = admin_client.post(discard_url)

    assert response.status_code == 302
    assert not ImportRecord.objects.exists()
    assert not ConditionPage.objects.exists()
    assert ModelLogEntry.objects.filter(action="back_health.discard_import").count() == 1


def reviewed_again(client, import_url, hub, address="https://clinic.example/piriformis"):
    """An article imported, then read again from changed content: pending once more."""
    first = read_article(client, import_url, hub, identity=address)
    client.post(
        reverse("back_health_import:review", args=[first.pk]), review_data(first, create="1")
    )
    first.refresh_from_db()
    changed = ARTICLE.replace("two weeks", "three weeks")
    client.post(
        import_url,
        {"text": changed, "format": "auto", "parent": hub.pk, "identity": address, "update": "on"},
    )
    return first


def test_discarding_a_re_review_puts_the_earlier_import_back_and_leaves_pages_alone(
    admin_client, hub, import_url
):
    before = reviewed_again(admin_client, import_url, hub)
    record = ImportRecord.objects.get()
    assert record.status == ImportRecord.Status.PENDING and record.sha256 != before.sha256
    revisions = dict(Page.objects.type(ConditionPage).values_list("pk", "latest_revision_id"))
    discard_url = reverse("back_health_import:discard", args=[record.pk])

    assert "imported before" in admin_client.get(discard_url).content.decode()
    admin_client.post(discard_url)

    record.refresh_from_db()
    assert record.status == ImportRecord.Status.IMPORTED
    assert (record.sha256, record.plan, record.created_count) == (
        before.sha256,
        before.plan,
        before.created_count,
    )
    assert record.draft_plan is None and record.previous == {}
    after = dict(Page.objects.type(ConditionPage).values_list("pk", "latest_revision_id"))
    assert after == revisions
    # Imported as it was: the next import of the old content is "unchanged".
    unchanged = admin_client.post(
        import_url,
        {
            "text": ARTICLE,
            "format": "auto",
            "parent": hub.pk,
            "identity": "https://clinic.example/piriformis",
        },
    )
    assert unchanged["Location"] == reverse("back_health_import:result", args=[record.pk])


def test_only_those_who_may_import_under_the_hub_may_discard(
    client, admin_client, hub, home_page, import_url
):
    other = BackHealthIndexPageFactory(parent=home_page, title="Other clinic", slug="other")
    record = read_article(admin_client, import_url, other)
    client.force_login(editor(hub))

    client.post(reverse("back_health_import:discard", args=[record.pk]))

    assert ImportRecord.objects.filter(pk=record.pk, status="pending").exists()


def test_a_written_import_cannot_be_discarded(admin_client, hub, import_url):
    record = imported(admin_client, import_url, hub)

    response = admin_client.post(reverse("back_health_import:discard", args=[record.pk]))

    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == ImportRecord.Status.IMPORTED


def test_history_shows_how_long_a_review_waits_with_a_discard_link(admin_client, hub, import_url):
    record = read_article(admin_client, import_url, hub)
    ImportRecord.objects.filter(pk=record.pk).update(updated_at=timezone.now() - timedelta(days=3))

    html = admin_client.get(reverse("back_health_imports:index")).content.decode()

    assert "Awaiting review for" in html and "3\xa0days" in html
    assert reverse("back_health_import:discard", args=[record.pk]) in html
    assert "stale" not in html


@override_settings(BACK_HEALTH={"IMPORT_PENDING_DAYS": 7})
def test_stale_reviews_are_marked_and_discarded_together_and_only_they(
    admin_client, hub, import_url
):
    stale = read_article(admin_client, import_url, hub)
    ImportRecord.objects.filter(pk=stale.pk).update(updated_at=timezone.now() - timedelta(days=8))
    admin_client.post(import_url, {"text": OTHER_TEXT, "format": "auto", "parent": hub.pk})
    fresh = ImportRecord.objects.exclude(pk=stale.pk).get()
    index_url = reverse("back_health_imports:index")
    bulk_url = reverse("back_health_imports:discard_stale")

    html = admin_client.get(index_url).content.decode()
    assert "stale" in html and bulk_url in html
    confirm = admin_client.get(bulk_url).content.decode()
    assert str(stale) in confirm and str(fresh) not in confirm
    admin_client.post(bulk_url)

    assert list(ImportRecord.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert bulk_url not in admin_client.get(index_url).content.decode()


def upload(client, import_url, hub, text, name="piriformis.md"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    file = SimpleUploadedFile(name, text.encode(), "text/markdown")
    return client.post(import_url, {"file": file, "format": "auto", "parent": hub.pk})


def test_a_new_upload_of_a_file_replaces_its_unwritten_review(admin_client, hub, import_url):
    upload(admin_client, import_url, hub, ARTICLE)
    first = ImportRecord.objects.get()

    upload(admin_client, import_url, hub, ARTICLE.replace("two weeks", "three weeks"))

    record = ImportRecord.objects.get()
    assert record.pk != first.pk and record.sha256 != first.sha256
    assert record.status == ImportRecord.Status.PENDING


def test_another_users_review_of_a_file_of_that_name_is_left_alone(
    client, admin_client, hub, import_url
):
    upload(admin_client, import_url, hub, ARTICLE)
    client.force_login(editor(hub))

    upload(client, import_url, hub, ARTICLE.replace("two weeks", "three weeks"))

    assert ImportRecord.objects.filter(status="pending").count() == 2


def test_other_content_under_a_known_address_is_an_update_only_when_ticked(
    admin_client, hub, import_url
):
    address = "https://clinic.example/piriformis"
    first = read_article(admin_client, import_url, hub, identity=address)
    admin_client.post(
        reverse("back_health_import:review", args=[first.pk]), review_data(first, create="1")
    )
    changed = ARTICLE.replace("two weeks", "three weeks")

    refused = admin_client.post(
        import_url, {"text": changed, "format": "auto", "parent": hub.pk, "identity": address}
    )
    assert refused.status_code == 200
    assert "say it is an update" in refused.content.decode()

    accepted = admin_client.post(
        import_url,
        {"text": changed, "format": "auto", "parent": hub.pk, "identity": address, "update": "on"},
    )
    assert accepted.status_code == 302
    assert ImportRecord.objects.get().status == ImportRecord.Status.PENDING


def test_an_unchanged_article_goes_straight_to_its_import(admin_client, hub, import_url):
    address = "https://clinic.example/piriformis"
    first = read_article(admin_client, import_url, hub, identity=address)
    admin_client.post(
        reverse("back_health_import:review", args=[first.pk]), review_data(first, create="1")
    )

    response = admin_client.post(
        import_url, {"text": ARTICLE, "format": "auto", "parent": hub.pk, "identity": address}
    )

    assert response["Location"] == reverse("back_health_import:result", args=[first.pk])


def test_background_import_of_a_bad_file_says_why_in_words(admin_client, hub, import_url):
    from django.core.files.uploadedfile import SimpleUploadedFile

    junk = SimpleUploadedFile("junk.bin", bytes(range(256)) * 4, "application/octet-stream")
    response = admin_client.post(
        import_url,
        {"file": junk, "format": "auto", "parent": hub.pk, "background": "on"},
        follow=True,
    )
    html = response.content.decode()

    assert "could not be imported" in html
    assert reverse("back_health_imports:index") in html
    assert "SUCCESSFUL" not in html and "FAILED" not in html


def test_a_pending_import_under_another_hub_cannot_be_reviewed(
    client, admin_client, hub, home_page, import_url
):
    other = BackHealthIndexPageFactory(parent=home_page, title="Other clinic", slug="other")
    record = read_article(admin_client, import_url, other)
    client.force_login(editor(hub))
    review_url = reverse("back_health_import:review", args=[record.pk])

    denied = client.get(review_url)  # Wagtail turns PermissionDenied into a redirect
    assert denied.status_code == 302 and denied.url == reverse("wagtailadmin_home")
    client.post(review_url, review_data(record, create="1"))

    record.refresh_from_db()
    assert record.status == ImportRecord.Status.PENDING
    assert not ConditionPage.objects.exists()


def test_an_existing_page_only_linked_to_is_not_flagged_as_empty(admin_client, hub, import_url):
    TreatmentPageFactory(
        parent=hub, title="Massage", body=[("paragraph", "<p>Kneading the muscles.</p>")]
    )
    record = read_article(admin_client, import_url, hub)
    _, massage = page_index(record, lambda page: page["title"].casefold() == "massage")
    html = admin_client.get(reverse("back_health_import:review", args=[record.pk])).content.decode()

    assert massage["action"] == "link"
    assert "“Massage” has nothing on it yet" not in html
    assert "Existing page" in html


# ---- A page whose kind changes --------------------------------------------------------------

COCCYDYNIA = (Path(__file__).parent / "fixtures" / "admin" / "coccydynia-kind-change.md").read_text(
    encoding="utf-8"
)


def reviewed_again_with_a_kind_changed(client, import_url, hub, *, publish=False):
    """Import the article (Poor posture is a cause page), read it again, and change
    Poor posture to a condition page on the review screen (saved, not written)."""
    address = "https://clinic.example/coccydynia"
    first = read_article(client, import_url, hub, text=COCCYDYNIA, identity=address)
    review_url = reverse("back_health_import:review", args=[first.pk])
    button = {"publish": "1"} if publish else {"create": "1"}
    client.post(review_url, review_data(first, **button))
    assert CausePage.objects.filter(title="Poor posture").exists()
    again = {"text": COCCYDYNIA, "format": "auto", "parent": hub.pk, "identity": address}
    client.post(import_url, {**again, "update": "on"})
    record = ImportRecord.objects.get()
    assert record.status == ImportRecord.Status.PENDING
    index, _page = page_index(record, lambda page: page["title"] == "Poor posture")
    client.post(review_url, review_data(record, **{f"p{index}-kind": "condition"}))
    record.refresh_from_db()
    return record, review_url


def test_the_review_screen_says_which_page_will_change_kind(admin_client, hub, import_url):
    record, review_url = reviewed_again_with_a_kind_changed(admin_client, import_url, hub)
    old = CausePage.objects.get(title="Poor posture")

    html = admin_client.get(review_url).content.decode()

    assert "Pages that will change kind" in html
    assert (
        escape(
            "Will change \u201cPoor posture\u201d from cause page to condition page: the new page"
            " takes its address and its links, and the cause page is removed."
        )
        in html
    )
    assert CausePage.objects.filter(pk=old.pk).exists()  # showing it changes nothing

    admin_client.post(review_url, review_data(record, create="1"))
    assert not CausePage.objects.filter(pk=old.pk).exists()
    assert ConditionPage.objects.get(title="Poor posture").url_path == old.url_path


def test_the_review_screen_says_why_a_page_an_editor_changed_keeps_its_kind(
    admin_client, admin_user, hub, import_url
):
    _record, review_url = reviewed_again_with_a_kind_changed(admin_client, import_url, hub)
    old = CausePage.objects.get(title="Poor posture")
    old.summary = "Edited by hand."
    old.save_revision(user=admin_user)

    html = admin_client.get(review_url).content.decode()

    assert (
        escape(
            "\u201cPoor posture\u201d will be a new condition page; the cause page stays: "
            "An editor changed it since the import."
        )
        in html
    )
    assert "Will change" not in html


def test_a_published_page_changes_kind_only_when_the_review_publishes(
    client, admin_client, hub, import_url
):
    _record, review_url = reviewed_again_with_a_kind_changed(
        admin_client, import_url, hub, publish=True
    )

    html = admin_client.get(review_url).content.decode()
    assert (
        escape(
            "Will change \u201cPoor posture\u201d from cause page to condition page only if you "
            "create and publish the pages"
        )
        in html
    )

    client.force_login(editor(hub, delete=True))
    html = client.get(review_url).content.decode()
    assert escape("the cause page stays: It is published and its replacement is a draft") in html


def test_a_first_review_shows_no_kind_changes(admin_client, hub, import_url):
    record = read_article(admin_client, import_url, hub, text=COCCYDYNIA)
    html = admin_client.get(reverse("back_health_import:review", args=[record.pk])).content
    assert "Pages that will change kind" not in html.decode()
