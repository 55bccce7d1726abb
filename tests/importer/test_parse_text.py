"""Plain text: headings from layout, the title, paragraphs and lists."""

from textwrap import dedent

import pytest

from back_health.importer.document import ListBlock, Paragraph, Table
from back_health.importer.parse_text import (
    is_heading_like,
    parse_text,
    strip_thread_counters,
    tidy_item_text,
)

BODY = "Sciatica is pain caused by pressure on the sciatic nerve in the lower back."


def parse(text):
    return parse_text(dedent(text))


def headings(doc):
    return [(section.heading, section.level) for section in doc.sections]


def blocks(doc, heading):
    return next(section.blocks for section in doc.sections if section.heading == heading)


# --- title and headings --------------------------------------------------------------


def test_the_title_is_the_first_heading_followed_by_body_text():
    doc = parse(f"Sciatica explained\n\n{BODY}\n")
    assert doc.title == "Sciatica explained"
    assert doc.format == "text"
    assert headings(doc) == [("Sciatica explained", 1)]
    assert blocks(doc, "Sciatica explained") == [Paragraph(BODY)]


def test_a_bar_of_metadata_under_the_title_is_no_part_of_it():
    from back_health.importer.pipeline import analyse

    text = f"Sciatica - what it is and what helps\nBack Care TV | 9:48 | Transcript\n\n{BODY}\n"
    assert parse(text).title == "Sciatica - what it is and what helps"
    plan = analyse(text.encode(), "video.txt")
    assert "9:48" not in str([page.blocks for page in plan.pages])
    assert any("9:48" in d.text for d in plan.dropped)


def test_a_dash_between_the_words_of_a_headline_is_no_word():
    assert is_heading_like(
        "Rib joint pain (costovertebral joint dysfunction) - what it is and what helps"
    )
    assert not is_heading_like(
        "Not improving after 6 weeks = come and see us or your GP again today"
    )


def test_a_category_label_before_the_title_is_left_untitled_for_the_clean_step():
    doc = parse(f"Useful Tips\n\nHow to ease sciatica at home?\n\n\n{BODY}\n")
    assert doc.title == "How to ease sciatica at home?"
    assert headings(doc) == [("", 1), ("How to ease sciatica at home?", 1)]
    assert doc.sections[0].blocks == [Paragraph("Useful Tips")]


def test_a_leading_line_sharing_a_word_with_the_next_heading_is_the_title():
    doc = parse(f"Sciatica\n\nWhat is sciatica?\n\n{BODY}\n")
    assert doc.title == "Sciatica"
    assert headings(doc) == [("Sciatica", 1), ("What is sciatica?", 2)]


def test_a_heading_with_its_gloss_in_brackets_under_it_is_one_heading():
    doc = parse(
        "SPINAL CORD STIMULATOR\n(a device for nerve pain)\n\n"
        f"Helpline: 01632 960 000\nOpen weekdays, 9am to 5pm\n\n{BODY}\n"
    )
    assert doc.title == "SPINAL CORD STIMULATOR (a device for nerve pain)"
    doc = parse(f"Our Trust\n\nCOCCYX INJECTION\n(for tailbone pain)\n\n{BODY}\n")
    assert ("COCCYX INJECTION (for tailbone pain)", 1) in headings(doc)


def test_a_question_about_the_leaflet_itself_opens_the_first_section():
    doc = parse(
        f"CITY HOSPITAL\n\nLUMBAR MICRODISCECTOMY\n\n\nWho is this leaflet for?\n\n{BODY}\n"
    )
    assert doc.title == "LUMBAR MICRODISCECTOMY"
    assert ("Who is this leaflet for?", 2) in headings(doc)


def test_a_practice_letterhead_with_its_doctors_and_hours_is_no_title():
    doc = parse(
        "HILLSIDE SURGERY\nDr A. Shah | Dr P. Mensah\n12 Hill Road, Hillside HS1 2AB | Tel:"
        f" 01632 960 000\nReception open Monday to Friday, 8am to 6pm\n\nNECK PAIN\n\n{BODY}\n"
    )
    assert doc.title == "NECK PAIN"


def test_a_site_name_over_its_menu_and_breadcrumb_is_no_title():
    # A web page copied as text: the site's name, its menu, the breadcrumb, then the
    # headline; a byline under a headline still leaves the headline the title.
    doc = parse(
        "HILLSIDE SPORTS MASSAGE\nHome   About   Treatments & prices   Blog   Book online\n\n"
        f"Blog > Injuries\n\nSCIATICA: WHAT IS GOING ON?\nPosted on 9 October 2024 by Jess"
        f" Hill | Injuries | 3 comments\n\n{BODY}\n"
    )
    assert doc.title == "SCIATICA: WHAT IS GOING ON?"


@pytest.mark.parametrize("rule", ["=", "_"])
def test_a_headline_underlined_with_equals_under_a_letterhead_is_the_title(rule):
    doc = parse(
        "HILLSIDE BONE HEALTH SERVICE\nHillside Community Health Partnership\n\n"
        "BONE HEALTH INFORMATION\n\nSciatica: what it means for you\n"
        f"{rule * 31}\n\n{BODY}\n"
    )
    assert doc.title == "Sciatica: what it means for you"


def test_a_text_opening_with_body_has_no_title():
    doc = parse(f"{BODY}\n\nCauses\n\nLifting heavy things.\n")
    assert doc.title == ""
    assert headings(doc) == [("", 1), ("Causes", 2)]


