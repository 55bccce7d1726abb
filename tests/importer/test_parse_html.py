"""HTML: title, sections, bold headings, real and faked lists, chrome, safe inline markup."""

import pytest

from back_health.importer.document import ListBlock, Paragraph
from back_health.importer.parse_html import parse_html, safe_href, strip_site_name


def headings(doc):
    return [(section.heading, section.level) for section in doc.sections]


def blocks(doc, heading):
    return next(section.blocks for section in doc.sections if section.heading == heading)


def all_text(doc):
    parts = [doc.title]
    for section in doc.sections:
        parts.append(section.heading)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                parts += [block.text, block.html]
            else:
                parts += [block.lead] + [p for i in block.items for p in (i.text, i.html)]
    return "\n".join(parts)


# --- title and sections ----------------------------------------------------------------


def test_the_h1_is_the_title_rather_than_the_title_element():
    doc = parse_html(
        "<html><head><title>Back pain | Clinic</title></head>"
        "<body><h1>Lower back strain</h1><p>Intro.</p><h2>Causes</h2><p>Lifting.</p></body></html>"
    )
    assert doc.title == "Lower back strain"
    assert headings(doc) == [("Lower back strain", 1), ("Causes", 2)]
    assert blocks(doc, "Lower back strain") == [Paragraph("Intro.")]


def test_without_h1_the_title_comes_from_og_title_then_title_without_site_name():
    og = '<head><meta property="og:title" content="Sciatica"><title>X | Y</title></head>'
    assert parse_html(og + "<p>Text.</p>").title == "Sciatica"
    titled = "<head><title>Neck pain - stretches | Riverside Clinic</title></head><p>Text.</p>"
    assert parse_html(titled).title == "Neck pain - stretches"
    assert strip_site_name("Whiplash – Clinic") == "Whiplash"


def test_h2_to_h6_keep_their_levels():
    doc = parse_html("<h1>T</h1><p>a</p><h2>B</h2><p>b</p><h3>C</h3><p>c</p><h6>D</h6><p>d</p>")
    assert headings(doc) == [("T", 1), ("B", 2), ("C", 3), ("D", 6)]


def test_content_before_the_title_lands_in_an_untitled_section():
    doc = parse_html("<article><p>Useful Tips</p><h1>Sciatica</h1><p>Text.</p></article>")
    assert headings(doc) == [("", 1), ("Sciatica", 1)]
    assert doc.sections[0].blocks == [Paragraph("Useful Tips")]


def test_a_wholly_bold_short_paragraph_is_a_heading_below_the_last_real_heading():
    doc = parse_html(
        "<h1>Sciatica</h1><p>Intro.</p><p><strong>Who gets it?</strong></p><p>Adults.</p>"
        "<h2>Treatment</h2><p><b>At home</b></p><p>Keep moving.</p>"
    )
    assert headings(doc) == [("Sciatica", 1), ("Who gets it?", 2), ("Treatment", 2), ("At home", 3)]


def test_a_bold_sentence_or_bold_lead_is_not_a_heading():
    doc = parse_html(
        "<h1>Sciatica</h1><p><strong>Call 999 if you cannot feel your legs.</strong></p>"
        "<p><strong>Causes include:</strong></p><ul><li>a disc</li></ul>"
    )
    assert headings(doc) == [("Sciatica", 1)]
    assert blocks(doc, "Sciatica")[-1].lead == "Causes include:"


def test_a_bold_first_line_before_a_break_is_a_heading_for_the_rest():
    doc = parse_html("<h1>Sciatica</h1><p>x</p><p><b>Causes</b><br>Usually a slipped disc.</p>")
    assert blocks(doc, "Causes") == [Paragraph("Usually a slipped disc.")]


# --- lists -------------------------------------------------------------------------------


