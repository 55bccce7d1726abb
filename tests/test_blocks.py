"""Blocks render accessible HTML, validate what matters, and preview in the admin."""

import re

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
    TableBlock,
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


def test_warning_is_a_plain_container_not_a_landmark_or_an_alert():
    # A <section> with a name is a region landmark; several warnings of one severity
    # would repeat its name (axe landmark-unique). A div with a heading is not one.
    html = render(WarningBlock(), warning())
    assert html.lstrip().startswith('<div class="bh-warning')
    assert "<section" not in html and "aria-labelledby" not in html
    assert "role=" not in html


@pytest.mark.parametrize(
    "severity, label",
    [
        ("info", "Information:"),
        ("caution", "Caution:"),
        ("see_doctor", "See a doctor:"),
        ("urgent", "Urgent:"),
        ("emergency", "Emergency:"),
    ],
)
def test_every_severity_keeps_a_text_label_for_print(severity, label):
    html = render(WarningBlock(), warning(severity=severity))
    assert f'<span class="bh-warning__print-label" aria-hidden="true">{label} </span>' in html


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


SEVERITIES = ["info", "caution", "see_doctor", "urgent", "emergency"]
#: Default headings that end in "if" and so lead straight into a list.
LEAD_IN_DEFAULTS = {"see_doctor", "urgent", "emergency"}


def expected_lead_in(severity, heading, has_list, lead):
    """The wording rules, stated independently of the code under test."""
    if not has_list:
        return None
    ends_in_if = heading.endswith(" if") if heading else severity in LEAD_IN_DEFAULTS
    if ends_in_if:
        return "All of these apply:" if lead == "all" else None
    return {"any": "If you have any of these:", "all": "If you have all of these:"}[lead]


@pytest.mark.parametrize("severity", SEVERITIES)
@pytest.mark.parametrize("has_list", [True, False])
@pytest.mark.parametrize("lead", ["any", "all"])
@pytest.mark.parametrize("heading", ["", "Get help today if", "Before you exercise"])
def test_warning_wording_for_every_severity_list_lead_and_heading(
    severity, has_list, lead, heading
):
    items = ["you have a high temperature", "you feel numb"] if has_list else []
    value = WarningBlock().to_python(
        warning(severity=severity, heading=heading, items=items, items_lead=lead)
    )
    html = WarningBlock().render(value)
    expected = expected_lead_in(severity, heading, has_list, lead)
    leads = re.findall(r'<p class="bh-warning__lead">([^<]*)</p>', html)
    assert leads == ([expected] if expected else [])
    # Never a heading and a lead-in that both say "if" ("... 111 if / If you have ...").
    shown_heading = heading or value.display_heading
    assert not (str(shown_heading).endswith(" if") and any(x.startswith("If ") for x in leads))
    assert ("<li>you have a high temperature</li>" in html) is has_list
    if has_list and str(shown_heading).endswith(" if"):
        # The list reads on from the heading, so it comes before the text.
        assert html.index("bh-warning__items") < html.index("bh-prose")


def test_a_warning_without_a_list_choice_has_no_lead_in():
    html = render(WarningBlock(), warning(heading="Take care", items_lead=""))
    assert "bh-warning__lead" not in html


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


# ---- Table ----------------------------------------------------------------------------------


def table(**overrides):
    raw = {
        "data": [["", "Adult", "Child"], ["Ibuprofen", "400 mg", "<b>100</b> mg"]],
        "table_caption": "Usual doses",
        "table_header_choice": "both",
        "first_row_is_table_header": True,
        "first_col_is_header": True,
        "cell": [],
        "mergeCells": [],
    }
    raw.update(overrides)
    return raw


def test_table_block_renders_caption_and_scoped_headings():
    html = render(TableBlock(), table())
    assert "<caption" in html and "Usual doses</caption>" in html
    assert re.search(r'<th scope="col"\s*>Adult</th>', html)
    assert re.search(r'<th scope="row"\s*>Ibuprofen</th>', html)
    assert re.search(r"<td\s*>400 mg</td>", html)
    # The empty corner cell is no heading.
    assert '<th scope="col"  ></th>' not in html and "<td" in html.split("Adult")[0]


def test_table_block_cells_are_plain_text():
    html = render(TableBlock(), table())
    assert "&lt;b&gt;100&lt;/b&gt; mg" in html
    assert "<b>100</b>" not in html


def test_table_block_scrolls_in_a_labelled_keyboard_region():
    html = render(TableBlock(), table())
    assert 'role="region"' in html and 'tabindex="0"' in html
    assert 'aria-label="Usual doses"' in html
    untitled = render(TableBlock(), table(table_caption=""))
    assert 'aria-label="Table"' in untitled and "<caption" not in untitled


def test_table_block_without_headers_has_only_data_cells():
    raw = table(
        table_header_choice="neither", first_row_is_table_header=False, first_col_is_header=False
    )
    html = render(TableBlock(), raw)
    assert "<th" not in html and "<thead" not in html


def test_table_block_clean_follows_the_header_choice_the_editor_made():
    cleaned = TableBlock().clean(
        table(table_header_choice="column", first_row_is_table_header=True)
    )
    assert cleaned["first_col_is_header"] is True
    assert cleaned["first_row_is_table_header"] is False


def test_table_block_is_in_the_body():
    assert isinstance(BODY_BLOCKS["table"], TableBlock)


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
