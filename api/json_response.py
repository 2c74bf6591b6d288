"""A response model written straight to JSON bytes, for the busiest lookups.

Returned from a plain ``def`` handler, a model is validated again by FastAPI in a second trip to
the thread pool; a :class:`ModelResponse` is already the answer, so that trip is skipped. The route
keeps ``response_model`` for the OpenAPI schema.

Examples
--------
>>> from api.models import Value
>>> ModelResponse(Value(value="x")).body
b'{"value":"x","datatype":null,"lang":null}'
"""

from __future__ import annotations

from fastapi import Response
from pydantic import BaseModel


class ModelResponse(Response):
    """``application/json`` holding ``model.model_dump_json()``; extra headers as for a Response."""

    media_type = "application/json"

    def __init__(self, model: BaseModel, headers: dict[str, str] | None = None) -> None:
        super().__init__(model.model_dump_json().encode("utf-8"), headers=headers)
