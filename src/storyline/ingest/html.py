"""HTML pages: main text without boilerplate, title, date, canonical URL and site name.

trafilatura extracts the text and metadata; its publication date comes from htmldate.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlparse

from storyline.ingest.identity import article_id
from storyline.models import Article

# Their warnings about odd markup ("discarding data: None") would interleave with storyline's own
# one-line reasons; a page that yields nothing is reported by storyline itself.
for _chatty in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_chatty).setLevel(logging.ERROR)


def extract_html(html: str, url: str | None = None) -> dict[str, str | None]:
    """The fields one page yields; missing ones are None."""
    import trafilatura  # here: a fifth of a second to import, and most input is text or JSON

    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    data: dict[str, Any] = {}
    if isinstance(document, dict):
        data = document
    elif document is not None:
        data = document.as_dict()
    title = data.get("title")
    text = (data.get("text") or "").strip()
    if title and text.startswith(title):
        text = text[len(title) :].lstrip()
    page_url = url or data.get("url")
    source = data.get("sitename") or data.get("hostname")
    if not source and page_url:
        source = urlparse(page_url).hostname
    return {"text": text, "title": title, "url": page_url, "source": source, "date": data.get("date")}


def read_html(html: str, path: str | None) -> Article:
    fields = extract_html(html)
    text = fields["text"] or ""
    if not text:
        raise ValueError("HTML page has no extractable article text")
    hints = (("html", fields["date"]),) if fields["date"] else ()
    return Article(
        id=article_id(fields["url"], text),
        text=text,
        title=fields["title"],
        url=fields["url"],
        path=path,
        source=fields["source"],
        date_hints=hints,
    )
