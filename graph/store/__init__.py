"""The store: how the project reaches its SPARQL engine, and nothing above that.

A SPARQL 1.1 Query/Update and Graph Store HTTP Protocol client (:mod:`.client`, :mod:`.replies`),
opened on a folder or a URL (:mod:`.opening`); the embedded Oxigraph server and its supervisor
(:mod:`.engine`); bounded reads that never cut a result short (:mod:`.bounded`) and the async
loopback client under them (:mod:`.loopback`); tab-separated results (:mod:`.tsv`); change
detection (:mod:`.changes`); the SPARQL guard of the public endpoint (:mod:`.sparql_guard`),
uploads (:mod:`.upload`), whole-store dumps (:mod:`.dump`), file loads (:mod:`.load`), the
background graphs every store holds (:mod:`.bootstrap`) and the endpoint's service description
(:mod:`.service_description`).

May import: :mod:`graph.errors` and :mod:`graph.model`. Never lookups, export, validation or ingest.
"""

from __future__ import annotations

from graph.store.bounded import Answer, Limits
from graph.store.client import NQUADS, NTRIPLES, SPARQL_JSON, Endpoints, Params, Row, Store
from graph.store.engine import EmbeddedEngine
from graph.store.opening import open_store
from graph.store.replies import term_from_json

__all__ = [
    "NQUADS",
    "NTRIPLES",
    "SPARQL_JSON",
    "Answer",
    "EmbeddedEngine",
    "Endpoints",
    "Limits",
    "Params",
    "Row",
    "Store",
    "open_store",
    "term_from_json",
]
