"""Classify a cleaned Document into an ArticlePlan: pages, relations and body blocks.

The classifier decides, for every part of the article, what it is -- the main
condition, another condition, a cause, a treatment, a medicine, symptoms, a
warning, an exercise list or plain content -- and records why on the plan
(``Decision(part, as_, because)``). Its rules are general (cue patterns and
vocabularies in ``importer/data``, see :mod:`.rules`); nothing is written for one
article and nothing medical is invented: text that cannot be mapped with
confidence stays as rich text where it was.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .document import Decision, Document, Dropped, Flag, ListBlock, ListItem, Paragraph, Section
from .dose import has_dose, read_dose
from .names import (
    bracketed_names,
    check_name,
    condition_name_from_title,
    derive_name,
    first_phrase,
    is_vague,
    name_key,
    preferred_title,
    risk_names,
    sentence_case,
    split_names,
    split_sentences,
    strip_tags,
    subject_name,
    summarise,
)
from .plan import ArticlePlan, BlockPlan, MedicinePlan, PagePlan, RelationPlan, SourceInfo
from .rules import Classification, Part, RuleContext, RuleSet, default_rules, rule_name
from .severity import items_lead, most_serious, severity_of

#: Longest relation note, in characters (the relation model's field holds 255).
NOTE_MAX_LENGTH = 160
#: Longest text quoted in a decision's ``part``.
PART_MAX_LENGTH = 80
#: Section categories read from heading cues, in the order they are tried.
HEADING_TOPICS = ("symptoms", "types", "causes", "treatments", "prevention", "complications")
#: List categories read from lead cues, in the order they are tried.
LEAD_TOPICS = ("exercise_list", "symptoms", "types", "causes", "treatments", "prevention")
#: Topics a sub-section with no cue of its own takes from the section it is in.
INHERITED_TOPICS = ("treatments", "symptoms", "prevention")
#: Topics whose lists and short sub-headings name causes.
CAUSE_TOPICS = ("causes", "cause")
#: Topics in which every sentence may name treatments.
TREATMENT_TOPICS = ("treatments", "treatment")
#: Most words a heading may have to be read as the name of one cause.
CAUSE_HEADING_MAX_WORDS = 5
#: Longest symptom line of a warning (the block's CharBlock limit).
WARNING_ITEM_MAX_LENGTH = 255
#: Longest step, caution or "stop if" line of an exercise list (the block's limit).
EXERCISE_LINE_MAX_LENGTH = 500
#: Heading of an emergency warning whose text names no action to take.
EMERGENCY_HEADING = "Get emergency help"
#: Heading of an exercise list that came without one (a list after a lead sentence).
EXERCISE_LIST_HEADING = "Exercises"
#: Treatment term an exercise list links to when its heading names no other.
EXERCISE_TREATMENT = "Exercise"
#: Most words a sub-heading of an exercises section may have to name one exercise.
EXERCISE_NAME_MAX_WORDS = 6


def classify(
    document: Document, source: SourceInfo, *, rules: RuleSet | None = None
) -> ArticlePlan:
    """Build the plan of pages, relations and blocks for one cleaned Document."""
    rules = rules or default_rules()
    plan = ArticlePlan(
        source=source,
        title=document.title,
        dropped=list(document.dropped),
        flags=list(document.flags),
        repairs=list(document.repairs),
    )
    state = _State(rules=rules, plan=plan, document=document)
    state.main = _main_condition(document, state)
    plan.title = plan.title or state.main.title
    if not any(s.heading for s in document.sections) and not any(
        isinstance(block, ListBlock) for _, block in document.iter_blocks()
    ):
        plan.flags.append(Flag(kind="no_structure", text=state.main.title))
    state.known_causes = _known_cause_names(document, state)
    sections = [
        Section("", s.level, s.blocks) if _same_as_title(s.heading, document.title) else s
        for s in document.sections
    ]
    base = min((s.level for s in sections if s.heading), default=2)
    owners: list[tuple[int, PagePlan, list[str]]] = []  # (level, page, its name keys)
    ancestors: list[tuple[int, str]] = []  # (level, topic) of the enclosing headings
    sibling: tuple[int, str] = (0, "")  # the topic the previous heading passes on
    index = 0
    while index < len(sections):
        section = sections[index]
        index += 1
        owners = [o for o in owners if o[0] < section.level]
        ancestors = [a for a in ancestors if a[0] < section.level]
        topic = ancestors[-1][1] if ancestors else ""
        if sibling == (section.level, "causes"):
            topic = "causes"  # flat articles: "Causes of X" then one heading per cause
        owner = _section_owner(section, owners, state)
        children = _exercise_subsections(section, sections[index:], state)
        if children:
            index += len(children)
            _emit_exercise_sections(section, children, owner, base, state)
            continue
        role = _section_role(section, topic, owner, state)
        _emit_section(section, role, owner, base, state)
        if not section.heading:
            continue
        if role.pages:
            keys = [name_key(p.title, rules) for p in role.pages]
            owners.append((section.level, role.pages[0], keys))
        passed = role.category
        if role.category == "cause" and topic == "causes":
            passed = "causes"
        ancestors.append((section.level, passed))
        sibling = (section.level, passed)
    _finish(state)
    return plan


# -- state ---------------------------------------------------------------------------------


@dataclass
class _State:
    rules: RuleSet
    plan: ArticlePlan
    document: Document
    main: PagePlan | None = None
    #: Name key -> page, for de-duplication across kinds.
    pages: dict[str, PagePlan] = field(default_factory=dict)
    #: Name key -> cause name, from every causes list of the article.
    known_causes: dict[str, str] = field(default_factory=dict)
    #: id(page) -> plain text the page was given (summary, body regions).
    texts: dict[int, list[str]] = field(default_factory=dict)
    #: id(page) -> level of the last heading block.
    last_heading: dict[int, int] = field(default_factory=dict)

    def decide(self, part: str, as_: str, because: str) -> None:
        part = " ".join(part.split())
        if len(part) > PART_MAX_LENGTH:
            part = part[: PART_MAX_LENGTH - 1].rsplit(" ", 1)[0] + "…"
        self.plan.decisions.append(Decision(part=part, as_=as_, because=because))

    def context(self, owner: PagePlan | None, topic: str) -> RuleContext:
        return RuleContext(
            rules=self.rules,
            owner=owner.title if owner else "",
            main_title=self.main.title if self.main else "",
            topic=topic,
            document_title=self.document.title,
        )

    def ask(self, part: Part, owner: PagePlan | None, topic: str) -> Classification | None:
        """The first extra rule's answer for ``part``, recorded as a decision."""
        if not self.rules.extra_rules:
            return None
        context = self.context(owner, topic)
        for rule in self.rules.extra_rules:
            answer = rule(part, context)
            if answer is not None:
                self.decide(part.text, answer.as_, f"rule {rule_name(rule)}: {answer.because}")
                return answer
        return None

    def entity(self, kind: str, name: str, treatment_kind: str = "") -> PagePlan:
        """The page for ``name``, created on first mention; one entity, one page."""
        # The article's own wording names the page (a UK article's "Slipped disc" stays
        # so); the synonym group's first name becomes an alternate name, which is what
        # links the page to the same entity written another way in another article.
        title = sentence_case(name.strip())
        key = name_key(title, self.rules)
        page = self.pages.get(key)
        if page is None:
            page = PagePlan(kind=kind, title=title, treatment_kind=treatment_kind)
            self.pages[key] = page
            self.plan.pages.append(page)
            self.texts[id(page)] = []
        elif kind == "condition" and page.kind == "cause":
            page.kind = "condition"  # a cause that is also a condition is one condition page
        if page.kind == "treatment" and treatment_kind and page.treatment_kind in ("", "other"):
            page.treatment_kind = treatment_kind
        _add_alternate(page, name, self.rules)
        _add_alternate(page, preferred_title(name, self.rules), self.rules)
        self.pages.setdefault(name_key(name, self.rules), page)
        return page


