"""Every docstring example of eventwire, and of the bench test-data generators, runs.

The examples are documentation that a reader copies, so they must stay true. An example that
cannot run here (it needs a network, a model download or a server) says so with
``# doctest: +SKIP``.
"""

from __future__ import annotations

import doctest
import importlib
import io
import pkgutil
from pathlib import Path
from types import ModuleType

import pytest

import eventwire

BENCH = Path(__file__).resolve().parents[1] / "bench"
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
# ``python -m eventwire`` runs the CLI when imported; it holds no examples
MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(eventwire.__path__, "eventwire.")
    if not info.name.endswith(".__main__")
)
GENERATORS = sorted(path.stem for path in BENCH.glob("synth_*.py"))


def run_examples(module: ModuleType) -> tuple[int, int, str]:
    """Run the doctests of one module: ``(failed, attempted, report of the failures)``."""
    out = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    for test in doctest.DocTestFinder().find(module, module.__name__):
        runner.run(test, out=out.write)
    result = runner.summarize(verbose=False)
    return result.failed, result.attempted, out.getvalue()


@pytest.mark.parametrize("name", MODULES + GENERATORS)
def test_module_examples_run(name: str) -> None:
    failed, _, report = run_examples(importlib.import_module(name))
    assert failed == 0, report


def test_the_examples_are_collected() -> None:
    # guards against a walk that silently finds nothing (a wrong path, a renamed package)
    assert len(MODULES) > 50 and {"synth_docs", "synth_events"} <= set(GENERATORS)
    attempted = run_examples(importlib.import_module("eventwire.records.document"))[1]
    assert attempted >= 3


def test_a_wrong_example_fails() -> None:
    module = ModuleType("broken_example", ">>> 1 + 1\n3\n")
    failed, attempted, report = run_examples(module)
    assert (failed, attempted) == (1, 1) and "Expected:\n    3" in report
