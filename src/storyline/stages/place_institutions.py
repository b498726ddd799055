"""Institutions named after a place, in their English names: "Universidad de Antioquia" is the University of
Antioquia, "Denizli Devlet Hastanesi" the Denizli State Hospital, "Congreso de Veracruz" the Congress of
Veracruz, "Universität Wien" the University of Vienna.

An English reader knows these by a translation of their generic words around the place's English name,
and an article in another language names the same institution with its own generic words: the place's
gazetteer id, with the kind of institution, is what they share. A kind keeps the order its name gives
the place in: "University of X" and "X University" are two kinds, since the University of Miami and
Miami University are two universities (and Istanbul University and the University of Istanbul one, an
English writer's and a Turkish writer's "İstanbul Üniversitesi" alike).

Each form says, for one language, the generic words (a pattern over the casefolded words, case endings
and Turkish suffixes included), whether the place comes before them, the small words between (Spanish
"de", "del"), and the English name. The place is one the gazetteer knows; where the name puts its place
first, a name the gazetteer does not know may stand there too ("Pamukkale Üniversitesi": Pamukkale
University), since that is how such institutions are named in English as well. Nothing else of the
article's entities changes: the caller resolves places and replaces the runs the span covers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from anyascii import anyascii

from storyline.stages.institutions import after_of, office_name
from storyline.stages.name_languages import APOSTROPHE_SUFFIX, turkish_casefold

LONGEST_PLACE = 3  # words of a place's name inside an institution's ("Buenos Aires", "San Luis Potosí")
# small words inside a longer name: "Bank of America University" is no university of America's
_INSIDE_NAMES = frozenset({"of", "de", "del", "di", "da", "do", "des", "du", "von", "van", "der", "y", "and", "&"})
# the articles a language may write before the place's name ("Ministerio de Defensa de la Federación de Rusia",
# "Verteidigungsministerium der Ukraine"): skipped, since the place's own name does not hold them
_ARTICLES = {
    "es": frozenset({"la", "el", "los", "las"}),
    "fr": frozenset({"la", "les"}),
    "de": frozenset({"der", "des"}),
}


@dataclass(frozen=True)
class Form:
    kind: str  # the institution's kind in its id ("university-of"): one kind for every language's form of it
    generic: re.Pattern[str]  # the generic words, casefolded and joined by spaces
    place_first: bool  # "X Üniversitesi", "X Airport"; else the place follows ("Universidad de X")
    linkers: tuple[str, ...]  # small words between the generic part and a place that follows ("de", "del")
    english: str  # the English name, "{}" where the place's name goes
    as_written: bool  # an English form: the place as the article writes it ("New York", not "New York City")
    known_place: bool  # a country's or region's office: only a place the gazetteer knows, never a name


@dataclass(frozen=True)
class PlaceInstitution:
    id: str  # "inst:university-of@iso:CO-ANT", "inst:university@name:pamukkale"
    name: str  # "University of Antioquia"
    start: int  # the span of words that names it, in the sentence's words
    end: int
    place_words: tuple[int, int]  # the span of the place's own words


def _forms(linkers: tuple[str, ...], *specs: tuple[str, str, bool, str], as_written: bool = False) -> tuple[Form, ...]:
    return tuple(
        Form(
            kind,
            re.compile(pattern),
            place_first,
            () if place_first else linkers,
            english or f"{office_name(kind)} of {{}}",
            as_written,
            not english,
        )
        for kind, pattern, place_first, english in specs
    )


# kind, generic words (a pattern), the place first, the English name; a country's office is named as
# ``institutions.country_institution`` names it, under the same id ("Senado de Estados Unidos" is the
# Senate of the United States)
_UNIVERSITY_OF = "University of {}"
_OF_OFFICE = ""  # the office's English name: ``institutions.office_name``
_FORMS: dict[str, tuple[Form, ...]] = {
    "en": _forms(
        ("of",),
        ("university-of", "university", False, _UNIVERSITY_OF),
        ("university", "university", True, "{} University"),
        ("university-hospital", "university hospital", True, "{} University Hospital"),
        ("state-hospital", "state hospital", True, "{} State Hospital"),
        ("city-hospital", "city hospital", True, "{} City Hospital"),
        ("airport", "airport", True, "{} Airport"),
        ("city-council", "city council", True, "{} City Council"),
        ("police", "police", True, "{} Police"),
        ("police-department", "police department", True, "{} Police Department"),
        as_written=True,
    ),
    "es": _forms(
        ("de", "del"),
        ("university-of", "universidad", False, _UNIVERSITY_OF),
        ("congress", "congreso", False, _OF_OFFICE),
        ("senate", "senado", False, _OF_OFFICE),
        ("government", "gobierno", False, _OF_OFFICE),
        ("parliament", "parlamento", False, _OF_OFFICE),
        ("city-council", "ayuntamiento|alcaldía", False, "{} City Council"),
        ("airport", "aeropuerto(?: internacional)?", False, "{} Airport"),
        ("police", "policía", False, "{} Police"),
        ("municipal-police", "policía municipal", False, "{} Municipal Police"),
        ("national-police", "policía nacional", False, "{} National Police"),
        ("health-ministry", "ministerio de (?:salud|sanidad)", False, _OF_OFFICE),
        ("foreign-ministry", "ministerio de (?:relaciones|asuntos) exteriores", False, _OF_OFFICE),
        ("defence-ministry", "ministerio de defensa", False, _OF_OFFICE),
        ("interior-ministry", "ministerio del interior", False, _OF_OFFICE),
    ),
    "pt": _forms(
        ("de", "do", "da"),
        ("university-of", "universidade", False, _UNIVERSITY_OF),
        ("congress", "congresso", False, _OF_OFFICE),
        ("senate", "senado", False, _OF_OFFICE),
        ("government", "governo", False, _OF_OFFICE),
        ("city-council", "prefeitura|câmara municipal", False, "{} City Council"),
        ("airport", "aeroporto(?: internacional)?", False, "{} Airport"),
        ("health-ministry", "ministério da saúde", False, _OF_OFFICE),
        (
            "foreign-ministry",
            "ministério das relações exteriores|ministério dos negócios estrangeiros",
            False,
            _OF_OFFICE,
        ),
        ("defence-ministry", "ministério da defesa", False, _OF_OFFICE),
    ),
    "it": _forms(
        # "" where the article elides its "di" ("dell'Aquila": the words leave the elision out)
        ("di", "", "della", "del", "dello", "dei", "degli"),
        ("university-of", "università(?: degli studi)?", False, _UNIVERSITY_OF),
        ("city-council", "comune", False, "{} City Council"),
        ("airport", "aeroporto", False, "{} Airport"),
        ("senate", "senato", False, _OF_OFFICE),
        ("parliament", "parlamento", False, _OF_OFFICE),
        ("government", "governo", False, _OF_OFFICE),
        ("foreign-ministry", "ministero degli (?:affari )?esteri", False, _OF_OFFICE),
        ("defence-ministry", "ministero della difesa", False, _OF_OFFICE),
        ("health-ministry", "ministero della salute", False, _OF_OFFICE),
    ),
    "fr": _forms(
        ("de", "du", ""),  # "Université d'Ottawa": the words leave the elision out
        ("university-of", "université", False, _UNIVERSITY_OF),
        ("city-council", "mairie|hôtel de ville", False, "{} City Council"),
        ("airport", "aéroport(?: international)?", False, "{} Airport"),
        ("parliament", "parlement", False, _OF_OFFICE),
        ("government", "gouvernement", False, _OF_OFFICE),
        ("senate", "sénat", False, _OF_OFFICE),
        ("foreign-ministry", "ministère des affaires étrangères", False, _OF_OFFICE),
        ("defence-ministry", "ministère de la défense|ministère des armées", False, _OF_OFFICE),
        ("health-ministry", "ministère de la santé", False, _OF_OFFICE),
    ),
    "de": _forms(
        (),
        ("university-of", "universität", False, _UNIVERSITY_OF),
        ("university-hospital", "universitätsklinikum(?:s)?|uniklinik(?:um|ums)?", False, "{} University Hospital"),
        ("airport", "flughafens?", False, "{} Airport"),
        ("regional-court", "landgerichts?", False, "{} Regional Court"),
        ("district-court", "amtsgerichts?", False, "{} District Court"),
        # a police force named by its seat ("Polizei Hamburg", "Polizeiinspektion Osnabrück")
        ("police", "polizei", False, "{} Police"),
        ("police", "polizei", True, "{} Police"),  # "Berliner Polizei", "Hamburger Polizei": the city's adjective
        ("airport", "flughafens?", True, "{} Airport"),  # "Frankfurter Flughafen"
        ("zoo", "zoos?", False, "{} Zoo"),  # "Zoo Krefeld"
        ("zoo", "zoos?", True, "{} Zoo"),  # "Krefelder Zoo"
        ("prosecutors", "staatsanwaltschaft", False, "{} Public Prosecutor's Office"),
        ("prosecutors", "staatsanwaltschaft", True, "{} Public Prosecutor's Office"),  # "Kölner Staatsanwaltschaft"
        ("police-inspectorate", "polizeiinspektion", False, "{} Police Inspectorate"),
        ("police-directorate", "polizeidirektion", False, "{} Police Directorate"),
        ("police-headquarters", "polizeipräsidiums?", False, "{} Police Headquarters"),
        ("cantonal-police", "kantonspolizei", False, "{} Cantonal Police"),
        # a ministry's compound, its country after it in the genitive ("Außenministerium Russlands",
        # "Verteidigungsministeriums der Russischen Föderation")
        ("foreign-ministry", "aussenministeriums?", False, _OF_OFFICE),  # casefolded: ß is "ss"
        ("defence-ministry", "verteidigungsministeriums?", False, _OF_OFFICE),
        ("health-ministry", "gesundheitsministeriums?", False, _OF_OFFICE),
        ("interior-ministry", "innenministeriums?", False, _OF_OFFICE),
        ("government", "regierung", False, _OF_OFFICE),
        ("parliament", "parlaments?", False, _OF_OFFICE),
    ),
    "tr": _forms(
        (),
        ("university", r"üniversitesi\w*", True, "{} University"),
        ("university-hospital", r"üniversitesi hastanesi\w*", True, "{} University Hospital"),
        ("state-hospital", r"devlet hastanesi\w*", True, "{} State Hospital"),
        ("city-hospital", r"şehir hastanesi\w*", True, "{} City Hospital"),
        ("training-hospital", r"eğitim ve araştırma hastanesi\w*", True, "{} Training and Research Hospital"),
        # "Tepebaşı Belediye Başkanı": before its mayor's title the municipality loses its ending
        ("city-council", r"belediye(?:si\w*)?", True, "{} Municipality"),
        ("metropolitan-council", r"büyükşehir belediye(?:si\w*)?", True, "{} Metropolitan Municipality"),
        ("governorship", r"valiliği\w*", True, "{} Governorship"),
        ("police-department", r"(?:(?:il|ilçe) )?emniyet müdürlüğü\w*", True, "{} Police Department"),
        ("chief-prosecutor", r"cumhuriyet başsavcılığı\w*", True, "{} Chief Public Prosecutor's Office"),
        ("airport", r"havalimanı\w*|havaalanı\w*", True, "{} Airport"),
        ("foreign-ministry", r"dışişleri bakanlığı\w*", True, _OF_OFFICE),
        ("defence-ministry", r"savunma bakanlığı\w*", True, _OF_OFFICE),
        ("health-ministry", r"sağlık bakanlığı\w*", True, _OF_OFFICE),
        ("interior-ministry", r"içişleri bakanlığı\w*", True, _OF_OFFICE),
    ),
    "pl": _forms(
        ("w", "we"),
        ("district-prosecutor", r"prokuratur\w* okręgow\w*", False, "{} District Prosecutor's Office"),
        ("regional-prosecutor", r"prokuratur\w* rejonow\w*", False, "{} Regional Prosecutor's Office"),
        ("district-court", r"sąd\w* okręgow\w*", False, "{} District Court"),
        ("regional-court", r"sąd\w* rejonow\w*", False, "{} Regional Court"),
    ),
}
# the generic words that open an office's name in lowercase too, as the Romance languages write a ministry
# or a government ("le ministère des Affaires étrangères de la Russie", "il governo del Regno Unito")
_LOWERCASE_OPENINGS = frozenset(
    {"ministère", "gouvernement", "ministero", "governo", "ministerio", "gobierno", "ministério"}
)
_NOT_KEY_LETTERS = re.compile(r"[^a-z0-9]+")  # a name in an id: its letters, a hyphen for the rest
_LONGEST_GENERIC = 4  # words ("Eğitim ve Araştırma Hastanesi")
# one test of a word before the forms are tried: whether some form's generic words open the words from it
# (searched in a whole sentence, it also tells whether some form's generic words are in it at all)
_OPENINGS = {
    language: re.compile("|".join(f"(?:{form.generic.pattern})" for form in forms))
    for language, forms in _FORMS.items()
}


def _folded(word: str) -> str:
    return turkish_casefold(APOSTROPHE_SUFFIX.sub("", word))


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def find_place_institutions(
    words: list[str],
    broken: list[bool],
    language: str | None,
    place_of: Callable[[list[str]], tuple[str, str] | None],
    may_be_named: Callable[[str], bool],
) -> list[PlaceInstitution]:
    """The institutions named after a place in one sentence's ``words``, none overlapping; ``broken[i]``
    says that punctuation separates word ``i`` from the one before, which no name's words cross.

    ``place_of(run)``: the place a run of words names, as (gazetteer id, English name), or None;
    ``may_be_named(word)``: whether a word the gazetteer does not know may name an institution that puts
    its name first (a capitalised word that is no common word of the language)."""
    forms = _FORMS.get(language or "", ())
    if not forms or not _OPENINGS[language or ""].search(" ".join(words).casefold()):
        return []
    folded = [_folded(word) for word in words]
    found: list[PlaceInstitution] = []
    taken_until = 0
    for start in range(len(words)):
        if start < taken_until or not (_capitalised(words[start]) or folded[start] in _LOWERCASE_OPENINGS):
            continue
        if not _OPENINGS[language or ""].match(" ".join(folded[start : start + _LONGEST_GENERIC])):
            continue
        for size in range(min(_LONGEST_GENERIC, len(words) - start), 0, -1):
            if any(broken[start + 1 : start + size]):
                continue
            generic = " ".join(folded[start : start + size])
            matched = [form for form in forms if form.generic.fullmatch(generic)]
            institution = next(
                (
                    named
                    for form in matched
                    if (
                        named := _with_place(
                            form, words, broken, (start, start + size), found, language, place_of, may_be_named
                        )
                    )
                    is not None
                ),
                None,
            )
            if institution is not None:
                found.append(institution)
                taken_until = institution.end
                break
    return found


def _with_place(
    form: Form,
    words: list[str],
    broken: list[bool],
    span: tuple[int, int],
    found: list[PlaceInstitution],
    language: str | None,
    place_of: Callable[[list[str]], tuple[str, str] | None],
    may_be_named: Callable[[str], bool],
) -> PlaceInstitution | None:
    """The institution ``form`` names with the generic words of ``span`` (from, to), where a place stands
    beside them."""
    start, end = span
    if form.place_first:
        earliest = found[-1].end if found else 0
        named = may_be_named if not form.known_place else lambda _word: False
        return _with_place_before(form, words, broken, start, end, earliest, place_of, named)
    opens_before = start > 0 and not broken[start] and _capitalised(words[start - 1])
    if opens_before and (start > 1 or may_be_named(words[0])):
        return None  # the generic words go on a name that opens before them ("Technische Universität München")
    at = end
    if at < len(words) and broken[at]:
        return None
    if form.linkers:
        if at < len(words) and words[at].casefold() in form.linkers:
            at += 1
            if at < len(words) and broken[at]:
                return None
        elif "" not in form.linkers:
            return None
    if at < len(words) and words[at] in _ARTICLES.get(language or "", ()):
        at += 1
        if at < len(words) and broken[at]:
            return None
    for size in range(LONGEST_PLACE, 0, -1):
        run = words[at : at + size]
        if len(run) < size or any(broken[at + 1 : at + size]) or not _written_as_a_place(run):
            continue
        if (place := place_of(run)) is not None:
            return _institution(form, place, start, at + size, (at, at + size), run)
    return None


def _written_as_a_place(run: list[str]) -> bool:
    """Capitalised words, or small words of a name between them ("Federación de Rusia")."""
    return (
        _capitalised(run[0])
        and _capitalised(run[-1])
        and all(_capitalised(word) or word in _INSIDE_NAMES for word in run[1:-1])
    )


def _with_place_before(
    form: Form,
    words: list[str],
    broken: list[bool],
    start: int,
    end: int,
    earliest: int,
    place_of: Callable[[list[str]], tuple[str, str] | None],
    may_be_named: Callable[[str], bool],
) -> PlaceInstitution | None:
    """The institution ``form`` names with the place, or the name, right before its generic words at
    ``start``: the whole capitalised run there, which a word with a case ending does not open ("Denizli'deki
    Pamukkale Üniversitesi"), or that run without the sentence's first word ("At New York University"). A
    place at the run's end alone is none: Johns Hopkins University is not Hopkins's."""
    first = start
    while (
        first > earliest
        and not broken[first]
        and _capitalised(words[first - 1])
        and not APOSTROPHE_SUFFIX.search(words[first - 1])
    ):
        first -= 1
    if first >= 2 and not broken[first] and words[first - 1] in _INSIDE_NAMES and _capitalised(words[first - 2]):
        return None
    runs = [first] + ([first + 1] if first == 0 and not may_be_named(words[0]) else [])
    for opening in runs:
        run = words[opening:start]
        if not 1 <= len(run) <= LONGEST_PLACE:
            continue
        if (place := place_of(run)) is not None:
            return _institution(form, place, opening, end, (opening, start), run)
        if len(run) <= 2 and all(may_be_named(word) for word in run):
            name = "name:" + _NOT_KEY_LETTERS.sub("-", anyascii(" ".join(run)).casefold()).strip("-")
            return _institution(form, (name, " ".join(run)), opening, end, (opening, start), run)
    return None


def _institution(
    form: Form, place: tuple[str, str], start: int, end: int, place_words: tuple[int, int], run: list[str]
) -> PlaceInstitution:
    place_id, place_name = place
    written = " ".join(APOSTROPHE_SUFFIX.sub("", word) for word in run)
    # the place as English writes it, or as the article does where that is its English name's opening
    # ("Frankfurt" of Frankfurt am Main, "Xalapa" of Xalapa de Enríquez)
    shown = written if form.as_written or place_name.startswith(written + " ") else place_name
    if form.english.endswith(" of {}"):
        shown = after_of(shown)  # "Senate of the United States", "University of the Philippines"
    return PlaceInstitution(f"inst:{form.kind}@{place_id}", form.english.format(shown), start, end, place_words)
