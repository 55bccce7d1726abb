"""The corpus evaluator's scoring, checked on small hand-made plans."""

import json

import pytest

from back_health.importer.document import Flag
from back_health.importer.plan import ArticlePlan, BlockPlan, PagePlan, RelationPlan, SourceInfo

from . import evaluate as ev


def answer(**overrides):
    base = {
        "style": "test",
        "format": "html",
        "language": "en",
        "subject": "Sciatica",
        "subject_aliases": ["sciatic nerve pain"],
        "entities": [],
        "not_entities": [],
        "warnings": [],
        "not_warnings": [],
        "exercises": [],
        "must_drop": [],
        "foreign": [],
        "expected_flags": [],
    }
    base.update(overrides)
    return ev.validate_answer(base)


def plan(*pages, flags=(), error=None):
    return ArticlePlan(
        source=SourceInfo(name="a.html", sha256="", format="html", bytes=0),
        title=pages[0].title if pages else "",
        pages=list(pages),
        flags=list(flags),
        error=error,
    )


def page(kind, title, *blocks, summary="", include=True, action="create", alternate_names=()):
    return PagePlan(
        kind=kind,
        title=title,
        summary=summary,
        blocks=list(blocks),
        include=include,
        action=action,
        alternate_names=list(alternate_names),
    )


def paragraph(text="<p>Some words about it.</p>"):
    return BlockPlan(type="paragraph", value=text)


def warning(severity, text, items=()):
    return BlockPlan(
        type="warning",
        value={"severity": severity, "heading": "", "text": text, "items": list(items)},
    )


def exercises(*items, stop_if=()):
    return BlockPlan(
        type="exercise_list",
        value={"heading": "", "intro": "", "exercises": list(items), "stop_if": list(stop_if)},
    )


def exercise(name, **dose):
    full = {"sets": None, "repetitions": None, "hold_seconds": None, "per_side": False}
    full.update({"times_per_day": None, "days_per_week": None})
    full.update(dose)
    return {"name": name, "steps": [], "dose": full, "cautions": []}


SCIATICA = {"kind": "condition", "name": "Sciatica", "aliases": [], "page": True}
DISC = {"kind": "cause", "name": "Herniated disc", "aliases": ["slipped disc"], "page": True}
STENOSIS = {"kind": "cause", "name": "Spinal stenosis", "aliases": [], "page": False}


class TestNames:
    def test_case_plural_article_and_dashes_are_ignored(self):
        assert ev.name_key("The Herniated Discs") == ev.name_key("herniated disc")
        assert ev.name_key("Co\u2013codamol") == ev.name_key("co-codamol")
        assert ev.name_key("Injuries") == ev.name_key("injury")

    def test_words_that_only_look_plural_keep_their_ending(self):
        assert ev.name_key("Spondylolisthesis") == "spondylolisthesis"
        assert ev.name_key("Stenosis") != ev.name_key("Stenosi")

    def test_different_names_differ(self):
        assert ev.name_key("Spinal stenosis") != ev.name_key("Spinal fusion")

    @pytest.mark.parametrize(
        "title",
        [
            "Happens occasionally",
            "15-20 minutes at a time",
            "Vary feeding positions",
            "Have a job",
            "Smoke",
            "Bed rest can slow down your recovery.",
            "Pain that is worse when you sit for a long time",
        ],
    )
    def test_fragment_titles(self, title):
        # "Happens occasionally" is not caught by the simple rules; everything else is.
        assert ev.is_fragment_title(title) is (title != "Happens occasionally")

    @pytest.mark.parametrize(
        "title", ["Sciatica", "Steroid injections", "Osteoarthritis of the facet joints"]
    )
    def test_noun_phrases_are_not_fragments(self, title):
        assert not ev.is_fragment_title(title)


