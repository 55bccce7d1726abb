"""Write an ArticlePlan to the database: the only stage that touches it.

One transaction per article. Pages are found again by the importer's own
records and by normalised name and alternate names, so re-imports are
idempotent and a second article that mentions massage links to the existing
massage page. A page an editor changed since its import is never overwritten
unless asked.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, replace
from functools import cache

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from ..conf import back_health_settings
from ..importer.document import Decision, Repair
from ..importer.lead import body_after_lead
from ..importer.names import entity_key as normalise_name
from ..importer.plan import Action, ArticlePlan, Kind, PagePlan
from .richtext import to_db_html

logger = logging.getLogger(__name__)

CONFLICT_POLICIES = ("skip", "draft", "overwrite")


class ImportWriteError(Exception):
    """A plan could not be written; nothing of its article was saved."""


def page_models():
    from ..models import CausePage, ConditionPage, TreatmentPage

    return {"condition": ConditionPage, "cause": CausePage, "treatment": TreatmentPage}


def entity_key(kind, title):
    return f"{kind}:{normalise_name(title)}"


def plan_hash(page: PagePlan) -> str:
    """A fingerprint of what the importer would write to a page."""
    data = asdict(page)
    for key in ("action", "id", "url_path", "live", "slug"):
        data.pop(key, None)
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


class EntityIndex:
    """The existing pages an article names, by kind and normalised name.

    :meth:`load` asks the database for the article's candidate names only (two
    indexed queries and one for the importer's records), so resolving names costs
    the same on an empty site and on one with ten thousand pages. The writer loads
    it after taking the article's name locks, so it sees what a concurrent import
    of the same names committed.
    """

    def __init__(self):
        self.by_name: dict[tuple[str, str], int] = {}
        self.imported: dict[int, object] = {}
        self.imported_by_key: dict[str, int] = {}

    def load(self, plan: ArticlePlan):
        from ..models import EntityName, ImportedPage

        wanted = candidate_names(plan)
        if not wanted:
            return self
        keys = [f"{kind}:{name}" for kind, name in wanted]
        for key, page_id in (
            ImportedPage.objects.filter(entity_key__in=keys)
            .order_by("page_id")
            .values_list("entity_key", "page_id")
        ):
            self.imported_by_key.setdefault(key, page_id)
        names_by_kind: dict[str, set[str]] = {}
        for kind, name in wanted:
            names_by_kind.setdefault(kind, set()).add(name)
        query = None
        for kind, names in names_by_kind.items():
            clause = Q(kind=kind, name__in=sorted(names))
            query = clause if query is None else query | clause
        for kind, name, page_id in (
            EntityName.objects.filter(query)
            .order_by("page_id")
            .values_list("kind", "name", "page_id")
        ):
            self.by_name.setdefault((kind, name), page_id)
        found = set(self.by_name.values()) | set(self.imported_by_key.values())
        for imported in ImportedPage.objects.filter(page_id__in=found):
            self.imported[imported.page_id] = imported
        return self

    def find(self, page: PagePlan) -> int | None:
        key = entity_key(page.kind, page.title)
        if key in self.imported_by_key:
            return self.imported_by_key[key]
        for name in [page.title, *page.alternate_names]:
            pk = self.by_name.get((page.kind, normalise_name(name)))
            if pk:
                return pk
        return None

    def add(self, page: PagePlan, pk: int):
        for name in [page.title, *page.alternate_names]:
            self.by_name.setdefault((page.kind, normalise_name(name)), pk)


#: The kinds of page a relation may point at, tried in order.
RELATION_KINDS = {
    "causes": ("cause", "condition"),
    "treatments": ("treatment",),
    "related_conditions": ("condition",),
}


def candidate_names(plan: ArticlePlan) -> set[tuple[str, str]]:
    """Every ``(kind, normalised name)`` the plan's pages and relations may resolve to."""
    wanted = set()
    for page in plan.pages:
        for name in [page.title, *page.alternate_names]:
            if name and name.strip():
                wanted.add((page.kind, normalise_name(name)))
        for field, kinds in RELATION_KINDS.items():
            for relation in getattr(page, field):
                wanted.update((kind, normalise_name(relation.title)) for kind in kinds)
    return {(kind, name) for kind, name in wanted if name}


