"""The store against a real Oxigraph server: round trips, atomic replace, sharing, restarts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.errors import QueryError, RDFSyntaxError, StoreUnavailableError
from graph.model.namespace import DT, ONTOLOGY_GRAPH
from graph.model.rdfio import parse_file
from graph.store import NTRIPLES, Store, open_store
from graph.store.engine import EmbeddedEngine, pid_alive

G1 = "https://w3id.org/defence-ties/graph/test/one"


def sample_graph(n: int = 3, value: str = "v") -> Graph:
    graph = Graph()
    for i in range(n):
        graph.add((URIRef(f"urn:t:s{i}"), URIRef("urn:t:p"), Literal(f"{value}{i}")))
    graph.add((URIRef("urn:t:s0"), DT.startDate, Literal("2026-02-03", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#date"))))
    graph.add((URIRef("urn:t:s0"), URIRef("urn:t:label"), Literal("Rājnāth", lang="hi")))
    return graph


def test_named_graph_round_trip(session_store: Store) -> None:
    original = sample_graph()
    session_store.put_graph(G1, original)
    assert isomorphic(session_store.get_graph(G1), original)
    assert URIRef(G1) in session_store.graph_names()


def test_ontology_graph_is_loaded_on_first_start(store: Store) -> None:
    assert store.ask(f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ <{DT.Meeting}> ?p ?o }} }}")


def test_union_default_graph(session_store: Store) -> None:
    session_store.put_graph(G1, sample_graph())
    rows = session_store.select("SELECT (COUNT(*) AS ?n) WHERE { <urn:t:s1> <urn:t:p> ?o }")
    assert int(rows[0]["n"]) == 1


def test_replace_is_atomic_and_failed_write_keeps_old_graph(session_store: Store) -> None:
    session_store.put_graph(G1, sample_graph(50, "old"))
    session_store.put_graph(G1, sample_graph(2, "new"))
    assert isomorphic(session_store.get_graph(G1), sample_graph(2, "new"))  # replaced, not merged
    broken = sample_graph(2000, "bad").serialize(format="nt", encoding="utf-8") + b"<urn:x> <urn:y> oops .\n"
    with pytest.raises(QueryError):
        session_store.put_graph_data(G1, broken, NTRIPLES)
    assert isomorphic(session_store.get_graph(G1), sample_graph(2, "new"))


def test_bad_query_is_a_query_error_naming_the_problem(session_store: Store) -> None:
    with pytest.raises(QueryError) as info:
        session_store.select("SELEC ?x WHERE { ?x ?y ?z }")
    assert str(info.value)


def test_second_process_attaches_to_running_server(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with open_store(folder) as first:
        first.put_graph(G1, sample_graph())
        record = json.loads((folder / "server.json").read_text())
        second = EmbeddedEngine(folder).start()
        try:
            assert not second.owned
            assert second.record is not None and second.record.port == record["port"]
        finally:
            second.stop()
        assert first.ask(f"ASK {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")  # the owner's server still runs
    assert not (folder / "server.json").exists()


def test_engine_restarted_after_being_killed(tmp_path: Path) -> None:
    with open_store(tmp_path / "store") as store:
        store.put_graph(G1, sample_graph())
        assert store.engine is not None and store.engine.record is not None
        os.kill(store.engine.record.pid, signal.SIGKILL)
        with pytest.raises(StoreUnavailableError):
            # The caller sees an error, not a hang, while the engine is down.
            for _ in range(100):
                store.get_graph(G1)
                time.sleep(0.01)
        deadline = time.monotonic() + 20
        while store.engine.restarts == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert store.engine.restarts >= 1
        assert isomorphic(store.get_graph(G1), sample_graph())  # data survived on disk


def test_parse_error_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<urn:a> <urn:b> .\n")
    with pytest.raises(RDFSyntaxError, match=r"bad\.ttl"):
        parse_file(bad)


def test_server_orphaned_by_a_killed_owner_is_adopted(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    owner = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from graph.store import open_store; "
        f"s = open_store({str(folder)!r}); print('ready', flush=True); time.sleep(60)")],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parent.parent)
    try:
        assert owner.stdout is not None and owner.stdout.readline().strip() == "ready"
        orphan = json.loads((folder / "server.json").read_text())["pid"]
    finally:
        owner.kill()
        owner.wait()
    with open_store(folder) as store:
        assert store.engine is not None and store.engine.owned
        assert store.ask(f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}")
    deadline = time.monotonic() + 10
    while pid_alive(orphan) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not pid_alive(orphan)


def test_atomic_writer_gives_files_the_usual_mode(tmp_path: Path) -> None:
    from graph.export.files import write_chunks  # noqa: PLC0415

    target = tmp_path / "out.txt"
    write_chunks(target, [b"x"])
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_ontology_graph_is_refreshed_when_the_file_changes(store: Store, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from graph.model import ontology  # noqa: PLC0415
    from graph.store import bootstrap  # noqa: PLC0415

    edited = tmp_path / "defence-ties.ttl"
    edited.write_text(ontology.ONTOLOGY_FILE.read_text() + "\ndt:Meeting rdfs:seeAlso <urn:t:edited> .\n")
    monkeypatch.setattr(bootstrap, "ONTOLOGY_FILE", edited)
    monkeypatch.setattr(ontology, "ONTOLOGY_FILE", edited)
    assert bootstrap.ensure_ontology(store) is True
    assert store.ask(f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ <{DT.Meeting}> ?p <urn:t:edited> }} }}")
    assert bootstrap.ensure_ontology(store) is False  # unchanged file: nothing reloaded
