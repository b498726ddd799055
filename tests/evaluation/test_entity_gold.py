"""The gold sets' matching of a system's mention to an annotated one."""

from storyline.evaluation.entity_gold import mentions_match, words_match


def test_an_abbreviations_full_stops_do_not_count() -> None:
    """The entity stage reads "U.S." as "US": the gold's "U.S." is found by it, and "J.D." by "JD"."""
    assert words_match("U.S.", "US") and mentions_match("J.D. GALLOP", "JD Gallop")
    assert not words_match("U.S.", "UK")


def test_words_of_one_name_match_up_to_their_endings() -> None:
    assert words_match("Лаврова", "Лавров") and words_match("Merkels", "Merkel")
    assert not words_match("Berlin", "Bern")
