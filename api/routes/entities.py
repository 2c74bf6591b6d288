"""``/api/entities``: search by name, one entity's page, the neighbourhood around it."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response
from starlette.concurrency import run_in_threadpool

from api.deps import ChangeCacheDep, SettingsDep, StoreDep
from api.exports import GRAPH_FORMATS, render_neighbourhood
from api.json_response import ModelResponse
from api.models import Entity, NeighbourhoodGraph, SearchResult, SearchResults
from api.neighbourhood_json import neighbourhood_json
from api.params import at_most
from api.sparql_service import limits_for
from graph.lookups.entity import aentity_page
from graph.lookups.neighbourhood import aneighbourhood
from graph.lookups.search import search_entities

router = APIRouter(prefix="/api/entities", tags=["entities"])

ID_DOC = "Short id (`person/rajnath-singh`) or the full IRI (URL-encoded)."
TYPE_DOC = "Class (`Person`, `dt:Event` or an IRI), subclasses included; repeat or comma-separate."
GRAPH_MEDIA: dict[str, dict[str, str]] = {
    "application/json": {}, "application/xml": {}, "text/vnd.graphviz": {}}


@router.get("", response_model=SearchResults, summary="Search entities by label and alias")
def search(*, store: StoreDep, cache: ChangeCacheDep, settings: SettingsDep,
           q: Annotated[str, Query(min_length=1, max_length=200, description="Name, alias or acronym.")],
           type: Annotated[list[str] | None, Query(description=TYPE_DOC)] = None,
           limit: Annotated[int, Query(ge=1)] = 10) -> SearchResults:
    """Forgiving of case, accents, British/American spelling, acronyms and small typos; best first."""
    at_most("limit", limit, settings.lookup_max_limit, "TIES_LOOKUP_MAX_LIMIT")
    hits = search_entities(store, cache, q, types=type, limit=limit)
    return SearchResults(query=q, results=[SearchResult.from_hit(hit) for hit in hits])


@router.get("/{id:path}/neighbourhood", response_model=NeighbourhoodGraph,
            summary="The subgraph around an entity",
            responses={200: {"content": GRAPH_MEDIA,
                             "description": "JSON (`format=json`, the model below) or a graph file."}})
async def entity_neighbourhood(
    *, store: StoreDep, settings: SettingsDep,
    id: Annotated[str, Path(description=ID_DOC)],
    depth: Annotated[int, Query(ge=1)] = 1,
    direction: Literal["out", "in", "both"] = "both",
    predicates: Annotated[list[str] | None, Query(description="Edge properties to follow.")] = None,
    types: Annotated[list[str] | None, Query(description=TYPE_DOC)] = None,
    limit: Annotated[int, Query(ge=1, description="Most nodes; `truncated` says if it cut.")] = 200,
    format: Literal["json", "cytoscape", "nodelink", "graphml", "gexf", "dot"] = "json",
) -> Response:
    """Nodes within `depth` hops and the edges between them, as JSON or in a graph-file format."""
    at_most("depth", depth, settings.neighbourhood_max_depth, "TIES_NEIGHBOURHOOD_MAX_DEPTH")
    at_most("limit", limit, settings.lookup_max_limit, "TIES_LOOKUP_MAX_LIMIT")
    # async: the engine is awaited on the loopback client, so the request needs no thread.
    found = await aneighbourhood(store, id, limits=limits_for(settings), depth=depth,
                                 direction=direction, predicates=predicates, types=types,
                                 limit=limit, max_triples=settings.neighbourhood_max_triples)
    if format in GRAPH_FORMATS:
        body, media_type = await run_in_threadpool(render_neighbourhood, found, format)
        return Response(body, media_type=media_type,
                        headers={"X-Truncated": str(found.truncated).lower()})
    return Response(neighbourhood_json(found), media_type="application/json")


@router.get("/{id:path}", response_model=Entity, summary="One entity with its edges and their sources")
async def entity(store: StoreDep, settings: SettingsDep,
                 id: Annotated[str, Path(description=ID_DOC)]) -> Response:
    """IRI, types, labels, literal attributes, edges in and out with the articles that support them."""
    page = await aentity_page(store, id, limits=limits_for(settings), max_edges=settings.entity_max_edges)
    return ModelResponse(Entity.from_page(page))
