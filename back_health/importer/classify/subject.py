"""The main subject of an article: the condition its page is about."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..document import Document, Flag, ListBlock, Paragraph, Section
from ..language import stopwords
from ..names import (
    QUOTE_MARKS,
    bracketed_names,
    check_name,
    condition_name_from_title,
    first_title_part,
    headline_clause,
    injury_by_part,
    is_practitioner,
    name_key,
    noun_phrase,
    opens_with_verb,
    preferred_title,
    sentence_case,
    singular,
    split_sentences,
    subject_name,
    without_time,
)
from ..plan import UNTITLED_ARTICLE, Kind, MedicinePlan, PagePlan
from ..prefilter import finditer_caseless
from ..rules import RuleSet
from ..text import CAPITALS_LABEL_START, strip_tags, without_article
from .context import Context, add_alternate, relate
from .topics import HEADING_TOPICS


def main_condition(document: Document, state: Context) -> PagePlan:
    rules = state.rules
    title, name, because, kind = choose_subject(document, state)
    # A subject the title does not name: the title's parts are no other names of it.
    untitled = not name.strip()
    if untitled:
        name, because = untitled_name(document, state)
    name, second = two_conditions(name, rules)
    clipped = ""
    if is_clipped(name, whole := preferred_title(name, rules)):
        # "Living with fibro": a clipped name is short for the whole one, which names the
        # page; the clipped one is another name of it.
        clipped, name = name, whole
    named_with_people = name
    name = without_reader_setting(without_occupation(name, rules), rules)
    medicine = whole_medicine(name, rules)
    term = whole_treatment(name, rules) if medicine is None else None
    if medicine is not None:
        # A pharmacist's monograph is about a medicine: its main page is that treatment.
        page = state.entity(Kind.TREATMENT, name, "medicine", reason=f"main subject: {because}")
        if not page.medicines:
            page.medicines.append(MedicinePlan(generic=medicine.generic))
        # "Diclofenac gel": the medicine's own name and brands find this page, not another.
        state.pages.alias(medicine.generic, page)
    elif term is not None:
        # A leaflet about a procedure ("Epidural steroid injection") is about a treatment.
        page = state.entity(Kind.TREATMENT, name, term.kind, reason=f"main subject: {because}")
        # "Spinal brace" as the subject: the vocabulary's "Back brace" is this page.
        state.pages.alias(term.name, page)
    elif device := _is_aid(name, rules):
        # A product page or guide for an aid ("Perching stool") is about that treatment.
        page = state.entity(Kind.TREATMENT, name, "other", reason=f"main subject: {because}")
        found = rules.find_treatments(name)
        if len(found) == 1 and found[0][1].group(0).lower() == name.lower():
            # "Scoliosis bracing", which names its condition: the vocabulary's "Back
            # brace" is still this page.
            state.pages.alias(found[0][0].name, page)
    elif procedure := _is_procedure(name, rules):
        # "Interspinous spacer insertion": a procedure the vocabulary does not know;
        # "Fangotherapy": a therapy, of a kind an editor says.
        treated = "other" if _THERAPY.search(name) else "procedure"
        page = state.entity(Kind.TREATMENT, name, treated, reason=f"main subject: {because}")
    elif defined := kind == DEFINED_TREATMENT:
        # "RPG - Global Postural Reeducation: the treatment of the posture ...": the text
        # calls it a treatment, the vocabulary does not know it.
        page = state.entity(Kind.TREATMENT, name, "other", reason=f"main subject: {because}")
    else:
        page = state.entity(Kind.CONDITION, name, reason=f"main subject: {because}")
    is_treatment = medicine is not None or term is not None or device or procedure or defined
    state.decide(title or name, "treatment" if is_treatment else "condition", because)
    if is_treatment and (treated := _condition_treated(document.title, rules)):
        # "Yoga for low back pain", "Restorative neurostimulation ... for chronic low back
        # pain": the condition the treatment is for has a page of its own.
        other = state.entity(Kind.CONDITION, treated, reason=TREATED_REASON)
        relate(page, "related_conditions", other)
        state.decide(treated, "condition", TREATED_REASON)
    if second:
        other = state.entity(
            Kind.CONDITION, second, reason="second condition named in the title ('X and Y')"
        )
        relate(page, "related_conditions", other)
        state.decide(second, "condition", "second condition named in the title ('X and Y')")
    if clipped:
        add_alternate(page, clipped, rules)
    if named_with_people != name:
        add_alternate(page, named_with_people, rules)
        state.decide(named_with_people, "alternate name", "the subject named with who gets it")
    for other in [] if untitled else bracketed_names(title):
        if rules.cue("title_genre", f"({other})"):
            continue  # "(The Basics)" says what kind of page it is, not another name
        if not check_name(other, rules, max_words=LONG_NAME_MAX_WORDS).name:
            continue  # "(and three I skip)", "(updated 2024)": an aside, no name
        add_alternate(page, other, rules)
        state.pages.alias(other, page)  # a later mention of it finds the main page
        state.decide(other, "alternate name", "given in brackets in the title")
    # "Patient education: X": the genre words go before the title is cut at its colon.
    plain = without_genre_label(strip_brackets(title), rules)
    for category in ("title_prefix", "title_genre"):
        plain = rules.remove_cues(category, plain, "", count=1)
    plain = first_title_part(plain.strip(), rules)
    plain = without_time(plain)  # "Sciatica at 28 weeks": when is no other name
    if term is not None and (also := _second_of_two_treatments(plain, page.title, rules)):
        # "Facet joint injections and medial branch blocks": the leaflet is about both.
        state.entity(Kind.TREATMENT, also, reason="second treatment named in the title")
        state.decide(also, "treatment", "second treatment named in the title ('X and Y')")
    elif (
        not second
        and not untitled
        and plain
        and name_key(plain, rules) != name_key(page.title, rules)
        and check_name(plain, rules, max_words=LONG_NAME_MAX_WORDS).name
        # "Journals export 2025-03-10 to ...": a placeholder names nothing.
        and not rules.cue("title_placeholder", plain)
        # "... Lower Back Belt S-XXL": a seller's title is no name of what it sells.
        and not _SIZE_RANGE.search(plain)
    ):
        # Not "How I got over my herniated disc": a headline is no other name of it.
        add_alternate(page, plain.strip(" ?!."), rules)
    first = first_paragraph(document)
    if first:
        sentences = split_sentences(first.text)
        alternate = subject_name(sentences[0], rules) if sentences else ""
        # "Osteoporosis thins the bones." opening a page on a dowager's hump names another
        # condition; "Maigne syndrome is a ..." defines this one, and "Neck muscle
        # stiffness syndrome develops ..." names it more fully.
        if (
            alternate
            and not is_broader_name(alternate, page.title, rules)
            and (
                rules.cue("definition", sentences[0])
                or _COPULA_AFTER.match(sentences[0], len(alternate))
                or is_broader_name(page.title, alternate, rules)
            )
        ):
            if page.kind == Kind.TREATMENT:
                # "Schroth therapy for scoliosis" opening "The scoliosis is a sideways
                # curvature ...": the condition the treatment is for, a page of its own.
                other = state.entity(
                    Kind.CONDITION, alternate, reason="the condition the first sentence defines"
                )
                relate(page, "related_conditions", other)
                state.decide(alternate, "condition", "the first sentence defines it")
            else:
                add_alternate(page, alternate, rules)
                state.pages.alias(alternate, page)
                state.decide(
                    alternate, "alternate name", "subject of the first sentence names a condition"
                )
    return page


#: "Work-related back pain is back pain caused by ...": the name is what the sentence
#: says something is.
_COPULA_AFTER = re.compile(r"\s+(?:is|are|means|refers to)\s", re.IGNORECASE)


def without_occupation(name: str, rules: RuleSet) -> str:
    """``name`` without the job or sport of the people it is about ("Myofascial neck pain
    in laboratory staff" -> "Myofascial neck pain"): the condition is the same whoever
    has it. An age group names a form of its own ("Scoliosis in adults") and stays, and so
    do the people a pain named only by where it is troubles: "Low back pain in dancers"
    is a topic of its own, as "Back pain in pregnancy" is."""
    match = rules.cue_match("title_occupation", name)
    if match is None:
        return name
    shorter = name[: match.start()].strip()
    if rules.is_general_pain(shorter):
        return name
    return shorter if check_name(shorter, rules).name else name


#: Where the reader is when it hurts, after a condition's name: " at your desk", " on
#: your phone", " in your car".
_READER_SETTING = re.compile(
    r"(?<!\s)\s+(?:at|on|in|from|behind|during|after)\s+(?:your|my|our)(?:\s+[\w'-]+){1,2}$",
    re.IGNORECASE,
)


def without_reader_setting(name: str, rules: RuleSet) -> str:
    """``name`` without where the reader is when it hurts ("Lower back pain at your desk"
    -> "Lower back pain"), when what is left names a condition."""
    match = _READER_SETTING.search(name)
    if match is None:
        return name
    shorter = name[: match.start()].strip()
    return shorter if rules.names_condition(shorter) or rules.is_general_pain(shorter) else name


def is_broader_name(name: str, title: str, rules: RuleSet) -> bool:
    """Whether ``name`` is the title or a more general condition inside it: "Back pain"
    opening an article titled "Back pain in pregnancy" is not another name for it."""
    words, title_words = set(name_key(name, rules).split()), set(name_key(title, rules).split())
    return words <= title_words


def strip_brackets(text: str) -> str:
    return re.sub(r"(?<!\s)\s*+\([^()]*+\)", "", text)


def untitled_name(document: Document, state: Context) -> tuple[str, str]:
    """A name for an article no candidate names: the condition its first sentence is
    about, else the condition the text names most (once is enough here), else a
    placeholder. Never the file's name ("news-study-3.txt" names no condition). Flagged
    so an editor names it."""
    rules = state.rules
    first = first_paragraph(document)
    sentences = split_sentences(first.text) if first else []
    name = subject_name(sentences[0], rules) if sentences else ""
    because = "no title: subject of the first sentence"
    if name and _rejected(name, rules):
        name = ""  # "Sharp pain is ...": how it feels names no condition
    if not name:
        text = "\n".join(_texts(document))
        name = most_named_condition(
            f" {_normalised(text, rules)} ", rules, abbreviations(text, rules), least=1
        )
        because = "no title: the condition the text names most"
        if name and _rejected(name, rules):
            name = ""
    if not name and (titled := _title_without_site(document.title, rules)):
        # "Eastmoor Research Repository: Schoolbag load and low back pain in ...": the
        # title, without the name of the site it was saved from.
        name, because = titled, "no candidate names a condition: the title, without its site"
    if not name:
        name = UNTITLED_ARTICLE
        because = "no title and no condition named: an editor names it"
    state.plan.flags.append(Flag(kind="no_title", text=name))
    return name, because


def _title_without_site(title: str, rules: RuleSet) -> str:
    """The title after a first part that names a site or an organisation ("Eastmoor
    Research Repository: ..."), else ""."""
    parts = [p.strip() for p in _TITLE_PARTS.split(title, maxsplit=1)]
    if len(parts) == 2 and parts[1] and rules.cue("title_placeholder", parts[0]):
        return parts[1]
    return ""


def two_conditions(name: str, rules: RuleSet) -> tuple[str, str]:
    """ "Neck pain and whiplash" -> ("Neck pain", "Whiplash") when both parts name a
    condition; else ``(name, "")``."""
    parts = re.split(r"\s+(?:and|&)\s+", name)
    if len(parts) != 2:
        return name, ""
    names = [check_name(part, rules).name for part in parts]
    if all(_names_a_condition(n, rules) for n in names):
        if _where_it_hurts(names[1], rules):
            # "Fibromyalgia and back pain": the condition and the pain it brings, which is
            # no second subject.
            return names[0], ""
        return names[0], names[1]
    return name, ""


def _where_it_hurts(name: str, rules: RuleSet) -> bool:
    """Whether ``name`` only says where it hurts: "Back pain", "Lower back pain"."""
    *where, _head = name.split()
    return (
        bool(where)
        and _SYMPTOM_HEAD.search(name) is not None
        and rules.cue("anatomy_subject", f"the {' '.join(where).lower()}") is not None
    )


#: One of a kind, picked out by what the reader or others know of it: "A trapped nerve
#: you may not have heard of", "A back problem most people never see coming".
_INSTANCE_OF = re.compile(
    r"(?:an?|one)\s+(?:[\w'\u2019-]+\s+){1,4}?(?:you|we|most people|many people|few "
    r"people|nobody|no one)\s+(?:may|might|have|haven't|probably|never|will|can|could|"
    r"don't|do not|rarely)\b",
    re.IGNORECASE,
)
#: A name closing with a term in brackets: "Shoulder blade pain at the wheel
#: (scapulocostal syndrome)".
_TRAILING_TERM = re.compile(r"(?P<words>[^()]{3,120}+)\((?P<term>[^()]{3,60}+)\)")


#: Where or when a symptom is felt, after it: " at the wheel", " after gardening".
_WHERE_OR_WHEN = re.compile(
    # "Chest pain that came from the neck": a clause says where it comes from.
    r"\s+(?:at|in|on|after|following|from|with|during|when|while|that|which)\s+",
    re.IGNORECASE,
)


def _glossed_symptom(words: str, term: str, rules: RuleSet) -> bool:
    """Whether ``words`` describe a symptom where it hurts ("Shoulder blade pain at the
    wheel") and ``term`` in brackets after them names a condition by a head word of its
    own ("scapulocostal syndrome"), not by another pain."""
    head = _WHERE_OR_WHEN.split(words.strip(), maxsplit=1)[0]
    # "Shoulder blade ache and clicking": either symptom names where it is felt.
    parts = re.split(r"\s+(?:and|or|&)\s+", head)
    return (
        any(_SYMPTOM_HEAD.search(part) for part in parts)
        and not _SYMPTOM_HEAD.search(term.strip())
        and _names_a_condition(term.strip(), rules)
    )


def _names_a_condition(name: str, rules: RuleSet) -> bool:
    """Whether a clean name is a condition's: a known term, or one ending in a condition
    head ("pain", "syndrome")."""
    return bool(name) and (rules.is_condition_term(name) or rules.has_condition_head(name))


def _answers_a_reader(paragraph: Paragraph, document: Document) -> bool:
    """Whether ``paragraph`` is under a heading that asks a question other than "What is
    X?", in a page of :data:`QA_MIN_QUESTIONS` such headings or more (readers' questions,
    often with who asked after them)."""
    if sum("?" in s.heading for s in document.sections) < QA_MIN_QUESTIONS:
        return False
    section = next(s for s, block in document.iter_blocks() if block is paragraph)
    heading = section.heading.strip(" \"'“”")
    return "?" in heading and not _WHAT_IS.match(heading)


#: Question headings that make a page a Q&A whose first answer is one reader's.
QA_MIN_QUESTIONS = 3


#: Most words of a line under the title read as its subtitle.
SUBTITLE_MAX_WORDS = 8
_SENTENCE_END = re.compile(r"[.!?:;,]\s*$")


def _line_under_title(document: Document) -> str:
    """The text of a short line with no sentence's ending that opens the section the
    title heads ("Wound infection after spinal surgery" under "DISCHARGE INSTRUCTIONS"),
    else ""."""
    if not document.title.strip() or not document.sections:
        return ""
    section = document.sections[0]
    if section.heading.strip() not in ("", document.title.strip()) or not section.blocks:
        return ""
    block = section.blocks[0]
    if not isinstance(block, Paragraph):
        return ""
    text = block.text.strip()
    if (
        not text[:1].isupper()
        or len(text.split()) > SUBTITLE_MAX_WORDS
        or _SENTENCE_END.search(text)
        or len(split_sentences(text)) > 1
    ):
        return ""
    return text


def first_paragraph(document: Document) -> Paragraph | None:
    for _section, block in document.iter_blocks():
        if isinstance(block, Paragraph) and len(block.text.split()) > 5:
            return block
    return None


def _only_found(found: list, name: str):
    """``(what, match, name stripped)``; what and match are None unless the vocabulary
    finds exactly one thing in ``name``."""
    what, match = found[0] if len(found) == 1 else (None, None)
    return what, match, name.strip()


def whole_medicine(name: str, rules: RuleSet):
    """The medicine ``name`` is, when the whole name is one the vocabulary knows, or one
    with its form or strength after it ("Diclofenac gel", "Naproxen 250 mg tablets")."""
    name = _DOSE_QUALIFIER.sub("", name)  # "Low-dose amitriptyline" is amitriptyline
    info, match, name = _only_found(rules.find_medicines(name), name)
    if info is None or match.group(0).lower() == name.lower():
        return info
    rest = name[match.end() :].strip()
    if match.start() == 0 and rest and _DOSAGE_FORM.fullmatch(rest):
        return info
    return None


#: What may follow a medicine's name in a title and leave it the same medicine: its
#: strength and its form.
#: A medicine's strengths and form after its name: " 2 mg and 5 mg Tablets".
_STRENGTH_TAIL = re.compile(r"\s+(?=\d[\d.,]*\s*(?:mg|g|mcg|micrograms?|%|ml)\b)", re.I)
#: How much or how fast, before a medicine's name.
_DOSE_QUALIFIER = re.compile(
    r"^\s*(?:(?:low|high|higher|lower|standard)[- ]dose|(?:modified|slow|extended|prolonged)"
    r"[- ]release)\s+",
    re.IGNORECASE,
)
#: A product of two medicines, each with its strength: "Ibuprofen 200 mg / Codeine 12.8 mg".
_COMBINATION = re.compile(
    r"(?P<first>[A-Za-z][\w-]{2,30}+)\s++\d[\d.,]*+\s*+(?:mg|g|mcg|micrograms?|%)\s*+"
    r"(?:/|\+|and|with)\s*+(?P<second>[A-Za-z][\w-]{2,30}+)\s++\d[\d.,]*+\s*+"
    r"(?:mg|g|mcg|micrograms?|%)",
    re.IGNORECASE,
)
#: A medicine's form for the skin, after its name and strength: "5% w/w Gel".
_TOPICAL_FORM = re.compile(r"\b(?:gel|cream|spray|foam|ointment|patch|plaster)\b", re.IGNORECASE)
_DOSAGE_FORM = re.compile(
    r"(?:\d+(?:\.\d+)?\s*(?:mg|g|mcg|micrograms?|%|ml)\s*)*+"
    r"(?:(?:topical|oral|modified[- ]release|slow[- ]release|soluble|chewable)\s+)?"
    r"(?:gel|emulgel|cream|ointment|spray|foam|patch(?:es)?|plasters?|tablets?|capsules?|"
    r"caplets?|liquid|suspension|solution|drops|granules|sachets|suppositor(?:y|ies)|"
    r"injections?|lozenges?)?",
    re.IGNORECASE,
)


def whole_treatment(name: str, rules: RuleSet):
    """The treatment term ``name`` is, when the whole name is one the vocabulary knows
    (and not a condition that happens to contain one). An operation named by its two
    steps ("Anterior cervical discectomy and fusion") is the first step's term when the
    second, with the first's modifiers, is a treatment too."""
    if rules.is_condition_term(name) or rules.has_condition_head(name):
        return None
    first, joined, second = name.partition(" and ")
    term = _whole_treatment(first, rules) if joined and " and " not in second else None
    if term is not None and term.kind == SURGERY_KIND:
        modifiers = first.split()[:-1]
        for words in (modifiers[len(modifiers) - n :] for n in range(len(modifiers), -1, -1)):
            step = _whole_treatment(" ".join([*words, second]), rules)
            if step is not None and step.kind == SURGERY_KIND:
                return term
    return _whole_treatment(name, rules)


def _whole_treatment(name: str, rules: RuleSet):
    term, match, name = _only_found(rules.find_treatments(name), name)
    if term is None or match.group(0).lower() == name.lower():
        return term
    if match.start() == 0 and CARE_WORD.fullmatch(name[match.end() :]):
        return term  # "Chiropractic care", "Acupuncture treatment": the term, given
    # "Lumbar spinal fusion", "CT-guided selective nerve root block": the known name with
    # a modifier or two before it.
    before = name[: match.start()].split()
    if (
        match.end() == len(name)
        and 0 < len(before) <= 2
        and all(w.replace("-", "").isalpha() for w in before)
    ):
        if not any(w.lower() in rules.condition_name_breakers for w in before):
            return term
    return None


#: A general word for care after a treatment's name, adding nothing to it: "Chiropractic
#: care", "Acupuncture treatment".
CARE_WORD = re.compile(r"[ \t]+(?:care|treatment|treatments|sessions)\b", re.IGNORECASE)

#: Why a candidate named by no vocabulary is a condition: the text defines it as one.
DEFINED_CONDITION = "a condition by the text's definition"
#: The words after which a name goes on with what it follows or who has it ("Spasticity
#: *after* spinal cord injury"). Not "for": "Tai chi for back pain" names a treatment
#: and what it is for, no qualified condition (the mention count in :func:`_scored`
#: splits at "for" too, to count the head alone).
_HEAD_BEFORE_QUALIFIER = re.compile(r"\s+(?:after|following|from|in|with|due to)\s+", re.I)

#: Why a candidate named by no vocabulary is a treatment: the text calls it one.
DEFINED_TREATMENT = "a treatment by the text's definition"

#: Weight of where a candidate subject was found: the title first.
SOURCE_WEIGHTS = {
    "title": 3.0,
    "subtitle": 2.0,
    "title answer": 3.0,
    "top heading": 2.0,
    "first heading": 1.0,
    "first sentence": 1.0,
    "most named condition": 1.0,
    "condition named twice": 0.5,
    "defined condition": 1.0,
    "defined treatment": 1.0,
    # "Most of the time it is <b>iliac apophysitis</b>", "In every case it was a
    # SERRATUS POSTERIOR INFERIOR STRAIN": the term the writer sets in bold or capitals
    # inside a sentence of the opening.
    "introduced term": 0.5,
    "what-is heading": 1.0,
    "glossed heading": 1.0,
    "diagnosis": 2.0,
    "title purpose": 3.0,
    "announced": 2.0,
    # "Can insoles fix your back pain?": the treatment a title asks about; kept only when
    # it names a treatment, and weighed above the condition the question names.
    "treatment asked about": 3.5,
    # "A man's back pain was the first sign of Guillain-Barre syndrome": what the
    # symptom in the title turned out to be outweighs the symptom, however often named.
    "revealed condition": 5.5,
    # "Could my back pain be coming from my kidneys?": the organ's pain the question
    # asks about outweighs the pain it starts from, as a revealed condition does.
    "organ asked about": 5.5,
    # "RPG - Global Postural Reeducation: the treatment of the posture ...".
    "title treatment": 3.0,
    # "Parcel Delivery Drivers: Back Injuries": the title, read in its order.
    "group's condition": 3.0,
}
#: Mentions in the text that make the subject of a "What is X?" heading a defined name.
WHAT_IS_MENTIONS = 3
#: Fewest mentions for the condition the text names most to be a candidate subject.
MOST_NAMED_MIN = 3
#: How much naming a condition (or a medicine) adds to a candidate's score.
CONDITION_WEIGHT = 3.0
#: What each mention in the text adds, and the most mentions counted: mentions decide
#: between candidates from the same place, never against the title's own wording.
MENTION_WEIGHT = 0.5
MENTIONS_CAP = 4


#: A condition named by a symptom and where it is ("Groin pain", "Neck stiffness") weighs
#: this much less than one named for what it is, when both are candidates.
SYMPTOM_NAME_DISCOUNT = 1.0
_SYMPTOM_HEAD = re.compile(r"\b(?:pain|ache|aches|stiffness|discomfort|soreness)$", re.IGNORECASE)


@dataclass
class Candidate:
    source: str
    text: str
    name: str = ""
    score: float = 0.0
    why: str = ""
    mentions: int = 0
    #: What the name names ("a condition", "a treatment", ...), "" when nothing known.
    kind: str = ""


def choose_subject(document: Document, state: Context) -> tuple[str, str, str, str]:
    """The article's subject: every candidate (the title, a top-level heading, the first
    heading, the first sentence's subject) is cleaned of its framing and genre words and
    scored by where it was found, whether it names a condition or a medicine, and how
    often the text names it. Placeholders ("First post"), file names and bare topic
    words ("Signs") are rejected. Returns ``(candidate text, name, why, kind)`` (kind as
    scored: "a condition", "a treatment", :data:`DEFINED_TREATMENT`, ... or "") and
    records the choice as a ``subject`` decision."""
    rules = state.rules
    text = "\n".join(_texts(document))  # a name never runs from one block into the next
    body = _expanded(f" {_normalised(text, rules)} ", text, rules)
    raw: list[Candidate] = [Candidate("title", document.title)]
    if purpose := _title_purpose(document.title, rules):
        # "6 Best Posture Correctors, Pillows and Rollers for Dowager's Hump": what the
        # things the title lists are for.
        raw.append(Candidate("title purpose", purpose))
    raw.extend(Candidate(source, name) for source, name in _title_readings(document.title, rules))
    # "Your back isn't broken: the new thinking on chronic back pain": the subtitle may
    # name the condition the headline does not.
    parts = _TITLE_PARTS.split(document.title)
    # "Groin pain that won't go away? Osteitis pubis in runners": after a question the
    # title gives its answer, which weighs as the title does.
    question = document.title.find("?")
    if len(parts) > 1 and 0 <= question < len(document.title.rstrip(" ?")):
        # The answer wins a tie with the question it follows: it is put first. Parts
        # before the question ("L4/5 prolapse - physio or surgery? Confused!") are
        # subtitles.
        answers = [p for p in _TITLE_PARTS.split(document.title[question + 1 :]) if p.strip()]
        raw[:0] = [Candidate("title answer", part) for part in answers]
        asked = _TITLE_PARTS.split(document.title[:question])[1:]
        raw.extend(Candidate("subtitle", part) for part in asked)
    else:
        raw.extend(Candidate("subtitle", part) for part in parts[1:])
    if line := _line_under_title(document):
        # "DISCHARGE INSTRUCTIONS" over "Wound infection after spinal surgery": a line
        # standing alone under the title is its subtitle.
        raw.append(Candidate("subtitle", line))
    # The title is often also the first section's heading: it is a candidate once.
    headed = [s for s in document.sections if s.heading and s.heading != document.title]
    raw.extend(Candidate("top heading", s.heading) for s in headed if s.level <= 1)
    # Why a text is no name, worked out once per text: headings are candidates too.
    why_rejected: dict[str, str] = {}

    def why_not_a_name(text: str) -> str:
        if text not in why_rejected:
            why_rejected[text] = _rejected(text, rules)
        return why_rejected[text]

    usable = next((s.heading for s in headed if not why_not_a_name(s.heading)), None)
    if usable is not None:
        # Under a title that names nothing ("Department of Orthopaedics and Spinal
        # Surgery" over the leaflet's own headline), the first heading is the headline.
        title_empty = not document.title.strip() or bool(why_not_a_name(document.title))
        raw.append(Candidate("top heading" if title_empty else "first heading", usable))
        if title_empty:
            # "Case summary: A man's back pain was the first sign of ..." under the
            # ombudsman's name: the headline is read as a title is.
            raw.extend(Candidate(source, name) for source, name in _title_readings(usable, rules))
    first = first_paragraph(document)
    if first and _answers_a_reader(first, document):
        # "My GP gave me diazepam for a spasm - is that a sleeping tablet?" over the
        # first paragraph of a Q&A: it answers one reader about one thing, not what the
        # page is about.
        first = None
    if first and (sentences := split_sentences(first.text)):
        # The condition the first sentence is about, else the noun phrase it opens with
        # (kept only if the text names it again).
        # "This leaflet explains radiofrequency denervation, ...": what it explains.
        opening = rules.remove_cues("document_opening", sentences[0], "", count=1)
        subject = subject_name(opening, rules) or noun_phrase(opening, rules)
        # "The splenius capitis is a flat, strap-like muscle ...": a part of the body the
        # text explains before the condition of it.
        if subject and not _DEFINED_AS_PART.match(opening):
            raw.append(Candidate("first sentence", subject))
    if announced := _announced_subject(document, rules):
        raw.append(Candidate("announced", announced))
    short_names = abbreviations(text, rules)
    if most_named := most_named_condition(body, rules, short_names):
        raw.append(Candidate("most named condition", most_named))
    if defined := defined_condition(document, rules):
        raw.append(Candidate("defined condition", defined))
    if introduced := introduced_term(document, body, rules):
        raw.append(Candidate("introduced term", introduced))
    if treatment := defined_treatment(document, rules):
        raw.append(Candidate("defined treatment", treatment))
    if diagnosis := diagnosed_condition(text, rules) or _diagnosis_section(
        [s for s in document.sections if s.heading], rules
    ):
        raw.append(Candidate("diagnosis", diagnosis))
    if discussed := _self_care_discussed(document.title, headed, rules):
        raw.append(Candidate("title treatment", discussed))
    for section in headed:
        # "Q. What is it?" over "A. Delayed onset muscle soreness, or DOMS. It is ...":
        # the answer opens with the name of what the text is about.
        if _WHAT_IS_IT.fullmatch(section.heading.strip()) and (
            answer := _answer_name(section, rules)
        ):
            raw.append(Candidate("what-is heading", answer))
            break
    for section in headed:
        # "Stewards' neck (sternocleidomastoid strain)": a heading glossed by the term for
        # the condition its section is about.
        glossed = _TRAILING_TERM.fullmatch(section.heading.strip())
        if glossed and _names_a_condition(glossed.group("term").strip(), rules):
            raw.append(Candidate("glossed heading", glossed.group("term").strip()))
            break
    for section in headed:
        # "What is a stinger?": the thing a heading asks about is what the text explains.
        if asked := _WHAT_IS.fullmatch(section.heading.strip()):
            if not treatment or name_key(asked.group("name"), rules) != name_key(treatment, rules):
                # "What is a discogram?" over "A discogram is a test ...": the text says
                # what kind of thing it is, and it is no condition.
                raw.append(Candidate("what-is heading", asked.group("name")))
            break
    scored: list[Candidate] = []
    rejected: list[str] = []
    for candidate in raw:
        text = " ".join(candidate.text.split())
        if not text:
            continue
        if why_not := why_not_a_name(text):
            rejected.append(f"{text!r} ({why_not})")
            continue
        for name in _names(text, rules):
            if _ORGANISATION.search(name) and not rules.names_condition(name):
                # "Hartshire Health Partnership - Back on your feet campaign": who speaks.
                rejected.append(f"{name!r} (an organisation's name)")
                continue
            if _BODY_PART_ALONE.fullmatch(name.strip()):
                # "7.4 Back care in the brewhouse": what the care is for, no condition.
                rejected.append(f"{name!r} (a part of the body)")
                continue
            if is_identifier(name):
                # "content/wry-neck-rewrite", "pages/neck/wry-neck.md": a branch's or a
                # file's path, whatever words it is made of.
                rejected.append(f"{name!r} (a path or identifier)")
                continue
            scored.append(
                _scored(Candidate(candidate.source, text, name), body, rules, short_names)
            )
    # What the text defines as a condition: "Text neck ... is neck and upper back pain
    # brought on by ...", "What is spasticity?" over "Spasticity is muscle stiffness ...".
    defined_keys = {
        name_key(c.name, rules)
        for c in scored
        if c.kind == DEFINED_CONDITION and c.source in ("defined condition", "what-is heading")
    }
    if defined:
        defined_keys.add(name_key(defined, rules))
    for candidate in scored:
        # "Text neck: why your phone ...", "Spasticity after spinal cord injury": the
        # title names what the text defines, alone or with what it follows.
        head = _HEAD_BEFORE_QUALIFIER.split(candidate.name, maxsplit=1)[0]
        if (
            not candidate.kind
            and candidate.score > 0
            and {name_key(candidate.name, rules), name_key(head, rules)} & defined_keys
        ):
            candidate.kind = DEFINED_CONDITION
            candidate.score += CONDITION_WEIGHT
            candidate.why += f", {candidate.kind}"
    # A question asks about a treatment only when what it asks about is one.
    scored = [
        c
        for c in scored
        if c.score > 0
        and (c.source != "treatment asked about" or c.kind in ("a medicine", "a treatment"))
    ]
    scored = _without_what_it_follows(scored, rules)
    if not scored:
        because = "no candidate names the subject" + (
            f"; rejected {', '.join(rejected)}" if rejected else ""
        )
        state.decide(document.title or "(no title)", "subject", because)
        return document.title, "", because, ""
    top = max(c.score for c in scored)
    tied = [c for c in scored if c.score == top]
    # The first of equals: the title wins ties; among others, the one whose words the
    # title shares ("... MRI report: thickened ligamentum flavum" and "Ligamentum flavum
    # hypertrophy" against "Canal stenosis").
    best = max(tied, key=lambda c: _title_words_shared(c.name, document.title))
    best = _qualified_form(best, scored, rules)
    best = _specific_over_general(best, scored, rules)
    if (
        not best.mentions
        and not best.kind
        and (twice := most_named_condition(body, rules, short_names, least=NAMED_TWICE))
        and rules.is_condition_term(twice)
    ):
        # "7 ways you're wrecking your discs" names no condition; a text that names one
        # only twice still names what it is about.
        named = _scored(Candidate("condition named twice", twice, twice), body, rules)
        if named.kind:
            best = named
    for candidate in scored:
        if (
            candidate.source == "title"
            and candidate.text != best.text  # not the name found inside this very title
            and best.source != "group's condition"  # the title's own reading
            and not rules.condition_in_phrase(candidate.name)
            and _same_subject(candidate.name, best.name, rules)
        ):
            # "Neck muscle stiffness" (title) and "Neck muscle stiffness syndrome" (first
            # sentence) are one subject: the title's wording names it.
            best = candidate
            break
    because = f"{best.source} {best.text!r}, score {best.score:g} ({best.why})"
    others = [f"{c.name!r} {c.score:g}" for c in scored if c is not best]
    if others:
        because += f"; other candidates {', '.join(others[:4])}"
    if rejected:
        because += f"; rejected {', '.join(rejected[:4])}"
    state.decide(best.name, "subject", because)
    if not document.title.strip():
        state.plan.flags.append(Flag(kind="no_title", text=best.name))
    return best.text, best.name, because, best.kind


def _without_what_it_follows(scored: list[Candidate], rules: RuleSet) -> list[Candidate]:
    """The candidates without a treatment the text's wording names when a title or a
    heading names the condition that follows it ("Neck stiffness after radiotherapy" over
    "Radiotherapy to the head and neck can cause ..."): the treatment is what brought the
    condition on, not what the article is about."""
    followed = [
        parts[1].lower()
        for c in scored
        if c.source in _NAMING_SOURCES and c.kind and c.kind not in _TREATMENT_KINDS
        if len(parts := _HEAD_BEFORE_QUALIFIER.split(c.name, maxsplit=1)) > 1
    ]
    if not followed:
        return scored
    return [
        c
        for c in scored
        if not (
            c.source in _WORDING_SOURCES
            and c.kind in _TREATMENT_KINDS
            and any(re.search(rf"\b{re.escape(c.name.lower())}\b", part) for part in followed)
        )
    ]


_TREATMENT_KINDS = frozenset({"a medicine", "a treatment"})


#: How much less than a general pain a specific name may score and still win over it.
SPECIFIC_MARGIN = 1.0
#: Where a general pain's candidacy is only the text's wording, not the document's title.
_WORDING_SOURCES = frozenset({"most named condition", "condition named twice", "first sentence"})
#: Where a name stands as what a document is about: a title, a heading, a definition.
_NAMING_SOURCES = frozenset(
    {"title", "top heading", "first heading", "what-is heading", "subtitle", "defined condition"}
)


def _specific_over_general(best: Candidate, scored: list[Candidate], rules: RuleSet) -> Candidate:
    """A specific name instead of a pain named only by where it is ("Back pain" from how
    often the text says it, against "Limbus vertebra", which it explains): every text
    about a back condition says "back pain" often; the condition is what it is about.
    Only when the general pain's candidacy comes from the wording, not from a title or
    heading, and the specific name scores nearly as well."""
    if best.source not in _WORDING_SOURCES or not rules.is_general_pain(best.name):
        return best
    specific = [
        c
        for c in scored
        if (c.kind or c.source in _NAMING_SOURCES)
        and c.score >= best.score - SPECIFIC_MARGIN
        and not rules.is_general_pain(c.name)
        and c.source not in _WORDING_SOURCES
    ]
    return max(specific, key=lambda c: c.score) if specific else best


def _title_words_shared(name: str, title: str) -> int:
    """How many of ``name``'s longer words the title holds."""
    title_words = {w.lower() for w in _WORD.findall(title)}
    return sum(1 for w in _WORD.findall(name) if len(w) > 3 and w.lower() in title_words)


#: Mentions that make a condition the subject when no candidate names one.
NAMED_TWICE = 2


#: A diagnosis the text arrives at: "That pattern points to thoracolumbar junction
#: syndrome", "she was diagnosed with ...", "it turned out to be ...".
_DIAGNOSED = re.compile(
    r"\b(?:(?:was|were|been|being|is|are|get|got) diagnosed (?:with|as)(?: having)?|"
    r"(?:the |a |my |his |her |their |your )?diagnosis (?:is|was)(?: of)?|diagnosis\s*:|"
    # "Condition: Thoracic spondylosis (wear and tear ...)": a form's condition field.
    r"(?<![\w,] )(?<!\w)(?:health |medical )?condition\s*:|"
    r"points? to|pointed to|turned out to be|was found to (?:have|be)|"
    r"(?:i|we) (?:believe|think|suspect|are confident) (?:that )?(?:you have|you've got|this is|"
    r"it is|it's)|"
    # "The name is notalgia paresthetica", "I call it dorsal ramus syndrome": what it is
    # called, said outright.
    r"(?:the |its |the proper |the medical )name (?:for (?:it|this) )?is|"
    r"(?:i|we) call it|"
    # "... then said I had something called "carotidynia"": what the doctor called it.
    r"(?:i|he|she|you|they|we) (?:had|have|has)(?: got)? (?:something|a condition|a thing)"
    r" called\s+[\"\u201c]?|"
    # "Tom's physio says this is a suboccipital muscle strain": who knows, saying what.
    r"(?:says|said|thinks|thought|reckons|reckoned|confirmed|told (?:him|her|me|us|them))"
    r" (?:that )?(?:this|it|that) (?:is|was)(?= an? )|"
    r"(?:sounds|looks) (?:a lot |very much |very |most |just )?like"
    r"(?: it (?:could|might|may|would) be| it'?s| it is| you(?:'ve got| have))?|"
    r"(?:symptoms|signs|findings) (?:fit|suggest|match|are typical of|are those of)|"
    # "From what you describe, the most likely cause is a sprain of ...": an answer's
    # diagnosis of what the reader described.
    r"the (?:most likely|likeliest|probable) (?:cause|explanation|diagnosis) (?:is|was)|"
    r"(?:describes?|described|have|has|had|is|are) (?:is |are )?(?:almost certainly|most likely|"
    r"very likely|probably)(?: to be)?|"
    # "the Claimant sustained a soft tissue injury ...": what a report finds was done.
    r"(?:sustained|suffered)|"
    # "My GP and then a physio diagnosed rucksack palsy": who diagnosed it, then what.
    r"diagnosed(?!\s+(?:with|as|by|in|at|on|early|late)\b)|"
    # "... and within hours he was in theatre. He had a spinal epidural abscess.": what a
    # story says the person had, when it is a condition.
    r"(?<![\w,] )(?:he|she|i|they|we|you) (?:had|has|have)(?: got)?(?=\s+an?\s)|"
    r"(?:scan|mri|x-ray|tests?) (?:showed|confirmed|found))\s+(?:an?\s+|the\s+)?"
    r"(?P<name>[^,.;:()\n]{3,90}+)",
    re.IGNORECASE,
)


def _condition_of_part(name: str, rules: RuleSet) -> bool:
    """Whether ``name`` is a condition named by where it is: a condition's head, then
    "of" and the part ("Subacute combined degeneration of the spinal cord")."""
    parts = _OF_PART.split(name, maxsplit=1)
    if len(parts) != 2 or not parts[0].strip():
        return False
    return rules.has_condition_head(parts[0]) and not opens_with_verb(parts[0].split()[0])


#: Where a condition is, after its name: " of the spinal cord", " to the lumbar spine".
_OF_PART = re.compile(r"\s+(?:of|to)\s+(?:the\s+)?", re.I)
#: What a diagnosis brings on, after its name: " causing sciatica".
_CAUSING = re.compile(
    r"\s+(?:causing|leading to|resulting in|giving rise to|compressing|pressing on"
    r"|impinging on|abutting)\s",
    re.I,
)
#: How or when an injury happened, after its name: " in the collision", " after a fall".
_CIRCUMSTANCE = re.compile(
    r"\s+(?:in|during|after|following|from|at)\s+(?:the|a|an|his|her|their|my|your)\s", re.I
)
#: A patient's side and spinal level before the name of what they have.
_CASE_DETAIL = re.compile(
    # "left paracentral": the side, and where on the disc's back it bulges.
    r"\b(?:(?:left|right|bilateral)(?:-sided)?(?:\s+(?:paracentral|posterolateral|central))?"
    r"|[CTLS]\d{1,2}(?:\s*[/-]\s*[CTLS]?\d{1,2})?"
    # "left 9th and 10th ribs": which ones, by number.
    r"|\d{1,2}(?:st|nd|rd|th)(?:\s*(?:,|and|to|-)\s*\d{1,2}(?:st|nd|rd|th))*)\s+",
    re.I,
)
#: How typical a diagnosis is, before its name: "a classic", "a textbook", "a simple".
_TYPICAL = re.compile(
    r"^(?:(?:classic|classical|typical|textbook|simple|straightforward|plain|nasty|bad"
    # "I think this is most likely quadrilateral space syndrome": how sure, no name.
    r"|most likely|very likely|likely|probably|almost certainly)\s+)+",
    re.I,
)
#: What a diagnosis is called, after words about it: "rare condition called ".
_CALLED = re.compile(
    r"^(?:[\w'-]+\s+){0,6}?(?:condition|disorder|disease|syndrome|problem)\s+"
    r"(?:called|known as|named)\s+",
    re.I,
)
_SECONDARY_TO = re.compile(r"\s+(?:secondary to|due to|caused by|from)\s+(?:an?\s+|the\s+)?", re.I)


#: A clinic note's heading over what it concludes: "IMPRESSION", "Diagnosis:".
_DIAGNOSIS_HEADING = re.compile(
    r"(?:clinical |working |final )?(?:impression|diagnosis|diagnoses|assessment)\s*:?"
    # A record's problem list: "PROBLEMS", "Active problems", "Problem list".
    r"|(?:active |current )?problems?(?: list)?\s*:?",
    re.I,
)
#: A report's heading over its numbered findings: "CONCLUSION", "Conclusions:".
_CONCLUSION_HEADING = re.compile(r"conclusions?\s*:?", re.I)
#: A problem list's sub-heading line: "Active", "Past", "Current problems".
_PROBLEM_GROUP = re.compile(
    r"(?:active|current|past|previous|resolved|inactive)\b[\w ]{0,20}", re.IGNORECASE
)
#: A diagnosis code before a problem: "G95.1 ", "M54.5 " (ICD-10).
_DIAGNOSIS_CODE = re.compile(r"^[A-Z]\d{2}(?:\.\d{1,2})?[A-Z]?\s+(?=[A-Za-z])")


#: Why a page is written for the condition named after "for" in a treatment's title.
TREATED_REASON = "the condition the title's treatment is for"


def _condition_treated(title: str, rules: RuleSet) -> str:
    """The condition a treatment's title says it is for ("Yoga for low back pain" ->
    "Low back pain"), else ""."""
    title = strip_brackets(" ".join(title.split()))
    parts = _FOR.split(_TITLE_PARTS.split(title)[0], maxsplit=1)
    if len(parts) != 2:
        return ""
    treated = parts[1].strip(" .?!")
    if not rules.names_condition(treated):
        treated = rules.condition_in_phrase(treated)
    name = check_name(treated, rules).name if treated else ""
    return sentence_case(name) if name and _names_a_condition(name, rules) else ""


_FOR = re.compile(r"\s+for\s+(?:an?\s+|the\s+|your\s+)?", re.IGNORECASE)


def _headed_firsts(sections):
    """Each heading with the first paragraph or list under it; a label paragraph over a
    list ("CONCLUSION:" then "1. ...") heads that list as a heading would."""
    for section in sections:
        blocks = [b for b in section.blocks if isinstance(b, Paragraph | ListBlock)]
        yield section.heading.strip(), blocks[0] if blocks else None
        for block, following in zip(blocks, blocks[1:], strict=False):
            if (
                isinstance(block, Paragraph)
                and isinstance(following, ListBlock)
                and block.text.rstrip().endswith(":")
            ):
                yield block.text.strip(), following


def _diagnosis_section(sections, rules: RuleSet) -> str:
    """The condition a clinic note's "IMPRESSION" or "Diagnosis" section opens with, or
    the first item of a report's numbered "CONCLUSION"."""
    for heading, first in _headed_firsts(sections):
        if _CONCLUSION_HEADING.fullmatch(heading):
            if not isinstance(first, ListBlock):
                continue  # an essay's "Conclusion" sums up in prose; a report lists
        elif not _DIAGNOSIS_HEADING.fullmatch(heading):
            continue
        items = [
            item.text
            for item in (first.items if isinstance(first, ListBlock) else ())
            if not _PROBLEM_GROUP.fullmatch(item.text.strip(" :"))
        ]
        if items:
            # "Diagnoses" over "1. Diabetic amyotrophy ..., right side" / "2. Type 2 ...":
            # the first diagnosis listed is the main one ("G95.1 Spinal cord infarction"
            # under "PROBLEMS" / "Active", its code aside).
            return diagnosed_condition(f"Diagnosis: {_DIAGNOSIS_CODE.sub('', items[0])}", rules)
        if isinstance(first, Paragraph):
            return diagnosed_condition(f"Diagnosis: {first.text}", rules)
    return ""


def diagnosed_condition(body: str, rules: RuleSet) -> str:
    """The condition a story or letter says was diagnosed (the first such), when it names
    a condition; "" otherwise. A patient's story names symptoms far more often than the
    diagnosis it arrives at, which is what it is about."""
    if "(" in body:
        # "a soft tissue injury (sprain/strain) of the thoracic spine": an aside in
        # brackets is no end of the name.
        body = strip_brackets(body)
    for match in finditer_caseless(_DIAGNOSED, body):
        # "Left L5 radiculopathy secondary to L5/S1 foraminal stenosis": the diagnosis is
        # what the complaint comes from.
        # 'something called "carotidynia" and that ...': a quoted name ends at its quote.
        found = _QUOTE_MARKS.split(match.group("name"), maxsplit=1)[0]
        found = _SECONDARY_TO.split(found, maxsplit=1)[-1]
        # "disc prolapse causing sciatica": what it causes is no part of its name.
        found = _CAUSING.split(found, maxsplit=1)[0]
        # "left L5/S1 foraminal stenosis": the side and the level are this patient's.
        found = _CASE_DETAIL.sub("", found)
        # "Sounds like a classic muscle spasm": how typical it is, not its name.
        found = _TYPICAL.sub("", found)
        # "... like a rare but well-recognised condition called neck-tongue syndrome":
        # the name is what it is called.
        found = _CALLED.sub("", found, count=1)
        phrase = noun_phrase(found, rules)
        # "Fractures of ribs": named as a condition is ("Rib fractures"); "... of the
        # thoracic spine in the collision": how it happened is no part of the name.
        injury = injury_by_part(phrase) or injury_by_part(_CIRCUMSTANCE.split(phrase, 1)[0])
        name = check_name(injury or phrase, rules).name
        if not name and _condition_of_part(phrase, rules):
            # "subacute combined degeneration of the spinal cord": a condition named by
            # where it is may take more words than a list item's name.
            name = check_name(phrase, rules, max_words=LONG_NAME_MAX_WORDS).name
        head = _WITH.split(name, maxsplit=1)[0] if name else ""
        if head != name and (rules.is_condition_term(head) or rules.has_condition_head(head)):
            # "Discitis with Staphylococcus aureus bacteraemia": the diagnosis is the
            # condition named first, what comes with it another.
            name = head
        if name and (
            rules.is_condition_term(name)
            or rules.has_condition_head(name)
            or _condition_of_part(name, rules)
        ):
            return name
    return ""


#: What comes with a diagnosis, after its name: " with Staphylococcus aureus bacteraemia".
_WITH = re.compile(r"\s+with\s+", re.I)


def _announced_subject(document: Document, rules: RuleSet) -> str:
    """What an opening sentence says the text is about ("Let's talk about back mice",
    "This leaflet explains facet joint pain"), when it is not the first sentence."""
    for sentence in _opening_sentences(document):
        opening = rules.cue_match("document_opening", sentence, at_start=True)
        if opening is not None:
            rest = sentence[opening.end() :].strip(" \"'\u201c\u201d\u2018\u2019")
            if _POINTER.match(rest):
                # "This page is about the back injury our team has had most often": which
                # injury the text goes on to name, not its name.
                return ""
            return noun_phrase(_QUOTE_MARKS.sub("", rest), rules)
    return ""


_QUOTE_MARKS = re.compile(r"[\"\u201c\u201d]")
#: A general kind of complaint picked out by a clause: "the back injury our team has had
#: most often", "the neck problem that most sweeps get".
_POINTER = re.compile(
    r"(?:the|one)\s+(?:[\w-]+\s+){0,2}?(?:injury|injuries|problem|problems|complaint|"
    r"complaints|condition|conditions|pain|ache|thing)\s+(?:that|which|we|our|you|your|"
    r"they|their|most|many|people|staff|workers)\b",
    re.IGNORECASE,
)


def _opening_sentences(document: Document):
    """The sentences of the first :data:`DEFINED_WITHIN` paragraphs, in order."""
    paragraphs = 0
    for section in document.sections:
        for block in section.blocks:
            if not isinstance(block, Paragraph):
                continue
            paragraphs += 1
            if paragraphs > DEFINED_WITHIN:
                return
            yield from split_sentences(block.text)


def defined_condition(document: Document, rules: RuleSet) -> str:
    """The name the opening of the text defines as a condition ("Cervical dystonia is a
    condition where the muscles of the neck tighten ..."), whether or not the vocabulary
    knows it; "" when none of the first :data:`DEFINED_WITHIN` paragraphs does."""
    for sentence in _opening_sentences(document):
        if sentence.isupper():
            # "WHAT IT IS: A FEMORAL NECK STRESS FRACTURE IS A SMALL CRACK ...": a
            # paragraph in capitals is read in lower case, after its label.
            sentence = CAPITALS_LABEL_START.sub("", sentence, count=1)
            sentence = sentence[:1] + sentence[1:].lower()
        if rules.cue("cause_subject_sentence", sentence):
            continue  # "Disc wear is the main cause": a cause, not a definition
        # "A disc bulge (sometimes written "bulging disc") is when ...", "Text neck,
        # sometimes called tech neck, is ...": the gloss in brackets or between commas
        # stands between the name and its definition.
        sentence = _SYNONYM_ASIDE.sub("", strip_brackets(sentence), count=1)
        # "Carotidynia simply means pain over ...": the adverb is no part of the name.
        sentence = _ADVERB_BEFORE_VERB.sub("", sentence, count=1)
        match = _DEFINED_AS_CONDITION.match(sentence)
        if match is None and (happens := _HAPPENS_WHEN.match(sentence)):
            # "A splenius capitis strain happens when that muscle is overworked": a
            # condition defined by how it comes about.
            name = check_name(without_article(happens.group("name")), rules).name
            if name and _names_a_condition(name, rules):
                return name
        if match is None:
            # "Adjacent segment disease is wear and tear at the level ...": a name with a
            # condition head, defined by the sentence it opens.
            if (
                _OPENS_DEFINITION.match(sentence)
                # "The splenius capitis is a flat, strap-like muscle at the back of the
                # neck": a part of the body the text explains, no condition.
                and not _DEFINED_AS_PART.match(sentence)
                and (name := subject_name(sentence, rules))
                # "Older joints with some arthritis are more easily irritated": a
                # condition inside what the sentence is about defines nothing.
                and _names_a_condition(_HEAD_BEFORE_QUALIFIER.split(name, maxsplit=1)[0], rules)
                # "The same injury is seen in baseball pitchers": one named before.
                and not rules.cue("anaphoric_subject", name)
            ):
                return name
            continue
        name = check_name(without_article(match.group("name")), rules).name
        if name and len(name.split()) <= 4 and not rules.cue("anaphoric_subject", name):
            return name
    return ""


def _ends_in_condition_head(name: str, rules: RuleSet) -> bool:
    """Whether a name ends in a condition's head or a symptom word ("... neck strain",
    "... back pain")."""
    return rules.has_condition_head(name) or bool(_SYMPTOM_HEAD.search(name))


def introduced_term(document: Document, body: str, rules: RuleSet) -> str:
    """The first name the opening paragraphs set in bold or in capitals inside a sentence
    ("Most of the time it is <b>iliac apophysitis</b>", "In paddlers this is very often
    SCAPULAR DYSKINESIS"), when it names a condition, the text names it again or the
    sentence gives it as what something is or is called; "" when none does."""
    paragraphs = 0
    tried = 0
    for section in document.sections:
        for block in section.blocks:
            if not isinstance(block, Paragraph):
                continue
            paragraphs += 1
            if paragraphs > DEFINED_WITHIN:
                return ""
            for before, term, after in _emphasised_terms(block):
                tried += 1
                if tried > INTRODUCED_MAX_TRIED:
                    return ""
                if (gloss := _GLOSS.match(after)) and _names_a_condition(
                    glossed := check_name(gloss.group(1), rules).name, rules
                ):
                    # "a BROKEN BREASTBONE (sternal fracture)": the term in brackets is
                    # the condition's name; the words set apart say it plainly.
                    return glossed
                name = check_name(without_article(term), rules).name
                if (
                    not name
                    or len(name.split()) > INTRODUCED_MAX_WORDS
                    or _BODY_PART_ALONE.fullmatch(name)
                    or is_practitioner(name)
                    # "<b>Amitriptyline</b>" over a story: a medicine or treatment set in
                    # bold is what was tried, not the condition the text is about.
                    or _treatment_kind(name, rules)
                    or rules.find_medicines(name)
                ):
                    continue
                mentions = body.count(f" {_normalised(name, rules)} ")
                if (
                    _names_a_condition(_HEAD_BEFORE_QUALIFIER.split(name, maxsplit=1)[0], rules)
                    or mentions >= NAMED_TWICE
                    or _INTRODUCING.search(before)
                ):
                    return name
    return ""


def _emphasised_terms(paragraph: Paragraph):
    """``(text before, term, text after)`` for each run of words a paragraph sets in
    bold, or in capitals among words in lower case, after the start of a sentence."""
    # Only the opening of a paragraph is read: a term is introduced early, and a long
    # paragraph is not read again for each of its terms.
    if paragraph.html:
        markup = paragraph.html[:INTRODUCED_WITHIN]
        for match in _BOLD_TERM.finditer(markup):
            before = strip_tags(markup[: match.start()])
            term = html.unescape(match.group("term"))
            if _within_sentence(before) and not term[:1].isupper():
                after = markup[match.end() : match.end() + GLOSS_READ]
                yield before, term, html.unescape(strip_tags(after))
        return
    text = paragraph.text[:INTRODUCED_WITHIN]
    for match in _CAPITALS_TERM.finditer(text):
        before = text[: match.start()]
        if _within_sentence(before):
            yield before, match.group(0).capitalize(), text[match.end() : match.end() + GLOSS_READ]


def _within_sentence(before: str) -> bool:
    """Whether what stands before a term ends in words of its sentence in lower case
    ("In every case it was a"; never "IF " in "IF YES TO ANY:")."""
    clause = _CLAUSE_BREAK.split(before)[-1]
    return bool(_LOWER_WORD.search(clause)) and not _SENTENCE_START.search(before)


#: Most words of an introduced term; characters of a paragraph's opening read for one;
#: terms tried in a document.
INTRODUCED_MAX_WORDS = 6
#: Characters after an introduced term read for the name in brackets that glosses it.
GLOSS_READ = 80
#: The name in brackets right after a term: " (sternal fracture)".
_GLOSS = re.compile(r"[ \t]*+\(([^()]{3,60}+)\)")
INTRODUCED_WITHIN = 1500
INTRODUCED_MAX_TRIED = 20
#: The end of a sentence or the colon after a label, before the next one starts.
_CLAUSE_BREAK = re.compile(r"[.!?:][\"\u201d\u2019)]*+\s")
#: A term in bold that is whole words: "<b>facet</b>-joint" is none.
_BOLD_TERM = re.compile(r"<(strong|b)>(?P<term>[^<]{3,80}+)</\1>(?![\w-])")
#: Two or more words in capitals ("SCAPULAR DYSKINESIS"); one alone is often an
#: abbreviation ("MRI", "PRN").
_CAPITALS_TERM = re.compile(
    r"\b[A-Z][A-Z'\u2019-]{2,}+(?:[ \t\n]++[A-Z][A-Z'\u2019-]++){1,5}+\b(?![\w-])"
)
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
#: The end of what stands before a sentence's start: a stop and a space, or nothing.
_SENTENCE_START = re.compile(r"(?:[.!?:][\"\u201d)]?\s*|^\s*)$")
#: Words before a term that give it as what something is or is called: "it is",
#: "it was a", "a name for it", "called", "known as".
_INTRODUCING = re.compile(
    r"(?:\b(?:it|this|that)(?:'s|\u2019s|\s+is|\s+was)|\bname\b|\bcalled|\bknown\s+as)"
    r"[^.!?]{0,40}$",
    re.IGNORECASE,
)


def defined_treatment(document: Document, rules: RuleSet) -> str:
    """The name the opening paragraphs define as an operation or other treatment
    ("Sacroiliac (SI) joint fusion is an operation for people with ..."), or ""."""
    for sentence in _opening_sentences(document):
        match = _DEFINED_AS_TREATMENT.match(strip_brackets(sentence))
        if match is None or _WHICH_TREATMENT.search(match.group("name")):
            # "The main treatment is surgery to ...": which treatment, not its name.
            continue
        # "Hydrotherapy at Brackenfield Community Hospital is ...": where it is given is
        # no part of its name.
        named = _AT_PLACE.split(match.group("name"), maxsplit=1)[0]
        name = check_name(named, rules).name
        if name and len(name.split()) <= 5 and not rules.cue("anaphoric_subject", name):
            return name
    return ""


#: A name that says which treatment, not what it is: "The main treatment", "The usual
#: option", "The first step".
_WHICH_TREATMENT = re.compile(
    r"^(?:the|a|an|our|your)[ \t]+(?:most[ \t]+)?(?:main|usual|best|first|standard|only|other|"
    r"next|last|commonest|common|preferred|recommended)[ \t]+"
    r"(?:treatments?|options?|choices?|approach|steps?|aims?|things?|ways?)$",
    re.IGNORECASE,
)
#: A place after a name: " at Brackenfield Community Hospital", " in Leeds".
_AT_PLACE = re.compile(r"\s+(?:at|in|from)\s+(?=(?:the\s+)?[A-Z])")


#: "X is an operation for ...", "X is a keyhole procedure to ...".
_DEFINED_AS_TREATMENT = re.compile(
    r"(?P<name>[A-Z][\w'\u2019-]*+(?:[ \t][\w'\u2019-]++){0,4}?)[ \t]+(?:is|are)[ \t]+"
    r"(?:an?[ \t]+)?(?:[\w-]++[ \t]+){0,2}?"
    # "A discogram is a test to find out ...": a test is done as a procedure is.
    r"(?:operation|procedure|surgery|treatment|injection|test|scan|investigation)s?"
    r"[ \t]+(?:for|to|that|which|used|in)\b"
)


#: Paragraphs from the start of the text in which a condition's definition is looked for.
DEFINED_WITHIN = 8
#: A heading asking what something is: "What is a stinger?", "What are Modic changes".
_WHAT_IS = re.compile(
    r"what\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?P<name>[^?.:;,]{3,60}?)\s*\??", re.IGNORECASE
)
#: A sentence that opens with a name and says what it is: "X is ...", "X are ...".
_OPENS_DEFINITION = re.compile(
    r"(?:(?:An?|The)[ \t]++)?[A-Za-z][\w'\u2019-]*+(?:[ \t][\w'\u2019-]++){0,4}?[ \t]+"
    r"(?:is|are|means)[ \t]"
)
#: A question about what the text is about that names nothing: "What is it?", "What
#: have I actually done?", "What's wrong with me?".
_WHAT_IS_IT = re.compile(
    r"(?:q\s*[.:]\s*)?what(?:"
    r"(?:'s|\u2019s|\s+is|\s+was)\s+(?:it|this|that)(?:\s+exactly)?"
    # "WHAT IT IS" over "Long dorsal sacroiliac ligament pain. ...": a heading that says
    # what follows.
    r"|\s+(?:it|this)\s+is"
    r"|\s+(?:have|has)\s+(?:i|you|he|she|they|we)\s+(?:actually\s+|really\s+)?done"
    r"|(?:'s|\u2019s|\s+is)\s+(?:actually\s+|really\s+)?(?:wrong|going\s+on|the\s+matter)"
    r"(?:\s+with\s+(?:me|it|my\s+\w+))?"
    r")(?:\s+to\s+(?:my|his|her|their|your)\s+\w+)?\s*\??",
    re.IGNORECASE,
)
#: Words that hedge the name an answer gives: "Most likely a lumbosacral strain."
_HEDGED_ANSWER = re.compile(
    r"(?:(?:most|very)\s+likely|probably|almost\s+certainly|usually|it(?:'s|\u2019s|\s+is)"
    r"(?:\s+(?:most\s+likely|probably|usually))?(?:\s+(?:called|known\s+as|named))?)"
    r"[,\s]+(?:an?\s+|the\s+)?",
    re.IGNORECASE,
)
#: A name and its other name after a comma: "Delayed onset muscle soreness, or DOMS".
_NAME_OR_OTHER = re.compile(
    r"(?P<name>[^,.;:!?]{3,80}+)(?:,\s*(?:or|(?:also|sometimes|often|commonly)\s+"
    r"(?:called|known\s+as))\s+[^,.;:!?]{2,40})?\.?"
)


def _answer_name(section: Section, rules: RuleSet) -> str:
    """The name an answer's first sentence is, when it is only a name: "Delayed onset
    muscle soreness, or DOMS."; "" otherwise."""
    first = next((b for b in section.blocks if isinstance(b, Paragraph)), None)
    if first is None or not (sentences := split_sentences(first.text)):
        return ""
    first_sentence = sentences[0].strip()
    if hedge := _HEDGED_ANSWER.match(first_sentence):
        first_sentence = first_sentence[hedge.end() :]
    opening = _NAME_OR_OTHER.fullmatch(first_sentence)
    if opening is None:
        return ""
    name = check_name(without_article(opening.group("name").strip()), rules).name
    return name if name and len(name.split()) <= ANSWER_NAME_MAX_WORDS else ""


#: Most words of a name an answer opens with.
ANSWER_NAME_MAX_WORDS = 6


#: A part of the body alone, which names no subject: "Back", "The lower back", "Neck".
_BODY_PART_ALONE = re.compile(
    r"(?:(?:the|your|my)\s+)?(?:(?:lower|upper|middle|mid)\s+)?(?:back|neck|spine|"
    r"shoulders?|hips?|head|body|muscles?|joints?|bones?|posture)",
    re.IGNORECASE,
)
#: A name and how it comes about: "A splenius capitis strain happens when ...".
_HAPPENS_WHEN = re.compile(
    r"(?P<name>[A-Z][\w'\u2019-]*+(?:[ \t][\w'\u2019-]++){0,4}?)[ \t]+"
    r"(?:usually[ \t]+|often[ \t]+|mostly[ \t]+)?(?:happens|occurs|develops)[ \t]+when\b"
)
#: A sentence defining a part of the body: "The multifidus is a chain of short, deep
#: muscles ...", "The splenius capitis is a flat, strap-like muscle ...".
_DEFINED_AS_PART = re.compile(
    r"[^.!?]{0,80}?\b(?:is|are)[ \t]+(?:an?[ \t]+|the[ \t]+|two[ \t]+|four[ \t]+)?"
    r"(?:(?:pair|chain|group|set|band|layer|sheet)s?[ \t]+of[ \t]+)?"
    # "is a trapped nerve in the neck" says what is wrong with the part: a condition.
    r"(?:(?!(?:with|of|in|at|on|that|which|from|to|between|around|where|when|trapped|"
    r"pinched|slipped|torn|damaged|inflamed|irritated|compressed|herniated|bulging|worn|"
    r"injured|strained|sprained|broken|fractured)\b)"
    r"[\w,'-]+[ \t]+){0,4}?(?:muscles?|bones?|joints?|nerves?|ligaments?|tendons?|"
    r"vertebrae|vertebra|cartilage|membranes?|arter(?:y|ies)|veins?)\b",
    re.IGNORECASE,
)
#: "X is a condition where ...", "X is a rare disorder of ...", "X is a long-term illness",
#: "X is when your head sits in front of your shoulders", "X is neck and upper back pain
#: brought on by ..." (a pain with what brings it on or where it is).
_DEFINED_AS_CONDITION = re.compile(
    r"(?:(?:An?|The)[ \t]++)?(?P<name>[A-Za-z][\w'\u2019-]*+(?:[ \t][\w'\u2019-]++){0,4}?)"
    r"[ \t]+(?:is|are)[ \t]+"
    r"(?:(?:an?[ \t]+)?(?:[\w-]++[ \t]+){0,2}?(?:condition|disorder|disease|syndrome|illness)s?"
    r"|when"
    r"|(?:an?[ \t]+)?(?:[\w-]++[ \t]+){0,4}?(?:pain|ache|stiffness)[ \t]+(?:brought on|caused|"
    r"triggered|that comes|that starts|felt|in|from|around|between)"
    # "Orthostatic hypotension is a drop in blood pressure when ...": a harmful change
    # in the body.
    r"|an?[ \t]+(?:(?:sudden|sharp|steep|gradual|slow|abnormal|dangerous|painful)[ \t]+)?"
    r"(?:drop|fall|rise|loss|narrowing|thickening|weakening|build-up|buildup|breakdown|"
    r"inflammation|infection|swelling|curvature)[ \t]+(?:in|of))\b"
)
#: An adverb between a name and the verb that defines it: "Carotidynia simply means".
_ADVERB_BEFORE_VERB = re.compile(
    r"[ \t]+(?:simply|just|really|basically|actually)(?=[ \t]+(?:is|are|means)\b)",
    re.IGNORECASE,
)
#: ", sometimes called tech neck," after a name: another name of it, set off by commas.
_SYNONYM_ASIDE = re.compile(
    # "Femoroacetabular impingement, usually shortened to FAI and sometimes simply
    # called hip impingement, is when ...".
    r",[ \t]+(?:also|sometimes|often|usually|commonly|formerly)[ \t]+(?:simply[ \t]+)?"
    r"(?:called|known as|referred to as|shortened to|abbreviated to)[^,]{1,60}+,"
)


def is_clipped(short: str, whole: str) -> bool:
    """Whether ``short`` is ``whole`` cut short inside a word ("fibro" of "fibromyalgia";
    not "whiplash" of "whiplash injury", a name of its own)."""
    return (
        len(whole) > len(short) > 0
        and whole.lower().startswith(short.lower())
        and whole[len(short)].isalpha()
    )


def most_named_condition(
    body: str, rules: RuleSet, abbreviated: dict[str, str] | None = None, least: int = 0
) -> str:
    """The condition the text names most often ("kyphosis" in a Q&A titled "Ask the
    physio", "thoracic outlet syndrome" in an "Ask the expert" column), when it is named
    at least :data:`MOST_NAMED_MIN` times; else "". A name is a condition word, or one to
    three words ending in one or in a condition head ("syndrome", "pain"); of names
    counted as often, the longest wins (of names counted once, see :func:`_rank`)."""
    counts: dict[str, int] = {}
    known: dict[str, bool] = {}
    heads = frozenset(rules.condition_heads)
    # "his GP has diagnosed coccydynia": a word that breaks a name ("diagnosed",
    # "possible") is no modifier of the condition after it.
    stop = (
        stopwords().get("en", frozenset())
        | frozenset(rules.condition_name_breakers)
        | FEELING_WORDS
    )
    words = body.split()
    for index, word in enumerate(words):
        if word not in known:
            known[word] = len(word) >= 5 and rules.is_condition_term(word)
        if not known[word] and word not in heads:
            continue
        if known[word]:
            counts[word] = counts.get(word, 0) + 1
        for size in range(1, MOST_NAMED_MODIFIERS + 1):
            before = words[max(0, index - size) : index]
            if len(before) < size or any(
                w in stop
                or len(w) < 2
                or not w.replace("'", "").replace("-", "").isalpha()
                # "you get chest pain", "can give sciatica": a verb is no modifier.
                or opens_with_verb(w)
                for w in before
            ):
                break
            phrase = " ".join([*before, word])
            counts[phrase] = counts.get(phrase, 0) + 1
    present = set(words)
    for phrase in rules.condition_words:
        if " " not in phrase or _normalised(phrase.split(" ", 1)[0], rules) not in present:
            continue  # most known phrases are not in the text: their first word says so
        if count := body.count(f" {_normalised(phrase, rules)} "):
            counts[phrase] = count
    for short, phrase in (abbreviated or {}).items():
        # "Thoracic outlet syndrome (TOS) ... TOS": the abbreviation names it too.
        counts[phrase] = counts.get(phrase, 0) + body.count(f" {short} ")
    if not counts:
        return ""
    most = max(counts.values())
    if most < (least or MOST_NAMED_MIN):
        return ""
    tied = [term for term in counts if counts[term] == most]
    best = max(tied, key=lambda term: _rank(term, most, body, rules))
    key = name_key(best, rules)
    if full := [term for term in counts if is_clipped(best, term) and name_key(term, rules) == key]:
        # "fibro" most often, "fibromyalgia" too: the clipped name is short for the
        # whole one, which names the page.
        best = max(full, key=lambda term: counts[term])
    # "Axial spondyloarthritis ... the spondyloarthritis": the short name counts every
    # mention of the long one too. A qualified name used for at least half the mentions
    # is the one the article is about.
    qualified = [term for term in counts if term.endswith(f" {best}")]
    if qualified:
        # Of the qualified names used as often, the shortest: "degenerative
        # spondylolisthesis", never "Lindqvist feature degenerative spondylolisthesis".
        longer = max(qualified, key=lambda term: (counts[term], -len(term)))
        if most > 1 and counts[longer] * QUALIFIED_SHARE >= most:
            best = longer
    return sentence_case(best)


def _rank(term: str, count: int, body: str, rules: RuleSet) -> tuple:
    """How a name ranks among names counted as often: named more than once, the longest
    ("cervical spondylotic myelopathy": the words before it are part of its name); named
    once, a known condition's, then the first named, then the shortest ("What you
    describe fits piriformis syndrome ... like sciatica": the words before it are its
    sentence's, and "Deep pain in the buttock" names no condition)."""
    if count > 1:
        return (len(term),)
    found = body.find(f" {_normalised(term, rules)} ")
    end = found + len(term) if found >= 0 else len(body)
    return (rules.names_condition(term), -end, -len(term))


#: A qualified name ("thoracic disc herniation") wins over its unqualified form when it
#: has at least 1 / QUALIFIED_SHARE of the unqualified form's mentions.
QUALIFIED_SHARE = 2


#: An abbreviation in brackets: "(DCM)", "(TOS)".
_BRACKETED_ABBREVIATION = re.compile(
    r"\(\s*([A-Z]{2,6})s?\s*\)"
    # "Delayed onset muscle soreness, or DOMS": the abbreviation after ", or".
    r"|(?<=\w),\s*or\s+([A-Z]{2,6})\b"
)
#: How far before the bracket the name it abbreviates is looked for, in characters.
ABBREVIATION_REACH = 120


def main_abbreviation(document: Document, state: Context) -> None:
    """The abbreviation the text defines for the main page's name ("acute flaccid
    myelitis (AFM)") becomes another name of the main page, so a later "AFM damages the
    grey matter" is about the page, never a cause of it."""
    main, rules = state.main, state.rules
    if main is None:
        return
    key = _normalised(main.title, rules)
    text = "\n".join([document.title, *_texts(document)])
    for short, name in abbreviations(text, rules).items():
        if name == key:
            add_alternate(main, short.upper(), rules)
            state.pages.alias(short.upper(), main)
            state.decide(short.upper(), "alternate name", f"the text abbreviates {main.title!r}")


def abbreviations(text: str, rules: RuleSet) -> dict[str, str]:
    """Abbreviations the text defines for condition names, as ``{lower-case
    abbreviation: normalised name}``: the words right before the bracket whose initials
    spell it ("degenerative cervical myelopathy (DCM)"), when they end in a condition
    word or head."""
    found: dict[str, str] = {}
    for match in _BRACKETED_ABBREVIATION.finditer(text):
        short = match.group(1) or match.group(2)
        before = text[max(0, match.start() - ABBREVIATION_REACH) : match.start()]
        words = before.split()[-len(short) :]
        if len(words) != len(short) or "".join(w[0] for w in words).upper() != short:
            continue
        name = " ".join(words)
        if (
            rules.is_condition_term(name)
            or rules.has_condition_head(name)
            or _SYMPTOM_HEAD.search(name)  # "Delayed onset muscle soreness, or DOMS"
        ):
            found[short.lower()] = _normalised(name, rules)
    return found


#: An abbreviation followed by what it stands for in brackets: "QL (quadratus lumborum)".
_ABBREVIATION_EXPLAINED = re.compile(r"\b([A-Z]{2,6})\s+\(([^()]{3,60})\)")


def _expanded(body: str, text: str, rules: RuleSet) -> str:
    """``body`` with each abbreviation the text spells out after it ("QL (quadratus
    lumborum)") read as its words, so "QL strain" counts as "quadratus lumborum strain"."""
    for match in _ABBREVIATION_EXPLAINED.finditer(text):
        short, words = match.group(1), match.group(2).split()
        if len(words) == len(short) and "".join(w[0] for w in words).upper() == short:
            body = body.replace(
                f" {_normalised(short, rules)} ", f" {_normalised(match.group(2), rules)} "
            )
    return body


#: Most words before a condition word or head counted as part of a name.
MOST_NAMED_MODIFIERS = 3


def _texts(document: Document):
    # Headings name the subject too ("What is cervical radiculopathy?"); the title does not
    # count as a mention of itself.
    yield from (s.heading for s in document.sections if s.heading and s.heading != document.title)
    yield from document.block_texts(leads=False)


#: Who a name is about, after it: " in dental nurses", " for carers".
_WHO_IT_IS_FOR = re.compile(r"\s+(?:in|among|for)\s+", re.IGNORECASE)
#: A general symptom word that is a whole candidate: "Pain", "Stiffness".
#: How a pain feels or came on: no part of a condition's name ("Sharp pain").
FEELING_WORDS = frozenset(
    "sharp dull stabbing shooting burning throbbing sudden severe mild constant nagging bad"
    " terrible intense".split()
)
_SYMPTOM_WORD = re.compile(
    r"(?:the\s+|an?\s+)?"
    # "Sharp pain", "A dull ache": how it feels names no more than the word alone.
    rf"(?:(?:{'|'.join(sorted(FEELING_WORDS))})\s+){{0,2}}"
    r"(?:pain|aches?|aching|stiffness|discomfort|soreness|tenderness|swelling|"
    r"numbness|weakness|spasms?|symptoms?)",
    re.IGNORECASE,
)
#: Words that join topic words in a heading: "Causes, symptoms and treatment".
_JOINING_WORDS = re.compile(r"\b(?:and|or|the|of|for|with|your|its)\b", re.IGNORECASE)


def _rejected(text: str, rules: RuleSet) -> str:
    if cue := rules.cue("title_placeholder", text) or rules.cue("publication_kind", text):
        return f"placeholder {cue!r}"
    parts = [part for part in _TITLE_PARTS.split(text) if part.strip()]
    if len(parts) > 1 and all(rules.cue("title_placeholder", part.strip()) for part in parts):
        # "Ear, Nose and Throat (ENT) Department - Emergency ENT Clinic": who wrote it.
        return "placeholder parts"
    if (
        len(parts) > 1
        and any(
            _ISSUE.fullmatch(part.strip()) or rules.cue("publication_kind", part.strip())
            for part in parts
        )
        and not any(rules.names_condition(part.strip()) for part in parts)
    ):
        # "Cragshed Chalk Talk - June 2025", "Starlight Allstars Cheer - Parent Handbook":
        # a publication's name and its issue or kind.
        return "a publication's name and issue"
    if is_practitioner(_WHO_IT_IS_FOR.split(text.strip(" ."), maxsplit=1)[0]):
        # "Physiotherapist in Leeds"; not "Neck pain in dental nurses", which names who
        # gets it.
        return "names who gives care"
    if _SYMPTOM_WORD.fullmatch(text.strip(" .")):
        return "a symptom word alone names no condition"
    if _DATE.fullmatch(text.strip(" .")):
        return "a date"
    rest = text.lower()
    for topic in (*HEADING_TOPICS, "warning", "diagnosis"):
        rest = rules.remove_cues(f"heading_{topic}", rest)
    rest = rules.remove_cues("title_genre", rest)
    rest = _JOINING_WORDS.sub(" ", rest)  # "Causes, Symptoms and Treatment"
    if not re.search(r"[^\W\d_]{3,}", rest):
        return "only topic or genre words"
    return ""


#: A path or identifier: words joined by a slash with a hyphen, dot or underscore and no
#: space ("content/wry-neck", "docs/back_pain.md"), never "sprain/strain".
_IDENTIFIER = re.compile(r"[^\W\d_]/[\w.-]*[^\W\d][-._][^\W\d_]|[^\W\d][-._][\w.-]*/[^\W\d_]")


def is_identifier(name: str) -> bool:
    """Whether ``name`` holds a path or an identifier ("Content/wry-neck" from a branch's
    name, "pages/neck/wry-neck.md"), which no subject is named by."""
    return "/" in name and _IDENTIFIER.search(name) is not None


#: The word an organisation's name ends in: "... Health Partnership", "... NHS Trust".
_ORGANISATION = re.compile(
    r"\b(?:partnership|trust|board|council|foundation|association|society|charity|alliance|hotel"
    r"|federation|authority|ministry|agency|institute|university|college|ltd|limited|plc|llp"
    r"|inc|cic)$",
    re.IGNORECASE,
)


def without_genre_label(text: str, rules: RuleSet) -> str:
    """ "ADVICE SHEET: Spinous process fracture" -> "Spinous process fracture": a label
    saying what kind of document it is, or the day it was posted ("Wednesday 17
    September: WOD + Injury Corner"), then what it is about."""
    label, colon, rest = text.partition(":")
    if (
        colon
        and rest.strip()
        and (rules.cue("title_placeholder", label.strip()) or _DATE.fullmatch(label.strip()))
    ):
        return rest.strip()
    return text


#: A date alone: "Wednesday 17 September", "12 May 2025", "March 3rd".
_DATE = re.compile(
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|(?:jan|feb|mar|apr|may|jun|"
    r"jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?",
    re.IGNORECASE,
)


#: An issue of a newsletter or magazine: "June 2025", "Issue 14", "Spring 2025".
_ISSUE = re.compile(
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|spring|summer|autumn|"
    r"fall|winter)\s+(?:19|20)\d\d|(?:issue|edition|vol(?:ume)?\.?|no\.?)\s*\d{1,4}",
    re.IGNORECASE,
)


#: An article opening a candidate.
_ARTICLE = re.compile(r"^(?:the|a|an)\s+(?=\w)", re.IGNORECASE)
#: A possessive opening a candidate: the reader's or the writer's own.
_READER_OWNS = re.compile(r"^(?:your|my|our)\s+(?=\w)", re.IGNORECASE)
#: A verb done to the reader inside a candidate ("hurting your back", "keeping you
#: active"): a clause, not a name. "Rheumatoid arthritis and your neck" stays a candidate.
_ADDRESSES_READER = re.compile(r"\b\w+ing\s+(?:you|your|yourself)\b", re.IGNORECASE)


#: A person's name before what troubles them, in a sentence-case title: "Marcus Dene "
#: in "Marcus Dene back injury" (an eponym's capitals come before its condition's head
#: word instead: "Ehlers Danlos syndrome").
_PERSON_BEFORE = re.compile(r"(?:[A-Z][a-z'\u2019-]++[ \t]++){2,3}(?=[a-z])")
#: What a complaint named by where it is ends in: "back injury", "neck pain".
_COMPLAINT_HEADS = frozenset({"pain", "injury", "injuries", "problem", "problems", "trouble"})


def _complaint(text: str, rules: RuleSet) -> bool:
    """Whether ``text`` names a complaint by where it is ("back injury", "neck pain"): a
    general pain (:meth:`RuleSet.is_general_pain`) of any complaint word."""
    words = text.lower().split()
    return (
        2 <= len(words) <= 4
        and words[-1] in _COMPLAINT_HEADS
        and rules.is_general_pain(" ".join([*words[:-1], "pain"]))
    )


#: A title opening with its name in quotes, more after it: '"Living with X" - webinar'.
_QUOTED_OPENING = re.compile(
    r"[\"\u201c]([^\"\u201c\u201d\n]{3,120}+)[\"\u201d]\s*+[-\u2013\u2014:|,(]"
)


#: Last words of a product's name besides the vocabulary's device heads.
_PRODUCT_HEADS = frozenset({"machine", "machines", "unit", "units", "device", "devices"})


def _product_of(name: str, rules: RuleSet) -> str | None:
    """The vocabulary treatment a product's name ends in ("PulseEase Dual Channel TENS
    Machine" -> "TENS"), when the name is more than the treatment's own words and names
    no other treatment; else None."""
    found = rules.find_treatments(name)
    words = re.findall(r"[a-z]+", name.lower())
    if len(found) != 1 or not words or words[-1] not in {*rules.device_heads, *_PRODUCT_HEADS}:
        return None  # "Endoscopic lumbar discectomy" is an operation, no product
    term, match = found[0]
    if name[match.end() :].strip() or not name[: match.start()].strip():
        return None  # the treatment does not end the name, or is all of it
    return term.name


def _listed_product(name: str, rules: RuleSet) -> str:
    """The product a seller's title names, up to the first word naming an aid ("brace",
    "belt", "cushion"), when a treatment the vocabulary knows is in it; else ""."""
    for word in re.finditer(r"[A-Za-z]+", name):
        if word.group(0).lower() in rules.device_heads:
            product = name[: word.end()]
            if len(product.split()) >= 2 and rules.find_treatments(product):
                return sentence_case(" ".join(product.split()))
            return ""
    return ""


#: Sizes a seller's title lists: "S-XXL", "S/M", "One size", "Size 10".
_SIZE_RANGE = re.compile(
    r"\b(?:(?:X{0,3}S|M|X{0,3}L|[2-6]XL)[ \t]*+[-\u2013/][ \t]*+(?:X{0,3}L|[2-6]XL|M)"
    r"|one size(?: fits (?:all|most))?|size [SMLX0-9]{1,4})\b",
    re.IGNORECASE,
)


_ALTERNATIVES = re.compile(r"\s+(?:or|vs\.?|versus)\s+")
#: A circumstance closing a name ("... when coughing", "... when you cough").
_WHEN_IT_HURTS = re.compile(r"\s(?:when|while|after|during)\s+\S+(?:\s+\S+){0,2}$", re.IGNORECASE)


def _names(text: str, rules: RuleSet) -> list[str]:
    """The names a candidate gives: "Is it sciatica or piriformis syndrome?" gives both."""
    cleaned = rules.remove_cues("title_genre", text)
    cleaned = without_genre_label(cleaned, rules)
    if _INSTANCE_OF.match(cleaned.strip()):
        # "A trapped nerve you may not have heard of": one of a kind, which the text goes
        # on to name; the kind is no name of it.
        return []
    if (glossed := _TRAILING_TERM.fullmatch(cleaned.strip())) and _glossed_symptom(
        glossed.group("words"), glossed.group("term").strip(" " + QUOTE_MARKS), rules
    ):
        # "Shoulder blade pain at the wheel (scapulocostal syndrome)": the term in
        # brackets names what the words before it describe, quoted or not.
        return [sentence_case(glossed.group("term").strip(" " + QUOTE_MARKS))]
    if quoted := _QUOTED_OPENING.match(cleaned):
        # '"Living with notalgia paresthetica" - members\' webinar - 14 Oct 2025': the
        # quoted words are the title; what follows says what kind of thing it is.
        cleaned = quoted.group(1)
    if (combined := _COMBINATION.match(cleaned)) and whole_medicine(
        joined := f"{combined.group('first')} and {combined.group('second').lower()}", rules
    ):
        # "Ibuprofen 200 mg / Codeine 12.8 mg Tablets": two medicines in one product.
        cleaned = joined
    head = _STRENGTH_TAIL.split(cleaned, maxsplit=1)[0]
    if head != cleaned and not whole_medicine(cleaned, rules) and whole_medicine(head, rules):
        # "Diazepam 2 mg and 5 mg Tablets": strengths the medicine's own name cannot hold
        # ("Naproxen 250 mg tablets" can) are no part of the subject's name.
        cleaned = head
    if predicate := headline_clause(cleaned, rules)[1]:
        # "Walking programme keeps low back pain away for longer": a headline's clause is
        # no name ("Programme keeps low back pain" would be a fragment); the condition it
        # names is the candidate.
        found = rules.condition_in_phrase(predicate.split(",")[0])
        return [sentence_case(found)] if found else []
    name = condition_name_from_title(" ".join(cleaned.split()), rules)
    if name and (bare := _ARTICLE.sub("", name)) != name and check_name(bare, rules).name:
        # "The Pain Management Programme (PMP)": the article is no part of the name.
        name = sentence_case(bare)
    if name and (owned := _READER_OWNS.sub("", name)) != name:
        # "Your hard neck collar": whose it is is no part of its name.
        name = sentence_case(owned)
    if name and (person := _PERSON_BEFORE.match(name)) and _complaint(name[person.end() :], rules):
        # "Marcus Dene back injury": whose back it is is no part of the complaint's name.
        name = sentence_case(name[person.end() :])
    if not name or _ADDRESSES_READER.search(name):
        # "(Stop) gardening from hurting your back": a clause about the reader, no name.
        return []
    if not check_name(name, rules).name:
        name = _without_population(name, rules)
    if (described := _DESCRIBED_PEOPLE.split(name, maxsplit=1)[0]) != name and check_name(
        described, rules
    ).name:
        # "Mechanical neck pain in people who work at screens": who gets it, said in a
        # clause, is no part of the name.
        name = described
    if (timeless := without_time(name)) != name and check_name(timeless, rules).name:
        # "Sciatica at 28 weeks": when the writer has it is no part of its name.
        name = timeless
    parts = [p for p in _ALTERNATIVES.split(name) if p.strip()]
    if len(parts) > 1 and _WHEN_IT_HURTS.search(parts[0]):
        # "Back pain when coughing or sneezing": the "or" joins two ways of one
        # circumstance, not two names.
        parts = [name]
    names = [sentence_case(check_name(p, rules).name or "") for p in parts]
    names = [n for n in names if n] if len(parts) > 1 else [name]
    if len(names) > 1 and all(whole_treatment(n, rules) for n in names):
        # "Physio or surgery?": a choice between treatments is asked about a condition;
        # it names no subject.
        return []
    names = [_first_of_two_treatments(_condition_before_and(n, rules), rules) for n in names]
    # "A morning routine for sciatica": the condition inside the phrase is a candidate
    # of its own, scored beside the whole wording.
    extra = []
    for n in names:
        head = _HEAD_BEFORE_PREPOSITION.split(n, maxsplit=1)[0]
        # "Opioid prescribing for chronic back pain": what is done with a treatment is
        # no part of its name.
        if head != n and (framed := _TREATMENT_FRAME.sub("", head)) != head:
            term = whole_treatment(framed, rules)
            head = term.name if term is not None else framed
        if (
            head != n
            and (done := _OF_PART.split(head, maxsplit=1)[0]) != head
            and not _treatment_kind(head, rules)
            and _treatment_kind(done, rules)
        ):
            # "Restorative neurostimulation of the multifidus muscle for ...": what the
            # procedure is done to is no part of the treatment's name.
            head = done
        after = _AFTER_PROCEDURE.split(n)
        if head != n and _treatment_kind(head, rules) and not _GENERAL_CARE.match(head):
            # "Muscle relaxants for back spasms": the phrase is about the treatment it
            # opens with; the condition is what it is for.
            extra.append(sentence_case(_DOSE_QUALIFIER.sub("", head)))
        elif (
            len(after) > 1
            and not _STILL_HURTS.search(after[0])
            and _treatment_kind(done := _READER_OWNS.sub("", after[-1]), rules)
        ):
            # "Your recovery after lumbar laminectomy", "Twelve weeks after my
            # microdiscectomy": the treatment it is about, whoever had it. Not "Still in
            # pain after back surgery": the pain that stayed is what it is about.
            extra.append(sentence_case(done))
        elif (done := _RECOVERY_FROM.sub("", n)) != n and _treatment_kind(done, rules):
            # "Microdiscectomy recovery", "Spinal fusion rehab": the same, said after it.
            extra.append(sentence_case(done))
        elif found := rules.condition_in_phrase(n):
            extra.append(sentence_case(found))
        elif len(medicines := rules.find_medicines(n)) == 1 and not whole_medicine(n, rules):
            # "Your adalimumab deliveries": the one medicine a phrase names is a candidate
            # of its own; "Movelief Ibuprofen 5% w/w Gel" names it with the form it is
            # rubbed on in ("Ibuprofen gel"), which is a treatment of its own.
            found = medicines[0][1]
            form = _TOPICAL_FORM.search(n, found.end())
            extra.append(sentence_case(found.group(0) + (f" {form.group(0)}" if form else "")))
        elif _SIZE_RANGE.search(n) and (product := _listed_product(n, rules)):
            # "Lumbar Support Back Brace Breathable Adjustable Lower Back Belt S-XXL": a
            # seller's title, sizes and selling words after the product's own name.
            extra.append(product)
        elif (device := _product_of(n, rules)) is not None:
            # "PulseEase Dual Channel TENS Machine": a product's name ends in the treatment
            # it is one of; the treatment is a candidate of its own.
            extra.append(device)
        elif not check_name(n, rules).name and (tail := _ABOUT.split(n)[-1]) != n:
            # "Know the signs of cauda equina syndrome": a phrase that is no name ends in
            # the condition it is about.
            if rules.names_condition(tail) and check_name(tail, rules).name:
                extra.append(sentence_case(tail))
    return names + [n for n in extra if n not in names]


def _self_care_discussed(title: str, headed: list, rules: RuleSet) -> str:
    """The self-care a "<self-care> for <condition>" title opens with, when a heading of
    the text asks what it is or whether it helps ("Tai chi for back pain" with "What is
    tai chi?", "Yoga for low back pain" with "Does yoga help back pain?"): the text is
    about the treatment. Without such a heading the title is a routine for the condition
    ("Yoga for lower back pain: six poses ..."), as "Exercises for ..." is; ""."""
    match = _FOR_WHAT.match(" ".join(_TITLE_PARTS.split(title)[0].split()))
    if match is None:
        return ""
    head = match.group("head").strip()
    term = whole_treatment(head, rules)
    if term is None or term.general or term.kind != SELF_CARE_KIND:
        return ""
    for section in headed:
        heading = section.heading.strip()
        if not (_WHAT_IS.fullmatch(heading) or _ASKS_IF_IT_HELPS.match(heading)):
            continue
        if any(found.name == term.name for found, _ in rules.find_treatments(heading)):
            return head
    return ""


#: A heading asking whether or how a treatment helps (what it is: :data:`_WHAT_IS`):
#: "Does yoga help back pain?", "How tai chi can help back pain".
_ASKS_IF_IT_HELPS = re.compile(
    r"(?:does|do|can|will|how)\s+[^?.:;]{2,40}?\s+(?:\w+\s+)?(?:help|helps|work|works)\b",
    re.IGNORECASE,
)


#: A title's last "for" and what follows it, up to brackets or a colon.
_FOR_WHAT = re.compile(r"^(?P<head>.+)\s+for\s+(?P<what>[^()\[\]:?|]+)", re.IGNORECASE)


def _title_readings(title: str, rules: RuleSet) -> list[tuple[str, str]]:
    """Candidates a title gives by how it is worded: the treatment a question asks about
    ("Can insoles fix your back pain?", "Does acupuncture work for sciatica?"), the
    condition something turned out to be ("... was the first sign of Guillain-Barre
    syndrome"), a name a part of the title calls a treatment ("RPG - Global Postural
    Reeducation: the treatment of the posture ..."), and the organ whose pain a question
    asks the pain may really be ("Could my back pain be coming from my kidneys?")."""
    title = " ".join(title.split())
    found = []
    if organ := rules.cue_match("title_organ_question", title):
        found.append(("organ asked about", f"{_singular_organ(organ.group('organ'))} pain"))
    # "Ask the pharmacist: Is ketoprofen gel good for back pain?": the question may follow
    # a column's label.
    for part in (title, *_TITLE_PARTS.split(title)[1:]):
        if asked := _TREATMENT_ASKED.match(part):
            found.append(("treatment asked about", asked.group("what")))
            break
    if revealed := _REVEALED.search(title):
        what = revealed.group("what") or revealed.group("what2") or revealed.group("what3")
        found.append(("revealed condition", what.rstrip(" ?.!")))
    parts = [part.strip() for part in _TITLE_PARTS.split(title) if part.strip()]
    for part, following in zip(parts, parts[1:], strict=False):
        if _CALLED_A_TREATMENT.match(following):
            found.append(("title treatment", part))
    if (
        len(parts) == 2
        and _names_a_condition(parts[1], rules)
        and not rules.condition_in_phrase(parts[0])
        and not any(rules.has_condition_head(word) for word in parts[0].split())
        and _GROUP_OF_PEOPLE.search(parts[0])
        # "Looking after your shoulders: AC joint arthritis": advice to the reader about
        # a part of the body, no group of people.
        and not _READERS_OWN.search(parts[0])
    ):
        # "Parcel Delivery Drivers: Back Injuries": a group of people, then what they
        # suffer; the condition in that group is what the title names.
        found.append(("group's condition", sentence_case(f"{parts[1]} in {parts[0]}")))
    return found


#: The reader's or the writer's own: "your shoulders", "my back".
_READERS_OWN = re.compile(r"\b(?:your|my|our)\b", re.IGNORECASE)
#: The last word of a group of people: "drivers", "nurses", "farmers", "children".
_GROUP_OF_PEOPLE = re.compile(
    r"(?:ers|ors|ists|ians|ants|ents|nurses|staff|workers|people|children|adults|teenagers"
    r"|women|men|athletes|players|students|pupils|veterans|carers|parents|mothers|babies)$",
    re.IGNORECASE,
)


def _singular_organ(word: str) -> str:
    """ "kidneys" -> "Kidney", "gall bladder" -> "Gallbladder", "ovaries" -> "Ovary"."""
    word = " ".join(word.lower().split()).replace("gall bladder", "gallbladder")
    if word.endswith("ies"):
        word = word[:-3] + "y"
    elif word.endswith("s") and word not in ("pancreas",):
        word = word[:-1]
    return word.capitalize()


#: A question about what a treatment does for a condition: "Can insoles fix ...".
_TREATMENT_ASKED = re.compile(
    r"^(?:can|could|do|does|will|would|should|is|are)\s+(?P<what>[^?:;,]{2,50}?)\s+"
    r"(?:really\s+)?(?:fix|help|cure|ease|relieve|treat|stop|prevent|work|worth it|right|"
    r"good|safe|effective)\b",
    re.IGNORECASE,
)
#: What a symptom turned out to be: "... was the first sign of X", "turned out to be X".
_REVEALED = re.compile(
    r"\b(?:was|were|is|are)\s+(?:the\s+|a\s+|an\s+)?(?:first|early|only|real)\s+"
    r"(?:sign|signs|symptom|symptoms)\s+of\s+(?:an?\s+|the\s+)?(?P<what>[^?:;,]{3,60}+)$|"
    r"\bturned\s+out\s+to\s+be\s+(?:an?\s+|the\s+)?(?P<what2>[^?:;,]{3,60}+)$|"
    # "When back pain is really endometriosis, with Dr ...": what it really is.
    r"\b(?:is|was|are|were)\s+(?:really|actually)\s+(?:an?\s+|the\s+)?"
    r"(?P<what3>[^?:;,]{3,60}+)(?=\s*+(?:$|[,?]))",
    re.IGNORECASE,
)
#: A title part calling the part before it a treatment: "the treatment of ...".
_CALLED_A_TREATMENT = re.compile(
    r"^(?:an?|the|our)\s+(?:[\w-]+\s+){0,2}?(?:treatment|therapy|method|technique|"
    r"approach|programme|program)\s+(?:of|for)\b",
    re.IGNORECASE,
)


def _title_purpose(title: str, rules: RuleSet) -> str:
    """What a title's products, tips or care are for ("Best pillows and rollers for neck
    pain" -> "neck pain"); "" when the title names no such thing, or opens with a
    treatment the vocabulary knows ("Low-dose amitriptyline for nerve pain" is about
    the medicine)."""
    match = _FOR_WHAT.match(" ".join(title.split()))
    if match is None or ":" in match.group("head"):
        return ""  # "Cervical cord neurapraxia: guidance for athletes" is about the former
    head = match.group("head").split(",")[0]
    head = rules.remove_cues("title_prefix", head, "", count=1).strip()
    what = _ROUNDUP_YEAR.sub("", match.group("what")).strip(" .-–—")
    if (_treatment_kind(head, rules) and not _ROUNDUP.match(head)) or not _names_a_condition(
        check_name(what, rules).name, rules
    ):
        return ""
    return what


#: A shopping round-up's head: "7 best pillows", "Top 10 posture correctors".
_ROUNDUP = re.compile(r"^(?:the\s+)?(?:\d+\s+)?(?:best|top(?:\s+\d+)?|favou?rite)\b", re.IGNORECASE)
#: The year a round-up is for, after what its products are for: " in 2025", " (2025)".
_ROUNDUP_YEAR = re.compile(r"\s+(?:in|for|of)\s+(?:19|20)\d\d\s*$|\s*[(\[](?:19|20)\d\d[)\]]\s*$")


def _condition_before_and(name: str, rules: RuleSet) -> str:
    """ "Low back pain and whole-body vibration" -> "Low back pain": a title joining a
    condition to what brings it on, or to a treatment ("Ankylosing spondylitis and
    exercise"), or to anything but another condition, is about the condition. An
    operation named by its two steps ("... discectomy and fusion") opens with no
    condition and stays whole."""
    parts = re.split(r"\s+(?:and|&)\s+", name)
    if len(parts) != 2 or "(" in name or rules.regions_in(parts[1]):
        # "Rheumatoid arthritis and your neck (atlantoaxial instability)": a condition and
        # a part of the body, or a condition in brackets, is another condition's title.
        return name
    first, second = (check_name(part, rules).name for part in parts)
    if (
        _names_a_condition(first, rules)
        and not _names_a_condition(second, rules)
        and not rules.find_treatments(parts[0])
        # "Back pain in nursing and care staff": the "and" joins the people the name is
        # about, inside its qualifier.
        and not _HEAD_BEFORE_QUALIFIER.search(first)
    ):
        return sentence_case(first)
    return name


def _first_of_two_treatments(name: str, rules: RuleSet) -> str:
    """ "Facet joint injections and medial branch blocks" -> "Facet joint injections": a
    title joining two treatments, neither of them the other's step, is about the first;
    the second is a page of its own. One operation named by its two steps
    ("... discectomy and fusion") stays whole."""
    parts = _AND.split(name)
    if len(parts) != 2 or whole_treatment(name, rules) is not None:
        return name
    if all(whole_treatment(part, rules) is not None for part in parts):
        return sentence_case(parts[0])
    return name


def _second_of_two_treatments(title: str, subject: str, rules: RuleSet) -> str:
    """The second of two treatments a title joins, when the subject is the first."""
    first = _first_of_two_treatments(title, rules)
    if first == title or name_key(first, rules) != name_key(subject, rules):
        return ""
    return sentence_case(_AND.split(title)[1])


_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)


#: Words for care in general: "Surgery for craniocervical instability" is about the
#: condition it is for, "Muscle relaxants for back spasms" about the medicines.
_GENERAL_CARE = re.compile(
    r"^(?:(?:the|an?|your|my)\s+)?(?:surgery|an operation|operation|treatment|treatments|"
    r"care|help|support|therapy|rehab|rehabilitation)$",
    re.IGNORECASE,
)


#: The last "of", "for" or "about" of a phrase: the condition it is about follows it.
_ABOUT = re.compile(r"\s+(?:of|for|about|with)\s+", re.IGNORECASE)


#: Words that open who a title is for ("... in adults", "... among older people").
_POPULATION_WORDS = frozenset({"in", "among", "for"})
#: People described by a clause after a name: " in people who work at screens".
_DESCRIBED_PEOPLE = re.compile(
    r"\s+(?:in|among|for)\s+(?:\w+\s+){0,2}?(?:who|whose|that|which)\s", re.IGNORECASE
)
#: Most words a population qualifier has.
POPULATION_MAX_WORDS = 3


def _without_population(name: str, rules: RuleSet) -> str:
    """A name too long to be one without the people it is about at its end: "Low back
    pain with sciatica in adults" -> "Low back pain with sciatica"."""
    words = name.split()
    for index in range(len(words) - 1, max(0, len(words) - POPULATION_MAX_WORDS - 2), -1):
        if words[index].lower() in _POPULATION_WORDS:
            shorter = " ".join(words[:index])
            return shorter if check_name(shorter, rules).name else name
    return name


#: Where a title's headline ends and its subtitle starts.
_TITLE_PARTS = re.compile(r"\s*[?:!]\s+|\s+[-\u2013\u2014|]\s+")


#: The time after a procedure, named after it: " recovery", " rehab", " aftercare".
_RECOVERY_FROM = re.compile(
    r"\s+(?:recovery|rehab|rehabilitation|aftercare|after-care|recovery diary|recovery log)$",
    re.I,
)
#: Words after which a title names the procedure it is about ("Recovery after ...").
_AFTER_PROCEDURE = re.compile(r"\s+(?:after|following|before|having)\s+(?:an?\s+|your\s+)?")
_HEAD_BEFORE_PREPOSITION = re.compile(r"\s+(?:for|in|at|to|after|during|with|against)\s+")
#: A symptom before "after <procedure>": what the procedure left, not the procedure.
_STILL_HURTS = re.compile(
    r"\b(?:pain|painful|hurts?|hurting|aches?|aching|sore|numb|numbness|stiff|stiffness|"
    r"weak|weakness|symptoms)\b",
    re.IGNORECASE,
)
#: What is done with a treatment, after its name: "Opioid prescribing", "Steroid use".
_TREATMENT_FRAME = re.compile(
    r"\s+(?:prescribing|prescriptions?|use|deliver(?:y|ies)|tapering|withdrawal)$", re.I
)


def _treatment_kind(name: str, rules: RuleSet) -> str:
    """ "a medicine" or "a treatment" when the whole name is one the vocabulary knows.
    A general one ("Exercise") or self-care ("Yoga for lower back pain": a routine for
    the condition, like "Exercises for ...") names no subject."""
    if whole_medicine(name, rules) is not None:
        return "a medicine"
    if _is_aid(name, rules):
        return "a treatment"  # "FlexiCore lumbar support belt": a device, brand or not
    term = whole_treatment(name, rules)
    if term is None and _is_procedure(name, rules):
        return "a treatment"  # "Interspinous spacer insertion": a procedure by its name
    if term is None or term.general or term.kind == SELF_CARE_KIND:
        return ""
    return "a treatment"


#: A name ending in "therapy" ("Fangotherapy", "Mud therapy"): a treatment, no operation.
_THERAPY = re.compile(r"therapy\W*$", re.IGNORECASE)


def _is_procedure(name: str, rules: RuleSet) -> bool:
    """A procedure named by its last word, the vocabulary knowing it or not, in a name
    that is not a phrase around a condition (:meth:`RuleSet.condition_in_phrase`)."""
    return rules.is_procedure(name) and not rules.condition_in_phrase(name)


def _is_aid(name: str, rules: RuleSet) -> bool:
    """A device or aid named as such ("Perching stool"), never a condition that ends like
    one ("Shin splints")."""
    return rules.is_device(name) and not rules.names_condition(name)


#: The treatment kind of what readers do for themselves (yoga, walking, heat).
SELF_CARE_KIND = "self_care"
#: The treatment kind of an operation.
SURGERY_KIND = "surgery"


#: How far below the best a qualified form of it may score and still name the subject.
QUALIFIED_MARGIN = 1.0


def _qualifies(longer: str, key: str) -> bool:
    """Whether the name key ``longer`` is ``key`` qualified: before it ("sacral
    insufficiency fracture") or by a phrase after it ("back pain in pregnancy")."""
    if longer.endswith(f" {key}"):
        return True
    return longer.startswith(f"{key} ") and bool(_QUALIFYING_PHRASE.match(longer[len(key) + 1 :]))


#: A phrase after a name saying in whom or when: "in pregnancy", "after childbirth".
_QUALIFYING_PHRASE = re.compile(r"(?:in|during|after|with|from|at|among)\s+\w")


def _qualified_form(best: Candidate, scored: list[Candidate], rules: RuleSet) -> Candidate:
    """A candidate that qualifies the best one ("Sacral insufficiency fractures" of
    "Insufficiency fracture"), scoring nearly as well and used for at least
    1 / :data:`QUALIFIED_SHARE` of its mentions, or set apart in bold or capitals as the
    condition's name: the article is about the qualified kind, and its bare mentions are
    short for it (as in :func:`most_named_condition`)."""
    key = name_key(best.name, rules)
    # A diagnosis was cut before what comes with it: "... with osteoporosis" names
    # another condition, not a kind of this one.
    joined = f"{key} with " if best.source == "diagnosis" else None
    qualified = [
        candidate
        for candidate in scored
        if _qualifies(name_key(candidate.name, rules), key)
        and not (joined and name_key(candidate.name, rules).startswith(joined))
        and (
            (
                candidate.score >= best.score - QUALIFIED_MARGIN
                and candidate.mentions * QUALIFIED_SHARE >= best.mentions
            )
            # "the answer was **sternoclavicular joint arthritis**" and then "arthritis":
            # the writer set the whole name apart, and shortens it after; "A femoral neck
            # stress fracture is a small crack ...": or defined it.
            or (candidate.source in ("introduced term", "defined condition") and candidate.kind)
        )
    ]
    return max(qualified, key=lambda c: c.score) if qualified else best


#: Which part of a region a pain's name says, before the region: "Low", "upper".
_PART_OF_REGION = re.compile(r"^(?:low|lower|upper|mid|middle)\s+(?=\w+\s)", re.IGNORECASE)


def _scored(
    candidate: Candidate, body: str, rules: RuleSet, short_names: dict[str, str] | None = None
) -> Candidate:
    """``candidate`` scored: where it was found, whether it names a condition or a
    treatment, and how often the text names it (by an abbreviation it defines too)."""
    name = candidate.name
    if not check_name(name, rules).name and not _long_condition_name(name, rules):
        candidate.why = "not a name"
        return candidate
    if is_practitioner(name):
        candidate.why = "names who gives care"
        return candidate
    head = re.split(r"\s+(?:in|at|during|after|for|of|from|with)\s+", name)[0]
    # "Osteitis pubis in runners": the text names the condition without its qualifier;
    # "Osteoporosis and back pain" is about the first condition, named on its own.
    first = two_conditions(name, rules)[0]
    counted = {name, head, first}
    if _SYMPTOM_HEAD.search(head):
        # "Low back pain in tennis players" over a text that says "back pain": the same
        # pain, named without which part of the back.
        counted.add(_PART_OF_REGION.sub("", head))
    normalised = {_normalised(n, rules) for n in counted}
    # "Metastatic spinal cord compression (MSCC) ... MSCC": the abbreviation names it.
    shortened = sum(
        body.count(f" {_normalised(short, rules)} ")
        for short, full in (short_names or {}).items()
        if full in normalised
    )
    mentions = min(
        max(body.count(f" {n} ") for n in normalised) + shortened,
        MENTIONS_CAP,
    )
    kind = _treatment_kind(name, rules)
    if not kind and candidate.source in ("defined treatment", "title treatment"):
        kind = DEFINED_TREATMENT
    if not kind and (_parts_sharing_a_head(name, rules) or _parts_sharing_a_head(head, rules)):
        # "Upper back and shoulder pain": one name for both, and so is "Neck and
        # shoulder pain in sonographers" with whom it is about.
        kind = "a condition"
    if not kind and candidate.source == "diagnosis" and _condition_of_part(name, rules):
        # What a story or report says was diagnosed, named by where it is ("subacute
        # combined degeneration of the spinal cord"), is a condition.
        kind = "a condition"
    if not kind and candidate.source == "introduced term" and _ends_in_condition_head(name, rules):
        # "<b>headbanging neck strain</b>": the writer sets the whole term apart, what
        # brings it on with it.
        kind = DEFINED_CONDITION
    # A phrase about a condition ("Exercises for sciatica") is not its name.
    if not kind and not rules.condition_in_phrase(name):
        if rules.is_condition_term(name) or rules.has_condition_head(head):
            kind = "a condition"
        elif candidate.source in ("defined condition", "introduced term") or (
            candidate.source == "what-is heading"
            and mentions >= WHAT_IS_MENTIONS
            # "What is the dorsal scapular nerve?": a part of the body the text explains.
            and not rules.cue("anatomy_subject", f"the {name}")
            # "What is Backcast?" over "Backcast is a free app ...": what the text says
            # it is, and it is no condition.
            and not _defined_as_other(name, body, rules)
        ):
            kind = DEFINED_CONDITION
    if candidate.source != "title" and not kind and mentions < 2:
        # Only the title may name a subject the text does not repeat.
        candidate.why = "neither a condition nor named again in the text"
        return candidate
    weight = SOURCE_WEIGHTS.get(candidate.source, 0.0)
    named = CONDITION_WEIGHT if kind else 0.0
    if kind == "a condition" and _SYMPTOM_HEAD.search(head):
        # "Groin pain" names where it hurts; "Osteitis pubis" names what it is.
        named -= SYMPTOM_NAME_DISCOUNT
    candidate.score = weight + named + MENTION_WEIGHT * mentions
    candidate.mentions = mentions
    candidate.kind = kind
    candidate.why = ", ".join(
        part
        for part in (f"{candidate.source} {weight:g}", kind, f"named {mentions}x in the text")
        if part
    )
    return candidate


def _defined_as_other(name: str, body: str, rules: RuleSet) -> bool:
    """Whether the text says ``name`` is a thing no condition is: an app, a study, a
    service ("Backcast is a free app that ...")."""
    said = f" {_normalised(name, rules)} "
    start = body.find(said)
    while start >= 0:
        if _OTHER_THING.match(body, start + len(said)):
            return True
        start = body.find(said, start + 1)
    return False


#: What a name is said to be when it is no condition: "is a free app", "is a study".
_OTHER_THING = re.compile(
    r"(?:is|are|wa|were) (?:an? |the |our )?(?:[a-z'-]+ ){0,2}?(?:app|study|project|tool|"
    r"service|website|site|programme|program|device|product|company|charity|organisation|"
    r"organization|platform|survey|scheme|campaign|course|class|team|network|trial)\b"
)


def _long_condition_name(name: str, rules: RuleSet) -> bool:
    """Whether ``name`` is too long for a list item's name but is a condition's, as a
    title may give it: "Acute calcific tendinitis of the longus colli"."""
    return bool(check_name(name, rules, max_words=LONG_NAME_MAX_WORDS).name) and (
        rules.is_condition_term(name) or _condition_of_part(name, rules)
    )


#: Most words of a condition's name in a title or heading.
LONG_NAME_MAX_WORDS = 10


def _parts_sharing_a_head(name: str, rules: RuleSet) -> bool:
    """Whether ``name`` is two parts of the body joined by "and" before one condition's
    head: "Neck and shoulder pain", "Upper back and shoulder pain"."""
    parts = re.split(r"\s+(?:and|&)\s+", name)
    if len(parts) != 2 or not rules.has_condition_head(parts[1]):
        return False
    if _HEAD_BEFORE_PREPOSITION.search(parts[0]):
        return False  # "Amitriptyline for back and nerve pain": a treatment and its use
    first, (*second, _) = parts[0], parts[1].split()
    return bool(second) and all(
        rules.cue("anatomy_subject", f"the {part.lower()}") for part in (first, " ".join(second))
    )


def _normalised(text: str, rules: RuleSet) -> str:
    """Lower-case words made singular, for counting mentions ("fractures" = "fracture")."""
    # The whole text's words pass through here: each distinct word is made singular once.
    singulars = _Singulars(frozenset(rules.mass_nouns))
    # A dash, colon, stop or line break between words ends a name: "Pain - post-herpetic
    # neuralgia" names no "pain post-herpetic neuralgia". A digit stands for it: no name holds one.
    text = _NAME_BREAK.sub(" 0 ", text.lower().replace("\u2019", "'"))
    words = _WORD.findall(text)
    return " ".join(map(singulars.__getitem__, words))


#: Punctuation between words that no name runs across.
_NAME_BREAK = re.compile(r"\s[-\u2013\u2014]\s|[,:;.!?](?=\s)|\n")


#: A word, with the apostrophe of a possessive or contraction inside it ("paget's").
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


class _Singulars(dict):
    """word -> its singular, worked out on first use."""

    def __init__(self, mass_nouns: frozenset[str]):
        super().__init__()
        self.mass_nouns = mass_nouns

    def __missing__(self, word: str) -> str:
        # Only a word ending in "s" has a singular of its own (the words are lower case).
        plural = word.endswith("s") and "'" not in word
        found = self[word] = singular(word, self.mass_nouns) if plural else word
        return found


def _same_subject(one: str, other: str, rules: RuleSet) -> bool:
    """Whether one name's words all appear in the other's, in order."""
    first, second = f" {_normalised(one, rules)} ", f" {_normalised(other, rules)} "
    return first in second or second in first
