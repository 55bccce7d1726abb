"""Exercise lists: their exercises, steps, doses, cautions and "stop if" lines."""

from __future__ import annotations

import html
import re
from dataclasses import replace

from ..document import ListBlock, Paragraph, Section, Table
from ..dose import COUNT_KEYS, NUMBER_WORDS, dose_cell_text, has_counts, has_dose, read_dose
from ..names import (
    first_phrase,
    is_instruction,
    sentence_case,
    split_sentences,
    strip_tags,
)
from ..plan import BlockPlan, Kind, PagePlan, Severity
from ..rules import Part, RuleSet
from ..severity import advice_of
from ..text import sentence_start, without_article
from .blocks import add_block, drop_lead_paragraph, paragraph_html
from .context import Context, relate
from .entities import owner_for_relations
from .topics import clean_heading

#: Treatment term an exercise list links to when its heading names no other.
EXERCISE_TREATMENT = "Exercise"


#: Most words a sub-heading of an exercises section may have to name one exercise.
EXERCISE_NAME_MAX_WORDS = 6


def relate_exercise_treatment(heading: str, owner: PagePlan, state: Context) -> None:
    """An exercise list is a treatment of its condition: the treatment term its heading
    names ("Stretches for a stiff neck" -> Stretching exercises), else the general one."""
    rules = state.rules
    terms = [term for term, _ in rules.find_treatments(heading)]
    if not terms:
        terms = [t for t in rules.treatment_terms if t.name == EXERCISE_TREATMENT][:1]
    for term in terms[:1]:
        page = state.entity(Kind.TREATMENT, term.name, term.kind, "an exercise list is a treatment")
        relate(owner_for_relations(owner, state), "treatments", page)
        state.decide(heading, "treatment", f"exercise list: treatment term {term.name!r}")


def exercise_subsections(section: Section, following: list[Section], state: Context):
    """The sub-sections of an exercises heading when they are one exercise each
    ("Exercises to ease back pain", then "Knee-to-chest stretch" + steps + dose); else []."""
    rules = state.rules
    if not section.heading or rules.cue("heading_warning", section.heading):
        return []
    children = []
    for child in following:
        if child.level <= section.level:
            break
        children.append(child)
    cued = rules.cue("heading_exercise_list", section.heading)
    if not cued and not (children and _dosed_run(children, children[0].level, rules)):
        return []  # no cue, and not a run of dosed exercise headings under it
    if rule_says_otherwise(section, state):
        return []
    if any(is_exercise_subsection(child, rules) for child in children):
        return children
    if children or any(
        isinstance(block, ListBlock) and _dosed_items(block) >= 2 for block in section.blocks
    ):
        return []  # its own list of dosed exercises: the headings after it are no part of it
    # A flat sheet: "How to do your exercises", then one heading of the same level per
    # exercise.
    for child in following:
        if child.level != section.level or not is_exercise_subsection(child, rules):
            break
        if not names_one_exercise(clean_heading(child.heading, rules), rules):
            break
        children.append(child)
    return children


def rule_says_otherwise(section: Section, state: Context) -> bool:
    """Whether an extra rule classifies the section as something other than exercises
    (asked without recording: the section's own classification records it)."""
    heading = clean_heading(section.heading, state.rules)
    part = Part("section", heading, heading, level=section.level)
    context = state.rule_context(state.main, "")
    for rule in state.rules.extra_rules:
        answer = rule(part, context)
        if answer is not None:
            return answer.as_ != "exercise_list"
    return False


#: Topics whose heading heads a section of their own, never one exercise.
_NOT_ONE_EXERCISE = ("treatments", "avoid", "causes", "symptoms", "risks")


def _dosed_items(block: ListBlock) -> int:
    """How many items of a list give a dose of their own (sets, repetitions or a hold)
    and name something besides ("Bridge: 10 times"); an item that is only a part of one
    exercise's dose ("Hold for 20 seconds", "Repeat 5 times on each leg", "2 sets of
    10") counts none."""
    return sum(
        1
        for item in block.items
        if not _DOSE_ONLY.match(item.text) and has_counts(read_dose(item.text).dose)
    )


#: An item that is only a dose: it opens with a dose's verb or number.
_DOSE_ONLY = re.compile(
    r"\s*(?:hold(?:ing)?|repeat(?:ing)?|do|perform|rest|relax|aim for|build up to|start with|"
    r"\d+\s*(?:x\b|sets?\b|reps?\b|repetitions\b|times\b|seconds?\b|secs?\b|minutes?\b)|"
    r"(?:once|twice|three times|one|two|three|four|five|ten)\s+(?:sets?|times|a day)\b)",
    re.IGNORECASE,
)


def instruction_name(exercise: dict, rules: RuleSet) -> str:
    """The name of an exercise an item gives only as what to do, before its own count
    ("Look over each shoulder, 5 times a side" -> "Look over each shoulder"); "" for a
    step or a dose alone ("Hold for 5 seconds, 10 times")."""
    steps = exercise["steps"]
    if len(steps) != 1 or not has_counts(exercise["dose"]):
        return ""
    match = _INSTRUCTION_BEFORE_COUNT.fullmatch(steps[0].strip())
    if match is None or _DOSE_ONLY.match(match.group("what")):
        return ""
    what = match.group("what")
    if has_counts(read_dose(what, counts_only=True).dose) or not names_one_exercise(what, rules):
        return ""
    return sentence_case(what)


#: What to do, then a comma and its count: "Look over each shoulder, 5 times a side".
_INSTRUCTION_BEFORE_COUNT = re.compile(
    r"(?P<what>[A-Z][\w'\u2019-]*+(?:[ \t]++[\w'\u2019-]++){1,5}?)[ \t]*+,[ \t]*+"
    r"(?P<count>(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\b[^.;]{0,40}+)\.?"
)


def is_exercise_subsection(section: Section, rules: RuleSet) -> bool:
    """A short, name-like heading over steps (a list) or a dose."""
    heading = clean_heading(section.heading, rules).strip(" .:")
    if not heading or "?" in heading or len(heading.split()) > EXERCISE_NAME_MAX_WORDS:
        return False
    if rules.cue("heading_warning", heading) or not section.blocks:
        return False
    if any(rules.cue(f"heading_{topic}", heading) for topic in _NOT_ONE_EXERCISE):
        return False  # "What else helps", "What we don't recommend": a list of their own
    if heading.split()[0].lower() in NOT_AN_EXERCISE_OPENING or not names_one_exercise(
        heading, rules
    ):
        return False  # "About your upper back", "Your exercises": no one exercise's name
    lists = [block for block in section.blocks if isinstance(block, ListBlock)]
    if any(_dosed_items(block) >= 2 for block in lists):
        return False  # a list of exercises each with its own dose: several, not one
    if lists:
        return True
    doses = [read_dose(block.text).dose for block in section.blocks if isinstance(block, Paragraph)]
    if any(map(has_counts, doses)):
        return True
    # Only how often: one exercise ("Walking, twice a day"), or the routine's own
    # instructions when the heading names a collection ("How to do your exercises") or
    # asks about the routine ("How often"). A section of prose with a frequency somewhere
    # in it ("Clinician notes") is neither.
    return (
        any(has_dose(dose) for dose in doses)
        and len(doses) <= FREQUENCY_ONLY_MAX_PARAGRAPHS
        and names_one_exercise(heading, rules)
    )


#: First words of a heading about the routine, not one exercise ("How often", "When to
#: stop", "Before you start").
NOT_AN_EXERCISE_OPENING = frozenset(
    "how when why what before after tips safety important notes general stop about "
    # "Preventing falls", "Managing flare-ups", "Referral criteria" under the exercises:
    # what else to do, not one exercise.
    "preventing avoiding managing reducing coping living getting returning referral "
    "referrals".split()
)

#: Most paragraphs of a section that is one exercise given only a frequency.
FREQUENCY_ONLY_MAX_PARAGRAPHS = 3


def exercise_from_section(section: Section, state: Context) -> dict:
    """An exercise named by its heading: steps from its list items and sentences, the dose
    from its dose sentences, cautions from caution or stop cues."""
    rules = state.rules
    name = sentence_case(clean_heading(section.heading, rules).strip(" .:"))
    sentences = []
    for block in section.blocks:
        if isinstance(block, ListBlock):
            sentences.extend(item.text.strip() for item in block.items)
        elif isinstance(block, Table):
            # A plan of weeks or sets: each row is one step, its cells in order.
            sentences.extend(" – ".join(c for c in row if c) for row in block.rows)
        else:
            sentences.extend(split_sentences(block.text))
    steps, cautions, dosed, help_now = [], [], [], []
    for sentence in sentences:
        found = advice_of(sentence, rules)
        if found is not None and found.level in (Severity.EMERGENCY, Severity.URGENT):
            # "Call 999 if you have chest pain ..." under the last exercise: a warning
            # of its own, not a step.
            help_now.append(sentence)
            continue
        sentence_dose = read_dose(sentence).dose
        if has_dose(sentence_dose) or sentence_dose["per_side"]:
            # "Stay for 5 slow breaths, then switch sides.": a side each is part of it.
            dosed.append(sentence)
            if only_dose(sentence, rules):
                continue
        if rules.cue("severity_caution", sentence) or rules.cue("stop_if", sentence):
            cautions.append(sentence)
        elif sentence:
            steps.append(sentence)
    reading = read_dose(" ".join(dosed))
    for note in reading.notes:
        state.decide(name, "exercise dose", note)
    state.decide(name, "exercise", "sub-heading of an exercises section")
    exercise = {"name": name, "steps": steps, "dose": reading.dose, "cautions": cautions}
    if help_now:
        exercise[HELP_KEY] = help_now  # taken out by the list's emitter, boxed after it
    return exercise


