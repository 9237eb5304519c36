"""Check and complete the fields of a review: what an analyst may change, and how.

Every field a review changes is validated here (for the API, the CLI and the Python API
alike) and completed from the project's own references, so a reviewed event is as fully
coded as a machine one:

- ``plover_type``/``plover_mode``/``acled_event_type``/``acled_sub_event_type``: names of
  the ontology (:mod:`eventwire.ontology`); a sub-event type brings its ACLED event type, a
  PLOVER type its CAMEO root.
- ``actor1``/``actor2``: ``{"id": …}`` from the actor dictionary (name, type, inter code and
  country filled from it) or a new actor ``{"name": …, "inter": …}``.
- ``location``: ``{"geonameid": …}`` or ``{"name": …, "country": …}`` looked up in the
  gazetteer (precision from the feature unless given), or a place typed in whole with its
  ``lat``/``lon``.
- ``date`` (a range), ``fatalities`` (low ≤ best ≤ high), ``modality``, ``attribution``.

>>> resolve_changes({"fatalities": {"best": 5}})
{'fatalities': {'best': 5, 'low': 5, 'high': 5}}
>>> resolve_changes({"acled_sub_event_type": "Armed clash"})["acled_event_type"]
'Battles'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eventwire.errors import EventwireError
from eventwire.ontology import load_ontology
from eventwire.records import MODALITIES, parse_iso_date

ACTIONS: tuple[str, ...] = ("confirm", "correct", "reject")
CLUSTER_ACTIONS: tuple[str, ...] = ("merge", "split")
# Fields an analyst may correct (the record keys they replace).
CORRECTABLE: tuple[str, ...] = (
    "plover_type",
    "plover_mode",
    "acled_event_type",
    "acled_sub_event_type",
    "actor1",
    "actor2",
    "location",
    "date",
    "fatalities",
    "modality",
    "attribution",
)
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year", "range")
ActorLookup = Callable[[dict[str, Any]], dict[str, Any] | None]
PlaceLookup = Callable[[dict[str, Any]], dict[str, Any] | None]


class ReviewError(EventwireError):
    """A review cannot be stored (unknown event, bad action or field value)."""

    code = "EW-REV-000"


def _bad(message: str, code: str) -> ReviewError:
    return ReviewError(message, code)


def check_ontology(changes: dict[str, Any]) -> None:
    """Type fields must name ontology entries; fill what they imply (in place)."""
    onto = load_ontology()
    if "plover_type" in changes:
        name = str(changes["plover_type"]).upper()
        if onto.canonical_type(name) not in onto.plover:
            raise _bad(f"unknown PLOVER type {changes['plover_type']!r}", "EW-REV-006")
        changes["plover_type"] = onto.canonical_type(name)
        mode = changes.get("plover_mode")
        modes = onto.plover[changes["plover_type"]].modes
        if mode is not None and mode not in modes:
            raise _bad(
                f"{mode!r} is not a mode of {changes['plover_type']} "
                f"(modes: {', '.join(modes) or 'none'})",
                "EW-REV-007",
            )
        changes.setdefault("plover_mode", None)  # the machine's mode belongs to its type
        changes["cameo_root"] = onto.cameo_root(changes["plover_type"], changes["plover_mode"])
    sub = changes.get("acled_sub_event_type")
    if sub is not None:
        if sub not in onto.sub_types:
            raise _bad(f"unknown ACLED sub-event type {sub!r}", "EW-REV-008")
        implied = onto.acled_type(sub)
        given = changes.setdefault("acled_event_type", implied)
        if given != implied:
            raise _bad(f"{sub!r} is not a sub-event type of {given!r}", "EW-REV-009")
    acled = changes.get("acled_event_type")
    if acled is not None and acled not in onto.event_types:
        raise _bad(f"unknown ACLED event type {acled!r}", "EW-REV-010")


def dictionary_actor(value: dict[str, Any]) -> dict[str, Any] | None:
    """The packaged actor dictionary's entry by ``id`` (else by ``name``), or None."""
    return actor_lookup(())(value)