@dataclass
class _Role:
    category: str
    because: str
    pages: list[PagePlan] = field(default_factory=list)
    #: Relation note for the pages a heading names ("A cause of back pain").
    note: str = ""
    severity: str = ""


def _add_alternate(page: PagePlan, name: str, rules: RuleSet) -> None:
    name = sentence_case(name.strip())
    if not name or name.lower() == page.title.lower():
        return
    if name.lower() not in {a.lower() for a in page.alternate_names}:
        page.alternate_names.append(name)


def _relate(owner: PagePlan, field_name: str, target: PagePlan, note: str = "") -> None:
    if owner is target:
        return
    relations = getattr(owner, field_name)
    for relation in relations:
        if relation.title == target.title:
            if note and not relation.note:
                relation.note = note
            return
    relations.append(RelationPlan(title=target.title, kind=target.kind, note=_note(note)))


def _note(text: str) -> str:
    text = " ".join(text.split()).rstrip(":").strip()
    return summarise(text, limit=NOTE_MAX_LENGTH, sentences=1) if text else ""


def _same_as_title(heading: str, title: str) -> bool:
    return bool(heading) and heading.strip().lower() == title.strip().lower()


# -- main condition ------------------------------------------------------------------------


def _main_condition(document: Document, state: _State) -> PagePlan:
    rules = state.rules

    def names_subject(heading: str) -> bool:
        # A bare "Causes" or "When to see a GP" is never what an article is about;
        # "Sciatica: symptoms and causes" is.
        rest = heading.lower()
        for topic in (*HEADING_TOPICS, "warning"):
            for pattern in rules.cue_patterns(f"heading_{topic}"):
                rest = pattern.sub(" ", rest)
        return bool(re.search(r"[a-z]{3,}", rest))

    candidates = [document.title, *(s.heading for s in document.sections)]
    title = next((heading for heading in candidates if names_subject(heading)), "")
    name = condition_name_from_title(title, rules)
    because = f"title {title!r} with its question/instruction framing removed"
    if not check_name(name, rules).name:
        fallback = next(
            (
                condition_name_from_title(s.heading, rules)
                for s in document.sections
                if s.heading and rules.is_condition_term(s.heading)
            ),
            "",
        )
        name, because = fallback or title, "first heading naming a condition"
    if not name.strip():
        name, because = _untitled_name(document, state)
    name, second = _two_conditions(name, rules)
    page = state.entity("condition", name)
    state.decide(title, "condition", because)
    if second:
        other = state.entity("condition", second)
        _relate(page, "related_conditions", other)
        state.decide(second, "condition", "second condition named in the title ('X and Y')")
    for other in bracketed_names(title):
        _add_alternate(page, other, rules)
        state.decide(other, "alternate name", "given in brackets in the title")
    plain = re.split(r"\s*[?:!]\s*|\s+[-–—]\s+|\s*,\s*", _strip_brackets(title))[0]
    for pattern in rules.cue_patterns("title_prefix"):
        plain = pattern.sub("", plain, count=1)
    if not second and plain and name_key(plain, rules) != name_key(page.title, rules):
        _add_alternate(page, plain.strip(" ?!."), rules)
    first = _first_paragraph(document)
    if first:
        sentences = split_sentences(first.text)
        alternate = subject_name(sentences[0], rules) if sentences else ""
        if alternate and not _is_broader_name(alternate, page.title, rules):
            _add_alternate(page, alternate, rules)
            state.pages.setdefault(name_key(alternate, rules), page)
            state.decide(
                alternate, "alternate name", "subject of the first sentence names a condition"
            )
    return page


def _is_broader_name(name: str, title: str, rules: RuleSet) -> bool:
    """Whether ``name`` is the title or a more general condition inside it: "Back pain"
    opening an article titled "Back pain in pregnancy" is not another name for it."""
    words, title_words = set(name_key(name, rules).split()), set(name_key(title, rules).split())
    return words <= title_words


def _strip_brackets(text: str) -> str:
    return re.sub(r"(?<!\s)\s*+\([^()]*+\)", "", text)


def _untitled_name(document: Document, state: _State) -> tuple[str, str]:
    """A name for an article with no title or heading: the condition its first sentence
    is about, else the source's file name. Flagged so an editor checks it."""
    first = _first_paragraph(document)
    sentences = split_sentences(first.text) if first else []
    name = subject_name(sentences[0], state.rules) if sentences else ""
    because = "no title: subject of the first sentence"
    if not name:
        stem = re.sub(r"\.[A-Za-z0-9]{1,8}$", "", state.plan.source.name)
        name = sentence_case(re.sub(r"[-_]+", " ", stem).strip()) or "Untitled article"
        because = "no title: the source's name"
    state.plan.flags.append(Flag(kind="no_title", text=name))
    return name, because


def _two_conditions(name: str, rules: RuleSet) -> tuple[str, str]:
    """ "Neck pain and whiplash" -> ("Neck pain", "Whiplash") when both parts name a
    condition; else ``(name, "")``."""
    parts = re.split(r"\s+(?:and|&)\s+", name)
    if len(parts) != 2:
        return name, ""
    names = [check_name(part, rules).name for part in parts]
    if all(n and (rules.is_condition_term(n) or rules.has_condition_head(n)) for n in names):
        return names[0], names[1]
    return name, ""


def _first_paragraph(document: Document) -> Paragraph | None:
    for _section, block in document.iter_blocks():
        if isinstance(block, Paragraph) and len(block.text.split()) > 5:
            return block
    return None


# -- pass 1: every cause named in a causes list ----------------------------------------------


def _known_cause_names(document: Document, state: _State) -> dict[str, str]:
    known: dict[str, str] = {}
    for section in document.sections:
        topic = _heading_topic(section.heading, state.rules)[0]
        for block in section.blocks:
            if not isinstance(block, ListBlock):
                continue
            category = _lead_topic(block.lead, state.rules)[0] or topic
            if category != "causes":
                continue
            for item in block.items:
                for part in split_names(first_phrase(item.text), state.rules):
                    derived = derive_name(part, state.rules)
                    if derived.name:
                        known[name_key(derived.name, state.rules)] = derived.name
    return known


# -- sections ------------------------------------------------------------------------------


def _clean_heading(heading: str, rules: RuleSet) -> str:
    for pattern in rules.cue_patterns("heading_prefix"):
        heading = pattern.sub("", heading)
    return heading.strip()


def _heading_topic(heading: str, rules: RuleSet) -> tuple[str, str]:
    for topic in HEADING_TOPICS:
        if cue := rules.cue(f"heading_{topic}", heading):
            return topic, f"heading cue {cue!r}"
    return "", ""


def _lead_topic(lead: str, rules: RuleSet) -> tuple[str, str]:
    for topic in LEAD_TOPICS:
        if cue := rules.cue(f"lead_{topic}", lead):
            return topic, f"lead cue {cue!r}"
    return "", ""


