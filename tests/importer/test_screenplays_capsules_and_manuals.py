"""Classes seen in a screenplay written in Fountain, a Gemini capsule's page, a manual
page saved as text, a pull request, a product's customer questions, a patient's story
with a staff reply and a discharge letter in a mail client's print view: the text each
format carries, its furniture, how a subject is found in a story, and how exercises
are named in speech, suggestions and lists."""

from __future__ import annotations

import pytest

from back_health.importer.chrome import chrome_reason
from back_health.importer.classify.subject import is_identifier
from back_health.importer.dose import read_dose
from back_health.importer.fountain import NOTE_REASON, TITLE_PAGE_REASON, read_fountain
from back_health.importer.gemtext import LINK_REASON, read_gemtext
from back_health.importer.manpage import REASON as MANUAL_REASON
from back_health.importer.manpage import read_manpage
from back_health.importer.pipeline import analyse

from .documents import blocks_text, exercises_of, warnings_of

SCREENPLAY = """Title: Sitting Comfortably: Coccyx Pain
Credit: Written by
Author: T. Mensah
Draft date: 2nd draft, 03/02/2025
Contact: Media team, ext. 220

===

FADE IN:

INT. GP SURGERY - DAY

OWEN (50s, bus driver) lowers himself onto a chair, one hip first.

[[Check the surgery logo is blurred.]]

DR LANE
So it hurts right at the bottom of your spine when you sit?

OWEN
(wincing)
Worst when I lean back in the cab.

DR LANE
That sounds like coccydynia, pain in the tailbone. It usually settles within a few months.

DR LANE (CONT'D)
A cushion with a cut-out at the back takes the weight off it.

INT. GP SURGERY - LATER

DR LANE
First, lie on your back with your knees bent.

DR LANE (CONT'D)
Then the knee rolls. Let both knees fall to one side and back. 10 times each side, twice a day.

DR LANE (V.O.)
Call 999 if you cannot control your bladder or bowels.

FADE OUT.

/* The scene about driving breaks was cut. */

> THE END <
"""


def test_a_screenplay_reads_as_its_title_and_what_is_said():
    text, dropped = read_fountain(SCREENPLAY)
    assert text.startswith("Sitting Comfortably: Coccyx Pain\n===")
    assert "That sounds like coccydynia" in text and "Worst when I lean back" in text
    for furniture in ("Author", "FADE", "INT.", "DR LANE", "(wincing)", "OWEN (50s", "[[", "/*"):
        assert furniture not in text
    assert (TITLE_PAGE_REASON, "Author: T. Mensah") in dropped
    assert (NOTE_REASON, "[[Check the surgery logo is blurred.]]") in dropped
    assert (NOTE_REASON, "/* The scene about driving breaks was cut. */") in dropped
    assert ("speaker label", "DR LANE (CONT'D)") in dropped
    assert ("chrome: script direction", "INT. GP SURGERY - DAY") in dropped


def test_a_screenplay_is_imported_with_its_spoken_exercise_and_warning():
    plan = analyse(SCREENPLAY.encode(), "coccyx.fountain.txt", format="text")
    assert plan.main_page.title == "Coccydynia"
    [knee_rolls] = exercises_of(plan)
    assert knee_rolls["name"] == "Knee rolls"
    assert knee_rolls["dose"]["repetitions"] == 10 and knee_rolls["dose"]["per_side"]
    assert [w["severity"] for w in warnings_of(plan)] == ["emergency"]


@pytest.mark.parametrize(
    "text",
    [
        # A document's metadata over prose is no screenplay.
        "Title: Back pain at work\nAuthor: Occupational Health\n\nKeep moving.\n\n"
        "Most back pain settles in 6 weeks.\n",
        # A radio script labels its speakers before a colon: another reader's.
        "INT. KITCHEN - DAY\n\nBRENDA: Six more bags.\n\nINT. GARDEN - LATER\n\n"
        "TOM: Mind your back.\n",
    ],
)
def test_a_text_that_is_no_screenplay_is_left_as_it_is(text):
    assert read_fountain(text) == (text, [])


CAPSULE = """# ~ana's notes

=> gemini://notes.example/ home
=> gemini://notes.example/log/ all posts

## Coccydynia, six months on

* sitting on hard chairs
* a fall onto the bottom

> Most coccyx pain settles within a year.

```
knee rolls ....... 10 each side, twice a day
pelvic tilt ...... 10 times, daily
```

=> gemini://notes.example/log/older.gmi Previous: my new bike
"""


def test_a_gemini_page_reads_as_its_document_without_its_links():
    text, dropped = read_gemtext(CAPSULE)
    assert "Coccydynia, six months on\n---" in text
    assert "- sitting on hard chairs" in text
    assert "Most coccyx pain settles within a year." in text and "> " not in text
    # A preformatted line that joins a name to its text with dot leaders is an item.
    assert "- knee rolls: 10 each side, twice a day" in text
    assert "gemini://" not in text and "```" not in text
    assert (LINK_REASON, "Previous: my new bike") in dropped
    assert (LINK_REASON, "all posts") in dropped


