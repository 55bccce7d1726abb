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
from contextlib import contextmanager
from dataclasses import asdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from ..conf import back_health_settings
from .document import Decision, Repair
from .names import entity_key as normalise_name
from .plan import ArticlePlan, PagePlan
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
    """Every back-health page by kind and normalised name, loaded in one query
    per page type, so resolving names costs nothing per page."""

    def __init__(self):
        from ..models import ImportedPage

        self.by_name: dict[tuple[str, str], int] = {}
        self.imported: dict[int, ImportedPage] = {}
        self.imported_by_key: dict[str, int] = {}
        for kind, model in page_models().items():
            rows = model.objects.values_list("pk", "title", "alternate_names", "draft_title")
            for pk, title, alternates, draft_title in rows:
                for name in [title, draft_title, *(alternates or "").splitlines()]:
                    if name and name.strip():
                        self.by_name.setdefault((kind, normalise_name(name)), pk)
        for imported in ImportedPage.objects.all():
            self.imported[imported.page_id] = imported
            self.imported_by_key.setdefault(imported.entity_key, imported.page_id)

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


@contextmanager
def deferred_index_updates(written_page_ids: set[int]):
    """Hold back search and reference index updates until the run ends, then
    queue one update per written page (run at once by Wagtail's default
    immediate task backend, or by a worker)."""
    from modelsearch.signal_handlers import post_save_signal_handler
    from modelsearch.tasks import insert_or_update_object_task
    from wagtail.models import ReferenceIndex
    from wagtail.signal_handlers import disable_reference_index_auto_update

    models = list(page_models().values())
    disconnected = [m for m in models if post_save.disconnect(post_save_signal_handler, sender=m)]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)
    if not written_page_ids:
        return
    from wagtail.models import Page

    for page in Page.objects.filter(pk__in=written_page_ids).specific():
        ReferenceIndex.create_or_update_for_object(page)
        insert_or_update_object_task.enqueue(
            page._meta.app_label, page._meta.model_name, str(page.pk)
        )


def _features(model, path):
    block = model._meta.get_field("body").stream_block
    for name in path:
        block = block.child_blocks[name]
        if hasattr(block, "child_block"):
            block = block.child_block
    return block.features


def _body_data(model, page: PagePlan, removals: list):
    """Raw StreamField data for the page body, rich text made safe per block."""
    data = []
    stream_block = model._meta.get_field("body").stream_block
    for block in page.blocks:
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


def _sources_data(source_info):
    if not source_info.url:
        return [{"type": "source", "value": {"title": source_info.name, "url": ""}}]
    return [{"type": "source", "value": {"title": source_info.name, "url": source_info.url}}]


def _apply_fields(instance, model, page: PagePlan, plan: ArticlePlan, removals: list):
    from ..models import BodyRegion

    instance.title = page.title
    instance.draft_title = page.title
    instance.summary = page.summary[: back_health_settings.SUMMARY_MAX_LENGTH]
    instance.alternate_names = "\n".join(page.alternate_names)
    instance.body = _body_data(model, page, removals)
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


def _validate(instance, model):
    from wagtail.blocks.stream_block import StreamBlockValidationError

    try:
        instance.full_clean(exclude=["path", "depth"])
        model._meta.get_field("body").stream_block.clean(instance.body)
    except StreamBlockValidationError as error:
        detail = "; ".join(_error_text(error.as_json_data(), "body")) or str(error)
        raise ImportWriteError(f"{instance.title!r} is not valid: {detail}") from error
    except ValidationError as error:
        detail = "; ".join(
            f"{field}: {' '.join(str(m) for m in messages)}"
            for field, messages in getattr(error, "message_dict", {"": error.messages}).items()
        )
        raise ImportWriteError(f"{instance.title!r} is not valid: {detail}") from error


