"""When and at which event a signing happened: the date of its clause, the event it names, or the
event that ended with it. Part of the signing rules (:mod:`.signing`), which find the signings.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from graph.ingest.language.dates import DateValue
from graph.ingest.language.lexicon import EVENT_ANAPHORS
from graph.ingest.resolution.entities import EVENTS, Entity
from graph.ingest.rules.context import Sentence

BREAKS = {",", ";", ":", "-", "–", "—"}


# Words that open a new clause: a signer before them is not the subject of the verb after them.
CLAUSE_OPENERS = BREAKS | {"which", "who", "during", "since", "after", "when", "while", "before", "as"}


EVENT_CUES = {"at", "during", "after", "for", "sidelines"}


@dataclass(frozen=True)
class Signing:
    """One signing verb and the token range of its clause."""

    verb: int
    end: int
    passive: bool


def opens_clause(t: Token) -> bool:
    """A token that starts a new clause; a hyphen inside a word ("state-owned") does not."""
    if t.text in "-–—":
        return t.i > 0 and bool(t.doc[t.i - 1].whitespace_)
    return t.lower_ in CLAUSE_OPENERS


def add_signed_dates(s: Sentence, signing: Signing, agreements: list[Entity]) -> None:
    """``signedOn`` for each agreement of the signing: the date of its own part of the clause."""
    # "signed the GSOMIA in 2002 and the LEMOA in 2016": each agreement takes the next date
    # before the next agreement.
    doc = s.span.doc
    end_char = doc[signing.end].idx if signing.end < s.span.end else s.span.end_char
    firsts = sorted((m.start, m.entity) for m in s.mentions
                    if m.entity in agreements and m.start > signing.verb)
    if len(firsts) > 1:
        bounds = [doc[start].idx for start, _ in firsts] + [end_char]
        for (start, agreement), limit in zip(firsts, bounds[1:], strict=True):
            later = [d for d in s.dates if doc[start].idx <= d.start_char < limit]
            if later:
                s.add(agreement, "signedOn", later[0].literal(), "signed")
        return
    chosen = _date_of(s, signing, end_char)
    if chosen is not None:
        s.add(agreements[0], "signedOn", chosen.literal(), "signed")


def _date_of(s: Sentence, signing: Signing, end_char: int) -> DateValue | None:
    """"A and B on 3 June 2015 signed X" (before an active verb, same clause), else the first date
    after the verb in its clause, else a date opening the sentence ("In June 2023, ... signed")."""
    doc = s.span.doc
    verb_char = doc[signing.verb].idx
    for d in reversed([d for d in s.dates if d.start_char < verb_char] if not signing.passive else []):
        between = doc.char_span(d.end_char, verb_char, alignment_mode="expand")
        if between is not None and not any(opens_clause(t) for t in between):
            return d
    after = [d for d in s.dates if verb_char < d.start_char < end_char]
    leading = [d for d in s.dates if d.start_char - s.span.start_char <= 4]
    return next(iter(after + leading), None)


def signing_events(s: Sentence, signing: Signing) -> list[Entity]:
    """Events the signing clause places it at: "signed X at the third round of ...", "during the
    visit, A and B signed", "the visit, during which they signed"; never an event only referred to."""
    doc = s.span.doc
    found = []
    for m in (m for m in s.mentions if m.entity.cls in EVENTS):
        cue = [t.lower_ for t in doc[max(s.span.start, m.start - 7) : m.start]]
        during = "during" in cue and not BREAKS & set(cue[cue.index("during") :])
        named_after = signing.verb < m.start < signing.end and (EVENT_CUES & set(cue[1:]) or during)
        named_before = m.end <= signing.verb and (
            (during and not _verb_between(s, m.end, signing.verb))
            or _relative_clause(doc[m.end : signing.verb].text.lower())
        )
        if named_after or named_before:
            found.append(m.entity)
    if not found and (_ended_with_signing(s, signing.verb) or _event_anaphor(s, signing)):
        event = s.about_event()
        found += [event] if event is not None else []
    return list(dict.fromkeys(found))


def _event_anaphor(s: Sentence, signing: Signing) -> bool:
    # "which India and the US signed once the talks ended", "signed it at the meeting"
    words = [t.lower_ for t in s.span.doc[signing.verb + 1 : signing.end]]
    return any(
        a in EVENT_CUES | {"once"} and b in ("the", "this", "that") and c in EVENT_ANAPHORS
        for a, b, c in zip(words, words[1:], words[2:], strict=False)
    )


def _ended_with_signing(s: Sentence, verb: int) -> bool:
    # "The plenary culminated in the signing of a project agreement", "ended with the signing of"
    before = [t.lower_ for t in s.span.doc[max(s.span.start, verb - 7) : verb]]
    return before[-2:] in (["with", "the"], ["in", "the"]) and bool(
        {"ended", "culminated", "concluded", "closed", "ends", "culminates", "concludes"} & set(before)
    )


def _relative_clause(gap: str) -> bool:
    # "Singh's visit to Washington in August, during which the two countries signed"
    return any(cue in gap for cue in (", during which", ", at which", ", where")) and gap.count(",") == 1


def _verb_between(s: Sentence, start: int, end: int) -> bool:
    # "During the visit, A and B signed": only a comma and the subject lie between.
    gap = [t for t in s.span.doc[start:end] if not any(m.start <= t.i < m.end for m in s.mentions)]
    return any(t.is_lower and t.lower_ not in ("and", "the", "on", "in", "of", "to") for t in gap)
