"""Cleaning steps, each on its own, then the whole pipeline on real-shaped articles."""

import copy
import json
from pathlib import Path

import pytest

from back_health.importer import clean
from back_health.importer.clean import clean_document
from back_health.importer.document import (
    Document,
    Dropped,
    ListBlock,
    ListItem,
    Paragraph,
    Repair,
    Section,
)
from back_health.importer.errors import NothingToImportError
from back_health.importer.load import load_source
from back_health.importer.parse import parse_source

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
ENGLISH = (
    "Sciatica is pain caused by pressure on the sciatic nerve. It usually gets better "
    "within a few weeks, and gentle exercise helps the recovery."
)


def doc_of(*blocks, title="Sciatica", extra_sections=()):
    return Document(
        title=title,
        sections=[Section(heading=title, level=1, blocks=list(blocks)), *extra_sections],
    )


def texts(doc):
    """Every text of a cleaned document, including inline HTML."""
    parts = [doc.title]
    for section in doc.sections:
        parts.append(section.heading)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                parts += [block.text, block.html]
            else:
                parts += [block.lead] + [p for item in block.items for p in (item.text, item.html)]
    return "\n".join(parts)


def paragraphs(doc):
    return [block.text for _, block in doc.iter_blocks() if isinstance(block, Paragraph)]


# --- purity and the pipeline ---------------------------------------------------------


def test_steps_never_modify_their_input():
    original = doc_of(Paragraph("Pain # 8211, it hurts.\u00a0 Buy now!"), Paragraph(ENGLISH))
    snapshot = copy.deepcopy(original)
    for step in clean.CLEAN_STEPS:
        step(original)
    assert original == snapshot


def test_nothing_but_chrome_raises_nothing_to_import_with_the_document():
    doc = doc_of(Paragraph("Share on Facebook"), Paragraph("Subscribe to our newsletter!"))
    with pytest.raises(NothingToImportError) as error:
        clean_document(doc)
    assert {d.text for d in error.value.document.dropped} >= {"Share on Facebook"}


# --- sanitise ---------------------------------------------------------------------------


def test_sanitise_removes_scripts_handlers_styles_and_unsafe_urls():
    doc = doc_of(
        Paragraph(
            "Take care now",
            '<strong onclick="x()" style="color:red">Take</strong> <a href="javascript:x()">'
            'care</a> <a href="data:text/html,x">now</a><script>steal()</script>',
        ),
        ListBlock(False, [ListItem("item", '<em onmouseover="y()">item</em>')]),
    )
    cleaned = clean.sanitise_inline_html(doc)
    paragraph, listing = cleaned.sections[0].blocks
    assert paragraph.html == "<strong>Take</strong> care now"
    assert listing.items[0].html == "<em>item</em>"
    assert cleaned.repairs == [Repair("sanitise", "unsafe inline markup", "", 2)]


def test_sanitise_leaves_safe_markup_alone_and_records_nothing():
    doc = doc_of(Paragraph("a b", '<strong>a</strong> <a href="https://nhs.uk">b</a>'))
    assert clean.sanitise_inline_html(doc) == doc


# --- mojibake --------------------------------------------------------------------------


def test_mojibake_is_repaired_and_recorded():
    doc = doc_of(Paragraph("The patientâ€™s cafÃ© visit â€“ fine."))
    cleaned = clean.repair_mojibake(doc)
    assert paragraphs(cleaned) == ["The patient’s café visit – fine."]
    assert Repair("mojibake", "â€™", "’", 1) in cleaned.repairs
    assert Repair("mojibake", "Ã©", "é", 1) in cleaned.repairs


def test_an_a_grave_whose_no_break_space_became_a_space_is_repaired():
    doc = doc_of(Paragraph("Ouvert de 9h Ã  18h, prÃ¨s de la gare."))
    cleaned = clean.repair_mojibake(doc)
    assert paragraphs(cleaned) == ["Ouvert de 9h à 18h, près de la gare."]
    assert Repair("mojibake", "Ã ", "à", 1) in cleaned.repairs


def test_real_accented_and_cyrillic_text_is_not_treated_as_mojibake():
    doc = doc_of(Paragraph("Crème brûlée, Müller, Ðakovo and мышцы спины."))
    assert clean.repair_mojibake(doc) == doc


