"""Warnings: advice to get help or a specific risk, and how urgent it is."""

from __future__ import annotations

import html
import re

from ..document import ListBlock, Paragraph, Section, Table
from ..names import (
    split_sentences,
    strip_tags,
)
from ..plan import BlockPlan, PagePlan, Severity
from ..rules import RuleSet
from ..severity import HELP_LEVELS, SeverityCue, advice_of, items_lead, most_serious, severity_of
from ..text import CAPITALS_LABEL_START
from .blocks import add_block, add_heading, add_html, paragraph_html, sentence_markup, warning_value
from .context import Context, Role


def list_severity(block: ListBlock, rules: RuleSet) -> str:
    """The most serious severity a warning list asks for; a list of who or where a
    treatment is not for ("We will not use cupping:") is a caution when nothing asks
    for more, any other list a call to see a doctor."""
    texts = [block.lead, *(item.text for item in block.items)]
    found = [severity_of(text, rules) for text in texts]
    default = Severity.SEE_DOCTOR
    if block.lead and rules.cue("lead_contraindications", block.lead):
        default = Severity.CAUTION
    return most_serious(f.level for f in found if f) or default


def emit_warning_section(
    section: Section, role: Role, owner: PagePlan, base: int, state: Context
) -> list:
    """Turn a "When to see a doctor" section into warning blocks, one per severity it
    mixes ("See a GP if ... Call 999 if ..."); return the blocks after the advice, which
    stay ordinary content."""
    rules = state.rules
    blocks = section.blocks
    taken: list = []
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            break  # a table and what follows stay content (a triage table is read there)
        if isinstance(block, ListBlock):
            taken.append(block)
            continue
        next_is_list = index + 1 < len(blocks) and isinstance(blocks[index + 1], ListBlock)
        if index == 0 or next_is_list or any(sentence_tiers(split_sentences(block.text), rules)):
            taken.append(block)
        else:
            break
    rest = blocks[len(taken) :]
    if not taken and rest:
        # A table straight under the heading: the heading stays a heading over it.
        if section.heading:
            add_heading(owner, section.heading, section.level, base, state)
        return rest
    units = warning_units(taken, rules, role.severity or "")
    mixed = len({tier for tier, _ in units if tier}) > 1
    if not mixed:
        tier = most_serious([tier for tier, _ in units])
        units = [(tier, [part for _, parts in units for part in parts])]
    else:
        if section.heading:
            add_heading(owner, section.heading, section.level, base, state)
        if not units[0][0] and all(isinstance(part, str) for part in units[0][1]):
            # "Screen every new patient. Tick each item as cleared." before items asking
            # for help at two severities: what opens the section asks for none; it is
            # the text over the boxes, not a box of its own.
            for part in units.pop(0)[1]:
                add_html(owner, part, state)
                state.decide(strip_tags(part), "content", "opens a warning section; no advice")
    single = not mixed
    for tier, parts in units:
        if single:
            severity = most_serious([tier, role.severity]) or Severity.SEE_DOCTOR
        else:
            severity = tier or role.severity or Severity.SEE_DOCTOR
        heading = section.heading if single else ""
        texts = [part for part in parts if isinstance(part, str)]
        lists = [part for part in parts if isinstance(part, ListBlock)]
        value = warning_value(severity, heading, "".join(texts))
        value["items"] = [item.text for lst in lists for item in lst.items]
        if not heading and value["items"] and (lead_heading := introducing_lead(texts)):
            # "Call 999 if:" before its items names this warning: said once, as its heading.
            value["heading"], value["text"] = lead_heading, ""
        lead = " ".join([lst.lead for lst in lists] + [strip_tags(t) for t in texts])
        value["items_lead"] = items_lead(lead, rules) if value["items"] else ""
        add_block(owner, BlockPlan("warning", value), state)
        because = "warning heading; most serious cue in its text wins"
        if not single:
            because = "warning heading; one warning per severity the section mixes"
        state.decide(heading or strip_tags(value["text"]) or lead, f"warning ({severity})", because)
    return rest


