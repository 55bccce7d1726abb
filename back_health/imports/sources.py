"""Bulk sources: a folder of articles, a ``.zip`` of articles, a WordPress export.

Each yields :class:`~back_health.imports.service.Source` objects, one per article,
read lazily where it can be. A member that cannot be imported (unsafe path, too
large, compressed suspiciously well) comes out as a source carrying an ``error``,
so it is reported on its own line and the others go on. What makes the whole
source unusable (not a zip, not XML, too many members) raises
:class:`ImportSourceError`.
"""

from __future__ import annotations

import io
import re
import zipfile
from email.utils import parsedate_to_datetime
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _

from ..conf import back_health_settings
from ..importer.docx import ZIP_SIGNATURE, is_docx
from ..importer.errors import ImportSourceError
from ..importer.load import FORMAT_ALIASES, read_limited

#: File extensions read as articles inside folders and archives: the formats' own, and
#: sources read as the text they carry (RTF, saved e-mail messages, LaTeX, PDFs), and
#: Word documents, read as the HTML they stand for.
ARTICLE_EXTENSIONS = frozenset(f".{alias}" for alias in FORMAT_ALIASES) | {
    ".docx",
    ".pdf",
    ".markdown",
    ".rtf",
    ".eml",
    ".tex",
}

_WXR_NAMESPACE = re.compile(rb"xmlns:wp=[\"']http://wordpress\.org/export/")
_BLOCK_START = re.compile(
    r"^\s*<(?:p|div|h[1-6]|ul|ol|li|blockquote|table|figure|pre|hr|section|article|!--)[\s>/]",
    re.I,
)
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def _source(*args, **kwargs):
    from .service import Source

    return Source(*args, **kwargs)


