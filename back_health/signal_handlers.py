"""What happens when a back-health page is saved: its names are recorded for the
importer, and its search index entry is updated (or held back during an import).

Back-health pages set ``search_auto_update = False`` so that this module, not
modelsearch's global handler, queues their index updates: an import can then hold
back the updates of the pages *it* saves, in its own thread, while every other
save in the process is indexed as usual.
"""

from __future__ import annotations

from contextlib import contextmanager

from asgiref.local import Local
from django.db.models.signals import post_delete, post_save

_state = Local()

#: Fields whose values are the names the importer recognises a page by.
NAME_FIELDS = ("title", "draft_title", "alternate_names")


def entity_kind(instance) -> str | None:
    """``condition``, ``cause`` or ``treatment`` for a back-health page, else None."""
    from .models import CausePage, ConditionPage, TreatmentPage

    for kind, model in (
        ("condition", ConditionPage),
        ("cause", CausePage),
        ("treatment", TreatmentPage),
    ):
        if isinstance(instance, model):
            return kind
    return None


def page_names(instance, fields=NAME_FIELDS) -> set[str]:
    from .importer.names import entity_key as normalise_name

    raw = []
    for field in fields:
        value = getattr(instance, field, "") or ""
        raw.extend(value.splitlines() if field == "alternate_names" else [value])
    names = {normalise_name(name)[:255] for name in raw if name and name.strip()}
    names.discard("")
    return names


def sync_entity_names(instance, kind, *, created=False, update_fields=None):
    """Make the page's :class:`EntityName` rows match its names.

    A save of some fields only adds the names those fields hold (the others are
    unchanged in the database); a full save replaces the set.
    """
    from .models import EntityName

    partial = update_fields is not None
    fields = [f for f in NAME_FIELDS if f in update_fields] if partial else NAME_FIELDS
    if partial and not fields:
        return
    names = page_names(instance, fields)
    known = getattr(instance, "_back_health_names", None)
    if created:
        known = set()
    elif known is None:
        known = set(EntityName.objects.filter(page_id=instance.pk).values_list("name", flat=True))
    missing = names - known
    stale = set() if partial else known - names
    if stale:
        EntityName.objects.filter(page_id=instance.pk, name__in=stale).delete()
    if missing:
        EntityName.objects.bulk_create(
            EntityName(page_id=instance.pk, kind=kind, name=name) for name in sorted(missing)
        )
    instance._back_health_names = (known - stale) | missing


def page_saved(sender, instance, raw=False, created=False, update_fields=None, **kwargs):
    if raw:
        return
    kind = entity_kind(instance)
    if kind is None:
        return
    sync_entity_names(instance, kind, created=created, update_fields=update_fields)
    pending = getattr(_state, "pending", None)
    if pending is not None:
        pending.add(instance.pk)
    else:
        enqueue_search_update(instance)


def page_deleted(sender, instance, **kwargs):
    if entity_kind(instance) is None:
        return
    from modelsearch import index

    index.remove_object(instance)


def enqueue_search_update(instance):
    from modelsearch.tasks import insert_or_update_object_task

    insert_or_update_object_task.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )


@contextmanager
def deferred_index_updates(written_page_ids: set[int] | None = None, *, discard=False):
    """Hold back search and reference index updates of the back-health pages this
    thread saves until the block ends, then update each page once.

    Other threads' saves are indexed as usual: the deferral is local to the thread
    (Wagtail's own switch for the reference index, ours for search). Nested
    blocks index when the outermost one ends. ``discard`` drops the updates (a dry
    run, whose pages are rolled back).
    """
    from wagtail.signal_handlers import disable_reference_index_auto_update

    if getattr(_state, "pending", None) is not None:
        yield
        if written_page_ids:
            _state.pending.update(written_page_ids)
        return
    _state.pending = pending = set()
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        del _state.pending
    pending.update(written_page_ids or ())
    if not discard:
        update_indexes(pending)


def update_indexes(page_ids):
    """One reference index and one search index update per page."""
    if not page_ids:
        return
    from wagtail.models import Page, ReferenceIndex

    for page in Page.objects.filter(pk__in=page_ids).specific():
        ReferenceIndex.create_or_update_for_object(page)
        enqueue_search_update(page)


def connect():
    # No sender: subclasses of the page types (a site's own) are covered too.
    post_save.connect(page_saved, dispatch_uid="back_health_page_saved")
    post_delete.connect(page_deleted, dispatch_uid="back_health_page_deleted")
