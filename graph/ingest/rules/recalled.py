"""Two kinds of sentence that news reports about an exercise use all the time: the host named by
a passive "run/conducted/organised by", and the edition before the current one recalled by "The
previous edition took place in X from D1 to D2". Part of the rule catalogue
(``graph.ingest.rules.rulebook``): each rule has an example sentence of its own, run by
``tests/test_ingest_rules.py``.

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> result = extract_text("The seventh edition of Exercise Tarkash opened on 22 April 2024. The "
...                       "previous edition took place in Chennai from 16 January to 14 February 2023.")
>>> for f in sorted(result.facts, key=lambda f: f.predicate):
...     if f.subject.label == "Exercise Tarkash 2023":
...         print(f.predicate, getattr(f.obj, "label", f.obj))
endDate 2023-02-14
location Chennai
ordinal 6
partOfSeries Exercise Tarkash
startDate 2023-01-16
"""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import XSD

from graph.ingest.language.tokens import words_of
from graph.ingest.resolution.entities import ACTORS, EVENTS, Entity, EntityTable
from graph.ingest.rules.context import Sentence
from graph.ingest.rules.editions import is_exercise_series
from graph.ingest.rules.events import ordinal_of
from graph.ingest.rules.rulebook import add_place_and_time, rule

HOSTING_VERBS = ("run", "conducted", "organised", "organized")
RECALLING = {"previous", "preceding", "last"}
LOOK_BACK = 12  # sentences searched for the series an earlier edition belongs to


@rule(
    "One body runs, conducts or organises an event ('Exercise Sea Dragon 23, run by the United States "
    "Navy, ...'): the event's host. Two bodies after 'by' are the event's sides, not its host.",
    "Exercise Cutlass Express 2024, conducted by the US Navy, was held off Djibouti from 5 to 16 February "
    "2024.",
    ("Exercise Cutlass Express 2024", "hostedBy", "US Navy"),
    ("Exercise Cutlass Express 2024", "participant", "US Navy"),
)
def conducted_by(s: Sentence) -> None:
    at = s.find(*HOSTING_VERBS)
    series_named = any(m.entity.cls == "Mechanism" for m in s.mentions)
    event = s.about_event() or (s.focus if series_named else None)  # the edition series_edition made
    lower = words_of(s.span.doc).lower
    if at is None or event is None or at + 1 >= s.span.end or lower[at + 1] != "by" or s.hedged(at):
        return
    after = [m for m in s.mentions if m.start > at and m.entity.cls in ACTORS]
    if not after or after[0].start > at + 4:
        return
    if len(after) > 1 and "and" in lower[after[0].end : after[1].start]:
        return  # "conducted by the Indian Army and the US Army": both sides
    host = after[0].entity
    s.add(event, "hostedBy", host, "conducted_by")
    if host.cls != "Country":
        s.add(event, "participant", host, "conducted_by")


@rule(
    "'The previous edition took place in X from D1 to D2': the edition before the one the report is "
    "about, of the same series, with its own place and dates (and number, when the current one's is known).",
    "The 7th edition of Exercise Tarkash opened on 22 April 2024. The previous edition was held in Chennai "
    "from 16 January to 14 February 2023.",
    ("Exercise Tarkash 2023", "partOfSeries", "Exercise Tarkash"),
    ("Exercise Tarkash 2023", "location", "Chennai"),
    ("Exercise Tarkash 2023", "startDate", "2023-01-16"),
    ("Exercise Tarkash 2023", "ordinal", "6"),
)
def previous_edition(s: Sentence) -> None:
    words = [w for w in s.words() if w.strip()]
    if words[:1] != ["the"] or len(words) < 3 or words[1] not in RECALLING or words[2] != "edition":
        return
    if s.speculative() or len(s.dates) != 1 or any(m.entity.cls in EVENTS for m in s.mentions):
        return  # two dates or another numbered edition ("..., and the 14th at Umroi"): not one edition
    if any(ordinal_of(w) for w in words[3:]):
        return
    current, series = _current_and_series(s)
    if series is None:
        return
    table: EntityTable = s.span.doc.user_data["table"]
    edition = table.resolve(f"{series.label} {s.dates[0].start.year}", "Exercise")
    table.alias(edition, f"previous edition of {series.label}")
    s.focus = edition
    s.add(edition, "partOfSeries", series, "previous_edition")
    core = series.label.removeprefix("Exercise ")
    same = current is not None and core in current.label  # the edition in focus is of this series
    number = ordinal_of(current.label.split()[0]) if current is not None and same else None
    if number is not None and number > 1:
        s.add(edition, "ordinal", Literal(number - 1, datatype=XSD.positiveInteger), "previous_edition")
    add_place_and_time(s, edition)


def _current_and_series(s: Sentence) -> tuple[Entity | None, Entity | None]:
    # The edition the report is about and its series: the last exercise series named before.
    current: Entity | None = None
    before, steps = s.previous, 0
    while before is not None and steps < LOOK_BACK:
        current = current or before.about_event() or before.focus
        for m in reversed(before.mentions):
            if m.entity.cls == "Mechanism" and is_exercise_series(m.entity):
                return current, m.entity
        before, steps = before.previous, steps + 1
    return current, None
