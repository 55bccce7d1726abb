"""``manage.py import_back_health``: the command editors and scripts run."""

import io
import json
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from back_health.models import (
    BackHealthIndexPage,
    CausePage,
    ConditionPage,
    ImportRecord,
    TreatmentPage,
)

pytestmark = pytest.mark.django_db

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"

MARKDOWN = """# Piriformis syndrome

Piriformis syndrome is buttock pain caused by a tight piriformis muscle pressing on the
sciatic nerve.

## Causes

Common causes include:

- sitting for long periods
- running on hard surfaces

## Treatment

Treatments that help include:

- physiotherapy
- massage

## When to see a GP

See a GP if the pain lasts longer than 2 weeks or keeps coming back.
"""


def run(*args, stdin=None):
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        call_command("import_back_health", *args, stdout=out, stderr=err)
    finally:
        sys.stdin = old_stdin
    return out.getvalue(), err.getvalue()


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "piriformis.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    return path


def nothing_written():
    return (
        not ImportRecord.objects.exists()
        and not ConditionPage.objects.exists()
        and not CausePage.objects.exists()
        and not TreatmentPage.objects.exists()
        and not Revision.objects.exists()
    )


def test_import_creates_the_hub_and_draft_pages(article):
    out, _ = run(str(article))

    hub = BackHealthIndexPage.objects.get()
    condition = ConditionPage.objects.get(title="Piriformis syndrome")
    assert condition.get_parent().specific == hub
    assert condition.live is False and condition.latest_revision_id
    assert "Piriformis syndrome" in out and "create" in out
    assert ImportRecord.objects.get().source_name == "piriformis.md"


def test_report_to_a_file_follows_the_schema(article, tmp_path):
    report_path = tmp_path / "report.json"
    run(str(article), "--report", str(report_path))

    report = json.loads(report_path.read_text())
    assert report["version"] == 1 and report["dry_run"] is False
    entry = report["articles"][0]
    assert set(entry) >= {
        "source",
        "title",
        "status",
        "error",
        "pages",
        "dropped",
        "flags",
        "repairs",
        "decisions",
    }
    assert entry["source"]["format"] == "markdown"
    assert len(entry["source"]["sha256"]) == 64
    kinds = {page["kind"] for page in entry["pages"]}
    assert {"index", "condition"} <= kinds
    for page in entry["pages"]:
        assert page["action"] in {
            "create",
            "update",
            "unchanged",
            "conflict",
            "skip",
            "link",
            "suggest",
        }
        assert set(page) >= {
            "kind",
            "title",
            "slug",
            "id",
            "url_path",
            "live",
            "summary",
            "alternate_names",
            "medicines",
            "relations",
            "blocks",
        }


def test_report_to_stdout_is_json_and_the_summary_goes_to_stderr(article):
    out, err = run(str(article), "--report", "-")

    assert json.loads(out)["articles"][0]["status"] == "imported"
    assert "Piriformis syndrome" in err


def test_dry_run_on_a_fresh_database_writes_nothing(article):
    out, _ = run(str(article), "--dry-run")

    assert "would import" in out
    assert not BackHealthIndexPage.objects.exists()
    assert nothing_written()


def test_publish_makes_the_pages_live(article):
    run(str(article), "--publish")
    assert ConditionPage.objects.get(title="Piriformis syndrome").live


def test_reimporting_an_unchanged_article_writes_nothing(article):
    run(str(article))
    revisions = Revision.objects.count()

    out, _ = run(str(article), "--report", "-")

    assert Revision.objects.count() == revisions
    entry = json.loads(out)["articles"][0]
    assert entry["status"] == "unchanged"
    written = [page for page in entry["pages"] if page["action"] != "suggest"]
    assert {page["action"] for page in written} == {"unchanged"}
    assert all(page["id"] and page["url_path"] for page in written)


def test_standard_input_is_a_source():
    out, _ = run("-", "--format", "markdown", stdin=MARKDOWN.encode())
    assert ConditionPage.objects.filter(title="Piriformis syndrome").exists()