def test_short_standalone_lines_followed_by_text_are_headings():
    doc = parse(
        f"""\
        Sciatica

        {BODY}

        When to see a doctor

        See a GP if the pain lasts more than a few weeks.

        Why does it hurt?

        The nerve is irritated.
        """
    )
    assert headings(doc) == [("Sciatica", 1), ("When to see a doctor", 2), ("Why does it hurt?", 2)]


def test_a_heading_on_the_first_line_of_a_block_is_split_from_its_text():
    doc = parse(f"Sciatica\n\n{BODY}\n\nCauses\nA slipped disc is the usual cause.\n\n{BODY}\n")
    assert ("Causes", 2) in headings(doc)
    assert blocks(doc, "Causes")[0] == Paragraph("A slipped disc is the usual cause.")


def test_sentences_and_cut_off_lines_are_not_headings():
    assert not is_heading_like("There are two types: clonic and tonic.")
    assert not is_heading_like("It seems to remain in")
    assert not is_heading_like("the lower case start")
    assert not is_heading_like("Causes include:")
    assert not is_heading_like("Hurt. what to do now")
    assert not is_heading_like(" ".join(["Word"] * 13))
    assert is_heading_like('"Harmful" tension of the back muscles')
    assert is_heading_like("Tip 1: How to Treat Muscle Pain")


def test_a_short_last_line_is_a_paragraph_not_a_heading():
    doc = parse(f"Sciatica\n\n{BODY}\n\nMore soon\n")
    assert blocks(doc, "Sciatica")[-1] == Paragraph("More soon")


def test_numbered_tip_headings_are_subordinate():
    doc = parse(f"Sciatica\n\n{BODY}\n\nTip 2: Keep moving\n\n{BODY}\n\nPrevention\n\n{BODY}\n")
    assert headings(doc) == [("Sciatica", 1), ("Tip 2: Keep moving", 3), ("Prevention", 2)]


def test_a_heading_straight_after_a_heading_is_one_level_deeper():
    doc = parse(f"Sciatica\n\n{BODY}\n\nTreatment\n\nMedicines\n\n{BODY}\n")
    assert headings(doc) == [("Sciatica", 1), ("Treatment", 2), ("Medicines", 3)]


# --- paragraphs ----------------------------------------------------------------------


def test_paragraphs_are_split_by_blank_lines_and_lines_are_joined():
    doc = parse(
        """\
        Sciatica

        The first line of a paragraph
        continues here.

            Indented text starts a paragraph
            only after a blank line.
        And indentation alone does not split it.
        """
    )
    assert blocks(doc, "Sciatica") == [
        Paragraph("The first line of a paragraph continues here."),
        Paragraph(
            "Indented text starts a paragraph only after a blank line. "
            "And indentation alone does not split it."
        ),
    ]


# --- lists ---------------------------------------------------------------------------


def test_numbered_items_form_one_ordered_list_with_continuation_lines():
    doc = parse(
        """\
        Sciatica

        Causes include:

          1. A slipped disc, where the soft centre
             bulges out.
          2) Spinal stenosis.
          3. Spondylolisthesis
        """
    )
    paragraph, listing = blocks(doc, "Sciatica")
    assert paragraph == Paragraph("Causes include:")
    assert isinstance(listing, ListBlock) and listing.ordered
    assert [item.text for item in listing.items] == [
        "A slipped disc, where the soft centre bulges out",
        "Spinal stenosis",
        "Spondylolisthesis",
    ]
    assert listing.lead == "Causes include:"


def test_lettered_items_are_an_ordered_list():
    doc = parse("Sciatica\n\na) physiotherapy;\nb) painkillers;\nc) surgery.\n")
    (listing,) = blocks(doc, "Sciatica")
    assert listing.ordered
    assert [item.text for item in listing.items] == ["physiotherapy", "painkillers", "surgery"]


def test_every_bullet_character_makes_a_bulleted_list():
    for bullet in "•-*–·▪":
        doc = parse(f"Sciatica\n\n{bullet} Rest,\n{bullet} Heat;\n{bullet} Ice.\n")
        (listing,) = blocks(doc, "Sciatica")
        assert not listing.ordered, bullet
        assert [item.text for item in listing.items] == ["Rest", "Heat", "Ice"], bullet


def test_an_indented_line_after_a_bullet_continues_the_item():
    doc = parse(
        """\
        Sciatica

          • Static muscle tension.
            It affects people who sit at a desk all day.
          • Stress.
        """
    )
    (listing,) = blocks(doc, "Sciatica")
    assert [item.text for item in listing.items] == [
        "Static muscle tension. It affects people who sit at a desk all day.",
        "Stress",
    ]


def test_a_line_at_the_margin_after_items_that_hang_indented_is_a_paragraph():
    doc = parse(
        """\
        Cervical rib

        Types:

        * Venous, in which the vein is
          squeezed.
        * Arterial, in which the artery is
          narrowed. Small clots may travel.
        A cold, pale hand needs emergency
        medical attention.
        """
    )
    *_, listing, paragraph = blocks(doc, "Cervical rib")
    assert [item.text for item in listing.items][-1] == (
        "Arterial, in which the artery is narrowed. Small clots may travel."
    )
    assert paragraph.text == "A cold, pale hand needs emergency medical attention."


