"""Context words that tell what kind of entity a capitalised name is, in the languages we read.

These are cues, not a gazetteer: a title before a name ("President", "министър", "Kanzler")
makes it a person; an organisation word inside a name ("Bank", "Partei", "Bakanlığı") makes
it an organisation. Lower-case forms; inflected Slavic forms are listed where they are common.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import regex

from storyline.stages.name_languages import APOSTROPHE_SUFFIX

PERSON_TITLES = frozenset(
    [
        "president",
        "presidents",
        "prime",
        "minister",
        "secretary",
        "senator",
        "governor",
        "chancellor",
        "chairman",
        "spokesman",
        "spokeswoman",
        "mr",
        "mrs",
        "ms",
        "dr",
        "pope",
        "king",
        "queen",
        "prince",
        "general",
        "leader",
        "ceo",
        # police ranks ("Portland police Superintendent Duane Wellington")
        "superintendent",
        "inspector",
        "sergeant",
        "constable",
        "detective",
        "commissioner",
        "sheriff",
        "präsident",
        "präsidentin",
        "kanzler",
        "kanzlerin",
        "ministerin",
        "minister",
        "herr",
        "frau",
        "sprecher",
        "chef",
        "boss",  # "IOC-Boss Thomas Bach", "VW-Boss"
        "papst",  # "Papst Franziskus"
        "président",
        "présidente",
        "ministre",
        "chancelier",
        "porte-parole",
        "presidente",
        "ministra",
        "ministro",
        "canciller",
        "portavoz",
        "señor",
        "prezydent",
        "premier",
        "minister",
        "rzecznik",
        "pan",
        "pani",
        "kanclerz",
        "cumhurbaşkanı",
        "başbakan",
        "bakan",
        "bakanı",
        # Turkish titles, which follow the office's organisation and go before the holder's name
        # ("Tepebaşı Belediye Başkanı Ahmet Ataç", "Ankara Üniversitesi Rektörü", "Kadıköy Kaymakamı")
        *["başkan", "başkanı", "müdürü", "rektörü", "kaymakamı", "muhtarı", "milletvekili", "komutanı"],
        *["başsavcısı"],
        # Turkish military ranks, before the holder's name ("İl Jandarma Komutanı Tuğgeneral Yüksel Yiğit")
        *["orgeneral", "korgeneral", "tümgeneral", "tuğgeneral", "albay", "yarbay", "binbaşı", "yüzbaşı"],
        *["üsteğmen", "teğmen", "kaymakam", "muhtar"],
        "sözcüsü",
        "lideri",
        "президент",
        "президента",
        "президентом",
        "премиер",
        "премьер",
        "премьер-министр",
        "министр",
        "министра",
        "министър",
        "министъра",
        "канцлер",
        "канцлера",
        "секретар",
        "секретаря",
        "секретарят",
        "говорител",
        "пресечку",
        "лидер",
        "лидера",
        "лидерът",
        "генсек",
        "глава",
        "главы",
        "прем'єр",
        "прем'єр-міністр",
        "міністр",
        "міністра",
        "речник",
        "очільник",
        "президентові",
        "президенту",
        "cardinal",
        "kardinal",
        "bishop",
        "archbishop",
        "bischof",
        "erzbischof",
        "évêque",
        "obispo",
        "arzobispo",
        "mayor",
        "alcalde",
        "alcaldesa",
        "maire",
        "bürgermeister",
        "bürgermeisterin",
        "burmistrz",
        "gobernador",
        "gobernadora",
        "gouverneur",
        "senador",
        "senadora",
        "sénateur",
        "diputado",
        "diputada",
        "député",
        "abgeordnete",
        "abgeordneter",
        "dyrektor",
        "prezes",
        "vali",
        "valisi",
        "judge",
        "juez",
        "jueza",
        "juge",
        "richter",
        "richterin",
        "sędzia",
        "colonel",
        # military commands and ranks before a name ("top Iran commander Qasem Soleimani"); not "major", an
        # adjective too, nor "captain", which names open with ("Captain America", "Captain Tom Moore")
        *["commander", "lieutenant", "sergeant", "admiral", "brigadier", "marshal", "corporal"],
        "coach",
        "trainer",
        "entrenador",
        "secretario",
        "secretaria",
        "subsecretario",
        "fiscal",
        "procurador",
        "gerente",
        "director",
        "directora",
        "directeur",
        "directrice",
        "direktor",
        "direktorin",
        "prof",
        "sra",
        "srta",
        "dra",
        "mme",
        "mlle",
        # Polish, in the cases a title takes before a name ("prezydenta Trumpa", "premierem Johnsonem")
        *["prezydenta", "prezydentem", "prezydentowi", "premiera", "premierem", "premierowi", "ministrem"],
        *["kanclerza", "kanclerzem", "rzecznika", "rzecznikiem", "prezesa", "burmistrza", "papież", "papieża"],
        *["sekretarz", "sekretarza", "marszałek", "marszałka", "wojewoda", "wojewody", "poseł", "posła"],
        *["posłanka", "senatora", "generał", "generała", "szef", "szefa", "szefowa", "król", "króla"],
        *["królowa", "królowej", "książę", "księcia"],
        # Czech and Slovak ("prezident Trump", "kancléřka Merkelová", "s premiérem Babišem")
        *["prezident", "prezidenta", "prezidentem", "prezidentovi", "prezidentka", "prezidentky", "prezidentkou"],
        *["premiér", "premiéra", "premiérem", "premiérovi", "premiérka", "premiérky", "premiérkou", "ministr"],
        *["ministrovi", "ministryně", "ministerka", "kancléř", "kancléře", "kancléřem", "kancléřka"],
        *["kancléřky", "kancléřkou", "kancelárka", "mluvčí", "hovorca", "hovorkyňa", "předseda", "předsedy"],
        *["předsedou", "předsedkyně", "predseda", "predsedu", "papež", "papeže", "starosta", "starostka"],
        *["guvernér", "senátor", "poslanec", "poslankyně", "velvyslanec", "ředitel", "ředitelka", "soudce"],
        *["král", "krále", "královna", "pán", "paní", "pana", "panem"],
        # Slovenian, Croatian and Serbian ("predsednik Trump", "kanclerka Merklova", "premijer Plenković")
        *["predsednik", "predsednika", "predsedniku", "predsednikom", "predsednica", "predsednice"],
        *["predsjednik", "predsjednika", "predsjednica", "premierja", "premierju", "premierka", "premijer"],
        *["premijera", "ministru", "ministrica", "ministrice", "ministar", "kancler", "kanclerja"],
        *["kanclerka", "kanclerke", "kancelarka", "kancelarke", "župan", "županja", "gradonačelnik", "guverner"],
        *["poslanka", "papeža", "kralj", "kraljica", "gospod", "gospa", "predstavnik"],
        *["predstavnica", "govornik", "tiskovni", "direktorica"],
        # Italian, Portuguese and Dutch
        *["cancelliera", "cancelliere", "sindaco", "portavoce", "segretario", "senatore", "deputato", "signor"],
        *["signora", "onorevole", "primeiro-ministro", "chanceler", "prefeito", "porta-voz", "senhor", "senhora"],
        *["deputada", "bondskanselier", "burgemeester", "woordvoerder", "staatssecretaris", "meneer", "mevrouw"],
        # professions newsrooms write before a name ("la periodista Analaura Rangel", "actor Tom Hanks",
        # "Schauspielerin Katrin Heß", "журналист Иван Голунов"), and Polish police ranks ("rzecznik KSP
        # nadkomisarz Sylwester Marczak"); not where the word is a name too ("The Economist", Peter Singer)
        *["journalist", "reporter", "correspondent", "photographer", "columnist", "lawyer", "attorney"],
        *["historian", "researcher", "scientist", "activist", "actor", "actress", "rapper", "novelist"],
        *["writer", "officer", "periodista", "reportero", "reportera", "corresponsal"],
        *["fotógrafo", "fotógrafa", "abogado", "abogada", "economista", "historiador", "historiadora"],
        *["investigador", "investigadora", "activista", "actriz", "cantante", "escritor", "escritora"],
        *["journaliste", "correspondant", "correspondante", "photographe", "avocat", "avocate"],
        *["historien", "historienne", "chercheur", "chercheuse", "acteur", "actrice"],
        *["chanteur", "chanteuse", "écrivain", "écrivaine", "romancier", "romancière", "journalistin"],
        *["reporterin", "korrespondent", "korrespondentin", "fotograf", "fotografin", "anwalt", "anwältin"],
        *["rechtsanwalt", "rechtsanwältin", "ökonom", "ökonomin", "historiker", "historikerin", "forscher"],
        *["forscherin", "wissenschaftler", "wissenschaftlerin", "aktivist", "aktivistin", "schauspieler"],
        *["schauspielerin", "sänger", "sängerin", "schriftsteller", "schriftstellerin", "dziennikarz"],
        *["dziennikarka", "dziennikarza", "reporterka", "korespondent", "korespondentka", "fotografka"],
        *["adwokat", "adwokatka", "mecenas", "ekonomista", "ekonomistka", "historyk", "aktywista"],
        *["aktywistka", "aktor", "aktorka", "piosenkarz", "piosenkarka", "pisarz", "pisarka", "komisarz"],
        *["nadkomisarz", "podkomisarz", "aspirant", "sierżant", "posterunkowy", "nadinspektor", "podinspektor"],
        *["gazeteci", "muhabir", "muhabiri", "avukat", "ekonomist", "tarihçi", "aktivist", "oyuncu", "şarkıcı"],
        *["журналист", "журналиста", "журналистка", "корреспондент", "корреспондента", "фотограф", "адвокат"],
        *["адвоката", "экономист", "историк", "активист", "активиста", "актер", "актёр", "актриса", "певец"],
        *["певица", "писатель", "журналіст", "журналіста", "журналістка", "кореспондент", "економіст"],
        *["історик", "активіст", "актор", "акторка", "співак", "співачка", "письменник", "журналистът"],
        *["журналистката", "икономист", "актьор", "актьорът", "певицата", "писател"],
    ]
)
# Titles abbreviated as newsrooms write them before a name ("Gov. Ron DeSantis", "Spain PM Pedro Sánchez",
# "Lt. Col. Devender Anand"): titles only where written with a capital ("5 pm", "gov.pl", an editor's
# initials "up/mp" are none; ``is_person_title``)
_CAPITALISED_TITLES = frozenset([
    "gov", "sen", "rep", "lt", "lieut", "gen", "col", "capt", "cpt", "sgt", "cpl", "adm", "cmdr", "maj", "brig",
    "hon", "rev", "supt", "insp", "atty", "pres", "pm", "mp", "mep", "sr",
])  # fmt: skip
PERSON_TITLES = PERSON_TITLES | _CAPITALISED_TITLES

# Words that make a name an organisation's. These alone are a common noun ("la ville", "el congreso",
# "Regierung"): an organisation word is not a name of its own.
_GENERIC_ORG_WORDS = frozenset(
    [
        # a house or a palace alone in German, which capitalises every noun ("ins Haus"; "das Weiße Haus"
        # is a run of its own); English "House" alone names a chamber
        "haus",
        "palast",
        "agency",
        "association",
        "union",
        "party",
        # a political or armed movement ("Five Star Movement", "Movimiento Ciudadano", "Mouvement démocrate")
        "movement",
        "movimiento",
        "mouvement",
        "movimento",
        "bewegung",
        "council",
        "committee",
        "commission",
        "court",
        "parliament",
        "assembly",
        "ministry",
        "department",
        "office",
        "organization",
        "organisation",
        "institute",
        "university",
        "service",
        "services",
        "foundation",
        "alliance",
        "federation",
        "partei",
        "ministerium",
        "rat",
        "kommission",
        "gericht",
        "zeitung",
        "stiftung",
        "konzern",
        "verband",
        "parti",
        "ministère",
        "conseil",
        "banque",
        "cour",
        "assemblée",
        "agence",
        "partido",
        "ministerio",
        "consejo",
        "banco",
        "tribunal",
        "agencia",
        "partia",
        "ministerstwo",
        "rada",
        "sąd",
        "agencja",
        # Polish chambers, associations, movements and forces ("Izba Gmin", "Światowej Organizacji Handlu",
        # "Ruchu Pięciu Gwiazd", "Sił Zbrojnych"), and the Slavic languages' "parlament"
        *["organizacja", "stowarzyszenie", "izba", "kolegium", "wspólnota", "zgromadzenie", "komitet", "ruch"],
        *["siły", "grupa", "parlament"],
        # Czech, Slovak, Slovenian and Croatian (dictionary forms: their cases are taken off first)
        *["komora", "asociace", "sdružení", "společenství", "hnutí", "výbor", "shromáždění", "skupina"],
        *["združenie", "hnutie", "zhromaždenie", "zbornica", "skupnost", "združenje", "društvo"],
        *["gibanje", "odbor", "vijeće", "udruga", "zajednica", "pokret"],
        "strana",
        "stranka",
        "komise",
        "komisija",
        "ministerstvo",
        "ministrstvo",
        "ministarstvo",
        "úřad",
        "urad",
        "soud",
        "súd",
        "sodišče",
        "agentura",
        "agencija",
        "banka",
        "unija",
        "zveza",
        "svaz",
        "organizace",
        "organizacija",
        "organizácia",
        "policie",
        "polícia",
        "policija",
        "vláda",
        "vlada",
        "senát",
        "sněmovna",
        "skupština",
        "sabor",
        "univerzita",
        "univerza",
        "sveučilište",
        "nemocnice",
        "nemocnica",
        "bolnišnica",
        "bolnica",
        "nadace",
        "nadácia",
        "fundacija",
        "partisi",
        "bakanlığı",
        "meclisi",
        "bankası",
        "ajansı",
        "örgütü",
        "палата",
        "партия",
        "партии",
        "министерство",
        "департамент",
        "departament",
        "съвет",
        "совет",
        "банк",
        "агенция",
        "агентство",
        "парламент",
        "комитет",
        "партія",
        "міністерство",
        "рада",
        "hospital",
        "police",
        "government",
        "senate",
        "congress",
        "college",
        "school",
        "church",
        "authority",
        "bureau",
        "board",
        "airlines",
        "airways",
        "cabinet",
        "division",
        "league",
        "centers",
        "universidad",
        "secretaría",
        "fiscalía",
        "procuraduría",
        "congreso",
        "departamento",
        "gobierno",
        "senado",
        "policía",
        "ejército",
        "cámara",
        "comisión",
        "instituto",
        "fundación",
        "asociación",
        "sindicato",
        "gobernación",
        "alcaldía",
        "ayuntamiento",
        # assemblies, councils and oversight offices ("Asamblea Nacional", "Concejo Municipal", "Cabildo de
        # Tenerife", "Juzgado Penal", "Defensoría del Pueblo", "Contraloría General", "Assemblea regionale")
        "asamblea",
        "assemblea",
        "concejo",
        "cabildo",
        "juzgado",
        "defensoría",
        "contraloría",
        "junta",
        "organización",
        "servicio",
        "guardia",
        "universidade",
        "ministério",
        "polícia",
        "câmara",
        "fundação",
        "associação",
        "université",
        "gouvernement",
        "sénat",
        "hôpital",
        "fédération",
        "institut",
        "comité",
        "mairie",
        "préfecture",
        "syndicat",
        "fondation",
        "société",
        "église",
        "armée",
        "gendarmerie",
        "università",
        "ministero",
        "governo",
        "senato",
        "camera",
        "polizia",
        "ospedale",
        "partito",
        "consiglio",
        "tribunale",
        "istituto",
        "fondazione",
        "associazione",
        "procura",
        "agenzia",
        "banca",
        "universität",
        "regierung",
        "bundesregierung",
        "polizei",
        "krankenhaus",
        "klinik",
        "klinikum",
        "bundesamt",
        "amt",
        "behörde",
        "staatsanwaltschaft",
        "gewerkschaft",
        # a compound's end: "Unwetterzentrale", "Verbraucherzentrale" ("Wetterdienst Ubimet" is a noun
        # before the name; "verein" also opens "Vereinbarung")
        "zentrale",
        "kirche",
        "senat",
        "landtag",
        "hochschule",
        "akademie",
        "agentur",
        "gesellschaft",
        "szpital",
        "szpitala",
        "szpitalu",
        "uniwersytet",
        "uniwersytetu",
        "policja",
        "policji",
        "prokuratura",
        "prokuratury",
        "ministerstwa",
        "urząd",
        "urzędu",
        "sądu",
        "instytut",
        "fundacja",
        "rząd",
        "rządu",
        "komisja",
        "trybunał",
        "müdürlüğü",
        "üniversitesi",
        "hastanesi",
        "valiliği",
        "belediyesi",
        "belediye",  # before a title, without its ending: "Tepebaşı Belediye Başkanı"
        "başkanlığı",
        "kurumu",
        "kurulu",
        "vakfı",
        "derneği",
        "mahkemesi",
        "komutanlığı",
        "havayolları",  # "Pegasus Havayolları", an airline
        "şirketi",
        "университет",
        "правительство",
        "полиция",
        "прокуратура",
        "служба",
        "комиссия",
        "уряд",
        "суд",
        "съд",
        "сенат",
        "конгресс",
        "конгрес",
        "комісія",
        "комисия",
        "камара",
        "правда",  # the newspapers' word: "Українська правда", "Європейська правда", "Комсомольская правда"
        "институт",
        "інститут",
        "університет",
        "поліція",
        "правителство",
        "полицията",
        "прокуратурата",
        # outlets, companies, teams and cartels, as their names end or begin
        "newspaper",
        "magazine",
        "radio",
        "television",
        "studios",
        "holdings",
        "hotel",
        "team",
        "cartel",
        "cártel",
        "periódico",
        "diario",
        "revista",
        "empresa",
        # airlines, companies, concerns and trade unions, as news names them before their names
        # ("авиакомпания Ryanair", "koncern Gazprom", "związek zawodowy Verdi", "letalska družba")
        "airline",
        "aerolínea",
        "fluggesellschaft",
        "compagnie",
        "przewoźnik",
        "koncern",
        "koncernu",
        "firma",
        "związek",
        "společnost",
        "dopravce",
        "aerolinka",
        "odbory",
        "družba",
        "prevoznik",
        "авиакомпания",
        "авиакомпании",
        "авіакомпанія",
        "авіакомпанії",
        "авиокомпания",
        "авиокомпанията",
        "лоукостер",
        "концерн",
        "концерна",
        "компании",
        "дружество",
        "дружеството",
        "профсоюз",
        "профспілка",
        "verlag",
        "groupe",
        "entreprise",
        "gazeta",
        "spółka",
        "gazetesi",
        "takımı",
        "şirketi",
        "kulübü",
        "holding",
        # federations, parliaments and public bodies of the Romance languages, Polish and Turkish
        # ("Confederación Europea de Sindicatos", "Jefatura Superior de Policía", "Questura di Roma")
        "confederation",
        "federación",
        "confederación",
        "federazione",
        "confederazione",
        "federação",
        "confederação",
        "confédération",
        "federacja",
        "konfederacja",
        "federasyonu",
        "konfederasyonu",
        "parlamento",
        "parlement",
        "sejm",
        "questura",
        "prefettura",
        "prefeitura",
        "jefatura",
        "consejería",
        "diputación",
        "audiencia",
        "generalitat",
        "xunta",
        "sindicatos",
        "газета",
        "компания",
        "компанія",
        "вестник",
    ]
)
# These name an organisation or a building of their own when written alone ("Bundestag", "Times", "Post").
_NAMING_ORG_WORDS = frozenset(
    [
        "bundestag",
        "times",
        "post",
        "news",
        "journal",
        "press",
        "media",
        "social",
        "network",
        "group",
        "house",
        "palace",
        "maison",
        "palais",
        "casa",
        "palacio",
        "dom",
        "pałac",
        "saray",
        "sarayı",
        "дом",
        "дома",
        "двор",
        "двора",
        "inc",
        "ltd",
        "corp",
        "plc",
        "ag",
        "gmbh",
        "sa",
        "forces",
        "army",
        "navy",
        "fund",
        "company",
        "corporation",
        "bank",
        "club",
    ]
)
ORG_WORDS = _GENERIC_ORG_WORDS | _NAMING_ORG_WORDS
_SUFFIXED_ORG_WORDS = tuple(sorted(word for word in ORG_WORDS if len(word) >= 5))


_COMPOUND_ORG_WORDS = tuple(sorted(word for word in ORG_WORDS if len(word) >= 6))


def ends_in_org_word(word: str) -> bool:
    """A compound that ends in an organisation word ("Kantonspolizei", "Tageszeitung"), as German writes
    them: in a name of several words, it makes the name an organisation's."""
    folded = word.casefold().removesuffix("s")  # and its genitive ("Meinungsforschungsinstituts")
    if not folded.endswith(_COMPOUND_ORG_WORDS):  # one call for all the words
        return False
    return folded not in ORG_WORDS or any(folded.endswith(org) and folded != org for org in _COMPOUND_ORG_WORDS)


