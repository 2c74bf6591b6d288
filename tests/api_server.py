"""A real uvicorn server on 127.0.0.1 serving the app over a store the test filled."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI

from api.app import create_app
from api.settings import Settings
from graph.store.engine import free_port


@contextmanager
def serve(store_folder: Path, **settings: object) -> Iterator[tuple[httpx.Client, FastAPI]]:
    """Serve the app on a free loopback port; yield an HTTP client for it and the app."""
    app = create_app(Settings(store=str(store_folder), **settings))  # type: ignore[arg-type]
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the API server did not start")
        time.sleep(0.02)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            yield client, app
    finally:
        server.should_exit = True
        thread.join(timeout=30)


Api = tuple[httpx.Client, FastAPI]


def get(api: Api, url: str, status: int = 200, **params: Any) -> Any:
    """GET ``url`` from the served app, check the status and return the JSON body."""
    response = api[0].get(url, params=params)
    assert response.status_code == status, response.text
    return response.json()
