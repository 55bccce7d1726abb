"""A site extends the importer through a hook, BACK_HEALTH settings, and its own medicines."""

import pytest

from back_health.imports.registry import get_import_rules
from back_health.imports.service import analyse

ARTICLE = b"""# Hypermobility

Joint hypermobility means some joints move further than usual, which can strain the back.

## Treatment

Things that can help include:

- strengthening work in our weekly BackFit class
- physiotherapy
- Spinoflex gel rubbed into the sore area

## Practice diary

Volunteers have replanted the garden by the car park.
"""


def treatments(plan):
    return {page.title: page for page in plan.pages if page.kind == "treatment"}


def test_a_hook_rule_classifies_parts_before_the_built_in_rules():
    plan = analyse(ARTICLE, "hypermobility.md")

    backfit = treatments(plan)["BackFit"]
    assert backfit.treatment_kind == "physical_therapy"
    assert any(
        "clinic_classes_are_treatments" in d.because and "BackFit" in d.because
        for d in plan.decisions
    )


def test_rules_named_in_settings_are_used(settings):
    settings.BACK_HEALTH = {
        "IMPORT_RULES": ["tests.testapp.import_rules.newsletter_sections_are_junk"]
    }
    plan = analyse(ARTICLE, "hypermobility.md")

    body_text = " ".join(str(block.value) for page in plan.pages for block in page.blocks)
    assert "replanted the garden" not in body_text
    assert any("newsletter_sections_are_junk" in d.because for d in plan.decisions)


def test_without_the_setting_the_section_stays():
    plan = analyse(ARTICLE, "hypermobility.md")
    body_text = " ".join(str(block.value) for page in plan.pages for block in page.blocks)
    assert "replanted the garden" in body_text


def test_a_site_adds_medicine_brands_in_settings(settings):
    settings.BACK_HEALTH = {"MEDICINES": {"Spinoflex": "diclofenac"}}
    plan = analyse(ARTICLE, "hypermobility.md")

    diclofenac = treatments(plan)["Diclofenac"]
    assert [(m.generic, m.brands) for m in diclofenac.medicines] == [("diclofenac", ["Spinoflex"])]


def test_a_site_adds_medicine_brands_from_a_file(settings, tmp_path):
    path = tmp_path / "medicines.json"
    path.write_text('{"Spinoflex": "diclofenac"}')
    settings.BACK_HEALTH = {"MEDICINES_FILE": str(path)}

    assert "Diclofenac" in treatments(analyse(ARTICLE, "hypermobility.md"))


def test_a_broken_rule_path_is_a_configuration_error(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.BACK_HEALTH = {"IMPORT_RULES": ["tests.testapp.import_rules.no_such_rule"]}
    with pytest.raises(ImproperlyConfigured, match="IMPORT_RULES"):
        get_import_rules()


def test_a_site_adds_condition_names_in_settings(settings):
    assert not get_import_rules().is_condition_term("Gluteal amnesia")
    settings.BACK_HEALTH = {"CONDITION_NAMES": ["Gluteal amnesia"]}
    rules = get_import_rules()
    assert rules.is_condition_term("Gluteal amnesia")
    assert rules.is_condition_term("Wry neck")  # the shipped names stay
    assert not rules.is_condition_term("Exercises for gluteal amnesia")