def test_an_item_wrapped_at_the_margin_goes_on_at_the_margin():
    doc = parse(
        """\
        Sciatica

        - Static muscle tension from sitting
        at a desk all day.
        - Stress.
        """
    )
    (listing,) = blocks(doc, "Sciatica")
    assert [item.text for item in listing.items] == [
        "Static muscle tension from sitting at a desk all day",
        "Stress",
    ]


def test_items_separated_by_blank_lines_stay_one_list_while_numbering_continues():
    doc = parse("Sciatica\n\n1. Rest.\n\n2. Heat.\n\n1. New list.\n")
    first, second = blocks(doc, "Sciatica")
    assert [item.text for item in first.items] == ["Rest", "Heat"]
    assert [item.text for item in second.items] == ["New list"]


def test_the_lead_is_the_last_sentence_of_a_paragraph_ending_with_a_colon():
    doc = parse(f"Sciatica\n\n{BODY} These factors add to it:\n\n- Sitting\n- Lifting\n")
    listing = blocks(doc, "Sciatica")[-1]
    assert listing.lead == "These factors add to it:"


def test_a_list_after_a_paragraph_without_a_colon_has_no_lead():
    doc = parse("Sciatica\n\nThere are two types.\n\n1. Acute\n2. Chronic\n")
    assert blocks(doc, "Sciatica")[-1].lead == ""


def test_item_punctuation_is_tidied_but_meaningful_stops_stay():
    assert tidy_item_text("Stress,") == "Stress"
    assert tidy_item_text("Heat;") == "Heat"
    assert tidy_item_text("Manual therapy.") == "Manual therapy"
    assert tidy_item_text("arms, torso, head, etc.") == "arms, torso, head, etc."
    assert tidy_item_text("Short leg. This is the most common cause.") == (
        "Short leg. This is the most common cause."
    )


def test_a_labelled_line_of_values_is_not_a_heading():
    assert not is_heading_like("Keywords: low back pain; obesity; risk factors")
    assert is_heading_like("Sciatica: symptoms and causes")


def test_the_headline_above_a_byline_is_the_title_and_the_byline_is_not():
    doc = parse_text(
        "THE HARBOUR GAZETTE | HEALTH\n\nBack pain clinics stretched, survey finds\n\n"
        "By Ana Lopes, Health Reporter\nPublished 2 May 2025, 06:00\n\n"
        "Waiting lists for back pain clinics have doubled in two years, a survey shows.\n"
    )
    assert doc.title == "Back pain clinics stretched, survey finds"


def test_indented_labelled_lines_after_a_colon_are_list_items():
    doc = parse_text(
        "Discharge advice\n\nYour physiotherapist showed you these exercises. Do them 3\n"
        "times a day:\n  Pelvic tilts - lie on your back with your knees bent. Hold for 5\n"
        "  seconds. Repeat 10 times.\n  Knee rolls - let your knees roll from side to side.\n"
        "  Repeat 10 times.\nStop any exercise that makes your leg pain worse.\n"
    )
    [items] = [b for s in doc.sections for b in s.blocks if isinstance(b, ListBlock)]
    assert [i.text.split(" - ")[0] for i in items.items] == ["Pelvic tilts", "Knee rolls"]
    assert items.lead.endswith("times a day:")
    assert "Hold for 5 seconds" in items.items[0].text


def test_indented_lines_without_labels_stay_one_paragraph():
    doc = parse_text(
        "Notes\n\nThe pain usually settles:\n  within a few days for most people,\n"
        "  within six weeks for nearly everyone.\n"
    )
    assert not [b for s in doc.sections for b in s.blocks if isinstance(b, ListBlock)]


def test_a_transcripts_speaker_labels_are_dropped_and_what_they_say_stays():
    doc = parse_text(
        "Episode notes\n\nANA: Welcome back to the show.\n\nSAM: Today we talk about back pain"
        " in runners.\n\nANA: What causes it?\n\nSAM: Mostly a sudden rise in mileage.\n"
    )
    text = " ".join(b.text for s in doc.sections for b in s.blocks if isinstance(b, Paragraph))
    assert "ANA:" not in text and "SAM:" not in text
    assert "Mostly a sudden rise in mileage." in text
    assert {d.text for d in doc.dropped} >= {"ANA:", "SAM:"}


def test_speaker_labels_with_a_role_in_brackets_are_dropped_too():
    doc = parse_text(
        "Phone-in\n\nJO (PRESENTER): First caller, Maureen.\n\nMAUREEN (CALLER): My neck"
        " locked on Sunday.\n\nDR SHAH: That sounds like acute wry neck.\n\nJO: Thank you.\n"
    )
    text = " ".join(b.text for s in doc.sections for b in s.blocks if isinstance(b, Paragraph))
    assert "(PRESENTER)" not in text and "(CALLER)" not in text and "DR SHAH:" not in text
    assert "That sounds like acute wry neck." in text
    assert {d.text for d in doc.dropped} >= {"JO (PRESENTER):", "MAUREEN (CALLER):"}


def test_labels_that_say_what_a_line_is_are_kept():
    doc = parse_text(
        "Advice\n\nIMPORTANT: call 999 if both legs go numb.\n\nNOTE: most back pain settles."
        "\n\nIMPORTANT: do not drive on these tablets.\n"
    )
    text = " ".join(b.text for s in doc.sections for b in s.blocks if isinstance(b, Paragraph))
    assert "IMPORTANT: call 999" in text


