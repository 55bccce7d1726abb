"""Blocks render accessible HTML, validate what matters, and preview in the admin."""

import pytest
import wagtail_factories
from django.test import override_settings
from django.urls import reverse
from wagtail.blocks.struct_block import StructBlockValidationError

from back_health.blocks import (
    SEVERITY_CHOICES,
    DoseBlock,
    ExerciseListBlock,
    FigureBlock,
    HeadingBlock,
    InsetBlock,
    ParagraphBlock,
    QuoteBlock,
    SourceBlock,
    WarningBlock,
)
from back_health.models import ConditionPage

BODY_BLOCKS = ConditionPage._meta.get_field("body").stream_block.child_blocks


def render(block, raw, **context):
    return block.render(block.to_python(raw), context=context or None)


def warning(**overrides):
    raw = {
        "severity": "urgent",
        "heading": "",
        "text": "<p>Get help the same day.</p>",
        "items_lead": "any",
        "items": ["you have a high temperature", "you feel numb around your bottom"],
    }
    raw.update(overrides)
    return raw


# ---- Rendering ---------------------------------------------------------------------------


def test_heading_block_renders_the_chosen_level():
    html = render(HeadingBlock(), {"text": "Symptoms", "level": "h3"})
    assert "<h3" in html and ">Symptoms</h3>" in html


def test_paragraph_block_renders_rich_text():
    html = render(ParagraphBlock(), "<p>Keep <b>moving</b> gently.</p>")
    assert 'class="bh-prose"' in html and "<b>moving</b>" in html


def test_quote_block_renders_a_figure_with_attribution():
    html = render(QuoteBlock(), {"quote": "Walking helped most.", "attribution": "A patient"})
    assert "<blockquote" in html and "Walking helped most." in html
    assert "<figcaption" in html and "A patient" in html


def test_inset_block_has_a_hidden_information_prefix():
    html = render(InsetBlock(), {"text": "<p>You can refer yourself.</p>"})
    assert '<span class="bh-visually-hidden">Information: </span>' in html
    assert "You can refer yourself." in html


@pytest.mark.django_db
def test_figure_block_renders_the_image_with_its_contextual_alt_text():
    image = wagtail_factories.ImageFactory()
    block = FigureBlock()
    value = block.to_python(
        {
            "image": {"image": image.pk, "alt_text": "A person stretching", "decorative": False},
            "caption": "The cat stretch",
        }
    )
    html = block.render(value)
    assert 'alt="A person stretching"' in html
    assert "<figcaption" in html and "The cat stretch" in html


def test_figure_block_without_an_image_renders_nothing():
    assert FigureBlock().render(FigureBlock().get_default()).strip() == ""


def test_source_block_links_its_title_when_it_has_a_url():
    html = render(
        SourceBlock(), {"title": "Low back pain guideline", "url": "https://example.org/"}
    )
    assert '<a class="bh-source" href="https://example.org/"><cite>Low back pain guideline' in html
    plain = render(SourceBlock(), {"title": "Clinic leaflet", "url": ""})
    assert "<a" not in plain and "<cite" in plain


# ---- Warnings ------------------------------------------------------------------------------


@pytest.mark.parametrize("severity", [key for key, _label in SEVERITY_CHOICES])
def test_each_severity_has_its_own_class_and_hidden_prefix(severity):
    from back_health.conf import back_health_settings

    html = render(WarningBlock(), warning(severity=severity))
    prefix = back_health_settings.WARNING_PREFIXES[severity]
    assert f"bh-warning--{severity}" in html
    assert f'<span class="bh-visually-hidden">{prefix} </span>' in html


def test_severity_classes_are_all_different():
    classes = set()
    for severity, _label in SEVERITY_CHOICES:
        html = render(WarningBlock(), warning(severity=severity))
        classes.add(html.split("bh-warning--", 1)[1].split('"', 1)[0])
    assert len(classes) == len(SEVERITY_CHOICES)


def test_warning_is_a_labelled_section_not_an_alert():
    html = render(WarningBlock(), warning())
    heading_id = html.split('aria-labelledby="', 1)[1].split('"', 1)[0]
    assert f'id="{heading_id}"' in html
    assert html.lstrip().startswith("<section")
    assert "role=" not in html


def test_urgent_warning_uses_the_default_heading_when_empty():
    html = render(WarningBlock(), warning(severity="urgent", heading=""))
    assert "Ask for an urgent GP appointment or call 111 if" in html


def test_editor_heading_replaces_the_default():
    html = render(WarningBlock(), warning(heading="Get help today if"))
    assert "Get help today if" in html
    assert "call 111" not in html


@override_settings(
    BACK_HEALTH={
        "WARNING_HEADINGS": {"emergency": "Call 911 or go to the emergency room if"},
        "WARNING_PREFIXES": {"emergency": "Emergency:"},
    }
)
def test_default_headings_and_prefixes_come_from_settings():
    html = render(WarningBlock(), warning(severity="emergency"))
    assert "Call 911 or go to the emergency room if" in html
    assert "999" not in html
    assert '<span class="bh-visually-hidden">Emergency: </span>' in html
    # Keys not overridden keep their defaults.
    assert "Ask for an urgent GP appointment" in render(WarningBlock(), warning())


