"""Validation: whether a graph meets the SHACL shapes of ``ontology/shapes.ttl``.

pySHACL for one graph with its readable report (:mod:`.shacl`) and for many graphs in one run
(:mod:`.batch`); a compiled check that gives pySHACL's verdict in plain Python (:mod:`.compiled`,
over the shapes read by :mod:`.shapes` and the value rules of :mod:`.values`).

May import: :mod:`graph.errors` and :mod:`graph.model`. Never the store, lookups, export or ingest:
it judges graphs, wherever they come from.
"""

from __future__ import annotations

from graph.validation.batch import failing_graphs
from graph.validation.compiled import ShapeChecker, compile_shapes, mixed_in
from graph.validation.shacl import ValidationReport, check_graph, validate_graph

__all__ = ["ShapeChecker", "ValidationReport", "check_graph", "compile_shapes", "failing_graphs", "mixed_in",
           "validate_graph"]
