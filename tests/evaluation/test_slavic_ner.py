"""The SlavicNER reader and the gold-set scorer over its articles, on a made-up clone in the corpus's
layout (the corpus itself is never in the project)."""

from pathlib import Path

import pytest

from storyline.evaluation import slavic_ner
from storyline.evaluation.entity_gold import GoldError, load_articles, score

TEXT = "Сергей Лавров приехал в Берлин.\n\nЛавров встретился с послом ЕС в Берлине. Проект Nord Stream обсуждали."


def _span(surface: str, kind: str, identifier: str, after: int = 0) -> tuple[int, int, str, str, str]:
    at = TEXT.index(surface, after)
    return at, at + len(surface), surface, kind, identifier


SPANS = [
    _span("Сергей Лавров", "PER", "PER-Sergey-Lavrov"),
    _span("Берлин", "LOC", "GPE-Berlin"),
    _span("Лавров", "PER", "PER-Sergey-Lavrov", 20),
    _span("ЕС", "ORG", "ORG-European-Union"),
    _span("Берлине", "LOC", "GPE-Berlin"),
    _span("Nord Stream", "PRO", "PRO-Nord-Stream"),
]


def _clone(root: Path, spans: list[tuple[int, int, str, str, str]] = SPANS) -> Path:
    (root / "raw" / "topic" / "ru").mkdir(parents=True)
    (root / "ner" / "topic" / "ru").mkdir(parents=True)
    (root / "raw" / "topic" / "ru" / "one.txt").write_text(TEXT, encoding="utf-8")
    lines = [f"{a}\t{b}\t{surface}\t{surface}\t{kind}\t{ident}" for a, b, surface, kind, ident in spans]
    (root / "ner" / "topic" / "ru" / "one.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_slavic_ner_reads_an_article_and_its_gold_mentions_once_per_identifier(tmp_path: Path) -> None:
    root = _clone(tmp_path)
    assert slavic_ner.article_refs(root, ("ru",)) == ["slavicner:topic/ru/one"]
    assert slavic_ner.article_refs(root, ("uk",)) == []
    article = slavic_ner.read_article(root, "slavicner:topic/ru/one")
    assert article.language == "ru" and article.text == TEXT
    mentions = slavic_ner.gold_mentions(article, len(TEXT))
    assert mentions == [
        ["Сергей Лавров", "person", "PER-Sergey-Lavrov", ["Лавров"]],
        ["Берлин", "place", "GPE-Berlin", ["Берлине"]],
        ["ЕС", "org", "ORG-European-Union", []],
        ["Nord Stream", "misc", "PRO-Nord-Stream", []],
    ]
    first_sentence = TEXT.index(".") + 1
    assert [m[2] for m in slavic_ner.gold_mentions(article, first_sentence)] == ["PER-Sergey-Lavrov", "GPE-Berlin"]


def test_a_system_mention_is_a_gold_one_when_it_shares_a_word_with_any_of_its_surfaces() -> None:
    from storyline.evaluation.entity_gold import is_gold_mention

    gold = [["Великобритания", "place", "United Kingdom", ["Обединеното кралство"]], ["ЕС", "org", "European Union"]]
    assert is_gold_mention("Обединеното кралство", gold)
    assert is_gold_mention("Великобритании", gold)
    assert is_gold_mention("ЕС", gold)
    assert not is_gold_mention("Франция", gold)


def test_slavic_ner_a_span_that_is_not_the_text_is_a_one_line_error_naming_the_file(tmp_path: Path) -> None:
    root = _clone(tmp_path, [(0, 6, "Лавров", "PER", "PER-Sergey-Lavrov")])
    with pytest.raises(slavic_ner.SlavicNerError, match=r"one\.tsv:1: 'Лавров' is not the text at 0-6"):
        slavic_ner.read_article(root, "slavicner:topic/ru/one")
    with pytest.raises(slavic_ner.SlavicNerError, match="not found"):
        slavic_ner.read_article(root, "slavicner:topic/ru/two")


def test_slavic_ner_gold_counts_events_and_products_only_for_precision(tmp_path: Path) -> None:
    """A system mention of "Nord Stream" is no false one, but missing it costs no recall."""
    root = _clone(tmp_path)
    article = slavic_ner.read_article(root, "slavicner:topic/ru/one")
    gold = {
        "window": len(TEXT),
        "articles": [{"ref": article.ref, "mentions": slavic_ner.gold_mentions(article, len(TEXT))}],
    }
    with pytest.raises(GoldError, match="SlavicNER"):
        load_articles(gold, tmp_path / "no-pairs.jsonl")
    articles = load_articles(gold, tmp_path / "no-pairs.jsonl", root)
    result = score(gold, articles)
    assert result["gold_mentions"] == 3
    found = {m.surface for m in articles[article.ref].entities}
    assert result["mention_recall"] == pytest.approx(
        sum(s in found for s in ("Сергей Лавров", "Берлин", "ЕС")) / 3, abs=1e-3
    )
    assert result["system_entities_joining_referents"] == 0
    # with the product's gold mention removed, a system mention of it counts against precision
    without = {**gold, "articles": [{**gold["articles"][0], "mentions": gold["articles"][0]["mentions"][:3]}]}
    if "Nord Stream" in found:
        assert score(without, articles)["mention_precision"] < result["mention_precision"]
