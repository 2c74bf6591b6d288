"""``/store``: the SPARQL 1.1 Graph Store HTTP Protocol (``?graph=<IRI>`` or ``?default``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query
from fastapi.responses import Response

from api.deps import BodyDep, EndpointDep
from api.store_service import drop_graph, read_graph, target_graph, write_graph

router = APIRouter(tags=["graph store"])

GraphParam = Annotated[str | None, Query(alias="graph", description="Absolute IRI of a named graph.")]
DefaultParam = Annotated[str | None, Query(alias="default", description="Present: the default graph.")]
HeaderParam = Annotated[str | None, Header(include_in_schema=False)]


@router.api_route("/store", methods=["GET", "HEAD"], summary="Read a graph")
def get_graph(*, endpoint: EndpointDep, graph: GraphParam = None,
              default: DefaultParam = None, accept: HeaderParam = None) -> Response:
    """A named graph, or the default graph (the union of all named graphs), in the negotiated format."""
    return read_graph(endpoint.store, endpoint.gate, endpoint.settings, target_graph(graph, default),
                      accept)


@router.put("/store", status_code=204, summary="Replace a named graph (needs the update token)")
def put_graph(*, endpoint: EndpointDep, body: BodyDep, graph: GraphParam = None,
              default: DefaultParam = None, content_type: HeaderParam = None,
              authorization: HeaderParam = None) -> Response:
    """Replace the graph with the body (Turtle, N-Triples, RDF/XML or JSON-LD), all or nothing."""
    return write_graph(endpoint.store, endpoint.settings, target_graph(graph, default), body,
                       content_type=content_type, authorization=authorization, replace=True)


@router.post("/store", status_code=204, summary="Add to a named graph (needs the update token)")
def post_graph(*, endpoint: EndpointDep, body: BodyDep, graph: GraphParam = None,
               default: DefaultParam = None, content_type: HeaderParam = None,
               authorization: HeaderParam = None) -> Response:
    """Add the body's triples to the graph."""
    return write_graph(endpoint.store, endpoint.settings, target_graph(graph, default), body,
                       content_type=content_type, authorization=authorization, replace=False)


@router.delete("/store", status_code=204, summary="Drop a named graph (needs the update token)")
def delete_graph(*, endpoint: EndpointDep, graph: GraphParam = None,
                 default: DefaultParam = None, authorization: HeaderParam = None) -> Response:
    """Drop the graph."""
    return drop_graph(endpoint.store, endpoint.settings, target_graph(graph, default), authorization)
