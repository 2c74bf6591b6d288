"""FastAPI dependencies: settings and the store, shared by every router."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.limits import QueryGate
from api.protocol import Operation, read_operation
from api.settings import Settings, get_settings
from graph.store import Store

SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_store(request: Request) -> Store:
    """The store opened when the application started."""
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def get_query_gate(request: Request) -> QueryGate:
    """The gate that bounds concurrent and queued queries."""
    gate: QueryGate = request.app.state.query_gate
    return gate


QueryGateDep = Annotated[QueryGate, Depends(get_query_gate)]
OperationDep = Annotated[Operation, Depends(read_operation)]


async def request_body(request: Request) -> bytes:
    """The request body (its size already capped by the body-limit middleware)."""
    return await request.body()


BodyDep = Annotated[bytes, Depends(request_body)]