# Words that make a name of several words a place: a street, a square, a neighbourhood, a district, as
# each language writes them ("Downing Street", "Rue des Rameurs", "Plaza Mayor", "Oba Mahallesi", "Fabrika
# Caddesi"). An organisation word wins over them ("Hotel Plaza", "Wall Street Journal").
_PLACE_WORDS = frozenset(
    [
        # a Russian or Ukrainian region as English writes it ("Kursk Oblast", "Krasnodar Krai")
        "oblast",
        "krai",
        # a military airfield ("Ain al-Asad Airbase", "Bagram Airfield"); not "Base" alone, a surname too
        "airbase",
        "airfield",
        "street",
        "avenue",
        "road",
        "boulevard",
        "square",
        "district",
        "county",
        "straße",
        "strasse",
        "platz",
        "allee",
        "bezirk",
        "rue",
        "quartier",
        "calle",
        "avenida",
        "plaza",
        "barrio",
        "via",
        "piazza",
        "ulica",
        "ulicy",
        "aleja",
        "osiedle",
        "mahallesi",
        "caddesi",
        "sokak",
        "sokağı",
        "bulvarı",
        "meydanı",
        "ilçesi",
    ]
)
# Nouns for a street or a square that stand before its name, in lowercase as often as not ("rue Janin", "via
# Roma", "calle Hidalgo", "ulicy Mickiewicza"), by language: with the name and the small words between them
# ("rue des Rameurs", "plaza de Armas") they are a street, not the person, the town or the state it is named
# after. "place" and "cours" (French) say so only right before the name ("à la place de Macron" is no
# square). German and Dutch write a street as one word, which its last part says ("Miquelstraße").
_STREET_NOUNS_BEFORE = {
    "fr": ("rue", "avenue", "boulevard", "bd", "quai", "impasse", "allée", "chemin", "place", "cours"),
    "es": ("calle", "avenida", "av", "paseo", "calzada", "plaza", "bulevar", "callejón", "glorieta"),
    "it": ("via", "viale", "piazza", "piazzale", "corso", "vicolo"),
    "pt": ("rua", "avenida", "av", "praça", "travessa", "alameda"),
    "pl": ("ulica", "ulicy", "ulicę", "ulicą", "ul", "aleja", "alei", "aleję", "al", "plac", "placu", "placem"),
    "ro": ("strada", "bulevardul", "piața", "calea"),
}
_STREET_NOUNS_ONLY_BEFORE_A_NAME = frozenset({"place", "cours"})
_STREET_SMALL_WORDS = frozenset(
    {
        "de",
        "des",
        "du",
        "la",
        "le",
        "del",
        "della",
        "delle",
        "dei",
        "degli",
        "di",
        "do",
        "da",
        "dos",
        "das",
        "los",
        "las",
    }
)
_STREET_ENDINGS = {
    "de": ("straße", "strasse", "gasse", "allee", "platz", "weg", "damm", "ufer", "chaussee"),
    "nl": ("straat", "laan", "plein", "gracht", "kade", "steeg"),
}
_LEAST_STREET_STEM = 3  # letters before the ending: "Miquelstraße", not "Weg"


