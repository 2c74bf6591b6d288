"""The async query path of ``/sparql`` (``graph.store.loopback`` under ``Store.aquery_bounded``), against a
real Oxigraph server: same answers as the sync path, one kept-alive connection, the same limits."""

from __future__ import annotations

import asyncio
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from api.limits import QueryGate
from graph.errors import QueryError, ResultTooLargeError, ServiceBusyError, StoreUnavailableError
from graph.store import Endpoints, Store
from graph.store.bounded import Answer, Limits
from graph.store.engine import engine_answers, free_port, oxigraph_binary
from graph.store.loopback import LoopbackClient, Reply

JSON = "application/sparql-results+json"
LIMITS = Limits(deadline_s=10, max_bytes=50_000_000)
ROWS = "SELECT ?s ?o WHERE { ?s <http://example.org/p> ?o } ORDER BY ?s"
HEADERS = {"Content-Type": "application/sparql-query", "Accept": JSON}


def _fill(store: Store, rows: int) -> None:
    triples = " ".join(f'<http://example.org/s{i}> <http://example.org/p> "value {i} {"x" * 40}" .'
                       for i in range(rows))
    store.update(f"INSERT DATA {{ GRAPH <http://example.org/g> {{ {triples} }} }}")


def _client_for(store: Store) -> tuple[LoopbackClient, str]:
    url = urlsplit(store.endpoints.query)
    assert url.hostname is not None and url.port is not None
    return LoopbackClient(url.hostname, url.port), url.path


def test_async_answers_equal_the_sync_ones(store: Store) -> None:
    _fill(store, 3000)
    dataset = [("default-graph-uri", "http://example.org/g")]
    expected = [store.query_bounded(ROWS, accept=JSON, limits=LIMITS),
                store.query_bounded(ROWS, accept=JSON, limits=LIMITS, params=dataset),
                store.query_bounded("ASK { ?s ?p ?o }", accept="text/csv", limits=LIMITS)]

    async def answers() -> list[Answer]:
        return [await store.aquery_bounded(ROWS, accept=JSON, limits=LIMITS),
                await store.aquery_bounded(ROWS, accept=JSON, limits=LIMITS, params=dataset),
                await store.aquery_bounded("ASK { ?s ?p ?o }", accept="text/csv", limits=LIMITS)]

    got = asyncio.run(answers())
    assert got == expected
    assert len(got[0].body) > 200_000 and got[0].media_type == JSON


def test_one_connection_serves_sized_and_streamed_bodies(store: Store) -> None:
    _fill(store, 3000)
    client, path = _client_for(store)

    async def replies() -> list[Reply]:
        return [await client.post(path, text.encode(), HEADERS, 50_000_000)
                for text in (ROWS, "ASK {}", ROWS, "ASK {}")]

    big, small, *_ = asyncio.run(replies())
    assert client.opened == 1
    assert big.status == small.status == 200
    assert big.headers.get("transfer-encoding") == "chunked" and "content-length" in small.headers
    assert big.body.rstrip().endswith(b"}") and small.body.rstrip() == b'{"head":{},"boolean":true}'
    client.close()


def test_idle_connections_expire(store: Store) -> None:
    client, path = _client_for(store)
    client.keepalive_expiry_s = 0.3

    async def asks() -> list[int]:
        first = await client.post(path, b"ASK {}", HEADERS, 1000)
        await asyncio.sleep(0.05)
        second = await client.post(path, b"ASK {}", HEADERS, 1000)  # kept alive
        await asyncio.sleep(0.5)
        third = await client.post(path, b"ASK {}", HEADERS, 1000)  # expired: a new connection
        return [first.status, second.status, third.status]

    assert asyncio.run(asks()) == [200, 200, 200]
    assert client.opened == 2
    client.close()


def test_a_connection_the_engine_dropped_is_replaced(tmp_path: Path) -> None:
    port = free_port()
    command = [oxigraph_binary(), "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"]
    client = LoopbackClient("127.0.0.1", port)

    async def ask() -> int:
        return (await client.post("/query", b"ASK {}", HEADERS, 1000)).status

    for _ in range(2):  # the second server, on the same port, cannot know the first one's connection
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 20
            while not engine_answers(f"http://127.0.0.1:{port}") and time.monotonic() < deadline:
                time.sleep(0.1)
            assert asyncio.run(ask()) == 200
        finally:
            server.terminate()
            server.wait()
    assert client.opened == 2


def test_the_byte_cap_refuses_and_the_next_query_is_answered(store: Store) -> None:
    _fill(store, 3000)

    async def capped_then_small() -> Answer:
        with pytest.raises(ResultTooLargeError, match="TIES_MAX_RESULT_BYTES"):
            await store.aquery_bounded(ROWS, accept=JSON, limits=Limits(deadline_s=10, max_bytes=10_000))
        return await store.aquery_bounded("ASK { ?s ?p ?o }", accept=JSON, limits=LIMITS)

    assert b"true" in asyncio.run(capped_then_small()).body


def test_engine_errors_and_an_absent_engine_are_named(store: Store) -> None:
    with pytest.raises(QueryError):
        asyncio.run(store.aquery_bounded("SELECT WHERE {", accept=JSON, limits=LIMITS))
    absent = Store(Endpoints.under(f"http://127.0.0.1:{free_port()}"))
    with pytest.raises(StoreUnavailableError, match="cannot be reached"):
        asyncio.run(absent.aquery_bounded("ASK {}", accept=JSON, limits=LIMITS))
    absent.close()


def test_the_async_slot_shares_the_queue_with_the_sync_one() -> None:
    gate = QueryGate(running=1, queued=0, wait_s=0.1)

    async def second_query() -> None:
        async with gate.async_slot():
            pass

    with gate.slot(), pytest.raises(ServiceBusyError):
        asyncio.run(second_query())
    asyncio.run(second_query())  # the slot is free again
