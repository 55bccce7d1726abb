"""Import review: prepare a plan, let an editor correct it, write it, undo it.

The functions the admin, the command and the background task call:

- :func:`hubs_for_user` / :func:`check_import_permissions`: who may import where,
  checked before any work is done.
- :func:`prepare_import`: read a source into a pending :class:`ImportRecord`
  holding the proposed plan document (stored corrections already applied).
- :func:`apply_import`: write an (edited) plan document exactly; the editor's
  corrections are stored with the record and applied again next time.
- :func:`undo_import`: remove the pages an import created that no editor has
  touched since.
- :func:`discard_review` / :func:`pending_imports`: abandon a review, find stale ones.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from ..importer.errors import ImportSourceError
from .plan_document import (
    PlanError,
    annotate_plan,
    apply_corrections,
    diff_plans,
    merge_corrections,
    plan_from_dict,
    plan_to_dict,
)
from .service import ImportSetupError, analyse, find_hub

logger = logging.getLogger(__name__)

__all__ = [
    "ImportIdentityError",
    "ImportPermissionError",
    "ImportResult",
    "ImportUnchanged",
    "PlanError",
    "UndoResult",
    "apply_import",
    "check_import_permissions",
    "check_publish_permission",
    "discard_review",
    "pending_imports",
    "hubs_for_user",
    "prepare_import",
    "source_identity",
    "undo_import",
    "undo_preview",
]


class ImportPermissionError(ImportSetupError):
    """The user may not import there (or publish, or undo); nothing was done."""


class ImportIdentityError(ImportSetupError):
    """Another article with other content was imported under the same identity."""


class ImportUnchanged(ImportSetupError):
    """The same source was imported already and has not changed; ``record`` is that import."""

    def __init__(self, message, record):
        super().__init__(message)
        self.record = record


@dataclass
class ImportResult:
    """What :func:`apply_import` wrote."""

    record: object
    #: The article's report (version 1 vocabulary), with ``corrections`` applied.
    report: dict
    created: int = 0
    updated: int = 0
    suggested: int = 0
    linked: int = 0
    flags: int = 0
    #: The pages created or updated, as specific Wagtail pages.
    pages: list = field(default_factory=list)
    #: Stored corrections that were applied to this import's plan.
    corrections_applied: list = field(default_factory=list)


@dataclass
class UndoResult:
    """What :func:`undo_import` removed and what it kept, with the reason for each."""

    record: object
    #: ``{"id", "title"}`` of every page removed.
    removed: list = field(default_factory=list)
    #: ``{"id", "title", "reason"}`` of every created page kept.
    kept: list = field(default_factory=list)
    #: The pages to remove (:func:`undo_preview`), as specific Wagtail pages.
    pages: list = field(default_factory=list)


# -- permissions ---------------------------------------------------------------------------


def hubs_for_user(user):
    """The Back health hubs ``user`` may add pages under (all of them for superusers)."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    from ..models import BackHealthIndexPage

    hubs = BackHealthIndexPage.objects.all()
    if user is None:
        return hubs
    if not user.is_active:
        return hubs.none()
    if user.is_superuser:
        return hubs
    allowed = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["add"])
    return hubs.filter(pk__in=allowed.values("pk"))


def check_import_permissions(user, parent, *, publish=False) -> None:
    """Refuse, with a clear message, an import ``user`` may not run under ``parent``.

    ``parent`` None means the site's hub, created at the site root when missing.
    A ``user`` of None is a trusted caller (the command without ``--user``).
    Raises :class:`ImportPermissionError`.
    """
    if user is None:
        return
    if parent is None:
        parent = find_hub()
    if parent is None:
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        root = site.root_page.specific if site else None
        if root is None or not root.permissions_for_user(user).can_add_subpage():
            raise ImportPermissionError(
                _("%(user)s may not create the Back health hub: import under a hub instead.")
                % {"user": user.get_username()}
            )
        if publish and not root.permissions_for_user(user).can_publish_subpage():
            raise _no_publish(user, root)
        return
    permissions = parent.permissions_for_user(user)
    if not permissions.can_add_subpage():
        raise ImportPermissionError(
            _("%(user)s may not add pages under %(hub)s.")
            % {"user": user.get_username(), "hub": parent.title}
        )
    if publish:
        check_publish_permission(user, parent)


