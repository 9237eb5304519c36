"""The word cues of the incident layer, read from ``data/incidents/words.yaml``.

Each cue answers one question about a mention in its sentence: is its trigger a definite
anaphoric noun ("the attack", "Friday's blast"), does its sentence open another incident
("Separately, …"), is it a claim or a denial of responsibility, a follow-up ("arrested in
connection with the bombing"), or a total over a long period ("since 2014 the conflict has
killed …")? Matching is on word boundaries, case-insensitive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from eventwire.datafiles import words
from eventwire.pipeline.common.regexgate import any_search, gated_search


def _alternation(phrases: Iterable[str]) -> str:
    """A regular-expression alternation of phrases, longest first, spaces matching any space."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_alternation(phrases)})(?![\w-])", re.I)


@dataclass(frozen=True)
class IncidentCues:
    """Compiled cue patterns of the incident layer (one instance per process)."""

    anaphoric_nouns: frozenset[str]
    determiners: re.Pattern[str]  # a definite determiner ending just before a noun
    generic_triggers: frozenset[str]
    consequence_frames: frozenset[str]
    response_triggers: frozenset[str]
    attached_sub_types: frozenset[str]
    protest_attached_sub_types: frozenset[str]
    own_sub_types: frozenset[str]
    strong_codings: frozenset[str]
    separator: re.Pattern[str]  # anchored at the start of a sentence
    followup: re.Pattern[str]
    denial: re.Pattern[str]
    own_account: re.Pattern[str]
    claim: re.Pattern[str]
    aggregate: tuple[re.Pattern[str], ...]
    past_era: tuple[re.Pattern[str], ...]
    treatment: re.Pattern[str]
    treatment_after: re.Pattern[str]  # "taken to Baquba hospital": the word after the place
    response_sub_types: frozenset[str]
    deadly_demonstration_sub_types: frozenset[str]
    durative: tuple[re.Pattern[str], ...]
    reporting: re.Pattern[str]  # a reporting verb ending just before a date
    retrospective: re.Pattern[str]
    period_head: re.Pattern[str]  # "since the start of (the)" ending just before a trigger
    later_death: tuple[re.Pattern[str], ...]  # "died in hospital", "the toll rose to 11"
    victim_subject: re.Pattern[str]  # "died", "were killed" right after a subject
    series_head: re.Pattern[str]  # "a campaign of" ending just before a trigger
    claim_told: tuple[re.Pattern[str], ...]  # "said its fighters had carried out"
    recall: re.Pattern[str]  # "earlier this month", "weeks ago"
    description: tuple[re.Pattern[str], ...]  # "the strikes were a" before a trigger
    retelling: tuple[re.Pattern[str], ...]  # "the same group that" before a trigger

    def is_definite_anaphor(self, sentence_text: str, start: int, end: int) -> bool:
        """Whether the trigger at sentence offsets ``[start, end)`` is "the attack" and the like.

        >>> cues = load_incident_cues()
        >>> text = "Police said the attack was planned."
        >>> cues.is_definite_anaphor(text, 16, 22)
        True
        >>> cues.is_definite_anaphor("Gunmen attack a bus.", 7, 13)
        False
        """
        noun = sentence_text[start:end].lower()
        if noun not in self.anaphoric_nouns:
            return False
        before = sentence_text[max(0, start - 40) : start]
        # "the attack", "Friday's blast", "the deadly attack", "the twin bombings"
        return bool(self.determiners.search(before))

    def opens_incident(self, sentence_text: str) -> bool:
        """Whether a sentence starts with a cue of another incident ("Separately, …").

        >>> load_incident_cues().opens_incident("In a separate incident, two men were shot.")
        True
        """
        return bool(self.separator.match(sentence_text))

    def is_followup(self, sentence_text: str) -> bool:
        """Whether a sentence reports something done about an incident (arrest, condemnation)."""
        return bool(gated_search(self.followup, sentence_text))

    def is_denial(self, sentence_text: str) -> bool:
        """Whether a sentence denies responsibility ("The group denied any role in the attack")."""
        return bool(gated_search(self.denial, sentence_text))

    def is_own_account(self, sentence_text: str) -> bool:
        """Whether a sentence gives a party's version of how an incident began ("we were
        attacked first and only defended ourselves").

        >>> load_incident_cues().is_own_account("Our men only defended themselves, he said.")
        True
        """
        return bool(gated_search(self.own_account, sentence_text))

    def is_claim(self, sentence_text: str) -> bool:
        """Whether a sentence claims responsibility ("X claimed responsibility for the blast",
        "the group said its fighters had carried out the attack").

        >>> load_incident_cues().is_claim("The ELN said that its fighters had carried out")
        True
        >>> load_incident_cues().is_claim("The army said its troops returned fire")
        False
        """
        return bool(gated_search(self.claim, sentence_text)) or any_search(
            self.claim_told, sentence_text
        )

    def tells_later_death(self, sentence_text: str) -> bool:
        """Whether a sentence tells a death or a toll after the incident, whose day and place
        are the update's ("a wounded soldier died in hospital in Saravena on Friday").

        >>> load_incident_cues().tells_later_death("A wounded driver died in hospital on Friday.")
        True
        >>> load_incident_cues().tells_later_death("The toll rose to 11 on Monday.")
        True
        >>> load_incident_cues().tells_later_death("Five soldiers died when a bomb exploded.")
        False
        """
        return any_search(self.later_death, sentence_text)

    def describes(self, sentence_text: str, start: int) -> bool:
        """Whether the trigger at ``start`` describes an act already told ("said the strikes
        were a massacre").

        >>> text = 'The group said the strikes were a "massacre".'
        >>> load_incident_cues().describes(text, text.index("massacre"))
        True
        >>> load_incident_cues().describes("Gunmen staged a massacre.", 17)
        False
        """
        return any(p.search(sentence_text[max(0, start - 40) : start]) for p in self.description)

    def retells(self, sentence_text: str, start: int) -> bool:
        """Whether the trigger at ``start`` retells an act to name its author ("the same
        group that attacked Mbau").

        >>> text = "It was not clear if they were from the group that attacked Mbau."
        >>> load_incident_cues().retells(text, text.index("attacked"))
        True
        """
        return any(p.search(sentence_text[max(0, start - 40) : start]) for p in self.retelling)

    def victim_subject_at(self, sentence_text: str, end: int) -> bool:
        """Whether the noun phrase ending at ``end`` is the subject of a death or a wound
        ("Five soldiers died after an IED ripped through their convoy"): the victims.

        >>> text = "Five soldiers died after an IED ripped through their convoy."
        >>> load_incident_cues().victim_subject_at(text, text.index(" died"))
        True
        """
        return bool(self.victim_subject.match(sentence_text[end : end + 40]))

    def in_series(self, sentence_text: str, start: int) -> bool:
        """Whether the trigger at ``start`` is the head of a series over time ("kept up a
        campaign of bombings"), not one incident.

        >>> text = "The group has kept up a campaign of bombings in the capital."
        >>> load_incident_cues().in_series(text, text.index("bombings"))
        True
        """
        return bool(self.series_head.search(sentence_text[max(0, start - 40) : start]))

    def is_aggregate(self, sentence_text: str) -> bool:
        """Whether a sentence speaks of a total over a long period ("killed 900 since 2014").

        >>> load_incident_cues().is_aggregate("Since 2014 the conflict has killed 10,000 people.")
        True
        >>> load_incident_cues().is_aggregate("Gunmen killed four people on Monday.")
        False
        """
        return any_search(self.aggregate, sentence_text)

    def in_past_era(self, sentence_text: str) -> bool:
        """Whether a sentence tells of a named era of the past ("during the 1994 genocide").

        >>> load_incident_cues().in_past_era("Thousands were killed during the 1994 genocide.")
        True
        >>> load_incident_cues().in_past_era("Gunmen killed four people during the night.")
        False
        """
        return any_search(self.past_era, sentence_text)

    def at_treatment_place(self, sentence_text: str, place_start: int) -> bool:
        """Whether the place at ``place_start`` is where victims were treated or died ("died
        at a hospital in Mogadishu"), named just before it.

        >>> text = "Two of the wounded died at a hospital in Mogadishu."
        >>> load_incident_cues().at_treatment_place(text, text.index("Mogadishu"))
        True
        >>> text = "Gunmen attacked a hospital guard post in Baidoa."
        >>> load_incident_cues().at_treatment_place(text, text.index("Baidoa"))
        False
        """
        before = sentence_text[max(0, place_start - 30) : place_start]
        return bool(self.treatment.search(before))

    def before_treatment_word(self, sentence_text: str, place_end: int) -> bool:
        """Whether the place ending at ``place_end`` names a place of treatment ("were taken
        to Baquba hospital", "died in Mosul General Hospital").

        >>> text = "Two soldiers were wounded and taken to Baquba hospital."
        >>> load_incident_cues().before_treatment_word(text, text.index(" hospital"))
        True
        """
        return bool(self.treatment_after.match(sentence_text[place_end : place_end + 40]))

    def is_durative(self, sentence_text: str) -> bool:
        """Whether a sentence tells a state over a period ("has been under a blockade by the
        militants for more than two years").

        >>> load_incident_cues().is_durative("The town has been besieged since May.")
        True
        >>> load_incident_cues().is_durative("Rebels besieged the town on Monday.")
        False
        """
        return any_search(self.durative, sentence_text)

    def is_retrospective(self, sentence_text: str) -> bool:
        """Whether a sentence looks back on an incident ("One year after a suicide bomber
        killed scores…", "on the anniversary of the massacre").

        >>> load_incident_cues().is_retrospective("A year after the bombing, families wait.")
        True
        """
        return bool(gated_search(self.retrospective, sentence_text))

    def names_period(self, sentence_text: str, start: int) -> bool:
        """Whether the trigger at ``start`` names the period of a total ("killed since the
        start of the protests"), not an event.

        >>> text = "52 people were killed since the start of the protests."
        >>> load_incident_cues().names_period(text, text.index("protests"))
        True
        """
        return bool(self.period_head.search(sentence_text[max(0, start - 50) : start]))

    def is_reporting_date(self, sentence_text: str, date_start: int) -> bool:
        """Whether the date starting at ``date_start`` dates the reporting verb right before it
        ("police said on Monday"), not the incident.

        >>> text = "Gunmen seized 40 villagers, police said on Monday."
        >>> load_incident_cues().is_reporting_date(text, text.index("on Monday"))
        True
        >>> text = "Gunmen seized 40 villagers on Monday, police said."
        >>> load_incident_cues().is_reporting_date(text, text.index("on Monday"))
        False
        """
        return bool(self.reporting.search(sentence_text[max(0, date_start - 40) : date_start]))


