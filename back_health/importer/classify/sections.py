"""What each section is, from its heading, its place and its text, and where it goes."""

from __future__ import annotations

import re

from ..document import Document, Dropped, ListBlock, Paragraph, Section, Table
from ..dose import has_counts, has_dose, read_dose
from ..names import (
    bracketed_names,
    check_name,
    derive_name,
    first_phrase,
    name_key,
    opens_with_base_verb,
    preferred_title,
    sentence_case,
    split_names,
    split_sentences,
)
from ..plan import BlockPlan, Kind, PagePlan, Severity
from ..rules import Classification, Part, RuleSet
from ..severity import advice_of, severity_of
from ..text import escape, sentence_start
from .blocks import add_block, add_heading, warning_value
from .context import ENTITY_KINDS, Context, Role, add_alternate, relate
from .entities import (
    AFTER_EVENT,
    cause_page,
    is_subtype,
    medicine_page,
    owner_for_relations,
    without_name_ends,
)
from .exercises import (
    GENERIC_EXERCISE_LABEL,
    HELP_KEY,
    NOT_AN_EXERCISE_OPENING,
    emit_exercise_list,
    exercise_columns,
    exercise_from_section,
    is_exercise_subsection,
    labelled_exercise,
    names_one_exercise,
    only_dose,
)
from .paragraphs import emit_blocks, every_item_dosed
from .subject import two_conditions, whole_medicine, whole_treatment
from .topics import (
    ADVISED_AGAINST,
    CAUSE_TOPICS,
    HEADING_TOPICS,
    INHERITED_TOPICS,
    TREATMENT_TOPICS,
    clean_heading,
    heading_topic,
    lead_topic,
)
from .warnings import (
    GIVES_A_REASON,
    avoid_without_risk,
    emit_caution_section,
    emit_warning_section,
)

#: Most words a heading may have to be read as the name of one cause.
CAUSE_HEADING_MAX_WORDS = 5


def known_cause_names(document: Document, state: Context) -> dict[str, str]:
    known: dict[str, str] = {}
    for section in document.sections:
        topic = heading_topic(section.heading, state.rules)[0]
        lists = []  # (list, the section's topic applies to it)
        for block in section.blocks:
            if isinstance(block, Table):
                # Only the first column (what each row is about) takes the section's topic.
                lists.extend((column, index == 0) for index, column in block.column_lists())
            elif isinstance(block, ListBlock):
                lists.append((block, True))
        for block, in_topic in lists:
            category = lead_topic(block.lead, state.rules)[0] or (topic if in_topic else "")
            if category != "causes":
                continue
            for item in block.items:
                for part in split_names(first_phrase(item.text), state.rules):
                    derived = derive_name(part, state.rules)
                    if derived.name:
                        known[name_key(derived.name, state.rules)] = derived.name
    return known


def section_owner(section: Section, owners, state: Context) -> PagePlan:
    """The page a section's text goes to: the entity section it is nested in, when its
    heading is about that entity, else the main condition."""
    if not owners or not section.heading:
        return state.main
    level, page, keys = owners[-1]
    heading = clean_heading(section.heading, state.rules)
    rest = heading.lower()
    for topic in (*HEADING_TOPICS, "warning", "exercise_list", "diagnosis"):
        rest = state.rules.remove_cues(f"heading_{topic}", rest)
    content = [w for w in re.findall(r"[a-z]{4,}", rest) if w not in ("what", "with", "your")]
    own_words = set(" ".join(keys).split())
    if all(w in own_words or w.rstrip("s") in own_words for w in content):
        return page
    return state.main


def _only_questions(section: Section) -> bool:
    """Whether every paragraph and list item of ``section`` is a question."""
    texts = []
    for block in section.blocks:
        if isinstance(block, ListBlock):
            texts.extend(item.text for item in block.items)
        elif isinstance(block, Paragraph):
            texts.append(block.text)
        else:
            return False
    return bool(texts) and all(text.rstrip().endswith("?") for text in texts)


def _lists_topics(heading: str, cue: str) -> bool:
    """Whether ``cue`` ends a list of the topics a heading names ("Back pain in nursery
    staff: causes, prevention and when to get help"): a heading over the whole talk, not
    a warning's."""
    before = heading[: heading.lower().find(cue.lower())].rstrip()
    return "," in before and bool(_AND_AT_END.search(before))


