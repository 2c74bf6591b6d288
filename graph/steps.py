"""Query plans that run the same way from sync and async code.

A plan is a generator: it yields the SPARQL of its next query, receives the result's text in the
tab-separated format (:mod:`graph.tsv`) and finally returns its answer. :func:`run_plan` drives one
with the store's ordinary client, :func:`arun_plan` with its async loopback client
(:meth:`graph.store.Store.aquery_bounded`), so an async API handler waits for the engine without a
thread.

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
>>> store.close(); folder.cleanup()
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TypeVar

from graph.bounded import Limits
from graph.store import Store
from graph.tsv import TSV

T = TypeVar("T")
Plan = Generator[str, str, T]

__all__ = ["Limits", "Plan", "arun_plan", "run_plan"]


def run_plan(store: Store, plan: Plan[T]) -> T:
    """Run ``plan``'s queries one after the other on ``store``; its answer."""
    try:
        sparql = next(plan)
        while True:
            sparql = plan.send(store.query(sparql, accept=TSV).text)
    except StopIteration as done:
        answer: T = done.value
        return answer


async def arun_plan(store: Store, plan: Plan[T], limits: Limits) -> T:
    """:func:`run_plan` without a thread: each query bounded by ``limits``."""
    try:
        sparql = next(plan)
        while True:
            answer = await store.aquery_bounded(sparql, accept=TSV, limits=limits)
            sparql = plan.send(answer.body.decode("utf-8"))
    except StopIteration as done:
        result: T = done.value
        return result
