"""Letters whose case folding is odd never break the importer, and are read as the
letters they stand for: the long s "ſ" is an "s", "İ" an "i", "ß" "ss", "ﬁ" "fi"."""

import re
import sys
import unicodedata

import pytest

from back_health.importer.fold import fold_case, fold_name
from back_health.importer.names import risk_names
from back_health.importer.parse_html import parse_html
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules


def _changes_length(char: str) -> bool:
    return any(len(change(char)) != 1 for change in (str.lower, str.upper, str.casefold))


#: Every letter whose lower, upper or folded case is not one letter, and every letter
#: ``re.IGNORECASE`` takes for another ("ſ", "ı", "ς"), with a few compatibility forms.
ODD_LETTERS = sorted(
    {chr(code) for code in range(0x80, 0x20000) if _changes_length(chr(code))}
    | set("ſıİςϐµ\u212a\u212bﬅﬆ\u0345ＩＢＵ")
)


def test_fold_case_keeps_every_character_in_place():
    codes = (code for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000)
    everything = "".join(map(chr, codes))
    assert len(fold_case(everything)) == len(everything)


@pytest.mark.parametrize("letter", ["ſ", "ı", "İ", "\u212a", "ς", "ϐ", "µ"])
def test_fold_case_reads_a_letter_as_re_ignorecase_does(letter):
    folded = fold_case(letter)
    assert folded != letter
    assert re.fullmatch(re.escape(folded), letter, re.IGNORECASE)


@pytest.mark.parametrize(
    ("written", "plain"),
    [("Straße", "strasse"), ("ﬂurbiprofen", "flurbiprofen"), ("ＩＢＵ", "ibu"), ("Don’t", "don't")],
)
def test_fold_name_compares_ligatures_sharp_s_and_wide_letters_as_their_letters(written, plain):
    assert fold_name(written) == plain


@pytest.mark.parametrize(
    ("text", "written", "generic"),
    [
        ("Take aſpirin with food.", "aſpirin", "aspirin"),
        ("İbuprofen eases swelling.", "İbuprofen", "ibuprofen"),
        ("Try ﬂurbiprofen lozenges.", "ﬂurbiprofen", "flurbiprofen"),
        ("ＩＢＵＰＲＯＦＥＮ 200 mg", "ＩＢＵＰＲＯＦＥＮ", "ibuprofen"),
        ("İİİ then aſpirin", "aſpirin", "aspirin"),
    ],
)
def test_a_medicine_written_with_odd_letters_is_found_where_the_text_wrote_it(
    text, written, generic
):
    found = default_rules().find_medicines(text)
    assert [(info.generic, match.group(0)) for info, match in found] == [(generic, written)]
    match = found[0][1]
    assert text[match.start() : match.end()] == written


def test_a_site_brand_with_a_sharp_s_matches_its_spelling_in_capitals():
    rules = default_rules().with_medicines({"Straße Forte": "ibuprofen"})
    found = rules.find_medicines("Take STRASSE FORTE twice a day.")
    assert [(info.generic, match.group(0)) for info, match in found] == [
        ("ibuprofen", "STRASSE FORTE")
    ]


@pytest.mark.parametrize("letter", ODD_LETTERS, ids=lambda letter: f"U+{ord(letter):04X}")
def test_no_odd_letter_breaks_the_rules_or_moves_what_they_find(letter):
    rules = default_rules()
    text = (
        f"{letter}Back pain{letter} is more likely if your back muscles are weak. "
        f"Take {letter} ibuprofen and{letter} paracetamol, or try massage{letter}. "
        f"{letter * 3} Call 999 if your legs go numb{letter}."
    )
    medicines = rules.find_medicines(text)
    assert {info.generic for info, _ in medicines} >= {"ibuprofen"}
    for _, match in medicines:
        assert text[match.start() : match.end()] == match.group(0)
    for _, match in rules.find_treatments(text):
        assert text[match.start() : match.end()] == match.group(0)
    assert rules.cue("severity_emergency", text)
    rules.regions_in(text)
    rules.remove_cues("heading_causes", text)
    rules.is_condition_term(f"{letter}sciatica")
    rules.names_condition(f"chronic {letter} sciatica")
    sentence = f"{letter}Back pain{letter} is more likely if your back muscles are weak."
    cue = rules.cue("risk_sentence", sentence)
    assert cue
    assert risk_names(sentence, cue, rules) == ["Weak back muscles"]


