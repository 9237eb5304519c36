"""Actors stage: code the raw actor mentions of every event against the actor dictionary.

The event coder leaves ``Actor(text, start, end)`` on ``event.actor1``/``actor2``/
``assoc_actors``. This stage fills name, actor_id, type, ACLED inter code, country,
affiliation and ``resolved_by`` (dictionary, fuzzy, composed, context, coref, head-noun,
parse, acled-role, unknown), in document order, so that "the group" or "they" can point
back to the last compatible actor of the same paragraph. Then it applies ACLED's coding
conventions: protest events are led by Protesters (6), riots by Rioters (5), the named or
social group moves to ``assoc_actors``; violence without a perpetrator is attributed to an
Unidentified Armed Group (3), an agentless air strike to the military of the country it hit
(aircraft are the state's unless the report says whose); state forces acting outside their
country are external (8).

Options (``config.ActorsOptions``, ``[eventwire.stage_options."eventwire.actors.v1"]``):
``fill_from_parse``, ``acled_roles``, ``infer_unidentified``, ``coref``, ``fuzzy``,
``scan_sentence`` (all True).
"""

from __future__ import annotations

import re
from datetime import date

from eventwire.config import ActorsOptions, Settings
from eventwire.pipeline.actors.accused import accused_roles
from eventwire.pipeline.actors.annotated import annotated_name
from eventwire.pipeline.actors.community import shared_head
from eventwire.pipeline.actors.compose import code_mention
from eventwire.pipeline.actors.conventions import arrest_motive, lead_agent
from eventwire.pipeline.actors.coordinated import communal_sides
from eventwire.pipeline.actors.coref import ANAPHORS, MentionHistory, anaphor_types
from eventwire.pipeline.actors.counterparts import counterpart
from eventwire.pipeline.actors.crowds import rival_rioters
from eventwire.pipeline.actors.detainees import arrested_civilians
from eventwire.pipeline.actors.emplaced import device_placer
from eventwire.pipeline.actors.headlines import coded_headline_victim, headline_victim, struck_side
from eventwire.pipeline.actors.heads import mend_heads
from eventwire.pipeline.actors.infighting import split_group
from eventwire.pipeline.actors.intervened import broken_up_fight
from eventwire.pipeline.actors.labelled import label_subject
from eventwire.pipeline.actors.looters import looting_perpetrator
from eventwire.pipeline.actors.loyalty import loyal_forces
from eventwire.pipeline.actors.opponents import not_opponent, other_side
from eventwire.pipeline.actors.origins import armed_men_from
from eventwire.pipeline.actors.pairedstates import paired_state
from eventwire.pipeline.actors.parse import noun_phrases, roles_from_parse, toll_victims
from eventwire.pipeline.actors.parties import coordinated_parties
from eventwire.pipeline.actors.posts import own_post
from eventwire.pipeline.actors.protested import idle_force
from eventwire.pipeline.actors.rescued import rescued_victims
from eventwire.pipeline.actors.roles import CROWDS, VIOLENT, acled_roles, event_category
from eventwire.pipeline.actors.seizures import drug_owners
from eventwire.pipeline.actors.sharedheads import shared_head_sides
from eventwire.pipeline.actors.shelled import shelled_forces
from eventwire.pipeline.actors.supporters import is_supporter
from eventwire.pipeline.actors.targets import (
    addressee_only,
    default_target,
    harmed_civilians,
    repelled_attacker,
    settle_sides,
    subject_read_as_target,
)
from eventwire.pipeline.actors.things import is_count, is_thing, only_places, owner_words
from eventwire.pipeline.actors.underfire import came_under_fire, fired_on_actor1
from eventwire.pipeline.actors.unnamedforces import unidentified_forces
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.pipeline.common.actordict import (
    ARMED_INTER,
    ActorDictionary,
    load_actor_dictionary,
    normalise,
)
from eventwire.records import Actor, Document, Event

