"""Classification rules: data (cue patterns and vocabularies) plus small functions.

The shipped :class:`RuleSet` comes from the JSON files in ``importer/data/``
(:func:`default_rules`). Sites adapt it without forking it:

- ``rules.extend(cues={"heading_causes": [r"\\bwhat sets it off\\b"]})`` adds patterns,
  ``rules.with_medicines({"Brandex": "ibuprofen"})`` adds medicine names,
  ``rules.extend(condition_names=["Hip hitch syndrome"])`` adds condition names,
  ``rules.extend(my_rule)`` adds an extra rule. Each returns a new RuleSet.

The vocabulary
--------------

Beside the short, hand-kept lists (``conditions.json``, ``treatments.json``,
``medicines.json``) the rules read a domain vocabulary built from public classifications:
``lexicon_conditions.json`` (condition names and their other names, from ICD-10-CM),
``lexicon_medicines.json`` (generics, brands and combination products by ATC class) and
``lexicon_treatments.json`` (non-drug treatments by kind). The hand-kept lists win where
both name the same thing; a site's additions win over both.

The extra-rule protocol
-----------------------

An extra rule is a callable ``rule(part, context) -> Classification | None`` (a
function, or an object with a ``name`` attribute and ``__call__``). The classifier
asks the extra rules, in order, BEFORE its built-in rules, for every :class:`Part`:

- ``part.kind == "section"``: ``text`` is the heading; answer ``as_`` in
  ``condition``, ``cause``, ``treatment`` (one entity; ``name`` optional),
  ``causes``, ``treatments``, ``symptoms``, ``types``, ``prevention``,
  ``warning`` (``severity`` optional), ``exercise_list``, ``content`` or ``junk``
  (the section is dropped, with the decision recorded);
- ``part.kind == "list"``: ``text`` is the list's lead (or the heading when there is
  none); same answers as a section, except the entity ones;
- ``part.kind == "item"``: a list item; answer ``cause``, ``treatment``,
  ``condition`` (``name`` optional, ``treatment_kind`` for treatments), ``content``
  (keep it as text) or ``junk``;
- ``part.kind == "sentence"``: a sentence of a paragraph; answer ``warning``
  (``severity`` required), ``cause`` or ``treatment`` (``name`` required: the
  sentence stays in the text and the entity is linked), or ``content``.

The first rule that returns a Classification wins; ``None`` means "no opinion".
The decision recorded on the plan says ``rule <name>: <because>``. Rules must be
pure and fast: they run once per part of every imported article.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from .fold import fold_case, fold_name
from .language import stopwords
from .memo import SCOPE, memory, remembered_call
from .prefilter import Dispatch, Gate, may_match, may_match_all, required_all, required_literals

#: Where the shipped vocabularies live.
DATA_DIR = Path(__file__).resolve().parent / "data"

#: Severity keys of the warning block, from least to most serious.
SEVERITIES = ("info", "caution", "see_doctor", "urgent", "emergency")

#: Categories a part can be classified as.
CATEGORIES = (
    "condition",
    "cause",
    "treatment",
    "causes",
    "treatments",
    "symptoms",
    "types",
    "prevention",
    "complications",
    "diagnosis",
    "warning",
    "exercise_list",
    "content",
    "junk",
)


@dataclass(frozen=True)
class Part:
    """A piece of a Document an extra rule is asked about."""

    #: ``section``, ``list``, ``item`` or ``sentence``.
    kind: str
    #: The heading, lead, item or sentence text.
    text: str
    #: Heading of the section the part is in ("" before the first heading).
    heading: str = ""
    #: For lists and items: the sentence that introduced the list.
    lead: str = ""
    #: Heading level of the section.
    level: int = 2


@dataclass(frozen=True)
class RuleContext:
    """What an extra rule may want to know besides the part."""

    rules: RuleSet
    #: Title of the page the part would go to (the main condition, or the
    #: condition/cause page whose section it is in).
    owner: str = ""
    #: The main condition's title.
    main_title: str = ""
    #: The category of the enclosing section ("causes", "treatments", ...).
    topic: str = ""
    document_title: str = ""


@dataclass(frozen=True)
class Classification:
    """What a rule decided about a part, and why."""

    as_: str
    because: str = ""
    #: Entity name to use instead of the one derived from the text.
    name: str = ""
    #: Warnings: one of :data:`SEVERITIES`.
    severity: str = ""
    #: Treatments: a TreatmentPage kind.
    treatment_kind: str = ""


class Rule(Protocol):
    def __call__(self, part: Part, context: RuleContext) -> Classification | None: ...


@dataclass(frozen=True)
class TreatmentTerm:
    name: str
    kind: str
    patterns: tuple[str, ...]
    class_of_medicine: bool = False
    #: A general word ("Exercise") that, in the text of another treatment, names part
    #: of that treatment rather than one of its own.
    general: bool = False


@dataclass(frozen=True)
class MedicineInfo:
    generic: str
    drug_class: str = ""
    #: True when the name matched is the generic name or an alias, not a brand.
    is_generic: bool = False
    #: A combination product's generics ("codeine", "paracetamol" for co-codamol).
    components: tuple[str, ...] = ()


@dataclass(frozen=True)
class BodyRegion:
    slug: str
    patterns: tuple[str, ...]


def rule_name(rule: Callable) -> str:
    return getattr(rule, "name", None) or getattr(rule, "__name__", None) or type(rule).__name__


#: Heads that end the name of one disorder, whatever words come before them; a phrase of
#: at most :data:`NAMED_DISORDER_WORDS` words ending in one is a name in itself.
NAMED_DISORDER_HEADS = frozenset({"syndrome", "disease", "disorder", "palsy"})
NAMED_DISORDER_WORDS = 4


@dataclass(frozen=True, eq=False)
class RuleSet:
    """Cue patterns and vocabularies the classifier reads, and the extra rules it asks.

    Build one with :func:`default_rules` and adapt it with :meth:`extend` and
    :meth:`with_medicines`; the compiled patterns are built once per RuleSet.
    """

    #: Cue category -> regular expressions (see ``data/cues.json``).
    cues: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Word lists of the name rules (``name_cut``, ``vague``...) and ``max_name_words``.
    name_rules: Mapping[str, Any] = field(default_factory=dict)
    #: Endings that make a word a condition term (``itis``, ``osis``...).
    condition_suffixes: tuple[str, ...] = ()
    #: Words and phrases that name a condition on their own (``hernia``, ``lumbago``).
    condition_words: tuple[str, ...] = ()
    #: Last words that make a defined name a condition (``syndrome``, ``pain``).
    condition_heads: tuple[str, ...] = ()
    #: Names of conditions (``lexicon_conditions.json``): a name whose head is one of
    #: them is a condition ("Chronic wry neck"); one that only contains one is not
    #: ("Exercises for wry neck").
    condition_names: tuple[str, ...] = ()
    #: Words after a condition name that start its qualifier ("Back strain *in* sport").
    condition_name_qualifiers: tuple[str, ...] = ()
    #: Words before a condition name that make it a modifier ("Exercises *for* wry neck").
    condition_name_breakers: tuple[str, ...] = ()
    #: Words with a condition ending that are not conditions (``diagnosis``).
    not_conditions: tuple[str, ...] = ()
    #: Last words of a pain named only by where it is ("low back *pain*"), and the words
    #: such a name may have before them besides the body regions' own ("neck *and
    #: shoulder* pain").
    general_pain_heads: tuple[str, ...] = ()
    general_pain_words: tuple[str, ...] = ()
    #: Openings of a risk factor that names a condition ("family history of ...").
    risk_prefixes: tuple[str, ...] = ()
    treatment_terms: tuple[TreatmentTerm, ...] = ()
    #: Last words that make a name of two words or more a device ("support belt").
    device_heads: tuple[str, ...] = ()
    #: Words that name a device on their own ("brace").
    device_words: tuple[str, ...] = ()
    #: Last words that make a name of two to six words a procedure ("spacer insertion").
    procedure_heads: tuple[str, ...] = ()
    #: Endings of a last word that name a procedure ("foraminotomy", "kyphoplasty").
    procedure_endings: tuple[str, ...] = ()
    #: Lower-case brand, generic or alias name -> medicine.
    medicines: Mapping[str, MedicineInfo] = field(default_factory=dict)
    #: Synonym groups; the first name of a group is the preferred title.
    synonym_groups: tuple[tuple[str, ...], ...] = ()
    #: Nouns whose plural names the same entity ("stresses" -> "stress").
    mass_nouns: tuple[str, ...] = ()
    body_regions: tuple[BodyRegion, ...] = ()
    #: Extra rules asked before the built-in ones (see the module docstring).
    extra_rules: tuple[Rule, ...] = ()

    def __post_init__(self):
        single = {
            key: tuple(re.compile(p, re.IGNORECASE) for p in patterns)
            for key, patterns in self.cues.items()
        }
        filtered = {
            key: tuple((compiled, _required_words(compiled)) for compiled in patterns)
            for key, patterns in single.items()
        }
        object.__setattr__(self, "_cue_filtered", filtered)
        object.__setattr__(self, "_group_gates", {})
        object.__setattr__(
            self,
            "_cue_gate",
            {key: Gate(lit for _, lit in pairs) for key, pairs in filtered.items()},
        )
        object.__setattr__(self, "_cue_each", single)
        # Every cue pattern numbered across categories, and one scan for all their words:
        # within an article scope a text is scanned once, whatever cues are asked of it.
        numbered = [
            (key, compiled, literals)
            for key, pairs in filtered.items()
            for compiled, literals in pairs
        ]
        by_category: dict[str, list[tuple[int, re.Pattern]]] = {}
        for index, (key, compiled, _) in enumerate(numbered):
            by_category.setdefault(key, []).append((index, compiled))
        object.__setattr__(
            self, "_cue_numbered", {key: dict(items) for key, items in by_category.items()}
        )
        numbers = {key: frozenset(dict(items)) for key, items in by_category.items()}
        # Each pattern's category by number; the treatment terms numbered after the cues
        # have none (None, which names no category).
        object.__setattr__(
            self,
            "_cue_category_of",
            (*(key for key, *_ in numbered), *(None for _ in self.treatment_terms)),
        )
        object.__setattr__(self, "_cue_numbers", numbers)
        # What the memory of an article scope keeps is found under these keys: built once
        # here, not for every question.
        object.__setattr__(self, "_cue_query", (self, "cue"))
        object.__setattr__(self, "_categories_query", (self, "categories"))
        # Every word set a pattern needs that the scan has not already settled: a set
        # holding a part of each of the pattern's scan words is met whenever the scan
        # lets the pattern through.
        object.__setattr__(
            self,
            "_cue_needs",
            tuple(
                _unsettled(required_all(compiled.pattern, compiled.flags), literals)
                for _, compiled, literals in numbered
            ),
        )
        # Each pattern by its number, with the words it needs beyond the scan's: what
        # :meth:`_cue` tries of the patterns a scan lets through.
        object.__setattr__(
            self,
            "_cue_entry",
            tuple(
                (compiled, needs)
                for (_, compiled, _), needs in zip(numbered, self._cue_needs, strict=True)
            ),
        )
        object.__setattr__(self, "_treatments", self._compile_treatments())
        object.__setattr__(
            self, "_treatment_dispatch", Dispatch(lit for *_, lit in self._treatments)
        )
        # Cue patterns, then treatment terms: one scan of a text finds the words of both.
        object.__setattr__(self, "_treatments_from", len(numbered))
        object.__setattr__(
            self,
            "_treatment_numbers",
            frozenset(range(len(numbered), len(numbered) + len(self._treatments))),
        )
        object.__setattr__(
            self,
            "_text_dispatch",
            Dispatch([*(lit for *_, lit in numbered), *(lit for *_, lit in self._treatments)]),
        )
        object.__setattr__(self, "_medicines", self._compile_medicines())
        object.__setattr__(self, "_condition_lexicon", self._compile_condition_names())
        object.__setattr__(self, "_condition_memo", {})
        object.__setattr__(
            self,
            "_condition_word_sets",
            (
                tuple(phrase for phrase in self.condition_words if " " in phrase),
                frozenset(self.condition_words),
                frozenset(self.not_conditions),
            ),
        )
        object.__setattr__(
            self,
            "_condition_shapes",
            _names_by_first_word(n for n in self.condition_names if " " in n.strip()),
        )
        object.__setattr__(self, "_regions", self._compile_regions())

    # -- building new rule sets -------------------------------------------------------

    def extend(
        self,
        *extra_rules: Rule,
        cues: Mapping[str, Iterable[str]] | None = None,
        treatment_terms: Iterable[Mapping[str, Any]] = (),
        synonyms: Iterable[Iterable[str]] = (),
        condition_words: Iterable[str] = (),
        condition_names: Iterable[str] = (),
        name_rules: Mapping[str, Any] | None = None,
    ) -> RuleSet:
        """A new RuleSet with more extra rules, cue patterns and vocabulary.

        New treatment terms and synonym groups come first, so a site's wording wins
        over the shipped one; cue patterns are added to their category.
        """
        merged_cues = {key: tuple(value) for key, value in self.cues.items()}
        for key, patterns in (cues or {}).items():
            merged_cues[key] = tuple(patterns) + merged_cues.get(key, ())
        merged_names = dict(self.name_rules)
        for key, value in (name_rules or {}).items():
            old = merged_names.get(key)
            merged_names[key] = list(value) + list(old) if isinstance(old, list) else value
        return replace(
            self,
            cues=merged_cues,
            name_rules=merged_names,
            extra_rules=self.extra_rules + tuple(_flatten_rules(extra_rules)),
            treatment_terms=tuple(_treatment_term(t) for t in treatment_terms)
            + self.treatment_terms,
            synonym_groups=tuple(tuple(g) for g in synonyms) + self.synonym_groups,
            condition_words=tuple(w.lower() for w in condition_words) + self.condition_words,
            condition_names=tuple(condition_names) + self.condition_names,
        )

    def with_medicines(self, medicines: Mapping[str, str | Mapping[str, Any]]) -> RuleSet:
        """A new RuleSet that also knows these brands: ``{"brand": "generic"}`` or
        ``{"brand": {"generic": ..., "class": ..., "components": [...]}}``. A site's
        mapping wins."""
        known = dict(self.medicines)
        for brand, target in medicines.items():
            if isinstance(target, str):
                existing = known.get(target.lower())
                info = MedicineInfo(
                    target,
                    existing.drug_class if existing else "",
                    components=existing.components if existing else (),
                )
            else:
                info = MedicineInfo(
                    target["generic"],
                    target.get("class", ""),
                    components=tuple(target.get("components", ())),
                )
            known[brand.lower()] = info
            known.setdefault(info.generic.lower(), replace(info, is_generic=True))
        return replace(self, medicines=known)

    # -- queries ----------------------------------------------------------------------

    def cue(self, category: str, text: str) -> str | None:
        """The text matched by the first pattern of ``category`` found in ``text``; within
        an :func:`~.memo.article_scope`, worked out once per category and text (the
        recognisers ask the same questions of a sentence)."""
        if not text:
            return None
        scope = SCOPE.get()  # :func:`~.memo.memory`, inline: this is asked most of all
        if scope is None:
            return self._cue(category, text)
        texts = scope.get(self._cue_query)
        if texts is None:
            texts = memory(self._cue_query)
        # Most questions get no answer: the categories the text's scan lets through are
        # worked out once per text, and a question about any other is answered at once.
        try:
            scan = texts[text]
        except KeyError:
            scan = texts[text] = self._cue_scan(text)
        if scan.categories is not None and category not in scan.categories:
            return None
        answers = scan.answers
        try:
            return answers[category]
        except KeyError:
            answer = answers[category] = self._cue(category, scan.read, scan)
            return answer

    def _cue_scan(self, text: str) -> _CueScan:
        """What the scan of ``text`` says about its cues, read as :meth:`cue` reads it."""
        read = text.replace("\u2019", "'")  # "Don’t" is written with either apostrophe
        candidates = self._scanned(read)
        return _CueScan(read, candidates, self._possible_categories(candidates))

    def _possible_categories(self, candidates: frozenset[int] | None) -> frozenset[str] | None:
        """Within an :func:`~.memo.article_scope`, the cue categories with a pattern among
        ``candidates`` (None when the text is not scanned)."""
        if candidates is None:
            return None
        known = memory(self._categories_query)
        try:
            return known[candidates]
        except KeyError:
            # Parts of a sentence share its scan: one set of categories for all of them.
            found = known[candidates] = frozenset(
                map(self._cue_category_of.__getitem__, candidates)
            )
            return found

    def _cue(self, category: str, text: str, scan: _CueScan | None = None) -> str | None:
        if scan is not None:
            candidates = scan.candidates  # ``text`` is the scan's reading
        else:
            if "\u2019" in text:  # "Don’t" is written with either apostrophe
                text = text.replace("\u2019", "'")
            candidates = self._scanned(text)
        if candidates is None:
            lowered = fold_case(text)
            gate = self._cue_gate.get(category)
            if gate is None or not gate.may_match(lowered):
                return None
            patterns = [
                pattern
                for pattern, literals in self._cue_filtered.get(category, ())
                if may_match(literals, lowered)
            ]
        else:
            # The category's patterns the scan lets through, in order, each tried only
            # when the words it needs beyond the scan's occur too.
            patterns = self._scanned_patterns(category, text, candidates, scan)
        exceptions = None
        for pattern in patterns:
            for match in pattern.finditer(text):
                if exceptions is None:
                    exceptions = self._exception_spans(category, text, scan)
                if not any(s < match.end() and match.start() < e for s, e in exceptions):
                    return match.group(0).strip() or category
        return None

    def _scanned_patterns(
        self, category: str, text: str, candidates: frozenset[int], scan: _CueScan | None
    ):
        lowered = None
        # The scan lets through a pattern or two of a category's dozens: their numbers are
        # found by one set intersection (in C), then tried in the category's order.
        for number in sorted(candidates & self._cue_numbers.get(category, _NO_NUMBERS)):
            pattern, needs = self._cue_entry[number]
            if needs:
                if lowered is None:
                    lowered = fold_case(text) if scan is None else scan.folded()
                if not may_match_all(needs, lowered):
                    continue
            yield pattern

    def _scanned(self, text: str) -> frozenset[int] | None:
        """Within an :func:`~.memo.article_scope`, the numbers of the cue patterns and
        treatment terms (after the cues) that may match ``text``: those one of whose
        required words occurs in it lower-cased, or in the sentence it is part of. One scan
        per sentence, remembered for the article. None outside a scope, and for a text
        whose case folding ``re`` and ``str.lower`` disagree on (each pattern's words are
        then looked for the plain way)."""
        memo = memory(self)
        if memo is None:
            return None
        try:
            return memo[text]
        except KeyError:
            pass
        found = None
        if not _FOLDS_APART.search(text):
            last = memo.get(_LAST_SCANNED)
            if last is not None and text in last[0] and "\u03a3" not in text:
                # A part of the sentence scanned last ("the clause before the name") holds
                # no word the sentence lacks: what may match in the sentence is enough.
                found = last[1]
            else:
                found = frozenset(self._text_dispatch.exact_candidates(text.lower()))
                memo[_LAST_SCANNED] = (text, found)
        memo[text] = found
        return found

    def _exception_spans(
        self, category: str, text: str, scan: _CueScan | None = None
    ) -> list[tuple[int, int]]:
        """Spans of ``<category>_except`` matches: a cue overlapping one is void. With the
        ``scan`` of ``text``, only the patterns it lets through are run."""
        exceptions = f"{category}_except"
        if scan is None or scan.candidates is None:
            patterns = self._cue_each.get(exceptions, ())
        else:
            patterns = self._scanned_patterns(exceptions, text, scan.candidates, scan)
        return [match.span() for pattern in patterns for match in pattern.finditer(text)]

    def may_cue(self, categories: tuple[str, ...], text: str) -> bool:
        """A quick test: False when no pattern of ``categories`` can match ``text``."""
        scan = self._scope_scan(text)
        if scan is not None and scan.categories is not None:
            return not scan.categories.isdisjoint(categories)
        text = text.replace("\u2019", "'")
        gate = self._group_gates.get(categories)
        if gate is None:
            gate = Gate(
                literals
                for category in categories
                for _, literals in self._cue_filtered.get(category, ())
            )
            self._group_gates[categories] = gate
        return gate.may_match(fold_case(text))

    def cue_patterns(self, category: str) -> tuple[re.Pattern, ...]:
        return self._cue_each.get(category, ())

    def _scope_scan(self, text: str) -> _CueScan | None:
        """The scan of ``text`` :meth:`cue` reads (remembered with its answers), or None
        outside an article scope."""
        texts = memory(self._cue_query)
        if texts is None:
            return None
        try:
            return texts[text]
        except KeyError:
            scan = texts[text] = self._cue_scan(text)
            return scan

    def _patterns_in(self, category: str, text: str) -> tuple[str, Iterable[re.Pattern]]:
        """``text`` read as :meth:`cue` reads it ("Don’t" as "Don't"), and the patterns of
        ``category`` that may match it, in order: within an article scope, those its scan
        lets through (none when it rules the category out); else all of them."""
        scan = self._scope_scan(text)
        if scan is None:
            return text.replace("\u2019", "'"), self.cue_patterns(category)
        if scan.candidates is None:
            return scan.read, self.cue_patterns(category)
        if category not in scan.categories:
            return scan.read, ()
        return scan.read, self._scanned_patterns(category, scan.read, scan.candidates, scan)

    def cue_matches(self, category: str, text: str) -> list[re.Match]:
        """Every match of the patterns of ``category`` in ``text``, pattern by pattern, read
        as :meth:`cue` reads it ("Don’t" as "Don't"; the text keeps its length, so a
        match's span is its span in ``text``)."""
        text, patterns = self._patterns_in(category, text)
        return [match for pattern in patterns for match in pattern.finditer(text)]

    def cue_match(self, category: str, text: str, *, at_start: bool = False) -> re.Match | None:
        """The match of the first pattern of ``category`` that matches ``text`` (at its
        start when ``at_start``), else None; read as :meth:`cue` reads it."""
        text, patterns = self._patterns_in(category, text)
        for pattern in patterns:
            if match := (pattern.match(text) if at_start else pattern.search(text)):
                return match
        return None

    def remove_cues(self, category: str, text: str, replacement: str = " ", count: int = 0) -> str:
        """``text`` with the matches of each pattern of ``category`` replaced in turn
        (``pattern.sub`` one pattern after the other); a pattern whose required words
        are absent is skipped, as it cannot match."""
        pairs = self._cue_filtered.get(category, ())
        if not pairs:
            return text
        lowered = fold_case(text)
        scanned = self._scanned(text)
        for number, (pattern, literals) in zip(self._cue_numbered[category], pairs, strict=True):
            if number in scanned if scanned is not None else may_match(literals, lowered):
                text, changed = pattern.subn(replacement, text, count=count)
                if changed:
                    lowered = fold_case(text)
                    scanned = self._scanned(text)
        return text

    def find_treatments(self, text: str) -> list[tuple[TreatmentTerm, re.Match]]:
        """Treatment terms named in ``text``, left to right, overlapping ones skipped."""
        return list(remembered_call(self._find_treatments, text))

    def _find_treatments(self, text: str) -> tuple[tuple[TreatmentTerm, re.Match], ...]:
        found = []
        scanned = self._scanned(text)
        if scanned is None:
            indexes = self._treatment_dispatch.candidates(fold_case(text))
        else:
            # The scan's few treatment terms among its many cue patterns: one intersection.
            first = self._treatments_from
            indexes = sorted(number - first for number in scanned & self._treatment_numbers)
        for index in indexes:
            term, pattern, _ = self._treatments[index]
            found.extend((match.start(), index, term, match) for match in pattern.finditer(text))
        found.sort(key=lambda hit: (hit[0], hit[1]))
        kept, end = [], -1
        for start, _index, term, match in found:
            if start >= end:
                kept.append((term, match))
                end = match.end()
        if kept and self._condition_shapes:
            # "epidural" in "a spinal epidural abscess" names no treatment: a term inside
            # a longer condition name the vocabulary knows is part of that name.
            spans = _scan_names(text, self._condition_shapes)
            kept = [hit for hit in kept if not _inside_longer(hit[1], spans)]
        return tuple(kept)

    def find_medicines(self, text: str) -> list[tuple[MedicineInfo, re.Match]]:
        """Medicines named in ``text`` (brands, generics, aliases), left to right, the
        longest name first ("Tylenol with Codeine" is one medicine, not Tylenol)."""
        return list(remembered_call(self._find_medicines, text))

    def _find_medicines(self, text: str) -> tuple[tuple[MedicineInfo, re.Match], ...]:
        return tuple(
            (self.medicines[key], _SPAN.match(text, start, end))
            for key, start, end in _scan_names(text, self._medicines)
        )

    def regions_in(self, text: str) -> list[str]:
        regions, dispatch = self._regions
        # Only the regions whose words occur are searched (one scan for all their words).
        return [
            regions[index][0].slug
            for index in dispatch.candidates(fold_case(text))
            if regions[index][1].search(text)
        ]

    def is_condition_term(self, name: str, *, vocabulary: bool = True) -> bool:
        """Whether a short name is a medical condition by its words alone: its endings
        and condition words, and (``vocabulary``) a condition name as its head."""
        lowered = fold_case(name).strip()
        if not lowered or lowered.startswith(self.risk_prefixes):
            return False
        phrases, words, not_conditions = self._condition_word_sets
        for phrase in phrases:
            if phrase in lowered:
                return True
        for word in _LETTERS.findall(lowered):
            if word in not_conditions:
                continue
            if word in words:
                return True
            if len(word) > 6 and word.endswith(self.condition_suffixes):
                return True
        return vocabulary and self.names_condition(lowered)

    def is_general_pain(self, name: str) -> bool:
        """Whether ``name`` is a pain named only by where it is ("Low back pain", "Upper
        back and shoulder pain"), no diagnosis ("Myofascial neck pain", "Sciatica")."""
        words = _LETTERS.findall(fold_case(name))
        if len(words) < 2 or words[-1] not in self.general_pain_heads:
            return False
        return all(word in self.general_pain_words or self.regions_in(word) for word in words[:-1])

    def names_condition(self, name: str) -> bool:
        """Whether the head of ``name`` is a condition the vocabulary knows: the name
        is one ("Wry neck"), or ends with one, or with one and its qualifier ("Chronic
        low back pain", "Back strain in sport"). A known name inside another phrase
        ("Exercises for wry neck", "Lifting with a round back") is not its head."""
        names, longest, breakers, last_words = self._condition_lexicon
        if not names:
            return False
        known = self._condition_memo.get(name)
        if known is None:
            if len(self._condition_memo) > 4096:
                self._condition_memo.clear()
            known = self._condition_memo[name] = self._names_condition(name)
        return known

    def _names_condition(self, name: str) -> bool:
        names, longest, breakers, last_words = self._condition_lexicon
        tokens = _TOKEN.findall(fold_name(name))
        # Words before a known name may only modify it: the name starts at or before
        # the first preposition, verb or possessive.
        first_break = next(
            (i for i, t in enumerate(tokens) if t in breakers or t.endswith("ing")), len(tokens)
        )
        qualifiers = self.condition_name_qualifiers
        for end in range(1, len(tokens) + 1):
            if end < len(tokens) and tokens[end] not in qualifiers:
                continue
            last = tokens[end - 1]
            if (
                last not in last_words
                and last[:-1] not in last_words
                and last[:-2] not in last_words
            ):
                continue
            for start in range(max(0, end - longest), min(end, first_break + 1)):
                if _phrase_known(tokens[start:end], names):
                    return True
        return False

    def condition_in_phrase(self, phrase: str) -> str:
        """The condition a longer phrase is about, when a condition name sits inside it
        and not as its head: "A morning routine for sciatica" -> "sciatica", "Looking
        after chronic back pain at home" -> "chronic back pain". A name is one the
        vocabulary knows, or a condition word or ending ("fasciitis"), or a condition
        head with a modifier ("shoulder pain"); it keeps the modifiers right before it,
        up to the first function word, preposition, verb form or number. "" when no
        name is inside, or the phrase is itself one."""
        names, longest, breakers, last_words = self._condition_lexicon
        if self.names_condition(phrase):
            return ""
        words = phrase.split()
        if len(words) <= NAMED_DISORDER_WORDS and fold_case(words[-1]) in NAMED_DISORDER_HEADS:
            return ""  # "Slipping rib syndrome" is one name, not a phrase about "rib syndrome"
        # Positions come from a length-keeping fold, so they index ``phrase`` itself.
        found = list(_TOKEN.finditer(fold_case(phrase).replace("\u2019", "'")))
        tokens = [fold_name(m.group(0)) for m in found]
        stop = breakers | stopwords().get("en", frozenset())

        def is_modifier(index: int) -> bool:
            word = tokens[index]
            if word in stop or _is_gerund(word) or not word.isalpha():
                return False
            # "AC joint sprain", "SI joint pain": a short word in capitals is the
            # abbreviation of a part of the body.
            return len(word) >= 3 or phrase[found[index].start() : found[index].end()].isupper()

        best: tuple[int, int] = (0, 0)
        for end in range(1, len(tokens) + 1):
            last = tokens[end - 1]
            start = end
            if {last, last[:-1], last[:-2]} & last_words:
                starts = range(max(0, end - longest), end)
                start = next((s for s in starts if _phrase_known(tokens[s:end], names)), end)
            if start == end and self.is_condition_term(last, vocabulary=False):
                start = end - 1
            head_only = start == end and last in self.condition_heads
            if head_only:
                start = end - 1
            if start == end:
                continue
            while (
                start > 0
                and (
                    is_modifier(start - 1)
                    # "Playing-related neck pain": a hyphen joins two words into one modifier.
                    or phrase[found[start].start() - 1 : found[start].start()] == "-"
                )
            ):
                start -= 1
            if head_only and end - start < 2:
                continue  # "pain" alone names no condition
            if end - start > best[1] - best[0]:
                best = (start, end)
        start, end = best
        if start == end or end - start == len(tokens):
            return ""
        following = tokens[end] if end < len(tokens) else ""
        if start == 0 and (following not in stop or following in self.condition_name_qualifiers):
            # The phrase opens with the name and goes on with a qualifier or more of the
            # name ("Osteoarthritis of the spine", "Meralgia paraesthetica"): it is one.
            return ""
        return phrase[found[start].start() : found[end - 1].end()]

    def is_device(self, name: str) -> bool:
        """Whether a short name is a device worn or used for the back ("SI belt", "Brace")."""
        words = re.findall(r"[a-z]+", fold_case(name))
        if not words or len(words) > 4:
            return False
        if len(words) == 1:
            return words[0] in self.device_words
        return words[-1] in self.device_heads

    def is_procedure(self, name: str) -> bool:
        """Whether a name is a procedure by its last word ("Interspinous spacer insertion",
        "Endoscopic foraminotomy"), known to the vocabulary or not."""
        words = re.findall(r"[a-z]+", fold_case(name))
        if not words or len(words) > 6 or not _PHRASE_LINKS.isdisjoint(words[:-1]):
            # "Recovery after a lumbar discectomy" is about recovery, not a procedure.
            return False
        if words[-1].endswith(self.procedure_endings):
            # "Fangotherapy" is one; "Brookfield women's health physiotherapy" is a known
            # therapy with words before it (a clinic's name), not a procedure.
            therapy = words[-1].endswith("therapy") and len(words) > 1
            return not (therapy and self.find_treatments(words[-1]))
        return len(words) >= 2 and words[-1] in self.procedure_heads

    def has_condition_head(self, name: str) -> bool:
        words = re.findall(r"[a-z]+", fold_case(name))
        return bool(words) and words[-1] in self.condition_heads

    # -- compilation ------------------------------------------------------------------

    def _compile_treatments(self):
        compiled = []
        for term in self.treatment_terms:
            literals = [required_literals(p, re.IGNORECASE) for p in term.patterns]
            union = None if None in literals else frozenset().union(*literals)
            alternatives = "|".join(f"(?:{p})" for p in term.patterns)
            compiled.append((term, re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE), union))
        return tuple(compiled)

    def _compile_medicines(self):
        return _names_by_first_word(self.medicines)

    def _compile_condition_names(self):
        names = {tuple(_TOKEN.findall(fold_name(name))) for name in self.condition_names}
        names.discard(())
        longest = max(map(len, names), default=0)
        last_words = frozenset(name[-1] for name in names)
        return frozenset(names), longest, frozenset(self.condition_name_breakers), last_words

    def _compile_regions(self):
        regions = tuple(
            (region, re.compile(r"\b(?:" + "|".join(region.patterns) + r")\b", re.IGNORECASE))
            for region in self.body_regions
        )
        literals = (required_literals(pattern.pattern, re.IGNORECASE) for _, pattern in regions)
        return regions, Dispatch(literals)