def source_identity_key(source) -> str:
    """What the plan's import record is keyed by under its hub (its identity, else as
    before identities: the origin URL or the name)."""
    return source.identity or source.url or source.name


def advisory_lock_id(key: str) -> int:
    """A stable signed 64-bit number for ``key``, as PostgreSQL's advisory locks take."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)


def lock_names(keys) -> None:
    """Hold transaction-level locks on ``keys`` until the transaction ends.

    PostgreSQL only (SQLite lets one writer in at a time anyway). The locks are taken
    in one statement in numeric order, so two imports wanting overlapping names never
    deadlock; imports sharing no name do not wait for each other.
    """
    if connection.vendor != "postgresql":
        return
    ids = sorted({advisory_lock_id(key) for key in keys})
    if not ids:
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(["pg_advisory_xact_lock(%s)"] * len(ids)), ids)


def article_lock_keys(plan: ArticlePlan) -> set[str]:
    """What an import of ``plan`` may create: its source record and its entities."""
    keys = {f"source:{source_identity_key(plan.source)}"}
    for page in plan.pages:
        for name in [page.title, *page.alternate_names]:
            if name and name.strip():
                keys.add("entity:" + entity_key(page.kind, name))
    return keys


def deferred_index_updates(written_page_ids: set[int] | None = None, *, discard=False):
    """See :func:`back_health.signal_handlers.deferred_index_updates`."""
    from ..signal_handlers import deferred_index_updates

    return deferred_index_updates(written_page_ids, discard=discard)


def _features(model, path):
    block = model._meta.get_field("body").stream_block
    for name in path:
        block = block.child_blocks[name]
        if hasattr(block, "child_block"):
            block = block.child_block
    return block.features


def _body_data(model, page: PagePlan, removals: list, blocks=None):
    """Raw StreamField data for the page body (``page.blocks`` unless ``blocks`` is
    given), rich text made safe per block."""
    data = []
    stream_block = model._meta.get_field("body").stream_block
    for block in page.blocks if blocks is None else blocks:
        if block.type not in stream_block.child_blocks:
            raise ImportWriteError(f"Unknown block type {block.type!r} for {page.title!r}")
        value = block.value
        if block.type == "paragraph":
            value, lost = to_db_html(value, _features(model, ["paragraph"]))
            removals.extend(lost)
            if not value.strip():
                continue
        elif block.type == "warning":
            value = dict(value)
            value["text"], lost = to_db_html(
                value.get("text", ""), _features(model, ["warning", "text"])
            )
            removals.extend(lost)
            value["items"] = list(value.get("items") or [])
        elif block.type == "exercise_list":
            value = dict(value)
            value["intro"], lost = to_db_html(
                value.get("intro", ""), _features(model, ["exercise_list", "intro"])
            )
            removals.extend(lost)
        elif block.type == "inset":
            value = dict(value)
            value["text"], lost = to_db_html(
                value.get("text", ""), _features(model, ["inset", "text"])
            )
            removals.extend(lost)
        data.append({"type": block.type, "value": value})
    return data


def _blocks_after_lead(page: PagePlan) -> list:
    """The page's blocks without the summary's sentences at the start of the body: the
    classifier takes them out of its own plans, and an editor's plan gets the same."""
    blocks = list(page.blocks)
    cut = body_after_lead(blocks, page.summary)
    if cut is not None:
        index, remaining = cut
        blocks[index] = replace(blocks[index], value=remaining)
    return blocks


def _sources_data(source_info):
    # An uploaded file's name is no citation for readers; it stays in the ImportRecord.
    if not source_info.url.lower().startswith(("http://", "https://")):
        return []
    return [{"type": "source", "value": {"title": source_info.name, "url": source_info.url}}]


