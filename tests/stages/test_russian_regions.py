import pytest

from storyline.models import Article
from storyline.stages.entities import extract_entities
from storyline.stages.gazetteer import find_place
from storyline.stages.russian_regions import cyrillic, region_names

_CITIES = {"Kursk": "Kursk", "Moskva": "Moscow", "Rostov": "Rostov-on-Don", "Leningrad": "Saint Petersburg"}


def test_russian_regions_romanised_names_read_back_into_cyrillic() -> None:
    assert cyrillic("Kurskaya oblast'") == ["Курская область"]
    assert cyrillic("Khanty-Mansiyskiy avtonomnyy okrug") == ["Ханты-Мансийский автономный округ"]
    assert "Иркутская область" in cyrillic("Irkutskaya oblast'")  # "ts" before "k" read both ways
    assert cyrillic("Kareliya") == ["Карелия"]


@pytest.mark.parametrize(
    ("romanised", "english"),
    [
        ("Kurskaya oblast'", "Kursk Oblast"),  # its centre's name
        ("Moskovskaya oblast'", "Moscow Oblast"),  # the city's English name
        ("Rostovskaya oblast'", "Rostov Oblast"),  # the name the adjective is made from, not "Rostov-on-Don"
        ("Leningradskaya oblast'", "Leningradskaya oblast"),  # an old name of another city: as written
        ("Tatarstan, Respublika", "Tatarstan"),
        ("Kareliya, Respublika", "Karelia"),
    ],
)
def test_russian_regions_english_names(romanised: str, english: str) -> None:
    assert region_names(romanised, _CITIES.get)[0] == english


def test_russian_regions_are_one_place_in_russian_and_english_text() -> None:
    place = find_place("Курская область")
    assert place is not None and place.id == "iso:RU-KRS" and place.name == "Kursk Oblast"
    (russian,) = extract_entities([Article(id="a", text="В Курской области объявлена эвакуация.", language="ru")])
    (english,) = extract_entities([Article(id="b", text="Troops entered the Kursk Oblast on Monday.", language="en")])
    assert {m.key for m in russian.entities} & {m.key for m in english.entities} == {"iso:RU-KRS"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Russia annexed Crimea in 2014.", "en"),
        ("В Крыму прошли учения.", "ru"),
        ("У Криму тривога.", "uk"),
        ("Die Krim wurde 2014 annektiert.", "de"),
    ],
)
def test_russian_regions_crimea_is_one_region_by_its_everyday_names(text: str, language: str) -> None:
    """No catalogue names it so (ISO 3166-2: "Avtonomna Respublika Krym"); it is shown as English news
    names it."""
    (article,) = extract_entities([Article(id="a", text=text, language=language)])
    crimea = [m for m in article.entities if m.key == "iso:UA-43"]
    assert crimea and crimea[0].lemma == "Crimea"
