"""Who took part, read from where their people or machines came from: "together with aircraft
from the United States, Japan, Australia and Canada", "alongside troops from France and Japan".
Part of the rule catalogue (``graph.ingest.rules.rulebook``): the rule has an example sentence of its
own, run by ``tests/test_ingest_rules.py``.
"""

from __future__ import annotations

from graph.ingest.language.lexicon import PERSONNEL_NOUNS
from graph.ingest.language.tokens import words_of
from graph.ingest.resolution.entities import ACTORS
from graph.ingest.rules.context import Sentence
from graph.ingest.rules.rulebook import rule

# what a side sends: its people, ships or aircraft
SENT = PERSONNEL_NOUNS | {
    "aircraft", "ships", "warships", "jets", "fighters", "teams", "delegations", "units",
}
LIST_GLUE = {",", "and", "the"}
# "together with aircraft from X", "alongside troops from X", "joined by ships from X"; not "Forces
# from X have trained at the site this year", which names no side of the event
CUES = {"with", "alongside", "by", "including"}


@rule(
    "Sides named by what they sent to an event ('together with aircraft from the United States, "
    "Japan and Canada', 'alongside troops from France'): its participants.",
    "Exercise Sea Dragon 2021 was held off Guam in January 2021, with aircraft from the United States, "
    "Japan and Australia.",
    ("Exercise Sea Dragon 2021", "participant", "United States"),
    ("Exercise Sea Dragon 2021", "participant", "Japan"),
    ("Exercise Sea Dragon 2021", "participant", "Australia"),
)
def sent_from(s: Sentence) -> None:
    event = s.about_event()
    lower = words_of(s.span.doc).lower
    at = next(
        (k for k in range(s.span.start + 2, s.span.end) if lower[k] == "from" and _sent_with(lower, k)), None
    )
    if event is None or at is None or s.hedged(at) or s.speculative():
        return
    previous = at
    for m in s.mentions:
        if m.start <= at:
            continue
        if m.entity.cls not in ACTORS or any(w not in LIST_GLUE for w in lower[previous + 1 : m.start]):
            break  # the list ends where something other than "," / "and" comes between names
        s.add(event, "participant", m.entity, "sent_from")
        previous = m.end - 1


def _sent_with(lower: list[str], at: int) -> bool:
    # "with aircraft from", "together with the three aircraft from": a cue, then what was sent
    return lower[at - 1] in SENT and bool(CUES & set(lower[max(0, at - 4) : at - 1]))
