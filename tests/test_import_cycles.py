"""No import circles in kjlint: a module that needs another that needs it back is one module
split in the wrong place (and a lazy import only hides the circle until someone moves it).

The graph is read from the sources: every `import` and `from … import` of a kjlint module, at
module level or inside a function, except under `if TYPE_CHECKING:`. Circles that existed when
this test was written are listed in KNOWN_CYCLES, each with the reason it is still there; the
test fails on any other, and on a known one that has been removed (so the list only shrinks).
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kjlint"

# Each entry: the modules of one strongly connected component, as it is today.
KNOWN_CYCLES: list[frozenset[str]] = [
    # One component made of the circles the lead will split:
    # - the catalog builds rules through ruletypes, whose checkers (checks.structure, and
    #   checks.layout which it uses) read the catalog's profiles back;
    # - the disk cache reaches findings through fixes (diskcache -> fixes -> findings), findings
    #   place Word findings through wordplace, which uses checks.structure and document, and
    #   document, normalize and the checks cache through diskcache. (Issue #14's diskcache <->
    #   regexinfo circle is gone: regexinfo no longer imports diskcache.)
    frozenset({"kjlint.catalog", "kjlint.ruletypes", "kjlint.checks.structure", "kjlint.checks.layout",
               "kjlint.diskcache", "kjlint.document", "kjlint.findings", "kjlint.fixes", "kjlint.normalize",
               "kjlint.wordplace"}),
    # reading dispatches .docx files to docx, which reads plain parts back through reading.
    frozenset({"kjlint.docx", "kjlint.reading"}),
]


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


def test_the_import_graph_finds_a_circle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset("abc")]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_kjlint_has_no_import_circles_but_the_known_ones():
    graph = import_graph()
    assert "kjlint.dedupe.method.run" in graph and "kjlint.dedupe.engines.base" in graph["kjlint.dedupe.method.run"]
    found = cycles(graph)
    new = [sorted(c) for c in found if c not in KNOWN_CYCLES]
    assert not new, f"import circles: {new}"
    gone = [sorted(c) for c in KNOWN_CYCLES if c not in found]
    assert not gone, f"known circles no longer there, remove them from KNOWN_CYCLES: {gone}"
