"""Import review: plans as documents, corrections that stick, identity, permissions, undo."""

import copy
import json
from dataclasses import asdict
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import GroupPagePermission, Page, PageLogEntry

from back_health.imports.changes import content_fingerprints
from back_health.imports.plan_document import (
    PlanError,
    annotate_plan,
    apply_corrections,
    diff_plans,
    plan_from_dict,
    plan_to_dict,
)
from back_health.imports.review import (
    ImportIdentityError,
    ImportPermissionError,
    ImportUnchanged,
    apply_import,
    hubs_for_user,
    prepare_import,
    source_identity,
    undo_import,
    undo_preview,
)
from back_health.imports.service import ImportSetupError, Source, analyse, import_sources
from back_health.models import (
    BackHealthIndexPage,
    CausePage,
    ConditionCause,
    ConditionPage,
    ImportRecord,
    TreatmentPage,
)

pytestmark = pytest.mark.django_db

ARTICLE = """# Coccydynia

Coccydynia is pain in the tailbone, at the bottom of the spine. It is more common in women.

## Causes

Common causes include:

- a fall onto the bottom
- sitting on hard seats for long periods

## Poor posture

Poor posture puts weight on the tailbone when you sit slumped. Sitting upright helps.

## Treatment

Treatments that can help include:

- ibuprofen (Nurofen): it eases the pain and swelling for a few days
- physiotherapy

## Physiotherapy

A physiotherapist can show you stretches and ways of sitting that ease the pain.

## When to get help

See a GP if the pain has not improved after a few weeks.

Call 999 if you cannot feel your legs after a fall.
"""

OTHER_ARTICLE = """# Whiplash

Whiplash is a neck injury caused by a sudden jolt of the head, often in a car accident.

## Treatment

Keep your neck moving. Painkillers such as paracetamol can help in the first days.
"""


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_back_health", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def page_by_key(document, key):
    return next(page for page in document["pages"] if page["key"] == key)


def page_titled(document, title):
    return next(page for page in document["pages"] if page["title"] == title)


def warning_of(document, key, severity):
    page = page_by_key(document, key)
    return next(b for b in page["blocks"] if b["type"] == "warning" and b["severity"] == severity)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "coccydynia.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def editor(django_user_model, hub):
    """An editor who may add pages under the hub, but not publish or delete them."""
    user = django_user_model.objects.create_user("editor", password="x")
    group = Group.objects.create(name="Hub editors")
    GroupPagePermission.objects.create(
        group=group, page=hub, permission=Permission.objects.get(codename="add_page")
    )
    user.groups.add(group)
    return user


@pytest.fixture
def other_hub(home_page):
    return home_page.add_child(instance=BackHealthIndexPage(title="Other hub", slug="other-hub"))


# -- the plan document ---------------------------------------------------------------------


def test_a_plan_survives_json_unchanged():
    plan = annotate_plan(analyse(ARTICLE.encode(), "coccydynia.md"))
    document = json.loads(json.dumps(plan_to_dict(plan)))

    loaded = plan_from_dict(document, source=plan.source)

    assert [asdict(page) for page in loaded.pages] == [asdict(page) for page in plan.pages]
    assert loaded.source.sha256 == plan.source.sha256


def test_every_page_has_a_stable_key_a_reason_and_bare_mentions_are_suggestions():
    first = plan_to_dict(annotate_plan(analyse(ARTICLE.encode(), "a.md")))
    again = plan_to_dict(annotate_plan(analyse(ARTICLE.encode(), "a.md")))

    keys = [page["key"] for page in first["pages"]]
    assert keys == [page["key"] for page in again["pages"]]
    assert len(set(keys)) == len(keys)
    assert "cause:poor posture" in keys
    assert all(page["reason"] for page in first["pages"])
    bare = page_titled(first, "Fall onto the bottom")
    assert (bare["include"], bare["action"]) == (False, "suggest")
    assert page_by_key(first, "condition:coccydynia")["include"] is True


