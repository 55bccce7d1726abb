"""Tables: data tables stay tables in every format; layout tables are read through."""

import pytest

from back_health.importer.classify import classify
from back_health.importer.classify.fit import TABLE_CUT, TABLE_MAX_COLUMNS, TABLE_MAX_ROWS
from back_health.importer.clean import clean_document
from back_health.importer.document import ListBlock, Paragraph, Table
from back_health.importer.parse_html import parse_html
from back_health.importer.parse_markdown import parse_markdown
from back_health.importer.parse_text import parse_text
from back_health.importer.plan import SourceInfo

from .documents import exercises_of


def tables(doc):
    return [
        block for section in doc.sections for block in section.blocks if isinstance(block, Table)
    ]


def texts(doc):
    found = []
    for section in doc.sections:
        found.append(section.heading)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                found.append(block.text)
            elif isinstance(block, ListBlock):
                found.extend(item.text for item in block.items)
    return found


# --- HTML: data tables ------------------------------------------------------------------


def test_html_table_with_header_cells_keeps_caption_header_and_rows():
    doc = parse_html(
        "<h1>Naproxen</h1><table><caption>Usual doses</caption>"
        "<thead><tr><th>Use</th><th>Dose</th></tr></thead>"
        "<tbody><tr><td>Back pain</td><td>250 mg twice a day</td></tr>"
        "<tr><td>Gout</td><td>750 mg once</td></tr></tbody></table>"
    )
    (table,) = tables(doc)
    assert table.caption == "Usual doses"
    assert table.head == [["Use", "Dose"]]
    assert table.rows == [["Back pain", "250 mg twice a day"], ["Gout", "750 mg once"]]
    assert not table.header_column
    assert "Back pain" not in texts(doc)  # not also read as paragraphs


def test_html_table_with_row_headings_has_a_header_column():
    doc = parse_html(
        "<h1>T</h1><table><tr><td></td><th>Adult</th><th>Child</th></tr>"
        "<tr><th>Ibuprofen</th><td>400 mg</td><td>100 mg</td></tr>"
        "<tr><th>Paracetamol</th><td>1 g</td><td>250 mg</td></tr></table>"
    )
    (table,) = tables(doc)
    assert table.head == [["", "Adult", "Child"]]
    assert table.header_column
    assert table.rows[1] == ["Paracetamol", "1 g", "250 mg"]


def test_html_regular_grid_of_short_cells_is_a_data_table_without_headers():
    doc = parse_html(
        "<h1>T</h1><table><tr><td>Week 1</td><td>10 minutes</td></tr>"
        "<tr><td>Week 2</td><td>15 minutes</td></tr><tr><td>Week 3</td><td>20 minutes</td></tr>"
        "</table>"
    )
    (table,) = tables(doc)
    assert table.head == []
    assert table.rows[2] == ["Week 3", "20 minutes"]


def test_html_spanned_cells_keep_the_grid_aligned():
    doc = parse_html(
        "<h1>T</h1><table><tr><th>Medicine</th><th>Form</th><th>Dose</th></tr>"
        '<tr><td rowspan="2">Ibuprofen</td><td>Tablet</td><td>400 mg</td></tr>'
        "<tr><td>Gel</td><td>Thin layer</td></tr>"
        '<tr><td colspan="2">Naproxen tablet</td><td>250 mg</td></tr></table>'
    )
    (table,) = tables(doc)
    assert table.rows == [
        ["Ibuprofen", "Tablet", "400 mg"],
        ["", "Gel", "Thin layer"],
        ["Naproxen tablet", "", "250 mg"],
    ]


def test_html_huge_span_is_capped():
    doc = parse_html(
        '<h1>T</h1><table><tr><th colspan="999999">A</th><th>B</th></tr>'
        "<tr><td>1</td><td>2</td></tr></table>"
    )
    (table,) = tables(doc)
    assert table.width <= 51


# --- HTML: layout tables ------------------------------------------------------------------


