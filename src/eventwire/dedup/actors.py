"""Actors as deduplication compares them: who attacked whom in two reports of one incident.

Unknown is compatible with known, a claimed actor counts as known; "gunmen" fits the group a
claim names; an actor1 read from the toll's own words ("Three police officers died when …") is
the victim; an actor inferred from no words of the report contradicts no other, nor does
either side of a report that gives one force as attacker and victim. The same
*named* group in two reports (:func:`named_group`) is strong evidence of one incident.
Used by :mod:`eventwire.dedup.rules`.
"""

from __future__ import annotations

import functools
import re

from eventwire.config import DedupOptions
from eventwire.datafiles import word_table, words
from eventwire.dedup.blamednames import blamed_attacker
from eventwire.dedup.namedsides import named_in_sentence
from eventwire.dedup.patrons import patron_side
from eventwire.dedup.report import ReportEvent
from eventwire.dedup.report import norm_name as _norm
from eventwire.dedup.responders import responder
from eventwire.dedup.revisers import reviser
from eventwire.dedup.sides import allied, pro_government
from eventwire.dedup.victimwords import blamed, national_victims, place_as_side
from eventwire.pipeline.actors.roles import NON_STATE_ARMED
from eventwire.pipeline.common.actordict import load_actor_dictionary


@functools.cache
def _generic() -> dict[str, frozenset[int]]:
    table = word_table("dedup", "generic_actors")
    return {f"id:{k}": frozenset(int(v) for v in inters) for k, inters in table.items()}


def is_generic(actor_id: str | None) -> bool:
    """Whether a dictionary actor stands for one the report could not name ("gunmen")."""
    return f"id:{actor_id}" in _generic()


@functools.cache
def _ancestors() -> dict[str, frozenset[str]]:
    """Each dictionary group's parent organisations (``parent``, followed up), as keys."""
    d = load_actor_dictionary()
    out: dict[str, frozenset[str]] = {}
    for entry in d.by_id.values():
        up: set[str] = set()
        parent = d.get(entry.parent)
        while parent is not None and f"id:{parent.id}" not in up:
            up.add(f"id:{parent.id}")
            parent = d.get(parent.parent)
        if up:
            out[f"id:{entry.id}"] = frozenset(up)
    return out


def affiliated(key_a: str | None, key_b: str | None) -> bool:
    """Whether one group is the other's parent organisation: "Islamic State said its
    fighters killed …" claims what its affiliate did (ISWAP's raid, ADF's massacre)."""
    if key_a is None or key_b is None:
        return False
    if kin(key_a, key_b):  # "Boko Haram fighters" / ISWAP's claim
        return True
    return key_b in _ancestors().get(key_a, ()) or key_a in _ancestors().get(key_b, ())


def kin(key_a: str, key_b: str) -> bool:
    """Whether two groups are one movement outlets name one for the other (``kin_groups``)."""
    return frozenset((key_a, key_b)) in _kin()


@functools.cache
def _kin() -> frozenset[frozenset[str]]:
    """Pairs of dictionary groups outlets name one for the other (``kin_groups``), as keys."""
    pairs = (entry.split("|") for entry in words("dedup", "kin_groups"))
    return frozenset(frozenset(f"id:{i.strip()}" for i in p) for p in pairs)


def one_state(key_a: str | None, key_b: str | None) -> bool:
    """Whether one key is a country's government and the other its military ("an Israeli
    strike" coded Government of Israel, "Israeli air strikes" its military forces): one
    state's side, told two ways, not two actors."""
    ends = {k.rpartition("-")[2] for k in (key_a or "", key_b or "")}
    if not (key_a and key_b and key_a.startswith("id:") and ends == {"GOV", "MIL"}):
        return False
    return key_b.startswith("id:") and key_a.rpartition("-")[0] == key_b.rpartition("-")[0]


def _actor_key(actor_id: str | None, name: str | None) -> str | None:
    return f"id:{actor_id}" if actor_id else (f"n:{_norm(name)}" if _norm(name) else None)


