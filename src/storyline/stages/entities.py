"""Named entities: people, organisations and places, with keys that match across scripts.

Reads ``title``, ``text`` and ``language``; writes ``entities``. A mention is a run of
capitalised words. Sentence-initial words count only when the same word is capitalised
mid-sentence elsewhere in the article or morphology says it is a proper noun.

- Places are looked up in a multilingual gazetteer (``gazetteer.py``); their key is the
  place's id, so Будапеща, Будапешті and Budapest share one key.
- Other names are keyed by the phonetic key of their head (last) word after lemmatising, so
  "Сергей Лавров", "Лаврова" and "Lavrov's" all reduce to the key of "Lavrov"; a person's
  given name is kept as a second key (``given``) so Donald and Melania Trump stay apart.
- Types come from morphology (pymorphy3 tags names, surnames, places and organisations in
  Russian and Ukrainian), then from context cues (``entity_cues.py``: titles before a name,
  organisation words inside it, acronyms) and the shape of the run.
"""

from __future__ import annotations

import dataclasses
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, TypeVar

from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

from storyline.models import Article, EntityMention
from storyline.stages import chinese, lemmas
from storyline.stages.agencies import LONGEST_AGENCY, hyphenated, is_agency, latin_name, names_agency_after_descriptor
from storyline.stages.areas import is_area
from storyline.stages.attribution import find_outlets
from storyline.stages.companies import is_listed_company
from storyline.stages.country_adjectives import LONGEST_ADJECTIVE, country_of_adjective
from storyline.stages.date_expressions import MONTHS, WEEKDAYS, is_part_of_month
from storyline.stages.entity_cues import (
    DIVISION_IN_ENGLISH,
    PERSON_TITLES,
    calendar_words,
    capitalised_language_names,
    capitalises_calendar,
    cldr_locale,
    division_nouns,
    ends_as_a_street,
    ends_in_org_word,
    has_org_word,
    has_place_word,
    is_brand_shaped,
    is_club_prefix,
    is_compound_title,
    is_first_lady,
    is_generic_org_noun,
    is_legal_form,
    is_named_organisation,
    is_person_title,
    is_portfolio,
    is_street_small_word,
    month_abbreviations,
    office_words_at_end,
    opening_org_word,
    opens_with_org_word,
    street_noun_before,
    time_zone_abbreviations,
)
from storyline.stages.gazetteer import (
    METROPOLIS_POPULATION,
    MIN_CITY_POPULATION,
    MIXED_CASE_ACRONYMS,
    Place,
    country_names_in,
    find_country_by_code,
    find_country_inflected,
    find_organisation,
    find_place,
    find_place_inflected,
    find_region_by_code,
    find_town,
    first_language_of,
    home_country,
    is_capital,
    is_country,
    may_end_a_town,
    spoken_in,
    without_accents,
)
from storyline.stages.given_names import is_family_name, is_given_name, listed_first_names, registered_first_name
from storyline.stages.historic_states import is_historic_state
from storyline.stages.institutions import (
    LONGEST_NAME,
    Institution,
    country_institution,
    find_institution,
    find_office,
    is_home_office,
    may_open_institution,
    may_open_office,
)
from storyline.stages.keys import (
    HAN_RANGES,
    acronym_key,
    as_written,
    given_key,
    is_latin,
    is_mixed_case_acronym,
    latin,
    name_key,
    spelling,
    writes_no_vowels,
)
from storyline.stages.latin_names import rather_a_first_name, rather_a_surname
from storyline.stages.name_context import (
    after_a_feature_and_connector,
    after_a_kind_of_place,
    after_locative_preposition,
    before_a_feature,
    closes_with_a_feature,
    heads_a_list_of_features,
    is_german_descriptor,
    is_list_conjunction,
    may_name_a_feature,
    names_a_feature,
    names_a_kind_of_company,
    names_a_kind_of_place,
    part_of_a_known_place,
    place_context,
)
from storyline.stages.name_endings import (
    case_forms_named_again,
    is_feminine_surname,
    is_first_name_in_case,
    latin_slavic_nominative,
)
from storyline.stages.name_filters import (
    APOSTROPHE_SUFFIX,
    COMMON_WORD_CITY_POPULATION,
    FUNCTION_WORD_LETTERS,
    INTERFACE_WORDS,
    MAX_ACRONYM,
    NOUN_CAPITALISING,
    Found,
    frequent_words,
    german_nouns,
    names_a_holiday,
    not_a_name,
    noun_compound,
    nouns_after_articles,
)
from storyline.stages.name_languages import (
    ENDINGS_ONLY,
    LATIN_SLAVIC,
    LOWERCASE_DICTIONARIES,
    NAME_PARTICLES,
    NAMES_NOT_INFLECTED,
)
from storyline.stages.name_shapes import (
    CONNECTORS,
    MAX_NAME_WORDS,
    TURKIC,
    connector_glue,
    heading_stretches,
    is_known_word,
    is_roman_numeral,
    lower_for,
    lowercase_stems,
    names_a_division,
    particle_glue,
)
from storyline.stages.named_entities import NamedSpan, named_spans, read_sentences, type_sentences
from storyline.stages.place_cases import place_in_case
from storyline.stages.place_institutions import find_place_institutions
from storyline.stages.polish_grammar import name_kind as polish_name_kind
from storyline.stages.polish_grammar import nominative_phrase
from storyline.stages.polish_grammar import verb_only as polish_verb_only
from storyline.stages.regnal_names import find_regnal_names, regnal_key
from storyline.stages.towns_abroad import towns_of_named_countries
from storyline.stages.uncased_names import is_uncased, known_names

# an acronym of two letter groups joined by "&" is one word ("AT&T", "S&P", "P&G", "H&M")
# a word in capitals that a page glued to a capitalised word after it ("HELMUT FOHRINGERWien", a caption's
# name and a dateline's place) is a word of its own, and so is the one after it
_GLUED_TO_CAPITALS = r"[A-ZÀ-ÖØ-Þ]{4,}(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,})"
# (no word opens after a number's apostrophe: "KOVID-19'DAN", "2020'de" end in a Turkish case ending)
_WORD = re.compile(
    rf"(?<!\d['’])(?:[A-Z]{{1,3}}&[A-Z]{{1,3}}(?![\w&])|{_GLUED_TO_CAPITALS}|[^\W\d_][\w'’\u2011]*[^\W_]|[^\W\d_])"
)
# a syllable of a romanised Korean or Chinese given name ("jong", "un", "moon", "shek"), possessive or not
_ROMANISED_SYLLABLE = re.compile(r"(?=[a-z]{1,4}\b)[a-z]{0,3}[aeiouy][a-z]{0,3}(?:['’]s)?")
_FAMILY_SYLLABLE_LETTERS = 6  # "Kim", "Moon", "Chiang"
# The US states' abbreviations in the news agencies' style (AP) that are no postal codes, after a US city
# and a comma in datelines and captions ("Sacramento, Calif."): their ISO 3166-2 codes. Those of two
# words ("N.Y.", "W.Va.") are read as letters.
_US_STATE_ABBREVIATIONS = {
    "Ala": "AL", "Ariz": "AZ", "Ark": "AR", "Calif": "CA", "Colo": "CO", "Conn": "CT", "Del": "DE",
    "Fla": "FL", "Ga": "GA", "Ill": "IL", "Ind": "IN", "Kan": "KS", "Ky": "KY", "La": "LA", "Md": "MD",
    "Mass": "MA", "Mich": "MI", "Minn": "MN", "Miss": "MS", "Mo": "MO", "Mont": "MT", "Neb": "NE",
    "Nev": "NV", "Okla": "OK", "Ore": "OR", "Pa": "PA", "Tenn": "TN", "Vt": "VT", "Va": "VA",
    "Wash": "WA", "Wis": "WI", "Wyo": "WY",
}  # fmt: skip
# an acronym written with full stops ("U.S.", "U.N.", "U.K.")
_DOTTED_ACRONYM = re.compile(r"(?<![^\W\d_])(?:[A-Z]\.){2,}(?![^\W\d_])")
# Spanish abbreviates a plural by doubling each letter ("EE.UU." or "EE. UU.", Estados Unidos; "FF.AA.",
# Fuerzas Armadas; "CC.OO.", Comisiones Obreras): one word, its letters without the stops and the space
_DOUBLED_ACRONYM = re.compile(r"(?<![^\W\d_])([A-Z])\1\.(?: ?([A-Z])\2\.)+(?![^\W\d_])")
# words (as ``_WORD``) in a sentence holding Chinese characters: a run of them is a word, and a word of
# other letters holds none ("OpenAI首席执行官" is two words)
_NOT_HAN = rf"(?![{HAN_RANGES}])"
_WORD_BESIDE_HAN = re.compile(
    rf"[{HAN_RANGES}]+|{_NOT_HAN}[^\W\d_](?:{_NOT_HAN}[\w'’\u2011])*{_NOT_HAN}[^\W_]|{_NOT_HAN}[^\W\d_]"
)
# A surname of two names joined by a hyphen, after a first name (or two joined so): "Annegret
# Kramp-Karrenbauer", "Marie-Agnes Strack-Zimmermann"
_DOUBLE_SURNAME = re.compile(r"(?<![\w-])([^\W\d_]+(?:-[^\W\d_]+)?) ([^\W\d_]{2,})-([^\W\d_]{2,})(?![\w-])")
_JOINER = "\u2011"  # a non-breaking hyphen: the word reader keeps the two halves one word
# A closing quote ends a sentence only after end punctuation: «“very productive,” the FT writes» is one.
# "LAREDO, TX.- Aunque...": a dateline's full stop and dash end it as a sentence
# endings of family names that dictionaries of some languages list as words too (Szumowski, Kovalenko)
_SURNAME_ENDINGS = (
    "ski", "ska", "cki", "cka", "wicz", "czyk", "enko", "chuk", "yuk", "iuk", "ov", "ova", "ev", "eva",
    "sky", "skyi", "skiy", "oğlu", "ović", "ovic", "ević", "evic",
)  # fmt: skip
# "maja.Changes" (x.Yz), "de 2020.Objectif" (a number of two digits or more, then .Yz; not "1.FC")
_GLUED = re.compile(r"(?:(?<=[^\W\d_]{2})([^\W\d_])|(?<=\d)(\d))\.(?=([^\W\d_])([^\W\d_]))")
# Abbreviations whose full stop ends no sentence: titles and ranks before a name, and what comes before
# a street, a date's year or a number, in the languages storyline reads (not "St", "Ft", "Mt":
# ``_PLACE_ABBREVIATIONS``; not "Jr" nor "etc", which end sentences)
_ABBREVIATIONS = frozenset([
    "mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "lt", "lieut", "gen", "col", "capt", "cpt", "sgt",
    "cpl", "adm", "cmdr", "maj", "brig", "hon", "rev", "supt", "det", "insp", "atty", "pres", "vs", "sr", "sra",
    "srta", "dra", "lic", "ing", "arq", "gral", "mme", "mlle", "mgr", "dott", "sig", "avv", "doç", "uzm", "dipl",
    "abg", "hl", "ks", "płk", "ppłk", "inż", "hab", "św", "ul", "br", "nr", "tzw", "godz", "проф", "акад", "ген",
    "ул", "им", "св",
])  # fmt: skip
_PLACE_ABBREVIATIONS = frozenset({"st", "ste", "ft", "mt"})
_SAINTS = frozenset({"st", "ste"})
_SAINT_WORDS = _SAINTS | {"saint", "sainte", "sankt", "san", "santa", "santo", "são", "sint", "sveti", "sveta"}
_TITLE_LETTERS = {"fr": ("M",)}  # a language's titles of one letter: Monsieur
# within one sentence, a full stop after these is no break between words either (a French "M." ends
# no sentence, ``_TITLE_LETTERS``)
_ABBREVIATED = _ABBREVIATIONS | _PLACE_ABBREVIATIONS | {"m"}
_LAST_WORD = re.compile(r"(?:^|(?<=[\s(\"„«“'’]))([^\W\d_]+)$")
_NEXT_WORD = re.compile(r"[^\W\d_]+")
_WORD_LOOK_BACK = 64  # characters
T = TypeVar("T")
_SENTENCE_BREAK = re.compile(
    r"(?<=[。！？])(?![」』”’\"])|(?<=[。！？][」』”’\"])|"
    r" {2,}|(?<=[.!?…])\s+|(?<=[.!?…][»\"”“])\s+|(?<=\.)[-–—]\s+|(?<=\))\s+[-–—]\s+(?=[^\W\d_])|\n+"
)
_MORPHOLOGY_LANGUAGES = ("ru", "uk")
_AFTER_COLON = re.compile(r"\s*:\s+[\"'«»„“”‘’]?")  # between a word and the next: a colon, a space, maybe a quote
MIN_GENITIVE_LETTERS = 5  # "Irans", not "Uss"
# one or two words before a colon that open a sentence or follow a bar, a dash or a dateline in capitals,
# and that a number or an agency's acronym follows: "Kaynak: AA", "11:38 | Son Güncelleme: 18.02.2020",
# "- ORDU Kaynak: İHA" ("Marcin Gortat: Nie wiem", before a quotation, is a name)
_LABEL_BEFORE_DATE = re.compile(r"(?<![\w'’])([^\W\d_][\w'’]*) ?: *([^\W\d_]+)")  # a word, a colon, a month's name
_LABEL = re.compile(
    r"(?:^[\W\d_]*|[|–—-] *|(?<=[A-ZÇĞİÖŞÜ]{3}) )([^\W\d_][\w'’]*(?: [^\W\d_][\w'’]*)?) ?: *"
    r"(?=\d|[A-ZÇĞİÖŞÜ]{2,}(?![a-zçğıöşü]))"
)
# languages that write a name the same in every sentence (no case endings on names)
_ENDING_LETTERS = 2  # letters a case ending may change at a surname's end ("Dudy" for "Duda", "Лаврова")
_PROPER_TAGS = {"Surn": "person", "Name": "given", "Patr": "person", "Geox": "place", "Orgn": "org"}
_MAX_RUN = 4
_NAME_APOSTROPHE = re.compile(r"^\w{1,3}['’ʼ][A-ZА-ЯЁІЇЄҐ]")  # a name's prefix: O'Leary, D'Alema, О'Лірі
_TYPOGRAPHIC_APOSTROPHE = re.compile(r"[’ʼ]")
_APOSTROPHE_IN_WORDS = ("uk", "be")
# Russian: the last letters of a foreign name that does not decline (Мелони, Рютте, Рубио); Russian and
# Ukrainian: the case endings of a name declined like a noun with a consonant stem, longest first
_UNDECLINED_ENDINGS = frozenset("иоеэю")
_CASE_ENDINGS = ("ом", "ем", "ём", "ові", "еві", "а", "я", "у", "ю", "е")
_MIN_STEM_LETTERS = 3
_VOWEL_ENDINGS = frozenset("аяоеиы")  # the endings a guessed feminine or neuter lemma adds to a consonant
_CONSONANTS = frozenset("бвгджзйклмнпрстфхцчшщ")  # Russian and Ukrainian consonants (й too: Гафай)
_TURKISH_ADDRESS = frozenset({"bey", "hanım", "paşa", "hoca", "efendi", "ağa", "usta", "abla", "ağabey"})
_NAME_HYPHEN = re.compile(r"(?<=[^\W\d_])[-‐–](?=[^\W\d_a-zа-яёіїєґ])")  # a hyphen before a capital letter
# a model's name with its acronym after it in parentheses ("Содружества независимых государств (СНГ)"): two names
_ACRONYM_AFTER_NAME = re.compile(r"(.*[^\W\d_])\s*\(([^\W\d_]{2,})\)?")  # the span's words end before ")"
_CYRILLIC = re.compile(r"^[\u0400-\u04ff]+$")
# Bulgarian adjectives in the definite form (Белия, Държавния, Съединените, Западната, Новото)
_BULGARIAN_DEFINITE_ADJECTIVE = ("ия", "ият", "ата", "ото", "ите")
# How Bulgarian nouns' dictionary forms end where a definite adjective's would not ("камара", "комисия",
# "министерство"; the adjectives' are masculine: "държавен", "народен", "европейски")
_BULGARIAN_NOUN_LEMMA_ENDINGS = ("а", "я", "о", "е")
# French and Italian elisions glue an article to a name: "l’OEA", "d'Italia".
_ACRONYM_PLURAL = re.compile(rf"[A-Z]{{2,{MAX_ACRONYM}}}s")  # an acronym with a plural ending
_ELISION = re.compile(r"^(?:[lLdDjJmMnNsStTcC]|[qQ]u|[dD]ell|[sS]ull|[nN]ell|[aA]ll)['’](?=[^\W\d_])")
_ALL_CONNECTORS = frozenset().union(*CONNECTORS.values())
_MAX_LOWERCASE_PLACE_WORDS = 3  # "Amérique du Nord", "Émirats arabes unis"
_PLACE_IN_CAPITALS = 4  # letters of the shortest place name looked up from capitals ("KÖLN", "ROMA")
_MIN_GIVEN_LETTERS = 3  # two-letter first names (Le, Li, Al) are words or particles too often
# A word with this many digits is a code, not a name ("MENAFN3112201900670000ID109949436", a wire's item
# number); names hold a few ("News18", "Airbus A380", "COVID-19", "G20").
_IDENTIFIER_DIGITS = 6
# A reporting period as business news writes it ("FY20", "FY2021", "Q3", "H1", "1H20"): a code, not an
# acronym of an organisation (each had become an organisation joining every company's results)
_REPORTING_PERIOD = re.compile(r"(?:FY|CY|[QH][1-4])(?:\d{2}|\d{4})?|[1-4]?[QH]\d{2}(?:\d{2})?")
_REPORTING_PERIOD_LETTERS = 6  # the longest the pattern matches ("FY2021", "1H2020")
# A page's labels set in capitals ("[VIDEO]", "(FOTO)", "LIVE:", "OK", "FILE PHOTO:"): short enough to read as
# acronyms, and one organisation "VIDEO" joined every article a page labelled so.
_LABELS_IN_CAPITALS = frozenset([
    "video", "vídeo", "vidéo", "wideo", "videó", "foto", "fotos", "photo", "photos", "audio", "live", "ok", "okay",
    "galeria", "galerie", "gallery", "galeri", "fotogalerie", "zdjęcia", "update", "canlı", "file", "close", "free",
    "trial", "subscribe", "share", "watch", "listen", "print", "email", "menu",
    "ots",  # news aktuell's press-release service, in the dateline of a release ("Stuttgart (ots) -")
    "com", "net",  # a web address's ending in capitals, read as a word of its own ("HABERTURK.COM")
])  # fmt: skip
# the words of ``_NOT_NAMES`` that open names of common words ("General Motors", "State Council")
_TITLE_WORDS_OPENING_NAMES = frozenset({"general", "state", "foreign", "prime"})
# Capitalised words that are not names in the languages that capitalise them mid-sentence.
_NOT_NAMES = {
    *MONTHS,
    *WEEKDAYS,
    "i",
    "the",
    "a",
    "an",
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "minister",
    "prime",
    "secretary",
    "foreign",
    "state",
    "general",
    "ceo",
    "he",
    "she",
    "we",
    "they",
    "it",
    # German's polite "you", which it capitalises inside a sentence ("können Sie ContentRead erhalten")
    *["sie", "ihnen", "ihr", "ihre", "ihrer", "ihrem", "ihren", "ihres"],
    # acronyms of common nouns: the media ("СМИ", "ЗМІ"), the gross domestic product ("ВВП", "БВП"), an oil
    # refinery ("НПЗ"), a nuclear, thermal or hydro power plant, a filling station, a road accident, a drone,
    # value added tax, a university, housing services: any of them, not one of them named
    *["сми", "змі", "ввп", "бвп", "нпз", "аэс", "аес", "аец", "тэц", "тец", "гэс", "гес", "вец", "азс"],
    *["дтп", "птп", "бпла", "ндс", "пдв", "ддс", "вуз", "внз", "жкх", "жкг"],
    # German's numbers that are nouns, capitalised before what they count ("2,5 Millionen Mal", "Tausend Dollar")
    *["millionen", "milliarden", "billionen", "tausend", "tausende", "hunderte", "dutzende"],
    # Turkish month names, which take suffixes after an apostrophe ("Şubat'ta")
    *["ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"],
}


def extract_entities(articles: Sequence[Article]) -> list[Article]:
    """Set ``entities`` on every article."""
    return [article.evolve(entities=find_mentions(article)) for article in articles]


def split_sentences(text: str, language: str | None = None) -> list[str]:
    """Sentences and headings, blank pieces dropped; sentences a page glued together ("od 25
    maja.Changes można") are two; an abbreviation's full stop ends none (``_continues``)."""
    pieces, start = [], 0
    for found in _SENTENCE_BREAK.finditer(text):
        if not _continues(text, found, language):
            pieces.append(text[start : found.start()])
            start = found.end()
    pieces.append(text[start:])
    return [piece.strip() for sentence in pieces for piece in _unglued(sentence) if piece.strip()]


def clause_openings(sentence: str, spans: list[tuple[int, int, str, bool]]) -> frozenset[int]:
    """The indices (in the sentence's ``_word_spans``) of the capitalised words that open a clause after
    a colon, a quotation or a heading's subject before them: "Мей відповіла: Наскільки я знаю",
    "Zbyněk Fiala: V Číně už očkovali". Such a word is read as a sentence's first word is."""
    if ":" not in sentence:
        return frozenset()
    return frozenset(
        index
        for index in range(1, len(spans))
        if _AFTER_COLON.fullmatch(sentence[spans[index - 1][1] : spans[index][0]]) and spans[index][2][:1].isupper()
    )


def _follows_a_first_name(text: str, at: int) -> bool:
    """Whether a capital letter at ``at`` is a middle name's initial: a listed first name comes before it
    ("Donald J. Trump"), not a common word ("in group A. Officials", "Ruta N. Es posible", "z. B. Aus
    Italien")."""
    end = at
    while end > 0 and text[end - 1] == " ":
        end -= 1
    previous = _last_word(text, end)
    return previous is not None and is_given_name(previous[1])


def _continues(text: str, found: re.Match[str], language: str | None = None) -> bool:
    """Whether the sentence goes on over a full stop and one space: before a word in lowercase ("the
    U.S. economy"), after an initial ("Donald J. Trump", "В. Путин"), a title's or an address's
    abbreviation ("Gov. Ron DeSantis", "prof. Andrzej Horban", "ul. Marszałkowskiej", "28 lutego br.
    Sąd Rejonowy", French "M. Macron") or a saint's or a fort's before a place of that name ("St.
    Louis", not "Main St. Police"), a saint's before a first name ("St. Joseph Kirche"), or a Spanish
    plural's ("EE. UU.")."""
    if found.group(0) != " " or text[found.start() - 1] != ".":
        return False
    following = _NEXT_WORD.match(text, found.end())
    if following is None:
        return False
    if following.group(0)[0].islower():
        return True
    before = _last_word(text, found.start() - 1)
    if before is None:
        return False
    at, word = before
    if word in _TITLE_LETTERS.get(language or "", ()):  # "M. Macron": Monsieur
        return True
    if len(word) == 1 and word.isupper():
        return _follows_a_first_name(text, at)
    if _DOUBLED_ACRONYM.fullmatch(text, at, found.end() + len(following.group(0)) + 1):
        return True  # "EE. UU.": one abbreviation
    folded = word.casefold()
    if folded in _PLACE_ABBREVIATIONS:
        return find_place(f"{word}. {following.group(0)}") is not None or (
            folded in _SAINTS and is_given_name(following.group(0))  # "St. Joseph Kirche", "Ste. Anne"
        )
    return folded in _ABBREVIATIONS


def _last_word(text: str, end: int) -> tuple[int, str] | None:
    """(start, word) of the word that ends at ``end`` after a space, a bracket or a quotation mark (or
    at the text's start). Looks back a short stretch only: searching from the text's start at every
    full stop made a long text's sentences cost the square of its length (a 200,000-character article
    took a minute)."""
    start = max(0, end - _WORD_LOOK_BACK)
    found = _LAST_WORD.search(text[start:end])
    if found is not None and found.start(1) == 0 and start > 0:  # a word longer than the stretch
        found, start = _LAST_WORD.search(text, 0, end), 0
    return None if found is None else (start + found.start(1), found.group(1))


def _unglued(sentence: str) -> list[str]:
    """A sentence cut where a full stop follows a lowercase word or a number and a capitalised word
    follows it with no space: a lost line break, not an abbreviation ("U.S.", "e.g.") or a web address."""
    cuts = [
        match.end()
        for match in _GLUED.finditer(sentence)
        if (match.group(2) or match.group(1).islower()) and match.group(3).isupper() and match.group(4).islower()
    ]
    if not cuts:
        return [sentence]
    return [sentence[start:end] for start, end in zip([0, *cuts], [*cuts, len(sentence)], strict=True)]


def keys_in_sentence(sentence: str, language: str | None, surnames: frozenset[str] = frozenset()) -> set[str]:
    """Entity keys a single sentence names (sentence-initial words included; callers filter).
    ``surnames``: its article's ``double_surnames``."""
    sentence = with_double_surnames(sentence, surnames)
    words = _words_with_breaks(sentence, language)
    return {
        mention.key for mention in _sentence_mentions(sentence, words, {word.lower() for word, _ in words}, language)
    }


def double_surnames(text: str, language: str | None) -> frozenset[str]:
    """The surnames of two names joined by a hyphen that a text writes after a listed first name
    ("Kramp-Karrenbauer" of "Annegret Kramp-Karrenbauer"), not a place's hyphenated name, two first
    names, nor a name joined to a word of the language ("West Virginia-Abteilung", "Atlanta
    Journal-Constitution"; a word that is also a listed family name stays a name: "Strack-Zimmermann"):
    everywhere in the text, with or without the first name, they are one word
    (``with_double_surnames``), so that the bare "Kramp-Karrenbauer" is the same name and its halves
    no names of their own. Two names that stand alone keep the hyphen between them ("Merkel-Macron")."""
    found = set()
    for match in _DOUBLE_SURNAME.finditer(text):
        given, first, second = match.groups()
        if not (given[:1].isupper() and first[:1].isupper() and second[:1].isupper()):
            continue
        if not all(_may_be_first_name(part, language) for part in given.split("-")) or _hyphenated_given_name(
            first, second
        ):
            continue
        if _word_of(second, language) and not is_family_name(second):
            continue
        if find_place(f"{first}-{second}") is None:
            found.add(f"{first}-{second}")
    return frozenset(found)


def _may_be_first_name(word: str, language: str | None) -> bool:
    """A listed first name, or a capitalised word no list or dictionary knows otherwise ("Collien" of
    "Collien Ulmen-Fernandes"): not a word of the language nor a family name ("Treffen Merkel-Macron",
    "Macron Merkel-Putin" name no one's double surname)."""
    if is_given_name(word):
        return True
    known = language in SUPPORTED_LANGUAGES and lemmas.is_known(word.lower(), language or "")
    return not (known or _word_of(word, language) or is_family_name(word))


def _word_of(word: str, language: str | None) -> bool:
    """A common word of the language or of English as written, or in a language that capitalises its
    nouns any word its dictionary knows ("Hof", court, is also a town)."""
    if not language:
        return False
    return lemmas.common_word(word, language) or (language in NOUN_CAPITALISING and lemmas.is_known(word, language))


def with_double_surnames(text: str, surnames: frozenset[str]) -> str:
    """``text`` with each of ``surnames`` written as one word (its hyphen a non-breaking one: the
    text's length and offsets stay)."""
    for name in surnames:
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", name.replace("-", _JOINER), text)
    return text


def find_mentions(article: Article) -> tuple[EntityMention, ...]:
    text = (article.title or "") + "\n" + article.text
    sentences = split_sentences(with_double_surnames(text, double_surnames(text, article.language)), article.language)
    spans = [_word_spans(sentence, article.language) for sentence in sentences]
    tokenised = [[(word, broken) for _start, _end, word, broken in words] for words in spans]
    openings = [clause_openings(sentence, words) for sentence, words in zip(sentences, spans, strict=True)]
    lowercase = {word for words in tokenised for word, _ in words if word[:1].islower()}
    # German capitalises its nouns, and its headings are not in title case
    title_case = article.language not in NOUN_CAPITALISING
    stems = lowercase_stems(lowercase)
    headings = [
        heading_stretches(words, article.language, lowercase, stems) if title_case else [] for words in tokenised
    ]
    # capitals in a title-case heading say nothing of a word: only those elsewhere count
    mid_sentence_caps = {
        word.lower()
        for words, stretches, opening in zip(tokenised, headings, openings, strict=True)
        for index, (word, _) in enumerate(words)
        if index > 0
        and index not in opening
        and _is_capitalised(word, article.language)
        and not any(index in stretch for stretch in stretches)
    }
    # a word the article also writes in lowercase, and never capitalised inside a sentence, is no name
    # when it opens one ("Ако президентът..." beside "ако Москва..."), whatever a dictionary says of it
    common = lowercase - mid_sentence_caps
    read_sentences(sentences, article.language)  # a model, where one serves the language, reads them all at once
    by_sentence: list[tuple[str, list[Found]]] = []
    for sentence, words, stretches, opening in zip(sentences, tokenised, headings, openings, strict=True):
        words = _heading_words_demoted(words, stretches, mid_sentence_caps, article.language)
        mentions = _sentence_mentions(sentence, words, mid_sentence_caps, article.language, common, lowercase, opening)
        labels = _labels(sentence, article.language)
        mentions = [mention for mention in mentions if mention.surface not in labels]
        by_sentence.append((sentence, _reporters_are_organisations(mentions, sentence, article.language)))
    found = [
        mention
        for _sentence, mentions in _untyped_typed_by_model(by_sentence, article.language)
        for mention in mentions
    ]
    if article.language == "zh":
        found = _glossed_throughout(_pieces_of_persons(found, text))
    typed = [
        _person_by_given_name(m, lowercase, article.language) for m in found if not german_nouns(m, article.language)
    ]
    typed = _places_named_again(case_forms_named_again(typed, article.language))
    nouns = nouns_after_articles(tokenised, article.language)
    holidays_words = _words_of_holidays(typed)
    kept = [
        m
        for m in _resolve_surnames(typed, lowercase, article.language)
        if not not_a_name(m, article.language, lowercase, nouns)
        and (m.key, m.surface) not in holidays_words
        and not _month_in_dates(m, text, article.language)
        and not _page_label(m)
        and not (article.language == "pl" and " " not in m.surface and polish_verb_only(m.surface))
    ]
    kept = _institutions_named(_agencies_named(kept, tokenised, article.language), tokenised, article.language)
    kept = _country_institutions_named(kept, tokenised, article.language)
    kept = _place_institutions_named(kept, tokenised, article.language)
    kept = _regnal_names_named(kept, tokenised, article.language)
    kept = [_listed_company(m, article.language) for m in kept]
    kept = towns_of_named_countries(kept, article.language)
    merged = _merge_in_article(_expand_acronyms(kept, _acronyms_declared(kept, text)))
    return tuple(_hyphen_restored(mention) for mention in merged)


