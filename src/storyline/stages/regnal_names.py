"""Monarchs and popes named by a first name and a Roman number: "Charles III", "Elizabeth II", "Leo XIV",
"Juan Pablo II", "Карл III".

Such a name is one person whom the first name alone does not tell apart (every Charles), and whose first
name may also be a place's (Elizabeth, New Jersey; León, Mexico) or, in Slavic text, take a case ending
("папой Львом XIV"). The number is the name's surname: the person is keyed by the first name's key with
the number (``regnal_key``: "Charles III" and "Carlos III" share it, "Charles II" does not), and shown as
written with the first name in its dictionary form.

Only the numbers II to XXXIX count: "I", "V" and "X" alone are far more often a pronoun, a letter or a
brand than a king's number.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

LONGEST_FIRST_NAME = 2  # words: "Juan Pablo II", "Jan Paweł II"
_ROMAN_NUMBER = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")


@dataclass(frozen=True)
class RegnalName:
    first: tuple[str, ...]  # the first name's words as written ("Juan", "Pablo")
    number: str  # "II"
    start: int  # the words of the whole name, number included, in the sentence's words
    end: int


def is_regnal_number(word: str) -> bool:
    """A Roman number from II to XXXIX, in capitals."""
    return len(word) >= 2 and _ROMAN_NUMBER.fullmatch(word) is not None


def find_regnal_names(words: list[str], broken: list[bool], is_first_name: Callable[[str], bool]) -> list[RegnalName]:
    """The names of one sentence's ``words`` made of one or two first names and a Roman number right after
    them (``broken[i]``: punctuation separates word ``i`` from the one before; no name crosses it).
    ``is_first_name(word)``: whether a capitalised word is a first name, in any case form."""
    found = []
    for index, word in enumerate(words):
        if index == 0 or broken[index] or not is_regnal_number(word):
            continue
        start = index
        while (
            start > 0
            and index - start < LONGEST_FIRST_NAME
            and (start == index or not broken[start])
            and words[start - 1][:1].isupper()
            and not words[start - 1].isupper()
            and is_first_name(words[start - 1])
        ):
            start -= 1
        if start < index:
            found.append(RegnalName(tuple(words[start:index]), word, start, index + 1))
    return found


def regnal_key(first_name_key: str, number: str) -> str:
    """The key of a first name with a number: its first name's phonetic key and the number ("krls+iii")."""
    return f"{first_name_key}+{number.casefold()}"
