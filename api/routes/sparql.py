"""``/sparql``: the SPARQL 1.1 Protocol endpoint (queries, updates, service description)."""

from __future__ import annotations

from fastapi import APIRouter, Header, Request
from fastapi.responses import Response

from api.deps import EndpointDep, OperationDep
from api.sparql_service import answer_query, apply_update, describe_service

router = APIRouter(tags=["sparql"])


@router.api_route("/sparql", methods=["GET", "POST"], summary="SPARQL 1.1 query and update endpoint")
@router.api_route("/sparql/", methods=["GET", "POST"], include_in_schema=False)
def sparql(request: Request, operation: OperationDep, endpoint: EndpointDep,
           accept: str | None = Header(None),
           authorization: str | None = Header(None, include_in_schema=False)) -> Response:
    """Run a query (GET ``?query=``, POST form or ``application/sparql-query``) or an update
    (POST form ``update=`` or ``application/sparql-update``, with the bearer token).
    A bare GET returns the service description."""
    store, settings = endpoint.store, endpoint.settings
    if operation.kind == "update":
        return apply_update(store, settings, operation, authorization)
    if operation.kind == "query":
        return answer_query(store, endpoint.gate, settings, operation, accept)
    return describe_service(settings, str(request.url.replace(query="")), accept)