#: Words that link a noun phrase's head to what qualifies it: a name holding one before
#: its last word is a phrase about something ("Recovery after ...", "Pain from ...").
_PHRASE_LINKS = frozenset(
    "after before following for of in with from during to at by on about without".split()
)


def _required_words(pattern: re.Pattern) -> frozenset[str] | None:
    """Words one of which every match of a cue pattern holds, the ones a text is scanned
    for: its required literals, else the most selective of the word sets it needs ("go",
    "get" or "head" ... in "(?:go|get|head) straight to A&E"). None when it needs none:
    every text lets it through."""
    literals = required_literals(pattern.pattern, re.IGNORECASE)
    if literals is not None:
        return literals
    return max(required_all(pattern.pattern, pattern.flags), key=_shortest, default=None)


def _shortest(words: frozenset[str]) -> int:
    return min(map(len, words))


def _unsettled(needs, literals):
    """The word sets of ``needs`` a text the scan found one of ``literals`` in may still
    lack: those with no part of every one of ``literals``."""
    if not literals:
        return needs
    return tuple(
        need
        for need in needs
        if not all(any(word in literal for word in need) for literal in literals)
    )


class _CueScan:
    """What :meth:`RuleSet.cue` keeps of one text in an article scope: the text as cues
    read it, the patterns and categories its scan lets through, and the cues found."""

    __slots__ = ("read", "candidates", "categories", "answers", "_folded")

    def __init__(self, read: str, candidates, categories):
        self.read = read
        self.candidates = candidates
        self.categories = categories
        self.answers: dict[str, str | None] = {}
        self._folded: str | None = None

    def folded(self) -> str:
        """:func:`~.fold.fold_case` of the text, worked out once."""
        if self._folded is None:
            self._folded = fold_case(self.read)
        return self._folded


