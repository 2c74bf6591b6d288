"""Ingest: news articles in, one validated named graph per article out, every fact with its sentence.

The rooms, from the bottom up:

- :mod:`.language`: the spaCy pipeline, a document's words, dates, and the word lists;
- :mod:`.readers`: every input kind (Markdown, text, HTML, JSON Lines, feeds, URLs) to articles;
- :mod:`.resolution`: the gazetteer, names, and the mentions that resolve them to entities;
- :mod:`.rules`: the rule catalogue that reads sentences into facts (add a rule here);

and at this level the pipeline that joins them: :mod:`.extract` (text to entities and facts),
:mod:`.identity` (one node per edition), :mod:`.naming` (one label per node), :mod:`.pairs` (the
identity pairs scored), :mod:`.build` (the article's graph with its evidence), :mod:`.checking`
(SHACL verdicts),
:mod:`.writer` (graphs to the store), :mod:`.pipeline` (read, extract, build, validate, store),
:mod:`.evaluate` (scores against gold annotations), :mod:`.explain` (the sentences behind a triple)
and :mod:`.heap`.

May import: :mod:`graph.errors`, :mod:`graph.model`, :mod:`graph.store`, :mod:`graph.validation`,
:mod:`graph.heap` and the package's version. Inside it, ``language`` imports nothing of ingest,
``readers`` only ``language``, ``resolution`` only ``language``, ``rules`` ``language`` and
``resolution``; only the modules at this level import ``rules``.

The names below are loaded on first use, so importing a part of ingest does not load the rest.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graph.ingest.evaluate import Score, score_dataset
    from graph.ingest.explain import Support, explain
    from graph.ingest.extract import Extraction, extract_text
    from graph.ingest.pipeline import IngestLimits, Outcome, Summary, ingest

_WHERE = {
    "Extraction": "extract", "extract_text": "extract",
    "IngestLimits": "pipeline", "Outcome": "pipeline", "Summary": "pipeline", "ingest": "pipeline",
    "Score": "evaluate", "score_dataset": "evaluate",
    "Support": "explain", "explain": "explain",
}

__all__ = ["Extraction", "IngestLimits", "Outcome", "Score", "Summary", "Support", "explain", "extract_text",
           "ingest", "score_dataset"]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'graph.ingest' has no attribute {name!r}")
    return getattr(importlib.import_module(f"graph.ingest.{module}"), name)
