"""People named with their posts: "US Ambassador to India Eric Garcetti", "Rear Admiral X, the Flag
Officer Commanding Eastern Fleet", "The US ambassador, Nancy Powell, ...". Part of
:mod:`.mentions`: each function reads one capitalised run and says who it names, if anyone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.ingest.language.lexicon import HONORIFICS, STRONG_POSTS, TITLE_WORDS, class_for_head
from graph.ingest.language.tokens import words_of
from graph.ingest.resolution.entities import Entity, EntityTable, Mention
from graph.ingest.resolution.known_phrases import known_inside
from graph.ingest.resolution.names import NOT_SURNAMES, looks_like_person_name

POST_BODY_LINKS = {"commanding", "of"}


def apposed_post(doc: Doc, span: Span, table: EntityTable, before: list[Mention]) -> list[Mention]:
    """"Rear Admiral X, the Flag Officer Commanding Eastern Fleet": a post in apposition to a
    person is the person's title; only the body it names is an entity."""
    person = before[-1] if before else None
    gap = words_of(doc).lower[person.end : span.start] if person is not None else []
    if person is None or person.entity.cls != "Person" or gap not in ([","], [",", "the"]):
        return []
    if class_for_head(words_of(doc).text[span.start : span.end]) != "Organisation":
        return []  # a post already ("Assistant Secretary of War for ...") or no post at all
    links = [k for k, t in enumerate(span) if k > 0 and t.lower_ in POST_BODY_LINKS]
    bodies = [span[k + 1 + (k + 1 < len(span) and span[k + 1].lower_ == "the") :] for k in links]
    titled = [b for k, b in zip(links, bodies, strict=True) if any(t.lower_ in TITLE_WORDS for t in span[:k])]
    # "Chief of Staff of the Eastern Naval Command": the known body, else the shortest one
    known = [b for b in titled if _known_organisation(b, table)]
    choices = known or titled[-1:]
    if not choices or not len(choices[0]):
        return []
    body = choices[0]
    person.entity.titles.add(span.text)
    return [Mention(body.start, body.end, table.resolve(body.text, "Organisation"))]


def post_before_name(doc: Doc, span: Span, table: EntityTable) -> list[Mention]:
    """"the Chief of Staff of the US Army, General Randy George": a post (a title word, "of", a
    body) in apposition before a name is no body of its own; only the body it names is an entity,
    and the post is the next person's title (see :mod:`graph.ingest.rules.affiliations`)."""
    w = words_of(doc)
    after = span.end
    if after + 2 >= len(doc) or w.text[after] != "," or w.lower[span.start].rstrip(".") not in TITLE_WORDS:
        return []
    k = after + 1
    while k < len(doc) - 1 and w.lower[k].rstrip(".") in TITLE_WORDS | HONORIFICS:
        k += 1  # "General", "Dr"
    if not (w.text[k][:1].isupper() and looks_like_person_name(doc[k : k + 2])):
        return []
    links = [j for j in range(span.start + 1, span.end - 1) if w.lower[j] == "of"]
    if not links:
        return []
    start = links[-1] + 1 + (w.lower[links[-1] + 1] == "the")
    body = doc[start : span.end]
    if not len(body) or class_for_head(w.text[body.start : body.end]) != "Organisation":
        return []
    return [Mention(body.start, body.end, table.resolve(body.text, "Organisation"))]


def _known_organisation(span: Span, table: EntityTable) -> bool:
    known = table.seen(span.text) or table.gazetteer.lookup(span.text)
    return known is not None and known.cls == "Organisation"


def envoy(doc: Doc, span: Span, table: EntityTable) -> list[Mention]:
    """"US Ambassador to India Eric Garcetti": the country ends the post, the name follows."""
    if span.start < 2 or words_of(doc).lower[span.start - 1] != "to" or len(span) < 3:
        return []
    country = table.gazetteer.lookup(span[0].text)
    name = span[1:]
    if country is None or country.cls != "Country" or not looks_like_person_name(name):
        return []
    person = table.resolve(name.text, "Person")
    post_start = doc[span.start - 2]
    person.titles.add(f"{post_start.text} to {span[0].text}")
    return [
        Mention(span.start, span.start + 1, table.resolve(span[0].text, "Country"), "post"),
        Mention(name.start, name.end, person),
    ]


def person_after_post(doc: Doc, span: Span, post: tuple[int, str], table: EntityTable) -> list[Mention]:
    """A person named after a post (``post`` from :func:`~.names.split_post`), and what the post names."""
    name_start, post_text = post
    name = span[name_start:]
    # "Assistant Secretary of Defense for Indo-Pacific Security Affairs": a place in a post's name
    # is part of the post, not a place of the event
    mentions = known_inside(span[:name_start], table, role="post", skip={"Place"})
    if len(name) and words_of(doc).lower[span.end - 1] in NOT_SURNAMES:  # "Joint ... Range Complex"
        return [Mention(span.start, span.end, table.resolve(span.text, "Place"))]
    if not len(name) and len(span) >= 2:  # "Gen. George" after "Gen. Randy George": a rank and a surname seen
        known = table.seen(span[-1].text, "Person")
        return [*mentions, Mention(span.end - 1, span.end, known)] if known is not None else mentions
    if not len(name) or not looks_like_person_name(name):
        return mentions
    person = table.resolve(name.text, "Person")
    if post_text:
        person.titles.add(post_text)
    return [*mentions, Mention(name.start, name.end, person)]


