"""Date expressions in running text, in any language dateparser has data for.

Month names, weekday names and relative phrases ("вчера", "миналата седмица", "last week")
come from dateparser's per-language locale data, so no language is special-cased here; only
the few words that turn a month into a part of a month ("mid-", "в средата на") are listed.

``find_expressions(text, language)`` returns what a sentence says, not yet a date;
``resolve(expression, reference)`` turns it into a date against the article's publication
date. A relative expression ("в четвъртък") needs a reference date; a day and month without
a year ("15 серпня") can also take its year from a reference date that comes from elsewhere
(the story the article is in) and says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

_Maker = Callable[["regex.Match[str]"], "Expression | None"]

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Languages whose month and weekday names inflect as suffixes (серпень / серпня / серпні).
_INFLECTING = {"bg", "ru", "uk", "pl", "cs", "sk", "sl", "hr", "sr", "mk", "be", "lt", "lv", "tr", "fi", "et", "hu"}
_PART_OF_MONTH = (
    r"mid-|mid|early|late|the middle of|the end of|the beginning of|средата на|началото на|края на|"
    r"середине|начале|конце|середині|на початку|наприкінці|в кінці|Mitte|Anfang|Ende|mi-|début|fin|"
    r"mediados de|principios de|finales de|połowie|początku|końcu"
)
_NEXT = r"next|следващия|следващата|следующий|следующую|следующей|наступного|наступний|наступну|nächsten|prochain|próximo|przyszły"
_PART_OF_MONTH_WORD = regex.compile(_PART_OF_MONTH, regex.IGNORECASE)


def is_part_of_month(word: str) -> bool:
    """Whether a word is one that makes a month a part of it ("Mitte", "Anfang", "Ende" in "Mitte März")."""
    return _PART_OF_MONTH_WORD.fullmatch(word.casefold()) is not None


_YEAR_CONTEXT_BEFORE = r"in|since|през|от|в|у|з|с|im|seit|en|depuis|desde|w|od"
_YEAR_CONTEXT_AFTER = r"г\.|година|года|году|год|року|рік|roku|yılında|yılı"
MIN_YEAR = 1900
DAYS_AHEAD = 7  # how far after the article's date a day of the month written alone may be


@dataclass(frozen=True)
class Expression:
    text: str
    precision: str  # "day" | "week" | "month" | "year"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday, for "on Thursday"
    shift_days: int | None = None  # for "yesterday" (-1), "next week" (+7)
    forward: bool = False  # "next Thursday"
    in_month: bool = False  # a day of the month the article is of, written alone (Chinese "16日")

    @property
    def relative(self) -> bool:
        return self.weekday is not None or self.shift_days is not None or self.in_month


def find_expressions(text: str, language: str | None) -> list[Expression]:
    """Every date expression in ``text``, left to right, overlapping matches dropped."""
    patterns = _patterns(language or "en")
    found: list[tuple[int, int, Expression]] = []
    for maker, pattern in patterns:
        for match in pattern.finditer(text):
            expression = maker(match)
            if expression is not None:
                found.append((match.start(), match.end(), expression))
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    kept: list[tuple[int, int, Expression]] = []
    for start, end, expression in found:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, expression))
    return [expression for _, _, expression in kept]


def resolve(expression: Expression, reference: dt.date | None) -> dt.date | None:
    """The first day the expression names, against ``reference``; None when it cannot be known."""
    if expression.relative:
        return _resolve_relative(expression, reference) if reference else None
    month = expression.month or 1
    day = expression.day or 1
    year = expression.year
    if year is None:
        if reference is None or expression.month is None:
            return None
        year = _nearest_year(month, day, reference)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve_relative(expression: Expression, reference: dt.date) -> dt.date | None:
    if expression.in_month:
        return _day_of_month(expression.day or 1, reference)
    if expression.shift_days is not None:
        return period_start(reference + dt.timedelta(days=expression.shift_days), expression.precision)
    assert expression.weekday is not None
    if expression.forward:
        return reference + dt.timedelta(days=(expression.weekday - reference.weekday() - 1) % 7 + 1)
    # News reports the past: "on Thursday" in a Tuesday article is the Thursday before.
    return reference - dt.timedelta(days=(reference.weekday() - expression.weekday) % 7)


def _day_of_month(day: int, reference: dt.date) -> dt.date | None:
    """A day of the month written alone: in the article's month, up to ``DAYS_AHEAD`` days after its date
    (a plan: "17日将访问" in an article of the 16th), else in the month before ("28日" in one of the 3rd)."""
    month_start = reference.replace(day=1)
    for start in (month_start, (month_start - dt.timedelta(days=1)).replace(day=1)):
        try:
            date = start.replace(day=day)
        except ValueError:
            continue
        if date <= reference + dt.timedelta(days=DAYS_AHEAD):
            return date
    return None


def period_start(date: dt.date, precision: str) -> dt.date:
    """The first day of the week, month or year a date falls in (the date itself for "day")."""
    if precision == "week":
        return date - dt.timedelta(days=date.weekday())
    if precision == "month":
        return date.replace(day=1)
    if precision == "year":
        return date.replace(month=1, day=1)
    return date


def _nearest_year(month: int, day: int, reference: dt.date) -> int:
    """A date written without its year is the one within about ten months before, or two after."""
    for year in (reference.year, reference.year - 1, reference.year + 1):
        try:
            candidate = dt.date(year, month, min(day, 28) if month == 2 else day)
        except ValueError:
            continue
        if -300 <= (candidate - reference).days <= 62:
            return year
    return reference.year


def _alternation(names: list[str], inflecting: bool, shortest: int = 3) -> str:
    forms = set()
    for name in names:
        name = name.casefold().rstrip(".")
        if len(name) < shortest:
            continue
        if inflecting and len(name) >= 5:
            stem = name[:-1] if name[-1] in "aeiouyаеиоуыэюяіїєъь" else name
            forms.add(regex.escape(stem) + r"[\p{L}'’]{0,3}")
        else:
            forms.add(regex.escape(name))
    return "|".join(sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=64)
def _patterns(language: str) -> list[tuple[_Maker, regex.Pattern[str]]]:
    info = _locale_info(language)
    inflecting = language in _INFLECTING
    # Chinese and Japanese write no spaces between words (dateparser's data says so): a name is found
    # inside a run of letters, and one of two characters is a name (周四, Thursday; 10月, October)
    spaced = not info.get("no_word_spacing")
    shortest = 3 if spaced else 2
    month_of: dict[str, int] = {}
    for number, month in enumerate(MONTHS, start=1):
        for name in info.get(month, []):
            month_of[name.casefold().rstrip(".")] = number
    months = _alternation(list(month_of), inflecting, shortest)
    weekdays = _alternation([n for w in WEEKDAYS for n in info.get(w, [])], inflecting, shortest)

    def month_number(word: str) -> int | None:
        word = word.casefold()
        for name in sorted(month_of, key=len, reverse=True):
            if len(name) >= shortest and (
                word == name or (inflecting and len(name) >= 5 and word.startswith(_stem(name)))
            ):
                return month_of[name]
        return None

    def weekday_number(word: str) -> int | None:
        word = word.casefold()
        for number, weekday in enumerate(WEEKDAYS):
            for name in info.get(weekday, []):
                name = name.casefold()
                if len(name) >= shortest and (
                    word == name or (inflecting and len(name) >= 5 and word.startswith(_stem(name)))
                ):
                    return number
        return None

    def year_of(text: str | None) -> int | None:
        return int(text) if text else None

    def day_month(match: regex.Match[str]) -> Expression | None:
        month = month_number(match["month"])
        return _checked(Expression(match[0], "day", year_of(match["year"]), month, int(match["day"])))

    def month_only(match: regex.Match[str]) -> Expression | None:
        month = month_number(match["month"])
        return _checked(Expression(match[0].strip(), "month", year_of(match["year"]), month))

    def weekday(match: regex.Match[str]) -> Expression | None:
        number = weekday_number(match["weekday"])
        if number is None:
            return None
        return Expression(match[0].strip(), "day", weekday=number, forward=bool(match["next"]))

    def iso(match: regex.Match[str]) -> Expression | None:
        return _checked(Expression(match[0], "day", int(match["year"]), int(match["month"]), int(match["day"])))

    def year_only(match: regex.Match[str]) -> Expression | None:
        return _checked(Expression(match[0].strip(), "year", int(match["year"])))

    # Simple case folding (VERSION0): full folding (VERSION1) compiles these alternations 6x slower,
    # half a second of every fresh ingest, and found the very same expressions in 1,499 news articles
    # in 8 languages (the dev pairs).
    flags = regex.IGNORECASE | regex.VERSION0
    b = r"(?<![\p{L}\d])"
    e = r"(?![\p{L}\d])"
    year = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    patterns: list[tuple[_Maker, regex.Pattern[str]]] = [
        (iso, regex.compile(rf"{b}(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d){e}")),
        (iso, regex.compile(rf"{b}(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d){e}")),
        (year_only, regex.compile(rf"{b}(?:{_YEAR_CONTEXT_BEFORE})\s+(?P<year>(?:19|20)\d\d){e}", flags)),
        (year_only, regex.compile(rf"{b}(?P<year>(?:19|20)\d\d)\s*(?:{_YEAR_CONTEXT_AFTER})", flags)),
    ]
    if months:
        patterns += [
            (day_month, regex.compile(rf"{b}(?P<day>[0-3]?\d)\.?\s+(?:de\s+)?(?P<month>{months}){e}{year}{e}", flags)),
            (
                day_month,
                regex.compile(rf"{b}(?P<month>{months})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?{e}{year}{e}", flags),
            ),
            (month_only, regex.compile(rf"{b}(?P<month>{months})\s+(?P<year>(?:19|20)\d\d){e}", flags)),
            (
                month_only,
                regex.compile(
                    rf"{b}(?:(?:{_PART_OF_MONTH})\s*|(?:in|през|в|у|im|en|w)\s+)(?P<month>{months}){e}{year}", flags
                ),
            ),
        ]
    if not spaced:
        patterns += _unspaced_patterns(months, weekdays, day_month, month_only, year_only, weekday)
        b = e = ""
    relative = _relative_phrases(info, shortest=4 if spaced else 2)
    if relative:
        patterns.append(
            (lambda m: _relative(m, relative), regex.compile(rf"{b}(?P<phrase>{'|'.join(relative)}){e}", flags))
        )
    if weekdays and spaced:
        patterns.append((weekday, regex.compile(rf"{b}(?:(?P<next>{_NEXT})\s+)?(?P<weekday>{weekdays}){e}", flags)))
    return patterns


def _unspaced_patterns(
    months: str, weekdays: str, day_month: _Maker, month_only: _Maker, year_only: _Maker, weekday: _Maker
) -> list[tuple[_Maker, regex.Pattern[str]]]:
    """Dates as Chinese writes them, with no space around them: "2025年10月17日", "10月17日", "2025年10月",
    "2025年", "16日" (the 16th of the article's month), "周四", "下周四" (next Thursday); a number is
    never part of a longer one."""
    b, e = r"(?<!\d)", r"(?!\d)"
    year = r"(?P<year>(?:19|20)\d\d)年"
    patterns: list[tuple[_Maker, regex.Pattern[str]]] = [
        (year_only, regex.compile(f"{b}{year}")),
        (_day_alone, regex.compile(r"(?<![\d月])(?P<day>[0-3]?\d)日")),  # "16日": a day of the month
    ]
    if months:
        patterns += [
            (day_month, regex.compile(f"{b}(?:{year})?(?P<month>{months})(?P<day>[0-3]?\\d){e}[日号]")),
            (month_only, regex.compile(f"{b}{year}(?P<month>{months})")),
        ]
    if weekdays:
        patterns.append((weekday, regex.compile(f"(?:(?P<next>下个?))?(?P<weekday>{weekdays})")))
    return patterns


def _day_alone(match: regex.Match[str]) -> Expression | None:
    day = int(match["day"])
    return Expression(match[0], "day", day=day, in_month=True) if 1 <= day <= 31 else None


def _stem(name: str) -> str:
    return name[:-1] if name[-1] in "aeiouyаеиоуыэюяіїєъь" else name


def _checked(expression: Expression) -> Expression | None:
    if expression.month is None and expression.precision in ("day", "month"):
        return None
    if expression.year is not None and not MIN_YEAR <= expression.year <= 2100:
        return None
    if expression.day is not None and not 1 <= expression.day <= 31:
        return None
    if expression.month is not None and not 1 <= expression.month <= 12:
        return None
    return expression


_UNIT_DAYS = {"day": (1, "day"), "week": (7, "week"), "month": (30, "month"), "year": (365, "year")}


def _relative_phrases(info: dict[str, Any], shortest: int = 4) -> dict[str, tuple[int, str]]:
    """Phrase -> (days from the reference date, precision), for whole days, weeks, months and years;
    phrases of ``shortest`` characters or more (two in Chinese: 昨天, yesterday)."""
    phrases: dict[str, tuple[int, str]] = {}
    table = info.get("relative-type", {})
    assert isinstance(table, dict)
    for meaning, words in table.items():
        match = regex.fullmatch(r"(in )?(\d+) (day|week|month|year)( ago)?", meaning)
        if match is None or int(match[2]) > 2:
            continue
        days, precision = _UNIT_DAYS[match[3]]
        shift = days * int(match[2]) * (1 if match[1] else -1)
        for word in words:
            if len(word) >= shortest and not word.isdigit():
                phrases[regex.escape(word.casefold())] = (shift, precision)
    return phrases


def _relative(match: regex.Match[str], phrases: dict[str, tuple[int, str]]) -> Expression | None:
    found = phrases.get(regex.escape(match["phrase"].casefold()))
    if found is None:
        return None
    shift, precision = found
    return Expression(match[0], precision, shift_days=shift)


# Locales a language's articles may be written in beside its own: lingua says "zh" for Chinese in
# simplified and in traditional characters (週四 is 周四, Thursday), which dateparser keeps apart
_OTHER_SCRIPTS = {"zh": ("zh-Hant",)}


@lru_cache(maxsize=64)
def _locale_info(language: str) -> dict[str, Any]:
    from dateparser.languages.loader import default_loader

    try:
        info = dict(default_loader.get_locale(language).info)
    except (ValueError, KeyError):
        return {}
    for other in _OTHER_SCRIPTS.get(language, ()):
        extra = default_loader.get_locale(other).info
        for name in [*MONTHS, *WEEKDAYS]:
            info[name] = [*info.get(name, []), *extra.get(name, [])]
        relative = dict(info.get("relative-type", {}))
        for meaning, words in extra.get("relative-type", {}).items():
            relative[meaning] = [*relative.get(meaning, []), *words]
        info["relative-type"] = relative
    return info
