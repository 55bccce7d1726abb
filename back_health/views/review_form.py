"""The review form: an editor's corrections to a stored import plan.

The plan is the document the service stores with a pending import (see the README's
"Plans" section): ``pages[]`` with ``key``, ``include``, ``action``, ``reason``,
``kind``, ``title``, ``blocks[]``, ``relations`` and ``page_id``. The form offers one
set of fields per planned page and :meth:`PlanReviewForm.corrected_plan` returns a new
plan with the corrections applied; the stored plan is never changed in place.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import AdminPageChooser

from ..models import CausePage, ConditionPage, TreatmentPage
from .wording import (
    ACTION_LABELS,
    KIND_CHOICES,
    SEVERITY_CHOICES,
    describe_flag,
    medicine_label,
    visible_flags,
)

#: Relation groups of a planned page, in the order the screen lists them.
RELATION_GROUPS = [
    ("causes", gettext_lazy("Causes")),
    ("treatments", gettext_lazy("Treatments")),
    ("related_conditions", gettext_lazy("Related conditions")),
]

#: Kinds whose pages an editor may map a name to.
MAPPABLE_MODELS = (ConditionPage, CausePage, TreatmentPage)


def relation_title(relation) -> str:
    """A relation's target name, whether the plan stores a name or ``{"title": ...}``."""
    return relation.get("title", "") if isinstance(relation, dict) else str(relation)


def keep_as_text(block: dict) -> dict:
    """A warning turned back into an ordinary paragraph with the same words.

    The plan document's rule: a block whose ``type`` says ``paragraph`` while its raw
    value is a warning is written as paragraphs (heading, text, then a list).
    """
    block = {**block, "type": "paragraph"}
    block.pop("severity", None)
    return block


def is_suggestion(page: dict) -> bool:
    """A bare mention the importer only suggests; it is written only when ticked."""
    return page.get("action") == "suggest"


@dataclass
class WarningRow:
    index: int
    block: dict
    severity: forms.BoundField
    as_text: forms.BoundField


#: Body rows of a table the review screen shows; the page editor shows them all.
TABLE_PREVIEW_ROWS = 5


@dataclass
class TableRow:
    """A table block on the review screen: what it holds and whether to keep it."""

    index: int
    block: dict
    keep: forms.BoundField

    @property
    def value(self) -> dict:
        return self.block.get("value") or {}

    @property
    def caption(self) -> str:
        return self.block.get("heading") or self.value.get("table_caption", "")

    @property
    def header(self) -> list[str]:
        data = self.value.get("data") or []
        return data[0] if data and self.value.get("first_row_is_table_header") else []

    @property
    def body(self) -> list[list[str]]:
        data = self.value.get("data") or []
        return data[1:] if self.header else data

    @property
    def preview_rows(self) -> list[list[str]]:
        return self.body[:TABLE_PREVIEW_ROWS]

    @property
    def more_rows(self) -> int:
        return max(len(self.body) - TABLE_PREVIEW_ROWS, 0)


@dataclass
class RelationRow:
    group: str
    label: str
    title: str
    #: The ``remove`` button's value: "<page>:<group>:<relation>".
    remove_value: str


@dataclass
class PageRow:
    """One planned page on the review screen with its fields and what to show."""

    index: int
    page: dict
    include: forms.BoundField
    kind: forms.BoundField | None
    title: forms.BoundField
    page_id: forms.BoundField | None
    warnings: list[WarningRow] = field(default_factory=list)
    tables: list[TableRow] = field(default_factory=list)
    relations: list[RelationRow] = field(default_factory=list)
    flags: list[dict] = field(default_factory=list)
    medicines: list[str] = field(default_factory=list)

    @property
    def action_label(self):
        return ACTION_LABELS.get(self.page.get("action", ""), self.page.get("action", ""))

    @property
    def html_id(self):
        return f"bh-page-{self.index}"

    @property
    def block_count(self):
        return len(self.page.get("blocks", []))

    @property
    def is_suggestion(self):
        return is_suggestion(self.page)


