"""What the domain vocabulary costs: loading the shipped rules, and reading articles.

Prints the one-off time to build the shipped RuleSet from ``importer/data/*.json``
(minimum of several cold builds; a process builds it once and caches it), the size of
the vocabulary, the time of the vocabulary look-ups on a long text, and the median
analysis time of the development corpus articles (every fourth with ``BENCH_QUICK=1``).

Run: ``python bench/vocabulary_speed.py``.
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from back_health.importer import rules as rules_module  # noqa: E402
from back_health.importer.pipeline import analyse  # noqa: E402


def best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def cold_build():
    re.purge()  # the patterns are compiled afresh, as in a new process
    rules_module.default_rules.__wrapped__()


def main() -> None:
    load = best_of(5, cold_build)
    rules = rules_module.default_rules()
    print(f"rules load (cold, best of 5)   {load * 1000:7.1f} ms")
    print(
        f"vocabulary                     {len(rules.medicines)} medicine names, "
        f"{len(rules.treatment_terms)} treatment terms, "
        f"{len(rules.condition_names)} condition names"
    )
    sentence = "She took Nurofen Plus, then co-codamol 30/500 for her slipped disc and a brace. "
    text = sentence * 2000  # about 160 KB
    seconds = best_of(3, lambda: rules.find_medicines(text))
    print(f"medicine look-up               {seconds / len(text) * 1e9:7.1f} ms per MB")
    seconds = best_of(3, lambda: rules.find_treatments(text))
    print(f"treatment look-up              {seconds / len(text) * 1e9:7.1f} ms per MB")
    names = ["Chronic wry neck", "Exercises for wry neck", "Lifting heavy boxes"] * 1000
    seconds = best_of(3, lambda: [rules.is_condition_term(n) for n in names])
    print(f"condition name test            {seconds / len(names) * 1e6:7.1f} us per name")
    articles = sorted((ROOT / "tests/corpus/dev").glob("*.*"))
    articles = [a for a in articles if not a.name.endswith(".json")]
    # Quick mode (CI) times every fourth article once after warming the caches on a
    # few; otherwise every article is warmed and timed at its best of 3.
    quick = os.environ.get("BENCH_QUICK") == "1"
    if quick:
        articles = articles[::4]
    for article in articles[:5] if quick else articles:  # warm caches
        analyse(article.read_bytes(), article.name, rules=rules)
    times = [
        best_of(1 if quick else 3, lambda a=article: analyse(a.read_bytes(), a.name, rules=rules))
        for article in articles
    ]
    print(
        f"dev articles analysed          median {statistics.median(times) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms ({len(times)} articles)"
    )


if __name__ == "__main__":
    main()
