"""Words beside a name that say what it is and are not part of it, where a language's capitals do not
tell them apart: German capitalises every noun, so "Hauptstadt Moskau" or "Bundeskanzlerin Angela
Merkel" reads as one run. A helper of the entities stage (``entities.py``)."""

from __future__ import annotations

from functools import lru_cache

from storyline.stages import lemmas
from storyline.stages.entity_cues import (
    compound_ending_in,
    ends_in_org_word,
    geographic_features,
    has_org_word,
    opens_with_org_word,
)
from storyline.stages.gazetteer import find_place, is_country
from storyline.stages.given_names import is_family_name, is_given_name
from storyline.stages.latin_names import census_surname_rank
from storyline.stages.lemmas import SUPPORTED_LANGUAGES
from storyline.stages.name_filters import NOUN_CAPITALISING, noun_compound
from storyline.stages.name_languages import APOSTROPHE_SUFFIX

# German nouns for a kind of place, as a compound's end: "Hauptstadt Moskau", "Bundesstaat Borno",
# "Provinz Hubei", "Stadtteil Kreuzberg", "Bundesland Bayern"
_GERMAN_PLACE_KINDS = (
    "stadt",
    "staat",
    "metropole",
    "provinz",
    "region",
    "kreis",
    "bezirk",
    "stadtteil",
    "ortsteil",
    "gemeinde",
    "kanton",
    "land",
    "insel",
    "inseln",
)
# German nouns for a kind of company or outlet, as a compound's end, which say what the name after them
# is: "Chipkonzern Intel", "Meinungsforschungsinstitut Forsa", "Ratingagentur Moody's", "Autobauer
# Tesla", "Fluggesellschaft Lufthansa", "Kurznachrichtendienst Twitter"; the company is its name
_GERMAN_COMPANY_KINDS = (
    "konzern", "institut", "agentur", "händler", "hersteller", "anbieter", "unternehmen", "bauer", "kette",
    "gesellschaft", "sender", "magazin", "portal", "plattform", "dienst", "verband", "riese", "netzwerk",
    "versicherer", "zulieferer", "discounter", "bank", "startup",
)  # fmt: skip
_COMPANY_KIND_HEAD = 3  # "Chip" of "Chipkonzern"; not "Institut" alone
_GERMAN_PLACE_KINDS_NOT_LANDS = tuple(kind for kind in _GERMAN_PLACE_KINDS if kind != "land")
# The other languages' nouns for a kind of place, as their dictionaries give them, which written in
# lowercase right before a name say what it is ("letiště Tegel", "lotniska Fiumicino", "parku
# Kelvingrove", "аэропорт Шереметьево", "la isla Lesbos")
_PLACE_KINDS = frozenset(
    {
        "airport", "island", "river", "lake", "valley", "peninsula",  # English
        "aeropuerto", "isla", "río", "lago", "valle", "península",  # Spanish
        "aéroport", "île", "fleuve", "rivière", "lac", "vallée", "péninsule",  # French
        "lotnisko", "wyspa", "rzeka", "jezioro", "cieśnina", "półwysep", "dolina",  # Polish
        "letiště", "ostrov", "řeka", "jezero", "průliv", "poloostrov", "údolí",  # Czech, Slovak
        "letališče", "otok", "reka", "polotok",  # Slovenian, Croatian
        "аэропорт", "остров", "река", "озеро", "пролив", "полуостров", "долина",  # Russian
        "аеропорт", "острів", "річка", "протока", "півострів",  # Ukrainian
        "летище", "езеро", "проток",  # Bulgarian
        "mer", "océan", "golfe", "détroit", "mar", "océano", "golfo", "estrecho", "mare", "stretto",  # seas
    }
)  # fmt: skip
_COMMON_SURNAME_RANK = 10_000  # "Bay" (5,170), "Lake" (1,050) stay surnames; "Island" (20,809) does not
# Languages that name a sea by an adjective before its noun in lowercase
_ADJECTIVE_FIRST = frozenset({"cs", "sk", "sl", "hr", "sr", "ru", "uk", "bg", "be"})
# Words that join a feature's noun to its name ("Gulf of Mexico", "islands of Lesvos", "isla de Lesbos")
_FEATURE_CONNECTORS = frozenset({"of", "de", "del", "di", "du", "des", "von"})
# the word for "and" that joins the last two names of a list
_LIST_CONJUNCTIONS = {
    "en": {"and"}, "de": {"und"}, "fr": {"et"}, "es": {"y", "e"}, "it": {"e", "ed"}, "pt": {"e"}, "nl": {"en"},
    "pl": {"i", "oraz", "a"}, "cs": {"a", "i"}, "sk": {"a", "i"}, "sl": {"in"}, "hr": {"i"}, "tr": {"ve"},
    "ru": {"и"}, "uk": {"і", "та", "й"}, "bg": {"и"},
}  # fmt: skip


