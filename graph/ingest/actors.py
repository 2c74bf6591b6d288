"""Rules about actors themselves: who a person works for, which body a unit belongs to, and the
parties of a framework named after two countries. Part of the rule catalogue.

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> result = extract_text("US Secretary of War Pete Hegseth spoke. GE Aerospace, the aviation arm of "
...                       "General Electric, agreed.")
>>> sorted((f.subject.label, f.predicate, f.obj.label) for f in result.facts)
[('GE Aerospace', 'partOf', 'General Electric'), ('Pete Hegseth', 'affiliatedWith', 'United States')]
"""

from __future__ import annotations

import itertools

from rdflib import URIRef
from spacy.tokens import Doc, Token

from graph.ingest.context import Sentence
from graph.ingest.entities import Entity, EntityTable
from graph.ingest.facts import Evidence, Fact, Mention
from graph.ingest.lexicon import (
    DEMONYMS,
    NATIONALITY,
    POST_COUNTRY,
    SHARED_POSTS,
    TITLE_WORDS,
    VESSEL_TYPES,
)
from graph.ingest.post_bodies import department_of
from graph.ingest.rulebook import rule
from graph.namespace import DT

UNIT_WORDS = {"arm", "unit", "wing", "division", "subsidiary", "part", "branch", "component", "element"}
ARTICLES = {"the", "a", "an", "and", "of", "by", "with"}
SERVICES = {"navy", "force", "army", "marines", "corps", "guard"}


@rule(
    "A person's post names the body or country they represent.",
    "US Secretary of War Pete Hegseth arrived.",
    ("Pete Hegseth", "affiliatedWith", "United States"),
)
def affiliation(s: Sentence) -> None:
    """Applied by :func:`affiliations`, which sees the mentions inside posts."""


@rule(
    "A body belongs to another: 'X, the aviation arm of Y', 'Y's X', 'X of Y', 'X, which belongs to Y'.",
    "GE Aerospace, the aviation arm of General Electric, signed.",
    ("GE Aerospace", "partOf", "General Electric"),
)
def part_of(s: Sentence) -> None:
    orgs = [m for m in s.mentions if m.entity.cls == "Organisation"]
    doc = s.span.doc
    for first, second in itertools.pairwise(orgs):
        gap = [t.lower_ for t in doc[first.end : second.start] if t.text not in '()"']
        if first.entity is second.entity:
            continue
        if (
            gap in (["of"], ["of", "the"], ["of", "india", "'s"])
            or ("belongs" in gap and len(gap) - gap.index("belongs") <= 4)
            or (UNIT_WORDS & set(gap) and gap[-1:] == ["of"] and len(gap) <= 6)
        ):
            s.add(first.entity, "partOf", second.entity, "part_of")
        elif gap == ["'s"]:
            s.add(second.entity, "partOf", first.entity, "part_of")


LEADS = {"commands", "heads", "leads", "runs", "directs", "chairs", "commanded", "headed", "led"}


@rule(
    "A relative clause says whom a person leads: 'X, who commands the 7th Infantry Division, ...'.",
    "Lieutenant General Ann Ray, who heads the US Army's Pacific Command, arrived.",
    ("Ann Ray", "affiliatedWith", "Pacific Command"),
)
def leads_body(s: Sentence) -> None:
    doc = s.span.doc
    for i, m in enumerate(s.mentions):
        k = m.end
        if m.entity.cls != "Person" or k + 2 >= s.span.end or doc[k].text != ",":
            continue
        if doc[k + 1].lower_ != "who" or doc[k + 2].lower_ not in LEADS:
            continue
        bodies = [b for b in s.mentions[i + 1 :] if b.start <= k + 8 and b.entity.cls == "Organisation"]
        # "the USAF's Air Combat Command": the command, not its service
        body = next((b for b in bodies if doc[b.end].text != "'s"), bodies[-1] if bodies else None)
        if body is not None:
            s.add(m.entity, "affiliatedWith", body.entity, "leads_body")


