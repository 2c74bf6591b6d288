"""Editions that a sentence says nothing has happened to: "Officials did not say where the eighth
edition would be held". A negated, hedged sentence about an edition names no event (a careful
reader records nothing), so an edition mentioned only in such sentences is dropped with its facts.

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> text = ("The seventh edition of Exercise Tarkash began on 22 April 2024. Officials did not say "
...         "where the eighth edition would be held.")
>>> sorted(e.label for e in extract_text(text).entities if e.cls == "Exercise")
['seventh edition of Exercise Tarkash']
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.ingest.language.lexicon import NEGATIONS, SPECULATIVE
from graph.ingest.language.tokens import words_of
from graph.ingest.resolution.entities import EVENTS, Entity, EntityTable, Mention
from graph.ingest.rules.facts import Fact


def drop_unheld_events(
    doc: Doc, mentions: list[Mention], facts: list[Fact], table: EntityTable
) -> tuple[list[Mention], list[Fact]]:
    """``mentions`` and ``facts`` without the events named only in negated, hedged sentences."""
    named: dict[Entity, list[Mention]] = {}
    for m in mentions:
        if m.entity.cls in EVENTS and not m.entity.known:
            named.setdefault(m.entity, []).append(m)
    unheld = {event for event, seen in named.items() if all(_unheld(doc, m) for m in seen)}
    if not unheld:
        return mentions, facts
    for event in unheld:
        table.entities.pop(event.iri, None)
    kept = [m for m in mentions if m.entity not in unheld]
    return kept, [f for f in facts if f.subject not in unheld and f.obj not in unheld]


def _unheld(doc: Doc, mention: Mention) -> bool:
    # A negation before the name and a hedge anywhere in its sentence: "did not say where the
    # eighth edition would be held", "No date has been set for when a ninth edition might be held".
    sent = doc[mention.start].sent
    lower = words_of(doc).lower
    before, whole = lower[sent.start : mention.start], lower[sent.start : sent.end]
    return any(w in NEGATIONS for w in before) and any(w in SPECULATIVE for w in whole)
