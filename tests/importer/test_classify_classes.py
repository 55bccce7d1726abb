"""Classes of classification failure, each specified on short articles written for the test.

Every test names a class of failure (not an article): the subject chosen from the wrong
place, list items that are not names, negated treatments, warnings by keyword, medicines
that vanish, structure that is lost. The articles are our own few-line writing in the
shapes real sites use; the assertions are what an editor would expect.
"""

from importlib.util import find_spec

import pytest

from back_health.importer.names import strip_tags
from back_health.importer.plan import Action, Kind, Severity
from back_health.imports.service import analyse


def plan_of(text, name="article.md"):
    return analyse(text.encode(), name)


def written(plan, kind=None):
    return {
        p.title
        for p in plan.pages
        if p.include and p.action != Action.SUGGEST and (kind is None or p.kind == kind)
    }


def suggested(plan):
    return {p.title for p in plan.pages if p.action == Action.SUGGEST}


def warnings_of(plan):
    return [b.value for p in plan.pages for b in p.blocks if b.type == "warning"]


def warning_with(plan, phrase):
    phrase = phrase.lower()
    for value in warnings_of(plan):
        text = (strip_tags(value["text"]) + " " + " ".join(value["items"])).lower()
        if phrase in text:
            return value
    return None


def exercise_lists(plan):
    return [b.value for p in plan.pages for b in p.blocks if b.type == "exercise_list"]


def body_text(page):
    return " ".join(str(b.value) for b in page.blocks)


# -- 1. the main subject ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "subject"),
    [
        (
            "---\ntitle: Hello world\n---\n\n# Hello world\n\nNeck strain is a stretched or"
            " torn neck muscle. Neck strain often follows a long drive.\n\n## Causes\n\n"
            "Neck strain is usually caused by poor posture.\n",
            "Neck strain",
        ),
        (
            "# Frequently asked questions about coccydynia\n\n## What is coccydynia?\n\n"
            "Coccydynia is pain in the tailbone. Coccydynia is more common in women.\n",
            "Coccydynia",
        ),
        (
            "# 5 stretches for piriformis syndrome\n\nPiriformis syndrome happens when a"
            " buttock muscle irritates the sciatic nerve.\n\n## 1. Seated twist\n\nSit tall"
            " and turn to one side. Hold for 20 seconds.\n",
            "Piriformis syndrome",
        ),
        (
            "# Signs\n\nFrozen shoulder makes the shoulder stiff and painful. Frozen shoulder"
            " lasts months.\n\n## Treatment\n\nFrozen shoulder usually gets better with"
            " exercises.\n",
            "Frozen shoulder",
        ),
        (
            "# Looking after neck strain at home\n\nMost neck strain settles within two"
            " weeks. Neck strain is eased by keeping the neck moving. If neck strain lasts"
            " longer, ask a physiotherapist.\n",
            "Neck strain",
        ),
        (
            "# A gentle evening routine for plantar fasciitis\n\nThese stretches ease"
            " plantar fasciitis when done daily. Plantar fasciitis pain is worst in the"
            " morning.\n\n## 1. Towel stretch\n\nPull the towel towards you. Hold for 30"
            " seconds.\n",
            "Plantar fasciitis",
        ),
        (
            "# Nobody told me it would last: living with chronic neck pain\n\nMillions of"
            " us have neck pain at some point. For some, chronic neck pain stays for months."
            " Chronic neck pain is pain lasting more than three months.\n",
            "Chronic neck pain",
        ),
        (
            "# Neck fractures after a fall: odontoid fractures in older people\n\nAn"
            " odontoid fracture is a break in the peg of the second neck bone. Odontoid"
            " fractures are common after a fall in people over 80. An odontoid fracture is"
            " often missed.\n",
            "Odontoid fractures in older people",
        ),
        (
            "Risk factors for chronic neck pain in office workers: a survey\n\nWe asked"
            " 400 office workers about chronic neck pain. Chronic neck pain was more common"
            " in those who worked long hours. Chronic neck pain also followed poor sleep.\n",
            "Chronic neck pain",
        ),
        (
            "Patient talk\n\nThe cervical myelopathy clinic sees about 200 people a year."
            " Cervical myelopathy is pressure on the spinal cord in the neck. Myelopathy"
            " can cause clumsy hands. Cervical myelopathy is often missed at first.\n",
            "Cervical myelopathy",
        ),
        (
            "# MRI shows a pars cyst at L5 - should I be worried?\n\nI had a scan for"
            " my back and the report mentions a small cyst. What does it mean?\n",
            "Pars cyst",
        ),
        (
            "# Neck pain with arm pain in older adults: recommendations\n\nThese"
            " recommendations cover neck pain with arm pain. Neck pain is common. Neck pain"
            " with arm pain often comes from a nerve.\n",
            "Neck pain with arm pain",
        ),
        (
            "# Tarlov Cyst Support Group UK\n\nWe share what has helped us live with a"
            " Tarlov cyst: pacing, heat and a good pain clinic. Members meet online every"
            " month.\n",
            "Tarlov cyst",
        ),
        (
            "==========================\n"
            " MY SYMPTOM DIARY: CERVICAL RADICULOPATHY (TRAPPED NERVE)\n"
            " Westbury Spinal Service | Form 12 | v2 03/2024\n"
            "==========================\n\n"
            "Write down your arm pain each evening and bring this diary to clinic. Cervical"
            " radiculopathy is a trapped nerve in the neck.\n",
            "Cervical radiculopathy",
        ),
        (
            "# Quiz: how much do you know about osteoporosis?\n\nTest yourself with six"
            " questions. Back pain is common, and back pain can have many causes.\n\n"
            "## Question 1\n\nWhich bones break most often in osteoporosis? Back pain is"
            " the usual sign of a broken vertebra.\n",
            "Osteoporosis",
        ),
        (
            "# Playing-related neck pain in string players\n\nNeck pain is common in"
            " string players. Playing-related neck pain settles with changes to how you"
            " hold the instrument.\n",
            "Playing-related neck pain in string players",
        ),
    ],
    ids=[
        "front-matter-placeholder",
        "faq-genre",
        "exercise-genre",
        "first-heading-signs",
        "care-phrase-around-the-name",
        "routine-phrase-around-the-name",
        "headline-then-subtitle-naming-it",
        "subtitle-condition-named-without-its-qualifier",
        "study-title-around-the-name",
        "qualified-name-used-for-most-mentions",
        "condition-inside-a-question",
        "population-after-a-long-name",
        "support-group-name-around-the-condition",
        "service-name-after-a-capitalised-title",
        "quiz-genre-and-question",
        "hyphenated-modifier-kept",
    ],
)
def test_the_subject_is_the_best_scored_candidate_not_a_genre_word_or_placeholder(article, subject):
    plan = plan_of(article)
    assert plan.main_page.title == subject
    assert plan.main_page.kind == Kind.CONDITION
    assert any(d.as_ == "subject" for d in plan.decisions), "the choice is recorded"


def test_a_condition_named_mostly_by_its_abbreviation_is_the_subject_of_an_untitled_column():
    plan = plan_of(
        "# Ask the expert: why do my hands tingle?\n\n*Our panel answers your questions.*\n\n"
        "**Dear expert,** my fingers go numb when I hold my arms up.\n\nCarpal tunnel"
        " syndrome (CTS) happens when a nerve in the wrist is squeezed. CTS is common in"
        " pregnancy. Splints at night ease CTS for most people.\n",
        "ask-the-expert-7.md",
    )
    assert plan.main_page.title == "Carpal tunnel syndrome"


def test_the_condition_the_text_names_most_never_runs_across_a_comma():
    from back_health.importer.classify.subject import _normalised, most_named_condition
    from back_health.importer.rules import default_rules

    rules = default_rules()
    text = "Seen today by our senior physiotherapist, spinal injury clinic."
    body = f" {_normalised(text, rules)} "
    assert most_named_condition(body, rules, least=1) == "Spinal injury"


READERS_QA = """\
# Hillside Pharmacy Newsletter

## Ask the Pharmacist: your back pain questions

### "My GP gave me diazepam for a back spasm. Is that a sleeping tablet?" - Sheila, Leeds

Diazepam is best known for anxiety, but at low doses it also relaxes muscles, so it is
sometimes prescribed for a few days when back pain comes with a spasm.

### "Can I buy Robaxacet here for my back pain?" - Mark, visiting from Ottawa

Not over the counter. Paracetamol on its own is a sensible stand-by for back pain.

### "Are gels any good for back pain?" - Priya, by email

They can help, especially for pain near the surface of the back.
"""


def test_a_readers_question_heading_is_kept_without_who_asked_and_answers_no_subject():
    plan = plan_of(READERS_QA, "newsletter.md")
    assert plan.main_page.title == "Back pain"
    headings = [b.value["text"] for b in plan.main_page.blocks if b.type == "heading"]
    assert '"Can I buy Robaxacet here for my back pain?"' in headings
    text = " ".join(str(b.value) for p in plan.pages for b in p.blocks)
    for reader in ("Sheila", "Ottawa", "by email"):
        assert reader not in text


def test_an_abbreviation_spelled_out_after_it_counts_as_its_words():
    plan = plan_of(
        "# Ask the physio\n\nThe TFL (tensor fasciae latae) is a small hip muscle. A TFL"
        " strain hurts at the front of the hip. Most TFL strain settles in weeks, and a TFL"
        " strain rarely needs a scan.\n"
    )
    assert plan.main_page.title == "Tensor fasciae latae strain"


def test_a_host_line_is_no_title_and_a_long_name_is_counted_whole():
    plan = plan_of(
        "Host: Sam Reid\n\nEpisode 12 notes\n\nThis week we talk about failed back surgery"
        " syndrome. Failed back surgery syndrome is pain that lasts after spine surgery. Many"
        " people with failed back surgery syndrome improve with a pain management programme.\n",
        "episode-12.txt",
    )
    assert plan.main_page.title == "Failed back surgery syndrome"


def test_a_condition_the_text_defines_is_the_subject_though_the_vocabulary_lacks_it():
    plan = plan_of(
        "# Northfield Clinic Video Series, Episode 9\n\nHello and welcome. Today we look at"
        " Tietze syndrome's cousin. Rib glarbism is a condition where the muscles along"
        " the ribs ache after coughing. Rib glarbism settles in weeks. People with"
        " rib glarbism should rest from sport.\n",
        "episode-9.md",
    )
    assert plan.main_page.title == "Rib glarbism"


def test_the_thing_a_what_is_heading_asks_about_is_the_subject_of_a_notice():
    plan = plan_of(
        "HARBOUR RFC - PLAYER WELFARE NOTICE No. 4\n\nPlease display in the clubhouse.\n\n"
        "What is a burner?\n\nA burner is a sudden stretch of the nerves of the arm in a"
        " tackle. A burner usually settles in minutes. Any player with a burner comes off.\n",
        "notice-4.txt",
    )
    assert plan.main_page.title == "Burner"


def test_a_condition_defined_after_the_chrome_of_a_digest_is_its_subject():
    plan = plan_of(
        "Spine Friends Digest, Vol 3, Issue 2\n\nToday's Topics:\n\n1. new pain\n\n"
        "Message: 1\n\nHi all, I have new pain above my fusion.\n\nMessage: 2\n\n"
        "Junctional kyphosis syndrome is a forward bend just above a long fusion. It can"
        " need more surgery.\n",
        "digest.txt",
    )
    assert plan.main_page.title == "Junctional kyphosis syndrome"


