"""Companies known by name, to type an untyped mention as an organisation.

The names come from ``pytickersymbols`` (MIT, in its wheel): the constituents of twenty stock
indices of Europe and America (DAX, MDAX, S&P 500, NASDAQ 100, FTSE 100, CAC 40, IBEX 35, AEX, ...),
about 1,800 companies, as Wikipedia names them ("Microsoft", "Apple Inc.", "Nestlé SA", "Volkswagen
Group"), and the few the news names daily that no such index lists under that name (``UNLISTED_COMPANIES``:
Facebook, Twitter, Telegram, Huawei, Gazprom). A company is known by its name without its legal form or a closing "Group" or "Holding"
("Apple", "Nestlé", "Volkswagen"), and by its name as listed. The set is built once per installation
(the package's data module is 1.9 MB of Python) and then read from the user's cache folder.

Only the kind changes: a company's name keeps the key its words give it, so that "Netflix" and
"Netfliksa" stay one entity with the articles that wrote it before.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from storyline.stages.disk_cache import built_once, cache_folder
from storyline.stages.entity_cues import is_legal_form

CACHE_FORMAT = 2
MIN_LETTERS = 3  # "3M", "GE": shorter names are acronyms, which the acronym rules type
# what a listed name may close with besides a legal form: "Volkswagen Group", "ASML Holding", "Tesla, Inc."
_CLOSING_WORDS = frozenset(
    {"group", "holding", "holdings", "corporation", "corp", "company", "co", "incorporated", "inc", "limited", "ltd"}
)
_SPACES = re.compile(r"\s+")
# Companies the news names daily that no index of pytickersymbols lists under that name: platforms known by
# a product's name (its listed parent is "Meta Platforms", "Alphabet"), companies private or listed on
# other exchanges, and state companies; with their Cyrillic names. No word of a language (not "Signal",
# "Zoom", "Meta"), since any capitalised mention of one is typed an organisation.
UNLISTED_COMPANIES = frozenset(
    {"Facebook", "Instagram", "WhatsApp", "YouTube", "Google", "Gmail", "Twitter", "TikTok", "Telegram"}
    | {"Snapchat", "LinkedIn", "Reddit", "WeChat", "Weibo", "VKontakte", "Odnoklassniki", "Skype", "Viber"}
    | {"Spotify", "Airbnb", "SpaceX", "OpenAI", "ByteDance", "Huawei", "Samsung", "Xiaomi", "Tencent"}
    | {"Alibaba", "Baidu", "Foxconn", "Hyundai", "Yandex", "Gazprom", "Rosneft", "Sberbank", "Lukoil"}
    | {"Rosatom", "Aeroflot", "Roscosmos", "Naftogaz", "Aramco", "Pemex", "Petrobras", "BioNTech", "Sinovac"}
    | {"Sinopharm", "Wikipedia", "WikiLeaks", "Фейсбук", "Инстаграм", "Твиттер", "Телеграм", "Ютуб", "Гугл"}
    | {"Яндекс", "Газпром", "Роснефть", "Сбербанк", "Лукойл", "Росатом", "Аэрофлот", "Роскосмос", "Нафтогаз"}
    | {"Ґуґл", "Укрзалізниця"}
)


def is_listed_company(name: str) -> bool:
    """Whether ``name`` (as written, case aside) is a listed company's name, with or without its legal
    form: "Microsoft", "Apple", "Deutsche Bank", "Nestlé SA"."""
    return _SPACES.sub(" ", name).strip().casefold() in _names()


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    return built_once(_cache_path(), _build, frozenset)


def _build() -> frozenset[str]:
    from pytickersymbols.indices_data import INDICES

    names: set[str] = {name.casefold() for name in UNLISTED_COMPANIES}
    for index in INDICES.values():
        for company in index.get("companies", ()):
            names.update(_forms(str(company.get("name", ""))))
    return frozenset(name for name in names if sum(char.isalpha() for char in name) >= MIN_LETTERS)


def _forms(listed: str) -> set[str]:
    """A listed name as listed and without what closes it ("Tesla, Inc." -> "Tesla, Inc.", "Tesla")."""
    name = _SPACES.sub(" ", listed).strip()
    forms = {name.casefold()}
    words = name.replace(",", " ").split()
    while len(words) > 1 and (is_legal_form(words[-1]) or words[-1].rstrip(".").casefold() in _CLOSING_WORDS):
        words.pop()
        forms.add(" ".join(words).casefold())
    return forms


def _cache_path() -> Path:
    from importlib.metadata import version

    return cache_folder() / f"companies-{CACHE_FORMAT}-pytickersymbols-{version('pytickersymbols')}.pickle"