@pytest.mark.parametrize(
    "markup",
    [
        # role="presentation": an e-mail newsletter's frame
        '<table role="presentation"><tr><td>Rest for a day.</td><td>Walk gently.</td></tr>'
        "<tr><td>Use heat.</td><td>Keep moving.</td></tr></table>",
        # a cell holding headings and paragraphs: a legacy page laid out in a grid
        "<table><tr><td><h2>Causes</h2><p>Rest for a day.</p><p>Walk gently.</p></td>"
        "<td>Menu</td></tr><tr><td>Use heat.</td><td>Keep moving.</td></tr></table>",
        # one cell per row
        "<table><tr><th>Rest for a day.</th></tr><tr><td>Walk gently.</td></tr>"
        "<tr><td>Use heat.</td></tr></table>",
        # a table nested in another
        "<table><tr><td><table><tr><td>Rest for a day.</td></tr></table></td><td>Walk gently."
        "</td></tr><tr><td>Use heat.</td><td>Keep moving.</td></tr></table>",
        # a cell of prose
        "<table><tr><th>Advice</th><th>Note</th></tr><tr><td>Rest for a day.</td><td>"
        + "Walk gently every morning and evening " * 8
        + "</td></tr></table>",
    ],
    ids=["presentation", "cell-with-headings", "one-column", "nested", "long-cell"],
)
def test_layout_tables_are_read_through_as_text(markup):
    doc = parse_html(f"<h1>Back pain</h1>{markup}")
    assert not tables(doc)
    assert any("Rest for a day." in text for text in texts(doc))


def test_a_data_table_inside_a_layout_table_is_still_a_table():
    doc = parse_html(
        '<h1>T</h1><table role="presentation"><tr><td><p>Our newsletter.</p>'
        "<table><tr><th>Medicine</th><th>Dose</th></tr><tr><td>Ibuprofen</td><td>400 mg</td></tr>"
        "</table></td></tr></table>"
    )
    (table,) = tables(doc)
    assert table.rows == [["Ibuprofen", "400 mg"]]
    assert "Our newsletter." in texts(doc)


def test_deeply_nested_layout_tables_do_not_recurse():
    depth = 3000
    markup = "<table><tr><td>" * depth + "Rest." + "</td></tr></table>" * depth
    doc = parse_html(f"<h1>T</h1>{markup}")
    assert not tables(doc)
    assert "Rest." in texts(doc)


# --- Markdown and plain text -------------------------------------------------------------


def test_markdown_table_keeps_its_alignment_free_cells():
    doc = parse_markdown(
        "# Co-codamol\n\n## Strengths\n\n| Strength | Codeine |\n|:---|---:|\n"
        "| 8/500 | 8 mg |\n| 30/500 | 30 mg |\n"
    )
    (table,) = tables(doc)
    assert table.head == [["Strength", "Codeine"]]
    assert table.rows == [["8/500", "8 mg"], ["30/500", "30 mg"]]


def test_plain_text_pipe_table_becomes_a_table():
    doc = parse_text(
        "Back pain\n\nSome text about it here.\n\nMedicines\n\n"
        "| Medicine | Dose |\n|---|:---:|\n| Ibuprofen | 400 mg |\n| Naproxen \\| sodium | 250 mg\n"
        "\nMore text after the table.\n"
    )
    (table,) = tables(doc)
    assert table.head == [["Medicine", "Dose"]]
    assert table.rows == [["Ibuprofen", "400 mg"], ["Naproxen | sodium", "250 mg"]]
    assert "More text after the table." in texts(doc)
    assert not any("|" in text for text in texts(doc))


def test_plain_text_table_rows_are_fitted_to_the_header():
    doc = parse_text("T\n\nIntro text.\n\na | b\n--- | ---\n1 | 2 | 3\n4 |\n")
    (table,) = tables(doc)
    assert table.rows == [["1", "2"], ["4", ""]]


def test_plain_text_pipes_without_a_separator_stay_text():
    doc = parse_text("T\n\nChoose heat | ice as you like.\nBoth help.\n")
    assert not tables(doc)


def test_plain_text_table_after_a_lead_line_in_the_same_block():
    doc = parse_text("T\n\nIntro text.\n\nDoses are:\n| Medicine | Dose |\n|---|---|\n| A | 1 |\n")
    (table,) = tables(doc)
    assert table.rows == [["A", "1"]]
    assert "Doses are:" in texts(doc)


# --- cleaning -----------------------------------------------------------------------------


