"""The CAMEO pentaclass benchmark's reading of coder output (bench/cameo.py), on hand-made
events: which class a CAMEO root falls in, which event stands for a sentence, and a claimed
act read as the claim (a statement)."""

from __future__ import annotations

from cameo import (  # bench/cameo.py (bench/ is on sys.path, see conftest.py)
    NO_EVENT_CLASS,
    Scores,
    claimed,
    penta_of_event,
    penta_of_root,
    top_event,
)
from eventwire.records import Attribution, Event, Span


def _event(root: str, modality: str = "asserted", conf: float = 0.5, verb: str = "") -> Event:
    event = Event(
        doc_id="d",
        trigger=Span(0, 4, "trigger", "word"),
        sentence_index=0,
        plover_type="ASSAULT" if root >= "18" else "SANCTION" if root == "16" else "AGREE",
        cameo_root=root,
        modality=modality,
        confidence=conf,
    )
    if verb:
        event.attribution = Attribution(speaker="the group", role="quoted", verb=verb)
    return event


def test_reduce_relations_is_verbal_conflict_in_the_gold_convention() -> None:
    assert [penta_of_root(r) for r in ("02", "05", "08", "09", "13", "16")] == [0, 1, 2, 3, 3, 3]
    assert [penta_of_root(r) for r in ("14", "15", "17", "18", "20")] == [4, 4, 4, 4, 4]
    assert penta_of_root("16", ranges=True) == 4  # the plain CAMEO ranges
    assert penta_of_root(None) is None and penta_of_root("xx") is None


def test_asserted_acts_stand_for_the_sentence_before_confident_hypothetical_ones() -> None:
    threat = _event("19", modality="hypothetical", conf=0.9)
    deal = _event("03", conf=0.4)
    assert top_event([threat, deal]) is deal
    assert top_event([]) is None


def test_a_claimed_act_is_the_claim_a_statement() -> None:
    attack = _event("19", conf=0.8, verb="claimed")
    assert claimed(attack) and penta_of_event(attack) == NO_EVENT_CLASS
    said = _event("19", conf=0.8, verb="said")
    assert not claimed(said) and penta_of_event(said) == 4


def test_the_sentence_own_act_ranks_before_a_claimed_one() -> None:
    claimed_attack = _event("19", conf=0.9, verb="claims")
    arrest = _event("17", conf=0.3)
    assert top_event([claimed_attack, arrest]) is arrest


def test_scores_count_precision_and_recall() -> None:
    scores = Scores()
    for gold, pred in ((4, 4), (3, 4), (3, 3), (0, 0)):
        scores.add(gold, pred, had_event=pred != NO_EVENT_CLASS)
    assert scores.accuracy == 0.75
    assert scores.precision(4) == 0.5 and scores.recall(3) == 0.5
    assert scores.precision(1) is None and scores.no_event == 1
