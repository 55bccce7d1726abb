"""Bulk sources: folders, zip archives and WordPress exports, from the command line."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from back_health.importer.errors import ImportSourceError
from back_health.imports.sources import (
    expand_upload,
    folder_sources,
    unsafe_member_name,
    wxr_sources,
    zip_sources,
)
from back_health.models import ConditionPage, ImportRecord
from tests.synthetic import synthetic_article

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_back_health", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def make_zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


WXR = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Clinic blog</title>
  <item>
    <title>Acute lumbar strain</title>
    <link>https://clinic.example/blog/acute-lumbar-strain/</link>
    <pubDate>Tue, 03 Mar 2020 10:00:00 +0000</pubDate>
    <dc:creator><![CDATA[dr_jones]]></dc:creator>
    <content:encoded><![CDATA[<!-- wp:paragraph -->
Acute lumbar strain is discomfort in the lower back that comes and goes.
It usually gets better within a few weeks.
<!-- /wp:paragraph -->

<h2>Causes</h2>
<ul><li>Heavy lifting, which loads the back.</li><li>Poor posture at a desk.</li></ul>

<script>track('visit')</script>
<h2>Treatment</h2>
<ul><li><strong>Physiotherapy</strong> can ease the pain.</li>
<li><strong>Ibuprofen</strong> can ease the pain.</li></ul>]]></content:encoded>
    <wp:post_id>12</wp:post_id>
    <wp:post_date_gmt>2020-03-03 10:00:00</wp:post_date_gmt>
    <wp:post_name>acute-lumbar-strain</wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
  </item>
  <item>
    <title>Unfinished thoughts</title>
    <content:encoded><![CDATA[Not ready.]]></content:encoded>
    <wp:status>draft</wp:status>
    <wp:post_type>post</wp:post_type>
  </item>
  <item>
    <title>Contact us</title>
    <content:encoded><![CDATA[Call the clinic.]]></content:encoded>
    <wp:status>publish</wp:status>
    <wp:post_type>page</wp:post_type>
  </item>
  <item>
    <title>Empty post</title>
    <content:encoded><![CDATA[]]></content:encoded>
    <wp:post_name>empty-post</wp:post_name>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
  </item>
</channel>
</rss>
"""


def test_a_folder_imports_every_article_file_below_it(tmp_path):
    (tmp_path / "spine" / "lower").mkdir(parents=True)
    (tmp_path / "a.md").write_bytes(synthetic_article(1))
    (tmp_path / "spine" / "b.markdown").write_bytes(synthetic_article(2))
    (tmp_path / "spine" / "lower" / "c.txt").write_bytes(synthetic_article(3))
    (tmp_path / "spine" / "photo.jpg").write_bytes(b"\xff\xd8\xff not an article")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.md").write_bytes(synthetic_article(4))

    out, _ = run(str(tmp_path))

    assert ImportRecord.objects.count() == 3
    assert ConditionPage.objects.count() >= 3
    assert "[3/3]" in out, "plain progress lines when the output is not a terminal"
    names = {s.name for s in folder_sources(tmp_path)}
    assert names == {"a.md", "spine/b.markdown", "spine/lower/c.txt"}


def test_a_folder_lists_rtf_saved_messages_and_latex_sources_too(tmp_path):
    for name in ("leaflet.rtf", "newsletter.eml", "handout.tex", "notes.md", "photo.png"):
        (tmp_path / name).write_bytes(b"x")
    names = {s.name for s in folder_sources(tmp_path)}
    assert names == {"leaflet.rtf", "newsletter.eml", "handout.tex", "notes.md"}


def test_a_zip_imports_its_articles_and_reports_each_bad_member_on_its_own_line(tmp_path):
    archive = tmp_path / "site.zip"
    archive.write_bytes(
        make_zip(
            {
                "posts/one.md": synthetic_article(11),
                "posts/two.md": synthetic_article(12),
                "posts/empty.md": b"",
                "../escape.md": synthetic_article(13),
                "__MACOSX/posts/._one.md": b"junk",
                "images/logo.png": b"\x89PNG\r\n\x1a\n",
            }
        )
    )

    with pytest.raises(CommandError) as failure:
        run(str(archive))

    assert ImportRecord.objects.count() == 2
    message = str(failure.value)
    assert "site.zip/posts/empty.md" in message
    assert "site.zip/../escape.md" in message and "unsafe path" in message
    assert len(message.splitlines()) == 2, "one line per bad member"