def test_cleaning_repairs_cells_and_keeps_the_table():
    doc = clean_document(
        parse_html(
            "<h1>Naproxen</h1><p>Naproxen is a medicine for pain and swelling in the back.</p>"
            "<table><tr><th>Use</th><th>Dose</th></tr>"
            "<tr><td>Back pain &amp;#8211; adults</td><td>250 mg</td></tr></table>"
        )
    )
    (table,) = tables(doc)
    assert table.rows == [["Back pain \u2013 adults", "250 mg"]]


# --- classification -----------------------------------------------------------------------


def classified(doc):
    source = SourceInfo(name="t.html", sha256="0", format="html", bytes=1)
    return classify(clean_document(doc), source)


def table_blocks(plan):
    return [block for page in plan.pages for block in page.blocks if block.type == "table"]


def test_a_table_becomes_a_table_block_in_its_section_and_never_a_warning():
    plan = classified(
        parse_html(
            "<h1>Naproxen</h1><p>Naproxen is an anti-inflammatory painkiller for back pain.</p>"
            "<h2>Doses</h2><table><tr><th>Who</th><th>Dose</th></tr>"
            "<tr><td>Adults</td><td>250 mg twice a day</td></tr>"
            "<tr><td>Older adults</td><td>250 mg once a day</td></tr></table>"
        )
    )
    (block,) = table_blocks(plan)
    assert block.value["data"] == [
        ["Who", "Dose"],
        ["Adults", "250 mg twice a day"],
        ["Older adults", "250 mg once a day"],
    ]
    assert block.value["first_row_is_table_header"] is True
    assert block.value["table_header_choice"] == "row"
    assert not any(b.type == "warning" for page in plan.pages for b in page.blocks)
    headings = [b.value["text"] for b in plan.main_page.blocks if b.type == "heading"]
    assert headings == ["Doses"]


def test_a_table_of_signs_and_the_help_each_needs_is_a_warning_per_row():
    plan = classified(
        parse_html(
            "<h1>Naproxen</h1><p>Naproxen is an anti-inflammatory painkiller for back pain.</p>"
            "<h2>When to get help</h2><table><tr><th>Sign</th><th>What to do</th></tr>"
            "<tr><td>Black stools</td><td>Call 111</td></tr>"
            "<tr><td>Swollen lips</td><td>Call 999</td></tr></table>"
        )
    )
    assert table_blocks(plan) == []
    warnings = [b.value for b in plan.main_page.blocks if b.type == "warning"]
    assert [str(w["severity"]) for w in warnings] == ["urgent", "emergency"]
    assert "Black stools" in warnings[0]["text"]


def test_a_causes_column_still_names_cause_pages():
    plan = classified(
        parse_html(
            "<h1>Facet joint pain</h1><p>Facet joint pain comes from the small joints of the"
            " spine.</p><h2>Symptoms and causes</h2><table>"
            "<tr><th>Symptom</th><th>Possible cause</th></tr>"
            "<tr><td>Ache when leaning back</td><td>Facet joint arthritis</td></tr>"
            "<tr><td>Sharp pain after twisting</td><td>Facet joint injury</td></tr></table>"
        )
    )
    causes = {relation.title for relation in plan.main_page.causes}
    assert {"Facet joint arthritis", "Facet joint injury"} <= causes
    (block,) = table_blocks(plan)
    assert ["Sharp pain after twisting", "Facet joint injury"] in block.value["data"]


TREATMENT_TABLE = (
    "# Spinal osteoporosis\n\nSpinal osteoporosis thins the bones of the spine.\n\n"
    "## Treatments\n\n| Treatment | {column} | Evidence |\n|---|---|---|\n"
    "| Zoledronic acid | {zoledronic} | Strong |\n"
    "| Teriparatide | A daily injection that builds new bone for up to two years | Strong |\n"
    "| Vertebroplasty | Bone cement injected into a broken vertebra | Not recommended for"
    " most people |\n"
)


