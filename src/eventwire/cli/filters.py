"""The event filter options, one group shared by ``export`` and ``stats``.

``@filter_options`` adds ``--since``, ``--bbox``, ``--type``, …, ``--scope`` to a command
(under a "Filters" heading in ``--help``) and hands the command one checked
:class:`~eventwire.db.filters.EventFilter` as its ``flt`` argument, the way sqlite-utils
shares option decorators between commands. ``--scope`` defaults to ``all`` (every record:
``export``); a conflict view asks for ``@filter_options(scope="conflict")``::

    @app.command()
    @handle_errors
    @filter_options(scope="conflict")
    def stats(db: DbOption = None, *, flt: EventFilter) -> None: ...

A bad value is a usage error (exit 2) with the filter's ``EW-QRY-…`` code.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any, TypeVar, overload

import typer

from eventwire.db.filters import SCOPES, EventFilter
from eventwire.errors import ConfigError

F = TypeVar("F", bound=Callable[..., Any])
PANEL = "Filters"


SCOPE_HELP = (
    "conflict (ACLED-typed, asserted incidents that are neither background recalls nor "
    "aggregates) or all (every record, political interactions included)."
)


def _text(flag: str, help: str) -> Any:
    return Annotated[str | None, typer.Option(flag, help=help, rich_help_panel=PANEL)]


# One option per EventFilter field, in its order; the parameter name is the field name.
FILTER_OPTIONS: dict[str, Any] = {
    "since": _text("--since", "Events on or after YYYY-MM-DD."),
    "until": _text("--until", "Events on or before YYYY-MM-DD."),
    "country": _text("--country", "Country name(s) or ISO code(s), e.g. Somalia, IQ or IQ,SY."),
    "admin1": _text("--admin1", "First-level division (province, governorate), whole name."),
    "bbox": _text("--bbox", "minlon,minlat,maxlon,maxlat in degrees."),
    "type": _text("--type", "PLOVER type, ACLED event type or sub-event type (several: a,b)."),
    "acled_type": _text("--acled-type", "ACLED event type(s) only."),
    "sub_type": _text("--sub-type", "ACLED sub-event type(s) only."),
    "actor": _text("--actor", "Part of an actor's name."),
    "modality": _text("--modality", "asserted, habitual, hypothetical, negated or generic."),
    "speaker": _text("--speaker", "Part of the name the event is attributed to."),
    "outlet": _text("--outlet", "Part of the outlet name."),
    "text": _text("--text", "Part of the event's sentence."),
    "doc_id": _text("--doc-id", "Events of this document."),
    "min_sources": Annotated[
        int | None,
        typer.Option(
            "--min-sources",
            help="Only events reported by at least N outlets.",
            rich_help_panel=PANEL,
        ),
    ],
    "scope": _text("--scope", SCOPE_HELP),
}
assert tuple(FILTER_OPTIONS) == EventFilter.names(), "one option per filter field"


def build_filter(values: dict[str, Any], scope: str = "all") -> EventFilter:
    """The filter from the options' values (``scope`` when ``--scope`` is not given); a bad
    value is a usage error (exit 2)."""
    try:
        return EventFilter.from_options(values, scope=scope)
    except ConfigError as exc:
        raise typer.BadParameter(str(exc)) from None


@overload
def filter_options(func: F, /) -> F: ...
@overload
def filter_options(*, scope: str = "all") -> Callable[[F], F]: ...
def filter_options(func: F | None = None, /, *, scope: str = "all") -> F | Callable[[F], F]:
    """Give a command the filter options; it receives them as ``flt: EventFilter``.

    Used bare (``@filter_options``: scope ``all`` unless ``--scope`` says otherwise) or
    with the command's default scope (``@filter_options(scope="conflict")``).
    """
    if scope not in SCOPES:
        raise ValueError(f"scope {scope!r} is not one of {SCOPES}")
    if func is None:
        return functools.partial(_with_filter_options, scope=scope)
    return _with_filter_options(func, scope)


def _with_filter_options(func: F, scope: str) -> F:
    """``func`` with the filter options added to its signature (see :func:`filter_options`)."""
    signature = inspect.signature(func, eval_str=True)
    own = [p for p in signature.parameters.values() if p.name != "flt"]
    options = {**FILTER_OPTIONS, "scope": _text("--scope", f"{SCOPE_HELP} Default: {scope}.")}
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=option)
        for name, option in options.items()
    ]
    clash = {p.name for p in own} & set(FILTER_OPTIONS)
    if clash or "flt" not in signature.parameters:
        raise TypeError(f"{func.__name__} needs an flt parameter and no {sorted(clash)}")

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name, None) for name in FILTER_OPTIONS}
        return func(*args, **kwargs, flt=build_filter(values, scope))

    params = [*own, *added]
    wrapper.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    return wrapper  # type: ignore[return-value]
