"""``ties explain``: the sentences that support a triple, with the titles of their articles.

Examples
--------
>>> str(expand_term("person/rajnath-singh"))
'https://w3id.org/defence-ties/resource/person/rajnath-singh'
>>> str(expand_term("dt:signatory"))
'https://w3id.org/defence-ties/ontology#signatory'
>>> expand_term("2025-10")
'2025-10'
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from graph.errors import InputError
from graph.ingest.build import OA
from graph.model.namespace import DT, RESOURCE
from graph.store import Store

KINDS = (
    "person",
    "organisation",
    "country",
    "place",
    "agreement",
    "initiative",
    "mechanism",
    "technology",
    "event",
)


@dataclass(frozen=True)
class Support:
    """One sentence that states the triple."""

    title: str
    article: str
    sentence: str
    start: int
    end: int
    rule: str


def expand_term(text: str) -> URIRef | str:
    """An IRI from a short form (``person/x``, ``dt:signatory``, ``<iri>``), else the literal text."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    if text.startswith(("http://", "https://")):
        return URIRef(text)
    if text.startswith("dt:"):
        return URIRef(str(DT._NS) + text[3:])
    if text.startswith("res:"):
        return RESOURCE[text[4:]]
    if text.split("/", 1)[0] in KINDS and "/" in text:
        return RESOURCE[text]
    return text


def explain(store: Store, subject: str, predicate: str, obj: str) -> list[Support]:
    """Every evidence sentence for ``subject predicate object`` in the store."""
    s, p, o = expand_term(subject), expand_term(predicate), expand_term(obj)
    if not isinstance(s, URIRef) or not isinstance(p, URIRef):
        raise InputError(
            f"subject and predicate must be IRIs or short forms like person/rajnath-singh and "
            f"dt:signatory, not {subject!r} and {predicate!r}"
        )
    object_test = f"FILTER(?o = {o.n3()})" if isinstance(o, URIRef) else f"FILTER(STR(?o) = {_quote(o)})"
    rows = store.select(f"""
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX oa: <{OA}>
        SELECT ?g ?title ?text ?start ?end ?rule WHERE {{ GRAPH ?g {{
            ?e a rdf:Statement ; rdf:subject {s.n3()} ; rdf:predicate {p.n3()} ; rdf:object ?o ;
               oa:exact ?text ; oa:start ?start ; oa:end ?end .
            OPTIONAL {{ ?e <http://www.w3.org/2000/01/rdf-schema#comment> ?rule }}
            OPTIONAL {{ ?g <http://purl.org/dc/terms/title> ?title }}
            {object_test} }} }} ORDER BY ?title ?start""")
    return [
        Support(
            str(r.get("title", "")),
            str(r["g"]),
            str(r["text"]),
            int(str(r["start"])),
            int(str(r["end"])),
            str(r.get("rule", "")).removeprefix("rule: "),
        )
        for r in rows
    ]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
