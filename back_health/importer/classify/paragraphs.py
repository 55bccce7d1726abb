"""The paragraphs and lists of a section: text, warnings, entity lists, exercises."""

from __future__ import annotations

import html
import re
from dataclasses import replace

from ..clean import remove_sentence
from ..document import Dropped, ListBlock, ListItem, Paragraph, Section, Table
from ..dose import has_counts, has_dose, read_dose
from ..names import (
    check_name,
    derive_name,
    name_key,
    only_adjective,
    opens_with_verb,
    split_sentences,
    strip_tags,
)
from ..plan import BlockPlan, Kind, PagePlan, Severity
from ..rules import Part, RuleSet
from ..severity import HELP_LEVELS, advice_of, items_lead, severity_of
from .blocks import (
    BOLD_LABEL,
    add_block,
    add_html,
    drop_lead_paragraph,
    label_begins_sentence,
    list_html,
    list_text,
    sentence_markup,
    table_value,
    warning_value,
)
from .context import ENTITY_KINDS, Context, PendingList, Role, relate
from .entities import (
    RESTRICTION,
    advised_against,
    called_condition,
    cause_subject,
    causes_in_sentence,
    combination_product,
    condition_defined,
    defined_conditions,
    describe_subject,
    described_by_relative,
    effects_in_sentence,
    explained_condition,
    framing_condition,
    glossed_condition,
    labelled_rest,
    lead_context,
    list_entities,
    named_kind,
    note_advised_against,
    origins_in_sentence,
    owner_for_relations,
    related_in_sentence,
    relative_defined_condition,
    risks_in_sentence,
    stated_synonyms,
    subtypes_in_sentence,
    treatment_statement,
    treatment_subject,
    treatments_in_sentence,
)
from .exercises import (
    emit_exercise_list,
    enumerated_exercises,
    exercise_columns,
    for_every_exercise,
    names_one_exercise,
    prose_exercises,
    without_number_column,
)
from .subject import strip_brackets, whole_treatment
from .topics import ADVISED_AGAINST, CAUSE_TOPICS, TREATMENT_TOPICS, lead_topic
from .warnings import (
    ProseBoxes,
    answered_help,
    emit_triage_table,
    emit_warning_section,
    guarded_caution,
    item_warning,
    list_severity,
)


def emit_blocks(blocks, owner: PagePlan, topic: str, heading: str, state: Context):
    outer, carried, remaining = topic, "", 0
    joined: set[int] = set()  # paragraphs read as part of the exercise list before them
    for index, block in enumerate(blocks):
        if index in joined:
            continue
        topic = outer
        if not isinstance(block, Paragraph):
            remaining = 0
        elif remaining:
            topic, remaining = carried, remaining - 1
        elif announced := _announced_topic(blocks, index, outer, state):
            # "Why it happens is nearly always a mix of three things:" before paragraphs:
            # each of the next ones is about one of them.
            carried, remaining = announced
        if isinstance(block, Paragraph) and (found := prose_exercises(block, state.rules)):
            found, last = _exercise_paragraphs(found, blocks, index, state.rules)
            joined.update(range(index + 1, last + 1))
            routine = [*_sentences_before(blocks, index), *_routine_after(blocks, last, state)]
            emit_prose_exercises(found, owner, topic, heading, state, routine)
            continue
        category = _entity_category(topic)
        if isinstance(block, Paragraph) and not category and topic in LABELLED_TREATMENT_TOPICS:
            # "**Spinal manipulation.** Often called an adjustment, this is ..." under "What
            # does a visit involve?": a paragraph labelled by a treatment's name is about
            # that treatment, whatever the heading says.
            category = "treatments" if _labelled_treatment(block, state.rules) else ""
        if isinstance(block, Paragraph) and category:
            if labelled := labelled_item(block, state.rules):
                # "**Coccyx cushion.** A wedge-shaped cushion ..." under a treatments
                # heading is a list item written as a paragraph: a name and its text.
                left, named = list_entities(ListBlock(False, [labelled]), category, owner, state)
                if named:
                    pages = [page for _item, item_pages in named for page in item_pages]
                    keep_mentions(owner, block, [(block, pages)], state)
                    continue
        if isinstance(block, ListBlock):
            routine = [*_sentences_before(blocks, index), *_routine_after(blocks, index, state)]
            emit_list(block, owner, topic, heading, state, routine=routine)
        elif isinstance(block, Table):
            routine = [*_sentences_before(blocks, index), *_routine_after(blocks, index, state)]
            emit_table(block, owner, topic, heading, state, routine=routine)
        elif isinstance(block, Paragraph):
            if (block := _without_stops_of_the_list_before(block, owner, state)) is None:
                continue
            if not _entity_category(topic):
                labelled_condition(block, owner, state)
            emit_paragraph(block, owner, topic, heading, state, lead_of_next(blocks, index))


def _without_stops_of_the_list_before(block: Paragraph, owner: PagePlan, state: Context):
    """The paragraph right after an exercise list without its stop-if sentences ("Stop
    doing them if your pain spreads down your leg."), which go to that list's stop-if:
    when to stop every exercise of it. Only when the paragraph's other sentences say how
    often the routine is done ("Do them every hour, or at least 4 times a day."); None
    when nothing is left. One that also asks for help ("... and see your GP") stays."""
    last = owner.blocks[-1] if owner.blocks else None
    if last is None or last.type != "exercise_list":
        return block
    rules = state.rules
    sentences = split_sentences(block.text)
    stops = [
        sentence
        for sentence in sentences
        if rules.cue("stop_if", sentence)
        and not has_dose(read_dose(sentence).dose)
        and ((found := advice_of(sentence, rules)) is None or found.level == Severity.CAUTION)
    ]
    rest = [sentence for sentence in sentences if sentence not in stops]
    if not stops or not all(for_every_exercise(sentence, rules) for sentence in rest):
        return block
    last.value["stop_if"].extend(stops)
    for sentence in stops:
        state.decide(sentence, "exercise stop-if", "a sentence about every exercise before it")
    if not rest:
        return None
    paragraph = block
    for sentence in stops:
        paragraph = remove_sentence(paragraph, sentence)
    return paragraph


def _exercise_paragraphs(found, blocks, index: int, rules):
    """``found`` (:func:`prose_exercises` of ``blocks[index]``) with the exercises of the
    paragraphs right after it that are labelled exercises alone ("KNEE HUGS - ...", then
    "CAT STRETCH - ..." a line each): one list. Also the index of the last one read."""
    before, lead, exercises, after = found
    last = index
    while not after and last + 1 < len(blocks) and isinstance(blocks[last + 1], Paragraph):
        following = prose_exercises(blocks[last + 1], rules)
        if following is None or following[0] or following[1]:
            break
        exercises = [*exercises, *following[2]]
        after = following[3]
        last += 1
    return (before, lead, exercises, after), last


