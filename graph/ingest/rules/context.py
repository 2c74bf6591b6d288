"""What a sentence is about: its mentions, the event the text is talking about, hedges and negation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rdflib import Literal
from spacy.tokens import Span, Token

from graph.ingest.language.dates import DateValue
from graph.ingest.language.lexicon import EVENT_ANAPHORS, NEGATIONS, SPECULATIVE
from graph.ingest.language.tokens import words_of
from graph.ingest.resolution.entities import EVENTS, Entity, Mention
from graph.ingest.rules.facts import Evidence, Fact


def _joined(gap: Span) -> bool:
    words = [t for t in gap if t.text not in ",()"]
    return any(t.lower_ == "and" for t in words) and all(
        t.lower_ in ("and", "the", "of", "for") or t.text[:1].isupper() for t in words
    )


def _described_subject(span: Span) -> bool:
    """"The two-week drill runs ...", "The annual joint exercise ended ...": a subject that is the
    event word with a few lower-case modifiers refers to the event the text is about.

    >>> from graph.ingest.language.text import nlp
    >>> _described_subject(nlp()("The two-week drill runs from September 5 to 18.")[:])
    True
    >>> _described_subject(nlp()("The Indian contingent is drawn from the Assam Regiment.")[:])
    False
    """
    w = words_of(span.doc)
    words = [i for i in range(span.start, min(span.end, span.start + 8)) if not w.text[i].isspace()][:6]
    if not words or w.lower[words[0]] not in ("the", "this"):
        return False
    for i in words[1:]:
        if w.lower[i] in EVENT_ANAPHORS:
            return True
        if not (w.is_lower[i] or w.like_num[i] or w.text[i] == "-"):
            return False
    return False


def _month_may(token: Token) -> bool:
    # "on 4 May 2026", "in May-June 2023": a capitalised "May" inside a sentence is the month, not
    # the hedge; at the start of a sentence only when a number stands next to it ("May 20").
    doc = token.doc
    near = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    before = doc[token.i - 1] if token.i > 0 else None
    starts = before is None or bool(token.is_sent_start) or before.is_punct
    return token.text == "May" and (not starts or any(t.like_num for t in near))


OBSERVERS = {"observer", "observers"}
EVENT_VERBS = {
    "held",
    "convened",
    "hosted",
    "conducted",
    "run",
    "ran",
    "took",
    "under",
    "began",
    "opened",
    "concluded",
    "culminated",
    "drew",
    "co-chaired",
    "chaired",
    "scheduled",
}


# "The previous edition took place at Auli": another edition than the one the article is about.
RECALL_WORDS = {"previous", "preceding", "last", "earlier", "prior", "past", "first"}
# "The series began in 2004 with fighter training at Gwalior": the series' start, not this edition.
INCEPTION_WORDS = {"began", "begun", "started", "launched", "inaugurated", "dates"}
# "The exercise followed the Quad Leaders' Summit in Wilmington": the rest is about that other event.
FOLLOWS = {"followed", "preceded", "follows", "precedes"}


@dataclass
class Sentence:
    """One sentence with its mentions (posts excluded), dates and the event in focus."""

    span: Span
    mentions: list[Mention]
    dates: list[DateValue]
    focus: Entity | None
    published: date | None
    agreement: Entity | None = None
    previous: Sentence | None = field(default=None, repr=False)  # the sentence before, if any
    _words: list[str] | None = field(default=None, repr=False)
    facts: list[Fact] = field(default_factory=list)
    _refers: bool | None = field(default=None, repr=False)  # words refer to an event (computed once)
    _first: dict[str, int] | None = field(default=None, repr=False)  # first offset of each word
    _speculative: bool | None = field(default=None, repr=False)  # computed once
    _named: list[Entity] | None = field(default=None, repr=False)  # events named in it (computed once)

    def add(self, subject: Entity, predicate: str, obj: Entity | Literal, rule: str) -> None:
        """Record a fact this sentence states."""
        if predicate == "participant" and isinstance(obj, Entity) and self._observer(obj):
            return  # "Aircrew of the JASDF attended as observers": watching is not taking part
        self.facts.append(
            Fact(subject, predicate, obj, Evidence(self.span.start_char, self.span.end_char, rule))
        )  # type: ignore[arg-type]

    def _observer(self, actor: Entity) -> bool:
        lower = words_of(self.span.doc).lower
        for m in self.mentions:
            if m.entity is actor:
                after = set(lower[m.end : min(m.end + 6, self.span.end)])
                before = lower[max(self.span.start, m.start - 3) : m.start]
                if (after & OBSERVERS and "as" in after) or OBSERVERS & set(before):
                    return True
        return False

    def words(self) -> list[str]:
        """The sentence's tokens, lower-cased (computed once)."""
        if self._words is None:
            self._words = words_of(self.span.doc).lower[self.span.start : self.span.end]
        return self._words

    def about_event(self) -> Entity | None:
        """The event this sentence talks about: named in it, or referred to ("the meeting", "It")."""
        if self._named is None:  # asked by most rules; the mentions never change
            self._named = [m.entity for m in self.mentions if m.entity.cls in EVENTS]
        if self._named:
            return self._named[0]
        if self._refers is None:  # the words never change; the focus may
            words = self.words()
            refers = any(
                w in EVENT_ANAPHORS and i > 0 and words[i - 1] in ("the", "this", "that", "its", "'s")
                for i, w in enumerate(words)
            )
            starters = {"it", "they", "delegates", "discussions", "the", "training", "when", "officers"}
            self._refers = refers or (
                bool(starters & set(words[:2])) and any(w in EVENT_VERBS for w in words[:8])
            ) or _described_subject(self.span)
        return self.focus if self._refers else None

    def recalls_other_event(self) -> bool:
        """True when the sentence opens on an earlier, unnamed edition ("The previous edition took
        place at Auli", "The first round took place in New Delhi") or on the start of the series
        ("The series began in 2004 at Gwalior") or on another event it follows ("The exercise
        followed the summit in Wilmington") rather than the edition in focus.

        "first" only recalls when the event in focus is not itself the first.
        """
        if any(m.entity.cls in EVENTS for m in self.mentions):
            return False
        if "series" in self.words()[:4] and INCEPTION_WORDS & set(self.words()) and self.dates and all(
            d.precision == "year" for d in self.dates
        ):
            return True
        words = [w for w in self.words()[:8] if w.strip()][:6]
        if len(words) > 2 and words[1] in EVENT_ANAPHORS and words[2] in FOLLOWS:
            return True  # "The exercise followed the Quad Leaders' Summit hosted by X in Y"
        for i, word in enumerate(words[:-1]):
            if word in RECALL_WORDS and words[i + 1] in EVENT_ANAPHORS:
                focus = (self.focus.label if self.focus is not None else "").lower()
                return word != "first" or not any(w in focus for w in ("first", "inaugural", "1st"))
        return False

    def speculative(self) -> bool:
        """True when the sentence hedges ("could", "expect", "likely") anywhere."""
        if self._speculative is None:  # asked by many rules; the words never change
            doc, start = self.span.doc, self.span.start
            self._speculative = any(
                word in SPECULATIVE and not _month_may(doc[start + k]) for k, word in enumerate(self.words())
            )
        return self._speculative

    def subject_group(self, classes: set[str], end: int) -> list[Entity]:
        """The first mentioned entities of ``classes`` before ``end`` and those joined to them by
        "and" or a post ("Defence Minister X and US Defense Secretary Y")."""
        doc = self.span.doc
        chosen: list[Mention] = []
        for m in self.mentions:
            if m.start >= end or m.entity.cls not in classes:
                continue
            if chosen and not _joined(doc[chosen[-1].end : m.start]):
                break
            chosen.append(m)
        return list(dict.fromkeys(m.entity for m in chosen))

    def hedged(self, index: int) -> bool:
        """True when a hedge ("could", "likely") or a negation comes shortly before token ``index``."""
        window = words_of(self.span.doc).lower[max(self.span.start, index - 5) : index]
        return any(word in SPECULATIVE or word in NEGATIONS for word in window)

    def args(self, classes: set[str], start: int | None = None, end: int | None = None) -> list[Entity]:
        """Mentioned entities of ``classes`` between token indices, in order, once each."""
        lo = self.span.start if start is None else start
        hi = self.span.end if end is None else end
        seen: list[Entity] = []
        for m in self.mentions:
            if lo <= m.start < hi and m.entity.cls in classes and m.entity not in seen:
                seen.append(m.entity)
        return seen

    def find(self, *words: str) -> int | None:
        """Token index of the first of ``words`` in the sentence."""
        if self._first is None:
            self._first = {}
            for offset, word in enumerate(self.words()):
                self._first.setdefault(word, offset)
        offsets = [self._first[word] for word in words if word in self._first]
        return self.span.start + min(offsets) if offsets else None
