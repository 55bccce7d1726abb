"""Table blocks through the plan document, the JSON report and the system checks."""

import json
from dataclasses import asdict

import pytest
from django.core.checks.registry import registry

from back_health import checks
from back_health.checks import check_required_apps
from back_health.imports.plan_document import (
    PlanError,
    annotate_plan,
    plan_from_dict,
    plan_to_dict,
)
from back_health.imports.report import article_report
from back_health.imports.service import analyse

ARTICLE = """# Co-codamol

Co-codamol is a painkiller that combines codeine with paracetamol for back pain.

## Strengths

| Strength | Codeine | Paracetamol |
|---|---|---|
| 8/500 | 8 mg | 500 mg |
| 30/500 | 30 mg | 500 mg |

Higher strengths need a prescription.
"""


def planned():
    return annotate_plan(analyse(ARTICLE.encode(), "co-codamol.md"))


def table_entry(document):
    return next(
        block for page in document["pages"] for block in page["blocks"] if block["type"] == "table"
    )


def test_a_plan_with_a_table_survives_json_unchanged():
    plan = planned()
    document = json.loads(json.dumps(plan_to_dict(plan)))

    loaded = plan_from_dict(document, source=plan.source)

    assert [asdict(page) for page in loaded.pages] == [asdict(page) for page in plan.pages]


def test_the_plan_document_gives_a_table_its_rows_in_words():
    entry = table_entry(plan_to_dict(planned()))

    assert entry["items"] == [
        "Strength: 8/500; Codeine: 8 mg; Paracetamol: 500 mg",
        "Strength: 30/500; Codeine: 30 mg; Paracetamol: 500 mg",
    ]
    assert entry["key"].startswith("table:")


def test_an_edited_caption_is_written_to_the_table():
    document = plan_to_dict(planned())
    table_entry(document)["heading"] = "Tablet strengths"

    plan = plan_from_dict(document)

    (table,) = [b for page in plan.pages for b in page.blocks if b.type == "table"]
    assert table.value["table_caption"] == "Tablet strengths"


def test_a_table_kept_as_text_becomes_a_list_of_its_rows():
    document = plan_to_dict(planned())
    table_entry(document)["type"] = "paragraph"

    plan = plan_from_dict(document)

    assert not any(b.type == "table" for page in plan.pages for b in page.blocks)
    text = " ".join(b.value for page in plan.pages for b in page.blocks if b.type == "paragraph")
    assert "<li>Strength: 30/500; Codeine: 30 mg; Paracetamol: 500 mg</li>" in text


def test_a_table_with_cells_that_are_not_text_is_refused():
    document = plan_to_dict(planned())
    table_entry(document)["value"]["data"][1] = [8, "8 mg"]

    with pytest.raises(PlanError, match=r"value\.data\[1\]"):
        plan_from_dict(document)


def test_the_json_report_includes_the_table():
    report = article_report(planned())

    (entry,) = [b for page in report["pages"] for b in page["blocks"] if b["type"] == "table"]
    assert entry["rows"][0] == ["Strength", "Codeine", "Paracetamol"]
    assert entry["header_row"] is True and entry["header_column"] is False
    assert "30 mg" in entry["text"]


def test_the_system_check_names_the_missing_table_block_app(monkeypatch):
    assert not check_required_apps()
    assert check_required_apps in registry.get_checks()
    installed = checks.apps.is_installed
    monkeypatch.setattr(
        checks.apps, "is_installed", lambda name: name != checks.TABLE_BLOCK_APP and installed(name)
    )

    errors = check_required_apps()

    assert [error.id for error in errors] == ["back_health.E001"]
    assert "wagtail.contrib.table_block" in errors[0].msg
