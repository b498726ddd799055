"""How counts and dates read in the CLI and on the pages: "1 story", "3 stories"."""

from __future__ import annotations

import datetime as dt

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def plural(count: int, word: str, many: str | None = None) -> str:
    """The count with its word, singular for exactly one: "1 article", "2 articles", "4 stories"."""
    if count == 1:
        return f"1 {word}"
    if many is None:
        many = word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u") else word + "s"
    return f"{count} {many}"


def date_label(day: str | dt.date, precision: str = "day") -> str:
    """A date as precisely as it is known: "2025-10-16", "week of 13 Oct 2025", "August 2025", "2025"."""
    date = dt.date.fromisoformat(day) if isinstance(day, str) else day
    if precision == "year":
        return str(date.year)
    if precision == "month":
        return f"{_MONTHS[date.month - 1]} {date.year}"
    if precision == "week":
        return f"week of {date.day} {_MONTHS[date.month - 1][:3]} {date.year}"
    return date.isoformat()