@pytest.mark.parametrize(
    "title", ["Know the signs of cauda equina syndrome", "Learn about cauda equina syndrome"]
)
def test_an_instruction_title_offers_the_condition_it_ends_in(title):
    plan = plan_of(
        f"# {title}\n\nMost back pain is not serious. A rare problem, cauda equina syndrome,"
        " needs treatment in hospital. Back pain with numbness needs a check. Back pain"
        " usually settles. Back pain is common.\n"
    )
    assert plan.main_page.title == "Cauda equina syndrome"


def test_a_placeholder_title_and_the_file_name_never_name_the_page():
    plan = plan_of(
        "<html><head><title>New Page 2</title></head><body><p>Welcome to our pages.</p>"
        "<p>We hope you find what you need here and come back again soon.</p></body></html>",
        "frontpage-export-2.html",
    )
    assert plan.main_page.title == "Untitled article"
    assert "no_title" in {f.kind for f in plan.flags}


def test_a_genre_label_before_a_heading_and_a_bare_symptom_word_name_no_subject():
    plan = plan_of(
        "Dear Ms Hale\n\nPain is expected for a few weeks and pain usually eases by six"
        " weeks. Pain at night is common.\n\nADVICE SHEET: Coccyx fracture\n\nA coccyx"
        " fracture is a break in the tailbone, usually after a fall onto it.\n",
        "letter.txt",
    )
    assert plan.main_page.title == "Coccyx fracture"
    assert "Advice sheet" not in plan.main_page.alternate_names


@pytest.mark.parametrize(
    "label",
    [
        "PRESS RELEASE",
        "Saved chat",
        "Revision notes",
        "INSTRUCTIONS FOR USE",
        "User guide",
        "Your MRI report",
    ],
)
def test_a_title_naming_the_kind_of_document_is_no_subject(label):
    plan = plan_of(
        f"{label}\n\nWhiplash is a neck injury from a sudden jolt. Whiplash usually gets"
        " better in weeks. Whiplash pain can spread to the shoulders.\n",
        "document.txt",
    )
    assert plan.main_page.title == "Whiplash"


@pytest.mark.parametrize(
    "clinic",
    ["RIVERSIDE BACK & BODY CLINIC", "Riverside Back & Body Clinic", "HILLTOP MEDICAL CENTRE"],
)
def test_a_clinic_name_as_the_title_is_no_subject(clinic):
    plan = plan_of(
        f"{clinic}\n\nSpring newsletter\n\nA disc bulge (sometimes called a bulging disc) is"
        " when a disc spreads a little past its edge. Most disc bulges cause no trouble.\n",
        "newsletter.txt",
    )
    assert plan.main_page.title == "Disc bulge"


@pytest.mark.parametrize("title", ["Untangling tech neck", "Yoga for forward head posture"])
def test_a_name_the_text_defines_with_is_when_is_the_subject(title):
    plan = plan_of(
        f"# {title}\n\nLook around any train and you will see it. Forward head posture is"
        " when your head sits in front of your shoulders. Over months forward head posture"
        " can leave you with neck pain and headaches.\n"
    )
    assert plan.main_page.title == "Forward head posture"


@pytest.mark.parametrize("suffix", ["Explained", "at a Glance", "Made Simple"])
def test_a_title_that_says_it_explains_names_what_it_explains(suffix):
    plan = plan_of(
        f"# Is It Your Hip? Piriformis Syndrome {suffix}\n\nThe piriformis muscle in the"
        " buttock can press on the sciatic nerve. Stretching helps most people.\n"
    )
    assert plan.main_page.title == "Piriformis syndrome"


@pytest.mark.parametrize(
    "masthead",
    [
        "Harbour Health Guides\nUpdated 3 March 2025 | Reading time: 6 minutes",
        "NORTHGATE OCCUPATIONAL HEALTH LTD\nGuidance Note 7 | Version 2 | Issued May 2025",
    ],
)
def test_a_masthead_line_before_the_real_title_of_plain_text_is_not_the_subject(masthead):
    plan = plan_of(
        f"{masthead}\n\nPiriformis syndrome: the complete guide\nEverything you need to"
        " know\n\nWhat is piriformis syndrome?\n\nThe piriformis muscle in the buttock can"
        " press on the sciatic nerve. It causes pain in the buttock and down the leg.\n\n"
        "How is piriformis syndrome treated?\n\nStretching the muscle every day usually"
        " helps.\n",
        "guide.txt",
    )
    assert plan.main_page.title == "Piriformis syndrome"


@pytest.mark.parametrize(
    ("article", "subject"),
    [
        (
            "# Muscle relaxants for back spasms\n\nMuscle relaxants such as diazepam are"
            " sometimes used for a few days when back spasms are severe. Muscle relaxants"
            " can make you drowsy.\n\n## Side effects\n\nMuscle relaxants cause"
            " dizziness.\n",
            "Muscle relaxants",
        ),
        (
            "# Acupuncture for neck pain\n\nAcupuncture uses fine needles placed in the"
            " skin. Some people find acupuncture eases neck pain for a while. Acupuncture"
            " sessions last about 30 minutes.\n",
            "Acupuncture",
        ),
        (
            "# Naproxen 250 mg tablets\n\nNaproxen is an anti-inflammatory painkiller. Take"
            " naproxen with food. Naproxen (Naprosyn) is on prescription.\n",
            "Naproxen 250 mg tablets",
        ),
        (
            "# Your recovery after a lumbar discectomy\n\nMost people go home the next day."
            " Walk a little more each day.\n",
            "Lumbar discectomy",
        ),
        (
            "# Microdiscectomy recovery (L5/S1)\n\nMy leg pain was gone the day after."
            " Leg pain came back a little in week 2. Leg pain is normal, the nurse said, and"
            " the leg pain settled again.\n",
            "Microdiscectomy",
        ),
        (
            "# StrideWell sacroiliac support belt\n\nA firm elastic belt worn around the"
            " hips. Back pain in pregnancy often eases when the belt is worn for walking.\n"
            "\nBack pain returns for some people. Back pain is common.\n",
            "StrideWell sacroiliac support belt",
        ),
        (
            "# Using a kneeling chair\n\nA kneeling chair tilts the hips forward. Back pain"
            " from slouching eases for some people on a kneeling chair. Back pain is common."
            " A kneeling chair suits short spells of desk work.\n",
            "Kneeling chair",
        ),
    ],
    ids=[
        "medicine-class-for-a-condition",
        "therapy-for-a-condition",
        "medicine-with-its-form",
        "recovery-after-an-operation",
        "recovery-named-after-the-operation",
        "a-device-product-page",
        "using-an-aid",
    ],
)
def test_a_treatment_heading_the_title_is_the_subject_not_the_condition_it_treats(article, subject):
    plan = plan_of(article)
    assert plan.main_page.title == subject
    assert plan.main_page.kind == Kind.TREATMENT


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("POSTERIOR LUMBAR DECOMPRESSION AND FUSION", "Posterior lumbar decompression and fusion"),
        (
            "Anterior cervical discectomy and fusion (ACDF)",
            "Anterior cervical discectomy and fusion",
        ),
    ],
)
def test_an_operation_named_by_its_two_steps_is_the_subject_not_a_symptom_it_eases(title, subject):
    plan = plan_of(
        f"Hillfoot Hospital    Physiotherapy\n\n{title}\nAdvice after your operation\n\n"
        "Leg pain is why most people have the operation. Leg pain often eases within days,"
        " though some leg pain can last a few weeks.\n\nWalk a little further each day.\n",
        "leaflet.txt",
    )
    assert plan.main_page.title == subject
    assert plan.main_page.kind == Kind.TREATMENT


@pytest.mark.parametrize(
    "title",
    [
        "Why do cyclists get neck pain?",
        "How do office workers end up with neck pain?",
        "Why do I keep getting neck pain?",
    ],
)
def test_a_title_asking_why_people_get_a_condition_names_it(title):
    plan = plan_of(
        f"# {title}\n\nHours in one position tire the muscles at the back of the neck."
        " Most back pain and neck pain settles. Back pain is common too, and back pain at"
        " work is often blamed on chairs.\n"
    )
    assert plan.main_page.title == "Neck pain"


def test_a_leaflet_headline_under_a_department_masthead_names_the_subject():
    plan = plan_of(
        "ST ANNE'S HOSPITAL\nDepartment of Orthopaedics and Spinal Surgery\n\n"
        "WEARING A SPINAL BRACE AFTER A THORACOLUMBAR FRACTURE\n\nYour consultant has"
        " decided that a brace is the best treatment for you.\n\nWhat is a thoracolumbar"
        " fracture?\n\nA thoracolumbar fracture is a break in a bone where the upper back"
        " meets the lower back. It heals in about 12 weeks.\n\n"
        "Caring for your brace\n\nA back brace supports the spine while the bone heals."
        " Wipe the brace clean every day.\n",
        "leaflet.txt",
    )
    assert plan.main_page.title == "Spinal brace"
    assert plan.main_page.kind == Kind.TREATMENT
    assert written(plan, Kind.TREATMENT) == {"Spinal brace"}


def test_a_stiffness_the_title_answers_with_is_the_subject():
    plan = plan_of(
        "# Stiff at the desk? Thoracic stiffness\n\nA tight band across the middle of the back"
        " is common in office work. Upper back pain often comes with it, and upper back pain"
        " eases when you move more.\n\n## What helps\n\nMove every 30 minutes.\n"
    )
    assert plan.main_page.title == "Thoracic stiffness"


def test_a_title_naming_what_the_text_defines_beats_a_symptom_in_its_subtitle():
    plan = plan_of(
        "# Gamer's thumb: why your controller is giving you wrist pain\n\nGamer's thumb,"
        " sometimes called controller thumb, is wrist and thumb pain brought on by long"
        " sessions gripping a controller. Wrist pain from gamer's thumb usually settles."
        " Wrist pain that lasts needs a check.\n\n## What helps\n\nRegular breaks help"
        " gamer's thumb. Gamer's thumb rarely needs a splint.\n"
    )
    assert plan.main_page.title == "Gamer's thumb"


@pytest.mark.parametrize("title", ["Stretches for sciatica", "Yoga for sciatica: five poses"])
def test_a_general_or_self_care_activity_heading_the_title_is_not_the_subject(title):
    plan = plan_of(
        f"# {title}\n\nSciatica is pain down the leg from an irritated"
        " nerve. Sciatica often eases with gentle movement.\n\n## 1. Knee hug\n\nHug one"
        " knee to your chest. Hold for 20 seconds.\n"
    )
    assert plan.main_page.title == "Sciatica"
    assert plan.main_page.kind == Kind.CONDITION


# -- 2. list items are names, bare mentions are suggestions ---------------------------------


def test_advice_verbs_and_fragments_in_a_causes_list_are_not_pages():
    plan = plan_of(
        "# Tension headache\n\nTension headache is a dull band of pain around the head.\n\n"
        "## Causes\n\nCommon triggers include:\n\n- stress\n- Vary your working position\n"
        "- Happens occasionally\n- 15-20 minutes at a time\n- Smoke\n"
    )
    pages = {t.lower() for t in written(plan) | suggested(plan)}
    assert "stress" in pages
    assert not any(t[:1].isdigit() for t in pages)
    if find_spec("lemminflect"):  # the optional part-of-speech lexicon knows verbs
        for fragment in ("vary your working position", "happens occasionally"):
            assert fragment not in pages


def test_without_the_lexicon_verbs_are_not_guessed(monkeypatch):
    from back_health.importer import names

    monkeypatch.setattr(names, "lemma_lookup", lambda: None)
    names.opens_with_verb.cache_clear()
    try:
        assert not names.opens_with_verb("Vary")
    finally:
        names.opens_with_verb.cache_clear()


