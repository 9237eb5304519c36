"""Non-violent senses of violent trigger words (issue 3: most news is not about conflict).

"Nip/Tuck beat The Sopranos", "Airlines have attacked the legislation", "R&B music exploded",
"Jet has 42 aircraft", "a hamstring injury", "the possible takeover of the LSE": the trigger is
a conflict word, the sense is competition, criticism, growth, fleet, sport or business. Each
rule below looks for the cue that the violent sense needs (a weapon, a violent cause, a person
as target, a strike verb) and drops the trigger when the sentence offers none. The word lists
are data (context.yaml classes ``abstract_patient``, ``competition``, ``blast_cue``,
``violent_cause``, ``hurt_cue``, ``air_strike_cue``, ``corporate``, ``body_part``,
``abstract_modifier``, ``weapon_head``).

>>> SENSE_FRAMES >= {"beat", "attack", "explode", "air", "harm"}
True
"""

from __future__ import annotations

from typing import Any

from eventwire.datafiles import words
from eventwire.pipeline.events.beatings import person_beaten
from eventwire.pipeline.events.mob_groups import idle_mob_group
from eventwire.pipeline.events.phrases import phrase_classes
from eventwire.pipeline.events.roles import find_roles
from eventwire.pipeline.events.triggers import (
    Lexicon,
    TriggerMatch,
    parse_phrases,
    token_keys,
)
from eventwire.pipeline.events.wordcount import count_in, joined_words, text_words

__all__ = [
    "SENSE_FRAMES",
    "WEAPON_CLASSES",
    "fiction_story",
    "joint_exercise",
    "nonviolent_sense",
    "story_domain",
    "told_violence",
]

# classes that make any violent reading credible: weapons, armed people, killing
WEAPON_CLASSES = frozenset(
    {
        "weapon_smallarms",
        "weapon_shell",
        "weapon_ied",
        "weapon_grenade",
        "weapon_suicide",
        "weapon_chemical",
        "weapon_melee",
        "weapon_air",
        "armed",
        "nonstate",
    }
)
PEOPLE = frozenset({"civilian", "unarmed_collective", "armed", "nonstate", "protesters"})
SENSE_FRAMES = frozenset(
    {"beat", "attack", "clash", "explode", "air", "harm", "body", "capture", "retake", "shoot",
     "abduct", "mob", "kill"}
)  # fmt: skip
# lemmas whose competitive / critical sense is common (the frame alone is not enough)
CONTEST_LEMMAS: frozenset[str] = words("lexicon", "contest_lemmas")
EXPLODE_LEMMAS: frozenset[str] = words("lexicon", "explode_lemmas")
HARM_LEMMAS: frozenset[str] = words("lexicon", "harm_lemmas")
EXERCISE_WORDS: frozenset[str] = words("lexicon", "exercise_words")
ALLY_WORDS: frozenset[str] = words("lexicon", "ally_words")


# the story classes; "fiction" and "legal": a film, game, novel or court story tells violence
DOMAIN_CLASSES = ("sport", "business", "entertainment", "tech", "politics", "fiction", "legal")
_CONFLICT_CLASSES = (*sorted(WEAPON_CLASSES), "lethal")  # what a story of conflict names


def story_domain(text: str, lexicon: Lexicon) -> bool:
    """Is the whole story (every sentence, parsed or not) about sport, business, entertainment,
    technology or politics as usual rather than conflict? Many domain words and few weapons
    or armed actors.

    Only sentences with a trigger word are parsed, so the coder's own per-sentence count
    misses most of a match report; this counts the raw words of the text.
    """
    words = text_words(text)
    n_domain = count_in(words, joined_words(lexicon, DOMAIN_CLASSES))
    n_conflict = count_in(words, joined_words(lexicon, _CONFLICT_CLASSES))
    return n_domain >= 6 and n_domain >= 2 * n_conflict


def fiction_story(text: str, lexicon: Lexicon) -> bool:
    """Is the whole text a review or report of a film, game, novel or show (fiction words
    outnumber weapons and sport words, and there are many of them)? Then every violent act
    in it is told: "the game lets you fire rockets at tanks", "after his father is killed
    the hero sets out for revenge"."""
    words = text_words(text)
    n_fiction = count_in(words, lexicon.words_of("fiction"))
    n_sport = count_in(words, lexicon.words_of("sport"))
    n_conflict = count_in(words, joined_words(lexicon, _CONFLICT_CLASSES))
    return n_fiction >= 8 and n_fiction > n_conflict and n_fiction > 2 * n_sport


