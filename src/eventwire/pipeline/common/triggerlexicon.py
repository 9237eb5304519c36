"""The trigger lexicon: frames, trigger entries and cue classes, loaded and schema-checked.

The lexicon is data (``eventwire/data/lexicon/*.yaml``): trigger words, phrases and
dependency patterns grouped into *frames* (clash, shell, abduct, protest, …), plus
word classes (armed, civilian, weapons, protest context, sport, …). Two stages read it:
the event coder (:mod:`eventwire.pipeline.events`) matches it on the parse, and the
relevance pre-filter (:mod:`eventwire.pipeline.nlp.prefilter`) needs every surface form of
every trigger (:func:`trigger_surface_forms`) before there is a parse; so it lives here,
below both, and :func:`load_lexicon` is cached so that both share one copy.

>>> lex = load_lexicon()
>>> lex.frames["shell"].acled
'Shelling/artillery/missile attack'
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.datafiles import data_path, read_data_file
from eventwire.errors import DataFileError
from eventwire.ontology import load_ontology

_TOKEN_RE = re.compile(r"[\w']+|[^\w\s]")


def split_phrase(phrase: str) -> tuple[str, ...]:
    """Split a lexicon phrase the way spaCy tokenises it ("sit-in" -> sit - in).

    >>> split_phrase("Air-strike")
    ('air', '-', 'strike')
    """
    return tuple(_TOKEN_RE.findall(phrase.lower()))


@dataclass(frozen=True, slots=True)
class Frame:
    name: str
    plover: str
    mode: str | None
    acled: str | None  # default ACLED sub-event type (None: no ACLED category)
    weight: float


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One lexicon entry: a word set, a phrase, or a head→child dependency pattern."""

    frame: str
    words: frozenset[str] = frozenset()
    phrase: tuple[str, ...] = ()
    head: str | None = None
    children: frozenset[str] = frozenset()
    child_ents: frozenset[str] = frozenset()
    deps: frozenset[str] = frozenset()
    pos: frozenset[str] = frozenset()
    ambiguous: bool = False
    fallback: str | None = None
    forms: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        if self.phrase:
            return " ".join(self.phrase)
        if self.head:
            return f"{self.head}>{'|'.join(sorted(self.children | self.child_ents))}"
        return "|".join(sorted(self.words))[:40]


@dataclass(frozen=True, slots=True)
class CueClass:
    words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]


@dataclass
class Lexicon:
    """Frames, trigger entries, blocks, cue classes and modality cues, indexed for matching."""

    version: str
    frames: dict[str, Frame]
    entries: list[TriggerEntry]
    blocks: list[tuple[str, ...]]
    classes: dict[str, CueClass]
    modality: dict[str, Any]
    irregular: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_word: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    by_first: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    by_head: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    masks: list[tuple[str, ...]] = field(default_factory=list)  # words that are no cue
    # phrases whose words before the last are no cue: "riot police" is police, not a riot
    modifier_masks: list[tuple[str, ...]] = field(default_factory=list)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for word in entry.words:
                for form in {word, *self.irregular.get(word, ()), *entry.forms}:
                    self.by_word.setdefault(form, []).append(entry)
            if entry.phrase:
                self.by_first.setdefault(entry.phrase[0], []).append(entry)
            if entry.head:
                for form in {entry.head, *self.irregular.get(entry.head, ()), *entry.forms}:
                    self.by_head.setdefault(form, []).append(entry)
        for entries in self.by_word.values():
            unique = list(dict.fromkeys(entries))
            entries[:] = unique
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e.phrase))

    def words_of(self, cls: str) -> frozenset[str]:
        return self.classes[cls].words if cls in self.classes else frozenset()

    def classes_of_words(self) -> dict[str, tuple[str, ...]]:
        """Each word of a cue class -> the classes that list it, in ``classes`` order.

        Built once per ``classes`` dict (rebuilt when it is replaced or grows): the coder
        asks which classes a sentence's words belong to for every parsed sentence.
        """
        key = (id(self.classes), len(self.classes))
        cached = _CLASS_WORDS.get(id(self))
        if cached is not None and cached[0] == key and cached[1] is self.classes:
            return cached[2]
        index: dict[str, tuple[str, ...]] = {}
        for name, cls in self.classes.items():
            for word in cls.words:
                index[word] = (*index.get(word, ()), name)
        _CLASS_WORDS[id(self)] = (key, self.classes, index)
        return index

    def classes_of_phrases(self) -> _PhraseIndex:
        """Each first word of a cue class's phrase -> (rank, class, phrase) for the phrases
        it opens; rank is the phrase's place in ``classes`` order, then in its class's
        ``phrases``. Built and kept as :meth:`classes_of_words`: a sentence's phrases are
        looked up by the words it has, not every phrase tried against it."""
        key = (id(self.classes), len(self.classes))
        cached = _CLASS_PHRASES.get(id(self))
        if cached is not None and cached[0] == key and cached[1] is self.classes:
            return cached[2]
        index: _PhraseIndex = {}
        rank = 0
        for name, cls in self.classes.items():
            for phrase in cls.phrases:
                if phrase:
                    index[phrase[0]] = (*index.get(phrase[0], ()), (rank, name, phrase))
                rank += 1
        _CLASS_PHRASES[id(self)] = (key, self.classes, index)
        return index


