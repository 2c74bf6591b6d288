"""Signings told in two steps, as wire reports tell them: a lead that says who signed how many
documents, when and where ("India and the United States signed two defence documents on Thursday"),
then one sentence per document naming it and its signers. Each document named after the lead takes
the lead's date, its countries as parties and its place, unless its own sentence says otherwise.

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> from datetime import date
>>> result = extract_text("India and the United States signed two documents on 3 May 2030 in "
...     "New Delhi. The Harbour Pilot Accord was signed by Ann Lee and Bob Ray.", published=date(2030, 5, 4))
>>> sorted((f.predicate, str(getattr(f.obj, "label", f.obj))) for f in result.facts
...        if f.subject.label == "Harbour Pilot Accord" and f.predicate != "signatory")
[('party', 'India'), ('party', 'United States'), ('signedAt', 'New Delhi'), ('signedOn', '2030-05-03')]
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from graph.ingest.language.dates import DateValue
from graph.ingest.resolution.entities import Entity, EntityTable
from graph.ingest.rules.context import Sentence
from graph.ingest.rules.facts import Fact
from graph.model.namespace import DT

DOCUMENT_NOUNS = {
    "documents", "agreements", "pacts", "texts", "accords", "deals", "arrangements", "memoranda", "mous",
    "memorandums",
}
REPORT_VERBS = {"signed", "inked", "concluded", "exchanged"}
# Words that end the lead's signing clause: what follows ("as X began a visit to Washington") is
# another clause whose places and dates are not the signing's.
CLAUSE_ENDS = {"as", "while", "when", "after", "before", "during", ",", ";", "which", "who"}
LOOKBACK = 4


@dataclass(frozen=True)
class Report:
    """What a lead says about the documents it counts."""

    date: DateValue | None
    parties: list[Entity]
    place: Entity | None


def lead_report(s: Sentence) -> Report | None:
    """The report in the sentences before ``s`` that counts signed documents without naming them."""
    previous = s.previous
    for _ in range(LOOKBACK):
        if previous is None:
            return None
        found = _report_in(previous)
        if found is not None:
            return found
        previous = previous.previous
    return None


def _report_in(s: Sentence) -> Report | None:
    words = s.words()
    verb = next(
        (i for i, w in enumerate(words) if w in REPORT_VERBS and DOCUMENT_NOUNS & set(words[i + 1 : i + 5])),
        None,
    )
    if verb is None or any(m.entity.cls == "Agreement" for m in s.mentions):
        return None
    at = s.span.start + verb
    doc = s.span.doc
    end = next((t.i for t in doc[at + 1 : s.span.end] if t.lower_ in CLAUSE_ENDS), s.span.end)
    parties = s.subject_group({"Country"}, at)
    end_char = doc[end].idx if end < s.span.end else s.span.end_char
    dates = [d for d in s.dates if doc[at].idx < d.start_char < end_char]
    places = [
        m.entity for m in s.mentions
        if at < m.start < end and m.entity.cls == "Place" and doc[m.start - 1].lower_ in ("in", "at")
    ]
    return Report(dates[0] if dates else None, parties, places[0] if places else None)


def apply_report(s: Sentence, agreements: list[Entity], signers: list[Entity]) -> None:
    """Give each agreement signed in ``s`` the lead's date, parties and place, where ``s`` has none."""
    if not signers:
        return
    report = lead_report(s)
    if report is None:
        return
    stated = {(f.subject, f.predicate) for f in s.facts}
    for agreement in agreements:
        if report.date is not None and (agreement, "signedOn") not in stated:
            s.add(agreement, "signedOn", report.date.literal(), "signing_report")
        if report.place is not None and (agreement, "signedAt") not in stated:
            s.add(agreement, "signedAt", report.place, "signing_report")
        for country in report.parties:
            s.add(agreement, "party", country, "signing_report")


def signatory_parties(facts: list[Fact], table: EntityTable) -> list[Fact]:
    """``party`` for each country of an agreement's signers, when its signers come from two countries
    or more (a person's own country, or the country the gazetteer gives the body they serve)."""
    countries: dict[Entity, Entity] = {}
    for fact in facts:
        if fact.predicate == "affiliatedWith" and isinstance(fact.obj, Entity):
            country = fact.obj if fact.obj.cls == "Country" else _country_of(fact.obj, table)
            if country is not None:
                countries.setdefault(fact.subject, country)
    signed: dict[Entity, list[Fact]] = {}
    for fact in facts:
        if fact.predicate == "signatory" and isinstance(fact.obj, Entity) and fact.obj in countries:
            signed.setdefault(fact.subject, []).append(fact)
    added = []
    for agreement, signings in signed.items():
        parties = {countries[f.obj]: f for f in signings if isinstance(f.obj, Entity)}
        if len(parties) >= 2:
            added += [Fact(agreement, "party", c, f.evidence) for c, f in parties.items()]
    return added


def _country_of(body: Entity, table: EntityTable) -> Entity | None:
    iri = table.gazetteer.graph.value(body.iri, DT.country) if body.known else None
    entry = table.gazetteer.entries.get(iri) if isinstance(iri, URIRef) else None
    return table.resolve(entry.label, "Country") if entry is not None and entry.cls == "Country" else None
