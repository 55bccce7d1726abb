"""The classifier's walk through an article: subject first, then section by section."""

from __future__ import annotations

import re
from dataclasses import replace

from ..document import Document, Flag, ListBlock, Paragraph, Section, Table
from ..memo import article_scope
from ..names import (
    name_key,
)
from ..plan import ArticlePlan, PagePlan, SourceInfo
from ..rules import RuleSet, default_rules
from ..sentences import split_sentences
from ..text import HEADING_NUMBER, unshout
from .context import Context, Role
from .entities import title_causes
from .exercises import dose_table_sentence, exercise_subsections, title_exercise_parent
from .fit import finish_plan
from .items import without_other_items, without_unrelated_sections
from .sections import (
    emit_exercise_sections,
    emit_section,
    known_cause_names,
    routine_before,
    section_owner,
    section_role,
)
from .subject import main_abbreviation, main_condition
from .topics import heading_topic, names_other_topics, same_as_title

#: A title asking why or how: "Why do runners get low back pain?".
_ASKS_WHY = re.compile(r"\s*(?:why|how)\b", re.IGNORECASE)
#: A title asking what is going on: the whole article answers it, as "why" titles do.
_ASKS_WHATS_GOING_ON = re.compile(r"\bwhat(?:'s|\u2019s| is)\s+(?:\w+\s+)?going on\b", re.I)


def classify(
    document: Document, source: SourceInfo, *, rules: RuleSet | None = None
) -> ArticlePlan:
    """Build the plan of pages, relations and blocks for one cleaned Document."""
    rules = rules or default_rules()
    with article_scope():
        return _classify(document, source, rules)


def _dose_tables_read(blocks: list, rules: RuleSet) -> list:
    """An exercise card's one-row table of counts becomes the dose sentence it stands for,
    read with the card's other text."""
    read = []
    for block in blocks:
        sentence = dose_table_sentence(block, rules) if isinstance(block, Table) else ""
        read.append(Paragraph(sentence) if sentence else block)
    return read


