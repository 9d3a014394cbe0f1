"""No import circles: the modules of crdesk (and of tools/) import each other one way only.

Every ``import`` counts, wherever it is written: at the top, inside a function (a lazy
import still ties the two modules together) and under ``if TYPE_CHECKING:`` (a type-only
import is still a circle in the design). ``from a.b import c`` is an edge to the module
``a.b.c`` when there is one, otherwise to ``a.b``; the parent packages' ``__init__`` are
not counted as imported (as import-linter's graph does).
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("crdesk", "tools")

# Circles that are being removed elsewhere; each entry is one strongly connected group.
KNOWN_CYCLES: dict[frozenset[str], str] = {}


def module_files(root: Path, packages: tuple[str, ...] = PACKAGES) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            files[".".join(parts)] = path
    return files


def _known_module(name: str, modules: dict[str, Path]) -> str | None:
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of ``modules`` that the module ``name`` (file ``path``) imports."""
    targets: set[str | None] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(_known_module(a.name, modules) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name if path.name == "__init__.py" else name.rpartition(".")[0]
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                source = f"{base}.{node.module}" if node.module else base
            else:
                source = node.module or ""
            for alias in node.names:
                sub = f"{source}.{alias.name}"
                targets.add(sub if sub in modules else _known_module(source, modules))
    targets.discard(None)
    targets.discard(name)
    return {t for t in targets if t is not None}


def import_graph(root: Path = REPO, packages: tuple[str, ...] = PACKAGES) -> dict[str, set[str]]:
    modules = module_files(root, packages)
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def _describe(group: list[str], graph: dict[str, set[str]]) -> str:
    members = set(group)
    edges = [f"{a} -> {b}" for a in group for b in sorted(graph[a] & members)]
    return "\n  ".join(edges)


def test_no_import_cycles() -> None:
    graph = import_graph()
    new = [g for g in cycles(graph) if frozenset(g) not in KNOWN_CYCLES]
    assert new == [], "import circles:\n  " + "\n\n  ".join(_describe(g, graph) for g in new)


def test_known_cycles_still_exist() -> None:
    # When a known circle is gone, delete it from KNOWN_CYCLES so that it cannot come back.
    present = {frozenset(g) for g in cycles(import_graph())}
    stale = [why for group, why in KNOWN_CYCLES.items() if group not in present]
    assert stale == [], f"no longer circles, delete from KNOWN_CYCLES: {stale}"


def test_the_checker_sees_every_kind_of_import(tmp_path: Path) -> None:
    pkg = tmp_path / "crdesk"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from crdesk.sub import b\n")
    (pkg / "sub" / "b.py").write_text("def f():\n    from . import c\n")
    (pkg / "sub" / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import crdesk.a\n")
    (pkg / "d.py").write_text("import crdesk.sub.c\n")
    graph = import_graph(tmp_path, ("crdesk",))
    assert graph["crdesk.a"] == {"crdesk.sub.b"}
    assert graph["crdesk.sub.b"] == {"crdesk.sub.c"}
    assert graph["crdesk.sub.c"] == {"crdesk.a"}
    assert cycles(graph) == [["crdesk.a", "crdesk.sub.b", "crdesk.sub.c"]]


def test_the_shipped_package_imports_no_developer_tool() -> None:
    graph = import_graph()
    offenders = sorted(f"{a} -> {b}" for a, targets in graph.items() if a.startswith("crdesk")
                       for b in targets if not b.startswith("crdesk"))
    assert offenders == []
