"""The actor dictionary: loader, alias index, fuzzy matching, dated roles.

The file schema and its checks (`eventwire dictionary check`) are in ``actorschema.py``.

Records are JSONL, one actor a line, in ``eventwire/data/actors/`` (see its MANIFEST.json)
plus any user files from ``Settings.user_actor_files`` (loaded last; a user record with
the id of a built-in one replaces it)::

    {"id": "IQ-MALIKI", "name": "Nuri al-Maliki", "aliases": ["Maliki"], "inter": null,
     "country": "IQ", "type": "person",
     "roles": [{"actor": "IQ-GOV", "title": "prime minister",
                "start": "2006-05-20", "end": "2014-09-08"}],
     "provenance": "eventwire editors"}

Generic records (``"generic": true``) list head nouns (``"heads"``) such as "protester"
or "gunman"; composition of generic mentions lives in ``pipeline/actor_compose.py``.

>>> d = load_actor_dictionary()
>>> d.lookup("Daesh").id
'ISIS'
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from eventwire.datafiles import data_path, manifest_versions, word_table, words
from eventwire.errors import DataFileError
from eventwire.pipeline.common.actorschema import check_file, read_records, validate_record
from eventwire.pipeline.common.actorschema import parse_role_date as _parse_date
from eventwire.records import Actor

BUILTIN_FILES: tuple[str, ...] = ("states.jsonl", "groups.jsonl", "leaders.jsonl", "generic.jsonl")
_WORD = re.compile(r"[a-z0-9]+")
_APOSTROPHES = re.compile(r"['’`ʿʼ‘]")
_POSSESSIVE = re.compile(r"['’]s\b")
_DROP_TOKENS: frozenset[str] = words("actors", "drop_tokens")
# "child" -> "children", "schoolchild" -> "schoolchildren": plurals no suffix rule makes
_IRREGULAR: dict[str, tuple[str, ...]] = word_table("actors", "irregular_plurals")
FUZZY_CUTOFF = 88.0
# ACLED inter codes of armed parties: state forces, rebels, political and identity militias,
# external forces (not rioters 5, protesters 6, civilians 7)
ARMED_INTER = frozenset({1, 2, 3, 4, 8})
ROLE_GRACE_DAYS = 730  # a report published soon after a term ended usually means that term


@dataclass(slots=True)
class Role:
    """A dated role of a person: they act as ``actor`` between ``start`` and ``end``."""

    actor: str
    title: str = ""
    start: date | None = None
    end: date | None = None

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(slots=True)
class ActorEntry:
    """One dictionary record."""

    id: str
    name: str
    type: str
    provenance: str
    aliases: list[str] = field(default_factory=list)
    inter: int | None = None
    country: str | None = None
    religion: str | None = None
    ethnicity: str | None = None
    parent: str | None = None
    acronym: str | None = None
    label: str | None = None
    label_country: bool = False
    period: str | None = None
    generic: bool = False
    heads: list[str] = field(default_factory=list)
    state: str | None = None  # generic state forces: "MIL", "POL", "GOV"
    roles: list[Role] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)  # first-level areas it mostly acts in
    source: str = ""  # file:line it came from

    def role_on(self, day: date | None, grace_days: int = ROLE_GRACE_DAYS) -> Role | None:
        """Return the role valid on ``day`` (the latest-starting one), or None.

        Reports often look back: a role that ended at most ``grace_days`` before ``day``
        still counts when no role is valid on the day itself.
        """
        valid = [r for r in self.roles if r.valid_on(day)]
        if valid:
            return max(valid, key=lambda r: r.start or date.min)
        if day is None or grace_days <= 0:
            return None
        recent = [r for r in self.roles if r.end and 0 <= (day - r.end).days <= grace_days]
        return max(recent, key=lambda r: r.end or date.min) if recent else None

    def affiliation(self) -> list[str]:
        return [v for v in (self.religion, self.ethnicity) if v]

    def mention(
        self, text: str, start: int, end: int, resolved_by: str, claimed: bool = False
    ) -> Actor:
        """The actor a document span that names this entry codes as: the entry's name,
        id, sector, inter code, country and affiliation, with how it was found."""
        return Actor(
            text=text,
            start=start,
            end=end,
            name=self.name,
            actor_id=self.id,
            type=self.type,
            inter=self.inter,
            country=self.country,
            affiliation=self.affiliation(),
            resolved_by=resolved_by,
            claimed=claimed,
        )

    def inferred(self, country: str | None) -> Actor:
        """The actor an event gets when the text names none and a convention supplies this
        generic entry (unidentified armed group, the air force of an air strike): no span,
        the country of the report."""
        return Actor(
            text="",
            name=self.name,
            actor_id=self.id,
            type=self.type,
            inter=self.inter,
            country=country,
            resolved_by="inferred",
        )


@lru_cache(maxsize=1 << 16)  # the stages ask for the same few thousand words again and again
def normalise(text: str) -> str:
    """Return the matching key of a name: ASCII, lower case, no apostrophes or "al-".

    >>> normalise("Da'ish"), normalise("Nuri al-Maliki"), normalise("Hizbullah")
    ('daish', 'nuri maliki', 'hizbullah')
    """
    if not text.isascii():  # ASCII has no compatibility forms and no combining marks
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text.lower())
    words = [w for w in _WORD.findall(text) if w not in _DROP_TOKENS]
    return " ".join(words)


def is_acronym(alias: str) -> bool:
    """Short upper-case aliases (IS, UN, PDF) only match with their case intact."""
    letters = re.sub(r"[^A-Za-z]", "", alias)
    return 0 < len(letters) <= 5 and letters.isupper()


def _entry(record: dict[str, Any], where: str) -> ActorEntry:
    roles = [
        Role(
            actor=r["actor"],
            title=str(r.get("title", "")),
            start=_parse_date(r.get("start"), where),
            end=_parse_date(r.get("end"), where),
        )
        for r in record.get("roles", [])
    ]
    return ActorEntry(
        id=record["id"],
        name=record["name"],
        type=record["type"],
        provenance=record["provenance"],
        aliases=list(record.get("aliases", [])),
        inter=record.get("inter"),
        country=record.get("country"),
        religion=record.get("religion"),
        ethnicity=record.get("ethnicity"),
        parent=record.get("parent"),
        acronym=record.get("acronym"),
        label=record.get("label"),
        label_country=bool(record.get("label_country", False)),
        period=record.get("period"),
        generic=bool(record.get("generic", False)),
        heads=list(record.get("heads", [])),
        state=record.get("state"),
        roles=roles,
        areas=list(record.get("areas", [])),
        source=where,
    )


def _plurals(head: str) -> list[str]:
    """A head noun and its plurals ("child": "child", "childs", "children").

    >>> _plurals("schoolchild"), _plurals("armed man")
    (['schoolchild', 'schoolchildren', 'schoolchilds'], ['armed man', 'armed men'])
    """
    words = head.split(" ")
    last = words[-1]
    forms = {last}
    for singular, plurals in _IRREGULAR.items():
        if last.endswith(singular):
            forms.update(last[: len(last) - len(singular)] + p for p in plurals)
    if last.endswith("man"):
        forms.add(last[:-3] + "men")
    elif last.endswith("y") and not last.endswith(("ay", "ey", "oy")):
        forms.add(last[:-1] + "ies")
    elif last.endswith(("s", "x", "ch", "sh")):
        forms.add(last + "es")
    else:
        forms.add(last + "s")
    return [" ".join([*words[:-1], f]) for f in sorted(forms)]


def _first_word_runs(keys: Iterable[str]) -> frozenset[str]:
    """Every key and every run of its first words, so a scan word by word can stop as soon
    as no key can start with what it has read."""
    parts = [key.split(" ") for key in keys]
    return frozenset(" ".join(p[:n]) for p in parts for n in range(1, len(p) + 1))


def _read_csv(name: str) -> list[dict[str, str]]:
    path = data_path("actors", name)
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines))


class ActorDictionary:
    """Actors by id, an alias index (exact, case-aware for acronyms), fuzzy lookup, heads."""

    def __init__(
        self, entries: Iterable[ActorEntry], versions: dict[str, str] | None = None
    ) -> None:
        self.by_id: dict[str, ActorEntry] = {}
        for entry in entries:
            old = self.by_id.get(entry.id)
            if old is not None:  # later files override earlier ones; old names still match
                extra = [a for a in [old.name, *old.aliases] if a not in entry.aliases]
                entry.aliases = [*entry.aliases, *extra]
            self.by_id[entry.id] = entry
        self.versions = versions or {}
        self.alias: dict[str, str] = {}  # normalised alias -> id
        self.acronyms: dict[str, str] = {}  # exact-case acronym -> id
        # (acronym, country) -> id: "PDF" is Myanmar's People's Defence Force and Sudan's
        # Popular Defence Forces; ``acronyms`` keeps the first country's
        self.local_acronyms: dict[tuple[str, str], str] = {}
        self.countries: dict[str, str] = {}  # normalised country name -> ISO2
        self.country_acronyms: dict[str, str] = {}  # "US", "UK", "DRC" (exact case) -> ISO2
        self.country_names: dict[str, str] = {}  # ISO2 -> short name
        self.heads: dict[str, str] = {}  # normalised head noun (and plural) -> generic id
        for entry in self.by_id.values():
            self._index(entry)
        self.demonyms: dict[str, str] = {}
        self.identities: dict[str, tuple[str, str, str | None]] = {}
        # peoples, parties, movements, militias, politicians -> (kind, home countries)
        self.homes: dict[str, tuple[str, tuple[str, ...]]] = {}
        self.periods: dict[str, list[tuple[int, int | None]]] = {}
        self.max_alias_words = max((len(k.split()) for k in self.alias), default=1)
        self._fuzzy_keys = [k for k in self.alias if len(k) >= 5]

    def _index(self, entry: ActorEntry) -> None:
        if entry.generic:
            for head in entry.heads:
                for form in _plurals(normalise(head)):
                    self.heads.setdefault(form, entry.id)
            return
        is_state_gov = entry.type == "government" and entry.id == f"{entry.country}-GOV"
        if is_state_gov and entry.country:
            self.country_names[entry.country] = entry.name.removeprefix(
                "Government of "
            ).removeprefix("the ")
        for alias in [entry.name, *entry.aliases]:
            if is_acronym(alias) and is_state_gov and entry.country:
                self.country_acronyms[alias.replace(".", "")] = entry.country
                continue
            if is_acronym(alias):
                first = self.get(self.acronyms.get(alias))
                if first is None or first.country == entry.country:
                    self.acronyms[alias] = entry.id
                self.local_acronyms[(alias, entry.country or "")] = entry.id
                continue
            key = normalise(alias)
            if not key:
                continue
            if is_state_gov and entry.country:
                self.countries[key] = entry.country
            else:
                self.alias[key] = entry.id
                # the mention coder reads "People's" as "People" ("Iraq's" -> "Iraq"): the
                # alias is found under that key too ("Tigray People's Liberation Front")
                self.alias.setdefault(normalise(_POSSESSIVE.sub("", alias)), entry.id)

    def load_tables(self) -> None:
        """Load demonyms, identity terms and government periods (packaged CSVs)."""
        for row in _read_csv("demonyms.csv"):
            self.demonyms[normalise(row["demonym"])] = row["country"]
        for row in _read_csv("identities.csv"):
            self.identities[normalise(row["term"])] = (
                row["kind"],
                row["label"],
                row["country"] or None,
            )
        for row in _read_csv("homes.csv"):
            self.homes[normalise(row["term"])] = (row["kind"], tuple(row["countries"].split()))
        for row in _read_csv("regimes.csv"):
            start, end = int(row["start"]), int(row["end"]) if row["end"] else None
            self.periods.setdefault(row["country"], []).append((start, end))

    def __len__(self) -> int:
        return len(self.by_id)

    @cached_property
    def alias_prefixes(self) -> frozenset[str]:
        """Every alias key and every run of its first words ("islamic", "islamic state")."""
        return _first_word_runs(self.alias)

    @cached_property
    def home_prefixes(self) -> frozenset[str]:
        """Every identity and home term and every run of its first words."""
        return _first_word_runs((*self.identities, *self.homes))

    def namesake(self, entry: ActorEntry, words: list[str], country: str | None) -> ActorEntry:
        """The entry of ``country`` that shares the acronym among ``words`` by which
        ``entry`` was found ("PDF" in Sudan: the Popular Defence Forces), else ``entry``."""
        if not country or entry.country in (None, country):
            return entry
        for word in words:
            if self.acronyms.get(word) == entry.id and (word, country) in self.local_acronyms:
                return self.by_id[self.local_acronyms[(word, country)]]
        return entry

    def get(self, actor_id: str | None) -> ActorEntry | None:
        return self.by_id.get(actor_id) if actor_id else None

    def lookup(self, text: str) -> ActorEntry | None:
        """Exact alias lookup of a whole name (acronyms case-sensitive)."""
        if text.strip() in self.acronyms:
            return self.by_id[self.acronyms[text.strip()]]
        hit = self.alias.get(normalise(text))
        return self.by_id[hit] if hit else None

    def fuzzy(self, text: str, cutoff: float = FUZZY_CUTOFF) -> tuple[ActorEntry, float] | None:
        """Closest alias by edit similarity, for transliterations (Malki ~ Maliki)."""
        from rapidfuzz import fuzz, process  # lazy: only unmatched mentions need it

        key = normalise(text)
        if len(key) < 5:
            return None
        best = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None:
            return None
        return self.by_id[self.alias[best[0]]], float(best[1])

    def period(self, country: str | None, day: date | None, closed: bool = False) -> str | None:
        """ACLED-style government period for a country on a day: "2014-" or "2014-2018".

        By default the period is named as it was on the day (open while it lasted, as in
        ACLED data of that time); ``closed=True`` names ended periods with their end year.
        In a year when the government changed, the period that was running first wins.
        """
        if not country or country not in self.periods:
            return None
        year = (day or date.today()).year
        covering = [
            (s, e)
            for s, e in sorted(self.periods[country])
            if s <= year and (e is None or year <= e)
        ]
        if not covering:
            return None
        start, end = covering[0]
        if end is None or (not closed and (day is None or year <= end)):
            return f"{start}-"
        return f"{start}-{end}"


def load_entries(path: Path, strict: bool = True) -> list[ActorEntry]:
    """Load one actor file; raise DataFileError listing every problem when ``strict``."""
    problems = check_file(path)
    if problems and strict:
        shown = "; ".join(problems[:5]) + (
            f"; … {len(problems) - 5} more" if len(problems) > 5 else ""
        )
        raise DataFileError(
            f"actor file {str(path)!r} fails its schema check: {shown}", "EW-ACT-002"
        )
    return [
        _entry(record, f"{path.name}:{number}")
        for number, record, error in read_records(path)
        if error is None and isinstance(record, dict) and not validate_record(record, "")
    ]


def load_actor_dictionary(user_files: Iterable[str | Path] = ()) -> ActorDictionary:
    """Load the packaged actor files, then the user files (which override by id).

    The built dictionary is cached as a pickle keyed by the bytes of every packaged and
    user actor file and of this module (:mod:`eventwire.pipeline.common.diskcache`); a
    user file that does not exist is an error either way.
    """
    from eventwire.pipeline.common.diskcache import cached, file_bytes

    users = [Path(u) for u in user_files]
    for path in users:
        if not path.is_file():
            raise DataFileError(f"user actor file {str(path)!r} does not exist", "EW-ACT-003")
    folder = data_path("actors")
    key: list[str | bytes] = [file_bytes(__file__), *BUILTIN_FILES]
    key += [file_bytes(p) for p in sorted(folder.iterdir())]
    key += [str(p.resolve()) for p in users] + [file_bytes(p) for p in users]
    return cached("actors", key, lambda: build_actor_dictionary(users), ActorDictionary)


def build_actor_dictionary(user_files: Iterable[str | Path] = ()) -> ActorDictionary:
    """Read and index the actor files (what :func:`load_actor_dictionary` caches)."""
    entries: list[ActorEntry] = []
    for name in BUILTIN_FILES:
        entries.extend(load_entries(data_path("actors", name)))
    for user in user_files:
        path = Path(user)
        if not path.is_file():
            raise DataFileError(f"user actor file {str(path)!r} does not exist", "EW-ACT-003")
        entries.extend(load_entries(path))
    dictionary = ActorDictionary(entries, manifest_versions("actors"))
    dictionary.load_tables()
    return dictionary
