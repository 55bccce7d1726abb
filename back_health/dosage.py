"""Exercise doses in plain English, translated, for the block template and the report."""

from django.utils.translation import gettext, ngettext

from .importer.dose import dose_to_text as _dose_to_text


def dose_to_text(dose):
    """Say a dose dict (sets, repetitions, hold_seconds, per_side, times_per_day,
    days_per_week) as plain sentences in the active language: "Hold for 20 seconds.
    Repeat 10 times on each side, 3 times a day." An empty dose gives ""."""
    return _dose_to_text(dose, gettext=gettext, ngettext=ngettext)
