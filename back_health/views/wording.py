"""Report codes in words for editors: flags, dropped parts, actions and kinds.

The report and the plan file keep stable codes (``thin_page``, ``non_english``) for
tools; the admin never shows them raw. Each flag becomes a sentence saying what was
found and what to do about it.
"""

from __future__ import annotations

from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

#: What each page action means, in the words the review and result screens use.
ACTION_LABELS = {
    "create": gettext_lazy("New page"),
    "update": gettext_lazy("Update"),
    "unchanged": gettext_lazy("Unchanged"),
    "conflict": gettext_lazy("Edited since import"),
    "skip": gettext_lazy("Left out"),
    "link": gettext_lazy("Existing page"),
    "suggest": gettext_lazy("Suggested"),
}

#: Kinds an editor can choose for a planned page ("index" is never offered).
KIND_CHOICES = [
    ("condition", gettext_lazy("Condition")),
    ("cause", gettext_lazy("Cause")),
    ("treatment", gettext_lazy("Treatment")),
]

#: Warning severities, mildest first (the warning block's stored keys).
SEVERITY_CHOICES = [
    ("info", gettext_lazy("Information")),
    ("caution", gettext_lazy("Caution")),
    ("see_doctor", gettext_lazy("See a doctor")),
    ("urgent", gettext_lazy("Urgent")),
    ("emergency", gettext_lazy("Emergency")),
]


def language_name(code: str) -> str:
    """``ru`` -> "Russian" (translated); the code itself when Django does not know it."""
    if not code:
        return _("another language")
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def describe_flag(flag: dict) -> dict:
    """A flag as ``{"message", "advice", "quote"}`` for an editor; ``quote`` is the
    passage concerned, empty when the message already names it."""
    kind = flag.get("kind", "")
    quote = flag.get("text", "")
    language = language_name(flag.get("language", ""))
    if kind == "thin_page":
        message = _("“%(title)s” has nothing on it yet but its name.") % {"title": quote}
        advice = _(
            "Leave it out, map it to an existing page, or write it up before it is published."
        )
        quote = ""
    elif kind in ("non_english", "other_language"):
        message = _("A passage in %(language)s was left out of the pages.") % {"language": language}
        advice = _("Translate it into the article's language if it matters, or leave it out.")
    elif kind == "truncated":
        message = _("The article seems to stop mid-sentence; its last sentence was left out.")
        advice = _("Check the original article for the rest and add it by hand.")
    elif kind == "no_title":
        message = _("The article has no title; the main page is named after its source.")
        advice = _("Give the main page a proper title below.")
        quote = ""
    elif kind == "no_structure":
        message = _("The article has no headings or lists, so everything is on one page.")
        advice = _("Check the page and split it into sections in the editor if needed.")
        quote = ""
    elif kind == "table_cut":
        message = _(
            "A table was too big for one table block; only its first rows and columns were kept."
        )
        advice = _(
            "Check the original table: split it into smaller tables or link to the full version."
        )
    else:
        message = _("The importer was unsure about part of the article (%(kind)s).") % {
            "kind": kind.replace("_", " ")
        }
        advice = _("Check this part in the pages before publishing.")
    return {"message": message, "advice": advice, "quote": quote}


def describe_dropped(item: dict) -> dict:
    """A dropped part as ``{"reason", "text"}`` with the reason in words."""
    reason = item.get("reason", "")
    if reason.startswith("chrome: "):
        reason = _("site furniture (%(what)s)") % {"what": reason.removeprefix("chrome: ")}
    else:
        reason = {
            "junk section": _("not part of the article"),
            "junk list": _("a list that is not part of the article"),
            "outside the main content": _("outside the article's main content"),
            "signature": _("the author's signature"),
            "front matter": _("file header (front matter)"),
            "empty section": _("a heading with nothing under it"),
            "table rows over the limit": _("table rows past the most a table block holds"),
            "table columns over the limit": _("table columns past the most a table block holds"),
        }.get(reason, reason)
    return {"reason": reason, "text": item.get("text", "")}


def visible_flags(article: dict) -> list[dict]:
    """The article's flags worth an editor's attention, described in words.

    A name that resolves to an existing page is only linked to: that page is whole
    already, so a "nothing on it" flag for it is noise.
    """
    linked = {
        page.get("title", "").casefold()
        for page in article.get("pages", [])
        if page.get("action") in ("link", "unchanged") or page.get("page_id")
    }
    flags = []
    for flag in article.get("flags", []):
        if flag.get("kind") == "thin_page" and flag.get("text", "").casefold() in linked:
            continue
        flags.append({**flag, **describe_flag(flag)})
    return flags


def medicine_label(medicine: dict) -> str:
    """ "tolperisone (Mydocalm)"; just the generic name when no brand was given."""
    generic = medicine.get("generic", "")
    brands = [brand for brand in medicine.get("brands", []) if brand]
    if not brands:
        return generic
    return _("%(generic)s (%(brands)s)") % {"generic": generic, "brands": ", ".join(brands)}
