"""Alerts: tell a user when something they watch moves.

A watch follows an entity (any of its spellings, through the entity links) or a keyword query. After
new articles are stored, each watch looks at the articles stored since it last looked (an entity's
watch, at those whose entities are linked: a linker of its own may come after the writer): a story it has
never alerted about that now has a matching article raises a "new story" alert; a story it alerted
about that has grown by ``grow_by`` outlets since raises a "grew" alert. Alerts are first recorded in
the store (each at most once: watch, story, kind and outlets are unique), then delivered in order:
appended as a JSON line to a file (flushed to disk), or POSTed as JSON to a webhook, with retries.
Only a delivered alert is marked sent; one that could not be delivered stays pending and is tried
again after the next round, also by a new process. Each carries its ``alert_id``: a process killed in
the instant between delivering an alert and recording it sends it again with the same id, which a
receiver can recognise.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from storyline.store import Store

LOCK_WAIT_SECONDS = 60.0
WEBHOOK_TIMEOUT_SECONDS = 10.0
WEBHOOK_ATTEMPTS = 3  # per delivery round; an alert still undelivered waits for the next round
SEARCH_HITS = 10_000  # a query watch looks among this many best keyword matches


@dataclass(frozen=True)
class DeliveryReport:
    raised: int = 0
    sent: int = 0
    failed: int = 0


Post = Callable[[str, dict[str, Any]], int]  # (url, JSON body) -> HTTP status; raises OSError-like on failure


def check_watches(
    store: Store, post: Post | None = None, sleep: Callable[[float], None] = time.sleep
) -> DeliveryReport:
    """Raise the alerts the articles stored since each watch last looked call for, then deliver every
    pending alert."""
    raised = sum(_raise(store, watch) for watch in store.watch_rows())
    sent = failed = 0
    for alert in store.pending_alerts():
        problem = _deliver(alert, post or _post_json, sleep)
        now = _now()
        with store.writing(LOCK_WAIT_SECONDS), store.transaction():
            if problem is None:
                store.alert_sent(alert["id"], now)
            else:
                store.alert_failed(alert["id"], problem)
        sent += problem is None
        failed += problem is not None
    return DeliveryReport(raised, sent, failed)


def _raise(store: Store, watch: dict[str, Any]) -> int:
    new = store.articles_after(int(watch["after_seq"]))
    if watch["entity_id"] is not None:  # an article names the entity once its mentions are linked
        linked = store.linked_through()  # (a linker of its own may be behind: grouping/linking.py)
        new = [(seq, article_id, story) for seq, article_id, story in new if seq <= linked]
    if not new:
        return 0
    ids = [article_id for _seq, article_id, _story in new]
    if watch["entity_id"] is not None:
        matched = store.articles_naming(int(watch["entity_id"]), ids)
    else:
        hits = store.search(str(watch["query"]), limit=SEARCH_HITS, snippets=False)
        matched = {hit["id"] for hit in hits} & set(ids)
    stories = sorted({story for _seq, article_id, story in new if article_id in matched})
    outlets = store.story_outlets(stories)
    before = store.last_alerted_outlets(str(watch["name"]), stories)
    titles = {row["id"]: row["title"] for row in store.story_summaries(stories)}
    alerts = []
    for story in stories:
        if story not in before:
            kind = "new story"
        elif outlets.get(story, 0) >= before[story] + int(watch["grow_by"]):
            kind = "grew"
        else:
            continue
        payload = {
            "watch": watch["name"],
            "kind": kind,
            "story_id": story,
            "outlets": outlets.get(story, 0),
            "title": titles.get(story),
        }
        alerts.append(
            {
                "story_id": story,
                "kind": kind,
                "outlets": outlets.get(story, 0),
                "payload": json.dumps(payload, ensure_ascii=False),
            }
        )
    with store.writing(LOCK_WAIT_SECONDS), store.transaction():
        store.raise_alerts(str(watch["name"]), new[-1][0], alerts, _now())
    return len(alerts)


def _deliver(alert: dict[str, Any], post: Post, sleep: Callable[[float], None]) -> str | None:
    """None when delivered, else why not (one line)."""
    body = {"alert_id": alert["id"], "raised_at": alert["created_at"], **json.loads(alert["payload"])}
    if alert["to_file"]:
        try:
            _append_line(Path(alert["to_file"]), json.dumps(body, ensure_ascii=False))
        except OSError as error:
            return f"{alert['to_file']}: {error.strerror or error}"
        return None
    problem = "no destination"
    for attempt in range(WEBHOOK_ATTEMPTS):
        if attempt:
            sleep(0.5 * 2**attempt)
        try:
            status = post(str(alert["webhook"]), body)
        except Exception as error:  # noqa: BLE001 (any failure of the request is one line and a retry)
            problem = f"{alert['webhook']}: {type(error).__name__}"
            continue
        if 200 <= status < 300:
            return None
        problem = f"{alert['webhook']}: HTTP {status}"
    return problem


def _append_line(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as out:
        out.write(line + "\n")
        out.flush()
        os.fsync(out.fileno())


def _post_json(url: str, body: dict[str, Any]) -> int:
    import requests

    from storyline.ingest.fetch import USER_AGENT

    response = requests.post(url, json=body, timeout=WEBHOOK_TIMEOUT_SECONDS, headers={"User-Agent": USER_AGENT})
    return int(response.status_code)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