class TestEntities:
    def test_matching_written_pages_are_true_positives(self):
        result = ev.score_article(
            answer(entities=[SCIATICA, DISC]),
            plan(
                page("condition", "Sciatica", paragraph()),
                page("cause", "Slipped disc", paragraph()),
            ),
        )
        assert result["kinds"]["condition"] == {"tp": 1, "fp": 0, "expected": 1, "found": 1}
        assert result["kinds"]["cause"] == {"tp": 1, "fp": 0, "expected": 1, "found": 1}
        assert result["failures"] == {}

    def test_alternate_names_match_too(self):
        result = ev.score_article(
            answer(entities=[DISC]),
            plan(page("cause", "Prolapsed disc", paragraph(), alternate_names=["herniated discs"])),
        )
        assert result["kinds"]["cause"]["tp"] == 1

    def test_missing_and_unknown_pages(self):
        result = ev.score_article(
            answer(entities=[SCIATICA, DISC]),
            plan(
                page("condition", "Sciatica", paragraph()), page("cause", "Different", paragraph())
            ),
        )
        assert result["kinds"]["cause"] == {"tp": 0, "fp": 1, "expected": 1, "found": 0}
        assert result["failures"]["cause_missed"] == ["Herniated disc"]
        assert result["failures"]["cause_false"] == ["Different"]

    def test_wrong_kind_is_a_false_page_and_a_miss(self):
        result = ev.score_article(
            answer(entities=[SCIATICA, DISC]),
            plan(
                page("condition", "Sciatica", paragraph()),
                page("condition", "Herniated disc", paragraph()),
            ),
        )
        assert result["kinds"]["condition"]["fp"] == 1
        assert result["kinds"]["cause"]["found"] == 0

    def test_condition_page_the_main_page_lists_as_a_cause_counts_as_that_cause(self):
        main = page("condition", "Sciatica", paragraph())
        main.causes = [RelationPlan(title="Herniated disc", kind="condition")]
        result = ev.score_article(
            answer(entities=[SCIATICA, DISC]),
            plan(main, page("condition", "Herniated disc", paragraph())),
        )
        assert result["kinds"]["condition"] == {"tp": 1, "fp": 0, "expected": 1, "found": 1}
        assert result["kinds"]["cause"] == {"tp": 1, "fp": 0, "expected": 1, "found": 1}

    def test_condition_page_listed_as_a_cause_still_matches_a_condition_entity(self):
        main = page("condition", "Sciatica", paragraph())
        main.causes = [RelationPlan(title="Spinal stenosis", kind="condition")]
        stenosis = {"kind": "condition", "name": "Spinal stenosis", "aliases": [], "page": True}
        result = ev.score_article(
            answer(entities=[SCIATICA, stenosis]),
            plan(main, page("condition", "Spinal stenosis", paragraph())),
        )
        assert result["kinds"]["condition"] == {"tp": 2, "fp": 0, "expected": 2, "found": 2}

    def test_a_cause_page_for_a_condition_entity_is_still_the_wrong_kind(self):
        main = page("condition", "Sciatica", paragraph())
        main.causes = [RelationPlan(title="Spinal stenosis", kind="cause")]
        stenosis = {"kind": "condition", "name": "Spinal stenosis", "aliases": [], "page": True}
        result = ev.score_article(
            answer(entities=[SCIATICA, stenosis]),
            plan(main, page("cause", "Spinal stenosis", paragraph())),
        )
        assert result["kinds"]["cause"]["fp"] == 1
        assert result["kinds"]["condition"]["found"] == 1

    def test_condition_page_not_related_as_a_cause_is_the_wrong_kind_for_a_cause(self):
        main = page("condition", "Sciatica", paragraph())
        main.related_conditions = [RelationPlan(title="Herniated disc", kind="condition")]
        result = ev.score_article(
            answer(entities=[SCIATICA, DISC]),
            plan(main, page("condition", "Herniated disc", paragraph())),
        )
        assert result["kinds"]["condition"]["fp"] == 1
        assert result["kinds"]["cause"]["found"] == 0

    def test_bare_cause_mention_written_as_a_related_condition_page_is_counted(self):
        main = page("condition", "Sciatica", paragraph())
        main.causes = [RelationPlan(title="Spinal stenosis", kind="condition")]
        result = ev.score_article(
            answer(entities=[SCIATICA, STENOSIS]),
            plan(main, page("condition", "Spinal stenosis", paragraph())),
        )
        assert result["bare_written"] == 1
        assert result["kinds"]["condition"]["fp"] == 1

    def test_a_second_page_for_the_same_entity_is_a_false_positive(self):
        result = ev.score_article(
            answer(entities=[SCIATICA]),
            plan(
                page("condition", "Sciatica", paragraph()),
                page("condition", "Sciatica", paragraph()),
            ),
        )
        assert result["kinds"]["condition"] == {"tp": 1, "fp": 1, "expected": 1, "found": 1}

    def test_bare_mention_written_is_an_error_but_suggested_is_fine(self):
        written = ev.score_article(
            answer(entities=[SCIATICA, STENOSIS]),
            plan(page("condition", "Sciatica", paragraph()), page("cause", "Spinal stenosis")),
        )
        assert written["kinds"]["cause"]["fp"] == 1
        assert written["bare_written"] == 1
        suggested = ev.score_article(
            answer(entities=[SCIATICA, STENOSIS]),
            plan(
                page("condition", "Sciatica", paragraph()),
                page("cause", "Spinal stenosis", include=False, action="suggest"),
            ),
        )
        assert suggested["kinds"]["cause"]["fp"] == 0
        assert suggested["bare_written"] == 0
        assert suggested["suggested"] == 1

    def test_unlisted_subject_is_neutral(self):
        result = ev.score_article(
            answer(entities=[DISC]), plan(page("condition", "Sciatica", paragraph()))
        )
        assert result["kinds"]["condition"] == {"tp": 0, "fp": 0, "expected": 0, "found": 0}
        assert result["subject_ok"]

    def test_not_entities_written_and_suggested(self):
        result = ev.score_article(
            answer(entities=[SCIATICA], not_entities=["Bed rest", "Surgery"]),
            plan(
                page("condition", "Sciatica", paragraph()),
                page("treatment", "Bed rest", paragraph()),
                page("treatment", "Surgery", include=False, action="suggest"),
            ),
        )
        assert result["not_entities_written"] == 1
        assert result["not_entities_suggested"] == 1

    def test_index_pages_are_not_entity_pages(self):
        result = ev.score_article(
            answer(entities=[SCIATICA]),
            plan(page("index", "Back health"), page("condition", "Sciatica", paragraph())),
        )
        assert result["kinds"]["condition"]["tp"] == 1
        assert result["stubs"] == {"written": 1, "stubs": 0}