def test_ul_and_ol_become_lists_with_the_preceding_colon_paragraph_as_lead():
    doc = parse_html("<h1>T</h1><p>Treatments include:</p><ol><li>Rest.</li><li>Heat,</li></ol>")
    lead, listing = blocks(doc, "T")
    assert listing == ListBlock(ordered=True, items=listing.items, lead="Treatments include:") and [
        item.text for item in listing.items
    ] == ["Rest", "Heat"]


def test_a_definition_list_is_a_list_of_terms_labelling_their_descriptions():
    doc = parse_html(
        "<h1>T</h1><h2>Treatment</h2><dl><dt>Back brace</dt><dd>Worn for a few months.</dd>"
        "<dd>It supports the spine.</dd><dt><b>Rest</b></dt><dd>Only <em>briefly</em>.</dd>"
        "<dt>Heat</dt></dl>"
    )
    (listing,) = blocks(doc, "Treatment")
    assert [item.text for item in listing.items] == [
        "Back brace: Worn for a few months. It supports the spine.",
        "Rest: Only briefly",
        "Heat",
    ]
    assert listing.items[0].html == (
        "<strong>Back brace</strong>: Worn for a few months. It supports the spine."
    )
    assert listing.items[1].html == "<strong>Rest</strong>: Only <em>briefly</em>."


def test_a_definition_list_without_terms_is_read_as_its_text():
    doc = parse_html("<h1>T</h1><dl><dd>Rest when the pain is bad.</dd></dl>")
    assert "Rest when the pain is bad." in all_text(doc)


def test_a_list_whose_items_are_sections_is_read_as_sections():
    doc = parse_html(
        "<h1>T</h1><ol><li><span>1</span><h3>Step 1: See your GP</h3><p>See your GP first.</p>"
        "<p>They may refer you.</p></li><li><span>2</span><h3>Step 2: Going home</h3>"
        "<p>Do not drive for 6 weeks.</p></li></ol>"
    )
    assert [h for h, _ in headings(doc)][-2:] == ["Step 1: See your GP", "Step 2: Going home"]
    first = blocks(doc, "Step 1: See your GP")
    assert [b.text for b in first] == ["See your GP first.", "They may refer you."]
    assert "1" not in [b.text for b in first]


def test_review_comments_of_a_word_processor_are_dropped_with_their_markers():
    doc = parse_html(
        '<h1>T</h1><p>Wash your hair leaning forward.<sup><a href="#cmnt1" id="cmnt_ref1">[a]'
        '</a></sup></p><p>Rest when it hurts.<a class="msocomanchor" href="#_msocom_1">[A1]</a>'
        '</p><div><p><a href="#cmnt_ref1" id="cmnt1">[a]</a><span>Ravi: added this</span></p>'
        '</div><div><a href="#_msoanchor_1">[A1]</a> Sue: check wording</div>'
    )
    text = all_text(doc)
    assert "Wash your hair leaning forward." in text and "Rest when it hurts." in text
    assert "[a]" not in text and "[A1]" not in text and "Ravi" not in text and "Sue" not in text
    comments = [d.text for d in doc.dropped if d.reason == "chrome: editor comment"]
    assert comments == ["[a] Ravi: added this", "[A1] Sue: check wording"]


def test_nested_lists_are_flattened_in_reading_order():
    doc = parse_html("<h1>T</h1><ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>")
    (listing,) = blocks(doc, "T")
    assert [item.text for item in listing.items] == ["a", "b", "c", "d"]


def test_unclosed_list_items_are_separate_items():
    doc = parse_html("<h1>T</h1><ul><li>one<li>two<li>three</ul>")
    (listing,) = blocks(doc, "T")
    assert [item.text for item in listing.items] == ["one", "two", "three"]


def test_a_list_faked_with_br_and_bullets_is_a_list_with_its_lead():
    doc = parse_html(
        "<h1>T</h1><p>Common causes include:<br>• lifting,<br>• twisting;<br>"
        "• sitting for long periods</p>"
    )
    lead, listing = blocks(doc, "T")
    assert lead == Paragraph("Common causes include:")
    assert not listing.ordered
    assert listing.lead == "Common causes include:"
    assert [i.text for i in listing.items] == ["lifting", "twisting", "sitting for long periods"]


