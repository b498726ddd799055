"""Charts as plain geometry (drawn as inline SVG by the templates: no script, nothing to load)."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

from storyline.wording import date_label, plural

WIDTH = 760
MARGIN = 40
MAX_TICKS = 8


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    r: float
    title: str
    href: str | None = None


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    title: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    baseline: float
    dots: tuple[Dot, ...] = ()
    bars: tuple[Bar, ...] = ()
    ticks: tuple[Tick, ...] = ()
    caption: str = ""


def timeline_chart(entries: list[dict[str, Any]], published: list[str]) -> Chart | None:
    """Dated events as dots (bigger = more articles) over the articles' publication days."""
    event_dates = [dt.date.fromisoformat(entry["date"]) for entry in entries]
    article_dates = [dt.date.fromisoformat(day) for day in published if day]
    if not event_dates:
        return None
    scale = _TimeScale(min(event_dates + article_dates), max(event_dates + article_dates))
    dots = [
        Dot(
            x=scale.x(date),
            y=40,
            r=4 + 3 * math.sqrt(len(entry["articles"])),
            title=f"{date_label(entry['date'], entry.get('precision', 'day'))} · {plural(len(entry['articles']), 'article')}:"
            f" {entry['text'][:160]}",
            href=f"#event-{index}",
        )
        for index, (date, entry) in enumerate(zip(event_dates, entries, strict=True), start=1)
    ]
    published_dots = [
        Dot(
            x=scale.x(day),
            y=86,
            r=2 + 2 * math.sqrt(count),
            title=f"published {day.isoformat()}: {plural(count, 'article')}",
        )
        for day, count in sorted(Counter(article_dates).items())
    ]
    return Chart(
        width=WIDTH,
        height=124,
        baseline=100,
        dots=tuple(dots + published_dots),
        ticks=scale.ticks(),
        caption="events (top) and publication days (bottom)",
    )


def activity_chart(activity: dict[str, Any]) -> Chart | None:
    """Articles per period as bars."""
    periods = activity["periods"]
    if not periods:
        return None
    height, top = 120, 12
    peak = max(period["articles"] for period in periods) or 1
    step = (WIDTH - 2 * MARGIN) / len(periods)
    bars = []
    for index, period in enumerate(periods):
        bar_height = (height - top - 24) * period["articles"] / peak
        bars.append(
            Bar(
                x=MARGIN + index * step + step * 0.1,
                y=height - 24 - bar_height,
                width=max(step * 0.8, 1.0),
                height=bar_height,
                title=f"{date_label(period['start'], activity['unit'])}: {plural(period['articles'], 'article')}",
            )
        )
    every = max(1, math.ceil(len(periods) / MAX_TICKS))
    ticks = tuple(
        Tick(x=MARGIN + index * step + step / 2, label=_tick_label(period["start"], activity["unit"]))
        for index, period in enumerate(periods)
        if index % every == 0
    )
    return Chart(
        width=WIDTH,
        height=height,
        baseline=height - 24,
        bars=tuple(bars),
        ticks=ticks,
        caption=f"articles per {activity['unit']}",
    )


class _TimeScale:
    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.first, self.last = first, last
        self.days = max((last - first).days, 0)

    def x(self, date: dt.date) -> float:
        if self.days == 0:
            return WIDTH / 2
        return MARGIN + (WIDTH - 2 * MARGIN) * (date - self.first).days / self.days

    def ticks(self) -> tuple[Tick, ...]:
        if self.days == 0:
            return (Tick(WIDTH / 2, self.first.isoformat()),)
        step = max(1, math.ceil(self.days / (MAX_TICKS - 1)))
        days = list(range(0, self.days, step))
        if self.days - days[-1] < step / 2:
            days.pop()
        days.append(self.days)
        return tuple(
            Tick(self.x(self.first + dt.timedelta(days=n)), (self.first + dt.timedelta(days=n)).isoformat())
            for n in days
        )


def _tick_label(start: str, unit: str) -> str:
    """A period's short label under the chart: "August 2025" for a month, the first day otherwise."""
    return date_label(start, unit if unit in ("month", "year") else "day")
