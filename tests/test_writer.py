"""The writer: plans become draft pages with revisions, idempotently and safely."""

import copy

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Revision

from back_health.importer.document import Flag
from back_health.importer.plan import (
    ArticlePlan,
    BlockPlan,
    MedicinePlan,
    PagePlan,
    RelationPlan,
    SourceInfo,
)
from back_health.imports.service import analyse
from back_health.imports.writer import EntityIndex, ImportWriteError, write_article
from back_health.models import (
    BackHealthIndexPage,
    CausePage,
    ConditionPage,
    ImportedPage,
    ImportRecord,
    TreatmentPage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub():
    root = Page.objects.get(depth=2)
    return root.add_child(instance=BackHealthIndexPage(title="Back health", slug="back-health"))


def make_plan(name="sciatica.md", sha="a" * 64, treatment="Massage", extra_text=""):
    return ArticlePlan(
        source=SourceInfo(name=name, sha256=sha, format="markdown", bytes=100),
        title="Sciatica",
        pages=[
            PagePlan(
                kind="condition",
                title="Sciatica",
                summary="Sciatica is pain that travels down the leg.",
                alternate_names=["Sciatic nerve pain"],
                blocks=[
                    BlockPlan("heading", {"text": "Symptoms", "level": "h2"}),
                    BlockPlan(
                        "paragraph", "<p>Pain down the back of the leg." + extra_text + "</p>"
                    ),
                    BlockPlan(
                        "warning",
                        {
                            "severity": "emergency",
                            "heading": "Call 999 if",
                            "text": "<p>You lose control of your bladder.</p>",
                            "items_lead": "any",
                            "items": ["numbness around your bottom"],
                        },
                    ),
                ],
                causes=[RelationPlan("Slipped disc", "cause", "the most common cause")],
                treatments=[
                    RelationPlan(treatment, "treatment"),
                    RelationPlan("Ibuprofen", "treatment", "anti-inflammatory painkiller"),
                ],
            ),
            PagePlan(kind="cause", title="Slipped disc", summary="A disc bulges out."),
            PagePlan(kind="treatment", title=treatment, treatment_kind="manual_therapy"),
            PagePlan(
                kind="treatment",
                title="Ibuprofen",
                treatment_kind="medicine",
                medicines=[MedicinePlan("ibuprofen", ["Nurofen"])],
                alternate_names=["Nurofen"],
            ),
        ],
        flags=[Flag("thin_page", "Massage")],
    )


def write(plan, hub, **kwargs):
    return write_article(plan, parent=hub, index=EntityIndex(), **kwargs)


def test_new_article_creates_draft_pages_with_one_revision_each(hub):
    plan = make_plan()
    record, written = write(plan, hub)

    assert [page.action for page in plan.pages] == ["create"] * 4
    condition = ConditionPage.objects.get(title="Sciatica")
    assert condition.live is False
    assert condition.has_unpublished_changes is True
    assert Revision.objects.filter(object_id__in=[str(pk) for pk in written]).count() == 4
    assert condition.get_parent().specific == hub
    assert set(record.pages.values_list("pk", flat=True)) == written


def test_relations_and_notes_are_written_in_order(hub):
    write(make_plan(), hub)

    condition = ConditionPage.objects.get(title="Sciatica")
    causes = list(condition.cause_links.all())
    assert [(c.target.title, c.note) for c in causes] == [("Slipped disc", "the most common cause")]
    links = condition.treatment_links.order_by("sort_order")
    assert [(t.target.title, t.sort_order) for t in links] == [("Massage", 0), ("Ibuprofen", 1)]


def test_medicine_pages_know_generic_and_brand_names(hub):
    write(make_plan(), hub)

    ibuprofen = TreatmentPage.objects.get(title="Ibuprofen")
    assert ibuprofen.treatment_kind == "medicine"
    assert ibuprofen.generic_name == "ibuprofen"
    assert ibuprofen.brand_names_list == ["Nurofen"]


def test_publish_makes_pages_live(hub):
    plan = make_plan()
    write(plan, hub, publish=True)

    condition = ConditionPage.objects.get(title="Sciatica")
    assert condition.live and not condition.has_unpublished_changes
    assert all(page.live for page in plan.pages)


def test_reimporting_the_same_plan_writes_nothing(hub):
    write(make_plan(), hub)
    revisions = Revision.objects.count()

    again = make_plan()
    write(again, hub)

    assert [page.action for page in again.pages] == ["unchanged"] * 4
    assert Revision.objects.count() == revisions
    assert ConditionPage.objects.count() == 1


def test_a_changed_source_updates_its_pages_with_a_new_revision(hub):
    write(make_plan(), hub)
    revisions = Revision.objects.count()

    changed = make_plan(sha="b" * 64, extra_text=" It often gets better in weeks.")
    write(changed, hub)

    assert changed.pages[0].action == "update"
    assert [page.action for page in changed.pages[1:]] == ["unchanged"] * 3
    assert Revision.objects.count() == revisions + 1
    condition = ConditionPage.objects.get(title="Sciatica")
    latest = condition.get_latest_revision_as_object()
    assert "gets better in weeks" in str(latest.body[1].value)


def edit_as_editor(title):
    page = ConditionPage.objects.get(title=title)
    draft = page.get_latest_revision_as_object()
    draft.summary = "Edited by the clinic's physiotherapist."
    draft.save_revision()


def test_a_page_an_editor_changed_is_skipped_by_default(hub):
    write(make_plan(), hub)
    edit_as_editor("Sciatica")

    changed = make_plan(sha="b" * 64, extra_text=" New text.")
    write(changed, hub)

    assert changed.pages[0].action == "conflict"
    latest = ConditionPage.objects.get(title="Sciatica").get_latest_revision_as_object()
    assert latest.summary == "Edited by the clinic's physiotherapist."


@pytest.mark.parametrize("policy", ["draft", "overwrite"])
def test_an_edited_page_is_written_when_asked(hub, policy):
    write(make_plan(), hub, publish=True)
    edit_as_editor("Sciatica")

    changed = make_plan(sha="b" * 64, extra_text=" New text.")
    write(changed, hub, on_conflict=policy, publish=True)

    page = ConditionPage.objects.get(title="Sciatica")
    latest = page.get_latest_revision_as_object()
    assert "New text." in str(latest.body[1].value)
    # A draft leaves the live page as it was; overwrite publishes the import.
    assert page.has_unpublished_changes is (policy == "draft")
    assert any("conflict resolved" in d.as_ for d in changed.decisions)


def test_a_second_article_links_to_the_existing_entity_page(hub):
    write(make_plan(), hub)

    other = make_plan(name="lumbago.txt", sha="c" * 64)
    other.title = "Lumbago"
    other.pages[0].title = "Lumbago"
    other.pages[0].alternate_names = []
    write(other, hub)

    assert TreatmentPage.objects.filter(title="Massage").count() == 1
    assert [page.action for page in other.pages] == ["create", "link", "link", "link"]
    lumbago = ConditionPage.objects.get(title="Lumbago")
    massage = TreatmentPage.objects.get(title="Massage")
    assert massage.pk in lumbago.treatment_links.values_list("target_id", flat=True)


def test_entities_are_found_by_alternate_name(hub):
    write(make_plan(), hub)

    other = make_plan(name="other.txt", sha="d" * 64, treatment="Massage therapy")
    other.pages[0].title = "Piriformis syndrome"
    other.pages[3].title = "Nurofen"  # the brand: an alternate name of Ibuprofen
    write(other, hub)

    assert other.pages[3].action == "link"
    assert other.pages[3].id == TreatmentPage.objects.get(title="Ibuprofen").pk


def test_an_editors_own_page_is_linked_but_never_written(hub):
    own = hub.add_child(
        instance=CausePage(title="Slipped disc", slug="slipped-disc", summary="Ours.")
    )
    own.save_revision().publish()

    plan = make_plan()
    write(plan, hub)

    assert plan.pages[1].action == "link"
    own.refresh_from_db()
    assert own.summary == "Ours."
    assert not ImportedPage.objects.filter(page=own).exists()


def test_dry_run_writes_nothing_but_reports_the_plan(hub):
    plan = make_plan()
    record, written = write(plan, hub, dry_run=True)

    assert record is None and written == set()
    assert [page.action for page in plan.pages] == ["create"] * 4
    assert plan.pages[0].url_path.endswith("/back-health/sciatica/")
    assert ConditionPage.objects.count() == 0
    assert ImportRecord.objects.count() == 0


def test_an_invalid_block_writes_nothing_of_the_article(hub):
    plan = make_plan()
    plan.pages[0].blocks.append(
        BlockPlan("warning", {"severity": "emergency", "heading": "", "text": "", "items": []})
    )

    with pytest.raises(ImportWriteError, match="Sciatica"):
        write(plan, hub)

    assert Page.objects.filter(depth__gt=hub.depth).count() == 0
    assert ImportRecord.objects.count() == 0
    assert Revision.objects.count() == 0


def test_unknown_block_types_are_an_error_not_silently_dropped(hub):
    plan = make_plan()
    plan.pages[0].blocks.append(BlockPlan("carousel", {}))

    with pytest.raises(ImportWriteError, match="carousel"):
        write(plan, hub)


def test_rich_text_is_sanitised_for_the_target_block(hub):
    plan = make_plan()
    plan.pages[0].blocks[1] = BlockPlan(
        "paragraph",
        '<p onclick="steal()" style="color:red">Rest <a href="javascript:alert(1)">here</a>'
        '<script>alert(1)</script><img src="data:x"></p>',
    )
    write(plan, hub)

    html = ConditionPage.objects.get(title="Sciatica").body[1].value.source
    for unsafe in ("onclick", "style=", "javascript:", "script", "alert", "data:"):
        assert unsafe not in html
    assert "Rest here" in html


def test_writing_costs_the_same_queries_whatever_the_size_of_the_site(hub):
    def queries_for_fresh_article(sha):
        plan = make_plan(name=f"{sha}.txt", sha=sha * 64)
        plan.pages[0].title = f"Condition {sha}"
        for page in plan.pages[1:]:
            page.title = f"{page.title} {sha}"
        for relation in plan.pages[0].causes + plan.pages[0].treatments:
            relation.title = f"{relation.title} {sha}"
        with CaptureQueriesContext(connection) as context:
            write(plan, hub)
        return len(context)

    queries_for_fresh_article("d")  # warm caches (content types, sites)
    small = queries_for_fresh_article("e")
    for n in range(25):
        hub.add_child(instance=CausePage(title=f"Filler cause {n}", slug=f"filler-{n}"))
    large = queries_for_fresh_article("f")

    assert large == small


def test_plans_are_not_mutated_between_identical_runs(hub):
    plan = make_plan()
    snapshot = copy.deepcopy(plan.pages[0].blocks)
    write(plan, hub)
    assert plan.pages[0].blocks == snapshot


def test_search_and_reference_index_updates_wait_for_the_end_of_the_run(hub):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex
    from wagtail.search.models import IndexEntry

    from back_health.imports.writer import deferred_index_updates

    def indexed(page):
        content_type = ContentType.objects.get_for_model(page)
        return IndexEntry.objects.filter(content_type=content_type, object_id=str(page.pk)).exists()

    written = set()
    with deferred_index_updates(written):
        plan = make_plan()
        _, ids = write(plan, hub)
        written.update(ids)
        condition = ConditionPage.objects.get(title="Sciatica")
        assert not indexed(condition)
        assert not ReferenceIndex.objects.filter(object_id=str(condition.pk)).exists()

    assert indexed(condition)
    assert ReferenceIndex.objects.filter(object_id=str(condition.pk)).exists()


def test_every_body_region_the_importer_names_exists_and_is_assigned(hub):
    from back_health.importer.rules import default_rules
    from back_health.models import BodyRegion

    slugs = {region.slug for region in default_rules().body_regions}
    assert slugs <= set(BodyRegion.objects.values_list("slug", flat=True))

    plan = make_plan()
    plan.pages[0].body_regions = sorted(slugs)
    write(plan, hub)

    condition = ConditionPage.objects.get(title="Sciatica")
    assert set(condition.body_regions.values_list("slug", flat=True)) == slugs


def test_what_wagtails_whitelisting_removes_is_reported_as_repairs(hub):
    plan = make_plan()
    plan.pages[0].blocks[1] = BlockPlan(
        "paragraph", "<p>Rest</p><table><tr><td>a</td><td>b</td></tr></table>"
    )
    write(plan, hub)

    sanitised = {(r.from_, r.to): r.count for r in plan.repairs if r.kind == "sanitise"}
    assert sanitised[("<td>", "unwrapped (feature_disabled)")] == 2
    assert sanitised[("<table>", "unwrapped (feature_disabled)")] == 1


def test_an_uploaded_file_name_stays_in_the_import_record_not_in_page_sources(hub):
    write(make_plan(name="whiplash.md"), hub)
    page = ConditionPage.objects.get(title="Sciatica")
    assert list(page.sources) == []
    assert ImportRecord.objects.get().source_name == "whiplash.md"


def test_a_source_with_a_web_address_becomes_a_linked_page_source(hub):
    plan = make_plan(name="Sciatica guide")
    plan.source.url = "https://example.org/sciatica"
    write(plan, hub)
    page = ConditionPage.objects.get(title="Sciatica")
    [source] = page.sources
    assert source.value["title"] == "Sciatica guide"
    assert source.value.link == "https://example.org/sciatica"


def test_a_first_paragraph_that_repeats_the_summary_is_not_written_twice(hub):
    plan = make_plan()
    condition = plan.pages[0]
    condition.blocks.insert(
        0,
        BlockPlan(
            "paragraph",
            "<p>sciatica is pain that  travels down the leg</p><p>It often eases.</p>",
        ),
    )
    write(plan, hub)
    page = ConditionPage.objects.get(title="Sciatica")
    first = page.body[0]
    assert first.block_type == "paragraph"
    assert first.value.source == "<p>It often eases.</p>"
    assert "travels down the leg" not in str(page.body)
    assert page.summary == "Sciatica is pain that travels down the leg."


def test_a_first_paragraph_that_only_starts_like_the_summary_is_kept(hub):
    plan = make_plan()
    plan.pages[0].blocks.insert(
        0, BlockPlan("paragraph", "<p>Sciatica is pain that travels down the leg, mostly.</p>")
    )
    write(plan, hub)
    page = ConditionPage.objects.get(title="Sciatica")
    assert "mostly" in page.body[0].value.source


def table_block(caption="Usual doses"):
    return BlockPlan(
        "table",
        {
            "data": [["Medicine", "Dose"], ["Ibuprofen", "400 mg"], ["Naproxen", "250 mg"]],
            "table_caption": caption,
            "table_header_choice": "row",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "cell": [],
            "mergeCells": [],
        },
    )


def test_a_table_block_is_written_into_the_draft_body(hub):
    plan = make_plan()
    plan.pages[0].blocks.append(table_block())
    write(plan, hub)

    draft = ConditionPage.objects.get(title="Sciatica").get_latest_revision_as_object()
    tables = [block for block in draft.body if block.block_type == "table"]
    assert len(tables) == 1
    assert tables[0].value["data"][2] == ["Naproxen", "250 mg"]
    assert tables[0].value["table_caption"] == "Usual doses"
    html = tables[0].render()
    assert '<th scope="col"' in html and "<caption" in html


def test_reimporting_a_plan_with_a_table_writes_nothing(hub):
    plan = make_plan()
    plan.pages[0].blocks.append(table_block())
    write(plan, hub)
    revisions = Revision.objects.count()

    again = make_plan()
    again.pages[0].blocks.append(table_block())
    write(again, hub)

    assert [page.action for page in again.pages] == ["unchanged"] * 4
    assert Revision.objects.count() == revisions


def test_a_changed_table_updates_its_page(hub):
    plan = make_plan()
    plan.pages[0].blocks.append(table_block())
    write(plan, hub)

    changed = make_plan(sha="b" * 64)
    changed.pages[0].blocks.append(table_block(caption="Adult doses"))
    write(changed, hub)

    assert changed.pages[0].action == "update"
    draft = ConditionPage.objects.get(title="Sciatica").get_latest_revision_as_object()
    assert draft.body[-1].value["table_caption"] == "Adult doses"


LINKED_TABLE_HTML = (
    "<h1>Naproxen</h1><p>Naproxen is an anti-inflammatory painkiller for back pain.</p>"
    "<h2>More help</h2><table><tr><th>Topic</th><th>Read more</th></tr>"
    '<tr><td>Doses</td><td>See <a href="https://www.nhs.uk/medicines/naproxen/">the NHS'
    " page</a> first</td></tr>"
    '<tr><td>Questions</td><td><a href="mailto:help@example.org">Write to us</a></td></tr>'
    '<tr><td>Tricks</td><td><a href="javascript:alert(document.cookie)">Click here</a>'
    " for more</td></tr>"
    '<tr><td>Cases</td><td>Or <a href="JaVaScRiPt&#58;alert(2)">here</a> for more</td></tr>'
    "</table>"
)

LINKED_TABLE_MARKDOWN = """# Naproxen

Naproxen is an anti-inflammatory painkiller for back pain.

## More help

| Topic | Read more |
|---|---|
| Doses | See [the NHS page](https://www.nhs.uk/medicines/naproxen/) first |
| Questions | [Write to us](mailto:help@example.org) |
| Tricks | [Click here](javascript:alert(document.cookie)) for more |
| Cases | Or [here](JaVaScRiPt&#58;alert(2)) for more |
"""


@pytest.mark.parametrize(
    ("source", "name"),
    [(LINKED_TABLE_HTML, "naproxen.html"), (LINKED_TABLE_MARKDOWN, "naproxen.md")],
    ids=["html", "markdown"],
)
def test_a_link_in_a_table_cell_is_a_link_on_the_written_page(hub, source, name):
    plan = analyse(source.encode(), name)
    write(plan, hub)

    page = TreatmentPage.objects.get(title="Naproxen").get_latest_revision_as_object()
    (table,) = [block for block in page.body if block.block_type == "table"]
    assert table.value["data"][1] == [
        "Doses",
        "See the NHS page (https://www.nhs.uk/medicines/naproxen/) first",
    ]
    html = table.render()
    assert 'href="https://www.nhs.uk/medicines/naproxen/"' in html
    assert 'href="mailto:help@example.org"' in html
    assert "Click here for more" in html and "Or here for more" in html
    assert "javascript" not in html.lower()
    assert "javascript" not in str(table.value).lower()


def test_markup_typed_into_a_table_cell_is_shown_as_text(hub):
    plan = make_plan()
    block = table_block()
    block.value["data"][1] = ['<a href="javascript:alert(1)">Ibuprofen</a>', "<b>400</b> mg"]
    plan.pages[0].blocks.append(block)
    write(plan, hub)

    draft = ConditionPage.objects.get(title="Sciatica").get_latest_revision_as_object()
    html = draft.body[-1].render()
    assert "&lt;a href=&quot;javascript:alert(1)&quot;&gt;Ibuprofen&lt;/a&gt;" in html
    assert "&lt;b&gt;400&lt;/b&gt; mg" in html