def _words_of_holidays(found: list[Found]) -> set[tuple[str, str]]:
    """(key, word) of each word of the holidays of several words found (``name_filters.names_a_holiday``):
    the same words alone, with the same key, are what is left of the holiday where a sentence opens with it
    and its first word was read as the sentence's ("Año Nuevo" at a sentence's start gave "Nuevo")."""
    return {
        (mention.key, word)
        for mention in found
        if " " in mention.surface and names_a_holiday(mention)
        for word in mention.surface.split()
    }


def _page_label(mention: Found) -> bool:
    """A page's label in capitals alone ("[VIDEO]", "FILE", "LIVE:"); in a longer run of capitals the
    heading rule reads it (``name_filters``: "TAKE A FREE TRIAL")."""
    return mention.surface.isupper() and mention.surface.lower() in _LABELS_IN_CAPITALS


def _month_in_dates(mention: Found, text: str, language: str | None) -> bool:
    """A lone word that abbreviates a month ("Dec", "Sept"), which the article writes only before a day's
    number ("Tuesday, Dec. 31, 2019"): a date's part, not a name. "May" that also stands alone is kept."""
    word = mention.surface
    if " " in word or mention.given or ":" in mention.key or word.casefold() not in month_abbreviations(language):
        return False
    return all(found.group(1) for found in re.finditer(rf"(?<!\w){re.escape(word)}\b\.?\s*(\d)?", text))


def _untyped_typed_by_model(
    by_sentence: list[tuple[str, list[Found]]], language: str | None
) -> list[tuple[str, list[Found]]]:
    """Where a model only types names (``type_sentences``), the untyped ones take the kind of the one
    name it finds over them; the model reads only the sentences that hold such names."""
    untyped = [sentence for sentence, mentions in by_sentence if any(m.kind == "misc" for m in mentions)]
    read = type_sentences(untyped, language)
    if read is None:
        return by_sentence
    spans = dict(zip(untyped, read, strict=True))
    return [
        (sentence, [_kind_from_spans(mention, sentence, spans.get(sentence, []), language) for mention in mentions])
        for sentence, mentions in by_sentence
    ]


def _kind_from_spans(mention: Found, sentence: str, spans: list[NamedSpan], language: str | None) -> Found:
    """An untyped mention's kind from the model's names over its first place in the sentence, where they
    agree on one."""
    at = sentence.find(mention.surface)
    if mention.kind != "misc" or at < 0:
        return mention
    kinds = {span.kind for span in spans if span.start < at + len(mention.surface) and span.stop > at}
    if len(kinds) != 1 or (kinds == {"person"} and _ends_in_a_thing(mention.surface, language)):
        return mention
    return dataclasses.replace(mention, kind=kinds.pop())


def _ends_in_a_thing(surface: str, language: str | None) -> bool:
    """Whether a name's last word is a common noun of a thing the dictionary knows, and no name part: no
    person's name ("Консервативної партії", which the Russian model reads in Ukrainian as a person's).
    Bulgarian is read with the Russian dictionary, whose nouns it mostly shares."""
    word = surface.split()[-1].lower()
    parses = _cyrillic_analyzer(language).parse(word)
    known = [parse for parse in parses if parse.is_known]
    return bool(known) and all(
        parse.tag.POS == "NOUN" and "inan" in parse.tag.grammemes and parse.tag.grammemes.isdisjoint(_PROPER_TAGS)
        for parse in known
    )


def _agencies_named(found: list[Found], tokenised: list[list[tuple[str, bool]]], language: str | None) -> list[Found]:
    """News agencies (``agencies.py``) are organisations: a mention that is one is typed so, and one the
    capitalised runs left out is added (the lowercase "dpa", "Reuters" where a credit line opens a
    sentence), unless a mention already holds its words ("Thomson Reuters")."""
    typed = [_as_agency(m) if is_agency(m.surface) else m for m in found]
    taken = {word for mention in typed for word in mention.surface.split()}
    for words in tokenised:
        for name, _ in _known_spans(
            [word for word, _ in words], LONGEST_AGENCY, lambda name: is_agency(" ".join(name)) or None
        ):
            parts = [
                m for m in typed if len(name) > 1 and set(m.surface.split()) < set(name)
            ]  # "Франс" of "Франс прес"
            if parts:
                typed = [m for m in typed if m not in parts]
                taken.difference_update(word for m in parts for word in m.surface.split())
            if taken.isdisjoint(name) and (mention := _agency_mention(name, language)) is not None:
                typed.append(mention)
                taken.update(name)
    return typed


def _institutions_named(
    found: list[Found], tokenised: list[list[tuple[str, bool]]], language: str | None
) -> list[Found]:
    """The seats of government a sentence names (``institutions.py``: "в Кремле", "Білий дім", "The State
    Department", "Beyaz Saray'ın"), each replacing the mentions the runs made of its words ("Кремле" as a
    place of its own, "Білий" as a person, "Department")."""

    def opening(window: list[str]) -> Institution | None:
        return _institution_opening(window, language)

    named = [
        Found(key=place.id, given="", surface=" ".join(window), kind="org", lemma=place.name)
        for words in tokenised
        for window, place in _known_spans([word for word, _ in words], LONGEST_NAME, opening, _may_open_institution)
    ]
    if not named:
        return found
    covered = {word for mention in named for word in mention.surface.split()}
    ids = {mention.key for mention in named}  # and the sentence's acronyms of one of them: the name's one mention
    covered |= {
        word
        for m in found
        for word in m.surface.split()
        if word.isupper() and (place := find_place(word)) is not None and place.id in ids
    }
    kept = [mention for mention in found if not set(mention.surface.split()) <= covered]
    return kept + named


def _country_institutions_named(
    found: list[Found], tokenised: list[list[tuple[str, bool]]], language: str | None
) -> list[Found]:
    """Each office a sentence names with its country ("МИД Германии", "Сенате США", "Pakistan's Supreme
    Court": ``institutions.country_institution``), replacing the mentions the runs made of the office's
    words alone ("МИД", "Сенат"); the country keeps its own mention."""
    named: list[tuple[Found, set[str]]] = []
    for words in tokenised:
        plain = [word for word, _ in words]
        for start, end, office in _known_span_positions(plain, 4, find_office, may_open_office):
            country = _country_after(plain, end, language) or _country_before(plain, start, language)
            if (
                country is None
                and is_home_office(office)
                and (home := _home_of_named_office(plain[start:end], language))
            ):
                country = (start, end), home
            if country is None:
                continue
            (first, last), place = country
            institution = country_institution(office, place.id, place.name)
            surface = " ".join(plain[min(start, first) : max(end, last)])
            named.append((Found(institution.id, "", surface, "org", institution.name), set(plain[start:end])))
    return _institutions_replace_runs(found, named)


def _place_institutions_named(
    found: list[Found], tokenised: list[list[tuple[str, bool]]], language: str | None
) -> list[Found]:
    """Each institution a sentence names after a place ("Universidad de Antioquia", "Denizli Devlet
    Hastanesi": ``place_institutions``), under its English name, replacing the mentions the runs made of
    it; the place keeps a mention of its own where it had one."""
    named: list[tuple[Found, set[str]]] = []
    for words in tokenised:
        plain = [word for word, _ in words]
        breaks = [broken for _, broken in words]
        for institution in find_place_institutions(
            plain,
            breaks,
            language,
            lambda run: _place_of_institution(run, language),
            lambda word: _may_name(word, language),
        ):
            first, last = institution.place_words
            surface = " ".join(plain[institution.start : institution.end])
            # the place's own words are none of the generic ones ("de" of "gobierno de la Ciudad de México")
            generic = set(plain[institution.start : first] + plain[last : institution.end]) - set(plain[first:last])
            named.append((Found(institution.id, "", surface, "org", institution.name), generic))
    return _institutions_replace_runs(found, named)


def _regnal_names_named(
    found: list[Found], tokenised: list[list[tuple[str, bool]]], language: str | None
) -> list[Found]:
    """Each monarch or pope a sentence names by a first name and a Roman number ("Charles III", "папой Львом
    XIV": ``regnal_names``), a person of its own. The mentions the runs made of the first name as written
    ("Elizabeth" as the town in New Jersey, "Карл") become that person throughout the article, and of the
    number alone ("XIV") are dropped."""
    named: dict[str, Found] = {}
    numbers: set[str] = set()
    for words in tokenised:
        plain = [word for word, _ in words]
        for name in find_regnal_names(
            plain, [broken for _, broken in words], lambda word: _first_name_word(word, language)
        ):
            first = [_first_name_lemma(word, language) for word in name.first]
            key = regnal_key(given_key(first[0]), name.number)
            lemma = " ".join([*first, name.number])
            named[" ".join(name.first)] = Found(
                key, given_key(first[0]), " ".join([*name.first, name.number]), "person", lemma
            )
            numbers.add(name.number)
    if not named:
        return found
    kept = [
        dataclasses.replace(named[mention.surface], surface=mention.surface) if mention.surface in named else mention
        for mention in found
        if mention.surface not in numbers
    ]
    return kept + list(named.values())


def _first_name_word(word: str, language: str | None) -> bool:
    """A first name as a sentence writes it: listed, or in a case form morphology reads as one ("Львом"); not
    a title that is someone's first name too ("King Charles III")."""
    return word.casefold() not in PERSON_TITLES and _is_first_name(word, language)


def _first_name_lemma(word: str, language: str | None) -> str:
    """A first name's dictionary form where morphology reads one as a name ("Львом": Лев) or gives a listed
    first name ("Jana": Jan), else the word as written."""
    lemma, kind = _lemma_and_kind(word, language)
    return lemma if kind == "given" or (lemma != word and is_given_name(lemma)) else word


def _place_of_institution(run: list[str], language: str | None) -> tuple[str, str] | None:
    """The place (not an organisation) a run of capitalised words names: its id and English name."""
    words = [APOSTROPHE_SUFFIX.sub("", word) for word in run]
    lemma = _lemma_and_kind(words[-1], language)[0] if len(words) == 1 else ""
    place = _place_for_run(words, lemma, language, [])
    if place is None and len(words) == 1:
        place = _german_genitive_place(words[0], language)  # "Außenministerium Russlands"
    if place is None and len(words) == 1:
        place = _german_city_adjective(words[0], language)  # "Berliner Polizei"
    return (place.id, place.name) if place is not None and place.kind == "place" else None


def _german_city_adjective(word: str, language: str | None) -> Place | None:
    """The city a German adjective in "-er" is of ("Berliner", "Hamburger", "Münchner" of München, "Bremer"
    of Bremen, "Dresdner" of Dresden): a city of the gazetteer or a town of the language's countries."""
    if language != "de" or not word.endswith("er") or len(word) <= MIN_GENITIVE_LETTERS:
        return None
    stem = word[:-2]
    for name in (stem, stem + "en", stem[:-1] + "en" if stem.endswith("n") else ""):
        if (
            name
            and (place := find_place(name) or find_town(name, language)) is not None
            and place.id.startswith("geo:")
        ):
            return place
    return None


def _may_name(word: str, language: str | None) -> bool:
    """A capitalised word that is no common word of the language, which may name an institution."""
    # Turkish's dotted capital İ lowercases to "i" and a combining dot, which no dictionary holds ("İlçe")
    return word[:1].isupper() and not _word_of(APOSTROPHE_SUFFIX.sub("", word).replace("İ", "i"), language)


def _institutions_replace_runs(found: list[Found], named: list[tuple[Found, set[str]]]) -> list[Found]:
    """The mentions with each institution found (and the words that name its kind, "МИД", "Universidad")
    in place of the runs that hold those words and no word outside the institution's."""
    if not named:
        return found
    office_words = set().union(*(words for _, words in named))
    covered = office_words | {word for mention, _ in named for word in mention.surface.split()}
    kept = [
        mention
        for mention in found
        if not (set(mention.surface.split()) <= covered and set(mention.surface.split()) & office_words)
    ]
    return kept + [mention for mention, _ in named]


def _country_after(words: list[str], end: int, language: str | None) -> tuple[tuple[int, int], Place] | None:
    """The country named right after an office ("МИД Германии", "Върховният съд на Пакистан", "Supreme Court
    of Pakistan"): its words' span and place."""
    at = end
    if at < len(words) and words[at] in ("на", "of"):
        at += 1 + (at + 1 < len(words) and words[at + 1] == "the")
    for size in (2, 1):
        country = _country(words[at : at + size], language) if at + size <= len(words) else None
        if country is not None:
            return (at, at + size), country
    return None


def _home_of_named_office(office: list[str], language: str | None) -> Place | None:
    """The country an office written as a name ("Ministerstwo Zdrowia", "Sağlık Bakanlığı", "MSZ") is of where
    its sentence names none: the one country the article's language is spoken in (``home_country``). An
    office in lowercase ("rząd", the government) is no name of one."""
    if not language or not office[0][:1].isupper():
        return None
    return home_country(language)


def _country_before(words: list[str], start: int, language: str | None) -> tuple[tuple[int, int], Place] | None:
    """The country named right before an office in English and Turkish ("US Senate", "Pakistan's Supreme
    Court", "Almanya Dışişleri Bakanlığı"), or in English by its adjective there ("the Russian Foreign Ministry",
    "the South Korean government")."""
    if language not in ("en", *TURKIC):
        return None
    for size in (2, 1):
        if start - size >= 0 and (country := _country(words[start - size : start], language)) is not None:
            return (start - size, start), country
    if language != "en":
        return None
    for size in range(LONGEST_ADJECTIVE, 0, -1):
        code = country_of_adjective(words[start - size : start]) if start - size >= 0 else None
        if code is not None and (country := find_country_by_code(code)) is not None:
            return (start - size, start), country
    return None


def _country(words: list[str], language: str | None) -> Place | None:
    """A country (not a region or a city) that a run of one or two capitalised words names."""
    if not words or not all(word[:1].isupper() for word in words):
        return None
    run = [APOSTROPHE_SUFFIX.sub("", word) for word in words]  # "Pakistan's"
    lemma = _lemma_and_kind(run[-1], language)[0] if len(run) == 1 else ""
    place = _place_for_run(run, lemma, language, [])
    return place if place is not None and place.id.startswith("iso:") and "-" not in place.id else None


def _institution_opening(window: list[str], language: str | None) -> Institution | None:
    """The institution a window of words names, where its first word is capitalised (or of a script without
    capitals, Arabic's "مجلس الأمن الدولي") and may open one; in a case its names' patterns do not spell out,
    by the window's nominative ("Parlamentowi Europejskiemu", the dative, is Parlament Europejski, the
    European Parliament)."""
    if not _may_open_institution(window[0]):
        return None
    if (institution := find_institution(window)) is not None:
        return institution
    nominative = agreed_nominative(window, language) if len(window) > 1 else None
    return find_institution(nominative) if nominative is not None and nominative != window else None


def _may_open_institution(word: str) -> bool:
    """A word an institution's name may open with (``institutions.may_open_institution``), capitalised or of
    a script without capitals."""
    return may_open_institution(word) and (word[:1].isupper() or writes_no_vowels(word))


def _known_spans(
    words: list[str],
    longest: int,
    find: Callable[[list[str]], T | None],
    opens: Callable[[str], bool] = lambda _word: True,
) -> list[tuple[list[str], T]]:
    """The windows of up to ``longest`` words that ``find`` knows as a name (agencies, institutions), the
    longest first at each place, none overlapping: (the window's words, what ``find`` said of them).
    ``opens``: whether a word may open such a name at all, asked once a place before its windows are."""
    return [(words[start:end], known) for start, end, known in _known_span_positions(words, longest, find, opens)]


def _known_span_positions(
    words: list[str],
    longest: int,
    find: Callable[[list[str]], T | None],
    opens: Callable[[str], bool] = lambda _word: True,
) -> list[tuple[int, int, T]]:
    """``_known_spans`` by their positions: (start, end, what ``find`` said of the window)."""
    found: list[tuple[int, int, T]] = []
    index = 0
    while index < len(words):
        if not opens(words[index]):
            index += 1
            continue
        for size in range(min(longest, len(words) - index), 0, -1):
            if (known := find(words[index : index + size])) is not None:
                found.append((index, index + size, known))
                index += size
                break
        else:
            index += 1
    return found


def _agency_mention(name: list[str], language: str | None) -> Found | None:
    """An agency's mention, keyed as its runs are ("dpa" as the acronym DPA), or as the acronym of its Latin
    name ("Франс прес": AFP)."""
    surface = hyphenated(name)
    if _latin_acronym(surface) is not None:  # keyed by ``_as_agency``
        return _as_agency(Found(key="", given="", surface=surface, kind="org", lemma=surface))
    mention = _mention_for_run([word.upper() if word.islower() else word for word in name], [], language)
    if mention is None or ":" in mention.key:
        return None
    return _as_agency(dataclasses.replace(mention, surface=surface))


def _as_agency(mention: Found) -> Found:
    """An agency's mention: an organisation, named in Latin letters where written in Cyrillic (Ройтерс);
    one whose Latin name is an acronym keyed as that acronym ("Франс прес": AFP)."""
    if (acronym := _latin_acronym(mention.surface)) is not None:
        return dataclasses.replace(mention, key=acronym_key(acronym), given="", kind="org", lemma=acronym)
    return dataclasses.replace(mention, kind="org", lemma=latin_name(mention.surface) or mention.lemma)


def _latin_acronym(surface: str) -> str | None:
    """An agency's Latin name where it is an acronym ("Франс прес": AFP), else None."""
    latin = latin_name(surface)
    return latin if latin is not None and _is_acronym(latin) else None


def _hyphen_restored(mention: EntityMention) -> EntityMention:
    if _JOINER not in mention.surface and _JOINER not in mention.lemma:
        return mention
    return dataclasses.replace(
        mention, surface=mention.surface.replace(_JOINER, "-"), lemma=mention.lemma.replace(_JOINER, "-")
    )


def _listed_company(mention: Found, language: str | None) -> Found:
    """An untyped name that is a listed company's ("Microsoft", "Netflixa" for Netflix, "Deutsche Bank",
    ``companies.py``) is an organisation's; not a first name alone ("Stepan" is a company too). One word
    in a Latin-script Slavic language's case of a listed name is that company, named so ("Lufthanso",
    "Lufthansy": Lufthansa; ``place_cases``' endings)."""
    if mention.kind not in ("misc", "org"):
        return mention
    written = APOSTROPHE_SUFFIX.sub("", mention.surface)
    if " " not in written and is_given_name(written):
        return mention
    if is_listed_company(written) or is_listed_company(mention.lemma):
        return dataclasses.replace(mention, kind="org")
    if " " in written or language not in LATIN_SLAVIC or mention.given or ":" in mention.key:
        return mention
    listed = place_in_case(written, language, _listed_company_name)
    return dataclasses.replace(mention, kind="org", lemma=listed) if listed else mention


def _listed_company_name(name: str) -> str | None:
    return name if is_listed_company(name) else None


def _places_named_again(found: list[Found]) -> list[Found]:
    """An untyped one-word name that is the dictionary form of a town the article names elsewhere is
    that town ("Kraków – Krosno" beside "w Krośnie": a town's name that is also a common word needs a
    preposition before it once, not each time). Not a city's: "Milana" beside "Mediolan" is the club. So is
    a one-word name no look-up knew, typed or not, of a region the article names with its noun ("Adamawa"
    beside "Adamawa state", a name Cameroon's region shares)."""
    places = {
        m.lemma.casefold(): m
        for m in found
        if m.kind == "place"
        and (
            (m.key.startswith("geo:") and find_place(m.lemma) is None)  # towns only
            or (m.key.startswith("iso:") and "-" in m.key)  # a country's region
        )
    }
    return [
        dataclasses.replace(m, key=place.key, given="", kind="place", lemma=place.lemma)
        if (m.kind == "misc" or (m.kind == "place" and ":" not in m.key))
        and " " not in m.surface
        and (place := places.get(m.lemma.casefold())) is not None
        else m
        for m in found
    ]


def _labels(sentence: str, language: str | None) -> set[str]:
    """A page's labels in a sentence: one or two words of the language, no place nor acronym among
    them, before a colon where a sentence or a page's item begins and a number or an agency's acronym
    follows ("Kaynak: AA", "Fuente: EFE", "Son Güncelleme: 16.01.2020"), or a common word before a colon
    and a month's or a weekday's name ("Updated: Jan 03, 2020"). Not names, and neither is a label's last
    word alone ("Güncelleme", where "Son" opening the sentence was left out as a word)."""
    if ":" not in sentence or not language or language not in SUPPORTED_LANGUAGES:
        return set()
    labels: set[str] = set()
    place = 0
    while (found := _LABEL.search(sentence, place)) is not None:
        place = found.start(1) + 1  # "- ORDU Kaynak: İHA": after "ORDU Kaynak", "Kaynak" alone
        words = found.group(1).split()
        if all(not word.isupper() and lemmas.is_known(word.lower(), language) for word in words) and not _is_place(
            words
        ):
            labels.update(" ".join(words[start:]) for start in range(len(words)))  # "Güncelleme" of "Son Güncelleme"
    dates = calendar_words(language) | calendar_words("en") | month_abbreviations(language)
    for found in _LABEL_BEFORE_DATE.finditer(sentence):  # "Updated: Jan 03, 2020", "Aktualisiert: Montag"
        word = found.group(1)
        if found.group(2).casefold() in dates and not word.isupper() and lemmas.common_word(word.lower(), language):
            labels.add(word)
    return labels


def _heading_words_demoted(
    words: list[tuple[str, bool]], stretches: list[range], mid_caps: set[str], language: str | None
) -> list[tuple[str, bool]]:
    """A title-case heading's dictionary words written in lowercase, unless the article capitalises
    them elsewhere ("Fort" of "a Fort Lauderdale man") or they are acronyms: capitals there are the
    heading's style, not a name's mark ("Man Arrested After Allegedly Using Dog")."""
    if not stretches:
        return words
    demoted = list(words)
    for stretch in stretches:
        for index in stretch:
            word, broken = words[index]
            if _heading_style_only(word, mid_caps, language):
                demoted[index] = (word.lower(), broken)
    return demoted


def _heading_style_only(word: str, mid_caps: set[str], language: str | None) -> bool:
    """A heading's capitalised dictionary word that nothing else makes a name."""
    if not word[:1].isupper() or word.isupper() or word.lower() in mid_caps:
        return False
    place = find_place(APOSTROPHE_SUFFIX.sub("", word))  # "Eskişehir'deki"
    return is_known_word(word, language) and place is None and not _listed_name(word)


def _listed_name(word: str) -> bool:
    """A first or family name some locale lists (dictionaries list "Peter" and "Smith" as words too)."""
    return is_given_name(word) or is_family_name(word)


def _person_by_given_name(mention: Found, lowercase: set[str], language: str | None) -> Found:
    """A name of no known kind that opens with a first name some locale lists (``given_names.py``:
    "Jorge Winckler", "Łukasz Szumowski", "Philippe Close") is a person's, unless an organisation
    word is in it, the article writes that first name as a word of its own ("will", "les"), or a later
    word is a word of the language and no listed name. Cyrillic names are morphology's to tell."""
    first, *rest = mention.surface.split()
    words = [first, *(word for word in rest if word not in NAME_PARTICLES)]  # "Mohammed bin Salman"
    if mention.kind != "misc" or has_org_word(words):
        return mention
    if _CYRILLIC.match(first) or first.isupper() or not _is_capitalised(first, language):
        return mention
    if first.lower() in lowercase:
        return mention
    if len(words) == 1:  # "Melinda", "Fabián": a first name alone, as listed, where it is no word
        return dataclasses.replace(mention, kind="person") if _only_a_first_name(first, language) else mention
    if not _listed_first_name(first, language):
        return mention
    # two first names, then up to two surnames: "José Antonio Yepez Ortiz"
    longest = 4 if _listed_first_name(words[1], language) else 3
    # "Washington Avenue", "Craig Road", "Catalina Island", "Andrea Dudik For": a street or an island, or a
    # name run on into a word
    if len(words) > longest or has_place_word(words) or closes_with_a_feature(words, language):
        return mention
    surnames = all(_may_be_surname(word, language, lowercase) for word in words[1:])
    if not surnames and not _first_name_and_rare_surname(words, language, lowercase):
        return mention
    return dataclasses.replace(mention, kind="person")


def _first_name_and_rare_surname(words: list[str], language: str | None, lowercase: set[str]) -> bool:
    """A listed first name and one word that the dictionary knows but that is still a surname: one of
    the rarer words of five letters or more ("Emmanuel Macron", "Mike Pence", "Liz Truss"; in German,
    whose dictionary lists surnames among its capitalised nouns, "Angela Merkel", "Jens Büttner") that
    the article never writes in lowercase. Not after a first name that is itself a word or a place
    ("Golden Jackass", "Love Island", "Sydney Harbor", "Corona Krise"); not a place, a plural ("Christian
    Democrats"), a calendar word, nor one of the language's or English's most frequent words; in German
    neither a noun's inflected form nor a compound of nouns ("Anna Kinder", "Lisa Hauptstadt": a verb's
    object after its subject). Turkish, whose surnames are words, has its own rule (``_may_be_surname``)."""
    if len(words) != 2 or not language or language in TURKIC:
        return False
    first, word = words
    if lemmas.common_word(first, language) or first.casefold() in capitalised_language_names("en"):
        return False  # "Golden Jackass", "German Defence"
    if find_place(first) is not None or find_place(word) is not None:
        return False
    folded = word.casefold()
    if len(word) <= FUNCTION_WORD_LETTERS or lower_for(word, language) in lowercase:
        return False
    if folded in frequent_words(language) or folded in frequent_words("en") or folded in calendar_words(language):
        return False
    if language not in NOUN_CAPITALISING:
        lemma = lemmas.dictionary_lemma(word.lower(), language)
        return lemma is None or (lemma[:1].islower() and word.lower() != f"{lemma}s")
    return lemmas.dictionary_lemma(word, language) in (None, word) and not noun_compound(word, language)


def _only_a_first_name(word: str, language: str | None) -> bool:
    """A first name some locale lists as written that is no word of the language or of English
    ("Melinda"; not "Tage", "German", "Will"), no place, and longer than the shortest first names
    ("Imo" is a Nigerian state as well)."""
    if len(word) <= _MIN_GIVEN_LETTERS or not is_given_name(word):
        return False
    return not is_known_word(word, language) and find_place(word) is None


def _may_be_surname(word: str, language: str | None, lowercase: frozenset[str] | set[str] | None = None) -> bool:
    """A word a name may go on with: a family name some locale lists, a first name (a middle name), or
    no word of the language ("Winckler"; not "Road", "Avenue", "For"). In Turkish, whose surnames are
    words (Ataç, Çelik, Öztürk, Koç) and which capitalises nothing else inside a sentence, also a word
    the article (``lowercase``: its lowercase words) never writes in lowercase and that is its own
    dictionary form, unless it is a form of address (Bey, Hanım, Paşa): "Ramazan Bayramı", "Genel
    Müdürü" end in a noun with its possessive ending."""
    if _listed_name(word) or (len(word) > 4 and word.casefold().endswith(_SURNAME_ENDINGS)):
        return True
    if (
        lowercase is not None
        and language in TURKIC
        and not word.isupper()
        and lower_for(word, language) not in lowercase
    ):
        plain = lower_for(APOSTROPHE_SUFFIX.sub("", word), language)
        # a word with an ending the dictionary reads off (Bayramı: bayram, Müdürü: müdür) is a noun's form
        if plain not in _TURKISH_ADDRESS and lemmas.lemmatize(plain, language).casefold() == plain:
            return True
    if not (language and language in SUPPORTED_LANGUAGES and lemmas.is_known(word.lower(), language)):
        return True
    # a word the dictionary knows as a proper noun (its dictionary form keeps the capital: "Marczak"),
    # or in German, which capitalises every noun, one it knows as no noun ("Peter Endig": endigen).
    # English's dictionary capitalises its peoples and their adjectives too ("Christian Democrats").
    if language == "en":
        return False
    if language in NOUN_CAPITALISING:  # not a small word run on from the next sentence ("Kiel Als")
        return lemmas.in_lowercase(word, language) and len(word) > FUNCTION_WORD_LETTERS
    return lemmas.with_capital(word, language)


