"""JSON and JSONL records with any of id, url, title, text, html, published, source, language."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

from storyline.ingest.html import extract_html
from storyline.ingest.identity import article_id
from storyline.models import Article, Rejection

KNOWN_FIELDS = ("id", "url", "title", "text", "html", "published", "source", "language")


def record_to_article(record: Any, path: str | None) -> Article:
    """One JSON object to an article; raises ValueError with the reason when it cannot."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    text = _string(record, "text")
    title = _string(record, "title")
    url = _string(record, "url")
    source = _string(record, "source")
    hints: list[tuple[str, str]] = []
    html = _string(record, "html")
    if html and not text:
        fields = extract_html(html, url)
        text, title = fields["text"], title or fields["title"]
        url, source = url or fields["url"], source or fields["source"]
        if fields["date"]:
            hints.append(("html", fields["date"]))
    if not text or not text.strip():
        raise ValueError("record has no text (need 'text' or 'html')")
    if _string(record, "published"):
        hints.insert(0, ("metadata", _string(record, "published") or ""))
    if not source and url:
        source = urlparse(url).hostname
    metadata = {key: value for key, value in record.items() if key not in KNOWN_FIELDS}
    language = _string(record, "language")
    if language:
        metadata["declared_language"] = language.lower()
    return Article(
        id=article_id(url, text, _string(record, "id")),
        text=text.strip(),
        title=title.strip() if title else None,
        url=url,
        path=path,
        source=source,
        date_hints=tuple(hints),
        metadata=metadata,
    )


def read_json_document(text: str, path: str) -> Iterator[Article | Rejection]:
    """A .json file: one object or an array of objects; falls back to JSON lines."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        yield from read_json_lines(text.splitlines(), path)
        return
    records = document if isinstance(document, list) else [document]
    for index, record in enumerate(records, start=1):
        where = path if len(records) == 1 else f"{path}:#{index}"
        try:
            yield record_to_article(record, path)
        except ValueError as error:
            yield Rejection(where, str(error))


def read_json_lines(lines: Iterator[str] | list[str], path: str) -> Iterator[Article | Rejection]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Rejection(f"{path}:{number}", f"malformed JSON ({error.msg} at column {error.colno})")
            continue
        try:
            yield record_to_article(record, path)
        except ValueError as error:
            yield Rejection(f"{path}:{number}", str(error))


def _string(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise ValueError(f"field '{key}' must be a string")
    return value or None
