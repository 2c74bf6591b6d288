"""RDF formats: names, media types, file extensions, and parsing files with clear errors.

Examples
--------
>>> format_for_path("gazetteer.ttl").name
'turtle'
>>> FORMATS["nquads"].media_type
'application/n-quads'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from graph.errors import RDFSyntaxError, UnsupportedFormatError


@dataclass(frozen=True)
class RDFFormat:
    """One RDF serialisation: our name, rdflib's name, its media type and file extensions."""

    name: str
    rdflib_name: str
    media_type: str
    extensions: tuple[str, ...]
    quads: bool = False


FORMATS: dict[str, RDFFormat] = {
    f.name: f
    for f in (
        RDFFormat("turtle", "turtle", "text/turtle", (".ttl", ".turtle")),
        RDFFormat("ntriples", "nt", "application/n-triples", (".nt",)),
        RDFFormat("nquads", "nquads", "application/n-quads", (".nq",), quads=True),
        RDFFormat("trig", "trig", "application/trig", (".trig",), quads=True),
        RDFFormat("jsonld", "json-ld", "application/ld+json", (".jsonld", ".json-ld")),
        RDFFormat("rdfxml", "xml", "application/rdf+xml", (".rdf", ".owl", ".xml")),
    )
}


def format_for_path(path: str | Path) -> RDFFormat:
    """The RDF format a file's extension names; ``UnsupportedFormatError`` if none does."""
    suffix = Path(path).suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.extensions:
            return fmt
    known = ", ".join(ext for f in FORMATS.values() for ext in f.extensions)
    raise UnsupportedFormatError(f"{path}: unknown RDF file extension {suffix!r}; use one of {known}")


def format_by_name(name: str) -> RDFFormat:
    """The RDF format called ``name`` (``turtle``, ``trig``, ...)."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UnsupportedFormatError(
            f"unknown RDF format {name!r}; use one of {', '.join(FORMATS)}"
        ) from None


def parse_file(path: str | Path) -> Graph:
    """Parse a triples file (format from its extension) into a graph, or raise a clear error."""
    path = Path(path)
    fmt = format_for_path(path)
    if fmt.quads:
        raise UnsupportedFormatError(
            f"{path}: {fmt.name} holds several graphs; load it with 'ties load' into its own graphs "
            "or convert it to Turtle"
        )
    if not path.is_file():
        raise RDFSyntaxError(f"{path}: no such file")
    graph = Graph()
    try:
        graph.parse(path, format=fmt.rdflib_name)
    except Exception as exc:  # rdflib raises many unrelated types for bad syntax
        raise RDFSyntaxError(f"{path}: not valid {fmt.name}: {_one_line(exc)}") from exc
    return graph


def parse_dataset_file(path: str | Path) -> Dataset:
    """Parse a quads file (N-Quads or TriG) into a dataset, or raise a clear error."""
    path = Path(path)
    fmt = format_for_path(path)
    dataset = Dataset()
    try:
        dataset.parse(path, format=fmt.rdflib_name)
    except Exception as exc:
        raise RDFSyntaxError(f"{path}: not valid {fmt.name}: {_one_line(exc)}") from exc
    return dataset


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] or type(exc).__name__
