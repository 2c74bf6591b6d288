"""Background graph writes: in order, one atomic replacement each, failures reported per graph."""

from __future__ import annotations

import sys

from rdflib import Graph, Literal, URIRef

from graph.errors import QueryError
from graph.ingest.writer import HANDOVER_S, GraphWriter
from graph.store import NTRIPLES, Store

OLD = b'<urn:t:s> <urn:t:p> "old" .\n'


def body(value: str, n: int = 200) -> bytes:
    return "".join(f'<urn:t:s{i}> <urn:t:p> "{value}{i}" .\n' for i in range(n)).encode()


def test_writes_in_order_and_a_failed_one_leaves_its_old_graph(store: Store) -> None:
    store.put_graph_data("urn:g:b", OLD, NTRIPLES)
    broken = body("bad", 2000) + b"<urn:x> <urn:y> oops .\n"
    with GraphWriter[str](store, depth=2) as writer:
        writer.submit("urn:g:a", body("a"), "a")
        writer.submit("urn:g:b", broken, "b")
        writer.submit("urn:g:c", body("c"), "c")
        results = list(writer.finished(wait=True))
        assert not any(writer.in_flight(g) for g in ("urn:g:a", "urn:g:b", "urn:g:c"))
    assert [tag for tag, _ in results] == ["a", "b", "c"]
    assert results[0][1] is None and results[2][1] is None
    assert isinstance(results[1][1], QueryError)
    old = store.get_graph("urn:g:b")  # the failed PUT changed nothing: its old graph is whole
    assert set(old) == {(URIRef("urn:t:s"), URIRef("urn:t:p"), Literal("old"))}
    assert len(store.get_graph("urn:g:a")) == 200 and len(store.get_graph("urn:g:c")) == 200


class CountingStore(Store):
    """The real store client, counting the batch requests it sends."""

    posts = 0

    def post_quads(self, data: bytes) -> None:
        self.posts += 1
        super().post_quads(data)


def counting(store: Store) -> CountingStore:
    return CountingStore(store.endpoints, query_timeout_s=10)


def test_new_graphs_go_in_batches_and_replacements_keep_their_order(store: Store) -> None:
    client = counting(store)
    store.put_graph_data("urn:g:old", OLD, NTRIPLES)
    with GraphWriter[str](client, depth=4, batch=3) as writer:
        for name in ("n1", "n2"):
            writer.submit(f"urn:g:{name}", body(name), name, new=True)
        writer.submit("urn:g:old", body("replaced"), "old")  # sends n1, n2 first, then replaces
        for name in ("n3", "n4", "n5", "n6"):
            writer.submit(f"urn:g:{name}", body(name), name, new=True)
        results = list(writer.finished(wait=True))
    assert results == [(tag, None) for tag in ("n1", "n2", "old", "n3", "n4", "n5", "n6")]
    assert client.posts == 3  # [n1 n2] [n3 n4 n5] [n6]
    for name in ("n1", "n2", "n3", "n4", "n5", "n6"):
        assert set(store.get_graph(f"urn:g:{name}")) == set(Graph().parse(data=body(name), format="nt"))
    assert Literal("old") not in {o for _, _, o in store.get_graph("urn:g:old")}
    assert len(store.get_graph("urn:g:old")) == 200


def test_a_failing_batch_is_written_graph_by_graph_naming_the_bad_one(store: Store) -> None:
    client = counting(store)
    broken = body("bad", 2000) + b"<urn:x> <urn:y> oops .\n"
    with GraphWriter[str](client, batch=3) as writer:
        writer.submit("urn:g:a", body("a"), "a", new=True)
        writer.submit("urn:g:bad", broken, "bad", new=True)
        writer.submit("urn:g:c", body("c"), "c", new=True)
        results = dict(writer.finished(wait=True))
    assert client.posts == 1
    assert results["a"] is None and results["c"] is None
    assert isinstance(results["bad"], QueryError) and "line 2001" in str(results["bad"])
    assert not store.graph_exists("urn:g:bad")  # nothing of it was stored, not even its good lines
    assert len(store.get_graph("urn:g:a")) == 200 and len(store.get_graph("urn:g:c")) == 200


def test_the_same_new_graph_twice_is_replaced_not_merged(store: Store) -> None:
    with GraphWriter[str](store, batch=8) as writer:
        writer.submit("urn:g:twice", body("first"), "first", new=True)
        writer.submit("urn:g:twice", body("second"), "second", new=True)
        assert writer.in_flight("urn:g:twice")
        assert [error for _, error in writer.finished(wait=True)] == [None, None]
    assert {str(o) for _, _, o in store.get_graph("urn:g:twice")} == {f"second{i}" for i in range(200)}


def test_an_open_writer_shortens_the_switch_interval_and_restores_it(store: Store) -> None:
    before = sys.getswitchinterval()
    assert before != HANDOVER_S
    with GraphWriter[str](store) as writer:
        assert sys.getswitchinterval() == HANDOVER_S
        writer.submit("urn:t:switch", body("s", 3), "a")
    assert sys.getswitchinterval() == before
    assert store.ask("ASK { GRAPH <urn:t:switch> { ?s ?p ?o } }")
