"""Keep the collector off what an ingest process loads once and holds to the end.

The libraries (spaCy, rdflib, pySHACL), the gazetteer and the compiled shapes are some 150,000
objects that live as long as the process. Every full pass of Python's cyclic garbage collector
walks all of them again: about 90 ms on the development machine, once every few hundred
articles in ``ties ingest`` and every few dozen when many articles' triples are kept (the stage
benchmark). :func:`settle_heap` moves them to the permanent generation (``gc.freeze``) once
they are loaded, so a full pass walks only what the articles made. Nothing is freed any later
than it would have been: they were never garbage.

Examples
--------
>>> import gc
>>> settle_heap()
>>> gc.get_freeze_count() > 0
True
>>> gc.unfreeze()
"""

from __future__ import annotations

import gc

from graph.ingest.text import nlp


def settle_heap() -> None:
    """Load spaCy's pipeline, collect what is garbage now, and freeze every object left."""
    nlp()
    gc.collect()  # so that no garbage is frozen with the rest
    gc.freeze()
