"""How well a PDF reads against the web page it was printed from: the development half
of the evaluation corpus's HTML articles (never the held-out half), each printed to PDF
by headless Chromium, scored with the same answers as the page.

Prints the evaluation figures of the HTML articles and of their PDFs side by side, and
the seconds the PDFs took to read. A PDF printed from a web page keeps the page's
furniture (cookie banners, menus) and loses its markup: headings come back only from
the sizes the text is set in, lists from bullets and indentation, foreign passages
from language identification alone (no ``lang`` attribute).

Needs Chromium (Debian's ``chromium``) and the ``pdf`` extra; says so and stops
without them. Run: ``python bench/printed_pdfs.py`` (every HTML article, a few
minutes), ``--quick`` or ``BENCH_QUICK=1`` (the first 20).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from back_health.importer.pipeline import analyse  # noqa: E402
from tests.corpus import evaluate as ev  # noqa: E402

DEV = ROOT / "tests" / "corpus" / "dev"
QUICK_ARTICLES = 20


def chromium() -> str:
    return shutil.which("chromium") or shutil.which("chromium-browser") or ""


def print_pdf(browser: str, page: Path, pdf: Path) -> bool:
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        page.as_uri(),
    ]
    try:
        subprocess.run(command, capture_output=True, timeout=60, check=False)
    except subprocess.TimeoutExpired:
        return False
    return pdf.exists() and pdf.stat().st_size > 0


def score(answer: dict, data: bytes, name: str) -> dict:
    try:
        plan = analyse(data, name)
    except Exception:  # noqa: BLE001 - a failed read scores as an empty plan
        plan = {"pages": [], "flags": []}
    result = ev.score_article(answer, plan)
    result["content"] = {"sentences": 0, "lost": 0}
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help=f"the first {QUICK_ARTICLES}")
    options = parser.parse_args()
    quick = options.quick or os.environ.get("BENCH_QUICK") == "1"
    browser = chromium()
    if not browser or find_spec("pypdf") is None:
        print("Chromium or the 'pdf' extra (pypdf) is missing: nothing measured.")
        return
    pages = sorted(DEV.glob("*.html"))[: QUICK_ARTICLES if quick else None]
    scores: dict[str, list[dict]] = {"html": [], "pdf": []}
    reading = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for page in pages:
            pdf = Path(folder) / f"{page.stem}.pdf"
            if not print_pdf(browser, page, pdf):
                print(f"{page.name}: Chromium printed nothing; left out")
                continue
            answer = ev.load_answer(DEV / f"{page.stem}.answer.json")
            scores["html"].append(score(answer, page.read_bytes(), page.name))
            started = time.process_time()
            scores["pdf"].append(score(answer, pdf.read_bytes(), pdf.name))
            reading += time.process_time() - started
    rows = {half: dict(ev.summary_rows(ev.summarise(found))) for half, found in scores.items()}
    print(f"{len(scores['pdf'])} development HTML articles and the PDFs Chromium printed")
    print(f"{'':24}{'HTML':44}PDF")
    for label, value in rows["html"].items():
        if label != "sentences lost":  # the PDFs' own sentences are not counted
            print(f"{label:24}{value:44}{rows['pdf'][label]}")
    count = len(scores["pdf"]) or 1
    print(f"analysis of the PDFs: {1000 * reading / count:.0f} ms CPU per article")


if __name__ == "__main__":
    main()
