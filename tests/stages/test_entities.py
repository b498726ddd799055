import pytest
from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

from storyline.models import Article, EntityMention
from storyline.stages import lemmas
from storyline.stages.entities import extract_entities
from storyline.stages.keys import name_key


def _mentions(text: str, language: str) -> dict[str, EntityMention]:
    (article,) = extract_entities([Article(id="a", text=text, language=language)])
    return {m.key: m for m in article.entities}


def _keys(text: str, language: str) -> dict[str, str]:
    return {key: m.lemma for key, m in _mentions(text, language).items()}


def test_entities_inflected_russian_surname_reduces_to_lemma() -> None:
    keys = _keys("Заявление Сергея Лаврова удивило Вашингтон. Позже о Лаврове писали все.", "ru")
    assert keys[name_key("Lavrov")] == "Сергей Лавров"


def test_entities_ukrainian_instrumental_is_linked() -> None:
    keys = _keys("Трамп поговорив з Путіним. Розмова з Путіним тривала годину.", "uk")
    assert name_key("Putin") in keys and name_key("Trump") in keys


def test_entities_sentence_initial_common_word_is_not_an_entity() -> None:
    keys = _keys("According to the report, Rubio met Lavrov in Vienna.", "en")
    assert name_key("According") not in keys
    assert {name_key("Rubio"), name_key("Lavrov")} <= set(keys)


def test_entities_dictionary_checks_use_the_compact_dictionaries(monkeypatch: pytest.MonkeyPatch) -> None:
    # simplemma's default dictionaries hold 100-440 MiB per language in memory; the compact ones give the same answers
    calls: list[str] = []
    real = lemmas.is_known

    def is_known(word: str, language: str) -> bool:
        calls.append(language)
        return real(word, language)

    monkeypatch.setattr(lemmas, "is_known", is_known)
    keys = _keys("Die Krise: Es war ein Treffen. Scholz traf Macron in Berlin.", "de")
    assert name_key("Krise") not in keys and name_key("Macron") in keys
    assert calls and set(calls) == {"de"}
    assert isinstance(lemmas._factory().get_dictionary("de"), StreamMap)


def test_entities_punctuation_separates_names() -> None:
    mentions = _mentions("They will meet in Budapest, Hungary next week.", "en")
    assert mentions["iso:HU"].kind == "place" and mentions["iso:HU"].lemma == "Hungary"
    assert any(m.kind == "place" and m.lemma == "Budapest" for m in mentions.values())


def test_entities_apostrophe_inflection_is_stripped_but_names_kept() -> None:
    keys = _keys("Meclis, Trump'ın açıklamasını tartıştı ve O'Brien konuştu.", "tr")
    assert name_key("Trump") in keys and name_key("O'Brien") in keys


def test_entities_places_in_any_script_share_the_gazetteer_key() -> None:
    bulgarian = _mentions("Срещата в Будапеща е отложена.", "bg")
    ukrainian = _mentions("Зустріч у Будапешті відкладено.", "uk")
    english = _mentions("The meeting in Budapest is off.", "en")
    assert set(bulgarian) & set(ukrainian) & set(english)


def test_entities_bare_surname_takes_the_given_name_used_in_the_article() -> None:
    mentions = _mentions("On Monday Donald Trump spoke. Later Trump said more.", "en")
    trump = mentions[name_key("Trump")]
    assert trump.given == name_key("Donald") and trump.count == 2 and trump.kind == "person"


def test_entities_title_before_a_name_makes_a_person() -> None:
    mentions = _mentions("The talks were led by Chancellor Merz in the morning.", "en")
    assert mentions[name_key("Merz")].kind == "person"


def test_entities_organisation_words_and_acronyms_make_organisations() -> None:
    mentions = _mentions("The European Central Bank and NATO met. The Bank said no.", "en")
    assert mentions[name_key("Bank")].kind == "org"
    assert mentions["org:NATO"].kind == "org"


def test_entities_country_before_a_name_is_split_off() -> None:
    mentions = _mentions("Премьер-министр Италии Джорджа Мелони высказала идею.", "ru")
    assert mentions["iso:IT"].kind == "place"
    assert mentions[name_key("Мелони")].kind == "person"


def test_entities_first_name_alone_is_not_a_surname() -> None:
    mentions = _mentions("Президент подякував Першій леді, Меланії, за участь.", "uk")
    melania = mentions[name_key("Меланія")]
    assert melania.given == melania.key


