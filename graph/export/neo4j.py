"""Neo4j ``neo4j-admin database import`` CSV: ``nodes.csv`` and ``relationships.csv``, typed headers.

Nodes: ``id:ID``, ``:LABEL`` (the node's ``dt:`` classes, ``;``-separated), then one typed column per
attribute (``startDate:date``, ``ordinal:long``, ``types:string[]``, ...). Relationships:
``:START_ID``, ``:END_ID``, ``:TYPE`` (the edge key, e.g. ``participant``) and their attributes.
Strings are quoted and a missing value is an empty unquoted field, which the importer reads as no
property. Import with ``neo4j-admin database import full --nodes=nodes.csv
--relationships=relationships.csv --multiline-fields=true`` (labels may hold line breaks).

Examples
--------
>>> import datetime, networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("m", id="meeting/x", category="Meeting", types=["Meeting"],
...            startDate=datetime.date(2023, 1, 2))
>>> G.add_node("p", id="person/y", category="Person", types=["Person"])
>>> G.add_edge("m", "p", key="participant")
'participant'
>>> print(neo4j_csv(G)["nodes.csv"].strip())
id:ID,:LABEL,category:string,types:string[],startDate:date
"meeting/x","Meeting","Meeting","Meeting","2023-01-02"
"person/y","Person","Person","Person",
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export.attributes import AttributeSpec, edge_schema, edges_with_ids, node_ids, node_schema, text_of
from graph.export.files import atomic_writer

NODES_FILE = "nodes.csv"
RELATIONSHIPS_FILE = "relationships.csv"
_TYPES = {"boolean": "boolean", "long": "long", "double": "double", "date": "date", "list": "string[]"}
_ARRAY_DELIMITER = ";"


def _column(spec: AttributeSpec) -> str:
    return f"{spec.name.replace(':', '_')}:{_TYPES.get(spec.kind, 'string')}"


def _cell(value: Any, spec: AttributeSpec) -> str | None:
    if value is None:
        return None
    if spec.kind == "list" and isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return _ARRAY_DELIMITER.join(text_of(item, "string").replace(_ARRAY_DELIMITER, ",")
                                     for item in items)
    return text_of(value, spec.kind)


def _labels(data: dict[str, Any]) -> str:
    types = data.get("types") or []
    labels = [str(t) for t in types if ":" not in str(t)] or [str(data.get("category") or "Resource")]
    return _ARRAY_DELIMITER.join(label.replace(_ARRAY_DELIMITER, "_") for label in labels)


def _field(value: str | None) -> str:
    # Every value quoted, None an empty unquoted field: the importer reads that as "no property",
    # and a quoted "" as an empty string. (csv.QUOTE_NOTNULL does this only from Python 3.12.)
    return "" if value is None else '"' + value.replace('"', '""') + '"'


def _csv_text(header: list[str], rows: list[list[str | None]]) -> str:
    lines = [",".join(header)]
    lines.extend(",".join(map(_field, row)) for row in rows)
    return "\n".join(lines) + "\n"


def neo4j_csv(G: nx.MultiDiGraph) -> dict[str, str]:
    """``{"nodes.csv": ..., "relationships.csv": ...}`` for ``G``."""
    ids = node_ids(G)
    node_specs = node_schema(G, skip=("id",))
    node_rows: list[list[str | None]] = [
        [ids[node], _labels(data), *(_cell(data.get(s.name), s) for s in node_specs)]
        for node, data in G.nodes(data=True)]
    edge_specs = edge_schema(G, skip=("key",))
    edge_rows: list[list[str | None]] = [
        [ids[u], ids[v], str(key), edge_id, *(_cell(data.get(s.name), s) for s in edge_specs)]
        for edge_id, u, v, key, data in edges_with_ids(G, ids)]
    return {
        NODES_FILE: _csv_text(["id:ID", ":LABEL", *map(_column, node_specs)], node_rows),
        RELATIONSHIPS_FILE: _csv_text([":START_ID", ":END_ID", ":TYPE", "edgeId:string",
                                       *map(_column, edge_specs)], edge_rows),
    }


def neo4j_zip(G: nx.MultiDiGraph) -> bytes:
    """``nodes.csv`` and ``relationships.csv`` of ``G`` in one zip archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in neo4j_csv(G).items():
            archive.writestr(name, text.encode("utf-8"))
    return buffer.getvalue()


def write_neo4j_csv(G: nx.MultiDiGraph, folder: str | Path) -> None:
    """Write ``nodes.csv`` and ``relationships.csv`` into ``folder`` (created), each atomically."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for name, text in neo4j_csv(G).items():
        with atomic_writer(target / name) as handle:
            handle.write(text.encode("utf-8"))
