"""Polish names of several words in their dictionary form, read as a phrase (Morfeusz 2's dictionary)."""

from __future__ import annotations

import pytest

from storyline.stages.polish_grammar import name_kind, nominative_phrase


@pytest.mark.parametrize(
    ("written", "nominative"),
    [
        # the head noun in the nominative, its genitive complement as written
        ("Ministerstwa Zdrowia", "Ministerstwo Zdrowia"),
        ("Kancelarii Prezesa Rady Ministrów", "Kancelaria Prezesa Rady Ministrów"),
        ("Sylwestra Marzeń", "Sylwester Marzeń"),  # not the verb "marzyć"
        # adjectives agree with the noun in gender, before it and after it, in their own degree
        ("Prokuratury Okręgowej", "Prokuratura Okręgowa"),
        ("Narodowego Banku Polskiego", "Narodowy Bank Polski"),
        ("Komendy Głównej Policji", "Komenda Główna Policji"),  # not the superlative
        ("Wojska Polskiego", "Wojsko Polskie"),  # the common noun, not the name "Wojsk"
        # the noun that agrees over most words: "Polskiej" is no noun (Poland) here
        ("Polskiej Agencji Prasowej", "Polska Agencja Prasowa"),
        ("Białego Domu", "Biały Dom"),
        # participles agree as adjectives do, in the plural too
        ("Stanów Zjednoczonych", "Stany Zjednoczone"),
        ("Zjednoczonej Prawicy", "Zjednoczona Prawica"),
        # a preposition's phrase stays as written
        ("Sądu Rejonowego dla Warszawy", "Sąd Rejonowy dla Warszawy"),
    ],
)
def test_a_name_is_inflected_as_a_phrase(written: str, nominative: str) -> None:
    assert nominative_phrase(written.split()) == nominative.split()


@pytest.mark.parametrize(
    "written",
    [
        "Prawa i Sprawiedliwości",  # a conjunction joins two nouns of one case: each takes it
        "New York Times",  # a foreign name: "New" is no genitive of the river Newa
        "Agnieszka Adamskiej",  # a person's names all take the case
        "Magdalena Pietrzaka",
        "Bundesligi",  # one word
    ],
)
def test_no_phrase_where_the_dictionary_does_not_read_one(written: str) -> None:
    assert nominative_phrase(written.split()) is None


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("Jakóbik", "person"),  # a family name only
        ("Trumpa", "person"),
        ("Siergieja", "given"),  # a first name, also someone's family name
        ("Bałtyku", "place"),
        ("Orlen", "org"),
        ("Kraska", None),  # also a bird
        ("Warszawa", None),  # a place and a family name
        ("Ryanair", None),  # not in the dictionary
    ],
)
def test_a_word_names_what_every_reading_of_it_names(word: str, kind: str | None) -> None:
    assert name_kind(word) == kind