def test_a_label_glued_to_its_explanation_is_split():
    plan = plan_of(
        "# Neck pain\n\nNeck pain is common in office workers.\n\n## Causes\n\n"
        "- Poor posture: looking down at a phone for hours strains the neck.\n"
        "- Whiplash - a sudden jolt of the head in a car crash.\n"
    )
    titles = {t.lower() for t in written(plan) | suggested(plan)}
    assert "poor posture" in titles
    assert not any("looking" in t for t in titles)


def test_types_of_a_condition_are_conditions():
    plan = plan_of(
        "# Scoliosis\n\nScoliosis is a sideways curve of the spine.\n\n"
        "## Types of scoliosis\n\n- Idiopathic scoliosis: no known cause, most common in"
        " teenagers.\n- Congenital scoliosis: the spine forms unevenly before birth.\n"
    )
    conditions = {p.title for p in plan.pages if p.kind == Kind.CONDITION}
    assert {"Idiopathic scoliosis", "Congenital scoliosis"} <= conditions
    assert not {p.title for p in plan.pages if p.kind == Kind.TREATMENT} & conditions


def test_a_bare_mention_is_suggested_and_a_described_entity_is_written():
    plan = plan_of(
        "# Lumbar strain\n\nLumbar strain is an overstretched muscle in the lower back.\n\n"
        "## Treatment\n\n- Heat: a warm pack relaxes the muscle and eases the spasm for an"
        " hour or two.\n- Massage\n"
    )
    assert "Heat therapy" in written(plan) or "Heat" in written(plan)
    assert "Massage" in suggested(plan)
    massage = next(p for p in plan.pages if p.title == "Massage")
    assert massage.include is False and massage.reason


@pytest.mark.parametrize("label", ["Key takeaways", "At a glance", "The bottom line", "In brief"])
def test_a_summary_box_label_under_a_causes_title_is_no_cause(label):
    plan = plan_of(
        f"# Five common causes of neck pain\n\n## {label}\n\nMost neck pain comes from"
        " posture and strain and settles in weeks.\n\n## Poor posture\n\nHours looking"
        " down at a phone strain the muscles at the back of the neck.\n"
    )
    assert label not in {p.title for p in plan.pages}
    assert "Poor posture" in {p.title for p in plan.pages}


@pytest.mark.parametrize("label", ["Key takeaways", "At a glance", "The bottom line", "Key facts"])
def test_a_summary_box_label_over_causes_is_no_page(label):
    plan = plan_of(
        "<html><head><title>Adult scoliosis</title></head><body><h1>Adult Scoliosis: What"
        " Causes It and How It's Treated</h1>"
        f"<aside><h2>{label}</h2><ul><li>Adult scoliosis is a sideways curve of the spine.</li>"
        "<li>Wear of the discs and small joints is the usual cause.</li>"
        "<li>Most people manage well with exercise.</li></ul></aside>"
        "<p>Adult scoliosis is a curve that starts after 50.</p><p>About 1 in 10 people over"
        " 60 have it.</p>"
        "<h2>Treatment</h2><p>Physiotherapy builds strength and balance over a few months.</p>"
        "</body></html>",
        "adult-scoliosis.html",
    )
    assert label not in {p.title for p in plan.pages}


@pytest.mark.parametrize(
    "name", ["Age", "Older age", "Being female", "Genetics", "Medicines", "Specialist nurse"]
)
def test_a_general_word_is_never_a_cause_page_and_stays_in_the_text(name):
    plan = plan_of(
        "# Lumbar strain\n\nLumbar strain is an overstretched muscle in the lower back.\n\n"
        f"## Risk factors\n\n- {name}\n- Heavy lifting at work: lifting loads above waist"
        f" height strains the muscles.\n\n{name} is a risk factor in its own right.\n"
    )
    titles = {p.title for p in plan.pages}
    assert name not in titles
    assert "Heavy lifting at work" in titles
    assert name in body_text(plan.main_page)


# -- 3. negation and hedging --------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Bed rest is not recommended for lumbar strain.",
        "There is insufficient evidence for traction in lumbar strain.",
        "Surgery is rarely needed for lumbar strain.",
        "Surgery is never needed for lumbar strain.",
        "Surgery is only needed if a nerve is badly trapped.",
        "Traction was popular once, but it is not used for lumbar strain any more.",
        "Acupuncture did almost nothing for my lumbar strain.",
        "Traction is often tried, but trials show little benefit, so we do not routinely"
        " recommend it.",
        "Avoid acupuncture for lumbar strain, as it has not been shown to help.",
        "Bed rest makes backs stiffer and weaker and slows recovery.",
        "Traction was tested in a large trial and made no meaningful difference to pain.",
        "Surgery offers little more than a good exercise programme and carries more risk.",
        "Traction such as a hanging frame is no longer recommended for lumbar strain.",
        "Bed rest is not now advised for lumbar strain.",
        "Paracetamol on its own does little for lumbar strain, so we no longer suggest it.",
        "Acupuncture doesn't do much for lumbar strain in the trials.",
        "Bed rest isn't recommended for lumbar strain.",
        "Traction on its own is not regarded as an effective treatment.",
        "Surgery is not considered to be useful for lumbar strain.",
    ],
)
def test_an_advised_against_treatment_is_never_a_treatment_page(sentence):
    plan = plan_of(
        "# Lumbar strain\n\nLumbar strain is an overstretched muscle in the lower back.\n\n"
        f"## Treatment\n\nLumbar strain is treated with gentle movement. {sentence}\n"
    )
    negated = {"Bed rest", "Traction", "Surgery", "Acupuncture"}
    assert not negated & {p.title for p in plan.pages if p.kind == Kind.TREATMENT}
    assert not negated & {r.title for r in plan.main_page.treatments}
    assert sentence.split()[1] in body_text(plan.main_page) or sentence.split()[0] in (
        body_text(plan.main_page)
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Staying in bed for days can slow your recovery.",
        "Keeping your neck still can slow your recovery.",
        "Wearing a neck brace may delay healing.",
    ],
)
def test_a_treatment_said_to_hold_back_recovery_is_never_a_treatment_page(sentence):
    plan = plan_of(
        "# Lumbar strain\n\nLumbar strain is an overstretched muscle in the lower back.\n\n"
        "## Treatment\n\nLumbar strain is treated with gentle movement.\n\n"
        "- Painkillers: paracetamol can ease the pain so you keep moving.\n"
        "- Heat: a warm pack can relax the muscles.\n\n"
        f"Corsets are not recommended. {sentence}\n"
    )
    titles = {p.title.casefold() for p in plan.pages if p.kind == Kind.TREATMENT}
    assert not any(word in title for title in titles for word in ("bed", "brace", "still"))
    assert sentence.rstrip(".") in body_text(plan.main_page)


# -- 5. warnings by meaning -----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "About 9 in 10 people with lumbar strain get better without ever seeing a doctor.",
        "Many people never seek medical help for it and simply miss a few days of work.",
        "Bed rest is not recommended.",
        "After surgery you will see a physiotherapist twice a week.",
        "Leave that exercise out and tell your physiotherapist at your next appointment.",
    ],
)
def test_statistics_narrative_and_information_stay_text(sentence):
    plan = plan_of(
        "# Lumbar strain\n\nLumbar strain is an overstretched muscle in the lower back. "
        f"{sentence} It usually settles in a few weeks.\n"
    )
    assert warning_with(plan, sentence[:25]) is None
    assert sentence[:25] in body_text(plan.main_page) + plan.main_page.summary


@pytest.mark.parametrize(
    ("sentence", "severity"),
    [
        ("Call 999 if you suddenly cannot pass urine.", Severity.EMERGENCY),
        ("Go to A&E if you have numbness between your legs.", Severity.EMERGENCY),
        ("Ask for an urgent GP appointment if both legs feel weak.", Severity.URGENT),
        ("Call 111 if the pain is getting worse quickly.", Severity.URGENT),
        ("See a GP the same day if you have a high temperature.", Severity.URGENT),
        ("See a physiotherapist if the pain is no better after six weeks.", Severity.SEE_DOCTOR),
        ("Talk to your midwife if the pain makes it hard to walk.", Severity.SEE_DOCTOR),
        ("Check with a pharmacist before taking ibuprofen.", Severity.CAUTION),
        ("Please tell the team if you take warfarin.", Severity.CAUTION),
        ("Anyone who loses bladder control should call 999.", Severity.EMERGENCY),
        (
            "Book in with us or your GP if the pain hasn't settled after 6 weeks.",
            Severity.SEE_DOCTOR,
        ),
        ("Contact the practice if your pain is no better after 4 weeks.", Severity.SEE_DOCTOR),
        ("Contact the department if you are no better after 6 weeks.", Severity.SEE_DOCTOR),
        (
            "Book a review with your sports physician if your pain has not settled in 6 weeks.",
            Severity.SEE_DOCTOR,
        ),
        (
            "Submit an online consultation if your pain keeps coming back.",
            Severity.SEE_DOCTOR,
        ),
    ],
)
def test_severity_follows_the_action_asked(sentence, severity):
    plan = plan_of(
        "# Lumbar strain\n\nLumbar strain is an overstretched muscle in the lower back. "
        f"It usually settles in a few weeks. {sentence}\n"
    )
    found = warning_with(plan, sentence[:20])
    assert found is not None, sentence
    assert found["severity"] == severity


def test_a_caution_never_splits_a_paragraph_mid_thought():
    plan = plan_of(
        "# Lumbar strain\n\nLumbar strain is an overstretched muscle in the lower back.\n\n"
        "## Painkillers\n\nIbuprofen can ease the pain for a few days. Take it only with food,"
        " and stop if your stomach hurts.\n"
    )
    for value in warnings_of(plan):
        assert not value["text"].lstrip("<p>").lower().startswith(("take it", "them", "it "))


def test_care_card_list_under_a_when_to_get_help_heading_is_one_warning():
    plan = plan_of(
        "# Lumbar strain\n\nLumbar strain is an overstretched muscle in the lower back.\n\n"
        "## When to get help\n\nGo to A&E or call 999 if you have:\n\n"
        "- numbness around your bottom\n- loss of bladder control\n- weakness in both legs\n"
    )
    found = warning_with(plan, "loss of bladder control")
    assert found is not None and found["severity"] == Severity.EMERGENCY
    assert len(found["items"]) == 3


def test_red_flags_and_important_boxes_are_warnings():
    plan = plan_of(
        "# Lumbar strain\n\nLumbar strain is an overstretched muscle in the lower back.\n\n"
        "Red flags such as fever, weight loss or night pain require immediate evaluation.\n\n"
        "Important: tell your doctor if you are taking blood thinners.\n"
    )
    assert warning_with(plan, "night pain") is not None
    assert warning_with(plan, "blood thinners") is not None


def test_exercise_cautions_go_to_the_list_stop_if():
    plan = plan_of(
        "# Lumbar strain\n\nLumbar strain is an overstretched muscle in the lower back.\n\n"
        "## Exercises\n\nStop any exercise that sends pain down your leg.\n\n"
        "- **Pelvic tilt**: flatten your back against the floor. Repeat 10 times.\n"
        "- **Bridge**: lift your hips. Repeat 8 times.\n"
    )
    lists = exercise_lists(plan)
    assert lists and any("pain down your leg" in s for s in lists[0]["stop_if"])
    assert warning_with(plan, "pain down your leg") is None


# -- 7. medicines ---------------------------------------------------------------------------


