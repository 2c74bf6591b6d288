"""The ontology's terms as an rdflib ``DefinedNamespace`` and the project's IRI bases.

``DT`` fails loudly on a misspelt term (``DT.hostedby`` raises ``AttributeError``); a test checks
that it and ``ontology/defence-ties.ttl`` name exactly the same terms.

Examples
--------
>>> DT.hostedBy
rdflib.term.URIRef('https://w3id.org/defence-ties/ontology#hostedBy')
>>> resource_iri("person", "rajnath-singh")
rdflib.term.URIRef('https://w3id.org/defence-ties/resource/person/rajnath-singh')
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = URIRef("https://w3id.org/defence-ties/ontology")
RESOURCE = Namespace("https://w3id.org/defence-ties/resource/")
GRAPH = Namespace("https://w3id.org/defence-ties/graph/")
ONTOLOGY_GRAPH = GRAPH["ontology"]
GAZETTEER_GRAPH = GRAPH["gazetteer"]
SCHEMA = Namespace("https://schema.org/")


class DT(DefinedNamespace):
    """Terms of the defence-ties ontology (``https://w3id.org/defence-ties/ontology#``)."""

    _fail = True
    _NS = Namespace("https://w3id.org/defence-ties/ontology#")

    # Classes
    Actor: URIRef
    Person: URIRef
    Organisation: URIRef
    Country: URIRef
    Place: URIRef
    Event: URIRef
    Meeting: URIRef
    Exercise: URIRef
    Framework: URIRef
    Agreement: URIRef
    Initiative: URIRef
    Mechanism: URIRef
    TechnologyArea: URIRef
    Article: URIRef

    # Object properties
    hostedBy: URIRef
    chairedBy: URIRef
    participant: URIRef
    location: URIRef
    partOfSeries: URIRef
    alignedWith: URIRef
    topic: URIRef
    technologyArea: URIRef
    signatory: URIRef
    signedAt: URIRef
    party: URIRef
    affiliatedWith: URIRef
    partOf: URIRef
    country: URIRef
    mentions: URIRef

    # Datatype properties
    startDate: URIRef
    endDate: URIRef
    signedOn: URIRef
    ordinal: URIRef
    title: URIRef


def resource_iri(kind: str, slug: str) -> URIRef:
    """The IRI of a resource of ``kind`` (``person``, ``organisation``, ...) named ``slug``."""
    return RESOURCE[f"{kind}/{slug}"]