def check_publish_permission(user, parent) -> None:
    """Refuse publishing under ``parent`` for a ``user`` without the right."""
    if user is not None and not parent.permissions_for_user(user).can_publish_subpage():
        raise _no_publish(user, parent)


def _no_publish(user, parent):
    return ImportPermissionError(
        _("%(user)s may not publish pages under %(hub)s: create drafts instead.")
        % {"user": user.get_username(), "hub": parent.title}
    )


# -- identity ------------------------------------------------------------------------------


def web_url(url: str) -> str:
    """``url`` when it is an http(s) address, else empty: only those identify an article."""
    url = (url or "").strip()
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else ""


def source_identity(name: str, sha256: str, *, identity=None, url="", path=None) -> str:
    """The identity an import is keyed by under its hub.

    The user's own ``identity`` first; then the article's http(s) canonical address;
    then the file ``path`` it was read from; and for an upload or a paste, the name
    with the start of the content's hash, so two different articles with the same name
    (or two unnamed pastes) are never taken for one another.
    """
    if identity and str(identity).strip():
        return str(identity).strip()[:500]
    if web_url(url):
        return web_url(url)[:500]
    if path:
        return str(path)[:500]
    return f"{name or 'pasted'}#{sha256[:16]}"[:500]


# -- prepare, apply, undo ------------------------------------------------------------------


def _hub(parent):
    if parent is not None:
        from ..models import ConditionPage

        parent = parent.specific
        if not ConditionPage.can_exist_under(parent):
            raise ImportSetupError(
                _("%(title)s cannot hold condition pages; choose a Back health hub.")
                % {"title": parent.title}
            )
        return parent
    from .service import find_or_create_hub

    return find_or_create_hub()[0]


def _record_for(parent, identity, sha256, update):
    """The import record of ``identity`` under ``parent``, if any; refuses other content
    under an identity already imported unless the user says it is an ``update``."""
    from ..models import ImportRecord

    record = ImportRecord.objects.filter(parent=parent, identity=identity).first()
    if (
        record is not None
        and record.status == ImportRecord.Status.IMPORTED
        and record.sha256 != sha256
        and not update
    ):
        raise ImportIdentityError(
            _(
                "%(identity)s was imported under %(hub)s from other content; say it is an "
                "update to replace that import, or give the article another identity."
            )
            % {"identity": identity, "hub": parent.title}
        )
    return record


def proposed_plan(
    data,
    name,
    *,
    identity=None,
    path=None,
    parent,
    format="auto",
    update=False,
    rules=None,
    plan=None,
):
    """Analyse a source and return ``(document, record, corrections_applied)``.

    ``document`` is the importer's plan document with the corrections stored for this
    identity applied; ``record`` the existing import of this identity under ``parent``,
    or None. Raises :class:`ImportIdentityError` for a source whose content differs from
    what was imported under its identity unless ``update`` is true. ``plan``, when
    given, is the source already analysed (``data`` is then not read).
    """

    if plan is None:
        plan = analyse(data, name, format=format, rules=rules)
    plan = annotate_plan(plan)
    plan.source.url = web_url(plan.source.url)
    plan.source.identity = source_identity(
        name, plan.source.sha256, identity=identity, url=plan.source.url, path=path
    )
    # No hub yet means no import under it yet.
    record = (
        _record_for(parent, plan.source.identity, plan.source.sha256, update)
        if parent is not None
        else None
    )
    document = plan_to_dict(plan)
    applied = apply_corrections(document, record.corrections) if record else []
    document["corrections"] = applied
    return document, record, applied


