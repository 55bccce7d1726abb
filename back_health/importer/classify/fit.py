"""Finishing a plan: blocks fitted to the body StreamBlock's limits, summaries, flags."""

from __future__ import annotations

import html
import re

from ..document import Dropped, Flag, Paragraph
from ..dose import has_dose
from ..lead import body_after_lead
from ..names import (
    name_key,
    sentence_case,
    split_sentences,
    strip_tags,
    summarise,
    without_connective,
)
from ..plan import Action, BlockPlan, PagePlan, Severity
from ..rules import RuleSet
from ..text import sentence_start
from .blocks import list_html, paragraph_html, strip_lead
from .context import Context, PendingList
from .exercises import instruction_name, names_one_exercise
from .warnings import bare_help

#: Longest symptom line of a warning (the block's CharBlock limit).
WARNING_ITEM_MAX_LENGTH = 255


#: Longest step, caution or "stop if" line of an exercise list (the block's limit).
EXERCISE_LINE_MAX_LENGTH = 500


#: Heading of an emergency warning whose text names no action to take.
EMERGENCY_HEADING = "Get emergency help"


#: Heading of an exercise list that came without one (a list after a lead sentence).
EXERCISE_LIST_HEADING = "Exercises"


#: Most body rows a table block holds; an editor cannot work with a longer grid in the
#: page editor, and readers cannot either. Rows past it are dropped and flagged.
TABLE_MAX_ROWS = 100

#: Most columns a table block holds; columns past it are dropped and flagged.
TABLE_MAX_COLUMNS = 12

#: Flag kind of a table cut to the limits above.
TABLE_CUT = "table_cut"


def finish_plan(state: Context) -> None:
    rules = state.rules
    kinds = {name_key(p.title, rules): p.kind for p in state.plan.pages}
    for page in state.plan.pages:
        texts = state.pages.texts(page)
        if not page.summary and texts:
            # From the first text that reads alone: "It happened because ... osteoporosis"
            # leans on the text before it; "Osteoporosis often runs silently" does not.
            start = next(
                (i for i, text in enumerate(texts) if not rules.cue("dangling_start", text)), 0
            )
            page.summary = summarise(" ".join(texts[start : start + 2]))
        page.summary = standalone_summary(page, state)
        if page.summary:
            drop_repeated_summary(page, state)
        if page is not state.main and not page.summary and not has_body(page):
            suggest(page, state)
    for pending in state.pending_lists:
        settle_list(pending, state)
    for page in state.plan.pages:
        if page.action == Action.SUGGEST and has_body(page):
            # Its only text was a list whose items stayed: the page says something after
            # all, and is written so that the items never vanish with it.
            unsuggest(page, state)
    for page in state.plan.pages:
        page.blocks = [fixed for block in page.blocks for fixed in valid_blocks(block, state)]
        page.blocks = without_dangling_headings(page.blocks)
        for relations in (page.causes, page.treatments, page.related_conditions):
            for relation in relations:
                relation.kind = kinds.get(name_key(relation.title, rules), relation.kind)
        page.body_regions = rules.regions_in(" ".join([page.title, *state.pages.texts(page)]))
        if page is not state.main and page.include and not page.blocks:
            state.plan.flags.append(Flag(kind="thin_page", text=page.title))


def has_body(page: PagePlan) -> bool:
    return any(block.value for block in page.blocks)


def settle_list(pending: PendingList, state: Context) -> None:
    """Items whose pages are all written leave the list (their pages say it); items that
    only name suggested pages stay as text, so no name the article gives vanishes."""
    source = pending.items
    if isinstance(source, Paragraph):
        pages = pending.pages.get(id(source), [])
        if not pages or not all(page.include for page in pages):
            pending.block.value = paragraph_html(source)
        return

    def stays(item) -> bool:
        if id(item) in pending.left:
            return True
        named = pending.pages.get(id(item))
        if not named:
            return False
        # Neither the page the list is on nor the article's own page says more of an item
        # that names it ("Do not have live vaccines while you are on adalimumab" under
        # "Staying safe on adalimumab"): the item stays.
        pages = [page for page in named if page is not pending.owner and page is not state.main]
        # A page written with nothing on it ("Exercise", for the exercise list further
        # on) does not say the item either: "keep up regular exercise, such as walking".
        return not pages or not all(page.include and has_body(page) for page in pages)

    kept = [item for item in source.items if stays(item)]
    if kept:
        pending.block.value = list_html(source, kept)
    elif pending.lead and pending.lead_block is not None and not _lead_says_more(pending.lead):
        strip_lead(pending.lead_block, pending.lead)