_AND_AT_END = re.compile(r"(?:\band|&)$", re.IGNORECASE)


def section_role(section: Section, topic: str, owner: PagePlan, state: Context) -> Role:
    rules = state.rules
    if not section.heading:
        return Role("content", "text before the first heading")
    heading = clean_heading(section.heading, rules)
    asked = state.ask(Part("section", heading, heading, level=section.level), owner, topic)
    if asked is not None:
        return role_from_rule(asked, section, heading, state)
    if cue := rules.cue("heading_not_recommended", heading):
        return Role(ADVISED_AGAINST, f"heading cue {cue!r}: what the article advises against")
    if cue := rules.cue("heading_avoid", heading):
        return Role("warning", f"heading cue {cue!r}: things to avoid", severity=Severity.CAUTION)
    if cue := rules.cue("heading_risks", heading):
        return Role("cautions", f"heading cue {cue!r}: risks to the reader")
    if _only_questions(section):
        # "Ask your doctor: Should I see a rheumatologist? ...": questions to take to an
        # appointment, not advice to get help.
        return Role("content", "the section holds only questions to ask")
    if (cue := rules.cue("heading_warning", heading)) and not _lists_topics(heading, cue):
        found = severity_of(heading, rules)
        # "Warnings" asks for nothing: its text says how serious each passage is, and
        # what asks for no help is a caution. "When to see a doctor" asks for a visit.
        general = rules.cue("heading_warning_general", heading)
        severity = found.level if found else Severity.CAUTION if general else Severity.SEE_DOCTOR
        return Role("warning", f"heading cue {cue!r}", severity=severity)
    if (
        (found := advice_of(heading, rules))
        and found.level != Severity.CAUTION
        and not _ASK_COLUMN.match(heading)
    ):
        # "Ask for an urgent GP appointment or call 111 if:" is itself the advice.
        return Role("warning", f"the heading asks for help ({found.cue})", severity=found.level)
    if (cue := rules.cue("heading_exercise_list", heading)) and has_exercise_shape(section, rules):
        return Role("exercise_list", f"heading cue {cue!r}")
    if name := lone_exercise_name(section, rules):
        # "Exercise: knee to chest stretch" over "Lie on your back ... 5 times on each
        # side": one exercise, named by the heading, wherever it stands.
        return Role("exercise_list", f"{LONE_EXERCISE} {name!r}", note=name)
    if conditions := heading_conditions(section, heading, state):
        # "Chiari malformation" under "Causes": a condition that brings on the page's.
        conditions.as_cause = topic in CAUSE_TOPICS
        return conditions
    if topic == "types" and (subtype := heading_subtype(heading, state)):
        return subtype
    if treatments := heading_treatments(heading, state, section):
        return treatments
    if topic in TREATMENT_TOPICS and (treatment := heading_synonym_treatment(heading, state)):
        return treatment
    category, because = heading_topic(heading, rules)
    if category:
        return Role(category, because)
    if cue := rules.cue("heading_diagnosis", heading):
        return Role("diagnosis", f"heading cue {cue!r}")
    if cause := heading_cause(heading, topic, state):
        return cause
    if not any(isinstance(b, ListBlock) and every_item_dosed(b) for b in section.blocks) and (
        treatment := heading_treatment(heading, topic, state)
    ):
        # Not "Strength (every other day)" over dosed exercises: a routine's label.
        return treatment
    if topic in INHERITED_TOPICS:
        # "Do" under "Things you can do to ease the pain" is still about treatment.
        return Role(topic, f"sub-section of a {topic} section")
    return Role("content", "no cue in the heading")


def role_from_rule(asked: Classification, section: Section, heading: str, state: Context) -> Role:
    if asked.as_ in ENTITY_KINDS:
        name = asked.name or check_name(heading, state.rules).name or heading
        page = state.entity(asked.as_, name, asked.treatment_kind, asked.because)
        return Role(asked.as_, asked.because, [page])
    return Role(asked.as_, asked.because, severity=asked.severity)


def has_exercise_shape(section: Section, rules) -> bool:
    """A list, a bold-labelled paragraph, a paragraph naming an exercise before a colon
    with its count, or a table with a column of counts."""
    return any(
        isinstance(b, ListBlock)
        or (
            isinstance(b, Paragraph)
            and (re.match(r"\s*<(?:strong|b)>", b.html or "") or labelled_exercise(b.text, rules))
        )
        or (isinstance(b, Table) and exercise_columns(b, rules))
        for b in section.blocks
    )


