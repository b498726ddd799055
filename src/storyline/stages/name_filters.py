"""Which capitalised runs are not names after all: common words, headings, generic nouns, cities
named by a word of the text. Helpers of the entities stage (``entities.py``), with the mention
record it passes them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

from storyline.stages import lemmas
from storyline.stages.companies import is_listed_company
from storyline.stages.country_adjectives import country_of_adjective
from storyline.stages.entity_cues import (
    capitalised_language_names,
    cldr_locale,
    has_org_word,
    is_brand_shaped,
    is_generic_org_noun,
    language_endonyms,
    names_a_disease,
    opens_with_org_word,
    time_zone_abbreviations,
)
from storyline.stages.gazetteer import Place, find_place, find_town, spoken_in
from storyline.stages.given_names import is_family_name, is_given_name
from storyline.stages.keys import MAX_ACRONYM, is_mixed_case_acronym
from storyline.stages.name_languages import APOSTROPHE_SUFFIX, NOUN_CAPITALISING
from storyline.stages.name_shapes import TURKIC, is_known_word, lower_for

FUNCTION_WORD_LETTERS = 4
# The pronouns of the reader that a language capitalises in any form, politeness's or a page's address
# ("Twoja przeglądarka nie wspiera", your browser does not support; "Ihre Daten"; "Ваш заказ"), by their
# dictionary forms: never a name however capitalised
_READERS_PRONOUNS = {
    "pl": frozenset({"ty", "twój", "wy", "wasz"}),
    "cs": frozenset({"ty", "tvůj", "vy", "váš"}),
    "sk": frozenset({"ty", "tvoj", "vy", "váš"}),
    "sl": frozenset({"ti", "tvoj", "vi", "vaš"}),
    "ru": frozenset({"ты", "твой", "вы", "ваш"}),
    "uk": frozenset({"ти", "твій", "ви", "ваш"}),
    "bg": frozenset({"ти", "твой", "вие", "ваш"}),
    "de": frozenset({"du", "dein", "euer", "ihr", "sie"}),
}

# Acronyms of kinds of things, read as common words in every language that writes them: television, a
# text message, a company's chief, a car or a lorry, an aid group, a laboratory test ("TV-Sender", "eine SMS",
# "the CEO", "an NGO", "a PCR test"): no organisation, whatever their capitals say
GENERIC_ACRONYMS = frozenset(
    {
        "TV", "PC", "SMS", "MMS", "GPS", "PDF", "USB", "LED", "DVD", "SUV", "VIP", "WLAN", "SIM", "PIN", "ATM",
        "CEO", "CFO", "CTO", "COO", "GDP", "BIP", "PIB", "PKB", "LKW", "PKW", "EKG", "MRT", "UV", "IQ", "FAQ",
        "NGO", "ONG", "KI", "AI", "IA", "HTML", "PCR", "DNA", "ADN", "ETF",
        # value-added tax ("el IVA", "la TVA", "the VAT")
        "IVA", "TVA", "VAT",
        # degrees and posts written after a name ("Marlynn Wei, MD"; "Jon White, MD", a managing director)
        "MD", "PhD", "PHD", "MBA",
        # Turkish: a shopping centre, value-added tax, the gross domestic product, an aid group
        "AVM", "KDV", "GSYH", "STK",
        # the ISO 4217 codes of the currencies news quotes most ("7,5 mln PLN", "1.2 billion USD"): units of
        # an amount, as a month is a date's; not the codes that are also organisations' (BND, the German
        # intelligence service; AMD; COP, the climate conferences) nor words (ALL, TOP)
        "USD", "EUR", "GBP", "JPY", "CHF", "CNY", "RUB", "UAH", "PLN", "CZK", "HUF", "SEK", "NOK", "DKK", "BGN",
        "TRY", "INR", "BRL", "MXN", "ZAR", "HKD", "KRW", "SGD", "NZD", "AUD",
        # the Turkish lira's abbreviation ("31 bin TL ceza"); units of data and power, and a device's parts
        # and standards ("6 GB RAM", "LTE", "500 MW"); not "GB", Great Britain's code too
        "TL", "KB", "MB", "TB", "RAM", "ROM", "SSD", "HDD", "CPU", "GPU", "LTE", "HDMI", "NFC", "OLED", "LCD",
        "MW", "GW", "KWH", "MWH",
    }
)  # fmt: skip
COMMON_WORD_CITY_POPULATION = 1_000_000
# Feasts and holidays, which news capitalises as names but which are dates of the calendar, as months are
# ("Easter", "Wielkanocy", "Weihnachten", "Рождество"): a lone untyped word that is one is no entity; a
# name holding one stays ("Christmas Island"), and so does one typed by a cue ("Natal", a city; "Noël" as a
# first name before a surname)
HOLIDAYS = frozenset({
    "easter", "christmas", "xmas", "thanksgiving", "halloween", "hanukkah", "passover", "pentecost", "lent",
    "advent", "diwali", "ramadan", "ostern", "weihnachten", "pfingsten", "karfreitag", "ostersonntag",
    "ostermontag", "heiligabend", "silvester", "fasching", "navidad", "pascua", "nochebuena", "nochevieja",
    "cuaresma", "pâques", "noël", "toussaint", "pentecôte", "carême", "natale", "pasqua", "pasquetta",
    "capodanno", "ferragosto", "wielkanoc", "wielkanocy", "wielkanocą", "wigilia", "wigilii", "wigilię",
    "sylwester", "sylwestra", "sylwestrze", "zaduszki", "pasen", "kerstmis", "kerst", "pinksteren", "natal",
    "páscoa", "ramazan", "bayram", "nevruz", "рождество", "рождества", "пасха", "пасхи", "пасху",
    "масленица", "великдень", "різдво", "різдва", "великден", "коледа", "neujahr", "neujahrstag", "yılbaşı",
    "nieuwjaar", "nieuwjaarsdag", "oudejaarsavond", "saint-sylvestre", "nouvel-an",
})  # fmt: skip
# Holidays of several words, and the wishes that name them ("Happy New Year"): a name that is one of them
# whole, as written without a possessive's "'s" or in its dictionary form ("Nowego Roku": Nowy Rok), is
# no entity, whatever the words around it typed it ("New Year Eve" after the first name Eve); a name that
# holds one and more stays ("Lunar New Year Festival Committee")
HOLIDAY_NAMES = frozenset({
    "new year", "new years", "new year eve", "new years eve", "new year day", "new years day",
    "lunar new year", "chinese new year", "christmas eve", "christmas day", "boxing day", "good friday",
    "easter sunday", "easter monday", "holy week", "palm sunday", "ash wednesday", "happy new year",
    "merry christmas", "happy holidays", "año nuevo", "feliz año nuevo", "feliz navidad", "semana santa",
    "viernes santo", "jueves santo", "día de reyes", "noche vieja", "noche buena", "nouvel an",
    "jour de l'an", "bonne année", "joyeux noël", "vendredi saint", "buon natale", "buon anno",
    "vigilia di natale", "settimana santa", "venerdì santo", "frohe weihnachten", "frohes neues jahr",
    "heiliger abend", "nowy rok", "szczęśliwego nowego roku", "wesołych świąt", "boże narodzenie",
    "wielki piątek", "wielki tydzień", "yeni yıl", "mutlu yıllar", "ramazan bayramı", "kurban bayramı",
    "şeker bayramı", "eid al-fitr", "eid al-adha", "rosh hashanah", "yom kippur", "oud en nieuw",
    "goede vrijdag", "новый год", "новий рік", "нова година", "с новым годом",
})  # fmt: skip
# A page's buttons and captions, which pages given as text keep inside their lines ("Guardar Enviar noticia
# por correo", "Vorherige Seite Nächste Seite", "Read or Share this story", "Buy Photo"): a name made of
# these words alone is none. Not the words that also name an outlet alone ("Bild", "Stampa", "Imagen").
INTERFACE_WORDS = frozenset({
    "share", "photo", "photos", "video", "videos", "image", "images", "gallery", "slideshow", "subscribe",
    "print", "email", "e-mail", "comments", "download", "tweet", "tweets", "teilen", "drucken", "seite",
    "vorherige", "nächste", "lesen", "weiteres", "material", "rubriklistenbild", "bilder", "foto", "fotos",
    "tweeten", "weiterleiten", "artikel", "guardar", "enviar", "compartir", "imprimir", "vídeo", "galería",
    "partager", "imprimer", "envoyer", "vidéo", "galerie", "condividi", "invia", "galleria", "udostępnij",
    "drukuj", "wyślij", "zdjęcie", "zdjęcia", "galeria", "wideo", "paylaş", "yazdır", "gönder", "fotoğraf",
    "galeri", "поделиться", "фото", "видео", "галерея", "поділитися", "відео", "сподели", "снимка", "polub",
    "zaakceptuj", "zaakceptować", "newsletter", "advertise", "publicidad", "publicité", "pubblicità",
    "werbung", "reklam", "anzeige", "advertisement",
    "buy",  # "CLOSE Buy Photo United Third Bridge President...": a photo's button before the caption
})  # fmt: skip
_POSSESSIVE_S = re.compile(r"['’]s\b|(?<=[a-z])s['’]", re.IGNORECASE)
_COMPOUND_HEAD = 4  # letters of a German compound's first part, and of its last
_COMPOUND_TAIL = 5
# trades that end German surnames more often than nouns: Steinmeier, Karrenbauer, Schuhmacher, Hofreiter
_SURNAME_TAILS = frozenset(
    ["bauer", "meier", "maier", "mayer", "meyer", "macher", "mann", "reiter", "müller", "schmidt", "schneider", "huber"]
)


@dataclass(frozen=True)
class Found:
    """A mention as the entities stage finds it, before the mentions of one article are merged."""

    key: str  # evidence key: place id, or phonetic key of the head word
    given: str  # phonetic key of the given name ("" when the run has none)
    surface: str
    kind: str
    lemma: str


def not_a_name(mention: Found, language: str | None, lowercase: set[str], nouns: frozenset[str] = frozenset()) -> bool:
    """Whether a mention is no name after all (``lowercase``: the article's lowercase words; ``nouns``:
    its capitalised words that follow an article, ``nouns_after_articles``); a disease or a virus is none
    either (``entity_cues.names_a_disease``), nor an acronym of a kind of thing (``GENERIC_ACRONYMS``:
    "TV", "SMS", "CEO"), nor a holiday (``HOLIDAYS``), nor a page's buttons (``INTERFACE_WORDS``)."""
    return (
        _common_word(mention, language, nouns)
        or _generic_here(mention, lowercase)
        or _heading(mention, language)
        or _common_word_city(mention, language, lowercase)
        or _typed_frequent_word(mention, language)
        or mention.surface in time_zone_abbreviations(language)
        or APOSTROPHE_SUFFIX.sub("", mention.surface) in GENERIC_ACRONYMS
        or names_a_disease(mention.surface)
        or names_a_holiday(mention)
        or _page_widget(mention)
        or _language_in_itself(mention)
    )