def test_zip_bombs_and_oversized_archives_are_refused(settings):
    settings.BACK_HEALTH = {"IMPORT_ARCHIVE_MAX_RATIO": 50, "IMPORT_ARCHIVE_MAX_MEMBERS": 3}
    bomb = make_zip({"bomb.txt": b"a" * 2_000_000, "fine.md": synthetic_article(1)})
    sources = {s.name: s for s in zip_sources(bomb, "bomb.zip")}
    assert "zip bomb" in sources["bomb.zip/bomb.txt"].error
    assert not sources["bomb.zip/fine.md"].error

    crowded = make_zip({f"{n}.md": b"# x\n\ntext" for n in range(4)})
    with pytest.raises(ImportSourceError, match="more than the limit"):
        zip_sources(crowded, "crowded.zip")

    with pytest.raises(ImportSourceError, match="not a readable zip"):
        zip_sources(b"PK\x03\x04 truncated", "broken.zip")


@pytest.mark.parametrize(
    "name", ["../x.md", "a/../../x.md", "/etc/passwd.md", "C:\\x.md", "a\\..\\..\\x.md"]
)
def test_member_paths_that_climb_out_are_unsafe(name):
    assert unsafe_member_name(name)


def test_wordpress_export_imports_published_posts_with_their_origin(tmp_path):
    export = tmp_path / "clinic.WordPress.2024.xml"
    export.write_bytes(WXR)

    with pytest.raises(CommandError, match="empty-post"):
        run(str(export))

    record = ImportRecord.objects.get()
    assert record.identity == "https://clinic.example/blog/acute-lumbar-strain/"
    condition = ConditionPage.objects.get(title="Acute lumbar strain")
    assert condition.sources[0].value["url"] == "https://clinic.example/blog/acute-lumbar-strain/"
    assert Revision.objects.filter(object_id=str(condition.pk)).count() == 1
    # Named in a list with nothing said about it: suggested, not written.
    planned = {page["title"]: page["action"] for page in record.report["pages"]}
    assert planned["Physiotherapy"] in ("create", "suggest")
    body = str(condition.get_latest_revision_as_object().body)
    assert "track(" not in body and "<script" not in body
    decisions = {d["part"]: d["as"] for d in record.report["decisions"]}
    assert decisions["author"] == "dr_jones"
    assert decisions["published"].startswith("2020-03-03T10:00")
    assert not ConditionPage.objects.filter(title__icontains="Unfinished").exists()


def test_reimporting_a_wordpress_export_changes_nothing(tmp_path):
    export = tmp_path / "clinic.xml"
    export.write_bytes(WXR)
    with pytest.raises(CommandError):
        run(str(export))
    revisions = Revision.objects.count()

    with pytest.raises(CommandError):
        out, _ = run(str(export))

    assert Revision.objects.count() == revisions
    assert ImportRecord.objects.count() == 1


def test_an_export_with_entities_or_a_doctype_is_refused():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>'
        b'<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel></channel></rss>'
    )
    with pytest.raises(ImportSourceError, match="not a readable WordPress export"):
        wxr_sources(bomb, "bomb.xml")


def test_uploads_are_expanded_by_what_they_contain():
    assert len(expand_upload("site.zip", make_zip({"a.md": b"# A\n\ntext"}))) == 1
    assert [s.name for s in expand_upload("blog.xml", WXR)][0].endswith("acute-lumbar-strain")
    assert expand_upload("one.md", b"# One")[0].data == b"# One"


def test_background_queues_one_task_per_article(tmp_path):
    from back_health.models import ImportBatch

    (tmp_path / "a.md").write_bytes(synthetic_article(21))
    (tmp_path / "b.md").write_bytes(synthetic_article(22))

    out, _ = run(str(tmp_path), "--background")

    batch = ImportBatch.objects.get()
    assert batch.items.count() == 2
    # The test settings use the immediate backend: the tasks have already run.
    assert batch.counts()["imported"] == 2
    assert all(item.record_id for item in batch.items.all())
    assert "2 articles" in out


