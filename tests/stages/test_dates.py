import datetime as dt

from storyline.models import Article
from storyline.stages.dates import find_publication_date

TODAY = dt.date(2026, 1, 1)


def _date(article: Article) -> tuple[dt.date | None, str | None]:
    (out,) = find_publication_date([article], today=TODAY)
    return out.published, out.published_from


def test_dates_metadata_beats_marker_beats_html() -> None:
    hints = (("html", "2025-01-03"), ("marker", "2025-01-02"), ("metadata", "2025-01-01"))
    assert _date(Article(id="a", text="x", date_hints=hints)) == (dt.date(2025, 1, 1), "metadata")
    assert _date(Article(id="a", text="x", date_hints=hints[:2])) == (dt.date(2025, 1, 2), "marker")


def test_dates_the_day_first_seen_is_the_last_resort() -> None:
    seen = (("seen", "2025-12-30"),)
    assert _date(Article(id="a", text="x", date_hints=seen)) == (dt.date(2025, 12, 30), "seen")
    dated = Article(id="a", text="MOSCOW, 21 October 2025 (Reuters) - The talks...", language="en", date_hints=seen)
    assert _date(dated) == (dt.date(2025, 10, 21), "dateline")
    assert _date(Article(id="a", text="x", date_hints=(*seen, ("html", "2025-12-01")))) == (
        dt.date(2025, 12, 1),
        "html",
    )


def test_dates_dateline_in_preamble() -> None:
    article = Article(
        id="a", text="Държавният секретар каза днес.", preamble="-\n01 февруари 2022 18:02\n- 3748", language="bg"
    )
    assert _date(article) == (dt.date(2022, 2, 1), "dateline")


def test_dates_agency_dateline_at_top_of_text() -> None:
    article = Article(
        id="a", text="MOSCOW, 21 October 2025 (Reuters) - The ministry said on Tuesday ...", language="en"
    )
    assert _date(article) == (dt.date(2025, 10, 21), "dateline")


def test_dates_event_date_inside_a_sentence_is_not_a_publication_date() -> None:
    article = Article(
        id="a",
        text="Although Trump called his conversation with Putin on October 16, 2025 very productive, the paper reports otherwise.",
        language="en",
    )
    assert _date(article) == (None, None)


def test_dates_unknown_stays_unknown_and_implausible_dates_are_refused() -> None:
    assert _date(Article(id="a", text="No date here at all.")) == (None, None)
    assert _date(Article(id="a", text="x", date_hints=(("metadata", "3748-01-01"),))) == (None, None)
    assert _date(Article(id="a", text="x", date_hints=(("metadata", "not a date"),))) == (None, None)
