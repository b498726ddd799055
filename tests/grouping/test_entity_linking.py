from dataclasses import replace

from storyline.grouping.entities import MentionRow, VariantCount, display_name, link_entities, variant_counts


def _row(
    article: str, story: int, key: str, given: str, surface: str, language: str = "en", kind: str = "person"
) -> MentionRow:
    return MentionRow(article, story, key, given, kind, surface, surface, 1, language)


def test_link_entities_full_names_with_different_given_names_stay_apart() -> None:
    entities, _ = link_entities(
        [_row("a", 1, "trmp", "dnld", "Donald Trump"), _row("b", 2, "trmp", "mln", "Melania Trump")]
    )
    assert sorted(e.name for e in entities) == ["Donald Trump", "Melania Trump"]


def test_link_entities_bare_surname_joins_the_full_name_of_its_story() -> None:
    rows = [
        _row("a", 1, "trmp", "dnld", "Donald Trump"),
        _row("b", 2, "trmp", "mln", "Melania Trump"),
        _row("c", 2, "trmp", "", "Trump"),
    ]
    _, links = link_entities(rows)
    assert links[("c", "trmp", "")] == "mln trmp~trmp"


def test_link_entities_ambiguous_bare_surname_stays_its_own_entity() -> None:
    rows = [
        _row("a", 1, "trmp", "dnld", "Donald Trump"),
        _row("b", 2, "trmp", "mln", "Melania Trump"),
        _row("c", 3, "trmp", "", "Trump"),
    ]
    _, links = link_entities(rows)
    assert links[("c", "trmp", "")] == "trmp~=trump"


def test_link_entities_dominant_full_name_takes_bare_surnames() -> None:
    rows = [_row(f"a{i}", i, "lvrv", "srh", "Sergey Lavrov") for i in range(3)]
    rows += [_row("z", 9, "lvrv", "", "Лавров", "bg")]
    entities, links = link_entities(rows)
    assert links[("z", "lvrv", "")] == "srh lvrv~lvrv"
    (lavrov,) = entities
    assert {v.language for v in lavrov.variants} == {"en", "bg"} and len(lavrov.article_ids) == 4


def test_link_entities_first_name_alone_never_joins_a_surname() -> None:
    rows = [_row("a", 1, "mln", "ar", "Джорджа Мелони", "ru"), _row("b", 1, "mln", "mln", "Меланії", "uk")]
    _, links = link_entities(rows)
    assert links[("b", "mln", "mln")] == "mln mln~mln*"


def test_display_name_prefers_latin_spelling_then_transliterates() -> None:
    both = [_row("a", 1, "lvrv", "srh", "Сергей Лавров", "bg"), _row("b", 1, "lvrv", "srh", "Sergey Lavrov")]
    assert display_name("srh lvrv", variant_counts(both)) == "Sergey Lavrov"
    assert (
        display_name("dnld trmp", variant_counts([_row("a", 1, "trmp", "dnld", "Доналд Тръмп", "bg")]))
        == "Donald Trump"
    )


def test_display_name_prefers_the_name_english_articles_write_among_the_fullest() -> None:
    """As many words each: the English articles' name, though the German one is written more often."""
    german = _row("a", 1, "stt", "", "Islamische Staat", "de", "org")
    english = _row("b", 1, "stt", "", "Islamic State", "en", "org")
    assert display_name("stt~stt", variant_counts([german, german, english])) == "Islamic State"
    # a fuller name still comes first, whichever language writes it
    spanish = _row("c", 1, "stt", "", "Estado Islámico Iraquí", "es", "org")
    assert display_name("stt~stt", variant_counts([german, english, spanish])) == "Estado Islámico Iraquí"


