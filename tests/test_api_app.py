"""The application's start-up: the settings it is built with reach its routes; ``settle_heap``
freezes what start-up loaded, and only then."""

from __future__ import annotations

import gc

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.store import Store


@pytest.mark.parametrize("settle", [True, False])
def test_settle_heap_freezes_the_started_process(session_store: Store, settle: bool) -> None:
    gc.unfreeze()
    base = session_store.endpoints.query.removesuffix("/query")
    try:
        with TestClient(create_app(Settings(store=base), settle_heap=settle)) as client:
            assert client.get("/health").json()["store"] is True
            assert (gc.get_freeze_count() > 0) is settle
    finally:
        gc.unfreeze()


def test_routes_use_the_settings_the_app_was_built_with(session_store: Store) -> None:
    # Not the environment's: get_settings() would give the default limit of the lookups.
    base = session_store.endpoints.query.removesuffix("/query")
    with TestClient(create_app(Settings(store=base, lookup_max_limit=3))) as client:
        answer = client.get("/api/entities/person/anyone/neighbourhood", params={"limit": 4})
        assert answer.status_code == 422
        assert "TIES_LOOKUP_MAX_LIMIT" in answer.text and "limit" in answer.text
        assert client.get("/api/entities/person/anyone/neighbourhood", params={"limit": 3}).status_code == 404