def street_noun_before(word: str, language: str | None, small_words: int) -> bool:
    """Whether ``word`` is a noun of ``language`` for a street or a square that opens its name, with
    ``small_words`` small words ("des", "de la") between it and the name."""
    folded = word.casefold()
    if folded not in _STREET_NOUNS_BEFORE.get(language or "", ()):
        return False
    return small_words == 0 or folded not in _STREET_NOUNS_ONLY_BEFORE_A_NAME


def is_street_small_word(word: str) -> bool:
    """A small word between a street's noun and its name ("rue des Rameurs", "via della Spiga")."""
    return word in _STREET_SMALL_WORDS


def ends_as_a_street(word: str, language: str | None) -> bool:
    """A German or Dutch word that names a street by its last part ("Miquelstraße", "Mühlenweg", "Kalverstraat")."""
    endings = _STREET_ENDINGS.get(language or "")
    if not endings:
        return False
    folded = word.casefold()
    return any(folded.endswith(ending) and len(folded) - len(ending) >= _LEAST_STREET_STEM for ending in endings)


# Nouns for a sea, a strait or another feature of the map, by language and in their dictionary forms,
# which are part of its name: capitalised in it ("Aegean Sea", "Gulf of Mexico", "Morza Bałtyckiego", "Ege
# Denizi"), or in lowercase right after the adjective that names it ("Baltského moře", "Kerčského průlivu")
_FEATURES_BY_LANGUAGE = {
    "en": (
        "sea", "ocean", "gulf", "bay", "strait", "straits", "lake", "river", "island", "islands", "isle", "isles",
        "peninsula", "mountains", "desert", "valley", "canal", "mount", "archipelago",
    ),
    "de": ("meer", "ozean", "bucht", "insel", "inseln", "halbinsel", "gebirge", "wüste"),
    "fr": ("mer", "océan", "golfe", "baie", "détroit", "lac", "île", "îles", "péninsule", "désert", "vallée"),
    "es": ("mar", "océano", "golfo", "bahía", "estrecho", "lago", "isla", "islas", "península", "desierto"),
    "it": ("mare", "oceano", "golfo", "baia", "stretto", "lago", "isola", "isole", "penisola", "deserto", "fiume"),
    "pl": ("morze", "ocean", "zatoka", "cieśnina", "jezioro", "wyspa", "wyspy", "półwysep", "półwyspa", "pustynia"),
    "cs": ("moře", "oceán", "záliv", "průliv", "jezero", "ostrov", "ostrovy", "poloostrov", "poušť", "průplav"),
    "sk": ("more", "oceán", "záliv", "prieliv", "jazero", "ostrov", "polostrov", "púšť"),
    "sl": ("morje", "ocean", "zaliv", "preliv", "jezero", "otok", "otoki", "polotok", "puščava"),
    "hr": ("more", "ocean", "zaljev", "tjesnac", "jezero", "otok", "otoci", "poluotok", "pustinja"),
    "tr": ("denizi", "körfezi", "boğazı", "gölü", "adası", "yarımadası"),  # as a name's last word
    "ru": ("море", "океан", "залив", "пролив", "остров", "полуостров", "озеро"),
    "uk": ("море", "океан", "затока", "протока", "острів", "півострів", "озеро"),
    "bg": ("море", "океан", "залив", "проток", "остров", "полуостров", "езеро"),
}  # fmt: skip
GEOGRAPHIC_FEATURES = frozenset(noun for nouns in _FEATURES_BY_LANGUAGE.values() for noun in nouns)


