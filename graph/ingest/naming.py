"""One name per node: the written rule that picks each entity's ``rdfs:label``.

Articles name the same node in many ways ("the 24th edition of Malabar", "24th edition of Exercise
Malabar", "the seventh meeting"); every article that mentions a node must write the same label for
it, or the graph shows two names for one thing. So the label is a function of what the node *is*,
never of the article's wording, and every phrase the article used stays an ``skos:altLabel``:

1. a node the gazetteer knows takes the gazetteer's label;
2. an edition of a series is named from the key of its IRI (:mod:`graph.ingest.identity`): its
   number, "India-US 2+2 Ministerial Dialogue, 2nd round", else its year, "Malabar 2024";
3. any other node takes the surface form whose slug made its IRI (so two articles that minted the
   same IRI chose between the same spellings), the most capitalised one, with a capital first
   letter ("memorandum of understanding" -> "Memorandum of understanding").

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> result = extract_text("The 24th edition of Exercise Malabar was held in the Bay of Bengal.")
>>> sorted(e.name for e in result.entities if e.cls == "Exercise")
['Exercise Malabar, 24th edition']
>>> ordinal(1), ordinal(2), ordinal(3), ordinal(11), ordinal(22), ordinal(113)
('1st', '2nd', '3rd', '11th', '22nd', '113th')
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Literal

from graph.ingest.language.text import slugify
from graph.ingest.resolution.entities import Entity
from graph.ingest.rules.facts import Fact

SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
# By a word of the series' name only: the class an article gives an edition can differ (an
# article that never says "exercise" reads Malabar's 24th edition as a meeting).
EDITION_NOUNS = (
    ("dialogue", "round"), ("group", "meeting"), ("committee", "meeting"), ("council", "meeting"),
    ("forum", "meeting"), ("board", "meeting"), ("meeting", "meeting"),
)


def settle_names(entities: Iterable[Entity], facts: Iterable[Fact]) -> None:
    """Set ``name`` on every entity by the rule above (series before their editions)."""
    series: dict[Entity, Entity] = {}
    numbers: dict[Entity, int] = {}
    for fact in facts:
        if fact.predicate == "partOfSeries" and isinstance(fact.obj, Entity):
            series.setdefault(fact.subject, fact.obj)
        elif fact.predicate == "ordinal" and isinstance(fact.obj, Literal):
            numbers.setdefault(fact.subject, int(fact.obj))
    entities = list(entities)
    for entity in entities:
        entity.name = own_name(entity)
    for entity in entities:
        if entity in series and not entity.known:
            entity.name = _edition(entity, series[entity], numbers.get(entity)) or entity.name


def _edition(event: Entity, series: Entity, number: int | None) -> str:
    key = str(event.iri).rsplit("/", 1)[-1].removeprefix(slugify(series.label) + "-")
    if len(key) == 4 and key.isdigit():
        return f"{series.name} {key}"  # keyed by year (graph.ingest.identity)
    return edition_name(series.name, number) if number is not None and key == str(number) else ""


def own_name(entity: Entity) -> str:
    """Rules 1 and 3: the gazetteer's label, else the spelling its IRI was minted from.

    >>> from rdflib import URIRef
    >>> mou = Entity(URIRef("urn:x/memorandum-of-understanding-0a1b"), "Agreement",
    ...              "memorandum of understanding", {"memorandum of understanding", "MoU"})
    >>> own_name(mou)
    'Memorandum of understanding'
    """
    if entity.known:
        return entity.label
    slug = str(entity.iri).rsplit("/", 1)[-1]
    spellings = [s for s in entity.surfaces | {entity.label} if _mints(slugify(s), slug)]
    best = max(spellings, key=_capitals_then_length, default=entity.label)
    return best[:1].upper() + best[1:]


def edition_name(series: str, number: int) -> str:
    """Rule 2: "Malabar, 24th edition".

    >>> edition_name("Exercise Tarkash", 7), edition_name("Defence Policy Group", 7)
    ('Exercise Tarkash, 7th edition', 'Defence Policy Group, 7th meeting')
    """
    words = series.lower().split()
    noun = next((noun for word, noun in EDITION_NOUNS if word in words), "edition")
    return f"{series}, {ordinal(number)} {noun}"


def ordinal(number: int) -> str:
    """The number as an English ordinal in digits."""
    suffix = "th" if 10 <= number % 100 <= 20 else SUFFIXES.get(number % 10, "th")
    return f"{number}{suffix}"


def _mints(surface_slug: str, iri_slug: str) -> bool:
    # An article-unique IRI is the slug followed by "-" and a key of the article.
    return iri_slug == surface_slug or iri_slug.startswith(surface_slug + "-")


def _capitals_then_length(spelling: str) -> tuple[int, int, str]:
    capitals = sum(1 for word in spelling.split() if word[:1].isupper())
    return capitals, len(spelling), spelling
