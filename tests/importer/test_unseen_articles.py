"""Whole articles in formats and styles no other fixture has, through the real import.

Each fixture in ``tests/fixtures/unseen/`` is original prose written the way another kind
of site writes (a WordPress export, a CMS table, Markdown with front matter, an e-mail
newsletter, Windows-1252 and Latin-1 bytes, machine translation, an FAQ...). The
assertions are what a clinic's content editor would expect the importer to make of it.
"""

from pathlib import Path

import pytest

from back_health.imports.service import analyse

UNSEEN = Path(__file__).resolve().parent.parent / "fixtures" / "unseen"


def analysed(name):
    return analyse((UNSEEN / name).read_bytes(), name)


def related(plan, field_name):
    return {r.title for r in getattr(plan.main_page, field_name)}


def warnings_of(plan):
    return [b.value for p in plan.pages for b in p.blocks if b.type == "warning"]


def severities(plan):
    return {w["severity"] for w in warnings_of(plan)}


def exercises_of(plan):
    lists = [b.value for p in plan.pages for b in p.blocks if b.type == "exercise_list"]
    return {e["name"]: e["dose"] for value in lists for e in value["exercises"]}, lists


def dropped_reasons(plan):
    return {d.reason for d in plan.dropped}


def all_text(plan):
    parts = []
    for page in plan.pages:
        parts.extend([page.title, page.summary])
        parts.extend(str(b.value) for b in page.blocks)
    return " ".join(parts)


def assert_no_empty_blocks(plan):
    for value in warnings_of(plan):
        assert value["text"] or value["items"], value
    for value in exercises_of(plan)[1]:
        assert value["heading"] and value["exercises"], value


def test_wordpress_export_keeps_the_post_and_drops_widgets_author_box_and_promos():
    plan = analysed("wordpress-ankylosing-spondylitis.html")
    assert plan.main_page.title == "Ankylosing spondylitis"
    # The subject's later clause ("parts of the spine become inflamed") is no name.
    assert not any("Inflamed" in name for name in plan.main_page.alternate_names)
    causes = related(plan, "causes")
    assert {"HLA-B27", "Inflammatory bowel disease"} <= causes
    family = next(p for p in plan.pages if p.title.startswith("Family history"))
    assert family.kind == "cause"  # a risk factor, not the condition it mentions
    assert {"Physiotherapy", "Ibuprofen", "Naproxen", "Adalimumab"} <= related(plan, "treatments")
    adalimumab = next(p for p in plan.pages if p.title == "Adalimumab")
    assert adalimumab.medicines[0].brands == ["Humira"]
    assert severities(plan) == {"see_doctor", "emergency"}
    reasons = " ".join(dropped_reasons(plan))
    for chrome in ("byline", "related posts", "share buttons", "sidebar", "comments"):
        assert chrome in reasons
    text = all_text(plan)
    assert "About the author" not in text and "Sarah Patel" not in text
    assert "💪" not in text and "🧘" not in text
    assert not any(f.kind == "truncated" for f in plan.flags)  # "👁️" ended a sentence
    assert_no_empty_blocks(plan)


def test_cms_table_of_symptoms_and_causes_gives_the_causes_column():
    plan = analysed("cms-facet-joint-pain.html")
    assert plan.main_page.title == "Facet joint pain"
    assert related(plan, "causes") == {
        "Facet joint arthritis",
        "Wear and tear of the spine",
        "Facet joint injury",
    }
    assert not any("leaning backwards" in c for c in related(plan, "causes"))
    treatments = related(plan, "treatments")
    assert {"Physiotherapy", "Paracetamol", "Facet joint injections"} <= treatments
    # "Do not take ibuprofen if ..." is a caution about a medicine, not a treatment.
    assert "Ibuprofen" not in treatments
    assert severities(plan) == {"caution", "emergency"}
    assert "chrome: navigation" in dropped_reasons(plan)
    assert "Privacy policy" not in all_text(plan)


