"""The Plan: plain data of the pages, relations and blocks an import will write.

The classifier builds it from a Document; the writer fills in ``action``,
``id``, ``url_path`` and ``live``; the report serialises it. Block values are
StreamField-ready raw values of the body StreamBlock, with rich text as HTML
strings that the writer sanitises for the target block's features.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .document import Decision, Dropped, Flag, Repair


class Kind(StrEnum):
    """What a planned page is; the values are the report's and the plan file's words."""

    INDEX = "index"
    CONDITION = "condition"
    CAUSE = "cause"
    TREATMENT = "treatment"


class Action(StrEnum):
    """What the writer does (or would do) with a planned page."""

    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    CONFLICT = "conflict"
    SKIP = "skip"
    #: The name resolves to an existing page that this import does not own: link to it.
    LINK = "link"
    #: A bare mention: reported, written only when an editor includes it.
    SUGGEST = "suggest"


class Severity(StrEnum):
    """Stored severity keys of the warning block, mildest first."""

    INFO = "info"
    CAUTION = "caution"
    SEE_DOCTOR = "see_doctor"
    URGENT = "urgent"
    EMERGENCY = "emergency"


#: The main page's title when the article names no subject at all; flagged
#: ``no_title`` and translated when the plan is annotated, for an editor to replace.
UNTITLED_ARTICLE = "Untitled article"

PAGE_KINDS = tuple(Kind)
ACTIONS = tuple(Action)


@dataclass
class BlockPlan:
    """One body block.

    ``type`` is a child block name of the body StreamBlock and ``value`` its raw value:

    - ``heading``: ``{"text": str, "level": "h2"|"h3"|"h4"}``
    - ``paragraph``: HTML string (``<p>``, ``<ul>``/``<ol>``, inline markup)
    - ``warning``: ``{"severity": "info"|"caution"|"see_doctor"|"urgent"|"emergency",
      "heading": str, "text": HTML str, "items_lead": "any"|"all"|"", "items": [str]}``
    - ``exercise_list``: ``{"heading": str, "intro": HTML str, "exercises": [
      {"name": str, "steps": [str], "dose": {"sets": int|None, "repetitions": int|None,
      "hold_seconds": int|None, "per_side": bool, "times_per_day": int|None,
      "days_per_week": int|None}, "cautions": [str]}], "stop_if": [str]}``
    - ``inset``: ``{"text": HTML str}``
    - ``table``: Wagtail's ``TableBlock`` value: ``{"data": [[str]] (the header row
      first when there is one), "table_caption": str, "table_header_choice":
      "row"|"column"|"both"|"neither", "first_row_is_table_header": bool,
      "first_col_is_header": bool, "cell": [], "mergeCells": []}``
    """

    type: str
    value: dict | str


@dataclass
class RelationPlan:
    #: Title of the target page (resolved by normalised name, then alternate names).
    title: str
    #: ``condition``, ``cause`` or ``treatment``: the kind of the target page.
    kind: str
    note: str = ""


@dataclass
class MedicinePlan:
    generic: str
    brands: list[str] = field(default_factory=list)


@dataclass
class PagePlan:
    kind: str
    title: str
    summary: str = ""
    slug: str = ""
    alternate_names: list[str] = field(default_factory=list)
    body_regions: list[str] = field(default_factory=list)
    blocks: list[BlockPlan] = field(default_factory=list)
    #: Treatment pages: one of TreatmentPage's kinds ("medicine", "self_care", ...).
    treatment_kind: str = ""
    #: Medicine treatment pages: the generic name and the brand names the article used.
    medicines: list[MedicinePlan] = field(default_factory=list)
    causes: list[RelationPlan] = field(default_factory=list)
    treatments: list[RelationPlan] = field(default_factory=list)
    related_conditions: list[RelationPlan] = field(default_factory=list)
    #: Stable identity of the planned page within its article ("cause:poor posture"):
    #: what an edited plan and an editor's corrections refer to.
    key: str = ""
    #: False leaves the page out of the write (suggested pages start out excluded).
    include: bool = True
    #: Why the importer chose this page's kind and action, in words for an editor.
    reason: str = ""
    #: An existing page this name is mapped to: relations point there, nothing is created.
    page_id: int | None = None
    # Filled in by the writer (the classifier may set ``suggest``).
    action: str = "create"
    id: int | None = None
    url_path: str | None = None
    live: bool = False


@dataclass
class SourceInfo:
    name: str
    sha256: str
    format: str
    bytes: int
    #: Origin URL when the source said where it came from (canonical link, og:url).
    url: str = ""
    #: What the import is keyed by under its hub: the address or path the user sees
    #: and may set, or one generated for a pasted article.
    identity: str = ""


@dataclass
class ArticlePlan:
    source: SourceInfo
    title: str
    pages: list[PagePlan] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    status: str = "imported"
    error: str | None = None
    #: Editors' corrections applied to what the importer proposed (see plan_document).
    corrections: list[dict] = field(default_factory=list)
    #: Set by the writer: pages an earlier import of the article wrote under another kind,
    #: and what writing did (or, in a dry run, would do) with each: replaced by the page of
    #: the new kind at the same address, or ``kept`` (with the ``reason``).
    kind_changes: list[dict] = field(default_factory=list)

    @property
    def main_page(self) -> PagePlan | None:
        return self.pages[0] if self.pages else None
