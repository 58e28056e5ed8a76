"""No import circles in src/peristiwa, between modules or between the packages one level below it.

A static scan of every `import` and `from ... import` (inside functions too: a deferred import is still a
dependency, only a hidden one). A package's `__init__` counts as the package. Imports under
`if TYPE_CHECKING:` are left out: they never run and serve annotations only.

Two graphs are checked: modules (peristiwa.events.coder -> peristiwa.events.lexicon), and the packages and
modules right under peristiwa (events -> actors), where a circle means two stages each need the other. A
circle is removed by moving the shared piece one floor down (peristiwa.util, peristiwa.ontology) under a
public name, or by handing the higher stage's result down as an argument.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT = "peristiwa"

Edges = dict[str, dict[str, list[str]]]  # module -> imported module -> ["file.py:line", ...]


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for path in sorted((SRC / ROOT).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        children = list(ast.iter_child_nodes(node))
        if isinstance(node, ast.If) and _type_checking(node):
            children = list(node.orelse)
        stack.extend(children)


def module_graph() -> Edges:
    mods = _modules()

    def known(name: str) -> str | None:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name or None

    edges: Edges = {}
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        out = edges.setdefault(name, {})
        where = str(path.relative_to(SRC))
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([base] if base else []))
                # "from peristiwa.places import rules" imports the module rules; "import places_in" the package
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in mods else base for a in node.names]
            for target in targets:
                hit = known(target) if target.startswith(ROOT) else None
                if hit is not None and hit != name:
                    out.setdefault(hit, []).append(f"{where}:{node.lineno}")
    return edges


def unit_graph(edges: Edges) -> Edges:
    """The graph of the packages and modules right under peristiwa (peristiwa.events, peristiwa.schema)."""
    def unit(name: str) -> str:
        return ".".join(name.split(".")[:2])

    out: Edges = {}
    for a, targets in edges.items():
        for b, lines in targets.items():
            ua, ub = unit(a), unit(b)
            out.setdefault(ua, {})
            out.setdefault(ub, {})
            if ua != ub:
                out[ua].setdefault(ub, []).extend(lines)
    return out


def circles(edges: Edges) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan, iterative), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(edges.get(root, {})))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(edges.get(w, {}))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    found.append(sorted(comp))
    return found


def _describe(edges: Edges, comps: list[list[str]]) -> str:
    lines = []
    for comp in comps:
        lines.append(" <-> ".join(comp))
        for a in comp:
            for b, where in sorted(edges[a].items()):
                if b in comp:
                    lines.append(f"    {a} -> {b}  ({', '.join(sorted(set(where))[:4])})")
    return "\n".join(lines)


def test_the_scan_sees_imports():
    """A guard on the scan itself: it must see top-level, deferred and relative imports."""
    edges = module_graph()
    assert "peristiwa.schema" in edges["peristiwa.events.coder"]
    assert "peristiwa.places" in edges["peristiwa.actors.resolver"]  # imported inside a method
    assert len(edges) > 100


def test_circle_finder_finds_a_circle():
    toy: Edges = {"a": {"b": ["a.py:1"]}, "b": {"c": ["b.py:1"]}, "c": {"a": ["c.py:1"]}, "d": {"a": ["d.py:1"]}}
    assert circles(toy) == [["a", "b", "c"]]
    assert circles({"a": {"b": []}, "b": {}}) == []


def test_no_module_import_circles():
    edges = module_graph()
    comps = circles(edges)
    assert not comps, "import circles between modules:\n" + _describe(edges, comps)


def test_no_import_circles_between_packages():
    edges = unit_graph(module_graph())
    comps = circles(edges)
    assert not comps, "import circles between the packages under peristiwa:\n" + _describe(edges, comps)