@pytest.mark.parametrize(
    "breakage, message",
    [
        (lambda d: d.update(version=7), "version 7 is not supported"),
        (lambda d: d.pop("pages"), "pages must be a list"),
        (lambda d: d["pages"].append(dict(d["pages"][0])), "two pages have the key"),
        (lambda d: d["pages"][0].update(kind="symptom"), "kind must be one of"),
        (lambda d: d["pages"][0].update(title="  "), "has no title"),
        (lambda d: d["pages"][0].update(include="yes"), "include must be true or false"),
        (lambda d: d["pages"][0].update(page_id="12"), "page_id must be a page id"),
        (
            lambda d: d["pages"][0]["blocks"].append({"type": "warning", "severity": "dire"}),
            "severity must be one of",
        ),
        (lambda d: d["pages"][0]["blocks"].append({"type": "video"}), "unknown type"),
        (
            lambda d: d["pages"][0]["blocks"].append({"type": "image", "value": {"image": 1}}),
            "unknown type",
        ),
        (
            lambda d: d["pages"][0]["relations"]["causes"].append({"key": "cause:nothing"}),
            "points at no page cause:nothing",
        ),
    ],
)
def test_a_malformed_plan_is_refused_with_one_line(breakage, message):
    document = plan_to_dict(annotate_plan(analyse(ARTICLE.encode(), "a.md")))
    breakage(document)

    with pytest.raises(PlanError, match=message) as error:
        plan_from_dict(document)
    assert "\n" not in str(error.value)


def test_a_plan_of_another_source_is_refused():
    document = plan_to_dict(annotate_plan(analyse(ARTICLE.encode(), "a.md")))
    other = analyse(OTHER_ARTICLE.encode(), "a.md").source

    with pytest.raises(PlanError, match="another version of the source"):
        plan_from_dict(document, source=other)


def test_corrections_name_the_part_they_correct_and_apply_to_a_fresh_plan():
    original = plan_to_dict(annotate_plan(analyse(ARTICLE.encode(), "a.md")))
    edited = copy.deepcopy(original)
    page_by_key(edited, "cause:poor posture")["title"] = "Slumped sitting"
    warning_of(edited, "condition:coccydynia", "see_doctor")["severity"] = "urgent"

    corrections = diff_plans(original, edited)

    assert {"page": "cause:poor posture", "field": "title", "value": "Slumped sitting"} in (
        corrections
    )
    block = warning_of(original, "condition:coccydynia", "see_doctor")["key"]
    assert {
        "page": "condition:coccydynia",
        "block": block,
        "field": "severity",
        "value": "urgent",
    } in corrections
    fresh = plan_to_dict(annotate_plan(analyse(ARTICLE.encode(), "a.md")))
    assert len(apply_corrections(fresh, corrections)) == len(corrections)
    assert fresh == edited


def test_a_warning_kept_as_text_becomes_a_paragraph_with_its_words():
    document = plan_to_dict(annotate_plan(analyse(ARTICLE.encode(), "a.md")))
    warning = warning_of(document, "condition:coccydynia", "emergency")
    warning["type"] = "paragraph"

    plan = plan_from_dict(document)

    main = plan.pages[0]
    assert not any(b.type == "warning" and b.value["severity"] == "emergency" for b in main.blocks)
    assert any(b.type == "paragraph" and "cannot feel your legs" in b.value for b in main.blocks)


# -- from the command line -----------------------------------------------------------------


def test_save_edit_apply_writes_exactly_the_edited_plan(article, tmp_path, hub):
    plan_path = tmp_path / "plan.json"
    out, _ = run(str(article), "--save-plan", str(plan_path))
    assert "nothing written" in out
    assert not ConditionPage.objects.exists() and not ImportRecord.objects.exists()

    document = json.loads(plan_path.read_text())
    page_by_key(document, "treatment:ibuprofen")["include"] = False  # drop a page
    page_by_key(document, "cause:poor posture")["kind"] = "condition"  # change a kind
    page_by_key(document, "treatment:physiotherapy")["title"] = "Physical therapy"  # rename
    warning_of(document, "condition:coccydynia", "see_doctor")["severity"] = "urgent"
    plan_path.write_text(json.dumps(document))

    out, _ = run(str(article), "--apply-plan", str(plan_path))

    assert not TreatmentPage.objects.filter(title="Ibuprofen").exists()
    assert not CausePage.objects.filter(title="Poor posture").exists()
    assert ConditionPage.objects.filter(title="Poor posture").exists()
    assert TreatmentPage.objects.filter(title="Physical therapy").exists()
    assert not TreatmentPage.objects.filter(title="Physiotherapy").exists()
    main = ConditionPage.objects.get(title="Coccydynia").get_latest_revision_as_object()
    severities = [b.value["severity"] for b in main.body if b.block_type == "warning"]
    assert severities == ["urgent", "emergency"]
    # The renamed treatment is still the one the condition links to.
    assert [link.target.title for link in main.treatment_links.all()] == ["Physical therapy"]
    # Suggested pages stay unwritten.
    assert not CausePage.objects.filter(title="Fall onto the bottom").exists()
    titles = {p.title for p in Page.objects.type(ConditionPage, CausePage, TreatmentPage)}
    assert titles == {"Coccydynia", "Poor posture", "Physical therapy"}
    record = ImportRecord.objects.get()
    assert record.status == "imported" and record.created_count == 3
    assert "correction:" in out


