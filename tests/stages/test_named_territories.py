import pytest

from storyline.models import Article
from storyline.stages.entities import extract_entities
from storyline.stages.gazetteer import find_place
from storyline.stages.historic_states import _names_in


@pytest.mark.parametrize(
    ("written", "place_id"),
    [
        ("Soviet Union", "hist:SU"),
        ("USSR", "hist:SU"),  # the acronyms' table
        ("СССР", "hist:SU"),
        ("Union der Sozialistischen Sowjetrepubliken", "hist:SU"),  # the ISO 3166-3 catalogue's formal name
        ("Jugoslawien", "hist:YU"),
        ("Tschechoslowakei", "hist:CS"),
        ("DDR", "hist:DD"),
        ("República Democrática de Alemania", "hist:DD"),  # "Alemania, República Democrática de" turned round
        ("Alemania", "iso:DE"),  # ... whose head is Germany's name, not East Germany's
    ],
)
def test_gazetteer_knows_the_states_of_the_past(written: str, place_id: str) -> None:
    place = find_place(written)
    assert place is not None and place.id == place_id


def test_historic_catalogue_entries_give_their_names_not_their_fragments() -> None:
    # a head in mixed case is a name the acronyms' table would not match as written ("UdSSR")
    assert _names_in("UdSSR, Union der Sozialistischen Sowjetrepubliken") == [
        "UdSSR",
        "Union der Sozialistischen Sowjetrepubliken",
    ]
    assert _names_in("USSR, Union of Soviet Socialist Republics") == ["Union of Soviet Socialist Republics"]
    assert _names_in("Yugoslavia, (Socialist) Federal Republic of") == ["Yugoslavia"]
    assert _names_in("Alemania, República Democrática de") == ["República Democrática de Alemania"]
    assert _names_in("Deutsche Demokratische Republik") == ["Deutsche Demokratische Republik"]


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("Распад Советского Союза произошёл в 1991 году.", "ru", "Советского Союза"),
        ("Il crollo dell'Unione Sovietica fu rapido.", "it", "Unione Sovietica"),  # "Unione": no organisation
        ("Rozpad Związku Radzieckiego nastąpił w 1991 roku.", "pl", "Związku Radzieckiego"),
        ("Sovyetler Birliği'nin dağılması 1991'de oldu.", "tr", "Sovyetler Birliği'nin"),  # opening, a suffix
    ],
)
def test_entities_the_soviet_union_is_one_place_in_every_language(text: str, language: str, surface: str) -> None:
    (article,) = extract_entities([Article(id="a", text=text, language=language)])
    found = {m.surface: m for m in article.entities}
    assert found[surface].key == "hist:SU" and found[surface].lemma == "Soviet Union"


def test_entities_a_place_of_several_words_with_a_suffix_is_the_place() -> None:
    """Turkish's suffix and English's possessive on a name of several words: "Orta Asya'dan" is Central
    Asia, not Asia; "North Carolina’s" is the state, not a person."""
    (turkish,) = extract_entities([Article(id="a", text="Uzmanlar Orta Asya'dan geldi.", language="tr")])
    assert any(m.key == "region:143" for m in turkish.entities)
    (english,) = extract_entities([Article(id="b", text="He praised North Carolina’s governor.", language="en")])
    assert [m.key for m in english.entities if "Carolina" in m.surface] == ["iso:US-NC"]


@pytest.mark.parametrize(
    ("text", "language", "surface", "area"),
    [
        ("Fighting continued in the Donbas on Monday.", "en", "Donbas", "area:donbas"),
        ("Бои продолжаются в Донбассе.", "ru", "Донбассе", "area:donbas"),
        ("Israel baut im Westjordanland.", "de", "Westjordanland", "area:west-bank"),
        ("He visited the West Bank.", "en", "West Bank", "area:west-bank"),  # "Bank": no organisation
        ("Переговоры на Ближнем Востоке идут.", "ru", "Ближнем Востоке", "area:middle-east"),
        ("Walki na Bliskim Wschodzie trwają.", "pl", "Bliskim Wschodzie", "area:middle-east"),
        ("Dağlık Karabağ'daki çatışmalar sürüyor.", "tr", "Dağlık Karabağ'daki", "area:nagorno-karabakh"),
    ],
)
def test_entities_an_area_the_news_names_is_one_place_in_every_language(
    text: str, language: str, surface: str, area: str
) -> None:
    (article,) = extract_entities([Article(id="a", text=text, language=language)])
    found = {m.surface: m for m in article.entities}
    assert found[surface].key == area and found[surface].kind == "place"