NAME = ActorsOptions.STAGE
__all__ = ["ANAPHORS", "NAME", "ActorCoder", "event_category", "make_actors_stage"]
EXPLICIT = frozenset({"dictionary", "dictionary-role", "composed", "fuzzy", "fuzzy-role"})
WEAK = frozenset({"context", "head-noun", "unknown"})
ARMED_GENERICS = frozenset({"GEN-UAG", "GEN-REBELS", "GEN-MILITIA", "GEN-COMMUNAL"})
_LEFT_WORDS = re.compile(r"((?:[A-Za-z][\w'’.-]* ){1,3})$")


def _names_something(d: ActorDictionary, words: str) -> bool:
    """True when the words are a dictionary alias, an acronym, a country, a nationality, an
    identity ("Pokot") or a people, militia, party or movement of ``homes.csv`` ("Mungiki")."""
    key = normalise(words)
    return (
        words in d.acronyms
        or key in d.alias
        or key in d.countries
        or key in d.demonyms
        or words.replace(".", "") in d.country_acronyms
        or (words[:1].isupper() and key in d.identities)
        or (words[:1].isupper() and d.homes.get(key, ("politician",))[0] != "politician")
    )


def _copy_coding(target: Actor, coded: Actor, how: str | None = None) -> None:
    target.name, target.actor_id, target.type = coded.name, coded.actor_id, coded.type
    target.inter, target.country = coded.inter, coded.country
    target.affiliation = list(coded.affiliation)
    target.resolved_by = how or coded.resolved_by


