"""Site chrome around an article (header bars, calls to action, page tools, CMS metadata,
contents lists, copyright, share prompts, cookie banners) is recognised by general
wording rules in data/chrome.json, while advice that uses the same words is kept."""

from __future__ import annotations

import pytest

from back_health.importer.clean import chrome_reason, clean_document, heading_chrome_reason
from back_health.importer.parse import parse_document

from .documents import cleaned_text, texts_of


@pytest.mark.parametrize(
    "text",
    [
        "Emergency? Call an Ambulance 999 | Clinic line 020 7946 0000",
        "0800 123 4567",
        "Book online today and get 10% off your first visit.",
        "Book your visit",
        "Looking for the best neurologist in Leeds? We can help.",
        "Top chiropractor in Manchester",
        "Call us today to arrange an assessment.",
        "Print | Email a friend | Text size",
        "Email this page to a friend",
        "Last modified by: admin on 3 May 2024",
        "Page views: 1,204",
        "Reading time 4 min",
        "Table of contents",
        "On this page",
        "© 2024 Spine Clinic Ltd. All rights reserved.",
        "Share this article",
        "We use cookies to improve your experience.",
        "Print this page | Email a friend | Text size: A A+ A++",
        "Posted on 14 March 2025 by Sam | 8 comments",
        "Posted in Uncategorised. Tags: posture. Comments are closed.",
        "Review date: May 2027.",
        "Leaflet reference: ABC-12.",
        "If you need this leaflet in large print, please ask a member of staff.",
        "Information for patients, relatives and carers",
        "Information for students",
        "[Advertisement]",
        "Here's how you know",
        "An official website of the United States government",
        "Blog > Injuries",
        "with Priya Raman MRPharmS, Raman's Pharmacy, Market Street",
        "This leaflet is for you to keep.",
        "DRAFT for the Riverside Spine Service patient library.",
        "Please do not send to patients until the lead physio has approved it.",
        "Or email helpline@spine-charity.example.org for a reply within two days.",
        "Find a local support group near you.",
        "We welcome your comments about this leaflet.",
        "Please tell a member of staff or write to the Patient Experience Team.",
        "TEAM NEWS: new faces at the clinic",
        "We're delighted to welcome Sam, our new sports massage therapist.",
        "Liked by 17",
        "hillwalker_jo · Regular · Mar 3",
        "Verified clinician · Consultant spinal surgeon · Mar 3",
        "✓ Solution (marked by hillwalker_jo)",
        "Thread pinned for two weeks.",
        "Suggested topics: Facet joint injections · Life after laminectomy",
        "Want to read more? Browse other topics in Lower back.",
        "Spine & Nerves › Lower back · tags: synovial-cyst",
        "This guide is available in other languages and formats, including Easy Read.",
        "Lakeshore Medical Center is a nonprofit academic medical center.",
        "Advertising on our site helps support our mission.",
        "We do not endorse products or services that are not our own.",
        "Last reviewed by a Lakeshore medical professional on 04/18/2025.",
        "Speak to our pharmacist",
        "Pop in for a free, private chat.",
        "Book a video consultation with our team.",
        "Come and practise with us",
        "Our Desk Body Reset class runs every Tuesday at 12.15pm.",
        "12 March 2025 · 7 min read",
        "Updated 2 May 2025 | Reading time: 9 minutes",
        "Leaflet PX-102, issued April 2025",
        "Guidance Note 4 | Version 2.0 | Issued June 2025",
        "This leaflet is for general information only.",
        "This page does not replace the advice of your pharmacist.",
        "Found this article useful? Share it with a friend.",
        "Book your first appointment online today",
        "Refill your prescription online",
        "New patient offer",
        "Learn more",
        "Outpatient reception: 01632 960 555",
        "Telephone 01632 960999",
        "27 Harbour Road, Eastleigh EL4 2QQ",
        "You are visitor number 004512",
        "12,408 visitors since 2003",
        "Text is available under the Creative Commons Attribution-ShareAlike License.",
        "This article is licensed under CC BY-SA 4.0.",
        "By Sam Okafor, Health Correspondent",
        "Published 2 May 2025, 06:00 | Updated 2 May 2025, 09:12",
        "Last updated 14/03/2003",
        "Next update due: May 2027.",
        "Summary 12, third edition.",
        "Best viewed at 800x600 in any browser",
        "Email the webmaster",
        "Sign my Guestbook",
        "What's New",
        "This summary cannot replace clinical judgement.",
        "Prepared by the Northfield Spine Network evidence group.",
        "Request an appointment",
        "Sign up for free health tips",
        "Got a question for our experts? Email us.",
        "We regret we cannot reply personally.",
        "Every month our panel answers your health questions.",
        "Voltarol Pain-eze Emulgel 100 g £9.49",
        "£90 per session",
        "Add to basket",
        "Customers also bought",
        "Book dry needling",
        "Free 15-minute phone consultation with a senior physiotherapist",
        "Not sure which treatment is right for you?",
        "Posted 14 March 2026 by Lorna",
        "Patient name:",
        "Hospital number:",
        "Date of operation:",
        "Form SPN-D04 v3",
        "[14:05]",
        "Download this information as a PDF (420 KB)",
        "Listen on all the usual podcast apps.",
        "£20 off until 31 March",
        "Share:",
        "IN THIS ISSUE",
        "Part of our Bump to Baby series.",
        "Book a 60-minute running assessment with video gait analysis",
        "Book via the NHS App or ring reception.",
        "Skip to 02:15 for the interview.",
        "Transcript excerpts below are auto-generated and lightly edited.",
        "Larkfield Online Pharmacy Ltd",
        "Dr Ama Mensah, Consultant Rheumatologist",
        "Mr Tom Reyes, Senior Physiotherapist, Spinal Team",
        "£20 could buy a set of exercise bands for the class.",
        "£3,250 raised of £5,000 target",
        "We have passed £2,000!",
        "Help us fund research",
        "Priya donated £25",
        # An e-mail campaign's footer and unfilled merge tags.
        "Our mailing address is:",
        "Want to change how you receive these emails?",
        "*|LIST:DESCRIPTION|*",
        # A chatbot's furniture around its answer.
        "You said:",
        "ChatGPT can make mistakes. Check important info.",
        "Would you like me to explain the rest of your MRI report line by line?",
        "I'm not a doctor, and this isn't a substitute for talking to your GP.",
        # A code host's issue thread.
        "sam-okoro opened this issue on 3 Sep 2024 · 8 comments",
        "github-actions bot commented on 4 Sep 2024",
        "Milestone: Autumn term release",
        # Teletext and voicemail furniture.
        "Red:News Green:Sport Yellow:TV Blue:A-Z",
        "Continues on next page >>>",
        "P302  TXT2 HEALTH  302  Mon 14 Apr 18:42",
        "Transcription (beta):",
    ],
)
def test_site_chrome_is_recognised(text):
    assert chrome_reason(text).startswith("chrome: ")