def test_reimporting_a_changed_source_applies_the_same_corrections(article, tmp_path, hub):
    plan_path = tmp_path / "plan.json"
    run(str(article), "--save-plan", str(plan_path))
    document = json.loads(plan_path.read_text())
    page_by_key(document, "treatment:ibuprofen")["include"] = False
    page_by_key(document, "treatment:physiotherapy")["title"] = "Physical therapy"
    warning_of(document, "condition:coccydynia", "see_doctor")["severity"] = "urgent"
    plan_path.write_text(json.dumps(document))
    run(str(article), "--apply-plan", str(plan_path))
    ConditionPage.objects.get(title="Coccydynia")

    article.write_text(ARTICLE + "\nMost people get better within a few months.\n")
    with pytest.raises(CommandError, match="say it is an update"):
        run(str(article))
    out, _ = run(str(article), "--update", "--report", "-")

    entry = json.loads(out)["articles"][0]
    assert entry["status"] == "imported"
    assert {c["field"] for c in entry["corrections"]} == {"include", "title", "severity"}
    assert not TreatmentPage.objects.filter(title="Ibuprofen").exists()
    assert not TreatmentPage.objects.filter(title="Physiotherapy").exists()
    main = ConditionPage.objects.get(title="Coccydynia").get_latest_revision_as_object()
    assert "within a few months" in str(main.body)
    assert [b.value["severity"] for b in main.body if b.block_type == "warning"] == [
        "urgent",
        "emergency",
    ]


def test_a_bad_plan_file_is_one_line_and_a_failure(article, tmp_path, hub):
    plan_path = tmp_path / "plan.json"
    plan_path.write_text("{not json")
    with pytest.raises(CommandError, match="is not a JSON plan"):
        run("--apply-plan", str(plan_path))

    run(str(article), "--save-plan", str(plan_path))
    article.write_text(ARTICLE + "\nA new closing line.\n")
    with pytest.raises(CommandError, match="another version of the source"):
        run(str(article), "--apply-plan", str(plan_path))
    assert not ConditionPage.objects.exists() and not ImportRecord.objects.exists()


def test_dry_run_progress_never_says_imported(tmp_path):
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text(ARTICLE)
    second.write_text(OTHER_ARTICLE)

    out, _ = run(str(first), str(second), "--dry-run")

    progress = [line for line in out.splitlines() if line.startswith("[")]
    assert progress and all("would import" in line for line in progress)
    assert not any(line.endswith(": imported") for line in out.splitlines())


# -- identity ------------------------------------------------------------------------------


def test_two_articles_with_the_same_file_name_are_two_imports(tmp_path, hub):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first, second = tmp_path / "one" / "article.md", tmp_path / "two" / "article.md"
    first.write_text(ARTICLE)
    second.write_text(OTHER_ARTICLE.replace("paracetamol", "ibuprofen"))
    run(str(first))
    before = {
        page.pk: page.latest_revision_id
        for page in Page.objects.type(ConditionPage, CausePage, TreatmentPage)
    }

    run(str(second))

    assert ImportRecord.objects.count() == 2
    after = Page.objects.filter(pk__in=before).values_list("pk", "latest_revision_id")
    assert dict(after) == before  # the first article's pages are untouched


def test_two_unnamed_pastes_are_two_imports(hub):
    first = prepare_import(ARTICLE.encode(), "", parent=hub)
    second = prepare_import(OTHER_ARTICLE.encode(), "", parent=hub)

    assert first.pk != second.pk and first.identity != second.identity
    apply_import(first)
    apply_import(second)
    assert ImportRecord.objects.filter(status="imported").count() == 2
    assert ConditionPage.objects.filter(title__in=["Coccydynia", "Whiplash"]).count() == 2


def test_a_changed_source_under_the_same_identity_is_an_update_only_when_asked(hub):
    record = prepare_import(ARTICLE.encode(), "a.md", identity="https://example.org/c", parent=hub)
    apply_import(record)

    with pytest.raises(ImportIdentityError, match="https://example.org/c"):
        prepare_import(OTHER_ARTICLE.encode(), "b.md", identity="https://example.org/c", parent=hub)
    with pytest.raises(ImportUnchanged):
        prepare_import(ARTICLE.encode(), "a.md", identity="https://example.org/c", parent=hub)

    again = prepare_import(
        OTHER_ARTICLE.encode(), "b.md", identity="https://example.org/c", parent=hub, update=True
    )
    assert again.pk == record.pk and again.status == "pending"