def _apply_fields(instance, model, page: PagePlan, plan: ArticlePlan, removals: list):
    from ..models import BodyRegion

    instance.title = page.title
    instance.draft_title = page.title
    instance.summary = page.summary[: back_health_settings.SUMMARY_MAX_LENGTH]
    instance.alternate_names = "\n".join(page.alternate_names)
    instance.body = _body_data(model, page, removals, _blocks_after_lead(page))
    if not instance.sources.raw_data:
        instance.sources = _sources_data(plan.source)
    if page.kind == "treatment":
        instance.treatment_kind = page.treatment_kind or "other"
        if page.treatment_kind == "medicine" and page.medicines:
            instance.generic_name = page.medicines[0].generic
            instance.brand_names = "\n".join(
                brand for medicine in page.medicines for brand in medicine.brands
            )
    if page.body_regions:
        regions = BodyRegion.objects.filter(slug__in=page.body_regions)
        instance.body_regions = list(regions)


def _error_text(data, path=""):
    """Flatten Wagtail's nested block error data into "body[3].heading: required"."""
    parts = []
    if isinstance(data, dict):
        for message in data.get("messages", []):
            parts.append(f"{path}: {message}" if path else str(message))
        for key, child in (data.get("blockErrors") or {}).items():
            parts.extend(
                _error_text(child, f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}")
            )
    elif isinstance(data, list):
        for item in data:
            parts.extend(_error_text(item, path))
    return parts


@cache
def _unchecked_fields(model) -> tuple[str, ...]:
    """Fields the writer sets itself or Wagtail checks on save (slug): relations (checking them
    costs a query each and the database enforces them), tree and URL fields."""
    names = {"path", "depth", "numchild", "url_path", "slug"}
    names.update(f.name for f in model._meta.get_fields() if f.is_relation and f.concrete)
    return tuple(sorted(names))


def _invalid(instance, error) -> ImportWriteError:
    from wagtail.blocks.stream_block import StreamBlockValidationError

    if isinstance(error, StreamBlockValidationError):
        detail = "; ".join(_error_text(error.as_json_data(), "body")) or str(error)
    else:
        detail = "; ".join(
            f"{field}: {' '.join(str(m) for m in messages)}"
            for field, messages in getattr(error, "message_dict", {"": error.messages}).items()
        )
    return ImportWriteError(f"{instance.title!r} is not valid: {detail}")


def _validate(instance, model):
    """Field and block validation without a query: Wagtail's save checks the slug."""
    try:
        instance.clean_fields(exclude=_unchecked_fields(model))
        model._meta.get_field("body").stream_block.clean(instance.body)
    except ValidationError as error:
        raise _invalid(instance, error) from error


def _allocate_slugs(parent, bases: list[str]) -> list[str]:
    """A free slug under ``parent`` for each base in turn, in one query for them all."""
    counts = {base: bases.count(base) for base in bases}
    tries = {
        base: [base] + [f"{base}-{n}" for n in range(2, 21 + count)]
        for base, count in counts.items()
    }
    taken = set(
        parent.get_children()
        .filter(slug__in=[slug for slugs in tries.values() for slug in slugs])
        .values_list("slug", flat=True)
    )
    result = []
    for base in bases:
        slug = next((s for s in tries[base] if s not in taken), None)
        if slug is None:
            # Twenty siblings share this name: rare enough to ask one by one.
            slug = find_available_slug(parent, base)
            suffix = 2
            while slug in taken:
                slug, suffix = f"{base}-x{suffix}", suffix + 1
        taken.add(slug)
        result.append(slug)
    return result


def _links_to_uncreated(page, conditions) -> int:
    """How many of the other new ``conditions`` that have no page yet ``page`` links to."""
    names = {normalise_name(r.title) for r in page.causes + page.related_conditions}
    names.discard(normalise_name(page.title))
    return sum(
        1
        for other in conditions
        if other is not page and other.id is None and normalise_name(other.title) in names
    )


def _carry_over(old, instance, page: PagePlan) -> None:
    """What a page keeps when its kind changes: the fields every back-health page shares
    that the plan does not set (review data, sources, body regions, extra names)."""
    for name in ("last_reviewed", "next_review_due", "reviewer_id"):
        setattr(instance, name, getattr(old, name))
    instance.sources = old.sources.raw_data
    names = list(page.alternate_names)
    for name in (old.alternate_names or "").splitlines():
        if name.strip() and name.strip() not in names:
            names.append(name.strip())
    page.alternate_names = names
    if not page.body_regions:
        page.body_regions = list(old.body_regions.values_list("slug", flat=True))


