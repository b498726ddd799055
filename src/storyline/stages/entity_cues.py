"""Context words that tell what kind of entity a capitalised name is, in the languages we read.

These are cues, not a gazetteer: a title before a name ("President", "министър", "Kanzler")
makes it a person; an organisation word inside a name ("Bank", "Partei", "Bakanlığı") makes
it an organisation. Lower-case forms; inflected Slavic forms are listed where they are common.
"""

from __future__ import annotations

PERSON_TITLES = frozenset(
    """
    president presidents prime minister secretary senator governor chancellor chairman spokesman spokeswoman
    mr mrs ms dr pope king queen prince general leader ceo
    präsident präsidentin kanzler kanzlerin ministerin minister herr frau sprecher chef
    président présidente ministre chancelier porte-parole
    presidente ministra ministro canciller portavoz señor
    prezydent premier minister rzecznik pan pani kanclerz
    cumhurbaşkanı başbakan bakan bakanı sözcüsü lideri
    президент президента президентом премиер премьер премьер-министр министр министра министър министъра
    канцлер канцлера секретар секретаря секретарят говорител пресечку лидер лидера лидерът генсек глава главы
    прем'єр прем'єр-міністр міністр міністра речник очільник президентові президенту
    """.split()
)

ORG_WORDS = frozenset(
    """
    bank agency association union party council committee commission court parliament assembly ministry
    department office organization organisation institute university company corporation group fund forces
    army navy times post news journal press agency network service services foundation alliance federation
    inc ltd corp plc ag gmbh sa house palace social media
    partei bundestag ministerium rat kommission gericht zeitung stiftung konzern verband
    parti ministère conseil banque cour assemblée agence
    partido ministerio consejo banco tribunal agencia
    partia ministerstwo rada sąd agencja
    partisi bakanlığı meclisi bankası ajansı örgütü
    haus palast maison palais casa palacio dom pałac saray sarayı дом дома двор двора палата
    партия партии министерство съвет совет банк агенция агентство парламент комитет
    партія міністерство рада агентство парламент
    """.split()
)


def is_person_title(word: str) -> bool:
    return word.casefold() in PERSON_TITLES


def has_org_word(words: list[str]) -> bool:
    return any(word.casefold() in ORG_WORDS for word in words)
