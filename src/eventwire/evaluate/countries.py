"""Country names of gold rows as ISO 3166 alpha-2 codes (ACLED and GTD spell some their way).

>>> country_code("Ivory Coast"), country_code("Iraq")
('CI', 'IQ')
"""

from __future__ import annotations

# Country names used by ACLED/GTD that pycountry does not resolve on its own.
_COUNTRY_ALIASES: dict[str, str] = {
    "democratic republic of congo": "CD",
    "republic of congo": "CG",
    "ivory coast": "CI",
    "turkey": "TR",
    "russia": "RU",
    "palestine": "PS",
    "kosovo": "XK",
    "west bank and gaza strip": "PS",
    "eswatini": "SZ",
    "laos": "LA",
    "north korea": "KP",
    "south korea": "KR",
}


def country_code(name: str | None) -> str | None:
    """Return the ISO2 code of a country name ("Ivory Coast" -> "CI"), or None."""
    if not name or not isinstance(name, str):
        return None
    alias = _COUNTRY_ALIASES.get(name.strip().lower())
    if alias:
        return alias
    import pycountry  # lazy: ~70 ms to import, and most names hit _COUNTRY_ALIASES

    try:
        return str(pycountry.countries.lookup(name.strip()).alpha_2)
    except LookupError:
        return None