def test_display_name_gives_a_latin_surname_the_given_names_another_script_writes() -> None:
    """English text names him "Zelensky"; a Ukrainian article gives the full name: the reader sees the
    given name romanised the Ukrainian way before the Latin surname. Not for a name of another kind."""
    bare = _row("a", 1, "slnsk", "", "Zelensky")
    full = _row("b", 1, "slnsk", "vldmr", "Володимир Зеленський", "uk")
    assert display_name("vldmr slnsk~slnsk", variant_counts([bare, full, bare])) == "Volodymyr Zelensky"
    institute = replace(full, kind="org")
    assert display_name("vldmr slnsk~slnsk", variant_counts([bare, institute, bare])) == "Zelensky"
    # a given name whose romanisation no locale lists ("Antani" for Антъни) is left out
    blinken = [_row("a", 1, "blnkn", "", "Blinken"), _row("b", 1, "blnkn", "antn", "Антъни Блинкън", "bg")]
    assert display_name("antn blnkn~blnkn", variant_counts(blinken)) == "Blinken"


def test_entity_linking_a_name_going_on_in_lowercase_takes_no_bare_mention() -> None:
    rows = [
        MentionRow("a1", 1, "dm", "bl", "org", "Белия дом", "Бял Дом", 1, "bg"),
        MentionRow("a2", 2, "dm", "", "misc", "Дом", "Дом", 1, "bg"),
        MentionRow("a3", 3, "lvrv", "srh", "person", "Сергей Лавров", "Сергей Лавров", 1, "bg"),
        MentionRow("a5", 5, "lvrv", "srh", "person", "Сергей Лавров", "Сергей Лавров", 1, "bg"),
        MentionRow("a4", 4, "lvrv", "", "misc", "Лавров", "Лавров", 1, "bg"),
    ]
    _entities, links = link_entities(rows)
    assert links[("a2", "dm", "")] == "dm~dm" and links[("a4", "lvrv", "")] == "srh lvrv~lvrv"


def test_a_full_name_of_one_article_takes_no_bare_name_of_another_story() -> None:
    """One page's "Nikol Paryan Facebook", a run misread as a person's name, must not take every
    "Facebook" of the store; a name two articles write may (and one in the same story always does)."""
    rows = [
        _row("a", 1, "fsbk", "nkl", "Nikol Paryan Facebook"),
        _row("b", 2, "fsbk", "", "Facebook", kind="misc"),
        _row("c", 1, "fsbk", "", "Facebook", kind="misc"),
    ]
    _, links = link_entities(rows)
    full = links[("a", "fsbk", "nkl")]
    assert links[("b", "fsbk", "")] == "fsbk~=fakebook" and links[("c", "fsbk", "")] == full
    _, links = link_entities([*rows, _row("d", 3, "fsbk", "nkl", "Nikol Paryan Facebook")])
    assert links[("b", "fsbk", "")] == full


def test_latin_spellings_keep_g_apart_from_h() -> None:
    rows = [_row(f"a{i}", i, "hrmn", "jkm", "Joachim Herrmann", "de") for i in range(3)]
    rows.append(_row("b", 9, "hrmn", "", "German", kind="misc"))
    _, links = link_entities(rows)
    assert links[("b", "hrmn", "")] == "hrmn~=german"


def test_names_whose_keys_collide_are_entities_apart_by_their_spelling() -> None:
    rows = [
        _row("a", 1, "apl", "", "Apple", kind="org"),
        _row("b", 2, "apl", "", "Опель", "ru", kind="org"),
        _row("c", 3, "andks", "", "Яндекс", "ru", kind="org"),
        _row("d", 4, "andks", "bd", "Body Mass Index", kind="misc"),
        _row("e", 5, "tms", "", "New York Times", kind="org"),
        _row("f", 6, "tms", "", "Times", kind="org"),
    ]
    entities, links = link_entities(rows)
    assert len(entities) == 6
    assert links[("c", "andks", "")] == "andks~Andks"  # no full name is spelled "Яндекс"


