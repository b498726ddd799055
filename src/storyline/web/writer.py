"""Ingest over HTTP: parse a JSON or JSONL body into articles, then one writer at a time."""

from __future__ import annotations

import json
import threading
from typing import Any

from storyline.ingest.identity import content_hash
from storyline.ingest.records import read_json_lines, read_json_records
from storyline.models import Article, Rejection
from storyline.pipeline import ingest
from storyline.settings import Settings
from storyline.stages.embed import Embedder, make_embedder
from storyline.store import Store

JSON_TYPES = ("application/json",)
LINES_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "text/plain")
BODY_NAME = "request body"


class BodyError(ValueError):
    """The body as a whole cannot be read; the message says why in one line."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def parse_body(body: bytes, content_type: str) -> list[Article | Rejection]:
    """Articles (and per-record rejections) from a JSON object or array, or JSON lines."""
    media = content_type.split(";")[0].strip().lower()
    if media not in JSON_TYPES + LINES_TYPES:
        raise BodyError(
            415, f"unsupported content type {media or '(none)'!r}: send application/json or application/x-ndjson"
        )
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BodyError(400, f"{BODY_NAME} is not valid UTF-8 (byte {error.start})") from None
    if not text.strip():
        raise BodyError(400, f"{BODY_NAME} is empty")
    if media in LINES_TYPES:
        return list(read_json_lines(text.splitlines(), BODY_NAME))
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BodyError(
            400, f"{BODY_NAME} is not JSON ({error.msg} at line {error.lineno} column {error.colno})"
        ) from None
    if document == []:
        raise BodyError(400, f"{BODY_NAME} is an empty array")
    return list(read_json_records(document, BODY_NAME, None))


class Writer:
    """The server's one writer: ingests run one at a time; the embedder is loaded on first use."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self._embedder = embedder
        self._lock = threading.Lock()

    def ingest(self, items: list[Article | Rejection]) -> dict[str, Any]:
        articles = [item for item in items if isinstance(item, Article)]
        with self._lock:
            if self._embedder is None:
                self._embedder = make_embedder(self.settings.embedder)
            with Store(self.settings.db_path, any_thread=True) as store:
                report = ingest(items, store, self.settings, self._embedder)
                stored = [store.resolve_article(a.id, a.url, content_hash(a.text)) or a.id for a in articles]
                facts = store.article_facts(stored)
        return {
            **report.as_dict(),
            "rejections": [{"where": item.where, "reason": item.reason} for item in report.rejected],
            "articles": [
                {"id": article_id, "story_id": facts.get(article_id, {}).get("story_id")} for article_id in stored
            ],
        }
