"""Clients we did not write talk to a real ``ties serve``: SPARQLWrapper, rdflib's SPARQL stores, httpx."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import CSV, GET, JSON, POST, POSTDIRECTLY, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper

from tests.sparql_server import TOKEN, Service, running_service

GRAPH = "https://w3id.org/defence-ties/graph/test-clients"
PERSON = "https://w3id.org/defence-ties/resource/person/test-rajnath-singh"
DATA = f"""@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dt: <https://w3id.org/defence-ties/ontology#> .
<{PERSON}> a dt:Person ; rdfs:label "Rajnath Singh (test)" .
<https://w3id.org/defence-ties/resource/event/test-dialogue> a dt:Meeting ;
    rdfs:label "Test dialogue" ; dt:participant <{PERSON}> .
"""
SELECT = f"SELECT ?label WHERE {{ <{PERSON}> <{RDFS.label}> ?label }}"
CONSTRUCT = f"CONSTRUCT {{ <{PERSON}> ?p ?o }} WHERE {{ <{PERSON}> ?p ?o }}"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    with running_service(tmp_path_factory.mktemp("clients"), update_token=TOKEN) as running:
        loaded = httpx.put(f"{running.url}/store", params={"graph": GRAPH}, content=DATA.encode(),
                           headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/turtle"})
        assert loaded.status_code == 201, loaded.text
        yield running


def _wrapper(service: Service, method: str, request_method: str, fmt: str, query: str) -> object:
    client = SPARQLWrapper(f"{service.url}/sparql")
    client.setQuery(query)
    client.setMethod(method)
    client.setRequestMethod(request_method)
    client.setReturnFormat(fmt)
    return client.query().convert()


@pytest.mark.parametrize(("method", "request_method"), [(GET, URLENCODED), (POST, URLENCODED),
                                                        (POST, POSTDIRECTLY)])
def test_sparqlwrapper_select_in_every_format(service: Service, method: str, request_method: str) -> None:
    as_json = _wrapper(service, method, request_method, JSON, SELECT)
    assert [b["label"]["value"] for b in as_json["results"]["bindings"]] == ["Rajnath Singh (test)"]  # type: ignore[index]
    as_xml = _wrapper(service, method, request_method, XML, SELECT)
    literals = as_xml.getElementsByTagName("literal")  # type: ignore[attr-defined]
    assert [node.firstChild.data for node in literals] == ["Rajnath Singh (test)"]
    for fmt, delimiter in ((CSV, ","), (TSV, "\t")):
        text = _wrapper(service, method, request_method, fmt, SELECT)
        rows = list(csv.reader(io.StringIO(text.decode("utf-8")), delimiter=delimiter))  # type: ignore[attr-defined]
        assert rows[0][0].lstrip("?") == "label" and "Rajnath Singh (test)" in rows[1][0]


@pytest.mark.parametrize(("method", "request_method"), [(GET, URLENCODED), (POST, POSTDIRECTLY)])
def test_sparqlwrapper_construct_as_turtle(service: Service, method: str, request_method: str) -> None:
    turtle = _wrapper(service, method, request_method, TURTLE, CONSTRUCT)
    graph = Graph().parse(data=turtle, format="turtle")  # type: ignore[arg-type]
    assert (URIRef(PERSON), RDFS.label, Literal("Rajnath Singh (test)")) in graph


def test_sparqlwrapper_ask_and_describe(service: Service) -> None:
    assert _wrapper(service, GET, URLENCODED, JSON, f"ASK {{ <{PERSON}> ?p ?o }}")["boolean"] is True  # type: ignore[index]
    described = _wrapper(service, POST, URLENCODED, TURTLE, f"DESCRIBE <{PERSON}>")
    assert PERSON in described.decode("utf-8")  # type: ignore[attr-defined]


@pytest.mark.parametrize("method", ["GET", "POST", "POST_FORM"])
def test_rdflib_sparqlstore_reads_every_form(service: Service, method: str) -> None:
    graph = Graph(SPARQLStore(f"{service.url}/sparql", method=method))
    assert [str(row[0]) for row in graph.query(SELECT)] == ["Rajnath Singh (test)"]  # type: ignore[index]
    assert graph.query(f"ASK {{ <{PERSON}> ?p ?o }}").askAnswer is True
    constructed = graph.query(CONSTRUCT).graph
    assert constructed is not None and (URIRef(PERSON), RDFS.label, None) in constructed
    assert (URIRef(PERSON), RDFS.label, Literal("Rajnath Singh (test)")) in graph


def test_rdflib_sparqlupdatestore_writes_with_the_token(service: Service) -> None:
    target = URIRef("http://example.org/updated-by-rdflib")
    store = SPARQLUpdateStore(f"{service.url}/sparql", f"{service.url}/sparql",
                              headers={"Authorization": f"Bearer {TOKEN}"})
    named = Graph(store, identifier=target)
    named.add((URIRef(PERSON), RDFS.comment, Literal("added by SPARQLUpdateStore")))
    store.update(f"INSERT DATA {{ GRAPH <{target}> {{ <{PERSON}> <{RDFS.seeAlso}> <{GRAPH}> }} }}")
    check = Graph(SPARQLStore(f"{service.url}/sparql"))
    rows = check.query(f"SELECT ?p WHERE {{ GRAPH <{target}> {{ <{PERSON}> ?p ?o }} }} ORDER BY ?p")
    assert [str(row[0]) for row in rows] == [str(RDFS.comment), str(RDFS.seeAlso)]  # type: ignore[index]
    unauthorised = SPARQLUpdateStore(f"{service.url}/sparql", f"{service.url}/sparql")
    with pytest.raises(Exception, match="401"):
        unauthorised.update(f"DROP GRAPH <{target}>")


def test_plain_http_graph_store_round_trip(service: Service) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    target = "http://example.org/gsp"
    turtle = b"<http://example.org/a> <http://example.org/b> <http://example.org/c> ."
    put = httpx.put(f"{service.url}/store", params={"graph": target}, content=turtle,
                    headers={**auth, "Content-Type": "text/turtle"})
    assert put.status_code == 201
    post = httpx.post(f"{service.url}/store", params={"graph": target},
                      content=b'[{"@id": "http://example.org/a", "http://example.org/d": "e"}]',
                      headers={**auth, "Content-Type": "application/ld+json"})
    assert post.status_code == 204
    got = httpx.get(f"{service.url}/store", params={"graph": target},
                    headers={"Accept": "application/n-triples"})
    assert got.headers["content-type"].startswith("application/n-triples")
    assert len(Graph().parse(data=got.text, format="nt")) == 2
    union = httpx.get(f"{service.url}/store", params={"default": ""}, headers={"Accept": "text/turtle"})
    assert "http://example.org/d" in union.text and PERSON in union.text
    assert httpx.delete(f"{service.url}/store", params={"graph": target}, headers=auth).status_code == 204
    assert httpx.get(f"{service.url}/store", params={"graph": target}).status_code == 404
    assert httpx.delete(f"{service.url}/store", params={"graph": target}, headers=auth).status_code == 404
