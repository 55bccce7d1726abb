"""Who may do what on the import screens, in the words of the import service."""

from __future__ import annotations

from ..imports.review import hubs_for_user


def can_import(user) -> bool:
    """Editors who may add pages under at least one Back health hub may import.

    Superusers may import with no hub at all: the service creates the site's hub.
    """
    return bool(user.is_active and (user.is_superuser or hubs_for_user(user).exists()))


def can_import_under(user, parent) -> bool:
    """Whether ``user`` may review and write an import under the hub ``parent``."""
    if user.is_superuser:
        return True
    return parent is not None and hubs_for_user(user).filter(pk=parent.pk).exists()


def can_publish_under(user, parent) -> bool:
    """Whether ``user`` may publish the pages an import writes under ``parent``."""
    if parent is None:
        return bool(user.is_superuser)
    return parent.specific.permissions_for_user(user).can_publish_subpage()
