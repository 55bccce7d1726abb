"""Site chrome recognised by structure and meaning rather than by one template's wording:
blocks of links at the edges of a page, in-page contents lists, forum and comment
furniture, testimonials, contact and opening-hours blocks, leaflet boilerplate, and the
running headers, footers and page numbers of printed text."""

from __future__ import annotations

import pytest

from back_health.importer.clean import chrome_reason, clean_document, heading_chrome_reason
from back_health.importer.parse import parse_document
from back_health.importer.parse_text import strip_running_lines

from .documents import texts_of as document_texts

PROSE = (
    "<p>Shoulder blade pain is often a strained muscle that eases within a few weeks "
    "with gentle movement and heat.</p>"
)


def texts_of(doc) -> str:
    return " ".join(document_texts(doc))


def cleaned(markup, format="html"):
    return clean_document(parse_document(markup, format))


def test_a_menu_of_links_before_the_title_is_dropped_without_any_class_or_landmark():
    doc = cleaned(
        '<div><a href="/">Start</a> <a href="/a-z">Topics</a> <a href="/jobs">Vacancies</a></div>'
        "<h1>Shoulder blade pain</h1>" + PROSE
    )
    assert "Vacancies" not in texts_of(doc)
    assert any(d.reason == "chrome: links" for d in doc.dropped)


def test_a_breadcrumb_ending_in_the_page_title_is_dropped():
    doc = cleaned(
        '<ol><li><a href="/">Start</a></li><li><a href="/leaflets">Leaflets</a></li>'
        "<li>Shoulder blade pain</li></ol><h1>Shoulder blade pain</h1>" + PROSE
    )
    assert "Leaflets" not in texts_of(doc)


def test_links_closing_the_page_are_dropped_but_a_list_of_links_inside_the_article_stays():
    doc = cleaned(
        "<h1>Shoulder blade pain</h1>" + PROSE + "<h2>Treatments</h2>"
        '<ul><li><a href="/physio">Physiotherapy</a></li>'
        '<li><a href="/massage">Massage</a></li></ul>'
        + PROSE.replace("Shoulder blade pain is", "Most pain is")
        + '<div><a href="/privacy">Privacy</a> | <a href="/access">Accessibility</a></div>'
    )
    text = texts_of(doc)
    assert "Physiotherapy" in text and "Massage" in text
    assert "Accessibility" not in text


def test_in_page_links_are_a_table_of_contents_wherever_they_are():
    doc = cleaned(
        "<h1>Shoulder blade pain</h1>" + PROSE + '<ul><li><a href="#causes">Causes</a></li>'
        '<li><a href="#help">Getting help</a></li></ul><h2 id="causes">Causes</h2>' + PROSE
    )
    assert any(d.reason == "chrome: table of contents" for d in doc.dropped)
    assert "Getting help" not in texts_of(doc)


@pytest.mark.parametrize(
    "markup",
    [
        '<div class="postprofile">kim_r<br>Joined: May 2021<br>Posts: 88</div>',
        '<div class="post-actions"><a href="#">Quote</a> <a href="#">Reply</a></div>',
        '<div class="signature">-- keep calm and stretch on</div>',
        '<section class="testimonials"><blockquote>"Brilliant!"</blockquote></section>',
        '<section class="contact-strip"><p>3 Mill Row, Anytown</p></section>',
        '<div class="feedback"><p>Rate our service today</p></div>',
    ],
)
def test_post_furniture_testimonials_and_contact_blocks_are_dropped_by_their_class(markup):
    doc = cleaned("<main><h1>Shoulder blade pain</h1>" + PROSE + markup + "</main>")
    assert len(doc.dropped) == 1 and doc.dropped[0].reason.startswith("chrome: ")


@pytest.mark.parametrize(
    "text",
    [
        "Forum index » Upper back » Pain between the shoulders",
        "Terms | Contact the moderators | Delete cookies",
        "Quote Reply Report Like (3)",
        "Joined: Feb 2020",
        "Posts: 1,204",
        "Started by kim_r · 12 replies · 3,001 views",
        "-- keep calm and stretch on",
        "Page 2 of 5",
        "Rated 4.8 out of 5",
        "Monday to Friday 9am – 5pm Saturday 10am – 2pm Sunday closed",
        "Ashgrove Clinic, 4 Dock Road, Anytown AN3 5PQ",
        "Get directions",
        "Marketing authorisation holder: Example Pharma Ltd",
        "This leaflet was last revised in June 2025.",
        "To get a copy of this leaflet in Braille, phone our helpline.",
        "Keep this leaflet. You may need to read it again.",
        "Sponsored: Which mattress is best for your back?",
        "This website does not provide medical advice.",
        "Sam P says:",
        "View all posts by Sam Patel",
        "Tell us how we can improve this page",
        "Enter your postcode",
        "Last modified by: j.smith on 04/02/2025 09:14",
        "01632 960 123",
        "Open 9am-5.30pm Mon-Fri",
        "Next in the series: Leaflet 3 - Coughs and colds.",
        "Just pop in.",
        "Ashgrove Physio is a family-run business serving Anytown since 1987.",
        "sleepy_dad84 · 3 Feb 2025, 22:41",
        "Admin_Jo 🛡️ Moderator · 4 Feb 2025, 08:05",
        "Please remember our forums are for peer support only.",
        "Replies from our nurses are general information, not a diagnosis.",
        "Always talk to your physio or GP about your own symptoms.",
        "Welcome to our spring issue.",
        "Back Care Service, Block C, Riverside Hospital, Mill Road, Anytown AN1 2BC",
    ],
)
def test_chrome_recognised_by_meaning(text):
    assert chrome_reason(text).startswith("chrome: ")


