"""Template helpers for back-health pages: heading levels and element ids."""

import uuid

from django import template

register = template.Library()


@register.filter
def bh_outline(stream):
    """Pair each child of a body stream with the heading level its own heading should use.

    Heading blocks set the current level. A warning sits one level below the heading
    before it (h2 when none). An exercise list straight after a heading belongs to that
    heading too; after other content it starts a section of its own, at the level of
    the heading before it ("Exercises" after the text of "Treatment"). So the outline
    never skips a level and never files a section under the one it follows.
    """
    current = 1
    previous = None
    pairs = []
    for child in stream or []:
        if child.block_type == "heading":
            level = int(str(child.value.get("level") or "h2")[1:])
            current = level
        elif child.block_type == "exercise_list" and previous != "heading":
            level = max(current, 2)
        else:
            level = min(current + 1, 6)
        pairs.append((child, level))
        previous = child.block_type
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
    """``(anchor, text)`` of the body's level 2 sections, for a contents list: level 2
    heading blocks and exercise lists that open a level 2 section of their own."""
    return bh_outline_contents(bh_outline(stream))


@register.filter
def bh_outline_contents(pairs):
    """:func:`bh_contents` from an outline already computed by :func:`bh_outline`."""
    entries = []
    for child, level in pairs or []:
        if not child.id or level != 2:
            continue
        if child.block_type == "heading":
            entries.append((f"bh-section-{child.id}", child.value.get("text")))
        elif child.block_type == "exercise_list":
            entries.append((f"bh-exercises-{child.id}", child.value.get("heading")))
    return entries


@register.filter
def bh_has_entries(groups):
    """Whether any hub group has pages."""
    return any(group["pages"] for group in groups or [])


@register.inclusion_tag("back_health/includes/search_form.html")
def bh_search_form(query="", kind="", region=None, hub=None):
    """The back-health search box, pointing at the search view when a site mounts it
    (``back_health.urls``); renders nothing otherwise."""
    from django.urls import NoReverseMatch, reverse

    from ..models import BodyRegion
    from ..views.search import KINDS

    try:
        action = reverse("back_health:search")
    except NoReverseMatch:
        return {"action": None}
    return {
        "action": action,
        "query": query,
        "kind": kind,
        "region": region,
        "kinds": [(key, label) for key, (_model, label) in KINDS.items()],
        "regions": list(BodyRegion.objects.all()),
    }
