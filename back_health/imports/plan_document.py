"""The plan as a document: what an editor reviews, corrects and approves.

:func:`plan_to_dict` turns an :class:`ArticlePlan` into a JSON-able, versioned
document in the report's vocabulary; :func:`plan_from_dict` validates an edited
document and turns it back into the plan the writer writes, exactly. Every page
and block carries a stable ``key`` so an editor's corrections (the differences
between the importer's document and the approved one, :func:`diff_plans`) can
be stored and applied again to the next import of the same source
(:func:`apply_corrections`).

Block vocabulary: ``type``, ``severity``, ``heading``, ``text``, ``items`` are
the editable words; ``value`` is the block's raw StreamField value. Where an
editable word differs from what ``value`` says, the word wins: change a
warning's ``severity``, rewrite a paragraph's ``text``, or set a warning's
``type`` to ``paragraph`` to keep it as plain text. A table's ``heading`` is its
caption and its ``items`` are its rows in words ("Dose: 400 mg; Maximum: 1,200 mg");
its cells are edited in the page editor, and ``type`` ``paragraph`` keeps the rows
as a list.
"""

from __future__ import annotations

import copy
import hashlib
import html
from typing import Any

from django.utils.translation import gettext as _

from ..importer import annotate
from ..importer.annotate import page_key  # noqa: F401 - part of this module's API
from ..importer.document import Decision, Dropped, Flag, Repair
from ..importer.names import entity_key as normalise_name
from ..importer.plan import (
    ArticlePlan,
    BlockPlan,
    Kind,
    MedicinePlan,
    PagePlan,
    RelationPlan,
    Severity,
    SourceInfo,
)
from .report import article_notes, html_text

PLAN_VERSION = 1

#: Page kinds a plan document may give a page (the hub is never part of it).
PAGE_KINDS = (Kind.CONDITION, Kind.CAUSE, Kind.TREATMENT)
#: The kind an editor gives a part that is not a page of its own: its words stay as text
#: on the pages that mention it.
TEXT_KIND = "text"
RELATION_FIELDS = ("causes", "treatments", "related_conditions")
#: Page fields an editor may correct, as named in the document.
PAGE_FIELDS = (
    "include",
    "kind",
    "title",
    "summary",
    "alternate_names",
    "page_id",
    "treatment_kind",
    "body_regions",
)
#: Block fields an editor may correct.
BLOCK_FIELDS = ("type", "severity", "heading", "text", "items")
#: Body blocks that point at other objects (images): never taken from a plan file.
REFERENCE_BLOCK_TYPES = ("image",)


def block_types() -> tuple[str, ...]:
    """The block types a plan may hold: the body's, less those pointing at other objects."""
    from ..blocks import BackHealthStreamBlock

    names = BackHealthStreamBlock.base_blocks.keys()
    return tuple(name for name in names if name not in REFERENCE_BLOCK_TYPES)


class PlanError(ValueError):
    """A plan document is malformed or does not belong to its source (one line)."""


# -- keys and reasons ----------------------------------------------------------------------


def block_key(block: BlockPlan) -> str:
    """A stable key of a block from its type and content, for corrections."""
    entry = _block_words(block)
    words = " ".join(
        [entry.get("heading", ""), entry.get("text", ""), *map(str, entry.get("items", []))]
    )
    digest = hashlib.sha1(" ".join(words.casefold().split()).encode(), usedforsecurity=False)
    return f"{block.type}:{digest.hexdigest()[:10]}"


def annotate_plan(plan: ArticlePlan) -> ArticlePlan:
    """Keys, reasons (in the active language) and suggestions for bare mentions:
    :func:`back_health.importer.annotate.annotate_plan` with Django's translations."""
    return annotate.annotate_plan(plan, gettext=_)


# -- to a document -------------------------------------------------------------------------


def _block_words(block: BlockPlan) -> dict:
    """The editable words of a block, read from its raw value."""
    value = block.value
    words: dict[str, Any] = {"heading": "", "text": "", "items": []}
    if block.type == "heading" and isinstance(value, dict):
        words["heading"] = words["text"] = value.get("text", "")
    elif block.type == "paragraph" and isinstance(value, str):
        words["text"] = html_text(value)
    elif block.type == "warning" and isinstance(value, dict):
        words["severity"] = value.get("severity", "")
        words["heading"] = value.get("heading", "")
        words["text"] = html_text(value.get("text", ""))
        words["items"] = list(value.get("items") or [])
    elif block.type == "exercise_list" and isinstance(value, dict):
        words["heading"] = value.get("heading", "")
        words["text"] = html_text(value.get("intro", ""))
        words["items"] = [exercise.get("name", "") for exercise in value.get("exercises", [])]
    elif block.type == "table" and isinstance(value, dict):
        words["heading"] = value.get("table_caption", "")
        words["items"] = table_rows_in_words(value)
    elif block.type in ("inset", "quote") and isinstance(value, dict):
        words["text"] = html_text(value.get("text", "")) or value.get("quote", "")
    return words


