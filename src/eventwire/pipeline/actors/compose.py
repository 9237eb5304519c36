"""Code one actor mention against the dictionary: named actors, dated roles, composition.

``code_mention`` turns the raw words of a mention ("Iraqi security forces", "Shia
militias", "Obama", "ISIS fighters") into a coded ``Actor``. The order is:

1. a named actor anywhere in the mention (longest alias first, acronyms case-sensitive);
   a person with a role valid on the reference date is coded as that role's actor;
2. a fuzzy match of the capitalised words, for transliterations (Malki ~ Maliki);
3. composition of a generic head noun with its modifiers: nationality adjectives and
   country names give the country, sect/ethnic terms give the affiliation and turn a
   militia into an identity militia, "unknown"/"unidentified" give an unidentified group;
4. otherwise the raw text is kept with a type guessed from the head noun.

>>> from eventwire.pipeline.common.actordict import load_actor_dictionary
>>> a = code_mention(load_actor_dictionary(), "Shia militias")
>>> a.inter, a.affiliation
(4, ['Shia'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from eventwire.datafiles import words
from eventwire.pipeline.actors.community import community_actor
from eventwire.pipeline.actors.localnames import local_namesake
from eventwire.pipeline.actors.nonstate import non_state_head
from eventwire.pipeline.actors.sides import armed_side, pro_named_words
from eventwire.pipeline.actors.unnamedforces import unnamed_force
from eventwire.pipeline.common.actordict import ActorDictionary, ActorEntry, normalise
from eventwire.records import Actor

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.\-]*")
COORDINATION = re.compile(r"\s*(?:,|;|&|\band\b|\bas well as\b)\s*")
_CUT_WORDS: frozenset[str] = words("actors", "cut_words")
_UNKNOWN_WORDS: frozenset[str] = words("actors", "unknown_words")
_PARTICLES: frozenset[str] = words("actors", "name_particles")
_GUESS_TYPES: tuple[tuple[str, str], ...] = (
    ("party", "political party"),
    ("movement", "political movement"),
    ("front", "rebel"),
    ("brigade", "militia"),
    ("battalion", "militia"),
    ("union", "labour"),
    ("association", "civil society"),
    ("council", "government"),
    ("ministry", "government"),
    ("company", "business"),
    ("group", "group"),
    ("army", "rebel"),
    ("organization", "group"),
)
_PARTITIVE: frozenset[str] = words("actors", "partitive")
# Capitalised words that name units of state forces, not a group of their own.
STATE_UNIT_WORDS: frozenset[str] = words("actors", "state_units")
_BARE_FORCE_HEADS: frozenset[str] = words("actors", "bare_force_heads")
IDENTITY_MILITIA_SUFFIX = {"ethnicity": "Ethnic Militia", "clan": "Communal Militia"}
COMMUNAL_NOUNS: frozenset[str] = words("actors", "communal_nouns")


def _words(text: str) -> list[str]:
    words = [re.sub(r"['’]s$", "", w) for w in _TOKEN.findall(text)]  # "Iraq's" -> "Iraq"
    return [w.strip(".'’-") or w for w in words]


def _entry_actor(
    d: ActorDictionary, entry: ActorEntry, text: str, ref_date: date | None, how: str
) -> Actor:
    """An Actor for a dictionary entry; persons (and groups with a dated role) are coded as
    the actor of their role on the reference date."""
    affiliation = entry.affiliation()
    parent = d.get(entry.parent)
    if parent is not None:
        affiliation.append(parent.name)
    role = None
    if entry.type == "person":
        role = entry.role_on(ref_date)
    elif entry.roles and ref_date is not None:
        # a group with a dated role ("the RSF", a state paramilitary until April 2023) is
        # coded as that role's actor while the role lasts, with no grace afterwards
        role = entry.role_on(ref_date, grace_days=0)
    if role is not None:
        target = d.get(role.actor)
        if target is not None:
            return Actor(
                text=text,
                name=target.name,
                actor_id=target.id,
                type=target.type,
                inter=target.inter,
                country=target.country,
                affiliation=[entry.name, *affiliation],
                resolved_by=how + "-role",
            )
    return Actor(
        text=text,
        name=entry.name,
        actor_id=entry.id,
        type=entry.type,
        inter=entry.inter,
        country=entry.country,
        affiliation=affiliation,
        resolved_by=how,
    )


def find_named(d: ActorDictionary, words: list[str]) -> ActorEntry | None:
    """The named actor of the longest alias found in the words (left-most on ties)."""
    norm = [normalise(w) for w in words]
    longest = min(d.max_alias_words, len(words))
    for size in range(longest, 0, -1):
        for i in range(len(words) - size + 1):
            if size == 1 and words[i] in d.acronyms:
                return d.by_id[d.acronyms[words[i]]]
            if size == 1 and (joined := _joined_acronym(d, words[i])) is not None:
                return joined
            slashed = "/".join(words[i : i + size])  # "SPLM/N": the tokens split at "/"
            if 1 < size <= 3 and slashed in d.acronyms:
                return d.by_id[d.acronyms[slashed]]
            key = " ".join(n for n in norm[i : i + size] if n)
            hit = d.alias.get(key) if key else None
            if hit:
                return d.by_id[hit]
    return None


_ACRONYM_PART = re.compile(r"[A-Z][A-Z0-9]{2,}")


def _joined_acronym(d: ActorDictionary, word: str) -> ActorEntry | None:
    """The first of two allies' acronyms joined by a hyphen ("M23-RDF": the M23, which
    ACLED lists first), when the whole is no alias; parts of two letters or fewer are a
    group's own suffix ("SPLA-IO", "SPLM-N") and never split.

    >>> from eventwire.pipeline.common.actordict import load_actor_dictionary
    >>> _joined_acronym(load_actor_dictionary(), "M23-RDF").acronym
    'M23'
    """
    parts = word.split("-")
    if len(parts) != 2 or word in d.acronyms or normalise(word) in d.alias:
        return None
    if not all(_ACRONYM_PART.fullmatch(p) for p in parts) or parts[0] not in d.acronyms:
        return None
    return d.by_id[d.acronyms[parts[0]]]


def _find_head(d: ActorDictionary, norm: list[str]) -> tuple[int, str] | None:
    """(index where the head phrase starts, generic id) — the right-most head wins."""
    for end in range(len(norm), 0, -1):
        for start in range(max(0, end - 4), end):
            phrase = " ".join(norm[start:end])
            if phrase in d.heads:
                return start, d.heads[phrase]
    return None


def _cut(words: list[str]) -> list[str]:
    """The words up to a relative clause or an "of" complement ("members of X" keeps X)."""
    lead = 0
    while lead < len(words) - 2 and (words[lead].lower() in _PARTITIVE or words[lead].isdigit()):
        lead += 1
    if lead and words[lead].lower() == "of":
        words = words[lead + 1 :]
    for i, w in enumerate(words):
        if i > 0 and (w.lower() in _CUT_WORDS or (w.lower() == "of" and i < len(words) - 1)):
            return words[:i]
    return words


@dataclass(slots=True)
class _Modifiers:
    """What the words of a generic mention say besides its head noun."""

    country: str | None = None  # named by a country, demonym or acronym (or an identity)
    covered: set[int] = field(default_factory=set)  # tokens that name a country
    identities: list[tuple[str, str, str | None]] = field(default_factory=list)
    unknown: bool = False  # "unknown gunmen", "unidentified militants"
    pro: list[str] = field(default_factory=list)  # "pro-government", "pro-Russian"


def _state_person(d: ActorDictionary, before_head: list[str], generic: ActorEntry) -> ActorEntry:
    """ "a regime sniper", "army snipers", "police gunmen": an armed person of a state force
    is that force, not an unidentified armed group."""
    if generic.id not in ("GEN-UAG", "GEN-REBELS"):
        return generic
    for token in before_head:
        state_generic = d.get(d.heads.get(token))
        if state_generic is not None and state_generic.state:
            return d.by_id["GEN-POLICE" if state_generic.state == "POL" else "GEN-MILITARY"]
    return generic


def _named_countries(
    d: ActorDictionary, norm: list[str], cut_words: list[str], start: int, mods: _Modifiers
) -> None:
    """Countries named before the head ("United States", "South Sudanese", "Iraqi", "US"):
    the first one found, longest names first, is the mention's country."""
    for size in (3, 2, 1):
        for i in range(max(0, min(start, len(norm)) - size + 1)):
            key = " ".join(norm[i : i + size])
            code = d.countries.get(key) or d.demonyms.get(key)
            if size == 1 and code is None:
                code = d.country_acronyms.get(cut_words[i].replace(".", ""))
            if code and not mods.covered & set(range(i, i + size)):
                mods.country = mods.country or code
                mods.covered.update(range(i, i + size))


