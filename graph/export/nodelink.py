"""Node-link JSON with ``nodes`` and ``links``, as D3 (``d3.forceLink``) and networkx read it.

Each link names its ends by node ``id``; parallel links keep their ``key`` and get unique ids.
Dates are ISO 8601 strings and missing values are left out.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_edge("a", "b", key="knows")
'knows'
>>> node_link_data(G)["links"]
[{'id': 'e0', 'source': 'a', 'target': 'b', 'key': 'knows'}]
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export.attributes import edges_with_ids, json_value, node_ids
from graph.export.files import write_chunks

_NODE_OWN = ("id",)
_LINK_OWN = ("id", "source", "target", "key")


def _without(values: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if name not in names}


def _record(values: dict[str, Any]) -> dict[str, Any]:
    converted = {name: json_value(value) for name, value in values.items()}
    return {name: value for name, value in converted.items() if value is not None}


def node_link_data(G: nx.MultiDiGraph) -> dict[str, Any]:
    """``G`` as a node-link dict (``directed``, ``multigraph``, ``graph``, ``nodes``, ``links``)."""
    ids = node_ids(G)
    nodes = [_record({"id": ids[node], **_without(data, _NODE_OWN)}) for node, data in G.nodes(data=True)]
    links = [_record({"id": edge_id, "source": ids[u], "target": ids[v], "key": key,
                      **_without(data, _LINK_OWN)})
             for edge_id, u, v, key, data in edges_with_ids(G, ids)]
    return {"directed": True, "multigraph": True, "graph": _record(dict(G.graph)),
            "nodes": nodes, "links": links}


def nodelink_bytes(G: nx.MultiDiGraph) -> bytes:
    """``G`` as node-link JSON text (UTF-8)."""
    return json.dumps(node_link_data(G), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_nodelink(G: nx.MultiDiGraph, path: str | Path) -> None:
    """Write ``G`` as node-link JSON to ``path``, atomically."""
    write_chunks(path, [nodelink_bytes(G)])