def _cue(parse: Any, lexicon: Lexicon, name: str, skip: set[int]) -> bool:
    """Is a word of class ``name`` in the sentence (outside ``skip``, not in a title name)?"""
    words = lexicon.words_of(name)
    for t in parse:
        if t.i in skip or (t.pos_ == "PROPN" and t.is_title):
            continue
        if token_keys(t) & words:
            return True
    cls = lexicon.classes.get(name)
    if cls is None or not cls.phrases:
        return False
    return any(
        not set(range(a, b)) & skip for a, b in parse_phrases(parse, cls.phrases)
    )  # "opened fire", "small arms"


def _any_cue(parse: Any, lexicon: Lexicon, names: Any, skip: set[int]) -> bool:
    return any(_cue(parse, lexicon, name, skip) for name in names)


def _armed_nouns(parse: Any, lexicon: Lexicon, skip: set[int]) -> bool:
    """Weapons or armed people named by nouns ("forces" the verb, "Air Force One" the name
    and "security" alone do not count)."""
    names = (*WEAPON_CLASSES, "weapon_generic")
    words = frozenset().union(*(lexicon.words_of(n) for n in names))
    for t in parse:
        if t.i in skip or t.pos_ not in {"NOUN", "PROPN"} or (t.pos_ == "PROPN" and t.is_title):
            continue
        if token_keys(t) & words:
            return True
    return False


def _hurt(parse: Any, lexicon: Lexicon, skip: set[int]) -> bool:
    """Weapons or armed people (as nouns), killing or injury in the sentence: the violent
    sense is meant ("an explosive clash" and "blasted a shot" name no weapon)."""
    return _armed_nouns(parse, lexicon, skip) or _any_cue(
        parse, lexicon, ("lethal", "hurt_cue"), skip
    )


def _abstract(tok: Any | None, parse: Any, lexicon: Lexicon) -> bool:
    """A patient that is a thing of law, politics, money, media or play, not a person."""
    if tok is None:
        return False
    if phrase_classes(parse, tok.i, lexicon) & PEOPLE:
        return False
    return bool(token_keys(tok) & lexicon.words_of("abstract_patient"))


def _objects(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> list[Any]:
    """The patient and every direct object ("attacked Tory plans" parses with two objects)."""
    head = parse[match.head]
    roles = find_roles(parse, match.head, lexicon)
    found = [parse[roles.patient]] if roles.patient is not None else []
    return found + [c for c in head.children if c.dep_ in {"dobj", "obj"} and c not in found]


def _patient(match: TriggerMatch, parse: Any, lexicon: Lexicon, preps: frozenset[str]) -> Any:
    head = parse[match.head]
    roles = find_roles(parse, match.head, lexicon)
    if roles.patient is not None:
        return parse[roles.patient]
    # "battle with X", "fight against X", "hit with a bill", "attack on the policy"
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in preps):
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if obj is not None:
            return obj
    return None


def _modified(head: Any, lexicon: Lexicon, name: str) -> bool:
    return any(
        c.dep_ in {"amod", "compound"} and token_keys(c) & lexicon.words_of(name)
        for c in head.children
    )


