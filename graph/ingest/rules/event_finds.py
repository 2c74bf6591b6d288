"""What the event finders collect as they read a document: event mentions, the facts their names
state, and editions still to settle. Shared by :mod:`.events` and :mod:`.named_events`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from graph.ingest.resolution.entities import Mention
from graph.ingest.resolution.names import name_runs
from graph.ingest.rules.facts import Evidence, Fact


@dataclass
class Found:
    """Event mentions and the facts their names state (ordinal, series); ``pending`` holds
    editions whose series is the article's, settled by :func:`settle_editions`."""

    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    pending: list[tuple[Span, int, bool]] = field(default_factory=list)


def series_run(doc: Doc, start: int, taken: set[int]) -> tuple[int, int] | None:
    """The name run that starts at ``start`` (a series' name), if one does."""
    runs = name_runs(doc[start : min(len(doc), start + 14)], taken)
    return runs[0] if runs and runs[0][0] == start else None


def event_evidence(span: Span, rule: str) -> Evidence:
    """The sentence of ``span`` as the evidence of ``rule``."""
    sentence = span.sent
    return Evidence(sentence.start_char, sentence.end_char, rule)
