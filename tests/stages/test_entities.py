import pytest
from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

from storyline.models import Article, EntityMention
from storyline.stages import lemmas
from storyline.stages.entities import agreed_nominative, extract_entities, split_sentences
from storyline.stages.entity_cues import is_brand_shaped, names_a_disease
from storyline.stages.keys import acronym_key, given_key, name_key


def _mentions(text: str, language: str) -> dict[str, EntityMention]:
    (article,) = extract_entities([Article(id="a", text=text, language=language)])
    return {m.key: m for m in article.entities}


def _places(text: str, language: str) -> set[str]:
    """The display names of the places found in a text."""
    return {m.lemma for m in _mentions(text, language).values() if m.kind == "place"}


def _keys(text: str, language: str) -> dict[str, str]:
    return {key: m.lemma for key, m in _mentions(text, language).items()}


def test_entities_inflected_russian_surname_reduces_to_lemma() -> None:
    keys = _keys("Заявление Сергея Лаврова удивило Вашингтон. Позже о Лаврове писали все.", "ru")
    assert keys[name_key("Lavrov")] == "Сергей Лавров"


def test_entities_ukrainian_instrumental_is_linked() -> None:
    keys = _keys("Трамп поговорив з Путіним. Розмова з Путіним тривала годину.", "uk")
    assert name_key("Putin") in keys and name_key("Trump") in keys


def test_entities_turkish_names_keep_their_written_form_and_institutions_their_endings() -> None:
    text = (
        "Ahmet Davutoğlu ve Mustafa Bilici görüştü. Ahmet Bilmez'e göre durum iyi."
        " Dün Sağlık Bakanlığı açıkladı. Sağlık Bakanlığının verilerine göre vaka arttı."
    )
    lemmas_written = {m.lemma for m in _mentions(text, "tr").values()}
    # the dictionary would read "Davutoğlu" as "davut" and both "Bilici" and "Bilmez" as "bil"
    assert {"Ahmet Davutoğlu", "Mustafa Bilici", "Ahmet Bilmez"} <= lemmas_written
    assert sum("Bakanl" in lemma for lemma in lemmas_written) == 1  # "Bakanlığı", "Bakanlığının": one


def test_entities_a_bare_word_joins_a_surname_written_alike_not_one_that_only_sounds_alike() -> None:
    found = _mentions(
        "Ministerin Manja Schüle besuchte die Schule in Potsdam. Die Schule bleibt offen, sagte Schüle.", "de"
    )
    assert found[name_key("Schüle")].count == 2  # the name and "Schüle", not the noun "Schule" twice
    found = _mentions("Prezydent Andrzej Duda spotkał się z premierem. Wizyta Dudy trwała godzinę.", "pl")
    assert found[name_key("Duda")].lemma == "Andrzej Duda" and found[name_key("Duda")].count == 2


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


def test_entities_a_german_bare_surname_the_dictionary_lists_is_kept_a_noun_that_is_also_a_surname_is_not() -> None:
    """German's dictionary lists "Scholz" and "Schmidt" among its capitalised words; they are listed family
    names with no noun's plural or case forms. "Bauer" ("Bauern") and "Krise" are nouns, and so is "Vogel"
    where the article writes "der Vogel"."""
    keys = _keys("Am Montag sagte Scholz, dass Schmidt kommt. Dann sprach Bauer über die Krise.", "de")
    assert {name_key("Scholz"), name_key("Schmidt")} <= set(keys)
    assert name_key("Bauer") not in keys and name_key("Krise") not in keys
    assert name_key("Vogel") in _keys("Am Montag sagte Vogel, es sei kalt.", "de")
    assert name_key("Vogel") not in _keys("Am Montag sagte Vogel, der Vogel sei weg.", "de")


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


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("New York was quiet on Monday.", "en", "New York City"),  # "New" opens the sentence: not York
        ("San Francisco voted on Tuesday.", "en", "San Francisco"),
        ("Den Haag hat am Montag entschieden.", "de", "The Hague"),
        ("Côte d'Ivoire : la voie ouverte pour une réforme. La côte est belle.", "fr", "Ivory Coast"),
        ("Le président de la Côte d’Ivoire a annoncé une réforme.", "fr", "Ivory Coast"),
    ],
)
def test_entities_a_place_of_two_words_keeps_its_first_word(text: str, language: str, place: str) -> None:
    assert _places(text, language) == {place}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Le prince héritier de l'Arabie saoudite est arrivé.", "Saudi Arabia"),
        ("Une délégation des Émirats arabes unis est arrivée.", "United Arab Emirates"),
        ("La crise touche la Guinée équatoriale depuis mai.", "Equatorial Guinea"),  # not Guinea
        ("Il vit en Amérique du Nord depuis 2004.", "North America"),
        ("Les élections en Amérique latine sont suivies.", "Latin America"),
    ],
)
def test_entities_a_place_goes_on_in_lowercase_where_its_name_does(text: str, place: str) -> None:
    # French writes the adjectives of a place's name in lowercase: the name is the run and those words
    assert _places(text, "fr") == {place}


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("En Castilla-La Mancha arrancan las obras.", "es", "Castilla-La Mancha"),
        ("Sie wohnen in Friuli-Venezia Giulia.", "de", "Friuli Venezia Giulia"),
    ],
)
def test_entities_a_hyphen_inside_a_place_of_several_words_is_no_break(text: str, language: str, place: str) -> None:
    assert _places(text, language) == {place}


def test_entities_lowercase_words_after_a_place_stay_out_of_its_name() -> None:
    # "Paris" then words that make no longer place: the run alone; and "La réunion" opening a sentence
    # is a meeting, not the island La Réunion (an article is no place's name on its own)
    assert {m.surface for m in _mentions("La réunion à Paris centrale a eu lieu.", "fr").values()} == {"Paris"}


def test_entities_a_german_nouns_form_is_no_city_abroad() -> None:
    # "Namen" (names) is Namur's German name, "Kitas" (day-care centres) a name of Quito: the nouns;
    # a German city of a noun's name stays a place
    assert _places("Im Namen der Stadt sprach er in Halle, die Kitas bleiben zu.", "de") == {"Halle (Saale)"}


def test_entities_a_german_word_in_lowercase_too_is_no_city_abroad_it_does_not_name() -> None:
    # "Lila" (purple) is an alternate name of Lille, "Google" one of Topeka: the words; Paris,
    # Moskau (Moscow's German name) and Lille stay places
    text = "Die Wolken wurden tiefes Lila. Google öffnet Büros in Paris, Moskau und Lille."
    assert _places(text, "de") == {"Paris", "Moscow", "Lille"}


def test_entities_a_german_noun_some_language_names_a_city_abroad_by_is_the_noun() -> None:
    # "der Rest" is an alternate name of Iran's Rasht, below a metropolis's size: the noun; a German city
    # named as a noun is (Essen), and Mailand (Milan's German name) is no word
    text = "Der Rest ist Geschichte. Er flog nach Mailand und spielte in Essen."
    assert _places(text, "de") == {"Milan", "Essen"}


def test_entities_a_name_that_opens_with_a_place_of_two_words_stays_whole() -> None:
    # "York" and "Angeles" may open a person's name, but not after the word that makes them a place
    surfaces = {m.surface for m in _mentions("New York Daily News on Twitter. Los Angeles Lakers won.", "en").values()}
    assert {"New York Daily News", "Los Angeles Lakers"} <= surfaces
    assert not surfaces & {"New", "Los", "York Daily News", "Angeles Lakers"}


def test_entities_bare_surname_takes_the_given_name_used_in_the_article() -> None:
    mentions = _mentions("On Monday Donald Trump spoke. Later Trump said more.", "en")
    trump = mentions[name_key("Trump")]
    assert trump.given == given_key("Donald") and trump.count == 2 and trump.kind == "person"


def test_entities_title_before_a_name_makes_a_person() -> None:
    mentions = _mentions("The talks were led by Chancellor Merz in the morning.", "en")
    assert mentions[name_key("Merz")].kind == "person"


def test_entities_organisation_words_and_acronyms_make_organisations() -> None:
    mentions = _mentions("The Asian Development Bank and NATO met. The Bank said no.", "en")
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
    bulgarian = _mentions("Туристи на Червения площад казаха, че Народното събрание е готово.", "bg")
    russian = _mentions("Туристы на Красной площади сообщили, что Государственная дума против.", "ru")
    assert bulgarian[name_key("площад")].surface == "Червения площад"
    assert russian[name_key("площад")].surface == "Красной площади"
    assert bulgarian[name_key("събрание")].surface == "Народното събрание"
    assert russian[name_key("дума")].surface == "Государственная дума"
    # the seats of government ("Белия дом", "Белом доме") are institutions of their own (institutions.py)
    bulgarian = _mentions("Говорител на Белия дом каза, че Държавния департамент е готов.", "bg")
    russian = _mentions("Источник в Белом доме сообщил, что Государственный департамент против.", "ru")
    assert bulgarian["inst:white-house"].surface == "Белия дом" and russian["inst:white-house"].surface == "Белом доме"
    assert bulgarian["inst:us-state-department"].surface == "Държавния департамент"
    assert russian["inst:us-state-department"].surface == "Государственный департамент"
    # a name is not an adjective: it never takes the verb after it
    russian = _mentions("Об этом в среду Путин заявил журналистам.", "ru")
    assert russian[name_key("путин")].surface == "Путин"


def test_entities_cyrillic_names_typed_from_russian_dictionary_in_languages_without_morphology() -> None:
    bulgarian = _mentions("Марко Рубио пристигна. Колегата му Сергей Лавров мълчи, а Белия дом чака.", "bg")
    assert bulgarian[name_key("рубио")].kind == "person", "a sentence-initial given name starts the name"
    assert bulgarian[name_key("лавров")].kind == "person"
    assert bulgarian["inst:white-house"].kind != "person", "a word the dictionary only guesses at is no name"


def test_entities_the_one_that_reported_is_an_organisation() -> None:
    assert _mentions("Това съобщи Ройтерс.", "bg")[name_key("ройтерс")].kind == "org"
    assert _mentions("Как сообщает Bloomberg, переговоры идут.", "ru")[name_key("bloomberg")].kind == "org"
    assert _mentions("Об этом сообщил Сергей Лавров.", "ru")[name_key("лавров")].kind == "person"
    assert _mentions("Das berichtete die Statistik Austria am Montag.", "de")[name_key("austria")].kind == "org"
    # one who said something may be anyone: a word of speech types no name
    assert _mentions("Jak powiedział Marczak, nic się nie stało.", "pl")[name_key("marczak")].kind == "misc"
    assert _mentions("Das sagte Kowalczyk am Montag.", "de")[name_key("kowalczyk")].kind == "misc"


def test_entities_german_polite_you_is_no_name() -> None:
    found = _mentions(
        "Nachdem Sie sich angemeldet haben, können Sie ContentRead erhalten. Wir danken Ihnen Herr Müller.", "de"
    )
    assert all("Sie" not in m.surface.split() and "Ihnen" not in m.surface.split() for m in found.values())
    assert found[name_key("müller")].surface == "Müller"


def test_entities_russian_name_order_glued_names_and_sentence_initial_prepositions() -> None:
    reversed_order = _mentions("Песков Дмитрий заявил журналистам, что Дмитрий Песков устал.", "ru")
    assert (reversed_order[name_key("песков")].given, len(reversed_order)) == (given_key("дмитрий"), 1)
    glued = _mentions("Вчера Зеленский Владимир Путин и другие встретились.", "ru")
    assert glued[name_key("путин")].surface == "Владимир Путин" and glued[name_key("зеленский")].given == ""
    patronymic = _mentions("Вчера Лавров Сергей Викторович прибыл в Анкару.", "ru")
    assert patronymic[name_key("лавров")].given == given_key("сергей")
    duma = _mentions("В Госдуме заявили, что переговоры идут.", "ru")
    assert duma[name_key("госдума")].surface == "Госдуме" and duma[name_key("госдума")].given == ""


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
    assert found[name_key("зеленский")].kind == "person" and found[name_key("путин")].given == given_key("владимир")
    assert found["inst:white-house"].surface == "Белом доме"


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
    # a person's name spells no acronym: the agency's "AP" is not Antonio Perez
    (german,) = extract_entities(
        [Article(id="b", text="Der Sänger Antonio Perez trat gestern auf, meldet AP. Es regnete.", language="de")]
    )
    assert {m.surface: m.lemma for m in german.entities}.get("AP") == "AP"


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


def test_the_registers_first_names_are_latin_names_that_are_no_english_words() -> None:
    from storyline.stages.given_names import is_given_name, registered_first_name

    assert all(registered_first_name(name) for name in ("Barack", "Ségolène", "Takuya", "Idriss", "Wasim"))
    assert not is_given_name("Barack")  # Faker's lists alone do not have it
    assert not any(registered_first_name(word) for word in ("The", "New", "Bank", "Police"))
    assert not registered_first_name("Барак")  # in Latin letters only


@pytest.mark.parametrize(
    ("text", "language", "person"),
    [
        ("Barack Obama a dit que Ségolène Royal était là.", "fr", "Barack Obama"),  # opening the sentence
        ("Le président a reçu Idriss Déby à Paris.", "fr", "Idriss Déby"),
        ("The coach said Takuya Takagi scored twice.", "en", "Takuya Takagi"),
        ("Wasim Akram took five wickets on Friday.", "en", "Wasim Akram"),
    ],
)
def test_entities_a_register_first_name_makes_a_full_name_a_persons(text: str, language: str, person: str) -> None:
    found = {m.surface: m for m in _mentions(text, language).values()}
    assert found[person].kind == "person"


def test_entities_a_register_first_name_that_is_a_word_or_a_place_makes_no_person() -> None:
    """The registers hold words ("Eine", "Alle" and "Marke" are someone's names) and places (Milano): a word of
    the article's language or a place is no first name on that evidence alone."""
    mentions = _mentions("Eine Französin kam. Alle Personen gingen. Die Marke Trigema wuchs.", "de")
    assert not any(m.kind == "person" for m in mentions.values())
    milano = _mentions("Il sindaco di Milano Giuseppe Sala ha parlato.", "it")
    assert any(m.surface == "Milano" and m.kind == "place" for m in milano.values())


def test_entities_a_heading_in_capitals_is_no_name_and_a_dateline_is_its_place() -> None:
    mentions = _mentions("JUST IN Police arrested a man. READ MORE about NATO in Vienna.", "en")
    assert {m.surface for m in mentions.values()} >= {"NATO", "Vienna"}
    assert not {"JUST IN", "READ MORE"} & {m.surface for m in mentions.values()}
    dateline = _mentions("NEW YORK (Reuters) - Stocks fell on Monday. PKN ORLEN shares rose.", "en")
    new_york = [m for m in dateline.values() if m.surface == "NEW YORK"]
    assert new_york and new_york[0].kind == "place" and new_york[0].key.startswith("geo:")
    assert any(m.surface == "PKN ORLEN" for m in dateline.values())  # capitals that are no words stay a name
    # an acronym the dictionary lists in capitals is no heading's word: "FPÖ BOSS" is the party's boss
    party = _mentions("Koalition: Hofer warnt. FPÖ BOSS Norbert Hofer sieht Österreich.", "de")
    assert any("FPÖ" in m.surface.split() for m in party.values())


def test_entities_title_case_heading_words_are_not_names() -> None:
    text = (
        "Fort Lauderdale Man Arrested After Allegedly Using Dog to Attack Officers\n"
        "A Fort Lauderdale man is facing charges after allegedly ordering his dog to attack officers, "
        "police said after the man was arrested."
    )
    surfaces = {m.surface for m in _mentions(text, "en").values()}
    assert "Fort Lauderdale" in surfaces
    assert not any(word in surface for surface in surfaces for word in ("Man", "Dog", "Officers", "Attack"))


def test_entities_an_english_heading_with_capitalised_small_words_is_no_name() -> None:
    # words the short article never writes in lowercase, but "Will", "No", "This" are no name's words
    text = "New Series Will No Longer Arrive This April\nThe delay was confirmed by Netflix on Monday."
    surfaces = {m.surface for m in _mentions(text, "en").values()}
    assert "Netflix" in surfaces
    assert not any(word in surface for surface in surfaces for word in ("Arrive", "Longer", "Series"))


def test_entities_a_long_title_case_stretch_of_dictionary_words_is_a_heading_whatever_their_endings() -> None:
    """Turkish writes a heading's words with endings the text does not repeat ("Durumlar", "Dışında"): five
    or more capitalised words the dictionary knows, none an institution's word or a place, are a heading."""
    text = (
        "Hastaneler acil hastalar dışındaki hastaları randevusuz kabul etmeyecek. "
        "Acil Durumlar Dışında Randevusuz Alınmayacak Tüm Dünya gibi Türkiye de normalleşme sürecine girdi."
    )
    surfaces = {m.surface for m in _mentions(text, "tr").values()}
    assert "Türkiye" in surfaces
    assert not any(word in surface for surface in surfaces for word in ("Durumlar", "Randevusuz", "Alınmayacak"))
    institution = "Eskişehir Muş Kültürü ve Dayanışma Derneği yöneticileri geldi. Dernek büyüyor."
    assert any("Derneği" in m.surface for m in _mentions(institution, "tr").values())


def test_entities_an_english_heading_of_mostly_names_with_a_capitalised_preposition_is_a_heading() -> None:
    """Four of seven words are names, so the dictionary's share would not make it a heading, but "In" in
    capitals inside the stretch does: "Attacks" and "Town" are no name's words."""
    text = (
        "Boko Haram Attacks Michika Town In Adamawa\n"
        "On Thursday Boko Haram fighters attacked Michika, a town in Adamawa state, a soldier said."
    )
    surfaces = {m.surface for m in _mentions(text, "en").values()}
    assert {"Boko Haram", "Michika"} <= surfaces and any(surface.startswith("Adamawa") for surface in surfaces)
    assert not any(word in surface for surface in surfaces for word in ("Attacks", "Town", "In "))


def test_entities_an_english_heading_goes_on_across_two_small_words() -> None:
    # "in the" joins the heading's two halves: together they hold enough words the text writes in lowercase
    text = (
        "17 Powerful Quotes to Unlock Change in the New Year\n"
        "During this time of year, many of us are thinking about our goals. However, change is hard, said Mary Smith."
    )
    surfaces = {m.surface for m in _mentions(text, "en").values()}
    assert "Mary Smith" in surfaces
    assert not any(word in surface for surface in surfaces for word in ("Quotes", "Unlock", "Change"))
    # elsewhere two small words are an institution's name going on, which is no heading
    spanish = "El Consejo Nacional de Evaluación de la Política de Desarrollo Social (Coneval) publicó el visor."
    assert any("Desarrollo Social" in m.surface for m in _mentions(spanish, "es").values())


def test_entities_an_institutions_name_goes_on_across_its_small_words() -> None:
    mentions = _mentions(
        "La Universidad de Antioquia y la Organización de los Estados Americanos (OEA) firmaron.", "es"
    )
    surfaces = {m.surface: m.kind for m in mentions.values()}
    assert surfaces["Universidad de Antioquia"] == "org"
    assert surfaces["Organización de los Estados Americanos"] == "org"
    assert mentions["#oea"].lemma == mentions[name_key("Americanos")].lemma  # the acronym is spelled out


def test_entities_an_office_is_no_name_but_a_place_after_a_title_is() -> None:
    mentions = _mentions("Será el nuevo secretario de Educación. El presidente de Colombia habló.", "es")
    surfaces = {m.surface for m in mentions.values()}
    assert "Educación" not in surfaces and "Colombia" in surfaces


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Il ministro degli Esteri Antonio Tajani ha parlato con la stampa.", "it", "Antonio Tajani"),
        ("El ministro de Asuntos Exteriores José Manuel Albares habló ayer.", "es", "José Manuel Albares"),
        ("Le ministre des Affaires étrangères Jean-Noël Barrot a parlé.", "fr", "Jean-Noël Barrot"),
    ],
)
def test_entities_a_ministry_s_field_after_a_title_is_no_part_of_the_minister_s_name(
    text: str, language: str, name: str
) -> None:
    surfaces = {m.surface for m in _mentions(text, language).values()}
    assert name in surfaces
    assert not any(word in surface for surface in surfaces for word in ("Esteri", "Asuntos", "Affaires"))


def test_entities_a_place_then_a_full_name_are_two() -> None:
    surfaces = {
        m.surface: m.kind for m in _mentions("Fiscal General de Veracruz  Jorge Winckler se fue.", "es").values()
    }
    assert surfaces.get("Jorge Winckler") == "person" and surfaces.get("Veracruz") == "place"


def test_entities_a_lone_organisation_word_written_in_lowercase_too_is_a_common_noun() -> None:
    surfaces = {
        m.surface for m in _mentions("La Ville a annoncé que la ville paiera. Bruxelles attend.", "fr").values()
    }
    assert "Ville" not in surfaces and "Bruxelles" in surfaces


def test_entities_german_noun_compounds_are_not_names_but_surnames_are() -> None:
    text = "Die Impfstoffsuche dauert. Laut Steinmeier ist die Tierprüfung umstritten, sagte Steinmeier."
    surfaces = {m.surface for m in _mentions(text, "de").values()}
    assert "Impfstoffsuche" not in surfaces and "Tierprüfung" not in surfaces and "Steinmeier" in surfaces


def test_entities_a_word_run_on_after_a_lost_full_stop_is_cut() -> None:
    text = "Ein Bericht von Peter Mühlbauer Ein gutes Jahr ist vergangen, sagte ein Sprecher."
    surfaces = {m.surface for m in _mentions(text, "de").values()}
    assert "Peter Mühlbauer" in surfaces


def test_entities_words_in_capitals_that_are_mostly_words_are_a_heading() -> None:
    surfaces = {
        m.surface for m in _mentions("SZCZEGÓŁY: Jan Kowalski z PAP. EST BOTTOM LINE: Kowalski wygrał.", "pl").values()
    }
    assert "SZCZEGÓŁY" not in surfaces and "EST BOTTOM LINE" not in surfaces and "PAP" in surfaces


def test_entities_a_small_city_abroad_named_by_a_word_of_the_text_is_the_word() -> None:
    text = "Kara sınırında yeni önlemler alındı. Askerler kara yolunu kapattı, Ankara açıkladı."
    surfaces = {m.surface for m in _mentions(text, "tr").values()}
    assert "Kara" not in surfaces and "Ankara" in surfaces


def test_entities_turkish_month_with_a_suffix_is_no_name() -> None:
    surfaces = {m.surface for m in _mentions("Seçimler Şubat'ta yapılacak, dedi Erdoğan.", "tr").values()}
    assert not any("Şubat" in surface for surface in surfaces)


def test_entities_an_office_with_its_title_inside_is_no_name_and_the_name_after_it_is_one() -> None:
    text = "The Deputy Governor of Imo spoke. The Minister of Health Jane Mitchell and the Bank of England met."
    surfaces = {m.surface: m.kind for m in _mentions(text, "en").values()}
    assert not any("Governor" in surface or "Health" in surface for surface in surfaces)
    assert surfaces.get("Jane Mitchell") == "person" and surfaces.get("Bank of England") == "org"
    assert surfaces.get("Imo") == "misc"  # what the office is of, when it is no ministry's field, stays


def test_entities_the_organisation_an_officer_heads_is_a_name_not_a_person() -> None:
    surfaces = {m.surface: m.kind for m in _mentions("The CEO of Microsoft Satya Nadella said so.", "en").values()}
    assert surfaces.get("Microsoft") == "org" and surfaces.get("Satya Nadella") == "person"  # a listed company


def test_entities_a_dateline_in_capitals_is_its_place() -> None:
    mentions = _mentions("BOSTON – GasBuddy said prices fall. KÖLN (dpa-AFX) - Ströer zieht Prognosen zurück.", "en")
    places = {m.surface for m in mentions.values() if m.kind == "place"}
    assert {"BOSTON", "KÖLN"} <= places


def test_entities_an_article_before_a_german_noun_makes_no_person() -> None:
    text = "Geburtenbilanz erneut positiv Die Geburtenbilanz in Österreich war positiv, sagte die Statistik Austria."
    kinds = {m.surface: m.kind for m in _mentions(text, "de").values()}
    assert "Die Geburtenbilanz" not in kinds and "person" not in kinds.values()


def test_entities_sentences_a_page_glued_together_are_two() -> None:
    """A full stop between a lowercase word and a capitalised one with no space is a lost line break:
    the word after it opens a sentence (a dictionary word there is no name); "U.S." is no break."""
    found = _mentions("Zmiany od 25 maja.Niektóre szkoły otworzą się. Minister Łukasz Szumowski potwierdził.", "pl")
    assert "Niektóre" not in {mention.surface for mention in found.values()}
    assert split_sentences("od 25 maja.Niektóre szkoły") == ["od 25 maja.", "Niektóre szkoły"]
    assert split_sentences("The U.S.Army base and Mr.Smith") == ["The U.S.Army base and Mr.Smith"]


def test_entities_a_sentence_glued_after_a_number_is_a_sentence_of_its_own() -> None:
    """ "au premier trimestre de 2020.Objectif:": the word after a year's full stop opens a sentence and is
    no name; a club's "1.FC" and a decimal number are no break."""
    assert split_sentences("au premier trimestre de 2020.Objectif: réussir") == [
        "au premier trimestre de 2020.",
        "Objectif: réussir",
    ]
    assert split_sentences("Der 1.FC Köln gewann 3.5 zu null.") == ["Der 1.FC Köln gewann 3.5 zu null."]
    found = _mentions("Le président a parlé de la réforme de 2020.Objectif: réussir avec Alassane Ouattara.", "fr")
    assert "Objectif" not in {mention.surface for mention in found.values()}
    assert found[name_key("Ouattara")].kind == "person"


