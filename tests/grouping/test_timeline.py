import dataclasses
import datetime as dt

from storyline.grouping.timeline import ArticleFacts, build_timeline
from storyline.models import DatedStatement


def _statement(
    article: str, date: dt.date | None, keys: tuple[str, ...], sources: tuple[str, ...] = (), **extra: object
) -> DatedStatement:
    return DatedStatement(
        article_id=article,
        position=0,
        text=f"text of {article}",
        expression="x",
        precision="day",
        date=date,
        sources=sources,
        entity_keys=keys,
        **extra,  # type: ignore[arg-type]
    )


FACTS = {
    "bg": ArticleFacts("bg", "bg", dt.date(2025, 10, 21), "outlet.bg", 0),
    "en": ArticleFacts("en", "en", None, None, 1),
}


def _build(statements: list[DatedStatement]) -> list:  # type: ignore[type-arg]
    return build_timeline(statements, FACTS, lambda _a: dt.date(2025, 10, 21), lambda _a, key: key.upper())


def test_timeline_same_day_and_shared_entity_merge_across_languages() -> None:
    (entry,) = _build(
        [
            _statement("bg", dt.date(2025, 10, 16), ("trmp", "ptn"), ("CNN",)),
            _statement("en", dt.date(2025, 10, 16), ("ptn",), ("FT",)),
        ]
    )
    assert entry.articles == ("bg", "en") and entry.sources == ("CNN", "FT") and entry.outlets == ("outlet.bg",)
    assert entry.language == "bg" and entry.entities[0] == "PTN"


def test_timeline_same_day_without_shared_entities_stays_apart() -> None:
    entries = _build(
        [_statement("bg", dt.date(2025, 10, 16), ("trmp",)), _statement("en", dt.date(2025, 10, 16), ("vns",))]
    )
    assert len(entries) == 2


def test_timeline_yearless_date_takes_the_year_from_the_story() -> None:
    (entry,) = _build([_statement("en", None, ("ptn",), month=8, day=15)])
    assert entry.date == dt.date(2025, 8, 15)


def test_timeline_is_in_date_order() -> None:
    entries = _build([_statement("bg", dt.date(2025, 10, 20), ("a",)), _statement("en", dt.date(2025, 8, 15), ("b",))])
    assert [e.date for e in entries] == [dt.date(2025, 8, 15), dt.date(2025, 10, 20)]


def _pairwise_components(group: list[DatedStatement]) -> set[frozenset[tuple[str, int]]]:
    """The definition: statements sharing an article, a sentence or an entity key are one event (transitively)."""
    components = [{(s.article_id, s.position)} for s in group]
    linked = [[s] for s in group]
    merged = True
    while merged:
        merged = False
        for i in range(len(linked)):
            for j in range(i + 1, len(linked)):
                if any(
                    a.article_id == b.article_id or a.text == b.text or set(a.entity_keys) & set(b.entity_keys)
                    for a in linked[i]
                    for b in linked[j]
                ):
                    linked[i] += linked.pop(j)
                    components[i] |= components.pop(j)
                    merged = True
                    break
            if merged:
                break
    return {frozenset(component) for component in components}


def test_timeline_events_are_the_components_of_shared_article_sentence_or_entity() -> None:
    import random

    from storyline.grouping.timeline import _same_events

    rng = random.Random(5)
    for _round in range(30):
        group = [
            DatedStatement(
                article_id=f"a{rng.randrange(12)}",
                position=number,
                text=f"t{rng.randrange(40)}",
                expression="e",
                precision="day",
                date=dt.date(2025, 1, 1),
                entity_keys=tuple(f"k{rng.randrange(30)}" for _ in range(rng.randrange(3))),
            )
            for number in range(rng.randrange(1, 25))
        ]
        found = {frozenset((s.article_id, s.position) for s in cluster) for cluster in _same_events(group)}
        assert found == _pairwise_components(group)


def test_timeline_one_sentence_has_one_date_the_event_not_the_plan() -> None:
    # "On Thursday (16 Oct) they agreed that next week (27 Oct) there will be a meeting", written on 21 Oct
    thursday = _statement("bg", dt.date(2025, 10, 16), ("trmp",), relative=True)
    next_week = dataclasses.replace(thursday, date=dt.date(2025, 10, 27), precision="week")
    (entry,) = _build([next_week, thursday])
    assert (entry.date, entry.precision, entry.planned) == (dt.date(2025, 10, 16), "day", False)
    # of two past dates, the more precise; a plan alone stays, marked as planned
    last_week = dataclasses.replace(thursday, date=dt.date(2025, 10, 13), precision="week")
    assert [(e.date, e.precision) for e in _build([last_week, thursday])] == [(dt.date(2025, 10, 16), "day")]
    (plan,) = _build([next_week])
    assert plan.planned and plan.date == dt.date(2025, 10, 27)


