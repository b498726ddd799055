"""Near-duplicates: syndicated copies and re-posts, by MinHash over word shingles.

Two steps: ``sign_articles`` reads ``text`` and writes ``signature`` (an enrichment stage: per
article, so the workers of the distributed engine compute it, not the store's one writer);
``mark_near_duplicates`` writes ``duplicate_of`` (the id of the earlier copy): the signature's bands
are looked up in an index (the store's, so detection resumes across runs) and candidates are
confirmed by their estimated Jaccard similarity.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from typing import Protocol

import numpy as np

from storyline.models import Article
from storyline.settings import DuplicateSettings

_WORD = re.compile(r"\w+")


class SignatureIndex(Protocol):
    """Where earlier signatures live: band hashes to (article id, signature, which of the hashes it
    has), each article once."""

    def signature_candidates(self, band_hashes: Sequence[int]) -> Iterable[tuple[str, np.ndarray, list[int]]]: ...


def minhash_signature(text: str, settings: DuplicateSettings) -> np.ndarray:
    """The text's MinHash over its word shingles: for each permutation, the least permuted shingle hash.

    The scheme is the one stored signatures were made with (datasketch 2's default, "affine32"): a
    shingle's hash is the first 4 bytes of its SHA-1 (little-endian), mixed by the MurmurHash3 32-bit
    finaliser, then permuted as ``a * h + b mod 2**32`` with odd ``a``; ``a`` and ``b`` come from
    NumPy's frozen legacy generator seeded with 1. Computed here rather than by datasketch, whose
    import loads scipy (0.8 s of every ingest's start-up); tests/stages/test_duplicates.py checks the
    two agree.
    """
    words = _WORD.findall(text.lower())
    size = settings.shingle_words
    shingles = {" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))}
    hashes = np.array(
        [int.from_bytes(hashlib.sha1(shingle.encode("utf-8")).digest()[:4], "little") for shingle in shingles],
        dtype=np.uint32,
    )
    multipliers, offsets = _permutations(settings.permutations)
    permuted = _fmix32(hashes)[:, None] * multipliers[None, :] + offsets[None, :]  # wraps: mod 2**32
    return permuted.min(axis=0).astype(np.uint64)


@functools.cache
def _permutations(count: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The permutations' odd multipliers and offsets, the same for every run (RandomState's stream is frozen)."""
    generator = np.random.RandomState(seed)
    multipliers = generator.randint(0, 1 << 31, count, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    offsets = generator.randint(0, 1 << 32, count, dtype=np.uint32)
    return multipliers, offsets


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, element-wise (a bijection that spreads every input bit)."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


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


def sign_articles(articles: Sequence[Article], settings: DuplicateSettings) -> list[Article]:
    """Each article with its MinHash signature (an article signed already keeps its own)."""
    return [
        article
        if article.signature is not None
        else article.evolve(signature=minhash_signature(article.text, settings))
        for article in articles
    ]


def mark_near_duplicates(
    articles: Sequence[Article], index: SignatureIndex, settings: DuplicateSettings
) -> list[Article]:
    """Point copies at the earliest article they copy (articles not signed yet are signed here). The
    stored articles that share a band with any of the batch are read at once (one look-up for the
    batch), then each article weighs those that share one of its own bands."""
    signed = [
        (article, signature := article.signature, band_hashes(signature, settings.bands))
        for article in sign_articles(articles, settings)
        if article.signature is not None
    ]
    stored: dict[int, list[tuple[str, np.ndarray]]] = {}
    wanted = sorted({band for _article, _signature, bands in signed for band in bands})
    for candidate_id, candidate, shared in index.signature_candidates(wanted) if wanted else ():
        for band in shared:
            stored.setdefault(band, []).append((candidate_id, candidate))
    out: list[Article] = []
    batch_bands: dict[int, list[tuple[str, np.ndarray]]] = {}
    for article, signature, bands in signed:
        candidates = [pair for band in bands for pair in stored.get(band, [])]
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
