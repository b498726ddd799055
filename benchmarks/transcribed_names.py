"""Foreign names written in Chinese characters, read back as the keys of their Latin spellings
(``stages/chinese.latin_keys``), measured on the DICT transcription corpus (He and Cohen, AACL 2020:
about 58,000 foreign names with the Chinese characters Xinhua's dictionary of foreign names gives
them), read from a local copy of its tab-separated splits (SPLIT.tsv: the Latin name's letters and the
Chinese characters, each separated by spaces; github.com/Lawhy/Multi-task-NMTransliteration,
mnmt/datasets/dict_data, MIT licence).

python benchmarks/transcribed_names.py DICT_FOLDER [--split valid|test] [--pairs PAIRS.jsonl] [--limit 2000]
python benchmarks/transcribed_names.py --cost

- read back: the share of names for which ``latin_keys`` gives keys at all, and the share whose Latin
  spelling's key (``keys.name_key``) is among them (recall);
- spellings: the median and mean number of keys per name;
- with ``--pairs`` (the labeled pairs' articles, default ../shared/data/pairs/semeval2022-task8-dev.jsonl):
  how often a name would be renamed by mistake beside an article it has nothing to do with: each of
  ``--limit`` names against each of 5 articles drawn at random, counted where exactly one of the
  article's Latin-script keys is among the name's keys (``grouping/evidence.across_scripts`` renames
  only then). These names are a dictionary's, nearly none of them in those articles: each such rename
  is a false one. And how often such a name would be linked by mistake to a person of an article taken
  as its story: where exactly one of the article's persons' full names has a surname key among the
  name's keys (``grouping/entities.read_back`` links only then).
- ``--cost``: the time of one comparison of a Chinese article's names (7 in characters, 4 other keys)
  with a story profile of 151 Latin keys, reading back and not (``evidence.entity_overlap``), the
  fastest of 7 rounds of 5,000, in microseconds.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import timeit
from pathlib import Path

from storyline.grouping.evidence import EntityStats, entity_overlap
from storyline.models import Article
from storyline.stages.chinese import latin_keys
from storyline.stages.entities import extract_entities
from storyline.stages.keys import name_key

ROOT = Path(__file__).resolve().parent.parent
ARTICLES_PER_NAME = 5


def read_split(path: Path) -> list[tuple[str, str]]:
    """(Latin name, Chinese characters) per line, after the header."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()[1:], 2):
        fields = line.split("\t")
        if len(fields) < 2:
            raise SystemExit(f"{path}: line {number} has no tab-separated name and characters")
        rows.append((fields[0].replace(" ", "").capitalize(), fields[1].replace(" ", "")))
    return rows


def article_keys(pairs: Path) -> tuple[list[set[str]], list[set[tuple[str, str]]]]:
    """The Latin-script entity keys of each article of the labeled pairs (places' ids and acronyms left
    out: no name is read back as one), and its persons' full names as (surname key, given-name key)."""
    seen: dict[str, dict[str, str]] = {}
    for line in pairs.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        for side in ("a", "b"):
            seen[pair[side]["id"]] = pair[side]
    articles = [
        Article(id=key, text=item["text"], title=item.get("title"), language=item["lang"]) for key, item in seen.items()
    ]
    read = extract_entities(articles)
    return (
        [
            {m.key for m in article.entities if m.key.isascii() and ":" not in m.key and not m.key.startswith("#")}
            for article in read
        ],
        [
            {(m.key, m.given) for m in article.entities if m.kind == "person" and m.given and m.given != m.key}
            for article in read
        ],
    )


def comparison_cost() -> dict[str, float]:
    """Microseconds per comparison of an article with names in characters and a story of Latin keys."""
    chance = random.Random(0)
    story = {"".join(chance.choice("bcdfghklmnprstv") for _ in range(4)): 0.5 for _ in range(150)}
    story[name_key("Trump")] = 0.8
    names = [
        "特朗普",
        "泽连斯基",
        "拉夫罗夫",
        "斯塔默",
        "马克龙",
        "习近平",
        "国务院",
        "iso:US",
        "iso:CN",
        "geo:1",
        "rtrs",
    ]
    stats = EntityStats(documents=1000, frequency={key: 5 for key in [*story, *names]})

    def per_call(cross_lingual: bool) -> float:
        rounds = timeit.repeat(
            lambda: entity_overlap(dict.fromkeys(names, 1.0), story, stats, cross_lingual), number=5000, repeat=7
        )
        return round(min(rounds) / 5000 * 1e6, 1)

    per_call(True)  # the readings, once
    return {"reading_back_us": per_call(True), "as_written_us": per_call(False)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cost", action="store_true", help="time one comparison instead")
    parser.add_argument("root", type=Path, nargs="?", help="a folder holding the corpus's splits (valid.tsv, test.tsv)")
    parser.add_argument("--split", default="valid")
    parser.add_argument("--pairs", type=Path, default=ROOT.parent / "shared/data/pairs/semeval2022-task8-dev.jsonl")
    parser.add_argument("--limit", type=int, default=2000, help="names tried beside articles")
    args = parser.parse_args()
    if args.cost:
        print(json.dumps(comparison_cost(), indent=1))
        return
    if args.root is None:
        parser.error("DICT_FOLDER is needed (or --cost)")
    rows = read_split(args.root / f"{args.split}.tsv")
    read = [(latin, latin_keys(written)) for latin, written in rows]
    sizes = [len(keys) for _latin, keys in read if keys]
    figures: dict[str, object] = {
        "names": len(rows),
        "read_back": round(len(sizes) / len(rows), 3),
        "recall": round(sum(name_key(latin) in keys for latin, keys in read) / len(rows), 3),
        "keys_per_name_median": statistics.median(sizes) if sizes else 0,
        "keys_per_name_mean": round(statistics.mean(sizes), 1) if sizes else 0,
    }
    if args.pairs.is_file():
        keyed, persons = article_keys(args.pairs)
        chance = random.Random(0)
        tries = renamed = linked = 0
        for _latin, keys in read[: args.limit]:
            for number in chance.sample(range(len(keyed)), ARTICLES_PER_NAME):
                tries += 1
                renamed += len(keys & keyed[number]) == 1
                linked += len({full for full in persons[number] if full[0] in keys}) == 1
        figures["false_renames_per_article"] = round(renamed / max(tries, 1), 4)
        figures["false_person_links_per_story"] = round(linked / max(tries, 1), 4)
        figures["articles"] = len(keyed)
        figures["articles_with_full_names"] = sum(1 for names in persons if names)
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