def _language_in_itself(mention: Found) -> bool:
    """A lone word that is a language's name in itself ("available in Français (pdf) and Deutsch (pdf)"),
    no person's and no gazetteer's place."""
    word = mention.surface
    return (
        " " not in word
        and ":" not in mention.key
        and mention.kind != "person"
        and word.casefold() in language_endonyms()
    )


def _page_widget(mention: Found) -> bool:
    """A name made of a page's buttons and captions alone (``INTERFACE_WORDS``), no place."""
    return ":" not in mention.key and all(
        APOSTROPHE_SUFFIX.sub("", word).casefold() in INTERFACE_WORDS for word in mention.surface.split()
    )


def names_a_holiday(mention: Found) -> bool:
    """A lone untyped word that names a feast or a holiday (``HOLIDAYS``), or a name of several words
    that is a holiday's or a holiday wish whole (``HOLIDAY_NAMES``), as written or in its dictionary form."""
    word = APOSTROPHE_SUFFIX.sub("", mention.surface)
    if " " not in word:
        return mention.kind == "misc" and word.casefold() in HOLIDAYS
    return mention.kind != "place" and any(
        " ".join(_POSSESSIVE_S.sub("", name).replace("’", "'").split()).casefold() in HOLIDAY_NAMES
        for name in (mention.surface, mention.lemma)
    )