def test_the_same_identity_under_another_hub_is_another_import(hub, other_hub):
    first = prepare_import(ARTICLE.encode(), "a.md", identity="same", parent=hub)
    second = prepare_import(OTHER_ARTICLE.encode(), "b.md", identity="same", parent=other_hub)
    assert first.pk != second.pk


def test_only_http_addresses_are_taken_as_identity():
    assert source_identity("a.html", "0" * 64, url="https://example.org/a") == (
        "https://example.org/a"
    )
    assert source_identity("a.html", "0" * 64, url="javascript:alert(1)") == "a.html#" + "0" * 16
    assert source_identity("a.html", "0" * 64, url="file:///etc/passwd") == "a.html#" + "0" * 16
    assert source_identity("a.html", "0" * 64, identity=" mine ", url="https://x.org/") == "mine"


def test_line_endings_do_not_change_the_hash():
    unix = analyse(ARTICLE.encode(), "a.md").source.sha256
    windows = analyse(ARTICLE.replace("\n", "\r\n").encode(), "a.md").source.sha256
    old_mac = analyse(ARTICLE.replace("\n", "\r").encode(), "a.md").source.sha256
    utf16 = analyse(ARTICLE.replace("\n", "\r\n").encode("utf-16"), "a.md").source.sha256

    assert unix == windows == old_mac
    assert utf16 == analyse(ARTICLE.encode("utf-16"), "a.md").source.sha256
    assert unix != analyse((ARTICLE + "x").encode(), "a.md").source.sha256


# -- pending imports -----------------------------------------------------------------------


def test_a_pending_import_stores_the_plan_and_writes_the_edited_one(hub, admin_user):
    record = prepare_import(ARTICLE.encode(), "c.md", parent=hub, user=admin_user)

    assert record.status == "pending" and not ConditionPage.objects.exists()
    assert record.plan["pages"] and record.suggested_count == 3
    document = copy.deepcopy(record.plan)
    page_titled(document, "Fall onto the bottom")["include"] = True  # tick a suggestion
    posture = page_by_key(document, "cause:poor posture")
    existing = hub.add_child(instance=CausePage(title="Slouching", slug="slouching"))
    posture["page_id"] = existing.pk  # map a name to an existing page
    relations = page_by_key(document, "condition:coccydynia")["relations"]
    relations["treatments"] = [
        r for r in relations["treatments"] if r["key"] != "treatment:ibuprofen"
    ]

    result = apply_import(record, document, user=admin_user)

    record.refresh_from_db()
    assert record.status == "imported" and record.user == admin_user
    assert result.created == record.created_count == 4  # main, fall, ibuprofen, physiotherapy
    assert CausePage.objects.filter(title="Fall onto the bottom").exists()
    assert not CausePage.objects.filter(title="Poor posture").exists()
    main = ConditionPage.objects.get(title="Coccydynia").get_latest_revision_as_object()
    assert existing.pk in [link.target_id for link in main.cause_links.all()]
    assert "Ibuprofen" not in [link.target.title for link in main.treatment_links.all()]
    assert {page.pk for page in result.pages} >= {main.pk}
    assert {c.get("relation") for c in record.corrections} >= {"treatments"}


def test_applying_an_unknown_page_id_is_refused_before_writing(hub):
    record = prepare_import(ARTICLE.encode(), "c.md", parent=hub)
    document = copy.deepcopy(record.plan)
    page_by_key(document, "cause:poor posture")["page_id"] = hub.pk  # a hub, not a cause

    with pytest.raises(PlanError, match="not a condition, cause or treatment page"):
        apply_import(record, document)
    assert not ConditionPage.objects.exists()


# -- permissions ---------------------------------------------------------------------------


def test_hubs_offered_are_those_the_user_may_add_to(editor, hub, other_hub):
    assert list(hubs_for_user(editor)) == [hub]


def test_no_import_under_a_hub_the_user_cannot_add_to_by_any_path(editor, other_hub, tmp_path):
    from back_health.tasks import import_back_health_task, source_payload

    with pytest.raises(ImportPermissionError, match="may not add pages under Other hub"):
        prepare_import(ARTICLE.encode(), "a.md", parent=other_hub, user=editor)
    with pytest.raises(ImportPermissionError):
        import_sources([Source("a.md", ARTICLE.encode())], parent=other_hub, user=editor)
    result = import_back_health_task.enqueue(
        [source_payload("a.md", ARTICLE.encode())], parent=str(other_hub.pk), user_id=editor.pk
    )
    assert result.status == "FAILED"
    assert result.errors[0].exception_class_path.endswith("ImportPermissionError")
    assert "may not add pages under Other hub" in result.errors[0].traceback
    path = tmp_path / "a.md"
    path.write_text(ARTICLE)
    with pytest.raises(CommandError, match="may not add pages"):
        run(str(path), "--parent", str(other_hub.pk), "--user", "editor")
    assert not ConditionPage.objects.exists() and not ImportRecord.objects.exists()


