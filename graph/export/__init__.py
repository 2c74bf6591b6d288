"""Writers of the property graph (:func:`graph.export.projection.project`) for graph viewers.

The store's triples (:mod:`.source`) become a property graph (:mod:`.projection`), written by
one module per format; :func:`render` gives bytes (for HTTP answers), :func:`write` a file that
appears whole or not at all (a temporary file renamed into place, :mod:`.files`). RDF
serialisations of a selection of triples are in :mod:`.rdf`.

May import: :mod:`graph.errors`, :mod:`graph.model` and :mod:`graph.store`. Never lookups,
validation or ingest.

========== ============================================== ======================================
format     file                                           opened by
========== ============================================== ======================================
graphml    GraphML 1.0                                    Cytoscape, yEd, igraph, graphology
gexf       GEXF 1.3                                       Gephi, Gephi Lite, sigma.js (graphology)
gexf12     GEXF 1.2draft                                  older Gephi and tools
cytoscape  Cytoscape.js JSON (``elements``)               Cytoscape.js, Cytoscape desktop
nodelink   node-link JSON (``nodes``, ``links``)          D3, networkx
dot        Graphviz DOT                                   Graphviz
neo4j      zip of ``nodes.csv`` + ``relationships.csv``   ``neo4j-admin database import``
========== ============================================== ======================================

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_edge("a", "b", key="knows")
'knows'
>>> render(G, "nodelink")[:40]
b'{"directed":true,"multigraph":true,"grap'
>>> MEDIA_TYPES["gexf"]
'application/gexf+xml'
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import networkx as nx

from graph.errors import UnsupportedFormatError
from graph.export.cytoscape import cytoscape_bytes, cytoscape_data, write_cytoscape
from graph.export.dot import dot_bytes, dot_chunks, write_dot
from graph.export.files import utf8, write_chunks
from graph.export.gexf import gexf_bytes, gexf_chunks, write_gexf
from graph.export.graphml import graphml_bytes, graphml_chunks, write_graphml
from graph.export.neo4j import neo4j_csv, neo4j_zip, write_neo4j_csv
from graph.export.nodelink import node_link_data, nodelink_bytes, write_nodelink

__all__ = [
    "EXPORT_FORMATS", "FILE_EXTENSIONS", "MEDIA_TYPES", "cytoscape_data", "neo4j_csv",
    "node_link_data", "render", "write", "write_cytoscape", "write_dot", "write_gexf",
    "write_graphml", "write_neo4j_csv", "write_nodelink",
]

EXPORT_FORMATS: tuple[str, ...] = ("graphml", "gexf", "gexf12", "cytoscape", "nodelink", "dot", "neo4j")

MEDIA_TYPES: dict[str, str] = {
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "gexf12": "application/gexf+xml",
    "cytoscape": "application/json",
    "nodelink": "application/json",
    "dot": "text/vnd.graphviz",
    "neo4j": "application/zip",
}

FILE_EXTENSIONS: dict[str, str] = {
    "graphml": ".graphml", "gexf": ".gexf", "gexf12": ".gexf", "cytoscape": ".cyjs",
    "nodelink": ".json", "dot": ".dot", "neo4j": ".zip",
}

# Formats written as a stream of text chunks, so a large file is never held whole in memory.
_STREAMS: dict[str, Callable[[nx.MultiDiGraph], Iterator[str]]] = {
    "graphml": graphml_chunks,
    "gexf": gexf_chunks,
    "gexf12": lambda G: gexf_chunks(G, "1.2"),
    "dot": dot_chunks,
}

_RENDERERS: dict[str, Callable[[nx.MultiDiGraph], bytes]] = {
    "graphml": graphml_bytes,
    "gexf": gexf_bytes,
    "gexf12": lambda G: gexf_bytes(G, version="1.2"),
    "cytoscape": cytoscape_bytes,
    "nodelink": nodelink_bytes,
    "dot": dot_bytes,
    "neo4j": neo4j_zip,
}


def _check(fmt: str) -> None:
    if fmt not in EXPORT_FORMATS:
        raise UnsupportedFormatError(
            f"cannot export a graph as {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")


def render(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    """``graph`` in format ``fmt`` (one of :data:`EXPORT_FORMATS`); neo4j is a zip of both CSVs."""
    _check(fmt)
    return _RENDERERS[fmt](graph)


def write(graph: nx.MultiDiGraph, fmt: str, path: Path) -> None:
    """Write ``graph`` in format ``fmt`` to ``path`` through a temporary file renamed into place.

    For ``neo4j``, a ``path`` ending in ``.zip`` gets the archive, any other path is a folder that
    receives ``nodes.csv`` and ``relationships.csv``. XML and DOT are streamed as they are written.
    """
    _check(fmt)
    path = Path(path)
    if fmt == "neo4j" and path.suffix.lower() != ".zip":
        write_neo4j_csv(graph, path)
        return
    stream = _STREAMS.get(fmt)
    write_chunks(path, utf8(stream(graph)) if stream else [_RENDERERS[fmt](graph)])