def _typed_frequent_word(mention: Found, language: str | None) -> bool:
    """A lone word typed a person's or an organisation's that is one of the language's most frequent words
    and a common word by its dictionary (``_frequent_common_word``: "Він", he; "Згідно", according to;
    "Докато", while): capitalised inside a sentence where a page lost the full stop before it ("пише Він
    заявив"), and read as a name by a model. Not a word in capitals, a place or a listed name."""
    word = APOSTROPHE_SUFFIX.sub("", mention.surface)
    if mention.kind == "misc" or " " in word or word.isupper() or ":" in mention.key or mention.key.startswith("#"):
        return False  # an untyped word is ``_common_word``'s
    if not language or language not in SUPPORTED_LANGUAGES or word.casefold() not in frequent_words(language):
        return False
    if _names_an_institution(word, language):
        return False  # "Парламента", "Radzie": Slavic languages capitalise an institution's own name
    return _frequent_common_word(word, language)


def _names_an_institution(word: str, language: str) -> bool:
    """An organisation's word, as written or in its dictionary form ("Radzie": rada, a council)."""
    return has_org_word([word, lemmas.lemmatize(word, language)])


def _heading(mention: Found, language: str | None) -> bool:
    """Words in capitals that are mostly words of the article's language or of English: a page's
    heading or button ("JUST IN", "READ MORE", "POZİTİF ÇIKTI", "SZCZEGÓŁY") or a sentence set in
    capitals ("MITTELLING DER MITTE DER"), not a name. One word must be longer than an acronym. A person's
    name in capitals that opens with a listed first name (a byline's "By JOHN SMITH") is none."""
    words = mention.surface.split()
    if not all(word.isupper() for word in words) or ":" in mention.key or _byline_person(mention, words):
        return False
    if len(words) == 1:
        return len(words[0]) > MAX_ACRONYM and is_known_word(words[0], language)
    return sum(_heading_word(word, language) for word in words) * 2 > len(words)