def is_article_name(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() in ARTICLE_EXTENSIONS


def expand_path(spec: str) -> list:
    """The sources a command-line argument stands for: a file, a folder (recursively,
    by extension), a ``.zip`` of articles or a WordPress export."""
    path = Path(spec)
    if path.is_dir():
        return folder_sources(path)
    if not path.is_file():
        raise ImportSourceError(_("%(name)s: no such file or folder") % {"name": spec})
    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith(ZIP_SIGNATURE) and not is_docx(path):
        return zip_sources(path, path.name)
    if is_wxr(head):
        return wxr_sources(path, path.name)
    return [_source(name=path.name, data=path)]


def expand_upload(name: str, data: bytes) -> list:
    """The sources an uploaded file stands for (the admin's bulk import)."""
    if data.startswith(ZIP_SIGNATURE) and not is_docx(data):
        return zip_sources(data, name)
    if is_wxr(data[:4096]):
        return wxr_sources(data, name)
    return [_source(name=name, data=data)]


def folder_sources(folder: Path) -> list:
    """Every article file under ``folder``, in name order; hidden files and folders
    are left out, and links leading outside the folder are refused."""
    root = folder.resolve()
    sources = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if not path.is_file() or not is_article_name(path.name):
            continue
        name = relative.as_posix()
        if not path.resolve().is_relative_to(root):
            sources.append(_source(name=name, data=None, error=_("links outside the folder")))
            continue
        sources.append(_source(name=name, data=path))
    return sources


def unsafe_member_name(name: str) -> bool:
    """Absolute paths, drive letters and ``..`` steps could write outside a folder
    if the archive were unpacked: such an archive was made to attack, not to import."""
    posix = name.replace("\\", "/")
    if posix.startswith("/") or re.match(r"^[A-Za-z]:", posix):
        return True
    return ".." in PurePosixPath(posix).parts


def zip_sources(data, name: str) -> list:
    """One source per article member of a zip archive, read under the archive limits."""
    max_members = back_health_settings.IMPORT_ARCHIVE_MAX_MEMBERS
    max_total = back_health_settings.IMPORT_ARCHIVE_MAX_BYTES
    max_ratio = back_health_settings.IMPORT_ARCHIVE_MAX_RATIO
    max_member = back_health_settings.IMPORT_MAX_BYTES
    try:
        archive = zipfile.ZipFile(data if isinstance(data, Path) else io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as error:
        raise ImportSourceError(
            _("%(name)s is not a readable zip archive: %(error)s") % {"name": name, "error": error},
            code="bad_archive",
        ) from error
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if len(members) > max_members:
            raise ImportSourceError(
                _("%(name)s has %(count)d files, more than the limit of %(limit)d.")
                % {"name": name, "count": len(members), "limit": max_members},
                code="too_many_members",
            )
        sources, total = [], 0
        for info in members:
            label = f"{name}/{info.filename}"[:255]
            if unsafe_member_name(info.filename):
                sources.append(_source(name=label, data=None, error=_("unsafe path, refused")))
                continue
            parts = PurePosixPath(info.filename.replace("\\", "/")).parts
            if any(part.startswith(".") or part == "__MACOSX" for part in parts):
                continue
            if not is_article_name(info.filename):
                continue
            error = _member_problem(info, max_member, max_ratio)
            if not error and total + info.file_size > max_total:
                error = _("the archive unpacks to more than %(limit)d bytes") % {"limit": max_total}
            if error:
                sources.append(_source(name=label, data=None, error=error))
                continue
            try:
                with archive.open(info) as member:
                    # The sizes in the directory can lie: never read past the limit.
                    raw = read_limited(member, max_bytes=max_member)
            except ImportSourceError as failure:
                sources.append(_source(name=label, data=None, error=str(failure)))
                continue
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as failure:
                sources.append(_source(name=label, data=None, error=str(failure)))
                continue
            total += len(raw)
            sources.append(_source(name=label, data=raw))
        return sources


def _member_problem(info: zipfile.ZipInfo, max_member: int, max_ratio: int) -> str:
    if info.flag_bits & 0x1:
        return _("encrypted, cannot be read")
    if info.file_size > max_member:
        return _("larger than the limit of %(limit)d bytes") % {"limit": max_member}
    if info.file_size > 1024 and info.file_size > max_ratio * max(info.compress_size, 1):
        return _("compressed more than %(ratio)d to 1, refused as a possible zip bomb") % {
            "ratio": max_ratio
        }
    return ""


def is_wxr(head: bytes) -> bool:
    """A WordPress export (WXR): RSS with WordPress's export namespace."""
    return b"<rss" in head and bool(_WXR_NAMESPACE.search(head))


_WXR = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}


def wxr_sources(data, name: str) -> list:
    """One HTML source per published post of a WordPress export.

    Parsed with defusedxml, which refuses DTDs and entity expansion (billion laughs,
    external entities). Each post becomes a small HTML document with its title,
    canonical address, author and date; ``<script>``, ``<style>`` and embeds are
    dropped, and WordPress's blank-line paragraphs become ``<p>`` elements.
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    raw = read_limited(data, max_bytes=back_health_settings.IMPORT_ARCHIVE_MAX_BYTES)
    try:
        root = fromstring(raw, forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError) as error:
        raise ImportSourceError(
            _("%(name)s is not a readable WordPress export: %(error)s")
            % {"name": name, "error": error},
            code="bad_export",
        ) from error
    namespace = _wxr_namespace(root)
    items = root.findall("./channel/item")
    if len(items) > back_health_settings.IMPORT_ARCHIVE_MAX_MEMBERS:
        raise ImportSourceError(
            _("%(name)s has %(count)d items, more than the limit of %(limit)d.")
            % {
                "name": name,
                "count": len(items),
                "limit": back_health_settings.IMPORT_ARCHIVE_MAX_MEMBERS,
            },
            code="too_many_members",
        )
    sources = []
    for item in items:
        if _text(item, "wp:post_type", namespace) != "post":
            continue
        if _text(item, "wp:status", namespace) != "publish":
            continue
        title = _text(item, "title", namespace)
        slug = _text(item, "wp:post_name", namespace) or _text(item, "wp:post_id", namespace)
        metadata = {
            "title": title,
            "url": _text(item, "link", namespace),
            "author": _text(item, "dc:creator", namespace),
            "published": _post_date(item, namespace),
        }
        label = f"{name}/{slug or title or len(sources) + 1}"[:255]
        body = _text(item, "content:encoded", namespace)
        if not body.strip():
            sources.append(_source(name=label, data=None, error=_("the post has no content")))
            continue
        html = post_html(title, body, metadata)
        sources.append(_source(name=label, data=html.encode("utf-8"), metadata=metadata))
    return sources


def _wxr_namespace(root) -> dict:
    # Exports say 1.0, 1.1 or 1.2 in the namespace; use whichever this one declares.
    namespaces = dict(_WXR)
    for element in root.iter():
        tag = element.tag
        if tag.startswith("{http://wordpress.org/export/"):
            namespaces["wp"] = tag[1 : tag.index("}")]
            break
    return namespaces


def _text(item, path: str, namespace: dict) -> str:
    element = item.find(path, namespace)
    return (element.text or "").strip() if element is not None else ""


def _post_date(item, namespace) -> str:
    gmt = _text(item, "wp:post_date_gmt", namespace)
    if gmt and not gmt.startswith("0000"):
        return gmt.replace(" ", "T") + "Z"
    published = _text(item, "pubDate", namespace)
    if published:
        try:
            return parsedate_to_datetime(published).isoformat()
        except (TypeError, ValueError):
            return ""
    return _text(item, "wp:post_date", namespace).replace(" ", "T")


def post_html(title: str, body: str, metadata: dict) -> str:
    """A WordPress post as a standalone HTML document the importer reads like any page."""
    from bs4 import BeautifulSoup, Comment

    from ..importer.parse_html import parse_soup

    soup = parse_soup(autop(body))
    for tag in soup(["script", "style", "noscript", "iframe", "object", "embed"]):
        tag.decompose()
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    document = BeautifulSoup(
        "<!doctype html><html><head></head><body></body></html>", "html.parser"
    )
    head, body_tag = document.head, document.body
    head.append(document.new_tag("meta", charset="utf-8"))
    title_tag = document.new_tag("title")
    title_tag.string = title
    head.append(title_tag)
    if metadata.get("url"):
        head.append(document.new_tag("link", rel="canonical", href=metadata["url"]))
    if metadata.get("author"):
        head.append(
            document.new_tag("meta", attrs={"name": "author", "content": metadata["author"]})
        )
    if metadata.get("published"):
        head.append(
            document.new_tag(
                "meta",
                attrs={"property": "article:published_time", "content": metadata["published"]},
            )
        )
    article = document.new_tag("article")
    heading = document.new_tag("h1")
    heading.string = title
    article.append(heading)
    article.append(soup)
    body_tag.append(article)
    return str(document)


def autop(text: str) -> str:
    """WordPress keeps paragraphs as blank-line-separated text: wrap them in ``<p>``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = []
    for chunk in _BLANK_LINES.split(text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if _BLOCK_START.match(chunk):
            blocks.append(chunk)
        else:
            blocks.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(blocks)