def test_a_risk_factor_after_its_cue_is_read_whole_after_dotted_capitals():
    # "İ".lower() is two characters: offsets in a lower-cased copy point past the cue.
    sentence = "İİİİ back pain is more likely if your back muscles are weak or you are overweight."
    assert risk_names(sentence, "more likely if", default_rules()) == [
        "Weak back muscles",
        "Being overweight",
    ]


def _article(letter: str, format: str = "md") -> str:
    intro = (
        f"Sciatica is pain{letter} that travels along the sciatic nerve, from the lower back "
        f"down the leg {letter * 2}."
    )
    items = [
        "Aſpirin can ease the pain for a few days.",
        "İbuprofen is an anti-inflammatory painkiller.",
        f"Physiotherapy{letter} helps most people recover.",
    ]
    warning = f"Call 999 if you lose control of your bladder{letter} or bowels."
    if format == "html":
        listed = "".join(f"<li>{item}</li>" for item in items)
        return (
            f"<h1>Sciatica{letter}</h1><p>{intro}</p><h2>Treatment</h2><ul>{listed}</ul>"
            f"<h2>When to get help</h2><p>{warning}</p>"
        )
    listed = "".join(f"- {item}\n" for item in items)
    return (
        f"# Sciatica{letter}\n\n{intro}\n\n## Treatment\n\n{listed}\n"
        f"## When to get help\n\n{warning}\n"
    )


@pytest.mark.parametrize("format", ["md", "txt", "html"])
def test_an_article_full_of_odd_letters_is_analysed_in_every_format(format):
    text = _article("".join(ODD_LETTERS), format)
    plan = analyse(text.encode("utf-8"), f"article.{format}")
    assert {"Aspirin", "Ibuprofen"} <= {page.title for page in plan.pages}


@pytest.mark.parametrize("letter", ODD_LETTERS[::7], ids=lambda letter: f"U+{ord(letter):04X}")
def test_an_article_with_an_odd_letter_in_its_words_finds_its_medicines(letter):
    plan = analyse(_article(letter).encode("utf-8"), "article.md")
    assert {"Aspirin", "Ibuprofen"} <= {page.title for page in plan.pages}


@pytest.mark.parametrize(
    "section",
    ["<![foo[x]]>", "<![ never closed", "<![en]>", "<![if !IE]>old<![endif]>", "<![CDATA[x]]>"],
)
def test_a_marked_section_the_html_parser_rejects_never_stops_the_import(section):
    document = parse_html(
        f"<h1>Sciatica</h1><p>Sciatica is leg pain {section} from the back.</p><p>Rest.</p>"
    )
    texts = [block.text for part in document.sections for block in part.blocks]
    assert texts[0].startswith("Sciatica is leg pain")
    assert texts[0].endswith("from the back.")
    assert texts[-1] == "Rest."


def test_no_letter_is_left_unnormalised_by_fold_name():
    # Folding twice changes nothing: a vocabulary name and a text word folded once agree.
    for letter in ODD_LETTERS:
        once = fold_name(letter)
        assert fold_name(once) == once
        assert unicodedata.is_normalized("NFKC", once)


def test_the_quick_fold_agrees_with_the_full_fold_for_every_letter():
    from back_health.importer import fold

    def full(text):
        return text.translate(fold._TABLE).lower().translate(fold._TABLE)

    for code in range(0x80, 0x10000):
        for text in (f"a{chr(code)}", f"{chr(code)} b", f"ΟΔΟ{chr(code)}"):
            assert fold.fold_case(text) == full(text), hex(code)