def test_an_article_in_an_uncovered_language_is_a_skipped_batch_item(tmp_path):
    from back_health.models import ImportBatch, ImportBatchItem

    (tmp_path / "a.md").write_bytes(synthetic_article(23))
    (tmp_path / "b.txt").write_text(
        "Боль в спине\n\nБоль в нижней части спины встречается очень часто. Обычно она "
        "проходит сама за несколько недель, если человек остаётся активным. Врачи не "
        "советуют долго лежать в постели, потому что это замедляет выздоровление.\n",
        encoding="utf-8",
    )

    run(str(tmp_path), "--background")

    batch = ImportBatch.objects.get()
    skipped = batch.items.get(source_name__endswith="b.txt")
    assert skipped.status == ImportBatchItem.Status.SKIPPED
    assert skipped.get_status_display() == "Skipped"
    counts = batch.counts()
    assert counts["imported"] == 1 and counts["skipped"] == 1 and counts["done"] == 2


def test_progress_is_a_bar_on_a_terminal(tmp_path):
    from back_health.importer.plan import ArticlePlan, SourceInfo
    from back_health.management.commands.import_back_health import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    from django.core.management.base import OutputWrapper

    out = OutputWrapper(Terminal())
    progress = Progress(out)
    plan = ArticlePlan(source=SourceInfo("a.md", "", "markdown", 1), title="A")
    progress(1, 4, plan)
    progress(4, 4, plan)
    progress.close()
    text = out._out.getvalue()
    assert "\r[" in text and "4/4" in text and "#" * Progress.WIDTH in text

    quiet = OutputWrapper(Terminal())
    Progress(quiet, quiet=True)(1, 4, plan)
    assert quiet._out.getvalue().startswith("[1/4] a.md")


WORD_LEAFLET = [
    ("Title", "Coccyx pain"),
    (
        "p",
        "Coccyx pain is pain at the bottom of the spine. It often starts after a fall onto "
        "the tailbone and usually eases within a few weeks.",
    ),
    ("Heading1", "When to get help"),
    ("p", "See a GP if the pain has not eased after 8 weeks."),
]


def test_a_word_document_is_one_article_on_the_command_line_in_folders_and_archives(tmp_path):
    pytest.importorskip("mammoth", reason="the 'docx' extra (mammoth) is not installed")
    from tests.importer.word import word_document

    leaflet = word_document(WORD_LEAFLET)
    path = tmp_path / "coccyx.docx"
    path.write_bytes(leaflet)

    run(str(path))
    condition = ConditionPage.objects.get(title="Coccyx pain")
    assert ImportRecord.objects.count() == 1
    revisions = Revision.objects.count()

    run(str(path))  # the same document again changes nothing
    assert ImportRecord.objects.count() == 1
    assert Revision.objects.count() == revisions
    assert ConditionPage.objects.filter(title="Coccyx pain").get().pk == condition.pk

    (tmp_path / "notes.md").write_bytes(b"x")
    assert {s.name for s in folder_sources(tmp_path)} == {"coccyx.docx", "notes.md"}
    assert [s.name for s in expand_upload("coccyx.docx", leaflet)] == ["coccyx.docx"]
    in_archive = expand_upload("leaflets.zip", make_zip({"leaflets/coccyx.docx": leaflet}))
    assert [s.name for s in in_archive] == ["leaflets.zip/leaflets/coccyx.docx"]


def test_a_pdf_imports_on_the_command_line_and_again_changes_nothing(tmp_path):
    pytest.importorskip("pypdf", reason="the 'pdf' extra (pypdf) is not installed")
    from tests.importer.pdfs import pdf_document

    leaflet = pdf_document(
        [
            [
                "Coccyx pain",
                "",
                "Coccyx pain is pain at the bottom of the spine. It often starts after a fall",
                "onto the tailbone and usually eases within a few weeks.",
                "",
                "See a GP if the pain has not eased after 8 weeks.",
            ]
        ],
        compress=True,
    )
    path = tmp_path / "coccyx.pdf"
    path.write_bytes(leaflet)
    run(str(path))
    assert ConditionPage.objects.filter(title="Coccyx pain").exists()
    revisions = Revision.objects.count()
    run(str(path))
    assert ImportRecord.objects.count() == 1 and Revision.objects.count() == revisions
    assert "coccyx.pdf" in {s.name for s in folder_sources(tmp_path)}
