"""What ``/store`` (the Graph Store HTTP Protocol) does: read, replace, add to, or drop a graph.

Reads follow the query policy (open, negotiated, time and size limits, the query gate); writes
need the update token. The default graph is the union of the named graphs, so it can be read but
not written: writes name a graph with ``?graph=``.
"""

from __future__ import annotations

from fastapi import HTTPException
from fastapi.responses import Response
from rdflib import URIRef

from api.auth import require_update_token
from api.limits import QueryGate
from api.negotiation import GRAPH_TYPES, best_match
from api.protocol import is_absolute_iri, media_type_and_charset
from api.settings import Settings
from api.sparql_service import VARY, limits_for
from graph.store import Store
from graph.store.upload import parse_upload


def target_graph(graph: str | None, default: str | None) -> str | None:
    """The graph IRI a request names (``None`` for ``?default``); 400 unless exactly one is given."""
    if (graph is None) == (default is None):
        raise HTTPException(400, "name exactly one graph: ?graph=<absolute IRI> or ?default")
    if graph is not None and not is_absolute_iri(graph):
        raise HTTPException(400, f"graph must be an absolute IRI, not {graph!r}")
    return graph


def read_graph(store: Store, gate: QueryGate, settings: Settings, graph: str | None,
               accept: str | None) -> Response:
    """The triples of a named graph (404 if it has none) or of the union default graph."""
    chosen = best_match(accept, list(GRAPH_TYPES))
    if chosen is None:
        raise HTTPException(406, f"graphs are available as {', '.join(sorted(set(GRAPH_TYPES.values())))}")
    with gate.slot():
        if graph is None:
            sparql = "CONSTRUCT WHERE { ?s ?p ?o }"
        elif store.graph_exists(graph):
            sparql = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{URIRef(graph)}> {{ ?s ?p ?o }} }}"
        else:
            raise HTTPException(404, f"there is no graph <{graph}>")
        answer = store.query_bounded(sparql, accept=GRAPH_TYPES[chosen], limits=limits_for(settings))
    return Response(answer.body, media_type=answer.media_type, headers=VARY)


def write_graph(store: Store, settings: Settings, graph: str | None, body: bytes, *,
                content_type: str | None, authorization: str | None, replace: bool) -> Response:
    """Replace (PUT) or add to (POST) a named graph; 201 when it is new, 204 otherwise."""
    require_update_token(settings, authorization)
    iri = _named(graph)
    media_type, _ = media_type_and_charset(content_type)
    parsed = parse_upload(body, media_type, public_id=iri)
    existed = store.graph_exists(iri)
    if replace:
        store.put_graph(iri, parsed)
    else:
        store.post_graph(iri, parsed)
    return Response(status_code=204 if existed else 201)


def drop_graph(store: Store, settings: Settings, graph: str | None,
               authorization: str | None) -> Response:
    """Drop a named graph; 404 if there is none."""
    require_update_token(settings, authorization)
    iri = _named(graph)
    if not store.graph_exists(iri):
        raise HTTPException(404, f"there is no graph <{iri}>")
    store.delete_graph(iri)
    return Response(status_code=204)


def _named(graph: str | None) -> str:
    if graph is None:
        raise HTTPException(400, "the default graph is the union of the named graphs and cannot be "
                                 "written; name a graph with ?graph=<IRI>")
    return graph