class TestSubject:
    def test_main_page_title_against_subject_and_aliases(self):
        assert ev.score_article(answer(), plan(page("condition", "Sciatic nerve pain")))[
            "subject_ok"
        ]
        wrong = ev.score_article(answer(), plan(page("condition", "First post")))
        assert not wrong["subject_ok"]
        assert "First post" in wrong["failures"]["subject"][0]

    def test_unsupported_language_article_with_no_pages_is_right(self):
        ru = answer(subject="Грыжа", expected_flags=["unsupported_language"])
        result = ev.score_article(ru, plan(flags=[Flag(kind="unsupported_language", text="ru")]))
        assert result["subject_ok"]
        assert result["flags"] == {"expected": 1, "raised": 1}
        assert not ev.score_article(ru, plan())["flags"]["raised"]


class TestWarnings:
    def test_found_severity_and_precision(self):
        expected = answer(
            warnings=[
                {"severity": "emergency", "contains": "Call 999 or go to A&E"},
                {"severity": "urgent", "contains": "sciatica on both sides"},
                {"severity": "see_doctor", "contains": "not improved after a few weeks"},
            ],
            not_warnings=["About 9 in 10 people get better without seeing a specialist."],
        )
        result = ev.score_article(
            expected,
            plan(
                page(
                    "condition",
                    "Sciatica",
                    warning(
                        "emergency", "<p>Call 999 or go to A&amp;E if you have:</p>", ["numbness"]
                    ),
                    warning("see_doctor", "", ["you have sciatica on both sides"]),
                    warning(
                        "info",
                        "<p>About 9 in 10 people get better without seeing a specialist.</p>",
                    ),
                )
            ),
        )
        assert result["warnings"] == {
            "expected": 3,
            "found": 2,
            "agree": 1,
            "boxes": 3,
            "correct_boxes": 2,
            "not_warnings_boxed": 1,
        }
        assert result["failures"]["warnings_missed"] == ["not improved after a few weeks"]
        assert "see_doctor for urgent" in result["failures"]["severity_wrong"][0]

    def test_a_phrase_matches_a_list_item_written_without_its_full_stop(self):
        expected = answer(
            warnings=[{"severity": "caution", "contains": "Do not give aspirin to children."}]
        )
        boxed = plan(
            page(
                "condition",
                "Back pain",
                warning("caution", "", ["Do not give aspirin to children"]),
            )
        )
        assert ev.score_article(expected, boxed)["warnings"]["found"] == 1
        # Only the closing stop is optional: the words must all be there.
        short = answer(
            warnings=[{"severity": "caution", "contains": "aspirin to children under 16."}]
        )
        assert ev.score_article(short, boxed)["warnings"]["found"] == 0

    def test_warnings_on_suggested_pages_do_not_count(self):
        result = ev.score_article(
            answer(warnings=[{"severity": "caution", "contains": "check with a pharmacist"}]),
            plan(
                page("condition", "Sciatica", paragraph()),
                page(
                    "treatment",
                    "Ibuprofen",
                    warning("caution", "Check with a pharmacist first."),
                    include=False,
                    action="suggest",
                ),
            ),
        )
        assert result["warnings"]["found"] == 0


