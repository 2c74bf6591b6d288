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

    # -- exports (`ties export`, graph/export) ---------------------------------------------------
    export_max_triples: int = Field(
        2_000_000, ge=1, description="Most triples a whole-graph export to a viewer format reads.")
    export_around_limit: int = Field(
        1000, ge=1, le=100_000, description="Most entities in a `ties export --around` neighbourhood.")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings, read once from the environment (a FastAPI dependency)."""
    return Settings()
