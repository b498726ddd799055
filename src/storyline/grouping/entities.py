"""Link entity mentions across articles into entities: one per person, organisation or place.

Each article's mentions already carry keys that match across scripts and inflections (see
``stages/entities.py``). Linking decides which mentions are the same entity:

- places found in the gazetteer are one entity per place id;
- a full name (given name + surname) is one entity per pair of keys, so Donald Trump and
  Melania Trump stay apart;
- every other name is one entity per key *and spelling* (``keys.spelling``): the phonetic key alone
  is coarse on purpose (it is evidence that weighs rare keys), and as an identity it would make one
  entity of Apple and Opel, or of Яндекс and "Body Mass Index"; a name of several words is spelled
  whole ("New York Times" is not "Times"), a person's by the surname. A name written in Latin script
  is spelled with its vowels (Plaza is not Please); one in another script by where its vowels are,
  since scripts spell vowels differently (Тръмп, Трамп, Trump);
- a bare surname ("Лавров" in an article that never says "Сергей") joins a person's full name
  only when the context supports it: the only full name with that surname in the same story,
  else the only one in the whole store, else one named at least ``DOMINANCE`` times as often
  as every other, among the full names whose surname is spelled as the bare one (for a bare name
  in Latin script, in either of the last two cases, one written in at least ``MIN_SUPPORT`` articles);
- a bare name in another script that joins no full name joins the Latin spelling the store makes
  dominant the same way (Ройтерс joins Reuters, Яндекс joins Yandex, never Index);
- an acronym is the entity of the name its article spells it out as ("FT" beside "Financial
  Times"), and where its article does not, of the spelled-out name the store makes dominant;
- a person's name in Chinese characters (特朗普, 唐纳德·特朗普) that its story's full names in another
  script read back as exactly one person (``chinese.latin_keys``: "Donald Trump", "Дональд Трамп")
  is that person; with none or several it is linked as any other name (``read_back``).
  Otherwise a name stays an entity of its own, marked by its bare key and spelling.

Full names, Latin spellings and spelled-out acronyms are the *anchors* bare names may join
(``is_anchor``).
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from storyline.models import Entity, EntityVariant
from storyline.stages.chinese import latin_keys
from storyline.stages.entity_cues import is_named_organisation
from storyline.stages.gazetteer import (
    METROPOLIS_POPULATION,
    Place,
    english_country_names,
    find_country_by_code,
    find_place,
    find_region_by_code,
    without_accents,
)
from storyline.stages.keys import MAX_ACRONYM, is_latin, name_key, spelling, vowel_pattern, writes_no_vowels
from storyline.stages.latin_names import latin_name
from storyline.stages.name_languages import (
    APOSTROPHE_SUFFIX,
    LOWERCASE_DICTIONARIES,
    NAMES_NOT_INFLECTED,
    NOUN_CAPITALISING,
)
from storyline.stages.romanise import romanise

DOMINANCE = 3.0
READ_BACK_LANGUAGES = frozenset({"zh"})  # whose names in characters are read back (Japanese reads them otherwise)
MIN_SUPPORT = 2  # articles that write a full name before a bare name of another story joins it
MAX_NAME_WORDS = 3
# Languages whose multi-word names are shown as written: their names take no case endings, or (German)
# their adjectives' endings are what a dictionary form drops ("Europäisch Union")
_WRITTEN_AS_IS = NAMES_NOT_INFLECTED | NOUN_CAPITALISING
# names whose spelled words are kept (``_spelled_words_of``): about 530 bytes each, 4 MiB at the bound;
# the dev pairs' 1,499 articles hold 8,345 such names, of 89,160 look-ups
SPELLED_NAMES = 1 << 13
PERSON_MIN_SHARE = 0.1  # of an entity's rows (articles) that must type it a person for it to be one
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True, slots=True)
class MentionRow:
    """One article's mention of a key, as the store keeps it."""

    article_id: str
    story_id: int | None
    key: str
    given: str
    kind: str
    surface: str
    lemma: str
    count: int
    language: str | None
    published: str | None = None  # the article's date (ISO), for the entity's articles per day


