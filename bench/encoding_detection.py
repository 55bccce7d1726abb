"""Compare the loader's encoding detection with ``charset-normalizer`` on our own samples.

Each sample is written in one language and encoded in a legacy encoding; a detector
is right when its decoding gives the original text back. Prints accuracy and time.

Run: ``python bench/encoding_detection.py``
"""

from __future__ import annotations

import time

from back_health.importer.load import _decode_single_byte, decode_bytes

SAMPLES = {
    "en": "Back pain usually gets better within a few weeks. Keep moving – it helps; "
    "the physiotherapist’s advice is “little and often”. Café visits are fine.",
    "ru": "Боль в спине обычно проходит за несколько недель. Старайтесь двигаться, "
    "делайте упражнения и обратитесь к врачу, если боль не проходит.",
    "uk": "Біль у спині зазвичай минає за кілька тижнів. Рухайтеся, виконуйте вправи "
    "і зверніться до лікаря, якщо біль не минає.",
    "de": "Rückenschmerzen verschwinden meistens nach ein paar Wochen. Bewegung ist "
    "wichtiger als Bettruhe; gehen Sie zum Arzt, wenn es schlimmer wird.",
    "fr": "Le mal de dos disparaît généralement en quelques semaines. Restez actif, "
    "faites des étirements et consultez un médecin si la douleur persiste.",
    "es": "El dolor de espalda suele mejorar en unas semanas. Manténgase activo, haga "
    "estiramientos y consulte a un médico si el dolor no mejora.",
    "pl": "Ból pleców zwykle mija w ciągu kilku tygodni. Ruszaj się, wykonuj ćwiczenia "
    "rozciągające i skonsultuj się z lekarzem, jeśli ból nie ustępuje.",
}

CASES = [
    ("en", "cp1252"),
    ("de", "cp1252"),
    ("fr", "cp1252"),
    ("es", "latin-1"),
    ("ru", "cp1251"),
    ("uk", "cp1251"),
    ("ru", "koi8-r"),
    ("pl", "cp1250"),
    ("pl", "iso-8859-2"),
    ("ru", "utf-8"),
]


def word_shapes(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_single_byte(raw)[0]


def loader(raw: bytes) -> str:
    return decode_bytes(raw)[0]


def normalizer(raw: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    return str(best) if best is not None else ""


def main() -> None:
    detectors = {
        "word shapes (cp1251/cp1252, old)": word_shapes,
        "loader (as shipped)": loader,
    }
    try:
        import charset_normalizer  # noqa: F401

        detectors["charset-normalizer"] = normalizer
    except ImportError:
        print("charset-normalizer not installed")
    for name, detect in detectors.items():
        started = time.perf_counter()
        wrong = []
        for language, encoding in CASES:
            text = SAMPLES[language] * 3
            if detect(text.encode(encoding)) != text:
                wrong.append(f"{language}/{encoding}")
        elapsed = (time.perf_counter() - started) * 1000 / len(CASES)
        right = len(CASES) - len(wrong)
        print(f"{name:<40} {right}/{len(CASES)} right, {elapsed:.2f} ms each; wrong: {wrong}")


if __name__ == "__main__":
    main()