def test_combination_and_foreign_brand_medicines_are_kept():
    plan = plan_of(
        "# Back pain\n\nBack pain is very common.\n\n## Medicines\n\n"
        "- Co-codamol (codeine with paracetamol) can help when paracetamol alone does not.\n"
        "- Tylenol, the US brand of acetaminophen, eases mild pain.\n"
    )
    generics = {m.generic.lower() for p in plan.pages for m in p.medicines}
    assert "co-codamol" in generics
    assert "paracetamol" in generics


def test_a_named_medicine_never_vanishes_from_the_page():
    plan = plan_of(
        "# Back pain\n\nBack pain is very common.\n\n## Medicines\n\n"
        "Your GP may suggest naproxen. Naproxen is an anti-inflammatory that eases pain and"
        " swelling.\n"
    )
    text = " ".join(body_text(p) + " " + p.summary for p in plan.pages).lower()
    assert "naproxen" in text


def test_a_synonym_the_text_states_names_the_page():
    plan = plan_of(
        "# Slipped disc\n\nA slipped disc, also called a prolapsed or herniated disc, is when"
        " a disc bulges out.\n"
    )
    names = {plan.main_page.title, *plan.main_page.alternate_names}
    assert {"Slipped disc", "Prolapsed disc", "Herniated disc"} <= names


# -- 8. structure ---------------------------------------------------------------------------


def test_faq_answers_stay_with_their_questions():
    plan = plan_of(
        "# Coccydynia\n\nCoccydynia is pain in the tailbone.\n\n"
        "## How long does it last?\n\nMost people feel better within a few weeks.\n\n"
        "## Can I drive?\n\nYes, with a cushion under you.\n"
    )
    text = body_text(plan.main_page)
    assert "within a few weeks" in text and "with a cushion" in text


def test_a_frequency_for_the_whole_routine_applies_to_every_exercise():
    plan = plan_of(
        "# 3 exercises for back stiffness\n\nBack stiffness is common in the morning.\n\n"
        "Do the whole routine twice a day.\n\n"
        "## 1. Pelvic tilt\n\nLie on your back and flatten it. Repeat 10 times.\n\n"
        "## 2. Cat-cow\n\nOn hands and knees, arch and sag your back. Repeat 8 times.\n\n"
        "## 3. Knee hug\n\nHug one knee, holding for 20 seconds, repeating three times.\n"
    )
    exercises = {e["name"]: e["dose"] for v in exercise_lists(plan) for e in v["exercises"]}
    assert set(exercises) == {"Pelvic tilt", "Cat-cow", "Knee hug"}
    assert all(d["times_per_day"] == 2 for d in exercises.values())
    assert exercises["Knee hug"]["repetitions"] == 3


def test_the_routines_frequency_in_the_section_before_the_list_applies_to_every_exercise():
    plan = plan_of(
        "# Pilates for neck stiffness\n\nNeck stiffness is common after desk work.\n\n"
        "## Before you start\n\nPractise this routine twice a day. Take painkillers three"
        " times a day if you need them.\n\n## The routine\n\n### Chin tuck\n\nDraw your"
        " chin back. Repeat 10 times.\n\n### Shoulder roll\n\nRoll your shoulders back."
        " Move through 8 rounds.\n"
    )
    exercises = {e["name"]: e["dose"] for v in exercise_lists(plan) for e in v["exercises"]}
    assert set(exercises) == {"Chin tuck", "Shoulder roll"}
    assert all(d["times_per_day"] == 2 for d in exercises.values())
    assert exercises["Shoulder roll"]["repetitions"] == 8


def test_a_routine_heading_over_dosed_items_is_an_exercise_list():
    plan = plan_of(
        "# Hip flexor strain\n\nA hip flexor strain is a tear in the muscles at the front of"
        " the hip.\n\n## The routine\n\nDo the whole routine once a day.\n\n1. **Clam** -"
        " lie on your side. 3 sets of 10 per leg.\n2. **Side plank** - 3 sets of 20 seconds"
        " on each side.\n3. **Dead bug** - 8 slow reps each side.\n"
    )
    exercises = {e["name"]: e["dose"] for v in exercise_lists(plan) for e in v["exercises"]}
    assert set(exercises) == {"Clam", "Side plank", "Dead bug"}
    assert exercises["Side plank"]["hold_seconds"] == 20
    assert all(d["times_per_day"] == 1 for d in exercises.values())


def test_the_summary_is_not_repeated_as_the_first_paragraph():
    plan = plan_of(
        "# Lumbar strain\n\nLumbar strain is an overstretched muscle in the lower back. It"
        " usually settles in a few weeks.\n\nGentle walking helps it heal.\n"
    )
    main = plan.main_page
    assert main.summary.startswith("Lumbar strain is an overstretched muscle")
    assert "overstretched muscle" not in body_text(main)
    assert "Gentle walking" in body_text(main)


def test_text_cut_after_a_label_reads_as_a_sentence_of_its_own():
    plan = plan_of(
        "# Lumbar strain\n\nLumbar strain is an overstretched muscle in the lower back.\n\n"
        "## Treatment\n\n"
        "- Painkillers: paracetamol or ibuprofen can ease the pain so you keep moving. Ask a"
        " pharmacist which suits you.\n"
    )
    page = next(p for p in plan.pages if p.title == "Painkillers")
    note = next(r.note for r in plan.main_page.treatments if r.title == "Painkillers")
    # What follows the label starts a sentence: a capital on the page, in its summary and
    # in the note beside the link.
    assert page.summary == (
        "Paracetamol or ibuprofen can ease the pain so you keep moving. Ask a pharmacist"
        " which suits you."
    )
    assert body_text(page).startswith("<p>Paracetamol or ibuprofen")
    assert note == "Paracetamol or ibuprofen can ease the pain so you keep moving."


def test_a_word_with_capitals_inside_keeps_its_first_letter():
    from back_health.importer.text import sentence_start

    assert sentence_start("eGFR is checked first.") == "eGFR is checked first."
    assert sentence_start("  a fall onto the back") == "  A fall onto the back"
    assert sentence_start("") == ""


def test_a_heading_that_asks_for_help_makes_its_list_a_warning():
    plan = plan_of(
        "# Lumbar strain\n\nLumbar strain is an overstretched muscle in the lower back.\n\n"
        "## Ask for an urgent GP appointment if:\n\n- you have pain on both sides\n"
        "- you feel numb in both legs\n"
    )
    found = warning_with(plan, "pain on both sides")
    assert found is not None and found["severity"] == Severity.URGENT
    assert not exercise_lists(plan)


def test_a_treatment_the_text_describes_is_written_even_outside_the_vocabulary():
    plan = plan_of(
        "# Lumbar strain\n\nLumbar strain is an overstretched muscle in the lower back.\n\n"
        "## Treatment\n\nA wobble board strengthens the small muscles around the spine.\n\n"
        "### Dry cupping\n\nA therapist places suction cups on the sore muscle for a few"
        " minutes.\n\nThe pain usually eases within two weeks.\n"
    )
    assert {"Wobble board", "Dry cupping"} <= written(plan, Kind.TREATMENT)
    assert "Pain" not in {p.title for p in plan.pages}


def test_leads_of_a_section_mixing_severities_become_their_warnings_headings_said_once():
    plan = plan_of(
        "# Neck sprain\n\nA neck sprain is a stretched ligament in the neck.\n\n"
        "## When to get help\n\nAsk for an urgent GP appointment or call 111 if:\n\n"
        "- the pain is worse after a few days\n- painkillers do not help\n\n"
        "Call 999 if:\n\n- you have numbness in both arms\n- you cannot walk\n"
    )

    urgent = warning_with(plan, "painkillers do not help")
    emergency = warning_with(plan, "numbness in both arms")
    assert urgent["severity"] == Severity.URGENT
    assert emergency["severity"] == Severity.EMERGENCY
    assert urgent["heading"] == "Ask for an urgent GP appointment or call 111 if"
    assert emergency["heading"] == "Call 999 if"
    for value in (urgent, emergency):
        assert value["heading"] not in strip_tags(value["text"])


# -- conditions named after their description, and defined in labelled paragraphs ---------


def _related(plan):
    main = plan.main_page
    return {r.title for r in main.related_conditions}


def _written(plan, title):
    page = next(p for p in plan.pages if p.title == title)
    return page.action != Action.SUGGEST, " ".join(str(b.value) for b in page.blocks) + page.summary


def test_a_condition_named_after_its_description_is_a_related_condition_with_that_text():
    plan = plan_of(
        "# Shin splints\n\nShin splints is pain along the inner edge of the shin bone.\n\n"
        "## Complications\n\nIf runners keep training through the pain, a small crack can"
        " form in the bone. This more serious problem is called a tibial stress fracture."
        " Rest helps.\n"
    )
    assert "Tibial stress fracture" in _related(plan)
    written, text = _written(plan, "Tibial stress fracture")
    assert written and "a small crack can form" in text


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Leg pain that travels below the knee is called sciatica. It often settles.",
            "Sciatica",
        ),
        (
            "Neck pain that has lasted longer than 3 months is called persistent or chronic"
            " neck pain.",
            "Persistent neck pain",
        ),
    ],
)
def test_a_condition_named_after_the_description_that_is_its_subject_is_a_page(sentence, name):
    # "<what happens, with a relative clause> is called <name>": the description is the
    # sentence's subject; "persistent or chronic neck pain" gives the first name whole.
    plan = plan_of(
        "# Acupuncture\n\nAcupuncture uses fine needles put into the skin.\n\n"
        f"## Who it may help\n\n{sentence}\n"
    )
    written, text = _written(plan, name)
    assert written and "is called" in text


def test_a_description_naming_no_condition_names_no_page():
    plan = plan_of(
        "# Acupuncture\n\nAcupuncture uses fine needles put into the skin.\n\n"
        "## Who does it\n\nA physiotherapist who has trained in it is called an"
        " acupuncturist.\n"
    )
    assert [p.title for p in plan.pages] == ["Acupuncture"]


def test_a_form_of_the_subject_named_after_a_description_is_no_other_condition():
    plan = plan_of(
        "# Transverse myelitis\n\nTransverse myelitis is inflammation of the spinal cord."
        " Sometimes no cause is ever found. This is called idiopathic transverse myelitis.\n"
    )
    assert not _related(plan)


def test_a_grade_of_the_subject_a_clause_explains_is_no_other_condition():
    plan = plan_of(
        "# Jefferson fracture\n\nA Jefferson fracture is a break of the first neck bone.\n\n"
        "## Treatment\n\nStable fractures, in which the transverse ligament is intact, are"
        " usually treated in a rigid collar for 6 to 12 weeks.\n"
    )
    assert not _related(plan)


def test_a_paragraph_opening_with_a_bold_name_it_defines_is_a_related_condition():
    plan = plan_of(
        "# Spinal cord injury\n\nA spinal cord injury is damage to the cord.\n\n"
        "## Living with it\n\n**Heterotopic ossification** is a growth of bone in soft"
        " tissue around the hips or knees after the injury. It stiffens the joint.\n\n"
        "**Physiotherapy** is a mainstay of rehabilitation after the injury.\n"
    )
    assert "Heterotopic ossification" in _related(plan)
    written, text = _written(plan, "Heterotopic ossification")
    assert written and "growth of bone in soft tissue" in text
    assert "Physiotherapy" not in _related(plan)


