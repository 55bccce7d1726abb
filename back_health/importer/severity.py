"""How serious a piece of advice is, from its wording.

Severity cues live in ``data/cues.json`` (``severity_*``). A text is a warning
when it has an emergency, see-a-doctor or caution cue (or says "urgent"); words of
haste ("immediately", "straight away") only raise advice to see a doctor to
``urgent`` -- on their own they are not advice. The most serious cue found wins.
"""

from __future__ import annotations

from dataclasses import dataclass

from .rules import SEVERITIES, RuleSet

#: Cue categories checked, most serious first.
SEVERITY_CUES = (
    ("emergency", "severity_emergency"),
    ("urgent", "severity_urgent"),
    ("see_doctor", "severity_see_doctor"),
    ("caution", "severity_caution"),
)

_CATEGORIES = tuple(category for _, category in SEVERITY_CUES)


@dataclass(frozen=True)
class Severity:
    level: str
    #: The words that decided it, for the decision record.
    cue: str


def severity_of(text: str, rules: RuleSet) -> Severity | None:
    """The most serious severity cue in ``text``, or None when it gives no advice."""
    if not rules.may_cue(_CATEGORIES, text):
        return None
    for level, category in SEVERITY_CUES:
        cue = rules.cue(category, text)
        if cue is None:
            continue
        if level == "see_doctor" and (haste := rules.cue("urgency_modifiers", text)):
            return Severity("urgent", f"{cue!r} + {haste!r}")
        return Severity(level, repr(cue))
    return None


def most_serious(levels) -> str:
    levels = [level for level in levels if level in SEVERITIES]
    return max(levels, key=SEVERITIES.index) if levels else ""


def items_lead(text: str, rules: RuleSet) -> str:
    """``any`` when the wording asks for any of the listed symptoms, ``all`` for all."""
    if rules.cue("items_lead_any", text):
        return "any"
    if rules.cue("items_lead_all", text):
        return "all"
    return ""
