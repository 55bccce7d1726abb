"""Conditions, causes, treatments and medicines named in list items and sentences."""

from __future__ import annotations

import html
import re

from ..document import ListBlock, ListItem
from ..names import (
    check_name,
    derive_name,
    first_phrase,
    is_vague,
    name_key,
    risk_names,
    split_names,
    split_sentences,
)
from ..plan import Kind, MedicinePlan, PagePlan
from ..rules import Part, RuleSet
from .blocks import add_html
from .context import ENTITY_KINDS, Context, add_alternate, relate, relation_note
from .topics import TREATMENT_TOPICS


def cause_page(name: str, state: Context, reason: str = "") -> PagePlan:
    """A cause's page; a cause that is a condition by its words is a condition page."""
    if state.rules.is_condition_term(name):
        return state.entity(Kind.CONDITION, name, reason=f"{reason}; its words name a condition")
    return state.entity(Kind.CAUSE, name, reason=reason)


def owner_for_relations(owner: PagePlan, state: Context) -> PagePlan:
    return owner if owner.kind == Kind.CONDITION else state.main


def treatments_in_sentence(sentence: str, owner: PagePlan, topic: str, state: Context) -> None:
    rules = state.rules
    for info, match in rules.find_medicines(sentence):
        if rules.cue("negated_treatment", sentence[: match.start()]):
            # "Do not take ibuprofen while you are pregnant" warns; it does not treat.
            state.decide(match.group(0), "content", "the sentence advises against it")
            continue
        medicine_page(info, match.group(0), owner, state, sentence)
    terms = rules.find_treatments(sentence)
    if not terms or (
        topic not in TREATMENT_TOPICS and not rules.cue("treatment_sentence", sentence)
    ):
        return
    for term, match in terms:
        if rules.cue("negated_treatment", sentence[: match.start()]):
            continue
        if rules.cue("discouraged_treatment", sentence[match.end() :]):
            state.decide(match.group(0), "content", "the sentence advises against it")
            continue
        if specific := more_specific_treatment(owner, term.name):
            state.decide(match.group(0), "content", f"refers back to {specific!r}")
            continue
        page = state.entity(
            Kind.TREATMENT, term.name, term.kind, f"treatment term {term.name!r} in a sentence"
        )
        relate(owner, "treatments", page)
        state.decide(match.group(0), "treatment", f"treatment term {term.name!r} in a sentence")


def more_specific_treatment(owner: PagePlan, name: str) -> str:
    """A treatment of ``owner`` that is a kind of ``name`` ("Decompression surgery" for
    "Surgery"): a later bare "after surgery" means that one, not a new page."""
    suffix = " " + name.lower()
    return next((r.title for r in owner.treatments if r.title.lower().endswith(suffix)), "")


def risks_in_sentence(sentence: str, owner: PagePlan, state: Context) -> None:
    """ "It is more likely if your back muscles are weak" -> cause "Weak back muscles";
    the sentence stays in the text."""
    cue = state.rules.cue("risk_sentence", sentence)
    if not cue:
        return
    for name in risk_names(sentence, cue, state.rules):
        page = cause_page(name, state, f"risk factor after {cue!r}")
        relate(owner, "causes", page)
        state.decide(name, "cause", f"risk factor after {cue!r}")


def causes_in_sentence(sentence: str, owner: PagePlan, state: Context) -> None:
    """ "Other causes include a spinal tumour and a spinal infection" -> two causes,
    only when every listed part is a clean name (else none: no fragments); the
    sentence stays in the text."""
    rules = state.rules
    if not rules.cue("cause_sentence", sentence):
        return
    match = next(m for p in rules.cue_patterns("cause_sentence") if (m := p.search(sentence)))
    if not speaks_of(owner, sentence[: match.start()], rules):
        return
    names = listed_names(sentence[match.end() :], rules)
    for name in names:
        page = cause_page(name, state, f"listed after {match.group(0)!r}")
        if page is not owner:
            relate(owner, "causes", page)
            state.decide(name, "cause", f"listed after {match.group(0)!r}")


def speaks_of(owner: PagePlan, subject: str, rules: RuleSet) -> bool:
    """Whether a "... is caused by" subject is the page itself, not another condition
    ("Pelvic girdle pain is caused by ..." on a back pain page is not)."""
    subject = subject.strip(" ,")
    if not subject or rules.cue("anaphoric_subject", subject):
        return True
    if not rules.is_condition_term(subject) and not rules.has_condition_head(subject):
        return True
    key = name_key(subject, rules)
    return any(key == name_key(name, rules) for name in (owner.title, *owner.alternate_names))


#: Separators of a run-on list in a sentence: commas and a final "and"/"or".
# Each space run is tried from its start only (look-behinds): linear on long runs.
LISTED_SEPARATOR = re.compile(r"(?<!\s)\s*+,\s*+(?:(?:and|or)\s+)?|(?<!\s)\s++(?:and|or)\s+")


def listed_names(text: str, rules: RuleSet) -> list[str]:
    parts = [p for p in LISTED_SEPARATOR.split(text.strip().rstrip(".!;:")) if p.strip()]
    names = [derive_name(part, rules).name for part in parts]
    if not names or not all(names) or any(len(part.split()) > 8 for part in parts):
        return []
    return names


