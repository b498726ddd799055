"""Every API endpoint in-process, with good and bad parameters."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyline.store import base, browse_queries

PAGES = [
    "/",
    "/stories",
    "/stories/1",
    "/storylines",
    "/entities",
    "/entities/1",
    "/search?q=Budapest",
    "/top",
    "/feeds",
]


def test_api_health_reports_the_store(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["ingest_enabled"] is False
    assert body["articles"] == 6 and body["stories"] >= 1


def test_api_stories_pages_through_all_stories(client: TestClient) -> None:
    first = client.get("/api/stories", params={"per_page": 1}).json()
    total = first["total"]
    seen = {story["id"] for page in range(1, total + 1) for story in _stories(client, page=page, per_page=1)}
    assert len(seen) == total == first["pages"]
    newest = client.get("/api/", params={"order": "newest"}).json()
    assert newest.pop("order") == "newest" and newest.pop("ranked_none") is False and newest.pop("hours") == 24
    assert newest == client.get("/api/stories").json()


def test_api_front_ranks_the_last_days_stories_and_filters_list_the_newest(client: TestClient) -> None:
    front = client.get("/api/").json()  # the store was written just now: everything is in the last day
    assert front["order"] == "important" and front["total"] == client.get("/api/stories").json()["total"]
    assert [story["rank"] for story in front["stories"]] == list(range(1, front["total"] + 1))
    assert all("outlet" in story["why"] and "language" in story["why"] for story in front["stories"])
    ranked = client.get("/api/top", params={"limit": 100}).json()["stories"]
    assert [story["id"] for story in front["stories"]] == [story["story_id"] for story in ranked]
    filtered = client.get("/api/", params={"language": "bg"}).json()
    assert filtered["order"] == "newest" and filtered["ranked_none"] is False
    assert client.get("/api/", params={"order": "sideways"}).status_code == 422
    html = client.get("/").text
    assert "<strong>Most important now</strong>" in html and 'href="/stories">Newest first' in html
    assert "Ranked 1:" in html


def test_api_stories_filter_by_language(client: TestClient) -> None:
    body = client.get("/api/stories", params={"language": "ru"}).json()
    assert body["total"] >= 1
    assert all("ru" in story["languages"] for story in body["stories"])
    assert client.get("/api/stories", params={"language": "xx"}).json()["total"] == 0


def test_api_stories_filter_by_dates_overlapping_the_range(client: TestClient) -> None:
    stories = client.get("/api/stories", params={"since": "2025-01-01", "until": "2025-03-31"}).json()["stories"]
    assert [story["title"] for story in stories] == ["Vienna talks postponed"]
    assert client.get("/api/stories", params={"since": "2030-01-01"}).json()["total"] == 0


def test_api_stories_filter_by_entity_in_any_script(client: TestClient) -> None:
    latin = client.get("/api/stories", params={"entity": "Lavrov"}).json()
    cyrillic = client.get("/api/stories", params={"entity": "Лаврова"}).json()
    assert latin["filters"]["entity_found"]["name"] == "Sergey Lavrov"
    assert latin["total"] >= 2 and latin["stories"] == cyrillic["stories"]
    unknown = client.get("/api/stories", params={"entity": "Nobody Atall"}).json()
    assert unknown["total"] == 0 and unknown["filters"]["entity_found"] is None


FILTER_SETS = [
    {},
    {"language": "bg"},
    {"entity": "Lavrov"},
    {"language": "bg", "entity": "Trump"},
    {"since": "2020-01-01", "language": "bg"},
    {"entity": "Lavrov", "until": "2025-12-31"},
    {"q": "Budapest"},
    {"q": "Budapest", "since": "2020-01-01"},
    {"since": "2030-01-01", "language": "uk"},
]


@pytest.mark.parametrize("filters", FILTER_SETS, ids=lambda f: ",".join(f) or "none")
def test_api_story_lists_read_by_date_walk_or_by_sort_agree(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, filters: dict[str, str]
) -> None:
    """A list is read either by walking the stories newest first (filters that match many) or by
    reading every match and sorting (filters that match few): both give the same pages."""

    def pages(sort_limit: int, cap: int) -> list[dict[str, Any]]:
        monkeypatch.setattr(base, "SORT_LIMIT", sort_limit)
        monkeypatch.setattr(browse_queries, "COUNT_CAP", cap)
        read = []
        for page in range(1, 20):
            body = client.get("/api/stories", params={**filters, "per_page": 1, "page": page}).json()
            read.append(body)
            if not body["has_more"]:
                return read
        raise AssertionError("has_more never ended")

    walked, sorted_ = pages(sort_limit=0, cap=10_000), pages(sort_limit=10_000, cap=10_000)
    ids = [[story["id"] for story in body["stories"]] for body in walked]
    assert ids == [[story["id"] for story in body["stories"]] for body in sorted_]
    matches = sum(len(page) for page in ids)
    assert all(body["total"] == matches and body["total_exact"] for body in walked + sorted_)
    capped = pages(sort_limit=0, cap=1)
    assert [[story["id"] for story in body["stories"]] for body in capped] == ids
    several = len([name for name in filters if name != "q"]) + ("q" in filters) > 1
    if several and matches > 1:  # several filters, more matches than the cap: a lower bound, said so
        assert all(body["total"] == 1 and not body["total_exact"] for body in capped)
        html = client.get("/", params={**filters, "per_page": 1}).text
        assert "more than 1 stories" in html and 'rel="next"' in html and "page 1 of" not in html
    else:
        assert all(body["total"] == matches and body["total_exact"] for body in capped)


def test_api_entity_pages_read_by_date_walk_or_by_sort_agree(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entity's latest articles and stories are the same whether walked newest first or sorted."""
    entities = client.get("/api/entities", params={"per_page": 100}).json()["entities"]
    assert len(entities) > 5

    def pages(sort_limit: int) -> list[Any]:
        monkeypatch.setattr(base, "SORT_LIMIT", sort_limit)
        return [client.get(f"/api/entities/{entity['id']}").json() for entity in entities]

    walked, sorted_ = pages(0), pages(10_000)
    assert walked == sorted_
    assert any(len(page["article_list"]) > 1 and len(page["stories"]) > 1 for page in walked)