def section_text(section: Section, paragraphs: int = 3) -> str:
    texts = [b.text for b in section.blocks if isinstance(b, Paragraph)][:paragraphs]
    return " ".join(texts)


def heading_conditions(section: Section, heading: str, state: Context) -> Role | None:
    """A heading naming one or more conditions the section defines ("Myalgia as a cause
    of back pain", "Myositis and lumbago – possible causes of pain")."""
    rules = state.rules
    head, note, cause_cue = heading, "", None
    for pattern in rules.cue_patterns("heading_cause_of"):
        if match := pattern.search(head):
            cause_cue = match.group(0)
            note = match.group(0).strip(" ,:;-–—")
            note = re.sub(r"^(?:is|as)\s+", "", note, flags=re.IGNORECASE)
            head = head[: match.start()]
            break
    if cause_cue is None and heading_topic(heading, rules)[0]:
        return None
    # "Herniated disc (slipped disc)": the bracket gives another name of the same page.
    others = bracketed_names(head)
    head = _BRACKETED.sub("", head)
    parts = [p for p in re.split(r"\s*(?:,|&|\band\b|\bor\b)\s*", head) if p.strip()]
    if not parts or len(parts) > 3:
        return None
    names = []
    for part in parts:
        derived = check_name(part, rules)
        if not derived.name or len(derived.name.split()) > 4:
            return None
        if not (rules.is_condition_term(derived.name) or rules.has_condition_head(derived.name)):
            return None
        names.append(derived.name)
    body = section_text(section)
    # "Some people also get giant cell arteritis (GCA), where blood vessels in the head
    # become inflamed": a clause after the name says what happens in it.
    definition = rules.cue("definition", body) or rules.cue("defining_relative", body)
    strong = all(rules.is_condition_term(n) for n in names)
    if not (definition and (strong or cause_cue)) and not (cause_cue and strong):
        return None
    main_key = name_key(state.main.title, rules)
    if any(name_key(n, rules) == main_key for n in names):
        return Role("content", "heading names the main condition")
    because = "heading names a condition"
    because += f", body defines it ({definition!r})" if definition else ""
    because += f", heading says {cause_cue.strip()!r}" if cause_cue else ""
    pages = [state.entity(Kind.CONDITION, n, reason=because) for n in names]
    if len(pages) == 1:
        for other in others:
            add_alternate(pages[0], other, rules)
            state.pages.alias(other, pages[0])
    return Role("condition", because, pages, note=sentence_case(note) if note else "")


#: A bracket after a name, with the space before it.
_BRACKETED = re.compile(r"(?<!\s)\s*+\([^()]*+\)")


def heading_subtype(heading: str, state: Context) -> Role | None:
    """A heading under "Types of X" naming one kind of X: a condition page of its own."""
    if "?" in heading or heading_topic(heading, state.rules)[0]:
        return None
    if state.rules.cue("heading_diagnosis", heading) or state.rules.cue("heading_warning", heading):
        return None
    name = check_name(heading, state.rules).name
    if not name or len(name.split()) > CAUSE_HEADING_MAX_WORDS or not is_subtype(name, state):
        return None
    if name_key(name, state.rules) == name_key(state.main.title, state.rules):
        return None
    because = "heading under a types heading names a kind of the condition"
    page = state.entity(Kind.CONDITION, name, reason=because)
    note = f"A type of {state.main.title[:1].lower()}{state.main.title[1:]}"
    return Role("condition", because, [page], note=note)


#: "Other" or "more" before the names of a heading: more of a kind already named.
_OTHER = re.compile(r"^\s*(?:other|more|further)\b\s*", re.IGNORECASE)
#: What the treatments of a heading are for, at its end: " for acute low back pain".
_FOR_WHAT = re.compile(r"\s+for\s+((?:[\w'-]+\s+){0,5}[\w'-]+)\s*$", re.IGNORECASE)


