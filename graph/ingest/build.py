"""An article's named graph: its metadata, the entities it names, the facts and their evidence.

Evidence is standard RDF reification: one ``rdf:Statement`` per fact, with the sentence
(``oa:exact``) and its character offsets (``oa:start``, ``oa:end``) from the Web Annotation
vocabulary, and ``prov:wasDerivedFrom`` the article. No ``dt:`` property is used on it, so it adds
nothing an analyst would count as a relation.

The graph is built as a plain list of triples (:func:`article_triples`): validation
(:mod:`graph.validation.compiled`) and the Graph Store write (:func:`ntriples`) read that list directly, and
an rdflib graph (:func:`article_graph`) is made only where one is needed (``--dry-run``, pySHACL).

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> article = Article(title="T", text="India and the US signed LEMOA on 29 August 2016.")
>>> triples = article_triples(article, extract_text(article.text))
>>> len(article_graph(article, extract_text(article.text))) == len(triples)
True
>>> ntriples(triples[:1]).decode().endswith("<https://w3id.org/defence-ties/ontology#Article> .\\n")
True
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from functools import lru_cache
from typing import TypeVar

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS, XSD
from rdflib.plugins.serializers.nt import _quoteLiteral

from graph import __version__
from graph.ingest.extract import Extraction
from graph.ingest.readers.article import Article
from graph.ingest.resolution.entities import Entity
from graph.ingest.rules.facts import Fact
from graph.model.namespace import DT, SCHEMA

OA = Namespace("http://www.w3.org/ns/oa#")
SOFTWARE = f"defence-ties {__version__}"

Triple = tuple[URIRef, URIRef, URIRef | Literal]
_Term = TypeVar("_Term", URIRef, Literal)

_DT = str(DT._NS)
_SOFTWARE = Literal(SOFTWARE)
# Terms used for every article, looked up once (namespace attribute access is slow).
_TYPE = RDF.type
_ARTICLE = DT.Article
_TITLE = DCTERMS.title
_ISSUED = DCTERMS.issued
_DATE = XSD.date
_PUBLISHER = DCTERMS.publisher
_URL = SCHEMA.url
_ANY_URI = XSD.anyURI
_SHA256 = SCHEMA.sha256
_GENERATED = PROV.generatedAtTime
_DATE_TIME = XSD.dateTime
_VERSION = SCHEMA.softwareVersion
_MENTIONS = DT.mentions
_LABEL = RDFS.label
_ALT_LABEL = SKOS.altLabel
_POST = DT.title
_STATEMENT = RDF.Statement
_SUBJECT = RDF.subject
_PREDICATE = RDF.predicate
_OBJECT = RDF.object
_DERIVED = PROV.wasDerivedFrom
_EXACT = OA.exact
_START = OA.start
_END = OA.end
_COMMENT = RDFS.comment
_COUNT = XSD.nonNegativeInteger


def article_triples(
    article: Article, extraction: Extraction, *, ingested: datetime | None = None
) -> list[Triple]:
    """The triples of ``article``'s named graph (not yet validated), each once, in a stable order."""
    triples: list[Triple] = []
    iri = article.iri  # a hash of the URL or text: computed once
    _metadata(triples, iri, article, ingested or datetime.now(UTC))
    for entity in extraction.entities:
        _entity(triples, iri, entity)
    for fact in extraction.facts:
        obj = fact.obj.iri if isinstance(fact.obj, Entity) else fact.obj
        triple = (fact.subject.iri, _term(fact.predicate), obj)
        triples.append(triple)
        _evidence(triples, iri, triple, fact, extraction.text)
    return list(dict.fromkeys(triples))  # a graph is a set: the same triple twice is one


def article_graph(article: Article, extraction: Extraction, *, ingested: datetime | None = None) -> Graph:
    """The named graph of ``article`` as an rdflib graph (not yet validated)."""
    return as_graph(article.iri, article_triples(article, extraction, ingested=ingested))


def as_graph(identifier: URIRef, triples: list[Triple]) -> Graph:
    """An rdflib graph named ``identifier`` holding ``triples``."""
    graph = Graph(identifier=identifier)
    graph.bind("dt", DT._NS)
    graph.bind("oa", OA)
    for triple in triples:
        graph.add(triple)
    return graph


def ntriples(triples: list[Triple]) -> bytes:
    """``triples`` as an N-Triples document, written as rdflib's N-Triples serialiser writes it.

    Terms repeat (an entity's IRI, every predicate), so each is written out once per document.
    """
    # Keyed by object identity: rdflib's ``Literal.__hash__`` is Python code, and a term's text
    # depends on its value alone. The ids stay unique: ``triples`` keeps every term alive.
    written: dict[int, str] = {}
    shared = _SHARED_TEXT.get

    def term(node: URIRef | Literal) -> str:
        text = written[id(node)] = shared(id(node)) or _term_text(node)
        return text

    known = written.get  # a term's text is never empty, so ``or`` falls through only when unknown
    return "".join(
        f"{known(id(s)) or term(s)} {known(id(p)) or term(p)} {known(id(o)) or term(o)} .\n"
        for s, p, o in triples
    ).encode("utf-8")


