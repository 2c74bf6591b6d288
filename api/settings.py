"""Settings of the service and the command line, read from ``TIES_*`` environment variables.

Every limit is declared here with a safe default; the README's settings table lists them all and a
test checks that it does.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """All ``TIES_`` settings; ``TIES_STORE=var/store`` sets ``store``."""

    model_config = SettingsConfigDict(env_prefix="TIES_", extra="ignore")

    store: str = Field("var/store", description="Store folder (embedded Oxigraph) or http(s) URL.")
    host: str = Field("127.0.0.1", description="Address `ties serve` binds to.")
    port: int = Field(8000, ge=1, le=65535, description="Port `ties serve` listens on.")
    query_timeout: float = Field(10.0, gt=0, le=3600, description="Seconds a SPARQL query may run.")

    # -- lookups and rankings (/api/entities, /api/paths, /api/timeline, /api/rankings, /api/stats) --
    lookup_max_limit: int = Field(
        1000, ge=1, le=100_000, description="Largest `limit` any lookup takes.")
    neighbourhood_max_depth: int = Field(3, ge=1, le=10, description="Largest neighbourhood `depth`.")
    neighbourhood_max_triples: int = Field(20_000, ge=1, description="Triples a neighbourhood may describe.")
    entity_max_edges: int = Field(500, ge=1, description="Edges an entity page lists.")
    paths_max_length: int = Field(6, ge=1, le=12, description="Largest `max_length` of /api/paths.")
    paths_max_frontier: int = Field(500, ge=1, description="Nodes a path search keeps per hop and side.")
    betweenness_samples: int = Field(32, ge=1, description="Sampled sources for approximate betweenness.")
    change_check_interval: float = Field(2.0, ge=0, description="Seconds between store-changed checks.")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings, read once from the environment (a FastAPI dependency)."""
    return Settings()
