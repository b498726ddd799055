"""How names look in each language: small constants that the entity stage and the grouping layer both
read, kept apart from the modules that load dictionaries, so that reading commands load none."""

from __future__ import annotations

import re

# Languages that capitalise every noun: there a lone capitalised dictionary word is a noun, not a name.
NOUN_CAPITALISING = frozenset({"de", "lb"})
# Languages whose names take no case endings: a capitalised word there is a name as written
NAMES_NOT_INFLECTED = frozenset({"en", "es", "fr", "it", "pt", "ca", "nl"})
# Languages without cases, whose nouns change only their endings (number, the article's suffix): a
# capitalised word's dictionary form that changes more is another word's ("Мей" is no form of "мея")
ENDINGS_ONLY = frozenset({"bg", "mk"})
# "Lavrov's", "Trump'ın", "Putin’e": a lower-case suffix after an apostrophe is inflection.
APOSTROPHE_SUFFIX = re.compile(r"['’][^\W\d_A-ZА-ЯЁІЇЄҐ]+$")
