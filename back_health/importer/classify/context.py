"""What the recognisers of one article share: the rules, the plan and its pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Decision, Document, Section
from ..names import (
    entity_key,
    preferred_title,
    sentence_case,
    summarise,
    without_time,
)
from ..plan import ArticlePlan, Kind, PagePlan, RelationPlan
from ..rules import Classification, Part, RuleContext, RuleSet, rule_name
from ..text import sentence_start

#: Kinds of the pages an entity can have besides the index.
ENTITY_KINDS = (Kind.CONDITION, Kind.CAUSE, Kind.TREATMENT)

#: Longest relation note, in characters (the relation model's field holds 255).
NOTE_MAX_LENGTH = 160


#: Longest text quoted in a decision's ``part``.
PART_MAX_LENGTH = 80


class PageRegistry:
    """The entity pages of one article by their :func:`~..names.entity_key`, and what
    the classifier remembers about each: the plain text it was given (for its summary
    and body regions) and the level of its last heading block."""

    def __init__(self, rules: RuleSet, plan: ArticlePlan):
        self._rules = rules
        self._plan = plan
        self._by_key: dict[str, PagePlan] = {}
        #: Key -> the order it was first seen in (``_by_key`` never loses a key).
        self._order: dict[str, int] = {}
        self._texts: dict[int, list[str]] = {}
        #: The same texts as sets: "is this sentence said already" at once, not by a scan
        #: of a list that grows with the article.
        self._said: dict[int, set[str]] = {}
        self._heading_levels: dict[int, int] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._by_key

    def items(self):
        """``(key, page)`` pairs, in the order the names were first seen."""
        return self._by_key.items()

    def get(self, key: str) -> PagePlan | None:
        return self._by_key.get(key)

    def opening(self, key: str) -> list[tuple[str, PagePlan]]:
        """The ``(key, page)`` pairs whose key is ``key`` or its opening words, in the
        order the names were first seen: a lookup per opening instead of a scan of
        every page for every sentence."""
        found = []
        end = 0
        while end >= 0:
            end = key.find(" ", end + 1)
            opening = key if end < 0 else key[:end]
            if opening in self._by_key:
                found.append((self._order[opening], opening))
        return [(opening, self._by_key[opening]) for _order, opening in sorted(found)]

    def _add(self, key: str, page: PagePlan) -> None:
        self._by_key[key] = page
        self._order[key] = len(self._order)

    def alias(self, name: str, page: PagePlan) -> None:
        """Let ``name`` find ``page`` too (unless it already names another page)."""
        key = entity_key(name, self._rules)
        if key not in self._by_key:
            self._add(key, page)

    def entity(self, kind: str, name: str, treatment_kind: str = "", reason: str = "") -> PagePlan:
        """The page for ``name``, created on first mention; one entity, one page.
        ``reason`` says why it is this kind (kept from the first mention that gave one)."""
        # The article's own wording names the page (a UK article's "Slipped disc" stays
        # so); the synonym group's first name becomes an alternate name, which is what
        # links the page to the same entity written another way in another article.
        # "**slipped disc**" in plain text set as Markdown: the asterisks are emphasis,
        # never part of a name.
        name = name.replace("*", "")
        title = sentence_case(name.strip())
        key = entity_key(title, self._rules)
        page = self._by_key.get(key)
        promoted = False
        if page is None:
            page = PagePlan(kind=Kind(kind), title=title, treatment_kind=treatment_kind)
            page.key = f"{page.kind}:{key}"
            self._add(key, page)
            self._plan.pages.append(page)
            self._texts[id(page)] = []
            self._said[id(page)] = set()
        elif kind == Kind.CONDITION and page.kind == Kind.CAUSE:
            page.kind = Kind.CONDITION  # a cause that is also a condition is one condition page
            page.key = f"{page.kind}:{key}"
            promoted = True
        if page.kind == Kind.TREATMENT and treatment_kind and page.treatment_kind in ("", "other"):
            page.treatment_kind = treatment_kind
        if reason and (not page.reason or promoted):
            page.reason = reason
        add_alternate(page, name, self._rules)
        add_alternate(page, preferred_title(name, self._rules), self._rules)
        self.alias(name, page)
        return page

    def retitle(self, page: PagePlan, name: str) -> None:
        """Call ``page`` by ``name`` from now on, its old title an alternate name: "Surgery"
        becomes "Discectomy" once the article says which operation it means. Relations
        to the page follow it; the old name still finds it."""
        old = page.title
        title = sentence_case(name.strip())
        key = entity_key(title, self._rules)
        page.title = title
        page.key = f"{page.kind}:{key}"
        self.alias(title, page)
        page.alternate_names = [a for a in page.alternate_names if a.lower() != title.lower()]
        add_alternate(page, old, self._rules)
        for other in self._plan.pages:
            for relations in (other.causes, other.treatments, other.related_conditions):
                for relation in relations:
                    if relation.title == old:
                        relation.title = title

    def add_text(self, page: PagePlan, text: str) -> None:
        said = self._said.setdefault(id(page), set())
        if text not in said:  # a sentence found by two rules is said once
            said.add(text)
            self._texts.setdefault(id(page), []).append(text)

    def drop_text(self, text: str, kind: str) -> list[PagePlan]:
        """Take ``text`` from every page of ``kind`` given it; return those pages."""
        pages = []
        for page in self._plan.pages:
            said = self._said.get(id(page))
            if page.kind == kind and said and text in said:
                said.remove(text)
                self._texts[id(page)].remove(text)
                pages.append(page)
        return pages

    def texts(self, page: PagePlan) -> list[str]:
        return self._texts.get(id(page), [])

    def heading_level(self, page: PagePlan) -> int:
        """Level of the page's last heading block (1 before the first)."""
        return self._heading_levels.get(id(page), 1)

    def set_heading_level(self, page: PagePlan, level: int) -> None:
        self._heading_levels[id(page)] = level