def test_a_new_sentence_after_items_of_one_line_each_is_a_paragraph():
    doc = parse(
        "Sciatica\n\nMy physio gave me these:\n- Knee hugs: 10 reps\n- Cat stretch: 8 reps\n"
        "She said to stop if the pain spreads.\n"
    )
    paragraph, listing, after = blocks(doc, "Sciatica")
    assert [item.text for item in listing.items] == ["Knee hugs: 10 reps", "Cat stretch: 8 reps"]
    assert after == Paragraph("She said to stop if the pain spreads.")


def test_a_slide_decks_slide_numbers_footers_and_notes_labels_are_dropped():
    footer = "Dr A. Patel | Eastfield Spine Clinic | 3 March 2025"
    doc = parse_text(
        "Slide 1 of 3\nSCIATICA EXPLAINED\nA talk for patients\n\n"
        f"Slide 2 of 3\nWhat helps?\n- Walking\n- Heat packs\nSpeaker notes: Keep moving.\n"
        f"{footer}\n\n"
        f"Slide 3 of 3\nWhen to get help\n- Numb legs\n- Bladder problems\n"
        f"Speaker notes: Call 999 if both legs go numb.\n{footer}\n"
    )
    names = [heading for heading, _level in headings(doc)] + [doc.title]
    assert "What helps?" in names and "When to get help" in names
    paragraphs = [b.text for s in doc.sections for b in s.blocks if isinstance(b, Paragraph)]
    assert "Call 999 if both legs go numb." in paragraphs
    everything = " ".join(
        [s.heading for s in doc.sections]
        + paragraphs
        + [
            i.text
            for s in doc.sections
            for b in s.blocks
            if isinstance(b, ListBlock)
            for i in b.items
        ]
    )
    assert "Slide 2" not in everything and "Speaker notes" not in everything
    assert "Eastfield" not in everything


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Discs show degen-\nerative change.", "Discs show degenerative change."),
        ("It is a long-\nterm problem.", "It is a long-term problem."),
        # The text writes the word with its hyphen elsewhere: the hyphen stays.
        (
            "Book a follow-\nup. Every follow-up is free.",
            "Book a follow-up. Every follow-up is free.",
        ),
        # The text writes it whole elsewhere: the hyphen goes.
        ("It is well-\nbeing. Wellbeing matters.", "It is wellbeing. Wellbeing matters."),
    ],
)
def test_a_word_broken_across_lines_is_one_word_again(text, expected):
    doc = parse_text(f"Neck pain\n\n{text}\n")
    assert " ".join(block.text for block in doc.sections[-1].blocks) == expected


def test_a_dash_opening_the_next_line_or_a_capital_is_never_glued_on():
    doc = parse_text("Neck pain\n\nThings to try -\nRest and heat.\n")
    assert "-Rest" not in doc.sections[-1].blocks[-1].text


def test_a_question_headline_with_a_subtitle_above_a_byline_and_a_date_is_the_title():
    text = (
        "THE DAILY POST | HEALTH\n\n"
        "Cement for a broken spine? Your questions on kyphoplasty\n\n"
        "By Ann Lee, Health Correspondent\n\nSaturday 8 March 2025\n\n"
        "A surgeon answers readers' questions about kyphoplasty, an operation for broken"
        " bones in the spine.\n"
    )
    assert parse_text(text).title == "Cement for a broken spine? Your questions on kyphoplasty"


def test_a_tear_off_slip_and_opening_hours_are_no_article_text():
    from back_health.importer.clean import clean_document

    text = (
        "Annular tear\n\nAn annular tear is a crack in the tough outer ring of a disc.\n\n"
        "Surgery opening hours\n\nMonday to Friday: 8.00am to 6.30pm\n"
        "Saturday and Sunday: closed\n\n"
        "------------- cut here -------------\n\nSELF-REFERRAL SLIP\n\nName: ..........\n"
        "I would like the physiotherapy team to contact me.\n"
    )
    doc = clean_document(parse_text(text))
    kept = " ".join(b.text for s in doc.sections for b in s.blocks)
    assert "crack in the tough outer ring" in kept
    for gone in ("8.00am", "closed", "SLIP", "contact me"):
        assert gone not in kept and gone not in " ".join(s.heading for s in doc.sections)
    assert any(d.reason == "chrome: tear-off slip" for d in doc.dropped)


def test_a_letter_o_bullet_starts_a_list_item():
    text = (
        "Annular tear\n\nAn annular tear is a crack in the outer ring of a disc.\n\n"
        "What causes it?\n\n  o Heavy lifting - especially with a rounded back\n"
        "  o Smoking - it slows healing\n"
    )
    lists = [b for s in parse_text(text).sections for b in s.blocks if isinstance(b, ListBlock)]
    assert [item.text for item in lists[0].items][0].startswith("Heavy lifting")


def test_a_record_s_field_lines_stand_alone_and_their_furniture_goes():
    from back_health.importer.clean import clean_document

    text = (
        "After visit summary\n\n"
        "Visit date: 02/11/2025, 10:40 AM (video visit)\n"
        "Provider: Dan Okafor, MD, Family Medicine\n"
        "Diagnosis: Thoracic radiculopathy, right side\n\n"
        "Your pain comes from an irritated nerve root in the middle of your back.\n\n"
        "This visit was billed to: BlueRiver Health PPO. Copay collected: $25.00.\n"
    )
    doc = clean_document(parse_text(text))
    kept = [doc.title, *(s.heading for s in doc.sections)]
    kept += [b.text for s in doc.sections for b in s.blocks]
    assert "Diagnosis: Thoracic radiculopathy, right side" in kept
    assert not any("Visit date" in t or "Provider:" in t or "billed" in t for t in kept)