def heading_treatments(heading: str, state: Context, section: Section | None = None) -> Role | None:
    """A heading that is nothing but treatment names ("Psychotherapy and massage"), or a
    question about one whose answer does not say no ("Will I need a brace?")."""
    rules = state.rules
    if "?" in heading and section is not None and _answers_no(section, rules):
        # "Is bracing any use for adults?" "Bracing is not usually helpful ...": the
        # section advises against what it names; text only, no treatment page.
        if rules.find_treatments(heading) and not rules.cue("heading_treatments", heading):
            # Not "Are there alternatives to surgery?": what it asks for is other
            # treatments, whatever its answer says of surgery.
            return Role(ADVISED_AGAINST, "the answer to the question about it says no")
        return None
    if (medicine := whole_medicine(heading.strip(" .:"), rules)) is not None:
        # "Naproxen" as a heading: the section is about that medicine.
        written = heading.strip(" .:")
        page = medicine_page(medicine, written, owner_for_relations(state.main, state), state, "")
        return Role("treatment", "heading names a medicine", [page])
    found = rules.find_treatments(heading)
    if not found:
        return None
    # "Will I need a brace?", "Can physiotherapy help?", "Is surgery an option?": an
    # FAQ's question about the treatment, and its answer is about the treatment.
    rest = heading
    if "?" in heading:
        # "Can a chiropractor help with coccydynia?": what it helps with is the page's
        # own subject, or the reader's pain.
        subjects = [state.main.title, *state.main.alternate_names]
        names = "|".join(re.escape(name) for name in subjects if name)
        rest = re.sub(
            rf"\s+(?:with|for)\s+(?:it|this|that|(?:my|your|the)\s+(?:pain|back|neck|symptoms)"
            rf"{'|' + names if names else ''})(?=\s*\?)",
            "",
            rest,
            flags=re.IGNORECASE,
        )
        rest = _ASKS_ABOUT.sub(" ", rest)
    for _, match in found:
        rest = rest.replace(match.group(0), " ")
    if "?" not in heading:
        # "A physiotherapist can help", "How heat helps": the heading says the treatment
        # helps, and its section is about the treatment.
        rest = _HELPS.sub(" ", rest)
        # "Muscle relaxants for acute low back pain": what they are for leaves the
        # heading naming treatments only.
        if (treated := _FOR_WHAT.search(rest)) and (
            rules.names_condition(treated.group(1)) or rules.condition_in_phrase(treated.group(1))
        ):
            rest = rest[: treated.start()]
    others = _OTHER.match(rest)
    if others:
        rest = rest[others.end() :]
    if re.search(r"[A-Za-z]{3,}", re.sub(r"\b(?:and|or|with|the)\b", " ", rest, flags=re.I)):
        return None
    if others:
        # "Other muscle relaxants": a section on the others of a kind, each item one of
        # them; the kind itself is only named.
        return Role("treatments", f"heading names other {found[0][1].group(0)}")
    main_terms = {term.name for term, _ in rules.find_treatments(state.main.title)}
    if all(term.name in main_terms for term, _ in found):
        return None  # "How TENS works" on a page about a TENS machine: the page's own text
    # "Spinal fusion surgery": "surgery" ends the operation's name; it is no second page.
    found = without_name_ends(found, heading)
    pages = [
        state.term_page(term, match.group(0), "heading names a treatment") for term, match in found
    ]
    if len(found) == 1 and (written := check_name(found[0][1].group(0), rules).name):
        # "Nerve root injection" over the text of "Selective nerve root block": the
        # article's own name for it is another name of the page.
        add_alternate(pages[0], written, rules)
    return Role("treatment", "heading names treatments from the vocabulary", pages)


#: What a heading naming a treatment may say besides its name: that it helps, or when
#: it is used ("When surgery is considered").
_HELPS = re.compile(
    r"^\s*(?:an?|how|why|when|where)\b|\b(?:(?:can|may|might|could|will|often|also)\s+)?"
    r"(?:help|helps|work|works)(?:\s+(?:you|too))?\s*[.!]?\s*$|"
    r"\b(?:is|are)\s+(?:(?:usually|only|sometimes)\s+)?(?:considered|needed|offered|"
    r"recommended|used|necessary|an option)\s*[.!]?\s*$",
    re.IGNORECASE,
)


def _answers_no(section: Section, rules: RuleSet) -> bool:
    """Whether the answer under a question heading opens by saying no, rarely, or that
    the treatment is not used or not recommended."""
    first = next((b.text for b in section.blocks if isinstance(b, Paragraph)), "")
    return any(
        _NO_ANSWER.match(sentence) or rules.cue("advised_against", sentence)
        for sentence in split_sentences(first)[:2]
    )


