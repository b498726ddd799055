"""HTML pages: main text without boilerplate, title, date, canonical URL and site name.

trafilatura extracts the text and metadata; its publication date comes from htmldate. Inline
widgets that are not the article's text are dropped first: tooltips and popovers (a glossary's
definition of a name would otherwise be glued into the sentence that names it) and hidden elements.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import urlparse

from storyline.ingest.identity import article_id
from storyline.models import Article

# Their warnings about odd markup ("discarding data: None") would interleave with storyline's own
# one-line reasons; a page that yields nothing is reported by storyline itself.
for _chatty in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_chatty).setLevel(logging.ERROR)


_WIDGET_CLASS = re.compile(
    r"(?:[\w-]*[-_])?(?:tooltip|popover|hovercard|tippy-box|tippy-content)(?:[-_](?:content|body|text|inner|box|popup))?",
    re.IGNORECASE,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_WIDGETS = (
    "//*[@role='tooltip' or @hidden or @aria-hidden='true'"
    " or contains(translate(@style, ' ', ''), 'display:none') or contains(translate(@class, 'TOLIPV', 'tolipv'), 'tooltip')"
    " or contains(translate(@class, 'POVERHCARDIPY', 'poverhcardipy'), 'popover') or contains(@class, 'hovercard')"
    " or contains(@class, 'tippy')]"
)


def extract_html(html: str, url: str | None = None) -> dict[str, str | None]:
    """The fields one page yields; missing ones are None."""
    import trafilatura  # here: a fifth of a second to import, and most input is text or JSON

    document = trafilatura.bare_extraction(without_widgets(html), url=url, with_metadata=True, include_comments=False)
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


def without_widgets(html: str) -> Any:
    """The page as a parsed tree without its tooltips, popovers and hidden elements (their tail text
    stays); the page as it is when it has none or does not parse here (trafilatura reads it then)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:  # lxml refuses text that declares its encoding: the text is decoded already
        tree = lxml_html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (ValueError, etree.ParserError):
        return html
    widgets = [element for element in tree.xpath(_WIDGETS) if _is_widget(element)]
    for element in widgets:
        if element.getparent() is not None:
            element.drop_tree()
    return tree if widgets else html


def _is_widget(element: Any) -> bool:
    """Hidden, a tooltip's role, or a class naming the widget itself (not "has-tooltip", which marks
    the name the tooltip is attached to)."""
    if element.tag in ("html", "body"):
        return False
    if element.get("role") == "tooltip" or element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if "display:none" in (element.get("style") or "").replace(" ", "").lower():
        return True
    return any(
        _WIDGET_CLASS.fullmatch(token) and not token.lower().startswith(("has-", "with-", "js-"))
        for token in (element.get("class") or "").split()
    )


def read_html(html: str, path: str | None, url: str | None = None) -> Article:
    """The article of one page; ``url``: where it was fetched from (else the page's own canonical URL)."""
    fields = extract_html(html, url)
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