@rule(
    "A framework named after both countries binds both.",
    "They launched the India-United States Defence Acceleration Ecosystem.",
    ("India-United States Defence Acceleration Ecosystem", "party", "India"),
    ("India-United States Defence Acceleration Ecosystem", "party", "United States"),
)
def bilateral_party(s: Sentence) -> None:
    for m in s.mentions:
        if m.entity.cls not in ("Agreement", "Initiative"):
            continue
        words = [t.lower_ for t in s.span.doc[m.start : min(m.end, m.start + 4)]]
        if words[:3] in (
            ["india", "-", "us"],
            ["us", "-", "india"],
            ["india", "-", "united"],
            ["indo", "-", "us"],
        ):
            for country in _countries(s):
                s.add(m.entity, "party", country, "bilateral_party")


@rule(
    "A warship named with its flag and type in a sentence about an exercise ('Japan's destroyer JS "
    "Onami', 'the Australian frigate HMAS Ballarat') takes part, and so does the navy the gazetteer "
    "says it belongs to; no navy is guessed when the gazetteer does not say.",
    "Exercise Malabar 2020 began. Opposite them were the US destroyer USS John S. McCain and Japan's "
    "destroyer JS Onami.",
)  # ships are known from the gazetteer: tests/test_ingest_precision.py runs it with one
def flagged_vessels(s: Sentence) -> None:
    event = s.about_event() or s.focus
    if event is None or event.cls != "Exercise" or s.speculative():
        return
    table: EntityTable = s.span.doc.user_data["table"]
    for m in s.mentions:
        if m.entity.cls == "Organisation" and _flag_before(s, m.start):
            s.add(event, "participant", m.entity, "flagged_vessels")
            navy = _service_of(m.entity, table)
            if navy is not None:
                s.add(event, "participant", navy, "flagged_vessels")


def _flag_before(s: Sentence, start: int) -> bool:
    """True when a ship type and a flag come before ``start``: "the US destroyer", "Japan's
    frigate", "the US Navy dock landing ship"."""
    doc, k = s.span.doc, start - 1
    described = doc[max(s.span.start, start - 5) : start]  # "guided-missile destroyer", "supply ship"
    while k > described.start and _describes(doc[k]):
        k -= 1
    if not VESSEL_TYPES & {t.lower_ for t in doc[k + 1 : start]}:
        return False  # no ship type: "Japan is represented by JS Kaga" gives no flag
    if doc[k].lower_ in DEMONYMS:
        return True
    owners = {m.end for m in s.mentions if m.entity.cls in ("Country", "Organisation")}
    navies = {m.end for m in s.mentions if m.entity.label.split()[-1].lower() in SERVICES}
    return (doc[k].lower_ in ("'s", "\u2019s") and k in owners) or k + 1 in navies  # "the US Navy ship"


def _describes(token: Token) -> bool:
    return token.text == "-" or (token.is_alpha and token.is_lower and token.lower_ not in ARTICLES)


def _service_of(unit: Entity, table: EntityTable) -> Entity | None:
    """The navy (or other armed service) the gazetteer says ``unit`` is part of."""
    parent = table.gazetteer.graph.value(unit.iri, DT.partOf) if unit.known else None
    entry = table.gazetteer.entries.get(parent) if isinstance(parent, URIRef) else None
    if entry is None or entry.cls != "Organisation" or entry.label.split()[-1].lower() not in SERVICES:
        return None
    return table.resolve(entry.label, "Organisation")


def _countries(s: Sentence) -> list[Entity]:
    table: EntityTable = s.span.doc.user_data["table"]
    return [table.resolve("India", "Country"), table.resolve("United States", "Country")]


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
    stops = {m.start: m for m in following}
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
            t.text[:1].isupper() or t.text in "(),&-" or t.lower_ in POST_LINKS | TITLE_WORDS | {"the", "and"}
            for t in gap
        )
        if len(gap) <= 12 and posty and POST_LINKS & set(words[-3:]):
            return after.entity
    before = mentions[i - 1] if i > 0 else None
    if before is not None and before.entity.cls == "Organisation" and not before.role:
        gap = doc[before.end : person.start]
        if 0 < len(gap) <= 5 and all(
            t.is_lower and (t.lower_ in TITLE_WORDS or t.lower_ == "and") for t in gap
        ):
            return before.entity
    return None


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
    for title in person.entity.titles:
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