def _read_modifiers(
    d: ActorDictionary, norm: list[str], cut_words: list[str], start: int
) -> _Modifiers:
    """Country, identities (sect, ethnicity, clan), "unknown" and pro-/anti- stances."""
    mods = _Modifiers()
    _named_countries(d, norm, cut_words, start, mods)
    for i, token in enumerate(norm):
        if not token:
            continue
        singular = token[:-1] if token.endswith("s") else token
        for form in (token, singular):
            if form in d.identities:
                mods.identities.append(d.identities[form])
                break
        if mods.country is None and i >= start and singular in d.demonyms:
            mods.country = d.demonyms[singular]  # "Iraqis", "Syrians" as the head itself
        if i < start and token in _UNKNOWN_WORDS and token != "armed":
            mods.unknown = True
        if token.startswith("pro "):
            mods.pro.append("pro-" + token[4:].replace(" ", "-"))
        elif token == "pro" and i + 1 < len(norm):
            mods.pro.append("pro-" + norm[i + 1])
    if mods.country is None:
        for _, _, identity_country in mods.identities:
            mods.country = mods.country or identity_country
    return mods


def _names_unknown_group(
    d: ActorDictionary,
    generic: ActorEntry,
    norm: list[str],
    cut_words: list[str],
    start: int,
    covered: set[int],
) -> bool:
    """ "National Resistance forces", "Vengeance Units": capitalised words before an armed
    head that are no country, identity, head or state unit name a group we do not know."""
    proper = [
        w
        for i, w in enumerate(cut_words[:start])
        if w[:1].isupper()
        and i > 0
        and i not in covered
        and norm[i] not in d.identities
        and norm[i] not in d.heads
        and not norm[i].startswith("pro ")
        and not norm[i].startswith("anti ")
        and norm[i] not in STATE_UNIT_WORDS
    ]
    return bool(
        proper
        and not covered
        and generic.inter in (1, 2, 3)
        and generic.id not in ("GEN-GOVERNMENT", "GEN-POLICE")
    )


