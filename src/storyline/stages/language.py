"""Language identification with lingua, restricted to a configurable language set.

Reads ``text``, ``title`` and ``metadata["declared_language"]``; writes ``language`` (ISO 639-1)
and ``language_confidence``. A declared language wins when it is a valid code; text lingua
cannot place stays ``None`` rather than a guess.

Article-length text uses lingua's low-accuracy mode (trigram models only): on the 1,499 SemEval
articles it was exactly as accurate (99.87%), three times faster and used 71 MiB instead of
798 MiB. Short text (a title, a feed item) gets the full models, loaded only when needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from storyline.models import Article

_SAMPLE_CHARS = 2000
_MIN_CONFIDENCE = 0.2


_SHORT_TEXT_CHARS = 120


@lru_cache(maxsize=8)
def build_detector(languages: tuple[str, ...], short_text: bool = False) -> LanguageDetector:
    """One detector per language set and text length; models load lazily, per script seen."""
    chosen = [language_for_code(code) for code in languages]
    known = [language for language in chosen if language is not None]
    if len(known) < 2:
        raise ValueError(f"need at least two known languages, got {languages!r}")
    builder = LanguageDetectorBuilder.from_languages(*known)
    return builder.build() if short_text else builder.with_low_accuracy_mode().build()


def language_for_code(code: str) -> Language | None:
    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
    except AttributeError:
        return None


def detect_language(articles: Sequence[Article], languages: tuple[str, ...]) -> list[Article]:
    """Set ``language`` on every article."""
    out = []
    for article in articles:
        declared = str(article.metadata.get("declared_language", "")).lower()[:2]
        if declared and language_for_code(declared) is not None:
            out.append(article.evolve(language=declared, language_confidence=1.0))
            continue
        sample = ((article.title or "") + "\n" + article.text)[:_SAMPLE_CHARS]
        detector = build_detector(languages, short_text=len(sample.strip()) < _SHORT_TEXT_CHARS)
        values = detector.compute_language_confidence_values(sample)
        if not values or values[0].value < _MIN_CONFIDENCE:
            out.append(article.evolve(language=None, language_confidence=None))
            continue
        best = values[0]
        out.append(
            article.evolve(language=best.language.iso_code_639_1.name.lower(), language_confidence=round(best.value, 3))
        )
    return out