def identity_of(row: MentionRow) -> str:
    """The entity a mention names before linking: its place id or acronym, else its given-name and
    surname keys (a lone given name: its key twice) or its bare key, with the name's spelling (a
    bare name in Latin script: exact, marked "="). An acronym its article spells out ("FT" beside
    "Financial Times", ``stages/entities._expand_acronyms``) is the spelled-out name's entity."""
    if is_spelled_out(row):
        row = replace(row, key=name_key(row.lemma.split()[-1]))
    plain = spelling_of(row)
    if not plain:
        return row.key
    if row.given:
        return f"{row.given} {row.key}~{plain}"
    if is_latin_bare(row):
        return f"{row.key}~={_exact_spelling(row)}"
    return f"{row.key}~{plain}"


def spelling_of(row: MentionRow) -> str:
    """The spelling an identity carries ('' for places and acronyms, whose keys are exact): a
    person's surname, or the whole of any other name."""
    words = _spelled_words(row)
    return spelling(" ".join(words)) if words else ""


def opens_with_common_word(row: MentionRow) -> bool:
    """A name of several words that is not a person's and opens with a common word of its language or
    of English ("Audio Snack", "Centro Médico Nacional"): its first word is no given name, so its
    identity carries every word's spelling ("Udo's Snack" and "Centro Nacional" are other names). A
    name typed a person in one article and not in another keeps one identity: its first word is a
    name ("Khalifa Haftar")."""
    return _opens_with_common_word(row.kind, row.given, row.key, row.language, _name_words(row.lemma))


def _opens_with_common_word(kind: str, given: str, key: str, language: str | None, words: tuple[str, ...]) -> bool:
    if kind == "person" or not given or given == key or not language or len(words) < 2:
        return False
    from storyline.stages import lemmas  # the dictionaries load on an ingest's linking, never for reading
    from storyline.stages.given_names import is_given_name

    # a listed first name is a common word only where its own language's dictionary says so: English's
    # lists "Angela" in lowercase, which made German "Angela Merkel" another name than "Angela Merkel";
    # a dictionary that writes every word in lowercase says nothing ("Александър Стуб", "Мая Санду" are
    # people, listed as Aleksandar and Maya)
    caseless = language in LOWERCASE_DICTIONARIES
    romanised = romanise(words[0], language) if caseless and not is_latin(words[0]) else None
    if is_given_name(words[0]) or (romanised is not None and is_given_name(romanised)):
        return not caseless and lemmas.in_lowercase(words[0], language)
    return lemmas.common_word(words[0], language)


def _name_words(lemma: str) -> tuple[str, ...]:
    return tuple(_POSSESSIVE.sub("", lemma).split())


def _exact_spelling(row: MentionRow) -> str:
    return spelling(" ".join(_spelled_words(row)), exact=True)


def _spelled_words(row: MentionRow) -> tuple[str, ...]:
    return _spelled_words_of(row.key, row.lemma, row.given, row.kind, row.language)


@lru_cache(maxsize=SPELLED_NAMES)
def _spelled_words_of(key: str, lemma: str, given: str, kind: str, language: str | None) -> tuple[str, ...]:
    """The words an identity spells (``spelling_of``), per name as the store holds it: a writer meets
    the same names batch after batch, and asked the dictionaries again for each of their mentions."""
    if ":" in key or key.startswith("#"):
        return ()
    words = _name_words(lemma)
    return words[-1:] if given and not _opens_with_common_word(kind, given, key, language, words) else words


def is_latin_bare(row: MentionRow) -> bool:
    """A name without a given name, not a place, written in Latin script: an anchor (see the module doc)."""
    return not row.given and row.kind != "place" and bool(_spelled_words(row)) and is_latin(row.lemma)


def is_first_name_only(row: MentionRow) -> bool:
    """A bare name of one word in Latin script that locales list as a first name and none as a family
    name ("Luca", "Melinda"): it takes a full name that ends in it only from its own story."""
    if " " in row.surface or not is_latin(row.surface):
        return False
    from storyline.stages.given_names import is_family_name, is_given_name  # loaded on an ingest's linking

    name = _POSSESSIVE.sub("", row.surface)
    return is_given_name(name) and not is_family_name(name)


def is_common_word(row: MentionRow) -> bool:
    """A bare name of one word, typed by nothing, that is a common word of its article's language or
    of English ("Short", "Close", "Choose"): it takes a full name only from its own story, never the
    store's ("Sebastian Short", "Philippe Close" of other stories)."""
    if row.kind != "misc" or " " in row.surface or not row.language:
        return False
    from storyline.stages import lemmas  # the dictionaries load on an ingest's linking, never for reading

    return lemmas.common_word(row.surface, row.language)


