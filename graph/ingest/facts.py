"""What extraction produces: mentions of entities and facts with the sentence that says them."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal

from graph.ingest.entities import Entity


@dataclass(frozen=True)
class Mention:
    """A span of tokens ``[start, end)`` naming ``entity``; ``role`` "post" marks names inside a
    person's post ("US" in "US Secretary of War"), which are never arguments of relations."""

    start: int
    end: int
    entity: Entity
    role: str = ""


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact comes from, by character offsets into the article text, and the rule."""

    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class Fact:
    """One triple in the ontology's terms, with its evidence."""

    subject: Entity
    predicate: str
    obj: Entity | Literal
    evidence: Evidence

    def key(self) -> tuple[str, str, str]:
        """Identity of the triple, whatever the evidence."""
        obj = str(self.obj.iri) if isinstance(self.obj, Entity) else self.obj.n3()
        return (str(self.subject.iri), self.predicate, obj)
