"""How one value meets one SHACL value constraint, as pySHACL decides it (for :mod:`.compiled`).

``sh:datatype`` follows pySHACL's DatatypeConstraintComponent case for case (an ill-typed literal
fails), ``sh:nodeKind`` the node's kind, ``sh:minExclusive`` pySHACL's comparison of literals.

Examples
--------
>>> from rdflib import Literal, URIRef
>>> from rdflib.namespace import SH, XSD
>>> datatype_matches(Literal("2025-10-31", datatype=XSD.date), XSD.date)
True
>>> datatype_matches(Literal("31 October", datatype=XSD.date), XSD.date)
False
>>> node_kind_matches(URIRef("urn:x"), SH.BlankNodeOrIRI), greater_than(Literal(3), Literal(2))
(True, True)
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from pyshacl.rdfutil.compare import compare_literal
from rdflib import RDF, RDFS, BNode, Literal, URIRef
from rdflib.namespace import SH, XSD
from rdflib.term import Node

NODE_KINDS: dict[Node, tuple[type, ...]] = {  # the sh:nodeKind values and the term classes they admit
    SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,),
    SH.BlankNodeOrIRI: (BNode, URIRef), SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}
_VALUE_TYPES: dict[Node, type | tuple[type, ...]] = {
    XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
    XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date, XSD.time: time, XSD.dateTime: datetime,
}
# Looked up once: namespace attribute access is slow in the per-article loops.
_RDFS_LITERAL, _RDFS_DATATYPE = RDFS.Literal, RDFS.Datatype
_XSD_STRING, _LANG_STRING = XSD.string, RDF.langString


def node_kind_matches(value: Node, kind: Node) -> bool:
    """Whether ``value`` is of the ``sh:nodeKind`` ``kind`` (``sh:IRI``, ``sh:BlankNodeOrIRI``, ...)."""
    return isinstance(value, NODE_KINDS[kind])


def datatype_matches(value: Node, datatype: Node) -> bool:
    """Whether ``value`` meets ``sh:datatype datatype`` (pySHACL's DatatypeConstraintComponent)."""
    if not isinstance(value, Literal):
        return False
    if value.datatype == datatype:
        return getattr(value, "ill_typed", None) is not True and _value_is(value, datatype)
    if datatype == _RDFS_LITERAL:
        return True
    if datatype == _RDFS_DATATYPE:
        return value.datatype is not None
    if value.datatype is None and value.language is None and datatype == _XSD_STRING:
        return _value_is(value, datatype)
    return datatype == _LANG_STRING and bool(value.language) and _value_is(value, datatype)


def _value_is(value: Literal, datatype: Node) -> bool:
    expected = _VALUE_TYPES.get(datatype)
    return expected is None or isinstance(value.value, expected)


def greater_than(value: Node, bound: Literal) -> bool:
    """Whether ``value`` meets ``sh:minExclusive bound``: only comparable literals can pass."""
    if not isinstance(value, Literal) or isinstance(value.value, str) != isinstance(bound.value, str):
        return False
    try:
        return bool(compare_literal(value, bound) > 0)  # type: ignore[no-untyped-call]
    except (TypeError, NotImplementedError):
        return False