@pytest.mark.parametrize(
    "text",
    [
        "Call 999 or go to A&E if you have numbness around your bottom.",
        "Call an ambulance if someone has a neck injury and cannot move their legs.",
        "Book a review with your GP if the pain has not improved after 2 weeks.",
        "Contents of the spinal canal can be compressed by a bulging disc.",
        "Share your worries with your physiotherapist: fear of movement slows recovery.",
        "Printing at a desk for hours can strain the neck.",
        "The best exercise for back pain is the one you keep doing.",
        "Modified exercises suit people with osteoporosis.",
        "Most people recover within 6 weeks; about 1 in 10 have pain for longer.",
        "Learn more about how your spine works before you start the exercises.",
        "20 minutes on the road bike is a good start.",
        "Version 2 of the exercise adds a resistance band.",
        "Painkillers do not replace keeping active, but they make moving easier.",
        "Visitors to the clinic can park at the back.",
        "By lifting with bent knees, you protect your back",
        "Have a question about your medicines? Ask your pharmacist before you buy them.",
        "Links between posture and pain are weaker than people think.",
        "Every month the pain was worse before my period.",
        "A prescription costs £9.90 in England.",
        "Book a review with your GP",
        "Name: the condition is named after the doctor who described it.",
        "Formal exercise classes suit some people better.",
        "Book a review with your GP if the pain lasts more than 6 weeks.",
        "Limited movement in the hip is common.",
        "Movement in the lower back is often limited",
        "Information for patients is given before the operation.",
        "Do not send your child to school until the fever has gone.",
        "Pain > 7 out of 10 needs a review.",
        "With your knees bent, lift the box slowly.",
        "Here's how you know it is sciatica: the pain runs below the knee.",
        "Keep this brace on until the surgeon says you can stop.",
        "Find a position that eases the pain near your shoulder blade.",
        "We welcome patients of every age to the exercise class.",
        "Team sports such as rugby raise the risk of neck injury.",
        "The solution is usually a few weeks of physiotherapy.",
        "Liked by many patients, hydrotherapy eases stiff joints.",
        "Speak to our pharmacist before taking ibuprofen if you have asthma.",
        "Painkillers are available in other forms, such as gels.",
        "Dr Mensah, the consultant, will explain the scan.",
        "A physiotherapy session can cost £40 in a private clinic.",
        "Help us understand your pain by keeping a diary.",
        "Would you like to try a heat pack? It eases the spasm for many people.",
        "The physio opened the session with a neck check.",
        "The red flag list continues on the next page of this leaflet with bladder symptoms.",
    ],
)
def test_advice_using_the_same_words_is_kept(text):
    assert chrome_reason(text) == ""


