"""What the store holds, for ``/api/stats``: counts by class and predicate, articles, last ingest.

These are whole-store counts (a scan of every triple): callers cache them until the store changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.lookups.stats import store_stats
from graph.model.namespace import DT, ONTOLOGY_GRAPH
from graph.store import Store

# Where an ingest time may be recorded on an article; the latest one found is the last ingest.
ISSUED = "http://purl.org/dc/terms/issued"
INGEST_TIME_PREDICATES = (
    "http://www.w3.org/ns/prov#generatedAtTime",
    "http://purl.org/dc/terms/modified",
    "http://purl.org/dc/terms/created",
)


@dataclass(frozen=True)
class StoreSummary:
    """Counts over every named graph except the ontology's."""

    triples: int
    graphs: int
    articles: int
    classes: dict[str, int]
    predicates: dict[str, int]
    last_ingest: str | None
    latest_article: str | None


def store_summary(store: Store) -> StoreSummary:
    """Count what the store holds; see :class:`StoreSummary`."""
    basic = store_stats(store)
    not_ontology = f"FILTER(?g != <{ONTOLOGY_GRAPH}>)"
    predicates = {str(row["p"]): int(str(row["n"])) for row in store.select(
        f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {not_ontology} }} "
        "GROUP BY ?p ORDER BY DESC(?n) ?p")}
    times = " ".join(f"<{p}>" for p in INGEST_TIME_PREDICATES)
    # Three sub-selects: an aggregate over an unbound value would be an error for all of them.
    article = f"?a a <{DT.Article}>"
    row = store.select(
        f"SELECT * WHERE {{ {{ SELECT (COUNT(DISTINCT ?a) AS ?articles) WHERE {{ {article} }} }} "
        f"{{ SELECT (MAX(STR(?t)) AS ?ingest) WHERE {{ VALUES ?tp {{ {times} }} {article} ; ?tp ?t }} }} "
        f"{{ SELECT (MAX(STR(?i)) AS ?latest) WHERE {{ {article} ; <{ISSUED}> ?i }} }} }}"
    )[0]
    return StoreSummary(triples=basic.triples, graphs=basic.graphs,
                        articles=int(str(row["articles"])), classes=basic.entities,
                        predicates=predicates, last_ingest=_opt(row.get("ingest")),
                        latest_article=_opt(row.get("latest")))


def _opt(term: object) -> str | None:
    return None if term is None or str(term) == "" else str(term)
