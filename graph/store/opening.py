"""Opening a store by location: a folder (the embedded Oxigraph server) or an ``http(s)://`` URL.

A folder starts (or finds running) the embedded engine of :mod:`graph.store.engine`; a URL is the
base of a server that exposes ``/query``, ``/update`` and ``/store`` as Oxigraph does. Either way
the background graphs are brought up to date (:mod:`graph.store.bootstrap`).
"""

from __future__ import annotations

from pathlib import Path

from graph.store.bootstrap import ensure_ontology
from graph.store.client import Endpoints, Store
from graph.store.engine import STARTUP_SECONDS, EmbeddedEngine


def open_store(location: str | Path, *, query_timeout_s: float = 30.0,
               start_timeout_s: float = STARTUP_SECONDS) -> Store:
    """Open the store at ``location``: a folder (embedded Oxigraph) or an ``http(s)://`` URL.

    The embedded engine is started (or found running, waiting at most ``start_timeout_s`` for it to
    answer) and the ontology graph brought up to date.
    Close the store (or use it as a context manager) to stop an engine this process started.
    """
    text = str(location)
    if text.startswith(("http://", "https://")):
        return Store(Endpoints.under(text), query_timeout_s=query_timeout_s)
    engine = EmbeddedEngine(Path(text), query_timeout_s=query_timeout_s,
                            start_timeout_s=start_timeout_s).start()
    store = Store(Endpoints.under(engine.base_url), query_timeout_s=query_timeout_s, engine=engine)
    try:
        ensure_ontology(store)
    except Exception:
        store.close()
        raise
    return store