# Lexicon.classes_of_words by id() of the lexicon (a dataclass with fields only, compared by
# value, so the index lives beside it); the dict it was built from is kept and compared.
_ClassIndex = tuple[tuple[int, int], dict[str, CueClass], dict[str, tuple[str, ...]]]
_CLASS_WORDS: dict[int, _ClassIndex] = {}
_PhraseIndex = dict[str, tuple[tuple[int, str, tuple[str, ...]], ...]]
_CLASS_PHRASES: dict[int, tuple[tuple[int, int], dict[str, CueClass], _PhraseIndex]] = {}


def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(f"{where}: expected a list of strings, got {value!r}", "EW-LEX-003")
    return [v.lower() for v in value]


def _read(path: Path, versioned: bool = True) -> dict[str, Any]:
    # a user's trigger file needs no version; packaged files are checked against the MANIFEST
    return read_data_file(path, versioned=versioned)


def _current_type(name: str, where: str) -> str:
    """A retired PLOVER name in a (user) lexicon frame, read as its replacement, with a
    warning: a file written for PLOVER before 2021 says FIGHT, which is now ASSAULT."""
    current = load_ontology().canonical_type(name)
    warnings.warn(
        f"{where}: PLOVER type {name} is retired (PLOVER 2021 merged it into {current}); "
        f"read as {current}. Write plover: {current} with a mode (clash, artillery, aerial, "
        "territory, ...) instead.",
        UserWarning,
        stacklevel=4,
    )
    return current


