"""The page's lead: its summary is said once, not again as the body's first sentences.

The classifier and the writer both call :func:`body_after_lead`: the classifier on
the plan it makes, the writer on every plan it writes (an editor's corrected plan on
the review screen, a plan file given to ``--apply-plan``), so a summary an editor
copied from the first paragraph is not written twice either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .plan import BlockPlan
from .text import split_sentences, strip_tags

# Lazy up to the first "</p>": one scan from the start of the value.
_FIRST_P = re.compile(r"\s*<p(?:\s[^<>]*+)?>(.*?)</p>", re.S)


def _plain(sentence: str) -> str:
    """A sentence as compared: spaces squashed, case and closing punctuation ignored."""
    return " ".join(sentence.split()).rstrip(".!?:;, ").casefold()


def body_after_lead(blocks: Sequence[BlockPlan], summary: str) -> tuple[int, str] | None:
    """Where the body repeats the summary: ``(index of its first block, that block's
    value without the summary's sentences)``, or None.

    None when the body does not open with a paragraph whose first sentences are the
    summary's (compared without regard to case, spacing or closing punctuation), when
    the paragraph's markup does not split into sentences as its text does, and when
    the summary is all the page says (the body then keeps it).
    """
    index = next((i for i, block in enumerate(blocks) if block.value), None)
    if index is None or not summary.strip():
        return None
    first = blocks[index]
    if first.type != "paragraph" or not isinstance(first.value, str):
        return None
    match = _FIRST_P.match(first.value)
    if not match:
        return None
    inner = match.group(1)
    sentences = split_sentences(strip_tags(inner))
    lead = split_sentences(summary)
    count = len(lead)
    if [_plain(s) for s in sentences[:count]] != [_plain(s) for s in lead]:
        return None
    if count == len(sentences):
        rest = ""
    else:
        pieces = split_sentences(inner)
        if len(pieces) != len(sentences):
            return None  # the markup does not split like the text: leave it whole
        rest = f"<p>{' '.join(pieces[count:])}</p>"
    remaining = rest + first.value[match.end() :]
    others = any(block.value for block in blocks[index + 1 :])
    if not strip_tags(remaining) and not others:
        return None  # the summary is all the page says: the body keeps it
    return index, remaining
