"""``manage.py import_back_health SOURCE [SOURCE ...]``: a thin CLI over the import service."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...importer.report import summary_lines
from ...importer.service import (
    ImportSetupError,
    Source,
    import_sources,
    resolve_parent,
    resolve_user,
)
from ...importer.writer import CONFLICT_POLICIES


class Command(BaseCommand):
    help = (
        "Import health articles (plain text, HTML or Markdown) as draft condition, "
        "cause and treatment pages. SOURCE is a file path, or - for standard input."
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

    def handle(self, *args, **options):
        report_to = options["report"]
        human = self.stderr if report_to == "-" else self.stdout
        if report_to and report_to != "-" and not Path(report_to).resolve().parent.is_dir():
            raise CommandError(f"Cannot write the report to {report_to}: no such directory")
        sources = [self._read(name) for name in options["sources"]]
        try:
            user = resolve_user(options["user"])
            parent = resolve_parent(options["parent"])
        except ImportSetupError as error:
            raise CommandError(str(error)) from error

        def progress(number, total, plan):
            if total > 1:
                human.write(f"[{number}/{total}] {plan.source.name}: {plan.status}")

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

    def _read(self, name):
        if name == "-":
            return Source(name="<stdin>", data=sys.stdin.buffer)
        path = Path(name)
        if not path.is_file():
            raise CommandError(f"{name}: no such file")
        return Source(name=path.name, data=path)
