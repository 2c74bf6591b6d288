"""Response models of the lookup API (they document the answers in the OpenAPI schema).

Each model is built from what :mod:`graph` returns by one ``from_...`` classmethod, so that the
handlers only call the library and hand its answer over.
"""

from __future__ import annotations

from pydantic import BaseModel, Field
from rdflib import Literal

from graph.lookups.analytics import Ranking
from graph.lookups.entity import Brief, Edge, EntityPage, Evidence
from graph.lookups.paths import Hop, PathsResult
from graph.lookups.search import SearchHit
from graph.lookups.summary import StoreSummary
from graph.lookups.timeline import Timeline, TimelineEntry
from graph.model.terms import short_id


class Value(BaseModel):
    """A literal: its text, datatype IRI and language tag."""

    value: str
    datatype: str | None = None
    lang: str | None = None

    @classmethod
    def of(cls, literal: Literal) -> Value:
        datatype = str(literal.datatype) if literal.datatype else None
        return cls(value=str(literal), datatype=datatype, lang=literal.language)


class EntityRef(BaseModel):
    """An entity in a list: its short id, IRI, preferred label and classes."""

    id: str = Field(description="Short id (`person/rajnath-singh`) or the IRI for non-resources.")
    iri: str
    label: str | None = None
    types: list[str] = []

    @classmethod
    def of(cls, iri: str, label: str | None, types: list[str]) -> EntityRef:
        return cls(id=short_id(iri), iri=iri, label=label, types=types)


class SearchResult(EntityRef):
    """A search hit: the name that matched and a score out of 100."""

    matched: str
    score: float

    @classmethod
    def from_hit(cls, hit: SearchHit) -> SearchResult:
        return cls(id=short_id(hit.iri), iri=hit.iri, label=hit.label, types=list(hit.types),
                   matched=hit.matched, score=hit.score)


class SearchResults(BaseModel):
    """Entities whose label or alias matches ``query``, best first."""

    query: str
    results: list[SearchResult]


class Source(BaseModel):
    """Where an edge comes from: the article (its named graph), its title, the sentence and offsets."""

    graph: str
    title: str | None = None
    sentence: str | None = None
    start: int | None = Field(None, description="Character offset of the sentence in the article.")
    end: int | None = None

    @classmethod
    def of(cls, evidence: Evidence) -> Source:
        return cls(graph=evidence.graph, title=evidence.title, sentence=evidence.sentence,
                   start=evidence.start, end=evidence.end)


class EntityEdge(BaseModel):
    """An edge of the entity: the predicate, the entity at the other end, its sources."""

    predicate: str
    other: EntityRef
    sources: list[Source]

    @classmethod
    def of(cls, edge: Edge) -> EntityEdge:
        return cls(predicate=edge.predicate,
                   other=EntityRef.of(edge.other, edge.other_label, edge.other_types),
                   sources=[Source.of(ev) for ev in edge.evidence])


class Entity(BaseModel):
    """One entity's page."""

    id: str
    iri: str
    types: list[str]
    labels: list[Value]
    aliases: list[Value]
    attributes: dict[str, list[Value]]
    outgoing: list[EntityEdge]
    incoming: list[EntityEdge]
    truncated: bool = Field(description="True when the edge limit left edges out.")

    @classmethod
    def from_page(cls, page: EntityPage) -> Entity:
        return cls(
            id=short_id(page.iri), iri=page.iri, types=page.types,
            labels=[Value.of(v) for v in page.labels], aliases=[Value.of(v) for v in page.aliases],
            attributes={p: [Value.of(v) for v in vs] for p, vs in page.attributes.items()},
            outgoing=[EntityEdge.of(e) for e in page.edges if e.direction == "out"],
            incoming=[EntityEdge.of(e) for e in page.edges if e.direction == "in"],
            truncated=page.truncated)


class GraphNode(EntityRef):
    """A node of a neighbourhood with its literal attributes."""

    attributes: dict[str, list[Value]] = {}


class GraphEdge(BaseModel):
    """A directed edge ``source --predicate--> target`` (IRIs)."""

    source: str
    predicate: str
    target: str


