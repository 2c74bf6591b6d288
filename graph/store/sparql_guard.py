"""Check a SPARQL query or update before it reaches the engine: its form, and no outbound requests.

``SERVICE`` (federation) and ``LOAD`` make the engine fetch a URL. Both are refused unless an
allow-list names the endpoint, so the service never makes an outbound request on a stranger's
behalf. The check parses the text with rdflib's SPARQL parser and fails closed: a text it cannot
parse is refused, and so is ``SERVICE ?variable``.

A query that cannot contain either keyword (no ``service`` or ``load`` anywhere, no ``\\u``
escapes) and whose form is plain after its prologue skips the parse, which keeps point lookups cheap.

Examples
--------
>>> query_form("PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:p ?o }")
'SELECT'
>>> query_form("DESCRIBE <http://example.org/loader>")
'DESCRIBE'
>>> query_form("SELECT * WHERE { SERVICE <http://evil.example/> { ?s ?p ?o } }")
Traceback (most recent call last):
...
graph.errors.ForbiddenOperationError: SERVICE <http://evil.example/> is not allowed: ...
>>> query_form("SELECT * WHERE { SERVICE <http://ok.example/> { ?s ?p ?o } }",
...            allowed=frozenset({"http://ok.example/"}))
'SELECT'
>>> check_update("LOAD <http://evil.example/data.ttl>")
Traceback (most recent call last):
...
graph.errors.ForbiddenOperationError: LOAD <http://evil.example/data.ttl> is not allowed: ...
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from pyparsing import ParseBaseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Variable

from graph.errors import ForbiddenOperationError, QueryError

FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
         "DescribeQuery": "DESCRIBE"}

# Anything that could spell SERVICE or LOAD (escapes are expanded before parsing) needs the parser.
_NEEDS_PARSE = re.compile(r"service|load|\\u", re.IGNORECASE)
# Prologue (whitespace, comments, BASE, PREFIX) then the form keyword; one character per step,
# so that a failing match cannot backtrack badly.
_PLAIN_FORM = re.compile(
    r"(?:\s|#[^\n]*|BASE\s*<[^<>\s]*>|PREFIX\s+[^\s:]*:\s*<[^<>\s]*>)*"
    r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b",
    re.IGNORECASE,
)
# rdflib's parser keeps state in module-level pyparsing objects; one parse at a time.
_PARSE_LOCK = threading.Lock()


def query_form(text: str, allowed: frozenset[str] = frozenset()) -> str:
    """The form of a query (``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``), once it is safe.

    Raises ``QueryError`` when the query cannot be parsed and ``ForbiddenOperationError`` when it
    uses ``SERVICE`` with an endpoint not in ``allowed``.
    """
    plain = plain_form(text)
    if plain is not None:
        return plain
    form, endpoints = _parsed_query(text)
    _refuse_unlisted("SERVICE", endpoints, allowed)
    return form


def plain_form(text: str) -> str | None:
    """The form of a query that needs no parse to be safe (no ``service``, ``load`` or ``\\u``
    anywhere, a plain prologue), or ``None`` when :func:`query_form` must parse it.

    >>> plain_form("ASK { ?s ?p ?o }"), plain_form("SELECT * { SERVICE <http://x/> {} }")
    ('ASK', None)
    """
    if _NEEDS_PARSE.search(text):
        return None
    plain = _PLAIN_FORM.match(text)
    return plain.group(1).upper() if plain else None


def check_update(text: str, allowed: frozenset[str] = frozenset()) -> None:
    """Refuse an update that cannot be parsed, or that uses ``LOAD`` or ``SERVICE`` unlisted."""
    loads, services = _parsed_update(text)
    _refuse_unlisted("LOAD", loads, allowed)
    _refuse_unlisted("SERVICE", services, allowed)


def _refuse_unlisted(keyword: str, endpoints: tuple[str, ...], allowed: frozenset[str]) -> None:
    for endpoint in endpoints:
        if endpoint not in allowed:
            shown = endpoint if endpoint.startswith("?") else f"<{endpoint}>"
            raise ForbiddenOperationError(
                f"{keyword} {shown} is not allowed: this service makes no outbound requests "
                "except to endpoints listed in TIES_SERVICE_ALLOWLIST"
            )


@lru_cache(maxsize=512)
def _parsed_query(text: str) -> tuple[str, tuple[str, ...]]:
    tree = _parse(parseQuery, text)
    form = FORMS.get(getattr(tree[1], "name", ""), "")
    if not form:
        raise QueryError("not a SPARQL query (expected SELECT, ASK, CONSTRUCT or DESCRIBE)")
    return form, tuple(_endpoints(tree, "ServiceGraphPattern", "term"))


@lru_cache(maxsize=128)
def _parsed_update(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    tree = _parse(parseUpdate, text)
    return (tuple(_endpoints(tree, "Load", "iri")),
            tuple(_endpoints(tree, "ServiceGraphPattern", "term")))


def _parse(parser: Callable[[str], Any], text: str) -> Any:
    try:
        with _PARSE_LOCK:
            return parser(text)
    except ParseBaseException as exc:
        raise QueryError(f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {exc.msg} "
                         f"(near {exc.line.strip()[:80]!r})") from None
    except RecursionError:
        raise QueryError("the query is nested too deeply to check") from None
    except Exception as exc:  # fail closed: what we cannot parse, we do not run
        raise QueryError(f"the query could not be checked: {' '.join(str(exc).split())[:200]}") from None


def _endpoints(node: object, name: str, key: str) -> Iterator[str]:
    # Walk the parse tree without recursion, so a deeply nested query cannot overflow the stack.
    stack: list[Any] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == name:
                term = item.get(key)
                yield f"?{term}" if isinstance(term, Variable) else str(term)
            stack.extend(item.values())
        elif isinstance(item, list | tuple) or type(item).__name__ == "ParseResults":
            stack.extend(item)