def emit_caution_section(
    section: Section, role: Role, owner: PagePlan, base: int, state: Context
) -> list:
    """A section about a treatment's risks or the cautions to take ("Risks", "Cautions"):
    its paragraphs and lists, up to a table, are one caution warning: each names a risk
    to the reader. A passage there asking for urgent or emergency help makes it a help
    section instead, one warning per severity. Returns the blocks after it."""
    rules = state.rules
    taken: list = []
    for block in section.blocks:
        if isinstance(block, Table):
            break
        if (
            taken
            and isinstance(block, Paragraph)
            and (found := advice_of(block.text, rules))
            and found.level == Severity.SEE_DOCTOR
        ):
            # "See your GP if the pain has not improved after 2 weeks" after the cautions
            # asks for something else: the cautions end there, and it is its own warning.
            break
        taken.append(block)
    rest = section.blocks[len(taken) :]
    texts = [
        text
        for block in taken
        for text in (
            [block.lead, *(i.text for i in block.items)]
            if isinstance(block, ListBlock)
            else [block.text]
        )
    ]
    serious = (Severity.EMERGENCY, Severity.URGENT)
    if any((found := advice_of(text, rules)) and found.level in serious for text in texts):
        return emit_warning_section(section, role, owner, base, state)
    if not taken:
        if section.heading:
            add_heading(owner, section.heading, section.level, base, state)
        return rest
    before, taken, after = _without_reassurance(taken, rules)
    heading = section.heading
    if before:
        # "Hydrotherapy is very safe." opening the risks names none: it stays text, under
        # the section's heading, and the box follows it.
        if heading:
            add_heading(owner, heading, section.level, base, state)
        add_html(owner, paragraph_html(Paragraph(before)), state)
        state.decide(before, "content", "reassurance or a statistic before the risks")
        heading = ""
    paragraphs = [b for b in taken if not isinstance(b, ListBlock)]
    lists = [b for b in taken if isinstance(b, ListBlock)]
    value = warning_value(Severity.CAUTION, heading, "".join(paragraph_html(p) for p in paragraphs))
    value["items"] = [item.text for lst in lists for item in lst.items]
    lead = " ".join(lst.lead for lst in lists)
    value["items_lead"] = items_lead(lead, rules) if value["items"] else ""
    add_block(owner, BlockPlan("warning", value), state)
    state.decide(section.heading, f"warning ({Severity.CAUTION})", role.because)
    if after:
        add_html(owner, paragraph_html(Paragraph(after)), state)
        state.decide(after, "content", "reassurance or a statistic after the risks")
    return rest


def _without_reassurance(taken: list, rules: RuleSet) -> tuple[str, list, str]:
    """The risks' blocks without the reassurance or outcome figures that open or close
    them ("Most people have no problems.", "Serious complications happen after fewer
    than 1 in 1,000 injections."): ``(text before, blocks, text after)``. What names a
    risk or asks something of the reader stays in; a block is never emptied."""

    def peel(block: Paragraph, from_end: bool) -> tuple[str, Paragraph]:
        sentences = split_sentences(block.text)
        order = list(reversed(sentences)) if from_end else sentences
        count = 0
        while count < len(order) - 1 and _reassures(order[count], rules):
            count += 1
        if not count:
            return "", block
        # The kept sentences keep their markup (a bold risk, a link).
        pieces = sentence_markup(block, sentences)
        kept = slice(0, len(sentences) - count) if from_end else slice(count, None)
        peeled = slice(len(sentences) - count, None) if from_end else slice(0, count)
        html = " ".join(pieces[kept]) if block.html else ""
        return " ".join(sentences[peeled]), Paragraph(" ".join(sentences[kept]), html)

    before = after = ""
    blocks = list(taken)
    if blocks and isinstance(blocks[0], Paragraph):
        before, blocks[0] = peel(blocks[0], from_end=False)
    if blocks and isinstance(blocks[-1], Paragraph):
        after, blocks[-1] = peel(blocks[-1], from_end=True)
    return before, blocks, after


