"""The place of an incident from the sentences that go on telling it.

A news lead often places an incident only by its province or country ("Gunmen abducted
more than 40 people in Nigeria's northwestern Zamfara state, police said") and names the
village in the next sentence, which carries no trigger of its own ("The gunmen surrounded
Kaura village in Maru late on Saturday…"). ACLED codes the most specific place the report
gives. When an incident's place is a province or a country, the first town named in the
next sentences that lies inside it becomes its place, as long as those sentences still tell
that incident: no mention of another incident, no "Separately, …", no place of treatment.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.pipeline.incidents.compat import coarse_place, inside
from eventwire.pipeline.incidents.cues import IncidentCues
from eventwire.pipeline.incidents.items import Incident
from eventwire.records import Document, Event, Place, Sentence

# How many sentences after an incident's first mention may still name its place.
FOLLOWING_SENTENCES = 2


def _town(place: Place) -> bool:
    return not coarse_place(place) and place.precision in (1, 2)


def _places_in(doc: Document, sentence: Sentence) -> list[Place]:
    return sorted(
        (p for p in doc.places if sentence.start <= p.start < sentence.end),
        key=lambda p: p.start,
    )


def _treated_at(cues: IncidentCues, sentence: Sentence, place: Place) -> bool:
    """ "taken to Baquba hospital", "died at a hospital in Mosul": where victims were treated."""
    start, end = place.start - sentence.start, place.end - sentence.start
    return cues.at_treatment_place(sentence.text, start) or cues.before_treatment_word(
        sentence.text, end
    )


def following_town(
    doc: Document,
    event: Event,
    first: int,
    others: set[int],
    cues: IncidentCues,
    taken: frozenset[tuple[int, int]] = frozenset(),
) -> Place | None:
    """The first town inside ``event``'s coarse place named in the sentences right after
    sentence ``first`` that tell no other incident (``others``: their sentence indices)."""
    area = event.location
    if area is None or not coarse_place(area):
        return None
    for index in range(first + 1, min(first + 1 + FOLLOWING_SENTENCES, len(doc.sentences))):
        sentence = doc.sentences[index]
        if index in others or cues.opens_incident(sentence.text):
            return None  # the story has moved on
        for place in _places_in(doc, sentence):
            if (place.start, place.end) in taken:
                continue  # "the M23, which seized Goma in January": another event's place
            if _town(place) and inside(place, area) and not _treated_at(cues, sentence, place):
                return place
    return None


def sharpen_places(
    doc: Document, pairs: Sequence[tuple[Incident, Event]], cues: IncidentCues
) -> None:
    """Give each incident placed only by a province or country the town the next sentences
    name for it (see the module docstring)."""
    told = [
        {i.event.sentence_index for i in incident.items}
        if event.acled_event_type is not None
        else set()
        for incident, event in pairs
    ]
    for n, (incident, event) in enumerate(pairs):
        if event.acled_event_type is None or event.background or event.aggregate:
            continue
        others = set().union(*(t for m, t in enumerate(told) if m != n))
        first = min(i.event.sentence_index for i in incident.items)
        taken = frozenset(
            (e.location.start, e.location.end)
            for m, (inc, _) in enumerate(pairs)
            if m != n
            for e in (i.event for i in inc.items)
            if e.location is not None
        )
        town = following_town(doc, event, first, others - told[n], cues, taken)
        if town is not None:
            event.location = town
