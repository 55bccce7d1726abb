"""Language identification: foreign passages are flagged, English is never mistaken for
another language, and an article in a language the rules do not cover gets no pages."""

from __future__ import annotations

import pytest
from django.test import override_settings

from back_health.importer.clean import clean_document
from back_health.importer.language import detect_language, foreign_language
from back_health.importer.parse import parse_document
from back_health.imports.service import UNSUPPORTED_LANGUAGE, analyse

ENGLISH = (
    "Back pain is common and usually gets better within a few weeks. "
    "Keep moving and take painkillers if you need them."
)


def cleaned_html(paragraph: str):
    html = f"<html><body><h1>Back pain</h1><p>{paragraph}</p><p>{ENGLISH}</p></body></html>"
    return clean_document(parse_document(html, "html"))


@pytest.mark.parametrize(
    "first, language",
    [
        ("Боль в спине бывает у всех.", "ru"),
        ('<span lang="RU">Боль в спине бывает у всех.</span>', "ru"),
        ("Ból pleców zwykle mija w ciągu kilku tygodni.", "pl"),
        ("Der Rückenschmerz vergeht meistens nach ein paar Wochen.", "de"),
        ("El dolor de espalda suele mejorar en unas semanas.", "es"),
        ("腰痛是一种常见的疾病，多数人几周内会好转。", "zh"),
        ("腰痛は多くの人が経験する症状です。", "ja"),
        ("آلام الظهر شائعة جدا وتتحسن عادة خلال أسابيع.", "ar"),
        ("Ο πόνος στην πλάτη συνήθως περνάει σε λίγες εβδομάδες.", "el"),
    ],
)
def test_a_foreign_first_sentence_inside_an_english_paragraph_is_flagged(first, language):
    doc = cleaned_html(f"{first} {ENGLISH}")
    assert doc.language == "en"
    assert [(flag.kind, flag.language) for flag in doc.flags] == [("non_english", language)]
    kept = doc.sections[0].blocks[0].text
    assert kept == ENGLISH


@pytest.mark.parametrize(
    "short, language",
    [
        ("Dziękuję bardzo, pani doktor!", "pl"),
        ("Vă mulțumim pentru răbdare.", "ro"),
        ("Muito obrigada pela ajuda!", "pt"),
        # "an" and "as" are English function words too: the model decides.
        ("Tá an fhoireann ar fáil as seo amach.", "ga"),
    ],
)
def test_a_short_foreign_sentence_the_model_is_sure_of_is_flagged(short, language):
    doc = cleaned_html(f"{short} {ENGLISH}")
    assert [(flag.kind, flag.language) for flag in doc.flags] == [("non_english", language)]
    assert doc.sections[0].blocks[0].text == ENGLISH


def test_a_hindi_sentence_ends_at_its_danda_and_is_flagged_alone():
    hindi = "हर शनिवार को क्लिनिक में मुफ़्त जाँच होती है।"
    doc = cleaned_html(f"{hindi} {ENGLISH}")
    assert [(flag.kind, flag.text, flag.language) for flag in doc.flags] == [
        ("non_english", hindi, "hi")
    ]
    assert doc.sections[0].blocks[0].text == ENGLISH


def test_foreign_text_in_dropped_chrome_is_flagged_though_never_on_a_page():
    html = (
        "<html><body><main><h1>Back pain</h1>"
        f"<p>{ENGLISH}</p><p>Most people need no scan. {ENGLISH}</p></main>"
        "<aside><p>Vă mulțumim pentru răbdare și vă așteptăm la clinică.</p></aside>"
        "</body></html>"
    )
    doc = clean_document(parse_document(html, "html"))
    assert any("clinică" in dropped.text for dropped in doc.dropped)
    assert [(flag.kind, flag.language) for flag in doc.flags] == [("non_english", "ro")]
    assert all("clinică" not in block.text for s in doc.sections for block in s.blocks)


def test_a_foreign_sentence_with_a_colon_is_flagged_whole_though_neither_half_is_alone():
    sentence = "Nackenschmerz plus Fieber beim Kind: an eine Meningitis denken!"
    doc = cleaned_html(f"{sentence} {ENGLISH}")
    assert [(flag.language, flag.text) for flag in doc.flags] == [("de", sentence)]
    assert doc.sections[0].blocks[0].text == ENGLISH


