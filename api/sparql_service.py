"""What ``/sparql`` does with an operation: check it, negotiate the format, run it within limits.

Examples
--------
>>> negotiate("application/sparql-results+xml, application/rdf+xml", "CONSTRUCT")
'application/rdf+xml'
>>> negotiate("application/json", "SELECT")
'application/sparql-results+json'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import HTTPException
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api.auth import require_update_token, updates_enabled
from api.limits import QueryGate
from api.negotiation import GRAPH_TYPES, JSONLD, NTRIPLES, RDFXML, RESULT_TYPES, TURTLE, best_match
from api.protocol import Operation
from api.settings import Settings
from graph.errors import QueryError
from graph.store import Store
from graph.store.bounded import Limits
from graph.store.service_description import service_description
from graph.store.sparql_guard import check_update, plain_form, query_form

VARY = {"Vary": "Accept"}
DESCRIPTION_TYPES = {TURTLE: "turtle", NTRIPLES: "nt", RDFXML: "xml", JSONLD: "json-ld"}


def negotiate(accept: str | None, form: str) -> str:
    """The media type to answer a query of ``form`` in, as the engine names it; 406 if none fits."""
    types = RESULT_TYPES if form in ("SELECT", "ASK") else GRAPH_TYPES
    chosen = best_match(accept, list(types))
    if chosen is None:
        kind = "results" if types is RESULT_TYPES else "RDF"
        raise HTTPException(406, f"none of the accepted types ({accept}) fits a {form} query; "
                                 f"{kind} are available as {', '.join(sorted(set(types.values())))}")
    return types[chosen]


def limits_for(settings: Settings) -> Limits:
    """The time and size limits of one query."""
    return Limits(deadline_s=settings.query_timeout, max_bytes=settings.max_result_bytes)


def check_length(settings: Settings, text: str) -> None:
    """413 when a query or update is longer than ``TIES_MAX_QUERY_LENGTH``."""
    if len(text) > settings.max_query_length:
        raise HTTPException(413, f"the operation is {len(text)} characters long, more than "
                                 f"{settings.max_query_length} (TIES_MAX_QUERY_LENGTH)")


def with_base(operation: Operation) -> tuple[str, int]:
    """The text with the endpoint as its base IRI (the engine would use its own, private URL),
    and the number of characters put in front, all on the first line.

    >>> with_base(Operation("query", "ASK { <s> ?p ?o }", base="http://h/sparql"))
    ('BASE <http://h/sparql> ASK { <s> ?p ?o }', 23)
    """
    if not operation.base:
        return operation.text, 0
    prefix = f"BASE <{operation.base}> "
    return prefix + operation.text, len(prefix)


@contextmanager
def columns_shifted_back(offset: int) -> Iterator[None]:
    """Make the engine's ``error at 1:N`` point into the client's text, not ours."""
    try:
        yield
    except QueryError as exc:
        message = re.sub(r"\bat 1:(\d+)", lambda m: f"at 1:{max(1, int(m.group(1)) - offset)}", str(exc))
        raise QueryError(message) from None


def answer_query(store: Store, gate: QueryGate, settings: Settings, operation: Operation,
                 accept: str | None) -> Response:
    """Run a query and answer with its whole result in the negotiated format."""
    check_length(settings, operation.text)
    form = query_form(operation.text, settings.allowed_services)
    media_type = negotiate(accept, form)
    text, offset = with_base(operation)
    with gate.slot(), columns_shifted_back(offset):
        answer = store.query_bounded(text, accept=media_type, limits=limits_for(settings),
                                     params=operation.params)
    return Response(answer.body, media_type=answer.media_type or media_type, headers=VARY)


async def answer_query_async(store: Store, gate: QueryGate, settings: Settings, operation: Operation,
                             accept: str | None) -> Response:
    """:func:`answer_query` without a thread: the same checks, limits and answer (a query the
    guard must parse is parsed in a worker thread)."""
    check_length(settings, operation.text)
    form = plain_form(operation.text)
    if form is None:
        form = await run_in_threadpool(query_form, operation.text, settings.allowed_services)
    media_type = negotiate(accept, form)
    text, offset = with_base(operation)
    async with gate.async_slot():
        with columns_shifted_back(offset):
            answer = await store.aquery_bounded(text, accept=media_type, limits=limits_for(settings),
                                                params=operation.params)
    return Response(answer.body, media_type=answer.media_type or media_type, headers=VARY)


def apply_update(store: Store, settings: Settings, operation: Operation,
                 authorization: str | None) -> Response:
    """Run an update for a client holding the update token; 204 when it is applied."""
    require_update_token(settings, authorization)
    check_length(settings, operation.text)
    check_update(operation.text, settings.allowed_services)
    text, offset = with_base(operation)
    with columns_shifted_back(offset):
        store.update_with(text, operation.params)
    return Response(status_code=204)


def describe_service(settings: Settings, endpoint: str, accept: str | None) -> Response:
    """The service description, in Turtle unless the client prefers another RDF format."""
    chosen = best_match(accept, list(GRAPH_TYPES))
    media_type = GRAPH_TYPES[chosen] if chosen else TURTLE
    if media_type not in DESCRIPTION_TYPES:
        media_type = TURTLE
    graph = service_description(endpoint, updates=updates_enabled(settings),
                                federation=bool(settings.allowed_services))
    body = graph.serialize(format=DESCRIPTION_TYPES[media_type], encoding="utf-8")
    return Response(body, media_type=media_type, headers=VARY)
