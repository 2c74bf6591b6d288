"""A set of triples (such as a neighbourhood) in one of the RDF dump formats.

The triples go to the default graph: a Turtle document is also valid TriG and an N-Triples
document valid N-Quads, so those two formats are written that way.

Examples
--------
>>> from rdflib import Literal, URIRef
>>> rdf_bytes([(URIRef("urn:a"), URIRef("urn:p"), Literal("x"))], "nquads")
b'<urn:a> <urn:p> "x" .\\n'
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph

from graph.errors import UnsupportedFormatError
from graph.export.source import Triple
from graph.store.dump import DUMP_FORMATS

_RDFLIB_NAMES = {"turtle": "turtle", "trig": "turtle", "nquads": "nt", "jsonld": "json-ld"}


def rdf_bytes(triples: Iterable[Triple], format_name: str) -> bytes:
    """``triples`` serialised as ``format_name``, one of :data:`graph.store.dump.DUMP_FORMATS`."""
    if format_name not in DUMP_FORMATS:
        raise UnsupportedFormatError(
            f"cannot write triples as {format_name!r}; use one of {', '.join(DUMP_FORMATS)}")
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph.serialize(format=_RDFLIB_NAMES[format_name], encoding="utf-8")
