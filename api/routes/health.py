"""``/health``: is the service up and can it reach its store."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import StoreDep
from graph import __version__
from graph.errors import TiesError

router = APIRouter(tags=["health"])


class Health(BaseModel):
    """The service's state."""

    status: str
    version: str
    store: bool


@router.get("/health", response_model=Health, summary="Liveness and store reachability")
def health(store: StoreDep) -> Health:
    """``ok`` when the store answers a trivial query."""
    try:
        store_ok = store.ask("ASK {}")
    except TiesError:
        store_ok = False
    return Health(status="ok" if store_ok else "degraded", version=__version__, store=store_ok)
