"""GEXF 1.3 (or 1.2draft) that passes the published schemas and that Gephi and graphology read.

Each attribute key is declared once with one type; attribute ids are numbers, so readers show the
title. GEXF has no date attribute type: date values are ISO 8601 strings, and GEXF's own time type
carries them where it has one: a node's ``startDate``/``endDate`` become its ``start``/``end``
(``timeformat="date"``), so Gephi's timeline can filter by them. Edge ids are unique even for parallel
edges; the edge key is the ``key`` attribute and, in 1.3, the edge ``kind``.

Examples
--------
>>> import datetime, networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("m", label="Meeting", startDate=datetime.date(2023, 11, 13))
>>> G.add_edge("m", "p", key="chairedBy"); G.add_edge("m", "p", key="participant")
'chairedBy'
'participant'
>>> text = gexf_bytes(G).decode()
>>> 'start="2023-11-13"' in text, 'kind="participant"' in text, text.count("<edge ")
(True, True, 2)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import UnsupportedFormatError
from graph.export.attributes import AttributeSpec, edge_schema, edges_with_ids, node_ids, node_schema, text_of
from graph.export.files import utf8, write_chunks
from graph.export.xmltext import attr

VERSIONS = {"1.3": "http://gexf.net/1.3", "1.2": "http://www.gexf.net/1.2draft"}
_TYPES = {"boolean": "boolean", "long": "long", "double": "double"}
_NODE_OWN = ("id", "label")  # written as XML attributes of <node>, not as attvalues
_EDGE_OWN = ("label",)


def _declare(cls: str, specs: list[AttributeSpec]) -> Iterator[str]:
    if not specs:
        return
    yield f'    <attributes class="{cls}">\n'
    for index, spec in enumerate(specs):
        yield (f'      <attribute id="{index}" title="{attr(spec.name)}" '
               f'type="{_TYPES.get(spec.kind, "string")}"/>\n')
    yield "    </attributes>\n"


def _attvalues(specs: list[AttributeSpec], values: dict[str, Any]) -> str:
    parts = [f'<attvalue for="{index}" value="{attr(text_of(values[spec.name], spec.kind))}"/>'
             for index, spec in enumerate(specs) if values.get(spec.name) is not None]
    return f"<attvalues>{''.join(parts)}</attvalues>" if parts else ""


def _times(data: dict[str, Any], start: str, end: str) -> str:
    found = [(name, data.get(key)) for name, key in (("start", start), ("end", end))]
    return "".join(f' {name}="{value.isoformat()}"' for name, value in found
                   if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime))


def _label(data: dict[str, Any]) -> str:
    label = data.get("label")
    return f' label="{attr(str(label))}"' if label is not None else ""


def gexf_chunks(G: nx.MultiDiGraph, version: str = "1.3", start: str = "startDate",
                end: str = "endDate") -> Iterator[str]:
    """The GEXF document of ``G`` in pieces; ``start``/``end`` name the node keys of its time span."""
    if version not in VERSIONS:
        raise UnsupportedFormatError(f"GEXF version {version!r} is not written; use 1.3 or 1.2")
    ids = node_ids(G)
    node_specs, edge_specs = node_schema(G, skip=_NODE_OWN), edge_schema(G, skip=_EDGE_OWN)
    dynamic = any(_times(data, start, end) for _, data in G.nodes(data=True))
    time = ' mode="dynamic" timeformat="date"' if dynamic else ' mode="static"'
    yield (f'<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="{VERSIONS[version]}" version="{version}">\n'
           f"  <meta><creator>defence-ties</creator></meta>\n"
           f'  <graph defaultedgetype="directed"{time}>\n')
    yield from _declare("node", node_specs)
    yield from _declare("edge", edge_specs)
    yield f'    <nodes count="{G.number_of_nodes()}">\n'
    for node, data in G.nodes(data=True):
        yield (f'      <node id="{attr(ids[node])}"{_label(data)}{_times(data, start, end)}>'
               f"{_attvalues(node_specs, data)}</node>\n")
    yield f'    </nodes>\n    <edges count="{G.number_of_edges()}">\n'
    for edge_id, u, v, key, data in edges_with_ids(G, ids):
        kind = f' kind="{attr(str(key))}"' if version == "1.3" else ""
        yield (f'      <edge id="{edge_id}" source="{attr(ids[u])}" target="{attr(ids[v])}"'
               f'{_label(data)}{kind}>{_attvalues(edge_specs, {"key": key, **data})}</edge>\n')
    yield "    </edges>\n  </graph>\n</gexf>\n"


def gexf_bytes(G: nx.MultiDiGraph, version: str = "1.3") -> bytes:
    """``G`` as a GEXF document."""
    return b"".join(utf8(gexf_chunks(G, version)))


def write_gexf(G: nx.MultiDiGraph, path: str | Path, version: str = "1.3") -> None:
    """Write ``G`` as GEXF ``version`` (``1.3`` or ``1.2``) to ``path``, atomically."""
    write_chunks(path, utf8(gexf_chunks(G, version)))
