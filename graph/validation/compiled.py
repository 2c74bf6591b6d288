"""A fast, exact SHACL check for the shape constructs ``ontology/shapes.ttl`` uses, in plain Python.

pySHACL costs tens of milliseconds per graph; the shapes used here are simple (class, subject- and
object-of targets; ``sh:class``, ``sh:datatype``, ``sh:nodeKind``, ``sh:minCount``,
``sh:maxCount``, ``sh:minExclusive`` and ``sh:or`` of those), so :func:`compile_shapes` turns them
into a :class:`ShapeChecker` that answers conforms / does not conform with the same semantics as
pySHACL (value checks in :mod:`graph.validation.values` follow pySHACL's, ill-typed literals included).
Any construct it does not know makes :func:`compile_shapes` return ``None``, and the caller uses
pySHACL instead; pySHACL also still gives the readable report of a graph this check rejects.
``tests/test_fastshacl.py`` checks that both agree on every shape, on good and deliberately broken
graphs.

Examples
--------
>>> from rdflib import Literal, URIRef
>>> from graph.model.namespace import DT
>>> from graph.model.ontology import ontology_graph, shapes_graph
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
from rdflib import Graph, Literal
from rdflib.term import Node

from graph.validation.shapes import (
    CLASS,
    DATATYPE,
    MAX_COUNT,
    MIN_COUNT,
    MIN_EXCLUSIVE,
    NODE_KIND,
    SUBCLASS_OF,
    TARGET_CLASS,
    TARGET_NODE,
    TARGET_SUBJECTS,
    TYPE,
    Shape,
    Unsupported,
    shape_reads,
    targeted_shapes,
)
from graph.validation.values import datatype_matches, greater_than, node_kind_matches

Triple = tuple[Node, Node, Node]

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
                *(self.superclasses.get(k, frozenset((k,))) for k in self.values(node, TYPE))
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
        nodes |= {node for _, targets in self.targeted for kind, node in targets if kind == TARGET_NODE}
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
        if kind == TARGET_NODE:
            focus |= {value} & nodes
        elif kind == TARGET_CLASS:
            focus |= members.get(value, _NONE)
        elif kind == TARGET_SUBJECTS:
            focus |= view.subjects(value) & nodes
        else:
            focus |= view.objects(value) & nodes
    return focus


def _conforms(view: View, focus: Node, shape: Shape) -> bool:
    values = {focus} if shape.path is None else view.values(focus, shape.path)
    for kind, parameter in shape.constraints:
        if kind is MIN_COUNT:
            if len(values) < parameter:  # type: ignore[operator]
                return False
        elif kind is MAX_COUNT:
            if len(values) > parameter:  # type: ignore[operator]
                return False
        elif not all(_value_conforms(view, v, kind, parameter) for v in values):
            return False
    return all(_conforms(view, focus, prop) for prop in shape.properties)


def _value_conforms(view: View, value: Node, kind: Node, parameter: object) -> bool:
    if kind is CLASS:
        return not isinstance(value, Literal) and parameter in view.classes(value)
    if kind is DATATYPE:
        return datatype_matches(value, parameter)  # type: ignore[arg-type]
    if kind is NODE_KIND:
        return node_kind_matches(value, parameter)  # type: ignore[arg-type]
    if kind is MIN_EXCLUSIVE:
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
    try:
        targeted = targeted_shapes(shapes)
    except Unsupported:
        return None
    hierarchy = frozenset(ontology.subject_objects(SUBCLASS_OF))
    return ShapeChecker(targeted, shape_reads(targeted), hierarchy, _closure(hierarchy))


def _pairs(index: Index) -> frozenset[tuple[Node, Node]]:
    subjects = index.subjects_of.get(SUBCLASS_OF, set())
    return frozenset((s, o) for s in subjects for o in index.values(s, SUBCLASS_OF))


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