def _sentence_mentions(
    sentence: str,
    words: list[tuple[str, bool]],
    mid_caps: set[str],
    language: str | None,
    common: frozenset[str] | set[str] = frozenset(),
    lowercase: frozenset[str] | set[str] = frozenset(),
    openings: frozenset[int] = frozenset(),
) -> list[Found]:
    """The mentions of one sentence: the names a packaged NER model finds where one serves the
    language (``named_entities.py``), else the runs of capitalised words. ``openings``: the words that
    open a clause after a colon (``clause_openings``), where a common word is capitalised."""
    spans = named_spans(sentence, language)
    runs = _capitalised_runs(words, mid_caps, language, common, lowercase, openings)
    if ":" in sentence:
        runs = _labels_after_names(runs, sentence, language)
    if spans is None:
        by_run = [
            (
                start,
                run,
                [
                    _region_code_after_city(
                        _named_as_place(
                            _named_as_organisation(mention, sentence, words, start, language, lowercase),
                            words,
                            start,
                            language,
                        ),
                        words,
                        start,
                    )
                    for mention in _street_or_run_mentions(run, start, words, language, start == 0 or start in openings)
                ],
            )
            for start, run in runs
        ]
        in_runs = [
            mention for _start, _run, found in _features_listed(by_run, sentence, words, language) for mention in found
        ]
        if language == "zh":
            return _chinese_mentions(sentence, in_runs) + in_runs
        return (_known_mentions(words, language) if is_uncased(words) else []) + in_runs
    return _model_mentions(sentence, words, spans, runs, language)


def _labels_after_names(
    runs: list[tuple[int, list[str]]], sentence: str, language: str | None
) -> list[tuple[int, list[str]]]:
    """A common word of the language right before a colon, after a name, is a page's label and no word of
    the name ("Jens Mattern Bild: Jens Mattern", "Maria Kowalska Zdjęcie: PAP"): the run ends before it."""
    if not any(len(run) > 2 and f"{run[-1]}:" in sentence for _start, run in runs):
        return runs
    spans = _word_spans(sentence, language)
    trimmed: list[tuple[int, list[str]]] = []
    for start, run in runs:
        last = start + len(run) - 1
        if (
            len(run) > 2  # a name of two words before a quotation may end in one ("Zuzanna Dąbrowska: W maju")
            and last < len(spans)
            and spans[last][2] == run[-1]
            and sentence[spans[last][1] : spans[last][1] + 1] == ":"
            and _label_word(run[-1], language)
            and not _label_word(run[-2], language)
            and not _listed_first_name(run[-2], language)
        ):
            run = run[:-1]
        trimmed.append((start, run))
    return trimmed


def _label_word(word: str, language: str | None) -> bool:
    """A common word of the language (or of English) that names nothing: no place, first name, family
    name, organisation's word nor acronym. (German's dictionary writes nouns and proper nouns alike with a
    capital, "Foto" as "Metternich": only a form it also reads in lowercase counts, "Bild".)"""
    return (
        bool(language)
        and not word.isupper()
        and lemmas.common_word(word.lower(), language or "")
        and not is_family_name(word)
        and find_place(word) is None
        and not is_given_name(word)
        and not has_org_word([word])
    )


def _place_before_nouns(run: list[str], language: str | None) -> int:
    """Where a language that capitalises its nouns runs a known place on into common nouns ("Rheinland
    Pfalz Pause", "Hamburg Hauptbahnhof"), how many words the place takes (0 for none): the longest opening
    the gazetteer knows, opening with no first name (but a metropolis's), where every word after it is a
    noun of the dictionary and none an organisation's word, a kind of place, a first or family name
    ("Eintracht Frankfurt", "Bayern München" stay)."""
    if language not in NOUN_CAPITALISING or len(run) < 2 or find_place(" ".join(run)) is not None:
        return 0  # "Sachsen Anhalt" is one state, though "Anhalt" is a noun too
    opening = find_place(run[0])
    if _listed_first_name(run[0], language) and opening is not None and opening.population < METROPOLIS_POPULATION:
        return 0  # "Vladimir Horowitz", "Lila Hexenkessel": a name, not the town Vladimir (but "Berlin Absage")
    for cut in range(len(run) - 1, 0, -1):
        if find_place(" ".join(run[:cut])) is None:
            continue
        rest = run[cut:]
        if all(
            len(word) > _MIN_GIVEN_LETTERS  # "Wladimir N.": an initial, no noun
            and not word.isupper()
            and lemmas.capitalised_noun(word, language or "")
            and not has_org_word([word])
            and not names_a_kind_of_place(word)
            and not (is_given_name(word) or is_family_name(word))
            and find_place(word) is None
            for word in rest
        ):
            return cut
        return 0
    return 0


def _street_or_run_mentions(
    run: list[str], start: int, words: list[tuple[str, bool]], language: str | None, opening: bool
) -> list[Found]:
    """The mentions of a run, or the street it names after a street's noun (``_street_before``)."""
    street = _street_before(run, words, start, language)
    if street is not None:
        return [street]
    return _mentions_for_run(run, [word for word, _ in words[max(0, start - 3) : start]], language, opening)


_STREET_SMALL_WORDS_AT_MOST = 2  # "rue de la Paix"


def _street_before(run: list[str], words: list[tuple[str, bool]], start: int, language: str | None) -> Found | None:
    """A street or a square its noun names before the run, with small words between them and no
    punctuation ("rue Janin", "Rue des Rameurs", "via Roma", "calle Hidalgo", "ulicy Mickiewicza";
    ``entity_cues.street_noun_before``): a place of its own, named with its noun, not Rome, the Mexican
    state or a person Janin. Keyed as a place no gazetteer knows ("Downing Street"): by its name's last
    word, its noun as the first."""
    if start == 0 or words[start][1] or len(run) > _MAX_RUN:
        return None
    index = start - 1
    while (
        index > 0
        and start - index <= _STREET_SMALL_WORDS_AT_MOST
        and is_street_small_word(words[index][0])
        and not words[index][1]
    ):
        index -= 1
    noun = words[index][0]
    if not street_noun_before(noun, language, start - 1 - index):
        return None
    head = APOSTROPHE_SUFFIX.sub("", run[-1])
    key = name_key(head)
    if len(key) < 2:
        return None
    noun_name = lemmas.lemmatize(noun, language or "") if language in _CASE_ENDING_LANGUAGES else noun
    name = " ".join([noun_name[:1].upper() + noun_name[1:], *[word for word, _ in words[index + 1 : start]], *run])
    return Found(key=key, given=given_key(noun_name), surface=name, kind="place", lemma=name)


def _features_listed(
    by_run: list[tuple[int, list[str], list[Found]]], sentence: str, words: list[tuple[str, bool]], language: str | None
) -> list[tuple[int, list[str], list[Found]]]:
    """The names listed after a feature's noun and the first of them, across commas up to the "and"
    that closes the list, are places too: "the islands of Lesvos, Chios and Samos", "den griechischen
    Inseln Lesbos, Chios und Samos" (``name_context.heads_a_list_of_features``)."""
    plain = [word for word, _ in words]
    heads = [
        index
        for index, (start, run, found) in enumerate(by_run)
        if len(found) == 1
        and found[0].kind == "place"
        and _opens_after_a_feature(start, run, found[0], plain, language)
    ]
    if not heads:
        return by_run
    spans = _word_spans(sentence, language)
    if [word for _start, _end, word, _broken in spans] != plain:
        return by_run
    out = list(by_run)
    for head in heads:
        listed: list[int] = []
        for index in range(head + 1, len(out)):
            joined = _listed_after(out[index - 1], out[index][0], sentence, spans, language)
            _start, run, found = out[index]
            if joined is None or len(found) != 1 or found[0].kind not in ("misc", "place"):
                break
            if found[0].kind == "misc" and not may_name_a_feature(run, language):
                break
            listed.append(index)
            if joined == "and":  # the list's last name: only a list so closed is one ("of Lesbos, Merkel said")
                for member in listed:
                    start, run, found = out[member]
                    out[member] = (start, run, [dataclasses.replace(found[0], kind="place")])
                break
    return out


def _opens_after_a_feature(start: int, run: list[str], mention: Found, words: list[str], language: str | None) -> bool:
    """Whether a place's name, the end of its run, comes right after a feature's noun (and "of")."""
    named = mention.surface.split()
    opens = start + len(run) - len(named)
    return run[-len(named) :] == named and heads_a_list_of_features(words[max(0, opens - 2) : opens], language)


def _listed_after(
    previous: tuple[int, list[str], list[Found]],
    start: int,
    sentence: str,
    spans: list[tuple[int, int, str, bool]],
    language: str | None,
) -> str | None:
    """How a run follows the one before in a list: "comma", "and" (the language's), or None."""
    end = previous[0] + len(previous[1])
    if start == end and 0 < end < len(spans):
        return "comma" if sentence[spans[end - 1][1] : spans[end][0]].strip() == "," else None
    if (
        start == end + 1
        and start < len(spans)
        and not spans[end][3]
        and not spans[start][3]
        and is_list_conjunction(spans[end][2], language)
    ):
        return "and"
    return None


def _region_code_after_city(mention: Found, words: list[tuple[str, bool]], start: int) -> Found:
    """Two or three capitals after a city and a comma that are the code of a region of the city's country
    ("LAREDO, TX", "Austin, TX", "Toronto, ON", "Sydney, NSW"; ISO 3166-2): that region, not an
    organisation's acronym; so is a US state's abbreviation in the news agencies' style after a US city
    ("Sacramento, Calif.", "Seattle, Wash.")."""
    code = mention.surface.rstrip(".")
    abbreviated = _US_STATE_ABBREVIATIONS.get(code)
    if (
        start == 0
        or not words[start][1]
        or not (abbreviated or (2 <= len(code) <= 3 and code.isalpha() and code.isupper()))
    ):
        return mention
    before = words[start - 1][0]
    city = find_place(before.title() if before.isupper() else before)
    if abbreviated and (city is None or city.country != "US"):
        return mention
    region = find_region_by_code(city.country, abbreviated or code) if city is not None and city.country else None
    if region is None:
        return mention
    return Found(key=region.id, given="", surface=mention.surface, kind="place", lemma=region.name)


def _named_as_place(mention: Found, words: list[tuple[str, bool]], start: int, language: str | None) -> Found:
    """An untyped name right after a noun for a kind of place in lowercase ("letiště Tegel", "la isla
    Lesbos"; ``name_context.after_a_kind_of_place``), after such a noun and "of" ("the islands of Lesvos"),
    or right before a sea's or a strait's noun ("Baltského moře") is a place's; not across punctuation
    ("del valle, Dilian"); so is a German or Dutch street written as one word ("Miquelstraße", "Billstedter
    Mühlenweg"; ``entity_cues.ends_as_a_street``)."""
    if mention.kind != "misc":
        return mention
    run = mention.surface.split()
    if (
        _place_noun_before(run, words, start, language)
        or _feature_noun_after(run, words, start, language)
        or _division_noun_after(run, words, start, language)
        or (ends_as_a_street(run[-1], language) and not lemmas.is_known(run[-1], language or ""))
    ):
        return dataclasses.replace(mention, kind="place")
    return mention


def _place_noun_before(run: list[str], words: list[tuple[str, bool]], start: int, language: str | None) -> bool:
    """A kind of place's noun right before the name, or a feature's noun and "of" ("islands of")."""
    if start == 0 or words[start][1]:
        return False
    if after_a_kind_of_place(run, words[start - 1][0], language):
        return True
    return (
        start >= 2
        and not words[start - 1][1]
        and after_a_feature_and_connector(run, [word for word, _ in words[start - 2 : start]], language)
    )


def _feature_noun_after(run: list[str], words: list[tuple[str, bool]], start: int, language: str | None) -> bool:
    """A feature's noun in lowercase right after the name, which is the run as written ("Baltského moře")."""
    following = _word_after_run(run, words, start)
    return following is not None and before_a_feature(run, following, language)


def _division_noun_after(run: list[str], words: list[tuple[str, bool]], start: int, language: str | None) -> bool:
    """A division's noun right after the name ("Çaykara İlçesi'nde", "Kaşüstü mahallesinde":
    ``name_shapes.names_a_division``), which the run left out."""
    following = _word_after_run(run, words, start)
    return following is not None and names_a_division(following, language)


def _word_after_run(run: list[str], words: list[tuple[str, bool]], start: int) -> str | None:
    """The word right after a run that is the sentence's words as written from ``start``, with no punctuation
    between; None at the sentence's end."""
    end = start + len(run)
    if end >= len(words) or words[end][1] or [word for word, _ in words[start:end]] != run:
        return None
    return words[end][0]


_OPENING_QUOTES = "«„“\"'‚‹"


def _named_as_organisation(
    mention: Found,
    sentence: str,
    words: list[tuple[str, bool]],
    start: int,
    language: str | None,
    lowercase: frozenset[str] | set[str],
) -> Found:
    """An untyped name right after an organisation word written in lowercase, which says what it is ("la
    revista Forbes", "el partido Primero Justicia", "the newspaper Mundo Deportivo"; in German a noun for a
    company or a service, capitalised: ``_german_company_noun``; or with an opening
    quote between them, "концерн «Газпром»"), is an organisation's; not across other punctuation ("la
    empresa, Roy Guzmán"), not after a heading's word ("Police Department's" lowered as a title-case
    heading's style), not a name with a listed first name in it, and not what the filters drop as no name
    ("the service Have": a typed name would pass them)."""
    if mention.kind != "misc":
        return mention
    if language in NOUN_CAPITALISING and _run_opens_with(words, start, mention):  # "Wetterdienst Ubimet"
        start += 1
    if start == 0:
        return mention
    german = _german_company_noun(words[start - 1][0], mention, language)
    if not german and not is_generic_org_noun(words[start - 1][0]):
        return mention
    spans = _word_spans(sentence, language)
    if not german and not spans[start - 1][2].islower():
        return mention
    if words[start][1] and sentence[spans[start - 1][1] : spans[start][0]].strip(_OPENING_QUOTES + " "):
        return mention  # punctuation between them, but for an opening quote ("компания «Газпром»")
    names = mention.surface.split()  # a register's first name is weaker evidence than the noun ("Forbes")
    if any(_listed_first_name(name, language, registered=False) for name in names):
        return mention
    if not_a_name(mention, language, set(lowercase)):
        return mention
    return dataclasses.replace(mention, kind="org")


def _run_opens_with(words: list[tuple[str, bool]], start: int, mention: Found) -> bool:
    """Whether the mention starts one word into its run, after a noun the run opened with that says what
    it is (``name_context.is_german_descriptor``)."""
    first = mention.surface.split()[0]
    return words[start][0] != first and start + 1 < len(words) and words[start + 1][0] == first


def _german_company_noun(word: str, mention: Found, language: str | None) -> bool:
    """A German noun that says a company's, an outlet's or a service's name follows ("Wetterdienst Ubimet",
    "Onlinehändler Zalando", "Sender RTL"), before a name that is no word of the language ("Konzern-Sprecherin"
    is no name)."""
    if language not in NOUN_CAPITALISING or not word.casefold().endswith(_GERMAN_COMPANY_NOUNS):
        return False
    return not any(lemmas.is_known(name, language or "") for name in mention.surface.split())


def _known_mentions(words: list[tuple[str, bool]], language: str | None) -> list[Found]:
    """The places and people of a sentence in a script without capitals (``uncased_names``)."""
    found: list[Found] = []
    for name in known_names(words, language):
        if name.place is not None:
            place = name.place
            found.append(Found(key=place.id, given="", surface=name.surface, kind=place.kind, lemma=place.name))
        else:  # as written: a dictionary of these languages would take "العاصي" (al-Asi) for the word عاص
            if len(key := name_key(name.surface.split()[-1])) >= 2:
                found.append(
                    Found(key=key, given=given_key(name.first), surface=name.surface, kind="person", lemma=name.surface)
                )
    return found


def _chinese_mentions(sentence: str, in_latin: Sequence[Found] = ()) -> list[Found]:
    """The names of a Chinese sentence (``chinese.names``): a place by its id, another name by its
    simplified characters (a traditional spelling is the same name), a full foreign name by its last
    part with the first as the given name ("弗拉基米尔·普京" is 普京, Putin, as a bare "普京" is). A
    name the sentence glosses in Latin script between brackets ("斯塔默（Keir Starmer）") is the glossed
    name, keyed and spelled as the mentions ``in_latin`` (the sentence's names in Latin script) give it,
    so that it is the name other languages write."""
    found: list[Found] = []
    for name in chinese.names(sentence):
        if name.place is not None:
            place = name.place
            found.append(Found(key=place.id, given="", surface=name.surface, kind=place.kind, lemma=place.name))
            continue
        if name.kind == "org" and (institution := find_institution([name.plain])) is not None:
            found.append(Found(institution.id, "", name.surface, "org", institution.name))  # 白宫: White House
            continue
        agency = _agency_mention(spelled.split(), None) if (spelled := latin_name(name.plain)) else None
        if agency is not None:  # 路透社 keyed as "Reuters" is, in every language
            found.append(dataclasses.replace(agency, surface=name.surface))
            continue
        if (glossed := _glossed(sentence, name.stop, in_latin)) is not None:
            kind = name.kind if glossed.kind == "misc" else glossed.kind
            found.append(dataclasses.replace(glossed, surface=name.surface, kind=kind))
            continue
        *given, head = name.parts
        key = head if name.kind == "person" else name.plain
        found.append(
            Found(
                key=key,
                given=given_key(given[0]) if given else "",
                surface=name.surface,
                kind=name.kind,
                lemma=name.surface,
            )
        )
    return found


# a name in Latin script between brackets, right after a Chinese name: its gloss
_GLOSS = re.compile(r"\s*[（(]\s*([^（）()]{2,60}?)\s*[）)]")


def _glossed(sentence: str, stop: int, in_latin: Sequence[Found]) -> Found | None:
    """The mention among ``in_latin`` that glosses the Chinese name ending at ``stop`` (written between
    brackets right after it: "奥尔特曼（Sam Altman）"), or None. Places are keyed by their ids already."""
    gloss = _GLOSS.match(sentence, stop)
    if gloss is None:
        return None
    written = gloss.group(1)
    return next((m for m in in_latin if m.surface == written and ":" not in m.key), None)


def _pieces_of_persons(found: list[Found], text: str) -> list[Found]:
    """A name in Chinese characters that the article writes only inside a person's name it also finds
    ("欧尔" of "欧尔班", Orbán, where jieba cut "欧尔班说" into a place's name and a word) as that person."""
    persons = [m for m in found if m.kind == "person" and chinese.has_han(m.surface) and len(m.surface) > 1]
    if not persons:
        return found
    out = []
    for mention in found:
        whole = next((person for person in persons if _only_inside(mention.surface, person.surface, text)), None)
        out.append(mention if whole is None else whole)
    return out


def _only_inside(piece: str, name: str, text: str) -> bool:
    """Whether every time ``text`` writes ``piece`` (another name than ``name``) it is inside ``name``."""
    if piece == name or piece not in name or not chinese.has_han(piece):
        return False
    return text.count(piece) == text.count(name) * name.count(piece)


def _glossed_throughout(found: list[Found]) -> list[Found]:
    """Every mention of a Chinese name the article glosses once in Latin script ("斯塔默（Keir Starmer）",
    then "斯塔默表示") as the glossed name: its key, given name and spelling."""
    glosses = {
        chinese.name_key(mention.surface): mention
        for mention in found
        if chinese.has_han(mention.surface) and not chinese.has_han(mention.key) and ":" not in mention.key
    }
    if not glosses:
        return found
    return [
        dataclasses.replace(glosses[mention.key], surface=mention.surface) if mention.key in glosses else mention
        for mention in found
    ]


def _model_mentions(
    sentence: str,
    words: list[tuple[str, bool]],
    spans: list[NamedSpan],
    runs: list[tuple[int, list[str]]],
    language: str | None,
) -> list[Found]:
    """Mentions from a model's names, with what the capitalised runs add where morphology backs them:
    a person's name the model cut short ("Песков Дмитрий", read as "Дмитрий") is the whole run when
    every word of it is a name part; a run the model missed counts when morphology knows one of its
    words as a proper noun ("Зеленский" next to a name), never a bare capitalised word."""
    plain = [word for word, _ in words]
    places = [(start, end) for start, end, _word, _broken in _word_spans(sentence, language)]  # one per word
    run_of = {index: (start, len(run)) for start, run in runs for index in range(start, start + len(run))}
    found: list[Found] = []
    used: set[int] = set()
    for span in spans:
        inside = [index for index, (a, b) in enumerate(places) if a >= span.start and b <= span.stop]
        if not inside:
            continue
        first, last = inside[0], inside[-1]
        if span.kind == "person" and first in run_of:
            start, length = run_of[first]
            if start + length - 1 >= last and all(_name_part(w, language or "") for w in plain[start : start + length]):
                first, last = start, start + length - 1
        used.update(range(first, last + 1))
        text = sentence[places[first][0] : places[last][1]]
        # "Путин-Зеленский" (their meeting, read as a place) is two names, of no kind the model gave;
        # "Нью-Йорк" is one place, "Римский-Корсаков" one person
        parts = [text] if span.kind == "person" or find_place(text) is not None else _NAME_HYPHEN.split(text)
        typed = len(parts) == 1
        if typed and (spelled := _ACRONYM_AFTER_NAME.fullmatch(text)) and spelled.group(2).isupper():
            parts = [spelled.group(1), spelled.group(2)]  # each of the model's kind
        for part in parts:
            run = [_ELISION.sub("", word) for word in _WORD.findall(part)]
            if len(run) == 1 and (_no_noun(run[0], language) or run[0].casefold() in _NOT_NAMES):
                continue  # "Вчера" (yesterday) or "СМИ" (the media) read as an organisation
            kind = span.kind if typed else None
            found.extend(_mentions_for_run(run, plain[max(0, first - 3) : first], language, first == 0, kind))
    for start, run in runs:
        if used.isdisjoint(range(start, start + len(run))) and any(_proper_kind(w, language) for w in run):
            found.extend(_mentions_for_run(run, plain[max(0, start - 3) : start], language, start == 0))
    return found


def _reporters_are_organisations(mentions: list[Found], sentence: str, language: str | None) -> list[Found]:
    """A name the sentence gives as the one that published ("съобщава Ройтерс", "как сообщает
    Bloomberg", "reported by the BBC") is an outlet or agency, unless something already makes it a person or
    a place, or it opens with a listed first name ("Statistik Austria" is typed, "Maria Schmidt" not), or it
    is a German noun alone. One that said something ("sagte Hofmeister", "jak powiedział Marczak") may be
    anyone."""
    if not any(mention.kind == "misc" for mention in mentions):
        return mentions
    reporters = {name.casefold() for name in find_outlets(sentence, language)}
    if not reporters:
        return mentions
    return [
        dataclasses.replace(mention, kind="org")
        if mention.kind == "misc"
        and mention.surface.casefold() in reporters
        and not (mention.given and is_given_name(mention.surface.split()[0]))
        and not _capitalised_noun_alone(mention.surface, language)
        else mention
        for mention in mentions
    ]


def _capitalised_noun_alone(surface: str, language: str | None) -> bool:
    """A lone word of a language that capitalises its nouns, which its dictionary knows ("meldet die
    Nachrichtenagentur"): a noun the reporting word says nothing of."""
    return language in NOUN_CAPITALISING and " " not in surface and lemmas.is_known(surface, language or "")


def _resolve_surnames(found: list[Found], lowercase: set[str], language: str | None) -> list[Found]:
    """In-article coreference: a bare surname takes the given name the article uses with it.

    Where the article names several people with one surname (Donald and Melania Trump), the
    bare surname goes to the one named most often. The pair makes a person only when something says
    so: the full name is a person's (``_person_by_its_name``), or the bare word may be a surname
    (``_may_be_surname``: a listed name, a surname's ending, no word of the language). "Ottawa Senators ... Senators",
    "Justice Officer ... Officer" stay untyped, and so no anchor other articles' bare words join.
    """
    found = _surnames_after_nouns(_towns_named_as_surnames(found), language)
    givens: dict[str, Counter[str]] = {}
    for mention in found:  # a person's full name; "Die Geburtenbilanz" makes no person of "Geburtenbilanz"
        if mention.given and mention.given != mention.key and _full_name(mention, lowercase):
            givens.setdefault(mention.key, Counter())[mention.given] += 1
    persons = {m.key for m in found if m.given and m.given != m.key and _person_by_its_name(m)}
    surnames: dict[str, set[str]] = {}
    for mention in found:
        if mention.key in givens and mention.given:
            surnames.setdefault(mention.key, set()).add(_bare_form(mention.surface))
    resolved = []
    for mention in found:
        if (
            not mention.given
            and not is_named_organisation(mention.kind, mention.surface)
            and mention.key in givens
            and _written_alike(mention.surface, surnames[mention.key])
        ):
            given = givens[mention.key].most_common(1)[0][0]
            kind = "person" if mention.key in persons or _may_be_surname(mention.surface, language) else mention.kind
            mention = dataclasses.replace(mention, given=given, kind=kind)
        resolved.append(mention)
    return resolved


def _surnames_after_nouns(found: list[Found], language: str | None) -> list[Found]:
    """In German, which writes "the cabinet of Kurz" as "das Kabinett Kurz", an untyped name of nouns and a
    surname that the article gives a person in full is that person's bare surname ("Kabinett Kurz II"
    beside "Sebastian Kurz", "Sozialdezernent Berg", "Leitfigur Joschka Fischer": not an entity keyed by the
    noun as a first name); ``_resolve_surnames`` then gives it the first name. The nouns are the
    dictionary's words, and no listed first name; the person opens with one (not "Santa Isabel"), the
    last word is written as that person's surname and is no first name alone. Elsewhere such a run is a
    place or a thing of its own, named after the person ("Le Clos Genest", "Villa Borghese", "Port Vale")."""
    persons: dict[str, set[str]] = {}  # a person's key -> the surnames written with it
    for mention in found:
        if (
            mention.kind == "person"
            and mention.given
            and mention.given != mention.key
            and " " in mention.surface
            and _listed_first_name(mention.surface.split()[0].title())  # not "Santa Isabel", a saint
        ):
            persons.setdefault(mention.key, set()).add(_bare_form(mention.surface))
    if not persons or language not in NOUN_CAPITALISING or language not in SUPPORTED_LANGUAGES:
        return found
    return [_as_bare_surname(mention, persons, language) or mention for mention in found]


def _as_bare_surname(mention: Found, persons: dict[str, set[str]], language: str) -> Found | None:
    """An untyped mention made the bare surname after its nouns (``_surnames_after_nouns``); None where
    it is none."""
    if mention.kind != "misc" or mention.key not in persons:
        return None
    surname = _surname_after_nouns(mention.surface, language)
    if surname is None or not _written_alike(surname, persons[mention.key]):
        return None  # "Port Vale" beside "Aston Villa": another name
    return dataclasses.replace(mention, surface=surname, lemma=mention.lemma.split()[-1], given="")


def _surname_after_nouns(surface: str, language: str) -> str | None:
    """The last word of a name whose other words are nouns of the language's dictionary and no listed
    first names; None for any other name."""
    *nouns, last = surface.split()
    if not nouns or any(_listed_first_name(noun) for noun in nouns):
        return None
    if is_given_name(last) and not is_family_name(last):
        return None  # a title and a first name ("Infanta Isabel"), no surname
    if all(lemmas.is_known(noun, language) or lemmas.common_word(noun.lower(), language) for noun in nouns):
        return last
    return None


def _towns_named_as_surnames(found: list[Found]) -> list[Found]:
    """A one-word town the gazetteer found where the article names a person with that surname is the
    person ("Бойко Борисов ... Борисов": not Barysaw in Belarus; "Osmán Orlando Rivas ... Rivas"): the
    word takes the surname's key, and ``_resolve_surnames`` gives it the given name. Countries and cities
    of a million stay places ("Джек Лондон" leaves London alone). A one-word town written as a person the
    article names by one name (a title's holder) is that person ("Crown Princess Mary ... Mary's gown": not
    Mary in Turkmenistan)."""
    surnames: dict[str, str] = {}  # the written surname -> its key
    for mention in found:
        if mention.kind == "person" and mention.given and mention.given != mention.key and " " in mention.surface:
            surnames.setdefault(_bare_form(mention.surface), mention.key)
    one_name = {
        _bare_form(mention.surface): mention.key
        for mention in found
        if mention.kind == "person" and not mention.given and " " not in mention.surface
    }
    if not surnames and not one_name:
        return found
    return [
        dataclasses.replace(mention, key=key, kind="misc", lemma=mention.surface)
        if " " not in mention.surface
        and (key := _surname_key_of(mention, surnames)) is not None
        and _small_town(mention)
        else dataclasses.replace(mention, key=one_name[word], kind="person", lemma=mention.surface)
        if " " not in mention.surface and (word := _bare_form(mention.surface)) in one_name and _small_town(mention)
        else mention
        for mention in found
    ]


