"""The shortest connections between two entities, found by a bidirectional frontier search.

Both ends grow one hop at a time with one bounded SPARQL query per hop (``VALUES`` + ``LIMIT``),
always the smaller side first, until they meet or ``max_length`` is reached. Edges are followed in
either direction; every hop of an answer says which way its triple points. A frontier larger than
``max_frontier`` (a hub such as a country) is cut, and the answer says it may be incomplete.

Examples
--------
>>> Hop("urn:a", "urn:p", "urn:b", "forward").triple
('urn:a', 'urn:p', 'urn:b')
>>> Hop("urn:a", "urn:p", "urn:b", "backward").triple
('urn:b', 'urn:p', 'urn:a')
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rdflib import URIRef

from graph.errors import ParameterError
from graph.lookups.neighbourhood import require_entity
from graph.model.terms import EDGE_PREDICATES, entity_iri, resolve_terms, sparql_list, sparql_values
from graph.store import Store
from graph.store.tsv import tsv_cells

DEFAULT_MAX_FRONTIER = 500


@dataclass(frozen=True)
class Hop:
    """One step of a path: from ``source`` to ``target`` along ``predicate``.

    ``forward`` means the triple is ``source predicate target``; ``backward`` means
    ``target predicate source``.
    """

    source: str
    predicate: str
    target: str
    direction: str

    @property
    def triple(self) -> tuple[str, str, str]:
        """The stored triple this hop walks along."""
        if self.direction == "forward":
            return self.source, self.predicate, self.target
        return self.target, self.predicate, self.source


@dataclass(frozen=True)
class PathsResult:
    """Shortest paths from ``source`` to ``target`` (all of the same, least, length)."""

    source: str
    target: str
    paths: list[list[Hop]]
    complete: bool
    truncated: bool = False


# node -> the hops that reach it from the side's start (its parents one level closer).
_Parents = dict[str, list[Hop]]


@dataclass
class _Side:
    start: str
    parents: _Parents = field(default_factory=lambda: defaultdict(list))
    level: dict[str, int] = field(default_factory=dict)  # hops from start, for every node seen
    frontier: list[str] = field(default_factory=list)
    depth: int = 0

    def __post_init__(self) -> None:
        self.level[self.start] = 0
        self.frontier.append(self.start)


def shortest_paths(store: Store, source: str, target: str, *, max_length: int = 4,
                   predicates: Sequence[str] | None = None, limit: int = 10,
                   max_frontier: int = DEFAULT_MAX_FRONTIER) -> PathsResult:
    """All shortest paths (up to ``limit``) of at most ``max_length`` hops between two entities."""
    if max_length < 1:
        raise ParameterError("max_length", f"must be 1 or more, not {max_length}")
    if limit < 1:
        raise ParameterError("limit", f"must be 1 or more, not {limit}")
    start, goal = entity_iri(source), entity_iri(target)
    edges = resolve_terms(predicates, "predicates") or list(EDGE_PREDICATES)
    require_entity(store, start)
    require_entity(store, goal)
    if start == goal:
        return PathsResult(str(start), str(goal), [[]], complete=True)
    ahead, behind = _Side(str(start)), _Side(str(goal))
    complete = True
    while ahead.depth + behind.depth < max_length and ahead.frontier and behind.frontier:
        side = ahead if len(ahead.frontier) <= len(behind.frontier) else behind
        complete &= _grow(store, side, edges, max_frontier)
        meeting = _meeting(ahead, behind)
        if meeting:
            paths = _join(ahead, behind, meeting, limit + 1)
            return PathsResult(str(start), str(goal), paths[:limit], complete=complete,
                               truncated=len(paths) > limit)
    return PathsResult(str(start), str(goal), [], complete=complete)


def _grow(store: Store, side: _Side, edges: list[URIRef], max_frontier: int) -> bool:
    """Extend ``side`` by one hop; False if the new frontier was cut at ``max_frontier``."""
    cap = max_frontier * 4
    rows = list(tsv_cells(store, (
        f"SELECT DISTINCT ?n ?p ?m ?dir WHERE {{ {sparql_values('n', side.frontier)} "
        f"{{ ?n ?p ?m BIND('forward' AS ?dir) }} UNION {{ ?m ?p ?n BIND('backward' AS ?dir) }} "
        f"FILTER(isIRI(?m) && ?p IN ({sparql_list(edges)})) }} LIMIT {cap + 1}"
    )))
    complete = len(rows) <= cap
    new: dict[str, None] = {}
    for n, p, m, direction in rows[:cap]:  # cells are <iri> and "forward"/"backward"
        node = m[1:-1]
        if node in side.level and node not in new:
            continue
        if node not in new:
            if len(new) >= max_frontier:
                complete = False
                continue
            new[node] = None
        side.parents[node].append(Hop(n[1:-1], p[1:-1], node, direction.strip('"')))
    side.depth += 1
    side.level.update(dict.fromkeys(new, side.depth))
    side.frontier = list(new)
    return complete


def _meeting(ahead: _Side, behind: _Side) -> list[str]:
    """The nodes both sides reached that lie on the shortest joined paths."""
    common = ahead.level.keys() & behind.level.keys()
    if not common:
        return []
    length = min(ahead.level[n] + behind.level[n] for n in common)
    return sorted(n for n in common if ahead.level[n] + behind.level[n] == length)


def _join(ahead: _Side, behind: _Side, meeting: list[str], limit: int) -> list[list[Hop]]:
    paths: list[list[Hop]] = []
    for node in meeting:
        for first in _walks(ahead, node, limit):
            for second in _walks(behind, node, limit):
                paths.append(first + [_reverse(hop) for hop in reversed(second)])
                if len(paths) >= limit:
                    return paths
    return paths


def _walks(side: _Side, node: str, limit: int) -> list[list[Hop]]:
    """Every walk from the side's start to ``node`` along recorded parents (at most ``limit``)."""
    if node == side.start:
        return [[]]
    walks: list[list[Hop]] = []
    for hop in side.parents.get(node, []):
        for walk in _walks(side, hop.source, limit):
            walks.append([*walk, hop])
            if len(walks) >= limit:
                return walks
    return walks


def _reverse(hop: Hop) -> Hop:
    other = "backward" if hop.direction == "forward" else "forward"
    return Hop(hop.target, hop.predicate, hop.source, other)
