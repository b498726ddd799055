"""Precision and recall of entity mentions and of cross-language entity links on a hand-made gold set
(``benchmarks/entity_gold.json``; run ``python benchmarks/entity_quality.py``).

The gold file lists, for the first ``window`` characters of each article, every person,
organisation and place named there (once per article) with a canonical name shared across
articles. A gold mention is found when a system mention in the same article shares a word
with it (up to inflection: one word starts with the other, or they share all but their last
two letters). Links are scored over pairs of gold mentions of the same entity in articles of
different languages: found when both mentions are found and linked to one entity. Where several
system mentions share a word with a gold one, it is scored against the most alike (``best_hit``).
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from anyascii import anyascii

from storyline.evaluation import slavic_ner
from storyline.grouping.entities import MentionRow, link_entities
from storyline.ingest.text import read_text
from storyline.models import Article, EntityMention
from storyline.settings import Settings
from storyline.stages.clean import clean_text
from storyline.stages.entities import extract_entities
from storyline.stages.language import detect_language

SEEDS = Path(__file__).resolve().parent.parent / "samples"
# Events and products: gold mentions the system may find without a fault (precision), but the goals
# of recall, types and links are about people, organisations and places.
MISC = "misc"
_APOSTROPHE_TAIL = re.compile(r"['’].*$")
_PAIR_REF = re.compile(r"pair:(?P<id>[^:@]+)(?:@(?P<record>[0-9]+))?:(?P<side>[ab])")


class GoldError(RuntimeError):
    """The gold set cannot be scored; the message says why."""


def load_gold(path: Path) -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return gold


def load_articles(gold: dict[str, Any], pairs_path: Path, slavic_root: Path | None = None) -> dict[str, Article]:
    """The gold set's articles with the system's entity mentions: seeds from the bundled samples,
    ``pair:`` articles from the labeled pairs at ``pairs_path``, ``slavicner:`` ones from a clone of
    SlavicNER at ``slavic_root`` (evaluation/slavic_ner.py)."""
    window = gold["window"]
    pairs: dict[str, list[dict[str, Any]]] = {}
    if any(a["ref"].startswith("pair:") for a in gold["articles"]):
        if not pairs_path.exists():
            raise GoldError(f"{pairs_path}: not found (the pair articles of the gold set are read from it)")
        for line in pairs_path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            pairs.setdefault(record["id"], []).append(record)
    seeds = sorted(SEEDS.glob("*.txt"))
    articles: dict[str, Article] = {}
    for item in gold["articles"]:
        ref = item["ref"]
        if ref.startswith("seed:"):
            (path,) = [p for p in seeds if p.name.startswith(ref[5:])]
            (article,) = detect_language(
                clean_text([read_text(path.read_text(encoding="utf-8"), str(path))]), Settings().languages
            )
            articles[ref] = Article(id=ref, text=first_characters(article.text, window), language=article.language)
        elif ref.startswith(slavic_ner.PREFIX):
            if slavic_root is None:
                raise GoldError(f"{ref}: the gold set reads SlavicNER articles; say where its clone is")
            try:
                slavic = slavic_ner.read_article(slavic_root, ref)
            except slavic_ner.SlavicNerError as error:
                raise GoldError(str(error)) from error
            articles[ref] = Article(id=ref, text=first_characters(slavic.text, window), language=slavic.language)
        else:
            record = pair_article(pairs, ref, pairs_path)
            articles[ref] = Article(id=ref, text=first_characters(record["text"], window), language=record["lang"])
        check_surfaces(item, articles[ref].text, window)
    return {article.id: article for article in extract_entities(list(articles.values()))}


def pair_article(pairs: dict[str, list[dict[str, Any]]], ref: str, path: Path) -> dict[str, Any]:
    """The article a ``pair:ID:SIDE`` reference names. The pair file holds some pairs twice, each time
    with other texts (a lead as published and one translated there and back): such a pair's reference
    names the record its annotation was made on, ``pair:ID@N:SIDE`` (N counts from 1 in file order)."""
    match = _PAIR_REF.fullmatch(ref)
    if match is None:
        raise GoldError(f"{ref}: not a pair reference (pair:ID:a, or pair:ID@N:a where the file holds ID N times)")
    pair_id, number, side = match.group("id"), match.group("record"), match.group("side")
    records = pairs.get(pair_id)
    if not records:
        raise GoldError(f"{ref}: pair {pair_id} is not in {path}")
    if number is None:
        if len({record[side]["text"] for record in records}) > 1:
            raise GoldError(
                f"{ref}: pair {pair_id} appears {len(records)} times in {path} with other texts;"
                f" name the one annotated as pair:{pair_id}@N:{side}"
            )
        return records[0][side]
    if not 1 <= int(number) <= len(records):
        raise GoldError(f"{ref}: pair {pair_id} appears {len(records)} times in {path}, not {number}")
    return records[int(number) - 1][side]


def check_surfaces(item: dict[str, Any], text: str, window: int) -> None:
    """Every surface a gold mention lists is written in its article's window: an annotation of another
    text (or of words past the window) would count as a miss whatever the system does."""
    for mention in item["mentions"]:
        for surface in _surfaces(mention):
            if surface not in text:
                raise GoldError(
                    f"{item['ref']}: the gold mention {surface!r} is not in the article's first {window} characters"
                )


def first_characters(text: str, window: int) -> str:
    """The first ``window`` characters, with the word the window ends in kept whole (a change that
    moves the text by a character must not cut a name in two)."""
    end = window
    while end < len(text) and not text[end].isspace() and text[end - 1 : end].isalnum():
        end += 1
    return text[:end]


def words_match(first: str, second: str) -> bool:
    """Whether two words are one name's word: one opens the other, or they share all but their last two
    letters (case endings); an abbreviation's full stops do not count ("U.S." is the entity stage's "US")."""
    a, b = first.casefold().replace(".", ""), second.casefold().replace(".", "")
    if len(a) < 2 or len(b) < 2:
        return False
    if a.startswith(b) or b.startswith(a):
        return True
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= max(4, min(len(a), len(b)) - 2)


def mentions_match(gold_surface: str, system_surface: str) -> bool:
    return any(
        words_match(g, s)
        for g in gold_surface.replace("-", " ").split()
        for s in system_surface.replace("-", " ").split()
    )


def gold_hits(gold: list[Any], system: list[EntityMention]) -> list[EntityMention]:
    """The system mentions that find a gold mention: those sharing a word with any of its surfaces (an
    article's mentions of one entity are merged under one surface: the gold "РФ" is found as the
    system's "России" where the gold lists both)."""
    return [m for m in system if any(mentions_match(surface, m.surface) for surface in _surfaces(gold))]


def is_gold_mention(system_surface: str, gold_mentions: list[list[Any]]) -> bool:
    """Whether a system mention is one of the article's gold mentions: shares a word with a gold mention's
    surface, or with one of the other surfaces the gold mention lists as a fourth field (the corpus
    writes "Великобритания" first and "Обединеното кралство" later for the same country)."""
    return any(mentions_match(surface, system_surface) for gold in gold_mentions for surface in _surfaces(gold))


def _surfaces(gold: list[Any]) -> list[str]:
    """A gold mention's surface and the other ways its article writes it (an optional fourth field)."""
    return [gold[0], *other_surfaces(gold)]


def other_surfaces(gold: list[Any]) -> list[str]:
    """The other ways a gold mention's article writes it, as the gold lists them (none where it lists none)."""
    return list(gold[3]) if len(gold) > 3 else []


def best_hit(gold_surface: str, hits: list[EntityMention], others: Sequence[str] = ()) -> EntityMention:
    """The system mention a gold mention is scored against: the one whose words are most alike (the
    gold "États-Unis" is the system's "États Unis", not its "Organisation des États"), then the most
    frequent. A gold acronym's letters say nothing of how alike a spelled-out name is: it is compared by
    the other ways the gold says its article writes it (``others``), where it lists any (the gold "ЕК" that
    lists "Европейската комисия (ЕК)" is the system's "Европейската комисия", whose mention took the
    acronym in, not its "Европейския съюз")."""
    surfaces = list(others) if gold_surface.isupper() and others else [gold_surface]
    return max(
        hits, key=lambda mention: (max(likeness(surface, mention.surface) for surface in surfaces), mention.count)
    )


def likeness(gold_surface: str, system_surface: str) -> float:
    """How alike two written names are, 0 to 1: each word's best share of letters it opens with in
    common with a word of the other name (possessives and suffixes after an apostrophe dropped), over
    the words of both."""
    first, second = _plain_words(gold_surface), _plain_words(system_surface)
    if not first or not second:
        return 0.0
    shares = [max(_shared_start(a, b) for b in second) for a in first]
    shares += [max(_shared_start(a, b) for a in first) for b in second]
    return sum(shares) / len(shares)


def _plain_words(surface: str) -> list[str]:
    return [_APOSTROPHE_TAIL.sub("", word).casefold() for word in surface.replace("-", " ").split()]


def _shared_start(a: str, b: str) -> float:
    return len(os.path.commonprefix([a, b])) / max(len(a), len(b), 1)


def score(gold: dict[str, Any], articles: dict[str, Article]) -> dict[str, Any]:
    found_gold = 0
    matched: dict[tuple[str, int], tuple[str, str]] = {}  # (article, gold index) -> system (key, given)
    total_gold = 0
    correct_system = 0
    total_system = 0
    typed_right = 0
    for item in gold["articles"]:
        article = articles[item["ref"]]
        system = list(article.entities)
        total_system += len(system)
        correct_system += sum(1 for m in system if is_gold_mention(m.surface, item["mentions"]))
        for index, (surface, kind, _entity, *_others) in enumerate(item["mentions"]):
            if kind == MISC:
                continue
            total_gold += 1
            hits = gold_hits(item["mentions"][index], system)
            if hits:
                found_gold += 1
                best = best_hit(surface, hits, other_surfaces(item["mentions"][index]))
                typed_right += best.kind == kind
                matched[(item["ref"], index)] = (best.key, best.given)
    rows = [
        MentionRow(a.id, None, m.key, m.given, m.kind, m.surface, m.lemma, m.count, a.language)
        for a in articles.values()
        for m in a.entities
    ]
    entities, links = link_entities(rows)
    link_recall, link_precision = _link_scores(gold, articles, matched, links)
    shown = _names_shown(gold, matched, links, {entity.identity: entity.name for entity in entities})
    types_shown = _types_shown(gold, matched, links, {entity.identity: entity.kind for entity in entities})
    joined = _referents_joined(gold, matched, links)
    return {
        "articles": len(gold["articles"]),
        "languages": sorted({a.language or "?" for a in articles.values()}),
        "gold_mentions": total_gold,
        "system_mentions": total_system,
        "mention_precision": round(correct_system / total_system, 3) if total_system else None,
        "mention_recall": round(found_gold / total_gold, 3) if total_gold else None,
        "type_accuracy_of_found": round(typed_right / found_gold, 3) if found_gold else None,
        "type_accuracy_shown": types_shown,
        **link_recall,
        **link_precision,
        **shown,
        **joined,
    }


def _referents_joined(
    gold: dict[str, Any], matched: dict[tuple[str, int], tuple[str, str]], links: dict[tuple[str, str, str], str]
) -> dict[str, int]:
    """The merge audit on the gold set: of the system's entities that found gold mentions, how many
    join gold mentions of different entities (Yandex and the Body Mass Index as one)."""
    referents: dict[str, set[str]] = {}
    for item in gold["articles"]:
        for index, (_surface, _kind, entity, *_others) in enumerate(item["mentions"]):
            if (item["ref"], index) in matched:
                referents.setdefault(links[(item["ref"], *matched[(item["ref"], index)])], set()).add(entity)
    return {
        "system_entities_found": len(referents),
        "system_entities_joining_referents": sum(len(found) > 1 for found in referents.values()),
    }


def _names_shown(
    gold: dict[str, Any],
    matched: dict[tuple[str, int], tuple[str, str]],
    links: dict[tuple[str, str, str], str],
    names: dict[str, str],
) -> dict[str, Any]:
    """How many of the gold entities found are shown under their usual English name (the gold set's
    canonical name): the entity most of their found mentions link to, its display name compared
    letters only, case and accents aside ("Côte d’Ivoire" is "Cote dIvoire")."""
    identities: dict[str, Counter[str]] = {}
    for item in gold["articles"]:
        for index, (_surface, _kind, entity, *_others) in enumerate(item["mentions"]):
            if (item["ref"], index) in matched:
                identity = links[(item["ref"], *matched[(item["ref"], index)])]
                identities.setdefault(entity, Counter())[identity] += 1
    right = sum(_letters(names[found.most_common(1)[0][0]]) == _letters(entity) for entity, found in identities.items())
    return {
        "gold_entities_found": len(identities),
        "english_names": round(right / len(identities), 3) if identities else None,
    }


def _types_shown(
    gold: dict[str, Any],
    matched: dict[tuple[str, int], tuple[str, str]],
    links: dict[tuple[str, str, str], str],
    kinds: dict[str, str],
) -> float | None:
    """The type a reader sees: of the gold mentions found (``misc`` aside), the share whose entity, linked
    over all the articles, has the gold type. ``type_accuracy_of_found`` scores each mention's own type, which
    one article decides; an entity takes the type its articles give it (docs/entities.md), so an
    organisation one Polish article leaves untyped is still shown as one where another types it."""
    right = found = 0
    for item in gold["articles"]:
        for index, (_surface, kind, _entity, *_others) in enumerate(item["mentions"]):
            if kind != MISC and (item["ref"], index) in matched:
                found += 1
                right += kinds[links[(item["ref"], *matched[(item["ref"], index)])]] == kind
    return round(right / found, 3) if found else None


def _letters(name: str) -> str:
    return "".join(char for char in anyascii(name).casefold() if char.isalnum())


def _link_scores(
    gold: dict[str, Any],
    articles: dict[str, Article],
    matched: dict[tuple[str, int], tuple[str, str]],
    links: dict[tuple[str, str, str], str],
) -> tuple[dict[str, Any], dict[str, Any]]:
    gold_items = [
        (item["ref"], index, entity)
        for item in gold["articles"]
        for index, (_s, kind, entity, *_others) in enumerate(item["mentions"])
        if kind != MISC
    ]
    cross = [
        (first, second)
        for i, first in enumerate(gold_items)
        for second in gold_items[i + 1 :]
        if first[2] == second[2] and articles[first[0]].language != articles[second[0]].language
    ]
    linked = 0
    for first, second in cross:
        a, b = matched.get(first[:2]), matched.get(second[:2])
        if a and b and links[(first[0], *a)] == links[(second[0], *b)]:
            linked += 1
    # Precision: of the found gold mentions in different languages that the system links, how many are one entity.
    system_links = 0
    right_links = 0
    found = [(ref, index, entity) for (ref, index, entity) in gold_items if (ref, index) in matched]
    for i, first in enumerate(found):
        for second in found[i + 1 :]:
            if articles[first[0]].language == articles[second[0]].language:
                continue
            if links[(first[0], *matched[first[:2]])] == links[(second[0], *matched[second[:2]])]:
                system_links += 1
                right_links += first[2] == second[2]
    return (
        {"cross_language_gold_links": len(cross), "link_recall": round(linked / len(cross), 3) if cross else None},
        {
            "cross_language_system_links": system_links,
            "link_precision": round(right_links / system_links, 3) if system_links else None,
        },
    )
