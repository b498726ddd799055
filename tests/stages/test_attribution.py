import pytest

from storyline.stages.attribution import find_outlets, find_sources


@pytest.mark.parametrize(
    ("sentence", "language", "source"),
    [
        ("Срещата е отложена, съобщи CNN.", "bg", "CNN"),
        ("Диалог оказался подорван, сообщает Bloomberg со ссылкой на чиновников.", "ru", "Bloomberg"),
        ("Як писав УНІАН, після того, як Трамп і Путін зустрілися.", "uk", "УНІАН"),
        ('Although it was productive, the "Financial Times" writes that it was not.', "en", "Financial Times"),
        ("According to Reuters, the talks failed.", "en", "Reuters"),
        ("Laut Reuters traf sich Scholz mit Macron.", "de", "Reuters"),
        ("Anadolu Ajansı'na göre toplantı yapıldı.", "tr", "Anadolu Ajansı"),
        ("Hürriyet'in haberine göre toplantı yapıldı.", "tr", "Hürriyet"),
        ("Selon Le Monde, le sommet est reporté.", "fr", "Le Monde"),
    ],
)
def test_attribution_finds_the_reporting_source(sentence: str, language: str, source: str) -> None:
    assert source in find_sources(sentence, language)


def test_attribution_pronouns_are_not_sources() -> None:
    assert find_sources("He said the talks failed.", "en") == []


def test_attribution_german_so_reports_only_after_a_comma() -> None:
    assert find_sources("Die Lage bleibt ernst, so Merkel am Montag.", "de") == ["Merkel"]
    assert find_sources("Die Lage bleibt ernst – so Merkel.", "de") == ["Merkel"]
    assert find_sources("So Schule läuft in der Corona-Zeit.", "de") == []  # the adverb
    assert find_sources("Es gibt also so Besonderes nicht.", "de") == []


def test_attribution_outlets_are_named_by_words_of_publishing_not_of_speech() -> None:
    assert find_outlets("Das berichtete die Statistik Austria am Donnerstag.", "de") == ["Statistik Austria"]
    assert find_outlets("Переговоры идут, как сообщает Bloomberg.", "ru") == ["Bloomberg"]
    assert find_outlets("Hürriyet'in haberine göre toplantı yapıldı.", "tr") == ["Hürriyet"]
    # a speaker may be anyone: a source, but no outlet
    assert find_sources("Jak powiedział Marczak, nic się nie stało.", "pl") == ["Marczak"]
    assert find_outlets("Jak powiedział Marczak, nic się nie stało.", "pl") == []
    assert find_outlets("Das sagte Hofmeister am Montag.", "de") == []
    assert find_outlets("According to Smith, the talks failed.", "en") == []
