"""Classes seen in a dance studio's tabbed page, a stonemasons' bulletin with figures, an
astronomy society's handbook numbered in clauses, a radio station's programme notes and
a pigeon racing society's newsletter: tab panels headed by their tabs, exercises whose
steps are sentences in a nested list, figure captions with their numbers, clause
numbers before exercises, bare counts after a name, headings boxed by tildes or
numbered in Roman numerals, and a newsletter's notices under its title."""

from __future__ import annotations

import pytest

from back_health.importer.names import noun_phrase
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules

from .documents import blocks_text, doses_of, warnings_of

TABS = """<html><body><main><h1>Snapping hip syndrome</h1>
<div class="tabs">
<div role="tablist" aria-label="About snapping hip">
<button role="tab" id="tab-1" aria-controls="panel-1" aria-selected="true">What it is</button>
<button role="tab" id="tab-2" aria-controls="panel-2">Exercises</button>
<button role="tab" id="tab-3" aria-controls="panel-3">When to get help</button>
</div>
<section role="tabpanel" id="panel-1" aria-labelledby="tab-1">
<p>Snapping hip syndrome is a clicking feeling when a tendon flicks over a bony bump.</p>
</section>
<section role="tabpanel" id="panel-2" aria-labelledby="tab-2" hidden>
<p>Do this routine once a day.</p>
<ol>
<li>Clamshells
<ol type="a"><li>Lie on your side with knees bent.</li><li>Lift the top knee.</li>
<li>2 sets of 15 each side.</li></ol></li>
<li>Glute bridge
<ol type="a"><li>Lie on your back, knees bent.</li><li>Lift your hips and hold for 5 seconds.</li>
<li>3 sets of 10.</li></ol></li>
</ol>
</section>
<section role="tabpanel" id="panel-3" aria-labelledby="tab-3" hidden>
<p>Call 999 or go to A&amp;E if you fall and cannot stand.</p>
<p>Check with a pharmacist before taking ibuprofen if you have asthma.</p>
</section>
</div></main></body></html>"""


def test_tab_panels_are_headed_by_their_tabs_and_kept():
    doc = parse_document(TABS, "html")
    headings = [section.heading for section in doc.sections]
    assert headings[-3:] == ["What it is", "Exercises", "When to get help"]
    text = " ".join(
        block.text for s in doc.sections for block in s.blocks if hasattr(block, "text")
    )
    assert "aria" not in text and "What it is Exercises" not in text


def test_exercises_and_warnings_inside_hidden_tab_panels_are_read():
    plan = analyse(TABS.encode(), "tabs.html", format="html")
    doses = doses_of(plan)
    assert doses["Clamshells"]["sets"] == 2 and doses["Clamshells"]["per_side"] is True
    assert doses["Glute bridge"]["hold_seconds"] == 5 and doses["Glute bridge"]["sets"] == 3
    severities = {warning["severity"] for warning in warnings_of(plan)}
    assert {"emergency", "caution"} <= severities


def test_a_nested_list_of_plain_steps_without_a_count_stays_items():
    # Guard: steps as sentences make an exercise only when one of them counts.
    html = (
        "<h1>Back pain</h1><h2>Causes</h2><ul><li>Lifting<ul><li>Bending to lift a crate."
        "</li><li>Twisting with a load.</li></ul></li></ul>"
    )
    doc = parse_document(html, "html")
    items = [item.text for s in doc.sections for b in s.blocks for item in getattr(b, "items", [])]
    assert "Lifting" in items


FIGURES = """<html><body><h1>Pectoralis major tear</h1>
<p>A pectoralis major tear is a condition where the big chest muscle tears.</p>
<h2>Early exercises</h2>
<p>Three times a day.</p>
<figure><img src="fig1.jpg" alt="Wall press">
<figcaption>Fig. 1. Wall press hold: press into the wall for 10 seconds, 10 times.</figcaption>
</figure>
<figure><img src="fig2.jpg" alt="Doorway">
<figcaption>Figure 2: Doorway chest stretch (from week 6): hold 20 seconds, 3 times.</figcaption>
</figure>
</body></html>"""


def test_figure_captions_lose_their_numbers_and_are_read_as_exercises():
    plan = analyse(FIGURES.encode(), "figures.html", format="html")
    doses = doses_of(plan)
    assert doses["Wall press hold"]["hold_seconds"] == 10
    assert doses["Doorway chest stretch"]["hold_seconds"] == 20
    assert "Fig. 1" not in blocks_text(plan)


HANDBOOK = """# 9. Health on the observing field

## 9.1 What it is

Avascular necrosis of the hip is a condition where the top of the thigh bone loses its
blood supply.

## 9.5 Gentle exercises

9.5.1 Twice a day, keeping everything low impact.

9.5.2 Heel slides: lying on your back, slide the heel towards your bottom. 15 slides on each leg.

9.5.3 Standing hip abduction, holding the dome rail: lift the leg out, 2 sets of 10 on each side.
"""


def test_clause_numbers_before_exercises_are_no_part_of_them():
    doses = doses_of(analyse(HANDBOOK.encode(), "handbook.md", format="markdown"))
    assert doses["Heel slides"]["repetitions"] == 15
    assert doses["Standing hip abduction"]["sets"] == 2
    assert all(dose["times_per_day"] == 2 for dose in doses.values())


