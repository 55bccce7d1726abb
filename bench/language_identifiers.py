"""Compare language identifiers on a small labelled set of our own sentences.

Prints accuracy (short and long sentences apart) and time per sentence for the
home-made stopword detector this project used before, ``py3langid`` and
``lingua-language-detector`` (each when installed). The set includes English
sentences the stopword detector used to read as Polish.

Run: ``python bench/language_identifiers.py``
"""

from __future__ import annotations

import time

#: (language, sentence). Our own writing; short ones are 3-6 words.
LABELLED = [
    ("en", "Back pain usually gets better within a few weeks."),
    ("en", "Keep moving and try to carry on with your normal activities."),
    ("en", "Sit up straight."),
    ("en", "Do it daily."),
    ("en", "Ice packs can help."),
    ("en", "Na and K levels were normal in the blood test at the clinic."),
    ("en", "Do nie stretches, to be honest, if it hurts: stop."),
    ("en", "A physio may suggest a programme of exercises to strengthen the core."),
    ("en", "Pain in the lower back can spread to the buttocks and legs."),
    ("en", "Take paracetamol or ibuprofen as the leaflet says."),
    ("en", "To do so, lie on your back with your knees bent."),
    ("en", "No, it is not a slipped disc."),
    ("en", "Ask a pharmacist about painkillers if the pain lasts more than a week."),
    ("en", "Sciatica is pain caused by irritation of the sciatic nerve."),
    ("en", "It is rare to need surgery for back pain."),
    ("ru", "Боль в спине обычно проходит за несколько недель."),
    ("ru", "Сидите прямо."),
    ("ru", "Обратитесь к врачу, если боль не проходит."),
    ("ru", "Остеохондроз поясничного отдела позвоночника встречается часто у взрослых."),
    ("ru", "Делайте упражнения каждый день."),
    ("uk", "Біль у спині зазвичай минає за кілька тижнів."),
    ("uk", "Зверніться до лікаря, якщо біль не минає."),
    ("uk", "Робіть вправи щодня."),
    ("uk", "Сидіть рівно і не сутультеся під час роботи за комп'ютером."),
    ("pl", "Ból pleców zwykle mija w ciągu kilku tygodni."),
    ("pl", "Siedź prosto."),
    ("pl", "Skonsultuj się z lekarzem, jeśli ból nie ustępuje."),
    ("pl", "Ćwiczenia rozciągające pomagają na rwę kulszową i sztywność karku."),
    ("de", "Rückenschmerzen verschwinden meistens nach ein paar Wochen."),
    ("de", "Sitzen Sie gerade."),
    ("de", "Gehen Sie zum Arzt, wenn die Schmerzen nicht besser werden."),
    ("de", "Bewegung ist wichtiger als Bettruhe bei Schmerzen im unteren Rücken."),
    ("fr", "Le mal de dos disparaît généralement en quelques semaines."),
    ("fr", "Tenez-vous droit."),
    ("fr", "Consultez un médecin si la douleur ne passe pas."),
    ("fr", "Les exercices d'étirement soulagent souvent la sciatique et la raideur."),
    ("es", "El dolor de espalda suele mejorar en unas semanas."),
    ("es", "Siéntese derecho."),
    ("es", "Consulte a un médico si el dolor no mejora."),
    ("es", "Los estiramientos diarios ayudan a prevenir la rigidez de la espalda."),
]

LANGUAGES = ("en", "ru", "uk", "pl", "de", "fr", "es")


def _stopwords():
    from back_health.importer.language import language_of, profile

    # The function-word vote alone, as the importer decided before the model.
    return lambda text: language_of(profile(text), default="en")


def _py3langid():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return lambda text: identifier.classify(text)[0]


def _lingua():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in LANGUAGES]
    detector = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()

    def detect(text):
        language = detector.detect_language_of(text)
        return language.iso_code_639_1.name.lower() if language else ""

    return detect


def main() -> None:
    print(f"{len(LABELLED)} labelled sentences in {', '.join(LANGUAGES)}")
    print(f"{'identifier':<28}{'all':>8}{'short':>8}{'long':>8}{'ms/sentence':>14}  wrong")
    for name, factory in (
        ("stopwords (old, home-made)", _stopwords),
        ("py3langid", _py3langid),
        ("lingua-language-detector", _lingua),
    ):
        try:
            started = time.perf_counter()
            detect = factory()
            load_ms = (time.perf_counter() - started) * 1000
        except ImportError:
            print(f"{name:<28} not installed")
            continue
        detect(LABELLED[0][1])  # warm up (lazy model loading)
        started = time.perf_counter()
        answers = [(code, text, detect(text)) for code, text in LABELLED]
        per_sentence = (time.perf_counter() - started) * 1000 / len(LABELLED)
        short = [a for a in answers if len(a[1].split()) <= 6]
        long = [a for a in answers if len(a[1].split()) > 6]

        def accuracy(rows):
            return sum(code == found for code, _, found in rows) / len(rows)

        wrong = [f"{code}->{found or '?'}" for code, _, found in answers if code != found]
        print(
            f"{name:<28}{accuracy(answers):8.2f}{accuracy(short):8.2f}{accuracy(long):8.2f}"
            f"{per_sentence:14.3f}  {' '.join(wrong)} (load {load_ms:.0f} ms)"
        )


if __name__ == "__main__":
    main()
