"""Score the importer against the evaluation corpus (``make eval``).

Every article of ``tests/corpus/dev`` and ``tests/corpus/heldout`` is analysed with
:func:`back_health.importer.pipeline.analyse` with the shipped rules (no Django, no
database, no site settings or hooks) and its plan is compared with the article's
hand-written ``<name>.answer.json``. The figures are printed per half; the
script never fails on them (it exits non-zero only for a missing corpus or a malformed
answer file). ``tests/corpus/README.md`` defines every figure; in short:

- **Written page**: a planned condition, cause or treatment page with ``include`` true
  and an action other than ``suggest``. A *suggested* page is a proposal, not a page.
- **Entity precision / recall** (per kind): a written page is correct when its title or
  one of its alternate names matches, by normalised name, the name or an alias of a
  ``page: true`` entity of the same kind that no earlier page matched. A page is scored
  by its role in the plan: a condition page that the main page relates to as a cause
  (a condition that causes the subject: one entity, one page) may also match a cause
  entity, and then counts as a cause (:func:`page_roles`). Recall counts the
  ``page: true`` entities matched by a written page of their kind. A page written for a
  ``page: false`` entity (a bare mention) is a false positive and also counted as a
  *bare mention written*; suggesting it is fine. A page matching only the subject when
  the answer does not list the subject as an entity is left out of both figures.
- **Warnings**: an expected warning is found when a warning block of a written page
  contains its ``contains`` phrase; precision is the share of warning blocks containing
  at least one expected phrase; severity agreement is the share of found warnings for
  which a containing block has the expected severity.
- **Fragment titles**: written page titles longer than six words, ending in punctuation,
  starting with a digit or with an advice verb (:data:`ADVICE_VERBS`), unless the title
  names an expected entity.
- **Stub share**: written entity pages with neither summary nor body blocks, over all
  written entity pages.
"""

from __future__ import annotations

import argparse
import dataclasses
import fnmatch
import html
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
HALVES = ("dev", "heldout")
ENTITY_KINDS = ("condition", "cause", "treatment")
SEVERITIES = ("info", "caution", "see_doctor", "urgent", "emergency")
ARTICLE_SUFFIXES = (".html", ".htm", ".md", ".markdown", ".txt")
REQUIRED_KEYS = {
    "style": str,
    "format": str,
    "language": str,
    "subject": str,
    "subject_aliases": list,
    "entities": list,
    "not_entities": list,
    "warnings": list,
    "not_warnings": list,
    "exercises": list,
    "must_drop": list,
    "foreign": list,
    "expected_flags": list,
}
DOSE_FIELDS = ("sets", "repetitions", "hold_seconds", "per_side", "times_per_day")
#: Words that open advice or a verb phrase rather than a name ("Avoid lifting", "Have a
#: job", "Smoke"): a page title starting with one is a fragment.
ADVICE_VERBS = frozenset(
    "avoid ask be call check do don't get go have keep lie lift make see sit smoke "
    "start stay stop take try use vary wear".split()
)
#: Flags that report a whole article in a language the rules do not cover.
WHOLE_ARTICLE_LANGUAGE_FLAGS = frozenset({"unsupported_language"})

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032"), "'") | dict.fromkeys(
    map(ord, "\u201c\u201d\u201e\u201f\u2033"), '"'
)
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^<>]*>")
_NAME_PUNCT = re.compile(r"[^\w\s'/+-]")


class AnswerError(ValueError):
    """An answer file that does not follow the schema."""


# ---------------------------------------------------------------------------- text


def norm_text(text: str) -> str:
    """Text for phrase matching: quotes and dashes plain, one space, any case.

    Entities are not decoded here: a phrase is text as it reads, and a ``must_drop``
    phrase may be a broken entity itself (``&#8211;``) that must not match a real dash.
    """
    text = unicodedata.normalize("NFKC", text or "")
    text = text.translate(_DASHES).translate(_QUOTES).replace("\u00a0", " ")
    return _SPACE.sub(" ", text).strip().casefold()


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "is", "us")):
        return word[:-1]
    return word


def name_key(name: str) -> str:
    """The matching key of a name: case, punctuation, leading article and plural ignored."""
    text = _NAME_PUNCT.sub(" ", norm_text(name))
    words = text.replace("-", " ").split()
    if words and words[0] in ("a", "an", "the"):
        words = words[1:]
    if words:
        words[-1] = _singular(words[-1])
    return " ".join(words)


