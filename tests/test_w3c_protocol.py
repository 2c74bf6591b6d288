"""The W3C SPARQL 1.1 Protocol test manifest, replayed against a running ``ties serve``.

Each manifest entry is one or more HTTP requests (method, path under ``/sparql/``, headers, body)
with the expected status class, result format and boolean. Data files named by ``ut:graphData``
are loaded into their named graphs through our Graph Store endpoint first. Update tests run with
the update token configured, as the manifest's README says.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDFS
from rdflib.term import Node

from tests.conftest import IN_CI, SHARED
from tests.sparql_server import TOKEN, Service, running_service

SUITE = SHARED / "w3c" / "sparql11-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
RESULT_TYPES = {
    "boolean": ("application/sparql-results+json", "application/sparql-results+xml"),
    "tabular": ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values"),
    "RDF": ("text/turtle", "application/rdf+xml", "application/n-triples"),
}


@dataclass
class Step:
    """One request of a test and what its response must be."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: set[str]
    fmt: str | None
    boolean: bool | None


@dataclass
class Case:
    """One manifest entry."""

    name: str
    data: list[tuple[Path, str]] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)


def _value(graph: Graph, node: Node, prop: URIRef) -> str | None:
    found = graph.value(node, prop)
    return None if found is None else str(found)


def _step(graph: Graph, request: Node) -> Step:
    headers = {}
    for header_list in graph.objects(request, HT.headers):
        for header in Collection(graph, header_list):
            headers[str(graph.value(header, HT.fieldName))] = str(graph.value(header, HT.fieldValue))
    body = graph.value(request, HT.body)
    content = None
    if body is not None:
        encoding = _value(graph, body, CNT.characterEncoding) or "UTF-8"
        content = str(graph.value(body, CNT.chars)).encode(encoding)
    response = graph.value(request, HT.resp)
    boolean = graph.value(response, MF.expectedBoolean)
    return Step(
        method=str(graph.value(request, HT.methodName)),
        path=str(graph.value(request, HT.absolutePath)),
        headers=headers, body=content,
        statuses={str(code)[len(str(HTS)):] for code in graph.objects(response, MF.expectedStatus)},
        fmt=_value(graph, response, MF.expectedFormat),
        boolean=None if boolean is None else bool(boolean.toPython()),
    )


def load_cases() -> list[Case]:
    """The manifest's entries, in order."""
    manifest = SUITE / "manifest.ttl"
    if not manifest.exists():
        return []
    graph = Graph().parse(manifest, format="turtle", publicID=manifest.as_uri())
    root = next(graph.subjects(MF.entries, None))
    cases = []
    for entry in Collection(graph, graph.value(root, MF.entries)):
        case = Case(name=str(entry).rsplit("#", 1)[-1])
        for data in graph.objects(entry, UT.graphData):
            source = Path(str(graph.value(data, UT.graph)).removeprefix("file://"))
            case.data.append((source, str(graph.value(data, RDFS.label))))
        action = graph.value(entry, MF.action)
        for request in Collection(graph, graph.value(action, HT.requests)):
            case.steps.append(_step(graph, request))
        cases.append(case)
    return cases


CASES = load_cases()


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    with running_service(tmp_path_factory.mktemp("w3c"), update_token=TOKEN) as running:
        yield running


def _check(step: Step, response: httpx.Response) -> None:
    status_class = f"StatusCode{response.status_code // 100}xx"
    assert status_class in step.statuses, (step.method, step.path, response.status_code, response.text)
    media_type = response.headers.get("content-type", "").split(";")[0]
    if step.fmt is not None:
        assert media_type in RESULT_TYPES[step.fmt], (step.fmt, media_type)
    if step.boolean is not None:
        if media_type.endswith("json"):
            assert response.json()["boolean"] is step.boolean
        else:
            found = ET.fromstring(response.content).find(  # noqa: S314 - our own answer
                "{http://www.w3.org/2005/sparql-results#}boolean")
            assert found is not None and found.text == json.dumps(step.boolean)


def test_the_manifest_is_there() -> None:
    if not CASES:
        message = f"the W3C protocol manifest is missing ({SUITE})"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    assert len(CASES) == 34


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_w3c_protocol(service: Service, case: Case) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for source, graph_name in case.data:
        loaded = httpx.put(f"{service.url}/store", params={"graph": graph_name}, content=source.read_bytes(),
                           headers={**auth, "Content-Type": "application/n-triples"})
        assert loaded.status_code in (201, 204), loaded.text
    with httpx.Client(base_url=service.url, timeout=30) as client:
        for step in case.steps:
            headers = {**auth, **step.headers}
            response = client.request(step.method, step.path, content=step.body, headers=headers)
            _check(step, response)