def _reassures(sentence: str, rules: RuleSet) -> bool:
    """Whether a sentence reassures or gives an outcome figure, naming no risk to the
    reader and asking nothing of them."""
    return (
        bool(rules.cue("reassurance", sentence))
        and advice_of(sentence, rules) is None
        and not names_a_risk(sentence, rules)
    )


#: The reason a caution gives: "..., as the weight of your bump can press on a vein".
GIVES_A_REASON = re.compile(
    r"\b(?:as|because|since|or)\b[^.;!?]{0,120}?\b(?:can|could|may|might|will)\b", re.IGNORECASE
)


def avoid_without_risk(section: Section, rules: RuleSet) -> bool:
    """Whether ``section`` is a list of things to avoid ("Don't": "do not stand in one
    place for long periods") that names no risk to the reader and asks for no help: advice
    on what to do, text rather than a warning."""
    heading = section.heading
    if (
        not heading
        or not rules.cue("heading_avoid", heading)
        or rules.cue("heading_risks", heading)
    ):
        return False
    texts = []
    for block in section.blocks:
        if isinstance(block, Table):
            return False
        texts.extend(
            [block.lead, *(item.text for item in block.items)]
            if isinstance(block, ListBlock)
            else split_sentences(block.text)
        )
    texts = [text for text in texts if text]
    return bool(texts) and not any(
        names_a_risk(text, rules)
        or ((found := advice_of(text, rules)) and found.level != Severity.CAUTION)
        for text in texts
    )


def names_a_risk(text: str, rules: RuleSet) -> bool:
    """Whether ``text`` names a risk to the reader or who is at risk: a harm ("it can
    damage your kidneys"), a reason with what may happen, or a group ("if you are
    pregnant", "children under 16")."""
    return bool(
        rules.cue("caution_harm", text)
        or rules.cue("severity_harm_risk", text)
        or rules.cue("severity_named_risk", text)
        or rules.cue("caution_group", text)
        or GIVES_A_REASON.search(text)
    )


#: Longest lead (in words) read as a warning's heading rather than its text.
LEAD_HEADING_MAX_WORDS = 16


def introducing_lead(texts: list[str]) -> str:
    """The one short sentence ending in a colon that introduces a warning's items, without
    its colon; "" when the text says more than that."""
    if len(texts) != 1:
        return ""
    lead = strip_tags(texts[0]).strip()
    if not lead.endswith(":") or len(lead.split()) > LEAD_HEADING_MAX_WORDS:
        return ""
    return lead.rstrip(":").strip()


def sentence_tiers(sentences: list[str], rules: RuleSet) -> list[str]:
    """The severity each sentence asks for as advice ("" for none). A question whether
    to get help answered "Yes" ("Should I call 111? Yes, the same day, if you have a
    fever.") asks for that help in both."""
    tiers = [(found.level if (found := advice_of(s, rules)) else "") for s in sentences]
    for index in range(len(sentences) - 1):
        question, answer = sentences[index], sentences[index + 1]
        if not tiers[index + 1] and question.rstrip().endswith("?"):
            # "Breathless or coughing blood? 999.": the number answers who should call it.
            tiers[index + 1] = bare_help(answer, rules)
        if (
            not tiers[index]
            and not tiers[index + 1]
            and question.rstrip().endswith("?")
            and _YES.match(answer)
            and (asked := severity_of(question, rules)) is not None
        ):
            tiers[index] = tiers[index + 1] = asked.level
    return tiers


#: An answer that agrees: "Yes, the same day, if ...".
_YES = re.compile(r"\W*+(?:yes|yep|definitely|absolutely)\b", re.IGNORECASE)


