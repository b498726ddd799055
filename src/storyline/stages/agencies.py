"""News agencies: the wire services that articles cite and credit, as they write their own names.

No package ships this list, and the capitalised runs miss these names where they matter most: the
German agencies write themselves in lowercase ("dpa", "epd"), a credit line puts the name where a
sentence opens ("... New York. Reuters WASHINGTON -"), and a name that no dictionary knows is typed by
nothing else ("Xinhua", "Yonhap"). A name here is an organisation wherever it stands, written as the
agency writes it, or as its country's news writes it ("l'Ansa"): case counts ("ansa", a river's bend,
or "ap" in running text are other words).
"""

from __future__ import annotations

from storyline.stages.name_languages import APOSTROPHE_SUFFIX

# as Chinese news writes them (路透社, Reuters), with their Latin names
_CHINESE = {
    "路透社": "Reuters", "法新社": "AFP", "美联社": "AP", "新华社": "Xinhua", "塔斯社": "TASS", "德新社": "dpa",
    "共同社": "Kyodo", "韩联社": "Yonhap", "埃菲社": "EFE", "安莎社": "ANSA", "时事社": "Jiji", "合众国际社": "UPI",
    "国际文传电讯社": "Interfax", "朝中社": "KCNA", "伊通社": "IRNA",
    # and China's own newspapers and broadcasters that its news cites most, by the names they go by in English
    "人民日报": "People's Daily", "环球时报": "Global Times", "央视": "CCTV", "中央电视台": "CCTV",
    "中国中央电视台": "CCTV", "中新社": "China News Service", "中央社": "CNA", "财新": "Caixin",
    "南华早报": "South China Morning Post", "联合早报": "Lianhe Zaobao",
}  # fmt: skip
# One word each, as written: the wire services of the countries whose news storyline reads most, with
# their names in Cyrillic where newsrooms write them so. Not "Bloomberg", a person's name too.
_AGENCIES = frozenset([
    "Reuters", "Рейтер", "Рейтерс", "Ройтерс", "AFP", "АФП", "AP", "dpa", "Dpa", "DPA", "epd", "KNA", "APA",
    "EFE", "Xinhua", "Синьхуа", "Сіньхуа", "TASS", "ТАСС", "Interfax", "Интерфакс", "Інтерфакс", "Ukrinform",
    "Укрінформ", "UNIAN", "УНІАН", "Yonhap", "Kyodo", "Jiji", "ANSA", "Ansa", "Belga", "PAP", "Lusa", "UPI", "PTI",
    "IANS", "Bernama", "Antara", "AAP", "ČTK", "MTI", "BTA", "БТА", "Agerpres", "Tanjug", "HINA", "ANP",
    "Ritzau", "Notimex", "Télam", "IRNA", "ISNA", "WAFA", "KCNA", *_CHINESE,
])  # fmt: skip
# the Latin names of those written in Cyrillic (or in another case), as the agencies write them
_LATIN = {
    "Рейтер": "Reuters", "Рейтерс": "Reuters", "Ройтерс": "Reuters", "АФП": "AFP", "Синьхуа": "Xinhua",
    "Сіньхуа": "Xinhua", "ТАСС": "TASS", "Интерфакс": "Interfax", "Інтерфакс": "Interfax", "Укрінформ": "Ukrinform",
    "УНІАН": "UNIAN", "БТА": "BTA", "Франс Пресс": "AFP", "Франс пресс": "AFP", "Франс Прес": "AFP",
    "Франс прес": "AFP", "Ansa": "ANSA", **_CHINESE,
}  # fmt: skip
# what Russian and Ukrainian news writes before an agency's name ("ИА Рейтер": the news agency Reuters)
_DESCRIPTORS = frozenset({"ИА", "ІА"})
# agencies of two words whose first alone is another name: "Europa Press", "Anadolu Ajansı", and
# Agence France-Presse as Russian, Ukrainian and Bulgarian news write it ("Франс Пресс", "Франс прес":
# alone, "Франс" reads as a person's name)
_TWO_WORDS = frozenset({
    ("Europa", "Press"), ("Anadolu", "Ajansı"), ("Anadolu", "Agency"), ("Франс", "Пресс"), ("Франс", "пресс"),
    ("Франс", "Прес"), ("Франс", "прес"),
})  # fmt: skip


# agencies whose names news writes with a hyphen, which a sentence's words split ("Agence France-Presse",
# "der Deutschen Presse-Agentur"): their words, and their Latin acronym
_HYPHENATED: dict[tuple[str, ...], str] = {
    ("Agence", "France", "Presse"): "AFP",
    ("Deutsche", "Presse", "Agentur"): "DPA",
    ("Deutschen", "Presse", "Agentur"): "DPA",
    # dpa's financial wire, which German business news credits in its datelines ("KÖLN (dpa-AFX) -")
    ("dpa", "AFX"): "dpa-AFX",
    ("DPA", "AFX"): "dpa-AFX",
}
LONGEST_AGENCY = 3  # words
# the words an agency's name opens with, as written
_OPENINGS = _AGENCIES | {words[0] for words in _TWO_WORDS} | {words[0] for words in _HYPHENATED}


def is_agency(name: str) -> bool:
    """Whether ``name``, as written (a case ending after an apostrophe aside), is a news agency's:
    "Reuters", "dpa", "Europa Press", "Anadolu Ajansı'na", "Agence France-Presse"; not "Europa" or
    "Anadolu" alone."""
    head = name.split(" ", 1)[0]
    if head not in _OPENINGS and "'" not in head and "’" not in head:
        return False  # most windows of a sentence: one look-up, no word made plain
    words = [APOSTROPHE_SUFFIX.sub("", word) for word in name.split()]
    if len(words) == 1:
        return words[0] in _AGENCIES
    if len(words) == 2 and (words[0], words[1]) in _TWO_WORDS:
        return True
    return len(words) <= LONGEST_AGENCY and _hyphen_parts(" ".join(words)) in _HYPHENATED


def hyphenated(words: list[str]) -> str:
    """An agency's name as written, from the words a sentence split it into ("Agence France-Presse")."""
    return " ".join(words[:-2] + ["-".join(words[-2:])]) if tuple(words) in _HYPHENATED else " ".join(words)


def is_chinese_agency(word: str) -> bool:
    """Whether a word of Chinese text is a news agency's or an outlet's Chinese name (路透社, 人民日报)."""
    return word in _CHINESE


def names_agency_after_descriptor(run: list[str]) -> bool:
    """Whether a run is a descriptor and an agency's name ("ИА Интерфакс"): the descriptor is no part of it."""
    return len(run) == 2 and run[0] in _DESCRIPTORS and is_agency(run[1])


def latin_name(name: str) -> str | None:
    """An agency's name in Latin letters where it is written in Cyrillic or Chinese ("Ройтерс", 路透社:
    Reuters), else None."""
    plain = APOSTROPHE_SUFFIX.sub("", name)
    return _LATIN.get(plain) or _HYPHENATED.get(_hyphen_parts(plain))


def _hyphen_parts(name: str) -> tuple[str, ...]:
    """A name's words, a hyphen (or the non-breaking one the entity stage joins a place's halves with)
    parting them too."""
    return tuple(name.replace("-", " ").replace("\u2011", " ").split())
