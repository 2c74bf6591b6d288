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

from graph.store.client import Store

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


# Datatypes whose lexical form rdflib keeps as written (it rewrites numbers, times and timezones).
_VERBATIM = {str(XSD.string), str(XSD.gYear), str(XSD.gYearMonth)}
_XSD_DATE = str(XSD.date)


def literal_parts(cell: str) -> tuple[str, str | None, str | None]:
    """A literal cell's text, datatype IRI and language, as ``str()``, ``.datatype`` and
    ``.language`` of :func:`term_from_tsv`'s rdflib literal give them (without building it for the
    usual strings and dates).

    Examples
    --------
    >>> literal_parts('"Rājnāth"@en'), literal_parts('"2023-06"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>')
    (('Rājnāth', None, 'en'), ('2023-06', 'http://www.w3.org/2001/XMLSchema#gYearMonth', None))
    >>> literal_parts('"1.50E0"^^<http://www.w3.org/2001/XMLSchema#double>')
    ('1.5', 'http://www.w3.org/2001/XMLSchema#double', None)
    >>> literal_parts("24")
    ('24', 'http://www.w3.org/2001/XMLSchema#integer', None)
    """
    if cell.startswith('"'):
        end = cell.rfind('"')
        text, rest = _unescape(cell[1:end]), cell[end + 1:]
        if not rest:
            return text, None, None
        if rest[0] == "@":
            return text, None, rest[1:]
        datatype = rest[3:-1]
        if datatype in _VERBATIM or (datatype == _XSD_DATE and len(text) == 10):
            return text, datatype, None
    literal = term_from_tsv(cell)
    if not isinstance(literal, Literal):
        raise ValueError(f"not a literal: {cell!r}")
    return str(literal), str(literal.datatype) if literal.datatype else None, literal.language


def cell_text(cell: str) -> str:
    r"""``str()`` of :func:`term_from_tsv`'s term for one cell, mostly without building it: an
    IRI without its brackets, a literal's text, a blank node's label.

    Examples
    --------
    >>> cell_text("<urn:a>"), cell_text('"say \\"so\\""@en'), cell_text("24"), cell_text("_:b0")
    ('urn:a', 'say "so"', '24', 'b0')
    """
    if cell[:1] == "<":
        return cell[1:-1]
    if cell[:1] == '"':
        return literal_parts(cell)[0]
    if cell[:2] == "_:":
        return cell[2:]
    return str(term_from_tsv(cell))


def tsv_named_cells(text: str) -> list[dict[str, str]]:
    r"""Each row of a TSV result as its raw cells by variable name (unbound variables left out).

    Examples
    --------
    >>> tsv_named_cells('?s\t?n\n<urn:a>\t1\n<urn:b>\t\n')
    [{'s': '<urn:a>', 'n': '1'}, {'s': '<urn:b>'}]
    """
    header, _, body = text.partition("\n")
    names = [name[1:] for name in header.split("\t")]
    return [{name: cell for name, cell in zip(names, cells, strict=True) if cell}
            for cells in tsv_rows("\n" + body)]


def row_texts(row: dict[str, str]) -> dict[str, str]:
    """A row of :func:`tsv_named_cells` with each cell as its :func:`cell_text`."""
    return {name: cell_text(cell) for name, cell in row.items()}


def row_terms(row: dict[str, str]) -> dict[str, Node]:
    """A row of :func:`tsv_named_cells` with each cell as its rdflib term (:func:`term_from_tsv`)."""
    return {name: term_from_tsv(cell) for name, cell in row.items()}


def tsv_cells(store: Store, sparql: str) -> Iterator[list[str]]:
    """The raw cells of each result row (empty string for an unbound variable), header skipped."""
    return tsv_rows(store.query(sparql, accept=TSV).text)


def tsv_terms(text: str) -> list[dict[str, Node]]:
    r"""Each row of a TSV result as rdflib terms by variable name (unbound variables left out),
    like :meth:`graph.store.Store.select` gives the rows of a JSON result.

    Examples
    --------
    >>> rows = tsv_terms('?s\t?n\n<urn:a>\t1\n<urn:b>\t\n')
    >>> rows[1], rows[0]["n"].toPython()
    ({'s': rdflib.term.URIRef('urn:b')}, 1)
    """
    return [row_terms(row) for row in tsv_named_cells(text)]


def tsv_rows(text: str) -> Iterator[list[str]]:
    r"""The cells of each row of a TSV result, header skipped.

    Examples
    --------
    >>> list(tsv_rows('?s\t?n\n<urn:a>\t1\n<urn:b>\t\n'))
    [['<urn:a>', '1'], ['<urn:b>', '']]
    """
    lines = text.split("\n")
    for line in lines[1:]:
        if line:
            yield line.split("\t")
