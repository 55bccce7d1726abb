"""Background import: the same service as the command, run by a django-tasks worker.

With Wagtail's default immediate backend the task runs at once; configure a
real backend (``TASKS`` setting) to run bulk imports on a worker.
"""

import base64

from django_tasks import task

from .importer.service import Source, import_sources, resolve_parent


def source_payload(name: str, data: bytes, identity: str = "") -> dict:
    """A JSON-safe description of one source for :func:`import_back_health_task`.

    ``identity`` is what the import is keyed by under its hub (see
    ``back_health.importer.review.source_identity``); empty for the default.
    """
    payload = {"name": name, "data": base64.b64encode(data).decode("ascii")}
    if identity:
        payload["identity"] = identity
    return payload


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
    """Import ``sources`` (made with :func:`source_payload`); return the JSON report.

    The user's rights are checked before any work, as for every other caller; a
    refusal fails the task with an ``ImportPermissionError`` naming the reason.
    """
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return import_sources(
        [
            Source(name=s["name"], data=base64.b64decode(s["data"]), identity=s.get("identity", ""))
            for s in sources
        ],
        parent=resolve_parent(parent),
        format=format,
        dry_run=dry_run,
        publish=publish,
        on_conflict=on_conflict,
        user=user,
        update=update,
    )
