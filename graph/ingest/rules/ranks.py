"""A rank that only one service has names that service: "Air Chief Marshal X" is of the Indian Air Force.

Part of the rule catalogue, applied after the post rules (``actors.affiliations``) to people
whose post named no body. In news of India-US ties the Commonwealth air ranks ("Air Marshal",
"Air Chief Marshal", "Air Vice Marshal", "Air Commodore") are those of the Indian Air Force: the
US Air Force has generals. Ranks both sides have ("Vice Admiral", "Colonel") name no country and
no service, so they give nothing.

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> result = extract_text("Air Vice Marshal Ravi Menon and Vice Admiral Ann Lee arrived at Pune.")
>>> sorted((f.subject.label, f.obj.label) for f in result.facts if f.predicate == "affiliatedWith")
[('Ravi Menon', 'Indian Air Force')]
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.ingest.resolution.entities import EntityTable, Mention
from graph.ingest.rules.facts import Evidence, Fact
from graph.ingest.rules.rulebook import rule

SERVICE_RANKS = {
    "air chief marshal": "Indian Air Force",
    "air marshal": "Indian Air Force",
    "air vice marshal": "Indian Air Force",
    "air vice-marshal": "Indian Air Force",
    "air commodore": "Indian Air Force",
}


@rule(
    "A rank only one service has names the service: 'Air Marshal X' is of the Indian Air Force.",
    "Air Marshal Ravi Menon, who flew in from Delhi, spoke at the base.",
    ("Ravi Menon", "affiliatedWith", "Indian Air Force"),
)
def service_rank(s: object) -> None:
    """Applied by :func:`rank_affiliations`, after the posts have named their bodies."""


def rank_affiliations(doc: Doc, mentions: list[Mention], table: EntityTable, facts: list[Fact]) -> list[Fact]:
    """``affiliatedWith`` the service of a person's rank, for people no post affiliated yet."""
    affiliated = {f.subject.iri for f in facts if f.predicate == "affiliatedWith"}
    found: list[Fact] = []
    for m in mentions:
        if m.entity.cls != "Person" or m.role or m.entity.iri in affiliated:
            continue
        ranks = [t.lower() for t in sorted(m.entity.titles) if t.lower() in SERVICE_RANKS]
        service = SERVICE_RANKS[ranks[0]] if ranks else None
        if service is None:
            continue
        sentence = doc[m.start].sent
        body = table.resolve(service, "Organisation")
        evidence = Evidence(sentence.start_char, sentence.end_char, "service_rank")
        found.append(Fact(m.entity, "affiliatedWith", body, evidence))
        affiliated.add(m.entity.iri)
    return found
