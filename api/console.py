"""Rendering SPARQL results for a terminal: an aligned table, W3C JSON, CSV or TSV."""

from __future__ import annotations

import json

from rdflib import URIRef
from rdflib.term import Node

from graph.model.namespace import DT, RESOURCE
from graph.store import term_from_json

SHORT_PREFIXES = {str(DT._NS): "dt:", str(RESOURCE): "res:"}
MAX_CELL = 80


def short(term: Node) -> str:
    """A compact, readable form of a term for a table cell.

    Examples
    --------
    >>> short(URIRef("https://w3id.org/defence-ties/ontology#Person"))
    'dt:Person'
    >>> from rdflib import Literal
    >>> short(Literal(3))
    '3'
    """
    if isinstance(term, URIRef):
        text = str(term)
        for base, prefix in SHORT_PREFIXES.items():
            if text.startswith(base):
                return prefix + text[len(base):]
        return f"<{text}>"
    return str(term)


def render_table(results: dict[str, object]) -> str:
    """SPARQL JSON results as an aligned text table (or ``true``/``false`` for ASK)."""
    if "boolean" in results:
        return "true" if results["boolean"] else "false"
    variables: list[str] = results["head"]["vars"]  # type: ignore[index]
    bindings: list[dict[str, dict[str, str]]] = results["results"]["bindings"]  # type: ignore[index]
    rows = [[_cell(binding.get(name)) for name in variables] for binding in bindings]
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(variables)]
    lines = ["  ".join(name.ljust(width) for name, width in zip(variables, widths, strict=True))]
    lines.append("  ".join("-" * width for width in widths))
    lines += ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
              for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _cell(value: dict[str, str] | None) -> str:
    if value is None:
        return ""
    text = short(term_from_json(value))
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def render_json(results: dict[str, object]) -> str:
    """The W3C SPARQL 1.1 Query Results JSON document, indented."""
    return json.dumps(results, indent=2, ensure_ascii=False)