# --- entities --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "broken, repaired",
    [
        (
            "Oxygen starvation # 8211, it is a lack of blood",
            "Oxygen starvation – it is a lack of blood",
        ),
        ("myalgia # 8211 is not the only cause", "myalgia – is not the only cause"),
        ("Lumbago #8211, acute pain", "Lumbago – acute pain"),
        ("It# 8217s worth it", "It’s worth it"),
        ("weeks 2&#8211;6", "weeks 2–6"),
        ("pain &amp;#8211; stiffness", "pain – stiffness"),
        ("pain &amp;mdash; stiffness", "pain — stiffness"),
        ("pain&nbsp;relief", "pain relief"),
        ("and so on&hellip", "and so on…"),
        ("the # 8220gears# 8221 of the muscle", "the “gears” of the muscle"),
    ],
)
def test_broken_entities_become_the_characters(broken, repaired):
    assert paragraphs(clean.repair_entities(doc_of(Paragraph(broken)))) == [repaired]


def test_hash_numbers_that_are_not_entities_stay():
    doc = doc_of(Paragraph("Room #101, exercise #3 and R&D; stay."))
    assert clean.repair_entities(doc) == doc


def test_entity_repairs_reach_headings_titles_items_and_html_and_are_counted_once():
    doc = Document(
        title="Myositis # 8211, causes",
        sections=[
            Section(
                "Myositis # 8211, causes",
                1,
                [
                    Paragraph("a # 8211 b", "<strong>a</strong> # 8211 b"),
                    ListBlock(False, [ListItem("x &amp;#8211; y")]),
                ],
            )
        ],
    )
    cleaned = clean.repair_entities(doc)
    assert cleaned.title == cleaned.sections[0].heading == "Myositis – causes"
    paragraph, listing = cleaned.sections[0].blocks
    assert paragraph.html == "<strong>a</strong> – b"
    assert listing.items[0].text == "x – y"
    assert Repair("entity", "# 8211", "–", 2) in cleaned.repairs
    assert Repair("entity", "&amp;#8211;", "–", 1) in cleaned.repairs


# --- whitespace ------------------------------------------------------------------------


def test_whitespace_and_punctuation_spacing_are_normalised_in_one_record():
    doc = doc_of(
        Paragraph("Rest\u00a0and  heat , then ice.Then move .", "Rest\u00a0and  <em>heat</em> ."),
        Paragraph("Version 1.5 and nhs.uk and e.g. ibuprofen stay."),
    )
    cleaned = clean.normalise_whitespace(doc)
    first, second = cleaned.sections[0].blocks
    assert first.text == "Rest and heat, then ice. Then move."
    assert first.html == "Rest and <em>heat</em>."
    assert second.text == "Version 1.5 and nhs.uk and e.g. ibuprofen stay."
    (repair,) = cleaned.repairs
    assert repair.kind == "whitespace" and repair.count == 5


def test_a_sentence_glued_to_cyrillic_text_gets_its_space():
    doc = doc_of(Paragraph("распределения нагрузки.To avoid pain, rest."))
    assert paragraphs(clean.normalise_whitespace(doc)) == [
        "распределения нагрузки. To avoid pain, rest."
    ]


# --- labels before the title ---------------------------------------------------------


def test_short_lines_before_the_title_are_dropped_as_chrome():
    doc = Document(
        title="Sciatica",
        sections=[
            Section("", 1, [Paragraph("Useful Tips"), Paragraph(ENGLISH)]),
            Section("Sciatica", 1, [Paragraph(ENGLISH)]),
        ],
    )
    cleaned = clean.drop_labels_before_title(doc)
    assert cleaned.sections[0].blocks == [Paragraph(ENGLISH)]
    assert cleaned.dropped == [Dropped("chrome: label before the title", "Useful Tips")]


# --- chrome by wording -------------------------------------------------------------------


