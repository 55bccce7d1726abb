"""Exercise doses in plain English, for the block template and the import report."""

from django.utils.translation import gettext, ngettext


def dose_to_text(dose):
    """Say a dose dict (sets, repetitions, hold_seconds, per_side, times_per_day,
    days_per_week) as plain sentences: "Hold for 20 seconds. Repeat 10 times on
    each side, 3 times a day." An empty dose gives ""."""
    dose = {key: value for key, value in (dose or {}).items() if value not in (None, "", 0)}
    sentences = []
    if dose.get("hold_seconds"):
        seconds = dose["hold_seconds"]
        sentences.append(
            ngettext("Hold for %(n)d second.", "Hold for %(n)d seconds.", seconds) % {"n": seconds}
        )
    parts = []
    sets, reps = dose.get("sets"), dose.get("repetitions")
    if sets and reps:
        parts.append(
            ngettext("Do %(sets)d set", "Do %(sets)d sets", sets) % {"sets": sets}
            + ngettext(" of %(n)d repetition", " of %(n)d repetitions", reps) % {"n": reps}
        )
    elif reps:
        parts.append(ngettext("Repeat %(n)d time", "Repeat %(n)d times", reps) % {"n": reps})
    elif sets:
        parts.append(ngettext("Do %(n)d set", "Do %(n)d sets", sets) % {"n": sets})
    if dose.get("per_side"):
        if parts:
            parts[-1] += gettext(" on each side")
        else:
            parts.append(gettext("Do this on each side"))
    frequency = []
    if dose.get("times_per_day"):
        n = dose["times_per_day"]
        frequency.append(ngettext("%(n)d time a day", "%(n)d times a day", n) % {"n": n})
    if dose.get("days_per_week"):
        n = dose["days_per_week"]
        frequency.append(ngettext("%(n)d day a week", "%(n)d days a week", n) % {"n": n})
    if frequency:
        if parts:
            parts[-1] += ", " + gettext(" and ").join(frequency)
        else:
            parts.append(gettext("Do this") + " " + gettext(" and ").join(frequency))
    sentences.extend(part + "." for part in parts)
    return " ".join(sentences)
