"""Library side of the lookups on a real store: change signal, search index, paths, mentions."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator

import pytest
from rdflib import RDFS, Graph, Literal, URIRef

from graph.errors import NotFoundError, ParameterError, ResultTooLargeError, StoreUnavailableError
from graph.lookups.entity import aentity_page, entity_page
from graph.lookups.neighbourhood import neighbourhood
from graph.lookups.paths import shortest_paths
from graph.lookups.plans import Limits
from graph.lookups.search import load_label_index, normalise, search_entities
from graph.model.namespace import DT, RESOURCE
from graph.store import Store, open_store
from graph.store.changes import ChangeCache, store_signal
from tests.lookup_fixture import load_lookup_graph, res


@pytest.fixture(scope="module")
def graph_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with open_store(tmp_path_factory.mktemp("lk") / "store") as store:
        load_lookup_graph(store)
        yield store


def test_signal_moves_when_a_graph_is_written_or_dropped(graph_store: Store) -> None:
    before = store_signal(graph_store)
    extra = Graph()
    extra.add((RESOURCE["person/extra"], RDFS.label, Literal("Extra")))
    graph_store.put_graph("urn:test:extra", extra)
    written = store_signal(graph_store)
    assert written != before
    graph_store.delete_graph("urn:test:extra")
    assert store_signal(graph_store) == before


def test_cache_recomputes_only_after_a_change(graph_store: Store) -> None:
    cache = ChangeCache(lambda: store_signal(graph_store), check_interval_s=0)
    builds: list[int] = []

    def build() -> int:
        builds.append(1)
        return len(load_label_index(graph_store))

    first = cache.get("index", build)
    assert cache.get("index", build) == first and len(builds) == 1
    extra = Graph()
    extra.add((RESOURCE["person/extra"], RDFS.label, Literal("Extra Person")))
    graph_store.put_graph("urn:test:extra2", extra)
    try:
        assert cache.get("index", build) == first + 2  # the name and its acronym
        assert len(builds) == 2
    finally:
        graph_store.delete_graph("urn:test:extra2")


def test_index_holds_resources_only(graph_store: Store) -> None:
    cache = ChangeCache(lambda: store_signal(graph_store), check_interval_s=0)
    hits = search_entities(graph_store, cache, "Person")  # the class's label is in the ontology graph
    assert all(h.iri.startswith(str(RESOURCE)) for h in hits)
    with pytest.raises(ParameterError, match="limit"):
        search_entities(graph_store, cache, "x", limit=0)


@pytest.mark.parametrize(("text", "expected"), [
    ("Défense  Ministry", "defense ministry"), ("U.S. Navy", "u s navy"), ("2+2", "2+2"),
    ("Organisation", "organization"),
])
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_mentions_are_followed_only_when_asked(graph_store: Store) -> None:
    article = URIRef("https://w3id.org/defence-ties/graph/article/indus-x-2023")
    plain = neighbourhood(graph_store, "person/rajnath-singh")
    assert article not in plain.nodes
    asked = neighbourhood(graph_store, "person/rajnath-singh", predicates=["mentions"])
    assert article in asked.nodes


def test_paths_say_when_a_frontier_was_cut(graph_store: Store) -> None:
    cut = shortest_paths(graph_store, "country/india", "person/lloyd-austin", max_frontier=1)
    assert not cut.complete
    full = shortest_paths(graph_store, "country/india", "person/lloyd-austin")
    assert full.complete and full.paths
    assert all(len(p) == len(full.paths[0]) for p in full.paths)
    hop = full.paths[0][0]
    assert hop.source == res("country/india")


def test_paths_limit_truncates(graph_store: Store) -> None:
    every = shortest_paths(graph_store, "country/india", "country/united-states")
    assert len(every.paths) > 1 and not every.truncated
    one = shortest_paths(graph_store, "country/india", "country/united-states", limit=1)
    assert len(one.paths) == 1 and one.truncated
    for path in every.paths:  # every hop is a stored triple, in the direction it says
        for hop in path:
            s, p, o = hop.triple
            assert graph_store.ask(f"ASK {{ <{s}> <{p}> <{o}> }}")
            assert URIRef(p) != DT.mentions


def test_background_check_does_not_hold_up_requests(graph_store: Store) -> None:
    readings: list[float] = []
    release = threading.Event()

    def slow_signal() -> int:
        readings.append(time.monotonic())
        if len(readings) > 1:
            release.wait(5)  # a count that takes a while
        return len(readings)

    cache = ChangeCache(slow_signal, check_interval_s=0.01, background=True)
    assert cache.get("k", lambda: "first") == "first"  # the first reading is synchronous
    time.sleep(0.02)
    started = time.monotonic()
    assert cache.get("k", lambda: "second") == "first"  # stale check runs in the background
    assert time.monotonic() - started < 1
    release.set()
    deadline = time.monotonic() + 5
    while cache.get("k", lambda: "second") == "first" and time.monotonic() < deadline:
        time.sleep(0.01)
    assert cache.get("k", lambda: "third") == "second"


def test_a_failed_first_check_is_an_error(graph_store: Store) -> None:
    def broken() -> int:
        raise StoreUnavailableError("down")

    with pytest.raises(StoreUnavailableError):
        ChangeCache(broken, background=True).get("k", lambda: 1)


def test_entity_page_sync_and_async_agree(graph_store: Store) -> None:
    limits = Limits(deadline_s=10, max_bytes=1_000_000)
    for entity in ("person/rajnath-singh", "event/two-plus-two-2022", "country/india"):
        page = entity_page(graph_store, entity)
        assert page.edges and page.labels
        assert asyncio.run(aentity_page(graph_store, entity, limits=limits)) == page
    with pytest.raises(NotFoundError, match="person/nobody"):
        asyncio.run(aentity_page(graph_store, "person/nobody", limits=limits))
    with pytest.raises(ResultTooLargeError):
        asyncio.run(aentity_page(graph_store, "country/india", limits=Limits(deadline_s=10, max_bytes=1024)))
