"""The gazetteer of known actors: canonical IRIs, classes, labels and aliases.

It is read from ``data/gazetteer.ttl`` (any Turtle file in the same shape) and kept whole as the
background graph; only its labels and classes are used to recognise and resolve names. Built-in
countries and technology areas from :mod:`graph.ingest.language.lexicon` fill gaps, so extraction works
(less well) with an empty gazetteer.

Examples
--------
>>> gaz = Gazetteer.empty()
>>> gaz.lookup("U.S.").label
'United States'
>>> gaz.lookup("hypersonic weapons").cls
'TechnologyArea'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from graph.ingest.language.lexicon import COUNTRIES
from graph.ingest.language.technology_words import PLATFORM_FAMILY_WORDS, PLATFORM_KIND_WORDS, TECHNOLOGY
from graph.ingest.language.text import normalise_label
from graph.model.namespace import DT, resource_iri
from graph.model.rdfio import parse_file

CLASSES = (
    "Person",
    "Organisation",
    "Country",
    "Place",
    "Meeting",
    "Exercise",
    "Agreement",
    "Initiative",
    "Mechanism",
    "TechnologyArea",
)


@dataclass(eq=False)
class KnownEntity:
    """One entry: its IRI, class (local name), preferred label and every alias."""

    iri: URIRef
    cls: str
    label: str
    aliases: set[str] = field(default_factory=set)


@dataclass(eq=False)
class Gazetteer:
    """Known entities indexed by normalised label, with the graph they came from."""

    graph: Graph
    entries: dict[URIRef, KnownEntity] = field(default_factory=dict)
    by_label: dict[str, KnownEntity] = field(default_factory=dict)

    @classmethod
    def empty(cls) -> Gazetteer:
        """Only the built-in countries and technology areas."""
        gazetteer = cls(Graph())
        gazetteer._add_builtins()
        return gazetteer

    @classmethod
    def load(cls, path: Path | None) -> Gazetteer:
        """Read a gazetteer file; a missing path gives the built-ins only."""
        if path is None or not path.exists():
            return cls.empty()
        return cls.from_graph(parse_file(path))

    @classmethod
    def from_graph(cls, graph: Graph) -> Gazetteer:
        """Index a gazetteer graph: typed resources and SKOS technology concepts."""
        gazetteer = cls(graph)
        for subject, klass in graph.subject_objects(RDF.type):
            name = _local_class(klass)
            if name is not None and isinstance(subject, URIRef):
                gazetteer._index(subject, name)
        for concept in graph.subjects(RDF.type, SKOS.Concept):
            if isinstance(concept, URIRef) and concept not in gazetteer.entries:
                gazetteer._index(concept, "TechnologyArea")
        gazetteer._drop_platforms()
        gazetteer._add_builtins()
        return gazetteer

    def lookup(self, text: str) -> KnownEntity | None:
        """The known entity one of whose labels equals ``text`` after normalisation."""
        return self.by_label.get(normalise_label(text))

    def surface_forms(self) -> list[tuple[str, KnownEntity]]:
        """Every (alias, entity) pair, for the phrase matcher."""
        return [(alias, entry) for entry in self.entries.values() for alias in sorted(entry.aliases)]

    def _index(self, iri: URIRef, cls: str) -> None:
        labels = [
            str(o) for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel) for o in self.graph.objects(iri, p)
        ]
        if not labels:
            return
        preferred = next((str(o) for o in self.graph.objects(iri, RDFS.label)), labels[0])
        self._add(KnownEntity(iri, cls, preferred, set(labels)))

    def _add(self, entry: KnownEntity) -> None:
        if entry.iri in self.entries:
            return
        self.entries[entry.iri] = entry
        for alias in entry.aliases:
            self.by_label.setdefault(normalise_label(alias), entry)

    def _drop_platforms(self) -> None:
        """Aircraft and weapon types ("P-8I", "Tejas", "Javelin", "Stryker") stay in the background
        graph but are no technology area an article can name: a concept is a platform when a broader
        concept is a family of aircraft or weapons and its own label names no family."""
        platforms = [
            entry
            for entry in self.entries.values()
            if entry.cls == "TechnologyArea"
            and not _names_family(entry.label)
            and any(_is_aircraft_family(self._label(b)) for b in self._ancestors(entry.iri))
        ]
        for entry in platforms:
            del self.entries[entry.iri]
            for alias in entry.aliases:
                if self.by_label.get(normalise_label(alias)) is entry:
                    del self.by_label[normalise_label(alias)]

    def _ancestors(self, iri: URIRef) -> set[URIRef]:
        found: set[URIRef] = set()
        todo = [iri]
        while todo:
            for broader in self.graph.objects(todo.pop(), SKOS.broader):
                if isinstance(broader, URIRef) and broader not in found:
                    found.add(broader)
                    todo.append(broader)
        return found

    def _label(self, iri: URIRef) -> str:
        return str(next(self.graph.objects(iri, RDFS.label), ""))

    def _add_builtins(self) -> None:
        for slug, (label, aliases) in COUNTRIES.items():
            if self.lookup(label) is None:
                self._add(KnownEntity(resource_iri("country", slug), "Country", label, set(aliases)))
        for slug, (label, aliases) in TECHNOLOGY.items():
            known = next((self.lookup(alias) for alias in aliases if self.lookup(alias)), None)
            if known is None:
                self._add(
                    KnownEntity(resource_iri("technology", slug), "TechnologyArea", label, set(aliases))
                )
            elif known.cls == "TechnologyArea":
                for alias in aliases:  # the curated surface forms name the gazetteer's concept
                    known.aliases.add(alias)
                    self.by_label.setdefault(normalise_label(alias), known)


def _is_aircraft_family(label: str) -> bool:
    return bool(PLATFORM_FAMILY_WORDS & set(label.lower().split()))


def _names_family(label: str) -> bool:
    # "Fifth-generation fighter aircraft", "Air-launched unmanned aerial vehicles": a kind, not a type
    words = label.lower().replace("-", " ").split()
    return bool(words) and words[-1] in PLATFORM_KIND_WORDS


def _local_class(klass: object) -> str | None:
    text = str(klass)
    base = str(DT.Person)[: -len("Person")]
    if not text.startswith(base):
        return None
    name = text[len(base) :]
    return name if name in CLASSES else None
