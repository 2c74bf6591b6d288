"""How news names an edition without naming its series, and which series it is then.

"the 18th edition of the India-US joint training exercise Yudh Abhyas" names the series after
describing words; "the 9th edition of the bilateral exercise", "the 25th edition of the series"
and "The 20th edition" mean the series the article is about. "the first edition since 2007" is
the first of a kind, not edition number one.

Examples
--------
>>> from graph.ingest.language.text import nlp
>>> doc = nlp()("the 18th edition of the India-US joint training exercise Yudh Abhyas")
>>> noun = series_noun(doc, 5, set())
>>> doc[noun].text, describes(doc[5:8])
('exercise', True)
>>> first_of_a_kind(nlp()("the first edition since 2007"), 1, 3)
True
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from graph.ingest.resolution.entities import Entity, Mention
from graph.ingest.resolution.names import is_name_token

# The noun that ends "the India-US joint training exercise", and words that only describe an
# exercise (countries, kind, arms), so name no series.
SERIES_NOUNS = {"exercise", "exercises", "drill", "drills", "wargame", "series"}
DESCRIBING = {
    "-", "india", "indo", "us", "u.s.", "usa", "united", "states", "american", "indian", "america",
    "joint", "bilateral", "trilateral", "multilateral", "annual", "combined", "military", "training",
    "special", "forces", "naval", "army", "air", "force", "tri", "service", "services", "tri-service",
    "four", "nation", "field", "amphibious", "maritime", "humanitarian", "latest", "flagship",
}
# "the first edition since 2007 in which ...", "the first edition hosted by Australia", "the first
# edition of the exercise to be hosted by ...": the first one of a kind, not edition number 1.
FIRST_OF_A_KIND = {"since", "in", "to", "hosted", "held", "with", "under", "outside", "ever", "after"}


def series_noun(doc: Doc, start: int, taken: set[int]) -> int | None:
    """The index of "exercise" or "series" ending a phrase of describing words and names after
    "edition of the" ("the India-US joint training exercise", "the Malabar naval exercise")."""
    for j in range(start, min(len(doc), start + 9)):
        word = doc[j].lower_
        if word in SERIES_NOUNS:
            return j
        if j in taken or not (word in DESCRIBING or is_name_token(doc[j])):
            return None
    return None


def describes(span: Span) -> bool:
    """True for "India-US", "Indo-US Joint Special Forces": words that describe, no series name."""
    return all(t.lower_ in DESCRIBING for t in span)


def first_of_a_kind(doc: Doc, number: int, end: int) -> bool:
    """True when "first" ending at ``end`` means the first of a kind ("first edition since")."""
    return number == 1 and end < len(doc) and doc[end].lower_ in FIRST_OF_A_KIND


def series_before(
    start: int, mentions: list[Mention], fits: Callable[[Entity], bool] | None
) -> Entity | None:
    """The series (among ``mentions``, that ``fits``) named last before token ``start``."""
    before = [m.entity for m in mentions if m.start < start and (fits is None or fits(m.entity))]
    return before[-1] if before else None


def is_exercise_series(series: Entity) -> bool:
    """True when one of the series' names says it is one of exercises ("Exercise Malabar")."""
    return any("exercise" in name.lower() for name in series.surfaces | {series.label})