def table_rows_in_words(value: dict) -> list[str]:
    """A table block's body rows as sentences: "Heading: cell; Heading: cell" when it has
    a header row, else its cells joined."""
    data = [list(row) for row in value.get("data") or [] if isinstance(row, list)]
    if value.get("first_row_is_table_header") and data:
        head, rows = data[0], data[1:]
    else:
        head, rows = [], data
    words = []
    for row in rows:
        cells = [
            f"{head[i]}: {cell}" if i < len(head) and head[i] else str(cell)
            for i, cell in enumerate(row)
            if cell
        ]
        if cells:
            words.append("; ".join(cells))
    return words


def block_to_dict(block: BlockPlan, key: str = "") -> dict:
    words = _block_words(block)
    entry = {"key": key or block_key(block), "type": block.type}
    if "severity" in words:
        entry["severity"] = words["severity"]
    entry.update(heading=words["heading"], text=words["text"], items=words["items"])
    entry["value"] = copy.deepcopy(block.value)
    return entry


def _relation_to_dict(relation: RelationPlan, keys: dict[str, str]) -> dict:
    return {
        "key": keys.get(normalise_name(relation.title), ""),
        "title": relation.title,
        "kind": relation.kind,
        "note": relation.note,
    }


def page_to_dict(page: PagePlan, keys: dict[str, str]) -> dict:
    blocks, seen = [], set()
    for block in page.blocks:
        key = base = block_key(block)
        number = 1
        while key in seen:
            number += 1
            key = f"{base}~{number}"
        seen.add(key)
        blocks.append(block_to_dict(block, key))
    return {
        "key": page.key,
        "include": page.include,
        "action": page.action,
        "reason": page.reason,
        "kind": page.kind,
        "title": page.title,
        "alternate_names": list(page.alternate_names),
        "summary": page.summary,
        "treatment_kind": page.treatment_kind,
        "medicines": [{"generic": m.generic, "brands": list(m.brands)} for m in page.medicines],
        "body_regions": list(page.body_regions),
        "page_id": page.page_id,
        "id": page.id,
        "relations": {
            name: [_relation_to_dict(r, keys) for r in getattr(page, name)]
            for name in RELATION_FIELDS
        },
        "blocks": blocks,
    }


def plan_to_dict(plan: ArticlePlan) -> dict:
    """The plan as a JSON-able document (version :data:`PLAN_VERSION`)."""
    if any(page.kind != Kind.INDEX and not page.key for page in plan.pages):
        annotate_plan(plan)
    pages = [page for page in plan.pages if page.kind != Kind.INDEX]
    keys: dict[str, str] = {}
    for page in pages:
        keys.setdefault(normalise_name(page.title), page.key)
    return {
        "version": PLAN_VERSION,
        "source": {
            "name": plan.source.name,
            "sha256": plan.source.sha256,
            "format": plan.source.format,
            "bytes": plan.source.bytes,
            "url": plan.source.url,
            "identity": getattr(plan.source, "identity", ""),
        },
        "title": plan.title,
        "pages": [page_to_dict(page, keys) for page in pages],
        **article_notes(plan),
    }


# -- from a document -----------------------------------------------------------------------


def _fail(message: str, **values) -> PlanError:
    return PlanError(message % values if values else message)


def _expect(data, kind, where):
    if not isinstance(data, kind):
        names = {dict: "an object", list: "a list", str: "a string", bool: "true or false"}
        raise _fail(
            _("Invalid plan: %(where)s must be %(kind)s."),
            where=where,
            kind=names.get(kind, kind.__name__),
        )
    return data


def _strings(data, where) -> list[str]:
    items = _expect(data if data is not None else [], list, where)
    for item in items:
        _expect(item, str, where + "[]")
    return list(items)


def _paragraphs_html(text: str) -> str:
    parts = [" ".join(part.split()) for part in text.split("\n\n")]
    return "".join(f"<p>{html.escape(part, quote=False)}</p>" for part in parts if part)