def html_to_text(value: str) -> str:
    """The visible text of a rich-text value (entities decoded once); plain text as is."""
    if not _TAG.search(value):
        return value
    from bs4 import BeautifulSoup

    return BeautifulSoup(value, "html.parser").get_text(" ")


def _plain(value) -> object:
    """Block values as plain dicts and lists, whatever shape the plan uses for them."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


#: Keys of block values that hold settings, not words (a table's header choice).
_SKIP_KEYS = frozenset(
    {"severity", "level", "type", "items_lead", "dose", "id", "table_header_choice"}
)


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield html_to_text(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _SKIP_KEYS:
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _get(obj, name, default=None):
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def block_type(block) -> str:
    return str(_get(block, "type", "") or "")


def block_value(block):
    return _plain(_get(block, "value", {}))


def block_text(block) -> str:
    return norm_text(" ".join(_strings(block_value(block))))


def page_texts(page) -> list[str]:
    """Normalised texts of a planned page: title, names, summary and every block."""
    parts = [_get(page, "title", ""), _get(page, "summary", "")]
    parts += list(_get(page, "alternate_names", []) or [])
    texts = [norm_text(html_to_text(p)) for p in parts if p]
    texts += [block_text(block) for block in _get(page, "blocks", []) or []]
    return texts


# ---------------------------------------------------------------------------- plans


def page_kind(page) -> str:
    return str(_get(page, "kind", "") or "")


def is_suggested(page) -> bool:
    return not _get(page, "include", True) or str(_get(page, "action", "")) == "suggest"


def entity_pages(plan) -> list:
    return [p for p in _get(plan, "pages", []) or [] if page_kind(p) in ENTITY_KINDS]


def written_pages(plan) -> list:
    return [p for p in entity_pages(plan) if not is_suggested(p)]


def page_keys(page) -> set[str]:
    names = [_get(page, "title", "")] + list(_get(page, "alternate_names", []) or [])
    return {name_key(n) for n in names if n and name_key(n)}


def cause_keys(plan) -> set[str]:
    """Name keys of the targets the plan's main page lists as its causes."""
    main = next(iter(_get(plan, "pages", []) or []), None)
    if main is None:
        return set()
    return {name_key(_get(rel, "title", "")) for rel in _get(main, "causes", []) or []} - {""}


def page_roles(page, causes: set[str]) -> tuple[str, ...]:
    """The kinds a written page may be scored as, its own kind first.

    A condition can cause another condition and is then one page, a condition page, that
    the main page relates to as a cause; it is scored as a condition or as a cause,
    whichever the answer lists it as.
    """
    kind = page_kind(page)
    if kind == "condition" and page_keys(page) & causes:
        return ("condition", "cause")
    return (kind,)


def entity_keys(entity: dict) -> set[str]:
    names = [entity["name"], *entity.get("aliases", [])]
    return {name_key(n) for n in names if name_key(n)}


def flag_kinds(plan) -> set[str]:
    kinds = {str(_get(f, "kind", "")) for f in _get(plan, "flags", []) or []}
    error = str(_get(plan, "error", "") or "")
    # An article refused outright because of its language is reported, not junk.
    if error and "language" in error.casefold():
        kinds |= {"unsupported_language"}
    return kinds


def plan_words(plan) -> set[str]:
    """Every word the plan keeps of the article: page titles, names, summaries, blocks
    (their nested values too), relation notes, and what it dropped or flagged."""
    texts: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    for page in _get(plan, "pages", []) or []:
        texts += [_get(page, "title", ""), _get(page, "summary", "")]
        texts += list(_get(page, "alternate_names", []) or [])
        for block in _get(page, "blocks", []) or []:
            walk(block_value(block))
        for field in ("causes", "treatments", "related_conditions"):
            for relation in _get(page, field, []) or []:
                texts += [_get(relation, "title", ""), _get(relation, "note", "") or ""]
    for entry in (*(_get(plan, "dropped", []) or []), *(_get(plan, "flags", []) or [])):
        texts.append(_get(entry, "text", ""))
    return set(_WORD.findall(norm_text(html_to_text(" ".join(texts)))))


