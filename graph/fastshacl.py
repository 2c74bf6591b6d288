"""A fast, exact SHACL check for the shape constructs ``ontology/shapes.ttl`` uses, in plain Python.

pySHACL costs tens of milliseconds per graph; the shapes used here are simple (class, subject- and
object-of targets; ``sh:class``, ``sh:datatype``, ``sh:nodeKind``, ``sh:minCount``,
``sh:maxCount``, ``sh:minExclusive`` and ``sh:or`` of those), so :func:`compile_shapes` turns them
into a :class:`ShapeChecker` that answers conforms / does not conform with the same semantics as
pySHACL (value checks in :mod:`graph.shacl_values` follow pySHACL's, ill-typed literals included).
Any construct it does not know makes :func:`compile_shapes` return ``None``, and the caller uses
pySHACL instead; pySHACL also still gives the readable report of a graph this check rejects.
``tests/test_fastshacl.py`` checks that both agree on every shape, on good and deliberately broken
graphs.

Examples
--------
>>> from rdflib import Literal, URIRef
>>> from graph.namespace import DT
>>> from graph.ontology import ontology_graph, shapes_graph
>>> checker = compile_shapes(shapes_graph(), ontology_graph())
>>> meeting = URIRef("urn:x:m")
>>> checker.conforms([(meeting, DT.startDate, Literal("3 February"))])
False
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from pyshacl.rdfutil.inoculate import inoculate
from pyshacl.validator import USE_FULL_MIXIN
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from graph.shacl_values import NODE_KINDS, datatype_matches, greater_than, node_kind_matches

Triple = tuple[Node, Node, Node]

# Shape predicates that carry no constraint (they name, describe or explain a shape).
_DESCRIPTIVE = {SH.message, SH.name, SH.description, RDFS.comment, RDFS.label, SH.order, SH.group}
_TARGETS = {SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode}
# The constraint parameters supported, as the objects compiled shapes hold (compared with ``is``).
_CLASS, _DATATYPE, _NODE_KIND = SH["class"], SH.datatype, SH.nodeKind
_MIN_COUNT, _MAX_COUNT, _MIN_EXCLUSIVE, _OR = SH.minCount, SH.maxCount, SH.minExclusive, SH["or"]
_PARAMETERS: dict[Node, Node] = {
    p: p for p in (_CLASS, _DATATYPE, _NODE_KIND, _MIN_COUNT, _MAX_COUNT, _MIN_EXCLUSIVE, _OR)
}


# Looked up once: namespace attribute access is slow in the per-article loops.
_TARGET_NODE, _TARGET_CLASS = SH.targetNode, SH.targetClass
_TARGET_SUBJECTS, _TARGET_OBJECTS = SH.targetSubjectsOf, SH.targetObjectsOf
_TYPE, _SUBCLASS_OF = RDF.type, RDFS.subClassOf


class Unsupported(Exception):
    """The shapes use a construct this checker does not implement."""


@dataclass
class Shape:
    """Constraints on a value node (``path`` is None) or on the values of ``path`` from it."""

    path: URIRef | None = None
    constraints: list[tuple[Node, object]] = field(default_factory=list)
    properties: list[Shape] = field(default_factory=list)


@dataclass
class Index:
    """The triples of a graph, indexed for the checker."""

    out: dict[Node, dict[Node, set[Node]]] = field(default_factory=lambda: defaultdict(_by_predicate))
    subjects_of: dict[Node, set[Node]] = field(default_factory=lambda: defaultdict(set))
    objects_of: dict[Node, set[Node]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def of(cls, triples: Iterable[Triple], reads: frozenset[Node]) -> Index:
        """Index the triples of ``triples`` whose property is in ``reads``."""
        index = cls()
        for s, p, o in triples:
            if p not in reads:
                continue
            index.out[s][p].add(o)
            index.subjects_of[p].add(s)
            index.objects_of[p].add(o)
        return index

    def values(self, node: Node, path: Node) -> set[Node]:
        """The objects of ``node path ?``."""
        found = self.out.get(node)
        return found.get(path, set()) if found is not None else set()


def _by_predicate() -> dict[Node, set[Node]]:
    return defaultdict(set)


class View:
    """An article's index over the background's (ontology, gazetteer): their union, read-only."""

    def __init__(self, own: Index, background: Index, superclasses: dict[Node, frozenset[Node]]) -> None:
        self.own, self.background, self.superclasses = own, background, superclasses
        self._classes: dict[Node, frozenset[Node]] = {}

    def values(self, node: Node, path: Node) -> set[Node]:
        """The objects of ``node path ?`` in the union."""
        mine, theirs = self.own.out.get(node), self.background.out.get(node)
        if theirs is None:
            return mine.get(path, _NONE) if mine is not None else _NONE
        if mine is None:
            return theirs.get(path, _NONE)
        return mine.get(path, _NONE) | theirs.get(path, _NONE)

    def subjects(self, path: Node) -> set[Node]:
        """The subjects of ``? path ?`` in the union."""
        return self.own.subjects_of.get(path, _NONE) | self.background.subjects_of.get(path, _NONE)

    def objects(self, path: Node) -> set[Node]:
        """The objects of ``? path ?`` in the union."""
        return self.own.objects_of.get(path, _NONE) | self.background.objects_of.get(path, _NONE)

    def classes(self, node: Node) -> frozenset[Node]:
        """Every class ``node`` is a SHACL instance of (``rdf:type/rdfs:subClassOf*``)."""
        found = self._classes.get(node)
        if found is None:
            found = frozenset().union(
                *(self.superclasses.get(k, frozenset((k,))) for k in self.values(node, _TYPE))
            )
            self._classes[node] = found
        return found


_NONE: set[Node] = set()


@dataclass
class ShapeChecker:
    """The compiled shapes: ``conforms`` is pySHACL's verdict on (triples + background)."""

    targeted: list[tuple[Shape, list[tuple[Node, Node]]]]
    reads: frozenset[Node]
    hierarchy: frozenset[tuple[Node, Node]]
    superclasses: dict[Node, frozenset[Node]]
    background: Index = field(default_factory=Index)

    def with_background(self, triples: Iterable[Triple]) -> ShapeChecker | None:
        """This checker over ``triples`` as background; None when the background fails by itself
        (then only a whole-graph pySHACL run gives the verdict)."""
        background = Index.of(triples, self.reads)
        hierarchy = self.hierarchy | _pairs(background)
        checker = ShapeChecker(self.targeted, self.reads, hierarchy, _closure(hierarchy), background)
        view = View(Index(), background, checker.superclasses)
        nodes = set(background.out) | {o for v in background.objects_of.values() for o in v}
        nodes |= {node for _, targets in self.targeted for kind, node in targets if kind == _TARGET_NODE}
        return checker if checker._nodes_conform(view, nodes) else None

    def conforms(self, triples: Iterable[Triple]) -> bool | None:
        """Whether the union of ``triples`` and the background conforms to the shapes; None when
        the triples change the class hierarchy (then only pySHACL on the whole union can say)."""
        own = Index.of(triples, self.reads)
        if not _pairs(own) <= self.hierarchy:
            return None
        nodes = set(own.out) | {o for v in own.objects_of.values() for o in v}
        # Only the triples a shape reads (types, paths, target properties) can change a verdict,
        # and every constraint here only reads a focus node's values and their types, so a node
        # these triples do not touch keeps the background's verdict: it conforms (checked by
        # with_background).
        return self._nodes_conform(View(own, self.background, self.superclasses), nodes)

    def _nodes_conform(self, view: View, nodes: set[Node]) -> bool:
        members = _members(view, nodes)
        for shape, targets in self.targeted:
            for focus in _focus_nodes(view, targets, nodes, members):
                if not _conforms(view, focus, shape):
                    return False
        return True


