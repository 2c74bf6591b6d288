"""Capitalised name runs and how to read them: what class a name is, where a post ends and a
person's name begins.

Examples
--------
>>> from graph.ingest.language.text import nlp
>>> doc = nlp()("Defence Minister Rajnath Singh met India and the United States Army.")
>>> [doc[s:e].text for s, e in name_runs(doc, set())]
['Defence Minister Rajnath Singh', 'India', 'United States Army']
>>> split_post(doc[0:4])
(2, 'Defence Minister')
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from graph.ingest.language.lexicon import (
    CONNECTORS,
    HONORIFICS,
    ORGANISATION_HEADS,
    PERSONNEL_NOUNS,
    STOP_CAPITALS,
    TITLE_TAIL_WORDS,
    TITLE_WORDS,
)
from graph.ingest.language.tokens import Words, is_name_word, words_of


def is_name_token(token: Token) -> bool:
    """A capitalised word, an acronym, a mixed-case brand ("iDEX") or an ordinal starting a name."""
    return is_name_word(token.text)


def _starts_name(w: Words, i: int) -> bool:
    if not w.like_num[i] and not w.name[i]:
        return False  # what every test below would conclude, found without them
    lower = w.lower[i]
    if lower in STOP_CAPITALS or (lower in PERSONNEL_NOUNS and _of_follows(w, i)):
        return False
    if i >= 2 and w.text[i - 1] == "-" and not w.spaced[i - 2] and w.is_lower[i - 2]:
        return False  # "counter-UAS", "US-led": part of a lower-case compound
    size = len(w.text)
    if w.like_num[i] and w.text[i][-2:] in ("st", "nd", "rd", "th"):
        # "21st Century", "1st Battalion"; spaCy's like_num also holds for "first", "fourth", which
        # start no name ("the first US Navy ship")
        return w.text[i][:1].isdigit() and i + 1 < size and w.name[i + 1]
    if w.like_num[i] and i + 3 < size and w.text[i + 1] in "-+" and w.like_num[i + 2]:
        return w.name[i + 3] or w.text[i + 1] == "+"  # "1-24 Infantry", "2+2 Dialogue"
    return w.name[i]


def _of_follows(w: Words, i: int) -> bool:
    # "Troops of the Indian Army": the body's people; "Marines" alone may be a name.
    return i + 1 < len(w.text) and w.lower[i + 1] in ("of", "from")


def _joins(w: Words, j: int, end: int) -> bool:
    # A connector continues a run only when a name word follows it ("Ministry of Defence").
    text = w.text[j]
    if text in {"-", "+"}:
        return (j > 0 and not w.spaced[j - 1] and j + 1 < end and w.name[j + 1]) or (
            text == "+" and j + 1 < end and w.like_num[j + 1]
        )
    lower = w.lower[j]
    if lower not in CONNECTORS:
        return False
    if lower == "the" and (j == 0 or w.lower[j - 1] not in ("of", "for")):
        return False
    nxt = j + 1
    while nxt < end and w.lower[nxt] in ("the", "-"):
        nxt += 1
    return nxt < end and w.name[nxt]


def _continues(w: Words, j: int, end: int) -> bool:
    # Negative indices wrap to the document's end, as ``doc[j - 2]`` did before these lists.
    return (
        w.name[j]
        or (w.like_num[j] and w.text[j - 1] in "+-" and not w.spaced[j - 2])
        or (w.like_num[j] and j + 1 < end and w.text[j + 1] == "+")
        or (w.text[j] == "-" and w.like_num[j - 1] and j + 1 < end and w.like_num[j + 1])
        or _joins(w, j, end)
    )


def name_runs(doc: Doc | Span, taken: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of name words (with "of", "and", "&" inside), skipping ``taken`` tokens."""
    runs = []
    base = doc.start if isinstance(doc, Span) else 0
    w = words_of(doc.doc if isinstance(doc, Span) else doc)
    end_limit = base + len(doc)
    i = base
    while i < end_limit:
        if i in taken or not _starts_name(w, i):
            i += 1
            continue
        j = i + 1
        while j < end_limit and j not in taken and _continues(w, j, end_limit):
            j += 1
        while j > i + 1 and w.lower[j - 1] in CONNECTORS:
            j -= 1
        runs.append((i, j))
        i = j
    return runs


