"""Named-entity recognition from models that ship inside PyPI packages.

Russian: natasha's news NER (slovnet, with navec embeddings; both bundled in the wheels, nothing
downloaded), which finds where a name begins and ends and whether it is a person, a place or an
organisation. No comparable offline model is packaged for the other languages storyline reads
(checked: spaCy's Ukrainian and Bulgarian names on PyPI are empty placeholders), so they keep the
capitalised-run heuristic of ``entities.py``, which is also the fallback when natasha cannot be
loaded. In Ukrainian and Bulgarian the Russian model still types the names those runs leave
untyped (``type_sentences``).
"""

from __future__ import annotations

import bisect
import itertools
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

NER_LANGUAGES = ("ru",)
# Read with the Russian model only to type names: over the SlavicNER corpus's Ukrainian articles it cut
# the names' recall from 0.97 to 0.80 as their finder, while as the typist of the capitalised runs'
# untyped names it raised type accuracy from 0.71 to 0.80 (Bulgarian: 0.74 to 0.86) on articles not
# read while writing it (docs/quality.md)
TYPED_BY_RUSSIAN = ("uk", "bg")
SEPARATOR = "\n\n"  # between an article's sentences: the model's segmenter never joins across it
RECENT_SENTENCES = 4096  # sentences whose names are kept for the statements stage's look-ups
_KINDS = {"PER": "person", "LOC": "place", "ORG": "org"}


@dataclass(frozen=True)
class NamedSpan:
    """A name the model found in a sentence: its characters and its kind."""

    start: int
    stop: int
    kind: str  # "person" | "place" | "org"


def named_spans(sentence: str, language: str | None) -> list[NamedSpan] | None:
    """The names in one sentence, in order; None where no model serves the language. Sentences of
    an article read through ``read_sentences`` are answered from memory."""
    if language not in NER_LANGUAGES or _russian_model() is None:
        return None
    known = _recent.get((sentence, language))
    if known is not None:
        _recent.move_to_end((sentence, language))
        return known
    read = read_sentences([sentence], language) if sentence else None
    return read[0] if read else []


def read_sentences(sentences: list[str], language: str | None) -> list[list[NamedSpan]] | None:
    """The names in each of an article's sentences, the model run once over all of them (one call
    per sentence costs five times as much); kept for ``named_spans`` of the same sentences."""
    model = _russian_model() if language in NER_LANGUAGES else None
    if model is None:
        return None
    segmenter, tagger, make_doc = model
    doc = make_doc(SEPARATOR.join(sentences))
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    found: list[list[NamedSpan]] = [[] for _ in sentences]
    starts = list(itertools.accumulate((len(sentence) + len(SEPARATOR) for sentence in sentences), initial=0))
    for span in doc.spans:
        number = bisect.bisect_right(starts, span.start) - 1
        offset = starts[number]
        if span.type in _KINDS and span.stop <= offset + len(sentences[number]):  # never across sentences
            found[number].append(NamedSpan(span.start - offset, span.stop - offset, _KINDS[span.type]))
    for sentence, spans in zip(sentences, found, strict=True):
        _recent[(sentence, language or "")] = spans
        _recent.move_to_end((sentence, language or ""))
    while len(_recent) > RECENT_SENTENCES:
        _recent.popitem(last=False)
    return found


_recent: OrderedDict[tuple[str, str], list[NamedSpan]] = OrderedDict()


def type_sentences(sentences: list[str], language: str | None) -> list[list[NamedSpan]] | None:
    """The Russian model's names in sentences of a language it only types (``TYPED_BY_RUSSIAN``), the
    model run once over all of them; None for other languages, or where natasha cannot be loaded."""
    if language not in TYPED_BY_RUSSIAN or not sentences:
        return None
    return read_sentences(sentences, "ru")


@lru_cache(maxsize=1)
def _russian_model() -> tuple[Any, Any, Any] | None:
    """natasha's segmenter and NER tagger, loaded once (0.8 s, about 150 MiB)."""
    try:
        from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError:  # not installed: the heuristic serves Russian too
        return None
    return Segmenter(), NewsNERTagger(NewsEmbedding()), Doc
