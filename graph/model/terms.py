"""Naming things in lookups: entity ids, ontology terms, and safe SPARQL fragments.

Every IRI that goes into a query we build passes through :func:`sparql_iri`, so a request
parameter can never change a query's shape.

Examples
--------
>>> entity_iri("person/rajnath-singh")
rdflib.term.URIRef('https://w3id.org/defence-ties/resource/person/rajnath-singh')
>>> short_id(entity_iri("person/rajnath-singh"))
'person/rajnath-singh'
>>> resolve_term("participant", "predicates")
rdflib.term.URIRef('https://w3id.org/defence-ties/ontology#participant')
>>> sparql_values("x", ["urn:a", "urn:b"])
'VALUES ?x { <urn:a> <urn:b> }'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rdflib import RDFS, URIRef

from graph.errors import ParameterError
from graph.model.namespace import DT, RESOURCE
from graph.model.ontology import ontology_graph

# Links between entities. dt:mentions (article -> anything) is provenance, not a tie, so it is
# left out unless a caller asks for it by name.
EDGE_PREDICATES: tuple[URIRef, ...] = (
    DT.hostedBy, DT.chairedBy, DT.participant, DT.location, DT.partOfSeries, DT.alignedWith,
    DT.topic, DT.technologyArea, DT.signatory, DT.signedAt, DT.party, DT.affiliatedWith,
    DT.partOf, DT.country,
)

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Characters SPARQL's IRIREF production forbids (plus whitespace and controls).
_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_SLUG = re.compile(r"^[a-z][a-z0-9_-]*/[^/\s]+$")


def sparql_iri(iri: str, parameter: str = "iri") -> str:
    """``<iri>`` for a query, or :class:`ParameterError` naming ``parameter`` if it is not an IRI.

    Examples
    --------
    >>> sparql_iri("urn:x")
    '<urn:x>'
    >>> sparql_iri("urn:x> } DROP ALL {", "id")
    Traceback (most recent call last):
    ...
    graph.errors.ParameterError: id: 'urn:x> } DROP ALL {' is not a valid IRI
    """
    if not _SCHEME.match(iri) or _UNSAFE.search(iri):
        raise ParameterError(parameter, f"{iri!r} is not a valid IRI")
    return f"<{iri}>"


def sparql_values(variable: str, terms: Iterable[str], parameter: str = "iri") -> str:
    """A ``VALUES ?variable { ... }`` block of IRIs, each checked by :func:`sparql_iri`."""
    return f"VALUES ?{variable} {{ {' '.join(sparql_iri(t, parameter) for t in terms)} }}"


def sparql_list(terms: Iterable[str], parameter: str = "iri") -> str:
    """IRIs separated by commas, for ``IN ( ... )``, each checked by :func:`sparql_iri`."""
    return ", ".join(sparql_iri(t, parameter) for t in terms)


# A name after the last "/" that SPARQL takes as the local part of a prefixed name, unescaped.
_LOCAL = re.compile(r"^(?P<namespace>.*/)(?P<local>[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?)$")


def compact_iris(iris: Sequence[str], parameter: str = "iri") -> tuple[str, list[str]]:
    """``PREFIX`` declarations and each IRI as a prefixed name (``p0:rajnath-singh``) where it can
    be one, else as ``<iri>``; each IRI checked by :func:`sparql_iri`. For long ``VALUES`` lists:
    the engine parses a prefixed name in about half the time of a whole IRI.

    Examples
    --------
    >>> compact_iris(["urn:x", "https://a.org/person/ann", "https://a.org/person/bob"])
    ('PREFIX p0: <https://a.org/person/>', ['<urn:x>', 'p0:ann', 'p0:bob'])
    """
    prefixes: dict[str, str] = {}
    written = []
    for iri in iris:
        ref = sparql_iri(iri, parameter)
        match = _LOCAL.match(iri)
        if match is None:
            written.append(ref)
            continue
        prefix = prefixes.setdefault(match["namespace"], f"p{len(prefixes)}")
        written.append(f"{prefix}:{match['local']}")
    declared = " ".join(f"PREFIX {prefix}: <{namespace}>" for namespace, prefix in prefixes.items())
    return declared, written


def entity_iri(entity_id: str) -> URIRef:
    """The IRI of an entity given by its short id (``person/rajnath-singh``) or its full IRI."""
    text = entity_id.strip()
    if _SLUG.match(text):
        return RESOURCE[text]
    sparql_iri(text, "id")
    return URIRef(text)


def short_id(iri: str) -> str:
    """The short id of a resource IRI (``person/rajnath-singh``); other IRIs stay whole."""
    return iri.removeprefix(str(RESOURCE))


def resolve_term(name: str, parameter: str) -> URIRef:
    """An ontology term from ``Person``, ``dt:Person`` or a full IRI; unknown local names are refused."""
    text = name.strip()
    local = text.removeprefix("dt:")
    if local != text or not _SCHEME.match(text):
        try:
            return URIRef(getattr(DT, local))
        except AttributeError:
            raise ParameterError(parameter, f"{name!r} is not a term of the dt: ontology") from None
    sparql_iri(text, parameter)
    return URIRef(text)


def resolve_terms(names: Sequence[str] | None, parameter: str) -> list[URIRef]:
    """:func:`resolve_term` for each name, blanks and comma-separated lists allowed."""
    parts = [part for name in names or () for part in name.split(",") if part.strip()]
    return [resolve_term(part, parameter) for part in parts]


def with_subclasses(classes: Iterable[URIRef]) -> list[URIRef]:
    """The classes and all their subclasses in the ontology (``Event`` brings ``Meeting``).

    Examples
    --------
    >>> [c.removeprefix(str(DT._NS)) for c in with_subclasses([DT.Event])]
    ['Event', 'Exercise', 'Meeting']
    """
    found: set[URIRef] = set()
    for cls in classes:
        found |= _subclass_closure(cls)
    return sorted(found)


@lru_cache(maxsize=256)
def _subclass_closure(cls: URIRef) -> frozenset[URIRef]:
    ontology = ontology_graph()
    return frozenset(URIRef(str(c)) for c in ontology.transitive_subjects(RDFS.subClassOf, cls))
