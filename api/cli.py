"""The ``ties`` command line. Every command is a thin layer over :mod:`graph`.

User mistakes and an unavailable store are reported as one line on stderr with exit status 1;
a traceback means a bug.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import pydantic
import typer
import uvicorn
from rdflib import Graph

from api.app import create_app
from api.commands import export as export_command
from api.commands import ingest as ingest_command
from api.commands.context import settings_for, store_for
from api.console import render_json, render_table
from api.settings import get_settings
from graph import __version__
from graph.errors import InputError, TiesError
from graph.lookups.stats import store_stats
from graph.model.namespace import GAZETTEER_GRAPH, ONTOLOGY_GRAPH
from graph.model.rdfio import parse_file
from graph.store import SPARQL_JSON, Store
from graph.store.load import load_files
from graph.validation.shacl import validate_graph

app = typer.Typer(
    name="ties", no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    help="defence-ties: build, query and serve a knowledge graph of India-US defence ties.",
)


class QueryFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


ACCEPT = {
    QueryFormat.table: f"{SPARQL_JSON}, application/n-triples;q=0.9",
    QueryFormat.json: f"{SPARQL_JSON}, application/n-triples;q=0.9",
    QueryFormat.csv: "text/csv, application/n-triples;q=0.9",
    QueryFormat.tsv: "text/tab-separated-values, application/n-triples;q=0.9",
}


@app.callback()
def main(
    ctx: typer.Context,
    store: Annotated[str | None, typer.Option(
        "--store", help="Store folder or http(s) URL [default: TIES_STORE or var/store]")] = None,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    """Global options shared by every command."""
    if version:
        typer.echo(f"defence-ties {__version__}")
        raise typer.Exit()
    settings = get_settings()
    ctx.obj = settings.model_copy(update={"store": store}) if store else settings


@app.command()
def load(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="RDF files; format from the extension.")],
    graph: Annotated[str | None, typer.Option(
        "--graph", help="Named graph IRI for all files [default: one graph named after each file]")] = None,
) -> None:
    """Load RDF files into named graphs (each graph replaced atomically)."""
    with store_for(ctx) as store:
        for loaded in load_files(store, files, graph):
            typer.echo(f"{loaded.graph}\t{loaded.triples} triples\t{loaded.source}")


@app.command()
def query(
    ctx: typer.Context,
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or - to read it from stdin.")],
    fmt: Annotated[QueryFormat, typer.Option("--format", "-f", help="Output format.")] = QueryFormat.table,
) -> None:
    """Run a SPARQL query against the store and print the results."""
    text = sys.stdin.read() if sparql == "-" else sparql
    if not text.strip():
        raise InputError("the query is empty; pass a SPARQL query or - with the query on stdin")
    with store_for(ctx) as store:
        response = store.query(text, accept=ACCEPT[fmt])
    content_type = response.headers.get("content-type", "")
    if content_type.startswith(SPARQL_JSON):
        results = response.json()
        typer.echo(render_json(results) if fmt == QueryFormat.json else render_table(results))
    else:
        sys.stdout.write(response.text)


@app.command()
def stats(ctx: typer.Context) -> None:
    """Count triples, named graphs and entities per class."""
    with store_for(ctx) as store:
        counts = store_stats(store)
    typer.echo(f"triples  {counts.triples}")
    typer.echo(f"graphs   {counts.graphs}")
    for name, count in counts.entities.items():
        typer.echo(f"{name:<16} {count}")


@app.command()
def validate(
    ctx: typer.Context,
    files: Annotated[list[Path] | None, typer.Argument(
        help="RDF files to check [default: every named graph in the store]")] = None,
) -> None:
    """Check graphs against the SHACL shapes; exit status 1 when one does not conform."""
    checked = failures = 0
    with store_for(ctx) as store:
        background = store.get_graph(GAZETTEER_GRAPH)
        for name, graph in _graphs_to_validate(store, files or []):
            checked += 1
            report = validate_graph(graph, background=background)
            if report.conforms:
                typer.echo(f"conforms  {name}")
                continue
            failures += 1
            typer.echo(f"FAILS     {name}\n{report.text}")
    typer.echo(f"{checked - failures} of {checked} graph(s) conform")
    if failures:
        raise typer.Exit(1)


def _graphs_to_validate(store: Store, files: list[Path]) -> Iterator[tuple[str, Graph]]:
    # One graph at a time, so a large store is never held in memory whole.
    if files:
        for path in files:
            yield str(path), parse_file(path)
        return
    for name in store.graph_names():
        if name != ONTOLOGY_GRAPH:
            yield str(name), store.get_graph(name)


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str | None, typer.Option(help="Address [default: TIES_HOST or 127.0.0.1]")] = None,
    port: Annotated[int | None, typer.Option(help="Port [default: TIES_PORT or 8000]")] = None,
) -> None:
    """Serve the HTTP API (SPARQL endpoint, lookups, exports) with uvicorn."""
    settings = settings_for(ctx)
    application = create_app(settings, settle_heap=True)
    uvicorn.run(application, host=host or settings.host, port=port or settings.port)


def run() -> None:
    """Console-script entry point: one line on stderr and exit 1 for a ``TiesError``."""
    try:
        app()
    except TiesError as exc:
        typer.echo(f"ties: error: {exc}", err=True)
        sys.exit(1)
    except pydantic.ValidationError as exc:
        problems = "; ".join(
            f"TIES_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in exc.errors())
        typer.echo(f"ties: error: bad setting: {problems}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("ties: interrupted", err=True)
        sys.exit(130)


# Commands of their own modules, registered here so that they never import this one.
app.command()(export_command.export)
app.command()(ingest_command.ingest)
app.command()(ingest_command.explain)
app.command()(ingest_command.evaluate)
