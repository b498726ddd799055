"""Who an article says reported or said something: "съобщи CNN", "по словам Лаврова",
"the Financial Times writes", "laut Reuters", "Anadolu Ajansı'na göre".

A source is a capitalised name (optionally in quotes) next to a reporting word. Reporting
words are listed per language family in two groups: those the name follows ("according to X")
and those the name comes before ("X reported").

Some of those words say more: the words of publishing ("reported by", "X writes", "berichtet", "как
пишет", "podaje") name an outlet or agency (``find_outlets``); words of speech ("said", "sagte",
"powiedział", "заявил") and of opinion ("according to", "laut", "по словам") name people as often as
institutions, and say nothing of the kind of what they name.
"""

from __future__ import annotations

from functools import lru_cache

import regex

_NAME_WORD = r"\p{Lu}[\p{L}\p{M}\p{Nd}.&’'\-]*"
_NAME = rf"[«\"“„']?(?P<name>{_NAME_WORD}(?:\s+(?:of|of the|de|du|des|la|der|die|del){{0,1}}\s*{_NAME_WORD}){{0,3}})[»\"”']?"

_NAME_AFTER = {
    "en": r"according to|reported by|told|cited by|quoted by|reports? from",
    "bg": r"съобщи(?:ха)?|съобщава(?:т)?|според|цитиран[аио]? от|пред|пише|предаде|информира",
    "ru": r"сообща(?:ет|ют)|сообщил[аи]?|пишет|по данным|по словам|со ссылкой на|переда[её]т|как пишет|как сообщает|заявил[аи]? в",
    "uk": r"повідомля(?:є|ють)|повідомив|повідомила|повідомили в|пише|за словами|за даними|як писав|як пише|переда[єю]|з посиланням на",
    # "so" reports only after a comma or dash (", so Merkel"); elsewhere it is the adverb ("So Schule läuft")
    "de": r"laut|berichtet(?:e)?|schreibt|meldet(?:e)?|sagte|(?<=[,–—]\s{0,2})so",
    "fr": r"selon|d'après|rapporte|a rapporté|écrit|a indiqué|a déclaré",
    "es": r"según|informó|dijo|de acuerdo con|reportó|publicó",
    "pl": r"według|podaje|poinformował[aoy]?|powiedział[a]?|jak podaje|jak podał[a]?|za",
    "tr": r"göre",
}
_NAME_BEFORE = {
    "en": r"reports|reported|said|says|wrote|writes|told|noted|announced|claims|claimed",
    "bg": r"съобщи|заяви|каза|написа|обяви",
    "ru": r"сообщил[аи]?|заявил[аи]?|сказал[аи]?|написал[аи]?|пишет|сообщает",
    "uk": r"заявив|заявила|сказав|сказала|написав|написала|повідомив|повідомила|пише|повідомляє",
    "de": r"berichtet(?:e)?|meldet(?:e)?|schreibt|sagte|zufolge",
    "fr": r"a déclaré|a annoncé|rapporte|indique|écrit",
    "es": r"informó|dijo|afirmó|publicó|reportó",
    "pl": r"podał[a]?|poinformował[a]?|napisał[a]?|podaje",
    # "Anadolu Ajansı'na göre", "Hürriyet'in haberine göre" (according to Hürriyet's report)
    "tr": r"['’]?(?:[ıiuü]n\s+haberine|[yn]?[ea]|[yn]?[ıiuü]n[ae])\s+göre|bildirdi|açıkladı|duyurdu|yazdı",
}
# the words of publishing among those, as above: the name they give is an outlet's or agency's
_OUTLET_AFTER = {
    "en": r"reported by|cited by|quoted by|reports? from",
    "bg": r"съобщава(?:т)?|цитиран[аио]? от|пише|предаде|информира",
    "ru": r"сообща(?:ет|ют)|пишет|по данным|со ссылкой на|переда[её]т|как пишет|как сообщает",
    "uk": r"повідомля(?:є|ють)|пише|за даними|як писав|як пише|переда[єю]|з посиланням на",
    "de": r"berichtet(?:e)?|schreibt|meldet(?:e)?",
    "fr": r"rapporte|a rapporté|écrit",
    "es": r"informó|reportó|publicó",
    "pl": r"podaje|jak podaje|jak podał[a]?",
    "tr": r"(?!)",  # Turkish writes its words of publishing after the name
}
_OUTLET_BEFORE = {
    "en": r"reports|reported|wrote|writes",
    "bg": r"написа",
    "ru": r"пишет|сообщает",
    "uk": r"пише|повідомляє",
    "de": r"berichtet(?:e)?|meldet(?:e)?|schreibt",
    "fr": r"rapporte|écrit",
    "es": r"informó|publicó|reportó",
    "pl": r"podał[a]?|napisał[a]?|podaje",
    "tr": r"['’]?(?:[ıiuü]n\s+haberine\s+)(?:[yn]?[ea]\s+)?göre|yazdı",
}
_INFLECTION_AFTER_APOSTROPHE = regex.compile(r"['’]\p{Ll}+$")
# pronouns and demonstratives that open a sentence before a reporting word ("Das berichtete ...")
_NOT_SOURCES = {
    "He", "She", "It", "They", "We", "I", "The", "This", "That", "Він", "Вона", "Он", "Она", "Той", "Тя", "Это",
    "Това", "Das", "Dies", "Er", "Sie", "Es", "Il", "Elle", "Ils", "Cela", "Él", "Ella", "Esto", "Ona", "On", "To",
}  # fmt: skip


