import datetime as dt

from storyline.web.charts import MARGIN, WIDTH, activity_chart, timeline_chart
from storyline.web.render import date_range, safe_url
from storyline.web.views import activity


def test_render_safe_url_allows_only_absolute_http_links() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url(" http://example.org ") == "http://example.org"
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,x",
        "//evil.example/",
        "/local",
        "vbscript:x",
        "http://exa\nmple.org",
        "https:///nohost",
        "",
        None,
        "http://[::1",
    ]:
        assert safe_url(bad) is None, bad


def test_render_date_range() -> None:
    assert date_range(None, None) == "undated"
    assert date_range("2025-01-02", "2025-01-02") == "2025-01-02"
    assert date_range("2025-01-02", "2025-01-05") == "2025-01-02 – 2025-01-05"


def _entry(date: str, articles: int) -> dict:  # type: ignore[type-arg]
    return {"date": date, "articles": [f"a{i}" for i in range(articles)], "text": "x"}


def test_charts_timeline_spans_events_and_publications() -> None:
    chart = timeline_chart([_entry("2025-10-01", 1), _entry("2025-10-11", 3)], ["2025-10-21"])
    assert chart is not None
    events = [dot for dot in chart.dots if dot.href]
    assert events[0].x == MARGIN and events[1].x == WIDTH / 2
    assert events[1].r > events[0].r
    published = [dot for dot in chart.dots if not dot.href]
    assert published[0].x == WIDTH - MARGIN
    assert chart.ticks[0].label == "2025-10-01" and chart.ticks[-1].label == "2025-10-21"
    assert timeline_chart([], ["2025-10-21"]) is None


def test_charts_activity_picks_a_unit_and_fills_empty_periods() -> None:
    days = activity({dt.date(2025, 1, 1): 1, dt.date(2025, 1, 3): 2})
    assert days["unit"] == "day" and [p["articles"] for p in days["periods"]] == [1, 0, 2]
    weeks = activity({dt.date(2025, 1, 1): 1, dt.date(2025, 3, 1): 1})
    assert weeks["unit"] == "week" and weeks["periods"][0]["start"] == "2024-12-30"
    months = activity({dt.date(2024, 11, 30): 1, dt.date(2025, 12, 1): 1})
    assert months["unit"] == "month" and len(months["periods"]) == 14
    assert months["periods"][-1] == {"start": "2025-12-01", "articles": 1}
    chart = activity_chart(months)
    assert chart is not None and len(chart.bars) == 14 and max(bar.height for bar in chart.bars) > 0
    assert activity_chart(activity({})) is None


def test_render_dates_read_as_precisely_as_they_are_known() -> None:
    from storyline.web.render import _environment
    from storyline.wording import date_label

    assert date_label("2025-08-01", "month") == "August 2025"
    assert date_label("2025-10-13", "week") == "week of 13 Oct 2025"
    assert date_label("2025-01-01", "year") == "2025" and date_label("2025-10-16") == "2025-10-16"
    macro = _environment().from_string('{% from "macros.html" import timeline %}{{ timeline(entries, {}) }}')
    entries = [
        {"date": "2025-08-01", "precision": "month", "text": "talks began", "language": "en", "articles": ["a"],
         "sources": [], "speakers": [], "outlets": [], "planned": False},
        {"date": "2025-10-13", "precision": "week", "text": "a call", "language": "en", "articles": ["a", "b"],
         "sources": ["CNN"], "speakers": ["Donald Trump"], "outlets": [], "planned": True},
    ]  # fmt: skip
    html = macro.render(entries=entries)
    assert '<time datetime="2025-08">August 2025</time>' in html and "week of 13 Oct 2025" in html
    assert "2025-08-01" not in html and "1 article · " in html and "2 articles · " in html
    assert html.count('class="planned"') == 1 and "speakers: Donald Trump" in html and "reported by: CNN" in html


def test_render_a_story_page_shows_its_most_reported_events_in_date_order() -> None:
    from storyline.web.views import most_reported

    entries = [{"date": f"2025-10-{day:02d}", "articles": ["a"] * (day % 4 + 1)} for day in range(1, 21)]
    shown = most_reported(entries, 6)
    assert [entry["date"] for entry in shown] == sorted(entry["date"] for entry in shown)
    assert sorted(len(entry["articles"]) for entry in shown) == [3] + [4] * 5
    assert "2025-10-18" in [entry["date"] for entry in shown]  # of the events of 3 articles, the latest
    assert most_reported(entries, 50) == entries
