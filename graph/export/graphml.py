"""GraphML 1.0 that passes the published schema: NMTOKEN ids, one typed key per attribute.

Node elements are ``n0, n1, ...`` because GraphML ids must be XML name tokens (an IRI or
``person/rajnath-singh`` is not); the node's own id is the ``id`` data value. Dates are ISO 8601
strings (GraphML has no date type), lists are ``|``-joined strings, missing values are left out.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_edge("a", "b", key="knows"); G.add_edge("a", "b", key="likes")
'knows'
'likes'
>>> text = graphml_bytes(G).decode()
>>> text.count("<edge "), 'attr.name="key"' in text
(2, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export.attributes import AttributeSpec, edge_schema, edges_with_ids, node_ids, schema_of, text_of
from graph.export.files import utf8, write_chunks
from graph.export.xmltext import content

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
_TYPES = {"boolean": "boolean", "long": "long", "double": "double"}
_NOT_NAME = re.compile(r"[^\w.\-]")


def _key_names(specs: list[AttributeSpec], first: int) -> dict[str, tuple[str, str]]:
    # attr.name must be an NMTOKEN too: other characters become "_", clashes get a number.
    keys: dict[str, tuple[str, str]] = {}
    used: set[str] = set()
    for offset, spec in enumerate(specs):
        name = _NOT_NAME.sub("_", spec.name) or "_"
        base, n = name, 1
        while name in used:
            n += 1
            name = f"{base}_{n}"
        used.add(name)
        keys[spec.name] = (f"d{first + offset}", name)
    return keys


def _data(specs: list[AttributeSpec], keys: dict[str, tuple[str, str]], values: dict[str, Any]) -> str:
    return "".join(
        f'<data key="{keys[s.name][0]}">{content(text_of(values[s.name], s.kind))}</data>'
        for s in specs if values.get(s.name) is not None)


def graphml_chunks(G: nx.MultiDiGraph) -> Iterator[str]:
    """The GraphML document of ``G`` in pieces (one per node or edge)."""
    ids = node_ids(G)
    node_specs = schema_of({"id": ids[node], **data} for node, data in G.nodes(data=True))
    edge_specs = edge_schema(G)
    node_keys = _key_names(node_specs, 0)
    edge_keys = _key_names(edge_specs, len(node_specs))
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="{NAMESPACE}">\n'
    for domain, specs, keys in (("node", node_specs, node_keys), ("edge", edge_specs, edge_keys)):
        for spec in specs:
            key_id, name = keys[spec.name]
            yield (f'  <key id="{key_id}" for="{domain}" attr.name="{name}" '
                   f'attr.type="{_TYPES.get(spec.kind, "string")}"/>\n')
    yield '  <graph id="G" edgedefault="directed">\n'
    element = {node: f"n{index}" for index, node in enumerate(G)}
    for node, data in G.nodes(data=True):
        values = {"id": ids[node], **data}
        yield f'    <node id="{element[node]}">{_data(node_specs, node_keys, values)}</node>\n'
    for edge_id, u, v, key, data in edges_with_ids(G, ids):
        values = {"key": key, **data}
        yield (f'    <edge id="{edge_id}" source="{element[u]}" target="{element[v]}">'
               f'{_data(edge_specs, edge_keys, values)}</edge>\n')
    yield "  </graph>\n</graphml>\n"


def graphml_bytes(G: nx.MultiDiGraph) -> bytes:
    """``G`` as a GraphML document."""
    return b"".join(utf8(graphml_chunks(G)))


def write_graphml(G: nx.MultiDiGraph, path: str | Path) -> None:
    """Write ``G`` as GraphML to ``path`` (a temporary file renamed into place)."""
    write_chunks(path, utf8(graphml_chunks(G)))