def emit_prose_exercises(
    found, owner: PagePlan, topic: str, heading: str, state: Context, routine=()
):
    """A paragraph of labelled exercises (:func:`prose_exercises`): what it says before
    them stays a paragraph, the exercises are an exercise list, and what it says after
    them (the routine's frequency, a stop-if) goes with the list or stays text.
    ``routine``: the paragraphs around it may say how often the whole routine is done."""
    before, lead, exercises, after = found
    if before:
        emit_paragraph(Paragraph(before), owner, topic, heading, state, False)
    blocks = [*exercises, *([Paragraph(after)] if after else [])]
    rest = emit_exercise_list(
        "", blocks, owner, state, lead=lead, routine=[*routine, *split_sentences(before)]
    )
    for block in rest:
        emit_paragraph(block, owner, "content", heading, state, False)


#: Paragraphs a lead announcing causes or treatments covers when it does not say how many.
ANNOUNCED_PARAGRAPHS = 3
#: Most paragraphs a lead's count may cover.
ANNOUNCED_MAX = 6
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNT = re.compile(r"\b(two|three|four|five|six|[2-6])\b", re.IGNORECASE)


def _announced_topic(blocks, index: int, topic: str, state: Context) -> tuple[str, int] | None:
    """The topic and number of paragraphs a lead paragraph announces ("... a mix of three
    things:", "Common triggers include:") when paragraphs, not a list, follow it."""
    block = blocks[index]
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if topic in (*CAUSE_TOPICS, *TREATMENT_TOPICS) or not isinstance(following, Paragraph):
        return None
    if not block.text.rstrip().endswith(":"):
        return None
    category, _because = lead_topic(block.text, state.rules)
    if category not in ("causes", "treatments"):
        return None
    count = _COUNT.search(block.text)
    if count is None:
        return category, ANNOUNCED_PARAGRAPHS
    word = count.group(1).lower()
    return category, min(_COUNT_WORDS.get(word) or int(word), ANNOUNCED_MAX)


#: What follows a bold name that a paragraph defines as a condition: "<b>X</b> is a
#: sudden rise ...", "<b>X</b> (other name) develop when ...", "<b>X</b>, stiffness of
#: ..., affects most people ...".
_DEFINES = re.compile(
    r"\s*(?:\([^()]{1,60}\)\s*)?(?:,[^,]{1,80},\s*)?"
    r"(?:(?:is|are)\s+(?:a|an)\s|(?:develops?|affects?|happens?|occurs?)\b)",
    re.IGNORECASE,
)


def labelled_condition(paragraph: Paragraph, owner: PagePlan, state: Context) -> None:
    """A paragraph that opens with a bold name and defines it ("<b>Autonomic
    dysreflexia</b> is a sudden, dangerous rise in blood pressure ...") on a condition's
    page is about a related condition: its page, with the paragraph as its text. The
    paragraph stays where it is too."""
    match = BOLD_LABEL.match(paragraph.html or "")
    if match is None or owner.kind != Kind.CONDITION:
        return
    label = strip_tags(match.group("label")).strip()
    rest = strip_tags(match.group("rest"))
    if not label[-1:].isalnum() or not _DEFINES.match(rest):
        return
    _related_condition(label, paragraph.text, owner, state, "a paragraph defines it")


def labelled_condition_item(item: ListItem, owner: PagePlan, state: Context) -> None:
    """An item of a plain list (a glossary, "Words you may hear") whose bold label names
    a condition and whose text explains it ("<b>Cold abscess</b>: A collection of pus
    that builds up slowly ...") is a related condition with that text; the list stays."""
    rules = state.rules
    match = BOLD_LABEL.match(item.html or "")
    if match is None or owner.kind != Kind.CONDITION:
        return
    label = strip_tags(match.group("label")).strip(" :.")
    rest = strip_tags(match.group("rest")).lstrip(" :.-\u2013\u2014")
    if len(rest.split()) < LABEL_TEXT_MIN_WORDS:
        return
    name = check_name(label, rules).name
    if not name or not (rules.is_condition_term(name) or rules.has_condition_head(name)):
        return
    _related_condition(label, rest, owner, state, "a list item explains it")


def _related_condition(label: str, text: str, owner: PagePlan, state: Context, why: str):
    """The condition ``label`` names, related to ``owner`` with ``text`` as its text."""
    rules = state.rules
    name = check_name(label, rules).name
    if not name or len(name.split()) > 4 or rules.cue("not_a_label", name):
        return
    if rules.find_treatments(name) or rules.find_medicines(name):
        return  # a treatment's paragraph: the treatment rules read it
    keys = {name_key(owner.title, rules), name_key(state.main.title, rules)}
    if name_key(name, rules) in keys:
        return
    page = state.entity(Kind.CONDITION, name, reason=why)
    if page is owner or page is state.main:
        return
    relate(owner_for_relations(owner, state), "related_conditions", page)
    state.pages.add_text(page, text)
    state.decide(name, "condition", f"its name labels text that explains it ({why})")


def _sentences_before(blocks, index: int) -> list[str]:
    """The sentences of the paragraphs just before ``blocks[index]`` (back to the previous
    list or table: each paragraph is read for one list only, so this stays linear)."""
    start = index
    while start > 0 and isinstance(blocks[start - 1], Paragraph):
        start -= 1
    before = [s for block in blocks[start:index] for s in split_sentences(block.text)]
    if start > 0 and isinstance(last := blocks[start - 1], ListBlock) and last.items:
        # "5. Exercises. Please do these gently, 3 times a day:" then the exercises, as a
        # list of their own: the item that leads into them says how often.
        if (lead := last.items[-1].text.rstrip()).endswith(":"):
            before[:0] = split_sentences(lead)
    return before


#: Paragraphs after a list read for the routine's frequency (a teacher's note may come
#: between the list and "Run through the whole sequence once a day").
ROUTINE_AFTER_PARAGRAPHS = 2


def _routine_after(blocks, index: int, state: Context) -> list[str]:
    """Sentences of the paragraphs just after ``blocks[index]`` that speak of the routine
    as a whole ("Both are to be done twice daily"): a list of exercises may give its
    frequency after it. Only :data:`ROUTINE_AFTER_PARAGRAPHS` paragraphs are read, so
    this stays linear."""
    found = []
    for following in blocks[index + 1 : index + 1 + ROUTINE_AFTER_PARAGRAPHS]:
        if not isinstance(following, Paragraph):
            break
        found += [
            sentence
            for sentence in split_sentences(following.text)
            if state.rules.cue("routine_reference", sentence)
        ]
        if found:
            break
    return found


def lead_of_next(blocks, index: int) -> bool:
    """Whether ``blocks[index]`` ends with the lead of the list that follows it."""
    block = blocks[index]
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return (
        isinstance(following, ListBlock)
        and bool(following.lead)
        and (block.text.strip().endswith(following.lead.strip()))
    )