def lost_sentences(sentences: Iterable[str], plan) -> list[str]:
    """The sentences of the cleaned article the plan keeps nowhere: fewer than
    :data:`KEPT_WORD_SHARE` of their words of four letters or more are in it. A plan that
    skipped the article (a language the rules do not cover) loses nothing; a dose is kept
    as an exercise's fields, not as words."""
    from back_health.importer.dose import has_dose, read_dose

    if str(_get(plan, "status", "")) == "skipped":
        return []
    kept = plan_words(plan)
    lost = []
    for sentence in sentences:
        if has_dose(read_dose(sentence).dose):
            continue  # "Hold for 30 seconds, 3 times": kept as an exercise's dose fields
        words = [w for w in _WORD.findall(norm_text(sentence)) if len(w) >= 4]
        if len(words) >= 3 and sum(w in kept for w in words) < KEPT_WORD_SHARE * len(words):
            lost.append(sentence)
    return lost


#: A word, without the punctuation around it.
_WORD = re.compile(r"[^\W_]+")
#: Share of a sentence's longer words the plan must hold for the sentence to be kept.
KEPT_WORD_SHARE = 0.8


def document_sentences(data: bytes, name: str, format: str) -> list[str]:
    """The sentences of the article's paragraphs and list items after cleaning."""
    from back_health.importer.clean import clean_document
    from back_health.importer.document import ListBlock, Paragraph
    from back_health.importer.load import load_source
    from back_health.importer.memo import article_scope
    from back_health.importer.parse import parse_document
    from back_health.importer.text import split_sentences

    loaded = load_source(data, name, format=format, max_bytes=len(data) + 1)
    with article_scope():
        document = clean_document(parse_document(loaded.text, loaded.format))
    texts = []
    for section in document.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                texts.append(block.text)
            elif isinstance(block, ListBlock):
                texts.extend(item.text for item in block.items)
    return [sentence for text in texts for sentence in split_sentences(text)]


def is_fragment_title(title: str) -> bool:
    """A title that is not a short noun phrase (see the module docstring)."""
    text = norm_text(title)
    words = text.split()
    if not words:
        return True
    return (
        len(words) > 6
        or text[-1] in ".,:;!?-"
        or text[0].isdigit()
        or words[0].strip("'\"") in ADVICE_VERBS
    )


# ---------------------------------------------------------------------------- scoring


def _repaired(phrase: str) -> str:
    """``phrase`` with its mojibake repaired as the importer repairs it."""
    from back_health.importer.clean import fix_mojibake

    return fix_mojibake(phrase)


def _contains(haystacks: Iterable[str], phrase: str) -> bool:
    # A phrase's closing stop is not content: a short list item may be written without it.
    needle = norm_text(phrase).removesuffix(".")
    return bool(needle) and any(needle in hay for hay in haystacks)


def _dose_of(exercise: dict, fields=DOSE_FIELDS) -> dict:
    dose = exercise.get("dose") or {}
    return {
        field: bool(dose.get(field)) if field == "per_side" else dose.get(field) for field in fields
    }