def test_user_is_recorded_on_revisions_and_the_record(article, django_user_model):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    editor = django_user_model.objects.create_user("editor", password="x")
    group = Group.objects.create(name="Site editors")
    GroupPagePermission.objects.create(
        group=group,
        page=Page.objects.get(depth=1),
        permission=Permission.objects.get(codename="add_page"),
    )
    editor.groups.add(group)
    run(str(article), "--user", "editor")

    assert ImportRecord.objects.get().user == editor
    condition = ConditionPage.objects.get(title="Piriformis syndrome")
    assert condition.latest_revision.user == editor


def test_unknown_user_is_a_clear_error(article):
    with pytest.raises(CommandError, match="No user called nobody"):
        run(str(article), "--user", "nobody")
    assert nothing_written()


def test_parent_by_id_and_by_url_path(article):
    root = Page.objects.get(depth=2)
    hub = root.add_child(instance=BackHealthIndexPage(title="Spine", slug="spine"))

    run(str(article), "--parent", str(hub.pk))
    assert ConditionPage.objects.get().get_parent().pk == hub.pk

    ConditionPage.objects.all().delete()
    ImportRecord.objects.all().delete()
    run(str(article), "--parent", "/spine/")
    assert ConditionPage.objects.get().get_parent().pk == hub.pk


def test_a_parent_that_cannot_hold_conditions_is_refused(article):
    root = Page.objects.get(depth=2)
    with pytest.raises(CommandError, match="cannot hold condition pages"):
        run(str(article), "--parent", str(root.pk))
    assert nothing_written()


def test_missing_parent_is_a_clear_error(article):
    with pytest.raises(CommandError, match="No page found"):
        run(str(article), "--parent", "99999")


def test_missing_file_is_a_clear_error():
    with pytest.raises(CommandError, match="no such file"):
        run("/nonexistent/article.txt")


def test_report_into_a_missing_directory_fails_before_importing(article):
    with pytest.raises(CommandError, match="no such directory"):
        run(str(article), "--report", "/nonexistent/dir/report.json")
    assert nothing_written()


BAD_INPUTS = {
    "empty.txt": b"",
    "blank.txt": b"  \n\t\n   \n",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    "chrome.html": (
        b"<html><head><script>var a=1;</script><style>p{}</style></head><body>"
        b"<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
        b"<div class='cookie-banner'>We use cookies. Accept all cookies</div>"
        b"<script>track()</script><footer>Copyright 2026</footer></body></html>"
    ),
    "scripts.html": b"<script>alert(1)</script><script>alert(2)</script>",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_one_clear_line_a_failure_and_writes_nothing(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])

    with pytest.raises(CommandError) as error:
        run(str(path))

    message = str(error.value)
    assert message.startswith(name + ": ")
    assert "\n" not in message and "Traceback" not in message
    assert nothing_written()


def test_oversized_input_is_refused(tmp_path, settings):
    settings.BACK_HEALTH = {"IMPORT_MAX_BYTES": 1000}
    path = tmp_path / "big.txt"
    path.write_text("Back pain\n\n" + "Rest helps back pain. " * 200)

    with pytest.raises(CommandError, match="big.txt: .*(limit|large)"):
        run(str(path))
    assert nothing_written()


def test_undecodable_input_is_refused(tmp_path):
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 200)

    with pytest.raises(CommandError, match="garbled.txt: "):
        run(str(path))
    assert nothing_written()


def test_deeply_nested_html_does_not_crash(tmp_path):
    path = tmp_path / "nested.html"
    body = "<div>" * 5000 + "<h1>Neck pain</h1><p>Neck pain is common and usually eases.</p>"
    path.write_text(f"<html><body>{body}{'</div>' * 5000}</body></html>")

    run(str(path), "--dry-run")  # no exception: a plain import (possibly flagged)


def test_malformed_html_is_imported(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><body><h1>Neck pain<p>Neck pain is common.<ul><li>Poor posture<li>Stress"
        "</ul><h2>Treatment<p>Physiotherapy helps most people."
    )
    run(str(path))
    assert ConditionPage.objects.filter(title__icontains="neck pain").exists()


