"""Classification rules: data (cue patterns and vocabularies) plus small functions.

The shipped :class:`RuleSet` comes from the JSON files in ``importer/data/``
(:func:`default_rules`). Sites adapt it without forking it:

- ``rules.extend(cues={"heading_causes": [r"\\bwhat sets it off\\b"]})`` adds patterns,
  ``rules.with_medicines({"Brandex": "ibuprofen"})`` adds medicine names,
  ``rules.extend(my_rule)`` adds an extra rule. Each returns a new RuleSet.

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

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from .prefilter import Dispatch, Gate, may_match, required_literals

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


@dataclass(frozen=True)
class BodyRegion:
    slug: str
    patterns: tuple[str, ...]


def rule_name(rule: Callable) -> str:
    return getattr(rule, "name", None) or getattr(rule, "__name__", None) or type(rule).__name__


_WORD = re.compile(r"[\w-]+")


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
    #: Words with a condition ending that are not conditions (``diagnosis``).
    not_conditions: tuple[str, ...] = ()
    #: Openings of a risk factor that names a condition ("family history of ...").
    risk_prefixes: tuple[str, ...] = ()
    treatment_terms: tuple[TreatmentTerm, ...] = ()
    #: Last words that make a name of two words or more a device ("support belt").
    device_heads: tuple[str, ...] = ()
    #: Words that name a device on their own ("brace").
    device_words: tuple[str, ...] = ()
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
            key: tuple(
                (compiled, required_literals(compiled.pattern, re.IGNORECASE))
                for compiled in patterns
            )
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
        object.__setattr__(self, "_treatments", self._compile_treatments())
        object.__setattr__(
            self, "_treatment_dispatch", Dispatch(lit for *_, lit in self._treatments)
        )
        object.__setattr__(self, "_medicines", self._compile_medicines())
        object.__setattr__(self, "_regions", self._compile_regions())

    # -- building new rule sets -------------------------------------------------------

    def extend(
        self,
        *extra_rules: Rule,
        cues: Mapping[str, Iterable[str]] | None = None,
        treatment_terms: Iterable[Mapping[str, Any]] = (),
        synonyms: Iterable[Iterable[str]] = (),
        condition_words: Iterable[str] = (),
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
            condition_words=tuple(condition_words) + self.condition_words,
        )

    def with_medicines(self, medicines: Mapping[str, str | Mapping[str, str]]) -> RuleSet:
        """A new RuleSet that also knows these brands: ``{"brand": "generic"}`` or
        ``{"brand": {"generic": ..., "class": ...}}``. A site's mapping wins."""
        known = dict(self.medicines)
        for brand, target in medicines.items():
            if isinstance(target, str):
                existing = known.get(target.lower())
                info = MedicineInfo(target, existing.drug_class if existing else "")
            else:
                info = MedicineInfo(target["generic"], target.get("class", ""))
            known[brand.lower()] = info
            known.setdefault(info.generic.lower(), replace(info, is_generic=True))
        return replace(self, medicines=known)

    # -- queries ----------------------------------------------------------------------

    def cue(self, category: str, text: str) -> str | None:
        """The text matched by the first pattern of ``category`` found in ``text``."""
        if not text:
            return None
        if "\u2019" in text:  # "Don’t" is written with either apostrophe
            text = text.replace("\u2019", "'")
        lowered = text.lower()
        gate = self._cue_gate.get(category)
        if gate is None or not gate.may_match(lowered):
            return None
        exceptions = None
        for pattern, literals in self._cue_filtered.get(category, ()):
            if not may_match(literals, lowered):
                continue
            for match in pattern.finditer(text):
                if exceptions is None:
                    exceptions = self._exception_spans(category, text)
                if not any(s < match.end() and match.start() < e for s, e in exceptions):
                    return match.group(0).strip() or category
        return None

    def _exception_spans(self, category: str, text: str) -> list[tuple[int, int]]:
        """Spans of ``<category>_except`` matches: a cue overlapping one is void."""
        return [
            match.span()
            for pattern in self._cue_each.get(f"{category}_except", ())
            for match in pattern.finditer(text)
        ]

    def may_cue(self, categories: tuple[str, ...], text: str) -> bool:
        """A quick test: False when no pattern of ``categories`` can match ``text``."""
        text = text.replace("\u2019", "'")
        gate = self._group_gates.get(categories)
        if gate is None:
            gate = Gate(
                literals
                for category in categories
                for _, literals in self._cue_filtered.get(category, ())
            )
            self._group_gates[categories] = gate
        return gate.may_match(text.lower())

    def cue_patterns(self, category: str) -> tuple[re.Pattern, ...]:
        return self._cue_each.get(category, ())

    def remove_cues(self, category: str, text: str, replacement: str = " ", count: int = 0) -> str:
        """``text`` with the matches of each pattern of ``category`` replaced in turn
        (``pattern.sub`` one pattern after the other); a pattern whose required words
        are absent is skipped, as it cannot match."""
        lowered = text.lower()
        for pattern, literals in self._cue_filtered.get(category, ()):
            if may_match(literals, lowered):
                text, changed = pattern.subn(replacement, text, count=count)
                if changed:
                    lowered = text.lower()
        return text

    def find_treatments(self, text: str) -> list[tuple[TreatmentTerm, re.Match]]:
        """Treatment terms named in ``text``, left to right, overlapping ones skipped."""
        found = []
        for index in self._treatment_dispatch.candidates(text.lower()):
            term, pattern, _ = self._treatments[index]
            found.extend((match.start(), index, term, match) for match in pattern.finditer(text))
        found.sort(key=lambda hit: (hit[0], hit[1]))
        kept, end = [], -1
        for start, _index, term, match in found:
            if start >= end:
                kept.append((term, match))
                end = match.end()
        return kept

    def find_medicines(self, text: str) -> list[tuple[MedicineInfo, re.Match]]:
        """Medicines named in ``text`` (brands, generics, aliases), left to right."""
        pattern = self._medicine_pattern(text)
        if pattern is None:
            return []
        return [(self.medicines[m.group(0).lower()], m) for m in pattern.finditer(text)]

    def _medicine_pattern(self, text: str) -> re.Pattern | None:
        """The medicine alternation cut down to the names whose words all occur in
        ``text``: trying hundreds of names at every position is most of the cost, and a
        name whose words are absent cannot match. The names keep their order (longest
        first), so the matches are those of the whole alternation."""
        names, by_word, patterns = self._medicines
        if not names:
            return None
        lowered = text.lower()
        if by_word is None or not (text.isascii() or _folds_like_lower(text, lowered)):
            # Case-insensitive matching that lower() does not mirror ("ſ" is an "s"):
            # the whole alternation, behind the old gate.
            if _MEDICINE_WORDS_ALL not in patterns:
                patterns[_MEDICINE_WORDS_ALL] = frozenset(_WORD.findall(" ".join(names)))
            if patterns[_MEDICINE_WORDS_ALL].isdisjoint(_WORD.findall(lowered)):
                return None
            key = tuple(range(len(names)))
        else:
            key = self._medicine_ranks(lowered, by_word)
            if not key:
                return None
        pattern = patterns.get(key)
        if pattern is None:
            if len(patterns) >= _MEDICINE_PATTERNS_KEPT:
                patterns.clear()
            pattern = patterns[key] = _medicine_alternation(names[rank] for rank in key)
        return pattern

    @staticmethod
    def _medicine_ranks(lowered: str, by_word) -> tuple[int, ...]:
        words = set(_WORD.findall(lowered))
        words.add("")  # names without a word character are always tried
        found = []
        for word in words:  # a sentence has far fewer words than the names have
            if word in by_word:
                found.extend(rank for rank, needed in by_word[word] if needed.issubset(words))
        return tuple(sorted(set(found)))

    def regions_in(self, text: str) -> list[str]:
        regions, dispatch = self._regions
        # Only the regions whose words occur are searched (one scan for all their words).
        return [
            regions[index][0].slug
            for index in dispatch.candidates(text.lower())
            if regions[index][1].search(text)
        ]

    def is_condition_term(self, name: str) -> bool:
        """Whether a short name is a medical condition by its words alone."""
        lowered = name.lower().strip()
        if not lowered or lowered.startswith(self.risk_prefixes):
            return False
        for phrase in self.condition_words:
            if " " in phrase and phrase in lowered:
                return True
        for word in re.findall(r"[a-z]+", lowered):
            if word in self.not_conditions:
                continue
            if word in self.condition_words:
                return True
            if len(word) > 6 and word.endswith(self.condition_suffixes):
                return True
        return False

    def is_device(self, name: str) -> bool:
        """Whether a short name is a device worn or used for the back ("SI belt", "Brace")."""
        words = re.findall(r"[a-z]+", name.lower())
        if not words or len(words) > 4:
            return False
        if len(words) == 1:
            return words[0] in self.device_words
        return words[-1] in self.device_heads

    def has_condition_head(self, name: str) -> bool:
        words = re.findall(r"[a-z]+", name.lower())
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
        """(names longest first, word -> [(rank, the name's words)], pattern cache): each
        name is filed under its longest word, which is the rarest in ordinary text."""
        names = tuple(sorted(self.medicines, key=len, reverse=True))
        by_word: dict[str, list[tuple[int, frozenset[str]]]] = {}
        for rank, name in enumerate(names):
            words = _WORD.findall(name.lower())
            key = max(words, key=len) if words else ""
            by_word.setdefault(key, []).append((rank, frozenset(words)))
        if any(char in _FOLD_ASCII for name in names for char in name):
            by_word = None  # an ASCII letter of the text could match this name's letter
        return names, by_word, {}

    def _compile_regions(self):
        regions = tuple(
            (region, re.compile(r"\b(?:" + "|".join(region.patterns) + r")\b", re.IGNORECASE))
            for region in self.body_regions
        )
        literals = (required_literals(pattern.pattern, re.IGNORECASE) for _, pattern in regions)
        return regions, Dispatch(literals)


