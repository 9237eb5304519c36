"""Non-conflict news snippets: how often does a short piece of news that reports no conflict
yield an asserted violent event? (issue 15: "non-conflict news snippets with a violent event
≤ 15%").

    .venv/bin/python bench/snippets.py                 # dev snippets, full default pipeline
    .venv/bin/python bench/snippets.py --misses 40     # also print 40 dev hits to read
    .venv/bin/python bench/snippets.py --heldout       # dev and held-out (report once, at the end)

The set is drawn reproducibly (a fixed seed, no file order, no clock) from two corpus files:

- **BBC** (``../shared/corpus/news/bbc_news.jsonl``): the four non-conflict sections (sport,
  business, tech, entertainment; politics is left out, it discusses the Iraq war and terrorism
  trials). ``--per-section`` articles are sampled per section with ``--seed``; from each, up to
  ``--per-article`` paragraphs are picked with a seed of their own (seed and article id), and a
  paragraph longer than ``MAX_SENTENCES`` sentences keeps its first ones. Every snippet is its
  own document: the pipeline sees it with no title and no context.
- **CAMEO** (``../shared/corpus/dev/cameo_penta_dev.jsonl``): every news sentence whose gold
  pentaclass is *not* material conflict (0 statements, 1 verbal cooperation, 2 material
  cooperation, 3 verbal conflict: threats, demands, accusations, sanctions), one document each.

An article (and each of its snippets) or a CAMEO sentence is on the dev or held-out side by
:func:`eventwire.evaluate.split.split_of` of its id, so held-out snippets come from articles no
rule was written from. A snippet *has a violent event* when the pipeline gives it at least one
event whose ACLED type is violent (Battles, Explosions/Remote violence, Violence against
civilians, Riots) and whose modality is neither negated nor hypothetical, the test of
``bench/accuracy.py``'s BBC block. The script prints tables only; the figures go into
``bench/RESULTS.md`` by hand with the command that made them.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.config import load_settings
from eventwire.errors import EventwireError
from eventwire.evaluate.split import split_of
from eventwire.ontology import load_ontology
from eventwire.pipeline.base import Pipeline
from eventwire.records import Document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
BBC = CORPUS / "news" / "bbc_news.jsonl"
CAMEO = CORPUS / "dev" / "cameo_penta_dev.jsonl"
SECTIONS = ("sport", "business", "tech", "entertainment")
CAMEO_CLASSES = {0: "statement", 1: "verbal coop.", 2: "material coop.", 3: "verbal conflict"}
MAX_SENTENCES = 3  # a snippet is a sentence or a short paragraph
MIN_CHARS = 40  # shorter paragraphs are captions, bylines, scores
PUBLISHED = date(2005, 6, 1)  # the corpus gives no dates; any fixed day will do
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘A-Z0-9])|(?<=[.!?][\"”’])\s+")


@dataclass(frozen=True)
class Snippet:
    """One snippet: its id, source group (``bbc-sport``, ``cameo-verbal conflict``…), split."""

    id: str
    group: str
    split: str
    text: str


def _shorten(paragraph: str) -> str:
    """A paragraph cut to its first ``MAX_SENTENCES`` sentences."""
    parts = [p for p in _SENTENCE_END.split(paragraph.strip()) if p]
    return " ".join(parts[:MAX_SENTENCES])


def bbc_snippets(
    path: Path = BBC, per_section: int = 150, per_article: int = 2, seed: int = 15
) -> list[Snippet]:
    """Paragraph snippets from a seeded sample of articles of the non-conflict sections."""
    by_section: dict[str, list[dict[str, str]]] = {s: [] for s in SECTIONS}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            section = str(row["id"]).split("-")[1]
            if section in by_section:
                by_section[section].append(row)
    out: list[Snippet] = []
    for section in SECTIONS:
        rows = sorted(by_section[section], key=lambda r: str(r["id"]))
        picked = random.Random(f"{seed}:{section}").sample(rows, min(per_section, len(rows)))
        for row in sorted(picked, key=lambda r: str(r["id"])):
            paras = [p for p in str(row["text"]).split("\n") if len(p.strip()) >= MIN_CHARS]
            rng = random.Random(f"{seed}:{row['id']}")
            chosen = sorted(rng.sample(range(len(paras)), min(per_article, len(paras))))
            split = split_of(str(row["id"]))
            for k in chosen:
                sid = f"{row['id']}#p{k}"
                out.append(Snippet(sid, f"bbc-{section}", split, _shorten(paras[k])))
    return out


def cameo_snippets(path: Path = CAMEO) -> list[Snippet]:
    """Every CAMEO sentence whose gold pentaclass is not material conflict."""
    out: list[Snippet] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            penta = int(row["gold"]["penta"])
            if penta in CAMEO_CLASSES:
                rid = str(row["id"])
                group = f"cameo-{CAMEO_CLASSES[penta]}"
                out.append(Snippet(rid, group, split_of(rid), str(row["text"])))
    return out


@dataclass(frozen=True)
class Hit:
    """A snippet that got a violent event: what the coder made of which word."""

    snippet: Snippet
    sub_event_type: str
    trigger: str
    rule: str


def violent_hit(snippet: Snippet, run: Callable[[Document], Document]) -> Hit | None:
    """The first asserted violent event the pipeline gives the snippet, if any."""
    doc = Document(
        text=snippet.text,
        published=PUBLISHED,
        source_id=snippet.id,
        published_source="record",
        input=snippet.id,
    )
    try:
        done = run(doc)
    except EventwireError:
        return None
    onto = load_ontology()
    for e in done.events:
        if onto.is_violent(e.acled_event_type) and e.modality not in {"negated", "hypothetical"}:
            trigger = e.trigger.text if e.trigger else ""
            return Hit(snippet, e.acled_sub_event_type or "", trigger, e.rule or "")
    return None


def rate_table(snippets: Iterable[Snippet], hits: dict[str, Hit], split: str) -> list[str]:
    """Share of snippets with a violent event, per group and in all, for one split."""
    by_group: dict[str, list[int]] = {}
    for s in snippets:
        if s.split == split:
            by_group.setdefault(s.group, []).append(int(s.id in hits))
    lines = [
        f"| {split}: source | snippets | with a violent event | share |",
        "|---|---:|---:|---:|",
    ]
    total = [flag for flags in by_group.values() for flag in flags]
    rows = [*sorted(by_group.items()), ("**all**", total)]
    bbc = [f for g, fl in by_group.items() if g.startswith("bbc") for f in fl]
    cameo = [f for g, fl in by_group.items() if g.startswith("cameo") for f in fl]
    rows[-1:-1] = [("all BBC", bbc), ("all CAMEO", cameo)]
    for group, flags in rows:
        if flags:
            share = sum(flags) / len(flags)
            lines.append(f"| {group} | {len(flags)} | {sum(flags)} | {share:.1%} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--per-section", type=int, default=150, help="BBC articles per section")
    parser.add_argument("--per-article", type=int, default=2, help="snippets per BBC article")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--heldout", action="store_true", help="also run held-out snippets")
    parser.add_argument("--misses", type=int, default=0, help="dev hits to print")
    parser.add_argument("--only", choices=("bbc", "cameo"), default=None)
    args = parser.parse_args(argv)
    if not BBC.is_file() or not CAMEO.is_file():
        print(f"corpus not found under {CORPUS}: nothing to measure")
        return 0
    snippets: list[Snippet] = []
    if args.only != "cameo":
        snippets += bbc_snippets(BBC, args.per_section, args.per_article, args.seed)
    if args.only != "bbc":
        snippets += cameo_snippets(CAMEO)
    splits = ("dev", "heldout") if args.heldout else ("dev",)
    pipeline = Pipeline.from_settings(load_settings())
    started = time.perf_counter()
    hits: dict[str, Hit] = {}
    for s in snippets:
        if s.split in splits and (hit := violent_hit(s, pipeline)) is not None:
            hits[s.id] = hit
    secs = time.perf_counter() - started
    print(f"{sum(s.split in splits for s in snippets)} snippets, {secs:.0f} s")
    for split in splits:
        print("", *rate_table(snippets, hits, split), sep="\n")
    dev_hits = [h for h in hits.values() if h.snippet.split == "dev"]
    for h in dev_hits[: args.misses]:
        print(f"\n{h.snippet.id} [{h.sub_event_type} <- {h.trigger!r} {h.rule}]")
        print(f"  {h.snippet.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