def test_publishing_without_the_right_is_refused_up_front(editor, hub):
    with pytest.raises(ImportPermissionError, match="may not publish"):
        import_sources([Source("a.md", ARTICLE.encode())], parent=hub, user=editor, publish=True)
    record = prepare_import(ARTICLE.encode(), "a.md", parent=hub, user=editor)
    with pytest.raises(ImportPermissionError, match="may not publish"):
        apply_import(record, user=editor, publish=True)
    assert not ConditionPage.objects.exists()
    record.refresh_from_db()
    assert record.status == "pending"
    # Drafts are fine.
    apply_import(record, user=editor)
    assert ConditionPage.objects.filter(title="Coccydynia", live=False).exists()


# -- change detection ----------------------------------------------------------------------


def test_a_page_changed_without_a_revision_is_seen_as_changed(article, hub):
    run(str(article))
    page = TreatmentPage.objects.get(title="Physiotherapy")
    page.summary = "Our own words."
    page.save()  # no revision

    article.write_text(ARTICLE.replace("stretches", "stretches and exercises"))
    out, _ = run(str(article), "--update", "--report", "-")

    entry = json.loads(out)["articles"][0]
    physio = next(p for p in entry["pages"] if p["title"] == "Physiotherapy")
    assert physio["action"] == "conflict"
    page.refresh_from_db()
    assert page.summary == "Our own words."


# -- undo ----------------------------------------------------------------------------------


def test_undo_removes_untouched_pages_and_keeps_changed_and_published_ones(hub, admin_user):
    record = prepare_import(ARTICLE.encode(), "c.md", parent=hub, user=admin_user)
    apply_import(record, user=admin_user)
    changed = TreatmentPage.objects.get(title="Physiotherapy")
    changed.summary = "Edited by hand."
    changed.save_revision(user=admin_user)
    published = CausePage.objects.get(title="Poor posture")
    published.save_revision(user=admin_user).publish()
    record.refresh_from_db()

    result = undo_import(record, user=admin_user)

    assert {page["title"] for page in result.kept} == {"Physiotherapy", "Poor posture"}
    assert all(page["reason"] for page in result.kept)
    assert {page["title"] for page in result.removed} == {"Coccydynia", "Ibuprofen"}
    assert not ConditionPage.objects.filter(title="Coccydynia").exists()
    assert TreatmentPage.objects.filter(title="Physiotherapy").exists()
    record.refresh_from_db()
    assert record.status == "undone"
    assert PageLogEntry.objects.filter(action="wagtail.delete", label="Coccydynia").exists()


def test_undo_needs_delete_rights_and_removes_nothing_without_them(editor, hub, admin_user):
    record = prepare_import(ARTICLE.encode(), "c.md", parent=hub, user=admin_user)
    apply_import(record, user=admin_user)  # pages owned by the admin: the editor may not delete

    with pytest.raises(ImportPermissionError, match="may not delete"):
        undo_import(record, user=editor)
    assert ConditionPage.objects.filter(title="Coccydynia").exists()
    record.refresh_from_db()
    assert record.status == "imported"


def test_undo_keeps_a_page_changed_without_a_revision(hub):
    record = prepare_import(ARTICLE.encode(), "c.md", parent=hub)
    apply_import(record)
    page = ConditionPage.objects.get(title="Coccydynia")
    page.summary = "Changed quietly."
    page.save()

    result = undo_import(record)

    assert [p["title"] for p in result.kept] == ["Coccydynia"]
    assert ConditionPage.objects.filter(pk=page.pk).exists()


# -- migration of existing records ---------------------------------------------------------


def test_existing_records_migrate_under_their_hub_with_counts(hub):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("back_health.migrations.0005_import_review")

    condition = hub.add_child(instance=ConditionPage(title="Sciatica", slug="sciatica"))
    record = ImportRecord.objects.create(
        identity="sciatica.txt",
        source_name="sciatica.txt",
        sha256="0" * 64,
        format="text",
        report={
            "status": "imported",
            "pages": [{"action": "create", "kind": "condition", "id": condition.pk}],
            "flags": [{"kind": "truncated"}],
        },
    )
    record.pages.add(condition)

    migration.fill_review_fields(apps, None)

    record.refresh_from_db()
    assert record.parent_id == hub.pk
    assert (record.status, record.created_count, record.flags_count) == ("imported", 1, 1)
    assert list(record.created_pages.all()) == [condition.page_ptr]


