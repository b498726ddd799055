"""Hand-written news sentences in twelve languages and scripts, and awkward inputs, for the e5 checks."""

NEWS = {
    "en": "The summit between the two presidents in Budapest was postponed on Thursday, officials said.",
    "bg": "Срещата на върха в Будапеща между двамата президенти беше отложена в четвъртък.",
    "ru": "Саммит в Будапеште отложен: Лавров и Рубио обсудили подготовку встречи по телефону.",
    "uk": "Зустріч у Будапешті відклали, повідомили в Білому домі в четвер увечері.",
    "de": "Der Gipfel in Budapest wurde am Donnerstag verschoben, teilte das Außenministerium mit.",
    "es": "Las inundaciones en Valencia dejaron al menos 200 muertos y miles de desplazados.",
    "fr": "Les inondations à Valence ont fait au moins 200 morts, selon le dernier bilan officiel.",
    "tr": "Valensiya'daki sel felaketinde ölü sayısı 200'ü aştı, binlerce kişi evsiz kaldı.",
    "pl": "Powódź w Walencji: liczba ofiar przekroczyła 200, tysiące osób straciło domy.",
    "ar": "أعلنت السلطات الإسبانية ارتفاع عدد ضحايا الفيضانات في فالنسيا إلى أكثر من 200 شخص.",
    "zh": "西班牙瓦伦西亚洪灾死亡人数超过200人，数千人无家可归。",
    "el": "Η σύνοδος κορυφής στη Βουδαπέστη αναβλήθηκε, ανακοίνωσε ο Λευκός Οίκος την Πέμπτη.",
}

AWKWARD = [
    "",
    " leading space and  double   spaces\tand\ttabs\nand lines",
    "ﬁ ligatures, ＦＵＬＬＷＩＤＴＨ letters, combining é and \u00a0no-break\u200bzero width",
    "emoji 🙂🌍 and symbols ∑ ≠ ☃ and a literal \u2581 mark",
    "control \x07 characters \x1b and a NUL\x00 after which nothing counts",
    "ALL CAPS HEADLINE: 1,234.56 EUR / 2025-10-21 / +359 2 123 4567",
]
