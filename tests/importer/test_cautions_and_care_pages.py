"""Classes seen in a council's care page, a review site, a charity's page, a converted
leaflet, a clinic's protocol, a team wiki, a newsletter, an e-mail thread, a video's
subtitles and a discharge summary: cautions among the things to try, and more."""

from __future__ import annotations

import pytest

from back_health.importer.classify.subject import _names as subject_names
from back_health.importer.classify.subject import diagnosed_condition
from back_health.importer.clean import chrome_reason, clean_document
from back_health.importer.dose import read_dose
from back_health.importer.names import derive_name, injury_by_part, split_names
from back_health.importer.parse import parse_document
from back_health.importer.pipeline import analyse
from back_health.importer.rules import default_rules
from back_health.importer.sentences import split_sentences

from .documents import texts_of
from .test_letters_threads_and_books import advice_level, exercises_of, warnings_of


@pytest.mark.parametrize(
    "item",
    [
        "Check with a pharmacist before taking ibuprofen if you have asthma or kidney problems.",
        "Ask your GP before taking naproxen if you take blood thinners.",
    ],
)
def test_an_item_asking_the_reader_to_check_first_among_things_to_try_is_a_caution(item):
    plan = analyse(
        (
            "# Coccyx pain\n\nCoccyx pain is pain at the base of the spine.\n\n"
            "## Treatment\n\n- Sit on a coccyx cushion.\n- Take paracetamol"
            f" to ease the pain.\n- {item}\n- Hold a heat pack on the area.\n"
        ).encode(),
        "page.md",
    )
    boxes = [w for w in warnings_of(plan) if item.rstrip(".") in " ".join(w["items"])]
    assert [w["severity"] for w in boxes] == ["caution"]
    assert any(
        d.as_ == "warning (caution)" and d.part.startswith(item[:20]) for d in plan.decisions
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "If in doubt, ask a pharmacist.",
        "If you're unsure, check with your GP.",
        "If you are not sure which painkiller is right for you, ask to speak to the pharmacist.",
    ],
)
def test_asking_someone_when_unsure_is_a_check_first(sentence):
    assert advice_level(sentence) == "caution"


def test_a_check_when_unsure_after_a_caution_joins_its_box():
    plan = analyse(
        b"Wry neck\n\nWry neck is a painful, stiff neck that comes on overnight.\n\n"
        b"Do not take ibuprofen if you have ever had a stomach ulcer. If in doubt, ask a"
        b" pharmacist.\n",
        "guide.txt",
    )
    boxes = [w for w in warnings_of(plan) if "stomach ulcer" in w["text"]]
    assert [w["severity"] for w in boxes] == ["caution"]
    assert "If in doubt, ask a pharmacist." in boxes[0]["text"]


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("You should not operate machinery while taking amitriptyline.", "caution"),
        ("She should not drive while taking pregabalin.", "caution"),
        ("It is against the law to drive with high levels of diazepam in your blood.", "caution"),
        ("I have advised Mr Lowe to see his GP if his leg pain does not improve.", "see_doctor"),
        ("Patient A has been told to go to A&E if she develops numbness.", "emergency"),
        ("Mrs Patel was advised to call 999 if her legs become weak.", "emergency"),
    ],
)
def test_driving_and_machinery_cautions_and_advice_a_letter_reports(sentence, level):
    assert advice_level(sentence) == level


@pytest.mark.parametrize(
    "sentence",
    [
        "Most people should not drive a car for hours without a break.",
        "Mr Lowe drives a forklift truck at a warehouse.",
    ],
)
def test_a_general_remark_or_a_patient_s_job_is_no_advice(sentence):
    assert advice_level(sentence) is None