def test_numbered_paragraphs_form_one_ordered_list():
    doc = parse_html("<h1>T</h1><p>1. Lie on your back.</p><p>2. Bend your knees.</p>")
    (listing,) = blocks(doc, "T")
    assert listing.ordered
    assert [item.text for item in listing.items] == ["Lie on your back", "Bend your knees"]


def test_a_line_after_a_faked_item_continues_it():
    doc = parse_html("<h1>T</h1><p>- Stretch<br>slowly and gently<br>- Rest</p>")
    (listing,) = blocks(doc, "T")
    assert [item.text for item in listing.items] == ["Stretch slowly and gently", "Rest"]


def test_a_paragraph_with_plain_line_breaks_stays_one_paragraph():
    doc = parse_html("<h1>T</h1><p>Riverside Clinic<br>12 High Street</p>")
    assert blocks(doc, "T") == [Paragraph("Riverside Clinic 12 High Street")]


# --- content root and chrome -----------------------------------------------------------


PAGE = """
<html><head><link rel="canonical" href="https://example.org/sciatica"></head><body>
<header class="site-header"><a href="/">Clinic</a></header>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<div id="cookie-notice">We use cookies.</div>
<p>Site-wide strapline outside the article</p>
<main><article>
  <h1>Sciatica</h1>
  <div class="share-bar">Share on Facebook</div>
  <p>Sciatica is nerve pain.</p>
  <aside class="callout">Call 999 if both legs are weak.</aside>
  <div class="related-posts"><p>Read also: neck pain</p></div>
  <footer>Tags: nerves</footer>
</article>
<section class="comments"><p>Great post!</p></section></main>
<aside><div class="ad-banner">Buy now</div></aside>
<footer>© Clinic</footer>
</body></html>
"""


def test_the_article_is_the_content_root_and_the_rest_is_recorded_as_dropped():
    doc = parse_html(PAGE)
    assert doc.url == "https://example.org/sciatica"
    assert blocks(doc, "Sciatica") == [
        Paragraph("Sciatica is nerve pain."),
        Paragraph("Call 999 if both legs are weak."),
    ]
    reasons = {d.text: d.reason for d in doc.dropped}
    assert reasons["Clinic"] == "chrome: site header"
    assert reasons["Home About"] == "chrome: navigation"
    assert reasons["We use cookies."] == "chrome: cookie banner"
    assert reasons["Share on Facebook"] == "chrome: share buttons"
    assert reasons["Read also: neck pain"] == "chrome: related posts"
    assert reasons["Tags: nerves"] == "chrome: footer"
    assert reasons["Great post!"] == "chrome: comments"
    assert reasons["Buy now"] == "chrome: sidebar"
    assert reasons["Site-wide strapline outside the article"] == "outside the main content"


def test_the_origin_url_falls_back_to_og_url():
    doc = parse_html('<head><meta property="og:url" content="https://e.org/a"></head><p>x</p>')
    assert doc.url == "https://e.org/a"


def test_a_class_that_only_contains_a_chrome_word_is_not_chrome():
    doc = parse_html('<h1>T</h1><div class="address loader heading"><p>Kept text.</p></div>')
    assert blocks(doc, "T") == [Paragraph("Kept text.")]


def test_a_wrapper_with_a_chrome_class_that_holds_the_article_is_kept():
    doc = parse_html('<div class="has-sidebar"><article><h1>T</h1><p>Body.</p></article></div>')
    assert blocks(doc, "T") == [Paragraph("Body.")]