#: The key of an exercise's urgent advice, until the list's emitter boxes it.
HELP_KEY = "_help"


def emit_exercise_list(
    heading: str, blocks, owner: PagePlan, state: Context, lead: str = "", extra=(), routine=()
) -> list:
    """Add the exercise list ``blocks`` make to ``owner``; return the blocks that stay
    ordinary content (all of them when no exercise is found, else the text after it).
    ``routine``: sentences before the list that may give the whole routine's frequency."""
    rules = state.rules
    intro: list[str] = []
    stop_if: list[str] = []
    exercises: list[dict] = []
    trailing: list[Paragraph | Table] = []
    routine_items: list[str] = []
    # "**Phase 2 (from week 2 or 3), three days a week:**" over a list: how often the
    # exercises of that list are done, not the whole routine (nor an exercise).
    phase: dict = {}
    phase_leads: set[int] = set()  # id() of each phase's lead
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if exercises and _help_lead(block, rules):
            # "**When to get help:**" over a list after the exercises: the list's own
            # heading in all but name, and what follows is read as any section's.
            trailing.extend(blocks[index:])
            state.decide(block.text, "exercise list end", "a lead about getting help")
            break
        if isinstance(block, Paragraph) and (
            frequency := _phase_frequency(block, following, rules)
        ):
            phase = frequency
            phase_leads.add(id(block))
            intro.append(paragraph_html(block))
            state.decide(block.text, "exercise dose", "how often the list after it is done")
            continue
        if isinstance(block, Table):
            if rows := exercise_table(block, state):
                exercises.extend(rows)  # every cell is in the exercises: no table left
            else:
                trailing.append(block)  # stays a table after the exercise list
            continue
        if isinstance(block, ListBlock):
            for item in block.items:
                if routine_item(item.text, rules):
                    # "Both twice a day" under the exercises: said of every one of them.
                    routine_items.append(item.text)
                    state.decide(item.text, "exercise dose", "an item about the whole routine")
                elif (
                    exercises
                    and rules.cue("stop_if", item.text)
                    and not has_dose(read_dose(item.text).dose)
                ):
                    # "If any exercise brings the leg pain back, stop that one" after the
                    # exercises: when to stop every one of them.
                    stop_if.append(item.text)
                    state.decide(item.text, "exercise stop-if", "an item about every exercise")
                else:
                    exercise = exercise_from_item(item.text, item.html, state)
                    for key, value in phase.items():
                        exercise["dose"][key] = exercise["dose"].get(key) or value
                    exercises.append(exercise)
            phase = {}
            continue
        bold = re.match(r"\s*<(strong|b)>([^<]*)</\1>", block.html or "")
        if (
            bold
            and not rules.cue("not_a_label", bold.group(2).strip(" .:"))
            and not routine_item(bold.group(2), rules)
            # "**Go to A&E or call 999 if you have numbness ...**" after the exercises:
            # advice in bold is a warning, never an exercise's name.
            and advice_of(bold.group(2), rules) is None
            # "**Emergency** Ring 999 if ...", "**Not settling?** Book in with your GP
            # ...": a label over help to get, in a callout after the exercises.
            and not _labels_help(block.text, html.unescape(bold.group(2)), rules)
        ) or (not bold and labelled_exercise(block.text, rules)):
            found = None if bold else prose_exercises(block, rules)
            if (
                found is None
                or not (found[0] or found[3] or len(found[2]) > 1)
                or not all(_exercise_label(part.text, rules) for part in found[2])
            ):
                exercises.append(exercise_from_item(block.text, block.html, state))
                continue
            # "Leaflet text: Avoid carrying heavy bags ... Scalene stretch: ..., 3 times
            # each side. Go to A&E if ...": the exercises the paragraph labels, and the
            # text around them.
            before, _, parts, after = found
            if before and exercises:
                trailing.append(Paragraph(before))
            elif before:
                intro.append(paragraph_html(Paragraph(before)))
            exercises.extend(exercise_from_item(part.text, "", state) for part in parts)
            rest = []
            for sentence in split_sentences(after):
                (stop_if if rules.cue("stop_if", sentence) else rest).append(sentence)
            if rest:
                trailing.append(Paragraph(" ".join(rest)))
            continue
        sentences = split_sentences(block.text)
        keep = [s for s in sentences if not rules.cue("stop_if", s)]
        stop_if.extend(s for s in sentences if rules.cue("stop_if", s))
        if not keep:
            continue
        paragraph = Paragraph(" ".join(keep), block.html if len(keep) == len(sentences) else "")
        if exercises:
            trailing.append(paragraph)
        else:
            intro.append(paragraph_html(paragraph))
    exercises = [e for e in exercises if e["name"] or e["steps"]]
    exercises.extend(extra)
    if not exercises:
        return list(blocks)
    apply_routine(
        exercises,
        [
            # "Neck strength programme (3 times a week)", "My programme, done 3 days a
            # week:": the heading and the lead may say how often the routine is done.
            heading,
            *split_sentences(lead),
            *routine,
            *(
                s
                for b in blocks
                if isinstance(b, Paragraph) and id(b) not in phase_leads
                for s in split_sentences(b.text)
            ),
            *(s for item in routine_items for s in split_sentences(item)),
            # "Do the whole set twice a day." as an exercise table's caption.
            *(s for b in blocks if isinstance(b, Table) for s in split_sentences(b.caption)),
        ],
        state,
    )
    trailing.extend(Paragraph(text) for text in routine_items)
    if lead and not intro:
        intro.append(f"<p>{html.escape(lead, quote=False)}</p>")
        drop_lead_paragraph(owner, lead, state, marked_up=True)
    value = {
        "heading": heading,
        "intro": "".join(intro),
        "exercises": exercises,
        "stop_if": stop_if,
    }
    add_block(owner, BlockPlan("exercise_list", value), state)
    state.decide(
        heading or lead or exercises[0]["name"], "exercise_list", f"{len(exercises)} exercises"
    )
    relate_exercise_treatment(heading or lead, owner, state)
    return trailing


#: A label saying an item is an exercise, not which: "Home exercise", "Exercise 2".
GENERIC_EXERCISE_LABEL = (
    r"(?:(?:home|daily|simple|gentle|key|suggested|sample|today's|this week's|your|an?)\s+)?"
    r"(?:exercises?|stretch(?:es)?|moves?|movements?)"
    r"(?:\s+(?:\d{1,2}|of the (?:week|day|month)))?"
)
_GENERIC_EXERCISE_LABEL = re.compile(GENERIC_EXERCISE_LABEL, re.IGNORECASE)
#: A short name and its colon after such a label: "prone back extension: ".
_SECOND_LABEL = re.compile(r"([^:.!?\n]{3,50}?)[ \t]*+:[ \t]*+(?=\S)")


def _phase_frequency(block: Paragraph, following, rules: RuleSet) -> dict:
    """How often the list after ``block`` is done, when ``block`` is a lead ending in a
    colon that gives a frequency and no count ("Phase 1 (first 1 to 2 weeks), twice a
    day:"); else {}."""
    text = block.text.rstrip()
    if not isinstance(following, ListBlock) or not text.endswith(":"):
        return {}
    if not for_every_exercise(text, rules) or rules.cue("stop_if", text):
        return {}
    dose = read_dose(routine_dose_text(text)).dose
    return {key: dose[key] for key in ROUTINE_FREQUENCY if dose.get(key)}


#: A clause saying when to start, before the name: "Once twisting no longer hurts, the ".
_WHEN_FIRST = re.compile(
    r"(?P<clause>(?:once|when|after|as soon as|if)\s[^,.;:]{3,60}+),\s++(?:(?:the|a|an)\s++)?"
    r"(?=\w)",
    re.IGNORECASE,
)