class NeighbourhoodGraph(BaseModel):
    """The subgraph around ``centre``; ``truncated`` when ``limit`` cut it."""

    centre: str
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool


class PathHop(BaseModel):
    """One hop: ``from`` to ``to`` along ``predicate``; ``forward`` if the triple runs that way."""

    from_: EntityRef = Field(alias="from")
    predicate: str
    to: EntityRef
    direction: str = Field(description="`forward`: from -predicate-> to; `backward`: to -predicate-> from.")

    model_config = {"populate_by_name": True}


class Path(BaseModel):
    """One connection, hop by hop."""

    length: int
    hops: list[PathHop]


class Paths(BaseModel):
    """The shortest connections between two entities."""

    from_: EntityRef = Field(alias="from")
    to: EntityRef
    paths: list[Path]
    complete: bool = Field(description="False when a hub's frontier was cut: a path may be missing.")
    truncated: bool = Field(description="True when more shortest paths exist than `limit`.")

    model_config = {"populate_by_name": True}

    @classmethod
    def from_result(cls, result: PathsResult, briefs: dict[str, Brief]) -> Paths:
        def ref(iri: str) -> EntityRef:
            brief = briefs.get(iri, Brief(None, []))
            return EntityRef.of(iri, brief.label, brief.types)

        def hop(h: Hop) -> PathHop:
            return PathHop(from_=ref(h.source), predicate=h.predicate, to=ref(h.target),
                           direction=h.direction)

        return cls(from_=ref(result.source), to=ref(result.target),
                   paths=[Path(length=len(p), hops=[hop(h) for h in p]) for p in result.paths],
                   complete=result.complete, truncated=result.truncated)


class TimelineItem(EntityRef):
    """An event (`kind=event`) or a signing (`kind=signing`) with its ISO date."""

    kind: str
    date: str
    end_date: str | None = None

    @classmethod
    def from_entry(cls, entry: TimelineEntry) -> TimelineItem:
        return cls(id=short_id(entry.iri), iri=entry.iri, label=entry.label, types=entry.types,
                   kind=entry.kind, date=entry.date, end_date=entry.end_date)


class TimelineList(BaseModel):
    """Events and signings in date order."""

    items: list[TimelineItem]
    truncated: bool

    @classmethod
    def from_timeline(cls, found: Timeline) -> TimelineList:
        return cls(items=[TimelineItem.from_entry(e) for e in found.entries], truncated=found.truncated)


class Ranked(EntityRef):
    """An entity with its rank (1 = most central) and score."""

    rank: int
    score: float


class Rankings(BaseModel):
    """The most central entities by ``metric`` over the entity graph (``nodes``, ``edges``)."""

    metric: str
    nodes: int
    edges: int
    computed_in_s: float = Field(description="Time the cached computation took.")
    entries: list[Ranked]

    @classmethod
    def from_ranking(cls, ranking: Ranking, briefs: dict[str, Brief]) -> Rankings:
        entries = []
        for rank, (iri, score) in enumerate(ranking.entries, start=1):
            brief = briefs.get(iri, Brief(None, []))
            entries.append(Ranked(id=short_id(iri), iri=iri, label=brief.label, types=brief.types,
                                  rank=rank, score=score))
        return cls(metric=ranking.metric, nodes=ranking.nodes, edges=ranking.edges,
                   computed_in_s=round(ranking.computed_in_s, 3), entries=entries)


class Stats(BaseModel):
    """What the store holds (the ontology graph left out of the class and predicate counts)."""

    triples: int
    graphs: int
    articles: int
    classes: dict[str, int] = Field(description="Entities per `dt:` class (local names).")
    predicates: dict[str, int] = Field(description="Triples per predicate IRI.")
    last_ingest: str | None = Field(description="Latest ingest time recorded on an article, if any.")
    latest_article: str | None = Field(description="Latest `dcterms:issued` of an article.")

    @classmethod
    def from_summary(cls, summary: StoreSummary) -> Stats:
        return cls(triples=summary.triples, graphs=summary.graphs, articles=summary.articles,
                   classes=summary.classes, predicates=summary.predicates,
                   last_ingest=summary.last_ingest, latest_article=summary.latest_article)
