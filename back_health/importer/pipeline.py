"""The analysis pipeline as one pure call: load -> parse -> clean -> classify -> plan.

No database, no Django: the rules, the size limit and the languages the rules cover
are passed in as plain data. :mod:`back_health.imports.service` calls it with the
site's settings and rule set; scripts and tests can call it as it is::

    from back_health.importer.pipeline import analyse

    plan = analyse(Path("article.html").read_bytes(), "article.html")

User-visible wording (the reasons on pages, the unsupported-language message) is
English unless a ``gettext`` callable is passed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from .annotate import annotate_plan
from .classify import classify
from .clean import CLEAN_STEPS, clean_document, flag_other_languages
from .document import Dropped, Flag
from .language import BILINGUAL_SHARE
from .load import LoadedSource, load_source
from .memo import article_scope
from .parse import parse_document
from .plan import ArticlePlan, SourceInfo
from .rules import RuleSet, default_rules

#: The largest source read when the caller gives no limit (the ``IMPORT_MAX_BYTES`` default).
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
#: The languages the shipped rules are written for (ISO 639-1).
DEFAULT_LANGUAGES = frozenset({"en"})
#: Flag kind of an article written in a language the import rules do not cover.
UNSUPPORTED_LANGUAGE = "unsupported_language"


def _identity(message: str) -> str:
    return message


def analyse(
    data,
    name: str,
    *,
    rules: RuleSet | None = None,
    format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    languages: Iterable[str] = DEFAULT_LANGUAGES,
    gettext: Callable[[str], str] = _identity,
) -> ArticlePlan:
    """Load, parse, clean and classify one source (bytes, a binary file or a path).

    ``rules`` defaults to the shipped rule set. Raises
    :class:`~back_health.importer.errors.ImportSourceError` with a one-line message for
    bad input.
    """
    loaded = load_source(data, name, max_bytes=max_bytes, format=format)
    return analyse_loaded(loaded, rules=rules, languages=languages, gettext=gettext)


def analyse_loaded(
    loaded: LoadedSource,
    *,
    rules: RuleSet | None = None,
    languages: Iterable[str] = DEFAULT_LANGUAGES,
    gettext: Callable[[str], str] = _identity,
) -> ArticlePlan:
    """Parse, clean and classify a source :func:`load_source` has read. The steps share
    one :func:`~.memo.article_scope`: what one works out about a text, the next reuses."""
    with article_scope():
        return _analyse_loaded(loaded, rules, languages, gettext)


def _analyse_loaded(loaded, rules, languages, gettext) -> ArticlePlan:
    parsed = parse_document(loaded.text, loaded.format)
    # What reading took out (a PDF's running headers) is recorded first, as the text
    # parser records what it takes out of a printed page.
    parsed.dropped[:0] = [Dropped(reason=reason, text=text) for reason, text in loaded.dropped]
    document = clean_document(parsed)
    source = SourceInfo(
        name=loaded.name,
        sha256=loaded.sha256,
        format=loaded.format,
        bytes=loaded.bytes,
        url=getattr(document, "url", "") or "",
    )
    supported = frozenset(code.lower() for code in languages)
    if document.language not in supported:
        document = read_in_covered_language(parsed, document, supported)
    if document.language not in supported:
        return unsupported_language_plan(document, source, supported, gettext=gettext)
    plan = classify(document, source, rules=rules if rules is not None else default_rules())
    # Keys, reasons and suggestions for bare mentions: what review and corrections rely on.
    return annotate_plan(plan, gettext=gettext)


def read_in_covered_language(parsed, document, supported):
    """A bilingual article (each paragraph in Welsh, then in English) whose main language
    the rules do not cover, cleaned again in the covered language that holds at least
    :data:`~.language.BILINGUAL_SHARE` of its text, the other language flagged. Else
    ``document`` unchanged."""
    covered = [
        (share, code)
        for code, share in document.language_shares.items()
        if code in supported and share >= BILINGUAL_SHARE
    ]
    if not covered:
        return document
    main = max(covered)[1]
    steps = tuple(
        partial(flag_other_languages, main=main) if step is flag_other_languages else step
        for step in CLEAN_STEPS
    )
    return clean_document(parsed, steps=steps)


def unsupported_language_plan(
    document, source: SourceInfo, supported, *, gettext: Callable[[str], str] = _identity
) -> ArticlePlan:
    """A plan with no pages and a clear flag: rules written for one language would turn
    an article in another into junk pages."""
    message = gettext(
        "The article is in %(language)s; the import rules cover %(supported)s. "
        "Nothing was planned: add rules for this language (see the README) to import it."
    ) % {"language": document.language, "supported": ", ".join(sorted(supported))}
    return ArticlePlan(
        source=source,
        title=document.title,
        dropped=list(document.dropped),
        flags=[
            *document.flags,
            Flag(kind=UNSUPPORTED_LANGUAGE, text=message, language=document.language),
        ],
        repairs=list(document.repairs),
        status="skipped",
        error=message,
    )
