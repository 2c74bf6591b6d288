"""Finding the entities an article names: known phrases (:mod:`graph.ingest.resolution.known_phrases`),
capitalised names read by their head word, people after their posts, places after "in"/"at",
acronyms introduced in parentheses.

Examples
--------
>>> from graph.ingest.resolution.gazetteer import Gazetteer
>>> from graph.ingest.resolution.entities import EntityTable
>>> from graph.ingest.language.text import nlp
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

from graph.ingest.language.lexicon import (
    AGREEMENT_HEADS,
    CONNECTORS,
    INITIATIVE_HEADS,
    MONTHS,
    NATIONALITY,
    STRONG_POSTS,
    TITLE_WORDS,
    WEEKDAYS,
    class_for_head,
)
from graph.ingest.language.tokens import Words, words_of
from graph.ingest.resolution.described_agreements import described_agreement, described_end
from graph.ingest.resolution.entities import Entity, EntityTable, Mention
from graph.ingest.resolution.known_phrases import known_inside, known_phrases
from graph.ingest.resolution.names import (
    looks_like_person_name,
    name_runs,
    owner_of_platform,
    split_post,
)
from graph.ingest.resolution.people import (
    apposed_post,
    bare_person,
    envoy,
    person_after_post,
    post_before_name,
)

PLACE_CUES = {"in", "at", "near", "to", "from", "off"}
TRAILING_HEADS = AGREEMENT_HEADS | INITIATIVE_HEADS | {"dialogue", "exercise", "mechanism"}


def find_mentions(doc: Doc, table: EntityTable, taken: set[int]) -> list[Mention]:
    """Mentions of entities in ``doc`` outside ``taken`` tokens (dates and events found before)."""
    mentions: list[Mention] = []
    posts: set[int] = set()
    words = words_of(doc)
    for first, last in name_runs(doc, taken):
        start = owner_of_platform(words, first, last)  # the body, not its aircraft
        run = (_numbered_unit(words, start, last), last)
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


UNIT_HEADS = {"brigade", "division", "regiment", "battalion", "squadron", "corps", "wing", "fleet", "group"}


def _numbered_unit(words: Words, first: int, last: int) -> int:
    """Where a unit's name starts: "170 Infantry Brigade" keeps its number."""
    numbered = first > 0 and words.like_num[first - 1] and words.text[first - 1].isdigit()
    return first - 1 if numbered and words.lower[last - 1] in UNIT_HEADS else first


def _read_run(doc: Doc, start: int, end: int, table: EntityTable, before: list[Mention]) -> list[Mention]:
    end = _unit_continuation(doc, _with_trailing_head(doc, end))
    span = doc[start:end]
    post_body = (
        apposed_post(doc, span, table, before) or post_before_name(doc, span, table)
        or _described_agreement(doc, span, table)
    )
    if post_body:
        return post_body
    entity = _known_or_classified(span, table)
    if entity is not None:
        _acronym_after(doc, end, entity, table)
        inner = known_inside(span, table, role="post", skip={"TechnologyArea"})
        inner = [m for m in inner if m.entity.cls == "Country"]
        return [Mention(start, end, entity), *inner]
    named_envoy = envoy(doc, span, table)
    if named_envoy:
        return named_envoy
    post = split_post(span)
    if post is not None:
        return person_after_post(doc, span, post, table)
    person = bare_person(doc, span, table, before)
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