def test_a_bare_name_in_another_script_joins_the_latin_spelling_the_store_makes_dominant() -> None:
    rows = [
        _row("a", 1, "rtrs", "", "Reuters", kind="org"),
        _row("b", 2, "rtrs", "", "Reuters", kind="org"),
        _row("c", 3, "rtrs", "", "Ройтерс", "bg", kind="org"),
        _row("d", 4, "pls", "", "Plaza", "es", kind="misc"),
        _row("e", 5, "pls", "", "Please", kind="misc"),
        _row("f", 6, "andks", "", "Index", kind="misc"),
        _row("g", 7, "andks", "", "Яндекс", "ru", kind="org"),
    ]
    _, links = link_entities(rows)
    assert links[("c", "rtrs", "")] == links[("a", "rtrs", "")] == "rtrs~=reuters"
    assert links[("d", "pls", "")] != links[("e", "pls", "")]  # Latin script: spelled with its vowels
    assert links[("g", "andks", "")] == "andks~Andks"  # Index is not spelled as Яндекс


def test_a_bare_surname_joins_only_a_full_name_spelled_as_it() -> None:
    rows = [
        _row("a", 1, "asln", "lk", "Lucia Azzolina", "es"),
        _row("b", 2, "asln", "", "Ashlynn", "es"),
        _row("c", 3, "asln", "", "Azzolina", "es"),
        _row("d", 4, "trmp", "dnld", "Donald Trump"),
        _row("e", 5, "trmp", "", "Тръмп", "bg"),
        _row("f", 6, "wds", "tgr", "Tiger Woods"),
        _row("g", 6, "wds", "", "Weeds", kind="misc"),  # same story, spelled alike but for its vowels
        _row("h", 7, "wds", "", "Woods", kind="misc"),
        _row("i", 8, "bdn", "", "Байден", "ru"),
        _row("j", 9, "bdn", "", "Biden"),
        _row("k", 9, "bdn", "j", "Joe Biden"),
    ]
    # each full name written in a second article: a bare name of another story may join it (MIN_SUPPORT)
    rows += [replace(row, article_id=f"{row.article_id}2", story_id=20 + n) for n, row in enumerate(rows) if row.given]
    _, links = link_entities(rows)
    assert links[("c", "asln", "")] == links[("a", "asln", "lk")] != links[("b", "asln", "")]
    assert links[("g", "wds", "")] == "wds~=veeds" and links[("h", "wds", "")] == "tgr wds~vds"
    assert links[("i", "bdn", "")] == links[("j", "bdn", "")] == "j bdn~bdn"
    assert links[("e", "trmp", "")] == "dnld trmp~trmp"  # across scripts


def test_a_full_name_in_a_script_without_vowels_takes_no_bare_latin_name() -> None:
    """هاني شاكر (Hany Shaker) and the Spanish company Sacyr share the skeleton "skr": Arabic leaves
    short vowels unwritten, so a bare Latin name does not join such a full name; a bare Arabic one does."""
    rows = [
        _row("a", 1, "skr", "hn", "هاني شاكر", "ar"),
        _row("a2", 2, "skr", "hn", "هاني شاكر", "ar"),
        _row("b", 3, "skr", "", "Sacyr", "es", kind="misc"),
        _row("c", 4, "skr", "", "شاكر", "ar"),
    ]
    _, links = link_entities(rows)
    assert links[("c", "skr", "")] == links[("a", "skr", "hn")] != links[("b", "skr", "")]


def test_an_acronym_joins_the_name_its_articles_spell_it_out_as() -> None:
    rows = [
        MentionRow("a", 1, "tms", "", "org", "Financial Times", "Financial Times", 1, "en"),
        MentionRow("a", 1, "#ft", "", "org", "FT", "Financial Times", 1, "en"),
        MentionRow("b", 2, "#ft", "", "org", "FT", "FT", 1, "en"),
        MentionRow("c", 3, "#ap", "", "org", "AP", "AP", 1, "en"),
    ]
    _, links = link_entities(rows)
    assert links[("a", "#ft", "")] == links[("a", "tms", "")] == links[("b", "#ft", "")]  # the store shows both
    assert links[("c", "#ap", "")] == "#ap"  # spelled out nowhere