def test_a_sidebar_of_sentences_inside_the_article_is_a_callout_and_kept():
    doc = parse_html(
        "<article><h1>Sciatica</h1><p>Sciatica is nerve pain.</p>"
        '<aside class="sidebar"><h3>When to see a doctor</h3><ul>'
        "<li>Call 999 if you cannot control your bladder or bowels.</li>"
        "<li>See your GP if the pain is not improving after six weeks of rest.</li></ul>"
        "</aside>"
        '<aside class="sidebar"><h3>Popular</h3><ul><li><a href="/a">Neck pain: what helps'
        ' at home</a></li><li><a href="/b">Ten myths about posture and sitting at work</a>'
        "</li></ul></aside></article>"
    )
    text = all_text(doc)
    assert "Call 999 if you cannot control your bladder" in text
    assert "Ten myths about posture" not in text, "a column of links is still chrome"
    assert any(d.reason == "chrome: sidebar" for d in doc.dropped)


def test_a_red_flags_callout_beside_the_content_in_main_is_kept():
    doc = parse_html(
        "<main><div class='tabs'><section><h1>Spinal cord compression</h1><p>"
        + "Spinal cord compression happens when something presses on the cord. " * 8
        + "</p></section></div><aside class='sidebar callout'><h2>Red flags: act now</h2>"
        "<p>If you notice any of these, call the hotline on 01632 960 400 straight away:</p>"
        "<ul><li>new back pain that wakes you at night</li><li>numbness or weakness in your"
        " legs</li></ul></aside></main>"
    )
    assert "numbness or weakness in your legs" in all_text(doc)


def test_dangerous_elements_go_with_their_content_everywhere():
    doc = parse_html(
        "<h1>T</h1><p>Safe<script>alert('x')</script> text</p><style>p{color:red}</style>"
        "<form><input value='secret'><button>Send</button></form><template>hidden</template>"
        "<iframe>frame text</iframe><noscript>enable js</noscript><svg><text>svg</text></svg>"
    )
    everything = all_text(doc) + "".join(d.text for d in doc.dropped)
    for leaked in ("alert", "color:red", "secret", "Send", "hidden", "frame text", "enable js"):
        assert leaked not in everything
    assert blocks(doc, "T") == [Paragraph("Safe text")]


# --- inline markup ---------------------------------------------------------------------


def test_inline_markup_is_kept_as_safe_html_only():
    doc = parse_html(
        '<h1>T</h1><p style="color:red" onclick="x()">Take <b>ibuprofen</b> or '
        '<i class="x">naproxen</i>, <span>see</span> <a href="https://nhs.uk" target="_blank" '
        'onclick="steal()">the NHS</a> or <a href="javascript:alert(1)">this</a>.</p>'
    )
    (paragraph,) = blocks(doc, "T")
    assert paragraph.text == "Take ibuprofen or naproxen, see the NHS or this."
    assert paragraph.html == (
        "Take <strong>ibuprofen</strong> or <em>naproxen</em>, see "
        '<a href="https://nhs.uk">the NHS</a> or this.'
    )


def test_a_plain_paragraph_has_no_html():
    doc = parse_html("<h1>T</h1><p>Plain <span>text</span> &amp; more</p>")
    assert blocks(doc, "T") == [Paragraph("Plain text & more")]


def test_text_is_escaped_inside_inline_html():
    doc = parse_html("<h1>T</h1><p><b>A&amp;E</b> &lt;now&gt;</p>")
    assert blocks(doc, "T")[0].html == "<strong>A&amp;E</strong> &lt;now&gt;"


def test_only_web_mail_phone_and_fragment_links_are_kept():
    assert safe_href("https://a.org") == "https://a.org"
    assert safe_href("mailto:gp@a.org") == "mailto:gp@a.org"
    assert safe_href("tel:111") == "tel:111"
    assert safe_href("#causes") == "#causes"
    assert safe_href("javascript:alert(1)") == ""
    assert safe_href(" jav\tascript:alert(1)") == ""
    assert safe_href("data:text/html;base64,xx") == ""
    assert safe_href("/relative/page") == ""


def test_an_entity_obfuscated_javascript_link_is_unwrapped():
    doc = parse_html('<h1>T</h1><p><a href="&#106;avascript:alert(1)">click</a> me</p>')
    assert blocks(doc, "T") == [Paragraph("click me")]


