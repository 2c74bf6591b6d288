"""Whole-graph export of a generated store: our pipeline against the raw engine and networkx.

    .venv/bin/python -m bench.export_bench --triples 1000000

Peers measured in the same run: the raw engine (the CONSTRUCT's N-Triples bytes, read and thrown
away) for the read side, and networkx's ``write_graphml``/``write_gexf`` (on a copy of the graph
whose dates are made strings, which they need) for the writers.
"""

from __future__ import annotations

import argparse
import datetime
import io
import resource
import tempfile
import time
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import networkx as nx

from bench.synthetic import Synthetic, ntriples
from graph.export import render
from graph.export.projection import project
from graph.export.source import WHOLE_GRAPH_QUERY, construct_lines, store_triples
from graph.store import NTRIPLES, Store, open_store

GRAPH_SIZE = 50_000


def load(store: Store, spec: Synthetic) -> int:
    """Put the generated graph into the store, ``GRAPH_SIZE`` triples per named graph."""
    lines: Iterator[str] = ntriples(spec)
    total = part = 0
    while chunk := list(islice(lines, GRAPH_SIZE)):
        store.put_graph_data(f"urn:bench:graph:{part}", ("\n".join(chunk) + "\n").encode(), NTRIPLES)
        total, part = total + len(chunk), part + 1
    return total


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def stringified(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy networkx's writers accept: dates and lists as strings."""
    def fix(data: dict[str, Any]) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, datetime.date) else "|".join(v) if isinstance(v, list)
                    else v) for k, v in data.items()}
    H = nx.MultiDiGraph()
    H.add_nodes_from((n, fix(d)) for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, k, fix(d)) for u, v, k, d in G.edges(keys=True, data=True))
    return H


def run(triples: int) -> None:
    spec = Synthetic.about(triples)
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder), query_timeout_s=600) as store:
        seconds, loaded = timed(lambda: load(store, spec))
        print(f"loaded {loaded} triples in {seconds:.1f} s")
        raw, count = timed(lambda: sum(1 for _ in construct_lines(store, WHOLE_GRAPH_QUERY)))
        parse, parsed = timed(lambda: sum(1 for _ in store_triples(store)))
        build, G = timed(lambda: project(store_triples(store)))
        print(f"engine CONSTRUCT streamed ({count} lines): {raw:.2f} s")
        print(f"  + parsed into rdflib terms ({parsed}): {parse:.2f} s  ratio {parse / raw:.1f}x")
        print(f"  + projected ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges): {build:.2f} s "
              f"ratio {build / raw:.1f}x")
        assert (G.number_of_nodes(), G.number_of_edges()) == (spec.nodes(), spec.edges())
        H = stringified(G)
        peers = {"graphml": lambda: nx.write_graphml(H, io.BytesIO()),
                 "gexf": lambda: nx.write_gexf(H, io.BytesIO())}
        for fmt in ("graphml", "gexf", "gexf12", "cytoscape", "nodelink", "dot", "neo4j"):
            ours, data = timed(lambda fmt=fmt: render(G, fmt))  # type: ignore[misc]
            line = f"render {fmt:<9} {ours:6.2f} s {len(data) / 1e6:7.1f} MB"
            if fmt in peers:
                theirs, _ = timed(peers[fmt])
                line += f"   networkx {theirs:6.2f} s   ratio ours/networkx {ours / theirs:.2f}"
            print(line)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--triples", type=int, default=1_000_000)
    run(parser.parse_args().triples)


if __name__ == "__main__":
    main()
