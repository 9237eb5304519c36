"""A deed told in a past-perfect clause on another act is backdrop (issue 16, h16bz).

"police arrested youths who had rioted a few days before", "soldiers killed four fighters
after the fighters had attacked a bus", "troops tracked gunmen who had kidnapped a chief":
the verb in the past perfect, in a relative or adverbial clause, tells what came before
the reported act; the act of the main clause is the event. A protest told so stays a
candidate ("police shot at youth who had gathered to denounce an arrest": ACLED codes the
protest and the force used on it)."""

from __future__ import annotations

from typing import Any

_CLAUSES = frozenset({"relcl", "advcl"})
_PERFECT = frozenset({"had", "'d"})


def earlier_clause(tok: Any) -> bool:
    """Is a verb trigger the past perfect of a relative or adverbial clause?"""
    if tok.pos_ not in {"VERB", "AUX"} or tok.dep_ not in _CLAUSES:
        return False
    return any(c.dep_ == "aux" and c.lower_ in _PERFECT for c in tok.children)
