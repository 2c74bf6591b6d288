"""The layout is the architecture: each package imports only the packages below it, and no module
imports itself back through others.

Every import of every module in ``graph/`` and ``api/`` is read from its source (those under
``TYPE_CHECKING`` and inside functions included: a cycle of names is a cycle for a reader too).
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent

# Each layer and the layers it may import. Written once, here; the packages' docstrings say the same.
ALLOWED: dict[str, set[str]] = {
    "graph.errors": set(),
    "graph.heap": set(),
    "graph.model": {"graph.errors"},
    "graph.store": {"graph.errors", "graph.model"},
    "graph.validation": {"graph.errors", "graph.model"},
    "graph.lookups": {"graph.errors", "graph.model", "graph.store"},
    "graph.export": {"graph.errors", "graph.model", "graph.store"},
    # graph/__init__.py: the version and the names README uses
    "graph": {"graph.errors", "graph.model", "graph.store"},
    "graph.ingest.language": {"graph.errors"},
    "graph.ingest.readers": {"graph.errors", "graph.model", "graph.ingest.language"},
    "graph.ingest.resolution": {"graph.errors", "graph.model", "graph.ingest.language"},
    "graph.ingest.rules": {"graph.errors", "graph.model", "graph.ingest.language", "graph.ingest.resolution"},
    "graph.ingest": {
        "graph", "graph.errors", "graph.heap", "graph.model", "graph.store", "graph.validation",
        "graph.ingest.language", "graph.ingest.readers", "graph.ingest.resolution", "graph.ingest.rules",
    },
    # The service and the command line may use all of the library; the library never uses them.
    "api": {
        "graph", "graph.errors", "graph.heap", "graph.model", "graph.store", "graph.validation",
        "graph.lookups", "graph.export", "graph.ingest", "graph.ingest.language", "graph.ingest.readers",
        "graph.ingest.resolution", "graph.ingest.rules",
    },
}


def module_name(path: Path, root: Path = ROOT) -> str:
    """``graph/store/client.py`` -> ``graph.store.client``; a package's ``__init__`` is the package."""
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules(root: Path = ROOT) -> dict[str, Path]:
    """Every module of ``graph/`` and ``api/`` by dotted name."""
    paths = [p for package in ("graph", "api") for p in sorted((root / package).rglob("*.py"))]
    return {module_name(p, root): p for p in paths}


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The project modules ``name`` imports: a submodule where ``from pkg import sub`` names one."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {m for m in found if m in modules and m != name}


def layer_of(module: str) -> str:
    """The layer a module belongs to: the deepest key of :data:`ALLOWED` that contains it."""
    parts = module.split(".")
    for size in range(len(parts), 0, -1):
        candidate = ".".join(parts[:size])
        if candidate in ALLOWED:
            return candidate
    raise AssertionError(f"{module} belongs to no layer: add its package to ALLOWED in tests/test_layers.py")


def import_graph(root: Path = ROOT) -> nx.DiGraph:
    """Module -> module edges for every import in the project."""
    modules = project_modules(root)
    graph = nx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        graph.add_edges_from((name, target) for target in imports_of(name, path, modules))
    return graph


def forbidden_imports(graph: nx.DiGraph) -> list[str]:
    """Each import that crosses into a layer its own layer may not use."""
    bad = []
    for source, target in graph.edges:
        mine, theirs = layer_of(source), layer_of(target)
        if theirs != mine and theirs not in ALLOWED[mine]:
            bad.append(f"{source} imports {target}: {mine} may not import {theirs}")
    return sorted(bad)


def import_cycles(graph: nx.DiGraph) -> list[list[str]]:
    """Groups of modules that import each other, directly or around a loop."""
    return sorted(sorted(group) for group in nx.strongly_connected_components(graph) if len(group) > 1)


def test_every_module_belongs_to_a_layer() -> None:
    for name in project_modules():
        assert layer_of(name) in ALLOWED


def test_no_package_imports_one_it_may_not() -> None:
    assert forbidden_imports(import_graph()) == []


def test_there_is_no_import_cycle() -> None:
    assert import_cycles(import_graph()) == []


def test_the_library_never_imports_fastapi() -> None:
    modules = project_modules()
    for name, path in modules.items():
        if name.startswith("graph"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            roots = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                     for alias in node.names}
            roots |= {(node.module or "").split(".")[0] for node in ast.walk(tree)
                      if isinstance(node, ast.ImportFrom) and not node.level}
            assert not roots & {"fastapi", "starlette", "uvicorn", "api"}, name


@pytest.mark.parametrize(("module", "source", "problem"), [
    ("graph/store/client.py", "from graph.lookups.search import normalise\n",
     "graph.store.client imports graph.lookups.search: graph.store may not import graph.lookups"),
    ("graph/ingest/resolution/probe.py", "from graph.ingest.rules.rulebook import rule\n",
     "graph.ingest.resolution.probe imports graph.ingest.rules.rulebook: graph.ingest.resolution may not "
     "import graph.ingest.rules"),
])
def test_a_wrong_import_is_caught(tmp_path: Path, module: str, source: str, problem: str) -> None:
    copy = _copy_of_the_project(tmp_path)
    target = copy / module
    target.write_text(source + (target.read_text(encoding="utf-8") if target.exists() else ""))
    assert problem in forbidden_imports(import_graph(copy))


def test_a_cycle_is_caught(tmp_path: Path) -> None:
    copy = _copy_of_the_project(tmp_path)
    engine = copy / "graph/store/engine.py"
    engine.write_text("from graph.store import client\n" + engine.read_text(encoding="utf-8"))
    cycles = import_cycles(import_graph(copy))
    assert any({"graph.store.client", "graph.store.engine"} <= set(group) for group in cycles), cycles


def _copy_of_the_project(tmp_path: Path) -> Path:
    for path in project_modules().values():
        target = tmp_path / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path
