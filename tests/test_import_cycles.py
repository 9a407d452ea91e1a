"""No import circles in kjlint: a module that needs another that needs it back is one module
split in the wrong place (and a lazy import only hides the circle until someone moves it).

The graph is read from the sources: every `import` and `from … import` of a kjlint module, at
module level or inside a function, except under `if TYPE_CHECKING:`. The test fails on any circle
and names the modules in it.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kjlint"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_package(name: str) -> bool:
    return (PACKAGE.parent / Path(*name.split(".")) / "__init__.py").exists()


def exists(name: str) -> bool:
    base = PACKAGE.parent / Path(*name.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def imports_of(path: Path) -> set[str]:
    """kjlint modules `path` imports (a `from pkg import name` names the submodule when one exists)."""
    here = module_name(path)
    package = here if is_package(here) else here.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = set()
    for node in ast.walk(tree):  # `if TYPE_CHECKING:` blocks import for annotations only
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "kjlint")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "kjlint":
                continue
            subs = [f"{target}.{a.name}" for a in node.names if exists(f"{target}.{a.name}")]
            found.update(subs)
            if len(subs) < len(node.names):
                found.add(target)
    found.discard(here)
    return {m for m in found if exists(m)}


def import_graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(frozenset(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def shortest_circle(graph: dict[str, set[str]], component: frozenset[str]) -> list[str]:
    """One circle through the component's first module, as a path that ends where it starts:
    the imports to look at (a component can hold many circles)."""
    start = min(component)
    paths = {start: [start]}
    queue = [start]
    for v in queue:
        for w in sorted(graph.get(v, set()) & component):
            if w == start:
                return paths[v] + [start]
            if w not in paths:
                paths[w] = paths[v] + [w]
                queue.append(w)
    raise ValueError(f"{sorted(component)} is no circle")


def test_the_import_graph_finds_a_circle():
    graph = {"a": {"b"}, "b": {"c", "a"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [frozenset("abc")]
    assert shortest_circle(graph, frozenset("abc")) == ["a", "b", "a"]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_kjlint_has_no_import_circles():
    graph = import_graph()
    assert "kjlint.dedupe.method.run" in graph and "kjlint.engines.base" in graph["kjlint.dedupe.method.run"]
    assert "kjlint.docx" in graph["kjlint.reading"]  # read_document's function-level import is seen
    assert "kjlint.wordplace" not in graph["kjlint.findings"]  # an import for annotations only is not
    found = [" -> ".join(shortest_circle(graph, c)) for c in cycles(graph)]
    assert not found, "import circles:\n" + "\n".join(found)
