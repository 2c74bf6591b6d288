"""Events and signings in date order, from a date index kept in memory.

Events are dated by ``dt:startDate`` (an ``xsd:date``), agreements by ``dt:signedOn`` (an
``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``). All are ISO 8601 strings, which sort in time
order as text ("2002" < "2002-01" < "2002-01-17"), so dates of different precision share one order.
Sorting every dated thing is a whole-store job, so the index (date, IRI, kind, classes) is built by
one query and cached by the caller until the store changes; a request then costs a bisection, the
actor's own edges (one bounded query) and the labels of the page it returns.

Examples
--------
>>> check_date("2022-04", "from")
'2022-04'
>>> check_date("April 2022", "to")
Traceback (most recent call last):
...
graph.errors.ParameterError: to: 'April 2022' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD
>>> index = TimelineIndex([("2022-04", "urn:b", "signing", ("urn:A",)),
...                        ("2002", "urn:a", "signing", ("urn:A",))])
>>> [e[1] for e in index.between("2002", "2022")]
['urn:a', 'urn:b']
>>> [e[1] for e in index.of(["urn:b"], None, "2022-04")]
['urn:b']
>>> [e[0] for e in TimelineIndex([("2025-10", "urn:c", "signing", ()),
...                               ("2025-10-31", "urn:c", "signing", ())]).between(None, None)]
['2025-10-31']
"""

from __future__ import annotations

import asyncio
import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rdflib import RDFS, URIRef

from graph.errors import ParameterError
from graph.lookups.neighbourhood import require_entity_plan
from graph.lookups.plans import Limits, Plan, arun_plan, run_plan
from graph.model.namespace import DT
from graph.model.terms import (
    entity_iri,
    resolve_terms,
    sparql_iri,
    sparql_list,
    sparql_values,
    with_subclasses,
)
from graph.store import Store
from graph.store.tsv import row_texts, tsv_cells, tsv_named_cells, tsv_rows

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
EVENT_ROLES = (DT.participant, DT.chairedBy, DT.hostedBy)
SIGNING_ROLES = (DT.signatory, DT.party)
Entry = tuple[str, str, str, tuple[str, ...]]  # date, IRI, kind, classes


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