def test_bold_split_by_a_break_stays_balanced():
    doc = parse_html("<h1>T</h1><p><b>- one<br>- two</b></p>")
    (listing,) = blocks(doc, "T")
    assert [item.html for item in listing.items] == ["<strong>one</strong>", "<strong>two</strong>"]


# --- robustness ------------------------------------------------------------------------


def test_five_thousand_nested_divs_do_not_crash():
    html = "<div>" * 5000 + "<h1>Deep</h1><p>Still <b>here</b>.</p>" + "</div>" * 5000
    doc = parse_html(html)
    assert doc.title == "Deep"
    assert blocks(doc, "Deep") == [Paragraph("Still here.", "Still <strong>here</strong>.")]


def test_deeply_nested_inline_markup_does_not_crash():
    html = "<h1>T</h1><p>" + "<span>" * 5000 + "deep" + "</span>" * 5000 + "</p>"
    assert blocks(parse_html(html), "T") == [Paragraph("deep")]


def test_malformed_html_does_not_crash():
    doc = parse_html("<h1>T<p>one <b>two <i>three</p><ul><li>x<p>y</div></table>")
    assert doc.title.startswith("T")
    assert "three" in all_text(doc)


def test_unclosed_headings_and_paragraphs_are_closed_like_a_browser_would():
    document = parse_html(
        "<h1>Neck pain<p>Neck pain is common.<ul><li>Poor posture<li>Stress</ul>"
        "<h2>Treatment<p>Physiotherapy helps most people."
    )

    assert document.title == "Neck pain"
    texts = [
        block.text
        for section in document.sections
        for block in section.blocks
        if hasattr(block, "text")
    ]
    assert "Neck pain is common." in texts
    headings = [section.heading for section in document.sections]
    assert "Treatment" in headings
    lists = [
        block
        for section in document.sections
        for block in section.blocks
        if hasattr(block, "items")
    ]
    assert [item.text for item in lists[0].items] == ["Poor posture", "Stress"]


def test_answers_beside_the_question_article_in_main_are_content():
    doc = parse_html(
        "<html><body><header>Ask a Nurse</header><main>"
        "<article><h1>Is a bulging disc serious?</h1><p>My scan shows a bulging disc.</p>"
        "</article><section><h2>Answers</h2><p>A bulging disc is common and usually gets"
        " better on its own within a few months. Keep moving and take simple painkillers"
        " while it settles, and see your GP if the pain spreads down the leg.</p>"
        "</section></main><footer>Terms</footer></body></html>"
    )
    assert "see your GP if the pain spreads" in all_text(doc)
    assert "Terms" not in all_text(doc)


def test_a_long_article_in_main_stays_the_content_without_what_is_beside_it():
    body = "Sciatica is pain down the leg from an irritated nerve. " * 20
    doc = parse_html(
        "<html><body><main><article><h1>Sciatica</h1>"
        f"<p>{body}</p></article><section><p>Newsletter: sign up for our weekly tips.</p>"
        "</section></main></body></html>"
    )
    assert "Newsletter" not in all_text(doc)


def test_the_authors_replies_in_a_thread_stay_and_other_comments_go():
    doc = parse_html(
        "<html><body><article class='post'><h1>I'm a spinal nurse, ask me anything</h1>"
        "<p>I have worked on a spinal ward for ten years.</p></article>"
        "<section class='comments'><div class='comment'><p>Is a scan worth it?</p>"
        "<div class='comment op'><p>Most back pain needs no scan. See your GP if the pain"
        " spreads down both legs.</p></div></div>"
        "<div class='comment'><p>Great thread, thanks!</p></div></section></body></html>"
    )
    text = all_text(doc)
    assert "See your GP if the pain spreads down both legs" in text
    assert "Great thread" not in text
    assert "Is a scan worth it" not in text