def emit_paragraph(
    paragraph: Paragraph, owner: PagePlan, topic: str, heading: str, state: Context, is_lead: bool
):
    rules = state.rules
    relation_owner = owner_for_relations(owner, state)
    sentences = split_sentences(paragraph.text)
    html_sentences = sentence_markup(paragraph, sentences)
    prose = ProseBoxes(owner, state)
    previous = ""
    # "There are two main types." announces kinds: the sentences after it in the
    # paragraph are read as a types section's are, each about one kind.
    kinds_topic = topic
    for sentence, markup in zip(sentences, html_sentences, strict=True):
        asked = state.ask(Part("sentence", sentence, heading), owner, topic)
        if asked is not None and asked.as_ in ENTITY_KINDS and asked.name:
            target = state.entity(asked.as_, asked.name, asked.treatment_kind, asked.because)
            field_name = {"cause": "causes", "treatment": "treatments"}.get(
                asked.as_, "related_conditions"
            )
            relate(relation_owner, field_name, target)
        if asked is not None and asked.as_ == "warning":
            level = asked.severity or Severity.CAUTION
            prose.warn(sentence, markup, level, f"rule: {asked.because}", lean=False)
        elif asked is None and topic not in ("warning", "exercise_list") and not is_lead:
            found = advice_of(sentence, rules)
            if found is None and previous.rstrip().endswith("?"):
                # "Breathless or coughing blood? 999.": the number answers the question.
                found = answered_help(sentence, rules)
            if found and found.level == Severity.CAUTION and rules.cue("stop_if", sentence):
                # "Stop if an exercise hurts" belongs to exercises, not a warning box.
                state.decide(sentence, "content", "an exercise caution outside an exercise list")
                found = None
            if (
                found
                and found.level == Severity.CAUTION
                and previous
                and _REFERS_BACK.match(sentence)
                and not rules.cue("reader_address", sentence)
                and advised_against(previous, 0, rules)
            ):
                # "Opioids are not recommended for chronic low back pain. They work no
                # better ... and carry risks, including addiction": the harm says why the
                # sentence before advises against them; both stay text.
                state.decide(sentence, "content", "the harm behind advice against it")
                found = None
            if (
                found
                and found.level == Severity.CAUTION
                and topic == "prevention"
                and not guarded_caution(sentence, previous, rules)
                and not rules.find_medicines(sentence)
                and not _MEDICINE_WORD.search(sentence)
            ):
                # "Do not wear high heels" under "Care of your back": advice on keeping
                # well, which stays text unless it names whom it guards, the harm or a
                # medicine it is about.
                state.decide(sentence, "content", "advice on keeping well, no risk named")
                found = None
            if found:
                prose.warn(sentence, markup, found.level, f"cue {found.cue}")
            else:
                prose.keep(sentence, markup)
        else:
            prose.keep(sentence, markup)
        if (
            asked is None
            and previous
            and _REFERS_BACK.match(sentence)
            and (against := advised_against(sentence, 0, rules))
            and not RESTRICTION.search(against)
        ):
            # "Codeine can cause constipation. They are not recommended for long-term back
            # pain.": advice against what the sentence before was about; that sentence
            # no longer describes a treatment page. Saying when it is used ("It's only
            # offered if the weakness is getting worse") leaves the description standing.
            for page in state.pages.drop_text(previous, Kind.TREATMENT):
                if page is not state.main:
                    state.decide(page.title, "content", f"advised against next: {sentence!r}")
        if asked is None and topic == ADVISED_AGAINST:
            # Under "Not recommended" what a sentence names is advised against: it stays
            # text, and no cause or treatment is read from it.
            state.decide(sentence, "content", "the section advises against what it names")
        elif asked is None or asked.as_ != "content":
            note_advised_against(sentence, state)
            related_before = len(relation_owner.related_conditions)
            treatments_in_sentence(sentence, relation_owner, topic, state, within=owner)
            risks_in_sentence(sentence, relation_owner, state)
            causes_in_sentence(sentence, relation_owner, state)
            origins_in_sentence(sentence, relation_owner, topic, state)
            effects_in_sentence(sentence, relation_owner, state)
            cause_subject(sentence, relation_owner, topic, state)
            subtypes_in_sentence(sentence, relation_owner, kinds_topic, state)
            related_in_sentence(sentence, relation_owner, topic, state)
            explained_condition(sentence, relation_owner, state)
            condition_defined(sentence, relation_owner, state)
            defined_conditions(sentence, relation_owner, state)
            relative_defined_condition(sentence, relation_owner, state)
            glossed_condition(sentence, relation_owner, state)
            named_kind(sentence, relation_owner, state)
            framing_condition(sentence, relation_owner, topic, state)
            called_condition(sentence, previous, relation_owner, state)
            treatment_subject(sentence, owner, topic, state)
            treatment_statement(sentence, owner, state)
            describe_subject(sentence, owner, state)
            described_by_relative(sentence, owner, state)
            stated_synonyms(sentence, state)
            if topic in CAUSE_TOPICS:
                causes_explained(relation_owner, related_before, state)
        if rules.cue("kinds_announced", sentence):
            kinds_topic = "types"
        previous = sentence
    prose.flush()
    state.pages.add_text(owner, paragraph.text)


