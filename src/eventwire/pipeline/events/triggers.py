"""The trigger lexicon and the context cues: loading, schema check and matching on a parse.

The lexicon is data (``eventwire/data/lexicon/*.yaml``): trigger words, phrases and
dependency patterns grouped into *frames* (clash, shell, abduct, protest, …), plus
word classes (armed, civilian, weapons, protest context, sport, …). Matching works on
lemmas *and* lower-case forms, so a lemmatiser slip ("airstrikes") still matches.

>>> lex = load_lexicon()
>>> lex.frames["shell"].acled
'Shelling/artillery/missile attack'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from eventwire.datafiles import data_path, read_data_file
from eventwire.errors import DataFileError

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


@dataclass(slots=True)
class TriggerMatch:
    """A trigger found in a parse: token range [start, end), its head token and entry."""

    start: int
    end: int
    head: int
    entry: TriggerEntry
    child: int | None = None  # the matched child of a dependency pattern


def token_keys(token: Any) -> frozenset[str]:
    """The strings a token may match: its lemma, its lower-case form and, for a plural the
    lemmatiser left alone (proper nouns, "Workers'"), the singular.

    Cached per parse in ``Doc.user_data``: the coder asks for the same token's keys many
    times (every cue class and phrase), and spaCy makes a new Token object on each access.
    """
    cache: dict[int, frozenset[str]] = token.doc.user_data.setdefault("ew_token_keys", {})
    found = cache.get(token.i)
    if found is not None:
        return found
    lower = token.lower_
    keys = {token.lemma_.lower(), lower}
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith("ss"):
        keys.add(lower[:-1])
        if lower.endswith("ies"):
            keys.add(lower[:-3] + "y")
    cache[token.i] = result = frozenset(keys)
    return result


# Cue classes that describe actions and circumstances; capitalised names ("Money Exchange
# company", "Revolutionary Front") must not trigger them.
NAME_BLIND_CLASSES = frozenset(
    {
        "exchange",
        "intervention",
        "lethal",
        "protest_violence",
        "protest_context",
        "background",
        "accident",
    }
)


def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(f"{where}: expected a list of strings, got {value!r}", "EW-LEX-003")
    return [v.lower() for v in value]


def _read(path: Path, versioned: bool = True) -> dict[str, Any]:
    # a user's trigger file needs no version; packaged files are checked against the MANIFEST
    return read_data_file(path, versioned=versioned)


def parse_lexicon(
    triggers: dict[str, Any], context: dict[str, Any], modality: dict[str, Any]
) -> Lexicon:
    """Check the three lexicon documents against the schema and index them."""
    from eventwire.ontology import load_ontology

    onto = load_ontology()
    frames: dict[str, Frame] = {}
    for name, spec in (triggers.get("frames") or {}).items():
        where = f"triggers.yaml frame {name}"
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
    masks = [
        split_phrase(m) for m in _strings(triggers.get("cue_masks"), "triggers.yaml cue_masks")
    ]
    version = "+".join(str(d.get("version", "?")) for d in (triggers, context, modality))
    lexicon = Lexicon(version, frames, entries, blocks, classes, modality, irregular)
    lexicon.masks = masks
    return lexicon


@cache
def load_lexicon(extra_files: tuple[str, ...] = ()) -> Lexicon:
    """Load the packaged lexicon; ``extra_files`` are user trigger files appended to it."""
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


def _phrase_at(tokens: Sequence[Any], i: int, phrase: tuple[str, ...]) -> bool:
    if i + len(phrase) > len(tokens):
        return False
    return all(phrase[k] in token_keys(tokens[i + k]) for k in range(len(phrase)))


def find_phrases(
    tokens: Sequence[Any], phrases: Iterable[tuple[str, ...]]
) -> list[tuple[int, int]]:
    """Return [start, end) token ranges where any of the phrases occurs, ordered by start
    token, then by the order of ``phrases``.

    Only the positions whose token carries a phrase's first word are tried (the phrase
    lists hold hundreds of entries; trying each at every token was the coder's hot spot).
    """
    keys = [token_keys(t) for t in tokens]
    positions: dict[str, list[int]] = {}
    for i, token_key in enumerate(keys):
        for key in token_key:
            positions.setdefault(key, []).append(i)
    hits: list[tuple[int, int, int]] = []
    for order, phrase in enumerate(phrases):
        if not phrase:
            continue
        for i in positions.get(phrase[0], ()):
            end = i + len(phrase)
            if end <= len(keys) and all(phrase[k] in keys[i + k] for k in range(1, len(phrase))):
                hits.append((i, order, end))
    hits.sort()
    return [(i, end) for i, _, end in hits]


def match_triggers(parse: Any, lexicon: Lexicon) -> list[list[TriggerMatch]]:
    """Find trigger candidates in a parsed sentence.

    Returns one list of alternative matches per trigger position (longest matches first,
    never overlapping another position); the caller picks the first alternative whose
    context check passes.
    """
    tokens = list(parse)
    blocked: set[int] = set()
    for start, end in find_phrases(tokens, lexicon.blocks):
        blocked.update(range(start, end))
    found: list[TriggerMatch] = []
    for i, tok in enumerate(tokens):
        if i in blocked:
            continue
        keys = token_keys(tok)
        for key in keys:
            for entry in lexicon.by_first.get(key, ()):
                if _phrase_at(tokens, i, entry.phrase):
                    end = i + len(entry.phrase)
                    if not blocked.intersection(range(i, end)):
                        found.append(TriggerMatch(i, end, _phrase_head(tokens, i, end), entry))
            for entry in lexicon.by_word.get(key, ()):
                if entry.pos and tok.pos_ not in entry.pos:
                    continue
                if (
                    tok.pos_ == "PROPN"
                    and tok.is_title
                    and i > 0
                    and tokens[i - 1].text not in {":", '"', "“", "(", "'"}
                ):
                    continue  # part of a name ("Liberation Front", "Battle Creek")
                found.append(TriggerMatch(i, i + 1, i, entry))
        if tok.lemma_.lower() in lexicon.by_head or tok.lower_ in lexicon.by_head:
            for entry in lexicon.by_head.get(tok.lemma_.lower(), []) + lexicon.by_head.get(
                tok.lower_, []
            ):
                for child in tok.children:
                    if entry.deps and child.dep_ not in entry.deps:
                        continue
                    if token_keys(child) & entry.children or child.ent_type_ in entry.child_ents:
                        end = child.i + 1 if child.i == i + 1 else i + 1
                        found.append(TriggerMatch(i, end, i, entry, child=child.i))
                        break
    # group: longest spans first; a match overlapping an accepted longer one is dropped,
    # matches with the same span are alternatives in lexicon order
    order = {id(e): n for n, e in enumerate(lexicon.entries)}
    found.sort(key=lambda m: (-(m.end - m.start), m.start, order.get(id(m.entry), 0)))
    groups: list[list[TriggerMatch]] = []
    taken: set[int] = set()
    for match in found:
        span = set(range(match.start, match.end))
        same = next((g for g in groups if (g[0].start, g[0].end) == (match.start, match.end)), None)
        if same is not None:
            if all(m.entry.frame != match.entry.frame for m in same):
                same.append(match)
            continue
        if span & taken:
            continue
        taken |= span
        groups.append([match])
    groups.sort(key=lambda g: g[0].start)
    return groups


def _phrase_head(tokens: Sequence[Any], start: int, end: int) -> int:
    """The syntactic head of a token range: the token whose head lies outside the range."""
    for i in range(start, end):
        head = tokens[i].head.i
        if head == i or not start <= head < end:
            return i
    return end - 1


def classes_in(tokens: Sequence[Any], lexicon: Lexicon, skip: Iterable[int] = ()) -> set[str]:
    """Return the cue classes present among the tokens (ignoring token indices in ``skip``)."""
    skipped = set(skip)
    # "water cannon" is crowd control: its "cannon" is no artillery cue
    for start, end in find_phrases(tokens, lexicon.masks):
        skipped.update(t.i for t in tokens[start:end])
    present: set[str] = set()
    keys = [token_keys(t) if t.i not in skipped else set() for t in tokens]
    plain = [
        set() if t.pos_ == "PROPN" and t.is_title else k for t, k in zip(tokens, keys, strict=True)
    ]
    every_key: set[str] = set().union(*keys) if keys else set()
    for name, cls in lexicon.classes.items():
        if any(k & cls.words for k in (plain if name in NAME_BLIND_CLASSES else keys)):
            present.add(name)
            continue
        for phrase in cls.phrases:
            # skipped tokens have empty keys, so a phrase over them cannot match
            if (
                phrase
                and phrase[0] in every_key
                and any(
                    all(phrase[k] in keys[i + k] for k in range(len(phrase)))
                    for i in range(len(tokens) - len(phrase) + 1)
                )
            ):
                present.add(name)
                break
    return present