def actor_lookup(user_files: tuple[str, ...] = ()) -> ActorLookup:
    """Look actors up (by ``id``, else by ``name`` or alias) in the packaged dictionary plus
    the user's files (settings' ``user_actor_files``): the dictionary the pipeline codes with."""
    from eventwire.pipeline.actors.acled_names import default_dictionary
    from eventwire.pipeline.common.actordict import load_actor_dictionary, normalise

    dictionary = load_actor_dictionary(user_files) if user_files else default_dictionary()
    names: dict[str, Any] = {}

    def lookup(value: dict[str, Any]) -> dict[str, Any] | None:
        if value.get("id"):
            entry = dictionary.get(str(value["id"]))
        else:
            text = str(value.get("name") or "")
            entry = dictionary.lookup(text)
            if entry is None:
                if not names:
                    names.update({normalise(e.name): e for e in dictionary.by_id.values()})
                entry = names.get(normalise(text))
        return None if entry is None else _actor_values(entry)

    return lookup


def _actor_values(entry: Any) -> dict[str, Any]:
    """An actor-dictionary entry as the values of a reviewed actor."""
    return {
        "id": entry.id,
        "name": entry.name,
        "type": entry.type,
        "inter": entry.inter,
        "country": entry.country,
        "affiliation": entry.affiliation(),
    }


def gazetteer_place(value: dict[str, Any]) -> dict[str, Any] | None:
    """A gazetteer row by ``geonameid``, or the best match of ``name`` (in ``country``)."""
    from eventwire.pipeline.places.gazetteer.index import built_gazetteer

    gaz = built_gazetteer()
    rows: list[int]
    if value.get("geonameid") is not None:
        rows = [int(i) for i in (gaz.gid == int(value["geonameid"])).nonzero()[0]]
    else:
        found = gaz.lookup(str(value["name"]))
        if value.get("country"):
            found = [c for c in found if gaz.country_code(c.index) == value["country"].upper()]
        found.sort(key=lambda c: (-c.flag, gaz.feature(c.index) != "city", c.index))
        rows = [c.index for c in found]
    if not rows:
        return None
    place = gaz.place(rows[0], precision=value.get("precision"))
    return {
        "name": place.name,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "admin1": place.admin1,
        "country": place.country,
        "precision": place.precision,
        "fallback": None,
    }