def _section_owner(section: Section, owners, state: _State) -> PagePlan:
    """The page a section's text goes to: the entity section it is nested in, when its
    heading is about that entity, else the main condition."""
    if not owners or not section.heading:
        return state.main
    level, page, keys = owners[-1]
    heading = _clean_heading(section.heading, state.rules)
    rest = heading.lower()
    for topic in (*HEADING_TOPICS, "warning", "exercise_list", "diagnosis"):
        for pattern in state.rules.cue_patterns(f"heading_{topic}"):
            rest = pattern.sub(" ", rest)
    content = [w for w in re.findall(r"[a-z]{4,}", rest) if w not in ("what", "with", "your")]
    own_words = set(" ".join(keys).split())
    if all(w in own_words or w.rstrip("s") in own_words for w in content):
        return page
    return state.main


def _section_role(section: Section, topic: str, owner: PagePlan, state: _State) -> _Role:
    rules = state.rules
    if not section.heading:
        return _Role("content", "text before the first heading")
    heading = _clean_heading(section.heading, rules)
    asked = state.ask(Part("section", heading, heading, level=section.level), owner, topic)
    if asked is not None:
        return _role_from_rule(asked, section, heading, state)
    if cue := rules.cue("heading_avoid", heading):
        return _Role("warning", f"heading cue {cue!r}: things to avoid", severity="caution")
    if cue := rules.cue("heading_warning", heading):
        found = severity_of(heading, rules)
        severity = found.level if found else "see_doctor"
        return _Role("warning", f"heading cue {cue!r}", severity=severity)
    if (cue := rules.cue("heading_exercise_list", heading)) and _has_exercise_shape(section):
        return _Role("exercise_list", f"heading cue {cue!r}")
    if conditions := _heading_conditions(section, heading, state):
        return conditions
    if treatments := _heading_treatments(heading, state):
        return treatments
    category, because = _heading_topic(heading, rules)
    if category:
        return _Role(category, because)
    if cue := rules.cue("heading_diagnosis", heading):
        return _Role("diagnosis", f"heading cue {cue!r}")
    if cause := _heading_cause(heading, topic, state):
        return cause
    if topic in INHERITED_TOPICS:
        # "Do" under "Things you can do to ease the pain" is still about treatment.
        return _Role(topic, f"sub-section of a {topic} section")
    return _Role("content", "no cue in the heading")


def _role_from_rule(asked: Classification, section: Section, heading: str, state: _State) -> _Role:
    if asked.as_ in ("condition", "cause", "treatment"):
        name = asked.name or check_name(heading, state.rules).name or heading
        page = state.entity(asked.as_, name, asked.treatment_kind)
        return _Role(asked.as_, asked.because, [page])
    return _Role(asked.as_, asked.because, severity=asked.severity)


def _has_exercise_shape(section: Section) -> bool:
    return any(isinstance(b, ListBlock) for b in section.blocks) or any(
        isinstance(b, Paragraph) and re.match(r"\s*<(?:strong|b)>", b.html or "")
        for b in section.blocks
    )


def _section_text(section: Section, paragraphs: int = 3) -> str:
    texts = [b.text for b in section.blocks if isinstance(b, Paragraph)][:paragraphs]
    return " ".join(texts)


def _heading_conditions(section: Section, heading: str, state: _State) -> _Role | None:
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
    if cause_cue is None and _heading_topic(heading, rules)[0]:
        return None
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
    body = _section_text(section)
    definition = rules.cue("definition", body)
    strong = all(rules.is_condition_term(n) for n in names)
    if not (definition and (strong or cause_cue)) and not (cause_cue and strong):
        return None
    main_key = name_key(state.main.title, rules)
    if any(name_key(n, rules) == main_key for n in names):
        return _Role("content", "heading names the main condition")
    pages = [state.entity("condition", n) for n in names]
    because = "heading names a condition"
    because += f", body defines it ({definition!r})" if definition else ""
    because += f", heading says {cause_cue.strip()!r}" if cause_cue else ""
    return _Role("condition", because, pages, note=sentence_case(note) if note else "")


def _heading_treatments(heading: str, state: _State) -> _Role | None:
    """A heading that is nothing but treatment names ("Psychotherapy and massage")."""
    rules = state.rules
    found = rules.find_treatments(heading)
    if not found:
        return None
    rest = heading
    for _, match in found:
        rest = rest.replace(match.group(0), " ")
    if re.search(r"[A-Za-z]{3,}", re.sub(r"\b(?:and|or|with|the)\b", " ", rest, flags=re.I)):
        return None
    pages = [state.entity("treatment", term.name, term.kind) for term, _ in found]
    return _Role("treatment", "heading names treatments from the vocabulary", pages)


def _heading_cause(heading: str, topic: str, state: _State) -> _Role | None:
    """A heading naming one cause: named in a causes list of the article, or a short noun
    phrase under a causes heading."""
    rules = state.rules
    if "?" in heading:
        return None
    first = re.split(r"\s+(?:and|&)\s+|\s*,\s*", heading)[0]
    for candidate in (heading, first):
        key = name_key(check_name(candidate, rules).name or candidate, rules)
        if key in state.known_causes:
            page = _cause_page(state.known_causes[key], state)
            return _Role("cause", "heading names a cause listed in the article", [page])
    if topic in CAUSE_TOPICS:
        derived = check_name(heading, rules)
        if derived.name and len(derived.name.split()) <= CAUSE_HEADING_MAX_WORDS:
            page = _cause_page(derived.name, state)
            return _Role("cause", "short noun-phrase heading under a causes heading", [page])
    return None


def _cause_page(name: str, state: _State) -> PagePlan:
    kind = "condition" if state.rules.is_condition_term(name) else "cause"
    return state.entity(kind, name)


# -- emitting sections -----------------------------------------------------------------------


def _relation_owner(owner: PagePlan, state: _State) -> PagePlan:
    return owner if owner.kind == "condition" else state.main


def _emit_section(section: Section, role: _Role, owner: PagePlan, base: int, state: _State):
    heading = section.heading
    if heading:
        state.decide(heading, role.category, role.because)
    if role.category == "junk":
        state.plan.dropped.append(Dropped(reason="junk section", text=heading))
        return
    if role.category in ("condition", "cause", "treatment") and role.pages:
        _emit_entity_section(section, role, owner, state)
        return
    if role.category == "warning":
        rest = _emit_warning_section(section, role, owner, base, state)
        _emit_blocks(rest, owner, "content", heading, state)
        return
    if role.category == "exercise_list":
        _emit_exercise_list(heading, section.blocks, owner, state)
        return
    if heading:
        _add_heading(owner, heading, section.level, base, state)
    _emit_blocks(section.blocks, owner, role.category, heading, state)


def _emit_entity_section(section: Section, role: _Role, owner: PagePlan, state: _State):
    rules = state.rules
    relation_owner = _relation_owner(owner, state)
    for page in role.pages:
        if page.kind == "condition" and role.category == "condition":
            _relate(relation_owner, "related_conditions", page, role.note)
            if role.note and rules.cue("lead_causes", role.note):
                _relate(relation_owner, "causes", page, role.note)
        elif role.category == "treatment":
            _relate(relation_owner, "treatments", page)
        else:
            _relate(relation_owner, "causes", page)
    sticky = len(role.pages) > 1
    current = role.pages[0]
    for block in section.blocks:
        target = current
        if isinstance(block, Paragraph):
            target = _paragraph_subject(block.text, role.pages, current, state)
            if target is None:  # the text turns to treatment: back to the condition
                current = target = relation_owner
            elif sticky:
                current = target
        _emit_blocks([block], target, role.category, section.heading, state)