def is_spelled_out(row: MentionRow) -> bool:
    """An acronym whose article spells it out (its lemma is the name it stands for)."""
    return row.key.startswith("#") and " " not in row.surface and row.lemma != row.lemma.upper()


def is_foreign_bare(row: MentionRow) -> bool:
    """A bare name in a script other than Latin (not a place), or an acronym its article does not spell
    out: the mentions whose link follows the store's dominant Latin spelling or spelled-out name."""
    if row.given or row.kind == "place":
        return False
    if row.key.startswith("#"):
        return not is_spelled_out(row)
    return bool(_spelled_words(row)) and not is_latin(row.lemma)


def is_anchor(row: MentionRow) -> bool:
    """What a bare name may join: a person's full name, a bare name in Latin script, or an acronym's
    spelled-out name (which the acronym joins where its article does not spell it out)."""
    return is_full_name(row) or is_latin_bare(row) or is_spelled_out(row)


def choice_key(row: MentionRow) -> str:
    """What the store-wide choice for bare names is kept under: the key and the plain spelling."""
    return f"{row.key}~{spelling_of(row)}"


# What a full name in a script without vowels carries as its surname's exact spelling: no bare
# Latin name spells it so ("Sacyr" and هاني شاكر share a skeleton, not a name)
NO_LATIN_SPELLING = "-"


def anchor_of(row: MentionRow) -> str:
    """How an anchor is counted: its identity, and for a person's full name written in Latin script
    the surname's exact spelling after a tab (a bare name in Latin script joins only a full name
    spelled as it, or one written in another script: "Weeds" never joins Tiger Woods). A full name in
    a script that leaves vowels unwritten (Arabic, Hebrew) takes no bare Latin name: its consonants
    alone meet too many."""
    identity = identity_of(row)
    if is_full_name(row) and is_latin(row.lemma.split()[-1]):
        return f"{identity}\t{_exact_spelling(row)}"
    if is_full_name(row) and writes_no_vowels(row.lemma.split()[-1]):
        return f"{identity}\t{NO_LATIN_SPELLING}"
    return identity


def alike_anchors(row: MentionRow, anchors: Mapping[str, int]) -> tuple[dict[str, int], dict[str, int]]:
    """The anchors spelled as ``row``'s name (identity -> rows): persons' full names, and Latin
    spellings. For a bare name in Latin script, only full names whose surname it spells exactly."""
    exact = _exact_spelling(row) if is_latin_bare(row) else None
    return _alike(row.key.startswith("#"), spelling_of(row), exact, anchors)


def _alike(
    acronym: bool, plain: str, exact: str | None, anchors: Mapping[str, int]
) -> tuple[dict[str, int], dict[str, int]]:
    persons: dict[str, int] = {}
    spelled: dict[str, int] = {}
    if acronym:  # an acronym: the names its articles spell it out as
        return persons, {anchor.partition("\t")[0]: count for anchor, count in anchors.items()}
    for anchor, count in anchors.items():
        identity, _, written = anchor.partition("\t")
        tail = identity.rsplit("~", 1)[-1]
        if (vowel_pattern(tail[1:]) if tail.startswith("=") else tail) != plain:
            continue
        if " " not in identity:
            spelled[identity] = spelled.get(identity, 0) + count
        elif exact is None or written in ("", exact):
            persons[identity] = persons.get(identity, 0) + count
    return persons, spelled


def store_choice(row: MentionRow, anchors: Mapping[str, int]) -> str:
    """What the whole store decides for every bare name with ``row``'s key and plain spelling
    (``decide`` without the story), however each is written: when it changes, their mentions are
    decided again. It depends on the key and spelling only, never on which row asks. Its second part
    ("|"-separated) is the dominant Latin spelling, which only bare names in other scripts follow
    (``latin_part_only_changed``); then, for each exact spelling of a full name's surname, the full
    name a bare Latin name spelled so would join."""
    plain = spelling_of(row)
    persons, spelled = _alike(row.key.startswith("#"), plain, None, anchors)
    written = sorted({anchor.partition("\t")[2] for anchor in anchors if anchor.partition("\t")[0] in persons})
    by_spelling = [f"{exact}:{supported(_alike(False, plain, exact, anchors)[0])}" for exact in written]
    return "|".join([str(dominant(persons)), str(dominant(spelled)), *by_spelling])


