"""Short cuts that skip work must never change what is found: each is checked here against
the plain way of doing the same thing."""

import re

import pytest

from back_health.importer import dose as _dose
from back_health.importer.chrome import (
    _anchored_gates,
    chrome_candidates,
    chrome_patterns,
    chrome_reason,
    cut_inline_chrome,
    inline_patterns,
)
from back_health.importer.classify.context import PageRegistry
from back_health.importer.fold import fold_case
from back_health.importer.memo import article_scope, remembered
from back_health.importer.plan import ArticlePlan, Kind, SourceInfo
from back_health.importer.prefilter import (
    Alternatives,
    Dispatch,
    caseless,
    finditer_caseless,
    lower_pattern,
    may_match,
    may_match_all,
    required_all,
    required_literals,
    search_caseless,
    search_folded,
    split_alternatives,
    starts_at_line_start,
    trie_pattern,
)
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


def test_a_pages_texts_are_said_once_each_in_the_order_given():
    rules = default_rules()
    plan = ArticlePlan(source=SourceInfo("t.md", "0" * 64, "markdown", 1), title="")
    pages = PageRegistry(rules, plan)
    cause = pages.entity(Kind.CAUSE, "Poor posture")
    other = pages.entity(Kind.CAUSE, "Heavy lifting")
    for text in ["First.", "Second.", "First.", "Third.", "Second."]:
        pages.add_text(cause, text)
    pages.add_text(other, "Second.")
    assert pages.texts(cause) == ["First.", "Second.", "Third."]
    assert pages.drop_text("Second.", Kind.TREATMENT) == []
    assert pages.drop_text("Second.", Kind.CAUSE) == [cause, other]
    assert pages.texts(cause) == ["First.", "Third."] and pages.texts(other) == []
    assert pages.drop_text("Second.", Kind.CAUSE) == []
    pages.add_text(cause, "Second.")  # dropped, then given again: said again, last
    pages.add_text(cause, "First.")
    assert pages.texts(cause) == ["First.", "Third.", "Second."]


def test_chrome_candidates_include_every_text_that_is_chrome_on_its_own():
    texts = [
        "Share this article on Facebook",
        "Book your appointment online today!",
        "Back pain usually settles within six weeks.",
        "Copyright 2024 Example Clinic",
        "Print this page",
        "Call 0123 456 7890",
        "Stretch gently; stop if it hurts.",
        "By Dr. Jane Example, physiotherapist",
        "Advertisement",
        "Facebook Twitter Email",
        "Home > Conditions > Back pain",
        "Mon - Fri 9am - 5pm",
        "Quote Reply Report",
        "Back pain usually settles.\nCopyright 2024 Example Clinic",
        "-- Jane, sent from my phone",
    ] + [f"Paragraph {n} about posture at the desk." for n in range(30)]
    chrome = {text for text in texts if chrome_reason(text)}
    assert chrome  # the examples hold chrome
    assert chrome <= chrome_candidates(texts)
    assert "Back pain usually settles within six weeks." not in chrome_candidates(texts)
    # In an article scope each text's answer is kept: asked again, in other mixes of
    # texts, the answers are those worked out afresh.
    fresh = [chrome_candidates(part) for part in (texts[:20], texts[10:], texts)]
    with article_scope():
        for part, expected in zip((texts[:20], texts[10:], texts), fresh, strict=True):
            assert chrome_candidates(part) == expected


CUE_TEXTS = [
    *SENTENCES,
    "Call 999 or go to A&E straight away if you lose control of your bladder.",
    "Don’t take ibuprofen if you have had a stomach ulcer; ask your pharmacist first.",
    "See a GP if the pain is not improving after 2 weeks.",
    "Bed rest is not recommended: stay as active as you can.",
    "Sciatica is usually caused by a herniated disc pressing on a nerve.",
    "Types of scoliosis include idiopathic, congenital and neuromuscular scoliosis.",
    "CALL 999 İMMEDİATELY İF YOU CANNOT PEE",
    "ſee a GP if it getſ worſe",
    "Massage, physiotherapy and exercise may help.",
]


