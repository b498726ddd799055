from storyline.models import Article
from storyline.stages.entities import extract_entities
from storyline.stages.keys import name_key


def _keys(text: str, language: str) -> dict[str, str]:
    (article,) = extract_entities([Article(id="a", text=text, language=language)])
    return {m.key: m.lemma for m in article.entities}


def test_entities_inflected_russian_surname_reduces_to_lemma() -> None:
    keys = _keys("Заявление Сергея Лаврова удивило Вашингтон. Позже о Лаврове писали все.", "ru")
    assert keys[name_key("Lavrov")] == "Лавров"


def test_entities_ukrainian_instrumental_is_linked() -> None:
    keys = _keys("Трамп поговорив з Путіним. Розмова з Путіним тривала годину.", "uk")
    assert name_key("Putin") in keys and name_key("Trump") in keys


def test_entities_sentence_initial_common_word_is_not_an_entity() -> None:
    keys = _keys("According to the report, Rubio met Lavrov in Vienna.", "en")
    assert name_key("According") not in keys
    assert {name_key("Rubio"), name_key("Lavrov"), name_key("Vienna")} <= set(keys)


def test_entities_punctuation_separates_names() -> None:
    keys = _keys("They will meet in Budapest, Hungary next week.", "en")
    assert name_key("Budapest") in keys and name_key("Hungary") in keys


def test_entities_apostrophe_inflection_is_stripped_but_names_kept() -> None:
    keys = _keys("Meclis, Trump'ın açıklamasını tartıştı ve O'Brien konuştu.", "tr")
    assert name_key("Trump") in keys and name_key("O'Brien") in keys
