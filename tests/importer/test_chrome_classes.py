"""Classes of chrome that leaked into pages (a heading that is chrome by its wording, a
practice's or club's notices, prices, bylines, greetings, leaflet codes), each beside
the advice it must not take with it."""

from __future__ import annotations

import pytest

from back_health.importer.chrome import cut_inline_chrome
from back_health.importer.clean import chrome_reason, clean_document, heading_chrome_reason
from back_health.importer.parse import parse_document

from .documents import cleaned_text, texts_of


def headings_and_texts(source: str, format: str) -> tuple[list[str], str]:
    """The headings the clean step keeps, and the text of its blocks joined."""
    doc = clean_document(parse_document(source, format))
    headings = [section.heading for section in doc.sections if section.heading]
    blocks = [text for text in texts_of(doc) if text not in headings and text != doc.title]
    return headings, " ".join(blocks)


def test_a_heading_that_is_chrome_goes_while_its_section_is_judged_block_by_block():
    markdown = (
        "# Whiplash\n\nWhiplash is a neck injury from a sudden jolt.\n\n"
        "## Comments (4)\n\nGreat article, thanks!\n\n"
        "## Updates (2)\n\nMost people feel better within 6 weeks of the injury, "
        "and gentle movement speeds that up.\n"
    )
    headings, texts = headings_and_texts(markdown, "markdown")
    assert "Updates (2)" not in headings
    assert "Most people feel better within 6 weeks" in texts


def test_a_heading_naming_what_a_plan_covers_is_kept():
    markdown = (
        "# Neck pain\n\nNeck pain is common and usually settles.\n\n"
        "## Treatments your plan may cover\n\n- Physiotherapy\n- Facet joint injections\n"
    )
    headings, texts = headings_and_texts(markdown, "markdown")
    assert "Treatments your plan may cover" in headings
    assert "Facet joint injections" in texts


@pytest.mark.parametrize(
    "line",
    [
        "Sam joins us from a sports clinic and has run three marathons.",
        "Please welcome Jo, our new receptionist.",
        "She works Monday, Wednesday and Friday.",
        "He's working Tuesday evenings and Saturday mornings.",
        "A new Friday 6pm stretch class starts on 4 April at the church hall.",
        "New Monday lunchtime yoga class begins next week - book early!",
        "The back care drop-in moves to Thursdays from May.",
        "Next meeting: Wednesday 2 July, 7pm, the library.",
        "The practice will be closed for the bank holiday weekend.",
        "We will be closed on Wednesday 4 March from 1pm for staff training.",
        "Gentle Pilates session: every Tuesday, 11am, church hall.",
        "Carers' support group runs every second Monday.",
        "The Annual General Meeting will be held at the cricket club on 3 May.",
        "We now hold a Saturday morning clinic at the health centre.",
        "Free parking is available behind the surgery.",
        "There are two places left on the spring retreat.",
        "Repeat prescriptions: please allow 2 working days.",
        "Subs for the summer term are now due - please pay via the club app.",
    ],
)
def test_practice_and_club_notices_are_chrome(line):
    assert chrome_reason(line) == "chrome: notices"


@pytest.mark.parametrize(
    "line",
    [
        "A new study found that exercise classes start to help after six weeks.",
        "The quadratus lumborum joins the lowest rib to the top of the pelvis.",
        "Hydrotherapy sessions help many people with ankylosing spondylitis.",
        "Take one tablet every morning at 8am with food.",
        "If the pain is no better by Monday, see your GP.",
        "The wound is closed with stitches that dissolve on their own.",
    ],
)
def test_advice_about_days_sessions_and_joins_is_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    "line",
    [
        "We stock them from £12.50.",
        "Sessions cost £40 (£30 for over-65s).",
        "Price 20p.",
        "Appointments are £35.",
        "Bring a friend for £3 this week!",
        "Book your class - first session £5 with code SPINE5.",
        "To order a copy for £9.99, visit our bookshop.",
        "Adapted from Straight Backs by Ann Lee (Lantern Books, £12.99).",
        "In this extract from her book, a surgeon explains why backs ache.",
    ],
)
def test_a_page_s_own_prices_and_offers_are_chrome(line):
    assert chrome_reason(line) == "chrome: prices"


@pytest.mark.parametrize(
    "line",
    [
        "Want a training plan that won't break you? Join my 12-week 10K plan - first week free.",
        "Join our 6-week core strength programme.",
        "Gear I use: My favourite foam roller · Massage ball set",
        "Want to practise with me? My Tuesday class has 8 places.",
        "Book a place or download my free 10-minute flow.",
    ],
)
def test_an_authors_own_plans_and_gear_are_promotion(line):
    assert chrome_reason(line) == "chrome: promotional"


@pytest.mark.parametrize(
    "line",
    [
        "Join a walking group: walking with others keeps you going.",
        "Start your exercise plan slowly and build up over 6 weeks.",
        "The first week is the hardest, so keep moving.",
        "Want to practise good posture? Sit tall with your feet flat.",
    ],
)
def test_advice_about_plans_and_first_weeks_is_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    "line",
    [
        "TENS machines cost about £25 to £40 from a pharmacy.",
        "A prescription costs £9.90 in England.",
        "Sessions of physiotherapy are free on the NHS.",
        "Acupuncture: six sessions at £40 each did not help me.",
        "Use code words with your child to describe the pain.",
    ],
)
def test_prices_in_advice_are_kept(line):
    assert chrome_reason(line) == ""


def test_a_comparison_table_loses_its_row_of_prices_and_keeps_its_other_rows():
    html = (
        "<html><body><h1>Foraminal stenosis</h1><p>Foraminal stenosis narrows the gap a "
        "nerve leaves the spine through.</p><table>"
        "<tr><th></th><th>Physiotherapy</th><th>Injection</th></tr>"
        "<tr><td>How long it helps</td><td>Months</td><td>Weeks to months</td></tr>"
        "<tr><td>Self-pay cost</td><td>£45 a session</td><td>£900 to £1,200</td></tr>"
        "</table></body></html>"
    )
    joined = cleaned_text(html, "html")
    assert "£45" not in joined and "£900" not in joined
    assert "Weeks to months" in joined


@pytest.mark.parametrize(
    "line",
    [
        "About the author: Sam Reid is a chartered physiotherapist and owner of Reid Physio.",
        "Ana Cole is a sports massage therapist and a member of a national register.",
        "She treats runners, golfers and office workers in the town.",
        "Leah Hart MCSP, Physiotherapist",
        "Newsletter editor: Tom Bell, practice nurse.",
        "Host: Ben Ames",
        "Namaste, Priya",
        "Welcome back, everyone!",
        "Hello and welcome to Back Talk, I'm Jo Reed.",
        "Thanks for having me, Jo.",
        "We may earn commission from links on this page.",
        "Pin this for later!",
        'Save this routine to your "Posture" board for later!',
        "End of thread RT if useful cc @spinedoc",
        "Eleanor has been treating pregnant patients for 14 years.",
        "by Sam Pritchard, Junior Welfare Officer, with help from our club physio, Nadia Osei",
    ],
)
def test_bylines_greetings_and_share_prompts_are_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    [
        "She treats her back pain with heat and gentle walks.",
        "Take care, lifting can strain the back.",
        "Welcome back to work gradually over two weeks.",
        "Pin it in place with a safety pin.",
        "Save it for later in the day when you are less stiff.",
        "Back pain has been treated with rest for 100 years.",
    ],
)
def test_advice_sharing_words_with_bylines_and_prompts_is_kept(line):
    assert chrome_reason(line) == ""


def test_a_line_of_chrome_parts_goes_though_one_part_is_a_sentence():
    markdown = (
        "# Kyphosis\n\nKyphosis is a forward rounding of the upper back.\n\n"
        "Leaflet PT-AB-04 · Version 2 · Tick each day you do your stretches on the chart.\n"
    )
    joined = cleaned_text(markdown, "markdown")
    assert "PT-AB-04" not in joined and "Tick each day" not in joined
    assert "forward rounding" in joined


def test_an_affiliate_marker_is_cut_from_its_sentence():
    markdown = (
        "# Postnatal back pain\n\nA firm feeding pillow helped me (this one (affiliate link)).\n"
    )
    joined = cleaned_text(markdown, "markdown")
    assert "affiliate" not in joined and "A firm feeding pillow helped me" in joined


@pytest.mark.parametrize(
    "line",
    [
        "Leaflet PT-AB-04 · Version 2 · Review due: June 2027",
        "Ref: GP-SP-03 v1.2",
        "Riverside Surgery - Patient Information Sheet RS-BACK-02",
        "For more information ask at reception for leaflet RS-BACK-01.",
        "Guidance Note OH-GN-07 (Returning to work) | Version 3 | Owner: OH Lead",
        "Tick each day you do your stretches on the chart below.",
        "Please read it carefully and bring it with you on the day.",
        "Please read it before your appointment and bring it with you.",
    ],
)
def test_leaflet_codes_review_dates_and_chart_instructions_are_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    [
        "Revision due to loosening of the screws",
        "Fill in form DS-1500 with your GP so that you can claim benefits quickly",
        "Ask at reception if you need a wheelchair.",
        "Guidance note: NICE advises against routine X-rays for low back pain.",
    ],
)
def test_forms_and_revisions_named_in_advice_are_kept(line):
    assert chrome_reason(line) == ""


def test_drawn_rules_and_chat_export_post_headers_are_cut_and_the_post_kept():
    text = (
        "Lateral shift\n\n══════════════════════\n\n"
        "────────── Harbour Physio, [06.10.2025 18:30] A lateral shift is when your "
        "trunk leans to one side of your pelvis.\n\n"
        "+----------------------+\n| Ask us in clinic. |\n+----------------------+\n"
    )
    joined = cleaned_text(text, "text")
    assert "═" not in joined and "─" not in joined and "+-----" not in joined
    assert "[06.10.2025" not in joined and "Harbour Physio" not in joined
    assert "A lateral shift is when your trunk leans" in joined


def test_a_transcript_s_timestamp_and_speaker_label_are_cut_but_a_dose_time_stays():
    html = (
        "<html><body><h1>Neck exercises</h1>"
        "<p>6:32 TOM: First, chin tucks. Hold for 5 seconds, and do it 10 times.</p>"
        "<p>10:30 PM: take the second dose of your painkiller with food.</p></body></html>"
    )
    joined = cleaned_text(html, "html")
    assert "6:32" not in joined and "TOM:" not in joined
    assert "First, chin tucks." in joined
    assert "10:30 PM: take the second dose" in joined