@pytest.mark.parametrize(
    "toggle",
    [
        '<button type="button" aria-controls="panel-2" aria-expanded="false">Treatment</button>',
        '<button data-bs-toggle="collapse" data-bs-target="#panel-2">Treatment</button>',
    ],
)
def test_a_closed_accordion_panel_is_content_and_its_button_heads_it(toggle):
    html = (
        "<html><body><h1>Neck pain</h1><p>Neck pain is common.</p>"
        f'<h2 class="acc-heading">{toggle}</h2>'
        '<div id="panel-2" class="acc-panel" hidden><p>Keep your neck moving.</p></div>'
        "<div hidden><p>Loading the chat…</p></div>"
        "</body></html>"
    )
    doc = parse_html(html)
    section = next(s for s in doc.sections if s.heading == "Treatment")
    assert [b.text for b in section.blocks] == ["Keep your neck moving."]
    assert "Loading the chat" not in all_text(doc)


def test_a_toggle_button_before_its_hidden_panel_heads_it():
    html = (
        "<html><body><h1>Disc desiccation</h1><p>Disc desiccation is a dry disc.</p>"
        '<div class="accordion"><button aria-expanded="false">When should I see a GP?</button>'
        '<div class="panel" hidden><p>See your GP if the pain lasts 6 weeks.</p></div>'
        '<button class="expand">Expand all</button></div></body></html>'
    )
    doc = parse_html(html)
    assert (
        blocks(doc, "When should I see a GP?")[0].text == "See your GP if the pain lasts 6 weeks."
    )
    assert "Expand all" not in all_text(doc)


def test_a_hidden_tab_panel_is_content():
    html = (
        "<html><body><h1>Neck pain</h1><p>Neck pain is common.</p>"
        '<div role="tabpanel" hidden><h2>Causes</h2><p>Long hours at a low screen.</p></div>'
        "</body></html>"
    )
    assert "Long hours at a low screen." in all_text(parse_html(html))


def test_an_owners_responses_under_reviews_stay_and_the_reviews_go():
    doc = parse_html(
        "<html><body><h1>Brookfield Physiotherapy</h1><p>Postnatal back pain clinic.</p>"
        "<div class='reviews'><div class='review'><p>Five stars, lovely team!</p>"
        "<div class='owner'><div class='owner-head'>Response from the owner 2 months ago</div>"
        "<p>Back pain after having a baby is common. Call 999 if your legs go numb.</p>"
        "</div></div></div></body></html>"
    )
    text = all_text(doc)
    assert "Call 999 if your legs go numb." in text
    assert "Five stars" not in text


def test_a_toggle_summary_heads_what_the_toggle_holds():
    html = (
        "<html><body><h1>Neck pain</h1><p>Neck pain is common.</p><h2>Questions</h2>"
        "<details><summary>Why does it happen?</summary><p>Long hours at a low screen.</p>"
        "</details><details><summary>Will it last?</summary><p>Most settles in weeks.</p>"
        "</details></body></html>"
    )
    doc = parse_html(html)
    headings = [(s.heading, s.level) for s in doc.sections]
    assert ("Why does it happen?", 3) in headings and ("Will it last?", 3) in headings
    section = next(s for s in doc.sections if s.heading == "Will it last?")
    assert [b.text for b in section.blocks] == ["Most settles in weeks."]


# --- boxes inside a section ------------------------------------------------------------


def test_what_follows_a_care_card_belongs_to_the_section_around_it():
    doc = parse_html(
        "<h1>Neck pain</h1><p>Neck pain is common.</p><h2>Getting help</h2>"
        '<div class="card"><h3>See a GP if:</h3><ul><li>it lasts 6 weeks</li></ul></div>'
        '<div class="card"><h3>Call 999 if:</h3><ul><li>you cannot move</li></ul></div>'
        "<p>About 1 in 10 people see a GP about it.</p><h2>Outlook</h2><p>Good.</p>"
    )
    assert [(s.heading, s.level, s.continues) for s in doc.sections] == [
        ("Neck pain", 1, False),
        ("Getting help", 2, False),
        ("See a GP if:", 3, False),
        ("Call 999 if:", 3, False),
        ("Getting help", 2, True),
        ("Outlook", 2, False),
    ]
    assert doc.sections[4].blocks == [Paragraph("About 1 in 10 people see a GP about it.")]


