"""Export articles with their story ids as JSON lines, CSV or Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

FORMATS = ("jsonl", "csv", "parquet")
COLUMNS = (
    "id",
    "story_id",
    "url",
    "path",
    "title",
    "headline",
    "language",
    "published",
    "source",
    "duplicate_of",
    "text",
)


def export_rows(
    rows: Iterable[dict[str, Any]],
    fmt: str,
    stream: IO[str] | None = None,
    path: Path | None = None,
    binary: IO[bytes] | None = None,
) -> int:
    """Write rows in ``fmt`` to ``path``, else to ``stream`` (text formats) or ``binary`` (parquet);
    returns the count."""
    if fmt == "parquet":
        target = path if path is not None else binary
        if target is None:
            raise ValueError("parquet export needs a file or a binary stream")
        return _write_parquet(rows, target)
    if path is not None:
        with path.open("w", encoding="utf-8", newline="") as handle:
            return _write_text(rows, fmt, handle)
    if stream is None:
        raise ValueError("no output given")
    return _write_text(rows, fmt, stream)


def _write_text(rows: Iterable[dict[str, Any]], fmt: str, stream: IO[str]) -> int:
    count = 0
    if fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps({column: row.get(column) for column in COLUMNS}, ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
        return count
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _write_parquet(rows: Iterable[dict[str, Any]], path: Path | IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    materialised = [{column: row.get(column) for column in COLUMNS} for row in rows]
    table = pa.Table.from_pylist(
        materialised, schema=pa.schema([(c, pa.int64() if c == "story_id" else pa.string()) for c in COLUMNS])
    )
    pq.write_table(table, path)
    return len(materialised)
