"""The property-graph projection of RDF triples: resources become nodes, links become keyed edges.

What becomes what:

- every IRI that is the subject of a triple, or lives under the resource base, is a node keyed by its
  IRI string, with ``id`` (the short form ``person/rajnath-singh`` for our resources, else the IRI),
  ``iri``, ``label`` (``rdfs:label``, English first, else ``skos:prefLabel`` or ``dcterms:title``,
  else the IRI's local name), ``category`` (the most specific ``dt:`` class, else ``Resource``)
  and ``types`` (sorted compact class names);
- ``rdf:type`` is the ``types``/``category`` attributes, never an edge to a class hub node;
- a link between two nodes is an edge keyed by the predicate's local name, with ``predicate`` (the
  full IRI) and ``label``; parallel edges under different predicates are kept;
- a literal is a typed node attribute named by the predicate's local name: ``xsd:date`` stays a
  :class:`datetime.date`, integers ``int``, decimals and doubles ``float``, booleans ``bool``, other
  types (``gYear``, ``dateTime``, strings) their lexical ``str``. A property with several values keeps
  the smallest as the attribute and lists them all, sorted, in ``<name>_all`` joined by `` | ``;
  ``skos:altLabel`` is always the joined string;
- an IRI object that is neither a subject nor one of our resources (a web page, a document) is a
  string attribute of its subject, not a node;
- evidence machinery is left out: blank nodes, ``rdf:Statement`` reifications, nodes typed only with
  PROV-O classes, and ``rdf:subject``/``rdf:predicate``/``rdf:object``. Articles stay as nodes of
  category ``Article`` with their ``mentions`` edges, because they are what ties facts to sources.

Examples
--------
>>> from rdflib import Literal, URIRef
>>> from rdflib.namespace import RDF, RDFS, XSD
>>> from graph.model.namespace import DT, RESOURCE
>>> rajnath, dpg = RESOURCE["person/rajnath-singh"], RESOURCE["meeting/dpg-2023"]
>>> G = project([
...     (rajnath, RDF.type, DT.Person), (rajnath, RDFS.label, Literal("Rajnath Singh", lang="en")),
...     (dpg, RDF.type, DT.Meeting), (dpg, DT.chairedBy, rajnath), (dpg, DT.participant, rajnath),
...     (dpg, DT.startDate, Literal("2023-11-13", datatype=XSD.date)),
... ])
>>> G.nodes[str(rajnath)]["id"], G.nodes[str(rajnath)]["category"]
('person/rajnath-singh', 'Person')
>>> sorted(G[str(dpg)][str(rajnath)])
['chairedBy', 'participant']
>>> G.nodes[str(dpg)]["startDate"]
datetime.date(2023, 11, 13)
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import networkx as nx
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from graph.model.namespace import DT, RESOURCE
from graph.model.ontology import ontology_graph

RESERVED = ("id", "iri", "label", "category", "types")
LIST_SEPARATOR = " | "
_DT = str(DT._NS)
_PROV = str(PROV)
_REIFICATION = {RDF.subject, RDF.predicate, RDF.object}
_PREFIXES = {
    "http://www.w3.org/2004/02/skos/core#": "skos", "https://schema.org/": "schema",
    "http://xmlns.com/foaf/0.1/": "foaf", _PROV: "prov", "http://www.w3.org/ns/org#": "org",
    "http://semanticweb.cs.vu.nl/2009/11/sem/": "sem", "http://purl.org/dc/terms/": "dcterms",
    "http://www.w3.org/2002/07/owl#": "owl", str(RDFS): "rdfs", str(RDF): "rdf",
}
# Datatype IRIs as strings: holding rdflib's XSD namespace here makes doctest collection warn.
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + name for name in (
    "integer", "int", "long", "short", "byte", "positiveInteger", "nonNegativeInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort",
    "unsignedByte")}
_FLOATS = {_XSD + name for name in ("decimal", "double", "float")}
_FALLBACK_LABELS = {SKOS.prefLabel, URIRef("http://purl.org/dc/terms/title")}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/`` (the whole IRI if that is empty).

    >>> local_name("https://w3id.org/defence-ties/ontology#chairedBy")
    'chairedBy'
    """
    tail = re.split(r"[#/]", iri.rstrip("/#"))[-1]
    return tail or iri


def short_id(iri: str) -> str:
    """``person/rajnath-singh`` for a resource under the resource base, else the IRI itself.

    >>> short_id("https://w3id.org/defence-ties/resource/person/rajnath-singh")
    'person/rajnath-singh'
    >>> short_id("urn:x:india")
    'urn:x:india'
    """
    rest = iri.removeprefix(str(RESOURCE))
    # A remainder with a colon could be mistaken for another IRI, so it keeps the full form.
    return rest if rest != iri and rest and ":" not in rest else iri


def compact(iri: str) -> str:
    """``Person`` for ``dt:`` terms, ``skos:Concept`` for known vocabularies, else the IRI."""
    if iri.startswith(_DT):
        return iri[len(_DT):]
    for base, prefix in _PREFIXES.items():
        if iri.startswith(base) and iri != base:
            return f"{prefix}:{iri[len(base):]}"
    return iri


@lru_cache(maxsize=1)
def _class_depths() -> dict[str, int]:
    # How many dt: superclasses a dt: class has: the deepest is the most specific.
    ontology = ontology_graph()
    parents: dict[str, set[str]] = {}
    for sub, sup in ontology.subject_objects(RDFS.subClassOf):
        if str(sub).startswith(_DT) and str(sup).startswith(_DT):
            parents.setdefault(str(sub), set()).add(str(sup))

    def depth(cls: str, seen: frozenset[str] = frozenset()) -> int:
        ups = parents.get(cls, set()) - seen
        return 1 + max((depth(up, seen | {cls}) for up in ups), default=0)

    return {str(cls): depth(str(cls)) for cls in ontology.subjects(RDF.type, None) if
            str(cls).startswith(_DT)}


