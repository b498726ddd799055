"""Walk paths (files, folders, ``-`` for JSONL on standard input) and dispatch by format."""

from __future__ import annotations

import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from storyline.ingest.decode import UnreadableInput, decode_text, gunzip_if_needed
from storyline.ingest.feeds import looks_like_feed, read_feed
from storyline.ingest.html import read_html
from storyline.ingest.limits import MAX_DOCUMENT_BYTES, MAX_FILE_BYTES, within_limits
from storyline.ingest.records import read_json_document, read_json_lines
from storyline.ingest.text import read_text
from storyline.models import Article, Rejection

ReadItem = Article | Rejection

_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_JSON_SUFFIXES = {".json"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_FEED_SUFFIXES = {".rss", ".atom", ".xml"}
_SKIPPED_NAMES = {".DS_Store", "Thumbs.db"}


def iter_files(paths: Iterable[str]) -> Iterator[Path]:
    """Every file under the given paths, folders walked recursively in name order. A folder is
    listed whole first: a file that vanishes after that is reported when it cannot be read."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from [
                child
                for child in sorted(path.rglob("*"))
                if child.is_file() and not child.name.startswith(".") and child.name not in _SKIPPED_NAMES
            ]
        else:
            yield path


def count_files(paths: Iterable[str]) -> int | None:
    """How many files the paths hold (None when standard input is among them)."""
    paths = list(paths)
    if "-" in paths:
        return None
    return sum(1 for _ in iter_files(paths))


def read_sources(paths: Iterable[str], stdin: TextIO | None = None) -> Iterator[ReadItem]:
    """Articles and rejections from every path, in order; never raises for bad input."""
    for raw in paths:
        if raw == "-":
            yield from read_json_lines(stdin or sys.stdin, "<stdin>")
            continue
        if not Path(raw).exists():
            yield Rejection(raw, "no such file or folder")
            continue
        for path in iter_files([raw]):
            yield from read_file(path)


def read_file(path: Path) -> Iterator[ReadItem]:
    where = str(path)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            yield Rejection(where, "not a regular file (a pipe, device or socket); skipped")
            return
        size = status.st_size
        if size > MAX_FILE_BYTES:
            yield Rejection(
                where, f"file too large ({size // (1024 * 1024)} MiB; limit {MAX_FILE_BYTES // (1024 * 1024)} MiB)"
            )
            return
        if size > MAX_DOCUMENT_BYTES and not _holds_many_articles(path):
            yield Rejection(
                where,
                f"file too large for one article ({size // (1024 * 1024)} MiB; limit {MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB)",
            )
            return
        data = path.read_bytes()
    except OSError as error:
        yield Rejection(where, f"cannot read file ({error.strerror or error})")
        return
    try:
        text = decode_text(gunzip_if_needed(data))
    except UnreadableInput as error:
        yield Rejection(where, str(error))
        return
    if not text.strip():
        yield Rejection(where, "empty file")
        return
    yield from parse_document(text, where, _format_suffix(path))


def parse_document(text: str, where: str, suffix: str) -> Iterator[ReadItem]:
    """Dispatch on extension first, then on content."""
    kind = _kind(text, suffix)
    try:
        if kind == "jsonl":
            yield from read_json_lines(text.splitlines(), where)
        elif kind == "json":
            yield from read_json_document(text, where)
        elif kind == "feed":
            yield from within_limits(lambda: list(read_feed(text, where)), size=0)
        elif kind == "html":
            yield within_limits(lambda: read_html(text, where), size=len(text))
        else:
            yield within_limits(lambda: read_text(text, where), size=len(text))
    except ValueError as error:
        yield Rejection(where, str(error))


def _holds_many_articles(path: Path) -> bool:
    """JSON, JSON lines and feeds may hold many articles; judged by extension, else by the first bytes."""
    if _format_suffix(path) in _JSON_SUFFIXES | _JSONL_SUFFIXES | _FEED_SUFFIXES:
        return True
    if path.suffix.lower() == ".gz":
        return False
    with path.open("rb") as stream:
        head = stream.read(512).lstrip().lower()
    return head.startswith((b"{", b"[", b"<?xml", b"<rss", b"<feed"))


def _format_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _kind(text: str, suffix: str) -> str:
    head = text.lstrip()[:512].lower()
    if suffix in _JSONL_SUFFIXES:
        return "jsonl"
    if suffix in _JSON_SUFFIXES:
        return "json"
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _FEED_SUFFIXES or head.startswith("<?xml"):
        return "feed" if looks_like_feed(text) else "html"
    if head.startswith("{") or head.startswith("["):
        return "json"
    if head.startswith("<!doctype html") or head.startswith("<html"):
        return "html"
    if head.startswith("<rss") or head.startswith("<feed"):
        return "feed"
    return "text"
