"""SHACL validation of many article graphs in one pySHACL run, with the verdict for each.

pySHACL's cost is mostly per call and per triple, so the graphs of a batch are validated together,
and only on the triples a shape can read. Both steps are exact, not shortcuts:

* **Projection.** A shape reads ``rdf:type``/``rdfs:subClassOf`` and the properties named by its
  ``sh:path``, ``sh:targetSubjectsOf`` and ``sh:targetObjectsOf``; every other triple (the evidence
  nodes, provenance) cannot change the outcome, so it is left out.
* **Disjoint union.** Each graph's IRIs are renamed apart (``<iri>`` becomes ``<iri>#batch-N``) so
  that one article can neither mask nor cause another's violation; the background types of the
  resources it points at are copied to its renamed nodes.

A graph that fails in the batch is validated again on its own with
:func:`graph.validation.shacl.check_graph`, which gives the error message.

Examples
--------
>>> from rdflib import Graph, Literal, URIRef
>>> from graph.model.namespace import DT
>>> good, bad = Graph(), Graph()
>>> _ = bad.add((URIRef("urn:x:m"), DT.startDate, Literal("3 February")))
>>> sorted(failing_graphs([("good", good), ("bad", bad)], Graph()))
['bad']
"""

from __future__ import annotations

from functools import lru_cache

from pyshacl import validate as shacl_validate
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from graph.model.ontology import ontology_graph, shapes_graph

SEPARATOR = "#batch-"


@lru_cache(maxsize=4)
def _shape_predicates(shapes_id: int) -> frozenset[URIRef]:
    shapes = shapes_graph()
    read = {RDF.type, RDFS.subClassOf}
    for prop in (SH.path, SH.targetSubjectsOf, SH.targetObjectsOf):
        read |= {o for o in shapes.objects(None, prop) if isinstance(o, URIRef)}
    return frozenset(read)


def shape_predicates() -> frozenset[URIRef]:
    """Every property a shape reads (so the only triples validation depends on)."""
    return _shape_predicates(id(shapes_graph()))


def failing_graphs(graphs: list[tuple[str, Graph]], background: Graph) -> set[str]:
    """The names of the graphs that do not conform, from one pySHACL run over all of them."""
    if not graphs:
        return set()
    read = shape_predicates()
    union = Graph()
    for index, (_, graph) in enumerate(graphs):
        _add_renamed(union, graph, index, read, background)
    conforms, results, _ = shacl_validate(
        union,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        allow_warnings=True,
        abort_on_first=False,
    )
    if conforms:
        return set()
    failed = set()
    for focus in results.objects(None, SH.focusNode):
        text = str(focus)
        if SEPARATOR in text:
            failed.add(graphs[int(text.rsplit(SEPARATOR, 1)[1])][0])
    return failed or {name for name, _ in graphs}  # an unattributed violation: check them all


def _add_renamed(union: Graph, graph: Graph, index: int, read: frozenset[URIRef], background: Graph) -> None:
    suffix = f"{SEPARATOR}{index}"

    def rename(node: Node) -> Node:
        return URIRef(f"{node}{suffix}") if isinstance(node, URIRef) else node

    nodes: set[URIRef] = set()
    for s, p, o in graph:
        if p not in read:
            continue
        if p == RDF.type:
            union.add((rename(s), p, o))
        else:
            union.add((rename(s), p, rename(o) if not isinstance(o, Literal) else o))
            if isinstance(o, URIRef):
                nodes.add(o)
        if isinstance(s, URIRef):
            nodes.add(s)
    for node in nodes:
        for klass in background.objects(node, RDF.type):
            union.add((rename(node), RDF.type, klass))