def test_a_part_marked_as_just_text_stays_words_on_the_page_that_mentions_it(hub):
    record = prepare_import(ARTICLE.encode(), "c.md", parent=hub)
    document = copy.deepcopy(record.plan)
    page_by_key(document, "cause:poor posture")["kind"] = "text"

    apply_import(record, document)

    assert not Page.objects.filter(title="Poor posture").exists()
    main = ConditionPage.objects.get(title="Coccydynia").get_latest_revision_as_object()
    body = str(main.body)
    assert "Causes: poor posture." in body
    assert "puts weight on the tailbone" in body  # its own words came along
    assert "Poor posture" not in [link.target.title for link in main.cause_links.all()]
    record.refresh_from_db()
    assert {"page": "cause:poor posture", "field": "kind", "value": "text"} in record.corrections


def test_undo_preview_says_what_undo_would_do_and_does_nothing(hub):
    record = prepare_import(ARTICLE.encode(), "c.md", parent=hub)
    apply_import(record)
    count = Page.objects.count()

    preview = undo_preview(record)

    assert Page.objects.count() == count
    assert {page["title"] for page in preview.removed} == {
        "Coccydynia",
        "Poor posture",
        "Ibuprofen",
        "Physiotherapy",
    }
    assert undo_import(record).removed == preview.removed
    with pytest.raises(ImportSetupError, match="Only an imported article can be undone"):
        undo_import(record)


def test_a_pending_plan_says_what_writing_it_would_do(hub):
    own = hub.add_child(instance=TreatmentPage(title="Ibuprofen", slug="ibuprofen"))

    record = prepare_import(ARTICLE.encode(), "c.md", parent=hub)

    ibuprofen = page_by_key(record.plan, "treatment:ibuprofen")
    assert (ibuprofen["action"], ibuprofen["id"]) == ("link", own.pk)
    assert "exists already" in ibuprofen["reason"]
    assert page_by_key(record.plan, "condition:coccydynia")["action"] == "create"
    assert page_titled(record.plan, "Fall onto the bottom")["action"] == "suggest"
    assert record.created_count == 3  # coccydynia, poor posture, physiotherapy

    apply_import(record)
    again = prepare_import(ARTICLE.encode(), "c.md", parent=hub, update=True)
    assert page_by_key(again.plan, "condition:coccydynia")["action"] == "update"


def test_a_plan_applies_without_its_source_but_remembers_nothing(article, tmp_path, hub):
    plan_path = tmp_path / "plan.json"
    run(str(article), "--save-plan", str(plan_path))
    document = json.loads(plan_path.read_text())
    page_by_key(document, "treatment:ibuprofen")["include"] = False
    plan_path.write_text(json.dumps(document))

    out, _ = run("--apply-plan", str(plan_path))

    assert "not remembered" in out
    assert ConditionPage.objects.filter(title="Coccydynia").exists()
    assert not TreatmentPage.objects.filter(title="Ibuprofen").exists()
    record = ImportRecord.objects.get()
    assert record.identity == str(article.resolve()) and record.corrections == []

    document["pages"][0]["blocks"] = []
    document["source"]["sha256"] = "f" * 64
    plan_path.write_text(json.dumps(document))
    with pytest.raises(CommandError, match="say it is an update"):
        run("--apply-plan", str(plan_path))


def test_a_plan_that_cannot_be_written_leaves_nothing_and_marks_the_import_failed(hub):
    from back_health.imports.writer import ImportWriteError

    record = prepare_import(ARTICLE.encode(), "c.md", parent=hub)
    document = copy.deepcopy(record.plan)
    page_by_key(document, "cause:poor posture")["title"] = "Posture " * 40  # too long a title

    with pytest.raises(ImportWriteError):
        apply_import(record, document)

    assert not Page.objects.type(ConditionPage, CausePage, TreatmentPage).exists()
    record.refresh_from_db()
    assert record.status == "failed" and record.report["error"]
    assert prepare_import(ARTICLE.encode(), "c.md", parent=hub).status == "pending"


def test_a_page_that_cannot_hold_conditions_is_refused(home_page):
    with pytest.raises(ImportSetupError, match="cannot hold condition pages"):
        prepare_import(ARTICLE.encode(), "a.md", parent=home_page)
    assert not ImportRecord.objects.exists()


def test_a_block_word_left_out_of_the_plan_keeps_what_the_block_says():
    document = plan_to_dict(analyse(ARTICLE.encode(), "a.md"))
    warning = warning_of(document, "condition:coccydynia", "see_doctor")
    for name in ("heading", "text", "items"):
        del warning[name]
    warning["severity"] = "urgent"

    main = plan_from_dict(document).pages[0]

    kept = next(b for b in main.blocks if b.type == "warning" and "GP" in b.value["text"])
    assert kept.value["severity"] == "urgent"
    assert "has not improved" in kept.value["text"]


