"""Unit checks of the endpoint's parts: content negotiation, the SERVICE/LOAD guard, safe uploads."""

from __future__ import annotations

import pytest

from api.negotiation import best_match, parse_accept, quality
from graph.errors import ForbiddenOperationError, QueryError, RDFSyntaxError, UnsupportedFormatError
from graph.store.sparql_guard import check_update, query_form
from graph.store.upload import parse_upload


def test_more_specific_ranges_win_over_wildcards() -> None:
    ranges = parse_accept("*/*;q=0.1, text/*;q=0.5, text/csv;q=0.9, text/turtle;q=0")
    assert quality(ranges, "text/csv") == 0.9
    assert quality(ranges, "text/html") == 0.5
    assert quality(ranges, "text/turtle") == 0.0
    assert quality(ranges, "application/json") == 0.1


def test_ties_go_to_the_server_order_and_junk_is_ignored() -> None:
    assert best_match("text/csv, text/tab-separated-values", ["text/tab-separated-values", "text/csv"]) \
        == "text/tab-separated-values"
    assert best_match("garbage, text/csv;q=abc", ["text/csv"]) == "text/csv"
    assert best_match("text/csv;q=0", ["text/csv"]) is None


@pytest.mark.parametrize(("query", "form"), [
    ("select * { ?s ?p ?o }", "SELECT"),
    ("# comment\nBASE <http://b/>\nPREFIX x: <http://x/>\nASK { ?s x:p ?o }", "ASK"),
    ("PREFIX : <http://x/> CONSTRUCT WHERE { ?s :p ?o }", "CONSTRUCT"),
    ("PREFIX svc: <http://x/> DESCRIBE svc:load", "DESCRIBE"),  # the words alone are not refused
])
def test_query_forms(query: str, form: str) -> None:
    assert query_form(query) == form


@pytest.mark.parametrize("query", [
    "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }",
    "SELECT * { ?a ?b ?c { SELECT * { SERVICE SILENT <http://x/> { ?s ?p ?o } } } }",
    "SELECT * { SERVICE ?where { ?s ?p ?o } }",
    "SELECT * { \\u0053ERVICE <http://x/> { ?s ?p ?o } }",
    "ASK { FILTER EXISTS { SERVICE <http://x/> { ?s ?p ?o } } }",
])
def test_service_is_refused_wherever_it_hides(query: str) -> None:
    with pytest.raises(ForbiddenOperationError, match="TIES_SERVICE_ALLOWLIST"):
        query_form(query)


def test_the_guard_fails_closed_on_what_it_cannot_parse() -> None:
    with pytest.raises(QueryError, match="line 1"):
        query_form("SELECT * { SERVICE <http://x/> { ?s ?p ?o }")
    with pytest.raises(QueryError):
        check_update("LOAD")
    with pytest.raises(ForbiddenOperationError):
        check_update("CLEAR ALL ; LOAD SILENT <http://x/> INTO GRAPH <http://g/>")
    check_update("LOAD <http://ok/>", allowed=frozenset({"http://ok/"}))


def test_uploads_refuse_dtds_remote_contexts_and_unknown_types() -> None:
    with pytest.raises(RDFSyntaxError, match="DTD"):
        parse_upload(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "application/rdf+xml")
    with pytest.raises(RDFSyntaxError, match="remote JSON-LD"):
        parse_upload(b'[{"@id": "http://a", "http://p": {"@context": ["http://c/"], "@value": 1}}]',
                     "application/ld+json")
    with pytest.raises(UnsupportedFormatError, match="text/turtle"):
        parse_upload(b"x", "application/n-quads")
    with pytest.raises(RDFSyntaxError, match="not valid"):
        parse_upload(b"<a> <b> .", "text/turtle")
    inline = b'{"@context": {"ex": "http://example.org/"}, "@id": "ex:a", "ex:p": "v"}'
    assert len(parse_upload(inline, "application/ld+json")) == 1