def test_entities_countries_and_regions_by_their_short_names_in_any_script_and_inflection() -> None:
    for text, language in [
        ("Переговоры России и Украины продолжаются.", "ru"),
        ("Переговорите между Русия и Украйна продължават.", "bg"),
        ("Переговори з Росією тривають.", "uk"),
    ]:
        assert _mentions(text, language)["iso:RU"].lemma == "Russia", text
    assert "iso:US" in _mentions("Позицията на Съединените щати не се промени.", "bg")
    assert "iso:US" in _mentions("Позиция Соединенных Штатов не изменилась.", "ru")
    assert "org:EU" in _mentions("Лидерите на Европейския съюз се срещнаха.", "bg")
    assert "region:151" in _mentions("Сигурността в Източна Европа е под въпрос.", "bg")
    assert "iso:KP" in _mentions("Ракетата на Северна Корея падна в морето.", "bg")
    # a word that differs in more than its ending is another name
    assert not {"iso:KR", "iso:KP"} & set(_mentions("Посланикът на Южна Каролина пристигна.", "bg"))


def test_entities_name_going_on_in_lowercase_after_a_capitalised_adjective() -> None:
    bulgarian = _mentions("Говорител на Белия дом каза, че Държавния департамент е готов.", "bg")
    russian = _mentions("Источник в Белом доме сообщил, что Государственный департамент против.", "ru")
    assert bulgarian[name_key("дом")].surface == "Белия дом" and russian[name_key("дом")].surface == "Белом доме"
    assert bulgarian[name_key("дом")].given == russian[name_key("дом")].given == name_key("бял")
    assert bulgarian[name_key("департамент")].surface == "Държавния департамент"
    assert russian[name_key("департамент")].surface == "Государственный департамент"
    # a name is not an adjective: it never takes the verb after it
    russian = _mentions("Об этом в среду Путин заявил журналистам.", "ru")
    assert russian[name_key("путин")].surface == "Путин"


def test_entities_cyrillic_names_typed_from_russian_dictionary_in_languages_without_morphology() -> None:
    bulgarian = _mentions("Марко Рубио пристигна. Колегата му Сергей Лавров мълчи, а Белия дом чака.", "bg")
    assert bulgarian[name_key("рубио")].kind == "person", "a sentence-initial given name starts the name"
    assert bulgarian[name_key("лавров")].kind == "person"
    assert bulgarian[name_key("дом")].kind != "person", "a word the dictionary only guesses at is no name"


def test_entities_the_one_that_reported_is_an_organisation() -> None:
    assert _mentions("Това съобщи Ройтерс.", "bg")[name_key("ройтерс")].kind == "org"
    assert _mentions("Как сообщает Bloomberg, переговоры идут.", "ru")[name_key("bloomberg")].kind == "org"
    assert _mentions("Об этом сообщил Сергей Лавров.", "ru")[name_key("лавров")].kind == "person"


def test_entities_russian_name_order_glued_names_and_sentence_initial_prepositions() -> None:
    reversed_order = _mentions("Песков Дмитрий заявил журналистам, что Дмитрий Песков устал.", "ru")
    assert (reversed_order[name_key("песков")].given, len(reversed_order)) == (name_key("дмитрий"), 1)
    glued = _mentions("Вчера Зеленский Владимир Путин и другие встретились.", "ru")
    assert glued[name_key("путин")].surface == "Владимир Путин" and glued[name_key("зеленский")].given == ""
    patronymic = _mentions("Вчера Лавров Сергей Викторович прибыл в Анкару.", "ru")
    assert patronymic[name_key("лавров")].given == name_key("сергей")
    kremlin = _mentions("В Кремле заявили, что переговоры идут.", "ru")
    assert kremlin[name_key("кремль")].surface == "Кремле" and kremlin[name_key("кремль")].given == ""


def test_entities_a_place_among_the_other_dictionary_forms() -> None:
    (place,) = _mentions("Зустріч у Києві відбулася.", "uk").values()
    assert place.key.startswith("geo:") and place.lemma == "Kyiv"


def test_entities_russian_names_come_from_the_packaged_ner_model() -> None:
    from storyline.stages.named_entities import named_spans, read_sentences

    spans = named_spans("Как сообщает Bloomberg, Сергей Лавров прилетел в Анкоридж.", "ru")
    assert spans is not None and [span.kind for span in spans] == ["org", "person", "place"]
    assert named_spans("Sergey Lavrov flew to Anchorage.", "en") is None, "no model: the heuristic serves"
    sentences = ["Сергей Лавров прилетел в Анкоридж.", "Как сообщает Bloomberg, переговоры идут."]
    read = read_sentences(sentences, "ru")  # one run of the model, spans placed in their own sentence
    assert read is not None
    assert [[text[s.start : s.stop] for s in spans] for text, spans in zip(sentences, read, strict=True)] == [
        ["Сергей Лавров", "Анкоридж"],
        ["Bloomberg"],
    ]
    found = _mentions("Встреча Путин-Зеленский в Белом доме обсуждалась. Владимир Путин молчал.", "ru")
    assert found[name_key("зеленский")].kind == "person" and found[name_key("путин")].given == name_key("владимир")
    assert found[name_key("дом")].surface == "Белом доме"