def test_api_a_story_pages_its_articles_and_explains_each_as_the_whole_story_does(
    writable: TestClient, auth: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline import queries

    body = (
        "Foreign ministers Sergey Lavrov and Marco Rubio met in Vienna on Tuesday to prepare the summit in Budapest,"
        " officials said. The summit was announced on Thursday after a call between Donald Trump and Vladimir Putin."
    )
    for number in range(4):
        record = {
            "id": f"copy-{number}",
            "title": f"Vienna meeting, report {number}",
            "text": f"{body} Report number {number} from desk {number}.",
            "published": f"2025-10-2{number}",
            "language": "en",
        }
        assert writable.post("/api/articles", json=record, headers=auth).status_code == 201
    (story_id,) = {story["id"] for story in writable.get("/api/stories").json()["stories"]}
    whole = writable.get(f"/api/stories/{story_id}").json()
    assert whole["pages"] == 1 and len(whole["articles"]) == whole["article_count"] == 4
    monkeypatch.setattr(queries, "STORY_ARTICLES_PER_PAGE", 1)
    paged = [writable.get(f"/api/stories/{story_id}", params={"page": page}).json() for page in (1, 2, 3, 4)]
    assert [body["pages"] for body in paged] == [4] * 4
    assert [article for body in paged for article in body["articles"]] == whole["articles"]
    assert all(body["timeline"] == whole["timeline"] for body in paged)
    for number, body in enumerate(paged, 1):
        named = {body["articles"][0]["id"]} | {a for entry in body["timeline"] for a in entry["articles"]}
        assert named <= set(body["article_titles"]) == set(body["article_pages"])
        assert body["article_pages"][body["articles"][0]["id"]] == number
        assert all(
            body["article_pages"][a["id"]] == position + 1
            for position, a in enumerate(whole["articles"])
            if a["id"] in named
        )
    html = writable.get(f"/stories/{story_id}", params={"page": 2}).text
    assert "articles 2-2 of 4" in html and "later articles" in html and "earlier articles" in html
    elsewhere = {a for entry in whole["timeline"] for a in entry["articles"]} - {whole["articles"][1]["id"]}
    assert elsewhere and "?page=" in html, "the timeline links to articles on other pages of the story"


def _post_strike_days(writable: TestClient, auth: dict[str, str], prefix: str, days: int) -> None:
    """One story of ``days`` articles (``prefix``-0, -1, ...), a day apart, each dated in its text, from three
    outlets in turn."""
    for number in range(days):
        record = {
            "id": f"{prefix}-{number}",
            "title": f"Harbour strike in Varna, day {number}",
            "text": f"The harbour strike in Varna went on for a day {number} on 2025-10-1{number}, the union said."
            " Dock workers of Varna and Burgas stopped the cranes at the harbour again, the union said.",
            "published": f"2025-10-1{number}",
            "source": f"Outlet {number % 3}",
            "language": "en",
        }
        assert writable.post("/api/articles", json=record, headers=auth).status_code == 201


def test_api_a_large_story_s_timeline_reads_articles_spread_over_it(
    writable: TestClient, auth: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline.web import views

    _post_strike_days(writable, auth, "day", 5)
    (story_id,) = {story["id"] for story in writable.get("/api/stories").json()["stories"]}
    whole = writable.get(f"/api/stories/{story_id}").json()
    assert whole["timeline_articles"] == whole["article_count"] == 5
    assert {a for entry in whole["timeline"] for a in entry["articles"]} == {f"day-{n}" for n in range(5)}
    monkeypatch.setattr(views, "TIMELINE_ARTICLES", 3)
    part = writable.get(f"/api/stories/{story_id}").json()
    assert part["timeline_articles"] == 3
    assert {a for entry in part["timeline"] for a in entry["articles"]} == {"day-0", "day-2", "day-4"}
    assert "in 3 of the story's 5 articles, spread evenly over it" in writable.get(f"/stories/{story_id}").text


def test_api_a_list_shows_each_story_s_latest_articles_counts_them_all_and_its_entities_either_way(
    writable: TestClient, auth: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline import queries

    _post_strike_days(writable, auth, "strike", 4)
    monkeypatch.setattr(queries, "LISTED_ARTICLES", 2)
    for body in (writable.get("/api/stories").json(), writable.get("/api/").json()):
        (story,) = body["stories"]
        assert story["article_count"] == 4 and [a["id"] for a in story["articles"]] == ["strike-2", "strike-3"]
        assert story["sources"] == ["Outlet 0", "Outlet 1", "Outlet 2"] and story["languages"] == ["en"]
    from storyline.store import sql_store

    counted = story["entities"]  # every mention read
    monkeypatch.setattr(sql_store, "COUNTED_STORY", 0)
    (kept,) = writable.get("/api/stories").json()["stories"]  # the writer's counts
    assert [e["articles"] for e in kept["entities"]] == [e["articles"] for e in counted]
    assert counted[0]["articles"] == 4 and counted[0]["name"] == "Varna" and kept["entities"][0] == counted[0]


def test_spread_keeps_the_first_and_the_last_evenly_spaced() -> None:
    from storyline.entity_views import spread

    assert spread(list(range(10)), 4) == [0, 3, 6, 9]
    assert spread(list(range(3)), 5) == [0, 1, 2]
    assert spread(list(range(7)), 2) == [0, 6]
    assert spread(list(range(7)), 1) == [6] and spread(list(range(7)), 0) == []


def test_api_stories_filter_by_words_in_another_language(client: TestClient) -> None:
    body = client.get("/api/stories", params={"q": "Budapest"}).json()
    languages = {language for story in body["stories"] for language in story["languages"]}
    assert {"bg", "uk"} <= languages


def test_api_stories_rejects_bad_parameters_with_a_message(client: TestClient) -> None:
    for params, word in [
        ({"since": "yesterday"}, "since"),
        ({"until": "2025-13-01"}, "until"),
        ({"per_page": 0}, "per_page"),
        ({"per_page": 1000}, "per_page"),
        ({"page": "two"}, "page"),
        ({"q": "x" * 501}, "q"),
    ]:
        response = client.get("/api/stories", params=params)
        assert response.status_code == 422, params
        assert word in response.json()["detail"]


def test_api_story_has_articles_by_language_why_and_timeline(client: TestClient) -> None:
    story_id = _largest_story(client)
    body = client.get(f"/api/stories/{story_id}").json()
    assert sum(len(articles) for articles in body["by_language"].values()) == body["article_count"]
    assert isinstance(body["timeline"], list)
    assert all("why" in article for articles in body["by_language"].values() for article in articles)
    assert client.get("/api/stories/99999").status_code == 404
    assert client.get("/api/stories/abc").status_code == 422
    assert client.get("/api/stories/0").status_code == 422


def test_api_storylines_and_missing_storyline(client: TestClient) -> None:
    lines = client.get("/api/storylines").json()["storylines"]
    for line in lines:
        assert client.get(f"/api/storylines/{line['id']}").json()["stories"] == line["stories"]
    assert client.get("/api/storylines/99999").status_code == 404


def test_api_entities_pages_and_types(client: TestClient) -> None:
    everything = client.get("/api/entities", params={"per_page": 100}).json()
    places = client.get("/api/entities", params={"type": "place", "per_page": 100}).json()
    assert places["total"] < everything["total"]
    assert {entity["type"] for entity in places["entities"]} == {"place"}
    second = client.get("/api/entities", params={"per_page": 2, "page": 2}).json()["entities"]
    assert [e["id"] for e in second] == [e["id"] for e in everything["entities"][2:4]]
    assert client.get("/api/entities", params={"type": "planet"}).status_code == 422


def test_api_entity_by_any_spelling(client: TestClient) -> None:
    body = client.get("/api/entities/Лаврова").json()
    assert body["name"] == "Sergey Lavrov"
    assert {group["language"] for group in body["variants_by_language"]} >= {"bg", "ru", "en"}
    assert body["activity"]["periods"] and body["stories"]
    assert client.get(f"/api/entities/{body['id']}").json()["name"] == "Sergey Lavrov"
    assert client.get("/api/entities/Nobody Atall").status_code == 404


def test_api_search_finds_other_scripts(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "Budapest"}).json()
    assert {"bg", "uk", "en"} <= set(body["languages"])
    assert client.get("/api/search", params={"q": ""}).json()["results"] == []
    assert client.get("/api/search", params={"q": '"AND OR NEAR( *'}).status_code == 200


def test_api_every_page_has_a_json_twin(client: TestClient) -> None:
    for path in PAGES:
        page = client.get(path)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html"), path
        twin = "/api" + path
        assert f'href="{twin.replace("&", "&amp;")}"' in page.text, path
        assert client.get(twin).headers["content-type"] == "application/json", path


def test_api_description_and_offline_docs(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/entities/{name_or_id}", "/api/articles"} <= set(paths)
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static-offline-docs/swagger-ui-bundle.js" in docs.text
    assert client.get("/static-offline-docs/swagger-ui-bundle.js").status_code == 200


def test_pages_errors_are_pages_and_api_errors_are_json(client: TestClient) -> None:
    page = client.get("/stories/99999")
    assert page.status_code == 404 and "story 99999 not found" in page.text
    assert page.headers["content-type"].startswith("text/html")
    bad = client.get("/stories", params={"since": "soon"})
    assert bad.status_code == 422 and "since" in bad.text
    assert client.get("/api/nothing-here").json() == {"detail": "Not Found"}


def test_pages_forbid_scripts(client: TestClient) -> None:
    policy = client.get("/").headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert client.get("/api/health").headers["x-content-type-options"] == "nosniff"


def _stories(client: TestClient, **params: object) -> list[dict]:  # type: ignore[type-arg]
    return client.get("/api/stories", params=params).json()["stories"]  # type: ignore[no-any-return]


def _largest_story(client: TestClient) -> int:
    stories = _stories(client, per_page=100)
    return max(stories, key=lambda story: story["article_count"])["id"]  # type: ignore[no-any-return]


def test_api_storylines_page_and_a_merged_id_redirects(tmp_path, settings) -> None:  # type: ignore[no-untyped-def]
    from importlib import resources
    from pathlib import Path

    from storyline.ingest.sources import read_sources
    from storyline.models import StorylineLink
    from storyline.pipeline import ingest
    from storyline.stages.embed import HashingEmbedder
    from storyline.store import open_store
    from storyline.web import ServerOptions, create_app

    seeds = Path(str(resources.files("storyline").joinpath("samples")))
    with open_store(settings.db) as store:
        ingest(read_sources([str(seeds)]), store, settings, HashingEmbedder())
    with open_store(settings.db) as store, store.transaction():  # storyline 5 absorbed storyline 9
        store.join_storylines(5, [], [1, 2])
        store.join_storylines(9, [], [3, 4])
        store.join_storylines(5, [9], [])
        links = [StorylineLink(earlier, later, ("k",), 0.9, 1.0) for earlier, later in ((1, 2), (3, 4), (2, 3))]
        store.replace_links([1, 2, 3, 4], links)  # a storyline's links join all its stories
        assert store.check() == [] and store.resolve_storyline(9) == 5
    app = create_app(settings, ServerOptions(), embedder=HashingEmbedder())
    with TestClient(app, raise_server_exceptions=False) as client:
        listed = client.get("/api/storylines", params={"per_page": 1}).json()
        assert listed["total"] == 1 and listed["storylines"][0]["story_count"] == 4
        moved = client.get("/api/storylines/9", follow_redirects=False)
        assert moved.status_code == 308 and moved.headers["location"] == "/api/storylines/5"
        page = client.get("/storylines/9", follow_redirects=False)
        assert page.status_code == 301 and page.headers["location"] == "/storylines/5"
        assert client.get("/storylines/9").status_code == 200
        assert client.get("/api/storylines/77").status_code == 404
        whole = client.get("/api/storylines/5").json()
        assert whole["pages"] == 1 and len(whole["stories"]) == 4

        from storyline import entity_views

        entity_views.PAGE_STORIES, kept = 3, entity_views.PAGE_STORIES
        try:
            first, second, past = (client.get("/api/storylines/5", params={"page": n}).json() for n in (1, 2, 3))
            html = client.get("/storylines/5", params={"page": 2}).text
        finally:
            entity_views.PAGE_STORIES = kept
        undated = {s["id"] for s in whole["stories"] if s["first_seen"] is None}
        assert undated and not undated & {s["id"] for s in first["stories"]}, "undated stories come last"
        assert {s["id"] for s in first["stories"] + second["stories"]} == {s["id"] for s in whole["stories"]}
        assert first["pages"] == second["pages"] == 2 and past["stories"] == [] and past["page"] == 3
        assert "Stories 4-4 of 4" in html and "newer stories" in html


def test_app_start_up_warms_what_the_first_search_needs(seeded_settings, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from storyline import queries
    from storyline.stages.embed import HashingEmbedder
    from storyline.web import ServerOptions, create_app
    from storyline.web.render import ENVIRONMENT

    searched: list[str] = []
    real = queries.search_articles
    monkeypatch.setattr(
        queries, "search_articles", lambda store, text, **kw: searched.append(text) or real(store, text, **kw)
    )
    ENVIRONMENT.cache.clear()  # type: ignore[union-attr]
    app = create_app(seeded_settings, ServerOptions(), embedder=HashingEmbedder())
    with TestClient(app):
        assert searched == ["Budapest"], "a search ran before the first request"
        compiled = {name for _loader, name in ENVIRONMENT.cache}  # type: ignore[union-attr]
        assert {"search.html", "story.html", "stories.html", "entity.html"} <= compiled


def test_pages_now_feeds_and_when_a_story_last_grew(client: TestClient) -> None:
    top = client.get("/api/top", params={"hours": 1}).json()
    assert top["stories"] and top["stories"][0]["rank"] == 1 and "outlet" in top["stories"][0]["why"]
    assert top["stories"][0]["title"] in client.get("/top", params={"hours": 1}).text
    assert client.get("/api/feeds").json() == {"feeds": []}
    story = client.get("/api/stories/1").json()
    assert story["last_grew"] and "last grew" in client.get("/stories/1").text
