"""A neighbourhood as the JSON of :class:`api.models.NeighbourhoodGraph`, straight from its statements.

The busiest lookup: building an rdflib term per cell and a pydantic model per node took more time
than the engine's queries, so the answer is written from the statements' cells as plain dicts
(the same fields in the same order as the model, which the route keeps for the OpenAPI schema).

Examples
--------
>>> from rdflib import URIRef
>>> from graph.lookups.neighbourhood import Neighbourhood
>>> a, b = "https://w3id.org/defence-ties/resource/person/a", "urn:b"
>>> found = Neighbourhood(URIRef(a), [URIRef(a), URIRef(b)], [
...     (a, "http://www.w3.org/2000/01/rdf-schema#label", '"A"@en'), (a, "urn:knows", f"<{b}>")], False)
>>> import json
>>> body = json.loads(neighbourhood_json(found))
>>> [(n["id"], n["label"]) for n in body["nodes"]], body["edges"][0]["target"]
([('person/a', 'A'), ('urn:b', None)], 'urn:b')
"""

from __future__ import annotations

from typing import Any

from pydantic_core import to_json

from graph.lookups.neighbourhood import RDF_TYPE, Neighbourhood
from graph.model.terms import short_id
from graph.store.tsv import literal_parts, term_from_tsv

LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
Json = dict[str, Any]


def neighbourhood_json(found: Neighbourhood) -> bytes:
    """The JSON body of the neighbourhood (``NeighbourhoodGraph``), nodes in ``found.nodes`` order."""
    members = set(map(str, found.nodes))
    types: dict[str, list[str]] = {}
    attributes: dict[str, dict[str, list[Json]]] = {}
    edges: list[Json] = []
    for s, p, o in found.statements:
        if p == RDF_TYPE:
            types.setdefault(s, []).append(o[1:-1] if o[0] == "<" else str(term_from_tsv(o)))
        elif o[0] not in "<_":
            value, datatype, lang = literal_parts(o)
            values = attributes.setdefault(s, {}).setdefault(p, [])
            values.append({"value": value, "datatype": datatype, "lang": lang})
        elif o[0] == "<" and o[1:-1] in members:
            edges.append({"source": s, "predicate": p, "target": o[1:-1]})
    nodes = [_node(str(node), types.get(str(node), []), attributes.get(str(node), {}))
             for node in found.nodes]
    return to_json({"centre": str(found.centre), "nodes": nodes, "edges": edges,
                    "truncated": found.truncated})


def _node(iri: str, types: list[str], attributes: dict[str, list[Json]]) -> Json:
    labels = attributes.get(LABEL)
    return {"id": short_id(iri), "iri": iri, "label": labels[0]["value"] if labels else None,
            "types": sorted(types), "attributes": attributes}
