"""Foreign names in the case endings of Polish, Czech, Slovak, Slovenian and Croatian."""

from __future__ import annotations

import pytest

from storyline.models import Article, EntityMention
from storyline.stages.entities import extract_entities
from storyline.stages.keys import name_key
from storyline.stages.name_endings import case_forms_named_again, latin_slavic_nominative
from storyline.stages.name_filters import Found


def _mentions(text: str, language: str) -> dict[str, EntityMention]:
    (article,) = extract_entities([Article(id="a", text=text, language=language)])
    return {m.key: m for m in article.entities}


@pytest.mark.parametrize(
    ("run", "language", "nominative"),
    [
        (["Donaldem", "Trumpem"], "cs", ["Donald", "Trump"]),  # the given name's ending, off the surname too
        (["Donaldu", "Trumpovi"], "cs", ["Donald", "Trump"]),  # the dative: -u and -ovi
        (["Joea", "Bidena"], "cs", ["Joe", "Biden"]),
        (["Theresy", "Mayové"], "cs", ["Theresa", "May"]),  # a foreign woman's surname in -ová
        (["Jana", "Nováková"], "cs", None),  # Czech lists hold Nováková: a Czech surname as it is
        (["Donald", "Trump"], "cs", None),  # the nominative already
        (["Lech", "Wałęsa"], "pl", None),  # a Polish surname ending in -a, after a given name in the nominative
        (["Joego", "Bidena"], "pl", ["Joe", "Biden"]),  # a given name in -e declines as an adjective
        (["Joemu", "Bidenowi"], "pl", ["Joe", "Biden"]),
        (["Joeju", "Bidnu"], "sl", ["Joe", "Bidn"]),  # Slovenian's -j- (the fleeting e stays dropped)
        (["Keirem", "Starmerem"], "pl", ["Keir", "Starmer"]),  # an unlisted first name: the ending both take
        (["Giorgią", "Meloni"], "pl", ["Giorgia", "Meloni"]),  # Polish feminine instrumental of a listed name
        (["Gazetą", "Krakowską"], "pl", None),  # no first name: a newspaper in the instrumental
        (["Beata", "Szydła"], "pl", None),  # the genitive's -a is also a woman's nominative
    ],
)
def test_a_foreign_name_in_a_case_is_read_back_in_the_nominative(
    run: list[str], language: str, nominative: list[str] | None
) -> None:
    assert latin_slavic_nominative(run, language) == nominative


def test_a_name_in_a_case_is_keyed_as_its_nominative_across_languages() -> None:
    czech = _mentions("Setkal se s Donaldem Trumpem a s Theresou Mayovou.", "cs")
    english = _mentions("He met Donald Trump and Theresa May.", "en")
    assert czech[name_key("Trump")].lemma == "Donald Trump"
    assert czech[name_key("May")].lemma == "Theresa May"
    assert set(czech) == set(english)


def test_a_name_alone_in_a_case_is_the_name_its_article_writes() -> None:
    found = [
        Found("rnr", "", "Ryanair", "org", "Ryanair"),
        Found("rnrs", "", "Ryanairze", "misc", "Ryanairze"),
        Found("trmp", "dnld", "Donald Trump", "person", "Donald Trump"),
        Found("trmpv", "", "Trumpův", "misc", "Trumpův"),
        Found("nvk", "", "Novaka", "misc", "Novaka"),  # no "Novak" in the article: left as it is
    ]
    polish = case_forms_named_again(found, "pl")
    assert polish[1] == Found("rnr", "", "Ryanairze", "org", "Ryanair")
    assert polish[3] == found[3] and polish[4] == found[4]  # "-ův" is Czech's
    czech = case_forms_named_again(found, "cs")
    assert czech[3] == Found("trmp", "", "Trumpův", "person", "Trump")
    assert case_forms_named_again(found, "en") == found


def test_a_union_whose_first_word_ends_like_a_given_names_case_stays_the_union() -> None:
    """ "Unia" reads as a listed first name ("Uni") with the genitive's -a: the gazetteer's union comes first."""
    (union,) = _mentions("Wczoraj Unia Europejska zdecydowała o sankcjach.", "pl").values()
    assert (union.key, union.kind) == ("org:EU", "org")


def test_a_foreign_womans_surname_in_ova_from_the_census_lists_too() -> None:
    """Faker's lists lack "Merkel"; the census's family names hold it."""
    assert latin_slavic_nominative(["Angely", "Merkelové"], "cs") == ["Angela", "Merkel"]


def test_a_slovenian_genitive_is_the_same_person_as_the_nominative_elsewhere() -> None:
    slovenian = _mentions("Upajo, da bo vlada predsednika Joeja Bidna vpeljala strategijo.", "sl")
    czech = _mentions("Prezident Joe Biden to řekl.", "cs")
    (biden,) = czech.values()
    assert slovenian[biden.key].given == biden.given
    assert slovenian[biden.key].kind == czech[biden.key].kind == "person"


def test_a_womans_surname_alone_in_ova_is_the_woman_her_article_names() -> None:
    found = [
        Found("m", "trs", "Theresa Mayová", "person", "Theresa May"),
        Found("mv", "", "Mayové", "misc", "Mayové"),
        Found("kls", "vclv", "Václav Klaus", "person", "Václav Klaus"),
        Found("klsv", "", "Klausová", "misc", "Klausová"),  # his wife, not him: the article writes no "-ová" of his
    ]
    czech = case_forms_named_again(found, "cs")
    assert czech[1] == Found("m", "", "Mayové", "person", "May")
    assert czech[3] == found[3]


def test_a_first_name_alone_in_a_case_is_the_one_person_of_the_article_it_opens_the_name_of() -> None:
    theresa = Found("m", "trs", "Theresa May", "person", "Theresa May")
    alone = Found("trs", "", "Theresy", "org", "Theresy")
    assert case_forms_named_again([theresa, alone], "pl")[1] == Found("m", "trs", "Theresy", "person", "Theresa May")
    other = Found("vlrs", "trs", "Theresa Villiers", "person", "Theresa Villiers")
    assert case_forms_named_again([theresa, other, alone], "pl")[2] == alone  # two Theresas: neither
    donald = Found("trmp", "dnld", "Donald Trump", "person", "Donald Trump")
    assert case_forms_named_again([donald, Found("dnld", "", "Donalda", "misc", "Donalda")], "pl")[1].key == "trmp"
