"""The ```python blocks of docs/python-api.md run, in order, in an empty folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parent.parent / "docs" / "python-api.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)  # ```python skip is not run


def blocks() -> list[str]:
    return BLOCK.findall(DOC.read_text(encoding="utf-8"))


def test_docs_have_examples() -> None:
    assert len(blocks()) >= 4


def test_python_api_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "docs_example"}
    for number, code in enumerate(blocks(), 1):
        try:
            exec(compile(code, f"{DOC.name} block {number}", "exec"), namespace)
        except Exception as exc:
            raise AssertionError(f"docs/python-api.md block {number} failed: {exc!r}") from exc


README = DOC.parent.parent / "README.md"


def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's Python example runs from a copy of the bundled example reports."""
    import shutil

    (code,) = BLOCK.findall(README.read_text(encoding="utf-8"))
    shutil.copytree(README.parent / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md python block", "exec"), {"__name__": "readme_example"})
    assert (tmp_path / "demo.duckdb").exists()