#: Compiled medicine alternations kept per RuleSet (one per set of names found).
_MEDICINE_PATTERNS_KEPT = 512
_MEDICINE_WORDS_ALL = "words"

try:  # characters ``re`` matches without case beyond what lower() says ("ſ" and "s")
    from re._casefix import _EXTRA_CASES

    _FOLD_SPECIAL = frozenset(chr(code) for code in _EXTRA_CASES if code > 127)
except ImportError:  # pragma: no cover - private module: fall back to the whole alternation
    _FOLD_SPECIAL = None
#: Characters a name may not hold for the word filter: "ı" and "ſ" match ASCII letters.
_FOLD_ASCII = frozenset("\u0131\u017f\u0307")


def _folds_like_lower(text: str, lowered: str) -> bool:
    """Whether case-insensitive matching of ``text`` agrees with its lower-cased words."""
    return (
        _FOLD_SPECIAL is not None
        and len(lowered) == len(text)
        and _FOLD_SPECIAL.isdisjoint(lowered)
    )


def _medicine_alternation(names: Iterable[str]) -> re.Pattern:
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(name) for name in names) + r")(?![\w-])",
        re.IGNORECASE,
    )


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
        patterns=tuple(data.get("patterns") or [re.escape(data["name"])]),
        class_of_medicine=bool(data.get("class_of_medicine")),
        general=bool(data.get("general")),
    )


