"""SHACL shapes read into plain Python: the constructs the compiled check (:mod:`.compiled`) supports.

:func:`targeted_shapes` turns every shape with a target into a :class:`Shape` and its targets;
a construct outside the supported set raises :class:`Unsupported`, and the caller falls back to
pySHACL.

Examples
--------
>>> from graph.model.ontology import shapes_graph
>>> targeted = targeted_shapes(shapes_graph())
>>> all(targets for _, targets in targeted)
True
>>> TYPE in shape_reads(targeted)
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from graph.validation.values import NODE_KINDS

# Shape predicates that carry no constraint (they name, describe or explain a shape).
DESCRIPTIVE = {SH.message, SH.name, SH.description, RDFS.comment, RDFS.label, SH.order, SH.group}
TARGETS = {SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode}
# The constraint parameters supported, as the objects compiled shapes hold (compared with ``is``).
CLASS, DATATYPE, NODE_KIND = SH["class"], SH.datatype, SH.nodeKind
MIN_COUNT, MAX_COUNT, MIN_EXCLUSIVE, OR = SH.minCount, SH.maxCount, SH.minExclusive, SH["or"]
PARAMETERS: dict[Node, Node] = {
    p: p for p in (CLASS, DATATYPE, NODE_KIND, MIN_COUNT, MAX_COUNT, MIN_EXCLUSIVE, OR)
}


# Looked up once: namespace attribute access is slow in the per-article loops.
TARGET_NODE, TARGET_CLASS = SH.targetNode, SH.targetClass
TARGET_SUBJECTS, TARGET_OBJECTS = SH.targetSubjectsOf, SH.targetObjectsOf
TYPE, SUBCLASS_OF = RDF.type, RDFS.subClassOf


class Unsupported(Exception):
    """The shapes use a construct this checker does not implement."""


@dataclass
class Shape:
    """Constraints on a value node (``path`` is None) or on the values of ``path`` from it."""

    path: URIRef | None = None
    constraints: list[tuple[Node, object]] = field(default_factory=list)
    properties: list[Shape] = field(default_factory=list)


Targeted = list[tuple[Shape, list[tuple[Node, Node]]]]


def targeted_shapes(shapes: Graph) -> Targeted:
    """Every shape of ``shapes`` that has a target, with its ``(target kind, value)`` pairs."""
    declared = set(shapes.subjects(TYPE, SH.NodeShape)) | set(shapes.subjects(TYPE, SH.PropertyShape))
    targeting = {s for p in TARGETS for s in shapes.subjects(p, None)}
    targeted = []
    for node in declared | targeting:
        targets = [(p, o) for p, o in shapes.predicate_objects(node) if p in TARGETS]
        if targets:
            targeted.append((_shape(shapes, node), targets))
    return targeted


def shape_reads(targeted: Targeted) -> frozenset[Node]:
    """Every property a shape reads: types, the class hierarchy, paths and target properties."""
    reads: set[Node] = {TYPE, SUBCLASS_OF}
    todo = [shape for shape, _ in targeted]
    while todo:
        shape = todo.pop()
        if shape.path is not None:
            reads.add(shape.path)
        todo += shape.properties
        todo += [alt for kind, alts in shape.constraints if kind is OR for alt in alts]  # type: ignore[attr-defined]
    for _, targets in targeted:
        reads |= {value for kind, value in targets if kind in (TARGET_SUBJECTS, TARGET_OBJECTS)}
    return frozenset(reads)


def _shape(shapes: Graph, node: Node, *, depth: int = 0) -> Shape:
    if depth > 8:
        raise Unsupported("shapes nested too deeply")
    shape = Shape()
    for predicate, value in shapes.predicate_objects(node):
        if predicate in DESCRIPTIVE or predicate in TARGETS:
            continue
        if predicate == TYPE and value in (SH.NodeShape, SH.PropertyShape):
            continue
        if predicate == SH.path:
            if not isinstance(value, URIRef):
                raise Unsupported("only single-property paths are supported")
            shape.path = value
        elif predicate == SH.property:
            prop = _shape(shapes, value, depth=depth + 1)
            if prop.path is None:
                raise Unsupported("a property shape without sh:path")
            shape.properties.append(prop)
        else:
            shape.constraints.append(_constraint(shapes, predicate, value, depth))
    return shape


def _constraint(shapes: Graph, predicate: Node, value: Node, depth: int) -> tuple[Node, object]:
    if predicate == OR:
        return OR, [_shape(shapes, m, depth=depth + 1) for m in Collection(shapes, value)]
    if predicate in (MIN_COUNT, MAX_COUNT) and isinstance(value, Literal) and isinstance(value.value, int):
        return PARAMETERS[predicate], value.value
    if predicate in (CLASS, DATATYPE, MIN_EXCLUSIVE) or (predicate == NODE_KIND and value in NODE_KINDS):
        return PARAMETERS[predicate], value
    raise Unsupported(f"{predicate} {value}")