def preview_actions(document: dict, record=None) -> dict:
    """Fill in each page's ``action`` (and ``id``) as writing the document would decide.

    ``create`` a new page; ``update`` a page this import wrote before; ``link`` a page of
    that name that exists already and is not this import's (linked to, not changed), or
    one left out or mapped to an existing page when that page exists; ``suggest`` one
    left out with no page to link to.
    """
    from ..importer.plan import PagePlan
    from .writer import EntityIndex

    index = EntityIndex().load(plan_from_dict(document))
    for page in document.get("pages", []):
        if page.get("page_id"):
            page["action"], page["id"] = "link", page["page_id"]
            continue
        pk = index.find(
            PagePlan(
                kind=page["kind"],
                title=page["title"],
                alternate_names=list(page.get("alternate_names") or []),
            )
        )
        page["id"] = pk
        if not page.get("include", True):
            page["action"] = "link" if pk else "suggest"
            continue
        if pk is None:
            page["action"] = "create"
            continue
        imported = index.imported.get(pk)
        if imported is not None and record is not None and imported.record_id == record.pk:
            page["action"] = "update"
            page["reason"] = " ".join(
                [page.get("reason", ""), _("Imported from this article before: it is updated.")]
            ).strip()
        else:
            page["action"] = "link"
            page["reason"] = " ".join(
                [
                    page.get("reason", ""),
                    _("A page of this name exists already: it is linked to, not changed."),
                ]
            ).strip()
    return document


def planned_kind_changes(document: dict, record, *, user=None, publish=False) -> list[dict]:
    """What writing ``document`` would do with each page this import wrote before under
    another kind: the changes :func:`.changes.kind_changes` decides, as the writer would
    meet them (pages it would create, ``user`` writing, publishing or not)."""
    from .changes import kind_changes
    from .writer import EntityIndex, page_models

    if record is None or record.pk is None or record.parent_id is None:
        return []
    plan = plan_from_dict(document)
    index = EntityIndex().load(plan)
    created = [
        page
        for page in plan.pages
        if page.include
        and not page.page_id
        and page.kind in page_models()
        and index.find(page) is None
    ]
    found = kind_changes(created, record, parent=record.parent, user=user, publish=publish)
    return [change for _page, _old, change in found]


def prepare_import(
    data,
    name,
    *,
    identity=None,
    parent=None,
    user=None,
    format="auto",
    update=False,
    path=None,
    replace_pending=False,
):
    """Read a source and store its proposed plan with a pending import record.

    ``data`` is bytes, a binary file or a path; ``name`` the name shown to editors;
    ``identity`` what the import is keyed by (see :func:`source_identity`); ``parent``
    the hub (None: the site's hub). Checks ``user``'s rights first. Returns the
    :class:`ImportRecord` with ``status="pending"`` and ``plan`` set. Raises
    :class:`ImportPermissionError`, :class:`ImportIdentityError`,
    :class:`ImportUnchanged` (same content imported already; pass ``update=True`` to
    review it again), :class:`ImportSourceError` (bad source).

    A pending import of the same identity is reused (its saved corrections kept when
    the content is the same). With ``replace_pending`` (an upload), a pending import
    ``user`` made from a file of the same name under the same hub that never wrote
    anything is replaced rather than left beside the new one.
    """
    from ..models import ImportRecord

    check_import_permissions(user, parent)
    with transaction.atomic():
        parent = _hub(parent)
        document, record, _applied = proposed_plan(
            data, name, identity=identity, path=path, parent=parent, format=format, update=update
        )
        source = document["source"]
        if (
            record is not None
            and record.status == ImportRecord.Status.IMPORTED
            and record.sha256 == source["sha256"]
            and not update
        ):
            raise ImportUnchanged(
                _("%(name)s was imported already and has not changed.") % {"name": name},
                record,
            )
        preview_actions(document, record)
        if record is None:
            if replace_pending:
                _forget_unwritten_uploads(parent, source, user)
            record = ImportRecord(parent=parent, identity=source["identity"])
        elif record.status != ImportRecord.Status.PENDING:
            # Reviewed again: keep the import as it stands, to put back on discard.
            record.previous = _snapshot(record)
        if record.sha256 != source["sha256"]:
            # Saved corrections belong to the content they were made on.
            record.draft_plan = None
        record.status = ImportRecord.Status.PENDING
        record.source_name = source["name"][:255]
        record.sha256 = source["sha256"]
        record.format = source["format"]
        record.title = document["title"][:255]
        record.plan = document
        record.user = user or record.user
        _count(record, document)
        record.save()
    return record