def test_labelled_sentences_still_run_on_as_a_paragraph_of_items():
    text = (
        "Neck pain diary\n\nA year of trying things for my neck.\n\n"
        "Month 5: things I paid for myself\nAcupuncture: six sessions at £40 each. Relaxing.\n"
        "Deep Heat: smelled strong and did nothing for me.\n"
    )
    doc = parse_text(text)
    assert not any(
        b.text == "Acupuncture: six sessions at £40 each. Relaxing."
        for s in doc.sections
        for b in s.blocks
    )


def test_numbered_lines_over_their_text_are_section_headings():
    doc = parse_text(
        "NECK PAIN IN AIRCREW\n\n"
        "1. What is it?\nNeck pain in aircrew is pain and stiffness of the neck caused by"
        " flying, and it usually settles within days.\n\n"
        "2. What causes it?\na. High G. Turning your head under load strains the neck.\n"
        "b. Posture. Sitting hunched forward loads the neck.\n\n"
        "3. Treatment\nMost episodes settle with heat and simple painkillers.\n"
        "Your doctor can refer you for physiotherapy.\n"
    )
    headings = [s.heading for s in doc.sections]
    assert headings[1:] == ["What is it?", "What causes it?", "Treatment"]
    causes = doc.sections[2].blocks[0]
    assert isinstance(causes, ListBlock)
    assert [item.text.split(".")[0] for item in causes.items] == ["High G", "Posture"]


def test_numbered_items_under_a_heading_stay_items_when_other_headings_follow():
    doc = parse_text(
        "NECK PAIN\n\nEXERCISES TO TRY\n\nDo these twice a day.\n\n"
        "1. Chin tucks\nSit tall. Slide your chin back.\nRepeat 10 times.\n\n"
        "2. Wall stand\nStand with your back to a wall.\nHold for 10 seconds.\n\n"
        "WHEN TO GET HELP\n\nSee your GP if the pain is not better in 6 weeks.\n"
    )
    headings = [s.heading for s in doc.sections]
    assert "Chin tucks" not in headings and "1. Chin tucks" not in headings
    exercises = next(s for s in doc.sections if s.heading == "EXERCISES TO TRY")
    assert any(isinstance(block, ListBlock) and len(block.items) == 2 for block in exercises.blocks)


def test_a_slide_export_reads_its_headings_pictograph_bullets_and_unmarked_lines():
    doc = parse_text(
        "CLINIC · Carousel post (3 slides)\n\n"
        "[SLIDE 1/3]\nWHO GETS IT? 🤔\n🏃 Runners who ramp up their mileage too fast\n"
        "🚗 Long drives on a hard seat\n💥 A fall straight onto your backside\n\n"
        "[SLIDE 2/3]\nWHAT WE DON'T RECOMMEND ❌\nComplete rest: it makes the muscle stiffer\n"
        'Aggressive stretching through sharp pain\n"Sciatica belts" sold online\n\n'
        "[SLIDE 3/3]\nCALL US\n📞 Ring the clinic if the pain is no better in a week.\n"
    )
    headings = [s.heading for s in doc.sections]
    assert "WHO GETS IT? 🤔" in headings and not any("SLIDE" in h for h in headings)
    who = next(s for s in doc.sections if s.heading.startswith("WHO GETS IT"))
    assert [item.text for item in who.blocks[0].items][2] == "A fall straight onto your backside"
    dont = next(s for s in doc.sections if s.heading.startswith("WHAT WE DON'T"))
    assert isinstance(dont.blocks[0], ListBlock) and len(dont.blocks[0].items) == 3
    # A lone pictograph line is text, not a list of one.
    call = next(s for s in doc.sections if s.heading == "CALL US")
    assert isinstance(call.blocks[0], Paragraph)


def test_a_numbered_threads_counters_are_dropped():
    text, dropped = strip_thread_counters(
        "Jo Bell @jobellphysio\n\n1/4 Let's talk about neck pain.\n\n2/4 Most of it settles."
        "\n\n3/4 Keep moving.\n\n4/4 End of thread. Take 2/3 of a dose.\n"
    )
    assert "\nLet's talk about neck pain." in text and "1/4" not in text
    assert "Take 2/3 of a dose." in text
    assert ("chrome: thread counter", "3/4") in dropped


def test_fractions_in_ordinary_text_are_not_thread_counters():
    text = "Dosage\n\n1/2 a tablet at night.\n\n1/2 a tablet in the morning.\n"
    assert strip_thread_counters(text) == (text, [])


# --- newsletters: rules between parts and headlines in capitals ------------------------


def test_a_rule_line_ends_the_part_above_it_and_is_no_paragraph():
    doc = parse(
        """\
        Northfield Clinic News

        IN THIS ISSUE
        * Why does my neck click?
        * New opening hours

        ==========================================

        Most neck clicks are gas bubbles popping in the joints and are harmless.

        ==========================================

        Our new hours start in June.
        """
    )
    texts = paragraph_texts(doc)
    assert not any(text.startswith("===") for text in texts)
    contents = next(s for s in doc.sections if s.heading == "IN THIS ISSUE")
    assert all(isinstance(b, ListBlock) for b in contents.blocks), "the story is not under it"
    story = next(
        s for s in doc.sections if any("gas bubbles" in getattr(b, "text", "") for b in s.blocks)
    )
    assert not any("opening hours" in getattr(b, "text", "") for b in story.blocks)


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ('"MY SCAN SAYS I HAVE A BULGING DISC. SHOULD I BE WORRIED?"', True),
        ("My scan says I have a bulging disc. Should I be worried?", False),
        ("STOP. CALL 999 NOW.", False),
    ],
)
def test_a_headline_in_capitals_may_ask_its_question_in_two_sentences(line, heading):
    assert is_heading_like(line) is heading


