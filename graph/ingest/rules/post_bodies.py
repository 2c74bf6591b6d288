"""The body a post names without naming it: a US sub-cabinet defence post ("Principal Deputy
Assistant Secretary of Defense for Industrial Base Policy", "Under Secretary of War for Research and
Engineering") is a post in the Department of Defense (today's Department of War). The Secretary
himself is left to his country, as before.

Examples
--------
>>> department_post("Assistant Secretary of Defense for Indo-Pacific Security Affairs")
True
>>> department_post("Secretary of Defense"), department_post("Indian Defence Secretary")
(False, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from graph.ingest.resolution.entities import Entity, EntityTable

SUB_CABINET = re.compile(r"\b(assistant|deputy|under)\b.*\bsecretary of (defense|war)\b")
DEPARTMENT = "Department of Defense"


def department_post(title: str) -> bool:
    """True when ``title`` is a post under the US Secretary of Defense (or War)."""
    return SUB_CABINET.search(title.lower()) is not None


def department_of(titles: Iterable[str], table: EntityTable) -> Entity | None:
    """The Department of Defense when one of ``titles`` is a post in it, else ``None``."""
    if not any(department_post(title) for title in titles):
        return None
    known = table.gazetteer.lookup(DEPARTMENT)
    return table.resolve(known.label if known is not None else DEPARTMENT, "Organisation")