def _small_town(mention: Found) -> bool:
    if _town_outside_the_index(mention):
        return True
    place = find_place(mention.lemma)  # the lemma is the place's English name
    return (
        place is not None
        and place.id == mention.key
        and not is_country(place)
        and place.population < COMMON_WORD_CITY_POPULATION
    )


def _town_outside_the_index(mention: Found) -> bool:
    """A town below the cities' index, found in its country's language, whose English name the index does
    not hold or holds for another place (Pokrovsk, also an old name of Engels)."""
    if not mention.key.startswith("geo:"):
        return False
    place = find_place(mention.lemma)
    return place is None or place.id != mention.key


def _surname_key_of(mention: Found, surnames: dict[str, str]) -> str | None:
    if mention.kind != "place" or ":" not in mention.key:
        return None
    word = _bare_form(mention.surface)  # written as the surname, but for a case ending, in the same script
    # a town's name only where the surname is written as it is, endings aside ("Покровська", "Saldanha"; not
    # Newmarket beside Alfred Newman, nor Lugano beside a "Villa Luganese")
    strict = _town_outside_the_index(mention)
    return next(
        (
            key
            for surname, key in surnames.items()
            if is_latin(word) == is_latin(surname)
            and _same_stem(word, surname, least=_MIN_STEM_LETTERS)
            and (
                not strict
                or len(os.path.commonprefix([word, surname])) >= max(len(word), len(surname)) - _ENDING_LETTERS
            )
        ),
        None,
    )


def _same_stem(word: str, surname: str, least: int = 0) -> bool:
    """Written alike but for a case ending: all but the shorter's last ``_ENDING_LETTERS`` letters in
    common, and at least ``least``."""
    shorter = min(len(word), len(surname))
    return len(os.path.commonprefix([word, surname])) >= max(least, shorter - _ENDING_LETTERS)


def _bare_form(surface: str) -> str:
    return APOSTROPHE_SUFFIX.sub("", surface.split()[-1]).casefold()


def _written_alike(surface: str, surnames: set[str]) -> bool:
    """A bare word written as the article writes the surname, but for its case ending ("Лаврова",
    "Trumps", "Dudy"), or in another script: not a word whose key only sounds alike (the noun "Schule"
    beside Manja Schüle)."""
    word = _bare_form(surface)
    return any(_same_stem(word, surname) or is_latin(word) != is_latin(surname) for surname in surnames)


def _listed_first_name(word: str, language: str | None = None, registered: bool = True) -> bool:
    """A first name some locale lists, of at least ``_MIN_GIVEN_LETTERS`` letters; with ``language``,
    also one in a case form whose dictionary form is such a name ("Tomasza", "Andrzejem": Tomasz,
    Andrzej; not in English, whose dictionary makes "Williams" William), and one the registers of first
    names count (``registered_first_name``: Barack, Ségolène) that is no word of the language and no place,
    unless ``registered`` is False."""
    if len(word) < _MIN_GIVEN_LETTERS:
        return False
    if is_given_name(word):
        return True
    if registered and language and _registered_first_name(word, language):
        return True
    if not language or language == "en" or language not in SUPPORTED_LANGUAGES:
        return False
    lemma = lemmas.dictionary_lemma(word, language)
    return lemma is not None and lemma[:1].isupper() and lemma != word and is_given_name(lemma)


def _registered_first_name(word: str, language: str) -> bool:
    """A first name of the registers only (``given_names.registered_first_name``) that the language's
    dictionary does not know in any form ("Eine", "Jahren", "Doğa" are words) and that names no place
    ("Milano", "Lyon")."""
    return (
        registered_first_name(word)
        and not (language in SUPPORTED_LANGUAGES and lemmas.is_known(word.lower(), language))
        and find_place(word) is None
    )


def _person_by_its_name(mention: Found) -> bool:
    """A full name typed a person's, or one that opens with a first name some locale lists
    ("Zbigniew Stonoga", "Ali Çelik": surnames that are words too)."""
    first = mention.surface.split()[0]
    return mention.kind == "person" or _listed_first_name(first)


def _full_name(mention: Found, lowercase: set[str]) -> bool:
    """A person's name, or an untyped one whose first word the article never writes in lowercase
    ("Антъни Блинкън", "Zbigniew Stonoga"), not an article or a word run on into a name ("Die
    Geburtenbilanz", "Sie ContentRead")."""
    if mention.kind == "person":
        return True
    return mention.kind == "misc" and mention.surface.split()[0].lower() not in lowercase


def _acronyms_declared(found: list[Found], text: str) -> dict[str, Found]:
    """Each acronym the article declares in parentheses right after a name ("Christian Democrats (CDU)",
    "Alternative for Germany (AfD)"), with the name it stands for, though its letters spell another (a
    translated name keeps its own language's acronym): the acronym opens with one of the name's initials
    ("Policía Nacional (DICAT)" names a division). Only a name of several words that is no end of a longer one
    ("Kuwait News Agency (KUNA)", where "Kuwait" was read apart), not a person's or a place's, and not before a
    news agency's acronym ("London (AP)", "MininninSkruck (DPA)": a dateline, known or garbled, and its agency)."""
    acronyms = {m.surface for m in found if m.key.startswith("#") and 1 < len(m.surface) <= MAX_ACRONYM}
    if not acronyms or "(" not in text:
        return {}
    declared: dict[str, Found] = {}
    for mention in found:
        if mention.kind == "person" or ":" in mention.key or mention.key.startswith("#") or " " not in mention.surface:
            continue
        at = text.find(mention.surface + " (")
        after = _DECLARED_ACRONYM.match(text, at + len(mention.surface)) if at >= 0 else None
        if (
            after is not None
            and (acronym := after.group(1)) in acronyms
            and not is_agency(acronym)
            and acronym[0].casefold() in {word[0].casefold() for word in mention.surface.split()}
            and not _NAME_GOES_ON_BEFORE.search(text, max(0, at - _LOOK_BEFORE_DECLARED), at)
        ):
            declared.setdefault(acronym, mention)
    return declared


_DECLARED_ACRONYM = re.compile(r" \(([^\W\d_]{2,})\)")
_LOOK_BEFORE_DECLARED = 40  # characters
# the name before the parentheses is the end of a longer one ("Kuwait | News Agency (KUNA)", "Centro de |
# Diagnóstico Integral (CDI)"): a capitalised word, perhaps with a small word after it, right before it
_NAME_GOES_ON_BEFORE = re.compile(
    r"[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’.-]*,? (?:(?:of|for|the|and|de|del|la|des|du|di|für|y|et) )?$"
)


def _expand_acronyms(found: list[Found], declared: dict[str, Found] | None = None) -> list[Found]:
    """An acronym the article also spells out ("Financial Times" ... "FT", "World Health Organization"
    ... "WHO") takes the name it stands for as its lemma and given name: it stays a mention of its own
    key (the evidence of articles that only write "FT"), and links to the spelled-out name's entity
    (``grouping/entities.identity_of``). Only one spelled-out name per acronym, or none; never a
    person's name ("Antonio Perez" does not spell the agency's "AP"). An institution or union the
    article names ("Европейския парламент" ... "ЕП", its later words in lowercase as Slavic languages write
    them) gives the acronym its id: there the acronym is that institution, though alone it may be another."""
    spelled: dict[str, set[tuple[str, str, str]]] = {}
    for mention in found:
        initials = _spelled_initials(mention)
        if 1 < len(initials) <= MAX_ACRONYM:
            key = mention.key if ":" in mention.key else ""
            spelled.setdefault(initials, set()).add((mention.lemma, mention.given, key))
    for acronym, name in (declared or {}).items():  # the article's own word for it outweighs the letters
        spelled[acronym] = {(name.lemma, name.given, "")}
    if not spelled:
        return found
    found = _spelled_out_as_known_acronym(found, spelled)
    expanded = []
    for mention in found:
        names = spelled.get(mention.surface) if mention.key.startswith("#") else None
        if names and len(names) == 1:
            ((lemma, given, key),) = names
            mention = dataclasses.replace(
                mention, key=key or mention.key, lemma=lemma, given=given, kind="org" if key else mention.kind
            )
        expanded.append(mention)
    return expanded


def _spelled_initials(mention: Found) -> str:
    """The acronym a name of several words spells: its capitalised words' first letters, or all its words'
    for an organisation the gazetteer or the institutions know, and for any other organisation all but its
    short lowercase words' (Slavic languages write its later words in lowercase: "Содружество независимых
    государств", СНГ; "Организация Договора о коллективной безопасности", ОДКБ); '' for none (a person's
    name, an acronym, a known place)."""
    words = mention.surface.split()
    if len(words) < 2 or mention.key.startswith("#") or mention.kind == "person":
        return ""
    if ":" in mention.key:
        return "".join(word[0].upper() for word in words) if mention.kind == "org" else ""
    if mention.kind == "org":  # an organisation's later words in lowercase too, its short ones aside ("о", "de")
        return "".join(word[0].upper() for word in words if word[0].isupper() or len(word) > _SHORT_WORD)
    return "".join(word[0] for word in words if word[0].isupper())


_SHORT_WORD = 3  # letters of the longest lowercase word an organisation's acronym leaves out ("del", "на")


# The letters an acronym the gazetteer knows needs before a name of the article that spells it takes its
# id: two letters spell too many names ("Европейского Совета", the European Council, spells "ЕС", which
# Russian news writes for the European Union)
_SPELLED_ACRONYM_LETTERS = 3


def _spelled_out_as_known_acronym(found: list[Found], spelled: dict[str, set[tuple[str, str, str]]]) -> list[Found]:
    """A name the article spells out beside an acronym the gazetteer knows ("Światowa Organizacja Zdrowia
    (WHO)", "World Health Organization (WHO)") is that organisation, named as the gazetteer names it."""
    known = {
        initials: mention
        for mention in found
        if ":" in mention.key
        and mention.kind == "org"  # "Uncle Sam" beside "US" is no country
        and mention.surface.isupper()
        and len(mention.surface) >= _SPELLED_ACRONYM_LETTERS
        and len(names := spelled.get(initials := mention.surface, ())) == 1
        and not next(iter(names))[2]
    }
    if not known:
        return found
    renamed = []
    for mention in found:
        acronym = known.get(_spelled_initials(mention)) if ":" not in mention.key else None
        if acronym is not None:
            mention = dataclasses.replace(mention, key=acronym.key, given="", kind=acronym.kind, lemma=acronym.lemma)
        renamed.append(mention)
    return renamed


def _merge_in_article(found: list[Found]) -> tuple[EntityMention, ...]:
    grouped: dict[tuple[str, str], list[Found]] = {}
    for mention in found:
        grouped.setdefault((mention.key, mention.given), []).append(mention)
    mentions = []
    for (key, given), group in sorted(grouped.items()):
        surfaces = Counter(m.surface for m in group)
        # The longest common form names the entity best ("Sergey Lavrov" over "Lavrov"); a Chinese
        # article's own characters before the Latin gloss it gives them ("斯塔默" over "Keir Starmer").
        surface = max(surfaces, key=lambda s: (chinese.has_han(s), len(s.split()), surfaces[s]))
        mentions.append(
            EntityMention(
                key=key,
                surface=surface,
                kind=_best_kind(Counter(m.kind for m in group)),
                count=len(group),
                lemma=max(Counter(m.lemma for m in group).items(), key=lambda item: (len(item[0].split()), item[1]))[0],
                given=given,
            )
        )
    return tuple(mentions)


def _is_capitalised(word: str, language: str | None) -> bool:
    """A capitalised word that is no month or weekday (English's, or those of an article's language
    that capitalises them), Roman numeral, code, reporting period or word of ``_NOT_NAMES``."""
    stripped = APOSTROPHE_SUFFIX.sub("", word)  # "Şubat'ta" is February
    plain = stripped.lower()
    return (
        word[0].isupper()
        and plain not in _NOT_NAMES
        and not (capitalises_calendar(language) and plain in calendar_words(language))
        and not is_roman_numeral(word)
        and (word.isalpha() or sum(character.isdigit() for character in word) < _IDENTIFIER_DIGITS)
        and not (len(stripped) <= _REPORTING_PERIOD_LETTERS and _REPORTING_PERIOD.fullmatch(stripped))
    )


def _words_with_breaks(sentence: str, language: str | None = None) -> list[tuple[str, bool]]:
    """Words, each flagged when punctuation separates it from the word before."""
    return [(word, broken) for _start, _end, word, broken in _word_spans(sentence, language)]


def _word_spans(sentence: str, language: str | None = None) -> list[tuple[int, int, str, bool]]:
    """Each word's start, end, text and whether punctuation separates it from the word before. A
    first name of two first names joined by a hyphen is one word ("Jean-Luc", "Hans-Peter"). Chinese
    characters, which no space separates from the Latin letters beside them, are words of their own
    ("OpenAI", "首席执行官"; their names are found by their own reader, ``chinese.names``)."""
    spans: list[tuple[int, int, str, bool]] = []
    previous_end = 0
    matches = _word_matches(sentence)
    for index, match in enumerate(matches):
        between = sentence[previous_end : match.start()]
        word = _ELISION.sub("", match.group(0)).replace(".", "").replace(" ", "")  # "U.S." is "US", "EE. UU." "EEUU"
        previous_end = match.end()
        if _middle_initial(sentence, match, between, spans, matches[index + 1 : index + 2]):
            previous_end = match.end() + 1  # past its full stop: "Donald J. Trump" reads as Donald Trump
            continue
        if between == " & " and spans and _ampersand_in_a_company(spans[-1][2], word, sentence, match.end()):
            start, _, first, broken = spans[-1]  # "Johnson & Johnson Inc", "Bill & Melinda Gates Foundation"
            spans[-1] = (start, match.end(), f"{first} & {word}", broken)
            continue
        if (
            between == "-"
            and spans
            and (
                _hyphenated_given_name(spans[-1][2], word)
                or _korean_given_name_syllable(spans, word)
                or _compound_opening_a_name(spans[-1][2], word, sentence, match.end(), language)
                or _place_across_a_small_word(spans[-1][2], word, matches[index + 1 : index + 2], sentence)
            )
        ):  # "Jean-Luc", two first names; "Kim Jong-un", one given name of two syllables; "All-Star Game"
            start, _, first, broken = spans[-1]
            spans[-1] = (start, match.end(), f"{first}-{word}", broken)
            continue
        # a hyphen inside a place's name is no break ("États-Unis", "Castilla-La Mancha"); between two
        # names it is ("Merkel-Macron")
        hyphenated_place = between == "-" and bool(spans) and _hyphen_in_place(spans[-1][2], word, matches[index + 1 :])
        # an abbreviation's full stop is no break either ("St. Louis", "Gov. Ron DeSantis"), nor the comma
        # before a company's legal form in small letters ("Planet Labs, Inc.", "Landry's, Inc."; not a
        # region's code after a city, "Zürich, AG")
        abbreviated = between == ". " and bool(spans) and spans[-1][2].casefold() in _ABBREVIATED
        incorporated = (
            between == ", "
            and bool(spans)
            and spans[-1][2][:1].isupper()
            and not word.isupper()
            and is_legal_form(word)
        )
        possessive = between in _PLURAL_POSSESSIVE and bool(spans) and _plural_possessive_in_a_name(spans[-1][2], word)
        spans.append(
            (
                match.start(),
                match.end(),
                word,
                (bool(between.strip()) and not (hyphenated_place or abbreviated or incorporated or possessive))
                or (not between and bool(spans) and spans[-1][1] == match.start()),  # glued: "FOHRINGER|Wien"
            )
        )
    return spans


_PLURAL_POSSESSIVE = ("' ", "’ ")


def _plural_possessive_in_a_name(before: str, word: str) -> bool:
    """An English plural's possessive inside a name ("German Bishops’ Conference", "Teachers' Union",
    "Veterans' Affairs"): no break, where both words are English words capitalised and the second is no
    first name ("the Democrats' Nancy Pelosi" stays two)."""
    return (
        before.endswith("s")
        and before[:1].isupper()
        and word[:1].isupper()
        and not word.isupper()
        and lemmas.in_lowercase(before.casefold(), "en")
        and lemmas.in_lowercase(word.casefold(), "en")
        and not is_given_name(word)
        and find_place(before) is None  # "Los Angeles' Grand Park"
    )


def _word_matches(sentence: str) -> list[re.Match[str]]:
    """The sentence's words; a country's or a union's acronym written with full stops is one word ("U.S.",
    "U.K.", "U.N.", "E.U."), and so is a Spanish plural's ("EE.UU.", "FF.AA."); other letters with full
    stops are letters ("D.C.", "L.A.", "J.D.": a state's
    code, a city or a person's initials, which the acronyms' table would read otherwise)."""
    pattern = _WORD_BESIDE_HAN if chinese.has_han(sentence) else _WORD
    if "." not in sentence:
        return list(pattern.finditer(sentence))
    found: list[re.Match[str]] = []
    at = 0
    dotted_words = sorted([*_DOTTED_ACRONYM.finditer(sentence), *_DOUBLED_ACRONYM.finditer(sentence)], key=_start)
    for dotted in dotted_words:
        doubled = dotted.re is _DOUBLED_ACRONYM
        place = find_place(dotted.group(0).replace(".", ""))
        if dotted.start() < at or not (doubled or _acronym_of_a_country_or_union(place)):
            continue
        found.extend(pattern.finditer(sentence, at, dotted.start()))
        found.append(dotted)
        at = dotted.end()
    found.extend(pattern.finditer(sentence, at))
    return found


def _start(match: re.Match[str]) -> int:
    return match.start()


def _acronym_of_a_country_or_union(place: Place | None) -> bool:
    return place is not None and (place.id.startswith("org:") or (place.id.startswith("iso:") and "-" not in place.id))


def _middle_initial(
    sentence: str,
    match: re.Match[str],
    between: str,
    spans: list[tuple[int, int, str, bool]],
    following: list[re.Match[str]],
) -> bool:
    """A capital letter and a full stop between a listed first name and a capitalised word ("Donald J.
    Trump", "Michael J. Fox"): a middle name's initial, left out of the name."""
    word = match.group(0)
    if len(word) != 1 or not word.isupper() or sentence[match.end() : match.end() + 2] != ". ":
        return False
    if between != " " or not spans or not following or not following[0].group(0)[:1].isupper():
        return False
    return following[0].start() == match.end() + 2 and is_given_name(spans[-1][2])


def _hyphen_in_place(before: str, word: str, following: list[re.Match[str]]) -> bool:
    """Whether "before-word", alone or with the next word ("Castilla-La Mancha", "Seine-Saint-Denis"), is a
    place's name."""
    if find_place(f"{before}-{word}") is not None:
        return True
    return bool(following) and any(
        find_place(f"{before}-{word}{joint}{following[0].group(0)}") is not None for joint in (" ", "-")
    )  # "Castilla-La Mancha", "Seine-Saint-Denis"


def _place_across_a_small_word(before: str, word: str, following: list[re.Match[str]], sentence: str) -> bool:
    """Whether a place's name joins its words by hyphens across a small word in lowercase ("Bouches-du-Rhône",
    "Port-au-Prince"): one word, the small word inside it, where the whole is the gazetteer's."""
    if word.islower():
        after = following[0] if following else None
        if after is None or sentence[after.start() - 1 : after.start()] != "-":
            return False
        return find_place(f"{before}-{word}-{after.group(0)}") is not None
    return (
        "-" in before
        and any(part.islower() for part in before.split("-"))
        and find_place(f"{before}-{word}") is not None
    )


def _compound_opening_a_name(first: str, second: str, sentence: str, end: int, language: str | None) -> bool:
    """Two English words joined by a hyphen, each capitalised, inside a name that goes on after them
    ("the All-Star Game", "National Anti-Corruption Bureau"): one word of the name, not a break between
    two names ("Merkel-Macron"). Words the English dictionary writes in lowercase, neither a title
    ("Vice-President"), nor a place, nor both listed family names ("Marks-Spencer" may be two people);
    a capitalised word must follow after a space, so that a compound alone stays two common words. Not
    where the language capitalises its nouns, whose own compounds are written so ("Corona-Warn-App")."""
    if language in NOUN_CAPITALISING or not (_title_word(first) and _title_word(second)):
        return False
    following = _NEXT_WORD.match(sentence, end + 1) if sentence[end : end + 1] == " " else None
    if following is None or not following.group(0)[:1].isupper() or is_given_name(following.group(0)):
        return False  # "the ex-driver of Jaguar-Ford Mark Webber": a full name follows, no name goes on
    return (
        all(lemmas.in_lowercase(word.lower(), "en") for word in (first, second))
        and not any(is_person_title(word) or find_place(word) is not None for word in (first, second))
        and not (is_family_name(first) and is_family_name(second))
    )


def _ampersand_in_a_company(first: str, second: str, sentence: str, end: int) -> bool:
    """Two capitalised words joined by " & " inside an organisation's name, which an organisation word or a
    legal form among the next ``_AMPERSAND_REACH`` words ends ("Johnson & Johnson Inc.", "Procter & Gamble
    Co", "Bill & Melinda Gates Foundation"): one name, not two. Elsewhere an ampersand may join two
    people's names in a headline ("Trump & Biden Clash"), and the words stay apart."""
    if not (first[:1].isupper() and second[:1].isupper()):
        return False
    following = _WORD.findall(sentence[end : end + 80])[:_AMPERSAND_REACH]
    return has_org_word(following) or any(is_legal_form(word) for word in following)


_AMPERSAND_REACH = 3  # words after the pair where the organisation's word may stand ("Melinda Gates Foundation")


def _hyphenated_given_name(first: str, second: str) -> bool:
    """Two first names joined ("Jean-Luc"), each written with one capital ("US-China" is no one's)."""
    return _title_word(first) and _title_word(second) and is_given_name(first) and is_given_name(second)


def _korean_given_name_syllable(spans: list[tuple[int, int, str, bool]], word: str) -> bool:
    """The second syllable of a Korean given name, romanised with a hyphen and in lowercase after a family
    name and the first syllable ("Kim Jong-un", "Moon Jae-in", "Ban Ki-moon"; "Chiang Kai-shek" as the
    Wade-Giles romanisation writes Chinese), which the caller joins to the first: a short word in
    lowercase after two short capitalised ones, the first syllable no English word ("Mexico City-based",
    "Know-how"; "Park Won-soon" stays apart)."""
    if len(spans) < 2 or spans[-1][3] or not _ROMANISED_SYLLABLE.fullmatch(word):
        return False
    family, first = spans[-2][2], spans[-1][2]
    return (
        _title_word(family)
        and _title_word(first)
        and len(family) <= _FAMILY_SYLLABLE_LETTERS
        and _ROMANISED_SYLLABLE.fullmatch(first.lower()) is not None
        and not lemmas.in_lowercase(first.lower(), "en")
    )