def compose(
    d: ActorDictionary, text: str, words: list[str], context_country: str | None
) -> Actor | None:
    """Compose a generic mention from its head noun and modifiers, or None without a head."""
    cut_words = _cut(words)
    norm = [normalise(w) for w in cut_words]
    found = _find_head(d, norm)
    if found is None and norm and norm[-1].endswith("s") and norm[-1][:-1] in d.demonyms:
        found = (len(norm) - 1, "GEN-CIVILIANS")  # "Iraqis", "Syrians"
    if found is None:
        return None
    start, generic_id = found
    generic = _state_person(d, norm[:start], d.by_id[generic_id])
    generic = non_state_head(d, norm[:start], generic)  # "rebel forces": rebels
    mods = _read_modifiers(d, norm, cut_words, start)
    generic = unnamed_force(d, generic, norm[:start], mods.country)  # "unknown forces"
    labels = [label for kind, label, _ in mods.identities if kind != "clan"]
    explicit = mods.country is not None
    country = mods.country or context_country
    how = "composed" if explicit or mods.identities else "context" if country else "head-noun"
    affiliation = [*dict.fromkeys(labels), *mods.pro]
    if generic.id == "GEN-MILITIA" and not (mods.identities or mods.pro or mods.covered):
        community = community_actor(d, text, cut_words, norm, start)  # "Gaak militia"
        if community is not None:
            community.country, community.affiliation = country, affiliation
            return community
    if _names_unknown_group(d, generic, norm, cut_words, start, mods.covered):
        named_inter = 2 if generic.id == "GEN-REBELS" else 3
        return Actor(
            text=text,
            name=_strip_det(text),
            type="rebel" if named_inter == 2 else "militia",
            inter=named_inter,
            country=country,
            affiliation=affiliation,
            resolved_by="head-noun",
        )
    if generic.state:
        state = d.get(f"{country}-{generic.state}") if country else None
        if state is not None:
            return Actor(
                text=text,
                name=state.name,
                actor_id=state.id,
                type=state.type,
                inter=1,
                country=state.country,
                affiliation=affiliation,
                resolved_by=how,
            )
    name, inter, kind = generic.name, generic.inter, generic.type
    ethnic = [i for i in mods.identities if i[0] in IDENTITY_MILITIA_SUFFIX]
    # "Misseriya gunmen", "Pokot bandits": armed men of a community
    if (generic.id in ("GEN-MILITIA", "GEN-COMMUNAL") and mods.identities) or (
        generic.id in ("GEN-UAG", "GEN-BANDITS") and ethnic
    ):
        ident_kind, ident_label, _ = mods.identities[0]
        suffix = IDENTITY_MILITIA_SUFFIX.get(ident_kind, "Militia")
        name = (
            "Unidentified Communal Militia" if ident_kind == "clan" else f"{ident_label} {suffix}"
        )
        inter, kind = 4, "identity militia"
    elif generic.id == "GEN-REBELS" and mods.unknown:
        uag = d.by_id["GEN-UAG"]
        name, inter, kind, generic = uag.name, uag.inter, uag.type, uag
    elif generic.id == "GEN-REBELS" and labels:
        name = f"{labels[0]} Rebels"
    return Actor(
        text=text,
        name=name,
        actor_id=generic.id,
        type=kind,
        inter=inter,
        country=country,
        affiliation=affiliation,
        resolved_by=how,
    )


