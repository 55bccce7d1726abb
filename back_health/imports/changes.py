"""Has a page changed since the importer wrote it? Compare its content, not only revisions.

An editor (or a script) can change a page with ``save()`` and no revision; the
page's latest revision then says nothing. A fingerprint of the stored content
fields, taken after the import and again before the next write, does.

:func:`kind_changes` uses it to tell what writing a plan does with a page an import
wrote before under another kind: replace it, or keep it and say why.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict

#: Page fields that are content (the rest of Wagtail's columns are bookkeeping).
PAGE_CONTENT_FIELDS = ("title", "slug", "seo_title", "search_description")


def content_fields(model) -> list[str]:
    """The stored content columns of a page model: its own fields and the page's."""
    from wagtail.models import Page

    own = [
        f.attname
        for f in model._meta.concrete_fields
        if f.model is not Page and not f.primary_key and not f.one_to_one
    ]
    return [*PAGE_CONTENT_FIELDS, *own]


def content_fingerprints(page_ids) -> dict[int, str]:
    """``{page id: fingerprint}`` of the stored content of every page in ``page_ids``.

    One query for the page types, then one per type.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    page_ids = [pk for pk in page_ids if pk]
    if not page_ids:
        return {}
    by_type = defaultdict(list)
    for pk, content_type_id in Page.objects.filter(pk__in=page_ids).values_list(
        "pk", "content_type_id"
    ):
        by_type[content_type_id].append(pk)
    fingerprints = {}
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        fields = content_fields(model)
        for row in model.objects.filter(pk__in=pks).values("pk", *fields):
            pk = row.pop("pk")
            data = json.dumps({k: _raw(v) for k, v in row.items()}, sort_keys=True, default=str)
            fingerprints[pk] = hashlib.sha256(data.encode()).hexdigest()
    return fingerprints


def _raw(value):
    """StreamField values as their stored JSON data (rendering them would cost a template
    per block and say nothing more)."""
    raw = getattr(value, "raw_data", None)
    if raw is not None:
        return list(raw)
    return value


def kind_changes(pages, record, *, parent, user=None, publish=False) -> list[tuple]:
    """Planned pages that ``record``'s import wrote before as a page of another kind, and
    what writing them does with that page: the one place this is decided, so the writer,
    the dry run and the review screen agree.

    ``pages`` are the planned pages about to be created (objects with ``kind`` and
    ``title``). The page written before is replaced by the new one at its address when
    nobody changed or published it since the import, it was not moved, ``user`` may
    delete it, and it is not a live page whose replacement would be a draft (a live page
    is replaced only when ``publish``). Returns ``(planned page, old page, change)`` for
    each, ``change`` being what the report keeps: ``title``, ``from``, ``to``,
    ``old_id``, ``old_url_path``, ``was_live``, ``kept`` and, for a page kept, ``reason``.
    """
    from wagtail.models import Page

    from ..models import ImportedPage
    from .writer import entity_key, page_models

    if record is None or record.pk is None:
        return []
    wanted = {}
    for page in pages:
        for kind in page_models():
            if kind != page.kind:
                wanted[entity_key(kind, page.title)] = page
    if not wanted:
        return []
    rows = {
        row.entity_key: row
        for row in ImportedPage.objects.filter(entity_key__in=wanted, record=record)
    }
    if not rows:
        return []
    olds = Page.objects.filter(pk__in=[row.page_id for row in rows.values()]).specific()
    olds = {old.pk: old for old in olds}
    fingerprints = content_fingerprints(list(olds))
    found, replaced = [], set()
    for key, row in rows.items():
        page, old = wanted[key], olds.get(row.page_id)
        if old is None or id(page) in replaced:
            continue
        change = {
            "title": page.title,
            "from": key.split(":", 1)[0],
            "to": page.kind,
            "old_id": old.pk,
            "old_url_path": old.url_path,
            "was_live": bool(old.live),
        }
        reason = _keep_reason(old, row, fingerprints.get(old.pk), parent, user, publish)
        change["kept"] = bool(reason)
        if reason:
            change["reason"] = reason
        else:
            replaced.add(id(page))  # one page is replaced; another written before stays
        found.append((page, old, change))
    return found


def _keep_reason(old, row, fingerprint, parent, user, publish) -> str:
    """Why the page written before must stay, or ``""`` when it may be replaced."""
    from django.utils.translation import gettext as _

    if old.latest_revision_id != row.revision_id or (
        row.content_hash and fingerprint != row.content_hash
    ):
        return _("An editor changed it since the import.")
    if old.live and old.live_revision_id != row.revision_id:
        return _("An editor published it since the import.")
    if old.get_parent().pk != parent.pk:
        return _("An editor moved it since the import.")
    if old.live and not publish:
        return _(
            "It is published and its replacement is a draft: delete it once the new "
            "page is published."
        )
    if user is not None and not old.permissions_for_user(user).can_delete():
        return _("You may not delete it.")
    return ""


def _kind_page(kind: str) -> str:
    from django.utils.translation import gettext as _

    return {
        "condition": _("condition page"),
        "cause": _("cause page"),
        "treatment": _("treatment page"),
    }.get(kind, kind)


def kind_change_sentence(change: dict, *, planned: bool, if_published: bool = False) -> str:
    """One of :func:`kind_changes`'s changes in words: what writing will do (``planned``)
    or did. ``if_published``: the page is replaced only when the new one is published."""
    from django.utils.translation import gettext as _

    words = {
        "title": change.get("title", ""),
        "old": _kind_page(change.get("from", "")),
        "new": _kind_page(change.get("to", "")),
        "reason": change.get("reason", ""),
    }
    if if_published:
        return (
            _(
                "Will change “%(title)s” from %(old)s to %(new)s only if you create and "
                "publish the pages: with drafts, the published %(old)s stays beside the new "
                "draft."
            )
            % words
        )
    if not change.get("kept"):
        if planned:
            message = _(
                "Will change “%(title)s” from %(old)s to %(new)s: the new page takes its "
                "address and its links, and the %(old)s is removed."
            )
        else:
            message = _(
                "Changed “%(title)s” from %(old)s to %(new)s: the new page took its address "
                "and its links, and the %(old)s was removed."
            )
    elif planned:
        message = _("“%(title)s” will be a new %(new)s; the %(old)s stays: %(reason)s")
    else:
        message = _("“%(title)s” is a new %(new)s; the %(old)s stays: %(reason)s")
    return message % words
