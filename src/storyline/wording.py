"""How counts and dates read in the CLI and on the pages: "1 story", "3 stories"."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """The count with its word, singular for exactly one: "1 article", "2 articles", "4 stories"."""
    if count == 1:
        return f"1 {word}"
    if many is None:
        many = word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u") else word + "s"
    return f"{count} {many}"
