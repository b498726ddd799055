"""One write transaction on the store's connection."""

from __future__ import annotations

import sqlite3


class Transaction:
    """BEGIN ... COMMIT (ROLLBACK on an exception); inside another transaction, part of that one."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._outermost = False

    def __enter__(self) -> None:
        if self._db.in_transaction:
            return
        self._outermost = True
        self._db.execute("BEGIN IMMEDIATE")
        # Rows of one batch point at each other (a membership at its new story): check at commit.
        self._db.execute("PRAGMA defer_foreign_keys=ON")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if self._outermost:
            self._db.execute("ROLLBACK" if exc_type else "COMMIT")