def latin_part_only_changed(before: str | None, after: str) -> bool:
    """Whether two store choices differ only in the dominant Latin spelling."""
    if before is None:
        return after.split("|")[0] == "None" and len(after.split("|")) == 2
    old, new = before.split("|"), after.split("|")
    return old[1] != new[1] and old[:1] + old[2:] == new[:1] + new[2:]


def link_entities(rows: Iterable[MentionRow]) -> tuple[list[Entity], dict[tuple[str, str, str], str]]:
    """Entities over all mentions, and each (article, key, given) mention's entity identity.

    The from-scratch reference: the store keeps the same result incrementally (``decide`` is the
    one rule both use) and its tests compare the two.
    """
    rows = list(rows)
    full_by_key: dict[str, Counter[str]] = defaultdict(Counter)  # the anchors
    full_by_story: dict[tuple[int | None, str], set[str]] = defaultdict(set)  # the full names
    story_names: dict[int, set[tuple[str, str]]] = defaultdict(set)  # each story's (key, full name)
    for row in rows:
        if is_anchor(row):
            full_by_key[row.key][anchor_of(row)] += 1
        if is_full_name(row):
            full_by_story[(row.story_id, row.key)].add(anchor_of(row))
            if row.story_id is not None:
                story_names[row.story_id].add((row.key, anchor_of(row)))
    links = {  # an entity's identity held once, however many mentions it has (a rebuild holds them all)
        mention_id(row): sys.intern(
            decide(
                row,
                full_by_story.get((row.story_id, row.key), set()),
                full_by_key.get(row.key),
                read_back(row, story_names.get(row.story_id, set()) if row.story_id is not None else set()),
            )
        )
        for row in rows
    }
    members: dict[str, list[MentionRow]] = defaultdict(list)
    for row in rows:
        members[links[mention_id(row)]].append(row)
    entities = [_entity(identity, group) for identity, group in members.items()]
    return entities, links


def mention_id(row: MentionRow) -> tuple[str, str, str]:
    return (row.article_id, row.key, row.given)


def is_full_name(row: MentionRow) -> bool:
    """A person's given name and surname: a bare surname may join it. Nothing bare joins a name of
    another kind ("Harry Potter" read as a title, "App Settings", "Ford Mondeo" would take every
    "Peter", "Zeitung" and "Mondays"), nor one that goes on in lowercase ("Белия дом")."""
    return (
        row.kind == "person"
        and bool(row.given)
        and row.given != row.key
        and not row.surface.rsplit(" ", 1)[-1][:1].islower()
    )


def decide(
    row: MentionRow, full_in_story: set[str], anchors: Mapping[str, int] | None, read: frozenset[str] = frozenset()
) -> str:
    """The entity a mention names: its own identity, except for a bare name that has anchors spelled
    as it in the store, which joins the one its story or the store makes clear (see the module doc),
    and a name in Chinese characters its story's full names read back as one person.
    ``anchors``: anchor (``anchor_of``) -> rows, of the anchors with the row's key; ``full_in_story``:
    the anchors of the full names with that key in the row's story; ``read``: the persons its story's
    full names in other scripts read the row's name back as (``read_back``)."""
    if len(read) == 1:
        return next(iter(read))
    identity = identity_of(row)
    if (
        row.given
        or row.kind == "place"
        or not anchors
        or is_spelled_out(row)
        or is_named_organisation(row.kind, row.surface)
    ):
        return identity
    persons, spelled = alike_anchors(row, anchors)
    in_story, _ = alike_anchors(row, dict.fromkeys(full_in_story, 1))
    least = MIN_SUPPORT if is_latin_bare(row) else 1
    if persons and (is_common_word(row) or is_first_name_only(row)):  # "Short", "Luca": unless its story says so
        persons = {}
    chosen = context_choice(set(in_story), persons, least) if persons or in_story else None
    if chosen is None and not is_latin_bare(row):
        chosen = dominant(spelled)
    return chosen or identity


def reads_back(row: MentionRow) -> bool:
    """Whether a mention is a person's name in Chinese characters that may be read back in Latin letters
    (``chinese.latin_keys``)."""
    return row.kind == "person" and row.language in READ_BACK_LANGUAGES and bool(latin_keys(row.lemma))


