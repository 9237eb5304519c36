"""Write one benchmark's section of bench/RESULTS.md, leaving every other section alone.

Each script owns the text between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->``; a
missing section is appended under its heading.
"""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def replace_section(text: str, name: str, body: str, heading: str | None = None) -> str:
    """Return ``text`` with section ``name`` holding ``body`` (appended when absent)."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        return head + block + rest.split(end, 1)[1]
    title = f"## {heading}\n" if heading else ""
    top = text.rstrip() + "\n\n" if text.strip() else "# eventwire — measured results\n\n"
    return top + title + block + "\n"


def write_section(name: str, body: str, heading: str | None = None, path: Path = RESULTS) -> None:
    """Replace section ``name`` of the results file (bench/RESULTS.md by default)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(replace_section(text, name, body, heading), encoding="utf-8")
