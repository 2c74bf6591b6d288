"""Events named in the text: editions of series, named exercises and visits.

Each pattern is for one way news names an event:

* "the 24th Indo-US Joint Technical Group (JTG) Plenary Meeting", "the first India-US 2+2
  Ministerial Dialogue": an ordinal, the series' name, a meeting word;
* "the 21st edition of Exercise Yudh Abhyas", "the 16th meeting of the Defence Policy Group",
  "the fifth round of their 2+2 Ministerial Dialogue";
* "The 20th edition was conducted ...": an edition of the series the article is about;
* "Exercise Yudh Abhyas 2025" (an edition) and "Exercise Malabar" (the series);
* "Modi's state visit to Washington".

Examples
--------
>>> from graph.ingest.resolution.gazetteer import Gazetteer
>>> from graph.ingest.resolution.entities import EntityTable
>>> from graph.ingest.language.text import nlp
>>> doc = nlp()("DRDO hosted the 24th Indo-US Joint Technical Group (JTG) Plenary Meeting.")
>>> found = find_events(doc, EntityTable(Gazetteer.empty(), "k"), set())
>>> [(m.entity.cls, m.entity.label) for m in found.mentions]
[('Mechanism', 'Indo-US Joint Technical Group'),
 ('Meeting', '24th Indo-US Joint Technical Group (JTG) Plenary Meeting')]
>>> [(f.predicate, str(f.obj.label if hasattr(f.obj, 'label') else f.obj)) for f in found.facts]
[('ordinal', '24'), ('partOfSeries', 'Indo-US Joint Technical Group')]
>>> doc = nlp()("They held the fifth round of their 2+2 Ministerial Dialogue in New Delhi.")
>>> found = find_events(doc, EntityTable(Gazetteer.empty(), "k"), set())
>>> [(f.predicate, str(f.obj.label if hasattr(f.obj, 'label') else f.obj)) for f in found.facts]
[('ordinal', '5'), ('partOfSeries', '2+2 Ministerial Dialogue')]
"""

from __future__ import annotations

import re
from functools import lru_cache

from rdflib import Literal
from rdflib.namespace import XSD
from spacy.tokens import Doc, Span

from graph.ingest.language.lexicon import MECHANISM_HEADS, MEETING_HEADS, ORDINAL_WORDS, class_for_head
from graph.ingest.language.text import slugify
from graph.ingest.language.tokens import words_of
from graph.ingest.resolution.entities import Entity, EntityTable, Mention
from graph.ingest.resolution.names import name_runs
from graph.ingest.rules.editions import (
    describes,
    first_of_a_kind,
    is_exercise_series,
    series_before,
    series_noun,
)
from graph.ingest.rules.event_finds import Found, event_evidence, series_run
from graph.ingest.rules.facts import Fact
from graph.ingest.rules.named_events import named_exercise, named_visit, unnamed_agreement

# "the fifth round of their 2+2 Ministerial Dialogue": a determiner between "of" and the series.
SERIES_DETERMINERS = {"the", "their", "its"}
EDITION_WORDS = {"edition", "meeting", "round", "session", "plenary", "iteration", "instalment"}
NUMERIC_ORDINAL = re.compile(r"^(\d{1,3})(st|nd|rd|th)$")


@lru_cache(maxsize=65536)  # asked of every word of every article: once per distinct word
def ordinal_of(text: str) -> int | None:
    """The number of an ordinal word: ``24th`` -> 24, ``inaugural`` -> 1."""
    match = NUMERIC_ORDINAL.match(text)
    return int(match.group(1)) if match else ORDINAL_WORDS.get(text.lower())


def find_events(doc: Doc, table: EntityTable, taken: set[int]) -> Found:
    """Every event-naming pattern in ``doc``; their tokens are added to ``taken``."""
    found = Found()
    words = words_of(doc)
    for i, text in enumerate(words.text):
        if i in taken:
            continue
        number = ordinal_of(text)
        if number is not None:
            _edition_of(doc, i, number, table=table, taken=taken, found=found) or _named_edition(
                doc, i, number, table=table, taken=taken, found=found
            )
        elif text == "Exercise" and i + 1 < len(doc) and words.name[i + 1]:
            named_exercise(doc, i, table, taken, found)
        elif words.lower[i] in ("a", "an"):
            unnamed_agreement(doc, i, table, taken, found)
        elif words.lower[i] == "visit" and i >= 2:
            named_visit(doc, i, table, taken, found)
    return found


