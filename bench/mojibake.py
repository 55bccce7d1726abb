"""Compare the clean step's mojibake repair with ``ftfy`` on our own samples.

Each sample is a sentence whose UTF-8 bytes were read as Windows-1252 (once or twice);
a repair is right when it gives the sentence back, and it must leave correct text
(accented words, Cyrillic) alone. Prints accuracy and time.

Run: ``python bench/mojibake.py``
"""

from __future__ import annotations

import time

from back_health.importer.clean import fix_mojibake

GOOD = [
    "It’s “little and often” – don’t stop moving…",
    "Crème brûlée, café au lait and the naïve Müller’s façade: déjà vu.",
    "Боль в спине обычно проходит за несколько недель.",
    "Rückenschmerzen – was hilft? Wärme, Bewegung, Geduld.",
    "Take 400 mg × 3 daily; temperature above 38 °C needs a GP.",
    "El dolor de espalda suele mejorar en unas semanas: ¡muévase!",
]


def mangle(text: str, times: int = 1) -> str:
    for _ in range(times):
        text = text.encode("utf-8").decode("cp1252", errors="replace")
    return text


def main() -> None:
    repairs = {"clean step (round trip)": fix_mojibake}
    try:
        import ftfy

        # Curly quotes kept: ftfy straightens them by default, which is not a repair.
        config = ftfy.TextFixerConfig(uncurl_quotes=False)
        repairs["ftfy"] = lambda text: ftfy.fix_text(text, config)
    except ImportError:
        print("ftfy not installed")
    cases = [(mangle(text), text) for text in GOOD]
    cases += [(mangle(text, 2), text) for text in GOOD[:2]]
    cases += [(text, text) for text in GOOD]  # correct text must stay as it is
    for name, repair in repairs.items():
        started = time.perf_counter()
        wrong = [broken for broken, good in cases if repair(broken) != good]
        elapsed = (time.perf_counter() - started) * 1000 / len(cases)
        print(f"{name:<26} {len(cases) - len(wrong)}/{len(cases)} right, {elapsed:.3f} ms each")
        for broken in wrong:
            print(f"    wrong: {broken[:60]!r}")


if __name__ == "__main__":
    main()
