"""Rules: the catalogue that reads sentences into facts. A newcomer adds a rule here.

A rule is a function decorated with :func:`~.rulebook.rule` (:mod:`.rulebook`): it reads a
:class:`~.context.Sentence` (its mentions, dates and the event in focus) and adds
:class:`~.facts.Fact` s with their :class:`~.facts.Evidence`. Each module holds the rules for one
kind of sentence (signings, participation, actors, meetings, editions, venues, ...) and every rule
carries an example sentence that ``tests/test_ingest_rules.py`` runs through the whole extractor.

May import: :mod:`graph.errors`, :mod:`graph.model`, :mod:`graph.ingest.language` and
:mod:`graph.ingest.resolution`.
"""

from __future__ import annotations

from graph.ingest.rules.context import Sentence
from graph.ingest.rules.facts import Evidence, Fact
from graph.ingest.rules.rulebook import CATALOGUE, Rule, rule

__all__ = ["CATALOGUE", "Evidence", "Fact", "Rule", "Sentence", "rule"]
