"""English adjectives of countries ("Russian", "German", "Israeli", "South Korean"), to read a country's
office that English news names with the adjective ("the Russian Foreign Ministry", "the German
government") as that country's office, the one "МИД России" and "the Foreign Ministry of Russia" name.

No package ships English demonyms (CLDR names languages, not peoples), so they are listed here, each
with its country's ISO 3166 alpha-2 code; an adjective two countries share is in neither's list
("Congolese", "Korean", "Guinean").
"""

from __future__ import annotations

_ADJECTIVES: dict[str, str] = {
    "Afghan": "AF", "Albanian": "AL", "Algerian": "DZ", "American": "US", "Angolan": "AO", "Argentine": "AR",
    "Argentinian": "AR", "Armenian": "AM", "Australian": "AU", "Austrian": "AT", "Azerbaijani": "AZ",
    "Bahraini": "BH", "Bangladeshi": "BD", "Belarusian": "BY", "Belgian": "BE", "Bolivian": "BO",
    "Bosnian": "BA", "Brazilian": "BR", "British": "GB", "Bulgarian": "BG", "Burmese": "MM", "Cambodian": "KH",
    "Cameroonian": "CM", "Canadian": "CA", "Chadian": "TD", "Chilean": "CL", "Chinese": "CN",
    "Colombian": "CO", "Costa Rican": "CR", "Croatian": "HR", "Cuban": "CU", "Cypriot": "CY", "Czech": "CZ",
    "Danish": "DK", "Dutch": "NL", "Ecuadorian": "EC", "Egyptian": "EG", "Emirati": "AE", "Eritrean": "ER",
    "Estonian": "EE", "Ethiopian": "ET", "Filipino": "PH", "Finnish": "FI", "French": "FR", "Georgian": "GE",
    "German": "DE", "Ghanaian": "GH", "Greek": "GR", "Guatemalan": "GT", "Haitian": "HT", "Honduran": "HN",
    "Hungarian": "HU", "Icelandic": "IS", "Indian": "IN", "Indonesian": "ID", "Iranian": "IR", "Iraqi": "IQ",
    "Irish": "IE", "Israeli": "IL", "Italian": "IT", "Ivorian": "CI", "Jamaican": "JM", "Japanese": "JP",
    "Jordanian": "JO", "Kazakh": "KZ", "Kenyan": "KE", "Kuwaiti": "KW", "Kyrgyz": "KG", "Latvian": "LV",
    "Lebanese": "LB", "Libyan": "LY", "Lithuanian": "LT", "Malaysian": "MY", "Malian": "ML", "Maltese": "MT",
    "Mexican": "MX", "Moldovan": "MD", "Mongolian": "MN", "Montenegrin": "ME", "Moroccan": "MA",
    "Mozambican": "MZ", "Nepalese": "NP", "Nicaraguan": "NI", "Nigerian": "NG", "Nigerien": "NE",
    "North Korean": "KP", "North Macedonian": "MK", "Norwegian": "NO", "Omani": "OM", "Pakistani": "PK",
    "Palestinian": "PS", "Panamanian": "PA", "Paraguayan": "PY", "Peruvian": "PE", "Philippine": "PH",
    "Polish": "PL", "Portuguese": "PT", "Qatari": "QA", "Romanian": "RO", "Russian": "RU", "Rwandan": "RW",
    "Salvadoran": "SV", "Saudi": "SA", "Senegalese": "SN", "Serbian": "RS", "Singaporean": "SG",
    "Slovak": "SK", "Slovenian": "SI", "Somali": "SO", "South African": "ZA", "South Korean": "KR",
    "South Sudanese": "SS", "Spanish": "ES", "Sri Lankan": "LK", "Sudanese": "SD", "Swedish": "SE",
    "Swiss": "CH", "Syrian": "SY", "Taiwanese": "TW", "Tajik": "TJ", "Tanzanian": "TZ", "Thai": "TH",
    "Tunisian": "TN", "Turkish": "TR", "Turkmen": "TM", "Ugandan": "UG", "Ukrainian": "UA", "Uruguayan": "UY",
    "Uzbek": "UZ", "Venezuelan": "VE", "Vietnamese": "VN", "Yemeni": "YE", "Zambian": "ZM",
    "Zimbabwean": "ZW",
}  # fmt: skip
LONGEST_ADJECTIVE = 2  # words: "South Korean", "Sri Lankan"


def country_of_adjective(words: list[str]) -> str | None:
    """The ISO 3166 alpha-2 code of the country an English adjective of one or two words names, as
    written (capitalised), or None: "Russian" -> "RU", "South Korean" -> "KR"."""
    return _ADJECTIVES.get(" ".join(words))