def is_german_descriptor(run: list[str], language: str | None) -> bool:
    """A German common noun that says what the name after it is: a person's role before a full name
    ("Trainer Julian Nagelsmann", "Bundeskanzlerin Angela Merkel"), or a kind of place before a city or
    region ("Hauptstadt Moskau", "Bundesstaat Borno"). German capitalises it, but it is context, not the
    name; an organisation's word stays ("Kantonspolizei Aargau", "Polizeipräsidium Pforzheim"), and so
    does a name ("Olaf Scholz") or an adjective ("Deutsche Bank")."""
    if language not in NOUN_CAPITALISING or len(run) < 2:
        return False
    word, rest = run[0], run[1:]
    if names_a_kind_of_company(word) and _company_name(rest):
        return True
    if is_given_name(word) or find_place(word) is not None:
        return False
    if not lemmas.capitalised_noun(word, language) and not _compound_before_full_name(word, rest, language):
        return False
    if has_org_word([word]) or ends_in_org_word(word) or opens_with_org_word([word]):
        return False  # "Kantonspolizei Aargau", "Staatsanwaltschaft Zofingen": the organisation's name
    if _bare_name(rest, language) and not _english_or_of_a_place(word):  # "Wetterdienst Ubimet"
        return True
    # a full name: a listed first name first, or words that are names and nothing else ("Shinzo Abe");
    # the noun before it says who they are, even where some family is named so ("Renault Carlos Ghosn")
    before_full_name = len(rest) >= 2 and (is_given_name(rest[0]) or all(_bare_name([name], language) for name in rest))
    if is_family_name(word):
        return before_full_name
    place = find_place(" ".join(rest)) if names_a_kind_of_place(word) else None  # "Bundesstaaten Texas"
    if len(rest) == 1 and names_a_kind_of_place(word, lands=False) and not lemmas.in_lowercase(rest[0], language):
        return True  # "Insel Lesbos", "Landkreis Lüneburg": a name the gazetteer lacks after its kind
    return before_full_name or (place is not None and not is_country(place))


def _compound_before_full_name(word: str, rest: list[str], language: str) -> bool:
    """A German compound of nouns the dictionary does not list ("Weltkriegsveteran", "Ex-Nationalspieler")
    before a listed first name and at least one more word: a person's description, as a listed noun is."""
    return len(rest) >= 2 and is_given_name(rest[0]) and not is_family_name(word) and noun_compound(word, language)


def names_a_kind_of_place(word: str, lands: bool = True) -> bool:
    """A German noun for a kind of place ("Hauptstadt", "Bundesstaaten", "Landes", "Insel"); with
    ``lands`` False not one in "-land", as many places' own names end ("Rheinland", "Russlands")."""
    folded = word.casefold()
    kinds = _GERMAN_PLACE_KINDS if lands else _GERMAN_PLACE_KINDS_NOT_LANDS
    return any(folded.removesuffix(ending).endswith(kinds) for ending in ("", "en", "es", "s", "e"))


def _english_or_of_a_place(word: str) -> bool:
    """An English word ("Burger King", "Downing Street") or a German word for what comes from a place
    ("Berliner Tempodrom"): part of a name, not a German noun before one."""
    folded = word.casefold()
    return lemmas.is_known(folded, "en") or (folded.endswith("er") and find_place(word[:-2]) is not None)


def names_a_kind_of_company(word: str) -> bool:
    """A German compound that ends in a kind of company ("Chipkonzern", "Meinungsforschungsinstituts"),
    not the kind's word alone ("Institut Pasteur" is the institute's name)."""
    folded = word.casefold().removesuffix("s").removesuffix("e")  # genitive ("Konzerns"), plural ("Banke")
    return compound_ending_in(folded, _GERMAN_COMPANY_KINDS, _COMPANY_KIND_HEAD)


def _company_name(rest: list[str]) -> bool:
    """Up to three capitalised words after a kind of company that make no place and open with no first
    name: the company's name ("Intel", "Goldman Sachs"; not "Hessen" after "Landesbank")."""
    if len(rest) > 3 or not all(word[:1].isupper() for word in rest) or is_given_name(rest[0]):
        return False
    return find_place(" ".join(APOSTROPHE_SUFFIX.sub("", word) for word in rest)) is None


def _bare_name(rest: list[str], language: str) -> bool:
    """One word that is a name and nothing else: no word the dictionary knows, no place ("Ubimet",
    "Nehammer"; not "Aargau", nor "Kurz", which alone would be the adjective)."""
    if len(rest) != 1 or find_place(rest[0]) is not None or rest[0].isupper():
        return False
    name = rest[0]
    return lemmas.dictionary_lemma(name, language) is None and lemmas.dictionary_lemma(name.lower(), language) is None