def score_article(answer: dict, plan) -> dict:
    """Counts and failure lists of one article; :func:`summarise` adds them up."""
    pages = entity_pages(plan)
    written = written_pages(plan)
    entities = answer["entities"]
    subject_keys = {name_key(n) for n in [answer["subject"], *answer["subject_aliases"]]}
    entity_key_sets = [entity_keys(e) for e in entities]
    known_keys = set().union(subject_keys, *entity_key_sets)
    result: dict = {"kinds": {}, "failures": {}}
    fail = result["failures"]

    # Entities, per kind. A page counts under the first of its roles whose kind the
    # answer gives it (a condition the main page lists as a cause may count as a cause),
    # and under its own kind otherwise.
    causes = cause_keys(plan)
    matched_entities: set[int] = set()
    scored: dict[str, list[tuple[object, int | None]]] = {kind: [] for kind in ENTITY_KINDS}
    for page in written:
        keys = page_keys(page)
        roles = page_roles(page, causes)
        for role in roles:
            hit = next(
                (
                    i
                    for i, e in enumerate(entities)
                    if e["kind"] == role
                    and e.get("page", True)
                    and i not in matched_entities
                    and keys & entity_key_sets[i]
                ),
                None,
            )
            if hit is not None:
                matched_entities.add(hit)
                scored[role].append((page, hit))
                break
        else:
            scored[roles[0]].append((page, None))
    for kind in ENTITY_KINDS:
        tp = fp = 0
        false_pages = []
        for page, hit in scored[kind]:
            if hit is not None:
                tp += 1
                continue
            keys = page_keys(page)
            listed = any(keys & ks for ks in entity_key_sets)
            if not listed and keys & subject_keys:
                continue  # the subject, when the answer does not list it: neutral
            fp += 1
            false_pages.append(_get(page, "title", ""))
        expected = [i for i, e in enumerate(entities) if e["kind"] == kind and e.get("page", True)]
        missed = [entities[i]["name"] for i in expected if i not in matched_entities]
        result["kinds"][kind] = {
            "tp": tp,
            "fp": fp,
            "expected": len(expected),
            "found": len(expected) - len(missed),
        }
        if missed:
            fail[f"{kind}_missed"] = missed
        if false_pages:
            fail[f"{kind}_false"] = false_pages

    bare = []
    for entity, keys in zip(entities, entity_key_sets, strict=True):
        if not entity.get("page", True) and any(
            page_keys(p) & keys and entity["kind"] in page_roles(p, causes) for p in written
        ):
            bare.append(entity["name"])
    result["bare_written"] = len(bare)
    if bare:
        fail["bare_mentions_written"] = bare

    not_written, not_suggested = [], []
    for name in answer["not_entities"]:
        key = name_key(name)
        if any(key in page_keys(p) for p in written):
            not_written.append(name)
        elif any(key in page_keys(p) for p in pages if is_suggested(p)):
            not_suggested.append(name)
    result["not_entities_written"] = len(not_written)
    result["not_entities_suggested"] = len(not_suggested)
    if not_written:
        fail["not_entities_written"] = not_written
    if not_suggested:
        fail["not_entities_suggested"] = not_suggested

    # Main subject.
    main = next(iter(_get(plan, "pages", []) or []), None)
    if "unsupported_language" in answer["expected_flags"] and not written:
        subject_ok = True
    else:
        subject_ok = main is not None and name_key(_get(main, "title", "")) in subject_keys
    result["subject_ok"] = subject_ok
    if not subject_ok:
        fail["subject"] = [
            f"{_get(main, 'title', '') if main is not None else '(none)'!r}"
            f" instead of {answer['subject']!r}"
        ]

    # Warnings.
    boxes = []
    for page in written:
        for block in _get(page, "blocks", []) or []:
            if block_type(block) == "warning":
                value = block_value(block)
                boxes.append((str(_get(value, "severity", "") or ""), block_text(block)))
    found = agree = 0
    missed, wrong = [], []
    for warning in answer["warnings"]:
        holders = [sev for sev, text in boxes if _contains([text], warning["contains"])]
        if not holders:
            missed.append(warning["contains"])
            continue
        found += 1
        if warning["severity"] in holders:
            agree += 1
        else:
            wrong.append(f"{warning['contains']!r}: {holders[0]} for {warning['severity']}")
    correct_boxes = sum(
        1
        for _sev, text in boxes
        if any(_contains([text], w["contains"]) for w in answer["warnings"])
    )
    extra = [
        text[:80]
        for sev, text in boxes
        if not any(_contains([text], w["contains"]) for w in answer["warnings"])
    ]
    boxed = [p for p in answer["not_warnings"] if any(_contains([t], p) for _s, t in boxes)]
    result["warnings"] = {
        "expected": len(answer["warnings"]),
        "found": found,
        "agree": agree,
        "boxes": len(boxes),
        "correct_boxes": correct_boxes,
        "not_warnings_boxed": len(boxed),
    }
    for key, items in (
        ("warnings_missed", missed),
        ("severity_wrong", wrong),
        ("warnings_false", extra),
        ("not_warnings_boxed", boxed),
    ):
        if items:
            fail[key] = items

    # Exercises.
    planned = []
    for page in written:
        for block in _get(page, "blocks", []) or []:
            if block_type(block) == "exercise_list":
                planned += [
                    e for e in block_value(block).get("exercises", []) if isinstance(e, dict)
                ]
    ex_found = ex_agree = ex_dosed = 0
    ex_missed, dose_wrong = [], []
    used: set[int] = set()
    for exercise in answer["exercises"]:
        key = name_key(exercise["name"])
        hit = next(
            (
                i
                for i, p in enumerate(planned)
                if i not in used
                and (
                    name_key(p.get("name", "")) == key
                    or name_key(p.get("name", "")).startswith(key + " ")
                )
            ),
            None,
        )
        if hit is None:
            ex_missed.append(exercise["name"])
            continue
        used.add(hit)
        ex_found += 1
        if "dose" not in exercise:
            continue  # the answer does not say: found, but not scored on its dose
        ex_dosed += 1
        # days_per_week counts only where the answer states it.
        fields = DOSE_FIELDS + tuple(f for f in ("days_per_week",) if f in exercise["dose"])
        expected_dose = _dose_of(exercise, fields)
        got = _dose_of(planned[hit], fields)
        if got == expected_dose:
            ex_agree += 1
        else:
            diff = {k: (got[k], expected_dose[k]) for k in fields if got[k] != expected_dose[k]}
            dose_wrong.append(
                f"{exercise['name']}: "
                + ", ".join(f"{k} {g!r} for {e!r}" for k, (g, e) in diff.items())
            )
    result["exercises"] = {
        "expected": len(answer["exercises"]),
        "found": ex_found,
        "dosed": ex_dosed,
        "dose_agree": ex_agree,
        "extra": len(planned) - len(used),
    }
    if ex_missed:
        fail["exercises_missed"] = ex_missed
    if unexpected := [ex.get("name", "") for i, ex in enumerate(planned) if i not in used]:
        fail["exercises_unexpected"] = unexpected
    if dose_wrong:
        fail["dose_wrong"] = dose_wrong

    # Chrome, foreign text, fragments, stubs, flags.
    all_titles = [norm_text(_get(p, "title", "")) for p in _get(plan, "pages", []) or []]
    texts = all_titles + [t for p in written for t in page_texts(p)]
    leaked = [phrase for phrase in answer["must_drop"] if _contains(texts, phrase)]
    result["chrome"] = {"phrases": len(answer["must_drop"]), "leaked": len(leaked)}
    if leaked:
        fail["chrome_leaked"] = leaked

    kinds = flag_kinds(plan)
    flag_texts = [norm_text(str(_get(f, "text", ""))) for f in _get(plan, "flags", []) or []]
    whole = bool(kinds & WHOLE_ARTICLE_LANGUAGE_FLAGS)
    unflagged, on_pages = [], []
    for phrase in answer["foreign"]:
        # A foreign passage quoted with its mojibake ("dÃ©couvert") is flagged, or leaks,
        # as the importer repaired it ("découvert"): both spellings are looked for.
        variants = {phrase, _repaired(phrase)}
        needles = {norm_text(variant) for variant in variants}
        flagged = whole or any(
            needle in t or (len(t) >= 12 and t in needle) for needle in needles for t in flag_texts
        )
        if not flagged:
            unflagged.append(phrase)
        if any(_contains(texts, variant) for variant in variants):
            on_pages.append(phrase)
    result["foreign"] = {
        "phrases": len(answer["foreign"]),
        "unflagged": len(unflagged),
        "on_pages": len(on_pages),
    }
    if unflagged:
        fail["foreign_unflagged"] = unflagged
    if on_pages:
        fail["foreign_on_pages"] = on_pages

    fragments = [
        _get(p, "title", "")
        for p in written
        if is_fragment_title(_get(p, "title", "")) and not page_keys(p) & known_keys
    ]
    result["fragments"] = len(fragments)
    if fragments:
        fail["fragment_titles"] = fragments

    stubs = [
        _get(p, "title", "")
        for p in written
        if not (_get(p, "summary", "") or "").strip() and not (_get(p, "blocks", []) or [])
    ]
    result["stubs"] = {"written": len(written), "stubs": len(stubs)}
    if stubs:
        fail["stubs"] = stubs

    missing_flags = [k for k in answer["expected_flags"] if k not in kinds]
    result["flags"] = {
        "expected": len(answer["expected_flags"]),
        "raised": len(answer["expected_flags"]) - len(missing_flags),
    }
    if missing_flags:
        fail["flags_missing"] = missing_flags
    result["suggested"] = sum(1 for p in pages if is_suggested(p))
    return result


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def summarise(scores: list[dict]) -> dict:
    """Micro-averaged figures of a half from its articles' :func:`score_article` results."""

    def total(*path):
        out = 0
        for score in scores:
            value = score
            for key in path:
                value = value[key]
            out += value
        return out

    summary: dict = {"articles": len(scores), "errors": sum(1 for s in scores if s.get("error"))}
    for kind in ENTITY_KINDS:
        tp, fp = total("kinds", kind, "tp"), total("kinds", kind, "fp")
        found, expected = total("kinds", kind, "found"), total("kinds", kind, "expected")
        summary[kind] = {
            "precision": _ratio(tp, tp + fp),
            "recall": _ratio(found, expected),
            "written": tp + fp,
            "expected": expected,
        }
    found, expected = total("warnings", "found"), total("warnings", "expected")
    summary["warnings"] = {
        "precision": _ratio(total("warnings", "correct_boxes"), total("warnings", "boxes")),
        "recall": _ratio(found, expected),
        "severity_agreement": _ratio(total("warnings", "agree"), found),
        "boxes": total("warnings", "boxes"),
        "expected": expected,
        "not_warnings_boxed": total("warnings", "not_warnings_boxed"),
    }
    ex_found = total("exercises", "found")
    summary["exercises"] = {
        "found": ex_found,
        "expected": total("exercises", "expected"),
        "dose_agreement": _ratio(total("exercises", "dose_agree"), total("exercises", "dosed")),
        "extra": total("exercises", "extra"),
    }
    summary["subject"] = {
        "correct": sum(1 for s in scores if s["subject_ok"]),
        "articles": len(scores),
        "accuracy": _ratio(sum(1 for s in scores if s["subject_ok"]), len(scores)),
    }
    summary["chrome_leaked"] = {
        "leaked": total("chrome", "leaked"),
        "phrases": total("chrome", "phrases"),
    }
    summary["foreign"] = {
        "unflagged": total("foreign", "unflagged"),
        "on_pages": total("foreign", "on_pages"),
        "phrases": total("foreign", "phrases"),
    }
    summary["content"] = {
        "lost": sum(s.get("content", {}).get("lost", 0) for s in scores),
        "sentences": sum(s.get("content", {}).get("sentences", 0) for s in scores),
    }
    summary["fragment_titles"] = total("fragments")
    stubs, written = total("stubs", "stubs"), total("stubs", "written")
    summary["stubs"] = {"stubs": stubs, "written": written, "share": _ratio(stubs, written)}
    summary["bare_mentions_written"] = total("bare_written")
    summary["not_entities_written"] = total("not_entities_written")
    summary["not_entities_suggested"] = total("not_entities_suggested")
    summary["suggested_pages"] = total("suggested")
    summary["flags"] = {"raised": total("flags", "raised"), "expected": total("flags", "expected")}
    return summary