@pytest.mark.parametrize(
    "text",
    [
        "Monday mornings are often the stiffest time of the week.",
        "Like many people, I found sitting made it worse.",
        "The pain was worse on page 2 of my diary.",
        "Quote the dose on the label when you speak to your pharmacist.",
        "Do not take these tablets if you have had a stomach ulcer.",
        "Reply to every question on the form honestly.",
        "Posture, stress and poor sleep can all make pain worse.",
        "Call 111 or 999 if you cannot stand.",
        "Take 2 tablets 3 times a day.",
        "Pain usually eases within 2 to 6 weeks, from Monday to Friday at work.",
        "Always talk to your GP if the pain spreads down your leg.",
    ],
)
def test_text_that_shares_words_with_chrome_is_kept(text):
    assert chrome_reason(text) == ""


@pytest.mark.parametrize(
    "heading",
    [
        "What our patients say",
        "Testimonials",
        "Find us",
        "Opening hours",
        "Similar threads",
        "3 thoughts on “Back pain at work”",
        "Was this page helpful?",
        "What is in this leaflet",
        "Find a physio near you",
        "Related guidance",
        "Related leaflets",
        "4. YOUR STORIES",
        "Dates for your diary",
        "Prices",
        "What it costs",
        "How much does a session cost?",
        "Tickets",
        "Tickets and registration",
        "How to take part",
        "Sponsorship",
    ],
)
def test_chrome_sections_are_recognised_by_their_heading(heading):
    assert heading_chrome_reason(heading).startswith("chrome: ")


def test_a_list_naming_the_headings_that_follow_is_a_table_of_contents():
    doc = cleaned(
        "# Sciatica\n\nWhat this page covers\n\n- Symptoms\n- Causes\n- 3. Treatment\n\n"
        "## Symptoms\n\nPain runs down the leg.\n\n## Causes\n\nA slipped disc is the usual "
        "cause.\n\n## 3. Treatment\n\nMost people get better with exercise.\n",
        "markdown",
    )
    assert any(d.reason == "chrome: table of contents" for d in doc.dropped)
    assert "What this page covers" not in texts_of(doc)


def test_a_list_that_names_one_later_heading_is_kept():
    doc = cleaned(
        "# Sciatica\n\nIt can come with:\n\n- numbness\n- weakness\n- Causes\n\n"
        "## Causes\n\nA slipped disc is the usual cause.\n",
        "markdown",
    )
    assert "numbness" in texts_of(doc)


PRINTED = (
    "NORTHGATE CLINIC          Patient information\n\n"
    "Shoulder blade pain\n\nPain between the shoulder blades is common.\n\n"
    "Leaflet NC-7          Page 1 of 2\n\f"
    "NORTHGATE CLINIC          Patient information\n\n"
    "When to get help\n\nSee your GP if the pain lasts more than 6 weeks.\n\n"
    "Leaflet NC-7          Page 2 of 2\n"
)


def test_running_headers_footers_and_page_numbers_of_printed_text_are_removed():
    text, removed = strip_running_lines(PRINTED)
    assert "NORTHGATE" not in text and "Page 1 of 2" not in text
    assert "Pain between the shoulder blades is common." in text
    assert {reason for reason, _ in removed} == {
        "chrome: running header or footer",
        "chrome: page number",
    }
    doc = cleaned(PRINTED, "text")
    assert doc.title == "Shoulder blade pain"


def test_lines_repeated_inside_the_pages_and_numbered_steps_are_kept():
    text = (
        "Bridge\n\n1\nLie on your back.\nRepeat 10 times.\n\n"
        "Clam\n\n2\nLie on your side.\nRepeat 10 times.\n"
    )
    kept, removed = strip_running_lines(text)
    assert removed == []
    assert kept == text


def test_amp_furniture_is_dropped_by_its_element():
    doc = cleaned(
        '<amp-sidebar id="menu"><ul><li><a href="/">Start</a></li></ul></amp-sidebar>'
        "<amp-consent><p>We store data on your device.</p></amp-consent>"
        "<article><h1>Shoulder blade pain</h1>" + PROSE + '<amp-social-share type="email">'
        "Send by email</amp-social-share></article>"
    )
    text = texts_of(doc)
    assert "Start" not in text and "store data" not in text and "Send by email" not in text


