"""Where capital letters do not mark names: title-case headings, and the small words inside
institutions' names. Helpers of the entities stage (``entities.py``).

- A **title-case heading** ("Fort Lauderdale Man Arrested After Allegedly Using Dog to Attack
  Officers", "Hastanelerde Randevulu Sisteme Geçildi") capitalises every word: there a dictionary
  word is a name only where the article also capitalises it outside such headings.
- An **institution's name** goes on across a small word of its language when it holds an
  organisation word ("Universidad de Antioquia", "Bank of England", "Sąd Rejonowy dla Warszawy"):
  the name is one, not a fragment on each side of "de".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

from storyline.stages import lemmas
from storyline.stages.entity_cues import division_nouns, geographic_features, has_org_word, is_person_title
from storyline.stages.gazetteer import find_place
from storyline.stages.given_names import is_given_name
from storyline.stages.name_languages import APOSTROPHE_SUFFIX, FIRST_PARTICLES, SECOND_PARTICLES

Words = list[tuple[str, bool]]  # (word, whether punctuation separates it from the word before)

# A heading has at least this many capitalised words (acronyms aside), most of them dictionary words.
HEADING_MIN_WORDS = 4
HEADING_SMALL_RUN = 2  # lowercase small words in a row inside an English title-case stretch ("in the")
HEADING_MIN_KNOWN = 3
HEADING_KNOWN_SHARE = 0.6
HEADING_LOWERCASE_SHARE = 1 / 3
HEADING_ALL_KNOWN_WORDS = 5  # a title-case stretch this long of dictionary words alone is a heading
# English headlines capitalise every word, the grammar's small words too; inside a name these are
# rare ("Will No Longer Arrive This April", "Kindly Share This Story"): past a stretch's first word, one
# of them marks the stretch as a heading however few of its words the article writes in lowercase.
TITLE_CASE_FUNCTION_WORDS = {
    "en": frozenset(
        [
            "this",
            "that",
            "these",
            "those",
            "will",
            "would",
            "can",
            "could",
            "should",
            "shall",
            "must",
            "might",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "has",
            "have",
            "had",
            "does",
            "did",
            "not",
            "no",
            "nor",
            "all",
            "some",
            "any",
            "every",
            "your",
            "our",
            "their",
            "my",
            "his",
            "her",
            "its",
            "we",
            "you",
            "they",
            "he",
            "she",
            "it",
            "how",
            "why",
            "what",
            "who",
            "whom",
            "when",
            "where",
            "which",
            # prepositions that names rarely hold capitalised ("Attacks Michika Town In Adamawa"); not "of",
            # "for", "by" ("Bank of America", "Party for Freedom", "Stand by Me")
            "in",
            "on",
            "at",
            "to",
            "into",
            "after",
            "with",
            "from",
            "about",
            "over",
        ]
    ),
}
SMALL_WORD_LETTERS = 3  # lowercase words a heading may hold between capitalised ones ("to", "in", "de")
STEM_LETTERS = 4  # the shortest dictionary form of a heading's word matched as the start of a text's word
MAX_NAME_WORDS = 8  # an institution's name with its small words ("Fiscalía General del Estado de Veracruz")
# The small words an institution's name goes on across, by language. German and Dutch only "für"/"voor":
# they capitalise nouns, so "der"/"van" would run a name on into whatever noun follows.
CONNECTORS = {
    "en": frozenset({"of", "the", "for"}),
    "es": frozenset({"de", "del", "la", "los", "las", "para"}),
    "fr": frozenset({"de", "du", "des", "la", "pour"}),
    "it": frozenset({"di", "del", "della", "dei", "degli", "delle", "per"}),
    "pt": frozenset({"de", "do", "da", "dos", "das", "para"}),
    "de": frozenset({"für"}),
    "nl": frozenset({"voor"}),
    "pl": frozenset({"dla"}),
}
# a cabinet's or a reign's number; not "XI" or "LI", which are names written in capitals too
_ROMAN_NUMERALS = frozenset(
    ["II", "III", "IV", "VI", "VII", "VIII", "IX", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"]
)
# Turkish and Azerbaijani: I/ı and İ/i are two letters each, and a name's case endings go after an
# apostrophe ("Ankara'da", "Davutoğlu'nun")
TURKIC = frozenset({"tr", "az"})


def lower_for(word: str, language: str | None) -> str:
    """The word in lowercase by its language's rules: Turkish writes I/ı and İ/i as two letters."""
    if language in TURKIC:
        word = word.replace("I", "ı").replace("İ", "i")
    return word.lower().replace("\u0307", "")


# The nouns of Turkey's divisions after a division's own name, in their case forms ("Çaykara İlçesi'nde",
# "Kaşüstü mahallesinde", "Trabzon ili", "Gerze köyü"): what comes before them is a place's name
_TURKIC_DIVISIONS = re.compile(
    r"(?:ilçe|mahalle|belde|kasaba|semt)(?:si|sinde|sine|sinden|sinin)?|köy(?:ü|ünde|üne|ünden|ünün)?"
    r"|il(?:i|inde|ine|inden|inin)"
)