@pytest.mark.parametrize(
    "line",
    [
        "If you have any further questions, ask your doctor or pharmacist.",
        "If you have any further questions on the use of this medicine, ask your doctor, "
        "pharmacist or nurse.",
        "This medicine has been prescribed for you only.",
        "If you get any side effects, talk to your doctor, pharmacist or nurse.",
        "This includes any possible side effects not listed in this leaflet.",
        "You can also report side effects directly via the Yellow Card Scheme.",
        "By reporting side effects you can help provide more information on the safety of "
        "this medicine.",
    ],
)
def test_a_medicine_leaflet_s_standard_wording_is_chrome(line):
    assert chrome_reason(line) == "chrome: medicine leaflet"


@pytest.mark.parametrize(
    "line",
    [
        "If you get any side effects, stop taking the tablets and talk to your doctor.",
        "If you get any side effects such as a rash, talk to your doctor at once.",
        "If you have any questions about your operation, ask the ward nurse.",
        "This medicine has been prescribed for your back pain: take it for 3 days only.",
        "Report any side effects such as breathlessness to your doctor straight away.",
    ],
)
def test_cautions_worded_like_a_leaflet_s_standard_lines_are_kept(line):
    assert chrome_reason(line) == ""


def test_a_leaflet_s_opening_list_of_standard_lines_goes_whole():
    markdown = (
        "# Diazepam tablets\n\nDiazepam relieves muscle spasm.\n\n"
        "- Keep this leaflet. You may need to read it again.\n"
        "- If you have any further questions, ask your doctor or pharmacist.\n"
        "- This medicine has been prescribed for you only. Do not pass it on to others.\n\n"
        "Do not drive if the tablets make you sleepy.\n"
    )
    joined = cleaned_text(markdown, "markdown")
    assert "further questions" not in joined and "prescribed for you only" not in joined
    assert "Do not drive if the tablets make you sleepy." in joined


def test_a_q_and_a_answer_label_is_cut_and_the_answer_kept():
    html = (
        "<html><body><h1>Neck pain</h1><p>Neck pain is common and usually settles.</p>"
        "<p>Sam Lee, MCSP · Expert Answer: It can. Stiff joints in the neck often ache.</p>"
        "<p>Community Answer: Many people find heat helps.</p>"
        "<p>The answer: rest for a day, then keep moving.</p></body></html>"
    )
    joined = cleaned_text(html, "html")
    assert "Expert Answer" not in joined and "MCSP" not in joined
    assert "Community Answer" not in joined
    assert "It can. Stiff joints in the neck often ache." in joined
    assert "Many people find heat helps." in joined
    assert "The answer: rest for a day" in joined


@pytest.mark.parametrize(
    "line",
    [
        "Portal messages are for non-urgent questions only and are read 9am-5pm, Mon-Fri.",
        "The live chat is not monitored at weekends.",
        "Our nurses reply to app messages within 2 working days.",
    ],
)
def test_when_a_site_s_messages_are_read_is_chrome(line):
    assert chrome_reason(line) == "chrome: contact details"


@pytest.mark.parametrize(
    "line",
    [
        "Messages are not read at night, so call 111 if you need help.",
        "The inbox is not monitored: in an emergency call 999.",
        "Message your physio through the app if the pain spreads into your leg.",
        "Our physios answer questions about exercises in the video below.",
    ],
)
def test_where_to_get_urgent_help_beside_message_hours_is_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    "line",
    [
        "We are registered with most major health insurers.",
        "Recognised by all major UK health insurers.",
        "Self-pay or insured: we work with most major health insurers.",
        "Most health funds accepted.",
        "HICAPS on-the-spot claiming.",
        "Self-pay packages available.",
    ],
)
def test_a_practice_s_insurers_and_payment_options_are_chrome(line):
    assert chrome_reason(line) == "chrome: promotional"


@pytest.mark.parametrize(
    "line",
    [
        "Most health insurers do not cover chiropractic care.",
        "Ask your insurer whether physiotherapy is covered before you book.",
        "Ask whether your insurer has registered the claim before the operation.",
        "Most people with back pain are not accepted for surgery.",
    ],
)
def test_advice_about_insurers_and_registration_is_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    "line",
    [
        "(Please keep this sheet and bring it with you if you come back.)",
        "Print version.",
        "For the latest version see the maternity pages of our website.",
        "Please print and display in both changing rooms and the clubhouse.",
        "Printed for squad use, do not redistribute.",
        "Do not remove from the office folder.",
        "This leaflet answers some common questions.",
        "Please ask the team if anything is unclear.",
        "This leaflet uses easy words and pictures.",
        "You can ask someone you trust to help you read it.",
    ],
)
def test_what_a_leaflet_says_about_keeping_printing_and_reading_it_is_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    [
        "Do not remove the dressing from the wound for 5 days.",
        "Do not remove your collar until the doctor says so.",
        "Print the exercise sheet and keep it on the fridge.",
        "This leaflet answers questions about your operation and how to recover from it.",
        "Ask your physio if anything is unclear about the exercises.",
        "This guide uses simple exercises you can do at home.",
    ],
)
def test_advice_about_dressings_collars_and_exercise_sheets_is_kept(line):
    assert chrome_reason(line) == ""


def test_a_leaflet_s_opening_lines_about_itself_go_and_its_text_stays():
    text = (
        "CERVICAL SPINAL STENOSIS\n\n"
        "This leaflet answers some common questions. Please ask the team if anything is "
        "unclear.\n\n"
        "What is it?\n\nCervical spinal stenosis means the canal in your neck has become "
        "narrower.\n"
    )
    joined = cleaned_text(text, "text")
    assert "common questions" not in joined and "unclear" not in joined
    assert "the canal in your neck has become narrower" in joined


@pytest.mark.parametrize(
    "line",
    [
        "Department of Spinal Surgery - Patient Information",
        "Pain Management Service | Patient Education",
        "PATIENT EDUCATION",
        "Advice from our community occupational therapy team",
    ],
)
def test_a_leaflet_s_department_and_document_type_lines_are_chrome(line):
    assert chrome_reason(line) == "chrome: site header"


@pytest.mark.parametrize(
    "line",
    [
        "What to expect - patient information about the scan is given on the day.",
        "Patient education is a key part of treatment.",
        "Advice from your GP is the best place to start.",
        "Information from the team will be sent to your GP.",
    ],
)
def test_sentences_about_patient_information_and_advice_are_kept(line):
    assert chrome_reason(line) == ""


def test_a_document_label_is_cut_from_the_title_and_a_sentence_about_leaflets_kept():
    text = (
        "PATIENT INFORMATION LEAFLET: BACK PAIN IN PREGNANCY\n\n"
        "Back pain in pregnancy is very common and usually gets better after the birth.\n\n"
        "Patient information leaflets on pelvic girdle pain are available at reception.\n"
    )
    doc = clean_document(parse_document(text, "text"))
    headings = [section.heading for section in doc.sections if section.heading]
    joined = " ".join(texts_of(doc))
    assert "PATIENT INFORMATION LEAFLET" not in joined
    assert "BACK PAIN IN PREGNANCY" in headings
    assert "Patient information leaflets on pelvic girdle pain" in joined


@pytest.mark.parametrize(
    "line",
    [
        '"After three sessions I could reverse the car without turning my whole body." Gareth, 58',
        '"I was back on my bike in four months." - Patient, 2025',
        "\u201cMonths of pain gone and I can lift my grandson again.\u201d \u2013 Joanne D.",
        '"Two sessions and my shoulder finally feels normal again." - Dan, club runner',
        "\u2605\u2605\u2605\u2605\u2605 Friendly, quick and it worked.",
    ],
)
def test_a_patient_s_quote_signed_with_a_first_name_is_a_testimonial(line):
    assert chrome_reason(line) == "chrome: testimonials"


@pytest.mark.parametrize(
    "line",
    [
        '"It usually settles on its own," says Dr Lee.',
        '"Most back pain is not serious." Dr Amy Patel',
        '"I could not sit for more than ten minutes," she says.',
        '"Keep moving" is the best advice I can give for most back pain.',
    ],
)
def test_quotes_in_an_article_s_text_are_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    "line",
    [
        "Sunita Rao Yoga, Studio 3, Brackley Road You are receiving this because you signed "
        "up at one of my classes.",
        "Love this post? Join our mailing list for new classes and journal posts.",
    ],
)
def test_a_newsletter_s_footer_joined_to_its_address_and_a_mailing_list_prompt_are_chrome(line):
    assert chrome_reason(line) == "chrome: newsletter"


@pytest.mark.parametrize(
    "line",
    [
        "If you are receiving this treatment because you have cancer, tell your nurse about "
        "new back pain.",
        "Join the waiting list for physiotherapy through your GP.",
    ],
)
def test_treatment_you_receive_and_a_waiting_list_are_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    "line",
    [
        "Mira Movement Studio, Unit 4, Tanner's Yard, Kirkby Lane.",
        "Kelby Physio, Suite B, 12 High Street, Kelby",
    ],
)
def test_a_postal_address_with_a_unit_or_suite_is_chrome(line):
    assert chrome_reason(line) == "chrome: contact details"


@pytest.mark.parametrize(
    "line",
    [
        "Sarah, Unit 4 nurse on the spinal ward, explains how to fit the brace.",
        "Physiotherapy, Unit 2, is on the ground floor next to the X-ray department.",
    ],
)
def test_sentences_naming_a_unit_are_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("You are being invited to take part in a research study.", "research study"),
        (
            "You have been invited to take part in this trial because you have back pain.",
            "research study",
        ),
        (
            "You are free to withdraw at any time, without giving a reason, and your care will "
            "not be affected.",
            "research study",
        ),
        ("You can withdraw from the study at any time.", "research study"),
        ("Kelsbury University is the sponsor and data controller.", "research study"),
        ("Your name will be replaced by a study number.", "research study"),
        (
            "This study has been reviewed by the Fennick Research Ethics Committee "
            "(ref 24/FN/0117).",
            "research study",
        ),
        ("It is funded by the Kelsbury Health Research Fund.", "research study"),
        (
            "Please take time to read this sheet carefully and discuss it with others if you wish.",
            "leaflet handling",
        ),
        ("Thank you for reading this information sheet.", "leaflet handling"),
        ("You will be given a copy to keep.", "leaflet handling"),
        ("Kelsbury University, School of Health Sciences", "journal metadata"),
    ],
)
def test_a_participant_information_sheet_s_furniture_is_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "An Australian trial found that the therapy reduced disability more than usual care.",
        "You are free to stop any exercise that hurts and try it again the next day.",
        "You may be invited to a follow-up appointment after six weeks.",
        "Please take time to do the exercises every day, even when the pain eases.",
        "The university hospital, department of spinal surgery, runs a back pain clinic.",
        "A study funded by the charity found that walking helped as much as physiotherapy.",
    ],
)
def test_sentences_about_studies_and_sheets_that_say_something_are_kept(line):
    assert chrome_reason(line) == ""