# ---------------------------------------------------------------------------- corpus


def validate_answer(answer: object, where: str = "answer") -> dict:
    """The answer as a dict, or :class:`AnswerError` naming what is wrong."""
    if not isinstance(answer, dict):
        raise AnswerError(f"{where}: not a JSON object")
    for key, kind in REQUIRED_KEYS.items():
        if key not in answer:
            raise AnswerError(f"{where}: missing key {key!r}")
        if not isinstance(answer[key], kind):
            raise AnswerError(f"{where}: {key!r} must be a {kind.__name__}")
    for i, entity in enumerate(answer["entities"]):
        if not isinstance(entity, dict) or not isinstance(entity.get("name"), str):
            raise AnswerError(f"{where}: entity {i} needs a name")
        if entity.get("kind") not in ENTITY_KINDS:
            raise AnswerError(f"{where}: entity {entity['name']!r} has kind {entity.get('kind')!r}")
        if not isinstance(entity.get("aliases", []), list) or not isinstance(
            entity.get("page", True), bool
        ):
            raise AnswerError(
                f"{where}: entity {entity['name']!r} needs aliases list and page bool"
            )
    for warning in answer["warnings"]:
        if not isinstance(warning, dict) or warning.get("severity") not in SEVERITIES:
            raise AnswerError(f"{where}: warning {warning!r} needs a severity of {SEVERITIES}")
        if not isinstance(warning.get("contains"), str) or not warning["contains"].strip():
            raise AnswerError(f"{where}: warning {warning!r} needs a 'contains' phrase")
    for exercise in answer["exercises"]:
        if not isinstance(exercise, dict) or not isinstance(exercise.get("name"), str):
            raise AnswerError(f"{where}: exercise {exercise!r} needs a name")
        dose = exercise.get("dose", {})
        if not isinstance(dose, dict) or set(dose) - set(DOSE_FIELDS) - {"days_per_week"}:
            raise AnswerError(f"{where}: exercise {exercise['name']!r} has a bad dose")
    for key in (
        "subject_aliases",
        "not_entities",
        "not_warnings",
        "must_drop",
        "foreign",
        "expected_flags",
    ):
        if not all(isinstance(item, str) and item.strip() for item in answer[key]):
            raise AnswerError(f"{where}: {key!r} must list non-empty strings")
    return answer


