"""Classes seen in a council's care page, a review site, a charity's page, a converted
leaflet, a clinic's protocol, a team wiki, a newsletter, an e-mail thread, a video's
subtitles and a discharge summary: cautions among the things to try, and more."""

from __future__ import annotations

import pytest

from back_health.importer.pipeline import analyse

from .test_letters_threads_and_books import advice_level, warnings_of


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
