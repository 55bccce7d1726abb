"""``manage.py rebuild_back_health_names``: recompute the names the importer finds pages by.

Every save of a back-health page keeps its :class:`~back_health.models.EntityName` rows
current, but the rows hold names *normalised* by the importer's rules, so they go stale
when those rules change (an upgrade that changes the name folding or the synonym groups)
or when pages were written without signals (raw SQL, ``bulk_update``, fixtures loaded
with ``raw``). This command makes every row match what a save would write today.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from ...models import CausePage, ConditionPage, EntityName, TreatmentPage
from ...signal_handlers import entity_kind, page_names


class Command(BaseCommand):
    help = (
        "Recompute the normalised names the importer finds existing condition, cause and "
        "treatment pages by. Run it after upgrading, or after changing pages without "
        "saving them through Django."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would change; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        wanted: set[tuple[int, str, str]] = set()
        pages = Page.objects.type(ConditionPage, CausePage, TreatmentPage).specific()
        for page in pages.iterator(chunk_size=500):
            kind = entity_kind(page)
            if kind is not None:
                wanted.update((page.pk, kind, name) for name in page_names(page))

        with transaction.atomic():
            rows = EntityName.objects.select_for_update().values_list(
                "pk", "page_id", "kind", "name"
            )
            existing: dict[tuple[int, str, str], list[int]] = {}
            for pk, page_id, kind, name in rows:
                existing.setdefault((page_id, kind, name), []).append(pk)
            stale = []
            for key, pks in existing.items():
                # A row no page would write goes; of a wanted row, duplicates go.
                stale.extend(pks[1:] if key in wanted else pks)
            missing = sorted(wanted - existing.keys())
            if not dry_run:
                EntityName.objects.filter(pk__in=stale).delete()
                EntityName.objects.bulk_create(
                    (EntityName(page_id=p, kind=k, name=n) for p, k, n in missing),
                    batch_size=1000,
                )

        verb = "Would add" if dry_run else "Added"
        self.stdout.write(
            f"{verb} {len(missing)} and {'would remove' if dry_run else 'removed'} "
            f"{len(stale)} page names; {len(wanted)} names of "
            f"{len({key[0] for key in wanted})} pages are current."
        )
