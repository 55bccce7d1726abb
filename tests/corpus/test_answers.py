"""The corpus is big and varied enough, and the evaluator reads every answer file.

The schema and the quoted phrases of every answer are checked in test_corpus_files.py.
"""

import pytest

from . import evaluate as ev

HALVES = [half for half in ev.HALVES if (ev.CORPUS / half).is_dir()]


@pytest.mark.parametrize("half", HALVES)
def test_the_evaluator_accepts_every_answer_of_the_half(half):
    pairs = ev.article_pairs(ev.CORPUS / half)
    assert pairs
    for article, answer_path in pairs:
        answer = ev.load_answer(answer_path)
        assert ev.answer_phrases(answer) is not None, article.name


def test_development_half_has_twenty_articles_in_ten_styles():
    pairs = ev.article_pairs(ev.CORPUS / "dev")
    styles = {ev.load_answer(answer)["style"] for _, answer in pairs}
    assert len(pairs) >= 20
    assert len(styles) >= 10


def test_development_articles_are_between_one_and_a_half_and_six_kilobytes():
    for article, _ in ev.article_pairs(ev.CORPUS / "dev"):
        assert 1500 <= article.stat().st_size <= 6000, article.name


def test_whole_corpus_has_forty_articles_in_ten_styles():
    if "heldout" not in HALVES:
        pytest.skip("the held-out half (tests/corpus/heldout/) is not in this checkout")
    pairs = [pair for half in HALVES for pair in ev.article_pairs(ev.CORPUS / half)]
    styles = {ev.load_answer(answer)["style"] for _, answer in pairs}
    assert len(pairs) >= 40
    assert len(styles) >= 10
