"""defence-ties: a knowledge graph of India-US defence ties (the library).

This package never imports FastAPI and never reads the environment: the service and the command
line in ``api/`` pass it every setting explicitly.
"""

from __future__ import annotations

from graph.errors import TiesError
from graph.namespace import DT
from graph.store import Store, open_store

__version__ = "0.1.0"

__all__ = ["DT", "Store", "TiesError", "__version__", "open_store"]
