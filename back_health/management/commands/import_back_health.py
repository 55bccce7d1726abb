"""``manage.py import_back_health SOURCE [SOURCE ...]``: a thin CLI over the import service."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...importer.errors import ImportSourceError
from ...imports.plan_document import PlanError
from ...imports.report import summary_lines
from ...imports.review import apply_plan, save_plan
from ...imports.service import (
    ImportSetupError,
    Source,
    import_sources,
    resolve_parent,
    resolve_user,
)
from ...imports.sources import expand_path
from ...imports.writer import CONFLICT_POLICIES, ImportWriteError


class Command(BaseCommand):
    help = (
        "Import health articles (plain text, HTML or Markdown) as draft condition, "
        "cause and treatment pages. SOURCE is a file, a folder (its article files, "
        "recursively), a .zip of articles, a WordPress export (.xml), or - for "
        "standard input. --save-plan writes the plan for an editor to correct; "
        "--apply-plan writes it."
    )

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="*", metavar="SOURCE")
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
        parser.add_argument(
            "--user",
            help="Import as this user: their rights are checked, and revisions, log entries "
            "and the import record are attributed to them.",
        )
        parser.add_argument(
            "--identity",
            help="What the import is keyed by under its hub (default: the article's http(s) "
            "address, else the file's path; for standard input, one per content). One "
            "SOURCE only.",
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="The source is a new version of an article imported under the same identity: "
            "update that import (refused otherwise).",
        )
        parser.add_argument(
            "--save-plan",
            metavar="PATH",
            help="Write the plan of one SOURCE to PATH (JSON) for review; writes no page.",
        )
        parser.add_argument(
            "--apply-plan",
            metavar="PATH",
            help="Write the pages exactly as the (edited) plan at PATH says. Give the SOURCE "
            "too to check the plan against it and remember the corrections for re-imports.",
        )
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
        if options["save_plan"] and options["apply_plan"]:
            raise CommandError("Use --save-plan or --apply-plan, not both.")
        if not options["sources"] and not options["apply_plan"]:
            raise CommandError("Give at least one SOURCE.")
        if options["identity"] and len(options["sources"]) > 1:
            raise CommandError("--identity names one source: give one SOURCE.")
        if options["save_plan"]:
            return self._save_plan(options)
        if options["apply_plan"]:
            return self._apply_plan(options)
        report_to = options["report"]
        human = self.stderr if report_to == "-" else self.stdout
        if report_to and report_to != "-" and not Path(report_to).resolve().parent.is_dir():
            raise CommandError(f"Cannot write the report to {report_to}: no such directory")
        if options["background"] and (options["dry_run"] or report_to):
            raise CommandError("--background cannot be combined with --dry-run or --report.")
        sources = []
        for name in options["sources"]:
            sources.extend(self._read(name))
        if options["identity"]:
            if len(sources) != 1:
                raise CommandError("--identity names one article: give one file.")
            sources[0].identity = options["identity"]
        try:
            user = resolve_user(options["user"])
            parent = resolve_parent(options["parent"])
        except ImportSetupError as error:
            raise CommandError(str(error)) from error
        if options["background"]:
            return self._enqueue(sources, parent, user, options)

        progress = Progress(human, quiet=options["quiet"], dry_run=options["dry_run"])
        try:
            report = import_sources(
                sources,
                parent=parent,
                format=options["format"],
                dry_run=options["dry_run"],
                publish=options["publish"],
                on_conflict=options["on_conflict"],
                user=user,
                update=options["update"],
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

    def _setup(self, options):
        try:
            return resolve_user(options["user"]), resolve_parent(options["parent"])
        except ImportSetupError as error:
            raise CommandError(str(error)) from error

    def _save_plan(self, options):
        if len(options["sources"]) != 1:
            raise CommandError("--save-plan takes exactly one SOURCE.")
        target = Path(options["save_plan"])
        if not target.resolve().parent.is_dir():
            raise CommandError(f"Cannot write the plan to {target}: no such directory")
        source = self._read_one(options["sources"][0])
        _user, parent = self._setup(options)
        try:
            document = save_plan(
                source.data,
                source.name,
                identity=options["identity"],
                path=source.path or None,
                parent=parent,
                format=options["format"],
                update=options["update"],
            )
        except (ImportSetupError, ImportSourceError, PlanError) as error:
            raise CommandError(f"{source.name}: {error}") from error
        try:
            target.write_text(
                json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
        except OSError as error:
            raise CommandError(f"Cannot write the plan to {target}: {error}") from error
        pages = document["pages"]
        included = sum(1 for page in pages if page["include"])
        self.stdout.write(
            f"{source.name}: plan of \u201c{document['title']}\u201d saved to {target} "
            f"({included} pages to write, {len(pages) - included} left out; nothing written)"
        )
        for page in pages:
            mark = "x" if page["include"] else " "
            self.stdout.write(f"  [{mark}] {page['kind']:<9} {page['title']}  ({page['key']})")
        for correction in document.get("corrections", []):
            self.stdout.write(f"  correction applied: {_describe(correction)}")

    def _apply_plan(self, options):
        if len(options["sources"]) > 1:
            raise CommandError("--apply-plan takes at most one SOURCE, the plan's own.")
        plan_path = Path(options["apply_plan"])
        try:
            document = json.loads(plan_path.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"Cannot read the plan {plan_path}: {error.strerror}") from error
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CommandError(f"{plan_path} is not a JSON plan: {error}") from error
        source = self._read_one(options["sources"][0]) if options["sources"] else None
        user, parent = self._setup(options)
        try:
            result = apply_plan(
                document,
                data=source.data if source else None,
                name=source.name if source else None,
                path=(source.path or None) if source else None,
                identity=options["identity"],
                parent=parent,
                user=user,
                publish=options["publish"],
                on_conflict=options["on_conflict"],
                update=options["update"],
                format=options["format"],
            )
        except (ImportSetupError, ImportSourceError, PlanError, ImportWriteError) as error:
            raise CommandError(f"{plan_path}: {error}") from error
        report = {"version": 1, "dry_run": False, "articles": [result.report]}
        for line in summary_lines(report):
            self.stdout.write(line)
        for correction in result.report.get("corrections", []):
            self.stdout.write(f"  correction: {_describe(correction)}")
        if source is None:
            self.stdout.write(
                "  (without the SOURCE the corrections are not remembered for re-imports)"
            )
        if options["report"]:
            self._write_report(report, options["report"])

    def _write_report(self, report, report_to):
        text = json.dumps(report, indent=2, ensure_ascii=False)
        if report_to == "-":
            self.stdout.write(text)
            return
        try:
            Path(report_to).write_text(text + "\n", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"Cannot write the report to {report_to}: {error}") from error

    def _read(self, name):
        if name == "-":
            return [Source(name="<stdin>", data=sys.stdin.buffer)]
        try:
            sources = expand_path(name)
        except ImportSourceError as error:
            raise CommandError(str(error)) from error
        for source in sources:
            if isinstance(source.data, Path):
                # A file's default identity is where it lives.
                source.path = str(source.data.resolve())
        return sources

    def _read_one(self, name):
        sources = self._read(name)
        if len(sources) != 1:
            raise CommandError(f"{name}: a plan is made from one article, not {len(sources)}.")
        return sources[0]


class Progress:
    """A progress bar on a terminal; one plain line per article otherwise."""

    WIDTH = 30

    def __init__(self, out, *, quiet=False, dry_run=False):
        self.out = out
        self.dry_run = dry_run
        isatty = getattr(out, "isatty", None)
        self.bar = not quiet and bool(isatty and isatty())
        self.drawn = False

    def __call__(self, number, total, plan):
        if total <= 1:
            return
        if not self.bar:
            status = plan.status
            if self.dry_run and status == "imported":
                status = "would import"  # nothing is written during a dry run
            self.out.write(f"[{number}/{total}] {plan.source.name}: {status}")
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


def _describe(correction: dict) -> str:
    """One line for a correction: what part it corrects and how."""
    where = correction.get("page", "")
    if correction.get("block"):
        where += f" block {correction['block']}"
    if correction.get("relation"):
        verb = "removed" if correction.get("remove") else "added"
        return f"{where}: {correction['relation']} {verb} {correction.get('target', '')}"
    return f"{where}: {correction.get('field')} = {json.dumps(correction.get('value'))}"