def test_markdown_front_matter_gives_the_title_and_is_dropped():
    plan = analysed("piriformis-syndrome.md")
    assert plan.main_page.title == "Piriformis syndrome"
    assert "front matter" in dropped_reasons(plan)
    assert "Tom Reyes" not in all_text(plan)
    causes = related(plan, "causes")
    assert {"Sitting for long periods", "Long drives", "Fall onto the buttock"} <= causes
    assert {"Physiotherapy", "Steroid injections"} <= related(plan, "treatments")
    doses, lists = exercises_of(plan)
    assert doses["Piriformis stretch"]["hold_seconds"] == 30
    assert doses["Piriformis stretch"]["repetitions"] == 3  # "x3 each side"
    assert doses["Piriformis stretch"]["per_side"] is True
    assert (doses["Glute bridge"]["sets"], doses["Glute bridge"]["repetitions"]) == (2, 10)
    assert (doses["Clamshells"]["sets"], doses["Clamshells"]["repetitions"]) == (3, 10)
    assert lists[0]["stop_if"]
    assert severities(plan) == {"see_doctor"}


def test_email_newsletter_reads_setext_headings_and_drops_greeting_and_signature():
    plan = analysed("newsletter-work-back-pain.txt")
    assert plan.main_page.title == "Back pain at work"
    assert "Work-related back pain" in plan.main_page.alternate_names
    causes = related(plan, "causes")
    assert {"Lifting heavy loads", "Awkward postures", "Driving for long periods"} <= causes
    assert {"Physiotherapy", "Manual handling training"} <= related(plan, "treatments")
    assert severities(plan) == {"see_doctor"}
    assert {"signature", "chrome: greeting", "chrome: newsletter"} <= dropped_reasons(plan)
    text = all_text(plan)
    for chrome in ("Emma Clarke", "Unsubscribe", "Hi there", "=====", "-----"):
        assert chrome not in text
    assert not any(f.kind == "truncated" for f in plan.flags)


def test_windows_1252_page_keeps_curly_quotes_and_reads_them_in_cues():
    plan = analysed("osteoporosis-fractures-cp1252.html")
    assert plan.main_page.title == "Osteoporotic spinal fractures"
    assert "“compression fracture”" in all_text(plan)
    # "Who’s at risk?" (curly apostrophe) is a causes heading.
    assert {"Low body weight", "Long-term use of steroid tablets"} <= related(plan, "causes")
    assert {"Paracetamol", "Codeine", "Alendronic acid", "Vertebroplasty"} <= related(
        plan, "treatments"
    )
    # "Don’t lift ..." is a caution like "Don't lift ...".
    assert severities(plan) == {"caution", "urgent"}
    assert "chrome: copyright" in dropped_reasons(plan)


def test_latin1_text_flags_and_removes_the_french_paragraph():
    plan = analysed("scoliosis-teenagers-latin1.txt")
    assert plan.main_page.title == "Scoliosis in teenagers"  # not "Teenager scoliosis"
    assert "Scoliosis" not in plan.main_page.alternate_names  # the broader condition
    assert [f.language for f in plan.flags if f.kind == "non_english"] == ["fr"]
    assert "scoliose" not in all_text(plan)
    assert {"Back brace", "Surgery"} <= related(plan, "treatments")
    assert "Cerebral palsy or muscular dystrophy" in related(plan, "causes")
    assert severities(plan) == {"see_doctor"}


def test_machine_translated_page_repairs_entities_and_mojibake():
    plan = analysed("kyphosis-machine-translated.html")
    assert plan.main_page.title == "Kyphosis"  # "Kyphosis &# 8212; the rounded back"
    repaired = {(r.kind, r.from_) for r in plan.repairs}
    assert {("entity", "&# 8212;"), ("mojibake", "â€™"), ("mojibake", "Ã©")} <= repaired
    text = all_text(plan)
    for broken in ("â€", "Ã", "&amp;", "&quot;", "# 8212", "&#"):
        assert broken not in text
    assert "café" in text
    assert "Scheuermann's disease" in related(plan, "causes")
    assert {"Physiotherapy", "Back brace", "Surgery"} <= related(plan, "treatments")
    assert severities(plan) == {"see_doctor"}


def test_faq_questions_become_headings_and_answers_lose_their_label():
    plan = analysed("pregnancy-back-pain-faq.txt")
    assert plan.main_page.title == "Back pain in pregnancy"
    assert "Back pain" not in plan.main_page.alternate_names
    assert not plan.main_page.summary.startswith("A:")
    assert "A: " not in all_text(plan) and "Q: " not in all_text(plan)
    treatments = related(plan, "treatments")
    assert {"Physiotherapy", "Paracetamol"} <= treatments
    assert "Ibuprofen" not in treatments  # "Do not take ibuprofen while you are pregnant"
    # Pelvic girdle pain's causes are not this page's causes.
    assert not any("pelvic joints" in c.lower() for c in related(plan, "causes"))
    assert severities(plan) == {"caution", "urgent", "emergency"}
    assert "chrome: feedback" in dropped_reasons(plan)


