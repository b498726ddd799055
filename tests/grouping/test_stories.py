import datetime as dt

from helpers import make_article
from storyline.grouping.evidence import combine
from storyline.grouping.stories import StoryIndex, assign_stories, entity_keys
from storyline.settings import GroupingSettings

SETTINGS = GroupingSettings()
DAY = dt.date(2025, 10, 21)


def _index_with(*articles) -> StoryIndex:  # type: ignore[no-untyped-def]
    index = StoryIndex(dim=3)
    for article in articles:
        index.stats.add(entity_keys(article))
    for _ in range(20):  # background documents so that rare keys weigh more than common ones
        index.stats.add({"common"})
    return index


def test_stories_close_meaning_and_shared_rare_entities_join() -> None:
    a = make_article("a", [1, 0, 0], ["common", "bdpst", "rb"], DAY)
    b = make_article("b", [0.97, 0.24, 0], ["common", "bdpst", "rb"], None)
    index = _index_with(a, b)
    first, second = assign_stories([a, b], index, SETTINGS)
    assert second.story_id == first.story_id
    assert second.evidence is not None and "bdpst" in second.evidence.shared_entities


def test_stories_far_apart_in_time_do_not_join() -> None:
    a = make_article("a", [1, 0, 0], ["common", "bdpst", "rb"], DAY)
    b = make_article("b", [1, 0, 0], ["common", "bdpst", "rb"], DAY - dt.timedelta(days=60))
    first, second = assign_stories([a, b], _index_with(a, b), SETTINGS)
    assert second.story_id != first.story_id


def test_stories_unrelated_meaning_starts_new_story_and_nothing_is_dropped() -> None:
    articles = [make_article(str(i), v, ["common"], DAY) for i, v in enumerate([[1, 0, 0], [0, 1, 0], [0, 0, 1]])]
    memberships = assign_stories(articles, _index_with(*articles), SETTINGS)
    assert len({m.story_id for m in memberships}) == 3
    assert [m.article_id for m in memberships] == ["0", "1", "2"]


def test_stories_unknown_dates_are_neutral() -> None:
    assert combine(0.9, 0.3, None, SETTINGS) == combine(0.9, 0.3, 0.0, SETTINGS)
    assert combine(0.9, 0.3, 30.0, SETTINGS) < combine(0.9, 0.3, None, SETTINGS)


def test_stories_already_placed_article_keeps_its_story() -> None:
    a = make_article("a", [1, 0, 0], ["x"], DAY)
    index = _index_with(a)
    (first,) = assign_stories([a], index, SETTINGS)
    (again,) = assign_stories([a], index, SETTINGS)
    assert again.story_id == first.story_id and index.stories[first.story_id].size == 1


def test_stories_near_duplicate_follows_its_original() -> None:
    a = make_article("a", [1, 0, 0], ["x"], DAY)
    copy = make_article("b", [0, 1, 0], [], None).evolve(duplicate_of="a")
    index = _index_with(a, copy)
    first, second = assign_stories([a, copy], index, SETTINGS)
    assert second.story_id == first.story_id