def warning_units(blocks: list, rules: RuleSet, default: str = "") -> list[tuple[str, list]]:
    """Split advice into runs of one severity: ``[(severity, [html str | ListBlock])]``.

    A sentence with a cue of another severity starts a new run; sentences without a cue
    and lists stay with the run before them (a list's lead is the paragraph before it)."""
    units: list[tuple[str, list]] = []
    for block in blocks:
        if (
            isinstance(block, ListBlock)
            and len(runs := item_runs(block, rules, "" if units else default)) > 1
        ):
            # A care-card list whose items each ask their own action ("Call 999 if ...",
            # "Call 111 ... the same day if ...", "See your GP if ..."): one unit each.
            units.extend((tier, [part]) for tier, part in runs)
            continue
        if isinstance(block, ListBlock):
            if not units:
                units.append(("", []))
            units[-1][1].append(block)
            continue
        sentences = split_sentences(block.text)
        pieces = sentence_markup(block, sentences)
        run: list[str] = []
        tiers = sentence_tiers(sentences, rules)
        asking: set[int] = set()  # questions that ask whom the advice after them is for
        for index in range(len(tiers) - 1):
            if not tiers[index] and tiers[index + 1] and sentences[index].rstrip().endswith("?"):
                # "Feverish and unwell with the pain? Call 111 today.": the question asks
                # who the advice after it is for; it goes with that advice.
                tiers[index] = tiers[index + 1]
                asking.add(index)
            elif (
                not tiers[index]
                and tiers[index + 1]
                and CAPITALS_LABEL_START.match(sentences[index])
                and not CAPITALS_LABEL_START.match(sentences[index + 1])
            ):
                # "MEDICINES: amitriptyline can make you drowsy. Do not drive until ...":
                # the labelled risk goes with the advice its label's line goes on to.
                tiers[index] = tiers[index + 1]
                asking.add(index)
        # "A swollen calf after a long journey could be a blood clot. Call 111 ...": the
        # risk opening a paragraph goes with the action the paragraph then asks for.
        opening = next((tier for tier in tiers if tier), "")
        for index, (sentence, piece, tier) in enumerate(zip(sentences, pieces, tiers, strict=True)):
            if tier:
                opening = ""
            tier = tier or opening
            current = units[-1][0] if units else None
            if (
                tier == Severity.CAUTION
                and index not in asking
                and (index < 1 or index - 1 not in asking)
                and _reinforces(sentence, current, rules)
            ):
                # "Do not wait to see if the symptoms settle." after "Call 999 if ..."
                # presses the same advice; it is not a caution of its own.
                tier = ""
            if (
                run
                and units
                and units[-1][1]
                and units[-1][1][-1] is run
                and current == Severity.CAUTION
                and tier in (Severity.URGENT, Severity.EMERGENCY)
                and len(units[-1][1]) == 1
                and _CONDITIONAL.search(strip_tags(" ".join(run)))
                and not _CONDITIONAL.search(sentence)
            ):
                # "If you fall and then have numbness in your arms: DO NOT MOVE. The
                # team leader will call 999.": the help the caution's condition calls
                # for, in the same paragraph; one box, as serious as the help.
                units[-1] = (tier, units[-1][1])
                run.append(piece)
                continue
            if units and (not tier or tier == current or current == ""):
                if tier and current == "":
                    units[-1] = (tier, units[-1][1])
                if run and units[-1][1] and units[-1][1][-1] is run:
                    run.append(piece)
                else:
                    run = [piece]
                    units[-1][1].append(run)
            else:
                run = [piece]
                units.append((tier, [run]))
    merged: list[tuple[str, list]] = []
    for tier, parts in units:
        parts = [f"<p>{' '.join(p)}</p>" if isinstance(p, list) else p for p in parts]
        if merged and merged[-1][0] == tier:
            merged[-1][1].extend(parts)
        elif merged and _leads_into(merged[-1], tier):
            # "Do not start treatment. Arrange immediate transfer to the Emergency
            # Department ...": a short "do not" before more serious advice is its start.
            merged[-1] = (tier, [*merged[-1][1], *parts])
        else:
            merged.append((tier, parts))
    return [(tier or most_serious(list_tiers(parts, rules)), parts) for tier, parts in merged]


