"""What every route needs: a store for the request, and the parameters pages and API share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import Depends, HTTPException, Query, Request

from storyline.queries import StoryFilters
from storyline.store import Store, StoreError

MAX_PER_PAGE = 100
MAX_ID = 2**63 - 1  # the databases' largest integer
KINDS = ("person", "org", "place", "misc")


def request_store(request: Request) -> Iterator[Store]:
    """A store connection for one request (``readers.Readers``: an idle one when there is one), read in one
    snapshot (readers never block the writer, and see none of its commits halfway: SQLite's WAL,
    PostgreSQL's REPEATABLE READ)."""
    readers = request.app.state.readers
    try:
        store = readers.take()
    except StoreError as error:
        raise HTTPException(status_code=503, detail=str(error)) from error
    try:
        with store.snapshot():
            yield store
    finally:
        readers.give_back(store)


StoreDep = Annotated[Store, Depends(request_store)]


def story_filters(
    language: Annotated[str | None, Query(max_length=16, description="Language code, e.g. bg")] = None,
    since: Annotated[str | None, Query(max_length=10, description="Stories last seen on or after (YYYY-MM-DD)")] = None,
    until: Annotated[
        str | None, Query(max_length=10, description="Stories first seen on or before (YYYY-MM-DD)")
    ] = None,
    entity: Annotated[str | None, Query(max_length=200, description="Entity name (any spelling) or id")] = None,
    q: Annotated[str | None, Query(max_length=500, description="Words, in any language")] = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 20,
) -> StoryFilters:
    """Filters from the query string; empty form fields mean no filter."""
    return StoryFilters(
        language=_blank_to_none(language),
        since=parse_date(since, "since"),
        until=parse_date(until, "until"),
        entity=_blank_to_none(entity),
        text=_blank_to_none(q),
        page=page,
        per_page=per_page,
    )


FiltersDep = Annotated[StoryFilters, Depends(story_filters)]
OrderDep = Annotated[
    Literal["important", "newest"] | None,
    Query(description="important: the last day's stories ranked (the default, unfiltered); newest: newest first"),
]


def entity_kind(
    type: Annotated[str | None, Query(max_length=16, description="person, org, place or misc")] = None,
) -> str | None:
    kind = _blank_to_none(type)
    if kind is not None and kind not in KINDS:
        raise HTTPException(status_code=422, detail=f"type: must be one of {', '.join(KINDS)}, not {kind!r}")
    return kind


def parse_date(value: str | None, name: str) -> dt.date | None:
    value = _blank_to_none(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(status_code=422, detail=f"{name}: not a date of the form YYYY-MM-DD: {value!r}") from None


def _blank_to_none(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None
