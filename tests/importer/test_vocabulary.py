"""The domain vocabulary: condition names, medicines by class and country, treatments by
kind; what it recognises, what it leaves alone, and how a site adds to it."""

import json
from dataclasses import replace

import pytest

from back_health.importer.pipeline import analyse
from back_health.importer.rules import DATA_DIR, default_rules


def _analyse(markdown: str, rules=None):
    return analyse(
        markdown.encode(), "article.md", format="markdown", rules=rules or default_rules()
    )


def _page(plan, title):
    return next((p for p in plan.pages if p.title == title), None)


def _written(page):
    return page is not None and page.include and page.action != "suggest"


PREGNANCY = """# Back pain in pregnancy

Back pain is common in pregnancy, and it usually eases after the birth.

## Why it happens

- Hormonal changes that loosen the ligaments
- The weight of the baby

## Diastasis recti

Diastasis recti is a related problem in which the two halves of the tummy muscles move
apart. It causes a bulge above the belly button that is worse when sitting up in bed.
"""


def test_a_condition_known_only_to_the_vocabulary_gets_its_condition_page():
    page = _page(_analyse(PREGNANCY), "Diastasis recti")
    assert page is not None and page.kind == "condition" and _written(page)

    without = replace(default_rules(), condition_names=())
    page = _page(_analyse(PREGNANCY, without), "Diastasis recti")
    assert page is None or page.kind != "condition"


def test_a_known_condition_name_counts_only_as_the_head_of_a_name():
    rules = default_rules()
    assert rules.is_condition_term("Wry neck")
    assert not rules.is_condition_term("Wry neck", vocabulary=False)  # the vocabulary's doing
    assert rules.is_condition_term("Chronic wry neck")
    assert rules.is_condition_term("Back strain in sport")
    assert rules.is_condition_term("Schmorl's nodes")
    assert not rules.is_condition_term("Exercises for wry neck")
    assert not rules.is_condition_term("Lifting with a round back")
    assert not rules.is_condition_term("Dish")  # "DISH" is an abbreviation, not a word


def test_the_condition_inside_a_phrase_keeps_its_modifiers_and_stops_at_function_words():
    rules = default_rules()
    assert rules.condition_in_phrase("Exercises for wry neck") == "wry neck"
    assert rules.condition_in_phrase("Managing chronic low back pain") == "chronic low back pain"
    assert rules.condition_in_phrase("A 10-minute routine for sciatica") == "sciatica"
    # A condition word or ending the vocabulary lacks, and a head with its modifier.
    assert rules.condition_in_phrase("Night splints for plantar fasciitis") == "plantar fasciitis"
    assert rules.condition_in_phrase("Coping with shoulder pain at work") == "shoulder pain"
    assert rules.condition_in_phrase("Back spasms that come from nowhere") == "Back spasms"
    # The phrase is the name itself, or the name with its qualifier: nothing inside.
    assert rules.condition_in_phrase("Back strain in sport") == ""
    assert rules.condition_in_phrase("Meralgia paraesthetica") == ""
    assert rules.condition_in_phrase("Osteoarthritis of the spine") == ""
    # "pain" alone names no condition; a phrase without one gives nothing.
    assert rules.condition_in_phrase("Living with pain") == ""
    assert rules.condition_in_phrase("Book your visit today") == ""


def test_a_treatment_word_inside_a_known_condition_name_is_not_a_treatment():
    rules = default_rules()
    assert rules.find_treatments("A spinal epidural abscess is rare.") == []
    [(term, _)] = rules.find_treatments("An epidural injection may help.")
    assert term.name == "Epidural steroid injection"


def test_brands_of_other_countries_map_to_their_generic():
    rules = default_rules()
    brands = {
        "Zydol": "tramadol",  # UK
        "Horizant": "gabapentin",  # US
        "Actiprofen": "ibuprofen",  # Canada
        "Endone": "oxycodone",  # Australia
        "Novalgin": "metamizole",  # EU
        "Мидокалм": "tolperisone",  # Russia, in Cyrillic
        "Диклофенак": "diclofenac",
    }
    for brand, generic in brands.items():
        found = rules.find_medicines(f"Her doctor suggested {brand} for a week.")
        assert [(info.generic, match.group(0)) for info, match in found] == [(generic, brand)]


SCIATICA = """# Sciatica

Sciatica is pain caused by irritation of the sciatic nerve. It often gets better in a few
weeks.

## Treatments

Medicines can help while you stay active:

- Zydol
- Nurofen Plus tablets
- co-codamol 30/500
"""


