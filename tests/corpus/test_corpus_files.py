"""The evaluation corpus is well formed: every article has an answer file that follows the
schema, and every phrase an answer quotes really occurs in its article.

No importer is involved: these tests check the answers, not the importer.
"""

import html
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

CORPUS = Path(__file__).resolve().parent
ANSWER_SUFFIX = ".answer.json"
# The answer's "format" for each article suffix the corpus accepts.
FORMATS = {".txt": "txt", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}
KINDS = {"condition", "cause", "treatment"}
SEVERITIES = {"info", "caution", "see_doctor", "urgent", "emergency"}
ANSWER_KEYS = {
    "style",
    "format",
    "language",
    "subject",
    "subject_aliases",
    "entities",
    "not_entities",
    "warnings",
    "not_warnings",
    "exercises",
    "must_drop",
    "foreign",
    "expected_flags",
}
ENTITY_KEYS = {"kind", "name", "aliases", "page"}
DOSE_KEYS = {"sets", "repetitions", "hold_seconds", "per_side", "times_per_day", "days_per_week"}
_SPACES = re.compile(r"\s+")
_MARKDOWN_EMPHASIS = re.compile(r"[*_`#]+")


#: The halves; ``agreement/`` holds second answers of development articles, checked in
#: test_agreement.py.
HALVES = ("dev", "heldout")


def _halves():
    return sorted(path for path in CORPUS.iterdir() if path.is_dir() and path.name in HALVES)


def _articles():
    return sorted(
        path
        for half in _halves()
        for path in half.iterdir()
        if path.is_file() and path.suffix in FORMATS and not path.name.startswith("README")
    )


def _answer_path(article):
    return article.with_name(article.stem + ANSWER_SUFFIX)


def _squash(text):
    return _SPACES.sub(" ", text.replace("\xa0", " ")).strip()


def _readings(article):
    """The article as a reader sees it, in which quoted phrases must occur.

    HTML is read as its visible text and as its source with entities decoded; Markdown as
    written and without emphasis marks.
    """
    raw = article.read_text(encoding="utf-8")
    readings = [raw]
    if FORMATS[article.suffix] == "html":
        readings = [BeautifulSoup(raw, "html.parser").get_text(" "), html.unescape(raw)]
    elif FORMATS[article.suffix] == "md":
        readings.append(_MARKDOWN_EMPHASIS.sub("", raw))
    return [_squash(reading) for reading in readings]


def _load_answer(article):
    return json.loads(_answer_path(article).read_text(encoding="utf-8"))


ARTICLES = _articles()
IDS = [f"{path.parent.name}/{path.name}" for path in ARTICLES]


def test_the_corpus_has_articles():
    assert ARTICLES, f"no articles found under {CORPUS}"


def test_every_file_of_a_half_is_an_article_an_answer_or_a_readme():
    for half in _halves():
        for path in half.iterdir():
            known = (
                path in ARTICLES
                or path.name.endswith(ANSWER_SUFFIX)
                or path.name.startswith("README")
            )
            assert known, f"{path} is neither an article ({', '.join(FORMATS)}) nor an answer"


def test_every_answer_file_belongs_to_one_article():
    for half in _halves():
        for answer in half.glob(f"*{ANSWER_SUFFIX}"):
            stem = answer.name.removesuffix(ANSWER_SUFFIX)
            found = [answer.with_name(stem + suffix) for suffix in FORMATS]
            assert sum(path.exists() for path in found) == 1, f"{answer}: not one article"


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_answer_follows_the_schema(article):
    assert _answer_path(article).exists(), f"{article.name} has no answer file"
    answer = _load_answer(article)

    assert set(answer) == ANSWER_KEYS
    assert answer["format"] == FORMATS[article.suffix]
    for key in ("style", "language", "subject"):
        assert isinstance(answer[key], str) and answer[key], key
    for key in ("subject_aliases", "not_entities", "not_warnings", "must_drop", "foreign"):
        assert all(isinstance(item, str) and item for item in answer[key]), key
    assert all(isinstance(flag, str) and flag for flag in answer["expected_flags"])

    for entity in answer["entities"]:
        assert set(entity) == ENTITY_KEYS, entity
        assert entity["kind"] in KINDS, entity
        assert isinstance(entity["name"], str) and entity["name"], entity
        assert all(isinstance(alias, str) and alias for alias in entity["aliases"]), entity
        assert isinstance(entity["page"], bool), entity

    for warning in answer["warnings"]:
        assert set(warning) == {"severity", "contains"}, warning
        assert warning["severity"] in SEVERITIES, warning
        assert isinstance(warning["contains"], str) and warning["contains"], warning

    for exercise in answer["exercises"]:
        assert set(exercise) <= {"name", "dose"} and exercise.get("name"), exercise
        if "dose" in exercise:
            assert set(exercise["dose"]) <= DOSE_KEYS, exercise


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_answer_does_not_contradict_itself(article):
    answer = _load_answer(article)
    names = [entity["name"].casefold() for entity in answer["entities"]]
    assert len(set(names)) == len(names), "an entity is listed twice"
    listed = {
        name.casefold()
        for entity in answer["entities"]
        for name in [entity["name"], *entity["aliases"]]
    }
    both = [name for name in answer["not_entities"] if name.casefold() in listed]
    assert not both, f"both entities and not entities: {both}"

    warned = {_squash(warning["contains"]) for warning in answer["warnings"]}
    assert not warned & {_squash(phrase) for phrase in answer["not_warnings"]}

    if answer["language"] != "en":
        assert "unsupported_language" in answer["expected_flags"]
        assert not answer["entities"], "a wholly foreign article must not yield pages"


@pytest.mark.parametrize("article", ARTICLES, ids=IDS)
def test_quoted_phrases_occur_in_the_article(article):
    answer = _load_answer(article)
    readings = _readings(article)
    quoted = [warning["contains"] for warning in answer["warnings"]]
    for key in ("not_warnings", "must_drop", "foreign"):
        quoted.extend(answer[key])

    missing = [phrase for phrase in quoted if not any(_squash(phrase) in r for r in readings)]
    assert not missing, f"not in {article.name}: {missing}"
