"""``/api/timeline``: events and signings in date order (the date index cached until the store changes)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import ChangeCacheDep, SettingsDep, StoreDep
from api.json_response import ModelResponse
from api.models import TimelineList
from api.params import at_most
from api.sparql_service import limits_for
from graph.lookups.timeline import atimeline, load_timeline_index

router = APIRouter(prefix="/api", tags=["timeline"])

DATE_DOC = "YYYY, YYYY-MM or YYYY-MM-DD (inclusive)."
ACTOR_DOC = "Entity id: who took part, chaired, hosted, signed or is party."
END_DOC = "Inclusive, any precision."


@router.get("/timeline", response_model=TimelineList, summary="Events and signings in date order")
async def timeline(*, store: StoreDep, cache: ChangeCacheDep, settings: SettingsDep,
                   start: Annotated[str | None, Query(alias="from", description=DATE_DOC)] = None,
                   end: Annotated[str | None, Query(alias="to", description=END_DOC)] = None,
                   actor: Annotated[str | None, Query(description=ACTOR_DOC)] = None,
                   type: Annotated[list[str] | None, Query(description="Class, e.g. `Exercise`.")] = None,
                   limit: Annotated[int, Query(ge=1)] = 200) -> Response:
    """Oldest first; `truncated` says when `limit` cut the list."""
    at_most("limit", limit, settings.lookup_max_limit, "TIES_LOOKUP_MAX_LIMIT")
    # async: the lookups are awaited on the loopback client; only the cached index takes a thread.
    found = await atimeline(store, limits=limits_for(settings), start=start, end=end, actor=actor,
                            types=type, limit=limit,
                            index=lambda: cache.get("timeline-index", lambda: load_timeline_index(store)))
    return ModelResponse(TimelineList.from_timeline(found))