def _contest(match: TriggerMatch, parse: Any, lexicon: Lexicon, domain: bool) -> bool:
    """Competition, criticism or dispute: "beat The Sopranos to the award", "attacked the
    legislation", "hit with a bill", "the battle of the musicals", "clashed over tax"."""
    head = parse[match.head]
    lemma = head.lemma_.lower()
    own = set(range(match.start, match.end))
    if lemma not in CONTEST_LEMMAS:
        return False
    if match.end - match.start > 1 and match.child is None and not domain:
        return False  # a physical phrase of the lexicon: "beat up", "fist fight"
    if lemma in {"attack", "hit", "target", "raid", "strike"} and _cue(parse, lexicon, "tech", own):
        # "denial of service attacks", "attacks bombard websites with data"
        return not _any_cue(parse, lexicon, ("lethal", "hurt_cue"), own)
    if head.i > 0 and parse[head.i - 1].text == "-" and head.dep_ in {"amod", "compound"}:
        return True  # "injury-hit Newcastle", "the worst-hit areas", "scandal-hit supplier"
    near = [*head.children, parse[head.i - 1]] if head.i > 0 else list(head.children)
    if lemma == "hit" and any(c.lower_ in {"worst", "hardest", "badly"} for c in near):
        return True  # "the worst hit areas": affected, by a flood as much as by a shell
    if lemma == "target" and head.pos_ == "NOUN":
        # a nominal target with no attack around it is a goal to reach
        return not _any_cue(parse, lexicon, ("violent_cause", "blast_cue"), own)
    if _modified(head, lexicon, "abstract_modifier"):
        return True  # "a legal battle", "a ratings war"
    with_objects = [
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if lemma == "hit" and any(_abstract(o, parse, lexicon) for o in with_objects):
        return True  # "the bank was hit with a tax bill"
    roles = find_roles(parse, match.head, lexicon)
    crowd = bool(phrase_classes(parse, roles.agent, lexicon) & PEOPLE)
    over = any(c.dep_ == "prep" and c.lower_ == "over" for c in head.children)
    rival = any(phrase_classes(parse, o.i, lexicon) & PEOPLE for o in with_objects)
    hurt = _any_cue(parse, lexicon, ("lethal", "hurt_cue"), own)
    if lemma == "clash" and over and not (crowd or rival or hurt):
        return True  # "the two ministers clashed over spending plans"
    if _armed_nouns(parse, lexicon, own) or _hurt(parse, lexicon, own):
        return False
    objects = _objects(match, parse, lexicon)
    people = [o for o in objects if phrase_classes(parse, o.i, lexicon) & PEOPLE]
    if not people and any(_abstract(o, parse, lexicon) for o in objects):
        return True  # "attacked Tory plans", "fighting opposition to new stores"
    preps = frozenset({"with", "against", "on", "over", "of"})
    if lemma in {"attack", "hit", "target"}:
        preps = frozenset({"with", "on"})
    patient = _patient(match, parse, lexicon, preps)
    if _abstract(patient, parse, lexicon):
        return True
    competition = _cue(parse, lexicon, "competition", own)
    if lemma in {"beat", "defeat"}:
        return competition or domain
    human = patient is not None and bool(phrase_classes(parse, patient.i, lexicon) & PEOPLE)
    if lemma == "clash" and _any_cue(parse, lexicon, ("nonstate", "communal"), own):
        return False  # "X Force clashed with Islamic State", "two clans clashed" (issue 16)
    if lemma == "clash" and not human and not crowd:
        named = patient is not None and (
            patient.ent_type_ in {"PERSON", "ORG"} or patient.pos_ == "PROPN"
        )
        if over or named or domain:
            return True  # "Labour and the Tories clashed over tax", "clashed with Keane"
    if human:
        return False  # "supporters attacked rival supporters during the campaign"
    return competition or (domain and head.pos_ == "NOUN")


def _explosion_without_weapon(
    match: TriggerMatch, parse: Any, lexicon: Lexicon, domain: bool
) -> bool:
    """ "R&B music exploded", "an explosion in podcasting", "explosive runners", "has been a
    blast", "the film bombed": an explosion needs a weapon, casualty or damage cue."""
    head = parse[match.head]
    lemma = head.lemma_.lower()
    own = set(range(match.start, match.end))
    if lemma == "bomb" and head.pos_ == "VERB":
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in head.children if c.dep_ in {"dobj", "obj"}), None)
        return obj is None and _abstract(subj, parse, lexicon)  # "the film bombed"
    if lemma not in EXPLODE_LEMMAS and head.lower_ not in EXPLODE_LEMMAS:
        return False
    if match.end - match.start > 1:
        return False  # "explosive device", "blow up"
    cues = ("weapon_generic", "lethal", "hurt_cue", *WEAPON_CLASSES - {"armed"})
    if _any_cue(parse, lexicon, cues, own) or _armed_nouns(parse, lexicon, own):
        return False
    if _figurative_explosion(head, lexicon):
        return True
    if _cue(parse, lexicon, "blast_cue", own):
        return False
    return domain or _cue(parse, lexicon, "tech", own)