def test_a_promotional_lead_drops_with_the_list_it_introduces():
    items = [ListItem("Lessons on treating back pain"), ListItem("Our guide to posture")]
    lead = "By the way, you may also be interested in the following FREE materials:"
    doc = doc_of(Paragraph(ENGLISH), Paragraph(lead), ListBlock(False, items, lead=lead))
    cleaned = clean.drop_chrome(doc)
    assert cleaned.sections[0].blocks == [Paragraph(ENGLISH)]
    assert cleaned.dropped == [
        Dropped("chrome: promotional", lead),
        Dropped("chrome: promotional", "Lessons on treating back pain\nOur guide to posture"),
    ]


def test_a_list_of_mostly_promotional_items_drops_whole_with_its_lead():
    items = [
        ListItem("Free lessons from a certified doctor"),
        ListItem("Watch the video at this link"),
        ListItem("Ten nutrients for the spine"),
    ]
    doc = doc_of(Paragraph("Useful materials:"), ListBlock(False, items, lead="Useful materials:"))
    cleaned = clean.drop_chrome(doc)
    assert cleaned.sections[0].blocks == []
    assert [d.text for d in cleaned.dropped] == [
        "Useful materials:",
        "Free lessons from a certified doctor\n"
        "Watch the video at this link\n"
        "Ten nutrients for the spine",
    ]


def test_one_promotional_item_in_a_medical_list_drops_alone():
    items = [
        ListItem("Rest"),
        ListItem("Heat"),
        ListItem("Ice"),
        ListItem("Buy now: our heat belt"),
    ]
    cleaned = clean.drop_chrome(doc_of(ListBlock(False, items)))
    assert [i.text for i in cleaned.sections[0].blocks[0].items] == ["Rest", "Heat", "Ice"]
    assert cleaned.dropped == [Dropped("chrome: promotional", "Buy now: our heat belt")]


def test_a_short_promotional_paragraph_drops_whole():
    text = "Want to learn more? Watch the video of our course."
    cleaned = clean.drop_chrome(doc_of(Paragraph(text), Paragraph(ENGLISH)))
    assert paragraphs(cleaned) == [ENGLISH]
    assert cleaned.dropped == [Dropped("chrome: promotional", text)]


def test_a_long_paragraph_loses_only_its_promotional_sentence():
    text = f"{ENGLISH} Rest helps too. Heat helps. For our plans, click here."
    cleaned = clean.drop_chrome(doc_of(Paragraph(text, f"<em>{text}</em>")))
    (paragraph,) = cleaned.sections[0].blocks
    assert paragraph.text == f"{ENGLISH} Rest helps too. Heat helps."
    assert paragraph.html == f"<em>{ENGLISH} Rest helps too. Heat helps.</em>"
    assert cleaned.dropped == [Dropped("chrome: promotional", "For our plans, click here.")]


@pytest.mark.parametrize(
    "text",
    [
        "Share on Facebook",
        "We use cookies to give you the best experience.",
        "Leave a comment",
        "Read also: ten tips for a healthy spine",
        "Advertisement",
        "Home > Conditions > Sciatica",
        "Get 20% discount on orthopaedic pillows",
    ],
)
def test_chrome_wording_is_recognised(text):
    assert clean.chrome_reason(text).startswith("chrome: ")


@pytest.mark.parametrize(
    "text",
    [
        "In your free time, walk and swim.",
        "Physiotherapy is free on the NHS for most people.",
        "Unsubscribing from stress is not possible.",
    ],
)
def test_ordinary_medical_prose_is_not_chrome(text):
    assert clean.chrome_reason(text) == ""


def test_a_section_headed_like_chrome_drops_whole():
    comments = Section("3 Comments", 2, [Paragraph("Great article!")])
    doc = doc_of(Paragraph(ENGLISH), extra_sections=[comments])
    cleaned = clean.drop_chrome(doc)
    assert [s.heading for s in cleaned.sections] == ["Sciatica"]
    assert cleaned.dropped == [Dropped("chrome: comments", "3 Comments\nGreat article!")]


# --- other languages ---------------------------------------------------------------------


RUSSIAN = "Это может быть и лечение медицинскими средствами. Часто боль возникает от нагрузки."