def test_entities_russian_falls_back_to_the_heuristic_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.stages import named_entities

    monkeypatch.setattr(named_entities, "_russian_model", lambda: None)
    assert named_entities.named_spans("Сергей Лавров прилетел.", "ru") is None
    found = _mentions("Вчера Сергей Лавров прилетел в Анкоридж.", "ru")
    assert found[name_key("лавров")].kind == "person" and any(key.startswith("geo:") for key in found)


def test_entities_an_acronym_the_article_spells_out_links_to_the_spelled_out_name() -> None:
    (article,) = extract_entities(
        [
            Article(
                id="a",
                text="The Financial Times reported on Monday that talks stalled. FT sources say Lavrov surprised Rubio."
                " The Wall Street Journal and the WSJ differ.",
                language="en",
            )
        ]
    )
    by_surface = {m.surface: m for m in article.entities}
    assert by_surface["FT"].key == "#ft" and by_surface["FT"].lemma == "Financial Times"
    assert by_surface["WSJ"].lemma == "Wall Street Journal"


def test_entities_a_word_the_text_writes_in_lowercase_is_no_name_where_it_opens_a_sentence() -> None:
    keys = _keys('Ще има среща, ако Москва иска. "Ако президентът Путин наистина иска, ще има мир.', "bg")
    assert name_key("Ako") not in keys and name_key("Putin") in keys


def test_entities_a_name_that_opens_with_a_listed_first_name_is_a_persons() -> None:
    spanish = _mentions("La fiscalía dijo que Jorge Winckler no se presentó. El caso de Winckler sigue abierto.", "es")
    polish = _mentions("Minister zdrowia Łukasz Szumowski ogłosił nowe zasady.", "pl")
    assert spanish[name_key("Winckler")].kind == "person" and polish[name_key("Szumowski")].kind == "person"
    # a first name the article also writes as a word, a two-letter one, or one before an organisation word
    english = _mentions("They will talk. The talks with Will Hartley ended.", "en")
    french = _mentions("Selon le journal Le Monde, la réunion a eu lieu. Daniel Bank Holdings a confirmé.", "fr")
    assert english[name_key("Hartley")].kind != "person"
    assert all(mention.kind != "person" for mention in french.values())


def test_entities_a_capitalised_word_the_article_also_writes_in_lowercase_is_no_name() -> None:
    mentions = _mentions(
        "El alcalde nombró al nuevo secretario. El Secretario de Seguridad habló con Quintero en Medellín.", "es"
    )
    assert {m.surface for m in mentions.values()} >= {"Quintero", "Medellín"}
    assert all(m.surface != "Secretario" for m in mentions.values())


def test_entities_a_place_named_with_a_hyphen_is_one_place() -> None:
    mentions = _mentions("Le président des États-Unis a parlé. La rencontre Merkel-Macron est reportée.", "fr")
    assert mentions["iso:US"].kind == "place"
    assert {name_key("Merkel"), name_key("Macron")} <= set(mentions)  # two names joined by a hyphen stay two


def test_given_names_come_from_many_locales() -> None:
    from storyline.stages.given_names import is_given_name

    assert all(is_given_name(name) for name in ("Jorge", "łukasz", "Philippe", "Óscar", "Seda"))
    assert not any(is_given_name(word) for word in ("Penguins", "Veracruz", "Ministry"))


def test_entities_a_heading_in_capitals_is_no_name_and_a_dateline_is_its_place() -> None:
    mentions = _mentions("JUST IN Police arrested a man. READ MORE about NATO in Vienna.", "en")
    assert {m.surface for m in mentions.values()} >= {"NATO", "Vienna"}
    assert not {"JUST IN", "READ MORE"} & {m.surface for m in mentions.values()}
    dateline = _mentions("NEW YORK (Reuters) - Stocks fell on Monday. PKN ORLEN shares rose.", "en")
    new_york = [m for m in dateline.values() if m.surface == "NEW YORK"]
    assert new_york and new_york[0].kind == "place" and new_york[0].key.startswith("geo:")
    assert any(m.surface == "PKN ORLEN" for m in dateline.values())  # capitals that are no words stay a name