def read_back(row: MentionRow, story_names: Iterable[tuple[str, str]]) -> frozenset[str]:
    """The persons among its story's full names (``(key, anchor_of)`` pairs) that a name in Chinese
    characters reads back as: those whose surname's key is one its characters may be spelled with
    (特朗普: "trmp" of Donald Trump and of Дональд Трамп, one identity). ``decide`` takes the one
    when there is exactly one; Donald and Melania Trump in one story leave 特朗普 as it is. Names
    in characters never read each other back: their keys are characters, no reading's."""
    if not reads_back(row):
        return frozenset()
    readings = latin_keys(row.lemma)
    return frozenset(anchor.partition("\t")[0] for key, anchor in story_names if key in readings)


def context_choice(in_story: set[str], in_store: Mapping[str, int], least: int = 1) -> str | None:
    if len(in_story) == 1:
        return next(iter(in_story))
    return supported(in_store, least)


def supported(in_store: Mapping[str, int], least: int = MIN_SUPPORT) -> str | None:
    """The dominant full name, if the store writes it in at least ``least`` articles. A bare name in
    Latin script asks for ``MIN_SUPPORT``: one page's run of capitalised words misread as a person's
    name ("Nikol Paryan Facebook", "File Photo Reuters") takes no bare word of another story. (Names in
    other scripts are typed by morphology or a model, and "Зеленского" joins "Володимир Зеленський"
    however few articles write it.)"""
    chosen = dominant(in_store)
    return chosen if chosen is not None and in_store[chosen] >= least else None


def dominant(in_store: Mapping[str, int]) -> str | None:
    """The full name written at least ``DOMINANCE`` times as often as any other, if one is."""
    ranked = sorted(in_store.items(), key=lambda item: (-item[1], item[0]))[:2]
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= DOMINANCE * ranked[1][1]:
        return ranked[0][0]
    return None


@dataclass(frozen=True)
class VariantCount:
    """How often an entity is written one way: summed mentions, and the number of mention rows."""

    surface: str
    language: str | None
    lemma: str
    kind: str
    mentions: int
    rows: int


def variant_counts(rows: Iterable[MentionRow]) -> list[VariantCount]:
    counts: dict[tuple[str, str | None, str, str], list[int]] = {}
    for row in rows:
        found = counts.setdefault((row.surface, row.language, row.lemma, row.kind), [0, 0])
        found[0] += row.count
        found[1] += 1
    return [VariantCount(*key, mentions, number) for key, (mentions, number) in counts.items()]


@dataclass(frozen=True)
class EntitySummary:
    name: str
    kind: str
    variants: tuple[EntityVariant, ...]


def summarise(identity: str, counts: Sequence[VariantCount]) -> EntitySummary:
    """Name, type and written forms of an entity, from its variant counts (order does not matter)."""
    variants: Counter[tuple[str, str | None]] = Counter()
    for count in counts:
        variants[(count.surface, count.language)] += count.mentions
    return EntitySummary(
        name=display_name(identity, counts),
        kind=kind_from_counts(counts),
        variants=tuple(
            EntityVariant(surface, language, number)
            for (surface, language), number in sorted(variants.items(), key=lambda i: (-i[1], i[0][0], i[0][1] or ""))
        ),
    )


def kind_from_counts(counts: Sequence[VariantCount]) -> str:
    """The type most of an entity's typed mentions give (their rows: one an article), "misc" where none
    is typed. A person's type needs at least ``PERSON_MIN_SHARE`` of all its rows, typed or not: one
    article's misreading ("Twitterze" read as a Polish surname) does not make a person of a name forty
    others leave untyped; organisations and places come from lists and words that rarely misfire so."""
    kinds: Counter[str] = Counter()
    for count in counts:
        if count.kind != "misc":
            kinds[count.kind] += count.rows
    if kinds["person"] and kinds["person"] < PERSON_MIN_SHARE * sum(count.rows for count in counts):
        del kinds["person"]
    return min(kinds, key=lambda k: (-kinds[k], k)) if kinds else "misc"


def _entity(identity: str, rows: list[MentionRow]) -> Entity:
    summary = summarise(identity, variant_counts(rows))
    return Entity(
        identity=identity,
        name=summary.name,
        kind=summary.kind,
        variants=summary.variants,
        article_ids=tuple(sorted({row.article_id for row in rows})),
        story_ids=tuple(sorted({row.story_id for row in rows if row.story_id is not None})),
    )


