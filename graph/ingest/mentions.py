"""Finding the entities an article names: known phrases (:mod:`graph.ingest.known_phrases`),
capitalised names read by their head word, people after their posts, places after "in"/"at",
acronyms introduced in parentheses.

Examples
--------
>>> from graph.ingest.gazetteer import Gazetteer
>>> from graph.ingest.entities import EntityTable
>>> from graph.ingest.text import nlp
>>> doc = nlp()("The Defence Research and Development Organisation (DRDO) met Defence Minister "
...             "Rajnath Singh in New Delhi to discuss hypersonics.")
>>> table = EntityTable(Gazetteer.empty(), "k")
>>> sorted({(m.entity.cls, m.entity.label) for m in find_mentions(doc, table, set())})
[('Organisation', 'Defence Research and Development Organisation'), ('Person', 'Rajnath Singh'),
 ('Place', 'New Delhi'), ('TechnologyArea', 'hypersonics')]
>>> table.seen("DRDO").label
'Defence Research and Development Organisation'
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.ingest.described_agreements import described_agreement, described_end
from graph.ingest.entities import Entity, EntityTable
from graph.ingest.facts import Mention
from graph.ingest.known_phrases import known_inside, known_phrases
from graph.ingest.lexicon import (
    AGREEMENT_HEADS,
    CONNECTORS,
    HONORIFICS,
    INITIATIVE_HEADS,
    MONTHS,
    NATIONALITY,
    STRONG_POSTS,
    TITLE_WORDS,
    WEEKDAYS,
    class_for_head,
)
from graph.ingest.names import NOT_SURNAMES, looks_like_person_name, name_runs, owner_of_platform, split_post
from graph.ingest.tokens import words_of

PLACE_CUES = {"in", "at", "near", "to", "from", "off"}
TRAILING_HEADS = AGREEMENT_HEADS | INITIATIVE_HEADS | {"dialogue", "exercise", "mechanism"}


def find_mentions(doc: Doc, table: EntityTable, taken: set[int]) -> list[Mention]:
    """Mentions of entities in ``doc`` outside ``taken`` tokens (dates and events found before)."""
    mentions: list[Mention] = []
    posts: set[int] = set()
    words = words_of(doc)
    for first, last in name_runs(doc, taken):
        run = (owner_of_platform(words, first, last), last)  # the body, not its aircraft
        if run[0] >= last or (mentions and run[0] < mentions[-1].end):
            continue  # already read as part of a longer name ("1st Battalion, 5th Infantry Regiment")
        for start, end in _split_on_and(doc, *run, table):
            read = _read_run(doc, start, end, table, mentions)
            mentions += read
            if all(m.role == "post" for m in read) and words.lower[start] in TITLE_WORDS:
                posts.update(range(start, end))  # a bare post: its words name no place or area
    used = {i for m in mentions for i in range(m.start, m.end)} | taken | posts
    mentions += known_phrases(doc, table, used)
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _read_run(doc: Doc, start: int, end: int, table: EntityTable, before: list[Mention]) -> list[Mention]:
    end = _unit_continuation(doc, _with_trailing_head(doc, end))
    span = doc[start:end]
    post_body = _apposed_post(doc, span, table, before) or _described_agreement(doc, span, table)
    if post_body:
        return post_body
    entity = _known_or_classified(span, table)
    if entity is not None:
        _acronym_after(doc, end, entity, table)
        inner = known_inside(span, table, role="post", skip={"TechnologyArea"})
        inner = [m for m in inner if m.entity.cls == "Country"]
        return [Mention(start, end, entity), *inner]
    envoy = _envoy(doc, span, table)
    if envoy:
        return envoy
    post = split_post(span)
    if post is not None:
        return _person_after_post(doc, span, post, table)
    person = _bare_person(doc, span, table, before)
    if person is not None:
        return [Mention(start, end, person)]
    return _known_or_place(doc, span, table, before)


def _described_agreement(doc: Doc, span: Span, table: EntityTable) -> list[Mention]:
    # "a Memorandum of Agreement on the exchange of liaison officers": head and tail name it
    end = described_end(doc, span.start, span.end)
    if end == span.end:
        return []
    return [Mention(span.start, end, described_agreement(doc, span.start, span.end, end, table))]


def _known_or_place(doc: Doc, span: Span, table: EntityTable, before: list[Mention]) -> list[Mention]:
    known = known_inside(span, table)
    if known or not _looks_like_place(doc, span, before):
        return known
    return [Mention(span.start, span.end, table.resolve(span.text, "Place"))]


POST_BODY_LINKS = {"commanding", "of"}


def _apposed_post(doc: Doc, span: Span, table: EntityTable, before: list[Mention]) -> list[Mention]:
    """"Rear Admiral X, the Flag Officer Commanding Eastern Fleet": a post in apposition to a
    person is the person's title; only the body it names is an entity."""
    person = before[-1] if before else None
    gap = words_of(doc).lower[person.end : span.start] if person is not None else []
    if person is None or person.entity.cls != "Person" or gap not in ([","], [",", "the"]):
        return []
    if class_for_head(_texts(span)) != "Organisation":
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


