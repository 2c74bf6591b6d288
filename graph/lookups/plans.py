"""Query plans that run the same way from sync and async code.

A plan is a generator: it yields the SPARQL of its next query, receives the result's text in the
tab-separated format (:mod:`graph.store.tsv`) and finally returns its answer. A plan may also yield a
tuple of queries that do not depend on each other and receive a list of texts in the same order:
:func:`arun_plan` sends them to the engine at once (it runs each on its own thread, so a lookup's
independent parts take the time of the slowest, not the sum), :func:`run_plan` one after the other.
:func:`run_plan` drives a plan with the store's ordinary client, :func:`arun_plan` with its async
loopback client (:meth:`graph.store.Store.aquery_bounded`), so an async API handler waits for the
engine without a thread.

Examples
--------
>>> def plan() -> Plan[int]:
...     text = yield "SELECT ?x WHERE { VALUES ?x { 1 2 } }"
...     return len(text.splitlines()) - 1
>>> import asyncio, tempfile
>>> from graph.store import open_store
>>> folder = tempfile.TemporaryDirectory()
>>> store = open_store(folder.name)
>>> run_plan(store, plan())
2
>>> asyncio.run(arun_plan(store, plan(), Limits(deadline_s=10, max_bytes=1000)))
2
>>> def both() -> Plan[list[int]]:
...     texts = yield ("SELECT ?x WHERE { VALUES ?x { 1 } }", "SELECT ?x WHERE { VALUES ?x { 1 2 3 } }")
...     return [len(text.splitlines()) - 1 for text in texts]
>>> run_plan(store, both()), asyncio.run(arun_plan(store, both(), Limits(deadline_s=10, max_bytes=1000)))
([1, 3], [1, 3])
>>> store.close(); folder.cleanup()
"""

from __future__ import annotations

import asyncio
from collections.abc import Generator
from typing import Any, TypeVar

from graph.store import Store
from graph.store.bounded import Limits
from graph.store.tsv import TSV

T = TypeVar("T")
Step = str | tuple[str, ...]
# What a plan receives back: a text for a query, a list of texts for a tuple of queries.
Plan = Generator[Step, Any, T]

__all__ = ["Limits", "Plan", "Step", "arun_plan", "run_plan"]


def run_plan(store: Store, plan: Plan[T]) -> T:
    """Run ``plan``'s queries one after the other on ``store``; its answer."""
    try:
        step = next(plan)
        while True:
            if isinstance(step, tuple):
                step = plan.send([store.query(sparql, accept=TSV).text for sparql in step])
            else:
                step = plan.send(store.query(step, accept=TSV).text)
    except StopIteration as done:
        answer: T = done.value
        return answer


async def arun_plan(store: Store, plan: Plan[T], limits: Limits) -> T:
    """:func:`run_plan` without a thread: each query bounded by ``limits``, a tuple's queries at once."""

    async def text(sparql: str) -> str:
        answer = await store.aquery_bounded(sparql, accept=TSV, limits=limits)
        return answer.body.decode("utf-8")

    try:
        step = next(plan)
        while True:
            if isinstance(step, tuple):
                step = plan.send(list(await asyncio.gather(*map(text, step))))
            else:
                step = plan.send(await text(step))
    except StopIteration as done:
        result: T = done.value
        return result