def find_sources(sentence: str, language: str | None) -> list[str]:
    """Names the sentence gives as the source of what it says, in order of appearance (in Chinese, the
    names ``chinese.sources`` finds: no capitals mark them)."""
    if language == "zh":
        from storyline.stages.chinese import sources

        return sources(sentence)
    return _named(sentence, _patterns(language or "en"))


def find_outlets(sentence: str, language: str | None) -> list[str]:
    """The sources a word of publishing gives ("reported by X", "X writes"): outlets and agencies, in
    order of appearance."""
    if language == "zh":
        from storyline.stages.chinese import sources

        return sources(sentence, outlets_only=True)
    return _named(sentence, _outlet_patterns(language or "en"))


def _named(sentence: str, patterns: list[regex.Pattern[str]]) -> list[str]:
    found: list[tuple[int, str]] = []
    for pattern in patterns:
        for match in pattern.finditer(sentence):
            name = _INFLECTION_AFTER_APOSTROPHE.sub("", match["name"]).strip(" .,’'-")
            if name and name not in _NOT_SOURCES:
                found.append((match.start("name"), name))
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return names


@lru_cache(maxsize=64)
def _patterns(language: str) -> list[regex.Pattern[str]]:
    return _compiled(_NAME_AFTER.get(language, _NAME_AFTER["en"]), _NAME_BEFORE.get(language, _NAME_BEFORE["en"]))


@lru_cache(maxsize=64)
def _outlet_patterns(language: str) -> list[regex.Pattern[str]]:
    return _compiled(
        _OUTLET_AFTER.get(language, _OUTLET_AFTER["en"]), _OUTLET_BEFORE.get(language, _OUTLET_BEFORE["en"])
    )


def _compiled(after: str, before: str) -> list[regex.Pattern[str]]:
    flags = regex.VERSION1
    return [
        # The reporting words are matched in any case; the name must start with a capital.
        regex.compile(
            rf"(?<![\p{{L}}])(?i:{after})\s+(?:(?:the|die|der|das|dem|den|le|la|les|el|los|las|на)\s+)?{_NAME}"
        ),
        regex.compile(rf"{_NAME}\s*(?i:{before})(?![\p{{L}}])", flags),
    ]