def names_a_division(word: str, language: str | None) -> bool:
    """Whether a word is a Turkic division's noun after its name (``_TURKIC_DIVISIONS``), capitalised or not."""
    if language not in TURKIC:
        return False
    return _TURKIC_DIVISIONS.fullmatch(lower_for(APOSTROPHE_SUFFIX.sub("", word), language)) is not None


def is_known_word(word: str, language: str | None) -> bool:
    """A word the dictionary of the article's language, or English's, lists (in lowercase); a compound
    written with a hyphen where each of its words is one ("Budget-Friendly", "Year-Old" in a title-case
    heading)."""
    if "-" in word.strip("-"):
        return all(is_known_word(part, language) for part in word.split("-") if part)
    codes = [code for code in dict.fromkeys((language, "en")) if code and code in SUPPORTED_LANGUAGES]
    return any(lemmas.is_known(lower_for(word, code), code) for code in codes)


def is_roman_numeral(word: str) -> bool:
    """ "II", "XIV": a reign's or a cabinet's number ("Kabinett Kurz II"), not a name of its own."""
    return word in _ROMAN_NUMERALS


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _acronym(word: str) -> bool:
    return word.isupper() and len(word) > 1


def lowercase_stems(lowercase: set[str] | frozenset[str]) -> Callable[[str], bool]:
    """Whether one of an article's lowercase words begins with a given dictionary form (of at least
    ``STEM_LETTERS`` letters): another form of that word, where a language inflects by endings (a
    heading's "Randevulu Sisteme", dictionary forms "randevu", "sistem", beside the text's "randevu
    sistemine"). The words are sorted once, on first need."""
    ordered: list[str] = []

    def begins_a_word(stem: str) -> bool:
        if len(stem) < STEM_LETTERS:
            return False
        if not ordered:
            ordered.extend(sorted(lowercase))
        at = bisect_left(ordered, stem)
        return at < len(ordered) and ordered[at].startswith(stem)

    return begins_a_word


def heading_stretches(
    words: Words,
    language: str | None,
    lowercase: set[str] | frozenset[str],
    lowercase_stems: Callable[[str], bool] | None = None,
) -> list[range]:
    """The stretches of a sentence written in title case: consecutive capitalised words (small
    lowercase words between two of them allowed), no punctuation between, with at least
    ``HEADING_MIN_WORDS`` capitalised words that are not acronyms, of which at least
    ``HEADING_MIN_KNOWN`` and ``HEADING_KNOWN_SHARE`` of them are dictionary words, and at least
    ``HEADING_LOWERCASE_SHARE`` of them words the article (``lowercase``: its lowercase words) also
    writes in lowercase, in that form or, where the language inflects, in another form of the same
    word (``lowercase_stems``: whether a lowercase word begins with a dictionary form). A list of
    names ("Sergey Lavrov, Marco Rubio") is cut by its commas; a run of names is not dictionary words; an institution's name of dictionary words ("Podhalański Szpital
    Specjalistyczny") is not written in lowercase elsewhere, a heading's words are ("man", "dog")."""
    stretches: list[range] = []
    start = None
    for index, (word, broken) in enumerate([*words, ("", True)]):
        joins = start is not None and not broken
        if joins and (_capitalised(word) or _small_before_capital(words, index, language)):
            continue
        if start is not None:
            stretches.append(range(start, index))
        start = index if word and _capitalised(word) else None
    return [stretch for stretch in stretches if _title_case(words, stretch, language, lowercase, lowercase_stems)]


def _small_before_capital(words: Words, index: int, language: str | None) -> bool:
    """A short lowercase word that a title-case stretch goes on across: one, then a capitalised word, no
    punctuation between ("to" in "Quotes to Unlock"); in English, whose headlines are written in title
    case, up to ``HEADING_SMALL_RUN`` ("in the" in "Change in the New Year"). Elsewhere two small words
    are an institution's name going on ("Consejo Nacional de Evaluación de la Política")."""
    run = HEADING_SMALL_RUN if language == "en" else 1
    for ahead in range(index, min(index + run, len(words) - 1)):
        word, broken = words[ahead]
        if (ahead > index and broken) or not (word.islower() and len(word) <= SMALL_WORD_LETTERS):
            return False
        following, following_broken = words[ahead + 1]
        if _capitalised(following):
            return not following_broken
    return False