#: An answer that opens by saying no: "No.", "Rarely.", "Probably not".
_NO_ANSWER = re.compile(
    r"\s*(?:no|not usually|not often|not always|rarely|seldom|unlikely|probably not|almost "
    r"never|very rarely|hardly ever)\b",
    re.IGNORECASE,
)
#: The words of a question asking about a treatment named in it, around the name.
_ASKS_ABOUT = re.compile(
    r"^\s*(?:(?:will|would|do|does|should|can|could|might|is|are)\s+(?:(?:i|you|we|they|my "
    r"child|my baby|people)\s+(?:(?:ever|still)\s+)?(?:need|have|get|take|try|use|be "
    r"offered|be given)\s+)?|(?:what about|how about|how (?:does|do|is|are|long (?:does|do|"
    r"will))|when (?:is|are|do|does|should)|which)\s+)(?:(?:an?|the|some|any|my)\s+)?|(?:\s+"
    r"(?:help|helps|work|works|an option|worth it|safe|right for me|needed|necessary|take|last|"
    r"used))?\s*\?\s*$",
    re.IGNORECASE,
)


#: A column's name heading a page or panel: "Ask our physio: living with ...", "Ask the
#: pharmacist". Who answers, not advice to see them.
_ASK_COLUMN = re.compile(
    r"\W*ask\s+(?:the|our)\s+[\w-]+(?:\s+[\w-]+)?\s*(?::|[\u2013\u2014-]\s|$)", re.IGNORECASE
)
#: A heading that denies what it names: "(probably not!)", "(not a cause)", "Myth:".
_DENIED = re.compile(r"\((?:[\w' ]{0,20}\s)?not\b[^()]{0,30}\)|\bmyths?\b", re.IGNORECASE)


def heading_cause(heading: str, topic: str, state: Context) -> Role | None:
    """A heading naming one cause: named in a causes list of the article, or a short noun
    phrase under a causes heading."""
    rules = state.rules
    if "?" in heading or rules.cue("heading_label", heading):
        return None
    first = re.split(r"\s+(?:and|&)\s+|\s*,\s*", heading)[0]
    for candidate in (heading, first):
        key = name_key(check_name(candidate, rules).name or candidate, rules)
        if key in state.known_causes:
            page = cause_page(
                state.known_causes[key], state, "heading names a cause listed in the article"
            )
            return Role("cause", "heading names a cause listed in the article", [page])
    if topic in CAUSE_TOPICS:
        if _DENIED.search(heading):
            return None  # "The epidural (probably not!)", "Myth: cracking your back"
        unbracketed = _BRACKETED.sub("", heading)
        derived = check_name(unbracketed, rules)
        if not derived.name and (when := AFTER_EVENT.match(unbracketed)):
            derived = check_name(unbracketed[when.end() :], rules)  # "After a fall"
        if derived.name and len(derived.name.split()) <= CAUSE_HEADING_MAX_WORDS:
            # "Scoliosis and kyphosis": two conditions, each a cause of its own.
            names = [n for n in two_conditions(derived.name, rules) if n]
            pages = [
                cause_page(name, state, "short heading under a causes heading") for name in names
            ]
            because = "short noun-phrase heading under a causes heading"
            return Role("cause", because if len(pages) == 1 else f"{because}, naming two", pages)
    return None


def heading_synonym_treatment(heading: str, state: Context) -> Role | None:
    """A sub-heading of a treatments section that is another name of one vocabulary
    treatment ("Pain relief" for painkillers): that treatment, under the article's name,
    though the words alone would head a treatments topic."""
    rules = state.rules
    written = heading.strip(" .:")
    name = preferred_title(written, rules)
    if name.casefold() == written.casefold():
        return None
    found = rules.find_treatments(name)
    if len(found) != 1 or found[0][1].group(0).casefold() != name.casefold():
        return None
    term = found[0][0]
    because = f"heading is another name of {term.name!r} under a treatments heading"
    page = state.entity(Kind.TREATMENT, written, term.kind, because)
    return Role("treatment", because, [page])


