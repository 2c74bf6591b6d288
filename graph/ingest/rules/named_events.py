"""Events named without an ordinal: "Exercise Yudh Abhyas 2025" (an edition) and "Exercise Malabar"
(the series), an agreement signed without a name ("welcomed a memorandum of intent"), and a
state visit ("Modi's state visit to Washington"). Called by :func:`.events.find_events`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from graph.ingest.language.tokens import words_of
from graph.ingest.resolution.described_agreements import described_agreement, described_end
from graph.ingest.resolution.entities import EntityTable, Mention
from graph.ingest.rules.event_finds import Found, event_evidence, series_run
from graph.ingest.rules.facts import Fact


def named_exercise(doc: Doc, i: int, table: EntityTable, taken: set[int], found: Found) -> None:
    """"Exercise Yudh Abhyas 2025" is an edition; "Exercise Malabar" the series."""
    # "Exercise Yudh Abhyas 2025" is an edition; "Exercise Malabar" the series.
    run = series_run(doc, i + 1, taken)
    if run is None:
        return
    name = doc[run[0] : run[1]]
    series = table.resolve(f"Exercise {name.text}", "Mechanism")
    table.alias(series, name.text)
    end = run[1] + (run[1] < len(doc) and doc[run[1]].text == "-")
    found.mentions.append(Mention(i, run[1], series))
    taken.update(range(i, run[1]))
    if end < len(doc) and re.fullmatch(r"(19|20)\d\d", doc[end].text):
        edition = table.resolve(doc[i : end + 1].text, "Exercise", label=doc[i : end + 1].text)
        found.mentions.append(Mention(i, end + 1, edition))
        if series.cls == "Mechanism":
            evidence = event_evidence(doc[i : end + 1], "exercise-name-year")
            found.facts.append(Fact(edition, "partOfSeries", series, evidence))
        taken.add(end)


SIGNING_WORDS = {"signed", "signing", "sign", "inked", "welcomed", "concluded", "exchanged"}


AGREEMENT_NOUNS = {"agreement", "mou", "contract", "pact", "memorandum", "treaty", "accord"}


def unnamed_agreement(doc: Doc, i: int, table: EntityTable, taken: set[int], found: Found) -> None:
    """An agreement a signing sentence names only by its kind: "the signing of a project agreement"."""
    # "the signing of a project agreement", "welcomed a memorandum of intent"
    sentence, words = doc[i].sent, words_of(doc)
    if SIGNING_WORDS.isdisjoint(words.lower[sentence.start : sentence.end]):
        return
    k = i + 1
    while k < min(len(doc), i + 4) and words.is_lower[k] and words.lower[k] not in AGREEMENT_NOUNS:
        k += 1
    if k >= len(doc) or doc[k].lower_ not in AGREEMENT_NOUNS or k in taken:
        return
    end = k + 1
    if doc[k].lower_ == "memorandum" and end + 1 < len(doc) and doc[end].lower_ == "of":
        end += 2
    described = described_end(doc, i + 1, end)  # "a Memorandum of Agreement on liaison officers"
    span = doc[i + 1 : described]
    if len(span) < 2 and span.text.lower() != "mou":
        return  # "a pact that lets ..." describes an agreement named elsewhere
    agreement = (
        described_agreement(doc, i + 1, end, described, table) if described > end
        else table.resolve(span.text, "Agreement", unique=True)
    )
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        table.alias(agreement, doc[end + 1].text)
    found.mentions.append(Mention(span.start, span.end, agreement))
    taken.update(range(span.start, span.end))


def named_visit(doc: Doc, i: int, table: EntityTable, taken: set[int], found: Found) -> None:
    """A visit named by who made it and where: "Modi's state visit to Washington"."""
    # "Prime Minister Narendra Modi's state visit to Washington"
    k = i - 1
    while (
        k > 0 and doc[k].is_lower and doc[k].lower_ in ("state", "official", "first", "maiden", "three-day")
    ):
        k -= 1
    if doc[k].text != "'s" or i + 2 >= len(doc) or doc[i + 1].lower_ != "to":
        return
    start = k - 1
    while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ not in ("the", "a"):
        start -= 1
    end = i + 2
    while end < len(doc) and doc[end].text[:1].isupper():
        end += 1
    if end == i + 2:
        return
    span = doc[start:end]
    visit = table.resolve(span.text, "Meeting", unique=True)
    found.mentions.append(Mention(i - (i - k - 1), i + 1, visit))
    taken.update(range(k + 1, i + 1))
