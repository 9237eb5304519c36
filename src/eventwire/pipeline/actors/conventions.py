"""Who acted, where the words or the parse leave it open: ACLED conventions for perpetrators.

- ``lead_agent``: an armed actor named in the few words that lead to the trigger in its
  clause is its subject ("SAF bombed areas …", "SPLA guerillas attack army positions"),
  where the parse of a headline or a note lost the subject; never across a passive
  ("… were killed"), a "by", or a bare toll ("6 soldiers killed").
- ``communal``: a perpetrator named by its ethnic group, clan or community ("the Murle",
  "rival ethnic groups", "Pokot herders") is that community's militia (ACLED inter 4).
- ``communal_context``: violence with no perpetrator named, in a sentence (or beside one)
  that names ethnic groups, clans or communities or calls the fight communal ("Clashes
  between the Habbaniya and the Rizeigat. 6 killed.", "ethnic clashes left 3 dead"), was
  done by a communal militia (ACLED inter 4), not an unidentified armed group.
- ``monitor_reports``: a monitor (an observation mission, a rights observatory) named in
  the event's sentence makes the report an observation; the stage then follows the
  documented default for fire with no side named (the state's military).
- ``unknown_party``: unidentified, armed or unnamed people ("three men") who use violence
  are an unidentified armed group, not rioters.
- ``arrest_motive``: a party named in an arrest's motive ("for collaborating with X") is
  not the arrester.
- ``crowd_force``: a riot, or a protest met with force, whose actor2 the parse left empty
  takes the state force named in its sentence or the next ones ("Rioters blocked roads.
  Police fired tear gas."): ACLED's actor2 there is the police (issue 16: 47 of 71 tune
  violent demonstrations with no actor2 and a force named).
- ``suspected_party``: violence with no perpetrator, or an unidentified one, next to a
  suspicion word that names a group ("… by unknown assailants, later suspected to be Al
  Shabaab", "armed men (JNIM suspected)") was done by that group, as ACLED codes it.
- ``group_after``: unidentified attackers the next words place in a group or a community
  ("gunmen from the Free Papua Movement", "attackers, presumed to be members of the Murle
  tribe", "armed men from a Dasenaach ethnic militia") are that group or its militia.
- ``suicide_attack``: a suicide attack with no group named was a rebel group's (inter 2).
"""

from __future__ import annotations

import re
from datetime import date

from eventwire.datafiles import words
from eventwire.pipeline.actors.compose import code_mention, communal_militia, find_named
from eventwire.pipeline.actors.headlines import headline_victim
from eventwire.pipeline.actors.parse import bare_harm_participle, bare_toll_trigger, noun_phrases
from eventwire.pipeline.common.actordict import ARMED_INTER, ActorDictionary
from eventwire.records import Actor, Document, Event, Sentence

_GROUPS = frozenset({2, 3, 4})  # non-state armed groups
UNKNOWN_WORDS: frozenset[str] = words("actors", "unknown_words")
UNNAMED_PEOPLE: frozenset[str] = words("actors", "unnamed_people")
ARREST_MOTIVES: frozenset[str] = words("actors", "arrest_motives")
COMMUNAL_CONTEXT_WORDS: frozenset[str] = words("actors", "communal_context_words")
COMMUNAL_CONFLICT_WORDS: frozenset[str] = words("actors", "communal_conflict_words")
_CONTEXT_SKIP = re.compile(
    r"\b(?:" + "|".join(sorted(words("actors", "communal_context_skip"))) + r")\b", re.IGNORECASE
)
CROWD_FORCE_SUBTYPES: frozenset[str] = words("actors", "crowd_force_subtypes")
_CROWD_FORCE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w) for w in sorted(words("actors", "crowd_force_words"), key=len)[::-1])
    + r")\b",
    re.IGNORECASE,
)
_SUSPICION = re.compile(
    r"\b(?:" + "|".join(sorted(words("actors", "suspicion_cues"))) + r")\b", re.IGNORECASE
)
_SUICIDE = re.compile(
    r"\b(?:" + "|".join(sorted(words("actors", "suicide_cues"), key=len)[::-1]) + r")\b",
    re.IGNORECASE,
)
_AFTER = re.compile(
    r"^\s*,?\s*(?:from|of|belonging to|(?:assumed|believed|suspected|thought|said) to be"
    r"(?: members of)?)\s+(?P<group>[^,.;:()]{3,60})",
    re.IGNORECASE,
)
SUSPICION_REACH = 40  # characters either side of the cue where the group is named
_NOT_SUSPECTS = frozenset({"government", "monitor", "international"})
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|got)\b", re.IGNORECASE)
LEAD_WORDS = 9  # the most words of a clause's lead that lead_agent reads as its subject
# the lead is no agent across a passive, an agent "by", or an "of"/"from" complement
_PASSIVE_OR_BY = re.compile(r"\b(?:was|were|been|being|is|are|by|of|from)\b", re.IGNORECASE)
_LEAD_HOW = frozenset({"dictionary", "dictionary-role", "composed", "context"})
# coded as these (or not at all), a perpetrator named by its community is its militia
COMMUNAL_FROM = frozenset(
    {None, "GEN-UAG", "GEN-CIVILIANS", "GEN-FARMERS", "GEN-RIOTERS", "GEN-MILITIA", "GEN-COMMUNAL"}
)