def block_texts(source: str, format: str) -> list[str]:
    """The text of each block the clean step keeps, in order."""
    doc = clean_document(parse_document(source, format))
    return [block.text for _, block in doc.iter_blocks()]


def test_chrome_after_another_sentence_of_a_short_paragraph_drops_the_paragraph():
    html = (
        "<html><body><h1>Naproxen</h1>"
        "<p>Notes for patients. Reviewed by the pharmacy team.</p>"
        "<p>Naproxen is an anti-inflammatory painkiller taken with food.</p></body></html>"
    )
    texts = block_texts(html, "html")
    assert texts == ["Naproxen is an anti-inflammatory painkiller taken with food."]


def test_a_line_of_a_service_name_and_chrome_parts_is_dropped():
    text = (
        "# Wry neck\n\n_Northgate Spinal Service \u00b7 Information for patients_\n\n"
        "Wry neck is a sudden stiff neck that settles within a week.\n\n"
        "Ask at the Northgate Spinal Service desk \u00b7 a nurse will help you.\n"
    )
    texts = block_texts(text, "md")
    assert texts[0] == "Wry neck is a sudden stiff neck that settles within a week."
    assert len(texts) == 2  # a part that says something keeps its line


def test_a_sentence_of_its_own_beside_chrome_stays_while_the_chrome_goes():
    html = (
        "<html><body><h1>Spinal conditions</h1><h2>Cauda equina syndrome</h2>"
        "<p>A rare emergency in which the nerves at the bottom of the spine are squeezed."
        " If you lose control of your bladder, call 999 or go to A&amp;E immediately."
        ' <a href="/ces">Learn more</a></p></body></html>'
    )
    doc = clean_document(parse_document(html, "html"))
    texts = " ".join(block.text for _, block in doc.iter_blocks())
    assert "call 999 or go to A&E immediately" in texts
    assert "Learn more" not in texts
    assert any(d.text == "Learn more" for d in doc.dropped)


def test_a_chrome_section_running_on_into_a_story_keeps_the_story():
    story = " ".join(
        ["Hip bursitis is a painful swelling of a fluid sac over the outer hip bone."] * 25
    )
    markdown = (
        "# Clinic news\n\nWelcome.\n\n## Opening hours\n\nWe close at 1pm on 24 December.\n\n"
        f"{story}\n\nA physiotherapist can show you stretches for the hip.\n"
    )
    doc = clean_document(parse_document(markdown, "markdown"))
    texts = " ".join(block.text for _, block in doc.iter_blocks())
    assert "We close at 1pm" not in texts
    assert "Hip bursitis is a painful swelling" in texts and "stretches for the hip" in texts


def test_a_short_chrome_section_goes_whole():
    markdown = (
        "# Hip bursitis\n\nHip bursitis is a painful swelling over the hip.\n\n"
        "## Opening hours\n\nMonday to Friday 9am to 5pm.\n\nClosed on bank holidays.\n"
    )
    doc = clean_document(parse_document(markdown, "markdown"))
    texts = " ".join(block.text for _, block in doc.iter_blocks())
    assert "bank holidays" not in texts


def test_a_plain_text_footer_after_a_rule_and_a_masthead_before_the_title_are_dropped():
    text = (
        "Harbour Health Guides\nUpdated 2 May 2025 | Reading time: 9 minutes\n\n"
        "Sciatica: the complete guide\n\nSciatica is pain that travels from the lower back"
        " down the leg. It usually gets better within six weeks.\n\nTreatment\n\nKeep"
        " moving and take painkillers if you need them.\n\n---\nWritten by the Harbour"
        " editorial team. Call 01632 960 777 with questions.\n"
    )
    doc = clean_document(parse_document(text, "text"))
    texts = " ".join(block.text for _, block in doc.iter_blocks())
    assert doc.title == "Sciatica: the complete guide"
    assert "Sciatica is pain that travels" in texts and "Keep moving" in texts
    for chrome in ("Reading time", "Written by", "01632"):
        assert chrome not in texts
    assert {d.reason for d in doc.dropped} >= {"chrome: footer"}


def test_a_rule_before_real_text_at_the_end_is_no_footer():
    text = (
        "Sciatica\n\nSciatica is pain that travels down the leg from the lower back.\n\n"
        "---\n\nWhen to get help\n\nCall 999 if both legs are weak or numb, or you"
        " cannot control your bladder or bowels. Ask for an urgent GP appointment if the"
        " pain is getting worse quickly. See your GP if it is not better after 6 weeks"
        " of rest, gentle movement and the painkillers you can buy from a pharmacy."
        " Most people need nothing more than time, and about 9 in 10 recover fully.\n"
    )
    doc = clean_document(parse_document(text, "text"))
    texts = " ".join(block.text for _, block in doc.iter_blocks())
    assert "Call 999 if both legs are weak" in texts


