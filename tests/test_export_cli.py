"""``ties export`` against a real store: every viewer format, the RDF formats, limits, atomic writes."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from rdflib import Graph

from graph.model.namespace import GAZETTEER_GRAPH, GRAPH
from graph.store import Store
from tests.conftest import run_ties
from tests.export_helpers import by_id, edges_between, read_graphml_with_igraph, run_viewer
from tests.test_export_viewers import schema_errors

FIXTURE = Path(__file__).parent / "data" / "export_fixture.ttl"
GAZETTEER_FACT = (b"<https://w3id.org/defence-ties/resource/place/chaubatia> a "
                  b"<https://w3id.org/defence-ties/ontology#Place> ; "
                  b'<http://www.w3.org/2000/01/rdf-schema#label> "Chaubatia"@en .')
NODES, EDGES = 13, 19  # the fixture's 12 entities and 19 links, plus one gazetteer place


@pytest.fixture()
def loaded(store: Store, tmp_path: Path) -> Path:
    """The store folder, holding the fixture as one article graph and a gazetteer fact."""
    store.put_graph_data(GRAPH["article/28-roadmap"], FIXTURE.read_bytes(), "text/turtle")
    store.put_graph_data(GAZETTEER_GRAPH, GAZETTEER_FACT, "text/turtle")
    return tmp_path / "store"


def export(folder: Path, *args: str, env: dict[str, str] | None = None) -> None:
    done = run_ties("export", *args, store=folder, env=env)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(("fmt", "parser"), [("gexf", "gexf"), ("gexf12", "gexf"), ("graphml", "graphml"),
                                             ("cytoscape", "cytoscape"), ("nodelink", "nodelink")])
def test_whole_store_opens_in_viewers(loaded: Path, tmp_path: Path, fmt: str, parser: str) -> None:
    out = tmp_path / f"all.{fmt}"
    export(loaded, "--format", fmt, "-o", str(out))
    if fmt in ("gexf", "gexf12", "graphml"):
        assert schema_errors(fmt, out.read_bytes()) == []
    seen = run_viewer(parser, out)
    assert (seen["order"], seen["size"]) == (NODES, EDGES)
    pair = edges_between(seen, "meeting/fifth-2plus2-2023", "person/rajnath-singh")
    assert len(pair) == 2
    nodes = by_id(seen)
    assert nodes["place/chaubatia"]["label"] == "Chaubatia"  # background facts are part of the graph
    assert nodes["meeting/fifth-2plus2-2023"]["startDate"] == "2023-11-10"
    assert nodes["meeting/fifth-2plus2-2023"]["ordinal"] == 5
    assert "Person" not in nodes and "evidence/s1" not in nodes  # no class hubs, no evidence nodes


def test_whole_store_graphml_in_igraph_and_dot_in_graphviz(loaded: Path, tmp_path: Path) -> None:
    export(loaded, "--format", "graphml", "-o", str(tmp_path / "all.graphml"))
    g = read_graphml_with_igraph(tmp_path / "all.graphml")
    assert (g.vcount(), g.ecount()) == (NODES, EDGES) and g.has_multiple()
    export(loaded, "--format", "dot", "-o", str(tmp_path / "all.dot"))
    text = (tmp_path / "all.dot").read_text()
    assert text.startswith('digraph "defence-ties" {') and text.count(" -> ") == EDGES


def test_neo4j_to_a_folder_and_to_a_zip(loaded: Path, tmp_path: Path) -> None:
    export(loaded, "--format", "neo4j", "-o", str(tmp_path / "neo"))
    with (tmp_path / "neo" / "nodes.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == NODES and "startDate:date" in rows[0] and "ordinal:long" in rows[0]
    export(loaded, "--format", "neo4j", "-o", str(tmp_path / "neo.zip"))
    with zipfile.ZipFile(tmp_path / "neo.zip") as archive:
        relationships = archive.read("relationships.csv").decode().splitlines()
    assert relationships[0].startswith(":START_ID,:END_ID,:TYPE") and len(relationships) == EDGES + 1


def test_rdf_formats_are_still_there(loaded: Path, tmp_path: Path) -> None:
    export(loaded, "--format", "turtle", "-o", str(tmp_path / "all.ttl"))
    assert len(Graph().parse(tmp_path / "all.ttl", format="turtle")) > 70


def test_a_failed_export_leaves_the_old_file_and_no_temporary(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "keep.gexf"
    out.write_text("previous export")
    done = run_ties("export", "--format", "gexf", "-o", str(out), store=loaded,
                    env={"TIES_EXPORT_MAX_TRIPLES": "10"})
    assert done.returncode == 1 and "more than 10 triples" in done.stderr
    assert "TIES_EXPORT_MAX_TRIPLES" in done.stderr
    assert out.read_text() == "previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".keep")) == []


def test_neo4j_needs_an_output(loaded: Path) -> None:
    done = run_ties("export", "--format", "neo4j", store=loaded)
    assert done.returncode == 1 and "-o" in done.stderr


def test_export_around_an_entity(loaded: Path, tmp_path: Path) -> None:
    out = tmp_path / "around.gexf"
    export(loaded, "--format", "gexf", "--around", "person/rajnath-singh", "--depth", "2", "-o", str(out))
    assert schema_errors("gexf", out.read_bytes()) == []
    seen = run_viewer("gexf", out)
    nodes = by_id(seen)
    assert "person/rajnath-singh" in nodes and "country/india" in nodes  # two hops away
    assert len(edges_between(seen, "meeting/fifth-2plus2-2023", "person/rajnath-singh")) == 2
    assert "place/chaubatia" not in nodes
    turtle = run_ties("export", "--format", "turtle", "--around", "person/rajnath-singh", store=loaded)
    assert turtle.returncode == 0 and "rajnath-singh" in turtle.stdout
