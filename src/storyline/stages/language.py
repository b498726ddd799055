"""Language identification with lingua, restricted to a configurable language set.

Reads ``text``, ``title`` and ``metadata["declared_language"]``; writes ``language`` (ISO 639-1)
and ``language_confidence``. A declared language wins when it is a valid code; text lingua
cannot place stays ``None`` rather than a guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from storyline.models import Article

_SAMPLE_CHARS = 2000
_MIN_CONFIDENCE = 0.2


@lru_cache(maxsize=4)
def build_detector(languages: tuple[str, ...]) -> LanguageDetector:
    """One detector per language set; models load lazily, per script actually seen."""
    chosen = [language_for_code(code) for code in languages]
    known = [language for language in chosen if language is not None]
    if len(known) < 2:
        raise ValueError(f"need at least two known languages, got {languages!r}")
    return LanguageDetectorBuilder.from_languages(*known).build()


def language_for_code(code: str) -> Language | None:
    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
    except AttributeError:
        return None


def detect_language(articles: Sequence[Article], languages: tuple[str, ...]) -> list[Article]:
    """Set ``language`` on every article."""
    detector = build_detector(languages)
    out = []
    for article in articles:
        declared = str(article.metadata.get("declared_language", "")).lower()[:2]
        if declared and language_for_code(declared) is not None:
            out.append(article.evolve(language=declared, language_confidence=1.0))
            continue
        sample = ((article.title or "") + "\n" + article.text)[:_SAMPLE_CHARS]
        values = detector.compute_language_confidence_values(sample)
        if not values or values[0].value < _MIN_CONFIDENCE:
            out.append(article.evolve(language=None, language_confidence=None))
            continue
        best = values[0]
        out.append(
            article.evolve(language=best.language.iso_code_639_1.name.lower(), language_confidence=round(best.value, 3))
        )
    return out
