"""Countries by ISO code or by name, for the ``country`` filter and the dashboard.

The store keeps ISO 3166-1 alpha-2 codes; users type "Somalia", "somalia", "SOM" or "SO".
:func:`country_codes` turns each into its code; a name it does not know is a usage error
whose message suggests the nearest names (so a typo answers with a hint, never with an
empty result). Names come from ``pycountry`` (name, common and official names, the short
form before a comma: "Iran, Islamic Republic of" → "Iran") and the ACLED country names of
the actor dictionary ("Democratic Republic of Congo", "Kosovo").

>>> country_codes(["Somalia", "somalia", "SO", "som"])
('SO', 'SO', 'SO', 'SO')
>>> country_codes(["Syria", "iran"])
('SY', 'IR')
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable

from eventwire.errors import ConfigError

_SPACES = re.compile(r"[\s\-_.'’]+")
HINTS = 3  # suggested names in the error of an unknown one


def _key(name: str) -> str:
    """A name folded for comparison: lower case, punctuation and runs of spaces as one."""
    return _SPACES.sub(" ", name.casefold()).strip()


@functools.cache
def country_names() -> dict[str, str]:
    """``{code: display name}`` of every country known by name (the ACLED name first)."""
    import pycountry

    out: dict[str, str] = {}
    for country in pycountry.countries:
        out[country.alpha_2] = getattr(country, "common_name", None) or country.name
    out.update(_dictionary_names())
    return out


def _dictionary_names() -> dict[str, str]:
    """The actor dictionary's ACLED country names (none when it cannot be read)."""
    try:
        from eventwire.pipeline.actors.acled_names import default_dictionary

        return {str(k): str(v) for k, v in default_dictionary().country_names.items() if v}
    except Exception:  # an unusable dictionary: pycountry's names still answer
        return {}


@functools.cache
def _index() -> dict[str, str]:
    """Folded name, short name or alpha-3 code → alpha-2 code."""
    import pycountry

    index: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        names = [country.name, country.alpha_3]
        names += [getattr(country, a, None) or "" for a in ("common_name", "official_name")]
        names.append(country.name.split(",")[0])
        for name in names:
            if name:
                index.setdefault(_key(name), code)
    for code, name in country_names().items():
        index.setdefault(_key(name), code)
    return index


def country_code(value: str) -> str:
    """The alpha-2 code of one code or name; an unknown name is a :class:`ConfigError`.

    Any two letters are taken as a code (stores may hold codes outside ISO 3166, "XK").
    """
    text = value.strip()
    if len(text) == 2 and text.isalpha():
        return text.upper()
    found = _index().get(_key(text))
    if found:
        return found
    raise ConfigError(
        f"country {value!r} is not a country name or ISO code{suggest(text)} "
        "Use a name (Somalia) or a two-letter code (SO).",
        "EW-QRY-013",
    )


def suggest(text: str) -> str:
    """``"; did you mean Somalia (SO)?"`` for the names nearest ``text``, else ``"."``."""
    names = country_names()
    by_key = {_key(name): code for code, name in names.items()}
    close = difflib.get_close_matches(_key(text), list(by_key), n=HINTS, cutoff=0.6)
    if not close:
        return "."
    hints = [f"{names[by_key[k]]} ({by_key[k]})" for k in close]
    return f"; did you mean {' or '.join(hints)}?"


def country_codes(values: Iterable[str]) -> tuple[str, ...]:
    """Codes of ``values`` (codes or names, any case), in order."""
    return tuple(country_code(v) for v in values)
