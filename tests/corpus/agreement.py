"""How far two people agree on the same articles (``make agreement``).

``tests/corpus/agreement/`` holds second answer files, written by someone who saw only the
article and the answer-file schema (never the first answer, the importer or its output),
for some articles of the development half. Each is scored against the article's own
answer file as if it were a plan: the second writer's ``page: true`` entities are the
pages written, their ``page: false`` ones the pages suggested. The figures bound what the
importer can be asked to reach: where two careful people agree on 0.7 of the treatments
that deserve a page, an importer scoring 0.9 against one of them would be learning that
person, not the articles.

Printed per kind (condition, cause, treatment):

- **pages P / R**: precision and recall of the second writer's ``page: true`` entities
  against the first's, matched by name or alias as the evaluation matches pages (the
  same kind; a condition the second writer lists may match a first-writer cause and the
  other way round, as a condition page listed among the main page's causes does).
- **names P / R**: the same over every entity named, whatever ``page`` says: whether the
  two found the same things, before judging which deserve a page.
- **page agreement**: of the entities both named, the share on whose ``page`` they agree.

Entities naming either writer's subject are left out: the subject is the main page,
which every plan writes.

Then, for comparison, the importer's pages P / R on the same articles, scored against
the first answers and against the second.

Run: ``python -m tests.corpus.agreement`` (``--json`` for the figures as JSON).
The script never fails on the figures; it exits 2 for a second answer file that does not
follow the schema or names no article of the development half.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tests.corpus.evaluate import (
    CORPUS,
    ENTITY_KINDS,
    AnswerError,
    article_pairs,
    entity_keys,
    load_answer,
    score_article,
)
from tests.corpus.evaluate import summarise as summarise_scores

AGREEMENT = CORPUS / "agreement"
#: Kinds one writer may give a thing the other calls by the other kind: a cause that is a
#: condition in its own right (as the evaluation scores a condition page the main page
#: lists as a cause).
CROSS_KINDS = {"condition": "cause", "cause": "condition"}


def second_answers(directory: Path = AGREEMENT) -> list[tuple[str, dict, dict]]:
    """``(stem, first answer, second answer)`` for each second answer file, in name order."""
    firsts = {article.stem: answer for article, answer in article_pairs(CORPUS / "dev")}
    pairs = []
    for path in sorted(directory.glob("*.answer.json")):
        stem = path.name.removesuffix(".answer.json")
        if stem not in firsts:
            raise AnswerError(f"{path.name}: no article {stem!r} in the development half")
        pairs.append((stem, load_answer(firsts[stem]), load_answer(path)))
    return pairs


def _match(entity: dict, others: list[dict], used: set[int]) -> int | None:
    """Index of the first unused entity of ``others`` of the same kind (or the kind it
    may also be) that shares a name or alias with ``entity``; ``None`` when none does."""
    keys = entity_keys(entity)
    for same_kind_only in (True, False):
        for index, other in enumerate(others):
            if index in used:
                continue
            kind_ok = other["kind"] == entity["kind"] or (
                not same_kind_only and CROSS_KINDS.get(entity["kind"]) == other["kind"]
            )
            if kind_ok and keys & entity_keys(other):
                return index
    return None


def _subject_keys(answer: dict) -> set[str]:
    return entity_keys({"name": answer["subject"], "aliases": answer["subject_aliases"]})


def compare(first: dict, second: dict) -> dict:
    """Counts per kind of the second answer's entities against the first's."""
    counts = {
        kind: {
            key: 0
            for key in (
                "tp",
                "found",
                "expected",
                "named_tp",
                "named",
                "named_expected",
                "both",
                "same_page",
            )
        }
        for kind in ENTITY_KINDS
    }
    subject = _subject_keys(first) | _subject_keys(second)
    truth = [e for e in first["entities"] if not entity_keys(e) & subject]
    for entity in truth:
        counts[entity["kind"]]["named_expected"] += 1
        counts[entity["kind"]]["expected"] += bool(entity.get("page"))
    used_named: set[int] = set()
    used_pages: set[int] = set()
    pages_first = [e for e in truth if e.get("page")]
    for entity in second["entities"]:
        if entity_keys(entity) & subject:
            continue
        kind = entity["kind"]
        counts[kind]["named"] += 1
        index = _match(entity, truth, used_named)
        if index is not None:
            used_named.add(index)
            counts[truth[index]["kind"]]["named_tp"] += 1
            counts[truth[index]["kind"]]["both"] += 1
            counts[truth[index]["kind"]]["same_page"] += bool(entity.get("page")) == bool(
                truth[index].get("page")
            )
        if not entity.get("page"):
            continue
        counts[kind]["found"] += 1
        index = _match(entity, pages_first, used_pages)
        if index is not None:
            used_pages.add(index)
            matched_kind = pages_first[index]["kind"]
            counts[matched_kind]["tp"] += 1
            if matched_kind != kind:  # scored under the kind it matched, as a page is
                counts[kind]["found"] -= 1
                counts[matched_kind]["found"] += 1
    return counts


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 2) if den else None


def summarise(per_article: list[dict]) -> dict:
    summary = {}
    for kind in ENTITY_KINDS:
        total = (
            {key: sum(c[kind][key] for c in per_article) for key in per_article[0][kind]}
            if per_article
            else {}
        )
        summary[kind] = {
            **total,
            "pages_precision": _ratio(total.get("tp", 0), total.get("found", 0)),
            "pages_recall": _ratio(total.get("tp", 0), total.get("expected", 0)),
            "names_precision": _ratio(total.get("named_tp", 0), total.get("named", 0)),
            "names_recall": _ratio(total.get("named_tp", 0), total.get("named_expected", 0)),
            "page_agreement": _ratio(total.get("same_page", 0), total.get("both", 0)),
        }
    return summary


def importer_figures(pairs: list[tuple[str, dict, dict]]) -> dict:
    """The importer's pages precision and recall per kind on the same articles, scored
    against the first answers and against the second."""
    from back_health.importer.pipeline import analyse

    articles = {article.stem: article for article, _answer in article_pairs(CORPUS / "dev")}
    scores: dict[str, list[dict]] = {"first": [], "second": []}
    for stem, first, second in pairs:
        article = articles[stem]
        plan = analyse(article.read_bytes(), article.name, format=first["format"])
        scores["first"].append(score_article(first, plan))
        scores["second"].append(score_article(second, plan))
    figures = {}
    for against, scored in scores.items():
        summary = summarise_scores(scored)
        figures[against] = {
            kind: {
                "pages_precision": summary[kind]["precision"],
                "pages_recall": summary[kind]["recall"],
            }
            for kind in ENTITY_KINDS
        }
    return figures


def _fmt(value) -> str:
    return "-" if value is None else f"{value:.2f}"


def _pair(figures: dict) -> str:
    return f"{_fmt(figures.get('pages_precision'))} / {_fmt(figures.get('pages_recall'))}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-importer", action="store_true", help="skip the importer's figures")
    args = parser.parse_args(argv)
    try:
        pairs = second_answers()
    except AnswerError as exc:
        print(f"agreement: {exc}", file=sys.stderr)
        return 2
    per_article = [compare(first, second) for _stem, first, second in pairs]
    result = {
        "articles": len(pairs),
        "writers": summarise(per_article),
        "importer": {} if args.no_importer else importer_figures(pairs),
    }
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    print(f"Second answers: {len(pairs)} articles of the development half")
    print(
        f"{'kind':<11}{'pages P / R':>14}{'names P / R':>14}{'page agreement':>16}"
        f"{'importer vs 1st':>17}{'importer vs 2nd':>17}"
    )
    for kind in ENTITY_KINDS:
        w = result["writers"][kind]
        first = result["importer"].get("first", {}).get(kind, {})
        second = result["importer"].get("second", {}).get(kind, {})
        print(
            f"{kind:<11}"
            f"{_fmt(w['pages_precision']) + ' / ' + _fmt(w['pages_recall']):>14}"
            f"{_fmt(w['names_precision']) + ' / ' + _fmt(w['names_recall']):>14}"
            f"{_fmt(w['page_agreement']):>16}"
            f"{_pair(first):>17}{_pair(second):>17}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