def test_entities_a_byline_and_a_dateline_in_capitals_are_a_person_and_a_place() -> None:
    """ "Por FRANCISCO DÍAZ LAREDO, TX.-", "By MARIA CHENG LONDON (AP)": the run of capitals holds a person
    (listed first names, then a surname) and a place; its other words are dropped where they are common
    words ("AGENCIAS CELAYA": Celaya). A word before a place ("SURPRISE", a city in Arizona) and a heading
    stay what they were, and so do one place and an institution set in capitals."""
    spanish = _mentions("Por FRANCISCO DÍAZ LAREDO, TX.- El alcalde habló. AGENCIAS CELAYA, GTO.- Llovió.", "es")
    assert spanish[name_key("Díaz")].kind == "person" and spanish[name_key("Díaz")].lemma == "Francisco Díaz"
    assert {"Laredo", "Celaya"} <= _places(
        "Por FRANCISCO DÍAZ LAREDO, TX.- Habló. AGENCIAS CELAYA, GTO.- Llovió.", "es"
    )
    assert not any("AGENCIAS" in mention.surface for mention in spanish.values())
    english = _mentions("By MARIA CHENG LONDON (AP) — The talks went on. BIG SURPRISE AT THE GAMES.", "en")
    assert english[name_key("Cheng")].kind == "person"
    assert {mention.lemma for mention in english.values() if mention.kind == "place"} == {"London"}
    whole = _mentions("SAN FRANCISCO (Reuters) - Sales rose at GEORGE WASHINGTON UNIVERSITY.", "en")
    assert {mention.surface for mention in whole.values()} >= {"SAN FRANCISCO", "GEORGE WASHINGTON UNIVERSITY"}
    assert not any(mention.surface in ("GEORGE", "WASHINGTON") for mention in whole.values())
    shouted = {
        m.surface: m.kind for m in _mentions("ÖVP BOSS SEBASTIAN KURZ KURZEN DEN WAHREN. Er sprach.", "de").values()
    }
    assert shouted == {"ÖVP": "org", "SEBASTIAN KURZ": "person"}
    probe = _mentions("La sonda ESA SMART è partita.", "it")
    assert not any(mention.kind == "person" for mention in probe.values())


def test_entities_an_organisation_s_word_ends_its_name_where_the_article_writes_it_small_too() -> None:
    """ "Deutsche Bank" beside "the bank said": the organisation's word is the name's last, not a sentence's
    first word run on (as "Peter Mühlbauer Ein" is)."""
    found = _mentions("Deutsche Bank reported a loss on Monday, the bank said in Frankfurt.", "en")
    assert found[name_key("Bank")].surface == "Deutsche Bank" and found[name_key("Bank")].kind == "org"


def test_entities_a_turkish_title_after_an_office_leaves_the_office_and_makes_the_name_after_it_a_person() -> None:
    """Turkish writes the title after the organisation or place whose office it is: "Tepebaşı Belediye
    Başkanı Ahmet Ataç" is the municipality and its mayor, "Ankara Valisi" Ankara; "İçişleri Bakanı" names
    no organisation (the ministry's field) and stays none."""
    text = (
        "Tepebaşı Belediye Başkanı Ahmet Ataç açıklama yaptı. Ankara Büyükşehir Belediye Başkanı Mansur Yavaş"
        " konuştu. İçişleri Bakanı Süleyman Soylu da geldi."
    )
    found = {mention.surface: mention for mention in _mentions(text, "tr").values()}
    assert found["Mansur Yavaş"].kind == "person" and found["Ahmet Ataç"].kind == "person"
    assert any(surface.endswith("Belediye") and mention.kind == "org" for surface, mention in found.items())
    assert not any("Başkanı" in surface or surface.startswith("İçişleri") for surface in found)


def test_entities_a_holiday_alone_is_no_entity_but_a_name_holding_one_is() -> None:
    """Feasts are dates of the calendar, as months are: "Easter", "Wielkanocy" alone are no entities;
    "Christmas Island" and "Noël Le Graët" are names."""
    english = _mentions("Sales rose before Easter and Christmas. Flights to Christmas Island resumed.", "en")
    assert {mention.surface for mention in english.values()} == {"Christmas Island"}
    assert not _mentions("Przed Wielkanocą i w czasie Wielkanocy sklepy były otwarte.", "pl")
    assert _mentions("Noël Le Graët a parlé avant Noël.", "fr")[name_key("Graët")].kind == "person"


def test_entities_a_holiday_of_several_words_is_no_entity_in_any_form() -> None:
    """ "New Year's Eve", "Año Nuevo", a wish ("Happy New Year") and a Polish holiday in another case
    ("Nowym Rokiem": Nowy Rok) are dates, not entities, whatever typed them ("Eve" is a first name), and
    so is what a sentence's start leaves of one; a name that holds a holiday and more stays ("Lunar New
    Year Festival")."""
    english = _mentions("On New Year's Eve and New Year’s Day crowds said Happy New Year in London.", "en")
    assert {mention.surface for mention in english.values()} == {"London"}
    assert {mention.surface for mention in _mentions("Feliz Año Nuevo desde Madrid.", "es").values()} == {"Madrid"}
    # at a sentence's start the first word is read as the sentence's: "Nuevo" alone is what is left of it
    spanish = _mentions("Año Nuevo llegó con fiestas. En la víspera del Año Nuevo hubo fiestas en Sevilla.", "es")
    assert {mention.surface for mention in spanish.values()} == {"Sevilla"}
    polish = _mentions("Przed Nowym Rokiem i w Nowy Rok sklepy w Warszawie były zamknięte.", "pl")
    assert {mention.surface for mention in polish.values()} == {"Warszawie"}
    festival = _mentions("Crowds came to the Lunar New Year Festival in London.", "en")
    assert any(mention.surface.startswith("Lunar New Year Festival") for mention in festival.values())


def test_entities_a_pages_buttons_are_no_entities() -> None:
    """A page given as text keeps its buttons and captions inside its lines ("Vorherige Seite Nächste
    Seite", "Guardar Enviar", "Buy Photo"): names of those words alone are none; the names beside them stay,
    and so does a surname that is also such a word elsewhere ("Larry Page")."""
    german = "Inhalt ARTIKEL AUF EINER SEITE LESEN > Vorherige Seite Nächste Seite Viktor Orban knüpft an."
    assert {mention.surface for mention in _mentions(german, "de").values()} == {"Viktor Orban"}
    spanish = "EFE Actualizado: 01/01/2020 12:11h Guardar Enviar noticia por correo electrónico desde Madrid."
    assert {mention.surface for mention in _mentions(spanish, "es").values()} == {"EFE", "Madrid"}
    english = "Read or Share this story: Larry Page spoke in London. Buy Photo"
    assert {mention.surface for mention in _mentions(english, "en").values()} == {"Larry Page", "London"}


def test_entities_a_title_word_opening_a_name_of_common_words_stays_in_it() -> None:
    """ "General Motors", "General Electric", "Foreign Office" and the "Presidents Cup" are names that open
    with a title's word: not the people "Motors" and "Electric"; before a person's name the title still
    goes ("Attorney General William Barr", "Prime Minister Boris Johnson", "President Bush")."""
    business = _mentions("Shares of General Motors and General Electric fell. The Foreign Office said so.", "en")
    assert {mention.surface for mention in business.values()} == {
        "General Motors",
        "General Electric",
        "Foreign Office",
    }
    assert not any(mention.kind == "person" for mention in business.values())
    assert "Presidents Cup" in {mention.surface for mention in _mentions("He won the Presidents Cup.", "en").values()}
    people = _mentions("Attorney General William Barr met Prime Minister Boris Johnson and President Bush.", "en")
    assert {mention.surface for mention in people.values()} == {"William Barr", "Boris Johnson", "Bush"}


def test_entities_an_office_before_a_persons_name_is_no_part_of_either_name() -> None:
    """An English office written with capitals between what it is of and who holds it ("House Speaker
    Nancy Pelosi", "Saudi Crown Prince Mohammed bin Salman", "Labour Party Leader Keir Starmer"): the
    institution and the person, not an organisation "House Speaker Nancy Pelosi" or a "Crown"; an
    office alone before the name leaves nothing ("Chief Financial Officer Amy Hood", "Crown Princess
    Mary"). A name of common words that opens with an office's word stays whole ("Ambassador Hotel")."""
    cases = {
        "The bill passed, and House Speaker Nancy Pelosi said so.": {("House", "org"), ("Nancy Pelosi", "person")},
        "He said Saudi Crown Prince Mohammed bin Salman met them.": {
            # "Saudi" names a people, as "Russian" does: no entity (an English people's adjective)
            ("Mohammed bin Salman", "person"),
        },
        "Yesterday Labour Party Leader Keir Starmer spoke.": {("Labour Party", "org"), ("Keir Starmer", "person")},
        "The company's Chief Financial Officer Amy Hood said so.": {("Amy Hood", "person")},
        "He said Apple Chief Executive Tim Cook spoke.": {("Apple", "org"), ("Tim Cook", "person")},
        "They stayed at the Ambassador Hotel.": {("Ambassador Hotel", "org")},
        # the office's holder named by one name, then alone: one person, not Mary in Turkmenistan
        "He said Crown Princess Mary arrived. Mary's gown was red.": {("Mary", "person")},
        # a surname after a title, not the town of Būsh in Egypt; a capital stays a place
        "He met President Bush in Paris.": {("Bush", "person"), ("Paris", "place")},
    }
    for text, expected in cases.items():
        assert {(mention.surface, mention.kind) for mention in _mentions(text, "en").values()} == expected, text


def test_entities_a_first_name_spelled_as_a_country_before_a_surname_is_a_person() -> None:
    """ "Jordan Morris" (a footballer) and "Israel Katz" are people, not Jordan and Israel with a name after
    them (the merge audit found the country joined to two people); "Jordan Valley" keeps the country."""
    found = _mentions("Yesterday Jordan Morris and Israel Katz met in the Jordan Valley.", "en")
    kinds = {mention.surface: mention.kind for mention in found.values()}
    assert kinds["Jordan Morris"] == "person" and kinds["Israel Katz"] == "person"
    assert kinds["Jordan"] == "place"


def test_entities_a_reporting_period_is_no_organisation() -> None:
    """ "FY20", "Q3", "H1" in business news are periods, not acronyms of organisations; "G20" and "IBM"
    are names."""
    found = _mentions(
        "Revenue in FY20 rose and Q3 2021 profits beat FY2019 levels. H1 sales fell. IBM and the G20.", "en"
    )
    assert {mention.surface for mention in found.values()} == {"IBM", "G20"}


def test_entities_a_profession_before_a_name_makes_a_person_where_the_word_is_no_name_itself() -> None:
    """A journalist's, an actor's or a police officer's name after the word for the trade ("la periodista
    Analaura Rangel", whose first name no list holds); "The Economist" and Peter Singer stay as they are."""
    assert _mentions("La periodista Analaura Rangel informó del caso.", "es")[name_key("Rangel")].kind == "person"
    assert _mentions("Das zeigt die Schauspielerin Katrin Heß im Film.", "de")[name_key("Heß")].kind == "person"
    police = "Jak powiedział rzecznik policji nadkomisarz Sylwester Marczak, zatrzymano dwie osoby."
    assert _mentions(police, "pl")[name_key("Marczak")].kind == "person"
    outlet = _mentions("According to The Economist, prices rose. Peter Singer agreed. Singer said so.", "en")
    assert name_key("Economist") in outlet
    assert outlet[name_key("Singer")].count == 2


def test_entities_a_known_place_with_a_point_of_the_compass_is_a_place() -> None:
    """ "Western Balkans", "Balcanes Occidentales": a part of a place the gazetteer knows is a place; a name
    whose other words are no place stays untyped ("Western Wear")."""
    assert _mentions("Leaders of the Western Balkans met.", "en")[name_key("Balkans")].kind == "place"
    assert (
        _mentions("Los líderes de los Balcanes Occidentales se reunieron.", "es")[name_key("Occidentales")].kind
        == "place"
    )
    assert _mentions("The shop Western Wear opened.", "en")[name_key("Wear")].kind != "place"


def test_entities_an_abbreviation_s_full_stop_ends_no_sentence() -> None:
    """A title's abbreviation, a middle initial after a first name, "St." before a place of that name and
    a full stop before a lowercase word end no sentence; an initial after a common word ("group A.") and
    "St." before another word do."""
    assert split_sentences("Gov. Ron DeSantis met Donald J. Trump in St. Louis.") == [
        "Gov. Ron DeSantis met Donald J. Trump in St. Louis."
    ]
    assert split_sentences("the U.S. economy grew") == ["the U.S. economy grew"]
    assert split_sentences("They were in group A. Officials said so.") == [
        "They were in group A.",
        "Officials said so.",
    ]
    assert split_sentences("He lives on Main St. Police said so.") == ["He lives on Main St.", "Police said so."]
    found = {
        (m.surface, m.kind) for m in _mentions("Gov. Ron DeSantis met Michael J. Fox in St. Louis.", "en").values()
    }
    assert {("Ron DeSantis", "person"), ("Michael Fox", "person"), ("St Louis", "place")} <= found
    assert not {surface for surface, _ in found} & {"Gov", "J"}
    french = _mentions("Selon M. Macron, la réunion aura lieu.", "fr")
    assert ("Macron", "person") in {(m.surface, m.kind) for m in french.values()}
    polish = _mentions("28 lutego br. Sąd Rejonowy wydał wyrok, jak poinformował prof. Andrzej Horban.", "pl")
    assert {("Sąd Rejonowy", "org"), ("Andrzej Horban", "person")} <= {(m.surface, m.kind) for m in polish.values()}


def test_entities_an_abbreviated_title_is_no_name_and_makes_a_person() -> None:
    """ "PM", "Prof.", "Lt." before a name are titles, written with a capital ("5 pm" and an editor's
    "up/mp" are none); a titled name before "of the" institution is two names, not one."""
    found = {
        (m.surface, m.kind) for m in _mentions("Spain PM Pedro Sánchez and Prof. Christian Drosten met.", "en").values()
    }
    assert found == {("Spain", "place"), ("Pedro Sánchez", "person"), ("Christian Drosten", "person")}
    evening = _mentions("The meeting starts at 5 pm Monday. Editors up/mp Rückfragen bitte an die Redaktion.", "en")
    assert "person" not in {m.kind for m in evening.values()}
    officer = _mentions("Lt. Pete Hettema of the Pasadena Police Department said so.", "en")
    assert {("Pete Hettema", "person"), ("Pasadena Police Department", "org")} <= {
        (m.surface, m.kind) for m in officer.values()
    }


def test_entities_news_agencies_are_organisations_wherever_they_stand() -> None:
    """The lowercase "dpa", "Reuters" opening a credit line, "Xinhua" that nothing else types: organisations;
    "dpa" keyed as the acronym DPA; "Europa" alone is no agency."""
    german = _mentions("Berlin (dpa) - Die Lage ist ernst. Foto: DPA / Reuters. Europa wartet.", "de")
    found = {(m.surface, m.kind, m.key) for m in german.values()}
    assert ("dpa", "org", "#dpa") in found or ("DPA", "org", "#dpa") in found
    assert ("Reuters", "org") in {(m.surface, m.kind) for m in german.values()}
    assert "org" not in {m.kind for m in german.values() if m.surface == "Europa"}
    credit = _mentions("It was in New York. Reuters WASHINGTON - Seattle (Xinhua/REX) reported it.", "en")
    assert {("Reuters", "org"), ("Xinhua", "org")} <= {(m.surface, m.kind) for m in credit.values()}


def test_entities_a_place_and_an_organisation_word_alone_are_one_institution() -> None:
    """ "İran Meclisi'nde", "Alaska Senate": an institution, not a place and a common noun; "Spain's
    Congress" is Spain and the Congress of Spain (a country's office, not a run of the place and the
    word); a department is an organisation's word ("Държавния департамент")."""
    turkish = _mentions("İran Meclisi'nde seçim sonrası dengelerin değişmesi bekleniyor.", "tr")
    assert [(m.surface, m.kind) for m in turkish.values()] == [("İran Meclisi'nde", "org")]
    found = _mentions("The Alaska Senate met. Spain’s Congress voted.", "en")
    english = {(m.surface, m.kind) for m in found.values()}
    assert ("Alaska Senate", "org") in english and ("Spain’s", "place") in english
    assert found["inst:congress@iso:ES"].lemma == "Congress of Spain"
    bulgarian = _mentions("Говорител на Държавния департамент заяви това.", "bg")
    assert ("Държавния департамент", "org") in {(m.surface, m.kind) for m in bulgarian.values()}


@pytest.mark.parametrize(
    ("language", "text", "written"),
    [
        ("ru", "В Кремле заявили, что Белый дом молчит.", {"Кремле": "inst:kremlin", "Белый дом": "inst:white-house"}),
        (
            "uk",
            "У Кремлі заявили. У Білому домі мовчать.",
            {"Кремлі": "inst:kremlin", "Білому домі": "inst:white-house"},
        ),
        ("bg", "Говорител на Държавния департамент заяви.", {"Държавния департамент": "inst:us-state-department"}),
        ("de", "Der Kreml und das Weiße Haus schweigen.", {"Kreml": "inst:kremlin", "Weiße Haus": "inst:white-house"}),
        (
            "en",
            "The Kremlin and the State Department said so.",
            {"Kremlin": "inst:kremlin", "State Department": "inst:us-state-department"},
        ),
        ("tr", "Beyaz Saray'ın açıklaması geldi.", {"Beyaz Saray'ın": "inst:white-house"}),
        ("ru", "Он купил белый дом у реки.", {}),
        (
            "it",
            "La Casa Bianca e il Cremlino tacciono.",
            {"Casa Bianca": "inst:white-house", "Cremlino": "inst:kremlin"},
        ),
        (
            "it",
            "La Banca centrale europea e il Consiglio europeo.",
            {"Banca centrale europea": "org:ECB", "Consiglio europeo": "inst:european-council"},
        ),
        (
            "fr",
            "La Banque centrale européenne et le Conseil européen.",
            {"Banque centrale européenne": "org:ECB", "Conseil européen": "inst:european-council"},
        ),
        (
            "pl",
            "Europejski Bank Centralny i Rada Europejska.",
            {"Europejski Bank Centralny": "org:ECB", "Rada Europejska": "inst:european-council"},
        ),
        (
            "ru",
            "Европейский центральный банк и Европейский совет.",
            {"Европейский центральный банк": "org:ECB", "Европейский совет": "inst:european-council"},
        ),
        ("uk", "Вони зустрілися в Овальному кабінеті.", {"Овальному кабінеті": "inst:oval-office"}),
        ("en", "They met in the Oval Office.", {"Oval Office": "inst:oval-office"}),
        ("fr", "Dans le Bureau ovale, il a parlé.", {"Bureau ovale": "inst:oval-office"}),
    ],
)
def test_entities_seats_of_government_are_one_institution_in_every_language(
    language: str, text: str, written: dict[str, str]
) -> None:
    """Kremlin, Кремль, Kreml and Кремъл are one organisation, shown by its English name (no phonetic key
    joins "Kreml" and "Kremlin"); a white house in lowercase is none. So are the European Central Bank and
    the European Council, whose Romance and Slavic names are written with lowercase adjectives."""
    found = {m.surface: m for m in _mentions(text, language).values()}
    assert {surface: found[surface].key for surface in written if surface in found} == written
    assert all(found[surface].kind == "org" for surface in written)
    assert not {m.surface for m in found.values() if m.key.startswith(("inst:", "org:"))} - set(written)


def test_entities_an_agency_written_in_cyrillic_is_named_in_latin_letters_and_surnames_in_ogo_decline() -> None:
    found = {m.surface: m for m in _mentions("Об этом сообщает Ройтерс. Встреча Путина и Зеленского.", "ru").values()}
    assert (found["Ройтерс"].kind, found["Ройтерс"].lemma) == ("org", "Reuters")
    assert found["Зеленского"].lemma == "Зеленский"  # its "о" is a case ending's, not a foreign name's


def test_entities_an_agency_after_its_descriptor_is_the_agency_alone() -> None:
    """ "ИА Рейтер" (the news agency Reuters) is Reuters: "ИА" is no given name of a person Рейтер."""
    found = _mentions("Как сообщает ИА Рейтер, выборы прошли. ИА Интерфакс пишет о том же.", "ru").values()
    assert {(m.surface, m.kind, m.lemma) for m in found} == {
        ("Рейтер", "org", "Reuters"),
        ("Интерфакс", "org", "Interfax"),
    }


@pytest.mark.parametrize(
    ("language", "text"),
    [("bg", "Това предаде Франс прес вчера."), ("ru", "Как сообщает агентство Франс-Пресс, выборы прошли.")],
)
def test_entities_agence_france_presse_in_cyrillic_is_afp_not_a_person_france(language: str, text: str) -> None:
    (mention,) = _mentions(text, language).values()
    (english,) = _mentions("AFP reported it.", "en").values()
    assert (mention.key, mention.kind, mention.lemma) == (english.key, "org", "AFP")


@pytest.mark.parametrize(("language", "text"), [("bg", "Решението взе ЕК вчера."), ("uk", "Про це заявила ЄК вчора.")])
def test_entities_the_european_commission_by_its_cyrillic_acronym(language: str, text: str) -> None:
    (mention,) = _mentions(text, language).values()
    assert (mention.key, mention.lemma) == ("inst:european-commission", "European Commission")


def test_entities_a_listed_first_name_opening_a_sentence_keeps_the_full_name() -> None:
    found = _mentions("El alcalde habló.  Daniel Quintero comenzó a descubrir sus cartas en Medellín.", "es")
    quintero = [mention for mention in found.values() if "Quintero" in mention.surface]
    assert [(mention.surface, mention.kind) for mention in quintero] == [("Daniel Quintero", "person")]


def test_entities_a_family_name_the_dictionary_lists_as_a_word_is_still_a_surname() -> None:
    found = _mentions("Wczoraj minister zdrowia Łukasz Szumowski ogłosił nowe zasady.", "pl")
    assert ("Łukasz Szumowski", "person") in {(m.surface, m.kind) for m in found.values()}


def test_entities_diseases_and_viruses_are_no_names() -> None:
    """COVID, Corona (also a Californian city) and SARS-CoV-2 are neither persons, organisations nor places."""
    found = _mentions(
        "Die Corona-Pandemie trifft Bayern. COVID-19 und SARS-CoV-2 breiten sich aus, sagt Markus Söder.", "de"
    )
    surfaces = {mention.surface for mention in found.values()}
    assert not surfaces & {"Corona", "COVID", "SARS", "CoV", "COVID-19", "SARS-CoV-2"}
    assert {"Bayern", "Markus Söder"} <= surfaces
    assert names_a_disease("SARS-CoV-2") and names_a_disease("Коронавирус") and not names_a_disease("Corona Norco")


def test_entities_an_acronym_of_a_kind_of_thing_is_no_organisation() -> None:
    """ "TV" of "TV-Sender" was an organisation in 21 of the dev pairs' articles; a German "TV" before a
    town is a sports club (Turnverein), one name with it."""
    found = _mentions("Der TV-Sender CNN zeigte, wie der CEO eine SMS schrieb. Der TV Gelnhausen gewann.", "de")
    assert {(mention.surface, mention.kind) for mention in found.values()} == {
        ("CNN", "org"),
        ("TV Gelnhausen", "org"),
    }
    turkish = _mentions("Ankara'daki AVM'de KDV ve PCR testleri konuşuldu, dedi Ahmet Yılmaz.", "tr")
    assert not {"AVM", "KDV", "PCR"} & {mention.surface.split("'")[0] for mention in turkish.values()}
    degrees = _mentions("Copyright Marlynn Wei, MD 2019. By Jon White, MD at InXpress.", "en")
    assert "MD" not in {mention.surface for mention in degrees.values()}
    money = _mentions("Spółka Orlen zarobiła 7,5 mln PLN, a Boeing 1,2 mld USD.", "pl")
    assert not {"PLN", "USD"} & {mention.surface for mention in money.values()}


def test_entities_a_german_title_counts_only_right_before_the_name() -> None:
    """German capitalises a title's complement too, so "Frau" three words back is no title of "Mitglied"."""
    assert not _mentions("Die Frau war Mitglied eines Teams.", "de")
    assert [m.kind for m in _mentions("Gestern sagte Frau Merkel nichts.", "de").values()] == ["person"]


def test_entities_a_disease_in_turkish_capitals_or_with_a_case_ending_is_no_name() -> None:
    """Turkish "COVİD" folds its "İ" to "i" and a combining dot; "Koronavirüs'teki" and "Coronavirus'un"
    carry case endings after an apostrophe. Both had come out as an organisation and an untyped name."""
    found = _mentions("Bakan Fahrettin Koca, COVİD salgını hakkında Ankara'da açıklama yaptı.", "tr")
    assert {mention.surface for mention in found.values()} == {"Fahrettin Koca", "Ankara'da"}
    assert names_a_disease("Koronavirüs'teki") and names_a_disease("Coronavirus'un") and names_a_disease("COVID19")
    assert not names_a_disease("Ankara'da")


def test_entities_a_bare_word_joins_an_untyped_full_name_without_making_a_person() -> None:
    """The bare "Senators" after "Ottawa Senators" is the same name, not a person's surname; "Stonoga" after
    "Zbigniew Stonoga" is (a listed first name opens the full name, though the surname is a word too)."""
    teams = _mentions("The Penguins beat the visiting Ottawa Senators 5-2. The Senators lost again.", "en")
    assert "person" not in {mention.kind for mention in teams.values()}
    assert ("Ottawa Senators", "org") in {(mention.surface, mention.kind) for mention in teams.values()}
    polish = _mentions("Zbigniew Stonoga opublikował nagranie. Według niego Stonoga nie kłamie.", "pl")
    assert ("Zbigniew Stonoga", "person") in {(mention.surface, mention.kind) for mention in polish.values()}


def test_entities_a_name_is_no_form_of_a_common_word_where_names_do_not_inflect() -> None:
    """Spanish, English: "Fuentes" is a surname, not the plural of "fuente"; "Edited" and "Editing"
    are not Edith, and "Estado" is not a form of "estar" (a name of its own; alone, "el Estado" is a
    frequent word, no name)."""
    found = _mentions("Martín Fuentes dio negativo. Fuentes habló con su familia.", "es")
    assert [mention.lemma for mention in found.values() if "Fuentes" in mention.surface] == ["Martín Fuentes"]
    edited = _mentions("Story by Tom Lane, Edited by Sue Park.", "en")
    assert [mention.lemma for mention in edited.values() if mention.surface == "Edited"] == ["Edited"]
    assert set(_keys("Ayer dijo el presidente que el Estado Mayor pagará.", "es").values()) == {"Estado Mayor"}
    assert _keys("Ayer dijo el presidente que el Estado pagará.", "es") == {}


