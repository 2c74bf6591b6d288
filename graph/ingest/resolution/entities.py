"""The entities of one article: resolution of names to gazetteer IRIs or stable minted IRIs.

Within an article, a name seen once is the same node when it comes back as an acronym, a surname
("Singh") or another alias; across articles, the same name gives the same IRI (gazetteer first,
else a slug of the class and label), so one actor is one node.

Examples
--------
>>> from graph.ingest.resolution.gazetteer import Gazetteer
>>> table = EntityTable(Gazetteer.empty(), "abc123")
>>> person = table.resolve("Rajnath Singh", "Person")
>>> table.seen("Singh") is person
True
>>> str(table.resolve("U.S.", "Country").iri)
'https://w3id.org/defence-ties/resource/country/united-states'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from graph.ingest.language.text import normalise_label, slugify
from graph.ingest.resolution.gazetteer import Gazetteer
from graph.model.namespace import resource_iri

KIND = {
    "Person": "person",
    "Organisation": "organisation",
    "Country": "country",
    "Place": "place",
    "Agreement": "agreement",
    "Initiative": "initiative",
    "Mechanism": "mechanism",
    "TechnologyArea": "technology",
    "Meeting": "event",
    "Exercise": "event",
}
FAMILY = {
    "Meeting": "Event",
    "Exercise": "Event",
    "Agreement": "Framework",
    "Initiative": "Framework",
    "Mechanism": "Framework",
}
ACTORS = {"Person", "Organisation", "Country"}
EVENTS = {"Meeting", "Exercise"}
FRAMEWORKS = {"Agreement", "Initiative", "Mechanism"}


@dataclass(eq=False)
class Entity:
    """One node of the article's graph: its IRI, class, label and every surface form seen.

    ``label`` is the article's phrase, which the rules read; ``name`` is the node's one
    ``rdfs:label``, set when the article is read (:mod:`graph.ingest.naming`).
    """

    iri: URIRef
    cls: str
    label: str
    surfaces: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    known: bool = False
    name: str = ""


@dataclass
class EntityTable:
    """The entities of one article, found by any of their surface forms."""

    gazetteer: Gazetteer
    article_key: str
    entities: dict[URIRef, Entity] = field(default_factory=dict)
    _by_surface: dict[str, Entity] = field(default_factory=dict)

    def resolve(self, text: str, cls: str, *, unique: bool = False, label: str | None = None) -> Entity:
        """The entity ``text`` names: already seen, known to the gazetteer, or new.

        ``unique`` mints an article-specific IRI (an unnamed "project agreement" is not the same
        node as another article's).
        """
        found = None if unique else self.seen(text, cls)
        if found is None:
            found = self._from_gazetteer(text, cls) if not unique else None
        if found is None:
            slug = slugify(label or text) + (f"-{self.article_key[:10]}" if unique else "")
            iri = resource_iri(KIND[cls], slug)
            found = self.entities.get(iri) or Entity(iri, cls, label or text)
            acronym = initials(text) if cls == "Organisation" else ""
            if acronym:  # "National Security Guard" ... "the NSG": its initials name it
                self._by_surface.setdefault(normalise_label(acronym), found)
        self._register(found, text)
        return found

    def seen(self, text: str, cls: str | None = None) -> Entity | None:
        """An entity of this article named ``text`` (or whose surname it is)."""
        found = self._by_surface.get(normalise_label(text))
        if found is not None and (cls is None or _family(found.cls) == _family(cls)):
            return found
        return None

    def alias(self, entity: Entity, text: str) -> None:
        """Record another surface form (an acronym in parentheses, a short name)."""
        self._register(entity, text)

    def _from_gazetteer(self, text: str, cls: str) -> Entity | None:
        known = self.gazetteer.lookup(text)
        if known is None or _family(known.cls) != _family(cls):
            return None
        return self.entities.get(known.iri) or Entity(known.iri, known.cls, known.label, known=True)

    def _register(self, entity: Entity, text: str) -> None:
        self.entities.setdefault(entity.iri, entity)
        entity.surfaces.add(text)
        self._by_surface.setdefault(normalise_label(text), entity)
        if entity.cls == "Person":
            surname = text.rsplit(maxsplit=1)[-1] if text.split() else text
            self._by_surface.setdefault(normalise_label(surname), entity)


def initials(name: str) -> str:
    """The acronym a body's capitalised words make: "National Security Guard" -> "NSG".

    >>> initials("Defence Research and Development Organisation"), initials("Navy")
    ('DRDO', '')
    """
    letters = [w[0] for w in name.split() if w[:1].isupper()]
    return "".join(letters) if len(letters) >= 3 else ""


def _family(cls: str) -> str:
    return FAMILY.get(cls, cls)


@dataclass(frozen=True)
class Mention:
    """A span of tokens ``[start, end)`` naming ``entity``; ``role`` "post" marks names inside a
    person's post ("US" in "US Secretary of War"), which are never arguments of relations."""

    start: int
    end: int
    entity: Entity
    role: str = ""
