"""The application's start-up: ``settle_heap`` freezes what start-up loaded, and only then."""

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