def test_a_glossary_item_naming_a_condition_is_a_related_condition_with_its_text():
    plan = plan_of(
        "<html><body><h1>Spinal tuberculosis</h1><p>Spinal tuberculosis is an infection of"
        " the spine.</p><h2>Words you may hear</h2><dl><dt>Vertebra</dt><dd>One of the bones"
        " that make up the spine.</dd><dt>Cold abscess</dt><dd>A collection of pus that"
        " builds up slowly beside the spine.</dd><dt>Kyphosis</dt><dd>A forward bend of the"
        " spine.</dd></dl></body></html>",
        "tb.html",
    )
    related = {r.title for r in plan.main_page.related_conditions}
    assert {"Cold abscess", "Kyphosis"} <= related
    assert "Vertebra" not in {p.title for p in plan.pages}
    assert "Cold abscess" in written(plan)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The bones can narrow the spinal canal and press on the nerves, a problem called"
            " spinal stenosis.",
            "Spinal stenosis",
        ),
        ("Rarely a type of bone cancer called osteosarcoma develops.", "Osteosarcoma"),
        (
            "The canal can narrow. This narrowing, called spinal stenosis, squeezes the"
            " nerves and causes leg pain.",
            "Spinal stenosis",
        ),
        (
            "The bone can collapse. This collapse, called a vertebral fracture or a"
            " compression fracture, causes sudden pain.",
            "Vertebral fracture",
        ),
        (
            "Less often the cord itself is squeezed, which is called cervical myelopathy and"
            " can cause clumsy hands.",
            "Cervical myelopathy",
        ),
    ],
)
def test_a_condition_named_in_the_sentence_describing_it_is_related(sentence, name):
    plan = plan_of(
        "# Paget's disease of bone\n\nPaget's disease of bone disturbs the renewal of bone."
        f"\n\n## Complications\n\n{sentence}\n"
    )
    assert name in {r.title for r in plan.main_page.related_conditions}
    assert name in written(plan)


def knee_article(text: str, heading: str = "Other problems") -> str:
    """An article on knee osteoarthritis whose section ``heading`` holds ``text``."""
    return (
        "# Knee osteoarthritis\n\nKnee osteoarthritis is wear of the knee joint."
        f"\n\n## {heading}\n\n{text}\n"
    )


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Heavy lifting can cause a meniscal tear, where the cartilage pad of the knee splits.",
            "Meniscal tear",
        ),
        (
            "A stiff knee is different from adhesive capsulitis, in which the capsule of the"
            " shoulder thickens.",
            "Adhesive capsulitis",
        ),
        (
            "Kneeling a lot can lead to prepatellar bursitis, where the sac in front of the"
            " kneecap swells.",
            "Prepatellar bursitis",
        ),
    ],
)
def test_a_condition_named_before_a_clause_saying_what_happens_in_it_is_related(sentence, name):
    plan = plan_of(knee_article(sentence))
    assert name in _related(plan)
    assert name in written(plan)


@pytest.mark.parametrize(
    "sentence",
    [
        # The clause describes the operation the name qualifies, not the condition.
        "Rods for scoliosis, in which the spine is held straight, can wear the knee too.",
        # A clause after a verb, not a name.
        "Studies suggest that gout involves chronic inflammation, in which the joint lining"
        " thickens.",
    ],
)
def test_a_clause_after_a_qualifier_or_a_verb_defines_no_condition(sentence):
    plan = plan_of(knee_article(sentence))
    assert not {"Scoliosis", "Gout involves chronic inflammation"} & written(plan)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("A meniscal tear is an injury to the cartilage pad of the knee.", "Meniscal tear"),
        (
            "Prepatellar bursitis is swelling of the sac in front of the kneecap.",
            "Prepatellar bursitis",
        ),
        (
            "Patellar tendinopathy means that the tendon below the kneecap is overloaded.",
            "Patellar tendinopathy",
        ),
    ],
)
def test_a_condition_a_sentence_opens_with_and_defines_is_related(sentence, name):
    plan = plan_of(knee_article(f"{sentence} It is treated differently.", "Other knee problems"))
    assert name in _related(plan)
    assert name in written(plan)


def test_a_bracket_after_the_name_a_sentence_defines_is_another_name_of_it():
    plan = plan_of(
        knee_article(
            "Patellofemoral pain syndrome (PFPS) is pain around the kneecap.", "Other knee problems"
        )
    )
    page = next(p for p in plan.pages if p.title == "Patellofemoral pain syndrome")
    assert "PFPS" in page.alternate_names


@pytest.mark.parametrize(
    "sentence",
    [
        # The general word, not a condition of its own.
        "A cyst is a sac of fluid that can form behind the knee.",
        # A form of the subject itself.
        "Osteoarthritis is wear of the cartilage that lines a joint.",
        # A rank, not a definition.
        "Prepatellar bursitis is the first thing a surgeon rules out.",
        # A count before the name.
        "One more tear is a reason to see the surgeon again.",
    ],
)
def test_a_general_word_a_form_of_the_subject_or_a_rank_is_no_defined_condition(sentence):
    plan = plan_of(
        "# Osteoarthritis of the knee\n\nOsteoarthritis of the knee is wear of the knee"
        f" joint.\n\n## Other knee problems\n\n{sentence}\n"
    )
    assert len(written(plan, Kind.CONDITION)) == 1


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Arthroscopy is used for a meniscal tear, where the cartilage pad of the knee splits.",
            "Meniscal tear",
        ),
        ("Anterior knee pain is pain felt around the kneecap.", "Anterior knee pain"),
        (
            "You have prepatellar bursitis, which means the sac over the kneecap is swollen.",
            "Prepatellar bursitis",
        ),
        (
            "Patellar tendon pain (jumper's knee) happens when the tendon is overloaded.",
            "Patellar tendon pain",
        ),
    ],
)
def test_a_condition_an_article_on_a_treatment_defines_gets_a_page(sentence, name):
    plan = plan_of(
        "# Arthroscopic knee surgery\n\nArthroscopic knee surgery is keyhole surgery on the"
        f" knee joint.\n\n## Why it is done\n\n{sentence} The surgeon looks inside the joint.\n"
    )
    assert plan.main_page.kind == Kind.TREATMENT
    assert name in written(plan, Kind.CONDITION)


def test_an_article_on_a_treatment_names_no_condition_from_a_general_word_or_its_own_name():
    plan = plan_of(
        "# Arthroscopic knee surgery\n\nArthroscopic knee surgery is keyhole surgery on the"
        " knee joint.\n\n## Why it is done\n\nPain happens when the joint is damaged. A cyst"
        " is a sac of fluid. Knee surgery means that the surgeon looks inside the joint.\n"
    )
    assert not written(plan, Kind.CONDITION)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "One in five people get at least one bout of bursitis, an inflammation of the"
            " sac over the joint.",
            "Bursitis",
        ),
        (
            "Pain on kneeling can be a sign of Osgood-Schlatter disease, a swelling of the"
            " bump below the kneecap.",
            "Osgood-Schlatter disease",
        ),
        (
            "What she had was almost certainly a meniscal tear, a crack in the cartilage of"
            " the knee.",
            "Meniscal tear",
        ),
    ],
)
def test_a_condition_followed_by_what_it_is_after_a_comma_is_related(sentence, name):
    plan = plan_of(knee_article(sentence))
    assert name in _related(plan)
    assert name in written(plan)


@pytest.mark.parametrize(
    "sentence",
    [
        # Named in passing, in a list the comma continues.
        "Knee pain can occasionally come from gout, a meniscal tear, an infection of the"
        " joint or a tumour.",
        # The subject itself, in a shorter form.
        "Osteoarthritis, a thinning of the cartilage of a joint, gets more common with age.",
    ],
)
def test_a_list_in_passing_or_the_subject_is_no_glossed_condition(sentence):
    plan = plan_of(knee_article(sentence))
    assert written(plan, Kind.CONDITION) == {"Knee osteoarthritis"}


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("spinal", "spine", True),
        ("sprain", "sprains", True),
        ("osteoporosis", "osteoarthritis", False),
    ],
)
def test_two_forms_of_one_word_are_the_same_word_and_two_words_that_start_alike_are_not(
    one, other, same
):
    from back_health.importer.classify.entities import _same_word

    assert _same_word(one, other) is same


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The form we see in footballers is patellar tendinopathy, which follows jumping.",
            "Patellar tendinopathy",
        ),
        (
            "One type every runner should know is iliotibial band syndrome.",
            "Iliotibial band syndrome",
        ),
        ("Prepatellar bursitis is the best-known kind.", "Prepatellar bursitis"),
    ],
)
def test_a_kind_a_sentence_names_as_one_is_a_related_condition(sentence, name):
    plan = plan_of(
        "# Knee pain\n\nKnee pain is pain in or around the knee joint."
        f"\n\n## Good to know\n\n{sentence} It is treated with rest.\n"
    )
    assert name in _related(plan)
    assert name in written(plan)


@pytest.mark.parametrize(
    "sentence",
    [
        # The commonest kind is often the subject itself, in a longer name.
        "Degenerative knee pain is the most common type.",
        # Not a whole name after the cue.
        "The kind we see most is worse when you kneel on hard floors.",
    ],
)
def test_the_commonest_kind_or_a_clause_is_no_named_kind(sentence):
    plan = plan_of(
        "# Knee pain\n\nKnee pain is pain in or around the knee joint."
        f"\n\n## Good to know\n\n{sentence}\n"
    )
    assert written(plan, Kind.CONDITION) == {"Knee pain"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("In a meniscal tear, the cartilage pad of the knee splits.", "Meniscal tear"),
        (
            "In prepatellar bursitis the sac in front of the kneecap swells.",
            "Prepatellar bursitis",
        ),
    ],
)
def test_a_condition_framing_a_sentence_is_related_with_that_text(sentence, name):
    plan = plan_of(knee_article(sentence))
    assert name in _related(plan)
    assert name in written(plan)


def test_in_a_types_section_a_name_up_to_a_comma_frames_the_sentence():
    plan = plan_of(
        knee_article("In patellofemoral knee pain, the pain is felt around the kneecap.", "Types")
    )
    assert "Patellofemoral knee pain" in _related(plan)


@pytest.mark.parametrize(
    ("article", "sentence"),
    [
        ("Knee osteoarthritis", "In older people with osteoporosis, the knee can break."),
        ("Arthroscopic knee surgery", "In knee pain, arthroscopic knee surgery rarely helps."),
        # What holds for either of two conditions explains neither.
        (
            "Knee osteoarthritis",
            "In rheumatoid arthritis or psoriatic arthritis, the knee can swell within hours.",
        ),
    ],
)
def test_people_or_the_use_of_the_subject_framing_a_sentence_name_no_condition(article, sentence):
    plan = plan_of(f"# {article}\n\n{article} is common.\n\n## More\n\n{sentence}\n")
    assert not written(plan, Kind.CONDITION) - {article}


def test_which_is_called_names_no_condition_unless_the_name_is_one():
    plan = plan_of(
        "# Paget's disease of bone\n\nPaget's disease of bone disturbs the renewal of bone."
        "\n\n## Tests\n\nA scan of the whole skeleton, which is called a bone scan, shows it.\n"
    )
    assert "Bone scan" not in {p.title for p in plan.pages}


@pytest.mark.parametrize("name", ["Lumbar microdiscectomy", "Thoracic laminectomy"])
def test_an_operation_named_by_its_suffix_is_a_treatment_never_a_condition(name):
    plan = plan_of(
        f"# Discharge advice after {name.lower()}\n\nYou have had a {name.lower()}. Walk a"
        " little more each day. Do not lift anything heavy for 6 weeks.\n"
    )
    assert plan.main_page.kind == Kind.TREATMENT


def test_a_verb_of_being_or_having_cut_from_its_clause_is_no_name():
    plan = plan_of(
        "# Lumbar strain\n\nLumbar strain is an overstretched muscle in the lower back.\n\n"
        "## Risk factors\n\n- having had a back injury before\n- Heavy lifting at work:"
        " lifting loads above waist height strains the muscles.\n"
    )
    assert "Having" not in {p.title for p in plan.pages}