def lead_agent(
    d: ActorDictionary, doc: Document, event: Event, country: str | None, ref_date: date | None
) -> Actor | None:
    """The armed actor the words before the trigger, in its clause, name; or None."""
    if not 0 <= event.sentence_index < len(doc.sentences):
        return None
    start = doc.sentences[event.sentence_index].start
    lead = doc.text[start : event.trigger.start]
    clause_start = max(lead.rfind(","), lead.rfind(";"), lead.rfind(":")) + 1
    words = lead[clause_start:]
    if not words.split() or len(words.split()) > LEAD_WORDS or _PASSIVE_OR_BY.search(words):
        return None
    offset = start + clause_start + (len(words) - len(words.lstrip()))
    a2 = event.actor2
    if a2 is not None and offset <= a2.start < event.trigger.start:
        return None  # the other party leads ("ISWAP fighters ambushed …"): targets.py decides
    if bare_toll_trigger(doc, event):
        return None  # "6 soldiers killed": the lead names who was hit
    coded = code_mention(d, words.strip(), country, ref_date, fuzzy=False)
    if coded.inter not in ARMED_INTER or coded.type == "monitor":
        return None
    # a bare state-force noun leads a headline with no country named ("Police assault …")
    if coded.resolved_by not in _LEAD_HOW and not (
        coded.resolved_by == "head-noun" and coded.inter == 1
    ):
        return None
    coded.start, coded.end = offset, offset + len(words.strip())
    coded.resolved_by = "lead"
    return None if headline_victim(doc, coded) else coded  # "Guard shot in an attack"


def communal(d: ActorDictionary, actor: Actor, country: str | None, target: bool = False) -> bool:
    """Recode a perpetrator named by its community as that community's militia (inter 4);
    True when it did. Named groups, coreferents and inferred actors are left alone. For a
    battle's ``target`` the community nouns that name a place are not read ("an attack on
    a farming community" hit a village, not a militia)."""
    if actor.actor_id not in COMMUNAL_FROM or actor.resolved_by in ("coref", "inferred"):
        return False
    label = communal_militia(d, _CONTEXT_SKIP.sub(" ", actor.text) if target else actor.text)
    if label is None:
        return False
    actor.name, actor.actor_id, actor.type = label, "GEN-COMMUNAL", "identity militia"
    actor.inter, actor.country = 4, actor.country or country
    actor.resolved_by = "communal"
    return True


def communal_context(d: ActorDictionary, doc: Document, event: Event) -> str | None:
    """The communal militia the event's sentence or its neighbours point to, or None.

    For violence with no perpetrator named: an ethnic group, clan or community named there,
    or a word that calls the violence communal ("tribal clashes", "cattle rustlers"), makes
    the unnamed perpetrator that community's militia (ACLED inter 4)."""
    if not 0 <= event.sentence_index < len(doc.sentences):
        return None
    text = _CONTEXT_SKIP.sub(" ", _near_text(doc, event))
    label = communal_militia(d, text)
    if label is None and _communal_words_in(text):
        label = "Unidentified Communal Militia"
    return label