def _list_html(items: list[str]) -> str:
    if not items:
        return ""
    return "<ul>" + "".join(f"<li>{html.escape(i, quote=False)}</li>" for i in items) + "</ul>"


def block_from_dict(data: dict, where: str) -> BlockPlan:
    """A block as the document says, its editable words applied to its raw value."""
    _expect(data, dict, where)
    block_type = _expect(data.get("type"), str, where + ".type")
    if block_type not in block_types():
        raise _fail(
            _("Invalid plan: %(where)s has an unknown type %(type)s."),
            where=where,
            type=repr(block_type),
        )
    value = copy.deepcopy(data.get("value"))
    # A word the document leaves out keeps what the raw value says; one it gives wins.
    if value is not None and any(name not in data for name in ("heading", "text", "items")):
        data = {**block_to_dict(BlockPlan(_value_type(block_type, value), value)), **data}
    heading = _expect(data.get("heading") or "", str, where + ".heading")
    text = _expect(data.get("text") or "", str, where + ".text")
    items = _strings(data.get("items"), where + ".items")
    if block_type == "paragraph":
        if isinstance(value, dict):
            # Another block kept as text: its words become paragraphs and a list.
            lead = f"<p><b>{html.escape(heading, quote=False)}</b></p>" if heading else ""
            value = lead + _paragraphs_html(text) + _list_html(items)
        elif not isinstance(value, str) or text != html_text(value):
            value = _paragraphs_html(text)
        if not html_text(value):
            raise _fail(_("Invalid plan: %(where)s has no text."), where=where)
        return BlockPlan("paragraph", value)
    if block_type == "heading":
        value = dict(value) if isinstance(value, dict) else {"level": "h2"}
        value["text"] = heading or text or value.get("text", "")
        if not value["text"].strip():
            raise _fail(_("Invalid plan: %(where)s has no text."), where=where)
        return BlockPlan("heading", value)
    if block_type == "warning":
        severity = data.get("severity") or (
            value.get("severity") if isinstance(value, dict) else ""
        )
        if severity not in tuple(Severity):
            raise _fail(
                _("Invalid plan: %(where)s.severity must be one of %(choices)s."),
                where=where,
                choices=", ".join(Severity),
            )
        if not isinstance(value, dict) or "severity" not in value:
            # Text turned into a warning.
            value = {"heading": "", "text": "", "items_lead": "", "items": []}
            value["text"] = _paragraphs_html(text)
        elif text != html_text(value.get("text", "")):
            value["text"] = _paragraphs_html(text)
        value["severity"] = str(severity)
        value["heading"] = heading
        value["items"] = items
        if not value["items"]:
            value["items_lead"] = ""
        return BlockPlan("warning", value)
    if block_type == "exercise_list":
        value = _expect(value, dict, where + ".value")
        value["heading"] = heading or value.get("heading", "")
        if text != html_text(value.get("intro", "")):
            value["intro"] = _paragraphs_html(text)
        exercises = {exercise.get("name", ""): exercise for exercise in value.get("exercises", [])}
        unknown = [name for name in items if name not in exercises]
        if unknown:
            raise _fail(
                _("Invalid plan: %(where)s names an exercise it does not have: %(name)s."),
                where=where,
                name=unknown[0],
            )
        value["exercises"] = [exercises[name] for name in items]
        return BlockPlan("exercise_list", value)
    if block_type == "table":
        value = _expect(value, dict, where + ".value")
        rows = _expect(value.get("data"), list, where + ".value.data")
        for number, row in enumerate(rows):
            _strings(row, f"{where}.value.data[{number}]")
        value["table_caption"] = heading or ""
        return BlockPlan("table", value)
    if block_type in ("inset", "quote") and isinstance(value, dict) and "text" in value:
        if text != html_text(value.get("text", "")):
            value["text"] = _paragraphs_html(text)
        return BlockPlan(block_type, value)
    if value is None:
        raise _fail(_("Invalid plan: %(where)s has no value."), where=where)
    return BlockPlan(block_type, value)


def _value_type(block_type: str, value) -> str:
    """The type whose shape ``value`` has (a warning kept as text still has a warning's)."""
    if isinstance(value, str):
        return "paragraph"
    if isinstance(value, dict) and "severity" in value:
        return "warning"
    if isinstance(value, dict) and "exercises" in value:
        return "exercise_list"
    if isinstance(value, dict) and "data" in value and "table_caption" in value:
        return "table"
    return block_type