def display_name(identity: str, counts: Sequence[VariantCount]) -> str:
    """A place's English name; else the fullest name someone wrote in Latin script, else the
    fullest lemma transliterated. "Fullest" stops at three words: longer runs are usually two
    names glued by the page."""
    if ":" in identity:
        places: Counter[str] = Counter()
        for count in counts:
            if count.kind == "place":
                places[count.lemma] += count.rows
        if places:
            return (
                _english_usage(identity, counts)
                or _place_named_now(identity)
                or min(places, key=lambda lemma: (-places[lemma], lemma))
            )
    lemmas: Counter[str] = Counter()
    languages: dict[str, Counter[str]] = {}
    for count in counts:
        lemma = _POSSESSIVE.sub("", count.lemma)
        lemmas[lemma] += count.mentions
        languages.setdefault(lemma, Counter())[count.language or ""] += count.mentions
    if identity.startswith("#"):  # "Indian Express AP": a credit line's run, not what the acronym spells out
        bare = Counter({lemma: n for lemma, n in lemmas.items() if not _acronym_among_other_words(lemma, identity)})
        lemmas = bare or lemmas  # "Leave.EU" alone: the name it was written as
    latin_forms = [lemma for lemma in lemmas if is_latin(lemma)]
    pool = latin_forms or list(lemmas)
    if not pool:
        return identity

    def fullness(lemma: str) -> tuple[int, bool, int, str]:
        """The fullest name, then one English-language articles write ("Islamic State", not the German
        lemma "Islamische Staat" of as many words), then the one written most."""
        words = lemma.split()
        in_english = languages[lemma]["en"] > 0
        if _glued_to_itself(words):
            return (0, in_english, lemmas[lemma], lemma)
        return (min(len(words), MAX_NAME_WORDS) - (len(words) > MAX_NAME_WORDS), in_english, lemmas[lemma], lemma)

    chosen = max(pool, key=fullness)
    if is_latin(chosen) and ":" not in identity and (fuller := _given_names_before(chosen, lemmas, languages, counts)):
        return fuller
    if is_latin(chosen):  # a gazetteer's or an institution's id: its English name, as the lemma holds it
        return chosen if ":" in identity else _written_form(chosen, counts)
    language = _written_most_in(languages[chosen])
    if kind_from_counts(counts) == "person" and (spelled := latin_name(chosen, language or None)):
        return spelled  # a foreign name transcribed into Cyrillic, given back its own spelling: Donald Trump
    # in its own language's convention: Volodymyr from Ukrainian, Wang Yi from Chinese
    return romanise(chosen, language or None, person=kind_from_counts(counts) == "person")


def _acronym_among_other_words(lemma: str, identity: str) -> bool:
    """Whether an acronym's entity was written with the acronym itself among other words ("Indian Express
    AP", a credit line's run): a name it stands for never holds it."""
    words = [word.casefold() for word in lemma.split()]
    return len(words) > 1 and identity.removeprefix("#").casefold() in words


def _written_most_in(languages: Counter[str]) -> str:
    """The language that writes a lemma most ('' for none known), the first by code on a tie."""
    return min(languages, key=lambda code: (-languages[code], code))


def _given_names_before(
    surname: str, lemmas: Counter[str], languages: Mapping[str, Counter[str]], counts: Sequence[VariantCount]
) -> str | None:
    """A person whom Latin-script text names by the surname alone ("Zelensky") while articles in another
    script give the full name ("Володимиром Зеленським": Володимир Зеленський): the given names
    romanised by that language's convention, then the surname as the Latin text writes it ("Volodymyr
    Zelensky"). The full name is the one written most among a person's full names of that surname (its
    last word has the surname's key), of at most ``MAX_NAME_WORDS`` words and not glued to itself; its
    given names romanised must be first names some locale lists."""
    if " " in surname or not name_key(surname):
        return None
    persons = {_POSSESSIVE.sub("", count.lemma) for count in counts if count.kind == "person"}
    full = [
        lemma
        for lemma in lemmas
        if lemma in persons
        and not is_latin(lemma)
        and 2 <= len(words := lemma.split()) <= MAX_NAME_WORDS
        and not _glued_to_itself(words)
        and name_key(words[-1]) == name_key(surname)
    ]
    if not full:
        return None
    chosen = min(full, key=lambda lemma: (-lemmas[lemma], lemma))
    language = _written_most_in(languages[chosen])
    given = romanise(" ".join(chosen.split()[:-1]), language or None)
    from storyline.stages.given_names import is_given_name  # loaded on an ingest's linking

    # only given names some locale lists as written: a romanisation no reader knows ("Antani" for
    # Антъни, Antony) would put a wrong name before a right one
    return f"{given} {surname}" if all(is_given_name(word) for word in given.split()) else None


