"""What the classifier remembers about the texts of the article it is classifying.

The recognisers ask many questions of the same sentences (which cue words they hold,
which treatments and medicines they name); within :func:`article_scope` each answer is
worked out once per text and kept until the scope ends, so nothing outlives the article.
Outside a scope every question is answered afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

#: The memory of the analysis in progress (query -> text -> answer); None outside one.
_SCOPE: ContextVar[dict | None] = ContextVar("back_health_importer_scope", default=None)
#: The same variable, for the few callers asked so often (thousands of times an article)
#: that they read the memory inline rather than call :func:`memory`.
SCOPE = _SCOPE


@contextmanager
def article_scope() -> Iterator[None]:
    """Remember answers while one article is classified. A scope opened inside another
    shares it."""
    if _SCOPE.get() is not None:
        yield
        return
    token = _SCOPE.set({})
    try:
        yield
    finally:
        _SCOPE.reset(token)


def memory(query: Hashable) -> dict | None:
    """The answers remembered for ``query`` in the current scope (None outside one). A
    query naming an object (a rule set) keeps that object alive with the scope."""
    scope = _SCOPE.get()
    if scope is None:
        return None
    found = scope.get(query)
    if found is None:
        found = scope[query] = {}
    return found


def remembered_call(compute: Callable[..., Any], *args: Hashable) -> Any:
    """``compute(*args)``, remembered in the current scope under ``compute`` and ``args``:
    :func:`remembered` without a closure, for functions asked thousands of times an
    article."""
    found = memory(compute)
    if found is None:
        return compute(*args)
    try:
        return found[args]
    except KeyError:
        answer = found[args] = compute(*args)
        return answer


def remembered(query: Hashable, key: Hashable, compute: Callable[[], Any]) -> Any:
    """``compute()``, remembered in the current scope under ``query`` and ``key``."""
    found = memory(query)
    if found is None:
        return compute()
    try:
        return found[key]
    except KeyError:
        answer = found[key] = compute()
        return answer
