"""Fetching articles from URLs with httpx: a timeout, a size cap and a content-type check."""

from __future__ import annotations

import httpx

from graph.ingest.readers.documents import Failure, Item, read_bytes

ACCEPTED = (
    "text/html",
    "application/xhtml",
    "text/plain",
    "text/markdown",
    "application/rss",
    "application/atom",
    "application/xml",
    "text/xml",
    "application/json",
    "application/x-ndjson",
    "application/jsonl",
)


def fetch_url(url: str, *, timeout_s: float = 10.0, max_bytes: int = 5_000_000) -> list[Item]:
    """Articles at ``url`` (a page or a feed), or one :class:`Failure` saying what went wrong."""
    try:
        with (
            httpx.Client(timeout=timeout_s, follow_redirects=True) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                return [Failure(url, f"{url}: the server answered {response.status_code}")]
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type and not content_type.startswith(ACCEPTED):
                return [Failure(url, f"{url}: content type {content_type!r} is not an article or a feed")]
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    return [Failure(url, f"{url}: more than the size cap of {max_bytes} bytes")]
    except httpx.HTTPError as exc:
        return [Failure(url, f"{url}: unreachable ({type(exc).__name__}: {exc})")]
    return read_bytes(bytes(body), url, max_bytes=max_bytes, content_type=content_type)