def _heading_word(word: str, language: str | None) -> bool:
    """A word in capitals that the dictionary knows as a word, not as an acronym it lists in capitals
    and no common word in lowercase ("FPÖ", "SPD", "NATO": "FPÖ BOSS" is the party's boss, no heading;
    "ICE", "LA" are words all the same)."""
    if not is_known_word(word, language):
        return False
    plain = APOSTROPHE_SUFFIX.sub("", word)
    codes = [code for code in dict.fromkeys((language, "en")) if code and code in SUPPORTED_LANGUAGES]
    listed = any(lemmas.listed_in_capitals(plain, code) for code in codes)
    return not listed or lemmas.common_word(plain.lower(), language or "en")


def _byline_person(mention: Found, words: list[str]) -> bool:
    """A person's name in capitals read as a listed first name and a surname (``entities._names_in_capitals``)."""
    return mention.kind == "person" and bool(mention.given) and len(words) > 1 and is_given_name(words[0].title())


def _generic_here(mention: Found, lowercase: set[str]) -> bool:
    """A lone capitalised word that nothing makes a name, which the article itself also writes in
    lowercase: a common noun capitalised as part of a title or an office ("Secretario de Seguridad"
    beside "el secretario"; "la Ville de Bruxelles" beside "la ville"), not a name of its own."""
    return _lone_untyped_word(mention) and APOSTROPHE_SUFFIX.sub("", mention.surface).lower() in lowercase