class TestExercises:
    def test_found_and_dose_agreement(self):
        expected = answer(
            exercises=[
                {
                    "name": "Knee to chest stretch",
                    "dose": {
                        "sets": None,
                        "repetitions": 3,
                        "hold_seconds": 20,
                        "per_side": True,
                        "times_per_day": None,
                    },
                },
                {
                    "name": "Bridge",
                    "dose": {
                        "sets": 3,
                        "repetitions": 12,
                        "hold_seconds": None,
                        "per_side": False,
                        "times_per_day": 2,
                    },
                },
                {
                    "name": "Bird dog",
                    "dose": {
                        "sets": None,
                        "repetitions": 10,
                        "hold_seconds": None,
                        "per_side": True,
                        "times_per_day": None,
                    },
                },
            ]
        )
        result = ev.score_article(
            expected,
            plan(
                page(
                    "condition",
                    "Sciatica",
                    exercises(
                        exercise(
                            "Knee-to-chest stretch", repetitions=3, hold_seconds=20, per_side=True
                        ),
                        exercise("Bridge", sets=3, repetitions=12),
                        exercise("Plank"),
                    ),
                )
            ),
        )
        assert result["exercises"] == {
            "expected": 3,
            "found": 2,
            "dosed": 2,
            "dose_agree": 1,
            "extra": 1,
        }
        assert result["failures"]["exercises_missed"] == ["Bird dog"]
        assert result["failures"]["dose_wrong"] == ["Bridge: times_per_day None for 2"]

    def test_an_answer_without_dose_scores_the_name_only(self):
        expected = answer(
            exercises=[
                {"name": "Bridge"},
                {"name": "Walk", "dose": {"times_per_day": 1, "days_per_week": 5}},
            ]
        )
        result = ev.score_article(
            expected,
            plan(
                page(
                    "condition",
                    "Sciatica",
                    exercises(
                        exercise("Bridge", sets=3),
                        exercise("Walk", times_per_day=1, days_per_week=3),
                    ),
                )
            ),
        )
        assert result["exercises"]["found"] == 2
        assert result["exercises"]["dosed"] == 1
        assert result["exercises"]["dose_agree"] == 0
        assert result["failures"]["dose_wrong"] == ["Walk: days_per_week 3 for 5"]