def heading_treatment(heading: str, topic: str, state: Context) -> Role | None:
    """A short noun-phrase sub-heading under a treatments heading names one treatment
    ("Medial branch block" under "Treatment"); its section is that treatment's text."""
    rules = state.rules
    if "?" in heading or heading_topic(heading, rules)[0] or rules.cue("heading_label", heading):
        return None  # "Useful to know", "Guidance for carers": a label, no name
    derived = check_name(heading, rules)
    if not derived.name or len(derived.name.split()) > CAUSE_HEADING_MAX_WORDS:
        return None
    if rules.is_condition_term(derived.name) or rules.has_condition_head(derived.name):
        return None
    if rules.is_device(derived.name):
        # "Lumbar support belt" heads its own text wherever it stands.
        because = "heading names a device worn or used for the back"
    elif topic in TREATMENT_TOPICS:
        because = "short noun-phrase heading under a treatments heading"
    else:
        return None
    page = state.entity(Kind.TREATMENT, derived.name, "other", because)
    return Role("treatment", because, [page])


def emit_section(section: Section, role: Role, owner: PagePlan, base: int, state: Context):
    heading = section.heading
    if heading:
        state.decide(heading, role.category, role.because)
    if role.category == "junk":
        state.plan.dropped.append(Dropped(reason="junk section", text=heading))
        return
    if role.category in ENTITY_KINDS and role.pages:
        emit_entity_section(section, role, owner, state)
        return
    if role.category in ("warning", "cautions") and avoid_without_risk(section, state.rules):
        # "Don't" over "do not stand in one place for long periods": advice naming no
        # risk stays text under its heading.
        state.decide(heading, "content", "things to avoid that name no risk to the reader")
        add_heading(owner, heading, section.level, base, state)
        emit_blocks(section.blocks, owner, "content", heading, state)
        return
    if role.category == "warning":
        rest = emit_warning_section(section, role, owner, base, state)
        emit_blocks(rest, owner, "content", heading, state)
        return
    if role.category == "cautions":
        rest = emit_caution_section(section, role, owner, base, state)
        emit_blocks(rest, owner, "content", heading, state)
        return
    if role.category == "exercise_list" and role.because.startswith(LONE_EXERCISE):
        named = Section(role.note, section.level, section.blocks)
        emit_exercise_sections(Section("", section.level, []), [named], owner, base, state)
        return
    if role.category == "exercise_list":
        rest = emit_exercise_list(heading, section.blocks, owner, state)
        emit_blocks(rest, owner, "content", heading, state)
        return
    if heading:
        add_heading(owner, heading, section.level, base, state)
    emit_blocks(section.blocks, owner, role.category, heading, state)


def emit_entity_section(section: Section, role: Role, owner: PagePlan, state: Context):
    rules = state.rules
    relation_owner = owner_for_relations(owner, state)
    for page in role.pages:
        if page.kind == Kind.CONDITION and role.category == "condition":
            relate(relation_owner, "related_conditions", page, role.note)
            if role.as_cause or (role.note and rules.cue("lead_causes", role.note)):
                relate(relation_owner, "causes", page, role.note)
        elif role.category == "treatment":
            relate(relation_owner, "treatments", page)
            if len(role.pages) == 1:
                state.treatment_sections[id(page)] = section
        else:
            relate(relation_owner, "causes", page)
    sticky = len(role.pages) > 1
    current = role.pages[0]
    for block in section.blocks:
        target = current
        if isinstance(block, Paragraph):
            target = paragraph_subject(block.text, role.pages, current, state)
            if target is None:  # the text turns to treatment: back to the condition
                current = target = relation_owner
            elif sticky:
                current = target
        emit_blocks([block], target, role.category, section.heading, state)


def paragraph_subject(text: str, pages: list[PagePlan], current: PagePlan, state: Context):
    """The page a paragraph of an entity section is about: the entity its first sentence
    starts with, or ``current``; None when it turns to treatment."""
    rules = state.rules
    sentences = split_sentences(text)
    if not sentences:
        return current
    first = sentences[0]
    start = name_key(" ".join(first.split()[:8]), rules)
    for page in pages:
        for name in (page.title, *page.alternate_names):
            key = name_key(name, rules)
            if start == key or start.startswith(key + " "):
                return page
    for key, page in state.pages.opening(start):
        if key and (start == key or start.startswith(key + " ")):
            if _MODIFIED.match(start[len(key) :]):
                # "Exercise in a warm pool is offered ..." under "Hydrotherapy": the name
                # is only the head of a longer one, so the section's entity keeps it.
                break
            return page
    for key, name in state.known_causes.items():
        if start.startswith(key + " "):
            return cause_page(name, state, "named in a causes list of the article")
    for term, _match in rules.find_treatments(first):
        if len(pages) > 1 and term.name in {p.title for p in pages}:
            return next(p for p in pages if p.title == term.name)
    opener = " ".join(first.split()[:2])
    if current.kind != Kind.TREATMENT and rules.cue("heading_treatments", opener):
        return None
    return current


