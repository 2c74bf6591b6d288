"""The ingest pipeline: read, extract, build, validate, store — one named graph per article.

Each article graph is validated against the SHACL shapes (with the gazetteer as background, see
:mod:`graph.ingest.checking`) and written whole, all of it or none, from N-Triples made straight
from its triples (:mod:`graph.ingest.writer`); an unchanged article (same content hash as the
stored one) is skipped before any extraction, and a failing one is reported and not stored.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from rdflib import Graph, Literal

from graph.errors import ValidationError
from graph.ingest.build import Triple, article_graph, article_triples, ntriples
from graph.ingest.checking import ArticleValidator
from graph.ingest.extract import Extraction, extract_text
from graph.ingest.readers import Failure, Item, read_bytes, read_path
from graph.ingest.readers.article import Article
from graph.ingest.readers.fetch import fetch_url
from graph.ingest.resolution.gazetteer import Gazetteer
from graph.ingest.writer import GraphWriter
from graph.model.namespace import GAZETTEER_GRAPH, SCHEMA
from graph.model.ontology import file_sha256
from graph.store import Store
from graph.validation.shacl import check_graph


@dataclass(frozen=True)
class IngestLimits:
    """Limits of one run (all settings with safe defaults)."""

    max_bytes: int = 5_000_000
    fetch_timeout_s: float = 10.0


@dataclass
class Outcome:
    """What happened to one input."""

    origin: str
    status: str  # "new", "updated", "skipped" or "failed"
    iri: str = ""
    entities: int = 0
    triples: int = 0
    error: str = ""


@dataclass
class Summary:
    """The run's outcomes and duration."""

    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        """How many inputs ended with ``status``."""
        return sum(1 for o in self.outcomes if o.status == status)

    def line(self) -> str:
        """One line for the terminal."""
        articles = len(self.outcomes) - self.count("failed")
        return (
            f"{articles} article(s): {self.count('new')} new, {self.count('updated')} updated, "
            f"{self.count('skipped')} skipped; {sum(o.entities for o in self.outcomes)} entities, "
            f"{sum(o.triples for o in self.outcomes)} triples; {self.count('failed')} error(s); "
            f"{self.seconds:.2f} s"
        )


def iter_sources(sources: Iterable[str], limits: IngestLimits, stdin: TextIO | None = None) -> Iterator[Item]:
    """Every article (or failure) in paths, folders, URLs and ``-`` (stdin)."""
    for source in sources:
        if source == "-":
            data = stdin.buffer.read() if stdin is not None and hasattr(stdin, "buffer") else b""
            yield from read_bytes(data, "<stdin>", max_bytes=limits.max_bytes)
        elif source.startswith(("http://", "https://")):
            yield from fetch_url(source, timeout_s=limits.fetch_timeout_s, max_bytes=limits.max_bytes)
        else:
            yield from read_path(Path(source), max_bytes=limits.max_bytes)


def build_graph(article: Article, gazetteer: Gazetteer) -> Graph:
    """The validated named graph of ``article``; raises ``ValidationError`` naming it otherwise."""
    extraction = extract_text(
        article.text, published=article.published, gazetteer=gazetteer, key=article.content_hash
    )
    graph = article_graph(article, extraction)
    check_graph(graph, name=article.origin or str(article.iri), background=gazetteer.graph)
    return graph


def ensure_gazetteer(store: Store, path: Path) -> bool:
    """Load the gazetteer into its named graph when missing or changed; True when (re)loaded."""
    if not path.exists():
        return False
    digest = file_sha256(path)
    if store.ask(
        f'ASK {{ GRAPH <{GAZETTEER_GRAPH}> {{ <{GAZETTEER_GRAPH}> <{SCHEMA.sha256}> "{digest}" }} }}'
    ):
        return False
    graph = Gazetteer.load(path).graph
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    copy.add((GAZETTEER_GRAPH, SCHEMA.sha256, Literal(digest)))
    store.put_graph(GAZETTEER_GRAPH, copy)
    return True


def violation_messages(report: str, limit: int = 3) -> str:
    """The first few SHACL messages of a pySHACL text report, on one line."""
    messages = [line.split("Message:", 1)[1].strip() for line in report.splitlines() if "Message:" in line]
    unique = list(dict.fromkeys(messages))
    return "; ".join(unique[:limit]) or "see the SHACL report"


