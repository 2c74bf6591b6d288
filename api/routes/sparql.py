"""``/sparql``: the SPARQL 1.1 Protocol endpoint (queries, updates, service description)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api.deps import get_endpoint
from api.protocol import read_operation
from api.sparql_service import answer_query_async, apply_update, describe_service

router = APIRouter(tags=["sparql"])


# An async handler with no dependencies: a query is answered on the event loop without a
# thread-pool hop (point lookups are a few hundred microseconds of work); the blocking paths,
# updates and the service description, run in the thread pool.
@router.api_route("/sparql", methods=["GET", "POST"], summary="SPARQL 1.1 query and update endpoint")
@router.api_route("/sparql/", methods=["GET", "POST"], include_in_schema=False)
async def sparql(request: Request) -> Response:
    """Run a query (GET ``?query=``, POST form or ``application/sparql-query``) or an update
    (POST form ``update=`` or ``application/sparql-update``, with the bearer token).
    A bare GET returns the service description."""
    operation = await read_operation(request)
    endpoint = await get_endpoint(request)
    store, settings, headers = endpoint.store, endpoint.settings, request.headers
    if operation.kind == "query":
        return await answer_query_async(store, endpoint.gate, settings, operation, headers.get("accept"))
    if operation.kind == "update":
        return await run_in_threadpool(apply_update, store, settings, operation,
                                       headers.get("authorization"))
    return await run_in_threadpool(describe_service, settings, str(request.url.replace(query="")),
                                   headers.get("accept"))