#: A preposition right after a name: the name is the head of a longer noun phrase.
_MODIFIED = re.compile(r"\s+(?:in|into|on|with|under|through|at|from)\s")


def routine_before(section: Section | None, state: Context) -> list[str]:
    """Sentences of the section before an exercise list that speak of the routine as a
    whole ("Practise this sequence once a day" under "Before you start")."""
    if section is None:
        return []
    return [
        sentence
        for block in section.blocks
        if isinstance(block, Paragraph)
        for sentence in split_sentences(block.text)
        if state.rules.cue("routine_reference", sentence)
    ]


def has_dose_text(paragraph: Paragraph) -> bool:
    """Whether a paragraph says how often or how much of an exercise routine to do."""
    return has_dose(read_dose(paragraph.text).dose)


def _take_group_cautions(exercise: dict, state: Context) -> list[str]:
    """Take from ``exercise`` its cautions that rule it out for a group of readers and name
    the risk; return them."""
    rules = state.rules
    taken = [
        sentence
        for sentence in exercise.get("cautions", [])
        if rules.cue("caution_group", sentence)
        and GIVES_A_REASON.search(sentence)
        and not rules.cue("stop_if", sentence)
    ]
    if taken:
        exercise["cautions"] = [s for s in exercise["cautions"] if s not in taken]
    return taken


#: Why a section is one exercise of its own.
LONE_EXERCISE = "the heading names one exercise over its steps and count"
#: A label saying a heading names an exercise, before the name: "Exercise:", "Try this:".
_EXERCISE_LABEL = re.compile(
    rf"\W*(?:{GENERIC_EXERCISE_LABEL}|try this)\s*[:\u2013\u2014-]\s*", re.IGNORECASE
)


def lone_exercise_name(section: Section, rules: RuleSet) -> str:
    """The exercise a section is, alone under its own heading, or "": a short name
    (after a label such as "Exercise:") that names no treatment, medicine, condition or
    topic, over text that tells the reader what to do and counts repetitions, a hold or
    sets ("Lie on your back ... hold for 20 seconds. Repeat 5 times on each side")."""
    heading = section.heading.strip()
    label = _EXERCISE_LABEL.match(heading)
    name = clean_heading(heading[label.end() :] if label else heading, rules).strip(" .:")
    if not name or len(name.split()) > LONE_EXERCISE_MAX_WORDS or "?" in name:
        return ""
    if not label and not _EXERCISE_WORD.search(name):
        return ""  # "Ice and heat" over "Use it for 10 minutes": no exercise's name
    if (
        rules.is_condition_term(name)
        or rules.find_medicines(name)
        or whole_treatment(name, rules) is not None
        or heading_topic(name, rules)[0]
        or rules.cue("heading_warning", name)
    ):
        return ""
    paragraphs = [b for b in section.blocks if isinstance(b, Paragraph)]
    if not paragraphs or len(section.blocks) > LONE_EXERCISE_MAX_BLOCKS:
        return ""
    first = split_sentences(paragraphs[0].text)[:1]
    if not first or not opens_with_base_verb(first[0]):
        return ""
    if not any(has_counts(read_dose(p.text).dose) for p in paragraphs):
        return ""
    return sentence_start(name)


#: Most words of a lone exercise's name, and most blocks of its section.
LONE_EXERCISE_MAX_WORDS = 6
LONE_EXERCISE_MAX_BLOCKS = 3
#: A word that names a movement in an exercise's name: "stretch", "tuck", "bridge".
_EXERCISE_WORD = re.compile(
    r"\b(?:stretch|stretches|tucks?|bridges?|rolls?|tilts?|raises?|lifts?|extensions?|press-?ups?"
    r"|planks?|squats?|curls?|slides?|sliders?|glides?|rotations?|twists?|hugs?|clams?|dogs?"
    r"|cat|camel|cobra|lunges?|marches|marching|circles?|shrugs?|squeezes?|pulls?|holds?|bends?)\b",
    re.IGNORECASE,
)