def item_runs(block: ListBlock, rules: RuleSet, default: str = "") -> list[tuple[str, ListBlock]]:
    """The list cut into runs of items of one severity, when its items ask for actions
    of two severities or more; items without a cue stay with the run before them, and
    those opening the list take ``default``, the severity the heading over them asks
    ("Talk to a doctor if..." over "your back pain hasn't improved after 4 weeks")."""
    runs: list[tuple[str, ListBlock]] = []
    for item in block.items:
        found = advice_of(item.text, rules) or _advice_after_question(item.text, rules)
        tier = found.level if found else ("" if runs else default)
        if runs and (not tier or tier == runs[-1][0] or not runs[-1][0]):
            if tier and not runs[-1][0]:
                runs[-1] = (tier, runs[-1][1])
            runs[-1][1].items.append(item)
        else:
            lead = "" if runs else block.lead
            runs.append((tier, ListBlock(ordered=block.ordered, items=[item], lead=lead)))
    return runs


def _advice_after_question(text: str, rules: RuleSet):
    """The advice of the sentence after a question that opens ``text`` ("On warfarin or
    other blood thinners? Ask a pharmacist before ...", "Coughing blood? 999."): the
    question asks who it is for. None when ``text`` opens with no question."""
    sentences = split_sentences(text)
    if len(sentences) < 2 or not sentences[0].rstrip().endswith("?"):
        return None
    rest = " ".join(sentences[1:])
    if found := advice_of(rest, rules):
        return found
    return answered_help(rest, rules)


def answered_help(sentence: str, rules: RuleSet) -> SeverityCue | None:
    """The help a sentence that is only a number or a place asks for, as the answer to
    the question before it ("Coughing blood? 999."); None for any other sentence."""
    tier = bare_help(sentence, rules)
    return SeverityCue(level=Severity(tier), cue=repr(sentence.strip())) if tier else None


#: A short question that asks whom the advice after it is for, with no question word:
#: "Not improving after 3 weeks?", "On blood thinners?", "Feverish and unwell?".
_ASKS_WHO = re.compile(
    r"(?:[^?.!:]{1,20}+:[ \t]*+)?"  # a callout's label: "Note: Not improving ...?"
    r"(?!\W*(?:how|what|why|when|where|which|who|whose|is|are|do|does|did|"
    r"can|could|should|will|would|may|might|have|has)\b)[^?.!:]{3,80}+\?",
    re.IGNORECASE,
)


def bare_help(sentence: str, rules: RuleSet) -> str:
    """The severity of a sentence that is only a number to call or a place to go ("999.",
    "A&E.", "111 today."), as an answer to a question; "" for any other sentence."""
    text = sentence.strip()
    if not _BARE_HELP.fullmatch(text):
        return ""
    for verb in ("Call", "Go to"):
        if found := advice_of(f"{verb} {text}", rules):
            return found.level
    return ""


#: A sentence of a few words opening with a number or a place's letters ("999.", "111
#: today.", "A&E now.", "ED."): never "My doctor mentioned it."
_BARE_HELP = re.compile(
    r"(?:\d{2,4}|[A-Z]{1,3}&[A-Z]{1,3}|[A-Z]{2,3})(?:[ \t]++[\w&'-]++){0,3}?[ \t]*+[.!]?"
)


#: Longest "do not" sentence (in words) read as pressing the advice before it.
REINFORCING_MAX_WORDS = 10


def _leads_into(unit: tuple[str, list], tier: str) -> bool:
    """Whether ``unit`` is one short caution sentence that urgent or emergency advice
    (``tier``) follows at once, in the same paragraph's run."""
    previous, parts = unit
    if previous != Severity.CAUTION or tier not in (Severity.URGENT, Severity.EMERGENCY):
        return False
    if len(parts) != 1 or not isinstance(parts[0], str):
        return False
    return len(strip_tags(parts[0]).split()) <= LEADING_MAX_WORDS


#: Most words of a caution that opens more serious advice ("Do not start treatment.");
#: a longer one ("Do not take ibuprofen if you have asthma.") is a caution of its own.
LEADING_MAX_WORDS = 5


