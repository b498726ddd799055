"""HTML rendering: one Jinja environment with autoescaping, and the filters the templates use."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2
from starlette.requests import Request

from storyline.wording import date_label, plural

TEMPLATES = Path(__file__).parent / "templates"
SAFE_SCHEMES = ("http", "https")


def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) link, else None (the page shows no link)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc or any(ord(c) < 32 for c in url):
        return None
    return url.strip()


def percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def date_range(first: str | None, last: str | None) -> str:
    if not first and not last:
        return "undated"
    if first == last or not last:
        return first or ""
    return f"{first} – {last}"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every value is escaped unless a template says otherwise (none does)
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(safe_url=safe_url, percent=percent, date_range=date_range, plural=plural, date_label=date_label)
    return env


ENVIRONMENT = _environment()


def compile_templates() -> None:
    """Compile every template now (Jinja compiles one when it is first used)."""
    for template in sorted(TEMPLATES.glob("*.html")):
        ENVIRONMENT.get_template(template.name)


def twin_url(request: Request) -> str:
    """The page's JSON twin: the same path and query under /api."""
    path = "/api" + (request.url.path if request.url.path != "/" else "/")
    return path + (f"?{request.url.query}" if request.url.query else "")


def with_query(request: Request, **changes: Any) -> str:
    """This page's URL with some query parameters changed (None removes one)."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return request.url.path + (f"?{urlencode(params)}" if params else "")


def render(request: Request, template: str, **context: Any) -> str:
    return ENVIRONMENT.get_template(template).render(
        request=request, twin=twin_url(request), with_query=lambda **c: with_query(request, **c), **context
    )


def render_error(request: Request, status: int, message: str) -> str:
    return render(request, "error.html", status=status, message=message, title=f"Error {status}")
