"""The phases of the exercise in focus are where it was held: "The harbour phase at Guam will be
followed by a sea phase in the Philippine Sea."

Part of the rule catalogue. A phase (leg, stage) is part of its edition, so the places of its
phases are the edition's places (as ``graph/ingest/rules/venues.py`` on branch ``gapactors`` decides for
"a first phase held off Guam"). A phase's dates are not the edition's (a later phase does not
start the edition), so this rule gives places only.

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> result = extract_text("The 9th edition of Exercise Konkan began at Goa on 4 May 2026. The harbour "
...     "phase at Goa will be followed by a sea phase in the Arabian Sea.")
>>> sorted(getattr(f.obj, "label", "") for f in result.facts if f.predicate == "location")
['Arabian Sea', 'Goa']
"""

from __future__ import annotations

from itertools import islice

from graph.ingest.language.tokens import words_of
from graph.ingest.rules.context import Sentence
from graph.ingest.rules.rulebook import rule
from graph.ingest.rules.venues import event_places

PHASE_WORDS = {"phase", "phases", "leg", "legs", "stage", "stages"}


@rule(
    "The phases of the exercise in focus are where it was held: 'The harbour phase at X will be "
    "followed by a sea phase in Y'.",
    "The 9th edition of Exercise Konkan began at Goa on 4 May 2026. The harbour phase at Goa will be "
    "followed by a sea phase in the Arabian Sea.",
    ("9th edition of Exercise Konkan", "location", "Arabian Sea"),
)
def phase_places(s: Sentence) -> None:
    event = s.about_event() or s.focus
    words = words_of(s.span.doc)
    # the first six words: a paragraph's sentence opens on "\n\n" (white space is no word)
    opening = list(islice((i for i in range(s.span.start, s.span.end) if not words.text[i].isspace()), 6))
    phase = next((i for i in opening if words.lower[i] in PHASE_WORDS), None)
    opens = bool(opening) and words.lower[opening[0]] in ("the", "a", "its")  # white space alone: no
    if event is None or event.cls != "Exercise" or phase is None or not opens:
        return
    if s.hedged(phase):
        return
    for place in event_places(s, phase):
        s.add(event, "location", place, "phase_places")
