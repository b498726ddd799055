"""The polite fetcher against a server the test starts on 127.0.0.1."""

from __future__ import annotations

import pytest

from feed_server import Route, feed_server
from storyline.ingest.fetch import MAX_REDIRECTS, FetchError, FetchSettings, PoliteFetcher, retry_after_seconds


def _fetcher(**changes: float) -> PoliteFetcher:
    return PoliteFetcher(FetchSettings(host_delay_seconds=0.0, timeout_seconds=changes.get("timeout", 5.0)))


def test_fetch_conditional_get_gets_a_304_and_says_who_asks() -> None:
    with feed_server() as server:
        server.routes["/feed"] = Route(
            b"<rss/>", etag='"v1"', headers={"Last-Modified": "Mon, 20 Oct 2025 08:00:00 GMT"}
        )
        fetcher = _fetcher()
        first = fetcher.get(server.base + "/feed")
        assert first.status == 200 and first.etag == '"v1"' and first.body == b"<rss/>"
        again = fetcher.get(server.base + "/feed", first.etag, first.last_modified)
        assert again.status == 304 and again.body == b""
        assert server.seen_headers["/feed"]["If-None-Match"] == '"v1"'
        assert server.seen_headers["/feed"]["User-Agent"].startswith("storyline/")


def test_fetch_a_host_that_asks_to_wait_is_left_alone() -> None:
    with feed_server() as server:
        server.routes["/busy"] = Route(b"", status=429, headers={"Retry-After": "120"})
        fetcher = _fetcher()
        with pytest.raises(FetchError) as caught:
            fetcher.get(server.base + "/busy")
        assert caught.value.retry_after == 120 and "429" in str(caught.value)
        assert fetcher.waiting_for(server.base + "/other") > 100  # the whole host


def test_fetch_redirect_loops_slow_hosts_and_huge_pages_fail_with_one_line() -> None:
    with feed_server() as server:
        server.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
        server.routes["/slow"] = Route(b"late", delay=2.0)
        server.routes["/huge"] = Route(chunked_megabytes=20, headers={"Content-Type": "text/html"})
        fetcher = _fetcher(timeout=0.5)
        for path, reason in (("/loop", f"more than {MAX_REDIRECTS} redirects"), ("/slow", "no answer within")):
            with pytest.raises(FetchError, match=reason):
                fetcher.get(server.base + path)
        with pytest.raises(FetchError, match="larger than the limit"):
            _fetcher().get(server.base + "/huge", max_bytes=8 * 1024 * 1024)
        with pytest.raises(FetchError, match="not an http"):
            fetcher.get("file:///etc/passwd")


def test_fetch_robots_txt_is_respected_for_pages() -> None:
    with feed_server() as server:
        server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n")
        fetcher = _fetcher()
        assert fetcher.allowed(server.base + "/news/1.html")
        assert not fetcher.allowed(server.base + "/private/1.html")
        assert server.hits["/robots.txt"] == 1  # read once per host


def test_retry_after_reads_seconds_and_dates() -> None:
    assert retry_after_seconds("30") == 30
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None
