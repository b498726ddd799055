from collections.abc import Iterable, Sequence

import numpy as np

from storyline.models import Article
from storyline.settings import DuplicateSettings
from storyline.stages.duplicates import mark_near_duplicates

BODY = " ".join(f"word{i} sentence part {i % 7} of the long syndicated wire story" for i in range(60))


class EmptyIndex:
    def signature_candidates(self, band_hashes: Sequence[int]) -> Iterable[tuple[str, np.ndarray]]:
        return []


def test_duplicates_syndicated_copy_points_at_original() -> None:
    original = Article(id="orig", text=BODY)
    copy = Article(id="copy", text=BODY.replace("word5 ", "word5 slightly edited "))
    other = Article(id="other", text="A completely different article about something else entirely, with other words.")
    out = mark_near_duplicates([original, copy, other], EmptyIndex(), DuplicateSettings())
    assert [a.duplicate_of for a in out] == [None, "orig", None]


def test_duplicates_found_through_the_index() -> None:
    settings = DuplicateSettings()
    (signed,) = mark_near_duplicates([Article(id="orig", text=BODY)], EmptyIndex(), settings)

    class Index:
        def signature_candidates(self, band_hashes: Sequence[int]) -> Iterable[tuple[str, np.ndarray]]:
            assert signed.signature is not None
            return [("orig", signed.signature)]

    (later,) = mark_near_duplicates([Article(id="later", text=BODY)], Index(), settings)
    assert later.duplicate_of == "orig"