def test_a_name_in_brackets_in_the_title_finds_the_main_page_later():
    plan = plan_of(
        "# Rheumatoid arthritis and your neck (atlantoaxial instability)\n\nRheumatoid"
        " arthritis can loosen the ligaments at the top of the neck. The top two bones can"
        " then slip on each other. This is called atlantoaxial instability.\n"
    )
    assert "Atlantoaxial instability" in plan.main_page.alternate_names
    assert [p.title for p in plan.pages].count("Atlantoaxial instability") == 0


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("Shin splints in runners", "Shin splints"),
        ("Tennis elbow among office workers", "Tennis elbow"),
        # An age group names a form of the condition of its own.
        ("Knee pain in children", "Knee pain in children"),
        ("Flat feet in adults", "Flat feet in adults"),
        # A pain named only by where it is, in the people it troubles, is a topic of its
        # own (a diagnosis, as shin splints, is not).
        ("Lower back pain in golfers", "Lower back pain in golfers"),
        ("Upper back pain in swimmers", "Upper back pain in swimmers"),
        # The "and" joins the people, inside the qualifier.
        ("Neck pain in cleaning and catering staff", "Neck pain in cleaning and catering staff"),
    ],
)
def test_the_job_or_sport_of_the_people_a_title_is_about_is_no_part_of_the_subject(title, subject):
    plan = plan_of(f"# {title}\n\n{subject} is common. It often settles with rest.\n")
    assert plan.main_page.title == subject
    if subject != title:
        assert title in plan.main_page.alternate_names


def test_after_a_question_the_title_answer_is_the_subject():
    plan = plan_of(
        "# Groin pain that won't go away? Osteitis pubis in runners\n\nGroin pain is common"
        " in runners. Groin pain that lasts may be osteitis pubis. Groin pain eases with rest.\n"
    )
    assert plan.main_page.title.startswith("Osteitis pubis")


@pytest.mark.parametrize(
    ("name", "condition"),
    [("Osteoid osteoma", True), ("Spinal meningioma", True), ("Nursing diploma", False)],
)
def test_a_tumour_named_by_its_ending_is_a_condition(name, condition):
    from back_health.importer.rules import default_rules

    assert default_rules().is_condition_term(name, vocabulary=False) is condition


def test_a_qualified_form_opening_the_text_names_the_subject_over_its_bare_head():
    # The post defines "an insufficiency fracture", but it is about the sacral kind, which
    # the first sentence names.
    text = (
        "Sacral insufficiency fractures: the buttock pain in older people that is often "
        "missed.\n\n"
        "An insufficiency fracture is a crack that happens when ordinary load goes through "
        "bone that is too weak to take it.\n\n"
        "Most of them heal in 6 to 12 weeks without an operation.\n"
    )
    assert plan_of(text, "post.txt").pages[0].title.startswith("Sacral insufficiency fracture")


def test_a_condition_qualified_after_its_name_is_the_subject_over_the_bare_name():
    # The leaflet's banner names no condition; the text defines the qualified form, and
    # every mention of the bare name is part of it.
    text = (
        "RIVERSIDE HEALTH CENTRE\n\n"
        "Please read this leaflet and keep it.\n\n"
        "Neck pain after whiplash is pain and stiffness in the neck that starts after a"
        " sudden jolt.\n\n"
        "Neck pain after whiplash is common, and neck pain after whiplash usually settles."
        " Keep your neck moving.\n"
    )
    assert plan_of(text, "leaflet.txt").pages[0].title == "Neck pain after whiplash"


def test_a_subtitle_of_topic_words_joined_by_and_is_no_subject():
    text = (
        "# Bone spurs of the spine: causes, symptoms and treatment\n\n"
        "Bone spurs are small outgrowths of bone on the edges of the vertebrae.\n\n"
        "## Causes\n\nThey come with age. Causes vary from person to person.\n\n"
        "## Treatment\n\nMost need no treatment. Causes of pain are treated.\n"
    )
    assert plan_of(text).pages[0].title != "Causes"


def test_the_diagnosis_a_story_arrives_at_is_its_subject_over_its_symptoms():
    text = (
        "# Meet Ana, 47: the knee pain that started in her back\n\n"
        "Ana had groin pain for months. The groin pain came and went, and so did a pain "
        "over the hip. Her groin pain was worse after gardening.\n\n"
        "Her physiotherapist found that the pattern points to meralgia paraesthetica, "
        "a trapped nerve at the front of the hip.\n"
    )
    assert plan_of(text).pages[0].title == "Meralgia paraesthetica"


def test_how_typical_a_diagnosis_is_is_no_part_of_its_name():
    text = (
        "[12/03/2025, 19:04] Dev: Bent down to tie my shoe and my back locked. Can't stand up"
        " straight.\n"
        "[12/03/2025, 19:06] Priya: Oh no! Sounds like a classic muscle spasm, the muscles"
        " go into a protective lock. It usually settles in a few days.\n"
        "[12/03/2025, 19:08] Dev: Thanks, will keep moving.\n"
    )
    assert plan_of(text, "chat.txt").pages[0].title == "Muscle spasm"


def test_a_bracket_in_a_condition_heading_is_another_name_of_its_page():
    text = (
        "# Sciatica\n\nSciatica is pain that travels down the leg from the back.\n\n"
        "## Causes\n\nMost sciatica comes from the discs of the lower back.\n\n"
        "## Herniated disc (slipped disc)\n\n"
        "A herniated disc is a disc whose soft centre bulges out and presses on a nerve.\n"
    )
    pages = {p.title: p for p in plan_of(text).pages}
    assert "Herniated disc" in pages and "Herniated disc (slipped disc)" not in pages
    assert "Slipped disc" in pages["Herniated disc"].alternate_names


@pytest.mark.parametrize(
    "kinds",
    [
        "There are two main forms. In lytic spondylolisthesis a stress fracture lets the"
        " bone slip. In degenerative spondylolisthesis, worn joints let it drift forward.",
        "There are two types. Lytic spondylolisthesis begins with a stress fracture in"
        " childhood. Degenerative spondylolisthesis is caused by wear of the joints.",
    ],
)
def test_kinds_announced_in_a_paragraph_are_kinds_of_the_condition(kinds):
    text = (
        "# Spondylolisthesis\n\nSpondylolisthesis is when one bone of the spine slips"
        f" forward over the one below.\n\n## About it\n\n{kinds}\n"
    )
    conditions = written(plan_of(text), Kind.CONDITION)
    assert {"Lytic spondylolisthesis", "Degenerative spondylolisthesis"} <= conditions


def test_without_kinds_announced_a_sentence_s_subject_is_no_kind():
    text = (
        "# Spondylolisthesis\n\nSpondylolisthesis is when one bone of the spine slips"
        " forward over the one below.\n\n## About it\n\nIt can affect anyone."
        " Lytic spondylolisthesis begins with a stress fracture in childhood.\n"
    )
    assert "Lytic spondylolisthesis" not in written(plan_of(text), Kind.CONDITION)


@pytest.mark.parametrize(
    "offer",
    [
        "You can ask your GP to refer you to a physiotherapist.",
        "Ask your GP or pharmacist for stop smoking support.",
        "Keep active, and ask your GP about a course of physiotherapy.",
        "Ask your midwife to refer you to a pelvic health physiotherapist.",
    ],
)
def test_asking_for_a_service_is_no_warning_but_asking_when_something_happens_is(offer):
    text = (
        "# Sciatica\n\nSciatica is pain along the sciatic nerve.\n\n## Treatment\n\n"
        f"Most people get better within 6 weeks. {offer}\n\n"
        "See a GP if the pain is not better after 6 weeks. If your leg is getting"
        " weaker, ask your GP to refer you to the spinal team.\n"
    )
    plan = plan_of(text)
    assert warning_with(plan, offer.split(",")[-1].strip()[:30]) is None
    assert warning_with(plan, "not better after 6 weeks")["severity"] == Severity.SEE_DOCTOR
    assert warning_with(plan, "getting weaker") is not None


@pytest.mark.parametrize(
    ("text", "not_warned", "warned", "severity"),
    [
        # No need to see a doctor, unless the sentence says when there is.
        (
            "You do not need to see a doctor for every flare-up.\n\nYou don't need to see a"
            " GP unless the pain lasts more than 6 weeks.",
            "for every flare-up",
            "unless the pain lasts",
            Severity.SEE_DOCTOR,
        ),
        # Staying in bed advised against is activity advice; a procedure's caution is not.
        (
            "Keep moving. Do not stay in bed all day.\n\nDo not lie flat for 2 hours after"
            " the injection.",
            "stay in bed",
            "lie flat for 2 hours",
            Severity.CAUTION,
        ),
    ],
)
def test_advice_that_asks_for_nothing_is_no_warning(text, not_warned, warned, severity):
    plan = plan_of(
        f"# Low back pain\n\nLow back pain is very common.\n\n## Looking after yourself\n\n{text}\n"
    )
    assert warning_with(plan, not_warned) is None
    assert warning_with(plan, warned)["severity"] == severity


def test_of_candidates_scored_alike_the_one_the_title_names_is_the_subject():
    plan = plan_of(
        "# Understanding your scan report: thickened ligamentum flavum\n\nYour report may"
        " mention a few terms. Canal stenosis means the canal is narrow. Canal stenosis is"
        " common, and canal stenosis can press on nerves.\n\n## What is ligamentum flavum"
        " hypertrophy?\n\nThe ligamentum flavum is a band at the back of the spinal canal."
        " Ligamentum flavum hypertrophy narrows the canal. Doctors see ligamentum flavum"
        " hypertrophy on many scans.\n"
    )
    assert plan.main_page.title == "Ligamentum flavum hypertrophy"


def test_where_a_defined_treatment_is_given_is_no_part_of_its_name():
    plan = plan_of(
        "Pool sessions\n\nHydrotherapy at Kingsbridge Community Hospital is a treatment for"
        " people with back pain who need a warm pool. Hydrotherapy sessions last 30 minutes."
        " Hydrotherapy is led by a physiotherapist.\n",
        "sessions.txt",
    )
    assert plan.main_page.title == "Hydrotherapy"
    assert not any("Kingsbridge" in p.title for p in plan.pages)


def test_a_condition_followed_by_what_it_is_in_brackets_is_related():
    plan = plan_of(
        knee_article(
            "One in five people get at least one bout of bursitis (inflammation of the sac"
            " over the joint) at some point."
        )
    )
    assert "Bursitis" in _related(plan)


def test_what_a_column_says_it_is_about_is_the_subject():
    plan = plan_of(
        "# The Monthly Spoke\n\nClub rides start again in March.\n\n## Physio corner\n\n"
        "A few of you asked about buttock pain on long rides, so this month's corner is"
        " about piriformis syndrome. Buttock pain on the bike is common, and buttock pain"
        " after a long ride often settles with rest. See your GP if buttock pain lasts more"
        " than two weeks, or if buttock pain comes with numbness.\n"
    )
    assert plan.main_page.title == "Piriformis syndrome"


@pytest.mark.parametrize(
    "title",
    [
        "Wednesday 17 September: Scapular clunking",
        "12 May 2025: Scapular clunking",
        "YOUR APPOINTMENT: Scapular clunking",
        "Appointment letter: Scapular clunking",
    ],
)
def test_a_date_or_an_appointment_before_a_colon_is_no_part_of_the_subject(title):
    # A name the vocabulary does not know, so only where it stands can make it the subject.
    plan = plan_of(
        f"# {title}\n\nMost people with scapular clunking feel better within a few weeks."
        " Scapular clunking is common in rowers.\n"
    )
    assert plan.main_page.title == "Scapular clunking"


