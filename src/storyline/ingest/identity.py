"""Stable article ids: from the URL when there is one, else from the content."""

from __future__ import annotations

import hashlib
import re

_SPACE = re.compile(r"\s+")


def normalise_content(text: str) -> str:
    """Text reduced to what makes two copies "the same content"."""
    return _SPACE.sub(" ", text).strip().lower()


def content_hash(text: str) -> str:
    return hashlib.sha1(normalise_content(text).encode("utf-8")).hexdigest()


def article_id(url: str | None, text: str, given: str | None = None) -> str:
    """The caller's id when given, else a hash of the URL, else of the content."""
    if given:
        return str(given).strip()
    basis = url.strip() if url else normalise_content(text)
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]