SUBTITLES = """1
00:00:01,000 --> 00:00:04,000
Hi, I'm Sam, a physio, and today we're doing
exercises for a stiff lower back.

2
00:00:04,500 --> 00:00:08,000
Right, first exercise: lying on your front.
Lie face down and relax. Stay here for 2 minutes.

3
00:00:30,000 --> 00:00:34,000
Next, the prone lift: lying on your front,
lift your head and shoulders, 8 times.

4
00:01:00,000 --> 00:01:04,000
Last one, for when you're out and about:
standing back bends.

5
00:01:04,500 --> 00:01:08,000
Hands on your hips, lean back and return.
Do 10 standing back bends.

6
00:01:08,500 --> 00:01:11,000
Do this whole routine every morning and every evening.
"""


def test_a_video_s_spoken_sequence_names_each_exercise_with_the_dose_after_it():
    plan = analyse(SUBTITLES.encode(), "video.srt")
    exercises = {
        e["name"]: e["dose"]
        for p in plan.pages
        for b in p.blocks
        if b.type == "exercise_list"
        for e in b.value["exercises"]
    }
    assert list(exercises) == ["Lying on your front", "Prone lift", "Standing back bends"]
    assert exercises["Lying on your front"]["hold_seconds"] == 120
    assert exercises["Prone lift"]["repetitions"] == 8
    assert exercises["Standing back bends"]["repetitions"] == 10
    assert {dose["times_per_day"] for dose in exercises.values()} == {2}


@pytest.mark.parametrize(
    "sentence",
    [
        "Next, we will look at the results.",
        "Next, the most important thing is to keep moving.",
        "First, sciatica.",
        "Right, first question: how long will it last?",
    ],
)
def test_a_spoken_marker_before_no_exercise_s_name_names_none(sentence):
    plan = analyse(
        f"Stiff back\n\nA stiff back is common.\n\n{sentence} Do it 10 times a day.\n".encode(),
        "talk.txt",
    )
    assert not exercises_of(plan)


@pytest.mark.parametrize(
    ("text", "repetitions"),
    [
        ("Do 10 press-ups, going a bit higher each time.", 10),
        ("Do 10 press ups.", 10),
        ("Do 10 standing back bends, keeping your knees straight.", 10),
        ("Take 2 cups of water with it.", None),
        ("Do 2 groups of friends a favour.", None),
    ],
)
def test_a_count_of_named_moves_after_a_verb_is_their_repetitions(text, repetitions):
    assert read_dose(text).dose["repetitions"] == repetitions


def test_every_morning_and_every_evening_is_twice_a_day():
    assert read_dose("Do them every morning and every evening.").dose["times_per_day"] == 2


DISCHARGE = """==========================================
 GENERAL HOSPITAL - Emergency Department
==========================================
Patient:      MRS Jane DOE
DOB:          02/07/1941 (83y)      Sex: F
GP:           Dr S. Smith, Hill Health Centre
Clinician:    Dr A. Murphy
------------------------------------------

PRESENTING COMPLAINT
Fall at home after tripping on a rug. Pain in the left side of the chest.

INVESTIGATIONS
CXR: undisplaced fractures of the left 9th and 10th ribs.

DIAGNOSIS
1. Fractures of left 9th and 10th ribs (fragility fractures)
2. Fall - mechanical trip
3. Osteoporosis

ADVICE GIVEN
Rib fractures usually heal in about 6 weeks. Keep moving about the house.
"""


def test_a_record_s_fields_are_no_speakers_and_its_first_diagnosis_names_the_subject():
    plan = analyse(DISCHARGE.encode(), "summary.txt")
    assert plan.pages[0].title == "Rib fractures"
    assert plan.title != "Sex: F"


@pytest.mark.parametrize(
    ("diagnosis", "name"),
    [
        ("Fractures of left 9th and 10th ribs (fragility fractures)", "Rib fractures"),
        ("Dislocation of the left shoulder", "Shoulder dislocation"),
    ],
)
def test_an_injury_named_by_where_it_is_is_named_as_a_condition(diagnosis, name):
    assert diagnosed_condition(f"Diagnosis: {diagnosis}", default_rules()) == name


