"""A side read from the force that killed the attackers, not from the incident's victims.

"Gunmen stormed a restaurant …, killing five diners before police killed two of the
attackers" gives the police as actor2 (the coder took the last force the sentence names);
another outlet's "Five customers were shot dead at a restaurant" gives civilians. A toll
update "…, including the two gunmen shot by police" gives the police as both sides. Words
that stand in their sentence as the doer of a killing of the attackers ("police killed the
attackers", "troops shot dead three of the gunmen", "the gunmen shot by police";
``responder_kills`` and ``attacker_nouns`` in ``data/dedup/words.yaml``) name the force that
answered the attack: that side may match another report's but contradicts none
(:func:`eventwire.dedup.actors.roles`). A force told as the one attacked keeps its side.

>>> responder("police", "Gunmen stormed a bar, killing four before police killed the attackers.")
True
>>> responder("police", "the two gunmen shot dead by police")
True
>>> responder("police", "Gunmen killed four police officers at a checkpoint.")
False
>>> responder("Three teachers", "Three teachers were killed when gunmen opened fire.")
False
>>> responder("Three teachers", "Three teachers killed when gunmen opened fire.")
False
>>> responder("Soldiers", "Soldiers killed 20 militants in a raid on a camp.")
False
"""

from __future__ import annotations

import functools
import re

from eventwire.datafiles import words

# the attackers as already told ("the attackers", "20 of the assailants", "all the gunmen",
# "the two gunmen"): a killing of attackers not yet named ("Soldiers killed 20 militants") is
# an event of its own, whose side is its side
_THE = r"(?:[\w-]+\s+(?:of\s+)?)?the\s+(?:[\w-]+\s+)?"


def _alternation(found: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(found, key=len, reverse=True))


@functools.cache
def _alternatives() -> tuple[str, str]:
    """The killing verbs and the attackers' nouns, each as an alternation (longest first)."""
    kill = _alternation(words("dedup", "responder_kills"))
    return kill, _alternation(words("dedup", "attacker_nouns"))


@functools.lru_cache(maxsize=65536)
def responder(text: str | None, sentence: str | None) -> bool:
    """Whether ``sentence`` tells the words ``text`` killing the attackers (or the attackers
    killed by them): the force that answered the attack, not its attacker or its victim."""
    side = " ".join((text or "").split())
    if not side or not sentence:
        return False
    kill, attackers = _alternatives()
    side_re = re.escape(side)
    # "police killed the attackers", "troops shot dead 20 of the assailants"
    doer = rf"\b{side_re}\s+(?:later\s+|then\s+)?(?:{kill})\s+{_THE}(?:{attackers})\b"
    # "the two gunmen shot dead by police", "the attackers were killed by troops"
    agent = (
        rf"\b{_THE}(?:{attackers})\s+(?:were\s+|was\s+)?(?:{kill})\s+by\s+(?:the\s+)?{side_re}\b"
    )
    flat = " ".join(sentence.split())
    return re.search(f"{doer}|{agent}", flat, re.I) is not None