def test_a_do_and_dont_panel_is_one_box_and_a_section_element_is_no_box():
    doc = parse_html(
        '<h1>Sciatica</h1><h2>Help yourself</h2><div class="do-dont"><h3>Do</h3><ul><li>walk'
        "</li></ul><h3>Don't</h3><ul><li>rest in bed</li></ul></div><p>Most people improve.</p>"
        "<section><h2>Causes</h2><p>A slipped disc.</p></section><h3>Exercises</h3><p>Two.</p>"
    )
    assert [(s.heading, s.continues) for s in doc.sections] == [
        ("Sciatica", False),
        ("Help yourself", False),
        ("Do", False),
        ("Don't", False),
        ("Help yourself", True),
        ("Causes", False),
        ("Exercises", False),
    ]
    # A box with nothing after it leaves no empty section behind.
    doc = parse_html("<h1>Sciatica</h1><h2>Help</h2><div><h3>Do</h3><p>Walk.</p></div>")
    assert [s.heading for s in doc.sections] == ["Sciatica", "Help", "Do"]


def test_a_clinicians_commentary_box_is_the_articles_own_not_a_comment_thread():
    doc = parse_html(
        "<main><h1>Hannah's story</h1><p>Hannah's back ached after her daughter was born.</p>"
        '<aside class="clinician-commentary"><h2>Clinician\'s view</h2>'
        "<p>Sacroiliac joint pain is common after pregnancy.</p></aside>"
        '<section class="comments"><p>Great story, thanks!</p></section></main>'
    )
    texts = [b.text for s in doc.sections for b in s.blocks if isinstance(b, Paragraph)]
    assert "Sacroiliac joint pain is common after pregnancy." in texts
    assert "Great story, thanks!" not in texts


def test_a_definition_list_of_questions_is_an_faq_of_headings_over_their_answers():
    doc = parse_html(
        "<main><h1>Ask the nurse</h1><dl>"
        "<dt>Should I rest when my back flares?</dt><dd><p>Try not to.</p></dd>"
        "<dt>Is it caused by something I did?</dt><dd>No. It tends to run in families.</dd>"
        "</dl></main>"
    )
    headings = [s.heading for s in doc.sections]
    assert "Should I rest when my back flares?" in headings
    answers = {s.heading: [b.text for b in s.blocks] for s in doc.sections}
    assert answers["Is it caused by something I did?"] == ["No. It tends to run in families."]


def test_a_definition_list_of_names_stays_a_list_of_labelled_items():
    doc = parse_html(
        "<main><h1>Glossary</h1><dl><dt>Cold abscess</dt><dd>A collection of pus.</dd>"
        "<dt>Kyphosis</dt><dd>A forward curve of the upper back.</dd></dl></main>"
    )
    (block,) = [b for s in doc.sections for b in s.blocks]
    assert isinstance(block, ListBlock)
    assert block.items[0].text == "Cold abscess: A collection of pus"


def test_a_slide_deck_s_speaker_notes_are_no_part_of_its_slides():
    doc = parse_html(
        "<html><body><div class='reveal'><div class='slides'>"
        "<section><h2>Protecting your spine</h2><p>Bend at the hips, not the back.</p>"
        "<aside class='notes'>Welcome everyone. Pass round the attendance sheet.</aside>"
        "</section></div></div></body></html>"
    )
    text = all_text(doc)
    assert "Bend at the hips, not the back." in text
    assert "attendance sheet" not in text
    assert any(d.reason == "chrome: speaker notes" for d in doc.dropped)


# --- printed pages converted to HTML line by line ----------------------------------------


