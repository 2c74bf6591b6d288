"""Gazetteer phrases in a document: every known name, acronym or technology term, longest first.

spaCy's PhraseMatcher runs once per document over every surface form of the gazetteer
(case-sensitive for names and acronyms: "US" is not "us"); the hits are kept sorted in the
document's ``user_data``, so the phrases inside one run of words are found by bisection.
Technology terms count only where technology is the subject ("space" alone is too common a word).

Examples
--------
>>> from graph.ingest.resolution.entities import EntityTable
>>> from graph.ingest.resolution.gazetteer import Gazetteer
>>> from graph.ingest.language.text import nlp
>>> doc = nlp()("The two sides discussed cooperation in hypersonics and artificial intelligence.")
>>> table = EntityTable(Gazetteer.empty(), "k")
>>> [(m.entity.cls, m.entity.label) for m in known_phrases(doc, table, set())]
[('TechnologyArea', 'hypersonics'), ('TechnologyArea', 'artificial intelligence')]
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from rdflib import URIRef
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from graph.ingest.language.technology_words import AMBIGUOUS_TECHNOLOGY, TECHNOLOGY
from graph.ingest.language.text import nlp
from graph.ingest.language.tokens import words_of
from graph.ingest.resolution.entities import EntityTable, Mention
from graph.ingest.resolution.gazetteer import Gazetteer

CURATED = {alias for _, aliases in TECHNOLOGY.values() for alias in aliases}


def known_inside(
    span: Span, table: EntityTable, role: str = "", skip: frozenset[str] | set[str] = frozenset()
) -> list[Mention]:
    """Mentions of the known phrases wholly inside ``span`` (``skip``: classes not resolved at all)."""
    found: list[Mention] = []
    hits = _phrase_hits(span.doc, table.gazetteer, range(span.start, span.end))
    if not hits:
        return found  # most runs hold no known phrase
    words = words_of(span.doc)
    for start, end, entry_iri in hits:
        entry = table.gazetteer.entries[entry_iri]
        if entry.cls in skip:
            continue  # not resolved at all: "Maritime" inside an institute's name is no node
        found.append(Mention(start, end, table.resolve(words.text_of(start, end), entry.cls), role))
    return found


def known_phrases(doc: Doc, table: EntityTable, used: set[int]) -> list[Mention]:
    """Mentions of the known phrases outside the ``used`` tokens (a lower-case name is no name)."""
    free = [i for i in range(len(doc)) if i not in used]
    hits = _phrase_hits(doc, table.gazetteer, free)
    words = words_of(doc)
    found = []
    for start, end, entry_iri in hits:
        entry = table.gazetteer.entries[entry_iri]
        text = words.text_of(start, end)
        if entry.cls == "TechnologyArea" and not _technology_ok(doc, start, end, hits):
            continue
        if entry.cls != "TechnologyArea" and text.islower():
            continue
        found.append(Mention(start, end, table.resolve(text, entry.cls)))
    return found


def _technology_ok(doc: Doc, start: int, end: int, hits: list[tuple[int, int, URIRef]]) -> bool:
    # "space" alone is too common a word, "C-17" a platform; in a list of technologies they count.
    text = words_of(doc).text_of(start, end)
    if text not in CURATED and not (text.islower() and end - start > 1 and _technology_cue(doc, start, end)):
        return (
            False  # platforms ("C-17") and gazetteer words ("aviation") only where technology is the subject
        )
    if text.lower() not in AMBIGUOUS_TECHNOLOGY:
        return True
    return any((s != start and abs(s - end) <= 3) or (abs(start - e) <= 3 and s != start) for s, e, _ in hits)


TECHNOLOGY_CUES = {
    "technology",
    "technologies",
    "areas",
    "fields",
    "domains",
    "capabilities",
    "cooperation",
    "working",
    "focus",
    "such",
    "including",
    "collaboration",
}


def _technology_cue(doc: Doc, start: int, end: int) -> bool:
    sentence, lower = doc[start].sent, words_of(doc).lower
    outside = (i for i in range(sentence.start, sentence.end) if not start <= i < end)
    return any(lower[i] in TECHNOLOGY_CUES for i in outside)


def _phrase_hits(doc: Doc, gazetteer: Gazetteer, allowed: range | list[int]) -> list[tuple[int, int, URIRef]]:
    cache_key = f"phrase-hits-{id(gazetteer)}"
    found = doc.user_data.get(cache_key)
    if found is None:  # the matcher runs once per document
        matcher, keys = _phrase_matcher(gazetteer)
        # by start (a stable sort: equal spans keep the matcher's order), so a range is found by bisection
        ordered = sorted(((s, e, key) for key, s, e in matcher(doc)), key=lambda hit: hit[0])
        found = doc.user_data[cache_key] = (ordered, [hit[0] for hit in ordered], keys)
    cached, starts, keys = found
    if isinstance(allowed, range):  # the hits wholly inside it
        within = cached[bisect_left(starts, allowed.start) : bisect_left(starts, allowed.stop)]
        hits = [hit for hit in within if hit[1] <= allowed.stop]
        if not hits:
            return []  # most runs hold no known phrase
    else:
        allowed_set = set(allowed)
        hits = [
            (s, e, key)
            for s, e, key in cached
            if s in allowed_set and all(i in allowed_set for i in range(s, e))
        ]
    return [(s, e, keys[key]) for s, e, key in _longest_first(hits)]


def _longest_first(hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    # spacy.util.filter_spans on (start, end, key) tuples: no Span object made for each hit.
    ordered = sorted(hits, key=lambda hit: (hit[1] - hit[0], -hit[0]), reverse=True)
    kept: list[tuple[int, int, int]] = []
    seen: set[int] = set()
    for start, end, key in ordered:
        if start not in seen and end - 1 not in seen:
            kept.append((start, end, key))
            seen.update(range(start, end))
    return sorted(kept, key=lambda hit: hit[0])


@lru_cache(maxsize=4)
def _phrase_matcher(gazetteer: Gazetteer) -> tuple[PhraseMatcher, dict[int, URIRef]]:
    # Acronyms and capitalised names match case-sensitively ("US" is not "us"); lower-case
    # technology terms match in any case.
    vocab = nlp().vocab
    exact = PhraseMatcher(vocab, attr="ORTH")
    keys: dict[int, URIRef] = {}
    for alias, entry in gazetteer.surface_forms():
        key = vocab.strings.add(str(entry.iri))
        keys[key] = entry.iri
        exact.add(str(entry.iri), [nlp().make_doc(alias)])
        if alias.islower() or alias[:1].islower():
            exact.add(str(entry.iri), [nlp().make_doc(alias.capitalize())])
        elif entry.cls == "TechnologyArea" and alias[1:].islower():
            # "Maritime domain awareness" in the gazetteer is "maritime domain awareness" in text
            exact.add(str(entry.iri), [nlp().make_doc(alias[0].lower() + alias[1:])])
    return exact, keys