def exercise_from_item(text: str, markup: str, state: Context) -> dict:
    rules = state.rules
    if ".." in text and (leader := _DOT_LEADER.search(text)):
        # "Wall push-ups ............ 2 sets of 10": the dots lead from name to dose.
        text = f"{text[: leader.start()]}: {text[leader.end() :]}"
    if text.endswith("]") and (bracket := _BRACKETED_DOSE.search(text)):
        # "Shoulder blade squeeze  [hold 5 s, x10]": the dose in square brackets after
        # the name.
        if has_dose(read_dose(bracket["dose"]).dose):
            text = f"{text[: bracket.start()].rstrip(' :')}: {bracket['dose']}"
    name, rest = "", text
    bold = re.match(r"\s*<(?:strong|b)>(.*?)</(?:strong|b)>\s*(.*)", markup or "", re.S)
    if bold:
        name = strip_tags(bold.group(1)).strip(" .:-–")
        rest = strip_tags(bold.group(2))
    else:
        phrase = first_phrase(text)
        when = ""
        if found := _WHEN_FIRST.match(phrase):
            # "Once twisting no longer hurts, the dead bug: 2 sets of 8": when to start
            # it is its first step; the name follows the comma.
            when, phrase = found["clause"], phrase[found.end() :]
        equipment = _WITH_EQUIPMENT.search(phrase)
        # "Chin tucks with head lift (lying on your back): 3 sets of 10": how to do it, in
        # brackets after the name, is its first step.
        aside = (
            _TRAILING_ASIDE.search(phrase)
            or _TRAILING_POSITION.search(phrase)
            or _TRAILING_COMMA_ASIDE.search(phrase)
        )
        if aside is None and len(phrase.split()) > EXERCISE_LABEL_MAX_WORDS:
            aside = _TRAILING_SUPPORT.search(phrase)
        core = phrase[: aside.start()] if aside else phrase
        if len(core.split()) <= EXERCISE_LABEL_MAX_WORDS or (
            equipment and len(phrase[: equipment.start()].split()) <= EXERCISE_LABEL_MAX_WORDS
        ):
            name = core.strip(" .:")
            rest = text[text.find(phrase) + len(phrase) :].lstrip(" .:-–—\uff1a")
            if aside and core != phrase:
                rest = f"{sentence_case(aside.group(1).strip())}. {rest}".strip()
            if when:
                rest = f"{sentence_case(when)}. {rest}"
            if _GENERIC_EXERCISE_LABEL.fullmatch(name) and (named := _SECOND_LABEL.match(rest)):
                # "Home exercise: prone back extension: lie face down ...": the label
                # says what kind of item it is; the name follows it.
                name, rest = sentence_start(named.group(1).strip()), rest[named.end() :]
    if (counted := _COUNT_AFTER_NAME.search(name)) and (
        has_dose(read_dose(name[counted.end() :]).dose) or _DURATION.match(name, counted.end())
    ):
        # "Knee rolls 10 each side", "Walking 10 minutes, flat ground": the count after
        # the name is its dose, no part of the name.
        rest = f"{name[counted.end() :]} {rest}".strip() if not bold else rest
        name = name[: counted.start()]
    if (done_with := _DONE_WITH.match(name)) and (
        is_instruction(name, rules) or _TRAINING_VERB.match(name)
    ):
        if not _WITH_EQUIPMENT.search(name):
            # "Train your deep tummy muscles with dead bugs": the instruction says what for,
            # and the exercise is what it is done with.
            name = done_with.group("name")
    if lead := _INSTRUCTION_LEAD.match(name):
        # "Start with chin tucks to take the load off your neck", "Practice gaze
        # stabilization": the exercise is what the instruction names.
        name = _PURPOSE.sub("", name[lead.end() :])
    if equipment := _WITH_EQUIPMENT.search(name):
        # "Shoulder shrugs with dumbbells", "Hip hinge with a broom handle": the exercise
        # is named before "with"; what it is done with is its first step, in its words.
        name = name[: equipment.start()]
        rest = f"{sentence_case(equipment.group(0).strip())}. {rest}".strip()
    reading = read_dose(text)
    if name and reading.dose.get("repetitions") is None and (bare := _BARE_COUNT.match(rest)):
        # "Ankle pumps: 20, point and pull the foot", "**Clamshell** (15 each side) -
        # ...": a bare count after the name is how many times.
        reading.dose["repetitions"] = int(bare.group(1))
        if not bare.group(0).startswith(("(", "[")):
            rest = rest[bare.end() :].lstrip(" ,;.")
    steps, cautions = [], []
    for sentence in split_sentences(rest):
        if rules.cue("severity_caution", sentence) or rules.cue("stop_if", sentence):
            cautions.append(sentence)
        elif not only_dose(sentence, rules):
            steps.append(sentence)
    for note in reading.notes:
        state.decide(name or text, "exercise dose", note)
    if name.isupper() and (len(name.split()) > 1 and rest[:1].islower() or len(name) >= 4):
        # "CAT STRETCH - on hands and knees ...": a name set in capitals as a label
        # before text in lower case, however short its words; "BRIDGE ...... 3x10": a
        # word of four letters or more set in capitals is no abbreviation.
        name = name.capitalize()
    return {
        "name": sentence_case(name) if name else "",
        "steps": steps,
        "dose": reading.dose,
        "cautions": cautions,
    }


#: Most words of a list item's label read as an exercise's name.
EXERCISE_LABEL_MAX_WORDS = 6
#: Dots leading from an exercise's name to its dose, as a printed form sets them.
_DOT_LEADER = re.compile(r"(?<=\w)[ \t]*+\.{3,}+[ \t]*+(?=[\w(\[])")
#: A bare count opening what follows an exercise's name: "20, point and pull the foot",
#: "(15 each side) - ...".
_BARE_COUNT = re.compile(
    r"[(\[]?(\d{1,3})"
    r"(?=[ \t]*+(?:[,;.)\]]|$|(?:on[ \t]+)?(?:each|per|every)[ \t]+(?:side|leg|arm)\b))"
)
#: A dose in square brackets ending an item: "Neck side stretch [hold 20 s, x3 each side]".
_BRACKETED_DOSE = re.compile(r"\[(?P<dose>[^\[\]\n]{1,80}+)\]$")
#: Where a count follows an exercise's name: "Knee rolls| 10 each side".
_COUNT_AFTER_NAME = re.compile(r"(?<=[a-z])[ \t]++(?=\d|[x\u00d7][ \t]?\d)")
#: A length of time: "10 minutes", "30 seconds".
_DURATION = re.compile(r"\d{1,3}[ \t]*+(?:seconds?|secs?|minutes?|mins?)\b", re.IGNORECASE)
#: Verbs that open an instruction to train a part of the body (each a noun too, so the
#: lexicon alone cannot tell).
_TRAINING_VERB = re.compile(
    r"(?:stretch|train|strengthen|practi[cs]e|work|build|loosen|mobili[sz]e|improve|open|"
    r"wake|release|target|activate|tone|ease|free)\b",
    re.IGNORECASE,
)
#: An instruction ending in what it is done with: "Stretch the front of your hips with a
#: half-kneeling hip flexor stretch".
_DONE_WITH = re.compile(
    r"^\w++[^.;:]{0,60}?\s+with\s+(?:an?\s+|the\s+|some\s+)?(?P<name>[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,5})$",
    re.IGNORECASE,
)
#: Words in brackets at the end of an exercise's name: " (lying on your back)".
_TRAILING_ASIDE = re.compile(r"\s*\(([^()]{1,60})\)\s*$")
#: The position an exercise is done in, or how it moves, after its name without
#: brackets: "Pelvic tilts lying on your back", "Standing back extension with hands on
#: your hips", "Knee rolls side to side", "Heel raises holding a worktop".
_TRAILING_POSITION = re.compile(
    r"(?<=\w)\s+((?:lying|sitting|standing|kneeling|seated)\s+(?:on|at|against|down|up|"
    r"upright|tall|with)\b[^()]{0,40}+"
    r"|with\s+(?:your\s+|both\s+|one\s+)?(?:hands?|arms?|knees?|feet|foot|legs?|elbows?|"
    r"palms?|fingers|back|head|chin)\b[^()]{0,40}+"
    r"|holding\s+(?:on\s*to\s+|onto\s+)?(?:a|an|the|your)\s+[^()]{1,40}+"
    r"|(?:from\s+)?(?:side to side|up and down|back and forth|forwards and backwards))$",
    re.IGNORECASE,
)
#: An instruction opening an exercise's name: "Start with", "Try", "Practice", "Do".
_INSTRUCTION_LEAD = re.compile(
    r"^\s*(?:(?:start|begin|finish|end|warm up|follow up) with|move on to|progress to|"
    r"try|practi[cs]e|do|perform|add(?: in)?|work on)\s+(?:(?:some|a|an|the|a few|your)\s+)?"
    r"(?=\w)",
    re.IGNORECASE,
)
#: What an exercise is for, after its name: " to take the load off your upper neck".
_PURPOSE = re.compile(
    r"\s+(?:to|in order to|so (?:that )?you can)\s+(?:take|ease|relieve|loosen|strengthen|"
    r"stretch|improve|help|reduce|build|train|calm|relax|open|mobili[sz]e|get|keep|retrain|"
    r"settle|steady|teach|wake)\b.*$",
    re.IGNORECASE,
)
#: Equipment named after an exercise: " with dumbbells", " with a broom handle ...".
#: What an exercise is done over or against, after its name: "Thoracic extension over the
#: back of a chair". Cut only from a label too long to be a name with it.
#: How to do it, after the name and a comma: "Lying hip extension, on your front",
#: "Four-point rock back, only as far as it is pain-free".
_TRAILING_COMMA_ASIDE = re.compile(
    r"(?<=\w),\s+((?:on|in|lying|sitting|standing|kneeling|only|just|keeping|using|holding|"
    r"against|slowly|gently)\b[^,()]{1,60}+)$",
    re.IGNORECASE,
)
_TRAILING_SUPPORT = re.compile(
    r"(?<=\w)\s+((?:over|on|against|using|at|off)\s+"
    r"(?:the\s+(?:back|edge|end|side|bottom)\s+of\s+)?(?:an?|the|your)\s+(?:\w+\s+)?"
    r"(?:chair|wall|bed|step|stairs?|table|worktop|roller|ball|towel|door(?:way|frame)?|"
    r"counter|bench|sofa|floor|kerb|sink)\b[^()]{0,30}+)$",
    re.IGNORECASE,
)
_WITH_EQUIPMENT = re.compile(
    r"(?<=\w)\s+with\s+((?:an?\s+|the\s+|two\s+|light\s+|small\s+)?"
    r"(?:dumbbells?|weights?|kettlebells?|bands?|resistance bands?|broom(?:\s+handle)?|"
    r"(?:foam\s+)?rollers?|balls?|towels?|belts?|straps?|chairs?|pillows?|cushions?|"
    r"sticks?|poles?|tins?|bottles?)\b.*)$",
    re.IGNORECASE,
)


