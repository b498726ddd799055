"""End to end in real headless Chromium (Debian's package): browse the seeds, search across
languages, read a story's timeline, and ingest a hostile article that must run nothing.

Screenshots go to test-output/browser/. Needs /usr/bin/chromium (`make browser` installs it);
skips without it, except under CI, where a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.request
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from storyline.ingest.sources import read_sources
from storyline.pipeline import ingest
from storyline.settings import Settings
from storyline.stages.embed import make_embedder
from storyline.store import open_store
from storyline.web import ServerOptions, create_app
from storyline.web.background import serving_in_background

pytestmark = pytest.mark.slow

TOKEN = "browser-test-token-0123456789"
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "browser"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE = {
    "id": "hostile-browser",
    "url": "javascript:window.__pwned='url'",
    "title": "<script>window.__pwned='title'</script>Hostile <img src=x onerror=\"window.__pwned='img'\"> headline",
    "text": "<svg onload=\"window.__pwned='svg'\"></svg> A storm hit Valencia on Monday, the council said."
    " <a href=\"javascript:window.__pwned='link'\">more</a> <iframe src=\"javascript:window.__pwned='frame'\"></iframe>",
    "source": "<b onmouseover=\"window.__pwned='source'\">Outlet</b>",
    "published": "2025-10-20",
}
NO_SCRIPT_TRACES = """() => ({
  pwned: window.__pwned === undefined ? null : String(window.__pwned),
  scripts: document.querySelectorAll('script, iframe, object, embed').length,
  handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
  jsLinks: [...document.querySelectorAll('[href],[src]')].filter(
      e => /^\\s*(javascript|data|vbscript):/i.test(e.getAttribute('href') || e.getAttribute('src') || '')).length,
})"""


def chromium_path() -> str | None:
    return os.environ.get("STORYLINE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def base_url(module_store_location: str) -> Iterator[str]:
    """The seeds (real model) in a store of each backend, served over HTTP."""
    settings = Settings(db=module_store_location)
    embedder = make_embedder(settings.embedder)
    seeds = Path(str(resources.files("storyline").joinpath("samples")))
    with open_store(settings.db) as store:
        ingest(read_sources([str(seeds)]), store, settings, embedder)
    app = create_app(settings, ServerOptions(ingest_token=TOKEN), embedder=embedder)
    with serving_in_background(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path = chromium_path()
    if path is None:
        message = "Debian's chromium is not installed (run `make browser`, or set STORYLINE_CHROMIUM)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_browser_front_page_lists_the_seed_stories(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")  # stored just now: ranked, each story saying why
    cards = page.locator(".story-card")
    assert cards.count() == 3
    assert "3 stories" in page.locator(".count").inner_text()
    assert page.locator(".story-card .why").count() == 3
    page.screenshot(path=str(SHOTS / "front.png"), full_page=True)
    page.click("nav.order >> text=Newest first")
    page.wait_for_url("**/stories")
    assert page.locator(".story-card").count() == 3 and page.locator(".story-card .why").count() == 0
    assert page.locator(".story-card .lang").all_inner_texts()[:3] == ["BG", "EN", "UK"]


def test_browser_search_in_english_finds_other_languages_then_the_story_timeline(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill("form.search input[name=q]", "Budapest")
    page.press("form.search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Budapest")
    results = page.locator(".result")
    languages = {text.lower() for text in page.locator(".result .lang").all_inner_texts()}
    assert results.count() >= 3 and {"bg", "uk"} <= languages
    bulgarian = page.locator(".result", has=page.locator(".lang", has_text="bg")).first
    assert "Будапеща" in bulgarian.inner_text()
    page.screenshot(path=str(SHOTS / "search.png"), full_page=True)

    bulgarian.locator("a").first.click()
    page.wait_for_url("**/stories/*")
    assert page.locator("h2", has_text="Timeline").count() == 1
    events = page.locator("ol.timeline > li")
    assert events.count() >= 3
    assert "2025-10-16" in page.locator("ol.timeline").inner_text()
    assert page.locator("figure.chart svg circle.event").count() == events.count()
    assert page.locator(".articles .article").count() == 3
    page.screenshot(path=str(SHOTS / "story.png"), full_page=True)


def test_browser_entity_page_shows_names_by_language(page: Any, base_url: str) -> None:
    page.goto(base_url + "/entities/Лавров")
    assert page.locator("h1").inner_text() == "Sergey Lavrov"
    languages = {text.lower() for text in page.locator("dl.variants dt").all_inner_texts()}
    assert {"bg", "ru", "en"} <= languages
    assert page.locator("figure.chart svg rect.bar").count() >= 1
    page.screenshot(path=str(SHOTS / "entity.png"), full_page=True)


def test_browser_story_page_fits_a_phone(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    phone.goto(base_url + "/stories/1")
    width = phone.evaluate("() => document.documentElement.scrollWidth")
    phone.screenshot(path=str(SHOTS / "story-phone.png"), full_page=True)
    context.close()
    assert width <= 390


def test_browser_hostile_article_runs_nothing(browser: Any, base_url: str) -> None:
    request = urllib.request.Request(
        base_url + "/api/articles",
        data=json.dumps(HOSTILE).encode(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        story_id = json.load(response)["articles"][0]["story_id"]
    # With the page's script ban lifted, so that escaping alone has to keep the article inert.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in ("/", f"/stories/{story_id}", "/search?q=Valencia", "/entities"):
        page.goto(base_url + path)
        page.mouse.move(200, 300)
        assert page.evaluate(NO_SCRIPT_TRACES) == {"pwned": None, "scripts": 0, "handlers": 0, "jsLinks": 0}, path
    page.goto(base_url + f"/stories/{story_id}")
    assert "<script>window.__pwned='title'</script>Hostile" in page.locator("h1").inner_text()
    page.screenshot(path=str(SHOTS / "hostile.png"), full_page=True)
    context.close()
    assert dialogs == []
