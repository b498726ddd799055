"""POST /api/articles: off without a token, then token-gated, size-limited, and clear about bad bodies."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

RECORD = {
    "id": "post-1",
    "url": "https://news.example/a",
    "title": "Floods in Valencia",
    "text": "Heavy rain flooded the streets of Valencia on Monday, the city council said.",
    "published": "2025-10-20",
}
HOSTILE = {
    "id": "hostile-1",
    "url": "javascript:window.__pwned=1",
    "title": "<script>window.__pwned=1</script>Evil <b>title</b>",
    "text": '<img src=x onerror="window.__pwned=1"> Storm <a href="javascript:window.__pwned=1">click</a>'
    " hit Valencia on Monday. <svg onload=window.__pwned=1></svg>",
    "source": "<i onmouseover=window.__pwned=1>outlet</i>",
    "published": "2025-10-20",
}


def test_ingest_is_off_without_a_token(client: TestClient, auth: dict[str, str]) -> None:
    response = client.post("/api/articles", json=RECORD, headers=auth)
    assert response.status_code == 403 and "--token" in response.json()["detail"]


def test_ingest_needs_the_right_token(writable: TestClient) -> None:
    assert writable.post("/api/articles", json=RECORD).status_code == 401
    wrong = writable.post("/api/articles", json=RECORD, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and "token" in wrong.json()["detail"]
    assert writable.get("/api/health").json()["articles"] == 0


def test_ingest_stores_json_and_reports_the_story(writable: TestClient, auth: dict[str, str]) -> None:
    response = writable.post("/api/articles", json=[RECORD], headers=auth)
    assert response.status_code == 201
    body = response.json()
    assert body["stored"] == 1 and body["articles"][0]["story_id"] is not None
    again = writable.post("/api/articles", json=RECORD, headers=auth)
    assert again.status_code == 200 and again.json()["already_stored"] == 1
    assert writable.get("/api/health").json()["articles"] == 1


def test_ingest_json_lines_reports_bad_lines_and_keeps_good_ones(writable: TestClient, auth: dict[str, str]) -> None:
    body = json.dumps(RECORD) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n"
    response = writable.post("/api/articles", content=body, headers={**auth, "Content-Type": "application/x-ndjson"})
    assert response.status_code == 201
    reasons = {item["where"]: item["reason"] for item in response.json()["rejections"]}
    assert set(reasons) == {"request body:2", "request body:3"}
    assert "malformed JSON" in reasons["request body:2"] and "no text" in reasons["request body:3"]


def test_ingest_rejects_bad_bodies_with_4xx_and_a_reason(writable: TestClient, auth: dict[str, str]) -> None:
    cases = [
        (b"{broken", "application/json", 400, "not JSON"),
        (b"", "application/json", 400, "empty"),
        (b"[]", "application/json", 400, "empty array"),
        (b"\xff\xfe\x00garbage", "application/json", 400, "UTF-8"),
        (b"<html></html>", "text/html", 415, "content type"),
        (b'[{"title": "x"}, 5]', "application/json", 422, "no record could be read"),
        (b'{"text": ["not", "a", "string"]}', "application/json", 422, "must be a string"),
        (b"x" * (65 * 1024), "application/json", 413, "too large"),
    ]
    for content, media, status, words in cases:
        response = writable.post("/api/articles", content=content, headers={**auth, "Content-Type": media})
        assert response.status_code == status, (content[:20], response.text)
        assert words in response.json()["detail"], response.json()
    assert writable.get("/api/health").json()["articles"] == 0


def test_hostile_article_is_stored_but_never_becomes_markup(writable: TestClient, auth: dict[str, str]) -> None:
    response = writable.post("/api/articles", json=HOSTILE, headers=auth)
    assert response.status_code == 201
    story_id = response.json()["articles"][0]["story_id"]
    pages = [writable.get(path).text for path in ("/", f"/stories/{story_id}", "/search?q=Valencia", "/entities")]
    for html in pages:
        assert "<script>window" not in html and "<img src=x" not in html and "<svg onload" not in html
        assert "<i onmouseover" not in html and 'href="javascript:' not in html
    story_page = pages[1]
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;Evil &lt;b&gt;title&lt;/b&gt;" in story_page
