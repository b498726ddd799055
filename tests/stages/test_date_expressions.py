import datetime as dt

import pytest

from storyline.stages.date_expressions import find_expressions, resolve

TUESDAY = dt.date(2025, 10, 21)


def _resolved(text: str, language: str, reference: dt.date | None = TUESDAY) -> list[tuple[str, str | None]]:
    return [
        (e.precision, str(resolve(e, reference)) if resolve(e, reference) else None)
        for e in find_expressions(text, language)
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("В четвъртък Тръмп заяви", "bg"),
        ("заявил он в четверг", "ru"),
        ("am Donnerstag sagte er", "de"),
        ("jeudi, il a dit", "fr"),
        ("el jueves dijo", "es"),
        ("w czwartek powiedział", "pl"),
        ("Perşembe günü söyledi", "tr"),
        ("On Thursday he said", "en"),
        ("у четвер він сказав", "uk"),
    ],
)
def test_date_expressions_weekday_is_the_one_before_the_article(text: str, language: str) -> None:
    assert _resolved(text, language) == [("day", "2025-10-16")]


def test_date_expressions_monday_in_a_tuesday_article_is_the_day_before() -> None:
    assert _resolved("Рубио и Лавров проведоха разговор в понеделник", "bg") == [("day", "2025-10-20")]


def test_date_expressions_relative_needs_a_reference_date() -> None:
    assert _resolved("В четвъртък Тръмп заяви", "bg", None) == [("day", None)]


def test_date_expressions_day_and_month_take_the_nearest_past_year() -> None:
    assert _resolved("зустрілися в Анкориджі 15 серпня", "uk") == [("day", "2025-08-15")]
    assert _resolved("on October 16", "en", dt.date(2026, 1, 5)) == [("day", "2025-10-16")]


def test_date_expressions_part_of_a_month_has_month_precision() -> None:
    assert _resolved("in mid-August", "en") == [("month", "2025-08-01")]
    assert _resolved("в середині серпня", "uk") == [("month", "2025-08-01")]


def test_date_expressions_full_dates_need_no_reference() -> None:
    assert _resolved("01 февруари 2022 г.", "bg", None) == [("day", "2022-02-01")]
    assert _resolved("22 августа 2025 года", "ru", None) == [("day", "2025-08-22")]


def test_date_expressions_yesterday_and_last_week() -> None:
    assert _resolved("вчера", "ru") == [("day", "2025-10-20")]
    assert _resolved("last week", "en") == [("week", "2025-10-13")]


def test_date_expressions_bare_numbers_and_impossible_years_are_not_dates() -> None:
    assert _resolved("- 3748 - 3 views", "bg") == []
    assert _resolved("in 3748", "en") == []
    assert _resolved("may go", "en") == []


def test_date_expressions_chinese_dates_inside_a_sentence_without_spaces() -> None:
    """Chinese writes no spaces: dates are found inside runs of characters, names of two count."""
    reference = dt.date(2025, 10, 17)  # a Friday
    text = "美国总统特朗普周四表示，两人同意下周会晤。据报道，10月20日鲁比奥与拉夫罗夫通话，2024年也谈过。"
    found = {e.text: (resolve(e, reference), e.precision) for e in find_expressions(text, "zh")}
    assert found == {
        "周四": (dt.date(2025, 10, 16), "day"),
        "下周": (dt.date(2025, 10, 20), "week"),
        "10月20日": (dt.date(2025, 10, 20), "day"),
        "2024年": (dt.date(2024, 1, 1), "year"),
    }
    (full,) = find_expressions("新华社2025年10月17日电", "zh")
    assert resolve(full, None) == dt.date(2025, 10, 17)
    (forward,) = find_expressions("双方将于下周四见面", "zh")
    assert resolve(forward, reference) == dt.date(2025, 10, 23)
    assert find_expressions("他在1110月没来", "zh") == []  # no month inside a longer number


def test_date_expressions_a_chinese_day_of_the_month_written_alone() -> None:
    """ "16日" is the 16th of the article's month, or of the month before when that is more than a week
    ahead; never part of "10月16日" or of a longer number."""
    (day,) = find_expressions("美国总统特朗普16日表示", "zh")
    assert resolve(day, dt.date(2025, 10, 17)) == dt.date(2025, 10, 16)
    assert resolve(day, dt.date(2025, 10, 3)) == dt.date(2025, 9, 16)
    assert resolve(day, None) is None  # relative: no article date, no day
    assert [e.text for e in find_expressions("新华社10月16日电，116日", "zh")] == ["10月16日"]
