"""States that no longer exist and that the news still names every day: the Soviet Union, Yugoslavia,
Czechoslovakia and East Germany ("after the collapse of the USSR", "распад Советского Союза").

Their formal names and, for two of them, their short names come in each language from pycountry's
ISO 3166-3 catalogues ("Tschechoslowakei, Tschechoslowakische Sozialistische Republik", "Союз Советских
Социалистических Республик"); the everyday names the catalogues lack ("Sowjetunion", "Советский Союз",
"East Germany") are listed here, in the languages storyline reads. Each state is one place, its id
``hist:`` and its ISO 3166-3 code's first two letters (``hist:SU``), shown by its English name. Their
acronyms (USSR, СССР, DDR) are in the gazetteer's table of acronyms.
"""

from __future__ import annotations

import gettext

_SMALL_WORDS = frozenset({"of", "de", "du", "del", "da", "do", "di"})
# ISO 3166-3 code -> (id, English name, everyday names the catalogues lack) (the gazetteer's index holds them: bump
# ``gazetteer.CACHE_FORMAT`` when they change)
_STATES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "SUHH": (
        "hist:SU",
        "Soviet Union",
        ("Soviet Union", "Sowjetunion", "Union soviétique", "Unión Soviética", "Unione Sovietica")
        + ("União Soviética", "Związek Radziecki", "Związek Sowiecki", "Sovyetler Birliği", "Sovětský svaz")
        + ("Sovjetunie", "Советский Союз", "Радянський Союз", "Съветски съюз", "Съветския съюз")
        + ("الاتحاد السوفيتي", "苏联"),
    ),
    "YUCS": (
        "hist:YU",
        "Yugoslavia",
        ("Yugoslavia", "Jugoslawien", "Yougoslavie", "Jugoslavia", "Iugoslávia", "Jugosławia", "Yugoslavya")
        + ("Югославия", "Югославія", "Jugoslávie", "Joegoslavië", "南斯拉夫"),
    ),
    "CSHH": (
        "hist:CS",
        "Czechoslovakia",
        ("Czechoslovakia", "Tschechoslowakei", "Tchécoslovaquie", "Checoslovaquia", "Cecoslovacchia")
        + ("Checoslováquia", "Czechosłowacja", "Çekoslovakya", "Чехословакия", "Чехословаччина", "Československo")
        + ("Tsjecho-Slowakije", "捷克斯洛伐克"),
    ),
    "DDDE": (
        "hist:DD",
        "East Germany",
        ("East Germany", "Allemagne de l'Est", "Alemania Oriental", "Alemania del Este", "Germania Est")
        + ("Germania dell'Est", "Alemanha Oriental", "Niemcy Wschodnie", "Doğu Almanya", "Восточная Германия")
        + ("Східна Німеччина", "Източна Германия", "Východní Německo", "Oost-Duitsland", "东德"),
    ),
}


def historic_states(catalogues: list[gettext.NullTranslations]) -> list[tuple[str, str, list[str]]]:
    """Each state: its id, its English name, and its names in every language (the ISO 3166-3
    catalogues' given, each part of a "SHORT, FORMAL" name apart, and the everyday ones)."""
    import pycountry

    states = []
    for state in pycountry.historic_countries:
        if state.alpha_4 not in _STATES:
            continue
        place_id, english, everyday = _STATES[state.alpha_4]
        names = {*everyday}
        for written in {state.name, *(catalogue.gettext(state.name) for catalogue in catalogues)}:
            names.update(_names_in(written))
        states.append((place_id, english, sorted(names)))
    return states


def is_historic_state(place_id: str) -> bool:
    return place_id.startswith("hist:")


def _names_in(written: str) -> list[str]:
    """The names a catalogue's entry gives: the entry itself; of a "SHORT, FORMAL" entry each part ("UdSSR,
    Union der Sozialistischen Sowjetrepubliken"), and of a sorting form, the name in reading order
    ("Alemania, República Democrática de": República Democrática de Alemania, not "Alemania", which is
    Germany's name). No acronym in capitals (the acronyms' table has them; "UdSSR" is kept), no part with brackets ("Yugoslavia,
    (Socialist) Federal Republic of": Yugoslavia)."""
    from storyline.stages.gazetteer import in_reading_order  # the gazetteer calls this module as it builds

    head, _comma, rest = written.partition(", ")
    if not rest:
        return [written]
    if rest.split()[-1] in _SMALL_WORDS:
        return in_reading_order(written) if "(" not in rest else [head]
    return [part for part in (head, rest) if not part.isupper() and "(" not in part]
