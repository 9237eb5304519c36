"""places stage: resolve toponyms against the offline gazetteer and locate every event.

* ``doc.places``: every accepted toponym as a ``Place`` with its span;
* ``doc.country``: the focus country (ISO2);
* ``event.location``: a copy of the place where the event happened, with ACLED geo
  precision (1 town, 2 near / part of a region, 3 province or larger) and ``fallback``
  saying how it was attached: "clause" (same clause as the trigger), "sentence",
  "paragraph" (another sentence of the same segment), "document".

Options (``config.PlacesOptions``, ``[eventwire.stage_options."eventwire.places.v1"]``):
``index`` (path of a gazetteer index file; default: the cached one, built at first use);
``area_point``:
where a province or country is placed, ``"seat"`` (default: its most populous place,
as ACLED codes province-level events to the provincial capital; measured better on the
dev sets) or ``"centroid"`` (without the option: the ``area_point`` setting, which
``$EVENTWIRE_AREA_POINT`` sets).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

from eventwire.config import PlacesOptions, Settings
from eventwire.datafiles import words
from eventwire.pipeline.base import Resources, Stage, register_stage
from eventwire.pipeline.common.actordict import ActorDictionary, load_actor_dictionary
from eventwire.pipeline.places.abroad import drop_towns_abroad
from eventwire.pipeline.places.anyway import kept_anyway
from eventwire.pipeline.places.attach import (
    PlaceIndex,
    borrowed,
    clause_bounds,
    drop_stray_quarters,
    references,
    unknown_place_before,
)
from eventwire.pipeline.places.borders import settle_border_sides
from eventwire.pipeline.places.capitals import capital_mentions
from eventwire.pipeline.places.coded import coded_place
from eventwire.pipeline.places.country import NO_PLACE_CUES, as_of, cue_votes
from eventwire.pipeline.places.crossborder import lean
from eventwire.pipeline.places.evidence import (
    cue_country,
    org_country_votes,
    with_demonyms,
)
from eventwire.pipeline.places.fallback import compass_place, fallback_place
from eventwire.pipeline.places.forces import hold_home_force
from eventwire.pipeline.places.formerly import readmit_former_parts
from eventwire.pipeline.places.gazetteer.checks import Resolution
from eventwire.pipeline.places.gazetteer.common_areas import common_area_votes
from eventwire.pipeline.places.gazetteer.cues import (
    ActorCues,
    demonym_votes,
    find_actor_cues,
    keep_mention,
    named_place_votes,
)
from eventwire.pipeline.places.gazetteer.index import Gazetteer, load_gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon, load_lexicon
from eventwire.pipeline.places.gazetteer.resolve import accept, resolve_mentions
from eventwire.pipeline.places.gazetteer.table import FEAT_ADMIN, FEAT_ADMIN1, FEAT_COUNTRY
from eventwire.pipeline.places.gazetteer.toponyms import PLACE_LABELS, Mention, find_mentions
from eventwire.pipeline.places.inside_names import inside_place
from eventwire.pipeline.places.motive import without_motives
from eventwire.pipeline.places.origin import reread_after_origin
from eventwire.pipeline.places.peoples import without_peoples
from eventwire.pipeline.places.possessive import possessive_hosts
from eventwire.pipeline.places.routes import other_places
from eventwire.pipeline.places.sharper import sharper_in_paragraph
from eventwire.pipeline.places.within import (
    countries_abroad,
    countries_over_towns,
    far_from_near,
    locators,
    motives,
    wide_areas,
)
from eventwire.records import Document, Event, Place

NAME = "eventwire.places.v1"
STRONG_CUES: frozenset[str] = words("gazetteer", "strong_cues")
PART_WORDS: frozenset[str] = words("gazetteer", "part_words")
PROTEST_TYPES = ("Protests", "Riots")


def precision_of(gaz: Gazetteer, res: Resolution) -> int:
    """ACLED geo precision of a resolved mention."""
    feat = int(gaz.feat[res.row])
    if feat in (FEAT_ADMIN1, FEAT_COUNTRY):
        return 3
    if feat == FEAT_ADMIN or res.mention.near or res.mention.hint_word in PART_WORDS:
        return 2
    return 1


class PlacesStage:
    """Recognise, resolve and attach places."""

    name = NAME
    requires = ("doc.sentences", "doc.parses", "doc.events", "doc.published")
    assigns = ("doc.places", "doc.country", "event.location", "doc.notes")

    def __init__(
        self,
        gazetteer: Gazetteer,
        lexicon: Lexicon,
        area_point: str = "centroid",
        actors: ActorDictionary | None = None,
    ) -> None:
        self.gaz = gazetteer
        self.lex = lexicon
        self.area_point = area_point
        self.actors = actors

    def resolve(self, doc: Document) -> list[tuple[Resolution, Place]]:
        """Resolve the document's toponyms; set doc.places and doc.country."""
        cues = find_actor_cues(doc.text, self.actors, doc.published)
        found = find_mentions(doc, self.gaz, self.lex)
        mentions = [
            m
            for m in found
            if (
                keep_mention(m, self.lex, doc.sentences[m.sentence].start)
                or kept_anyway(m, doc.text, self.lex)  # "Mombasa traders", "Juba PoC camp"
            )
            # an actor's name is not a place, unless placed in a province: "Baghdadi" is a
            # leader, "in Baghdadi, Anbar province" a town
            and not (cues.covers(m.start, m.end) and m.hint is None and m.parent is None)
        ]
        kept_ids = {id(m) for m in mentions}
        dropped = [m for m in found if id(m) not in kept_ids and not cues.covers(m.start, m.end)]
        cues.votes.update(named_place_votes(dropped, self.gaz, self.lex, doc.text))
        cues.votes.update(cue_votes(doc.text))  # "Sirba locality", "the MCA", "UNAMID"
        cues.votes.update(org_country_votes(doc.text, self.gaz, self.lex))  # "Kenya Police"
        cues.votes.update(common_area_votes(dropped, self.gaz, self.lex))  # "Unity state"
        # "Boko Haram attacked Kolofata": a place only Cameroon has outweighs the group's home
        lean(doc.text, cues.spans, self.actors, self.gaz, mentions, cues.votes)
        resolutions, focus = resolve_mentions(
            doc, self.gaz, self.lex, mentions, cues.votes, cues.areas
        )
        # "Kenyan traders protest against … the raids in Somalia": not in Somalia
        resolutions, focus = self._without_motives(doc, mentions, resolutions, focus, cues)
        # "Sudanese air forces shell Tangal": not the Philippine village of that name
        focus = hold_home_force(doc.text, self.gaz, self.lex, resolutions, focus, cues.votes)
        # "Kangara (Karimama, Alibori)": no Malaysian town in a report about Benin
        demonyms = demonym_votes(doc.text, self.lex)
        # "raiders from Uganda attacked a village in Kitui county": the actors' origin
        resolutions, focus = reread_after_origin(
            doc, self.gaz, self.lex, mentions, resolutions, focus, cues, demonyms
        )
        drop_towns_abroad(doc.text, self.gaz, resolutions, focus, cues.votes, demonyms)
        readmit_former_parts(self.gaz, resolutions, focus, doc.published)  # Mundri in 2009: SD
        settle_border_sides(doc, self.gaz, self.lex, resolutions, focus)  # "Kenya-Sudan border"
        if focus is None and not any(r is not None and r.accepted for r in resolutions):
            # "farmers robbed in Kalu area, Kass locality": no place holds, the cues remain
            focus = cue_country(doc.text, self.lex, cues.votes, demonyms, self.gaz)
        kept: list[tuple[Resolution, Place]] = []
        for res in resolutions:
            if res is None:
                continue
            if not accept(res, self.gaz, focus, self.lex):
                res.accepted = False
                continue
            m = res.mention
            precision = precision_of(self.gaz, res)
            if precision == 1 and unknown_place_before(doc.text, m, self.lex):
                precision = 2  # "shelled Kinda in Idleb": in the area of Idleb, not in it
            place = self.gaz.place(
                res.row, m.text, m.start, m.end, precision, point=self.area_point
            )
            kept.append((res, place))
        kept = drop_stray_quarters(kept)
        country = focus or (kept[0][1].country if kept else None)
        for m, row in capital_mentions(doc, self.gaz, self.lex, country):
            # "the Somali capital", "in the capital": no toponym, but a city all the same
            place = self.gaz.place(row, m.text, m.start, m.end, 1, point=self.area_point)
            kept.append((Resolution(m, row, 0.0, 0.0), place))
        kept.sort(key=lambda rp: rp[0].mention.start)
        if not kept:
            # nothing else is a place: a town the model took for a person or organisation
            last = self._last_place(
                doc, dropped, cues.votes + Counter({focus: 1.0} if focus else {})
            )
            if last is not None:
                m = last.mention
                place = self.gaz.place(last.row, m.text, m.start, m.end, 2, point=self.area_point)
                kept = [(last, place)]
        if not kept and focus is None:  # "an SPLM soldier": no place at all, a late cue
            late = cues.votes + cue_votes(doc.text, NO_PLACE_CUES)
            focus = cue_country(doc.text, self.lex, late, demonyms, self.gaz)
        doc.places = [p for _, p in kept]
        doc.country = focus or (kept[0][1].country if kept else None)
        return kept

    def _last_place(
        self, doc: Document, dropped: list[Mention], votes: Counter[str]
    ) -> Resolution | None:
        """The place of a report none of whose toponyms holds: a town the model took for a
        person or organisation, else a compass sub-unit's stem ("villagers in Korando,
        Kisumu West": at Kisumu), else a town inside a longer name ("the Homa Bay
        Governor's offices": at Homa Bay)."""
        last = fallback_place(doc.text, self.gaz, self.lex, dropped, votes)
        if last is None:
            last = compass_place(doc, self.gaz, votes)
        if last is None:
            last = inside_place(doc, self.gaz, self.lex, dropped, votes)
        return last

    def _without_motives(
        self,
        doc: Document,
        mentions: list[Mention],
        resolutions: list[Resolution | None],
        focus: str | None,
        cues: ActorCues,
    ) -> tuple[list[Resolution | None], str | None]:
        """``motive.without_motives`` with this stage's gazetteer and the text's cues."""
        return without_motives(
            doc,
            self.gaz,
            self.lex,
            mentions,
            resolutions,
            focus,
            lambda d, ms: resolve_mentions(d, self.gaz, self.lex, ms, cues.votes, cues.areas),
        )

    def __call__(self, doc: Document) -> Document:
        kept = self.resolve(doc)
        # "a teacher from the Marakwet ethnic group, in Kolowa": the people is no place
        index = PlaceIndex.of(doc, without_peoples(doc.text, kept))
        for event in doc.events:
            # "(coded to Buma town)": the coder's own place, if in the country the note is about
            event.location = _then(coded_place(doc.text, kept, self.locate(doc, event, index)), doc)
            if event.location is None:
                doc.note(
                    self.name,
                    "EW-GEO-100",
                    f"no place found for the event at {event.trigger.start}",
                )
        doc.places = [p for p in (_then(p, doc) for p in doc.places) if p is not None]
        doc.country = as_of(doc.country, doc.published)
        return doc

    # -- attachment -----------------------------------------------------------------------
    def locate(self, doc: Document, event: Event, index: PlaceIndex) -> Place | None:
        """The place where an event happened (a copy, with its fallback level)."""
        if not index.specific:
            return self._country_place(doc)
        specific = index.specific
        sent_index = event.sentence_index
        in_sentence = index.by_sentence.get(sent_index, [])
        if in_sentence:
            sent = doc.sentences[sent_index]
            clause = clause_bounds(sent.text, event.trigger.start - sent.start)
            lo, hi = sent.start + clause[0], sent.start + clause[1]
            refs = references(
                doc.text, [r.mention for r, _ in in_sentence], self.lex.part | self.lex.town
            ) | locators(doc.text, in_sentence)
            refs |= possessive_hosts(doc.text, in_sentence)  # "in Somalia's Middle Shabelle"
            refs |= other_places(doc.text, in_sentence)  # "closed the Garissa Road in Kitui"
            wide = wide_areas(in_sentence, lo, hi) | countries_over_towns(in_sentence)
            far = far_from_near(doc.text, in_sentence)
            abroad = countries_abroad(in_sentence, doc.country)
            refs -= set(far.values())
            if event.acled_event_type in PROTEST_TYPES:
                refs |= motives(doc.text, in_sentence)
            best = max(
                in_sentence,
                key=lambda rp: (
                    self._rank(rp, event, lo, hi)
                    + index.agreement(sent_index, rp[1]) * (3.0 if rp[0].flag < 0 else 1.0)
                    - (2.5 if id(rp[0].mention) in refs else 0.0)
                    - (3.0 if id(rp[0].mention) in wide else 0.0)
                    - (6.0 if id(rp[0].mention) in far else 0.0)
                    - (3.0 if id(rp[0].mention) in abroad else 0.0)
                ),
            )
            level = "clause" if lo <= best[0].mention.start < hi else "sentence"
            chosen = dataclasses.replace(best[1], fallback=level)
            # "... smugglers in Kenya. ... a roadblock in Garissa": Garissa, not Kenya
            return sharper_in_paragraph(chosen, index.by_segment.get(sent.segment, []), sent_index)
        segment = doc.sentences[sent_index].segment if 0 <= sent_index < len(doc.sentences) else -1
        same_par = index.by_segment.get(segment, [])
        if same_par:
            before = [rp for rp in same_par if rp[0].mention.sentence < sent_index]
            pool = before or same_par
            best = max(
                pool,
                key=lambda rp: (
                    -abs(rp[0].mention.sentence - sent_index),
                    -rp[1].precision if rp[1].precision else 0,
                ),
            )
            return borrowed(best[1], "paragraph")
        counts = index.counts
        best = max(
            specific,
            key=lambda rp: (
                counts[(rp[1].lat, rp[1].lon)],
                -(rp[1].precision or 3),
                -rp[0].mention.start,
            ),
        )
        return borrowed(best[1], "document")

    def _rank(self, rp: tuple[Resolution, Place], event: Event, lo: int, hi: int) -> float:
        res, place = rp
        m = res.mention
        s = 0.0
        if lo <= m.start < hi:
            s += 3.0
        if m.cue in STRONG_CUES or m.near:
            s += 2.0
        elif m.cue is not None:
            s += 0.5
        if m.ner in PLACE_LABELS:
            s += 0.3
        if m.landmark:
            s -= 2.5  # "the Ilya intersection in Sidon": the event is in Sidon
        if m.dateline:
            s -= 3.0  # "BEIRUT (Reuters) - Shelling hit Idlib": the event is in Idlib
        s -= {1: 0.0, 2: 0.2, 3: 1.0}.get(place.precision or 3, 1.0)
        if place.feature == "country":
            s -= 1.0
        s -= 0.002 * min(abs(m.start - event.trigger.start), abs(m.end - event.trigger.end))
        return s

    def _country_place(self, doc: Document) -> Place | None:
        if not doc.country:
            return None
        row = self.gaz.country_row(doc.country)
        if row is None:
            return None
        place = self.gaz.place(row, "", -1, -1, 3)
        return dataclasses.replace(place, text="", fallback="document")


def _then(place: Place | None, doc: Document) -> Place | None:
    """The place with the country it lay in on the report's date ("SS" in 2010 is "SD")."""
    if place is None:
        return None
    country = as_of(place.country, doc.published)
    return place if country == place.country else dataclasses.replace(place, country=country)


@register_stage(NAME)
def make_places_stage(settings: Settings, resources: Resources) -> Stage:
    options = settings.options_of(PlacesOptions)
    path = Path(options.index) if options.index else None
    gaz = resources.get("gazetteer" + (f":{path}" if path else ""), lambda: load_gazetteer(path))
    fallback = settings.area_point if settings.area_point is not None else "seat"
    point = options.area_point or fallback
    files = tuple(settings.user_actor_files)
    actors = resources.get("actors:" + "|".join(files), lambda: load_actor_dictionary(files))
    return PlacesStage(gaz, with_demonyms(load_lexicon()), point, actors)
