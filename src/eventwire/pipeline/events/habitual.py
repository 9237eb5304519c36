"""Whether a sentence tells its act as habitual ("nearly daily", "routinely"): the cue
words and phrases of the trigger lexicon's ``modality.habitual``, outside names."""

from __future__ import annotations

from typing import Any

from eventwire.pipeline.events.triggers import Lexicon, find_phrases, split_phrase, token_keys


def has_habitual_cue(parse: Any, lexicon: Lexicon, head_index: int | None = None) -> bool:
    """Whether the sentence tells its act as habitual ("nearly daily", "routinely"). With
    ``head_index`` (the trigger), a cue adjective of another noun is no cue: "opened fire on
    a weekly cattle market" is one shooting at a market held weekly; "the daily shelling"
    (the trigger's own adjective) stays habitual."""
    words, phrases = _habitual_cues(lexicon.modality.get("habitual", {}))
    tokens = _unnamed(parse)
    if head_index is not None:
        tokens = [t for t in tokens if not (t.dep_ == "amod" and t.head.i != head_index)]
    if any(token_keys(t) & words for t in tokens):
        return True
    return bool(find_phrases(tokens, phrases))


_HABITUAL: dict[int, tuple[Any, frozenset[str], list[tuple[str, ...]]]] = {}


def _habitual_cues(cues: Any) -> tuple[frozenset[str], list[tuple[str, ...]]]:
    """The habitual cue words and split phrases, built once per cue table (kept by id)."""
    found = _HABITUAL.get(id(cues))
    if found is None or found[0] is not cues:
        words = frozenset(cues.get("words", []))
        found = (cues, words, [split_phrase(p) for p in cues.get("phrases", [])])
        _HABITUAL[id(cues)] = found
    return found[1], found[2]


# the tokens outside names of the last few parses (kept with the parse, compared by
# identity): the coder asks per trigger of a sentence, then for the sentence after it
_UNNAMED: dict[int, tuple[Any, list[Any]]] = {}
_UNNAMED_SIZE = 4


def _unnamed(parse: Any) -> list[Any]:
    """The tokens of a parse outside names ("Euphrates Daily" is no cue). Shared: read,
    never change."""
    found = _UNNAMED.get(id(parse))
    if found is None or found[0] is not parse:
        tokens = [t for t in parse if not (t.ent_type_ in NAME_ENTITIES or _in_name(t))]
        if len(_UNNAMED) >= _UNNAMED_SIZE:
            _UNNAMED.clear()
        found = _UNNAMED[id(parse)] = (parse, tokens)
    return found[1]


NAME_ENTITIES = frozenset({"ORG", "PERSON", "WORK_OF_ART", "FAC", "PRODUCT"})


def _in_name(tok: Any) -> bool:
    """A capitalised proper-noun token inside a sentence, next to another one (a name)."""
    if tok.tag_ not in {"NNP", "NNPS"} or not tok.is_title or tok.is_sent_start:
        return False
    doc = tok.doc
    near = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)]
    return any(n.tag_ in {"NNP", "NNPS"} and n.is_title for n in near)
