"""SHACL validation of graphs against ``ontology/shapes.ttl`` (with pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass

from pyshacl import validate as shacl_validate
from rdflib import Graph

from graph.errors import ValidationError
from graph.model.ontology import ontology_graph, shapes_graph


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of a validation: whether it conforms and pySHACL's readable report."""

    conforms: bool
    text: str
    violations: int


def validate_graph(data: Graph, *, background: Graph | None = None) -> ValidationReport:
    """Validate ``data`` against the shapes, with the ontology (and ``background``) mixed in.

    The ontology is mixed in so that ``sh:class dt:Event`` accepts a ``dt:Meeting``; ``background``
    supplies types of resources the data points at but does not describe (the gazetteer's).

    Examples
    --------
    >>> from rdflib import Graph, Literal, URIRef
    >>> from graph.model.namespace import DT
    >>> g = Graph()
    >>> g.add((URIRef("urn:x:m"), DT.startDate, Literal("3 February")))
    <Graph identifier=... (<class 'rdflib.graph.Graph'>)>
    >>> validate_graph(g).conforms
    False
    """
    extra = ontology_graph() if background is None else _union(ontology_graph(), background)
    conforms, _, text = shacl_validate(
        data, shacl_graph=shapes_graph(), ont_graph=extra, inference="none",
        allow_warnings=True, abort_on_first=False,
    )
    violations = str(text).count("Constraint Violation")
    return ValidationReport(conforms=bool(conforms), text=str(text), violations=violations)


def check_graph(data: Graph, *, name: str, background: Graph | None = None) -> None:
    """Raise :class:`ValidationError` naming ``name`` if ``data`` does not conform."""
    report = validate_graph(data, background=background)
    if not report.conforms:
        raise ValidationError(
            f"{name}: does not conform to the SHACL shapes ({report.violations} violation(s)); "
            "run 'ties validate' for the full report", report=report.text,
        )


def _union(first: Graph, second: Graph) -> Graph:
    merged = Graph()
    for triple in first:
        merged.add(triple)
    for triple in second:
        merged.add(triple)
    return merged