class ActorCoder:
    """Code event actors with the dictionary, coreference and ACLED role conventions."""

    name = NAME
    requires: tuple[str, ...] = (
        "doc.events",
        "event.actor1",
        "event.actor2",
        "event.location",
        "doc.country",
        "doc.places",
        "doc.sentences",
        "doc.parses",
    )
    assigns: tuple[str, ...] = ("event.actor1", "event.actor2", "event.assoc_actors", "doc.notes")

    def __init__(self, dictionary: ActorDictionary, options: ActorsOptions | None = None) -> None:
        self.dictionary = dictionary
        opts = options or ActorsOptions()
        self.fill_from_parse = opts.fill_from_parse
        self.acled_roles = opts.acled_roles
        self.infer_unidentified = opts.infer_unidentified
        self.coref = opts.coref
        self.fuzzy = opts.fuzzy
        self.scan = opts.scan_sentence

    def __call__(self, doc: Document) -> Document:
        history: dict[int, list[Actor]] = {}  # segment index -> coded actors, in order
        events = sorted(doc.events, key=lambda e: (e.trigger.start, e.trigger.end))
        self._mentions: MentionHistory | None = None
        for event in events:
            segment = self._segment(doc, event)
            country = self._event_country(doc, event)
            ref_date = event.date.start if event.date and event.date.start else doc.published
            if self.fill_from_parse and event.actor1 is None and event.actor2 is None:
                self._fill_from_parse(doc, event)
            accused = accused_roles(doc, event)
            if accused is not None:  # "rebels accuse the military of shelling villages"
                event.actor1, event.actor2 = accused
            mend_heads(self.dictionary, doc, event, country, ref_date, NAME)
            seen = history.setdefault(segment, [])
            self._code_event_actors(doc, event, country, ref_date, seen)
            armed_men_from(self.dictionary, doc, event, country, ref_date)  # "raiders from X"
            loyal_forces(self.dictionary, doc, event, country, ref_date)  # "loyal to Machar"
            self._drop_places(doc, event)
            self._drop_trigger_words(doc, event)
            self._repelled(doc, event, country, ref_date, seen)  # "forces repelled X"
            self._drop_things(doc, event, country, ref_date)
            if own_post(doc.text, event) and event.actor2 is not None:
                doc.note(NAME, "EW-ACT-022", f"{event.actor2.text!r}: actor1's own post")
                event.actor2 = None
            if fired_on_actor1(doc, event.actor1):  # "their patrol came under fire from X"
                event.actor1, event.actor2 = None, event.actor2 or event.actor1
            if event_category(event) in VIOLENT and coded_headline_victim(doc, event.actor1):
                event.actor1, event.actor2 = None, event.actor2 or struck_side(event.actor1)
            if event.actor2 is None and event_category(event) in VIOLENT:
                victims = toll_victims(doc, event)
                if victims is not None:
                    self.code(victims, country, ref_date, seen)
                    # civilians dead in a battle are no party to it (ACLED keeps it a battle)
                    battle = not_opponent(event, victims)  # nor actor1's own dead
                    event.actor2 = victims if victims.inter is not None and not battle else None
            if self.scan and event.actor1 is None and event_category(event) not in CROWDS:
                event.actor1 = self._scan(doc, event, country, ref_date)
            if self.scan and event.actor1 is None and event_category(event) in VIOLENT:
                event.actor1 = lead_agent(self.dictionary, doc, event, country, ref_date)
            if event.actor1 is None:  # "Movement of forces: … Al Shabaab fighters armed with …"
                event.actor1 = label_subject(self.dictionary, doc, event, country, ref_date)
            if event.actor1 is None and subject_read_as_target(doc, event):
                event.actor1, event.actor2 = event.actor2, None
            placed = device_placer(self.dictionary, doc, event, country, ref_date)  # "hit a mine
            event.actor1, event.actor2 = placed or (event.actor1, event.actor2)  # laid by X"
            event.actor2 = event.actor2 or paired_state(self.dictionary, doc, event)  # "of A and B"
            if self.acled_roles:
                acled_roles(
                    self.dictionary, doc, event, country, self._scan, self.infer_unidentified, seen
                )
                a2 = default_target(self.dictionary, event, country, doc, seen) or event.actor2
                event.actor2 = a2
                event.actor2 = rival_rioters(self.dictionary, doc, event, country) or a2
                settle_sides(self.dictionary, event, country)
                event.actor2 = drug_owners(self.dictionary, doc, event, country) or event.actor2
                event.actor2 = broken_up_fight(self.dictionary, doc, event, country) or event.actor2
                event.actor2 = rescued_victims(self.dictionary, doc, event, country) or event.actor2
                event.actor2 = event.actor2 or harmed_civilians(
                    self.dictionary, event, country, doc
                )
                if (addressee_only(event) or idle_force(doc, event)) and event.actor2 is not None:
                    doc.note(NAME, "EW-ACT-013", f"{event.actor2.text!r}: addressee, not actor2")
                    event.actor2 = None
                # "surrendered to the army" names a party, not an addressee
                event.actor2 = event.actor2 or self._counterpart(doc, event, country, ref_date)
                self._agreement_sides(doc, event, country, ref_date)
                event.actor2 = event.actor2 or shelled_forces(self.dictionary, event, country)
                event.actor2 = (
                    arrested_civilians(self.dictionary, doc, event, country) or event.actor2
                )
                looter = looting_perpetrator(self.dictionary, doc, event, country)
                event.actor1 = looter or event.actor1
                opponent = other_side(self.dictionary, doc, event, country, ref_date)
                event.actor2 = opponent or event.actor2  # "Fighting continued in Malakal"
            unidentified_forces(self.dictionary, doc, event)  # "unknown forces": no state
            for actor in (event.actor1, event.actor2):
                if actor is not None and actor.resolved_by not in ("unknown", "inferred"):
                    seen.append(actor)
        return doc

    def _repelled(
        self,
        doc: Document,
        event: Event,
        country: str | None,
        ref_date: date | None,
        seen: list[Actor],
    ) -> None:
        """The attacker a force repelled becomes actor1, the force actor2."""
        attacker = repelled_attacker(self.dictionary, doc, event, country, ref_date, seen)
        if attacker is None or event.actor1 is None or event.actor2 is None:
            return
        if attacker.start >= 0:  # "repelled an attack by X": X's own words
            attacker.resolved_by = "repelled-attack"
            event.actor2 = attacker
        else:
            _copy_coding(event.actor2, attacker, "repelled-attack")
        event.actor1, event.actor2 = event.actor2, event.actor1

    def _code_event_actors(
        self,
        doc: Document,
        event: Event,
        country: str | None,
        ref_date: date | None,
        seen: list[Actor],
    ) -> None:
        """Code the raw mentions of one event: named ones first, then the anaphors, which
        never point to the other party of their own event ("attacked soldiers and killed
        them")."""
        actors = [a for a in (event.actor1, event.actor2, *event.assoc_actors) if a is not None]
        pending = [a for a in actors if a.resolved_by is None]
        pending.sort(key=lambda a: anaphor_types(a.text) is not None)
        for actor in pending:
            exclude = frozenset(
                key
                for a in actors
                if a is not actor and a.inter
                for key in (a.actor_id, a.name)
                if key
            )
            antecedent = self._coreferent(doc, event, actor, exclude) if self.coref else None
            if antecedent is not None:
                _copy_coding(actor, antecedent, "coref")
                continue
            self.code(actor, country, ref_date, seen)
            shared = shared_head(doc.text, actor.start, actor.end) if actor.inter is None else None
            if shared is not None:  # "between Pakam and Rup militia": the Pakam militia
                _copy_coding(actor, code_mention(self.dictionary, shared, country, ref_date))
            if actor.resolved_by in WEAK:
                self._extend_left(doc, actor, country, ref_date)
            self._coder_note(doc, actor, country, ref_date)

    def _counterpart(
        self, doc: Document, event: Event, country: str | None, ref_date: date | None
    ) -> Actor | None:
        """A strategic development's other party ("defused an IED planted by Al Shabaab",
        "surrendered to the army"), when it codes as an armed party other than actor1."""
        if event_category(event) != "Strategic developments":
            return None
        other = counterpart(doc, event)
        if other is None:
            return None
        _copy_coding(other, code_mention(self.dictionary, other.text, country, ref_date))
        self._coder_note(doc, other, country, ref_date)  # "by an unknown group (likely X)"
        a1 = event.actor1
        if other.inter not in ARMED_INTER or (a1 is not None and a1.name == other.name):
            return None
        return other

    def _agreement_sides(
        self, doc: Document, event: Event, country: str | None, ref_date: date | None
    ) -> None:
        """ "X and Y reached an agreement": X is actor1, Y actor2 (parties.py); "X and Y
        clans clashed": both communities' militias (coordinated.py)."""

        def code(text: str) -> Actor:
            return code_mention(self.dictionary, text, country, ref_date, fuzzy=False)

        sides = coordinated_parties(doc, event, code) or communal_sides(doc, event, code)
        sides = sides or split_group(doc, event, code)  # "2 groups of Al Shabaab clashed"
        sides = sides or shared_head_sides(doc, event, code)  # "government and rebel forces"
        if sides is not None:
            event.actor1, event.actor2 = sides

    def _coder_note(
        self, doc: Document, actor: Actor, country: str | None, ref_date: date | None
    ) -> None:
        """Code a mention as the coder's bracket after it says ("an unidentified gunman
        (coded as military forces)"), when the bracket's words code as an actor."""
        note = annotated_name(doc.text, actor.start, actor.end)
        if note is None:
            return
        coded = code_mention(self.dictionary, note, country, ref_date, fuzzy=False)
        if coded.inter in (None, actor.inter) or coded.resolved_by == "unknown":
            return
        # a group the dictionary names keeps its code unless the bracket names one too
        if actor.resolved_by != "dictionary" or coded.resolved_by == "dictionary":
            _copy_coding(actor, coded)

    def _coreferent(
        self, doc: Document, event: Event, actor: Actor, exclude: frozenset[str]
    ) -> Actor | None:
        """The antecedent of an anaphoric mention in the report's earlier mentions."""
        if anaphor_types(actor.text) is None:
            return None
        if self._mentions is None:
            dictionary, published = self.dictionary, doc.published

            def code(text: str) -> Actor:
                return code_mention(dictionary, text, doc.country, published, fuzzy=False)

            self._mentions = MentionHistory(doc, code)
        return self._mentions.resolve(actor, event.sentence_index, exclude)

    def code(
        self, actor: Actor, country: str | None, ref_date: date | None, seen: list[Actor]
    ) -> None:
        """Code one mention in place (coreference first, then the dictionary)."""
        types = anaphor_types(actor.text)
        if self.coref and types is not None:
            antecedent = self._antecedent(seen, types)
            if antecedent is not None:
                _copy_coding(actor, antecedent, "coref")
                return
        coded = code_mention(self.dictionary, actor.text, country, ref_date, fuzzy=self.fuzzy)
        _copy_coding(actor, coded)

    def _extend_left(
        self, doc: Document, actor: Actor, country: str | None, ref_date: date | None
    ) -> None:
        """Recover a name cut off before a generic mention ("IS | snipers", "LNA | soldiers").

        Only words directly before the mention, in the same line, that are a dictionary
        alias, a country or a nationality count; the span grows to include them.
        """
        if actor.start <= 0 or actor.end > len(doc.text):
            return
        before = doc.text[max(0, actor.start - 48) : actor.start]
        match = _LEFT_WORDS.search(before)
        if match is None:
            return
        words = match.group(1).split()
        for n in range(min(3, len(words)), 0, -1):
            prefix = " ".join(words[-n:])
            if not _names_something(self.dictionary, prefix):
                continue
            start = actor.start - len(before) + before.rindex(prefix)
            text = doc.text[start : actor.end]
            coded = code_mention(self.dictionary, text, country, ref_date, fuzzy=False)
            if coded.resolved_by not in WEAK:
                _copy_coding(actor, coded)
                actor.text, actor.start = text, start
            return

    def _scan(
        self, doc: Document, event: Event, country: str | None, ref_date: date | None
    ) -> Actor | None:
        """An armed actor named elsewhere in the sentence: a "by" agent first, then any."""
        phrases = noun_phrases(doc, event)
        a2 = event.actor2
        # a strategic development has no victim: "Al Shabaab were seen patrolling" names
        # the group that moved, though the parse reads it as acted upon
        passive_ok = event_category(event) == "Strategic developments"
        acted_upon = ("dobj", "speaker") if passive_ok else ("nsubjpass", "dobj", "speaker")
        for agents_only in (True, False):
            for mention, by_agent, dep in phrases:
                if agents_only and not by_agent:
                    continue
                if a2 is not None and mention.start < a2.end and a2.start < mention.end:
                    continue
                if only_places(doc, mention.start, mention.end):
                    continue  # "…, Baghdad governorate, Iraq", "Baghdad's Sadr City": places
                if came_under_fire(doc, mention.start, mention.end) or headline_victim(
                    doc, mention
                ):
                    continue  # "their patrol came under fire", "Guard shot in …": the target
                if arrest_motive(doc, event, mention):
                    continue  # "arrested for collaborating with X": X did not arrest
                if by_agent and is_supporter(doc, event, mention):
                    continue  # "forces supported by Wagner fighters": not Wagner
                if not by_agent and dep in acted_upon:
                    continue  # acted upon ("two soldiers were killed") or only reporting
                coded = code_mention(self.dictionary, mention.text, country, ref_date, fuzzy=False)
                if coded.inter not in ARMED_INTER or coded.type == "monitor":
                    continue
                armed_generic = coded.actor_id in ARMED_GENERICS
                subject = dep == "nsubj"  # "the Military Police carried out an operation"
                if by_agent or subject or coded.resolved_by in EXPLICIT or armed_generic:
                    _copy_coding(mention, coded, "sentence")
                    if coded.resolved_by in WEAK:  # "by IS | snipers": the chunk lost "IS"
                        self._extend_left(doc, mention, country, ref_date)
                    self._coder_note(doc, mention, country, ref_date)  # "(assumed X)"
                    return mention
        return None

    @staticmethod
    def _drop_trigger_words(doc: Document, event: Event) -> None:
        """A mention inside the trigger's own words names the event, not a party ("forces"
        of the analyst's label "Movement of forces:")."""
        t = event.trigger
        for slot in ("actor1", "actor2"):
            actor = getattr(event, slot)
            if actor is None or actor.start < 0 or t.end - t.start <= actor.end - actor.start:
                continue
            if t.start <= actor.start and actor.end <= t.end:
                setattr(event, slot, None)
                doc.note(NAME, "EW-ACT-016", f"{slot} {actor.text!r} is part of the trigger")

    @staticmethod
    def _drop_places(doc: Document, event: Event) -> None:
        """An unknown 'actor' that is a resolved toponym ("Timbuktu") is a place, not an actor."""
        for slot in ("actor1", "actor2"):
            actor = getattr(event, slot)
            if actor is None or actor.resolved_by != "unknown" or actor.start < 0:
                continue
            if any(p.start < actor.end and actor.start < p.end for p in doc.places if p.start >= 0):
                setattr(event, slot, None)
                doc.note(NAME, "EW-ACT-011", f"{slot} {actor.text!r} is a place, not an actor")

    def _drop_things(
        self, doc: Document, event: Event, country: str | None, ref_date: date | None
    ) -> None:
        """An uncoded mention of a thing ("three buses", "a loud blast") is no actor; a
        thing whose owner is named takes the owner's coding (things.py)."""
        for slot in ("actor1", "actor2"):
            actor = getattr(event, slot)
            if actor is None or actor.resolved_by != "unknown":
                continue
            if is_count(actor.text):
                setattr(event, slot, None)
                doc.note(NAME, "EW-ACT-014", f"{slot} {actor.text!r} is a count, not an actor")
                continue
            if not is_thing(actor.text):
                continue
            owner = owner_words(actor.text)
            coded = code_mention(self.dictionary, owner, country, ref_date) if owner else None
            if coded is not None and coded.inter is not None:
                _copy_coding(actor, coded, "owner")
                continue
            setattr(event, slot, None)
            doc.note(NAME, "EW-ACT-014", f"{slot} {actor.text!r} is a thing, not an actor")

    @staticmethod
    def _antecedent(seen: list[Actor], types: frozenset[str]) -> Actor | None:
        for candidate in reversed(seen):
            if candidate.inter == 7 or candidate.type in (None, "unknown"):
                continue
            if not types or candidate.type in types:
                return candidate
        return None

    @staticmethod
    def _segment(doc: Document, event: Event) -> int:
        if 0 <= event.sentence_index < len(doc.sentences):
            return doc.sentences[event.sentence_index].segment
        return -1

    @staticmethod
    def _event_country(doc: Document, event: Event) -> str | None:
        if event.location is not None and event.location.country:
            return event.location.country
        return doc.country

    def _fill_from_parse(self, doc: Document, event: Event) -> None:
        agent, patient = roles_from_parse(doc, event)
        if agent is not None:
            event.actor1 = agent
        if patient is not None:
            event.actor2 = patient


@register_stage(NAME)
def make_actors_stage(settings: Settings, resources: Resources) -> Stage:
    files = tuple(settings.user_actor_files)
    dictionary = resources.get("actors:" + "|".join(files), lambda: load_actor_dictionary(files))
    return ActorCoder(dictionary, settings.options_of(ActorsOptions))
