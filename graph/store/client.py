"""The store: a SPARQL 1.1 Query/Update and Graph Store HTTP Protocol client.

The project talks to its engine only through these protocols, so the embedded Oxigraph server and
a remote SPARQL store are one code path (:func:`graph.store.opening.open_store` picks one).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urlencode, urlsplit

import httpx
from rdflib import Graph, URIRef
from rdflib.term import Node

from graph.errors import QueryTimeoutError, StoreUnavailableError
from graph.store.bounded import (
    KILL_GRACE_S,
    Answer,
    Limits,
    Watchdog,
    read_capped,
    timeout_error,
    too_large_error,
    whole_answer,
)
from graph.store.engine import EmbeddedEngine
from graph.store.loopback import BodyCapExceededError, LoopbackClient
from graph.store.replies import as_nquads, error_for, error_from, term_from_json

SPARQL_JSON = "application/sparql-results+json"
NTRIPLES = "application/n-triples"
NQUADS = "application/n-quads"

Row = dict[str, Node]
Params = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Endpoints:
    """The three protocol URLs of a store."""

    query: str
    update: str
    graph_store: str

    @classmethod
    def under(cls, base_url: str) -> Endpoints:
        """Endpoints laid out as Oxigraph lays them out under ``base_url``."""
        base = base_url.rstrip("/")
        return cls(query=f"{base}/query", update=f"{base}/update", graph_store=f"{base}/store")


class Store:
    """A SPARQL store reached over HTTP. Use :func:`open_store` to get one."""

    def __init__(self, endpoints: Endpoints, *, query_timeout_s: float = 30.0,
                 engine: EmbeddedEngine | None = None) -> None:
        self._endpoints = endpoints
        self.engine = engine
        self.query_timeout_s = query_timeout_s
        # The engine enforces the time limit; our read timeout is a backstop a little later.
        self._http = httpx.Client(timeout=httpx.Timeout(query_timeout_s + 5.0, connect=5.0))
        self._loopback: LoopbackClient | None = None

    @property
    def endpoints(self) -> Endpoints:
        """The protocol URLs; an embedded engine restarted on another port moves them."""
        if self.engine is not None and self.engine.record is not None:
            return Endpoints.under(self.engine.base_url)
        return self._endpoints

    # -- life cycle -------------------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection pool and stop the embedded engine if we own it."""
        self._http.close()
        if self._loopback is not None:
            self._loopback.close()
        if self.engine is not None:
            self.engine.stop()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- queries ------------------------------------------------------------------------------------
    def query(self, sparql: str, accept: str = SPARQL_JSON) -> httpx.Response:
        """Send a query as it stands; the response in the ``accept`` format, or an error."""
        return self._send("POST", self.endpoints.query, content=sparql.encode("utf-8"),
                          headers={"Content-Type": "application/sparql-query", "Accept": accept})

    def select(self, sparql: str) -> list[Row]:
        """Run a SELECT query; one dict of rdflib terms per row (unbound variables left out)."""
        data = self.query(sparql).json()
        return [{name: term_from_json(value) for name, value in binding.items()}
                for binding in data["results"]["bindings"]]

    def ask(self, sparql: str) -> bool:
        """Run an ASK query."""
        return bool(self.query(sparql).json()["boolean"])

    def construct(self, sparql: str) -> Graph:
        """Run a CONSTRUCT or DESCRIBE query into an rdflib graph."""
        response = self.query(sparql, accept=NTRIPLES)
        return Graph().parse(data=response.text, format="nt")

    def update(self, sparql: str) -> None:
        """Run a SPARQL update; the engine applies it in one transaction."""
        self._send("POST", self.endpoints.update, content=sparql.encode("utf-8"),
                   headers={"Content-Type": "application/sparql-update"})

    def query_bounded(self, sparql: str, *, accept: str, limits: Limits, params: Params = ()) -> Answer:
        """Run a query and return its whole result, or raise: never a result cut short.

        ``params`` carries ``default-graph-uri``/``named-graph-uri``. Past ``limits.deadline_s``
        the query is abandoned (and an embedded engine we own restarted, which really stops it)
        with ``QueryTimeoutError``; past ``limits.max_bytes`` it fails with ``ResultTooLargeError``.
        """
        request = self._http.build_request(
            "POST", self.endpoints.query, params=list(params), content=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query", "Accept": accept},
            timeout=httpx.Timeout(limits.deadline_s + KILL_GRACE_S + 1.0, connect=5.0))
        return self._send_bounded(request, limits)

    def update_with(self, sparql: str, params: Params = ()) -> None:
        """Run an update with ``using-graph-uri``/``using-named-graph-uri`` parameters."""
        self._send("POST", self.endpoints.update, params=list(params), content=sparql.encode("utf-8"),
                   headers={"Content-Type": "application/sparql-update"})

    async def aquery_bounded(self, sparql: str, *, accept: str, limits: Limits,
                             params: Params = ()) -> Answer:
        """:meth:`query_bounded` for async callers: same limits and errors, no thread.

        A plain-HTTP engine is reached through :class:`graph.store.loopback.LoopbackClient`; any other
        store through :meth:`query_bounded` in a worker thread.
        """
        url = urlsplit(self.endpoints.query)
        if url.scheme != "http" or url.hostname is None:
            return await asyncio.to_thread(self.query_bounded, sparql, accept=accept, limits=limits,
                                           params=params)
        client = self._loopback_for(url.hostname, url.port or 80)
        target = f"{url.path}?{urlencode(list(params))}" if params else url.path
        headers = {"Content-Type": "application/sparql-query", "Accept": accept}
        started = time.monotonic()
        with Watchdog(self.engine, limits.deadline_s) as watchdog:
            try:
                async with asyncio.timeout(limits.deadline_s + KILL_GRACE_S + 1.0):
                    reply = await client.post(target, sparql.encode("utf-8"), headers, limits.max_bytes)
            except BodyCapExceededError:
                raise too_large_error(limits) from None
            except (TimeoutError, OSError) as exc:
                if watchdog.fired or time.monotonic() - started >= limits.deadline_s or isinstance(
                        exc, TimeoutError):
                    raise timeout_error(limits) from None
                raise StoreUnavailableError(f"the store at {url.hostname} cannot be reached "
                                            f"({type(exc).__name__}); try again") from exc
        if reply.status >= 400:
            raise error_from(reply.status, reply.body.decode("utf-8", "replace"), str(reply.status))
        media_type = reply.headers.get("content-type", "").split(";")[0].strip()
        return whole_answer(media_type, reply.body, limits, fired=watchdog.fired)

    def _loopback_for(self, host: str, port: int) -> LoopbackClient:
        # A restarted embedded engine listens on a new port: start afresh with it.
        if self._loopback is None or (self._loopback.host, self._loopback.port) != (host, port):
            if self._loopback is not None:
                self._loopback.close()
            self._loopback = LoopbackClient(host, port)
        return self._loopback

    def _send_bounded(self, request: httpx.Request, limits: Limits) -> Answer:
        started = time.monotonic()
        with Watchdog(self.engine, limits.deadline_s) as watchdog:
            try:
                response = self._http.send(request, stream=True)
                try:
                    if response.status_code >= 400:
                        response.read()
                        raise error_for(response)
                    body = read_capped(response, limits, started)
                finally:
                    response.close()
            except (httpx.TimeoutException, httpx.TransportError) as exc:
                late = time.monotonic() - started >= limits.deadline_s
                if watchdog.fired or late or isinstance(exc, httpx.TimeoutException):
                    raise timeout_error(limits) from None
                raise StoreUnavailableError(f"the store at {request.url.host} cannot be reached "
                                            f"({type(exc).__name__}); try again") from exc
        media_type = response.headers.get("content-type", "").split(";")[0].strip()
        return whole_answer(media_type, body, limits, fired=watchdog.fired)

    # -- graphs (Graph Store HTTP Protocol) ----------------------------------------------------
    def post_graph(self, graph_iri: str, graph: Graph) -> None:
        """Add ``graph``'s triples to the named graph in one request (Graph Store ``POST``)."""
        body = graph.serialize(format="nt", encoding="utf-8")
        self._send("POST", self.endpoints.graph_store, params={"graph": str(graph_iri)},
                   content=body, headers={"Content-Type": NTRIPLES})

    def graph_exists(self, graph_iri: str) -> bool:
        """Whether the named graph holds at least one triple."""
        return self.ask(f"ASK {{ GRAPH <{URIRef(graph_iri)}> {{ ?s ?p ?o }} }}")

    def put_graph(self, graph_iri: str, graph: Graph) -> None:
        """Replace the named graph with ``graph`` in one request: all of it or, on error, none."""
        body = graph.serialize(format="nt", encoding="utf-8")
        self._send("PUT", self.endpoints.graph_store, params={"graph": str(graph_iri)},
                   content=body, headers={"Content-Type": NTRIPLES})

    def put_graph_data(self, graph_iri: str, data: bytes, media_type: str) -> None:
        """Replace the named graph with an already serialised document."""
        self._send("PUT", self.endpoints.graph_store, params={"graph": str(graph_iri)},
                   content=data, headers={"Content-Type": media_type})

    def post_quads(self, data: bytes) -> None:
        """Add an N-Quads document to the store in one request: the engine loads all of it or none."""
        self._send("POST", self.endpoints.graph_store, content=data, headers={"Content-Type": NQUADS})

    def named_graphs(self) -> set[str]:
        """The IRIs of all named graphs, empty ones included, without reading their triples."""
        return {str(row["g"]) for row in self.select("SELECT ?g WHERE { GRAPH ?g { } }")}

    def get_graph(self, graph_iri: str) -> Graph:
        """The named graph's triples (empty if there is no such graph)."""
        response = self._send("GET", self.endpoints.graph_store, params={"graph": str(graph_iri)},
                              headers={"Accept": NTRIPLES}, missing_ok=True)
        graph = Graph()
        if response.status_code == 200:
            graph.parse(data=response.text, format="nt")
        return graph

    def delete_graph(self, graph_iri: str) -> None:
        """Drop the named graph (nothing happens if it does not exist)."""
        self.update(f"DROP SILENT GRAPH <{URIRef(graph_iri)}>")

    def graph_names(self) -> list[URIRef]:
        """The IRIs of all named graphs, sorted."""
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
        return [URIRef(str(row["g"])) for row in rows]

    def dump(self, media_type: str = NQUADS) -> Iterator[bytes]:
        """Stream every named graph, one Graph Store GET each, as N-Quads or N-Triples chunks."""
        for name in self.graph_names():
            graph = self.get_graph(name)
            if media_type == NQUADS:
                yield as_nquads(graph, name)
            else:
                yield graph.serialize(format="nt", encoding="utf-8")

    # -- plumbing --------------------------------------------------------------------------------
    def _send(self, method: str, url: str, *, missing_ok: bool = False,
              **kwargs: object) -> httpx.Response:
        try:
            response = self._http.request(method, url, **kwargs)  # type: ignore[arg-type]
        except httpx.TimeoutException as exc:
            raise QueryTimeoutError(
                f"the store did not answer within {self.query_timeout_s:.0f} s; "
                "simplify the query or raise the time limit (TIES_QUERY_TIMEOUT)"
            ) from exc
        except httpx.TransportError as exc:
            raise StoreUnavailableError(
                f"the store at {url} cannot be reached ({type(exc).__name__}); "
                "if it was embedded it is being restarted: try again"
            ) from exc
        if response.status_code == 404 and missing_ok:
            return response
        if response.status_code >= 400:
            raise error_for(response)
        return response