@pytest.mark.parametrize(
    ("text", "is_chrome"),
    [
        ("Book an appointment with our physios today.", True),
        ("Schedule a consultation with our spine specialists.", True),
        ("Call us on 0113 496 0321.", True),
        ("Get in touch today!", True),
        ("Call us on 0113 496 0321 if your wound becomes red.", False),
        ("Book a review with your GP if the pain has not improved after 2 weeks.", False),
        ("Contact the ward if you have a fever.", False),
    ],
)
def test_a_call_to_action_is_an_imperative_to_book_or_contact_the_clinic(text, is_chrome):
    assert chrome_reason(text).startswith("chrome: ") is is_chrome


@pytest.mark.parametrize(
    "heading",
    [
        "Related conditions",
        "Related guidance on lifting",
        "More information",
        "The cost of back pain to employers",
    ],
)
def test_headings_that_name_content_are_not_chrome(heading):
    assert heading_chrome_reason(heading) == ""


# --- A text browser's dump of a web page --------------------------------------------------

#: A page saved with ``lynx -dump``: numbered links, a menu, a search form, a frame and
#: the list of addresses at the end.
TEXT_DUMP = """\
   #[1]Valley Health RSS feed [2]alternate

   [3]Skip to main content

     * [4]Home
     * [5]Health A to Z
     * [6]Contact us

   Search this site (_______________________) [7][Search]

Coccyx pain

   Coccyx pain is pain at the bottom of the spine. It often follows a
   fall onto your [8]bottom, and usually settles within a few weeks.

   IFRAME: [9]https://www.youtube-nocookie.com/embed/abc123

   Sit on a [10]wedge cushion to take the weight off the coccyx.

   Was this page helpful?
   ( ) Yes  ( ) No
   [11][Submit feedback]

References

   1. https://valley.example/feed.xml
   2. https://valley.example/cy/
   3. https://valley.example/#main
   4. https://valley.example/
   5. https://valley.example/a-z/
   6. https://valley.example/contact/
   7. https://valley.example/search/
   8. https://valley.example/a-z/bottom/
   9. https://www.youtube-nocookie.com/embed/abc123
  10. https://valley.example/a-z/cushions/
  11. https://valley.example/feedback/
"""


def test_a_text_browser_dump_keeps_the_words_of_its_links_and_drops_its_furniture():
    doc = parse_document(TEXT_DUMP, "text")
    kept = " ".join(document_texts(doc))
    assert "It often follows a fall onto your bottom, and usually settles" in kept
    assert "Sit on a wedge cushion to take the weight off the coccyx." in kept
    for furniture in ("[8]", "#[1]", "IFRAME", "(____", "( ) Yes", "[Search]", "https://"):
        assert furniture not in kept
    dropped = " ".join(d.text for d in doc.dropped)
    assert "IFRAME: [9]https://www.youtube-nocookie.com/embed/abc123" in dropped
    assert "1. https://valley.example/feed.xml" in dropped


def test_numbered_citations_in_a_text_are_no_text_browser_dump():
    from back_health.importer.textdump import read_text_dump

    text = (
        "Sciatica\n\nSciatica is common [1]. Most people recover [2][3], and surgery helps"
        " some [4]. Exercise is advised [5].\n\nReferences\n\n1. Smith J. Spine. 2020.\n"
    )
    assert read_text_dump(text) == (text, [])


# --- Scripts for video and audio ----------------------------------------------------------

#: A creator's video script: shots, sounds, on-screen text, speakers and timed scenes.
VIDEO_SCRIPT = """\
# Is your neck pain actually your jaw?

### HOOK (0:00–0:05)

[A-ROLL: Sam to camera, rubbing jaw]
ON-SCREEN TEXT: "neck or jaw? 🤔"
(SFX: ding)

SAM: If your neck aches after a long day of clenching, your jaw joint may be involved.

### SCENE 1 – what helps (0:05–0:30)

[B-ROLL: Sam at a desk, relaxing shoulders]

SAM (VO): Rest your tongue on the roof of your mouth and let your teeth part. (beat)
SAM: See your dentist if the jaw clicks and locks.
"""


@pytest.mark.parametrize("format", ["markdown", "text"])
def test_a_scripts_directions_speakers_and_timings_go_and_what_is_said_stays(format):
    source = VIDEO_SCRIPT if format == "markdown" else VIDEO_SCRIPT.replace("#", "")
    doc = parse_document(source, format)
    kept = " ".join(document_texts(doc))
    assert "If your neck aches after a long day of clenching" in kept
    assert "Rest your tongue on the roof of your mouth and let your teeth part." in kept
    assert "See your dentist if the jaw clicks and locks." in kept
    for furniture in ("A-ROLL", "B-ROLL", "SFX", "ON-SCREEN", "SAM:", "(VO)", "(beat)", "0:05"):
        assert furniture not in kept


def test_a_bracketed_aside_or_link_is_no_script_direction():
    from back_health.importer.script import read_script

    text = (
        "# Back pain\n\n[NHS](https://www.nhs.uk) advice says keep moving (see below).\n\n"
        "[Note: this is general advice.]\n\n(Updated in May.)\n"
    )
    assert read_script(text) == (text, [])