def _lone_untyped_word(mention: Found) -> bool:
    """One capitalised word (not in capitals) that no cue typed and no given name goes with; an
    organisation word alone ("Congreso", "Regierung", "Ville") counts as untyped: it is a common noun,
    and so does a word typed only by its inner capital ("SpielDaher": two words a page glued)."""
    if mention.given or " " in mention.surface or mention.surface.isupper():
        return False
    if mention.kind == "org":
        return is_generic_org_noun(mention.surface) or is_brand_shaped(mention.surface)
    return mention.kind == "misc"


def _common_word(mention: Found, language: str | None, nouns: frozenset[str] = frozenset()) -> bool:
    """A lone capitalised word that no cue makes a name and the dictionary knows as a common word:
    a short function word after a colon ("Es", "Un", "But"), one of the language's most frequent words
    ("Desde agosto" after a title the page glued to the text), a pronoun of the reader ("Twoja"), a word for
    a language or a people where the language capitalises them ("Russian"), or a German noun ("Krise")."""
    if not _lone_untyped_word(mention) or not language or language not in SUPPORTED_LANGUAGES:
        return False
    word = APOSTROPHE_SUFFIX.sub("", mention.surface)
    if _capital_inside(word, language):
        return False  # dictionaries list "afd", "pis", "bafin"
    # simplemma's compact dictionaries (lemmas.py): the same answers as its default ones, which hold
    # 100-440 MiB per language in memory (docs/benchmarks.md)
    if len(word) <= FUNCTION_WORD_LETTERS and lemmas.is_known(word.lower(), language):
        return True
    if len(word) <= FUNCTION_WORD_LETTERS and _frequent_word_unlisted(word, language):
        return True  # "jours Pas de trêve": a title the page glued on, then "pas"
    if _frequent_common_word(word, language):  # "Desde agosto": a full stop the page lost before it
        return True
    if _readers_pronoun(word, language):  # "Twoich danych"
        return True
    if mention.kind == "misc" and any(  # "Russian"; "the Russians", by its dictionary form
        form.casefold() in capitalised_language_names(language) for form in (word, mention.lemma)
    ):
        return True
    if mention.kind == "misc" and language == "en" and country_of_adjective([mention.lemma]) is not None:
        return True  # "Iraqis", "an Iraqi official": a people or its adjective, as "Russian" above
    if language in TURKIC and opens_with_org_word([word]):  # "Bakanlığımız", "Belediyesine": a ministry
        return True
    if language not in NOUN_CAPITALISING or (word not in nouns and _family_name_not_noun(word, language)):
        return False
    if word not in nouns and is_listed_company(word) and not lemmas.in_lowercase(word, language):
        return False  # "auf Twitter schrieb", "bei Amazon": the company, which the dictionary lists as a noun
    return (lemmas.is_known(word, language) or noun_compound(word, language)) and not _english_proper_noun(word)


# German articles and determiners, and the prepositions an article fuses with: a capitalised word after
# one is a noun in that article ("der Vogel", "im Winter"), whatever else it may be.
_GERMAN_ARTICLES = frozenset(
    {
        *("der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines"),
        *("kein", "keine", "keinem", "keinen", "keiner", "keines", "im", "am", "zum", "zur", "vom", "beim"),
        *("ins", "ans", "dieser", "diese", "dieses", "diesem", "diesen", "jeder", "jede", "jedes", "jedem", "jeden"),
    }
)


def nouns_after_articles(sentences: Iterable[Sequence[tuple[str, bool]]], language: str | None) -> frozenset[str]:
    """The capitalised words of a German text that follow an article or a determiner somewhere in it
    (``sentences``: each sentence's words, as the entities stage tokenises them): nouns there, never
    surnames taken for words."""
    if language != "de":
        return frozenset()
    return frozenset(
        word
        for words in sentences
        for (before, _), (word, _) in zip(words, words[1:], strict=False)
        if word[:1].isupper() and before.lower() in _GERMAN_ARTICLES
    )


# Endings of a German noun's plural and case forms (not the genitive "-s", which names take too:
# "Schmidts", "Merkels"); the dictionary lists such forms of a noun, not of a surname.
_NOUN_FORM_ENDINGS = ("n", "en", "e", "er", "es", "nen", "ern")