def _labels_help(text: str, label: str, rules: RuleSet) -> bool:
    """Whether what follows a paragraph's bold label asks for help in its first sentence
    and counts nothing an exercise would."""
    label = label.strip()
    if label and text.startswith(label):
        text = text[len(label) :]
    first = next(iter(split_sentences(text)), "")
    return advice_of(first, rules) is not None and not has_dose(read_dose(text).dose)


def _help_lead(block, rules: RuleSet) -> bool:
    """A short paragraph worded as a warning heading ("When to get help:", "**Red
    flags**") over a list: the start of the warnings, never an exercise's label."""
    if (
        not isinstance(block, Paragraph)
        or not block.text.rstrip().endswith(":")
        and not (re.fullmatch(r"\s*<(strong|b)>[^<]*</\1>\s*", block.html or ""))
    ):
        return False
    words = block.text.strip().rstrip(":").strip()
    return len(words.split()) <= ENUMERATED_LEAD_MAX_WORDS and bool(
        rules.cue("heading_warning", words)
    )


def only_dose(sentence: str, rules: RuleSet) -> bool:
    """Whether a sentence says nothing but the dose (the block renders the dose itself)."""
    if not has_dose(read_dose(sentence).dose):
        return False
    sentence = rules.remove_cues("dose_words", sentence)
    return not re.search(r"[A-Za-z]{2,}", sentence)


def names_one_exercise(heading: str, rules: RuleSet) -> bool:
    """A short heading that is not a collection ("Knee-to-chest stretch", not
    "Stretches for a stiff neck")."""
    return len(heading.split()) <= EXERCISE_NAME_MAX_WORDS and not rules.cue(
        "exercise_collection", heading
    )


def title_exercise_parent(title: str, sections: list[Section], base: int, state: Context):
    """Sections as read, with the article's title standing as the exercises heading when
    the title names exercises ("6 exercises for X") and top-level headings name one
    exercise each: a heading over them is made for the title, and the preamble's
    sentences meant for every exercise (how often to do the routine, when to stop) move
    under it."""
    rules = state.rules
    if not title or rules.cue("heading_warning", title):
        return sections
    if not rules.cue("heading_exercise_list", title) and not _dosed_run(sections, base, rules):
        return sections
    first = next(
        (
            index
            for index, section in enumerate(sections)
            if section.heading
            and section.level == base
            # "Clinician notes" over one sub-heading per exercise holds them, and is none.
            and not (index + 1 < len(sections) and sections[index + 1].level > base)
            and is_exercise_subsection(section, rules)
            # "Your exercises" over a list is the collection, not the first exercise.
            and names_one_exercise(clean_heading(section.heading, rules), rules)
        ),
        None,
    )
    if first is None or _run_length(sections[first:], base, rules) < DOSED_RUN_MIN:
        # "Quick check" at the end of "Treatment and exercises for cervical dystonia",
        # its quiz asking how often injections are given: one heading is no run of
        # exercises.
        return sections
    preamble: list[Paragraph] = []
    kept_sections = []
    for section in sections[:first]:
        if section.heading and not rules.cue("exercise_collection", section.heading):
            kept_sections.append(section)
            continue
        # Text before any heading, or under one about the exercises as a whole ("How to
        # do your exercises"): its routine sentences are meant for every exercise.
        blocks = []
        for block in section.blocks:
            if not isinstance(block, Paragraph):
                blocks.append(block)
                continue
            sentences = split_sentences(block.text)
            routine = [s for s in sentences if for_every_exercise(s, rules)]
            if not routine:
                blocks.append(block)
                continue
            preamble.append(Paragraph(" ".join(routine)))
            rest = [s for s in sentences if s not in routine]
            if rest:
                blocks.append(Paragraph(" ".join(rest)))
        kept_sections.append(Section(section.heading, section.level, blocks))
    state.decide(title, "exercise_list", "the title names exercises; headings name each one")
    parent = Section(title, base - 1, preamble)
    return [*kept_sections, parent, *sections[first:]]


def _run_length(sections: list[Section], base: int, rules: RuleSet) -> int:
    """How many top-level sections in a row, from the first, each name one exercise."""
    run = 0
    for section in sections:
        if section.level > base:
            continue  # an exercise's own sub-headings ("Steps", "Tips")
        if not (
            section.level == base
            and is_exercise_subsection(section, rules)
            and names_one_exercise(clean_heading(section.heading, rules), rules)
        ):
            break
        run += 1
    return run


#: Fewest headings in a row, each one exercise with its own dose, that make an exercise
#: list whatever the title says ("A 10-minute morning routine", then "1. Knee hugs" ...).
DOSED_RUN_MIN = 2


def _dosed_run(sections: list[Section], base: int, rules: RuleSet) -> bool:
    run = 0
    for section in sections:
        if not section.heading or section.level != base:
            continue
        heading = clean_heading(section.heading, rules)
        # The heading first: most headings name no exercise, and their text is not read.
        if names_one_exercise(heading, rules) and any(
            has_counts(read_dose(b.text, counts_only=True).dose)
            for b in section.blocks
            if isinstance(b, Paragraph)
        ):
            run += 1
            if run >= DOSED_RUN_MIN:
                return True
        else:
            run = 0
    return False


def for_every_exercise(sentence: str, rules: RuleSet) -> bool:
    """A sentence meant for the whole routine: when to stop, or how often to do it."""
    if rules.cue("stop_if", sentence):
        return True
    dose = read_dose(routine_dose_text(sentence)).dose
    return bool(dose.get("times_per_day") or dose.get("days_per_week")) and not has_counts(dose)


def routine_dose_text(sentence: str) -> str:
    """A routine's sentence without how many exercises it has: "Three gentle stretches,
    once a day" counts stretches, not repetitions of each."""
    return _EXERCISE_COUNT.sub(" ", sentence)


#: How many exercises a routine has: "Three gentle stretches", "these 4 exercises".
_EXERCISE_COUNT = re.compile(
    r"\b(?:these\s+|the\s+|our\s+)?(?:two|three|four|five|six|seven|eight|\d)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:exercises|stretches|moves|movements|poses|drills)\b",
    re.IGNORECASE,
)


def apply_routine(exercises: list[dict], sentences: list[str], state: Context) -> None:
    """A frequency said once for the routine ("Do these exercises twice a day") is the
    frequency of every exercise that gives none of its own; of several, the one said
    nearest the list (last) wins. A sentence that names the routine as a whole ("Both
    twice a day", "Hold each of these stretches for 20 seconds") gives its counts too.
    The routine's dose is gathered first and then given to each exercise: linear."""
    rules = state.rules
    routine: dict = {}
    # "Do these 3 times a day" names the exercises it is said of; "Walk a little
    # further each day" after it does not, and gives way to it however near.
    ordered = sorted(reversed(sentences), key=lambda s: _NAMES_THE_EXERCISES.search(s) is None)
    for sentence in ordered:
        if rules.cue("stop_if", sentence):
            # "(once a day, slowly, stop if you feel a new sharp pain)": the clauses
            # before when to stop may still say how often.
            sentence = ",".join(
                clause for clause in sentence.split(",") if not rules.cue("stop_if", clause)
            )
            if not sentence.strip():
                continue
        if for_every_exercise(sentence, rules):
            keys: tuple[str, ...] = ROUTINE_FREQUENCY
        elif rules.cue("routine_reference", sentence):
            keys = (*COUNT_KEYS, *ROUTINE_FREQUENCY)
        else:
            continue
        dose = read_dose(routine_dose_text(sentence)).dose
        given = {key: dose[key] for key in keys if dose.get(key) and key not in routine}
        if not any(dose.get(key) for key in keys):
            continue
        routine.update(given)
        state.decide(sentence, "exercise dose", "a dose for every exercise of the list")
    for exercise in exercises:
        for key, value in routine.items():
            if not exercise["dose"].get(key):
                exercise["dose"][key] = value


