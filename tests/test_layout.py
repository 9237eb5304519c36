"""The shape of the source tree: module and function sizes, loose modules, import cycles.

* no module under ``src/eventwire`` has more than 500 lines;
* at most 8 modules sit directly in ``src/eventwire`` (the rest live in packages);
* no function has more than 80 lines unless a ``# long:`` comment on its ``def`` line or
  the line above (or above its decorators) says why. A function's length runs from its
  ``def`` to its last line; functions nested in it (Typer commands inside
  ``register(app)``) are measured on their own and not counted twice;
* no import cycle among the eventwire modules (``tools/import_cycles.py``), counting
  function-local and ``TYPE_CHECKING`` imports.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "eventwire"
MAX_MODULE_LINES = 500
MAX_LOOSE_MODULES = 8
MAX_FUNCTION_LINES = 80
REASON = "# long:"

Function = ast.FunctionDef | ast.AsyncFunctionDef


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _nested(node: ast.AST) -> Iterator[Function | ast.ClassDef]:
    """The functions and classes defined inside ``node`` (not inside those again)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield child
        else:
            yield from _nested(child)


def _span(node: ast.AST) -> int:
    start = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
    return (node.end_lineno or node.lineno) - start + 1


def function_lines(node: Function) -> int:
    """Lines from ``def`` to the function's last line, less its nested definitions."""
    own = (node.end_lineno or node.lineno) - node.lineno + 1
    return own - sum(_span(inner) for inner in _nested(node))


def long_functions(source: str, limit: int = MAX_FUNCTION_LINES) -> list[tuple[str, int, int]]:
    """``(name, line, length)`` of every function over ``limit`` lines without a reason."""
    lines = source.splitlines()
    found: list[tuple[str, int, int]] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        length = function_lines(node)
        if length <= limit:
            continue
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        around = [lines[node.lineno - 1], *lines[max(0, first - 2) : first - 1]]
        around += lines[max(0, node.lineno - 2) : node.lineno - 1]
        if not any(REASON in line for line in around):
            found.append((node.name, node.lineno, length))
    return found


def test_no_module_over_500_lines() -> None:
    too_long = {
        str(path.relative_to(PACKAGE)): n
        for path in _modules()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not too_long, f"modules over {MAX_MODULE_LINES} lines: {too_long}"


def test_few_loose_modules() -> None:
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(loose) <= MAX_LOOSE_MODULES, f"{len(loose)} modules in src/eventwire: {loose}"


def test_no_long_function_without_a_reason() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{line} {name} ({length} lines)"
        for path in _modules()
        for name, line, length in long_functions(path.read_text(encoding="utf-8"))
    ]
    assert not found, (
        f"functions over {MAX_FUNCTION_LINES} lines: split them into named steps, or say "
        f"why one stays whole in a '{REASON}' comment on the def line or the line above:\n"
        + "\n".join(found)
    )


def test_long_function_check_sees_length_and_reasons() -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(80))
    plain = f"def f() -> None:\n{body}"
    assert long_functions(plain) == [("f", 1, 81)]
    assert long_functions(f"# long: one table, read top to bottom\n{plain}") == []
    assert long_functions(plain.replace("-> None:", "-> None:  # long: a table")) == []
    assert long_functions(f"def f() -> None:\n{body[: -len('    x79 = 79') - 1]}") == []
    inner = body.replace("    ", "        ")
    outer = f"def register() -> None:\n    @app\n    def g() -> None:\n{inner}"
    assert long_functions(outer) == [("g", 3, 81)]
    assert long_functions(outer.replace("    @app", "    # long: why\n    @app")) == []


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "import_cycles", ROOT / "tools" / "import_cycles.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("import_cycles", module)
    spec.loader.exec_module(module)
    return module


def test_cycle_finder_reports_cycles() -> None:
    tool = _load_tool()
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert tool.strongly_connected(edges) == [["a", "b", "c"], ["e"]]
    assert tool.shortest_loop(edges, "a", {"a", "b", "c"}) == ["a", "b", "c", "a"]
    assert tool.report({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles() -> None:
    tool = _load_tool()
    lines = tool.report(tool.import_graph("eventwire"))
    assert not lines, "import cycles among eventwire modules:\n" + "\n".join(lines)
