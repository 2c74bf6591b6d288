"""The one place that renders errors: every error response has the same JSON shape.

``{"error": {"status": 400, "type": "QueryError", "message": "...", "request_id": "..."}}``
Internal errors are logged with their request id and never show a stack trace to the client.
"""

from __future__ import annotations

import logging
import uuid
from typing import cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import (
    InputError,
    NotFoundError,
    ParameterError,
    QueryTimeoutError,
    ServiceBusyError,
    StoreUnavailableError,
    TiesError,
)

log = logging.getLogger("api")

STATUS_FOR: list[tuple[type[TiesError], int]] = [
    (QueryTimeoutError, 503),
    (ServiceBusyError, 503),
    (StoreUnavailableError, 503),
    (NotFoundError, 404),
    (ParameterError, 422),
    (InputError, 400),
]


def error_response(status: int, kind: str, message: str, *, request_id: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    """A JSON error response in the project's one shape."""
    body = {"error": {"status": status, "type": kind, "message": message,
                      "request_id": request_id or uuid.uuid4().hex[:12]}}
    return JSONResponse(body, status_code=status, headers=headers)


def _ties_error(request: Request, exc: Exception) -> JSONResponse:
    status = next((code for kind, code in STATUS_FOR if isinstance(exc, kind)), 500)
    if status == 500:
        return _internal_error(request, exc)
    headers = {"Retry-After": str(exc.retry_after_s)} if isinstance(exc, ServiceBusyError) else None
    return error_response(status, type(exc).__name__, str(exc), headers=headers)


def _http_error(request: Request, exc: Exception) -> JSONResponse:
    exc = cast(StarletteHTTPException, exc)  # registered for this type only
    return error_response(exc.status_code, "HTTPError", str(exc.detail),
                          headers=getattr(exc, "headers", None))


def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    exc = cast(RequestValidationError, exc)
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return error_response(422, "ParameterError", "; ".join(parts) or "invalid request")


def _internal_error(request: Request, exc: Exception) -> JSONResponse:
    request_id = uuid.uuid4().hex[:12]
    log.error("request %s %s failed [request_id=%s]", request.method, request.url.path, request_id,
              exc_info=exc)
    return error_response(500, "InternalError",
                          f"internal error; quote request id {request_id} when reporting it",
                          request_id=request_id)


def install_error_handlers(app: FastAPI) -> None:
    """Route every error through the one JSON shape."""
    app.add_exception_handler(TiesError, _ties_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _internal_error)