def _family_name_not_noun(word: str, language: str) -> bool:
    """A listed family name that the dictionary knows as itself and with none of a noun's plural or case
    forms: a surname ("Scholz", "Schmidt", "Schröder"), which the German dictionary lists among its
    capitalised words, not a noun that is also a surname ("Bauer": "Bauern"; "Fischer", "Wolf": "Wolfes")."""
    if language != "de" or not is_family_name(word) or lemmas.dictionary_lemma(word, language) != word:
        return False
    return not any(lemmas.dictionary_lemma(word + ending, language) == word for ending in _NOUN_FORM_ENDINGS)


def _readers_pronoun(word: str, language: str) -> bool:
    """Whether ``word`` is a form of a pronoun of the reader (``_READERS_PRONOUNS``); the dictionary is
    asked only where the word opens as one of them does."""
    pronouns = _READERS_PRONOUNS.get(language)
    if pronouns is None or not any(word[:1].lower() == pronoun[0] for pronoun in pronouns):
        return False
    return lemmas.lemmatize(word.lower(), language) in pronouns


@lru_cache(maxsize=8192)
def german_nouns(mention: Found, language: str | None) -> bool:
    """An untyped run of German nouns alone ("Menge Sonnenschein", "Tonnen Kohle", "Hunderte Demonstranten"), none
    of them a listed first or family name or a place, and not all of them English words: nouns German
    capitalises, not a name; an adjective makes one ("Deutsche Bahn", "Europäische Zentralbank",
    "Mannheimer Morgen"). A lone noun is ``_common_word``'s. The entities stage drops such runs before
    bare names are read as the surnames of full names (``entities._resolve_surnames``): "Demonstranten"
    is not the "surname" of "Hunderte Demonstranten"."""
    if language not in NOUN_CAPITALISING or mention.kind != "misc" or " " not in mention.surface:
        return False
    words = [APOSTROPHE_SUFFIX.sub("", word) for word in mention.surface.split()]
    # an English name is written in German text as is ("Rolling Stones", "Apple Podcasts", "Next Level");
    # a German noun that English also has is still a German noun beside another ("Jahre Haft", "Strafe
    # Gottes", "Tests Mobiltelefone")
    if all(lemmas.is_known(word.lower(), "en") for word in words):
        return False
    return all(_plain_german_word(word, language) for word in words)


def _capital_inside(word: str, language: str) -> bool:
    """A name written with a capital inside ("AfD", "PiS", "BaFin"): no common word's, unless it is two
    words of the language a page glued together ("SpielDaher")."""
    return is_mixed_case_acronym(word) or (is_brand_shaped(word) and not _glued_words(word, language))


def _glued_words(word: str, language: str) -> bool:
    """Two words of the language a page glued together where it lost a space or a full stop ("SpielDaher"),
    not a name written with a capital inside ("BaFin", "GasBuddy")."""
    cut = next((i for i in range(1, len(word)) if word[i - 1].islower() and word[i].isupper()), 0)
    return cut > 0 and all(
        len(part) > 2 and (lemmas.is_known(part, language) or lemmas.is_known(part.lower(), language))
        for part in (word[:cut], word[cut:])
    )


def _plain_german_word(word: str, language: str) -> bool:
    """A noun of the language and nothing else: no listed name, no place or town nor a word for what comes
    from one."""
    if word.isupper() or _capital_inside(word, language) or is_given_name(word) or is_family_name(word):
        return False
    if any(find_place(name) or find_town(name, language) for name in (word, word.removesuffix("er"))):
        return False  # a place, or what comes from one ("Wolfsburger Nachrichten")
    return lemmas.capitalised_noun(word, language)


def _english_proper_noun(word: str) -> bool:
    """A word English's dictionary writes with a capital (its dictionary form of the lowercase word):
    a name the world writes so ("Microsoft", "Florida"), which the German dictionary lists among its
    capitalised nouns all the same."""
    lemma = lemmas.dictionary_lemma(word.lower(), "en")
    return lemma is not None and lemma[:1].isupper() and lemma.casefold() == word.casefold()