def test_russian_sentences_inside_an_english_paragraph_are_flagged_and_removed():
    mixed = f"They treat muscle pain in many ways. {RUSSIAN} To avoid pain, rest."
    cleaned = clean.flag_other_languages(doc_of(Paragraph(ENGLISH), Paragraph(mixed)))
    assert paragraphs(cleaned) == [
        ENGLISH,
        "They treat muscle pain in many ways. To avoid pain, rest.",
    ]
    (flag,) = cleaned.flags
    assert (flag.kind, flag.language, flag.text) == ("non_english", "ru", RUSSIAN)
    assert cleaned.language == "en"


def test_a_german_paragraph_in_an_english_article_is_flagged():
    german = (
        "Bei starken Schmerzen sollten Sie sich nicht zu lange schonen, "
        "sondern sich vorsichtig bewegen und bei Bedarf einen Arzt aufsuchen."
    )
    doc = doc_of(Paragraph(ENGLISH), Paragraph(german), Paragraph(ENGLISH))
    cleaned = clean.flag_other_languages(doc)
    assert paragraphs(cleaned) == [ENGLISH, ENGLISH]
    assert [(f.kind, f.language, f.text) for f in cleaned.flags] == [("non_english", "de", german)]


def test_a_spanish_sentence_is_flagged_with_its_language():
    spanish = "La actividad física regular es la mejor manera de prevenir el dolor de espalda."
    cleaned = clean.flag_other_languages(doc_of(Paragraph(f"{ENGLISH} {spanish}")))
    assert paragraphs(cleaned) == [ENGLISH]
    assert cleaned.flags[0].language == "es"


def test_foreign_words_and_names_inside_english_sentences_are_not_flagged():
    doc = doc_of(
        Paragraph(
            "Patients call it «прострел» or lumbago. Dr Müller of the Klinik für Orthopädie "
            "in München agrees that rest helps. The Spanish call it the dolor de espalda."
        )
    )
    cleaned = clean.flag_other_languages(doc)
    assert cleaned.flags == []
    assert paragraphs(cleaned) == paragraphs(doc)


def test_a_foreign_list_item_is_flagged_and_removed():
    doc = doc_of(
        Paragraph(ENGLISH), ListBlock(False, [ListItem("Rest"), ListItem("Массаж спины и шеи")])
    )
    cleaned = clean.flag_other_languages(doc)
    assert [i.text for i in cleaned.sections[0].blocks[1].items] == ["Rest"]
    assert cleaned.flags[0].language == "ru"


def test_a_german_article_sets_its_language_and_flags_english_as_other_language():
    german = (
        "Rückenschmerzen sind sehr häufig und haben meist keine ernste Ursache. "
        "Die meisten Beschwerden gehen nach einigen Wochen von selbst zurück."
    )
    english = "Most back pain gets better on its own within a few weeks of gentle activity."
    cleaned = clean.flag_other_languages(
        doc_of(Paragraph(german), Paragraph(english), title="Rückenschmerzen")
    )
    assert cleaned.language == "de"
    assert [(f.kind, f.language) for f in cleaned.flags] == [("other_language", "en")]


# --- truncated ending ------------------------------------------------------------------


def test_a_last_sentence_cut_off_mid_way_is_flagged_and_removed():
    doc = doc_of(
        Paragraph(ENGLISH), Paragraph("Most people recover. Some find that it comes back from")
    )
    cleaned = clean.flag_truncated_ending(doc)
    assert paragraphs(cleaned) == [ENGLISH, "Most people recover."]
    assert [(f.kind, f.text) for f in cleaned.flags] == [
        ("truncated", "Some find that it comes back from")
    ]


def test_a_last_sentence_ending_in_a_colon_is_flagged_and_leaves_no_empty_block():
    doc = doc_of(Paragraph(ENGLISH), Paragraph("A few practical tips follow:"))
    cleaned = clean.flag_truncated_ending(doc)
    assert cleaned.sections[0].blocks == [Paragraph(ENGLISH)]
    assert cleaned.flags[0].text == "A few practical tips follow:"


def test_the_last_line_of_a_care_card_without_a_full_stop_is_kept():
    card = Section(
        heading="Call 999 or go to A&E if:",
        level=3,
        blocks=[Paragraph("you suddenly have numbness around your bottom or genitals")],
    )
    doc = doc_of(Paragraph(ENGLISH), extra_sections=[card])
    cleaned = clean.flag_truncated_ending(doc)
    assert cleaned.flags == []
    assert cleaned.sections[-1].blocks == card.blocks


