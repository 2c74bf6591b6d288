"""Request parameters checked against the limits in the settings (422 naming the parameter)."""

from __future__ import annotations

from graph.errors import ParameterError


def at_most(parameter: str, value: int, maximum: int, setting: str) -> int:
    """``value`` if it is no more than ``maximum``, else :class:`ParameterError`.

    Examples
    --------
    >>> at_most("limit", 10, 100, "TIES_LOOKUP_MAX_LIMIT")
    10
    >>> at_most("limit", 500, 100, "TIES_LOOKUP_MAX_LIMIT")
    Traceback (most recent call last):
    ...
    graph.errors.ParameterError: limit: must be at most 100 (TIES_LOOKUP_MAX_LIMIT), not 500
    """
    if value > maximum:
        raise ParameterError(parameter, f"must be at most {maximum} ({setting}), not {value}")
    return value