def emit_list(
    block: ListBlock, owner: PagePlan, topic: str, heading: str, state: Context, routine=()
):
    rules = state.rules
    lead = block.lead
    asked = state.ask(Part("list", lead or heading, heading, lead=lead), owner, topic)
    if asked is not None:
        category, because = asked.as_, f"rule: {asked.because}"
    else:
        category, because = list_category(block, topic, heading, state, owner)
    state.decide(lead or list_text(block), category, because)
    read = [(item, tried_exercises(item, rules)) for item in block.items]
    if category not in ("warning", "exercise_list", "junk") and (
        tried := [one for _, found in read for one in found]
    ):
        # "Try a cat-cow stretch. On hands and knees ... 10 times, twice a day." among
        # tips: the exercise joins an exercise list; the other tips stay a list.
        rest = [item for item, found in read if not found]
        if rest:
            emit_list(replace(block, items=rest), owner, topic, heading, state, routine)
        exercises = ListBlock(ordered=False, items=[item for item, _ in tried])
        for _, name in tried:
            state.decide(name, "exercise", "a list item tells the reader to try it, with a dose")
        emit_exercise_list(heading, [exercises], owner, state, routine=routine)
        return
    if category == "warning" and asked is None and _mixed_severities(block, rules):
        # "When to get checked:" then see-a-GP, 111 and 999 items: read as a warning
        # section is, one warning per severity.
        drop_lead_paragraph(owner, lead, state)
        emit_warning_section(Section("", 2, [block]), Role("warning", because), owner, 2, state)
        return
    if category == "warning":
        severity = (asked.severity if asked else "") or list_severity(block, rules)
        value = warning_value(severity, "", f"<p>{html.escape(lead)}</p>" if lead else "")
        value["items"] = [item.text for item in block.items]
        value["items_lead"] = items_lead(lead, rules)
        add_block(owner, BlockPlan("warning", value), state)
        drop_lead_paragraph(owner, lead, state)
        return
    if category == "exercise_list":
        title = lead_context(lead) or heading
        rest = emit_exercise_list(title, [block], owner, state, lead=lead, routine=routine)
        if len(rest) != 1 or rest[0] is not block:
            emit_blocks(rest, owner, "content", heading, state)
            return
        # No exercise in it ("Both twice a day" alone): the list stays text, and is not
        # read again as exercises.
        state.decide(lead or list_text(block), "content", "no exercise in the list")
        category = "content"
    asks = (
        [advice_of(item.text, rules) for item in block.items] if category in _CARE_CARD_IN else []
    )
    if asks and _care_card_items(asks):
        # "What should I do?" over "Ring 999 if ...", "... ring their GP or 111", "...
        # encourage them to contact their GP": items that each ask for help, at more than
        # one urgency, are read as a warning section is, one warning per severity.
        state.decide(lead or list_text(block), "warning", "items ask for help at two urgencies")
        # "Swallow tablets whole." before the first item asking for help asks for none:
        # it stays an item of the list, the boxes follow it.
        first = next(i for i, found in enumerate(asks) if found)
        if first:
            add_html(owner, list_html(block, block.items[:first]), state)
            block = replace(block, items=block.items[first:], lead="")
        emit_warning_section(Section("", 2, [block]), Role("warning", ""), owner, 2, state)
        return
    if category != "junk" and (urgent := _urgent_items(block, rules)):
        # "If your arm goes weak, call 111." among tips: help the reader must get now is
        # a warning wherever the article lists it; the other items stay a list.
        _box_items(
            block, urgent, "a list item asking for help now", owner, topic, heading, state, routine
        )
        return
    if (
        category == "content"
        and topic != ADVISED_AGAINST
        and (
            warned := [
                (item, found) for item in block.items if (found := item_warning(item.text, rules))
            ]
        )
    ):
        # "Check with your pharmacist before taking ibuprofen if you are over 65" among
        # tips: a caution naming who it guards is boxed as it would be in a paragraph;
        # the other items stay a list.
        _box_items(block, warned, "a list item warning", owner, topic, heading, state, routine)
        return
    if category == "treatments" and (cautions := group_cautions(block, state)):
        # "Do not give aspirin to children under 16." among the things to try: a risk to
        # a group of readers, boxed after the list rather than read as a treatment.
        block = replace(block, items=[i for i in block.items if i not in cautions])
        if block.items:
            emit_list(block, owner, topic, heading, state, routine)
        value = warning_value(Severity.CAUTION, "", "")
        value["items"] = [item.text for item in cautions]
        add_block(owner, BlockPlan("warning", value), state)
        for item in cautions:
            state.decide(item.text, "warning (caution)", "a caution among the things to try")
        return
    if category == "treated" and (
        owner_for_relations(owner, state).kind != Kind.TREATMENT
        or not all(labelled_rest(item) for item in block.items)
    ):
        # Conditions a treatment treats, each told by its bold label and what follows
        # ("**Spondylolisthesis** - one vertebra has slipped ..."); a plain list of names
        # ("It is used for: epilepsy, nerve pain") names them in passing.
        category = "content"
    if category in ("causes", "treatments", "types", "related", "treated"):
        left, named = list_entities(block, category, owner, state)
        if named:
            keep_mentions(owner, block, named, state, lead=lead, left=left)
        elif left:
            add_html(owner, list_html(block, left), state)
        return
    if category == "junk":
        state.plan.dropped.append(Dropped(reason="junk list", text=list_text(block)))
        return
    add_html(owner, list_html(block, block.items), state)
    state.pages.add_text(owner, list_text(block))
    if topic == ADVISED_AGAINST:
        state.decide(list_text(block), "content", "the section advises against what it names")
        return
    for item in block.items:
        labelled_condition_item(item, owner, state)
        sentences = split_sentences(item.text)
        if sentences and (label := _COLON_LABEL.match(item.text)):
            if state.pages.get(name_key(label.group("label"), rules)) is not None:
                # "Senna: take it while you are on codeine." under "How to take them": an
                # item labelled with a page's name says something about it, as a sentence
                # opening with the name does in a paragraph.
                describe_subject(sentences[0], owner, state)
        for sentence in sentences:
            # "Robaxacet contains methocarbamol with acetaminophen.": a product named
            # in a plain list is still a medicine the article names.
            combination_product(sentence, owner_for_relations(owner, state), state)


def causes_explained(owner: PagePlan, related_before: int, state: Context) -> None:
    """Conditions a sentence under a causes heading explains ("This gap, called
    diastasis recti, ..." under "Why it happens") are causes of the owner, not merely
    related to it: the relations the sentence added move to the owner's causes."""
    if owner.kind != Kind.CONDITION:
        return
    added = owner.related_conditions[related_before:]
    if not added:
        return
    del owner.related_conditions[related_before:]
    for relation in added:
        if all(cause.title != relation.title for cause in owner.causes):
            owner.causes.append(relation)
        state.decide(relation.title, "cause (condition)", "explained under a causes heading")


def tried_exercises(item: ListItem, rules) -> list[tuple[ListItem, str]]:
    """The exercises a tip tells the reader to try, as labelled items with their names:
    the exercises an item lists after a lead ("Home exercises: chin tucks, 10 reps, 3
    times a day; upper trapezius stretch, hold 30 seconds ..."), else the one it names
    (:func:`tried_exercise`); [] for any other item."""
    if listed := enumerated_exercises(item.text, rules):
        return [
            (ListItem(text=text, html=html.escape(text)), text.partition(":")[0])
            for text in listed[1]
        ]
    return [found] if (found := tried_exercise(item, rules)) else []


def tried_exercise(item: ListItem, rules) -> tuple[ListItem, str] | None:
    """A tip telling the reader to try an exercise and how ("Try a seated piriformis
    stretch: sit on a chair ... Hold for 30 seconds and repeat 3 times"), as a labelled
    exercise item ("Seated piriformis stretch: sit on a chair ..."), with its name; None
    for any other item, or one without a count."""
    match = _TRIED_EXERCISE.match(item.text) or _LABELLED_EXERCISE.match(item.text)
    if match is None:
        return None
    name, rest = match.group("name"), match.group("rest")
    if not has_counts(read_dose(rest, counts_only=True).dose) or not names_one_exercise(
        name, rules
    ):
        return None  # "Neck exercises. Two to start with. ...": a collection, not one
    name = name[:1].upper() + name[1:]
    kind = match.groupdict().get("kind")
    text = f"{name} {kind}: {rest}" if kind else f"{name}: {rest}"
    return ListItem(text=text, html=html.escape(text)), name