def _title_word(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower()


def _capitalised_runs(
    words: list[tuple[str, bool]],
    mid_caps: set[str],
    language: str | None,
    common: frozenset[str] | set[str] = frozenset(),
    lowercase: frozenset[str] | set[str] = frozenset(),
    openings: frozenset[int] = frozenset(),
) -> list[tuple[int, list[str]]]:
    """(start index, words) of each run of capitalised words; punctuation and acronym/name boundaries end a run.
    ``common``: lowercase words of the text, never names when they open the sentence. An institution's
    name goes on across its language's small words (``name_shapes.connector_glue``)."""
    keeps = [_may_be_name_word(index, words, mid_caps, language, common, openings) for index in range(len(words))]
    for index in range(len(words) - 1):  # "First Lady" opening a sentence: a title's words, which the run reads as one
        if not words[index + 1][1] and is_first_lady([words[index][0], words[index + 1][0]]):
            keeps[index] = keeps[index] or words[index][0][:1].isupper()
    name_words = {index for index, keep in enumerate(keeps) if keep}
    glue = connector_glue(words, language, name_words) | particle_glue(
        words, name_words, lambda first, surname: _joins_across_particles(first, surname, language)
    )
    runs: list[tuple[int, list[str]]] = []
    current: list[str] = []
    glued = False
    start = 0
    skip_to = 0
    for index, (word, broken) in enumerate(words):
        if index < skip_to:  # words a place's name took in lowercase
            continue
        if current and index in glue:  # "de" in "Universidad de Antioquia"
            current.append(word)
            glued = True
            continue
        office = _office_before_full_name(current, glued, words, index, language)
        if office is not None:
            # "Fiscal General de Veracruz | Jorge Winckler", "Veracruz | Jorge Winckler"; an office's words
            # before the name are neither's ("House [Speaker] | Nancy Pelosi", "[Chief Financial Officer] | Amy Hood")
            if current[: len(current) - office]:
                runs.append((start, current[: len(current) - office]))
            current, glued, start = [word], False, index
            continue
        acronym = word.isupper() and len(word) > 1
        keep = keeps[index]
        if current and keep and not broken and _turkic_title_ends(current, language) and _holder_opens(word, language):
            # "Gölbaşı Belediye Başkanı | İskender Yıldırım": a Turkic title ends the office's name, its holder's
            # name follows, whatever its words are (Yıldırım, lightning, is a word too)
            runs.append((start, current))
            current, glued, start = [word], False, index
            continue
        # "Angela Merkels Rede": the run ends at the name, its "s" taken off
        genitive = (
            bool(current) and keep and not broken and _genitive_name_before_noun(current, word, language, mid_caps)
        )
        if keep and not broken and _acronym_with_its_head(current, word):
            runs.append((start, [*current, word]))  # "BBC News", "BMW Group": a name of its own, closed
            current = []
            continue
        continues = (
            keep
            and current
            and not broken
            and not _ends_with_case(current[-1], language)
            and not _possessive_full_name(current)
            and not genitive
            and len(current) < (MAX_NAME_WORDS if glued else _MAX_RUN)
            and not (acronym and _time_zone_beside(current[-1], word, language))  # "11:36 IST | US Secretary"
            and (
                glued
                or acronym == (current[-1].isupper() and len(current[-1]) > 1)
                or is_legal_form(word)
                or (len(current) == 1 and is_club_prefix(current[0]))  # "FC Bayern München"
                or _surname_in_capitals(current, word, language)
                or _first_name_in_capitals(current[-1], word)
            )
        )
        if continues:
            current.append(word)
            continue
        if current and not keep and (taken := _place_written_on(current, words, index, language)):
            runs.append((start, current + [following for following, _ in words[index : index + taken]]))
            current, skip_to = [], index + taken  # "Arabie saoudite", "Émirats arabes unis", "Amérique latine"
            continue
        if current and not keep and not broken and _leads_lowercase_name(current, start, word, language):
            current.append(word)  # "Белия дом", "Государственный департамент": the name goes on in lowercase
            runs.append((start, current))
            current = []
            continue
        if genitive and len(current) > 1 and _german_genitive_place(current[-1], language) is not None:
            runs.append(_trimmed(start, current[:-1], language, lowercase))  # "Jens Mattern | Polens Wahlen"
            start, current = start + len(current) - 1, [current[-1][:-1]]
        elif genitive:
            current = [*current[:-1], current[-1][:-1]]  # "Donald Trumps Regierung": Donald Trump
        ranks = office_words_at_end([*current, word], language) - 1 if current and not broken else 0
        if ranks > 0:  # the office's words before its title: "Saudi [Crown] Prince", "White House [Press] Secretary"
            current = current[:-ranks]
        if current:
            runs.append(_trimmed(start, current, language, lowercase))
        current = [word] if keep else []
        glued = False
        start = index
    if current:
        runs.append(_trimmed(start, current, language, lowercase))
    return runs


def _time_zone_beside(previous: str, word: str, language: str | None) -> bool:
    """Whether either of two acronyms side by side is a time zone's abbreviation ("IST US"): no name of both."""
    zones = time_zone_abbreviations(language)
    return previous in zones or word in zones


def _holder_opens(word: str, language: str | None) -> bool:
    """Whether a word after a Turkic title opens its holder's name: a listed first name, or a word that does
    not end as the title's own words do, in a possessive's vowel ("Yardımcısı", deputy, goes on the title;
    "Konseyi", council, names an institution; Turkish first names are words too often for a dictionary to
    tell: İskender, Tahsin, Münir); no abbreviation ("Uzm."), no other title nor organisation's word."""
    plain = APOSTROPHE_SUFFIX.sub("", word)
    if plain.casefold() in _ABBREVIATIONS or is_person_title(plain) or has_org_word([plain]):
        return False
    return is_given_name(plain) or not lower_for(plain, language).endswith(_TURKIC_POSSESSIVE_VOWELS)


_TURKIC_POSSESSIVE_VOWELS = ("ı", "i", "u", "ü")


def _turkic_title_ends(run: list[str], language: str | None) -> bool:
    """A Turkic title closes the run, after the words of what its office is of ("Belediye Başkanı")."""
    return language in TURKIC and len(run) > 1 and is_person_title(APOSTROPHE_SUFFIX.sub("", run[-1]))


def _joins_across_particles(first: str, surname: str, language: str | None) -> bool:
    """Whether a surname's particles join a first name before them to a name after them ("Ursula von der
    Leyen", "Luca de Meo"): a listed first name that is no common word in lowercase ("Dean de la
    Facultad", "Flor de Cacao", "Sie das Thema"), and a name that is no place ("Rocío de Sevilla", "Santa
    Rosa de Lima", "Ville de Bruxelles": a name and where it is from, or a place's own name)."""
    # in Cyrillic, a name morphology or the lists of the language's names know ("Урсула", "Шарль")
    listed = _listed_first_name(first, language) or (
        bool(_CYRILLIC.match(first)) and _lemma_and_kind(first, language)[1] in ("given", "person")
    )
    if not listed or (language and language in SUPPORTED_LANGUAGES and lemmas.common_word(first.lower(), language)):
        return False
    return find_place(APOSTROPHE_SUFFIX.sub("", surname)) is None


def _place_written_on(run: list[str], words: list[tuple[str, bool]], index: int, language: str | None) -> int:
    """How many of the words from ``index`` on, which are no name's words, a place's name goes on with
    after the run (the most that the gazetteer knows, at most ``_MAX_LOWERCASE_PLACE_WORDS``): French writes
    the adjectives of names in lowercase ("Arabie saoudite", "Émirats arabes unis", "Guinée équatoriale"),
    and a state's name ends in "State", a word no name is made of alone ("Imo State"); the run alone would
    be another place or none ("Guinée" is Guinea). Not after a run of small words alone: "La réunion"
    opening a sentence is a meeting, not La Réunion."""
    longest = 0
    for taken in range(1, _MAX_LOWERCASE_PLACE_WORDS + 1):
        if index + taken > len(words):
            break
        word, broken = words[index + taken - 1]
        if broken:
            break
        if _is_place([*run, *(following for following, _ in words[index : index + taken])]):
            longest = taken
    if longest and all(_is_function_word(word, language) for word in run):
        return 0
    return longest


def _surname_in_capitals(current: list[str], word: str, language: str | None) -> bool:
    """A surname set in capitals after first names, as bylines and French and Spanish texts write
    them ("Luis Alberto REYGADA", "Emmanuel MACRON"): one name, not a name and an acronym. Of at least
    ``MAX_ACRONYM`` letters, no place, and a listed family name or no word of the language or of English
    ("Erdogan AKP", "Peace ATHENS", "Maria CLOSE" stay apart)."""
    if not word.isupper() or len(word) < MAX_ACRONYM or not current or word.lower() in _LABELS_IN_CAPITALS:
        return False  # "Hurricane Maria CLOSE Buy Photo": a page's button, though Close is someone's surname
    if not all(not name.isupper() and _listed_first_name(name) for name in current):
        return False
    name = word.title()
    return find_place(name) is None and (is_family_name(name) or not is_known_word(word, language))


def _first_name_in_capitals(first: str, word: str) -> bool:
    """A listed first name set in capitals before a surname that is not ("IOC-BOSS THOMAS Bach", as a
    machine translation wrote "IOC-Boss Thomas Bach"): one name, not an acronym and a name. Of at least
    ``MAX_ACRONYM`` letters, no place and no acronym the dictionaries list in capitals."""
    if not first.isupper() or len(first) < MAX_ACRONYM or not _title_word(word):
        return False
    name = first.title()
    return is_given_name(name) and find_place(name) is None and not lemmas.listed_in_capitals(first, "en")


def _ends_with_case(word: str, language: str | None) -> bool:
    """A word whose case ending an apostrophe sets off, where the language puts it after a whole name
    (Turkish, Azerbaijani): the name ends there ("Birleşik Krallık'ta Kovid" is the United Kingdom,
    then the next word)."""
    return language in TURKIC and APOSTROPHE_SUFFIX.search(word) is not None


def _possessive_full_name(run: list[str]) -> bool:
    """A person's full name with the possessive ending ("Angela Merkel’s Corona conference", "Donald
    Trump's White House"): the name ends there. A possessive inside an institution's or a
    brand's name stays in it ("European People's Party", "McDonald's Corporation")."""
    return len(run) >= 2 and run[-1].endswith(("'s", "’s")) and is_given_name(run[0])


def _office_before_full_name(
    run: list[str], glued: bool, words: list[tuple[str, bool]], index: int, language: str | None
) -> int | None:
    """Where a person's name opens at ``index`` right after the run and the run ends there, how many of its
    last words name the office (0 for none; ``office_words_at_end``); None where the name goes on in the
    run. A full name opens after words that end before a name (``_ends_before_name``) or an office's
    title; in English any capitalised word that is no common word opens one after an office's title that
    follows what it is of ("Labour Party Leader | Keir Starmer"; "Ambassador Hotel" is a name of common
    words; "Princess Mary" is left to ``_mentions_for_run``, which strips a title before a name)."""
    word, broken = words[index]
    if run and run[-1].casefold() in _SAINT_WORDS:
        return None  # "St. Joseph Kirche", "Saint Mary Hospital": a saint's name goes on
    if not run or not run[-1][:1].isupper() or office_words_at_end([word], language) or is_first_lady([run[-1], word]):
        return None  # "Crown Prince Mohammed", "First Lady Melania": "Prince", "Lady", first names too, are the title's
    office = office_words_at_end(run, language)
    if office and len(run) > office and language == "en" and not broken and _is_capitalised(word, language):
        return None if word.isupper() or _title_opens_a_name([word]) else office  # not before "CLOSE", "Hotel"
    if not _opens_full_name(words, index) or _is_place([*run[-1:], word]):  # "New | York" is no name before one
        return None
    return office if office or _ends_before_name(run, glued, language) else None


def _ends_before_name(run: list[str], glued: bool, language: str | None) -> bool:
    """Whether a run ends where a full name begins: after an institution's or office's name, a place,
    or dictionary words ("Minister of Health Jane Doe", "Veracruz Jorge Winckler")."""
    return glued or _is_place(run) or all(is_known_word(word, language) and not _listed_name(word) for word in run)


def _is_place(run: list[str]) -> bool:
    return find_place(" ".join(run)) is not None


def _opens_full_name(words: list[tuple[str, bool]], index: int, language: str | None = None) -> bool:
    """A first name some locale lists, followed by another capitalised word, or by a surname's particles
    and one ("Charles de Gaulle"): a person's name begins."""
    word = words[index][0]
    if not word[:1].isupper() or word.isupper() or not _listed_first_name(word, language):
        return False  # a word in lowercase is none ("bitten Russland": Bitten is a Danish first name)
    after = index + 1
    while after < len(words) and words[after][0] in NAME_PARTICLES and not words[after][1] and after - index <= 2:
        after += 1
    if after >= len(words):
        return False
    following, broken = words[after]
    return following[:1].isupper() and not broken


def _may_be_name_word(
    index: int,
    words: list[tuple[str, bool]],
    mid_caps: set[str],
    language: str | None,
    common: frozenset[str] | set[str],
    openings: frozenset[int] = frozenset(),
) -> bool:
    """A capitalised word that may be part of a name; one that opens the sentence (or a clause after a
    colon: ``openings``) only when the article
    capitalises it elsewhere, it is a place or opens one's name, an acronym, morphology knows it as a proper noun, it is
    a listed first name before another capitalised word ("Daniel Quintero dijo"), a company's legal
    form follows it ("Volkswagen AG"), an organisation's name goes on from it ("Associated Press"), or it is a listed company's name that is no word, alone ("Microsoft-Gründer",
    not "Nike's Tiger Woods")."""
    word = words[index][0]
    if not _is_capitalised(word, language):
        return _surname_spelled_as_month(index, words, language) or _title_word_opening_a_name(index, words, language)
    # where the language writes "lundi": "Lundi," opening a sentence, "... malade Lundi 10 février"
    opening = index == 0 or index in openings
    if word.casefold() in calendar_words(language) and (opening or _before_calendar_word(words, index, language)):
        return False
    if (
        index in openings
        and not _name_word_follows(words, index)
        and _common_word_opening(word, mid_caps, language, common)
    ):
        return False
    if is_part_of_month(word) and _before_calendar_word(words, index, language):  # "Mitte März" is no place
        return False
    after_capital = index > 0 and words[index - 1][0][:1].isupper() and not words[index][1]
    if _capitalised_small_word(word, language, after_capital) and not _opens_place(words, index):  # "Eine Frau"
        return False
    if index > 0 or _opens_place(words, index):  # "Côte d'Ivoire : la voie ouverte ...", "New Delhi has ..."
        return True
    if language in TURKIC and APOSTROPHE_SUFFIX.search(word):
        return True  # "Van'da ... yükseldi": Turkish sets a case ending off with an apostrophe after names only
    place = find_place(APOSTROPHE_SUFFIX.sub("", word)) or _german_genitive_place(word, language)
    if place is not None:
        # an acronym written in lowercase but its first letter ("Nato", "Usa") that opens a sentence as a
        # word of its language ("Nato a Roma", born in Rome) is the word, wherever else the acronym stands
        if word in MIXED_CASE_ACRONYMS:
            return language is None or not lemmas.common_word(word.lower(), language)
        return word.lower() in mid_caps or not _opens_as_a_word(word, place, language)
    acronym = (word.isupper() and len(word) > 1) or is_mixed_case_acronym(word)  # "PiS wygrało wybory"
    if not acronym and _frequent_opening_word(word, language) and not _opens_full_name(words, index, language):
        return False
    return word.lower() not in common and (
        acronym
        or word.lower() in mid_caps
        or _proper_kind(word, language) is not None
        or _opens_full_name(words, index, language)
        or (_name_word_follows(words, index) and _foreign_first_name_opens([word, words[index + 1][0]], language))
        or _before_legal_form(words, index)
        or _unknown_word_before_name(words, index, language)
        or _opens_listed_company(words, index)
        or _opens_organisation(words, index, language)
        or (_listed_company_word(word, language) and not _name_word_follows(words, index))
        or _dictionary_proper_noun(word, language)
    )


_ORGANISATION_WORDS_AFTER = 3  # "Catholic World News", "Federal Office of Statistics"
_ENGLISH_ADJECTIVE_ENDINGS = ("al", "ic", "ed", "ish", "an", "ese", "ive", "ary", "ern", "ist", "ent", "ant")


def _opens_organisation(words: list[tuple[str, bool]], index: int, language: str | None) -> bool:
    """An English sentence's first word, shaped as an adjective, before capitalised words that end in an
    organisation's word within a few words, no punctuation between ("Associated Press", "British
    Airways", "Catholic World News", "Democratic Party"): the name's first word, though the dictionary
    lists it ("Many Party members", "Yesterday Bank officials" are no names). In Turkish, whose institutions
    end in their organisation's word with its ending ("Sağlık Bakanlığı açıklama yaptı", "Tepebaşı
    Belediyesi"), any first word but a short one of the language's most frequent ("Bu Bakanlık")."""
    first = words[index][0]
    if language in TURKIC:
        if len(first) <= FUNCTION_WORD_LETTERS and lower_for(first, language) in frequent_words(language or ""):
            return False
    elif language != "en" or not first.casefold().endswith(_ENGLISH_ADJECTIVE_ENDINGS):
        return False
    for at in range(index + 1, min(len(words), index + 1 + _ORGANISATION_WORDS_AFTER)):
        word, broken = words[at]
        if broken or not word[:1].isupper():
            return False
        if has_org_word([word]):
            return True
    return False


def _dictionary_proper_noun(word: str, language: str | None) -> bool:
    """A word the dictionary lists only as a proper noun: its dictionary form is the word as written,
    capitalised, and its lowercase form is no common word's ("Facebook", "Twitter", "Microsoft" opening
    an English sentence; not "Senior", which the dictionary also lists as "senior"). Not where the
    dictionary writes every noun with a capital (German) or every word in lowercase (Bulgarian)."""
    if not language or language not in SUPPORTED_LANGUAGES:
        return False
    if language in LOWERCASE_DICTIONARIES or language in NOUN_CAPITALISING:
        return False
    if lemmas.dictionary_lemma(word, language) != word or not word[1:].islower():
        return False
    return not lemmas.in_lowercase(word.lower(), language)


def _unknown_word_before_name(words: list[tuple[str, bool]], index: int, language: str | None) -> bool:
    """A sentence's first word that no dictionary of the language or of English lists, before another
    capitalised word: a name no list holds ("Analaura Rangel" opening a byline, "Zahoor Elahi"), not a
    word. Not where every noun is capitalised: there it is most often a compound the dictionary does not
    list ("Praxisnahe Fortbildungen"), as a compound of known words is elsewhere ("Glasproducent
    Glaverbel"), but in English, which writes its compounds apart ("Teamsystem Bologna", a club)."""
    word = words[index][0]
    if not language or language not in SUPPORTED_LANGUAGES or language in NOUN_CAPITALISING:
        return False
    if not _name_word_follows(words, index):
        return False
    if not word.isalpha() or is_known_word(word, language) or word.casefold() in frequent_words(language):
        return False  # the dictionaries lack some small words ("Aux", "Inoltre"): the frequent words hold them
    if lemmas.derived_adverb(word.lower(), language):
        return False  # "Inizialmente Halle", "Actuellement Emmanuel Macron"
    return language == "en" or not noun_compound(word, language)  # English writes its compounds apart


def _name_word_follows(words: list[tuple[str, bool]], index: int) -> bool:
    """Whether a capitalised word follows the word at ``index`` with no punctuation between them."""
    return index + 1 < len(words) and words[index + 1][0][:1].isupper() and not words[index + 1][1]


def _common_word_opening(
    word: str, mid_caps: set[str], language: str | None, common: frozenset[str] | set[str]
) -> bool:
    """A word after a colon capitalised only because it opens the clause ("відповіла: Наскільки я знаю",
    "Fiala: V Číně"): the article writes it in lowercase elsewhere, or the dictionary reads it only as a
    common word's form, and nothing makes it a name (a listed first name, a place, a capital inside a
    sentence elsewhere). Only a word alone: a name that opens with a common word after a label
    ("Źródło: Wirtualna Polska", "fuente: Agencia Venezolana de Noticias") stays one."""
    if word.lower() in mid_caps or word.isupper() or find_place(word) is not None or _listed_first_name(word):
        return False
    return word.lower() in common or (
        language is not None and language in SUPPORTED_LANGUAGES and lemmas.in_lowercase(word, language)
    )


def _german_genitive_place(word: str, language: str | None) -> Place | None:
    """A country's or city's German genitive ("Frankreichs", "Berlins") opening a sentence."""
    if language != "de" or not word.endswith("s") or len(word) <= MIN_GENITIVE_LETTERS:
        return None
    return find_place(word[:-1])


def _opens_listed_company(words: list[tuple[str, bool]], index: int) -> bool:
    """The first word of a listed company's name of two or three words ("Deutsche Bank fell", "Deutsche
    Telekom said" opening English sentences, where "Deutsche" alone is no name)."""
    for length in (2, 3):
        run = words[index : index + length]
        if (
            len(run) == length
            and not any(broken for _, broken in run[1:])
            and is_listed_company(" ".join(w for w, _ in run))
        ):
            return True
    return False


def _listed_company_word(word: str, language: str | None) -> bool:
    """A listed company's name of one word that no dictionary of the language or of English knows and
    that is no first name ("Microsoft-Gründer Bill Gates ...", "Netflix announced": not "Apple pie")."""
    plain = APOSTROPHE_SUFFIX.sub("", word)
    return (
        is_listed_company(plain)
        and not lemmas.common_word(plain, language or "en")
        and not lemmas.common_word(plain.lower(), language or "en")
        and not is_given_name(plain)
    )


def _frequent_opening_word(word: str, language: str | None) -> bool:
    """A Cyrillic word that opens a sentence and is one of its language's most frequent words, where the
    dictionary also reads it as a common word ("Тому", therefore, beside the dative of Том; "Станом на",
    as of, beside a surname Стан) or, without a dictionary, knows no name in it ("Според", according
    to) or only one that no locale lists ("Ако", if): the sentence's first word, not a name. Places are
    decided before (``find_place``)."""
    if language is None or not _CYRILLIC.match(word) or word.casefold() not in frequent_words(language):
        return False
    if language in _MORPHOLOGY_LANGUAGES:
        return any(
            parse.is_known and parse.tag.grammemes.isdisjoint(_PROPER_TAGS)
            for parse in _analyzer(language).parse(word.lower())
        )
    # Russian's dictionary lists rare names that are the language's most frequent words ("Ако", if, and
    # "Макар", although, in Bulgarian): a name no locale's list holds is the word
    return _cyrillic_name_kind(word) == "misc" or not (is_given_name(word) or is_family_name(word))


def _short_surname_of_a_person(run: list[str], kind: str, language: str | None) -> bool:
    """A surname whose key is one letter ("May", "Мэй", "Ma") says too little alone; after a given name, in
    a run something typed as a person's (a model, morphology, a title before it), it keys the person
    ("Тереза Мэй", "Prime Minister Theresa May"), and so it does after a listed first name where it is no
    word of the language, frequent or in its dictionary ("Jack Ma", "Martin Lee"; not "Cruz Roja", the Red
    Cross, "Chester Zoo" nor "Fügen Sie"), or is a month's name the run took as a surname ("Brian May").
    Never an initial ("Peter C")."""
    surname = APOSTROPHE_SUFFIX.sub("", run[-1])
    if len(run) < 2 or len(surname) < 2 or surname.isupper() or len(name_key(run[0])) < 2:
        return False
    if kind == "person":
        return True
    folded = surname.casefold()
    common = folded in frequent_words(language or "") or bool(language and lemmas.in_lowercase(surname, language))
    first_name = _listed_first_name(run[0], language) or _first_name_in_a_slavic_case(run[0], language)
    return first_name and (folded in MONTHS or not common)


def _title_word_opening_a_name(index: int, words: list[tuple[str, bool]], language: str | None) -> bool:
    """A title's word that is never a name by itself (``_NOT_NAMES``: "General", "State", "Foreign",
    "Prime") opens one before a capitalised common word that is no first or family name and no title
    ("General Motors", "General Electric", "State Council", "Foreign Office", "Prime Video"); before a name,
    or another title, it stays the title ("General Baril", "Prime Minister", "General Secretary")."""
    word = words[index][0]
    if word.casefold() not in _TITLE_WORDS_OPENING_NAMES or word.isupper() or index + 1 >= len(words):
        return False
    following, broken = words[index + 1]
    return (
        not broken
        and not is_person_title(following)
        and _is_capitalised(following, language)
        and _title_opens_a_name([following])
    )


def _surname_spelled_as_month(index: int, words: list[tuple[str, bool]], language: str | None) -> bool:
    """A capitalised month's name right after a capitalised first name some locale lists, no place and
    no month itself, with nothing between them, is a surname ("Theresa May", "Brian May"); not "early
    May", "Friday May", "Melbourne August", nor a weekday ("Johnson Thursday" is a surname and a day)."""
    word, broken = words[index]
    if index == 0 or broken or not word[:1].isupper() or word.isupper():
        return False
    if word.lower() not in MONTHS:  # English's: the languages that capitalise their months' names
        return False
    before = words[index - 1][0]
    return (
        before[:1].isupper()
        and (_listed_first_name(before, language) or _first_name_in_a_slavic_case(before, language))
        and before.lower() not in calendar_words(language)
        and find_place(before) is None
    )


def _first_name_in_a_slavic_case(word: str, language: str | None) -> bool:
    """A listed first name in a case of Polish, Czech, Slovak, Slovenian or Croatian ("Theresą", "Donalda")."""
    return language in LATIN_SLAVIC and is_first_name_in_case(word, language)


def _capitalised_small_word(word: str, language: str | None, after_capital: bool = True) -> bool:
    """In a language that capitalises every noun, a short and frequent word of it that the dictionary
    writes in lowercase ("Eine", "Die", "Im", "Seit", "Unter"): where it is capitalised, a sentence
    began there (a full stop or a line the page lost), and no name goes on across it; a name of such
    words alone is rare ("Die Linke", which loses its article: "Linke"). Places aside, and names ("Born",
    "Mal") after a capitalised word (``after_capital``: "Tarun Das"; after a lowercase one, "eskalieren Das
    Gefährlichste", the article)."""
    folded = word.casefold()
    if language not in NOUN_CAPITALISING or word.isupper() or folded not in frequent_words(language):
        return False
    lemma = lemmas.dictionary_lemma(word, language)
    if (
        lemma is None
        or not lemma[:1].islower()
        or (after_capital and _listed_name(word))
        or find_place(word) is not None
    ):
        return False
    return len(word) <= FUNCTION_WORD_LETTERS or lemma == folded


def _opens_place(words: list[tuple[str, bool]], index: int) -> bool:
    """Whether the word and the next are a place's name ("Den Haag", "Las Vegas", "Sovyetler Birliği'nin")."""
    return index + 1 < len(words) and _is_place([words[index][0], APOSTROPHE_SUFFIX.sub("", words[index + 1][0])])


def _before_calendar_word(words: list[tuple[str, bool]], index: int, language: str | None) -> bool:
    following = APOSTROPHE_SUFFIX.sub("", words[index + 1][0]).casefold() if index + 1 < len(words) else ""
    return following in _NOT_NAMES or following in calendar_words(language)


def _before_legal_form(words: list[tuple[str, bool]], index: int) -> bool:
    """A word right before a company's legal form: the company's name ("Volkswagen AG said")."""
    return index + 1 < len(words) and not words[index + 1][1] and is_legal_form(words[index + 1][0])


def _opens_as_a_word(word: str, place: Place, language: str | None) -> bool:
    """A sentence's first word that a city also goes by, read by the dictionary as a common word: a
    form of another word ("Reading the report": read), or a word of the language where the place's
    language is not spoken ("Dabei" in German, which GeoNames lists for Dubai). The city's own
    language keeps its name ("Roma" in Italian, whatever the dictionary says). Where names do not
    inflect, or every noun is capitalised; in a Latin-script Slavic language only for a place abroad
    ("Loni", last year in Czech, which GeoNames lists for a city in India; "Dali", they gave), as a city's
    inflected name there has a lemma of its own. Not in Turkish, whose dictionary lowercases names'
    cases ("Denizli'nin")."""
    slavic = language in LATIN_SLAVIC
    if language is None or word.isupper():
        return False
    if language not in NAMES_NOT_INFLECTED and language not in NOUN_CAPITALISING and not slavic:
        return False
    lemma = lemmas.lemmatize(APOSTROPHE_SUFFIX.sub("", word), language)
    if not lemma[:1].islower():
        return False
    return (lemma != word.lower() and not slavic) or not spoken_in(language, place)


def _genitive_name_before_noun(current: list[str], word: str, language: str | None, mid_caps: set[str]) -> bool:
    """German: a name in the genitive ("Clintons", "Merkels") before a noun of the dictionary that is no
    first name nor place ("Hillary Clintons Buch", though "Buch" is someone's surname too; "Angela Merkels
    Rede"): the noun is the person's, no part of the name, as after an English possessive. The name is a
    listed one, or one the article writes without the "s" inside a sentence too; the run keeps it without
    the "s", so that the person is keyed as elsewhere."""
    if language not in NOUN_CAPITALISING or not current:
        return False
    last = current[-1]
    if len(last) <= _MIN_GIVEN_LETTERS or not last.endswith("s") or last.isupper():
        return False
    if find_place(last) is None and _german_genitive_place(last, language) is not None:
        # "Warschaus Süden", "Polens Präsidentschaftswahlen": the place's, no part of its name
        return lemmas.is_known(word, language or "") and not is_given_name(word) and find_place(word) is None
    if is_family_name(last) or is_given_name(last) or lemmas.in_lowercase(last, language or ""):
        return False  # "Peters", "Jens Büttner"; "Deutsches Kinderhilfswerk"
    base = last[:-1]
    if not (base.lower() in mid_caps or is_family_name(base) or is_given_name(base) or _after_first_name(current)):
        return False
    return (
        lemmas.is_known(word, language or "")
        and not is_given_name(word)
        and find_place(word) is None
        and not any(find_place(" ".join([*current[at:], word])) for at in range(len(current)))  # "Addis Abeba"
    )


def _after_first_name(current: list[str]) -> bool:
    """A genitive's "s" after a consonant other than a hissing one, following a listed first name
    ("Angela Merkels", "Donald Trumps", "Viktor Orbans"): German adds it to such a surname, while one that
    ends in a vowel and "s" may be the name itself ("Alexis Tsipras", "Kyriakos Mitsotakis")."""
    base = current[-1][:-1]
    return (
        len(current) > 1
        and is_given_name(current[-2])
        and base[-1:].isalpha()
        and base[-1].lower() not in _GERMAN_VOWELS_AND_HISSING
    )


_GERMAN_VOWELS_AND_HISSING = frozenset("aeiouyäöüßsxz")


def _trimmed(
    start: int, run: list[str], language: str | None, lowercase: frozenset[str] | set[str]
) -> tuple[int, list[str]]:
    """A run without the small words around it that are not the name's (``_without_trailing_word``);
    in German also without an article in front ("Die Geburtenbilanz", "Der Beginn" after a glued title
    or a colon), since German capitalises the noun after it anyway."""
    run = _without_trailing_word(run, language, lowercase)
    if len(run) > 1 and language == "en" and run[0] in _PREPOSITIONS_IN_HEADINGS:
        start, run = start + 1, run[1:]  # "Michika Town In Adamawa": a heading's preposition, no name's word
    if len(run) > 1 and names_a_division(run[-1], language):
        run = run[:-1]  # "Çaykara İlçesi'nde": the place is Çaykara (``_named_as_place`` types it)
    german_article = language in NOUN_CAPITALISING and len(run) > 1 and _written_small(run[0], language, lowercase)
    if german_article and not _is_place(run):
        return start + 1, run[1:]
    return start, run


# English prepositions a title-case heading capitalises, which open no name ("Attacks Michika Town In Adamawa")
_PREPOSITIONS_IN_HEADINGS = frozenset(
    {"In", "At", "On", "Of", "For", "From", "By", "With", "Into", "Near", "Amid", "Against", "Between", "Towards"}
)


def _without_trailing_word(run: list[str], language: str | None, lowercase: frozenset[str] | set[str]) -> list[str]:
    """A run without a short word at its end that the article also writes in lowercase: a sentence's
    first word run on after a lost full stop ("Peter Mühlbauer Ein", "Rameurs Un"), not the name's. An
    organisation's word ends its name, written small elsewhere or not ("Deutsche Bank" beside "the bank")."""
    if len(run) > 1 and _written_small(run[-1], language, lowercase) and not has_org_word(run[-1:]):
        return run[:-1]
    return run


def _written_small(word: str, language: str | None, lowercase: frozenset[str] | set[str]) -> bool:
    """A short dictionary word the article also writes in lowercase ("Ein", "Die", "Un")."""
    if len(word) > FUNCTION_WORD_LETTERS or word.isupper() or word.lower() not in lowercase:
        return False
    return bool(language) and language in SUPPORTED_LANGUAGES and lemmas.is_known(word.lower(), language or "")


def _leads_lowercase_name(run: list[str], start: int, following: str, language: str | None) -> bool:
    """Whether a lone capitalised word mid-sentence is an adjective that opens a name written on in
    lowercase, as Slavic languages write institutions ("Белия дом", "Държавния департамент",
    "Государственный департамент"): then the noun after it belongs to the name."""
    if len(run) != 1 or start == 0 or not following.isalpha() or not following.islower() or len(following) < 3:
        return False
    word = run[0]
    if word.isupper() or find_place(word) is not None:
        return False
    if find_place_inflected([word, following], language) is not None:
        return True  # "Evropskou unií", "Unii europejskiej": a country or a union, however inflected
    if language in _MORPHOLOGY_LANGUAGES:
        return _is_adjective_before_noun(word.lower(), following, language)
    if language in _CASE_ENDING_LANGUAGES:  # "Konzervativní strany", "Demokratické strany": a party's name
        adjective = lemmas.lemmatize(word.lower(), language)
        return (
            has_org_word([lemmas.lemmatize(following, language)])
            and lemmas.is_known(word.lower(), language)
            and adjective.endswith(_ADJECTIVE_LEMMA_ENDINGS)
        )
    if language == "bg":
        lemma = lemmas.lemmatize(word.lower(), language)
        return (
            word.lower().endswith(_BULGARIAN_DEFINITE_ADJECTIVE)
            and lemma != word.lower()
            # "Камарата беше": a noun, then a verb; a feminine, neuter or plural article ends nouns too
            and not (word.lower().endswith(("ата", "ото", "ите")) and lemma.endswith(_BULGARIAN_NOUN_LEMMA_ENDINGS))
            and lemmas.is_known(lemma, language)
        )
    return False


def _is_adjective_before_noun(word: str, following: str, language: str) -> bool:
    analyzer = _analyzer(language)
    parses, after = analyzer.parse(word), analyzer.parse(following)
    if not parses or parses[0].tag.POS != "ADJF" or any(tag in parses[0].tag.grammemes for tag in _PROPER_TAGS):
        return False
    return bool(after) and after[0].tag.POS == "NOUN"


def _mentions_for_run(
    run: list[str], before: list[str], language: str | None, at_start: bool = False, kind: str | None = None
) -> list[Found]:
    """A run that starts with a country and goes on with a name ("Италии Джорджа Мелони") is two.

    Only countries: city names are also given names too often (Vladimir, Victoria, Marka).
    A title at the start ("Chancellor Merz") is context, not part of the name, and so is a short
    function word that opens the sentence ("В Кремле"). Where morphology tells a surname from a given
    name, two names in a row are two ("Зеленский Владимир Путин"), and a name written surname first
    ("Песков Дмитрий") is keyed as any other. ``kind``: what a NER model said the run is.
    """
    if len(run) > 2 and language == "en" and run[-1].endswith("s") and country_of_adjective([run[-1][:-1]]):
        # "Mike Pompeo Iraqis ‘dancing...": a people in the plural opens the next sentence, no word of the name
        return _mentions_for_run(run[:-1], before, language, at_start, kind)
    if len(run) > 1 and run[0].casefold() in INTERFACE_WORDS:  # "Anzeige Anzeige Düsseldorf", "Foto Reuters"
        return _mentions_for_run(run[1:], [*before, run[0]], language, kind=kind)
    place_cut = _place_before_nouns(run, language)
    if place_cut:  # "im Rheinland-Pfalz Pause": the place, then a noun the page ran on
        return _mentions_for_run(run[:place_cut], before, language, at_start, kind) + _mentions_for_run(
            run[place_cut:], [*before, *run[:place_cut]], language
        )
    if _said_twice(run):  # "Mirador Virtual Mirador Virtual": a site's name repeated by its page's widgets
        half = len(run) // 2
        once = _mentions_for_run(run[:half], before, language, at_start, kind)
        return once + _mentions_for_run(run[half:], [*before, *run[:half]], language, kind=kind)
    if is_first_lady(run[:2]):  # "First Lady Melania Trump", "Першій леді": a title, then who holds it
        return _mentions_for_run(run[2:], [*before, *run[:2]], language, kind="person") if len(run) > 2 else []
    if len(run) > 1 and is_legal_form(run[-1]):  # "Siemens AG": the company, its legal form no name
        return _mentions_for_run(run[:-1], before, language, at_start, "org")
    office = _office_before_its_title(run, before, language)
    if office is not None:  # "Tepebaşı Belediye Başkanı": the municipality; its mayor's name comes next
        return _mentions_for_run(office, before, language, at_start, kind)
    if _turkic_title_ends(run, language):
        return []  # "Devlet Başkanı", "Adalet Bakanı", "Spor Müdürü": an office, named by no organisation or place
    in_capitals = _names_in_capitals(run, before, language)
    if in_capitals is not None:  # "Por FRANCISCO DÍAZ LAREDO, TX.-": a byline's name, then a dateline's place
        return in_capitals
    if kind is None and _surname_after_an_english_title(run, before, language):  # "President Bush": not Būsh, Egypt
        kind = "person"
    if len(run) > 1 and is_club_prefix(run[0]):  # "FC Bayern München": a club, not Bavaria and Munich
        mention = _club_mention(run)
        return [mention] if mention is not None else []
    cut = (
        _script_change(run)
        or _full_name_after_a_word(run, language)
        or _name_after_a_country(run, language)
        or _full_name_after_english_words(run, language)
        or _listed_company_after_a_name(run)
        or _listed_company_before_words(run)
    )
    genitive = None if cut else _full_name_after_a_genitive(run, language)
    cut = cut or genitive or _article_word_after_a_name(run, language)
    if cut:  # "Brexit Домінік Рааб", "Брекзит Дейвид Дейвис": a word, then a person's full name
        # the title before a genitive is the person's ("direktor Gazproma Aleksej Miller"), not the genitive's
        leading = _mentions_for_run(run[:cut], [] if genitive else before, language, at_start)
        if _bulgarian_common_word_alone(run[cut:], language):  # "Тереза Мей Европейският [съюз]"
            return leading
        return leading + _mentions_for_run(run[cut:], [*before, *run[:cut]], language, kind=kind)
    if len(run) > 2 and run[0].casefold() in division_nouns(language) and _place_for_run(run, "", language, []) is None:
        named = _after_linkers(run, language)
        division = _division_of_a_place(run, named, language)
        if division is not None:  # "Canton de Genève", "Province of Liège", "Ville de Bruxelles"
            return [division]
        if named > 1:  # "Stato della CEE", "Estado de la Nación": the noun and its "of" are no name's words
            return _mentions_for_run(run[named:], [*before, *run[:named]], language, kind=kind)
    titled = _office_opening(run, language)
    if titled:  # "Crown Princess Mary", "Chief Justice John Roberts": the office's holder, a person
        return _mentions_for_run(run[titled:], [*before, *run[:titled]], language, kind="person")
    while len(run) > 1 and (
        (is_person_title(run[0]) and not _title_opens_a_name(run[1:]))
        or (is_german_descriptor(run, language) and run[0].casefold() not in _SAINT_WORDS)  # "St Joseph Kirche"
        or names_agency_after_descriptor(run)
    ):
        if language in NOUN_CAPITALISING and names_a_kind_of_company(run[0]):
            kind = "org"  # "Chipkonzern Intel": a company, though German's dictionary has the word
        before, run = [*before, run[0]], run[1:]
    if len(run) > 1 and run[0] in _TITLE_LETTERS.get(language or "", ()):  # "M. Macron": a person
        return _mentions_for_run(run[1:], [*before, run[0]], language, kind="person")
    if run[0].islower() or len(run) == 1 and is_person_title(run[0]):  # "Secretario de Educación", "Fiscal"
        return []
    after_office = _after_office(run)
    if after_office is not None:
        return _mentions_for_run(after_office, [], language) if after_office else []
    portfolio = _office_field(run, before, language)
    if portfolio == len(run):
        return []
    if portfolio:  # "ministro degli Esteri Antonio Tajani": the office's field, then the minister
        return _mentions_for_run(run[portfolio:], [*before, *run[:portfolio]], language, kind=kind)
    if at_start and len(run) > 1 and _is_function_word(run[0], language) and not _is_place(run[:2]):  # "New York"
        before, run = [*before, run[0]], run[1:]
    if language in _MORPHOLOGY_LANGUAGES and len(run) > 2:
        tags = [_name_part(word, language) for word in run]
        for cut in range(1, len(run) - 1):
            if tags[cut - 1 : cut + 2] == ["Surn", "Name", "Surn"]:
                return _mentions_for_run(run[:cut], before, language, kind=kind) + _mentions_for_run(
                    run[cut:], before, language, kind=kind
                )
    if kind == "person" and _town_read_as_a_person(run, language, before):
        kind = None  # "у Покровска": a town's case form, which the model took for a person's name
    if kind == "person":  # the model read a person: no place, whatever the gazetteer holds (Владимир)
        mention = _mention_for_run(_given_name_first(run, language), before, language, person=True)
        return [dataclasses.replace(mention, surface=" ".join(run))] if mention else []
    if len(run) > 1 and _place_for_run(run, "", language, before) is None and not _country_s_institution(run):
        lemma, first_kind = _lemma_and_kind(run[0], language)
        place = _place_for_run(run[:1], lemma, language, before) if first_kind != "given" else None
        if place is not None and place.id.startswith("iso:"):  # not "Домінік Рааб" (Dominic, not Dominica)
            if _first_name_spelled_as_country(run, language):  # "Jordan Morris"
                return _mentions_for_run(run, before, language, at_start, kind="person")
            first = Found(key=place.id, given="", surface=run[0], kind=place.kind, lemma=place.name)
            return [first, *_mentions_for_run(run[1:], [*before, run[0]], language)]  # "Japans Premier Abe"
        opening = _leading_name_before_a_person(run, before, language)
        if opening is not None:
            ends, name = opening
            return [name, *_mentions_for_run(run[ends:], [*before, *run[:ends]], language)]
    mention = _mention_for_run(_given_name_first(run, language), before, language)
    if mention is not None and kind is not None and ":" not in mention.key:
        mention = dataclasses.replace(mention, kind=kind)  # the model's reading, unless the gazetteer knows it
    return [dataclasses.replace(mention, surface=" ".join(run))] if mention else []


def _division_of_a_place(run: list[str], named: int, language: str | None) -> Found | None:
    """A division of a country, or a city as a body, named by its noun, the language's "of" and a place
    ("Province de Liège", "Canton de Genève", "Comunidad de Madrid", "Province of Ontario", "Ville de
    Bruxelles"): where the place is a region or a country, that place ("State of Texas" is Texas); where it
    is a city, the city for a city's noun in another language than English ("Ville de Bruxelles" is Brussels;
    English's "City of London" is not London, and GeoNames names the cities English writes so) and otherwise
    a place of its own, named in English by the division's noun and the city's name ("Province of Liège",
    "Canton of Geneva", whatever language writes it), and never the generic word apart ("Canton" had been
    Guangzhou). None for any other run. The caller has found no place named by the whole run ("City of
    Brussels", "Città del Messico"); ``named``: where the words after the noun's "of" begin."""
    if named in (1, len(run)):
        return None  # no "of"
    place = _place_for_run(run[named:], "", language, [])
    if place is None:
        return None
    surface = " ".join(run)
    english = DIVISION_IN_ENGLISH[run[0].casefold()]
    city = place.id.startswith("geo:")
    if not city or (english == "city" and language != "en"):
        return Found(key=place.id, given="", surface=surface, kind="place", lemma=place.name)
    return Found(
        key=name_key(place.name),
        given=given_key(english),
        surface=surface,
        kind="place",
        lemma=f"{english.title()} of {place.name}",
    )


def _after_linkers(run: list[str], language: str | None) -> int:
    """Where the words after a run's first word and the language's "of" words after it begin ("de la")."""
    at = 1
    while at < len(run) and run[at] in CONNECTORS.get(language or "", ()):
        at += 1
    return at


def _surname_after_an_english_title(run: list[str], before: list[str], language: str | None) -> bool:
    """One word right after an English title written with a capital ("President Bush", "Governor
    Beshear"): the person's surname, whatever town the gazetteer knows by it (Būsh, in Egypt); not a
    country, a region or a capital, which a title before it does not make a surname ("Mr Paris")."""
    if language != "en" or len(run) != 1 or not before or not before[-1][:1].isupper():
        return False
    if not office_words_at_end(before[-1:], language) or run[0].isupper():
        return False
    place = find_place(APOSTROPHE_SUFFIX.sub("", run[0]))
    return place is None or not (is_country(place) or is_capital(place) or place.id.startswith(("iso:", "region:")))


def _first_name_spelled_as_country(run: list[str], language: str | None) -> bool:
    """A country's name that is a listed first name too, before a word that is no place and no word of
    English or of the article's language, accents or not ("Jordan Morris", "Israel Katz", "China
    Miéville"; where the language capitalises its nouns, a listed family name): a person, not the country
    and a name ("Jordan Valley", "India Today", "France Télécom" stay the country's)."""
    if len(run) != 2 or not _listed_first_name(run[0], language) or run[1].isupper():
        return False
    surname = APOSTROPHE_SUFFIX.sub("", run[1])
    if find_place(surname) is not None or any(
        _common_word_form(form, "en") for form in (surname, without_accents(surname))
    ):
        return False
    if language in NOUN_CAPITALISING:  # "Israel Annexionspläne": a noun the dictionary lacks, compounded
        return is_family_name(surname)
    return not (language in SUPPORTED_LANGUAGES and _common_word_form(surname, language or ""))


def _office_before_its_title(run: list[str], before: list[str], language: str | None) -> list[str] | None:
    """Where a Turkic language writes a title after the organisation or the place whose office it is
    ("Tepebaşı Belediye Başkanı", "Ankara Valisi", "Türkiye Futbol Federasyonu Başkanı"): the words before
    the title, which name an organisation or a place. None for another run, and where the words before the
    title name neither ("İçişleri Bakanı": the ministry's field, no name)."""
    if not _turkic_title_ends(run, language):
        return None
    office = run[:-1]
    if any(is_portfolio(APOSTROPHE_SUFFIX.sub("", word)) for word in office):
        return None  # "Adalet Bakanı": the ministry's field (justice), no town Adalet
    if has_org_word(office) or _place_for_run(office, "", language, before) is not None:
        return office
    return None


def _names_in_capitals(run: list[str], before: list[str], language: str | None) -> list[Found] | None:
    """A run set in capitals that holds a byline's or a dateline's names, read as those names: a person
    where one or two listed first names and a surname come ("FRANCISCO DÍAZ", "By MARIA CHENG"), a place
    where the gazetteer knows one to three words ("LAREDO", "SAN FRANCISCO"), and of the words between them
    the common words in lowercase dropped ("AGENCIAS CELAYA": Celaya; "ÖVP BOSS SEBASTIAN KURZ": the ÖVP and
    Sebastian Kurz), the others read as runs of their own.
    None where the run is not all capitals, is one known place or an institution's name, or holds neither."""
    if len(run) < 2 or not all(word.isupper() and len(word) > 1 for word in run):
        return None
    titled = [word.title() for word in run]
    if has_org_word(titled) or _place_for_run(run, "", language, before) is not None:
        return None  # "GEORGE WASHINGTON UNIVERSITY", "SAN FRANCISCO (Reuters)": one name
    parts: list[tuple[int, int, str]] = []  # (start, stop, what): "person", "place" or "rest"
    index = 0
    while index < len(run):
        person = _person_in_capitals(run, index, language)
        stop = person or _place_in_capitals(run, index, before, language)
        if stop:
            parts.append((index, stop, "person" if person else "place"))
            index = stop
            continue
        if parts and parts[-1][2] == "rest":
            parts[-1] = (parts[-1][0], index + 1, "rest")
        else:
            parts.append((index, index + 1, "rest"))
        index += 1
    if all(what == "rest" for _start, _stop, what in parts):
        return None
    found: list[Found] = []
    for start, stop, what in parts:
        words, preceding = run[start:stop], [*before, *run[:start]]
        if what == "person":
            mention = _mention_for_run(titled[start:stop], preceding, language)
            if mention is not None:
                found.append(dataclasses.replace(mention, surface=" ".join(words), kind="person"))
        elif what == "place":
            found.extend(_mentions_for_run(words, preceding, language))
        else:  # the other words that are no common word, as names of their own ("ÖVP BOSS SEBASTIAN KURZ")
            dropped = [_droppable_in_capitals(word, language) for word in words]
            for at, stretch in _stretches(words, dropped):
                found.extend(_mentions_for_run(stretch, [*preceding, *words[:at]], language))
    return found


def _stretches(words: list[str], dropped: list[bool]) -> list[tuple[int, list[str]]]:
    """The runs of ``words`` between the dropped ones, each with where it starts."""
    found: list[tuple[int, list[str]]] = []
    for at, (word, drop) in enumerate(zip(words, dropped, strict=True)):
        if drop:
            continue
        if found and found[-1][0] + len(found[-1][1]) == at:
            found[-1][1].append(word)
        else:
            found.append((at, [word]))
    return found


def _common_in_lowercase(word: str, language: str | None) -> bool:
    return lemmas.common_word(word.lower(), language or "en")


def _droppable_in_capitals(word: str, language: str | None) -> bool:
    """A common word in capitals ("ARDE", "BOSS", "DEN"), not a name: the dictionary knows it in lowercase,
    and not as an acronym in capitals ("ÖVP", "NATO", whose lowercase forms it lists too)."""
    return _common_in_lowercase(word, language) and not lemmas.listed_in_capitals(word, language)


def _word_before_place(word: str, place: Place, language: str | None) -> bool:
    """A word in capitals that is a common word before it is a place, in lowercase ("SURPRISE", "NICE") or
    as one of the language's most frequent words ("MITTE", the middle, which German capitalises as a noun,
    is also a district of Berlin), unless it names a capital, a country or a region of the world ("LONDON",
    "BERLIN", "BALKAN": the dictionaries and the lists of frequent words hold them too)."""
    common = _common_in_lowercase(word, language) or (
        bool(language) and word.casefold() in frequent_words(language or "")
    )
    return common and not (is_country(place) or is_capital(place) or place.id.startswith(("area:", "region:")))


def _person_in_capitals(run: list[str], start: int, language: str | None) -> int:
    """Where a person's name set in capitals that starts at ``start`` ends (0: none starts there): one or
    two listed first names, then a surname that is a listed family name or no common word. A first name that
    is a common word too ("MARK", "GRACE", "MARIA") counts only before a listed family name that is none, and
    one of three letters ("TOM", "ESA") only before a surname that is no common word."""
    given = start
    while given < len(run) - 1 and given - start < 2 and _listed_first_name(run[given].title(), language):
        given += 1
    if given == start or given >= len(run) or len(run[given]) < _MIN_GIVEN_LETTERS:
        return 0
    surname = run[given].title()
    plain_surname = not _common_in_lowercase(run[given], language)
    if not (plain_surname or is_family_name(surname)):
        return 0
    if any(_common_in_lowercase(word, language) for word in run[start:given]) and not (
        plain_surname and is_family_name(surname)
    ):
        return 0
    if len(run[start]) <= _MIN_GIVEN_LETTERS and not plain_surname:
        return 0  # "ESA SMART": three capitals are as often an acronym, before a word
    return given + 1


def _place_in_capitals(run: list[str], start: int, before: list[str], language: str | None) -> int:
    """Where a known place set in capitals that starts at ``start`` ends, its longest reading of one to three
    words first (0: none starts there); not one word that is a common word first (``_word_before_place``)."""
    for stop in range(min(len(run), start + 3), start, -1):
        words = run[start:stop]
        one_word = len(words) == 1
        if one_word and len(words[0]) < _PLACE_IN_CAPITALS:
            continue
        place = _place_for_run(words, "", language, [*before, *run[:start]])
        if place is not None and not (one_word and _word_before_place(words[0], place, language)):
            return stop
    return 0


def _said_twice(run: list[str]) -> bool:
    """A run of two or more words written twice in a row: no name is ("Bora Bora" is one word twice)."""
    half = len(run) // 2
    return half >= 2 and len(run) == 2 * half and run[:half] == run[half:]


def _club_mention(run: list[str]) -> Found | None:
    """A sports club's mention, keyed by its name's words after the prefix, as written ("FC Bayern
    München": "Bayern München"), never a place."""
    name = " ".join(run[1:])
    key = name_key(name.replace(" ", ""))
    return Found(key=key, given="", surface=" ".join(run), kind="org", lemma=" ".join(run)) if len(key) >= 2 else None


def _leading_name_before_a_person(run: list[str], before: list[str], language: str | None) -> tuple[int, Found] | None:
    """A country or region of two words, or an institution of one or two, that a run opens with before a
    person's given name ("Північної Ірландії Шайлеш Вара", "Єврокомісії Жан-Клодом Юнкером"): where it
    ends, and its mention."""
    for cut in (1, 2):
        if len(run) <= cut or not _opens_with_given_name(run[cut:], language):
            continue
        institution = find_institution(run[:cut])
        if institution is not None:
            return cut, Found(
                key=institution.id, given="", surface=" ".join(run[:cut]), kind="org", lemma=institution.name
            )
        place = _place_for_run(run[:cut], "", language, before) if cut == 2 else None
        if place is not None and place.id.startswith("iso:"):
            return cut, Found(key=place.id, given="", surface=" ".join(run[:cut]), kind=place.kind, lemma=place.name)
    return None


def _opens_with_given_name(run: list[str], language: str | None) -> bool:
    """Whether a run opens with a given name followed by another word (a surname)."""
    if len(run) < 2:
        return False
    return _is_first_name(run[0].split("-")[0], language)


def _is_first_name(word: str, language: str | None) -> bool:
    """A given name: morphology reads it as one (in a case form too: "Львом"), or some list has it."""
    return _lemma_and_kind(word, language)[1] == "given" or _listed_first_name(word, language)


def _script_change(run: list[str]) -> int | None:
    """Where a run goes on in another script: no name mixes two ("Ryanair Майкла О'Лірі" is the
    company's chief executive, Michael O'Leary)."""
    scripts = [_script(word) for word in run]
    return next((index for index in range(1, len(run)) if scripts[index] != scripts[index - 1]), None)


def _script(word: str) -> str:
    letter = next((char for char in word if char.isalpha()), "")  # none in a number's sign ("Ⅲ")
    return unicodedata.name(letter, "").split(" ")[0] if letter else ""


def _listed_company_after_a_name(run: list[str]) -> int | None:
    """Where a listed company's name of one word ends a run of three words or more that is no company's name
    ("los fans de Harry Potter | Netflix sorprendió": a heading run on into its text): the company's word. Not
    where that word is a family name too ("John Deere") or a word of English."""
    last = run[-1]
    if len(run) < 3 or not is_listed_company(last) or is_listed_company(" ".join(run)):
        return None
    if is_family_name(last) or lemmas.in_lowercase(last.lower(), "en"):
        return None  # "Apple", "Amazon" are words; "Netflix", "Google" are not
    return len(run) - 1


def _listed_company_before_words(run: list[str]) -> int | None:
    """Where a listed company's name opens a run that goes on in two or more English words, capitalised as
    a heading or a page's name for a thing ("Nestlé | Annual General Meeting", "Google | Privacy Policy"):
    how many words the company takes. Not a company's longer name ("Deutsche Bank" is listed whole), nor a
    company of one word that is an English word too ("Noble")."""
    for size in range(min(3, len(run) - 2), 0, -1):
        rest, company = run[size:], " ".join(run[:size])
        if not is_listed_company(company) or is_listed_company(" ".join(run)):
            continue
        if size == 1 and lemmas.in_lowercase(company.lower(), "en"):
            return None  # "Noble Oaks Apartments": a word first, whatever company bears it
        if all(not word.isupper() and lemmas.in_lowercase(word.lower(), "en") for word in rest):
            return size
        return None
    return None


def _full_name_after_english_words(run: list[str], language: str | None) -> int | None:
    """Where an English run's full name begins after words that English's dictionary writes in lowercase
    ("Experienced Pole | Robert Kubica", "White House | Kellyanne Conway"): at a listed first name that is no
    place, before a word that is no word of the dictionary ("Royal Albert Hall" and "Lake Victoria Basin"
    stay whole), none of the words before it a first name ("Bill Burke Jr"), a title's or an organisation's
    ("Bank Julius Baer")."""
    if language != "en" or len(run) < 3:
        return None
    for index in range(1, len(run) - 1):
        first, surname = run[index], run[index + 1]
        if not is_given_name(first) or find_place(first) is not None:
            continue
        if office_words_at_end(run[: index + 1], language):
            return None  # "Crown Princess Mary", "Chief Justice": a title's word is someone's first name too
        leading = run[:index]
        if (
            all(
                not word.isupper() and not is_given_name(word) and lemmas.in_lowercase(word.lower(), "en")
                for word in leading
            )
            and not has_org_word(leading)
            and not any(is_person_title(word) for word in leading)
            and not lemmas.in_lowercase(surname.lower(), "en")
            and not has_org_word([surname])
        ):
            return index
        return None
    return None


def _name_after_a_country(run: list[str], language: str | None) -> int | None:
    """Where a run opens with a country's whole name and a name of two words or more follows ("President of
    the Hellenic Republic | Prokopios Pavlopoulos"): how many words the country takes. Not where a word after
    it is in capitals, a word of the dictionaries or an organisation's, or the rest is a place ("South Africa
    Rugby Union", "United States Senate Committee")."""
    if len(run) < 3:
        return None
    for cut in range(len(run) - 2, 0, -1):
        place = find_place(" ".join(run[:cut]))
        if place is None or not place.id.startswith(("iso:", "hist:")) or "-" in place.id:
            continue
        rest = run[cut:]
        if (
            has_org_word(rest)
            or _is_place(rest)
            or any(word.isupper() or is_known_word(word, language) for word in rest)
        ):
            return None
        return cut
    return None


def _full_name_after_a_word(run: list[str], language: str | None) -> int | None:
    """Where a Cyrillic run's full name (a given name the dictionary knows, then another name) begins
    after a word that is no part of a person's name ("Брекзит Дейвид Дейвис": the minister for Brexit,
    David Davis; "Мей Дейвид Камерън": May's predecessor, David Cameron). Not where the words before
    make a place with the given name ("Сан Франциско"), nor after a surname written first ("Лавров
    Сергей Викторович"). Latin-script runs are left whole: their first-name lists hold too many
    words of other names ("Abdel Fattah")."""
    if len(run) < 3 or not all(_CYRILLIC.match(word) for word in run):
        return None
    for index in range(1, len(run) - 1):
        if not _cyrillic_given_name(run[index], language) or _part_of_a_name(run[index - 1], language):
            continue
        if find_place(" ".join(run[: index + 1])) is None:
            return index
    return None


def _common_word_form(word: str, language: str) -> bool:
    """Whether the dictionary reads ``word``, as written or in lowercase, as a common word's form."""
    return lemmas.in_lowercase(word, language) or lemmas.in_lowercase(word.lower(), language)


def _full_name_after_a_genitive(run: list[str], language: str | None) -> int | None:
    """Where a Latin-script Slavic run's full name begins after the name of what the person heads or
    belongs to, which these languages write before it in the genitive with the title in lowercase ("šéf
    Ryanairu Michael O'Leary", "šéf Commerzbank Eugena Weinberga", "direktor Gazproma Aleksej Miller"): at
    a listed first name (in any case) after a word that is no first name, family name or particle, and
    that makes no place with it ("San Francisco"), before a word that is no common word ("Kobego Bryanta
    Śmierć", Kobe Bryant's death: Bryant is a first name too, "śmierć" a noun)."""
    if language not in LATIN_SLAVIC or len(run) < 3 or not all(is_latin(word) for word in run):
        return None
    for index in range(1, len(run) - 1):
        before = run[index - 1]
        if (
            (_listed_first_name(run[index], language) or is_first_name_in_case(run[index], language))
            and not _listed_first_name(before, language)
            and not is_family_name(before)
            and before.casefold() not in NAME_PARTICLES
            and not _common_word_form(run[index + 1], language)
            and find_place(" ".join(run[: index + 1])) is None
        ):
            return index
    return None


_BULGARIAN_ARTICLES = ("ът", "ят", "та", "то", "те")


def _article_word_after_a_name(run: list[str], language: str | None) -> int | None:
    """Where a Bulgarian run goes on with a common word that carries the definite article ("Тереза Мей
    Европейският съюз", "Ройтерс Осъдената"): a name takes no article inside it, so the word opens the
    next name. Not at the run's start, where the article opens an institution's name ("Народното
    събрание")."""
    if language != "bg" or len(run) < 2:
        return None
    for index in range(1, len(run)):
        word = run[index]
        if word.lower().endswith(_BULGARIAN_ARTICLES) and not word.isupper():
            lemma = lemmas.lemmatize(word, language)
            if lemma[:1].islower() and lemma != word.lower():
                return index
    return None


def _bulgarian_common_word_alone(run: list[str], language: str | None) -> bool:
    """One Bulgarian common word with its article, cut from a name ("Европейският", "Председателят"):
    the first word of a name whose other words are in lowercase, or of a sentence; no name alone."""
    return len(run) == 1 and _article_word_after_a_name(["", *run], language) == 1


def _cyrillic_given_name(word: str, language: str | None) -> bool:
    """A given name, as the dictionary reads it or as a listed first name's Latin spelling ("Мишел")."""
    if _lemma_and_kind(word, language)[1] == "given":
        return True
    return language is not None and rather_a_first_name(word, language)


def _part_of_a_name(word: str, language: str | None) -> bool:
    """A word a person's name may open with: one the dictionary reads as a name, unless it reads as a
    given name that no list spells as one ("Брекзиту", which Russian's dictionary guesses a name's case)."""
    kind = _proper_kind(word, language)
    if kind != "given" or language not in ("ru", "uk", "bg"):
        return kind is not None
    lemma = _lemma_and_kind(word, language)[0]
    return is_given_name(lemma) or rather_a_first_name(lemma, language)


def _country_s_institution(run: list[str]) -> bool:
    """A name and an organisation word alone after it ("İran Meclisi'nde", "Alaska Senate"): one
    institution, not a place and a common noun; not after an English possessive ("Spain's Congress":
    Spain, and its Congress)."""
    return (
        len(run) == 2 and not run[0].endswith(("'s", "’s")) and is_generic_org_noun(APOSTROPHE_SUFFIX.sub("", run[1]))
    )


def _after_office(run: list[str]) -> list[str] | None:
    """None for a run that holds no office; for one that does ("Deputy Governor of Imo", "CEO of Spring
    Option", "Minister of Health"), the words after its last small word, unless they are a ministry's
    field: what the office is of may be a name, the office itself is none."""
    if not any(is_person_title(word) and following.islower() for word, following in zip(run, run[1:], strict=False)):
        return None
    rest = run[len(run) - next(i for i, word in enumerate(reversed(run)) if word.islower()) :]
    return [] if len(rest) == 1 and is_portfolio(rest[0]) else rest


def _office_field(run: list[str], before: list[str], language: str | None) -> int:
    """How many words of a run after a title and a small word are a ministry's field, the rest of the
    office's name ("secretario de Educación", "minister of Health", "ministro de Asuntos Exteriores"):
    a name may follow them ("ministro degli Esteri Antonio Tajani"), when it opens with a listed first
    name. 0 for a place ("presidente de Colombia") or an organisation's name ("CEO of Microsoft")."""
    connectors = CONNECTORS.get(language or "", frozenset())
    if len(before) < 2 or before[-1] not in connectors or not is_person_title(before[-2]):
        return 0
    field = 0
    while field < len(run) and is_portfolio(run[field]):
        field += 1
    if field == len(run) or field and _listed_first_name(run[field], language):
        return field
    return 0


def _is_function_word(word: str, language: str | None) -> bool:
    """A short word the dictionary knows as a common word's form, among the language's most frequent
    words where a list of them serves it, and nothing makes a name or a place ("В", "На", "The"; not
    "Jon" or "Uwe", which the dictionary lists as names, nor "Pep" in "Manchester: Pep Guardiola", too rare)."""
    if len(word) > FUNCTION_WORD_LETTERS - 1 or word.isupper() and len(word) > 1:
        return False
    if not language or language not in SUPPORTED_LANGUAGES or not lemmas.in_lowercase(word.lower(), language):
        return False
    frequent = frequent_words(language)
    if frequent and word.casefold() not in frequent:
        return False
    # a lone letter joined to the next word is no initial (an initial has its full stop, which ends a run)
    return (len(word) == 1 or _proper_kind(word, language) is None) and find_place(word) is None


def _no_noun(word: str, language: str | None) -> bool:
    """A word morphology knows only as no noun and no name: an adverb, a verb, a pronoun..."""
    if language not in _MORPHOLOGY_LANGUAGES:
        return False
    parses = _analyzer(language).parse(word)
    known = [parse for parse in parses if parse.is_known]
    return bool(known) and all(parse.tag.POS not in ("NOUN", None) for parse in known)


def _given_name_first(run: list[str], language: str | None) -> list[str]:
    """A name written surname first ("Песков Дмитрий", "Лавров Сергей Викторович") in the usual order,
    so that it is keyed by its surname and given name as any other."""
    if language not in _MORPHOLOGY_LANGUAGES or len(run) not in (2, 3):
        return run
    tags = [_name_part(word, language) for word in run]
    if tags in (["Surn", "Name"], ["Surn", "Name", "Patr"]):
        return [*run[1:], run[0]]
    return run


def _name_part(word: str, language: str) -> str | None:
    """Which part of a person's name morphology reads the word as (Name, Patr or Surn), if any; a reading
    in the singular first, as ``_reading`` takes it ("Бойко Борисов" is not Борисов Бойко: "Борисов" is a
    surname or a town before it is the genitive plural of Борис)."""
    parses = _singular_first(_analyzer(language).parse(APOSTROPHE_SUFFIX.sub("", word)))
    tag = next((tag for parse in parses if (tag := _name_tag(parse)) is not None), None)
    return tag if tag in ("Name", "Patr", "Surn") else None


def _mention_for_run(run: list[str], before: list[str], language: str | None, person: bool = False) -> Found | None:
    """The mention a run of capitalised words makes, or None when it has no usable key.
    ``person``: a model read the run as a person's name (never a place)."""
    surface = " ".join(run)
    if len(run) == 1 and _ACRONYM_PLURAL.fullmatch(run[0]):
        return None  # "CDs", "NGOs", "MPs": things or people of a kind, no one name
    if len(run) > 1 and _surname_in_capitals(run[:-1], run[-1], language):
        run = [*run[:-1], run[-1].title()]  # "Emmanuel MACRON" is keyed and named as "Emmanuel Macron"
    if len(run) > 1 and _first_name_in_capitals(run[-2], run[-1]):
        run = [*run[:-2], run[-2].title(), run[-1]]  # "THOMAS Bach" is named as "Thomas Bach"
    if (
        not person
        and (nominative := latin_slavic_nominative(run, language)) is not None
        and not _names_a_place(run, language)  # "Unia Europejska" is no Uni Europejsk with a case ending
    ):
        mention = _mention_for_run(nominative, before, language, person=True)  # "Donaldem Trumpem"
        return dataclasses.replace(mention, surface=surface) if mention else None
    head_lemma, head_kind = _lemma_and_kind(run[-1], language)
    if language in NOUN_CAPITALISING and len(run) > 1 and _foreign_name_read_as_german(run, language):
        # a foreign name's last word the dictionary reads as an adjective's or a verb's form ("Black Lives
        # Matter": matt) is the name's as written
        head_lemma = APOSTROPHE_SUFFIX.sub("", run[-1])
    # a surname after its particles takes no case ending ("фон дер Ляйен" is no form of "Ляйена")
    written = _keeps_written_form(run, language) or _surname_after_particles(run, language)
    if _surname_read_as_a_word(run, head_lemma, language):
        head_lemma = APOSTROPHE_SUFFIX.sub("", run[-1])
    if written:
        head_lemma = APOSTROPHE_SUFFIX.sub("", run[-1])
    place = None if person else _place_for_run(run, head_lemma, language, before)
    if place is not None:
        return Found(key=place.id, given="", surface=surface, kind=place.kind, lemma=place.name)
    if len(run) == 2 and _acronym_with_its_head(run[:1], run[1]) and run[1].casefold() == "news":
        return Found(key=acronym_key(run[0]), given="", surface=surface, kind="org", lemma=surface)  # the outlet
    acronyms = len(run) > 1 and all(_is_acronym(word) for word in run)  # "PKO BP" is not BP
    shaped = _is_acronym(head_lemma) or (len(run) == 1 and is_mixed_case_acronym(head_lemma))  # "AfD" is "AFD"
    key = acronym_key("".join(run) if acronyms else head_lemma) if shaped else name_key(head_lemma)
    if len(key) < 2 and (len(run) == 1 or acronyms or not key):
        return None
    if acronyms:
        return Found(key=key, given="", surface=surface, kind="org", lemma=surface)
    if (
        len(run) == 1
        and head_kind == "given"
        and language in _MORPHOLOGY_LANGUAGES
        and rather_a_surname(head_lemma, language)
    ):
        head_kind = "person"  # "Байден", "Джонсон" alone: the surname of a full name elsewhere
    first_kind = _lemma_and_kind(run[0], language)[1] if len(run) > 1 else head_kind
    if first_kind == "misc" and _foreign_first_name_opens(run, language):
        first_kind = "given"  # "Антъни Блинкън": Antony Blinken, whom no dictionary of the language lists
    kind = "person" if person and head_kind != "given" else _run_kind(run, before, head_kind, first_kind, language)
    if len(key) < 2 and len(run) > 1 and kind == "place":
        key = name_key(" ".join(run))  # a feature's short noun: "Red Sea", "Ege Denizi" keyed by all their words
    if len(key) < 2 and not _short_surname_of_a_person(run, kind, language):
        return None
    given = ""
    lemma = head_lemma
    if len(run) > 1:
        lemmas = [word if word.islower() or written else _lemma_and_kind(word, language)[0] for word in run[:-1]]
        if kind != "person" and not written:
            lemmas = _german_adjectives_named(run[:-1], lemmas, language)
        surname = (
            (_feminine_surname(run, language) or _surname_in_case_of_given(run, language)) if kind == "person" else None
        )
        lemma = " ".join([*lemmas, surname or head_lemma])
        if surname and len(surname_key := name_key(surname)) >= 2:
            key = surname_key  # the surname its given name's case decides keys it ("Радев", not "радеть")
        if kind != "person" and not written and (agreed := agreed_nominative(run, language)) is not None:
            lemma = " ".join(agreed)  # "Консервативної партії": Консервативна партія, not "Консервативний Партія"
        # a name written on in lowercase ("Белия дом"); a place no gazetteer knows, by its first word too:
        # "Schwarze Meer" and "Rote Meer", "Wall Street" and "Downing Street" are two places
        if kind in ("person", "misc", "place") or run[-1].islower():
            given = given_key(lemmas[0])
    elif len(run) == 1 and head_kind == "given":
        given = key  # a first name on its own ("Меланія") never stands for a surname
    if kind == "misc" and place_context(run, before, language):  # "in Oftringen", "İngiltere'de"
        kind = "place"  # its key and given name as an untyped name's: only the kind is the context's
    if len(run) > 1 and run[0].casefold() in _SAINTS and kind in ("person", "given", "misc"):
        kind = "place"  # "St. Josef", "St. Veit": a church, a town named after a saint, never a living person
    if len(run) > 1 and not written and language in TURKIC:
        lemma = _institution_name(run)  # "Pamukkale Üniversitesi Hastanesi", not "Pamuk Üniversite Hastane"
    return Found(key=key, given=given, surface=surface, kind="person" if kind == "given" else kind, lemma=lemma)


def _foreign_name_read_as_german(run: list[str], language: str) -> bool:
    """A name of English words ending in one German's dictionary reads as a common word's form ("Black Lives
    Matter": "Matter" as matt's comparative), after a word of English that is no common word of German; not
    a German word read so ("Neueste Politik Videos Neueste")."""
    last = APOSTROPHE_SUFFIX.sub("", run[-1])
    if not (lemmas.is_known(last.lower(), "en") and lemmas.in_lowercase(last, language)):
        return False
    return any(lemmas.is_known(word.lower(), "en") and not lemmas.in_lowercase(word, language) for word in run[:-1])


def _german_adjectives_named(words: list[str], lemmas_of: list[str], language: str | None) -> list[str]:
    """A German name's adjectives in the form the name is known by, the weak nominative in "-e" ("Deutschen
    Bank", "Deutscher Bank": Deutsche Bank; "Roten Meer": Rote Meer), whatever case the sentence gives
    them: the dictionary's lemma of an adjective is in lowercase without its ending ("europäisch"), or
    another word's ("Deutscher", a German)."""
    if language != "de":
        return lemmas_of
    return [_german_adjective_nominative(word) or lemma for word, lemma in zip(words, lemmas_of, strict=True)]


_WORDS_KEPT = 1 << 14  # words whose reading as a German adjective is kept (a bounded cache)


@lru_cache(maxsize=_WORDS_KEPT)
def _german_adjective_nominative(word: str) -> str | None:
    """A capitalised German adjective's weak nominative ("Europäischen": Europäische), or None for any other word."""
    folded = word.lower()
    if not word[:1].isupper() or word.isupper() or not lemmas.inflected_adjective(folded, "de"):
        return None
    stem = lemmas.dictionary_lemma(folded, "de") or ""
    if len(stem) < _MIN_ADJECTIVE_STEM or folded[len(stem) :] not in _CASE_ENDINGS_OF_ADJECTIVES:
        return None  # no ending ("National", "Online")
    if _german_city_adjective(word, "de") is not None:
        return None  # "Hamburger", "Frankfurter": a city's adjective takes no ending
    return (stem + "e").capitalize()


_MIN_ADJECTIVE_STEM = 3  # "neu" of "Neue Zürcher Zeitung"
_CASE_ENDINGS_OF_ADJECTIVES = frozenset({"e", "en", "er", "es", "em"})  # "e": the form itself


def _german_nominative_place(run: list[str], language: str | None) -> Place | None:
    """The place a German name of several words is with its adjectives as the name is known ("im Schwarzen
    Meer", "der Europäischen Union": Europäische Union), where that differs from the run as written."""
    if language != "de" or len(run) < 2:
        return None
    named = [*_german_adjectives_named(run[:-1], run[:-1], language), run[-1]]
    return find_place(" ".join(named)) if named != run else None


def _foreign_first_name_opens(run: list[str], language: str | None) -> bool:
    """A Cyrillic run of two or three words that opens with a foreign first name no dictionary of the
    language holds, which the transcription of names reads as a listed first name more cheaply than as a
    surname (``rather_a_first_name``: Антъни, Хайко), where no word of the run is a common word of the
    language ("Белия дом", "Франс Прес") and the first is no place ("Париж", which lists spell as Paris)."""
    if language not in ("ru", "uk", "bg") or not 2 <= len(run) <= 3 or not all(_CYRILLIC.match(word) for word in run):
        return False
    if any(lemmas.in_lowercase(word, language) for word in run) or find_place(run[0]) is not None:
        return False
    return rather_a_first_name(run[0], language)


def _names_a_place(run: list[str], language: str | None) -> bool:
    """Whether the gazetteer knows a run of words as a place or a union, as written or inflected."""
    return find_place(" ".join(run)) is not None or find_place_inflected(run, language) is not None


def _feminine_surname(run: list[str], language: str | None) -> str | None:
    """A woman's surname in her own nominative where the dictionary's lemma is the man's ("Марии
    Захаровой" is Мария Захарова, not Захаров): after a given name the dictionary knows only as a
    woman's, in Russian and Ukrainian the surname's feminine reading in the nominative, in the other
    Cyrillic languages, whose names do not decline, the surname as written. The key stays the family's."""
    if len(run) < 2 or not (_CYRILLIC.match(run[0]) and _CYRILLIC.match(run[-1])):
        return None
    analyzer = _cyrillic_analyzer(language)
    given = _given_name_readings(run[0], analyzer)
    if not given or not all("femn" in parse.tag.grammemes for parse in given):
        return None
    if language not in _MORPHOLOGY_LANGUAGES:
        return run[-1]
    for parse in analyzer.parse(run[-1]):
        if {"Surn", "femn"} <= parse.tag.grammemes and (nominative := parse.inflect({"nomn"})) is not None:
            return _capitalise(nominative.word)
    return None


def _cyrillic_analyzer(language: str | None) -> Any:
    """The language's own dictionary where one is packaged, else Russian's, whose names and nouns the other
    Cyrillic languages mostly share (``_cyrillic_name_kind``)."""
    return _analyzer(language if language in _MORPHOLOGY_LANGUAGES else "ru")


def _given_name_readings(word: str, analyzer: Any) -> list[Any]:
    """The dictionary's readings of a word as a given name (only of words it knows)."""
    return [parse for parse in analyzer.parse(word.lower()) if parse.is_known and "Name" in parse.tag.grammemes]


_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct"})


def _surname_in_case_of_given(run: list[str], language: str | None) -> str | None:
    """In Russian and Ukrainian, the surname's dictionary form read in the case its given name shows:
    "Имрана Хана" is the genitive of Имран Хан, not the name Хана; a given name that does not decline
    ("Джо") shows no case. A surname ending in a vowel that no reading of the dictionary (or of its
    guesses) puts in that case is a foreign name that does not decline, as written ("Джорджа Мелоні":
    not the locative of мелон; "Юлию Навальную" is still Навальная)."""
    if language not in _MORPHOLOGY_LANGUAGES or len(run) < 2 or _NAME_APOSTROPHE.search(run[-1]):
        return None
    analyzer = _analyzer(language)
    given = _given_name_readings(run[0], analyzer)
    if not given or any("Fixd" in parse.tag.grammemes for parse in given):
        return None
    if _in_dictionary_form(run[0], given):
        return run[-1]  # "Дмитрий Песков", "Хавьер Милей": the surname agrees, in the nominative (not песок, миля)
    cases = {grammeme for parse in given for grammeme in parse.tag.grammemes & _CASES}
    agreeing = [
        parse
        for parse in analyzer.parse(run[-1].lower())
        if parse.is_known and parse.tag.POS == "NOUN" and parse.tag.grammemes & cases
    ]
    agreeing.sort(key=lambda parse: "Surn" not in parse.tag.grammemes)  # a surname's reading first
    if agreeing:
        return _capitalise(agreeing[0].normal_form)
    in_case = [parse for parse in analyzer.parse(run[-1].lower()) if parse.tag.grammemes & cases]
    if (
        all("masc" in parse.tag.grammemes for parse in given)
        and not any(parse.is_known or _declined_as_adjective(parse) for parse in in_case)
        and (stem := _consonant_stem(run[-1], cases))
    ):
        return stem  # "Ричарда Гренелла", "Говарду Тафту" (тафта, taffeta, has no dative "тафту")
    if not in_case and run[-1][-1].lower() not in _CONSONANTS | _FEMININE_ENDINGS:
        return run[-1]  # "Джорджа Мелоні": no reading at all in its given name's case: it does not decline
    return None


_FEMININE_ENDINGS = frozenset("ая")  # "Якова Сандакова": a surname's feminine, or its genitive, not a foreign name


def _declined_as_adjective(parse: Any) -> bool:
    """Whether a reading declines a word as a full adjective ("Зеленскому"): no consonant stem. A
    possessive's endings are a consonant stem's ("Сандакова": Сандаков)."""
    return parse.tag.POS in ("ADJF", "PRTF") and "Poss" not in parse.tag.grammemes


def _in_dictionary_form(word: str, readings: list[Any]) -> bool:
    """Whether a given name is written in the nominative singular, its dictionary form, and in no other
    case ("Дмитрий", "Мария"; not "Дмитрия", nor "Любовь", whose accusative is the same word)."""
    folded = word.lower()
    return any(parse.normal_form == folded and {"nomn", "sing"} <= parse.tag.grammemes for parse in readings) and all(
        parse.normal_form == folded and "nomn" in parse.tag.grammemes for parse in readings
    )


# A man's foreign surname of a consonant stem takes a noun's endings ("Ричарда Гренелла", "Ричардом
# Гренеллом"): the ending of each case a given name shows.
_MASCULINE_ENDINGS = {"gent": "а", "accs": "а", "datv": "у", "ablt": "ом", "loct": "е"}


def _consonant_stem(surname: str, cases: set[str]) -> str | None:
    """A surname the dictionary does not know without the ending of its given name's case, where the
    given name shows one case ending only and the rest ends in a consonant (Гренелла: Гренелл)."""
    endings = {_MASCULINE_ENDINGS.get(case) for case in cases}
    if len(endings) != 1 or None in endings:
        return None
    ending = endings.pop() or ""
    stem = surname[: -len(ending)] if surname.lower().endswith(ending) else ""
    return stem if len(stem) >= _MIN_STEM_LETTERS and stem[-1].lower() in _CONSONANTS else None


def _institution_name(run: list[str]) -> str:
    """A Turkish institution's name in its dictionary form: its words as written, case endings after an
    apostrophe dropped, and the organisation word it ends in without the endings written onto it
    ("Sağlık Bakanlığının" is "Sağlık Bakanlığı"; the dictionary would cut "Pamukkale" to "Pamuk")."""
    words = [APOSTROPHE_SUFFIX.sub("", word) for word in run]
    words[-1] = opening_org_word(words[-1]) or words[-1]
    return " ".join(words)


def _surname_read_as_a_word(run: list[str], head_lemma: str, language: str | None) -> bool:
    """In German, a name after a listed first name that the dictionary reads as an adjective's form
    ("Manuel Neuer", "Christine Lange", "Fritz Kleine": "neu", "lang", "klein"). German capitalises an
    adjective only where it opens a sentence or a name, so after a first name it is the surname as written;
    the dictionary's form would lose it (the key of "Neu" is one letter)."""
    if language not in NOUN_CAPITALISING or len(run) < 2 or head_lemma.casefold() == run[-1].casefold():
        return False
    # the head read as an adjective's form ("neuer": "neu"), not a verb's ("Laschet": "laschen") nor a
    # noun's ("Schöne": "Schönes", as its bare mentions are read too)
    word = run[-1].lower()
    adjective = lemmas.inflected_adjective(word, language) and word.startswith(head_lemma.casefold())
    return adjective and _listed_first_name(run[-2], language)


def _surname_after_particles(run: list[str], language: str | None) -> bool:
    """A person's surname after its particles ("Урсула фон дер Ляйен"), which takes no case ending: the
    dictionary would read "Ляйен" as a form of "Ляйена"."""
    return len(run) > 2 and run[-2] in NAME_PARTICLES and _joins_across_particles(run[0], run[-1], language)


def _keeps_written_form(run: list[str], language: str | None) -> bool:
    """Turkish and Azerbaijani set a person's or a place's case endings off with an apostrophe
    ("Davutoğlu'nun"): what comes before it is the name as it is, which the dictionary would cut
    ("Davutoğlu" to "davut", "Bilici" and "Bilmez" both to "bil"). An institution's name takes its
    endings without one ("Sağlık Bakanlığının"): that keeps the dictionary's form."""
    return language in TURKIC and not opens_with_org_word(run)


# Words an organisation's acronym takes after it as part of its name ("BBC News", "CTV News", "BMW Group",
# "HSBC Holdings"): one name, not an acronym beside an organisation "News" or "Holdings" (which had made one
# entity of every "X News" of a store). "X News" is the outlet X (keyed as the acronym: "the BBC" is "BBC
# News"); a group or holding is a name of its own ("NRW Holdings" is no North Rhine-Westphalia).
_ACRONYM_HEADS = frozenset({"news", "group", "groupe", "gruppe", "grupo", "gruppo", "holding", "holdings", "media"})


def _acronym_with_its_head(current: list[str], word: str) -> bool:
    return (
        len(current) == 1
        and _is_acronym(current[0])
        and word.casefold() in _ACRONYM_HEADS
        and find_place(current[0]) is None  # "US Media" is the country's media, not one organisation's
    )


def _is_acronym(word: str) -> bool:
    """All capitals and short: longer all-capital words are names set in capitals ("REUTERS")."""
    return word.isupper() and 1 < len(word) <= MAX_ACRONYM


def _place_for_run(run: list[str], head_lemma: str, language: str | None, before: list[str]) -> Place | None:
    if len(run) == 1:
        word = APOSTROPHE_SUFFIX.sub("", run[0])
        # a dateline in capitals ("BOSTON –", "KÖLN (dpa-AFX)"), unless the acronyms' table knows the word
        in_capitals = find_place(word.title()) if word.isupper() and len(word) >= _PLACE_IN_CAPITALS else None
        place = find_place(word) or in_capitals
        by_lemma = (
            find_place(head_lemma) if head_lemma and _lemma_may_name_a_place(word, head_lemma, language) else None
        )
        if _country_over_alternate_name(word, place, by_lemma):
            place = by_lemma  # "z Chin" (Chiny): China, not Jinzhou's alternate name "Chin"
        place = (
            place
            or by_lemma
            or _plural_country_genitive(word, language, before)  # "z Włoch", "prezydent Czech"
            or _place_reading(word, language)
            or _place_spelled_in_russian(head_lemma, language)
            or find_country_inflected(word, language)  # "na Kitajskem"
            or _place_in_case(word, language)  # "v Kyjevu", "w Wuhanie"
        )
        if place is not None and (
            _given_name_abroad(word, place, language)
            or _noun_form_abroad(word, place, language)
            or _family_name_in_case(word, place, language)
        ):
            return None
        return place or _local_town(run, head_lemma, language, before)
    # "White House" is also an alternate name of Casablanca: a name with an organisation word is no place,
    # but it may be an organisation the acronyms' table knows ("World Health Organization": WHO's id)
    written = " ".join(run)
    if (country := _country_named(run, language)) is not None:
        return country  # "Russischen Föderation", "Rusya Federasyonu'nun": a federation's word is no organisation's
    if has_org_word(run):  # but a union the gazetteer names in the language is one ("Evropska unija")
        union = find_place(written) or _german_nominative_place(run, language)
        return find_organisation(written) or (union if union is not None and union.kind == "org" else None)
    # a dateline or heading in capitals ("NEW YORK (Reuters)") names the place written in lowercase
    in_capitals = find_place(written.title()) if written.isupper() else None
    # then as written, then with its words joined by a hyphen ("États-Unis", "Baden-Württemberg")
    found = (
        in_capitals
        or find_place(written)
        or find_place(_without_suffix(run))  # "Orta Asya'dan", "South Korea’s"
        or find_place("-".join(run))
        or find_place_inflected(run, language)
        or _last_word_in_case(run, language)  # "w Sankt Petersburgu", "v Buenos Airesu"
        or _german_nominative_place(run, language)  # "im Schwarzen Meer"
    )
    if found is None and (agreed := agreed_nominative(run, language)) is not None:
        found = find_place(" ".join(agreed))  # "Північної Ірландії": Північна Ірландія, Northern Ireland
    return found or _local_town(run, head_lemma, language, before)


def _country_named(run: list[str], language: str | None) -> Place | None:
    """The country, state of the past or area (Russia, the Soviet Union, the West Bank) a run of words names
    in full, as written (a Turkish case suffix aside) or inflected."""
    place = find_place(_without_suffix(run)) or find_place_inflected(run, language)
    if place is None or not (is_country(place) or is_historic_state(place.id) or is_area(place.id)):
        return None
    return place


def _without_suffix(run: list[str]) -> str:
    """A run's words without the suffix its last word takes after an apostrophe ("Rusya Federasyonu")."""
    return " ".join([*run[:-1], APOSTROPHE_SUFFIX.sub("", run[-1])])


def _country_over_alternate_name(word: str, place: Place | None, by_lemma: Place | None) -> bool:
    """Whether the country a word's dictionary form names outranks the city abroad that has the word as
    written among its alternate names only: the Polish genitive "Chin" (of Chiny) is China, though
    GeoNames lists "Chin" among Jinzhou's names. A city's own name stays the city's."""
    return (
        place is not None
        and by_lemma is not None
        and is_country(by_lemma)
        and not is_country(place)
        and word.casefold() != place.name.casefold()
    )


def _plural_country_genitive(word: str, language: str | None, before: list[str]) -> Place | None:
    """A Polish country whose name is a plural noun, in its genitive plural, which is the name less its
    last letter: "Włoch" of Włochy (Italy), "Czech" of Czechy, "Chin" of Chiny. The same word in the
    nominative singular is one man of the people ("Włoch", an Italian), or a surname, which the genitive
    never is after a preposition or a noun: so only after a word in lowercase ("z Włoch", "premier
    Czech") that is no verb ("zdobył Czech Tomáš Souček": a Czech scored; a verb's dictionary form, its
    infinitive, ends in -ć; "północy Włoch", of the north, stays) and no adjective but in the genitive
    plural ("całych Włoch", not "słynny Czech")."""
    if language != "pl" or not before or not before[-1].isalpha() or not before[-1].islower():
        return None
    lemma = lemmas.lemmatize(before[-1], language)
    if lemma.endswith("ć") or (lemma.endswith(("y", "i")) and not before[-1].endswith(("ych", "ich"))):
        return None
    place = find_place(word + "y")
    if place is None or (word + "y").casefold() not in country_names_in(place, language):
        return None
    return place


_UKRAINIAN_TO_RUSSIAN = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "І": "И", "Ї": "И", "Є": "Е", "Ґ": "Г"})


