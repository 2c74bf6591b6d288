"""Read a SPARQL 1.1 Protocol operation from a request: which one, its text, its dataset.

Queries come by GET ``?query=``, POST form, or POST ``application/sparql-query``; updates by POST
form ``update=`` or ``application/sparql-update``. Exactly one operation per request; unknown
parameters (SPARQLWrapper adds ``format`` and ``output``) are ignored. Bodies must be UTF-8.

Examples
--------
>>> media_type_and_charset("application/sparql-query; charset=UTF-8")
('application/sparql-query', 'utf-8')
>>> is_absolute_iri("http://example.org/g1"), is_absolute_iri("g1")
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import parse_qsl

from fastapi import HTTPException, Request

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
QUERY_DATASET = ("default-graph-uri", "named-graph-uri")
UPDATE_DATASET = ("using-graph-uri", "using-named-graph-uri")
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*")

Kind = Literal["query", "update", "describe"]


@dataclass(frozen=True)
class Operation:
    """A protocol operation: a query, an update, or (bare GET) a request for the service description."""

    kind: Kind
    text: str = ""
    params: list[tuple[str, str]] = field(default_factory=list)
    base: str = ""


def media_type_and_charset(header: str | None) -> tuple[str, str | None]:
    """The media type (lower case) and the ``charset`` parameter of a ``Content-Type`` header."""
    media, *params = (part.strip() for part in (header or "").split(";"))
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media.lower(), charset


def is_absolute_iri(text: str) -> bool:
    """Whether ``text`` is an absolute IRI (a scheme, no spaces or forbidden characters)."""
    return _IRI.fullmatch(text) is not None


async def read_operation(request: Request) -> Operation:
    """The operation a ``/sparql`` request carries; HTTP errors name what is wrong with it.

    Its ``base`` is the endpoint's URL, against which relative IRIs in the text resolve."""
    operation = await _read(request)
    return replace(operation, base=str(request.url.replace(query="", fragment="")))


async def _read(request: Request) -> Operation:
    url_params = list(request.query_params.multi_items())
    if request.method in ("GET", "HEAD"):
        if any(name == "update" for name, _ in url_params):
            raise HTTPException(405, "updates must be sent with POST", headers={"Allow": "POST"})
        if not any(name == "query" for name, _ in url_params):
            return Operation("describe")
        return _operation("query", _one(url_params, "query"), url_params)
    media, charset = media_type_and_charset(request.headers.get("content-type"))
    if charset not in (None, "utf-8", "utf8"):
        raise HTTPException(415, f"the body must be UTF-8, not {charset}")
    body = _utf8(await request.body())
    if media == FORM:
        return _form_operation(url_params, parse_qsl(body, keep_blank_values=True))
    if media == SPARQL_QUERY:
        return _operation("query", body, url_params)
    if media == SPARQL_UPDATE:
        return _operation("update", body, url_params)
    raise HTTPException(415, f"unsupported Content-Type {media or '(none)'!r}: send {FORM}, "
                             f"{SPARQL_QUERY} or {SPARQL_UPDATE}")


def _form_operation(url_params: list[tuple[str, str]], form: list[tuple[str, str]]) -> Operation:
    names = {name for name, _ in form}
    if "query" in names and "update" in names:
        raise HTTPException(400, "send either query= or update=, not both")
    if "update" in names:
        return _operation("update", _one(form, "update"), url_params + form)
    if "query" in names:
        return _operation("query", _one(form, "query"), url_params + form)
    raise HTTPException(400, "the form has neither a query= nor an update= parameter")


def _operation(kind: Kind, text: str, params: list[tuple[str, str]]) -> Operation:
    names = QUERY_DATASET if kind == "query" else UPDATE_DATASET
    dataset = [(name, value) for name, value in params if name in names]
    for name, value in dataset:
        if not is_absolute_iri(value):
            raise HTTPException(400, f"{name} must be an absolute IRI, not {value!r}")
    if not text.strip():
        raise HTTPException(400, f"the {kind} is empty")
    return Operation(kind, text, dataset)


def _one(params: list[tuple[str, str]], name: str) -> str:
    values = [value for key, value in params if key == name]
    if len(values) != 1:
        raise HTTPException(400, f"exactly one {name}= parameter is allowed, got {len(values)}")
    return values[0]


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HTTPException(400, f"the body is not valid UTF-8 (byte {exc.start})") from None
