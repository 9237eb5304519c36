"""Relevance pre-filter: which sentences can carry an event and so need the parser.

The dependency parse is the most expensive step of the pipeline, and most sentences
of general news carry no event. The pre-filter is an Aho-Corasick automaton over the
lower-case surface forms (every inflection) of every trigger word and phrase of the
event lexicon; a sentence is a candidate when one of those forms occurs in it at word
boundaries. A dependency pattern whose child is a word ("take" -> "control", "set" ->
"fire") makes a sentence a candidate only when a form of its head *and* a form of one of its
children occur in it (the parse of a sentence links only its own tokens, so the pattern
cannot match otherwise); "Shares took a hit" is not parsed for "take control". A trigger form
that overlaps a phrase inside which the coder never keeps a trigger (the lexicon's blocks and
idioms: "heart attack", "hit the headlines") does not count either. The forms come from
:func:`eventwire.pipeline.common.triggerlexicon.trigger_surface_forms` (the lexicon the event
coder matches, kept below both stages); regular inflections of the lexicon file's own entries
are added here as a safety net so that a form missing from that list does not silently cost
recall.

>>> is_candidate = build_prefilter(["kill", "car bomb"])
>>> is_candidate("Gunmen killed two police officers.")
True
>>> is_candidate("A car bombing hit the market.")
True
>>> is_candidate("Shares rose on Monday.")
False
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from eventwire.config import VERSION, Settings, data_home
from eventwire.datafiles import data_path, data_versions_json, read_data_file, word_tuple
from eventwire.errors import DataFileError
from eventwire.pipeline.common import triggerlexicon
from eventwire.pipeline.common.diskcache import cached_at
from eventwire.pipeline.common.triggerlexicon import (
    cancelling_surface_forms,
    class_surface_forms,
    inflections,
    trigger_surface_forms,
    trigger_surface_patterns,
    window_cue_surface_forms,
)

CACHE_FORMAT = "6"  # bump when TriggerPrefilter's pickled state changes
CANDIDATE, CONTEXT = 2, 1  # TriggerPrefilter.level: parse it; parse it beside a candidate
# a pattern whose child is a place entity (take -> GPE: "took Kabul") is the verb's direct
# object, a name that starts with a capital within this many words after the verb
PLACE_WINDOW = 4
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MONEY_SIGNS = frozenset("$£€¥₹")
# the event coder drops an agreement word of these frames used as a verb ("according to the
# police", "dealt with": events/nonevents.py, ``nonagree_verbs`` in data/lexicon/words.yaml):
# its -ing and -ed forms are verb forms only, so they never make a sentence a candidate
LIGHT_VERB_FRAMES = frozenset({"agree", "ceasefire"})
_SPACE = re.compile(r"\s+")
_HYPHEN_SPACE = re.compile(r"\s*-\s*|\s+")
_OPENERS = "\"'“‘(["


def inflect(word: str) -> set[str]:
    """Return ``word`` with its regular English inflections (over-generation is harmless).

    >>> sorted(inflect("kill"))
    ['kill', 'killed', 'killing', 'kills']
    >>> "stabbed" in inflect("stab")
    True
    >>> sorted(inflect("seize"))
    ['seize', 'seized', 'seizes', 'seizing']
    """
    return inflections(word)


def expand_forms(forms: Iterable[str]) -> set[str]:
    """Normalise forms (lower case, single spaces) and add inflections and hyphen variants.

    Single words get their regular inflections. In a phrase the first and the last
    word are inflected ("exchange fire" → "exchanged fire", "car bomb" → "car bombs"),
    and spaces and hyphens are interchangeable ("cease-fire", "cease fire").
    """
    out: set[str] = set()
    for raw in forms:
        form = _SPACE.sub(" ", raw.strip().lower())
        if not form:
            continue
        parts = [p for p in _HYPHEN_SPACE.split(form) if p]
        if len(parts) <= 1:
            out.update(inflect(form) if " " not in form and "-" not in form else {form})
            if "-" in form:
                out.add(form.replace("-", " "))
                out.add(form.replace("-", ""))
            continue
        firsts = inflect(parts[0])
        lasts = inflect(parts[-1])
        middle = parts[1:-1]
        for first in firsts:
            for last in lasts:
                words = [first, *middle, last]
                out.add(" ".join(words))
                out.add("-".join(words))
                out.add(" - ".join(words))
                out.add("".join(words))
    return out


class TriggerPrefilter:
    """``is_candidate(text)``: does the sentence contain a trigger form at word boundaries?

    ``forms`` are enough on their own; each of ``patterns`` is a pair (head forms, child
    forms) that counts only when a form of both sides occurs; a form that overlaps one of
    ``cancels`` (exact phrases) does not count. It pickles (the automaton pickles with
    it), which is how :func:`load_prefilter` caches it.

    >>> only = TriggerPrefilter([], patterns=[({"set"}, {"fire"})])
    >>> only("They set the cars on fire."), only("Prices were set to rise.")
    (True, False)
    >>> blocked = TriggerPrefilter(["attack"], cancels=["heart attack"])
    >>> blocked("He died of a heart attack."), blocked("A heart attack, then an attack.")
    (False, True)
    """

    def __init__(
        self,
        forms: Iterable[str],
        expand: bool = True,
        patterns: Iterable[tuple[Iterable[str], Iterable[str]]] = (),
        cancels: Iterable[str] = (),
        cues: Iterable[str] = (),
        lone_cues: Iterable[str] = (),
        entity_heads: Mapping[str, Iterable[str]] | None = None,
        money_words: Iterable[str] = (),
    ) -> None:
        import ahocorasick  # lazy: only runs that enable the pre-filter need it

        self.forms = frozenset(f for f in (expand_forms(forms) if expand else forms) if f)
        sides: dict[str, tuple[set[int], set[int]]] = {}
        for number, (heads, children) in enumerate(patterns):
            for side, words in ((0, heads), (1, children)):
                for form in expand_forms(words) if expand else words:
                    sides.setdefault(form, (set(), set()))[side].add(number)
        self.cancels = frozenset(_SPACE.sub(" ", c.strip().lower()) for c in cancels) - {""}
        self.cues = frozenset(_SPACE.sub(" ", c.strip().lower()) for c in cues) - {""}
        self.lone_cues = frozenset(_SPACE.sub(" ", c.strip().lower()) for c in lone_cues) - {""}
        kinds: dict[str, frozenset[str]] = {}
        for raw, labels in (entity_heads or {}).items():
            for form in expand_forms([raw]) if expand else [raw]:
                kinds[form] = kinds.get(form, frozenset()) | frozenset(labels)
        self.money = frozenset(_SPACE.sub(" ", w.strip().lower()) for w in money_words) - {""}
        if not self.forms and not sides and not kinds:
            raise DataFileError("the relevance pre-filter got no trigger forms", "EW-PRE-001")
        automaton: Any = ahocorasick.Automaton()
        # equal values are one object: ~100k forms share ~1k values, and the pickle then
        # stores each once (loading the cached filter: 0.47 -> 0.03 CPU s at every start)
        shared: dict[tuple[object, ...], tuple[object, ...]] = {}
        every = self.forms | set(sides) | self.cancels | self.cues | self.lone_cues
        for form in every | set(kinds) | self.money:
            head_of, child_of = sides.get(form, (set(), set()))
            # (length, enough alone, patterns it heads, patterns it completes, cancels, cue,
            # a cue that makes the sentence context on its own, the entity labels a child
            # of it may carry, a word of a sum of money)
            value = (len(form), form in self.forms, frozenset(head_of), frozenset(child_of))
            flags = (form in self.cancels, form in self.cues, form in self.lone_cues)
            entry = (*value, *flags, kinds.get(form, frozenset()), form in self.money)
            automaton.add_word(form, shared.setdefault(entry, entry))
        automaton.make_automaton()
        self._automaton = automaton

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """Return every ``(start, end, form)`` match in the normalised lower-case text."""
        lowered = self._normalise(text)
        found: list[tuple[int, int, str]] = []
        for end, (length, *_) in self._automaton.iter(lowered):
            start = end + 1 - length
            if self._bounded(lowered, start, end + 1):
                found.append((start, end + 1, lowered[start : end + 1]))
        return found

    def __call__(self, text: str) -> bool:
        return self.level(text) == CANDIDATE

    def level(self, text: str) -> int:
        """``CANDIDATE`` (2): a trigger form, or a pattern's head and child, occurs;
        ``CONTEXT`` (1): only a pattern head without its child, or trigger forms inside a
        block or idiom, occur, beside a word of ``cues`` (the sentence cannot yield an
        event, but the coder reads those words as context of a candidate beside it), or a
        word of ``lone_cues`` occurs with no trigger at all ("Police dispersed them with
        tear gas" after a protest: its intervention); 0: nothing of that."""
        lowered = self._normalise(text)
        found = [
            (end + 1 - value[0], end + 1, value)
            for end, value in self._automaton.iter(lowered)
            if self._bounded(lowered, end + 1 - value[0], end + 1)
        ]
        cancelled = [(start, end) for start, end, value in found if value[4]]
        heads: set[int] = set()
        children: set[int] = set()
        level = 0
        cue = any(value[5] for _, _, value in found)
        if any(value[6] for _, _, value in found):
            level = CONTEXT  # a lone cue: context whatever else the sentence holds
        for start, end, (_, alone, head_of, child_of, _, _, _, labels, _) in found:
            children |= child_of  # a child is not the trigger: a block does not cancel it
            if not (alone or head_of or labels):
                continue
            level = CONTEXT if cue else level
            if cancelled and any(a < end and start < b for a, b in cancelled):
                continue
            if alone or (labels and self._entity_after(text, lowered, end, labels, found)):
                return CANDIDATE
            heads |= head_of
            if heads & children:
                return CANDIDATE
        return CANDIDATE if heads & children else level

    @staticmethod
    def _entity_after(
        text: str, lowered: str, end: int, labels: frozenset[str], found: list[Any]
    ) -> bool:
        """Could the head ending at ``end`` have the entity child its pattern needs?

        A sum of money (MONEY) is written with a digit, a currency sign or a word of
        ``money_words`` somewhere in the sentence; a place (GPE, LOC, FAC), the verb's
        direct object, with a word that starts with a capital in the next
        :data:`PLACE_WINDOW` words. Other labels (and text whose lower case changes its
        length) are taken as present."""
        if labels - PLACE_LABELS - {"MONEY"}:
            return True
        if "MONEY" in labels and (
            any(ch.isdigit() or ch in MONEY_SIGNS for ch in lowered)
            or any(value[8] for _, _, value in found)
        ):
            return True
        if not labels & PLACE_LABELS:
            return False
        cased = text
        if "\n" in text or "  " in text or "\t" in text:
            cased = _SPACE.sub(" ", text)
        if len(cased) != len(lowered):
            return True
        words = cased[end:].split(None, PLACE_WINDOW)[:PLACE_WINDOW]
        return any(word.lstrip(_OPENERS)[:1].isupper() for word in words)

    @staticmethod
    def _normalise(text: str) -> str:
        lowered = text.lower()
        if "\n" in lowered or "  " in lowered or "\t" in lowered:
            lowered = _SPACE.sub(" ", lowered)
        return lowered

    @staticmethod
    def _bounded(text: str, start: int, end: int) -> bool:
        if start > 0 and text[start - 1].isalnum():
            return False
        return end >= len(text) or not text[end].isalnum()


def build_prefilter(forms: Iterable[str]) -> Callable[[str], bool]:
    """Build a pre-filter from explicit forms (tests, plugins with their own lexicon)."""
    return TriggerPrefilter(forms)


def _lexicon_entries(settings: Settings) -> list[dict[str, Any]]:
    # the packaged file is checked against its MANIFEST; a user's trigger file needs no version
    paths = [(data_path("lexicon", "triggers.yaml"), True)]
    paths += [(Path(p), False) for p in settings.user_lexicon_files]
    entries: list[dict[str, Any]] = []
    for path, versioned in paths:
        data = read_data_file(path, versioned=versioned)
        entries += [e for e in data.get("triggers") or [] if isinstance(e, dict)]
    return entries


def _child_words_only(entry: dict[str, Any]) -> bool:
    return bool(entry.get("head") and entry.get("children") and not entry.get("child_ents"))


def _entity_child(entry: dict[str, Any]) -> bool:
    return bool(entry.get("head") and entry.get("child_ents"))


def lexicon_forms(settings: Settings) -> set[str]:
    """Trigger forms read straight from the lexicon file(s): words, phrases, heads, forms
    (not the heads of patterns whose child is a word, :func:`lexicon_patterns`, or an
    entity, :func:`entity_heads`).

    Their regular inflections (:func:`expand_forms`) are the safety net next to
    ``trigger_surface_forms``.
    """
    forms: set[str] = set()
    for entry in _lexicon_entries(settings):
        if _child_words_only(entry) or _entity_child(entry):
            continue
        for key in ("words", "phrases", "forms"):
            forms.update(str(v) for v in entry.get(key) or [])
        if entry.get("head"):
            forms.add(str(entry["head"]))
    return forms


def lexicon_patterns(settings: Settings) -> list[tuple[set[str], set[str]]]:
    """(head forms, child forms) of the lexicon files' patterns whose child is a word,
    with regular inflections (the safety net next to ``trigger_surface_patterns``)."""
    patterns: list[tuple[set[str], set[str]]] = []
    for entry in _lexicon_entries(settings):
        if entry.get("head") and entry.get("children"):  # with or without entities
            heads = {str(entry["head"]), *(str(v) for v in entry.get("forms") or [])}
            children = {str(v) for v in entry.get("children") or []}
            patterns.append((expand_forms(heads), expand_forms(children)))
    return patterns


def spacing_variants(forms: Iterable[str]) -> set[str]:
    """Normalise already-inflected forms and add only hyphen/space variants.

    The lexicon's ``trigger_surface_forms`` are inflected already; inflecting their
    first and last words again multiplies 15k forms into a million automaton entries
    (seconds of start-up) without finding anything more.
    """
    out: set[str] = set()
    for raw in forms:
        form = _SPACE.sub(" ", raw.strip().lower())
        parts = [p for p in _HYPHEN_SPACE.split(form) if p]
        if not parts:
            continue
        out.add(form)
        if len(parts) > 1:
            out.update({" ".join(parts), "-".join(parts), "".join(parts)})
    return out


def trigger_forms(settings: Settings) -> set[str]:
    """Every trigger surface form: the lexicon's entries with their inflections, plus
    ``trigger_surface_forms`` (already inflected)."""
    return expand_forms(lexicon_forms(settings)) | spacing_variants(
        trigger_surface_forms(settings, pattern_heads=False, entity_heads=False)
    )


def light_verb_forms(settings: Settings) -> set[str]:
    """The -ing and -ed forms of the agreement words the coder drops as verbs ("according",
    "accorded", "dealing" of "accord", "deal"), unless another trigger word or head has
    the same form: they are no candidate's trigger."""
    lexicon = triggerlexicon.load_lexicon(tuple(settings.user_lexicon_files))
    verbs = frozenset(word_tuple("lexicon", "nonagree_verbs"))
    drop: set[str] = set()
    keep: set[str] = set()
    for entry in lexicon.entries:
        light = entry.frame in LIGHT_VERB_FRAMES
        for word in {*entry.words, *([entry.head] if entry.head else [])}:
            forms = inflections(word, lexicon.irregular) | {word}
            if light and word in verbs and not entry.head:
                drop |= {f for f in forms if f.endswith(("ing", "ed"))}
            else:
                keep |= forms
        keep |= set(entry.forms)
    return drop - keep


def entity_heads(settings: Settings) -> dict[str, frozenset[str]]:
    """Surface forms of the heads of patterns whose child is an entity ("take" -> GPE,
    "pay" -> MONEY), each with the labels its child may carry: such a head makes a sentence
    a candidate only where that entity can be (:meth:`TriggerPrefilter.level`). A form that
    is also a trigger on its own ("donate") counts alone all the same."""
    heads: dict[str, frozenset[str]] = {}
    for entry in _lexicon_entries(settings):
        if _entity_child(entry):
            labels = frozenset(str(v) for v in entry.get("child_ents") or [])
            names = {str(entry["head"]), *(str(v) for v in entry.get("forms") or [])}
            for form in expand_forms(names):
                heads[form] = heads.get(form, frozenset()) | labels
    lexicon = triggerlexicon.load_lexicon(tuple(settings.user_lexicon_files))
    for parsed in lexicon.entries:
        if parsed.head and parsed.child_ents:
            names = inflections(parsed.head, lexicon.irregular) | set(parsed.forms)
            for form in spacing_variants(names | {parsed.head}):
                heads[form] = heads.get(form, frozenset()) | parsed.child_ents
    return heads


def money_words() -> tuple[str, ...]:
    """Words that write a sum of money without a digit or a sign ("five pounds", "millions"):
    ``prefilter_money_words`` in ``data/lexicon/words.yaml``."""
    return word_tuple("lexicon", "prefilter_money_words")


def trigger_patterns(settings: Settings) -> list[tuple[set[str], set[str]]]:
    """Every (head forms, child forms) pair of the patterns whose child is a word: the
    lexicon's, with inflections, and ``trigger_surface_patterns`` (already inflected)."""
    surface = [
        (spacing_variants(heads), spacing_variants(children))
        for heads, children in trigger_surface_patterns(settings)
    ]
    return lexicon_patterns(settings) + surface


def lone_cue_forms(settings: Settings) -> set[str]:
    """Surface forms of the context classes (``prefilter_lone_cue_classes`` in
    ``data/lexicon/words.yaml``: intervention) that make a sentence with no trigger worth
    parsing beside a candidate: "… protested against the tax. Police dispersed the group
    with tear gas." is a protest with intervention only if the second sentence is read."""
    return class_surface_forms(settings, word_tuple("lexicon", "prefilter_lone_cue_classes"))


def cache_key(settings: Settings) -> str:
    """What the cached automaton was built from: this package's version, the data files'
    versions, the bytes of the packaged lexicon and ontology files (an edit that forgets to
    bump a "version" field still rebuilds it), the code that turns the lexicon into forms,
    the bytes of the user's lexicon files, and the automaton library's version."""
    import ahocorasick

    digest = hashlib.sha256()
    library = str(getattr(ahocorasick, "__version__", ""))
    for part in (VERSION, data_versions_json(), library, CACHE_FORMAT):
        digest.update(part.encode() + b"\0")
    for module in (__file__, triggerlexicon.__file__):
        digest.update(Path(str(module)).read_bytes())
    for folder in ("lexicon", "ontology"):
        for path in sorted(data_path(folder).iterdir()):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for name in settings.user_lexicon_files:
        digest.update(str(name).encode() + b"\0")
        try:
            digest.update(Path(name).read_bytes())
        except OSError:
            digest.update(b"<unreadable>")  # building will say why
    return digest.hexdigest()[:20]


def cache_path(settings: Settings) -> Path:
    """Where the pre-filter for these settings is cached (under ``data_home()/cache``)."""
    return data_home() / "cache" / f"prefilter-{cache_key(settings)}.pickle"


def load_prefilter(settings: Settings, use_cache: bool = True) -> Callable[[str], bool]:
    """The pre-filter for the settings' lexicon (load once per process via Resources).

    Building it (74k forms into an automaton) takes about a second, so the built filter is
    pickled under :func:`cache_path`, whose name hashes everything it was built from; a
    cache file that is missing, stale (another name) or unreadable is rebuilt, and a cache
    directory that cannot be written only costs the rebuild next time.
    """

    def build() -> TriggerPrefilter:
        return TriggerPrefilter(
            trigger_forms(settings) - light_verb_forms(settings),
            expand=False,
            patterns=trigger_patterns(settings),
            cancels=cancelling_surface_forms(settings),
            cues=window_cue_surface_forms(settings),
            lone_cues=lone_cue_forms(settings),
            entity_heads=entity_heads(settings),
            money_words=money_words(),
        )

    if not use_cache:
        return build()
    return cached_at(cache_path(settings), build, TriggerPrefilter)
