"""A local HTTP server on 127.0.0.1 for the feed tests: fixture feeds and pages, and hosts that misbehave.

Routes map a path to a ``Route``: a status, headers and a body (bytes, or a callable giving them), an
optional delay, and an ETag that turns a matching If-None-Match into a 304. Tests change the routes
between rounds; ``hits`` counts requests per path.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes | Callable[[], bytes] = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    delay: float = 0.0
    chunked_megabytes: int = 0  # a body of this many MiB streamed without a length


@dataclass
class FeedServer:
    base: str
    routes: dict[str, Route]
    hits: Counter[str]
    seen_headers: dict[str, dict[str, str]]
    posts: list[tuple[str, bytes]]  # (path, body) of every POST answered 2xx (a webhook receiver)


@contextmanager
def feed_server() -> Iterator[FeedServer]:
    routes: dict[str, Route] = {}
    hits: Counter[str] = Counter()
    seen: dict[str, dict[str, str]] = {}
    posts: list[tuple[str, bytes]] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            path = self.path.split("?")[0]
            hits[path] += 1
            seen[path] = dict(self.headers.items())
            route = routes.get(path)
            if route is None:
                self._send(404, {}, b"not found")
                return
            if route.delay:
                time.sleep(route.delay)
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self._send(304, {"ETag": route.etag}, b"")
                return
            headers = dict(route.headers)
            if route.etag:
                headers["ETag"] = route.etag
            if route.chunked_megabytes:
                self._stream(route.status, headers, route.chunked_megabytes)
                return
            body = route.body() if callable(route.body) else route.body
            self._send(route.status, headers, body)

        def do_POST(self) -> None:  # noqa: N802
            path = self.path.split("?")[0]
            hits[path] += 1
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            route = routes.get(path, Route(status=404))
            if 200 <= route.status < 300:
                posts.append((path, body))
            self._send(route.status, {}, b"")

        def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def _stream(self, status: int, headers: dict[str, str], megabytes: int) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"x" * (1024 * 1024 - 7) + b"</p>\n"
            try:
                for _ in range(megabytes):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True

        def log_message(self, *args: object) -> None:
            pass

    class QuietServer(ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass  # a client that hangs up (a keep-alive connection closed at the end) is no error here

    server = QuietServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield FeedServer(f"http://127.0.0.1:{server.server_address[1]}", routes, hits, seen, posts)
    finally:
        server.shutdown()
        server.server_close()


SYNDICATION = "http://purl.org/rss/1.0/modules/syndication/"


def rss(title: str, items: list[tuple[str, str, str, str]], channel: str = "", dates: list[str] | None = None) -> bytes:
    """An RSS 2.0 feed; each item (guid, link, title, description); ``channel``: more of the channel's
    elements (``<ttl>``, the syndication module's); ``dates``: each item's ``pubDate`` ("" for none),
    else one date for all."""
    stamps = dates if dates is not None else ["Mon, 20 Oct 2025 08:00:00 GMT"] * len(items)
    entries = "".join(
        f"<item><guid>{guid}</guid><link>{link}</link><title>{heading}</title>"
        f"<description>{text}</description>{f'<pubDate>{stamp}</pubDate>' if stamp else ''}</item>"
        for (guid, link, heading, text), stamp in zip(items, stamps, strict=True)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:sy="{SYNDICATION}"><channel>'
        f"<title>{title}</title>{channel}{entries}</channel></rss>"
    ).encode()


def atom(title: str, items: list[tuple[str, str, str, str]]) -> bytes:
    """An Atom feed; each entry (id, link, title, summary)."""
    entries = "".join(
        f'<entry><id>{entry_id}</id><link href="{link}"/><title>{heading}</title><summary>{text}</summary>'
        "<updated>2025-10-20T08:00:00Z</updated></entry>"
        for entry_id, link, heading, text in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>'
        f"{entries}</feed>"
    ).encode()


def page(
    title: str, paragraphs: list[str], site: str = "Example News", published: str | None = "2025-10-20T08:00:00Z"
) -> bytes:
    """An article page; ``published``: its ``article:published_time`` (None: a page that gives no date)."""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    stamp = f'<meta property="article:published_time" content="{published}">' if published else ""
    return (
        f'<html><head><title>{title}</title><meta property="og:site_name" content="{site}">'
        f"{stamp}</head>"
        f"<body><nav>Home | World</nav><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()
