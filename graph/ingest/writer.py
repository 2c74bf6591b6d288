"""Article graphs written to the store in the background, in order, each one all or nothing.

Writing a graph is mostly the engine's work (Oxigraph parses and indexes the triples), so it
happens in one background thread while the next articles are extracted. A graph already in the
store is replaced with one Graph Store ``PUT`` (one atomic replacement). Graphs new to the store
are gathered, up to ``batch`` of them, into one ``POST`` of N-Quads: the engine loads that in one
transaction, all of it or none, and it costs the engine less than a ``PUT`` each (no graph to
clear) and the writer thread fewer round trips. When a batch fails, none of it was stored and its
graphs are sent again one ``PUT`` each, so the failing one is named and the others are stored.
Results come back in submission order; at most ``depth`` graphs wait (bounding memory).

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> from graph.store import open_store
>>> with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "store") as store:
...     with GraphWriter(store) as writer:
...         writer.submit("urn:g:1", b"<urn:a> <urn:b> <urn:c> .\\n", "one", new=True)
...         writer.submit("urn:g:1", b"<urn:a> <urn:b> <urn:d> .\\n", "two")
...         [(tag, error) for tag, error in writer.finished(wait=True)]
...     sorted(str(o) for _, _, o in store.get_graph("urn:g:1"))
[('one', None), ('two', None)]
['urn:d']
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from types import TracebackType
from typing import Generic, TypeVar

from graph.errors import TiesError
from graph.store import NTRIPLES, Store

HANDOVER_S = 0.0005  # the interpreter's switch interval while a writer is open (see __enter__)

Tag = TypeVar("Tag")
Errors = dict[str, TiesError]  # the error of each graph that was not written, by graph IRI


@dataclass
class _Pending(Generic[Tag]):
    graph_iri: str
    tag: Tag
    future: Future[Errors] | None = None  # None while gathered in a batch not yet sent


class GraphWriter(Generic[Tag]):
    """Writes named graphs from N-Triples documents in one background thread."""

    def __init__(self, store: Store, depth: int = 32, batch: int = 8) -> None:
        self._store = store
        self._depth = max(1, depth)
        self._batch = max(1, batch)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ties-writer")
        self._pending: deque[_Pending[Tag]] = deque()
        self._gathered: list[tuple[str, bytes]] = []  # new graphs of the batch being gathered

    def submit(self, graph_iri: str, body: bytes, tag: Tag, *, new: bool = False) -> None:
        """Queue writing ``body`` (N-Triples) as all of ``graph_iri``; ``tag`` comes back with its result.

        ``new`` says the graph is not in the store, so it may be added in a batch of new graphs.
        """
        pending = _Pending(graph_iri, tag)
        if new and _one_triple_a_line(body) and all(iri != graph_iri for iri, _ in self._gathered):
            self._gathered.append((graph_iri, body))
            self._pending.append(pending)
            if len(self._gathered) >= self._batch:
                self.flush()
            return
        self.flush()  # writes happen in submission order
        pending.future = self._pool.submit(self._put_each, [(graph_iri, body)])
        self._pending.append(pending)

    def flush(self) -> None:
        """Send the batch of new graphs gathered so far."""
        if not self._gathered:
            return
        future = self._pool.submit(self._add_new, self._gathered)
        self._gathered = []
        for pending in self._pending:
            if pending.future is None:
                pending.future = future

    def in_flight(self, graph_iri: str) -> bool:
        """Whether a write of ``graph_iri`` is queued or running."""
        return any(p.graph_iri == graph_iri for p in self._pending)

    def finished(self, *, wait: bool = False) -> Iterator[tuple[Tag, TiesError | None]]:
        """The writes done so far, in submission order, with the error of each failed one.

        With ``wait``, every write is sent and waited for; otherwise only enough to keep at most
        ``depth`` queued.
        """
        while self._pending:
            head = self._pending[0]
            must_wait = wait or len(self._pending) > self._depth
            if head.future is None and must_wait:
                self.flush()
            if head.future is None or not (must_wait or head.future.done()):
                return
            self._pending.popleft()
            yield head.tag, head.future.result().get(head.graph_iri)

    def close(self) -> None:
        """Send what is gathered, wait for the queued writes and stop the thread."""
        self.flush()
        self._pool.shutdown(wait=True)

    def __enter__(self) -> GraphWriter[Tag]:
        # When the engine answers, the writer thread needs the GIL back to send the next batch;
        # the main thread, extracting, gives it up only at the switch interval (5 ms by default),
        # and the engine idles meanwhile. 0.5 ms measured best: 200 bench articles into Oxigraph
        # went from 80-85 to 91-96 articles/s (0.2 and 1 ms were both slower).
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(HANDOVER_S)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            self.close()
        finally:
            sys.setswitchinterval(self._switch_interval)

    # -- in the writer thread ---------------------------------------------------------------------
    def _add_new(self, graphs: list[tuple[str, bytes]]) -> Errors:
        try:
            self._store.post_quads(b"".join(as_quads(iri, body) for iri, body in graphs))
        except TiesError:
            # The engine loads a request in one transaction, so none of the batch was stored:
            # write each graph alone to name the failing one and store the others.
            return self._put_each(graphs)
        return {}

    def _put_each(self, graphs: list[tuple[str, bytes]]) -> Errors:
        errors: Errors = {}
        for iri, body in graphs:
            try:
                self._store.put_graph_data(iri, body, NTRIPLES)
            except TiesError as error:  # anything else is a bug, not a per-graph failure
                errors[iri] = error
        return errors


def _one_triple_a_line(body: bytes) -> bool:
    # N-Triples escapes line breaks inside literals, so every line of ours ends with " .".
    return body.endswith(b" .\n") and body.count(b"\n") == body.count(b" .\n")


def as_quads(graph_iri: str, body: bytes) -> bytes:
    """An N-Triples document of ours (one triple a line) as N-Quads in ``graph_iri``.

    >>> as_quads("urn:g", b"<urn:a> <urn:b> <urn:c> .\\n")
    b'<urn:a> <urn:b> <urn:c> <urn:g> .\\n'
    """
    return body.replace(b" .\n", f" <{graph_iri}> .\n".encode())
