"""The ``BACK_HEALTH`` settings dict, read in one place.

Use ``from back_health.conf import back_health_settings`` and read attributes::

    back_health_settings.BASE_TEMPLATE

Values are looked up on every access, so ``override_settings(BACK_HEALTH=...)``
in tests takes effect immediately.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

#: Every supported key with its default. Sites override any subset in
#: ``settings.BACK_HEALTH``; nested dicts (``WARNING_HEADINGS``) merge key by key.
DEFAULTS = {
    # Template every page template extends.
    "BASE_TEMPLATE": "base.html",
    # Default heading of a warning block per severity when the editor leaves it empty.
    "WARNING_HEADINGS": {
        "info": _("Good to know"),
        "caution": _("Take care"),
        "see_doctor": _("See a GP if"),
        "urgent": _("Ask for an urgent GP appointment or call 111 if"),
        "emergency": _("Call 999 or go to A&E if"),
    },
    # Screen-reader prefix read before a warning's heading, per severity.
    "WARNING_PREFIXES": {
        "info": _("Information:"),
        "caution": _("Caution:"),
        "see_doctor": _("Non-urgent advice:"),
        "urgent": _("Urgent advice:"),
        "emergency": _("Immediate action required:"),
    },
    # Maximum length of a page summary (also used as meta description).
    "SUMMARY_MAX_LENGTH": 300,
    # Months after the last review when the next review falls due by default.
    "REVIEW_INTERVAL_MONTHS": 12,
    # Largest source the importer reads, in bytes.
    "IMPORT_MAX_BYTES": 5 * 1024 * 1024,
    # Languages (ISO 639-1) the import rules are written for. An article wholly in
    # another language is reported with an "unsupported_language" flag and no pages.
    "IMPORT_LANGUAGES": ["en"],
    # Bulk sources (.zip archives and WordPress exports): most articles in one source,
    # most bytes once unpacked, and the highest compression ratio of a member, so an
    # archive that unpacks to far more than it weighs (a zip bomb) is refused.
    "IMPORT_ARCHIVE_MAX_MEMBERS": 5000,
    "IMPORT_ARCHIVE_MAX_BYTES": 200 * 1024 * 1024,
    "IMPORT_ARCHIVE_MAX_RATIO": 100,
    # Days after which an import still awaiting review is shown as stale in the import
    # history, where stale reviews can be discarded together.
    "IMPORT_PENDING_DAYS": 30,
    # Dotted paths of extra import rules (callables or rule objects).
    "IMPORT_RULES": [],
    # Extra medicine vocabulary: {"brand name": "generic name"}.
    "MEDICINES": {},
    # Path of a JSON file of extra medicine vocabulary ({"brand": "generic"}).
    "MEDICINES_FILE": None,
    # Extra condition names the importer recognises (["Gluteal amnesia"]).
    "CONDITION_NAMES": [],
    # Title and slug of the hub created by the importer when none exists.
    "INDEX_TITLE": _("Back health"),
    "INDEX_SLUG": "back-health",
}

_NESTED = {"WARNING_HEADINGS", "WARNING_PREFIXES"}


class BackHealthSettings:
    """Attribute access to ``settings.BACK_HEALTH`` merged over :data:`DEFAULTS`."""

    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(f"Unknown BACK_HEALTH setting: {name}")
        user = getattr(settings, "BACK_HEALTH", {}) or {}
        default = DEFAULTS[name]
        if name in _NESTED:
            return {**default, **user.get(name, {})}
        return user.get(name, default)


back_health_settings = BackHealthSettings()