def _paragraph_subject(text: str, pages: list[PagePlan], current: PagePlan, state: _State):
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
    for key, page in state.pages.items():
        if key and (start == key or start.startswith(key + " ")):
            return page
    for key, name in state.known_causes.items():
        if start.startswith(key + " "):
            return _cause_page(name, state)
    for term, _match in rules.find_treatments(first):
        if len(pages) > 1 and term.name in {p.title for p in pages}:
            return next(p for p in pages if p.title == term.name)
    opener = " ".join(first.split()[:2])
    if current.kind != "treatment" and rules.cue("heading_treatments", opener):
        return None
    return current


def _emit_blocks(blocks, owner: PagePlan, topic: str, heading: str, state: _State):
    for block in blocks:
        if isinstance(block, ListBlock):
            _emit_list(block, owner, topic, heading, state)
        elif isinstance(block, Paragraph):
            _emit_paragraph(block, owner, topic, heading, state, _lead_of_next(blocks, block))


def _lead_of_next(blocks, block) -> bool:
    index = next(i for i, b in enumerate(blocks) if b is block)
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return (
        isinstance(following, ListBlock)
        and bool(following.lead)
        and (block.text.strip().endswith(following.lead.strip()))
    )


# -- paragraphs and sentences ----------------------------------------------------------------


def _emit_paragraph(
    paragraph: Paragraph, owner: PagePlan, topic: str, heading: str, state: _State, is_lead: bool
):
    rules = state.rules
    relation_owner = _relation_owner(owner, state)
    sentences = split_sentences(paragraph.text)
    html_sentences = _html_sentences(paragraph, sentences)
    kept: list[str] = []
    for sentence, markup in zip(sentences, html_sentences, strict=True):
        asked = state.ask(Part("sentence", sentence, heading), owner, topic)
        if asked is not None and asked.as_ in ("cause", "treatment", "condition") and asked.name:
            target = state.entity(asked.as_, asked.name, asked.treatment_kind)
            field_name = {"cause": "causes", "treatment": "treatments"}.get(
                asked.as_, "related_conditions"
            )
            _relate(relation_owner, field_name, target)
        warning = None
        if asked is not None and asked.as_ == "warning":
            warning = (asked.severity or "caution", f"rule: {asked.because}")
        elif asked is None and topic not in ("warning", "exercise_list") and not is_lead:
            found = severity_of(sentence, rules)
            warning = (found.level, f"cue {found.cue}") if found else None
        if warning:
            _flush_paragraph(owner, kept, state)
            kept = []
            value = _warning_value(warning[0], "", f"<p>{markup}</p>")
            _add_block(owner, BlockPlan("warning", value), state)
            state.decide(sentence, f"warning ({warning[0]})", warning[1])
        else:
            kept.append(markup)
        if asked is None or asked.as_ != "content":
            _treatments_in_sentence(sentence, relation_owner, topic, state)
            _risks_in_sentence(sentence, relation_owner, state)
            _causes_in_sentence(sentence, relation_owner, state)
    _flush_paragraph(owner, kept, state)
    state.texts[id(owner)].append(paragraph.text)


def _html_sentences(paragraph: Paragraph, sentences: list[str]) -> list[str]:
    """The sentences as HTML: split the paragraph's markup the same way when it lines up
    with the text, else escape the plain sentences."""
    if paragraph.html:
        pieces = split_sentences(paragraph.html)
        if len(pieces) == len(sentences) and all(
            strip_tags(p) == s for p, s in zip(pieces, sentences, strict=True)
        ):
            return pieces
        if len(sentences) == 1:
            return [paragraph.html]
    return [html.escape(s, quote=False) for s in sentences]


def _flush_paragraph(owner: PagePlan, kept: list[str], state: _State) -> None:
    text = " ".join(kept).strip()
    if text:
        _add_html(owner, f"<p>{text}</p>", state)


def _treatments_in_sentence(sentence: str, owner: PagePlan, topic: str, state: _State) -> None:
    rules = state.rules
    for info, match in rules.find_medicines(sentence):
        if rules.cue("negated_treatment", sentence[: match.start()]):
            # "Do not take ibuprofen while you are pregnant" warns; it does not treat.
            state.decide(match.group(0), "content", "the sentence advises against it")
            continue
        _medicine_page(info, match.group(0), owner, state, sentence)
    terms = rules.find_treatments(sentence)
    if not terms or (
        topic not in TREATMENT_TOPICS and not rules.cue("treatment_sentence", sentence)
    ):
        return
    for term, match in terms:
        if rules.cue("negated_treatment", sentence[: match.start()]):
            continue
        if rules.cue("discouraged_treatment", sentence[match.end() :]):
            state.decide(match.group(0), "content", "the sentence advises against it")
            continue
        if specific := _more_specific_treatment(owner, term.name):
            state.decide(match.group(0), "content", f"refers back to {specific!r}")
            continue
        page = state.entity("treatment", term.name, term.kind)
        _relate(owner, "treatments", page)
        state.decide(match.group(0), "treatment", f"treatment term {term.name!r} in a sentence")


def _more_specific_treatment(owner: PagePlan, name: str) -> str:
    """A treatment of ``owner`` that is a kind of ``name`` ("Decompression surgery" for
    "Surgery"): a later bare "after surgery" means that one, not a new page."""
    suffix = " " + name.lower()
    return next((r.title for r in owner.treatments if r.title.lower().endswith(suffix)), "")


def _risks_in_sentence(sentence: str, owner: PagePlan, state: _State) -> None:
    """ "It is more likely if your back muscles are weak" -> cause "Weak back muscles";
    the sentence stays in the text."""
    cue = state.rules.cue("risk_sentence", sentence)
    if not cue:
        return
    for name in risk_names(sentence, cue, state.rules):
        page = _cause_page(name, state)
        _relate(owner, "causes", page)
        state.decide(name, "cause", f"risk factor after {cue!r}")


def _causes_in_sentence(sentence: str, owner: PagePlan, state: _State) -> None:
    """ "Other causes include a spinal tumour and a spinal infection" -> two causes,
    only when every listed part is a clean name (else none: no fragments); the
    sentence stays in the text."""
    rules = state.rules
    if not rules.cue("cause_sentence", sentence):
        return
    match = next(m for p in rules.cue_patterns("cause_sentence") if (m := p.search(sentence)))
    if not _speaks_of(owner, sentence[: match.start()], rules):
        return
    names = _listed_names(sentence[match.end() :], rules)
    for name in names:
        page = _cause_page(name, state)
        if page is not owner:
            _relate(owner, "causes", page)
            state.decide(name, "cause", f"listed after {match.group(0)!r}")


#: Subjects that stand for the page a sentence is on ("It is caused by ...").
_ANAPHORIC_SUBJECT = re.compile(
    r"^(?:it|this|they|these|which|the (?:condition|problem|pain))\b", re.I
)