def _converted(lines_by_page, generator="pdf2htmlEX", style=""):
    """A page as pdf2htmlEX writes one: each printed line a ``div.t`` with its style
    classes, pages in ``div.pf``."""
    pages = []
    for number, lines in enumerate(lines_by_page, 1):
        divs = "".join(
            f'<div class="t m0 x1 {cls} y{i}">{text}</div>' for i, (cls, text) in enumerate(lines)
        )
        pages.append(f'<div id="pf{number}" class="pf w0 h0"><div class="pc">{divs}</div></div>')
    head = f'<meta name="generator" content="{generator}"/>{style}'
    body = f'<div id="page-container">{"".join(pages)}</div>'
    return f"<html><head>{head}</head><body>{body}</body></html>"


HEADER = [("ff1 fs1", "Valley Hospitals NHS Trust"), ("ff1 fs1", "Physiotherapy Department")]
PAGE_ONE = HEADER + [
    ("ff2 fs3", "Coccydynia"),
    ("ff2 fs2", "What is it?"),
    ("ff1 fs0", "Coccydynia is pain in the coccyx, the small bone at the bot-"),
    ("ff1 fs0", "tom of the spine. It often follows a fall or a long time sitting"),
    ("ff1 fs0", "on a hard seat, and usually gets better within a few months."),
    ("ff2 fs2", "What helps"),
    ("ff1 fs0", "• sit on a wedge-shaped cushion"),
    ("ff1 fs0", "• take paracetamol or ibuprofen for a few days"),
    ("ff1 fs1", "Leaflet PT-221 | Review date: May 2027"),
    ("ff1 fs1", "Page 1 of 2"),
]
PAGE_TWO = HEADER + [
    ("ff2 fs2", "When to get help"),
    ("ff1 fs0", "Call 999 if you have numbness around your bottom or cannot"),
    ("ff1 fs0", "control your bladder or bowels. See your GP if the pain is no"),
    ("ff1 fs0", "better after 8 weeks, or you have a high temperature with it."),
    ("ff1 fs0", "Gentle exercise keeps the muscles around the pelvis strong and"),
    ("ff1 fs0", "helps you stay active while the coccyx settles over the weeks."),
    ("ff1 fs1", "Leaflet PT-221 | Review date: May 2027"),
    ("ff1 fs1", "Page 2 of 2"),
]


@pytest.mark.parametrize(
    "style",
    [
        "",  # no style sheet: the rarer a style of short lines, the larger it is
        "<style>.fs0{font-size:36px;}.fs1{font-size:30px;}.fs2{font-size:48px;}"
        ".fs3{font-size:64px;}</style>",
    ],
)
def test_printed_lines_are_read_as_the_leaflet_they_print(style):
    doc = parse_html(_converted([PAGE_ONE, PAGE_TWO], style=style))
    headings = [section.heading for section in doc.sections]
    assert {"What is it?", "What helps", "When to get help"} <= set(headings)
    paragraphs = [b.text for s in doc.sections for b in s.blocks if isinstance(b, Paragraph)]
    assert any(
        text.startswith(
            "Coccydynia is pain in the coccyx, the small bone at the bottom of the spine."
        )
        for text in paragraphs
    )
    items = [
        i.text for s in doc.sections for b in s.blocks if isinstance(b, ListBlock) for i in b.items
    ]
    assert "sit on a wedge-shaped cushion" in items
    kept = " ".join([*paragraphs, *items, *headings])
    for running in ("Page 1 of 2", "Leaflet PT-221", "Physiotherapy Department"):
        assert running not in kept
    assert doc.format == "html"


def test_a_web_page_with_a_few_placed_boxes_is_read_as_html():
    boxes = "".join(
        f'<div style="position:absolute;top:{i}px">Menu item {i}</div>' for i in range(25)
    )
    body = "".join(
        f"<p>Paragraph {i} about back pain and how to ease it at home.</p>" for i in range(40)
    )
    doc = parse_html(
        f"<html><body><nav>{boxes}</nav><main><h1>Back pain</h1>{body}</main></body></html>"
    )
    paragraphs = [b.text for s in doc.sections for b in s.blocks if isinstance(b, Paragraph)]
    assert "Paragraph 3 about back pain and how to ease it at home." in paragraphs