def test_a_heading_boxed_by_rules_loses_the_rule_above_it():
    doc = parse(
        """\
        Ashby Practice newsletter

        ----------------------------------------
        2. HEALTH FOCUS: LUMBAGO AND YOUR JOB
        ----------------------------------------
        Lumbago is the old word for low back pain, and most people are better in weeks.
        """
    )
    heading = next(s.heading for s in doc.sections if "LUMBAGO" in s.heading)
    assert heading == "2. HEALTH FOCUS: LUMBAGO AND YOUR JOB"


def test_a_rule_under_a_records_fields_closes_them_and_each_field_stays_a_line():
    doc = parse(
        """\
        CLINIC SUMMARY

        Patient: Ann Lee
        Seen by: Dr Roy Marsh
        ------------------------------------------------------

        WHAT WE FOUND
        The pain comes from a stiff joint between two vertebrae in the upper back.
        """
    )
    everything = [s.heading for s in doc.sections] + [
        b.text for s in doc.sections for b in s.blocks if isinstance(b, Paragraph)
    ]
    assert "Patient: Ann Lee" in everything
    assert "Seen by: Dr Roy Marsh" in everything
    assert not any("Ann Lee" in text and "Roy Marsh" in text for text in everything)


def test_a_rule_under_a_sentence_ends_its_paragraph_and_makes_no_heading():
    doc = parse(
        f"""\
        Shingles
        {BODY}

        About 1 in 3 adults who had chickenpox get shingles later in life.
        ------------------------------------------------------
        Call the surgery on the number above if the rash spreads.
        """
    )
    assert not any("About 1 in 3" in heading for heading, _ in headings(doc))
    texts = paragraph_texts(doc)
    assert any(text.startswith("About 1 in 3") for text in texts)


def test_a_box_drawn_around_text_is_read_as_its_lines_even_when_one_overruns_it():
    doc = parse(
        f"""\
        Coccyx pain
        {BODY}

        +------------------------------------------------+
        | WHEN TO GET HELP                               |
        |                                                |
        | Call 999 if you cannot move your legs or lose  |
        | control of your bladder, or call 01632 960 000.|
        +------------------------------------------------+
        """
    )
    texts = paragraph_texts(doc)
    assert "WHEN TO GET HELP" in [heading for heading, _ in headings(doc)]
    assert (
        "Call 999 if you cannot move your legs or lose control of your bladder, "
        "or call 01632 960 000." in texts
    )
    assert not any("|" in text or "+--" in text for text in texts)


def test_a_grid_table_is_no_box():
    doc = parse(
        f"""\
        Exercises
        {BODY}

        +------------+------+
        | Exercise   | Reps |
        +============+======+
        | Pelvic tilt| 10   |
        +------------+------+
        """
    )
    tables = [b for s in doc.sections for b in s.blocks if isinstance(b, Table)]
    assert tables and tables[0].rows == [["Pelvic tilt", "10"]]


def test_two_lines_of_one_heading_over_a_rule_stay_one_heading():
    doc = parse(
        f"""\
        Back pain at work:
        what managers can do
        ====================
        {BODY}
        """
    )
    assert doc.title == "Back pain at work: what managers can do"


@pytest.mark.parametrize(
    ("headline", "byline"),
    [
        ("TAILBONE PAIN AFTER HAVING A BABY", "by Sam Reyes, Registered Osteopath"),
        ("HIP BURSITIS: THE ACHE NOBODY HAS HEARD OF", "Posted on 9 May 2025 by Sam | 2 comments"),
    ],
)
def test_a_headline_in_capitals_over_a_byline_is_a_heading(headline, byline):
    doc = parse(f"CLINIC NEWS\n\nWelcome to our newsletter.\n\n{headline}\n{byline}\n\n{BODY}\n")
    assert headline in (doc.title, *(heading for heading, _ in headings(doc)))
    texts = paragraph_texts(doc)
    assert byline in texts


def test_lines_of_a_sentence_in_capitals_stay_one_paragraph():
    doc = parse(
        "WARD 7 ADVICE\n\nARM PAIN NO BETTER AFTER 3 MONTHS: MENTION IT AT\n"
        "YOUR CLINIC APPOINTMENT OR SEE YOUR GP.\n"
    )
    texts = paragraph_texts(doc)
    assert any(t.startswith("ARM PAIN") and t.endswith("SEE YOUR GP.") for t in texts)


def test_lines_longer_than_any_wrapping_are_a_paragraph_each():
    first = (
        "Ice packs. Wrap a bag of frozen peas in a tea towel and hold it on the sore spot "
        "for ten minutes, a few times a day, while the first swelling settles down."
    )
    second = (
        "Gentle walking. Short walks, little and often, keep the joints moving and stop "
        "the muscles around them stiffening while the injury heals over the coming weeks."
    )
    doc = parse(f"Sprained ankle\n\nWhat helps\n{first}\n{second}\n")

    assert [b.text for b in blocks(doc, "What helps")] == [first, second]