# The nouns of a country's divisions and of a city as a body, which name one with "of" and the place's name
# ("Province of Ontario", "Canton de Genève", "Comunidad de Madrid", "Ville de Bruxelles"): a name of its own,
# not the generic word and the place apart (nor "Canton" as Guangzhou). Each noun with its English one, by
# language; not "department", which names a ministry too ("Departamento de Justicia").
_DIVISIONS_BY_LANGUAGE = {
    "en": {
        "city": "city", "province": "province", "state": "state", "canton": "canton", "county": "county",
        "region": "region", "district": "district", "municipality": "municipality",
    },
    "fr": {
        "ville": "city", "province": "province", "région": "region", "canton": "canton",
        "commune": "municipality", "communauté": "community", "état": "state", "district": "district",
    },
    "es": {
        "ciudad": "city", "provincia": "province", "región": "region", "comunidad": "community", "estado": "state",
        "municipio": "municipality", "cantón": "canton", "distrito": "district",
    },
    "it": {
        "città": "city", "provincia": "province", "regione": "region", "comune": "municipality", "stato": "state",
        "cantone": "canton", "distretto": "district",
    },
    "pt": {
        "cidade": "city", "província": "province", "região": "region", "estado": "state",
        "município": "municipality", "distrito": "district",
    },
}  # fmt: skip
DIVISION_IN_ENGLISH = {noun: english for nouns in _DIVISIONS_BY_LANGUAGE.values() for noun, english in nouns.items()}
_DIVISION_NOUNS = {language: frozenset(nouns) for language, nouns in _DIVISIONS_BY_LANGUAGE.items()}