def category_of(types: Iterable[str]) -> str:
    """The most specific ``dt:`` class among ``types`` (its local name), else ``Resource``."""
    depths = _class_depths()
    ours = sorted((t for t in types if t.startswith(_DT)), key=lambda t: (-depths.get(t, 1), t))
    return ours[0][len(_DT):] if ours else "Resource"


def literal_value(literal: Literal) -> Any:
    """The Python value a literal becomes: dates, ints, floats and bools typed, the rest text."""
    datatype, text = str(literal.datatype), str(literal)
    try:
        if datatype == _XSD + "date" and _DATE.match(text):
            return datetime.date.fromisoformat(text)
        if datatype in _INTEGERS:
            return int(text)
        if datatype in _FLOATS:
            return float(text)
        if datatype == _XSD + "boolean" and text in ("true", "false", "1", "0"):
            return text in ("true", "1")
    except ValueError:
        pass  # an ill-typed literal keeps its lexical form
    return text


@dataclass
class _Resource:
    types: set[str] = field(default_factory=set)
    labels: set[Literal] = field(default_factory=set)
    fallback_labels: set[Literal] = field(default_factory=set)
    values: dict[str, set[Any]] = field(default_factory=dict)


class _Collector:
    """Gathers triples by subject; nodes and edges are decided once everything has been seen."""

    def __init__(self) -> None:
        self.resources: dict[str, _Resource] = {}
        self.links: set[tuple[str, str, str]] = set()

    def add(self, s: Node, p: Node, o: Node) -> None:
        if not isinstance(s, URIRef) or isinstance(o, BNode) or p in _REIFICATION:
            return
        here = self.resources.setdefault(str(s), _Resource())
        if p == RDF.type:
            here.types.add(str(o))
        elif p == RDFS.label and isinstance(o, Literal):
            here.labels.add(o)
        elif isinstance(o, Literal):
            if p in _FALLBACK_LABELS:
                here.fallback_labels.add(o)
            value = str(o) if p == SKOS.altLabel else literal_value(o)
            here.values.setdefault(_attribute_name(str(p)), set()).add(value)
        elif isinstance(o, URIRef):
            self.links.add((str(s), str(p), str(o)))

    def is_node(self, iri: str) -> bool:
        found = self.resources.get(iri)
        if found is None:
            return iri.startswith(str(RESOURCE))
        return not _is_evidence(found.types)

    def build(self) -> nx.MultiDiGraph:
        graph = nx.MultiDiGraph(name="defence-ties")
        for iri in sorted(self.resources):
            if self.is_node(iri):
                graph.add_node(iri, **_node_attributes(iri, self.resources[iri]))
        for s, p, o in sorted(self.links):
            if s not in graph:
                continue
            if self.is_node(o):
                if o not in graph:
                    graph.add_node(o, **_node_attributes(o, _Resource()))
                _add_edge(graph, s, p, o)
            elif o not in self.resources:
                _merge_value(graph.nodes[s], _attribute_name(p), o)
        return graph


def _is_evidence(types: set[str]) -> bool:
    if str(RDF.Statement) in types:
        return True
    return bool(types) and all(t.startswith(_PROV) for t in types)


def _attribute_name(predicate: str) -> str:
    name = local_name(predicate)
    return f"{compact(predicate).replace(':', '_')}" if name in RESERVED else name


def _preferred_label(iri: str, labels: set[Literal]) -> str:
    def rank(label: Literal) -> tuple[int, str]:
        lang = (label.language or "").lower()
        return (0 if lang == "en" else 1 if lang.startswith("en") else 2 if not lang else 3, str(label))

    return str(min(labels, key=rank)) if labels else local_name(iri)


def _sort_key(value: Any) -> tuple[str, str]:
    return (type(value).__name__, value.isoformat() if isinstance(value, datetime.date) else repr(value))


def _node_attributes(iri: str, found: _Resource) -> dict[str, Any]:
    attributes: dict[str, Any] = {
        "id": short_id(iri), "iri": iri,
        "label": _preferred_label(iri, found.labels or found.fallback_labels),
        "category": category_of(found.types), "types": sorted(compact(t) for t in found.types),
    }
    for name in sorted(found.values):
        for value in sorted(found.values[name], key=_sort_key):
            _merge_value(attributes, name, value)
    return attributes


def _merge_value(attributes: dict[str, Any], name: str, value: Any) -> None:
    # Values arrive sorted, so the first one kept is the smallest; the rest go to ``<name>_all``.
    if name not in attributes:
        attributes[name] = value
        return
    if name == "altLabel":
        attributes[name] = f"{attributes[name]}{LIST_SEPARATOR}{value}"
        return
    previous = attributes.get(f"{name}_all", _text(attributes[name]))
    attributes[f"{name}_all"] = f"{previous}{LIST_SEPARATOR}{_text(value)}"


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else str(value)


def _add_edge(graph: nx.MultiDiGraph, s: str, p: str, o: str) -> None:
    key = local_name(p)
    existing = graph.get_edge_data(s, o, key)
    if existing is not None and existing["predicate"] != p:
        key = compact(p)  # two vocabularies share a local name between the same two nodes
    graph.add_edge(s, o, key=key, predicate=p, label=local_name(p))


def project(triples: Iterable[tuple[Node, Node, Node]]) -> nx.MultiDiGraph:
    """The property graph of ``triples`` (see the module documentation for what becomes what).

    Duplicate triples are harmless, so the union of several named graphs can be passed as it comes.
    """
    collector = _Collector()
    for s, p, o in triples:
        collector.add(s, p, o)
    return collector.build()