#: A heading numbered as a step of a sequence: "3. Thread the needle", "Step 2: Bridge".
_NUMBERED_HEADING = re.compile(r"\s*(?:step\s+)?\d{1,2}\s*[.):]\s+\S", re.IGNORECASE)


def in_exercise_sequence(section: Section, rules: RuleSet) -> bool:
    """Whether a numbered sub-heading among exercises names one too: a short name over
    text, no question, warning or topic heading."""
    heading = clean_heading(section.heading, rules).strip(" .:")
    if not (
        heading
        and section.blocks
        and "?" not in heading
        and heading.split()[0].lower() not in NOT_AN_EXERCISE_OPENING
        and names_one_exercise(heading, rules)
        and not rules.cue("heading_warning", heading)
        and not heading_topic(heading, rules)[0]
    ):
        return False
    # "5. How often": a step that only says how often or when to stop is the routine's,
    # not an exercise; one is done, so its text tells the reader what to do.
    sentences = [
        sentence
        for block in section.blocks
        if isinstance(block, Paragraph)
        for sentence in split_sentences(block.text)
    ]
    return any(
        # "From all fours, slide your arm under ...": the instruction after its setting.
        (opens_with_base_verb(sentence) or opens_with_base_verb(sentence.split(",", 1)[-1]))
        and not only_dose(sentence, rules)
        and not rules.cue("stop_if", sentence)
        for sentence in sentences
    )


def emit_exercise_sections(
    section: Section,
    children: list[Section],
    owner: PagePlan,
    base: int,
    state: Context,
    routine=(),
):
    """One exercise list for an exercises heading whose sub-headings name the exercises;
    sub-sections that are not exercises follow it as ordinary sections. ``routine``:
    sentences of the section before that may give the whole routine's frequency."""
    rules = state.rules
    exercises, others = [], []
    numbered = any(
        _NUMBERED_HEADING.match(child.heading) and is_exercise_subsection(child, rules)
        for child in children
    )
    for child in children:
        if is_exercise_subsection(child, rules) or (
            # "### 3. Thread the needle" among numbered exercises: one of the sequence,
            # though its text gives no count ("Stay for 5 slow breaths").
            numbered
            and _NUMBERED_HEADING.match(child.heading)
            and in_exercise_sequence(child, rules)
        ):
            exercises.append(exercise_from_section(child, state))
        else:
            others.append(child)
    state.decide(
        section.heading, "exercise_list", f"heading cue, {len(exercises)} exercise sub-headings"
    )
    heading, blocks = section.heading, section.blocks
    prose = [b for b in blocks if not (isinstance(b, Paragraph) and has_dose_text(b))]
    if heading and prose and not rules.cue("heading_exercise_list", heading):
        # "Clinician notes" over prose, then one sub-heading per exercise: the prose is
        # read as any section's (its causes, treatments and warnings), and only its
        # sentences of dose go with the exercises.
        routine = (*routine, *(b.text for b in blocks if b not in prose))
        own = Section(heading, section.level, prose)
        emit_section(own, section_role(own, "", owner, state), owner, base, state)
        heading, blocks = "", []
    ruled_out = [_take_group_cautions(exercise, state) for exercise in exercises]
    urgent = [s for exercise in exercises for s in exercise.pop(HELP_KEY, [])]
    rest = emit_exercise_list(heading, blocks, owner, state, extra=exercises, routine=routine)
    for sentence in urgent:
        found = advice_of(sentence, rules)
        value = warning_value(found.level, "", f"<p>{escape(sentence)}</p>")
        add_block(owner, BlockPlan("warning", value), state)
        state.decide(sentence, f"warning ({found.level})", f"under an exercise ({found.cue})")
    for sentence in (s for taken in ruled_out for s in taken):
        # "If you have osteoporosis, skip supported fish, as arching can stress fragile
        # vertebrae": an exercise ruled out for a group, with the risk named, is a
        # caution for those readers, boxed after the list.
        add_block(
            owner,
            BlockPlan("warning", warning_value(Severity.CAUTION, "", f"<p>{escape(sentence)}</p>")),
            state,
        )
        state.decide(sentence, "warning (caution)", "an exercise ruled out for a group, risk named")
    emit_blocks(rest, owner, "content", section.heading, state)
    for child in others:
        role = section_role(child, "exercise_list", owner, state)
        emit_section(child, role, owner, base, state)
