"""The import service: the one entry point the command, the admin and the task call."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import DatabaseError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..conf import back_health_settings
from ..importer import pipeline
from ..importer.document import Decision
from ..importer.errors import ImportSourceError
from ..importer.load import load_source
from ..importer.pipeline import UNSUPPORTED_LANGUAGE  # noqa: F401 - part of this module's API
from ..importer.plan import PAGE_KINDS, ArticlePlan, PagePlan, RelationPlan, SourceInfo
from .registry import get_import_rules
from .report import build_report
from .writer import (
    EntityIndex,
    ImportWriteError,
    deferred_index_updates,
    lock_names,
    write_article,
)

logger = logging.getLogger(__name__)


class ImportSetupError(Exception):
    """The run cannot start (bad parent, unknown user...); nothing was written."""


@dataclass
class Source:
    """One article to import: a name and its bytes (or an open binary file or a path).

    Bulk sources (:mod:`back_health.imports.sources`) fill in ``error`` for a member
    that cannot be read, so it is reported as failed while the others go on, and
    ``metadata`` with what an export said about the article (WordPress: author, date).

    ``identity`` is what the import is keyed by under its hub (the user's choice);
    when empty it is the article's http(s) address, else ``path``, else the name with
    the start of the content's hash (see ``review.source_identity``).
    """

    name: str
    data: object
    error: str = ""
    metadata: dict = field(default_factory=dict)
    identity: str = ""
    #: The file the source was read from, when it was one (its default identity).
    path: str = ""


def analyse(data, name, *, format="auto", rules=None) -> ArticlePlan:
    """Load, parse, clean and classify one source, without touching the database.

    The pure :func:`back_health.importer.pipeline.analyse` with the site's rule set
    (settings and hooks), size limit and languages, its wording translated.
    Raises :class:`ImportSourceError` with a one-line message for bad input.
    """
    loaded = load_source(data, name, max_bytes=back_health_settings.IMPORT_MAX_BYTES, format=format)
    return analyse_loaded(loaded, rules=rules)


def analyse_loaded(loaded, *, rules=None) -> ArticlePlan:
    """Parse, clean and classify a source :func:`load_source` has read."""
    return pipeline.analyse_loaded(
        loaded,
        rules=rules if rules is not None else get_import_rules(),
        languages=supported_languages(),
        gettext=_,
    )


def supported_languages() -> frozenset[str]:
    """The languages the import rules cover (``BACK_HEALTH["IMPORT_LANGUAGES"]``)."""
    return frozenset(code.lower() for code in back_health_settings.IMPORT_LANGUAGES)


def failed_plan(name, error, *, data=None) -> ArticlePlan:
    import hashlib

    raw = data if isinstance(data, bytes) else b""
    return ArticlePlan(
        source=SourceInfo(
            name=name, sha256=hashlib.sha256(raw).hexdigest(), format="", bytes=len(raw)
        ),
        title="",
        status="failed",
        error=str(error),
    )


def find_hub(site=None):
    """The Back health hub of ``site`` (default site when None), or None."""
    from wagtail.models import Site

    from ..models import BackHealthIndexPage

    site = site or Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    return BackHealthIndexPage.objects.descendant_of(site.root_page, inclusive=True).first()


def resolve_parent(spec):
    """The page to import under, from an id or a URL path; None means the default hub."""
    from wagtail.models import Page, Site

    from ..models import ConditionPage

    if spec in (None, ""):
        return None
    spec = str(spec).strip()
    if spec.isdigit():
        page = Page.objects.filter(pk=int(spec)).first()
    else:
        path = "/" + spec.strip("/") + "/" if spec.strip("/") else "/"
        page = Page.objects.filter(url_path=path).first()
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if page is None and site is not None:
            page = Page.objects.filter(url_path=site.root_page.url_path + path.lstrip("/")).first()
    if page is None:
        raise ImportSetupError(_("No page found for --parent %(spec)s.") % {"spec": spec})
    page = page.specific
    if not ConditionPage.can_exist_under(page):
        raise ImportSetupError(
            _("%(title)s (%(type)s) cannot hold condition pages; choose a Back health hub.")
            % {"title": page.title, "type": page._meta.verbose_name}
        )
    return page


def find_or_create_hub():
    """The default site's hub and whether this call created it.

    Two imports starting at once on a site without a hub make one hub: creation
    takes a lock on the site and looks again inside it.
    """
    hub = find_hub()
    if hub is not None:
        return hub, False
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise ImportSetupError(_("No default site: create a site or pass --parent."))
    with transaction.atomic():
        lock_names([f"hub:{site.root_page_id}"])
        hub = find_hub(site)
        if hub is not None:
            return hub, False
        return create_hub(site), True


def create_hub(site=None):
    from wagtail.models import Site

    from ..models import BackHealthIndexPage

    site = site or Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise ImportSetupError(_("No default site: create a site or pass --parent."))
    root = site.root_page.specific
    hub = BackHealthIndexPage(
        title=str(back_health_settings.INDEX_TITLE),
        slug=slugify(back_health_settings.INDEX_SLUG),
        live=True,
    )
    root.add_child(instance=hub)
    hub.save_revision(log_action=True).publish()
    return hub


def resolve_user(username):
    if not username:
        return None
    from django.contrib.auth import get_user_model

    User = get_user_model()
    try:
        return User.objects.get(**{User.USERNAME_FIELD: username})
    except User.DoesNotExist:
        raise ImportSetupError(_("No user called %(name)s.") % {"name": username}) from None


def _unchanged(plan: ArticlePlan, record) -> bool:
    return (
        record is not None
        and record.status == "imported"
        and record.sha256 == plan.source.sha256
        and bool(record.report)
    )


def _unchanged_plan(plan: ArticlePlan, record) -> ArticlePlan:
    """The stored outcome of an unchanged source, every page marked unchanged."""
    from wagtail.models import Page

    plan.status = "unchanged"
    index = EntityIndex().load(plan)
    existing = {page.pk: page for page in Page.objects.filter(pk__in=record.pages.values("pk"))}
    for page in plan.pages:
        found = existing.get(page.page_id or index.find(page))
        if found is not None:
            page.id, page.slug = found.pk, found.slug
            page.url_path, page.live = found.url_path, found.live
        if page.include and page.page_id is None:
            page.action = "unchanged"
        else:
            # Left out or mapped to another page: linked to when it exists, never written.
            page.action = "link" if found is not None else "suggest"
    return plan


def import_sources(
    sources: Iterable[Source],
    *,
    parent=None,
    format="auto",
    dry_run=False,
    publish=False,
    on_conflict="skip",
    user=None,
    update=False,
    progress: Callable[[int, int, ArticlePlan], None] | None = None,
    total: int | None = None,
) -> dict:
    """Import every source; return the JSON-able report.

    Each article is written and committed in its own transaction: one that fails
    is reported and rolled back, the others go on, and imports running alongside
    (other processes, workers) see each article as soon as it is done. A dry run
    does everything inside one transaction that is rolled back at the end, so it
    works on an empty database and writes nothing. ``sources`` may be a generator;
    pass ``total`` for the progress callback when it has no length.

    ``user``'s rights to add (and, with ``publish``, to publish) pages under the
    parent are checked before anything is read (``review.ImportPermissionError``).
    An article whose content differs from what was imported under its identity
    fails unless ``update`` is true. Corrections editors made to an earlier import
    of the same identity are applied again.
    """
    from .review import check_import_permissions

    check_import_permissions(user, parent, publish=publish and not dry_run)
    if total is None:
        sources = list(sources)
        total = len(sources)
    # Compiled on first need: a run of unchanged sources never parses, so never needs them.
    rules = functools.cache(get_import_rules)
    options = dict(
        format=format,
        rules=rules,
        publish=publish,
        on_conflict=on_conflict,
        user=user,
        update=update,
    )
    if dry_run:
        with transaction.atomic():
            if parent is None:
                parent = find_hub()
                hub_created = parent is None
                parent = create_hub() if hub_created else parent
            else:
                hub_created = False
            plans = _import_all(sources, parent, hub_created, total, progress, True, options)
            transaction.set_rollback(True)
        return build_report(plans, dry_run=True)
    hub_created = False
    if parent is None:
        parent, hub_created = find_or_create_hub()
    plans = _import_all(sources, parent, hub_created, total, progress, False, options)
    if hub_created and not any(p.status == "imported" for p in plans):
        # A run where every article failed leaves no empty hub behind.
        _remove_empty_hub(parent)
    return build_report(plans, dry_run=False)


def _import_all(sources, parent, hub_created, total, progress, dry_run, options):
    plans: list[ArticlePlan] = []
    hub_reported = False
    for number, source in enumerate(sources, start=1):
        with deferred_index_updates(discard=dry_run):
            plan = _import_one(source, parent=parent, dry_run=dry_run, **options)
        if hub_created and plan.status != "failed" and not hub_reported:
            plan.pages.insert(0, _hub_page(parent, dry_run))
            hub_reported = True
        plans.append(plan)
        if progress:
            progress(number, total, plan)
    return plans


def _remove_empty_hub(hub):
    with transaction.atomic():
        hub = type(hub).objects.select_for_update().filter(pk=hub.pk).first()
        if hub is not None and not hub.get_children().exists():
            hub.delete()


def _hub_page(hub, dry_run):
    return PagePlan(
        kind="index",
        title=hub.title,
        slug=hub.slug,
        action="create",
        id=None if dry_run else hub.pk,
        url_path=hub.url_path,
        live=not dry_run,
    )


def _import_one(
    source, *, parent, format, rules, dry_run, publish, on_conflict, user, update=False
):
    from .plan_document import PlanError, plan_from_dict
    from .review import ImportIdentityError, proposed_plan

    if source.error:
        return failed_plan(source.name, source.error)
    try:
        loaded = load_source(
            source.data, source.name, max_bytes=back_health_settings.IMPORT_MAX_BYTES, format=format
        )
        unchanged = _stored_unchanged(loaded, parent, source.identity)
        if unchanged is not None:
            return unchanged
        plan = analyse_loaded(loaded, rules=rules())
        if plan.status == "skipped":
            return plan  # reported with its flag; nothing to write
        _apply_metadata(plan, source.metadata)
        # The importer's plan with the corrections stored for this identity applied.
        document, record, applied = proposed_plan(
            None,
            source.name,
            identity=source.identity,
            path=source.path,
            parent=parent,
            update=update,
            plan=plan,
        )
        plan = plan_from_dict(document)
    except (ImportSourceError, ImportIdentityError, PlanError) as error:
        return failed_plan(source.name, error, data=source.data)
    if _unchanged(plan, record):
        return _unchanged_plan(plan, record)
    try:
        with transaction.atomic():
            record, ids = write_article(
                plan,
                parent=parent,
                index=EntityIndex(),
                publish=publish,  # a dry run never publishes; it tells what publishing does
                on_conflict=on_conflict,
                user=user,
                dry_run=dry_run,
            )
            if record is not None:
                from .review import record_written

                record_written(record, plan, applied)
    except (ImportWriteError, DatabaseError) as error:
        logger.warning("Import of %s failed: %s", source.name, error)
        plan.status, plan.error = "failed", str(error)
        for page in plan.pages:
            page.action, page.id = "skip", None
    return plan


def _apply_metadata(plan: ArticlePlan, metadata: dict):
    """What a bulk export said about the article: its address, author and date."""
    if metadata.get("url") and not plan.source.url:
        plan.source.url = metadata["url"]
    for key in ("author", "published"):
        if metadata.get(key):
            plan.decisions.append(
                Decision(part=key, as_=str(metadata[key]), because="stated by the export")
            )


def _stored_unchanged(loaded, parent, identity="") -> ArticlePlan | None:
    """The stored outcome when these exact bytes were imported before under this hub:
    found by hash before any parsing, so an unchanged re-import costs a load and two
    queries."""
    from wagtail.models import Page

    from ..models import ImportRecord

    records = ImportRecord.objects.filter(
        parent=parent,
        source_name=loaded.name,
        sha256=loaded.sha256,
        status=ImportRecord.Status.IMPORTED,
    )
    if identity:
        records = records.filter(identity=identity)
    record = records.exclude(report={}).first()
    if record is None or not record.report.get("pages"):
        return None
    report = record.report
    plan = ArticlePlan(
        source=SourceInfo(
            name=loaded.name,
            sha256=loaded.sha256,
            format=loaded.format,
            bytes=loaded.bytes,
            url=record.identity if record.identity.startswith(("http://", "https://")) else "",
            identity=record.identity,
        ),
        title=report.get("title", record.title),
        status="unchanged",
    )
    pages = {page.pk: page for page in Page.objects.filter(pk__in=record.pages.values("pk"))}
    for stored in report["pages"]:
        if stored.get("kind") not in PAGE_KINDS or stored.get("kind") == "index":
            continue
        relations = stored.get("relations") or {}
        page = PagePlan(
            kind=stored["kind"],
            title=stored["title"],
            summary=stored.get("summary", ""),
            alternate_names=list(stored.get("alternate_names") or []),
            causes=[RelationPlan(t, "cause") for t in relations.get("causes", [])],
            treatments=[RelationPlan(t, "treatment") for t in relations.get("treatments", [])],
            related_conditions=[
                RelationPlan(t, "condition") for t in relations.get("related_conditions", [])
            ],
            action="unchanged",
            key=stored.get("key", ""),
        )
        if stored.get("action") in ("suggest", "link"):
            # Left out of the import: still only linked to or suggested.
            page.action, page.include = stored["action"], False
        found = pages.get(stored.get("id"))
        if found is not None:
            page.id, page.slug, page.url_path, page.live = (
                found.pk,
                found.slug,
                found.url_path,
                found.live,
            )
        plan.pages.append(page)
    return plan
