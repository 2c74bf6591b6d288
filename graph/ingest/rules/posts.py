"""A body named only as where a person serves: "Air Marshal X, Air Officer Commanding-in-Chief of
Eastern Air Command" names the command as X's post, not as a force in the sentence's event.

Examples
--------
>>> from graph.ingest.language.text import nlp
>>> doc = nlp()("He was received by R Nambiar, Commander-in-Chief of the Eastern Air Command.")
>>> post_body(doc, 14)
True
>>> post_body(nlp()("Troops of the Madras Regiment arrived."), 3)
False
>>> post_body(nlp()("Yudh Abhyas, the joint exercise of the Indian Army, ended."), 8)
False
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.ingest.language.lexicon import HONORIFICS, TITLE_WORDS
from graph.ingest.language.tokens import words_of
from graph.ingest.resolution.entities import Mention

# the head of a post ("commander of", "Commanding-in-Chief of"), not "the joint exercise of"
POST_NOUNS = {
    "commander", "chief", "officer", "head", "director", "commanding", "commandant", "secretary",
    "minister", "chairman", "commodore", "captain", "general", "admiral", "marshal", "deputy",
}


def post_body(doc: Doc, start: int) -> bool:
    """True when the name at ``start`` ends a post in apposition: ", <post> of (the) NAME"."""
    k = start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 2 or doc[k].lower_ != "of":
        return False
    j = k - 1
    while j > 0 and doc[j].text != "," and k - j <= 8 and not doc[j].is_sent_start:
        j -= 1
    post = [t for t in doc[j + 1 : k] if t.is_alpha]
    return doc[j].text == "," and any(t.lower_ in POST_NOUNS for t in post)


RANK_WORDS = TITLE_WORDS | HONORIFICS  # what may stand between a post's comma and a name


def apposed_titles(doc: Doc, mentions: list[Mention]) -> None:
    """A post set before a person's name by a comma ("the Chief of the Army Staff, General M.M.
    Naravane", "the Defence Secretary, Dr Ajay Kumar") is one of the person's titles.

    >>> from graph.ingest.extract import extract_text
    >>> result = extract_text("He met the Chief of the Naval Staff, Admiral Karambir Singh.")
    >>> [(f.subject.label, f.obj.label) for f in result.facts if f.predicate == "affiliatedWith"]
    [('Karambir Singh', 'India')]
    """
    lower = words_of(doc).lower
    people = {i for m in mentions if m.entity.cls == "Person" for i in range(m.start, m.end)}
    for m in mentions:
        if m.entity.cls != "Person" or m.role:
            continue
        k = m.start - 1
        while k > 0 and lower[k].rstrip(".") in RANK_WORDS and doc[k].text[:1].isupper():
            k -= 1  # the rank or honorific before the name: "General", "Air Chief Marshal", "Dr"
        if k <= 0 or doc[k].text != ",":
            continue
        start = k
        while start > 0 and start - 1 not in people and (
            doc[start - 1].text[:1].isupper() or lower[start - 1] in ("of", "the")
        ):
            start -= 1
        while start < k and lower[start] in ("of", "the"):
            start += 1  # the article before the post is not part of it
        if lower[start - 1] != "the":
            continue  # "X, Commander in Chief of the Y Fleet, Z": X's post, not Z's
        if start < k and doc[start].sent == doc[m.start].sent and TITLE_WORDS & set(lower[start:k]):
            m.entity.titles.add(doc[start:k].text)
