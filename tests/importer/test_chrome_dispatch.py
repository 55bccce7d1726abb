"""The chrome wording answers the same whether its patterns are picked by their words or
all tried in turn: the scan that picks them never rules out a pattern that matches."""

from __future__ import annotations

from pathlib import Path

from back_health.importer.chrome import (
    chrome_patterns,
    chrome_reason,
    heading_chrome_reason,
)
from back_health.importer.fold import fold_case
from back_health.importer.text import without_heading_number

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "dev"


def every_pattern_in_turn(text: str, patterns) -> str:
    lowered = fold_case(text)
    for pattern in patterns:
        if pattern.search(text, lowered):
            return f"chrome: {pattern.reason}"
    return ""


def corpus_lines(step: int = 12) -> list[str]:
    """Lines of every ``step``-th development article, markup and all: chrome and
    advice, short and long."""
    articles = sorted(p for p in CORPUS.iterdir() if p.suffix != ".json")[::step]
    lines = []
    for article in articles:
        text = article.read_text(encoding="utf-8", errors="replace")
        lines.extend(line.strip() for line in text.splitlines() if line.strip())
    return lines


def test_block_patterns_picked_by_their_words_answer_as_all_tried_in_turn():
    patterns = chrome_patterns()[0]
    lines = corpus_lines()
    expected = [every_pattern_in_turn(line, patterns) for line in lines]
    assert sum(map(bool, expected)) > 50, "too few chrome lines to compare"
    assert [chrome_reason(line) for line in lines] == expected


def test_heading_patterns_picked_by_their_words_answer_as_all_tried_in_turn():
    patterns = chrome_patterns()[1]
    lines = [line.lstrip("#* ").rstrip("*: ") for line in corpus_lines(3) if len(line) < 80]
    expected = [
        every_pattern_in_turn(without_heading_number(line), patterns)
        or every_pattern_in_turn(line, patterns)
        for line in lines
    ]
    assert sum(map(bool, expected)) > 20, "too few chrome headings to compare"
    assert [heading_chrome_reason(line) for line in lines] == expected
