"""Whole-store RDF exports (Turtle, TriG, N-Quads, JSON-LD), streamed graph by graph."""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Dataset, Graph

from graph.errors import UnsupportedFormatError
from graph.model.rdfio import format_by_name
from graph.store.client import NQUADS, Store

DUMP_FORMATS = ("turtle", "trig", "nquads", "jsonld")


def dump_store(store: Store, format_name: str) -> Iterator[bytes]:
    """The whole store in ``format_name``; Turtle is the union of all graphs (graph names lost).

    N-Quads streams one graph at a time; the other formats build the document in memory first,
    because their prefixes and nesting need the whole graph.
    """
    if format_name not in DUMP_FORMATS:
        raise UnsupportedFormatError(
            f"cannot export the store as {format_name!r}; use one of {', '.join(DUMP_FORMATS)}"
        )
    fmt = format_by_name(format_name)
    if format_name == "nquads":
        yield from store.dump(NQUADS)
        return
    if fmt.quads or format_name == "jsonld":
        dataset = Dataset()
        for name in store.graph_names():
            target = dataset.graph(name)
            for triple in store.get_graph(name):
                target.add(triple)
        yield dataset.serialize(format=fmt.rdflib_name, encoding="utf-8")
        return
    union = Graph()
    for name in store.graph_names():
        for triple in store.get_graph(name):
            union.add(triple)
    yield union.serialize(format=fmt.rdflib_name, encoding="utf-8")

