"""The ingest pipeline: read, extract, build, validate, store — one named graph per article.

Each article graph is validated against the SHACL shapes (with the gazetteer as background) and
written whole with one Graph Store ``PUT``; an unchanged article (same content hash as the stored
one) is skipped before any extraction, and a failing one is reported and not stored.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from rdflib import Graph, Literal, URIRef

from graph.errors import TiesError, ValidationError
from graph.ingest.article import Article
from graph.ingest.batchcheck import failing_graphs
from graph.ingest.build import article_graph
from graph.ingest.extract import extract_text
from graph.ingest.fetch import fetch_url
from graph.ingest.gazetteer import Gazetteer
from graph.ingest.readers import Failure, Item, read_bytes, read_path
from graph.namespace import DT, GAZETTEER_GRAPH, SCHEMA
from graph.ontology import file_sha256
from graph.store import Store
from graph.validate import check_graph


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
            f"{self.seconds:.1f} s"
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

    Articles are extracted one by one and validated ``batch_size`` at a time (one pySHACL run,
    see :mod:`graph.ingest.batchcheck`); each valid graph is then written whole.
    """
    started = time.perf_counter()
    summary = Summary()
    known = stored_hashes(store)
    batch: list[tuple[Article, Graph]] = []

    def report(outcome: Outcome) -> None:
        summary.outcomes.append(outcome)
        if progress is not None:
            progress(outcome)

    for item in items:
        outcome = _prepare(item, gazetteer, known, batch)
        if outcome is not None:
            report(outcome)
        if len(batch) >= batch_size:
            _store_batch(batch, store, gazetteer, known, report)
    _store_batch(batch, store, gazetteer, known, report)
    summary.seconds = time.perf_counter() - started
    return summary


def _prepare(
    item: Item, gazetteer: Gazetteer, known: dict[str, str], batch: list[tuple[Article, Graph]]
) -> Outcome | None:
    if isinstance(item, Failure):
        return Outcome(item.origin, "failed", error=item.message)
    iri = str(item.iri)
    if known.get(iri) == item.content_hash or any(a.iri == item.iri for a, _ in batch):
        return Outcome(item.origin, "skipped", iri)
    extraction = extract_text(item.text, published=item.published, gazetteer=gazetteer, key=item.content_hash)
    batch.append((item, article_graph(item, extraction)))
    return None


def _store_batch(
    batch: list[tuple[Article, Graph]],
    store: Store,
    gazetteer: Gazetteer,
    known: dict[str, str],
    report: Callable[[Outcome], None],
) -> None:
    failing = failing_graphs([(str(a.iri), g) for a, g in batch], gazetteer.graph)
    for article, graph in batch:
        report(
            _store_one(
                article, graph, store, gazetteer=gazetteer, known=known, suspect=str(article.iri) in failing
            )
        )
    batch.clear()


def _store_one(
    article: Article,
    graph: Graph,
    store: Store,
    *,
    gazetteer: Gazetteer,
    known: dict[str, str],
    suspect: bool,
) -> Outcome:
    iri = str(article.iri)
    try:
        if suspect:  # the batch says it fails: validate it alone for the verdict and the message
            check_graph(graph, name=article.origin or iri, background=gazetteer.graph)
        store.put_graph(URIRef(iri), graph)
    except ValidationError as exc:
        reason = str(exc).replace("; run 'ties validate' for the full report", "")
        return Outcome(
            article.origin, "failed", iri, error=f"{reason} (not stored): {violation_messages(exc.report)}"
        )
    except TiesError as exc:
        return Outcome(article.origin, "failed", iri, error=str(exc))
    status = "updated" if iri in known else "new"
    known[iri] = article.content_hash
    entities = len(set(graph.objects(URIRef(iri), DT.mentions)))
    return Outcome(article.origin, status, iri, entities=entities, triples=len(graph))
