"""Dated statements: sentences that say when something happened, and who says so.

Reads ``text``, ``language``, ``published``, ``entities`` and ``source``; writes
``statements``. Only the cleaned text is read (never the preamble the clean stage removed,
where a page's own date and view counters live). A relative expression ("в четвъртък",
"yesterday") is kept only when the article has a publication date to resolve it against.
A day and month without a year ("15 серпня") is kept with its year unknown when the article
is undated; the timeline gives it the year from the story's dates.

Each statement's sources are the names the sentence itself gives ("Тръмп заяви"), then the
sources the article's lead gives for the whole article ("..., съобщи CNN").
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.models import Article, DatedStatement, EntityMention
from storyline.stages.attribution import find_sources
from storyline.stages.chinese import has_han
from storyline.stages.date_expressions import find_expressions, resolve
from storyline.stages.entities import double_surnames, keys_in_sentence, split_sentences
from storyline.stages.keys import last_word_key

MAX_STATEMENT_CHARS = 400
LEAD_SENTENCES = 2
MAX_YEARS_AHEAD = 2


def find_statements(articles: Sequence[Article]) -> list[Article]:
    """Set ``statements`` on every article."""
    return [article.evolve(statements=dated_statements(article)) for article in articles]


def dated_statements(article: Article) -> tuple[DatedStatement, ...]:
    sentences = split_sentences(article.text, article.language)
    lead_sources = _canonical(
        [name for sentence in sentences[:LEAD_SENTENCES] for name in find_sources(sentence, article.language)],
        article.entities,
    )
    article_keys = {mention.key for mention in article.entities}
    glossed = _glossed_keys(article.entities)
    surnames = double_surnames((article.title or "") + "\n" + article.text, article.language)
    statements: list[DatedStatement] = []
    for position, sentence in enumerate(sentences):
        expressions = find_expressions(sentence, article.language)
        if not expressions:
            continue
        sources = list(
            dict.fromkeys(_canonical(find_sources(sentence, article.language), article.entities) + lead_sources)
        )
        found = keys_in_sentence(sentence, article.language, surnames)
        keys = tuple(sorted({glossed.get(key, key) for key in found} & article_keys))
        seen: set[tuple[object, ...]] = set()
        for expression in expressions:
            date = resolve(expression, article.published)
            if expression.relative and date is None:
                continue  # no reference date: a relative expression cannot be placed
            if date is None and expression.month is None:
                continue
            if date is not None and not _plausible(date.year, article):
                continue
            identity = (date, expression.precision, expression.month, expression.day)
            if identity in seen:
                continue
            seen.add(identity)
            statements.append(
                DatedStatement(
                    article_id=article.id,
                    position=position,
                    text=_shorten(sentence),
                    expression=expression.text,
                    precision=expression.precision,
                    date=date,
                    month=expression.month if expression.year is None else None,
                    day=expression.day if expression.year is None else None,
                    relative=expression.relative,
                    sources=tuple(sources),
                    entity_keys=keys,
                )
            )
    return tuple(statements)


def _plausible(year: int, article: Article) -> bool:
    latest = (article.published.year if article.published else 2100) + MAX_YEARS_AHEAD
    return year <= latest


def _canonical(names: list[str], mentions: Sequence[EntityMention]) -> list[str]:
    """Source names in their dictionary form where the article names them as entities ("Трампа" -> "Дональд Трамп")."""
    by_key = {mention.key: mention.lemma or mention.surface for mention in mentions if ":" not in mention.key}
    glossed = _glossed_keys(mentions)  # a Chinese name keyed as the Latin gloss its article gives it
    canonical: list[str] = []
    for name in names:
        key = last_word_key(name)
        chosen = by_key.get(glossed.get(key, key), name)
        if chosen not in canonical:
            canonical.append(chosen)
    return canonical


def _glossed_keys(mentions: Sequence[EntityMention]) -> dict[str, str]:
    """The key a Chinese name has alone (its characters) -> the key of the Latin gloss its article
    gives it ("斯塔默（Keir Starmer）": 斯塔默 -> strmr), for the sentences that write it without the gloss."""
    return {
        last_word_key(mention.surface): mention.key
        for mention in mentions
        if ":" not in mention.key and has_han(mention.surface) and not has_han(mention.key)
    }


def _shorten(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= MAX_STATEMENT_CHARS else sentence[: MAX_STATEMENT_CHARS - 1].rstrip() + "…"
