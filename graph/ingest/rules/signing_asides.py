"""Asides inside a signing sentence that separate what belongs together: a relative clause between
an agreement and its passive verb ("The X Accord, under which ..., was signed"), and a post in
apposition between two signers ("by A, Principal Deputy Assistant Secretary of Defense ..., and by B").

Examples
--------
>>> from graph.ingest.language.text import nlp
>>> doc = nlp()("X, under which each side helps, was signed")
>>> [t.text for t in without_aside(list(doc[1:9]))]
['was']
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.ingest.language.lexicon import TITLE_WORDS
from graph.ingest.resolution.entities import Mention
from graph.ingest.rules.context import Sentence

ASIDE_BREAKS = {";", ":", "-", "\u2013", "\u2014"}
# ", under which ...,", ", worth about $600 million,", ", valued at Rs 4,168 crore,"
ASIDE_OPENERS = {"under", "which", "whereby", "through", "by", "in", "that", "who", "worth", "valued"}


def without_aside(gap: list[Token]) -> list[Token]:
    # "The X Accord, under which each side gives priority to the other's orders, was signed"
    texts = [t.text for t in gap]
    if len(gap) < 3 or texts[0] != "," or gap[1].lower_ not in ASIDE_OPENERS or "," not in texts[2:]:
        return gap
    close = texts.index(",", 2)
    if any(t in ASIDE_BREAKS for t in texts[:close]) or close > 24:
        return gap
    return gap[close + 1 :]


def joined_signers(gap: Span) -> bool:
    # "A, <post>, and by B": a "by" repeated after "and" still joins the signers
    words = [t for t in gap if t.text not in ",()"]
    words = [t for n, t in enumerate(words) if not (t.lower_ == "by" and n and words[n - 1].lower_ == "and")]
    return any(t.lower_ == "and" for t in words) and all(
        t.lower_ in ("and", "the", "of", "for") or t.text[:1].isupper() for t in words
    )


def post_aside_end(s: Sentence, person: Mention) -> int:
    """The closing comma of a post in apposition after a signer ("Jane Doe, Principal Deputy
    Assistant Secretary of Defense, and ..."); the signer's end when there is none."""
    doc = s.span.doc
    if person.end >= s.span.end or doc[person.end].text != ",":
        return person.end
    close = next((t.i for t in doc[person.end + 1 : s.span.end] if t.text in ",;."), None)
    inner = doc[person.end + 1 : close] if close is not None else None
    if close is None or doc[close].text != "," or inner is None or len(inner) > 24:
        return person.end
    if any(m.entity.cls == "Person" and person.end < m.start < close for m in s.mentions):
        return person.end  # "A, B and C": a list of names, not a post
    words = [t for t in inner if t.lower_ not in ("the", "a")]
    posty = bool(words) and words[0].lower_.rstrip(".") in TITLE_WORDS and words[0].text[:1].isupper()
    return close if posty else person.end
