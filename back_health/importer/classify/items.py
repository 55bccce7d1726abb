"""A newsletter's other items: the stories its contents list names besides the one the
page is about ("IN THIS ISSUE: Flu clinics / Back pain at work / Staff news"), when they
say nothing of the back's treatments, medicines or the body."""

from __future__ import annotations

from ..clean import block_text, heading_key, issue_contents
from ..document import Dropped, Section
from ..names import name_key
from .context import Context

#: Fewest items the contents must name among the headings before the others are dropped.
MIN_ITEMS = 2
#: Reason recorded for what is dropped.
OTHER_ITEM = "another item of the newsletter"


def without_other_items(
    sections: list[Section], headings: list[str], state: Context
) -> list[Section]:
    """``sections`` without those of the items other than the subject's, when a contents
    list named at least :data:`MIN_ITEMS` of the headings (``headings``: each section's
    heading as the document gives it). An item runs from its heading to the next heading
    the contents name. Unchanged when no item is clearly the subject's."""
    entries = _contents_entries(state)
    starts = [
        i for i, heading in enumerate(headings) if heading and heading_key(heading) in entries
    ]
    if len(starts) < MIN_ITEMS:
        return sections
    ends = [*starts[1:], len(sections)]
    items = list(zip(starts, ends, strict=True))
    own = _subject_item(items, sections, headings, state)
    if own is None:
        return sections
    kept = sections[: starts[0]]
    for start, end in items:
        text = f"{headings[start]}\n{_text(sections[start:end])}"
        if (start, end) == own or _speaks_of_health(text, state):
            # "Medicines corner: coming off gabapentin" in a pain service's newsletter is
            # advice the reader needs; "Flu clinics" and "Staff news" are not the page's.
            kept.extend(sections[start:end])
            continue
        state.plan.dropped.append(Dropped(reason=OTHER_ITEM, text=text))
        state.decide(headings[start], "dropped", f"{OTHER_ITEM}: its contents name it")
    return kept


def _speaks_of_health(text: str, state: Context) -> bool:
    """Whether an item names a medicine or a part of the body the import rules know, or
    a treatment of the back's kinds (a flu jab is none): then it may hold advice for the
    reader, and it stays."""
    rules = state.rules
    return bool(
        rules.find_medicines(text)
        or rules.regions_in(text)
        or any(term.kind != "other" for term, _ in rules.find_treatments(text))
    )


def _contents_entries(state: Context) -> set[str]:
    return {heading_key(entry) for entry in issue_contents(state.plan.dropped)}


def _subject_item(items, sections, headings, state: Context):
    """The item whose heading names the page's subject, else the one whose text names it
    most; None when none does."""
    rules = state.rules
    subject = name_key(state.main.title, rules)
    if not subject:
        return None
    for start, end in items:
        key = name_key(headings[start], rules)
        if subject in key or (key and key in subject):
            return (start, end)
    counts = []
    for start, end in items:
        text = _text(sections[start:end]).lower()
        counts.append((text.count(state.main.title.lower()), (start, end)))
    best = max(counts)
    if best[0] == 0 or sum(1 for count, _ in counts if count == best[0]) > 1:
        return None
    return best[1]


def _text(sections: list[Section]) -> str:
    """The plain text of ``sections``' blocks, one line per block."""
    return "\n".join(block_text(block) for section in sections for block in section.blocks)
