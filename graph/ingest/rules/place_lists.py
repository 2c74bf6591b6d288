"""Names in a list of places are places, even when a person has the same name.

Part of the rule catalogue, run on the mentions before the sentence rules. Bases and stations are
often named after people ("Air Force Station Arjan Singh", "Camp Lejeune"), so a person's name
can stand for a place:

* "Arjan Singh (Panagarh)": a name followed by a place in parentheses is that place;
* "the air force stations at Kalaikunda and Arjan Singh": a name joined by "and" or a comma to a
  place after "at"/"in"/"from" is a place of the same list;
* "signed at the Pentagon": a body named after its building ("the Pentagon said") is the building
  after "at", "inside", "outside", when the gazetteer knows the building ("Pentagon building");
* "the Asia-Pacific": a place name is matched whole or not at all, never as one half of a
  hyphenated compound ("Pacific" in "Asia-Pacific" is not the Pacific Ocean).

Examples
--------
>>> from rdflib import Graph
>>> from graph.ingest.extract import extract_text
>>> from graph.ingest.resolution.gazetteer import Gazetteer
>>> known = Gazetteer.from_graph(Graph().parse(format="turtle", data='''
...     <https://w3id.org/defence-ties/resource/person/lalit-kumar>
...     a <https://w3id.org/defence-ties/ontology#Person> ;
...     <http://www.w3.org/2000/01/rdf-schema#label> "Lalit Kumar" .
...     <https://w3id.org/defence-ties/resource/place/jodhpur>
...     a <https://w3id.org/defence-ties/ontology#Place> ;
...     <http://www.w3.org/2000/01/rdf-schema#label> "Jodhpur" .'''))
>>> result = extract_text("The jets flew from the air bases at Jodhpur and Lalit Kumar.", gazetteer=known)
>>> sorted((e.cls, e.label) for e in result.entities if "Kumar" in e.label)
[('Place', 'Lalit Kumar')]
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.ingest.language.tokens import words_of
from graph.ingest.resolution.entities import EntityTable, Mention
from graph.ingest.rules.rulebook import rule

LIST_CUES = {"at", "in", "from", "near"}
# "the air force stations at X and Y": only a list governed by a noun for sites is one of places
# ("talks in Delhi and Rajnath Singh said" is not).
SITE_NOUNS = {
    "station", "stations", "base", "bases", "airbase", "airbases", "airfield", "airfields", "port",
    "ports", "cantonment", "cantonments", "camp", "camps", "ranges", "locations", "sites", "venues",
}
JOINS = {"and", ",", "or"}


@rule(
    "A person's name in a list of bases is a place ('the air bases at Jodhpur and Lalit Kumar "
    "(Phalodi)'); half a hyphenated compound ('Asia-Pacific') is no place; 'at the Pentagon' is "
    "the building.",
    "The 4th edition of Exercise Desert Knight was held at Jodhpur on 3 May 2026, with jets flown "
    "from the air bases at Jodhpur and Jaisalmer.",
    ("4th edition of Exercise Desert Knight", "location", "Jodhpur"),
)
def places_of_lists(s: object) -> None:
    """Applied by :func:`places_in_lists` before the sentence rules."""


def places_in_lists(doc: Doc, mentions: list[Mention], table: EntityTable) -> list[Mention]:
    """Person mentions that are members of a list of places become place mentions."""
    out = [m for m in mentions if not _half_of_compound(doc, m)]
    out = [_building(doc, m, table) for m in out]
    for dropped in {m.entity for m in mentions} - {m.entity for m in out}:
        table.entities.pop(dropped.iri, None)
    for index, m in enumerate(out):
        if m.entity.cls != "Person" or m.role:
            continue
        bracketed = _bracketed_place(doc, out, index, table)
        if bracketed is not None:
            place = table.resolve(doc[bracketed.start : bracketed.end].text, "Place")
            out[index] = Mention(m.start, m.end, place)
            out[index + 1] = Mention(bracketed.start, bracketed.end, place)
            table.alias(place, doc[m.start : m.end].text)
        elif _listed_with_place(doc, out, index):
            out[index] = Mention(m.start, m.end, table.resolve(doc[m.start : m.end].text, "Place"))
        else:
            continue
        if not any(other.entity is m.entity for other in out):
            table.entities.pop(m.entity.iri, None)
    return out


BUILDING_CUES = {"at", "inside", "outside"}


def _building(doc: Doc, m: Mention, table: EntityTable) -> Mention:
    # "signed at the Pentagon": the building the department is named after
    if m.entity.cls != "Organisation":
        return m
    lower = words_of(doc).lower
    k = m.start - 1 - (m.start > 0 and lower[m.start - 1] == "the")
    if k < 0 or lower[k] not in BUILDING_CUES:
        return m
    known = table.gazetteer.lookup(f"{doc[m.start : m.end].text} building")
    if known is None or known.cls != "Place":
        return m
    place = table.resolve(known.label, "Place")
    table.alias(place, doc[m.start : m.end].text)
    return Mention(m.start, m.end, place, m.role)


def _half_of_compound(doc: Doc, m: Mention) -> bool:
    # "Asia-Pacific": a hyphen joined to the name on either side, with no space
    if m.entity.cls != "Place":
        return False
    text, spaced = words_of(doc).text, words_of(doc).spaced
    before = m.start >= 2 and text[m.start - 1] == "-" and not spaced[m.start - 2]
    after = m.end + 1 < len(text) and text[m.end] == "-" and not spaced[m.end - 1]
    return (before and not spaced[m.start - 1]) or (after and not spaced[m.end])


def _bracketed_place(doc: Doc, mentions: list[Mention], index: int, table: EntityTable) -> Mention | None:
    # "Arjan Singh (Panagarh)": the bracketed name is a place (the mention may already be aliased
    # to the person, as an acronym in brackets is)
    m = mentions[index]
    after = mentions[index + 1] if index + 1 < len(mentions) else None
    if after is None or m.end >= len(doc) or doc[m.end].text != "(":
        return None
    known = table.gazetteer.lookup(doc[after.start : after.end].text)
    if after.entity.cls != "Place" and (known is None or known.cls != "Place"):
        return None
    closes = after.end < len(doc) and doc[after.end].text == ")"
    return after if after.start == m.end + 1 and closes else None


def _listed_with_place(doc: Doc, mentions: list[Mention], index: int) -> bool:
    # "stations at Kalaikunda, Hasimara and Arjan Singh": places joined by "and"/"," back to the cue
    start = mentions[index].start
    for before in reversed(mentions[:index]):
        if before.entity.cls != "Place" or before.end != start - 1 or doc[start - 1].lower_ not in JOINS:
            break
        start = before.start
        cue = start - 1
        if cue > 0 and doc[cue].lower_ in LIST_CUES:
            return bool(SITE_NOUNS & {t.lower_ for t in doc[max(0, cue - 3) : cue]})
    return False