def _place_in_case(word: str, language: str | None, find: Callable[[str], Place | None] = find_place) -> Place | None:
    """A foreign place declined in a Latin-script Slavic language (``place_cases.py``; ``find`` looks each
    nominative up), unless the dictionary reads the word, as written or in lowercase, as a common word's
    form ("Ligi", of the league, is no case of Riga's alternate name "Liga")."""
    if language not in LATIN_SLAVIC or language not in SUPPORTED_LANGUAGES or _common_word_form(word, language):
        return None
    return place_in_case(word, language, find)


def _last_word_in_case(run: list[str], language: str | None) -> Place | None:
    """A foreign place of several words whose last word a Latin-script Slavic language declines ("Sankt
    Petersburgu", "Nowym Jorku" aside: there the adjective is declined too), the words before as written."""
    head = " ".join(run[:-1])
    return _place_in_case(run[-1], language, lambda nominative: find_place(f"{head} {nominative}"))


def _place_spelled_in_russian(lemma: str, language: str | None) -> Place | None:
    """A foreign place whose Ukrainian name the gazetteer lacks, by the Russian spelling of its letters
    (Джорджія: Джорджия, Georgia; Пенсильванія: Пенсильвания): GeoNames lists many more Russian names
    than Ukrainian ones, and a foreign name's Ukrainian spelling differs from the Russian in these
    letters alone."""
    if language != "uk" or len(lemma) < 4 or not any(letter in "іїєґ" for letter in lemma.lower()):
        return None
    return find_place(lemma.translate(_UKRAINIAN_TO_RUSSIAN))


