"""What every writer needs: one declared type per attribute key, text forms, and element ids.

networkx's writers guess a type per value, so one key can be declared twice with two types, and they
reject ``None`` and dates. Here a key gets one kind over the whole graph: ``boolean``, ``long``,
``double``, ``date``, ``list`` or ``string`` (any mixture falls back to ``string``), and ``None``
means "no value".

Examples
--------
>>> import datetime, networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", when=datetime.date(2020, 1, 2), n=3, mixed=1)
>>> G.add_node("b", when=None, n=4.5, mixed="x")
>>> [(spec.name, spec.kind) for spec in node_schema(G)]
[('mixed', 'string'), ('n', 'double'), ('when', 'date')]
>>> text_of(datetime.date(2020, 1, 2), "date"), text_of(True, "boolean"), text_of(3, "double")
('2020-01-02', 'true', '3.0')
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.errors import InputError

KINDS = ("boolean", "long", "double", "date", "list", "string")
LIST_JOIN = "|"
_FIRST = ("id", "iri", "label", "category", "types")


@dataclass(frozen=True)
class AttributeSpec:
    """One attribute key as declared in a file: its name and its single kind."""

    name: str
    kind: str


def kind_of(value: Any) -> str:
    """The kind of one value (``bool`` before ``int``: it is a subclass)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return "date"
    if isinstance(value, list | tuple | set | frozenset):
        return "list"
    return "string"


def _merge(kinds: set[str]) -> str:
    if len(kinds) == 1:
        return next(iter(kinds))
    return "double" if kinds == {"long", "double"} else "string"


def schema_of(records: Iterable[dict[str, Any]], skip: Iterable[str] = ()) -> list[AttributeSpec]:
    """One spec per key seen in ``records`` (``None`` values ignored), the usual keys first."""
    kinds: dict[str, set[str]] = {}
    for record in records:
        for name, value in record.items():
            if value is not None:
                kinds.setdefault(name, set()).add(kind_of(value))
            else:
                kinds.setdefault(name, set())
    skipped = set(skip)
    names = sorted((n for n in kinds if n not in skipped),
                   key=lambda n: (_FIRST.index(n) if n in _FIRST else len(_FIRST), n))
    return [AttributeSpec(n, _merge(kinds[n]) if kinds[n] else "string") for n in names]


def node_schema(G: nx.MultiDiGraph, skip: Iterable[str] = ()) -> list[AttributeSpec]:
    """The node attribute keys of ``G`` with one kind each."""
    return schema_of((data for _, data in G.nodes(data=True)), skip)


def edge_schema(G: nx.MultiDiGraph, skip: Iterable[str] = ()) -> list[AttributeSpec]:
    """The edge attribute keys of ``G`` with one kind each (``key`` is the multigraph edge key)."""
    return schema_of(({"key": key, **data} for _, _, key, data in G.edges(keys=True, data=True)),
                     skip)


def text_of(value: Any, kind: str) -> str:
    """``value`` written as text for a key of ``kind`` (dates ISO 8601, lists joined by ``|``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if kind == "double" and isinstance(value, int | float):
        return repr(float(value)) if math.isfinite(value) else ("NaN" if math.isnan(value) else
                                                                   ("INF" if value > 0 else "-INF"))
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return LIST_JOIN.join(text_of(item, kind_of(item)) for item in items)
    return str(value)


def json_value(value: Any) -> Any:
    """``value`` as JSON can hold it: dates ISO 8601, sets sorted lists, non-finite floats ``None``."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [json_value(item) for item in items]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def node_ids(G: nx.MultiDiGraph) -> dict[Any, str]:
    """The id each node is written with: its ``id`` attribute, else ``str`` of its key; unique."""
    ids = {node: str(data.get("id") or node) for node, data in G.nodes(data=True)}
    if len(set(ids.values())) != len(ids):
        seen: dict[str, Any] = {}
        for node, text in ids.items():
            if text in seen:
                raise InputError(f"nodes {seen[text]!r} and {node!r} would both be written as {text!r}")
            seen[text] = node
    return ids


def edge_prefix(ids: Iterable[str]) -> str:
    """A prefix for edge ids ``<prefix>0, <prefix>1, ...`` that no node id starts with."""
    taken = [i for i in ids if i.startswith("e") and i.rstrip("0123456789") != i]
    prefix = "e"
    while any(i.rstrip("0123456789") == prefix for i in taken):
        prefix += "_"
    return prefix


def edges_with_ids(G: nx.MultiDiGraph, ids: dict[Any, str]
                   ) -> Iterator[tuple[str, Any, Any, Any, dict[str, Any]]]:
    """``(edge id, source, target, key, data)`` for every edge, ids unique even for parallel edges."""
    prefix = edge_prefix(ids.values())
    for index, (u, v, key, data) in enumerate(G.edges(keys=True, data=True)):
        yield f"{prefix}{index}", u, v, key, data