def test_one_bad_article_does_not_stop_the_others(tmp_path, article):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")

    with pytest.raises(CommandError, match="empty.txt"):
        run(str(bad), str(article))

    assert ConditionPage.objects.filter(title="Piriformis syndrome").exists()
    assert ImportRecord.objects.count() == 1


def test_many_sources_show_progress(tmp_path, article):
    second = tmp_path / "second.md"
    second.write_text(MARKDOWN.replace("Piriformis syndrome", "Coccydynia"))

    out, _ = run(str(article), str(second))

    assert "[1/2]" in out and "[2/2]" in out
    assert ConditionPage.objects.count() == 2


@pytest.mark.parametrize("fixture", sorted(ARTICLES.glob("*.expected.json")), ids=lambda p: p.name)
def test_fixture_articles_import_on_this_database(fixture):
    stem = fixture.name.replace(".expected.json", "")
    (source,) = [p for p in fixture.parent.glob(stem + ".*") if not p.name.endswith(".json")]
    expected = json.loads(fixture.read_text())

    out, _ = run(str(source), "--report", "-")

    entry = json.loads(out)["articles"][0]
    assert entry["status"] == "imported", entry["error"]
    titles = {page["title"].casefold() for page in entry["pages"]}
    for condition in expected["conditions"]:
        assert condition.casefold() in titles


def test_the_source_article_imports_end_to_end(tmp_path, source_article_bytes):
    path = tmp_path / "source_article.txt"
    path.write_bytes(source_article_bytes)

    out, _ = run(str(path), "--report", "-")

    entry = json.loads(out)["articles"][0]
    assert entry["status"] == "imported", entry["error"]
    titles = {page["title"].casefold(): page for page in entry["pages"]}
    for name in ("back muscle spasm", "myalgia", "myositis", "lumbago", "intervertebral hernia"):
        assert titles[name]["kind"] == "condition"
    medicines = {
        brand.casefold(): medicine["generic"]
        for page in entry["pages"]
        for medicine in page["medicines"]
        for brand in medicine["brands"]
    }
    assert medicines == {
        "midocalm": "tolperisone",
        "sirdalud": "tizanidine",
        "voltaren": "diclofenac",
        "movalis": "meloxicam",
    }
    report_text = json.dumps(entry, ensure_ascii=False)
    assert "# 8211" not in report_text.replace('"from": "# 8211"', "")
    languages = [flag["language"] for flag in entry["flags"] if flag["kind"] == "non_english"]
    assert languages == ["ru", "ru"]
    assert any(flag["kind"] == "truncated" for flag in entry["flags"])
    pages_text = " ".join(block["text"] for page in entry["pages"] for block in page["blocks"])
    assert not any("\u0400" <= char <= "\u04ff" for char in pages_text)
    assert "FREE" not in pages_text and "Useful Tips" not in pages_text
    for page in entry["pages"]:
        for block in page["blocks"]:
            assert block["text"].strip(), f"empty {block['type']} block on {page['title']}"
    # Every included page was written and validated; a medicine the article only names
    # in passing is a suggestion, reported with its brand but not written.
    assert ConditionPage.objects.filter(title="Back muscle spasm").exists()
    assert titles["tolperisone"]["action"] == "suggest"
    assert not TreatmentPage.objects.filter(title="Tolperisone").exists()
    written = [page for page in entry["pages"] if page["action"] == "create"]
    assert written and all(page["id"] for page in written)


def test_text_without_recognisable_structure_is_a_plain_import_with_a_flag(tmp_path):
    path = tmp_path / "notes-on-coccyx-pain.txt"
    path.write_text(
        "Coccyx pain often follows a fall or long periods of sitting on hard seats. "
        "It usually eases within a few weeks, and a cushion with a cut-out helps."
    )

    out, _ = run(str(path), "--report", "-")

    entry = json.loads(out)["articles"][0]
    assert entry["status"] == "imported"
    assert "no_structure" in {flag["kind"] for flag in entry["flags"]}
    condition = ConditionPage.objects.get()
    assert condition.title  # named from the text or the file, never empty
    # The text is kept: as the page's lead, and in the body unless it only repeats the lead.
    latest = condition.get_latest_revision_as_object()
    assert "cushion with a cut-out" in f"{latest.summary} {latest.body}"