def parse_lexicon(
    triggers: dict[str, Any], context: dict[str, Any], modality: dict[str, Any]
) -> Lexicon:
    """Check the three lexicon documents against the schema and index them."""
    onto = load_ontology()
    frames: dict[str, Frame] = {}
    for name, spec in (triggers.get("frames") or {}).items():
        where = f"triggers.yaml frame {name}"
        if isinstance(spec, dict) and spec.get("plover") in onto.retired:
            spec = {**spec, "plover": _current_type(spec["plover"], where)}
        if not isinstance(spec, dict) or spec.get("plover") not in onto.plover:
            raise DataFileError(f"{where}: needs a known PLOVER type", "EW-LEX-004")
        acled = spec.get("acled")
        if acled is not None and acled not in onto.sub_types:
            raise DataFileError(f"{where}: unknown ACLED sub-event type {acled!r}", "EW-LEX-005")
        weight = spec.get("weight", 0.5)
        if not isinstance(weight, (int, float)) or not 0 <= weight <= 1:
            raise DataFileError(f"{where}: weight must be in [0, 1]", "EW-LEX-006")
        frames[name] = Frame(name, spec["plover"], spec.get("mode"), acled, float(weight))
    entries: list[TriggerEntry] = []
    for i, spec in enumerate(triggers.get("triggers") or []):
        where = f"triggers.yaml entry {i + 1}"
        if not isinstance(spec, dict) or spec.get("frame") not in frames:
            raise DataFileError(f"{where}: unknown or missing frame {spec!r}", "EW-LEX-007")
        fallback = spec.get("fallback")
        if fallback is not None and fallback not in frames:
            raise DataFileError(f"{where}: unknown fallback frame {fallback!r}", "EW-LEX-008")
        common: dict[str, Any] = {
            "frame": spec["frame"],
            "pos": frozenset(p.upper() for p in _strings(spec.get("pos"), where)),
            "ambiguous": bool(spec.get("ambiguous", False)),
            "fallback": fallback,
            "forms": tuple(_strings(spec.get("forms"), where)),
        }
        kinds = [k for k in ("words", "phrases", "head") if k in spec]
        if len(kinds) != 1:
            raise DataFileError(f"{where}: needs exactly one of words/phrases/head", "EW-LEX-009")
        if "words" in spec:
            entries.append(TriggerEntry(words=frozenset(_strings(spec["words"], where)), **common))
        elif "phrases" in spec:
            for phrase in _strings(spec["phrases"], where):
                entries.append(TriggerEntry(phrase=split_phrase(phrase), **common))
        else:
            entries.append(
                TriggerEntry(
                    head=str(spec["head"]).lower(),
                    children=frozenset(_strings(spec.get("children"), where)),
                    child_ents=frozenset(
                        e.upper() for e in _strings(spec.get("child_ents"), where)
                    ),
                    deps=frozenset(_strings(spec.get("deps"), where)),
                    **common,
                )
            )
    classes: dict[str, CueClass] = {}
    for name, spec in (context.get("classes") or {}).items():
        where = f"context.yaml class {name}"
        if not isinstance(spec, dict):
            raise DataFileError(f"{where}: must be a mapping", "EW-LEX-010")
        classes[name] = CueClass(
            frozenset(_strings(spec.get("words"), where)),
            tuple(split_phrase(p) for p in _strings(spec.get("phrases"), where)),
        )
    for required in ("armed", "civilian", "conflict", "protest_context", "light_verbs"):
        if required not in classes:
            raise DataFileError(f"context.yaml lacks the class {required!r}", "EW-LEX-011")
    blocks = [split_phrase(b) for b in _strings(triggers.get("blocks"), "triggers.yaml blocks")]
    irregular: dict[str, tuple[str, ...]] = {}
    for lemma, forms in (triggers.get("irregular_forms") or {}).items():
        irregular[str(lemma).lower()] = tuple(_strings(forms, f"irregular_forms {lemma}"))
    version = "+".join(str(d.get("version", "?")) for d in (triggers, context, modality))
    lexicon = Lexicon(version, frames, entries, blocks, classes, modality, irregular)
    lexicon.masks = _phrase_list(triggers, "cue_masks")
    lexicon.modifier_masks = _phrase_list(triggers, "cue_modifier_masks")
    return lexicon


def _phrase_list(triggers: dict[str, Any], key: str) -> list[tuple[str, ...]]:
    """The phrases of a list of triggers.yaml (``cue_masks``, ``cue_modifier_masks``)."""
    return [split_phrase(m) for m in _strings(triggers.get(key), f"triggers.yaml {key}")]


LEXICON_FILES = ("triggers.yaml", "context.yaml", "modality.yaml", "MANIFEST.json")