def _known_organisation(span: Span, table: EntityTable) -> bool:
    known = table.seen(span.text) or table.gazetteer.lookup(span.text)
    return known is not None and known.cls == "Organisation"


def _looks_like_place(doc: Doc, span: Span, before: list[Mention]) -> bool:
    # "in New Delhi", "at Fairbanks", and "Fort Wainwright, Alaska"
    lower = words_of(doc).lower
    if any(word in CONNECTORS or word in MONTHS or word in WEEKDAYS for word in lower[span.start : span.end]):
        return False
    if span.text.lower() in NATIONALITY or span.start == 0:
        return False
    after_place = (
        lower[span.start - 1] == ","
        and bool(before)
        and before[-1].entity.cls == "Place"
        and before[-1].end == span.start - 1
    )
    return lower[span.start - 1] in PLACE_CUES or after_place


def _envoy(doc: Doc, span: Span, table: EntityTable) -> list[Mention]:
    # "US Ambassador to India Eric Garcetti": the country ends the post, the name follows.
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


def _unit_continuation(doc: Doc, end: int) -> int:
    # "1st Battalion, 5th Infantry Regiment" is one unit.
    w = words_of(doc)
    ends_unit = w.lower[end - 1] in ("battalion", "squadron", "company")
    if end + 2 < len(w.text) and ends_unit and w.text[end] == ",":
        k = end + 1
        if w.like_num[k] and w.text[k][-2:] in ("st", "nd", "rd", "th"):
            while k + 1 < len(w.text) and w.text[k + 1][:1].isupper():
                k += 1
            if w.lower[k] in ("regiment", "wing", "group", "brigade"):
                return k + 1
    return end


def _split_on_and(doc: Doc, start: int, end: int, table: EntityTable) -> list[tuple[int, int]]:
    # "Defence Minister Manohar Parrikar and US Defense Secretary Ashton Carter" is two names,
    # "Defence Research and Development Organisation" one: split where both sides stand alone.
    lower = words_of(doc).lower
    for k in range(start + 1, end - 1):
        if lower[k] != "and":
            continue
        left, right = doc[start:k], doc[k + 1 : end]
        if _two_names(left, right) or (
            _stands_alone(left, table)
            and (_stands_alone(right, table) or (len(right) >= 2 and looks_like_person_name(right)))
        ):
            return [(start, k), *_split_on_and(doc, k + 1, end, table)]
    return [(start, end)]


def _two_names(left: Span, right: Span) -> bool:
    # "Rajnath Singh and Pete Hegseth"
    sizes_ok = 2 <= len(left) <= 3 and 2 <= len(right) <= 3
    return (
        sizes_ok
        and looks_like_person_name(left)
        and looks_like_person_name(right)
        and class_for_head(_texts(right)) is None
        and class_for_head(_texts(left)) is None
    )


def _stands_alone(span: Span, table: EntityTable) -> bool:
    text = words_of(span.doc).text_of(span.start, span.end)  # spans here are never empty
    if table.seen(text) or table.gazetteer.lookup(text) or class_for_head(_texts(span)):
        return True
    post = split_post(span)
    if post is not None and post[0] == len(span):
        # a post on its own: "US Assistant Secretary of War for Critical Technologies"
        return bool(STRONG_POSTS & set(words_of(span.doc).lower[span.start : span.end]))
    return post is not None and len(span) - post[0] >= 2 and looks_like_person_name(span[post[0] :])


def _texts(span: Span) -> list[str]:
    return words_of(span.doc).text[span.start : span.end]


def _with_trailing_head(doc: Doc, end: int) -> int:
    # "the Innovation Bridge framework", "the US-India initiative on Critical and Emerging Technology"
    w = words_of(doc)
    size = len(w.text)
    if end < size and w.lower[end] in TRAILING_HEADS and w.text[end].islower():
        end += 1
        if end + 1 < size and w.lower[end] in ("on", "for", "of") and w.text[end + 1][:1].isupper():
            k = end + 1
            while k < size and (w.text[k][:1].isupper() or w.lower[k] in ("and", "of", "&")):
                k += 1
            return k
    return end


