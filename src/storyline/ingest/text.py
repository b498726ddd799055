"""Plain text articles: optional leading ``date YYYY-MM-DD`` marker, optional title line."""

from __future__ import annotations

import re

from storyline.ingest.identity import article_id
from storyline.models import Article

_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")
_SENTENCE_END = (".", "!", "?", "…", ":", ";", ",")


def looks_like_title(line: str) -> bool:
    """A short line that is not a sentence of the body: few words, no closing punctuation."""
    words = line.split()
    return 2 <= len(words) <= 30 and len(line) <= 200 and not line.rstrip().endswith(_SENTENCE_END)


def read_text(text: str, path: str | None) -> Article:
    hints: list[tuple[str, str]] = []
    marker = _MARKER.match(text)
    if marker:
        hints.append(("marker", marker.group(1)))
        text = text[marker.end() :]
    lines = text.strip().splitlines()
    title = None
    if len(lines) > 1 and looks_like_title(lines[0].strip()):
        title = lines[0].strip()
        lines = lines[1:]
    body = "\n".join(lines).strip()
    if not body and not title:
        raise ValueError("empty document: no text")
    return Article(
        id=article_id(None, (title or "") + "\n" + body),
        text=body or (title or ""),
        title=title,
        path=path,
        date_hints=tuple(hints),
    )
