"""``/resource/{path}``: the project's resource IRIs, dereferenceable by content negotiation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query
from fastapi.responses import Response

from api.deps import EndpointDep
from api.resource_service import describe_resource

router = APIRouter(tags=["resources"])


@router.get("/resource/{path:path}", summary="Describe a resource (Turtle, JSON-LD, N-Triples or HTML)")
def resource(*, path: str, endpoint: EndpointDep,
             accept: Annotated[str | None, Header()] = None,
             format_name: Annotated[str | None, Query(
                 alias="format", description="turtle, jsonld, ntriples or html; overrides Accept")] = None,
             ) -> Response:
    """What the store says about ``https://w3id.org/defence-ties/resource/{path}`` and what points at it."""
    return describe_resource(endpoint.store, endpoint.gate, endpoint.settings, path,
                             accept=accept, format_name=format_name)