def test_short_foreign_sentences_each_too_short_alone_are_read_together():
    # A quoted remark of two short sentences: neither says enough alone.
    doc = cleaned_html(f'"Stai dritto, Marco! Sembri un vecchio." {ENGLISH}')
    assert [(flag.language, flag.text) for flag in doc.flags] == [
        ("it", '"Stai dritto, Marco! Sembri un vecchio."')
    ]
    assert doc.sections[0].blocks[0].text == ENGLISH


@pytest.mark.parametrize(
    "line, foreign, kept",
    [
        # A label, then what someone wrote in another language.
        (
            "sunnyside-kat added: nossa, uso colete há dois anos e ainda não me acostumei. "
            "força pra todas nós.",
            "nossa, uso colete há dois anos e ainda não me acostumei. força pra todas nós.",
            "sunnyside-kat added:",
        ),
        # A line given in two languages: the separator leaves with the other half.
        (
            "Please ask at reception for help. / Gofynnwch yn y dderbynfa am help.",
            "Gofynnwch yn y dderbynfa am help.",
            "Please ask at reception for help.",
        ),
        # A short greeting goes with the foreign sentence beside it.
        (
            "Message from Ana · ¡Mucho ánimo, Sofía! Toda la familia de Valencia está contigo.",
            "¡Mucho ánimo, Sofía! Toda la familia de Valencia está contigo.",
            "Message from Ana",
        ),
    ],
)
def test_a_foreign_passage_after_a_label_or_separator_is_flagged_and_the_rest_kept(
    line, foreign, kept
):
    doc = cleaned_html(f"{line} {ENGLISH}")
    assert [flag.text for flag in doc.flags] == [foreign]
    assert doc.sections[0].blocks[0].text == f"{kept} {ENGLISH}"


@pytest.mark.parametrize(
    "line",
    [
        # Menus, references and short English sentences, split or read together, name
        # no other language.
        "Reply · Share · Report u/quiet_cat · 9h ·",
        "Spine Rev. 2012;7:301-9. Osei A, et al. J Spinal Balance. 2019;11:55-63.",
        "Yes. No. Not sure. Ask us.",
        "Dose: 200 mg. Taken: twice a day.",
        "Heat / ice: whichever you prefer.",
    ],
)
def test_parts_of_an_english_line_are_not_taken_for_another_language(line):
    assert cleaned_html(f"{line} {ENGLISH}").flags == []


@pytest.mark.parametrize(
    "term",
    [
        "Cauda equina syndrome",
        "Spina bifida occulta",
        "Café au lait spots",
        "Pars interarticularis defect",
        "Morbus Scheuermann",
        "Tai chi classes",
        "Dr Anna Kowalska",
        "Español",
    ],
)
def test_a_short_english_term_the_model_reads_as_latin_or_french_stays(term):
    assert foreign_language(term, "en") == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "Sit up straight.",
        "Na and K levels were normal in the blood test at the clinic.",
        "Do nie stretches, to be honest, if it hurts: stop.",
        "Scoliosis, pathological kyphosis and lordosis.",
        "Ibuprofen, naproxen and diclofenac tablets.",
        "To do so, lie on your back with your knees bent.",
        "Cupping (拔罐) and acupuncture are offered at the clinic twice a week.",
        "The Greek letter α is used for alpha-blockers in some leaflets.",
    ],
)
def test_english_sentences_are_never_flagged_as_another_language(sentence):
    assert foreign_language(sentence, "en") == ""
    assert cleaned_html(f"{sentence} {ENGLISH}").flags == []


@pytest.mark.parametrize(
    "text, language",
    [
        (ENGLISH, "en"),
        # "a" is an English word as well as a Portuguese one.
        ("A nerve root injection puts steroid and local anaesthetic near a nerve.", "en"),
        (
            "Остеохондроз — дегенеративное заболевание позвоночника, при котором поражаются "
            "межпозвонковые диски и страдают соседние ткани.",
            "ru",
        ),
        (
            "Il mal di schiena passa di solito in poche settimane, ma è importante restare attivi "
            "e chiedere consiglio al medico se il dolore non migliora.",
            "it",
        ),
    ],
)
def test_the_article_language_is_identified(text, language):
    assert detect_language(text) == language


RUSSIAN_ARTICLE = """Остеохондроз поясничного отдела

Остеохондроз — это дегенеративное заболевание позвоночника, при котором поражаются \
межпозвонковые диски.

Причины

Основные причины остеохондроза:
- малоподвижный образ жизни;
- лишний вес;
- травмы спины.

Лечение

Лечение включает лечебную физкультуру, массаж и приём обезболивающих препаратов.
"""


