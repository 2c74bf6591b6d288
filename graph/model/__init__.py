"""The model: what the graph is made of, before anything is stored.

The ontology's terms and the project's IRI bases (:mod:`.namespace`), where the ontology and
shapes files live (:mod:`.ontology`), entity ids and safe SPARQL fragments (:mod:`.terms`), and
the RDF formats the project reads and writes (:mod:`.rdfio`).

May import: :mod:`graph.errors` only. Every other package of ``graph`` builds on this one.
"""

from __future__ import annotations

from graph.model.namespace import DT, GAZETTEER_GRAPH, GRAPH, ONTOLOGY_GRAPH, RESOURCE, SCHEMA, resource_iri
from graph.model.ontology import ONTOLOGY_FILE, SHAPES_FILE, ontology_graph, shapes_graph
from graph.model.rdfio import FORMATS, format_by_name, format_for_path, parse_dataset_file, parse_file
from graph.model.terms import EDGE_PREDICATES, entity_iri, short_id, sparql_iri

__all__ = [
    "DT",
    "EDGE_PREDICATES",
    "FORMATS",
    "GAZETTEER_GRAPH",
    "GRAPH",
    "ONTOLOGY_FILE",
    "ONTOLOGY_GRAPH",
    "RESOURCE",
    "SCHEMA",
    "SHAPES_FILE",
    "entity_iri",
    "format_by_name",
    "format_for_path",
    "ontology_graph",
    "parse_dataset_file",
    "parse_file",
    "resource_iri",
    "shapes_graph",
    "short_id",
    "sparql_iri",
]
