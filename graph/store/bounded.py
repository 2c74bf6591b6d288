"""Bounded reads from the engine: a deadline that really stops the work, and a byte cap.

The engine streams its answer with a 200 status before it knows whether the query will finish,
and its own time limit does not stop every query promptly. So the result is read whole (up to
a byte cap) before anything is sent on, a watchdog restarts an engine we own when a query runs
past its deadline, and a body the engine cut short is recognised and turned into an error.

Examples
--------
>>> looks_complete("application/sparql-results+json", b'{"head":{},"boolean":true}')
True
>>> looks_complete("text/tab-separated-values", b'?s\\n<http://a>\\tThe SPARQL operation has been cancelled')
False
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import httpx

from graph.errors import QueryTimeoutError, ResultTooLargeError, StoreError
from graph.store.engine import EmbeddedEngine

# How long past its deadline a query may run before the engine we own is restarted to stop it.
KILL_GRACE_S = 0.5


@dataclass(frozen=True)
class Limits:
    """How long a query may run and how many bytes its result may have."""

    deadline_s: float
    max_bytes: int


@dataclass(frozen=True)
class Answer:
    """A complete result from the engine: its media type and body."""

    media_type: str
    body: bytes


class _Clock:
    """One shared thread that fires the watchdogs due, so a query costs no thread of its own."""

    TICK_S = 0.05

    def __init__(self) -> None:
        self._due: dict[int, tuple[float, Watchdog]] = {}
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def add(self, watchdog: Watchdog, at: float) -> None:
        with self._lock:
            self._due[id(watchdog)] = (at, watchdog)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="query-watchdog", daemon=True)
                self._thread.start()

    def remove(self, watchdog: Watchdog) -> None:
        with self._lock:
            self._due.pop(id(watchdog), None)

    def _run(self) -> None:
        while True:
            time.sleep(self.TICK_S)
            now = time.monotonic()
            with self._lock:
                fired = [dog for at, dog in self._due.values() if at <= now]
                for dog in fired:
                    del self._due[id(dog)]
            for dog in fired:
                dog.fire()


_CLOCK = _Clock()


class Watchdog:
    """Restarts an engine we own if a query is still running ``KILL_GRACE_S`` past its deadline."""

    def __init__(self, engine: EmbeddedEngine | None, deadline_s: float) -> None:
        self.fired = False
        self._engine = engine
        self._pid = engine.pid if engine is not None else None
        self._deadline_s = deadline_s

    def fire(self) -> None:
        """Kill the engine the query runs on (the clock calls this when the query is overdue)."""
        if self._engine is not None and self._pid is not None:
            self.fired = self._engine.kill(self._pid)

    def __enter__(self) -> Watchdog:
        if self._pid is not None:
            _CLOCK.add(self, time.monotonic() + self._deadline_s + KILL_GRACE_S)
        return self

    def __exit__(self, *exc_info: object) -> None:
        _CLOCK.remove(self)


def read_capped(response: httpx.Response, limits: Limits, started: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_raw():
        size += len(chunk)
        if size > limits.max_bytes:
            raise too_large_error(limits)
        if time.monotonic() - started > limits.deadline_s + KILL_GRACE_S:
            raise timeout_error(limits)
        chunks.append(chunk)
    return b"".join(chunks)


def timeout_error(limits: Limits) -> QueryTimeoutError:
    return QueryTimeoutError(f"the query ran past its time limit of {limits.deadline_s:g} s and was "
                             "stopped (TIES_QUERY_TIMEOUT); simplify it or add a LIMIT")


def too_large_error(limits: Limits) -> ResultTooLargeError:
    return ResultTooLargeError(f"the result is larger than {limits.max_bytes} bytes "
                               "(TIES_MAX_RESULT_BYTES); add a LIMIT or narrow the query")


def whole_answer(media_type: str, body: bytes, limits: Limits, *, fired: bool) -> Answer:
    """The engine's answer, or an error if its body was cut short (by its timeout or a failure)."""
    if not looks_complete(media_type, body):
        tail = body[-200:].decode("utf-8", "replace")
        if "cancelled" in tail or fired:
            raise timeout_error(limits)
        raise StoreError(f"the engine failed while writing the result: {tail[-120:]}")
    return Answer(media_type, body)


def looks_complete(media_type: str, body: bytes) -> bool:
    # The engine streams a 200 and, when it fails midway (its own timeout, a SERVICE error),
    # appends a bare message: a well-formed result never ends that way.
    tail = body.rstrip()
    if not tail or tail in (b"true", b"false"):
        return True
    if media_type.endswith("json"):
        return tail.endswith((b"}", b"]"))
    if media_type.endswith("xml"):
        return tail.endswith(b">")
    return body.endswith(b"\n")