class PlanReviewForm(forms.Form):
    """Fields for every planned page of ``plan``; see :meth:`corrected_plan`."""

    def __init__(self, plan: dict, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        for index, page in enumerate(plan.get("pages", [])):
            prefix = f"p{index}"
            self.fields[f"{prefix}-include"] = forms.BooleanField(
                label=_("Write this page"),
                required=False,
                initial=page.get("include", not is_suggestion(page)),
            )
            self.fields[f"{prefix}-title"] = forms.CharField(
                label=_("Title"), max_length=255, initial=page.get("title", "")
            )
            if page.get("kind") == "index":
                continue
            self.fields[f"{prefix}-kind"] = forms.ChoiceField(
                label=_("Kind"), choices=KIND_CHOICES, initial=page.get("kind")
            )
            self.fields[f"{prefix}-page_id"] = forms.IntegerField(
                label=_("Use an existing page instead"),
                required=False,
                initial=page.get("page_id"),
                widget=AdminPageChooser(target_models=MAPPABLE_MODELS, can_choose_root=False),
                help_text=_("Links point to the chosen page; no new page is created."),
            )
            for number, block in enumerate(page.get("blocks", [])):
                if block.get("type") == "table":
                    self.fields[f"{prefix}-b{number}-keep"] = forms.BooleanField(
                        label=_("Keep this table"),
                        required=False,
                        initial=True,
                        help_text=_("Untick to leave the table out of the page."),
                    )
                    continue
                if block.get("type") != "warning":
                    continue
                self.fields[f"{prefix}-b{number}-severity"] = forms.ChoiceField(
                    label=_("Severity"), choices=SEVERITY_CHOICES, initial=block.get("severity")
                )
                self.fields[f"{prefix}-b{number}-as_text"] = forms.BooleanField(
                    label=_("Keep as text"),
                    required=False,
                    help_text=_("Not a warning: show it as an ordinary paragraph."),
                )

    def clean(self):
        data = super().clean()
        page_ids = [
            data[name] for name in self.fields if name.endswith("-page_id") and data.get(name)
        ]
        known = set(
            page_id
            for model in MAPPABLE_MODELS
            for page_id in model.objects.filter(pk__in=page_ids).values_list("pk", flat=True)
        )
        for name in self.fields:
            if name.endswith("-page_id") and data.get(name) and data[name] not in known:
                self.add_error(name, _("Choose a condition, cause or treatment page."))
        return data

    def rows(self) -> list[PageRow]:
        """Every planned page with its bound fields, in plan order."""
        article_flags = visible_flags(self.plan)
        thin = {
            flag.get("text", "").casefold(): flag
            for flag in article_flags
            if flag.get("kind") == "thin_page"
        }
        rows = []
        for index, page in enumerate(self.plan.get("pages", [])):
            prefix = f"p{index}"
            row = PageRow(
                index=index,
                page=page,
                include=self[f"{prefix}-include"],
                kind=self[f"{prefix}-kind"] if f"{prefix}-kind" in self.fields else None,
                title=self[f"{prefix}-title"],
                page_id=self[f"{prefix}-page_id"] if f"{prefix}-page_id" in self.fields else None,
                medicines=[
                    label
                    for label in map(medicine_label, page.get("medicines", []))
                    if label.strip()
                ],
            )
            for number, block in enumerate(page.get("blocks", [])):
                if f"{prefix}-b{number}-keep" in self.fields:
                    row.tables.append(
                        TableRow(index=number, block=block, keep=self[f"{prefix}-b{number}-keep"])
                    )
                if f"{prefix}-b{number}-severity" in self.fields:
                    row.warnings.append(
                        WarningRow(
                            index=number,
                            block=block,
                            severity=self[f"{prefix}-b{number}-severity"],
                            as_text=self[f"{prefix}-b{number}-as_text"],
                        )
                    )
            relations = page.get("relations") or {}
            for group, label in RELATION_GROUPS:
                for number, relation in enumerate(relations.get(group, [])):
                    row.relations.append(
                        RelationRow(
                            group=group,
                            label=str(label),
                            title=relation_title(relation),
                            remove_value=f"{index}:{group}:{number}",
                        )
                    )
            flag = thin.get(page.get("title", "").casefold())
            if flag is not None and not is_suggestion(page):
                row.flags.append(describe_flag(flag))
            rows.append(row)
        return rows

    def article_flags(self) -> list[dict]:
        """Flags about the article as a whole (page-level ones show with their page)."""
        return [flag for flag in visible_flags(self.plan) if flag.get("kind") != "thin_page"]

    def corrected_plan(self, *, remove: str = "") -> dict:
        """A copy of the plan with the submitted corrections (and one relation removed).

        Call after :meth:`is_valid`. ``remove`` is a remove button's value.
        """
        data = self.cleaned_data
        plan = copy.deepcopy(self.plan)
        for index, page in enumerate(plan.get("pages", [])):
            prefix = f"p{index}"
            page["include"] = bool(data.get(f"{prefix}-include"))
            page["title"] = data.get(f"{prefix}-title") or page.get("title", "")
            if f"{prefix}-kind" not in self.fields:
                continue
            page["kind"] = data.get(f"{prefix}-kind") or page.get("kind")
            page["page_id"] = data.get(f"{prefix}-page_id") or None
            blocks = []
            for number, block in enumerate(page.get("blocks", [])):
                if f"{prefix}-b{number}-keep" in self.fields and not data.get(
                    f"{prefix}-b{number}-keep"
                ):
                    continue  # the editor left the table out
                if f"{prefix}-b{number}-severity" in self.fields:
                    if data.get(f"{prefix}-b{number}-as_text"):
                        block = keep_as_text(block)
                    else:
                        block["severity"] = data.get(f"{prefix}-b{number}-severity")
                blocks.append(block)
            page["blocks"] = blocks
        if remove:
            remove_relation(plan, remove)
        return plan


def remove_relation(plan: dict, value: str) -> None:
    """Drop the relation a remove button names ("<page>:<group>:<relation>"); ignore
    a value that names nothing (a stale screen)."""
    try:
        page_index, group, number = value.split(":")
        relations = plan["pages"][int(page_index)]["relations"][group]
        del relations[int(number)]
    except (ValueError, KeyError, IndexError, TypeError):
        return