def test_an_article_in_an_unsupported_language_is_flagged_and_gets_no_pages():
    plan = analyse(RUSSIAN_ARTICLE.encode(), "osteochondrosis.txt")
    assert plan.pages == []
    assert plan.status == "skipped"
    (flag,) = [flag for flag in plan.flags if flag.kind == UNSUPPORTED_LANGUAGE]
    assert flag.language == "ru"
    assert "ru" in plan.error


def test_a_site_that_adds_a_language_gets_its_articles_classified():
    with override_settings(BACK_HEALTH={"IMPORT_LANGUAGES": ["en", "ru"]}):
        plan = analyse(RUSSIAN_ARTICLE.encode(), "osteochondrosis.txt")
    assert plan.status != "skipped"
    assert not [flag for flag in plan.flags if flag.kind == UNSUPPORTED_LANGUAGE]


def test_an_english_article_is_supported():
    text = f"Back pain\n\n{ENGLISH}\n\nCauses\n\nPoor posture can strain the back.\n"
    plan = analyse(text.encode(), "back-pain.txt")
    assert plan.pages and not [f for f in plan.flags if f.kind == UNSUPPORTED_LANGUAGE]


def test_a_sentence_in_a_script_without_capitals_is_its_own_sentence():
    doc = cleaned_html(f"Lumbar strain is common. 腰肌劳损是一种常见的慢性腰痛。 {ENGLISH}")
    assert [(flag.kind, flag.language) for flag in doc.flags] == [("non_english", "zh")]
    assert doc.sections[0].blocks[0].text == f"Lumbar strain is common. {ENGLISH}"


def test_an_article_in_a_script_no_rule_set_covers_is_flagged_and_gets_no_pages():
    text = (
        "腰肌劳损\n\n腰肌劳损是一种常见的慢性腰痛。多见于长期伏案工作的人群。\n\n"
        "治疗\n\n推拿和针灸可以缓解疼痛。\n"
    )
    plan = analyse(text.encode(), "article.txt")
    assert plan.pages == []
    (flag,) = [flag for flag in plan.flags if flag.kind == UNSUPPORTED_LANGUAGE]
    assert flag.language == "zh"


#: A bilingual leaflet written for the test: each English paragraph, then its Welsh.
BILINGUAL = "\n\n".join(
    [
        "Gwasanaeth Ffisiotherapi / Physiotherapy Service",
        "Shoulder impingement",
        "Information for patients / Gwybodaeth i gleifion",
        (
            "This leaflet explains shoulder impingement, a common cause of pain when lifting "
            "the arm."
        ),
        (
            "Mae'r daflen hon yn esbonio gwrthdaro ysgwydd, achos cyffredin o boen wrth "
            "godi'r fraich."
        ),
        "What is it? / Beth ydyw?",
        (
            "A tendon in the shoulder rubs on the bone above it when the arm is raised, and "
            "becomes sore and swollen."
        ),
        (
            "Mae tendon yn yr ysgwydd yn rhwbio ar yr asgwrn uwch ei ben pan fydd y fraich yn"
            " cael ei chodi, ac mae'n mynd yn boenus ac wedi chwyddo."
        ),
        "Treatment / Triniaeth",
        ("Most people get better with exercises from a physiotherapist over six to twelve weeks."),
        (
            "Mae'r rhan fwyaf o bobl yn gwella gydag ymarferion gan ffisiotherapydd dros "
            "chwech i ddeuddeg wythnos."
        ),
        "Ar ôl y driniaeth",
        (
            "Call us if the pain is no better after twelve weeks of exercises, so we can "
            "review your plan."
        ),
        (
            "Ffoniwch ni os nad yw'r boen yn well ar ôl deuddeg wythnos o ymarferion, er mwyn"
            " i ni adolygu eich cynllun."
        ),
    ]
)


def test_a_bilingual_article_is_read_in_the_language_the_rules_cover():
    plan = analyse(BILINGUAL.encode(), "leaflet.txt")
    assert UNSUPPORTED_LANGUAGE not in {f.kind for f in plan.flags}
    flagged = {f.text for f in plan.flags if f.language == "cy"}
    # Long passages, short lines and the Welsh half of a line in both languages.
    assert any(text.startswith("Mae'r daflen hon") for text in flagged)
    assert {"Beth ydyw?", "Ar ôl y driniaeth", "Triniaeth"} <= flagged
    texts = " ".join(str(block.value) for page in plan.pages for block in page.blocks)
    assert "Beth ydyw" not in texts and "Mae'r" not in texts
    assert "Most people get better with exercises" in texts
    assert plan.pages[0].title == "Shoulder impingement"


