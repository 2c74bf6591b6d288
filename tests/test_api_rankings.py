"""Rankings and stats over HTTP: computed with networkx, cached, recomputed after a store change."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal

from graph.model.namespace import DT, RESOURCE
from graph.model.terms import EDGE_PREDICATES
from graph.store import Store, open_store
from tests.api_server import Api, get, serve
from tests.lookup_fixture import LOOKUP_TRIG, load_lookup_graph


@pytest.fixture()
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    folder = tmp_path_factory.mktemp("rank") / "store"
    with open_store(folder) as store:
        load_lookup_graph(store)
    with serve(folder, change_check_interval=0) as served:
        yield served


def fixture_quads() -> list[tuple[Any, Any, Any, Any]]:
    dataset = Dataset()
    dataset.parse(LOOKUP_TRIG, format="trig")
    return list(dataset.quads((None, None, None, None)))


def expected_degrees() -> Counter[str]:
    edges = {(s, p, o) for s, p, o, _ in fixture_quads() if p in EDGE_PREDICATES}
    degrees: Counter[str] = Counter()
    for s, _, o in edges:
        degrees[str(s)] += 1
        degrees[str(o)] += 1
    return degrees


def test_degree_ranking_matches_the_edges(api: Api) -> None:
    ranking = get(api, "/api/rankings", metric="degree", limit=5)
    degrees = expected_degrees()
    assert [e["score"] for e in ranking["entries"]] == sorted(degrees.values(), reverse=True)[:5]
    for entry in ranking["entries"]:
        assert degrees[entry["iri"]] == entry["score"]
    assert [e["rank"] for e in ranking["entries"]] == [1, 2, 3, 4, 5]
    assert ranking["nodes"] == len(degrees)


@pytest.mark.parametrize("metric", ["pagerank", "betweenness"])
def test_type_filter_keeps_that_class(api: Api, metric: str) -> None:
    people = get(api, "/api/rankings", metric=metric, type="Person")["entries"]
    assert len(people) == 3 and all(e["types"] == [str(DT.Person)] for e in people)
    scores = [e["score"] for e in people]
    assert scores == sorted(scores, reverse=True)


def test_rankings_bad_parameters(api: Api) -> None:
    assert get(api, "/api/rankings", 422, metric="fame")["error"]["message"].startswith("metric")
    assert get(api, "/api/rankings", 422, type="Nope")["error"]["message"].startswith("type")


def hub_graph(n: int) -> Graph:
    graph = Graph()
    hub = RESOURCE["person/new-hub"]
    graph.add((hub, RDF.type, DT.Person))
    for i in range(n):
        event = RESOURCE[f"event/new-{i}"]
        graph.add((event, RDF.type, DT.Meeting))
        graph.add((event, DT.participant, hub))
    return graph


def test_rankings_are_cached_and_recomputed_after_a_change(api: Api) -> None:
    _client, app = api
    first = get(api, "/api/rankings", metric="pagerank")
    again = get(api, "/api/rankings", metric="pagerank")
    assert again == first  # served from the cache: same computation, same timing
    store: Store = app.state.store
    store.put_graph("https://w3id.org/defence-ties/graph/article/new-hub", hub_graph(30))
    after = get(api, "/api/rankings", metric="pagerank")
    assert after["entries"][0]["id"] == "person/new-hub"
    assert after["nodes"] == first["nodes"] + 31


def test_stats_counts_and_change(api: Api) -> None:
    quads = fixture_quads()
    stats = get(api, "/api/stats")
    assert stats["articles"] == 3
    assert stats["latest_article"] == "2023-06-21"
    assert stats["last_ingest"] == "2026-01-05T10:00:00Z"  # the latest of the two, as Oxigraph writes it
    classes = Counter(str(o).removeprefix(str(DT._NS)) for s, p, o in {(s, p, o) for s, p, o, _ in quads}
                      if p == RDF.type and str(o).startswith(str(DT._NS)))
    assert stats["classes"] == dict(classes)
    assert stats["predicates"][str(DT.participant)] == sum(1 for q in quads if q[1] == DT.participant)
    api[1].state.store.put_graph("https://w3id.org/defence-ties/graph/article/new-hub", hub_graph(4))
    assert get(api, "/api/stats")["classes"]["Meeting"] == classes["Meeting"] + 4


def test_search_index_is_rebuilt_after_a_change(api: Api) -> None:
    assert get(api, "/api/entities", q="Zorblax Quintavian")["results"] == []
    graph = hub_graph(1)
    graph.add((RESOURCE["person/new-hub"], RDFS.label, Literal("Zorblax Quintavian")))
    api[1].state.store.put_graph("https://w3id.org/defence-ties/graph/article/new-hub", graph)
    assert get(api, "/api/entities", q="zorblax quintavian")["results"][0]["id"] == "person/new-hub"


def test_timeline_index_is_rebuilt_after_a_change(api: Api) -> None:
    before = get(api, "/api/timeline", **{"from": "2024"})["items"]
    assert before == []
    graph = Graph()
    event = RESOURCE["event/new-2025"]
    graph.add((event, RDF.type, DT.Exercise))
    graph.add((event, RDFS.label, Literal("New exercise")))
    graph.add((event, DT.startDate, Literal("2025-02-01", datatype=XSD.date)))
    api[1].state.store.put_graph("https://w3id.org/defence-ties/graph/article/new-2025", graph)
    [item] = get(api, "/api/timeline", **{"from": "2024"})["items"]
    assert (item["id"], item["date"], item["label"], item["kind"]) == (
        "event/new-2025", "2025-02-01", "New exercise", "event")