def _relation_from_dict(data, where, pages_by_key) -> RelationPlan:
    if isinstance(data, str):
        data = {"title": data}
    _expect(data, dict, where)
    key = data.get("key") or ""
    target = pages_by_key.get(key) if key else None
    if key and target is None:
        raise _fail(_("Invalid plan: %(where)s points at no page %(key)s."), where=where, key=key)
    if target is not None:
        # The target's own (possibly edited) title and kind: a rename follows through.
        title, kind = target["title"], target["kind"]
    else:
        title = _expect(data.get("title"), str, where + ".title")
        kind = data.get("kind") or ""
    note = _expect(data.get("note") or "", str, where + ".note")
    return RelationPlan(title=title.strip(), kind=kind, note=note)


def page_from_dict(data: dict, where: str, pages_by_key: dict[str, dict]) -> PagePlan:
    _expect(data, dict, where)
    key = _expect(data.get("key"), str, where + ".key")
    title = " ".join(_expect(data.get("title"), str, where + ".title").split())
    if not title:
        raise _fail(_("Invalid plan: %(where)s has no title."), where=where)
    kind = data.get("kind")
    if kind not in (*PAGE_KINDS, TEXT_KIND):
        raise _fail(
            _("Invalid plan: %(where)s.kind must be one of %(choices)s."),
            where=where,
            choices=", ".join([*PAGE_KINDS, TEXT_KIND]),
        )
    include = _expect(data.get("include", True), bool, where + ".include")
    page_id = data.get("page_id")
    if page_id is not None and (isinstance(page_id, bool) or not isinstance(page_id, int)):
        raise _fail(_("Invalid plan: %(where)s.page_id must be a page id."), where=where)
    relations = _expect(data.get("relations") or {}, dict, where + ".relations")
    unknown = set(relations) - set(RELATION_FIELDS)
    if unknown:
        raise _fail(
            _("Invalid plan: %(where)s.relations has an unknown list %(name)s."),
            where=where,
            name=sorted(unknown)[0],
        )
    medicines = []
    for number, medicine in enumerate(_expect(data.get("medicines") or [], list, where)):
        _expect(medicine, dict, f"{where}.medicines[{number}]")
        medicines.append(
            MedicinePlan(
                generic=_expect(medicine.get("generic"), str, f"{where}.medicines[{number}]"),
                brands=_strings(medicine.get("brands"), f"{where}.medicines[{number}].brands"),
            )
        )
    action = data.get("action") or "create"
    page = PagePlan(
        kind=str(kind),
        title=title,
        summary=_expect(data.get("summary") or "", str, where + ".summary"),
        alternate_names=_strings(data.get("alternate_names"), where + ".alternate_names"),
        body_regions=_strings(data.get("body_regions"), where + ".body_regions"),
        blocks=[
            block_from_dict(block, f"{where}.blocks[{number}]")
            for number, block in enumerate(_expect(data.get("blocks") or [], list, where))
        ],
        treatment_kind=_expect(data.get("treatment_kind") or "", str, where + ".treatment_kind"),
        medicines=medicines,
        key=key,
        include=include,
        reason=_expect(data.get("reason") or "", str, where + ".reason"),
        page_id=page_id,
        # An included suggestion is a page to create; the writer decides the rest.
        action="create" if include and action == "suggest" else action,
    )
    for name in RELATION_FIELDS:
        entries = _expect(relations.get(name) or [], list, f"{where}.relations.{name}")
        setattr(
            page,
            name,
            [
                _relation_from_dict(entry, f"{where}.relations.{name}[{number}]", pages_by_key)
                for number, entry in enumerate(entries)
            ],
        )
    return page