def _actor_score(
    key_a: str | None,
    inter_a: int | None,
    coded_a: bool,
    key_b: str | None,
    inter_b: int | None,
    coded_b: bool,
) -> float | None:
    """1 same actor, 0.5 unknown / not contradicted, None contradicted."""
    if key_a is None or key_b is None:
        return 0.5
    if key_a == key_b:
        return 1.0
    if affiliated(key_a, key_b) or one_state(key_a, key_b):
        return 0.5  # a parent organisation claims its affiliate's attacks; one state's side
    for key, inter in ((key_a, inter_b), (key_b, inter_a)):
        fits = _generic().get(key)
        if fits is not None and (inter is None or inter in fits):
            return 0.5  # "gunmen" and the group a claim names
    if inter_a is not None and inter_b is not None and inter_a != inter_b:
        for name, inter_n, coded_n, key, inter in (
            (key_a, inter_a, coded_a, key_b, inter_b),
            (key_b, inter_b, coded_b, key_a, inter_a),
        ):  # "Segunda Marquetalia gunmen" (a guessed 3) and FARC dissidents (2)
            if armed_name(name, inter_n, coded_n) and inter in NON_STATE_ARMED:
                return None if pro_government(key) else 0.5  # not the VDP, the state's side
        return None
    if coded_a and coded_b:
        return None  # two different dictionary actors
    return 0.5


def armed_name(key: str | None, inter: int | None, coded: bool) -> bool:
    """Whether an actor as compared is a group the dictionary does not code, named by its
    own words before an armed noun ("Hafiz Gul Bahadur group gunmen", "Katiba Macina
    fighters"; ``armed_name_heads``): the coder guessed its inter code (an unidentified
    armed group's 3), so it contradicts no other non-state armed group's code (a claim's
    coded group, another outlet's rebels). A state force or protesters still contradict."""
    if coded or inter not in NON_STATE_ARMED or not key or not key.startswith("n:"):
        return False
    name = key[2:].split()
    return len(name) > 1 and name[-1] in words("dedup", "armed_name_heads")


def dead_as_actor1(e: ReportEvent) -> bool:
    """Whether actor1 was read from the toll's own words ("Three police officers died"): the
    dead are the victims, so the report names no attacker. Words that end in an attack
    ("the number killed in last week's ADF attack") name the attacker, not the dead."""
    text = (e.actor1_text or "").strip().casefold()
    if not text or text.split()[-1] in words("dedup", "generic_attack"):
        return False
    if e.fatalities_text and text in e.fatalities_text.casefold():
        return True
    # the toll's words cut short ("… has risen to seven after two wound"): the sentence says
    # the actor's words died ("after two wounded soldiers died in hospital")
    return _told_dead(text, (e.sentence or "").casefold())


def unarmed_dead(e: ReportEvent) -> bool:
    """Whether the dead a toll names as actor1 ("a woman and her son died") were coded as a
    catch-all armed group although their words name no armed people (``attacker_nouns``,
    ``armed_name_heads``): the coder's default, not what the report says of them, so it
    contradicts no other report's victims."""
    found = re.findall(r"[a-z]+", (e.actor1_text or "").casefold())
    armed = words("dedup", "attacker_nouns") | words("dedup", "armed_name_heads")
    generic_armed = is_generic(e.actor1_id) and e.actor1_inter in NON_STATE_ARMED
    plurals = {f"{w}s" for w in found} | {f"{w[:-3]}men" for w in found if w.endswith("man")}
    return generic_armed and bool(found) and not armed & (set(found) | plurals)


@functools.lru_cache(maxsize=65536)
def _told_dead(text: str, sentence: str) -> bool:
    """Whether ``sentence`` says the words ``text`` died (asked for each pair a report is
    compared in: once per report and actor)."""
    return re.search(rf"\b{re.escape(text)}\s+(?:{_death_verbs()})\b", sentence) is not None


@functools.cache
def _death_verbs() -> str:
    return "|".join(re.escape(w) for w in sorted(words("dedup", "death_verbs")))


@functools.cache
def _unspecific() -> frozenset[str]:
    return words("dedup", "unspecific_people") | words("dedup", "target_words")


@functools.cache
def _hedges() -> frozenset[str]:
    return words("dedup", "hedged_actor")