def article_pairs(half_dir: Path) -> list[tuple[Path, Path]]:
    """(article, answer) pairs of a half, sorted by name; an article without answer is an error."""
    pairs = []
    for answer in sorted(half_dir.glob("*.answer.json")):
        stem = answer.name[: -len(".answer.json")]
        articles = [half_dir / (stem + suffix) for suffix in ARTICLE_SUFFIXES]
        found = [a for a in articles if a.exists()]
        if len(found) != 1:
            raise AnswerError(f"{answer}: expected one article named {stem}.*, found {len(found)}")
        pairs.append((found[0], answer))
    answered = {a for a, _ in pairs}
    for path in sorted(half_dir.iterdir()):
        if path.suffix in ARTICLE_SUFFIXES and path not in answered:
            raise AnswerError(f"{path}: article without an answer file")
    return pairs


def load_answer(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AnswerError(f"{path}: {exc}") from exc
    return validate_answer(data, str(path))


def article_texts(path: Path) -> list[str]:
    """Normalised readings of an article in which its answer's phrases must occur.

    Phrases are written as the article reads with tags removed, so HTML is read both
    as source with entities decoded and as visible text; Markdown also without emphasis
    marks.
    """
    raw = path.read_text(encoding="utf-8", errors="replace")
    readings = [raw]
    if path.suffix in (".html", ".htm"):
        from bs4 import BeautifulSoup

        readings.append(html.unescape(raw))
        readings.append(BeautifulSoup(raw, "html.parser").get_text(" "))
    if path.suffix in (".md", ".markdown"):
        readings.append(re.sub(r"[*_`#]+", "", raw))
    return [norm_text(text) for text in readings]


def answer_phrases(answer: dict) -> list[str]:
    return (
        [w["contains"] for w in answer["warnings"]]
        + answer["not_warnings"]
        + answer["must_drop"]
        + answer["foreign"]
    )


def evaluate_half(half_dir: Path, only: list[str] | None = None) -> tuple[list[dict], dict]:
    """Score every article of ``half_dir`` (or those whose name matches one of the
    shell patterns ``only``, e.g. a batch added together) and sum the figures."""
    from back_health.importer.pipeline import analyse

    scores = []
    for article, answer_path in article_pairs(half_dir):
        if only and not any(fnmatch.fnmatch(article.stem, pattern) for pattern in only):
            continue
        answer = load_answer(answer_path)
        error = ""
        try:
            data = article.read_bytes()
            plan = analyse(data, article.name, format=answer["format"])
        except Exception as exc:  # noqa: BLE001 - a crash is scored as an empty plan
            error = f"{type(exc).__name__}: {exc}"
            plan = {"pages": [], "flags": [], "error": error}
        score = score_article(answer, plan)
        sentences = [] if error else document_sentences(data, article.name, answer["format"])
        lost = lost_sentences(sentences, plan)
        score["content"] = {"sentences": len(sentences), "lost": len(lost)}
        if lost:
            score["failures"]["sentences_lost"] = lost
        score["article"] = article.name
        score["style"] = answer["style"]
        if error:
            score["error"] = error
            score["failures"]["error"] = [error]
        scores.append(score)
    return scores, summarise(scores)


# ---------------------------------------------------------------------------- output


def _pr(item: dict) -> str:
    def f(x):
        return "  -  " if x is None else f"{x:.2f}"

    return f"{f(item['precision'])} / {f(item['recall'])}"


def _fmt(x) -> str:
    return "-" if x is None else f"{x:.2f}"


def summary_rows(summary: dict) -> list[tuple[str, str]]:
    rows = [("articles (errors)", f"{summary['articles']} ({summary['errors']})")]
    for kind in ENTITY_KINDS:
        item = summary[kind]
        rows.append(
            (
                f"{kind}s P / R",
                f"{_pr(item)}  [{item['written']} written, {item['expected']} expected]",
            )
        )
    w = summary["warnings"]
    rows.append(("warnings P / R", f"{_pr(w)}  [{w['boxes']} boxes, {w['expected']} expected]"))
    rows.append(("severity agreement", _fmt(w["severity_agreement"])))
    rows.append(("not-warnings boxed", str(w["not_warnings_boxed"])))
    e = summary["exercises"]
    rows.append(("exercises found", f"{e['found']}/{e['expected']}  [+{e['extra']} unexpected]"))
    rows.append(("dose agreement", _fmt(e["dose_agreement"])))
    s = summary["subject"]
    rows.append(("main subject", f"{s['correct']}/{s['articles']}"))
    c = summary["chrome_leaked"]
    rows.append(("chrome leaked", f"{c['leaked']} of {c['phrases']} phrases"))
    fo = summary["foreign"]
    rows.append(
        ("foreign unflagged", f"{fo['unflagged']} of {fo['phrases']} (on pages: {fo['on_pages']})")
    )
    co = summary.get("content", {"lost": 0, "sentences": 0})
    rows.append(("sentences lost", f"{co['lost']} of {co['sentences']}"))
    rows.append(("fragment titles", str(summary["fragment_titles"])))
    st = summary["stubs"]
    rows.append(("stub share", f"{_fmt(st['share'])}  [{st['stubs']} of {st['written']} written]"))
    rows.append(("bare mentions written", str(summary["bare_mentions_written"])))
    rows.append(
        (
            "not-entities as pages",
            f"{summary['not_entities_written']} written, "
            f"{summary['not_entities_suggested']} suggested",
        )
    )
    rows.append(("suggested pages", str(summary["suggested_pages"])))
    fl = summary["flags"]
    rows.append(("expected flags raised", f"{fl['raised']}/{fl['expected']}"))
    return rows


def print_table(results: dict, out) -> None:
    halves = [h for h in HALVES if h in results]
    rows = {h: dict(summary_rows(results[h]["summary"])) for h in halves}
    labels = [label for label, _ in summary_rows(results[halves[0]]["summary"])]
    width = max(len(label) for label in labels) + 2
    cols = [max(len(h), *(len(rows[h][label]) for label in labels)) + 2 for h in halves]

    def line(label, cells):
        text = label.ljust(width) + "".join(c.ljust(w) for c, w in zip(cells, cols, strict=True))
        out.write(text.rstrip() + "\n")

    line("", halves)
    for label in labels:
        line(label, [rows[h][label] for h in halves])


def print_articles(half: str, scores: list[dict], out) -> None:
    out.write(f"\n== {half}: per article\n")
    for score in scores:
        k = score["kinds"]
        counts = " ".join(
            f"{kind[:4]} {k[kind]['tp']}/{k[kind]['tp'] + k[kind]['fp']}w"
            f" {k[kind]['found']}/{k[kind]['expected']}e"
            for kind in ENTITY_KINDS
        )
        w = score["warnings"]
        out.write(
            f"{score['article']} [{score['style']}] {counts} "
            f"warn {w['found']}/{w['expected']} sev {w['agree']} boxes {w['boxes']}\n"
        )
        for key, items in score["failures"].items():
            out.write(f"    {key}: " + "; ".join(str(i) for i in items) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=(*HALVES, "all"), default="all")
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="per-article misses and false positives"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="corpus directory")
    parser.add_argument(
        "--only",
        action="append",
        metavar="PATTERN",
        help="score only the articles whose name matches (shell pattern; repeatable)",
    )
    args = parser.parse_args(argv)
    halves = HALVES if args.half == "all" else (args.half,)
    results = {}
    try:
        present = [h for h in halves if (args.corpus / h).is_dir()]
        if not present:
            raise AnswerError(f"no corpus half in {args.corpus} ({', '.join(halves)})")
        for half in present:
            scores, summary = evaluate_half(args.corpus / half, args.only)
            results[half] = {"summary": summary, "articles": scores}
    except AnswerError as exc:
        sys.stderr.write(f"evaluate: {exc}\n")
        return 2
    if args.json:
        json.dump(results, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for half in halves:
        if half not in results:
            sys.stdout.write(f"({half} half not present in {args.corpus})\n")
    if args.verbose:
        for half, result in results.items():
            print_articles(half, result["articles"], sys.stdout)
        sys.stdout.write("\n")
    print_table(results, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
