"""Strangers cannot abuse the endpoint: runaway queries, federation, writes, big bodies, XML bombs.

One service with a 2 s query limit, two query slots and one queue place; a large generated graph.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.sparql_server import TOKEN, Service, cpu_seconds, running_service

LIMIT_S = 2.0
AUTH = {"Authorization": f"Bearer {TOKEN}"}
CARTESIAN_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
BIG = "http://example.org/big"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    with running_service(tmp_path_factory.mktemp("abuse"), update_token=TOKEN, query_timeout=str(LIMIT_S),
                         max_concurrent_queries="2", max_queued_queries="1",
                         max_result_bytes=str(1024 * 1024)) as running:
        triples = "".join(f"<http://example.org/s{i}> <http://example.org/p{i % 7}> \"value {i}\" .\n"
                          for i in range(5000))
        loaded = httpx.put(f"{running.url}/store", params={"graph": BIG}, content=triples.encode(),
                           headers={**AUTH, "Content-Type": "application/n-triples"}, timeout=60)
        assert loaded.status_code == 201, loaded.text
        yield running


def _query(service: Service, sparql: str, accept: str = "application/sparql-results+json") -> httpx.Response:
    return httpx.post(f"{service.url}/sparql", data={"query": sparql}, headers={"Accept": accept}, timeout=60)


def _idle(pid: int, window: float = 1.0) -> float:
    before = cpu_seconds(pid)
    time.sleep(window)
    return cpu_seconds(pid) - before


def test_runaway_count_is_stopped_and_the_cpu_released(service: Service) -> None:
    pid_before = service.engine_pid
    with ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        running = pool.submit(_query, service, CARTESIAN_COUNT)
        time.sleep(0.5)
        health_started = time.monotonic()
        health = httpx.get(f"{service.url}/health", timeout=10)
        health_took = time.monotonic() - health_started
        assert not running.done(), "the runaway query should still be running"
        response = running.result()
        took = time.monotonic() - started
    assert health.status_code == 200 and health.json()["store"] is True
    assert health_took < 1.0, f"/health took {health_took:.2f} s while a runaway query ran"
    assert response.status_code in (503, 504), response.text
    assert response.json()["error"]["type"] == "QueryTimeoutError"
    assert "time limit" in response.json()["error"]["message"]
    assert took < LIMIT_S + 2, f"answered after {took:.2f} s"
    # The engine that ran the query burns no more CPU (it was stopped), nor does its successor.
    assert _idle(pid_before) < 0.2
    service.wait_healthy()
    assert _idle(service.engine_pid) < 0.2
    assert _query(service, f"ASK {{ GRAPH <{BIG}> {{ ?s ?p ?o }} }}").json()["boolean"] is True


def test_a_large_result_is_refused_not_cut(service: Service) -> None:
    service.wait_healthy()
    response = _query(service, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", accept="text/tab-separated-values")
    assert response.status_code == 400, response.status_code
    assert response.json()["error"]["type"] == "ResultTooLargeError"
    assert "TIES_MAX_RESULT_BYTES" in response.json()["error"]["message"]
    assert _idle(service.engine_pid) < 0.2


def test_queries_beyond_the_queue_get_503_with_retry_after(service: Service) -> None:
    service.wait_healthy()
    with ThreadPoolExecutor(5) as pool:
        responses = list(pool.map(lambda _: _query(service, CARTESIAN_COUNT), range(5)))
    busy = [r for r in responses if r.json()["error"]["type"] == "ServiceBusyError"]
    assert busy, [r.text for r in responses]
    assert all(r.status_code == 503 and int(r.headers["Retry-After"]) >= 1 for r in busy)
    assert all(r.status_code in (503, 504) for r in responses)
    service.wait_healthy()


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection and answers HTTP 500."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            with conn:
                conn.recv(65536)
                conn.sendall(b"HTTP/1.1 500 Oops\r\nContent-Length: 4\r\nConnection: close\r\n\r\noops")

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture()
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


def test_service_and_load_make_no_outbound_request(service: Service, listener: Listener) -> None:
    target = f"http://127.0.0.1:{listener.port}/"
    queries = [
        f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        f"select * where {{ optional {{ service silent <{target}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{target}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE { BIND(<" + target + "> AS ?e) SERVICE ?e { ?s ?p ?o } }",
    ]
    for sparql in queries:
        response = _query(service, sparql)
        assert response.status_code == 400, (sparql, response.text)
        assert "SERVICE" in response.json()["error"]["message"]
    updates = (f"LOAD <{target}data.ttl>",
               f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}")
    for update in updates:
        response = httpx.post(f"{service.url}/sparql", data={"update": update}, headers=AUTH)
        assert response.status_code == 400, (update, response.text)
    time.sleep(0.5)
    assert listener.connections == 0


def test_an_allow_listed_endpoint_is_reached(tmp_path: Path, listener: Listener) -> None:
    # The control for the test above: the listener does see requests the allow-list lets through,
    # and the engine's failure comes back as a 500 with a request id and no stack trace.
    target = f"http://127.0.0.1:{listener.port}/"
    with running_service(tmp_path, service_allowlist=target) as allowed:
        response = _query(allowed, f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}")
        assert listener.connections >= 1
        assert response.status_code == 500, response.text
        error = response.json()["error"]
        assert error["type"] == "InternalError" and "Traceback" not in response.text
        assert f"request_id={error['request_id']}" in allowed.log.read_text()
        assert "BasicFederatedQuery" in httpx.get(f"{allowed.url}/sparql").text


def test_updates_need_the_token(service: Service, tmp_path: Path) -> None:
    insert = ("INSERT DATA { GRAPH <http://example.org/x> "
              "{ <http://example.org/a> <http://example.org/b> 1 } }")
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        response = httpx.post(f"{service.url}/sparql", data={"update": insert}, headers=headers)
        assert response.status_code == 401, response.text
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    for method in ("PUT", "POST", "DELETE"):
        response = httpx.request(method, f"{service.url}/store", params={"graph": BIG},
                                 content=b"", headers={"Content-Type": "text/turtle"})
        assert response.status_code == 401, (method, response.text)
    assert _query(service, "ASK { GRAPH <http://example.org/x> { ?s ?p ?o } }").json()["boolean"] is False
    with running_service(tmp_path) as closed:
        response = httpx.post(f"{closed.url}/sparql", data={"update": insert}, headers=AUTH)
        assert response.status_code == 403 and "TIES_UPDATE_TOKEN" in response.text
        description = httpx.get(f"{closed.url}/sparql").text
        assert "SPARQL11Update" not in description and "BasicFederatedQuery" not in description
    assert "SPARQL11Update" in httpx.get(f"{service.url}/sparql").text


def test_a_20_mb_body_is_refused(service: Service) -> None:
    body = b"query=" + b"A" * (20 * 1024 * 1024)
    response = httpx.post(f"{service.url}/sparql", content=body,
                          headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=60)
    assert response.status_code == 413 and "TIES_MAX_BODY_BYTES" in response.text

    def chunks() -> Iterator[bytes]:  # no Content-Length: the cap counts what arrives
        for _ in range(20):
            yield b"#" * (1024 * 1024)

    response = httpx.put(f"{service.url}/store", params={"graph": "http://example.org/huge"},
                         content=chunks(),
                         headers={**AUTH, "Content-Type": "text/turtle"}, timeout=60)
    assert response.status_code == 413
    long_query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 200_000
    response = httpx.post(f"{service.url}/sparql", content=long_query.encode(),
                          headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413 and "TIES_MAX_QUERY_LENGTH" in response.text


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/bomb"><ex:says>&lol9;</ex:says></rdf:Description>
</rdf:RDF>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE r [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/leak"><ex:says>&secret;</ex:says></rdf:Description>
</rdf:RDF>"""


@pytest.mark.parametrize(("body", "media_type", "says"), [
    (BILLION_LAUGHS, "application/rdf+xml", "DTD"),
    (EXTERNAL_ENTITY, "application/rdf+xml", "DTD"),
    (b'{"@context": "http://127.0.0.1:9/context.jsonld", "@id": "http://example.org/a"}',
     "application/ld+json", "remote JSON-LD"),
    (b'{"@context": {"@import": "http://127.0.0.1:9/c.jsonld"}, "@id": "http://example.org/a"}',
     "application/ld+json", "remote JSON-LD"),
])
def test_hostile_uploads_are_refused(service: Service, body: bytes, media_type: str, says: str) -> None:
    graph = "http://example.org/hostile"
    response = httpx.put(f"{service.url}/store", params={"graph": graph}, content=body,
                         headers={**AUTH, "Content-Type": media_type}, timeout=30)
    assert response.status_code == 400, response.text
    assert says in response.json()["error"]["message"]
    assert httpx.get(f"{service.url}/store", params={"graph": graph}).status_code == 404