#: Words by which a sentence speaks of the exercises of the list.
_NAMES_THE_EXERCISES = re.compile(
    r"\b(?:these|them|both|all of|each of|every one|the (?:exercises|stretches|routine|card|"
    r"programme|program|moves|movements|set))\b",
    re.IGNORECASE,
)


#: What a sentence about the whole routine gives every exercise that lacks it.
ROUTINE_FREQUENCY = ("times_per_day", "days_per_week")


def routine_item(text: str, rules: RuleSet) -> bool:
    """An item or label said of the whole routine, with a dose and no exercise name of its
    own ("Both twice a day", "Do the whole card 3 times a day")."""
    head = " ".join(text.split()[:ROUTINE_REFERENCE_WORDS])
    return (
        bool(rules.cue("routine_reference", head))
        and _LABEL.match(text) is None
        and has_dose(read_dose(text).dose)
    )


#: The words at the start of an item where it names the routine it speaks of.
ROUTINE_REFERENCE_WORDS = 5

#: A short label before a colon (full-width too, as translations from Chinese write it)
#: or a spaced dash ("Hamstring stretch - heel on a low step"), and what follows.
_LABEL = re.compile(
    r"\s*(?P<label>[^:\uff1a.!?\u3002]{1,60}?)"
    # "Knee rolls: ...", "Knee rolls - ...", "HEEL SLIDE ........ 3x10" (dot leaders).
    r"(?:[:\uff1a]|\s[-\u2013\u2014\u00b7](?=\s)|[ \t]*+\.{3,}+)\s*(?P<rest>\S)"
)


def labelled_exercise(text: str, rules: RuleSet) -> bool:
    """A paragraph that names an exercise before a colon and gives its count ("Cat
    stretch: round your back ... hold for 5 seconds, do 10 times")."""
    match = _LABEL.match(text)
    if match:
        label = match.group("label").strip()
    else:
        # Names as sentences of their own: one ("Walking. Aim for 30 minutes a day.") may
        # be advice; two or more in a paragraph, the first opening it, are a routine.
        names = [_name_sentence(sentence, rules) for sentence in split_sentences(text)]
        label = names[0] if names else ""
        if not label or sum(1 for name in names if name) < 2:
            return False
    label = without_comma_aside(label)
    if not names_one_exercise(label, rules) or rules.cue("not_a_label", label):
        return False
    dose = read_dose(text, counts_only=True).dose
    return has_counts(dose)


def without_comma_aside(name: str) -> str:
    """An exercise's name without how or when to do it after a comma or in brackets
    ("Standing hip abduction, holding the dome rail", "Doorway chest stretch (from week 6
    only)")."""
    aside = _TRAILING_COMMA_ASIDE.search(name) or _TRAILING_ASIDE.search(name)
    return name[: aside.start()] if aside else name


def _name_sentence(sentence: str, rules: RuleSet) -> str:
    """The exercise's name a sentence is, alone ("Seated rotation."), or ""."""
    match = _NAME_SENTENCE.fullmatch(sentence)
    if match is None:
        return ""
    name = match.group("name")
    if len(name.split()) < 2 and "-" not in name:
        return ""
    if (
        not names_one_exercise(name, rules)
        or _COUNTED_OR_LISTED.search(name)
        or rules.is_condition_term(name)
        or is_instruction(name, rules)
        or _NOT_A_NAME.match(name)
        # "Bed rest isn't recommended.": a clause with its verb, no name.
        or _FINITE_VERB_IN_NAME.search(name)
    ):
        return ""
    return name


#: A verb that makes words a clause: "isn't", "is", "can", "don't".
_FINITE_VERB_IN_NAME = re.compile(
    r"\b(?:is|are|was|were|has|have|had|can|could|will|would|should|must|does|do|did)\b"
    r"|n['\u2019]t\b",
    re.IGNORECASE,
)


#: Words that count or order, never part of an exercise's name as a sentence of its own
#: ("Then two more.", "Next, your back."); "the" and "and" may be ("Thread the needle").
_COUNTED_OR_LISTED = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|then|so|now|also|these|"
    r"those|some|more|other|next|last|first|final|my|your|our)\b",
    re.IGNORECASE,
)
#: An exercise's name written as a sentence of its own before its steps ("Seated
#: rotation." over "Arms crossed, turn gently each way. 10 each way."); never one opening
#: with an article ("A graded return to running.").
_NAME_SENTENCE = re.compile(
    r"[ \t]*+(?!(?:A|An|The|This|That|These|Those)\b)"
    r"(?P<name>[A-Z][\w'\u2019-]*+(?:[ \t]++[\w'\u2019-]++){0,4}?)[ \t]*+\.[ \t]*+"
)


#: Headings of a column that only numbers the rows ("No", "#").
NUMBER_COLUMN_HEADINGS = frozenset({"", "no", "no.", "#", "number", "step", "n", "id"})


#: A row's identifier in a column headed "id": one word of letters, digits, "_" or "-".
_IDENTIFIER = re.compile(r"[\w.-]{1,40}")


def without_number_column(table: Table) -> Table:
    """``table`` without a first column that only numbers its rows ("No" / 1, 2, 3): what
    each row is about is the column after it."""
    cells = [row[0].strip().rstrip(".").strip("`") for row in table.rows if row]
    heading = table.headings[0].strip().lower() if table.headings else ""
    if (
        table.width < 3
        or not cells
        or heading not in NUMBER_COLUMN_HEADINGS
        # "id" / "knee_rolls": an identifier of the row is a number by another name.
        or not all(
            cell.isdigit() or (heading == "id" and _IDENTIFIER.fullmatch(cell)) for cell in cells
        )
    ):
        return table
    return _without_first_column(table)


def _without_first_column(table: Table) -> Table:
    return replace(
        table,
        head=[row[1:] for row in table.head],
        rows=[row[1:] for row in table.rows],
        links={(r, c - 1): cell for (r, c), cell in table.links.items() if c > 0},
    )


def without_category_column(table: Table, rules: RuleSet) -> Table:
    """``table`` without a first column that sorts its rows ("Type": "Stretch",
    "Strength") before the column naming the exercises ("Exercise")."""
    headings = table.headings
    if (
        table.width < 3
        or len(headings) < 2
        or rules.cue("exercise_column_name", headings[0])
        or not rules.cue("exercise_column_name", headings[1])
    ):
        return table
    return _without_first_column(table)


def exercise_table(table: Table, state: Context) -> list[dict]:
    """The exercises of a table whose rows are exercises: the first cell names one, cells
    of dose columns ("Sets", "Repetitions", "Hold", "How often") give its dose, read by
    their column ("2" under "Sets" is two sets), and the other cells say how to do it. []
    for a table with no column of counts."""
    rules = state.rules
    table = without_category_column(without_number_column(table), rules)
    kinds = exercise_columns(table, rules)
    if not kinds:
        return []
    headings = table.headings
    exercises = []
    for row in table.rows:
        name = row[0].strip() if row else ""
        if not name:
            continue
        sentences, dosed = [], []
        for index, cell in enumerate(row[1 : len(kinds)], start=1):
            cell = cell.strip()
            if not cell:
                continue
            if kinds[index]:
                dosed.append(dose_cell_text(kinds[index], cell, headings[index]))
            elif sentences or not headings[index]:
                sentences.append(f"{headings[index]}: {cell}" if headings[index] else cell)
            else:
                sentences.extend(split_sentences(cell))  # the first column that describes
        steps = [s for s in sentences if not cautions_sentence(s, rules)]
        reading = read_dose(". ".join(dosed))
        dose = reading.dose
        described = read_dose(" ".join(sentences)).dose
        for key, value in described.items():
            if value and not dose[key]:
                dose[key] = value  # "Change sides." in the steps, no per-side column
        for note in reading.notes:
            state.decide(name, "exercise dose", note)
        state.decide(name, "exercise", "a row of an exercise table")
        exercises.append(
            {
                "name": sentence_case(name.strip(" .:")),
                "steps": steps,
                "dose": dose,
                "cautions": [s for s in sentences if cautions_sentence(s, rules)],
            }
        )
    return exercises


#: Dose fields a column's heading can name, in the order the cues are tried; "dose" is
#: a column of whole doses ("How much": "Hold 20 seconds, 3 times each side").
COLUMN_KINDS = ("frequency", "per_side", "sets", "repetitions", "hold", "dose")


