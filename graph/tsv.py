"""Reading SPARQL results in the tab-separated format (SPARQL 1.1 Query Results CSV and TSV).

TSV is about half the size of the JSON results and much quicker to read for large answers (a
neighbourhood's description): each cell is one RDF term in Turtle syntax.

Examples
--------
>>> term_from_tsv("<urn:a>")
rdflib.term.URIRef('urn:a')
>>> term_from_tsv('"Rājnāth \\\\"R\\\\" Singh"@en')
rdflib.term.Literal('Rājnāth "R" Singh', lang='en')
>>> term_from_tsv('"2023-06-20"^^<http://www.w3.org/2001/XMLSchema#date>').datatype
rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#date')
>>> term_from_tsv("24").datatype, term_from_tsv("true").datatype
(rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'), rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#boolean'))
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

from graph.store import Store

TSV = "text/tab-separated-values"
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_SIMPLE = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_LITERAL = re.compile(r'^"(?P<text>.*)"(?:@(?P<lang>[A-Za-z0-9-]+)|\^\^<(?P<datatype>[^>]*)>)?$', re.S)


def _unescape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        return chr(int(code[1:], 16)) if code[0] in "uU" and len(code) > 1 else _SIMPLE.get(code, code)

    return _ESCAPE.sub(one, text) if "\\" in text else text


def term_from_tsv(cell: str) -> Node:
    """The RDF term written in one TSV cell (IRIs, blank nodes, literals, bare numbers, booleans)."""
    if cell.startswith("<"):
        return URIRef(cell[1:-1])
    if cell.startswith("_:"):
        return BNode(cell[2:])
    match = _LITERAL.match(cell)
    if match:
        datatype = match.group("datatype")
        return Literal(_unescape(match.group("text")), lang=match.group("lang"),
                       datatype=URIRef(datatype) if datatype else None)
    if cell in ("true", "false"):
        return Literal(cell, datatype=XSD.boolean)
    if re.fullmatch(r"[+-]?\d+", cell):
        return Literal(cell, datatype=XSD.integer)
    return Literal(cell, datatype=XSD.double if "e" in cell.lower() else XSD.decimal)


def tsv_cells(store: Store, sparql: str) -> Iterator[list[str]]:
    """The raw cells of each result row (empty string for an unbound variable), header skipped."""
    lines = store.query(sparql, accept=TSV).text.split("\n")
    for line in lines[1:]:
        if line:
            yield line.split("\t")
