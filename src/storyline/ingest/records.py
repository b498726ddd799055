"""JSON and JSONL records with any of id, url, title, text, html, published, source, language."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial
from typing import Any
from urllib.parse import urlparse

from storyline.ingest.html import extract_html
from storyline.ingest.identity import article_id
from storyline.ingest.limits import MAX_DOCUMENT_BYTES, within_limits
from storyline.models import Article, Rejection

KNOWN_FIELDS = ("id", "url", "title", "text", "html", "published", "source", "language")


def record_to_article(record: Any, path: str | None) -> Article:
    """One JSON object to an article; raises ValueError with the reason when it cannot."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    text = _string(record, "text", numbers=False)
    title = _string(record, "title")
    url = _string(record, "url")
    source = _string(record, "source")
    hints: list[tuple[str, str]] = []
    html = _string(record, "html", numbers=False)
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
    except RecursionError:
        yield Rejection(path, "JSON nested too deeply")
        return
    yield from read_json_records(document, path, path)


def read_json_records(document: Any, where: str, path: str | None) -> Iterator[Article | Rejection]:
    """Articles from a parsed JSON document, one object or an array of them; a rejection names the
    ``where`` of the document, and ``where:#N`` for the Nth record of an array."""
    records = document if isinstance(document, list) else [document]
    for index, record in enumerate(records, start=1):
        try:
            yield within_limits(partial(record_to_article, record, path), size=0)
        except ValueError as error:
            yield Rejection(where if len(records) == 1 else f"{where}:#{index}", str(error))


def read_json_lines(lines: Iterator[str] | list[str], path: str, first_line: int = 1) -> Iterator[Article | Rejection]:
    """Articles from JSON lines; ``first_line``: the number of the first one (rejections say ``path:N``)."""
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        if len(line) > MAX_DOCUMENT_BYTES:
            yield Rejection(
                f"{path}:{number}", f"record too large ({len(line) // (1024 * 1024)} MiB of text on one line)"
            )
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Rejection(f"{path}:{number}", f"malformed JSON ({error.msg} at column {error.colno})")
            continue
        except RecursionError:
            yield Rejection(f"{path}:{number}", "JSON nested too deeply")
            continue
        try:
            yield within_limits(partial(record_to_article, record, path), size=0)
        except ValueError as error:
            yield Rejection(f"{path}:{number}", str(error))


def _string(record: dict[str, Any], key: str, numbers: bool = True) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise ValueError(f"field '{key}' must be a string")
    # JSON may carry lone surrogates ("\\ud800"), which no UTF-8 store can hold.
    return value.encode("utf-8", "replace").decode("utf-8") or None
