"""Readers: every input kind turned into articles, one bad input never stopping the others.

An article as read (:mod:`.article`), the formats (:mod:`.documents`: Markdown with front matter,
plain text, HTML, JSON Lines, RSS/Atom, folders) and URLs (:mod:`.fetch`).

May import: :mod:`graph.errors`, :mod:`graph.model` and :mod:`graph.ingest.language`.
"""

from __future__ import annotations

from graph.ingest.readers.article import Article, clean_text
from graph.ingest.readers.documents import TEXT_SUFFIXES, Failure, Item, read_bytes, read_path
from graph.ingest.readers.fetch import fetch_url

__all__ = ["TEXT_SUFFIXES", "Article", "Failure", "Item", "clean_text", "fetch_url", "read_bytes",
           "read_path"]
