"""Agreements named by a generic head and a descriptive lower-case tail: "a Memorandum of Agreement
on the exchange of liaison officers", "an MoU on defence cooperation". The head alone ("Memorandum
of Agreement") would be one node shared by every article; head and tail together name the
agreement, and a known agreement whose own tail has the same content words is that agreement.

Examples
--------
>>> from graph.ingest.language.text import nlp
>>> doc = nlp()("A second text, a Memorandum of Agreement on the exchange of liaison officers, was signed.")
>>> described_end(doc, 5, 8)
14
>>> sorted(content_words("on the exchange of Liaison Officers"))
['liaison', 'officers']
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from graph.ingest.language.tokens import words_of
from graph.ingest.resolution.entities import Entity, EntityTable
from graph.ingest.resolution.gazetteer import Gazetteer, KnownEntity

GENERIC_HEAD_WORDS = {
    "memorandum", "of", "agreement", "understanding", "mou", "moa", "intent", "arrangement", "letter",
}
TAIL_CUES = {"on", "for", "regarding", "concerning"}
# Words that end the tail: a verb, a relative pronoun or the agent of the signing.
TAIL_STOPS = {
    "was", "were", "is", "are", "that", "which", "who", "signed", "between", "by", "with", "during",
    "as", "will", "would", "has", "had", "and", "to",
}
NON_CONTENT = {"the", "a", "an", "of", "on", "for", "regarding", "concerning", "and", "in", "exchange",
               "assignment", "mutual", "cooperation"}
MAX_TAIL = 9
PLACE_CUES = {"in", "at", "from"}


def described_end(doc: Doc, start: int, end: int) -> int:
    """Where the name of a generic agreement head ``doc[start:end]`` ends with its descriptive
    tail; ``end`` when there is no tail."""
    if not all(word in GENERIC_HEAD_WORDS for word in words_of(doc).lower[start:end]):
        return end
    if end + 1 >= len(doc) or doc[end].lower_ not in TAIL_CUES or not doc[end + 1].is_lower:
        return end
    k = end + 1
    while k < len(doc) and k - end <= MAX_TAIL and doc[k].is_alpha and (
        doc[k].lower_ not in TAIL_STOPS or _noun_joins(doc, k)
    ):
        if doc[k].lower_ in PLACE_CUES and k + 1 < len(doc) and doc[k + 1].text[:1].isupper():
            break  # "an MoU on shipbuilding in New Delhi": the place is the signing's
        k += 1
    while k > end + 1 and doc[k - 1].lower_ in NON_CONTENT - {"exchange", "assignment", "cooperation"}:
        k -= 1  # "on the" before a name that is not part of the tail
    return k if k > end + 1 else end


def _noun_joins(doc: Doc, k: int) -> bool:
    # "on earth observation and earth sciences": "and" joins two subjects of the tail
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    return doc[k].lower_ == "and" and nxt is not None and nxt.is_lower and nxt.lower_ not in TAIL_STOPS | {
        "the", "a", "an", "its", "their"}


def content_words(text: str) -> set[str]:
    """The words of a tail that say what the agreement is about."""
    return {w for w in text.lower().replace("-", " ").split() if w not in NON_CONTENT | GENERIC_HEAD_WORDS}


def known_described(gazetteer: Gazetteer, head: str, tail: str) -> KnownEntity | None:
    """A known agreement named by a head and a tail with the same content words ("MoA on liaison
    officers" for "Memorandum of Agreement on the exchange of liaison officers")."""
    wanted = content_words(tail)
    if not wanted:
        return None
    return _described_index(gazetteer).get(frozenset(wanted))


@lru_cache(maxsize=4)
def _described_index(gazetteer: Gazetteer) -> dict[frozenset[str], KnownEntity]:
    # Built once per gazetteer rather than a scan of every entry per described agreement; the
    # first entry (in the gazetteer's order) whose alias has a tail's content words wins, as before.
    index: dict[frozenset[str], KnownEntity] = {}
    for entry in gazetteer.entries.values():
        if entry.cls != "Agreement":
            continue
        for alias in entry.aliases:
            words = alias.split()
            cue = next((i for i, w in enumerate(words) if w.lower() in TAIL_CUES), None)
            if cue is None or not all(w.lower() in GENERIC_HEAD_WORDS for w in words[:cue]):
                continue
            index.setdefault(frozenset(content_words(" ".join(words[cue:]))), entry)
    return index


def described_agreement(doc: Doc, start: int, head_end: int, end: int, table: EntityTable) -> Entity:
    """The agreement named by ``doc[start:end]``, a generic head ending at ``head_end`` and its tail."""
    name = doc[start:end].text
    known = known_described(table.gazetteer, doc[start:head_end].text, doc[head_end:end].text)
    agreement = table.resolve(known.label if known is not None else name, "Agreement")
    table.alias(agreement, name)
    return agreement
