"""Armed groups named only as a suspicion: not a side of the act.

"soldiers killed a woman while firing shots searching for separatists", "police killed a
man suspected of membership in an armed group", "attacked civilians accused of
collaborating with the police": the armed group is what the victims were suspected of or
whom the doers were looking for. ACLED codes the act on the people harmed, an Attack on
civilians, not a battle with the group (h16bh). :func:`suspected_tokens` gives the tokens
of such clauses, which the events stage leaves out of the act's victims.
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words

# "suspected of", "accused of", "searching for", "looking for", "suspecting the presence
# of", "pursuing": a clause that names whom the doers suspected or sought
SUSPICION_CUES: frozenset[str] = words("lexicon", "suspicion_cues")
_CLAUSE_DEPS = frozenset({"acl", "advcl", "relcl", "xcomp", "pcomp", "pobj", "conj", "ROOT"})


def _cue_clause(tok: Any) -> bool:
    """A suspicion word heading a clause of its own ("suspected of being …"), not the
    adjective of a name ("suspected Boko Haram fighters")."""
    return bool(
        tok.lower_ in SUSPICION_CUES
        and tok.pos_ == "VERB"
        and tok.dep_ in _CLAUSE_DEPS
        and any(c.dep_ in {"prep", "dobj", "obj"} for c in tok.children)
    )


def _conjoined_below(tok: Any, head: Any) -> bool:
    """The trigger is a verb conjoined to the suspicion word: "soldiers looking for rebels
    shot and killed two wardens"."""
    while head.i != tok.i and head.dep_ == "conj":
        head = head.head
    return bool(head.i == tok.i)


def suspected_tokens(parse: Any, head: int) -> set[int]:
    """Indices of the tokens in a suspicion clause of the sentence that does not hold the
    trigger (the act itself is never left out); when the trigger is a verb conjoined to
    the suspicion word, the words it was looking for or suspecting."""
    out: set[int] = set()
    for tok in parse:
        if not _cue_clause(tok) or tok.i == head:
            continue
        subtree = {t.i for t in tok.subtree}
        if head not in subtree:
            out |= subtree
        elif _conjoined_below(tok, parse[head]):
            for child in tok.children:
                if child.dep_ in {"prep", "dobj", "obj"}:
                    out |= {t.i for t in child.subtree}
    return out
