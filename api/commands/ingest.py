"""``ties ingest``, ``ties explain`` and ``ties evaluate``: articles into the store, and back out
as evidence and scores."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated

import typer
from rdflib import Dataset, Graph
from rich.progress import Progress

from api.commands.context import settings_for, store_for
from graph.ingest.evaluate import score_dataset
from graph.ingest.explain import explain as explain_triple
from graph.ingest.heap import settle_heap
from graph.ingest.pipeline import (
    IngestLimits,
    Outcome,
    build_graph,
    ensure_gazetteer,
    iter_sources,
)
from graph.ingest.pipeline import (
    ingest as ingest_items,
)
from graph.ingest.readers import Failure
from graph.ingest.readers.article import Article
from graph.ingest.resolution.gazetteer import Gazetteer
from graph.model.namespace import DT
from graph.model.ontology import ontology_graph
from graph.store import NQUADS


def ingest(
    ctx: typer.Context,
    sources: Annotated[
        list[str], typer.Argument(help="Files, folders, URLs (pages or feeds) or - for stdin.")
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the graphs as TriG; store nothing.")
    ] = False,
) -> None:
    """Turn news articles into one validated named graph each; exit 1 if any article failed."""
    settings = settings_for(ctx)
    limits = IngestLimits(max_bytes=settings.ingest_max_bytes, fetch_timeout_s=settings.ingest_fetch_timeout)
    gazetteer_path = Path(settings.gazetteer)
    gazetteer = Gazetteer.load(gazetteer_path)
    settle_heap()  # the libraries and the gazetteer stay to the end: full collections skip them
    items = iter_sources(sources, limits, stdin=sys.stdin)
    if dry_run:
        _dry_run(items, gazetteer)
        return
    with store_for(ctx) as store:
        ensure_gazetteer(store, gazetteer_path)
        bar = _progress() if sys.stderr.isatty() else None
        summary = ingest_items(items, store, gazetteer, progress=bar, batch_size=settings.ingest_batch)
    for outcome in summary.outcomes:
        if outcome.status == "failed":
            typer.echo(f"ties: error: {outcome.error}", err=True)
    typer.echo(summary.line())
    if summary.count("failed"):
        raise typer.Exit(1)


def _dry_run(items: Iterable[Article | Failure], gazetteer: Gazetteer) -> None:
    failed = 0
    dataset = Dataset()
    dataset.bind("dt", DT._NS)
    for item in items:
        if isinstance(item, Failure):
            typer.echo(f"ties: error: {item.message}", err=True)
            failed += 1
            continue
        graph = build_graph(item, gazetteer)
        target = dataset.graph(graph.identifier)
        for triple in graph:
            target.add(triple)
    sys.stdout.write(dataset.serialize(format="trig"))
    if failed:
        raise typer.Exit(1)


def _progress() -> Callable[[Outcome], None]:
    progress = Progress(transient=True)
    progress.start()
    task = progress.add_task("ingesting", total=None)

    def advance(outcome: Outcome) -> None:
        progress.update(task, advance=1, description=f"{outcome.status:8} {Path(outcome.origin).name[:40]}")

    return advance


def explain(
    ctx: typer.Context,
    subject: Annotated[str, typer.Argument(help="Subject IRI or short form, e.g. agreement/lemoa.")],
    predicate: Annotated[str, typer.Argument(help="Predicate, e.g. dt:signatory.")],
    obj: Annotated[str, typer.Argument(metavar="OBJECT", help="Object IRI, short form or literal value.")],
) -> None:
    """Print the sentences that support a triple, with their article titles."""
    with store_for(ctx) as store:
        supports = explain_triple(store, subject, predicate, obj)
    if not supports:
        typer.echo("no evidence for this triple in the store", err=True)
        raise typer.Exit(1)
    for support in supports:
        sentence = " ".join(support.sentence.split())  # it may span a paragraph break
        typer.echo(f"{support.title} [{support.start}-{support.end}, rule {support.rule}]\n  {sentence}")


def evaluate(
    ctx: typer.Context,
    gold_dir: Annotated[Path, typer.Argument(help="Folder of NN-slug.md articles and NN-slug.gold.json.")],
    min_entity_f1: Annotated[float, typer.Option(help="Exit 1 below this entity F1.")] = 0.0,
    min_relation_f1: Annotated[float, typer.Option(help="Exit 1 below this relation F1.")] = 0.0,
) -> None:
    """Score the store against gold annotations: per-article misses, false hits, micro P/R/F1."""
    dataset = Dataset()
    with store_for(ctx) as store:
        for chunk in store.dump(NQUADS):
            dataset.parse(data=chunk.decode("utf-8"), format="nquads")
    ontology = Graph()
    for triple in ontology_graph():
        ontology.add(triple)
    result = score_dataset(gold_dir, dataset, ontology)
    for article in result.articles:
        typer.echo(f"== {article.article}" + ("" if article.found_graph else "  (NO GRAPH WITH THIS TITLE)"))
        for name in ("missed_entities", "wrong_entities", "missed_relations", "wrong_relations"):
            values = getattr(article, name)
            if values:
                typer.echo(f"  {name}: " + "; ".join(values))
    e, r = result.entities.prf(), result.relations.prf()
    typer.echo(f"entities  P={e[0]:.3f} R={e[1]:.3f} F1={e[2]:.3f}")
    typer.echo(f"relations P={r[0]:.3f} R={r[1]:.3f} F1={r[2]:.3f}")
    if e[2] < min_entity_f1 or r[2] < min_relation_f1:
        raise typer.Exit(1)