def test_timeline_a_period_going_on_beside_a_plan_is_the_plan() -> None:
    # "not next week (27 Oct), but they could talk again this week (20 Oct)", written on Tuesday 21 Oct
    this_week = dataclasses.replace(_statement("bg", dt.date(2025, 10, 20), ("rb",), relative=True), precision="week")
    next_week = dataclasses.replace(this_week, date=dt.date(2025, 10, 27))
    (entry,) = _build([this_week, next_week])
    assert entry.planned and entry.date == dt.date(2025, 10, 27)
    # alone, this week stays an event (it holds the article's date: it may be past), as does a past
    # week beside a plan, and a day that is the article's own ("today") beside one
    assert not _build([this_week])[0].planned
    last_week = dataclasses.replace(this_week, date=dt.date(2025, 10, 13))
    assert [(e.date, e.planned) for e in _build([last_week, next_week])] == [(dt.date(2025, 10, 13), False)]
    today = dataclasses.replace(this_week, date=dt.date(2025, 10, 21), precision="day")
    assert [(e.date, e.planned) for e in _build([today, next_week])] == [(dt.date(2025, 10, 21), False)]


def test_timeline_same_sentence_in_two_articles_has_the_date_read_against_the_earlier() -> None:
    facts = {
        "first": ArticleFacts("first", "bg", dt.date(2025, 10, 17), "a.bg", 0),
        "copy": ArticleFacts("copy", "bg", dt.date(2025, 10, 24), "b.bg", 1),
    }
    text = "В четвъртък  Тръмп заяви, че..."
    statements = [
        dataclasses.replace(_statement("copy", dt.date(2025, 10, 23), (), relative=True), text=text.upper()),
        dataclasses.replace(_statement("first", dt.date(2025, 10, 16), (), relative=True), text=text),
    ]
    (entry,) = build_timeline(statements, facts, lambda _a: None, lambda _a, key: key)
    assert entry.date == dt.date(2025, 10, 16) and entry.articles == ("first", "copy")
    # a date written out wins over one read against an article's date, whichever article is earlier
    written = dataclasses.replace(statements[0], date=dt.date(2025, 10, 15), relative=False)
    (entry,) = build_timeline([written, statements[1]], facts, lambda _a: None, lambda _a, key: key)
    assert entry.date == dt.date(2025, 10, 15)


def test_timeline_speakers_are_apart_from_the_outlets_that_reported() -> None:
    statements = [
        _statement("bg", dt.date(2025, 10, 16), ("trmp",), ("Доналд Тръмп", "CNN")),
        _statement("en", dt.date(2025, 10, 16), ("trmp",), ("Financial Times", "доналд тръмп")),
    ]
    (entry,) = build_timeline(
        statements,
        FACTS,
        lambda _a: dt.date(2025, 10, 21),
        lambda _a, key: key,
        lambda article, name: "Donald Trump" if article == "bg" and name.endswith("Тръмп") else None,
    )
    assert entry.speakers == ("Donald Trump",) and entry.sources == ("CNN", "Financial Times")


def test_timeline_a_person_speaks_under_one_name_and_an_entity_makes_one_event_across_scripts() -> None:
    """特朗普 and Доналд Тръмп are one speaker, shown by the entity's name; statements of one date whose keys
    differ (特朗普, trmp) but link to one entity are one event."""
    statements = [
        _statement("bg", dt.date(2025, 10, 16), ("trmp",), ("Доналд Тръмп",)),
        _statement("zh", dt.date(2025, 10, 16), ("特朗普",), ("特朗普",)),
    ]
    facts = {**FACTS, "zh": ArticleFacts("zh", "zh", dt.date(2025, 10, 16), "Xinhua", 2)}
    by_key = {(statement.article_id, key): 7 for statement in statements for key in statement.entity_keys}

    def build(entity_of):  # type: ignore[no-untyped-def]
        return build_timeline(
            statements, facts, lambda _a: None, lambda _a, key: key, lambda _a, _name: "Donald Trump", entity_of
        )

    assert len(build(lambda _a, _k: None)) == 2  # by keys alone: two events
    (entry,) = build(lambda article, key: by_key.get((article, key)))
    assert entry.speakers == ("Donald Trump",) and len(entry.articles) == 2
