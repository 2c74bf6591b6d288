"""A body named only as where a person serves: "Air Marshal X, Air Officer Commanding-in-Chief of
Eastern Air Command" names the command as X's post, not as a force in the sentence's event.

Examples
--------
>>> from graph.ingest.text import nlp
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
