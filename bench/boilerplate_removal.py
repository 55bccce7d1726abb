"""Compare boilerplate removal: the importer's parse and clean steps against
``trafilatura`` and ``jusText`` (each when installed) on the development half of the
evaluation corpus's HTML articles (never the held-out half).

For each article: the share of its answer's must-drop phrases that leak into the kept
text, and the share of its expected warning passages and entity names kept.

Run: ``python bench/boilerplate_removal.py``
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from back_health.importer.clean import clean_document
from back_health.importer.errors import ImportSourceError
from back_health.importer.load import load_source
from back_health.importer.parse import parse_document

DEV = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "dev"


def importer_text(raw: bytes, name: str) -> str:
    loaded = load_source(raw, name, max_bytes=10 * 1024 * 1024)
    try:
        doc = clean_document(parse_document(loaded.text, loaded.format))
    except ImportSourceError:
        return ""
    texts = [doc.title]
    for section in doc.sections:
        texts.append(section.heading)
        for block in section.blocks:
            texts.append(getattr(block, "text", ""))
            texts.extend(item.text for item in getattr(block, "items", []))
    return "\n".join(texts)


def trafilatura_text(raw: bytes, name: str) -> str:
    import trafilatura

    return trafilatura.extract(raw.decode("utf-8", "replace"), include_tables=True) or ""


def justext_text(raw: bytes, name: str) -> str:
    import justext

    paragraphs = justext.justext(raw, justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def score(extract) -> tuple[float, float, float, float]:
    leaked = dropped_total = kept = expected = 0
    started = time.perf_counter()
    for answer_path in sorted(DEV.glob("*.answer.json")):
        source = answer_path.with_name(answer_path.name.replace(".answer.json", ".html"))
        if not source.exists():
            continue
        answer = json.loads(answer_path.read_text())
        text = extract(source.read_bytes(), source.name).lower()
        for phrase in answer.get("must_drop", []):
            dropped_total += 1
            leaked += phrase.lower() in text
        wanted = [w["contains"] for w in answer.get("warnings", [])]
        wanted += [e["name"] for e in answer.get("entities", []) if e.get("page")]
        for phrase in wanted:
            expected += 1
            kept += phrase.lower() in text
    elapsed = time.perf_counter() - started
    return leaked / max(dropped_total, 1), kept / max(expected, 1), elapsed, dropped_total


def main() -> None:
    print(f"{'remover':<24}{'chrome leaked':>15}{'content kept':>15}{'seconds':>10}")
    for name, extract in (
        ("importer parse+clean", importer_text),
        ("trafilatura", trafilatura_text),
        ("jusText", justext_text),
    ):
        try:
            leaked, kept, elapsed, total = score(extract)
        except ImportError:
            print(f"{name:<24} not installed")
            continue
        print(f"{name:<24}{leaked:15.2f}{kept:15.2f}{elapsed:10.2f}")
    print(f"({total} must-drop phrases in the dev HTML articles)")


if __name__ == "__main__":
    main()