@dataclass
class PendingList:
    """A causes or treatments list whose items became pages, settled by the finishing
    step once it is known which pages are written and which are only suggested."""

    owner: PagePlan
    #: The body block that will hold the items that stay as text.
    block: object
    items: object  # the ListBlock
    #: id(item) -> the pages the item named.
    pages: dict[int, list[PagePlan]]
    #: id(item) of the items that named nothing (they always stay as text).
    left: set[int] = field(default_factory=set)
    lead: str = ""
    #: The paragraph block holding the list's lead, dropped with the list.
    lead_block: object | None = None


@dataclass
class Context:
    """What every recogniser of one article reads: the rules, the plan being built,
    the Document, the main condition's page and the registry of entity pages."""

    rules: RuleSet
    plan: ArticlePlan
    document: Document
    pages: PageRegistry
    main: PagePlan | None = None
    #: Name key -> cause name, from every causes list of the article.
    known_causes: dict[str, str] = field(default_factory=dict)
    #: Lists of named items waiting for the finishing step.
    pending_lists: list[PendingList] = field(default_factory=list)
    #: id() of each pending list's placeholder block: whether a block is one is asked for
    #: every paragraph, and a scan of the lists would grow with the article.
    pending_blocks: set[int] = field(default_factory=set)
    #: id() of a page one treatment heading names -> its section, until its text is asked
    #: which treatment the heading means (see ``entities.section_treatment_named``).
    treatment_sections: dict[int, Section] = field(default_factory=dict)
    #: Name keys of what a sentence advised against ("We do not usually recommend codeine
    #: ..."): a later sentence about it ("Codeine can be addictive") says why, and makes
    #: no page of it.
    advised_against: set[str] = field(default_factory=set)

    @classmethod
    def start(cls, rules: RuleSet, plan: ArticlePlan, document: Document) -> Context:
        return cls(rules=rules, plan=plan, document=document, pages=PageRegistry(rules, plan))

    def decide(self, part: str, as_: str, because: str) -> None:
        """Record why ``part`` was classified ``as_``."""
        part = " ".join(part.split())
        if len(part) > PART_MAX_LENGTH:
            part = part[: PART_MAX_LENGTH - 1].rsplit(" ", 1)[0] + "…"
        self.plan.decisions.append(Decision(part=part, as_=as_, because=because))

    def rule_context(self, owner: PagePlan | None, topic: str) -> RuleContext:
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
        context = self.rule_context(owner, topic)
        for rule in self.rules.extra_rules:
            answer = rule(part, context)
            if answer is not None:
                self.decide(part.text, answer.as_, f"rule {rule_name(rule)}: {answer.because}")
                return answer
        return None

    def entity(self, kind: str, name: str, treatment_kind: str = "", reason: str = "") -> PagePlan:
        """The page for ``name`` (see :meth:`PageRegistry.entity`)."""
        return self.pages.entity(kind, name, treatment_kind, reason)

    def term_page(self, term, written: str, reason: str) -> PagePlan:
        """The page of a vocabulary treatment ``term`` the article writes as ``written``:
        the page already named that way if there is one (the subject "Radiofrequency
        denervation", which the vocabulary calls "Radiofrequency ablation"), so one
        treatment is one page; else the term's page."""
        page = self.pages.get(entity_key(written, self.rules))
        if page is not None and page.kind == Kind.TREATMENT:
            return page
        return self.entity(Kind.TREATMENT, term.name, term.kind, reason)


@dataclass
class Role:
    category: str
    because: str
    pages: list[PagePlan] = field(default_factory=list)
    #: Relation note for the pages a heading names ("A cause of back pain").
    note: str = ""
    severity: str = ""
    #: The condition pages the heading names are causes of the page's condition (the
    #: heading is under a causes heading).
    as_cause: bool = False


def add_alternate(page: PagePlan, name: str, rules: RuleSet) -> None:
    name = sentence_case(without_time(name.strip()))
    if not name or name.lower() == page.title.lower():
        return
    if name.lower() not in {a.lower() for a in page.alternate_names}:
        page.alternate_names.append(name)


def relate(owner: PagePlan, field_name: str, target: PagePlan, note: str = "") -> None:
    if owner is target:
        return
    relations = getattr(owner, field_name)
    for relation in relations:
        if relation.title == target.title:
            if note and not relation.note:
                relation.note = note
            return
    relations.append(RelationPlan(title=target.title, kind=target.kind, note=relation_note(note)))


def relation_note(text: str) -> str:
    text = sentence_start(" ".join(text.split()).rstrip(":").strip())
    return summarise(text, limit=NOTE_MAX_LENGTH, sentences=1) if text else ""