#: The relation models, and the page kinds their target may be.
def _relation_targets():
    from ..models import ConditionCause, ConditionTreatment, RelatedCondition

    return [
        (ConditionCause, "cause_links", RELATION_KINDS["causes"]),
        (ConditionTreatment, "treatment_links", RELATION_KINDS["treatments"]),
        (RelatedCondition, "related_links", RELATION_KINDS["related_conditions"]),
    ]


def _repoint_links(old_pk: int, new_pk: int, kind: str) -> None:
    """Links to ``old_pk`` that may point at a ``kind`` page now point at ``new_pk``, in
    the pages and in their latest revisions (so a draft does not bring the old link back);
    the others go with the old page."""
    from wagtail.models import Revision

    for model, field, kinds in _relation_targets():
        if kind not in kinds:
            continue
        sources = list(model.objects.filter(target_id=old_pk).values_list("page_id", flat=True))
        model.objects.filter(target_id=old_pk).update(target_id=new_pk)
        revisions = Revision.objects.filter(
            pk__in=model._meta.get_field("page")
            .related_model.objects.filter(pk__in=sources)
            .values("latest_revision_id")
        )
        for revision in revisions:
            links = revision.content.get(field) or []
            changed = False
            for link in links:
                if link.get("target") == old_pk:
                    link["target"] = new_pk
                    changed = True
            if changed:
                revision.save(update_fields=["content"])


