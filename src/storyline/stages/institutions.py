"""Seats of government that news names by their buildings, in the languages storyline reads, the European
Union's Commission and Parliament and its everyday Russian and Ukrainian name ("Еврокомиссия",
"Європарламент", "Евросоюз"), and the Red Cross and the World Bank, whose names are common words in each
(and in Spanish a first name and a word: "Cruz Roja"), and the armed movements the news names daily by
a word (Hamas, Hezbollah, the Taliban, the Houthis, Boko Haram, al-Qaeda) or by words of each language
(the Islamic State); also in Chinese (白宫, the White House, which
jieba's dictionary tags a person's name).

"The Kremlin said", "в Кремле заявили", "der Kreml", "Кремъл": one institution, whose names no
gazetteer holds (they are no cities) and whose spellings share no phonetic key ("Kreml" and "Kremlin"
differ by a syllable, "Белия дом" and "White House" by everything). Each is an organisation with an
id of its own, shown by its English name; its names are matched with their case endings, as the
languages write them ("Белом доме", "Białym Domu", "Weißen Hauses", "Beyaz Saray'ın").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.stages.name_languages import APOSTROPHE_SUFFIX, turkish_casefold


@dataclass(frozen=True)
class Institution:
    id: str
    name: str  # as English-language news writes it


_NAMES: tuple[tuple[Institution, str], ...] = (
    (
        Institution("inst:kremlin", "Kremlin"),
        r"kreml(?:in|a|u|em|s|e)?|кремл(?:ь|я|ю|ём|ем|е|і)?|кремъл(?:ът|я)?|cremlino|克里姆林宫",
    ),
    (
        Institution("inst:white-house", "White House"),
        r"white house|wei(?:ß|ss)(?:e|en|es) haus(?:es)?|maison[- ]blanche|casa blanca|casa branca"
        r"|biał(?:y|ego|ym|emu) dom(?:u|em)?|beyaz saray(?:ı)?"
        r"|бел(?:ый|ого|ом|ому|ым|ия|ият) дом(?:а|е|у|ом|ът)?|біл(?:ий|ого|ому|им) (?:дім|дому|домі|домом)"
        r"|bíl(?:ý|ého|ém|ým) d(?:ům|omu|omě|omem)|biel(?:y|eho|om) dom(?:e|u|om)?|bel(?:a|e|i|o) hiš(?:a|e|i|o)"
        r"|bijel(?:a|e|oj|u|om) kuć(?:a|e|i|u|om)|casa bianca|白宫",
    ),
    (  # the gazetteer's id (its acronyms' table knows "ЗСУ", "ВСУ")
        Institution("org:AFU", "Armed Forces of Ukraine"),
        r"armed forces of ukraine|ukrainian armed forces|збройн(?:і|их|им|ими) сил(?:и|ам|ами|ах) україни"
        r"|вооруж[её]нн(?:ые|ых|ым|ыми) сил(?:ы|ам|ами|ах) украины|въоръжените сили на украйна"
        r"|siły zbrojne ukrainy|sił zbrojnych ukrainy|ukrainische[n]? streitkräfte[n]?",
    ),
    (  # the US president's office, where the news sets the meetings held there
        Institution("inst:oval-office", "Oval Office"),
        r"oval office|ovale[sn]? büro(?:s)?|bureau ovale|despacho oval|studio ovale|salão oval"
        r"|gabinet(?:u|cie)? owaln(?:y|ego|ym)|oval ofis(?:i|te)?|овальн(?:ый|ого|ом|ому|ым) кабинет(?:а|е|у|ом)?"
        r"|овальн(?:ий|ого|ому|им) кабінет(?:у|і|ом)?|овални(?:я|ят) кабинет|oválná pracovn(?:a|y|ě)|椭圆形办公室",
    ),
    (  # the US defence department by its building, as "the Kremlin" is Russia's presidency ("Pentagon" is a
        # common noun, a pentagon, in German's and Polish's dictionaries)
        Institution("inst:pentagon", "Pentagon"),
        r"pentagon(?:s|u|ie|em|a|o)?|pentágono|pentagone|пентагон(?:а|е|у|ом|і|ът)?|五角大楼",
    ),
    (
        Institution("inst:us-state-department", "US State Department"),
        r"state department|госдеп(?:артамент)?(?:а|е|у|ом)?|държавни(?:я|ят) департамент"
        r"|государственн(?:ый|ого|ом|ому|ым) департамент(?:а|е|у|ом)?|державн(?:ий|ого|ому|им) департамент(?:у|і|ом)?"
        r"|держдеп(?:артамент)?(?:у|і|ом)?|departament(?:u)? stanu|departamento de estado|dipartimento di stato"
        r"|美国国务院",
    ),
    (  # "Евросоюз", "Євросоюз": the Union's everyday name in Russian and Ukrainian; the gazetteer's id
        Institution("org:EU", "European Union"),
        r"евросоюз(?:а|е|у|ом)?|євросоюз(?:у|і|ом)?|евросъюз(?:а|ът)?",
    ),
    (
        Institution("inst:european-commission", "European Commission"),
        r"european commission|commission européenne|europäische[n]? kommission|comisión europea"
        r"|commissione europea|comissão europeia|komisj(?:a|i|ę|ą) europejsk(?:a|iej|ą)|avrupa komisyonu"
        r"|европейск(?:ая|ой|ую|ою) комисси(?:я|и|ю|ей)|еврокомисси(?:я|и|ю|ей)"
        r"|європейськ(?:а|ої|ій|у|ою) комісі(?:я|ї|ю|єю)|єврокомісі(?:я|ї|ю|єю)"
        r"|европейска(?:та)? комисия|еврокомисия(?:та)?|evropsk(?:á|é|ou) komis(?:e|i)"
        r"|európsk(?:a|ej|u|ou) komisi(?:a|e|u|ou)|evropsk(?:a|e|i|o) komisij(?:a|e|i|o)"
        r"|europsk(?:a|e|oj|u|om) komisij(?:a|e|i|u|om)|欧盟委员会",
    ),
    (
        Institution("inst:european-parliament", "European Parliament"),
        r"european parliament|parlement européen|europäische[sn]? parlament(?:s|es)?|parlamento europe[ou]"
        r"|parlament(?:u|em|ie)? europejsk(?:i|iego|im)|parlamencie europejskim|avrupa parlamentosu"
        r"|европейск(?:ий|ого|ому|им|ом) парламент(?:а|у|ом|е)?|европарламент(?:а|у|ом|е|ът)?"
        r"|європейськ(?:ий|ого|ому|им) парламент(?:у|і|ом)?|європарламент(?:у|і|ом)?"
        r"|европейски(?:я|ят)? парламент|evropsk(?:ý|ého|ém|ým) parlament(?:u|em)?"
        r"|európsk(?:y|eho|om) parlament(?:u|e|om)?|evropsk(?:i|ega|em|im) parlament(?:a|u|om)?"
        r"|europsk(?:i|og|om|ome) parlament(?:a|u|om)?|欧洲议会",
    ),
    (  # the gazetteer's id (its acronyms' table knows "ECB", "EZB", "BCE", "ЕЦБ")
        Institution("org:ECB", "European Central Bank"),
        r"european central bank|banque centrale européenne|europäische[n]? zentralbank|banco central europeo"
        r"|banca centrale europea|banco central europeu|europejski(?:ego|m)? bank(?:u|iem)? centraln(?:y|ego|ym)"
        r"|европейск(?:ий|ого|ом|ому|им) центральн(?:ый|ого|ом|ому|ым) банк(?:а|е|у|ом)?"
        r"|європейськ(?:ий|ого|ому|им) центральн(?:ий|ого|ому|им) банк(?:у|і|ом)?"
        r"|европейска(?:та)? централна банка|evropsk(?:á|é|ou) centrální bank(?:a|y|u|ou)|avrupa merkez bankası"
        r"|欧洲央行|欧洲中央银行",
    ),
    (  # the Union's heads of state or government (not the Council of Europe, another body)
        Institution("inst:european-council", "European Council"),
        r"european council|conseil européen|europäische[nr]? rat(?:es|s)?|consejo europeo|consiglio europeo"
        r"|conselho europeu|rad(?:a|y|zie|ą) europejsk(?:a|iej|ą)|европейск(?:ий|ого|ом|ому|им) совет(?:а|е|у|ом)?"
        r"|європейськ(?:а|ої|ій|у|ою) рад(?:а|и|і|у|ою)|европейски(?:я|ят)? съвет|evropsk(?:á|é|ou) rad(?:a|y|u|ou)"
        r"|欧洲理事会",
    ),
    (  # the European Parliament's largest group, a party of parties (Fidesz, the CDU, the PP), named in the
        # news of every member state
        Institution("org:EPP", "European People's Party"),
        r"european people(?:['’]s)? party|europäische[n]? volkspartei|parti populaire européen"
        r"|partido popular europeo|partito popolare europeo|partido popular europeu"
        r"|europejsk(?:a|iej|ą) parti(?:a|i|ę|ą) ludow(?:a|ej|ą)|avrupa halk partisi"
        r"|европейск(?:ая|ой|ую|ою) народн(?:ая|ой|ую|ою) парти(?:я|и|ю|ей)"
        r"|європейськ(?:а|ої|у|ою) народн(?:а|ої|у|ою) парті(?:я|ї|ю|єю)|европейска(?:та)? народна партия",
    ),
    (  # the United Nations' council, only with the United Nations named: a "Security Council" alone, a
        # "Совет безопасности" or a "Rada Bezpieczeństwa" is as often a country's own
        Institution("org:UNSC", "United Nations Security Council"),
        r"(?:un|united nations) security council|security council of the united nations"
        r"|(?:un[- ]?|welt)sicherheitsrat(?:e?s)?|sicherheitsrat(?:e?s)? der vereinten nationen"
        r"|conseil de sécurité (?:de (?:l')?onu|des nations unies)|consejo de seguridad de (?:la )?(?:onu|naciones unidas)"
        r"|consiglio di sicurezza (?:(?:dell')?onu|delle nazioni unite)|conselho de segurança (?:da onu|das nações unidas)"
        r"|rad(?:a|y|zie|ę|ą) bezpieczeństwa onz|bm güvenlik konseyi|совет(?:а|е|у|ом)? безопасности оон"
        r"|совбез(?:а|е|у|ом)? оон|рад(?:а|и|і|у|ою) безпеки оон|съвет(?:ът|а)? за сигурност на оон"
        r"|rad(?:a|y|u|ou) bezpečnosti osn|مجلس الأمن الدولي|联合国安理会|安理会",
    ),
    (  # a first name and a word in Spanish and Portuguese ("Cruz Roja"): no person
        Institution("inst:red-cross", "Red Cross"),
        r"red cross|croix[- ]rouge|cruz roja|cruz vermelha|croce rossa|rote[sn]? kreuz(?:es)?"
        r"|czerwon(?:y|ego|ym|emu) krzyż(?:a|em|u)?|kızılhaç|красн(?:ый|ого|ом|ому|ым) крест(?:а|е|у|ом)?"
        r"|червон(?:ий|ого|ому|им) хрест(?:а|і|у|ом)?|червен(?:ия|ият)? кръст(?:а|ът)?|红十字会",
    ),
    (  # its names are common words too ("Banco Mundial", "Weltbank"), and no acronym is common to them
        Institution("inst:world-bank", "World Bank"),
        r"world bank|banque mondiale|banco mundial|banca mondiale|weltbank|wereldbank"
        r"|bank(?:u|iem)? światow(?:y|ego|ym|emu)|dünya bankası|всемирн(?:ый|ого|ом|ому|ым) банк(?:а|е|у|ом)?"
        r"|світов(?:ий|ого|ому|им) банк(?:у|і|ом)?|световна(?:та)? банка|světov(?:á|é|ou) bank(?:a|y|u|ou)"
        r"|svetov(?:á|ej|ú|ou) bank(?:a|y|u|ou)|svetovn(?:a|e|i|o) bank(?:a|e|i|o)|世界银行",
    ),
    (  # spelled out in each language (the acronyms' table knows its acronyms: "ВОЗ", "ВООЗ", "OMS")
        Institution("org:WHO", "World Health Organization"),
        r"world health organi[sz]ation|weltgesundheitsorganisation|organización mundial de la salud"
        r"|organisation mondiale de la santé|organizzazione mondiale della sanità|organização mundial da saúde"
        r"|dünya sağlık örgütü|światow(?:a|ej|ą) organizacj(?:a|i|ę|ą) zdrowia"
        r"|světov(?:á|é|ou) zdravotnick(?:á|é|ou) organizac(?:e|i)|svetovn(?:a|e|i|o) zdravstven(?:a|e|i|o) organizacij(?:a|e|i|o)"
        r"|всемирн(?:ая|ой|ую|ою) организаци(?:я|и|ю|ей) здравоохранения"
        r"|всесвітн(?:я|ьої|ій|ю|ьою) організаці(?:я|ї|ю|єю) охорони здоров(?:['’]я)?|световна(?:та)? здравна организация",
    ),
    (
        Institution("org:IMF", "International Monetary Fund"),
        r"international monetary fund|internationale[nr]? währungsfonds?|fondo monetario internacional"
        r"|fonds monétaire international|fondo monetario internazionale|fundo monetário internacional"
        r"|uluslararası para fonu|międzynarodow(?:y|ego|ym) fundusz(?:u|em)? walutow(?:y|ego|ym)"
        r"|mezinárodní(?:ho|m)? měnov(?:ý|ého|ém|ým) fond(?:u|em)?"
        r"|международн(?:ый|ого|ом|ому|ым) валютн(?:ый|ого|ом|ому|ым) фонд(?:а|е|у|ом)?"
        r"|міжнародн(?:ий|ого|ому|им) валютн(?:ий|ого|ому|им) фонд(?:у|і|ом)?|международни(?:я|ят)? валутен фонд",
    ),
    # Armed movements the news names every day by a word that is no acronym, which GeoNames may also give a
    # town ("Hamas" is an alternate name of Hamm): one organisation in Latin and Cyrillic letters, with the
    # Slavic case endings, and in Chinese (their Arabic names are read by that language's own rules)
    (Institution("org:hamas", "Hamas"), r"hamas|hamás|hamasu|hamasem|хамас(?:а|у|ом|е|і|ът)?|哈马斯"),
    (
        Institution("org:hezbollah", "Hezbollah"),
        r"hezbollah|hisbollah|hizbollah|hizbullah|hezbolá|hizbolá|hizbulá|hezbollahu|hezbollahem"
        r"|хезболл(?:а|ы|е|у|ой)(?:х|ха|хи|ху|хе|хом|хой)?|хізбалл(?:а|и|і|у|ою)|хизбула(?:х|та)?|真主党",
    ),
    (
        Institution("org:taliban", "Taliban"),
        r"taliban(?:s|es|ów|om|ami|u|a|y|ın|ı)?|talibán|талибан(?:а|у|ом|е|ът)?|талібан(?:у|ом|і)?|талибы|талибов|塔利班",
    ),
    (
        Institution("org:houthis", "Houthis"),
        r"houthis?|huthis?|hutíes|huthíes|houthistes|husiler|хусит(?:ы|ов|ам|ами|ах|и|ів)|胡塞武装",
    ),
    (  # its names are words of each language ("Islamischen Staat", "Państwa Islamskiego"), and Daesh
        Institution("org:islamic-state", "Islamic State"),
        r"islamic state|islamische[nrs]? staat(?:e?s)?|état islamique|estado islámico|stato islamico"
        r"|estado islâmico|islamitische staat|państw(?:o|a|ie|u|em) islamski(?:e|ego|m)|islam devleti"
        r"|islámsk(?:ý|ého|ém|ým) stát(?:u|em)?|islamsk(?:a|e|i|o) držav(?:a|e|i|o)"
        r"|исламск(?:ое|ого|ому|им|ом) государств(?:о|а|у|ом|е)|ісламськ(?:а|ої|ій|у|ою) держав(?:а|и|і|у|ою)"
        r"|ислямска(?:та)? държава|daesh|daech|даиш|伊斯兰国",
    ),
    (
        Institution("org:boko-haram", "Boko Haram"),
        r"boko haram(?:u|em|a)?|боко харам(?:а|у|ом|е)?|博科圣地",
    ),
    (  # "al-Qaeda" in English reads as "Qaeda": its article in lowercase opens no name
        Institution("org:al-qaeda", "al-Qaeda"),
        r"(?:al[- ]?)?(?:qaeda|qaida)|al[- ]?(?:kaida|kaïda|kaeda|kaidy|kaidą|kaidzie)|el kaide(?:si)?"
        r"|аль[- ]каид(?:а|ы|е|у|ой)|аль[- ]каїд(?:а|и|і|у|ою)|ал[- ]кайда(?:та)?|基地组织",
    ),
)
LONGEST_NAME = 7  # words of the longest name ("Consejo de Seguridad de las Naciones Unidas")
_PATTERNS = tuple((institution, re.compile(rf"(?:{pattern})", re.IGNORECASE)) for institution, pattern in _NAMES)
# the letters the names open with: one test a word before any pattern is tried (entities scan every word)
_OPENINGS = (
    "kreml", "кремл", "кремъл", "white", "weiß", "weiss", "maison", "casa", "biał", "beyaz", "бел", "біл",
    "state", "госдеп", "държавн", "государствен", "державн", "держдеп", "departament",
    "red", "croix", "cruz", "croce", "rote", "czerwon", "kızılhaç", "красн", "червон", "червен",
    "евросоюз", "євросоюз", "евросъюз", "european", "commission", "europäisch", "comisión", "commissione",
    "comissão", "komisj", "avrupa", "европейск", "еврокомис", "європейськ", "єврокомісі", "parlement",
    "parlament", "европарламент", "європарламент", "evropsk", "európsk", "europsk", "bíl", "biel", "bel",
    "bijel", "world", "banque", "banco", "banca", "weltbank", "wereldbank", "bank", "dünya", "всемирн",
    "світов", "световна", "světov", "svetov", "weltgesundheits", "organización", "organisation", "organizzazione",
    "organização", "światow", "svetovn", "всесвітн", "international", "fondo", "fonds", "fundo", "uluslararası",
    "międzynarodow", "mezinárodní", "международн", "міжнародн", "cremlin", "dipartimento",
    "europejsk", "conseil", "consejo", "consiglio", "conselho", "rada", "rady", "radzie", "radą",
    "hamas", "hamás", "хамас", "hezbol", "hisbol", "hizbol", "hizbul", "хезболл", "хізбалл", "хизбул",
    "taliban", "talibán", "талибан", "талібан", "талиб", "houthi", "huthi", "hutíes", "huthíes", "husiler", "хусит",
    "islam", "état", "estado", "stato", "państw", "islám", "исламск", "ісламськ", "ислямска", "daesh", "daech",
    "armed", "ukrainian", "збройн", "вооруж", "въоръжени", "siły", "sił", "ukrainische",
    "pentag", "пентагон", "五角大楼",
    "oval", "ovale", "bureau", "despacho", "studio", "salão", "gabinet", "овальн", "овални", "oválná", "椭圆形",
    "даиш", "boko", "боко", "qaeda", "qaida",
    "parti", "partido", "partito", "avrupa", "народн",
    "un", "united", "security", "sicherheitsrat", "weltsicherheitsrat", "bm", "совет", "совбез", "съвет", "مجلس",
    "联合国安理会", "安理会",
    "哈马斯", "真主党", "塔利班", "胡塞武装", "伊斯兰国", "博科圣地", "基地组织",
    # in Chinese (simplified characters)
    "克里姆林", "白宫", "美国国务", "欧盟委员", "欧洲议会", "红十字", "世界银行", "欧洲",
)  # fmt: skip


# Arabic's article, which opens a name as a word of its own ("Al Qaeda", "Аль-Каида")
_ARTICLES = frozenset({"al", "el", "аль", "ал"})


def may_open_institution(word: str) -> bool:
    """Whether an institution's name may open with ``word`` (a cheap test before ``find_institution``)."""
    folded = word.casefold()
    return folded.startswith(_OPENINGS) or folded in _ARTICLES


