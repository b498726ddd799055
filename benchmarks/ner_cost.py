"""What Russian named-entity recognition costs: entity extraction of the bundled Russian sample, 20 times
(the text varied so nothing is answered from memory), with natasha's model or with the heuristic alone.

python benchmarks/ner_cost.py model|heuristic   (time the two as whole processes, in turn: docs/benchmarks.md)
"""

import sys
import time
from pathlib import Path

from storyline.models import Article
from storyline.stages import named_entities
from storyline.stages.entities import extract_entities

if sys.argv[1] == "heuristic":
    named_entities._russian_model = lambda: None  # type: ignore[assignment]  # as where natasha is not installed
text = (Path(__file__).resolve().parents[1] / "src/storyline/samples/001_04d4ec2f58fefb9f.txt").read_text(
    encoding="utf-8"
)
extract_entities([Article(id="warm", text=text, language="ru")])  # models loaded before the timed part
started = time.perf_counter()
extract_entities(
    [Article(id=f"a{i}", text=text.replace("России", "России" + " " * i), language="ru") for i in range(20)]
)
print(sys.argv[1], round((time.perf_counter() - started) / 20 * 1000, 1), "ms per article")
