import pytest

from storyline.models import Article, EntityMention
from storyline.stages.entities import extract_entities
from storyline.stages.institutions import after_of
from storyline.stages.place_institutions import find_place_institutions

_PLACES = {
    "Antioquia": ("iso:CO-ANT", "Antioquia"),
    "Wien": ("geo:1", "Vienna"),
    "New York": ("geo:2", "New York City"),
}
_COMMON = {"At", "El", "The", "Said"}


def _find(text: str, language: str | None) -> list[tuple[str, str, str]]:
    """The institutions in ``text``, whose words a comma breaks."""
    words = [word.rstrip(",") for word in text.split()]
    broken = [index > 0 and text.split()[index - 1].endswith(",") for index in range(len(words))]
    found = find_place_institutions(
        words,
        broken,
        language,
        lambda run: _PLACES.get(" ".join(run)),
        lambda word: word[:1].isupper() and word not in _COMMON,
    )
    return [(found.id, found.name, " ".join(words[found.start : found.end])) for found in found]


def _mentions(text: str, language: str) -> dict[str, EntityMention]:
    (article,) = extract_entities([Article(id="a", text=text, language=language)])
    return {m.key: m for m in article.entities}


def test_place_institutions_a_place_after_the_generic_words_with_the_languages_small_word() -> None:
    assert _find("El rector de la Universidad de Antioquia dijo", "es") == [
        ("inst:university-of@iso:CO-ANT", "University of Antioquia", "Universidad de Antioquia")
    ]
    assert _find("Forscher der Universität Wien sagen", "de") == [
        ("inst:university-of@geo:1", "University of Vienna", "Universität Wien")
    ]
    # Spanish needs its "de" there; a place the gazetteer does not know names nothing after the words
    assert _find("la Universidad Antioquia", "es") == []
    assert _find("la Universidad de Harvard", "es") == []


def test_place_institutions_the_generic_words_inside_a_longer_name_name_nothing() -> None:
    assert _find("an der Technischen Universität Wien", "de") == []
    # a sentence's first word, a common one, opens no name
    assert _find("El Universidad de Antioquia", "es")[0][1] == "University of Antioquia"


def test_place_institutions_a_name_first_is_the_whole_run_before_the_generic_words() -> None:
    """Johns Hopkins University is not a Hopkins's; a word with a case ending closes the run before it;
    English writes the place as English does ("New York", not the gazetteer's "New York City")."""
    assert _find("at Johns Hopkins University", "en") == [
        ("inst:university@name:johns-hopkins", "Johns Hopkins University", "Johns Hopkins University")
    ]
    assert _find("Denizli'deki Pamukkale Üniversitesi Hastanesi'nde", "tr") == [
        (
            "inst:university-hospital@name:pamukkale",
            "Pamukkale University Hospital",
            "Pamukkale Üniversitesi Hastanesi'nde",
        )
    ]
    assert _find("At New York University", "en")[0][:2] == ("inst:university@geo:2", "New York University")
    assert _find("the Ohio Said University", "en") == []  # a common word inside the run
    # no name crosses punctuation: "Kara.Kesikbaş, Pamukkale Üniversitesi" is Pamukkale's
    assert _find("Kesikbaş, Pamukkale Üniversitesi", "tr")[0][0] == "inst:university@name:pamukkale"
    assert _find("la Universidad de, Antioquia", "es") == []
    assert _find("Bank of America University Distinguished Professor", "en") == []


def test_place_institutions_a_language_without_forms_finds_none() -> None:
    assert _find("Universidad de Antioquia", "ru") == []
    assert _find("Universidad de Antioquia", None) == []


@pytest.mark.parametrize(
    ("text", "language", "key", "name"),
    [
        ("Investigadores de la Universidad de Antioquia dijeron.", "es", "inst:university-of@iso:CO-ANT", "University of Antioquia"),
        ("Researchers at the University of Antioquia said.", "en", "inst:university-of@iso:CO-ANT", "University of Antioquia"),
        ("El Congreso de Veracruz aprobó la ley.", "es", "inst:congress@geo:3514783", "Congress of Veracruz"),
        ("Seda, Denizli Devlet Hastanesi'ne kaldırıldı.", "tr", "inst:state-hospital@geo:317109", "Denizli State Hospital"),
        ("Forscher der Universität Wien sagen.", "de", "inst:university-of@geo:2761369", "University of Vienna"),
        ("Sprecher des Flughafens Frankfurt sagte.", "de", "inst:airport@geo:2925533", "Frankfurt Airport"),
        ("Prokuratura Okręgowa w Krakowie wszczęła śledztwo.", "pl", "inst:district-prosecutor@geo:3094802", "Kraków District Prosecutor's Office"),
        ("Un professeur de l'Université d'Ottawa a dit.", "fr", "inst:university-of@geo:6094817", "University of Ottawa"),
        ("İstanbul Büyükşehir Belediyesi açıkladı.", "tr", "inst:metropolitan-council@geo:745044", "Istanbul Metropolitan Municipality"),
        ("Ankara İl Emniyet Müdürlüğünden yapılan açıklama.", "tr", "inst:police-department@geo:323786", "Ankara Police Department"),
    ],
)  # fmt: skip
def test_entities_an_institution_named_after_a_place_is_one_entity_under_its_english_name(
    text: str, language: str, key: str, name: str
) -> None:
    """The institution's kind and its place's id make its key in every language; it is shown as English
    news names it."""
    found = _mentions(text, language)
    assert found[key].lemma == name and found[key].kind == "org"


