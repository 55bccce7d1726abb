"""Marked pages: what "came from an import" and "needs writing up" mean in a query.

Shared by the native listings' filters and the modeladmin sub-app's list filters.
"""

from django.db.models import Q


def imported_pages() -> Q:
    """Pages the importer wrote: they keep a link to the import that wrote them."""
    return Q(back_health_import__isnull=False)


def pages_needing_writing_up() -> Q:
    """Stub pages with nothing in the body yet (a bare name an editor chose to create)."""
    return Q(body=[])
