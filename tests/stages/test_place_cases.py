"""Foreign places in the case endings of Latin-script Slavic languages (place_cases.py)."""

from __future__ import annotations

import pytest

from storyline.models import Article
from storyline.stages.entities import extract_entities
from storyline.stages.gazetteer import find_place
from storyline.stages.place_cases import place_in_case


@pytest.mark.parametrize(
    ("word", "language", "english"),
    [
        ("Kyjevu", "cs", "Kyiv"),  # a consonant stem's locative
        ("Wuhanu", "sl", "Wuhan"),
        ("Dresdnu", "sl", "Dresden"),  # the last syllable's "e" falls out
        ("Manchestru", "sl", "Manchester"),
        ("Dohi", "sl", "Doha"),  # a feminine name's locative
        ("Minnesoti", "sl", "Minnesota"),
        ("Florydzie", "pl", "Florida"),  # the consonant before the locative's ending changes
        ("Islámábádu", "cs", "Islamabad"),
    ],
)
def test_place_cases_a_declined_foreign_place_is_found(word: str, language: str, english: str) -> None:
    place = place_in_case(word, language, find_place)
    assert place is not None and place.name == english


@pytest.mark.parametrize(
    ("word", "language"),
    [
        ("Hamiltona", "pl"),  # a family name's case: the person, not the city
        ("Trumpovi", "cs"),
        ("Stalinovi", "cs"),  # a dative of a person, not a case of "Stalin", an old name of Donetsk
        ("Kyjevu", "en"),  # a language that does not decline names so
        ("KYJEVU", "cs"),
    ],
)
def test_place_cases_no_place_for_a_name_s_case_or_another_language(word: str, language: str) -> None:
    assert place_in_case(word, language, find_place) is None


def test_place_cases_a_common_word_s_case_is_no_place() -> None:
    """ "Ligi" (of the league) would be a case of "Liga", which GeoNames gives Riga as an alternate name:
    the dictionary knows it as a common word, so the rule does not read it."""
    (article,) = extract_entities([Article(id="a", text="Posłowie Ligi Północnej głosowali wczoraj.", language="pl")])
    assert not any(m.lemma == "Riga" for m in article.entities)


def test_place_cases_mentions_in_text_are_the_places() -> None:
    (article,) = extract_entities(
        [Article(id="a", text="Vláda jednala v Kyjevu. Předtím byl ministr ve Wuhanu.", language="cs")]
    )
    assert {"Kyiv", "Wuhan"} <= {m.lemma for m in article.entities if m.kind == "place"}


def test_place_cases_a_family_name_s_case_is_no_city_abroad_but_a_capital_stays() -> None:
    """ "Jacksona", "Hamiltona" (GeoNames even lists "Hamiltona" for Hamilton, Ontario): the person's case
    in Polish news; Washington, a capital, and Berlin, a metropolis, stay places in their cases."""
    (article,) = extract_entities(
        [Article(id="a", text="Spotkanie Hamiltona i Jacksona odbyło się z Waszyngtonu do Berlina.", language="pl")]
    )
    kinds = {m.surface: (m.kind, m.lemma) for m in article.entities}
    assert kinds["Hamiltona"][0] != "place" and kinds["Jacksona"][0] != "place", kinds
    assert kinds["Waszyngtonu"] == ("place", "Washington") and kinds["Berlina"] == ("place", "Berlin"), kinds


def test_place_cases_a_place_of_several_words_is_found_by_its_last_word_s_case() -> None:
    """ "w Sankt Petersburgu", "v Rio de Janeiru": the last word declined, the words before as written."""
    (polish,) = extract_entities(
        [Article(id="a", text="Spotkanie odbyło się w Sankt Petersburgu wczoraj.", language="pl")]
    )
    (czech,) = extract_entities([Article(id="b", text="Setkání se konalo v Rio de Janeiru.", language="cs")])
    assert "Saint Petersburg" in {m.lemma for m in polish.entities if m.kind == "place"}
    assert "Rio de Janeiro" in {m.lemma for m in czech.entities if m.kind == "place"}