@pytest.mark.parametrize(
    "lead, sentence",
    [("any", "If you have any of these:"), ("all", "If you have all of these:")],
)
def test_symptom_list_has_the_any_or_all_lead_in(lead, sentence):
    html = render(WarningBlock(), warning(items_lead=lead))
    assert sentence in html
    assert "<li>you have a high temperature</li>" in html


def test_warning_heading_level_follows_the_context():
    html = render(WarningBlock(), warning(), heading_level=3)
    assert '<h3 class="bh-warning__heading"' in html
    assert "<h2" not in render(WarningBlock(), warning(), heading_level=3)
    assert '<h2 class="bh-warning__heading"' in render(WarningBlock(), warning())


def test_emergency_warning_without_heading_or_symptoms_is_invalid():
    block = WarningBlock()
    value = block.to_python(warning(severity="emergency", heading="", items=[]))
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "heading" in error.value.block_errors


def test_emergency_warning_with_symptoms_is_valid():
    block = WarningBlock()
    value = block.to_python(warning(severity="emergency", heading=""))
    assert block.clean(value)["severity"] == "emergency"


def test_warning_without_text_or_symptoms_is_invalid():
    block = WarningBlock()
    value = block.to_python(warning(severity="info", text="", items=[]))
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "text" in error.value.block_errors


# ---- Exercises -------------------------------------------------------------------------------


def test_dose_reads_as_plain_english():
    dose = DoseBlock().to_python({"repetitions": 10, "per_side": True, "times_per_day": 3})
    assert dose.as_text() == "Repeat 10 times on each side, 3 times a day."


def test_dose_with_a_hold_and_sets():
    dose = DoseBlock().to_python({"hold_seconds": 20, "sets": 2, "repetitions": 5})
    assert dose.as_text() == "Hold for 20 seconds. Do 2 sets of 5 repetitions."


def exercise_list():
    return {
        "heading": "Exercises to ease back pain",
        "intro": "<p>Warm up first.</p>",
        "exercises": [
            {
                "name": "Bridge",
                "steps": ["Lie on your back.", "Lift your hips."],
                "dose": {"repetitions": 10, "per_side": True, "times_per_day": 3},
                "cautions": ["Keep your neck relaxed."],
            },
            {"name": "Cat stretch", "steps": ["Kneel on all fours."], "dose": {}, "cautions": []},
        ],
        "stop_if": ["the pain spreads down your leg"],
    }


def test_exercise_list_is_an_ordered_list_of_named_exercises_with_steps():
    html = render(ExerciseListBlock(), exercise_list())
    assert '<h2 class="bh-exercises__heading"' in html
    assert '<ol class="bh-exercises__list">' in html
    assert '<h3 class="bh-exercise__name">Bridge</h3>' in html
    assert '<ol class="bh-exercise__steps">' in html and "<li>Lift your hips.</li>" in html
    assert html.index("Bridge") < html.index("Cat stretch")


def test_exercise_list_shows_dose_cautions_and_when_to_stop():
    html = render(ExerciseListBlock(), exercise_list())
    assert "Repeat 10 times on each side, 3 times a day." in html
    assert "Keep your neck relaxed." in html
    assert "Stop and get advice if" in html and "the pain spreads down your leg" in html
    # An empty dose says nothing rather than an empty label.
    assert html.count("bh-exercise__dose-label") == 1


@pytest.mark.django_db
def test_exercise_image_uses_the_alt_text_from_the_block():
    image = wagtail_factories.ImageFactory()
    raw = exercise_list()
    raw["exercises"][0]["image"] = {
        "image": image.pk,
        "alt_text": "Hips lifted",
        "decorative": False,
    }
    html = render(ExerciseListBlock(), raw)
    assert 'alt="Hips lifted"' in html


# ---- Admin: picker descriptions and previews ---------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(BODY_BLOCKS))
def test_every_body_block_is_previewable_and_described(name):
    block = BODY_BLOCKS[name]
    assert block.is_previewable
    assert str(block.get_description()).strip()
    assert block.meta.icon
    assert block.get_preview_template(block.get_preview_value()) == (
        "back_health/blocks/previews/block_preview.html"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(BODY_BLOCKS))
def test_block_preview_endpoint_renders_each_body_block_with_our_css(name, admin_client):
    block = BODY_BLOCKS[name]
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    assert b"back_health/css/back_health.css" in response.content


def test_package_does_not_override_wagtails_global_block_preview_template():
    from pathlib import Path

    import back_health

    package = Path(back_health.__file__).parent
    assert not (package / "templates/wagtailcore/shared/block_preview.html").exists()


@pytest.mark.django_db
def test_the_image_block_preview_shows_the_newest_library_image(admin_client):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    block = ConditionPage._meta.get_field("body").stream_block.child_blocks["image"]
    empty = admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert empty.status_code == 200 and b"<img" not in empty.content

    get_image_model().objects.create(title="Spine model", file=get_test_image_file())
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )

    assert b"<img" in response.content and b"Spine model" in response.content
