"""Background import: the same service as the command, run by django-tasks workers.

With Wagtail's default immediate backend a task runs at once, in the request or
command that enqueued it. With a database backend (the ``workers`` extra installs
``django-tasks-db``; see the README) the tasks wait in the database and as many
``manage.py db_worker`` processes as you start import them in parallel: a bulk
import is one task per article, so imports sharing no entity never wait for each
other.
"""

from __future__ import annotations

import base64
import logging

from django.db import transaction
from django_tasks import task

from .conf import back_health_settings
from .importer.errors import ImportSourceError
from .importer.load import read_limited
from .imports.service import ImportSetupError, Source, import_sources, resolve_parent

logger = logging.getLogger(__name__)


def source_payload(
    name: str, data: bytes, metadata: dict | None = None, identity: str = ""
) -> dict:
    """A JSON-safe description of one source for the import tasks.

    ``identity`` is what the import is keyed by under its hub (see
    ``back_health.imports.review.source_identity``); empty for the default.
    """
    payload = {"name": name, "data": base64.b64encode(data).decode("ascii")}
    if metadata:
        payload["metadata"] = metadata
    if identity:
        payload["identity"] = identity
    return payload


def _source(payload: dict) -> Source:
    return Source(
        name=payload["name"],
        data=base64.b64decode(payload["data"]),
        metadata=payload.get("metadata") or {},
        identity=payload.get("identity") or "",
    )


def _user(user_id):
    if not user_id:
        return None
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk=user_id).first()


@task()
def import_back_health_task(
    sources: list[dict],
    parent: str | None = None,
    format: str = "auto",
    dry_run: bool = False,
    publish: bool = False,
    on_conflict: str = "skip",
    user_id: int | None = None,
    update: bool = False,
) -> dict:
    """Import ``sources`` (made with :func:`source_payload`) in one task; return the report.

    The user's rights are checked before any work, as for every other caller; a
    refusal fails the task with an ``ImportPermissionError`` naming the reason.
    """
    return import_sources(
        [_source(s) for s in sources],
        parent=resolve_parent(parent),
        format=format,
        dry_run=dry_run,
        publish=publish,
        on_conflict=on_conflict,
        user=_user(user_id),
        update=update,
    )


@task()
def import_article_task(
    source: dict,
    parent: str | None = None,
    format: str = "auto",
    publish: bool = False,
    on_conflict: str = "skip",
    user_id: int | None = None,
    item_id: int | None = None,
) -> dict:
    """Import one article of a bulk import and record the outcome on its batch item."""
    from .models import ImportBatchItem, ImportRecord

    item = ImportBatchItem.objects.filter(pk=item_id).first() if item_id else None
    if item is not None:
        item.status = ImportBatchItem.Status.RUNNING
        item.save(update_fields=["status", "updated_at"])
    try:
        report = import_sources(
            [_source(source)],
            parent=resolve_parent(parent),
            format=format,
            publish=publish,
            on_conflict=on_conflict,
            user=_user(user_id),
        )
    except ImportSetupError as error:
        if item is not None:
            item.status, item.error = ImportBatchItem.Status.FAILED, str(error)
            item.save(update_fields=["status", "error", "updated_at"])
        return {"status": "failed", "error": str(error)}
    article = report["articles"][0]
    if item is not None:
        item.status = article["status"]
        item.error = article.get("error") or ""
        item.record = (
            ImportRecord.objects.filter(
                source_name=article["source"]["name"], sha256=article["source"]["sha256"]
            )
            .order_by("-updated_at")
            .first()
        )
        item.save(update_fields=["status", "error", "record", "updated_at"])
    return report


def enqueue_import(
    sources,
    *,
    name: str,
    user=None,
    parent=None,
    format: str = "auto",
    publish: bool = False,
    on_conflict: str = "skip",
):
    """Start a bulk import: an :class:`ImportBatch` and one task per article.

    Sources that could not be read are recorded as failed at once. Returns the batch.
    """
    from .models import ImportBatch, ImportBatchItem

    with transaction.atomic():
        batch = ImportBatch.objects.create(name=name[:255], user=user)
        queued = []
        for source in sources:
            item = ImportBatchItem(batch=batch, source_name=source.name[:255])
            payload = None
            if source.error:
                item.status, item.error = ImportBatchItem.Status.FAILED, source.error
            else:
                try:
                    data = read_limited(
                        source.data, max_bytes=back_health_settings.IMPORT_MAX_BYTES
                    )
                except ImportSourceError as error:
                    item.status, item.error = ImportBatchItem.Status.FAILED, str(error)
                else:
                    payload = source_payload(source.name, data, source.metadata)
            item.save()
            if payload is not None:
                queued.append((item, payload))
    options = {
        "parent": str(parent.pk) if parent is not None else None,
        "format": format,
        "publish": publish,
        "on_conflict": on_conflict,
        "user_id": user.pk if user is not None else None,
    }
    for item, payload in queued:
        # Enqueued after the batch is committed: a worker may start on it at once.
        result = import_article_task.enqueue(payload, item_id=item.pk, **options)
        ImportBatchItem.objects.filter(pk=item.pk).update(task_id=str(result.id)[:64])
    logger.info("Bulk import %s: %d articles queued", name, len(queued))
    return batch
