"""Structure and attribution cues: loader and schema check for ``data/structure/cues.yaml``.

The cues are data (reporting verbs, byline, dateline, caption and boilerplate patterns,
interview-turn labels), so they can be extended without touching code::

    >>> cues = load_cues()
    >>> cues.verb_category("deny")
    'deny'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventwire.datafiles import data_path, read_data_file
from eventwire.errors import DataFileError

CUES_FILE = ("structure", "cues.yaml")
VERB_CATEGORIES: tuple[str, ...] = ("say", "claim", "allege", "deny")
_PATTERN_LISTS = ("byline_cs", "boilerplate", "caption", "caption_cs")
_PATTERNS = (
    "dateline_cs",
    "question_label",
    "answer_label",
    "name_label_cs",
    "question_openers",
)


@dataclass(frozen=True)
class Cues:
    """Compiled cues used by the structure and attribution stages."""

    version: str
    verbs: dict[str, str]  # lemma -> category (say, claim, allege, deny)
    source_nouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    cognitive_verbs: frozenset[str]  # report a belief, never introduce a direct quotation
    anaphoric_nouns: frozenset[str]  # "the group said": points back to a named speaker
    speaker_titles: frozenset[str]  # ranks and honorifics left off a speaker's name
    byline: tuple[re.Pattern[str], ...]
    boilerplate: tuple[re.Pattern[str], ...]
    caption: tuple[re.Pattern[str], ...]
    dateline: re.Pattern[str]
    question_label: re.Pattern[str]
    answer_label: re.Pattern[str]
    name_label: re.Pattern[str]
    question_openers: re.Pattern[str]

    def verb_category(self, lemma: str) -> str | None:
        """Return the reporting category of a verb lemma (None when it does not report)."""
        return self.verbs.get(lemma.lower())


def _compile(pattern: Any, where: str, case_sensitive: bool) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise DataFileError(f"{where}: expected a non-empty regular expression", "EW-STR-002")
    try:
        return re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)
    except re.error as exc:
        raise DataFileError(f"{where}: invalid regular expression: {exc}", "EW-STR-003") from exc


def _words(raw: dict[str, Any], key: str, path: Path) -> frozenset[str]:
    value = raw.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(f"{path}: {key!r} must be a list of strings", "EW-STR-004")
    return frozenset(v.lower() for v in value)


def _optional_words(raw: dict[str, Any], key: str, path: Path) -> frozenset[str]:
    return _words(raw, key, path) if key in raw else frozenset()


def parse_cues(raw: Any, path: Path) -> Cues:
    """Check the schema of a loaded cues mapping and compile it."""
    if not isinstance(raw, dict):
        raise DataFileError(f"{path}: top level must be a mapping", "EW-STR-001")
    missing = [
        k for k in ("version", "reporting_verbs", *_PATTERN_LISTS, *_PATTERNS) if k not in raw
    ]
    if missing:
        raise DataFileError(f"{path}: missing keys {', '.join(missing)}", "EW-STR-001")
    verbs: dict[str, str] = {}
    reporting = raw["reporting_verbs"]
    if not isinstance(reporting, dict) or set(reporting) - set(VERB_CATEGORIES):
        raise DataFileError(
            f"{path}: reporting_verbs must map {', '.join(VERB_CATEGORIES)} to lists", "EW-STR-004"
        )
    for category in VERB_CATEGORIES:
        for lemma in reporting.get(category) or []:
            if not isinstance(lemma, str):
                raise DataFileError(
                    f"{path}: reporting verb {lemma!r} is not a string", "EW-STR-004"
                )
            verbs[lemma.lower()] = category
    lists: dict[str, tuple[re.Pattern[str], ...]] = {}
    for key in _PATTERN_LISTS:
        items = raw[key]
        if not isinstance(items, list):
            raise DataFileError(f"{path}: {key!r} must be a list of patterns", "EW-STR-004")
        lists[key] = tuple(
            _compile(p, f"{path}: {key}[{i}]", key.endswith("_cs")) for i, p in enumerate(items)
        )
    single = {k: _compile(raw[k], f"{path}: {k}", k.endswith("_cs")) for k in _PATTERNS}
    return Cues(
        version=str(raw["version"]),
        verbs=verbs,
        source_nouns=_words(raw, "source_nouns", path),
        speaker_pronouns=_words(raw, "speaker_pronouns", path),
        cognitive_verbs=_optional_words(raw, "cognitive_verbs", path),
        anaphoric_nouns=_optional_words(raw, "anaphoric_nouns", path),
        speaker_titles=_optional_words(raw, "speaker_titles", path),
        byline=lists["byline_cs"],
        boilerplate=lists["boilerplate"],
        caption=lists["caption"] + lists["caption_cs"],
        dateline=single["dateline_cs"],
        question_label=single["question_label"],
        answer_label=single["answer_label"],
        name_label=single["name_label_cs"],
        question_openers=single["question_openers"],
    )


def load_cues(path: str | Path | None = None) -> Cues:
    """Load and check the packaged cues (or a user file with the same schema)."""
    file = Path(path) if path else data_path(*CUES_FILE)
    return parse_cues(read_data_file(file), file)