def find_institution(words: list[str]) -> Institution | None:
    """The institution a run of words names as a whole (a case ending after an apostrophe aside), or None."""
    if not words or len(words) > LONGEST_NAME:
        return None
    written = " ".join(APOSTROPHE_SUFFIX.sub("", word) for word in words)
    for institution, pattern in _PATTERNS:
        if pattern.fullmatch(written):
            return institution
    return None


# A country's institutions: offices that every state has ("the Senate", "МИД", "Верховный суд"), one
# institution each only with the country they are of ("Сенат США", "МИД Германии", "Pakistan's Supreme
# Court"). Alone, each name would join every country's office into one entity (one "MID" for the
# foreign ministries of Russia, Germany and Poland). Written in Russian, Ukrainian, Bulgarian, Polish,
# Czech, Slovenian, Turkish and English, with their case endings; the country comes after the office in the
# Slavic languages (in the genitive, or after Bulgarian "на"), before it in Turkish ("Almanya Dışişleri
# Bakanlığı"), and before it or after "of" in English. Where the sentence names no country, a language spoken
# by one country far more than by any other (Polish, Turkish) names its own (``gazetteer.home_country``).
@dataclass(frozen=True)
class Office:
    kind: str  # "foreign-ministry"
    name: str  # as English-language news writes it, before "of" and the country