def test_a_participant_information_sheet_keeps_its_study_and_drops_its_furniture():
    markdown = (
        "# Participant Information Sheet\n\n"
        "You are being invited to take part in a research study. Before you decide, it is "
        "important that you understand why the research is being done and what it will "
        "involve.\n\n## What is the purpose of the study?\n\n"
        "Persistent low back pain is back pain that has lasted more than three months.\n\n"
        "## What if I change my mind?\n\n"
        "You are free to withdraw at any time, without giving a reason.\n\n"
        "## Who has reviewed the study?\n\n"
        "This study has been reviewed by the Fennick Research Ethics Committee. "
        "It is funded by the Kelsbury Health Research Fund.\n"
    )
    _, texts = headings_and_texts(markdown, "markdown")
    assert "Before you decide" in texts
    assert "lasted more than three months" in texts
    for chrome in ("invited to take part", "free to withdraw", "Ethics Committee", "funded by"):
        assert chrome not in texts


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "This is the talk page for discussing improvements to the Hangman's fracture article.",
            "wiki furniture",
        ),
        ("This is not a forum for general discussion of the article's subject.", "wiki furniture"),
        ("This article is rated C-class on the project's quality scale.", "wiki furniture"),
        ("WikiProject Medicine / Orthopaedics (Mid-importance).", "wiki furniture"),
        ("Any objections?", "wiki furniture"),
        ("Fair, reverted myself.", "wiki furniture"),
        ("Help us improve MediWiki: take the 2-minute reader survey.", "feedback"),
        ("Take our short survey", "feedback"),
    ],
)
def test_a_wiki_talk_page_s_furniture_is_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "This is not a cause for concern in most people.",
        "Patients were asked to take part in a survey about their pain.",
        "The fracture is rated as stable on the classification scale.",
        "If the pain has not reverted to its usual level after a week, see your GP.",
    ],
)
def test_sentences_like_talk_page_furniture_are_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Support. Many people have no damage to the spinal cord at all. "
            "—Lindqvist.MD (talk) 11:40, 2 February 2025 (UTC)",
            "Support. Many people have no damage to the spinal cord at all.",
        ),
        (
            "Fair point. --88.109.42.17 (talk) 12:03, 10 February 2025 (UTC)",
            "Fair point.",
        ),
        (
            "Done. – Physio Ines (talk · contribs) 08:09, 4 March 2025 (UTC)",
            "Done.",
        ),
        (
            "Rest for 2 days - then walk (talk to your GP if it is no better).",
            "Rest for 2 days - then walk (talk to your GP if it is no better).",
        ),
    ],
)
def test_a_talk_page_signature_is_cut_and_the_comment_kept(text, kept):
    assert cut_inline_chrome(text) == kept


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Keep out of the reach and sight of children", "medicine leaflet"),
        ("Keep this medicine out of the sight and reach of children.", "medicine leaflet"),
        ("GPhC reg. 1126344", "contact details"),
        ("GMC number 7012345", "contact details"),
        ("Given to you by your pharmacist with your first supply", "leaflet handling"),
    ],
)
def test_a_dispensing_label_s_furniture_is_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "Keep the strap and cord out of reach of children.",
        "Keep all medicines out of the reach and sight of children, and lock away strong "
        "painkillers.",
        "Given to you by your doctor, this injection works within hours.",
        "The GMC guidance says doctors must explain the risks of surgery.",
    ],
)
def test_cautions_and_sentences_like_label_furniture_are_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Do not drink alcohol. [Label 2]", "Do not drink alcohol."),
        ("Take with or after food. [Label 21, 25]", "Take with or after food."),
        (
            "Label 2 on the box means it may make you sleepy.",
            "Label 2 on the box means it may make you sleepy.",
        ),
    ],
)
def test_a_cautionary_label_number_is_cut_and_the_direction_kept(text, kept):
    assert cut_inline_chrome(text) == kept


@pytest.mark.parametrize(
    "line",
    [
        "Resident: Mrs Edith Harrowby",
        "Room: 14",
        "Preferred name: Edie",
        "Completed by: RN Tomasz Wilk",
        "Agreed with: Edie and her daughter (LPA health and welfare)",
        "Review: monthly, next 18 July 2025",
        "Key worker: Sam Patel",
    ],
)
def test_a_care_plan_s_record_fields_are_chrome(line):
    assert chrome_reason(line) == "chrome: form field"


@pytest.mark.parametrize(
    "line",
    [
        "Review: most people need no follow-up once the pain settles.",
        "The resident physiotherapist will check your walking before you go home.",
        "Room temperature water is fine for the cold pack.",
    ],
)
def test_advice_that_opens_like_a_record_field_is_kept(line):
    assert chrome_reason(line) == ""


def test_a_care_plan_keeps_its_care_and_drops_its_record_fields_and_log():
    markdown = (
        "# Resident Care Plan Summary\n\n"
        "**Resident:** Mrs Edith Harrowby · **Room:** 14 · **Preferred name:** Edie\n\n"
        "**Written by:** RN Tomasz Wilk · **Agreed with:** Edie and her daughter · "
        "**Review:** monthly, next 18 July 2025\n\n"
        "## Need\n\nPost-herpetic neuralgia is nerve pain that carries on after shingles.\n\n"
        "## Evaluation log\n\n| Date | Pain | Comment |\n|---|---|---|\n"
        "| 04/06 | 7/5 | plasters started |\n"
    )
    headings, texts = headings_and_texts(markdown, "markdown")
    assert "carries on after shingles" in texts
    assert "Evaluation log" not in headings
    for chrome in ("Harrowby", "Room", "Tomasz", "monthly", "plasters started"):
        assert chrome not in texts


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Approved by the ICB Clinical Policy Committee, 6 March 2025.", "page metadata"),
        ("Approved by the Medicines Management Group, 12 June 2024", "page metadata"),
        ("Equality impact assessment completed.", "page metadata"),
        (
            "This summary is for patients, carers and referring clinicians.",
            "page metadata",
        ),
        ("The full policy and evidence review are available on request.", "page metadata"),
        ("Fennick and Kelsbury Integrated Care Board", "publisher"),
        ("Harwood Vale Hospitals NHS Foundation Trust", "publisher"),
    ],
)
def test_a_policy_s_governance_lines_are_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "Approved by the FDA in 2002 for nerve pain after shingles.",
        "This leaflet is for people going home after a lumbar decompression, an operation "
        "that frees a trapped nerve.",
        "This leaflet is for you to take home after an operation called posterior cervical fusion.",
        "The health board offers physiotherapy without a GP referral.",
        "Ask your GP whether the treatment is available on the NHS where you live.",
    ],
)
def test_sentences_about_approval_audience_and_boards_are_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize("line", ["To the Editor,", "Dear Editor:", "To the Editors"])
def test_a_letter_to_a_journal_s_salutation_is_chrome(line):
    assert chrome_reason(line) == "chrome: greeting"


def test_an_editor_in_a_sentence_is_kept():
    assert chrome_reason("To the editor of the local paper, this was big news.") == ""


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "We read the review by Fairbairn and colleagues (JMP 2025;14:87-95), and agree.",
            "We read the review by Fairbairn and colleagues, and agree.",
        ),
        (
            "A trial (Lancet 2019;393(10182):1234-45) found the same.",
            "A trial found the same.",
        ),
        (
            "Take 400 mg (2 tablets) up to 3 times a day (every 8 hours).",
            "Take 400 mg (2 tablets) up to 3 times a day (every 8 hours).",
        ),
        (
            "The scan (MRI 2024; see your letter) showed a disc bulge.",
            "The scan (MRI 2024; see your letter) showed a disc bulge.",
        ),
    ],
)
def test_a_journal_citation_in_brackets_is_cut_and_the_sentence_kept(text, kept):
    assert cut_inline_chrome(text) == kept


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("READ ALL INSTRUCTIONS BEFORE USE.", "leaflet handling"),
        ("Please read these instructions carefully before using this device.", "leaflet handling"),
        ("KEEP FOR FUTURE REFERENCE.", "leaflet handling"),
        ("Keep this manual for future reference", "leaflet handling"),
        ("/!\\ WARNING Indicates a hazard that could cause serious injury.", "symbol key"),
    ],
)
def test_a_device_leaflet_s_handling_lines_and_symbol_key_are_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "Read the instructions before using a TENS machine for the first time, and never use "
        "it over the front of the neck.",
        "Keep a diary of your pain for reference at your next appointment.",
        "Numbness in the saddle area indicates a problem that needs urgent treatment.",
    ],
)
def test_device_cautions_like_handling_lines_are_kept(line):
    assert chrome_reason(line) == ""


def test_a_symbol_key_section_goes_and_the_instructions_stay():
    text = (
        "INSTRUCTIONS FOR USE\n\nSymbols used in this leaflet\n"
        "WARNING Indicates a hazard that could cause serious injury.\n\n"
        "INTENDED USE\n\nThe kit provides home cervical traction: a gentle, steady pull that "
        "lifts the weight of the head off the neck.\n"
    )
    headings, texts = headings_and_texts(text, "text")
    assert "Symbols used in this leaflet" not in headings
    assert "steady pull" in texts
    assert "hazard" not in texts


@pytest.mark.parametrize(
    "line, reason",
    [
        ("<- Prev: Disc bulge | Next: Facet joint pain ->", "navigation"),
        ("← Previous: Sciatica", "navigation"),
        ("www.harbourroadsurgery.example.nhs.uk", "contact details"),
        ("https://www.example.org/back-pain/", "contact details"),
        (
            "22 Harbour Road, Kelmouth KM4 2PQ Tel: 01632 960 101 www.harbourroad.example",
            "contact details",
        ),
    ],
)
def test_page_arrows_and_a_bare_web_address_are_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "See www.example.org for the full exercise programme.",
        "Previously fit and well, she developed pain after lifting.",
        "22 Harbour Road is where the new clinic opens. Book at www.harbourroad.example today.",
    ],
)
def test_advice_naming_a_web_address_or_starting_like_navigation_is_kept(line):
    assert chrome_reason(line) == ""


def test_a_letterhead_s_web_address_line_stands_apart_and_goes_with_the_address():
    text = (
        "HARBOUR ROAD SURGERY\n"
        "22 Harbour Road, Kelmouth KM4 2PQ\n"
        "www.harbourroadsurgery.example.nhs.uk\n\n"
        "LOW BACK PAIN\n\n"
        "Low back pain is very common and usually gets better within a few weeks.\n"
    )
    texts = cleaned_text(text, "text")
    assert "Harbour Road" not in texts and "www." not in texts
    assert "usually gets better" in texts


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Date of letter: 29 September 2025", "letter header"),
        ("Letter date: 29/09/2025", "letter header"),
        ("Appointments: 01632 960 217 (Mon-Fri 9am-4.30pm)", "contact details"),
    ],
)
def test_a_letter_s_date_field_and_booking_line_are_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "Update: new dates for the class are on 4 May.",
        "Appointments: please bring a list of your medicines.",
    ],
)
def test_lines_opening_like_date_or_booking_fields_are_kept(line):
    assert chrome_reason(line) == ""


