"""A generated store exported whole through the CLI: the projection holds every entity and link.

CI runs it at 100,000 triples; ``bench/export_bench.py`` runs the same pipeline at 1,000,000
(figures in docs/benchmarks.md).
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest

from bench.synthetic import Synthetic, ntriples
from graph.store import NTRIPLES, Store
from tests.conftest import run_ties
from tests.export_helpers import read_graphml_with_igraph
from tests.test_export_viewers import schema_errors

TRIPLES = 100_000


@pytest.mark.slow
def test_generated_store_exports_whole(store: Store, tmp_path: Path) -> None:
    spec = Synthetic.about(TRIPLES)
    lines = ntriples(spec)
    part = 0
    while chunk := list(islice(lines, 25_000)):
        store.put_graph_data(f"urn:test:scale:{part}", ("\n".join(chunk) + "\n").encode(), NTRIPLES)
        part += 1
    out = tmp_path / "all.graphml"
    done = run_ties("export", "--format", "graphml", "-o", str(out), store=tmp_path / "store")
    assert done.returncode == 0, done.stderr
    assert f"wrote {spec.nodes()} nodes and {spec.edges()} edges" in done.stderr
    assert schema_errors("graphml", out.read_bytes()) == []
    g = read_graphml_with_igraph(out)
    assert (g.vcount(), g.ecount()) == (spec.nodes(), spec.edges())
    # Each meeting's chair is linked twice (chairedBy and participant): two parallel edges each.
    assert sum(1 for multiple in g.count_multiple() if multiple == 2) == 2 * spec.events