def test_a_row_a_describing_column_speaks_of_is_a_written_page_and_an_advised_against_row_none():
    plan = classified(
        parse_markdown(
            TREATMENT_TABLE.format(
                column="What it involves",
                zoledronic="A bisphosphonate given as a drip into a vein once a year",
            )
        )
    )
    pages = {p.title: p for p in plan.pages}
    assert pages["Zoledronic acid"].include and pages["Zoledronic acid"].action != "suggest"
    assert "drip into a vein" in str(pages["Zoledronic acid"].blocks)
    assert "Vertebroplasty" not in pages
    (block,) = table_blocks(plan)
    assert any(row[0] == "Vertebroplasty" for row in block.value["data"]), "the row stays"


def test_a_notes_column_describes_its_row_too():
    plan = classified(
        parse_markdown(
            TREATMENT_TABLE.format(
                column="Notes",
                zoledronic="A bisphosphonate given as a drip into a vein once a year",
            )
        )
    )
    pages = {p.title: p for p in plan.pages}
    assert pages["Zoledronic acid"].action != "suggest"
    assert "drip into a vein" in str(pages["Zoledronic acid"].blocks)


def test_an_options_column_names_treatments_and_a_class_word_names_none():
    plan = classified(
        parse_markdown(
            "# Neck disc herniation\n\nA neck disc herniation presses on a nerve root.\n\n"
            "## At a glance\n\n| Option | What it involves |\n|---|---|\n"
            "| Medicines | Paracetamol or ibuprofen for a few days, with amitriptyline at night |\n"
            "| Cervical foraminotomy | A small opening made at the back of the neck to free"
            " the nerve |\n"
        )
    )
    titles = {p.title for p in plan.pages if p.include}
    assert "Foraminotomy" in titles
    assert "Medicines" not in titles


def test_rows_of_brands_and_doses_only_name_their_medicines():
    plan = classified(
        parse_markdown(
            TREATMENT_TABLE.format(
                column="Brands and availability",
                zoledronic="Aclasta in the UK, Reclast in the US and Canada, hospital only",
            )
        )
    )
    pages = {p.title: p for p in plan.pages}
    assert pages["Zoledronic acid"].action == "suggest"


def test_a_huge_table_is_cut_to_the_limits_with_a_flag_and_nothing_lost_silently():
    rows = "".join(
        "<tr>" + "".join(f"<td>r{r}c{c}</td>" for c in range(TABLE_MAX_COLUMNS + 2)) + "</tr>"
        for r in range(TABLE_MAX_ROWS + 5)
    )
    head = "<tr>" + "".join(f"<th>h{c}</th>" for c in range(TABLE_MAX_COLUMNS + 2)) + "</tr>"
    plan = classified(
        parse_html(
            "<h1>Back pain</h1><p>Back pain is very common and usually gets better.</p>"
            f"<h2>Data</h2><table>{head}{rows}</table>"
        )
    )
    (block,) = table_blocks(plan)
    assert len(block.value["data"]) == TABLE_MAX_ROWS + 1
    assert {len(row) for row in block.value["data"]} == {TABLE_MAX_COLUMNS}
    assert any(flag.kind == TABLE_CUT for flag in plan.flags)
    dropped = " ".join(d.text for d in plan.dropped)
    assert f"r{TABLE_MAX_ROWS + 4}c0" in dropped
    assert f"r0c{TABLE_MAX_COLUMNS + 1}" in dropped


def test_only_the_first_column_takes_the_sections_topic():
    plan = classified(
        parse_html(
            "<h1>Back pain</h1><p>Back pain is very common and usually gets better.</p>"
            "<h2>Treatments</h2><table><tr><th>Treatment</th><th>Notes</th></tr>"
            "<tr><td>Physiotherapy</td><td>Gentle on the joints</td></tr>"
            "<tr><td>Acupuncture</td><td>Prescription only</td></tr></table>"
        )
    )
    titles = {page.title for page in plan.pages}
    assert {"Physiotherapy", "Acupuncture"} <= titles
    assert not titles & {"Gentle on the joints", "Prescription only"}


# --- links in cells -----------------------------------------------------------------------

