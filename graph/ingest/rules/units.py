"""A unit named with its parent body is two organisations: "the 182nd Airlift Wing of the Illinois
Air National Guard" is the wing, part of the Guard.

Part of the rule catalogue, run on the mentions before the sentence rules; the rule ``part_of``
then reads "X of the Y" as ``X partOf Y``. Only a unit word ("Wing", "Squadron", "Fleet",
"Command") before "of the" splits a name: "Ministry of Defence", "Department of State" and
"Chief of the Air Staff" stay whole.

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> result = extract_text("Crews of the 35th Fighter Squadron of the Ohio Air National Guard flew in.")
>>> sorted((f.subject.label, f.predicate, f.obj.label) for f in result.facts if f.predicate == "partOf")
[('35th Fighter Squadron', 'partOf', 'Ohio Air National Guard')]
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.ingest.resolution.entities import EntityTable, Mention
from graph.ingest.rules.rulebook import rule

UNIT_HEADS = {
    "wing", "squadron", "group", "battalion", "regiment", "brigade", "division", "fleet", "flotilla",
    "command", "detachment", "company", "task", "force",
}
PARENT_HEADS = {"guard", "force", "army", "navy", "corps", "marines", "command", "forces", "fleet"}


@rule(
    "A unit named with its parent ('the 35th Fighter Squadron of the Ohio Air National Guard') is "
    "two organisations, the unit part of the parent.",
    "Crews of the 35th Fighter Squadron of the Ohio Air National Guard flew in.",
    ("35th Fighter Squadron", "partOf", "Ohio Air National Guard"),
)
def unit_of_parent(s: object) -> None:
    """Applied by :func:`split_units` before the sentence rules; ``part_of`` adds the triple."""


def split_units(doc: Doc, mentions: list[Mention], table: EntityTable) -> list[Mention]:
    """Organisation mentions "UNIT of the PARENT" become a mention of each."""
    out: list[Mention] = []
    for m in mentions:
        at = _split_point(doc, m) if m.entity.cls == "Organisation" and not m.role else None
        if at is None:
            out.append(m)
            continue
        unit = table.resolve(doc[m.start : at].text, "Organisation")
        parent = table.resolve(doc[at + 2 : m.end].text, "Organisation")
        if m.entity is not unit and m.entity is not parent:
            table.entities.pop(m.entity.iri, None)
        out += [Mention(m.start, at, unit), Mention(at + 2, m.end, parent)]
    return out


def _split_point(doc: Doc, m: Mention) -> int | None:
    # the "of" of "... Wing of the Illinois Air National Guard", with capitalised words both sides
    for k in range(m.start + 1, m.end - 2):
        if doc[k].lower_ != "of" or doc[k + 1].lower_ != "the" or doc[k - 1].lower_ not in UNIT_HEADS:
            continue
        unit, parent = doc[m.start : k], doc[k + 2 : m.end]
        words = [t for t in [*unit, *parent] if t.is_alpha or t.like_num]
        capitalised = all(t.text[:1].isupper() or t.like_num for t in words)
        if capitalised and len(unit) >= 2 and parent[-1].lower_ in PARENT_HEADS:
            return k
    return None