def division_nouns(language: str | None) -> frozenset[str]:
    """The nouns of a country's divisions and of a city as a body in ``language`` (casefolded)."""
    return _DIVISION_NOUNS.get(language or "en", frozenset())


def geographic_features(language: str | None) -> frozenset[str]:
    """The feature nouns of ``language`` and of English, which names of the world keep in any language's
    text ("Gulf Coast", "Mount Everest")."""
    return _features(language or "en")


@lru_cache(maxsize=64)
def _features(language: str) -> frozenset[str]:
    return frozenset(_FEATURES_BY_LANGUAGE.get(language, ())) | frozenset(_FEATURES_BY_LANGUAGE["en"])


# Turkish writes a case ending on without an apostrophe ("Caddesinde", "Mahallesinde")
_SUFFIXED_PLACE_WORDS = ("mahalle", "caddesi", "sokağ", "bulvar", "meydan")


def has_place_word(words: list[str]) -> bool:
    """Whether a name of several words holds a word for a street, a square or a neighbourhood."""
    return len(words) > 1 and any(
        word.casefold() in _PLACE_WORDS or word.casefold().startswith(_SUFFIXED_PLACE_WORDS) for word in words
    )


# Family names written with an inner capital ("McCarthy", "DeSantis", "DiCaprio", "LeBron", "VanDyke")
_INNER_CAPITAL_NAMES = regex.compile(r"^(?:Mc|Mac|Fitz|De|Di|Da|Du|Le|La|Van|Von|O)\p{Lu}")
_INNER_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}|^\p{Lu}{2,}\p{Ll}{3,}")  # "GasBuddy", "EUobserver"