def _lead_says_more(lead: str) -> bool:
    """Whether a list's lead says more than that a list follows: "We only offer surgery
    when your pain has lasted more than 6 months and these have not helped:" keeps its
    place when the list's items leave for their pages; "Treatments include:" does not."""
    return len(lead.split()) > LEAD_FRAME_MAX_WORDS or bool(_LEAD_CONDITION.search(lead))


#: Most words of a lead that only announces its list.
LEAD_FRAME_MAX_WORDS = 12
#: Words of a lead that say when or why, beyond announcing its list.
_LEAD_CONDITION = re.compile(r"\b(?:only|when|if|unless|until|after|before|because)\b", re.I)


SUGGESTED_REASON = "; suggested: the article names it but says nothing about it"


def suggest(page: PagePlan, state: Context) -> None:
    """A page the article only names: reported as a suggestion, written only when an
    editor includes it (relations to it still link an existing page of that name)."""
    page.action = Action.SUGGEST
    page.include = False
    page.reason = f"{page.reason}{SUGGESTED_REASON}"
    state.decide(page.title, "suggested page", "a bare mention")


def unsuggest(page: PagePlan, state: Context) -> None:
    """Write a page :func:`suggest` held back, once its list has kept items."""
    page.action = Action.CREATE
    page.include = True
    page.reason = page.reason.replace(SUGGESTED_REASON, "; written: its list keeps what it names")
    state.decide(page.title, "page", "written: the items of its list stay on it")


def standalone_summary(page: PagePlan, state: Context) -> str:
    """The page's summary when it reads on its own as a lead sentence, else "" (an
    editor writes one; nothing is invented)."""
    summary = page.summary.strip()
    if not summary:
        return ""
    if page is not state.main:
        # "So disc wear is the main cause": without its joining word a sentence about
        # the page's own name reads alone.
        unjoined = without_connective(summary, state.rules)
        if unjoined != summary and unjoined.lower().startswith(page.title.lower()):
            summary = unjoined
    # A summary opening with a pronoun or a connective leans on text the page does
    # not have ("It can make you drowsy" under "Painkillers"): it cannot stand alone.
    if state.rules.cue("dangling_start", summary):
        state.decide(summary, "no summary", f"does not stand alone as the lead of {page.title!r}")
        return ""
    sentences = split_sentences(summary)
    while len(sentences) > 1 and sentences[-1].rstrip().endswith(":"):
        sentences.pop()  # "Common causes include:" introduces a list; it sums nothing up
    summary = " ".join(sentences)
    return summary[:1].upper() + summary[1:]


def valid_blocks(block: BlockPlan, state: Context) -> list[BlockPlan]:
    """The block as the body StreamBlock will accept it: repaired, demoted to plain
    content, or dropped -- never a block that fails validation and sinks the import."""
    if block.type == "paragraph":
        return [block] if strip_tags(block.value) else []
    if block.type == "heading":
        return [block] if block.value["text"].strip() else []
    if block.type == "warning":
        return valid_warning(block, state)
    if block.type == "exercise_list":
        return valid_exercise_list(block, state)
    if block.type == "table":
        return valid_table(block, state)
    return [block]


def valid_table(block: BlockPlan, state: Context) -> list[BlockPlan]:
    """A table within :data:`TABLE_MAX_ROWS` and :data:`TABLE_MAX_COLUMNS`: what is cut
    is recorded as dropped (every cell's text) and flagged, never lost silently."""
    value = block.value
    data = value["data"]
    header = 1 if value["first_row_is_table_header"] else 0
    if not any(cell for row in data[header:] for cell in row):
        return []
    name = value["table_caption"] or " | ".join(data[0][:TABLE_MAX_COLUMNS])
    cut_rows = data[header + TABLE_MAX_ROWS :]
    if cut_rows:
        data = data[: header + TABLE_MAX_ROWS]
        text = " ".join(" | ".join(row) for row in cut_rows)
        state.plan.dropped.append(Dropped(reason="table rows over the limit", text=text))
    width = max(len(row) for row in data)
    if width > TABLE_MAX_COLUMNS:
        text = " ".join(" | ".join(row[TABLE_MAX_COLUMNS:]) for row in data)
        state.plan.dropped.append(Dropped(reason="table columns over the limit", text=text))
        data = [row[:TABLE_MAX_COLUMNS] for row in data]
    if cut_rows or width > TABLE_MAX_COLUMNS:
        state.plan.flags.append(Flag(kind=TABLE_CUT, text=name))
        state.decide(
            name or "(table)",
            "table (cut)",
            f"kept {TABLE_MAX_ROWS} rows and {TABLE_MAX_COLUMNS} columns at most",
        )
    value["data"] = data
    return [block]