def _figurative_explosion(head: Any, lexicon: Lexicon) -> bool:
    """The grammar of a figurative explosion: an abstract subject ("sales exploded"), an
    "explosion in/of" something that is not a place ("an explosion in podcasting"), a
    modifier of kind ("the gadget explosion"), an adjective on a non-weapon ("explosive
    runners"), a predicate ("it has been a blast")."""
    if head.pos_ == "ADJ" or head.dep_ == "amod":
        return not token_keys(head.head) & lexicon.words_of("weapon_head")
    if head.pos_ == "VERB":
        subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return subj is not None and bool(token_keys(subj) & lexicon.words_of("abstract_patient"))
    if head.dep_ == "attr":
        return True
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in {"of", "in"}:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is None or token_keys(obj) & lexicon.words_of("territory"):
                continue
            if not (obj.ent_type_ or obj.pos_ == "PROPN"):
                return True
    return _modified(head, lexicon, "abstract_modifier")


def _aircraft_idle(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """ "Jet has 42 aircraft", "787 Dreamliner aircraft", "US Air Force": an aircraft noun is
    a strike only with a strike, bombing or firing word (or another weapon) in the sentence."""
    if not match.entry.ambiguous:
        return False
    own = set(range(match.start, match.end))
    head = parse[match.head]
    if (
        head.dep_ == "compound"
        and not token_keys(head.head) & lexicon.words_of("air_strike_cue")
        and not _any_cue(parse, lexicon, ("air_strike_cue", "lethal", "hurt_cue"), own)
    ):
        return True  # "jet fuel", "helicopter maker", "aircraft orders"
    cues = ("air_strike_cue", "exchange", "lethal", *WEAPON_CLASSES - {"weapon_air", "armed"})
    return not _any_cue(parse, lexicon, cues, own)


def _harm_without_cause(match: TriggerMatch, parse: Any, lexicon: Lexicon, domain: bool) -> bool:
    """ "a hamstring injury", "the cause of death appeared to be natural", "found dead in his
    hotel room": harm is violence only with a violent cause."""
    head = parse[match.head]
    if not (token_keys(head) & HARM_LEMMAS) and match.entry.frame != "body":
        return False
    own = set(range(match.start, match.end))
    weapons = _any_cue(parse, lexicon, WEAPON_CLASSES - {"armed"}, own)
    if weapons:
        return False
    if any(t.lower_ == "natural" for t in parse):
        return True  # "died of natural causes", "the cause of death appeared to be natural"
    if _cue(parse, lexicon, "violent_cause", own):
        return False
    if _cue(parse, lexicon, "accident", own) or _modified(head, lexicon, "body_part"):
        return True  # "died in a car crash", "a hamstring injury"
    return domain


def _corporate_takeover(match: TriggerMatch, parse: Any, lexicon: Lexicon, domain: bool) -> bool:
    """ "the possible takeover of the LSE", "seized a 20% stake", "took the constituency",
    "three points clear of": companies, seats and tables, not territory."""
    head = parse[match.head]
    own = set(range(match.start, match.end))
    if _any_cue(parse, lexicon, ("armed", "nonstate", "military_site"), own):
        return False
    if domain or _cue(parse, lexicon, "competition", own):
        return True
    patient = _patient(match, parse, lexicon, frozenset({"of"}))
    if patient is not None and (
        patient.ent_type_ == "ORG" or token_keys(patient) & lexicon.words_of("corporate")
    ):
        return True
    return head.pos_ == "NOUN" and _cue(parse, lexicon, "corporate", own)


def told_violence(match: TriggerMatch, parse: Any, lexicon: Lexicon) -> bool:
    """In a sport, business, entertainment or politics story: violence in a film, game or
    novel, or in a court case ("the thriller follows a terrorist with a bomb", "his murder
    trial was told", "charged with assault"), is told, not reported as a new event."""
    own = set(range(match.start, match.end))
    if _any_cue(parse, lexicon, ("fiction", "legal"), own):
        return True
    head = parse[match.head]
    if head.pos_ == "VERB":
        # "the rapper was shot dead in 1996": a year on the verb dates an earlier incident
        return any(_year(g) for c in head.children if c.dep_ == "prep" for g in c.children)
    return head.pos_ == "NOUN" and any(
        _year(t) for t in parse
    )  # "the Brixton riots of 1981", "the 2003 murder of his sister": an earlier incident


def _year(tok: Any) -> bool:
    return bool(tok.like_num and len(tok.text) == 4 and tok.text[:2] in {"19", "20"})


def nonviolent_sense(
    match: TriggerMatch,
    parse: Any,
    frame: str,
    strong: bool,
    domain: bool,
    lexicon: Lexicon,
    story: bool = False,
) -> bool:
    """True when a violent trigger is used in a non-violent sense and must not be coded.

    ``strong``: the sentence names weapons or armed actors (the coder's own cue check);
    ``domain``: a sport, business, entertainment or technology story or sentence;
    ``story``: the whole text is such a story (story_domain), not a conflict report.
    """
    if story and told_violence(match, parse, lexicon):
        return True
    if frame not in SENSE_FRAMES:
        return False
    head = parse[match.head]
    if frame in {"capture", "retake"}:
        return _corporate_takeover(match, parse, lexicon, domain)
    if frame == "explode":
        return _explosion_without_weapon(match, parse, lexicon, domain)
    if frame == "air":
        return _aircraft_idle(match, parse, lexicon)
    if frame in {"harm", "body"}:
        return _harm_without_cause(match, parse, lexicon, domain)
    own = set(range(match.start, match.end))
    if frame == "abduct":
        # "his disappearance remains a mystery": no one took him
        return head.lemma_.lower() == "disappearance" and not (
            strong
            or _any_cue(parse, lexicon, ("captivity", "nonstate", "armed"), own)
            or any(t.lower_ in {"forced", "enforced"} for t in parse)
        )
    nominal = head.pos_ in {"NOUN", "PROPN"}
    if frame == "beat" and nominal and head.lemma_.lower() in {"whip", "lash", "beat"}:
        return True  # "the party whips", "a drum beat": a person or a rhythm, not a beating
    if frame == "mob" and idle_mob_group(match, parse):
        return True  # "a vigilante was killed", "clashed with a vigilante group"
    if frame == "mob" and head.lemma_.lower() == "mob" and head.pos_ == "VERB":
        # "the shop was absolutely mobbed": crowded, unless someone was hurt
        return not any(c.dep_ == "agent" for c in head.children) and not _hurt(parse, lexicon, own)
    if frame == "kill":
        # "the character was killed off": written out of a series
        return any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children)
    if frame == "shoot":
        # "blasted in a shot that James parried": a shot at goal in a sports story
        return domain and head.pos_ == "NOUN" and not _hurt(parse, lexicon, own)
    if frame == "beat" and person_beaten(match, parse, lexicon, strong):
        return False  # "militia beat villagers … and set fire to huts" (beatings.py)
    return _contest(match, parse, lexicon, domain)


