"""Drop web boilerplate that survived extraction, and characters no text field should hold.

Reads ``text``; writes ``text``, ``preamble`` (leading non-article lines, kept so that the
dates stage can read a dateline there) and ``boilerplate_removed``. Every text field (and the
metadata's strings) loses control characters other than tab and line breaks (NUL cannot be
stored by PostgreSQL, and none of them is text), and lone surrogates from broken JSON escapes
become U+FFFD. The text and title lose their mojibake ("MÃ¼nchen" is München; ``repaired``).

The rules are structural, so they work in any language: bare timestamps and counters,
listing blocks (a headline followed by a timestamp, as in "related news" lists), a tail of
short unpunctuated lines after the last paragraph, a small multilingual lexicon of
interface phrases (share, comments, video of the day, ...), and the editors' codes a wire
story is signed with after its last full stop ("./tas/DP/mis").

A glossary tooltip that a page flattened into its text ("колега Сергей ЛавровСергей Викторович
Лавров е руски дипломат...") is told by its shape: a name glued, without a space, to a
capitalised word that repeats it within a few words. HTML input loses such widgets before
extraction (``ingest/html.py``); in text their end cannot be told, so the tooltip is set apart
as a sentence of its own: the name before it stays whole and the story's title ends there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storyline.models import Article

_TIMESTAMP = re.compile(
    r"^[\W_]*(\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}|\d{1,2}\s+\w+\.?\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4})"
    r"[\s|,:\-]*(\d{1,2}[:.]\d{2}([:.]\d{2})?)?[\s|]*(\d{1,2}[:.]\d{2})?\W*$"
)
_GLUED_TIME = re.compile(r"^\d{1,2}\s+\w+\s+\d{4}\d{1,2}:\d{2}$")  # "19 ноември 202414:00"
_COUNTER = re.compile(r"^[\W_]*\d*[\W_]*$")  # "-", "- 3748", "•", "12"
_SENTENCE_END = re.compile(r"[.!?…:;\"'»”)\]]\s*$")
# Interface phrases that are never article text. Kept short and language-tagged.
_UI_PHRASES = re.compile(
    r"^("
    r"related( news| articles| stories)?|read (more|also)|see also|share( this)?|comments?( \d+)?|"
    r"add (a )?comment|follow us.*|subscribe.*|advertisement|video of the day|most read|top stories|"
    r"(start|view|open) (the )?(slideshow|gallery|photo gallery)|"
    r"свързани новини|прочетете (още|също)|коментари( \d+)?|добави( коментар)?|водещи новини|"
    r"последвайте (ни|канала).*|реклама|"
    r"читайте (также|еще|ещё).*|похожие новости|комментарии( \d+)?|поделиться|реклама|видео дня|"
    r"читайте також.*|вас також можуть зацікавити.*|коментарі( \d+)?|відео дня|поділитися|"
    r"lesen sie auch.*|mehr zum thema.*|kommentare( \d+)?|teilen|werbung|"
    r"lire aussi.*|à lire aussi.*|partager|publicité|"
    r"lea también.*|compartir|publicidad|"
    r"czytaj (też|także|więcej).*|udostępnij|reklama|"
    r"ilgili haberler|paylaş|reklam"
    r")\W*$",
    re.IGNORECASE,
)
_TOOLTIP_HEAD_WORDS = 4  # the tooltip's headword repeats the name within this many words
_MIN_ANCHOR_LETTERS = 3
_LONG_LINE_WORDS = 25
_TAIL_PROSE_WORDS = 6
_TAIL_MAX_PROSE_SHARE = 0.25


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Mojibake's signature: a UTF-8 lead byte read as Latin-1 or Windows-1252 ("Ã", "Ð", "â") followed by a
# continuation byte read the same way ("¼", "¤", "€", "™"): "MÃ¼nchen" for München, "Ð¡ÐµÑ€Ð³ÐµÐ¹" for
# Сергей. Only a text that shows it is handed to ftfy, which decides whether it is mojibake.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_REPAIRED_FIELDS = ("text", "title")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_TEXT_FIELDS = ("id", "text", "title", "url", "path", "source")


def clean_text(articles: Sequence[Article]) -> list[Article]:
    """Remove unstorable characters from every text field, and boilerplate lines from the text."""
    return [_clean_one(_plain_fields(article)) for article in articles]


def plain(text: str) -> str:
    """``text`` without control characters (but tab and line breaks) and lone surrogates."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))


def repaired(text: str) -> str:
    """``text`` with its mojibake undone (UTF-8 read as Latin-1 or Windows-1252, as feeds and pages with a
    wrong charset deliver it: "MÃ¼nchen" is München) by ftfy, which changes nothing else here: quotes,
    ligatures, widths, line breaks, entities and the Unicode form stay as written."""
    if not _MOJIBAKE.search(text):
        return text
    import ftfy  # imported where a text shows the signature: most never do

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    return ftfy.fix_text(text, config)


def _plain_fields(article: Article) -> Article:
    changes: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value = getattr(article, name)
        if not isinstance(value, str):
            continue
        fixed = repaired(plain(value)) if name in _REPAIRED_FIELDS else plain(value)
        if fixed != value:
            changes[name] = fixed
    metadata = _plain_value(article.metadata)
    if metadata != article.metadata:
        changes["metadata"] = metadata
    return article.evolve(**changes) if changes else article