def _strip_det(text: str) -> str:
    """A name for an unknown group: no article, no pro-/anti- stance, capitalised words.

    >>> _strip_det("the anti-Houthi National Resistance forces")
    'National Resistance Forces'
    """
    words = [w for w in text.split() if not re.match(r"(?i)^(?:pro|anti)-", w)]
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(w[:1].upper() + w[1:] for w in words)


def _is_name_word(word: str) -> bool:
    return (word[:1].isupper() and word.lower() != "the") or word.lower()[:3] in _PARTICLES


def guess_type(words: list[str]) -> str:
    """A type for an unknown actor from its head noun ("X Party" -> political party)."""
    for word in reversed(words):
        low = word.lower()
        for stem, kind in _GUESS_TYPES:
            if low.startswith(stem):
                return kind
    return "unknown"


def _national_unit_word(d: ActorDictionary, words: list[str]) -> bool:
    """A bare unit word after a nationality or country ("Sudanese security", "Kenya
    security"), not "food security"."""
    if len(words) < 2 or words[-1].lower() not in _BARE_FORCE_HEADS:
        return False
    key = normalise(words[-2])
    return key in d.demonyms or key in d.countries


def _shared_head(d: ActorDictionary, parts: list[str]) -> str | None:
    """ "Russian and Syrian mercenaries": nationality adjectives coordinated before one
    head name one party, read as the first with the head ("Russian mercenaries"), not as
    a bare country and a second party.

    >>> from eventwire.pipeline.common.actordict import load_actor_dictionary
    >>> _shared_head(load_actor_dictionary(), ["Sudanese ", " Chadian soldiers"])
    'Sudanese soldiers'
    """
    if len(parts) < 2:
        return None
    *adjectives, last = (p.split() for p in parts)
    if len(last) < 2 or any(len(a) != 1 for a in adjectives):
        return None
    if not all(normalise(w[0]) in d.demonyms for w in [*adjectives, last]):
        return None
    return " ".join([adjectives[0][0], *last[1:]])


