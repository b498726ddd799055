"""Polish names of several words in their dictionary form, as a Polish reader writes them, from the
grammar of Morfeusz 2 and its SGJP dictionary (the ``morfeusz2`` wheel; loaded once, 0.1 s and about
45 MiB, when the first Polish name needs it), and what kind of name a word is (``name_kind``).

A name is inflected as a phrase: its head noun and the adjectives that agree with it go into the
nominative, and what follows them (a noun in the genitive and its own adjectives, a preposition's
phrase) stays as written. Taken word by word, "Ministerstwa Zdrowia" was "Ministerstwo Zdrowie",
"Prokuratury Okręgowej" "Prokuratura Okręgowy" (the masculine of every adjective) and "Sylwestra
Marzeń" "Sylwester Marzyć" (a verb's); as a phrase they are Ministerstwo Zdrowia, Prokuratura
Okręgowa and Sylwester Marzeń. A name the dictionary does not read as adjectives and a noun is left
to the word-by-word forms (``nominative_phrase`` returns None).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from storyline.stages.keys import as_written

_NOUN = ("subst",)
_ADJECTIVE = ("adj", "ppas", "pact")  # adjectives and participles ("Zjednoczonej", "Stanów Zjednoczonych")
# words that join two names of the same case ("Prawa i Sprawiedliwości"): each is in the nominative
# on its own, so the phrase is not read as a head and its complement
_CONJUNCTIONS = frozenset({"i", "oraz", "lub", "albo", "czy", "a"})
# the dictionary's classes of a person's names: a phrase headed by one is a person's name, whose words
# all take the case ("Magdalena Pietrzak"), which the entity stage reads apart
_PERSONAL = frozenset({"imię", "nazwisko"})
# what each class of the dictionary's proper names makes a word the entity stage reads alone
_NAME_KINDS = {
    "imię": "given",
    "nazwisko": "person",
    "nazwa_geograficzna": "place",
    "człon_nazwy_geograficznej": "place",
    "nazwa_firmy": "org",
    "nazwa_organizacji": "org",
}


@dataclass(frozen=True)
class Reading:
    """One reading of a word: its dictionary form, part of speech, number, cases, genders and what
    else its tag says (an adjective's degree, a participle's aspect and polarity)."""

    lemma: str  # as the dictionary writes it, with its homonym mark ("polski:A")
    part: str
    number: str
    cases: frozenset[str]
    genders: frozenset[str]
    rest: tuple[str, ...]  # "pos" of "Głównej": its nominative is "Główna", not the superlative
    personal: bool = False  # a first name's or a family name's reading ("Agnieszka", "Pietrzaka")


@lru_cache(maxsize=1)
def _morfeusz() -> Any:
    import morfeusz2

    return morfeusz2.Morfeusz(expand_tags=False, generate=True)


@lru_cache(maxsize=16_384)
def readings(word: str) -> tuple[Reading, ...]:
    """The dictionary's readings of one word as a noun or an adjective (none for a word it splits into
    several segments, or does not know)."""
    found = []
    for start, end, (_form, lemma, tag, names, _labels) in _morfeusz().analyse(word):
        if (start, end) != (0, 1):
            return ()
        fields = tag.split(":")
        if fields[0] in _NOUN + _ADJECTIVE and len(fields) >= 4:
            cases, genders = frozenset(fields[2].split(".")), frozenset(fields[3].split("."))
            personal = bool(_PERSONAL & set(names))
            found.append(Reading(lemma, fields[0], fields[1], cases, genders, tuple(fields[4:]), personal))
    return tuple(found)


@lru_cache(maxsize=16_384)
def known(word: str) -> bool:
    """Whether the dictionary knows the word (as one segment, in any reading)."""
    return all(start == 0 and end == 1 and tag != "ign" for start, end, (*_, tag, _n, _l) in _morfeusz().analyse(word))


# the dictionary's classes of a verb's forms: finite, future of "być", past, imperative, impersonal, infinitive,
# the adverbial participles, "winien" and the predicatives
_VERB = ("fin", "bedzie", "praet", "impt", "imps", "inf", "pcon", "pant", "winien", "pred")


@lru_cache(maxsize=16_384)
def verb_only(word: str) -> bool:
    """Whether every reading the dictionary has of the word is a verb's form ("Dokładamy", we add; "Zawiera",
    it holds): a capitalised one opened a sentence, or a heading run on into it, and names nothing."""
    found = list(_morfeusz().analyse(word))
    return bool(found) and all(
        (start, end) == (0, 1) and tag.split(":")[0] in _VERB for start, end, (_f, _l, tag, _n, _la) in found
    )


@lru_cache(maxsize=16_384)
def name_kind(word: str) -> str | None:
    """What the dictionary says a capitalised word names, where every reading it has of the word is a
    proper name of one kind: "given" (a first name: "Mahomet", "Siergieja"), "person" (a family name:
    "Jakóbik", "Trumpa"), "place" ("Bałtyku", "Modlina") or "org" ("Orlen"). None where a reading is a
    common word's ("Kraska", a bird; "Warszawa", also a family name), or the kinds differ."""
    kinds = set()
    for start, end, (_form, _lemma, _tag, names, _labels) in _morfeusz().analyse(word):
        named = {_NAME_KINDS[name] for name in names if name in _NAME_KINDS}
        if (start, end) != (0, 1) or not named or len(named) != len(names):
            return None
        kinds |= named
    if kinds == {"given", "person"}:
        return "given"  # "Siergieja": a first name that is also someone's family name
    return next(iter(kinds)) if len(kinds) == 1 else None


