"""People harmed beside property destroyed or goods taken (issue 16, h16at).

ACLED codes the burning of houses or the looting of a village as an Attack when people
were killed, hurt, beaten or shot in it ("soldiers burned down the village. One civilian
was killed.", "officials beat people, torched homes and destroyed crops"); only property
damage with no harm to people is Looting/property destruction. ``people_harmed`` says
whether a sentence or the sentences beside it tell such harm: a kill, hurt, beat, shoot
or body trigger that is told as done (not background, not an earlier event), with no
denial in its sentence ("No fatalities and/or injuries reported"), whose victim is a
person or people who are not armed ("killed 32 soldiers", "a guard was wounded": a fight
or an attack on a force, not the raid's harm) and not animals ("20 cows were killed").
"""

from __future__ import annotations

from typing import Any

from eventwire.pipeline.events.aftermath import denies_harm
from eventwire.pipeline.events.phrases import is_armed, phrase_classes
from eventwire.pipeline.events.roles import find_roles
from eventwire.pipeline.events.rules import is_background, is_past_reference
from eventwire.pipeline.events.triggers import Lexicon, TriggerMatch
from eventwire.records import Document

HARM_FRAMES = frozenset({"kill", "harm", "beat", "shoot", "body"})
_PROPERTY_FRAMES = frozenset({"destroy", "loot"})
_PEOPLE = frozenset({"civilian", "unarmed_collective", "protesters", "communal"})


def people_harmed(
    doc: Document,
    i: int,
    window: list[int],
    chosen: dict[int, list[tuple[TriggerMatch, str]]],
    lexicon: Lexicon,
) -> bool:
    """Does sentence ``i`` destroy or take property, and it or a sentence of its window
    tell unarmed people killed, hurt, beaten or shot?"""
    if not any(frame in _PROPERTY_FRAMES for _, frame in chosen[i]):
        return False
    for j in [i, *window]:
        parse = doc.parses[j]
        if denies_harm(parse):
            continue  # "No fatalities and/or injuries reported", "nobody was hurt"
        for match, frame in chosen[j]:
            if frame in HARM_FRAMES and _unarmed_victim(parse, match.head, lexicon):
                return True
    return False


def _unarmed_victim(parse: Any, head: int, lexicon: Lexicon) -> bool:
    tok = parse[head]
    if is_background(tok, lexicon) or is_past_reference(tok):
        return False  # "in revenge for the killing of …", "killed on 12 June (coded separately)"
    victim = find_roles(parse, head, lexicon).patient
    if victim is None:
        # "Five killed.", "Injuries reported.": nobody named; no armed party in the sentence
        return not _armed_named(parse, lexicon)
    classes = phrase_classes(parse, victim, lexicon)
    if is_armed(classes):
        return False
    if parse[victim].pos_ == "NUM":
        # "killed 15 IS militants" (the parse may take the number for the object)
        after = parse[victim + 1 : victim + 4]
        return not any(is_armed(phrase_classes(parse, t.i, lexicon)) for t in after)
    if parse[victim].pos_ in {"PRON", "PROPN"}:
        return True  # "shot him", "killed Musa"
    return bool(classes & _PEOPLE)


def _armed_named(parse: Any, lexicon: Lexicon) -> bool:
    """Is an armed party named in the sentence ("killed 15 militants and left warehouses
    burnt": the dead, whom the parse did not tie to the verb, are fighters)?"""
    return any(
        tok.pos_ in {"NOUN", "PROPN"} and is_armed(phrase_classes(parse, tok.i, lexicon))
        for tok in parse
    )