def _plain_value(value: Any) -> Any:
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, dict):
        return {plain(str(key)): _plain_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain_value(item) for item in value]
    return value


def _clean_one(article: Article) -> Article:
    lines = [line.strip() for line in article.text.splitlines()]
    kinds = [_line_kind(line) for line in lines]
    _mark_listings(lines, kinds)
    start = _first_body_line(kinds)
    end = _last_body_line(kinds, lines, start)
    if start > end:  # nothing looked like prose: keep everything rather than lose the article
        return article
    body = [
        line
        for line, kind in zip(lines[start : end + 1], kinds[start : end + 1], strict=True)
        if kind not in ("ui", "timestamp", "counter", "listing")
    ]
    preamble = "\n".join(line for line in lines[:start] if line)
    removed = sum(1 for line in lines if line) - sum(1 for line in body if line)
    text = "\n".join(body).strip()
    text = re.sub(r"\n{3,}", "\n\n", text)
    text, tooltips = split_glued_tooltips(text)
    text, signatures = _EDITORS_CODES.subn("", text)
    return article.evolve(text=text, preamble=preamble, boilerplate_removed=removed + tooltips + signatures)


# the desk's and editors' codes a wire service signs a story with, right after its last full stop
# ("... bekanntgegeben werden./tas/DP/mis", "./jbz/jac/lkl/DP/ea"): no words of the text ("DP" was read as
# an organisation in ten of the dev pairs' German articles)
_EDITORS_CODES = re.compile(r"(?<=[.!?])(?:/[^\W\d_]{1,4}){2,}(?=\s|$)")


_WORD = re.compile(r"\S+")


def split_glued_tooltips(text: str) -> tuple[str, int]:
    """``text`` with each glued tooltip set apart as a sentence of its own, and how many there were."""
    words = list(_WORD.finditer(text))
    cuts = [
        word.start() + glue
        for index, word in enumerate(words)
        if (glue := _tooltip_glue(word.group(), [w.group() for w in words[index + 1 : index + _TOOLTIP_HEAD_WORDS]]))
    ]
    for cut in reversed(cuts):
        text = text[:cut] + ". " + text[cut:]
    return text, len(cuts)


def _tooltip_glue(word: str, following: list[str]) -> int:
    """Where a tooltip is glued into ``word`` (0 for none): a lowercase letter directly followed by a
    capital, where the capitalised part or the next words repeat the name before the glue."""
    for index in range(_MIN_ANCHOR_LETTERS, len(word) - 1):
        before, after = word[index - 1], word[index]
        if not (before.isalpha() and before.islower() and after.isalpha() and after.isupper()):
            continue
        anchor = _letters(word[:index]).casefold()
        if len(anchor) < _MIN_ANCHOR_LETTERS or not _letters(word[:index])[:1].isupper():
            continue
        stem = anchor[: max(_MIN_ANCHOR_LETTERS, len(anchor) - 2)]
        head = [_letters(word[index:]), *(_letters(w) for w in following)]
        if any(part.casefold().startswith(stem) for part in head):
            return index
    return 0


def _letters(word: str) -> str:
    return "".join(ch for ch in word if ch.isalpha() or ch == "-")


def _line_kind(line: str) -> str:
    if not line:
        return "blank"
    if _GLUED_TIME.match(line) or _TIMESTAMP.match(line):
        return "timestamp"
    if _COUNTER.match(line):
        return "counter"
    if _UI_PHRASES.match(line):
        return "ui"
    if _SENTENCE_END.search(line) or len(line.split()) >= _LONG_LINE_WORDS:
        return "prose"
    return "short"


def _mark_listings(lines: list[str], kinds: list[str]) -> None:
    """A line directly followed by a timestamp is a headline in a listing, not article text."""
    for index in range(len(lines) - 1):
        if kinds[index + 1] == "timestamp" and kinds[index] in ("prose", "short"):
            kinds[index] = "listing"


def _first_body_line(kinds: list[str]) -> int:
    for index, kind in enumerate(kinds):
        if kind in ("prose", "short"):
            return index
    return len(kinds)


def _last_body_line(kinds: list[str], lines: list[str], start: int) -> int:
    """The last prose line before the boilerplate tail.

    The tail starts at the first interface phrase or listing after which hardly any long
    prose follows; short unpunctuated lines just before it are navigation, not text.
    """
    end = len(kinds)
    for index in range(start, len(kinds)):
        if kinds[index] in ("ui", "listing") and _is_boilerplate_tail(kinds[index:], lines[index:]):
            end = index
            break
    for index in range(end - 1, start - 1, -1):
        if kinds[index] == "prose":
            return index
    return -1


def _is_boilerplate_tail(kinds: list[str], lines: list[str]) -> bool:
    content = [(kind, line) for kind, line in zip(kinds, lines, strict=True) if kind != "blank"]
    long_prose = sum(1 for kind, line in content if kind == "prose" and len(line.split()) >= _TAIL_PROSE_WORDS)
    return long_prose <= _TAIL_MAX_PROSE_SHARE * len(content)