def test_a_letterhead_ending_in_its_booking_line_goes_before_the_letter_s_headline():
    text = (
        "KELMOUTH GENERAL HOSPITAL NHS TRUST\nDepartment of Radiology, Level 2, Green Zone\n"
        "Harbour Road, Kelmouth KM4 2PQ\nAppointments: 01632 960 300 (Mon-Fri 9am-4.30pm)\n\n"
        "Our ref: RAD/22/118            NHS number: 900 000 0001\n"
        "Date of letter: 3 March 2025\n\n"
        "PRIVATE AND CONFIDENTIAL\nMs Ann Lowe\n4 Mill Close\nKelmouth KM5 1AB\n\n"
        "Dear Ms Lowe\n\n"
        "YOUR APPOINTMENT: Facet joint injection\n\n"
        "A facet joint injection puts steroid into a small joint of the spine.\n"
    )
    doc = clean_document(parse_document(text, "text"))
    assert doc.title == "YOUR APPOINTMENT: Facet joint injection"
    kept = " ".join(texts_of(doc))
    assert "KELMOUTH" not in kept and "Harbour Road" not in kept and "01632" not in kept
    assert "steroid into a small joint" in kept


@pytest.mark.parametrize(
    "line",
    [
        "Dear Ms Okafor",
        "Dear Dr Lee,",
        "Yours sincerely",
        "Best wishes,",
        "Yours faithfully Anna Lee, OH Advisor",
    ],
)
def test_a_letter_s_salutation_and_sign_off_lines_are_chrome(line):
    assert chrome_reason(line) == "chrome: greeting"


@pytest.mark.parametrize(
    "line",
    [
        "Dear Mr Lee, your scan showed a disc bulge.",
        "Best wishes for a quick recovery from the whole team at the practice.",
    ],
)
def test_letter_sentences_opening_like_salutations_are_kept(line):
    assert chrome_reason(line) == ""


def test_a_promotional_lead_goes_but_the_instructions_it_leads_stay():
    html = (
        "<html><body><h1>Sciatica</h1><p>Sciatica is pain down the leg from a nerve in the"
        " back.</p><p>THE FREE PLAN includes two starter exercises. Do each one 5 times a"
        " day:<br>- Knee hug: lie on your back and hug both knees to your chest. 10"
        " repetitions.<br>- Bridge: lie on your back and lift your hips off the floor. 10"
        " repetitions.</p></body></html>"
    )
    texts = cleaned_text(html, "html")
    assert "FREE PLAN" not in texts
    assert "hug both knees" in texts and "lift your hips" in texts


def test_a_promotional_lead_goes_with_its_list_of_offers():
    html = (
        "<html><body><h1>Sciatica</h1><p>Sciatica is pain down the leg from a nerve in the"
        " back.</p><p>THE FREE PLAN includes:<br>- Posture guide<br>- Exercise e-book</p>"
        "</body></html>"
    )
    texts = cleaned_text(html, "html")
    assert "Posture guide" not in texts and "e-book" not in texts


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "Minutes of the meeting held on Tuesday 9 September 2025, 6.30pm, Community Room",
            "meeting minutes",
        ),
        ("Minutes of the Patient Participation Group meeting, 3 March 2025", "meeting minutes"),
        ("UNCONFIRMED MINUTES - subject to approval at the next meeting", "meeting minutes"),
        (
            "Present: Margaret Ellis (Chair), David Onu (Secretary), Pat Greenway,",
            "meeting minutes",
        ),
        ("In attendance: Lisa Grant (Practice Manager)", "meeting minutes"),
        ("Apologies: Ron Tibbs, Sunita Rao", "meeting minutes"),
        ("Apologies for absence: Dr Hale", "meeting minutes"),
        ("ME welcomed everyone, especially our guest speaker.", "meeting minutes"),
        ("The Chair thanked JF for a very clear talk.", "meeting minutes"),
        ("Approved as a true record.", "meeting minutes"),
        ("The minutes were agreed as an accurate record.", "meeting minutes"),
        ("Proposed PG, seconded HA.", "meeting minutes"),
        ("ACTION: LG", "meeting minutes"),
        ("Actions: HA / LG", "meeting minutes"),
        ("HA asked about posters in Urdu; HA to share a draft with LG.", "meeting minutes"),
        ("Date of next meeting: Tuesday 11 November 2025, 6.30pm", "meeting minutes"),
        ("Minutes taken by David Onu, Secretary.", "meeting minutes"),
        ("LG reported the new phone system goes live on 1 October.", "notices"),
        ("Saturday flu clinics will run on 4 and 11 October.", "notices"),
        ("Coffee morning on 18 October, in aid of the surgery's equipment fund.", "notices"),
        ("BC asked for volunteers to help at the flu clinic.", "notices"),
    ],
)
def test_meeting_minutes_furniture_is_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "Present your card at reception when you arrive.",
        "Present: a dull ache in the lower back for three weeks.",
        "Apologies for the delay: the clinic is running late today.",
        "Thirty minutes of brisk walking a day helps back pain.",
        "Minutes of exercise add up over the week.",
        "JF explained that dry needling uses very fine, solid needles.",
        "NICE welcomed the new evidence on exercise for back pain.",
        "She thanked her physiotherapist for the exercises.",
        "Action: walk for 10 minutes every day.",
        "GP to arrange a blood test in 2 weeks.",
        "Keep an accurate record of your pain each day.",
        "Your sessions will run every week for 6 weeks.",
        "Physiotherapy sessions will start from 2 weeks after your operation.",
    ],
)
def test_advice_sharing_words_with_minutes_furniture_is_kept(line):
    assert chrome_reason(line) == ""


def test_minutes_lose_their_business_sections_and_keep_the_talk():
    text = (
        "PATIENT GROUP\n\nMinutes of the meeting held on 9 September 2025\n\n"
        "Present: Margaret Ellis (Chair), David Onu\n\n"
        "MATTERS ARISING\n\nCar park lines have been repainted. ACTION: LG\n\n"
        "GUEST TALK: SCIATICA\n\nSciatica is pain that runs down the leg from a nerve "
        "in the lower back. Most people get better within 6 weeks.\n\n"
        "ANY OTHER BUSINESS\n\nCoffee morning on Saturday 18 October, 10am.\n"
    )
    texts = cleaned_text(text, "text")
    assert "Car park" not in texts and "Coffee morning" not in texts
    assert "Margaret Ellis" not in texts
    assert "Most people get better within 6 weeks." in texts


@pytest.mark.parametrize(
    "line",
    [
        "#38 in Health & Fitness",
        "#2 in Medical",
        "4.6 • 2.1K Ratings",
        "4.8, 12K reviews",
        "Free · Offers In-App Purchases",
        "Offers in-app purchases",
        "SpineShift Plus unlocks 40 more exercises and video calls with a physio.",
        "Premium unlocks every programme.",
        "Version History",
        "Version 3.2.1 - 2 Sep 2025 Adds reminders to do your exercises.",
        "Version 2.0 (March 4, 2025) adds a pain diary.",
        "Fixed a crash when exporting your pain diary.",
        "Bug fixes and performance improvements.",
        "Dark mode improvements.",
        "The developer, Northpoint Health Apps Ltd, indicated that the app's privacy "
        "practices may include handling of data as described below.",
        "Data Linked to You: Health & Fitness, Contact Info, Identifiers",
        "Data Not Linked to You",
    ],
)
def test_app_store_listing_furniture_is_chrome(line):
    assert chrome_reason(line) == "chrome: app store listing"


@pytest.mark.parametrize(
    "line",
    [
        "Stop an exercise if the pain spreads further down your leg.",
        "Regular movement unlocks a stiff back better than rest.",
        "Fixed daily routines help: walk at the same time each day.",
        "Data from the trial showed a small benefit for neck pain.",
        "Ratings of pain from 0 to 10 help your physio track progress.",
        "Version 2 of the guideline no longer recommends bed rest.",
        "Performance improvements come after 6 weeks of regular exercise.",
    ],
)
def test_advice_sharing_words_with_app_listing_furniture_is_kept(line):
    assert chrome_reason(line) == ""


def test_an_app_listing_loses_its_privacy_and_version_sections_and_keeps_its_advice():
    html = (
        "<html><body><h1>SpineShift: McKenzie Exercises</h1><ul><li>#38 in Health &amp; "
        "Fitness</li><li>4.6 • 2.1K Ratings</li></ul><p>The McKenzie method uses repeated "
        "movements to find a direction that eases back pain.</p><p>If your pain is not "
        "improving after 2 weeks, see a physiotherapist or your GP.</p>"
        "<h2>Version History</h2><p>Version 3.2.1 - 2 Sep 2025 Fixed a crash when exporting "
        "your pain diary. Dark mode improvements.</p><h2>App Privacy</h2><p>Data Linked to "
        "You: Health &amp; Fitness, Contact Info</p><p>Health and fitness, contact details "
        "and identifiers may be collected.</p>"
        "</body></html>"
    )
    texts = cleaned_text(html, "html")
    assert "Ratings" not in texts and "crash" not in texts and "Contact Info" not in texts
    assert "identifiers may be collected" not in texts
    assert "see a physiotherapist or your GP" in texts


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Not currently on display", "museum record"),
        ("On display in the Science Gallery, case 4", "museum record"),
        ("Add to my collection", "museum record"),
        ("Cite this record", "museum record"),
        ("Request image licence", "museum record"),
        ("Order a print", "museum record"),
        ("Object number: KMM.1987.214", "museum record"),
        ("Accession no.: A600123", "museum record"),
        ("Credit line: Given by the orthopaedic department", "museum record"),
        (
            "Our oral history project is recording memories of scoliosis treatment.",
            "museum record",
        ),
        ("Share your story", "museum record"),
        ("Milwaukee brace, about 1975 (KMM.1991.022)", "museum record"),
        ("Image © Kelsbury Museum of Medicine.", "image credit"),
        ("Photograph copyright Science Museum Group", "image credit"),
    ],
)
def test_a_museum_record_s_furniture_is_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "Always tell the radiographer about any metal in your spine before an MRI scan.",
        "Add to your walk by five minutes each week.",
        "Share your worries with your physiotherapist.",
        "Images of the spine show the rod in place.",
        "A scan may show the rod on view in the X-ray (see figure 2).",
        "The Harrington rod (1962) was the first widely used spinal implant.",
    ],
)
def test_sentences_like_museum_record_furniture_are_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            '"I spent nine months in a plaster cast." (Oral history OH/214/03, recorded 2019)',
            '"I spent nine months in a plaster cast."',
        ),
        (
            "Patients were often in a cast for months (an oral history of the 1960s).",
            "Patients were often in a cast for months (an oral history of the 1960s).",
        ),
    ],
)
def test_an_oral_history_reference_is_cut_and_the_quote_kept(text, kept):
    assert cut_inline_chrome(text) == kept