def test_wrapped_lines_of_one_paragraph_stay_one_paragraph():
    text = dedent(
        """\
        Sprained ankle

        What helps
        Wrap a bag of frozen peas in a tea towel and hold it on the sore spot.
        Keep it there for ten minutes, a few times a day, while it settles.
        """
    )
    doc = parse(text)

    assert len(blocks(doc, "What helps")) == 1


def test_numbered_questions_on_lines_of_their_own_are_section_headings():
    doc = parse_text(
        "SHOULDER BLADE PAIN\n\n"
        "1. What is it?\n\n"
        "Shoulder blade pain is an ache between or around the shoulder blades, often from"
        " a strained muscle.\n\n"
        "2. How is it treated?\n\n"
        "Most people get better with gentle movement, heat and simple painkillers within"
        " two weeks.\n\n"
        "3. Cautions with your medicines\n\n"
        "Do not take ibuprofen if you have had a stomach ulcer, and ask a pharmacist first"
        " if you take blood thinners.\n"
    )
    headings = [s.heading for s in doc.sections]
    assert headings[1:] == ["What is it?", "How is it treated?", "Cautions with your medicines"]


def test_numbered_questions_keep_their_headings_with_a_heading_after_them_and_bullets_set_in():
    doc = parse_text(
        "WRY NECK\n\n"
        "1. What is a wry neck?\n\n"
        "A wry neck is sudden pain and stiffness in the neck, usually on one side, often on"
        " waking.\n\n"
        "2. WHAT YOU CAN DO TO HELP YOURSELF\n\n"
        " - Keep your neck moving. Resting it for long makes it stiffer.\n"
        " - Take paracetamol regularly for a few days.\n\n"
        "3. When should I see a doctor?\n\n"
        "See your GP if your neck has not improved after a week, or sooner if it gets"
        " worse.\n\n"
        "--- END OF TRANSLATION ---\n\n"
        "I certify that this is a true translation of the original document.\n"
    )
    headings = [s.heading for s in doc.sections]
    assert headings[1:4] == [
        "What is a wry neck?",
        "WHAT YOU CAN DO TO HELP YOURSELF",
        "When should I see a doctor?",
    ]
    items = [b for b in doc.sections[2].blocks if isinstance(b, ListBlock)]
    assert [i.text for i in items[0].items][1] == "Take paracetamol regularly for a few days"


def test_an_faq_s_numbered_questions_head_their_answers_however_long():
    doc = parse_text(
        "BACK PAIN AND SITTING\n\n"
        "Q1. Why does my back hurt when I sit in my wheelchair all day long?\n\n"
        "Back pain is common in people who sit for most of the day, and a better seat"
        " often eases it.\n\n"
        "Q2. What can I do myself?\n\n"
        "  * Sit right at the back of the seat.\n"
        "  * Change your position at least every hour.\n\n"
        "Question 3: Are there exercises that help?\n\n"
        "Do these twice a day, sitting with the brakes on, as your physiotherapist showed"
        " you.\n"
    )
    assert [s.heading for s in doc.sections][1:] == [
        "Why does my back hurt when I sit in my wheelchair all day long?",
        "What can I do myself?",
        "Are there exercises that help?",
    ]


def test_numbered_lines_on_their_own_that_ask_nothing_stay_items():
    doc = parse_text(
        "NECK STRETCHES\n\n1. Chin tucks\n\nSit tall and slide your chin straight back, then"
        " hold for five seconds and relax.\n\n2. Side bends\n\nTilt your ear towards your"
        " shoulder until you feel a gentle stretch, and hold.\n"
    )
    assert [s.heading for s in doc.sections][1:] == []


def paragraph_texts(doc) -> list[str]:
    return [b.text for s in doc.sections for b in s.blocks if isinstance(b, Paragraph)]


def test_lines_each_opening_with_a_label_in_capitals_are_paragraphs_of_their_own():
    doc = parse(
        "EXERCISES\n\nHEEL DROPS - rise up onto your toes, then drop down onto your heels with"
        " a\nthump. 2 sets of 10 drops.\nSIT TO STAND - stand up from a chair without using"
        " your hands.\nRepeat 10 times.\n"
    )
    texts = paragraph_texts(doc)
    assert texts[0].startswith("HEEL DROPS") and texts[0].endswith("2 sets of 10 drops.")
    assert (
        texts[1]
        == "SIT TO STAND - stand up from a chair without using your hands. Repeat 10 times."
    )


def test_one_line_in_capitals_with_a_dash_leaves_its_paragraph_whole():
    doc = parse(f"NOTE - this sheet is for adults.\nIt was written in 2025.\n\n{BODY}\n")
    texts = paragraph_texts(doc)
    assert "NOTE - this sheet is for adults. It was written in 2025." in texts


def test_wrapped_lines_each_opening_with_a_label_and_colon_are_paragraphs():
    doc = parse(
        "WHAT HELPS\n\nHeat: a warm bath before bed can ease\nstiffness.\nPainkillers: ibuprofen"
        " an hour before bed may help\nyou sleep.\n\nSender ID: Hillside\nStatus key: D ="
        " Delivered\n"
    )
    texts = paragraph_texts(doc)
    assert "Heat: a warm bath before bed can ease stiffness." in texts
    assert "Painkillers: ibuprofen an hour before bed may help you sleep." in texts
    assert "Sender ID: Hillside" in texts  # a field a line, as before