_NO_NUMBERS: frozenset[int] = frozenset()

#: Characters ``str.lower`` does not fold the way ``re.IGNORECASE`` matches them ("İ"
#: lowers to two characters): texts holding one skip the shared word scan.
_FOLDS_APART = re.compile("[\u0130\u0131\u017f]")


_LETTERS = re.compile(r"[a-z]+")
#: Where a scan memory keeps the text scanned last and what was found in it.
_LAST_SCANNED = object()

#: A word of a condition name ("schmorl's" is one word; "klippel-feil" two).
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def _singular_forms(word: str) -> frozenset[str]:
    """``word`` and what it may be the plural of ("nodes" -> "node", "nod")."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return (
            frozenset((word, word[:-1], word[:-2]))
            if word.endswith("es")
            else frozenset((word, word[:-1]))
        )
    return frozenset((word,))


def _phrase_known(tokens: list[str], names: frozenset[tuple[str, ...]]) -> bool:
    """Whether ``tokens`` are a known name, its last word singular or plural."""
    head = tuple(tokens[:-1])
    return any((*head, form) in names for form in _singular_forms(tokens[-1]))


#: A word of a medicine name: hyphens and apostrophes join ("co-codamol", "Atasol-8").
_NAME_WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")
#: The whole of a span, as a match object for callers that read ``group(0)``/``start()``.
_SPAN = re.compile(r".+", re.DOTALL)


def _fold(word: re.Match | str) -> str:
    # Words are compared folded, never indexed: a name found keeps the span of the
    # text's own words ("aſpirin" is aspirin, and its match is the text's "aſpirin").
    return fold_name(word.group(0) if isinstance(word, re.Match) else word)


def _separator(between: str) -> str:
    """What separates two words of a name: a space, or the punctuation written."""
    return "".join(between.split()) or " "


def _name_shape(name: str) -> tuple[str, ...]:
    """ "Tylenol No. 3" -> ("tylenol", ".", "no", " ", "3")... as words and separators."""
    words = list(_NAME_WORD.finditer(name))
    shape: list[str] = []
    for number, word in enumerate(words):
        if number:
            shape.append(_separator(name[words[number - 1].end() : word.start()]))
        shape.append(_fold(word))
    return tuple(shape)


def _inside_longer(match: re.Match, spans: list[tuple[str, int, int]]) -> bool:
    """Whether ``match`` lies inside one of ``spans`` (sorted, not overlapping) and is
    shorter than it. A binary search: linear overall however many hits a text has."""
    index = bisect.bisect_right(spans, match.start(), key=lambda span: span[1]) - 1
    for _name, start, end in spans[max(index, 0) : index + 2]:
        if start <= match.start() and match.end() <= end and end - start > len(match.group(0)):
            return True
    return False


def _names_by_first_word(names: Iterable[str]) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word -> (the name's words and separators, the name), longest first: a
    lookup per word of a text, linear however many names a vocabulary holds."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name in names:
        shape = _name_shape(name)
        if shape:
            by_first.setdefault(shape[0], []).append((shape, name))
    for candidates in by_first.values():
        candidates.sort(key=lambda candidate: -len(candidate[0]))
    return by_first


def _scan_names(text: str, by_first) -> list[tuple[str, int, int]]:
    """The names of ``by_first`` in ``text``, longest first, left to right, as (the name,
    start, end)."""
    if not by_first:
        return []
    # Most texts hold no first word of any name: one pass of C-level calls says so. An
    # ASCII text lower-cased whole splits into the words :func:`_fold` gives; any other
    # ("aſpirin", "ﬂurbiprofen") is folded word by word.
    if text.isascii():
        firsts = _NAME_WORD.findall(text.lower())
    else:
        firsts = [_fold(word) for word in _NAME_WORD.findall(text)]
    if by_first.keys().isdisjoint(firsts):
        return []
    words = list(_NAME_WORD.finditer(text))
    found, index = [], 0
    while index < len(words):
        # ``firsts`` are the words folded, one for one: most start no name, and are passed
        # over without folding them again.
        candidates = by_first.get(firsts[index])
        end = _longest_name_at(words, index, text, candidates) if candidates else None
        if end is None:
            index += 1
            continue
        key, last = end
        found.append((key, words[index].start(), words[last].end()))
        index = last + 1
    return found


def _longest_name_at(words, index, text, candidates) -> tuple[str, int] | None:
    """The longest known name starting at ``words[index]``: (its key, its last word)."""
    for shape, name in candidates or ():
        count = (len(shape) + 1) // 2
        if index + count > len(words):
            continue
        for number in range(1, count):
            word = words[index + number]
            between = text[words[index + number - 1].end() : word.start()]
            if shape[2 * number - 1] != _separator(between) or shape[2 * number] != _fold(word):
                break
        else:
            return name, index + count - 1
    return None


def _flatten_rules(rules) -> list[Rule]:
    """Rules given one by one or as iterables (a hook may return a list)."""
    flat: list[Rule] = []
    for rule in rules:
        if callable(rule):
            flat.append(rule)
        else:
            flat.extend(_flatten_rules(rule))
    return flat


def _treatment_term(data: Mapping[str, Any] | TreatmentTerm) -> TreatmentTerm:
    if isinstance(data, TreatmentTerm):
        return data
    return TreatmentTerm(
        name=data["name"],
        kind=data.get("kind", "other"),
        patterns=tuple(
            either_spelling(pattern)
            for pattern in data.get("patterns") or [re.escape(data["name"])]
        ),
        class_of_medicine=bool(data.get("class_of_medicine")),
        general=bool(data.get("general")),
    )


#: "disc" as a word of its own or in a term made from it ("discectomy", "discitis"), which
#: American English spells "disk" ("herniated disk", "diskectomy"); never "discomfort".
_DISC = re.compile(r"(?<![\w\[])([Dd])isc(?=s?\b|ectom|itis|ogenic|ogra)")


def either_spelling(text: str) -> str:
    """A vocabulary pattern written with the British "disc" matching the American "disk"
    too: "herniated disc" -> "herniated dis[ck]"."""
    return _DISC.sub(r"\1is[ck]", text)


def _read(name: str) -> dict:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return json.load(handle)


def _medicine_index(entries: Iterable[Mapping[str, Any]]) -> dict[str, MedicineInfo]:
    """Name -> medicine. Entries of one generic are merged: brands and aliases add up,
    and a later entry's class and components win (the hand-kept list is read last)."""
    merged: dict[str, dict[str, Any]] = {}
    for entry in entries:
        known = merged.setdefault(entry["generic"].lower(), {"names": {}, "aliases": {}})
        known["generic"] = entry["generic"]
        known["class"] = entry.get("class") or known.get("class", "")
        known["components"] = entry.get("components") or known.get("components", ())
        known["names"].update(dict.fromkeys(entry.get("brands", ())))
        known["aliases"].update(dict.fromkeys(entry.get("aliases", ())))
    index: dict[str, MedicineInfo] = {}
    for known in merged.values():
        info = MedicineInfo(known["generic"], known["class"], components=tuple(known["components"]))
        for brand in known["names"]:
            index[brand.lower()] = info
        for alias in [known["generic"], *known["aliases"]]:
            index[alias.lower()] = replace(info, is_generic=True)
    return index