def test_warnings_in_aside_and_blockquote_but_not_a_patient_quote():
    plan = analysed("cauda-equina-syndrome.html")
    assert plan.main_page.title == "Cauda equina syndrome"
    assert plan.main_page.alternate_names == []
    emergency = [w for w in warnings_of(plan) if w["severity"] == "emergency"]
    assert len(emergency) == 1 and len(emergency[0]["items"]) == 3
    assert severities(plan) == {"emergency", "urgent"}
    # Causes written as a sentence, each a clean noun phrase.
    assert {"Slipped disc", "Spinal tumour", "Spinal infection"} <= related(plan, "causes")
    # "decompression surgery" is not a laminectomy; "after surgery" refers back to it.
    assert related(plan, "treatments") == {"Decompression surgery", "Physiotherapy"}
    assert_no_empty_blocks(plan)


def test_treatment_steps_are_instructions_not_treatment_names():
    plan = analysed("back-pain-in-children.md")
    assert plan.main_page.title == "Back pain in children"
    treatments = related(plan, "treatments")
    assert {"Paracetamol", "Ibuprofen"} <= treatments
    for instruction in ("Give", "Encourage", "Put", "Lighten"):
        assert not any(t.startswith(instruction) for t in treatments), treatments
    causes = related(plan, "causes")
    assert "Heavy school bag" in causes  # not "Heavy school bag carried"
    assert {"Sports injuries", "Poor posture", "Spondylolysis"} <= causes
    doses, _ = exercises_of(plan)
    assert doses["Cat-camel"]["repetitions"] == 10
    assert doses["Knee to chest"]["hold_seconds"] == 20
    assert doses["Knee to chest"]["per_side"] is True
    assert severities(plan) == {"caution", "see_doctor", "emergency"}


@pytest.mark.parametrize("name", sorted(p.name for p in UNSEEN.iterdir()))
def test_every_unseen_article_imports_without_fragments(name):
    plan = analysed(name)
    assert plan.status == "imported"
    for page in plan.pages[1:]:
        words = page.title.split()
        assert 1 <= len(words) <= 6, page.title
        assert words[0].lower() not in {"give", "put", "take", "try", "do", "go", "call"}
    assert_no_empty_blocks(plan)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2x10.", {"sets": 2, "repetitions": 10}),
        ("Hold 30 sec, x3 each side.", {"hold_seconds": 30, "repetitions": 3, "per_side": True}),
        ("Repeat 10x.", {"repetitions": 10}),
        ("Do it 2x a day.", {"times_per_day": 2, "repetitions": None}),
    ],
)
def test_gym_shorthand_doses_are_read(text, expected):
    from back_health.importer.dose import parse_dose

    dose = parse_dose(text)
    assert {key: dose[key] for key in expected} == expected


def test_a_title_cased_heading_with_small_words_is_sentence_cased():
    from back_health.importer.names import sentence_case

    assert sentence_case("Back Pain at Work") == "Back pain at work"
    # A line set in capitals is sentence-cased; a lone acronym in it is not enough.
    assert sentence_case("BACK PAIN AT WORK") == "Back pain at work"
    assert sentence_case("ACUTE WRY NECK (TORTICOLLIS)") == "Acute wry neck (torticollis)"
    assert sentence_case("NSAIDs and the stomach") == "NSAIDs and the stomach"
    assert sentence_case("Pain in Achilles") == "Pain in Achilles"


def test_a_translated_blog_post_keeps_a_condition_named_with_of():
    plan = analysed("osteochondrosis-blog.txt")
    main = plan.main_page

    # A condition "of" a place keeps its name; only generic words are turned round.
    assert main.title == "Osteochondrosis of the lumbar spine"
    assert {"Sedentary lifestyle", "Excess weight", "Hypothermia"} <= related(plan, "causes")
    brands = {m.generic: m.brands for p in plan.pages for m in p.medicines}
    assert brands["ketoprofen"] == ["Ketonal"] and brands["nimesulide"] == ["Nise"]
    assert {"caution", "emergency"} <= severities(plan)
    assert {"chrome: related posts", "chrome: promotional"} <= dropped_reasons(plan)
    assert [f.language for f in plan.flags if f.kind == "non_english"] == ["ru"]
