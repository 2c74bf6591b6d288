"""Background graph writes: in order, one atomic replacement each, failures reported per graph."""

from __future__ import annotations

from rdflib import Literal, URIRef

from graph.errors import QueryError
from graph.ingest.writer import GraphWriter
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
