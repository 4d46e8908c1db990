"""The package's layers read top-down: no import cycles (function-level imports
included), `nlp/` never imports `resolve/` and `resolve/` never imports `nlp/`, and the
bottom services (names, geo, lexicons, learn) import neither."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import newsgraph

ROOT = Path(newsgraph.__file__).parent
BOTTOM = ("newsgraph.names", "newsgraph.geo", "newsgraph.lexicons", "newsgraph.learn")


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _targets(path: Path, modules: set[str]) -> set[str]:
    """Every newsgraph module `path` imports, at any depth of its code."""
    name = _module(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    return _imports(path.read_text(encoding="utf-8"), name, package, modules)


def _imports(source: str, name: str, package: str, modules: set[str]) -> set[str]:
    """The newsgraph modules `source` (module `name` in `package`) imports: ast.walk
    visits every node, so imports inside functions and classes count."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("newsgraph")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                src = ".".join(base + ([node.module] if node.module else []))
            else:
                src = node.module or ""
            if not src.startswith("newsgraph"):
                continue
            for alias in node.names:
                sub = f"{src}.{alias.name}"
                out.add(sub if sub in modules else src)
    return {t for t in out if t in modules and t != name}


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    paths = [p for p in ROOT.rglob("*.py")]
    modules = {_module(p) for p in paths}
    return {_module(p): _targets(p, modules) for p in paths}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles(graph: dict[str, set[str]]) -> None:
    # a package's __init__ re-exporting its own modules is not a cycle of logic
    flat = {m: {t for t in ts if not (m.startswith(t + ".") and graph.get(t) is not None
                                      and m in graph[t])}
            for m, ts in graph.items()}
    assert _cycles(flat) == []


@pytest.mark.parametrize(("layer", "forbidden"), [
    ("newsgraph.nlp", "newsgraph.resolve"),
    ("newsgraph.resolve", "newsgraph.nlp"),
    *[(b, f) for b in BOTTOM for f in ("newsgraph.nlp", "newsgraph.resolve", "newsgraph.store")],
])
def test_layers_point_one_way(graph: dict[str, set[str]], layer: str, forbidden: str) -> None:
    wrong = sorted(f"{m} -> {t}" for m, ts in graph.items() if m.startswith(layer)
                   for t in ts if t == forbidden or t.startswith(forbidden + "."))
    assert wrong == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_imports_inside_functions_count() -> None:
    modules = {"newsgraph.x.a", "newsgraph.x.b", "newsgraph.y"}
    source = "def late():\n    from .b import thing\n    import newsgraph.y\n"
    assert _imports(source, "newsgraph.x.a", "newsgraph.x", modules) == {"newsgraph.x.b",
                                                                        "newsgraph.y"}
    back = _imports("class C:\n    def m(self):\n        from .a import f\n",
                    "newsgraph.x.b", "newsgraph.x", modules)
    assert _cycles({"newsgraph.x.a": {"newsgraph.x.b"}, "newsgraph.x.b": back}) == [
        ["newsgraph.x.a", "newsgraph.x.b"]]
