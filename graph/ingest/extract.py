"""From an article's text to entities and facts: the extraction pipeline.

Examples
--------
>>> result = extract_text("The Defence Research and Development Organisation (DRDO) hosted the 24th "
...     "Indo-US Joint Technical Group (JTG) Plenary Meeting in New Delhi on 3-4 February 2026.")
>>> sorted({f.predicate for f in result.facts})
['endDate', 'hostedBy', 'location', 'ordinal', 'partOfSeries', 'participant', 'startDate']
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from rdflib import Literal
from spacy.tokens import Doc

import graph.ingest.rules.actors  # registers the rules about actors
import graph.ingest.rules.contracts  # registers the rule for agreements named by kind (before signing)
import graph.ingest.rules.introduced_editions  # registers the rule for editions named by "called X"
import graph.ingest.rules.meetings  # registers the meeting rules
import graph.ingest.rules.participation  # registers the participation rules
import graph.ingest.rules.phases  # registers the phase rule
import graph.ingest.rules.recalled  # registers the hosting ("run by") and previous-edition rules
import graph.ingest.rules.sides  # registers the rule for sides named by what they sent ("aircraft from X")
import graph.ingest.rules.signing  # registers the signing rules
import graph.ingest.rules.unnamed_events  # noqa: F401  (registers the rule for events with no name)
from graph.ingest.identity import key_editions
from graph.ingest.language.dates import find_dates
from graph.ingest.language.text import nlp
from graph.ingest.naming import settle_names
from graph.ingest.resolution import title_mentions
from graph.ingest.resolution.entities import EVENTS, Entity, EntityTable, Mention
from graph.ingest.resolution.gazetteer import Gazetteer
from graph.ingest.resolution.mentions import find_mentions
from graph.ingest.rules import edition_names, place_lists, ranks, units
from graph.ingest.rules.affiliations import affiliations
from graph.ingest.rules.context import Sentence
from graph.ingest.rules.datelines import dateline_place, report_dates
from graph.ingest.rules.events import find_events, settle_editions
from graph.ingest.rules.facts import Fact
from graph.ingest.rules.posts import apposed_titles
from graph.ingest.rules.rulebook import CATALOGUE
from graph.ingest.rules.signing_report import signatory_parties
from graph.ingest.rules.unheld import drop_unheld_events


@dataclass
class Extraction:
    """Everything read from one text."""

    text: str
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)


def extract_text(
    text: str, *, published: date | None = None, gazetteer: Gazetteer | None = None, key: str = "text"
) -> Extraction:
    """Entities and facts of ``text``; ``key`` makes the IRIs of unnamed things unique to it."""
    doc = nlp()(text)
    table = EntityTable(gazetteer or _builtin(), key)
    doc.user_data["table"] = table
    dates = find_dates(doc, published)
    taken = {
        t.i for d in dates for t in doc.char_span(d.start_char, d.end_char, alignment_mode="expand") or []
    }
    dates = report_dates(doc, dates, published)
    events = find_events(doc, table, taken)
    others = find_mentions(doc, table, taken)
    settle_editions(events, others, table)
    mentions = sorted(events.mentions + others, key=lambda m: (m.start, m.end))
    mentions = [dateline_place(doc, m) for m in mentions]
    mentions = units.split_units(doc, place_lists.places_in_lists(doc, mentions, table), table)
    mentions, dated = edition_names.dated_editions(doc, mentions, table)
    mentions, facts = edition_names.edition_anaphors(doc, mentions, list(events.facts) + dated, table)
    mentions, facts = edition_names.appositive_editions(doc, mentions, facts, table)
    mentions, facts = drop_unheld_events(doc, mentions, facts, table)
    apposed_titles(doc, mentions)  # "the Chief of the Army Staff, General X": X's post
    facts += affiliations(doc, mentions, table)
    mentions = title_mentions.title_mentions(doc, mentions)  # after affiliations: they give posts
    facts += ranks.rank_affiliations(doc, mentions, table, facts)
    facts += _apply_rules(doc, mentions, dates, published)
    entities, facts = key_editions(
        list(table.entities.values()), facts + signatory_parties(facts, table),
        lead=_lead_event(doc, mentions), published=published,
    )
    facts = _unique(facts)
    settle_names(entities, facts)
    return Extraction(text, entities, facts)


def _apply_rules(doc: Doc, mentions: list[Mention], dates: list, published: date | None) -> list[Fact]:  # type: ignore[type-arg]
    focus: Entity | None = None
    agreement: Entity | None = None
    facts: list[Fact] = []
    previous: Sentence | None = None
    starts = [m.start for m in mentions]  # sorted: mentions are in text order
    for sent in doc.sents:
        within = mentions[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        inside = [m for m in within if not m.role]
        sentence = Sentence(
            sent,
            inside,
            [d for d in dates if sent.start_char <= d.start_char < sent.end_char],
            focus,
            published,
            agreement,
            previous,
        )
        previous = sentence
        if sentence.recalls_other_event():
            sentence.focus = None  # an earlier edition lends nothing to the current one
        for entry in CATALOGUE:
            entry.apply(sentence)
        facts += sentence.facts
        focus = sentence.about_event() or sentence.focus or focus
        named = [m.entity for m in inside if m.entity.cls in EVENTS]
        focus = named[0] if named else focus
        agreements = [m.entity for m in inside if m.entity.cls == "Agreement"]
        agreement = agreements[-1] if agreements else agreement
    return facts


def _lead_event(doc: Doc, mentions: list[Mention]) -> Entity | None:
    """The event the article opens with: the first named in its first two sentences."""
    opening = list(islice(doc.sents, 2))
    end = opening[-1].end if opening else 0
    return next((m.entity for m in mentions if m.start < end and m.entity.cls in EVENTS), None)


def _unique(facts: list[Fact]) -> list[Fact]:
    seen: dict[tuple[str, str, str], Fact] = {}
    for fact in facts:
        if fact.subject is not fact.obj:
            seen.setdefault(fact.key(), fact)
    days = {(f.subject, f.predicate, str(f.obj)[:7]) for f in seen.values() if _typed(f, "date")}
    # "began on 9 September 2024 ... in September 2024": the month adds nothing to the day.
    return [f for f in seen.values()
            if not (_typed(f, "gYearMonth") and (f.subject, f.predicate, str(f.obj)) in days)]


def _typed(fact: Fact, datatype: str) -> bool:
    obj = fact.obj
    return isinstance(obj, Literal) and str(obj.datatype).endswith("#" + datatype)


_BUILTIN: list[Gazetteer] = []


def _builtin() -> Gazetteer:
    if not _BUILTIN:
        _BUILTIN.append(Gazetteer.empty())
    return _BUILTIN[0]
