"""Every export opened by parsers that are not ours: graphology (sigma.js, Gephi Lite), Cytoscape.js,
d3-force, python-igraph, Graphviz, and the published XML schemas of GEXF 1.3, GEXF 1.2draft, GraphML."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree
from rdflib import RDF, RDFS, XSD, Literal, URIRef

from graph.export import EXPORT_FORMATS, render, write
from graph.export.projection import project
from graph.model.namespace import DT, RESOURCE
from tests.conftest import require_tool
from tests.export_helpers import (
    CLEAN_LABEL,
    SCHEMAS,
    assert_sample_read,
    read_graphml_with_igraph,
    run_viewer,
    sample_graph,
)

SCHEMA_FILES = {"gexf": "gexf/1.3/gexf.xsd", "gexf12": "gexf/1.2draft/gexf.xsd",
                "graphml": "graphml/graphml.xsd"}


def schema_errors(fmt: str, data: bytes) -> list[str]:
    """Messages of lxml's XML Schema validation of ``data`` against the published schema."""
    path = SCHEMAS / SCHEMA_FILES[fmt]
    assert path.is_file(), f"{path} is missing: the published schemas live in ../shared/schemas"
    schema = etree.XMLSchema(etree.parse(str(path)))
    document = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    schema.validate(document)
    return [f"{e.line}: {e.message}" for e in schema.error_log]


@pytest.mark.parametrize("fmt", ["gexf", "gexf12", "graphml"])
def test_xml_exports_pass_the_published_schema(fmt: str) -> None:
    assert schema_errors(fmt, render(sample_graph(), fmt)) == []


@pytest.mark.parametrize("fmt", ["gexf12", "graphml"])
def test_schema_check_catches_what_networkx_writes(fmt: str) -> None:
    # The validator is no rubber stamp: networkx's own files fail it (GraphML node ids that are not
    # NMTOKENs, a GEXF graph "name" attribute the schema does not allow).
    G = nx.MultiDiGraph()
    G.add_edge("person/a", "person/b", key="knows")
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(G, buffer)
    else:
        nx.write_gexf(G, buffer, version="1.2draft")
    assert schema_errors(fmt, buffer.getvalue()) != []


@pytest.mark.parametrize(("fmt", "parser"), [("gexf", "gexf"), ("gexf12", "gexf"), ("graphml", "graphml"),
                                             ("cytoscape", "cytoscape"), ("nodelink", "nodelink")])
def test_npm_parsers_read_every_export(tmp_path: Path, fmt: str, parser: str) -> None:
    path = tmp_path / f"sample.{fmt}"
    write(sample_graph(), fmt, path)
    loaded = run_viewer(parser, path)
    json_format = fmt in ("cytoscape", "nodelink")
    assert_sample_read(loaded, lists_as=list if json_format else str, xml=not json_format)
    if parser in ("gexf", "graphml"):
        assert loaded["multi"] is True and loaded["type"] == "directed"


def test_gexf13_carries_event_dates_as_gexf_time(tmp_path: Path) -> None:
    text = render(sample_graph(), "gexf").decode()
    assert 'timeformat="date"' in text and 'mode="dynamic"' in text
    assert re.search(r'<node id="meeting/m" label="[^"]*" start="2023-11-10">', text)
    assert 'kind="chairedBy"' in text and 'kind="participant"' in text


def test_igraph_reads_graphml(tmp_path: Path) -> None:
    path = tmp_path / "sample.graphml"
    write(sample_graph(), "graphml", path)
    g = read_graphml_with_igraph(path)
    assert g.is_directed() and (g.vcount(), g.ecount()) == (4, 5)
    index = {v["id"]: v.index for v in g.vs}
    parallel = g.es.select(_source=index["meeting/m"], _target=index["person/p"])
    assert sorted(parallel["key"]) == ["chairedBy", "participant"]
    assert g.count_multiple(g.es.select(_source=index["meeting/m"], _target=index["person/p"])) == [2, 2]
    meeting, person = g.vs[index["meeting/m"]], g.vs[index["person/p"]]
    assert isinstance(meeting["ordinal"], float) and meeting["ordinal"] == 5  # igraph reads long as real
    assert meeting["active"] is True and person["active"] is False
    assert meeting["startDate"] == "2023-11-10" and meeting["signedOn"] == "2020-10-27"
    assert person["signedOn"] == "2002" and person["label"] == CLEAN_LABEL
    assert meeting["types"] == "Meeting|Event"