def test_page_tools_and_tabs_are_dropped_by_their_class():
    html = (
        '<html><body><ul class="tabs"><li><a href="#">Doctors &amp; departments</a></li></ul>'
        '<div class="page-tools"><a href="#">Print</a></div><h1>Sciatica</h1>'
        "<p>Sciatica is pain caused by pressure on the sciatic nerve.</p></body></html>"
    )
    assert block_texts(html, "html") == [
        "Sciatica is pain caused by pressure on the sciatic nerve."
    ]


def test_a_product_card_is_dropped_by_its_class():
    html = (
        "<html><body><h1>Naproxen</h1><main><h2>Uses</h2>"
        "<p>Naproxen is an anti-inflammatory painkiller taken twice a day with food.</p>"
        '<div class="product-card"><p>Naproxen 250mg gastro-resistant tablets</p>'
        "<p>Prescription required</p></div><h2>Side effects</h2>"
        "<p>It can upset your stomach, so take it with food.</p></main></body></html>"
    )
    assert block_texts(html, "html") == [
        "Naproxen is an anti-inflammatory painkiller taken twice a day with food.",
        "It can upset your stomach, so take it with food.",
    ]


def test_contents_and_tools_headings_drop_their_section():
    assert heading_chrome_reason("Table of contents")
    assert heading_chrome_reason("Share this page")
    assert not heading_chrome_reason("Treatment")


def test_a_header_bar_never_becomes_the_summary_or_a_warning():
    html = (
        "<html><body><div>Emergency? Call an Ambulance 999 | Clinic line 020 7946 0000</div>"
        "<h1>Sciatica</h1><p>Table of contents</p>"
        "<p>Sciatica is pain caused by pressure on the sciatic nerve.</p>"
        "<p>Print | Email a friend | Text size</p><p>Page views: 1,204</p>"
        "<p>© 2024 Spine Clinic Ltd. All rights reserved.</p></body></html>"
    )
    doc = clean_document(parse_document(html, "html"))
    texts = [block.text for _, block in doc.iter_blocks()]
    assert texts == ["Sciatica is pain caused by pressure on the sciatic nerve."]
    assert any("Call an Ambulance" in dropped.text for dropped in doc.dropped)


@pytest.mark.parametrize(
    "text",
    [
        "9:05 AM · 2 Jun 2025 · 12.4K Views",
        "88 Reposts · 9 Quotes · 402 Likes · 31 Bookmarks",
        "Replying to @backdoc_sam",
        "↪ Quoting @spine_news: what the new guideline says",
        "Physio in Leeds. Views my own.",
        "A thread for runners and coaches.",
        "Show more replies",
        "Sam Okafor 🏃 @samruns · Follow",
        "Patient's surname: ____________",
        "Contact details (if the patient wishes to discuss the options later): ___________",
        "____________________",
        "___ / ___ / ______",
        "This procedure will involve: ☐ general anaesthesia ☐ local anaesthesia",
        "I agree to the procedure described on this form.",
        "I have explained the procedure to the patient.",
        "(to be filled in by a health professional who knows the procedure)",
        "Use this decision aid with your GP before your next appointment.",
        "Tick one box for each question.",
        "Created by Lee Hart, last updated by Ana Cruz on Mar 3, 2025",
        "Form code: CF2-SP v1.1",
        "Labels: back-care manual-handling msk",
        "It takes about 4 minutes to read.",
        "Like · Be the first to like this",
        "Keep it under 600 words.",
        "Draft for the clinic website, not yet approved.",
        "Forward this email to a friend",
        "You are receiving this because you signed up at our clinic.",
        "The rest of this post is for paying members only.",
        "This leaflet is available in large print and other languages.",
        "We welcome calls in Welsh.",
        "Information for patients and carers",
        "Co-authored by Sam Reid, PT",
        "This article has been viewed 12,040 times.",
        "91% of readers found this article helpful.",
        "Did this article help you?",
        "00:00 Intro",
        "12:30 What the scan shows",
        "The Back Room Podcast · Season 2 · 38 min · Released 4 May 2025",
        "Patient leaflet · Reviewed by Ana Cruz · Next review: May 2027",
        "Produced by Harbour Audio.",
        "Episode 14: Living with sciatica",
        "Rate and review us - it helps!",
        "She posts daily on the @spinecare account.",
        "In stock · Free delivery",
        "Order within 2 hrs for next-day delivery",
        "Class IIa device · 2-year warranty",
        "Jo is happy for us to share her story.",
        "Names and some details changed.",
        'Music: "Morning Walk" by Ana Lee.',
        "As an Amazon Associate I earn from qualifying purchases.",
        "Check price on Amazon",
        "End of thread",
        "RT if useful",
        "cc @AnaLeePhysio @BackCareGroup",
        "Sorted by: Highest score (default)",
        "answered Mar 1, 2023 at 20:45 Riya Shah 2,310 · Physiotherapist",
        "Not the answer you're looking for? Browse other questions tagged back-pain.",
        "GPhC registered pharmacy 9011872",
        "Trustpilot Excellent 4.8/5",
        "Discreet packaging",
        "Study status: Recruiting",
        "IRAS ID: 318842",
        "Funded by the Northern Spinal Research Foundation",
        "04/2025: annual review; wording revised.",
        "PI-ORTH-07 v2.1",
        "This letter was produced using speech recognition software and may contain errors.",
        "Yes / No",
        "Private group · 4.2K members",
        "Embedded post from X · @emma_runs",
        "Forwarded from Dr Leila Haddad – Spine Surgeon",
        "Subscribers: 8 412",
        "Exported: 21.10.2025 09:14",
        "Telegram Desktop · Channel export",
        "1 318 votes · Poll closed",
        "Thanks! 41 Helpful 3 Not Helpful",
        "Community Answer:",
        "Ask a Question · 200 characters left · Submit",
        "About featured snippets • Feedback",
        "Search for: Is it bad if my neck cracks all the time?",
        "https://www.harbourside-spine.co.uk › conditions › neck-crepitus",
        "That's where we'll pause our live coverage for today.",
        "This episode is brought to you by GripWell, lightweight rollators.",
        "Nothing in this episode is medical advice.",
        "Edit list · Save list · Print · Start over",
        "5 interactions found: 2 Major · 2 Moderate · 1 Minor",
        "Mon ___/10 ___/10 ______ ___________ ____",
        "Flare-up this week? [ ] Yes [ ] No",
        "Dr Ines Calder is a chiropractor at Westmoor Spine Clinic in Alderford.",
        "Tomas Brennan is a chartered physiotherapist and owner of Quayside Physio.",
        "Hi Maria, we're sorry your appointment was moved.",
        "Thanks Colin, we are so glad the exercises helped!",
        "Comments (14)",
        "Was this leaflet useful?",
        "Were these tips helpful?",
        "Show more",
        "See my results",
    ],
)
def test_post_form_wiki_and_mail_furniture_is_chrome(text):
    assert chrome_reason(text).startswith("chrome: ")