def _term_text(node: URIRef | Literal) -> str:
    return _quoteLiteral(node) if isinstance(node, Literal) else node.n3()


# The text of the terms that outlive one article (the constants above, the cached terms below),
# by id, so that ntriples writes each once per process rather than once per article. Each entry
# keeps its term alive, so no other object can take its id; cleared (texts first) when too many.
_SHARED_TEXT: dict[int, str] = {}
_SHARED_TERMS: list[URIRef | Literal] = []
_SHARED_MAX = 262144


def _shared(term: _Term) -> _Term:
    if len(_SHARED_TERMS) >= _SHARED_MAX:  # the caches below drop old terms: start again
        _SHARED_TEXT.clear()
        _SHARED_TERMS.clear()
    _SHARED_TEXT[id(term)] = _term_text(term)
    _SHARED_TERMS.append(term)
    return term


_shared(_SOFTWARE)
for _constant in (_TYPE, _ARTICLE, _TITLE, _ISSUED, _PUBLISHER, _URL, _SHA256, _GENERATED, _VERSION,
                  _MENTIONS, _LABEL, _ALT_LABEL, _POST, _STATEMENT, _SUBJECT, _PREDICATE, _OBJECT,
                  _DERIVED, _EXACT, _START, _END, _COMMENT):
    _shared(_constant)


def _metadata(triples: list[Triple], node: URIRef, article: Article, ingested: datetime) -> None:
    triples.append((node, _TYPE, _ARTICLE))
    triples.append((node, _TITLE, Literal(article.title)))
    if article.published:
        triples.append((node, _ISSUED, Literal(article.published.isoformat(), datatype=_DATE)))
    if article.source:
        triples.append((node, _PUBLISHER, Literal(article.source)))
    if article.url:
        triples.append((node, _URL, Literal(article.url, datatype=_ANY_URI)))
    triples.append((node, _SHA256, Literal(article.content_hash)))
    stamp = Literal(ingested.isoformat(timespec="seconds"), datatype=_DATE_TIME)
    triples.append((node, _GENERATED, stamp))
    triples.append((node, _VERSION, _SOFTWARE))


def _entity(triples: list[Triple], article: URIRef, entity: Entity) -> None:
    triples.append((article, _MENTIONS, entity.iri))
    triples.append((entity.iri, _TYPE, _term(entity.cls)))
    name = entity.name or entity.label
    triples.append((entity.iri, _LABEL, _text(name)))
    for surface in sorted((entity.surfaces | {entity.label}) - {name}):
        triples.append((entity.iri, _ALT_LABEL, _text(surface)))
    for title in sorted(entity.titles):
        triples.append((entity.iri, _POST, _text(title)))


def _evidence(triples: list[Triple], article: URIRef, triple: Triple, fact: Fact, text: str) -> None:
    s, p, o = triple
    start, end = _trimmed(text, fact.evidence.start, fact.evidence.end)
    digest = hashlib.sha1(f"{s} {p} {o} {start}".encode(), usedforsecurity=False).hexdigest()[:16]
    node = URIRef(f"{article}#evidence-{digest}")
    triples += [
        (node, _TYPE, _STATEMENT),
        (node, _SUBJECT, s),
        (node, _PREDICATE, p),
        (node, _OBJECT, o),
        (node, _DERIVED, article),
        (node, _EXACT, _sentence(text, start, end)),
        (node, _START, _offset(start)),
        (node, _END, _offset(end)),
        (node, _COMMENT, _rule(fact.evidence.rule)),
    ]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space at its ends (a sentence that opens a paragraph comes from
    the parser with the blank line before it)."""
    span = text[start:end]
    if not span.strip():
        return start, end
    return start + len(span) - len(span.lstrip()), end - len(span) + len(span.rstrip())


# Several facts share a sentence, offsets and rule names repeat, and so do the names of the same
# entities, classes and predicates from article to article: each term is made once.
@lru_cache(maxsize=65536)
def _text(value: str) -> Literal:
    return _shared(Literal(value))


@lru_cache(maxsize=256)
def _term(name: str) -> URIRef:
    return _shared(URIRef(_DT + name))


@lru_cache(maxsize=4096)
def _offset(value: int) -> Literal:
    return _shared(Literal(value, datatype=_COUNT))


@lru_cache(maxsize=512)
def _rule(name: str) -> Literal:
    return _shared(Literal(f"rule: {name}"))


@lru_cache(maxsize=256)
def _sentence(text: str, start: int, end: int) -> Literal:
    return _shared(Literal(text[start:end]))