def dose_table_sentence(table: Table, rules: RuleSet) -> str:
    """An exercise card's table of counts with one row and no name column ("Sets | Reps |
    Hold | Side" over "2 | 10 | 5 s | -") as the sentence it stands for ("2 sets, 10
    repetitions, hold for 5 seconds."); "" for any other table."""
    headings = table.headings
    if not table.head or len(table.rows) != 1 or len(headings) < 2:
        return ""
    kinds = [column_kind(heading, rules) for heading in headings]
    if not all(kinds) or len(table.rows[0]) != len(kinds):
        return ""
    parts = [
        _count_phrase(kind, value)
        for kind, cell in zip(kinds, table.rows[0], strict=True)
        if (value := cell.strip()) and re.search(r"\w", value)  # "-": nothing to count
    ]
    text = ", ".join(part for part in parts if part)
    return f"{text[:1].upper()}{text[1:]}." if text else ""


def _count_phrase(kind: str, value: str) -> str:
    """One cell of a card's counts as words ("2" sets -> "2 sets", "5 s" held -> "hold for
    5 seconds", "Each side" -> itself); "" for a count that is no number."""
    if kind in ("frequency", "per_side"):
        return value
    if not value[:1].isdigit():
        return ""
    if kind == "sets":
        return f"{value} set" if value == "1" else f"{value} sets"
    if kind == "repetitions":
        return f"{value} repetitions"
    return "hold for " + _SECONDS_SHORT.sub(r"\1 seconds", value)


#: Seconds written short in a card's cell: "5 s", "10 sec".
_SECONDS_SHORT = re.compile(r"\b(\d+)\s*(?:s|sec|secs)\b\.?")


def column_kind(heading: str, rules: RuleSet) -> str:
    """What a column of an exercise table counts, by its heading ("Reps" ->
    "repetitions"), or ""."""
    return next((k for k in COLUMN_KINDS if rules.cue(f"exercise_column_{k}", heading)), "")


def exercise_columns(table: Table, rules: RuleSet) -> list[str]:
    """What each column of a table counts ("sets", "repetitions", "hold", "per_side",
    "frequency"; "" for the name and the text columns), or [] when the table has no
    column headings or no column of counts."""
    headings = table.headings
    if not table.head or len(headings) < 2 or not table.rows:
        return []
    kinds = [""] + [column_kind(heading, rules) for heading in headings[1:]]
    if any(kind in ("sets", "repetitions", "hold", "per_side") for kind in kinds):
        return kinds
    if "dose" in kinds and rules.cue("exercise_column_name", headings[0]):
        # "Exercise | How much": whole doses, only beside a column naming exercises (a
        # medicine's "Dose" column is no exercise's).
        return kinds
    return []


def cautions_sentence(sentence: str, rules: RuleSet) -> bool:
    return bool(rules.cue("severity_caution", sentence) or rules.cue("stop_if", sentence))


#: A handbook's clause number opening a paragraph: "9.5.2 ".
_OUTLINE_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3}){1,3}\.?[ \t]++(?=[A-Z])")


def prose_exercises(paragraph: Paragraph, rules: RuleSet):
    """A paragraph that names exercises in its sentences, one with its count at least,
    read as an exercise list is: ``(the sentences before the first exercise, the lead
    that announces them, a paragraph per exercise, the sentences after)``; None for any
    other paragraph. Two shapes:

    - each exercise a sentence opened by its name and a colon ("Standing back bends: hands
      on your lower back, lean back gently 5 times. Knee rolls: ..., 10 times each way.
      Do both morning and evening."): it runs to the next one, and a sentence about the
      whole routine ("Do both ...") or a stop-if ends it;
    - exercises listed after a lead and a colon, each with its count ("Two exercises to
      start with: chin tucks (draw your chin back, hold 5 seconds, 10 times) and shoulder
      blade squeezes (hold 5 seconds, 10 times).", "A starter set: glute bridges, 3 sets
      of 10; bird dog, 10 each side").
    """
    text = paragraph.text
    if numbered := _OUTLINE_NUMBER.match(text):
        # "9.5.2 Heel slides: ...": a handbook's clause number orders it, and names nothing.
        text = text[numbered.end() :]
    sentences = split_sentences(text)
    # "**Gauge:** 18 sts x 24 rows", "**Taking alendronic acid:** ... 30 minutes": a bold
    # label names what the paragraph is about, for the labelled-item rules to read.
    bold = re.match(r"\s*<(?:strong|b)>", paragraph.html or "") is not None
    before: list[str] = []
    lead = ""
    groups: list[list[str]] = []
    after: list[str] = []
    led: set[int] = set()  # groups opened by an instruction ("Move on to the bird dog.")
    name_sentences: dict[int, str] = {}  # groups a name as a sentence opened: that sentence
    seen = [-1, 0, False]  # the last group, its sentences read for a count, and whether found

    def last_counted() -> bool:
        # Whether the last group counts anything, each of its sentences read once.
        if seen[0] != len(groups) - 1:
            seen[:] = [len(groups) - 1, 0, False]
        group = groups[-1]
        if not seen[2]:
            seen[2] = any(has_counts(read_dose(s, counts_only=True).dose) for s in group[seen[1] :])
            seen[1] = len(group)
        return seen[2]

    announced = 0  # exercises a lead said are coming, one sentence each
    for index, sentence in enumerate(sentences):
        if (
            announced
            and not after
            and (named := _spoken_exercise(sentence, rules) or _announced_exercise(sentence, rules))
        ):
            # "Three simple ones, every morning. Knee rolls on the bed, ten each side.
            # Bridges, ..., ten times. And sit to stand from a kitchen chair, ten times."
            groups.append([named])
            announced -= 1
            continue
        # A count not followed by one exercise a sentence stays the lead of the labelled
        # ones after it ("Two gentle exercises help stiff backs. Standing back bends: ...").
        announced = 0
        if not groups and (count := _ANNOUNCED_COUNT.match(sentence)):
            before.extend(filter(None, [lead]))
            lead, announced = sentence, _count_of(count.group("count"))
            continue
        if not groups and (listed := enumerated_exercises(sentence, rules)):
            lead, items = listed
            groups.extend([item] for item in items)
        elif named := _spoken_exercise(sentence, rules):
            # "Right, first exercise: lying on your front.", "Next, propping on your
            # elbows.": a video's or a class's spoken sequence names each exercise.
            led.add(len(groups))
            groups.append([named, sentence])
        elif not after and (identified := _identified_exercise(sentence, rules)):
            # "The one exercise I give everyone is the standing back extension: hands on
            # hips, ...", "It's called a chin tuck.": the sentence names the exercise.
            groups.append([identified])
        elif not (bold and index == 0) and _exercise_label(sentence, rules):
            groups.append([_named_first(sentence)])
        elif index == 0 and not bold and (titled := _TITLE_SENTENCE.fullmatch(sentence)):
            # "Knee hug exercise." / "Lie on your back." / ... "Hold for 20 seconds.": an
            # exercise's name as a sentence of its own, as Easy Read and plain leaflets put
            # it, over its steps.
            name = titled.group("name")
            if (
                names_one_exercise(name, rules)
                # "Home exercises.", "Core exercises.": a word before "exercises" says
                # which ones, and names none.
                and len(name.split()) > 1
                # "Then two exercises.": a count and a joining word name nothing.
                and not _COUNTED_OR_JOINED.search(name)
                and not rules.is_condition_term(name)
                and not is_instruction(name, rules)
                and not _NOT_A_NAME.match(name)
            ):
                groups.append([f"{name}:"])
            else:
                before.append(sentence)
        elif (
            groups
            and not rules.cue("routine_reference", sentence)
            and (named := _led_exercise(sentence, rules))
        ):
            led.add(len(groups))
            groups.append([named, sentence])
        elif (name := _name_sentence(sentence, rules)) and (
            not groups or len(groups) - 1 in name_sentences or last_counted()
        ):
            # "Side-lying rib opener. Lie on your good side ... 5 slow breaths. Seated
            # rotation. ... 10 each way.": each exercise's name a sentence of its own,
            # the next one after the count of the one before.
            name_sentences[len(groups)] = sentence
            groups.append([f"{name}:"])
        elif not groups:
            before.append(sentence)
        elif (
            after
            or rules.cue("routine_reference", sentence)
            or rules.cue("stop_if", sentence)
            or _asks_for_help(sentence, rules)
        ):
            # "Go to A&E straight away if your arm swells": help to get now is no step.
            after.append(sentence)
        else:
            groups[-1].append(sentence)
    texts: list[str] = []
    for index, group in enumerate(groups):
        if index in name_sentences and not has_counts(
            read_dose(" ".join(group), counts_only=True).dose
        ):
            # "Heat helps." after an exercise is no name: without a count of its own, its
            # sentences are text of the exercise before (or before the list).
            sentences_of = [name_sentences[index], *group[1:]]
            if texts:
                texts[-1] = " ".join([texts[-1], *sentences_of])
            else:
                before.extend(sentences_of)
            continue
        if index not in led:
            texts.append(" ".join(group))
            continue
        named, sentence, *rest = group
        text = " ".join([named, *rest])
        if has_counts(read_dose(text, counts_only=True).dose):
            texts.append(text)
        elif texts:
            # "Move on to the easy part." names no exercise with a count: it is text of
            # the exercise before it.
            texts[-1] = " ".join([texts[-1], sentence, *rest])
        else:
            before.extend([sentence, *rest])  # nothing counted yet: text before the list
    while len(texts) > 1 and not has_counts(read_dose(texts[0], counts_only=True).dose):
        # "Leaflet text: Avoid carrying heavy bags ... Scalene stretch: ..., 3 times": a
        # label over text with no count before the first exercise is a note's label.
        before.append(texts.pop(0))
    if not any(labelled_exercise(text, rules) for text in texts):
        return None
    return " ".join(before), lead, [Paragraph(text) for text in texts], " ".join(after)


