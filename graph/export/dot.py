"""Graphviz DOT: a non-strict ``digraph``, so parallel edges stay, every value a quoted string.

Node names are the nodes' ids; every attribute is written (Graphviz keeps attributes it does not
use for drawing), dates as ISO 8601, lists ``|``-joined, missing values left out.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", label='say "hi"')
>>> G.add_edge("a", "b", key="knows"); G.add_edge("a", "b", key="likes")
'knows'
'likes'
>>> print(dot_bytes(G).decode())
digraph "G" {
  "a" [label="say \\"hi\\""];
  "b";
  "a" -> "b" [id="e0", key="knows"];
  "a" -> "b" [id="e1", key="likes"];
}
<BLANKLINE>
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export.attributes import edges_with_ids, kind_of, node_ids, text_of
from graph.export.files import utf8, write_chunks

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def quote(text: str) -> str:
    """``text`` as a DOT double-quoted string.

    >>> quote('C:\\\\path "x"')
    '"C:\\\\\\\\path \\\\"x\\\\""'
    """
    return f'"{text.translate(_ESCAPES)}"'


_KEYWORDS = {"node", "edge", "graph", "digraph", "subgraph", "strict"}


def _name(name: str) -> str:
    # Plain identifiers read better unquoted; anything else (or a DOT keyword) keeps its quotes.
    plain = name.isidentifier() and name.isascii() and name.lower() not in _KEYWORDS
    return name if plain else quote(name)


def _attributes(values: dict[str, Any]) -> str:
    parts = [f"{_name(str(name))}={quote(text_of(value, kind_of(value)))}"
             for name, value in values.items() if value is not None]
    return f" [{', '.join(parts)}]" if parts else ""


def dot_chunks(G: nx.MultiDiGraph) -> Iterator[str]:
    """The DOT document of ``G`` in pieces."""
    ids = node_ids(G)
    yield f"digraph {quote(str(G.graph.get('name') or 'G'))} {{\n"
    for node, data in G.nodes(data=True):
        values = {name: value for name, value in data.items() if name != "id"}
        yield f"  {quote(ids[node])}{_attributes(values)};\n"
    for edge_id, u, v, key, data in edges_with_ids(G, ids):
        values = {"id": edge_id, "key": key, **{k: x for k, x in data.items() if k not in ("id", "key")}}
        yield f"  {quote(ids[u])} -> {quote(ids[v])}{_attributes(values)};\n"
    yield "}\n"


def dot_bytes(G: nx.MultiDiGraph) -> bytes:
    """``G`` as a DOT document (UTF-8)."""
    return b"".join(utf8(dot_chunks(G)))


def write_dot(G: nx.MultiDiGraph, path: str | Path) -> None:
    """Write ``G`` as DOT to ``path``, atomically."""
    write_chunks(path, utf8(dot_chunks(G)))