_PERSONAL_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})


def agreed_nominative(run: list[str], language: str | None) -> list[str] | None:
    """A Russian or Ukrainian name with its head noun and the adjectives that agree with it in the
    nominative, what follows them as written: "Північної Ірландії" is Північна Ірландія, "Южной
    Каролины" Южная Каролина, "Консервативной партии" Консервативная партия, where a dictionary form
    taken word by word gives each adjective its masculine ("Північний Ірландія"), which no gazetteer
    and no reader knows; and "Министерства здравоохранения" is Министерство здравоохранения, its
    genitive complement kept (not "Министерство Здравоохранение"). The head is the last noun that
    the adjectives before it agree with, then a singular reading. None unless every word before it reads as an adjective in
    its case and number. A Polish name is read by its own dictionary as a phrase (``polish_grammar``:
    "Ministerstwa Zdrowia" is Ministerstwo Zdrowia, "Prokuratury Okręgowej" Prokuratura Okręgowa)."""
    if language == "pl":
        return nominative_phrase(run)
    if language not in _MORPHOLOGY_LANGUAGES or len(run) < 2 or not all(_CYRILLIC.match(word) for word in run):
        return None
    analyzer = _analyzer(language)
    best: tuple[tuple[int, bool, int], list[str]] | None = None
    for index, word in enumerate(run):
        for head in analyzer.parse(word.lower()):
            if head.tag.POS != "NOUN" or head.tag.case is None or head.tag.grammemes & _PERSONAL_GRAMMEMES:
                continue  # "Дональда Трампа" is a person's name, whose words all take the case
            number = head.tag.number or "sing"  # the Ukrainian dictionary marks only the plural
            nominative = head.inflect({"nomn"})
            gender = head.tag.gender if number == "sing" else None
            agreement = {"nomn"} | ({"plur"} if number == "plur" else {gender} if gender else set())
            before = [
                _agreed_adjective(other, head.tag.case, number, agreement, analyzer, gender) for other in run[:index]
            ]
            if nominative is None or not all(before):
                continue
            after: list[str] = []
            for other in run[index + 1 :]:
                agreed = _agreed_adjective(other, head.tag.case, number, agreement, analyzer, gender)
                if agreed is None:
                    break
                after.append(agreed)
            rank = (index + 1, number == "sing", len(after))  # not "Организации Объединённые Наций"
            if best is None or rank > best[0]:
                best = (rank, [*(form for form in before if form), nominative.word, *after])
        if not _agreed_adjective(word, None, None, {"nomn"}, analyzer):
            break  # a noun further on would need this word to be an adjective
    if best is None:
        return None
    forms = best[1]
    return [*(as_written(run[i], form) for i, form in enumerate(forms)), *run[len(forms) :]]