def test_a_sentence_ending_in_a_footnote_marker_is_no_heading():
    assert not is_heading_like("The Wiltse classification divides it into types by cause.[2]")
    assert is_heading_like("Classification of the types[2]")


def test_a_header_of_form_fields_is_dropped_with_its_values():
    doc = parse(
        "OCCUPATIONAL HEALTH REPORT\n\n"
        "Re:                  Mr A Example\n"
        "Employee number:     40217\n"
        "Referring manager:   Ms B Example, Operations Manager\n"
        "Date of assessment:  01/10/2025\n"
        "Type of assessment:  Telephone consultation\n\nBACKGROUND\n\n" + BODY + "\n"
    )
    assert doc.title == "OCCUPATIONAL HEALTH REPORT"
    texts = [block.text for section in doc.sections for block in section.blocks]
    assert not any("40217" in text or "Operations Manager" in text for text in texts)
    assert not any("Operations Manager" in heading for heading, _ in headings(doc))
    assert any(d.text == "Employee number: 40217" for d in doc.dropped)
    assert BODY in texts


def test_a_condition_and_its_clause_broken_across_lines_is_no_heading():
    doc = parse(
        "Back injury at work\n\n"
        "If the pain spreads down your leg with numbness or weakness, call\n"
        "NHS 111 or get a same-day GP appointment.\n"
    )
    assert not any(h.startswith("If the pain") for h, _ in headings(doc))
    assert is_heading_like("If you hurt your back")


BILINGUAL = """\
TAILBONE PAIN                          | STEISSBEINSCHMERZEN
                                       |
WHAT IS IT?                            | WAS IST DAS?
Coccydynia is pain in the tailbone,    | Kokzygodynie ist ein Schmerz am
the small bone at the bottom of the    | Steissbein, dem kleinen Knochen am
spine. It hurts most when you sit.     | Ende der Wirbelsaeule.
                                       |
WHAT YOU CAN DO                        | WAS SIE TUN KOENNEN
- Sit on a wedge cushion and lean      | - Sitzen Sie auf einem Keilkissen
  forward when you sit.                |   und lehnen Sie sich vor.
- Stand up every 30 minutes.           | - Stehen Sie alle 30 Minuten auf.
"""


def test_two_columns_side_by_side_are_read_one_after_the_other():
    from back_health.importer.parse_text import columns_one_after_the_other

    text = columns_one_after_the_other(BILINGUAL)
    assert "Coccydynia is pain in the tailbone,\nthe small bone" in text
    assert text.index("Stand up every 30 minutes.") < text.index("STEISSBEINSCHMERZEN")
    doc = parse_text(BILINGUAL)
    paragraphs = paragraph_texts(doc)
    assert (
        "Coccydynia is pain in the tailbone, the small bone at the bottom of the spine."
        " It hurts most when you sit."
    ) in paragraphs
    assert not any("|" in p or ("tailbone" in p and "Schmerz" in p) for p in paragraphs)


def test_a_table_of_two_columns_is_not_read_as_parallel_text():
    from back_health.importer.parse_text import columns_one_after_the_other

    table = "| Exercise | Dose |\n|---|---|\n" + "| Bridge | 10 times |\n" * 10
    assert columns_one_after_the_other(table) == table


def test_advice_cut_off_before_whom_to_call_is_no_heading():
    doc = parse_text(
        "When to get help\n\n"
        "Ask for a same-day appointment with the duty doctor, or call\n"
        "NHS 111 when the surgery is closed, if you have:\n"
        " - a high temperature\n - new weakness in an arm\n"
    )
    headings = [section.heading for section in doc.sections]
    assert not any("duty doctor" in (heading or "") for heading in headings)


def test_a_fax_machines_line_on_each_page_and_specks_of_the_scan_are_dropped():
    text = (
        "14/03/2025 10:42  FROM: 01632 960118  HOLLYBANK SURGERY  TO: 01632960500  P.001/003\n\n"
        "Dear Dr Okafor,\n\nThank you for seeing this man with neck pain.\n"
        "                                   .   ,\n"
        "14/03/2025 10:43  FROM: 01632 960118  HOLLYBANK SURGERY  TO: 01632960500  P.002/003\n\n"
        "He has had it for six months and it is getting worse.\n   .' ' ,\n"
    )
    doc = parse_text(text)
    kept = " ".join(b.text for s in doc.sections for b in s.blocks if isinstance(b, Paragraph))
    assert "He has had it for six months" in kept
    assert "P.00" not in kept and "FROM:" not in kept
    assert ".' ' ," not in kept
    reasons = {d.reason for d in doc.dropped}
    assert "chrome: scan marks" in reasons


def test_a_forms_choices_are_dropped_and_a_checklist_stays():
    doc = parse_text(
        "Referral\n\nPriority:   [ ] Routine    [X] Urgent    [ ] Suspected cancer (2WW)\n"
        "Interpreter required:  [ ] Yes  [X] No\n\nBefore you come:\n"
        "[ ] Bring a list of your medicines and any letters from the hospital\n"
        "[ ] Wear loose clothing so we can see your back\n"
    )
    texts = [
        t
        for s in doc.sections
        for b in s.blocks
        for t in ([b.text] if isinstance(b, Paragraph) else [i.text for i in b.items])
    ]
    joined = " ".join(texts)
    assert "Routine" not in joined and "Interpreter" not in joined
    assert "Wear loose clothing so we can see your back" in joined
    assert "chrome: form choices" in {d.reason for d in doc.dropped}