def test_a_museum_record_loses_its_related_objects_and_keeps_its_advice():
    markdown = (
        "# Spinal rod, Harrington type\n\nThe Harrington rod was the first metal implant used "
        "to straighten the spine.\n\nIf you have new back pain that does not settle, see "
        "your GP.\n\n## Related objects\n\n- Milwaukee brace, about 1975\n"
        "- Risser plaster jacket frame\n"
    )
    texts = cleaned_text(markdown, "markdown")
    assert "Milwaukee" not in texts and "Risser" not in texts
    assert "see your GP" in texts


@pytest.mark.parametrize(
    "line",
    [
        "Station 6 of 12 · History taking · Time allowed: 8 minutes (plus 1 minute reading)",
        "History taking · Time allowed: 8 minutes",
        "Station 3 of 10",
        "Station time: 10 minutes",
        "Examiner mark sheet (examiner use only)",
        "Global rating: Clear pass / Pass / Borderline / Fail",
        'Opening line: "I\'ve got this awful pain in my back, love."',
        "You are a foundation doctor in the emergency department.",
        "You are a final-year medical student on a GP placement.",
    ],
)
def test_an_exam_station_s_furniture_is_chrome(line):
    assert chrome_reason(line) == "chrome: exam station"


@pytest.mark.parametrize(
    "line",
    [
        "Time allowed for the exercise: 2 minutes, then rest.",
        "You are a carer for someone with back pain, so look after your own back too.",
        "A station 6 of the hospital's fracture clinic is on the ground floor.",
        "Your overall rating of pain should fall over the first 2 weeks.",
        "Do not label new back pain as renal colic in a patient over 60 without imaging.",
    ],
)
def test_advice_sharing_words_with_exam_station_furniture_is_kept(line):
    assert chrome_reason(line) == ""


def test_an_exam_station_loses_its_mark_sheet_and_keeps_its_learning_points():
    markdown = (
        "# Station 6: Back pain in an older man\n\n"
        "A leaking aortic aneurysm often presents as sudden severe back pain.\n\n"
        "## Examiner mark sheet\n\n| Domain | Marks |\n|---|---|\n"
        "| Asks about collapse or fainting | 2 |\n\n"
        "## Examiner's notes\n\nA good candidate links the pain to the screening history.\n\n"
        "## Learning points\n\nSudden severe back pain with collapse: call 999.\n"
    )
    texts = cleaned_text(markdown, "markdown")
    assert "collapse or fainting" not in texts and "good candidate" not in texts
    assert "call 999" in texts


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Hello Mr Farrow.", "greeting"),
        ("Hi Sam!", "greeting"),
        ("Thank you for your referral.", "letter header"),
        ("Thank you for your referral of Mr Doshi.", "letter header"),
        ("I will speak to him again on 23 October 2025.", "letter header"),
        ("I will see you again on Monday 3 March 2026.", "letter header"),
        ("WW/OH/25/11873", "letter header"),
        ("WORKWELL OH PARTNERS LTD - Occupational Health Service", "letter header"),
        ("Consultation: 2 October 2025, by telephone", "letter header"),
        ("MANAGEMENT REPORT - PRIVATE & CONFIDENTIAL (MEDICAL IN CONFIDENCE)", "letter header"),
        ("Time: 10:40 (please arrive 20 minutes early)", "letter header"),
        ("Where: CT Department, Level 2, Blue Zone", "letter header"),
        (
            "If you cannot attend, please call 01632 960 217 so that we can offer the slot "
            "to someone else.",
            "letter header",
        ),
        ("Copy to", "letter header"),
        ("Please bring this summary to your next appointment.", "leaflet handling"),
        ("Created in the practice clinical system; template SMR-v4.", "page metadata"),
        ("This report contains health information.", "page metadata"),
        (
            "Store it securely and do not place it on the general personnel file.",
            "page metadata",
        ),
        ("Tomasz Wilk Clinical Pharmacist, Kelsbury Valley PCN", "byline"),
        ("Helen Moray RGN SCPHN(OH), OH Advisor", "byline"),
        ("Is this likely to be a disability under the Equality Act 2010?", "report furniture"),
    ],
)
def test_letter_and_report_furniture_is_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "Hello, and thank you for reading.",
        "Thank you for referring this 31-year-old man with five years of back pain.",
        "I will see you in 6 weeks to check how your back is doing.",
        "If you cannot attend because you are unwell with a fever, call 111.",
        "If you cannot attend the class, do the exercises at home.",
        "Time: 10 minutes a day, building up to 30.",
        "Where: it hurts most, press gently with two fingers.",
        "Keep it securely in a locked cupboard, away from children.",
        "Please bring your medicines to your next appointment.",
        "Ask Your Pharmacist about the side effects of naproxen",
        "The Equality Act protects people with long-term conditions at work.",
        "Your records are private and confidential.",
    ],
)
def test_sentences_like_letter_and_report_furniture_are_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("21-15-9 thrusters (43/30 kg) and pull-ups, for time.", "gym blog"),
        ("5 rounds for time: 400 m run, 15 kettlebell swings", "gym blog"),
        ("AMRAP 12: 5 pull-ups, 10 push-ups, 15 air squats", "gym blog"),
        ("Scale: ring rows and 20/15 kg thrusters.", "gym blog"),
        ("Coach notes: bring a skipping rope for the warm-up.", "gym blog"),
        ("New here? Book your free taster session.", "gym blog"),
        ("Come along and talk to one of our coaches about your goals.", "gym blog"),
        ("Tag us @ironvalecrossfit", "social media"),
        ("Follow us on Instagram @ironvalecrossfit for daily workouts", "social media"),
    ],
)
def test_a_gym_blog_s_workout_and_promotion_lines_are_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "Wall slides with a foam roller: 3 sets of 12",
        "Rest for a short time after each set.",
        "Walk for 20 minutes at a time, not for time.",
        "Scale: 0 means no pain and 10 the worst pain you can imagine.",
        "Swap kipping for strict pull-ups or ring rows for 3 to 4 weeks.",
        "Book a physio appointment if the pain lasts more than 6 weeks.",
        "Talk to a coach about lowering the load while your shoulder settles.",
    ],
)
def test_rehab_advice_beside_a_gym_blog_s_furniture_is_kept(line):
    assert chrome_reason(line) == ""


FLASHCARD_EXPORT = (
    "#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n#tags column:5\n"
    "Basic\tMedSchool::Y4::Haematology::Myeloma\tCommonest presenting symptom of myeloma?"
    "\t<b>Back pain</b>, from lytic lesions.<br>Often blamed on wear and tear.\t"
    "haem::myeloma high-yield\n"
    "Cloze\tMedSchool::Y4::Haematology::Myeloma\tMyeloma cells activate {{c1::osteoclasts}}"
    " and suppress {{c2::osteoblasts::bone builders}}.\t\thaem::myeloma path\n"
)


def test_a_flashcard_export_loses_its_header_deck_and_tags_and_keeps_its_notes():
    texts = cleaned_text(FLASHCARD_EXPORT, "text")
    for chrome in ("#separator", "#deck column", "MedSchool::", "haem::", "{{c1", "<br>", "<b>"):
        assert chrome not in texts
    assert "Back pain, from lytic lesions." in texts
    assert "activate osteoclasts and suppress osteoblasts." in texts


def test_a_flashcard_export_s_furniture_is_recorded_as_dropped():
    doc = clean_document(parse_document(FLASHCARD_EXPORT, "text"))
    dropped = [d.text for d in doc.dropped if d.reason == "chrome: flashcard export"]
    assert "#tags column:5" in dropped
    assert "MedSchool::Y4::Haematology::Myeloma" in dropped and "haem::myeloma path" in dropped


@pytest.mark.parametrize(
    "text",
    [
        "#backpain #physio\nKeep moving: gentle walks help a sore back.\n",
        "#1 tip: keep moving\nGentle walks help a sore back.\tMost people improve in weeks.\n",
    ],
)
def test_text_opening_with_hashtags_is_no_flashcard_export(text):
    from back_health.importer.flashcards import read_flashcards

    assert read_flashcards(text) == (text, [])


@pytest.mark.parametrize(
    "line",
    [
        "You can usually claim if another driver, an employer or a vehicle operator was at fault.",
        "You could claim compensation if your injury was caused by negligence.",
        "You have three years from the date of the accident.",
        "A claim for a child can be made at any time before their 18th birthday.",
        "No win, no fee",
    ],
)
def test_a_law_firm_s_claim_lines_are_chrome(line):
    assert chrome_reason(line) == "chrome: legal claims"


@pytest.mark.parametrize(
    "line",
    [
        "You can claim free prescriptions if you are over 60.",
        "Most people recover within two years of the injury.",
        "Airbags are not to blame: they protect the head and chest.",
        "Do not let anyone manipulate your back while the fracture is healing.",
    ],
)
def test_advice_beside_a_law_firm_s_claim_lines_is_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    "line",
    [
        "On this page: Drug action - Indications and dose - Cautions - Side-effects",
        "On this page:",
        "Jump to: Symptoms | Causes | Treatment",
        "In this article",
        # An encyclopedia's numbered contents, its lines run together.
        "Contents 1 Types 2 Causes 3 Signs and symptoms 4 Diagnosis 5 See also",
    ],
)
def test_an_in_page_contents_line_is_chrome(line):
    assert chrome_reason(line) == "chrome: table of contents"


@pytest.mark.parametrize(
    "line",
    [
        "On this page you will find exercises for a stiff neck.",
        "In this article we explain why backs hurt and what helps.",
        "Contents of the kit: a brace, two straps and a leaflet.",
        "Contents 1 Brace and 2 Straps. Check the box before you leave.",
    ],
)
def test_sentences_opening_like_a_contents_line_are_kept(line):
    assert chrome_reason(line) == ""


def test_a_chrome_lead_goes_but_the_safety_points_it_leads_stay():
    text = (
        "Dry needling\n\nDry needling puts fine needles into tight knots in a muscle.\n\n"
        "Safety points (to go in the next newsletter):\n"
        "* Tell your physio if you take blood thinners, as needling may not be suitable.\n"
        "* If you become breathless or have chest pain after needling, call 999.\n"
        "* Anyone with new leg weakness should ask for a same-day appointment or call 111.\n"
    )
    texts = cleaned_text(text, "text")
    assert "newsletter" not in texts
    assert "Tell your physio if you take blood thinners" in texts
    assert "call 999" in texts