def _asks_for_help(sentence: str, rules: RuleSet) -> bool:
    """Whether a sentence asks the reader to get help now (urgent or emergency); "stop
    and tell your physio" belongs to the exercise."""
    found = advice_of(sentence, rules)
    return found is not None and found.level in (Severity.URGENT, Severity.EMERGENCY)


def _count_of(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


#: A sentence announcing how many exercises follow, one a sentence: "Three simple ones,
#: every morning.", "Here are two exercises to try."
_ANNOUNCED_COUNT = re.compile(
    r"^\W*(?:here\s+are\s+|try\s+(?:these\s+)?)?(?P<count>two|three|four|five|six|[2-6])\s+"
    r"(?:(?:simple|easy|gentle|quick|short|good|basic|little)\s+)?"
    r"(?:ones|exercises|stretches|moves|movements)\b[^.!?:]{0,60}[.!:]?$",
    re.IGNORECASE,
)


def _announced_exercise(sentence: str, rules: RuleSet) -> str:
    """An exercise a sentence after an announced count names first and doses ("Knee rolls
    on the bed, ten each side."), written as a labelled exercise; "" for a sentence with
    no count or no name to open it."""
    if not has_counts(read_dose(sentence, counts_only=True).dose):
        return ""
    match = _SPOKEN_ITEM_NAME.match(sentence)
    if match is None or re.match(_SEQUENCE_MARKER + r"\s*+[:,]", sentence, re.IGNORECASE):
        return ""  # "First, the wall stand: ...": the marker is no name
    name = match.group("name").strip()
    if not _names_an_exercise(name, rules) or not names_one_exercise(name, rules):
        # A verb may open its name ("Sit to stand"): the count announced vouches for it.
        return ""
    rest = sentence[match.end() :].strip(" ,")
    return f"{sentence_start(name)}: {sentence_start(rest)}"


#: An exercise's name opening a sentence, before a comma or where it is done: "Knee
#: rolls| on the bed, ...", "Bridges|, lifting ...", "And sit to stand| from a chair".
_SPOKEN_ITEM_NAME = re.compile(
    r"^\W*(?:(?:and|then|finally|lastly|next)\b,?\s+)?(?P<name>[A-Za-z][\w'-]*+(?:\s+[\w'-]+){0,3}?)"
    r"(?=\s*,|\s+(?:on|from|with|in|against|lying|sitting|standing|holding|using)\b)",
    re.IGNORECASE,
)


def _identified_exercise(sentence: str, rules: RuleSet) -> str:
    """An exercise a sentence says is the one to do ("The one exercise I give everyone is
    the standing back extension: hands on hips, ...", "It's called a chin tuck."), written
    as a labelled exercise ("Standing back extension: hands on hips, ..."); "" for any
    other sentence."""
    match = _IDENTIFIED.match(sentence)
    if match is None and (match := _FOR_EXERCISE.match(sentence)) is not None:
        # "For the butterfly stretch, he lies on his back ...": what the sentence goes on
        # to tell is how to do the exercise it opens with.
        if not rules.cue("exercise_name_head", match.group("name")):
            return ""
    if match is None:
        return ""
    name = match.group("name").strip()
    if not _names_an_exercise(name, rules) or not names_one_exercise(name, rules):
        return ""
    rest = sentence[match.end() :].strip(" ,:")
    if rest in ("", "."):
        return f"{sentence_start(name)}:"
    return f"{sentence_start(name)}: {sentence_start(rest)}"


#: A sentence naming the exercise to do: "The one exercise I give everyone is the ...",
#: "It's called a chin tuck", "This one is called the bird dog".
_IDENTIFIED = re.compile(
    r"^\W*(?:(?:the|my|our|your)\s+(?:(?:one|main|best|first|key|only|favourite|go-to)\s+)?"
    r"(?:exercise|stretch|move)\b[^.:;!?]{0,50}?\s(?:is|would be)"
    r"|(?:it|this|this one)(?:['\u2019]s|\s+is)\s+called)\s+(?:the\s+|an?\s+)?"
    r"(?P<name>[A-Za-z][\w'-]*+(?:\s+[\w'-]+){0,3}?)\s*(?=[:.,;]|$)",
    re.IGNORECASE,
)


#: "For the butterfly stretch, ...", "For leg rolls, ...".
_FOR_EXERCISE = re.compile(
    r"^\W*for\s+(?:the\s+|an?\s+)?(?P<name>[A-Za-z][\w'-]*+(?:\s+[\w'-]+){0,3}?)\s*(?=,)",
    re.IGNORECASE,
)


def _led_exercise(sentence: str, rules: RuleSet) -> str:
    """An exercise a sentence opens by an instruction to do it ("Move on to the bird dog.",
    "Finish with a side plank, held for 20 seconds on each side"), written as a labelled
    exercise ("Side plank: held for 20 seconds ..."); "" for any other sentence."""
    match = _INSTRUCTION_LEAD.match(sentence)
    if match is None:
        return ""
    named = _NAME_THEN_DOSE.match(sentence[match.end() :])
    if named is None:
        return ""
    name, _sep, rest = named.groups()
    name = name.strip(" .")
    if not _names_an_exercise(name, rules):
        return ""
    return f"{sentence_start(name)}: {sentence_start(rest.strip(' ,'))}".rstrip()


def _names_an_exercise(name: str, rules: RuleSet) -> bool:
    """Whether words a sentence opens with, or a spoken marker leads to, may be one
    exercise's name: short, no clause, nobody's, no pronoun and no condition."""
    return not (
        not name[:1].isalpha()
        or len(name.split()) > LED_NAME_MAX_WORDS
        or _CLAUSE_WORD.search(name)
        or _OWNED.match(name)
        or _NOT_A_NAME.match(name)
        or rules.is_condition_term(name)
    )


#: Most words of an exercise's name after an instruction to do it.
LED_NAME_MAX_WORDS = 4


def _spoken_exercise(sentence: str, rules: RuleSet) -> str:
    """The exercise a spoken sequence marker names on its own ("Right, first exercise:
    lying on your front.", "Next, propping on your elbows.", "Second, the prone lift:
    lying on your front, lift ...", "Last one, for when you're out: standing back
    bends."), written as a labelled exercise; "" for any other sentence. Its dose is in
    what it goes on to say or in the sentences after it."""
    for pattern in (_SPOKEN_NEXT, _SPOKEN_NEXT_AFTER_ASIDE, _SPOKEN_THEN):
        match = pattern.match(sentence)
        if match is None:
            continue
        found = match.groupdict()
        name = (found["name"] or found.get("name2") or "").strip()
        if (
            not _names_an_exercise(name, rules)
            or _SPOKEN_NOT_A_NAME.match(name)
            or not names_one_exercise(name, rules)
        ):
            continue
        # "Second, a side neck stretch, tilting away from the pull.": how it is done.
        rest = (found.get("rest") or "").strip()
        return (
            f"{sentence_start(name)}: {sentence_start(rest)}."
            if rest
            else f"{sentence_start(name)}:"
        )
    return ""


#: A spoken sequence marker: "first exercise", "Next", "Now the main one", "Exercise two".
_SEQUENCE_MARKER = (
    r"^\s*+(?:(?:ok(?:ay)?|right|so|and|now|then)\b\s*+,?\s*+){0,2}"
    r"(?:(?:the\s+)?(?:first|second|third|fourth|fifth|next|last|final)"
    r"(?:\s+(?:one|exercise|stretch|move|movement|position))?|next\s+up|"
    r"(?:the\s+)?(?:main|last|next|final|hardest|easiest|harder|easier)\s+one|"
    r"exercise\s+(?:one|two|three|four|five|six|\d{1,2}))"
)
#: One exercise's name after it, and at most how it is done: "a side neck stretch,
#: tilting away from the pull", "the prone lift: lying on your front, lift ...".
_SPOKEN_NAME = (
    r"\s*+(?:(?:a|an|the)\s+)?(?P<name>[^.!?:;,]{3,50})"
    r"(?:[,:]\s*+(?P<rest>[^.!?]{1,240}))?[.!]?\s*$"
)
_SPOKEN_NEXT = re.compile(_SEQUENCE_MARKER + r"\s*+[:,]" + _SPOKEN_NAME, re.IGNORECASE)
#: ... or an aside between the marker and a colon: "Last one, for when you're out:".
_SPOKEN_NEXT_AFTER_ASIDE = re.compile(
    _SEQUENCE_MARKER
    + r"\s*+,\s*+(?:for|if|when|while|which|this|that|it|it's|and|but|my|our|especially)\b"
    + r"[^:,.!?]{0,60}?\s*+:"
    + _SPOKEN_NAME,
    re.IGNORECASE,
)
#: "Then the pelvic tilt.", "The knee to chest stretch.", "And the exercise bike: fifteen
#: minutes a day.", "Then do the bridge: 2 sets of 10.": the next exercise named in a
#: sentence of its own, or before a colon.
_SPOKEN_THEN = re.compile(
    r"^\s*+(?:(?:(?:and\s+)?then,?\s++(?:do\s++|try\s++)?(?:a|an|the)|and\s+the)\s++"
    r"(?P<name>[^.!?:;,]{3,50})"
    r"(?:[.!]|:\s*+(?P<rest>[^.!?]{1,240})[.!]?)"
    # Without "then" or "and", the name is the whole sentence: "The dead bug comes next:
    # ..." says what follows, and names it with more words than its name.
    r"|the\s++(?P<name2>[^.!?:;,]{3,50})[.!])\s*$",
    re.IGNORECASE,
)
#: What follows a spoken marker without naming an exercise: "Next, we'll ...".
_SPOKEN_NOT_A_NAME = re.compile(
    r"(?:we|i|you|let|let's|here|there|the|a|an|your|our|this|these|those)\b", re.IGNORECASE
)
#: Words after "Try" or "Do" that start no exercise's name: "Try to keep moving".
_NOT_A_NAME = re.compile(r"(?:to|it|them|this|that|what|something|anything|more|less)\b", re.I)


#: Fewest exercises listed after a lead that says nothing of exercises.
ENUMERATED_MIN_UNANNOUNCED = 3


def enumerated_exercises(sentence: str, rules: RuleSet) -> tuple[str, list[str]] | None:
    """Exercises a sentence lists after a lead and a colon, each a short name with its
    count: ``(the lead, ["Chin tucks: draw your chin back, ...", ...])``. The items are
    split at semicolons, else at an "and" outside brackets; every one must open with a
    name and give a count. At least two under a lead that speaks of exercises ("Two
    exercises to start with:"), :data:`ENUMERATED_MIN_UNANNOUNCED` under any other."""
    # The items follow the last colon; the lead is the clause before it ("Answer from the
    # owner: It depends, but a typical starter set is: ...").
    head, colon, rest = sentence.rpartition(": ")
    head = head.rpartition(": ")[2]
    suggested = None if colon else _SUGGESTED.match(sentence)
    if suggested is not None:
        # "Try the knee to chest stretch, holding for 20 seconds on each side, and the
        # cat-cow stretch, 10 times.": the exercises a suggestion names, each counted.
        head, colon, rest = suggested.group(0).strip(), " ", sentence[suggested.end() :]
    if not colon or len(head.split()) > ENUMERATED_LEAD_MAX_WORDS:
        return None
    parts = _top_level_parts(rest.rstrip(" ."))
    announced = suggested is not None or bool(rules.cue("lead_exercise_list", head))
    if len(parts) < (2 if announced else ENUMERATED_MIN_UNANNOUNCED):
        return None
    items = []
    for part in parts:
        match = _NAME_THEN_DOSE.match(part)
        if match is None:
            return None
        name, sep, said = match.groups()
        if suggested is not None:
            name = without_article(name)
            if not _names_an_exercise(name, rules):
                return None
        if (
            not sep
            or not names_one_exercise(name, rules)
            or _CLAUSE_WORD.search(name)
            or not has_counts(read_dose(said, counts_only=True).dose)
        ):
            return None
        said = said.strip(" ,")
        if sep.strip() == "(":
            said = said.rstrip(")")
        items.append(f"{sentence_start(name)}: {sentence_start(said)}")
    return head.strip(), items


#: A suggestion opening a sentence that names exercises: "Try the ...", "Do a ...".
_SUGGESTED = re.compile(r"(?:try|do|start with)\s++(?=(?:the|a|an)\s)", re.IGNORECASE)
#: Most words of a lead before a colon that announces exercises.
ENUMERATED_LEAD_MAX_WORDS = 12
#: An item's name (up to six words) and what follows it, after a comma or in brackets.
_NAME_THEN_DOSE = re.compile(
    r"\s*(?:and\s+|or\s+)?([^,;()]{1,60}?)(\s*\(|,\s*|$)(.*)$", re.IGNORECASE | re.S
)


def _top_level_parts(text: str) -> list[str]:
    """``text`` split at semicolons, or when there are none, at each " and " outside
    brackets: "a (b, c) and d (e)" -> ["a (b, c)", "d (e)"]. One pass over the text."""
    if ";" in text:
        return [part for part in (p.strip() for p in text.split(";")) if part]
    parts, depth, start = [], 0, 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and text.startswith(" and ", index):
            parts.append(text[start:index])
            start = index + len(" and ")
            index = start
            continue
        index += 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def _exercise_label(sentence: str, rules: RuleSet) -> bool:
    """Whether a sentence opens with the name of one exercise before a colon ("Knee rolls:
    lie on your back ..."), not a note's label ("Tip:") nor a condition's name."""
    match = _LABEL.match(sentence)
    if match is None:
        return False
    written = match.group("label").strip()
    label = without_comma_aside(_ORDINAL_LEAD.sub("", written))
    return (
        written[:1].isupper()
        and not any(c.isdigit() for c in label)
        and not _CLAUSE_WORD.search(label)
        and not _OWNED.match(label)
        and names_one_exercise(label, rules)
        and not rules.cue("not_a_label", label)
        and not rules.is_condition_term(label)
        # "HANDOVER (STAFF): ..." on a ward sheet: a form's field, set in capitals; a
        # name in capitals before a spaced dash ("KNEE HUGS - lie on ...") is a label.
        and not (label.isupper() and ":" in sentence[match.end("label") : match.start("rest")])
    )


#: Words no exercise's name holds: a count, or a word joining it to what came before.
_COUNTED_OR_JOINED = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|then|so|now|and|also|"
    r"these|those|some|more|other|next|last|first|final|my|your|our|the|a|an)\b",
    re.IGNORECASE,
)
#: A sentence that is only an exercise's name: "Knee hug exercise.", "Cat stretch."
_TITLE_SENTENCE = re.compile(
    r"[ \t]*+(?P<name>(?-i:[A-Z])[\w'\u2019-]*+(?:[ \t]++[\w'\u2019-]++){0,3}?"
    r"(?:[ \t]++stretch(?:es)?(?=[ \t]*+[.!]?[ \t]*+$)|(?=[ \t]++exercises?[ \t]*+[.!]?[ \t]*+$)))"
    r"(?:[ \t]++exercises?)?[ \t]*+[.!]?[ \t]*+",
    re.IGNORECASE,
)