#: What reviewing an import again changes on its record, kept to be put back on discard.
SNAPSHOT_FIELDS = (
    "status",
    "source_name",
    "sha256",
    "format",
    "title",
    "plan",
    "created_count",
    "updated_count",
    "suggested_count",
    "flags_count",
    "user_id",
)


def _snapshot(record) -> dict:
    return {name: getattr(record, name) for name in SNAPSHOT_FIELDS}


def _forget_unwritten_uploads(parent, source, user) -> None:
    """Remove ``user``'s pending, never written imports of a file named like ``source``
    under ``parent``: an upload of a newer version replaces them."""
    from ..models import ImportRecord

    if user is None or not source.get("name"):
        return
    generated = source_identity(source["name"], source["sha256"])
    if source["identity"] != generated:
        return
    prefix = generated[: -len(source["sha256"][:16])]
    candidates = ImportRecord.objects.filter(
        parent=parent,
        user=user,
        status=ImportRecord.Status.PENDING,
        source_name=source["name"][:255],
        identity__startswith=prefix,
    )
    for record in candidates:
        if is_unwritten(record):
            logger.info("Pending import %s replaced by a new upload", record.pk)
            record.delete()


def is_unwritten(record) -> bool:
    """A pending import that has never written anything: discarding it forgets it."""
    return not (
        record.report or record.previous or record.created_pages.exists() or record.pages.exists()
    )


def pending_imports(*, stale=False):
    """Imports awaiting review; with ``stale``, those untouched for
    ``BACK_HEALTH["IMPORT_PENDING_DAYS"]`` days or more."""
    from datetime import timedelta

    from django.utils import timezone

    from ..conf import back_health_settings
    from ..models import ImportRecord

    records = ImportRecord.objects.filter(status=ImportRecord.Status.PENDING)
    if stale:
        days = back_health_settings.IMPORT_PENDING_DAYS
        records = records.filter(updated_at__lte=timezone.now() - timedelta(days=days))
    return records


def discard_review(record, user=None) -> str:
    """Abandon a pending import's review; no page is touched.

    An import that never wrote anything is forgotten (``"forgotten"``); a re-review of
    an article imported before is put back as it stood before the review, its saved
    corrections dropped (``"restored"``). Needs the right to import under the record's
    hub (:class:`ImportPermissionError`); raises :class:`ImportSetupError` when the
    import is not pending. Logged as ``back_health.discard_import``.
    """
    from wagtail.log_actions import log

    from ..models import ImportRecord

    with transaction.atomic():
        locked = ImportRecord.objects.select_for_update().filter(pk=record.pk).first()
        if locked is None or locked.status != ImportRecord.Status.PENDING:
            raise ImportSetupError(_("%(title)s is not awaiting review.") % {"title": str(record)})
        if user is not None and record.parent is not None:
            check_import_permissions(user, record.parent.specific)
        log(
            instance=locked,
            action="back_health.discard_import",
            user=user,
            data={"title": str(locked), "identity": locked.identity},
        )
        if is_unwritten(locked):
            locked.delete()
            return "forgotten"
        previous = dict(locked.previous or {})
        for name in SNAPSHOT_FIELDS:
            if name in previous:
                setattr(locked, name, previous[name])
        if locked.status == ImportRecord.Status.PENDING:
            # Written before but with no snapshot: say what it was, from its report.
            locked.status = _status_from_report(locked.report or {})
        locked.draft_plan = None
        locked.previous = {}
        locked.save()
    record.refresh_from_db()
    return "restored"


