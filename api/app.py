"""The FastAPI application: opens the store at start-up, includes one router per resource."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api.errors import install_error_handlers
from api.limits import install_limits
from api.routes import entities, graph_store, health, paths, rankings, resource, sparql, stats, timeline
from api.settings import Settings, get_settings
from graph import __version__
from graph.heap import freeze_loaded
from graph.store import open_store


def create_app(settings: Settings | None = None, *, settle_heap: bool = False) -> FastAPI:
    """Build the application for ``settings`` (by default read from the environment).

    ``settle_heap`` (for a process that serves this one app, as ``ties serve``): once started,
    move everything loaded so far out of the collector's reach (:func:`graph.heap.freeze_loaded`).
    """
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = open_store(settings.store, query_timeout_s=settings.query_timeout,
                                     start_timeout_s=settings.engine_start_timeout)
        if settle_heap:
            # A full collection paused a request for about 70 ms on the 1M-triple bench, 11 ms
            # once what start-up loaded is frozen.
            freeze_loaded()
        try:
            yield
        finally:
            app.state.store.close()

    app = FastAPI(title="defence-ties", version=__version__, lifespan=lifespan,
                  description="A knowledge graph of India-US defence ties.")

    app.state.settings = settings  # what api.deps.app_settings hands to every route
    install_error_handlers(app)
    install_limits(app, settings)
    app.include_router(health.router)
    app.include_router(sparql.router)
    app.include_router(graph_store.router)
    app.include_router(resource.router)
    app.include_router(entities.router)
    app.include_router(paths.router)
    app.include_router(timeline.router)
    app.include_router(rankings.router)
    app.include_router(stats.router)
    return app