def valid_warning(block: BlockPlan, state: Context) -> list[BlockPlan]:
    value = block.value
    # "See a GP if:" introduces the items; as a heading it reads without the colon.
    value["heading"] = value["heading"].strip().rstrip(":").strip()
    long_items = [i for i in value["items"] if len(i) > WARNING_ITEM_MAX_LENGTH]
    if long_items:
        value["items"] = [i for i in value["items"] if len(i) <= WARNING_ITEM_MAX_LENGTH]
        value["text"] += "".join(f"<p>{html.escape(i, quote=False)}</p>" for i in long_items)
        state.decide(long_items[0], "warning text", "item too long for a symptom line")
    value["items"] = [i for i in value["items"] if i.strip()]
    if not value["items"]:
        value["items_lead"] = ""
    if not strip_tags(value["text"]) and not value["items"]:
        heading = value["heading"].strip()
        state.decide(heading or "(empty warning)", "content", "warning with no text or items")
        return (
            [BlockPlan("paragraph", f"<p>{html.escape(heading, quote=False)}</p>")]
            if (heading)
            else []
        )
    if value["severity"] == Severity.EMERGENCY and not value["heading"] and not value["items"]:
        value["heading"] = advice_heading(strip_tags(value["text"]), state.rules)
        state.decide(
            value["heading"], "warning heading", "an emergency warning needs a heading or items"
        )
    return [block]


def advice_heading(text: str, rules: RuleSet) -> str:
    """What to do, from an emergency sentence: "Call 999 or go to A&E if ..." ->
    "Call 999 or go to A&E"; else the emergency cue, else :data:`EMERGENCY_HEADING`."""
    first = (split_sentences(text) or [""])[0]
    # "RED: Call 999 ...", "999 - Chest pain that is crushing": a dash may stand for the
    # colon after the label.
    parts = _LABEL_SEPARATOR.split(first, maxsplit=1)
    if len(parts) == 2 and parts[1] and len(parts[0].split()) <= ADVICE_LABEL_MAX_WORDS:
        first = parts[1]  # the grade's label is no part of what to do
    situation, colon, action = first.rpartition(": ")
    if (
        colon
        and situation
        and (
            rules.cue("severity_emergency", action)
            # "A&E now": only where to go is said.
            or bare_help(action, rules) == Severity.EMERGENCY
        )
    ):
        # "Cannot put any weight on the leg: A&E now": a triage row's action says what
        # to do, after the situation it is for.
        first = action
    clause = re.split(r"\s+(?:if|when|because|as soon as)\s+|,\s+", first, maxsplit=1)[0]
    clause = clause.strip(" .:;")
    if clause and rules.cue("severity_emergency", clause) and len(clause.split()) <= 12:
        return sentence_case(clause)
    cue = rules.cue("severity_emergency", text)
    if not cue or _SAYS_WHAT_IT_NEEDS.match(cue) or cue.rstrip().endswith((":", "-")):
        # "... needs emergency medical attention": what the symptom needs is no heading;
        # nor is a label ("999:", "A&E SAME DAY:").
        return EMERGENCY_HEADING
    # ": A&E now" after a triage row's situation: the cue without what joined it.
    return sentence_case(cue.strip(" :;,-\u2013\u2014")) or EMERGENCY_HEADING


#: What parts a label from the advice after it: a colon, or a spaced dash.
_LABEL_SEPARATOR = re.compile(r":[ \t]+|[ \t][-\u2013\u2014][ \t]+")
#: Most words of a label before the advice of an emergency sentence ("RED:", "Act now:").
ADVICE_LABEL_MAX_WORDS = 3


#: A cue that says what a symptom needs rather than what to do: "needs a 999 call".
_SAYS_WHAT_IT_NEEDS = re.compile(r"(?:needs?|needing|requires?|requiring|warrants?|means?)\b", re.I)


#: Words joining an exercise's name to the one before: "And", "Then try", "Also do".
_JOINING_WORDS = re.compile(
    r"(?:and|then|also|plus|next|or)[ \t]++(?:(?:try|do|add)[ \t]++)?(?=\w)", re.IGNORECASE
)


def step_start(text: str) -> str:
    """Drop the separator left by a split name ("**Chin tuck**: sit up") and capitalise."""
    return sentence_start(text.lstrip(":;,.-\u2013\u2014 "))