#: The last word of an exercise's name: "stretch", "tuck", "bridge".
_EXERCISE_HEAD = (
    r"(?:stretch|exercise|pose|tilt|tuck|squeeze|bridge|twist|glide|rotation|raise|curl|"
    r"plank|hug|roll|rock|press|slide|extension|circles?|shrug|lift|squat|lunge|clam|"
    r"sit to stand)"
)
#: "Try a cat-cow stretch. ...", "Do the chin tuck: ...": a tip naming an exercise.
_TRIED_EXERCISE = re.compile(
    r"\W*(?:try|do)\s+(?:(?:a|an|the|this|some)\s+)?(?P<name>[A-Za-z][\w'-]*(?:\s+[\w'-]+){0,3}?"
    rf"\s*{_EXERCISE_HEAD})(?:es|s)?\s*(?:[.:]|\s[-\u2013\u2014])"
    r"\s+(?P<rest>\S.*)",
    re.IGNORECASE | re.DOTALL,
)


#: "Chin tucks: sit tall, glide your chin back, hold 5 seconds, 10 reps": an item that
#: names an exercise before a colon or a dash.
_LABELLED_EXERCISE = re.compile(
    r"\W*(?P<name>[A-Za-z][\w'-]*(?:\s+[\w'-]+){0,3}?"
    rf"\s*\b{_EXERCISE_HEAD}(?:es|s|-ups?)?)"
    # "Prone press-ups (McKenzie style). Lie on your stomach ...": a bold lead's full
    # stop ends the name as a colon does; what is in brackets says which kind.
    r"(?:\s*(?P<kind>\([^()\n]{1,40}\)))?\s*(?::|\s[-\u2013\u2014]|\.(?=\s+[A-Z]))"
    r"\s+(?P<rest>\S.*)",
    re.IGNORECASE | re.DOTALL,
)


def _urgent_items(block: ListBlock, rules) -> list:
    """The items of a list that ask the reader to get urgent or emergency help, or open
    by asking them to see someone if something happens ("See your GP if the pain is not
    improving after 2 weeks"), with what was found: ``[(item, SeverityCue)]``. Beside
    such items, one labelled by when before what to do ("Not improving after 6 weeks:
    see your GP") is the graded list's last step."""
    found, labelled = [], []
    for item in block.items:
        advice = advice_of(item.text, rules)
        if advice is None:
            continue
        if advice.level in (Severity.URGENT, Severity.EMERGENCY) or (
            advice.level == Severity.SEE_DOCTOR and _SEE_SOMEONE_IF.match(item.text)
        ):
            found.append((item, advice))
        elif advice.level == Severity.SEE_DOCTOR and _WHEN_LABEL.match(item.text):
            labelled.append((item, advice))
    if found and labelled:
        found = block_order(block, found + labelled)
    return found


def block_order(block: ListBlock, pairs: list) -> list:
    """``pairs`` of ``(item, found)`` in the order of ``block``'s items."""
    place = {id(item): index for index, item in enumerate(block.items)}
    return sorted(pairs, key=lambda pair: place[id(pair[0])])


#: A short label saying when, before a colon and what to do: "Not improving after 6
#: weeks: ...".
_WHEN_LABEL = re.compile(r"[^:.!?\n]{3,60}+:[ \t]")


#: An item opening with a request to see someone, on a condition: "See your GP if ...".
_SEE_SOMEONE_IF = re.compile(
    r"\s*(?:please\s+)?(?:see|contact|call|phone|ring|speak to|talk to|book in with|visit)\s"
    r"[^.;!?]{0,80}?\b(?:if|when|unless)\s",
    re.IGNORECASE,
)


def _box_items(block, found, why: str, owner, topic, heading, state: Context, routine) -> None:
    """Write ``block`` without the items of ``found`` (``(item, severity cue)`` pairs),
    then each of those items as a warning box of its severity."""
    taken = {id(item) for item, _ in found}
    rest = replace(block, items=[item for item in block.items if id(item) not in taken])
    if rest.items:
        emit_list(rest, owner, topic, heading, state, routine)
    for item, cue in found:
        for level, text in _graded_parts(item.text, cue.level, state.rules):
            value = warning_value(level, "", f"<p>{html.escape(text)}</p>")
            add_block(owner, BlockPlan("warning", value), state)
            state.decide(text, f"warning ({level})", f"{why}: {cue.cue}")


def _graded_parts(text: str, level: str, rules) -> list[tuple[str, str]]:
    """An item's text as runs of sentences of one severity each: "Call 999 if ... Get an
    urgent GP appointment the same day for ..." is an emergency, then an urgent warning.
    A sentence asking nothing goes with the one before it."""
    parts: list[list] = []
    for sentence in split_sentences(text):
        found = advice_of(sentence, rules)
        if (
            found is not None
            and found.level != Severity.CAUTION
            and parts
            and (found.level != parts[-1][0])
        ):
            parts.append([found.level, [sentence]])
        elif parts:
            parts[-1][1].append(sentence)
        else:
            parts.append([found.level if found is not None else level, [sentence]])
    if len(parts) < 2 or any(part[0] == Severity.CAUTION for part in parts):
        return [(level, text)]
    return [(part_level, " ".join(sentences)) for part_level, sentences in parts]


def group_cautions(block: ListBlock, state: Context) -> list[ListItem]:
    """Items of a list that warn a group of readers off something ("Do not give aspirin
    to children under 16", "Not suitable if you have asthma"): they open with the
    warning. An item naming a treatment with a caution after it stays a treatment. An
    item that advises against something for the harm it names is one too."""
    rules = state.rules
    return [
        item
        for item in block.items
        if (
            (_OPENS_WITH_NEGATION.match(item.text) or _GROUP_MUST_NOT.match(item.text))
            and (found := advice_of(item.text, rules))
            and found.level == Severity.CAUTION
            and rules.cue("caution_group", item.text)
        )
        # "Please avoid ibuprofen, because it can harm your kidneys": the harm it names
        # makes the item a caution.
        or rules.cue("caution_harm", item.text)
        # "Check with a pharmacist before taking ibuprofen if you have asthma": an item
        # opening by asking the reader to check first is a caution, not a treatment.
        or (
            (
                _OPENS_WITH_CHECK.match(item.text)
                # "Ibuprofen is not suitable for everyone. Check with a pharmacist first
                # if ...": a restriction, then whom to check with.
                or _NOT_FOR_EVERYONE.match(item.text)
            )
            and (found := advice_of(item.text, rules))
            and found.level == Severity.CAUTION
            and rules.cue("severity_check_first", item.text)
        )
    ]