def _treatment_vocabulary(*files: Iterable[Mapping[str, Any]]) -> tuple[TreatmentTerm, ...]:
    """Treatment terms of the data files in order; a later term named like an earlier
    one adds its patterns to it (a vocabulary can teach a shipped term new wording)."""
    terms: dict[str, TreatmentTerm] = {}
    for entries in files:
        for entry in entries:
            term = _treatment_term(entry)
            if term.name in terms:
                first = terms[term.name]
                terms[term.name] = replace(first, patterns=first.patterns + term.patterns)
            else:
                terms[term.name] = term
    return tuple(terms.values())


NAME_RULE_KEYS = (
    "name_cut",
    "name_drop_leading",
    "name_connectives",
    "name_comments",
    "kept_acronyms",
    "name_bad_end",
    "name_generic_heads",
    "name_grade_words",
    "name_pronoun_start",
    "name_imperative_start",
    "name_fixed_phrases",
    "name_pronouns",
    "name_trailing",
    "vague",
    "name_general",
    "max_name_words",
)


#: Placeholders of cue patterns that name a locale's services (``data/services.json``).
SERVICE_KINDS = ("emergency_numbers", "emergency_places", "urgent_numbers", "urgent_places")


def service_names(locales: Iterable[str] | None = None) -> dict[str, tuple[str, ...]]:
    """The emergency and urgent-care services of ``locales`` (the shipped default when
    None), by kind, longest first so a pattern prefers "triple zero (000)" to "000"."""
    data = _read("services.json")
    chosen = data["default"] if locales is None else list(locales)
    unknown = [code for code in chosen if code not in data["locales"]]
    if unknown:
        raise ValueError(f"Unknown service locale(s): {', '.join(unknown)}")
    names: dict[str, tuple[str, ...]] = {}
    for kind in SERVICE_KINDS:
        found = {name for code in chosen for name in data["locales"][code].get(kind, ())}
        names[kind] = tuple(sorted(found, key=lambda name: (-len(name), name)))
    return names


