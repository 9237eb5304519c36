"""Events stage: find every event in the parsed sentences, with type, roles and modality.

For each parsed sentence: match triggers from the lexicon (words, phrases, dependency
patterns), keep ambiguous ones only in a conflict (or protest) context, find the agent
and patient in the dependency parse, decide the modality, and choose the ACLED
sub-event type from the context (subtypes.py). Each event carries its PLOVER type and
mode, ACLED type and sub-type, CAMEO root, raw actor mentions with document offsets,
evidence spans and a confidence that orders events for a reviewer.
"""

from __future__ import annotations

from typing import Any

from eventwire.config import EventsOptions, Settings
from eventwire.ontology import Ontology, load_ontology
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.pipeline.common.actordict import ActorDictionary, load_actor_dictionary
from eventwire.pipeline.common.triggerlexicon import trigger_surface_forms
from eventwire.pipeline.events.aftermath import HARM_NEXT, harm_follows
from eventwire.pipeline.events.crowd_acts import (
    act_by_its_subject,
    protesting_doer,
)
from eventwire.pipeline.events.crowd_captors import angry_crowd
from eventwire.pipeline.events.crowd_counts import counted_crowd
from eventwire.pipeline.events.crowd_damage import CROWD_DAMAGE
from eventwire.pipeline.events.descriptor import drop_descriptors, idle_fight_tokens
from eventwire.pipeline.events.dispersal import keep_dispersals_alone
from eventwire.pipeline.events.earlier_clause import earlier_clause
from eventwire.pipeline.events.gate import accept_trigger, sentence_classes
from eventwire.pipeline.events.grievance_arrests import grievance_arrests
from eventwire.pipeline.events.habitual import has_habitual_cue
from eventwire.pipeline.events.harm_beside import people_harmed
from eventwire.pipeline.events.labels import apply_note_label
from eventwire.pipeline.events.modality import (
    find_modality,
    rank_below_governors,
    ranking_governor,
    retype_interaction,
)
from eventwire.pipeline.events.nonevents import equipment_tokens
from eventwire.pipeline.events.parties import (
    NAMED_COMMUNAL,
    NAMED_REBEL,
    adjective_agent,
    state_force_agent,
)
from eventwire.pipeline.events.party_crowds import party_crowd
from eventwire.pipeline.events.phrases import Context, phrase_classes
from eventwire.pipeline.events.protest_claims import as_grievance, crowd_claim
from eventwire.pipeline.events.roles import Roles, find_roles
from eventwire.pipeline.events.rules import (
    between_parties,
    by_agent_tokens,
    domain_words,
    is_background,
    is_past_reference,
    is_short_note,
    make_actor,
    match_groups,
    merge_events,
    reframe,
)
from eventwire.pipeline.events.senses import (
    fiction_story,
    story_domain,
)
from eventwire.pipeline.events.sides import act_victims, classes_after
from eventwire.pipeline.events.stopped_bomber import stopped_bomber_tokens
from eventwire.pipeline.events.subtypes import VIOLENT_FRAMES, classify
from eventwire.pipeline.events.territory import rank_ground_over_battle
from eventwire.pipeline.events.triggers import (
    Lexicon,
    TriggerMatch,
    classes_in,
    load_lexicon,
    token_keys,
)
from eventwire.records import CODED_SEGMENT_KINDS, Document, Event, Span

__all__ = ["NAME", "EventCoder", "make_events_stage", "trigger_surface_forms"]

NAME = "eventwire.events.v1"
WINDOW_BEFORE, WINDOW_AFTER = 1, 3
# cue classes checked sentence by sentence (a cue in a background clause does not count)
FILTERED_CLASSES = frozenset(
    {"intervention", "protest_violence", "weapon_air", "lethal", "protest_damage"}
)
# cue classes read on the whole sentence, the trigger's own words too ("running battles",
# "a riot broke out")
_WHOLE_SENTENCE = frozenset(
    {"intervention", "running_battle", "riot_outbreak", "mixed_victims", CROWD_DAMAGE}
)
_MODALITY_PENALTY = {
    "asserted": 0.0,
    "habitual": 0.04,
    "generic": 0.2,
    "hypothetical": 0.3,
    "negated": 0.35,
}


