"""How serious a piece of advice is, from its wording.

Severity cues live in ``data/cues.json`` (``severity_*``). A text is a warning
when it has an emergency, see-a-doctor or caution cue (or says "urgent"); words of
haste ("immediately", "straight away") only raise advice to see a doctor to
``urgent`` -- on their own they are not advice. The most serious cue found wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .plan import Severity
from .rules import RuleSet

#: Severities, mildest first.
ORDER = tuple(Severity)

#: Cue categories checked, most serious first.
SEVERITY_CUES = (
    (Severity.EMERGENCY, "severity_emergency"),
    (Severity.URGENT, "severity_urgent"),
    # "Check with a pharmacist before ..." names a professional but asks for care, not
    # a visit: tried before the see-a-doctor cues.
    (Severity.CAUTION, "severity_check_first"),
    # "Do not take ibuprofen if you have had an ulcer; ask a pharmacist": a prohibition
    # that opens the advice is a caution, whoever it says to ask.
    (Severity.CAUTION, "severity_prohibition"),
    (Severity.SEE_DOCTOR, "severity_see_doctor"),
    (Severity.CAUTION, "severity_caution"),
    (Severity.CAUTION, "severity_named_risk"),
)

_CATEGORIES = tuple(category for _, category in SEVERITY_CUES)


#: A family member's, between "your" and who gives care: "your child's GP".
_WHOSE = re.compile(
    r"\b(your|their|his|her)\s+(?:child|baby|son|daughter|partner|teenager|relative|"
    r"parent|mum|dad|mother|father)['\u2019]s\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SeverityCue:
    """A severity found in a text."""

    level: Severity
    #: The words that decided it, for the decision record.
    cue: str


def as_labelled(text: str) -> str:
    """``text`` with a label in capitals that names help, set in a column before its text
    and left without a colon ("GP TODAY New weakness in a leg", "999 NOW Numbness ..."),
    read with the colon it stands for; any other text unchanged."""
    if not text[:1].isupper() and not text[:1].isdigit():
        return text
    found = _COLUMN_LABEL.match(text)
    if found is None or found["label"] in _PROSE_OPENINGS:
        # "A&E Departments are busy": a place opening a sentence of prose.
        return text
    return f"{found['label']}: {text[found.end() :]}"


#: A label in capitals naming help (a number, a service, when), then a capitalised word.
_LABEL_WORD = (
    r"(?:999|111|112|911|A&E|GP|PHARMACIST|CHEMIST|DOCTOR|NURSE|PHYSIO|URGENT|ROUTINE|SAME|"
    r"DAY|TODAY|NOW|TONIGHT|STRAIGHT|AWAY|OR|/)"
)
#: Labels of one word that open sentences of prose as often as they label help.
_PROSE_OPENINGS = frozenset({"A&E", "OR", "/", "NOW", "TODAY", "SAME", "DAY", "AWAY"})
_COLUMN_LABEL = re.compile(
    rf"(?P<label>{_LABEL_WORD}(?:[ \t]++{_LABEL_WORD}){{0,4}}+)[ \t]++(?=[A-Z][a-z])"
)


def severity_of(text: str, rules: RuleSet) -> SeverityCue | None:
    """The most serious severity cue in ``text``, or None when it gives no advice.
    Whose professional it is makes no difference: "your child's physiotherapist" is read
    as "your physiotherapist"."""
    if "'s " in text or "\u2019s " in text:
        text = _WHOSE.sub(r"\1 ", text)
    text = as_labelled(text)
    if not rules.may_cue(_CATEGORIES, text):
        return None
    for level, category in SEVERITY_CUES:
        cue = rules.cue(category, text)
        if cue is None:
            continue
        if (level == Severity.SEE_DOCTOR or category == "severity_check_first") and (
            haste := rules.cue("urgency_modifiers", text)
        ):
            # "Tell your doctor straight away if ...": a contact made in haste is urgent.
            return SeverityCue(Severity.URGENT, f"{cue!r} + {haste!r}")
        if category == "severity_check_first" and (
            persists := rules.cue("not_improving", text) or rules.cue("new_symptom", text)
        ):
            # "If your pain is no better after 3 months, talk to your GP about other
            # options", "If you have new numbness in a leg, see your GP before you start
            # ...": asked about what does not get better, or a new symptom, it is a visit.
            return SeverityCue(Severity.SEE_DOCTOR, f"{cue!r} + {persists!r}")
        return SeverityCue(level, repr(cue))
    return None


#: A clause's number opening a sentence: "5.2 ", "4.3. ".
_CLAUSE_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,2}+\.?[ \t]++")


#: A prohibition alone as the cue: "Please don't", "Do not", "Never".
_PROHIBITION = re.compile(r"\W*(?:please\s+)?(?:do\s+not|don['\u2019]t|never)\W*", re.IGNORECASE)


def _bare_prohibition(found: SeverityCue, text: str, rules: RuleSet) -> bool:
    """Whether a caution's only ground is a prohibition ("Please don't sit on a keepnet as
    a cushion"): no medicine named, and nothing saying for whom, when or what harm it
    avoids. A warning names a risk to the reader; such a sentence stays text."""
    return (
        _PROHIBITION.fullmatch(found.cue.strip("'\"")) is not None
        and rules.cue("caution_grounds", text) is None
        and not rules.find_medicines(text)
    )


def advice_of(text: str, rules: RuleSet) -> SeverityCue | None:
    """The severity of ``text`` when it is advice to the reader: a warning tells the
    reader to get help or names a risk to them, so a sentence with a severity cue that
    does not speak to the reader ("9 in 10 people never see a doctor about it") is
    not one, unless it names a harm a treatment risks (``severity_harm_risk``)."""
    # "** Call 999 if ...": emphasis marks before advice are no part of it; nor is a
    # clause's number before help to get ("5.2 Call 999 if ..."), but a guideline's
    # numbered "1.2.6 Do not offer belts" speaks to clinicians, not to the reader.
    text = as_labelled(text.lstrip("*_ \t"))
    found = None
    if numbered := _CLAUSE_NUMBER.match(text):
        found = severity_of(text[numbered.end() :], rules)
        if found is not None and found.level != Severity.CAUTION:
            text = text[numbered.end() :]
        else:
            found = None
    found = found or severity_of(text, rules)
    if (
        found is not None
        and found.level == Severity.CAUTION
        and _bare_prohibition(found, text, rules)
    ):
        found = None
    if (
        found is not None
        and found.level == Severity.SEE_DOCTOR
        and _TELL_THE_INSTRUCTOR.search(found.cue)
        and rules.cue("stop_if", text)
    ):
        # "If any exercise makes your leg pain worse, stop it and tell your physio": when
        # to stop an exercise, and whom to tell at the next session; no help to get.
        found = None
    label = rules.cue("warning_label", text)
    if found is not None and (label or rules.cue("reader_address", text)):
        return found
    if label:
        # "/!\ WARNING  Keep the strap out of reach of children.": the author boxed it.
        return SeverityCue(Severity.CAUTION, repr(label))
    # "It carries a small risk of infection": a harm the treatment risks is a caution to
    # the reader, said of the treatment.
    if risk := rules.cue("severity_harm_risk", text):
        return SeverityCue(Severity.CAUTION, repr(risk))
    # "Codeine can cause constipation": a side effect, when what brings it on is a
    # medicine or treatment (or a pronoun for one), not a condition.
    if (effect := rules.cue("severity_side_effect", text)) and _said_of_a_treatment(effect, rules):
        return SeverityCue(Severity.CAUTION, repr(effect))
    return None


#: Telling whoever set the exercises: "tell your physio", "tell the instructor".
_TELL_THE_INSTRUCTOR = re.compile(
    r"\b(?:tell|let|mention it to|report it to) (?:your|the|a) (?:physio\w*|therapist|"
    r"instructor|trainer|coach|teacher|class leader)\b",
    re.IGNORECASE,
)


def _said_of_a_treatment(effect: str, rules: RuleSet) -> bool:
    """Whether the subject of a side effect's clause ("Long-term use of NSAIDs can cause
    ...") names a medicine or a treatment, or is a pronoun standing for one."""
    subject = _EFFECT_VERB.split(effect, maxsplit=1)[0].strip()
    if _PRONOUN_SUBJECT.fullmatch(subject):
        return True
    return bool(rules.find_medicines(subject) or rules.find_treatments(subject))


#: Where a side effect's subject ends: the modal or verb that brings the effect on.
_EFFECT_VERB = re.compile(
    r"\s(?:can|may|could|might|often|commonly|sometimes|will|raises?)\s", re.IGNORECASE
)
#: A pronoun standing for the medicine the text is about: "It", "They", "This medicine".
_PRONOUN_SUBJECT = re.compile(
    r"(?:it|they|this|these|(?:this|these|the|your)\s+(?:medicines?|tablets?|drugs?|"
    r"injections?|capsules?|patch(?:es)?))",
    re.IGNORECASE,
)


#: Severities that ask the reader to get help.
HELP_LEVELS = frozenset({Severity.SEE_DOCTOR, Severity.URGENT, Severity.EMERGENCY})


def most_serious(levels) -> Severity | str:
    """The most serious of ``levels`` ("" when there is none)."""
    found = [Severity(level) for level in levels if level in ORDER]
    return max(found, key=ORDER.index) if found else ""


def items_lead(text: str, rules: RuleSet) -> str:
    """``any`` when the wording asks for any of the listed symptoms, ``all`` for all."""
    if rules.cue("items_lead_any", text):
        return "any"
    if rules.cue("items_lead_all", text):
        return "all"
    return ""
