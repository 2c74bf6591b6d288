"""Rules about actors themselves: who a person works for, which body a unit belongs to, and the
parties of a framework named after two countries. Part of the rule catalogue.

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> result = extract_text("US Secretary of War Pete Hegseth spoke. GE Aerospace, the aviation arm of "
...                       "General Electric, agreed.")
>>> sorted((f.subject.label, f.predicate, f.obj.label) for f in result.facts)
[('GE Aerospace', 'partOf', 'General Electric'), ('Pete Hegseth', 'affiliatedWith', 'United States')]
"""

from __future__ import annotations

import itertools

from rdflib import URIRef
from spacy.tokens import Token

from graph.ingest.language.lexicon import (
    DEMONYMS,
    VESSEL_TYPES,
)
from graph.ingest.resolution.entities import Entity, EntityTable
from graph.ingest.rules.context import Sentence
from graph.ingest.rules.rulebook import rule
from graph.model.namespace import DT

UNIT_WORDS = {"arm", "unit", "wing", "division", "subsidiary", "part", "branch", "component", "element"}
ARTICLES = {"the", "a", "an", "and", "of", "by", "with"}
SERVICES = {"navy", "force", "army", "marines", "corps", "guard"}


@rule(
    "A person's post names the body or country they represent.",
    "US Secretary of War Pete Hegseth arrived.",
    ("Pete Hegseth", "affiliatedWith", "United States"),
)
def affiliation(s: Sentence) -> None:
    """Applied by :func:`affiliations`, which sees the mentions inside posts."""


@rule(
    "A body belongs to another: 'X, the aviation arm of Y', 'Y's X', 'X of Y', 'X, which belongs to Y'.",
    "GE Aerospace, the aviation arm of General Electric, signed.",
    ("GE Aerospace", "partOf", "General Electric"),
)
def part_of(s: Sentence) -> None:
    orgs = [m for m in s.mentions if m.entity.cls == "Organisation"]
    doc = s.span.doc
    for first, second in itertools.pairwise(orgs):
        gap = [t.lower_ for t in doc[first.end : second.start] if t.text not in '()"']
        if first.entity is second.entity:
            continue
        if (
            gap in (["of"], ["of", "the"], ["of", "india", "'s"])
            or ("belongs" in gap and len(gap) - gap.index("belongs") <= 4)
            or (UNIT_WORDS & set(gap) and gap[-1:] == ["of"] and len(gap) <= 6)
        ):
            s.add(first.entity, "partOf", second.entity, "part_of")
        elif gap == ["'s"]:
            s.add(second.entity, "partOf", first.entity, "part_of")


LEADS = {"commands", "heads", "leads", "runs", "directs", "chairs", "commanded", "headed", "led"}


@rule(
    "A relative clause says whom a person leads: 'X, who commands the 7th Infantry Division, ...'.",
    "Lieutenant General Ann Ray, who heads the US Army's Pacific Command, arrived.",
    ("Ann Ray", "affiliatedWith", "Pacific Command"),
)
def leads_body(s: Sentence) -> None:
    doc = s.span.doc
    for i, m in enumerate(s.mentions):
        k = m.end
        if m.entity.cls != "Person" or k + 2 >= s.span.end or doc[k].text != ",":
            continue
        if doc[k + 1].lower_ != "who" or doc[k + 2].lower_ not in LEADS:
            continue
        bodies = [b for b in s.mentions[i + 1 :] if b.start <= k + 8 and b.entity.cls == "Organisation"]
        # "the USAF's Air Combat Command": the command, not its service
        body = next((b for b in bodies if doc[b.end].text != "'s"), bodies[-1] if bodies else None)
        if body is not None:
            s.add(m.entity, "affiliatedWith", body.entity, "leads_body")


@rule(
    "A framework named after both countries binds both.",
    "They launched the India-United States Defence Acceleration Ecosystem.",
    ("India-United States Defence Acceleration Ecosystem", "party", "India"),
    ("India-United States Defence Acceleration Ecosystem", "party", "United States"),
)
def bilateral_party(s: Sentence) -> None:
    for m in s.mentions:
        if m.entity.cls not in ("Agreement", "Initiative"):
            continue
        words = [t.lower_ for t in s.span.doc[m.start : min(m.end, m.start + 4)]]
        if words[:3] in (
            ["india", "-", "us"],
            ["us", "-", "india"],
            ["india", "-", "united"],
            ["indo", "-", "us"],
        ):
            for country in _countries(s):
                s.add(m.entity, "party", country, "bilateral_party")


@rule(
    "A warship named with its flag and type in a sentence about an exercise ('Japan's destroyer JS "
    "Onami', 'the Australian frigate HMAS Ballarat') takes part, and so does the navy the gazetteer "
    "says it belongs to; no navy is guessed when the gazetteer does not say.",
    "Exercise Malabar 2020 began. Opposite them were the US destroyer USS John S. McCain and Japan's "
    "destroyer JS Onami.",
)  # ships are known from the gazetteer: tests/test_ingest_precision.py runs it with one
def flagged_vessels(s: Sentence) -> None:
    event = s.about_event() or s.focus
    if event is None or event.cls != "Exercise" or s.speculative():
        return
    table: EntityTable = s.span.doc.user_data["table"]
    for m in s.mentions:
        if m.entity.cls == "Organisation" and _flag_before(s, m.start):
            s.add(event, "participant", m.entity, "flagged_vessels")
            navy = _service_of(m.entity, table)
            if navy is not None:
                s.add(event, "participant", navy, "flagged_vessels")


def _flag_before(s: Sentence, start: int) -> bool:
    """True when a ship type and a flag come before ``start``: "the US destroyer", "Japan's
    frigate", "the US Navy dock landing ship"."""
    doc, k = s.span.doc, start - 1
    described = doc[max(s.span.start, start - 5) : start]  # "guided-missile destroyer", "supply ship"
    while k > described.start and _describes(doc[k]):
        k -= 1
    if not VESSEL_TYPES & {t.lower_ for t in doc[k + 1 : start]}:
        return False  # no ship type: "Japan is represented by JS Kaga" gives no flag
    if doc[k].lower_ in DEMONYMS:
        return True
    owners = {m.end for m in s.mentions if m.entity.cls in ("Country", "Organisation")}
    navies = {m.end for m in s.mentions if m.entity.label.split()[-1].lower() in SERVICES}
    return (doc[k].lower_ in ("'s", "\u2019s") and k in owners) or k + 1 in navies  # "the US Navy ship"


def _describes(token: Token) -> bool:
    return token.text == "-" or (token.is_alpha and token.is_lower and token.lower_ not in ARTICLES)


def _service_of(unit: Entity, table: EntityTable) -> Entity | None:
    """The navy (or other armed service) the gazetteer says ``unit`` is part of."""
    parent = table.gazetteer.graph.value(unit.iri, DT.partOf) if unit.known else None
    entry = table.gazetteer.entries.get(parent) if isinstance(parent, URIRef) else None
    if entry is None or entry.cls != "Organisation" or entry.label.split()[-1].lower() not in SERVICES:
        return None
    return table.resolve(entry.label, "Organisation")


def _countries(s: Sentence) -> list[Entity]:
    table: EntityTable = s.span.doc.user_data["table"]
    return [table.resolve("India", "Country"), table.resolve("United States", "Country")]