def test_a_bare_common_word_takes_a_full_name_only_from_its_own_story() -> None:
    """ "Short" in an English article is the word, not the Sebastian Short two articles of another
    story name; in his own story it is him. A bare surname that is no word joins him either way."""
    full = [_row(a, 1, "srt", "sbstn", "Sebastian Short", "en", "person") for a in ("a1", "a2")]
    word = _row("a3", 2, "srt", "", "Short", "en", "misc")
    _, links = link_entities([*full, word])
    assert links[("a3", "srt", "")] != links[("a1", "srt", "sbstn")]
    in_story = _row("a4", 1, "srt", "", "Short", "en", "misc")
    _, links = link_entities([*full, in_story])
    assert links[("a4", "srt", "")] == links[("a1", "srt", "sbstn")]
    names = [_row(a, 1, "knklr", "sbstn", "Sebastian Kinkler", "en", "person") for a in ("a1", "a2")]
    bare = _row("a3", 2, "knklr", "", "Kinkler", "en", "misc")
    _, links = link_entities([*names, bare])
    assert links[("a3", "knklr", "")] == links[("a1", "knklr", "sbstn")]


def test_an_organisation_named_after_a_person_is_not_that_person() -> None:
    """ "Plaza Hotel Trump" ends in a surname that full names of the store write; it stays the hotel."""
    full = [_row(a, 1, "trmp", "dnld", "Donald Trump", "en", "person") for a in ("a1", "a2")]
    hotel = _row("a3", 2, "trmp", "", "Plaza Hotel Trump", "de", "org")
    _, links = link_entities([*full, hotel])
    assert links[("a3", "trmp", "")] != links[("a1", "trmp", "dnld")]


def test_a_bare_first_name_takes_a_full_name_ending_in_it_only_from_its_own_story() -> None:
    """ "Luca" alone is someone's first name, not the "Sitzbretterführer Luca" two articles of another
    story name."""
    full = [_row(a, 1, "lk", "stsbrtrfrr", "Sitzbretterführer Luca", "de", "person") for a in ("a1", "a2")]
    bare = _row("a3", 2, "lk", "", "Luca", "en", "person")
    _, links = link_entities([*full, bare])
    assert links[("a3", "lk", "")] != links[("a1", "lk", "stsbrtrfrr")]


def test_a_name_glued_to_itself_is_shown_by_its_shorter_form() -> None:
    def written(name: str, mentions: int) -> VariantCount:
        return VariantCount(name, "es", name, "org", mentions, mentions)

    glued = [written("Mirador Virtual Mirador Virtual", 2)]
    assert display_name("x", [*glued, written("Mirador Virtual", 1)]) == "Mirador Virtual"
    assert display_name("x", glued) == "Mirador Virtual Mirador Virtual"  # the only form there is
    particles = [written("Bin Turki Bin Abdulaziz", 3), written("Bin Abdulaziz", 1)]
    assert display_name("x", particles) == "Bin Turki Bin Abdulaziz"  # "Bin" may repeat


def test_a_name_of_several_words_is_shown_as_written_where_names_take_no_case_endings() -> None:
    """Dictionary forms word by word break names ("La Vegas", "Europäisch Union"): where names are
    written as is, a name is shown as an article wrote it, the spelling nearest the dictionary form
    first; a person's name, and names in languages with case endings, by their dictionary forms."""

    def count(surface: str, lemma: str, kind: str, mentions: int = 1, language: str = "de") -> VariantCount:
        return VariantCount(surface, language, lemma, kind, mentions, mentions)

    union = "Europäisch Union"
    dative = count("Europäischen Union", union, "org", 3)
    assert display_name("x", [dative]) == "Europäischen Union"
    assert display_name("x", [dative, count("Europäische Union", union, "org")]) == "Europäische Union"
    assert display_name("x", [count("Las Vegas Review", "La Vegas Review", "org", 2, "en")]) == "Las Vegas Review"
    assert display_name("x", [count("Grey's Anatomy", "Grey Anatomy", "misc", 1, "en")]) == "Grey's Anatomy"
    assert display_name("x", [count("GREY ANATOMY", "Grey Anatomy", "misc", 3, "en")]) == "Grey Anatomy"
    assert display_name("x", [count("Donalda Tuska", "Donald Tusk", "person", 4, "pl")]) == "Donald Tusk"
    assert display_name("x", [count("Unii Europejskiej", "Unia Europejska", "org", 4, "pl")]) == "Unia Europejska"
    assert display_name("x", [count("Pharrell Williams", "Pharrell William", "person", 2, "en")]) == "Pharrell William"