@pytest.mark.parametrize(
    "text",
    [
        "Power in the left ankle was 4/5.",
        "I agree that the pain was worse after lifting.",
        "Use the heat pack for 15 minutes at a time.",
        "Tick the exercises off as you do them each day.",
        "Forward bending makes the pain worse.",
        "Information for patients is also on the ward noticeboard, with the exercises.",
        "Created by the body, vitamin D helps keep bones strong.",
        "08:00 Naproxen 250 mg with breakfast",
        "Produced by the adrenal glands, cortisol rises with stress.",
        "Her name changed nothing about how the pain felt.",
        "The best pillow for neck pain is one that keeps your neck level.",
        "Your pain score was 3/5 on the last visit, down from 4.",
        "Check the price of a private scan before you book one.",
        "Most people are funded by the NHS for this operation if they need it.",
        "Pain at the end of the day is common.",
        "Members of the group often share what helped them.",
        "The trial was closed early because the poll of patients was small.",
        "Fill in the date: ____ and sign here.",
        "Maria Lopez is a nurse who hurt her back lifting a patient.",
        "Your GP is a good first contact for back pain.",
        "A physiotherapist is a specialist in movement.",
        "Thanks to the exercises, I am glad to say the pain has gone.",
        "Were these exercises hard at first?",
        "Show more of your back to the physio if the rash spreads.",
        "Is this useful for older people too? Yes, it is.",
    ],
)
def test_text_sharing_words_with_that_furniture_is_kept(text):
    assert chrome_reason(text) == ""


def test_thread_counters_hashtags_and_reply_sections_are_dropped():
    text = (
        "Runner's knee 🧵\n\n"
        "Runner's knee is pain around the kneecap that comes on with running. 1/3\n\n"
        "Most people get better with a few weeks of lighter running and hip exercises. 2/3\n\n"
        "See a physio if it has not settled after 6 weeks. 3/3 #running #physio\n\n"
        "Replies\n\n"
        "Jo Banks @jobanks · 3 Jun\n"
        "Wish I had read this last year!\n"
    )
    doc = clean_document(parse_document(text, "text"))
    joined = " ".join(texts_of(doc))
    assert "1/3" not in joined and "#running" not in joined
    assert "Wish I had read this" not in joined
    assert "hip exercises." in joined


def test_a_form_table_of_blank_fields_is_dropped():
    html = (
        "<html><body><h1>Consent to a nerve root injection</h1><table>"
        "<tr><td>Patient's name</td><td>______________</td></tr>"
        "<tr><td>Date of birth</td><td>___ / ___ / ______</td></tr>"
        "<tr><td>Hospital number</td><td>______________</td></tr></table>"
        "<p>A nerve root injection puts steroid and local anaesthetic near a nerve.</p>"
        "</body></html>"
    )
    doc = clean_document(parse_document(html, "html"))
    assert "Date of birth" not in texts_of(doc)


