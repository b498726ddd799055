"""Names shown in Latin script by their own language's convention (display only; keys do not change)."""

from __future__ import annotations

import pytest

from storyline.grouping.entities import VariantCount, display_name
from storyline.stages.keys import name_key
from storyline.stages.romanise import romanise


@pytest.mark.parametrize(
    ("written", "language", "shown"),
    [
        ("Володимир Зеленський", "uk", "Volodymyr Zelenskyi"),  # the Ukrainian national standard
        ("Юлія Тимошенко", "uk", "Yuliia Tymoshenko"),
        ("Харків", "uk", "Kharkiv"),
        ("Згорани", "uk", "Zghorany"),
        ("Дмитрий Песков", "ru", "Dmitry Peskov"),  # as English-language newsrooms write Russian names
        ("Мария Захарова", "ru", "Maria Zakharova"),
        ("Ельцин", "ru", "Yeltsin"),
        ("Антъни Блинкън", "bg", "Antani Blinkan"),  # the Bulgarian Streamlined System
        ("Щерев", "bg", "Shterev"),
        ("МИД", "ru", "MID"),
        ("Тръмп", None, "Tramp"),  # no language: anyascii, with ъ as "a"
        # Arabic as English-language news spells it: known name parts, the article "al-", long vowels
        ("محمد بن سلمان", "ar", "Mohammed bin Salman"),
        ("عبد الفتاح السيسي", "ar", "Abdel Fatah al-Sisi"),
        ("أحمد عبدالفتاح", "ar", "Ahmed Abdel Fatah"),  # "عبد" written onto the name after it
        ("عبد الله الثاني", "ar", "Abdullah al-Thani"),
        ("عصام القاضى", "ar", "Essam al-Qada"),
        ("مصطفى مدبولي", "ar", "Mostafa Madbouli"),  # a short vowel supplied between the first consonants
        ("الأهرام", "ar", "Al-Ahram"),
        ("مُبَارَك", "ar", "Mubarak"),  # vowel marks, where written, are read
        ("٦ أكتوبر", "ar", "6 Aktoubr"),
    ],
)
def test_romanise_follows_each_languages_convention(written: str, language: str | None, shown: str) -> None:
    assert romanise(written, language) == shown


def test_display_name_romanises_in_the_language_the_name_was_written_in() -> None:
    def count(lemma: str, language: str, mentions: int) -> VariantCount:
        return VariantCount(lemma, language, lemma, "person", mentions, mentions)

    ukrainian = display_name("zlnsk", [count("Володимир Зеленський", "uk", 3), count("Зеленський", "uk", 2)])
    russian = display_name("pskv", [count("Дмитрий Песков", "ru", 2)])
    written_in_latin = display_name("pskv", [count("Дмитрий Песков", "ru", 5), count("Dmitry Peskov", "en", 1)])
    assert (ukrainian, russian, written_in_latin) == ("Volodymyr Zelenskyi", "Dmitry Peskov", "Dmitry Peskov")
    # the keys that link names across scripts are untouched
    assert name_key("Зеленський") == name_key("Зеленский") == name_key("Zelensky")


def test_a_country_is_shown_by_the_english_name_the_stores_english_articles_write() -> None:
    """A country is shown by the one of its English names (the CLDR's, GeoNames') that the store's
    English articles write most (Turkey or Türkiye), never by an acronym; without English articles by the
    gazetteer's name now (Turkey: GeoNames', where CLDR's has letters English does not write). A city by the gazetteer's name, but where that has letters English does not write and
    the English articles write another of its names more (Cologne for Köln): an English article's
    "Quds" is no name of Jerusalem, nor "Dusseldorf" another than Düsseldorf."""

    def place(surface: str, lemma: str, language: str, mentions: int) -> VariantCount:
        return VariantCount(surface, language, lemma, "place", mentions, mentions)

    turkey = [
        place("Türkiye", "Türkiye", "tr", 9),
        place("Turkey's", "Türkiye", "en", 3),
        place("Türkiye", "Türkiye", "en", 1),
    ]
    assert display_name("iso:TR", turkey) == "Turkey"
    assert display_name("iso:TR", turkey[:1]) == "Turkey"
    assert display_name("iso:TR", [place("Türkiye", "Türkiye", "en", 3), *turkey[:1]]) == "Türkiye"
    united_states = [place("US", "United States", "en", 9), place("United States", "United States", "en", 2)]
    assert display_name("iso:US", united_states) == "United States"
    cologne = [place("Köln", "Köln", "de", 9), place("Cologne", "Köln", "en", 2)]
    assert display_name("geo:2886242", cologne) == "Cologne"
    assert display_name("geo:2886242", cologne[:1]) == "Köln"
    assert display_name("geo:2886242", [*cologne, place("Köln", "Köln", "en", 3)]) == "Köln"  # English writes it more
    jerusalem = [place("Jerusalem", "Jerusalem", "en", 1), place("Quds", "Jerusalem", "en", 3)]
    assert display_name("geo:281184", jerusalem) == "Jerusalem"
    dusseldorf = [place("Düsseldorf", "Düsseldorf", "de", 4), place("Dusseldorf", "Düsseldorf", "en", 3)]
    assert display_name("geo:2934246", dusseldorf) == "Düsseldorf"


def test_a_subdivision_is_shown_by_the_name_english_articles_write() -> None:
    """ISO 3166-2 names a country's subdivisions in its own languages (Steiermark); English articles
    write Styria, and the store's English articles decide, never by an acronym. Without them the gazetteer's
    English name now (Styria, from the countries-states-cities database), however the mentions were stored;
    a region the database names no other way keeps its own (Vorarlberg)."""

    def place(surface: str, language: str, mentions: int) -> VariantCount:
        return VariantCount(surface, language, "Steiermark", "place", mentions, mentions)

    styria = [place("Steiermark", "de", 9), place("Styria", "en", 2), place("STMK", "en", 5)]
    assert display_name("iso:AT-6", styria) == "Styria"
    assert display_name("iso:AT-6", styria[:1]) == "Styria"
    vorarlberg = [VariantCount("Vorarlberg", "de", "Vorarlberg", "place", 3, 3)]
    assert display_name("iso:AT-8", vorarlberg) == "Vorarlberg"
