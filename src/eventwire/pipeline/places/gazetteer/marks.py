"""The document-level marks of the place mentions ``toponyms.find_mentions`` found in the
sentences: "X, Y" / "X (Y)" / "X in Y" chains, a province by its position in a chain, the
dateline a report opens with, and a name presented as a place elsewhere in the text."""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.places.gazetteer.index import Gazetteer
from eventwire.pipeline.places.gazetteer.lexicon import Lexicon
from eventwire.pipeline.places.gazetteer.mentions import PLACE_LABELS, Mention
from eventwire.pipeline.places.gazetteer.normalize import fold
from eventwire.pipeline.places.gazetteer.trim import province_first
from eventwire.records import Document

_LINK_RE = re.compile(r"^\s*(?:[,(]|\bin\b|\bof\b|-)?\s*(?:the\s+)?(?:[,(]\s*)?$", re.IGNORECASE)


def link(mentions: list[Mention], doc: Document, lex: Lexicon) -> None:
    """Attach "X, Y" / "X (Y)" / "X in Y" / "X city, Y governorate" chains."""
    feature = lex.admin | lex.part | lex.town | {"the"}
    for k in range(len(mentions) - 1):
        a, b = mentions[k], mentions[k + 1]
        after = mentions[k + 2] if k + 2 < len(mentions) else None
        if a.sentence != b.sentence:
            continue
        gap = doc.text[a.end : b.start]
        words = gap.split()
        kept = " ".join(w for w in words if w.strip(",()").lower() not in feature)
        # the same, a feature word's punctuation kept ("(Sepahijala district, ")
        marks = " ".join(
            w if w.strip(",()").lower() not in feature else w.strip(_WORD) for w in words
        )
        zone = after is not None and fold(after.text) == fold(b.text)
        if len(gap) <= 40 and (_LINK_RE.match(" " + kept) or _unknown_between(marks, lex, zone)):
            a.parent = b
            b.children.append(a)
        elif _COMPOUND_REST_RE.match(gap) and "(" in doc.text[max(0, a.start - 2) : a.start]:
            a.parent = b  # "Bria (Samba-Boungou, Haute-Kotto)": Samba-Boungou lies in Haute-Kotto
            b.children.append(a)
        elif a.hint is not None and len(gap) <= 60 and unknown_listed(gap, lex, feature, b):
            a.parent = b  # "Cibatu subdistrict, South Cikarang district": the next area
            b.children.append(a)


_COMPOUND_REST_RE = re.compile(r"^[-‐][A-Z][\w'’]*\s*,\s*$")
# "X (Badhaadhe, Lower Juba)", "X (East Hararghe, Oromia)": an area the gazetteer lacks
# between a place and its province; "X (Western Tigray, Tigray)": a qualified province
_WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'’-"
_UNKNOWN_AREA_RE = re.compile(r"^\s*\(\s*(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*\s*,\s*$")


def _unknown_between(kept: str, lex: Lexicon, zone: bool) -> bool:
    """Does the gap between two mentions (feature words removed) hold only an opened
    parenthesis and one area name the gazetteer does not know ("(Badhaadhe, "), or, when
    the next name is a zone of the province named after it (``zone``: "(Western Tigray,
    Tigray)"; "(North Gondar, Amhara)" is no city of Gondar), its direction word?"""
    if _UNKNOWN_AREA_RE.match(kept):
        return True
    word = kept.strip()
    return zone and word[:1] == "(" and word[1:].strip().lower() in lex.qualifier


def unknown_listed(gap: str, lex: Lexicon, feature: set[str] | frozenset[str], b: Mention) -> bool:
    """Is the gap between two names of an area list, the first told by its kind word, only
    a comma and what the gazetteer lacks of the next link ``b``: the direction word of a
    city or district ("Cilincing district, North Jakarta City"; "Medan city, North Sumatera
    province" names another province than Sumatera), or one more area told by its own kind
    word ("Sindang Jaya sub-district, Mandalajati district, Bandung City")?"""
    head, comma, rest = gap.partition(",")
    if not comma or any(w.lower() not in feature for w in head.split()):
        return False
    words = rest.split()
    if len(words) == 1:
        return words[0].lower() in lex.qualifier and b.hint != "admin"
    if not words or not rest.rstrip().endswith(","):
        return False
    *name, kind = [w.strip(",") for w in words]
    return (
        1 <= len(name) <= 3
        and all(w[:1].isupper() for w in name)
        and kind.lower() in feature - {"the"}
    )


def mark_echoes(mentions: list[Mention]) -> None:
    """Mark every mention of a name the text presents as a place somewhere ("drove them to
    Kharkiv ... Kharkiv was shelled": the second Kharkiv, even labelled ORG, is a place)."""
    placed = {
        fold(m.text)
        for m in mentions
        if not m.partial
        and (
            m.ner in PLACE_LABELS
            or (m.cue is not None and m.cue != "of")
            or m.hint is not None
            or m.parent is not None
        )
    }
    for m in mentions:
        if not m.partial and not m.modifier and fold(m.text) in placed:
            m.echo = True


DATELINE_AGENCIES: frozenset[str] = words("gazetteer", "dateline_agencies")
_DATELINE_AFTER = re.compile(
    r"^\s*(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\b[^\n]{0,20}?\s*[-–—:]"
    r"|\((?P<agency>[^()\n]{1,30})\)\s*[-–—:]?|\s*[-–—:]\s"
    # "MOKHA, Yemen -", "QUITO, Ecuador (AP) -": the town, then its country (or province)
    r"|,\s*[A-Z][a-z'’.]+(?:\s+[A-Z][a-z'’.]+){0,2}\s*(?:\([^()\n]{1,30}\)\s*)?[-–—:]\s)"
)


def mark_datelines(mentions: list[Mention], doc: Document) -> None:
    """Mark the place a report opens with as its dateline ("BEIRUT (Reuters) -",
    "KABUL, May 3 -"): the filing place, often not where the events happened."""
    for m in mentions[:2]:
        head = doc.text[: m.start]
        line_start = head.rfind("\n") + 1
        if head[line_start:].strip() or m.start > 200:
            continue
        after = _DATELINE_AFTER.match(doc.text[m.end : m.end + 60])
        if after is None:
            continue
        agency = after.group("agency")
        if m.text.isupper() or (agency and agency.strip().lower() in DATELINE_AGENCIES):
            m.dateline = True


def admin_positions(mentions: list[Mention], doc: Document, gaz: Gazetteer) -> None:
    """A name in the middle of "X, Y, Country" or at the end of "(X, Y)" is a province."""
    for m in mentions:
        if m.hint is not None:
            continue
        before = doc.text[max(0, m.start - 2) : m.start]
        after = doc.text[m.end : m.end + 1]
        opens = before.endswith("(") and after == ")"  # "La Plata (Buenos Aires)"
        if not (before.endswith(", ") or before.endswith(",") or opens):
            continue
        parent = m.parent
        in_country = parent is not None and any(
            gaz.feature(c.index) == "country" and c.flag == 2 for c in gaz.lookup(parent.text)
        )
        in_parens = after == ")" and "(" in doc.text[max(0, m.start - 60) : m.start]
        readings = gaz.lookup(m.text, loose=False)
        if (in_country or in_parens) and any(
            gaz.feature(c.index) in ("admin1", "admin2") for c in readings
        ):
            m.hint = "admin"
        elif m.children and after in (",", ".", ";") and province_first(gaz, readings):
            # "in Escobedo, Nuevo Leon, a man...": the name closing an "X, Y" pair is a
            # province when its most populous reading is one
            m.hint = "admin"
