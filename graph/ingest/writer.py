"""Article graphs written to the store in the background, one Graph Store ``PUT`` each, in order.

Writing a graph is mostly the engine's work (Oxigraph parses and indexes the triples), so while
one article's ``PUT`` is in flight the next article is extracted. Each article is still its own
request, and so its own atomic replacement of its named graph; writes happen one at a time in the
order they were submitted, and at most ``depth`` wait (bounding memory).

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> from rdflib import URIRef
>>> from graph.store import open_store
>>> with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "store") as store:
...     with GraphWriter(store) as writer:
...         writer.submit("urn:g:1", b"<urn:a> <urn:b> <urn:c> .\\n", "one")
...         [(tag, error) for tag, error in writer.finished(wait=True)]
...     store.graph_exists("urn:g:1")
[('one', None)]
True
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Generic, TypeVar

from graph.errors import TiesError
from graph.store import NTRIPLES, Store

Tag = TypeVar("Tag")


class GraphWriter(Generic[Tag]):
    """Replaces named graphs with N-Triples documents from one background thread."""

    def __init__(self, store: Store, depth: int = 8) -> None:
        self._store = store
        self._depth = max(1, depth)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ties-writer")
        self._pending: deque[tuple[str, Tag, Future[None]]] = deque()

    def submit(self, graph_iri: str, body: bytes, tag: Tag) -> None:
        """Queue the replacement of ``graph_iri`` by ``body``; ``tag`` comes back with its result."""
        future = self._pool.submit(self._store.put_graph_data, graph_iri, body, NTRIPLES)
        self._pending.append((graph_iri, tag, future))

    def in_flight(self, graph_iri: str) -> bool:
        """Whether a write of ``graph_iri`` is queued or running."""
        return any(iri == graph_iri for iri, _, _ in self._pending)

    def finished(self, *, wait: bool = False) -> Iterator[tuple[Tag, TiesError | None]]:
        """The writes done so far, in submission order, with the error of each failed one.

        With ``wait``, every write is waited for; otherwise only enough to keep at most ``depth``
        queued.
        """
        while self._pending and (wait or len(self._pending) > self._depth or self._pending[0][2].done()):
            _, tag, future = self._pending.popleft()
            yield tag, _error_of(future)

    def close(self) -> None:
        """Wait for the queued writes and stop the thread."""
        self._pool.shutdown(wait=True)

    def __enter__(self) -> GraphWriter[Tag]:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _error_of(future: Future[None]) -> TiesError | None:
    error = future.exception()
    if error is None or isinstance(error, TiesError):
        return error
    raise error  # not a store error: a bug, not a per-article failure