def _written_form(lemma: str, counts: Sequence[VariantCount]) -> str:
    """A name of several words as an article wrote it, in a language whose names are written as is
    (``_WRITTEN_AS_IS``), unless it is a person's. Dictionary forms taken word by word turn "Las Vegas"
    into "La Vegas", "Apple Podcasts" into "Apple Podcast" and drop the agreement of German adjectives
    ("Europäisch Union", "Islamisch Staat"). A person's name is its words' own, and where names take
    case endings (Polish "Unii Europejskiej", Turkish "Maliye Bakanlığında") the dictionary forms are the
    nominative that the written ones are not. Among the spellings, the one whose words end nearest the
    dictionary forms (``_endings_apart``), then the one written most; not one in capitals where another
    is written otherwise."""
    words = lemma.casefold().split()
    if len(words) < 2:
        return lemma
    written: Counter[str] = Counter()
    persons = mentions = 0
    for count in counts:
        if _POSSESSIVE.sub("", count.lemma) != lemma:
            continue
        mentions += count.mentions
        persons += count.mentions if count.kind == "person" else 0
        surface = APOSTROPHE_SUFFIX.sub("", _POSSESSIVE.sub("", count.surface))
        if count.language in _WRITTEN_AS_IS and is_latin(surface) and len(surface.split()) == len(words):
            written[surface] += count.mentions
    if not written or 2 * persons > mentions:
        return lemma

    def nearness(surface: str) -> tuple[int, bool, int, str]:
        return (-_endings_apart(surface.casefold().split(), words), not surface.isupper(), written[surface], surface)

    best = max(written, key=nearness)
    return lemma if best.casefold() == lemma.casefold() else best


def _endings_apart(words: Sequence[str], others: Sequence[str]) -> int:
    """How many letters two spellings' words differ by at their ends, word by word ("Europäische" is one
    from "europäisch", "Europäischen" two): the nearer to a dictionary form, the likelier the nominative."""
    return sum(len(a) + len(b) - 2 * len(os.path.commonprefix([a, b])) for a, b in zip(words, others, strict=True))


def _glued_to_itself(words: Sequence[str]) -> bool:
    """A run that repeats a word of four letters or more ("Mirador Virtual Mirador Virtual", "Gazetesi
    Türkiye Gazetesi", "Wladimir Putin Putin"): a page's heading glued to the name. Particles repeat in
    names ("Bin Turki Bin Abdulaziz"); longer words almost never."""
    seen: set[str] = set()
    for word in words:
        folded = word.casefold()
        if len(folded) >= 4 and folded in seen:
            return True
        seen.add(folded)
    return False


def _place_named_now(identity: str) -> str | None:
    """A country or its region by the gazetteer's English name for it now, whatever name its mentions were
    stored with ("Lower Saxony" where an older build stored "Niedersachsen", "Turkey" for "Türkiye"); None for
    any other id."""
    country, dash, code = identity.removeprefix("iso:").partition("-")
    if not identity.startswith("iso:"):
        return None
    place = find_region_by_code(country, code) if dash else find_country_by_code(country)
    return place.name if place is not None else None


def _english_usage(identity: str, counts: Sequence[VariantCount]) -> str | None:
    """A country's name as the store's English articles write it most, among its English names (the
    CLDR's and GeoNames': Turkey or Türkiye), where they write one; never an acronym ("US"). A
    country's subdivision (ISO 3166-2, whose names are its own languages') the same way, among the
    names the gazetteer knows it by ("Styria", "Tyrol" for Steiermark, Tirol). Not a city: English
    text misreads words as a city's rarer names ("Quds"), but for its official name's opening words where
    the articles write those most (``_short_city_name``)."""
    code = identity.removeprefix("iso:")
    if identity.startswith("geo:"):
        return _short_city_name(identity, counts) or _english_exonym(identity, counts)
    if not identity.startswith("iso:"):
        return None
    allowed = english_country_names(code)
    if not allowed and "-" not in code:
        return None
    written: Counter[str] = Counter()
    for count in counts:
        name = _POSSESSIVE.sub("", count.surface)
        if count.kind != "place" or count.language != "en" or name.casefold().endswith(" state"):
            continue  # "Adamawa state": the region's name with its noun, no other name of it
        if name.casefold() in allowed if allowed else _names_subdivision(name, identity):
            written[name.title() if name.isupper() else name] += count.mentions
    return min(written, key=lambda name: (-written[name], name)) if written else None