def _frequent_word_unlisted(word: str, language: str) -> bool:
    """One of the language's most frequent words that its dictionary lists in no form (the compact
    dictionaries leave out many words that are their own dictionary form: French "pas", "peu", "non",
    "où") and that no list of names or places knows ("Louis", "Mars", "France" are frequent too)."""
    if word.isupper() or not _frequent_and_no_name(word, language):
        return False
    if any(lemmas.dictionary_lemma(form, language) is not None for form in (word, word.lower())):
        return False
    return find_place(word) is None


def _frequent_common_word(word: str, language: str) -> bool:
    """One of the language's most frequent words ("Desde", "Aunque", "People") that is no listed first
    or family name ("Yusuf", "Guerra") and that the dictionary writes in lowercase (not "Polski", "of
    Poland", nor "İngiltere")."""
    return _frequent_and_no_name(word, language) and lemmas.in_lowercase(word, language)


def _frequent_and_no_name(word: str, language: str) -> bool:
    """One of the language's most frequent words that no list holds as a first or family name."""
    return word.casefold() in frequent_words(language) and not (is_given_name(word) or is_family_name(word))


def noun_compound(word: str, language: str) -> bool:
    """A German compound of dictionary nouns the dictionary does not list ("Impfstoffsuche",
    "Tierprüfungsanforderungen"): a known noun of at least ``_COMPOUND_TAIL`` letters at its end,
    after a known word of at least ``_COMPOUND_HEAD`` letters (with or without a linking "s", "n",
    "en", "es"). Surnames built so are rarer than these nouns, and named with a first name."""
    if is_family_name(word):  # "Steinmeier", "Wagenknecht" as some locale lists them
        return False
    for cut in range(_COMPOUND_HEAD, len(word) - _COMPOUND_TAIL + 1):
        tail = word[cut:].capitalize()
        if tail.lower() in _SURNAME_TAILS or not lemmas.is_known(tail, language):
            continue
        head = word[:cut]
        heads = [head, *(head[: -len(link)] for link in ("s", "n", "en", "es") if head.endswith(link))]
        if any(len(h) >= _COMPOUND_HEAD and lemmas.is_known(h, language) for h in heads):
            return True
    return False


def _common_word_city(mention: Found, language: str | None, lowercase: set[str]) -> bool:
    """A city abroad named by one word that the article also writes in lowercase: the word, not the
    city ("kara" and "Kara" in Turkish text, "morena" and "Morena" in Spanish). Where the article's
    language is spoken the city stays, and so do cities of ``COMMON_WORD_CITY_POPULATION``. (The
    dictionaries list proper names too, "Canberra" among German words: only the article's own
    lowercase use tells a word.)"""
    place = find_place(mention.lemma) if mention.key.startswith("geo:") and " " not in mention.surface else None
    if place is None or not language or not small_city_abroad(place, language):
        return False
    return lower_for(APOSTROPHE_SUFFIX.sub("", mention.surface), language) in lowercase


def small_city_abroad(place: Place, language: str) -> bool:
    """A place (a city, as its callers pass) where ``language`` is not spoken, of fewer than
    ``COMMON_WORD_CITY_POPULATION``: where a word of the text is also its name, the word is meant."""
    return place.population < COMMON_WORD_CITY_POPULATION and not spoken_in(language, place)


@lru_cache(maxsize=64)
def frequent_words(language: str) -> frozenset[str]:
    """The most frequent words of ``language`` in Wikipedia, as jusText lists them for telling text from
    boilerplate (it ships with trafilatura; about 100 languages; casefolded). They include frequent
    names too ("John", "Polska"): used only on a lone word that nothing else made a name or a place."""
    import justext

    locale = cldr_locale(language)
    name = locale.get_display_name("en") if locale is not None else None
    if not name or name not in justext.get_stoplists():
        return frozenset()
    return frozenset(word.casefold() for word in justext.get_stoplist(name))
