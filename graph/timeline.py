"""Events and signings in date order: one bounded SPARQL query.

Events are dated by ``dt:startDate`` (an ``xsd:date``), agreements by ``dt:signedOn`` (an
``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``). All are ISO 8601 strings, which sort in time
order as text ("2002" < "2002-01" < "2002-01-17"), so dates of different precision share one order.

Examples
--------
>>> check_date("2022-04", "from")
'2022-04'
>>> check_date("April 2022", "to")
Traceback (most recent call last):
...
graph.errors.ParameterError: to: 'April 2022' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import RDFS

from graph.errors import ParameterError
from graph.namespace import DT
from graph.neighbourhood import require_entity
from graph.store import Store
from graph.terms import entity_iri, resolve_terms, sparql_iri, sparql_values, with_subclasses

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
ACTOR_ROLES = (DT.participant, DT.chairedBy, DT.hostedBy, DT.signatory, DT.party)


@dataclass(frozen=True)
class TimelineEntry:
    """An event (``kind="event"``) or the signing of an agreement (``kind="signing"``)."""

    iri: str
    kind: str
    date: str
    end_date: str | None
    label: str | None
    types: list[str]


@dataclass(frozen=True)
class Timeline:
    """Entries in date order; ``truncated`` when ``limit`` cut the list."""

    entries: list[TimelineEntry]
    truncated: bool


def check_date(text: str, parameter: str) -> str:
    """``text`` if it is an ISO date of year, month or day precision, else :class:`ParameterError`."""
    if not _DATE.match(text):
        raise ParameterError(parameter, f"{text!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def timeline(store: Store, *, start: str | None = None, end: str | None = None,
             actor: str | None = None, types: Sequence[str] | None = None,
             limit: int = 200) -> Timeline:
    """Events and signings from ``start`` to ``end`` (inclusive, any precision), oldest first.

    ``actor`` (an entity id) keeps those it took part in, hosted, chaired, signed or is party to;
    ``types`` (``Meeting``, ``dt:Agreement`` or IRIs) keeps entries of those classes or subclasses.
    """
    if limit < 1:
        raise ParameterError("limit", f"must be 1 or more, not {limit}")
    filters = []
    if start:
        filters.append(f'STR(?date) >= "{check_date(start, "from")}"')
    if end:
        bound = check_date(end, "to")
        filters.append(f'(STR(?date) <= "{bound}" || STRSTARTS(STR(?date), "{bound}"))')
    where = " && ".join(filters) or "true"
    actor_pattern = ""
    if actor:
        actor_iri = entity_iri(actor)
        require_entity(store, actor_iri)
        actor_ref = sparql_iri(str(actor_iri), "actor")
        actor_pattern = f"{sparql_values('role', ACTOR_ROLES)} ?e ?role {actor_ref} ."
    classes = with_subclasses(resolve_terms(types, "type"))
    type_pattern = f"{sparql_values('c', classes)} ?e a ?c ." if classes else ""
    rows = store.select(
        f"SELECT ?e ?kind ?date (SAMPLE(?end) AS ?until) (SAMPLE(?l) AS ?label) "
        f"(GROUP_CONCAT(DISTINCT STR(?t); separator=' ') AS ?types) WHERE {{ {actor_pattern} "
        f"{{ ?e <{DT.startDate}> ?date BIND('event' AS ?kind) OPTIONAL {{ ?e <{DT.endDate}> ?end }} }} "
        f"UNION {{ ?e <{DT.signedOn}> ?date BIND('signing' AS ?kind) }} FILTER({where}) {type_pattern} "
        f"OPTIONAL {{ ?e <{RDFS.label}> ?l }} OPTIONAL {{ ?e a ?t }} }} "
        f"GROUP BY ?e ?kind ?date ORDER BY STR(?date) ?label ?e LIMIT {limit + 1}"
    )
    entries = [TimelineEntry(iri=str(r["e"]), kind=str(r["kind"]), date=str(r["date"]),
                             end_date=str(r["until"]) if "until" in r else None,
                             label=str(r["label"]) if "label" in r else None,
                             types=str(r.get("types", "")).split()) for r in rows[:limit]]
    return Timeline(entries=entries, truncated=len(rows) > limit)
