"""Has the store changed? One signal, and a cache that recomputes only when it moves.

The signal is the number of triples and of named graphs (one SPARQL query). Every write the
project makes (a Graph Store ``PUT`` of an article, a ``DROP``) moves it, except a replacement by
a graph of exactly the same size; callers that need more can pass ``refresh=True``.

Counting is a scan of the store (about a second per million triples), so it is rationed: read at
most once every ``check_interval_s`` seconds, and never more often than ten times its own duration
apart (at most a tenth of a core however busy the service). With ``background=True`` a stale
signal is re-read in a thread while requests go on with the values cached so far: no request
waits for the count, except the very first. An interval of 0 reads it on every call, in line.

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

import logging
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from graph.store.client import Store

T = TypeVar("T")
log = logging.getLogger(__name__)
_UNSET = object()
COST_FACTOR = 10.0


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

    def __init__(self, signal: Callable[[], Hashable], *, check_interval_s: float = 2.0,
                 background: bool = False) -> None:
        self._signal = signal
        self._interval = check_interval_s
        self._background = background
        self._next_check = -float("inf")
        self._current: object = _UNSET
        self._values: dict[Hashable, Any] = {}
        self._lock = threading.Lock()
        self._key_locks: dict[Hashable, threading.Lock] = {}
        self._refreshing = False

    def signal(self, *, refresh: bool = False) -> object:
        """The store's signal, read again when it is due (see the module's notes)."""
        with self._lock:
            due = refresh or time.monotonic() >= self._next_check
            if not due or self._refreshing:
                return self._current
            self._refreshing = True
            in_background = (self._background and self._interval > 0 and not refresh
                             and self._current is not _UNSET)
        if in_background:
            threading.Thread(target=self._read, args=(False,), name="store-change-check",
                             daemon=True).start()
        else:
            self._read(True)
        return self._current

    def _read(self, raise_errors: bool) -> None:
        started = time.monotonic()
        current = self._current
        try:
            current = self._signal()
        except Exception:
            if raise_errors:
                raise
            # A failed check in the background keeps the values; the next one tries again.
            log.exception("could not read the store's change signal")
        finally:
            took = time.monotonic() - started
            pause = max(self._interval, COST_FACTOR * took) if self._interval > 0 else 0.0
            with self._lock:
                self._refreshing = False
                self._next_check = time.monotonic() + pause
        with self._lock:
            if current != self._current:
                self._values.clear()
                self._current = current

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