def _status_from_report(report) -> str:
    from ..models import ImportRecord

    if report.get("undo"):
        return ImportRecord.Status.UNDONE
    if report.get("status") == "failed":
        return ImportRecord.Status.FAILED
    return ImportRecord.Status.IMPORTED


def _count(record, document) -> None:
    actions = [
        page.get("action") if page.get("include", True) else "suggest"
        for page in document.get("pages", [])
    ]
    record.created_count = actions.count("create")
    record.updated_count = actions.count("update")
    record.suggested_count = actions.count("suggest")
    record.flags_count = len(document.get("flags", []))


def validate_page_ids(plan) -> None:
    """Every name mapped to an existing page points at a back-health page that exists."""
    from wagtail.models import Page

    from .writer import page_models

    wanted = {page.page_id for page in plan.pages if page.page_id is not None}
    if not wanted:
        return
    models = tuple(page_models().values())
    found = {
        page.pk: page
        for page in Page.objects.filter(pk__in=wanted).specific()
        if isinstance(page, models)
    }
    for page in plan.pages:
        if page.page_id is not None and page.page_id not in found:
            raise PlanError(
                _(
                    "Invalid plan: %(key)s is mapped to page %(id)s, which is not a condition, "
                    "cause or treatment page."
                )
                % {"key": page.key, "id": page.page_id}
            )


def write_document(
    record,
    document: dict,
    *,
    original: dict | None,
    user=None,
    publish=False,
    on_conflict="skip",
) -> ImportResult:
    """Write ``document`` under ``record``'s hub; store corrections, counts and report.

    ``original`` is the importer's proposal the document was edited from; the
    differences become corrections kept with the record. Raises :class:`PlanError`
    before writing for an invalid document; :class:`~.writer.ImportWriteError` (nothing
    written) when a page cannot be saved.
    """
    from wagtail.log_actions import log

    from ..models import ImportRecord
    from .writer import EntityIndex, deferred_index_updates, write_article

    if record.parent is None:
        raise ImportSetupError(
            _("The hub that %(title)s was imported under no longer exists.")
            % {"title": str(record)}
        )
    parent = record.parent.specific
    check_import_permissions(user, parent, publish=publish)
    plan = plan_from_dict(document)
    validate_page_ids(plan)
    new_corrections = diff_plans(original, document) if original is not None else []
    applied = list(document.get("corrections") or [])
    written: set[int] = set()
    with transaction.atomic(), deferred_index_updates(written):
        ImportRecord.objects.select_for_update().filter(pk=record.pk).first()
        record, ids = write_article(
            plan,
            parent=parent,
            index=EntityIndex(),
            publish=publish,
            on_conflict=on_conflict,
            user=user,
            record=record,
        )
        written.update(ids)
        record.corrections = merge_corrections(record.corrections or [], new_corrections)
        report = record_written(record, plan, merge_corrections(applied, new_corrections))
        log(
            instance=record,
            action="back_health.import_article",
            user=user,
            data={"created": record.created_count, "updated": record.updated_count},
        )
    from wagtail.models import Page

    return ImportResult(
        record=record,
        report=report,
        created=record.created_count,
        updated=record.updated_count,
        suggested=record.suggested_count,
        linked=sum(1 for page in report["pages"] if page["action"] == "link"),
        flags=record.flags_count,
        pages=list(Page.objects.filter(pk__in=ids).specific()),
        corrections_applied=applied,
    )


def record_written(record, plan, corrections) -> dict:
    """Store on ``record`` what was written from ``plan``: status, plan, report, counts.

    Returns the article's report, which lists the ``corrections`` applied.
    """
    from ..models import ImportRecord
    from .report import article_report

    plan.corrections = list(corrections)
    report = article_report(plan)
    actions = [page["action"] for page in report["pages"] if page["kind"] != "index"]
    record.report = report
    record.plan = plan_to_dict(plan)
    record.draft_plan = None
    record.previous = {}
    record.status = ImportRecord.Status.IMPORTED
    record.created_count = actions.count("create")
    record.updated_count = actions.count("update")
    record.suggested_count = actions.count("suggest")
    record.flags_count = len(report.get("flags", []))
    record.save()
    return report


