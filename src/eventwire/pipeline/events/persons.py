"""People the cue lists do not name: a person's title or trade, an amount of people.

The cue classes of ``context.yaml`` list the common words for people ("civilian",
"villager", "student"); a note often names its victim or its crowd otherwise:

- by a title, an office or a trade the lists lack ("killed the council chairman", "kill a
  watchman", "killed the headmaster", "kidnapped a seed seller and a man"): a word of
  ``person_nouns`` or of the actors' ``official_nouns``, or a word ending in a person
  suffix of ``person_suffixes`` ("-man", "-woman", "-master"). Without it an unambiguous
  kill or abduction verb read its object as a thing ("killed crops") and dropped the act;
- by an amount whose "of" complement holds the people ("thousands of women marched", "a
  number of farmers demonstrated", "hundreds of party members rallied"): the amount word
  (``quantity_heads``) is the parse's head, the people are its complement.

>>> PERSON_SUFFIXES >= {"man", "woman"}
True
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words

__all__ = ["people_head", "person_noun", "person_object"]

PERSON_NOUNS: frozenset[str] = words("lexicon", "person_nouns") | words("actors", "official_nouns")
PERSON_SUFFIXES: frozenset[str] = words("lexicon", "person_suffixes")
QUANTITY_HEADS: frozenset[str] = words("lexicon", "quantity_heads")
_MIN_STEM = 3  # "man" alone is a word of the lists; a suffix needs a stem before it


def person_noun(tok: Any) -> bool:
    """A common noun that names a person by title, office or trade ("chairman", "watchman",
    "headmaster", "MP"), not a name or a pronoun (the callers read those already)."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    for form in {tok.lower_, tok.lemma_.lower()}:
        if form in PERSON_NOUNS:
            return True
        if any(form.endswith(s) and len(form) - len(s) >= _MIN_STEM for s in PERSON_SUFFIXES):
            return True
    return False


def people_head(parse: Any, tok: Any) -> Any:
    """The noun that names the people of a phrase headed by an amount ("thousands of
    women": "women"; "a number of farmers": "farmers"); ``tok`` itself otherwise."""
    if tok.lower_ not in QUANTITY_HEADS and tok.lemma_.lower() not in QUANTITY_HEADS:
        return tok
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return parse[obj.i]
    return tok


def person_object(match: Any, parse: Any) -> bool:
    """The object of a trigger verb, or one of its conjuncts, names a person by a title or a
    trade ("killed the council chairman", "kidnapped a seed seller and a Mossi man")."""
    head = parse[match.head]
    obj = next((c for c in head.children if c.dep_ in {"dobj", "obj"}), None)
    if obj is None:
        return False
    return any(person_noun(t) for t in (obj, *obj.conjuncts))
