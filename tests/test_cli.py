"""The real ``ties`` console script, run as a user runs it."""

from __future__ import annotations

import fcntl
import json
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from rdflib import Dataset, Graph

from graph.store.engine import free_port
from tests.conftest import ROOT, run_ties

GOOD_TTL = """@prefix dt: <https://w3id.org/defence-ties/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:t:drdo> a dt:Organisation ; rdfs:label "DRDO" ; dt:country <urn:t:india> .
<urn:t:india> a dt:Country ; rdfs:label "India" .
"""
BAD_SHAPE_TTL = """@prefix dt: <https://w3id.org/defence-ties/ontology#> .
<urn:t:m> a dt:Meeting ; dt:startDate "last Tuesday" .
"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return tmp_path / "store"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_load_query_stats_export(tmp_path: Path, folder: Path) -> None:
    good = write(tmp_path, "facts.ttl", GOOD_TTL)
    loaded = run_ties("load", str(good), store=folder)
    assert loaded.returncode == 0, loaded.stderr
    assert "graph/file/facts" in loaded.stdout and "5 triples" in loaded.stdout

    counted = run_ties("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "json",
                       store=folder)
    assert counted.returncode == 0, counted.stderr
    n = int(json.loads(counted.stdout)["results"]["bindings"][0]["n"]["value"])
    assert n > 5  # our five triples plus the ontology graph

    select_label = "SELECT ?l WHERE { <urn:t:drdo> ?p ?l . FILTER isLiteral(?l) }"
    table = run_ties("query", "-", store=folder, stdin=select_label)
    assert "DRDO" in table.stdout and "(1 row)" in table.stdout

    india_label = "SELECT ?l WHERE { <urn:t:india> <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    csv = run_ties("query", india_label, "--format", "csv", store=folder)
    assert csv.stdout.splitlines() == ["l", "India"]

    stats = run_ties("stats", store=folder)
    assert "Organisation" in stats.stdout and "Country" in stats.stdout

    out = tmp_path / "all.trig"
    exported = run_ties("export", "--format", "trig", "-o", str(out), store=folder)
    assert exported.returncode == 0, exported.stderr
    dataset = Dataset()
    dataset.parse(out, format="trig")
    names = {str(g.identifier) for g in dataset.graphs()}
    assert "https://w3id.org/defence-ties/graph/file/facts" in names
    assert "https://w3id.org/defence-ties/graph/ontology" in names


def test_export_turtle_to_stdout(tmp_path: Path, folder: Path) -> None:
    run_ties("load", str(write(tmp_path, "facts.ttl", GOOD_TTL)), store=folder)
    exported = run_ties("export", "--format", "turtle", store=folder)
    graph = Graph().parse(data=exported.stdout, format="turtle")
    assert len(graph) > 5


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("ties: error:")
    for needle in needles:
        assert needle in lines[0]


def test_bad_file_is_one_line_error(tmp_path: Path, folder: Path) -> None:
    bad = write(tmp_path, "broken.ttl", "<urn:a> <urn:b> .\n")
    assert_one_line_error(run_ties("load", str(bad), store=folder), "broken.ttl")
    unknown = write(tmp_path, "facts.csv", "a,b\n")
    assert_one_line_error(run_ties("load", str(unknown), store=folder), "extension")
    assert_one_line_error(run_ties("load", str(tmp_path / "missing.ttl"), store=folder), "missing.ttl")


def test_bad_query_is_one_line_error(folder: Path) -> None:
    assert_one_line_error(run_ties("query", "SELECT ?x WHERE { ?x ?y }", store=folder))


def test_engine_start_timeout_is_a_setting(folder: Path) -> None:
    # Another process holds the folder while its engine starts: a second `ties` waits for it as
    # long as TIES_ENGINE_START_TIMEOUT says, then names the setting.
    folder.mkdir(parents=True)
    with open(folder / "server.lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = run_ties("stats", store=folder, env={"TIES_ENGINE_START_TIMEOUT": "1.5"})
        fcntl.flock(lock, fcntl.LOCK_UN)
    assert_one_line_error(result, "TIES_ENGINE_START_TIMEOUT", "held the store lock for 1.5 s")
    assert run_ties("stats", store=folder).returncode == 0  # nothing left behind that blocks a start


def test_bad_setting_is_one_line_error(folder: Path) -> None:
    result = run_ties("stats", store=folder, env={"TIES_QUERY_TIMEOUT": "soon"})
    assert_one_line_error(result, "TIES_QUERY_TIMEOUT")


def test_validate_reports_and_exits_1(tmp_path: Path, folder: Path) -> None:
    good = write(tmp_path, "good.ttl", GOOD_TTL)
    bad = write(tmp_path, "bad.ttl", BAD_SHAPE_TTL)
    ok = run_ties("validate", str(good), store=folder)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    failed = run_ties("validate", str(bad), store=folder)
    assert failed.returncode == 1
    assert "startDate" in failed.stdout and "FAILS" in failed.stdout
    run_ties("load", str(bad), store=folder)
    assert run_ties("validate", store=folder).returncode == 1


def test_two_commands_share_one_store_folder(tmp_path: Path, folder: Path) -> None:
    """A running `ties serve` owns the folder; a second `ties` talks to its engine."""
    port = _free_port()
    server = subprocess.Popen([str(ROOT / ".venv/bin/ties"), "--store", str(folder), "serve",
                               "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _wait_for(f"http://127.0.0.1:{port}/health")
        loaded = run_ties("load", str(write(tmp_path, "facts.ttl", GOOD_TTL)), store=folder)
        assert loaded.returncode == 0, loaded.stderr
        counted = run_ties("query", "ASK { <urn:t:drdo> ?p ?o }", store=folder)
        assert counted.stdout.strip() == "true"
        assert httpx.get(f"http://127.0.0.1:{port}/health").json()["store"] is True
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_help_everywhere() -> None:
    for command in ("load", "query", "export", "stats", "validate", "serve"):
        result = run_ties(command, "--help")
        assert result.returncode == 0 and "Usage" in result.stdout


def _free_port() -> int:
    return free_port()


def _wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} did not answer within {seconds} s")