def test_entities_a_word_a_city_abroad_also_goes_by_is_the_word() -> None:
    """A sentence-initial German adverb GeoNames lists for Dubai ("Dabei"), a first name it lists for
    Milan ("Mila") in English text: no place. Where the city's language is spoken, its name stays."""
    german = _mentions("Dabei wurde klar, dass Dubai weiter wächst.", "de")
    assert [mention.surface for mention in german.values() if mention.kind == "place"] == ["Dubai"]
    english = _mentions("Her friend Mila Stone and Mila's sister came from Milan.", "en")
    assert {m.surface for m in english.values() if m.kind == "place"} == {"Milan"}
    italian = _mentions("Roma ha deciso. Il sindaco di Roma parla.", "it")
    assert "place" in {mention.kind for mention in italian.values()}
    # a city's name in another language that only its last vowel sets apart is the city ("Roma": Rome,
    # "Adelaida": Adelaide); a first name the city's name goes on from is not ("Trent": Trento)
    spanish = _mentions("Roma, 26 de febrero (EFE). El torneo se juega en Adelaida.", "es")
    assert {m.lemma for m in spanish.values() if m.kind == "place"} == {"Rome", "Adelaide"}
    trent = _mentions("For Trent Alexander-Arnold, assisting a goal is satisfying. Trent said so.", "en")
    assert "place" not in {mention.kind for mention in trent.values()}


def test_entities_a_companys_legal_form_is_no_name_and_makes_an_organisation() -> None:
    """The "Siemens AG" is Siemens, an organisation; no entity "AG" joins every company of the store."""
    german = _mentions("Die Siemens AG und die Bayer AG melden Gewinne.", "de")
    assert {(m.surface, m.kind) for m in german.values()} == {("Siemens", "org"), ("Bayer", "org")}
    english = _mentions("Volkswagen AG said on Monday that sales rose at Barclays PLC.", "en")
    assert {"Volkswagen", "Barclays"} <= {m.surface for m in english.values()}
    assert not {"AG", "PLC"} & {m.surface for m in english.values()}


def test_entities_a_german_house_or_palace_alone_is_the_noun() -> None:
    # German capitalises every noun: "im Haus", "zu Haus" are no organisation "Haus"; the White House is
    text = "Die Polizei fand es im Haus. Donald allein zu Haus. Im Palast von Versailles. Das Weiße Haus schwieg."
    found = _mentions(text, "de")
    assert {m.surface for m in found.values()} <= {"Weiße Haus", "Versailles"}
    assert "Weiße Haus" in {m.surface for m in found.values()}


def test_entities_a_german_name_in_the_genitive_ends_before_the_noun_it_has() -> None:
    # "Angela Merkels Rede" (her speech) is Angela Merkel and a noun, not one name "Angela Merkels Rede";
    # "Jens Büttner" (Jens is a first name), an adjective ("Deutsches") and a place's word are no genitives
    text = "Angela Merkels Rede war kurz, sagte Merkel. Hillary Clintons Buch erschien. Das Foto machte Jens Büttner."
    surfaces = {m.surface for m in _mentions(text, "de").values()}
    assert {"Jens Büttner"} <= surfaces and not {"Angela Merkels Rede", "Hillary Clintons Buch"} & surfaces
    assert {"Angela Merkel", "Hillary Clinton"} <= surfaces  # keyed as the names written without the "s"
    others = "Das Deutsches Kinderhilfswerk half in der Hauptstadt Addis Abeba, sagte Merkel."
    assert {"Deutsches Kinderhilfswerk", "Addis Abeba"} <= {m.surface for m in _mentions(others, "de").values()}


def test_entities_a_german_surname_the_dictionary_reads_as_a_verb_or_a_plural_stays_as_written() -> None:
    # "Laschet" is no form of "laschen", "Williams" no genitive of William
    lemmas_found = {m.lemma for m in _mentions("Armin Laschet traf Pharrell Williams in Aachen.", "de").values()}
    assert {"Armin Laschet", "Pharrell Williams"} <= lemmas_found


def test_entities_the_german_title_of_the_pope_makes_a_person() -> None:
    found = _mentions("Papst Franziskus betete im Vatikan.", "de")
    assert {(m.surface, m.kind) for m in found.values()} == {("Franziskus", "person"), ("Vatikan", "place")}


def test_entities_a_legal_form_after_a_comma_is_its_companys() -> None:
    """ "Planet Labs, Inc." and "Landry's, Inc." are companies, and no entity "Inc" joins them; a region's
    code after a city and a comma stays the region ("Zürich, AG": Aargau)."""
    found = _mentions("Images from Planet Labs, Inc. show it. The owner of Landry's, Inc., spoke.", "en")
    assert {(m.surface, m.kind) for m in found.values()} == {("Planet Labs", "org"), ("Landry's", "org")}
    assert "iso:CH-AG" in _mentions("They met in Zürich, AG today.", "en")


def test_entities_a_run_of_acronyms_is_one_name_not_its_last_acronym() -> None:
    found = _mentions("Klienci PKO BP narzekają. Koncern BP podał wyniki.", "pl")
    assert found[acronym_key("PKOBP")].surface == "PKO BP" and found[acronym_key("BP")].surface == "BP"


def test_entities_a_dictionary_form_names_a_place_only_where_place_names_inflect() -> None:
    """The German "Hallen" (halls) is not Halle; a Turkish word stripped of its suffixes ("Koronafobi")
    is not the Venezuelan city Coro; a Polish case form still finds its city."""
    german = _mentions("Die Hallen waren voll, sagte der Veranstalter in Halle.", "de")
    assert [m.surface for m in german.values() if m.kind == "place"] == ["Halle"]
    turkish = _mentions("Uzmanlar Koronafobi konusunda uyardı. Koronafobi yayılıyor.", "tr")
    assert "place" not in {m.kind for m in turkish.values()}
    polish = _mentions("Spotkanie odbyło się w Krakowie.", "pl")
    assert [m.lemma for m in polish.values() if m.kind == "place"] == ["Kraków"]


def test_entities_a_pages_label_before_a_colon_is_no_name() -> None:
    """The labels "Kaynak: AA" (source) and "Son Güncelleme: 16.01.2020" (last update): words before a
    colon and an agency's acronym or a number, are no names; a name before a quotation stays one."""
    found = _mentions("Vatandaşlar uyarıldı. - ORDU Kaynak: İHA 11:38 | Son Güncelleme: 16.01.2020 17:02", "tr")
    assert not {"Kaynak", "Son Güncelleme", "Güncelleme"} & {m.surface for m in found.values()}
    # where "Son" opens the sentence and is left out as a word, its label's last word is no name either
    opening = _mentions("Meclis yarın toplanıyor. Son Güncelleme: 20.02.2020 12:54 ABD ve Ukrayna.", "tr")
    assert "Güncelleme" not in {m.surface for m in opening.values()}
    polish = _mentions("Wywiad z koszykarzem. Marcin Gortat: Nie wiem, co będzie dalej.", "pl")
    assert "Marcin Gortat" in {m.surface for m in polish.values()}


def test_entities_months_and_weekdays_are_no_names_in_the_articles_language() -> None:
    """The CLDR's month and weekday names of the article's language: "Mitte März" and "Am Dienstag" in
    German, which capitalises them; where a language writes them in lowercase, a capital opening a
    sentence or before a day's number is still the date ("Lundi 10 février"), and one inside a name is
    the name's ("Santo Domingo")."""
    assert _mentions("Die Wahl soll Mitte März stattfinden, sagte Olaf Scholz am Dienstag.", "de").keys() == {
        name_key("Scholz")
    }
    assert not _mentions("Am Dienstag wurde gewählt. Anfang Mai wird gezählt.", "de")
    french = _mentions("La finale a été reportée Lundi 10 février, a annoncé Emmanuel Macron.", "fr")
    assert [m.surface for m in french.values()] == ["Emmanuel Macron"]
    spanish = _mentions("El presidente viajó ayer a Santo Domingo con su equipo.", "es")
    assert "Santo Domingo" in {m.surface for m in spanish.values()}


def test_entities_a_lone_frequent_word_is_no_name() -> None:
    """A title the page glued to its text ("del tren Desde agosto") leaves a frequent word capitalised
    mid-sentence: no name. Frequent words the dictionary writes with a capital ("Polski", of Poland) or
    that some locale lists as a first name ("Yusuf") stay."""
    spanish = _mentions("Aumenta problema del ruido del tren Desde agosto de 2018 el cabildo decide.", "es")
    assert "Desde" not in {m.surface for m in spanish.values()}
    polish = _mentions("Spotkanie odbyło się w pałacu prezydenta Polski w czwartek.", "pl")
    assert "Polski" in {m.surface for m in polish.values()}
    turkish = _mentions("Dün akşam Yusuf evine döndü.", "tr")
    assert "Yusuf" in {m.surface for m in turkish.values()}


def test_entities_a_capitalised_small_german_word_ends_a_name() -> None:
    """German capitalises nouns, so after a stop the page lost ("Volksfest In Lederhose", "Eine Frau
    trägt") only the small word's capital tells a sentence began: no name goes on across it, and the
    common nouns around it are none; a place that opens with one stays ("Den Haag")."""
    found = _mentions("Zum Drive-in-Volksfest In Lederhose nach Regensburg Eine Frau trägt einen Schleier.", "de")
    assert {m.surface for m in found.values()} == {"Regensburg"}
    assert "Den Haag" in {m.surface for m in _mentions("Das Gericht tagte gestern in Den Haag.", "de").values()}


def test_entities_a_word_for_a_language_or_people_is_no_name() -> None:
    """English capitalises its words for languages and peoples ("Russian", "Bavarian"): alone they are
    no entity; where a language writes them in lowercase, the capital form is something else ("Polski",
    of Poland)."""
    english = _mentions("The Russian delegation met Bavarian officials in Munich.", "en")
    assert not {"Russian", "Bavarian"} & {m.surface for m in english.values()}
    polish = _mentions("Spotkanie odbyło się w pałacu prezydenta Polski w czwartek.", "pl")
    assert "Polski" in {m.surface for m in polish.values()}


def test_entities_a_first_name_alone_or_a_name_with_two_first_names_is_a_persons() -> None:
    """A listed first name alone is a person's where it is no word of the language ("Melinda"; not
    "Will"); a Spanish name of two first names and two surnames is one person's."""
    english = _mentions("The foundation said Melinda would travel. Will it work, asked the board.", "en")
    assert {m.surface: m.kind for m in english.values()} == {"Melinda": "person"}
    spanish = _mentions("El fiscal detuvo ayer a José Antonio Yepez Ortiz en Celaya.", "es")
    assert {m.surface: m.kind for m in spanish.values()}["José Antonio Yepez Ortiz"] == "person"


def test_entities_a_countrys_name_in_another_language_that_is_a_first_name_is_a_persons() -> None:
    """ "Maurice" is Mauritius in French only: in English text it is a person; "Georgia", the country's
    English name, stays the country."""
    english = _mentions("The report was written by Maurice for the committee in Geneva.", "en")
    assert not any(key == "iso:MU" for key in english)
    french = _mentions("Le président de Maurice est arrivé hier à Paris.", "fr")
    assert "iso:MU" in french
    georgia = _mentions("The talks in Georgia ended on a positive note.", "en")
    assert "iso:GE" in georgia


def test_entities_a_german_compound_ending_in_an_organisation_word_makes_an_organisation() -> None:
    """ "Kantonspolizei Aargau", "Tiroler Tageszeitung": German writes the organisation word into the
    compound; alone such a compound stays a common noun."""
    found = _mentions("Das teilte die Kantonspolizei Aargau am Abend mit, berichtet die Tiroler Tageszeitung.", "de")
    kinds = {m.surface: m.kind for m in found.values()}
    assert kinds.get("Kantonspolizei Aargau") == "org"
    assert kinds.get("Tiroler Tageszeitung") == "org"


def test_entities_a_surname_the_dictionary_knows_as_a_proper_noun_or_as_no_german_noun() -> None:
    """After a listed first name, a word the dictionary also knows makes a person's name when the
    dictionary writes it with a capital ("Adamek" in Polish) or, in German, where every noun has one,
    when it is no noun ("Endig": endigen); "Craig Road" stays no person."""
    polish = _mentions("Wczoraj Tomasz Adamek przedstawił plan treningów.", "pl")
    assert {m.surface: m.kind for m in polish.values()}.get("Tomasz Adamek") == "person"
    german = _mentions("Das sagte gestern Peter Endig vor der Presse.", "de")
    assert {m.surface: m.kind for m in german.values()}.get("Peter Endig") == "person"
    english = _mentions("The crash happened on Craig Road late on Friday.", "en")
    assert "person" not in {m.kind for m in english.values()}


@pytest.mark.parametrize(
    ("text", "language", "name", "person"),
    [
        ("On Monday Emmanuel Macron met Mike Pence in Paris.", "en", "Emmanuel Macron", True),
        ("On Monday Emmanuel Macron met Mike Pence in Paris.", "en", "Mike Pence", True),
        ("Das Foto machte gestern Jens Büttner in der Stadt.", "de", "Jens Büttner", True),
        # a first name that is a word itself, a plural, a compound of nouns, a word the article writes
        ("The Golden Jackass award went to him.", "en", "Golden Jackass", False),
        ("The Christian Democrats met on Monday.", "en", "Christian Democrats", False),
        ("Am Montag sah Lisa Hauptbahnhof und Rathaus.", "de", "Lisa Hauptbahnhof", False),
        ("Then Maria Pence said the pence were gone.", "en", "Maria Pence", False),
    ],
)
def test_entities_a_first_name_and_a_rarer_word_of_the_dictionary_make_a_person(
    text: str, language: str, name: str, person: bool
) -> None:
    """After a listed first name, a rarer dictionary word is still a surname ("Macron", "Pence",
    "Büttner"), unless the first name is itself a word, the word is a plural or a compound of nouns, or
    the article writes it in lowercase."""
    kinds = {m.surface: m.kind for m in _mentions(text, language).values()}
    assert (kinds.get(name) == "person") is person, kinds


def test_entities_a_german_name_the_dictionary_reads_as_a_verbs_stem_stays_as_written() -> None:
    """German capitalises every noun, so a capitalised word that the dictionary reads as a verb's stem
    ("Pell": pellen) is a name as written, and keyed so, like the English article's "Pell"; an
    adjective's endings still go ("Deutschen Bank" is "Deutsche Bank")."""
    german = _mentions("Der Prozess gegen Kardinal George Pell begann gestern.", "de")
    english = _mentions("The trial of Cardinal George Pell began yesterday.", "en")
    assert [m.lemma for m in german.values()] == ["George Pell"]
    assert german.keys() == english.keys()
    inflected = _mentions("Der Chef der Deutschen Bank sprach gestern.", "de")
    plain = _mentions("Gestern meldete die Deutsche Bank einen Gewinn.", "de")
    assert inflected.keys() == plain.keys()


def test_entities_a_german_surname_the_dictionary_reads_as_an_adjective_stays_as_written() -> None:
    """After a listed first name, a capitalised adjective's form is a surname ("Manuel Neuer": the
    dictionary's "neu" would leave a one-letter key and no mention at all), keyed as the English article
    writes it; a verb's form keeps the key its bare mentions have ("Armin Laschet ... Laschet": one)."""
    german = _mentions("Gestern hielt Torhüter Manuel Neuer den Elfmeter.", "de")
    english = _mentions("Yesterday goalkeeper Manuel Neuer saved the penalty.", "en")
    assert [m.lemma for m in german.values()] == ["Manuel Neuer"]
    assert german.keys() == english.keys()
    assert [m.lemma for m in _mentions("Gestern sprach Christine Lange im Landtag.", "de").values()] == [
        "Christine Lange"
    ]
    laschet = _mentions("Armin Laschet sprach gestern. Laschet sagte dann, es sei gut.", "de")
    assert [m.surface for m in laschet.values()] == ["Armin Laschet"]


def test_entities_a_turkish_institution_with_its_case_ending_is_an_organisation() -> None:
    """Turkish writes an institution's case endings on without an apostrophe ("İçişleri Bakanlığının"):
    the organisation word still makes the name an organisation's; alone it stays a common noun."""
    found = _mentions("Dün İçişleri Bakanlığının açıklamasına göre vaka sayısı arttı.", "tr")
    assert {m.surface: m.kind for m in found.values()}.get("İçişleri Bakanlığının") == "org"
    alone = _mentions("Vatandaşlar dün Bakanlığımız ile görüştü.", "tr")
    assert "Bakanlığımız" not in {m.surface for m in alone.values()}


def test_entities_polish_names_in_a_case_form_are_persons_with_their_nominative() -> None:
    """ "Tomasza Grodzkiego", "Andrzejem Dudą": a first name in a case form whose dictionary form is a
    listed first name makes a person, and an adjectival surname takes its nominative of the same
    gender (Grodzki, not the dictionary's "Grodzkie"; "Rady Miejskiej" is Rada Miejska)."""
    found = _mentions("Wczoraj spotkanie Tomasza Grodzkiego z prezydentem Andrzejem Dudą.", "pl")
    assert {(m.lemma, m.kind) for m in found.values()} >= {("Tomasz Grodzki", "person"), ("Andrzej Duda", "person")}
    council = _mentions("Szef Rady Miejskiej przyjechał wczoraj.", "pl")
    assert "Rada Miejska" in {m.lemma for m in council.values()}


def test_entities_a_word_with_an_inner_capital_is_an_organisations_name() -> None:
    """ "GasBuddy", "EUobserver": companies and outlets write an inner capital; a family name's prefix
    explains one ("McCarthy"), and a German word that is two glued words stays no name."""
    found = _mentions("Prices rose this week, according to figures from GasBuddy and the EUobserver.", "en")
    kinds = {m.surface: m.kind for m in found.values()}
    assert kinds.get("GasBuddy") == kinds.get("EUobserver") == "org"
    assert not is_brand_shaped("McCarthy") and not is_brand_shaped("DeSantis")
    assert "SpielDaher" not in {m.surface for m in _mentions("Das war ein SpielDaher wurde gelacht.", "de").values()}


def test_entities_a_german_noun_before_a_full_name_or_a_place_is_context() -> None:
    """ "Bundeskanzlerin Angela Merkel", "Hauptstadt Moskau", "Bundesstaat Borno": the capitalised
    noun says what the name is; an organisation's word stays part of its name ("Kantonspolizei
    Aargau"), and so does an adjective ("Deutsche Bank")."""
    found = _mentions(
        "Gestern sprach Bundeskanzlerin Angela Merkel in der Hauptstadt Moskau mit dem Chef der Deutschen Bank.", "de"
    )
    surfaces = {m.surface for m in found.values()}
    assert {"Angela Merkel", "Moskau"} <= surfaces and "Deutschen Bank" in surfaces
    borno = _mentions("Im Bundesstaat Borno griff die Kantonspolizei Aargau nicht ein.", "de")
    assert {"Borno", "Kantonspolizei Aargau"} <= {m.surface for m in borno.values()}
    plural = _mentions("In den Bundesstaaten Texas und Ohio wird gewählt.", "de")
    assert "Texas" in {m.surface for m in plural.values()}


def test_entities_a_german_noun_before_a_bare_name_is_context() -> None:
    """ "Wetterdienst Ubimet", "Kabinett Nehammer": a German noun before one word that is only a name (a
    listed family name, or no word of the dictionary) says what it is; an English word ("Burger King")
    or a word for what comes from a place ("Berliner Tempodrom") stays part of the name."""
    found = _mentions("Laut dem Wetterdienst Ubimet tagte das Kabinett Nehammer gestern im Berliner Tempodrom.", "de")
    surfaces = {m.surface for m in found.values()}
    assert {"Ubimet", "Nehammer", "Berliner Tempodrom"} <= surfaces
    assert not {"Wetterdienst Ubimet", "Kabinett Nehammer"} & surfaces
    assert "Burger King" in {m.surface for m in _mentions("Er aß gestern bei Burger King in Hamburg.", "de").values()}


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Das sagte der Chipkonzern Intel am Montag.", "Intel"),
        ("Laut dem Meinungsforschungsinstitut Forsa sinkt die Zustimmung.", "Forsa"),
        ("Nach einer Umfrage des Meinungsforschungsinstituts YouGov sinkt sie.", "YouGov"),
        ("Das sagte der Autobauer Tesla am Montag.", "Tesla"),
        ("Die Ratingagentur Moody's senkte die Note.", "Moody's"),
    ],
)
def test_entities_a_german_kind_of_company_before_its_name_is_context(text: str, company: str) -> None:
    """ "Chipkonzern Intel": a compound for a kind of company says what the name after it is, and makes
    it a company's even where German's dictionary has the word (Intel, Tesla); an organisation of a place
    stays whole ("Staatsanwaltschaft Zofingen", "Landesbank Hessen")."""
    found = {m.surface: m.kind for m in _mentions(text, "de").values()}
    assert found == {company: "org"}
    kept = {m.surface for m in _mentions("Die Staatsanwaltschaft Zofingen und die Landesbank Hessen.", "de").values()}
    assert {"Staatsanwaltschaft Zofingen", "Landesbank Hessen"} <= kept


def test_entities_a_german_noun_before_a_name_of_bare_words_is_context() -> None:
    """ "Premierminister Shinzo Abe": a full name whose words are names and nothing else (no first name
    a locale lists); after a country too ("Japans Ministerpräsidenten Shinzo Abe": Japan, then the name)."""
    for text in (
        "Das sagte Premierminister Shinzo Abe am Montag.",
        "Er telefonierte mit Japans Ministerpräsidenten Shinzo Abe am Montag.",
    ):
        assert "Shinzo Abe" in {m.surface for m in _mentions(text, "de").values()}, text
    # a noun some family is named after, before a full name: still what the name is, not part of it
    text = "Der frühere Chef von Renault Carlos Ghosn ist geflohen."
    assert "Carlos Ghosn" in {m.surface for m in _mentions(text, "de").values()}


def test_entities_a_run_of_german_nouns_is_no_name() -> None:
    """German capitalises its nouns: "Hunderte Demonstranten" and "Millionen Zuschauer" are none, nor is
    "Demonstranten" alone a surname of the first; an adjective ("Deutsche Bahn"), a word for what comes
    from a place ("Wolfsburger Nachrichten") or English words alone ("Rolling Stones") make a name; a
    German noun that English also has is still one beside another ("Jahre Haft", "Strafe Gottes")."""
    text = (
        "Am Dienstag zogen Hunderte Demonstranten vor die Botschaft, gesehen von Millionen Zuschauer. "
        "Die Polizei stoppte die Demonstranten nicht. Die Deutsche Bahn fährt, "
        "berichten die Wolfsburger Nachrichten, und die Rolling Stones spielen. "
        "Ihm drohen 15 Jahre Haft, sagen sie, es sei eine „Strafe Gottes“."
    )
    surfaces = {m.surface for m in _mentions(text, "de").values()}
    assert not {"Hunderte Demonstranten", "Millionen Zuschauer", "Demonstranten", "Jahre Haft"} & surfaces
    assert not {"Strafe Gottes", "Haft", "Gottes"} & surfaces
    assert {"Deutsche Bahn", "Wolfsburger Nachrichten", "Rolling Stones"} <= surfaces


def test_entities_a_noun_whose_lowercase_is_a_verbs_form_is_still_a_noun() -> None:
    """ "Menge", "Tonnen": nouns whose lowercase forms are forms of verbs (mengen, tonnen), so a run of
    them is no name; an adjective before a noun ("Vereinte Nationen") still makes one."""
    text = "Am Wochenende gibt es jede Menge Sonnenschein. Sie förderten Tonnen Kohle. Die Vereinte Nationen tagen."
    surfaces = {m.surface for m in _mentions(text, "de").values()}
    assert not {"Menge Sonnenschein", "Tonnen Kohle"} & surfaces
    assert "Vereinte Nationen" in surfaces


@pytest.mark.parametrize(
    ("text", "language", "surface"),
    [
        ("He lives on Downing Street and reads the Wall Street Journal.", "en", "Downing Street"),
        ("Alanya'nın Oba Mahallesi'nde kaza oldu.", "tr", "Oba"),  # the neighbourhood's noun is left out
        ("Der Unfall geschah in der Breslauer Straße am Abend.", "de", "Breslauer Straße"),
        ("Missiles hit the Salman Airbase on Tuesday.", "en", "Salman Airbase"),  # no person Salman
    ],
)
def test_entities_a_street_or_a_neighbourhood_is_a_place(text: str, language: str, surface: str) -> None:
    kinds = {m.surface: m.kind for m in _mentions(text, language).values()}
    assert kinds[surface] == "place"
    assert kinds.get("Wall Street Journal", "org") == "org"  # an organisation word wins


def test_entities_a_movement_is_an_organisation() -> None:
    found = {m.surface: m.kind for m in _mentions("Officials of the Five Star Movement met.", "en").values()}
    assert "person" not in found.values() and "org" in found.values()


def test_entities_spanish_assemblies_councils_and_courts_are_organisations() -> None:
    text = "Ayer la Asamblea Nacional votó. El Concejo Municipal de Bogotá habló. Un juez del Juzgado Penal dijo."
    kinds = {m.surface: m.kind for m in _mentions(text, "es").values()}
    assert {kinds.get(name) for name in ("Asamblea Nacional", "Concejo Municipal de Bogotá", "Juzgado Penal")} == {
        "org"
    }


def test_entities_a_turkish_airline_is_an_organisation() -> None:
    found = _mentions("Dün Pegasus Havayolları'nın uçağı pistten çıktı.", "tr")
    assert {m.kind for m in found.values()} == {"org"}


def test_entities_an_organisation_word_before_a_name_types_it() -> None:
    """ "la revista Forbes", "el partido Primero Justicia": the lowercase organisation word says what the
    name is; not across a comma ("la empresa, Roy Guzmán" is the company's representative), nor for a
    word the filters drop anyway."""
    found = _mentions("Según la revista Forbes, el partido Primero Justicia ganó en Caracas.", "es")
    kinds = {m.surface: m.kind for m in found.values()}
    assert kinds["Forbes"] == kinds["Primero Justicia"] == "org"
    person = _mentions("Firmaron el director Richard Delgado y el representante de la empresa, Roy Guzmán.", "es")
    assert {m.surface: m.kind for m in person.values()}.get("Roy Guzmán") == "person"


