"""Editions named by their series and year, and "It is the fourth edition" said of them.

Part of the rule catalogue, run on the mentions before the sentence rules:

* "Cope India 2018", "Malabar 2019": a known exercise series followed by a year is that year's
  edition (as "Exercise Yudh Abhyas 2025" is), whether or not "Exercise" comes before it;
* "It is the fourth edition of the series", "This was the 22nd edition", "The Navy describes it as
  the third edition", "Officials called it the 22nd edition": an unnamed edition that is the
  complement of "it is" (or of "describes it as", "called it") is the event named just before,
  not another one; its ordinal is that event's.

Examples
--------
>>> from rdflib import Graph
>>> from graph.ingest.extract import extract_text
>>> from graph.ingest.resolution.gazetteer import Gazetteer
>>> known = Gazetteer.from_graph(Graph().parse(format="turtle", data='''
...     <https://w3id.org/defence-ties/resource/mechanism/konkan>
...     a <https://w3id.org/defence-ties/ontology#Mechanism> ;
...     <http://www.w3.org/2000/01/rdf-schema#label> "Konkan" .'''))
>>> result = extract_text("The navies are midway through Konkan 2011, a naval exercise at Goa. It is "
...     "the fifth edition of the series.", gazetteer=known)
>>> sorted((f.subject.label, f.predicate, str(getattr(f.obj, "label", f.obj))) for f in result.facts
...        if f.predicate in ("ordinal", "location"))
[('Konkan 2011', 'location', 'Goa'), ('Konkan 2011', 'ordinal', '5')]
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from graph.ingest.language.tokens import words_of
from graph.ingest.resolution.entities import EVENTS, Entity, EntityTable, Mention
from graph.ingest.rules.facts import Evidence, Fact
from graph.ingest.rules.rulebook import rule

YEAR = re.compile(r"(19|20)\d\d")
EXERCISE_WORDS = {"exercise", "drill", "drills", "wargame", "war-game"}
COPULAS = {"is", "was"}
ANAPHORS = {"it", "this"}
DESCRIBES = {"describes", "described", "describe", "bills", "billed"}
CALLS = {"calls", "called", "call", "terms", "termed", "dubbed"}


@rule(
    "A known exercise series and a year is that year's edition ('midway through Konkan 2026'); 'It "
    "is the ninth edition (of the series)' is the edition named before it.",
    "Exercise Konkan is an annual naval drill. The navies are midway through Konkan 2026, a ten-day "
    "exercise at Goa. It is the ninth edition of the series.",
    ("Exercise Konkan 2026", "partOfSeries", "Exercise Konkan"),
    ("Exercise Konkan 2026", "ordinal", "9"),
    ("Exercise Konkan 2026", "location", "Goa"),
)
def series_year_edition(s: object) -> None:
    """Applied by :func:`dated_editions` and :func:`edition_anaphors` before the sentence rules."""


def dated_editions(doc: Doc, mentions: list[Mention], table: EntityTable) -> tuple[list[Mention], list[Fact]]:
    """Replace "Series YEAR" (a known series, then a year) by a mention of that year's edition."""
    out: list[Mention] = []
    facts: list[Fact] = []
    texts = words_of(doc).text
    for m in mentions:
        if m.entity.cls != "Mechanism" or m.end >= len(texts) or not YEAR.fullmatch(texts[m.end]):
            out.append(m)
            continue
        year = doc[m.end]
        if not _exercise_series(m.entity, table, doc[m.start].sent.text):
            out.append(m)
            continue
        edition = _edition(table, m.entity, doc[m.start : m.end + 1].text, year.text)
        out.append(Mention(m.start, m.end + 1, edition))
        sentence = doc[m.start].sent
        evidence = Evidence(sentence.start_char, sentence.end_char, "dated_editions")
        facts.append(Fact(edition, "partOfSeries", m.entity, evidence))
    return out, facts


def _edition(table: EntityTable, series: Entity, text: str, year: str) -> Entity:
    # "Exercise Malabar 2024 ... Malabar 2024, the 28th edition": one edition, whichever came first
    for name in (text, f"Exercise {text}", f"{series.label} {year}", f"Exercise {series.label} {year}"):
        seen = table.seen(name, "Exercise")
        if seen is not None:
            table.alias(seen, text)
            return seen
    edition = table.resolve(f"{series.label} {year}", "Exercise")
    table.alias(edition, text)
    return edition


