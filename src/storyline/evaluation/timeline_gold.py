"""How well the seeds' timelines date what happened, against a hand-made gold set
(``benchmarks/timeline_gold.json``; run ``python benchmarks/timeline_quality.py``).

The gold set lists, per seed article, each sentence that holds a date expression by a fragment of it:
an ``event`` with the date and precision a reader gives it, or a ``plan`` (announced or possible,
after the article's date). A statement the timeline shows is scored by the gold entry of its article
whose fragment its sentence holds: right when it is an event shown unplanned at the gold date and
precision, or a plan shown as planned. Every other statement shown is wrong: a plan shown as an
event, a wrong date, or a sentence the gold set does not date at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ShownStatement:
    """One statement of a timeline entry, as the timeline shows it."""

    seed: str  # the seed's number ("000")
    text: str
    date: str
    precision: str
    planned: bool


def load_gold(path: Path) -> list[dict[str, Any]]:
    statements: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["statements"]
    return statements


def shown_statements(stories: list[dict[str, Any]], timelines: dict[int, list[dict[str, Any]]]) -> list[ShownStatement]:
    """The statements of every story's timeline (``timeline --story N --json``), each with its seed's
    number (from the article's file name, as ``stories --json`` gives it)."""
    seed_of = {article["id"]: Path(article["path"]).name[:3] for story in stories for article in story["articles"]}
    return [
        ShownStatement(
            seed_of[statement["article"]], statement["text"], entry["date"], entry["precision"], entry["planned"]
        )
        for story in stories
        for entry in timelines[story["id"]]
        for statement in entry["statements"]
    ]


def score(gold: list[dict[str, Any]], shown: list[ShownStatement]) -> dict[str, Any]:
    events = [entry for entry in gold if entry["kind"] == "event"]
    right_events: set[int] = set()
    wrong: list[str] = []
    plans_as_events = 0
    for statement in shown:
        entry = _gold_entry(gold, statement)
        if entry is None:
            wrong.append(
                f"{statement.seed} {statement.date} {statement.precision}: not dated in the gold set: {statement.text[:80]}"
            )
        elif entry["kind"] == "plan":
            if not statement.planned:
                plans_as_events += 1
                wrong.append(f"{statement.seed} {statement.date}: a plan shown as an event: {statement.text[:80]}")
        elif statement.planned or (statement.date, statement.precision) != (entry["date"], entry["precision"]):
            wrong.append(
                f"{statement.seed} {statement.date} {statement.precision}{' planned' if statement.planned else ''}:"
                f" gold {entry['date']} {entry['precision']}: {statement.text[:80]}"
            )
        else:
            right_events.add(id(entry))
    shown_events = [statement for statement in shown if not statement.planned]
    right_shown = len(shown) - len(wrong)
    return {
        "gold_events": len(events),
        "gold_plans": len(gold) - len(events),
        "statements_shown": len(shown),
        "events_shown": len(shown_events),
        "precision": round(right_shown / len(shown), 3) if shown else None,
        "event_recall": round(len(right_events) / len(events), 3) if events else None,
        "plans_shown_as_events": plans_as_events,
        "wrong": wrong,
    }


def _gold_entry(gold: list[dict[str, Any]], statement: ShownStatement) -> dict[str, Any] | None:
    text = _plain(statement.text)
    return next(
        (entry for entry in gold if entry["seed"] == statement.seed and _plain(entry["fragment"]) in text), None
    )


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())
