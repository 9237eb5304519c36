"""List every import cycle among the eventwire modules; exit 1 when there is one.

Every import counts: module level, function-local (lazy) and ``if TYPE_CHECKING:`` ones,
since each is a dependency of one module on another. The import graph comes from grimp
(the library behind import-linter). A cycle is reported as its strongly connected
component (the modules that all reach each other) with the imports inside it, and one
shortest loop through the component as an example.

    python tools/import_cycles.py            # prints nothing and exits 0 when acyclic
    python tools/import_cycles.py --package eventwire.pipeline
"""

from __future__ import annotations

import argparse
import sys
from collections import deque
from collections.abc import Mapping, Sequence

import grimp


def import_graph(package: str) -> dict[str, set[str]]:
    """``{module: modules it imports}`` for every module under ``package``."""
    graph = grimp.build_graph(package.split(".")[0], cache_dir=None)
    mods = {m for m in graph.modules if m == package or m.startswith(package + ".")}
    return {m: set(graph.find_modules_directly_imported_by(m)) & mods for m in sorted(mods)}


def strongly_connected(edges: Mapping[str, set[str]]) -> list[list[str]]:
    """The components of more than one module, or of one module importing itself (Tarjan,
    iterative so that a deep graph cannot hit the recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work: list[tuple[str, list[str]]] = [(root, sorted(edges[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, todo = work[-1]
            if todo:
                nxt = todo.pop(0)
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, sorted(edges[nxt])))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    comp.append(member)
                    if member == node:
                        break
                if len(comp) > 1 or node in edges[node]:
                    found.append(sorted(comp))
    return sorted(found)


def shortest_loop(edges: Mapping[str, set[str]], start: str, within: set[str]) -> list[str]:
    """The shortest import loop from ``start`` back to itself inside one component."""
    parent: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in sorted(edges[node] & within):
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return [*reversed(path), start]
            if nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return [start]


def report(edges: Mapping[str, set[str]]) -> list[str]:
    """Lines describing every cycle (empty when the graph is acyclic)."""
    lines: list[str] = []
    for comp in strongly_connected(edges):
        members = set(comp)
        lines.append(f"cycle among {len(comp)} modules: " + " ".join(comp))
        for module in comp:
            for target in sorted(edges[module] & members):
                lines.append(f"    {module} -> {target}")
        lines.append("    e.g. " + " -> ".join(shortest_loop(edges, comp[0], members)))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", default="eventwire", help="package to check")
    args = parser.parse_args(argv)
    lines = report(import_graph(args.package))
    for line in lines:
        print(line)
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