def test_entities_a_heading_whose_words_the_text_inflects_is_no_name() -> None:
    """A Turkish title-case heading ("Hastanelerde Randevulu Sisteme Geçildi") whose words the text
    writes in lowercase in other forms ("randevu sistemine"): no name; a place in it stays one, with
    its case ending ("Eskişehir'deki")."""
    text = (
        "Hastanelerde Randevulu Sisteme Geçildi Eskişehir'deki Hastanelerde Yeni Dönem "
        "Zonguldak'ta hastanelerde randevu sistemine geçildi, yeni dönem başladı."
    )
    surfaces = {m.surface for m in _mentions(text, "tr").values()}
    assert not any("Randevulu" in surface or "Hastanelerde" in surface for surface in surfaces)
    assert {"Eskişehir'deki", "Zonguldak'ta"} <= surfaces


def test_entities_in_a_script_without_capitals_places_and_people_are_found_by_what_is_known() -> None:
    """Arabic has no capitals: its places come from the gazetteer, also after the proclitics written
    onto them ("وبالقاهرة", and in Cairo), its people from a listed first name and a family name;
    a city abroad named by a word ("كورونا", corona, is also a Californian city) and a verb after a
    first name ("تحاول", she tries) are none."""
    text = (
        "أعلن الدكتور عاصم الجزار بدء التسجيل في القاهرة الجديدة وبالقاهرة. "
        "وقالت أفنان تحاول الحد من انتشار فيروس كورونا في المطرية."
    )
    found = {m.surface: m for m in _mentions(text, "ar").values()}
    assert found["القاهرة الجديدة"].lemma == "New Cairo" and found["القاهرة"].lemma == "Cairo"
    assert found["عاصم الجزار"].kind == "person" and found["المطرية"].kind == "place"
    assert not any("كورونا" in surface or "تحاول" in surface for surface in found)


def test_entities_in_a_script_without_capitals_a_title_makes_the_two_words_after_it_a_person() -> None:
    """After a person's title ("الجنرال", "الرئيس") a first name no list holds and a family name the
    dictionary reads as a word are a person's; "عبد الفتاح" is one first name of two words. Without a
    title a verb after a first name is still none."""
    text = (
        "تمكن مسؤولي القاهرة تحت إشراف الجنرال أشرف السيدي من القبض على المتهم. "
        "وقال الرئيس عبد الفتاح السيسي إن الأمر انتهى. وقالت أفنان تحاول الحد من انتشار فيروس كورونا."
    )
    found = {m.surface: m for m in _mentions(text, "ar").values()}
    assert found["أشرف السيدي"].kind == "person" and found["عبد الفتاح السيسي"].kind == "person"
    assert found["عبد الفتاح السيسي"].key == name_key("السيسي")
    assert not any("تحاول" in surface for surface in found)


def test_entities_a_turkish_case_ending_ends_the_name() -> None:
    """Turkish sets a name's case ending off with an apostrophe after the whole name: the name ends
    there ("Manisa'nın Saruhanlı ilçesi": Manisa's district Saruhanlı, two names; "Birleşik Krallık'ta Kovid"
    is the United Kingdom, then the disease)."""
    found = _mentions("Dün Manisa'nın Saruhanlı ilçesinde ve Birleşik Krallık'ta Kovid vakaları arttı.", "tr")
    surfaces = {m.surface for m in found.values()}
    assert {"Manisa'nın", "Birleşik Krallık'ta"} <= surfaces
    assert not any("Saruhanlı" in surface and "Manisa" in surface for surface in surfaces)
    assert "iso:GB" in found


def _kinds(text: str, language: str) -> dict[str, str]:
    return {m.surface: m.kind for m in _mentions(text, language).values()}


def test_entities_a_locative_before_an_untyped_name_makes_a_place() -> None:
    """A name nothing else types is a place after a locative preposition ("in Oftringen", "en
    Almensilla") or with a Turkish locative ending ("Esenkent'te"), or after a German noun for a kind
    of place the gazetteer does not know it under ("Insel Lesbos"); not a common word after one ("in
    Retrospect"), a possessive ("in Ivey's lab"), nor a Turkish ablative, which follows speakers too."""
    assert _kinds("Der Unfall geschah in Oftringen am Morgen.", "de")["Oftringen"] == "place"
    assert _kinds("El accidente ocurrió en Almensilla ayer por la tarde.", "es")["Almensilla"] == "place"
    assert _kinds("Yangın dün Esenkent'te çıktı.", "tr")["Esenkent'te"] == "place"
    assert _kinds("Die Fähre legte gestern an der Insel Lesbos an.", "de").get("Lesbos") == "place"
    assert _kinds("The results were tested in Ivey's lab yesterday.", "en").get("Ivey's") != "place"
    assert _kinds("Açıklama dün Karabulut'tan geldi.", "tr").get("Karabulut'tan") != "place"
    german = _kinds("Der Marktanteil lag bei 16,1 Prozent, sagte Kessler.", "de")
    assert german.get("Prozent") != "place"


def test_entities_outlets_teams_and_cartels_are_organisations() -> None:
    found = _kinds("Según el Diario Primicia, el Cártel del Golfo negó todo. Radio Eins lo confirmó.", "es")
    assert found.get("Diario Primicia") == "org" and found.get("Cártel del Golfo") == "org"
    assert _kinds("Açıklamayı dün Fenerbahçe Kulübü yaptı.", "tr").get("Fenerbahçe Kulübü") == "org"


def test_entities_a_first_name_of_two_joined_by_a_hyphen_is_one_given_name() -> None:
    """ "Jean-Luc Mélenchon" is not "Luc Mélenchon" beside a "Jean"; a hyphen between two surnames or
    two names of different people still separates them."""
    found = {
        m.surface: m for m in _mentions("Hier, Jean-Luc Mélenchon a parlé avec Marie-Claire Dupont.", "fr").values()
    }
    assert {"Jean-Luc Mélenchon", "Marie-Claire Dupont"} <= set(found)
    assert found["Jean-Luc Mélenchon"].kind == "person" and "Jean" not in found and "Marie" not in found


def test_entities_a_model_span_of_one_word_that_is_no_noun_is_no_name() -> None:
    """The Russian model reads a sentence-initial "Вчера" (yesterday) as an organisation."""
    found = {m.surface for m in _mentions("Вчера Сергей Лавров был в Москве.", "ru").values()}
    assert "Вчера" not in found and "Сергей Лавров" in found


def test_entities_an_organisation_named_after_a_person_of_the_article_stays_an_organisation() -> None:
    text = "Donald Trump kam. Der Vermieter des Plaza Hotel Trump schwieg dazu."
    (article,) = extract_entities([Article(id="a", text=text, language="de")])
    assert {m.surface: m.kind for m in article.entities}.get("Plaza Hotel Trump") == "org"


def test_entities_a_turkish_institution_is_named_by_its_words_as_written() -> None:
    """The dictionary would cut "Pamukkale" to "Pamuk" and "Hastanesi" to "Hastane"; the endings written
    onto the organisation word ("Bakanlığının") and after an apostrophe ("'ne") go. (A hospital named
    after a place or a name is shown in English: ``place_institutions``; a ministry without its country is
    Turkey's, shown in English too.) An institution of no kind known keeps its words ("Spor Kulübü")."""
    text = (
        "Hasta dün Pamukkale Üniversitesi Hastanesi'ne kaldırıldı. Açıklamayı Sağlık Bakanlığının sözcüsü yaptı."
        " Gençlik ve Spor Bakanlığının kararı açıklandı."
    )
    lemmas = {m.lemma for m in _mentions(text, "tr").values()}
    assert {"Pamukkale University Hospital", "Health Ministry of Turkey", "Spor Bakanlığı"} <= lemmas


def test_entities_a_surname_in_capitals_after_first_names_is_part_of_the_name() -> None:
    """Bylines and French and Spanish texts set surnames in capitals: "Luis Alberto REYGADA" is one
    person, keyed as "Reygada" is elsewhere; an acronym or a place in capitals stays apart."""
    found = _mentions(
        "Par Luis Alberto REYGADA, le 3 mai. Hier Nicolas SARKOZY a parlé. Ensuite Sarkozy est parti.", "fr"
    )
    names = {m.lemma: m for m in found.values()}
    assert names["Luis Alberto Reygada"].kind == "person" and names["Nicolas Sarkozy"].kind == "person"
    assert names["Nicolas Sarkozy"].key == name_key("Sarkozy")
    apart = {
        m.surface for m in _mentions("Hier Recep Tayyip Erdogan AKP a parlé. Hier Peace ATHENS a dit.", "fr").values()
    }
    assert not any(surface.endswith(("AKP", "ATHENS")) and " " in surface for surface in apart)


def test_entities_a_town_of_the_article_s_country_is_a_place_by_its_inflected_name() -> None:
    """Towns below the cities' floor are known in their own countries' languages, in any case form
    ("w Nowym Targu", "Krośnie"); a town's name that is also a common word is one only after a locative
    preposition ("krosno" is a loom), and the same word in another language's text is no town."""
    polish = _mentions("Wczoraj w Nowym Targu i w Krośnie otwarto nowe szpitale.", "pl")
    towns = {m.surface: m for m in polish.values() if m.kind == "place"}
    assert {"Nowym Targu", "Krośnie"} <= set(towns)
    assert towns["Nowym Targu"].key.startswith("geo:") and towns["Krośnie"].key.startswith("geo:")
    assert _mentions("Wczoraj w Krośnie i w Krośnie.", "pl").keys() == {towns["Krośnie"].key}
    english = _mentions("The Airport said on Monday that Krosno Holdings had paid.", "en")
    assert not any(m.key.startswith("geo:") for m in english.values())
    # named once after a preposition, the town is that town wherever else the article names it
    again = _mentions("Kurs relacji Kraków – Krosno. Śledztwo prowadzi prokuratura w Krośnie.", "pl")
    assert "krsn" not in again and again[towns["Krośnie"].key].kind == "place"
    # in another case too, and where that form is a short dictionary word ("nysy": vans of that make)
    nysa = _mentions("Remont w centrum Nysy ruszy. Plac w Nysie przejdzie przebudowę.", "pl")
    assert [(m.surface, m.kind, m.count) for m in nysa.values()] == [("Nysy", "place", 2)]


def test_entities_a_lone_german_word_english_writes_as_a_name_stays_a_name() -> None:
    """The German dictionary lists names among its capitalised nouns; a lone word that English's
    dictionary writes with a capital ("Microsoft", "Lufthansa") is a name, a German noun is not."""
    assert "Microsoft" in _kinds("Gestern hat Microsoft mehr verdient als erwartet.", "de")
    assert "Lufthansa" in _kinds("Die Flüge der Lufthansa fallen aus.", "de")
    assert _kinds("Die Krise dauert an, und die Kosten steigen.", "de") == {}


def test_entities_a_listed_companys_name_is_an_organisation() -> None:
    """Untyped names of listed companies are organisations, inflected too ("Netflixa"), with their legal
    form or without; a first name that some company bears stays a name ("Stepan")."""
    german = _mentions("Microsoft-Gründer Bill Gates sprach mit Netflix und der Deutsche Bank.", "de").values()
    kinds = {m.surface: m.kind for m in german}
    assert kinds["Netflix"] == "org" and kinds["Deutsche Bank"] == "org" and kinds["Bill Gates"] == "person"
    polish = {m.surface: m.kind for m in _mentions("Według Netflixa i Microsoftu to prawda.", "pl").values()}
    assert polish == {"Netflixa": "org", "Microsoftu": "org"}


def test_entities_a_platform_no_index_lists_is_an_organisation() -> None:
    """Facebook, Twitter and Telegram (their listed parents are Meta Platforms and others), inflected in
    Polish, and Gazprom in Ukrainian, are organisations."""
    english = {
        m.surface: m.kind for m in _mentions("She posted on Facebook and Twitter, then on Telegram.", "en").values()
    }
    assert english == {"Facebook": "org", "Twitter": "org", "Telegram": "org"}
    polish = {m.surface: m.kind for m in _mentions("Napisał na Twitterze i na Facebooku.", "pl").values()}
    assert polish == {"Twitterze": "org", "Facebooku": "org"}
    ukrainian = {m.surface: m.kind for m in _mentions("Про це повідомив Газпром у понеділок.", "uk").values()}
    assert ukrainian.get("Газпром") == "org"


def test_companies_are_known_without_their_legal_form() -> None:
    from storyline.stages.companies import _forms, is_listed_company

    assert _forms("Tesla, Inc.") == {"tesla, inc.", "tesla"}
    assert _forms("Volkswagen Group") == {"volkswagen group", "volkswagen"}
    assert is_listed_company("Apple") and is_listed_company("NESTLÉ SA") and is_listed_company("Nestlé")
    assert not is_listed_company("Reuters") and not is_listed_company("Group")


def test_entities_a_russian_name_the_dictionary_does_not_know_keeps_its_own_letters() -> None:
    """Foreign names Russian does not decline keep their last vowel (the analyser guessed "Мелонь",
    "Рютта", "Конт"), and a declined one loses only its ending ("Шольца": Шольц, not "Шолец"), so that
    they spell as the Latin names do and link to them."""
    text = (
        "Премьер-министр Италии Джорджа Мелони встретилась с генсеком НАТО Марком Рютте. Шольца не было, сказал Конте."
    )
    forms = {m.surface: m.lemma for m in _mentions(text, "ru").values()}
    assert forms["Джорджа Мелони"].endswith("Мелони") and forms["Марком Рютте"] == "Марк Рютте"
    assert forms["Шольца"] == "Шольц" and forms["Конте"] == "Конте"
    from storyline.grouping.entities import MentionRow, link_entities

    russian = extract_entities([Article(id="ru", text="Об этом сказал Конте.", language="ru")])[0]
    english = extract_entities([Article(id="en", text="The plan was backed by Conte on Monday.", language="en")])[0]
    rows = [
        MentionRow(a.id, 1, m.key, m.given, m.kind, m.surface, m.lemma, m.count, a.language)
        for a in (russian, english)
        for m in a.entities
    ]
    entities, _links = link_entities(rows)
    assert [sorted(v.surface for v in e.variants) for e in entities] == [["Conte", "Конте"]]


def test_entities_a_turkish_surname_that_is_a_word_after_a_first_name_makes_a_person() -> None:
    """Turkish surnames are often words (Ataç, Çelik, Terim) and Turkish capitalises nothing else inside
    a sentence; a form of address (Bey) or a noun with its possessive ending (Bayramı) is no surname."""
    text = "Dün konuşan Ahmet Ataç açıklama yaptı. Fatih Terim ve Ali Bey geldi. Ramazan Bayramı yarın başlıyor."
    kinds = {m.surface: m.kind for m in _mentions(text, "tr").values()}
    assert kinds["Ahmet Ataç"] == "person" and kinds["Fatih Terim"] == "person"
    assert kinds.get("Ali Bey") != "person" and kinds.get("Ramazan Bayramı") != "person"


def test_entities_russian_and_ukrainian_first_names_in_latin_letters_open_a_persons_name() -> None:
    from storyline.stages.given_names import is_given_name, latin_spellings

    assert {"Yevgeny", "Evgeny", "Evgeni", "Evgeniy"} <= latin_spellings("Евгений", "ru")
    assert all(is_given_name(name) for name in ("Dmitry", "Volodymyr", "Oleksandr", "Serhii", "Anatoly"))
    text = "The spokesman Serhii Filimonov and the activist Anastasiya Avilova spoke on Monday."
    kinds = {m.surface: m.kind for m in _mentions(text, "en").values()}
    assert kinds["Serhii Filimonov"] == "person" and kinds["Anastasiya Avilova"] == "person"


def test_entities_a_full_name_ends_at_its_possessive_ending() -> None:
    # the name written with "'s" is a person's; the capitalised words after it are another name
    found = _mentions("Chancellor Angela Merkel’s Corona conference met. Donald Trump's White House said no.", "en")
    surfaces = {m.surface: m.kind for m in found.values()}
    assert surfaces.get("Angela Merkel’s") == "person" and surfaces.get("Donald Trump's") == "person"
    assert "White House" in surfaces and not any("Corona" in surface for surface in surfaces)


def test_entities_a_double_surname_is_one_word_with_or_without_the_first_name() -> None:
    # "Kramp-Karrenbauer" after a listed first name is a surname of two names: the bare one later is
    # the same person, and "Karrenbauer" no name of its own; two names that stand alone keep the hyphen
    found = _mentions(
        "Annegret Kramp-Karrenbauer sprach. Später sagte Kramp-Karrenbauer, die Merkel-Macron-Initiative sei gut.",
        "de",
    )
    surfaces = {m.surface: m for m in found.values()}
    person = surfaces["Annegret Kramp-Karrenbauer"]
    assert person.kind == "person" and person.count == 2
    assert not any(surface in ("Karrenbauer", "Kramp") for surface in surfaces) and "Macron" in surfaces


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Unterdessen schockt Collien Ulmen-Fernandes mit ihrem Outfit. Fernandes lacht.",
            "de",
            "Collien Ulmen-Fernandes",
        ),
        ("Government spokesman Turki Al-Malki said the coalition acted.", "en", "Turki Al-Malki"),
    ],
)
def test_entities_a_double_surname_after_a_first_name_no_list_holds(text: str, language: str, name: str) -> None:
    """The first name need not be listed where no dictionary or list knows the word otherwise: the
    halves are no names of their own ("Fernandes" had joined Alberto Fernández across the store)."""
    surfaces = {m.surface for m in _mentions(text, language).values()}
    assert name in surfaces
    assert not surfaces & {name.split("-")[-1], name.split("-")[0]}


def test_entities_a_sports_club_is_one_organisation_not_its_places() -> None:
    """ "FC Bayern München" had been the acronym FC, Bavaria and Munich: the merge audit's Bavaria joined
    the club's English captions."""
    found = _mentions("Der FC Bayern München gewann gegen RB Leipzig in München. FC spielt morgen.", "de")
    clubs = {m.surface: m.kind for m in found.values() if m.surface in ("FC Bayern München", "RB Leipzig")}
    assert clubs == {"FC Bayern München": "org", "RB Leipzig": "org"}
    assert "iso:DE-BY" not in found and found["geo:2867714"].surface == "München"


def test_entities_an_acronym_in_the_plural_is_no_name() -> None:
    # "CDs", "NGOs", "MPs": things or people of a kind; the singular acronym stays a name
    found = _mentions("Vinyl outsold CDs. Many NGOs and MPs met at NATO.", "en")
    assert {m.surface for m in found.values()} == {"NATO"}


def test_entities_untyped_bulgarian_names_take_the_russian_model_s_kind() -> None:
    """Bulgarian has no packaged NER model: the Russian one types the names the capitalised runs leave
    untyped, and leaves alone what they typed (Sofia stays a place)."""
    found = _mentions("Вчера Саймън Ковъни пристигна в София. Премиерът Бойко Борисов заяви, че ще помогне.", "bg")
    kinds = {m.surface: m.kind for m in found.values()}
    assert kinds["Саймън Ковъни"] == "person"
    assert kinds["Бойко Борисов"] == "person"
    assert kinds["София"] == "place"
    # the model reads "Лідер Консервативної" as a person's name: a party is no person, whatever it says
    party = _mentions("Лідер Консервативної партії виступив у парламенті.", "uk")
    assert all(m.kind != "person" for m in party.values())


def test_entities_a_run_ends_where_its_script_changes() -> None:
    found = _mentions("Генеральний директор Ryanair Майкл О'Лірі заявив про нові рейси.", "uk")
    surfaces = {m.surface: m.kind for m in found.values()}
    assert surfaces.get("Ryanair") == "org"
    assert surfaces.get("Майкл О'Лірі") == "person"


def test_entities_a_cyrillic_full_name_after_another_word_is_a_name_of_its_own() -> None:
    found = _mentions("Министърът по Брекзит Дейвид Дейвис подаде оставка.", "bg")
    assert "Дейвид Дейвис" in {m.surface for m in found.values()}
    # a surname written first stays with its given name and patronymic
    kept = _mentions("Глава МИД Лавров Сергей Викторович сказал, что встреча будет.", "ru")
    assert kept[name_key("Lavrov")].lemma == "Сергей Викторович Лавров"


def test_entities_a_given_name_that_opens_a_run_is_no_country() -> None:
    """ "Домінік" is Dominic here, not Dominica: the run is one person."""
    found = _mentions("Міністр з питань Brexit Домінік Рааб заявив, що угода буде.", "uk")
    assert {m.surface: m.kind for m in found.values()}.get("Домінік Рааб") == "person"


def test_entities_a_woman_s_surname_keeps_its_feminine_nominative() -> None:
    russian = _mentions("Об этом сказала Марии Захаровой официальный представитель.", "ru")
    assert russian[name_key("Zakharov")].lemma == "Мария Захарова"
    bulgarian = _mentions("Говорителят Мария Захарова заяви, че няма промяна.", "bg")
    assert bulgarian[name_key("Zakharov")].lemma == "Мария Захарова"
    # a man's stays the man's, and a name either may bear says nothing
    assert _mentions("Сергея Захарова там не было.", "ru")[name_key("Zakharov")].lemma == "Сергей Захаров"


def test_entities_adjectives_agree_with_their_noun_in_a_names_nominative() -> None:
    """ "Північної Ірландії" is Північна Ірландія (Northern Ireland), not "Північний Ірландія", which no
    gazetteer knows; an organisation's name reads as a reader would write it."""
    assert "Northern Ireland" in _places("Прем'єр Північної Ірландії заявила про вибори.", "uk")
    assert "South Carolina" in _places("Власти Южной Каролины объявили результаты.", "ru")
    party = _mentions("Лідер Консервативної партії сказав про вибори.", "uk")
    assert party[name_key("партія")].lemma == "Консервативна партія"
    assert agreed_nominative(["Сполучених", "Штатах"], "uk") == ["Сполучені", "Штати"]  # the plural too
    assert agreed_nominative(["Дональда", "Трампа"], "ru") is None  # no adjective: nothing to agree
    assert agreed_nominative(["Северной", "Ирландии"], "bg") is None  # no dictionary for Bulgarian


def test_entities_polish_dictionary_types_a_lone_name() -> None:
    """Morfeusz 2's dictionary knows "Jakóbik" only as a family name and "Bałtyku" only as a place's:
    both had been untyped."""
    found = _mentions("Jak powiedział Jakóbik, statki wypłynęły na Bałtyku.", "pl")
    assert {(mention.surface, mention.kind) for mention in found.values()} >= {
        ("Jakóbik", "person"),
        ("Bałtyku", "place"),
    }


def test_entities_an_institution_in_a_case_its_patterns_lack_by_its_nominative() -> None:
    """The dative "Parlamentowi Europejskiemu" is Parlament Europejski, the European Parliament."""
    found = _mentions("Przewodniczący przedstawił plan Parlamentowi Europejskiemu w czwartek.", "pl")
    assert [mention.key for mention in found.values()] == ["inst:european-parliament"]


def test_entities_a_names_genitive_complement_stays_as_written() -> None:
    """The head noun takes the nominative, what follows it in the genitive does not: "Министерства
    здравоохранения" is Министерство здравоохранения (it was "Министерство Здравоохранение"), Polish
    "Ministerstwa Zdrowia" Ministerstwo Zdrowia ("Ministerstwo Zdrowie"); Polish adjectives take the
    noun's gender ("Prokuratura Okręgowa", not "Prokuratura Okręgowy")."""
    russian = _mentions("Представитель Министерства здравоохранения сообщил о мерах.", "ru")
    assert russian[name_key("здравоохранение")].lemma == "Министерство здравоохранения"
    assert agreed_nominative(["Организации", "Объединённых", "Наций"], "ru") == ["Организация", "Объединённых", "Наций"]
    assert agreed_nominative(["Національного", "банку"], "uk") == ["Національний", "банк"]  # not the jar, банка
    polish = _mentions("Rzecznik Ministerstwa Zdrowia i Prokuratury Okręgowej w Krośnie zabrał głos.", "pl")
    assert {mention.lemma for mention in polish.values()} >= {"Health Ministry of Poland", "Prokuratura Okręgowa"}


def test_entities_an_organisation_word_in_a_case_ending_types_an_organisation() -> None:
    """ "Демократичної партії" (the genitive of партія), "Верховным судом", Bulgarian "Министерството"
    with its article: organisations, where only the dictionary form is an organisation word."""
    ukrainian = _mentions("Кандидат Демократичної партії переміг.", "uk")
    assert ukrainian[name_key("партія")].kind == "org"
    russian = _mentions("Решение принято Верховным судом страны.", "ru")
    assert russian[name_key("суд")].kind == "org"
    bulgarian = _mentions("Говорителят на Министерството на туризма каза.", "bg")
    assert bulgarian[name_key("министерство")].kind == "org"


def test_entities_common_nouns_in_capitals_and_bulgarian_openers_are_no_names() -> None:
    """ "СМИ" (the media) and "ВВП" (GDP), which the Russian model reads as organisations, are no names;
    nor is a Bulgarian sentence's frequent first word that Russian's dictionary lists only as a rare
    name no locale lists ("Ако", if); a listed one stays ("Георги Първанов")."""
    russian = {m.surface for m in _mentions("СМИ сообщили, что ВВП вырос, а Газпром молчит.", "ru").values()}
    assert "СМИ" not in russian and "ВВП" not in russian and "Газпром" in russian
    bulgarian = {m.surface for m in _mentions("Ако Великобритания напусне ЕС, Георги Първанов ще каже.", "bg").values()}
    assert "Великобритания" in bulgarian and not any("Ако" in surface for surface in bulgarian)
    assert "Георги Първанов" in bulgarian


def test_entities_a_mans_unknown_foreign_surname_loses_his_given_names_case_ending() -> None:
    """ "Ричарда Гренелла" is Richard Grenell: the dictionary knows no "Гренелл", and its guess for
    "Гренелла" is a woman's name; the ending the given name shows goes."""
    found = _mentions("Заявление Ричарда Гренелла было резким.", "ru")
    assert found[name_key("Гренелл")].lemma == "Ричард Гренелл"
    assert _mentions("Он поддержал Доминика Рааба вчера.", "ru")[name_key("Рааб")].lemma == "Доминик Рааб"


def test_entities_a_frequent_word_opening_a_ukrainian_sentence_is_no_name() -> None:
    """ "Тому" (therefore) is also the dative of the name Том; opening a sentence it is the word."""
    found = _mentions("Тому уряд ухвалив рішення. Станом на ранок Путін мовчав.", "uk")
    surfaces = {m.surface for m in found.values()}
    assert "Тому" not in surfaces and "Станом" not in surfaces
    assert "Путін" in surfaces