def _known_or_classified(span: Span, table: EntityTable) -> Entity | None:
    text = words_of(span.doc).text_of(span.start, span.end)  # runs are never empty
    seen = table.seen(text)
    if seen is not None:
        return table.resolve(text, seen.cls)
    known = table.gazetteer.lookup(text)
    if known is not None:
        return table.resolve(text, known.cls)
    named = _known_before_head(span, table)
    if named is not None:
        return named
    cls = class_for_head(_texts(span))
    if cls is None or (cls == "Place" and len(span) == 1 and text.lower() in ("pentagon",)):
        return table.resolve(text, "Place") if cls else None
    if cls == "Organisation" and split_post(span) is not None and _name_after_post(span):
        return None
    return table.resolve(text, cls)


def _known_before_head(span: Span, table: EntityTable) -> Entity | None:
    """"the INDUS-X initiative", "the Malabar exercise": a known name followed by its generic,
    lower-case head noun is that known entity, not a new one."""
    w = words_of(span.doc)
    if len(span) < 2 or not w.is_lower[span.end - 1] or w.lower[span.end - 1] not in TRAILING_HEADS:
        return None
    base = span[:-1].text
    known = table.seen(base) or table.gazetteer.lookup(base)
    if known is None or known.cls in ("Person", "Place", "Country", "TechnologyArea"):
        return None
    entity = table.resolve(base, known.cls)
    table.alias(entity, span.text)
    return entity


def _name_after_post(span: Span) -> bool:
    post = split_post(span)
    return post is not None and len(span) - post[0] > 0 and looks_like_person_name(span[post[0] :])


def _acronym_after(doc: Doc, end: int, entity: Entity, table: EntityTable) -> None:
    # "Defence Research and Development Organisation (DRDO)"
    w = words_of(doc)
    if end + 2 < len(w.text) and w.text[end] == "(":
        close = next((k for k in range(end + 1, min(len(w.text), end + 6)) if w.text[k] == ")"), None)
        if close is not None and close > end + 1:
            inner = doc[end + 1 : close].text
            posts = any(word in TITLE_WORDS for word in w.lower[end + 1 : close])
            if any(c.isupper() for c in inner) and not posts:
                table.alias(entity, inner)


def _person_after_post(doc: Doc, span: Span, post: tuple[int, str], table: EntityTable) -> list[Mention]:
    name_start, post_text = post
    name = span[name_start:]
    # "Assistant Secretary of Defense for Indo-Pacific Security Affairs": a place in a post's name
    # is part of the post, not a place of the event
    mentions = known_inside(span[:name_start], table, role="post", skip={"Place"})
    if len(name) and words_of(doc).lower[span.end - 1] in NOT_SURNAMES:  # "Joint ... Range Complex"
        return [Mention(span.start, span.end, table.resolve(span.text, "Place"))]
    if not len(name) or not looks_like_person_name(name):
        return mentions
    person = table.resolve(name.text, "Person")
    if post_text:
        person.titles.add(post_text)
    return [*mentions, Mention(name.start, name.end, person)]


def _bare_person(doc: Doc, span: Span, table: EntityTable, before: list[Mention]) -> Entity | None:
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
    )
    if not (after_post or before_post):
        return None
    person = table.resolve(span.text, "Person")
    if lower_post:
        person.titles.add(lower_post)
    return person


def _lower_post_before(doc: Doc, span: Span) -> str:
    """"The US ambassador, Nancy Powell, accompanied him": the post before an apposed name
    (closed by a comma), as written ("US ambassador"); empty when there is none."""
    comma = span.start - 1
    closed = span.end < len(doc) and doc[span.end].text in (",", ".")
    if comma < 1 or doc[comma].text != "," or not closed or doc[comma - 1].lower_ not in STRONG_POSTS:
        return ""
    if not doc[comma - 1].is_lower:
        return ""
    k = comma - 1
    while k > 0 and doc[k - 1].lower_ not in ("the", "a", "an", ",") and k > comma - 4:
        k -= 1
    return doc[k:comma].text if doc[k - 1].lower_ in ("the", "a", "an") else ""


def _post_ends_at(doc: Doc, comma: int, before: list[Mention]) -> bool:
    # The run just before the comma was a bare post ("US Assistant Secretary of War ...").
    k = comma - 1
    while (k >= 0 and doc[k].text[:1].isupper()) or (k >= 0 and doc[k].lower_ in ("of", "for", "&", "and")):
        if doc[k].lower_.rstrip(".") in TITLE_WORDS:
            return True
        k -= 1
    return False
