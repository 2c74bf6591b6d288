"""Graphs the export tests build themselves, and the checks every independent parser must pass."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import warnings
from pathlib import Path
from typing import Any

import igraph
import networkx as nx
import pytest

from tests.conftest import IN_CI, ROOT, SHARED, require_tool

JS_DIR = ROOT / "tests" / "js"
# ../shared beside the clone (CI); a git worktree one level deeper finds it further up.
SCHEMAS = next((parent / "shared" / "schemas" for parent in ROOT.parents
                if (parent / "shared" / "schemas").is_dir()), SHARED / "schemas")
UNICODE_LABEL = 'Rajnāth सिंह <&> "quoted"\tand a bell\x07'
CLEAN_LABEL = 'Rajnāth सिंह <&> "quoted"\tand a bell\ufffd'


def sample_graph() -> nx.MultiDiGraph:
    """Parallel edges, a self-loop, dates, a missing value, mixed types, unicode and a control char."""
    G = nx.MultiDiGraph(name="sample")
    G.add_node("urn:m", id="meeting/m", label="Fifth 2+2 dialogue", category="Meeting",
               types=["Meeting", "Event"], startDate=datetime.date(2023, 11, 10), endDate=None,
               ordinal=5, score=0.75, active=True, signedOn=datetime.date(2020, 10, 27))
    G.add_node("urn:p", id="person/p", label=UNICODE_LABEL, category="Person", types=["Person"],
               ordinal=7, score=2, active=False, signedOn="2002")
    G.add_node("urn:c", id="country/c", label="India", category="Country", types=["Country"])
    G.add_node("urn:bare", id="bare")
    G.add_edge("urn:m", "urn:p", key="chairedBy", predicate="urn:dt#chairedBy", label="chairedBy")
    G.add_edge("urn:m", "urn:p", key="participant", predicate="urn:dt#participant", label="participant",
               weight=1.5)
    G.add_edge("urn:p", "urn:m", key="attended", predicate="urn:dt#attended", label="attended", weight=None)
    G.add_edge("urn:m", "urn:c", key="hostedBy", predicate="urn:dt#hostedBy", label="hostedBy")
    G.add_edge("urn:c", "urn:c", key="alignedWith", predicate="urn:dt#alignedWith", label="alignedWith")
    return G


def run_viewer(fmt: str, path: Path) -> dict[str, Any]:
    """What the npm parsers (graphology, Cytoscape.js, d3-force) read from ``path``."""
    node = require_tool("node", "install Node.js 20")
    if not (JS_DIR / "node_modules").is_dir():
        message = "tests/js/node_modules is missing: run `npm ci` in tests/js"
        if IN_CI:
            pytest.fail(f"{message}; .ci/run must install it")
        pytest.skip(message)
    done = subprocess.run([node, str(JS_DIR / "load_graph.mjs"), fmt, str(path)], capture_output=True,
                          text=True, timeout=120, check=False, cwd=JS_DIR, env=dict(os.environ))
    assert done.returncode == 0, done.stderr
    loaded: dict[str, Any] = json.loads(done.stdout)
    return loaded


def edges_between(loaded: dict[str, Any], source: str, target: str) -> list[dict[str, Any]]:
    """The edges the parser saw from ``source`` to ``target`` (by the nodes' ``id``)."""
    ids = {key: attributes.get("id", key) for key, attributes in loaded["nodes"].items()}
    return [edge for edge in loaded["edges"]
            if ids[edge["source"]] == source and ids[edge["target"]] == target]


def by_id(loaded: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The parser's nodes keyed by our node id (GraphML keys them n0, n1, ... with an ``id`` value)."""
    return {attributes.get("id", key): attributes for key, attributes in loaded["nodes"].items()}


def assert_sample_read(loaded: dict[str, Any], *, lists_as: type, xml: bool) -> None:
    """What every parser must see in :func:`sample_graph`'s export: counts, parallel edges, types."""
    assert loaded["order"] == 4 and loaded["size"] == 5
    parallel = edges_between(loaded, "meeting/m", "person/p")
    assert sorted(str(e["attributes"].get("key", e["attributes"].get("kind"))) for e in parallel) == [
        "chairedBy", "participant"]
    assert len({e["key"] for e in loaded["edges"]}) == 5  # unique edge ids
    assert len(edges_between(loaded, "country/c", "country/c")) == 1  # the self-loop
    nodes = by_id(loaded)
    meeting, person, bare = nodes["meeting/m"], nodes["person/p"], nodes["bare"]
    assert meeting["startDate"] == "2023-11-10" and "endDate" not in meeting
    assert meeting["ordinal"] == 5 and person["ordinal"] == 7
    assert meeting["score"] == 0.75 and person["score"] == 2.0
    assert meeting["active"] is True and person["active"] is False
    # One key, one type: signedOn is a date on one node and text on another, so text on both.
    assert meeting["signedOn"] == "2020-10-27" and person["signedOn"] == "2002"
    # XML 1.0 cannot hold a bell character at all; JSON keeps it.
    assert person["label"] == (CLEAN_LABEL if xml else UNICODE_LABEL)
    types = meeting["types"]
    assert types == (["Meeting", "Event"] if lists_as is list else "Meeting|Event")
    assert "ordinal" not in bare and "label" not in bare
    weighted = [e["attributes"].get("weight") for e in parallel]
    assert sorted(w for w in weighted if w is not None) == [1.5]


def read_graphml_with_igraph(path: Path) -> igraph.Graph:
    """``path`` as python-igraph reads GraphML."""
    with warnings.catch_warnings():
        # igraph says it keeps our "id" data values rather than the n0, n1, ... element ids: wanted.
        warnings.filterwarnings("ignore", "Could not add vertex ids", RuntimeWarning)
        return igraph.Graph.Read_GraphML(str(path))