def test_a_gemini_page_is_imported_with_its_exercises():
    plan = analyse(CAPSULE.encode(), "coccyx.gmi.txt", format="text")
    names = [e["name"] for e in exercises_of(plan)]
    assert names == ["Knee rolls", "Pelvic tilt"]


def test_a_text_with_one_arrow_line_is_no_gemini_page():
    text = "Keep moving.\n=> see the leaflet\nWalk daily.\n"
    assert read_gemtext(text) == (text, [])


MANUAL = """SCIATICA(7)              Back Care Manual              SCIATICA(7)

NAME
       sciatica - leg pain from an irritated nerve in people who lift at work

SYNOPSIS
       sciatica [--left|--right] [--since=DAYS]

DESCRIPTION
       Sciatica is pain that travels from the lower back down the leg. It
       usually gets better within 6 weeks.

CAUSES
       slipped disc
              A disc bulges and presses on the nerve root.

OPTIONS
       --bed-rest
              Bed rest is not recommended. It slows recovery.

EXERCISES
       knee to chest stretch
              Lie on your back and pull one knee up. Hold 20 seconds.
              Do each side twice, 3 times a day.

EXIT STATUS
       0      Settled.

FILES
       /etc/work/lifting.conf
              Lifting limits.

Back Care 1.0                   2025-03-01                   SCIATICA(7)
 Manual page sciatica(7) line 1/40 (END) (press h for help or q to quit)
"""


def test_a_manual_page_reads_as_its_sections_and_tagged_paragraphs():
    text, dropped = read_manpage(MANUAL)
    assert text.startswith("Leg pain from an irritated nerve")
    assert "Description\n---" in text and "Sciatica is pain that travels" in text
    assert "- slipped disc: A disc bulges and presses on the nerve root." in text
    # An option's text stays; the flag and the section's heading go.
    assert "Bed rest is not recommended." in text and "--bed-rest" not in text
    assert "OPTIONS" not in text and "Options" not in text
    for furniture in (
        "SYNOPSIS",
        "--since",
        "EXIT STATUS",
        "/etc/work",
        "SCIATICA(7)",
        "line 1/40",
    ):
        assert furniture not in text
    assert (MANUAL_REASON, "--bed-rest") in dropped
    assert (MANUAL_REASON, "sciatica [--left|--right] [--since=DAYS]") in dropped


def test_a_manual_page_is_imported_with_its_exercises_and_subject():
    plan = analyse(MANUAL.encode(), "sciatica.7.txt", format="text")
    # "... in people who lift at work": who gets it, said in a clause, is no part of it.
    assert plan.main_page.title == "Leg pain from an irritated nerve"
    [stretch] = exercises_of(plan)
    assert stretch["name"] == "Knee to chest stretch"
    assert stretch["dose"]["repetitions"] == 2 and stretch["dose"]["times_per_day"] == 3


def test_a_text_without_a_manual_header_is_not_read_as_one():
    text = "NAME\n       sciatica - leg pain\n\nDESCRIPTION\n       Leg pain.\n"
    assert read_manpage(text) == (text, [])


@pytest.mark.parametrize(
    ("name", "identifier"),
    [
        ("Content/wry-neck", True),
        ("pages/neck/wry-neck.md", True),
        ("docs/back_pain.md", True),
        ("Sprain/strain", False),
        ("Co-codamol 30/500", False),
        ("L4/L5 disc prolapse", False),
    ],
)
def test_a_path_or_branch_name_is_no_subject(name, identifier):
    assert is_identifier(name) is identifier


@pytest.mark.parametrize(
    ("story", "found"),
    [
        (
            "Four visits before anyone listened\n\nDad had back pain for a week, and the"
            " back pain got worse. Then the back pain came with a fever. Within hours he"
            " was in theatre. He had a spinal epidural abscess.\n",
            "Spinal epidural abscess",
        ),
        (
            "Three days on the hill, and the arm that stopped working\n\nBy day two my"
            " shoulder ached under the strap and my hand went tingly. My GP and then a"
            " physio diagnosed rucksack palsy, also called backpack palsy.\n",
            "Rucksack palsy",
        ),
    ],
)
def test_a_story_is_about_the_condition_it_says_was_found(story, found):
    plan = analyse(story.encode(), "story.txt", format="text")
    assert plan.main_page.title == found


def test_each_side_twice_is_two_repetitions():
    dose = read_dose("Hold 30 seconds. Do each side twice, 2 times a day.").dose
    assert dose["repetitions"] == 2 and dose["per_side"] and dose["times_per_day"] == 2
    # A frequency is no count of repetitions.
    assert read_dose("Do each side twice a day.").dose["repetitions"] is None


