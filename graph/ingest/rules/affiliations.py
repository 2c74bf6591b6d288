"""Who a person works for, read from the post the text gives them: "US Secretary of War Pete
Hegseth" is affiliated with the United States, "Air Marshal X, Air Officer Commanding-in-Chief of
Y Command" with that command. Called once per document by :mod:`graph.ingest.extract`.

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> result = extract_text("US Secretary of War Pete Hegseth spoke.")
>>> sorted((f.subject.label, f.predicate, f.obj.label) for f in result.facts)
[('Pete Hegseth', 'affiliatedWith', 'United States')]
"""

from __future__ import annotations

from rdflib import URIRef
from spacy.tokens import Doc, Span

from graph.ingest.language.lexicon import (
    NATIONALITY,
    POST_COUNTRY,
    SHARED_POSTS,
    TITLE_WORDS,
)
from graph.ingest.resolution.entities import Entity, EntityTable, Mention
from graph.ingest.rules.facts import Evidence, Fact
from graph.ingest.rules.post_bodies import department_of
from graph.model.namespace import DT


def affiliations(doc: Doc, mentions: list[Mention], table: EntityTable) -> list[Fact]:
    """``affiliatedWith`` from the bodies and countries inside a post, or the post itself."""
    facts = []
    for i, m in enumerate(mentions):
        if m.entity.cls != "Person" or m.role:
            continue
        sentence = doc[m.start].sent
        evidence = Evidence(sentence.start_char, sentence.end_char, "affiliation")
        post_mentions = [p for p in mentions[max(0, i - 3) : i] if p.role == "post" and _post_gap(doc, p, m)]
        post_mentions += _possessive_country(doc, mentions, i)
        body = _appositive_post(doc, mentions, i)
        target = _post_target(post_mentions, m, table, doc, body) or _body_nearby(doc, mentions, i)
        if target is not None:
            facts.append(Fact(m.entity, "affiliatedWith", target, evidence))
    return facts


def _post_gap(doc: Doc, post: Mention, person: Mention) -> bool:
    # "DRDO Director General (Production Coordination & Services Interaction) Dr Chandrika Kaushik"
    gap = doc[post.end : person.start]
    if len(gap) > 14 or doc[post.start - 1].lower_ == "to":  # "Ambassador to India" is not his country
        return False
    return all(t.text[:1].isupper() or t.text in "()&," or t.lower_ in ("of", "for", "and") for t in gap)


def _possessive_country(doc: Doc, mentions: list[Mention], i: int) -> list[Mention]:
    """The country whose post it is: "India's Defence Secretary Ajay Kumar"."""
    person = mentions[i]
    for p in mentions[max(0, i - 2) : i]:
        owner = Mention(p.start, p.end + 1, p.entity, "post")  # the post starts after "'s"
        possessive = doc[p.end].lower_ in ("'s", "\u2019s")
        if p.entity.cls == "Country" and possessive and p.end + 1 < person.start:
            return [owner] if _post_gap(doc, owner, person) else []
    return []


POST_LINKS = {"from", "of", "at", "in", "with", "commanding"}
# ", then Deputy Commander of USINDOPACOM": words an apposition's post may start with
APPOSITION_LINKS = POST_LINKS | TITLE_WORDS | {"the", "and", "then", "now", "formerly", "currently"}


def _appositive_post(doc: Doc, mentions: list[Mention], i: int) -> Entity | None:
    """A post of any length in an apposition after a name becomes one of the person's titles; the
    body it names is returned: "Dr Chandrika Kaushik, DRDO's Director General for Production
    Coordination and Services Interaction," and "Michael Dodd, Assistant Secretary of War for
    Critical Technologies in the Office of the Under Secretary of War". A list of names or of posts
    ("Gen A, Air Chief Marshal B", "X, the Principal Scientific Adviser, the Secretary of ...") is
    no apposition."""
    person, k = mentions[i], mentions[i].end + 1
    if k >= len(doc) or doc[k - 1].text != ",":
        return None
    if doc[k].lower_ in POST_LINKS:  # "Michael Dodd, from the Office of ..."
        return _body_at(doc, mentions[i + 1 : i + 2], k + 1)
    k += doc[k].lower_ == "the"
    owner, start = _post_owner(doc, mentions[i + 1 : i + 2], k)
    k = _post_end(doc, mentions[i + 1 :], start)
    if k == start and owner is not None and doc[start].lower_ in TITLE_WORDS | {"acting", "deputy"}:
        return owner  # "X, the Pentagon's assistant secretary of defense": a post in lower case
    if k == start or _list_goes_on(doc, k):
        return None
    person.entity.titles.add(doc[start:k].text)
    if owner is not None:
        return owner
    link = next((j for j in range(k, min(len(doc), k + 3)) if doc[j].lower_ not in POST_LINKS | {"the"}), k)
    return _body_at(doc, mentions[i + 1 :], link) if link > k else None