def expand_services(pattern: str, names: Mapping[str, tuple[str, ...]]) -> str:
    """``pattern`` with each ``{kind}`` placeholder replaced by its services as one
    alternation (a kind without services matches nothing)."""
    for kind in SERVICE_KINDS:
        placeholder = "{" + kind + "}"
        if placeholder in pattern:
            options = "|".join(re.escape(name) for name in names.get(kind, ())) or "(?!)"
            pattern = pattern.replace(placeholder, f"(?:{options})")
    return pattern


@cache
def default_rules(locales: tuple[str, ...] | None = None) -> RuleSet:
    """The shipped RuleSet, built from ``importer/data/*.json`` once per process.

    ``locales`` chooses whose emergency and urgent-care services the warning cues know
    (``data/services.json``; its ``default`` list when None)."""
    cue_data = _read("cues.json")
    services = service_names(locales)
    conditions = _read("conditions.json")
    synonyms = _read("synonyms.json")
    lexicon = _read("lexicon_conditions.json")["conditions"]
    treatments = _read("treatments.json")
    return RuleSet(
        cues={
            key: tuple(expand_services(pattern, services) for pattern in value)
            for key, value in cue_data.items()
            if not key.startswith("_") and key not in NAME_RULE_KEYS
        },
        name_rules={key: cue_data[key] for key in NAME_RULE_KEYS if key in cue_data},
        condition_suffixes=tuple(conditions["suffixes"]),
        condition_words=tuple(w.lower() for w in conditions["words"]),
        condition_heads=tuple(w.lower() for w in conditions["heads"]),
        condition_names=tuple(
            dict.fromkeys(
                spelled
                for entry in lexicon
                for name in [entry["name"], *entry["synonyms"]]
                # An abbreviation ("DISH", "CES") is a word in lower case; it names nothing
                # alone.
                if not name.isupper()
                # "Herniated disc" is "herniated disk" in American English.
                for spelled in (name, _DISC.sub(r"\1isk", name))
            )
        ),
        condition_name_qualifiers=tuple(conditions.get("name_qualifiers", ())),
        condition_name_breakers=tuple(conditions.get("name_breakers", ())),
        not_conditions=tuple(w.lower() for w in conditions["not_conditions"]),
        general_pain_heads=tuple(conditions.get("general_pain", {}).get("heads", ())),
        general_pain_words=tuple(conditions.get("general_pain", {}).get("body_words", ())),
        risk_prefixes=tuple(f"{w.lower()} " for w in conditions.get("risk_prefixes", ())),
        treatment_terms=_treatment_vocabulary(
            treatments["terms"], _read("lexicon_treatments.json")["terms"]
        ),
        medicines=_medicine_index(
            [*_read("lexicon_medicines.json")["medicines"], *_read("medicines.json")["medicines"]]
        ),
        device_heads=tuple(w.lower() for w in treatments.get("device_heads", ())),
        device_words=tuple(w.lower() for w in treatments.get("device_words", ())),
        procedure_heads=tuple(w.lower() for w in treatments.get("procedure_heads", ())),
        procedure_endings=tuple(w.lower() for w in treatments.get("procedure_endings", ())),
        synonym_groups=tuple(tuple(group) for group in synonyms["groups"]),
        mass_nouns=tuple(synonyms.get("mass_nouns", ())),
        body_regions=tuple(
            BodyRegion(r["slug"], tuple(r["patterns"]))
            for r in _read("body_regions.json")["regions"]
        ),
    )


def _is_gerund(word: str) -> bool:
    """Whether a word is a verb's "-ing" form ("lifting", "using"), not a noun that only
    ends so ("ring", "sling", "wing"): a stem of three letters or more before "-ing",
    or one of the short forms of common verbs."""
    return word.endswith("ing") and (len(word) > 5 or word in _SHORT_GERUNDS)


#: "-ing" forms of five letters, of verbs of two or three letters.
_SHORT_GERUNDS = frozenset({"being", "doing", "going", "using", "lying", "dying", "eying", "tying"})