def search_actors(
    text: str, limit: int = 20, user_files: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """Dictionary actors whose name, id or an alias contains ``text`` (to choose one by id)."""
    from eventwire.pipeline.actors.acled_names import default_dictionary
    from eventwire.pipeline.common.actordict import load_actor_dictionary, normalise

    dictionary = load_actor_dictionary(user_files) if user_files else default_dictionary()
    wanted = normalise(text)
    out = []
    for entry in dictionary.by_id.values():
        names = [entry.name, entry.id, *entry.aliases]
        if wanted and any(wanted in normalise(n) for n in names):
            out.append(_actor_values(entry))
            if len(out) >= limit:
                break
    return out


def search_places(text: str, country: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """Gazetteer places named ``text`` (in ``country``), best matches first (to choose one
    by geonameid)."""
    from eventwire.pipeline.places.gazetteer.index import built_gazetteer
    from eventwire.pipeline.places.gazetteer.search import summary

    gaz = built_gazetteer()
    found = gaz.lookup(text)
    if country:
        found = [c for c in found if gaz.country_code(c.index) == country.upper()]
    found.sort(key=lambda c: (-c.flag, gaz.feature(c.index) != "city", c.index))
    return [summary(gaz.place(candidate.index)) for candidate in found[:limit]]


def resolve_actor(value: Any, field: str, lookup: ActorLookup) -> dict[str, Any]:
    """A dictionary actor (by id, or a name the dictionary knows) completed from the
    dictionary, or a new one (a name and an inter code)."""
    if not isinstance(value, dict):
        raise _bad(f"{field} must be an object", "EW-REV-011")
    if value.get("id"):
        found = lookup({"id": str(value["id"])})
        if found is None:
            raise _bad(f"{field}: no actor {value['id']!r} in the actor dictionary", "EW-REV-013")
        return found
    name = str(value.get("name") or "").strip()
    inter = value.get("inter")
    if name and inter is None:
        found = lookup({"name": name})
        if found is not None:
            return found
    if not name or not isinstance(inter, int) or not 0 <= inter <= 8:
        raise _bad(
            f"{field}: {name!r} is not in the actor dictionary; a new actor needs a name and "
            "an inter code 0..8 (or choose one from the dictionary by id)",
            "EW-REV-014",
        )
    country = value.get("country")
    return {
        "id": None,
        "name": name,
        "type": value.get("type"),
        "inter": inter,
        "country": country.upper() if isinstance(country, str) else None,
        "affiliation": [],
    }


def resolve_place(value: Any, lookup: PlaceLookup) -> dict[str, Any]:
    """A gazetteer place (by geonameid or name), or one typed in whole with coordinates."""
    if not isinstance(value, dict):
        raise _bad("location must be an object", "EW-REV-011")
    precision = value.get("precision")
    if precision is not None and precision not in (1, 2, 3):
        raise _bad(f"location precision {precision!r} is not 1, 2 or 3", "EW-REV-015")
    if value.get("lat") is not None and value.get("lon") is not None and value.get("name"):
        return {"geonameid": None, "precision": precision or 1, "fallback": None, **value}
    if value.get("geonameid") is None and not value.get("name"):
        raise _bad("location needs a geonameid, a name, or a name with lat/lon", "EW-REV-016")
    found = lookup(value)
    if found is None:
        raise _bad(
            f"no gazetteer place matches {value!r}; give lat and lon to enter a place the "
            "gazetteer lacks",
            "EW-REV-017",
        )
    return found


def resolve_date(value: Any) -> dict[str, Any]:
    """A date range: ISO start, end (default: start) not before it, and a precision."""
    if not isinstance(value, dict):
        raise _bad("date must be an object", "EW-REV-011")
    try:
        start = parse_iso_date(value.get("start"))
        end = parse_iso_date(value.get("end")) or start
    except (ValueError, TypeError):
        raise _bad(f"date {value!r} is not an ISO date range", "EW-REV-018") from None
    if start is None or end is None or end < start:
        raise _bad(f"date {value!r} needs a start on or before its end", "EW-REV-018")
    precision = value.get("precision") or ("day" if start == end else "range")
    if precision not in DATE_PRECISIONS:
        raise _bad(f"date precision {precision!r} is not one of {DATE_PRECISIONS}", "EW-REV-018")
    return {"start": start.isoformat(), "end": end.isoformat(), "precision": precision}


def resolve_fatalities(value: Any) -> dict[str, Any]:
    """low ≤ best ≤ high, whole numbers ≥ 0 (low and high default to best)."""
    if not isinstance(value, dict) or not isinstance(value.get("best"), int):
        raise _bad("fatalities needs a whole number best", "EW-REV-019")
    best = value["best"]
    low = value.get("low", best) if value.get("low") is not None else best
    high = value.get("high", best) if value.get("high") is not None else best
    if not all(isinstance(n, int) and n >= 0 for n in (low, best, high)) or not (
        low <= best <= high
    ):
        raise _bad(
            f"fatalities {value!r} must be whole numbers with low ≤ best ≤ high", "EW-REV-019"
        )
    return {"best": best, "low": low, "high": high}


def resolve_attribution(value: Any) -> dict[str, Any]:
    """Who the event is attributed to (``speaker`` None: the report's own voice)."""
    if not isinstance(value, dict):
        raise _bad("attribution must be an object", "EW-REV-011")
    speaker = value.get("speaker")
    if speaker is not None and not str(speaker).strip():
        speaker = None
    return {"speaker": speaker, "role": value.get("role"), "verb": value.get("verb")}


def resolve_changes(
    changes: dict[str, Any] | None,
    actors: ActorLookup = dictionary_actor,
    places: PlaceLookup = gazetteer_place,
) -> dict[str, Any]:
    """Validate the changes of a correction and complete them; return the values to store."""
    changes = dict(changes or {})
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise _bad(
            f"cannot correct {', '.join(unknown)}; correctable fields: {', '.join(CORRECTABLE)}",
            "EW-REV-002",
        )
    check_ontology(changes)
    for field in ("actor1", "actor2"):
        if field in changes:
            changes[field] = resolve_actor(changes[field], field, actors)
    if "location" in changes:
        changes["location"] = resolve_place(changes["location"], places)
    if "date" in changes:
        changes["date"] = resolve_date(changes["date"])
    if "fatalities" in changes:
        changes["fatalities"] = resolve_fatalities(changes["fatalities"])
    if "modality" in changes and changes["modality"] not in MODALITIES:
        raise _bad(
            f"modality {changes['modality']!r} is not one of {', '.join(MODALITIES)}",
            "EW-REV-012",
        )
    if "attribution" in changes:
        changes["attribution"] = resolve_attribution(changes["attribution"])
    return changes


def validate_action(action: str, changes: dict[str, Any] | None) -> None:
    """An action and whether it takes changes."""
    if action not in ACTIONS:
        raise _bad(f"action {action!r} is not one of {', '.join(ACTIONS)}", "EW-REV-001")
    if action == "correct" and not changes:
        raise _bad("a correction needs at least one changed field", "EW-REV-003")
    if action != "correct" and changes:
        raise _bad(f"{action!r} takes no changes; use action 'correct'", "EW-REV-004")
