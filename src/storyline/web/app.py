"""The FastAPI application: routes, error pages, security headers, one store per request."""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from storyline import queries
from storyline.settings import Settings
from storyline.stages.embed import Embedder
from storyline.store import StoreError, open_existing_store, open_store
from storyline.web import api, pages
from storyline.web.readers import Readers
from storyline.web.render import compile_templates, render_error
from storyline.web.writer import Writer

STATIC = Path(__file__).parent / "static"
log = logging.getLogger("storyline.web")

# Pages run no script at all: whatever an article smuggles in cannot execute.
PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
# The interactive API docs (Swagger UI, served from the installed package) need their own script.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc", "/static-offline-docs")


@dataclass(frozen=True)
class ServerOptions:
    """How the server behaves beyond the store: HTTP ingest and its limits."""

    ingest_token: str | None = None  # None: POST /api/articles is off
    max_body_bytes: int = 10 * 1024 * 1024


def create_app(settings: Settings, options: ServerOptions | None = None, embedder: Embedder | None = None) -> FastAPI:
    """The application over the store at ``settings.db`` (created or upgraded if needed)."""
    options = options or ServerOptions()
    _prepare_store(settings.db, create=options.ingest_token is not None)
    app = FastAPIOffline(
        lifespan=_lifespan,
        title="storyline",
        description="Stories, storylines, entities and timelines from news in any language.",
        version=_version(),
    )
    app.state.settings = settings
    app.state.options = options
    app.state.writer = Writer(settings, embedder)
    app.state.readers = Readers(settings.db)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_api_route("/favicon.ico", _favicon, include_in_schema=False)
    _add_error_handlers(app)
    app.middleware("http")(_security_headers)
    return app


def _prepare_store(location: str, create: bool) -> None:
    """Upgrade the store once if it is older, so that requests only read; create it only for a server
    that takes ingests (a read-only server of a missing store is a StoreError, as for every reader)."""
    try:
        open_existing_store(location).close()
    except StoreError:
        if not create:
            raise
        open_store(location).close()


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    await run_in_threadpool(_warm_up, app.state.settings)
    gc.freeze()  # what start-up loaded lives as long as the server: the collector need not walk it again
    yield
    app.state.writer.close()  # writes the vector shards the HTTP ingests grew
    app.state.readers.close()


def _warm_up(settings: Settings) -> None:
    """Load before the first request what the first request would otherwise wait for: the templates,
    and what a search loads (the place gazetteer, the lemma tables of the store's languages)."""
    compile_templates()
    with open_store(settings.db, read_only=True) as store:
        queries.search_articles(store, "Budapest", limit=1)


def _favicon() -> Response:
    return Response((STATIC / "favicon.svg").read_bytes(), media_type="image/svg+xml")


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        response = _error_response(request, error.status_code, str(error.detail))
        response.headers.update(error.headers or {})
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        return _error_response(request, 422, _validation_message(error))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("error serving %s", request.url.path)
        return _error_response(request, 500, "internal error; the server log has the details")


def _error_response(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return HTMLResponse(render_error(request, status, message), status_code=status)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path.startswith("/openapi")


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(part) for part in item.get("loc", ()) if part not in ("query", "path", "body"))
        parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else str(item.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


async def _security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
    response: Response = await call_next(request)
    docs = request.url.path.startswith(DOCS_PATHS)
    response.headers["Content-Security-Policy"] = DOCS_POLICY if docs else PAGE_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    return response


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("storyline")
    except PackageNotFoundError:
        return "0"
