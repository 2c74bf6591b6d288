"""FastAPI dependencies: settings and the store, shared by every router."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Endpoint:
    """What the SPARQL, Graph Store and resource routes work with."""

    store: Store
    gate: QueryGate
    settings: Settings


async def get_endpoint(request: Request) -> Endpoint:
    """The store, the query gate and the settings, in one async dependency: sync dependencies
    each cost a thread-pool hop, which is most of a point lookup's time."""
    state = request.app.state
    return Endpoint(state.store, state.query_gate, state.endpoint_settings)


EndpointDep = Annotated[Endpoint, Depends(get_endpoint)]
OperationDep = Annotated[Operation, Depends(read_operation)]


async def request_body(request: Request) -> bytes:
    """The request body (its size already capped by the body-limit middleware)."""
    return await request.body()


BodyDep = Annotated[bytes, Depends(request_body)]
