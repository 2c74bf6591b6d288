"""``/api/stats``: what the store holds (cached until the store changes)."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import ChangeCacheDep, StoreDep
from api.models import Stats
from graph.lookups.summary import store_summary

router = APIRouter(prefix="/api", tags=["stats"])


@router.get("/stats", response_model=Stats, summary="Counts by class and predicate, articles, last ingest")
def stats(store: StoreDep, cache: ChangeCacheDep) -> Stats:
    """Triples, graphs, articles, entities per class, triples per predicate, last ingest."""
    return Stats.from_summary(cache.get("summary", lambda: store_summary(store)))
