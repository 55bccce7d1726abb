"""A document's parts about something else: a newsletter's other items, the stories its
contents list names besides the one the page is about ("IN THIS ISSUE: Flu clinics /
Back pain at work / Staff news") when they say nothing of the back's treatments,
medicines or the body (:func:`without_other_items`); and, in any document of several
headed sections, those that say nothing of health at all (:func:`without_unrelated_sections`)."""

from __future__ import annotations

from dataclasses import replace

from ..clean import block_text, heading_key, issue_contents
from ..document import Dropped, ListBlock, Paragraph, Section
from ..dose import has_counts, read_dose
from ..names import name_key
from ..plan import Severity
from ..sentences import split_sentences
from ..severity import severity_of
from .context import Context
from .topics import heading_topic

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


def without_unrelated_sections(
    sections: list[Section], base: int, state: Context, title: str = ""
) -> list[Section]:
    """``sections`` without the top-level ones (each with its subsections) that say
    nothing of health, in a document of :data:`MIN_SECTIONS` headed sections or more
    where others do: a newsletter's committee notes, a guest directory's breakfast times
    and a choir's rehearsal notes around the one item about the back. A section speaks
    of health when it names a medicine, a part of the body, a treatment of the back's
    kinds, a condition, a symptom or someone who gives care, asks for help, or counts an
    exercise, or when its heading (or the one before it) names a topic ("Causes"). The
    part before the first heading always stays, nothing is dropped from a document that
    says nothing of health anywhere, and each section dropped is recorded, with why.

    The part before the first heading stays unless the document's ``title`` heads it (or
    there is no title) and its lists and paragraphs say nothing of health either
    ("REMINDERS" over "Hairnets. Every shift." at the top of a noticeboard, its banner gone
    as chrome). In a document of two headed sections, one is dropped only when its heading
    asks no question and none of its sentences advises."""
    sections = _without_unrelated_title_part(sections, title, state)
    headed = [i for i, s in enumerate(sections) if s.heading and s.level <= base]
    # A part without a heading after the first (a talk whose "ANY OTHER BUSINESS" heading
    # went as chrome) is no part of the headed section before it.
    unheaded = [i for i, s in enumerate(sections) if i and not s.heading]
    if not headed or len(headed) + len(unheaded) < FEW_SECTIONS_MIN:
        return sections
    few = len(headed) + len(unheaded) < MIN_SECTIONS
    runs = [*sorted({*headed, *unheaded}), len(sections)]
    unrelated = []
    after_topic = False  # the section before names a topic ("Causes" over its lead)
    for start, end in zip(runs, runs[1:], strict=False):
        if not sections[start].heading:
            after_topic = False
            continue
        text = "\n".join([sections[start].heading, _text(sections[start:end])])
        topic = heading_topic(sections[start].heading, state.rules)[0]
        # "## Causes" with a lead, then "## Repeated kneeling": one cause a heading, in
        # words of its own.
        if (
            not topic
            and not after_topic
            and not _about_health(text, state)
            # In a short document, "Can I drive?" over "Yes, with a cushion" answers the
            # reader, and "Do not drive for 24 hours" under "Aftercare" advises.
            and not (few and _answers_or_advises(sections[start].heading, text, state))
        ):
            unrelated.append((start, end))
        after_topic = bool(topic)
    if not unrelated:
        return sections
    drop = {i for start, end in unrelated for i in range(start, end)}
    rest = [s for i, s in enumerate(sections) if i not in drop]
    if not _about_health("\n".join([*(s.heading for s in rest), _text(rest)]), state):
        return sections  # nothing here speaks of health: no part is the odd one out
    for start, end in unrelated:
        text = "\n".join([sections[start].heading, _text(sections[start:end])]).strip()
        state.plan.dropped.append(Dropped(reason=UNRELATED_SECTION, text=text))
        state.decide(sections[start].heading, "dropped", f"{UNRELATED_SECTION}: no word of health")
    return [s for i, s in enumerate(sections) if i not in drop]


#: Fewest headed sections before those saying nothing of health are dropped.
MIN_SECTIONS = 3
#: Fewest headed sections where one that gives no advice and answers no question (a
#: newsletter's "Choir news" beside its health column) is dropped.
FEW_SECTIONS_MIN = 2
#: Reason recorded for a section dropped as saying nothing of health.
UNRELATED_SECTION = "chrome: section about something else"


def _without_unrelated_title_part(sections: list[Section], title: str, state: Context):
    """``sections`` without the blocks of the first, headed by ``title``, when they are
    lists and paragraphs that say nothing of health and a later section does ("Crew mess
    Wi-Fi code changes on Monday." under a bulletin's name)."""
    if not sections or sections[0].heading not in ("", title) or not sections[0].blocks:
        return sections
    first = sections[0]
    if not all(isinstance(block, (ListBlock, Paragraph)) for block in first.blocks):
        return sections
    part = _text([first])
    # The title is read alone: words of health that name other things as often count
    # only when two of its sentences have them, and the title is one.
    if (
        _about_health(part, state)
        or (title and _about_health(title, state))
        or not _about_health(_text(sections[1:]), state)
    ):
        return sections
    text = "\n".join([title, part]).strip()
    state.plan.dropped.append(Dropped(reason=UNRELATED_SECTION, text=text))
    state.decide(title or part, "dropped", f"{UNRELATED_SECTION}: no word of health")
    return [replace(first, blocks=[]), *sections[1:]]


def _about_health(text: str, state: Context) -> bool:
    rules = state.rules
    subject = state.main.title.lower()
    return bool(
        rules.cue("health_words", text)
        or _weak_health_words(text, rules)
        or (subject and subject in text.lower())
        or _speaks_of_health(text, state)
        or any(rules.is_condition_term(word) for word in set(text.split()) if len(word) > 4)
        # "Lie on your back and lift your hips, 3 sets of 10": an exercise's steps.
        or has_counts(read_dose(text, counts_only=True).dose)
        # Help to get is health; a bare "do not" ("Please do not put cooked food in the
        # compost") is not.
        or any(_asks_for_help(sentence, rules) for sentence in split_sentences(text))
    )


def _answers_or_advises(heading: str, text: str, state: Context) -> bool:
    """Whether a section's heading asks a question or a sentence of it gives advice at
    any level (a caution too)."""
    return heading.rstrip().endswith("?") or any(
        severity_of(sentence, state.rules) is not None
        for line in text.split("\n")
        for sentence in split_sentences(line)
    )


def _weak_health_words(text: str, rules) -> bool:
    """Whether two sentences of ``text`` have words of health that name other things as
    often ("stiff", "falls"): one alone ("The top gate paddle is stiff") is not health."""
    if not rules.cue("health_words_weak", text):
        return False
    found = 0
    for line in text.split("\n"):
        for sentence in split_sentences(line):
            if rules.cue("health_words_weak", sentence):
                found += 1
                if found > 1:
                    return True
    return False


def _asks_for_help(sentence: str, rules) -> bool:
    """Whether a sentence asks for help at any level above a caution, said to the reader
    or not ("Call 999 if a player collapses" in a club's policy)."""
    found = severity_of(sentence, rules)
    return found is not None and found.level != Severity.CAUTION
