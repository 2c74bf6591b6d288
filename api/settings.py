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

    # -- ingest (ties ingest) ----------------------------------------------------------------------
    gazetteer: str = Field("data/gazetteer.ttl", description="Gazetteer of known actors (Turtle).")
    ingest_max_bytes: int = Field(5_000_000, gt=0, le=500_000_000, description="Largest article input.")
    ingest_fetch_timeout: float = Field(10.0, gt=0, le=300, description="Seconds to fetch one URL.")
    ingest_batch: int = Field(50, ge=1, le=10_000, description="Article graphs validated per pySHACL run.")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings, read once from the environment (a FastAPI dependency)."""
    return Settings()
