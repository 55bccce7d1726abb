"""The main subject of an article: the condition its page is about."""

from __future__ import annotations

import re

from ..document import Document, Flag, Paragraph
from ..names import (
    bracketed_names,
    check_name,
    condition_name_from_title,
    name_key,
    sentence_case,
    split_sentences,
    subject_name,
)
from ..plan import Kind, PagePlan
from ..rules import RuleSet
from .context import Context, add_alternate, relate
from .topics import HEADING_TOPICS


def main_condition(document: Document, state: Context) -> PagePlan:
    rules = state.rules

    def names_subject(heading: str) -> bool:
        # A bare "Causes" or "When to see a GP" is never what an article is about;
        # "Sciatica: symptoms and causes" is.
        rest = heading.lower()
        for topic in (*HEADING_TOPICS, "warning"):
            for pattern in rules.cue_patterns(f"heading_{topic}"):
                rest = pattern.sub(" ", rest)
        return bool(re.search(r"[a-z]{3,}", rest))

    candidates = [document.title, *(s.heading for s in document.sections)]
    title = next((heading for heading in candidates if names_subject(heading)), "")
    name = condition_name_from_title(title, rules)
    because = f"title {title!r} with its question/instruction framing removed"
    if not check_name(name, rules).name:
        fallback = next(
            (
                condition_name_from_title(s.heading, rules)
                for s in document.sections
                if s.heading and rules.is_condition_term(s.heading)
            ),
            "",
        )
        name, because = fallback or title, "first heading naming a condition"
    if not name.strip():
        name, because = untitled_name(document, state)
    name, second = two_conditions(name, rules)
    page = state.entity(Kind.CONDITION, name, reason=f"main subject: {because}")
    state.decide(title, "condition", because)
    if second:
        other = state.entity(
            Kind.CONDITION, second, reason="second condition named in the title ('X and Y')"
        )
        relate(page, "related_conditions", other)
        state.decide(second, "condition", "second condition named in the title ('X and Y')")
    for other in bracketed_names(title):
        add_alternate(page, other, rules)
        state.decide(other, "alternate name", "given in brackets in the title")
    plain = re.split(r"\s*[?:!]\s*|\s+[-–—]\s+|\s*,\s*", strip_brackets(title))[0]
    for pattern in rules.cue_patterns("title_prefix"):
        plain = pattern.sub("", plain, count=1)
    if not second and plain and name_key(plain, rules) != name_key(page.title, rules):
        add_alternate(page, plain.strip(" ?!."), rules)
    first = first_paragraph(document)
    if first:
        sentences = split_sentences(first.text)
        alternate = subject_name(sentences[0], rules) if sentences else ""
        if alternate and not is_broader_name(alternate, page.title, rules):
            add_alternate(page, alternate, rules)
            state.pages.alias(alternate, page)
            state.decide(
                alternate, "alternate name", "subject of the first sentence names a condition"
            )
    return page


def is_broader_name(name: str, title: str, rules: RuleSet) -> bool:
    """Whether ``name`` is the title or a more general condition inside it: "Back pain"
    opening an article titled "Back pain in pregnancy" is not another name for it."""
    words, title_words = set(name_key(name, rules).split()), set(name_key(title, rules).split())
    return words <= title_words


def strip_brackets(text: str) -> str:
    return re.sub(r"(?<!\s)\s*+\([^()]*+\)", "", text)


def untitled_name(document: Document, state: Context) -> tuple[str, str]:
    """A name for an article with no title or heading: the condition its first sentence
    is about, else the source's file name. Flagged so an editor checks it."""
    first = first_paragraph(document)
    sentences = split_sentences(first.text) if first else []
    name = subject_name(sentences[0], state.rules) if sentences else ""
    because = "no title: subject of the first sentence"
    if not name:
        stem = re.sub(r"\.[A-Za-z0-9]{1,8}$", "", state.plan.source.name)
        name = sentence_case(re.sub(r"[-_]+", " ", stem).strip()) or "Untitled article"
        because = "no title: the source's name"
    state.plan.flags.append(Flag(kind="no_title", text=name))
    return name, because


def two_conditions(name: str, rules: RuleSet) -> tuple[str, str]:
    """ "Neck pain and whiplash" -> ("Neck pain", "Whiplash") when both parts name a
    condition; else ``(name, "")``."""
    parts = re.split(r"\s+(?:and|&)\s+", name)
    if len(parts) != 2:
        return name, ""
    names = [check_name(part, rules).name for part in parts]
    if all(n and (rules.is_condition_term(n) or rules.has_condition_head(n)) for n in names):
        return names[0], names[1]
    return name, ""


def first_paragraph(document: Document) -> Paragraph | None:
    for _section, block in document.iter_blocks():
        if isinstance(block, Paragraph) and len(block.text.split()) > 5:
            return block
    return None