def _speaks_of(owner: PagePlan, subject: str, rules: RuleSet) -> bool:
    """Whether a "... is caused by" subject is the page itself, not another condition
    ("Pelvic girdle pain is caused by ..." on a back pain page is not)."""
    subject = subject.strip(" ,")
    if not subject or _ANAPHORIC_SUBJECT.match(subject):
        return True
    if not rules.is_condition_term(subject) and not rules.has_condition_head(subject):
        return True
    key = name_key(subject, rules)
    return any(key == name_key(name, rules) for name in (owner.title, *owner.alternate_names))


#: Separators of a run-on list in a sentence: commas and a final "and"/"or".
_LISTED_SEPARATOR = re.compile(r"(?<!\s)\s*+,\s*+(?:(?:and|or)\s+)?|(?<!\s)\s++(?:and|or)\s+")


def _listed_names(text: str, rules: RuleSet) -> list[str]:
    parts = [p for p in _LISTED_SEPARATOR.split(text.strip().rstrip(".!;:")) if p.strip()]
    names = [derive_name(part, rules).name for part in parts]
    if not names or not all(names) or any(len(part.split()) > 8 for part in parts):
        return []
    return names


def _medicine_page(info, written: str, owner: PagePlan, state: _State, context: str) -> PagePlan:
    """One page per medicine, titled by its generic name, knowing the brand written."""
    page = state.entity("treatment", info.generic[:1].upper() + info.generic[1:], "medicine")
    page.treatment_kind = "medicine"
    brand = "" if info.is_generic else written[:1].upper() + written[1:].lower()
    if not page.medicines:
        page.medicines.append(MedicinePlan(generic=info.generic))
    medicine = page.medicines[0]
    if brand and brand not in medicine.brands:
        medicine.brands.append(brand)
        _add_alternate(page, brand, state.rules)
    elif info.is_generic:
        _add_alternate(page, written.lower(), state.rules)
    _relate(owner, "treatments", page, info.drug_class)
    why = f"medicine vocabulary: {written!r} is {info.generic}"
    state.decide(
        written, "treatment (medicine)", why + (f" ({info.drug_class})" if info.drug_class else "")
    )
    return page


# -- lists ---------------------------------------------------------------------------------


def _emit_list(block: ListBlock, owner: PagePlan, topic: str, heading: str, state: _State):
    rules = state.rules
    lead = block.lead
    asked = state.ask(Part("list", lead or heading, heading, lead=lead), owner, topic)
    if asked is not None:
        category, because = asked.as_, f"rule: {asked.because}"
    else:
        category, because = _list_category(block, topic, heading, state)
    state.decide(lead or _list_text(block), category, because)
    if category == "warning":
        severity = (asked.severity if asked else "") or _list_severity(block, rules)
        value = _warning_value(severity, "", f"<p>{html.escape(lead)}</p>" if lead else "")
        value["items"] = [item.text for item in block.items]
        value["items_lead"] = items_lead(lead, rules)
        _add_block(owner, BlockPlan("warning", value), state)
        _drop_lead_paragraph(owner, lead, state)
        return
    if category == "exercise_list":
        title = _lead_context(lead) or heading
        _emit_exercise_list(title, [block], owner, state, lead=lead)
        return
    if category in ("causes", "treatments"):
        left = _list_entities(block, category, owner, state)
        if left:
            _add_html(owner, _list_html(block, left), state)
        else:
            _drop_lead_paragraph(owner, lead, state)
        return
    if category == "junk":
        state.plan.dropped.append(Dropped(reason="junk list", text=_list_text(block)))
        return
    _add_html(owner, _list_html(block, block.items), state)
    state.texts[id(owner)].append(_list_text(block))


def _list_category(block: ListBlock, topic: str, heading: str, state: _State) -> tuple[str, str]:
    rules = state.rules
    lead = block.lead
    if lead and (found := severity_of(lead, rules)) and found.level != "caution":
        return "warning", f"lead cue {found.cue}"
    if all(has_dose(read_dose(item.text).dose) for item in block.items):
        return "exercise_list", "every item has a dose"
    category, because = _lead_topic(lead, rules)
    if category:
        return category, because
    if topic in CAUSE_TOPICS:
        return "causes", f"list in a {topic} section"
    if topic in TREATMENT_TOPICS:
        return "treatments", f"list in a {topic} section"
    if topic in ("exercise_list",):
        return "exercise_list", "list in an exercise section"
    if topic in ("symptoms", "types", "prevention"):
        return topic, f"list in a {topic} section"
    return "content", "no cue in the lead or heading"


def _list_severity(block: ListBlock, rules: RuleSet) -> str:
    texts = [block.lead, *(item.text for item in block.items)]
    found = [severity_of(text, rules) for text in texts]
    return most_serious(f.level for f in found if f) or "see_doctor"


def _list_text(block: ListBlock) -> str:
    return "; ".join(item.text for item in block.items)


def _list_html(block: ListBlock, items: list[ListItem]) -> str:
    tag = "ol" if block.ordered else "ul"
    inner = "".join(
        f"<li>{item.html or html.escape(item.text, quote=False)}</li>" for item in items
    )
    return f"<{tag}>{inner}</{tag}>"


def _list_entities(
    block: ListBlock, category: str, owner: PagePlan, state: _State
) -> list[ListItem]:
    """Make a page of every item of a causes or treatments list; return the items that
    could not be named (they stay as text)."""
    rules = state.rules
    relation_owner = _relation_owner(owner, state)
    left: list[ListItem] = []
    for item in block.items:
        asked = state.ask(Part("item", item.text, lead=block.lead), owner, category)
        if asked is not None:
            if asked.as_ in ("cause", "treatment", "condition"):
                name = asked.name or derive_name(item.text, rules).name or item.text
                page = state.entity(asked.as_, name, asked.treatment_kind)
                field_name = "treatments" if asked.as_ == "treatment" else "causes"
                _relate(relation_owner, field_name, page, _explanation(item.text) or block.lead)
            elif asked.as_ != "junk":
                left.append(item)
            continue
        phrase = first_phrase(item.text)
        explanation = _explanation(item.text)
        pages = []
        if category == "treatments" and (medicines := rules.find_medicines(item.text)):
            pages = [
                _medicine_page(info, match.group(0), relation_owner, state, item.text)
                for info, match in medicines
            ]
            if explanation:
                _give_body(pages[0], explanation, state)
            continue
        if category == "causes" and (named := _parenthetical_condition(phrase, state)):
            page = _cause_page(named, state)
            _relate(relation_owner, "causes", page, _note(explanation or _lead_context(block.lead)))
            # Cut at the first bracket (linear; a bracket is known to close later).
            outer = derive_name(phrase.split("(", 1)[0].rstrip(), rules).name
            if outer:
                _add_alternate(page, outer, rules)
            state.decide(
                phrase, "cause (condition)", "condition named in brackets in a causes list"
            )
            continue
        for part in split_names(phrase, rules):
            if is_vague(part, rules):
                state.decide(part, "content", "vague item, not an entity")
                continue
            note = explanation or _lead_context(block.lead)
            if page := _item_page(part, category, relation_owner, state, note):
                pages.append(page)
        if pages and explanation:
            _give_body(pages[0], explanation, state)
        elif not pages and not is_vague(phrase, rules):
            left.append(item)
    return left


