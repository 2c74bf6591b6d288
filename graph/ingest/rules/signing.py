"""Signing rules: who signed which agreement, when, and at which event. Part of the rule catalogue.

A sentence may recall several signings ("the New Framework signed by A and B in June 2005 and its
renewal by C and D in June 2015"), so each signing verb is read on its own, in its own clause: the
agreement it governs (after an active verb, or just before a passive or relative one), the signers
next to it (the subject group right before an active verb, the group after "by"), the first date
of the clause, and an event only when the clause names it with "at", "during", "after" or "for".

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> result = extract_text("The pact follows the Basic Exchange and Cooperation Agreement signed by "
...     "Rajnath Singh and Mark Esper in October 2020 and its renewal by Ann Lee and Bob Ray in 2030.")
>>> sorted((f.subject.label, f.predicate, str(getattr(f.obj, "label", f.obj))) for f in result.facts
...        if f.predicate in ("signatory", "signedOn"))  # doctest: +NORMALIZE_WHITESPACE
[('Basic Exchange and Cooperation Agreement', 'signatory', 'Mark Esper'),
 ('Basic Exchange and Cooperation Agreement', 'signatory', 'Rajnath Singh'),
 ('Basic Exchange and Cooperation Agreement', 'signedOn', '2020-10')]
"""

from __future__ import annotations

from spacy.tokens import Span

from graph.ingest.language.tokens import words_of
from graph.ingest.resolution.entities import ACTORS, Entity, Mention
from graph.ingest.rules.context import Sentence, _joined
from graph.ingest.rules.rulebook import rule
from graph.ingest.rules.signing_asides import joined_signers, post_aside_end, without_aside
from graph.ingest.rules.signing_occasions import (
    BREAKS,
    Signing,
    add_signed_dates,
    opens_clause,
    signing_events,
)
from graph.ingest.rules.signing_report import apply_report

SIGN_VERBS = {"signed", "inked", "sign", "signs", "signing", "concluded"}
PASSIVE_GAP = {
    "was", "were", "is", "are", "has", "have", "had", "been", "being", "first", "formally", "jointly",
    "originally", "finally", "also", "that", "which", "(", ")",
}
# After a comma these words go on with the same clause: a list ("X, the Y and Z") or an adjunct
# ("signed X on 27 October 2020, at the end of the 2+2").
CLAUSE_GOES_ON = {"and", "the", "a", "an", "its", "their", "in", "on", "at", "during", "with", "by", "for"}
ANAPHORIC_SUBJECTS = {
    "it", "document", "agreement", "pact", "deal", "accord", "memorandum", "mou", "framework",
}


@rule(
    "Actors sign an agreement, with a date and possibly at an event.",
    "Defence Minister Manohar Parrikar and Defense Secretary Ashton Carter signed the Logistics Exchange "
    "Memorandum of Agreement in Washington on 29 August 2016.",
    ("Logistics Exchange Memorandum of Agreement", "signatory", "Manohar Parrikar"),
    ("Logistics Exchange Memorandum of Agreement", "signatory", "Ashton Carter"),
    ("Logistics Exchange Memorandum of Agreement", "signedOn", "2016-08-29"),
)
def signed(s: Sentence) -> None:
    for signing in _signings(s):
        agreements = _governed(s, signing)
        if not agreements:
            continue
        signers = _signers(s, signing, agreements)
        for agreement in agreements:
            for actor in signers:
                s.add(agreement, "signatory", actor, "signed")
        add_signed_dates(s, signing, agreements)
        for event in signing_events(s, signing):
            for agreement in agreements:
                s.add(agreement, "signedAt", event, "signed")
        apply_report(s, agreements, signers)


@rule(
    "A sentence that recalls an earlier signing ('follows X signed by A and B in June 2005 and its "
    "renewal by C and D in 2015'): each signer and date goes to the agreement of its own clause.",
    "The new framework follows the General Security of Military Information Agreement signed by "
    "Brajesh Mishra and Colin Powell in Washington in January 2002 and its renewal by Manohar Parrikar "
    "and Ashton Carter in New Delhi in June 2015.",
    ("General Security of Military Information Agreement", "signatory", "Brajesh Mishra"),
    ("General Security of Military Information Agreement", "signatory", "Colin Powell"),
    ("General Security of Military Information Agreement", "signedOn", "2002-01"),
)
def recalled_signing(s: Sentence) -> None:
    """Applied by :func:`signed`, which reads each signing verb in its own clause."""


