"""A document's words as plain lists, read once per document.

Rules look at the same tokens many times over; every ``doc[i]`` makes a new spaCy ``Token``
object, and that, repeated, was most of the extractor's time. :func:`words_of` reads the
attributes the rules test into lists once (from one ``Doc.to_array`` call) and keeps them with
the document.

Examples
--------
>>> from graph.ingest.language.text import nlp
>>> words = words_of(nlp()("The 24th JTG met in New Delhi."))
>>> words.text[1], words.lower[3], words.like_num[1], words.like_num[3], words.spaced[5], words.spaced[6]
('24th', 'met', True, False, True, False)
>>> [words.text[i] for i in range(len(words.text)) if words.name[i]]
['The', 'JTG', 'New', 'Delhi']
>>> words.text_of(4, 7)
'in New Delhi'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IDX, IS_LOWER, LIKE_NUM, ORTH, SPACY
from spacy.tokens import Doc


@lru_cache(maxsize=65536)  # a few thousand distinct words recur across articles
def is_name_word(text: str) -> bool:
    """A capitalised word, an acronym, a mixed-case brand ("iDEX") or an ordinal starting a name."""
    if not text[:1].isalnum():
        return False
    if text[:1].isupper():
        return True
    return text[:1].isalpha() and any(c.isupper() for c in text[1:])


@dataclass(frozen=True)
class Words:
    """Per-token facts of one document, indexed as the document's tokens are."""

    text: list[str]
    lower: list[str]  # spaCy's ``lower_``: the text lower-cased
    spaced: list[bool]  # whitespace follows the token (spaCy's ``whitespace_`` is not empty)
    like_num: list[bool]
    is_lower: list[bool]
    name: list[bool]  # :func:`is_name_word` of the text
    idx: list[int]  # the token's offset in ``whole``
    whole: str  # the document's text

    def text_of(self, start: int, end: int) -> str:
        """The text of the tokens ``[start, end)`` (``end > start``): ``doc[start:end].text``
        without making a ``Span``."""
        return self.whole[self.idx[start] : self.idx[end - 1] + len(self.text[end - 1])]


_KEY = "words"


def words_of(doc: Doc) -> Words:
    """The words of ``doc``, read on first use and kept in its ``user_data``."""
    cached = doc.user_data.get(_KEY)
    if cached is None:
        table = doc.to_array([ORTH, IDX, SPACY, LIKE_NUM, IS_LOWER])
        strings = doc.vocab.strings
        text: list[str] = [strings[key] for key in table[:, 0].tolist()]
        idx: list[int] = table[:, 1].tolist()
        spaced, like_num, is_lower = table[:, 2:].astype(bool).T.tolist() if text else ([], [], [])
        lower, name = list(map(str.lower, text)), list(map(is_name_word, text))
        whole = "".join([word + " " if space else word for word, space in zip(text, spaced, strict=True)])
        cached = Words(text, lower, spaced, like_num, is_lower, name, idx, whole)
        doc.user_data[_KEY] = cached
    return cached