def is_brand_shaped(word: str) -> bool:
    """A word with a capital inside it after a lowercase letter, or a lowercase run after capitals, as
    companies, outlets and products write their names ("GasBuddy", "YouTube", "EUobserver"), unless a
    family name's prefix explains it ("McCarthy", "DeSantis"); none with a digit ("Y0S4UAzByL")."""
    if not word[:1].isupper() or word.isupper() or any(char.isdigit() for char in word):
        return False
    return bool(_INNER_CAPITAL.search(word)) and not _INNER_CAPITAL_NAMES.match(word)


# German writes a title as the end of a compound ("Ministerpräsident", "Regierungschef", "Außenministerin",
# "Regierungssprecher"), which is a person's title as the bare one is
_GERMAN_TITLE_ENDINGS = (
    "minister", "ministerin", "präsident", "präsidentin", "kanzler", "kanzlerin", "chef", "chefin",
    "sprecher", "sprecherin", "vorsitzende", "vorsitzender", "vorsitzenden", "botschafter", "botschafterin",
    "bürgermeister", "bürgermeisterin", "sekretär", "sekretärin", "kommissar", "kommissarin", "trainer",
    "trainerin", "direktor", "direktorin",
)  # fmt: skip
_COMPOUND_LETTERS = 4  # a compound's first part: "Vize" of "Vizekanzler", "Partei" of "Parteichef"


def is_person_title(word: str) -> bool:
    folded = word.casefold()
    if folded in PERSON_TITLES:
        return word[:1].isupper() or folded not in _CAPITALISED_TITLES
    return is_compound_title(word)


def is_compound_title(word: str) -> bool:
    """A German compound that ends in a title ("Ministerpräsident", "Regierungschef")."""
    return word[:1].isupper() and compound_ending_in(word.casefold(), _GERMAN_TITLE_ENDINGS, _COMPOUND_LETTERS)


def compound_ending_in(folded: str, endings: tuple[str, ...], head_letters: int) -> bool:
    """Whether a casefolded word is a compound of at least ``head_letters`` letters before one of
    ``endings`` ("regierungs" + "chef"), not the ending's word alone."""
    if not folded.endswith(endings):  # one call for all the endings
        return False
    return any(folded.endswith(ending) and len(folded) >= len(ending) + head_letters for ending in endings)


def has_org_word(words: list[str]) -> bool:
    return any(word.casefold() in ORG_WORDS for word in words)


def opens_with_org_word(words: list[str]) -> bool:
    """An organisation word with suffixes added ("Bakanlığının", "Belediyesine"): Turkish writes an
    institution's case endings on without an apostrophe."""
    return any(word.casefold().startswith(_SUFFIXED_ORG_WORDS) for word in words)


def opening_org_word(word: str) -> str | None:
    """The organisation word a word opens with, as the word writes it ("Bakanlığı" of "Bakanlığının"),
    the longest one; None when it opens with none."""
    folded = word.casefold()
    if len(folded) != len(word):  # a letter whose case folding is longer ("İ"): no cut at a fold's length
        return None
    if not folded.startswith(_SUFFIXED_ORG_WORDS):
        return None
    found = [org for org in _SUFFIXED_ORG_WORDS if folded.startswith(org)]
    return word[: max(map(len, found))] if found else None


def is_named_organisation(kind: str, surface: str) -> bool:
    """An organisation's name of several words: its last word is no bare surname ("Plaza Hotel Trump"
    is not Trump), in its article (``entities``) or across the store (``grouping/entities``)."""
    return kind == "org" and " " in surface


def is_generic_org_noun(word: str) -> bool:
    """An organisation word that alone is a common noun ("Ministry", "Congreso", "Regierung")."""
    return word.casefold() in _GENERIC_ORG_WORDS


# What a ministry, a secretary or a minister is "of" ("secretario de Educación", "Minister of Health",
# "ministre de l'Intérieur"): capitalised as part of an office, a portfolio and no name of its own.
PORTFOLIOS = frozenset(
    [
        "health",
        "education",
        "defence",
        "defense",
        "interior",
        "justice",
        "finance",
        "finances",
        "economy",
        "security",
        "treasury",
        "labour",
        "labor",
        "agriculture",
        "energy",
        "transport",
        "culture",
        "environment",
        "salud",
        "sanidad",
        "educación",
        "defensa",
        "gobernación",
        "justicia",
        "hacienda",
        "finanzas",
        "economía",
        "seguridad",
        "tesoro",
        "trabajo",
        "agricultura",
        "energía",
        "transporte",
        "cultura",
        "santé",
        "éducation",
        "défense",
        "intérieur",
        "économie",
        "sécurité",
        "trésor",
        "travail",
        "gesundheit",
        "bildung",
        "verteidigung",
        "inneres",
        "justiz",
        "finanzen",
        "wirtschaft",
        "sicherheit",
        "arbeit",
        "zdrowia",
        "edukacji",
        "obrony",
        "sprawiedliwości",
        "finansów",
        "gospodarki",
        "sağlık",
        "eğitim",
        "savunma",
        "adalet",
        "maliye",
        # Italian and Portuguese
        *["salute", "sanità", "istruzione", "difesa", "interno", "interni", "giustizia", "economia", "finanze"],
        *["lavoro", "agricoltura", "ambiente", "trasporti", "infrastrutture", "saúde", "educação", "defesa"],
        *["justiça", "fazenda", "trabalho"],
        # foreign affairs, in the words that follow the title's small word ("ministro degli Esteri",
        # "ministro de Asuntos Exteriores", "ministre des Affaires étrangères")
        *["esteri", "exteriores", "asuntos", "affaires", "étrangères", "estrangeiros", "negócios"],
    ]
)