def _reinforces(sentence: str, current, rules: RuleSet) -> bool:
    """True when a short "do not" sentence follows more serious advice and names no one
    to check with ("Do not take it for longer than 10 days without talking to your
    doctor" is a caution of its own) and forbids no medicine ("Do not give aspirin to
    children under 16" is a caution of its own)."""
    if current not in HELP_LEVELS:
        return False
    if len(sentence.split()) > REINFORCING_MAX_WORDS:
        return False
    return not (
        rules.cue("severity_check_first", sentence)
        or rules.cue("severity_see_doctor", sentence)
        or (rules.cue("severity_prohibition", sentence) and rules.find_medicines(sentence))
    )


def list_tiers(parts: list, rules: RuleSet) -> list[str]:
    """Severities of the lists among ``parts`` (their leads and items)."""
    return [group_severity([part], rules) for part in parts if isinstance(part, ListBlock)]


def group_severity(group: list, rules: RuleSet) -> str:
    texts = []
    for block in group:
        if isinstance(block, ListBlock):
            texts.append(block.lead)
            texts.extend(item.text for item in block.items)
        else:
            texts.append(block.text)
    return most_serious(f.level for f in (severity_of(t, rules) for t in texts) if f)


def leans_on(previous: str, sentence: str, rules: RuleSet) -> bool:
    """Whether a caution needs the sentence before it to be understood: it refers back
    ("They can make you drowsy, so do not drive") or the sentence before names the risk
    to the reader it guards against ("It can make you drowsy. Do not drive ...")."""
    if rules.cue("refers_back", sentence):
        return True
    return bool(rules.cue("risk_statement", previous) and rules.cue("reader_address", previous))


#: How long a restriction lasts ("for the first six weeks"): a caution of its own, not
#: more of the call for help before it.
_LASTING = re.compile(
    r"\bfor\s+(?:the\s+)?(?:first\s+|next\s+|at\s+least\s+)?(?:\d{1,3}|a|an|one|two|three|four"
    r"|five|six|seven|eight|ten|twelve|few|several|couple of)\s+(?:days?|weeks?|months?)\b",
    re.IGNORECASE,
)


#: A condition the advice holds under: "If you ...", "..., when it ...".
_CONDITIONAL = re.compile(r"\b(?:if|when|whenever|unless|should you)\b", re.IGNORECASE)


def explains_caution(sentence: str, rules: RuleSet) -> bool:
    """Whether a sentence with no advice of its own, just after a caution, names the risk
    that caution is about ("Stopping suddenly can cause withdrawal symptoms.")."""
    return bool(rules.cue("risk_statement", sentence)) and advice_of(sentence, rules) is None