def test_a_condition_s_name_never_runs_from_one_list_item_into_the_next():
    plan = analyse(
        b"- Fall - mechanical trip\n- Osteoporosis\n- Hypertension\n\n"
        b"Seen today after a fall at home. Osteoporosis noted on a scan in 2019.\n",
        "notes.md",
    )
    assert plan.pages[0].title == "Osteoporosis"


@pytest.mark.parametrize(
    ("line", "level"),
    [
        (
            "New saddle numbness or weakness in both legs: send the patient to ED now (999 if"
            " needed) and phone the on-call spinal registrar.",
            "emergency",
        ),
        ("Redness around the wound or a fever: same-day call to the spinal ward.", "urgent"),
        (
            "Leg pain back to its level before the operation: email the consultant's secretary"
            " to bring the review forward.",
            "see_doctor",
        ),
        ("Patients should check with the pharmacist before adding other painkillers.", "caution"),
    ],
)
def test_a_protocol_s_triage_lines_and_what_patients_should_do_are_advice(line, level):
    assert advice_level(line) == level


@pytest.mark.parametrize(
    "line",
    [
        "We send the samples to the lab.",
        "Results: same-day reporting for most scans.",
        "Most people should see some improvement in a week.",
    ],
)
def test_sending_samples_or_reporting_results_is_no_advice(line):
    assert advice_level(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Maintained by the academy physio team.",
        "Edit via a pull request; don't paste player names or dates of birth here.",
        "Team wiki: Academy sports medicine",
    ],
)
def test_a_team_wiki_s_maintenance_note_is_chrome(line):
    assert chrome_reason(line) == "chrome: wiki furniture"


def test_a_harmful_change_the_first_sentence_defines_names_the_subject():
    plan = analyse(
        b"<h1>Low blood pressure when sitting up (orthostatic hypotension)</h1>"
        b"<p>Orthostatic hypotension is a drop in blood pressure when you sit up. It is"
        b" common after a spinal cord injury.</p><h2>What to do now</h2>"
        b"<p>Tilt the wheelchair back. Is it autonomic dysreflexia instead? In autonomic"
        b" dysreflexia blood pressure rises.</p>",
        "page.html",
    )
    assert plan.pages[0].title == "Orthostatic hypotension"


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("The 5 Best SI Belts for Sacroiliac Joint Pain in 2025", "SI belts"),
        ("The Best SI Belts", "SI belts"),
        ("Best practice in spinal surgery", "Best practice in spinal surgery"),
    ],
)
def test_a_round_up_s_count_and_year_are_no_part_of_the_subject(title, names):
    assert names in subject_names(title, default_rules())


def test_an_example_after_a_name_in_a_list_is_no_name_of_its_own():
    parts = split_names("arthritis, including ankylosing spondylitis", default_rules())
    assert [derive_name(part, default_rules()).name for part in parts] == ["Arthritis"]


def _printed_line(text: str, style: str) -> str:
    return f'<div class="t m0 x1 {style}">{text}</div>'


def test_a_converted_leaflet_s_title_stays_its_title_when_page_two_repeats_it_small():
    page_one = [
        ("Hill Hospitals NHS Trust", "ff1 fs0"),
        ("Pain Service", "ff1 fs0"),
        ("Lumbar discography", "ff2 fs2"),
        ("Information for patients", "ff1 fs3"),
        ("What is a discogram?", "ff2 fs1"),
        ("A discogram is a test to find out whether one of the discs in", "ff1 fs4"),
        ("your lower back is the source of your pain. Dye is injected into", "ff1 fs4"),
        ("each disc being tested. It is not a treatment and will not ease", "ff1 fs4"),
        ("your pain, and a discogram is done before surgery is planned.", "ff1 fs4"),
        ("Page 1 of 2", "ff1 fs0"),
    ]
    page_two = [
        ("Lumbar discography", "ff1 fs0"),
        ("Pain Service", "ff1 fs0"),
        ("After the test", "ff2 fs1"),
        ("Rest for the rest of the day. You can go back to light activities", "ff1 fs4"),
        ("the next day. Ring the pain nurses the same day if you have a fever", "ff1 fs4"),
        ("after your discogram, or call 111 out of hours.", "ff1 fs4"),
        ("Page 2 of 2", "ff1 fs0"),
    ]
    pages = "".join(
        f'<div id="pf{n}" class="pf"><div class="pc">'
        + "".join(_printed_line(text, style) for text, style in lines)
        + "</div></div>"
        for n, lines in ((1, page_one), (2, page_two))
    )
    html = (
        '<html><head><meta name="generator" content="pdf2htmlEX"/></head><body>'
        f'<div id="page-container">{pages}</div></body></html>'
    )
    document = clean_document(parse_document(html, "html"))
    assert document.title == "Lumbar discography"
    assert [s.heading for s in document.sections].count("Lumbar discography") == 1
    plan = analyse(html.encode(), "leaflet.html")
    assert (plan.pages[0].title, plan.pages[0].kind) == ("Discogram", "treatment")


