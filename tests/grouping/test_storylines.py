import datetime as dt

import numpy as np

from storyline.grouping.evidence import EntityStats
from storyline.grouping.stories import StoryState
from storyline.grouping.storylines import link_storylines
from storyline.settings import StorylineSettings


def _state(story_id: int, day: dt.date | None, keys: list[str], vector: list[float]) -> StoryState:
    return StoryState(
        id=story_id,
        vector_sum=np.asarray(vector, dtype=np.float32),
        size=1,
        entity_counts={k: 1 for k in keys},
        first=day,
        last=day,
    )


def test_storylines_link_stories_with_shared_actors_weeks_apart() -> None:
    stats = EntityStats(documents=100, frequency={"trmp": 50, "ptn": 50, "ankr": 2, "lvrv": 10})
    states = [
        _state(1, dt.date(2025, 8, 22), ["trmp", "ptn", "ankr", "lvrv"], [1, 0.1, 0]),
        _state(2, dt.date(2025, 10, 21), ["trmp", "ptn", "ankr", "lvrv"], [1, 0.2, 0]),
        _state(3, dt.date(2022, 2, 1), ["trmp", "ptn", "ankr", "lvrv"], [1, 0.1, 0]),  # years earlier
        _state(4, None, ["trmp", "ptn", "ankr", "lvrv"], [1, 0.1, 0]),  # undated: cannot be placed in time
    ]
    (storyline,) = link_storylines(states, stats, StorylineSettings())
    assert storyline.story_ids == (1, 2)
    assert storyline.links[0].gap_days == 60


def test_storylines_need_shared_entities() -> None:
    stats = EntityStats(documents=10, frequency={})
    states = [_state(1, dt.date(2025, 1, 1), ["a"], [1, 0, 0]), _state(2, dt.date(2025, 1, 5), ["b"], [1, 0, 0])]
    assert link_storylines(states, stats, StorylineSettings()) == []


def test_storylines_link_a_chinese_story_to_an_english_one_by_the_names_read_back() -> None:
    from storyline.stages.keys import name_key

    stats = EntityStats(documents=100, frequency={"trmp": 50, "lvrv": 10, "iso:HU": 5})
    english = _state(1, dt.date(2025, 10, 16), ["trmp", "lvrv", "iso:HU"], [1, 0.1, 0])
    chinese = _state(2, dt.date(2025, 10, 30), ["特朗普", "拉夫罗夫", "iso:HU"], [1, 0.2, 0])
    english.languages, chinese.languages = {"en": 1}, {"zh": 1}
    (storyline,) = link_storylines([english, chinese], stats, StorylineSettings())
    assert storyline.story_ids == (1, 2)
    assert {name_key("Trump"), name_key("Lavrov")} <= set(storyline.links[0].shared_entities)
    chinese.languages = {"en": 1}  # sides of one language: characters as written, nothing shared but Hungary
    assert link_storylines([english, chinese], stats, StorylineSettings()) == []
