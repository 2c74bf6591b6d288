"""One entity's page: what it is, what it is called, what it is linked to, and who says so.

Three bounded sub-queries sent in one request, whatever the size of the store: the entity's own
triples, its edges with the other end's label and types (grouped per named graph, so every edge
knows the graphs that hold it), and the evidence sentences (:func:`edge_evidence`). The request is
a plan (:mod:`graph.lookups.plans`): :func:`entity_page` sends it with the store's ordinary client,
:func:`aentity_page` from async code without a thread.

Examples
--------
>>> import tempfile
>>> from graph.store import open_store
>>> folder = tempfile.TemporaryDirectory()
>>> store = open_store(folder.name)
>>> store.put_graph_data("https://w3id.org/defence-ties/graph/article/a1", b'''
... @prefix dt: <https://w3id.org/defence-ties/ontology#> .
... @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
... @prefix oa: <http://www.w3.org/ns/oa#> .
... @prefix person: <https://w3id.org/defence-ties/resource/person/> .
... @prefix event: <https://w3id.org/defence-ties/resource/event/> .
... <https://w3id.org/defence-ties/graph/article/a1> <http://purl.org/dc/terms/title> "Talks held" .
... event:talks dt:participant person:a .
... person:a a dt:Person ; <http://www.w3.org/2000/01/rdf-schema#label> "A" .
... [] a rdf:Statement ; rdf:subject event:talks ; rdf:predicate dt:participant ; rdf:object person:a ;
...    oa:exact "A took part in the talks." ; oa:start 0 ; oa:end 25 .
... ''', "text/turtle")
>>> page = entity_page(store, "person/a")
>>> [(e.direction, e.predicate.split("#")[1], e.other.rsplit("/", 1)[1]) for e in page.edges]
[('in', 'participant', 'talks')]
>>> [(ev.title, ev.sentence, ev.start) for ev in page.edges[0].evidence]
[('Talks held', 'A took part in the talks.', 0)]
>>> store.close(); folder.cleanup()
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, SKOS, Literal, URIRef

from graph.errors import NotFoundError
from graph.lookups.plans import Limits, Plan, arun_plan, run_plan
from graph.model.terms import EDGE_PREDICATES, entity_iri, short_id, sparql_iri, sparql_values
from graph.store import Store
from graph.store.tsv import cell_text, row_terms, row_texts, tsv_named_cells

DCTERMS_TITLE = "http://purl.org/dc/terms/title"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
MAX_EVIDENCE = 2000
DEFAULT_MAX_EDGES = 500


@dataclass(frozen=True)
class Evidence:
    """A source of an edge: the article (named graph) and, when recorded, the sentence and its offsets."""

    graph: str
    title: str | None = None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Edge:
    """A link from or to the entity; ``other`` is the far end."""

    direction: str  # "out": entity -> other; "in": other -> entity
    predicate: str
    other: str
    other_label: str | None
    other_types: list[str]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class EntityPage:
    """Everything :func:`entity_page` knows about one entity."""

    iri: str
    types: list[str]
    labels: list[Literal]
    aliases: list[Literal]
    attributes: dict[str, list[Literal]]
    edges: list[Edge]
    truncated: bool


def entity_page(store: Store, entity_id: str, *, max_edges: int = DEFAULT_MAX_EDGES) -> EntityPage:
    """The page of the entity named by ``entity_id`` (short id or IRI); :class:`NotFoundError` if none."""
    return run_plan(store, _page_plan(entity_id, max_edges))


async def aentity_page(store: Store, entity_id: str, *, limits: Limits,
                       max_edges: int = DEFAULT_MAX_EDGES) -> EntityPage:
    """:func:`entity_page` for async callers: no thread, the query bounded by ``limits``."""
    return await arun_plan(store, _page_plan(entity_id, max_edges), limits)


def _page_plan(entity_id: str, max_edges: int) -> Plan[EntityPage]:
    iri = entity_iri(entity_id)
    ref = sparql_iri(str(iri), "id")
    # One round trip: the three parts as sub-queries of a UNION, told apart by ?part.
    parts: dict[str, list[dict[str, str]]] = {"own": [], "edge": [], "evidence": []}
    text = yield (f"SELECT * WHERE {{ {{ {_own_query(ref)} }} UNION "
                  f"{{ {_edges_query(ref, max_edges)} }} UNION {{ {_evidence_query(ref)} }} }}")
    for cells in tsv_named_cells(text):
        parts[cell_text(cells.pop("part"))].append(cells)
    # Only the entity's own values are kept as rdflib terms; edges and evidence are read as text
    # (building a term per cell took two thirds of this function's time).
    own = [row_terms(cells) for cells in parts["own"]]
    edge_rows = [row_texts(cells) for cells in parts["edge"]]
    # Sorted here too: a UNION need not keep its sub-query's ORDER BY.
    edge_rows.sort(key=lambda r: (r["dir"], r["p"], r["other"]))
    if not own and not edge_rows:
        raise NotFoundError(f"no entity {short_id(str(iri))!r} in the store")
    types = sorted({str(r["o"]) for r in own if r["p"] == RDF.type})
    literals: dict[str, list[Literal]] = defaultdict(list)
    for row in own:
        if isinstance(row["o"], Literal):
            literals[str(row["p"])].append(row["o"])
    labels = literals.pop(str(RDFS.label), [])
    aliases = literals.pop(str(SKOS.altLabel), [])
    evidence = _evidence_map([row_texts(cells) for cells in parts["evidence"]])
    edges = _edges(iri, edge_rows[:max_edges], evidence)
    return EntityPage(iri=str(iri), types=types, labels=labels, aliases=aliases,
                      attributes=dict(literals), edges=edges, truncated=len(edge_rows) > max_edges)


def _own_query(ref: str) -> str:
    return f"SELECT DISTINCT ('own' AS ?part) ?p ?o WHERE {{ {ref} ?p ?o }}"


def _edges_query(ref: str, max_edges: int) -> str:
    return (
        f"SELECT ('edge' AS ?part) ?dir ?p ?other (SAMPLE(?l) AS ?label) "
        f"(GROUP_CONCAT(DISTINCT STR(?t); separator=' ') AS ?types) "
        # Each source graph with its title, "graph<TAB>title", one per line.
        f"(GROUP_CONCAT(DISTINCT CONCAT(STR(?g), '\\t', COALESCE(STR(?gt), '')); separator='\\n') "
        f"AS ?graphs) WHERE {{ {sparql_values('p', EDGE_PREDICATES)} "
        f"{{ GRAPH ?g {{ {ref} ?p ?other }} BIND('out' AS ?dir) }} UNION "
        f"{{ GRAPH ?g {{ ?other ?p {ref} }} BIND('in' AS ?dir) }} "
        f"OPTIONAL {{ ?other <{RDFS.label}> ?l }} OPTIONAL {{ ?other a ?t }} "
        f"OPTIONAL {{ GRAPH ?g {{ ?g <{DCTERMS_TITLE}> ?gt }} }} "
        f"}} GROUP BY ?dir ?p ?other ORDER BY ?dir ?p ?other LIMIT {max_edges + 1}"
    )


EvidenceMap = dict[tuple[str, str, str], list[Evidence]]


def edge_evidence(store: Store, iri: URIRef) -> EvidenceMap:
    """Sentences supporting the edges of ``iri``, by ``(subject, predicate, object)``.

    Evidence is read as the ingester writes it: an ``rdf:Statement`` in the article's named graph
    with ``rdf:subject``, ``rdf:predicate`` and ``rdf:object``, the sentence in ``oa:exact`` (or
    ``prov:value``), its character offsets in ``oa:start`` and ``oa:end``, and the article in
    ``prov:wasDerivedFrom`` (else the named graph), titled by ``dcterms:title``. Only this function
    and the query and reader it uses know that representation.
    """
    return _evidence_map(store.select(_evidence_query(sparql_iri(str(iri), "id"))))


def _evidence_query(ref: str) -> str:
    return (
        f"SELECT DISTINCT ('evidence' AS ?part) ?article ?s ?p ?o ?sentence ?start ?end ?title "
        f"WHERE {{ GRAPH ?g {{ "
        f"{{ ?st <{RDF.subject}> {ref} ; <{RDF.predicate}> ?p ; <{RDF.object}> ?o BIND({ref} AS ?s) }} "
        f"UNION {{ ?st <{RDF.object}> {ref} ; <{RDF.predicate}> ?p ; <{RDF.subject}> ?s BIND({ref} AS ?o) }} "
        f"OPTIONAL {{ ?st <{OA}exact> ?exact }} OPTIONAL {{ ?st <{PROV}value> ?value }} "
        f"OPTIONAL {{ ?st <{OA}start> ?start }} OPTIONAL {{ ?st <{OA}end> ?end }} "
        f"OPTIONAL {{ ?st <{PROV}wasDerivedFrom> ?source }} }} "
        f"BIND(COALESCE(?exact, ?value) AS ?sentence) BIND(COALESCE(?source, ?g) AS ?article) "
        f"OPTIONAL {{ GRAPH ?article {{ ?article <{DCTERMS_TITLE}> ?title }} }} }} LIMIT {MAX_EVIDENCE}"
    )


def _evidence_map(rows: Sequence[Mapping[str, object]]) -> EvidenceMap:
    # Rows of terms (Store.select) or of their texts (the page's TSV): only str() of each is read.
    found: EvidenceMap = defaultdict(list)
    for row in rows:
        key = (str(row["s"]), str(row["p"]), str(row["o"]))
        found[key].append(Evidence(graph=str(row["article"]), title=_text(row.get("title")),
                                   sentence=_text(row.get("sentence")),
                                   start=_int(row.get("start")), end=_int(row.get("end"))))
    return found


def _edges(iri: URIRef, rows: list[dict[str, str]], evidence: EvidenceMap) -> list[Edge]:
    edges = []
    for row in rows:
        titles = dict(_graph_and_title(line) for line in str(row.get("graphs", "")).split("\n") if line)
        graphs = sorted(titles)
        other, predicate, direction = str(row["other"]), str(row["p"]), str(row["dir"])
        key = (str(iri), predicate, other) if direction == "out" else (other, predicate, str(iri))
        with_sentence = evidence.get(key, [])
        quoted = {ev.graph for ev in with_sentence}
        # Graphs that hold the edge without a recorded sentence still support it.
        plain = [Evidence(graph=g, title=titles.get(g)) for g in graphs if g not in quoted]
        edges.append(Edge(direction=direction, predicate=predicate, other=other,
                          other_label=_text(row.get("label")),
                          other_types=str(row.get("types", "")).split(),
                          evidence=with_sentence + plain))
    return edges


def _graph_and_title(line: str) -> tuple[str, str | None]:
    graph, _, title = line.partition("\t")
    return graph, title or None


def _text(term: object) -> str | None:
    return None if term is None else str(term)


def _int(term: object) -> int | None:
    return None if term is None else int(str(term))


@dataclass(frozen=True)
class Brief:
    """An entity's preferred label (if any) and types, for lists of results."""

    label: str | None
    types: list[str]


def briefs(store: Store, iris: list[str]) -> dict[str, Brief]:
    """Label and types of each IRI, in one query."""
    if not iris:
        return {}
    rows = store.select(
        f"SELECT ?s (SAMPLE(?l) AS ?label) (GROUP_CONCAT(DISTINCT STR(?t); separator=' ') AS ?types) "
        f"WHERE {{ {sparql_values('s', iris)} OPTIONAL {{ ?s <{RDFS.label}> ?l }} "
        f"OPTIONAL {{ ?s a ?t }} }} GROUP BY ?s"
    )
    return {str(r["s"]): Brief(label=_text(r.get("label")), types=str(r.get("types", "")).split())
            for r in rows}