def test_a_known_treatment_with_a_hyphenated_modifier_is_the_subject():
    plan = plan_of(
        "# YOUR APPOINTMENT: CT-guided facet joint injection (left L4/5)\n\nYour leg pain"
        " comes from the small joints of your back. Leg pain often settles within weeks.\n"
        "The injection puts steroid next to the joint.\n"
    )
    assert plan.main_page.title == "CT-guided facet joint injection"
    assert plan.main_page.kind == Kind.TREATMENT


def test_a_letter_s_contact_section_keeps_its_advice_on_when_to_get_help():
    plan = plan_of(
        "# Facet joint injection\n\nA facet joint injection puts steroid and local anaesthetic"
        " into a small joint of the spine.\n\n## Contact us\n\nOur office is open Monday to"
        " Friday, 9am to 5pm.\n\nIf you develop weakness in both legs or lose control of"
        " your bladder, go to A&E immediately or call 999.\n\nIf the injection site becomes"
        " red and swollen, contact your GP the same day.\n"
    )
    texts = " ".join(str(b.value) for p in plan.pages for b in p.blocks)
    assert "weakness in both legs" in texts
    assert "red and swollen" in texts
    assert "Monday to Friday" not in texts
    assert warning_with(plan, "weakness in both legs")["severity"] == Severity.EMERGENCY


def test_a_contact_section_without_advice_on_when_still_goes_whole():
    plan = plan_of(
        "# Facet joint injection\n\nA facet joint injection puts steroid and local anaesthetic"
        " into a small joint of the spine.\n\n## Contact us\n\nOur office is open Monday to"
        " Friday, 9am to 5pm. For medical emergencies, call 999.\n"
    )
    texts = " ".join(str(b.value) for p in plan.pages for b in p.blocks)
    assert "Monday to Friday" not in texts and "medical emergencies" not in texts


def test_a_reporting_word_before_a_condition_is_no_part_of_its_name():
    plan = plan_of(
        "He has had pain at the base of his spine since a long drive in August. His GP has"
        " diagnosed coccydynia. It hurts most when he sits, and coccydynia often settles"
        " within a few months.\n",
        "report.txt",
    )
    assert plan.main_page.title == "Coccydynia"


HOMECARE = (
    "# Welcome to CareLine: your methotrexate deliveries\n\nHello. Methotrexate is a medicine"
    " that calms the immune system. You take methotrexate once a week. Methotrexate can"
    " take 12 weeks to work.\n\n## Keep moving\n\nMedicine works best alongside daily"
    " exercise. Swimming is a good choice.\n\n### {heading}\n\n- Do not have live vaccines,"
    " such as the yellow fever vaccine, while you are on methotrexate. Flu vaccines are"
    " fine.\n- Tell your dentist before any operation.\n"
)


def written_text(plan) -> str:
    return " ".join(
        strip_tags(str(block.value))
        for page in plan.pages
        if page.include and page.action != Action.SUGGEST
        for block in page.blocks
    )


def test_the_one_medicine_a_title_phrase_names_is_a_candidate_subject():
    plan = plan_of(HOMECARE.format(heading="Living well on methotrexate"))
    assert plan.main_page.title == "Methotrexate"


def test_an_item_naming_the_article_s_own_subject_never_vanishes_with_its_list():
    plan = plan_of(HOMECARE.format(heading="Living well on methotrexate"))
    assert "live vaccines" in written_text(plan)


def test_a_staying_safe_heading_names_no_treatment():
    plan = plan_of(HOMECARE.format(heading="Staying safe on methotrexate"))
    assert "Staying safe on methotrexate" not in written(plan) | suggested(plan)
    assert "live vaccines" in written_text(plan)


def test_a_hyphenated_word_counted_in_the_text_keeps_its_first_half():
    plan = plan_of(
        "Clients sometimes describe a new one-sided neck pain after a salon visit. One-sided"
        " neck pain with dizziness needs a doctor the same day. Most one-sided neck pain"
        " settles by itself.\n",
        "bulletin.txt",
    )
    assert plan.main_page.title == "One-sided neck pain"


@pytest.mark.parametrize("frame", ["prescribing", "use", "withdrawal"])
def test_what_is_done_with_a_treatment_in_a_title_leaves_the_treatment(frame):
    plan = plan_of(
        f"# Opioid {frame} for chronic back pain\n\nMany people with chronic back pain are"
        " given opioids. Opioids such as codeine and tramadol help little over months, and"
        " opioids can cause dependence.\n"
    )
    assert plan.main_page.title == "Opioids"


def test_a_name_counted_in_the_text_never_runs_across_a_dash_or_a_stop():
    plan = plan_of(
        "Care need: Pain - trigeminal neuralgia of the right cheek.\n\nShe has had"
        " trigeminal neuralgia for two years. It hurts most in the cheek. Pain comes in"
        " sharp bursts and is worse in the cold.\n",
        "care-plan.txt",
    )
    assert plan.main_page.title == "Trigeminal neuralgia"


def test_whose_thing_a_title_names_is_no_part_of_the_subject():
    plan = plan_of(
        "# Your soft lumbar support\n\nA soft lumbar support is a fabric belt worn round the"
        " lower back. Wear the lumbar support for lifting jobs only, and take it off to"
        " sleep. A soft lumbar support should not be worn all day.\n"
    )
    assert plan.main_page.title == "Soft lumbar support"


def test_a_title_saying_what_hurts_the_reader_names_no_subject():
    plan = plan_of(
        "# Spring clean: how to stop decorating from hurting your back\n\nBack pain from"
        " decorating is common in spring. Back pain from decorating comes from long spells"
        " with your arms above your head. Back pain usually eases in a few days.\n"
    )
    assert "hurting" not in plan.main_page.title.lower()
    assert plan.main_page.title.startswith("Back pain")


@pytest.mark.parametrize(
    "title, kind",
    [("Coccygeal nerve stimulation", "procedure"), ("Sacroiliac joint arthrodesis", "procedure")],
)
def test_a_title_naming_a_procedure_the_vocabulary_lacks_is_a_treatment_subject(title, kind):
    plan = plan_of(
        f"# {title}\n\n{title} is offered to some people with sciatica. Sciatica is pain"
        " down the leg from a trapped nerve root. Most sciatica gets better without"
        f" surgery. Your surgeon will explain {title.lower()} before you agree to it.\n"
    )
    main = plan.main_page
    assert (main.title, main.kind, main.treatment_kind) == (title, Kind.TREATMENT, kind)


def test_recovery_after_a_procedure_is_not_itself_a_procedure():
    plan = plan_of(
        "# Recovery after a lumbar discectomy\n\nA lumbar discectomy removes the part of a"
        " disc pressing on a nerve. After a lumbar discectomy most people walk the same day."
        " Sciatica often eases soon after it.\n"
    )
    assert plan.main_page.title == "Lumbar discectomy"


def test_two_parts_of_the_body_sharing_a_condition_head_are_one_subject():
    plan = plan_of(
        "# Neck and shoulder pain\n\nNeck and shoulder pain often comes from long hours at a"
        " desk. Shoulder pain on its own has other causes. Stretch every hour and check the"
        " height of your screen.\n"
    )
    assert plan.main_page.title == "Neck and shoulder pain"


def test_a_noun_ending_in_ing_before_a_condition_is_part_of_its_name():
    # "Ring" is a noun, not a verb's "-ing" form: the name keeps it, as a name keeps
    # "Lumbar" or "Stress"; "Lifting" in "Lifting and back pain" would not be kept.
    plan = plan_of(
        "# Ring apophysis fractures in teenage weightlifters\n\nA ring apophysis fracture"
        " is a break of the rim of bone around a vertebra's end plate. Ring apophysis"
        " fractures happen when the growth plate is still open.\n"
    )
    assert plan.main_page.title.startswith("Ring apophysis fracture")


def test_an_organisation_title_gives_way_to_the_long_name_of_the_condition_below_it():
    plan = plan_of(
        "Orthopaedic and Spinal Surgery (OSS) Department - Spinal Outpatient Clinic\n\n"
        "CALCIFIC TENDINITIS OF THE ROTATOR CUFF OF THE SHOULDER\n\n"
        "You have calcific tendinitis of the rotator cuff of the shoulder: crystals of"
        " calcium collect in a tendon and inflame it. Calcific tendinitis gets better on"
        " its own, though it can hurt for a few weeks.\n\n"
        "What can I take for the pain?\n\nTake ibuprofen with food for up to two weeks.\n",
        name="leaflet.txt",
    )
    assert plan.main_page.title == "Calcific tendinitis of the rotator cuff of the shoulder"


@pytest.mark.parametrize(
    "heading",
    [
        "If you have hurt your back",
        "If you've strained a muscle in your neck",
        "If you've overdone it",
        "If your back starts to hurt",
        "When your neck flares up",
    ],
)
def test_what_to_do_if_you_have_hurt_your_back_is_a_treatments_section(heading):
    plan = plan_of(
        "# Lower back strain\n\nA lower back strain is a stretched or torn muscle in the lower"
        f" back.\n\n## {heading}\n\n| Product | Examples |\n|---|---|\n| Ibuprofen gel |"
        " Ibuleve |\n| Paracetamol | Panadol |\n"
    )
    named = {p.title for p in plan.pages if p.kind == Kind.TREATMENT}
    assert named == {"Ibuprofen", "Paracetamol"}


def test_why_an_activity_hurts_heads_causes_and_if_someone_has_the_pain_heads_treatments():
    plan = plan_of(
        "# Lifting and low back pain\n\nLow back pain is common in warehouse staff.\n\n"
        "## Why heavy lifting hurts\n\n"
        "- **Bending from the waist**, which loads the discs of the lower back.\n"
        "- **Twisting while carrying**, which strains the small joints of the spine.\n\n"
        "## If an employee has back pain\n\n"
        "- **Lighter duties** – a week of packing or checking while the back settles.\n"
        "- **Physiotherapy** – through occupational health or by self-referral.\n"
    )
    kinds = {p.title: p.kind for p in plan.pages if p.include and p is not plan.main_page}
    assert kinds == {
        "Bending from the waist": Kind.CAUSE,
        "Twisting while carrying": Kind.CAUSE,
        "Amended duties": Kind.TREATMENT,  # the vocabulary's name for lighter duties
        "Physiotherapy": Kind.TREATMENT,
    }


def test_a_title_naming_an_unknown_therapy_for_a_condition_is_about_the_therapy():
    plan = plan_of(
        "# Ozonetherapy for lumbar disc herniation\n\nOzonetherapy is an injection of a"
        " mixture of oxygen and ozone into a herniated disc. Lumbar disc herniation often"
        " settles without it.\n"
    )
    main = plan.main_page
    assert (main.title, main.kind, main.treatment_kind) == ("Ozonetherapy", Kind.TREATMENT, "other")


def test_a_clinic_named_after_a_known_therapy_is_no_treatment_subject():
    plan = plan_of(
        "# Harbourside Women's Health Physiotherapy\n\nLow back pain is the most common reason"
        " people come to see us. Low back pain usually settles within six weeks.\n"
    )
    assert plan.main_page.kind == Kind.CONDITION