def code_mention(
    d: ActorDictionary,
    text: str,
    context_country: str | None = None,
    ref_date: date | None = None,
    fuzzy: bool = True,
) -> Actor:
    """Code the words of one actor mention; never returns None (unknowns keep their text)."""
    words = _words(text)
    parts = [p for p in COORDINATION.split(text) if p.strip()]
    shared = _shared_head(d, parts)
    if shared is not None and d.lookup(text) is None:
        coded = code_mention(d, shared, context_country, ref_date, fuzzy)
        coded.text = text
        return coded
    if len(parts) > 1 and d.lookup(text) is None:
        # "SSPDF and SPLM-IO forces": the first coordinated actor leads, keep the words
        for part in parts:
            coded = code_mention(d, part, context_country, ref_date, fuzzy)
            if coded.resolved_by != "unknown":
                coded.text = text
                return coded
    named = find_named(d, words)
    if named is None and (bare := pro_named_words(words)) is not None:
        named = armed_side(find_named(d, bare))  # "pro-Houthi snipers": the Houthis
    if named is not None:  # "PDF" in Sudan is not Myanmar's PDF
        named = d.namesake(named, words, context_country)
        named = local_namesake(d, named, words, context_country)  # "Taliban" in Pakistan
        return _entry_actor(d, named, text, ref_date, "dictionary")
    country_key = " ".join(normalise(w) for w in words if normalise(w))
    acronym = "".join(w for w in words if w.lower() != "the").replace(".", "")
    # a bare country name, "the U.S.", or a bare nationality adjective ("Israeli [warplanes]")
    code = (
        d.countries.get(country_key)
        or d.country_acronyms.get(acronym)
        or d.demonyms.get(country_key)
    )
    if code:
        state = d.get(f"{code}-GOV")
        if state is not None:
            return _entry_actor(d, state, text, ref_date, "dictionary")
    composed = compose(d, text, words, context_country)
    if composed is None and _national_unit_word(d, words):
        # "Sudanese security [forces]": the unit word stands for the force it names
        composed = compose(d, text, [*words, "forces"], context_country)
    if composed is not None:
        return composed
    if fuzzy:
        names = [w for w in words if _is_name_word(w)]
        for candidate in dict.fromkeys([" ".join(names), names[-1] if names else ""]):
            match = d.fuzzy(candidate) if candidate else None
            if match is not None:
                return _entry_actor(d, match[0], text, ref_date, "fuzzy")
    return Actor(text=text, type=guess_type(words), resolved_by="unknown")


def communal_militia(d: ActorDictionary, text: str) -> str | None:
    """The identity militia a perpetrator's words name, or None.

    An ethnic group or clan named alone or with a plain noun ("Murle", "the Kisii",
    "Pokot pastoralists", "Zande youth", "Dir-Gadabuursi Bahabarmuse") or a community noun
    ("rival ethnic groups", "the two communities") names a communal militia (ACLED inter 4).

    >>> from eventwire.pipeline.common.actordict import load_actor_dictionary
    >>> communal_militia(load_actor_dictionary(), "Murle youths")
    'Murle Ethnic Militia'
    >>> communal_militia(load_actor_dictionary(), "rival ethnic groups")
    'Unidentified Communal Militia'
    >>> communal_militia(load_actor_dictionary(), "gunmen") is None
    True
    """
    tokens = [normalise(t) for w in _words(text) for t in w.split("-")]
    tokens = [t for t in tokens if t]
    for token in tokens:
        singular = token[:-1] if token.endswith("s") else token
        for form in (token, singular):
            kind, label, _ = d.identities.get(form, ("", "", None))
            if kind == "clan":  # as compose() names it: clans are not told apart
                return "Unidentified Communal Militia"
            if kind in IDENTITY_MILITIA_SUFFIX:
                return f"{label} {IDENTITY_MILITIA_SUFFIX[kind]}"
    joined = " ".join(w.lower() for w in _words(text))
    if any(re.search(rf"\b{re.escape(noun)}\b", joined) for noun in COMMUNAL_NOUNS):
        return "Unidentified Communal Militia"
    return None