def medicine_page(info, written: str, owner: PagePlan, state: Context, context: str) -> PagePlan:
    """One page per medicine, titled by its generic name, knowing the brand written."""
    page = state.entity(
        Kind.TREATMENT,
        info.generic[:1].upper() + info.generic[1:],
        "medicine",
        f"medicine vocabulary: {written!r} is {info.generic}",
    )
    page.treatment_kind = "medicine"
    brand = "" if info.is_generic else written[:1].upper() + written[1:].lower()
    if not page.medicines:
        page.medicines.append(MedicinePlan(generic=info.generic))
    medicine = page.medicines[0]
    if brand and brand not in medicine.brands:
        medicine.brands.append(brand)
        add_alternate(page, brand, state.rules)
    elif info.is_generic:
        add_alternate(page, written.lower(), state.rules)
    relate(owner, "treatments", page, info.drug_class)
    why = f"medicine vocabulary: {written!r} is {info.generic}"
    state.decide(
        written, "treatment (medicine)", why + (f" ({info.drug_class})" if info.drug_class else "")
    )
    return page


def list_entities(
    block: ListBlock, category: str, owner: PagePlan, state: Context
) -> list[ListItem]:
    """Make a page of every item of a causes or treatments list; return the items that
    could not be named (they stay as text)."""
    rules = state.rules
    relation_owner = owner_for_relations(owner, state)
    left: list[ListItem] = []
    for item in block.items:
        asked = state.ask(Part("item", item.text, lead=block.lead), owner, category)
        if asked is not None:
            if asked.as_ in ENTITY_KINDS:
                name = asked.name or derive_name(item.text, rules).name or item.text
                page = state.entity(asked.as_, name, asked.treatment_kind, asked.because)
                field_name = "treatments" if asked.as_ == "treatment" else "causes"
                relate(relation_owner, field_name, page, item_explanation(item.text) or block.lead)
            elif asked.as_ != "junk":
                left.append(item)
            continue
        phrase = first_phrase(item.text)
        explanation = item_explanation(item.text)
        pages = []
        if category == "treatments" and (medicines := rules.find_medicines(item.text)):
            pages = [
                medicine_page(info, match.group(0), relation_owner, state, item.text)
                for info, match in medicines
            ]
            if explanation:
                give_body(pages[0], explanation, state)
            continue
        if category == "causes" and (named := parenthetical_condition(phrase, state)):
            page = cause_page(named, state, "condition named in brackets in a causes list")
            relate(
                relation_owner,
                "causes",
                page,
                relation_note(explanation or lead_context(block.lead)),
            )
            # Cut at the first bracket (linear; a bracket is known to close later).
            outer = derive_name(phrase.split("(", 1)[0].rstrip(), rules).name
            if outer:
                add_alternate(page, outer, rules)
            state.decide(
                phrase, "cause (condition)", "condition named in brackets in a causes list"
            )
            continue
        for part in split_names(phrase, rules):
            if is_vague(part, rules):
                state.decide(part, "content", "vague item, not an entity")
                continue
            note = explanation or lead_context(block.lead)
            if page := item_page(part, category, relation_owner, state, note):
                pages.append(page)
        if pages and explanation:
            give_body(pages[0], explanation, state)
        elif not pages and not is_vague(phrase, rules):
            left.append(item)
    return left


def parenthetical_condition(phrase: str, state: Context) -> str:
    """ "Wear and tear of the neck joints (cervical spondylosis)" -> "Cervical spondylosis":
    the condition an item names in brackets, when the words outside do not name one."""
    match = re.search(r"\(([^()]+)\)", phrase)
    if not match:
        return ""
    inner = check_name(match.group(1), state.rules).name
    outer = phrase[: match.start()].strip()
    if not inner or not state.rules.is_condition_term(inner):
        return ""
    if state.rules.is_condition_term(outer) or name_key(outer, state.rules) in state.pages:
        return ""
    return inner


def item_page(part: str, category: str, owner: PagePlan, state: Context, note: str):
    rules = state.rules
    terms = rules.find_treatments(part) if category == "treatments" else []
    if terms:  # the vocabulary names a treatment better than the item's wording
        term, match = terms[0]
        page = state.entity(
            Kind.TREATMENT, term.name, term.kind, f"treatments list item, term {term.name!r}"
        )
        written = match.group(0) if len(part.split()) > 4 else check_name(part, rules).name
        if written and len(written.split()) <= 4:
            add_alternate(page, written, rules)
        relate(owner, "treatments", page, relation_note(note))
        state.decide(part, "treatment", f"list item in a treatments list, term {term.name!r}")
        return page
    derived = derive_name(part, rules)
    if not derived.name:
        state.decide(part, "content", f"no clean name ({derived.reason}); kept as text")
        return None
    if category == "treatments":
        page = state.entity(Kind.TREATMENT, derived.name, "other", "item of a treatments list")
        relate(owner, "treatments", page, relation_note(note))
        state.decide(part, "treatment", "list item in a treatments list")
        return page
    page = cause_page(derived.name, state, "item of a causes list")
    relate(owner, "causes", page, relation_note(note))
    as_ = "cause (condition)" if page.kind == Kind.CONDITION else "cause"
    state.decide(part, as_, "list item in a causes list")
    return page


def lead_context(lead: str) -> str:
    """A list's lead as a relation note: "Additional treatment methods include:" ->
    "Additional treatment methods"."""
    lead = lead.strip().rstrip(":").strip()
    return re.sub(r"\s+(?:include|includes|are|is|the following)$", "", lead, flags=re.I)


def item_explanation(text: str) -> str:
    """What an item says after its name: "Short shoulders. This feature is rare." ->
    "This feature is rare."."""
    sentences = split_sentences(text)
    if len(sentences) > 1:
        return " ".join(sentences[1:])
    parts = re.split(r"\s*:\s+|\s+[-–—]\s+", text, maxsplit=1)
    return parts[1].strip() if len(parts) == 2 and len(parts[1].split()) > 3 else ""


def give_body(page: PagePlan, text: str, state: Context) -> None:
    add_html(page, f"<p>{html.escape(text, quote=False)}</p>", state)
    state.pages.add_text(page, text)
