"""Keep the collector off what an ingest process loads once and holds to the end.

The libraries (spaCy, rdflib, pySHACL), the gazetteer and the compiled shapes are some 150,000
objects that live as long as the process; a full pass of the cyclic collector over them took
about 90 ms, once every few hundred articles in ``ties ingest`` and every few dozen when many
articles' triples are kept (the stage benchmark). :func:`settle_heap` loads spaCy's pipeline and
freezes them (:func:`graph.heap.freeze_loaded`).

Examples
--------
>>> import gc
>>> settle_heap()
>>> gc.get_freeze_count() > 0
True
>>> gc.unfreeze()
"""

from __future__ import annotations

from graph.heap import freeze_loaded
from graph.ingest.language.text import nlp


def settle_heap() -> None:
    """Load spaCy's pipeline, collect what is garbage now, and freeze every object left."""
    nlp()
    freeze_loaded()
