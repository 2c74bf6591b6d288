"""Limits that keep the service answering under load: a body cap, a bounded query queue, CORS.

Examples
--------
>>> gate = QueryGate(running=1, queued=0, wait_s=0.1)
>>> with gate.slot():
...     with gate.slot():
...         pass
Traceback (most recent call last):
...
graph.errors.ServiceBusyError: 1 queries are running and 0 waiting, the most this service allows ...
"""

from __future__ import annotations

import asyncio
import math
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_response
from api.settings import Settings
from graph.errors import ServiceBusyError


class QueryGate:
    """At most ``running`` queries at once; up to ``queued`` more wait up to ``wait_s`` for a slot."""

    def __init__(self, running: int, queued: int, wait_s: float) -> None:
        self.running = running
        self.queued = queued
        self.wait_s = wait_s
        self._slots = threading.BoundedSemaphore(running)
        self._lock = threading.Lock()
        self._waiting = 0

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold a slot while the block runs; ``ServiceBusyError`` when the queue is full or slow."""
        if not self._slots.acquire(blocking=False):
            self._wait_for_slot()
        try:
            yield
        finally:
            self._slots.release()

    @asynccontextmanager
    async def async_slot(self) -> AsyncIterator[None]:
        """:meth:`slot` for async code: a free slot costs no thread; waiting for one is done in
        a worker thread, so the event loop keeps serving other requests."""
        if not self._slots.acquire(blocking=False):
            await asyncio.to_thread(self._wait_for_slot)
        try:
            yield
        finally:
            self._slots.release()

    def _wait_for_slot(self) -> None:
        with self._lock:
            if self._waiting >= self.queued:
                raise self._busy()
            self._waiting += 1
        try:
            acquired = self._slots.acquire(timeout=self.wait_s)
        finally:
            with self._lock:
                self._waiting -= 1
        if not acquired:
            raise self._busy()

    def _busy(self) -> ServiceBusyError:
        return ServiceBusyError(
            f"{self.running} queries are running and {self.queued} waiting, the most this service "
            "allows (TIES_MAX_CONCURRENT_QUERIES, TIES_MAX_QUEUED_QUERIES); try again shortly",
            retry_after_s=max(1, math.ceil(self.wait_s)))


class BodyTooLargeError(Exception):
    """Raised while reading a request body that passes the cap."""


class BodyLimitMiddleware:
    """Refuse request bodies larger than ``max_bytes`` with 413, declared or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        received = 0

        async def capped_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise BodyTooLargeError
            return message

        try:
            await self.app(scope, capped_receive, send)
        except BodyTooLargeError:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(
            413, "BodyTooLarge", f"the request body is larger than {self.max_bytes} bytes "
            "(TIES_MAX_BODY_BYTES) or its Content-Length is not a number",
            headers={"Connection": "close"})
        await response(scope, receive, send)


def install_limits(app: FastAPI, settings: Settings) -> None:
    """Install the body cap, CORS for reads, and the query gate (``app.state.query_gate``)."""
    app.state.endpoint_settings = settings
    app.state.query_gate = QueryGate(settings.max_concurrent_queries, settings.max_queued_queries,
                                     wait_s=settings.query_timeout)
    # Reads only: browsers may GET and POST queries, but not send the Authorization header that
    # writes need, so no cross-site page can write even with a stolen token in its script.
    app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins.split(),
                       allow_methods=["GET", "POST", "HEAD", "OPTIONS"],
                       allow_headers=["Accept", "Content-Type"], max_age=600)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
