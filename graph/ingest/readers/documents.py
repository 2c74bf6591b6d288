"""Reading articles from every input kind: Markdown with front matter, plain text, HTML, JSON Lines,
RSS/Atom feeds, URLs, folders (recursive) and ``-`` for stdin.

Each source yields articles or :class:`Failure` s, so one bad input never stops the others.

Examples
--------
>>> [a.title for a in read_bytes(b"---\\ntitle: T\\npublished: 2026-02-05\\n---\\nBody.", "x.md")]
['T']
>>> read_bytes(b"caf\\xe9", "x.txt")[0].message
'x.txt: not valid UTF-8 text'
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import feedparser
import trafilatura
import yaml
from dateutil import parser as date_parser

from graph.ingest.readers.article import Article, clean_text

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text", ".html", ".htm", ".jsonl", ".xml", ".rss", ".atom"}


@dataclass(frozen=True)
class Failure:
    """An input that gave no article, and why."""

    origin: str
    message: str


Item = Article | Failure


def read_bytes(data: bytes, origin: str, *, max_bytes: int = 5_000_000, content_type: str = "") -> list[Item]:
    """Articles in ``data`` read as the kind its name (or content type) says."""
    if len(data) > max_bytes:
        return [Failure(origin, f"{origin}: {len(data)} bytes is over the size cap of {max_bytes} bytes")]
    if b"\x00" in data[:4096]:
        return [Failure(origin, f"{origin}: binary data, not an article")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [Failure(origin, f"{origin}: not valid UTF-8 text")]
    if not text.strip():
        return [Failure(origin, f"{origin}: empty")]
    kind = _kind(origin, content_type, text)
    reader = {"html": _html, "jsonl": _jsonl, "feed": _feed, "md": _markdown}.get(kind, _markdown)
    return reader(text, origin)


def read_path(path: Path, *, max_bytes: int = 5_000_000) -> Iterator[Item]:
    """Articles in a file, or in every article-like file under a folder (sorted, recursive)."""
    if path.is_dir():
        # A folder's README describes the folder; it is not an article.
        for child in sorted(
            p
            for p in path.rglob("*")
            if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES and not p.name.lower().startswith("readme")
        ):
            yield from read_path(child, max_bytes=max_bytes)
        return
    if not path.is_file():
        yield Failure(str(path), f"{path}: no such file or folder")
        return
    if path.stat().st_size > max_bytes:
        yield Failure(
            str(path), f"{path}: {path.stat().st_size} bytes is over the size cap of {max_bytes} bytes"
        )
        return
    yield from read_bytes(path.read_bytes(), str(path), max_bytes=max_bytes)


def _kind(origin: str, content_type: str, text: str) -> str:
    suffix = Path(origin.split("?", maxsplit=1)[0]).suffix.lower()
    head = text.lstrip()[:300].lower()
    if "json" in content_type or suffix == ".jsonl":
        return "jsonl"
    if (
        suffix in (".xml", ".rss", ".atom")
        or "rss" in content_type
        or "atom" in content_type
        or (head.startswith("<?xml") and ("<rss" in head or "<feed" in head))
    ):
        return "feed"
    if suffix in (".html", ".htm") or "html" in content_type or head.startswith(("<!doctype html", "<html")):
        return "html"
    return "md"


def _markdown(text: str, origin: str) -> list[Item]:
    meta: dict[str, object] = {}
    body = text
    if text.startswith("---"):
        parts = text.split("\n---", 2)
        if len(parts) < 2:
            return [Failure(origin, f"{origin}: front matter is not closed with ---")]
        try:
            loaded = yaml.safe_load(parts[0].lstrip("-\n")) or {}
        except yaml.YAMLError as exc:
            return [Failure(origin, f"{origin}: bad YAML front matter: {str(exc).splitlines()[0]}")]
        meta = loaded if isinstance(loaded, dict) else {}
        body = parts[1].lstrip("-").lstrip("\n")
    else:
        first, _, rest = text.strip().partition("\n")
        meta, body = {"title": first.lstrip("# ").strip()}, rest
    return [_article(meta, clean_text(body), origin)]


def _article(meta: dict[str, object], body: str, origin: str) -> Item:
    title = str(meta.get("title") or "").strip()
    if not body.strip():
        return Failure(origin, f"{origin}: no article text")
    if not title:
        return Failure(origin, f"{origin}: no title")
    published = _date(meta.get("published"))
    return Article(
        title=title,
        text=body,
        published=published,
        source=str(meta.get("source") or ""),
        url=str(meta.get("url") or ""),
        origin=origin,
    )


def _date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not value:
        return None
    try:
        return date_parser.parse(str(value)).date()
    except (ValueError, OverflowError):
        return None


def _html(text: str, origin: str) -> list[Item]:
    extracted = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    document = extracted.as_dict() if extracted is not None and hasattr(extracted, "as_dict") else extracted
    if not document or not str(document.get("text") or "").strip():
        return [Failure(origin, f"{origin}: HTML with no article text")]
    meta = {
        "title": document.get("title"),
        "published": document.get("date"),
        "source": document.get("sitename") or document.get("hostname") or "",
        "url": document.get("url") or (origin if origin.startswith("http") else ""),
    }
    return [_article(meta, str(document["text"]), origin)]


def _jsonl(text: str, origin: str) -> list[Item]:
    items: list[Item] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            items.append(Failure(where, f"{where}: not valid JSON ({exc.msg})"))
            continue
        if not isinstance(record, dict):
            items.append(Failure(where, f"{where}: a line must be a JSON object"))
            continue
        items.append(_article(record, clean_text(str(record.get("text") or "")), where))
    return items


def _feed(text: str, origin: str) -> list[Item]:
    parsed = feedparser.parse(text)
    if not parsed.entries:
        return [Failure(origin, f"{origin}: a feed with no entries")]
    items: list[Item] = []
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}#entry{number}"
        body = (
            entry.get("content", [{}])[0].get("value") if entry.get("content") else entry.get("summary", "")
        )
        plain = (
            trafilatura.extract(f"<html><body><p>{body}</p></body></html>") if body and "<" in body else body
        )
        meta = {
            "title": entry.get("title"),
            "published": entry.get("published") or entry.get("updated"),
            "source": parsed.feed.get("title", ""),
            "url": entry.get("link", ""),
        }
        items.append(_article(meta, clean_text(plain or ""), where))
    return items
