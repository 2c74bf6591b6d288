"""Capitalised name runs and how to read them: what class a name is, where a post ends and a
person's name begins.

Examples
--------
>>> from graph.ingest.text import nlp
>>> doc = nlp()("Defence Minister Rajnath Singh met India and the United States Army.")
>>> [doc[s:e].text for s, e in name_runs(doc, set())]
['Defence Minister Rajnath Singh', 'India', 'United States Army']
>>> split_post(doc[0:4])
(2, 'Defence Minister')
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graph.ingest.lexicon import (
    CONNECTORS,
    HONORIFICS,
    ORGANISATION_HEADS,
    PERSONNEL_NOUNS,
    STOP_CAPITALS,
    TITLE_TAIL_WORDS,
    TITLE_WORDS,
)


def is_name_token(token: Token) -> bool:
    """A capitalised word, an acronym, a mixed-case brand ("iDEX") or an ordinal starting a name."""
    text = token.text
    if not text[:1].isalnum():
        return False
    if text[:1].isupper():
        return True
    return text[:1].isalpha() and any(c.isupper() for c in text[1:])


def _starts_name(doc: Doc, i: int) -> bool:
    token = doc[i]
    if not token.like_num and not is_name_token(token):
        return False  # what every test below would conclude, found without them
    if token.lower_ in STOP_CAPITALS or (token.lower_ in PERSONNEL_NOUNS and _of_follows(doc, i)):
        return False
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and doc[i - 2].is_lower:
        return False  # "counter-UAS", "US-led": part of a lower-case compound
    if token.like_num and token.text[-2:] in ("st", "nd", "rd", "th"):
        return i + 1 < len(doc) and is_name_token(doc[i + 1])
    if token.like_num and i + 3 < len(doc) and doc[i + 1].text in "-+" and doc[i + 2].like_num:
        return is_name_token(doc[i + 3]) or doc[i + 1].text == "+"  # "1-24 Infantry", "2+2 Dialogue"
    return is_name_token(token)


def _of_follows(doc: Doc, i: int) -> bool:
    # "Troops of the Indian Army": the body's people; "Marines" alone may be a name.
    return i + 1 < len(doc) and doc[i + 1].lower_ in ("of", "from")


def _joins(doc: Doc, j: int, end: int) -> bool:
    # A connector continues a run only when a name word follows it ("Ministry of Defence").
    token = doc[j]
    if token.text in {"-", "+"}:
        return (j > 0 and not doc[j - 1].whitespace_ and j + 1 < end and is_name_token(doc[j + 1])) or (
            token.text == "+" and j + 1 < end and doc[j + 1].like_num
        )
    if token.lower_ not in CONNECTORS:
        return False
    if token.lower_ == "the" and (j == 0 or doc[j - 1].lower_ not in ("of", "for")):
        return False
    nxt = j + 1
    while nxt < end and doc[nxt].lower_ in ("the", "-"):
        nxt += 1
    return nxt < end and is_name_token(doc[nxt])


def name_runs(doc: Doc | Span, taken: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of name words (with "of", "and", "&" inside), skipping ``taken`` tokens."""
    runs = []
    base = doc.start if isinstance(doc, Span) else 0
    whole = doc.doc if isinstance(doc, Span) else doc
    end_limit = base + len(doc)
    i = base
    while i < end_limit:
        if i in taken or not _starts_name(whole, i):
            i += 1
            continue
        j = i + 1
        while (
            j < end_limit
            and j not in taken
            and (
                is_name_token(whole[j])
                or (whole[j].like_num and whole[j - 1].text in "+-" and not whole[j - 2].whitespace_)
                or (whole[j].like_num and j + 1 < end_limit and whole[j + 1].text == "+")
                or (
                    whole[j].text == "-"
                    and whole[j - 1].like_num
                    and j + 1 < end_limit
                    and whole[j + 1].like_num
                )
                or _joins(whole, j, end_limit)
            )
        ):
            j += 1
        while j > i + 1 and whole[j - 1].lower_ in CONNECTORS:
            j -= 1
        runs.append((i, j))
        i = j
    return runs


def split_post(run: Span) -> tuple[int, str] | None:
    """Where a person's name starts in a run that begins with a post, and the post as written.

    ``None`` when the run holds no post word; the index equals ``len(run)`` for a bare post.
    """
    words = [t.lower_.rstrip(".") for t in run]
    last_post = -1
    for k, word in enumerate(words):
        if word in TITLE_WORDS or word in HONORIFICS or (last_post >= 0 and _post_tail(run, k)):
            last_post = k
    if last_post < 0:
        return None
    post = " ".join(t.text for t in run[: last_post + 1] if t.lower_.rstrip(".") not in HONORIFICS)
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


def _post_tail(run: Span, k: int) -> bool:
    # "Secretary of War", "Ambassador to India", "Marshal of the Indian Air Force"
    word = run[k].lower_
    if word in ("of", "for", "to", "the", "&", "and") or word in TITLE_TAIL_WORDS:
        return True
    return word in ORGANISATION_HEADS or (k + 1 < len(run) and run[k + 1].lower_ in ORGANISATION_HEADS)


def looks_like_person_name(tokens: Span) -> bool:
    """Two to four capitalised words or initials, none of them a post or a head noun."""
    if not 1 <= len(tokens) <= 5:
        return False
    for token in tokens:
        word = token.lower_.rstrip(".")
        if not token.text[:1].isupper() or word in TITLE_WORDS or word in ORGANISATION_HEADS:
            return False
        if word in CONNECTORS:
            return False
    return True