@pytest.mark.parametrize(
    "line",
    [
        "Slot: THE HEALTH MINUTE (sponsored) Tx: Mon 6 Oct 2025, 07:50 / 12:50 / 17:50",
        "Tx: 14 March, 08:20",
        "Status: APPROVED (legal cleared)",
        "Duration: 2'10\"",
        "Time for the Back Hour, brought to you by Riverside Physio.",
        "Promo tag (read by SAM): Our thanks to Riverside Physio.",
        "DEV (live): Thanks Fiona.",
        "Thank you Sarah!",
        "That was the Health Minute.",
        "You've been listening to Pain Matters.",
        "Coming up after the news, the weekend weather.",
        "Still to come: the travel.",
    ],
)
def test_a_broadcast_scripts_production_furniture_is_chrome(line):
    assert chrome_reason(line) == "chrome: broadcast script"


@pytest.mark.parametrize(
    "line",
    [
        "Tx: physiotherapy and a graded walking plan.",
        "Status: stable, with pain easing.",
        "Duration: 6 weeks of exercises, twice a day.",
        "Thanks Fiona, that really helped my back.",
        "That was the worst pain I have ever had.",
        "Coming up the stairs slowly, one step at a time, protects the knee.",
        "Coming up to the operation, stop smoking.",
    ],
)
def test_advice_sharing_words_with_a_broadcast_script_is_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("[CUE IN CLIP 1 - FIONA - 0'48\"] Keep moving.", "Keep moving."),
        ('[STING: HEALTH MINUTE JINGLE - 5"] Walk daily.', "Walk daily."),
        ('Rest briefly. [OUT WORDS: "...safe for you."]', "Rest briefly."),
        ("[BED OUT] Stay active.", "Stay active."),
        ("[Bed rest] is no longer advised.", "[Bed rest] is no longer advised."),
    ],
)
def test_a_scripts_bracketed_production_cue_is_cut_and_the_words_kept(text, kept):
    assert cut_inline_chrome(text) == kept


@pytest.mark.parametrize(
    "line",
    [
        "HC Deb 12 June 2025 vol 771 c123",
        "Column numbers omitted.",
        "Martin Keble (Ashcombe and Fernley) (Lab)",
        "Jane Sowerby (Kelsbury North) (LD)",
        "I beg to move,",
        "That this House has considered opioid prescribing for chronic back pain.",
        "It is a pleasure to serve under your chairmanship, Mrs Frame.",
        "Will the hon. Gentleman give way?",
        "Will the Minister give way?",
        "I will not, as I have little time.",
        "I congratulate the hon. Member for Ashcombe on securing this important debate.",
        "Question put and agreed to.",
        "Sitting suspended.",
        "Hansard-style extract prepared for the members' briefing.",
        "Reproduced under the Open Parliament Licence v3.0.",
    ],
)
def test_a_parliamentary_records_furniture_is_chrome(line):
    assert chrome_reason(line) == "chrome: parliamentary record"


@pytest.mark.parametrize(
    "line",
    [
        "Ibuprofen (Nurofen) (OTC)",
        "Will the pain give way to stiffness?",
        "I will not stop my tablets suddenly, as my GP advised.",
        "Question your GP about a medication review.",
        "The house you live in may need a stair rail.",
        "It is a pleasure to walk again without pain.",
        "I thank my physio for the exercises.",
    ],
)
def test_advice_sharing_words_with_a_parliamentary_record_is_kept(line):
    assert chrome_reason(line) == ""


def test_a_members_courtesy_goes_and_the_ministers_advice_stays():
    text = (
        "Opioids\n\nI congratulate the hon. Member for Ashcombe and Fernley on securing "
        "the debate. Nobody should stop an opioid suddenly, as withdrawal can follow. "
        "If someone becomes very drowsy or is breathing very slowly, call 999."
    )
    texts = cleaned_text(text, "text")
    assert "congratulate" not in texts
    assert "Nobody should stop an opioid suddenly" in texts


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Westminster Hall [Mrs Eleanor Frame in the Chair]", "Westminster Hall"),
        ("[Madam Deputy Speaker in the Chair] Opioids", "Opioids"),
        ("The waiting list is 58 weeks. [Interruption.] It is too long.", None),
    ],
)
def test_a_parliamentary_records_bracketed_note_is_cut(text, kept):
    cut = cut_inline_chrome(text)
    assert "Chair]" not in cut and "[Interruption" not in cut
    if kept is not None:
        assert cut == kept


@pytest.mark.parametrize(
    "line",
    [
        "(19) United Kingdom Intellectual Property Office",
        "(12) PATENT APPLICATION",
        "(11) US 11,234,567 B2",
        "(10) Patent No.: US 11,234,567 B2",
        "(43) Date of publication: 18.09.2025",
        "(21) Application No: 2403117.6        (22) Date of filing: 04.03.2024",
        "(51) INT CL: A61F 2/44 (2006.01)",
        "(71) Applicant: Corvane Spinal Technologies Ltd, Unit 9, Harrow Science Park",
        "(72) Inventors: Thomas Ridley-Vance; Aiko Brennan",
        "(74) Agent: Pell & Whitcombe LLP",
        "(30) Priority: 05.03.2023 GB 2303311",
        "(56) Documents cited: US 2019/0123456 A1",
    ],
)
def test_a_patents_bibliographic_lines_are_chrome(line):
    assert chrome_reason(line) == "chrome: patent bibliography"


@pytest.mark.parametrize(
    "line",
    [
        "(54) Title of the Invention: EXPANDABLE INTERBODY FUSION CAGE",
        "(57) Abstract: An expandable cage placed between two lumbar vertebrae.",
        "(12) Patients should avoid heavy lifting for six weeks.",
        "(21) Apply heat for 10 minutes before the exercises.",
        "The applicant's back pain began after a fall.",
    ],
)
def test_lines_like_a_patents_bibliography_are_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "The cage has a window for bone graft. (Figure 1)",
            "The cage has a window for bone graft.",
        ),
        (
            "Lie on your back (see Fig. 2) and bend your knees.",
            "Lie on your back and bend your knees.",
        ),
        ("Repeat (figures 3 and 4) ten times.", "Repeat ten times."),
        ("Walk for 20 minutes (a figure of eight helps).", None),
    ],
)
def test_a_figure_reference_is_cut_and_the_sentence_kept(text, kept):
    assert cut_inline_chrome(text) == (kept if kept is not None else text)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "Have a question about naproxen? Ask our pharmacist - free, confidential advice.",
            "chrome: promotional",
        ),
        (
            "Ask our pharmacist - free, confidential advice, usually within an hour.",
            "chrome: promotional",
        ),
        ("Book a sports injury assessment - same-week appointments online.", "chrome: promotional"),
        (
            "© 2025 Northfield Physio. Information only, not a substitute for an assessment.",
            "chrome: disclaimer",
        ),
        ("Scan the QR code to watch videos of these exercises.", "chrome: other formats"),
        # A PDF's running header over its second page.
        ("Steroid injections in the spine (continued)", "chrome: page metadata"),
    ],
)
def test_a_clinic_s_calls_to_action_and_a_pdf_s_running_header_are_chrome(line, reason):
    assert chrome_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Book a GP appointment if the pain is no better in 6 weeks; appointments are online.",
        "Book a routine appointment with your GP or our physio if the pain is no better.",
        "Have a question about your operation? Ask the nurse on the ward before you go home.",
        "Ask your pharmacist which painkiller suits you: it is free and confidential.",
    ],
)
def test_advice_to_book_or_ask_is_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Page updated 3 March 2025 by the practice team.", "chrome: byline"),
        ("Information checked by A. Patel, MPharm, superintendent pharmacist", "chrome: byline"),
        ("Author: Occupational Health Nurse Adviser.", "chrome: byline"),
        (
            "Tom Ellery is a chartered physiotherapist who has worked with junior squads.",
            "chrome: byline",
        ),
        ("Document control: OH/14 version 3.", "chrome: page metadata"),
        ("Need a repeat prescription? Order online in under two minutes.", "chrome: promotional"),
    ],
)
def test_a_page_s_record_of_who_checked_it_and_a_shop_s_prompt_are_chrome(line, reason):
    assert chrome_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "This page was written to help you understand your operation.",
        "Need a break? Try the stretches below.",
        "Jane Roe is a physiotherapist who says exercise helps most people.",
        "The information was checked carefully, but ask your GP if you are unsure.",
    ],
)
def test_sentences_about_the_page_or_a_break_are_kept(line):
    assert chrome_reason(line) == ""


def test_advice_that_something_is_no_substitute_for_a_diagnosis_is_kept():
    # A disclaimer says the page replaces no advice; this sentence gives advice.
    assert chrome_reason("Exercise is not a substitute for a proper diagnosis, so see a GP.") == ""
    assert chrome_reason("This information does not replace the advice of a doctor.") == (
        "chrome: disclaimer"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Jump to navigation  Jump to search",
        "Jump to: navigation, search",
        "Skip to main content",
        "Skip to content | Skip to footer",
        "Skip to the main content",
    ],
)
def test_a_line_of_skip_links_is_dropped_and_never_the_title(line):
    text = (
        f"Spinal cord infarction\n{line}\n\nSpinal cord infarction is a stroke of the spinal"
        " cord. It is rare and needs treatment in hospital straight away.\n"
    )
    doc = clean_document(parse_document(text, "text"))
    assert doc.title == "Spinal cord infarction"
    assert "navigation" not in " ".join(texts_of(doc)).lower()
    assert chrome_reason(line)


def test_skip_links_leave_advice_about_skipping_alone():
    assert not chrome_reason("Skip to the next exercise if this one hurts.")


@pytest.mark.parametrize(
    "line",
    [
        "Was this page useful? 👍 👎",
        "Were these tips helpful? Yes / No",
        "From the spinal outreach team, with our clinical nurse specialist Jo Hart",
        "More from our blog: shoulder pain from painting ceilings",
        "Leave a review",
        "Read all 18 reviews",
        "Ask our physiotherapists a question",
    ],
)
def test_page_furniture_lines_are_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    [
        "Ask your pharmacist a question about side effects.",
        "Back to work after a disc injury",
        "From the first day, keep walking a little more each day.",
    ],
)
def test_advice_worded_like_page_furniture_is_kept(line):
    assert not chrome_reason(line)