def stored_hashes(store: Store) -> dict[str, str]:
    """Content hash of every stored article graph, by graph IRI."""
    rows = store.select(f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?g <{SCHEMA.sha256}> ?h }} }}")
    return {str(row["g"]): str(row["h"]) for row in rows}


def ingest(
    items: Iterable[Item],
    store: Store,
    gazetteer: Gazetteer,
    progress: Callable[[Outcome], None] | None = None,
    batch_size: int = 50,
) -> Summary:
    """Ingest every item into ``store``; per-article errors are collected, never raised.

    Articles are extracted one by one and validated (see :mod:`graph.ingest.checking`): each on
    its own by the compiled check, else ``batch_size`` at a time by pySHACL. Each valid graph is
    then written whole, in the background (:mod:`graph.ingest.writer`) while the next articles
    are extracted.
    """
    started = time.perf_counter()
    run = _Run(store, gazetteer, progress)
    size = 1 if run.validator.compiled else batch_size
    with run.writer:
        for item in items:
            run.prepare(item)
            if len(run.batch) >= size:
                run.store_batch()
            run.collect()
        run.store_batch()
        run.collect(wait=True)
    run.summary.seconds = time.perf_counter() - started
    return run.summary


@dataclass
class _Written:
    """What is reported about an article once its write is done."""

    article: Article
    status: str
    entities: int
    triples: int


class _Run:
    """The state of one ingest run: known hashes, the batch being validated, the writes in flight."""

    def __init__(
        self, store: Store, gazetteer: Gazetteer, progress: Callable[[Outcome], None] | None
    ) -> None:
        self.gazetteer, self.progress = gazetteer, progress
        self.summary = Summary()
        self.known = stored_hashes(store)
        self.graphs = store.named_graphs()  # a graph not among them is added, not replaced
        self.validator = ArticleValidator(gazetteer)
        self.writer: GraphWriter[_Written] = GraphWriter(store)
        self.batch: list[tuple[Article, Extraction, list[Triple]]] = []

    def report(self, outcome: Outcome) -> None:
        self.summary.outcomes.append(outcome)
        if self.progress is not None:
            self.progress(outcome)

    def prepare(self, item: Item) -> None:
        if isinstance(item, Failure):
            self.report(Outcome(item.origin, "failed", error=item.message))
            return
        iri = str(item.iri)
        pending = any(a.iri == item.iri for a, _, _ in self.batch) or self.writer.in_flight(iri)
        if self.known.get(iri) == item.content_hash or pending:
            self.report(Outcome(item.origin, "skipped", iri))
            return
        extraction = extract_text(
            item.text, published=item.published, gazetteer=self.gazetteer, key=item.content_hash
        )
        self.batch.append((item, extraction, article_triples(item, extraction)))

    def store_batch(self) -> None:
        suspects = self.validator.suspects([(str(a.iri), triples) for a, _, triples in self.batch])
        for article, extraction, triples in self.batch:
            iri = str(article.iri)
            try:
                if iri in suspects:  # it may fail: pySHACL on it alone gives the verdict and message
                    self.validator.check(article.iri, triples, name=article.origin or iri)
            except ValidationError as exc:
                reason = str(exc).replace("; run 'ties validate' for the full report", "")
                error = f"{reason} (not stored): {violation_messages(exc.report)}"
                self.report(Outcome(article.origin, "failed", iri, error=error))
                continue
            status = "updated" if iri in self.known else "new"
            written = _Written(article, status, len(extraction.entities), len(triples))
            self.writer.submit(iri, ntriples(triples), written, new=iri not in self.graphs)
        self.batch.clear()

    def collect(self, *, wait: bool = False) -> None:
        for written, error in self.writer.finished(wait=wait):
            article, iri = written.article, str(written.article.iri)
            if error is not None:
                self.report(Outcome(article.origin, "failed", iri, error=str(error)))
                continue
            self.known[iri] = article.content_hash
            self.graphs.add(iri)
            self.report(Outcome(article.origin, written.status, iri, written.entities, written.triples))