LINKED_HTML = (
    "<h1>Naproxen</h1><p>Naproxen is an anti-inflammatory painkiller for back pain.</p>"
    "<h2>More help</h2><table><tr><th>Topic</th><th>Read more</th></tr>"
    '<tr><td>Doses</td><td>See <a href="https://www.nhs.uk/medicines/naproxen/">the NHS'
    " page</a> first</td></tr>"
    '<tr><td>Questions</td><td><a href="mailto:help@example.org">Write to us</a></td></tr>'
    '<tr><td>Tricks</td><td><a href="javascript:alert(1)">Click here</a></td></tr>'
    '<tr><td>Elsewhere</td><td>Read the <a href="#doses">doses</a> and <a href="/local">local'
    " advice</a> sections</td></tr>"
    "</table>"
)

LINKED_MARKDOWN = """# Naproxen

Naproxen is an anti-inflammatory painkiller for back pain.

## More help

| Topic | Read more |
|---|---|
| Doses | See [the NHS page](https://www.nhs.uk/medicines/naproxen/) first |
| Questions | [Write to us](mailto:help@example.org) |
| Tricks | [Click here](javascript:alert(1)) |
| Elsewhere | Read the [doses](#doses) and [local advice](/local) sections |
"""

LINKED_ROWS = [
    ["Topic", "Read more"],
    ["Doses", "See the NHS page (https://www.nhs.uk/medicines/naproxen/) first"],
    ["Questions", "Write to us (help@example.org)"],
    ["Tricks", "Click here"],
    ["Elsewhere", "Read the doses and local advice sections"],
]


@pytest.mark.parametrize(
    "doc", [parse_html(LINKED_HTML), parse_markdown(LINKED_MARKDOWN)], ids=["html", "markdown"]
)
def test_a_link_in_a_cell_keeps_its_address_in_the_table_block(doc):
    (block,) = table_blocks(classified(doc))
    assert block.value["data"] == LINKED_ROWS


def test_a_cell_link_keeps_its_text_for_the_classifier_and_its_markup_through_cleaning():
    (table,) = tables(clean_document(parse_html(LINKED_HTML)))
    assert table.rows[0] == ["Doses", "See the NHS page first"]
    assert table.links[1, 1] == (
        'See <a href="https://www.nhs.uk/medicines/naproxen/">the NHS page</a> first'
    )
    assert not any("javascript" in markup for markup in table.links.values())


def test_a_web_address_already_written_as_the_link_is_not_repeated():
    doc = parse_markdown(
        "# Naproxen\n\nNaproxen eases back pain.\n\n| Topic | Link |\n|---|---|\n"
        "| Doses | https://www.nhs.uk/medicines/naproxen/ |\n"
        "| Leaflet | <https://example.org/a> |\n"
    )
    (block,) = table_blocks(classified(doc))
    assert block.value["data"][1:] == [
        ["Doses", "https://www.nhs.uk/medicines/naproxen/"],
        ["Leaflet", "https://example.org/a"],
    ]


def test_rows_dropped_for_their_language_take_their_links_with_them():
    doc = clean_document(
        parse_html(
            "<h1>Ibuprofen</h1><p>Ibuprofen is a painkiller that also brings down swelling in"
            " the back. It is sold under many brand names in many countries.</p>"
            "<table><tr><th>Country</th><th>Brand</th></tr>"
            '<tr><td>Россия</td><td><a href="https://example.ru/">Нурофен для детей и'
            " взрослых при боли в спине</a></td></tr>"
            '<tr><td>UK</td><td><a href="https://example.org/nurofen">Nurofen</a></td></tr>'
            "</table>"
        )
    )
    (table,) = tables(doc)
    assert table.rows == [["UK", "Nurofen"]]
    assert table.links == {(1, 1): '<a href="https://example.org/nurofen">Nurofen</a>'}


GRID = (
    "+----+--------------+------+------+\n"
    "| No | Exercise     | Sets | Reps |\n"
    "+====+==============+======+======+\n"
    "| 1  | Pelvic tilt  |  2   | 10   |\n"
    "+----+--------------+------+------+\n"
    "| 2  | Knee rolls   |  1   | 8    |\n"
    "+----+--------------+------+------+\n"
)


def test_a_plain_text_grid_table_is_a_table_without_its_borders():
    doc = parse_text(f"Back exercises\n\nDo these twice a day.\n\n{GRID}\nMore text after.\n")
    (table,) = tables(doc)
    assert table.head == [["No", "Exercise", "Sets", "Reps"]]
    assert table.rows == [["1", "Pelvic tilt", "2", "10"], ["2", "Knee rolls", "1", "8"]]
    assert not any("+--" in text or "+==" in text for text in texts(doc))