def is_portfolio(word: str) -> bool:
    """A ministry's field ("Health", "Educación"): what an office is of, not a name."""
    return word.casefold() in PORTFOLIOS


# English offices written before a name with capitals: "House Speaker Nancy Pelosi", "Chief Financial
# Officer Amy Hood", "German Chancellor Olaf Scholz". An office's head (the titles English writes, and
# heads that are no title before a name alone), and the words before the head that are the office's
# own: rank, side, portfolio ("Senate Majority Leader", "Crown Prince", "Press Secretary").
_ENGLISH_OFFICE_HEADS = frozenset([
    "president", "prime", "minister", "secretary", "senator", "governor", "chancellor", "chairman", "chairwoman",
    "chairperson", "spokesman", "spokeswoman", "spokesperson", "king", "queen", "prince", "princess", "general",
    "leader", "ceo", "superintendent", "inspector", "sergeant", "constable", "detective", "commissioner",
    "sheriff", "speaker", "officer", "executive", "ambassador", "envoy", "mayor", "director", "commander",
    "coach", "manager", "founder", "co-founder", "attorney", "adviser", "advisor", "whip", "counsel",
    "prosecutor", "judge", "justice", "bishop", "archbishop", "cardinal", "colonel", "pope", "presidents",
    "mr", "mrs", "ms", "dr", "prof", *_CAPITALISED_TITLES,
])  # fmt: skip
_OFFICE_RANKS = frozenset([
    "chief", "vice", "deputy", "crown", "majority", "minority", "press", "executive", "financial", "operating",
    "technology", "managing", "acting", "senior", "assistant", "associate", "attorney", "prime", "foreign",
    "home", "trade", "national", "special", "district", "head", "opposition", "public",
])  # fmt: skip


_TITLE_AFTER_OFFICE = frozenset({"tr", "az"})

# "First Lady" as the news writes it: "first" (its stem, any case of it) before a word for a lady; a
# title, not a name ("Першій леді, Меланії": the first lady, then her name; "Première dame Brigitte Macron")
_FIRST_STEMS = ("first", "перш", "перв", "първ", "premi", "primer", "pierwsz")
_LADY_WORDS = frozenset([
    "lady", "gentleman", "леді", "леди", "дама", "дамы", "даме", "даму", "дамой", "дамата", "dame", "dama",
    "damy", "damie", "damą", "damę",
])  # fmt: skip


def is_first_lady(words: list[str]) -> bool:
    """Whether two words are the title "First Lady" in one of the news's languages."""
    return (
        len(words) == 2
        and words[0].casefold().startswith(_FIRST_STEMS)
        and words[1].casefold() in _LADY_WORDS
        and not words[1].isupper()
    )


def office_words_at_end(run: list[str], language: str | None) -> int:
    """How many of the run's last words name an office before a person's name: a title ("Minister",
    "Kanzlerin"; in English an office's head: "Speaker", "Officer") written with a capital, not in
    capitals, with the office's own words before it ("Majority", "Chief Financial", "Health"); 0 where
    the run does not end in a title. Not in Turkish and Azerbaijani, which write the title after what
    the office is of ("Sinop Valisi": the governor of Sinop; ``entities._office_before_its_title``)."""
    if language in _TITLE_AFTER_OFFICE:
        return 0
    if is_first_lady(run[-2:]):
        return 2
    heads = _ENGLISH_OFFICE_HEADS if language == "en" else PERSON_TITLES
    last = run[-1] if run else ""
    if last.casefold() not in heads or not last[:1].isupper() or (last.isupper() and len(last) > 1):
        return 0
    taken = 1
    while taken < len(run) and (
        (word := run[-taken - 1].casefold()) in heads or word in _OFFICE_RANKS or word in PORTFOLIOS
    ):
        taken += 1
    return taken


# Diseases and the viruses that cause them, as news in many languages names them: capitalised, set in
# capitals or spelled like a town ("Corona", a city in California), yet no person, organisation or
# place. The words of a mention, less a number after a hyphen ("COVID-19", "SARS-CoV-2").
_DISEASES = frozenset(
    [
        "covid", "corona", "korona", "coronavirus", "koronavirus", "koronawirus", "koronavirüs", "kovid",
        "коронавирус", "коронавірус", "коронавирусът", "ковид", "ковід", "sars", "cov", "mers", "ebola",
        "zika", "hiv", "aids", "h1n1", "h5n1", "mpox", "virus", "wirus", "virüs", "вирус", "вірус",
        "influenza", "grippe", "grypa", "грип", "грипп",
    ]
)  # fmt: skip


def names_a_disease(surface: str) -> bool:
    """Whether every word of a mention names a disease or a virus ("COVID", "Corona", "SARS-CoV-2"), in
    any case ending after an apostrophe ("Koronavirüs'teki") and in Turkish capitals ("COVİD", whose
    "İ" folds to "i" and a combining dot)."""
    folded = surface.casefold().replace("\u0307", "")
    parts = [APOSTROPHE_SUFFIX.sub("", part) for part in re.split(r"[\s\-‐–]+", folded)]
    parts = [part for part in parts if part and not part.isdigit()]
    # "COVID19": the year written on
    return bool(parts) and all(part in _DISEASES or part.rstrip("0123456789") in _DISEASES for part in parts)


_LEGAL_FORM_LETTERS = 5  # "GmbH", "KGaA", "S.p.A."; longer suffixes are words ("Limited", "Corporation")
# short suffixes that are words or name parts far more often than a legal form
_NOT_LEGAL_FORMS = frozenset({"Group", "Groep", "Групп", "Գրուպ", "San", "Tic", "CON", "EPIC", "URL", "LOC"})