def _exercise_verb(head: Any) -> Any:
    """The verb that a nominal exercise is the object or subject of ("launch war games",
    "participating in the war game", "the war game was staged by ...")."""
    tok = head
    for _ in range(3):
        if tok.pos_ in {"VERB", "AUX"} or tok.head.i == tok.i:
            return tok
        if tok.dep_ not in {"dobj", "obj", "pobj", "prep", "nsubjpass", "nsubj", "compound"}:
            return tok
        tok = tok.head
    return tok


def joint_exercise(match: TriggerMatch, parse: Any) -> bool:
    """A military exercise held by two or more parties ("the US and its allies launched war
    games", "a war game staged by US marines and Jordanian forces", "held drills with
    Russia"): military cooperation (CAMEO 06), not a show of force by one side."""
    head = parse[match.head]
    if not any(token_keys(t) & EXERCISE_WORDS for t in parse[match.start : match.end]):
        return False
    verb = _exercise_verb(head)
    parties = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i != head.i]
    parties += [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    if any(c.dep_ == "conj" for p in parties for c in p.children):
        return True  # "Germany, Italy and the US", "US marines and Jordanian forces"
    if any(token_keys(p) & ALLY_WORDS for p in parties):
        return True  # "the US and Western allies", "NATO"
    partners = [
        g
        for t in (verb, head)
        for c in t.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(p.ent_type_ in {"GPE", "NORP", "ORG"} for p in partners)  # "drills with Russia"
