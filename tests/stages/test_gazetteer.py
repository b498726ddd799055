"""The gazetteer's places: cities, countries, world regions, and countries' first-level regions."""

from __future__ import annotations

import pytest

from storyline.stages.gazetteer import MIN_CITY_POPULATION, find_place, find_place_inflected, find_town


@pytest.mark.parametrize(
    ("written", "place_id", "english"),
    [
        ("Аляска", "iso:US-AK", "Alaska"),  # a state, from the ISO 3166-2 catalogues
        ("Bayern", "iso:DE-BY", "Bavaria"),
        ("Бавария", "iso:DE-BY", "Bavaria"),
        ("Borno", "iso:NG-BO", "Borno"),
        # states that only Faker's generic English list of first names holds, no country's list
        ("Texas", "iso:US-TX", "Texas"),
        ("Montana", "iso:US-MT", "Montana"),
        ("Tennessee", "iso:US-TN", "Tennessee"),
        ("Донецька область", "iso:UA-14", "Donetska oblast"),
        ("Будапеща", None, "Budapest"),  # a city keeps its GeoNames id
        ("Madrid", None, "Madrid"),  # the city, not the region of the same name
        ("Русия", "iso:RU", "Russia"),
        ("Turkey", "iso:TR", "Turkey"),  # GeoNames' English name, where CLDR's has letters English lacks
        ("Ivory Coast", "iso:CI", "Ivory Coast"),
        ("Великобританія", "iso:GB", "United Kingdom"),  # everyday names no packaged source lists
        ("Голландия", "iso:NL", "Netherlands"),
        ("Британия", "iso:GB", "United Kingdom"),
    ],
)
def test_gazetteer_finds_places_in_any_script(written: str, place_id: str | None, english: str) -> None:
    place = find_place(written)
    assert place is not None and place.name == english
    assert place.id == place_id if place_id else place.id.startswith("geo:")


@pytest.mark.parametrize(
    ("written", "country"),
    [
        ("Zaragoza", "ES"),
        ("Islamabad", "PK"),
        ("Parma", "IT"),
        ("Kita", "JP"),
        ("Montgomery", "US"),
        # countries' names in other languages: Tunisia, Grenada, Colombia in some of them
        ("Tunis", "TN"),
        ("Granada", "ES"),
        ("Columbia", "US"),
    ],
)
def test_gazetteer_a_city_s_own_name_is_not_a_larger_city_s_alternate(written: str, country: str) -> None:
    place = find_place(written)  # each is also another, larger place's name somewhere
    assert place is not None and (place.name, place.country) == (written, country)


def test_gazetteer_an_alternate_spelling_of_a_larger_city_s_name_stays_that_city() -> None:
    odesa, petersburg = find_place("Одеса"), find_place("Санкт-Петербург")
    assert odesa is not None and find_place("Odessa") == odesa  # not Odessa, Texas
    assert petersburg is not None and find_place("St. Petersburg") == petersburg  # not St. Petersburg, Florida


@pytest.mark.parametrize("word", ["Google", "Franklin", "Fletcher", "Terminus", "Venice", "Harper", "Adams"])
def test_gazetteer_takes_no_alternate_name_that_sounds_nothing_like_the_city_and_is_a_word_or_a_name(word: str) -> None:
    """GeoNames lists nicknames and old names among a city's names: "Google" (Topeka), "Franklin"
    (Columbus), "Venice" (Dayton), which are a company, people and another city in the news."""
    place = find_place(word)
    assert place is None or place.name == word, place


@pytest.mark.parametrize("word", ["Liga", "Koruma", "Rika"])
def test_gazetteer_takes_no_alternate_name_written_in_small_letters(word: str) -> None:
    """GeoNames keeps romanisations of a city's names in other scripts in small letters ("liga" and
    "rika" of Riga, "koruma" of Çorum): words of the text's language where they are written ("la Liga",
    "koruma", protection), never the city."""
    assert find_place(word) is None


