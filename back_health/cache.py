"""A version number for back-health content, bumped whenever a page or snippet changes.

Cached fragments (the hub's A-Z list) put the version in their key, so any publish,
unpublish, save, move or delete of a page, or an edit of a reviewer or body region,
makes them render afresh on the next request, without a query to find out.
"""

import time
import uuid

from django.core.cache import cache
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeData

VERSION_KEY = "back_health:content-version"


def content_version():
    """The current version; a fresh one when the cache has none (after a restart)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = bump_content_version()
    return version


def bump_content_version(*args, **kwargs):
    # Time-based so a version never repeats one a restarted cache has forgotten.
    version = f"{time.time_ns():x}"
    cache.set(VERSION_KEY, version, None)
    return version


def _on_model_change(sender, instance=None, **kwargs):
    from wagtail.models import Page, Site

    from .models import BodyRegion, Reviewer

    # A site's name or address shows in the cached sharing tags and structured data.
    if isinstance(instance, Page | Reviewer | BodyRegion | Site):
        bump_content_version()


def connect_signals():
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(_on_model_change, dispatch_uid="back_health_content_saved")
    post_delete.connect(_on_model_change, dispatch_uid="back_health_content_deleted")
    m2m_changed.connect(_on_model_change, dispatch_uid="back_health_content_m2m")
    page_published.connect(bump_content_version, dispatch_uid="back_health_published")
    page_unpublished.connect(bump_content_version, dispatch_uid="back_health_unpublished")
    post_page_move.connect(bump_content_version, dispatch_uid="back_health_moved")


def fragment_key(request):
    """What a page's cached fragments are keyed on besides the page: the content version,
    or a one-off value for previews, which must never share a cached fragment."""
    if getattr(request, "is_preview", False):
        return f"preview-{uuid.uuid4().hex}"
    return content_version()


def lazy_list(compute):
    """A list computed on first use, so a cached template fragment can skip the query."""
    return SimpleLazyObject(lambda: list(compute()))


class LazySafeString(SafeData):
    """Safe markup computed on first use (the page's JSON-LD inside a cached fragment)."""

    def __init__(self, compute):
        self._compute = compute

    def __html__(self):
        if not hasattr(self, "_value"):
            self._value = self._compute()
        return self._value

    __str__ = __html__