def test_a_complete_ending_or_a_final_list_is_not_flagged():
    assert clean.flag_truncated_ending(doc_of(Paragraph(ENGLISH))).flags == []
    ending_list = doc_of(Paragraph("Try:"), ListBlock(False, [ListItem("rest")]))
    assert clean.flag_truncated_ending(ending_list).flags == []


# --- empty sections --------------------------------------------------------------------


def test_empty_blocks_and_sections_are_dropped_but_parents_of_subsections_stay():
    doc = doc_of(
        Paragraph(ENGLISH),
        Paragraph("  "),
        ListBlock(False, []),
        extra_sections=[
            Section("Treatment", 2, []),
            Section("Medicines", 3, [Paragraph("Ibuprofen helps.")]),
            Section("Empty at the end", 2, []),
        ],
    )
    cleaned = clean.drop_empty_sections(doc)
    assert [s.heading for s in cleaned.sections] == ["Sciatica", "Treatment", "Medicines"]
    assert cleaned.sections[0].blocks == [Paragraph(ENGLISH)]
    assert cleaned.dropped == [Dropped("empty section", "Empty at the end")]


# --- the whole pipeline ------------------------------------------------------------------


def run_pipeline(raw: bytes, name: str):
    return clean_document(parse_source(load_source(raw, name, max_bytes=5 * 1024 * 1024)))


def test_the_source_article_end_to_end(source_article_bytes):
    doc = run_pipeline(source_article_bytes, "source_article.txt")
    assert doc.title.endswith("?") and "Useful Tips" not in texts(doc)
    assert Dropped("chrome: label before the title", "Useful Tips") in doc.dropped
    assert "FREE" not in texts(doc) and "Free lessons" not in texts(doc)
    promo = [d for d in doc.dropped if "Free lessons" in d.text]
    assert promo and promo[0].text.count("\n") == 4  # the whole five-item list
    assert any("FREE materials:" in d.text for d in doc.dropped)
    assert "# 8211" not in texts(doc) and "#8211" not in texts(doc)
    russian = [f for f in doc.flags if f.kind == "non_english"]
    assert len(russian) == 2 and {f.language for f in russian} == {"ru"}
    assert all(f.text not in texts(doc) for f in russian)
    assert not any("\u0400" <= char <= "\u04ff" for char in texts(doc))
    (truncated,) = [f for f in doc.flags if f.kind == "truncated"]
    assert truncated.text.endswith(":") and truncated.text not in texts(doc)
    assert all(block.text.strip() for _, block in doc.iter_blocks() if isinstance(block, Paragraph))
    lists = [block for _, block in doc.iter_blocks() if isinstance(block, ListBlock)]
    nine = [b for b in lists if len(b.items) == 9]
    assert len(nine) == 1 and nine[0].ordered
    (methods,) = [b for b in lists if b.lead == "Additional treatment methods include:"]
    assert len(methods.items) == 5 and methods.ordered
    assert doc.language == "en"


