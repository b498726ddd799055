from storyline.models import Article
from storyline.stages.language import detect_language

LANGS = ("bg", "ru", "uk", "en", "de")


def test_language_detects_cyrillic_languages_apart() -> None:
    texts = {
        "bg": "Срещата на държавния секретар с руския външен министър е отложена, съобщи CNN.",
        "ru": "Переговоры России и США по Украине зашли в тупик, сообщает агентство.",
        "uk": "Президент США провів телефонну розмову з російським диктатором.",
        "en": "The summit planned in Budapest was cancelled after a phone call.",
    }
    out = detect_language([Article(id=k, text=v) for k, v in texts.items()], LANGS)
    assert {a.id: a.language for a in out} == {k: k for k in texts}


def test_language_declared_language_wins() -> None:
    (out,) = detect_language(
        [Article(id="a", text="Hello world, this is English.", metadata={"declared_language": "de"})], LANGS
    )
    assert out.language == "de"


def test_language_short_text_uses_full_models() -> None:
    (out,) = detect_language([Article(id="a", text="Трамп провів розмову з Путіним")], LANGS)
    assert out.language == "uk"
