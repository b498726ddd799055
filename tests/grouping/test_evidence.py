"""Shared entities across scripts (grouping/evidence.py): names written in Chinese characters read back as
the Latin names of the other side."""

from __future__ import annotations

from storyline.grouping.evidence import EntityStats, across_scripts, entity_overlap
from storyline.models import Article
from storyline.stages.entities import find_mentions
from storyline.stages.keys import name_key


def test_across_scripts_reads_a_transcribed_name_as_the_one_latin_key_it_may_be() -> None:
    chinese = {"特朗普": 1.0, "iso:US": 1.0}
    english = {name_key("Trump"): 1.0, "iso:US": 1.0, name_key("Biden"): 0.5}
    left, right = across_scripts(chinese, english)
    assert set(left) == {name_key("Trump"), "iso:US"} and right is english
    # the other way round: a story of Chinese articles, an English article
    right, left = across_scripts(english, chinese)
    assert set(left) == {name_key("Trump"), "iso:US"}


def test_across_scripts_leaves_a_name_that_may_be_two_of_the_other_side_or_is_there_already() -> None:
    chinese = {"特朗普": 1.0}
    both = {"trmp": 1.0, "trnp": 1.0}  # 特朗普 may be read as either
    assert across_scripts(chinese, both)[0] is chinese
    assert across_scripts({"特朗普": 1.0, "trmp": 1.0}, {"trmp": 1.0})[0] == {"特朗普": 1.0, "trmp": 1.0}
    assert across_scripts({"特朗普": 1.0}, {"特朗普": 1.0})[0] == {"特朗普": 1.0}  # two Chinese articles
    assert across_scripts({"国务院": 1.0}, {"ks": 1.0})[0] == {"国务院": 1.0}  # the State Council: no name


def test_entity_overlap_of_a_chinese_and_an_english_article_counts_the_people_they_share() -> None:
    chinese = find_mentions(
        Article(id="zh", text="美国总统特朗普表示，乌克兰总统泽连斯基周五将访问白宫。", language="zh")
    )
    english = find_mentions(
        Article(
            id="en",
            text="President Donald Trump said Ukrainian President Volodymyr Zelensky would visit the White House.",
            language="en",
        )
    )
    left = {mention.key: 1.0 for mention in chinese}
    right = {mention.key: 1.0 for mention in english}
    stats = EntityStats(documents=2)
    stats.add(set(left))
    stats.add(set(right))
    overlap, shared = entity_overlap(left, right, stats, cross_lingual=True)
    assert {name_key("Trump"), name_key("Zelensky"), "inst:white-house"} <= set(shared)
    assert overlap > entity_overlap(left, right, stats)[0]  # sides of one language: characters as written


def test_a_chinese_article_and_an_english_one_share_people_in_the_evidence_that_groups_them() -> None:
    from storyline.grouping.evidence import weigh_evidence
    from storyline.settings import GroupingSettings

    stats = EntityStats(documents=10)
    chinese, english = {"特朗普": 1.0, "iso:US": 1.0}, {name_key("Trump"): 1.0, "iso:US": 1.0}
    across = weigh_evidence(0.8, chinese, english, 0.0, stats, GroupingSettings(), cross_lingual=True)
    assert name_key("Trump") in across.shared_entities and across.entity_overlap > 0.99


def test_a_storys_old_profiles_go_once_it_grows() -> None:
    """A story's entity profile is compared with every article that may join it, across languages too,
    and is made again each time the story grows: the old ones must not stay in memory (a cache of the
    keys each profile writes in characters had kept every profile of a months-long story, the largest
    part of a multilingual follower's growth). The answer stays on the current profile."""
    import gc

    import numpy as np

    from storyline.grouping.evidence import Profile, in_characters
    from storyline.grouping.story_index import StoryState
    from storyline.models import EntityMention

    state = StoryState(id=1, vector_sum=np.zeros(2, dtype=np.float32))
    stats = EntityStats(documents=1_000)
    chinese = {"特朗普": 1.0}
    for number in range(60):
        names = [EntityMention(key=f"k{number}-{n}", surface="K", kind="person") for n in range(40)]
        article = Article(id=str(number), text="x", entities=(*names, EntityMention("特朗普", "特朗普", "person")))
        stats.add({mention.key for mention in article.entities})  # as the writer counts each batch's articles
        entity_overlap(chinese, state.profile(), stats, cross_lingual=True)
        state.add(article)
    gc.collect()
    assert sum(isinstance(thing, Profile) for thing in gc.get_objects()) == 1
    profile = state.profile()
    assert in_characters(profile) == ("特朗普",) and profile.written == ("特朗普",)
