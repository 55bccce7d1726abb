"""Finding which of many patterns' words a text holds: an Aho-Corasick automaton
(``pyahocorasick``, what :class:`~back_health.importer.prefilter.Dispatch` uses) against
searches of a regular expression shaped as a trie of the same words (what it used before).

For the chrome patterns and for the cue patterns and treatment terms, over a text of
articles from the evaluation corpus's development half, prints the time per MB of each way
and checks that both find the same words. Never fails on timing.

Run: ``python bench/literal_scan.py``
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

import re  # noqa: E402

import ahocorasick  # noqa: E402

from back_health.importer.chrome import chrome_patterns  # noqa: E402
from back_health.importer.fold import fold_case  # noqa: E402
from back_health.importer.prefilter import required_literals, trie_pattern  # noqa: E402
from back_health.importer.rules import default_rules  # noqa: E402

MB = 1024 * 1024
RUNS = 5


def literal_sets() -> dict[str, set[str]]:
    chrome = {
        literal
        for pattern in chrome_patterns()[0]
        for literal in required_literals(pattern.regex.pattern, pattern.regex.flags, digits=True)
        or ()
    }
    rules = default_rules()
    cues = {
        literal
        for pairs in rules._cue_filtered.values()
        for _, literals in pairs
        for literal in literals or ()
    } | {literal for *_, literals in rules._treatments for literal in literals or ()}
    return {"chrome patterns": chrome, "cue patterns and treatment terms": cues}


def by_automaton(literals: set[str]):
    automaton = ahocorasick.Automaton()
    for literal in literals:
        automaton.add_word(literal, literal)
    automaton.make_automaton()
    return lambda text: {value for _, value in automaton.iter(text)}


def by_trie_regex(literals: set[str]):
    # The trie stops at a literal's end, so a literal that another starts with hides it;
    # each literal found is then extended with every longer one present at that place.
    search = re.compile(trie_pattern(literals)).search
    longer = {lit: [other for other in literals if other.startswith(lit)] for lit in literals}

    def found(text: str) -> set[str]:
        seen: set[str] = set()
        match = search(text)
        while match is not None:
            start = match.start()
            seen.update(o for o in longer[match.group()] if text.startswith(o, start))
            match = search(text, start + 1)
        return seen

    return found


def timed(function, text: str) -> tuple[float, set[str]]:
    best, result = float("inf"), set()
    for _ in range(RUNS):
        started = time.perf_counter()
        result = function(text)
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    corpus = ROOT / "tests" / "corpus" / "dev"
    text = fold_case(
        "\n".join(path.read_text(encoding="utf-8") for path in sorted(corpus.glob("*.txt")))
    )
    size = len(text.encode("utf-8"))
    print(f"text: the development half's plain-text articles, {size / 1024:.0f} KB")
    for name, literals in literal_sets().items():
        automaton_time, automaton_found = timed(by_automaton(literals), text)
        trie_time, trie_found = timed(by_trie_regex(literals), text)
        same = "same words" if automaton_found == trie_found else "DIFFERENT words"
        print(
            f"{name} ({len(literals)} words): automaton {1000 * automaton_time * MB / size:.0f}"
            f" ms per MB, trie regex {1000 * trie_time * MB / size:.0f} ms per MB,"
            f" ratio {trie_time / automaton_time:.1f}; {same}"
        )


if __name__ == "__main__":
    main()