# Prepositions that put what follows in a place ("in Oftringen", "en Almensilla", "w Nowym Targu",
# "в Мытищах"): before a name nothing else types, a place is by far its likeliest kind. Only those
# that rarely take a person or an organisation ("at", "bei", "from", "a", "na" and "z" do: "at
# Microsoft", "bei Siemens", "a Trump", "na Facebooku").
_LOCATIVE_PREPOSITIONS = {
    "en": frozenset({"in", "near", "outside"}),
    "de": frozenset({"in"}),
    "nl": frozenset({"in", "nabij"}),
    "es": frozenset({"en"}),
    "pt": frozenset({"em", "no", "na"}),
    "it": frozenset({"in"}),
    "fr": frozenset({"à", "dans"}),
    "pl": frozenset({"w", "we"}),
    "ru": frozenset({"в", "во"}),
    "uk": frozenset({"в", "у"}),
    "bg": frozenset({"в", "във"}),
}
# Turkish case endings of place: the locative ("İngiltere'de", "Alanya'da"); not the ablative, which
# follows a speaker as often ("Erdoğan'dan açıklama")
_TURKIC_LOCATIVES = ("de", "da", "te", "ta")


def after_locative_preposition(before: list[str], language: str) -> bool:
    """A locative preposition of ``language`` right before a name ("w Krośnie", "in Hof")."""
    return bool(before) and before[-1].casefold() in _LOCATIVE_PREPOSITIONS.get(language, frozenset())


def place_context(run: list[str], before: list[str], language: str | None) -> bool:
    """The words around an untyped name say it is a place: a locative preposition right before it, or
    (Turkish, Azerbaijani) a locative case ending set off with an apostrophe. Only a name of words no
    dictionary of the language or of English holds as common words, with no organisation's word ("in
    Zusammenhang", "in Kurzarbeit", "in Retrospect", "Resmi Gazete'de" stay untyped)."""
    if not language or language not in SUPPORTED_LANGUAGES or len(run) > 2:
        return False
    if language in ("tr", "az"):
        head, _, ending = run[-1].replace("’", "'").rpartition("'")
        found = bool(head) and not head.isupper() and ending in _TURKIC_LOCATIVES
        words = [*run[:-1], head]
    else:
        found = after_locative_preposition(before, language)
        after_kind = language in NOUN_CAPITALISING and bool(before) and names_a_kind_of_place(before[-1], False)
        if after_kind:  # "Insel Lesbos": what a German noun for a kind of place names, a noun or not
            return not any(_common_or_org_word(word, language, nouns=False) for word in run)
        words = run
    return found and not any(_common_or_org_word(word, language) for word in words)


def after_a_kind_of_place(run: list[str], word_before: str, language: str | None) -> bool:
    """A name of one or two words that a noun for a kind of place, in lowercase, stands right before
    ("letiště Tegel", "la isla Lesbos"; no punctuation between them, which the caller checks), none of its
    words a common or an organisation's word."""
    if not language or language not in SUPPORTED_LANGUAGES or len(run) > 2 or not word_before.islower():
        return False
    kind = lemmas.lemmatize(word_before, language)
    if kind not in _PLACE_KINDS:
        return False
    if kind in geographic_features(language):  # a sea is named by an adjective: "mer Baltique", "golfo Pérsico"
        return not any(is_given_name(word) or has_org_word([word]) for word in run)
    return not any(_common_or_org_word(word, language, nouns=False) for word in run)


def names_a_feature(run: list[str], language: str | None) -> bool:
    """A name of several words that opens or closes with a noun for a feature of the map ("Aegean Sea",
    "Gulf of Mexico", "Morza Bałtyckiego", "Ege Denizi"), and does not open with a listed first name
    ("Michael Bay", "River Phoenix")."""
    if len(run) < 2 or is_given_name(run[0]):
        return False
    return any(_feature_noun(word, language) for word in (run[0], run[-1]))


# Words for a part of the compass that make a known place's name a part of it ("Western Balkans", "East
# Jerusalem", "Northern Syria"; "Balcanes Occidentales", "Europe orientale"): before the name in English,
# after it in the Romance languages
_DIRECTIONS_BEFORE = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
    "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
    "north-east", "north-west", "south-east", "south-west", "north-eastern", "north-western", "south-eastern",
    "south-western",
})  # fmt: skip
_DIRECTIONS_AFTER = frozenset({
    "occidental", "occidentale", "occidentales", "occidentaux", "oriental", "orientale", "orientales",
    "orientaux", "septentrional", "septentrionale", "méridional", "méridionale", "occidentali", "orientali",
    "settentrionale", "meridionale", "ocidental", "ocidentais", "orientais",
})  # fmt: skip


