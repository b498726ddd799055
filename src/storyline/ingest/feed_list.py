"""The feeds a user names to `storyline follow`: feed URLs, OPML files of feeds, or files listing URLs."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from storyline.models import Rejection


def feed_urls(sources: Iterable[str]) -> tuple[list[str], list[Rejection]]:
    """Every feed URL the sources name, each once in the order given, and the sources that name none."""
    urls: dict[str, None] = {}
    rejected: list[Rejection] = []
    for source in sources:
        if source.startswith(("http://", "https://")):
            urls[source] = None
            continue
        path = Path(source)
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            rejected.append(Rejection(source, f"neither an http(s) URL nor a readable file ({error.strerror})"))
            continue
        found = _opml_feeds(text, source) if "<opml" in text[:2048].lower() else _listed_urls(text)
        if isinstance(found, Rejection):
            rejected.append(found)
        elif not found:
            rejected.append(Rejection(source, "names no http(s) feed URL"))
        else:
            urls.update(dict.fromkeys(found))
    return list(urls), rejected


def _listed_urls(text: str) -> list[str]:
    """One URL a line; blank lines and lines starting with # are skipped."""
    lines = (line.strip() for line in text.splitlines())
    return [line.split()[0] for line in lines if line.startswith(("http://", "https://"))]


def _opml_feeds(text: str, source: str) -> list[str] | Rejection:
    from lxml import etree

    try:
        root = etree.fromstring(text.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        return Rejection(source, f"OPML unreadable: {error}")
    return [
        str(outline.get("xmlUrl"))
        for outline in root.iter("outline")
        if str(outline.get("xmlUrl") or "").startswith(("http://", "https://"))
    ]
