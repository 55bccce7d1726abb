"""Errors the import pipeline raises for sources it cannot use.

Messages are one line, written for the person who chose the file. Each error
also carries a stable ``code`` so a caller with Django available (the command,
the admin view) can show its own translated wording instead.
"""

from __future__ import annotations


class ImportSourceError(Exception):
    """The source cannot be imported; ``str(error)`` says why in one line."""

    #: Stable identifier of the problem, for callers that translate or count errors.
    code = "invalid_source"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self)


class NothingToImportError(ImportSourceError):
    """The source is empty, or nothing but site chrome is left after cleaning."""

    code = "nothing_to_import"

    def __init__(self, message: str, *, code: str | None = None, document=None):
        super().__init__(message, code=code)
        #: The cleaned Document when cleaning removed everything, so a report can
        #: still show what was dropped and why.
        self.document = document
