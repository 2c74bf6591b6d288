"""Counts that describe a store: triples, named graphs, entities per class."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.model.namespace import DT, ONTOLOGY_GRAPH
from graph.store import Store


@dataclass(frozen=True)
class StoreStats:
    """Triples (all graphs), named graphs, and entities per ontology class (local names)."""

    triples: int
    graphs: int
    entities: dict[str, int] = field(default_factory=dict)


def store_stats(store: Store) -> StoreStats:
    """Count triples, named graphs and entities of each ``dt:`` class (ontology graph excluded)."""
    totals = store.select(
        "SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?g) AS ?graphs) "
        "WHERE { GRAPH ?g { ?s ?p ?o } }"
    )[0]
    rows = store.select(
        f"SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?class }} "
        f"FILTER(?g != <{ONTOLOGY_GRAPH}> && STRSTARTS(STR(?class), \"{DT._NS}\")) }} "
        "GROUP BY ?class ORDER BY DESC(?n) ?class"
    )
    entities = {str(row["class"]).removeprefix(str(DT._NS)): int(str(row["n"])) for row in rows}
    return StoreStats(triples=int(str(totals["triples"])), graphs=int(str(totals["graphs"])),
                      entities=entities)
