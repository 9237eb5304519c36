"""Reporting cues in one parsed sentence: which verb reports an event, and who speaks.

The event's trigger token is walked up the dependency tree; the first reporting verb above it
("said", "told", "claimed", "denied", …) whose subject does not contain the trigger is the cue,
and that verb's subject is the speaker::

    Gunmen killed three soldiers, the army said.          -> army, said
    Police spokesman Ali Hassan told reporters that …     -> Ali Hassan, told
    According to local officials, the airstrike killed …  -> local officials, according to
    The militia denied that its fighters abducted …       -> militia, denied (category deny)
    Al-Shabaab claimed responsibility for the bombing.    -> Al-Shabaab, claimed (responsibility)

Sentences without a parse fall back to regular expressions over the sentence text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from eventwire.datafiles import word_tuple
from eventwire.pipeline.attribution.claims import perpetration_claim, subject_span
from eventwire.pipeline.attribution.quotes import verb_patterns
from eventwire.pipeline.common.cues import Cues

_SUBJECTS = ("nsubj", "nsubjpass")
_RIGHT_KEEP = ("prep", "pobj", "compound", "flat", "nummod", "amod", "nmod", "cc", "conj")
_ARTICLES: tuple[str, ...] = word_tuple("attribution", "articles")
_NOBODY: tuple[str, ...] = word_tuple("attribution", "nobody")
# How the reported clause hangs off its reporting verb ("said [ccomp militants attacked]",
# "[ccomp gunmen killed …], the army said", "claimed [dobj responsibility] for …").
_REPORTED = ("ccomp", "xcomp", "dobj", "parataxis", "advcl", "prep", "oprd", "dep", "attr")
_MODIFIERS = ("acl", "amod", "advmod", "compound")
_RESPONSIBILITY: tuple[str, ...] = word_tuple("attribution", "responsibility")
_ACCORDING = re.compile(r"\baccording to\s+(?P<speaker>[^,.;:\"“”]{2,80}?)\s*(?=[,.;:]|$)", re.I)


@dataclass(slots=True)
class Cue:
    """A reporting cue: speaker (with span), the verb as written, its lemma and category."""

    speaker: str | None
    speaker_start: int
    speaker_end: int
    verb: str
    lemma: str
    category: str  # say | claim | allege | deny
    start: int  # evidence span (speaker and verb), document offsets
    end: int
    pronoun: bool = False
    responsibility: bool = False
    # the speaker says it did the act ("said it carried out the assault"): the whole
    # subject's offsets, where the claimant is named (see attribution/claims.py)
    claimant_span: tuple[int, int] | None = None


def token_at(parse: Any, offset: int) -> Any | None:
    """The token of a sentence parse covering a sentence-relative character offset."""
    for token in parse:
        if token.idx <= offset < token.idx + max(len(token.text), 1):
            return token
    return None


def _phrase(subj: Any, base: int) -> tuple[str, int, int]:
    """The speaker's words: the subject head with its modifiers, without appositions."""
    for ent in subj.doc.ents:
        named = ent.label_ == "PERSON" or (
            ent.label_ in ("ORG", "NORP", "GPE") and ent.end - ent.start > 1
        )
        if named and ent.start <= subj.i < ent.end:
            return ent.text, base + ent.start_char, base + ent.end_char
    first = subj.left_edge.i
    last = subj.i
    for child in subj.rights:
        if child.dep_ not in (*_RIGHT_KEEP, "appos") or any(
            t.is_punct for t in subj.doc[last + 1 : child.i]
        ):
            break  # "Amina Yusuf, a resident": the apposition after a comma is not the name
        last = child.right_edge.i
    tokens = list(subj.doc[first : last + 1])
    while tokens and tokens[0].lower_ in _ARTICLES and tokens[0].dep_ == "det":
        tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens:
        return subj.text, base + subj.idx, base + subj.idx + len(subj.text)
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    return subj.doc.text[start:end], base + start, base + end


def _subject(verb: Any) -> Any | None:
    """Who reports: the active subject, or the agent of a passive ("was claimed by X").

    A passive without an agent ("She is believed to …", "It was reported that …") has no
    speaker: the outlet reports it.
    """
    node = verb
    for _ in range(3):
        for child in node.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        subjects = [c for c in node.children if c.dep_ in _SUBJECTS]
        if subjects:
            subject = subjects[-1]  # "The militant group al-Shabaab said": the closest is the name
            return None if subject.dep_ == "nsubjpass" else subject
        if node.dep_ in ("conj", "xcomp", "advcl") and node.head is not node:
            node = node.head
        else:
            break
    return None


