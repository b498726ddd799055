"""Server-rendered pages; each shows the same data as its /api twin."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from storyline import queries
from storyline.web import views
from storyline.web.charts import activity_chart, timeline_chart
from storyline.web.deps import MAX_ID, MAX_PER_PAGE, FiltersDep, OrderDep, StoreDep, entity_kind
from storyline.web.render import render

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/")
def front(request: Request, store: StoreDep, filters: FiltersDep, order: OrderDep = None) -> str:
    data = queries.front_page(store, filters, dt.datetime.now(dt.UTC), order)
    return render(request, "stories.html", data=data, title="Stories")


@router.get("/stories")
def stories(request: Request, store: StoreDep, filters: FiltersDep) -> str:
    data = queries.front_page(store, filters, dt.datetime.now(dt.UTC), order="newest")
    return render(request, "stories.html", data=data, title="Stories")


@router.get("/stories/{story_id}")
def story(
    request: Request,
    store: StoreDep,
    story_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> str:
    data = views.story_page(store, story_id, request.app.state.settings, page)
    if data is None:
        raise HTTPException(404, f"story {story_id} not found")
    chart = timeline_chart(data["timeline"], data["article_dates"])

    def article_href(article_id: str) -> str:
        there = data["article_pages"].get(article_id, page)
        return f"{'' if there == page else f'?page={there}'}#article-{article_id}"

    return render(
        request,
        "story.html",
        data=data,
        chart=chart,
        titles=data["article_titles"],
        article_href=article_href,
        title=data["title"],
    )


@router.get("/top")
def top(
    request: Request,
    store: StoreDep,
    hours: Annotated[float, Query(gt=0, le=24 * 365)] = 24,
    limit: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 20,
) -> str:
    return render(request, "top.html", data=views.top_page(store, hours, limit), title="Now")


@router.get("/feeds")
def feeds(request: Request, store: StoreDep) -> str:
    return render(request, "feeds.html", data=views.feeds_page(store), title="Feeds")


@router.get("/storylines")
def storylines(
    request: Request,
    store: StoreDep,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 20,
) -> str:
    return render(request, "storylines.html", data=views.storyline_list(store, page, per_page), title="Storylines")


@router.get("/storylines/{storyline_id}", response_model=None)
def storyline(
    request: Request,
    store: StoreDep,
    storyline_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> str | RedirectResponse:
    current = store.resolve_storyline(storyline_id)
    if current is not None and current != storyline_id:
        return RedirectResponse(f"/storylines/{current}", status_code=301)  # merged into an older storyline
    data = views.storyline_page(store, storyline_id, page)
    if data is None:
        raise HTTPException(404, f"storyline {storyline_id} not found")
    published = [story["first_seen"] for story in data["stories"]] + [story["last_seen"] for story in data["stories"]]
    chart = timeline_chart(data["timeline"], [day for day in published if day])
    return render(request, "storyline.html", data=data, chart=chart, title=f"Storyline {storyline_id}")


@router.get("/entities")
def entities(
    request: Request,
    store: StoreDep,
    kind: Annotated[str | None, Depends(entity_kind)] = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 50,
) -> str:
    data = views.entity_list(store, kind, page, per_page)
    return render(request, "entities.html", data=data, title="Entities")


@router.get("/entities/{name_or_id}")
def entity(request: Request, store: StoreDep, name_or_id: Annotated[str, Path(max_length=200)]) -> str:
    data = views.entity_page(store, name_or_id)
    if data is None:
        raise HTTPException(404, f"entity {name_or_id!r} not found")
    titles = {article["id"]: article["headline"] for article in data["article_list"]}
    chart = activity_chart(data["activity"])
    return render(request, "entity.html", data=data, chart=chart, titles=titles, title=data["name"])


@router.get("/search")
def search(
    request: Request,
    store: StoreDep,
    q: Annotated[str, Query(max_length=500)] = "",
    limit: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 20,
) -> str:
    data = views.search_page(store, q, limit)
    return render(request, "search.html", data=data, title=f"Search: {q}" if q else "Search")
