"""Cross-script keys for names: one key for Лавров, Lavrov and Лаврова (after lemmatising).

The key is a phonetic skeleton of the Latin transliteration: consonant classes that survive
transliteration (Тръмп / Трамп / Trump -> "trmp"), vowels dropped after the first letter.
It is deliberately coarse: it links spellings across scripts and leaves the decision of
whether two articles share an entity to the evidence that weighs it (rare keys count more).
"""

from __future__ import annotations

import re

from anyascii import anyascii

# Order matters: longer spellings before their parts.
_SPELLINGS = (
    ("shch", "st"),
    ("sht", "st"),
    ("dzh", "j"),
    ("sch", "s"),
    ("tch", "c"),
    ("sh", "s"),
    ("zh", "j"),
    ("ch", "c"),
    ("kh", "h"),
    ("ts", "c"),
    ("tz", "c"),
    ("ph", "f"),
    ("ck", "k"),
    ("th", "t"),
    ("w", "v"),
    ("q", "k"),
    ("x", "ks"),
    ("g", "h"),
    ("z", "s"),
    ("c", "k"),
)
_VOWELS = set("aeiouy")
_NOT_LETTER = re.compile(r"[^a-z]")


def latin(text: str) -> str:
    """A readable Latin-script form of any name (apostrophes for hard signs dropped)."""
    return anyascii(text).replace("'", "").replace("`", "")


def name_key(word: str) -> str:
    """The phonetic skeleton of one (already lemmatised) word; '' when nothing is left."""
    spelled = _NOT_LETTER.sub("", latin(word).lower())
    if not spelled:
        return ""
    for written, sound in _SPELLINGS:
        spelled = spelled.replace(written, sound)
    head = "a" if spelled[0] in _VOWELS or spelled[0] in "ij" else spelled[0]
    skeleton = [head]
    for letter in spelled[1:]:
        if letter in _VOWELS or letter in "ij":
            continue
        if letter != skeleton[-1]:
            skeleton.append(letter)
    return "".join(skeleton)


def last_word_key(name: str) -> str:
    """The key of a written name's last word (a person's surname, an outlet's one word): how a source
    the text names ("Тръмп заяви") is matched with the article's entities; '' for no word."""
    words = name.split()
    return name_key(words[-1]) if words else ""


def acronym_key(word: str) -> str:
    """Acronyms keep every letter (США -> "#ssha", NATO -> "#nato"): vowels carry their identity."""
    spelled = _NOT_LETTER.sub("", latin(word).lower())
    return "#" + spelled if spelled else ""
