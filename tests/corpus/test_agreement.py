"""Second answers: each follows the schema and quotes its article, and the comparison
counts what two writers share as the evaluation counts pages."""

import pytest

from . import agreement
from . import evaluate as ev


def _answer(subject="Sciatica", entities=()):
    return {
        "subject": subject,
        "subject_aliases": [],
        "entities": [
            {"kind": kind, "name": name, "aliases": list(aliases), "page": page}
            for kind, name, aliases, page in entities
        ],
    }


def test_every_second_answer_follows_the_schema_and_quotes_its_article():
    pairs = agreement.second_answers()
    if not pairs:
        pytest.skip("no second answers in tests/corpus/agreement/")
    articles = {article.stem: article for article, _ in ev.article_pairs(ev.CORPUS / "dev")}
    for stem, first, second in pairs:
        assert second["format"] == first["format"], stem
        texts = ev.article_texts(articles[stem])
        for phrase in ev.answer_phrases(second):
            assert any(ev.norm_text(phrase) in text for text in texts), (stem, phrase)


def test_a_second_answer_for_no_article_is_an_error(tmp_path):
    (tmp_path / "no_such_article.answer.json").write_text("{}")
    with pytest.raises(ev.AnswerError, match="no_such_article"):
        agreement.second_answers(tmp_path)


def test_pages_match_by_name_or_alias_and_bare_mentions_are_not_pages():
    first = _answer(
        entities=[
            ("treatment", "NSAIDs", ["anti-inflammatory painkillers"], True),
            ("treatment", "Physiotherapy", [], True),
            ("treatment", "Bed rest", [], False),
        ]
    )
    second = _answer(
        entities=[
            ("treatment", "Anti-inflammatory painkillers", [], True),
            ("treatment", "Physiotherapy", [], False),
            ("treatment", "Bed rest", [], True),
        ]
    )
    counts = agreement.compare(first, second)["treatment"]
    assert (counts["tp"], counts["found"], counts["expected"]) == (1, 2, 2)
    assert (counts["named_tp"], counts["named"], counts["named_expected"]) == (3, 3, 3)
    assert (counts["both"], counts["same_page"]) == (3, 1)


def test_a_cause_that_is_a_condition_matches_across_the_two_kinds_and_counts_once():
    first = _answer(entities=[("cause", "Herniated disc", ["slipped disc"], True)])
    second = _answer(entities=[("condition", "Slipped disc", [], True)])
    counts = agreement.compare(first, second)
    assert (counts["cause"]["tp"], counts["cause"]["found"]) == (1, 1)
    assert counts["condition"]["found"] == 0


def test_the_subject_is_left_out_on_both_sides():
    first = _answer(entities=[("condition", "Sciatica", [], True)])
    second = _answer(
        subject="Sciatic nerve pain", entities=[("condition", "Spinal stenosis", [], True)]
    )
    counts = agreement.compare(first, second)["condition"]
    assert (counts["tp"], counts["found"], counts["expected"]) == (0, 1, 0)


def test_figures_are_summed_over_articles():
    first = _answer(entities=[("treatment", "Heat", [], True), ("treatment", "Ice", [], True)])
    second = _answer(entities=[("treatment", "Heat", [], True)])
    summary = agreement.summarise([agreement.compare(first, second)] * 2)["treatment"]
    assert (summary["pages_precision"], summary["pages_recall"]) == (1.0, 0.5)
