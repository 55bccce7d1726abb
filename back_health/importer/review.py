"""Deprecated: pending imports moved to :mod:`back_health.imports.review`.

The importer package holds the pure analysis pipeline only; what touches the
database lives in :mod:`back_health.imports`. This module forwards every name
there, on first use, and will be removed in a future release.
"""

import warnings

warnings.warn(
    "back_health.importer.review moved to back_health.imports.review; "
    "import it from there (the old path will be removed in a future release).",
    DeprecationWarning,
    stacklevel=2,
)


def __getattr__(name):
    # Imported on first use, so importing the pure importer package never loads Django.
    from back_health.imports import review

    return getattr(review, name)
