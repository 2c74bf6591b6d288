"""The subgraph around one entity, found by a bounded frontier expansion in SPARQL.

One query per hop asks only for the frontier's new neighbours (``VALUES`` + ``LIMIT``), so the cost
depends on ``limit``, never on the size of the store; whether the entity exists is asked only when
no neighbour was found (a neighbour proves it). A last query describes the nodes found: the
edges between them, their ``rdf:type``, labels and literal attributes. Evidence and provenance
(reified statements, ``prov:`` links, ``dt:mentions``) are not followed: only the ontology's
entity-to-entity properties are edges.

The queries are a plan (:mod:`graph.lookups.plans`): :func:`neighbourhood` runs it with the store's
ordinary client, :func:`aneighbourhood` from async code without a thread.

Examples
--------
>>> import tempfile
>>> from graph.store import open_store
>>> folder = tempfile.TemporaryDirectory()
>>> store = open_store(folder.name)
>>> store.put_graph_data("urn:doctest:nb", b'''
... @prefix dt: <https://w3id.org/defence-ties/ontology#> .
... @prefix event: <https://w3id.org/defence-ties/resource/event/> .
... @prefix person: <https://w3id.org/defence-ties/resource/person/> .
... event:dpg-1 dt:chairedBy person:a .
... person:a <http://www.w3.org/2000/01/rdf-schema#label> "A" .
... ''', "text/turtle")
>>> found = neighbourhood(store, "person/a", depth=1)
>>> [str(n).rsplit("/", 1)[-1] for n in found.nodes], found.truncated
(['a', 'dpg-1'], False)
>>> len(found.triples), [o for s, p, o in found.statements if p.endswith("#label")]
(2, ['"A"'])
>>> store.close(); folder.cleanup()
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rdflib import OWL, RDF, RDFS, SKOS, URIRef
from rdflib.term import Node

from graph.errors import NotFoundError, ParameterError
from graph.lookups.plans import Limits, Plan, arun_plan, run_plan
from graph.model.ontology import ontology_graph
from graph.model.terms import (
    EDGE_PREDICATES,
    compact_iris,
    entity_iri,
    resolve_terms,
    short_id,
    sparql_iri,
    sparql_list,
    sparql_values,
    with_subclasses,
)
from graph.store import Store
from graph.store.tsv import term_from_tsv, tsv_rows

Triple = tuple[Node, Node, Node]
Statement = tuple[str, str, str]
DIRECTIONS = ("out", "in", "both")
DEFAULT_MAX_TRIPLES = 20_000
RDF_TYPE = str(RDF.type)
SPLIT_FROM = 64  # nodes from which the description is asked in two halves at once


@dataclass(frozen=True)
class Neighbourhood:
    """Nodes around ``centre`` (the centre first) and the statements that describe them.

    ``statements`` hold the edges between the nodes and, for every node, its ``rdf:type``, labels
    and literal-valued triples, each once, as ``(subject IRI, predicate IRI, object)`` with the
    object written as in a TSV cell (``<iri>``, ``"text"@en``); ``triples`` are the same as rdflib
    terms. ``truncated`` is true when ``limit`` (or the triple cap) left something out.
    """

    centre: URIRef
    nodes: list[URIRef]
    statements: list[Statement]
    truncated: bool

    @cached_property
    def triples(self) -> list[Triple]:
        """:attr:`statements` as rdflib terms."""
        return [(URIRef(s), URIRef(p), term_from_tsv(o)) for s, p, o in self.statements]


def neighbourhood(store: Store, iri: str, *, depth: int = 1, direction: str = "both",
                  predicates: Sequence[str] | None = None, types: Sequence[str] | None = None,
                  limit: int = 200, max_triples: int = DEFAULT_MAX_TRIPLES) -> Neighbourhood:
    """The entities within ``depth`` hops of ``iri`` (short id or full IRI), at most ``limit`` of them.

    ``direction`` follows edges ``out`` of a node, ``in`` to it, or ``both``; ``predicates`` and
    ``types`` (``participant``, ``dt:Person`` or full IRIs) restrict the edges followed and the
    nodes admitted (the centre is always in). Nodes are taken breadth first: all of a hop's new
    nodes (up to ``limit``) before any of the next hop's. Raises :class:`NotFoundError` for an
    unknown entity and :class:`ParameterError` for a bad argument.
    """
    return run_plan(store, _plan(iri, depth=depth, direction=direction, predicates=predicates,
                                 types=types, limit=limit, max_triples=max_triples))


async def aneighbourhood(store: Store, iri: str, *, limits: Limits, depth: int = 1,
                         direction: str = "both", predicates: Sequence[str] | None = None,
                         types: Sequence[str] | None = None, limit: int = 200,
                         max_triples: int = DEFAULT_MAX_TRIPLES) -> Neighbourhood:
    """:func:`neighbourhood` for async callers: no thread, each query bounded by ``limits``."""
    plan = _plan(iri, depth=depth, direction=direction, predicates=predicates, types=types,
                 limit=limit, max_triples=max_triples)
    return await arun_plan(store, plan, limits)


def require_entity(store: Store, iri: URIRef) -> None:
    """Raise :class:`NotFoundError` naming ``iri`` unless some triple has it as subject or object."""
    run_plan(store, require_entity_plan(iri))


def require_entity_plan(iri: URIRef) -> Plan[None]:
    """:func:`require_entity` as a step of another plan (:mod:`graph.lookups.plans`)."""
    ref = sparql_iri(str(iri), "id")
    found = yield f"SELECT (1 AS ?found) WHERE {{ {{ {ref} ?p ?o }} UNION {{ ?s ?q {ref} }} }} LIMIT 1"
    if not any(tsv_rows(found)):
        raise NotFoundError(f"no entity {short_id(str(iri))!r} in the store")


def _plan(iri: str, *, depth: int, direction: str, predicates: Sequence[str] | None,
          types: Sequence[str] | None, limit: int, max_triples: int) -> Plan[Neighbourhood]:
    _check(depth, direction, limit, max_triples)
    centre = entity_iri(iri)
    edges = resolve_terms(predicates, "predicates") or list(EDGE_PREDICATES)
    classes = with_subclasses(resolve_terms(types, "types")) if types else []
    nodes, truncated = yield from _expand(centre, depth, _Hop(direction, edges, classes), limit)
    if len(nodes) == 1:
        # A neighbour found proves the entity is in the store; only a lone centre needs asking.
        yield from require_entity_plan(centre)
    statements, cut = yield from _describe(nodes, edges, max_triples)
    return Neighbourhood(centre=centre, nodes=nodes, statements=statements,
                         truncated=truncated or cut)


def _check(depth: int, direction: str, limit: int, max_triples: int) -> None:
    if depth < 0:
        raise ParameterError("depth", f"must be 0 or more, not {depth}")
    if direction not in DIRECTIONS:
        raise ParameterError("direction", f"must be one of {', '.join(DIRECTIONS)}, not {direction!r}")
    if limit < 1:
        raise ParameterError("limit", f"must be 1 or more, not {limit}")
    if max_triples < 1:
        raise ParameterError("max_triples", f"must be 1 or more, not {max_triples}")


@dataclass(frozen=True)
class _Hop:
    """How one hop moves: along which edges, in which direction, to which classes of node."""

    direction: str
    edges: list[URIRef]
    classes: list[URIRef]


def _expand(centre: URIRef, depth: int, hop: _Hop, limit: int) -> Plan[tuple[list[URIRef], bool]]:
    nodes, frontier, truncated = [centre], [centre], False
    for _ in range(depth):
        if not frontier:
            break
        room = limit - len(nodes)
        found = yield from _new_neighbours(frontier, nodes, hop, room + 1)
        truncated = truncated or len(found) > room
        frontier = found[:room]
        nodes += frontier
    return nodes, truncated


def _new_neighbours(frontier: list[URIRef], known: list[URIRef], hop: _Hop,
                    limit: int) -> Plan[list[URIRef]]:
    rows = yield _neighbours_query(frontier, known, hop, limit)
    return [URIRef(cells[0][1:-1]) for cells in tsv_rows(rows)]


def _neighbours_query(frontier: list[URIRef], known: list[URIRef], hop: _Hop, limit: int) -> str:
    patterns = []
    if hop.direction in ("out", "both"):
        patterns.append("{ ?n ?p ?m }")
    if hop.direction in ("in", "both"):
        patterns.append("{ ?m ?p ?n }")
    typed = f"{sparql_values('c', hop.classes)} ?m a ?c ." if hop.classes else ""
    excluded = ", ".join(sparql_iri(str(k)) for k in known)
    # A FILTER on ?p, not a VALUES block: Oxigraph joins two VALUES blocks with a scan.
    return (f"SELECT DISTINCT ?m WHERE {{ {sparql_values('n', frontier)} {' UNION '.join(patterns)} "
            f"FILTER(isIRI(?m) && ?p IN ({sparql_list(hop.edges)}) && ?m NOT IN ({excluded})) {typed} }} "
            f"LIMIT {limit}")


def _describe(nodes: list[URIRef], edges: list[URIRef],
              max_triples: int) -> Plan[tuple[list[Statement], bool]]:
    known, numbered_predicates, edge_list = _predicate_lists(tuple(map(str, edges)))
    prefixes, names = compact_iris([str(n) for n in nodes])
    members = _numbered(names)
    parts = _parts(len(names))
    subjects = [members] if len(parts) == 1 else [_numbered(names, part) for part in parts]
    texts = yield tuple(f"{prefixes} {_describe_query(rows, members, numbered_predicates, edge_list)} "
                        f"LIMIT {max_triples + 1}" for rows in subjects)
    rows = [row for text in texts for row in tsv_rows(text)]
    edge_set, iris = set(map(str, edges)), [str(n) for n in nodes]
    kept: dict[Statement, None] = {}  # a triple held by several article graphs counts once
    for si, pi, p, o, oi in rows[:max_triples]:
        predicate = known[int(pi)] if pi else p[1:-1]
        if oi:  # the object is a node of the neighbourhood
            if predicate in edge_set or predicate == RDF_TYPE:
                kept[(iris[int(si)], predicate, f"<{iris[int(oi)]}>")] = None
        elif o[:1] == '"' or predicate == RDF_TYPE or (o and o[0] not in "<_"):
            kept[(iris[int(si)], predicate, o)] = None
    return list(kept), len(rows) > max_triples


def _parts(count: int) -> list[range]:
    # The engine runs each query on a thread of its own: a large description is asked in two
    # halves at once, which answered in 5.0 ms against 6.8 ms for one query (200 nodes, 2 cores, one
    # of them free). Below SPLIT_FROM nodes the second copy of the member list costs more than it saves.
    if count < SPLIT_FROM:
        return [range(count)]
    half = (count + 1) // 2
    return [range(half), range(half, count)]


@lru_cache(maxsize=1)
def _literal_properties() -> tuple[str, ...]:
    # Only to shorten the answer (a predicate not listed comes back by name): read once.
    declared = ontology_graph().subjects(RDF.type, OWL.DatatypeProperty)
    return (str(RDFS.label), str(SKOS.altLabel), *sorted(map(str, declared)))


@lru_cache(maxsize=32)
def _predicate_lists(edges: tuple[str, ...]) -> tuple[list[str], str, str]:
    """The predicates that come back by number, their ``VALUES`` rows and the edges' ``IN`` list
    as written in the query (the same for every neighbourhood that follows these edges)."""
    known = list(dict.fromkeys([RDF_TYPE, *edges, *_literal_properties()]))
    return known, _numbered([sparql_iri(k) for k in known]), sparql_list(edges)


def _describe_query(subjects: str, members: str, numbered_predicates: str, edge_list: str) -> str:
    # Every term the engine writes out costs it a dictionary look-up: subjects, objects that are
    # nodes and the usual predicates come back as their number in a VALUES list instead, and an
    # edge to a node outside the neighbourhood is dropped in the engine. Both lists are joined in
    # an OPTIONAL, which Oxigraph evaluates as a hash join (a FILTER ... IN list tries each item).
    return (
        f"SELECT ?si ?pi ?pn ?o ?oi WHERE {{ {{ SELECT * WHERE {{ "
        f"VALUES (?s ?si) {{ {subjects} }} ?s ?p ?v OPTIONAL {{ VALUES (?v ?vi) {{ {members} }} }} "
        f"OPTIONAL {{ VALUES (?p ?pi) {{ {numbered_predicates} }} }} }} }} "
        f"FILTER(BOUND(?vi) || !(?p IN ({edge_list}))) "
        f"BIND(IF(BOUND(?vi), ?none, ?v) AS ?o) BIND(?vi AS ?oi) BIND(IF(BOUND(?pi), ?none, ?p) AS ?pn) }}"
    )


def _numbered(refs: Sequence[str], part: range | None = None) -> str:
    """``(<iri> 0) (p0:name 1) ...``: the rows of a ``VALUES (?term ?number)`` block (of ``part``)."""
    return " ".join(f"({refs[i]} {i})" for i in (part if part is not None else range(len(refs))))