class TimelineIndex:
    """Every dated event and agreement, sorted by date (then IRI)."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._entries = sorted(_finest(entries))
        self._dates = [entry[0] for entry in self._entries]
        self._by_iri: dict[str, list[Entry]] = {}
        for entry in self._entries:
            self._by_iri.setdefault(entry[1], []).append(entry)

    def __len__(self) -> int:
        return len(self._entries)

    def between(self, start: str | None, end: str | None) -> list[Entry]:
        """Entries dated from ``start`` to ``end``, both inclusive at their own precision."""
        low = bisect.bisect_left(self._dates, start) if start else 0
        # "2022" as an end takes in "2022-12-31": everything that sorts before "2022" + U+FFFF.
        high = bisect.bisect_right(self._dates, end + "\uffff") if end else len(self._dates)
        return self._entries[low:high]

    def of(self, iris: Iterable[str], start: str | None, end: str | None) -> list[Entry]:
        """Entries of the given IRIs within the dates, in date order."""
        chosen = (e for iri in iris for e in self._by_iri.get(iri, ()))
        return sorted(e for e in chosen if (not start or e[0] >= start)
                      and (not end or e[0] <= end + "\uffff"))


def _finest(entries: Iterable[Entry]) -> list[Entry]:
    """Drop an entry whose date is a coarser form of another date of the same thing: one article
    says "October 2025", another "31 October 2025"; the timeline lists the signing once."""
    dates: dict[tuple[str, str], set[str]] = {}
    listed = list(entries)
    for date, iri, kind, _ in listed:
        dates.setdefault((iri, kind), set()).add(date)
    return [entry for entry in listed
            if not any(other != entry[0] and other.startswith(entry[0])
                       for other in dates[(entry[1], entry[2])])]


def check_date(text: str, parameter: str) -> str:
    """``text`` if it is an ISO date of year, month or day precision, else :class:`ParameterError`."""
    if not _DATE.match(text):
        raise ParameterError(parameter, f"{text!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def load_timeline_index(store: Store) -> TimelineIndex:
    """Build the index with one query (classes gathered per entity)."""
    classes: dict[tuple[str, str, str], list[str]] = {}
    for entity, kind, date, cls in tsv_cells(store, (
        f"SELECT ?e ?kind ?date ?t WHERE {{ {{ ?e <{DT.startDate}> ?date BIND('event' AS ?kind) }} "
        f"UNION {{ ?e <{DT.signedOn}> ?date BIND('signing' AS ?kind) }} OPTIONAL {{ ?e a ?t }} }}"
    )):
        found = classes.setdefault((_lexical(date), entity[1:-1], kind.strip('"')), [])
        if cls and cls[1:-1] not in found:
            found.append(cls[1:-1])
    return TimelineIndex((date, iri, kind, tuple(sorted(types)))
                         for (date, iri, kind), types in classes.items())


def timeline(store: Store, *, start: str | None = None, end: str | None = None,
             actor: str | None = None, types: Sequence[str] | None = None, limit: int = 200,
             index: Callable[[], TimelineIndex] | None = None) -> Timeline:
    """Events and signings from ``start`` to ``end`` (inclusive, any precision), oldest first.

    ``actor`` (an entity id) keeps those it took part in, hosted, chaired, signed or is party to;
    ``types`` (``Meeting``, ``dt:Agreement`` or IRIs) keeps entries of those classes or subclasses.
    ``index`` returns the (cached) :class:`TimelineIndex`; without it one is built for this call.
    """
    asked = _Asked.checked(start, end, actor, types, limit)
    dated = (index or (lambda: load_timeline_index(store)))()
    return run_plan(store, _plan(dated, asked))


async def atimeline(store: Store, *, limits: Limits, index: Callable[[], TimelineIndex],
                    start: str | None = None, end: str | None = None, actor: str | None = None,
                    types: Sequence[str] | None = None, limit: int = 200) -> Timeline:
    """:func:`timeline` for async callers: ``index`` is called on a worker thread (building it is
    a whole-store query), the lookups are awaited without one, each bounded by ``limits``."""
    asked = _Asked.checked(start, end, actor, types, limit)
    dated = await asyncio.to_thread(index)
    return await arun_plan(store, _plan(dated, asked), limits)


@dataclass(frozen=True)
class _Asked:
    """A timeline request, checked before anything is read."""

    start: str | None
    end: str | None
    actor: URIRef | None
    classes: frozenset[str]
    limit: int

    @classmethod
    def checked(cls, start: str | None, end: str | None, actor: str | None,
                types: Sequence[str] | None, limit: int) -> _Asked:
        if limit < 1:
            raise ParameterError("limit", f"must be 1 or more, not {limit}")
        return cls(start=check_date(start, "from") if start else None,
                   end=check_date(end, "to") if end else None,
                   actor=entity_iri(actor) if actor else None, limit=limit,
                   classes=frozenset(str(c) for c in with_subclasses(resolve_terms(types, "type"))))


def _plan(dated: TimelineIndex, asked: _Asked) -> Plan[Timeline]:
    if asked.actor:
        # An actor's own events are few: look them up rather than walk the whole index.
        involved = yield from _involving(asked.actor)
        candidates = dated.of(involved, asked.start, asked.end)
    else:
        candidates = dated.between(asked.start, asked.end)
    chosen: list[Entry] = []
    for entry in candidates:
        if asked.classes and not asked.classes.intersection(entry[3]):
            continue
        chosen.append(entry)
        if len(chosen) > asked.limit:
            break
    entries = yield from _details(chosen[:asked.limit])
    return Timeline(entries=entries, truncated=len(chosen) > asked.limit)


def _involving(iri: URIRef) -> Plan[set[str]]:
    """Events and agreements the actor has a role in (its own edges: a bounded query)."""
    text = yield (f"SELECT DISTINCT ?e WHERE {{ ?e ?role {sparql_iri(str(iri), 'actor')} "
                  f"FILTER(?role IN ({sparql_list(EVENT_ROLES + SIGNING_ROLES)})) }}")
    found = {cells[0][1:-1] for cells in tsv_rows(text)}
    if not found:  # none: is there such an entity at all?
        yield from require_entity_plan(iri)
    return found


def _details(entries: list[Entry]) -> Plan[list[TimelineEntry]]:
    if not entries:
        return []
    text = yield (
        f"SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?end) AS ?until) WHERE {{ "
        f"{sparql_values('e', [e[1] for e in entries])} OPTIONAL {{ ?e <{RDFS.label}> ?l }} "
        f"OPTIONAL {{ ?e <{DT.endDate}> ?end }} }} GROUP BY ?e"
    )
    found = {row["e"]: row for row in map(row_texts, tsv_named_cells(text))}
    return [TimelineEntry(iri=iri, kind=kind, date=date, types=list(classes),
                          label=found.get(iri, {}).get("label"), end_date=found.get(iri, {}).get("until"))
            for date, iri, kind, classes in entries]


def _lexical(cell: str) -> str:
    """The lexical form of a date cell (``"2022-04"^^<...#gYearMonth>`` is ``2022-04``)."""
    return cell[1:cell.index('"', 1)] if cell.startswith('"') else cell
