"""The coder's hot loops before and after issue 22's second pass, in one process (CPU s).

    python bench/hot_loops.py                  # 200 BBC articles, 3 repeats, prints a table
    python bench/hot_loops.py --limit 400 --repeats 5

Parses the candidate sentences of the first ``--limit`` BBC articles once (as the pipeline
does), then times, alternately and in CPU seconds of this process:

* ``classes_in`` (the cue classes of a sentence) over every parse, as it is now (a
  word -> classes index, phrases tried only where their first word is) and as it was
  (every class's word set intersected with every token's keys, every phrase tried at every
  position); the answers are compared and must be equal;
* ``normalise`` (the actor dictionary's matching key) over every capitalised 1..8-word run
  of the texts (what the places stage's actor cues look up), now (memoised, ASCII shortcut)
  and as it was (NFKD and a per-character scan of every string, no cache);
* ``nlp.pipe`` over the candidate sentences 16 documents at a time, with the old batch
  size (64) and the new one (256); the parses (tags, heads, labels, lemmas, entities) must
  be equal.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
BBC = SHARED / "corpus" / "news" / "bbc_news.jsonl"
_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,7}")


def cpu(fn: Callable[[], Any]) -> tuple[float, Any]:
    """CPU seconds of this process spent in ``fn()``, and its answer."""
    started = time.process_time()
    answer = fn()
    return time.process_time() - started, answer


def classes_by_scan(tokens: list[Any], lexicon: Any) -> set[str]:
    """``classes_in`` as it was: every class tried at every token and phrase position."""
    from eventwire.pipeline.events.triggers import NAME_BLIND_CLASSES, find_phrases, token_keys

    skipped: set[int] = set()
    for start, end in find_phrases(tokens, lexicon.masks):
        skipped.update(t.i for t in tokens[start:end])
    keys = [token_keys(t) if t.i not in skipped else frozenset() for t in tokens]
    plain = [
        frozenset() if t.pos_ == "PROPN" and t.is_title else k
        for t, k in zip(tokens, keys, strict=True)
    ]
    every: set[str] = set().union(*keys) if keys else set()
    present: set[str] = set()
    for name, cls in lexicon.classes.items():
        if any(k & cls.words for k in (plain if name in NAME_BLIND_CLASSES else keys)):
            present.add(name)
            continue
        for p in cls.phrases:
            if (
                p
                and p[0] in every
                and any(
                    all(p[k] in keys[i + k] for k in range(len(p)))
                    for i in range(len(tokens) - len(p) + 1)
                )
            ):
                present.add(name)
                break
    return present


def normalise_before(text: str) -> str:
    """``actordict.normalise`` as it was (no cache, NFKD for every string)."""
    from eventwire.pipeline.common import actordict

    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’`ʿʼ‘]", "", text.lower())
    drop = actordict._DROP_TOKENS
    return " ".join(w for w in actordict._WORD.findall(text) if w not in drop)


def signature(doc: Any) -> list[tuple[Any, ...]]:
    """What the later stages read of a parse."""
    return [
        (t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_type_, t.ent_iob_) for t in doc
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    if not BBC.is_file():
        print(f"skipped: {BBC} not found")
        return 0
    from eventwire.config import load_settings
    from eventwire.pipeline.base import Pipeline
    from eventwire.pipeline.common.actordict import normalise
    from eventwire.pipeline.events.triggers import classes_in
    from eventwire.pipeline.nlp.stage import split_sentences
    from eventwire.records import Document

    with BBC.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh][: args.limit]
    pipeline = Pipeline.from_settings(load_settings())
    names = [s.name for s in pipeline.stages]
    nlp_stage: Any = pipeline.stages[names.index("eventwire.nlp.v1")]
    lexicon = next(s for s in pipeline.stages if s.name.startswith("eventwire.events")).lexicon  # type: ignore[attr-defined]
    per_doc: list[list[str]] = []
    for text in texts:
        doc = Document(text=text)
        for stage in pipeline.stages[: names.index("eventwire.nlp.v1")]:
            doc = stage(doc)
        sentences = split_sentences(nlp_stage.sentencizer, doc.text, doc.segments or [])
        per_doc.append([s.text[:2000] for s in sentences if nlp_stage.is_candidate(s.text)])
    nlp = nlp_stage.nlp
    parses = [list(p) for p in nlp.pipe([s for d in per_doc for s in d], batch_size=256)]
    runs = [m.group() for t in texts for m in _RUN.finditer(t)]
    grams = [" ".join(r.split()[:n]) for r in runs for n in range(1, len(r.split()) + 1)]

    def parse(batch: int) -> list[Any]:
        out: list[Any] = []
        for i in range(0, len(per_doc), 16):
            chunk = [s for d in per_doc[i : i + 16] for s in d]
            out.extend(signature(p) for p in nlp.pipe(chunk, batch_size=batch))
        return out

    cases: dict[str, tuple[Callable[[], Any], Callable[[], Any]]] = {
        "classes_in": (
            lambda: [classes_by_scan(t, lexicon) for t in parses],
            lambda: [classes_in(t, lexicon) for t in parses],
        ),
        "normalise": (
            lambda: [normalise_before(g) for g in grams],
            lambda: (normalise.cache_clear(), [normalise(g) for g in grams])[1],
        ),
        "nlp.pipe 16 docs": (lambda: parse(64), lambda: parse(256)),
    }
    print(f"{len(texts)} BBC articles, {len(parses)} parsed sentences, {len(grams)} name runs")
    print("| hot loop | before CPU s | after CPU s | after ÷ before | same answers |")
    print("|---|---:|---:|---:|---|")
    for name, (before, after) in cases.items():
        times: dict[str, list[float]] = {"before": [], "after": []}
        same = True
        for _ in range(args.repeats):
            t0, a0 = cpu(before)
            t1, a1 = cpu(after)
            times["before"].append(t0)
            times["after"].append(t1)
            same = same and a0 == a1
        b, a = min(times["before"]), min(times["after"])
        print(f"| {name} | {b:.2f} | {a:.2f} | {a / b:.2f} | {'yes' if same else 'NO'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
