"""Section and list topics read from heading and lead cues."""

from __future__ import annotations

import re

from ..parse_text import without_pictographs
from ..rules import RuleSet

#: Section categories read from heading cues, in the order they are tried.
HEADING_TOPICS = (
    "symptoms",
    "types",
    "related",
    "causes",
    "treatments",
    "prevention",
    "complications",
)


#: List categories read from lead cues, in the order they are tried.
LEAD_TOPICS = (
    "exercise_list",
    "symptoms",
    "types",
    "treated",
    "related",
    "causes",
    "treatments",
    "prevention",
)


#: Topics a sub-section with no cue of its own takes from the section it is in.
INHERITED_TOPICS = ("treatments", "symptoms", "prevention")


#: Topics whose lists and short sub-headings name causes.
CAUSE_TOPICS = ("causes", "cause")


#: Topics in which every sentence may name treatments.
TREATMENT_TOPICS = ("treatments", "treatment")


#: Sections that say what the article advises against ("Not recommended", "What doesn't
#: help"): what they name stays text, never a treatment page.
ADVISED_AGAINST = "advised_against"


def clean_heading(heading: str, rules: RuleSet) -> str:
    """The heading's words: without a numbering prefix or the pictographs around it."""
    return rules.remove_cues("heading_prefix", without_pictographs(heading), "").strip()


def heading_topic(heading: str, rules: RuleSet) -> tuple[str, str]:
    for topic in HEADING_TOPICS:
        if cue := rules.cue(f"heading_{topic}", heading):
            return topic, f"heading cue {cue!r}"
    return "", ""


def names_other_topics(heading: str, topic: str, rules: RuleSet) -> bool:
    """Whether ``heading`` names a topic besides ``topic``: "X: What Causes It and How It's
    Treated" is an overview of several topics, not a list of causes; so is one that goes
    on to another question ("... why it happens and how to ride it out")."""
    # "7 Causes of Postpartum Back Pain (and What Actually Helps)": an aside in brackets
    # adds to the title; it does not change what the title lists.
    heading = _BRACKETED.sub(" ", heading)
    return bool(_AND_MORE.search(heading)) or any(
        other != topic and rules.cue(f"heading_{other}", heading) for other in HEADING_TOPICS
    )


_BRACKETED = re.compile(r"\([^()]{0,120}+\)")
#: Another question after a heading's topic: "and how to ...", "and what to do".
_AND_MORE = re.compile(r"\b(?:and|&)\s+(?:how|what|when|where|who|which)\b", re.IGNORECASE)


#: A condition opening a lead: "If your symptoms are mild, treatment starts with:".
_LEADING_CONDITION = re.compile(r"\s*(?:if|when|unless|once|while)\b[^,:;.]{0,120}+,\s*", re.I)


def lead_topic(lead: str, rules: RuleSet) -> tuple[str, str]:
    """The topic a list's lead names, read from its main clause: "If your symptoms are
    mild, treatment starts without surgery:" leads treatments, not symptoms."""
    if (main := _LEADING_CONDITION.match(lead)) and lead[main.end() :].strip():
        lead = lead[main.end() :]
    if rules.cue("lead_name_origin", lead):
        # "The name comes from the five main features:": the items spell the name out.
        return "", ""
    for topic in LEAD_TOPICS:
        if cue := rules.cue(f"lead_{topic}", lead):
            return topic, f"lead cue {cue!r}"
    return "", ""


def same_as_title(heading: str, title: str) -> bool:
    return bool(heading) and heading.strip().lower() == title.strip().lower()
