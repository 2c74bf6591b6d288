"""The SPARQL 1.1 Protocol over plain HTTP: negotiation, status codes, dataset, description, CORS."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

from tests.sparql_server import TOKEN, running_service

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
G1, G2 = "http://example.org/g1", "http://example.org/g2"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    with running_service(tmp_path_factory.mktemp("protocol"), update_token=TOKEN) as service:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        for graph, value in ((G1, "one"), (G2, "two")):
            body = f'<http://example.org/thing> <http://example.org/says> "{value}" .'.encode()
            httpx.put(f"{service.url}/store", params={"graph": graph}, content=body,
                      headers={**auth, "Content-Type": "application/n-triples"}).raise_for_status()
        with httpx.Client(base_url=service.url, timeout=30) as http:
            yield http


SAYS = "SELECT ?v WHERE { <http://example.org/thing> <http://example.org/says> ?v } ORDER BY ?v"


@pytest.mark.parametrize(("accept", "expected"), [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("application/xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.4, text/tab-separated-values;q=0.9", "text/tab-separated-values"),
    ("application/sparql-results+json;q=0.1, application/sparql-results+xml",
     "application/sparql-results+xml"),
    ("text/turtle, application/sparql-results+xml;q=0.5", "application/sparql-results+xml"),
    ("*/*", "application/sparql-results+json"),
])
def test_select_negotiates_with_q_values(client: httpx.Client, accept: str, expected: str) -> None:
    response = client.get("/sparql", params={"query": SAYS}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == expected
    assert "Accept" in response.headers["vary"]
    assert "one" in response.text and "two" in response.text


@pytest.mark.parametrize(("accept", "expected", "rdflib_format"), [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/n-quads", "application/n-quads", "nquads"),
    ("application/trig", "application/trig", "trig"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
    # rdflib's SPARQLStore sends one Accept for every form: the form picks the kind.
    ("application/sparql-results+xml, application/rdf+xml", "application/rdf+xml", "xml"),
    ("application/sparql-results+json, text/turtle;q=0.5", "text/turtle", "turtle"),
])
def test_construct_negotiates_rdf_formats(client: httpx.Client, accept: str, expected: str,
                                          rdflib_format: str) -> None:
    query = ("CONSTRUCT { ?s ?p ?o } WHERE { ?s <http://example.org/says> ?o "
             "BIND(<http://example.org/says> AS ?p) }")
    response = client.post("/sparql", content=query, headers={"Accept": accept,
                                                               "Content-Type": "application/sparql-query"})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == expected
    assert len(Graph().parse(data=response.content, format=rdflib_format)) == 2


def test_nothing_acceptable_is_406(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": SAYS}, headers={"Accept": "text/turtle"})
    assert response.status_code == 406 and "text/csv" in response.json()["error"]["message"]
    response = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                          headers={"Accept": "text/csv, application/json;q=0"})
    assert response.status_code == 406


def test_union_default_graph_unless_the_request_names_a_dataset(client: httpx.Client) -> None:
    def values(**params: str | list[str]) -> list[str]:
        response = client.get("/sparql", params={"query": SAYS, **params})
        return [b["v"]["value"] for b in response.json()["results"]["bindings"]]

    assert values() == ["one", "two"]
    assert values(**{"default-graph-uri": G1}) == ["one"]
    assert values(**{"default-graph-uri": [G1, G2]}) == ["one", "two"]
    assert values(**{"named-graph-uri": G2}) == []


@pytest.mark.parametrize(("request_args", "status", "says"), [
    ({"method": "GET", "url": "/sparql", "params": {"query": "SELECT * WHERE { ?s ?p }"}}, 400, "1:"),
    ({"method": "GET", "url": "/sparql", "params": {"update": "CLEAR ALL"}}, 405, "POST"),
    ({"method": "GET", "url": "/sparql", "params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400, "one"),
    ({"method": "POST", "url": "/sparql", "content": b"ASK {}", "headers": {"Content-Type": "text/plain"}},
     415, "Content-Type"),
    ({"method": "POST", "url": "/sparql", "content": "ASK {}".encode("utf-16"),
      "headers": {"Content-Type": "application/sparql-query; charset=UTF-16"}}, 415, "UTF-8"),
    ({"method": "POST", "url": "/sparql", "content": b"ASK {} \xff",
      "headers": {"Content-Type": "application/sparql-query"}}, 400, "UTF-8"),
    ({"method": "GET", "url": "/sparql", "params": {"query": "ASK {}", "default-graph-uri": "not an iri"}},
     400, "absolute IRI"),
    ({"method": "PUT", "url": "/sparql", "params": {"query": "ASK {}"}}, 405, ""),
])
def test_protocol_errors_have_the_right_status(client: httpx.Client, request_args: dict[str, object],
                                               status: int, says: str) -> None:
    response = client.request(**request_args)  # type: ignore[arg-type]
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["status"] == status and says in error["message"]


def test_extra_parameters_are_ignored(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "ASK {}", "format": "json", "output": "json"})
    assert response.status_code == 200 and response.json()["boolean"] is True


def test_a_syntax_error_points_at_the_error(client: httpx.Client) -> None:
    response = client.post("/sparql", data={"query": "SELECT ?s WHERE {\n  ?s ?p ?o \n  FILTER(\n}"})
    assert response.status_code == 400
    assert "4:" in response.json()["error"]["message"] or "line 4" in response.json()["error"]["message"]


def test_bare_get_is_a_truthful_service_description(client: httpx.Client) -> None:
    for path in ("/sparql", "/sparql/"):
        response = client.get(path)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
        description = Graph().parse(data=response.text, format="turtle")
        service = description.value(None, RDF.type, SD.Service)
        assert str(service).endswith(path)
        languages = set(description.objects(service, SD.supportedLanguage))
        assert languages == {SD.SPARQL11Query, SD.SPARQL11Update}  # the token is set on this service
        assert (service, SD.feature, SD.BasicFederatedQuery) not in description
    as_jsonld = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert as_jsonld.headers["content-type"].startswith("application/ld+json")
    assert json.loads(as_jsonld.text)


def test_cors_lets_browsers_read_but_not_write(client: httpx.Client) -> None:
    origin = {"Origin": "https://yasgui.example"}
    response = client.get("/sparql", params={"query": "ASK {}"}, headers=origin)
    assert response.headers["access-control-allow-origin"] in ("*", "https://yasgui.example")
    preflight = client.options("/sparql", headers={**origin, "Access-Control-Request-Method": "POST",
                                                   "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200 and "POST" in preflight.headers["access-control-allow-methods"]
    write = client.options("/store", headers={**origin, "Access-Control-Request-Method": "PUT",
                                              "Access-Control-Request-Headers": "authorization"})
    assert write.status_code == 400


def test_relative_iris_resolve_against_the_endpoint(client: httpx.Client) -> None:
    update = "INSERT DATA { GRAPH <http://example.org/base-test> { <s> <http://example.org/p> <o> } }"
    response = client.post("/sparql", content=update, headers={"Authorization": f"Bearer {TOKEN}",
                                                                "Content-Type": "application/sparql-update"})
    assert response.status_code == 204, response.text
    found = client.get("/sparql", params={"query": "SELECT ?s WHERE { GRAPH <http://example.org/base-test> "
                                                   "{ ?s <http://example.org/p> <o> } }"}).json()
    service_root = str(client.base_url).rstrip("/")
    assert [b["s"]["value"] for b in found["results"]["bindings"]] == [f"{service_root}/s"]


def test_error_columns_point_into_the_clients_text(client: httpx.Client) -> None:
    query = "SELECT * WHERE { ?s ?p }"
    message = client.get("/sparql", params={"query": query}).json()["error"]["message"]
    column = int(message.split("at 1:", 1)[1].split(":", 1)[0])
    assert column <= len(query) + 1, message  # at most the end of the client's text