def part_of_a_known_place(run: list[str]) -> bool:
    """A known place's name with a word for a part of the compass before or after it: a place of its
    own ("Western Balkans" is not the Balkans), named as one."""
    if len(run) < 2:
        return False
    if run[0].casefold() in _DIRECTIONS_BEFORE and find_place(" ".join(run[1:])) is not None:
        return True
    return run[-1].casefold() in _DIRECTIONS_AFTER and find_place(" ".join(run[:-1])) is not None


def closes_with_a_feature(run: list[str], language: str | None) -> bool:
    """A name of several words whose last word is a feature's noun ("Catalina Island", "Saona Island"),
    whatever its first word: a place's, unless the noun is also a common surname ("Michael Bay", "Ricki
    Lake": among the census's ``_COMMON_SURNAME_RANK`` commonest)."""
    if len(run) < 2 or not _feature_noun(run[-1], language):
        return False
    rank = census_surname_rank(run[-1])
    return rank is None or rank > _COMMON_SURNAME_RANK


def before_a_feature(run: list[str], word_after: str, language: str | None) -> bool:
    """A name of one or two words right before a feature's noun in lowercase, in a Slavic language that
    names a sea by an adjective before its noun ("Baltského moře", "Kerčského průlivu", "Чорне море": no
    punctuation between them, which the caller checks), none of its words a listed first name or an
    organisation's word. English writes such a noun after a people's adjective ("Greek islands")."""
    if language not in _ADJECTIVE_FIRST or len(run) > 2 or not word_after.islower():
        return False
    if not _feature_noun(word_after, language):
        return False
    return not any(is_given_name(word) or has_org_word([word]) for word in run)


def after_a_feature_and_connector(run: list[str], before: list[str], language: str | None) -> bool:
    """A name of one or two words after a feature's noun in lowercase and "of" or "de" ("the islands of
    Lesvos", "la isla de Lesbos"), none of its words a common or an organisation's word."""
    if len(before) < 2:
        return False
    noun, connector = before[-2], before[-1]
    if connector not in _FEATURE_CONNECTORS or not noun.islower() or not _feature_noun(noun, language):
        return False
    return may_name_a_feature(run, language)


def heads_a_list_of_features(before: list[str], language: str | None) -> bool:
    """Whether the words right before a place's name are a noun for features of the map in the plural
    (or another form than its dictionary's), alone or with "of" ("the islands of Lesvos, Chios and
    Samos", "den griechischen Inseln Lesbos, Chios und Samos", "las islas Lesbos y Quíos"): the names
    listed after it are features too. Not "the island of Lesbos, Merkel and Macron"."""
    if not before:
        return False
    noun = before[-1]
    if len(before) >= 2 and noun in _FEATURE_CONNECTORS:
        noun = before[-2]
    if not language or language not in SUPPORTED_LANGUAGES or not _feature_noun(noun, language):
        return False
    folded = APOSTROPHE_SUFFIX.sub("", noun).casefold()
    return lemmas.lemmatize(folded, language) != folded


def is_list_conjunction(word: str, language: str | None) -> bool:
    """Whether ``word`` is the language's "and" between the last two names of a list."""
    return word in _LIST_CONJUNCTIONS.get(language or "", ())


def may_name_a_feature(run: list[str], language: str | None) -> bool:
    """A name of one or two words, none of them a common word, an organisation's word or a first name."""
    if not language or language not in SUPPORTED_LANGUAGES or len(run) > 2:
        return False
    return not any(_common_or_org_word(word, language, nouns=False) for word in run)


@lru_cache(maxsize=65_536)  # the first and last words of every name of several words: a bounded cache
def _feature_noun(word: str, language: str | None) -> bool:
    features = geographic_features(language)
    folded = APOSTROPHE_SUFFIX.sub("", word).casefold()  # "Denizi'nde"
    if folded in features:
        return True
    return bool(language) and language in SUPPORTED_LANGUAGES and lemmas.lemmatize(folded, language or "") in features


def _common_or_org_word(word: str, language: str, nouns: bool = True) -> bool:
    if has_org_word([word]) or ends_in_org_word(word) or is_given_name(word):
        return True
    if word.endswith(("'s", "’s")):  # a possessive: "in Ivey's lab"
        return True
    if lemmas.common_word(word, language) or lemmas.common_word(word.lower(), language):
        return True
    return nouns and language in NOUN_CAPITALISING and lemmas.with_capital(word, language)  # a German noun
