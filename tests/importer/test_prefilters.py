"""Short cuts that skip work must never change what is found: each is checked here against
the plain way of doing the same thing."""

import re

import pytest

from back_health.importer.classify.context import PageRegistry
from back_health.importer.clean import chrome_candidates, chrome_reason
from back_health.importer.plan import ArticlePlan, Kind, SourceInfo
from back_health.importer.rules import default_rules

SENTENCES = [
    "Take paracetamol or ibuprofen for a few days.",
    "Co-codamol combines codeine and paracetamol; Devil's claw is a herbal remedy.",
    "PARACETAMOL 500 mg and Voltarol gel were tried, then Atasol-30.",
    "Acid reflux and vitamin complex: nothing here is a medicine name.",
    "Солпадеин is sold in Russia; so is Mydocalm.",
    "A long ſ in a word, and an Ibuprofen-like drug.",
    "Naproxen sodium (Aleve) or naproxen alone.",
    "",
]


def _whole_alternation(rules):
    names = sorted(rules.medicines, key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(name) for name in names) + r")(?![\w-])",
        re.IGNORECASE,
    )


@pytest.mark.parametrize("sentence", SENTENCES)
def test_medicines_found_are_those_of_the_whole_name_list(sentence):
    rules = default_rules().with_medicines({"Devil's claw": "harpagophytum"})
    expected = [m.span() for m in _whole_alternation(rules).finditer(sentence)]
    found = [match.span() for _info, match in rules.find_medicines(sentence)]
    assert found == expected


def test_the_longest_medicine_name_wins_where_two_start_together():
    rules = default_rules().with_medicines({"Painaway": "ibuprofen", "Painaway Forte": "naproxen"})
    found = rules.find_medicines("Painaway Forte twice a day")
    assert [(info.generic, match.group(0)) for info, match in found] == [
        ("naproxen", "Painaway Forte")
    ]


@pytest.mark.parametrize(
    "category,text",
    [
        ("heading_causes", "What causes back pain and who is at risk"),
        ("heading_treatments", "Treatment options for sciatica"),
        ("title_genre", "Sciatica: a complete guide and FAQ"),
        ("heading_prefix", "Causes of lumbago"),
        ("heading_symptoms", "Lumbago"),
    ],
)
def test_removing_cues_equals_substituting_every_pattern_in_turn(category, text):
    rules = default_rules()
    expected = text
    for pattern in rules.cue_patterns(category):
        expected = pattern.sub(" ", expected)
    assert rules.remove_cues(category, text) == expected


def test_removing_cues_once_equals_substituting_once():
    rules = default_rules()
    text = "How to treat sciatica: how to treat it at home"
    expected = text
    for pattern in rules.cue_patterns("heading_prefix"):
        expected = pattern.sub("", expected, count=1)
    assert rules.remove_cues("heading_prefix", text, "", count=1) == expected


def test_body_regions_are_those_whose_patterns_match_in_region_order():
    rules = default_rules()
    text = "Pain in the lower back spreads to the buttock; the neck is spared. Thoracic? No."
    expected = [region.slug for region, pattern in rules._regions[0] if pattern.search(text)]
    assert rules.regions_in(text) == expected
    assert rules.regions_in(text) == ["neck", "middle-back", "lower-back", "pelvis-and-sacrum"]


def test_pages_named_by_the_opening_words_come_in_the_order_first_seen():
    rules = default_rules()
    plan = ArticlePlan(source=SourceInfo("t.md", "0" * 64, "markdown", 1), title="")
    pages = PageRegistry(rules, plan)
    syndrome = pages.entity(Kind.CONDITION, "Wobbly chair syndrome")
    chair = pages.entity(Kind.CAUSE, "Wobbly chair")
    pages.entity(Kind.TREATMENT, "Massage")
    key = "wobbly chair syndrome is rarely serious"
    assert [page for _key, page in pages.opening(key)] == [syndrome, chair]
    scanned = [page for k, page in pages.items() if key == k or key.startswith(k + " ")]
    assert [page for _key, page in pages.opening(key)] == scanned
    assert pages.opening("massages help") == []


def test_chrome_candidates_include_every_text_that_is_chrome_on_its_own():
    texts = [
        "Share this article on Facebook",
        "Book your appointment online today!",
        "Back pain usually settles within six weeks.",
        "Copyright 2024 Example Clinic",
        "Print this page",
        "Call 0123 456 7890",
        "Stretch gently; stop if it hurts.",
    ] + [f"Paragraph {n} about posture at the desk." for n in range(30)]
    chrome = {text for text in texts if chrome_reason(text)}
    assert chrome  # the examples hold chrome
    assert chrome <= chrome_candidates(texts)
    assert "Back pain usually settles within six weeks." not in chrome_candidates(texts)