def test_a_numbered_exercise_table_names_its_exercises_by_the_column_after_the_number():
    from back_health.imports.service import analyse

    text = f"Back exercises\n\nLow back pain eases with movement.\n\nYour programme\n\n{GRID}"
    plan = analyse(text.encode(), "handout.txt")
    exercises = exercises_of(plan)
    assert [(e["name"], e["dose"]["sets"], e["dose"]["repetitions"]) for e in exercises] == [
        ("Pelvic tilt", 2, 10),
        ("Knee rolls", 1, 8),
    ]


#: A table typed in columns under a rule of dashes, as a printed sheet lays one out: a
#: row that wraps goes on in its columns on the next line, and one cell starts a
#: character left of its rule.
COLUMNS = """\
YOUR MEDICINES

 MEDICINE               DOSE          WHEN
 ---------------------  ------------  -----------------
 Naproxen 250 mg        ONE tablet    TWICE a day
  (with food)                        (morning and night)
 Omeprazole 20 mg       ONE capsule   every MORNING
 Senna 7.5 mg           TWO tablets   at night when
                                      needed

HOW TO TAKE THEM

 * Senna: take it while your bowels are slow, and stop it if your stools become loose.
 * Naproxen: swallow it whole with a glass of water after a meal.
"""


def test_a_plain_text_table_in_columns_under_a_dashed_rule_is_a_table():
    (table,) = tables(parse_text(COLUMNS))
    assert table.head == [["MEDICINE", "DOSE", "WHEN"]]
    assert table.rows == [
        ["Naproxen 250 mg (with food)", "ONE tablet", "TWICE a day (morning and night)"],
        ["Omeprazole 20 mg", "ONE capsule", "every MORNING"],
        ["Senna 7.5 mg", "TWO tablets", "at night when needed"],
    ]


def test_a_single_run_of_dashes_under_a_line_is_no_table():
    doc = parse_text("Pain relief\n-----------\n\nTake paracetamol for a few days.\n")
    assert not tables(doc)


def test_a_medicine_column_names_treatments_and_an_item_labelled_with_one_describes_it():
    plan = classified(parse_text(COLUMNS))
    pages = {p.title: p for p in plan.pages}
    # The medicine column names three treatments; the items labelled "Senna:" and
    # "Naproxen:" say how to take them, so those pages are written with that text.
    assert {"Naproxen", "Omeprazole", "Senna"} <= set(pages)
    assert pages["Senna"].include and pages["Naproxen"].include
    assert "stop it if your stools become loose" in pages["Senna"].summary
    assert pages["Omeprazole"].action == "suggest"


# --- Plain text: a sheet saved as CSV or TSV ----------------------------------------------

#: A home programme kept in a spreadsheet and saved as CSV: every record padded to the
#: sheet's width, quoted cells with commas in them, a label heading the records below it.
SHEET = """\
Lumbar stabilisation programme,,,,,
"Name: ____________","Ward: ____",,,"Given by: physio",
,,,,,
Your back,,,,,
"Gentle, regular movement helps a sore back settle, even when it aches.",,,,,
,,,,,
Exercise,Sets,Reps,Hold (secs),Notes,
Pelvic tilt,2,10,5,"Flatten your back into the floor, then relax",
Bridge,3,8,10,Squeeze your buttocks as you lift,
Clam,2,12 each side,,Keep your feet together,
,,,,,
SAFETY,"Stop an exercise if it sends pain down your leg, and tell your physio.",,,,
,"Call 999 if you lose control of your bladder or bowels.",,,,
"""


def test_a_sheet_saved_as_csv_is_read_as_lines_a_table_and_labelled_texts():
    doc = parse_text(SHEET)
    (table,) = tables(doc)
    assert table.head == [["Exercise", "Sets", "Reps", "Hold (secs)", "Notes"]]
    assert table.rows[0] == [
        "Pelvic tilt",
        "2",
        "10",
        "5",
        "Flatten your back into the floor, then relax",
    ]
    assert len(table.rows) == 3
    found = texts(doc)
    assert "Gentle, regular movement helps a sore back settle, even when it aches." in found
    assert "Call 999 if you lose control of your bladder or bowels." in found
    assert "SAFETY" in " ".join(found).upper()
    assert not any(",," in text or '"' in text for text in found)