_RU_MINISTRY = r"министерств(?:о|а|е|у|ом)"
_UK_MINISTRY = r"міністерств(?:о|а|і|у|ом)"
_BG_MINISTRY = r"министерств(?:о|ото)"
_PL_MINISTRY = r"ministerstw(?:o|a|ie|u|em)"
_CS_MINISTRY = r"ministerstv(?:o|a|u|em)"
_SL_MINISTRY = r"ministrstv(?:o|a|u|om)"
# "Sağlık Bakanlığının": no apostrophe for a noun's endings; "Bakanlığımızın", of our ministry
_TR_MINISTRY = r"bakanlığ(?:ı(?:n|nın|na|nda|ndan|yla|nı|nca)?|ımız(?:ın|a|da|dan|ı)?)"
_OFFICES: tuple[tuple[Office, str], ...] = (
    (
        Office("foreign-ministry", "Foreign Ministry"),
        r"foreign ministry|foreign office|ministry of foreign affairs|мид(?:а|е|у|ом)?"
        rf"|{_RU_MINISTRY} иностранных дел|мзс|{_UK_MINISTRY} закордонних справ|мвнр"
        rf"|{_BG_MINISTRY} на външните работи|msz|{_PL_MINISTRY} spraw zagranicznych|mzv|{_CS_MINISTRY} zahraničí"
        rf"|{_CS_MINISTRY} zahraničních věcí|{_SL_MINISTRY} za zunanje zadeve|dışişleri {_TR_MINISTRY}",
    ),
    (
        Office("defence-ministry", "Defence Ministry"),
        rf"defen[cs]e ministry|ministry of defen[cs]e|минобороны|{_RU_MINISTRY} обороны|міноборони|{_UK_MINISTRY} оборони"
        rf"|{_BG_MINISTRY} на отбраната|{_PL_MINISTRY} obrony(?: narodowej)?|{_CS_MINISTRY} obrany"
        rf"|{_SL_MINISTRY} za obrambo|milli savunma {_TR_MINISTRY}",
    ),
    (
        Office("health-ministry", "Health Ministry"),
        rf"health ministry|ministry of health|минздрав(?:а|е|у|ом)?|{_RU_MINISTRY} здравоохранения|моз"
        rf"|{_UK_MINISTRY} охорони здоров(?:['’]я)?|{_BG_MINISTRY} на здравеопазването|{_PL_MINISTRY} zdrowia"
        rf"|{_CS_MINISTRY} zdravotnictví|{_SL_MINISTRY} za zdravje|sağlık {_TR_MINISTRY}",
    ),
    (
        Office("interior-ministry", "Interior Ministry"),
        rf"interior ministry|ministry of (?:the )?interior|мвд|{_RU_MINISTRY} внутренних дел|мвс|{_UK_MINISTRY} внутрішніх справ"
        rf"|мвр|{_BG_MINISTRY} на вътрешните работи|{_PL_MINISTRY} spraw wewnętrznych|{_CS_MINISTRY} vnitra"
        rf"|{_SL_MINISTRY} za notranje zadeve|içişleri {_TR_MINISTRY}",
    ),
    (
        Office("justice-ministry", "Justice Ministry"),
        rf"justice ministry|ministry of justice|минюст(?:а|е|у|ом)?|{_RU_MINISTRY} юстиции|мін(?:істерство )?юст(?:у|иції)?"
        rf"|{_UK_MINISTRY} юстиції|{_BG_MINISTRY} на правосъдието|{_PL_MINISTRY} sprawiedliwości"
        rf"|{_CS_MINISTRY} spravedlnosti|{_SL_MINISTRY} za pravosodje|adalet {_TR_MINISTRY}",
    ),
    (
        Office("finance-ministry", "Finance Ministry"),
        rf"finance ministry|ministry of finance|минфин(?:а|е|у|ом)?|{_RU_MINISTRY} финансов|мінфін(?:у|і|ом)?"
        rf"|{_UK_MINISTRY} фінансів|{_BG_MINISTRY} на финансите|{_PL_MINISTRY} finansów|{_CS_MINISTRY} financí"
        rf"|{_SL_MINISTRY} za finance|(?:hazine ve )?maliye {_TR_MINISTRY}",
    ),
    (
        Office("education-ministry", "Education Ministry"),
        rf"education ministry|ministry of (?:national )?education|минобрнауки|{_RU_MINISTRY} просвещения"
        rf"|{_UK_MINISTRY} освіти(?: і науки)?|{_BG_MINISTRY} на образованието(?: и науката)?"
        rf"|{_PL_MINISTRY} edukacji(?: narodowej)?|{_CS_MINISTRY} školství|milli eğitim {_TR_MINISTRY}",
    ),
    (
        Office("supreme-court", "Supreme Court"),
        r"supreme court|верховн(?:ый|ого|ом|ому|ым) суд(?:а|е|у|ом)?|верховн(?:ий|ого|ому|им) суд(?:у|і|ом)?"
        r"|върховни(?:я|ят)? съд|sąd(?:u|em|zie)? najwyższ(?:y|ego|ym)|nejvyšší(?:ho|m)? soud(?:u|em|e)?"
        r"|vrhovn(?:o|ega|em|im) sodišč(?:e|a|u|em)",
    ),
    (Office("senate", "Senate"), r"senate|сенат(?:а|е|у|ом|і|ът)?|senat(?:u|em|cie|a|om)?|senát(?:u|em|e)?"),
    (
        Office("congress", "Congress"),
        r"congress|конгресс(?:а|е|у|ом)?|конгрес(?:у|і|ом|а|ът)?|kongres(?:u|em|ie|a|om)?",
    ),
    (Office("parliament", "Parliament"), r"parliament|парламент(?:а|е|у|ом|і|ът)?|parlament(?:u|em|ie|a|om)?"),
    (
        Office("government", "Government"),
        r"government|правительств(?:о|а|е|у|ом)|уряд(?:у|і|ом)?|правителств(?:о|ото|а)|rząd(?:u|em|zie)?"
        r"|vlád(?:a|y|ě|u|ou)|vlad(?:a|e|i|o)",
    ),
)
_OFFICE_PATTERNS = tuple((office, re.compile(rf"(?:{pattern})", re.IGNORECASE)) for office, pattern in _OFFICES)
_OFFICE_OPENINGS = (
    "foreign", "ministry", "мид", "министерств", "мзс", "міністерств", "мвнр", "defen", "минобороны",
    "міноборони", "health", "минздрав", "моз", "interior", "мвд", "мвс", "мвр", "supreme", "верховн",
    "върховни", "senate", "сенат", "congress", "конгрес", "parliament", "парламент", "government",
    "правительств", "уряд", "правителств", "msz", "mzv", "ministerstw", "ministerstv", "ministrstv", "sąd",
    "nejvyšší", "vrhovn", "senat", "senát", "kongres", "rząd", "vlád", "vlad", "dışişleri", "milli", "sağlık",
    "içişleri", "adalet", "maliye", "hazine", "justice", "finance", "education", "минюст", "мінюст", "минфин",
    "мінфін", "минобрнауки",
)  # fmt: skip
# Countries whose English name takes "the" after "of" ("Senate of the United States")
_WITH_THE = ("United ", "Netherlands", "Philippines", "Gambia", "Bahamas", "Maldives", "Comoros", "Seychelles")
_WITH_THE_ENDINGS = (" Republic", " Islands", " Territory", " Territories")  # "the Czech Republic", "the Faroe Islands"


