"""Reading a store's replies: terms of the SPARQL JSON results format, errors by HTTP status."""

from __future__ import annotations

import httpx
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from graph.errors import QueryError, QueryTimeoutError, StoreError


def error_for(response: httpx.Response) -> StoreError | QueryError:
    """The error an engine's 4xx/5xx response stands for."""
    return error_from(response.status_code, response.text, response.reason_phrase)


def error_from(status: int, text: str, reason: str) -> StoreError | QueryError:
    """The error for an engine's status and body: a time limit, a bad query, or a store fault."""
    message = " ".join(text.split())[:500] or reason
    if "timeout" in message.lower() or status in (503, 504):
        return QueryTimeoutError(f"the query was stopped at its time limit: {message}")
    if status in (400, 415):
        return QueryError(message)
    return StoreError(f"the store answered {status}: {message}")


def as_nquads(graph: Graph, name: URIRef) -> bytes:
    """``graph``'s triples as N-Quads in the named graph ``name``."""
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    suffix = f" {name.n3()} ."
    return "".join(line[: -len(" .")] + suffix + "\n" for line in lines if line.strip()).encode()


def term_from_json(value: dict[str, str]) -> Node:
    """An rdflib term from one binding of the SPARQL 1.1 Query Results JSON format."""
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    datatype = value.get("datatype")
    return Literal(value["value"], lang=value.get("xml:lang"),
                   datatype=URIRef(datatype) if datatype else None)