def test_a_notes_app_property_block_is_dropped_but_item_details_are_kept():
    text = (
        "# Neck pain\n\nTags: Neck, Patient info\nCreated: 4 May 2025 9:12 AM\n"
        "Last edited: 6 May 2025 2:40 PM\nOwner: Sam Reid\n\n"
        "Neck pain usually settles within a few weeks.\n\n## Medicine card\n\n"
        "Medicine: ibuprofen\nDose: 400 mg\nHow often: three times a day\n\nTake it with food.\n"
    )
    doc = clean_document(parse_document(text, "markdown"))
    joined = " ".join(texts_of(doc))
    assert "Created:" not in joined and "Owner:" not in joined
    assert "Dose: 400 mg" in joined


def test_wiki_page_trees_status_lozenges_and_link_cards_are_dropped_by_class():
    html = (
        "<html><body><div class='plugin_pagetree'><ul><li><a href='/a'>Neck pain</a></li>"
        "<li><a href='/b'>Shoulder pain</a></li></ul></div><h1>Back care at work</h1>"
        "<p><span class='status-macro aui-lozenge'>APPROVED</span></p>"
        "<p>Lift with the load close to your body and your knees bent.</p>"
        "<figure class='kg-card kg-bookmark-card'><div>Five desk fixes for lifters</div>"
        "</figure><div class='wp-block-group cta-reusable'><h3>Worried about your back?</h3>"
        "<p>Our team can see you this week.</p></div></body></html>"
    )
    joined = cleaned_text(html, "html")
    for chrome in ("Shoulder pain", "APPROVED", "Five desk fixes", "Our team can see you"):
        assert chrome not in joined
    assert "knees bent" in joined


def test_a_method_label_is_cut_from_its_heading_and_timestamps_from_the_text():
    text = (
        "# Dizziness from the neck\n\n## Method 1 of 2: Easing the neck\n\n"
        "Gentle chin tucks (03:02) ease the stiffness over a few weeks.\n"
    )
    joined = cleaned_text(text, "markdown")
    assert "Method 1 of 2" not in joined and "(03:02)" not in joined
    assert "Easing the neck" in joined and "ease the stiffness" in joined


def test_a_paper_s_affiliations_citations_and_end_matter_are_dropped():
    html = (
        "<html><body><header><h1 class='title'>Coccydynia: a review</h1>"
        "<p class='author'>Ann Lee<sup>1</sup></p>"
        "<p class='affiliation'><sup>1</sup>Pain Unit, Westfield General Hospital</p>"
        "<p class='date'>Preprint, 3 March 2026</p></header>"
        "<h2>1 Causes</h2><p>A fall onto the tailbone is the usual cause [1]. Childbirth is "
        "another [2,3], and sitting for long periods on hard seats adds to it [4-6].</p>"
        "<h2>Conflicts of interest</h2><p>AL has received fees from a cushion maker.</p>"
        "<h2>Funding</h2><p>No specific funding was received.</p>"
        "<h2>5 Acknowledgements</h2><p>We thank the unit's nurses.</p></body></html>"
    )
    joined = cleaned_text(html, "html")
    for chrome in ("Westfield", "Preprint", "[1]", "[2,3]", "[4-6]", "cushion maker", "funding"):
        assert chrome not in joined
    assert "Childbirth is another, and sitting" in joined
    assert "usual cause." in joined


@pytest.mark.parametrize(
    "text",
    [
        "Tick the boxes [ ] that apply to you before the appointment.",
        "Score each item from 0 to 3 [0 = none, 3 = severe].",
    ],
)
def test_brackets_that_are_no_citation_are_kept(text):
    doc = clean_document(parse_document(f"Back pain\n\nBack pain is common.\n\n{text}\n", "text"))
    assert any("[" in t for t in texts_of(doc))


def test_content_credits_and_disclaimers_are_dropped():
    html = (
        "<html><body><h1>Whiplash</h1><p>Whiplash is a neck injury from a sudden jolt.</p>"
        "<h2>Credits</h2><p class='current'>Current as of: June 3, 2025</p>"
        "<p>Author: Northfield Health Content Team</p>"
        "<p class='disclaimer'>Northfield Health disclaims any warranty or liability for "
        "your use of this information.</p></body></html>"
    )
    joined = cleaned_text(html, "html")
    for chrome in ("Current as of", "Content Team", "disclaims"):
        assert chrome not in joined
    assert "sudden jolt" in joined


@pytest.mark.parametrize("line", ["Current as of: 12 May 2025", "Medical reviewer: Dr Ann Lee"])
def test_credit_lines_are_chrome_in_any_format(line):
    assert chrome_reason(line) == "chrome: byline"


