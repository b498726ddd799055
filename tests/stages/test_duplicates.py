import re
from collections.abc import Iterable, Sequence

import numpy as np
import pytest

from storyline.models import Article
from storyline.settings import DuplicateSettings
from storyline.stages.duplicates import estimated_jaccard, mark_near_duplicates, minhash_signature, sign_articles

BODY = " ".join(f"word{i} sentence part {i % 7} of the long syndicated wire story" for i in range(60))


class EmptyIndex:
    def signature_candidates(self, band_hashes: Sequence[int]) -> Iterable[tuple[str, np.ndarray, list[int]]]:
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
        def signature_candidates(self, band_hashes: Sequence[int]) -> Iterable[tuple[str, np.ndarray, list[int]]]:
            assert signed.signature is not None
            return [("orig", signed.signature, list(band_hashes))]

    (later,) = mark_near_duplicates([Article(id="later", text=BODY)], Index(), settings)
    assert later.duplicate_of == "orig"


def test_enrichment_signs_articles_and_the_writer_uses_their_signatures() -> None:
    """The signature is an enrichment stage (workers compute it); marking copies takes it as given."""
    from storyline.pipeline import enrich
    from storyline.settings import Settings
    from storyline.stages.embed import make_embedder

    settings = Settings(embedder="hashing")
    original, copy = enrich(
        [Article(id="orig", text=BODY), Article(id="copy", text=BODY + " One more line.")],
        settings,
        make_embedder("hashing"),
    )
    assert original.signature is not None and np.array_equal(
        original.signature, minhash_signature(BODY, settings.duplicates)
    )
    assert sign_articles([original], settings.duplicates)[0] is original  # signed once
    unlike = copy.evolve(signature=np.zeros_like(original.signature))  # a given signature is what counts
    assert [a.duplicate_of for a in mark_near_duplicates([original, copy], EmptyIndex(), settings.duplicates)] == [
        None,
        "orig",
    ]
    assert [a.duplicate_of for a in mark_near_duplicates([original, unlike], EmptyIndex(), settings.duplicates)] == [
        None,
        None,
    ]


def test_signatures_are_the_scheme_stored_signatures_were_made_with() -> None:
    """Stores hold signatures made by datasketch's MinHash: ours must be the same values, or new
    copies of stored articles would go unnoticed."""
    datasketch = pytest.importorskip("datasketch", reason="datasketch (a dev dependency) is not installed")
    settings = DuplicateSettings()
    texts = [BODY, "", "one", "Лавров и Рубио обсъдиха срещата в Будапеща в понеделник", BODY.upper()[:400]]
    for text in texts:
        words = re.findall(r"\w+", text.lower())
        size = settings.shingle_words
        shingles = {" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))}
        reference = datasketch.MinHash(num_perm=settings.permutations, seed=1)
        reference.update_batch([shingle.encode("utf-8") for shingle in shingles])
        assert minhash_signature(text, settings).tolist() == np.asarray(reference.hashvalues, np.uint64).tolist()


def test_estimated_jaccard_tracks_the_true_overlap() -> None:
    settings = DuplicateSettings(shingle_words=1)
    vocabulary = [f"w{i}" for i in range(400)]
    errors = []
    for shared in (0, 50, 100, 150, 200):
        left = vocabulary[:200]
        right = vocabulary[200 - shared : 400 - shared]
        truth = shared / (400 - shared)
        estimate = estimated_jaccard(
            minhash_signature(" ".join(left), settings), minhash_signature(" ".join(right), settings)
        )
        errors.append(abs(estimate - truth))
    assert max(errors) < 0.12, errors  # 128 permutations: standard error at most 0.045
