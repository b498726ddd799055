"""Ingest over HTTP: parse a JSON or JSONL body into articles, then one writer at a time."""

from __future__ import annotations

import contextlib
import json
import threading
from typing import Any

from storyline.ingest.identity import content_hash
from storyline.ingest.records import read_json_lines, read_json_records
from storyline.models import Article, Rejection
from storyline.pipeline import Ingestor
from storyline.settings import Settings
from storyline.stages.embed import Embedder, make_embedder
from storyline.store import Store, open_store

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
    """The server's one writer: ingests run one at a time, through one ``Ingestor`` kept open for
    the server's life, so the models, the story caches and the vector index stay loaded and one
    article costs its enrichment plus milliseconds of map work."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self._embedder = embedder
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._ingestor: Ingestor | None = None
        self._resources = contextlib.ExitStack()

    def ingest(self, items: list[Article | Rejection]) -> dict[str, Any]:
        articles = [item for item in items if isinstance(item, Article)]
        with self._lock:
            ingestor = self._open()
            store = ingestor.store
            assert isinstance(store, Store)
            report = ingestor.ingest(items)
            stored = [store.resolve_article(a.id, a.url, content_hash(a.text)) or a.id for a in articles]
            facts = store.article_facts(stored)
        return {
            **report.as_dict(),
            "rejections": [{"where": item.where, "reason": item.reason} for item in report.rejected],
            "articles": [
                {"id": article_id, "story_id": facts.get(article_id, {}).get("story_id")} for article_id in stored
            ],
        }

    def close(self) -> None:
        with self._lock:
            if self._ingestor is not None:
                self._ingestor.close()
            self._resources.close()
            if self._store is not None:
                self._store.close()
            self._ingestor, self._store = None, None

    def _open(self) -> Ingestor:
        if self._ingestor is None:
            if self._embedder is None:
                self._embedder = make_embedder(self.settings.embedder, self.settings.model)
            self._store = open_store(self.settings.db, any_thread=True)
            self._resources.enter_context(self._store.background_checkpoints())
            self._ingestor = Ingestor(self._store, self.settings, self._embedder, keep_open=True)
        return self._ingestor