@pytest.mark.parametrize(
    ("text", "language", "key", "name"),
    [
        ("Das Verteidigungsministerium der Russischen Föderation teilte mit.", "de", "inst:defence-ministry@iso:RU", "Defence Ministry of Russia"),
        ("Das Außenministerium Russlands teilte am Montag mit.", "de", "inst:foreign-ministry@iso:RU", "Foreign Ministry of Russia"),
        ("El Ministerio de Defensa de la Federación de Rusia dijo.", "es", "inst:defence-ministry@iso:RU", "Defence Ministry of Russia"),
        ("Le ministère des Affaires étrangères de la Russie a dit.", "fr", "inst:foreign-ministry@iso:RU", "Foreign Ministry of Russia"),
        ("Il Ministero della Difesa della Federazione Russa ha detto.", "it", "inst:defence-ministry@iso:RU", "Defence Ministry of Russia"),
        ("il governo del Regno Unito ha detto.", "it", "inst:government@iso:GB", "Government of the United Kingdom"),
        ("Rusya Dışişleri Bakanlığı açıklama yaptı.", "tr", "inst:foreign-ministry@iso:RU", "Foreign Ministry of Russia"),
        ("The Defence Ministry of Russia said.", "en", "inst:defence-ministry@iso:RU", "Defence Ministry of Russia"),
    ],
)  # fmt: skip
def test_entities_a_countrys_ministry_is_one_entity_in_every_language(
    text: str, language: str, key: str, name: str
) -> None:
    """A ministry with its country after it (an article, a genitive, the country's formal name of several
    words) or, in Turkish, before it: one id and one English name, whichever language writes it."""
    found = _mentions(text, language)
    assert found[key].lemma == name and found[key].kind == "org"


def test_entities_a_place_of_several_words_keeps_its_mention_beside_its_government() -> None:
    """The "de" of "Ciudad de México" is the place's word, not the generic words': the place stays."""
    found = _mentions("El gobierno de la Ciudad de México dijo.", "es")
    assert "inst:government@geo:3530597" in found and found["geo:3530597"].kind == "place"


def test_place_institutions_a_countrys_office_takes_no_unknown_name() -> None:
    """A university may be named after anything; a ministry is a country's or a region's."""
    assert _find("Falanca Dışişleri Bakanlığı açıkladı", "tr") == []
    assert _find("Falanca Üniversitesi açıkladı", "tr")[0][0] == "inst:university@name:falanca"


def test_entities_a_common_word_with_turkish_dotted_capital_names_no_institution() -> None:
    """ "İlçe" (district) is a word of Turkish: "İlçe Emniyet Müdürlüğü" is no police of a place "İlçe"."""
    assert not any(key.startswith("inst:") for key in _mentions("İlçe Emniyet Müdürlüğü açıklama yaptı.", "tr"))


def test_entities_a_spanish_countrys_congress_is_the_same_institution_as_an_english_one() -> None:
    assert "inst:congress@iso:MX" in _mentions("El Congreso de México aprobó la reforma.", "es")
    assert "inst:congress@iso:MX" in _mentions("The Congress of Mexico passed the reform.", "en")


def test_entities_a_countrys_office_has_one_english_name_in_every_language() -> None:
    """The Spanish form and the English office share the id, and so the name ("of the United States")."""
    spanish = _mentions("El Senado de Estados Unidos votó.", "es")["inst:senate@iso:US"]
    english = _mentions("He told the US Senate on Monday.", "en")["inst:senate@iso:US"]
    assert spanish.lemma == english.lemma == "Senate of the United States"


def test_a_countrys_office_takes_the_where_english_writes_it() -> None:
    """ "Government of the Czech Republic", "of the Democratic Republic of the Congo"; "of Russia"."""
    assert after_of("Czech Republic") == "the Czech Republic"
    assert after_of("Democratic Republic of the Congo") == "the Democratic Republic of the Congo"
    assert after_of("Faroe Islands") == "the Faroe Islands"
    assert after_of("Russia") == "Russia"


@pytest.mark.parametrize(
    ("text", "key", "name"),
    [
        ("The Russian Foreign Ministry said on Monday.", "inst:foreign-ministry@iso:RU", "Foreign Ministry of Russia"),
        ("Officials of the German government agreed.", "inst:government@iso:DE", "Government of Germany"),
        ("The South Korean government agreed.", "inst:government@iso:KR", "Government of South Korea"),
    ],
)
def test_entities_an_english_office_after_its_countrys_adjective_is_that_countrys(
    text: str, key: str, name: str
) -> None:
    """The same office as "МИД России", "the Foreign Ministry of Russia"; one id and one name."""
    found = _mentions(text, "en")
    assert found[key].lemma == name and found[key].kind == "org"
    russian = _mentions("Об этом сообщил МИД России.", "ru")
    assert "inst:foreign-ministry@iso:RU" in russian