def _parenthetical_condition(phrase: str, state: _State) -> str:
    """ "Wear and tear of the neck joints (cervical spondylosis)" -> "Cervical spondylosis":
    the condition an item names in brackets, when the words outside do not name one."""
    match = re.search(r"\(([^()]+)\)", phrase)
    if not match:
        return ""
    inner = check_name(match.group(1), state.rules).name
    outer = phrase[: match.start()].strip()
    if not inner or not state.rules.is_condition_term(inner):
        return ""
    if state.rules.is_condition_term(outer) or name_key(outer, state.rules) in state.pages:
        return ""
    return inner


def _item_page(part: str, category: str, owner: PagePlan, state: _State, note: str):
    rules = state.rules
    terms = rules.find_treatments(part) if category == "treatments" else []
    if terms:  # the vocabulary names a treatment better than the item's wording
        term, match = terms[0]
        page = state.entity("treatment", term.name, term.kind)
        written = match.group(0) if len(part.split()) > 4 else check_name(part, rules).name
        if written and len(written.split()) <= 4:
            _add_alternate(page, written, rules)
        _relate(owner, "treatments", page, _note(note))
        state.decide(part, "treatment", f"list item in a treatments list, term {term.name!r}")
        return page
    derived = derive_name(part, rules)
    if not derived.name:
        state.decide(part, "content", f"no clean name ({derived.reason}); kept as text")
        return None
    if category == "treatments":
        page = state.entity("treatment", derived.name, "other")
        _relate(owner, "treatments", page, _note(note))
        state.decide(part, "treatment", "list item in a treatments list")
        return page
    page = _cause_page(derived.name, state)
    _relate(owner, "causes", page, _note(note))
    as_ = "cause (condition)" if page.kind == "condition" else "cause"
    state.decide(part, as_, "list item in a causes list")
    return page


def _lead_context(lead: str) -> str:
    """A list's lead as a relation note: "Additional treatment methods include:" ->
    "Additional treatment methods"."""
    lead = lead.strip().rstrip(":").strip()
    return re.sub(r"\s+(?:include|includes|are|is|the following)$", "", lead, flags=re.I)


def _explanation(text: str) -> str:
    """What an item says after its name: "Short shoulders. This feature is rare." ->
    "This feature is rare."."""
    sentences = split_sentences(text)
    if len(sentences) > 1:
        return " ".join(sentences[1:])
    parts = re.split(r"\s*:\s+|\s+[-–—]\s+", text, maxsplit=1)
    return parts[1].strip() if len(parts) == 2 and len(parts[1].split()) > 3 else ""


def _give_body(page: PagePlan, text: str, state: _State) -> None:
    _add_html(page, f"<p>{html.escape(text, quote=False)}</p>", state)
    state.texts[id(page)].append(text)


def _drop_lead_paragraph(owner: PagePlan, lead: str, state: _State) -> None:
    """The lead of a list that became pages would dangle; take it out of the body."""
    if not lead or not owner.blocks or owner.blocks[-1].type != "paragraph":
        return
    block = owner.blocks[-1]
    escaped = html.escape(lead, quote=False)
    for wrapped in (f"<p>{escaped}</p>", f"<p>{lead}</p>"):
        if block.value.endswith(wrapped):
            block.value = block.value[: -len(wrapped)]
            if not block.value.strip():
                owner.blocks.pop()
            return
    if block.value.endswith(f"{escaped}</p>"):
        block.value = block.value[: -len(escaped) - 4].rstrip() + "</p>"
        if block.value.endswith("<p></p>"):
            block.value = block.value[:-7]
            if not block.value.strip():
                owner.blocks.pop()


# -- warnings ------------------------------------------------------------------------------


def _warning_value(severity: str, heading: str, text_html: str) -> dict:
    return {
        "severity": severity,
        "heading": heading,
        "text": text_html,
        "items_lead": "",
        "items": [],
    }


def _emit_warning_section(
    section: Section, role: _Role, owner: PagePlan, base: int, state: _State
) -> list:
    """Turn a "When to see a doctor" section into warning blocks, one per severity it
    mixes ("See a GP if ... Call 999 if ..."); return the blocks after the advice, which
    stay ordinary content."""
    rules = state.rules
    blocks = section.blocks
    taken: list = []
    for index, block in enumerate(blocks):
        if isinstance(block, ListBlock):
            taken.append(block)
            continue
        next_is_list = index + 1 < len(blocks) and isinstance(blocks[index + 1], ListBlock)
        if index == 0 or severity_of(block.text, rules) or next_is_list:
            taken.append(block)
        else:
            break
    rest = blocks[len(taken) :]
    units = _warning_units(taken, rules)
    if len({tier for tier, _ in units if tier}) <= 1:
        tier = most_serious([tier for tier, _ in units])
        units = [(tier, [part for _, parts in units for part in parts])]
    elif section.heading:
        _add_heading(owner, section.heading, section.level, base, state)
    single = len(units) == 1
    for tier, parts in units:
        if single:
            severity = most_serious([tier, role.severity]) or "see_doctor"
        else:
            severity = tier or role.severity or "see_doctor"
        heading = section.heading if single else ""
        texts = [part for part in parts if isinstance(part, str)]
        lists = [part for part in parts if isinstance(part, ListBlock)]
        value = _warning_value(severity, heading, "".join(texts))
        value["items"] = [item.text for lst in lists for item in lst.items]
        lead = " ".join([lst.lead for lst in lists] + [strip_tags(t) for t in texts])
        value["items_lead"] = items_lead(lead, rules) if value["items"] else ""
        _add_block(owner, BlockPlan("warning", value), state)
        because = "warning heading; most serious cue in its text wins"
        if not single:
            because = "warning heading; one warning per severity the section mixes"
        state.decide(heading or strip_tags(value["text"]) or lead, f"warning ({severity})", because)
    return rest


def _warning_units(blocks: list, rules: RuleSet) -> list[tuple[str, list]]:
    """Split advice into runs of one severity: ``[(severity, [html str | ListBlock])]``.

    A sentence with a cue of another severity starts a new run; sentences without a cue
    and lists stay with the run before them (a list's lead is the paragraph before it)."""
    units: list[tuple[str, list]] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            if not units:
                units.append(("", []))
            units[-1][1].append(block)
            continue
        sentences = split_sentences(block.text)
        pieces = _html_sentences(block, sentences)
        run: list[str] = []
        for sentence, piece in zip(sentences, pieces, strict=True):
            found = severity_of(sentence, rules)
            tier = found.level if found else ""
            current = units[-1][0] if units else None
            if units and (not tier or tier == current or current == ""):
                if tier and current == "":
                    units[-1] = (tier, units[-1][1])
                if run and units[-1][1] and units[-1][1][-1] is run:
                    run.append(piece)
                else:
                    run = [piece]
                    units[-1][1].append(run)
            else:
                run = [piece]
                units.append((tier, [run]))
    merged: list[tuple[str, list]] = []
    for tier, parts in units:
        parts = [f"<p>{' '.join(p)}</p>" if isinstance(p, list) else p for p in parts]
        if merged and merged[-1][0] == tier:
            merged[-1][1].extend(parts)
        else:
            merged.append((tier, parts))
    return [(tier or most_serious(_list_tiers(parts, rules)), parts) for tier, parts in merged]


def _list_tiers(parts: list, rules: RuleSet) -> list[str]:
    """Severities of the lists among ``parts`` (their leads and items)."""
    return [_group_severity([part], rules) for part in parts if isinstance(part, ListBlock)]


