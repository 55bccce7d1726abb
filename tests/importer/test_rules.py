"""Rules are data plus small functions, and a site can extend them without forking."""

import pytest

from back_health.importer.classify import classify
from back_health.importer.document import Document, ListBlock, ListItem, Paragraph, Section
from back_health.importer.plan import SourceInfo
from back_health.importer.rules import Classification, RuleSet, default_rules

SOURCE = SourceInfo(name="t.md", sha256="0" * 64, format="markdown", bytes=1)


def _titles(plan, kind):
    return {page.title for page in plan.pages if page.kind == kind}


def test_default_rules_are_built_once_from_the_data_files():
    rules = default_rules()
    assert rules is default_rules()
    assert rules.medicines["mydocalm"].generic == "tolperisone"
    assert any(term.name == "Massage" for term in rules.treatment_terms)
    assert rules.cue("severity_emergency", "Call 999 now") == "Call 999"


def test_shipped_medicine_vocabulary_maps_brands_to_generic_names():
    rules = default_rules()
    expected = {
        "Midocalm": "tolperisone",
        "Sirdalud": "tizanidine",
        "Voltarol": "diclofenac",
        "Mobic": "meloxicam",
        "Brufen": "ibuprofen",
        "Tylenol": "paracetamol",
        "Naprosyn": "naproxen",
        "Celebrex": "celecoxib",
        "Lyrica": "pregabalin",
        "Neurontin": "gabapentin",
        "Flexeril": "cyclobenzaprine",
        "Valium": "diazepam",
        "Lioresal": "baclofen",
        "Arcoxia": "etoricoxib",
        "Ketonal": "ketoprofen",
        "Nise": "nimesulide",
        "Diprospan": "betamethasone",
        "Kenalog": "triamcinolone",
        "Milgamma": "vitamin B complex",
        "Ultram": "tramadol",
    }
    for brand, generic in expected.items():
        found = rules.find_medicines(f"She was given {brand.lower()} yesterday.")
        assert [info.generic for info, _ in found] == [generic], brand


def test_medicines_match_on_word_boundaries_only():
    assert default_rules().find_medicines("The nisei and advilish words are not brands.") == []


def test_with_medicines_returns_a_new_ruleset_that_knows_the_brand():
    rules = default_rules().with_medicines({"Brandex": "ibuprofen"})
    assert isinstance(rules, RuleSet) and rules is not default_rules()
    [(info, _)] = rules.find_medicines("Take Brandex with food.")
    assert info.generic == "ibuprofen"
    assert info.drug_class.startswith("non-steroidal")
    assert default_rules().find_medicines("Take Brandex with food.") == []


def test_extend_adds_cue_patterns_to_a_category():
    rules = default_rules().extend(cues={"heading_causes": [r"\bwhat winds it up\b"]})
    assert rules.cue("heading_causes", "What winds it up") == "What winds it up"
    assert default_rules().cue("heading_causes", "What winds it up") is None


def test_extend_accepts_rules_given_as_a_list():
    def rule(part, context):
        return None

    assert default_rules().extend([rule]).extra_rules == (rule,)


def test_an_extra_rule_is_asked_before_the_built_in_rules():
    class PilatesIsExercise:
        name = "pilates-is-exercise"

        def __call__(self, part, context):
            if part.kind == "section" and "pilates" in part.text.lower():
                return Classification("exercise_list", because="clinic offers Pilates classes")
            return None

    document = Document(
        title="What is sciatica?",
        sections=[
            Section("", 2, [Paragraph("Sciatica is pain along the sciatic nerve in the leg.")]),
            Section(
                "Pilates for your back",
                2,
                [
                    ListBlock(
                        False,
                        [
                            ListItem("Pelvic tilt: Lie on your back and tilt the pelvis."),
                            ListItem("Cat stretch: Kneel on all fours and arch the back."),
                        ],
                    )
                ],
            ),
        ],
    )
    plan = classify(document, SOURCE, rules=default_rules().extend(PilatesIsExercise()))
    [block] = [b for b in plan.main_page.blocks if b.type == "exercise_list"]
    assert [e["name"] for e in block.value["exercises"]] == ["Pelvic tilt", "Cat stretch"]
    assert any(d.because.startswith("rule pilates-is-exercise") for d in plan.decisions)