def test_a_link_dressed_as_a_button_is_a_call_to_action():
    document = clean_document(
        parse_document(
            "<h1>Moving someone at home</h1><p>Bend your knees, not your back, when you"
            ' help someone stand.</p><p><a class="button button--primary" href="/request">'
            "Request an equipment assessment</a></p><p>Read our <a href='/guide'>guide to"
            " hoists</a> before you use one.</p>",
            "html",
        )
    )
    texts = texts_of(document)
    assert not any("Request an equipment assessment" in text for text in texts)
    assert any("guide to hoists" in text for text in texts)


@pytest.mark.parametrize(
    "line",
    [
        "I've asked reception to book you in with me on Monday 10 March at 8:15am.",
        "Email advice is not a substitute for an assessment.",
    ],
)
def test_a_reply_s_booking_note_and_its_e_mail_disclaimer_are_chrome(line):
    assert chrome_reason(line)


def test_i_asked_reception_to_call_an_ambulance_is_no_booking_note():
    assert chrome_reason("I have asked reception to call the ambulance.") == ""


def test_an_injury_an_answer_names_as_the_likely_cause_is_a_condition_named_so():
    plan = analyse(
        b"Subject: Pain in my back after coughing\n\nHi Sam,\n\nFrom what you describe, the"
        b" most likely cause is a sprain of a costotransverse joint. That is one of the small"
        b" joints where a rib meets the spine. Forceful coughing can strain them.\n\nUse a"
        b" heat pack for 15 minutes at a time.\n\nBest wishes,\nJo\n",
        "reply.txt",
    )
    pages = {page.title: page for page in plan.pages}
    assert pages["Costotransverse joint sprain"].kind == "condition"
    assert "Sprain of a costotransverse joint" not in pages
    assert (
        diagnosed_condition(
            "From what you describe, the most likely cause is a sprain of a costotransverse joint.",
            default_rules(),
        )
        == "Costotransverse joint sprain"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "They can rarely damage the jaw bone, so see a dentist before you start.",
        "Please speak to the pharmacist who dispenses it or your GP before you start the two"
        " together.",
        "If you are planning a pregnancy, ask your GP or pharmacist whether you need a higher"
        " dose of folic acid.",
        "Tell your nurse or doctor if you get diarrhoea while taking antibiotics.",
    ],
)
def test_seeing_someone_before_starting_or_reporting_effects_of_a_medicine_is_a_check_first(
    sentence,
):
    assert advice_level(sentence) == "caution"


@pytest.mark.parametrize(
    "sentence",
    [
        "See your GP before the pain gets worse.",
        "Talk to your doctor or pharmacist if these side effects bother you or do not go away.",
        "Tell your GP if your walking is slowly getting worse while you are on the waiting list.",
        "If you have new numbness or weakness in a leg, see your GP before you start any new"
        " exercise programme.",
    ],
)
def test_seeing_someone_about_what_gets_worse_is_still_seeing_them(sentence):
    assert advice_level(sentence) == "see_doctor"


