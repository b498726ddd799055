import datetime as dt

from storyline.models import Article
from storyline.stages.entities import extract_entities
from storyline.stages.statements import find_statements


def _statements(text: str, language: str, published: dt.date | None) -> list:  # type: ignore[type-arg]
    (article,) = find_statements(extract_entities([Article(id="a", text=text, language=language, published=published)]))
    return list(article.statements)


TEXT = (
    "The summit in Budapest was postponed, CNN reports. "
    "On Thursday Donald Trump spoke with Vladimir Putin. "
    "They first met in Anchorage on August 15. Nothing else happened."
)


def test_statements_relative_dates_resolve_against_the_article_date() -> None:
    found = {(str(s.date), s.expression) for s in _statements(TEXT, "en", dt.date(2025, 10, 21))}
    assert found == {("2025-10-16", "Thursday"), ("2025-08-15", "August 15")}


def test_statements_of_undated_articles_keep_no_relative_dates() -> None:
    (only,) = _statements(TEXT, "en", None)
    assert only.date is None and (only.month, only.day) == (8, 15)


def test_statements_carry_the_sentence_entities_and_the_lead_source() -> None:
    statements = {s.expression: s for s in _statements(TEXT, "en", dt.date(2025, 10, 21))}
    thursday = statements["Thursday"]
    assert "CNN" in thursday.sources
    assert len(thursday.entity_keys) == 2 and thursday.text.startswith("On Thursday")


def test_statements_name_a_double_surname_written_without_its_first_name() -> None:
    # the article writes "Annegret Kramp-Karrenbauer" once: the bare "Kramp-Karrenbauer" of a dated
    # sentence is her too
    text = "Annegret Kramp-Karrenbauer ist Ministerin. Am Donnerstag sagte Kramp-Karrenbauer, sie bleibe."
    (statement,) = _statements(text, "de", dt.date(2020, 8, 20))
    assert statement.entity_keys == ("krmpkrnbr",)
