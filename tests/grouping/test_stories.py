import datetime as dt

import numpy as np

from helpers import make_article
from storyline.grouping.evidence import combine
from storyline.grouping.outline_table import UNDATED
from storyline.grouping.stories import StoryIndex, assign_stories, could_join, entity_keys, might_join
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


def test_stories_might_join_never_rules_out_a_story_could_join_accepts() -> None:
    """The array filter keeps every story the exact check accepts, whatever the dates (undated on
    either side) and settings, and it does rule out the hopeless ones."""
    rng = np.random.default_rng(3)
    for settings in (SETTINGS, GroupingSettings(weight_cross_lingual=0.0), GroupingSettings(join_probability=0.7)):
        for published in (DAY, None):
            article = make_article("a", [1.0, 0.0, 0.0], published=published)
            starts = [DAY + dt.timedelta(days=int(d)) for d in rng.integers(-120, 120, 400)]
            spans = [dt.timedelta(days=int(d)) for d in rng.integers(0, 30, 400)]
            dated = rng.random(400) < 0.8
            firsts = np.asarray([s.toordinal() if d else UNDATED for s, d in zip(starts, dated, strict=True)])
            lasts = np.asarray(
                [(s + w).toordinal() if d else UNDATED for s, w, d in zip(starts, spans, dated, strict=True)]
            )
            similarities = rng.uniform(-0.2, 1.0, 400)
            hopeful = might_join(article, firsts, lasts, similarities, settings)
            exact = [
                could_join(article, s if d else None, s + w if d else None, float(similarity), settings)
                for s, w, d, similarity in zip(starts, spans, dated, similarities, strict=True)
            ]
            assert all(hope for hope, accepted in zip(hopeful, exact, strict=True) if accepted)
            assert not hopeful.all() and any(exact)


def test_stories_closest_members_equal_closest_member_one_story_at_a_time() -> None:
    index = _index_with()
    rng = np.random.default_rng(4)
    stories = [index.new_story() for _ in range(4)]
    for number, state in enumerate(stories):
        for member in range(number):  # story 0 has no members
            vector = rng.normal(size=3)
            index.join(state, make_article(f"s{number}-{member}", list(vector / np.linalg.norm(vector))))
    article = make_article("x", [0.3, 0.5, 0.8])
    together = index.closest_members(article, [state.id for state in reversed(stories)])
    assert list(together) == [state.id for state in reversed(stories)]
    for state in stories:
        assert together[state.id] == index.closest_member(article, state.id)
    assert together[stories[0].id] == (0.0, None) and together[stories[3].id][1] is not None