def _group_severity(group: list, rules: RuleSet) -> str:
    texts = []
    for block in group:
        if isinstance(block, ListBlock):
            texts.append(block.lead)
            texts.extend(item.text for item in block.items)
        else:
            texts.append(block.text)
    return most_serious(f.level for f in (severity_of(t, rules) for t in texts) if f)


def _paragraph_html(paragraph: Paragraph) -> str:
    return f"<p>{paragraph.html or html.escape(paragraph.text, quote=False)}</p>"


# -- exercise lists ------------------------------------------------------------------------


def _relate_exercise_treatment(heading: str, owner: PagePlan, state: _State) -> None:
    """An exercise list is a treatment of its condition: the treatment term its heading
    names ("Stretches for a stiff neck" -> Stretching exercises), else the general one."""
    rules = state.rules
    terms = [term for term, _ in rules.find_treatments(heading)]
    if not terms:
        terms = [t for t in rules.treatment_terms if t.name == EXERCISE_TREATMENT][:1]
    for term in terms[:1]:
        page = state.entity("treatment", term.name, term.kind)
        _relate(_relation_owner(owner, state), "treatments", page)
        state.decide(heading, "treatment", f"exercise list: treatment term {term.name!r}")


def _exercise_subsections(section: Section, following: list[Section], state: _State):
    """The sub-sections of an exercises heading when they are one exercise each
    ("Exercises to ease back pain", then "Knee-to-chest stretch" + steps + dose); else []."""
    rules = state.rules
    if not section.heading or not rules.cue("heading_exercise_list", section.heading):
        return []
    if rules.cue("heading_warning", section.heading) or _rule_says_otherwise(section, state):
        return []
    children = []
    for child in following:
        if child.level <= section.level:
            break
        children.append(child)
    if any(_is_exercise_subsection(child, rules) for child in children):
        return children
    return []


def _rule_says_otherwise(section: Section, state: _State) -> bool:
    """Whether an extra rule classifies the section as something other than exercises
    (asked without recording: the section's own classification records it)."""
    heading = _clean_heading(section.heading, state.rules)
    part = Part("section", heading, heading, level=section.level)
    context = state.context(state.main, "")
    for rule in state.rules.extra_rules:
        answer = rule(part, context)
        if answer is not None:
            return answer.as_ != "exercise_list"
    return False


def _is_exercise_subsection(section: Section, rules: RuleSet) -> bool:
    """A short, name-like heading over steps (a list) or a dose."""
    heading = _clean_heading(section.heading, rules).strip(" .:")
    if not heading or "?" in heading or len(heading.split()) > EXERCISE_NAME_MAX_WORDS:
        return False
    if rules.cue("heading_warning", heading) or not section.blocks:
        return False
    return any(
        isinstance(block, ListBlock) or has_dose(read_dose(block.text).dose)
        for block in section.blocks
    )


def _emit_exercise_sections(
    section: Section, children: list[Section], owner: PagePlan, base: int, state: _State
):
    """One exercise list for an exercises heading whose sub-headings name the exercises;
    sub-sections that are not exercises follow it as ordinary sections."""
    rules = state.rules
    exercises, others = [], []
    for child in children:
        if _is_exercise_subsection(child, rules):
            exercises.append(_exercise_from_section(child, state))
        else:
            others.append(child)
    state.decide(
        section.heading, "exercise_list", f"heading cue, {len(exercises)} exercise sub-headings"
    )
    _emit_exercise_list(section.heading, section.blocks, owner, state, extra=exercises)
    for child in others:
        role = _section_role(child, "exercise_list", owner, state)
        _emit_section(child, role, owner, base, state)


def _exercise_from_section(section: Section, state: _State) -> dict:
    """An exercise named by its heading: steps from its list items and sentences, the dose
    from its dose sentences, cautions from caution or stop cues."""
    rules = state.rules
    name = sentence_case(_clean_heading(section.heading, rules).strip(" .:"))
    sentences = []
    for block in section.blocks:
        if isinstance(block, ListBlock):
            sentences.extend(item.text.strip() for item in block.items)
        else:
            sentences.extend(split_sentences(block.text))
    steps, cautions, dosed = [], [], []
    for sentence in sentences:
        if has_dose(read_dose(sentence).dose):
            dosed.append(sentence)
            if _only_dose(sentence):
                continue
        if rules.cue("severity_caution", sentence) or rules.cue("stop_if", sentence):
            cautions.append(sentence)
        elif sentence:
            steps.append(sentence)
    reading = read_dose(" ".join(dosed))
    for note in reading.notes:
        state.decide(name, "exercise dose", note)
    state.decide(name, "exercise", "sub-heading of an exercises section")
    return {"name": name, "steps": steps, "dose": reading.dose, "cautions": cautions}


def _emit_exercise_list(
    heading: str, blocks, owner: PagePlan, state: _State, lead: str = "", extra=()
):
    rules = state.rules
    intro: list[str] = []
    stop_if: list[str] = []
    exercises: list[dict] = []
    trailing: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            exercises.extend(_exercise(item.text, item.html, state) for item in block.items)
            continue
        if re.match(r"\s*<(?:strong|b)>", block.html or ""):
            exercises.append(_exercise(block.text, block.html, state))
            continue
        sentences = split_sentences(block.text)
        keep = [s for s in sentences if not rules.cue("stop_if", s)]
        stop_if.extend(s for s in sentences if rules.cue("stop_if", s))
        if not keep:
            continue
        paragraph = Paragraph(" ".join(keep), block.html if len(keep) == len(sentences) else "")
        if exercises:
            trailing.append(paragraph)
        else:
            intro.append(_paragraph_html(paragraph))
    exercises = [e for e in exercises if e["name"] or e["steps"]]
    exercises.extend(extra)
    if not exercises:
        _emit_blocks(blocks, owner, "content", heading, state)
        return
    if lead and not intro:
        intro.append(f"<p>{html.escape(lead, quote=False)}</p>")
        _drop_lead_paragraph(owner, lead, state)
    value = {
        "heading": heading,
        "intro": "".join(intro),
        "exercises": exercises,
        "stop_if": stop_if,
    }
    _add_block(owner, BlockPlan("exercise_list", value), state)
    state.decide(
        heading or lead or exercises[0]["name"], "exercise_list", f"{len(exercises)} exercises"
    )
    _relate_exercise_treatment(heading or lead, owner, state)
    _emit_blocks(trailing, owner, "content", heading, state)


def _exercise(text: str, markup: str, state: _State) -> dict:
    rules = state.rules
    name, rest = "", text
    bold = re.match(r"\s*<(?:strong|b)>(.*?)</(?:strong|b)>\s*(.*)", markup or "", re.S)
    if bold:
        name = strip_tags(bold.group(1)).strip(" .:-–")
        rest = strip_tags(bold.group(2))
    else:
        phrase = first_phrase(text)
        if len(phrase.split()) <= 6:
            name = phrase.strip(" .:")
            rest = text[text.find(phrase) + len(phrase) :].lstrip(" .:-–—")
    reading = read_dose(text)
    steps, cautions = [], []
    for sentence in split_sentences(rest):
        if rules.cue("severity_caution", sentence) or rules.cue("stop_if", sentence):
            cautions.append(sentence)
        elif not _only_dose(sentence):
            steps.append(sentence)
    for note in reading.notes:
        state.decide(name or text, "exercise dose", note)
    return {
        "name": sentence_case(name) if name else "",
        "steps": steps,
        "dose": reading.dose,
        "cautions": cautions,
    }