@pytest.mark.parametrize(
    ("written", "english"),
    [("Cologne", "Köln"), ("Colonia", "Köln"), ("Bombay", "Mumbai"), ("Pekin", "Beijing"), ("Medina", "Madinah")],
)
def test_gazetteer_keeps_the_alternate_names_that_sound_like_the_city(written: str, english: str) -> None:
    """Exonyms and transcriptions stay, words or names or not ("Pekin" as the Cyrillic "Пекин")."""
    place = find_place(written)
    assert place is not None and place.name == english


def test_gazetteer_a_region_is_of_its_country() -> None:
    """A state or province is in one country, whose languages a name's reading may ask for (a German noun
    that is an Italian region's German name, "Marken", is the noun in German text unless a cue says so)."""
    bavaria, marche = find_place("Bavaria"), find_place("Marken")
    assert bavaria is not None and (bavaria.id, bavaria.country) == ("iso:DE-BY", "DE")
    assert marche is not None and (marche.id, marche.country) == ("iso:IT-57", "IT")


@pytest.mark.parametrize("word", ["Central", "Nord", "Coast", "Lakes", "South", "Victoria"])
def test_gazetteer_takes_no_region_named_by_a_common_word_a_shared_name_or_a_first_name(word: str) -> None:
    place = find_place(word)
    assert place is None or not place.id.startswith("iso:") or "-" not in place.id


def test_gazetteer_a_city_keeps_its_names_from_a_region_of_the_same_name() -> None:
    """A region takes only names no city has: "New York" is New York City, and a city abroad keeps its
    names in other languages ("Jerozolima" is Jerusalem, not the Palestinian governorate)."""
    new_york, jerusalem = find_place("New York"), find_place("Jerozolima")
    assert new_york is not None and new_york.name == "New York City"
    assert jerusalem is not None and jerusalem.name == "Jerusalem"


@pytest.mark.parametrize(
    ("written", "region"), [("Oklahoma", "iso:US-OK"), ("Johor", "iso:MY-01"), ("Durango", "iso:MX-DUR")]
)
def test_gazetteer_a_region_keeps_its_name_from_a_city_named_after_it(written: str, region: str) -> None:
    """Oklahoma City lists "Oklahoma" among its names; the bare name is the state's (not New York's:
    a metropolis keeps it)."""
    place = find_place(written)
    assert place is not None and place.id == region


def test_gazetteer_the_countries_of_the_united_kingdom_are_places() -> None:
    """ISO 3166-2 types England, Scotland and Wales as countries within the United Kingdom."""
    assert find_place("England") is not None and find_place("Szkocja") == find_place("Scotland")


@pytest.mark.parametrize(
    ("written", "place_id"),
    [
        ("Palestine", "iso:PS"),  # "Palestine, State of": ISO's sorting form, read by its head
        ("Палестина", "iso:PS"),
        ("Iran", "iso:IR"),
        ("Korea", None),  # the head of both Koreas' names
        ("Christmas", None),  # "Christmas, Île" sorts an island's name, not a state's
        ("Bonaire", None),  # "Bonaire, Sint Eustatius and Saba" lists three islands
    ],
)
def test_gazetteer_reads_a_state_s_sorting_form_by_its_head(written: str, place_id: str | None) -> None:
    place = find_place(written)
    assert (place.id if place else None) == place_id


@pytest.mark.parametrize(
    ("written", "place_id"),
    [
        ("Republic of Korea", "iso:KR"),  # "Korea, Republic of"
        ("Islamic Republic of Iran", "iso:IR"),
        ("Fédération de Russie", "iso:RU"),  # French's catalogue: "Russie, Fédération de"
        ("République islamique d'Iran", "iso:IR"),  # its elision, with either apostrophe
        ("République islamique d’Iran", "iso:IR"),
        ("Islamische Republik Iran", "iso:IR"),  # "Iran, Islamische Republik"
        ("República de Corea", "iso:KR"),
    ],
)
def test_gazetteer_reads_a_countrys_sorting_form_in_reading_order(written: str, place_id: str) -> None:
    place = find_place(written)
    assert place is not None and place.id == place_id