def test_an_article_wholly_in_a_language_without_rules_stays_unsupported():
    welsh_only = "\n\n".join(
        p for p in BILINGUAL.split("\n\n") if p.startswith(("Mae", "Ffoniwch"))
    )
    plan = analyse(welsh_only.encode(), "erthygl.txt")
    assert UNSUPPORTED_LANGUAGE in {f.kind for f in plan.flags}
    assert plan.pages == []


def test_a_short_heading_over_text_all_in_another_language_is_flagged_with_it():
    from back_health.importer.clean import clean_document
    from back_health.importer.parse import parse_document

    html = (
        "<html><body><section lang='en'><h1>Brucellosis of the spine</h1><p>Brucellosis is"
        " an infection caught from unpasteurized milk and from farm animals. It can settle"
        " in the bones of the lower back and cause a deep, constant ache.</p><h2>How is it"
        " treated?</h2><p>It is treated with two antibiotics taken together for at least"
        " three months. Take every dose, even when you feel better, because the infection"
        " can come back if you stop early.</p><p>Call 911 if you cannot move your legs or"
        " you lose control of your bladder or bowels.</p></section>"
        "<section lang='es'><h2>¿Cómo se contagia?</h2><p>La mayoría de las personas se "
        "contagia al consumir leche o queso sin pasteurizar, o al trabajar con animales de "
        "granja. Puede afectar los huesos de la parte baja de la espalda.</p></section>"
        "</body></html>"
    )
    doc = clean_document(parse_document(html, "html"))
    flagged = {flag.text for flag in doc.flags if flag.language == "es"}
    assert "¿Cómo se contagia?" in flagged


def test_a_heading_plainly_in_the_main_language_stays_over_a_foreign_passage():
    # A leaflet printed from a page whose headline is followed by a line in Urdu (a PDF
    # carries no lang attribute): the headline reads as English and stays.
    text = (
        "# Aching back and bones? It could be osteomalacia\n\n"
        "وٹامن ڈی ہماری ہڈیوں کو مضبوط رکھنے کے لیے ضروری ہے۔ جسم یہ وٹامن زیادہ تر دھوپ سے"
        " بناتا ہے۔\n\n"
        "## What is osteomalacia?\n\n"
        "Osteomalacia means soft bones. It happens when the body does not have enough"
        " vitamin D to take calcium into the bones, so they slowly become weaker.\n"
    )
    doc = clean_document(parse_document(text, "md"))
    flagged = {flag.text for flag in doc.flags}
    assert any(text.startswith("وٹامن") for text in flagged), "the Urdu is flagged"
    assert "Aching back and bones? It could be osteomalacia" not in flagged


def test_a_foreign_heading_over_text_in_the_main_language_leaves_the_page():
    from back_health.importer.clean import clean_document
    from back_health.importer.parse import parse_document

    html = (
        "<html><body><h1>Skeletal fluorosis</h1><p>Skeletal fluorosis is a bone disease "
        "caused by drinking water with too much fluoride for many years. The bones of the "
        "spine thicken and the back becomes stiff.</p><p>It is common in villages where the "
        "well water is high in fluoride, and in people who drink a lot of strong tea.</p>"
        "<h2 lang='hi'>डॉक्टर से कब मिलें?</h2><p>See a doctor if stiffness in your back "
        "lasts more than a few weeks.</p></body></html>"
    )
    doc = clean_document(parse_document(html, "html"))
    assert "डॉक्टर से कब मिलें?" not in [s.heading for s in doc.sections]
    assert any(f.text == "डॉक्टर से कब मिलें?" for f in doc.flags)
    assert "See a doctor if stiffness" in " ".join(b.text for s in doc.sections for b in s.blocks)


@pytest.mark.parametrize(
    "heading",
    ["Does tai chi help back pain?", "Can tai chi help my back?", "Tai chi and back pain"],
)
def test_a_heading_naming_a_practice_from_another_language_stays_english(heading):
    # "chi" is a Welsh word and the model leans Welsh on these few words; the heading
    # holds as many English function words as Welsh ones, and the model is not sure.
    assert foreign_language(heading, "en") == ""
    plan = analyse(
        f"# Tai chi\n\nTai chi is a slow, flowing exercise.\n\n## {heading}\n\nSmall"
        " studies found less pain after ten weeks of classes.\n".encode(),
        "tai-chi.md",
    )
    assert not plan.flags or all(f.kind != "non_english" for f in plan.flags)
    headings = [b.value["text"] for b in plan.pages[0].blocks if b.type == "heading"]
    assert heading in headings