def _exercise_series(series: Entity, table: EntityTable, sentence: str) -> bool:
    # "Cope India 2018, a 12-day bilateral exercise": the series is one of exercises (by its
    # gazetteer names or the sentence's words), not "the 2+2 2018" of a dialogue.
    known = table.gazetteer.entries.get(series.iri)
    names = {series.label, *series.surfaces, *(known.aliases if known else ())}
    if any("exercise" in name.lower() for name in names):
        return True
    return bool(EXERCISE_WORDS & set(re.findall(r"[\w-]+", sentence.lower())))


def edition_anaphors(
    doc: Doc, mentions: list[Mention], facts: list[Fact], table: EntityTable
) -> tuple[list[Mention], list[Fact]]:
    """"It is the fourth edition": the unnamed edition is the event named before it."""
    for index, m in enumerate(mentions):
        if m.entity.cls not in EVENTS or not _copula_complement(doc, m.start):
            continue
        if any(t.text[:1].isupper() for t in doc[m.start + 1 : m.end]):
            continue  # "It is the 5th edition of Exercise Shakti": a named edition of its own
        before = [p.entity for p in mentions[:index] if p.entity.cls in EVENTS and p.entity is not m.entity]
        if not before:
            continue
        named = before[-1]
        if _restricted(doc, m.end) or _ordinals(facts, named) - _ordinals(facts, m.entity):
            continue  # "the fourth edition to be held at Chaubatia" counts only some; "14th" is not "4th"
        facts = _merge_into(named, index, doc=doc, mentions=mentions, facts=facts, table=table)
    return mentions, facts


def appositive_editions(
    doc: Doc, mentions: list[Mention], facts: list[Fact], table: EntityTable
) -> tuple[list[Mention], list[Fact]]:
    """"The 13th edition of the joint exercise, Vajra Prahar 2022, began": an event named again in
    apposition right after another of the same series is that event, not a second one."""
    for index in range(1, len(mentions)):
        first, second = mentions[index - 1], mentions[index]
        if first.entity.cls not in EVENTS or second.entity.cls not in EVENTS or first.entity is second.entity:
            continue
        if second.start != first.end + 1 or doc[first.end].text != ",":
            continue
        series = [_series_of(facts, e) for e in (first.entity, second.entity)]
        if None not in series and series[0] is not series[1]:
            continue
        facts = _merge_into(first.entity, index, doc=doc, mentions=mentions, facts=facts, table=table)
    return mentions, facts


def _series_of(facts: list[Fact], event: Entity) -> Entity | None:
    found = [f.obj for f in facts if f.subject is event and f.predicate == "partOfSeries"]
    return found[0] if found and isinstance(found[0], Entity) else None


def _restricted(doc: Doc, end: int) -> bool:
    # what may follow "the fourth edition" when it counts the series: "of the series", ",", "."
    return end < len(doc) and doc[end].lower_ not in ("of", ",", ".", "and", ";", "since")


def _ordinals(facts: list[Fact], event: Entity) -> set[str]:
    return {str(f.obj) for f in facts if f.subject is event and f.predicate == "ordinal"}


def _copula_complement(doc: Doc, start: int) -> bool:
    # "It is the fourth edition", "This was the 22nd edition": the sentence opens "It is the".
    sentence = doc[start].sent
    words = [t.lower_ for t in doc[sentence.start : start]]
    if len(words) == 3 and words[0] in ANAPHORS and words[1] in COPULAS and words[2] == "the":
        return True
    # "The Navy describes it as the third edition", "Officials called it the 22nd edition"
    described = len(words) >= 4 and words[-4] in DESCRIBES and words[-3:] == ["it", "as", "the"]
    return described or (len(words) >= 3 and words[-3] in CALLS and words[-2:] == ["it", "the"])


def _merge_into(
    event: Entity, index: int, *, doc: Doc, mentions: list[Mention], facts: list[Fact], table: EntityTable
) -> list[Fact]:
    """Make ``mentions[index]`` a mention of ``event``: its own node is dropped, its words become
    an alias of ``event`` and its facts are ``event``'s (``mentions`` is changed in place)."""
    m = mentions[index]
    table.entities.pop(m.entity.iri, None)
    table.alias(event, doc[m.start : m.end].text)
    mentions[index] = Mention(m.start, m.end, event, m.role)
    return [_moved(f, m.entity, event) for f in facts]


def _moved(fact: Fact, old: Entity, new: Entity) -> Fact:
    if fact.subject is old:
        return Fact(new, fact.predicate, fact.obj, fact.evidence)
    return fact