def may_open_office(word: str) -> bool:
    """Whether an office's name may open with ``word`` (a cheap test before ``find_office``)."""
    return turkish_casefold(word).startswith(_OFFICE_OPENINGS)


def is_home_office(office: Office) -> bool:
    """Whether an office named without its country may be the article's own country's
    (``gazetteer.home_country``): a ministry, named by its portfolio as a name ("Ministerstwo Zdrowia",
    "Sağlık Bakanlığı"), where a foreign one is named with its country. Not the government, a senate, a
    supreme court or a parliament, which news of a country abroad names bare once it has named the country
    ("Правителството", "Сенатът" in a Bulgarian article on Washington; measured on the SlavicNER corpus)."""
    return office.kind.endswith("-ministry")


def find_office(words: list[str]) -> Office | None:
    """The office a window of up to four words names as a whole, or None."""
    if not words or len(words) > 4 or not may_open_office(words[0]):
        return None
    written = turkish_casefold(" ".join(APOSTROPHE_SUFFIX.sub("", word) for word in words))
    return next((office for office, pattern in _OFFICE_PATTERNS if pattern.fullmatch(written)), None)


def country_institution(office: Office, country_id: str, country_name: str) -> Institution:
    """One country's office: its own id, and its English name ("Senate of the United States")."""
    return Institution(f"inst:{office.kind}@{country_id}", f"{office.name} of {after_of(country_name)}")


def office_name(kind: str) -> str:
    """The English name of an office by its kind ("senate": "Senate")."""
    return next(office.name for office, _pattern in _OFFICES if office.kind == kind)


def after_of(place_name: str) -> str:
    """A place's English name as it follows "of": "the United States", "Germany"."""
    with_the = place_name.startswith((*_WITH_THE, "Democratic Republic ", "Republic of ")) or place_name.endswith(
        _WITH_THE_ENDINGS
    )
    return f"the {place_name}" if with_the else place_name