def _negated(verb: Any) -> bool:
    """A reporting verb that reports nothing: "did not say", "no group claimed", "nobody denied"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subj = _subject(verb)
    if subj is None:
        return False
    if subj.lower_ in _NOBODY:
        return True
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subj.children)


def _cue_of(verb: Any, category: str, cues: Cues, base: int) -> Cue:
    subj = _subject(verb)
    if subj is not None and subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        subj = verb.head  # "the minister, who said …": the speaker is the minister
    verb_start = base + verb.idx
    verb_end = verb_start + len(verb.text)
    responsibility = category == "claim" and any(
        c.dep_ == "dobj" and c.lower_ in _RESPONSIBILITY for c in verb.children
    )
    if subj is None:
        return Cue(
            None,
            -1,
            -1,
            verb.text,
            verb.lemma_.lower(),
            category,
            verb_start,
            verb_end,
            responsibility=responsibility,
        )
    pronoun = subj.pos_ == "PRON" and subj.lower_ in cues.speaker_pronouns
    text, s_start, s_end = _phrase(subj, base)
    return Cue(
        text,
        s_start,
        s_end,
        verb.text,
        verb.lemma_.lower(),
        category,
        min(s_start, verb_start),
        max(s_end, verb_end),
        pronoun,
        responsibility,
    )


def governing_cue(parse: Any, token: Any, cues: Cues, base: int) -> Cue | None:
    """The closest reporting verb above a token (not via its subject), or "according to X"."""
    child = token
    for ancestor in token.ancestors:
        category = cues.verb_category(ancestor.lemma_) if ancestor.pos_ in ("VERB", "AUX") else None
        if category and child.dep_ in _REPORTED and ancestor.dep_ not in _MODIFIERS:
            if _negated(ancestor):
                return None  # "No group has claimed the kidnapping": nobody is the source
            cue = _cue_of(ancestor, category, cues, base)
            if perpetration_claim(token, ancestor):
                cue.claimant_span = subject_span(ancestor, base)
            return cue
        child = ancestor
    claim = token.pos_ in ("VERB", "AUX") and cues.verb_category(token.lemma_) == "claim"
    if claim and not _negated(token):
        return _cue_of(token, "claim", cues, base)  # the claim itself is the event
    for tok in parse:
        if tok.lower_ == "according" and tok.i + 1 < len(parse) and parse[tok.i + 1].lower_ == "to":
            pobj = next((c for c in parse[tok.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            text, s_start, s_end = _phrase(pobj, base)
            return Cue(
                text, s_start, s_end, "according to", "according", "say", base + tok.idx, s_end
            )
    return None


def reporting_subjects(parse: Any, cues: Cues, base: int) -> list[tuple[int, str, bool]]:
    """(offset, speaker, is_person) of every named (non-pronoun) reporting subject and person."""
    found: list[tuple[int, str, bool]] = []
    for tok in parse:
        if tok.pos_ in ("VERB", "AUX") and cues.verb_category(tok.lemma_):
            cue = _cue_of(tok, cues.verb_category(tok.lemma_) or "say", cues, base)
            if cue.speaker and not cue.pronoun:
                # is_person stays False: the small model often tags group names as PERSON
                found.append((cue.speaker_start, cue.speaker, False))
    for ent in parse.ents:
        if ent.label_ == "PERSON":
            found.append((base + ent.start_char, ent.text, True))
    return found


def _lead_cue(text: str, forms: dict[str, str]) -> re.Match[str] | None:
    """ "The army denied that …": the first reporting verb within the sentence's first words."""
    head = re.match(r"[^,;:\"“”]{0,80}", text)
    for word in re.finditer(r"[A-Za-z]+", head.group(0) if head else ""):
        if word.start() > 0 and word.group(0).lower() in forms:
            return re.match(
                rf"(?P<speaker>.{{{word.start()}}})(?P<verb>{word.group(0)})", text, re.DOTALL
            )
    return None


def sentence_cue(text: str, base: int, cues: Cues) -> Cue | None:
    """Regular-expression fallback for sentences without a parse."""
    m = _ACCORDING.search(text)
    if m:
        return Cue(
            m.group("speaker"),
            base + m.start("speaker"),
            base + m.end("speaker"),
            "according to",
            "according",
            "say",
            base + m.start(),
            base + m.end(),
        )
    pats = verb_patterns(tuple(sorted(cues.verbs)))
    tail = re.search(r",\s*[^,]{0,90}$", text)
    found: re.Match[str] | None = None
    offset = base
    if tail:
        chunk = tail.group(0).rstrip(" .")
        found = pats.after_verb_first.match(chunk) or pats.after_speaker_first.match(chunk)
        offset = base + tail.start()
    if found is None:
        found, offset = _lead_cue(text, pats.forms), base
    if found is None:
        return None
    verb = found.group("verb")
    lemma = pats.forms.get(verb.lower(), verb.lower())
    s_start, s_end = found.start("speaker"), found.end("speaker")
    raw = found.string
    while s_start < s_end and raw[s_start] in " ,":
        s_start += 1
    while s_end > s_start and raw[s_end - 1] == " ":
        s_end -= 1
    article = re.match(r"(?:the|a|an)\s+", raw[s_start:s_end], re.I)
    if article and s_start + article.end() < s_end:
        s_start += article.end()
    speaker = " ".join(raw[s_start:s_end].split())
    if not speaker:
        return None
    return Cue(
        speaker,
        offset + s_start,
        offset + s_end,
        verb,
        lemma,
        cues.verb_category(lemma) or "say",
        offset + min(s_start, found.start("verb")),
        offset + max(s_end, found.end("verb")),
        pronoun=speaker.lower() in cues.speaker_pronouns,
    )