EXERCISES = """# Lower back pain

Lower back pain is very common and usually gets better within a few weeks.

## Exercises

These gentle exercises can help.

1. Knee to chest: lie on your back and pull one knee to your chest. Hold for 20 seconds.
2. Pelvic tilt: lie on your back with your knees bent and flatten your back. Repeat 10 times.
3. Cat and cow: on your hands and knees, arch your back up, then let it sag. Repeat 10 times.
"""


def test_an_exercise_list_keeps_the_exercises_its_items_name_in_their_order():
    plan = analyse(EXERCISES.encode(), "ex.md")
    document = plan_to_dict(plan)
    block = next(b for b in document["pages"][0]["blocks"] if b["type"] == "exercise_list")
    assert plan_from_dict(document).pages[0].blocks == plan.pages[0].blocks
    names = block["items"]
    assert len(names) == 3

    block["items"] = [names[2], names[0]]
    written = plan_from_dict(document).pages[0].blocks
    exercises = next(b for b in written if b.type == "exercise_list").value["exercises"]
    assert [e["name"] for e in exercises] == [names[2], names[0]]
    assert exercises[1]["steps"]  # an exercise keeps its steps and dose

    block["items"] = ["Handstand"]
    with pytest.raises(PlanError, match="names an exercise it does not have: Handstand"):
        plan_from_dict(document)


def test_a_content_fingerprint_follows_the_stored_body_and_nothing_else(hub):
    from back_health.imports.changes import content_fingerprints

    page = hub.add_child(
        instance=ConditionPage(
            title="Sciatica", slug="sciatica", body=[{"type": "paragraph", "value": "<p>A</p>"}]
        )
    )
    first = content_fingerprints([page.pk])[page.pk]
    page.save_revision()  # bookkeeping only: the stored content is the same
    assert content_fingerprints([page.pk])[page.pk] == first

    page = ConditionPage.objects.get(pk=page.pk)
    page.body = [{"type": "paragraph", "value": "<p>B</p>"}]
    page.save()
    assert content_fingerprints([page.pk])[page.pk] != first


def test_an_existing_page_only_linked_to_is_not_flagged_thin(hub):
    from back_health.importer.document import Flag
    from back_health.importer.plan import ArticlePlan, PagePlan, RelationPlan, SourceInfo
    from back_health.imports.writer import write_article

    hub.add_child(instance=TreatmentPage(title="Massage", slug="massage"))
    plan = ArticlePlan(
        source=SourceInfo(name="m.md", sha256="a" * 64, format="markdown", bytes=1),
        title="Neck pain",
        pages=[
            PagePlan(
                kind="condition",
                title="Neck pain",
                summary="Neck pain is common.",
                treatments=[RelationPlan("Massage", "treatment")],
            ),
            PagePlan(kind="treatment", title="Massage", summary="Kneading."),
        ],
        flags=[Flag(kind="thin_page", text="Massage")],
    )

    write_article(plan, parent=hub)

    assert plan.pages[1].action == "link"
    assert not [flag for flag in plan.flags if flag.kind == "thin_page"]


def test_a_plan_is_saved_on_an_empty_site_without_creating_anything(article, tmp_path):
    plan_path = tmp_path / "plan.json"

    run(str(article), "--save-plan", str(plan_path))

    assert json.loads(plan_path.read_text())["pages"]
    assert not BackHealthIndexPage.objects.exists() and not ImportRecord.objects.exists()


def _repeat_summary_in_physiotherapy(document):
    """An editor rewrites the physiotherapy page's paragraph so that it opens with the
    page's summary (which the importer had kept out of the body)."""
    physio = page_by_key(document, "treatment:physiotherapy")
    block = next(b for b in physio["blocks"] if b["type"] == "paragraph")
    block["text"] = physio["summary"] + " Most people need four to six sessions."
    return physio["summary"]


def _physiotherapy_body():
    page = TreatmentPage.objects.get(title="Physiotherapy").get_latest_revision_as_object()
    return page, " ".join(
        block.value.source for block in page.body if block.block_type == "paragraph"
    )


def test_a_plan_corrected_on_the_review_screen_never_repeats_the_summary(hub):
    record = prepare_import(ARTICLE.encode(), "c.md", parent=hub)
    document = copy.deepcopy(record.plan)
    summary = _repeat_summary_in_physiotherapy(document)

    apply_import(record, document)

    page, body = _physiotherapy_body()
    assert page.summary == summary
    assert "four to six sessions" in body
    assert "show you stretches" not in body