class EventCoder:
    """Code events from the parsed sentences of a document."""

    name = NAME
    requires: tuple[str, ...] = ("doc.sentences", "doc.parses")
    assigns: tuple[str, ...] = (
        "doc.events",
        "event.doc_id",
        "event.trigger",
        "event.sentence_index",
        "event.plover_type",
        "event.plover_mode",
        "event.acled_event_type",
        "event.acled_sub_event_type",
        "event.cameo_root",
        "event.actor1",  # raw mentions (text and span); the actors stage codes them
        "event.actor2",
        "event.assoc_actors",
        "event.modality",
        "event.confidence",
        "event.evidence",
        "event.rule",
    )

    def __init__(
        self,
        lexicon: Lexicon,
        ontology: Ontology,
        min_confidence: float = 0.0,
        dictionary: ActorDictionary | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.ontology = ontology
        self.min_confidence = min_confidence
        self.dictionary = dictionary  # named armed parties and communities (parties.py)

    # ---- main -----------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        lex = self.lexicon
        indices = sorted(i for i in doc.parses if self._coded(doc, i))
        classes: dict[int, set[str]] = {}
        chosen: dict[int, list[tuple[TriggerMatch, str]]] = {}
        domain_sentences = 0
        for i in indices:
            classes[i] = sentence_classes(doc.parses[i], lex, self.dictionary)
            domain_sentences += domain_words(doc.parses[i], lex) >= 2
        # a sport, business or entertainment story: ambiguous triggers need strong cues
        domain = (
            {"domain"} if domain_sentences >= 3 and domain_sentences >= len(indices) / 4 else set()
        )
        if story_domain(doc.text, lex):
            domain.add("story")  # for the non-violent senses only (senses.py)
        if fiction_story(doc.text, lex):
            domain.add("fiction")
        domain |= {"short"} if is_short_note(doc.text) else set()
        for i in indices:
            parse = doc.parses[i]
            picks: list[tuple[TriggerMatch, str]] = []
            # "… attacked their president. She was injured.": the harm told next (aftermath.py)
            told = "story" not in domain and harm_follows(doc, i, lex)  # not a sport story
            here = classes[i] | {HARM_NEXT} if told else classes[i]
            for group in match_groups(parse, lex):
                for match in group:
                    frame = accept_trigger(match, parse, here, domain, lex)
                    if frame is not None:
                        picks.append((match, frame))
                        break
            chosen[i] = picks
        chosen = keep_dispersals_alone(chosen)  # "… protested. Police dispersed them."
        chosen = drop_descriptors(doc.parses, chosen, lex)  # "militiamen who fight troops"
        salient = {
            i: {
                f
                for m, f in chosen[i]
                if not is_background(doc.parses[i][m.head], lex)
                and not is_past_reference(doc.parses[i][m.head])
            }
            for i in indices
        }
        segments = {i: s.segment for i, s in enumerate(doc.sentences)}
        for j in grievance_arrests(doc.parses, segments, chosen, salient, lex):
            salient[j].discard("arrest")  # "… demanding his release. He was arrested …"
            classes[j].discard("intervention")
        rank = {i: n for n, i in enumerate(indices)}
        events: list[Event] = []
        for i in indices:
            events.extend(self._code_sentence(doc, i, indices, chosen, salient, classes, rank[i]))
        rank_ground_over_battle(doc, events)  # "X clashed with Y. Y took the village."
        merged = apply_note_label(doc, merge_events(events), self.ontology)  # "Looting: …"
        doc.events = [e for e in merged if e.confidence >= self.min_confidence]
        return doc

    @staticmethod
    def _coded(doc: Document, i: int) -> bool:
        if not doc.segments or i >= len(doc.sentences):
            return True
        seg = doc.segment_of(doc.sentences[i])
        return seg is None or seg.kind in CODED_SEGMENT_KINDS

    def _window(self, doc: Document, i: int, indices: list[int]) -> list[int]:
        seg = doc.sentences[i].segment if i < len(doc.sentences) else 0
        return [
            j
            for j in indices
            if j != i
            and i - WINDOW_BEFORE <= j <= i + WINDOW_AFTER
            and (j >= len(doc.sentences) or doc.sentences[j].segment == seg)
        ]

    def _violent_agents(
        self, doc: Document, sentences: list[int], chosen: dict[int, list[tuple[TriggerMatch, str]]]
    ) -> set[str]:
        """Cue classes of the agents of violent acts reported in these sentences (acts in
        the background or the past, and attacks on protesters, do not count)."""
        lex = self.lexicon
        agents: set[str] = set()
        for j in sentences:
            pj = doc.parses[j]
            for m, f in chosen[j]:
                if f not in VIOLENT_FRAMES and f != "destroy":
                    continue
                if is_background(pj[m.head], lex) or is_past_reference(pj[m.head]):
                    continue  # "against the trial of youths who clashed with …"
                if not act_by_its_subject(pj, m.head, f, lex):
                    continue  # "threatened to destroy property", "a student … died"
                r = find_roles(pj, m.head, lex)
                protests = {p.head for p, g in chosen[j] if g == "protest"}
                doers = phrase_classes(pj, r.agent, lex)
                if "protesters" in phrase_classes(pj, r.patient, lex) and not protesting_doer(
                    pj, r.agent, protests
                ):
                    continue  # the protesters were attacked: who attacked them did not protest
                agents |= doers
        return agents

    def _agent_classes(self, parse: Any, doer: int | None) -> set[str]:
        """The doer's cue classes, "state" for a state's force, "party_crowd" for a party's
        named crowd ("NCP students attacked …", party_crowds.py)."""
        state = state_force_agent(parse, doer, self.dictionary)
        return (
            phrase_classes(parse, doer, self.lexicon)
            | party_crowd(parse, doer)
            | angry_crowd(parse, doer)
            | counted_crowd(parse, doer, self.lexicon)
            | ({"state"} if state else set())
        )

    def _habitual_context(self, doc: Document, i: int) -> bool:
        """Does the sentence before ``i``, in the same segment, carry a habitual cue?"""
        prev = i - 1
        return (
            prev in doc.parses
            and prev < len(doc.sentences)
            and doc.sentences[prev].segment == doc.sentences[i].segment
            and has_habitual_cue(doc.parses[prev], self.lexicon)
        )

    def _code_sentence(
        self,
        doc: Document,
        i: int,
        indices: list[int],
        chosen: dict[int, list[tuple[TriggerMatch, str]]],
        salient: dict[int, set[str]],
        classes: dict[int, set[str]],
        rank: int,
    ) -> list[Event]:
        lex = self.lexicon
        parse = doc.parses[i]
        sentence = doc.sentences[i]
        window = self._window(doc, i, indices)
        window_classes: set[str] = set().union(*(classes[j] for j in window)) if window else set()
        frames_window = set().union(*(salient[j] for j in window)) if window else set()
        violent_agents = self._violent_agents(doc, [i, *window], chosen)
        harmed = people_harmed(doc, i, window, chosen, lex)  # burned beside people hurt
        # present-tense violent verbs listed in one sentence ("they behead, they torture …")
        n_violent = sum(
            1 for m, f in chosen[i] if f in VIOLENT_FRAMES and parse[m.head].tag_ in {"VBP", "VBZ"}
        )
        habitual = (n_violent, self._habitual_context(doc, i))
        out: list[Event] = []
        acts: list[tuple[int | None, int, Event]] = []
        trigger_heads = {m.head for m, _ in chosen[i]}
        equipment = equipment_tokens(parse) | stopped_bomber_tokens(parse)  # no cue to the type
        equipment |= idle_fight_tokens(parse, trigger_heads, lex)  # "who fight the army"
        doers = by_agent_tokens(parse)  # "killed by troops": the troops are no victims
        tokens = list(parse)  # one list for every classes_in below (it reads, never writes)
        # political interactions (no ACLED type) embed acts: "condemned the attack"
        main_acts = {m.head for m, f in chosen[i] if lex.frames[f].acled is None}
        for match, picked in chosen[i]:
            roles = find_roles(parse, match.head, lex)
            frame_name = reframe(picked, parse, roles, match.head, lex)
            if frame_name is None:
                continue
            frame = lex.frames[frame_name]
            own = set(range(match.start, match.end))
            agent_span: set[int] = set()
            if roles.agent is not None:
                # the whole phrase: "officers based at the police station" names no victim
                agent_span = {t.i for t in parse[roles.agent].subtree}
            others = {
                f
                for m, f in chosen[i]
                if m is not match
                and not is_background(parse[m.head], lex)
                and not is_past_reference(parse[m.head])
            }
            doer = roles.agent if roles.agent is not None else adjective_agent(parse, match.head)
            ctx = Context(
                sentence=classes_in(tokens, lex, skip=own | equipment)
                - (FILTERED_CLASSES - classes[i])
                | between_parties(parse, match.head)
                | (classes[i] & (_WHOLE_SENTENCE | {NAMED_REBEL, NAMED_COMMUNAL})),
                victims=act_victims(parse, match.head, lex, own | agent_span | equipment | doers),
                after=classes_after(tokens, match, lex, agent_span | equipment | doers),
                trigger={k for t in parse[match.start : match.end] for k in token_keys(t)},
                window=window_classes,
                frames_sentence=others,
                frames_window=frames_window,
                agent=self._agent_classes(parse, doer),
                patient=phrase_classes(parse, roles.patient, lex),
                window_violent_agents=violent_agents,
                people_harmed=harmed,
            )
            sub, reason = classify(frame_name, frame.acled, ctx)
            modality = find_modality(parse, match.head, lex, sentence.text, *habitual)
            event = self._event(
                doc, i, parse, match, frame_name, sub, reason, roles, modality, rank
            )
            _demote(event, parse[match.head], trigger_heads, others | frames_window, lex)
            retype_interaction(event, parse, match.head, lex, self.ontology, _MODALITY_PENALTY)
            out.append(event)
            acts.append((ranking_governor(parse, match.head, main_acts, lex), match.head, event))
        rank_below_governors(acts)  # the main clause's act ranks first
        return out

    def _event(
        self,
        doc: Document,
        i: int,
        parse: Any,
        match: TriggerMatch,
        frame_name: str,
        sub: str | None,
        reason: str,
        roles: Roles,
        modality: str,
        rank: int,
    ) -> Event:
        lex, onto = self.lexicon, self.ontology
        frame = lex.frames[frame_name]
        base = doc.sentences[i].start
        t_start = base + parse[match.start].idx
        last = parse[match.end - 1]
        t_end = base + last.idx + len(last.text)
        trigger = Span(t_start, t_end, "trigger", doc.text[t_start:t_end])
        plover, mode = frame.plover, frame.mode
        cameo = onto.cameo_root(plover, mode)
        acled_type: str | None = None
        if sub is not None:
            cw = onto.crosswalk(sub)
            acled_type = cw.acled_event_type
            if sub != frame.acled or frame.plover == "ASSAULT":
                plover, mode, cameo = cw.plover_type, cw.plover_mode, cw.cameo_root
        event = Event(
            doc_id=doc.doc_id,
            trigger=trigger,
            sentence_index=i,
            plover_type=plover,
            plover_mode=mode,
            acled_event_type=acled_type,
            acled_sub_event_type=sub,
            cameo_root=cameo,
            modality=modality,
            rule=f"{frame_name}:{match.entry.id}|{reason}",
        )
        event.evidence.append(trigger)
        victim = roles.patient if roles.victim is None else roles.victim
        for label, head in (("actor1", roles.agent), ("actor2", victim)):
            if head is None:
                continue
            actor = make_actor(doc, parse, base, head)
            setattr(event, label, actor)
            event.evidence.append(Span(actor.start, actor.end, label, actor.text))
        for conj in roles.agent_conj:
            event.assoc_actors.append(make_actor(doc, parse, base, conj))
        event.confidence = self._confidence(parse, match, frame.weight, roles, modality, rank, sub)
        head = parse[match.head]
        told = is_background(head, lex) or is_past_reference(head)
        if acled_type != "Protests" and not told and earlier_clause(head):
            event.confidence = max(0.02, round(event.confidence - 0.25, 4))  # backdrop
        return event

    def _confidence(
        self,
        parse: Any,
        match: TriggerMatch,
        weight: float,
        roles: Roles,
        modality: str,
        rank: int,
        sub: str | None,
    ) -> float:
        conf = weight
        conf += 0.04 if roles.agent is not None else 0.0
        conf += 0.03 if roles.patient is not None else 0.0
        conf -= min(0.2, 0.04 * rank)
        conf -= _MODALITY_PENALTY.get(modality, 0.0)
        conf -= 0.05 if match.entry.ambiguous else 0.0
        conf += 0.03 if sub is not None else 0.0
        conf += 0.02 if parse[match.head].pos_ == "VERB" else 0.0  # the clause's own predicate
        if is_background(parse[match.head], self.lexicon) or is_past_reference(parse[match.head]):
            conf -= 0.25
        return max(0.02, min(0.99, round(conf, 4)))


def _demote(
    event: Event, head: Any, trigger_heads: set[int], frames: set[str], lex: Lexicon
) -> None:
    """Rank a noun trigger below its sentence's verb trigger ("the verb is the predicate"),
    and a deed a protesting crowd says was done to it below the protest (protest_claims.py:
    "families who claim … were kidnapped protested")."""
    if head.pos_ != "VERB" and head.head.i in trigger_heads and head.head.pos_ == "VERB":
        event.confidence = round(event.confidence - 0.06, 4)
    if event.acled_event_type != "Protests" and crowd_claim(head, frames, lex):
        as_grievance(event)


@register_stage(NAME)
def make_events_stage(settings: Settings, resources: Resources) -> Stage:
    options = settings.options_of(EventsOptions)
    lexicon = resources.get(
        "lexicon:" + ",".join(settings.user_lexicon_files),
        lambda: load_lexicon(tuple(settings.user_lexicon_files)),
    )
    ontology = resources.get("ontology", load_ontology)
    files = tuple(settings.user_actor_files)  # the actors stage's key: one shared dictionary
    dictionary = resources.get("actors:" + "|".join(files), lambda: load_actor_dictionary(files))
    return EventCoder(lexicon, ontology, float(options.min_confidence), dictionary)