class TestChromeForeignStubs:
    def test_chrome_in_titles_summaries_and_blocks(self):
        result = ev.score_article(
            answer(must_drop=["Book online today", "Page views", "Last modified by", "Never here"]),
            plan(
                page(
                    "condition",
                    "Sciatica",
                    paragraph("<p>Text. <b>Book online</b> today!</p>"),
                    summary="Page views: 12",
                ),
                page("cause", "Last modified by admin", include=False, action="suggest"),
            ),
        )
        assert result["chrome"] == {"phrases": 4, "leaked": 3}

    def test_broken_entities_are_chrome_but_real_characters_are_not(self):
        drop = answer(must_drop=["&#8211;", "&nbsp;", "â€”"])
        clean = ev.score_article(
            drop, plan(page("condition", "Sciatica", paragraph("<p>Rest \u2013 then\xa0walk.</p>")))
        )
        assert clean["chrome"]["leaked"] == 0
        broken = ev.score_article(
            drop,
            plan(
                page(
                    "condition",
                    "Sciatica",
                    paragraph("<p>Rest &amp;#8211; then&amp;nbsp;walk \u00e2\u20ac\u201d.</p>"),
                )
            ),
        )
        assert broken["failures"]["chrome_leaked"] == ["&#8211;", "&nbsp;", "â€”"]

    def test_table_cells_are_page_text(self):
        table = BlockPlan(
            "table",
            {
                "data": [["Service", "Price"], ["Book online today", "£40"]],
                "table_caption": "Page views",
                "table_header_choice": "row",
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "cell": [],
                "mergeCells": [],
            },
        )
        text = ev.block_text(table)
        assert "book online today £40" in text and "page views" in text
        result = ev.score_article(
            answer(must_drop=["Book online today", "Page views", "row"]),
            plan(page("condition", "Sciatica", table)),
        )
        # The header choice ("row") is a setting, not words on the page.
        assert result["failures"]["chrome_leaked"] == ["Book online today", "Page views"]

    def test_foreign_passages_flagged_and_kept_off_pages(self):
        german = "Bei anhaltenden Schmerzen wenden Sie sich an Ihren Arzt."
        polish = "Zobacz także: ból karku."
        result = ev.score_article(
            answer(foreign=[german, polish]),
            plan(
                page("condition", "Sciatica", paragraph(f"<p>Rest. {polish}</p>")),
                flags=[Flag(kind="non_english", text=german, language="de")],
            ),
        )
        assert result["foreign"] == {"phrases": 2, "unflagged": 1, "on_pages": 1}
        assert result["failures"]["foreign_unflagged"] == [polish]

    def test_whole_article_flag_covers_every_passage(self):
        result = ev.score_article(
            answer(foreign=["Немедленно вызовите скорую помощь"]),
            plan(flags=[Flag(kind="unsupported_language", text="", language="ru")]),
        )
        assert result["foreign"]["unflagged"] == 0

    def test_stub_share_and_fragments(self):
        result = ev.score_article(
            answer(entities=[SCIATICA]),
            plan(
                page("condition", "Sciatica", paragraph()),
                page("cause", "Looking down at your phone for hours."),
                page("treatment", "Heat", summary="Warmth eases stiff muscles."),
                page("treatment", "Ice", include=False, action="suggest"),
            ),
        )
        assert result["stubs"] == {"written": 3, "stubs": 1}
        assert result["fragments"] == 1

    def test_a_failed_analysis_scores_as_an_empty_plan(self):
        result = ev.score_article(
            answer(entities=[SCIATICA], expected_flags=["unsupported_language"]),
            {"pages": [], "flags": [], "error": "Unsupported language: ru"},
        )
        assert result["kinds"]["condition"]["found"] == 0
        assert result["flags"]["raised"] == 1