def _post_end(doc: Doc, following: list[Mention], start: int) -> int:
    """Where a post starting at ``start`` ends (``start`` when there is none): capitalised words and
    connectors, up to the next name."""
    # "Additional Secretary", "Principal Deputy Assistant Secretary": a title word, maybe after modifiers
    title = next(
        (j for j in range(start, min(len(doc), start + 3)) if doc[j].lower_.rstrip(".") in TITLE_WORDS), None
    )
    if title is None or any(not doc[j].text[:1].isupper() for j in range(start, title + 1)):
        return start
    stops = {m.start: m for m in following if m.role != "post"}  # "the US Chief of ...": US is in it
    k = start
    while k < len(doc) and k not in stops and _post_word(doc, k):
        k += 1
    if k in stops and stops[k].entity.cls == "Person":
        return start
    while k > start and doc[k - 1].lower_ in POST_CONNECTORS:
        k -= 1  # "Director General of the" before the body it names
    return k


def _post_owner(doc: Doc, following: list[Mention], k: int) -> tuple[Entity | None, int]:
    # "DRDO's Director General": the body, and where the post starts
    owner = next((m for m in following if m.start == k and m.entity.cls == "Organisation"), None)
    end = owner.end if owner is not None else k + 1
    if end < len(doc) and doc[end].lower_ in ("'s", "\u2019s"):
        return (owner.entity if owner is not None else None), end + 1
    return None, k


def _body_at(doc: Doc, following: list[Mention], k: int) -> Entity | None:
    k += k < len(doc) and doc[k].lower_ == "the"
    owner = next((m for m in following if m.start == k and m.entity.cls == "Country"), None)
    if owner is not None and owner.end < len(doc) and doc[owner.end].lower_ in ("'s", "\u2019s"):
        k = owner.end + 1  # "in India's Ministry of Defence": the body, not its country
    return next((m.entity for m in following if m.start == k and m.entity.cls == "Organisation"), None)


def _list_goes_on(doc: Doc, k: int) -> bool:
    # "..., the Principal Scientific Adviser, the Secretary of the Department of ...": a list of posts
    end = next((j for j in range(k, min(len(doc), k + 16)) if doc[j].text in ",.;"), None)
    if end is None or doc[end].text != "," or end + 2 >= len(doc):
        return False
    nxt = doc[end + 1 + (doc[end + 1].lower_ in ("the", "a", "an"))]
    return nxt.text[:1].isupper() and nxt.lower_ in TITLE_WORDS


POST_CONNECTORS = {"of", "for", "and", "the", "&"}


def _post_word(doc: Doc, k: int) -> bool:
    # capitalised words, and connectors followed by one: "Secretary of War for Critical Technologies"
    token = doc[k]
    if token.text[:1].isupper() or token.text in "()&":
        return True
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    return token.lower_ in POST_CONNECTORS and nxt is not None and nxt.text[:1].isupper()