class ProseBoxes:
    """One paragraph's sentences, written in order as text and warning boxes.

    A caution takes the sentence before it into its box when it leans on that sentence
    ("They can make you drowsy. Do not drive"), and the sentence after it when that one
    explains the risk ("Stopping suddenly can cause withdrawal symptoms"); the text
    between boxes is flushed as a paragraph. Shared by body paragraphs and by what an
    entity's page says of it, so both box the same thought the same way."""

    def __init__(self, page: PagePlan, state: Context):
        self.page = page
        self.state = state
        self.kept: list[tuple[str, str]] = []  # (sentence, markup) not yet written
        self.boxed: BlockPlan | None = None  # the caution box the sentence before became
        self.urgent: BlockPlan | None = None  # the box of help the sentence before asked

    @property
    def previous(self) -> str:
        return self.kept[-1][0] if self.kept else ""

    def warn(self, sentence: str, markup: str, level: str, why: str, lean: bool = True) -> None:
        """Box ``sentence`` as a warning of ``level``; ``lean`` lets a caution take the
        sentence before it when it leans on it, and any warning whose condition that
        sentence is ("... If that happens, go to A&E"). A caution straight after a call
        for help goes in that box ("Go to A&E if ... Don't wait for Monday."), unless it
        says how long it lasts ("Avoid lifting ... for the first six weeks")."""
        if (
            level == Severity.CAUTION
            and self.urgent is not None
            and not self.kept
            and not _LASTING.search(sentence)
        ):
            _append_to_box(self.urgent, markup)
            self.state.decide(sentence, f"warning ({self.urgent.value['severity']})", why)
            return
        if (
            self.urgent is not None
            and not self.kept
            and level == self.urgent.value["severity"]
            and len(sentence.split()) <= SAME_HELP_MAX_WORDS
        ):
            # "... needs an ambulance. Call 999.": the same help asked again at once, in
            # a few words, is the same box.
            _append_to_box(self.urgent, markup)
            self.state.decide(sentence, f"warning ({level})", f"{why}, the help before again")
            return
        if level == Severity.CAUTION and self.boxed is not None and not self.kept:
            # "This medicine may make you sleepy. If this happens, do not drive. Do not
            # drink alcohol.": cautions in a row are one box.
            _append_to_box(self.boxed, markup)
            self.state.decide(sentence, "warning (caution)", f"{why}, after the caution before")
            return
        if (
            self.boxed is not None
            and not self.kept
            and level != Severity.CAUTION
            and _CONDITIONAL.search(self.boxed.value["text"])
            and not _CONDITIONAL.search(sentence)
        ):
            # "If you have numbness around your bottom, do not book a massage. Call 999.":
            # the help asked for is what the caution's condition calls for; one box, as
            # serious as the help.
            _append_to_box(self.boxed, markup)
            self.boxed.value["severity"] = level
            self.state.decide(sentence, f"warning ({level})", f"{why}, for the condition before")
            self.urgent = self.boxed if level in (Severity.EMERGENCY, Severity.URGENT) else None
            self.boxed = None
            return
        if (
            lean
            and self.kept
            and (
                (level == Severity.CAUTION and leans_on(self.previous, sentence, self.state.rules))
                or self.state.rules.cue("condition_refers_back", sentence)
                # "Not improving after 3 weeks? See your GP.": the question asks who it
                # is for.
                or _ASKS_WHO.fullmatch(self.previous)
            )
        ):
            markup = f"{self.kept.pop()[1]} {markup}"
            why = f"{why}, with the sentence it leans on"
        self.flush()
        box = BlockPlan("warning", warning_value(level, "", f"<p>{markup}</p>"))
        add_block(self.page, box, self.state)
        self.state.decide(sentence, f"warning ({level})", why)
        self.boxed = box if level == Severity.CAUTION else None
        self.urgent = box if level in (Severity.EMERGENCY, Severity.URGENT) else None

    def keep(self, sentence: str, markup: str) -> None:
        """Text, unless it explains the caution boxed just before, which it then joins."""
        if self.boxed is not None and explains_caution(sentence, self.state.rules):
            _append_to_box(self.boxed, markup)
            self.state.decide(sentence, "warning (caution)", "the risk that explains the caution")
        else:
            self.kept.append((sentence, markup))
        self.boxed = None
        self.urgent = None

    def flush(self) -> None:
        text = " ".join(markup for _, markup in self.kept).strip()
        if text:
            add_html(self.page, f"<p>{text}</p>", self.state)
        self.kept = []


#: Most words of a call for the same help, straight after it, that joins its box.
SAME_HELP_MAX_WORDS = 6


def _append_to_box(box: BlockPlan, markup: str) -> None:
    """Add a sentence to the end of a warning box's paragraph."""
    box.value["text"] = f"{box.value['text'].removesuffix('</p>')} {markup}</p>"


def add_prose(page: PagePlan, text: str, state: Context) -> None:
    """Write plain ``text`` on ``page`` as a paragraph, with each sentence that is advice
    to the reader in a warning box of its own (an exercise's stop-if stays text)."""
    prose = ProseBoxes(page, state)
    previous = ""  # the sentence before, boxed or not ("They can make you drowsy.")
    for sentence in split_sentences(text):
        markup = html.escape(sentence, quote=False)
        found = _prose_warning(sentence, previous, state.rules)
        if found:
            prose.warn(sentence, markup, found.level, f"cue {found.cue}")
        else:
            prose.keep(sentence, markup)
        previous = sentence
    prose.flush()


def item_warning(text: str, rules: RuleSet) -> SeverityCue | None:
    """The warning a list item is when one of its sentences would be boxed in a
    paragraph (:func:`_prose_warning`), the most serious of them; else None."""
    found, previous = [], ""
    for sentence in split_sentences(text):
        if cue := _prose_warning(sentence, previous, rules):
            found.append(cue)
        previous = sentence
    if not found:
        return None
    level = most_serious([cue.level for cue in found])
    return next(cue for cue in found if cue.level == level)


