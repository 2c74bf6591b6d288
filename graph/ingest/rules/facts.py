"""What the rules produce: facts in the ontology's terms, each with the sentence that says it."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal

from graph.ingest.resolution.entities import Entity


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