def _named_first(sentence: str) -> str:
    """The labelled sentence with its label cut to the exercise's name: "First, the wall
    stand: heels ..." -> "Wall stand: heels ...", "Chin tucks help: draw ..." -> "Chin
    tucks: draw ..."."""
    match = _LABEL.match(sentence)
    label = _ORDINAL_LEAD.sub("", match.group("label").strip())
    label = _LABEL_PREDICATE.sub("", label)
    return f"{sentence_start(label)}: {sentence[match.start('rest') :]}"


#: What a label says of the exercise it names: "Chin tucks help:", "Bridges work well:".
_LABEL_PREDICATE = re.compile(
    r"\s+(?:(?:helps?|works?)(?:\s+(?:well|best|too))?|comes?\s+next|is\s+next|follows)$",
    re.IGNORECASE,
)


#: "First, the wall stand", "Second, the prone lift": the order said before the name.
_ORDINAL_LEAD = re.compile(
    r"^(?:(?:(?:first|second|third|fourth|fifth|next|then|finally|lastly)\s*,?\s+)?(?:the|an?)\s+"
    # "Start with chin tucks: ...", "Finish with a scalene stretch: ...".
    r"|(?:start|begin|finish|end)(?:\s+off)?\s+with\s+(?:(?:the|an?)\s+)?)",
    re.IGNORECASE,
)
#: A label naming whose or which thing it is ("Our two clinics:", "This week:"): no
#: exercise's name.
_OWNED = re.compile(r"(?:our|my|your|their|his|her|this|these|those|that)\b", re.IGNORECASE)
#: Words that make a label a clause ("Transitional vertebrae are common", "Once the
#: shift is corrected"), not a name.
_CLAUSE_WORD = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|can|may|once|when|if|after|before|while|until|"
    r"because)\b",
    re.IGNORECASE,
)