@cache
def load_lexicon(extra_files: tuple[str, ...] = ()) -> Lexicon:
    """Load the packaged lexicon; ``extra_files`` are user trigger files appended to it.

    The packaged lexicon alone is kept as a pickle (``diskcache``) named by the bytes of
    its files, the ontology's and the code that reads them: parsing and checking three
    YAML files is a few percent of a cold ``extract`` (issue 22)."""
    if not extra_files:
        from eventwire import datafiles, ontology
        from eventwire.pipeline.common.diskcache import cached, file_bytes

        key: list[str | bytes] = [file_bytes(m.__file__ or "") for m in (ontology, datafiles)]
        key.append(file_bytes(__file__))
        key += [file_bytes(data_path("lexicon", name)) for name in LEXICON_FILES]
        key += [file_bytes(p) for p in sorted(data_path("ontology").iterdir())]
        return cached("trigger-lexicon", key, lambda: _parse_files(()), Lexicon)
    return _parse_files(extra_files)


def _parse_files(extra_files: tuple[str, ...]) -> Lexicon:
    """Read and check the packaged lexicon files, then ``extra_files`` appended to it."""
    triggers = _read(data_path("lexicon", "triggers.yaml"))
    for extra in extra_files:
        user = _read(Path(extra), versioned=False)
        triggers.setdefault("frames", {}).update(user.get("frames") or {})
        triggers["triggers"] = list(triggers.get("triggers") or []) + list(
            user.get("triggers") or []
        )
        triggers["blocks"] = list(triggers.get("blocks") or []) + list(user.get("blocks") or [])
    return parse_lexicon(
        triggers,
        _read(data_path("lexicon", "context.yaml")),
        _read(data_path("lexicon", "modality.yaml")),
    )


_VOWELS = frozenset("aeiou")


def inflections(word: str, irregular: dict[str, tuple[str, ...]] | None = None) -> set[str]:
    """A word with its regular (and listed irregular) inflections; over-generation is harmless.

    >>> sorted(inflections("kill"))
    ['kill', 'killed', 'killing', 'kills']
    >>> {"shot", "shooting", "shoots"} <= inflections("shoot", {"shoot": ("shot",)})
    True
    """
    w = word.lower()
    forms = {w, *(irregular or {}).get(w, ())}
    if not w.isalpha() or len(w) < 2:
        return forms
    last, before = w[-1], w[-2]
    if w.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(w + "es")
    elif last == "y" and before not in _VOWELS:
        forms.add(w[:-1] + "ies")
    else:
        forms.add(w + "s")
    if last == "e":
        forms.add(w + "d")
        forms.add(w[:-2] + "ying" if w.endswith("ie") else w[:-1] + "ing")
        if w.endswith("ee"):
            forms.add(w + "ing")
    elif last == "y" and before not in _VOWELS:
        forms.update({w[:-1] + "ied", w + "ing"})
    else:
        forms.update({w + "ed", w + "ing"})
        if last not in _VOWELS and last not in "wxy" and before in _VOWELS:
            forms.update({w + last + "ed", w + last + "ing"})
    return forms


def trigger_surface_forms(
    settings: Settings, pattern_heads: bool = True, entity_heads: bool = True
) -> set[str]:
    """Every lower-case surface form of every trigger: words with all their inflections,
    and phrases with each word inflected ("exchanged fire", "took to the streets"), for the
    relevance pre-filter. A sentence containing none of them cannot yield an event.
    Without ``pattern_heads`` the heads of patterns whose child is a word are left out
    (they need their child too: :func:`trigger_surface_patterns`); without ``entity_heads``
    the heads of patterns whose child is an entity (take -> GPE) are left out too.

    >>> forms = trigger_surface_forms(load_settings())     # doctest: +SKIP
    >>> {"shot", "kidnapped", "airstrikes", "car bombs"} <= forms  # doctest: +SKIP
    True
    """
    lexicon = load_lexicon(tuple(settings.user_lexicon_files))
    irregular = lexicon.irregular
    forms: set[str] = set()
    for entry in lexicon.entries:
        if entry.children and not entry.child_ents and not pattern_heads:
            continue  # a head with child words only: see trigger_surface_patterns
        if entry.child_ents and not entity_heads:
            continue  # a head whose child may be an entity
        for word in {*entry.words, *([entry.head] if entry.head else [])}:
            forms |= inflections(word, irregular) | {word}
        forms |= set(entry.forms)
        if entry.phrase:
            forms |= phrase_forms(entry.phrase, irregular)
    return {f for f in forms if f}