def test_the_background_task_runs_the_same_import():
    from back_health.tasks import import_back_health_task, source_payload

    result = import_back_health_task.enqueue(
        [source_payload("piriformis.md", MARKDOWN.encode())], publish=True
    )

    assert result.return_value["articles"][0]["status"] == "imported"
    assert ConditionPage.objects.get(title="Piriformis syndrome").live


# -- a page whose kind changes ------------------------------------------------------------


COCCYDYNIA = (ARTICLES.parent / "admin" / "coccydynia-kind-change.md").read_text(encoding="utf-8")


@pytest.fixture
def coccydynia(tmp_path):
    path = tmp_path / "coccydynia.md"
    path.write_text(COCCYDYNIA, encoding="utf-8")
    return path


def correct_to_condition_and_edit(article, cause):
    """Keep an editor's correction with the import (``cause`` is a condition), and edit
    the article, so that the next run plans it again, with the correction."""
    record = ImportRecord.objects.get()
    key = next(page["key"] for page in record.plan["pages"] if page["title"] == cause.title)
    record.corrections = [{"page": key, "field": "kind", "value": "condition"}]
    record.save()
    article.write_text(COCCYDYNIA + "\nMost people recover within weeks.\n", encoding="utf-8")


def imported_as_cause_then_corrected_to_condition(article):
    run(str(article))
    cause = CausePage.objects.get(title="Poor posture")
    correct_to_condition_and_edit(article, cause)
    return cause


def test_a_dry_run_says_which_page_will_change_kind_and_changes_nothing(coccydynia):
    article = coccydynia
    cause = imported_as_cause_then_corrected_to_condition(article)
    revisions = Revision.objects.count()

    out, _ = run(str(article), "--dry-run", "--update")

    assert f"Will change \u201c{cause.title}\u201d from cause page to condition page" in out
    assert "would import" in out
    assert CausePage.objects.filter(pk=cause.pk).exists()
    assert not ConditionPage.objects.filter(title=cause.title).exists()
    assert Revision.objects.count() == revisions
    line = next(line for line in out.splitlines() if cause.title in line and "create" in line)
    assert line.endswith(cause.url_path)  # the new page would take the old one's address


def test_a_dry_run_report_lists_the_kind_change_and_a_run_then_makes_it(coccydynia):
    article = coccydynia
    cause = imported_as_cause_then_corrected_to_condition(article)

    report, _ = run(str(article), "--dry-run", "--update", "--report", "-")
    [change] = json.loads(report)["articles"][0]["kind_changes"]
    assert (change["title"], change["from"], change["to"]) == (cause.title, "cause", "condition")
    assert change["kept"] is False and change["old_id"] == cause.pk

    out, _ = run(str(article), "--update")

    assert f"Changed \u201c{cause.title}\u201d from cause page to condition page" in out
    assert not CausePage.objects.filter(pk=cause.pk).exists()
    assert ConditionPage.objects.get(title=cause.title).url_path == cause.url_path


def test_a_dry_run_says_why_a_page_an_editor_changed_keeps_its_kind(coccydynia):
    article = coccydynia
    cause = imported_as_cause_then_corrected_to_condition(article)
    cause.summary = "Edited by hand."
    cause.save_revision()

    out, _ = run(str(article), "--dry-run", "--update")

    assert (
        f"\u201c{cause.title}\u201d will be a new condition page; the cause page stays: "
        "An editor changed it since the import." in out
    )
    assert "Will change" not in out


def test_a_dry_run_with_publish_says_a_published_page_will_change_kind(coccydynia):
    article = coccydynia
    run(str(article), "--publish")
    cause = CausePage.objects.live().get(title="Poor posture")
    correct_to_condition_and_edit(article, cause)

    drafts, _ = run(str(article), "--dry-run", "--update")
    published, _ = run(str(article), "--dry-run", "--update", "--publish")

    assert "the cause page stays: It is published and its replacement is a draft" in drafts
    assert f"Will change \u201c{cause.title}\u201d from cause page to condition page" in published
    assert CausePage.objects.filter(pk=cause.pk, live=True).exists()
