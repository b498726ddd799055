"""Foreign persons' names transcribed into Cyrillic, shown in their own Latin spelling (display only)."""

from __future__ import annotations

import pytest

from storyline.grouping.entities import VariantCount, display_name
from storyline.stages import latin_names
from storyline.stages.latin_names import latin_name


@pytest.mark.parametrize(
    ("written", "language", "shown"),
    [
        ("Дональд Трамп", "ru", "Donald Trump"),  # "Trump" one departure, far more common than "Tramp"
        ("Доналд Тръмп", "bg", "Donald Trump"),
        ("Борис Джонсън", "bg", "Boris Johnson"),
        ("Нэнси Пелоси", "ru", "Nancy Pelosi"),
        ("Джастин Трюдо", "ru", "Justin Trudeau"),  # a French final -eau
        ("Майк Пенс", "ru", "Mike Pence"),  # silent final e
        ("Гілларі Клінтон", "uk", "Hillary Clinton"),  # Ukrainian г for h
        ("Кенни Джейкобс", "ru", "Kenny Jacobs"),
        ("Ангела Меркель", "ru", "Angela Merkel"),
        ("Хънтър Байдън", "bg", "Hunter Bayden"),  # Bulgarian ъ for any unstressed vowel; no list has Biden
        ("Антъни Блинкън", "bg", "Anthony Blinken"),  # a last syllable's ъ before н, р, л, м: e, as -en, -er
        ("Блинкън", "bg", "Blinken"),
        ("Дидие Рейндерс", "bg", "Didier Reynders"),  # Bulgarian -ие for French -ier (Russian writes -ье)
        ("Ксавие Бетел", "bg", "Xavier Bethel"),  # (Bettel: no list spells it)
    ],
)
def test_a_transcribed_foreign_name_is_given_back_its_spelling(written: str, language: str, shown: str) -> None:
    assert latin_name(written, language) == shown


@pytest.mark.parametrize(
    ("written", "language"),
    [
        ("Сергей Лавров", "ru"),  # the language's own names: their romanisation is their spelling
        ("Володимир Зеленський", "uk"),
        ("Кирил Петков", "bg"),
        ("Петър Марков", "bg"),  # Petar: ъ kept as the Streamlined System's a in the text's own names
        ("Александър Гълъбов", "bg"),
        ("Ирина Лядова", "ru"),  # not "Irene"
        # a first name no list holds before a surname of the region's own form: not Roman, Colin, Gulab
        ("Румен Радев", "bg"),
        ("Румен Радев", "ru"),
        ("Калин Янакиев", "bg"),
        ("Гълъб Донев", "bg"),
        ("Денис Шмыгаль", "ru"),  # not "Dennis"
        ("Трамп", "de"),  # not a language whose transcription is known
    ],
)
def test_a_name_of_the_texts_own_languages_is_left_to_the_romanisation(written: str, language: str) -> None:
    assert latin_name(written, language) is None


@pytest.mark.parametrize(
    ("written", "language", "shown"),
    [
        ("Тереза Мей", "ru", "Teresa May"),  # Тереза is a Russian list's name too, read as "Tereza"
        ("Доминик Рааб", "ru", "Dominic Raab"),  # Raab as written; Dominik is a German list's spelling
        ("Анатолий Вассерман", "ru", "Anatoly Wasserman"),  # no listed spelling likelier than "Anatoly"
    ],
)
def test_a_foreign_surnames_given_name_is_spelled_as_a_foreign_one(written: str, language: str, shown: str) -> None:
    assert latin_name(written, language) == shown


def test_a_dictionarys_given_name_is_rather_a_surname_where_the_lists_say_so() -> None:
    assert latin_names.rather_a_surname("Джонсон", "ru")  # Johnson: a surname far likelier than a first name
    assert latin_names.rather_a_surname("Байден", "ru")  # no list spells it at all
    assert not latin_names.rather_a_surname("Дональд", "ru")
    assert not latin_names.rather_a_surname("Владимир", "ru")  # the language's own first name
    assert latin_names.rather_a_first_name("Мишел", "bg") and not latin_names.rather_a_first_name("Джонсон", "ru")


def test_a_word_no_list_spells_close_enough_keeps_its_romanisation() -> None:
    """Biden is not in the census of 1990: the given name is found, the family name romanised, and
    a rarer listed name further from the letters ("Boyden") is not taken for it."""
    assert latin_name("Джо Байден", "ru").split()[-1] == "Bayden"  # type: ignore[union-attr]
    assert latin_name("Мумтаз", "ru") is None  # "Mumtoz" is too rare a name too far from the letters


def test_a_person_named_by_a_first_name_alone_is_spelled_as_that_first_name() -> None:
    """ "Меланія" alone (Melania, whom the article names so after "the first lady"): a first name the
    census ranks, no surname of the lists; not a word of the language ("Таран", a ram), nor a name only
    Faker's long lists hold ("Мумтаз")."""
    assert latin_name("Меланія", "uk") == "Melania"
    assert latin_name("Таран", "uk") is None
    assert latin_name("Мумтаз", "ru") is None


