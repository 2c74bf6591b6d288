"""FastAPI dependencies: settings and the store, shared by every router."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from api.limits import QueryGate
from api.settings import Settings
from graph.store import Store
from graph.store.changes import ChangeCache, store_signal


async def app_settings(request: Request) -> Settings:
    """The settings the application was built with (:func:`api.app.create_app`).

    Read from the application, not through ``dependency_overrides``: FastAPI analyses an
    overriding function's signature again on every request.
    """
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(app_settings)]


async def get_store(request: Request) -> Store:
    """The store opened when the application started (async: a sync dependency costs a thread hop)."""
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


async def request_body(request: Request) -> bytes:
    """The request body (its size already capped by the body-limit middleware)."""
    return await request.body()


BodyDep = Annotated[bytes, Depends(request_body)]


# -- lookups: one store-changed cache per application (label index, rankings, stats) ------------
_change_cache_lock = threading.Lock()


async def get_change_cache(request: Request, settings: SettingsDep) -> ChangeCache:
    """The application's cache of values recomputed only when the store changed (async: a sync
    dependency costs a thread-pool hop; the lock is held for a look-up, never across a wait)."""
    with _change_cache_lock:
        cache: ChangeCache | None = getattr(request.app.state, "change_cache", None)
        if cache is None:
            store: Store = request.app.state.store
            cache = ChangeCache(lambda: store_signal(store), background=True,
                                check_interval_s=settings.change_check_interval)
            request.app.state.change_cache = cache
    return cache


ChangeCacheDep = Annotated[ChangeCache, Depends(get_change_cache)]