def hedged(text: str | None) -> bool:
    """Whether an actor's words hedge the attribution ("suspected Boko Haram")."""
    return bool(text) and bool(_hedges() & set((text or "").casefold().split()[:2]))


def _role(
    actor_id: str | None, name: str | None, inter: int | None, text: str | None
) -> tuple[str | None, int | None, bool]:
    """An actor as compared: an actor inferred from no words of the report, or read from
    words that name nobody in particular ("people killed": the coder's default victims,
    "Civilians"), may match the same actor but contradicts none."""
    if text is not None and (not text.strip() or text.split()[-1].casefold() in _unspecific()):
        return _actor_key(actor_id, name), None, False
    if text and (place_as_side(text) or patron_side(text)):  # a place; "Iran-backed rebels"
        return _actor_key(actor_id, name), None, False
    if text and hedged(text):  # "suspected Boko Haram": a guess
        return _actor_key(actor_id, name), inter, False
    return _actor_key(actor_id, name), inter, actor_id is not None


def roles(e: ReportEvent) -> list[tuple[str | None, int | None, bool]]:
    first = _role(e.actor1_id, e.actor1_name, e.actor1_inter, e.actor1_text)
    if dead_as_actor1(e):  # compared as the victim; the attacker is unknown
        if unarmed_dead(e):  # "a woman and her son died" read as an armed group
            first = (first[0], None, False)
        return [(None, None, False), first]
    second = _role(e.actor2_id, e.actor2_name, e.actor2_inter, e.actor2_text)
    if national_victims(e.actor2_text):  # "three Palestinians": civilians or fighters
        second = (second[0], None, False)
    if blamed(e.actor2_text, e.sentence) and not blamed(e.actor1_text, e.sentence):
        return [second, (None, None, False)]  # "…, blaming the rebels": the attacker
    # "… before police killed the attackers": the force that answered the attack
    if responder(e.actor1_text, e.sentence) or reviser(e.actor1_text, e.sentence):
        first = (first[0], None, False)  # … or "Authorities revised the toll": its source
    if responder(e.actor2_text, e.sentence):
        second = (second[0], None, False)
    if one_force_both_sides(e):  # one side misread: each may match, neither contradicts
        return [(first[0], None, False), (second[0], None, False)]
    return [first, second]


def one_force_both_sides(e: ReportEvent) -> bool:
    """Whether the coder gave one dictionary actor as attacker and victim ("Pro-Islamic State
    militants ambushed an army patrol" read as the army against the army; "jihadists …
    killing volunteer defence fighters" as rebels against rebels): one side was misread, so
    neither side of it contradicts another report's (both may still match it). A force
    told fighting itself in its own words (a mutiny) is rare beside such misreadings, and
    the place, day and toll must still agree. Both sides must be read from words of the
    report with different head nouns: a coding with no words (a coder's row, "Al Shabaab
    against Al Shabaab" for a split) or one word for both ("rival militiamen") is meant."""
    if not (e.actor1_id and e.actor1_id == e.actor2_id) or dead_as_actor1(e):
        return False
    heads = _head(e.actor1_text), _head(e.actor2_text)
    return None not in heads and heads[0] != heads[1]