def _body_nearby(doc: Doc, mentions: list[Mention], i: int) -> Entity | None:
    """The body in an apposition: "X, from the Office of ...", "X, Joint Secretary in the Ministry
    of Defence", or before a lower-case post: "GE chairman and chief executive X"."""
    person = mentions[i]
    after = next((m for m in mentions[i + 1 : i + 3] if m.entity.cls == "Organisation"), None)
    if after is not None and doc[person.end].text == ",":
        gap = doc[person.end : after.start]
        words = [t.lower_ for t in gap]
        # ", commander of the 13th Group", ", Air Officer Commanding-in-Chief of Eastern Air Command"
        posty = all(
            t.text[:1].isupper() or t.text in "(),&-" or t.lower_ in APPOSITION_LINKS for t in gap
        ) or _lower_post(gap)
        if len(gap) <= 12 and posty and POST_LINKS & set(words[-3:]):
            return after.entity
    before = mentions[i - 1] if i > 0 else None
    if before is None or before.entity.cls != "Organisation":
        return None
    if _post_of_body_before(doc, before, person) or _possessive_post_before(doc, before, person):
        return before.entity  # "the Chief of Staff of the US Army, General Randy George"
    if not before.role:
        gap = doc[before.end : person.start]
        if 0 < len(gap) <= 5 and all(
            t.is_lower and (t.lower_ in TITLE_WORDS or t.lower_ == "and") for t in gap
        ):
            return before.entity
    return None


def _post_of_body_before(doc: Doc, body: Mention, person: Mention) -> bool:
    gap = doc[body.end : person.start]
    if not len(gap) or gap[0].text != "," or not all(t.lower_.rstrip(".") in TITLE_WORDS for t in gap[1:]):
        return False
    k = body.start - 1 - (doc[body.start - 1].lower_ == "the")
    return k > 0 and doc[k].lower_ == "of" and any(t.lower_ in TITLE_WORDS for t in doc[max(0, k - 4) : k])


def _possessive_post_before(doc: Doc, body: Mention, person: Mention) -> bool:
    # "Lockheed Martin's chief operating officer, Frank St. John"
    gap = doc[body.end : person.start]
    if len(gap) < 3 or gap[0].lower_ not in ("'s", "\u2019s") or gap[-1].text != ",":
        return False
    words = gap[1:-1]
    return all(t.is_lower for t in words) and any(t.lower_ in TITLE_WORDS | {"officer"} for t in words)


def _lower_post(gap: Span) -> bool:
    # ", a joint secretary in the": an article, lower-case words with a post among them, a link
    # or, without the article, ", managing director and chief executive of"
    words = [t for t in gap if t.text != ","]
    opened = bool(words) and (words[0].lower_ in ("a", "an", "the") or words[-1].lower_ in POST_LINKS)
    return (
        len(words) >= 2 and opened
        and all(t.is_lower for t in words) and any(t.lower_ in TITLE_WORDS for t in words)
    )


def _post_target(
    posts: list[Mention], person: Mention, table: EntityTable, doc: Doc, body: Entity | None = None
) -> Entity | None:
    orgs = [p.entity for p in posts if p.entity.cls == "Organisation"][-1:] + ([body] if body else [])
    if orgs:  # a body the post names, else the body of an apposition, before any country
        return orgs[0]
    countries = [p.entity for p in posts if p.entity.cls == "Country"]
    if countries:
        return countries[-1]
    department = department_of(person.entity.titles, table)  # "Assistant Secretary of Defense for ..."
    if department is not None:
        return department
    for title in sorted(person.entity.titles):  # a set: its order changes with the hash seed
        lowered = title.lower()
        first = lowered.split()[0] if lowered.split() else ""
        country = NATIONALITY.get(first) or next(
            (c for post, c in POST_COUNTRY.items() if post in lowered and not _of_a_body(lowered, post)), None
        )
        if country is not None:
            return table.resolve("India" if country == "india" else "United States", "Country")
        if any(post in lowered for post in SHARED_POSTS):
            return _known_country(person.entity, table)
    return None


def _of_a_body(title: str, post: str) -> bool:
    # "President of The Asia Group" heads a body, not a country
    return title.split(post, 1)[1].startswith((" of ", " at "))


def _known_country(person: Entity, table: EntityTable) -> Entity | None:
    """The country the gazetteer records for a person whose post both countries have."""
    iri = table.gazetteer.graph.value(person.iri, DT.country) if person.known else None
    entry = table.gazetteer.entries.get(iri) if isinstance(iri, URIRef) else None
    return table.resolve(entry.label, "Country") if entry is not None and entry.cls == "Country" else None
