"""Agreements a report tells only by their kind: "The contract, worth about $600 million, was
signed in 2020". Part of the rule catalogue, and registered before the signing rules (its module
is imported first), which then read the signers, the date and the occasion of the node it adds.

Only in an article that has named no agreement before: there, "the contract" is that agreement,
and the signing rules already read it so.

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> result = extract_text("The Army ordered six helicopters. The contract, worth about $600 million, "
...                       "was signed in February 2020.")
>>> sorted((f.subject.name, f.predicate, str(f.obj)) for f in result.facts if f.predicate == "signedOn")
[('Contract', 'signedOn', '2020-02')]
"""

from __future__ import annotations

from graph.ingest.language.lexicon import AGREEMENT_ANAPHORS
from graph.ingest.resolution.entities import EntityTable, Mention
from graph.ingest.rules.context import Sentence
from graph.ingest.rules.rulebook import rule

SIGNING = {"signed", "inked", "concluded", "awarded"}
MODIFIERS = {"purchase", "supply", "procurement", "co-production", "production", "repair", "teaming",
             "partnership", "framework", "defence", "defense", "follow-on"}


@rule(
    "An agreement a signing sentence names only by its kind ('The contract ... was signed in "
    "2020'), in an article that has named no agreement before: a node for the signing rules.",
    "Boeing delivered the helicopters. The contract, worth $600 million, was signed in 2020.",
    ("Contract", "signedOn", "2020"),
)
def unnamed_signed_agreement(s: Sentence) -> None:
    if s.agreement is not None or any(m.entity.cls == "Agreement" for m in s.mentions):
        return
    words, first = s.words(), s.span.start
    verb = next((k for k, w in enumerate(words) if w in SIGNING), None)
    if verb is None or not s.dates or s.speculative() or s.hedged(first + verb):
        return
    noun = next((k for k, w in enumerate(words[:verb]) if w in AGREEMENT_ANAPHORS), None)
    if noun is None or (first + noun) in {i for m in s.mentions for i in range(m.start, m.end)}:
        return
    start = noun
    while start > 0 and words[start - 1] in MODIFIERS:
        start -= 1
    phrase = " ".join(words[start : noun + 1])
    table: EntityTable = s.span.doc.user_data["table"]
    agreement = table.resolve(phrase[:1].upper() + phrase[1:], "Agreement", unique=True)
    table.alias(agreement, phrase)
    s.mentions.append(Mention(first + start, first + noun + 1, agreement))
    s.mentions.sort(key=lambda m: (m.start, m.end))
