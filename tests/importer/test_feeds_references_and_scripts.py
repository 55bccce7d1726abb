"""Classes seen in a site's news feed, a reference manager's export, a radio drama's
script and a leaflet's record in such an export: the text each format carries, its
furniture, and what a labelled paragraph of advice and exercises holds."""

from __future__ import annotations

import pytest

from back_health.importer.chrome import chrome_reason
from back_health.importer.feed import FEED_REASON, feed_to_html, is_feed
from back_health.importer.load import load_source
from back_health.importer.names import check_name
from back_health.importer.pipeline import analyse
from back_health.importer.ris import DETAILS_REASON, read_ris
from back_health.importer.rules import default_rules
from back_health.importer.script import read_script

from .documents import cleaned_text, exercises_of, warnings_of

RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
    xmlns:content="http://purl.org/rss/1.0/modules/content/"
    xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Northway Physio - Blog</title>
  <link>https://northway.example/blog/</link>
  <description>Advice from our physiotherapists</description>
  <lastBuildDate>Mon, 12 May 2025 08:30:11 +0000</lastBuildDate>
  <generator>https://wordpress.org/?v=6.5.3</generator>
  <item>
    <title>Spinal stenosis, part 1: what is it?</title>
    <link>https://northway.example/blog/stenosis-1/</link>
    <dc:creator><![CDATA[Ann Lee]]></dc:creator>
    <pubDate>Mon, 21 Apr 2025 07:00:00 +0000</pubDate>
    <category><![CDATA[Series]]></category>
    <description><![CDATA[<p>Spinal stenosis is a narrowing of the spinal canal in
    the lower back that can squeeze the nerves.</p><p>The post <a href="x">Spinal stenosis,
    part 1</a> appeared first on <a href="y">Northway Physio</a>.</p>]]></description>
  </item>
  <item>
    <title>Spinal stenosis, part 2: when to get help</title>
    <link>https://northway.example/blog/stenosis-2/</link>
    <pubDate>Mon, 28 Apr 2025 07:00:00 +0000</pubDate>
    <description>Short summary only.</description>
    <content:encoded><![CDATA[<p>Call 999 or go to A&amp;E if you have numbness between
    your legs or cannot control your bladder.</p><p>See your GP if walking distance keeps
    getting shorter over several weeks.</p>]]></content:encoded>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Clinic news</title>
  <updated>2025-05-12T08:30:11Z</updated>
  <id>urn:uuid:60a76c80</id>
  <entry>
    <title>Whiplash: what helps</title>
    <link href="https://clinic.example/whiplash"/>
    <id>urn:uuid:1225c695</id>
    <updated>2025-05-01T08:00:00Z</updated>
    <summary>Whiplash is a neck injury from a sudden jolt. Keep your neck moving.</summary>
  </entry>
</feed>
"""


def test_a_feed_reads_as_its_posts_under_their_titles():
    page, dropped = feed_to_html(RSS)
    assert "<h2>Spinal stenosis, part 1: what is it?</h2>" in page
    # The full content wins over the short description.
    assert "Call 999 or go to A&amp;E" in page and "Short summary only" not in page
    details = [text for reason, text in dropped if reason == FEED_REASON]
    for furniture in ("Northway Physio - Blog", "https://northway.example/blog/stenosis-1/"):
        assert furniture in details
    assert "Ann Lee" in details and "Mon, 21 Apr 2025 07:00:00 +0000" in details
    assert "Northway Physio - Blog" not in page and "wordpress.org" not in page


def test_an_atom_feed_reads_as_its_entries():
    page, dropped = feed_to_html(ATOM)
    assert "<h2>Whiplash: what helps</h2>" in page and "sudden jolt" in page
    assert ("chrome: feed details", "https://clinic.example/whiplash") in dropped
    assert ("chrome: feed details", "Clinic news") in dropped


def test_a_feed_saved_as_text_is_imported_as_its_posts():
    loaded = load_source(RSS.encode(), "feed.txt", max_bytes=5_000_000, format="text")
    assert loaded.format == "html"
    plan = analyse(RSS.encode(), "feed.txt", format="text")
    assert plan.main_page.title == "Spinal stenosis"
    assert [w["severity"] for w in warnings_of(plan)] == ["emergency", "see_doctor"]
    text = " ".join(str(b.value) for p in plan.pages for b in p.blocks)
    assert "appeared first on" not in text and "<?xml" not in text


@pytest.mark.parametrize(
    "text",
    [
        "<?xml version='1.0'?><rss><channel><item><title>x</item></channel></rss>",  # broken
        "<html><body><p>Not a feed</p></body></html>",
        "RSS feeds are a way to follow a site.",
    ],
)
def test_a_text_that_is_no_readable_feed_is_not_read_as_one(text):
    assert feed_to_html(text) is None


def test_a_feed_is_known_by_its_root_after_a_declaration():
    assert is_feed(RSS) and is_feed(ATOM)
    assert not is_feed('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')


RIS = """TY  - JOUR
ID  - 1041
AU  - Lindqvist, Anna M.
TI  - Thoracic outlet syndrome: a narrative review
T2  - Journal of Upper Limb Medicine
PY  - 2022
DO  - 10.5555/julm.2022.0088
KW  - cervical rib
AB  - Thoracic outlet syndrome is compression of the nerves or blood vessels that pass
between the collarbone and the first rib. Causes include an extra rib in the neck.
ER  -

