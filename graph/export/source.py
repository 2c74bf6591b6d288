"""The triples to project: the whole store, streamed from one CONSTRUCT as N-Triples lines.

The ontology graph is left out (it describes the vocabulary, not the world); every other named
graph, the gazetteer's background facts included, is part of the export. Lines are parsed as they
arrive, so the N-Triples text is never held whole; ``max_triples`` stops an export that would not
fit in memory with a clear error before the projection is built.

Examples
--------
>>> parse_ntriples_line('<urn:a> <urn:p> "caf\\\\u00E9 \\\\"x\\\\""@fr .')
(rdflib.term.URIRef('urn:a'), rdflib.term.URIRef('urn:p'), rdflib.term.Literal('café "x"', lang='fr'))
>>> parse_ntriples_line("_:b1 <urn:p> <urn:o> .")[0]
rdflib.term.BNode('b1')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import httpx
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from graph.errors import InputError, QueryError, QueryTimeoutError, StoreError, StoreUnavailableError
from graph.model.namespace import ONTOLOGY_GRAPH
from graph.store import NTRIPLES, Store

Triple = tuple[Node, Node, Node]

WHOLE_GRAPH_QUERY = (
    "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } "
    f"FILTER(?g != <{ONTOLOGY_GRAPH}>) }}"
)

_LINE = re.compile(r"(?:<([^>]*)>|_:(\S+))\s+<([^>]*)>\s+(.*?)\s*\.\s*$")
_LITERAL = re.compile(r'"(.*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?$', re.DOTALL)
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1) or match.group(2)
    return chr(int(code, 16)) if code else _SIMPLE.get(match.group(3), match.group(0))


def _object(text: str, line: str) -> Node:
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    if text.startswith("_:"):
        return BNode(text[2:])
    found = _LITERAL.match(text)
    if found is None:
        raise StoreError(f"the store sent a line that is not N-Triples: {line[:200]!r}")
    lexical, lang, datatype = found.groups()
    if "\\" in lexical:
        lexical = _ESCAPE.sub(_unescape, lexical)
    return Literal(lexical, lang=lang, datatype=URIRef(datatype) if datatype else None)


def parse_ntriples_line(line: str) -> Triple:
    """One N-Triples line (as a SPARQL engine writes it) as rdflib terms."""
    found = _LINE.match(line)
    if found is None:
        raise StoreError(f"the store sent a line that is not N-Triples: {line[:200]!r}")
    iri, blank, predicate, rest = found.groups()
    subject: Node = URIRef(iri) if iri is not None else BNode(blank)
    return subject, URIRef(predicate), _object(rest, line)


def parse_ntriples(lines: Iterable[str]) -> Iterator[Triple]:
    """Triples of N-Triples ``lines``; blank lines and comments are skipped."""
    for line in lines:
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            yield parse_ntriples_line(stripped)


def construct_lines(store: Store, sparql: str) -> Iterator[str]:
    """Run a CONSTRUCT on ``store`` and yield its N-Triples lines as they arrive."""
    timeout = httpx.Timeout(store.query_timeout_s + 5.0, connect=5.0)
    headers = {"Content-Type": "application/sparql-query", "Accept": NTRIPLES}
    try:
        with httpx.Client(timeout=timeout) as client, client.stream(
                "POST", store.endpoints.query, content=sparql.encode("utf-8"), headers=headers) as answer:
            if answer.status_code >= 400:
                message = " ".join(answer.read().decode("utf-8", "replace").split())[:500]
                raise (QueryError if answer.status_code in (400, 415) else StoreError)(
                    f"the store answered {answer.status_code}: {message}")
            yield from answer.iter_lines()
    except httpx.TimeoutException as exc:
        raise QueryTimeoutError(
            f"the store did not finish the export within {store.query_timeout_s:.0f} s; "
            "raise the time limit (TIES_QUERY_TIMEOUT)") from exc
    except httpx.TransportError as exc:
        raise StoreUnavailableError(f"the store at {store.endpoints.query} cannot be reached "
                                    f"({type(exc).__name__}); try again") from exc


def store_triples(store: Store, max_triples: int | None = None) -> Iterator[Triple]:
    """Every triple of every named graph except the ontology, streamed.

    Raises :class:`graph.errors.InputError` once more than ``max_triples`` have arrived.
    """
    for count, triple in enumerate(parse_ntriples(construct_lines(store, WHOLE_GRAPH_QUERY)), 1):
        if max_triples is not None and count > max_triples:
            raise InputError(
                f"the store holds more than {max_triples} triples to export; export a neighbourhood "
                "(--around) or raise the limit (TIES_EXPORT_MAX_TRIPLES)")
        yield triple