def _edition_of(doc: Doc, i: int, number: int, *, table: EntityTable, taken: set[int], found: Found) -> bool:
    # "the 21st edition of Exercise Yudh Abhyas" / "The 20th edition was conducted"
    if i + 1 >= len(doc) or doc[i + 1].lower_ not in EDITION_WORDS:
        return False
    k = i + 2
    if k < len(doc) and doc[k].lower_ == "of":
        k += 1 + (k + 1 < len(doc) and doc[k + 1].lower_ in SERIES_DETERMINERS)
        noun = series_noun(doc, k, taken)
        if noun is not None:
            return _described_edition(doc, i, number, (k, noun), table=table, taken=taken, found=found)
        run = series_run(doc, k, taken)
        if run is not None:
            series_span = doc[run[0] : _with_lower_head(doc, run[1])]
            series = _series(series_span, table, found)
            _add_event(doc[i : series_span.end], number, series, table=table, taken=taken, found=found)
            return True
    its = i > 0 and doc[i - 1].lower_ == "its"
    # "The 14th meeting, co-chaired by ...": a numbered meeting of the series the text is about
    numbered = i > 0 and doc[i - 1].lower_ == "the" and number > 1
    if doc[i + 1].lower_ not in ("edition", "iteration") and not its and not numbered:
        return False  # "their first meeting" names no particular event; "Its 24th plenary" does
    if its:  # the series "its" stands for is the one named last
        named = _series_named_before(doc, i, table, taken) or _last_series(found)
        _add_event(doc[i : i + 2], number, named, table=table, taken=taken, found=found)
    elif not first_of_a_kind(doc, number, i + 2):
        _defer(doc[i : i + 2], number, exercise=False, taken=taken, found=found)
    return True


def _described_edition(
    doc: Doc, i: int, number: int, phrase: tuple[int, int], *, table: EntityTable, taken: set[int],
    found: Found,
) -> bool:
    # "the 18th edition of the India-US joint training exercise Yudh Abhyas": the name after the
    # noun; "of the Malabar naval exercise": a name among the describing words; "of the
    # bilateral exercise", "of the series": the series the article is about.
    start, noun = phrase
    exercise = doc[noun].lower_ != "series"
    after = series_run(doc, noun + 1, taken) if exercise else None
    if after is not None:
        name = doc[after[0] : after[1]].text
        year = after[1] < len(doc) and re.fullmatch(r"(19|20)?\d\d", doc[after[1]].text) is not None
        series = table.resolve(f"Exercise {name}", "Mechanism")
        table.alias(series, name)
        found.mentions.append(Mention(after[0], after[1], series))
        event = _add_event(doc[i : after[1] + year], number, series, table=table, taken=taken, found=found)
        event.label = _by_series(doc[i : i + 2], f"Exercise {name}", event, table)
        if year:  # "exercise Vajra Prahar 2022": that year's edition
            for alias in (f"{name} {doc[after[1]].text}", f"Exercise {name} {doc[after[1]].text}"):
                table.alias(event, alias)
        return True
    named = [run for run in name_runs(doc[start:noun], taken) if not describes(doc[run[0] : run[1]])]
    if named:
        series = _series(doc[named[0][0] : named[0][1]], table, found)
        _add_event(doc[i : noun + 1], number, series, table=table, taken=taken, found=found)
    elif not first_of_a_kind(doc, number, noun + 1):
        _defer(doc[i : noun + 1], number, exercise=exercise, taken=taken, found=found)
    return True


def _defer(span: Span, number: int, *, exercise: bool, taken: set[int], found: Found) -> None:
    # Its series may be named later in the text: settled by settle_editions once all are known.
    found.pending.append((span, number, exercise))
    taken.update(range(span.start, span.end))


def settle_editions(found: Found, others: list[Mention], table: EntityTable) -> None:
    """Give each edition named without its series ("The 20th edition", "the 18th edition of the
    India-US exercise") the series the article is about: the nearest one named before it (a
    series named with its events first, then any), else the only one the article names.
    Editions of "the exercise" look only at exercise series."""
    own = [m for m in found.mentions if m.entity.cls == "Mechanism"]
    named = sorted(own + [m for m in others if m.entity.cls == "Mechanism" and not m.role],
                   key=lambda m: m.start)
    for span, number, exercise in found.pending:
        fits = is_exercise_series if exercise else None
        series = series_before(span.start, own, fits) or series_before(span.start, named, fits)
        if series is None:
            distinct = list(dict.fromkeys(m.entity for m in named if fits is None or fits(m.entity)))
            series = distinct[0] if len(distinct) == 1 else None
        event = _add_event(span, number, series, table=table, taken=set(), found=found, guess=False)
        if series is not None:  # "the 25th edition of the series" is "25th edition of Malabar"
            event.label = _by_series(span[:2], series.label, event, table)
    found.pending.clear()


