"""``manage.py import_back_health SOURCE [SOURCE ...]``: a thin CLI over the import service."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...importer.errors import ImportSourceError
from ...importer.report import summary_lines
from ...importer.service import (
    ImportSetupError,
    Source,
    import_sources,
    resolve_parent,
    resolve_user,
)
from ...importer.sources import expand_path
from ...importer.writer import CONFLICT_POLICIES


class Command(BaseCommand):
    help = (
        "Import health articles (plain text, HTML or Markdown) as draft condition, "
        "cause and treatment pages. SOURCE is a file, a folder (its article files, "
        "recursively), a .zip of articles, a WordPress export (.xml), or - for "
        "standard input."
    )

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="+", metavar="SOURCE")
        parser.add_argument(
            "--parent",
            help="Page id or URL path to import under (default: the site's Back health hub, "
            "created if missing).",
        )
        parser.add_argument(
            "--format",
            choices=["auto", "text", "html", "markdown"],
            default="auto",
            help="Source format (default: detected from the name and content).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Do everything but write; show the plan."
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the pages (default: drafts with a revision, never live).",
        )
        parser.add_argument(
            "--on-conflict",
            choices=CONFLICT_POLICIES,
            default="skip",
            help="What to do with a page an editor changed since it was imported: skip it "
            "(default), save the import as a new draft revision, or overwrite (and publish "
            "with --publish).",
        )
        parser.add_argument(
            "--report", metavar="PATH", help="Write the JSON report to PATH, or - for stdout."
        )
        parser.add_argument("--user", help="Attribute revisions and log entries to this user.")
        parser.add_argument(
            "--background",
            action="store_true",
            help="Queue one task per article for django-tasks workers and return at once "
            "(see the README on running workers).",
        )
        parser.add_argument(
            "--quiet",
            action="store_true",
            help="No progress bar: one plain line per article (the default when the "
            "output is not a terminal).",
        )

    def handle(self, *args, **options):
        report_to = options["report"]
        human = self.stderr if report_to == "-" else self.stdout
        if report_to and report_to != "-" and not Path(report_to).resolve().parent.is_dir():
            raise CommandError(f"Cannot write the report to {report_to}: no such directory")
        if options["background"] and (options["dry_run"] or report_to):
            raise CommandError("--background cannot be combined with --dry-run or --report.")
        sources = []
        for name in options["sources"]:
            sources.extend(self._read(name))
        try:
            user = resolve_user(options["user"])
            parent = resolve_parent(options["parent"])
        except ImportSetupError as error:
            raise CommandError(str(error)) from error
        if options["background"]:
            return self._enqueue(sources, parent, user, options)

        progress = Progress(human, quiet=options["quiet"])
        try:
            report = import_sources(
                sources,
                parent=parent,
                format=options["format"],
                dry_run=options["dry_run"],
                publish=options["publish"],
                on_conflict=options["on_conflict"],
                user=user,
                progress=progress,
            )
        except ImportSetupError as error:
            raise CommandError(str(error)) from error
        progress.close()

        for line in summary_lines(report):
            human.write(line)
        if report_to:
            text = json.dumps(report, indent=2, ensure_ascii=False)
            if report_to == "-":
                self.stdout.write(text)
            else:
                try:
                    Path(report_to).write_text(text + "\n", encoding="utf-8")
                except OSError as error:
                    raise CommandError(
                        f"Cannot write the report to {report_to}: {error}"
                    ) from error
        failed = [a for a in report["articles"] if a["status"] == "failed"]
        if failed:
            raise CommandError("\n".join(f"{a['source']['name']}: {a['error']}" for a in failed))

    def _enqueue(self, sources, parent, user, options):
        from ...tasks import enqueue_import

        names = ", ".join(options["sources"])
        batch = enqueue_import(
            sources,
            name=names,
            user=user,
            parent=parent,
            format=options["format"],
            publish=options["publish"],
            on_conflict=options["on_conflict"],
        )
        counts = batch.counts()
        self.stdout.write(
            f"Bulk import {batch.pk}: {counts['total']} articles, "
            f"{counts['total'] - counts['failed']} queued, {counts['failed']} not readable."
        )
        for item in batch.items.filter(status="failed"):
            self.stdout.write(f"  {item.source_name}: FAILED: {item.error}")

    def _read(self, name):
        if name == "-":
            return [Source(name="<stdin>", data=sys.stdin.buffer)]
        try:
            return expand_path(name)
        except ImportSourceError as error:
            raise CommandError(str(error)) from error


class Progress:
    """A progress bar on a terminal; one plain line per article otherwise."""

    WIDTH = 30

    def __init__(self, out, *, quiet=False):
        self.out = out
        isatty = getattr(out, "isatty", None)
        self.bar = not quiet and bool(isatty and isatty())
        self.drawn = False

    def __call__(self, number, total, plan):
        if total <= 1:
            return
        if not self.bar:
            self.out.write(f"[{number}/{total}] {plan.source.name}: {plan.status}")
            return
        filled = self.WIDTH * number // total
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        name = plan.source.name[-40:]
        self.out.write(f"\r[{bar}] {number}/{total} {name:<40}", ending="")
        self.out.flush()
        self.drawn = True

    def close(self):
        if self.drawn:
            self.out.write("")