@pytest.mark.parametrize("text", CUE_TEXTS)
def test_cues_found_in_an_article_scope_are_those_found_without_one(text):
    rules = default_rules()
    categories = list(rules.cues)
    plain = {category: rules.cue(category, text) for category in categories}
    groups = [tuple(categories[i : i + 5]) for i in range(0, len(categories), 5)]
    plain_groups = [rules.may_cue(group, text) for group in groups]
    parts = [text[: len(text) // 2], text[len(text) // 3 :]]
    plain_parts = [{c: rules.cue(c, part) for c in categories} for part in parts]
    with article_scope():
        for _ in range(2):  # asked again, answered from what the scope remembers
            assert {category: rules.cue(category, text) for category in categories} == plain
            assert [rules.may_cue(group, text) for group in groups] == plain_groups
        # Parts of the sentence scanned last are answered from its scan.
        found = [{c: rules.cue(c, part) for c in categories} for part in parts]
        assert found == plain_parts


@pytest.mark.parametrize("text", CUE_TEXTS)
def test_categories_the_scan_rules_out_are_answered_without_their_patterns(text):
    rules = default_rules()
    plain = {category: rules.cue(category, text) for category in rules.cues}
    searched, asked = rules._cue, []

    def counted(category, text, *scan):  # within a scope, the text's scan is passed too
        asked.append(category)
        return searched(category, text, *scan)

    object.__setattr__(rules, "_cue", counted)  # a frozen rule set: set on the instance
    with article_scope():
        for _ in range(2):
            assert {category: rules.cue(category, text) for category in rules.cues} == plain
    # Only categories the scan lets through are searched, each once; every answer is one.
    # ("ſ", "İ" and "ı" fold apart in ``re`` and ``str.lower``: such a text is not scanned.)
    scanned = not re.search("[\u0130\u0131\u017f]", text)
    assert len(asked) == len(set(asked)) and (len(asked) < len(plain) or not scanned)
    assert {category for category, answer in plain.items() if answer} <= set(asked)


@pytest.mark.parametrize("text", CUE_TEXTS)
def test_vocabulary_found_in_an_article_scope_is_that_found_without_one(text):
    rules = default_rules()

    def spans(found):
        return [(info, match.span()) for info, match in found]

    treatments, medicines = rules.find_treatments(text), rules.find_medicines(text)
    part = text[len(text) // 3 :]
    part_treatments = spans(rules.find_treatments(part))
    with article_scope():
        for _ in range(2):
            assert spans(rules.find_treatments(text)) == spans(treatments)
            assert spans(rules.find_medicines(text)) == spans(medicines)
        assert spans(rules.find_treatments(part)) == part_treatments
        rules.find_treatments(text).clear()  # a caller's list is its own
        assert spans(rules.find_treatments(text)) == spans(treatments)


def test_exact_candidates_are_the_patterns_whose_words_occur():
    literal_sets = [
        frozenset({"rep", "repetitions"}),
        frozenset({"repetitions"}),
        None,
        frozenset({"day", "daily"}),
        frozenset({"week"}),
    ]
    dispatch = Dispatch(literal_sets)
    for text in ["do 10 reps daily", "ten repetitions", "every week", "nothing", ""]:
        expected = {index for index, lits in enumerate(literal_sets) if may_match(lits, text)}
        assert dispatch.exact_candidates(text) == expected


DOSE_TEXTS = [
    "Hold for 20 seconds, repeat 5 times on each side, twice a day.",
    "3 x 20 second holds; 2x10; x3; 10x",
    "Do 12 on each side, three days a week.",
    "HOLD FOR A COUNT OF FİVE, TWİCE DAİLY",
    "Do them every morning; hold for half a minute.",
    "Repeat ſix timeſ, 3 ſets of 10 repetitionſ, every day",
    "Do 10 slow squeezes and 2 sets of 8 reps per leg, once a week.",
    "Nothing about a dose here.",
]


SHORTHAND_TEXTS = [
    *DOSE_TEXTS,
    "3 X 20 second holds",
    "2× a day; × 5; 5\u00a0x 3; x\t12 and 12\nX",
    "Box 3 exercises, then relax: no shorthand in 10 extra minutes.",
    "x",
    "4",
]


@pytest.mark.parametrize("text", SHORTHAND_TEXTS)
def test_shorthand_skipped_without_a_digit_next_to_an_x_would_not_have_been_expanded(text):
    expected = text
    for pattern, words in _dose._SHORTHAND:
        expected = pattern.sub(words, expected)
    assert _dose.expand_shorthand(text) == expected
    if expected != text:
        assert _dose._SHORTHAND_SIGN.search(text)


DOSE_PATTERNS = [search.pattern for search in _dose._SEARCHES.values()]


@pytest.mark.parametrize("text", DOSE_TEXTS)
def test_dose_patterns_skipped_by_their_words_would_not_have_matched(text):
    for search in _dose._SEARCHES.values():
        pieces = [(search.needs, search.pattern), *(search.pieces or ())]
        for requirements, pattern in pieces:
            for candidate in (text, _dose.expand_shorthand(text)):
                folded = fold_case(candidate)
                if pattern.search(folded if pattern is not search.pattern else candidate):
                    assert may_match_all(requirements, folded), pattern.pattern


@pytest.mark.parametrize("text", DOSE_TEXTS)
def test_dose_patterns_found_lower_cased_are_the_patterns_own_matches(text):
    for pattern in DOSE_PATTERNS:
        for candidate in (text, _dose.expand_shorthand(text)):
            expected = pattern.search(candidate)
            found = search_caseless(pattern, candidate, fold_case(candidate))
            assert (found and found.group()) == (expected and expected.group()), pattern.pattern


@pytest.mark.parametrize("text", DOSE_TEXTS)
def test_a_search_with_its_caseless_form_given_is_the_caseless_search(text):
    folded = fold_case(text)
    for pattern in DOSE_PATTERNS:
        for fast in (caseless(pattern), None):
            found = search_folded(pattern, fast, text, folded)
            expected = search_caseless(pattern, text, folded)
            assert (found and found.span()) == (expected and expected.span()), pattern.pattern


def test_the_dose_patterns_of_many_alternatives_are_searched_alternative_by_alternative():
    for pattern in (_dose._HOLD, _dose._SETS, _dose._REPS, _dose._PER_SIDE, _dose._PER_DAY):
        search = _dose._SEARCHES[id(pattern)]
        assert search.pattern is pattern
        assert search.fast is caseless(pattern)
        assert search.pieces is not None and len(search.pieces) > 1


ALTERNATIVE_TEXTS = [
    *DOSE_TEXTS,
    "See a doctor if it hurts. Do 10.",
    "Don't do 10 with your doctor; repeat twice.",
    "Rest: 5 to each side, then do 12 on either leg, 3 times a day",
    "[a|b] x|y (c|d) \\| ab",
    "",
]


@pytest.mark.parametrize(
    "pattern",
    [
        # The first alternative starting leftmost wins, and so does the first of two
        # starting at the same place, as with the whole pattern.
        r"\bdo\s+(?P<a>\d+)|(?P<b>\d+)|\bdo\b|(?P<c>do)",
        r"(?P<x>do(?:ctor)?)|doctor|\bif\b|hurts\.",
        # A "|" inside a set or a group, or escaped, is no alternative of the pattern.
        r"[|]\s*\w+|\[a(?:\||b)\]|x\|y|[]|]+",
        r"(?<=\()c\|d|(?<![\w])ab\b|(?:^|;\s*)repeat\s+(?P<adv>twice)(?=\s*(?:[.,;]|$))",
        *(search.pattern.pattern for search in _dose._SEARCHES.values() if search.pieces),
    ],
)
def test_a_pattern_searched_alternative_by_alternative_finds_the_patterns_match(pattern):
    for flags in (0, re.IGNORECASE):
        compiled = re.compile(pattern, flags)
        search = Alternatives(compiled)
        assert search.pieces is not None and len(search.pieces) > 1
        for text in ALTERNATIVE_TEXTS:
            for candidate in (text, text.upper(), _dose.expand_shorthand(text)):
                expected = compiled.search(candidate)
                found = search.search(candidate, fold_case(candidate))
                assert (found and (found.re, found.span(), found.groupdict())) == (
                    expected and (compiled, expected.span(), expected.groupdict())
                ), (pattern, candidate)


def test_an_alternative_whose_words_are_missing_is_not_tried():
    search = Alternatives(re.compile(r"\bdo\s+(?P<n>\d+)|(?P<m>\d+)\s+times", re.IGNORECASE))
    tried = []

    class Spy:
        def __init__(self, piece):
            self.piece = piece

        def search(self, text):
            tried.append(self.piece.pattern)
            return self.piece.search(text)

    search.pieces = [(needs, Spy(piece)) for needs, piece in search.pieces]
    # "do" (of "doctor") without "times": only the first alternative is tried.
    text = "Ask your doctor about 10 things"
    assert search.search(text, fold_case(text)) is None
    assert tried == [r"\bdo\s+(?P<n>\d+)"]
    assert search.search("Ask about 10 things", "ask about 10 things") is None
    assert len(tried) == 1
    match = search.search("Do it 3 times", "do it 3 times")
    assert match.group("m") == "3"
    assert len(tried) == 3


def test_a_pattern_without_alternatives_or_in_verbose_mode_is_searched_whole():
    assert split_alternatives(r"a(?:b|c)[|]\|d") is None
    assert split_alternatives(r"(?x) a | b") is None
    assert split_alternatives(r"a|(b|c)|[|]") == ["a", "(b|c)", "[|]"]
    assert Alternatives(re.compile(r"a | b", re.VERBOSE)).pieces is None
    search = Alternatives(re.compile(r"\bhold\b", re.IGNORECASE))
    assert search.pieces is None
    assert search.search("HOLD it", "hold it").group() == "HOLD"


@pytest.mark.parametrize(
    ("pattern", "texts"),
    [
        # A branch of several alternatives, a set of letters, a look-behind.
        (r"\b(?:hold|keep)\s+(?:it\s+)?(?P<n>\d+)\s*(?:seconds?|secs?)\b", ["HOLD IT 10 SECS"]),
        (r"[A-Z]{2}\d", ["ab1", "Xy9z"]),
        (r"(?<![\w-])cc[- ]by\b", ["CC-BY", "x-cc by", "CC BY"]),
        (r"\u00c9t\u00e9|caf\xe9", ["ÉTÉ", "Café"]),
    ],
)
def test_a_caseless_pattern_finds_what_ignorecase_finds(pattern, texts):
    compiled = re.compile(pattern, re.IGNORECASE)
    for text in texts:
        expected = compiled.search(text)
        found = search_caseless(compiled, text, fold_case(text))
        assert (found and found.span()) == (expected and expected.span()), text


def test_patterns_that_cannot_run_lower_cased_run_as_written():
    # A case-sensitive part, a letter named by its code, a group named by its number.
    for pattern in [r"(?-i:FREE)\s+gift", r"\x41bc", r"(a)\1", r"\N{LATIN CAPITAL LETTER A}"]:
        assert caseless(re.compile(pattern, re.IGNORECASE)) is None
    assert caseless(re.compile("abc")) is None  # not caseless to begin with
    assert lower_pattern(r"(?P<Low>\S+)(?i:Ab)\W") == r"(?P<Low>\S+)(?i:ab)\W"


def test_rare_characters_are_required_alone():
    assert required_literals(r"[\w.+-]++@[\w-]++") == frozenset({"@"})
    assert required_literals(r"(?:£|\$|€)\s?\d") == frozenset({"£", "$", "€"})
    assert required_literals(r"(?:_{3,}+[^_\n]{0,20}+){3,}$") == frozenset({"_"})
    # A rare character is worth more than a longer word.
    assert required_literals(r"contact\s+us\s+at\s+\S+@") == frozenset({"@"})
    # Letters, digits and ordinary punctuation alone are not.
    assert required_literals(r"[ab]\w") is None
    assert required_literals(r"\w+, \w+") is None


def test_only_patterns_whose_every_branch_opens_at_a_line_start_are_anchored():
    assert starts_at_line_start(r"^a|^b", re.M)
    assert starts_at_line_start(r"(?:^a|^b)c", re.M)
    assert starts_at_line_start(r"^(?-i:[A-Z])x", re.M)
    assert not starts_at_line_start(r"^a|b", re.M)
    assert not starts_at_line_start(r"(?:^a)?b", re.M)
    assert not starts_at_line_start(r"a^", re.M)


def test_required_words_are_found_set_by_set():
    pattern = r"(?:\d+\s+times?|once|twice)\s+(?:a|per)\s+day\b|\d+\s+times\s+daily"
    assert required_all(pattern) == (
        frozenset({"time", "times", "once", "twice"}),
        frozenset({"day", "daily"}),
    )
    assert required_all(r"a?b") == ()
    assert fold_case("İBUPROFEN ſ") == "ibuprofen s"


@pytest.mark.parametrize(
    "text",
    [
        "By Dr. Jane Example, physiotherapist",
        "Advertisement",
        "Home > Conditions > Back pain",
        "Back pain usually settles.\nQuote Reply Report",
        "Mon - Fri 9am - 5pm",
        "Sciatica is pain along the sciatic nerve.",
        "",
    ],
)
def test_anchored_chrome_gates_pass_every_text_one_of_their_patterns_matches(text):
    patterns = chrome_patterns()[0]
    lowered = fold_case(text)
    gates = _anchored_gates()
    assert len(gates) == 2  # lower-cased patterns, and those with a case-sensitive part
    for gate, gated in gates:
        assert gate.search(text, lowered) == any(
            patterns[index].search(text, lowered) for index in gated
        )


def test_a_dispatch_finds_every_literal_wherever_it_starts():
    # Literals inside others ("pet" in "repetitions"), sharing starts ("rep",
    # "repetitions") and overlapping ("to " and " to"): each is found on its own.
    literals = ["rep", "repetitions", "pet", "etit", "day", "daily", "ail", " to", "to ", "x"]
    dispatch = Dispatch([frozenset({literal}) for literal in literals] + [None])
    always = len(literals)
    for text in ["do ten repetitions daily", "go to town, daily", "", "xx rep to pet"]:
        named = {index for index, literal in enumerate(literals) if literal in text}
        assert dispatch.exact_candidates(text) == named | {always}
        assert dispatch.candidates(text) == sorted(named | {always})
        parts = [text[: len(text) // 2], text[len(text) // 2 :]]
        by_part = dispatch.candidates_by_part(parts)
        assert by_part[always] == {0, 1}
        for index, literal in enumerate(literals):
            holding = {number for number, part in enumerate(parts) if literal in part}
            assert by_part.get(index, set()) == holding, literal


def test_answers_are_remembered_only_within_an_article_scope():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert remembered("query", "text", compute) == 1
    assert remembered("query", "text", compute) == 2  # no scope: worked out again
    with article_scope():
        assert remembered("query", "text", compute) == 3
        with article_scope():  # a scope inside another shares it
            assert remembered("query", "text", compute) == 3
        assert remembered("query", "other", compute) == 4
    with article_scope():
        assert remembered("query", "text", compute) == 5  # a new scope starts afresh


@pytest.mark.parametrize("text", DOSE_TEXTS)
def test_reading_the_counts_alone_gives_the_counts_of_the_whole_reading(text):
    whole, counts = _dose.read_dose(text).dose, _dose.read_dose(text, counts_only=True).dose
    for key in ("sets", "repetitions", "hold_seconds"):
        assert counts[key] == whole[key]
    words = "|".join([*_dose.NUMBER_WORDS, *_dose.FREQUENCY_WORDS, "half"])
    any_count = re.compile(rf"\d|{words}", re.IGNORECASE)
    folded = fold_case(text)
    found = bool(_dose._DIGIT.search(text) or _dose._COUNT_WORD.search(folded))
    assert found == bool(any_count.search(text))


def test_a_trie_pattern_finds_a_text_holding_any_of_its_literals():
    literals = ["rep", "repetitions", "pet", "day", "daily", " to"]
    found = re.compile(trie_pattern(literals))
    for text in ["do ten repetitions", "go to", "daylight", "nothing", "", "re pe"]:
        assert bool(found.search(text)) == any(literal in text for literal in literals)


INLINE_TEXTS = [
    "Bed rest slows recovery.[12] Keep moving [edit] (00:14) #backpain #health",
    "[msg 2 of 5] See [quote=Sam]this[/quote] and [button start]{button}",
    "Stay active ¶",
    "Posted (J.S., Leeds) 3/7",
    "Method 2 of 3: Stretch",
    "Shares rose (NYSE: ABC)",
    "Nothing to cut here.",
]


@pytest.mark.parametrize("text", INLINE_TEXTS)
def test_inline_markers_skipped_by_their_strings_would_not_have_matched(text):
    for _reason, pattern, literals in inline_patterns():
        if pattern.search(text):
            assert may_match(literals, fold_case(text)), pattern.pattern


def test_inline_markers_are_cut_and_reported():
    found = []
    text = cut_inline_chrome("Bed rest slows recovery.[12] Keep moving [edit]", found)
    assert text == "Bed rest slows recovery. Keep moving"
    assert [reason for reason, _ in found] == ["chrome: footnote marker", "chrome: edit link"]
    assert cut_inline_chrome("Nothing to cut here. ") == "Nothing to cut here. "


def test_a_digit_is_required_when_asked_for_and_nothing_better_is():
    digits = required_literals(r"^\d{1,2}:\d{2}$", digits=True)
    assert {"0", "9", "\u0661"} <= digits  # "\d" matches the digits of every script
    assert required_literals(r"^\d{1,2}:\d{2}$") is None
    assert required_literals(r"[0-9]+ ?tablets", digits=True) == frozenset({"tablets"})
    assert required_literals(r"[0-9a-f]+", digits=True) is None


@pytest.mark.parametrize(
    "pattern",
    [r"\bdiagnosed with (?P<name>\w+)", r"x*", r"(?i:ab)|c", r"\bSEEN\b"],
)
def test_matches_found_lower_cased_are_every_match_in_turn(pattern):
    compiled = re.compile(pattern, re.IGNORECASE)
    text = "Diagnosed with SCIATICA; was diagnosed with lumbago. Seen, seen again. abc"
    found = [(m.span(), m.group()) for m in finditer_caseless(compiled, text)]
    assert found == [(m.span(), m.group()) for m in compiled.finditer(text)]


def test_word_sets_the_scan_settles_are_not_checked_again():
    from back_health.importer.rules import _unsettled

    needs = (frozenset({"massage"}), frozenset({"day", "week"}), frozenset({"mass"}))
    # A text the scan found "massage" in holds "mass" and "massage": only the day or
    # week is left to check.
    assert _unsettled(needs, frozenset({"massage"})) == (frozenset({"day", "week"}),)
    # A scan word holding no part of a set ("rub") leaves that set to check.
    assert _unsettled(needs, frozenset({"massage", "rub"})) == needs
    assert _unsettled(needs, None) == needs
