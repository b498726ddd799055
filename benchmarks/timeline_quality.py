"""Score the seeds' timelines against the hand-made gold set of their dated statements.

Usage:
  python benchmarks/timeline_quality.py [benchmarks/timeline_gold.json] [--db STORE.db]

Without ``--db`` it runs ``storyline demo`` into a temporary store first (the bundled seeds, the
default models), then reads every story's timeline as ``storyline timeline --story N --json`` gives it,
and prints precision (statements shown rightly: events at their gold date and precision, plans as
planned), event recall, plans shown as events, and each wrong statement.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from storyline.cli import main as cli
from storyline.evaluation.timeline_gold import load_gold, score, shown_statements

GOLD = Path(__file__).resolve().parent / "timeline_gold.json"


def _json(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(cli, [*args, "--json"])
    if result.exit_code != 0:
        raise SystemExit(f"storyline {' '.join(args)}: {result.output.strip()}")
    return json.loads(result.output)


def measure(db: Path, gold: Path = GOLD) -> dict[str, Any]:
    runner = CliRunner()
    stories = _json(runner, "stories", "--db", str(db))
    timelines = {
        story["id"]: _json(runner, "timeline", "--story", str(story["id"]), "--db", str(db)) for story in stories
    }
    return score(load_gold(gold), shown_statements(stories, timelines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD)
    parser.add_argument("--db", type=Path, help="a store holding the seeds (default: run the demo into a new one)")
    args = parser.parse_args()
    if args.db is not None:
        print(json.dumps(measure(args.db, args.gold), ensure_ascii=False, indent=2))
        return
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "seeds.db"
        result = CliRunner().invoke(cli, ["demo", "--db", str(db)])
        if result.exit_code != 0:
            raise SystemExit(f"storyline demo: {result.output.strip()}")
        print(json.dumps(measure(db, args.gold), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