def load_incident_cues() -> IncidentCues:
    """Read and compile the incident word lists (checked by the data-file loader)."""
    determiners = words("incidents", "definite_determiners")
    # a determiner (or a possessive "'s") followed by at most two modifiers before the noun
    det = _alternation(determiners)
    determiner = re.compile(
        rf"(?:(?<![\w-])(?:{det})|\w's|\w’s)(?:\s+[\w-]+){{0,2}}\s+$",
        re.I,
    )
    separators = words("incidents", "separator_cues")
    treatment = _alternation(words("incidents", "treatment_places"))
    reporting = _alternation(words("incidents", "reporting_verbs"))
    periods = words("incidents", "period_heads")
    victim_verbs = _alternation(words("incidents", "victim_subject_verbs"))
    series = _alternation(words("incidents", "series_heads"))
    return IncidentCues(
        anaphoric_nouns=frozenset(w.lower() for w in words("incidents", "anaphoric_nouns")),
        determiners=determiner,
        generic_triggers=frozenset(w.lower() for w in words("incidents", "generic_triggers")),
        consequence_frames=words("incidents", "consequence_frames"),
        response_triggers=frozenset(w.lower() for w in words("incidents", "response_triggers")),
        attached_sub_types=words("incidents", "attached_sub_types"),
        protest_attached_sub_types=words("incidents", "protest_attached_sub_types"),
        own_sub_types=words("incidents", "own_sub_types"),
        strong_codings=words("incidents", "strong_actor_codings"),
        separator=re.compile(rf"^\W*(?:{_alternation(separators)})(?![\w-])", re.I),
        followup=phrase_pattern(words("incidents", "followup_cues")),
        denial=phrase_pattern(words("incidents", "denial_verbs")),
        own_account=phrase_pattern(words("incidents", "own_account_cues")),
        claim=phrase_pattern(words("incidents", "claim_words")),
        aggregate=(
            phrase_pattern(words("incidents", "aggregate_cues")),
            *(re.compile(p, re.I) for p in sorted(words("incidents", "aggregate_patterns"))),
        ),
        past_era=tuple(
            re.compile(p, re.I) for p in sorted(words("incidents", "past_era_patterns"))
        ),
        # "at/in a hospital in X", "to a clinic in X": the treatment word right before the place
        treatment=re.compile(rf"\b(?:{treatment})\s+(?:in|at|of)\s+$", re.I),
        treatment_after=re.compile(rf"\s+(?:[A-Z][\w-]*\s+)?(?:{treatment})(?![\w-])", re.I),
        response_sub_types=words("incidents", "response_sub_types"),
        retrospective=phrase_pattern(words("incidents", "retrospective_cues")),
        period_head=re.compile(
            rf"(?<![\w-])(?:{_alternation(periods)})\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.I
        ),
        deadly_demonstration_sub_types=words("incidents", "deadly_demonstration_sub_types"),
        durative=tuple(
            re.compile(p, re.I) for p in sorted(words("incidents", "durative_patterns"))
        ),
        later_death=tuple(
            re.compile(p, re.I) for p in sorted(words("incidents", "later_death_patterns"))
        ),
        victim_subject=re.compile(rf"\s*(?:,[^,]{{0,60}},\s*)?(?:{victim_verbs})(?![\w-])", re.I),
        series_head=re.compile(
            rf"(?<![\w-])(?:{series})"
            r"\s+(?:[\w-]+\s+){0,2}$",
            re.I,
        ),
        recall=phrase_pattern(words("incidents", "recall_cues")),
        retelling=tuple(
            re.compile(p, re.I) for p in sorted(words("incidents", "retelling_patterns"))
        ),
        description=tuple(
            re.compile(p, re.I) for p in sorted(words("incidents", "description_patterns"))
        ),
        claim_told=tuple(re.compile(p, re.I) for p in sorted(words("incidents", "claim_patterns"))),
        # "said on Monday", "told reporters late on Sunday", "said Monday"
        reporting=re.compile(
            rf"(?<![\w-])(?:{reporting})"
            r"(?:\s+(?:late|early))?(?:\s+on)?\s*$",
            re.I,
        ),
    )