def test_a_brand_from_another_country_becomes_its_generic_page_knowing_the_brand():
    page = _page(_analyse(SCIATICA), "Tramadol")
    assert page is not None and page.treatment_kind == "medicine"
    assert page.medicines[0].generic == "tramadol"
    assert page.medicines[0].brands == ["Zydol"]
    # A bare mention is a suggested page: the article says nothing about it.
    assert page.action == "suggest"


def test_a_combination_product_is_one_medicine_that_keeps_its_components():
    rules = default_rules()
    [(info, match)] = rules.find_medicines("He took Tylenol with Codeine at night.")
    assert (info.generic, match.group(0)) == ("co-codamol", "Tylenol with Codeine")
    assert info.components == ("codeine", "paracetamol")
    [(info, _)] = rules.find_medicines("Robaxacet is sold in Canadian pharmacies.")
    assert set(info.components) == {"methocarbamol", "paracetamol"}

    titles = {p.title for p in _analyse(SCIATICA).pages if p.kind == "treatment"}
    assert {"Ibuprofen with codeine", "Co-codamol"} <= titles
    assert not titles & {"Ibuprofen", "Codeine", "Paracetamol"}


def test_the_hand_kept_medicine_list_wins_and_the_vocabulary_adds_brands():
    rules = default_rules()
    shipped = json.loads((DATA_DIR / "medicines.json").read_text(encoding="utf-8"))
    cocodamol = next(m for m in shipped["medicines"] if m["generic"] == "co-codamol")
    assert rules.medicines["paramol"].generic == "co-dydramol"  # the vocabulary's brand
    assert rules.medicines["solpadol"].drug_class == cocodamol["class"]  # the list's class
    assert rules.medicines["solpadol"].components == ("codeine", "paracetamol")


def test_treatments_of_every_kind_are_known_by_their_usual_names():
    rules = default_rules()
    said = {
        "a facet joint injection": ("Facet joint injections", "injection"),
        "spinal cord stimulation": ("Spinal cord stimulation", "procedure"),
        "artificial disc replacement": ("Disc replacement", "surgery"),
        "interferential therapy": ("Interferential therapy", "physical_therapy"),
        # the hand-kept list names it first, and it wins over the vocabulary
        "spinal mobilisation": ("Joint mobilisation", "manual_therapy"),
        "mindfulness": ("Mindfulness", "psychological"),
        "a lumbar corset": ("Back brace", "other"),
        "cryotherapy": ("Cold therapy", "self_care"),  # new wording of a shipped term
        "a course of antibiotics": ("Antibiotics", "medicine"),
        "a coxib": ("COX-2 inhibitors", "medicine"),
        "cognitive functional therapy": ("Cognitive functional therapy", "psychological"),
    }
    for text, expected in said.items():
        [(term, _)] = rules.find_treatments(f"She tried {text} last year.")
        assert (term.name, term.kind) == expected, text


def test_a_site_adds_condition_names_medicines_and_treatments():
    rules = default_rules()
    assert not rules.is_condition_term("Gluteal amnesia")
    site = rules.extend(
        condition_names=["Gluteal amnesia"],
        treatment_terms=[{"name": "Inversion boots", "kind": "other"}],
    ).with_medicines(
        {"Brandacet": {"generic": "co-brandamol", "components": ["codeine", "paracetamol"]}}
    )
    assert site.is_condition_term("Gluteal amnesia")
    assert site.is_condition_term("Gluteal amnesia")  # known from then on, shipped names too
    assert site.is_condition_term("Wry neck")
    [(term, _)] = site.find_treatments("Inversion boots are sold online.")
    assert term.name == "Inversion boots"
    [(info, _)] = site.find_medicines("Take Brandacet with water.")
    assert info.components == ("codeine", "paracetamol")
    assert not rules.is_condition_term("Gluteal amnesia")  # the shipped rules are unchanged


def test_the_vocabulary_files_name_their_sources():
    for name in ("lexicon_conditions.json", "lexicon_medicines.json", "lexicon_treatments.json"):
        comment = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))["_comment"]
        assert any(source in comment for source in ("ICD-10-CM", "ATC", "NICE"))
    conditions = json.loads((DATA_DIR / "lexicon_conditions.json").read_text(encoding="utf-8"))
    for entry in conditions["conditions"]:
        # Clinician-style names: no coding qualifiers left in them.
        for name in [entry["name"], *entry["synonyms"]]:
            assert "NOS" not in name.split() and "not elsewhere classified" not in name, name
            assert not name.lower().startswith(("other ", "unspecified ")), name


