"""Lookup benchmark: the JSON API on a generated store of about a million triples.

Generates a graph shaped like ours (:mod:`bench.million`), loads it into a fresh embedded Oxigraph,
serves the app with ``ties serve`` (its own process) on 127.0.0.1 and times every lookup endpoint
over HTTP. Each request's SPARQL is recorded once and replayed straight to Oxigraph, so the table
gives the API's overhead as a ratio to the raw engine in the same run, and the CPU time each API
request cost the engine's process and the service's (read from ``/proc``): where a request's time
goes. Rankings and stats are timed once cold (their cached computation) and once warm.

Run: ``.venv/bin/python -m bench.lookup_bench [--scale 1] [--samples 200] [--lookups-only] [--interleaved]
[--keep DIR]``
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

from api.settings import Settings
from bench.million import LABEL, RES, Generator, Shape, load
from graph.lookups.analytics import centrality, entity_projection
from graph.lookups.entity import entity_page
from graph.lookups.neighbourhood import neighbourhood
from graph.lookups.paths import shortest_paths
from graph.lookups.timeline import TimelineIndex, load_timeline_index, timeline
from graph.store import SPARQL_JSON, Store, open_store
from graph.store.changes import store_signal
from tests.sparql_server import cpu_seconds, running_service

Case = tuple[str, dict[str, Any], Callable[[Store], object]]


# -- timing -----------------------------------------------------------------------------------------
class RecordingStore(Store):
    """A store that remembers the SPARQL it sends (to replay it against the raw engine)."""

    def __init__(self, inner: Store) -> None:
        super().__init__(inner.endpoints, query_timeout_s=inner.query_timeout_s)
        self.sent: list[tuple[str, str]] = []  # the query and the result format asked for

    def query(self, sparql: str, accept: str = SPARQL_JSON) -> httpx.Response:
        self.sent.append((sparql, accept))
        return super().query(sparql, accept)


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered), p99


@dataclass
class Row:
    """One endpoint's latencies, and the CPU its API requests cost the engine and the service."""

    name: str
    api: list[float]
    raw: list[float]
    engine_cpu: float = 0.0  # seconds, summed over the API requests only (not the raw replay)
    service_cpu: float = 0.0

    def line(self) -> str:
        a50, a99 = percentiles(self.api)
        r50, r99 = percentiles(self.raw)
        per_request = 1000 / len(self.api)
        return (f"| {self.name} | {a50 * 1000:.1f} | {a99 * 1000:.1f} | {r50 * 1000:.1f} | "
                f"{r99 * 1000:.1f} | {a50 / r50:.2f} | {self.engine_cpu * per_request:.1f} | "
                f"{self.service_cpu * per_request:.1f} |")


@dataclass(frozen=True)
class Processes:
    """The engine's and the service's process ids, to read the CPU time each request costs them."""

    engine: int
    service: int

    def cpu(self) -> tuple[float, float]:
        return cpu_seconds(self.engine), cpu_seconds(self.service)