def _agreed_adjective(
    word: str, case: str | None, number: str | None, agreement: set[str], analyzer: Any, gender: str | None = None
) -> str | None:
    """``word`` as an adjective (or a participle) in ``case`` and ``number`` (and ``gender`` where given),
    inflected to ``agreement``; with no case and number, as any adjective."""
    for parse in analyzer.parse(word.lower()):
        if (
            parse.tag.POS in ("ADJF", "PRTF")
            and (case is None or parse.tag.case == case)
            and (number is None or (parse.tag.number or "sing") == number)
            and (gender is None or parse.tag.gender in (None, gender))
        ):
            agreed = parse.inflect(agreement)
            return agreed.word if agreed is not None else None
    return None


def _local_town(run: list[str], head_lemma: str, language: str | None, before: list[str]) -> Place | None:
    """A town too small for the cities' index, in a country of the article's language, named as written
    or by its words' dictionary forms ("Nowym Targu" is Nowy Targ, "Krośnie" Krosno); not a person's
    given or family name, nor a run that opens with a given name; and where a word of it is also a
    common word ("Airport", "Olympic", "krosno", a loom), only after a locative preposition ("w Krośnie")."""
    if not language or language in TURKIC and len(run) == 1 and APOSTROPHE_SUFFIX.search(run[0]) is None:
        return None  # a Turkish place takes its endings after an apostrophe; a bare word may be any
    words = [APOSTROPHE_SUFFIX.sub("", word) for word in run]
    stems = _consonant_stems(words[0], language, lambda stem: may_end_a_town(stem, language)) if len(words) == 1 else []
    if (
        not stems
        and not may_end_a_town(words[-1], language)
        and not (head_lemma and may_end_a_town(head_lemma, language))
    ):
        return None
    forms = [" ".join(words)]
    if head_lemma and language in SUPPORTED_LANGUAGES and _lemma_may_name_a_place(words[-1], head_lemma, language):
        forms.append(" ".join([*(lemmas.lemmatize(word, language) for word in words[:-1]), head_lemma]))
    found = next(((form, place) for form in [*forms, *stems] if (place := find_town(form, language)) is not None), None)
    if found is not None and language in TURKIC and found[1].population >= MIN_CITY_POPULATION:
        return found[1]  # "Van'ın": a city, marked a name by its ending, that only its three letters kept out
    if found is None or is_given_name(words[0]) or (len(words) == 1 and is_family_name(words[0])):
        return None
    # a case form of a town's name is judged by the name ("Покровська" is also an adjective's form; Покровськ
    # is no word)
    judged = [found[0]] if found[0] in stems else words
    if any(_word_there(word, language) for word in judged) and not after_locative_preposition(before, language):
        return None
    return found[1]


def _town_read_as_a_person(run: list[str], language: str | None, before: list[str]) -> bool:
    """A word a model read as a person that is a case form of a town of the article's countries
    (``_local_town``: "Покровска", "Бахмута"), where the word is no listed name: a given name that is
    also a city's ("Владимир", "Владимира") stays the model's person."""
    if len(run) != 1 or language not in _MORPHOLOGY_LANGUAGES or is_given_name(run[0]) or is_family_name(run[0]):
        return False
    stems = _consonant_stems(run[0], language)
    if any(is_given_name(stem) or is_family_name(stem) for stem in stems):
        return False
    return _local_town(run, "", language, before) is not None


def _consonant_stems(word: str, language: str | None, keep: Callable[[str], bool] = lambda _stem: True) -> list[str]:
    """The nominatives a Russian or Ukrainian word may be a case of where it names a town of a consonant
    stem, which the dictionary does not know and reads otherwise ("Покровська", of Покровськ, read as a
    woman's surname; "Бахмута"): the word less one of ``_CASE_ENDINGS`` (and Ukrainian's locative "і"),
    where a consonant is left."""
    if language not in _MORPHOLOGY_LANGUAGES:
        return []
    endings = (*_CASE_ENDINGS, "і") if language == "uk" else _CASE_ENDINGS
    folded = word.casefold()
    stems = [
        word[: -len(ending)]
        for ending in endings
        if folded.endswith(ending)
        and len(folded) - len(ending) >= _MIN_STEM_LETTERS
        and folded[-len(ending) - 1] in _CONSONANTS
        and keep(word[: -len(ending)])
    ]
    if not stems:
        return []
    # the dictionary's family name in a case ("Пушкина": Пушкин, also a town) is the person's
    surnames = {parse.normal_form for parse in _analyzer(language).parse(word) if "Surn" in parse.tag.grammemes}
    return [stem for stem in stems if stem.casefold() not in surnames]


def _word_there(word: str, language: str) -> bool:
    """A word of ``language`` (``_word_of``), or a common word in lowercase: German writes its nouns
    with a capital."""
    return _word_of(word, language) or lemmas.common_word(word.lower(), language)


def _lemma_may_name_a_place(word: str, lemma: str, language: str | None) -> bool:
    """Whether a word's dictionary form may be looked up as a place's name: a Slavic city's case form
    ("Warszawie", "Krakowie"), not a German noun's plural ("Hallen", the halls, is not Halle) beside
    its genitive ("Berlins"), nor a Turkish word stripped of its suffixes ("Koronavirüs" to "koro"):
    Turkish sets a place name's suffixes off with an apostrophe ("Ankara'da")."""
    if language in TURKIC:
        return False
    if language in NOUN_CAPITALISING:
        return word.casefold() in (lemma.casefold(), lemma.casefold() + "s")
    return True


def _family_name_in_case(word: str, place: Place, language: str | None) -> bool:
    """A Latin-script Slavic case of a listed family name that is also a city abroad below a
    metropolis's size: the person's case far more often ("Jacksona", "Hamiltona", "Lincolna" in Polish
    news are Jackson's, Hamilton's, Lincoln's, not the cities'); "Berlina" stays Berlin, and a capital
    stays one ("Washingtonu")."""
    written, name = word.casefold(), place.name.casefold()
    return (
        language in LATIN_SLAVIC
        and written != name
        and written.startswith(name)
        and len(written) - len(name) <= _ENDING_LETTERS + 1
        and is_family_name(place.name)
        and place.population < METROPOLIS_POPULATION
        and not is_capital(place)
        and not spoken_in(language or "", place)
    )


def _given_name_abroad(word: str, place: Place, language: str | None) -> bool:
    """A first name some locale lists that a city abroad also goes by in some other language, not its
    own name ("Mila", which GeoNames lists for Milan, in English text): a person's name. So is a
    country's name in another language only ("Maurice", French for Mauritius, in English text), and
    such a name that is a word of the article's language is that word ("Island", German for Iceland,
    in English text)."""
    if not language or word.isupper():  # "US" is an acronym, not "Us"
        return False
    if is_country(place):
        return _foreign_country_name(word, place, language)
    if not place.country or spoken_in(language, place) or not is_given_name(word):
        return False
    return not _own_name_in_any_script(word, place.name)


def _own_name_in_any_script(word: str, name: str) -> bool:
    """София is Sofia's own name in any script, "Roma" Rome's and "Adelaida" Adelaide's, whatever vowel
    ends them; "Trent" (Alexander-Arnold) is not Trento: one ends in a vowel, the other does not."""
    ends = {_ends_in_a_vowel(latin(text)) for text in (word, name)}
    return len(ends) == 1 and spelling(word).rstrip("*") == spelling(name).rstrip("*")


def _ends_in_a_vowel(text: str) -> bool:
    return text[-1:].lower() in "aeiouy"


def _noun_form_abroad(word: str, place: Place, language: str | None) -> bool:
    """In a language that capitalises its nouns, an inflected form of one of them that a city abroad is
    also called ("Namen", the names, is Namur's German name; "Kitas", the day-care centres, a name of
    Quito; "Bergen", the mountains): the noun. A city where the language comes first keeps its name
    (Halle, Essen). So is a word the language writes in lowercase too, capitalised as a noun, that is
    not the city's own name ("ein tiefes Lila", purple, is an alternate name of Lille; "Google" one
    of Topeka's). A noun in its dictionary form that is a common word in lowercase too ("der Rest"), which a
    city abroad below a metropolis's size goes by in some other language only (Rasht, "Rest" in one), is
    the noun; Rom stays Rome."""
    if language not in NOUN_CAPITALISING or not place.country or first_language_of(place) == language:
        return False
    other_spelling = spelling(word, exact=True) != spelling(place.name, exact=True)
    if lemmas.in_lowercase(word.lower(), language) and other_spelling:
        return True
    lemma = lemmas.dictionary_lemma(word, language)
    if lemma is not None and lemma[:1].isupper() and lemma != word:
        return True
    return (
        lemma == word
        and other_spelling
        and place.population < METROPOLIS_POPULATION
        and lemmas.common_word(word.lower(), language)
    )


def _foreign_country_name(word: str, place: Place, language: str) -> bool:
    """A country's name as written in a language other than the article's and English, which the
    article's language has as a first name or a common word (its dictionary form in lowercase)."""
    if word.casefold() in country_names_in(place, language) or find_place(word) != place:
        return False  # its name here, or an inflected form ("Polsce") the gazetteer found otherwise
    if is_given_name(word):
        return True
    # a common word there, not a proper noun; unless the dictionary writes proper nouns in lowercase too
    return lemmas.in_lowercase(word, language) and not _dictionary_lowercases_names(language)


@lru_cache(maxsize=64)
def _dictionary_lowercases_names(language: str) -> bool:
    """Whether the language's dictionary lists proper nouns in lowercase: it does so with the name of the
    language's own country ("България" as "българия": Bulgarian, Italian), so its lowercase reading of
    "Великобритания" says nothing of a common word."""
    from babel.core import get_global

    territory = str(get_global("likely_subtags").get(language, "")).rpartition("_")[2]
    locale = cldr_locale(language)
    name = locale.territories.get(territory, "") if locale is not None and territory else ""
    return bool(name) and " " not in name and lemmas.in_lowercase(name, language)


def _place_reading(word: str, language: str | None) -> Place | None:
    """A known place among the word's other dictionary forms, where morphology preferred a rarer
    reading (Києві: the given name Кий, or the city Київ)."""
    if language not in _MORPHOLOGY_LANGUAGES:
        return None
    forms = dict.fromkeys(parse.normal_form for parse in _analyzer(language).parse(word))
    return next((place for form in forms if (place := find_place(form)) is not None), None)


def _run_kind(run: list[str], before: list[str], head_kind: str, first_kind: str, language: str | None) -> str:
    """Morphology first, then organisation words, acronyms, teams, titles, and the shape of the run."""
    if head_kind == "person" and len(run) > 1 and run[-1].islower():
        head_kind = "misc"  # a name written on in lowercase is no person's ("Європейська правда": a surname Правда)
    if head_kind in ("person", "place", "org") and not (head_kind == "place" and first_kind == "given"):
        return head_kind
    if closes_with_a_feature(run, language) and not has_org_word(run):  # "Catalina Island", not "Cártel del Golfo"
        return "place"
    if first_kind == "given" or (head_kind == "given" and len(run) == 1):
        return "person" if len(run) > 1 else "given"
    if (
        has_org_word(run)
        or _inflected_org_word(run, language)
        or (len(run) == 1 and run[0].isupper() and len(run[0]) > 1)
        or _team_name(run, language)
    ):
        return "org"
    if len(run) == 1 and is_brand_shaped(run[0]):  # "GasBuddy", "EUobserver"
        return "org"
    if language in TURKIC and len(run) > 1 and opens_with_org_word(run):  # "İçişleri Bakanlığının"
        return "org"  # an institution's case ending written on; alone the word stays a common noun
    if language in NOUN_CAPITALISING and len(run) > 1 and any(ends_in_org_word(word) for word in run):
        return "org"  # "Kantonspolizei Aargau", "Tiroler Tageszeitung"
    if has_place_word([APOSTROPHE_SUFFIX.sub("", word) for word in run]):  # "Downing Street", "Oba Mahallesi"
        return "place"
    if names_a_feature(run, language):  # "Aegean Sea", "Gulf of Mexico", "Morza Bałtyckiego"
        return "place"
    if part_of_a_known_place(run):  # "Western Balkans", "Balcanes Occidentales"
        return "place"
    if _title_before(before, run, language) and not _office_complement(run, language):
        return "person"
    if len(run) == 1 and is_feminine_surname(run[0], language):
        return "person"
    return "misc"


_BULGARIAN_ARTICLE = re.compile(f"(?:{'|'.join(_BULGARIAN_ARTICLES)})$")
# Latin-script languages whose nouns take case endings, which their dictionaries (simplemma) take off
_CASE_ENDING_LANGUAGES = frozenset({"pl", "cs", "sk", "sl", "hr", "lt", "lv"})
# How their adjectives' dictionary forms end ("konserwatywny", "konzervativní", "evropský", "konservativen")
_ADJECTIVE_LEMMA_ENDINGS = ("y", "i", "ý", "í", "en", "ski")


def _inflected_org_word(run: list[str], language: str | None) -> bool:
    """An organisation word in a case ending ("Демократичної партії", "Верховным судом": by its
    dictionary form) or, in Bulgarian, with its definite article ("Консервативната партия" is matched
    as written, "партията", "съдът" without the article)."""
    if language in _MORPHOLOGY_LANGUAGES:
        return has_org_word([_morph_lemma(word, language)[0] for word in run])
    if language == "bg":
        return has_org_word([_BULGARIAN_ARTICLE.sub("", word.casefold()) for word in run])
    if language in _CASE_ENDING_LANGUAGES:  # "Partii Pracy", "Instytutu Sobieskiego": partia, instytut
        return has_org_word([lemmas.lemmatize(word.lower(), language) for word in run])
    return False


def _team_name(run: list[str], language: str | None) -> bool:
    """A place and a plural noun, as English names its sports teams ("Ottawa Senators", "Pittsburgh
    Penguins", "Los Angeles Lakers"): an organisation's name, not a person's."""
    if language != "en" or len(run) < 2 or find_place(" ".join(run[:-1])) is None:
        return False
    last = run[-1].lower()
    if lemmas.with_capital(run[-1], "en"):
        return False  # a name's plural by the dictionary ("Serena Williams": William's), no team's noun
    return last.endswith("s") and lemmas.lemmatize(last, "en") != last


# German nouns (or their compounds' ends) that say the name after them is a company's, an outlet's or a
# service's: German writes them as capitalised words before the name, where other languages write "the
# airline Ryanair" (``_named_as_organisation``)
_GERMAN_COMPANY_NOUNS = (
    "dienst", "sender", "anbieter", "hersteller", "händler", "unternehmen", "firma", "konzern", "verlag",
    "verband", "verein", "zeitung", "magazin", "agentur", "plattform", "netzwerk", "portal", "kette", "marke",
)  # fmt: skip


def _office_complement(run: list[str], language: str | None) -> bool:
    """A name in a case after a title that is what the office is of, not who holds it, as languages with
    case endings write it without a preposition: a common word of the language among its words
    ("prezydenta Rzeczypospolitej Polskiej", "Sekretarz Generalny"; not "prezydent Duda", "prezydenta Trumpa")."""
    return language in _CASE_ENDING_LANGUAGES and any(lemmas.common_word(word, language or "") for word in run)


def _office_opening(run: list[str], language: str | None) -> int:
    """How many of an English run's first words name an office before the name of who holds it ("Crown
    Princess Mary", "Chief Justice John Roberts", "Wing Commander Rakesh Sharma"; ``office_words_at_end``):
    the longest such opening; 0 where there is none, or where the words after it make a name of common
    words ("Justice Department", "General Motors")."""
    if language != "en":
        return 0
    for ends in range(len(run) - 1, 0, -1):
        if run[ends][:1].isupper() and office_words_at_end(run[:ends], language) == ends:  # not "Governor of Imo"
            return 0 if _title_opens_a_name(run[ends:]) else ends
    return 0


def _title_opens_a_name(rest: list[str]) -> bool:
    """Whether a title's word opens a name of common words ("General Motors", "General Electric",
    "Presidents Cup", "Justice Department"): each word after it is a capitalised common word of English,
    where such names are written so, and none a listed first or family name ("President Bush", "Mr Bean"
    are people; "Chancellor of the Exchequer" is an office). Not the words of other languages, which
    write an institution after its head's title ("Marszałek Senatu", "Lideri Devlet Bahçeli")."""
    return all(
        word[:1].isupper()
        and not word.isupper()
        and not is_given_name(word)
        and not is_family_name(word)
        and lemmas.in_lowercase(word.lower(), "en")
        for word in rest
    )


def _title_before(before: list[str], run: list[str], language: str | None) -> bool:
    """A person's title right before the name, or before its lowercase complement ("Kardinal Pell",
    "Minister zdrowia Łukasz Szumowski"), not further back ("Pell will Freispruch", "premier
    trimestre de Objectif"). A German compound title counts only right before the name, and not before
    one noun of the language ("Innenminister seinen Rücktritt", "Wissenschaftsminister, Forschung"). Where
    the language capitalises its nouns, a complement would be capitalised too, so a title counts only right
    before the name ("Die Frau war Mitglied": "war" is no complement of "Frau")."""
    for word in reversed(before[-2:]):
        if is_compound_title(word) and word.casefold() not in PERSON_TITLES:
            return word == before[-1] and not (len(run) == 1 and lemmas.capitalised_noun(run[0], language or ""))
        if is_person_title(word):
            return word == before[-1] or language not in NOUN_CAPITALISING
        if not word.islower() or word in _ALL_CONNECTORS:  # "CEO of Microsoft": the title is the office's
            return False
    return False


def _lemma_and_kind(word: str, language: str | None) -> tuple[str, str]:
    if language in _APOSTROPHE_IN_WORDS:  # Ukrainian writes one inside its words: "В'ячеслав", "Лук'яненко"
        word = _TYPOGRAPHIC_APOSTROPHE.sub("'", word)  # as its dictionary does, however the page typed it
    else:
        word = APOSTROPHE_SUFFIX.sub("", word)
    if word.isupper() and len(word) > 1:
        return word, "misc"
    if _NAME_APOSTROPHE.search(word):  # "О'Лірі", "O’Leary", "D'Alema": no dictionary's word, and no case
        return _TYPOGRAPHIC_APOSTROPHE.sub("'", word), "misc"  # ending to take off; one apostrophe for all
    if language in _MORPHOLOGY_LANGUAGES:
        return _morph_lemma(word, language)
    if language == "pl":  # Polish's dictionary tells first names, family names and places apart
        return _name_lemma(word, language), polish_name_kind(word) or "misc"
    if language and language in SUPPORTED_LANGUAGES:
        # The low-memory backend gives the same lemmas from a seventh of the memory (measured:
        # 115 MiB instead of 779 MiB with eight languages loaded); lemmas.py caches its index on disk.
        return _name_lemma(word, language), _cyrillic_name_kind(word)
    return word, _cyrillic_name_kind(word)


# Polish adjectival surnames and adjectives in -ski, -cki, -dzki take adjective case endings
# ("Grodzkiego", "Nowackiej", "Trzaskowskim"): the nominative of the same gender
_POLISH_ADJECTIVE_CASE = re.compile(r"(?<=[scz]k)(?:iego|iemu|im|iej|ą)$")


def _polish_adjective_nominative(word: str) -> str | None:
    match = _POLISH_ADJECTIVE_CASE.search(word)
    if match is None:
        return None
    return word[: match.start()] + ("a" if match.group(0) in ("iej", "ą") else "i")


def _name_lemma(word: str, language: str) -> str:
    """The dictionary form of a capitalised word. In languages whose names do not inflect, a reading
    as a common word's form (lemma in lowercase: "Fuentes" as the plural of "fuente", "Edited" and
    "Editing" of "edit", "Estado" of "estar") is the dictionary's, not the name's: the word stays as
    written, so that a surname, a verb and a noun never share a name."""
    if language == "pl" and (nominative := _polish_adjective_nominative(word)) is not None:
        return nominative  # "Tomasza Grodzkiego" is Tomasz Grodzki, not the dictionary's "Grodzkie"
    lemma = lemmas.lemmatize(word, language)
    if language in NAMES_NOT_INFLECTED and lemma[:1].islower() and lemma != word.lower():
        return word
    if language in NAMES_NOT_INFLECTED and lemma != word and (is_given_name(word) or is_family_name(word)):
        return word  # "Andreas", "Marcos", "Edwards" as listed: no plural of Andrea, Marco, Edward
    if language in ENDINGS_ONLY and _name_as_written(word, lemma, language):
        return word
    if language in ENDINGS_ONLY and not _ending_changed(word, lemma):
        return word  # Bulgarian "Мей" (Theresa May) is no form of the verb "мея", whose past is "мях"
    if language in ENDINGS_ONLY and _consonants_added(word, lemma):
        return word  # no Bulgarian ending is consonants alone: "Николас" (Maduro) is not a form of Никола
    # German writes every noun with a capital: a capitalised word the dictionary reads as a verb's stem
    # or form is a name as written ("Pell", not "pellen"; "Endig", not "endigen"; "Laschet", not
    # "laschen"), while an adjective's endings still go ("Deutschen" is "deutsch"); and a listed family
    # name is no genitive of a shorter name ("Williams", not William's)
    if language in NOUN_CAPITALISING and lemma[:1].islower() and len(lemma) >= len(word):
        return word
    if language in NOUN_CAPITALISING and lemma != word and is_family_name(word):
        return word
    return _capitalise(lemma)


_CYRILLIC_VOWELS = re.compile("[аеиоуъюяѝѐэыё]")


def _consonants_added(word: str, lemma: str) -> bool:
    """Whether ``word`` is ``lemma`` with consonants only after it."""
    folded, base = word.casefold(), lemma.casefold()
    return len(folded) > len(base) and folded.startswith(base) and not _CYRILLIC_VOWELS.search(folded[len(base) :])


# Bulgarian's and Macedonian's definite articles, which a noun (and a name of a thing) takes as an ending,
# with the short masculine forms
_DEFINITE_ENDINGS = (*_BULGARIAN_ARTICLES, "а", "я")


def _name_as_written(word: str, lemma: str, language: str) -> bool:
    """In Bulgarian and Macedonian, whose persons' names take no case, a listed first name is itself ("Делян",
    which the dictionary reads as a form of делея), and a word the dictionary does not know keeps its form
    but for a definite article its guessed lemma takes off ("Евросъюзът": Евросъюз); other guesses are not
    a name's ("Станишев" is no form of "станиш", "Пеевски" none of "Пеевска")."""
    if lemma.casefold() == word.casefold():
        return False
    if word.casefold() in listed_first_names():
        return True
    if lemmas.dictionary_lemma(word, language) is not None:
        return False
    ending = word[len(lemma) :].casefold() if word.casefold().startswith(lemma.casefold()) else None
    return ending not in _DEFINITE_ENDINGS


def _ending_changed(word: str, lemma: str) -> bool:
    """Whether ``lemma`` is ``word`` with its ending changed, the stem's vowels aside ("Европейската":
    европейски, "Северна": северен, "Белия": бял), not another word's form ("Мей": мях, "Стивън": Стефан).
    Compared on consonants: one's must begin the other's."""
    first, second = (_CYRILLIC_VOWELS.sub("", text.casefold()) for text in (word, lemma))
    return first.startswith(second) or second.startswith(first)


@lru_cache(maxsize=100_000)
def _cyrillic_name_kind(word: str) -> str:
    """A person's kind for a Cyrillic word of a language without its own morphology here (Bulgarian,
    Macedonian, Serbian, Belarusian...) that Russian's dictionary lists as a given name or a surname
    (Сергей, Доналд, Петков): those names are shared across the Cyrillic languages. Only words the
    dictionary holds, never its guesses for unknown ones (it would guess a name for "Белия")."""
    if not _CYRILLIC.match(word):
        return "misc"
    analyzer = _analyzer("ru")
    lowered = word.lower()
    if not analyzer.word_is_known(lowered):
        return "misc"
    grammemes = analyzer.parse(lowered)[0].tag.grammemes
    return "given" if "Name" in grammemes else "person" if "Surn" in grammemes else "misc"


def _proper_kind(word: str, language: str | None) -> str | None:
    if language not in _MORPHOLOGY_LANGUAGES:
        kind = _cyrillic_name_kind(word)
        return None if kind == "misc" else kind
    kind = _morph_lemma(word, language)[1]
    return None if kind == "misc" else kind


# The Russian and Ukrainian word forms whose reading is kept: about 830 bytes each, so a follower that
# reads these languages for weeks plateaus at 40 MiB here (159 MiB at the 200,000 of before); a form
# read again after it was dropped costs its parse again, 0.2-0.3 ms (docs/benchmarks.md, "What the
# follower's memory still grows by").
@lru_cache(maxsize=50_000)
def _morph_lemma(word: str, language: str) -> tuple[str, str]:
    """The analyser's reading (``_reading``); a name its dictionary does not know keeps a lemma that only
    its ending changes (``_unknown_name_lemma``)."""
    analyzer = _analyzer(language)
    lemma, kind = _reading(analyzer.parse(word), word)
    if word[:1].isupper() and not analyzer.word_is_known(word.lower()):
        lemma = _unknown_name_lemma(word, lemma, language, proper=kind != "misc")
    return lemma, kind


def _reading(parses: list[Any], word: str) -> tuple[str, str]:
    """Prefer a proper-noun reading (Лавровим is the surname, not the adjective), but not its lemma where
    the likeliest reading is the word itself: "Хан" (Imran Khan) is a word's own form, not the genitive
    plural of the name Хана. A name read in the singular comes before one read as a plural's form (or a
    vocative's, which news does not write: "Илон!"): "Борисов" is the surname, not the genitive plural of
    Борис; a name read only so is another name, in the singular: "Кир" (Keir, Cyrus) is no genitive
    plural of Кира, "Илон" (Elon) none of Илона, "Стубб" none of Стубба. A word read only as a verb's
    form has no lemma of a name's: "Радев", "Сидев" (Bulgarian surnames) are no gerunds of радеть, сидеть."""
    own_form = bool(parses) and parses[0].normal_form == word.lower()
    proper = [(parse, tag) for parse in _singular_first(parses) if (tag := _name_tag(parse)) is not None]
    if proper:
        parse, tag = proper[0]
        plural = bool(parse.tag.grammemes & _PLURAL_OR_VOCATIVE)  # read only so
        lemma = _capitalise(word.lower()) if own_form or plural else _capitalise(parse.normal_form)
        return lemma, _PROPER_TAGS[tag]
    nouns = [parse for parse in parses if parse.tag.POS == "NOUN"]
    chosen = nouns[0] if nouns else (parses[0] if parses else None)
    if chosen is None or chosen.tag.POS in _VERB_FORMS:
        return word, "misc"
    return _capitalise(chosen.normal_form), "misc"


_PLURAL_OR_VOCATIVE = frozenset({"plur", "voct"})
_VERB_FORMS = frozenset({"VERB", "INFN", "GRND"})


def _singular_first(parses: list[Any]) -> list[Any]:
    """The readings, those of a name in the singular (not a vocative) before the others, each group in
    the analyser's order."""
    return sorted(parses, key=lambda parse: bool(parse.tag.grammemes & _PLURAL_OR_VOCATIVE))


def _name_tag(parse: Any) -> str | None:
    """A reading's first tag of ``_PROPER_TAGS`` (the kind of name it is), None for a common word's."""
    return next((tag for tag in _PROPER_TAGS if tag in parse.tag.grammemes), None)


def _unknown_name_lemma(word: str, guessed: str, language: str, proper: bool) -> str:
    """The dictionary form of a name the dictionary does not know, from the form the analyser guessed by
    the endings of words it knows. In Russian a name ending in a vowel no case ending has is foreign and
    does not decline (Мелони, Рютте, Конте, Моди; guessed "Мелонь", "Рютта", "Конт", "Модь"; Ukrainian's
    case endings include "і" and "и"). A guess of no name's kind that changes more than the word's ending
    inserted a vowel the name has not ("Шольца" read as the genitive of "Шолец", "Мерца" of "Мерец"), so
    the case ending alone goes ("Шольц", "Мерц"); a surname's guess stands ("Зеленскому": Зеленский), and
    so does an adjective-like surname's genitive, whose "о" is no foreign name's ("Зеленского")."""
    folded, guess = word.casefold(), guessed.casefold()
    if folded[-1:] in _CONSONANTS and guess[:-1] == folded and guess[-1:] in _VOWEL_ENDINGS:
        return word  # "Стармер" is a man's name in the nominative, not the genitive plural of a "Стармера"
    shared = len(os.path.commonprefix([folded, guess]))
    inserted = shared < len(guess) - 1 and shared < len(folded) - 1  # "Шолец" for "Шольца"
    adjectival = folded.endswith(("ого", "его")) and guess.endswith(("ий", "ый", "ой"))  # "Зеленского"
    if language == "ru" and folded.endswith("ье"):
        return word  # "Барнье", "Ренье": French names, undeclined (the guess "Барние" made "Барнь")
    if (
        language == "ru"
        and folded[-1] in _UNDECLINED_ENDINGS
        and not (folded[-1] == "е" and inserted)
        and not adjectival
    ):
        return word  # "Шольце", whose guess is "Шолец", is the locative of a consonant stem
    if proper or not inserted:
        return guessed
    for ending in _CASE_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= _MIN_STEM_LETTERS:
            return word[: -len(ending)]
    return guessed


@lru_cache(maxsize=2)
def _analyzer(language: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def _best_kind(kinds: Counter[str]) -> str:
    typed = [(count, kind) for kind, count in kinds.items() if kind not in ("misc", "given")]
    return max(typed)[1] if typed else "misc"
