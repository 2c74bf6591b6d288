"""Has the store changed? One cheap signal, and a cache that recomputes only when it moves.

The signal is the number of triples and of named graphs (one SPARQL query). Every write the
project makes (a Graph Store ``PUT`` of an article, a ``DROP``) moves it, except a replacement by
a graph of exactly the same size; callers that need more can pass ``refresh=True``. The signal is
read at most once every ``check_interval_s`` seconds, so a busy endpoint does not pay for it on
every request.

Examples
--------
>>> calls = []
>>> cache = ChangeCache(lambda: len(calls), check_interval_s=0)
>>> cache.get("answer", lambda: calls.append(1) or 42)
42
>>> cache.get("answer", lambda: calls.append(1) or 43)  # the signal moved: recomputed
43
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from graph.store import Store

T = TypeVar("T")


def store_signal(store: Store) -> tuple[int, int]:
    """``(triples, named graphs)`` of the whole store: changes whenever a graph is written or dropped."""
    row = store.select(
        "SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }"
    )[0]
    return int(str(row["triples"])), int(str(row["graphs"]))


class ChangeCache:
    """Values computed from the store, kept until ``signal()`` returns something new.

    Thread-safe: one computation per key at a time, so concurrent requests do not recompute a
    ranking twice.
    """

    def __init__(self, signal: Callable[[], Hashable], *, check_interval_s: float = 2.0) -> None:
        self._signal = signal
        self._interval = check_interval_s
        self._checked_at = -float("inf")
        self._current: Hashable = None
        self._values: dict[Hashable, Any] = {}
        self._lock = threading.Lock()
        self._key_locks: dict[Hashable, threading.Lock] = {}

    def signal(self, *, refresh: bool = False) -> Hashable:
        """The store's signal, read again if the last reading is older than the interval."""
        with self._lock:
            now = time.monotonic()
            if refresh or now - self._checked_at >= self._interval:
                current = self._signal()
                if current != self._current:
                    self._values.clear()
                    self._current = current
                self._checked_at = now
            return self._current

    def get(self, key: Hashable, compute: Callable[[], T], *, refresh: bool = False) -> T:
        """The cached value of ``key``, computed with ``compute()`` if the store changed since."""
        self.signal(refresh=refresh)
        with self._lock:
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:
            with self._lock:
                if key in self._values:
                    return self._values[key]  # type: ignore[no-any-return]
                generation = self._current
            value = compute()
            with self._lock:
                if self._current == generation:
                    self._values[key] = value
            return value