MODEL_DESIGNATOR = re.compile(r"^[A-Z][A-Za-z]{0,2}-\d+[A-Za-z]*$")


def owner_of_platform(w: Words, start: int, end: int) -> int:
    """Where the body's name starts in a run that begins with an aircraft or ship type ("a P-8A
    of the US Navy", "a CP-140 Aurora of the Royal Canadian Air Force"): after "of (the)";
    ``start`` when the run does not begin with a type or names no owner ("E-2C Hawkeyes").

    >>> from graph.ingest.language.text import nlp
    >>> doc = nlp()("a P-3C Orion of the Republic of Korea Navy and E-2C Hawkeyes")
    >>> owner_of_platform(words_of(doc), 1, 9), owner_of_platform(words_of(doc), 5, 9)
    (5, 5)
    >>> owner_of_platform(words_of(doc), 10, 12)
    10
    """
    if not MODEL_DESIGNATOR.match(w.text[start]):
        return start
    of = next((k for k in range(start + 1, end - 1) if w.lower[k] == "of"), None)
    if of is None:
        return start
    return of + 2 if w.lower[of + 1] == "the" and of + 2 < end else of + 1


def split_post(run: Span) -> tuple[int, str] | None:
    """Where a person's name starts in a run that begins with a post, and the post as written.

    ``None`` when the run holds no post word; the index equals ``len(run)`` for a bare post.
    """
    w = words_of(run.doc)
    lower = w.lower[run.start : run.end]
    words = [word.rstrip(".") for word in lower]
    last_post = -1
    for k, word in enumerate(words):
        if word in TITLE_WORDS or word in HONORIFICS or (last_post >= 0 and _post_tail(lower, k)):
            last_post = k
    if last_post < 0:
        return None
    texts = w.text[run.start : run.start + last_post + 1]
    post = " ".join(text for text, word in zip(texts, words, strict=False) if word not in HONORIFICS)
    if len(run) - last_post - 1 == 1 and words[last_post] not in STRONG_TITLES:
        return len(run), post  # "Defence Industries Promotion" is not a post and a name
    return last_post + 1, post


STRONG_TITLES = {
    "president",
    "minister",
    "secretary",
    "ambassador",
    "general",
    "admiral",
    "dr",
    "shri",
    "smt",
    "mr",
    "mrs",
    "ms",
    "chairman",
    "director",
    "commander",
    "marshal",
    "colonel",
}


def _post_tail(lower: list[str], k: int) -> bool:
    # "Secretary of War", "Ambassador to India", "Marshal of the Indian Air Force"
    word = lower[k]
    if word in ("of", "for", "to", "the", "&", "and") or word in TITLE_TAIL_WORDS:
        return True
    return word in ORGANISATION_HEADS or (k + 1 < len(lower) and lower[k + 1] in ORGANISATION_HEADS)


def looks_like_person_name(tokens: Span) -> bool:
    """Two to four capitalised words or initials, none of them a post or a head noun."""
    if not 1 <= len(tokens) <= 5:
        return False
    w, start, end = words_of(tokens.doc), tokens.start, tokens.end
    for text, lower in zip(w.text[start:end], w.lower[start:end], strict=True):
        word = lower.rstrip(".")
        if not text[:1].isupper() or word in TITLE_WORDS or word in ORGANISATION_HEADS:
            return False
        if word in CONNECTORS or word in NOT_SURNAMES:
            return False
    return True


# "Joint Pacific Alaska Range Complex": words that end place names and never people's, so a post
# word in front ("Joint") does not make the rest a person.
NOT_SURNAMES = {
    "range", "ranges", "complex", "airfield", "cantonment", "island", "islands",
    # nouns that end the names of things, never of people ("Tata Sons", "Foreign Military Sale",
    # "National Defense Authorization Act", "Indian Ocean Region")
    "sons", "sale", "sales", "act", "region", "ocean", "system", "systems", "information", "strategy",
}