class TestSummary:
    def test_micro_averages_over_articles(self):
        one = ev.score_article(
            answer(entities=[SCIATICA]), plan(page("condition", "Sciatica", paragraph()))
        )
        two = ev.score_article(
            answer(entities=[SCIATICA, {**DISC, "kind": "condition"}]),
            plan(page("condition", "Sciatica"), page("condition", "Different")),
        )
        summary = ev.summarise([one, two])
        assert summary["condition"]["precision"] == round(2 / 3, 3)
        assert summary["condition"]["recall"] == round(2 / 3, 3)
        assert summary["cause"]["precision"] is None
        assert summary["stubs"] == {"stubs": 2, "written": 3, "share": round(2 / 3, 3)}
        assert summary["subject"]["correct"] == 2
        labels = [label for label, _ in ev.summary_rows(summary)]
        assert "stub share" in labels and "conditions P / R" in labels


class TestAnswers:
    def test_missing_key_and_bad_severity_are_rejected(self):
        good = answer()
        broken = dict(good)
        del broken["foreign"]
        with pytest.raises(ev.AnswerError, match="foreign"):
            ev.validate_answer(broken)
        with pytest.raises(ev.AnswerError, match="severity"):
            ev.validate_answer({**good, "warnings": [{"severity": "red", "contains": "x"}]})
        with pytest.raises(ev.AnswerError, match="kind"):
            ev.validate_answer({**good, "entities": [{"kind": "symptom", "name": "Pain"}]})

    def test_command_refuses_a_malformed_answer_file(self, tmp_path, capsys):
        half = tmp_path / "dev"
        half.mkdir()
        (half / "a.txt").write_text("Sciatica\n\nText.\n")
        (half / "a.answer.json").write_text(json.dumps({"style": "x"}))
        assert ev.main(["--corpus", str(tmp_path), "--half", "dev"]) == 2
        assert "missing key" in capsys.readouterr().err

    def test_command_refuses_an_article_without_answer(self, tmp_path, capsys):
        (tmp_path / "dev").mkdir()
        (tmp_path / "dev" / "a.txt").write_text("Sciatica\n")
        assert ev.main(["--corpus", str(tmp_path)]) == 2
        assert "without an answer" in capsys.readouterr().err

    def test_command_prints_the_table_and_json(self, tmp_path, capsys):
        half = tmp_path / "dev"
        half.mkdir()
        (half / "a.txt").write_text(
            "Sciatica\n\nSciatica is pain that travels down the leg from the lower back.\n\n"
            "Treatment\n\nPhysiotherapy helps most people with exercises and advice.\n"
        )
        (half / "a.answer.json").write_text(json.dumps(answer(format="txt", entities=[SCIATICA])))
        assert ev.main(["--corpus", str(tmp_path), "--verbose"]) == 0
        out = capsys.readouterr().out
        assert "a.txt" in out and "conditions P / R" in out and "heldout half not present" in out
        assert ev.main(["--corpus", str(tmp_path), "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["dev"]["summary"]["articles"] == 1

    def test_command_scores_only_the_articles_asked_for(self, tmp_path, capsys):
        half = tmp_path / "dev"
        half.mkdir()
        for stem in ("batch_a", "batch_b", "other"):
            (half / f"{stem}.txt").write_text(
                "Sciatica\n\nSciatica is pain that travels down the leg from the lower back.\n"
            )
            (half / f"{stem}.answer.json").write_text(
                json.dumps(answer(format="txt", entities=[SCIATICA]))
            )
        assert ev.main(["--corpus", str(tmp_path), "--json", "--only", "batch_*"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["dev"]["summary"]["articles"] == 2


def test_a_sentence_the_plan_keeps_nowhere_is_lost():
    page = PagePlan(
        kind="condition",
        title="Sciatica",
        blocks=[BlockPlan("paragraph", "<p>Short walks help the nerve settle down.</p>")],
    )
    plan = ArticlePlan(
        source=SourceInfo(name="a.md", sha256="", format="markdown", bytes=1),
        title="Sciatica",
        pages=[page],
    )
    sentences = [
        "Short walks help the nerve settle down.",
        "Most people recover within six weeks without treatment.",
        "Hold for 30 seconds, 3 times a day.",
    ]

    assert ev.lost_sentences(sentences, plan) == [
        "Most people recover within six weeks without treatment."
    ]