def test_entities_foreign_names_keep_their_written_nominative_in_russian() -> None:
    barnier = _mentions("Главный переговорщик ЕС Мишель Барнье заявил, что сделка возможна.", "ru")
    assert barnier[name_key("Барнье")].lemma == "Мишель Барнье"
    khan = _mentions("Премьер Пакистана Имран Хан заявил о переговорах.", "ru")
    assert khan[name_key("Khan")].lemma == "Имран Хан"


@pytest.mark.parametrize(
    ("sentence", "lemma", "given"),
    [
        # "Радев", "Сидев" are read only as gerunds (радеть, сидеть): a verb's form lends a name no lemma
        ("Президент Болгарии Румен Радев заявил журналистам.", "Румен Радев", "Румен"),
        ("Глава МИД Стефан Сидев прибыл в Брюссель.", "Стефан Сидев", "Стефан"),
        # "Борисов" is a surname (and a town) before it is the genitive plural of Борис: not "Борисов Бойко"
        ("Во вторник Бойко Борисов встретился с делегацией.", "Бойко Борисов", "Бойко"),
    ],
)
def test_entities_a_bulgarian_surname_in_russian_keeps_its_own_reading(sentence: str, lemma: str, given: str) -> None:
    """Bulgarian surnames in "-ев"/"-ов" that Russian's dictionary reads as a verb's gerund or as a plural
    of a first name: the surname is keyed by itself, its first name stays the given name, and the same
    surname alone later in the article is the same name."""
    found = _mentions(sentence + f" Позже {lemma.split()[-1]} добавил, что встреча прошла хорошо.", "ru")
    (person,) = [m for m in found.values() if m.kind == "person"]
    assert (person.lemma, person.key, person.given) == (lemma, name_key(lemma.split()[-1]), name_key(given))


@pytest.mark.parametrize(
    ("sentence", "lemma"),
    [
        ("Об этом сообщил Дмитрий Песков журналистам.", "Дмитрий Песков"),  # not песок (sand), genitive plural
        ("Об этом заявил Хавьер Милей в среду.", "Хавьер Милей"),  # not миля (mile)
        ("С делегацией встретился Кир Стармер.", "Кир Стармер"),  # not Кира Стармера, genitive plurals
        ("Об этом написал Илон Маск в соцсети.", "Илон Маск"),  # not Илона: "Илон!" is the vocative
        ("Встречу провёл Джейк Салливан в Женеве.", "Джейк Салливан"),
        ("Ранее выступил Александр Стубб в Хельсинки.", "Александр Стубб"),
        ("Об этом сказал пресс-секретарь Дмитрия Пескова журналистам.", "Дмитрий Песков"),  # the case still goes
    ],
)
def test_entities_a_russian_surname_after_a_given_name_in_the_nominative_stays_as_written(
    sentence: str, lemma: str
) -> None:
    """A given name in its dictionary form says the surname beside it is in the nominative too: the
    dictionary's likelier reading of the surname as another word's form ("Песков" as the genitive plural of
    песок) is not the name's. A name the dictionary reads only as a plural's form ("Кир": Кира) is
    another name in the singular, and a consonant-final name it does not know is a man's in the nominative,
    not the genitive plural of a feminine noun it guesses ("Стармера")."""
    found = _mentions(sentence, "ru")
    assert lemma in {m.lemma for m in found.values() if m.kind == "person"}
    assert found[name_key(lemma.split()[-1])].lemma == lemma


@pytest.mark.parametrize(
    ("sentence", "language", "lemma"),
    [
        ("Прем'єр Джорджа Мелоні заявила, що Італія підтримає Україну.", "uk", "Джордж Мелоні"),  # not мелон
        ("Вакцину схвалили, повідомила агенція Соні Ацеведо.", "uk", "Соня Ацеведо"),
        ("Об этом сообщили Говарду Тафту в Вашингтоне.", "ru", "Говард Тафт"),  # тафта (taffeta) has no dative тафту
        ("Решение Уильяма Барра удивило многих.", "ru", "Уильям Барр"),
        ("Эту новость передали Владимиру Зеленскому утром.", "ru", "Владимир Зеленский"),  # an adjective's endings
        ("Заявление Якова Сандакова опубликовано.", "ru", "Яков Сандаков"),
    ],
)
def test_entities_a_surname_in_no_case_of_its_given_name_is_read_as_foreign(
    sentence: str, language: str, lemma: str
) -> None:
    """A surname after a declined given name with no reading in the given name's case: a man's
    consonant stem without that case's ending where it declines as a noun ("Тафту": Тафт), or a foreign
    name that does not decline where it ends in a vowel no case's reading has ("Мелоні")."""
    found = _mentions(sentence, language)
    assert lemma in {m.lemma for m in found.values() if m.kind == "person"}


def test_entities_a_small_town_named_as_a_person_s_surname_is_the_person() -> None:
    found = _mentions("Премиерът Бойко Борисов заяви, че ще помогне. Борисов каза още, че няма промяна.", "bg")
    assert not any(key.startswith("geo:") for key in found)
    assert found[name_key("Borisov")].kind == "person"
    # a city of a million stays the city
    london = _mentions("Писатель Джек Лондон родился в Калифорнии. Лондон большой город.", "ru")
    assert any(m.lemma == "London" for m in london.values())


def test_entities_a_one_letter_surname_key_keys_a_person_with_a_given_name() -> None:
    """ "May" and "Мэй" key as one letter: alone too little to key a name, after a given name in a run
    typed as a person's it keys the person; an initial does not."""
    russian = _mentions("Встреча с Терезой Мэй прошла в Лондоне.", "ru")
    assert {m.lemma for m in russian.values() if m.kind == "person"} == {"Тереза Мэй"}
    english = _mentions("Transportation Secretary Elaine Chao said the rule would change.", "en")
    assert "Elaine Chao" in {m.surface for m in english.values() if m.kind == "person"}
    initial = _mentions("Coach Peter C said the team was ready.", "en")
    assert "Peter C" not in {m.surface for m in initial.values()}


def test_entities_a_surname_reads_in_the_case_of_its_given_name() -> None:
    """ "Имрана Хана" is the genitive of Имран Хан, not the name Хана."""
    khan = _mentions("Сторонники Имрана Хана вышли на улицы.", "ru")
    assert khan[name_key("Хан")].lemma == "Имран Хан"


def test_entities_acronyms_of_intergovernmental_bodies_are_one_entity_in_every_script() -> None:
    russian = _mentions("Эксперты ВОЗ прибыли в РФ по приглашению МВФ.", "ru")
    ukrainian = _mentions("Експерти ВООЗ прибули до Києва.", "uk")
    english = _mentions("The WHO said the IMF agreed.", "en")
    assert {"org:WHO", "org:IMF", "iso:RU"} <= set(russian)
    assert "org:WHO" in ukrainian and {"org:WHO", "org:IMF"} <= set(english)


def test_entities_intergovernmental_bodies_by_their_english_names_are_their_acronyms_entities() -> None:
    """ "European Union", "World Health Organisation" hold organisation words ("Union", "Organisation"), which
    had kept them from the gazetteer: each was an entity apart from the EU and the WHO."""
    found = _mentions("The European Union and the World Health Organisation agreed. So did the IMF.", "en")
    assert {"org:EU", "org:WHO", "org:IMF"} <= set(found)
    assert found["org:WHO"].lemma == "World Health Organization"


def test_entities_a_name_spelled_out_beside_a_known_acronym_is_that_organisation() -> None:
    spanish = _mentions("La Organización del Tratado del Atlántico Norte (OTAN) se reunió.", "es")
    assert set(spanish) == {"org:NATO"}
    # an institution's name written on in lowercase spells the acronym by all its words' letters
    bulgarian = _mentions("Европейският парламент (ЕП) гласува днес.", "bg")
    assert set(bulgarian) == {"inst:european-parliament"}
    # a country's acronym makes no country of a name that spells it
    english = _mentions("He said Uncle Sam wants the US to pay.", "en")
    assert english["iso:US"].surface == "US" and any(
        m.surface.startswith("Uncle Sam") for m in english.values() if m.key != "iso:US"
    )


@pytest.mark.parametrize(
    ("text", "language", "country"),
    [
        ("Virus se je pojavil na Kitajskem, nato v Italiji.", "sl", "iso:CN"),  # the dictionary gives "Kitajsko"
        ("Pacient je prišel s Hrvaške. Turisti iz Švedske.", "sl", "iso:HR"),
        ("Podróżował z Chin do Polski, gdzie zachorował.", "pl", "iso:PL"),
    ],
)
def test_entities_a_country_named_as_a_feminine_adjective_is_found_in_its_cases(
    text: str, language: str, country: str
) -> None:
    assert country in _mentions(text, language)


def test_entities_a_masculine_adjective_of_a_country_is_no_country() -> None:
    assert "iso:PL" not in _mentions("Arcybiskup mówił o nawróceniu Polskim wczoraj.", "pl")


def test_entities_two_letters_beside_a_name_that_spells_them_keep_their_own_entity() -> None:
    """ "ЕС" is the European Union in Russian news: "Европейский совет" (the European Council) spells it too."""
    found = _mentions("Европейский Совет собрался в Брюсселе. ЕС принял решение.", "ru")
    assert found["org:EU"].surface == "ЕС" and any("Совет" in m.surface for m in found.values() if m.key != "org:EU")


def test_entities_a_bulgarian_noun_with_its_article_takes_no_verb_and_is_an_organisation_s_word() -> None:
    """ "Камарата беше": the chamber, then "was" (the definite article's -ата is a noun's here, not an
    adjective's opening a name in lowercase as in "Белия дом"); "Комисията" is the commission."""
    found = {
        m.surface: m.kind
        for m in _mentions("Вчера Комисията реши. Гласуването в Камарата беше отложено.", "bg").values()
    }
    assert found == {"Комисията": "org", "Камарата": "org"}


def test_entities_an_institution_glued_to_the_person_after_it_is_two_names() -> None:
    found = _mentions("Зустріч з головою Єврокомісії Жан-Клодом Юнкером відбулася вчора.", "uk")
    assert {(m.surface, m.kind) for m in found.values()} == {
        ("Єврокомісії", "org"),
        ("Жан-Клодом Юнкером", "person"),
    }


def test_entities_a_name_written_on_in_lowercase_is_no_persons() -> None:
    """Ukrainian morphology reads "Правда" as a surname; "Європейська правда", a newspaper, ends in lowercase."""
    found = _mentions("Як повідомляє Європейська правда, рішення ухвалили.", "uk")
    assert [(m.surface, m.kind) for m in found.values()] == [("Європейська правда", "org")]


def test_entities_a_country_the_bulgarian_dictionary_writes_in_lowercase_is_still_the_country() -> None:
    """simplemma's Bulgarian dictionary lists proper nouns in lowercase (България as "българия"), so its
    reading of "Великобритания" is no sign of a common word."""
    found = _mentions("Премиерът на Великобритания говори пред парламента.", "bg")
    assert "iso:GB" in found


def test_entities_apostrophes_inside_names_are_kept_and_typed_alike() -> None:
    """A Ukrainian apostrophe is part of the word ("В’ячеслав", not "В"), and a name's prefix before one
    ("О’Лірі", "O'Leary") is no case ending to take off; the page's typographic apostrophe and the
    typed one give one lemma."""
    typographic = _mentions("Міністр В’ячеслав Кириленко заявив, що Майкл О’Лірі має рацію.", "uk")
    typed = _mentions("Міністр В'ячеслав Кириленко заявив, що Майкл О'Лірі має рацію.", "uk")
    assert typographic[name_key("Кириленко")].lemma == typed[name_key("Кириленко")].lemma == "В'ячеслав Кириленко"
    assert typographic[name_key("О'Лірі")].lemma == typed[name_key("О'Лірі")].lemma == "Майкл О'Лірі"


def test_entities_a_short_surname_after_a_listed_first_name_keys_the_person() -> None:
    found = _mentions("Theresa May, 62, said the deal was done. Martin Lee spoke in Hong Kong.", "en")
    persons = {m.surface for m in found.values() if m.kind == "person"}
    assert {"Theresa May", "Martin Lee"} <= persons
    # a month after a word that is no first name is the month ("In early May"), and a word of the
    # language is no surname ("Chester Zoo")
    assert not _mentions("In early May the zoo said Chester Zoo would open.", "en").keys() & {name_key("May")}


def test_entities_the_red_cross_is_one_organisation_in_every_language() -> None:
    for language, text in (
        ("es", "La Cruz Roja envió ayuda a la zona."),
        ("ru", "Красный Крест направил помощь."),
        ("bg", "Червеният кръст изпрати помощ."),
        ("en", "The Red Cross sent aid."),
    ):
        found = _mentions(text, language)
        assert found.get("inst:red-cross") is not None and found["inst:red-cross"].kind == "org", language


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The World Bank said growth would slow."),
        ("fr", "La Banque mondiale a revu sa prévision."),
        ("es", "El Banco Mundial dijo que la economía crecerá."),
        ("de", "Die Weltbank senkte ihre Prognose."),
        ("ru", "По данным Всемирного банка, рост замедлится."),
        ("pl", "Bank Światowy obniżył prognozę."),
    ],
)
def test_entities_the_world_bank_is_one_organisation_in_every_language(language: str, text: str) -> None:
    """Its names are common words ("Banco Mundial", "Weltbank") that share no key: one institution."""
    found = _mentions(text, language)
    assert found.get("inst:world-bank") is not None and found["inst:world-bank"].kind == "org", found


@pytest.mark.parametrize(
    ("language", "text", "key"),
    [
        ("uk", "Директор програми Всесвітньої організації охорони здоров'я заявив про ризик.", "org:WHO"),
        ("ru", "Директор Всемирной организации здравоохранения (ВОЗ) заявил о риске.", "org:WHO"),
        ("bg", "Световната здравна организация предупреди за риска.", "org:WHO"),
        ("es", "La Organización Mundial de la Salud advirtió del riesgo.", "org:WHO"),
        ("de", "Die Weltgesundheitsorganisation warnte vor dem Risiko.", "org:WHO"),
        ("ru", "Международный валютный фонд понизил прогноз.", "org:IMF"),
        ("pl", "Międzynarodowy Fundusz Walutowy obniżył prognozę.", "org:IMF"),
    ],
)
def test_entities_who_and_the_imf_spelled_out_are_their_acronyms_organisation(
    language: str, text: str, key: str
) -> None:
    """Written out in full ("Всесвітньої організації охорони здоров'я": lowercase words end a capitalised
    run), each is the organisation its acronyms name ("ВООЗ", "ВОЗ"), one mention, with its acronym glued on
    in parentheses or not."""
    found = _mentions(text, language)
    assert found.get(key) is not None and found[key].kind == "org", found
    assert not any("#" in mention_key for mention_key in found), found


@pytest.mark.parametrize(
    ("text", "key", "name"),
    [
        (
            "Страны Содружества независимых государств (СНГ) подписали соглашение.",
            "org:CIS",
            "Commonwealth of Independent States",
        ),
        (
            "Саммит Организации Договора о коллективной безопасности (ОДКБ) прошёл.",
            "org:CSTO",
            "Collective Security Treaty Organization",
        ),
        (
            "Лидеры Шанхайской организации сотрудничества (ШОС) встретились.",
            "org:SCO",
            "Shanghai Cooperation Organisation",
        ),
    ],
)
def test_entities_a_russian_organisation_spelled_out_before_its_acronym_is_the_acronym_s(
    text: str, key: str, name: str
) -> None:
    """The model reads "NAME (ACRONYM)" as one organisation: it is two mentions, and the name, whose later
    words are in lowercase, spells the acronym by all its words but the short ones ("о"), so both are the
    organisation the acronyms' table knows, shown by its English name."""
    found = _mentions(text, "ru")
    assert found.get(key) is not None and found[key].lemma == name, found
    assert not any(mention_key.startswith("#") for mention_key in found), found


def test_entities_an_acronym_spelled_out_in_lowercase_words_takes_the_name() -> None:
    """An organisation no table knows: its acronym takes the name the article spells it with."""
    found = _mentions("Директор Федерального бюро расследований (ФБР) выступил. ФБР начало проверку.", "ru")
    lemma = found[acronym_key("ФБР")].lemma
    assert lemma.startswith("Федеральн") and "ФБР" not in lemma, found  # not one run with the acronym glued on


def test_entities_a_listed_company_opening_a_sentence_keeps_its_first_word() -> None:
    """ "Deutsche" opening an English sentence is no name of its own, but opens a listed company's."""
    surfaces = {
        m.surface for m in _mentions("Deutsche Bank fell. Deutsche Telekom said it would cut jobs.", "en").values()
    }
    assert {"Deutsche Bank", "Deutsche Telekom"} <= surfaces


def test_entities_a_bulgarian_name_is_no_verbs_form() -> None:
    """Bulgarian names take no case endings: "Мей" (Theresa May) is no form of the verb "мея", whose
    past the dictionary gives for it, while an adjective's article still goes ("Европейската")."""
    bulgarian = _mentions("Премиерът Тереза Мей заяви в сряда, че ще остане.", "bg")
    russian = _mentions("Премьер-министр Тереза Мэй заявила в среду, что останется.", "ru")
    assert set(bulgarian) == set(russian) == {name_key("Мей")}
    assert _mentions("Вчера Европейската комисия реши.", "bg") != {}
    # nor are consonants alone an ending: "Николас" (Maduro) is not a form of Никола
    maduro = _mentions("Президентът Николас Мадуро заяви в сряда, че ще остане.", "bg")
    assert maduro[name_key("Мадуро")].lemma == "Николас Мадуро"
    assert maduro[name_key("Мадуро")].given == given_key("Nicolas")


def test_entities_a_foreign_surname_alone_is_no_given_name() -> None:
    """Russian's dictionary tags "Байден" and "Джонсон" as given names; alone they are surnames, keyed
    as the full name's, so that a bare "Байден" can join Joe Biden."""
    bare = _mentions("Вчера Байден заявил, что Джонсон ошибся.", "ru")
    assert {m.surface: (m.kind, m.given) for m in bare.values()} == {
        "Байден": ("person", ""),
        "Джонсон": ("person", ""),
    }
    assert set(bare) >= set(_mentions("Вчера Джо Байден заявил.", "ru"))
    assert _mentions("Вчера Владимир заявил.", "ru")[name_key("Владимир")].given  # a given name stays one


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        ("Вчера Америка ввела санкции.", "ru", "iso:US"),  # Slavic news's "America" is the United States
        ("Вчера Америка наложи санкции.", "bg", "iso:US"),
        ("Он приехал из Латинской Америки.", "ru", "region:419"),  # the continents keep their names
        ("Премьер Соединенного Королевства заявил.", "ru", "iso:GB"),  # a participle agreed as an adjective
        ("Він виїхав зі Сполученого Королівства.", "uk", "iso:GB"),
        ("Він сказав, що у Джорджії голосують.", "uk", "iso:US-GA"),  # by the Russian spelling: Джорджия
        ("Britain and France signed the deal.", "en", "iso:GB"),  # the island's name, not CLDR's
        ("La Grande-Bretagne et la France ont signé.", "fr", "iso:GB"),  # not Brittany's "Bretagne"
        ("Großbritannien und Frankreich unterzeichneten.", "de", "iso:GB"),
        ("Gran Bretaña y Francia firmaron.", "es", "iso:GB"),
    ],
)
def test_entities_everyday_and_spelled_names_of_places(text: str, language: str, place: str) -> None:
    assert place in {m.key for m in _mentions(text, language).values() if m.kind == "place"}


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("По Брекзиту Дэвид Дэвис заявил.", "ru", "Дэвид Дэвис"),  # a word the dictionary guesses a name
        ("Председателят на Съюза Мишел Барние заяви.", "bg", "Мишел Барние"),  # Michel: a listed first name
        ("Вчера Тереза Мей Европейският съюз прие.", "bg", "Тереза Мей"),  # no name takes an article inside
    ],
)
def test_entities_a_full_name_glued_to_other_words_stands_alone(text: str, language: str, name: str) -> None:
    surfaces = {m.surface for m in _mentions(text, language).values()}
    assert name in surfaces
    assert not any(name in surface and surface != name for surface in surfaces)
    assert "Европейският" not in surfaces


@pytest.mark.parametrize(
    ("text", "language", "key", "name"),
    [
        ("Об этом сообщили в МИД Германии.", "ru", "inst:foreign-ministry@iso:DE", "Foreign Ministry of Germany"),
        ("Про це повідомили в МЗС Німеччини.", "uk", "inst:foreign-ministry@iso:DE", "Foreign Ministry of Germany"),
        ("Он заявил в Сенате США.", "ru", "inst:senate@iso:US", "Senate of the United States"),
        ("He told the US Senate on Monday.", "en", "inst:senate@iso:US", "Senate of the United States"),
        ("Върховният съд на Пакистан я оправда.", "bg", "inst:supreme-court@iso:PK", "Supreme Court of Pakistan"),
        ("Pakistan's Supreme Court acquitted her.", "en", "inst:supreme-court@iso:PK", "Supreme Court of Pakistan"),
    ],
)
def test_entities_an_office_with_its_country_is_that_countrys_institution(
    text: str, language: str, key: str, name: str
) -> None:
    """One "MID" or "Senate" would join every country's: with its country, each office is its own
    institution, and the country keeps its mention."""
    found = _mentions(text, language)
    assert found[key].lemma == name and found[key].kind == "org"
    assert key.rsplit("@", 1)[1] in found


def test_entities_an_office_without_a_country_or_of_a_region_stays_as_written() -> None:
    assert set(_mentions("The Senate voted on Monday.", "en")) == {name_key("Senate")}
    assert not any(key.startswith("inst:") for key in _mentions("The Pennsylvania Supreme Court ruled.", "en"))


@pytest.mark.parametrize(
    ("text", "language", "key"),
    [
        ("Rzecznik MSZ Niemiec zabrał głos.", "pl", "inst:foreign-ministry@iso:DE"),
        ("Mluvčí ministerstva zahraničí Německa řekl.", "cs", "inst:foreign-ministry@iso:DE"),
        ("Vlada ZDA je sporočila.", "sl", "inst:government@iso:US"),
        ("Členové Evropské komise jednali.", "cs", "inst:european-commission"),
        ("Člani Evropskega parlamenta so glasovali.", "sl", "inst:european-parliament"),
    ],
)
def test_entities_offices_and_institutions_in_polish_czech_and_slovenian(text: str, language: str, key: str) -> None:
    assert key in _mentions(text, language)


def test_entities_an_organisation_word_in_a_case_types_a_latin_slavic_name() -> None:
    """ "Partii Pracy" (of the Labour Party) is an organisation by its word's dictionary form, and a
    capitalised adjective takes the lowercase party after it ("Konzervativní strany"); a noun does not
    ("Akcja policji", a police action)."""
    polish = {
        m.surface: m.kind
        for m in _mentions("Posłowie Partii Pracy głosowali. Wczoraj była Akcja policji.", "pl").values()
    }
    assert polish.get("Partii Pracy") == "org" and "Akcja policji" not in polish
    czech = {m.surface: m.kind for m in _mentions("Členové Konzervativní strany hlasovali.", "cs").values()}
    assert czech == {"Konzervativní strany": "org"}


def test_entities_a_german_noun_that_names_a_region_abroad_is_the_noun() -> None:
    """ "Marken" (brands) is also German for Italy's Marche: in German text, the noun."""
    found = _mentions("Andere Hersteller überdenken derzeit ebenfalls ihre Marken, weil sie alt sind.", "de")
    assert not found


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("On Monday Ursula von der Leyen met the press in Brussels.", "en", "Ursula von der Leyen"),
        ("Am Montag sprach Ursula von der Leyen in Brüssel.", "de", "Ursula von der Leyen"),
        ("Lundi, Charles de Gaulle est arrivé à Paris.", "fr", "Charles de Gaulle"),
        ("Yesterday Mohammed bin Salman met the delegation.", "en", "Mohammed bin Salman"),
        ("Charles de Gaulle was president then.", "en", "Charles de Gaulle"),  # opening the sentence
        ("Вчера Урсула фон дер Ляйен встретилась с журналистами.", "ru", "Урсула фон дер Ляйен"),
        ("Вчора Урсула фон дер Ляєн зустрілася з журналістами.", "uk", "Урсула фон дер Ляєн"),
        ("Вчера Урсула фон дер Лайен се срещна с журналисти.", "bg", "Урсула фон дер Лайен"),
    ],
)
def test_entities_a_surname_s_particles_keep_a_person_s_name_whole(text: str, language: str, name: str) -> None:
    """ "von der", "de", "bin", "фон дер" inside a person's name: one person, keyed by the surname after
    them as written (no case ending read into "Ляйен"), not a first name and a surname apart."""
    found = {m.surface: m for m in _mentions(text, language).values()}
    assert found[name].kind == "person" and found[name].key == name_key(name.split()[-1]), found
    assert found[name].lemma.split()[-1] == name.split()[-1]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La procesión de Rocío de Sevilla salió ayer.", "es"),  # a name and where it is from
        ("Der Boss von Renault sprach gestern.", "de"),  # a common word, then a name
        ("Ayer abrió la Flor de Cacao en el centro.", "es"),
    ],
)
def test_entities_particles_join_no_place_and_no_common_word(text: str, language: str) -> None:
    surfaces = {m.surface for m in _mentions(text, language).values()}
    assert not any(" de " in surface or " von " in surface for surface in surfaces), surfaces


def test_entities_a_dash_after_a_dateline_s_parenthesis_opens_a_sentence() -> None:
    """ "BERLIN (REUTERS) - Senior figures ...": the dash after the agency ends the dateline, so "Senior"
    opens a sentence and is the common word, no name."""
    text = "BERLIN (REUTERS) - Senior figures in the governing coalition will meet on Sunday."
    assert "Senior" not in {m.surface for m in _mentions(text, "en").values()}


def test_entities_a_german_genitive_place_opening_a_sentence_is_the_place() -> None:
    found = _mentions("Frankreichs Präsident bleibt bei der Reform hart.", "de")
    assert "iso:FR" in found


def test_entities_america_in_english_text_is_the_united_states_not_a_first_name() -> None:
    """ "America" is a listed first name too (America Ferrera), but English news writes it for the
    country: one of the country's everyday names in the article's script is never a foreign name."""
    found = _mentions("The trade war hurt America last year, officials said.", "en")
    assert "iso:US" in found and found["iso:US"].kind == "place"