def test_a_guidelines_numbered_do_not_stays_text():
    # Guard: a guideline's "1.2.6 Do not offer belts ..." speaks to clinicians.
    text = (
        "# Low back pain\n\nLow back pain is a condition of the lower back.\n\n"
        "## Recommendations\n\n1.2.6 Do not offer belts or corsets for managing low back "
        "pain.\n\n1.2.7 Do not offer traction for managing low back pain.\n"
    )
    plan = analyse(text.encode(), "guideline.md", format="markdown")
    assert warnings_of(plan) == []


PROGRAMME = """RADIO CWM 97.3FM
Presenter: Llinos Beddoe (LB)

LB: What exercises did Kai do?

HP: The ward physio gave him these, three times a day:
    - Ankle pumps: 20, point and pull the foot.
    - Heel slides: 10, bending the knee up.
    - Straight leg raise: 2 sets of 8.
"""


def test_a_bare_count_after_the_name_is_how_many_times():
    doses = doses_of(analyse(PROGRAMME.encode(), "notes.txt", format="text"))
    assert doses["Ankle pumps"]["repetitions"] == 20
    assert doses["Heel slides"]["repetitions"] == 10
    assert doses["Straight leg raise"]["sets"] == 2


LOFT_TALK = """COTTERBRIDGE HOMING SOCIETY
LOFT TALK - Issue 112 - September
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~

Basketing Friday 6-8pm at the clubhouse. Clocks to be set by 7.30pm sharp.
Lost ring GB24 C 08817 - please ring the secretary if it drops in.

~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
HEALTH PAGE: THE HIP THAT KEPT CATCHING
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~

I. WHAT HAPPENED

Stanley twisted his hip on the loft ladder. An MRI showed a hip labral tear.

II. WHAT IS A LABRAL TEAR?

A hip labral tear is a split in the rim of cartilage round the hip socket. Most tears
come from the shape of the hip itself (called femoroacetabular impingement).

III. WHAT CAN BE DONE

Physiotherapy to strengthen the hip is the first treatment.
"""


def test_tilde_rules_box_a_heading_and_roman_numerals_number_headings():
    doc = parse_document(LOFT_TALK, "text")
    headings = [section.heading for section in doc.sections]
    assert "HEALTH PAGE: THE HIP THAT KEPT CATCHING" in headings
    assert "III. WHAT CAN BE DONE" in headings
    assert not any(heading.startswith("~") for heading in headings)


def test_notices_under_a_newsletters_title_go():
    plan = analyse(LOFT_TALK.encode(), "loft.txt", format="text")
    text = " ".join([plan.pages[0].summary, blocks_text(plan)])
    assert "Basketing" not in text
    assert "Stanley twisted his hip" in text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("called femoroacetabular impingement", "femoroacetabular impingement"),
        ("so-called text neck", "text neck"),
        ("a gene called HLA-B27", "HLA-B27"),
    ],
)
def test_called_is_no_part_of_a_name(text, name):
    assert noun_phrase(text, default_rules()) == name


@pytest.mark.parametrize(
    ("text", "health"),
    [
        ("LOFT TALK - Issue 112 - September", False),
        ("No. 111 Church Street", False),
        ("call 112 now", True),
        ("Ring 999.", True),
    ],
)
def test_an_issue_number_is_no_emergency_number(text, health):
    assert bool(default_rules().cue("health_words", text)) is health


def test_a_line_of_roman_numerals_and_a_name_stays_a_line():
    # Guard: "V. Kumar, physio" is no numbered heading.
    doc = parse_document("Notes\n\nV. Kumar, physio\nSaw the patient today.\n", "text")
    assert "Kumar, physio" not in [section.heading for section in doc.sections]


QUARTERLY = """**The Towpath Telegraph** | Drifters' Boat Club | Autumn quarterly

Stoppages: Thornbury flight closed 4-22 November for gate replacement.

AGM minutes are on the noticeboard in the clubhouse.

## Choir news

Sopranos: sectional with Clare on 1 April. Listen to the learning track before next week.

## Health matters: the hip that pinches

Femoroacetabular impingement is when the ball and the socket of the hip rub together
when the hip bends deeply. Physiotherapy to strengthen the hip muscles is the first
treatment to try.
"""


def test_notices_before_the_first_heading_and_a_section_about_other_things_go():
    plan = analyse(QUARTERLY.encode(), "quarterly.md", format="markdown")
    text = " ".join([page.summary for page in plan.pages] + [blocks_text(plan)])
    assert "Stoppages" not in text and "Sopranos" not in text
    assert "Physiotherapy to strengthen the hip" in text or any(
        page.title == "Physiotherapy" for page in plan.pages
    )


def test_a_story_before_the_first_heading_stays_without_a_title():
    # Guard: an opening that tells of the hip is the article's own.
    story = QUARTERLY.replace(
        "AGM minutes are on the noticeboard in the clubhouse.",
        "Owain's hip has pinched every time he climbs out of the hatch.",
    )
    plan = analyse(story.encode(), "quarterly.md", format="markdown")
    text = " ".join([page.summary for page in plan.pages] + [blocks_text(plan)])
    assert "Owain's hip has pinched" in text