#: A first sentence saying a treatment does not suit everyone.
_NOT_FOR_EVERYONE = re.compile(
    r"[^.!?]{1,60}?\b(?:is|are)(?:\s+not|n['\u2019]t)\s+(?:suitable|safe|right)\s+for\s+"
    r"(?:everyone|everybody|all)\b[^.!?]{0,40}[.!]",
    re.IGNORECASE,
)


_OPENS_WITH_CHECK = re.compile(
    r"\s*(?:please\s+)?(?:always\s+)?(?:check with|ask|speak to|talk to|tell)\b", re.IGNORECASE
)


_OPENS_WITH_NEGATION = re.compile(
    r"\s*(?:do not|don['\u2019]t|never|not|avoid|no)\b", re.IGNORECASE
)
#: A group of readers, then what they must not take: "Children under 12 and women who are
#: breastfeeding must not take codeine."
_GROUP_MUST_NOT = re.compile(
    r"[^.;:!?]{3,80}?\b(?:must|should)\s+(?:not|never)\s+(?:take|use|have|be given)\b",
    re.IGNORECASE,
)


#: A sentence opening by referring back to what the one before was about.
_REFERS_BACK = re.compile(r"\s*(?:they|it|these|this|those)\b", re.IGNORECASE)


#: What a table column may name: its items become pages as a list's would.
TABLE_COLUMN_CATEGORIES = ("causes", "treatments", "types")


def emit_table(table: Table, owner: PagePlan, topic: str, heading: str, state: Context, routine=()):
    """A data table stays a table on the owner's page, whole.

    Columns are read as the lists they would be, so the recognisers still see the names
    the cells give: a column whose heading says what it holds ("Possible cause"), and the
    first column (what each row is about) as a list of the section. Other columns
    describe the first ("Notes", "Dose") and name nothing. A column never becomes a
    warning or an exercise list, and no cell leaves the table (the names stay visible
    where the article put them).
    """
    rules = state.rules
    table = without_number_column(table)
    if emit_triage_table(table, owner, state):
        return
    if exercise_columns(table, rules) and rules.cue("exercise_column_name", table.headings[0]):
        # Rows of exercises with columns of sets, repetitions or holds: an exercise list
        # (``routine``: the sentences around it that may give the routine's frequency).
        if not emit_exercise_list(heading, [table], owner, state, routine=routine):
            return
    for index, column in table.column_lists():
        category, because = lead_topic(column.lead, state.rules)
        if not category and index == 0:
            category, because = list_category(column, topic, heading, state)
        if category in TABLE_COLUMN_CATEGORIES:
            state.decide(column.lead, category, f"table column: {because}")
            if index == 0:
                column = described_rows(table, column, category, state)
            list_entities(column, category, owner, state)
    add_block(owner, BlockPlan("table", table_value(table)), state)
    described = table.caption or " | ".join(table.headings) or heading
    state.decide(described or "(table)", "table", "a data table in the source")


#: Fewest words of a cell that says something about its row (not a brand, price or dose).
DESCRIBING_CELL_WORDS = 6


def described_rows(table: Table, column: ListBlock, category: str, state: Context) -> ListBlock:
    """The first column's items, each followed by what the rest of its row says about it
    in a column that describes ("What it involves": "A bisphosphonate given as a drip
    once a year"; ``describing_column`` cues): a described row is an entity the article
    says something about, as a labelled list item is. Columns of brands, availability or
    doses describe nothing (the row stays a name), and a row whose cells advise against
    its treatment names no page."""
    rules = state.rules
    headings = table.headings
    items: list[ListItem] = []
    for row, item in zip((r for r in table.rows if r and r[0]), column.items, strict=False):
        cells = [
            (headings[i] if i < len(headings) else "", cell)
            for i, cell in enumerate(row[1:], start=1)
            if cell.strip()
        ]
        if category == "treatments" and any(
            rules.cue("advised_against", cell) for _, cell in cells
        ):
            state.decide(item.text, "content", "the table row advises against it")
            continue
        prose = [
            f"{name}: {cell}"
            for name, cell in cells
            if rules.cue("describing_column", name)
            and len(cell.split()) >= DESCRIBING_CELL_WORDS
            and not has_dose(read_dose(cell).dose)
        ]
        items.append(ListItem(f"{item.text}: {'; '.join(prose)}") if prose else item)
    return ListBlock(ordered=column.ordered, items=items, lead=column.lead)


def _care_card_items(asks: list) -> bool:
    """Whether most items of a list (:data:`CARE_CARD_SHARE`, three at least), whose
    advice is ``asks`` (None for an item asking nothing), ask the reader for help at two
    urgencies or more (999 and the GP): a care card's steps."""
    levels = [found.level for found in asks if found]
    return (
        len(levels) >= CARE_CARD_MIN_ITEMS
        and len(levels) >= CARE_CARD_SHARE * len(asks)
        and len(set(levels) - {Severity.CAUTION}) > 1
    )


#: The list categories whose items may be a care card's steps.
_CARE_CARD_IN = frozenset({"treatments", "content"})


#: Share of a list's items, and fewest items, that ask for help in a care card's steps.
CARE_CARD_SHARE = 0.6
CARE_CARD_MIN_ITEMS = 3


def _mixed_severities(block: ListBlock, rules) -> bool:
    """Whether the items of ``block`` ask for help of more than one urgency."""
    levels = {found.level for item in block.items if (found := severity_of(item.text, rules))}
    return len(levels) > 1


def every_item_dosed(block: ListBlock, rules: RuleSet | None = None) -> bool:
    """Whether every item of ``block`` says how much or how often and one counts sets,
    repetitions or a hold: a routine, not medicines taken "four times a day". With
    ``rules``, the routine's own stop-if lines at its end ("If any exercise brings the
    pain back, stop that one") are part of it, after two dosed items at least."""
    items = list(block.items)
    if rules is not None:
        while len(items) > MIN_DOSED_BEFORE_STOP_IF and rules.cue("stop_if", items[-1].text):
            items.pop()
    doses = [read_dose(item.text).dose for item in items]
    return (
        bool(doses)
        and all(
            has_dose(dose) or _TIMED_ITEM.fullmatch(item.text.strip())
            for item, dose in zip(items, doses, strict=True)
        )
        and any(map(has_counts, doses))
    )


#: Fewest dosed items before a routine's stop-if lines in the same list.
MIN_DOSED_BEFORE_STOP_IF = 2


#: An item that is a name and how long to do it, as a warm-up lists one: "Marching on the
#: spot: 2 minutes".
_TIMED_ITEM = re.compile(
    # "Walking - build up to 30 minutes": a dash may stand for the colon.
    # "Walking 10 minutes, flat ground": or a space, and a word on where or how after.
    r"[^:.!?\n]{2,40}?(?::|[ \t][-\u2013\u2014]|(?=[ \t]++(?:about|for|\d)))[ \t]*+"
    r"(?:(?:about|build up to|up to|for|at least)[ \t]++)?\d{1,3}(?:[ \t]*+(?:-|to)[ \t]*+\d{1,3})?"
    r"[ \t]*+(?:seconds?|secs?|minutes?|mins?)(?:[,;][^.!?\n]{0,40}+)?\.?",
    re.IGNORECASE,
)