# What football and other sports clubs write before their names ("FC Bayern München", "AC Milan",
# "RB Leipzig", "SS Lazio", "VfB Stuttgart", "FK Partizan"): part of the club's name, whose later words
# alone name a place ("Bayern", Bavaria; "Leipzig")
_CLUB_PREFIXES = frozenset({
    "FC", "AC", "SC", "SV", "VfB", "VfL", "TSV", "TSG", "BSC", "RB", "CF", "CD", "UD", "SD", "SS", "AS", "FK",
    "NK", "SK", "KS", "GKS", "HNK", "PFC", "KV", "KRC", "RSC", "TV", "TuS", "SpVgg", "MTV",
})  # fmt: skip


def is_club_prefix(word: str) -> bool:
    """Whether ``word``, as written, opens a sports club's name ("FC" of "FC Bayern München")."""
    return word in _CLUB_PREFIXES


def is_legal_form(word: str) -> bool:
    """A company's legal form written after its name ("Siemens AG", "Barclays PLC", "Orlen S.A.",
    "Volvo AB"): Faker's company suffixes of every locale (MIT, in its wheel), the short ones, full
    stops dropped."""
    return word.replace(".", "") in _legal_forms()


@lru_cache(maxsize=1)
def _legal_forms() -> frozenset[str]:
    from storyline.stages.given_names import faker_lists

    plain = {suffix.replace(".", "") for suffix in faker_lists("company", ("company_suffixes",))}
    forms = {form for form in plain if form.isalpha() and 1 < len(form) <= _LEGAL_FORM_LETTERS and not form.islower()}
    return frozenset(forms - _NOT_LEGAL_FORMS)


@lru_cache(maxsize=64)
def cldr_locale(language: str | None) -> Any:
    """babel's CLDR locale of ``language``, or None for no language or one the CLDR does not know."""
    if not language:
        return None
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return None


@lru_cache(maxsize=64)
def calendar_words(language: str | None) -> frozenset[str]:
    """The full names of the months and weekdays in ``language`` (the Unicode CLDR's, through babel:
    their forms in a date and on their own, casefolded): "Mitte März", "Am Dienstag", "Lundi" name a
    time, not an entity. Empty for an unknown language. Where the language writes them in lowercase
    (``capitalises_calendar``), a capital inside a sentence makes one a name ("Santo Domingo")."""
    locale = cldr_locale(language)
    if locale is None:
        return frozenset()
    names = [
        name
        for table in (locale.months, locale.days)
        for context in ("format", "stand-alone")
        for name in table[context]["wide"].values()
    ]
    return frozenset(name.casefold() for name in names)


@lru_cache(maxsize=64)
def month_abbreviations(language: str | None) -> frozenset[str]:
    """The months' abbreviations (the CLDR's, through babel, without their full stops; casefolded) in
    ``language`` and in English, British English's "Sept" too: "Dec. 31, 2019" is a date."""
    names = set()
    for code in dict.fromkeys((language, "en", "en_GB")):
        locale = cldr_locale(code)
        if locale is not None:
            names |= {name.rstrip(".").casefold() for name in locale.months["format"]["abbreviated"].values()}
    return frozenset(name for name in names if len(name) >= 3)


@lru_cache(maxsize=64)
def time_zone_abbreviations(language: str | None) -> frozenset[str]:
    """The time zones' short names (the CLDR's, through babel) of ``language`` and of English, and British
    English's for Europe's zones ("CET", "CEST", which German pages also write), Indian and Australian
    English's ("IST", "AEST"), of three letters or more, and UTC: "14:00 SELČ", "20 Uhr MEZ", "10:00 GMT", "09:00 CET" name a clock, not an entity."""
    names = {"UTC"}
    for code in dict.fromkeys((language, "en", "en_IN")):  # India's English: "11:36 IST"
        locale = cldr_locale(code)
        if locale is not None:
            names |= {name for zone in locale.meta_zones.values() for name in zone.get("short", {}).values()}
    australian = cldr_locale("en_AU")  # "AEST", "NZDT"; not its three letters, "ACT" being a territory too
    names |= {
        name for zone in australian.meta_zones.values() for name in zone.get("short", {}).values() if len(name) > 3
    }
    british = cldr_locale("en_GB")
    names |= {
        name
        for zone, forms in british.meta_zones.items()
        if zone.startswith("Europe_")
        for name in forms.get("short", {}).values()
    }
    return frozenset(name for name in names if len(name) >= 3 and name.isalpha())


@lru_cache(maxsize=64)
def capitalises_calendar(language: str | None) -> bool:
    """Whether ``language`` writes its months' names with a capital (English, German, Turkish; not
    French, Spanish, Polish, Russian), as the CLDR spells them."""
    locale = cldr_locale(language)
    return locale is not None and all(name[:1].isupper() for name in locale.months["format"]["wide"].values())


@lru_cache(maxsize=1)
def language_endonyms() -> frozenset[str]:
    """Each language's name in itself, as the CLDR writes it, casefolded ("français", "deutsch", "español",
    "türkçe"): a page's links to its other languages ("also available in Français and Deutsch"), no entity."""
    from babel import Locale, localedata

    names = set()
    for code in localedata.locale_identifiers():
        if "_" in code:
            continue
        name = Locale.parse(code).get_language_name(code) or ""
        if len(name) >= 4 and name.isalpha():
            names.add(name.casefold())
    return frozenset(names)


@lru_cache(maxsize=64)
def capitalised_language_names(language: str | None) -> frozenset[str]:
    """The names of languages in ``language`` as the CLDR writes them with a capital (English's
    "Russian", "German"; casefolded): where a language capitalises them they are its words for a
    language or a people, not an entity's name. Empty where it writes them in lowercase (French
    "russe", Polish "polski"; there "Polski" is also "of Poland") or for an unknown language."""
    locale = cldr_locale(language)
    if locale is None:
        return frozenset()
    return frozenset(name.casefold() for name in locale.languages.values() if name[:1].isupper() and " " not in name)