FIXTURES = sorted(p for p in ARTICLES.iterdir() if not p.name.endswith(".expected.json"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.name)
def test_fixture_articles_match_their_expected_parse_and_clean_results(path):
    expected = json.loads(path.with_name(f"{path.stem}.expected.json").read_text())
    doc = run_pipeline(path.read_bytes(), path.name)
    assert doc.title == expected["title"]
    dropped = "\n".join(d.text for d in doc.dropped)
    for text in expected["dropped_contains"]:
        assert text in dropped, text
    flags = [
        {"kind": f.kind, **({"language": f.language} if f.language else {})} for f in doc.flags
    ]
    assert sorted(flags, key=str) == sorted(expected["flags"], key=str)
    for text in expected["absent_text"]:
        assert text not in texts(doc), text


def test_a_contents_section_loses_its_list_but_not_the_story_after_it():
    contents = Section(
        heading="In this issue",
        level=2,
        blocks=[
            ListBlock(
                ordered=False,
                items=[ListItem("Why does my neck click?"), ListItem("New opening hours")],
            ),
            Paragraph(ENGLISH),
        ],
    )
    doc = clean_document(doc_of(Paragraph(ENGLISH), extra_sections=[contents]))

    assert paragraphs(doc).count(ENGLISH) == 2, "the story after the contents stays"
    assert "New opening hours" not in texts(doc)
    assert any(d.reason == "chrome: table of contents" for d in doc.dropped)


def _contents_by_later_headings(doc):
    """Which lists are contents by the plain definition: the headings of every later
    section, gathered for each section."""
    found = []
    for index, section in enumerate(doc.sections):
        later = {
            clean.heading_key(after.heading) for after in doc.sections[index + 1 :] if after.heading
        }
        for block in section.blocks:
            if isinstance(block, ListBlock) and later and len(block.items) >= 3:
                named = sum(1 for item in block.items if clean.heading_key(item.text) in later)
                if named >= clean.CONTENTS_SHARE * len(block.items):
                    found.append(clean.block_text(block))
    return found


def test_contents_lists_are_those_naming_headings_of_later_sections():
    def listing(*names):
        return ListBlock(ordered=False, items=[ListItem(name) for name in names])

    names = ("Causes", "2. Treatment", "Exercises!", "Outlook")
    sections = [
        Section(heading="", level=2, blocks=[listing(*names[:3])]),
        Section(heading="Causes", level=2, blocks=[listing(*names[1:])]),
        Section(heading="Treatment", level=2, blocks=[listing(*names), listing(*names[:3])]),
        # "Causes" again: a heading of an earlier section that comes back later.
        Section(heading="Exercises", level=2, blocks=[listing("Causes", "Outlook", "Causes")]),
        Section(heading="Outlook", level=2, blocks=[listing(*names), Paragraph(ENGLISH)]),
        # "?" and "..." name the heading "!": no words, as none are left of it.
        Section(heading="", level=2, blocks=[listing("Causes", "?", "...")]),
        Section(heading="Causes", level=2, blocks=[listing(*names)]),
        Section(heading="!", level=2, blocks=[listing("?", "...", "Outlook")]),
    ]
    for count in range(len(sections) + 1):
        doc = Document(title="Back pain", sections=sections[:count])
        expected = _contents_by_later_headings(doc)
        dropped = [
            d.text
            for d in clean.drop_contents_lists(doc).dropped
            if d.reason == "chrome: table of contents"
        ]
        assert dropped == expected, count
    assert len(expected) == 4


# --- letters a scan confused ------------------------------------------------------------

needs_lexicon = pytest.mark.skipif(
    __import__("importlib.util").util.find_spec("lemminflect") is None,
    reason="the optional nlp extra's lexicon tells a misread word from a real one",
)

#: A leaflet read off a scan: "rn" for "m", ones for "l" and "i", a small "l" among
#: capitals; the names of people and conditions are left as they are.
SCANNED = (
    "MEDlCAL LEAFLET\n\nBack pain in o1d age is norrnal and usually settles. Your"
    " hosp1tal team will give you inforrnation about a fine trernor too. Horner"
    " syndrome and L4/5 discs are explained at 10am by Dr Byrne.\n"
)


@needs_lexicon
def test_words_a_scan_misread_are_put_back_and_recorded():
    doc = run_pipeline(SCANNED.encode(), "scan.txt")
    text = " ".join([doc.title, *(b.text for _, b in doc.iter_blocks())])
    for right in ("old age is normal", "hospital team", "information", "tremor"):
        assert right in text
    for kept in ("Horner syndrome", "L4/5", "10am", "Byrne"):
        assert kept in text
    assert "MEDICAL" in doc.title or "MEDICAL" in text
    repairs = {(r.from_, r.to) for r in doc.repairs if r.kind == "scanned letters"}
    assert ("inforrnation", "information") in repairs


@needs_lexicon
def test_a_lone_rare_word_is_no_sign_of_a_scan():
    # "rn" alone, once: a rare word or a name, not a misread letter.
    source = b"Back pain\n\nDr Kearney sees you about the sternal pain and a barn fall.\n"
    doc = run_pipeline(source, "letter.txt")
    assert not [r for r in doc.repairs if r.kind == "scanned letters"]