TY  - PAMP
AU  - Northfield Hospitals Physiotherapy
TI  - Thoracic outlet syndrome: exercises and advice (patient leaflet)
UR  - https://northfield.example/leaflets/tos
N1  - Leaflet text: Avoid carrying heavy bags on your shoulder. Scalene stretch: sit tall,\
 tilt your ear towards the opposite shoulder and hold for 30 seconds, 3 times each side,\
 twice a day. Go to A&E straight away if your arm suddenly swells, turns blue or feels\
 cold.
ER  -
"""


def test_a_reference_export_keeps_titles_abstracts_and_notes():
    text, dropped = read_ris(RIS)
    assert "Thoracic outlet syndrome: a narrative review\n---" in text
    # A line with no tag goes on with the field before it.
    assert "pass between the collarbone" in text
    assert "Leaflet text: Avoid carrying heavy bags" in text
    assert "Lindqvist" not in text and "10.5555" not in text and "JOUR" not in text
    assert (DETAILS_REASON, "AU  - Lindqvist, Anna M.") in dropped
    assert (DETAILS_REASON, "T2  - Journal of Upper Limb Medicine") in dropped


@pytest.mark.parametrize(
    "text",
    ["TY  - JOUR\nTI  - One record\nER  - \n", "AU  - Someone\nNotes about the spine.\n"],
)
def test_a_text_with_fewer_than_two_records_is_left_as_it_is(text):
    assert read_ris(text) == (text, [])


def test_a_labelled_paragraph_of_advice_and_an_exercise_is_read_part_by_part():
    plan = analyse(RIS.encode(), "export.ris.txt", format="text")
    assert [e["name"] for e in exercises_of(plan)] == ["Scalene stretch"]
    (emergency,) = [w for w in warnings_of(plan) if w["severity"] == "emergency"]
    assert "arm suddenly swells" in emergency["text"]


SCRIPT = """HARTSHIRE HEALTH PARTNERSHIP - "BACK ON YOUR FEET" CAMPAIGN
Script ref: HHP-RAD-0325-v4 FINAL    Client approval: 17/03/2025

SCENE 1. EXT. ALLOTMENT - SATURDAY MORNING

SFX: Birdsong. A spade biting into heavy soil.
MUSIC: Light acoustic guitar, under.

BRENDA: (60s, cheerful, out of breath) Six more bags of compost and this bed's done.

DES: (70s, dry) You said that an hour ago. Bend your knees.

SCENE 2. INT. HIGH STREET PHARMACY - MONDAY

PRIYA: (pharmacist, warm) It sounds like you've strained a muscle in your lower back.

VOICEOVER: (female, warm, clear)
Back strain after gardening usually gets better within a few weeks. Keep moving.
Call 999 if you have numbness around your bottom or genitals.

END OF SCRIPT    Total running time 1'30"
"""


def test_a_scripts_scene_headings_and_actors_directions_go():
    text, dropped = read_script(SCRIPT)
    assert "SCENE 1" not in text and "EXT." not in text and "INT." not in text
    assert "(60s, cheerful" not in text and "(female, warm, clear)" not in text
    assert "Six more bags of compost" in text and "Back strain after gardening" in text
    assert ("chrome: script direction", "(60s, cheerful, out of breath)") in dropped


def test_an_organisation_named_by_a_title_is_no_subject():
    plan = analyse(SCRIPT.encode(), "script.txt")
    assert "partnership" not in plan.main_page.title.lower()
    text = " ".join(str(b.value) for p in plan.pages for b in p.blocks)
    assert "Script ref" not in text and "Total running time" not in text


def test_a_foreign_example_in_a_list_item_goes_and_its_translation_stays():
    text = (
        "# lumbago\n\n## Noun\n\n1. pain in the lower back\n"
        "   - Un lumbago guérit le plus souvent en quelques jours sans traitement particulier.\n"
        "     Lumbago usually gets better in a few days without any particular treatment.\n"
    )
    kept = cleaned_text(text, "markdown")
    assert "guérit" not in kept
    assert "Lumbago usually gets better in a few days" in kept


DICTIONARY = """# lumbago

