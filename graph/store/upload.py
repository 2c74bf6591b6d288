"""Parse an RDF document sent by a stranger, without letting it reach out or blow up.

RDF/XML with a DTD is refused before any XML parser expands it (no external entities, no
entity-expansion bombs); JSON-LD that names a remote ``@context`` (or ``@import``s one) is
refused before rdflib would fetch it. Turtle and N-Triples cannot refer to anything outside.

Examples
--------
>>> len(parse_upload(b'<http://a> <http://b> "c" .', "application/n-triples"))
1
>>> parse_upload(b'{"@context": "http://example.org/ctx.jsonld", "@id": "http://a"}', "application/ld+json")
Traceback (most recent call last):
...
graph.errors.RDFSyntaxError: remote JSON-LD contexts are not allowed ...
"""

from __future__ import annotations

import json
from typing import Any

import defusedxml.ElementTree
from defusedxml import DefusedXmlException
from rdflib import Graph

from graph.errors import RDFSyntaxError, UnsupportedFormatError

UPLOAD_FORMATS: dict[str, str] = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}


def parse_upload(data: bytes, media_type: str, public_id: str | None = None) -> Graph:
    """The graph in ``data`` (of ``media_type``), or a clear error; never fetches anything."""
    rdflib_format = UPLOAD_FORMATS.get(media_type)
    if rdflib_format is None:
        raise UnsupportedFormatError(
            f"cannot store a graph sent as {media_type or '(no Content-Type)'}; "
            f"send one of {', '.join(UPLOAD_FORMATS)}")
    if rdflib_format == "xml":
        _refuse_dtd(data)
    elif rdflib_format == "json-ld":
        _refuse_remote_contexts(data)
    graph = Graph()
    try:
        graph.parse(data=data, format=rdflib_format, publicID=public_id)
    except Exception as exc:  # rdflib raises many unrelated types for bad syntax
        raise RDFSyntaxError(f"not valid {media_type}: {' '.join(str(exc).split())[:300]}") from None
    return graph


def _refuse_dtd(data: bytes) -> None:
    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=True, forbid_entities=True,
                                          forbid_external=True)
    except DefusedXmlException:
        raise RDFSyntaxError("RDF/XML with a DTD or entity declarations is not accepted "
                             "(entities could expand without bound or read other files); "
                             "expand the entities and send the document again") from None
    except Exception as exc:
        raise RDFSyntaxError(f"not well-formed XML: {' '.join(str(exc).split())[:200]}") from None


def _refuse_remote_contexts(data: bytes) -> None:
    try:
        document = json.loads(data)
    except ValueError as exc:
        raise RDFSyntaxError(f"not valid JSON: {exc}") from None
    stack: list[Any] = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if "@import" in item or _names_remote_context(item.get("@context")):
                raise RDFSyntaxError("remote JSON-LD contexts are not allowed (@context or @import "
                                     "naming a URL); put the context inline")
            stack.extend(item.values())


def _names_remote_context(context: Any) -> bool:
    contexts = context if isinstance(context, list) else [context]
    return any(isinstance(item, str) for item in contexts)
