"""The subgraph around one entity, found by a bounded frontier expansion in SPARQL.

One query per hop asks only for the frontier's new neighbours (``VALUES`` + ``LIMIT``), so the cost
depends on ``limit``, never on the size of the store; whether the entity exists is asked only when
no neighbour was found (a neighbour proves it). A last query describes the nodes found: the
edges between them, their ``rdf:type``, labels and literal attributes. Evidence and provenance
(reified statements, ``prov:`` links, ``dt:mentions``) are not followed: only the ontology's
entity-to-entity properties are edges.

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
>>> len(found.triples)
2
>>> store.close(); folder.cleanup()
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import RDF, URIRef
from rdflib.term import Node

from graph.errors import NotFoundError, ParameterError
from graph.store import Store
from graph.terms import (
    EDGE_PREDICATES,
    entity_iri,
    resolve_terms,
    short_id,
    sparql_iri,
    sparql_list,
    sparql_values,
    with_subclasses,
)
from graph.tsv import term_from_tsv, tsv_cells

Triple = tuple[Node, Node, Node]
DIRECTIONS = ("out", "in", "both")
DEFAULT_MAX_TRIPLES = 20_000


@dataclass(frozen=True)
class Neighbourhood:
    """Nodes around ``centre`` (the centre first) and the triples that describe them.

    ``triples`` holds the edges between the nodes and, for every node, its ``rdf:type``, labels
    and literal-valued triples. ``truncated`` is true when ``limit`` (or the triple cap) left
    something out.
    """

    centre: URIRef
    nodes: list[URIRef]
    triples: list[Triple]
    truncated: bool


def neighbourhood(store: Store, iri: str, *, depth: int = 1, direction: str = "both",
                  predicates: Sequence[str] | None = None, types: Sequence[str] | None = None,
                  limit: int = 200, max_triples: int = DEFAULT_MAX_TRIPLES) -> Neighbourhood:
    """The entities within ``depth`` hops of ``iri`` (short id or full IRI), at most ``limit`` of them.

    ``direction`` follows edges ``out`` of a node, ``in`` to it, or ``both``; ``predicates`` and
    ``types`` (``participant``, ``dt:Person`` or full IRIs) restrict the edges followed and the
    nodes admitted (the centre is always in). Raises :class:`NotFoundError` for an unknown entity
    and :class:`ParameterError` for a bad argument.
    """
    _check(depth, direction, limit, max_triples)
    centre = entity_iri(iri)
    edges = resolve_terms(predicates, "predicates") or list(EDGE_PREDICATES)
    classes = with_subclasses(resolve_terms(types, "types")) if types else []
    nodes, truncated = _expand(store, centre, depth, _Hop(direction, edges, classes), limit)
    if len(nodes) == 1:
        # A neighbour found proves the entity is in the store; only a lone centre needs the ASK.
        require_entity(store, centre)
    triples, cut = _describe(store, nodes, edges, max_triples)
    return Neighbourhood(centre=centre, nodes=nodes, triples=triples, truncated=truncated or cut)


def require_entity(store: Store, iri: URIRef) -> None:
    """Raise :class:`NotFoundError` naming ``iri`` unless some triple has it as subject or object."""
    ref = sparql_iri(str(iri), "id")
    if not store.ask(f"ASK {{ {{ {ref} ?p ?o }} UNION {{ ?s ?q {ref} }} }}"):
        raise NotFoundError(f"no entity {short_id(str(iri))!r} in the store")


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


def _expand(store: Store, centre: URIRef, depth: int, hop: _Hop,
            limit: int) -> tuple[list[URIRef], bool]:
    nodes, frontier, truncated = [centre], [centre], False
    for _ in range(depth):
        if not frontier:
            break
        room = limit - len(nodes)
        found = _new_neighbours(store, frontier, nodes, hop, room + 1)
        truncated = truncated or len(found) > room
        frontier = found[:room]
        nodes += frontier
    return nodes, truncated


def _new_neighbours(store: Store, frontier: list[URIRef], known: list[URIRef], hop: _Hop,
                    limit: int) -> list[URIRef]:
    patterns = []
    if hop.direction in ("out", "both"):
        patterns.append("{ ?n ?p ?m }")
    if hop.direction in ("in", "both"):
        patterns.append("{ ?m ?p ?n }")
    typed = f"{sparql_values('c', hop.classes)} ?m a ?c ." if hop.classes else ""
    excluded = ", ".join(sparql_iri(str(k)) for k in known)
    # A FILTER on ?p, not a VALUES block: Oxigraph joins two VALUES blocks with a scan.
    rows = store.select(
        f"SELECT DISTINCT ?m WHERE {{ {sparql_values('n', frontier)} {' UNION '.join(patterns)} "
        f"FILTER(isIRI(?m) && ?p IN ({sparql_list(hop.edges)}) && ?m NOT IN ({excluded})) {typed} }} "
        f"LIMIT {limit}"
    )
    return [URIRef(str(row["m"])) for row in rows]


def _describe(store: Store, nodes: list[URIRef], edges: list[URIRef],
              max_triples: int) -> tuple[list[Triple], bool]:
    rows = list(tsv_cells(store, (
        f"SELECT ?s ?p ?o WHERE {{ {sparql_values('s', nodes)} ?s ?p ?o "
        f"FILTER(isLiteral(?o) || ?p = {sparql_iri(str(RDF.type))} || ?p IN ({sparql_list(edges)})) }} "
        f"LIMIT {max_triples + 1}"
    )))
    members = {f"<{n}>" for n in nodes}
    edge_cells = {f"<{e}>" for e in edges}
    kept: dict[tuple[str, ...], Triple] = {}
    # Filter the raw cells first: building rdflib terms is the costly part of a neighbourhood.
    for s, p, o in rows[:max_triples]:
        if p in edge_cells and o not in members:
            continue  # an edge leaving the neighbourhood
        if (s, p, o) not in kept:  # the same triple in several article graphs counts once
            kept[(s, p, o)] = (term_from_tsv(s), URIRef(p[1:-1]), term_from_tsv(o))
    return list(kept.values()), len(rows) > max_triples
