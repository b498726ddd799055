"""Near-duplicates: syndicated copies and re-posts, by MinHash over word shingles.

Reads ``text``; writes ``signature`` and ``duplicate_of`` (the id of the earlier copy). The
signature's bands are looked up in an index (the store's, so detection resumes across runs)
and candidates are confirmed by their estimated Jaccard similarity.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from typing import Protocol

import numpy as np

from storyline.models import Article
from storyline.settings import DuplicateSettings

_WORD = re.compile(r"\w+")


class SignatureIndex(Protocol):
    """Where earlier signatures live: band hashes to (article id, signature)."""

    def signature_candidates(self, band_hashes: Sequence[int]) -> Iterable[tuple[str, np.ndarray]]: ...


def minhash_signature(text: str, settings: DuplicateSettings) -> np.ndarray:
    words = _WORD.findall(text.lower())
    size = settings.shingle_words
    shingles = {" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))}
    from datasketch import MinHash  # here: the package imports scipy, which commands that store nothing never need

    minhash = MinHash(num_perm=settings.permutations, seed=1)
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles])
    return np.asarray(minhash.hashvalues, dtype=np.uint64)


def band_hashes(signature: np.ndarray, bands: int) -> list[int]:
    """One stable 63-bit hash per band (band number mixed in), fitting SQLite integers."""
    rows = len(signature) // bands
    hashes = []
    for band in range(bands):
        chunk = band.to_bytes(2, "little") + signature[band * rows : (band + 1) * rows].tobytes()
        hashes.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little") >> 1)
    return hashes


def estimated_jaccard(left: np.ndarray, right: np.ndarray) -> float:
    return float(np.mean(left == right))


def mark_near_duplicates(
    articles: Sequence[Article], index: SignatureIndex, settings: DuplicateSettings
) -> list[Article]:
    """Sign every article and point copies at the earliest article they copy."""
    out: list[Article] = []
    batch_bands: dict[int, list[tuple[str, np.ndarray]]] = {}
    for article in articles:
        signature = minhash_signature(article.text, settings)
        bands = band_hashes(signature, settings.bands)
        candidates = list(index.signature_candidates(bands))
        candidates += [pair for band in bands for pair in batch_bands.get(band, [])]
        original = _best_original(signature, candidates, settings.min_jaccard)
        out.append(article.evolve(signature=signature, duplicate_of=original))
        for band in bands:
            batch_bands.setdefault(band, []).append((article.id, signature))
    return out


def _best_original(signature: np.ndarray, candidates: list[tuple[str, np.ndarray]], min_jaccard: float) -> str | None:
    best_id, best = None, min_jaccard
    for candidate_id, candidate in candidates:
        similarity = estimated_jaccard(signature, candidate)
        if similarity >= best:
            best_id, best = candidate_id, similarity
    return best_id