@pytest.mark.parametrize(
    "line",
    [
        "All related (14) · Sort: Recommended",
        "This leaflet is free. To ask for it in another format, call 01632 960 215.",
        "This leaflet is also available in large print and braille.",
    ],
)
def test_answer_site_sorting_and_other_format_offers_are_chrome(line):
    assert chrome_reason(line)


def test_permalink_signs_after_headings_are_cut():
    html = (
        "<html><body><h1>Polymyalgia rheumatica<a class='headerlink' href='#p'>¶</a></h1>"
        "<p>It causes pain and stiffness in the shoulders and hips.</p>"
        "<h2>Other medicines<a class='headerlink' href='#o'>¶</a></h2>"
        "<p>Methotrexate is sometimes added when symptoms keep returning.</p></body></html>"
    )
    doc = clean_document(parse_document(html, "html"))
    assert "¶" not in " ".join(texts_of(doc))
    assert "Other medicines" in texts_of(doc)


@pytest.mark.parametrize(
    "line",
    [
        "Reply Share Report Save",
        "⬆ 1.2k ⬇ · 37 comments",
        "u/PhysioDan-MSK · Verified Physiotherapist · 8h",
        "I am a bot, and this action was performed automatically.",
        "Please read the sidebar rules before commenting.",
        "Commenting so I can find this later",
    ],
)
def test_discussion_thread_furniture_is_chrome(line):
    assert chrome_reason(line)


def test_a_thread_post_saying_something_is_kept():
    assert chrome_reason("Please read the leaflet your physiotherapist gives you.") == ""


def test_a_reader_s_initials_after_a_question_are_cut():
    text = (
        "Back pain questions\n\nA surgeon answers readers' questions about back pain.\n\n"
        "Q. Is it safe to keep working? (J.M., Leeds)\n\n"
        "A. Yes: most people recover faster when they keep working. (S.O'B., Glasgow)\n"
    )
    joined = cleaned_text(text, "text")
    assert "J.M." not in joined and "Glasgow" not in joined
    assert "keep working" in joined


@pytest.mark.parametrize(
    "line",
    [
        "Saturday 8 March 2025",
        "March 8, 2025",
        "These answers are general information and cannot replace advice from your own doctor.",
    ],
)
def test_datelines_and_general_information_notes_are_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    [
        "Complete our self-help guide to check your symptoms and find out what to do next.",
        "Start the headaches self-help guide",
    ],
)
def test_links_to_a_site_s_self_help_tools_are_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    [
        "In this issue: Easter audax report · Club kit order · Physio corner",
        "Information for patients",
        "DOB: 14/09/1983",
        "NHS No: 999 123 4567",
        "Admitted: 03/06/2025 via ED",
        "Next annual review: 12 June 2025",
        "Shares are traded on AIM under the ticker CBML.",
        "6:32",
    ],
)
def test_newsletter_leaflet_record_and_press_furniture_is_chrome(line):
    assert chrome_reason(line)


def test_press_release_end_sections_and_tickers_are_dropped():
    text = (
        "Spinal implant approved\n\nNorthgate - Calderbrook Medical (AIM: CBML) announced"
        " approval of its implant for sacroiliac joint fusion.\n\n"
        "Sacroiliac joint fusion is an operation for long-term pain from the joints.\n\n"
        "Notes to editors\n\nThe study was presented in April 2025.\n\n"
        "Media contact\n\nAnn Lee, Head of Communications\n"
    )
    joined = cleaned_text(text, "text")
    assert "AIM" not in joined and "presented in April" not in joined
    assert "Head of Communications" not in joined
    assert "announced approval of its implant" in joined


@pytest.mark.parametrize(
    "line",
    [
        'Retrieved from "https://en.wikipedia.org/w/index.php?title=Back_pain&oldid=1"',
        "This page was last edited on 9 January 2025, at 14:22 (UTC).",
        "By using this site, you agree to the Terms of Use and Privacy Policy.",
        "As seen in: The Daily Ledger · Northern Live",
        "Chat to a pharmacist online",
        "Shop neck pain relief",
        "Dencorub Heat Gel 100g",
    ],
)
def test_wiki_footer_and_shop_lines_are_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    ["Take 2 tablets every 4 to 6 hours.", "Shop work can strain the back when you lift stock."],
)
def test_medicine_doses_and_shop_work_are_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    "line",
    [
        "By the end of this session you should be able to:",
        "Q1. Which of the following findings most strongly suggests the hip?",
        "Handout for enrolled students only, do not upload to note-sharing sites",
    ],
)
def test_teaching_furniture_is_chrome(line):
    assert chrome_reason(line)


