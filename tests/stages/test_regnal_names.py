import pytest

from storyline.models import Article
from storyline.stages.entities import extract_entities
from storyline.stages.regnal_names import find_regnal_names, is_regnal_number, regnal_key

_FIRST_NAMES = {"Charles", "Juan", "Pablo", "Elizabeth", "Leo"}


def _find(text: str) -> list[tuple[tuple[str, ...], str]]:
    words = [word.strip(",.") for word in text.split()]
    broken = [index > 0 and text.split()[index - 1].endswith((",", ".")) for index in range(len(words))]
    return [(name.first, name.number) for name in find_regnal_names(words, broken, _FIRST_NAMES.__contains__)]


def test_regnal_numbers_are_roman_numbers_from_two() -> None:
    assert all(is_regnal_number(word) for word in ("II", "III", "IV", "VI", "IX", "XIV", "XXIII"))
    assert not any(is_regnal_number(word) for word in ("I", "V", "X", "IIII", "XL", "DC", "ii", "MD"))


def test_regnal_names_are_first_names_before_a_number() -> None:
    assert _find("Pope Juan Pablo II visited") == [(("Juan", "Pablo"), "II")]
    assert _find("King Charles III and Leo XIV met") == [(("Charles",), "III"), (("Leo",), "XIV")]
    assert _find("the Charles, III said") == []  # punctuation between them
    assert _find("Chapter III opens") == []  # no first name before it
    assert regnal_key("krls", "III") == "krls+iii"


@pytest.mark.parametrize(
    ("text", "language", "surface", "shown"),
    [
        ("Elizabeth II died in 2022.", "en", "Elizabeth II", "Elizabeth II"),  # not the town in New Jersey
        ("El papa León XIV se reunió con el rey Felipe VI.", "es", "León XIV", "León XIV"),  # not León, Mexico
        ("Король Карл III встретился с папой Львом XIV.", "ru", "Львом XIV", "Лев XIV"),
        ("Papież Jan Paweł II odwiedził Polskę.", "pl", "Jan Paweł II", "Jan Paweł II"),
        ("König Charles III. traf Papst Leo XIV. in Rom.", "de", "Charles III", "Charles III"),
    ],
)
def test_entities_a_monarch_or_pope_is_one_person_by_name_and_number(
    text: str, language: str, surface: str, shown: str
) -> None:
    (article,) = extract_entities([Article(id="a", text=text, language=language)])
    found = {m.surface: m for m in article.entities}
    assert found[surface].kind == "person" and found[surface].lemma == shown
    assert not any(m.surface in ("XIV", "III", "II") for m in article.entities)


def test_entities_the_first_name_alone_in_the_same_article_is_the_monarch() -> None:
    """ "King Charles III ... Charles said": one person, whom no other Charles's mentions join."""
    (article,) = extract_entities(
        [Article(id="a", text="King Charles III met the prime minister. Charles said he was glad.", language="en")]
    )
    charles = [m for m in article.entities if "Charles" in m.surface]
    assert len(charles) == 1 and charles[0].key == regnal_key(charles[0].given, "III")