class ArticleWriter:
    """Writes one article's plan under ``parent``; see :func:`write_article`."""

    def __init__(self, plan, *, parent, index, publish, on_conflict, user, dry_run=False):
        self.plan = plan
        self.dry_run = dry_run
        self.parent = parent
        self.index = index
        self.publish = publish
        self.on_conflict = on_conflict
        self.user = user
        self.removals: list = []
        self.written: set[int] = set()
        self.instances: dict[int, object] = {}

    def write(self):
        from wagtail.models import Page

        from ..models import ImportedPage, ImportRecord

        record, _ = ImportRecord.objects.get_or_create(
            source_key=self.plan.source.url or self.plan.source.name,
            defaults={
                "source_name": self.plan.source.name,
                "sha256": self.plan.source.sha256,
                "format": self.plan.source.format,
            },
        )
        models = page_models()
        page_ids = {}
        # Pass 1: find or create every page, so relations can point at them.
        for page in self.plan.pages:
            model = models[page.kind]
            pk = self.index.find(page)
            page.action = self._decide(page, pk, record)
            if pk is None:
                instance = model(title=page.title, live=False)
                _apply_fields(instance, model, page, self.plan, self.removals)
                instance.slug = find_available_slug(
                    self.parent, slugify(page.title)[:240] or "page"
                )
                _validate(instance, model)
                self.parent.add_child(instance=instance)
                pk = instance.pk
                self.index.add(page, pk)
                self.instances[pk] = instance
            page_ids[id(page)] = pk
            page.id = pk
        targets = self._resolve_targets()
        existing = {
            page.pk: page
            for page in Page.objects.filter(
                pk__in=[pk for pk in page_ids.values() if pk not in self.instances]
            )
        }
        # Pass 2: fields and relations, then one revision per written page.
        for page in self.plan.pages:
            pk = page_ids[id(page)]
            model = models[page.kind]
            if not self._should_write(page):
                self._describe(page, existing.get(pk))
                continue
            if page.action == "create":
                instance = self.instances[pk]
            else:
                instance = model.objects.get(pk=pk).get_latest_revision_as_object()
                _apply_fields(instance, model, page, self.plan, self.removals)
            if page.kind == "condition":
                self._set_relations(instance, page, targets)
            if page.action != "create" or page.kind == "condition":
                # New pages without relations were validated before they were added.
                _validate(instance, model)
            if page.action == "create" and page.kind == "condition":
                # Relations exist only now that every target page does.
                instance.save()
            revision = instance.save_revision(user=self.user, log_action=True)
            if self._should_publish(page):
                revision.publish(user=self.user)
                instance.live = True
            if page.action == "conflict":
                self.plan.decisions.append(
                    Decision(
                        part=page.title,
                        as_=f"conflict resolved: {self.on_conflict}",
                        because="an editor changed the page since its last import",
                    )
                )
                page.action = "update"
            self.index.imported[pk], _ = ImportedPage.objects.update_or_create(
                page_id=pk,
                defaults={
                    "entity_key": entity_key(page.kind, page.title),
                    "revision": revision,
                    "plan_hash": plan_hash(page),
                    "record": record,
                },
            )
            self.written.add(pk)
            self._describe(page, instance)
        record.source_name = self.plan.source.name
        record.sha256 = self.plan.source.sha256
        record.format = self.plan.source.format
        record.title = self.plan.title[:255]
        record.user = self.user or record.user
        record.save()
        record.pages.add(*[pk for pk in page_ids.values() if pk])
        return record

    def _decide(self, page, pk, record):
        if pk is None:
            return "create"
        imported = self.index.imported.get(pk)
        if imported is None or imported.record_id != record.pk:
            # An editor's own page, or another article's: link to it, never write to it.
            return "skip"
        if imported.plan_hash == plan_hash(page):
            return "unchanged"
        from wagtail.models import Page

        latest = Page.objects.filter(pk=pk).values_list("latest_revision_id", flat=True).first()
        if latest != imported.revision_id:
            # An editor saved a revision after the import.
            return "conflict"
        return "update"

    def _should_write(self, page):
        if page.action in ("create", "update"):
            return True
        return page.action == "conflict" and self.on_conflict in ("draft", "overwrite")

    def _should_publish(self, page):
        if not self.publish or self.dry_run:
            return False
        return not (page.action == "conflict" and self.on_conflict == "draft")

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
                        result.append(model(target_id=pk, note=relation.note[:255]))
                        break
            return result

        instance.cause_links = links(ConditionCause, page.causes, ("cause", "condition"))
        instance.treatment_links = links(ConditionTreatment, page.treatments, ("treatment",))
        instance.related_links = links(RelatedCondition, page.related_conditions, ("condition",))

    def _describe(self, page, instance):
        if instance is None:
            return
        page.slug = instance.slug
        page.url_path = instance.url_path
        page.live = bool(instance.live)


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
    index,
    publish=False,
    on_conflict="skip",
    user=None,
    dry_run=False,
):
    """Write ``plan`` in one transaction; return ``(record, written_page_ids)``.

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
        index=index,
        publish=publish,
        on_conflict=on_conflict,
        user=user,
        dry_run=dry_run,
    )
    with transaction.atomic():
        # Two runs resolving the same names under one hub would both create "Massage":
        # lock the hub row so they take turns (a no-op on SQLite, which serialises writes).
        type(parent).objects.select_for_update().filter(pk=parent.pk).first()
        record = writer.write()
        plan.repairs.extend(removal_repairs(writer.removals))
        if dry_run:
            transaction.set_rollback(True)
            for page in plan.pages:
                if page.action == "create":
                    page.id = None
            return None, set()
    return record, writer.written