def _near_text(doc: Document, event: Event) -> str:
    """The event's sentence and its neighbours in the same paragraph."""
    i = event.sentence_index
    if not 0 <= i < len(doc.sentences):
        return ""
    near = doc.sentences[max(0, i - 1) : i + 2]
    return " ".join(s.text for s in near if s.segment == doc.sentences[i].segment)


def _communal_words_in(text: str, vocabulary: frozenset[str] = COMMUNAL_CONTEXT_WORDS) -> bool:
    return bool(set(re.findall(r"[a-z]+(?:-[a-z]+)?", text.lower())) & vocabulary)


def communal_words(doc: Document, event: Event) -> bool:
    """True when the event's sentence or its neighbours call the violence communal
    ("tribal", "inter-clan", "cattle rustling", "a chieftaincy dispute")."""
    return _communal_words_in(_near_text(doc, event), COMMUNAL_CONFLICT_WORDS)


def agentless_battle(d: ActorDictionary, doc: Document, event: Event) -> bool:
    """True for an Armed clash read from a clash word ("fighting", "clashes", "a shoot-out"),
    not from an attack on someone or a toll, in a sentence that names no armed party at all:
    "Fighting continued in Malakal" names no side, and ACLED's default there, as for air
    strikes, is the state's military ("Nine rebels were killed in clashes" names one side:
    the other is not guessed)."""
    frame = (event.rule or "").split(":", 1)[0]
    if event.acled_sub_event_type != "Armed clash" or frame != "clash":
        return False
    for mention, _, _ in noun_phrases(doc, event):
        if code_mention(d, mention.text, None, doc.published, fuzzy=False).inter in ARMED_INTER:
            return False
    return True


def monitor_reports(d: ActorDictionary, doc: Document, event: Event) -> bool:
    """True when a monitor is named in the event's sentence ("the OSCE SMM observed …")."""
    for mention, _, _ in noun_phrases(doc, event):
        coded = code_mention(d, mention.text, None, doc.published, fuzzy=False)
        if coded.type == "monitor":
            return True
    return False


def unknown_armed(text: str) -> bool:
    """ "Armed youths", "unidentified men", "masked persons": people the report calls armed or
    unknown are an unidentified armed group, not a crowd of rioters."""
    return any(w in UNKNOWN_WORDS for w in re.findall(r"[a-z]+", text.lower()))


def victim_first(doc: Document, event: Event) -> bool:
    """True when the civilians named before a violent trigger are its passive subject
    ("Four girls were raped …") or the subject of a bare toll ("Two women raped"): they
    were hit, they did not act."""
    a1 = event.actor1
    if a1 is None or a1.start < 0 or a1.end > event.trigger.start:
        return False
    between = doc.text[a1.end : event.trigger.start]
    if len(between) > 40:
        return False
    if _PASSIVE.search(between) is not None or bare_toll_trigger(doc, event):
        return True
    if not between.strip() and bare_harm_participle(doc, event):
        return True  # "Four women raped near X"
    after = doc.text[event.trigger.end : event.trigger.end + 4].lower()
    return not between.strip() and after.startswith(" by ")  # "Women raped by militiamen"


def unknown_party(doc: Document, actor: Actor) -> bool:
    """People who use violence and are not a crowd: "armed youths", "unidentified persons"
    (the word just before the mention counts: a headline's parse may leave it out), or
    men, persons, individuals the report does not name ("three men shot a trader"): an
    unidentified armed group, not rioters (issue 16)."""
    tokens = re.findall(r"[a-z]+", actor.text.lower())
    if unknown_armed(actor.text) or (tokens and tokens[-1] in UNNAMED_PEOPLE):
        return True
    before = doc.text[max(0, actor.start - 24) : actor.start].split() if actor.start > 0 else []
    return bool(before) and unknown_armed(before[-1])


def arrest_motive(doc: Document, event: Event, mention: Actor) -> bool:
    """True when the mention follows an arrest's motive words ("arrested for collaborating
    with Al Shabaab", "detained over links to the rebels"): it names whom the detainees
    are said to have helped, not who arrested them."""
    if event.acled_sub_event_type != "Arrests" or mention.start < event.trigger.end:
        return False
    between = doc.text[event.trigger.end : mention.start].lower()
    return any(w in ARREST_MOTIVES for w in re.findall(r"[a-z]+", between))