def _by_series(edition: Span, series: str, event: Entity, table: EntityTable) -> str:
    """ "13th edition of Exercise Vajra Prahar": the edition named by its series, also as an alias
    (and without "Exercise")."""
    name = f"{edition.text} of {series}"
    table.alias(event, name)
    if series.startswith("Exercise "):
        table.alias(event, f"{edition.text} of {series[len('Exercise ') :]}")
    return name


def _series_named_before(doc: Doc, i: int, table: EntityTable, taken: set[int]) -> Entity | None:
    """The series named last in this sentence or the one before ("The India-US Joint Technical
    Group rarely makes headlines ... Its 24th plenary"), when the gazetteer or the text knows it."""
    sentence = doc[i].sent
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    for run_start, run_end in reversed(name_runs(doc[start:i], taken)):
        text = doc[run_start:run_end].text
        known = table.seen(text, "Mechanism") or table.gazetteer.lookup(text)
        named = class_for_head([t.text for t in doc[run_start:run_end]]) if known is None else None
        if (known.cls if known is not None else named) == "Mechanism":
            return table.resolve(text, "Mechanism")
    return None


def _named_edition(
    doc: Doc, i: int, number: int, *, table: EntityTable, taken: set[int], found: Found
) -> bool:
    # "the 24th Indo-US Joint Technical Group (JTG) Plenary Meeting"
    run = series_run(doc, i + 1, taken)
    if run is None:
        return False
    end = _with_lower_head(doc, run[1])
    acronym = None
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        acronym, end = doc[end + 1].text, end + 3
    while end < len(doc) and doc[end].lower_ in MEETING_HEADS | {"plenary"}:
        end += 1
    words = [t.lower_ for t in doc[run[0] : end] if t.text not in "()"]
    heads = [w for w in words if w in MEETING_HEADS or w in MECHANISM_HEADS or w == "plenary"]
    if not heads:
        return False
    series_end = run[1]
    while series_end > run[0] and doc[series_end - 1].lower_ in MEETING_HEADS | {"plenary"}:
        series_end -= 1
    series = _series(doc[run[0] : series_end], table, found) if series_end > run[0] else None
    if series is not None and acronym:
        table.alias(series, acronym)
    _add_event(doc[i:end], number, series, table=table, taken=taken, found=found)
    return True


def _with_lower_head(doc: Doc, end: int) -> int:
    # "the 2+2 dialogue": a lower-case head word still belongs to the name.
    if end < len(doc) and doc[end].lower_ in MECHANISM_HEADS | {"framework"}:
        return end + 1
    return end


def _series(span: Span, table: EntityTable, found: Found) -> Entity:
    text = span.text
    series = table.resolve(text, "Mechanism")
    if text.startswith("Exercise "):
        table.alias(series, text[len("Exercise ") :])
    found.mentions.append(Mention(span.start, span.end, series))
    return series


def _add_event(
    span: Span, number: int, series: Entity | None, *, table: EntityTable, taken: set[int], found: Found,
    guess: bool = True,
) -> Entity:
    exercise = series is not None and is_exercise_series(series)
    sentence = span.sent
    in_words = any(
        word in ("exercise", "drill", "drills", "wargame")
        for word in words_of(span.doc).lower[sentence.start : sentence.end]
    )
    guess = guess and series is None  # else the series is known, or settle_editions found none
    cls = "Exercise" if exercise or in_words or (guess and _last_series_is_exercise(found)) else "Meeting"
    if guess:
        series = next((m.entity for m in reversed(found.mentions) if m.entity.cls == "Mechanism"), None)
    label = span.text[4:] if span.text.lower().startswith("the ") else span.text
    slug = f"{slugify(series.label)}-{number}" if series is not None else None
    event = table.resolve(label, cls, label=slug, unique=series is None)
    event.label = event.label if event.label != slug else label
    found.mentions.append(Mention(span.start, span.end, event))
    taken.update(range(span.start, span.end))
    evidence = event_evidence(span, "edition-name")
    found.facts.append(Fact(event, "ordinal", Literal(number, datatype=XSD.positiveInteger), evidence))
    if series is not None and series.cls == "Mechanism":  # a known initiative is no series
        found.facts.append(Fact(event, "partOfSeries", series, evidence))
    return event


def _last_series(found: Found) -> Entity | None:
    return next((m.entity for m in reversed(found.mentions) if m.entity.cls == "Mechanism"), None)


def _last_series_is_exercise(found: Found) -> bool:
    series = _last_series(found)
    return series is not None and is_exercise_series(series)


