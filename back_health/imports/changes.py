"""Has a page changed since the importer wrote it? Compare its content, not only revisions.

An editor (or a script) can change a page with ``save()`` and no revision; the
page's latest revision then says nothing. A fingerprint of the stored content
fields, taken after the import and again before the next write, does.
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
