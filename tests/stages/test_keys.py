import pytest

from storyline.stages.keys import latin, name_key


@pytest.mark.parametrize(
    "spellings",
    [
        ("Тръмп", "Трамп", "Trump"),
        ("Лавров", "Lavrov"),
        ("Рубио", "Рубіо", "Rubio"),
        ("Будапеща", "Будапешт", "Budapest"),
        ("Зеленский", "Zelensky", "Zelenskyy"),
        ("Київ", "Kyiv", "Kiev"),
        ("НАТО", "NATO"),
    ],
)
def test_keys_match_across_scripts(spellings: tuple[str, ...]) -> None:
    assert len({name_key(word) for word in spellings}) == 1


def test_keys_keep_different_names_apart() -> None:
    assert len({name_key(w) for w in ("Lavrov", "Rubio", "Putin", "Trump", "Blinken", "Budapest")}) == 6


def test_keys_latin_display() -> None:
    assert latin("Блинкън") == "Blinkn"