def _read(name: str) -> dict:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return json.load(handle)


def _medicine_index(entries: Iterable[Mapping[str, Any]]) -> dict[str, MedicineInfo]:
    index: dict[str, MedicineInfo] = {}
    for entry in entries:
        info = MedicineInfo(entry["generic"], entry.get("class", ""))
        for brand in entry.get("brands", []):
            index[brand.lower()] = info
        for alias in [entry["generic"], *entry.get("aliases", [])]:
            index[alias.lower()] = replace(info, is_generic=True)
    return index


NAME_RULE_KEYS = (
    "name_cut",
    "name_drop_leading",
    "name_bad_end",
    "name_generic_heads",
    "name_pronoun_start",
    "name_imperative_start",
    "name_fixed_phrases",
    "name_pronouns",
    "name_trailing",
    "vague",
    "max_name_words",
)


@cache
def default_rules() -> RuleSet:
    """The shipped RuleSet, built from ``importer/data/*.json`` once per process."""
    cue_data = _read("cues.json")
    conditions = _read("conditions.json")
    synonyms = _read("synonyms.json")
    treatments = _read("treatments.json")
    return RuleSet(
        cues={
            key: tuple(value)
            for key, value in cue_data.items()
            if not key.startswith("_") and key not in NAME_RULE_KEYS
        },
        name_rules={key: cue_data[key] for key in NAME_RULE_KEYS if key in cue_data},
        condition_suffixes=tuple(conditions["suffixes"]),
        condition_words=tuple(w.lower() for w in conditions["words"]),
        condition_heads=tuple(w.lower() for w in conditions["heads"]),
        not_conditions=tuple(w.lower() for w in conditions["not_conditions"]),
        risk_prefixes=tuple(f"{w.lower()} " for w in conditions.get("risk_prefixes", ())),
        treatment_terms=tuple(_treatment_term(t) for t in treatments["terms"]),
        device_heads=tuple(w.lower() for w in treatments.get("device_heads", ())),
        device_words=tuple(w.lower() for w in treatments.get("device_words", ())),
        medicines=_medicine_index(_read("medicines.json")["medicines"]),
        synonym_groups=tuple(tuple(group) for group in synonyms["groups"]),
        mass_nouns=tuple(synonyms.get("mass_nouns", ())),
        body_regions=tuple(
            BodyRegion(r["slug"], tuple(r["patterns"]))
            for r in _read("body_regions.json")["regions"]
        ),
    )