def test_one_article_reading_a_name_as_a_persons_does_not_type_an_entity_forty_leave_untyped() -> None:
    platform = [_row(f"a{n}", n, "tvtr", "", "Twitter", kind="misc") for n in range(40)]
    misread = replace(_row("p1", 99, "tvtr", "", "Twitterze", language="pl"), lemma="Twitter")
    (entity,) = link_entities([*platform, misread])[0]
    assert entity.kind == "misc"
    # a person's name typed so in a tenth of its articles is a person's (bare surnames stay untyped)
    surname = [_row(f"b{n}", 1, "mrkl", "", "Merkel", kind="misc") for n in range(9)]
    (entity,) = link_entities([*surname, _row("c1", 1, "mrkl", "", "Merkel")])[0]
    assert entity.kind == "person"
    # an organisation's type from one article stands
    (entity,) = link_entities([*platform, replace(misread, kind="org")])[0]
    assert entity.kind == "org"


def test_a_name_that_opens_with_a_common_word_is_told_apart_by_all_its_words() -> None:
    """Untyped names whose first and last words' keys agree are one entity only if all their words do
    ("Audio Snack" and "Udo's Snack", "Centro Médico Nacional" and "Centro Nacional" were joined); a
    person's name typed so in one article and not in another stays one entity."""
    rows = [
        _row("a", 1, "snk", "ad", "Audio Snack", "de", kind="misc"),
        _row("b", 2, "snk", "ad", "Udo Snack", "de", kind="misc"),
        _row("c", 3, "nknl", "kntr", "Centro Médico Nacional", "es", kind="misc"),
        _row("d", 4, "nknl", "kntr", "Centro Nacional", "es", kind="misc"),
        _row("e", 5, "hftr", "hlf", "Khalifa Haftar", "en"),
        _row("f", 6, "hftr", "hlf", "Khalifa Haftar", "en", kind="misc"),
        # a listed first name is a common word only where its own language writes it so: English's
        # dictionary lists "angela", German's does not
        _row("g", 7, "mrkl", "anhl", "Angela Merkel", "en"),
        _row("h", 8, "mrkl", "anhl", "Angela Merkel", "de", kind="misc"),
        # Bulgarian's word list writes every word in lowercase, names too: a first name it lists so
        # ("Александър": Aleksandar, which locales list) says nothing, and the untyped name is the person
        _row("i", 9, "stb", "alksndr", "Alexander Stubb", "en"),
        _row("j", 10, "stb", "alksndr", "Александър Стуб", "bg", kind="misc"),
    ]
    _, links = link_entities(rows)
    assert links[("i", "stb", "alksndr")] == links[("j", "stb", "alksndr")]
    assert links[("a", "snk", "ad")] != links[("b", "snk", "ad")]
    assert links[("c", "nknl", "kntr")] != links[("d", "nknl", "kntr")]
    assert links[("e", "hftr", "hlf")] == links[("f", "hftr", "hlf")]
    assert links[("g", "mrkl", "anhl")] == links[("h", "mrkl", "anhl")]


