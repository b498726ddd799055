"""Polite HTTP for following feeds: one request at a time per host, with a delay between them.

- Conditional GET: a feed's ETag and Last-Modified are sent back; 304 means nothing new.
- 429 and 503 hold the host back for its ``Retry-After`` (seconds or a date), else ``BACKOFF_SECONDS``.
- Timeouts, a size limit (``ingest/limits.py``'s), at most ``MAX_REDIRECTS`` redirects, compressed
  responses (requests decodes gzip and deflate), and a User-Agent that says who is asking.
- robots.txt is read once per host and respected for article pages (feeds are published to be
  polled; a page a site forbids to robots is not fetched, and its feed item's own text is used).

Every failure is a ``FetchError`` whose message is one line naming the reason.
"""

from __future__ import annotations

import email.utils
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import requests

from storyline.ingest.limits import MAX_FILE_BYTES

USER_AGENT = "storyline/0.1 (news story tracker; +https://github.com/storyline-news/storyline)"
MAX_REDIRECTS = 5
BACKOFF_SECONDS = 300.0
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A request that gave no usable answer; the message says why, in one line."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.retry_after = retry_after  # seconds the host asked us to wait (429 / 503)


@dataclass(frozen=True)
class FetchSettings:
    user_agent: str = USER_AGENT
    timeout_seconds: float = 20.0
    max_bytes: int = MAX_FILE_BYTES
    host_delay_seconds: float = 1.0  # between two requests to one host
    respect_robots: bool = True


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 (not modified: no body)
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class PoliteFetcher:
    """Fetches URLs one at a time, pausing per host, holding back hosts that asked to wait."""

    settings: FetchSettings = field(default_factory=FetchSettings)
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _next_at: dict[str, float] = field(default_factory=dict)  # host -> earliest next request
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _session: requests.Session | None = None

    def get(
        self, url: str, etag: str | None = None, last_modified: str | None = None, max_bytes: int | None = None
    ) -> Fetched:
        """The URL's answer (a 304 when the validators still hold); FetchError otherwise. ``max_bytes``:
        a lower size limit than the settings' (an article page's)."""
        headers = {"User-Agent": self.settings.user_agent, "Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = self._request(url, headers)
        with response:
            if response.status_code == 304:
                return Fetched(response.url, 304, etag=etag, last_modified=last_modified)
            if response.status_code in (429, 503):
                wait = retry_after_seconds(response.headers.get("Retry-After")) or BACKOFF_SECONDS
                self._hold(url, wait)
                raise FetchError(f"HTTP {response.status_code}: asked to wait {wait:.0f} s", retry_after=wait)
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code}")
            body = self._body(response, min(max_bytes or self.settings.max_bytes, self.settings.max_bytes))
            return Fetched(
                response.url,
                response.status_code,
                body,
                response.headers.get("ETag"),
                response.headers.get("Last-Modified"),
            )

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets this User-Agent fetch ``url`` (yes when it has none)."""
        if not self.settings.respect_robots:
            return True
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._robots:
            self._robots[site] = self._read_robots(site)
        robots = self._robots[site]
        return robots is None or robots.can_fetch(self.settings.user_agent, url)

    def waiting_for(self, url: str) -> float:
        """Seconds until the URL's host may be asked again (0 when it may now)."""
        return max(0.0, self._next_at.get(_host(url), 0.0) - self.clock())

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    # ---- pieces -------------------------------------------------------------------------------

    def _request(self, url: str, headers: dict[str, str]) -> requests.Response:
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError("not an http(s) URL")
        pause = self.waiting_for(url)
        if pause > 0:
            self.sleep(pause)
        self._next_at[_host(url)] = self.clock() + self.settings.host_delay_seconds
        try:
            return self._open_session().get(url, headers=headers, timeout=self.settings.timeout_seconds, stream=True)
        except requests.TooManyRedirects:
            raise FetchError(f"more than {MAX_REDIRECTS} redirects") from None
        except requests.Timeout:
            raise FetchError(f"no answer within {self.settings.timeout_seconds:.0f} s") from None
        except requests.RequestException as error:
            raise FetchError(f"connection failed ({type(error).__name__})") from None

    def _body(self, response: requests.Response, limit: int) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise FetchError(f"larger than the limit ({int(declared)} bytes; limit {limit})")
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_content(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"larger than the limit ({limit} bytes)")
                chunks.append(chunk)
        except requests.RequestException as error:
            raise FetchError(f"connection broke off ({type(error).__name__})") from None
        return b"".join(chunks)

    def _hold(self, url: str, seconds: float) -> None:
        host = _host(url)
        self._next_at[host] = max(self._next_at.get(host, 0.0), self.clock() + seconds)

    def _read_robots(self, site: str) -> urllib.robotparser.RobotFileParser | None:
        try:
            fetched = self.get(site + "/robots.txt")
        except FetchError:
            return None  # none, or unreachable: nothing forbids
        robots = urllib.robotparser.RobotFileParser()
        robots.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
        return robots

    def _open_session(self) -> requests.Session:
        if self._session is None:
            self._session = requests.Session()
            self._session.max_redirects = MAX_REDIRECTS
        return self._session


def retry_after_seconds(value: str | None) -> float | None:
    """A Retry-After header in seconds: a number of seconds, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()
