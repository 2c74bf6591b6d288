"""An article as read from any input, with its stable IRI and content hash.

Examples
--------
>>> a = Article(title="T", text="Body.", url="https://example.org/a")
>>> str(a.iri).startswith("https://w3id.org/defence-ties/graph/article/")
True
>>> a.iri == Article(title="Other", text="Changed.", url="https://example.org/a").iri
True
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from rdflib import URIRef

from graph.model.namespace import GRAPH


@dataclass(frozen=True)
class Article:
    """One article: front-matter metadata and the body text."""

    title: str
    text: str
    published: date | None = None
    source: str = ""
    url: str = ""
    origin: str = ""

    @property
    def iri(self) -> URIRef:
        """Its node and named graph: from the URL when there is one, else from the normalised text."""
        basis = self.url.strip() or " ".join(self.text.split()).lower()
        return GRAPH[f"article/{hashlib.sha256(basis.encode()).hexdigest()[:20]}"]

    @property
    def content_hash(self) -> str:
        """SHA-256 of everything that goes into its graph; unchanged hash means nothing to redo."""
        parts = [self.title, self.text, str(self.published or ""), self.source, self.url]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def clean_text(text: str) -> str:
    """Markdown and stray white space removed enough for sentences to read naturally."""
    text = re.sub(r"^#+\s*", "", text, flags=re.M)
    text = re.sub(r"\*\*?|__", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return text.strip()
