"""Interview turns: which paragraph is a question, which an answer, and who speaks it.

Interviews come in three shapes, all handled here:

* a byline "ASHLEY SMITH interviews ANAND GOPAL" followed by paragraphs where the
  interviewer's questions end with "?" and everything else is the interviewee's answer
  (often opened by an all-caps lead-in such as "VERY INEFFECTIVE.");
* labelled turns: "Q: …" / "A: …";
* name labels: "SMITH: …" / "GOPAL: …".

>>> is_question_text("WHAT ARE conditions like in Iraq today?")
True
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from eventwire.pipeline.common.cues import Cues

MAX_QUESTION_CHARS = 600  # a longer paragraph ending in "?" is an answer with a rhetorical question
_TRAILING = "\"'”’)]» \t\r\n"
_CAPS_LEAD = re.compile(r"^[\"“]?(?:[A-Z][A-Z'’.-]*\b[ ,]*){2,}")


@dataclass(slots=True)
class Turn:
    """A decided interview turn for one block."""

    kind: str  # "question" or "answer" or "body" (intro before the first question)
    speaker: str | None = None
    role: str | None = None


@dataclass(slots=True)
class InterviewCast:
    """Who asks and who answers, from a byline or labels."""

    interviewer: str | None = None
    interviewee: str | None = None
    labels: dict[str, str] = field(default_factory=dict)  # label name -> role


def display_name(name: str) -> str:
    """Title-case a name written in capitals ("ANAND GOPAL" -> "Anand Gopal")."""
    name = " ".join(name.split()).strip(" .:,;")
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return " ".join(w.capitalize() if w.isalpha() else w.title() for w in name.split())
    return name


def is_question_text(text: str, cues: Cues | None = None) -> bool:
    """A paragraph that asks: ends with "?" (and is not a long answer), or opens a request."""
    stripped = text.rstrip(_TRAILING)
    if not stripped:
        return False
    if stripped.endswith("?") and len(stripped) <= MAX_QUESTION_CHARS:
        return True
    return bool(cues and len(stripped) <= 300 and cues.question_openers.match(text.lstrip('"“ ')))


def has_caps_lead(text: str) -> bool:
    """True when the paragraph opens with two or more words in capitals ("VERY INEFFECTIVE.")."""
    return bool(_CAPS_LEAD.match(text))


def _label(text: str, cues: Cues) -> tuple[str, str] | None:
    """Return (kind, label) when a paragraph opens with a speaker label."""
    if cues.question_label.match(text):
        return "question", "Q"
    if cues.answer_label.match(text):
        return "answer", "A"
    m = cues.name_label.match(text)
    if m and len(m.group("name").split()) <= 3:
        return "name", m.group("name")
    return None


def _same_person(label: str, name: str | None) -> bool:
    if not name:
        return False
    label_words = {w.lower() for w in label.split()}
    return bool(label_words & {w.lower() for w in name.split()})


def looks_like_interview(texts: list[str], cues: Cues, cast: InterviewCast) -> bool:
    """Decide whether the body paragraphs form an interview."""
    if cast.interviewee or cast.interviewer:
        return True
    labels = [lab for t in texts if (lab := _label(t, cues))]
    if sum(1 for kind, _ in labels if kind == "question") >= 2:
        return True
    names = [name for kind, name in labels if kind == "name"]
    if len(names) >= 4 and len(set(names)) == 2:
        return True
    asks = [is_question_text(t, cues) for t in texts]
    answered = sum(1 for a, b in itertools.pairwise(asks) if a and not b)
    return answered >= 3 and sum(asks) / max(len(texts), 1) >= 0.15


def assign_turns(texts: list[str], cues: Cues, cast: InterviewCast) -> list[Turn]:
    """Give every body paragraph of an interview its turn (question/answer/intro body)."""
    turns: list[Turn] = []
    name_roles = _name_roles(texts, cues, cast)
    seen_question = False
    for text in texts:
        label = _label(text, cues)
        kind: str | None = None
        if label and label[0] in ("question", "answer"):
            kind = label[0]
        elif label and label[1] in name_roles:
            kind = "question" if name_roles[label[1]] == "interviewer" else "answer"
        elif is_question_text(text, cues):
            kind = "question"
        elif seen_question:
            kind = "answer"  # every paragraph after a question belongs to the answer turn
        if kind is None:
            turns.append(Turn("body"))
            continue
        if kind == "question":
            seen_question = True
            turns.append(Turn("question", cast.interviewer, "interviewer"))
        else:
            speaker = cast.interviewee
            if label and label[0] == "name" and name_roles.get(label[1]) == "interviewee":
                speaker = cast.interviewee or display_name(label[1])
            turns.append(Turn("answer", speaker, "interviewee"))
    return turns


def _name_roles(texts: list[str], cues: Cues, cast: InterviewCast) -> dict[str, str]:
    """Map name labels to roles: the byline decides, else the one who asks is the interviewer."""
    roles: dict[str, str] = {}
    asked: dict[str, int] = {}
    order: list[str] = []
    for text in texts:
        label = _label(text, cues)
        if not label or label[0] != "name":
            continue
        name = label[1]
        if name not in order:
            order.append(name)
        asked[name] = asked.get(name, 0) + int(is_question_text(text, cues))
    if len(order) < 2:
        return roles
    for name in order:
        if _same_person(name, cast.interviewer):
            roles[name] = "interviewer"
        elif _same_person(name, cast.interviewee):
            roles[name] = "interviewee"
    if not roles:
        asker = max(order, key=lambda n: (asked.get(n, 0), -order.index(n)))
        for name in order:
            roles[name] = "interviewer" if name == asker else "interviewee"
        if cast.interviewee is None:
            others = [n for n in order if n != asker]
            cast.interviewee = display_name(others[0]) if len(others) == 1 else None
        if cast.interviewer is None:
            cast.interviewer = display_name(asker)
    return roles