class ArticleWriter:
    """Writes one article's plan under ``parent``; see :func:`write_article`."""

    def __init__(
        self, plan, *, parent, index, publish, on_conflict, user, dry_run=False, record=None
    ):
        self.plan = plan
        self.record = record
        self.dry_run = dry_run
        self.parent = parent
        self.index = index
        self.publish = publish
        self.on_conflict = on_conflict
        self.user = user
        self.removals: list = []
        self.written: set[int] = set()
        self.instances: dict[int, object] = {}
        #: ``id(page plan)`` -> the page of another kind this import wrote for it before.
        self.converting: dict[int, object] = {}
        #: What became (or, in a dry run, would become) of each page whose kind changed.
        self.kind_changes: list[dict] = []
        #: Dry run: ``id(page plan)`` -> the page of another kind writing would replace.
        self.would_replace: dict[int, object] = {}

    def write(self):
        from wagtail.models import Page

        from ..models import ImportRecord

        record = self.record or self._find_record(ImportRecord)
        models = page_models()
        new_pages = []
        for page in self.plan.pages:
            if not page.include or page.page_id is not None:
                self._link(page)
                continue
            pk = self.index.find(page)
            page.action = self._decide(page, pk, record)
            page.id = pk
            if pk is None:
                new_pages.append(page)
        self._find_kind_changes(new_pages, record)
        self._create(new_pages, models)
        self._finish_kind_changes(new_pages)
        targets = self._resolve_targets()
        existing = {
            page.pk: page
            for page in Page.objects.filter(
                pk__in=[p.id for p in self.plan.pages if p.id and p.id not in self.instances]
            )
        }
        # One revision per written page; new pages already hold their fields and relations.
        imported_rows = []
        for page in self.plan.pages:
            pk = page.id
            model = models[page.kind]
            if pk is None or not self._should_write(page):
                self._describe(page, existing.get(pk))
                continue
            if page.action == Action.CREATE:
                instance = self.instances[pk]
            else:
                instance = model.objects.get(pk=pk).get_latest_revision_as_object()
                _apply_fields(instance, model, page, self.plan, self.removals)
                if page.kind == Kind.CONDITION:
                    self._set_relations(instance, page, targets)
                _validate(instance, model)
            revision = instance.save_revision(user=self.user, log_action=True)
            if self._should_publish(page):
                revision.publish(user=self.user)
                instance.live = True
            if page.action == Action.CONFLICT:
                self.plan.decisions.append(
                    Decision(
                        part=page.title,
                        as_=f"conflict resolved: {self.on_conflict}",
                        because="an editor changed the page since its last import",
                    )
                )
                page.action = Action.UPDATE
            imported_rows.append((pk, page, revision))
            self.written.add(pk)
            self._describe(page, instance)
        self._record_imported(imported_rows, record)
        record.source_name = self.plan.source.name
        record.sha256 = self.plan.source.sha256
        record.format = self.plan.source.format
        record.title = self.plan.title[:255]
        record.user = self.user or record.user
        record.save()
        record.pages.add(*[page.id for page in self.plan.pages if page.id])
        created = [page.id for page in new_pages if page.id]
        if created:
            record.created_pages.add(*created)
        return record

    def _find_record(self, model):
        """The import record of this source under the hub (see ``review.source_identity``)."""
        source = self.plan.source
        record, _ = model.objects.get_or_create(
            parent=self.parent,
            identity=source_identity_key(source),
            defaults={
                "source_name": source.name,
                "sha256": source.sha256,
                "format": source.format,
            },
        )
        return record

    def _link(self, page):
        """A page left out or mapped to an existing page: link to it, never write it."""
        pk = page.page_id or self.index.find(page)
        page.id = pk
        page.action = Action.LINK if pk else Action.SUGGEST
        if pk:
            # Relations name the page by the plan's title; they resolve to the mapped page.
            self.index.by_name.setdefault((page.kind, normalise_name(page.title)), pk)

    def _create(self, new_pages, models):
        """Add every new page under the parent, each with one save.

        Pages are created before the conditions that link to them, so a condition's
        relations go in with its own save; only a condition linking to another new
        condition created after it is saved a second time.
        """
        if not new_pages:
            return
        instances = {}
        for page in new_pages:
            model = models[page.kind]
            instance = model(title=page.title, live=False)
            old = self.converting.get(id(page))
            if old is not None:
                _carry_over(old, instance, page)
            _apply_fields(instance, model, page, self.plan, self.removals)
            instance.locale_id = self.parent.locale_id
            _validate(instance, model)
            instances[id(page)] = instance
        # The parent's row lock (the one treebeard's add_child takes) makes the slugs
        # chosen here still free when the pages are added, whoever imports alongside.
        type(self.parent).objects.select_for_update().filter(pk=self.parent.pk).exists()
        bases = [slugify(page.title)[:240] or "page" for page in new_pages]
        for page, slug in zip(new_pages, _allocate_slugs(self.parent, bases), strict=True):
            old = self.converting.get(id(page))
            # A converted page takes the address of the page it replaces.
            instances[id(page)].slug = old.bh_old_slug if old is not None else slug
        conditions = [p for p in new_pages if p.kind == Kind.CONDITION]
        ordered = [p for p in new_pages if p.kind != Kind.CONDITION] + sorted(
            conditions, key=lambda p: _links_to_uncreated(p, conditions)
        )
        second_save = []
        for page in ordered:
            instance = instances[id(page)]
            if page.kind == Kind.CONDITION:
                targets = self._resolve_targets()
                self._set_relations(instance, page, targets)
                if _links_to_uncreated(page, conditions):
                    second_save.append(page)
            try:
                self.parent.add_child(instance=instance)
            except ValidationError as error:
                raise _invalid(instance, error) from error
            page.id = instance.pk
            self.index.add(page, instance.pk)
            self.instances[instance.pk] = instance
        for page in second_save:
            instance = self.instances[page.id]
            self._set_relations(instance, page, self._resolve_targets())
            instance.save(clean=False)

    def _find_kind_changes(self, new_pages, record):
        """Pages this import wrote before under another kind, to convert (or keep, saying
        why): see :func:`.changes.kind_changes`, which decides.

        The replaced page is moved aside so the new one can take its slug. The new page has
        the old one's parent and slug, so its address is the same: no redirect is needed,
        and one would point at itself. A dry run moves nothing: it only records what
        writing would do.
        """
        from wagtail.models import Page

        from .changes import kind_changes

        found = kind_changes(
            new_pages, record, parent=self.parent, user=self.user, publish=self.publish
        )
        for page, old, change in found:
            if change["kept"] or self.dry_run:
                self.kind_changes.append(change)
                if self.dry_run and not change["kept"]:
                    self.would_replace[id(page)] = old
                continue
            old.bh_old_slug = old.slug
            old.bh_change = change
            self.converting[id(page)] = old
            # Aside, without Wagtail's slug-change signal: this page is about to go.
            aside = f"{old.slug[:200]}-replaced-{old.pk}"
            Page.objects.filter(pk=old.pk).update(
                slug=aside, url_path=old.url_path.rstrip("/").rsplit("/", 1)[0] + f"/{aside}/"
            )

    def _finish_kind_changes(self, new_pages):
        """Links to each replaced page now point at its replacement; then it goes."""
        for page in new_pages:
            old = self.converting.get(id(page))
            if old is None or page.id is None:
                continue
            new = self.instances[page.id]
            _repoint_links(old.pk, new.pk, page.kind)
            for key, pk in list(self.index.by_name.items()):
                if pk == old.pk:
                    del self.index.by_name[key]
            self.index.imported.pop(old.pk, None)
            from wagtail.actions.delete_page import DeletePageAction

            DeletePageAction(old, user=self.user).execute(skip_permission_checks=True)
            change = old.bh_change
            change["new_id"] = new.pk
            self.kind_changes.append(change)
            self.plan.decisions.append(
                Decision(
                    part=page.title,
                    as_=f"{change['from']} page converted to {change['to']}",
                    because="the kind was changed after an earlier import wrote the page",
                )
            )

    def _record_imported(self, rows, record):
        """The importer's record of each written page: created in bulk, updated in bulk.

        Each row keeps a fingerprint of the page's stored content as written, so a later
        change without a revision is seen (see :mod:`.changes`).
        """
        from ..models import ImportedPage
        from .changes import content_fingerprints

        fingerprints = content_fingerprints([pk for pk, _page, _revision in rows])
        new, changed = [], []
        for pk, page, revision in rows:
            values = {
                "entity_key": entity_key(page.kind, page.title),
                "revision": revision,
                "plan_hash": plan_hash(page),
                "record": record,
                "content_hash": fingerprints.get(pk, ""),
            }
            imported = self.index.imported.get(pk)
            if imported is None:
                imported = ImportedPage(page_id=pk, **values)
                new.append(imported)
            else:
                for field, value in values.items():
                    setattr(imported, field, value)
                changed.append(imported)
            self.index.imported[pk] = imported
        if new:
            ImportedPage.objects.bulk_create(new)
        if changed:
            ImportedPage.objects.bulk_update(
                changed, ["entity_key", "revision", "plan_hash", "record", "content_hash"]
            )

    def _decide(self, page, pk, record):
        if pk is None:
            return Action.CREATE
        imported = self.index.imported.get(pk)
        if imported is None or imported.record_id != record.pk:
            # An editor's own page, or another article's (perhaps one imported at
            # the same moment): link to it, never write to it.
            return Action.LINK
        if imported.plan_hash == plan_hash(page):
            return Action.UNCHANGED
        from wagtail.models import Page

        latest = Page.objects.filter(pk=pk).values_list("latest_revision_id", flat=True).first()
        if latest != imported.revision_id:
            # An editor saved a revision after the import.
            return Action.CONFLICT
        if imported.content_hash:
            from .changes import content_fingerprints

            if content_fingerprints([pk]).get(pk) != imported.content_hash:
                # Changed with save() and no revision: still an editor's change.
                return Action.CONFLICT
        return Action.UPDATE

    def _should_write(self, page):
        if page.action in (Action.CREATE, Action.UPDATE):
            return True
        return page.action == Action.CONFLICT and self.on_conflict in ("draft", "overwrite")

    def _should_publish(self, page):
        if not self.publish or self.dry_run:
            return False
        return not (page.action == Action.CONFLICT and self.on_conflict == "draft")

    def _resolve_targets(self):
        """Page ids of every entity named in the plan's relations, by kind and name."""
        targets = {}
        for page in self.plan.pages:
            if page.id:
                targets[(page.kind, normalise_name(page.title))] = page.id
        return targets

    def _set_relations(self, instance, page, targets):
        from ..models import ConditionCause, ConditionTreatment, RelatedCondition

        def links(model, relations, kinds):
            seen, result = set(), []
            for relation in relations:
                for kind in kinds:
                    key = (kind, normalise_name(relation.title))
                    pk = targets.get(key) or self.index.by_name.get(key)
                    if pk and pk != instance.pk and pk not in seen:
                        seen.add(pk)
                        # In the plan's order: modelcluster leaves sort_order unset
                        # when a list is assigned, and the database then orders ties
                        # as it likes.
                        result.append(
                            model(target_id=pk, note=relation.note[:255], sort_order=len(result))
                        )
                        break
            return result

        instance.cause_links = links(ConditionCause, page.causes, RELATION_KINDS["causes"])
        instance.treatment_links = links(
            ConditionTreatment, page.treatments, RELATION_KINDS["treatments"]
        )
        instance.related_links = links(
            RelatedCondition, page.related_conditions, RELATION_KINDS["related_conditions"]
        )

    def _describe(self, page, instance):
        if instance is None:
            return
        # A dry run's replacement would take the address of the page it replaces.
        address = self.would_replace.get(id(page), instance)
        page.slug = address.slug
        page.url_path = address.url_path
        page.live = bool(instance.live)