def test_an_applied_plan_file_never_repeats_the_summary(article, tmp_path, hub):
    plan_path = tmp_path / "plan.json"
    run(str(article), "--save-plan", str(plan_path))
    document = json.loads(plan_path.read_text())
    _repeat_summary_in_physiotherapy(document)
    plan_path.write_text(json.dumps(document))

    run("--apply-plan", str(plan_path))

    _, body = _physiotherapy_body()
    assert "four to six sessions" in body
    assert "show you stretches" not in body


# -- a page's kind changed on re-review --------------------------------------------------


def review_again_as(record, title, kind, *, user=None, publish=False):
    """Read the same article again and write it with ``title`` made a ``kind`` page."""
    record = prepare_import(ARTICLE.encode(), "c.md", parent=record.parent, update=True)
    document = copy.deepcopy(record.plan)
    page_titled(document, title)["kind"] = kind
    return apply_import(record, document, user=user, publish=publish)


def test_a_page_whose_kind_changes_is_converted_in_place_with_its_links(hub, admin_user):
    record = prepare_import(ARTICLE.encode(), "c.md", parent=hub, user=admin_user)
    apply_import(record, user=admin_user)
    old = CausePage.objects.get(title="Poor posture")
    CausePage.objects.filter(pk=old.pk).update(
        sources=[{"type": "source", "value": {"title": "Spine atlas", "url": "https://a.test/"}}]
    )
    imported = old.back_health_import
    imported.content_hash = content_fingerprints([old.pk])[old.pk]
    imported.save()
    elsewhere = hub.add_child(instance=ConditionPage(title="Slumped sitting", slug="slumped"))
    ConditionCause.objects.create(page=elsewhere, target=old)
    ConditionPage.objects.get(pk=elsewhere.pk).save_revision()

    result = review_again_as(record, "Poor posture", "condition", user=admin_user)

    assert not Page.objects.filter(pk=old.pk).exists()
    new = ConditionPage.objects.get(title="Poor posture")
    assert (new.slug, new.get_parent().pk) == (old.slug, hub.pk)
    assert new.sources.raw_data[0]["value"]["title"] == "Spine atlas"
    main = ConditionPage.objects.get(title="Coccydynia")
    assert new.pk in [link.target_id for link in main.cause_links.all()]
    assert [link.target_id for link in elsewhere.cause_links.all()] == [new.pk]
    draft = ConditionPage.objects.get(pk=elsewhere.pk).get_latest_revision_as_object()
    assert [link.target_id for link in draft.cause_links.all()] == [new.pk]
    record.refresh_from_db()
    assert new.pk in set(record.pages.values_list("pk", flat=True))
    assert old.pk not in set(record.pages.values_list("pk", flat=True))
    [change] = result.report["kind_changes"]
    assert (change["from"], change["to"], change["kept"]) == ("cause", "condition", False)
    assert record.report["kind_changes"] == [change]


def test_a_page_an_editor_changed_is_kept_when_its_kind_changes_and_the_result_says_why(
    hub, admin_user
):
    record = prepare_import(ARTICLE.encode(), "c.md", parent=hub, user=admin_user)
    apply_import(record, user=admin_user)
    old = CausePage.objects.get(title="Poor posture")
    old.summary = "Edited by hand."
    old.save_revision(user=admin_user)

    result = review_again_as(record, "Poor posture", "condition", user=admin_user)

    assert CausePage.objects.filter(pk=old.pk).exists()
    new = ConditionPage.objects.get(title="Poor posture")
    assert new.slug != old.slug
    [change] = result.report["kind_changes"]
    assert change["kept"] and "editor changed" in change["reason"]


def test_a_published_page_is_replaced_only_by_a_published_one(hub, admin_user):
    record = prepare_import(ARTICLE.encode(), "c.md", parent=hub, user=admin_user)
    apply_import(record, user=admin_user, publish=True)
    old = CausePage.objects.get(title="Poor posture")
    url = old.url

    drafted = review_again_as(record, "Poor posture", "condition", user=admin_user)
    assert CausePage.objects.filter(pk=old.pk, live=True).exists()
    assert drafted.report["kind_changes"][0]["kept"]
    undo = ConditionPage.objects.get(title="Poor posture")
    undo.delete()
    record.refresh_from_db()

    published = review_again_as(record, "Poor posture", "condition", user=admin_user, publish=True)

    assert not CausePage.objects.filter(pk=old.pk).exists()
    assert ConditionPage.objects.get(title="Poor posture", live=True).url == url
    assert not published.report["kind_changes"][0]["kept"]