class KeepAlive:
    """One keep-alive HTTP/1.1 connection of the standard library's ``http.client``.

    The timed client: what a request costs the service, not a client library's own parsing
    (httpx added about 1 ms to every request of the table in the same run). The raw replay uses
    one too, so both columns pay the same client.
    """

    def __init__(self, base_url: str) -> None:
        url = urlsplit(base_url)
        self.connection = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port, timeout=120)

    def request(self, method: str, target: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> bytes:
        try:
            response = self._send(method, target, body, headers)
        except (http.client.RemoteDisconnected, ConnectionError):
            # The server closed the connection while it was idle (uvicorn after 5 s): reads
            # only, so asking again on a new connection is safe.
            self.connection.close()
            response = self._send(method, target, body, headers)
        data = response.read()
        assert response.status == 200, data[:500]
        return data

    def _send(self, method: str, target: str, body: bytes | None,
              headers: dict[str, str] | None) -> http.client.HTTPResponse:
        self.connection.request(method, target, body=body, headers=headers or {})
        return self.connection.getresponse()


def time_endpoint(client: KeepAlive, raw: KeepAlive, store: Store, name: str, cases: list[Case], *,
                  processes: Processes, interleaved: bool = False) -> Row:
    """API latency of each case, and the latency of the same SPARQL sent to Oxigraph directly.

    The API's requests are sent back to back in one pass, before anything else touches these
    entities; then each case's SPARQL is recorded (running the lookup in this process) and
    replayed to the engine in a second pass. ``interleaved`` records and replays each case right
    after its API request instead (the bench before 2026-11-26); in alternating runs the machine's
    own swings were larger than any difference between the two orders.
    CPU times come from ``/proc`` in clock ticks (10 ms), summed over the API requests only.
    """
    row = Row(name, [], [])
    for url, params, call in cases:
        sent = _recorded(store, call) if interleaved else None
        engine_before, service_before = processes.cpu()
        started = time.perf_counter()
        client.request("GET", f"{url}?{urlencode(params)}" if params else url)
        row.api.append(time.perf_counter() - started)
        engine_after, service_after = processes.cpu()
        row.engine_cpu += engine_after - engine_before
        row.service_cpu += service_after - service_before
        if sent is not None:
            row.raw.append(_replayed(raw, store, sent))
    if not interleaved:
        replays = [_recorded(store, call) for _, _, call in cases]
        row.raw = [_replayed(raw, store, sent) for sent in replays]
    return row


def _recorded(store: Store, call: Callable[[Store], object]) -> list[tuple[str, str]]:
    """The SPARQL (and result format) a lookup sends, found by running it in this process."""
    recorder = RecordingStore(store)
    call(recorder)
    return recorder.sent


def _replayed(raw: KeepAlive, store: Store, sent: list[tuple[str, str]]) -> float:
    """Seconds the engine takes to answer ``sent``, one query after the other."""
    query_path = urlsplit(store.endpoints.query).path
    started = time.perf_counter()
    for sparql, accept in sent:
        raw.request("POST", query_path, sparql.encode(),
                    {"Content-Type": "application/sparql-query", "Accept": accept})
    return time.perf_counter() - started


def cases(rng: random.Random, shape: Shape, samples: int, index: TimelineIndex) -> dict[str, list[Case]]:
    """What to ask each endpoint: ``samples`` requests on random entities."""
    def person() -> str:
        return f"person/per-{rng.randrange(shape.people)}"

    def nb(entity: str) -> Callable[[Store], object]:
        return lambda s: neighbourhood(s, entity, depth=2, limit=200)

    def page(entity: str) -> Callable[[Store], object]:
        return lambda s: entity_page(s, entity)

    def path(a: str, b: str) -> Callable[[Store], object]:
        return lambda s: shortest_paths(s, a, b, max_length=4)

    def line(actor: str) -> Callable[[Store], object]:
        return lambda s: timeline(s, actor=actor, index=lambda: index)

    def year(y: int) -> Callable[[Store], object]:
        return lambda s: timeline(s, start=str(y), end=str(y), limit=50, index=lambda: index)

    people = [person() for _ in range(samples)]
    events = [f"event/eve-{rng.randrange(shape.events)}" for _ in range(samples)]
    pairs = [(person(), person()) for _ in range(samples)]
    return {
        "neighbourhood depth 2, limit 200 (person)": [
            (f"/api/entities/{p}/neighbourhood", {"depth": 2, "limit": 200}, nb(p)) for p in people],
        "entity page (person)": [(f"/api/entities/{p}", {}, page(p)) for p in people],
        "entity page (event, with evidence)": [(f"/api/entities/{e}", {}, page(e)) for e in events],
        "paths person to person, max_length 4": [
            ("/api/paths", {"from": a, "to": b, "max_length": 4}, path(a, b)) for a, b in pairs],
        "timeline of a person": [("/api/timeline", {"actor": p}, line(p)) for p in people],
        "timeline of a year, limit 50": [
            ("/api/timeline", {"from": str(y), "to": str(y), "limit": 50}, year(y))
            for y in (rng.randrange(1995, 2026) for _ in range(samples))],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every entity count")
    parser.add_argument("--samples", type=int, default=200, help="requests per endpoint")
    parser.add_argument("--lookups-only", action="store_true",
                        help="only the per-request table (no search, rankings or stats)")
    parser.add_argument("--interleaved", action="store_true",
                        help="replay each request's SPARQL right after it (the bench before 2026-11-26)")
    parser.add_argument("--keep", type=Path, metavar="FOLDER",
                        help="generate the store in FOLDER and keep it; reuse it when it is there")
    args = parser.parse_args()
    shape = Shape().scaled(args.scale)
    with contextlib.ExitStack() as stack:
        folder = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        fresh = not (folder / "store").exists()
        store = stack.enter_context(open_store(folder / "store", query_timeout_s=120))
        if fresh:
            started = time.perf_counter()
            count = load(store, Generator(shape).triples())
            print(f"loaded {count} triples in {time.perf_counter() - started:.1f} s")
        # `ties serve` in its own process, as a user runs it: a client in the server's process
        # would share its GIL and wait for it on every read. It attaches to the engine this
        # process started (server.json).
        service = stack.enter_context(running_service(folder, query_timeout="120"))
        client = stack.enter_context(httpx.Client(base_url=service.url, timeout=120))
        processes = Processes(engine=service.engine_pid, service=service.pid)
        run(client, store, shape, args.samples, processes=processes, lookups_only=args.lookups_only,
            interleaved=args.interleaved)


def run(client: httpx.Client, store: Store, shape: Shape, samples: int, *, processes: Processes,
        lookups_only: bool = False, interleaved: bool = False) -> None:
    rng = random.Random(11)  # noqa: S311 - repeatable samples
    started = time.perf_counter()
    client.get("/api/timeline", params={"limit": 1}).raise_for_status()
    print(f"timeline index build (first request): {time.perf_counter() - started:.2f} s")
    index = load_timeline_index(store)
    print("| endpoint | API p50 ms | API p99 ms | raw SPARQL p50 ms | raw p99 ms | ratio p50 "
          "| engine CPU ms/request | service CPU ms/request |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    api, raw = KeepAlive(str(client.base_url)), KeepAlive(store.endpoints.query)
    for name, todo in cases(rng, shape, samples, index).items():
        print(time_endpoint(api, raw, store, name, todo, processes=processes,
                            interleaved=interleaved).line(), flush=True)
    if lookups_only:
        return
    search, found = [], 0
    for query, wanted in search_queries(store, rng, shape, samples):
        started = time.perf_counter()
        results = client.get("/api/entities", params={"q": query}).json()["results"]
        search.append(time.perf_counter() - started)
        found += bool(results) and results[0]["id"] == wanted
    s50, s99 = percentiles(search[1:])
    print(f"\nsearch (a label with one letter dropped): index build (first request) {search[0]:.2f} s; "
          f"then p50 {s50 * 1000:.1f} ms, p99 {s99 * 1000:.1f} ms; intended entity first in "
          f"{found} of {len(search)}")
    # Whole-graph metrics take minutes on a large store: a client that waits for them.
    patient = httpx.Client(base_url=str(client.base_url), timeout=3600)
    for metric in ("degree", "pagerank", "betweenness"):
        cold = time_once(patient, "/api/rankings", {"metric": metric})
        warm = time_once(patient, "/api/rankings", {"metric": metric})
        print(f"rankings {metric}: computed in {cold:.1f} s, cached answer {warm * 1000:.1f} ms")
    started = time.perf_counter()
    graph = entity_projection(store)
    print(f"projection alone: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges "
          f"in {time.perf_counter() - started:.1f} s; degree alone "
          f"{timed(lambda: centrality(graph, 'degree')):.2f} s")
    cold = time_once(patient, "/api/stats", {})
    print(f"stats: computed in {cold:.2f} s, cached {time_once(patient, '/api/stats', {}) * 1000:.1f} ms")
    patient.close()
    print(f"change signal (background count): {timed(lambda: store_signal(store)):.2f} s")
    print(f"settings: {Settings().model_dump(include={'betweenness_samples', 'paths_max_frontier'})}")


def search_queries(store: Store, rng: random.Random, shape: Shape,
                   samples: int) -> list[tuple[str, str]]:
    """Labels of random people and organisations with one letter dropped, and whose they are."""
    queries = []
    for _ in range(samples):
        who = rng.choice([f"person/per-{rng.randrange(shape.people)}",
                          f"organisation/org-{rng.randrange(shape.organisations)}"])
        label = str(store.select(f"SELECT ?l WHERE {{ <{RES}{who}> <{LABEL}> ?l }}")[0]["l"])
        cut = rng.randrange(2, len(label))
        queries.append((label[:cut] + label[cut + 1:], who))
    return queries


def time_once(client: httpx.Client, url: str, params: dict[str, Any]) -> float:
    started = time.perf_counter()
    client.get(url, params=params).raise_for_status()
    return time.perf_counter() - started


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
