from storyline.grouping.entities import MentionRow, display_name, link_entities, variant_counts


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
    assert links[("c", "trmp", "")] == "mln trmp"


def test_link_entities_ambiguous_bare_surname_stays_its_own_entity() -> None:
    rows = [
        _row("a", 1, "trmp", "dnld", "Donald Trump"),
        _row("b", 2, "trmp", "mln", "Melania Trump"),
        _row("c", 3, "trmp", "", "Trump"),
    ]
    _, links = link_entities(rows)
    assert links[("c", "trmp", "")] == "trmp"


def test_link_entities_dominant_full_name_takes_bare_surnames() -> None:
    rows = [_row(f"a{i}", i, "lvrv", "srh", "Sergey Lavrov") for i in range(3)]
    rows += [_row("z", 9, "lvrv", "", "Лавров", "bg")]
    entities, links = link_entities(rows)
    assert links[("z", "lvrv", "")] == "srh lvrv"
    (lavrov,) = entities
    assert {v.language for v in lavrov.variants} == {"en", "bg"} and len(lavrov.article_ids) == 4


def test_link_entities_first_name_alone_never_joins_a_surname() -> None:
    rows = [_row("a", 1, "mln", "ar", "Джорджа Мелони", "ru"), _row("b", 1, "mln", "mln", "Меланії", "uk")]
    _, links = link_entities(rows)
    assert links[("b", "mln", "mln")] == "mln"


def test_display_name_prefers_latin_spelling_then_transliterates() -> None:
    both = [_row("a", 1, "lvrv", "srh", "Сергей Лавров", "bg"), _row("b", 1, "lvrv", "srh", "Sergey Lavrov")]
    assert display_name("srh lvrv", variant_counts(both)) == "Sergey Lavrov"
    assert (
        display_name("dnld trmp", variant_counts([_row("a", 1, "trmp", "dnld", "Доналд Тръмп", "bg")]))
        == "Donald Tramp"
    )


def test_entity_linking_a_name_going_on_in_lowercase_takes_no_bare_mention() -> None:
    rows = [
        MentionRow("a1", 1, "dm", "bl", "org", "Белия дом", "Бял Дом", 1, "bg"),
        MentionRow("a2", 2, "dm", "", "misc", "Дом", "Дом", 1, "bg"),
        MentionRow("a3", 3, "lvrv", "srh", "person", "Сергей Лавров", "Сергей Лавров", 1, "bg"),
        MentionRow("a4", 4, "lvrv", "", "misc", "Лавров", "Лавров", 1, "bg"),
    ]
    _entities, links = link_entities(rows)
    assert links[("a2", "dm", "")] == "dm" and links[("a4", "lvrv", "")] == "srh lvrv"
