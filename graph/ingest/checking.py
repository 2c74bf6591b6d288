"""SHACL verdicts for article graphs: the compiled check first, pySHACL for every doubt and message.

Each article graph is checked against the shapes with the ontology and the gazetteer mixed in
exactly as :func:`graph.validation.shacl.check_graph` (pySHACL) mixes them in. The compiled check
(:mod:`graph.validation.compiled`) gives the verdict in a few milliseconds; a graph it rejects (or
cannot judge) is validated again by pySHACL, whose verdict stands and whose report gives the error
message. When the shapes use
a construct the compiled check does not support, or the background does not conform by itself,
every batch goes through pySHACL (:mod:`graph.validation.batch`).

Examples
--------
>>> from rdflib import Literal, URIRef
>>> from graph.ingest.resolution.gazetteer import Gazetteer
>>> from graph.model.namespace import DT
>>> validator = ArticleValidator(Gazetteer.empty())
>>> validator.compiled
True
>>> validator.suspects([("bad", [(URIRef("urn:x:m"), DT.startDate, Literal("3 February"))])])
{'bad'}
"""

from __future__ import annotations

from itertools import chain

from rdflib import Graph, URIRef

from graph.ingest.build import Triple, as_graph
from graph.ingest.resolution.gazetteer import Gazetteer
from graph.model.ontology import ontology_graph, shapes_graph
from graph.validation.batch import failing_graphs
from graph.validation.compiled import ShapeChecker, compile_shapes, mixed_in
from graph.validation.shacl import check_graph


class ArticleValidator:
    """Validates article graphs (lists of triples) with the gazetteer as background."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.background = gazetteer.graph
        compiled = compile_shapes(shapes_graph(), ontology_graph())
        self.checker: ShapeChecker | None = None
        if compiled is not None:
            extra = Graph()  # what check_graph passes to pySHACL as ont_graph
            for triple in chain(ontology_graph(), gazetteer.graph):
                extra.add(triple)
            background = mixed_in(extra)
            self.checker = compiled.with_background(background)

    @property
    def compiled(self) -> bool:
        """Whether the compiled check is in use (else pySHACL judges every graph)."""
        return self.checker is not None

    def suspects(self, graphs: list[tuple[str, list[Triple]]]) -> set[str]:
        """The names of the graphs that may not conform: each must pass :meth:`check` to be stored.

        Every other graph conforms (the compiled check's verdict is exact, or pySHACL's batch run).
        """
        checker = self.checker
        if checker is None:
            named = [(name, as_graph(URIRef(name), triples)) for name, triples in graphs]
            return failing_graphs(named, self.background)
        return {name for name, triples in graphs if checker.conforms(triples) is not True}

    def check(self, iri: URIRef, triples: list[Triple], *, name: str) -> None:
        """pySHACL's verdict on one graph: raise ``ValidationError`` naming ``name`` if it fails."""
        check_graph(as_graph(iri, triples), name=name, background=self.background)
