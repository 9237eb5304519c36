"""A deed told in a clause dated before the note is backdrop (issue 16, h16bz).

"police arrested youths who had rioted a few days before", "troops shelled the town where
people fled after rebels overran it last month": a verb of a relative or adverbial clause
with a time word that places it before the report ("a few days earlier", "two weeks ago",
"last month", "the previous day") tells what came before the reported act; the act of the
main clause is the event. A protest told so stays a candidate ("police shot at youth who
had gathered the day before to denounce an arrest": ACLED codes the protest and the force
used on it). The past perfect alone is not enough: "tried to lynch three men who had
assaulted a person" then leaves the arrest that followed as the top event (tried, h16bz)."""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words

_CLAUSES = frozenset({"relcl", "advcl"})
_OPEN: frozenset[str] = words("lexicon", "earlier_clause_open")


def earlier_clause(tok: Any) -> bool:
    """Is a verb trigger of a relative or adverbial clause dated before the report ("a few
    days earlier", "two weeks ago", "last month")?"""
    if tok.pos_ not in {"VERB", "AUX"} or tok.dep_ not in _CLAUSES:
        return False
    if any(c.dep_ == "mark" and c.lower_ in _OPEN for c in tok.children):
        return False  # "it is unclear if they had gained control": not told as done
    return any(_dated_before(c) for c in tok.children)


_BEFORE: frozenset[str] = words("lexicon", "earlier_clause_before")
_LAST: frozenset[str] = words("lexicon", "earlier_clause_last")


def _dated_before(child: Any) -> bool:
    """A time word that dates a clause before the report: "a few days earlier", "two weeks
    ago", "last month", "the previous day"."""
    if child.dep_ == "advmod" and child.lower_ in _BEFORE:
        return True
    if child.dep_ in {"npadvmod", "advmod"} and any(g.lower_ in _BEFORE for g in child.children):
        return True
    return child.dep_ == "npadvmod" and any(g.lower_ in _LAST for g in child.children)
