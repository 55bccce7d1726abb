"""The JSON report: the contract tools and the admin rely on (version 1)."""

from __future__ import annotations

from ..dosage import dose_to_text
from ..importer.parse_html import parse_soup
from ..importer.plan import ArticlePlan, BlockPlan, PagePlan
from .changes import kind_change_sentence

REPORT_VERSION = 1


def html_text(html: str) -> str:
    """All visible text of an HTML fragment, one space between blocks."""
    if not html:
        return ""
    return " ".join(parse_soup(html).get_text(" ").split())


def _join(*parts):
    return " ".join(part for part in parts if part)


def block_report(block: BlockPlan) -> dict:
    value = block.value
    entry = {"type": block.type, "heading": "", "text": ""}
    if block.type == "heading":
        entry["heading"] = value["text"]
        entry["text"] = value["text"]
    elif block.type == "paragraph":
        entry["text"] = html_text(value)
    elif block.type == "warning":
        entry["severity"] = value["severity"]
        entry["heading"] = value.get("heading", "")
        entry["text"] = _join(
            value.get("heading", ""), html_text(value.get("text", "")), *value.get("items", [])
        )
    elif block.type == "exercise_list":
        entry["heading"] = value.get("heading", "")
        items = []
        for exercise in value.get("exercises", []):
            dose = dose_to_text(exercise.get("dose") or {})
            items.append(
                {
                    "name": exercise["name"],
                    "dose": dose,
                    "text": _join(
                        exercise["name"],
                        *exercise.get("steps", []),
                        dose,
                        *exercise.get("cautions", []),
                    ),
                }
            )
        entry["items"] = items
        entry["text"] = _join(
            entry["heading"],
            html_text(value.get("intro", "")),
            *(item["text"] for item in items),
            *value.get("stop_if", []),
        )
    elif block.type in ("inset", "quote"):
        entry["text"] = html_text(value.get("text", "")) or value.get("quote", "")
    elif block.type == "table":
        entry["heading"] = value.get("table_caption", "")
        entry["rows"] = [list(row) for row in value.get("data", [])]
        entry["header_row"] = bool(value.get("first_row_is_table_header"))
        entry["header_column"] = bool(value.get("first_col_is_header"))
        entry["text"] = _join(entry["heading"], *(cell for row in entry["rows"] for cell in row))
    return entry


def page_report(page: PagePlan) -> dict:
    return {
        "action": page.action,
        "kind": page.kind,
        "title": page.title,
        "slug": page.slug,
        "id": page.id,
        "url_path": page.url_path,
        "live": page.live,
        "summary": page.summary,
        "alternate_names": list(page.alternate_names),
        "medicines": [{"generic": m.generic, "brands": list(m.brands)} for m in page.medicines],
        "relations": {
            "causes": [r.title for r in page.causes],
            "treatments": [r.title for r in page.treatments],
            "related_conditions": [r.title for r in page.related_conditions],
        },
        "blocks": [block_report(block) for block in page.blocks],
    }


def article_report(plan: ArticlePlan) -> dict:
    return {
        "source": {
            "name": plan.source.name,
            "sha256": plan.source.sha256,
            "format": plan.source.format,
            "bytes": plan.source.bytes,
        },
        "title": plan.title,
        "status": plan.status,
        "error": plan.error,
        "pages": [page_report(page) for page in plan.pages],
        **article_notes(plan),
        # What writing did (or would do) with pages an earlier import wrote as another kind.
        **({"kind_changes": list(plan.kind_changes)} if plan.kind_changes else {}),
    }


def article_notes(plan: ArticlePlan) -> dict:
    """What was dropped, flagged, repaired, decided and corrected, as the report and the
    plan document both write it."""
    return {
        "dropped": [{"reason": d.reason, "text": d.text} for d in plan.dropped],
        "flags": [{"kind": f.kind, "language": f.language, "text": f.text} for f in plan.flags],
        "repairs": [
            {"kind": r.kind, "from": r.from_, "to": r.to, "count": r.count} for r in plan.repairs
        ],
        "decisions": [{"part": d.part, "as": d.as_, "because": d.because} for d in plan.decisions],
        "corrections": list(plan.corrections),
    }


def build_report(plans: list[ArticlePlan], *, dry_run: bool) -> dict:
    return {
        "version": REPORT_VERSION,
        "dry_run": dry_run,
        "articles": [article_report(plan) for plan in plans],
    }


def summary_lines(report: dict) -> list[str]:
    """A short human summary tree of what was (or would be) done."""
    lines = []
    would = report["dry_run"]
    for article in report["articles"]:
        name = article["source"]["name"]
        if article["status"] == "failed":
            lines.append(f"{name}: FAILED: {article['error']}")
            continue
        status = article["status"]
        if would and status == "imported":
            status = "would import"
        lines.append(f"{name}: {status} \u201c{article['title']}\u201d")
        if article["error"]:
            lines.append(f"  {article['error']}")
        counts = {}
        for page in article["pages"]:
            counts[page["action"]] = counts.get(page["action"], 0) + 1
            lines.append(
                f"  {page['action']:<9} {page['kind']:<9} {page['title']}"
                + (f"  {page['url_path']}" if page["url_path"] else "")
            )
        for change in article.get("kind_changes", []):
            lines.append("  " + kind_change_sentence(change, planned=would))
        flags = {}
        for flag in article["flags"]:
            flags[flag["kind"]] = flags.get(flag["kind"], 0) + 1
        lines.append(
            "  pages: "
            + (", ".join(f"{n} {action}" for action, n in sorted(counts.items())) or "none")
            + f"; dropped: {len(article['dropped'])}"
            + "; flagged: "
            + (", ".join(f"{n} {kind}" for kind, n in sorted(flags.items())) or "none")
            + f"; repairs: {sum(r['count'] for r in article['repairs'])}"
        )
    return lines