def crowd_force(
    d: ActorDictionary, doc: Document, event: Event, country: str | None, ref_date: date | None
) -> Actor | None:
    """The state force named in a crowd event's sentence, the one before or the two after
    (same segment), coded for the event's country; None for a peaceful protest, or when no
    force is named there."""
    i = event.sentence_index
    if event.acled_sub_event_type not in CROWD_FORCE_SUBTYPES or not 0 <= i < len(doc.sentences):
        return None
    segment = doc.sentences[i].segment
    for sentence in doc.sentences[max(0, i - 1) : i + 3]:
        if sentence.segment != segment:
            continue
        match = _CROWD_FORCE.search(sentence.text)
        if match is None:
            continue
        return coded_force(d, sentence, match.start(), match.end(), country, ref_date)
    return None


def coded_force(
    d: ActorDictionary,
    sentence: Sentence,
    start: int,
    end: int,
    country: str | None,
    ref_date: date | None,
) -> Actor | None:
    """The force words at ``start:end`` of ``sentence`` coded for ``country``, with their
    span in the document, when they code a state's police or military; else None."""
    coded = code_mention(d, sentence.text[start:end], country, ref_date, fuzzy=False)
    if coded.inter != 1 or coded.type not in ("police", "military"):
        return None
    coded.start, coded.end = sentence.start + start, sentence.start + end
    coded.resolved_by = "crowd-force"
    return coded


def suspected_party(
    d: ActorDictionary, doc: Document, event: Event, ref_date: date | None
) -> Actor | None:
    """The named armed group a suspicion word points to, or None: in the event's sentence
    first, then in the other sentences of its paragraph ("… Al Shabaab claimed
    responsibility.", "Police blamed the ADF.")."""
    i = event.sentence_index
    if not 0 <= i < len(doc.sentences):
        return None
    own = doc.sentences[i]
    others = [s for s in doc.sentences if s.segment == own.segment and s is not own]
    for sentence in (own, *others):  # elsewhere only a non-state group ("Police suspect …")
        coded = _suspected_in(
            d, sentence.text, ref_date, ARMED_INTER if sentence is own else _GROUPS
        )
        if coded is not None:
            return coded
    return None


def _suspected_in(
    d: ActorDictionary, sentence: str, ref_date: date | None, inters: frozenset[int]
) -> Actor | None:
    for cue in _SUSPICION.finditer(sentence):
        window = sentence[max(0, cue.start() - SUSPICION_REACH) : cue.end() + SUSPICION_REACH]
        entry = find_named(d, re.findall(r"[A-Za-z0-9][A-Za-z0-9'’./-]*", window))
        if entry is None or entry.inter not in inters or entry.type in _NOT_SUSPECTS:
            continue
        coded = code_mention(d, entry.name, None, ref_date, fuzzy=False)
        coded.text, coded.resolved_by = "", "suspected"
        return coded
    return None


def suicide_attack(doc: Document, event: Event) -> bool:
    """True when the event's sentence tells of a suicide attack ("a suicide bomber blew
    herself up", "two kamikazes")."""
    i = event.sentence_index
    return 0 <= i < len(doc.sentences) and _SUICIDE.search(doc.sentences[i].text) is not None


def group_after(
    d: ActorDictionary, doc: Document, actor: Actor, ref_date: date | None
) -> Actor | None:
    """The named group or community the words right after an unidentified perpetrator
    place it in ("gunmen from X", "attackers, believed to be X"), or None."""
    if actor.start < 0 or actor.end > len(doc.text):
        return None
    match = _AFTER.match(doc.text[actor.end : actor.end + 90])
    if match is None:
        return None
    group = match["group"]
    entry = find_named(d, re.findall(r"[A-Za-z0-9][A-Za-z0-9'’./-]*", group))
    if entry is not None and entry.inter in ARMED_INTER and entry.type not in _NOT_SUSPECTS:
        coded = code_mention(d, entry.name, actor.country, ref_date, fuzzy=False)
    elif (label := communal_militia(d, group)) is not None:
        coded = Actor(text="", name=label, type="identity militia", inter=4, country=actor.country)
    else:
        return None
    coded.text, coded.start, coded.end = actor.text, actor.start, actor.end
    coded.resolved_by = "group-after"
    return coded