def test_a_suggestion_naming_counted_exercises_is_an_exercise_list():
    source = (
        "<h1>Lower back strain</h1><p>A lower back strain is a pulled muscle.</p>"
        "<p>Gentle stretches help. Try the knee to chest stretch, holding for 20 seconds on"
        " each side, and the cat-cow stretch, 10 times. Do both twice a day.</p>"
    )
    plan = analyse(source.encode(), "qa.html", format="html")
    found = {e["name"]: e["dose"] for e in exercises_of(plan)}
    assert set(found) == {"Knee to chest stretch", "Cat-cow stretch"}
    # The routine's frequency is for both.
    assert found["Knee to chest stretch"]["times_per_day"] == 2
    assert found["Cat-cow stretch"]["times_per_day"] == 2


def test_what_an_exercise_is_done_over_leaves_a_long_label():
    source = (
        "<h1>Thoracic stiffness</h1><p>Home exercises, each twice a day:</p><ul>"
        "<li>Thoracic extension over the back of a chair: 10 repetitions</li>"
        "<li>Seated rotation: 10 repetitions to each side</li></ul>"
    )
    plan = analyse(source.encode(), "letter.html", format="html")
    names = [e["name"] for e in exercises_of(plan)]
    assert names == ["Thoracic extension", "Seated rotation"]


@pytest.mark.parametrize(
    "line",
    [
        "Asked by Dev, Leeds · 4 March 2025",
        "Answered by Priya, Pharmacist (MPharm) · 5 March 2025",
        "Dictated 3 March 2025, typed 5 March 2025 (KA/lm)",
        "Top comments (23)",
        "Comments powered by giscus",
        "3 reactions",
        "Back Health (2 Part Series)",
    ],
)
def test_question_bylines_letter_typing_lines_and_comment_furniture_are_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    [
        "Answered by a physiotherapist: bridges help",
        "Dictated advice is in the letter.",
        "Three reactions to the news were common.",
    ],
)
def test_text_that_starts_like_furniture_is_kept(line):
    assert not chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    [
        "sam-okafor commented 3 days ago",
        "dr-mcleod reviewed 2 days ago · Changes requested",
        "github-actions bot commented yesterday",
        "Open · sam wants to merge 3 commits into main from content/neck-rewrite",
        "Conversation 6 · Commits 3 · Checks 4 · Files changed 2",
        "This branch has no conflicts with the base branch.",
        "Merge pull request · You can also open this in GitHub Desktop.",
        "Preview deployed to https://pr-214.preview.example.org",
        "Closes #198.",
        "Disclaimer: I'm a developer, not a doctor.",
    ],
)
def test_a_pull_requests_furniture_and_a_disclaimer_are_chrome(line):
    assert chrome_reason(line)


def test_a_letters_signature_after_its_sign_off_is_dropped():
    source = (
        "<h1>Discharge letter</h1><p>Diagnosis: thoracic disc herniation.</p>"
        "<p>Take naproxen with food for 10 days.</p><p>Yours sincerely,</p>"
        "<p>Mr K. Adebayo, Consultant Spinal Surgeon<br>Dictated 3 March 2025, typed"
        " 5 March 2025 (KA/lm)</p><p>cc: Dr P. Rowntree, The Mill Surgery</p>"
    )
    plan = analyse(source.encode(), "letter.html", format="html")
    text = blocks_text(plan)
    assert "Adebayo" not in text and "Rowntree" not in text and "Dictated" not in text
    assert "Take naproxen with food" in text
    assert any(d.reason == "signature" and "Adebayo" in d.text for d in plan.dropped)


def test_advice_after_a_sign_off_is_no_signature():
    source = (
        "<h1>Back pain</h1><p>Keep moving and take paracetamol if you need it.</p>"
        "<p>Kind regards,</p><p>Please call 999 if your legs go weak.</p>"
    )
    plan = analyse(source.encode(), "note.html", format="html")
    assert [w["severity"] for w in warnings_of(plan)] == ["emergency"]


def test_a_list_of_tags_is_page_metadata():
    source = (
        "<h1>Spinal epidural abscess</h1><p>A spinal epidural abscess is a collection of"
        " pus beside the spinal cord. It is treated with antibiotics.</p>"
        '<ul class="tags"><li>What was good: <span>the scan</span></li>'
        "<li>Feelings: <span>relieved</span></li></ul>"
    )
    plan = analyse(source.encode(), "story.html", format="html")
    text = blocks_text(plan)
    assert "Feelings" not in text and "What was good" not in text


def test_going_easy_on_a_medicine_for_a_named_reason_is_a_caution():
    source = (
        "# Rucksack palsy\n\nRucksack palsy is a nerve injury from heavy shoulder straps."
        "\n\n- Go easy on ibuprofen if you are dehydrated, because it can strain your"
        " kidneys.\n"
    )
    plan = analyse(source.encode(), "trip.md", format="markdown")
    assert [w["severity"] for w in warnings_of(plan)] == ["caution"]