def test_graphviz_reads_dot(tmp_path: Path) -> None:
    dot = require_tool("dot", "apt-get install graphviz")
    path = tmp_path / "sample.dot"
    write(sample_graph(), "dot", path)
    done = subprocess.run([dot, "-Tjson0", str(path)], capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    drawn = json.loads(done.stdout, strict=False)  # Graphviz copies the bell character raw
    nodes = {o["name"]: o for o in drawn["objects"]}
    assert len(nodes) == 4 and len(drawn["edges"]) == 5
    names = {o["_gvid"]: o["name"] for o in drawn["objects"]}
    parallel = [e for e in drawn["edges"]
                if (names[e["tail"]], names[e["head"]]) == ("meeting/m", "person/p")]
    assert sorted(e["label"] for e in parallel) == ["chairedBy", "participant"]
    # Graphviz takes an edge's "key" as its multi-edge name; the canonical output shows it kept.
    canon = subprocess.run([dot, "-Tcanon", str(path)], capture_output=True, text=True, timeout=60,
                           check=True).stdout
    assert re.search(r'"meeting/m" -> "person/p"\s+\[key=chairedBy', canon)
    assert re.search(r'"meeting/m" -> "person/p"\s+\[key=participant', canon)
    meeting = nodes["meeting/m"]
    assert (meeting["startDate"], meeting["ordinal"], meeting["active"]) == ("2023-11-10", "5", "true")
    assert meeting["types"] == "Meeting|Event" and "endDate" not in meeting
    assert nodes["person/p"]["label"].startswith("Rajnāth सिंह <&> \"quoted\"")


def test_neo4j_csv_has_typed_headers_and_resolvable_ids(tmp_path: Path) -> None:
    archive = zipfile.ZipFile(io.BytesIO(render(sample_graph(), "neo4j")))
    assert sorted(archive.namelist()) == ["nodes.csv", "relationships.csv"]
    nodes = list(csv.reader(io.StringIO(archive.read("nodes.csv").decode())))
    rels = list(csv.reader(io.StringIO(archive.read("relationships.csv").decode())))
    header = nodes[0]
    assert header[:2] == ["id:ID", ":LABEL"]
    assert {"startDate:date", "ordinal:long", "score:double", "active:boolean", "types:string[]",
            "signedOn:string", "label:string"} <= set(header)
    assert all(re.fullmatch(r"[A-Za-z_][\w]*:(string|long|double|boolean|date|string\[\])", h)
               for h in header[2:])
    assert rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"] and "weight:double" in rels[0]
    assert len(nodes) == 5 and len(rels) == 6
    ids = {row[0] for row in nodes[1:]}
    assert all(row[0] in ids and row[1] in ids for row in rels[1:])
    parallel = sorted(row[2] for row in rels[1:] if row[:2] == ["meeting/m", "person/p"])
    assert parallel == ["chairedBy", "participant"]
    meeting = dict(zip(header, next(r for r in nodes[1:] if r[0] == "meeting/m"), strict=True))
    assert meeting["startDate:date"] == "2023-11-10" and meeting["types:string[]"] == "Meeting;Event"
    assert meeting[":LABEL"] == "Meeting;Event" and meeting["endDate:string"] == ""
    raw = archive.read("nodes.csv").decode()
    assert '"meeting/m","Meeting;Event"' in raw and ',,' in raw  # missing values are empty, unquoted


def test_every_format_renders(tmp_path: Path) -> None:
    for fmt in EXPORT_FORMATS:
        assert render(sample_graph(), fmt)


def test_an_event_dated_by_its_month_exports_its_month() -> None:
    # dt:startDate is an xsd:date or, when only the month is known, an xsd:gYearMonth (projected as
    # its text "2024-09"): a key of mixed kinds is a string key, and only days become GEXF times.
    day, month = URIRef(RESOURCE + "exercise/day"), URIRef(RESOURCE + "exercise/month")
    G = project([(day, RDF.type, DT.Exercise), (day, RDFS.label, Literal("Day")),
                 (day, DT.startDate, Literal("2025-09-01", datatype=XSD.date)),
                 (month, RDF.type, DT.Exercise), (month, RDFS.label, Literal("Month")),
                 (month, DT.startDate, Literal("2024-09", datatype=XSD.gYearMonth)),
                 (month, DT.participant, day)])
    nodes = list(csv.DictReader(io.StringIO(
        zipfile.ZipFile(io.BytesIO(render(G, "neo4j"))).read("nodes.csv").decode())))
    assert sorted(row["startDate:string"] for row in nodes) == ["2024-09", "2025-09-01"]
    for fmt in ("gexf", "graphml"):
        assert schema_errors(fmt, render(G, fmt)) == []
    gexf = render(G, "gexf").decode()
    assert gexf.count('start="2025-09-01"') == 1 and 'start="2024-09' not in gexf
    assert 'value="2024-09"' in gexf
    cytoscape = json.loads(render(G, "cytoscape"))
    starts = {n["data"]["label"]: n["data"]["startDate"] for n in cytoscape["elements"]["nodes"]}
    assert starts == {"Day": "2025-09-01", "Month": "2024-09"}