@pytest.mark.parametrize(
    "sentence",
    [
        "If your pain is no better 3 months after the treatment, talk to your GP or the pain"
        " clinic about other options.",
        "If your pain is no better after 6 weeks, book with me directly at reception.",
        "Book a clinic appointment if pain lasts more than two weeks despite these changes.",
        "If back pain has not eased after 4 to 6 weeks, book with the FCP through reception.",
    ],
)
def test_talking_to_someone_or_booking_when_it_does_not_get_better_is_a_visit(sentence):
    assert advice_level(sentence) == "see_doctor"


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("If they cannot feel their legs, do not lift them or move their head.", "emergency"),
        ("Do not move someone who may have injured their spine after a fall.", "emergency"),
        (
            "After a fall with tingling in your arms, do not let anyone remove your hat.",
            "emergency",
        ),
        ("Do not move your head quickly when you get up.", "caution"),
        ("Don't lift heavy things over your head.", "caution"),
    ],
)
def test_first_aid_for_a_suspected_spinal_injury_is_an_emergency(sentence, level):
    assert advice_level(sentence) == level


JOURNAL = """title:: Journals export 2025-03-10 to 2025-03-16
tags:: back-flare, health

- ## [[Mar 11th, 2025]]
\t- DONE GP phone call with [[Dr Okafor]]
\t\t- she says it sounds like the L4 nerve root again
\t\t- added [[co-codamol]] 30/500 at night
\t\t- if my foot goes weak or I get a numb saddle area: 999 or A&E straight away
\t- TODO book [[Physio - Jo]]
- ## [[Mar 12th, 2025]]
\t- DONE physio video call with Jo
\t\t- routine, 3 times a day:
\t\t\t- [[Femoral nerve slider]] lying on my right side, 10 reps
\t\t\t- [[Knee rolls]] 10 each side
\t\t\t- [[Walking]] 10 minutes, flat ground
\t\t- rebook if it isn't clearly better in 2 weeks
"""


def test_a_journal_s_done_tasks_keep_what_came_of_them():
    document = clean_document(parse_document(JOURNAL, "markdown"))
    kept = " ".join(texts_of(document))
    assert "she says it sounds like the L4 nerve root again" in kept
    assert "added co-codamol 30/500 at night" in kept
    assert "Knee rolls 10 each side" in kept
    assert "DONE" not in kept and "TODO" not in kept
    plan = analyse(JOURNAL.encode(), "journal.md")
    assert "Journals export" not in plan.pages[0].title
    assert not any("Journals export" in name for name in plan.pages[0].alternate_names)
    exercises = {
        e["name"]: e["dose"]
        for p in plan.pages
        for b in p.blocks
        if b.type == "exercise_list"
        for e in b.value["exercises"]
    }
    assert list(exercises) == ["Femoral nerve slider", "Knee rolls", "Walking"]
    assert exercises["Knee rolls"]["repetitions"] == 10
    assert exercises["Knee rolls"]["per_side"]
    assert {dose["times_per_day"] for dose in exercises.values()} == {3}
    levels = {w["severity"] for w in warnings_of(plan)}
    assert {"emergency", "see_doctor"} <= levels


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("if I get a numb saddle area or wee problems: 999 or A&E straight away", "emergency"),
        ("rebook if it isn't clearly better in 2 weeks", "see_doctor"),
        ("makes me drowsy so NO driving while I'm on it", "caution"),
    ],
)
def test_a_patient_s_own_notes_of_what_to_do_are_advice(sentence, level):
    assert advice_level(sentence) == level


def test_a_line_of_navigation_links_still_goes():
    document = clean_document(
        parse_document(
            "# Sciatica\n\nUp: [[Back pain MOC]] · Related: [[Discitis]]\n\n"
            "Sciatica is pain down the leg from a nerve in the back.\n\n"
            "**Backlinks (3):** [[A]] [[B]] [[C]]\n",
            "markdown",
        )
    )
    kept = " ".join(texts_of(document))
    assert "Related" not in kept and "Backlinks" not in kept