def _title_case(
    words: Words,
    stretch: range,
    language: str | None,
    lowercase: set[str] | frozenset[str],
    lowercase_stems: Callable[[str], bool] | None,
) -> bool:
    capitalised = [words[i][0] for i in stretch if _capitalised(words[i][0]) and not _acronym(words[i][0])]
    if len(capitalised) < HEADING_MIN_WORDS:
        return False
    needed = HEADING_LOWERCASE_SHARE * len(capitalised)
    as_written = sum(lower_for(word, language) in lowercase for word in capitalised) >= needed
    function_words = TITLE_CASE_FUNCTION_WORDS.get(language or "", frozenset())
    signalled = any(word.lower() in function_words for word in capitalised[1:])
    as_written = as_written or signalled
    # an institution's name of dictionary words ("Instituto Mexicano de Seguridad Social") shares its
    # words' dictionary forms with the text: only the forms as written tell a heading from it
    inflected = lowercase_stems is not None and bool(language) and language in SUPPORTED_LANGUAGES
    if not as_written and len(capitalised) == len(stretch) and _dictionary_words_only(capitalised, language):
        return True  # no small word inside: an institution's name goes on across them ("Society of the")
    if not as_written and (not inflected or has_org_word(capitalised)):
        return False
    if not as_written:
        assert lowercase_stems is not None and language
        forms = [lemmas.lemmatize(lower_for(word, language), language).lower() for word in capitalised]
        if sum(form in lowercase or lowercase_stems(form) for form in forms) < needed:
            return False
    known = sum(is_known_word(word, language) for word in capitalised)
    # a function word in capitals inside the stretch is title case whatever share of it names are
    # ("Boko Haram Attacks Michika Town In Adamawa": three words of seven known)
    return known >= HEADING_MIN_KNOWN and (signalled or known >= HEADING_KNOWN_SHARE * len(capitalised))


def _dictionary_words_only(capitalised: list[str], language: str | None) -> bool:
    """A long title-case stretch of the language's dictionary words only, none an organisation's word
    or a place, and no listed first name but the last word (which a name would follow): a heading,
    whatever its words' endings ("Acil Durumlar Dışında Randevusuz Alınmayacak Tüm Dünya"), though the
    text writes few of them in lowercase as they stand."""
    if len(capitalised) < HEADING_ALL_KNOWN_WORDS or has_org_word(capitalised):
        return False
    if any(is_given_name(word) for word in capitalised[:-1]):
        return False  # a person's name inside ("Asuntos Exteriores José Manuel Albares")
    return all(
        lemmas.is_known(lower_for(word, language or ""), language or "") and find_place(word) is None
        for word in capitalised
    )


def particle_glue(words: Words, is_name_word: set[int], may_join: Callable[[str, str], bool]) -> set[int]:
    """Indices of the particles of a surname (``NAME_PARTICLES``, in lowercase) between two name words
    that ``may_join`` as a first name and a surname: "von der" in "Ursula von der Leyen". ``is_name_word``:
    the indices of the words that may be part of a name."""
    glue: set[int] = set()
    for index, (word, broken) in enumerate(words):
        if broken or word not in FIRST_PARTICLES or index - 1 not in is_name_word:
            continue
        after = index + 1
        if after < len(words) and words[after][0] in SECOND_PARTICLES.get(word, ()) and not words[after][1]:
            after += 1
        if after >= len(words) or after not in is_name_word or words[after][1] or not words[after][0][:1].isupper():
            continue
        if may_join(words[index - 1][0], words[after][0]):
            glue.update(range(index, after))
    return glue


def _opens_with_division(words: Words, index: int, language: str | None, in_names: set[int]) -> bool:
    """Whether the word before the connector at ``index`` is a division's noun that opens a name ("Province
    of Ontario"; not inside an institution's longer name, "Ministerio de Salud de la Provincia", which its own
    words carry on)."""
    noun, broken = words[index - 1]
    return noun.casefold() in division_nouns(language) and (broken or index - 2 not in in_names)


def connector_glue(words: Words, language: str | None, is_name_word: set[int]) -> set[int]:
    """Indices of the small words an institution's name goes on across: a connector of the language,
    after a name word with an organisation word among the up to three name words before it, right after a
    feature of the map's noun ("Strait of Hormuz"), or right after a person's title (the title makes the run an office, "Secretario de Educación", which is no name), and
    before a name word (a second connector may follow the first: "de la", "of the"). ``is_name_word``:
    the indices of the words that may be part of a name."""
    connectors = CONNECTORS.get(language or "", frozenset())
    glue: set[int] = set()
    if not connectors:
        return glue
    for index, (word, broken) in enumerate(words):
        if broken or word not in connectors or index - 1 not in is_name_word:
            continue
        before = [words[i][0] for i in range(max(0, index - 3), index) if i in is_name_word or i in glue]
        # an institution ("Universidad de Antioquia"), or an office ("Secretario de Educación"): one run;
        # not a titled person's name before an institution ("Detective Pete Hettema of the Pasadena Police
        # Department": the title is the office only right before the connector)
        if (
            not has_org_word(before)
            and not is_person_title(words[index - 1][0])
            and words[index - 1][0].casefold() not in geographic_features(language)  # "Strait of Hormuz"
            and not _opens_with_division(words, index, language, is_name_word | glue)  # "Province of Ontario"
        ):
            continue
        after = index + 1
        if after < len(words) and words[after][0] in connectors and not words[after][1]:
            after += 1
        if after < len(words) and after in is_name_word and not words[after][1]:
            glue.update(range(index, after))
    return glue
