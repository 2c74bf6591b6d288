"""HTTP content negotiation with q-values (RFC 9110 §12.5.1).

An offer is matched by the most specific media range of the ``Accept`` header that covers it
(``type/subtype`` before ``type/*`` before ``*/*``); that range's ``q`` is the offer's quality.
The best quality wins, ties go to the server's order, and ``q=0`` means "not this".

Examples
--------
>>> best_match("text/csv;q=0.5, application/sparql-results+json",
...            ["text/csv", "application/sparql-results+json"])
'application/sparql-results+json'
>>> best_match("text/*;q=0.3, text/turtle;q=0", ["text/turtle", "text/html"])
'text/html'
>>> best_match(None, ["text/turtle", "text/html"])
'text/turtle'
>>> best_match("image/png", ["text/turtle"]) is None
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
NQUADS = "application/n-quads"
TRIG = "application/trig"
JSONLD = "application/ld+json"
RDFXML = "application/rdf+xml"
HTML = "text/html"

# Media types a client may ask for, mapped to the type the engine writes (aliases included).
RESULT_TYPES: dict[str, str] = {
    SPARQL_JSON: SPARQL_JSON, "application/json": SPARQL_JSON,
    SPARQL_XML: SPARQL_XML, "application/xml": SPARQL_XML, "text/xml": SPARQL_XML,
    CSV: CSV, TSV: TSV,
}
GRAPH_TYPES: dict[str, str] = {
    TURTLE: TURTLE, "application/x-turtle": TURTLE, "application/turtle": TURTLE,
    NTRIPLES: NTRIPLES, NQUADS: NQUADS, TRIG: TRIG,
    JSONLD: JSONLD, "application/json": JSONLD,
    RDFXML: RDFXML, "application/xml": RDFXML, "text/xml": RDFXML,
}


@dataclass(frozen=True)
class MediaRange:
    """One element of an ``Accept`` header."""

    main: str
    sub: str
    q: float

    def specificity(self, media_type: str) -> int:
        """How precisely this range names ``media_type``: 2 exact, 1 ``type/*``, 0 ``*/*``, -1 no match."""
        main, _, sub = media_type.partition("/")
        if self.main == "*":
            return 0
        if self.main != main:
            return -1
        if self.sub == "*":
            return 1
        return 2 if self.sub == sub else -1


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an ``Accept`` header; malformed elements are skipped, bad q-values read as 1."""
    ranges = []
    for element in (header or "").split(","):
        media, *params = (part.strip() for part in element.split(";"))
        main, slash, sub = media.lower().partition("/")
        if not slash or not main or not sub:
            continue
        ranges.append(MediaRange(main, sub, _quality(params)))
    return ranges


def _quality(params: list[str]) -> float:
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "q":
            try:
                return min(max(float(value.strip()), 0.0), 1.0)
            except ValueError:
                return 1.0
    return 1.0


def quality(ranges: Sequence[MediaRange], media_type: str) -> float:
    """The quality the client gives ``media_type`` (0 when no range covers it)."""
    best_specificity, best_q = -1, 0.0
    for media_range in ranges:
        specificity = media_range.specificity(media_type)
        if specificity > best_specificity:
            best_specificity, best_q = specificity, media_range.q
    return best_q


def best_match(header: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers (the first offer when there is no ``Accept``), or ``None``."""
    ranges = parse_accept(header)
    if not ranges:
        return offers[0] if offers else None
    best, best_q = None, 0.0
    for offer in offers:
        q = quality(ranges, offer)
        if q > best_q:
            best, best_q = offer, q
    return best
