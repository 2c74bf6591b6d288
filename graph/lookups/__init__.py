"""Lookups: the questions the HTTP API answers from the store, each a few bounded SPARQL queries.

The entity page (:mod:`.entity`), search by name (:mod:`.search`), neighbourhoods (:mod:`.neighbourhood`),
shortest paths (:mod:`.paths`), the timeline (:mod:`.timeline`), rankings and centrality
(:mod:`.analytics`), counts (:mod:`.stats`, :mod:`.summary`), and the query plans that run the same
way from sync and async code (:mod:`.plans`).

May import: :mod:`graph.errors`, :mod:`graph.model` and :mod:`graph.store`. Never ingest, export
or validation: a lookup only reads what is stored.
"""

from __future__ import annotations

from graph.lookups.analytics import Ranking, centrality, ranking
from graph.lookups.entity import EntityPage, aentity_page, entity_page
from graph.lookups.neighbourhood import Neighbourhood, aneighbourhood, neighbourhood
from graph.lookups.paths import PathsResult, shortest_paths
from graph.lookups.search import SearchHit, search_entities
from graph.lookups.stats import StoreStats, store_stats
from graph.lookups.summary import StoreSummary, store_summary
from graph.lookups.timeline import Timeline, atimeline, timeline

__all__ = [
    "EntityPage",
    "Neighbourhood",
    "PathsResult",
    "Ranking",
    "SearchHit",
    "StoreStats",
    "StoreSummary",
    "Timeline",
    "aentity_page",
    "aneighbourhood",
    "atimeline",
    "centrality",
    "entity_page",
    "neighbourhood",
    "ranking",
    "search_entities",
    "shortest_paths",
    "store_stats",
    "store_summary",
    "timeline",
]
