"""Settings of the service and the command line, read from ``TIES_*`` environment variables.

Every limit is declared here with a safe default; the README's settings table lists them all and a
test checks that it does.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """All ``TIES_`` settings; ``TIES_STORE=var/store`` sets ``store``."""

    model_config = SettingsConfigDict(env_prefix="TIES_", extra="ignore")

    store: str = Field("var/store", description="Store folder (embedded Oxigraph) or http(s) URL.")
    host: str = Field("127.0.0.1", description="Address `ties serve` binds to.")
    port: int = Field(8000, ge=1, le=65535, description="Port `ties serve` listens on.")
    query_timeout: float = Field(10.0, gt=0, le=3600, description="Seconds a SPARQL query may run.")
    engine_start_timeout: float = Field(
        120.0, gt=0, le=3600,
        description="Seconds the embedded Oxigraph server may take to open its store and answer.")

    # -- exports (`ties export`, graph/export) ---------------------------------------------------
    export_max_triples: int = Field(
        2_000_000, ge=1, description="Most triples a whole-graph export to a viewer format reads.")
    export_around_limit: int = Field(
        1000, ge=1, le=100_000, description="Most entities in a `ties export --around` neighbourhood.")

    # -- SPARQL endpoint, Graph Store and resource pages (api/routes/sparql.py and friends) --------
    update_token: SecretStr | None = Field(
        None, description="Bearer token that enables SPARQL Update and Graph Store writes; unset: off.")
    service_allowlist: str = Field(
        "", description="Space- or comma-separated endpoint IRIs that SERVICE and LOAD may reach.")
    max_body_bytes: int = Field(8 * 1024 * 1024, ge=1024, description="Largest request body accepted.")
    max_query_length: int = Field(100_000, ge=100, description="Longest query or update, in characters.")
    max_result_bytes: int = Field(32 * 1024 * 1024, ge=1024, description="Largest query result sent.")
    max_concurrent_queries: int = Field(4, ge=1, le=64, description="Queries run at the same time.")
    max_queued_queries: int = Field(16, ge=0, le=1024, description="Queries that may wait for a slot.")
    cors_origins: str = Field("*", description="Origins allowed to read cross-site (space-separated).")

    @property
    def allowed_services(self) -> frozenset[str]:
        """The endpoints ``SERVICE`` and ``LOAD`` may reach."""
        return frozenset(self.service_allowlist.replace(",", " ").split())

    # -- ingest (ties ingest) ----------------------------------------------------------------------
    gazetteer: str = Field("data/gazetteer.ttl", description="Gazetteer of known actors (Turtle).")
    ingest_max_bytes: int = Field(5_000_000, gt=0, le=500_000_000, description="Largest article input.")
    ingest_fetch_timeout: float = Field(10.0, gt=0, le=300, description="Seconds to fetch one URL.")
    ingest_batch: int = Field(50, ge=1, le=10_000, description="Article graphs validated per pySHACL run.")

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