def valid_exercise_list(block: BlockPlan, state: Context) -> list[BlockPlan]:
    value = block.value
    heading = value["heading"].strip() or EXERCISE_LIST_HEADING
    value["heading"] = heading
    for exercise in value["exercises"]:
        if (joined := _JOINING_WORDS.match(exercise["name"])) and exercise["name"][joined.end() :]:
            # "And pelvic tilts: flatten your back ...", "And try knee rolls: ...": the
            # words joining it to the exercise before are no part of its name.
            exercise["name"] = sentence_case(exercise["name"][joined.end() :])
        exercise["steps"] = [
            step_start(step) for step in fit_lines(exercise["steps"], EXERCISE_LINE_MAX_LENGTH)
        ]
        exercise["cautions"] = fit_lines(exercise["cautions"], EXERCISE_LINE_MAX_LENGTH)
    value["stop_if"] = fit_lines(value["stop_if"], EXERCISE_LINE_MAX_LENGTH)
    exercises = value["exercises"]
    if (
        exercises
        and not any(e["name"] for e in exercises)
        and names_one_exercise(heading, state.rules)
    ):
        merged = {
            "name": sentence_case(heading),
            "steps": [step for e in exercises for step in (e["steps"] or [])],
            "dose": next(
                (e["dose"] for e in exercises if has_dose(e["dose"])), exercises[0]["dose"]
            ),
            "cautions": [c for e in exercises for c in e["cautions"]],
        }
        value["exercises"] = [merged]
        state.decide(heading, "exercise", "unnamed steps under a heading naming one exercise")
        return [block]
    named: list[dict] = []
    orphans: list[str] = []
    for exercise in exercises:
        if not exercise["name"] and named and (name := instruction_name(exercise, state.rules)):
            # "Look over each shoulder, 5 times a side" among named exercises: an exercise
            # told by what to do, with a count of its own.
            exercise["name"] = name
            state.decide(name, "exercise", "an instruction with its own count")
        if exercise["name"]:
            named.append(exercise)
        elif named:  # a step that lost its exercise: it continues the one before
            named[-1]["steps"].extend(exercise["steps"])
            named[-1]["cautions"].extend(exercise["cautions"])
            state.decide(" ".join(exercise["steps"]) or heading, "exercise step", "no name")
        else:
            orphans.extend(exercise["steps"])
    if orphans:
        items = "".join(f"<li>{html.escape(o, quote=False)}</li>" for o in orphans)
        value["intro"] += f"<ul>{items}</ul>"
        state.decide(orphans[0], "exercise intro", "unnamed steps before the first exercise")
    value["exercises"] = named
    if named:
        return [block]
    state.decide(heading, "content", "exercise list without a named exercise")
    markup = value["intro"]
    if value["stop_if"]:
        markup += "".join(f"<p>{html.escape(t, quote=False)}</p>" for t in value["stop_if"])
    demoted = [BlockPlan("heading", {"text": heading, "level": "h2"})]
    return demoted + ([BlockPlan("paragraph", markup)] if strip_tags(markup) else [])


def fit_lines(lines: list[str], limit: int) -> list[str]:
    """Lines no longer than ``limit``: a long one is split into its sentences."""
    fitted: list[str] = []
    for line in lines:
        fitted.extend(split_sentences(line) if len(line) > limit else [line])
    return [line for line in fitted if line.strip()]


def without_dangling_headings(blocks: list[BlockPlan]) -> list[BlockPlan]:
    """Drop headings left with nothing under them (their text became other pages)."""
    kept: list[BlockPlan] = []
    for block in blocks:
        if block.type == "heading":
            while (
                kept
                and kept[-1].type == "heading"
                and heading_level(kept[-1]) >= heading_level(block)
            ):
                kept.pop()
        kept.append(block)
    while kept and kept[-1].type == "heading":
        kept.pop()
    previous = 1
    for block in kept:
        if block.type == "heading":
            level = min(heading_level(block), previous + 1)
            block.value["level"] = f"h{level}"
            previous = level
    return kept


def heading_level(block: BlockPlan) -> int:
    return int(block.value["level"][1:])


def drop_repeated_summary(page: PagePlan, state: Context) -> None:
    """The summary is the page's lead: when it was taken from the first paragraph of the
    body, those sentences leave the body so the page does not say them twice."""
    cut = body_after_lead(page.blocks, page.summary)
    if cut is None:
        return
    index, remaining = cut
    page.blocks[index].value = remaining
    state.decide(page.summary, "summary", "taken from the first paragraph, not repeated")