def plan_from_dict(data, *, source: SourceInfo | None = None) -> ArticlePlan:
    """Validate a plan document and return the plan it describes.

    With ``source``, the document must name the same source (sha256 and name);
    raises :class:`PlanError` with a one-line message otherwise or when the
    document is malformed.
    """
    _expect(data, dict, "the plan")
    if data.get("version") != PLAN_VERSION:
        raise _fail(
            _("Invalid plan: version %(found)s is not supported (expected %(version)s)."),
            found=repr(data.get("version")),
            version=PLAN_VERSION,
        )
    info = _expect(data.get("source"), dict, "source")
    sha256 = _expect(info.get("sha256"), str, "source.sha256")
    name = _expect(info.get("name"), str, "source.name")
    if source is not None and sha256 != source.sha256:
        raise _fail(
            _(
                "The plan was made from another version of the source (%(name)s): its SHA-256 "
                "differs; make a new plan."
            ),
            name=source.name,
        )
    if source is not None and name != source.name:
        raise _fail(
            _("The plan was made from %(plan)s, not %(name)s."), plan=name, name=source.name
        )
    pages_data = _expect(data.get("pages"), list, "pages")
    pages_by_key: dict[str, dict] = {}
    for number, page in enumerate(pages_data):
        _expect(page, dict, f"pages[{number}]")
        key = page.get("key")
        if not isinstance(key, str) or not key:
            raise _fail(_("Invalid plan: pages[%(number)s] has no key."), number=number)
        if key in pages_by_key:
            raise _fail(_("Invalid plan: two pages have the key %(key)s."), key=key)
        pages_by_key[key] = page
    pages = fold_text_pages(
        [
            page_from_dict(page, f"pages[{number}] ({page['key']})", pages_by_key)
            for number, page in enumerate(pages_data)
        ]
    )
    source_info = SourceInfo(
        name=name,
        sha256=sha256,
        format=_expect(info.get("format") or "", str, "source.format"),
        bytes=int(info.get("bytes") or 0),
        url=_expect(info.get("url") or "", str, "source.url"),
    )
    if hasattr(source_info, "identity"):
        source_info.identity = _expect(info.get("identity") or "", str, "source.identity")

    def entries(name, where):
        items = _expect(data.get(name) or [], list, name)
        for number, item in enumerate(items):
            _expect(item, dict, f"{where}[{number}]")
        return items

    return ArticlePlan(
        source=source_info,
        title=_expect(data.get("title") or "", str, "title"),
        pages=pages,
        dropped=[
            Dropped(reason=d.get("reason", ""), text=d.get("text", ""))
            for d in entries("dropped", "dropped")
        ],
        flags=[
            Flag(kind=f.get("kind", ""), text=f.get("text", ""), language=f.get("language", ""))
            for f in entries("flags", "flags")
        ],
        repairs=[
            Repair(
                kind=r.get("kind", ""),
                from_=r.get("from", ""),
                to=r.get("to", ""),
                count=int(r.get("count") or 1),
            )
            for r in entries("repairs", "repairs")
        ],
        decisions=[
            Decision(part=d.get("part", ""), as_=d.get("as", ""), because=d.get("because", ""))
            for d in entries("decisions", "decisions")
        ],
        corrections=entries("corrections", "corrections"),
    )


def fold_text_pages(pages: list[PagePlan]) -> list[PagePlan]:
    """Parts an editor marked as just text (``kind: "text"``) are not pages.

    Each page that related to one says so in words instead: a paragraph such as
    "Causes: a fall onto the bottom." at the end of its body, followed by the part's
    own blocks, if it had any, under a heading of its name.
    """
    text_pages = {normalise_name(p.title): p for p in pages if p.kind == TEXT_KIND}
    if not text_pages:
        return pages
    labels = {
        "causes": _("Causes"),
        "treatments": _("Treatments"),
        "related_conditions": _("Related conditions"),
    }
    placed: set[int] = set()
    kept = [p for p in pages if p.kind != TEXT_KIND]
    for page in kept:
        for name in RELATION_FIELDS:
            relations = getattr(page, name)
            folded = [r for r in relations if normalise_name(r.title) in text_pages]
            if not folded:
                continue
            setattr(page, name, [r for r in relations if r not in folded])
            words = ", ".join(r.title[:1].lower() + r.title[1:] for r in folded)
            page.blocks.append(
                BlockPlan("paragraph", _paragraphs_html(f"{labels[name]}: {words}."))
            )
            for relation in folded:
                part = text_pages[normalise_name(relation.title)]
                if part.blocks and id(part) not in placed:
                    placed.add(id(part))
                    page.blocks.append(BlockPlan("heading", {"text": part.title, "level": "h2"}))
                    page.blocks.extend(part.blocks)
    return kept


# -- corrections ---------------------------------------------------------------------------


def _relation_target(entry) -> str:
    if isinstance(entry, str):
        return "name:" + normalise_name(entry)
    return entry.get("key") or "name:" + normalise_name(entry.get("title", ""))