def apply_import(record, plan=None, user=None, *, publish=False, on_conflict="skip"):
    """Write a pending import's plan, as the editor corrected it.

    ``plan`` is the edited plan document (default: the plan as the editor last saved
    it on the review screen, else the stored proposal).
    The differences from the proposal are stored as corrections and applied again
    when the same identity is imported next. Checks rights (add pages, publish when
    ``publish``) before anything is written. Returns an :class:`ImportResult`;
    raises :class:`ImportPermissionError`, :class:`PlanError` (one line, nothing
    written) or :class:`~.writer.ImportWriteError` (the record is marked ``failed``).
    """
    from ..models import ImportRecord
    from .writer import ImportWriteError

    if record.status != ImportRecord.Status.PENDING:
        raise ImportSetupError(
            _("%(title)s is not awaiting review (it is %(status)s).")
            % {"title": str(record), "status": record.get_status_display()}
        )
    original = record.plan
    document = plan if plan is not None else record.plan_under_review
    if document.get("source", {}).get("sha256") != original.get("source", {}).get("sha256"):
        raise PlanError(_("The plan was made from another version of the source."))
    try:
        return write_document(
            record,
            document,
            original=original,
            user=user,
            publish=publish,
            on_conflict=on_conflict,
        )
    except (ImportWriteError, DatabaseError) as error:
        logger.warning("Import of %s failed: %s", record.source_name, error)
        ImportRecord.objects.filter(pk=record.pk).update(
            status=ImportRecord.Status.FAILED,
            report={**(record.report or {}), "status": "failed", "error": str(error)},
        )
        record.refresh_from_db()
        raise


def undo_preview(record, user=None) -> UndoResult:
    """What :func:`undo_import` would remove and keep, without doing it (for a
    confirmation screen). Raises :class:`ImportSetupError` when ``record`` is not an
    imported article and :class:`ImportPermissionError` when ``user`` may not delete a
    page it would remove.
    """
    from ..models import ImportRecord
    from .changes import content_fingerprints

    if record.status != ImportRecord.Status.IMPORTED:
        raise ImportSetupError(
            _("Only an imported article can be undone; %(title)s is %(status)s.")
            % {"title": str(record), "status": record.get_status_display()}
        )
    pages = list(record.created_pages.all().specific().order_by("path"))
    imported = {
        row.page_id: row for row in record.imported_pages.filter(page__in=[p.pk for p in pages])
    }
    fingerprints = content_fingerprints([page.pk for page in pages])
    removable, kept = [], []
    for page in pages:
        row = imported.get(page.pk)
        reason = _kept_reason(page, row, fingerprints.get(page.pk))
        if reason:
            kept.append({"id": page.pk, "title": page.title, "reason": reason})
        else:
            removable.append(page)
    if user is not None:
        refused = [p for p in removable if not p.permissions_for_user(user).can_delete()]
        if refused:
            raise ImportPermissionError(
                _("%(user)s may not delete %(title)s, which undoing this import would remove.")
                % {"user": user.get_username(), "title": refused[0].title}
            )
    result = UndoResult(record=record, kept=kept)
    result.removed = [{"id": page.pk, "title": page.title} for page in removable]
    result.pages = removable
    return result