def test_gazetteer_knows_towns_only_in_their_countries_languages() -> None:
    krosno = find_town("Krosno", "pl")
    assert krosno is not None and krosno.country == "PL" and krosno.population < MIN_CITY_POPULATION
    assert find_town("Nowy Targ", "pl") is not None
    assert find_place("Krosno") is None  # below the cities' floor for text in any language
    assert find_town("Krosno", "en") is None
    assert find_town("Warszawa", "pl") is None  # a city: the main index's


@pytest.mark.parametrize(
    ("words", "language", "place"),
    [
        (["Unii", "Europejskiej"], "pl", "org:EU"),  # a name's short first word, inflected ("Unia")
        (["Evropskou", "unií"], "cs", "org:EU"),
        (["Velké", "Británii"], "cs", "iso:GB"),  # an everyday name CLDR lacks, inflected
        (["Veliki", "Britaniji"], "sl", "iso:GB"),
        (["Zjednoczonym", "Królestwie"], "pl", "iso:GB"),
        (["Sancta", "Maria"], "it", None),  # a three-letter word ("San") keeps no stem to match
        # a country's ISO name in the language's catalogue, inflected ("Russische Föderation")
        (["Russischen", "Föderation"], "de", "iso:RU"),
        (["Federacji", "Rosyjskiej"], "pl", "iso:RU"),
        (["Руската", "федерация"], "bg", "iso:RU"),
        (["Tschechischen", "Republik"], "de", "iso:CZ"),
        # Ukrainian's "і" of a closed last syllable is "о" in the word's other forms ("Близький Схід")
        (["Близькому", "Сході"], "uk", "area:middle-east"),
        (["Близького", "Сходу"], "uk", "area:middle-east"),
        (["Близькому", "Сході"], "ru", None),
    ],
)
def test_inflected_names_of_several_words(words: list[str], language: str, place: str | None) -> None:
    found = find_place_inflected(words, language)
    assert (found.id if found else None) == place


@pytest.mark.parametrize("written", ["Britain", "Great Britain", "Großbritannien", "Gran Bretagna", "Büyük Britanya"])
def test_gazetteer_britain_is_the_united_kingdom(written: str) -> None:
    place = find_place(written)
    assert place is not None and place.id == "iso:GB"


def test_gazetteer_an_institutions_name_is_no_towns_alternate_name() -> None:
    assert find_place("Hamas") is None  # GeoNames: an alternate name of Hamm
    assert find_place("Hamm") is not None


def test_everyday_names_of_countries_in_slavic_languages() -> None:
    assert find_place("ZDA").id == "iso:US"  # type: ignore[union-attr]  # Slovenian's United States
    assert find_place("Británie").id == "iso:GB"  # type: ignore[union-attr]
    assert find_place("Америка").id == "iso:US"  # type: ignore[union-attr]
    latin_america = find_place("Латинская Америка")
    assert latin_america is not None and latin_america.id == "region:419"  # the continents keep their names


@pytest.mark.parametrize("written", ["America", "Amerika", "Ameryka", "Америка"])
def test_gazetteer_america_alone_is_the_united_states(written: str) -> None:
    """News says "America" for the United States in many languages; CLDR gives "Amerika" to the Americas,
    and the continents keep their own names."""
    place = find_place(written)
    assert place is not None and place.id == "iso:US"
    latin = find_place("Latin America")
    assert latin is not None and latin.id.startswith("region:")


@pytest.mark.parametrize(
    ("written", "place_id"),
    [
        ("Florida", "iso:US-FL"),  # Uruguay's department of that name has a hundredth of the people
        ("Floride", "iso:US-FL"),
        ("Floryda", "iso:US-FL"),
    ],
)
def test_gazetteer_a_known_region_s_name_is_not_a_smaller_city_s_alternate_name(written: str, place_id: str) -> None:
    """GeoNames lists "Florida" among the alternate names of Colombia's Floridablanca; a region the
    catalogues name in many languages keeps its English name, where no city has it as its own."""
    place = find_place(written)
    assert place is not None and place.id == place_id