_DOSE_WORDS = re.compile(
    r"\b(?:hold|holding|for|repeat|do|this|it|the|stretch|position|exercise|times?|sets?|of|reps?|"
    r"repetitions|seconds?|secs?|minutes?|on|each|every|per|side|leg|arm|a|day|week|daily|and|to|"
    r"or|once|twice|up|about|around|\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"twelve|fifteen|twenty|thirty|sixty|other)\b",
    re.IGNORECASE,
)


def _only_dose(sentence: str) -> bool:
    """Whether a sentence says nothing but the dose (the block renders the dose itself)."""
    return has_dose(read_dose(sentence).dose) and not re.search(
        r"[A-Za-z]{2,}", _DOSE_WORDS.sub(" ", sentence)
    )


# -- blocks --------------------------------------------------------------------------------


def _add_heading(page: PagePlan, text: str, level: int, base: int, state: _State) -> None:
    last = state.last_heading.get(id(page), 1)
    wanted = max(2, min(level - base + 2, 4))
    h = min(wanted, last + 1)
    state.last_heading[id(page)] = h
    _add_block(page, BlockPlan("heading", {"text": text.strip(), "level": f"h{h}"}), state)


def _add_html(page: PagePlan, markup: str, state: _State) -> None:
    if not strip_tags(markup):
        return
    if page.blocks and page.blocks[-1].type == "paragraph":
        page.blocks[-1].value += markup
    else:
        page.blocks.append(BlockPlan("paragraph", markup))


def _add_block(page: PagePlan, block: BlockPlan, state: _State) -> None:
    page.blocks.append(block)


# -- finishing -----------------------------------------------------------------------------


def _finish(state: _State) -> None:
    rules = state.rules
    kinds = {name_key(p.title, rules): p.kind for p in state.plan.pages}
    for page in state.plan.pages:
        page.blocks = [fixed for block in page.blocks for fixed in _valid_blocks(block, state)]
        page.blocks = _without_dangling_headings(page.blocks)
        for relations in (page.causes, page.treatments, page.related_conditions):
            for relation in relations:
                relation.kind = kinds.get(name_key(relation.title, rules), relation.kind)
        texts = state.texts.get(id(page), [])
        if not page.summary and texts:
            page.summary = summarise(" ".join(texts[:2]))
        page.summary = _standalone_summary(page, state)
        page.body_regions = rules.regions_in(" ".join([page.title, *texts]))
        if page is not state.main and not page.blocks:
            state.plan.flags.append(Flag(kind="thin_page", text=page.title))


#: A summary opening with one of these leans on text the page does not have
#: ("It can make you drowsy" under "Painkillers"): it cannot stand alone.
_DANGLING_START = re.compile(
    r"^(?:it|its|they|their|them|this|these|that|those|such|he|she|also|however|but|and|or|so)\b",
    re.IGNORECASE,
)


def _standalone_summary(page: PagePlan, state: _State) -> str:
    """The page's summary when it reads on its own as a lead sentence, else "" (an
    editor writes one; nothing is invented)."""
    summary = page.summary.strip()
    if not summary:
        return ""
    if _DANGLING_START.match(summary):
        state.decide(summary, "no summary", f"does not stand alone as the lead of {page.title!r}")
        return ""
    return summary[:1].upper() + summary[1:]


def _valid_blocks(block: BlockPlan, state: _State) -> list[BlockPlan]:
    """The block as the body StreamBlock will accept it: repaired, demoted to plain
    content, or dropped -- never a block that fails validation and sinks the import."""
    if block.type == "paragraph":
        return [block] if strip_tags(block.value) else []
    if block.type == "heading":
        return [block] if block.value["text"].strip() else []
    if block.type == "warning":
        return _valid_warning(block, state)
    if block.type == "exercise_list":
        return _valid_exercise_list(block, state)
    return [block]


def _valid_warning(block: BlockPlan, state: _State) -> list[BlockPlan]:
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
    if value["severity"] == "emergency" and not value["heading"] and not value["items"]:
        value["heading"] = _advice_heading(strip_tags(value["text"]), state.rules)
        state.decide(
            value["heading"], "warning heading", "an emergency warning needs a heading or items"
        )
    return [block]


def _advice_heading(text: str, rules: RuleSet) -> str:
    """What to do, from an emergency sentence: "Call 999 or go to A&E if ..." ->
    "Call 999 or go to A&E"; else the emergency cue, else :data:`EMERGENCY_HEADING`."""
    first = (split_sentences(text) or [""])[0]
    clause = re.split(r"\s+(?:if|when|because|as soon as)\s+|,\s+", first, maxsplit=1)[0]
    clause = clause.strip(" .:;")
    if clause and rules.cue("severity_emergency", clause) and len(clause.split()) <= 12:
        return sentence_case(clause)
    cue = rules.cue("severity_emergency", text)
    return sentence_case(cue) if cue else EMERGENCY_HEADING


def _sentence_start(text: str) -> str:
    """Drop the separator left by a split name ("**Chin tuck**: sit up") and capitalise."""
    text = text.lstrip(":;,.-\u2013\u2014 ")
    return text[:1].upper() + text[1:]


def _valid_exercise_list(block: BlockPlan, state: _State) -> list[BlockPlan]:
    value = block.value
    heading = value["heading"].strip() or EXERCISE_LIST_HEADING
    value["heading"] = heading
    for exercise in value["exercises"]:
        exercise["steps"] = [
            _sentence_start(step) for step in _fit(exercise["steps"], EXERCISE_LINE_MAX_LENGTH)
        ]
        exercise["cautions"] = _fit(exercise["cautions"], EXERCISE_LINE_MAX_LENGTH)
    value["stop_if"] = _fit(value["stop_if"], EXERCISE_LINE_MAX_LENGTH)
    exercises = value["exercises"]
    if exercises and not any(e["name"] for e in exercises) and _names_one_exercise(heading):
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


def _names_one_exercise(heading: str) -> bool:
    """A short heading that is not a collection ("Knee-to-chest stretch", not
    "Stretches for a stiff neck")."""
    return len(heading.split()) <= EXERCISE_NAME_MAX_WORDS and not re.search(
        r"\b(?:exercises|stretches|workouts|poses|movements|routines?|programmes?)\b",
        heading,
        re.IGNORECASE,
    )


def _fit(lines: list[str], limit: int) -> list[str]:
    """Lines no longer than ``limit``: a long one is split into its sentences."""
    fitted: list[str] = []
    for line in lines:
        fitted.extend(split_sentences(line) if len(line) > limit else [line])
    return [line for line in fitted if line.strip()]


def _without_dangling_headings(blocks: list[BlockPlan]) -> list[BlockPlan]:
    """Drop headings left with nothing under them (their text became other pages)."""
    kept: list[BlockPlan] = []
    for block in blocks:
        if block.type == "heading":
            while kept and kept[-1].type == "heading" and _level(kept[-1]) >= _level(block):
                kept.pop()
        kept.append(block)
    while kept and kept[-1].type == "heading":
        kept.pop()
    previous = 1
    for block in kept:
        if block.type == "heading":
            level = min(_level(block), previous + 1)
            block.value["level"] = f"h{level}"
            previous = level
    return kept


def _level(block: BlockPlan) -> int:
    return int(block.value["level"][1:])