def _classify(document: Document, source: SourceInfo, rules: RuleSet) -> ArticlePlan:
    plan = ArticlePlan(
        source=source,
        title=document.title,
        dropped=list(document.dropped),
        flags=list(document.flags),
        repairs=list(document.repairs),
    )
    state = Context.start(rules, plan, document)
    state.main = main_condition(document, state)
    main_abbreviation(document, state)
    plan.title = plan.title or state.main.title
    if not any(s.heading for s in document.sections) and not any(
        isinstance(block, ListBlock | Table) for _, block in document.iter_blocks()
    ):
        plan.flags.append(Flag(kind="no_structure", text=state.main.title))
    state.known_causes = known_cause_names(document, state)
    title_causes(document.title, state)
    acronyms = rules.name_rules.get("kept_acronyms", ())
    sections = [
        Section(
            # "WHY DOES IT HAPPEN?": a heading set in capitals reads in sentence case.
            "" if same_as_title(s.heading, document.title) else unshout(s.heading, acronyms),
            s.level,
            _dose_tables_read(s.blocks, rules),
            continues=s.continues,
        )
        for s in document.sections
    ]
    # A newsletter's other stories are no part of the page (their contents name them).
    sections = without_other_items(sections, [s.heading for s in document.sections], state)
    base = min((s.level for s in sections if s.heading), default=2)
    # A directory's or a society's other notes say nothing of health at all.
    sections = without_unrelated_sections(sections, base, state, document.title)
    sections = title_exercise_parent(document.title, sections, base, state)
    owners: list[tuple[int, PagePlan, list[str]]] = []  # (level, page, its name keys)
    # (level, topic) of the enclosing headings; "Types of scoliosis" as the title makes
    # every top-level heading a candidate type.
    ancestors: list[tuple[int, str]] = []
    if (
        (title_topic := heading_topic(document.title, rules)[0]) in ("types", "causes")
        and not names_other_topics(document.title, title_topic, rules)
        and not _ASKS_WHY.match(document.title)
        and not _ASKS_WHATS_GOING_ON.search(document.title)
    ):
        # "Types of scoliosis", "7 surprising causes of back pain after birth" as the
        # title: every top-level heading is a candidate type or cause. "Why do runners
        # get low back pain?" asks a question the whole article answers, in sections of
        # every kind.
        ancestors.append((0, title_topic))
    sibling: tuple[int, str] = (0, "")  # the topic the previous heading passes on
    sibling_numbered = False  # the previous heading is numbered ("2 Causes")
    index = 0
    while index < len(sections):
        section = sections[index]
        index += 1
        owners = [o for o in owners if o[0] < section.level]
        ancestors = [a for a in ancestors if a[0] < section.level]
        topic = ancestors[-1][1] if ancestors else ""
        # Numbered as a part of the article's outline: "2 Causes", "3.1 Types".
        numbered = bool(HEADING_NUMBER.match(section.heading))
        if sibling == (section.level, "causes") and not (sibling_numbered and numbered):
            # Flat articles: "Causes of X" then one heading per cause; but "3 Grading"
            # after "2 Causes" is the outline's next section, not a cause.
            topic = "causes"
        elif sibling == (section.level, LISTED_CAUSES) and _does_harm(section, rules):
            # "Causes" with its list, then "Poor posture" whose text opens "Poor posture
            # puts weight on the tailbone": one more cause, by what its text says.
            topic = "causes"
        owner = section_owner(section, owners, state)
        children = exercise_subsections(section, sections[index:], state)
        if children:
            position = index - 1  # of this section
            before = sections[position - 1] if position else None
            index += len(children)
            emit_exercise_sections(
                section, children, owner, base, state, routine=routine_before(before, state)
            )
            continue
        role = section_role(section, topic, owner, state)
        if section.continues:
            # The rest of a section after a box inside it, under the heading already
            # given: read as that section is, except that what follows a care card is no
            # more care advice ("About 3 in 100,000 people get it each year").
            if role.category in ("warning", "cautions"):
                role = Role("content", "after a box inside a warning section")
            emit_section(replace(section, heading=""), role, owner, base, state)
            continue
        emit_section(section, role, owner, base, state)
        if not section.heading:
            continue
        if role.pages:
            keys = [name_key(p.title, rules) for p in role.pages]
            owners.append((section.level, role.pages[0], keys))
        passed = role.category
        if role.category == "cause" and topic == "causes":
            passed = "causes"
        ancestors.append((section.level, passed))
        if passed == "causes" and role.category == "causes" and _names_its_causes(section):
            # "What causes it at work" with its list, then "Risk assessment": the causes
            # heading said its causes itself; the next heading starts something else.
            passed = LISTED_CAUSES
        sibling = (section.level, passed)
        sibling_numbered = numbered
    finish_plan(state)
    return plan


#: What a causes heading holding its own causes passes to the headings after it: they
#: are causes only when their text says what they do.
LISTED_CAUSES = "listed causes"


def _does_harm(section: Section, rules: RuleSet) -> bool:
    """Whether a section's first sentence opens with its heading's name and says what
    that does to the condition ("Poor posture puts weight on the tailbone")."""
    first = next((b for b in section.blocks if isinstance(b, Paragraph)), None)
    sentences = split_sentences(first.text) if first is not None else []
    if not sentences or not section.heading:
        return False
    heading = name_key(section.heading, rules)
    opening = name_key(" ".join(sentences[0].split()[: len(heading.split())]), rules)
    return (
        bool(heading)
        and opening == heading
        and bool(
            rules.cue("cause_predicate", sentences[0]) or rules.cue("cause_effect", sentences[0])
        )
    )


def _names_its_causes(section: Section) -> bool:
    """Whether a causes section holds its causes itself: a list or table, or more than
    :data:`LEAD_PARAGRAPHS` paragraphs (a flat article's "Causes" heading with a short
    lead passes the topic on to the headings after it, one per cause)."""
    paragraphs = 0
    for block in section.blocks:
        if isinstance(block, (ListBlock, Table)):
            return True
        if isinstance(block, Paragraph):
            paragraphs += 1
            if _INLINE_SERIES.search(block.text):
                # "It is linked with ... loading: gymnastics, weightlifting, rowing and
                # wrestling.": the causes in a series after a colon, in the text itself.
                return True
    return paragraphs > LEAD_PARAGRAPHS


#: Paragraphs a causes heading may hold before the headings naming its causes.
LEAD_PARAGRAPHS = 2
#: A series of three or more short names after a colon, within a sentence.
_INLINE_SERIES = re.compile(
    r":[ \t]*+[^\s,.;:!?][^,.;:!?]{0,40}+(?:,[ \t]*+[^\s,.;:!?][^,.;:!?]{0,40}+){2,}"
)