def test_a_footer_line_of_chrome_and_a_way_back_goes_whole():
    markdown = (
        "# Coccydynia\n\nCoccydynia is pain in the tailbone. It usually settles within a"
        " few months.\n\nBack to work after a fall is usually possible within a week.\n\n"
        "*Did you find this useful?* · [Back to Patient Leaflets](/leaflets) · Last"
        " reviewed 3 March 2025\n"
    )
    _, texts = headings_and_texts(markdown, "markdown")
    assert "Patient Leaflets" not in texts
    assert "Back to work after a fall is usually possible" in texts


def test_a_closure_notice_takes_where_to_go_meanwhile_with_it():
    markdown = (
        "# Sciatica\n\n> **Practice closure:** we will be closed on Tuesday 3 March for"
        " staff training. In an emergency call 999; for urgent advice call NHS 111.\n\n"
        "Sciatica is pain that travels down the leg from the lower back.\n\n"
        "## When to get help\n\nCall 999 if you cannot feel your bottom or genitals.\n"
    )
    headings, texts = headings_and_texts(markdown, "markdown")
    assert "staff training" not in texts and "for urgent advice" not in texts
    # Advice that says when stays, whatever the notice did.
    assert "Call 999 if you cannot feel your bottom or genitals." in texts


@pytest.mark.parametrize(
    "line",
    [
        "Our specialist nurses can talk things through with you.",
        "Call 01632 960 555, 9am to 5pm, Monday to Friday.",
        "Ring our helpline on 0800 123 4567, 8am to 8pm, 7 days a week.",
        "Reception open Monday to Friday, 8am to 6.30pm",
        "Dr A. Shah | Dr P. Mensah | Dr K. Lowe",
        "All our physiotherapists are registered with the HCPC.",
        "Online consultations: our online form is open from 8am to 11am on weekdays.",
        "If you need help when the surgery is closed, call 111.",
        "Osteopathy, massage and physiotherapy under one roof",
        "If you are paying for yourself, call our self-pay team on 01632 960 290.",
    ],
)
def test_a_helpline_offer_hours_staff_lists_and_a_self_pay_line_are_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    [
        "Call 999 if you cannot move your legs.",
        "Call 111, 24 hours a day, if the pain is getting worse.",
        "Our physiotherapists can help you get moving again.",
        "Dr Shah says most people are better within six weeks.",
        "If the pain gets worse when you are lying down, call 111.",
    ],
)
def test_calls_for_care_and_what_a_service_does_are_no_helpline_chrome(line):
    assert not chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    [
        "To book, call reception on 01632 960 582 from 8am, or use online booking on our website.",
        "To book a place, ring the physiotherapy booking line on 01632 960 218.",
        "The Hillside Practice - caring for Hillside since 1974.",
        "Disclaimer: This information is not intended to replace the advice of your doctor.",
        "Please read it and keep it for future reference.",
        "Show references",
        "Related/similar drugs: naproxen, diclofenac",
        "Dr S Okafor  Dr P Adeyemi  Dr R Hughes  |  Practice Nurse: Sister J Morley",
    ],
)
def test_booking_lines_slogans_disclaimers_and_page_tools_are_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    [
        "To book a physio appointment you need a referral from your GP.",
        "Surgery is not intended to replace exercise.",
        "Dr Patel and Dr Jones run the clinic on Mondays.",
        "Related conditions include sciatica.",
    ],
)
def test_sentences_like_booking_lines_and_disclaimers_stay(line):
    assert not chrome_reason(line)


def test_a_pronunciation_in_brackets_is_cut_from_the_name_it_follows():
    assert cut_inline_chrome("Generic name: cyclobenzaprine [ sye-kloe-BEN-za-preen ]") == (
        "Generic name: cyclobenzaprine"
    )
    assert cut_inline_chrome("Curves of 25-40 degrees [see table]") == (
        "Curves of 25-40 degrees [see table]"
    )


def test_a_booking_section_and_a_related_box_are_dropped_whole():
    doc = clean_document(
        parse_document(
            "<html><body><h1>Yoga for back pain</h1><p>Yoga is a gentle exercise.</p>"
            "<h2>Book a place</h2><p>Please bring a water bottle. Mats are provided.</p>"
            "<aside><h3>Related</h3><ul><li><a href='/a'>Slide show: simple moves</a></li>"
            "</ul></aside></body></html>",
            "html",
        )
    )
    text = " ".join(texts_of(doc))
    assert "Mats are provided" not in text and "Slide show" not in text
    assert "Yoga is a gentle exercise." in text


@pytest.mark.parametrize(
    "line",
    [
        "In this article: What it is · Causes · Symptoms · Diagnosis · When to get help",
        "Jump to: Does it work? · Types · Is it safe? · What to expect",
    ],
)
def test_a_contents_line_of_questions_and_topics_is_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    [
        "Opening hours: Monday to Friday 8am - 6:30pm.",
        "Extended hours Tuesday evenings until 8pm.",
        "Spinal nurse specialists: 01962 555 302, Monday to Friday, 8am to 4pm.",
        "Call 0300 012 4410, Monday to Friday, 10am to 4pm (calls cost the same as a local call).",
        "About the author: Sam Hill has been a registered osteopath for 14 years.",
        "Sam Hill has been a registered osteopath for 14 years and loves hill walking.",
        "Our osteopaths in Tavistock can assess you and build a plan that fits your life.",
        "Struggling with SI joint pain?",
    ],
)
def test_hours_team_lines_author_notes_and_calls_to_action_are_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    ["Call 111 if you need help, day or night.", "Living with back pain can be hard."],
)
def test_advice_and_statements_like_them_stay(line):
    assert not chrome_reason(line)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Patient handout", "chrome: site header"),
        (
            "Your physiotherapist has given you this handout to use alongside your treatment.",
            "chrome: leaflet handling",
        ),
        ("This wiki is written by members, not medical professionals.", "chrome: disclaimer"),
    ],
)
def test_what_a_handout_or_a_members_wiki_says_of_itself_is_chrome(line, reason):
    assert chrome_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Your physiotherapist has given you exercises to do twice a day.",
        "The patient handout lists the exercises in order.",
    ],
)
def test_sentences_about_the_treatment_given_stay(line):
    assert chrome_reason(line) == ""


def test_a_related_treatments_aside_is_chrome_by_its_heading():
    assert heading_chrome_reason("Related treatments")
    assert not heading_chrome_reason("Related conditions")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            '"I could not sit at my desk. Four sessions later I\'m back at the gym." Daniel,'
            " Clifton \u2605\u2605\u2605\u2605\u2605",
            "chrome: testimonials",
        ),
        (
            "Harbour Clinic, Bristol \u00b7 Open 6 days a week \u00b7 Free parking",
            "chrome: site header",
        ),
        ("Main St. 45 | 0117 496 0321 | Work daily 8:00-21:00", "chrome: site header"),
        (
            "We've put the answers in one place. If yours isn't here, give us a ring.",
            "chrome: post furniture",
        ),
        (
            "This article is about the spinal condition. For other joints, see Listhesis.",
            "chrome: wiki furniture",
        ),
        ("Our pick: the FlexCore 6mm Yoga Mat.", "chrome: promotional"),
        ("Get our free 7-day back reset plan", "chrome: promotional"),
        ("Sign up for consultation: 0117 496 0321.", "chrome: promotional"),
        ("Join 250,000 readers and get one routine in your inbox.", "chrome: newsletter"),
        ("Author: Dr A. Petrova | 12.02.2025 | Views: 3412", "chrome: page metadata"),
    ],
)
def test_clinic_strips_faq_intros_hatnotes_affiliate_picks_and_view_counts_are_chrome(line, reason):
    assert chrome_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "This article is about back pain in runners.",
        "Our pick for most people is a short course of physiotherapy.",
        "Rest for a day. | Work daily on the exercises after that.",
        "Pain scores fell from \u2605\u2605\u2605\u2605 to one star in the survey, the study says.",
    ],
)
def test_sentences_like_those_strips_and_picks_stay(line):
    assert chrome_reason(line) == ""


def test_an_encyclopedia_hatnote_drops_whole_though_its_sentences_read_as_text():
    text = (
        "Spondylolisthesis\n\nThis article is about the spinal condition. For the slipping of"
        " other joints, see Listhesis (disambiguation).\n\nSpondylolisthesis is the forward"
        " slip of one vertebra on the one below.\n"
    )
    joined = " ".join(texts_of(clean_document(parse_document(text, "text"))))

    assert "This article is about" not in joined
    assert "forward slip of one vertebra" in joined


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("\u2190 Previous thread | Next thread \u2192", "chrome: post furniture"),
        ("Jump to latest reply", "chrome: post furniture"),
        ("Kieran, you're on Radio Vale.", "chrome: broadcast script"),
        ("Let's go to the phones.", "chrome: broadcast script"),
        ("Text VALE to 81974 - texts cost your standard network rate.", "chrome: broadcast script"),
        ("News and weather next, then Rhys is in with the drive.", "chrome: broadcast script"),
        ("Written: March 2023 | Review due: March 2026", "chrome: page metadata"),
        ("Westmoor Community Hospital is part of Westmoor Health NHS Trust.", "chrome: publisher"),
        ("COUNTER ADVICE SHEET No. 14", "chrome: site header"),
        (
            "Clinics at The Harley Spine Centre and St Anselm's Hospital, Kent.",
            "chrome: site header",
        ),
        ("We love the ThermaCore Back Wrap (\u00a324.99, affiliate link).", "chrome: promotional"),
    ],
)
def test_forum_links_broadcast_asides_leaflet_headers_and_affiliate_notes_are_chrome(line, reason):
    assert chrome_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "The next thread of the story is about surgery.",
        "Your physiotherapy service is part of the hospital team.",
        "Clinics at the hospital run a pain management programme for 8 weeks, which helps.",
    ],
)
def test_sentences_like_forum_links_and_headers_stay(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    "line",
    [
        "Every £5 helps keep our support line open for another call.",
        "Help us be there for the next family who calls",
        "Enjoying this post? Paid subscribers keep this newsletter free for everyone.",
        "Estimated time: 15 minutes",
        "[Check my answers]",
        "Mark lesson as complete",
        "In the last lesson you wrote down the activities you find hardest.",
        "Wellbeing Course › Module 2: Pacing › Lesson 2.4",
        "Registered GP:   Orchard Lane Surgery, Kingsmere",
        "Call received: Sunday 3/11/2025 21:14",
        "Discharge summary - copy for patient",
    ],
)
def test_appeals_course_furniture_and_call_summary_fields_are_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    [
        "Every 2 hours, get up and walk around for a few minutes.",
        "Help your back by bending your knees when you lift.",
        "In the last week of pregnancy the pain often eases.",
        "Your GP may refer you to a physiotherapist.",
    ],
)
def test_advice_worded_like_appeals_or_course_furniture_is_kept(line):
    assert chrome_reason(line) == ""


