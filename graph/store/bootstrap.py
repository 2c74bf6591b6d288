"""Background graphs every store holds: the ontology, refreshed when its file changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Graph, Literal

from graph.model.namespace import ONTOLOGY_GRAPH, SCHEMA
from graph.model.ontology import ONTOLOGY_FILE, file_sha256, ontology_graph

if TYPE_CHECKING:
    from graph.store.client import Store


def ensure_ontology(store: Store) -> bool:
    """Load the ontology graph if it is missing or stale; True when it was (re)loaded.

    The graph records the SHA-256 of the file it came from (``<graph> schema:sha256 "..."``),
    so a changed ``ontology/defence-ties.ttl`` is noticed at the next start.
    """
    digest = file_sha256(ONTOLOGY_FILE)
    if store.ask(f'ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ <{ONTOLOGY_GRAPH}> <{SCHEMA.sha256}> "{digest}" }} }}'):
        return False
    graph = Graph()
    for triple in ontology_graph():
        graph.add(triple)
    graph.add((ONTOLOGY_GRAPH, SCHEMA.sha256, Literal(digest)))
    store.put_graph(ONTOLOGY_GRAPH, graph)
    return True