def test_a_sheet_saved_as_tsv_is_read_the_same_way():
    tsv = "\n".join(
        "\t".join(cells)
        for cells in (
            ["Your back", "", "", ""],
            ["Keep moving, gently.", "", "", ""],
            ["Exercise", "Sets", "Reps", ""],
            ["Pelvic tilt", "2", "10", ""],
            ["Bridge", "3", "8", ""],
            ["", "", "", ""],
        )
    )
    (table,) = tables(parse_text(tsv))
    assert table.rows == [["Pelvic tilt", "2", "10"], ["Bridge", "3", "8"]]


def test_the_exercises_of_a_saved_sheet_are_an_exercise_list_and_its_safety_texts_warnings():
    from back_health.imports.service import analyse

    plan = analyse(SHEET.encode(), "programme.csv")
    doses = {
        e["name"]: (e["dose"]["sets"], e["dose"]["repetitions"], e["dose"]["hold_seconds"])
        for e in exercises_of(plan)
    }
    assert doses == {"Pelvic tilt": (2, 10, 5), "Bridge": (3, 8, 10), "Clam": (2, 12, None)}
    severities = {
        block.value["severity"]
        for page in plan.pages
        for block in page.blocks
        if block.type == "warning"
    }
    assert "emergency" in severities


@pytest.mark.parametrize(
    "text",
    [
        # Prose with commas in it: no two cells side by side are ever empty.
        "Back pain\n\n" + "Rest, walk, stretch, and keep going, every day.\n" * 8,
        # Too few records to call it a sheet.
        "Exercise,Sets,Reps,\nBridge,2,10,\n",
        # Records of every width: a list of things, not a sheet.
        "\n".join("a," * n + "b" for n in range(1, 9)),
    ],
)
def test_text_that_is_no_saved_sheet_is_left_alone(text):
    from back_health.importer.spreadsheet import read_spreadsheet

    assert read_spreadsheet(text) == (text, [])


#: A Pandoc handout's grid table: each row bordered, cells' text wrapped over lines.
PANDOC_GRID = """\
# Reactive arthritis

## Treatment

+-----------------------+------------------------------+------------------------------+
| Treatment             | How it helps                 | Things to know               |
+=======================+==============================+==============================+
| Anti-inflammatory     | Eases pain and stiffness in  | Take with food. Ask your     |
| painkillers (NSAIDs)  | the joints and the back      | pharmacist first if you have |
|                       |                              | asthma.                      |
+-----------------------+------------------------------+------------------------------+
| Steroid injections    | Settle a badly swollen joint | Not more than three a year   |
|                       | within a few days            | into the same joint.         |
+-----------------------+------------------------------+------------------------------+
| Sulfasalazine         | Calms long-lasting joint     | You will need regular blood  |
|                       | inflammation over months     | tests.                       |
+-----------------------+------------------------------+------------------------------+
"""


def test_a_markdown_grid_table_with_wrapped_cells_is_one_row_a_bordered_row():
    (table,) = tables(parse_markdown(PANDOC_GRID))
    assert table.head == [["Treatment", "How it helps", "Things to know"]]
    assert table.rows[0] == [
        "Anti-inflammatory painkillers (NSAIDs)",
        "Eases pain and stiffness in the joints and the back",
        "Take with food. Ask your pharmacist first if you have asthma.",
    ]
    assert [row[0] for row in table.rows] == [
        "Anti-inflammatory painkillers (NSAIDs)",
        "Steroid injections",
        "Sulfasalazine",
    ]


def test_a_table_of_treatments_with_their_cautions_names_treatments_and_is_no_triage_table():
    plan = classified(parse_markdown(PANDOC_GRID))
    assert len(table_blocks(plan)) == 1
    assert not [b for b in plan.main_page.blocks if b.type == "warning"]
    written = {p.title for p in plan.pages if p.kind == "treatment" and p.action != "suggest"}
    assert "Steroid injections" in written  # "How it helps" says what it does