REPORT = """MEDICAL REPORT - EXTRACT
Claimant:             Mr John SMITH (DOB 03/09/1988)
Instructing party:    Hill Law LLP, Leeds
Expert:               Mr A. Pryce FRCS
                      Consultant Orthopaedic Surgeon
Date of accident:     14/08/2024
Date of report:       10/01/2025

1. INTRODUCTION
1.1 I am instructed by Hill Law LLP to report on injuries said to result from a collision.
1.2 My overriding duty is to the court.

9. OPINION AND PROGNOSIS
9.1 On balance, the Claimant sustained a soft tissue injury (sprain) of the thoracic spine.
9.2 He should avoid lifting loads over 15 kg at work for the next three months.
9.3 I have advised him to see his GP if his symptoms have not improved in 3 months.

Signed: A. Pryce                               Date: 10/01/2025
"""


def test_a_report_s_header_fields_and_numbered_paragraphs_are_read_as_such():
    document = clean_document(parse_document(REPORT, "text"))
    headings = [s.heading for s in document.sections if s.heading]
    assert "OPINION AND PROGNOSIS" in headings
    kept = " ".join(texts_of(document))
    assert "Instructing party" not in kept and "Consultant Orthopaedic Surgeon" not in kept
    assert "9.2" not in kept and "My overriding duty" not in kept
    plan = analyse(REPORT.encode(), "report.txt")
    assert plan.pages[0].title == "Thoracic spine soft tissue injury"
    levels = sorted(w["severity"] for w in warnings_of(plan))
    assert levels == ["caution", "see_doctor"]


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("Wear and tear of the spine with age", ""),
        ("stress fracture of the pars interarticularis", "Pars interarticularis stress fracture"),
        ("Risk of injury of the spine", ""),
    ],
)
def test_only_an_injury_itself_is_renamed_by_its_part(name, named):
    assert injury_by_part(name) == named


def test_what_a_diagnosis_causes_is_no_part_of_its_name():
    assert (
        diagnosed_condition("Diagnosis: right L5 disc prolapse causing sciatica", default_rules())
        == "Disc prolapse"
    )


def test_exercises_a_speaker_announces_by_count_are_named_one_a_sentence():
    plan = analyse(
        b"Back pain in grandparents\n\nLifting a toddler in and out of a car seat strains the"
        b" lower back.\n\nThree simple ones, every morning. Knee rolls on the bed, ten each"
        b" side. Bridges, lifting your bottom and holding for five seconds, ten times. And sit"
        b" to stand from a kitchen chair, ten times.\n",
        "phone_in.txt",
    )
    assert exercises_of(plan) == ["Knee rolls", "Bridges", "Sit to stand"]


def test_an_announced_count_of_spoken_exercises_keeps_their_markers_out_of_names():
    plan = analyse(
        b"Camptocormia\n\nCamptocormia is a forward bend of the trunk.\n\nThree exercises,"
        b" all of them morning and evening. First, the wall stand: heels against a wall, hold"
        b" for 10 seconds, and do that 5 times. Second, the prone lift: lying on your front,"
        b" lift your head, 8 times.\n",
        "podcast.txt",
    )
    assert exercises_of(plan) == ["Wall stand", "Prone lift"]


@pytest.mark.parametrize(
    "line",
    [
        "[TRAFFIC UPDATE - Sam on the Bay traffic desk]",
        "The M6 southbound is slow between junctions 34 and 33 after an earlier breakdown.",
        "Next week it's hay fever season already. Lines open from 9.30.",
        "Calls cost your standard network rate. Texts cost 50p plus your network rate.",
        "Bay 103.4 is part of Coastline Radio Group. Transcript ID BAY-MS-250306.",
    ],
)
def test_a_radio_show_s_travel_news_and_call_costs_are_chrome(line):
    assert chrome_reason(line) == "chrome: broadcast script"