def _members(view: View, nodes: set[Node]) -> dict[Node, set[Node]]:
    """The ``nodes`` of each class (SHACL instances), found in one pass rather than once per
    class target."""
    members: dict[Node, set[Node]] = defaultdict(set)
    for node in nodes:
        if not isinstance(node, Literal):
            for klass in view.classes(node):
                members[klass].add(node)
    return members


def _focus_nodes(
    view: View, targets: list[tuple[Node, Node]], nodes: set[Node], members: dict[Node, set[Node]]
) -> set[Node]:
    focus: set[Node] = set()
    for kind, value in targets:
        if kind == _TARGET_NODE:
            focus |= {value} & nodes
        elif kind == _TARGET_CLASS:
            focus |= members.get(value, _NONE)
        elif kind == _TARGET_SUBJECTS:
            focus |= view.subjects(value) & nodes
        else:
            focus |= view.objects(value) & nodes
    return focus


def _conforms(view: View, focus: Node, shape: Shape) -> bool:
    values = {focus} if shape.path is None else view.values(focus, shape.path)
    for kind, parameter in shape.constraints:
        if kind is _MIN_COUNT:
            if len(values) < parameter:  # type: ignore[operator]
                return False
        elif kind is _MAX_COUNT:
            if len(values) > parameter:  # type: ignore[operator]
                return False
        elif not all(_value_conforms(view, v, kind, parameter) for v in values):
            return False
    return all(_conforms(view, focus, prop) for prop in shape.properties)


