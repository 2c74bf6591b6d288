"""Neighbourhoods in the graph-file formats, through the exporters in :mod:`graph.export`.

The adapter between the lookup API and the property-graph projection (``graph.export.projection``) and
writers (``graph.export``): ``project(triples) -> networkx.MultiDiGraph`` and
``render(graph, fmt) -> bytes`` with ``MEDIA_TYPES[fmt]``. They are imported when first used, so
the JSON API works where the exporters are not installed.
"""

from __future__ import annotations

import importlib

from graph.errors import UnsupportedFormatError
from graph.lookups.neighbourhood import Neighbourhood

GRAPH_FORMATS = ("cytoscape", "nodelink", "graphml", "gexf", "dot")


def render_neighbourhood(found: Neighbourhood, fmt: str) -> tuple[bytes, str]:
    """The neighbourhood written as ``fmt``, with its media type."""
    try:
        projection = importlib.import_module("graph.export.projection")
        export = importlib.import_module("graph.export")
    except ImportError as exc:
        raise UnsupportedFormatError(
            f"format={fmt}: the graph exporters (graph.export) are not installed") from exc
    if fmt not in export.EXPORT_FORMATS:
        raise UnsupportedFormatError(f"format={fmt}: the exporters do not write this format")
    graph = projection.project(found.triples)
    body: bytes = export.render(graph, fmt)
    media_type: str = export.MEDIA_TYPES[fmt]
    return body, media_type