def _prose_warning(sentence: str, previous: str, rules: RuleSet) -> SeverityCue | None:
    """The warning a sentence of an entity's description is. What a list item says of its
    name is mostly advice about it ("Do not wear a collar: it makes the stiffness last"),
    which stays text as the item would: a caution is boxed only when it names the people
    it guards or the risk it is about, and other advice only when it says when to act."""
    found = advice_of(sentence, rules)
    if found is None or rules.cue("stop_if", sentence):
        return None
    if found.level == Severity.CAUTION:
        return found if guarded_caution(sentence, previous, rules) else None
    return found if rules.cue("conditional_advice", sentence) else None


def guarded_caution(sentence: str, previous: str, rules: RuleSet) -> bool:
    """Whether a caution names the people it guards or the risk it is about, says to
    check first or gives the most to take, or leans on the sentence before: one boxed
    even where advice otherwise stays text."""
    return bool(
        leans_on(previous, sentence, rules)
        or rules.cue("caution_group", sentence)
        # "Do not stop wearing it: taking it off early can let the fracture move."
        or rules.cue("caution_harm", sentence)
        # "They can make you drowsy, so do not drive": the risk, said in the caution.
        or rules.cue("risk_statement", sentence)
        # "Ask your pharmacist before taking any other painkiller": check first.
        or rules.cue("severity_check_first", sentence)
        # "Do not take more than 8 tablets in 24 hours": the most the reader may take.
        or rules.cue("caution_dose_limit", sentence)
    )


#: Share of a table's rows that must ask for help for the table to be a triage table.
TRIAGE_ROW_SHARE = 0.75


def emit_triage_table(table: Table, owner: PagePlan, state: Context) -> bool:
    """A table of what to do when ("If | Action": "A red, painful eye | Phone parents
    straight away: ... eye casualty the same day"): when at least
    :data:`TRIAGE_ROW_SHARE` of its rows end in advice to get help, each such row is a
    warning with the severity of its action, its situation and action together; a row
    that asks for nothing stays a paragraph. Returns False (nothing written) for any
    other table."""
    rules = state.rules
    if len(table.rows) < 2 or table.width < 2:
        return False
    found = []
    for row in table.rows:
        cells = [cell for cell in row if cell.strip()]
        advice = None
        if len(cells) >= 2:
            # "A&E now": the action cell may be only the place or number to go to.
            advice = advice_of(cells[-1], rules) or answered_help(cells[-1], rules)
        found.append((cells, advice))
    asking = [advice for _, advice in found if advice is not None]
    if len(asking) < TRIAGE_ROW_SHARE * len(found):
        return False
    if _rows_are_treatments(table, rules):
        # "Methotrexate | Damps down the immune system | Take it once a WEEK": what to
        # know of each treatment; its rows are the treatments, not situations.
        return False
    for cells, advice in found:
        situation = " ".join(cells[:-1]).rstrip(" :.")
        text = f"{situation}: {cells[-1]}" if cells else ""
        if advice is None:
            if text:
                add_html(owner, f"<p>{html.escape(text)}</p>", state)
            continue
        value = warning_value(advice.level, "", f"<p>{html.escape(text)}</p>")
        add_block(owner, BlockPlan("warning", value), state)
        state.decide(text, f"warning ({advice.level})", f"triage table row ({advice.cue})")
    return True


def _rows_are_treatments(table: Table, rules: RuleSet) -> bool:
    """Whether the first column names treatments: its heading says so ("Treatment",
    "Medicine") or most of its cells name one the vocabulary knows."""
    heading = table.headings[0] if table.headings else ""
    if heading and rules.cue("lead_treatments", heading):
        return True
    firsts = [row[0] for row in table.rows if row and row[0].strip()]
    named = sum(1 for cell in firsts if rules.find_treatments(cell))
    return bool(firsts) and named > len(firsts) / 2