def _english_exonym(identity: str, counts: Sequence[VariantCount]) -> str | None:
    """A city whose own name has letters English does not write, and which the store's English articles
    name otherwise more often than by it ("Cologne" for Köln, "Gothenburg" for Göteborg): that name, where the
    gazetteer finds this city by it, whether or not it is a word too ("cologne"). Not the own name without its
    accents ("Dusseldorf"), and not a city whose own name English writes as it is (Jerusalem, which an
    article's "Quds" is no English name of)."""
    name = _gazetteer_name(counts)
    if name is None or name.isascii():
        return None
    in_english = _place_spellings(counts, lambda count: count.language == "en")
    plain = without_accents(name).casefold()
    exonyms = {
        form: n
        for form, n in in_english.items()
        if form.isascii() and form.isalpha() and without_accents(form).casefold() != plain and n > in_english[name]
    }
    form = _written_most(exonyms)
    return form if form is not None and _finds(form, identity) is not None else None


def _short_city_name(identity: str, counts: Sequence[VariantCount]) -> str | None:
    """A city the gazetteer names by its official name ("Frankfurt am Main", "Xalapa de Enríquez", "Chilapa de
    Álvarez") that the articles, in Latin script, write by its opening words more often than whole: those
    words ("Frankfurt", "Xalapa"), where the gazetteer finds this city by them too and they are no common
    word of the articles' languages or of English ("Gold" of Gold Coast). Not a metropolis, whose shorter
    name is often its region's as well ("New York" of New York City)."""
    name = _gazetteer_name(counts)
    if name is None:
        return None
    written = _place_spellings(counts, lambda count: is_latin(count.surface))
    form = _written_most({form: n for form, n in written.items() if name.startswith(form + " ") and n > written[name]})
    place = _finds(form, identity) if form is not None else None
    if form is None or place is None or place.population >= METROPOLIS_POPULATION:
        return None
    from storyline.stages import lemmas  # the dictionaries load on an ingest's linking, never for reading

    languages = {count.language for count in counts if _POSSESSIVE.sub("", count.surface) == form} | {"en"}
    if any(lemmas.common_word(form.casefold(), language) for language in languages if language):
        return None  # "Gold" for Gold Coast: a word the articles wrote, not the city's shorter name
    return form


def _gazetteer_name(counts: Sequence[VariantCount]) -> str | None:
    """The name the gazetteer gives a place, as its mentions' lemmas hold it most."""
    names = [count.lemma for count in counts if count.kind == "place"]
    return max(set(names), key=names.count) if names else None


def _place_spellings(counts: Sequence[VariantCount], keep: Callable[[VariantCount], bool]) -> Counter[str]:
    """How often the mentions ``keep`` accepts write a place each way: without a possessive, a name in
    capitals as a title ("KÖLN": Köln)."""
    written: Counter[str] = Counter()
    for count in counts:
        surface = _POSSESSIVE.sub("", count.surface)
        if count.kind == "place" and keep(count):
            written[surface.title() if surface.isupper() else surface] += count.mentions
    return written


def _written_most(forms: Mapping[str, int]) -> str | None:
    """The form written most, the first in order among as many."""
    return min(forms, key=lambda form: (-forms[form], form)) if forms else None


def _finds(form: str, identity: str) -> Place | None:
    """The place the gazetteer finds by ``form``, where it is the entity's own."""
    place = find_place(form)
    return place if place is not None and place.id == identity else None


def _names_subdivision(name: str, identity: str) -> bool:
    """A name the gazetteer knows the subdivision by, not in capitals as an acronym is ("NRW")."""
    if name.isupper() and len(name) <= MAX_ACRONYM:
        return False
    place = find_place(name)
    return place is not None and place.id == identity


def transliterate(text: str) -> str:
    """Any script in Latin letters, whatever its language (``romanise``'s fallback)."""
    return romanise(text, None)