def trigger_surface_patterns(settings: Settings) -> list[tuple[frozenset[str], frozenset[str]]]:
    """The dependency patterns whose child is a word ("take" -> "control", "set" -> "fire"),
    as (surface forms of the head, surface forms of the children): such a trigger can match
    only in a sentence that holds both a head form and a child form, because the parse of
    a sentence links only its own tokens. Patterns whose child may be an entity type
    (``child_ents``) are in :func:`trigger_surface_forms` by their head alone.

    >>> pats = trigger_surface_patterns(load_settings())     # doctest: +SKIP
    >>> any("took" in h and "control" in c for h, c in pats)  # doctest: +SKIP
    True
    """
    lexicon = load_lexicon(tuple(settings.user_lexicon_files))
    irregular = lexicon.irregular
    patterns: list[tuple[frozenset[str], frozenset[str]]] = []
    for entry in lexicon.entries:
        if entry.head and entry.children and not entry.child_ents:
            heads = inflections(entry.head, irregular) | set(entry.forms) | {entry.head}
            children: set[str] = set()
            for child in entry.children:
                children |= inflections(child, irregular) | {child}
            patterns.append((frozenset(heads), frozenset(children)))
    return patterns


# The cue classes the event coder reads from the sentences around a trigger's sentence
# (events/subtypes.py: protest sub-types, unopposed takeovers, lethal force); the other
# classes it reads from the trigger's own sentence.
WINDOW_CUE_CLASSES = ("protest_violence", "lethal", "intervention", "weapon_smallarms", "unopposed")


def window_cue_surface_forms(settings: Settings) -> set[str]:
    """Surface forms (inflected words, phrases) of :data:`WINDOW_CUE_CLASSES`: what makes a
    sentence that cannot yield an event worth parsing as the context of one beside it."""
    return class_surface_forms(settings, WINDOW_CUE_CLASSES)


def class_surface_forms(settings: Settings, names: Iterable[str]) -> set[str]:
    """Surface forms (inflected words, phrases) of the lexicon's cue classes ``names``
    (a name the lexicon lacks gives nothing)."""
    lexicon = load_lexicon(tuple(settings.user_lexicon_files))
    forms: set[str] = set()
    for name in names:
        cls = lexicon.classes.get(name)
        if cls is None:
            continue
        for word in cls.words:
            forms |= inflections(word, lexicon.irregular) | {word}
        for phrase in cls.phrases:
            forms |= phrase_forms(phrase, lexicon.irregular)
    return {f for f in forms if f}


def cancelling_surface_forms(settings: Settings) -> set[str]:
    """Surface forms of the phrases inside which no trigger counts: the lexicon's
    ``blocks`` ("heart attack", "death toll"), which the coder never matches inside, and
    its ``idiom`` phrases ("hit the headlines", "war of words"), whose triggers the coder
    always drops as non-events. A trigger form that overlaps one of them in a sentence
    does not make the sentence a candidate for the parser.

    >>> "takeover bids" in cancelling_surface_forms(load_settings())  # doctest: +SKIP
    True
    """
    lexicon = load_lexicon(tuple(settings.user_lexicon_files))
    idioms = lexicon.classes["idiom"].phrases if "idiom" in lexicon.classes else ()
    forms: set[str] = set()
    for phrase in (*lexicon.blocks, *idioms):
        forms |= phrase_forms(phrase, lexicon.irregular)
    return {f for f in forms if f}


def phrase_forms(phrase: tuple[str, ...], irregular: dict[str, tuple[str, ...]]) -> set[str]:
    options = [sorted(inflections(w, irregular)) if w.isalpha() else [w] for w in phrase]
    results = [""]
    for k, opts in enumerate(options):
        sep = "" if k == 0 or phrase[k] == "-" or phrase[k - 1] == "-" else " "
        results = [r + sep + o for r in results for o in opts][:4096]
    return set(results)
