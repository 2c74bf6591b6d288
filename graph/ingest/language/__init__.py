"""Language: the spaCy pipeline and what every other part of ingest reads text with.

The blank English pipeline and text helpers (:mod:`.text`), a document's words read once
(:mod:`.tokens`), dates as news writes them (:mod:`.dates`), and the word lists the rules and the
resolver use (:mod:`.lexicon`, :mod:`.technology_words`).

May import: nothing of the project but :mod:`graph.errors`.
"""

from __future__ import annotations

from graph.ingest.language.dates import DateValue, find_dates
from graph.ingest.language.text import nlp, normalise_label, slugify
from graph.ingest.language.tokens import Words, words_of

__all__ = ["DateValue", "Words", "find_dates", "nlp", "normalise_label", "slugify", "words_of"]
