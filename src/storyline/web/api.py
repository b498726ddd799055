"""The JSON API: every page's twin under /api, health, and token-gated ingest."""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from storyline import queries
from storyline.models import Article, Rejection
from storyline.store import SCHEMA_VERSION, StoreBusy, StoreError
from storyline.web import views
from storyline.web.deps import MAX_ID, MAX_PER_PAGE, FiltersDep, OrderDep, StoreDep, entity_kind
from storyline.web.writer import BodyError, parse_body

router = APIRouter(prefix="/api", tags=["api"])
_ARTICLE = {
    "type": "object",
    "description": "One article: text or html is required; other fields are kept as metadata.",
    "properties": {
        name: {"type": "string"} for name in ("id", "url", "title", "text", "html", "published", "source", "language")
    },
}
ARTICLE_BODY = {
    "application/json": {"schema": {"oneOf": [_ARTICLE, {"type": "array", "items": _ARTICLE}]}},
    "application/x-ndjson": {"schema": {"type": "string", "description": "One JSON article per line"}},
}
NAME_OR_ID = Path(max_length=200, description="Entity id, or a name in any spelling or script")


@router.get("/health", summary="Is the server up, and what does the store hold")
def health(request: Request, store: StoreDep) -> dict[str, Any]:
    return {
        "status": "ok",
        "schema_version": SCHEMA_VERSION,
        "ingest_enabled": request.app.state.options.ingest_token is not None,
        **store.counts(),
    }


@router.get("/", summary="The front page's twin: what matters now, or the newest stories when filtered")
def front(store: StoreDep, filters: FiltersDep, order: OrderDep = None) -> dict[str, Any]:
    """``order``: ``important`` (unfiltered: the stories of the last day's articles, ranked, each with
    ``why``) or ``newest`` (the story list, as ``/api/stories``); ``ranked_none``: a ranking was wanted
    and nothing was stored in the last day."""
    return queries.front_page(store, filters, dt.datetime.now(dt.UTC), order)


@router.get("/stories", summary="Stories, newest first, filtered and paged")
def stories(store: StoreDep, filters: FiltersDep) -> dict[str, Any]:
    return queries.browse_stories(store, filters)


@router.get("/stories/{story_id}", summary="One story: articles by language, why each is here, timeline")
def story(
    request: Request,
    store: StoreDep,
    story_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> dict[str, Any]:
    """``articles``: one page of the story's articles (``page``, ``pages``, ``per_page``); ``article_dates``
    covers all of them; ``timeline``: the most reported events of at most ``timeline_articles`` of them,
    spread over the story; ``article_titles`` and ``article_pages``: the title and the page of each article
    this page names (its articles, their closest ones, the timeline's)."""
    return _found(views.story_page(store, story_id, request.app.state.settings, page), f"story {story_id}")


@router.get("/top", summary="What matters now: the stories of the last hours ranked by outlets, languages, growth")
def top(
    store: StoreDep,
    hours: Annotated[float, Query(gt=0, le=24 * 365)] = 24,
    limit: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 20,
) -> dict[str, Any]:
    """``stories``: ranked, each with ``why`` ("14 outlets in 5 languages, 9 in the last 3 hours")."""
    return views.top_page(store, hours, limit)


@router.get("/feeds", summary="The feeds followed, with their state")
def feeds(store: StoreDep) -> dict[str, Any]:
    return views.feeds_page(store)


@router.get("/storylines", summary="Stories that continue one another, latest first, paged")
def storylines(
    store: StoreDep,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 20,
) -> dict[str, Any]:
    return views.storyline_list(store, page, per_page)


@router.get(
    "/storylines/{storyline_id}",
    summary="One storyline: its stories and their timeline (a merged storyline's old id redirects to it)",
    response_model=None,
)
def storyline(
    store: StoreDep,
    storyline_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> dict[str, Any] | RedirectResponse:
    """``stories``: one page of the storyline's stories, newest first (``page``, ``pages``, ``per_page``),
    and ``timeline``: the dated events of those stories."""
    current = store.resolve_storyline(storyline_id)
    if current is not None and current != storyline_id:
        return RedirectResponse(f"/api/storylines/{current}", status_code=308)
    return _found(views.storyline_page(store, storyline_id, page), f"storyline {storyline_id}")


@router.get("/entities", summary="Entities by number of stories")
def entities(
    store: StoreDep,
    kind: Annotated[str | None, Depends(entity_kind)] = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 50,
) -> dict[str, Any]:
    return views.entity_list(store, kind, page, per_page)


@router.get("/entities/{name_or_id}", summary="One entity: variants by language, stories over time, timeline")
def entity(store: StoreDep, name_or_id: Annotated[str, NAME_OR_ID]) -> dict[str, Any]:
    return _found(views.entity_page(store, name_or_id), f"entity {name_or_id!r}")


@router.get("/search", summary="Articles matching words in any language, with their stories")
def search(
    store: StoreDep,
    q: Annotated[str, Query(max_length=500, description="Words, in any language")] = "",
    limit: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 20,
) -> dict[str, Any]:
    return views.search_page(store, q, limit)


@router.post(
    "/articles",
    status_code=201,
    summary="Ingest articles (JSON object or array, or JSON lines); needs the server's token",
    responses={
        200: {"description": "Nothing new was stored"},
        400: {"description": "Unreadable body"},
        401: {"description": "Missing or wrong token"},
        403: {"description": "Ingest over HTTP is off"},
        413: {"description": "Body too large"},
        415: {"description": "Unsupported content type"},
        503: {"description": "Another ingest is writing to the store"},
        422: {"description": "No record could be read as an article"},
    },
    openapi_extra={"requestBody": {"required": True, "content": ARTICLE_BODY}},
)
async def add_articles(
    request: Request, authorization: Annotated[str | None, Header(max_length=1000)] = None
) -> JSONResponse:
    options = request.app.state.options
    if options.ingest_token is None:
        raise HTTPException(403, "ingest over HTTP is off: start the server with --token to allow it")
    if not _token_matches(authorization, options.ingest_token):
        raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer TOKEN'")
    body = await _read_limited(request, options.max_body_bytes)
    try:
        items = parse_body(body, request.headers.get("content-type", ""))
    except BodyError as error:
        raise HTTPException(error.status, str(error)) from None
    if not any(isinstance(item, Article) for item in items):
        reasons = "; ".join(f"{item.where}: {item.reason}" for item in items[:5] if isinstance(item, Rejection))
        raise HTTPException(422, f"no record could be read as an article: {reasons}")
    try:
        result = await run_in_threadpool(request.app.state.writer.ingest, items)
    except StoreBusy as error:
        raise HTTPException(503, f"{error}; try again later", headers={"Retry-After": "30"}) from None
    except StoreError as error:
        raise HTTPException(409, str(error)) from None
    return JSONResponse(result, status_code=201 if result["stored"] else 200)


def _token_matches(header: str | None, token: str) -> bool:
    if not header or not header.startswith("Bearer "):
        return False
    return hmac.compare_digest(header.removeprefix("Bearer ").strip().encode(), token.encode())


async def _read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"request body too large ({declared} bytes; the limit is {limit})")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"request body too large (over the limit of {limit} bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def _found(view: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if view is None:
        raise HTTPException(404, f"{what} not found")
    return view
