"""Who is central: degree, PageRank and betweenness on the entity projection, with networkx.

The projection is every entity-to-entity edge of the ontology (``dt:mentions`` and evidence left
out), fetched in one SPARQL query as tab-separated values (fast to read, no rdflib terms). These are
whole-graph metrics: callers cache them and recompute only when the store changed
(:class:`graph.store.changes.ChangeCache`). Betweenness is estimated from ``k`` sampled sources with a
fixed seed when the graph has more than ``k`` nodes, so the answer is repeatable.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph([("a", "hub"), ("b", "hub"), ("c", "hub"), ("hub", "d")])
>>> top = centrality(g, "degree")
>>> max(top, key=top.get)
'hub'
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import networkx as nx

from graph.errors import ParameterError
from graph.model.namespace import DT
from graph.model.terms import EDGE_PREDICATES, resolve_terms, sparql_values, with_subclasses
from graph.store import Store
from graph.store.changes import ChangeCache

METRICS = ("degree", "pagerank", "betweenness")
DEFAULT_BETWEENNESS_SAMPLES = 32
SEED = 42
TSV = "text/tab-separated-values"


def entity_projection(store: Store) -> nx.MultiDiGraph:
    """Entities as nodes, one edge per distinct ``(subject, predicate, object)`` keyed by predicate."""
    graph = nx.MultiDiGraph()
    for subject, predicate, obj in _tsv_rows(store, (
        f"SELECT DISTINCT ?s ?p ?o WHERE {{ {sparql_values('p', EDGE_PREDICATES)} ?s ?p ?o "
        "FILTER(isIRI(?s) && isIRI(?o)) }"
    )):
        graph.add_edge(subject, obj, key=predicate)
    return graph


def node_types(store: Store) -> dict[str, set[str]]:
    """``rdf:type`` of every resource, for filtering rankings by class."""
    types: dict[str, set[str]] = {}
    for subject, cls in _tsv_rows(store, (
        f'SELECT DISTINCT ?s ?t WHERE {{ ?s a ?t FILTER(isIRI(?s) && STRSTARTS(STR(?t), "{DT._NS}")) }}'
    )):
        types.setdefault(subject, set()).add(cls)
    return types


def centrality(graph: nx.MultiDiGraph, metric: str, *,
               betweenness_samples: int = DEFAULT_BETWEENNESS_SAMPLES) -> dict[str, float]:
    """Score of every node: ``degree`` (edges in and out), ``pagerank`` or ``betweenness``."""
    if metric not in METRICS:
        raise ParameterError("metric", f"must be one of {', '.join(METRICS)}, not {metric!r}")
    if graph.number_of_nodes() == 0:
        return {}
    if metric == "degree":
        return {node: float(degree) for node, degree in graph.degree()}
    simple = nx.DiGraph(graph)  # parallel edges do not change who is on a shortest path
    if metric == "pagerank":
        return {node: float(score) for node, score in nx.pagerank(simple).items()}
    undirected = simple.to_undirected(as_view=True)
    k = betweenness_samples if undirected.number_of_nodes() > betweenness_samples else None
    scores = nx.betweenness_centrality(undirected, k=k, seed=SEED if k else None)
    return {node: float(score) for node, score in scores.items()}


def ranked(scores: dict[str, float]) -> list[tuple[str, float]]:
    """Every node with its score, best first (ties by IRI)."""
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def top(order: list[tuple[str, float]], limit: int,
        keep: Callable[[str], bool] | None = None) -> list[tuple[str, float]]:
    """The first ``limit`` of a :func:`ranked` list, only nodes ``keep`` accepts if given."""
    if keep is None:
        return order[:limit]
    return list(itertools.islice((item for item in order if keep(item[0])), limit))


def _tsv_rows(store: Store, sparql: str) -> Iterator[list[str]]:
    """IRIs of each result row, read from SPARQL TSV results (``<iri>`` cells)."""
    lines = store.query(sparql, accept=TSV).text.splitlines()
    for line in lines[1:]:
        if line:
            yield [cell[1:-1] for cell in line.split("\t")]


@dataclass(frozen=True)
class Ranking:
    """The best ``entries`` (IRI, score) for ``metric`` over a projection of this size."""

    metric: str
    entries: list[tuple[str, float]]
    nodes: int
    edges: int
    computed_in_s: float


@dataclass(frozen=True)
class _Scores:
    order: list[tuple[str, float]]
    types: dict[str, set[str]]
    nodes: int
    edges: int
    seconds: float


def ranking(store: Store, cache: ChangeCache, metric: str, *, types: Sequence[str] | None = None,
            limit: int = 20, betweenness_samples: int = DEFAULT_BETWEENNESS_SAMPLES) -> Ranking:
    """The top ``limit`` entities by ``metric``, of the ``types`` given (with their subclasses).

    Scores come from ``cache``: computed on the first call after the store changed, reused after.
    """
    if metric not in METRICS:
        raise ParameterError("metric", f"must be one of {', '.join(METRICS)}, not {metric!r}")
    computed = cache.get(("ranking", metric, betweenness_samples),
                         lambda: _compute(store, metric, betweenness_samples))
    if limit < 1:
        raise ParameterError("limit", f"must be 1 or more, not {limit}")
    classes = with_subclasses(resolve_terms(types, "type"))
    keep = None
    if classes:
        wanted = {str(c) for c in classes}

        def keep(node: str) -> bool:
            return bool(computed.types.get(node, set()) & wanted)

    return Ranking(metric=metric, entries=top(computed.order, limit, keep), nodes=computed.nodes,
                   edges=computed.edges, computed_in_s=computed.seconds)


def _compute(store: Store, metric: str, betweenness_samples: int) -> _Scores:
    started = time.perf_counter()
    graph = entity_projection(store)
    scores = centrality(graph, metric, betweenness_samples=betweenness_samples)
    return _Scores(order=ranked(scores), types=node_types(store), nodes=graph.number_of_nodes(),
                   edges=graph.number_of_edges(), seconds=time.perf_counter() - started)