def test_display_name_of_an_acronym_is_no_run_that_holds_it_among_other_words() -> None:
    """A credit line's run keyed by its acronym ("Indian Express AP") is no name the acronym stands for;
    a spelled-out name is ("Christian Democratic Union" for CDU)."""
    credit = [_row("a", 1, "#ap", "", "AP", kind="org")] * 3 + [
        _row("b", 2, "#ap", "", "Indian Express Ap", kind="org")
    ]
    assert display_name("#ap", variant_counts(credit)) == "AP"
    spelled = [
        _row("a", 1, "#cdu", "", "CDU", "de", "org"),
        _row("b", 2, "#cdu", "", "Christian Democratic Union", kind="org"),
    ]
    assert display_name("#cdu", variant_counts(spelled)) == "Christian Democratic Union"
    alone = [_row("a", 1, "#eu", "", "Leave EU", kind="org")]
    assert display_name("#eu", variant_counts(alone)) == "Leave EU"  # nothing else was written


def test_link_entities_a_name_in_chinese_characters_is_the_person_its_story_reads_it_back_as() -> None:
    """特朗普 and 唐纳德·特朗普 beside "Donald Trump" and "Дональд Трамп" in one story are that one person,
    shown by the English name; in a story without such a name, 特朗普 stays its own entity."""
    rows = [
        _row("en", 1, "trmp", "dnld", "Donald Trump"),
        _row("ru", 1, "trmp", "dnld", "Дональд Трамп", "ru"),
        _row("zh1", 1, "特朗普", "", "特朗普", "zh"),
        _row("zh2", 1, "特朗普", "tnnd", "唐纳德·特朗普", "zh"),
        _row("zh3", 2, "特朗普", "", "特朗普", "zh"),
    ]
    entities, links = link_entities(rows)
    trump = links[("en", "trmp", "dnld")]
    assert links[("zh1", "特朗普", "")] == links[("zh2", "特朗普", "tnnd")] == links[("ru", "trmp", "dnld")] == trump
    assert links[("zh3", "特朗普", "")] != trump
    assert {e.name for e in entities if e.identity == trump} == {"Donald Trump"}


def test_link_entities_a_name_read_back_as_two_persons_of_its_story_is_neither() -> None:
    """Donald and Melania Trump in one story: 特朗普 may be either, so it joins neither; nor is a name in
    characters read back from a Japanese article (Japanese reads its characters otherwise)."""
    rows = [
        _row("a", 1, "trmp", "dnld", "Donald Trump"),
        _row("b", 1, "trmp", "mln", "Melania Trump"),
        _row("c", 1, "特朗普", "", "特朗普", "zh"),
        _row("d", 3, "trmp", "dnld", "Donald Trump"),
        _row("e", 3, "特朗普", "", "特朗普", "ja"),
        _row("f", 3, "特朗普", "", "特朗普", "zh", kind="org"),
    ]
    _, links = link_entities(rows)
    assert links[("c", "特朗普", "")] not in {links[("a", "trmp", "dnld")], links[("b", "trmp", "mln")]}
    assert links[("e", "特朗普", "")] != links[("d", "trmp", "dnld")]
    assert links[("f", "特朗普", "")] != links[("d", "trmp", "dnld")]


def test_display_name_a_city_by_the_shorter_name_its_articles_write() -> None:
    """ "Frankfurt" for Frankfurt am Main, which the articles write so; not "Gold" for Gold Coast (a word the
    articles wrote), nor "New York" for New York City (a metropolis, whose shorter name its state has too)."""

    def place(identity: str, official: str, written: dict[str, int]) -> str:
        counts = [VariantCount(surface, "en", official, "place", n, n) for surface, n in written.items()]
        return display_name(identity, counts)

    assert place("geo:2925533", "Frankfurt am Main", {"Frankfurt": 3, "Frankfurt am Main": 1}) == "Frankfurt"
    assert place("geo:2925533", "Frankfurt am Main", {"Frankfurt": 1, "Frankfurt am Main": 2}) == "Frankfurt am Main"
    assert place("geo:2165087", "Gold Coast", {"Gold": 3}) == "Gold Coast"
    assert place("geo:5128581", "New York City", {"New York": 5}) == "New York City"