def list_category(
    block: ListBlock, topic: str, heading: str, state: Context, owner: PagePlan | None = None
) -> tuple[str, str]:
    rules = state.rules
    lead = block.lead
    if lead and (found := advice_of(lead, rules)):
        if found.level != Severity.CAUTION:
            return "warning", f"lead cue {found.cue}"
        if condition := rules.cue("lead_conditions", lead):
            # "Do not take these tablets if:" lists risks to the reader; "Do not:" is advice.
            return "warning", f"lead cue {found.cue} + conditions {condition!r}"
    if lead and (cue := rules.cue("lead_contraindications", lead)):
        # "We will not use cupping:" over "if you take blood thinners", "over broken
        # skin": who and where the treatment is not for, cautions to the reader.
        return "warning", f"lead lists who or where it is not for ({cue!r})"
    if lead and (cue := rules.cue("heading_warning", lead.strip().rstrip(":"))):
        # "When to get checked:" leads a list as its heading would: care advice.
        return "warning", f"lead worded as a warning heading ({cue!r})"
    if every_item_dosed(block, rules):
        return "exercise_list", "every item has a dose"
    category, because = lead_topic(lead, rules)
    if category:
        return category, because
    if not lead and (label := _label_line_before(owner)):
        # "Medicines" on a line of its own above the list (plain text has no heading
        # markup): the line names the list as a lead would.
        category, because = lead_topic(label, rules)
        if category in ("treatments", "causes", "exercise_list"):
            return category, f"the line above the list: {because}"
    said = _lead_paragraph(lead, owner)
    if said and rules.cue("lead_exercise_list", said):
        # "Your neck exercises. Do these 3 times a day, slowly:": the sentence before the
        # lead names what the list is.
        return "exercise_list", "the paragraph leading into the list names exercises"
    if topic in CAUSE_TOPICS:
        return "causes", f"list in a {topic} section"
    if topic in TREATMENT_TOPICS:
        return "treatments", f"list in a {topic} section"
    if topic in ("exercise_list",):
        return "exercise_list", "list in an exercise section"
    if topic in ("symptoms", "types", "prevention", "related"):
        return topic, f"list in a {topic} section"
    if _labelled_by_treatments(block, rules):
        # "Costotransversectomy: the disc is reached from the back ...", "Thoracotomy: a
        # larger cut ...": each item names a treatment before what it says of it.
        return "treatments", "every item is labelled by a treatment's name"
    return "content", "no cue in the lead or heading"


#: Words saying a sentence is about taking a medicine: "do not take a dose within 4 hours".
_MEDICINE_WORD = re.compile(
    r"\b(?:doses?|tablets?|capsules?|pills?|medicines?|medications?|drugs?)\b", re.IGNORECASE
)


def _labelled_by_treatments(block: ListBlock, rules) -> bool:
    """Whether every item (two or more) opens with a treatment's name before a colon: a
    known treatment or a procedure by its name's shape."""
    if len(block.items) < 2:
        return False
    for item in block.items:
        label, colon, rest = item.text.partition(":")
        if not colon or not rest.strip() or not _names_a_treatment(label, rules):
            return False
    return True


def _names_a_treatment(label: str, rules, *, general: bool = True) -> bool:
    """Whether a label is a treatment's whole name: one the vocabulary knows (a general
    one such as "Exercise" only when ``general``) or a procedure by its name's shape."""
    label = strip_brackets(label.strip(" .:-\u2013\u2014"))
    if not label or len(label.split()) > LABEL_TREATMENT_MAX_WORDS:
        return False
    term = whole_treatment(label, rules)
    return (term is not None and (general or not term.general)) or rules.is_procedure(label)


#: Most words of a treatment's name labelling a list item.
LABEL_TREATMENT_MAX_WORDS = 6


#: Most words of a line above a list that names it.
LABEL_LINE_WORDS = 4
_LAST_P = re.compile(r"<p>((?:(?!<p>).){1,80}?)</p>\s*$", re.S)
_LAST_P_CHARS = len("<p>") + 80 + len("</p>")


def _last_paragraph(owner: PagePlan | None) -> str:
    """The markup of the owner's last block when it is a paragraph, else ""."""
    if owner is None or not owner.blocks or owner.blocks[-1].type != "paragraph":
        return ""
    return str(owner.blocks[-1].value)


def _label_line_before(owner: PagePlan | None) -> str:
    """The owner's last paragraph when it is a short line with no sentence end (a label
    such as "Medicines" above a list), else ""."""
    # Only the tail can hold it: "<p>", at most 80 characters and "</p>". The owner's
    # paragraph block grows with the article, so searching all of it for every list
    # would make the stage quadratic.
    match = _LAST_P.search(_last_paragraph(owner).rstrip()[-_LAST_P_CHARS:])
    text = strip_tags(match.group(1)).strip() if match else ""
    if not text or len(text.split()) > LABEL_LINE_WORDS or text[-1] in ".!?;,":
        return ""
    return text


def _lead_paragraph(lead: str, owner: PagePlan | None) -> str:
    """The text of the paragraph a list's lead ends (the last of the owner's last
    block), or "": not the paragraphs before it, whose words name other things."""
    if not lead:
        return ""
    html = _last_paragraph(owner)
    text = strip_tags(html[html.rfind("<p>") :])
    return text if text.rstrip().endswith(lead.strip()[-20:]) else ""


#: Topics of sections whose paragraphs labelled by a treatment's name are about it: text
#: under no cue heading ("What does a visit involve?").
LABELLED_TREATMENT_TOPICS = frozenset({"content", ""})


def _labelled_treatment(paragraph: Paragraph, rules) -> bool:
    """Whether a paragraph opens with a bold label that is a treatment's whole name (one
    the vocabulary knows and not a general one such as "Exercise", or a procedure)."""
    match = BOLD_LABEL.match(paragraph.html or "")
    return match is not None and _names_a_treatment(
        strip_tags(match.group("label")), rules, general=False
    )


def _entity_category(topic: str) -> str:
    if topic in CAUSE_TOPICS:
        return "causes"
    if topic in TREATMENT_TOPICS:
        return "treatments"
    if topic in ("types", "related"):
        return topic
    return ""


