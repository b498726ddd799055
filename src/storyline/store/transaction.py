"""One write transaction on the store's connection."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class Transaction:
    """BEGIN ... COMMIT (ROLLBACK on an exception); inside another transaction, part of that one.
    ``begin``: the statements that open a write transaction in this database."""

    def __init__(self, db: Any, begin: Sequence[str]) -> None:
        self._db = db
        self._begin = begin
        self._outermost = False

    def __enter__(self) -> None:
        if self._db.in_transaction:
            return
        self._outermost = True
        for statement in self._begin:
            self._db.execute(statement)

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if self._outermost:
            self._db.execute("ROLLBACK" if exc_type else "COMMIT")