BILINGUAL = """# Poen cefn mewn ffermwyr / Back pain in farmers

Mae poen cefn yn gyffredin iawn ymysg pobl sy'n gweithio ar ffermydd.

Back pain is very common among people who work on farms.

Y newyddion da yw bod y rhan fwyaf o boen cefn yn gwella o fewn ychydig wythnosau.

The good news is that most back pain gets better within a few weeks.

Daliwch ati i symud, hyd yn oed os yw'n brifo ychydig.

Keep moving, even if it hurts a little.

> **Meddyginiaethau / Medicines:** Check with a pharmacist before taking ibuprofen if you have
> asthma.

Oedd y dudalen hon yn ddefnyddiol? / Was this page helpful? [Yes](#) [No](#)
"""


def test_a_bilingual_page_keeps_the_halves_of_its_title_and_labels_in_its_language():
    document = clean_document(parse_document(BILINGUAL, "markdown"))
    assert document.title == "Back pain in farmers"
    kept = " ".join(texts_of(document))
    assert "Medicines: Check with a pharmacist" in kept
    assert "Meddyginiaethau" not in kept and "helpful" not in kept
    flagged = " ".join(flag.text for flag in document.flags)
    assert "Poen cefn mewn ffermwyr" in flagged and "Meddyginiaethau" in flagged


def test_a_form_s_programme_with_dots_leading_to_each_dose_is_an_exercise_list():
    plan = analyse(
        b"Juvenile osteoporosis\n\nJuvenile osteoporosis makes a child's bones thin.\n\n"
        b"SECTION D - PHYSIOTHERAPY PROGRAMME\n"
        b"  1. Wall push-ups ............ 2 sets of 10\n"
        b"  2. Heel raises .............. 3 sets of 10\n"
        b"  3. Sit to stand ............. 2 sets of 8\n\n"
        b"Contact numbers\n\nPhysiotherapy reception ........ 01632 960 881\n",
        "form.txt",
    )
    assert exercises_of(plan) == ["Wall push-ups", "Heel raises", "Sit to stand"]
    kept = " ".join(str(b.value) for p in plan.pages for b in p.blocks)
    assert "01632 960 881" not in kept


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Wall push-ups ............ 2 sets of 10", 1),
        ("Spinal ward, 24 hours ............ 01632 960 441 Out of hours, call NHS 111", 2),
    ],
)
def test_dots_leading_to_a_dose_end_no_sentence(text, count):
    assert len(split_sentences(text)) == count


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Hannah Okoye¹, Liam Brennan¹, Sunita Raval², Mark Treharne¹ ³", "journal metadata"),
        ("¹ Emergency Department, Wyeford General Hospital, UK", "journal metadata"),
        ("Abstract accepted for poster presentation. Not peer reviewed.", "journal metadata"),
        (
            "**Poster P-117** · Theme: Urgent and emergency care · Hall B, board 42",
            "journal metadata",
        ),
        ("Scan the QR code for the full pathway and red flag checklist. ▣", "other formats"),
        ("Consultant in Pain Medicine · GMC 6123456 · 14 years' experience", "byline"),
        ("View profile", "byline"),
    ],
)
def test_a_poster_s_authors_and_a_booking_page_s_bio_lines_are_chrome(line, reason):
    assert chrome_reason(line) == f"chrome: {reason}"


@pytest.mark.parametrize("line", ["Red flags²", "Back pain affects 80% of adults²."])
def test_a_line_with_a_footnote_marker_is_no_author_list(line):
    assert chrome_reason(line) == ""


def test_a_patient_story_is_about_what_the_storyteller_was_diagnosed_with():
    plan = analyse(
        b'<h1>Gareth\'s story: "I thought my legs were just getting old"</h1>'
        b"<figure><figcaption>Gareth with his physiotherapist in the gym.</figcaption></figure>"
        b"<p>Gareth, 61, drove buses for thirty years. Eighteen months ago he was diagnosed"
        b" with subacute combined degeneration of the spinal cord, a rare condition caused by"
        b" a lack of vitamin B12.</p><p>My feet were numb and I kept tripping.</p>",
        "story.html",
    )
    assert plan.pages[0].title == "Subacute combined degeneration of the spinal cord"