#: A finite verb: a colon "label" holding one is a clause ending in a colon.
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|can|may|might|will|would|should|must|does|do)\b",
    re.IGNORECASE,
)
#: A word opening a clause inside a would-be label: "Change what caused it".
_CLAUSE_OPENER = re.compile(r"\b(?:what|which|who|whom|whose|because|if|unless)\s+\w", re.I)
#: A word opening a clause that leads into its sentence: "Before taking it, ...".
_SUBORDINATE_OPENER = re.compile(
    r"(?:before|after|when|while|if|unless|until|once|as|since|although|though|because|"
    r"to|for|in|on|with|without|during)\b",
    re.I,
)
#: Text saying when to do what its label asks: "if it's no better ...".
_WHEN_TO = re.compile(r"(?:if|when|whenever|unless|as soon as)\b", re.IGNORECASE)
_COLON_LABEL = re.compile(r"(?P<label>[^:.!?]{1,60}):\s+(?P<rest>\S.*)", re.S)


def labelled_item(paragraph: Paragraph, rules) -> ListItem | None:
    """A paragraph that opens with a short bold or colon label followed by its text, as a
    list item ("Label. Text"); None for any other paragraph."""
    match = BOLD_LABEL.match(paragraph.html or "") or _COLON_LABEL.match(paragraph.text)
    if not match:
        return _sentence_label(paragraph, rules)
    label = strip_tags(match.group("label")).strip(" .:-\u2013\u2014")
    rest = strip_tags(match.group("rest")).lstrip(" .:-\u2013\u2014")
    if not label or len(label.split()) > LABEL_MAX_WORDS:
        return None
    if rest.startswith(","):
        # "<b>Stereotactic radiosurgery</b>, such as CyberKnife, focuses ...": the name
        # begins the sentence; "<b>Before taking ibuprofen regularly</b>, check with ...":
        # a clause of the sentence in bold, no label.
        if _SUBORDINATE_OPENER.match(label) or not derive_name(label, rules).name:
            return None
        return ListItem(f"{label}. {label}{rest}")
    first = (split_sentences(rest) or [""])[0]
    if len(re.findall(r"[^\W\d_]{2,}", first)) < LABEL_TEXT_MIN_WORDS:
        return None  # "Leaflet code: PHY-112" labels a value, not a name with its text
    if rules.cue("not_a_label", label):
        return None
    if (found := advice_of(f"{label}: {first}", rules)) is not None and found.level in (
        Severity.EMERGENCY,
        Severity.URGENT,
    ):
        # "**Emergency:** Call 999, or send someone to the Medical Centre, if ...", "**Same
        # day — GP or 111:** you suddenly can't ...": a grade of help, no name with its text.
        return None
    if (
        _WHEN_TO.match(first)
        and (asked := advice_of(f"{label} {first}", rules)) is not None
        and asked.level in HELP_LEVELS
        and advice_of(first, rules) is None
    ):
        # "**Book the GP or physio** if it's no better ...": the label asks for help, the
        # text says when ("**See a physio.** A physiotherapist will ..." names a treatment).
        return None
    if match.re is _COLON_LABEL and (
        _FINITE_VERB.search(label)
        or _CLAUSE_OPENER.search(label)
        or rules.cue("cause_predicate", label)
        # "Please don't wear a soft collar: it stops ...": advice, no label.
        or rules.cue("negated_treatment", label)
    ):
        # "A second idea is gluteal tendinopathy: ...", "Change what caused it: ...",
        # "Stress plays a part too: ..." are sentences, no labels.
        return None
    if match.re is BOLD_LABEL and label_begins_sentence(match):
        # "<b>Pregabalin</b> is started at a low dose": the name begins the sentence, so
        # the explanation keeps it ("Pregabalin is started ...", never "Is started ...").
        return ListItem(f"{label}. {label} {rest}")
    # "Label: its text" reads as "Label. Its text": the text is the item's explanation,
    # and the item is a labelled one (its label is the name the writer gave it, even when
    # worded as advice: "<b>Keep moving.</b> Gentle walks ...").
    rest = f"{rest[:1].upper()}{rest[1:]}"
    return ListItem(f"{label}. {rest}", html=f"<b>{html.escape(label)}</b>. {html.escape(rest)}")


def _sentence_label(paragraph: Paragraph, rules) -> ListItem | None:
    """ "Weak bones. Osteoporosis can let ...": a paragraph opening with a short name
    written as a sentence of its own (plain-text leaflets have no bold) is a labelled
    item, when the name is a clean noun phrase and what follows says something of it."""
    match = _PERIOD_LABEL.match(paragraph.text)
    if not match:
        return None
    label, rest = match.group("label"), match.group("rest")
    words = label.split()
    if len(words) > SENTENCE_LABEL_MAX_WORDS or _FINITE_VERB.search(label):
        return None
    if _CLAUSE_OPENER.search(label) or rules.cue("not_a_label", label):
        return None
    if rules.cue("cause_predicate", label) or any(opens_with_verb(w) for w in words[1:]):
        return None  # "Technique matters too.", "Sitting hurts.": sentences, no names
    if all(only_adjective(word) for word in words):
        return None  # "Not always.", "Rarely."
    if len(words) > 1 and only_adjective(words[-1], adverbs=False):
        return None  # "Supportive care remains important.": a name ends in no adjective
    derived = derive_name(label, rules).name
    if not derived or not name_key(label, rules).endswith(name_key(derived, rules)):
        return None  # "Then again." is no name; "Years of stooping" names stooping
    first = (split_sentences(rest) or [""])[0]
    if len(re.findall(r"[^\W\d_]{2,}", first)) < LABEL_TEXT_MIN_WORDS:
        return None
    return ListItem(f"{label}. {rest}")


#: A name of up to a few words ending in a full stop, then a capitalised sentence.
#: A short abbreviation in brackets may close the name: "Exercise therapy (LFK)."
_PERIOD_LABEL = re.compile(
    r"(?P<label>[A-Z][^\W\d_][^.!?:;,()]{0,38}(?:[ \t]\([^()]{1,12}\))?)\.\s+(?P<rest>[A-Z].*)",
    re.S,
)
#: Most words a name written as a sentence of its own may have.
SENTENCE_LABEL_MAX_WORDS = 4
#: Most words a paragraph's label may have to be read as a name.
LABEL_MAX_WORDS = 6
#: Fewest words the text after a label must have to say something about it.
LABEL_TEXT_MIN_WORDS = 4


def keep_mentions(owner, block, named, state: Context, lead: str = "", left=()) -> None:
    """Put a list whose items became pages on the owner's page, to be settled when the
    plan is finished: items whose pages are written leave it (their pages say it), the
    others stay, so a name the article gives never vanishes from the page."""
    lead_block = owner.blocks[-1] if lead and owner.blocks else None
    placeholder = BlockPlan("paragraph", "")
    owner.blocks.append(placeholder)
    state.pending_blocks.add(id(placeholder))
    state.pending_lists.append(
        PendingList(
            owner=owner,
            block=placeholder,
            items=block,
            pages={id(item): pages for item, pages in named},
            left={id(item) for item in left},
            lead=lead,
            lead_block=lead_block if lead_block and lead_block.type == "paragraph" else None,
        )
    )