def test_no_condition_name_of_the_vocabulary_reads_as_a_treatment_or_a_medicine():
    rules = default_rules()
    for name in rules.condition_names:
        assert not rules.find_treatments(name), name
        assert not rules.find_medicines(name), name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("She had radiotherapy to the spine.", "Radiotherapy"),
        ("Cannabis-based medicines are prescribed privately.", "Medical cannabis"),
        ("Is medical cannabis legal in the UK?", "Medical cannabis"),
        ("Antiviral tablets work best in the first 3 days.", "Antiviral medicines"),
        ("DMARDs such as methotrexate control the arthritis.", "Disease-modifying medicines"),
        ("Sacroplasty injects cement into the sacrum.", "Sacroplasty"),
        ("Embolisation cuts off the blood supply first.", "Embolisation"),
        ("Watchful waiting suits most small cysts.", "Watchful waiting"),
        ("Weight loss takes pressure off the nerve.", "Weight loss"),
        ("Medicines for nerve pain can take weeks to work.", "Medicines for nerve pain"),
        ("A phased return over four weeks suits most people.", "Phased return to work"),
        ("Ask your manager about lighter duties for a while.", "Amended duties"),
        ("A workstation assessment found the screen too low.", "Workplace adjustments"),
        (
            "An occupational therapist or occupational therapy can help at home.",
            "Occupational therapy",
        ),
        ("Pacing means breaking tasks into smaller chunks.", "Pacing"),
        ("Graded activity builds up what you can do week by week.", "Graded activity"),
        ("Resistance training twice a week strengthens the back.", "Strength training"),
        ("A graded return to running starts with walk-run intervals.", "Return-to-sport programme"),
        ("A pedicle subtraction osteotomy corrects the curve.", "Osteotomy"),
        ("CT-guided aspiration drains the cyst.", "Aspiration"),
        ("An epidural blood patch seals the leak.", "Epidural blood patch"),
        ("Clean intermittent catheterisation empties the bladder.", "Intermittent catheterisation"),
        ("A lumbar roll supports the curve of your lower back.", "Lumbar roll"),
        ("A coccyx cushion takes the weight off the tailbone.", "Coccyx cushion"),
        ("IL-17 inhibitors block interleukin-17.", "IL-17 inhibitors"),
        ("JAK inhibitors are tablets.", "JAK inhibitors"),
    ],
)
def test_common_treatments_and_medicine_classes_are_in_the_vocabulary(text, name):
    assert name in {term.name for term, _ in default_rules().find_treatments(text)}


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        ("Rifampicin is taken for six months.", "rifampicin"),
        ("Valtrex for shingles", "valaciclovir"),
        # Biologic and targeted medicines for axial spondyloarthritis, by brand too.
        ("Cosentyx is injected every 4 weeks.", "secukinumab"),
        ("Rinvoq is a tablet taken once a day.", "upadacitinib"),
        ("Remicade is given by a drip.", "infliximab"),
        ("Cimzia every 2 weeks", "certolizumab pegol"),
        # Gout in the spine, dystonia, inflammatory arthritis and bone medicines.
        ("Colchicine settles a flare within a few days.", "colchicine"),
        ("Allopurinol lowers uric acid over months.", "allopurinol"),
        ("Adenuric is an alternative.", "febuxostat"),
        ("Tablets such as trihexyphenidyl or clonazepam can ease the pull.", "clonazepam"),
        ("Tablets such as trihexyphenidyl or clonazepam can ease the pull.", "trihexyphenidyl"),
        ("Plaquenil is often used alongside methotrexate.", "hydroxychloroquine"),
        ("Raloxifene is an option after the menopause.", "raloxifene"),
        ("Evenity is given as two injections once a month.", "romosozumab"),
    ],
)
def test_tuberculosis_antiviral_and_disease_modifying_medicines_are_known(text, generic):
    assert generic in {info.generic for info, _ in default_rules().find_medicines(text)}


@pytest.mark.parametrize(
    "name",
    ["Autonomic dysreflexia", "Pressure sores", "Spinal cord stroke", "Spinal cord infarction"],
)
def test_conditions_of_spinal_cord_care_are_conditions(name):

    rules = default_rules()
    assert rules.is_condition_term(name) or rules.has_condition_head(name)


@pytest.mark.parametrize(
    ("text", "generic"),
    [
        ("Calcium + vitamin D3 ONE tablet twice a day", "calcium with vitamin D"),
        ("calcium & vitamin D", "calcium with vitamin D"),
        ("Senna 7.5 mg TWO tablets at night", "senna"),
        ("Take a sachet of Laxido in water", "macrogol"),
        ("Lactulose 10 ml twice a day", "lactulose"),
    ],
)
def test_a_combination_written_with_a_sign_and_the_laxatives_given_with_opioids_are_known(
    text, generic
):
    found = default_rules().find_medicines(text)
    assert [info.generic for info, _ in found] == [generic]
