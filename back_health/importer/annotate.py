"""Keys, reasons and suggestions: the last step of planning, after the classifier.

Every page of a plan gets a stable ``key`` (its kind and entity key) and a ``reason``
an editor reads on the review screen; a page the article only mentions becomes a
suggestion. The reasons are user-visible: pass Django's ``gettext`` to have them
translated (the default speaks English), so this module stays free of Django.
"""

from __future__ import annotations

from collections.abc import Callable

from .names import entity_key
from .plan import UNTITLED_ARTICLE, ArticlePlan, Kind, PagePlan


def _identity(message: str) -> str:
    return message


def page_key(kind: str, title: str) -> str:
    """The stable key of a planned page: its kind and normalised name."""
    return f"{kind}:{entity_key(title)}"


def annotate_plan(plan: ArticlePlan, *, gettext: Callable[[str], str] = _identity) -> ArticlePlan:
    """Give every page its ``key`` and ``reason``, and turn bare mentions into suggestions.

    Runs after the classifier. A page other than the article's subject that has
    neither a body, nor a summary, nor brand names of a medicine is only mentioned: it becomes a
    suggested page (``action="suggest"``, ``include=False``) that is written only when
    an editor includes it, and linked to when a page of that name already exists.
    """
    seen: set[str] = set()
    because = {" ".join(d.part.casefold().split()): d.because for d in plan.decisions}
    main = plan.main_page
    if main is not None and main.title == UNTITLED_ARTICLE:
        main.title = gettext("Untitled article")
    for page in plan.pages:
        if page.kind == Kind.INDEX:
            continue
        if not page.key:
            key = base = page_key(page.kind, page.title)
            number = 1
            while key in seen:
                number += 1
                key = f"{base}~{number}"
            page.key = key
        seen.add(page.key)
        bare = (
            page is not main
            and not page.blocks
            and not page.summary.strip()
            and not any(medicine.brands for medicine in page.medicines)
        )
        if bare and page.action == "create" and page.page_id is None:
            page.action, page.include = "suggest", False
            page.reason = " ".join([page.reason, _suggestion_reason(gettext)]).strip()
        if page.action == "suggest":
            page.include = page.include and page.page_id is not None
        if not page.reason:
            page.reason = _page_reason(page, page is main, because, gettext)
    # A suggestion is not a page to write up (yet): its action says all a thin-page flag did.
    suggested = {page.title for page in plan.pages if page.action == "suggest"}
    plan.flags = [f for f in plan.flags if not (f.kind == "thin_page" and f.text in suggested)]
    return plan


def _suggestion_reason(gettext: Callable[[str], str]) -> str:
    return gettext(
        "Only mentioned in the article, with nothing written about it: include it to "
        "create a page to write up."
    )


def _page_reason(
    page: PagePlan, is_main: bool, because: dict[str, str], gettext: Callable[[str], str]
) -> str:
    found = because.get(" ".join(page.title.casefold().split()))
    if page.action == "suggest":
        return _suggestion_reason(gettext)
    if is_main:
        return gettext("The article is about it.")
    if found:
        return found
    return {
        Kind.CONDITION: gettext("The article writes about it as a condition."),
        Kind.CAUSE: gettext("The article names it as a cause."),
        Kind.TREATMENT: gettext("The article names it as a treatment."),
    }.get(page.kind, "")