def test_the_cost_weighs_departures_against_how_common_a_name_is() -> None:
    trump = latin_names.Spelling("trump", 1, 8_608)
    tramp = latin_names.Spelling("tramp", 0, 67_050)
    assert trump.cost < tramp.cost <= latin_names.MAX_COST


def test_display_name_shows_a_persons_foreign_name_in_its_own_spelling_and_nothing_else() -> None:
    def count(lemma: str, language: str, kind: str) -> VariantCount:
        return VariantCount(lemma, language, lemma, kind, 2, 2)

    assert display_name("dnld trmp", [count("Дональд Трамп", "ru", "person")]) == "Donald Trump"
    assert display_name("dnld trmp", [count("Дональд Трамп", "ru", "org")]) == "Donald Tramp"
    # a Latin spelling someone wrote still wins
    written = [count("Дональд Трамп", "ru", "person"), count("Donald Trump", "en", "person")]
    assert display_name("dnld trmp", written) == "Donald Trump"


def test_a_surname_s_particles_are_given_back_as_written() -> None:
    """ "фон дер" is "von der", not the listed name nearest its letters ("Fawn")."""
    shown = latin_name("Урсула фон дер Ляйен", "ru")
    assert shown is not None and shown.split()[:3] == ["Ursula", "von", "der"]


def test_every_cyrillic_particle_has_its_latin_spelling() -> None:
    from storyline.stages.name_languages import NAME_PARTICLES, PARTICLES_IN_LATIN

    assert {word for word in NAME_PARTICLES if not word.isascii()} == set(PARTICLES_IN_LATIN)


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Джордж Сорос", "George Soros"),  # дж as the soft "g" with the vowel that marks it (not Jorge)
        ("Джузеппе Конте", "Giuseppe Conte"),
        ("Анджела Рейнер", "Angela Rayner"),
        ("Маттео Ренци", "Matteo Renzi"),  # a last "и" is no "e"
        ("Джон Керри", "John Kerry"),  # к as "ch" never before a soft vowel (not Cherry)
    ],
)
def test_a_soft_g_and_a_name_s_last_vowel(cyrillic: str, latin: str) -> None:
    assert latin_name(cyrillic, "ru") == latin


def test_a_last_a_stays_a_last_a() -> None:
    """A woman's name in "-а" is not a man's in "-e" (George, Jorge), nor a surname in "-и" one in "-e"
    (Malone for Мелони)."""
    shown = latin_name("Джорджа Мелони", "ru")
    assert shown is not None and shown.split()[0].endswith("a") and shown.split()[1] == "Meloni"


@pytest.mark.parametrize(
    ("written", "language", "shown"),
    [
        ("Майкл Райан", "ru", "Michael Ryan"),  # the "ae" Russian leaves unwritten
        ("Майкъл Пенс", "bg", "Michael Pence"),  # Bulgarian "ъ" for it
        ("Йенс Столтенберг", "ru", "Jens"),  # German "J" written "Й"
    ],
)
def test_a_foreign_first_name_the_transcription_shortens_is_found(written: str, language: str, shown: str) -> None:
    assert (latin_name(written, language) or "").startswith(shown)


@pytest.mark.parametrize(
    ("written", "language", "shown"),
    [
        ("Джеймс Бонд", "ru", "James"),  # a silent "e" before the last "s"
        ("Чарльз Мишель", "ru", "Charles"),
        ("Пол Манафорт", "ru", "Paul"),  # "Pol" is a name too, of Catalonia, and far rarer
    ],
)
def test_a_foreign_first_name_is_spelled_as_its_likelier_listed_form(written: str, language: str, shown: str) -> None:
    assert (latin_name(written, language) or "").split()[0] == shown


def test_a_first_name_before_a_surname_of_the_text_s_own_languages_keeps_its_romanisation() -> None:
    """ "Петър Марков" is Petar, though "Peter" is the likelier listed spelling: Марков is a Bulgarian's."""
    assert (latin_name("Петър Марков", "bg") or "Petar Markov").split()[0] == "Petar"


@pytest.mark.parametrize(
    ("written", "language", "shown"),
    [("Гордън Браун", "bg", "Brown"), ("Иън Дънкан Смит", "bg", "Smith"), ("Джером Пауъл", "bg", "Powell")],
)
def test_a_foreign_surname_takes_its_likelier_listed_spelling(written: str, language: str, shown: str) -> None:
    """ "Браун" romanised is "Braun", a German name some list holds; "Brown" is far likelier."""
    assert (latin_name(written, language) or "").split()[-1] == shown


@pytest.mark.parametrize(
    ("written", "shown"), [("Деймиън Грийн", "Green"), ("Кийт Нийл", "Neal"), ("Кристия Фрийланд", "Freeland")]
)
def test_bulgarian_writes_a_long_vowel_with_its_short_i(written: str, shown: str) -> None:
    """Bulgarian "ий" for English "ee", "ea", "ei" (Грийн: Green, Кийт: Keith)."""
    assert (latin_name(written, "bg") or "").split()[-1] == shown
