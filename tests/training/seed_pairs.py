"""A small labeled pair file made from the bundled seed articles, for the training tests."""

from __future__ import annotations

import json
from pathlib import Path


def seed_pair_file(seeds_dir: Path, folder: Path) -> Path:
    """Halves of one seed article are the same story; halves of different seeds are not."""
    halves = []
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        middle = len(text) // 2
        halves.append(
            ({"id": f"{path.stem}-1", "text": text[:middle]}, {"id": f"{path.stem}-2", "text": text[middle:]})
        )
    lines = []
    for i, (first, second) in enumerate(halves):
        lines.append({"id": f"same{i}", "a": first, "b": second, "score": 1.0, "label": 1})
        other = halves[(i + 1) % len(halves)][1]
        lines.append({"id": f"other{i}", "a": first, "b": other, "score": 3.5, "label": 0})
    path = folder / "pairs.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return path
