"""Cytoscape.js JSON (``elements`` with ``nodes`` and ``edges``), as Cytoscape desktop also imports.

Unlike ``networkx.cytoscape_data`` it gives parallel edges unique ids, writes dates as ISO 8601
strings and leaves missing values out instead of writing ``null``.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_edge("a", "b", key="knows"); G.add_edge("a", "b", key="likes")
'knows'
'likes'
>>> [edge["data"]["id"] for edge in cytoscape_data(G)["elements"]["edges"]]
['e0', 'e1']
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export.attributes import edges_with_ids, json_value, node_ids
from graph.export.files import write_chunks


def _data(values: dict[str, Any]) -> dict[str, Any]:
    converted = {name: json_value(value) for name, value in values.items()}
    return {name: value for name, value in converted.items() if value is not None}


def cytoscape_data(G: nx.MultiDiGraph) -> dict[str, Any]:
    """``G`` as the dict ``cytoscape({elements: ...})`` and ``cy.json()`` use."""
    ids = node_ids(G)
    nodes = [{"data": _data({**data, "id": ids[node]})} for node, data in G.nodes(data=True)]
    edges = [{"data": _data({**data, "id": edge_id, "source": ids[u], "target": ids[v], "key": key})}
             for edge_id, u, v, key, data in edges_with_ids(G, ids)]
    return {"data": _data(dict(G.graph)), "directed": True, "multigraph": True,
            "elements": {"nodes": nodes, "edges": edges}}


def cytoscape_bytes(G: nx.MultiDiGraph) -> bytes:
    """``G`` as Cytoscape.js JSON text (UTF-8)."""
    return json.dumps(cytoscape_data(G), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_cytoscape(G: nx.MultiDiGraph, path: str | Path) -> None:
    """Write ``G`` as Cytoscape.js JSON to ``path``, atomically."""
    write_chunks(path, [cytoscape_bytes(G)])
