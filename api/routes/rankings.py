"""``/api/rankings``: who is central (cached; recomputed only when the store changed)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.deps import ChangeCacheDep, SettingsDep, StoreDep
from api.models import Rankings
from api.params import at_most
from graph.lookups.analytics import ranking
from graph.lookups.entity import briefs

router = APIRouter(prefix="/api", tags=["rankings"])


@router.get("/rankings", response_model=Rankings, summary="The most central entities")
def rankings(*, store: StoreDep, cache: ChangeCacheDep, settings: SettingsDep,
             metric: Literal["degree", "pagerank", "betweenness"] = "degree",
             type: Annotated[list[str] | None, Query(description="Class, e.g. `Person`.")] = None,
             limit: Annotated[int, Query(ge=1)] = 20) -> Rankings:
    """Degree, PageRank or (sampled, seeded) betweenness over the entity graph."""
    at_most("limit", limit, settings.lookup_max_limit, "TIES_LOOKUP_MAX_LIMIT")
    found = ranking(store, cache, metric, types=type, limit=limit,
                    betweenness_samples=settings.betweenness_samples)
    return Rankings.from_ranking(found, briefs(store, [iri for iri, _ in found.entries]))