@rule(
    "A lead that counts the documents signed ('India and the United States signed two documents on "
    "Thursday'), then one sentence per document: each takes the lead's date, countries and place.",
    "India and the United States signed two defence documents on 3 May 2030 in New Delhi. "
    "The Harbour Pilot Accord, under which each navy may berth at the other's ports, was signed "
    "by Ann Lee, Joint Secretary in the Ministry of Defence, and by Bob Ray, the Director of Plans.",
    ("Harbour Pilot Accord", "signatory", "Ann Lee"),
    ("Harbour Pilot Accord", "signatory", "Bob Ray"),
    ("Harbour Pilot Accord", "signedOn", "2030-05-03"),
    ("Harbour Pilot Accord", "party", "India"),
    ("Harbour Pilot Accord", "signedAt", "New Delhi"),
)
def signed_after_lead(s: Sentence) -> None:
    """Applied by :func:`signed` (:mod:`graph.ingest.rules.signing_report`)."""


def _signings(s: Sentence) -> list[Signing]:
    words = s.words()
    verbs = [s.span.start + i for i, w in enumerate(words) if w in SIGN_VERBS]
    found = []
    for n, at in enumerate(verbs):
        before = s.span.doc[at - 1].lower_ if at > s.span.start else ""
        if before == "to" or s.hedged(at):  # "committed to sign it": a plan, not a signing
            continue
        if words[at - s.span.start] == "concluded" and not _agreement_after(s, at, 3):
            continue
        end = min(verbs[n + 1] if n + 1 < len(verbs) else s.span.end, _clause_end(s, at))
        direct = _agreement_after(s, at, 3) is not None  # "signed the X": active, whatever precedes
        passive = not direct and (before in PASSIVE_GAP or _agreement_before(s, at) is not None)
        found.append(Signing(at, end, passive))
    return found


def _clause_end(s: Sentence, at: int) -> int:
    """Where the clause of the verb at ``at`` ends: at ";" or a comma opening a new clause
    ("signed X in 2002 and Y in 2016, so Z is the third"), not a comma inside a list or a date."""
    words, end = words_of(s.span.doc), s.span.end
    for i in range(at + 1, end):
        text = words.text[i]
        if text == ";" or (text == "," and i + 1 < end and words.is_lower[i + 1]
                           and words.lower[i + 1] not in CLAUSE_GOES_ON):
            return i
    return end


def _agreement_after(s: Sentence, at: int, window: int) -> Mention | None:
    return next((m for m in s.mentions if m.entity.cls == "Agreement" and at < m.start <= at + window), None)


def _agreement_before(s: Sentence, at: int) -> Mention | None:
    """The agreement a passive or relative verb governs: "X signed by", "X (Y) that A and B signed",
    "X, signed by", "The Annex to the GSOMIA was signed" (the annex, not the GSOMIA)."""
    doc = s.span.doc
    before = [m for m in s.mentions if m.entity.cls == "Agreement" and m.end <= at]
    if not before:
        return None
    last = before[-1]
    if len(before) > 1 and doc[before[-2].end : last.start].text.lower() in ("to the", "of the", "to"):
        last = before[-2]  # "the Annex to the GSOMIA": the first names what was signed
    gap = [t for t in doc[before[-1].end : at] if not any(m.start <= t.i < m.end for m in s.mentions)]
    while gap[:1] and gap[0].text == ")":
        gap = gap[1:]
    if gap[:1] and gap[0].text == "(" and ")" in [t.text for t in gap[:4]]:
        gap = gap[[t.text for t in gap].index(")") + 1 :]  # "X (LEMOA) that ..."
    if [t.text for t in gap[:1]] == [","] and (len(gap) == 1 or gap[1].lower_ in PASSIVE_GAP):
        gap = gap[1:]
    gap = without_aside(gap)
    if any(t.text in BREAKS for t in gap) or len(gap) > 14:
        return None
    fits = all(t.lower_ in PASSIVE_GAP | {"and", "of", "the", "on"} or t.text[:1].isupper() for t in gap)
    return last if fits else None


