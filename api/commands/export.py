"""``ties export``: the whole store or one entity's neighbourhood, as RDF or for a graph viewer."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from api.commands.context import settings_for, store_for
from graph.errors import InputError
from graph.export import render, write
from graph.export.files import write_chunks
from graph.export.projection import project
from graph.export.rdf import rdf_bytes
from graph.export.source import Triple, store_triples
from graph.store import Store
from graph.store.dump import DUMP_FORMATS, dump_store


class ExportFormat(StrEnum):
    """The RDF dump formats and the graph-viewer formats (see :mod:`graph.export`)."""

    turtle = "turtle"
    trig = "trig"
    nquads = "nquads"
    jsonld = "jsonld"
    graphml = "graphml"
    gexf = "gexf"
    gexf12 = "gexf12"
    cytoscape = "cytoscape"
    nodelink = "nodelink"
    dot = "dot"
    neo4j = "neo4j"


def _around(store: Store, entity: str, depth: int, limit: int) -> list[Triple]:
    # The bounded neighbourhood query belongs to the lookup side (graph/lookups/neighbourhood.py).
    from graph.lookups.neighbourhood import neighbourhood  # noqa: PLC0415

    found = neighbourhood(store, entity, depth=depth, limit=limit)
    if found.truncated:
        typer.echo(f"ties: note: the neighbourhood of {entity} was cut at {limit} entities "
                   "(raise --limit to see more)", err=True)
    return list(found.triples)


def _write_rdf(store: Store, fmt: str, triples: Iterable[Triple] | None, output: Path | None) -> None:
    chunks = dump_store(store, fmt) if triples is None else iter([rdf_bytes(triples, fmt)])
    if output is None:
        for chunk in chunks:
            sys.stdout.buffer.write(chunk)
        return
    size = write_chunks(output, chunks)
    typer.echo(f"wrote {size} bytes to {output}", err=True)


def export(
    ctx: typer.Context,
    *,
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", "-f", help="RDF (turtle, trig, nquads, jsonld) or a graph-viewer format.")
    ] = ExportFormat.trig,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write [default: stdout]; for neo4j a folder or a .zip.")] = None,
    around: Annotated[str | None, typer.Option(
        "--around", help="Export only the neighbourhood of this entity (person/x or an IRI).")] = None,
    depth: Annotated[int, typer.Option("--depth", min=1, max=3, help="Hops around --around.")] = 1,
    limit: Annotated[int | None, typer.Option(
        "--limit", min=1, help="Most entities around --around [default: TIES_EXPORT_AROUND_LIMIT].")] = None,
) -> None:
    """Export the store (or a neighbourhood) as RDF, GraphML, GEXF, Cytoscape.js, node-link, DOT or Neo4j CSV.

    Files are written to a temporary file and renamed, so a failed export leaves no broken file.
    """
    settings = settings_for(ctx)
    name = fmt.value
    if name == "neo4j" and output is None:
        raise InputError("the neo4j export is two files: name a folder or a .zip with -o")
    with store_for(ctx) as store:
        triples = None if around is None else _around(
            store, around, depth, limit or settings.export_around_limit)
        if name in DUMP_FORMATS:
            _write_rdf(store, name, triples, output)
            return
        graph = project(triples if triples is not None else
                        store_triples(store, settings.export_max_triples))
    if output is None:
        sys.stdout.buffer.write(render(graph, name))
        return
    write(graph, name, output)
    typer.echo(f"wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges "
               f"as {name} to {output}", err=True)