def test_a_quiz_section_is_dropped_whole():
    text = (
        "# Hip-spine syndrome\n\nHip and spine problems often occur together.\n\n"
        "## Test yourself\n\nQ1. Which of the following is the first-line treatment?\n\n"
        "A. Surgery B. Exercise\n"
    )
    joined = cleaned_text(text, "markdown")
    assert "first-line treatment" not in joined and "occur together" in joined


@pytest.mark.parametrize(
    "line",
    [
        "No. You can book straight in with us, no referral needed.",
        "Is the free assessment really free?",
        "There's no obligation to book further sessions.",
        "We are recognised by most major insurers. Bring your authorisation code.",
        "22 clinics across the North West",
        "HCPC-registered physiotherapists",
    ],
)
def test_booking_and_credential_badges_are_chrome(line):
    assert chrome_reason(line)


def test_advice_to_get_a_referral_is_kept():
    assert chrome_reason("Ask your GP for a referral to a spinal surgeon if the pain lasts.") == ""


def test_a_handle_quoted_at_the_start_of_a_reply_is_cut():
    html = (
        "<html><body><h1>Disc prolapse</h1><div class='post'><blockquote>"
        "<cite>runner_88 said:</cite> Should I push for surgery?</blockquote>"
        "<p>Most prolapses shrink by themselves over weeks to months.</p></div></body></html>"
    )
    joined = cleaned_text(html, "html")
    assert "runner_88" not in joined
    assert "Should I push for surgery?" in joined
    # A name is no handle: "Mum said:" opening a paragraph stays with what she said.
    kept = cleaned_text(html.replace("runner_88", "Mum"), "html")
    assert "Mum said:" in kept


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for our free 14-day mobility challenge and get a printable workout sheet.",
        "Sign up for the 6-week posture plan today.",
    ],
)
def test_signing_up_for_a_site_programme_is_chrome(line):
    assert chrome_reason(line).startswith("chrome: ")


def test_signing_up_for_care_the_reader_needs_is_kept():
    assert chrome_reason("Sign up with a GP practice near you if you have just moved.") == ""


@pytest.mark.parametrize(
    "line",
    [
        "There are contraindications. Consultation of specialist is necessary.",
        "Our doctors have experience more than 15 years. Modern equipment of Germany.",
    ],
)
def test_a_clinic_adverts_legal_notice_and_boast_are_chrome(line):
    assert chrome_reason(line).startswith("chrome: ")


def test_contraindications_a_text_explains_are_kept():
    assert chrome_reason("There are contraindications to some of these medicines.") == ""


@pytest.mark.parametrize(
    "line",
    [
        "Most read",
        "💬 214 comments | Join the conversation | Comments are moderated.",
        "Dr Marsh cannot reply to letters personally. Her advice is general.",
        "stiffback_sam · Member · 38 posts · 14 Jan 2025, 21:12",
        "AS_Warrior_Kate · Senior Member · 1,204 posts · 14 Jan 2025, 21:40",
        "We are sorry to hear you were injured. Please quote our reference on all letters.",
        "If you have any questions, please call your claims handler on 0330 555 0192.",
    ],
)
def test_newspaper_forum_and_insurer_furniture_is_chrome(line):
    assert chrome_reason(line).startswith("chrome: ")


@pytest.mark.parametrize("heading", ["Most read", "The claims process", "Making a claim"])
def test_a_newspapers_most_read_and_an_insurers_claims_process_are_chrome_sections(heading):
    assert heading_chrome_reason(heading).startswith("chrome: ")


@pytest.mark.parametrize(
    "line",
    [
        "Most members of our team read the guidance.",
        "Our physiotherapist answers questions from members of the club after each class.",
    ],
)
def test_content_near_the_furniture_words_is_kept(line):
    assert not chrome_reason(line).startswith("chrome: comments")


def test_an_ask_our_pharmacist_chat_widget_is_chrome():
    assert heading_chrome_reason("Ask our pharmacist").startswith("chrome: ")
    assert chrome_reason("Not sure? Chat to a Wellway pharmacist online, 8am to 10pm.")
    assert heading_chrome_reason("Ask a pharmacist") == ""


@pytest.mark.parametrize("heading", ["8 References", "7 See also", "4.1 Comments"])
def test_an_outline_number_before_a_chrome_heading_is_no_part_of_it(heading):
    assert heading_chrome_reason(heading).startswith("chrome: ")


def test_an_outline_number_before_a_content_heading_keeps_it():
    assert heading_chrome_reason("4.1 Acute care") == ""
    assert heading_chrome_reason("3 Causes") == ""


@pytest.mark.parametrize(
    "line",
    [
        "Get our week-by-week pregnancy emails",
        "Join 250,000 parents-to-be. Enter your due date.",
        "Thank you for speaking with me on the phone yesterday.",
        "This page has been produced in consultation with and approved by: the network",
    ],
)
def test_sign_up_prompts_letter_courtesies_and_page_credits_are_chrome(line):
    assert chrome_reason(line).startswith("chrome: ")