@pytest.mark.parametrize(
    "lead", ["usually comes from a mix of things:", "mostly comes down to three things:"]
)
def test_a_lead_saying_where_the_pain_comes_from_lists_causes(lead):
    plan = plan_of(
        "# Desk neck pain\n\nDesk neck pain is an ache at the back of the neck after long"
        f" hours at a computer.\n\nDesk neck pain {lead}\n\n"
        "- **A screen set too low.** You look down at it all day.\n"
        "- **Long spells without a break.** The muscles tire holding your head still.\n"
    )
    causes = {p.title for p in plan.pages if p.kind == Kind.CAUSE and p.include}
    assert causes == {"Screen set too low", "Long spells without a break"}


@pytest.mark.parametrize("lead", ["It usually causes:", "This causes:", "It can also cause:"])
def test_a_list_of_what_the_condition_causes_names_symptoms_not_causes(lead):
    plan = plan_of(
        "# Wry neck\n\nWry neck is a sudden stiff neck that turns the head to one side.\n\n"
        f"{lead}\n\n- a sharp pain on turning the head\n- a muscle spasm in the neck\n"
    )
    assert not [p for p in plan.pages if p.kind == Kind.CAUSE]


def test_a_newsletters_name_and_issue_give_way_to_the_column_and_its_topic():
    plan = plan_of(
        "# Harbour Rowing Club News – Spring 2025\n\nRegatta results and club news.\n\n"
        "## Physio Corner: rower's rib\n\nRower's rib is a stress fracture of a rib from"
        " hard training. Rower's rib hurts when you breathe in deeply.\n"
    )
    assert plan.main_page.title == "Rower's rib"


@pytest.mark.parametrize("title", ["Your operation", "The procedure", "Your hospital stay"])
def test_a_title_naming_only_the_visit_or_the_operation_names_no_subject(title):
    from back_health.importer.classify.subject import _rejected
    from back_health.importer.rules import default_rules

    assert _rejected(title, default_rules())
    assert not _rejected("Your operation: posterior lumbar fusion", default_rules())


@pytest.mark.parametrize(
    ("title", "subject", "kind"),
    [
        ("Can insoles fix your back pain? What the evidence says", "Insoles", Kind.TREATMENT),
        (
            "Her back pain was the first sign of multiple myeloma",
            "Multiple myeloma",
            Kind.CONDITION,
        ),
        (
            "GPR - Gentle Postural Realignment: the treatment of posture for back pain",
            "Gentle postural realignment",
            Kind.TREATMENT,
        ),
    ],
)
def test_how_a_title_is_worded_says_what_it_is_about(title, subject, kind):
    plan = plan_of(
        f"# {title}\n\nBack pain is common and usually settles. Back pain that wakes you at"
        " night needs checking. Most back pain gets better with time, and insoles help"
        " some people.\n"
    )
    assert (plan.main_page.title, plan.main_page.kind) == (subject, kind)


def test_a_section_named_after_another_condition_that_a_clause_defines_is_its_page():
    plan = plan_of(
        "# Polymyalgia rheumatica\n\nPolymyalgia rheumatica causes pain and stiffness in"
        " the shoulders and hips.\n\n## Giant cell arteritis\n\nSome people with it also get"
        " giant cell arteritis (GCA), where the arteries of the scalp become inflamed. GCA needs"
        " treating straight away.\n"
    )
    pages = {p.title: p for p in plan.pages}
    assert "Giant cell arteritis" in pages
    assert pages["Giant cell arteritis"].kind == "condition"
    assert pages["Giant cell arteritis"].include


def test_advice_after_a_care_card_is_read_on_its_own_under_the_section_around_it():
    plan = plan_of(
        "<h1>Neck pain</h1><p>Neck pain is very common and usually gets better.</p>"
        "<h2>Looking after yourself</h2>"
        '<div class="card"><h3>See a GP if:</h3><ul><li>the pain is no better after 2 weeks'
        "</li></ul></div><p>Do not take ibuprofen if you have had a stomach ulcer.</p>",
        name="article.html",
    )
    page = plan.pages[0]
    boxes = {b.value["severity"]: str(b.value) for b in page.blocks if b.type == "warning"}
    # The card's severity is not the caution's after it.
    assert "no better after 2 weeks" in boxes["see_doctor"]
    assert "stomach ulcer" in boxes["caution"] and "stomach ulcer" not in boxes["see_doctor"]
    headings = [b.value["text"] for b in page.blocks if b.type == "heading"]
    assert headings.count("Looking after yourself") == 1


def test_a_what_is_heading_about_a_part_of_the_body_names_no_subject():
    plan = plan_of(
        "# That nagging ache: could it be suprascapular nerve entrapment?\n\n"
        "## What is the suprascapular nerve?\n\nThe suprascapular nerve runs over the"
        " shoulder blade. The suprascapular nerve supplies two muscles, and the"
        " suprascapular nerve can be squeezed where it passes a notch in the bone.\n"
    )
    assert plan.main_page.title == "Suprascapular nerve entrapment"


def test_the_title_names_what_the_text_defines_with_what_it_follows():
    plan = plan_of(
        "# Hiccups after spinal cord injury: your questions\n\nAnswers from our team.\n\n"
        "## What are hiccups?\n\nHiccups are sudden spasms of the diaphragm. Hiccups after"
        " a spinal cord injury can last for days, and hiccups that last that long need"
        " treatment.\n\n## Why do they happen?\n\nA spinal cord injury can upset the nerves"
        " that control breathing. Spinal cord injury also changes how the stomach empties,"
        " and a spinal cord injury high in the neck affects the diaphragm itself.\n"
    )
    assert plan.main_page.title.lower().startswith("hiccups")


def test_a_what_is_heading_about_a_muscle_group_names_no_subject():
    plan = plan_of(
        "# Neck pain exercises\n\n## What are the deep neck flexors?\n\nThe deep neck"
        " flexors are small muscles at the front of the neck. The deep neck flexors hold the"
        " head up, and weak deep neck flexors let the chin poke forward. Neck pain is common"
        " when they are weak, and neck pain often eases as they get stronger.\n"
    )
    assert plan.main_page.title != "Deep neck flexors"


def test_a_list_of_the_usual_culprits_is_a_causes_list():
    plan = plan_of(
        "# Piriformis syndrome\n\nPiriformis syndrome is buttock pain from a tight piriformis"
        " muscle irritating the sciatic nerve.\n\nIn cyclists the usual culprits are:\n\n"
        "- weak glutes, so the piriformis does more than its share\n"
        "- sitting at a desk all day as well as on the bike\n"
    )
    causes = written(plan, Kind.CAUSE) | suggested(plan)
    assert {"Weak glutes", "Sitting at a desk all day"} <= causes


def test_a_bold_name_beginning_a_treatment_item_s_sentence_is_the_name_and_the_item_its_text():
    plan = plan_of(
        "# Ankylosing spondylitis\n\nAnkylosing spondylitis is inflammation of the spine.\n\n"
        "## Treatment\n\n"
        "- **Stopping smoking** improves how well treatment works. Ask your GP for help.\n"
        "- **Exercise** is treatment, not an optional extra. Daily stretching keeps the spine"
        " moving.\n"
    )
    pages = {p.title: p for p in plan.pages}
    assert "Stopping smoking" in written(plan, Kind.TREATMENT)
    assert not any(title.startswith("Stopping smoking improves") for title in pages)
    everything = " ".join([p.summary for p in plan.pages] + [body_text(p) for p in plan.pages])
    # The sentence the bold name begins is kept, with the rest of its item.
    assert "Exercise is treatment, not an optional extra." in everything
    assert "improves how well treatment works" in everything


def test_every_item_naming_one_treatment_keeps_its_text_on_that_page():
    plan = plan_of(
        "NECK PAIN\n\nNeck pain is common and rarely serious.\n\nWHAT YOU CAN DO\n\n"
        "  * Keep your neck moving. Gentle movement helps it recover faster than keeping it"
        " still.\n"
        "  * Carry on with normal activities as much as you can, including work.\n"
        "  * Use one firm pillow that keeps your neck in line with your body.\n",
        "leaflet.txt",
    )
    everything = " ".join(
        [p.summary for p in plan.pages] + [strip_tags(body_text(p)) for p in plan.pages]
    )
    assert "Keep your neck moving." in everything  # the instruction that names it
    assert "Carry on with normal activities as much as you can" in everything


def test_where_the_reader_is_is_no_part_of_the_subject_and_why_it_aches_lists_causes():
    plan = plan_of(
        "# Sitting all day? How to ease lower back pain at your desk\n\n"
        "Lower back pain is common in people who sit for most of the working day.\n\n"
        "## Why sitting makes your back ache\n\n"
        "- **Slouching.** Sliding forward in your seat rounds your lower back.\n"
        "- **A poorly set-up desk.** A screen that is too low pulls you out of a comfortable"
        " position.\n"
    )
    assert plan.pages[0].title == "Lower back pain"
    assert {"Slouching", "Poorly set-up desk"} <= written(plan, Kind.CAUSE)


@pytest.mark.parametrize("title", ["Pain at your desk", "Back pain at work"])
def test_a_setting_is_cut_only_from_a_condition_s_name(title):
    from back_health.importer.classify.subject import without_reader_setting
    from back_health.importer.rules import default_rules

    # "Pain" alone names no condition; "at work" is no reader's own place.
    assert without_reader_setting(title, default_rules()) == title


@pytest.mark.parametrize(
    ("article", "subject"),
    [
        (
            "# Changelog: Suspected Cauda Equina Syndrome Pathway\n\n## Version 3.1\n\n"
            "### Added\n\n- Sciatica in both legs is a red flag for cauda equina syndrome.\n"
            "- Sciatica with bladder changes needs an emergency scan.\n"
            "- Sciatica alone is managed in primary care.\n"
            "- Sciatica that is getting worse is reviewed within a week.\n"
            "- Sciatica leaflets are given to every patient.\n",
            "Cauda equina syndrome",
        ),
        (
            "# Neck clinic – cervical radiculopathy audit + patient summary\n\n"
            "Cervical radiculopathy is a trapped nerve in the neck. Most people with"
            " cervical radiculopathy get better within three months.\n",
            "Cervical radiculopathy",
        ),
        (
            "# Marcus Dene back injury: club confirms the problem\n\n"
            "The midfielder hurt his back in training and will rest for a week.\n",
            "Back injury",
        ),
    ],
    ids=["changelog-of-a-pathway", "audit-and-summary", "whose-back-it-is"],
)
def test_a_document_s_genre_and_a_person_s_name_are_no_part_of_the_subject(article, subject):
    assert plan_of(article).main_page.title == subject


@pytest.mark.parametrize(
    ("headline", "name"),
    [
        ("Kingsmere confirm slipped disc", "slipped disc"),
        ("Captain sidelined with sciatica", "sciatica"),
        ("Neck pain analysis", "Neck pain"),
    ],
)
def test_what_a_headline_reports_of_a_condition_is_no_part_of_its_name(headline, name):
    from back_health.importer.rules import default_rules

    assert default_rules().remove_cues("title_genre", headline).strip() == name


def test_conditions_listed_under_a_heading_that_says_treat_are_no_treatments():
    plan = plan_of(
        "# Mr Daniel Okafor, spinal surgeon\n\nMr Okafor treats neck and back problems.\n\n"
        "## Conditions I treat\n\n- Cervical radiculopathy\n- Sciatica\n- Spondylolisthesis\n"
        "- Treating osteoporosis after a fracture\n"
    )
    treatments = {p.title for p in plan.pages if p.kind == Kind.TREATMENT}
    assert not treatments & {"Cervical radiculopathy", "Sciatica", "Spondylolisthesis"}
    text = " ".join(body_text(p) for p in plan.pages)
    assert "Cervical radiculopathy" in text  # the item stays as text