def test_a_section_listing_a_clinic_s_consultants_is_chrome():
    headings, texts = headings_and_texts(
        "# Lumbar spondylosis\n\nLumbar spondylosis is wear of the joints of the lower back."
        "\n\n## Our spinal consultants\n\n- Mr A Surgeon, Consultant Spinal Surgeon\n"
        "- Ms B Surgeon, Consultant Spinal Surgeon\n",
        "markdown",
    )
    assert "Our spinal consultants" not in headings
    assert "Consultant Spinal Surgeon" not in texts


def test_a_clinic_s_signed_note_loses_its_label_and_keeps_its_advice():
    assert cut_inline_chrome(
        "A note from Riverside Clinic: the right exercises take pressure off the bones."
    ).startswith("the right exercises")


@pytest.mark.parametrize(
    "line",
    [
        "Good afternoon, you're listening to Riverside Radio and this is Health Matters.",
        "Next caller is Mandy in Wetherby.",
        "We'll be back with more of your calls after this.",
        "Transcribed by the station's access team. Some speech may be edited.",
        "Today it's neck pain, and lines are open now on 0800 000 000.",
    ],
)
def test_a_phone_in_s_presenting_lines_are_chrome(line):
    assert chrome_reason(line)


def test_a_caller_s_question_and_the_guest_s_advice_are_kept():
    for line in (
        "My leg goes numb when I walk to the shops, is that sciatica?",
        "Most sciatica settles within six weeks, so keep moving gently.",
    ):
        assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    "line",
    [
        "u/back_pain_bob • 2 days ago • ▲ 41",
        "**u/AutoModerator** • MOD",
        "Edit: thanks all, so many kind replies.",
        "Reminder: this forum is for peer support only. Please read the rules before posting.",
        "Sort by: Best | Top | New",
        "Load more comments (12)",
    ],
)
def test_a_thread_s_usernames_edit_thanks_and_moderation_notes_are_chrome(line):
    assert chrome_reason(line)


def test_an_edit_that_adds_advice_is_kept():
    assert chrome_reason("Edit: my GP says to keep walking and take paracetamol.") == ""


@pytest.mark.parametrize(
    "line",
    [
        "H&S Advisor: Sam Patel, ext 2217",
        "I confirm I attended this talk and understood it.",
        "Name (print)          Signature            Date",
        "Return the completed sheet to the site office.",
    ],
)
def test_a_toolbox_talk_s_sign_off_lines_are_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    ["You might also need: Heat patches · Hot and cold packs", "You may also like:"],
)
def test_a_shop_s_cross_selling_line_is_chrome(line):
    assert chrome_reason(line)


def test_advice_about_what_else_you_may_need_is_kept():
    assert chrome_reason("You might also need a stronger painkiller for a few days.") == ""


def test_a_scripts_spoken_line_loses_its_direction_but_ordinary_asking_stays():
    text = (
        "Back pain triage script\n\n"
        'SAY: "I am arranging an ambulance for you now. Please do not eat or drink."\n\n'
        "Ask your pharmacist: they can suggest a painkiller.\n"
    )
    joined = cleaned_text(text, "txt")
    assert "SAY:" not in joined
    assert "I am arranging an ambulance for you now." in joined
    assert "Ask your pharmacist: they can suggest a painkiller." in joined


@pytest.mark.parametrize(
    "line",
    [
        "EASY READ",
        "Easy Read by Ashby Learning Disability Team, 2026.",
        "Words in bold are explained in the word list on page 4.",
        "This leaflet was made with people with learning disabilities.",
        "You can ask someone you trust to help you read it.",
        "Some pictures are from Photosymbols.",
        "Slide 4 of 12",
        "Page 2 / 6",
    ],
)
def test_an_easy_read_leaflet_s_and_a_slideshow_s_furniture_is_chrome(line):
    assert chrome_reason(line)


@pytest.mark.parametrize(
    "line",
    [
        "Easy exercises can help your back.",
        "Words like 'slipped disc' can sound frightening, but discs do not slip.",
        "Step 2 of the plan is to walk a little further each day.",
    ],
)
def test_advice_near_that_furniture_is_kept(line):
    assert chrome_reason(line) == ""


def test_a_picture_placeholder_is_cut_and_the_line_around_it_kept():
    text = (
        "Sciatica\n\n"
        "[picture: a person walking in the park]\n"
        "Keep moving. Walking helps the pain go away. [image: a clock] Do it every day.\n"
    )
    joined = cleaned_text(text, "txt")
    assert "[picture" not in joined and "[image" not in joined
    assert "Walking helps the pain go away." in joined and "Do it every day." in joined


@pytest.mark.parametrize(
    "line",
    [
        "Rx only.",
        "For full safety information, see the NerveWave Patient Manual.",
        "For important safety information, please visit our website.",
    ],
)
def test_a_device_or_medicine_label_s_regulatory_lines_are_chrome(line):
    assert chrome_reason(line)


def test_safety_advice_itself_is_kept():
    assert chrome_reason("For safety, turn the stimulator off before you drive.") == ""


@pytest.mark.parametrize(
    "line",
    [
        "If you enjoyed this episode, please leave us a review wherever you listen.",
        "Become a member on Patreon for ad-free episodes.",
        "Find him on Instagram @neckdoc.",
        "**Back Talk** · 38 min · Published 2 May 2026",
    ],
)
def test_a_podcast_s_show_notes_furniture_is_chrome(line):
    assert chrome_reason(line)


def test_what_a_guest_said_about_an_episode_s_subject_is_kept():
    assert chrome_reason("If you enjoyed swimming before your injury, start again slowly.") == ""


@pytest.mark.parametrize(
    "line",
    [
        "I certify that this is a true and accurate translation of the original document.",
        "--- END OF TRANSLATION ---",
        "Certified translation | Job ref: PBT/24/3381",
        "Source language: Polish (PL) | Target language: English (UK)",
    ],
)
def test_a_translation_agency_s_furniture_is_chrome(line):
    assert chrome_reason(line)


def test_a_translator_s_note_goes_and_the_translated_advice_stays():
    found: list = []
    text = cut_inline_chrome(
        'Do not wear a collar [TN: Polish "kołnierz", i.e. a soft neck collar]. It delays'
        " recovery. [Translator's note: the nearest UK service is NHS 111.]",
        found,
    )
    assert text == "Do not wear a collar. It delays recovery."
    assert [reason for reason, _ in found] == ["chrome: translation", "chrome: translation"]


def test_a_note_on_a_translation_in_the_text_itself_is_kept():
    assert chrome_reason("The usual English term for this is wry neck.") == ""


def test_an_unrendered_template_variable_goes_and_the_sentence_around_it_stays():
    found: list = []
    text = cut_inline_chrome("Message a care coach or call {{ site.clinic_phone }}.", found)
    assert text == "Message a care coach or call."
    assert found == [("chrome: template variable", "{{ site.clinic_phone }}")]
    # What is left of a reading-time line is a byline.
    assert chrome_reason(cut_inline_chrome("{{ page.read_time }} min read · Reviewed by"))


def test_a_voice_assistant_s_markup_log_lines_and_wake_words_go_and_what_it_said_stays():
    found: list = []
    said = cut_inline_chrome(
        '<speak>Sorry to hear that. <break time="300ms"/> <emphasis level="strong">Call 911'
        "</emphasis> if your legs go weak.</speak>",
        found,
    )
    assert " ".join(said.split()) == "Sorry to hear that. Call 911 if your legs go weak."
    assert cut_inline_chrome("I pulled a muscle. [Intent: DescribeSymptomIntent | slot x]") == (
        "I pulled a muscle."
    )
    for line in (
        "Alexa, open Back Buddy.",
        "User: Alexa, open Back Buddy.",
        "Skill: Back Buddy (skill id amzn1.ask.skill.7f3e21c0) v2.4.1",
        "Locale: en-US | Device: Echo Show 8",
    ):
        assert chrome_reason(line), line
    assert chrome_reason("Alexa, my physio, says to keep moving.") == ""


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("This guide is for members with Silver, Gold and Platinum plans.", "insurance cover"),
        ("This leaflet does not change the terms of your policy.", "insurance cover"),
        ("Sessions count towards the same yearly limit as physiotherapy.", "insurance cover"),
        ("Not covered: gym membership, mattresses and back supports.", "insurance cover"),
        ("Covered on all plans.", "insurance cover"),
        ("Gold: up to 8 sessions a year.", "insurance cover"),
        ("Use the app to check how many sessions you have left.", "insurance cover"),
        ("sam_runs88 · Posted 4 May 2025, 09:30", "post furniture"),
        ("You must be signed in to reply.", "post furniture"),
        ("Our community guidelines are on the help page.", "post furniture"),
        ("Members here can share experiences but not medical advice.", "post furniture"),
        ("Hi Sam, welcome and thanks for such a clear post.", "greeting"),
        ("Leaflet produced by the Oakfield Surgery clinical team.", "publisher"),
    ],
)
def test_an_insurer_s_cover_terms_and_a_forum_s_furniture_are_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "Physiotherapy is covered by the NHS if your GP refers you.",
        "Most people need up to 6 sessions of physiotherapy.",
        "Hi Sam, thanks, the bridges really helped my back.",
        "Hi Sam, thank you for the post, I had the same pain for months.",
        "Members of the team will show you the exercises.",
        "Your GP can check how many tablets you have left.",
    ],
)
def test_advice_about_cover_sessions_and_replies_is_kept(line):
    assert chrome_reason(line) == ""


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Our helpline is open Monday to Friday, 10am to 4pm.", "contact details"),
        ("Become a member from £2 a month and get our quarterly magazine.", "promotional"),
        ("Become a member", "promotional"),
        ("Join as a friend of the society today.", "promotional"),
        ("This article isn't a substitute for a personal assessment.", "disclaimer"),
        ("Answer a few questions to find out what to do next.", "promotional"),
        ("THE BACK ROOM BULLETIN  |  Winter 2024", "newsletter"),
        ("Information for pregnant women, birthing people and their birth partners", "publisher"),
        ("Physio review: Date ..../..../......  Time ........", "form field"),
        (
            "This handout is for Riverside Rowing Club juniors and their parents.",
            "leaflet handling",
        ),
        ("Back School with Dr Lee · 184K subscribers", "page metadata"),
    ],
)
def test_a_charity_s_membership_helpline_and_tools_and_a_form_s_blanks_are_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize(
    "line",
    [
        "Become a member of a walking group and walk twice a week.",
        "Breathe in.... and out....",
        "For pregnant women with back pain, a support belt can help.",
        "The helpline nurse said the pain should ease within weeks.",
        "This exercise is for people with stiff backs.",
    ],
)
def test_advice_about_joining_breathing_and_who_it_is_for_is_kept(line):
    assert chrome_reason(line) == ""
