"""Every answer file of the corpus follows the schema and quotes its own article."""

import pytest

from . import evaluate as ev

PAIRS = [
    pytest.param(article, answer, id=f"{article.parent.name}/{article.name}")
    for half in ev.HALVES
    if (ev.CORPUS / half).is_dir()
    for article, answer in ev.article_pairs(ev.CORPUS / half)
]


def test_development_half_is_complete():
    pairs = ev.article_pairs(ev.CORPUS / "dev")
    styles = {ev.load_answer(answer)["style"] for _, answer in pairs}
    assert len(pairs) >= 20
    assert len(styles) >= 10


@pytest.mark.parametrize(("article", "answer_path"), PAIRS)
def test_answer_is_valid_and_quotes_its_article(article, answer_path):
    answer = ev.load_answer(answer_path)
    assert article.suffix.lstrip(".") in {answer["format"], "htm", "markdown"}
    readings = ev.article_texts(article)
    missing = [
        phrase
        for phrase in ev.answer_phrases(answer)
        if not any(ev.norm_text(phrase) in reading for reading in readings)
    ]
    assert not missing, f"phrases not in {article.name}: {missing}"
    names = [e["name"] for e in answer["entities"]]
    assert len({ev.name_key(n) for n in names}) == len(names), "an entity is listed twice"
    listed = {ev.name_key(n) for e in answer["entities"] for n in [e["name"], *e["aliases"]]}
    clash = [n for n in answer["not_entities"] if ev.name_key(n) in listed]
    assert not clash, f"both entity and not-entity: {clash}"


def test_development_articles_are_within_size_bounds():
    for article, _ in ev.article_pairs(ev.CORPUS / "dev"):
        assert 1500 <= article.stat().st_size <= 6000, article.name