@pytest.mark.parametrize(
    ("text", "language", "not_names"),
    [
        ("Мей відповіла журналістам: Наскільки я знаю, ні.", "uk", {"Наскільки"}),
        ("Zbyněk Fiala: V Číně už očkovali statisíce lidí.", "cs", {"V Číně", "V"}),
        ("Jan Kowalski powiedział: W Polsce jest zimno.", "pl", {"W Polsce", "W"}),
    ],
)
def test_entities_a_common_word_opening_a_clause_after_a_colon_is_no_name(
    text: str, language: str, not_names: set[str]
) -> None:
    """After a colon a clause (often a quotation) opens with a capital: its first word is read as a
    sentence's first word is, so a common word is no name and a one-letter preposition no part of one."""
    surfaces = {m.surface for m in _mentions(text, language).values()}
    assert not surfaces & not_names, surfaces


def test_entities_a_name_after_a_label_s_colon_stays_a_name() -> None:
    """ "autor: Longina Grzegórska": a rare full name after a colon is no common word opening a clause."""
    found = _mentions("Carrefour ma w Polsce ponad 900 sklepów. autor: Longina Grzegórska", "pl")
    assert any(m.surface == "Longina Grzegórska" and m.kind == "person" for m in found.values()), found


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [("Jon Snow is here today.", "en", "Jon Snow"), ("Uwe Müller sagte es gestern.", "de", "Uwe Müller")],
)
def test_entities_a_short_first_name_opening_a_sentence_is_no_function_word(
    text: str, language: str, name: str
) -> None:
    """The dictionaries list "Jon" and "Uwe" (as names: their dictionary form keeps the capital), so
    they are not taken for a short word like "The" or "В" that opens a sentence before a name."""
    found = _mentions(text, language)
    assert any(m.surface == name and m.kind == "person" for m in found.values()), found


@pytest.mark.parametrize(
    ("text", "language", "person", "before"),
    [
        ("Podle slov šéfa Ryanairu Michael O'Leary firma roste.", "cs", "Michael O'Leary", "Ryanairu"),
        ("Hlavní ekonom Commerzbank Eugena Weinberga to řekl.", "cs", "Eugena Weinberga", "Commerzbank"),
        ("Izvršni direktor Gazproma Aleksej Miller je dejal.", "sl", "Aleksej Miller", "Gazproma"),
    ],
)
def test_entities_a_full_name_after_a_genitive_is_its_own_mention(
    text: str, language: str, person: str, before: str
) -> None:
    """Czech, Slovak, Slovenian, Croatian and Polish write what a person heads in the genitive before the
    name, the title in lowercase ("šéf Ryanairu Michael O'Leary"): the run is two names, the person typed,
    and the title before them the person's, not the genitive's ("Gazproma" is no person)."""
    surfaces = {m.surface: m.kind for m in _mentions(text, language).values()}
    assert surfaces.get(person) == "person" and surfaces.get(before, "person") != "person", surfaces


def test_entities_a_surname_written_first_is_not_cut_before_the_given_name() -> None:
    """ "Duda Andrzej Sebastian": a family name before the first name is the person's, not a genitive."""
    surfaces = {m.surface for m in _mentions("Na liście był Duda Andrzej Sebastian z Krakowa.", "pl").values()}
    assert "Andrzej Sebastian" not in surfaces, surfaces


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("Loni firma rostla o pět procent.", "cs", "Loni"),  # last year; GeoNames: a city in India
        ("Dali mu to až včera.", "cs", "Dali"),  # they gave; a city in China
    ],
)
def test_entities_a_slavic_sentence_s_common_first_word_is_no_city_abroad(text: str, language: str, word: str) -> None:
    assert word not in {m.surface for m in _mentions(text, language).values()}


def test_entities_a_slavic_sentence_s_first_word_naming_a_city_of_the_language_stays_the_city() -> None:
    found = {m.lemma for m in _mentions("Brno je druhé největší město. Praha je hlavní město.", "cs").values()}
    assert {"Brno", "Prague"} <= found, found


def test_entities_a_proper_noun_of_the_dictionary_opening_a_sentence_is_a_name() -> None:
    """ "Facebook" opening the only sentence that names it: the dictionary lists it only with its capital.
    "Senior" it lists as "senior" too, so the common word opening a sentence stays out."""
    surfaces = {
        m.surface for m in _mentions("Facebook said on Monday it would act. Senior officials agreed.", "en").values()
    }
    assert "Facebook" in surfaces and "Senior" not in surfaces, surfaces


def test_entities_a_german_noun_opening_a_sentence_is_no_proper_noun() -> None:
    """German's dictionary writes every noun with a capital: "Einstellung" opening a sentence is a noun."""
    surfaces = {m.surface for m in _mentions("Einstellung der Arbeiten wurde gestern beschlossen.", "de").values()}
    assert "Einstellung" not in surfaces, surfaces


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Delegacja z Chin przyjechała wczoraj.", "iso:CN"),  # Chiny; GeoNames lists "Chin" for Jinzhou
        ("Wczoraj premier Włoch spotkał się z nim.", "iso:IT"),  # Włochy
        ("Wczoraj przyjechał z Czech do Polski.", "iso:CZ"),  # Czechy
    ],
)
def test_entities_a_polish_plural_country_s_genitive_is_the_country(text: str, place: str) -> None:
    assert place in _mentions(text, "pl"), _mentions(text, "pl")


def test_entities_a_polish_people_s_word_before_a_name_is_no_country() -> None:
    """ "Czech Tomáš Souček": one Czech, then his name; the genitive plural never has a name after it."""
    found = _mentions("Bramkę zdobył Czech Tomáš Souček.", "pl")
    assert "iso:CZ" not in found, found


@pytest.mark.parametrize(
    ("text", "language"),
    [("Делегация прибыла в Рим, а потом в Уфу.", "ru"), ("Папа повернувся до Рима.", "uk")],
)
def test_entities_a_metropolis_of_three_cyrillic_letters_is_found(text: str, language: str) -> None:
    assert "geo:3169070" in _mentions(text, language) or "geo:479561" in _mentions(text, language)


def test_entities_a_union_named_with_an_organisation_word_is_the_union() -> None:
    """Slovenian "unija" is an organisation word; "Evropska unija" is still the European Union."""
    assert _keys("Včeraj je Evropska unija sprejela zakon.", "sl").get("org:EU") == "European Union"


@pytest.mark.parametrize(
    "text", ["W gabinecie Theresy May ścierają się dwie koncepcje.", "Wczoraj rozmawiał z Theresą May."]
)
def test_entities_a_polish_case_of_a_woman_s_first_name_keeps_a_short_surname(text: str) -> None:
    """A one-letter key ("May") counts after a listed first name in a case, read back to its nominative."""
    found = _mentions(text, "pl")
    assert found.get(name_key("May")) is not None and found[name_key("May")].lemma == "Theresa May", found


def test_entities_a_polish_council_s_genitive_is_no_woman_s_name() -> None:
    """ "Rady" is the genitive of "rada" (a council), though Rada is a first name some locales list."""
    found = _mentions("Szczyt Rady Europejskiej odbył się wczoraj.", "pl")
    assert all(m.kind != "person" for m in found.values()), found


def test_entities_a_foreign_first_name_in_bulgarian_opens_a_person_s_name() -> None:
    """ "Антъни Блинкън": no dictionary of Bulgarian or Russian lists him; the transcription of names reads
    Антъни as Anthony. "Белия дом" (the White House) opens with a common word: no person."""
    found = _mentions("Държавният секретар на САЩ Антъни Блинкън каза. Вчера Белия дом мълчи.", "bg")
    kinds = {m.surface: m.kind for m in found.values()}
    assert kinds.get("Антъни Блинкън") == "person" and kinds.get("Белия дом") != "person", kinds


def test_entities_a_foreign_full_name_in_cyrillic_may_open_a_sentence() -> None:
    """ "Антъни Блинкън каза": the first name opening the sentence is kept, read as a listed first name."""
    found = _mentions("Антъни Блинкън каза това.", "bg")
    assert any(m.surface == "Антъни Блинкън" for m in found.values()), found


def test_entities_a_month_s_abbreviation_before_a_day_is_no_name() -> None:
    """ "Tuesday, Dec. 31, 2019": a date's part. "May" written alone too stays (Theresa May)."""
    found = _mentions("The game in Sacramento on Tuesday, Dec. 31, 2019 ended late. It was Dec 31.", "en")
    assert all(m.surface != "Dec" for m in found.values()), found
    may = _mentions("Theresa May spoke on May 5. May said no more.", "en")
    assert any(m.lemma == "Theresa May" for m in may.values()), may


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("Про це повідомив Олександр Медведєв, пише Він заявив, що Газпром виконує всі закони.", "uk", "Він"),
        ("Това пише британският вестник The Guardian Докато депутатите от партията мълчат.", "bg", "Докато"),
    ],
)
def test_entities_a_frequent_word_capitalised_where_a_full_stop_was_lost_is_no_name(
    text: str, language: str, word: str
) -> None:
    """A page lost the full stop before "Він" (he) or "Докато" (while): a model reads it as a person."""
    assert word not in {m.surface for m in _mentions(text, language).values()}


def test_entities_an_institution_s_capitalised_word_stays_a_name() -> None:
    """Slavic languages capitalise an institution's own name: "Парламента" is the parliament."""
    found = _mentions("Вчера депутаты Парламента проголосовали против.", "ru")
    assert any(m.surface == "Парламента" for m in found.values()), found


@pytest.mark.parametrize(
    ("text", "language", "zone"),
    [
        ("Zápas začne ve 20:30 SELČ v Praze.", "cs", "SELČ"),
        ("Das Spiel beginnt um 20 Uhr MEZ in Berlin.", "de", "MEZ"),
        ("Der Handel beginnt um 09:00 Uhr CET in Frankfurt.", "de", "CET"),  # British English's, written abroad
    ],
)
def test_entities_a_time_zone_s_abbreviation_is_no_name(text: str, language: str, zone: str) -> None:
    assert zone not in {m.surface for m in _mentions(text, language).values()}


@pytest.mark.parametrize(
    ("text", "language"),
    [("Potnike je Lufthanso prizadela stavka.", "sl"), ("Akcje Lufthansy spadły wczoraj.", "pl")],
)
def test_entities_a_listed_company_in_a_slavic_case_is_the_company(text: str, language: str) -> None:
    found = [m for m in _mentions(text, language).values() if m.lemma == "Lufthansa"]
    assert found and found[0].kind == "org", _mentions(text, language)


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Wczoraj przewoźnik Ryanair odwołał loty.", "pl", "Ryanair"),
        ("Včera společnost Ryanair zrušila lety.", "cs", "Ryanair"),
        ("Včera společnost „Kofola“ oznámila zisk.", "cs", "Kofola"),
    ],
)
def test_entities_an_airline_or_a_concern_named_after_its_word_is_an_organisation(
    text: str, language: str, name: str
) -> None:
    """A company's word in lowercase right before its name, or before an opening quote and its name
    ("spółka „Orlen”", "концерн «Газпром»")."""
    kinds = {m.surface: m.kind for m in _mentions(text, language).values()}
    assert kinds.get(name) == "org", kinds


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Na letiště Tegel přistálo letadlo.", "cs", "Tegel"),
        ("Los migrantes llegaron ayer a la isla Lesbos.", "es", "Lesbos"),
    ],
)
def test_entities_a_noun_for_a_kind_of_place_before_a_name_makes_it_a_place(
    text: str, language: str, name: str
) -> None:
    kinds = {m.surface: m.kind for m in _mentions(text, language).values()}
    assert kinds.get(name) == "place", kinds


def test_entities_a_noun_for_a_kind_of_place_across_a_comma_says_nothing() -> None:
    """ "del valle, Dilian Francisca Toro": the comma ends what the valley's noun says."""
    kinds = {
        m.surface: m.kind for m in _mentions("Estuvo el exgobernador del valle, Dilian Francisca Toro.", "es").values()
    }
    assert all(kind != "place" for kind in kinds.values()), kinds


def test_entities_slavic_titles_make_persons_but_not_an_offices_complement() -> None:
    czech = _mentions("Kancléřka Merkelová řekla, že ne. Prezident Trump řekl, že ne.", "cs")
    assert czech[name_key("merkelová")].kind == "person" and czech[name_key("trump")].kind == "person"
    assert _mentions("Ameriški predsednik Trump je dejal, da ne.", "sl")[name_key("trump")].kind == "person"
    polish = {
        m.surface: m.kind
        for m in _mentions("Spotkanie prezydenta Trumpa i prezydenta Rzeczypospolitej Polskiej.", "pl").values()
    }
    assert polish["Trumpa"] == "person" and polish.get("Rzeczypospolitej Polskiej") != "person"


def test_entities_a_czech_womans_surname_alone_is_a_persons() -> None:
    found = {
        m.surface: m.kind
        for m in _mentions("Podle Merkelové je to chyba. S Bibiovou souhlasí i Kaiserová.", "cs").values()
    }
    assert found == {"Merkelové": "person", "Bibiovou": "person", "Kaiserová": "person"}
    assert _mentions("Nové zprávy přišly včera.", "cs") == {}  # an adjective, no surname


def test_entities_seas_straits_and_islands_are_places() -> None:
    english = {
        m.surface: m.kind
        for m in _mentions(
            "Tankers crossed the Strait of Hormuz and the Red Sea to the islands of Lesvos and Catalina Island.", "en"
        ).values()
    }
    assert english == {"Strait of Hormuz": "place", "Red Sea": "place", "Lesvos": "place", "Catalina Island": "place"}
    assert _mentions("Plynovod vede po dně Baltského moře.", "cs")[name_key("baltského")].kind == "place"
    assert {m.kind for m in _mentions("Na dnie Morza Bałtyckiego leży rura.", "pl").values()} == {"place"}
    assert {m.surface for m in _mentions("Les navires en mer Baltique.", "fr").values() if m.kind == "place"} == {
        "Baltique"
    }
    # two seas with the same noun stay two places; a surname that is also a feature's noun stays a name
    assert {
        m.surface
        for m in extract_entities([Article(id="a", text="Das Schwarze Meer und das Rote Meer.", language="de")])[
            0
        ].entities
    } == {"Schwarze Meer", "Rote Meer"}
    assert _mentions("Read more about the Greek islands.", "en") == {}
    assert _mentions("Ricki Lake came.", "en")[name_key("lake")].kind != "place"
    assert _mentions("El Cártel del Golfo opera.", "es")[name_key("golfo")].kind == "org"
    # "Golfo" alone is no region of a catalogue (Papua New Guinea's Gulf Province)
    assert {(m.surface, m.kind) for m in _mentions("Barcos en el Golfo de México.", "es").values()} == {
        ("Golfo de México", "place")
    }


def test_entities_a_listed_company_opening_a_sentence_alone() -> None:
    german = {m.surface: m.kind for m in _mentions("Microsoft-Gründer Bill Gates ist reich.", "de").values()}
    assert german == {"Microsoft": "org", "Bill Gates": "person"}
    assert _mentions("Apple pie is tasty.", "en") == {}  # a word of the language
    assert "Nike's Tiger Woods" not in {m.surface for m in _mentions("Nike's Tiger Woods won again.", "en").values()}


def test_entities_a_regions_code_after_a_city_is_that_region() -> None:
    found = {
        m.surface: m.lemma
        for m in _mentions("LAREDO, TX.- Police arrested a man. Officials in Sydney, NSW, agreed.", "en").values()
        if m.kind == "place"
    }
    assert found["TX"] == "Texas" and found["NSW"] == "New South Wales"
    assert _mentions("He works for the NHS in London.", "en")[acronym_key("NHS")].kind == "org"  # no city before it


def test_entities_a_us_states_agency_abbreviation_after_a_us_city_is_that_state() -> None:
    text = "A game in Sacramento, Calif., on Tuesday. Police in Seattle, Wash., said so. In Paris, Ill officials met."
    found = {m.surface: (m.kind, m.lemma) for m in _mentions(text, "en").values()}
    assert found["Calif"] == ("place", "California") and found["Wash"] == ("place", "Washington")
    assert "Ill" not in found or found["Ill"][0] != "place"  # after a city abroad, no state


def test_entities_chambers_associations_and_movements_of_latin_slavic_languages_are_organisations() -> None:
    polish = {
        m.lemma: m.kind
        for m in _mentions("Posłowie w Izbie Gmin i członkowie Polskiego Stowarzyszenia Nauczycieli.", "pl").values()
    }
    assert polish["Izba Gmin"] == "org" and "org" in {
        kind for lemma, kind in polish.items() if "Stowarzyszeni" in lemma
    }
    slovenian = _mentions("Poslanci Državne zbornice so glasovali.", "sl")
    assert {m.kind for m in slovenian.values()} == {"org"}
    czech = _mentions("Zástupci Evropské unie a Britská obchodní komora.", "cs")
    assert all(m.lemma != "Evropský Unie" for m in czech.values())  # the union is the gazetteer's, not an org word's


def test_entities_a_german_noun_for_a_company_types_the_name_after_it() -> None:
    found = {
        m.surface: m.kind
        for m in _mentions(
            "Wie der Wetterdienst Ubimet und die Österreichische Unwetterzentrale berichten, regnet es. Der Onlinehändler Zalando wächst.",
            "de",
        ).values()
    }
    assert found == {"Ubimet": "org", "Österreichische Unwetterzentrale": "org", "Zalando": "org"}
    # not across punctuation, and not a noun of the language ("Konzern-Sprecherin")
    assert {
        m.kind
        for m in _mentions("Kontakt: Pressedienst, Löwelstraße 18, Wien.", "de").values()
        if m.surface == "Löwelstraße"
    } != {"org"}
    assert not any(
        m.surface == "Sprecherin" for m in _mentions("Das sagte eine Konzern-Sprecherin am Montag.", "de").values()
    )


def test_entities_a_name_written_twice_in_a_row_is_said_twice() -> None:
    spanish = _mentions("No sube la leche – Mirador Virtual Mirador Virtual  A partir de hoy, nada cambia.", "es")
    assert [(m.surface, m.count) for m in spanish.values()] == [("Mirador Virtual", 2)]
    turkish = {
        m.surface: m.count
        for m in _mentions(
            "Slovenya’nın kahramanı Türkiye Gazetesi Türkiye Gazetesi Slovenya’da kazandı.", "tr"
        ).values()
    }
    assert turkish["Türkiye Gazetesi"] == 2 and not any(surface.count("Gazetesi") > 1 for surface in turkish)
    # one word twice is a name ("Bora Bora"), and so is a run whose halves differ
    assert "Bora Bora" in {m.surface for m in _mentions("They flew to Bora Bora last week.", "en").values()}


def test_entities_the_word_before_a_full_stop_is_read_from_a_short_stretch_back() -> None:
    from storyline.stages.entities import _last_word

    assert _last_word("Officials met Gov", 17) == (14, "Gov")
    assert _last_word("met (Gov", 8) == (5, "Gov")
    assert _last_word("met x-Gov", 9) is None  # no word of its own after a hyphen
    long = "b" * 100  # longer than the stretch looked at: read whole all the same
    assert _last_word(f"a {long}", 102) == (2, long)
    assert _last_word(long, 100) == (0, long)
    # the sentences of a long text are those of its parts
    part = "Gov. Ron DeSantis spoke. Donald J. Trump answered. The U.S. economy grew."
    assert split_sentences(" ".join([part] * 400)) == split_sentences(part) * 400


def test_entities_names_listed_after_a_plural_feature_noun_are_places() -> None:
    def places(text: str, language: str) -> set[str]:
        return {m.surface for m in _mentions(text, language).values() if m.kind == "place"}

    german = "Die Geschäfte auf den griechischen Inseln Lesbos, Chios und Samos sind geschlossen."
    assert {"Lesbos", "Chios", "Samos"} <= places(german, "de")
    assert {"Lesvos", "Chios", "Samos"} <= places("The islands of Lesvos, Chios and Samos are full.", "en")
    # one island named, then other names: no list of islands; nor a list that no "and" closes
    assert "Merkel" not in places("On the island of Lesbos, Merkel and Macron met.", "en")
    assert "Merkel" not in places("The islands of Lesvos, Merkel said, are full.", "en")


def test_acronyms_written_with_only_their_first_letter_in_capitals_are_the_organisations() -> None:
    # Italian news writes "della Nato", "l'Onu", "l'Ue", "gli Usa", "la Bce"; French "l'Otan"
    italian = "Il segretario della Nato ha parlato. L'Ue e gli Usa hanno chiesto all'Onu una risoluzione. La Bce tace."
    keys = {m.surface: m.key for m in _read(italian, "it")}
    assert keys["Nato"] == "org:NATO" and keys["Ue"] == "org:EU" and keys["Onu"] == "org:UN"
    assert keys["Usa"] == "iso:US" and keys["Bce"] == "org:ECB"
    french = {m.key for m in _read("Le chef de l'Otan a parlé.", "fr")}
    assert "org:NATO" in french


def test_a_mixed_case_acronym_opening_a_sentence_as_a_word_of_its_language_is_the_word() -> None:
    # "Nato a Roma": born in Rome; "Usa il telefono": he uses the phone
    text = "Nato a Roma nel 1950, era un medico. Usa il telefono ogni giorno."
    keys = {m.key for m in _read(text, "it")}
    assert "org:NATO" not in keys and "iso:US" not in keys


def _read(text: str, language: str) -> tuple[EntityMention, ...]:
    return extract_entities([Article(id=language, text=text, language=language)])[0].entities


def test_an_agency_as_its_country_s_news_writes_it_is_the_agency() -> None:
    # Italian news writes ANSA as "l'Ansa"; "un'ansa" (a river's bend) is a word
    italian = {m.key for m in _read("Secondo l'Ansa il governo cadrà. Il fiume forma un'ansa.", "it")}
    english = {m.key for m in _read("Reuters and ANSA reported it.", "en")}
    assert acronym_key("ANSA") in italian and acronym_key("ANSA") in english and len(italian) == 1


def test_entities_an_acronym_written_with_full_stops_is_the_acronym() -> None:
    """ "U.S." and "U.N.", as the wire services write them, are the United States and the United Nations."""
    keys = set(_mentions("The U.S. government and the U.N. agreed. He moved to the U.S. Then he left.", "en"))
    assert {"iso:US", "org:UN"} <= keys


@pytest.mark.parametrize(
    "text",
    [
        "El gobierno de EE.UU. anunció sanciones.",
        "Los presidentes de EE. UU. y de Cuba negocian.",  # the stop and the space end no sentence
    ],
)
def test_entities_a_spanish_plurals_doubled_letters_are_one_acronym(text: str) -> None:
    """ "EE.UU." (Estados Unidos) is the United States, not two organisations "EE" and "UU"; "FF.AA."
    (Fuerzas Armadas) is one acronym."""
    keys = set(_mentions(f"{text} Las FF.AA. protestaron.", "es"))
    assert "iso:US" in keys and "#ffaa" in keys
    assert not keys & {"#ee", "#uu", "#ff", "#aa"}


def test_entities_a_capitalised_pronoun_of_the_reader_is_no_name() -> None:
    # a video player's notice glued to the text, and a privacy notice's polite "your"
    text = "Doszło do starcia Twoja przeglądarka nie wspiera odtwarzacza. Informujemy o Twoich danych w Polsacie."
    assert {m.surface for m in _mentions(text, "pl").values()} == {"Polsacie"}


def test_entities_a_korean_given_name_written_with_a_hyphen_is_one_word() -> None:
    """ "Kim Jong-un" is the whole name, not a "Kim Jong" ending at the hyphen; "Ban Ki-moon" is found at
    all; the place before a title stays ("South Korean President Moon Jae-in"). A word after a place's
    hyphen ("Mexico City-based") and a German compound ("CDU-nahe") stay out of names."""
    text = "In Seoul this week, South Korean President Moon Jae-in said so. Later Kim Jong-un met Ban Ki-moon."
    assert {m.surface for m in _mentions(text, "en").values()} == {
        "Seoul",
        "South Korean",
        "Moon Jae-in",
        "Kim Jong-un",
        "Ban Ki-moon",
    }
    based = {m.surface for m in _mentions("The Mexico City-based Grupo México grew.", "en").values()}
    assert "Mexico City" in based and not any("based" in surface for surface in based)
    assert {m.surface for m in _mentions("Die CDU-nahe Stiftung tagte.", "de").values()} <= {"CDU", "Stiftung"}


def test_entities_two_places_joined_by_a_hyphen_are_no_first_names() -> None:
    """ "US-China" is no double first name ("Jean-Luc"), although some locale lists "Us" and "China"."""
    found = {m.key: m.kind for m in _mentions("The US-China talks resumed. Jean-Luc Mélenchon spoke.", "en").values()}
    assert found.get("iso:US") == "place" and found.get("iso:CN") == "place"
    assert "person" in found.values()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The Israel-Hamas war goes on; Hamas said on Monday.", "en"),
        ("Представитель ХАМАС заявил в понедельник.", "ru"),
        ("Hamas ve İsrail anlaştı.", "tr"),
        ("哈马斯发言人周一表示。", "zh"),
    ],
)
def test_entities_hamas_is_the_movement_not_a_town_named_so_by_geonames(text: str, language: str) -> None:
    """GeoNames gives Hamm the alternate name "Hamas": the movement is one organisation in every script."""
    found = _mentions(text, language)
    assert found["org:hamas"].kind == "org" and found["org:hamas"].lemma == "Hamas"
    assert not any(m.lemma == "Hamm" for m in found.values())


@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("The Islamic State and al-Qaeda claimed it; Boko Haram attacked.", "en", 3),
        ("Kämpfer des Islamischen Staates und der Al-Kaida griffen an.", "de", 2),
        ("Боевики Исламского государства и Аль-Каиды напали.", "ru", 2),
        ("Bojownicy Państwa Islamskiego i Boko Haram.", "pl", 2),
        ("El Estado Islámico y Al Qaeda.", "es", 2),
    ],
)
def test_entities_armed_movements_are_one_organisation_in_every_language(text: str, language: str, found: int) -> None:
    """The Islamic State, whose names are words of each language, al-Qaeda after Arabic's article, and
    Boko Haram: organisations known by their English names."""
    ids = {"org:islamic-state", "org:al-qaeda", "org:boko-haram"}
    named = {key: m for key, m in _mentions(text, language).items() if key in ids}
    assert len(named) == found and {m.kind for m in named.values()} == {"org"}


