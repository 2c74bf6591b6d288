"""Loading RDF files into named graphs: everything is parsed before anything is stored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from graph.model.namespace import GRAPH
from graph.model.rdfio import format_for_path, parse_dataset_file, parse_file
from graph.store.client import Store


@dataclass(frozen=True)
class LoadedGraph:
    """One named graph written by :func:`load_files`."""

    graph: URIRef
    triples: int
    source: str


def graph_iri_for_file(path: str | Path) -> URIRef:
    """The default named graph of a file: ``.../graph/file/<name-without-extension>``.

    Examples
    --------
    >>> graph_iri_for_file("data/Extra Facts.ttl")
    rdflib.term.URIRef('https://w3id.org/defence-ties/graph/file/extra-facts')
    """
    stem = re.sub(r"[^a-z0-9]+", "-", Path(path).stem.lower()).strip("-") or "unnamed"
    return GRAPH[f"file/{stem}"]


def load_files(store: Store, paths: list[Path], graph_iri: str | None = None) -> list[LoadedGraph]:
    """Parse every file, then replace one named graph per file (or ``graph_iri`` with their union).

    Quad files (N-Quads, TriG) keep the graphs they name; their default-graph triples go to the
    file's graph. A file that does not parse stops the load before anything is written.
    """
    planned: dict[URIRef, tuple[Graph, list[str]]] = {}
    for path in paths:
        for name, graph in _graphs_in(path, URIRef(graph_iri) if graph_iri else None):
            merged, sources = planned.setdefault(name, (Graph(), []))
            for triple in graph:
                merged.add(triple)
            sources.append(str(path))
    loaded = []
    for name, (graph, sources) in planned.items():
        store.put_graph(name, graph)
        loaded.append(LoadedGraph(graph=name, triples=len(graph), source=", ".join(sources)))
    return loaded


def _graphs_in(path: Path, override: URIRef | None) -> list[tuple[URIRef, Graph]]:
    own = override or graph_iri_for_file(path)
    if not format_for_path(path).quads:
        return [(own, parse_file(path))]
    dataset = parse_dataset_file(path)
    found = []
    for graph in dataset.graphs():
        if len(graph) == 0:
            continue
        is_default = graph.identifier == dataset.default_graph.identifier
        found.append((own if is_default or override else URIRef(str(graph.identifier)), graph))
    return found