def drop_thin_flags_of_linked_pages(plan: ArticlePlan) -> None:
    """A page only linked to (an editor's, another article's, or a suggestion) is not
    one this import left thin: its thin-page flag would send an editor to a full page."""
    linked = {
        page.title
        for page in plan.pages
        if page.action in (Action.SKIP, Action.LINK, Action.SUGGEST)
    }
    plan.flags = [f for f in plan.flags if not (f.kind == "thin_page" and f.text in linked)]


def removal_repairs(removals: list[dict]) -> list[Repair]:
    """What Wagtail's whitelisting took out of the rich text, one repair per kind of removal."""
    counts: dict[tuple[str, str, str], int] = {}
    for removal in removals:
        key = (removal["tag"], removal["action"], removal["reason"])
        counts[key] = counts.get(key, 0) + 1
    return [
        Repair(kind="sanitise", from_=f"<{tag}>", to=f"{action} ({reason})", count=count)
        for (tag, action, reason), count in sorted(counts.items())
    ]


def write_article(
    plan: ArticlePlan,
    *,
    parent,
    index=None,
    publish=False,
    on_conflict="skip",
    user=None,
    dry_run=False,
    record=None,
):
    """Write ``plan`` in one transaction; return ``(record, written_page_ids)``.

    ``record`` is the import record to write under; by default the one of the plan's
    source identity under ``parent``, created when missing. Pages left out of the plan
    (``include`` false) or mapped to an existing page (``page_id``) are linked to,
    never written.

    A dry run does everything in a transaction that is rolled back, never
    publishes, and returns ``(None, set())``; the plan still tells what would
    happen. Raises :class:`ImportWriteError` (nothing written) when a page is
    invalid.
    """
    if on_conflict not in CONFLICT_POLICIES:
        raise ImportWriteError(f"Unknown conflict policy {on_conflict!r}")
    writer = ArticleWriter(
        plan,
        parent=parent,
        index=index if index is not None else EntityIndex(),
        publish=publish,
        on_conflict=on_conflict,
        user=user,
        dry_run=dry_run,
        record=record,
    )
    with transaction.atomic():
        if not dry_run:
            # Another import creating any of these names waits here, then finds its pages.
            lock_names(article_lock_keys(plan))
        writer.index.load(plan)
        record = writer.write()
        # In the article's report (and so the command's summary and the import's record).
        plan.kind_changes = writer.kind_changes
        plan.repairs.extend(removal_repairs(writer.removals))
        drop_thin_flags_of_linked_pages(plan)
        if dry_run:
            transaction.set_rollback(True)
            for page in plan.pages:
                if page.action == Action.CREATE:
                    page.id = None
            return None, set()
    return record, writer.written