def test_a_sentence_rule_can_mark_a_site_phrase_as_a_cause():
    def desk_jobs(part, context):
        if part.kind == "sentence" and "call-centre work" in part.text:
            return Classification("cause", name="Call-centre work", because="site phrase")
        return None

    document = Document(
        title="What is sciatica?",
        sections=[Section("", 2, [Paragraph("Long call-centre work shifts make it worse.")])],
    )
    plan = classify(document, SOURCE, rules=default_rules().extend(desk_jobs))
    assert "Call-centre work" in _titles(plan, "cause")
    assert [r.title for r in plan.main_page.causes] == ["Call-centre work"]


def test_synonyms_fold_names_into_one_entity():
    from back_health.importer.names import name_key

    rules = default_rules()
    assert name_key("massotherapy", rules) == name_key("Massage", rules)
    assert name_key("disc herniation", rules) == name_key("Intervertebral hernia", rules)
    assert name_key("herniated discs", rules) == name_key("intervertebral hernia", rules)


@pytest.mark.parametrize(
    ("wording", "name"),
    [
        ("sitting for long periods", "Prolonged sitting"),
        ("carrying extra weight", "Obesity"),
        ("a sedentary lifestyle", "Physical inactivity"),
        ("family history", "Genetic factors"),
        ("arthritis of the facet joints", "Facet joint arthritis"),
    ],
)
def test_common_causes_worded_differently_are_one_entity(wording, name):
    from back_health.importer.names import entity_key, preferred_title

    rules = default_rules()
    assert entity_key(wording, rules) == entity_key(name, rules)
    assert preferred_title(wording, rules) == name


def test_one_entity_key_for_classifier_and_writer():
    """The classifier and the writer share one key: wording that differs only by
    article, plural, case or punctuation names one entity."""
    from back_health.importer.names import entity_key
    from back_health.imports import writer

    assert entity_key("Sports injuries") == entity_key("a sports injury")
    assert entity_key("Back-pain") == entity_key("back pain")
    assert writer.normalise_name("sports injuries") == writer.normalise_name("A sports injury")
    assert entity_key("Sciatica") != entity_key("Scoliosis")


def test_site_rule_set_is_built_once_while_the_settings_stay(settings):
    """Building a RuleSet compiles every cue; the site's set is reused until its
    settings change, and then rebuilt with them."""
    from back_health.imports.registry import get_import_rules

    first = get_import_rules()
    assert get_import_rules() is first
    settings.BACK_HEALTH = {"MEDICINES": {"Brandol": "paracetamol"}}
    changed = get_import_rules()
    assert changed is not first
    assert changed.find_medicines("Take Brandol")


def test_cue_exceptions_void_the_matches_they_overlap():
    """'<category>_except' patterns are data: a site can add one, and a cue they
    overlap no longer counts while other matches in the same text still do."""
    rules = default_rules()
    assert rules.cue("severity_caution", "Do not lift heavy objects.")
    assert rules.cue("severity_caution", "Don't worry if it clicks.") is None
    site = rules.extend(cues={"severity_caution_except": [r"\bdo not lift\b"]})
    assert site.cue("severity_caution", "Do not lift heavy objects.") is None
    assert site.cue("severity_caution", "Do not lift it, and never twist.")


@pytest.mark.parametrize(
    "heading",
    [
        "What can I do?",
        "What should you do",
        "Things you can do",
        "What helps",
        "Self-care",
        "Alternatives",
        "Alternatives to surgery",
        "Other options",
    ],
)
def test_self_care_headings_open_a_treatments_section(heading):
    from back_health.importer.classify.topics import heading_topic

    assert heading_topic(heading, default_rules())[0] == "treatments"


def test_a_question_about_something_else_is_no_treatments_heading():
    from back_health.importer.classify.topics import heading_topic

    assert heading_topic("What can cause it?", default_rules())[0] == "causes"
    assert heading_topic("What is it?", default_rules())[0] == ""


@pytest.mark.parametrize(
    "label",
    ["SELF-CARE SHEET", "Exercise handout", "BONE HEALTH INFORMATION", "Information for patients"],
)
def test_a_series_label_is_a_placeholder_title(label):
    # "SELF-CARE SHEET" between a practice's letterhead and "BACK PAIN AT NIGHT" names
    # the kind of document, never its subject.
    assert default_rules().cue("title_placeholder", label)


@pytest.mark.parametrize("title", ["Back pain at night", "Sciatica information evening"])
def test_a_title_naming_its_subject_is_no_placeholder(title):
    assert not default_rules().cue("title_placeholder", title)
