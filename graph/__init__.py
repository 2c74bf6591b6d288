"""defence-ties: a knowledge graph of India-US defence ties (the library).

The packages, each importing only those listed before it (``tests/test_layers.py`` checks it):

- :mod:`graph.errors`: the error hierarchy every package raises (and :mod:`graph.heap`, a helper
  for long-running processes);
- :mod:`graph.model`: the ontology's terms, IRIs, ontology files and RDF formats;
- :mod:`graph.store`: the SPARQL/Graph Store client, the embedded Oxigraph engine and its plumbing;
- :mod:`graph.validation`: SHACL checks of graphs;
- :mod:`graph.lookups`: the questions the API answers (entity pages, search, neighbourhoods, ...);
- :mod:`graph.export`: the property-graph projection and the graph-viewer formats;
- :mod:`graph.ingest`: articles to validated named graphs with sentence-level evidence.

This package never imports FastAPI and never reads the environment: the service and the command
line in ``api/`` pass it every setting explicitly.
"""

from __future__ import annotations

from graph.errors import TiesError
from graph.model.namespace import DT
from graph.store import Store, open_store

__version__ = "0.1.0"

__all__ = ["DT", "Store", "TiesError", "__version__", "open_store"]