## Pronunciation

- (Received Pronunciation) IPA: /lʌmˈbeɪɡəʊ/
- Rhymes: -eɪɡəʊ

## Noun

Pain in the muscles and joints of the lower back.

## Translations

| Language | pain in the lower back |
|---|---|
| Dutch | spit (n), lendepijn (m) |
| German | Hexenschuss (m) |

Categories: English terms borrowed from Late Latin · en:Diseases
"""


def test_a_dictionary_entrys_pronunciation_translations_and_categories_go():
    kept = cleaned_text(DICTIONARY, "markdown")
    for furniture in ("IPA", "Rhymes", "lendepijn", "Hexenschuss", "Categories"):
        assert furniture not in kept
    assert "Pain in the muscles and joints of the lower back." in kept


@pytest.mark.parametrize(
    "line",
    [
        "Open item · Open PDF",
        "Collection: MSK Clinic › Neck › Cervical radiculopathy · 4 items · 19 annotations",
        "Board: Patient Leaflets 2025 – Riverside MSK Clinic",
        "Members: @nkaur (Navdeep Kaur), @tombaxter (Tom Baxter)",
        "Navdeep Kaur added this card to Drafting – 27 May 2025 10:05",
        "Terms in this set (12)",
        "Teacher · 12 terms · Last updated 2 years ago",
        "Unlock answers with explanations.",
        "The post Spinal stenosis, part 1 appeared first on Northway Physio.",
    ],
)
def test_reference_manager_card_and_study_set_furniture_is_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize("line", ["List: In review", "1 / 12"])
def test_short_furniture_lines_are_chrome_on_their_own(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line", ["Open the window for fresh air.", "Board games help children rest after school."]
)
def test_lines_like_that_furniture_stay_text(line):
    assert not chrome_reason(line)


def test_a_caution_that_names_its_risk_in_a_list_of_help_is_boxed():
    text = (
        "# Cervical radiculopathy\n\nCervical radiculopathy is arm pain from a trapped nerve"
        " in the neck.\n\n"
        "- Call 999 or go to A&E if you suddenly lose strength in both arms.\n"
        "- See your GP if your arm pain is no better after 6 weeks.\n"
        "- Gabapentin can make you drowsy, so do not drive until you know how it affects"
        " you.\n"
    )
    plan = analyse(text.encode(), "notes.md")
    assert sorted(w["severity"] for w in warnings_of(plan)) == [
        "caution",
        "emergency",
        "see_doctor",
    ]


def test_a_notes_comment_label_names_no_page():
    text = (
        "# Cervical radiculopathy\n\n## Treatment\n\n"
        "Comment: Traction out of the leaflet. Same for a soft collar.\n\n"
        "Neck exercises help most people.\n"
    )
    plan = analyse(text.encode(), "notes.md")
    assert not any(page.title.lower() == "comment" for page in plan.pages)


FLASHCARDS = """<html><head><title>Scheuermann's disease | Cardly</title></head><body>
<main><h1>Scheuermann's disease</h1>
<p class="creator">Created by <a href="/u/jess">jess</a> · Teacher · 12 terms</p>
<ul class="terms">
<li><span class="term">Scheuermann's disease</span><span class="def">A condition where the
vertebrae of the upper spine grow unevenly in the teenage years.</span></li>
<li><span class="term">Red flags</span><span class="def">Call 999 or go to A&amp;E if there
is sudden weakness in both legs. Get an urgent GP appointment the same day for new
numbness in the legs.</span></li>
<li><span class="term">Home exercise: prone back extension</span><span class="def">Lie face
down and lift the chest off the floor. Hold for 5 seconds, 10 repetitions, once a
day.</span></li>
</ul></main></body></html>"""


def test_a_study_sets_terms_read_apart_from_their_definitions():
    kept = cleaned_text(FLASHCARDS, "html")
    assert "Red flags: Call 999" in kept and "flagsCall" not in kept


def test_a_study_sets_cards_give_their_warnings_and_exercise():
    plan = analyse(FLASHCARDS.encode(), "set.html")
    assert [w["severity"] for w in warnings_of(plan)] == ["emergency", "urgent"]
    assert [e["name"] for e in exercises_of(plan)] == ["Prone back extension"]


CONSULTATION = """<html><head><title>Naproxen for back pain | PillPost</title></head><body>
<main><h1>Naproxen for back pain</h1>
<p>Naproxen is an anti-inflammatory painkiller for short flare-ups of low back pain.
Take it with food, for the shortest time that works.</p>
<form>
<p>Answer every question so our doctor can check that naproxen is safe for you. Your
answers are private and are read by a UK-registered doctor before anything is sent. If an
answer means naproxen is not right for you, we will tell you straight away and explain
where to get help instead. It takes about three minutes.</p>
<fieldset><legend>Do you have numbness around your bottom or genitals?</legend>
<label><input type="radio" name="q1"> Yes</label> <label><input type="radio" name="q1"> No</label>
<div class="stop-message" hidden><p>These symptoms can be a sign of cauda equina syndrome.
Do not continue: go to A&amp;E or call 999 now.</p></div></fieldset>
<fieldset><legend>Do you have a high temperature?</legend>
<label><input type="radio" name="q2"> Yes</label> <label><input type="radio" name="q2"> No</label>
<div class="stop-message" hidden><p>We can't prescribe for you online. Please speak to your
GP urgently or call NHS 111 today.</p></div></fieldset>
</form>
<div class="promo" hidden><p>Sign up for 10% off your first order today.</p></div>
</main></body></html>"""


def test_a_questionnaires_messages_on_an_answer_are_content_though_hidden():
    plan = analyse(CONSULTATION.encode(), "naproxen.html")
    severities = [w["severity"] for w in warnings_of(plan)]
    assert "emergency" in severities and "urgent" in severities
    assert "10% off" not in cleaned_text(CONSULTATION, "html")


def test_an_ask_the_expert_columns_name_heads_no_warning():
    text = (
        "# Back care\n\n## Ask our physio: living with lumbar spondylosis\n\n"
        "Lumbar spondylosis means age-related changes in the discs and joints of the lower"
        " back. Most people over 60 show these changes on an X-ray.\n\n"
        "See your GP if the pain is getting steadily worse.\n"
    )
    plan = analyse(text.encode(), "catalogue.md")
    boxes = warnings_of(plan)
    assert [w["severity"] for w in boxes] == ["see_doctor"]
    assert "X-ray" not in boxes[0]["text"]


def test_a_columnists_reply_heading_names_no_cause():
    text = (
        "# Why does my back ache between my shoulder blades?\n\nI sit at a laptop all day.\n\n"
        "## Dr Hana replies\n\nThe pattern suggests it comes from the muscles of your upper"
        " back.\n"
    )
    plan = analyse(text.encode(), "column.md")
    assert not any("replies" in page.title.lower() for page in plan.pages)


def test_a_group_that_must_not_take_a_medicine_is_a_caution_among_the_things_to_try():
    text = (
        "# Back pain medicines\n\n## Painkillers\n\n"
        "- Codeine can be addictive; talk to us if you need it for more than 3 days.\n"
        "- Children under 12 and women who are breastfeeding must not take codeine.\n"
    )
    plan = analyse(text.encode(), "medicines.md")
    cautions = [w for w in warnings_of(plan) if w["severity"] == "caution"]
    assert any("breastfeeding must not take codeine" in w["text"] for w in cautions)


@pytest.mark.parametrize("name", ["Few people", "A few people", "Most patients", "Some adults"])
def test_who_is_offered_a_treatment_names_no_page(name):
    assert not check_name(name, default_rules()).name


@pytest.mark.parametrize(
    "sentence",
    [
        "Heat packs can help relax muscle spasm in the first few weeks.",
        "Tip: keep a record of your GP and physio appointments – this will help your claim.",
    ],
)
def test_a_passing_claim_or_a_noun_the_name_modifies_writes_no_page(sentence):
    text = (
        "# Back strain\n\nA back strain is an injury to the muscles that support the lower"
        f" spine. {sentence}\n"
    )
    plan = analyse(text.encode(), "page.md")
    assert not [p for p in plan.pages[1:] if p.action == "create"]
