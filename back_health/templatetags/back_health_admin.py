"""Template filters for the admin import screens: report codes in words."""

from django import template

from ..views.wording import (
    ACTION_LABELS,
    describe_dropped,
    medicine_label,
    visible_flags,
)

register = template.Library()


@register.filter
def dropped_in_words(item):
    return describe_dropped(item)


@register.filter
def action_in_words(action):
    return ACTION_LABELS.get(action, action)


@register.filter
def medicine_in_words(medicine):
    """ "ibuprofen (Nurofen)", or just "paracetamol" when no brand was named."""
    return medicine_label(medicine)


@register.filter
def flags_in_words(article):
    """The article's flags worth an editor's attention, each with message and advice."""
    return visible_flags(article)