def bare_person(doc: Doc, span: Span, table: EntityTable, before: list[Mention]) -> Entity | None:
    """The person a capitalised run names when a post or a partner stands beside it, else None."""
    # "Anurag Bajpai, Joint Secretary ...", "..., Michael Francis Dodd", "Dr Chandrika Kaushik"
    if not looks_like_person_name(span):
        return None
    if len(span) == 1:
        return table.seen(span.text, "Person")
    prev = span.start - 1
    after_post = prev >= 0 and (doc[prev].lower_.rstrip(".") in HONORIFICS | TITLE_WORDS)
    after_post = after_post or (prev >= 1 and doc[prev].text == "," and _post_ends_at(doc, prev, before))
    lower_post = _lower_post_before(doc, span)
    after_post = after_post or bool(lower_post)
    # "co-chaired by Rajnath Singh and Pete Hegseth": the agent of a verb, or a person's partner
    after_post = after_post or (prev >= 0 and doc[prev].lower_ == "by" and len(span) <= 3)
    after_post = after_post or (
        prev >= 0
        and doc[prev].lower_ == "and"
        and bool(before)
        and before[-1].entity.cls == "Person"
        and before[-1].end == prev
    )
    # "Ely Ratner, the Assistant Secretary of ...": a post in apposition, with or without "the"
    # "Samir Sinha, Additional Secretary ...": up to two capitalised modifiers before the title word
    first = span.end + 1 + (span.end + 2 < len(doc) and doc[span.end + 1].lower_ == "the")
    title = next(
        (j for j in range(first, min(len(doc), first + 3)) if doc[j].lower_.rstrip(".") in TITLE_WORDS), 0
    )
    before_post = (
        title > 0
        and doc[span.end].text == ","
        and (title == span.end + 1 or all(t.text[:1].isupper() for t in doc[first : title + 1]))
    ) or _lower_apposition(doc, span.end)
    if not (after_post or before_post):
        return None
    person = table.resolve(span.text, "Person")
    if lower_post:
        person.titles.add(lower_post)
    return person


def _lower_apposition(doc: Doc, comma: int) -> bool:
    """", a joint secretary in ...", ", the Pentagon's assistant secretary of defense": a post in
    lower case after an article, as US and Indian newspapers write it."""
    if comma + 2 >= len(doc) or doc[comma].text != ",":
        return False
    article = doc[comma + 1].lower_ in ("a", "an", "the")
    words = [t for t in doc[comma + 1 + article : min(len(doc), comma + 8)]]
    end = next((k for k, t in enumerate(words) if t.text in ",.;()"), len(words))
    titled = any(t.is_lower and t.lower_ in TITLE_WORDS for t in words[:end])
    # without an article, only a post that names its body: ", managing director of TASL"
    return titled and (article or any(t.lower_ in ("of", "at") for t in words[1:end]))


def _lower_post_before(doc: Doc, span: Span) -> str:
    """"The US ambassador, Nancy Powell, accompanied him": the post before an apposed name
    (closed by a comma), as written ("US ambassador"); empty when there is none."""
    comma = span.start - 1
    closed = span.end < len(doc) and doc[span.end].text in (",", ".")
    if comma < 1 or doc[comma].text != "," or not closed or doc[comma - 1].lower_ not in POSTS_BEFORE_NAMES:
        return ""
    if not doc[comma - 1].is_lower and doc[comma - 1].lower_ not in ("d'affaires",):
        return ""
    k = comma - 1
    while k > 0 and doc[k - 1].lower_ not in OPENERS | {","} and k > comma - 4:
        k -= 1
    # "Lockheed Martin's chief operating officer, Frank St. John": a body's post opens it too
    return doc[k:comma].text if doc[k - 1].lower_ in OPENERS else ""


# The words a post before an apposed name ends with ("the US ambassador, Nancy Powell"), and the
# words that open such a post: an article, or a body's possessive ("Boeing's chief executive").
POSTS_BEFORE_NAMES = STRONG_POSTS | {"officer", "executive", "director", "chief", "d'affaires", "commander"}
OPENERS = {"the", "a", "an", "'s", "\u2019s"}


def _post_ends_at(doc: Doc, comma: int, before: list[Mention]) -> bool:
    # The run just before the comma was a bare post ("US Assistant Secretary of War ...").
    k = comma - 1
    while (k >= 0 and doc[k].text[:1].isupper()) or (k >= 0 and doc[k].lower_ in ("of", "for", "&", "and")):
        if doc[k].lower_.rstrip(".") in TITLE_WORDS:
            return True
        k -= 1
    return False