def test_entities_a_german_compound_title_makes_the_name_after_it_a_person() -> None:
    """ "Ministerpräsident", "Regierungschef", "Parteichef": a title as a compound's end is a title, cut
    off the name; not before a noun of the language or further back ("erklärt der Innenminister seinen
    Rücktritt")."""
    text = "Japans Regierungschef Shigeru Ishiba traf Ministerpräsident Li Qiang und Parteichef Friedrich Merz."
    found = {m.surface: m.kind for m in _mentions(text, "de").values()}
    assert {found.get(name) for name in ("Shigeru Ishiba", "Li Qiang", "Friedrich Merz")} == {"person"}
    resigned = _mentions("Der türkische Innenminister erklärt seinen Rücktritt.", "de").values()
    assert not any(m.kind == "person" for m in resigned)


def test_entities_institution_words_of_the_romance_languages_make_an_organisation() -> None:
    text = "La Confederación Europea de Sindicatos y la Jefatura Superior de Policía hablaron."
    kinds = {m.surface: m.kind for m in _mentions(text, "es").values()}
    assert kinds.get("Confederación Europea de Sindicatos") == "org"
    assert kinds.get("Jefatura Superior de Policía") == "org"


def test_entities_a_russian_region_as_english_writes_it_is_a_place() -> None:
    found = {m.surface: m.kind for m in _mentions("Troops entered the Kursk Oblast on Monday.", "en").values()}
    assert found.get("Kursk Oblast") == "place"


@pytest.mark.parametrize(
    ("text", "language", "surface", "key"),
    [
        ("Vertreter der Russischen Föderation reisten ab.", "de", "Russischen Föderation", "iso:RU"),
        ("Rusya Federasyonu'nun temsilcileri geldi.", "tr", "Rusya Federasyonu'nun", "iso:RU"),
        ("Representantes de la Federación de Rusia llegaron.", "es", "Federación de Rusia", "iso:RU"),
        ("Przedstawiciele Federacji Rosyjskiej przyjechali.", "pl", "Federacji Rosyjskiej", "iso:RU"),
        ("Представители на Руската федерация пристигнаха.", "bg", "Руската федерация", "iso:RU"),
    ],
)
def test_entities_a_countrys_formal_name_is_the_country_whatever_its_words(
    text: str, language: str, surface: str, key: str
) -> None:
    """A federation's word makes no organisation of a country's name, inflected or with a suffix."""
    (article,) = extract_entities([Article(id="a", text=text, language=language)])
    found = {m.surface: m for m in article.entities}
    assert found[surface].key == key and found[surface].kind == "place"


def test_an_acronym_with_news_is_its_outlet_and_with_group_a_name_of_its_own() -> None:
    """ "BBC News" and "CBS News" had been the acronyms beside one organisation "News", which a store made
    one entity of every "X News" of; "NRW Holdings" is a company, not North Rhine-Westphalia and "Holdings"."""
    found = _mentions(
        "He told BBC News and CBS News on Monday. The BBC said so. NRW Holdings and the BMW Group fell.", "en"
    )
    surfaces = {m.surface: m for m in found.values()}
    assert surfaces["BBC News"].key == acronym_key("BBC") and surfaces["BBC News"].count == 2
    assert surfaces["CBS News"].key == acronym_key("CBS")
    assert surfaces["NRW Holdings"].key != acronym_key("NRW") and surfaces["NRW Holdings"].kind == "org"
    assert "BMW Group" in surfaces and not {"News", "Holdings", "Group"} & set(surfaces)
    assert "US" in {m.surface for m in _mentions("US Media reported it.", "en").values()}


def test_a_page_label_in_capitals_and_a_code_are_no_names() -> None:
    """ "[VIDEO]" had been one organisation across every article a page labelled so; a wire's item number
    ("MENAFN3112201900670000ID109949436") one across every article of that wire."""
    found = _mentions("Raper przekaże milion [VIDEO] w Warszawie. MENAFN3112201900670000ID109949436 Dzięki.", "pl")
    assert not {m.surface for m in _mentions("Sign up to FREE alerts. FILE PHOTO: a man in London.", "en").values()} & {
        "FREE",
        "FILE",
    }
    assert not {m.surface for m in found.values()} & {"VIDEO", "MENAFN3112201900670000ID109949436"}
    assert "News18" in {m.surface for m in _mentions("The channel News18 said it in Delhi.", "en").values()}


def test_an_acronym_with_small_letters_inside_is_the_acronym_in_capitals() -> None:
    """ "AfD", "PiS" and "BaFin" had been dropped as words the dictionaries list ("afd", "pis", "bafin"); an
    "AfD" kept was keyed apart from the "AFD" of a headline."""
    german = _mentions("Die AfD kritisierte die BaFin in Berlin. Die Bundesanstalt BaFin prüft.", "de")
    assert german[acronym_key("AFD")].surface == "AfD"
    assert any("BaFin" in m.surface for m in german.values())
    assert _mentions("PiS wygrało wybory w Warszawie.", "pl")[acronym_key("PIS")].surface == "PiS"


def test_agencies_written_with_a_hyphen_are_their_acronyms() -> None:
    """ "Deutsche Presse-Agentur" had been "Deutsche Presse", untyped, and "Agence France-Presse" in French
    "Agence France" and "Presse": dpa and AFP, whatever the language."""
    assert _mentions("Nach Angaben der Deutschen Presse-Agentur stieg die Zahl.", "de")[acronym_key("DPA")].surface == (
        "Deutschen Presse-Agentur"
    )
    for text, language in (("selon l'Agence France-Presse à Paris.", "fr"), ("Agence France-Presse said so.", "en")):
        found = _mentions(text, language)
        assert found[acronym_key("AFP")].kind == "org" and not any(m.surface == "Presse" for m in found.values())
    # dpa's financial wire is one agency of its own, not dpa and an "AFX" beside it
    wire = _mentions("KÖLN (dpa-AFX) - Der Stillstand trifft Ströer. Frankfurt (DPA-AFX) - Das Vertrauen steigt.", "de")
    agencies = {(m.lemma, m.kind) for m in wire.values() if "AFX" in m.surface or m.surface.upper() == "DPA"}
    assert agencies == {("dpa-AFX", "org")}


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Perrito se cubre del frío en Lerdo\nAnalaura Rangel\n\nDebido a las lluvias.", "es", "Analaura Rangel"),
        ("Zahoor Elahi scored 46 runs for the side.", "en", "Zahoor Elahi"),
    ],
)
def test_entities_a_word_no_dictionary_lists_opens_a_name_at_a_sentence_s_start(
    text: str, language: str, name: str
) -> None:
    """A sentence's first word that no dictionary of the language or English lists, before another
    capitalised word, is the name's first word, not a sentence's word dropped ("Rangel" alone had been
    a district of Luanda)."""
    assert name in {m.surface for m in _mentions(text, language).values()}


def test_entities_an_unlisted_opening_word_is_no_name_where_nouns_are_capitalised() -> None:
    """In German an unlisted first word is most often a compound noun ("Praxisnahe Fortbildungen"), and
    a compound of known words elsewhere is one too ("Glasproducent Glaverbel"); a frequent word or an
    adverb of a known adjective is a word, listed or not."""
    assert "Praxisnahe Fortbildungen" not in {
        m.surface for m in _mentions("Praxisnahe Fortbildungen bietet der Verein an.", "de").values()
    }
    assert "Glaverbel" in {m.surface for m in _mentions("Glasproducent Glaverbel boekte winst.", "nl").values()}
    # small words and adverbs the dictionaries lack open no name either ("Aux", "Inizialmente")
    french = _mentions("Aux États-Unis, le vote a eu lieu. Actuellement Emmanuel Macron parle.", "fr")
    assert {"Emmanuel Macron"} <= {m.surface for m in french.values()}
    assert not any(m.surface.startswith(("Aux", "Actuellement")) for m in french.values())
    italian = _mentions("Inizialmente Halle venne designata come capitale del Land.", "it")
    assert not any(m.surface.startswith("Inizialmente") for m in italian.values())


def test_entities_common_nouns_before_a_surname_the_article_names_in_full_are_that_person() -> None:
    """ "das Kabinett Kurz II" beside "Sebastian Kurz": the chancellor, not an entity "Kabinett Kurz" keyed by
    the noun as if it were a first name. A surname spelled otherwise ("Villa"), a title before a first name
    ("Infantin Isabel"), a saint's name, and outside German a place named after the person ("Le Clos
    Genest") stay what they were."""
    mentions = _mentions("Sebastian Kurz sagt ja. Das Kabinett Kurz II regiert seit Januar.", "de")
    kurz = [m for m in mentions.values() if "Kurz" in m.surface]
    assert [(m.surface, m.kind, m.count) for m in kurz] == [("Sebastian Kurz", "person", 2)]
    cases = [
        ("Aston Villa gewann 1:0. Der Verein Port Vale verlor.", "de", "Verein Port Vale"),
        ("Teresa Grasa kam mit der Infantin Isabel. Die Kirche Santa Isabel ist alt.", "de", "Infantin Isabel"),
        ("Le Clos Genest a été construit par l’architecte Casimir Genest.", "fr", "Clos Genest"),
    ]
    for text, language, name in cases:
        (article,) = extract_entities([Article(id="a", text=text, language=language)])
        assert name in {m.surface for m in article.entities}


def test_entities_a_german_article_after_a_lost_full_stop_opens_no_name_though_some_list_it_as_a_surname() -> None:
    """ "Das" is also an Indian surname; after a lowercase word it is the article of a sentence whose full
    stop the page lost ("eskalieren Das Gefährlichste"), after a first name the surname ("Tarun Das")."""
    text = "Der Krieg droht zu eskalieren Das Gefährlichste am Konflikt ist, dass Tarun Das kam."
    surfaces = {m.surface for m in _mentions(text, "de").values()}
    assert "Tarun Das" in surfaces and not any("Gefährlichste" in surface for surface in surfaces)


def test_entities_german_numbers_that_are_nouns_open_no_name() -> None:
    text = "Das Video wurde 2,5 Millionen Mal angeschaut. Es kostet 200 Tausend Dollar, sagte Angela Merkel."
    assert {m.surface for m in _mentions(text, "de").values()} == {"Angela Merkel"}


def test_entities_the_first_lady_is_a_title_before_a_name_and_no_entity_alone() -> None:
    """ "First Lady Melania Trump", "Першій леді, Меланії", "la Première dame Brigitte Macron": the title,
    then who holds it; the title alone (an organisation "Persha ledi", a "Lady Melania Trump") is no entity.
    "Lady Gaga" and "Notre Dame" are no such title."""
    cases = {
        ("en", "First Lady Melania Trump arrived. Later US First Lady Jill Biden spoke. He thanked the First Lady."): {
            ("Melania Trump", "person"),
            ("Jill Biden", "person"),
            ("US", "place"),
        },
        ("uk", "Президент подякував Першій леді, Меланії, за її участь."): {("Меланії", "person")},
        ("fr", "La Première dame Brigitte Macron est arrivée."): {("Brigitte Macron", "person")},
        ("es", "La Primera Dama Jill Biden llegó."): {("Jill Biden", "person")},
    }
    for (language, text), expected in cases.items():
        assert {(m.surface, m.kind) for m in _mentions(text, language).values()} == expected, text
    assert "Lady Gaga" in {m.surface for m in _mentions("Lady Gaga sang at Notre Dame.", "en").values()}


def test_entities_acronyms_of_common_nouns_are_no_names() -> None:
    """ "НПЗ" (an oil refinery), "АЭС" (a nuclear power plant), "ДТП" (a road accident) name a kind of thing,
    not one of them: no organisation of their letters. A place beside one stays ("АЕЦ Козлодуй")."""
    assert not _mentions("Удари по російських НПЗ тривають. На АЕС пожежа.", "uk")
    assert not _mentions("Удары по российским НПЗ продолжаются. На АЭС пожар.", "ru")
    assert {m.surface for m in _mentions("АЕЦ Козлодуй работи.", "bg").values()} == {"Козлодуй"}


def test_entities_a_german_compound_ending_in_boss_is_a_title() -> None:
    """ "IOC-Boss Thomas Bach": the IOC and its president, not a person "Boss Thomas Bach"."""
    found = {
        (m.surface, m.kind) for m in _mentions("Ein Telefonat zwischen IOC-Boss Thomas Bach und ihm.", "de").values()
    }
    assert found == {("IOC", "org"), ("Thomas Bach", "person")}


def test_entities_a_towns_case_form_is_the_town_not_a_persons_name() -> None:
    """ "у Покровська", "біля Покровська" (Pokrovsk, a town the dictionary does not know: "Покровська" reads
    as a woman's surname), "у Покровска и Бахмута" (which the Russian model reads as people): the towns.
    A family name the dictionary knows ("Лермонтова") stays a person, and a surname the article gives in
    full is that person where it stands alone ("Олена Покровська ... Покровська")."""
    cases = {
        ("uk", "Бої тривають біля Покровська."): {("Покровська", "place")},
        ("uk", "Бої тривають у Покровську."): {("Покровську", "place")},
        ("ru", "Бои идут у Покровска и Бахмута."): {("Покровска", "place"), ("Бахмута", "place")},
        ("ru", "Поэт читал Лермонтова вслух."): {("Лермонтова", "person")},
        ("uk", "Олена Покровська сказала. Покровська додала."): {("Олена Покровська", "person")},
    }
    for (language, text), expected in cases.items():
        assert {(m.surface, m.kind) for m in _mentions(text, language).values()} == expected, text
    (town,) = _mentions("Бої тривають у Покровську.", "uk").values()
    assert town.lemma == "Pokrovsk" and town.key != _mentions("Engels is a city.", "en").popitem()[0]


def test_entities_ukraines_armed_forces_are_one_organisation_by_acronym_or_in_full() -> None:
    """ "ЗСУ" (Ukrainian), "ВСУ" (Russian) and the names written out are the Armed Forces of Ukraine, shown so;
    the acronyms alone had been two untyped names ("ZSU", "VSU")."""
    cases = [
        ("uk", "ЗСУ звільнили село."),
        ("ru", "Удары ВСУ по Курску."),
        ("uk", "Збройні сили України наступають."),
        ("ru", "Командование Вооруженных сил Украины сообщило."),
        ("en", "The Armed Forces of Ukraine advanced."),
    ]
    for language, text in cases:
        found = [m for m in _mentions(text, language).values() if m.key == "org:AFU"]
        assert [(m.kind, m.lemma) for m in found] == [("org", "Armed Forces of Ukraine")], text


def test_entities_a_hyphenated_pair_of_english_words_opening_a_name_is_one_word_of_it() -> None:
    """ "the All-Star Game", "National Anti-Corruption Bureau": the hyphen joins two words of one name, which
    had been a fragment and a name ("All", "Star Game"; "National Anti", "Corruption Bureau of Ukraine").
    Two names stay apart ("Merkel-Macron"), and so does a compound before a person's full name."""
    surfaces = {m.surface for m in _mentions("He was named to the All-Star Game.", "en").values()}
    assert surfaces == {"All-Star Game"}
    (bureau,) = _mentions("The National Anti-Corruption Bureau of Ukraine opened a case.", "en").values()
    assert (bureau.surface, bureau.kind) == ("National Anti-Corruption Bureau of Ukraine", "org")
    assert "Jaguar-Ford Mark Webber" not in {
        m.surface for m in _mentions("The ex-driver of Jaguar-Ford Mark Webber left.", "en").values()
    }
    # alone in a title-case heading, the compound's words are the heading's, as each word alone was
    assert not _mentions("The 17-Year-Old Hero Who Saved Three", "en")


def test_entities_a_frequent_word_no_dictionary_lists_is_no_name_alone() -> None:
    """ "jours Pas de trêve": a title the page glued to the text, then a sentence opening with "pas", which the
    compact French dictionary does not list (it leaves out words that are their own dictionary form). A
    frequent word that is also a name stays one ("Mars")."""
    assert not _mentions("Les coups tordus ont de beaux jours Pas de trêve pour les basses œuvres.", "fr")
    assert [m.surface for m in _mentions("Le robot a atterri sur Mars hier.", "fr").values()] == ["Mars"]


def test_entities_a_people_named_in_the_plural_is_no_entity_as_its_language_is_none() -> None:
    """ "meeting with the Russians" (the demo's untyped "Russian"): a people, as "Russian" alone is a language
    or an adjective; by its dictionary form. A name beside it stays."""
    assert not _mentions("He is still open to meeting with the Russians if progress is possible.", "en")
    found = _mentions("The Ukrainians met Olaf Scholz.", "en").values()
    assert [(m.surface, m.kind) for m in found] == [("Olaf Scholz", "person")]


def test_entities_an_ampersand_joins_an_acronym_and_a_companys_name() -> None:
    """ "AT&T", "S&P" are one acronym each (were "AT" and nothing); "Johnson & Johnson Inc", "Bill & Melinda
    Gates Foundation" one organisation each, which a legal form or an organisation's word ends. Two names a
    headline joins so, with no such word after them, stay apart."""
    found = {(m.surface, m.kind) for m in _mentions("Shares of AT&T fell while the S&P 500 rose.", "en").values()}
    assert found == {("AT&T", "org"), ("S&P", "org")}
    (foundation,) = _mentions("The Bill & Melinda Gates Foundation said.", "en").values()
    assert (foundation.surface, foundation.kind) == ("Bill & Melinda Gates Foundation", "org")
    (company,) = _mentions("Shares of Johnson & Johnson Inc fell.", "en").values()
    assert company.surface == "Johnson & Johnson"
    assert "Trump & Biden" not in {m.surface for m in _mentions("Why Trump & Biden Clash Over Taxes", "en").values()}


def test_entities_a_division_named_of_a_place_is_one_place() -> None:
    """ "Canton de Genève" had been "Canton" (Guangzhou, once called so) and Geneva; "Ville de Bruxelles" an
    untyped "Ville" and Brussels; "Provincia di Como" the town. A division named of a region is that region
    ("État de Louisiane"), a city's noun in another language than English the city; a division named of a
    city is a place of its own, one in every language ("Canton of Geneva"). A name the gazetteer knows whole
    stays that place ("Città del Messico"), and the noun before no place names nothing ("Stato della CEE")."""

    def found(text: str, language: str) -> set[tuple[str, str, str]]:
        return {(m.surface, m.kind, m.lemma) for m in _mentions(text, language).values()}

    assert found("Le Canton de Genève a voté.", "fr") == {("Canton de Genève", "place", "Canton of Geneva")}
    geneva = {m.key for m in _mentions("Le Canton de Genève a voté.", "fr").values()}
    assert geneva == {m.key for m in _mentions("The Canton of Geneva voted.", "en").values()}
    assert geneva != {m.key for m in _mentions("Le maire de Genève a voté.", "fr").values()}
    assert found("le bourgmestre de la Ville de Bruxelles a dit.", "fr") == {
        ("Ville de Bruxelles", "place", "Brussels")
    }
    assert found("Il a parlé de l'État de Louisiane hier.", "fr") == {("État de Louisiane", "place", "Louisiana")}
    assert found("La Provincia di Como ha detto.", "it") == {("Provincia di Como", "place", "Province of Como")}
    assert {m.key for m in _mentions("Vive a Città del Messico.", "it").values()} == {
        m.key for m in _mentions("He lives in Mexico City.", "en").values()
    }
    assert found("Lo Stato della CEE ha detto.", "it") == {("CEE", "org", "CEE")}


def test_entities_a_first_name_in_capitals_before_a_surname_is_one_name() -> None:
    """ "IOC-BOSS THOMAS Bach" (a machine translation's capitals): Thomas Bach, after the IOC and its title, as
    "Thomas Bach" is; it had been a person "BOSS THOMAS" and an untyped "Bach"."""
    found = _mentions("Ein Telefonanruf zwischen IOC-BOSS THOMAS Bach und Japan sind.", "de")
    plain = _mentions("Ein Telefonat zwischen IOC-Boss Thomas Bach und Japan.", "de")
    assert {(m.key, m.kind, m.lemma) for m in found.values()} == {(m.key, m.kind, m.lemma) for m in plain.values()}
    assert ("Thomas Bach", "person") in {(m.lemma, m.kind) for m in found.values()}


@pytest.mark.parametrize(
    ("sentence", "lemma"),
    [
        ("Във вторник Делян Пеевски се срещна с делегацията.", "Делян Пеевски"),  # not "Делея Пеевска"
        ("Вчера Сергей Станишев говори пред депутатите.", "Сергей Станишев"),  # not "Станиш"
    ],
)
def test_entities_a_bulgarian_persons_name_keeps_its_form(sentence: str, lemma: str) -> None:
    """Bulgarian names take no case: a listed first name is not the dictionary's reading of it as another
    word's form ("Делян" as делея), and a surname the dictionary does not know is not a guess that changes
    more than a definite article ("Пеевски" is no "Пеевска", "Станишев" no "Станиш")."""
    found = _mentions(sentence, "bg")
    assert lemma in {m.lemma for m in found.values() if m.kind == "person"}


def test_entities_a_bulgarian_things_name_loses_its_definite_article() -> None:
    """The article a Bulgarian name of a thing takes as an ending still goes ("Евросъюзът": the EU)."""
    found = _mentions("Лидерите на Евросъюзът се срещнаха в Брюксел.", "bg")
    assert "European Union" in {m.lemma for m in found.values()}


def _surfaces(text: str, language: str) -> dict[str, str]:
    """Each mention's surface with its kind."""
    return {m.surface: m.kind for m in _mentions(text, language).values()}


def test_entities_a_street_is_named_with_its_noun_not_after_what_it_is_named_for() -> None:
    """A street's noun before its name, in lowercase or not, with small words between: the street, a place
    of its own, not Rome, the Mexican state or a person Janin; "à la place de" names no square."""
    assert _surfaces("L'incident s'est déroulé dans la nuit, rue Janin dans le IVe arrondissement.", "fr") == {
        "Rue Janin": "place"
    }
    assert _surfaces("Un incendie au 12, Rue des Rameurs à Bruxelles.", "fr")["Rue des Rameurs"] == "place"
    assert "Macron" in _surfaces("Il parle à la place de Macron, le ministre.", "fr")
    italian = _mentions("L'incidente in via Roma a Milano.", "it")
    assert "Via Roma" in {m.surface for m in italian.values()} and "geo:3169070" not in italian  # not Rome
    spanish = _mentions("El accidente ocurrió en la calle Hidalgo de Toluca.", "es")
    assert {m.surface for m in spanish.values()} == {"Calle Hidalgo", "Toluca"}
    assert _surfaces("Die Polizei sperrte die Miquelstraße in Osnabrück.", "de")["Miquelstraße"] == "place"
    assert _surfaces("Das Tablet hat 128 GB Speicherplatz und einen Stift.", "de").get("Speicherplatz") != "place"


def test_entities_an_english_plurals_possessive_inside_a_name() -> None:
    """ "German Bishops’ Conference" is one name; "the Democrats' Nancy Pelosi" two, and "Los Angeles' Grand
    Park" keeps the city apart."""
    assert "German Bishops Conference" in _surfaces("He is vice president of the German Bishops’ Conference.", "en")
    assert "Nancy Pelosi" in _surfaces("The Democrats' Nancy Pelosi spoke on Monday.", "en")
    assert "Los Angeles" in _surfaces("The celebration in downtown Los Angeles' Grand Park spanned blocks.", "en")


def test_entities_a_saints_abbreviation_opens_a_name() -> None:
    """ "St. Joseph Kirche" keeps its "St" (a church, not a person Joseph); "Main St. Police said" still ends
    a sentence at the street."""
    found = _surfaces("Unbekannte brachen in die St. Joseph Kirche in der Miquelstraße ein.", "de")
    assert "St Joseph Kirche" in found
    assert _surfaces("Pfarrer Schmid sprach in St. Josef über die Kinder.", "de").get("St Josef") == "place"
    assert "Main St Police" not in _surfaces("The fire was on Main St. Police said it was arson.", "en")


def test_entities_a_german_genitive_place_before_a_noun() -> None:
    """ "Warschaus Süden" is Warsaw's south; "Jens Mattern Polens Wahlen" a person, then Poland's elections."""
    assert _places("Vor dem Postamt in Warschaus Süden warteten einige Personen.", "de") == {"Warsaw"}
    found = _surfaces("Ein Bericht von Jens Mattern Polens Präsidentschaftswahlen - die große Unsicherheit", "de")
    assert found.get("Jens Mattern") == "person" and found.get("Polen") == "place"


def test_entities_a_label_before_a_colon_after_a_name_is_no_part_of_it() -> None:
    """A common word before a colon after a name is a page's label ("Jens Mattern Bild: Jens Mattern"); a
    name of two words before a quotation stays whole."""
    assert _surfaces("Wir wissen nichts. Jens Mattern Bild: Jens Mattern über die Wahl", "de") == {
        "Jens Mattern": "person"
    }
    assert "Zuzanna Dąbrowska" in _surfaces("Zuzanna Dąbrowska: W maju prezydenta wybierze koronawirus", "pl")


def test_entities_a_police_force_named_after_its_seat() -> None:
    """ "Polizei Hamburg" and "Hamburg Police" are one organisation, named in English; so are the Spanish
    municipal police and a German police inspectorate."""
    german = _mentions(
        "Die Polizei Hamburg sucht einen Mann. Die Polizeiinspektion Osnabrück meldet einen Diebstahl.", "de"
    )
    english = _mentions("The Hamburg Police said the man was found.", "en")
    police = next(key for key in german if key.startswith("inst:police@"))
    assert police in english and german[police].lemma == english[police].lemma == "Hamburg Police"
    assert "Osnabrück Police Inspectorate" in {m.lemma for m in german.values()}
    spanish = _mentions("La Policía Municipal de Toluca detuvo a dos hombres.", "es")
    assert {m.lemma for m in spanish.values() if m.kind == "org"} == {"Toluca Municipal Police"}


def test_entities_an_english_organisations_adjective_opening_a_sentence() -> None:
    """An adjective opening a sentence before an organisation's name is its first word ("Associated Press",
    "Catholic World News"); "Many Party members" names nothing."""
    assert _surfaces("Associated Press reported the news.", "en") == {"Associated Press": "org"}
    assert _surfaces("Catholic World News reported on the bishop.", "en") == {"Catholic World News": "org"}
    assert _surfaces("Many Party members left.", "en") == {}


def test_entities_units_and_a_devices_standards_are_no_names() -> None:
    """The Turkish lira's "TL" after an amount, "LTE" and "RAM" are no organisations."""
    assert "TL" not in _surfaces("Avcılara toplam 30 bin 944 TL ceza uygulandı.", "tr")
    assert not {"LTE", "RAM"} & set(_surfaces("Die LTE-Versionen haben mehr RAM als zuvor.", "de"))


