"""Template helpers for back-health pages: heading levels and element ids."""

import uuid

from django import template

register = template.Library()


@register.filter
def bh_outline(stream):
    """Pair each child of a body stream with the heading level its own heading should use.

    Heading blocks set the current level; a warning or exercise list sits one level
    below the heading before it (h2 when none), so the page outline never skips a level.
    """
    current = 1
    pairs = []
    for child in stream or []:
        if child.block_type == "heading":
            level = int(str(child.value.get("level") or "h2")[1:])
            current = level
        else:
            level = min(current + 1, 6)
        pairs.append((child, level))
    return pairs


@register.filter
def bh_heading_level(level, offset=0):
    """A heading level (int or "h3") plus ``offset``, kept within 2..6."""
    try:
        number = int(str(level).lstrip("h"))
    except (TypeError, ValueError):
        number = 2
    return max(2, min(number + int(offset), 6))


@register.simple_tag
def bh_element_id(prefix, block_id=None):
    """A document-unique id: from the block's id when there is one, random otherwise."""
    return f"{prefix}-{block_id or uuid.uuid4().hex[:12]}"


@register.filter
def bh_contents(stream):
    """The level 2 heading blocks of a body stream, for a contents list."""
    return [
        child
        for child in stream or []
        if child.block_type == "heading" and child.value.get("level") == "h2" and child.id
    ]


@register.filter
def bh_has_entries(groups):
    """Whether any hub group has pages."""
    return any(group["pages"] for group in groups or [])