def actor_link(a: ReportEvent, b: ReportEvent, opts: DedupOptions) -> tuple[float, int, str] | None:
    """Mean actor score, positively matched roles and a reason (best of direct/swapped)."""
    ra, rb = roles(a), roles(b)
    best: tuple[float, int, str] | None = None
    for order, factor in (((0, 1), 1.0), ((1, 0), opts.swapped_actor_penalty)):
        scores = [_actor_score(*ra[i], *rb[j]) for i, j in zip((0, 1), order, strict=True)]
        if factor == 1.0 and scores[0] == 1.0 and scores[1] is None and _state_victims(ra, rb):
            scores[1] = 0.5  # "a paramilitary patrol" read as the army, the PMF by name
        if factor == 1.0 and scores[1] is None and same_victim_words(a, b):
            scores[1] = 0.5  # "two paramilitary rangers" (militia) / "Two rangers" (civilians)
        for i in (0, 1):  # "volunteer defence fighters" (a militia) / "soldiers" (the army)
            if factor == 1.0 and scores[i] is None and allied(a, b, i + 1):
                scores[i] = 0.5
            # "… a PMF vehicle …, killing three fighters" (rebels) / "three Hashd members"
            if factor == 1.0 and scores[i] is None and named_in_sentence(a, b, i + 1, is_generic):
                scores[i] = 0.5
        if factor == 1.0 and scores[0] != 1.0 and blamed_attacker(a, b, is_generic):
            scores[0] = 1.0  # "…, the army said, blaming M23" / "the Rwanda-backed M23 rebels"
        if any(s is None for s in scores):
            continue
        vals = [s for s in scores if s is not None]
        matched = sum(1 for s in vals if s == 1.0)
        if factor < 1.0 and matched == 0:
            continue  # swapping only helps when it matches something
        cand = (factor * sum(vals) / 2, matched, _actor_reason(a, b, vals, factor < 1.0))
        if best is None or cand[:2] > best[:2]:
            best = cand
    return best


def _head(text: str | None) -> str | None:
    """The head noun of an actor's words, a plural's "s" dropped ("two paramilitary rangers"
    -> "ranger")."""
    found: list[str] = re.findall(r"[a-z]+", (text or "").casefold())
    if not found:
        return None
    head = found[-1]
    return head[:-1] if head.endswith("s") and len(head) > 3 else head


def same_victim_words(a: ReportEvent, b: ReportEvent) -> bool:
    """Whether two reports name their victims (actor2) by one head noun although the coder
    gave them different codes, one of them a catch-all (``generic_actors``: "Two rangers" read
    as civilians, "two paramilitary rangers" as a militia): the same victims, coded two ways.
    Two dictionary actors (Kenya's police, Somalia's police) stay two; words that name nobody
    in particular ("people", ``unspecific_people``) are no evidence."""
    head = _head(a.actor2_text)
    if head is None or head != _head(b.actor2_text) or f"{head}s" in _unspecific():
        return False
    if head in _unspecific():
        return False
    return is_generic(a.actor2_id) or is_generic(b.actor2_id)


def named_group(role: tuple[str | None, int | None, bool]) -> bool:
    """Whether an actor as compared is a named non-state group (not "gunmen", not a state
    force): the same one in two reports is strong evidence of one incident."""
    key, inter, _ = role
    return bool(key and key.startswith("id:") and key not in _generic() and inter in (2, 3, 4))


def one_group(a: ReportEvent, b: ReportEvent) -> bool:
    """Whether two reports name one non-state group as actor1, or a group and its parent
    organisation ("ADF rebels killed …", "Islamic State said its fighters killed …")."""
    ka, kb = group_key(a), group_key(b)
    return ka is not None and kb is not None and (ka == kb or affiliated(ka, kb))


def group_key(e: ReportEvent) -> str | None:
    """The named non-state group an event's actor1 is, as compared (None: none named)."""
    role = roles(e)[0]
    return role[0] if named_group(role) else None


def _state_victims(
    ra: list[tuple[str | None, int | None, bool]], rb: list[tuple[str | None, int | None, bool]]
) -> bool:
    """The same named group attacked two state forces of one kind (inter 1) as two reports
    name them: one report's "paramilitary patrol" is the other's Popular Mobilisation
    Forces, so the victims do not tell the incidents apart."""
    return ra[0][0] == rb[0][0] and named_group(ra[0]) and ra[1][1] == rb[1][1] == 1


def _actor_reason(a: ReportEvent, b: ReportEvent, scores: list[float], swapped: bool) -> str:
    if swapped:
        return "actors compatible with roles swapped (one report names the victim as actor1)"
    names = []
    for role, score, name in (
        (1, scores[0], a.actor1_name or b.actor1_name),
        (2, scores[1], a.actor2_name or b.actor2_name),
    ):
        if score == 1.0:
            names.append(f"same actor{role} ({name})")
        elif name:
            names.append(f"actor{role} {name} named by one report only")
    return "; ".join(names) or "actors unknown in both"