def test_gazetteer_a_region_named_by_an_english_word_keeps_to_the_city_rule() -> None:
    """ "Chin" (Myanmar's state) is an English word and Polish "z Chin" (from China): not the state's."""
    place = find_place("Chin")
    assert place is None or place.id != "iso:MM-14"


@pytest.mark.parametrize(
    ("written", "place_id", "english"),
    [
        ("Wales", "iso:GB-WLS", "Wales"),  # no plural of "wale"; its catalogue name is "Wales [Cymru GB-CYM]"
        ("Cymru", "iso:GB-WLS", "Wales"),
        ("Англия", "iso:GB-ENG", "England"),  # names the ISO catalogues lack
        ("İngiltere", "iso:GB-ENG", "England"),
        ("Шотландия", "iso:GB-SCT", "Scotland"),
        ("Severní Irsko", "iso:GB-NIR", "Northern Ireland"),
        ("Cataluña", "iso:ES-CT", "Catalonia"),  # "Catalunya [Cataluña]"; its English name from the database
    ],
)
def test_gazetteer_the_united_kingdom_s_countries_and_bracketed_names(
    written: str, place_id: str, english: str
) -> None:
    place = find_place(written)
    assert place is not None and (place.id, place.name) == (place_id, english)


def test_gazetteer_an_english_plural_region_name_stays_out() -> None:
    """ "Lakes" and "Highlands" are plurals of common words (and "Gales" one of "gale"): no place."""
    assert find_place("Lakes") is None and find_place("Gales") is None


def test_gazetteer_a_metropolis_s_three_letter_name_in_cyrillic() -> None:
    """Names under four letters are left out, but for a city of a million people or more, in a cased script
    other than Latin, that the dictionaries know only as a proper noun: "Рим" and "Уфа", not "Ром" (rum)."""
    rome, ufa = find_place("Рим"), find_place("Уфа")
    assert rome is not None and rome.name == "Rome" and ufa is not None and ufa.name == "Ufa"
    assert find_place("Ром") is None


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Russland", "Russia"),  # CLDR's short name
        ("Kongo-Kinshasa", "Democratic Republic of the Congo"),  # not CLDR's "Congo - Kinshasa"
        ("Bosnien und Herzegowina", "Bosnia and Herzegovina"),  # not "Bosnia & Herzegovina"
        ("Myanmar", "Myanmar"),  # not "Myanmar (Burma)"
        ("Hongkong", "Hong Kong"),  # not "Hong Kong SAR China"
        ("Saint Lucia", "Saint Lucia"),  # not "St. Lucia"
    ],
)
def test_gazetteer_shows_a_country_as_running_text_names_it_not_as_a_menu_does(written: str, shown: str) -> None:
    place = find_place(written)
    assert place is not None and place.name == shown


def test_gazetteer_a_region_by_its_english_name_where_the_catalogues_give_its_own() -> None:
    """The ISO catalogues name Niedersachsen, Kärnten and Andalucía only so: the countries-states-cities
    database's English names show them and find them in English text; a name that is a word ("Western", a
    Sri Lankan province's) or a city's ("Lublin" for Lubelskie) is not taken."""
    lower_saxony = find_place("Niedersachsen")
    assert lower_saxony is not None and lower_saxony.name == "Lower Saxony"
    assert find_place("Lower Saxony") == lower_saxony
    assert find_place("Carinthia") == find_place("Kärnten") and find_place("Andalusia") == find_place("Andalucía")
    assert find_place("Western") is None
    lublin = find_place("Lubelskie")
    assert lublin is not None and lublin.name == "Lubelskie" and find_place("Lublin") != lublin


def test_gazetteer_a_country_by_its_english_name_where_cldrs_has_letters_english_does_not_write() -> None:
    """CLDR's "Türkiye" and "Côte d’Ivoire" are shown as Turkey and Ivory Coast, GeoNames' English names;
    "Curaçao" and "Réunion" keep their accents, the same names."""
    assert [find_place(name).name for name in ("Türkiye", "Côte d’Ivoire", "Curaçao")] == [  # type: ignore[union-attr]
        "Turkey",
        "Ivory Coast",
        "Curaçao",
    ]
