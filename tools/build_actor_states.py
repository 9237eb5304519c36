"""Generate ``src/eventwire/data/actors/states.jsonl`` from pycountry (run at design time).

For every ISO 3166-1 country it writes three state actors: the government, the
military forces and the police forces, with ACLED inter code 1. The shipped JSONL is
the data; this script only documents how it was made::

    .venv/bin/python tools/build_actor_states.py > src/eventwire/data/actors/states.jsonl
"""

from __future__ import annotations

import json
import sys

import pycountry

# Short names in the form news and ACLED use ("Iran", not "Iran, Islamic Republic of").
SHORT_NAMES: dict[str, str] = {
    "BO": "Bolivia",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "MD": "Moldova",
    "PS": "Palestine",
    "RU": "Russia",
    "SY": "Syria",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "VE": "Venezuela",
    "VN": "Vietnam",
    "TR": "Turkey",
    "GB": "United Kingdom",
    "US": "United States",
    "MK": "North Macedonia",
    "BN": "Brunei",
    "CV": "Cape Verde",
    "SZ": "eSwatini",
    "VA": "Vatican City",
    "FK": "Falkland Islands",
    "KN": "Saint Kitts and Nevis",
    "BQ": "Caribbean Netherlands",
    "SX": "Sint Maarten",
    "MF": "Saint Martin",
    "XK": "Kosovo",
}
# Names that take "the" after "of" ("Military Forces of the Philippines").
WITH_THE = {
    "PH",
    "US",
    "GB",
    "NL",
    "BS",
    "GM",
    "CF",
    "DO",
    "AE",
    "MV",
    "SC",
    "SB",
    "MH",
    "KM",
    "CG",
    "CD",
}
EXTRA_ALIASES: dict[str, list[str]] = {
    "US": ["USA", "U.S.", "US", "America", "United States of America", "Washington"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Congo"],
    "TR": ["Turkiye", "Türkiye"],
    "MM": ["Burma"],
    "PS": ["Palestinian Territories", "Palestinian Authority"],
    "RU": ["Russian Federation", "Moscow", "Kremlin"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "KP": ["DPRK", "Pyongyang"],
    "SA": ["Saudi", "Riyadh"],
    "IR": ["Tehran"],
    "SY": ["Damascus"],
    "IL": ["Tel Aviv"],
}


def country_name(code: str) -> str:
    if code in SHORT_NAMES:
        return SHORT_NAMES[code]
    country = pycountry.countries.get(alpha_2=code)
    assert country is not None, code
    return str(getattr(country, "common_name", None) or country.name)


def records() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    countries = [*list(pycountry.countries), type("K", (), {"alpha_2": "XK", "name": "Kosovo"})()]
    for c in sorted(countries, key=lambda c: c.alpha_2):
        code = c.alpha_2
        name = country_name(code)
        of = f"the {name}" if code in WITH_THE else name
        names = sorted({name, c.name, *EXTRA_ALIASES.get(code, [])} - {""})
        prov = "pycountry ISO 3166-1 (tools/build_actor_states.py)"
        out.append(
            {
                "id": f"{code}-GOV",
                "name": f"Government of {of}",
                "aliases": names,
                "inter": 1,
                "country": code,
                "type": "government",
                "provenance": prov,
            }
        )
        out.append(
            {
                "id": f"{code}-MIL",
                "name": f"Military Forces of {of}",
                "aliases": [],
                "inter": 1,
                "country": code,
                "type": "military",
                "provenance": prov,
            }
        )
        out.append(
            {
                "id": f"{code}-POL",
                "name": f"Police Forces of {of}",
                "aliases": [],
                "inter": 1,
                "country": code,
                "type": "police",
                "provenance": prov,
            }
        )
    return out


def main() -> None:
    for record in records():
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
