"""``/api/paths``: how two entities are connected."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import SettingsDep, StoreDep
from api.models import Paths
from api.params import at_most
from graph.lookups.entity import briefs
from graph.lookups.paths import shortest_paths

router = APIRouter(prefix="/api", tags=["paths"])


@router.get("/paths", response_model=Paths, response_model_by_alias=True,
            summary="Shortest connections between two entities")
def paths(*, store: StoreDep, settings: SettingsDep,
          source: Annotated[str, Query(alias="from", description="Entity id or IRI.")],
          target: Annotated[str, Query(alias="to", description="Entity id or IRI.")],
          max_length: Annotated[int, Query(ge=1, description="Most hops.")] = 4,
          predicates: Annotated[list[str] | None, Query(description="Edge properties to follow.")] = None,
          limit: Annotated[int, Query(ge=1, description="Most paths returned.")] = 10) -> Paths:
    """Every shortest path (up to `limit`), each hop with its predicate and direction."""
    at_most("max_length", max_length, settings.paths_max_length, "TIES_PATHS_MAX_LENGTH")
    at_most("limit", limit, settings.lookup_max_limit, "TIES_LOOKUP_MAX_LIMIT")
    result = shortest_paths(store, source, target, max_length=max_length, predicates=predicates,
                            limit=limit, max_frontier=settings.paths_max_frontier)
    nodes = {result.source, result.target} | {h.source for p in result.paths for h in p}
    return Paths.from_result(result, briefs(store, sorted(nodes)))