def nominative_phrase(run: list[str]) -> list[str] | None:
    """The name's words with its head noun and the adjectives that agree with it in the nominative
    (the rest as written), or None where the dictionary does not read its first words as adjectives
    agreeing with a noun, or where a conjunction joins its words. Of the readings, the one that agrees
    over the most words ("Polskiej Agencji Prasowej": the noun is "Agencji", not "Polskiej", Poland),
    then a singular, then a common noun's ("Wojska" of "wojsko", not of the name "Wojsk")."""
    if len(run) < 2 or any(word.casefold() in _CONJUNCTIONS for word in run):
        return None
    if not all(known(word) for word in run if not word.islower()):
        return None  # a foreign name: "New York Times" is no "Newy" (of the river Newa) with "York Times"
    parsed = [readings(word) for word in run]
    best: tuple[tuple[int, bool, bool], int, Reading] | None = None
    for head, found in enumerate(parsed):
        for noun in (reading for reading in found if reading.part in _NOUN):
            if not all(_agreeing_reading(parsed[index], noun) for index in range(head)):
                continue
            end = head + 1
            while end < len(run) and _agreeing_reading(parsed[end], noun):
                end += 1
            rank = (end, noun.number == "sg", noun.lemma[:1].islower())
            if best is None or rank > best[0]:
                best = (rank, head, noun)
        if _agreeing_reading(found, _ANY) is None:
            break  # a noun further on would need this word to be its adjective
    if best is None:
        return None
    (end, _singular, _common), head, noun = best
    if noun.personal:
        return None  # "Agnieszka Adamskiej", "Sylwia Wysockiej": a person's name, not a phrase and its complement
    forms = [
        _noun_nominative(noun) if index == head else _adjective_nominative(parsed[index], noun) for index in range(end)
    ]
    written = [as_written(run[index], form) for index, form in enumerate(forms) if form is not None]
    return [*written, *run[end:]] if len(written) == end else None


def _agreeing_reading(found: tuple[Reading, ...], noun: Reading) -> Reading | None:
    """The reading of a word as an adjective agreeing with ``noun`` (``_ANY``: as any adjective)."""
    for reading in found:
        if reading.part in _ADJECTIVE and (
            noun is _ANY
            or (reading.number == noun.number and reading.cases & noun.cases and reading.genders & noun.genders)
        ):
            return reading
    return None


_ANY = Reading("", "", "", frozenset(), frozenset(), ())


def _noun_nominative(noun: Reading) -> str | None:
    if noun.number == "sg":
        return _bare(noun.lemma)
    return _generated(noun.lemma, noun, _NOUN, noun.rest)


def _adjective_nominative(found: tuple[Reading, ...], noun: Reading) -> str | None:
    adjective = _agreeing_reading(found, noun)
    return _generated(adjective.lemma, noun, (adjective.part,), adjective.rest) if adjective is not None else None


def _generated(lemma: str, noun: Reading, parts: tuple[str, ...], rest: tuple[str, ...] = ()) -> str | None:
    """The form of ``lemma`` in the nominative, in the noun's number and one of its genders (and, for an
    adjective, its own degree or a participle's aspect and polarity: ``rest``)."""
    for form, tag in _forms(lemma):
        fields = tag.split(":")
        if (
            fields[0] in parts
            and len(fields) >= 4
            and fields[1] == noun.number
            and "nom" in fields[2].split(".")
            and set(fields[3].split(".")) & noun.genders
            and tuple(fields[4:]) == rest
        ):
            return form
    return None


@lru_cache(maxsize=4096)
def _forms(lemma: str) -> tuple[tuple[str, str], ...]:
    """Every form of a dictionary word with its tag."""
    return tuple((str(form), str(tag)) for form, _lemma, tag, _names, _labels in _morfeusz().generate(lemma))


def _bare(lemma: str) -> str:
    """The dictionary form without its homonym mark ("Sylwester:Sm1~tra" is Sylwester)."""
    return lemma.split(":", 1)[0]