def _value_conforms(view: View, value: Node, kind: Node, parameter: object) -> bool:
    if kind is _CLASS:
        return not isinstance(value, Literal) and parameter in view.classes(value)
    if kind is _DATATYPE:
        return datatype_matches(value, parameter)  # type: ignore[arg-type]
    if kind is _NODE_KIND:
        return node_kind_matches(value, parameter)  # type: ignore[arg-type]
    if kind is _MIN_EXCLUSIVE:
        return greater_than(value, parameter)  # type: ignore[arg-type]
    return any(_conforms(view, value, alternative) for alternative in parameter)  # type: ignore[attr-defined]


def mixed_in(ontology: Graph) -> Graph:
    """The triples pySHACL adds to a data graph from ``ont_graph=ontology``.

    That is not the whole graph: pySHACL copies class and property axioms (``rdfs:subClassOf``,
    ``rdfs:label``, declarations...) and ``owl:NamedIndividual`` nodes, but not, say, the
    ``rdf:type`` of a gazetteer entry; use the result as :meth:`ShapeChecker.with_background`.
    """
    if USE_FULL_MIXIN:  # pySHACL's own switch (PYSHACL_USE_FULL_MIXIN): the whole graph
        return ontology
    graph = Graph()
    inoculate(graph, ontology)  # type: ignore[arg-type]
    return graph


def compile_shapes(shapes: Graph, ontology: Graph) -> ShapeChecker | None:
    """The checker for ``shapes`` (``ontology`` supplies ``rdfs:subClassOf``); None if unsupported."""
    declared = set(shapes.subjects(_TYPE, SH.NodeShape)) | set(shapes.subjects(_TYPE, SH.PropertyShape))
    targeting = {s for p in _TARGETS for s in shapes.subjects(p, None)}
    try:
        targeted = []
        for node in declared | targeting:
            targets = [(p, o) for p, o in shapes.predicate_objects(node) if p in _TARGETS]
            if targets:
                targeted.append((_shape(shapes, node), targets))
    except Unsupported:
        return None
    hierarchy = frozenset(ontology.subject_objects(_SUBCLASS_OF))
    return ShapeChecker(targeted, _reads(targeted), hierarchy, _closure(hierarchy))


def _reads(targeted: list[tuple[Shape, list[tuple[Node, Node]]]]) -> frozenset[Node]:
    """Every property a shape reads: types, the class hierarchy, paths and target properties."""
    reads: set[Node] = {_TYPE, _SUBCLASS_OF}
    todo = [shape for shape, _ in targeted]
    while todo:
        shape = todo.pop()
        if shape.path is not None:
            reads.add(shape.path)
        todo += shape.properties
        todo += [alt for kind, alts in shape.constraints if kind is _OR for alt in alts]  # type: ignore[attr-defined]
    for _, targets in targeted:
        reads |= {value for kind, value in targets if kind in (_TARGET_SUBJECTS, _TARGET_OBJECTS)}
    return frozenset(reads)


def _shape(shapes: Graph, node: Node, *, depth: int = 0) -> Shape:
    if depth > 8:
        raise Unsupported("shapes nested too deeply")
    shape = Shape()
    for predicate, value in shapes.predicate_objects(node):
        if predicate in _DESCRIPTIVE or predicate in _TARGETS:
            continue
        if predicate == _TYPE and value in (SH.NodeShape, SH.PropertyShape):
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
    if predicate == _OR:
        return _OR, [_shape(shapes, m, depth=depth + 1) for m in Collection(shapes, value)]
    if predicate in (_MIN_COUNT, _MAX_COUNT) and isinstance(value, Literal) and isinstance(value.value, int):
        return _PARAMETERS[predicate], value.value
    if predicate in (_CLASS, _DATATYPE, _MIN_EXCLUSIVE) or (predicate == _NODE_KIND and value in NODE_KINDS):
        return _PARAMETERS[predicate], value
    raise Unsupported(f"{predicate} {value}")


def _pairs(index: Index) -> frozenset[tuple[Node, Node]]:
    subjects = index.subjects_of.get(_SUBCLASS_OF, set())
    return frozenset((s, o) for s in subjects for o in index.values(s, _SUBCLASS_OF))


def _closure(hierarchy: frozenset[tuple[Node, Node]]) -> dict[Node, frozenset[Node]]:
    direct: dict[Node, set[Node]] = defaultdict(set)
    for sub, sup in hierarchy:
        direct[sub].add(sup)
    closure: dict[Node, frozenset[Node]] = {}
    for klass in list(direct):
        seen, todo = {klass}, [klass]
        while todo:
            for parent in direct.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        closure[klass] = frozenset(seen)
    return closure