def diff_plans(original: dict, edited: dict) -> list[dict]:
    """The corrections that turn the importer's document ``original`` into ``edited``.

    Each correction names the part it corrects: ``{"page": key, "field": ..., "value":
    ...}``, ``{"page": key, "block": key, "field": ..., "value": ...}`` (field ``drop``
    for a removed block), or ``{"page": key, "relation": list, "target": key,
    "remove": true}`` / ``"add": {...}``.
    """
    corrections: list[dict] = []
    edited_pages = {page.get("key"): page for page in edited.get("pages", [])}
    for page in original.get("pages", []):
        key = page["key"]
        new = edited_pages.get(key)
        if new is None:
            # A page taken out of the document is a page left out.
            if page.get("include", True):
                corrections.append({"page": key, "field": "include", "value": False})
            continue
        for name in PAGE_FIELDS:
            default = True if name == "include" else None
            if new.get(name, default) != page.get(name, default):
                corrections.append({"page": key, "field": name, "value": new.get(name, default)})
        corrections.extend(_relation_corrections(key, page, new))
        corrections.extend(_block_corrections(key, page, new))
    return corrections


def _relation_corrections(key, page, new):
    corrections = []
    for name in RELATION_FIELDS:
        before = {_relation_target(r): r for r in (page.get("relations") or {}).get(name, [])}
        after = {_relation_target(r): r for r in (new.get("relations") or {}).get(name, [])}
        for target in before.keys() - after.keys():
            corrections.append({"page": key, "relation": name, "target": target, "remove": True})
        for target in after.keys() - before.keys():
            entry = after[target]
            entry = {"title": entry} if isinstance(entry, str) else dict(entry)
            corrections.append({"page": key, "relation": name, "target": target, "add": entry})
    return corrections


def _block_corrections(key, page, new):
    corrections = []
    after = {block.get("key"): block for block in new.get("blocks", [])}
    for block in page.get("blocks", []):
        changed = after.get(block["key"])
        if changed is None:
            corrections.append({"page": key, "block": block["key"], "field": "drop", "value": True})
            continue
        for name in BLOCK_FIELDS:
            default = [] if name == "items" else ""
            if changed.get(name, default) != block.get(name, default):
                corrections.append(
                    {
                        "page": key,
                        "block": block["key"],
                        "field": name,
                        "value": changed.get(name, default),
                    }
                )
    return corrections


def correction_id(correction: dict) -> tuple:
    """What a correction corrects: a later correction of the same part replaces it."""
    return (
        correction.get("page"),
        correction.get("block", ""),
        correction.get("relation", ""),
        correction.get("target", ""),
        correction.get("field", ""),
    )


def merge_corrections(old: list[dict], new: list[dict]) -> list[dict]:
    """``old`` with ``new`` laid over it, one correction per corrected part."""
    merged = {correction_id(c): c for c in old}
    for correction in new:
        identity = correction_id(correction)
        if correction.get("relation"):
            # Adding back a removed relation (or removing an added one) cancels it.
            merged.pop(identity, None)
        merged[identity] = correction
    return list(merged.values())


def apply_corrections(document: dict, corrections: list[dict]) -> list[dict]:
    """Apply stored corrections to a fresh plan document in place; return those applied.

    A correction whose page or block the new document does not have (the source
    changed) is skipped; the rest are applied whatever the importer now proposes.
    """
    pages = {page["key"]: page for page in document.get("pages", [])}
    applied = []
    for correction in corrections:
        page = pages.get(correction.get("page"))
        if page is None:
            continue
        if _apply_one(page, correction):
            applied.append(correction)
    return applied


def _apply_one(page: dict, correction: dict) -> bool:
    if correction.get("relation") in RELATION_FIELDS:
        relations = page.setdefault("relations", {}).setdefault(correction["relation"], [])
        target = correction.get("target")
        present = [r for r in relations if _relation_target(r) == target]
        if correction.get("remove"):
            if not present:
                return False
            relations[:] = [r for r in relations if _relation_target(r) != target]
            return True
        if correction.get("add") and not present:
            relations.append(dict(correction["add"]))
            return True
        return False
    if "block" in correction:
        blocks = page.get("blocks", [])
        for number, block in enumerate(blocks):
            if block.get("key") != correction["block"]:
                continue
            if correction.get("field") == "drop":
                del blocks[number]
            elif correction.get("field") in BLOCK_FIELDS:
                block[correction["field"]] = copy.deepcopy(correction.get("value"))
            else:
                return False
            return True
        return False
    if correction.get("field") in PAGE_FIELDS:
        page[correction["field"]] = copy.deepcopy(correction.get("value"))
        if correction["field"] == "include" and correction["value"] and page["action"] == "suggest":
            page["action"] = "create"
        return True
    return False
