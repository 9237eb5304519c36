"""The non-conflict snippet benchmark (bench/snippets.py) on files of our own: how snippets
are drawn (seeded, split by article id, cut to a few sentences) and how the table counts.
Also the shape of the third long-article set (tests/data/news_articles/articles3.jsonl)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from eventwire.evaluate.split import split_of
from snippets import (  # bench/snippets.py (bench/ is on sys.path, see conftest.py)
    MAX_SENTENCES,
    Hit,
    Snippet,
    _shorten,
    bbc_snippets,
    cameo_snippets,
    rate_table,
)

ARTICLES3 = Path(__file__).parent / "data" / "news_articles" / "articles3.jsonl"
PARAGRAPHS = [
    "The club signed a new striker on Friday after a long search for a forward.",
    "He scored twice in his first match. The fans sang his name. The coach smiled. "
    "The chairman said the fee was fair.",
    "Short.",
    "Tickets for the next home game went on sale on Monday morning at the club shop.",
]


def _bbc_file(tmp_path: Path) -> Path:
    path = tmp_path / "bbc.jsonl"
    rows = [
        {"id": f"bbc-{section}-{n:03d}", "title": "t", "text": "\n".join(PARAGRAPHS)}
        for section in ("sport", "business", "politics")
        for n in range(6)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_shorten_keeps_the_first_sentences() -> None:
    cut = _shorten(PARAGRAPHS[1])
    assert cut.startswith("He scored twice") and cut.count(".") == MAX_SENTENCES


def test_bbc_snippets_are_seeded_split_by_article_and_skip_politics(tmp_path: Path) -> None:
    path = _bbc_file(tmp_path)
    first = bbc_snippets(path, per_section=4, per_article=2, seed=3)
    assert first == bbc_snippets(path, per_section=4, per_article=2, seed=3)
    assert {s.group for s in first} == {"bbc-sport", "bbc-business"}
    assert len(first) == 2 * 4 * 2
    for s in first:
        article = s.id.split("#")[0]
        assert s.split == split_of(article)
        assert s.text and "Short." not in s.text
    other = bbc_snippets(path, per_section=4, per_article=2, seed=4)
    assert [s.id for s in other] != [s.id for s in first] or len(first) == 0


def test_cameo_snippets_leave_out_material_conflict(tmp_path: Path) -> None:
    path = tmp_path / "cameo.jsonl"
    rows = [{"id": f"p-{k}", "text": f"Sentence {k}.", "gold": {"penta": k}} for k in range(5)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    got = cameo_snippets(path)
    assert [s.id for s in got] == ["p-0", "p-1", "p-2", "p-3"]
    assert got[3].group == "cameo-verbal conflict"


def test_rate_table_counts_per_group_and_in_all() -> None:
    snippets = [
        Snippet("a", "bbc-sport", "dev", "x"),
        Snippet("b", "bbc-sport", "dev", "y"),
        Snippet("c", "cameo-statement", "dev", "z"),
        Snippet("d", "cameo-statement", "heldout", "w"),
    ]
    hits = {"a": Hit(snippets[0], "Attack", "shot", "rule")}
    table = "\n".join(rate_table(snippets, hits, "dev"))
    assert "| bbc-sport | 2 | 1 | 50.0% |" in table
    assert "| cameo-statement | 1 | 0 | 0.0% |" in table
    assert "| **all** | 3 | 1 | 33.3% |" in table


def test_third_article_set_is_well_formed() -> None:
    rows = [json.loads(line) for line in ARTICLES3.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 10 and len({r["id"] for r in rows}) == 10
    assert sum(len(r["gold"]) for r in rows) == 10
    assert sum(not r["gold"] for r in rows) == 4
    for row in rows:
        published = date.fromisoformat(row["date"])
        assert len(row["text"].split()) > 250
        for g in row["gold"]:
            assert g["event_type"] and g["sub_event_type"] and g["location"]
            assert -90 <= g["latitude"] <= 90 and -180 <= g["longitude"] <= 180
            assert 0 <= (published - date.fromisoformat(g["date"])).days <= 7