def test_entities_an_acronym_declared_in_parentheses_stands_for_the_name_before_it() -> None:
    """ "Christian Democrats (CDU)": the article says what the acronym stands for, though the letters differ,
    so a German article's "CDU" is the same entity; a dateline's agency after a place or a garbled word is
    no acronym of it ("MininninSkruck (DPA)")."""
    from storyline.grouping.entities import MentionRow, link_entities

    english = extract_entities(
        [
            Article(
                id="en", text="Merkel’s conservative Christian Democrats (CDU), backed by allies, won.", language="en"
            )
        ]
    )[0]
    german = extract_entities(
        [Article(id="de", text="Die CDU im Bundestag strebt einen neuen Start an.", language="de")]
    )[0]
    rows = [
        MentionRow(a.id, 1, m.key, m.given, m.kind, m.surface, m.lemma, m.count, a.language)
        for a in (english, german)
        for m in a.entities
    ]
    entities, links = link_entities(rows)
    by_surface = {(row.article_id, row.surface): links[(row.article_id, row.key, row.given)] for row in rows}
    assert by_surface[("en", "Christian Democrats")] == by_surface[("en", "CDU")] == by_surface[("de", "CDU")]
    garbled = _mentions(
        "Nun ist der Zugverkehr betroffen. Erschauen Sie die Zeit: 2 Mininnin Skruck (DPA). Der Zug.", "de"
    )
    assert all(m.lemma != "Mininnin Skruck" for m in garbled.values() if m.surface == "DPA")


def test_entities_german_listed_companies_places_before_nouns_and_page_labels() -> None:
    """German's dictionary lists "Twitter" as a noun, yet "auf Twitter schrieb" names the company; a place run
    on into a noun is the place ("im Rheinland-Pfalz Pause"), but a state named by two words stays whole
    ("Sachsen-Anhalt", though "Anhalt" is a noun); a page's "Anzeige" (advertisement) before a dateline is no
    part of its place; an initial after a name is no noun ("Wladimir N." is no town Vladimir)."""
    assert _surfaces("In seinem Team war Einheit, Trump auf Twitter schrieb.", "de").get("Twitter") == "org"
    assert _places("Nach sieben Wochen im Rheinland-Pfalz Pause am Montag kamen sie wieder.", "de") == {
        "Rhineland-Palatinate"
    }
    assert _places("Die Schulen in Sachsen-Anhalt Pause machen nicht.", "de") == {"Saxony-Anhalt"}
    assert _surfaces("Anzeige Anzeige Düsseldorf. Der Koch hat das Restaurant verlassen.", "de") == {
        "Düsseldorf": "place"
    }
    assert "place" not in _surfaces("Erledigung der Vermisstenfahndung nach Wladimir N. in Hamburg.", "de").get(
        "Wladimir", ""
    )


def test_entities_a_turkish_title_ends_the_office_and_its_holder_follows() -> None:
    """ "Gölbaşı Belediye Başkanı İskender Yıldırım": the municipality (named in English), then the mayor, though
    his first name and surname are Turkish words; a title whose office names no organisation or place ("Adalet
    Bakanı", the justice minister) is no name, and no town Adalet."""
    found = _mentions("Adıyaman'ın Gölbaşı Belediye Başkanı İskender Yıldırım, destek verdi.", "tr")
    assert {(m.surface, m.kind) for m in found.values()} >= {
        ("İskender Yıldırım", "person"),
        ("Gölbaşı Belediye", "org"),
    }
    assert "Gölbaşı Municipality" in {m.lemma for m in found.values()}
    assert {(m.surface, m.kind) for m in _mentions("Dün Adalet Bakanı Abdulhamit Gül konuştu.", "tr").values()} == {
        ("Abdulhamit Gül", "person")
    }


def test_entities_a_label_before_a_date_and_a_time_zone_beside_an_acronym() -> None:
    """ "world Updated: Jan 03, 2020 11:36 IST US Secretary of State": "Updated" labels a date, "IST" is India's
    time zone and no part of an acronym "IST US"; the United States stays."""
    found = _surfaces(
        "Iraqis celebrate, world Updated: Jan 03, 2020 11:36 IST US Secretary of State Mike Pompeo said.", "en"
    )
    assert "Updated" not in found and "IST US" not in found and found.get("US") == "place"


def test_entities_an_english_peoples_adjective_or_plural_is_no_entity() -> None:
    """ "Iraqis", "an Iraqi official" name a people, as "Russian" already did not; a run that a people in the
    plural ends is the name before it ("Mike Pompeo Iraqis ‘dancing": a repeated headline)."""
    assert _surfaces("An Iraqi official said Iraqis were happy.", "en") == {}
    found = _surfaces("Tweets US Secretary of State Mike Pompeo Iraqis ‘dancing in streets’ over death.", "en")
    assert found.get("Mike Pompeo") == "person"


def test_entities_a_turkish_institution_opening_a_sentence() -> None:
    """ "Sağlık Bakanlığı açıklama yaptı": the ministry, though its first word, opening the sentence, is a
    common word (health); "Bu Bakanlık" (this ministry) names none."""
    assert _surfaces("Sağlık Bakanlığı açıklama yaptı.", "tr") == {"Sağlık Bakanlığı": "org"}
    assert "Bu Bakanlık" not in _surfaces("Bu Bakanlık açıklama yaptı.", "tr")


def test_entities_a_military_rank_before_a_name_makes_a_person() -> None:
    """ "top Iran commander Qasem Soleimani": a person, though no list holds "Qasem"."""
    assert (
        _surfaces("The death of top Iran commander Qasem Soleimani shocked the region.", "en").get("Qasem Soleimani")
        == "person"
    )


def test_entities_a_first_name_in_lowercase_opens_no_name() -> None:
    """ "bitten" (ask) is also a Danish first name, and "del" an English one: in lowercase neither opens a
    person's name before the capitalised word after it ("Drei Regionen bitten Russland um Hilfe")."""
    assert _surfaces("Drei Regionen bitten Russland um Hilfe.", "de").get("Russland") == "place"
    assert _surfaces("Sucedió en la provincia de Carolina del Norte ayer.", "es").get("Carolina del Norte") == "place"


def test_entities_in_arabic_a_three_letter_country_and_a_country_after_a_proclitic() -> None:
    """Arabic leaves its short vowels unwritten: مصر (Egypt) and قطر (Qatar) are three letters, and
    "لمصر" (for Egypt) is one of them after a proclitic."""
    found = _mentions("أنتجت مصر المسلسل ووصل الوفد إلى قطر أمس. وقال إن هذا خير لمصر.", "ar")
    assert {"iso:EG", "iso:QA"} <= set(found)
    assert found["iso:EG"].lemma == "Egypt"


def test_entities_in_arabic_a_first_name_that_is_a_frequent_word_opens_a_name_beyond_doubt() -> None:
    """أحمد and موسى are among Arabic's most frequent words, as names are: a person where the word after
    the first name is a first name too (a father's name: "أحمد موسى") or no word the dictionary knows
    ("أحمد عبدالفتاح"); not where it is a known word with a pronoun's ending ("نور حديثها", the light of
    her talk) or opens with a proclitic ("ياسر سليمان ورحاب": and Rehab). A title before a frequent word
    still makes no person of it ("الرئيس الفرنسي إيمانويل": the French president Emmanuel)."""
    found = _surfaces("طالب الإعلامي أحمد موسى بإنتاج أعمال فنية. وكتب المسلسل أحمد عبدالفتاح.", "ar")
    assert found.get("أحمد موسى") == "person" and found.get("أحمد عبدالفتاح") == "person"
    assert "نور حديثها" not in _surfaces("وقال إن نور حديثها كان واضحا.", "ar")
    assert "سليمان ورحاب" not in _surfaces("غنى المطربين ياسر سليمان ورحاب مطاوع.", "ar")
    assert "الفرنسي إيمانويل" not in _surfaces("وقال الرئيس الفرنسي إيمانويل ماكرون.", "ar")


def test_entities_arabic_first_names_spelled_with_or_without_the_hamza() -> None:
    """ "إسماعيل فاروق" and "اسماعيل فاروق": one first name, its alef written with or without its hamza,
    and the given names English-language news spells for the Arab world are first names too."""
    assert _surfaces("شكرا إسماعيل فاروق على الإخراج.", "ar").get("إسماعيل فاروق") == "person"
    assert _surfaces("شكرا اسماعيل فاروق على الإخراج.", "ar").get("اسماعيل فاروق") == "person"


def test_entities_a_turkish_division_noun_makes_the_name_before_it_a_place() -> None:
    """ "Çaykara İlçesi'nde", "Kaşüstü mahallesinde", "Gerze köyünde": the district's, the neighbourhood's
    and the village's names are places, without the noun (which gave every "X Mahallesi" one key)."""
    found = _mentions("Trabzon'un Çaykara İlçesi'nde ve Yomra ilçesi Kaşüstü mahallesinde kaza oldu.", "tr")
    places = {m.lemma for m in found.values() if m.kind == "place"}
    assert {"Çaykara", "Kaşüstü", "Yomra"} <= places
    irmak = _mentions("Menemen ilçesi Irmak Mahallesi'nde yangın çıktı.", "tr")
    cumhuriyet = _mentions("Menemen ilçesi Atakent Mahallesi'nde yangın çıktı.", "tr")
    irmak_keys = {m.key for m in irmak.values() if m.lemma == "Irmak"}
    atakent_keys = {m.key for m in cumhuriyet.values() if m.lemma == "Atakent"}
    assert irmak_keys and atakent_keys and not irmak_keys & atakent_keys


def test_entities_a_word_in_capitals_glued_to_a_capitalised_word_is_two_words() -> None:
    """A caption's name glued to the dateline's place ("Foto: APA / HELMUT FOHRINGERWien - Bundeskanzler
    Sebastian Kurz"): the photographer and Vienna; a short acronym written on to a word is left alone."""
    found = _surfaces("Foto: APA / HELMUT FOHRINGERWien - Bundeskanzler Sebastian Kurz sagte das.", "de")
    assert found.get("HELMUT FOHRINGER") == "person" and found.get("Wien") == "place"
    assert "FOHRINGERWien" not in found


def test_entities_a_press_release_service_and_a_web_address_ending_are_no_names() -> None:
    """ "Stuttgart (ots)": news aktuell's service in a release's dateline; "HABERTURK.COM": the address's
    ending "COM" is no organisation."""
    assert "OTS" not in _surfaces("Stuttgart (OTS) - Ein Mann wurde festgenommen.", "de")
    found = _surfaces("HABERTURK.COM Enis Yıldırım'ın haberine göre kaza oldu.", "tr")
    assert "COM" not in found and found.get("Enis Yıldırım'ın") == "person"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le Vietnam est membre non permanent du Conseil de Sécurité des Nations Unies cette année.", "fr"),
        ("El Consejo de Seguridad de la ONU se reunió el lunes.", "es"),
        ("Der UN-Sicherheitsrat tagte am Montag.", "de"),
        ("Совет безопасности ООН собрался в понедельник.", "ru"),
        ("اجتمع مجلس الأمن الدولي أمس في القاهرة.", "ar"),
    ],
)
def test_entities_the_un_security_council_in_each_language(text: str, language: str) -> None:
    """The United Nations' council, one organisation whatever the language (and no "Nations Unies" of its
    own inside it); named so only with the United Nations, since a "Совет безопасности" alone is as often
    a country's own."""
    found = _mentions(text, language)
    assert found["org:UNSC"].lemma == "United Nations Security Council"
    assert "org:UN" not in found
    assert "org:UNSC" not in _mentions("Совет безопасности России собрался в понедельник.", "ru")


def test_entities_polish_ke_is_the_european_commission() -> None:
    assert _mentions("KE określa jej minimalną wysokość.", "pl")["inst:european-commission"].kind == "org"


def test_entities_a_state_named_with_its_noun() -> None:
    """ "Imo State", "Kano State": Nigeria's states as English-language news names them (Imo alone is too
    short a name to look up); the US's are left alone, where "Ohio State" is a university."""
    assert _mentions("There will be fresh elections in Imo State, the party said.", "en")["iso:NG-IM"].kind == "place"
    assert "Ohio State" not in _surfaces("Ohio State beat Michigan on Saturday.", "en")


def test_entities_a_turkish_military_rank_before_a_name() -> None:
    """ "İl Jandarma Komutanı Tuğgeneral Yüksel Yiğit": the brigadier general's rank is no word of his name."""
    found = _surfaces("Törene Jandarma Komutanı Tuğgeneral Yüksel Yiğit ve Kaymakam Ekrem Çeçen katıldı.", "tr")
    assert found.get("Yüksel Yiğit") == "person" and found.get("Ekrem Çeçen") == "person"


def test_entities_a_heading_preposition_and_a_region_named_again_without_its_noun() -> None:
    """ "Boko Haram Attacks Michika Town In Adamawa": the heading's "In" opens no name, and "Adamawa" (a name
    Cameroon's region shares, so no look-up finds it alone) is the region the article names as "Adamawa
    state"."""
    text = "Boko Haram Attacks Michika Town In Adamawa\nFighters attacked Michika, a town in Adamawa state, on Tuesday."
    found = _mentions(text, "en")
    assert "In Adamawa" not in {m.surface for m in found.values()}
    assert found["iso:NG-AD"].kind == "place"
    assert not any(m.lemma == "Adamawa" and m.key != "iso:NG-AD" for m in found.values())


def test_entities_a_turkish_city_of_three_letters_marked_by_its_ending() -> None:
    """ "Van'ın", "Van'a": the city of half a million, whose name is too short for the gazetteer's index and
    a first name and a word besides; in Turkish its apostrophe's ending marks it a name. Not in a language
    without that mark ("Van" in German is a name's particle)."""
    assert _mentions("Yardımlar Van'a ulaştı.", "tr")["geo:298117"].kind == "place"
    assert "geo:298117" not in _mentions("Der Maler Vincent van Gogh und Van Morrison.", "de")


def test_entities_arabic_everyday_country_names_and_alef_without_hamza() -> None:
    """ "السعودية" (Saudi Arabia, CLDR: "المملكة العربية السعودية"), and a country written with its alef
    bare ("الاردن" for الأردن, "ايران" for إيران), as much Arabic web text writes it."""
    found = _mentions("أثارت جدلا واسعا في السعودية والاردن وايران.", "ar")
    assert {"iso:SA", "iso:JO", "iso:IR"} <= set(found)


def test_entities_a_turkish_sentence_opening_with_a_name_and_its_ending() -> None:
    """ "Van'da ... yükseldi": a name and its case ending open the sentence (Turkish writes the apostrophe
    after names only); a number's ending ("KOVID-19'DAN") opens no word."""
    found = _mentions("Van'da vaka sayısı 448'e yükseldi. Dokuz kişinin KOVID-19'DAN öldüğü belirtildi.", "tr")
    assert found["geo:298117"].kind == "place"
    assert "DAN" not in {m.surface for m in found.values()}


def test_entities_a_french_departement_and_a_place_hyphenated_across_a_small_word() -> None:
    """France's départements ("Val-d'Oise", "Seine-Saint-Denis", "Bouches-du-Rhône"), but not one whose name
    is a common word ("Nord", in "la Gare du Nord"); "Port-au-Prince" is one word across its "au"."""
    places = _places("Il habite en Seine-Saint-Denis, près de Marseille dans les Bouches-du-Rhône.", "fr")
    assert {"Seine-Saint-Denis", "Bouches-du-Rhône", "Marseille"} <= places
    assert "Val-d'Oise" in _places("La sous-préfecture du Val-d'Oise semble déserte.", "fr")
    assert "iso:FR-59" not in _mentions("Il est arrivé à la Gare du Nord hier.", "fr")
    assert "Port-au-Prince" in _places("Le séisme a frappé Port-au-Prince hier.", "fr")


def test_entities_a_german_citys_adjective_before_its_police_and_the_epp() -> None:
    """ "Berliner Polizei" is the Berlin Police, as "Polizei Berlin" is ("Münchner" of München); the European
    People's Party is one party whether German, English or an acronym names it."""
    found = _mentions("Die Berliner Polizei und die Münchner Polizei ermitteln.", "de")
    assert found["inst:police@geo:2950159"].lemma == "Berlin Police"
    assert found["inst:police@geo:2867714"].lemma == "Munich Police"
    assert "org:EPP" in _mentions("Er ist das schwierigste Mitglied der Europäischen Volkspartei.", "de")
    assert "org:EPP" in _mentions("Fidesz may leave the European People’s Party, the EPP said.", "en")


def test_entities_a_polish_verb_opening_a_sentence_run_on_from_a_heading_is_no_name() -> None:
    """ "... zakażonych koronawirusem Dokładamy wszelkich starań": a heading without its full stop, then a
    verb (we add) the dictionary reads only as a verb."""
    found = _surfaces("Włochy wyprzedziły Iran pod względem zakażonych Dokładamy wszelkich starań.", "pl")
    assert "Dokładamy" not in found and found.get("Iran") == "place"


def test_entities_a_pages_button_in_capitals_is_no_surname() -> None:
    """ "Hurricane Maria CLOSE Buy Photo": "CLOSE", though Close is a surname, is the page's button."""
    found = _surfaces("Families left after Hurricane Maria CLOSE Buy Photo Samuel Lopez says so.", "en")
    assert not any("CLOSE" in surface or "Buy" in surface for surface in found)


def test_entities_the_pentagon_in_each_language() -> None:
    """The US defence department by its building, a common noun in German's dictionary ("Pentagons", its
    genitive) and Russia's "в Пентагоне": one institution."""
    assert _mentions("Die US-Truppen haben nach Angaben des Pentagons begonnen.", "de")["inst:pentagon"].kind == "org"
    assert _mentions("В Пентагоне заявили об этом.", "ru")["inst:pentagon"].lemma == "Pentagon"


def test_entities_a_name_after_a_country_words_of_english_or_before_a_listed_company() -> None:
    """ "President of the Hellenic Republic Prokopios Pavlopoulos": Greece, then the president; "Experienced
    Pole Robert Kubica": a person after two English words; "Harry Potter Netflix sorprendió": a heading run on
    into a company. "Royal Albert Hall" and "Crown Princess Mary" stay as they were."""
    found = _surfaces("President of the Hellenic Republic Prokopios Pavlopoulos received them.", "en")
    assert found.get("Hellenic Republic") == "place" and "Prokopios Pavlopoulos" in found
    assert _surfaces("Paris - Experienced Pole Robert Kubica will drive.", "en").get("Robert Kubica") == "person"
    assert _surfaces("Los fans de Harry Potter Netflix sorprendió con un tuit.", "es").get("Netflix") == "org"
    assert "Royal Albert Hall" in _surfaces("He played at the Royal Albert Hall last night.", "en")
    assert "Crown" not in _surfaces("We saw Crown Princess Mary in Copenhagen.", "en")


def test_entities_in_arabic_a_peoples_adjective_between_a_title_and_the_name() -> None:
    """ "المستشارة الألمانية أنجيلا ميركل" (the German chancellor Angela Merkel), "الرئيس الفرنسي إيمانويل
    ماكرون": the title's holder after the adjective of what the title is of."""
    found = _surfaces("دعت المستشارة الألمانية أنجيلا ميركل إلى الحذر. وقال الرئيس الفرنسي إيمانويل ماكرون ذلك.", "ar")
    assert found.get("أنجيلا ميركل") == "person" and found.get("إيمانويل ماكرون") == "person"


def test_entities_a_german_citys_adjective_before_its_zoo_airport_or_prosecutors() -> None:
    """ "Krefelder Zoo" is the Krefeld Zoo as "Zoo Krefeld" is; "Frankfurter Flughafen" the airport of
    "Flughafen Frankfurt"."""
    found = _mentions("Im Krefelder Zoo brannte es. Am Frankfurter Flughafen landete er.", "de")
    assert found["inst:zoo@geo:2884509"].lemma == "Krefeld Zoo"
    assert "inst:airport@geo:2925533" in _mentions("Er landete am Flughafen Frankfurt.", "de")
    assert "inst:airport@geo:2925533" in found


def test_entities_a_languages_name_in_itself_and_a_company_before_english_words() -> None:
    """ "also available in Français (pdf) and Deutsch (pdf)": languages' names; "the Nestlé Annual General
    Meeting": the company, then the meeting."""
    found = _surfaces("This press release is also available in Deutsch (pdf) and English.", "en")
    assert "Deutsch" not in found
    found = _surfaces("The board has confirmed that the Nestlé Annual General Meeting will take place.", "en")
    assert found.get("Nestlé") == "org"


def test_entities_a_listed_name_keeps_its_final_s_where_names_do_not_inflect() -> None:
    """English's dictionary makes "Andreas" a plural of Andrea and "Edwards" of Edward: a listed first or
    family name is the name as written, so that the German and English articles' Andreas Kalbitz have one
    given name's key."""
    found = _mentions("AfD leader Andreas Kalbitz met Thomas Edwards and Marcos Pontes.", "en")
    lemmas_found = {m.lemma for m in found.values()}
    assert {"Andreas Kalbitz", "Thomas Edwards", "Marcos Pontes"} <= lemmas_found
    assert found[name_key("Kalbitz")].given == given_key("Andreas")


def test_entities_a_first_name_before_a_family_names_plural_is_no_team() -> None:
    """ "Serena Williams": La Serena is a city and "Williams" reads as a plural, but the plural is of a name
    (William), not of a team's noun ("Ottawa Senators", "Metro Parks")."""
    found = _surfaces("Serena Williams won. The Ottawa Senators lost. Metro Parks said so.", "en")
    assert found.get("Serena Williams") == "person"
    assert found.get("Ottawa Senators") == "org" and found.get("Metro Parks") == "org"


def test_entities_a_german_genitive_after_a_listed_first_name_before_a_noun() -> None:
    """ "Angela Merkels Kritik", "Donald Trumps Politik": the person, whose surname no list holds, without the
    genitive's "s" and without the noun; a surname that ends in a vowel and "s" is the name ("Alexis Tsipras")."""
    found = _mentions("Angela Merkels Kritik war deutlich. Sie kritisierten Donald Trumps Politik.", "de")
    assert found[name_key("Merkel")].lemma == "Angela Merkel" and found[name_key("Trump")].lemma == "Donald Trump"
    assert name_key("Kritik") not in found and name_key("Politik") not in found


def test_entities_a_german_names_adjective_in_any_case_is_one_name() -> None:
    """ "der Deutschen Bank", "die Deutsche Bank", "Deutscher Bank": one name, Deutsche Bank; "der Europäischen
    Union" is the European Union; a city's adjective takes no ending ("Frankfurter Rundschau")."""
    text = "Die Aktie der Deutschen Bank fiel. Die Deutsche Bank meldete Verluste."
    assert {m.lemma for m in _mentions(text, "de").values()} == {"Deutsche Bank"}
    assert "org:EU" in _mentions("Die Staaten der Europäischen Union stimmten zu.", "de")
    assert _mentions("Das meldete die Frankfurter Rundschau.", "de")[name_key("Rundschau")].lemma == (
        "Frankfurter Rundschau"
    )


def test_entities_a_german_compound_noun_before_a_full_name_is_its_description() -> None:
    """ "Weltkriegsveteran Tom Moore", "Virenforscher Richard Neher": nouns the dictionary lacks, made of its
    nouns, before a listed first name: the person without them, as "Schauspieler Dwayne Johnson"."""
    found = _surfaces("Der Weltkriegsveteran Tom Moore ist tot. Virenforscher Richard Neher warnte.", "de")
    assert found.get("Tom Moore") == "person" and found.get("Richard Neher") == "person"


def test_entities_a_town_abroad_in_an_article_that_names_its_country() -> None:
    """A town too small for every language's index is found in an English article that names its country
    ("Landshut, Germany"), not in one that does not, and never where it is a word ("Worms")."""
    landshut = "geo:2881485"
    found = _mentions("Police in Landshut, Germany, cancelled the fair. Worms stayed quiet.", "en")
    assert landshut in found and not any(m.surface == "Worms" and m.kind == "place" for m in found.values())
    assert landshut not in _mentions("Police in Landshut cancelled the fair.", "en")


def test_entities_turkish_ministries_with_or_without_their_country() -> None:
    """ "Almanya Dışişleri Bakanlığı" is Germany's foreign ministry (the country before the office, as English
    writes it); "Sağlık Bakanlığının" with no country is Turkey's, the one country Turkish is the language of,
    as "Turkey's Health Ministry" in English; a congress named so is no country's."""
    found = _mentions("Almanya Dışişleri Bakanlığı uyardı. Sağlık Bakanlığının açıklaması geldi.", "tr")
    assert "inst:foreign-ministry@iso:DE" in found
    assert found["inst:health-ministry@iso:TR"].lemma == "Health Ministry of Turkey"
    assert "inst:health-ministry@iso:TR" in _mentions("Turkey's Health Ministry said cases rose.", "en")
    assert not any(key.startswith("inst:") for key in _mentions("Obrady otworzył Kongres.", "pl"))


def test_entities_a_polish_office_named_without_its_country_is_polands() -> None:
    """ "Ministerstwa Zdrowia": Poland's, where the sentence names no other country ("Rząd Niemiec" is Germany's);
    English, spoken in many countries, names none so ("the Health Ministry"); and a court, a senate or a
    government named bare is no country's (news of a country abroad names them so once it has named it)."""
    found = _mentions(
        "Według danych Ministerstwa Zdrowia liczba wzrosła. Orzekł Sąd Najwyższy. Rząd Niemiec milczy.", "pl"
    )
    assert {"inst:health-ministry@iso:PL", "inst:government@iso:DE"} <= set(found)
    assert "inst:supreme-court@iso:PL" not in found
    assert not any(key.startswith("inst:") for key in _mentions("The Health Ministry said so on Monday.", "en"))


def test_entities_an_english_name_in_german_text_keeps_its_last_word() -> None:
    """ "Black Lives Matter" in a German article: German's dictionary reads "Matter" as matt's comparative;
    the name is its words as written, keyed as the English articles key it."""
    german = _mentions("Die Bewegung Black Lives Matter protestierte in Berlin.", "de")
    english = _mentions("The Black Lives Matter movement protested in Berlin.", "en")
    assert name_key("Matter") in german and name_key("Matter") in english
    assert german[name_key("Matter")].lemma.endswith("Black Lives Matter")
