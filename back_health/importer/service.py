"""The import service: the one entry point the command, the admin and the task call."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import DatabaseError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..conf import back_health_settings
from .classify import classify
from .clean import clean_document
from .document import Flag
from .errors import ImportSourceError
from .load import load_source
from .parse import parse_document
from .plan import ArticlePlan, PagePlan, SourceInfo
from .registry import get_import_rules
from .report import build_report
from .writer import EntityIndex, ImportWriteError, deferred_index_updates, write_article

logger = logging.getLogger(__name__)


class ImportSetupError(Exception):
    """The run cannot start (bad parent, unknown user...); nothing was written."""


@dataclass
class Source:
    """One article to import: a name and its bytes (or an open binary file)."""

    name: str
    data: object


def analyse(data, name, *, format="auto", rules=None) -> ArticlePlan:
    """Load, parse, clean and classify one source, without touching the database.

    Raises :class:`ImportSourceError` with a one-line message for bad input.
    """
    loaded = load_source(data, name, max_bytes=back_health_settings.IMPORT_MAX_BYTES, format=format)
    document = clean_document(parse_document(loaded.text, loaded.format))
    source = SourceInfo(
        name=name,
        sha256=loaded.sha256,
        format=loaded.format,
        bytes=loaded.bytes,
        url=getattr(document, "url", "") or "",
    )
    supported = supported_languages()
    if document.language not in supported:
        return unsupported_language_plan(document, source, supported)
    return classify(document, source, rules=rules if rules is not None else get_import_rules())


#: Flag kind of an article written in a language the import rules do not cover.
UNSUPPORTED_LANGUAGE = "unsupported_language"


def supported_languages() -> frozenset[str]:
    """The languages the import rules cover (``BACK_HEALTH["IMPORT_LANGUAGES"]``)."""
    return frozenset(code.lower() for code in back_health_settings.IMPORT_LANGUAGES)


def unsupported_language_plan(document, source: SourceInfo, supported) -> ArticlePlan:
    """A plan with no pages and a clear flag: rules written for one language would turn
    an article in another into junk pages."""
    message = _(
        "The article is in %(language)s; the import rules cover %(supported)s. "
        "Nothing was planned: add rules for this language (see the README) to import it."
    ) % {"language": document.language, "supported": ", ".join(sorted(supported))}
    return ArticlePlan(
        source=source,
        title=document.title,
        dropped=list(document.dropped),
        flags=[
            *document.flags,
            Flag(kind=UNSUPPORTED_LANGUAGE, text=message, language=document.language),
        ],
        repairs=list(document.repairs),
        status="skipped",
        error=message,
    )


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


def create_hub():
    from wagtail.models import Site

    from ..models import BackHealthIndexPage

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
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
    return record is not None and record.sha256 == plan.source.sha256 and bool(record.report)


def _unchanged_plan(plan: ArticlePlan, record) -> ArticlePlan:
    """The stored outcome of an unchanged source, every page marked unchanged."""
    from wagtail.models import Page

    plan.status = "unchanged"
    index = EntityIndex()
    existing = {page.pk: page for page in Page.objects.filter(pk__in=record.pages.values("pk"))}
    for page in plan.pages:
        found = existing.get(index.find(page))
        if found is not None:
            page.id, page.slug = found.pk, found.slug
            page.url_path, page.live = found.url_path, found.live
        page.action = "unchanged"
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
    progress: Callable[[int, int, ArticlePlan], None] | None = None,
) -> dict:
    """Import every source; return the JSON-able report.

    Each article is independent: one that fails is reported and rolled back,
    the others go on. A dry run does everything inside a transaction that is
    rolled back at the end, so it works on an empty database and writes nothing.
    """
    sources = list(sources)
    rules = get_import_rules()
    plans: list[ArticlePlan] = []
    written: set[int] = set()
    with transaction.atomic():
        hub_created = hub_reported = False
        if parent is None:
            parent = find_hub()
            if parent is None:
                parent = create_hub()
                hub_created = True
        with deferred_index_updates(written):
            for number, source in enumerate(sources, start=1):
                plan = _import_one(
                    source,
                    parent=parent,
                    format=format,
                    rules=rules,
                    dry_run=dry_run,
                    publish=publish,
                    on_conflict=on_conflict,
                    user=user,
                    written=written,
                )
                if hub_created and plan.status != "failed" and not hub_reported:
                    plan.pages.insert(0, _hub_page(parent, dry_run))
                    hub_reported = True
                plans.append(plan)
                if progress:
                    progress(number, len(sources), plan)
            if dry_run:
                written.clear()
        if dry_run or (hub_created and not any(p.status == "imported" for p in plans)):
            # A dry run writes nothing; a run where every article failed leaves no empty hub.
            transaction.set_rollback(True)
    return build_report(plans, dry_run=dry_run)


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


def _import_one(source, *, parent, format, rules, dry_run, publish, on_conflict, user, written):
    try:
        plan = analyse(source.data, source.name, format=format, rules=rules)
    except ImportSourceError as error:
        return failed_plan(source.name, error, data=source.data)
    if plan.status == "skipped":
        return plan  # reported with its flag; nothing to write
    from ..models import ImportRecord

    record = ImportRecord.objects.filter(source_key=plan.source.url or plan.source.name).first()
    if _unchanged(plan, record):
        return _unchanged_plan(plan, record)
    try:
        with transaction.atomic():
            record, ids = write_article(
                plan,
                parent=parent,
                index=EntityIndex(),
                publish=publish and not dry_run,
                on_conflict=on_conflict,
                user=user,
                dry_run=dry_run,
            )
            if record is not None:
                from .report import article_report

                record.report = article_report(plan)
                record.save(update_fields=["report"])
            written.update(ids)
    except (ImportWriteError, DatabaseError) as error:
        logger.warning("Import of %s failed: %s", source.name, error)
        plan.status, plan.error = "failed", str(error)
        for page in plan.pages:
            page.action, page.id = "skip", None
    return plan