def undo_import(record, user=None) -> UndoResult:
    """Remove the pages ``record`` created that no editor has touched since.

    A page is kept (and listed with the reason) when it is published, was changed
    since the import (a later revision or different stored content), or now belongs
    to another import. Needs delete rights on every page it removes, checked before
    anything is removed (:class:`ImportPermissionError`). Each removal is logged by
    Wagtail; the record becomes ``undone``.
    """
    from wagtail.actions.delete_page import DeletePageAction
    from wagtail.log_actions import log

    from ..models import ImportRecord

    with transaction.atomic():
        # Decide under a lock of the record, so two undos of one import take turns.
        locked = ImportRecord.objects.select_for_update().filter(pk=record.pk).first()
        record.status = locked.status if locked else record.status
        preview = undo_preview(record, user)
        removed, kept = preview.removed, preview.kept
        for page in preview.pages:
            DeletePageAction(page, user=user).execute(skip_permission_checks=True)
        record.status = ImportRecord.Status.UNDONE
        record.report = {**(record.report or {}), "undo": {"removed": removed, "kept": kept}}
        record.save(update_fields=["status", "report", "updated_at"])
        log(instance=record, action="back_health.undo_import", user=user)
    return UndoResult(record=record, removed=removed, kept=kept)


def _kept_reason(page, row, fingerprint) -> str:
    if page.live:
        return _("It is published.")
    if row is None:
        return _("It now belongs to another import.")
    if page.latest_revision_id != row.revision_id or (
        row.content_hash and fingerprint != row.content_hash
    ):
        return _("An editor changed it since the import.")
    return ""


def save_plan(data, name, *, identity=None, path=None, parent=None, format="auto", update=False):
    """The plan document an import of this source would write, corrections applied.

    Writes nothing. ``parent`` None means the site's hub (its corrections apply when
    it exists).
    """
    parent = parent if parent is not None else find_hub()
    document, record, _applied = proposed_plan(
        data, name, identity=identity, path=path, parent=parent, format=format, update=update
    )
    return preview_actions(document, record)


def apply_plan(
    document,
    *,
    data=None,
    name=None,
    path=None,
    identity=None,
    parent=None,
    user=None,
    publish=False,
    on_conflict="skip",
    update=False,
    format="auto",
) -> ImportResult:
    """Write a plan document made by :func:`save_plan` (and edited) exactly.

    With the source (``data`` and ``name``), the plan must match it (same SHA-256
    and name) and the editor's corrections (the plan's differences from what the
    importer proposes now) are stored to be applied again on the next import; without
    it, the plan is written as it is and nothing new is remembered. Rights are checked
    first; everything is validated before anything is written; raises
    :class:`ImportPermissionError`, :class:`PlanError`, :class:`ImportIdentityError` or
    :class:`~.writer.ImportWriteError` (nothing written).
    """
    from ..models import ImportRecord

    check_import_permissions(user, parent, publish=publish)
    if not isinstance(document, dict):
        raise PlanError(_("Invalid plan: the plan must be an object."))
    with transaction.atomic():
        parent = _hub(parent)
        original = None
        if data is not None:
            original, record, _applied = proposed_plan(
                data,
                name,
                identity=identity or document.get("source", {}).get("identity") or None,
                path=path,
                parent=parent,
                format=format,
                update=update,
            )
            plan_from_dict(document, source=plan_from_dict(original).source)
            document = {**document, "source": original["source"]}
        else:
            plan = plan_from_dict(document)
            source_identity_ = identity or plan.source.identity
            if not source_identity_:
                raise PlanError(_("Invalid plan: source.identity is missing; give the source."))
            document = {
                **document,
                "source": {**document["source"], "identity": source_identity_},
            }
            record = _record_for(parent, source_identity_, plan.source.sha256, update)
        source = document["source"]
        if record is None:
            record = ImportRecord.objects.create(
                parent=parent,
                identity=source["identity"],
                source_name=source["name"][:255],
                sha256=source["sha256"],
                format=source.get("format") or "",
                status=ImportRecord.Status.PENDING,
                user=user,
            )
        else:
            record.sha256 = source["sha256"]
            record.source_name = source["name"][:255]
        return write_document(
            record,
            document,
            original=original,
            user=user,
            publish=publish,
            on_conflict=on_conflict,
        )


__all__ += [
    "ImportSourceError",
    "proposed_plan",
    "web_url",
    "write_document",
    "save_plan",
    "apply_plan",
]