def _governed(s: Sentence, signing: Signing) -> list[Entity]:
    before = _agreement_before(s, signing.verb) if signing.passive else None
    if before is not None:
        return [before.entity]
    after = [m.entity for m in s.mentions
             if m.entity.cls == "Agreement" and signing.verb < m.start < signing.end]
    if after:
        return list(dict.fromkeys(after))
    doc = s.span.doc
    nxt = doc[signing.verb + 1].lower_ if signing.verb + 1 < len(doc) else ""
    subject = [t.lower_ for t in doc[max(s.span.start, signing.verb - 3) : signing.verb]]
    on_behalf = [t.lower_ for t in doc[signing.verb + 1 : signing.verb + 3]] == ["on", "behalf"]
    if s.agreement is not None and (
        nxt in ("it", "the", "this") or on_behalf or ANAPHORIC_SUBJECTS & set(subject)
    ):  # "signed it", "The document was signed in New Delhi by ...", "B signed on behalf of India"
        return [s.agreement]
    return []


def _signers(s: Sentence, signing: Signing, agreements: list[Entity]) -> list[Entity]:
    doc = s.span.doc
    nominal = doc[signing.verb - 1].lower_ in ("the", "a")  # "with the signing of X between A and B"
    for cue in ("by", "between"):
        at = next((t.i for t in doc[signing.verb : signing.end] if t.lower_ == cue), None)
        if at is not None and at - signing.verb <= (12 if nominal else 8):
            return _group_from(s, at)
    if nominal:
        return []
    if signing.passive and not any(m.entity in agreements and m.start > signing.verb for m in s.mentions):
        return _group_before(s, signing.verb, agreements)  # "X that A and B signed"
    signers = _group_before(s, signing.verb, agreements) or _reported_subject(s, signing.verb)
    with_at = next((t.i for t in doc[signing.verb : signing.end] if t.lower_ == "with"), None)
    if with_at is not None:
        signers += _group_from(s, with_at)[:1]
    return signers


def _reported_subject(s: Sentence, verb: int) -> list[Entity]:
    # "GE Aerospace, the aviation arm of GE, said ... that it had signed": "it" is the sentence's subject.
    before = [t.lower_ for t in s.span.doc[max(s.span.start, verb - 3) : verb]]
    if not {"it", "they"} & set(before) or not {"said", "announced", "added"} & set(s.words()):
        return []
    return s.subject_group(ACTORS, verb)[:2]


def _group_from(s: Sentence, at: int) -> list[Entity]:
    """The actors joined by "and" that start right after token ``at`` ("by A and B in ...")."""
    doc = s.span.doc
    chosen: list[Mention] = []
    aside = at  # the end of the post in apposition to the last signer ("A, Joint Secretary in ...,")
    for m in s.mentions:
        if m.start <= aside or m.entity.cls not in ACTORS or doc[m.end].text == "'s":
            continue  # "India's iDEX": the country only says whose body signs
        if chosen and m.entity is chosen[-1].entity:
            chosen[-1] = m  # "iDEX (iDEX) and": the acronym repeats the name
            continue
        if not chosen and any(opens_clause(t) for t in doc[at + 1 : m.start]):
            break
        if chosen and not joined_signers(doc[max(chosen[-1].end, aside) : m.start]):
            break
        chosen.append(m)
        aside = post_aside_end(s, m) if m.entity.cls == "Person" else m.end
    return list(dict.fromkeys(m.entity for m in chosen))


def _group_before(s: Sentence, verb: int, agreements: list[Entity]) -> list[Entity]:
    """The subject group right before an active verb, in its clause ("A and B on Friday signed")."""
    doc = s.span.doc
    actors = [m for m in s.mentions if m.end <= verb and m.entity.cls in ACTORS]
    if not actors or (
        any(opens_clause(t) for t in doc[actors[-1].end : verb])
        and not _apposition(doc[actors[-1].end : verb])
    ):
        return []
    far = verb - actors[-1].end > 6 and not _apposition(doc[actors[-1].end : verb])
    if far or any(m.entity in agreements for m in s.mentions if actors[-1].end <= m.start < verb):
        return []
    group = [actors[-1]]
    for m in reversed(actors[:-1]):
        if not _joined(doc[m.end : group[0].start]):
            break
        group.insert(0, m)
    return list(dict.fromkeys(m.entity for m in group))


def _apposition(gap: Span) -> bool:
    # "Dr. Vic Ramdass, Principal Deputy Assistant Secretary of Defense, signed": a post between commas.
    words = list(gap)
    inner = words[1:-1]
    return (
        len(words) > 2 and words[0].text == "," and words[-1].text == "," and len(inner) <= 14
        and all(t.text[:1].isupper() or t.lower_ in ("of", "for", "and", "the", "&", "(", ")") for t in inner)
    )


