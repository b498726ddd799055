"""Well-known names of the news as English, Russian, Ukrainian and Bulgarian articles write them: does
each Cyrillic mention link to the English article's entity, and under which name is it shown?

python benchmarks/well_known_names.py [--json]

Each name is put into one short sentence per language (the same sentence for every name), the four
articles' mentions are read by the entity stage and linked together (grouping/entities.link_entities,
from scratch). A name counts as right when the English mention is shown as written and the Russian,
Ukrainian and Bulgarian mentions all link to its entity. Then the English articles are left out and
the three Cyrillic articles of each name linked alone: how often the Cyrillic mentions alone are shown
under the usual English name (stages/latin_names.py). The names are the public figures of late 2025
news in the four languages' usual spellings, written down by hand; no rule of the project was set on
them (docs/quality.md says which changes they measured).
"""

from __future__ import annotations

import argparse
import json

from storyline.grouping.entities import MentionRow, link_entities
from storyline.models import Article
from storyline.stages.entities import extract_entities

LANGUAGES = ("en", "ru", "uk", "bg")
NAMES = [
    # en, ru, uk, bg
    ("Giorgia Meloni", "Джорджа Мелони", "Джорджа Мелоні", "Джорджа Мелони"),
    ("George Soros", "Джордж Сорос", "Джордж Сорос", "Джордж Сорос"),
    ("Joe Biden", "Джо Байден", "Джо Байден", "Джо Байдън"),
    ("Antony Blinken", "Энтони Блинкен", "Ентоні Блінкен", "Антъни Блинкън"),
    ("Keir Starmer", "Кир Стармер", "Кір Стармер", "Кийр Стармър"),
    ("Emmanuel Macron", "Эммануэль Макрон", "Емманюель Макрон", "Еманюел Макрон"),
    ("Olaf Scholz", "Олаф Шольц", "Олаф Шольц", "Олаф Шолц"),
    ("Friedrich Merz", "Фридрих Мерц", "Фрідріх Мерц", "Фридрих Мерц"),
    ("Recep Tayyip Erdogan", "Реджеп Тайип Эрдоган", "Реджеп Тайїп Ердоган", "Реджеп Тайип Ердоган"),
    ("Xi Jinping", "Си Цзиньпин", "Сі Цзіньпін", "Си Дзинпин"),
    ("Narendra Modi", "Нарендра Моди", "Нарендра Моді", "Нарендра Моди"),
    ("Benjamin Netanyahu", "Биньямин Нетаньяху", "Біньямін Нетаньягу", "Бенямин Нетаняху"),
    ("Ursula von der Leyen", "Урсула фон дер Ляйен", "Урсула фон дер Ляєн", "Урсула фон дер Лайен"),
    ("Volodymyr Zelensky", "Владимир Зеленский", "Володимир Зеленський", "Володимир Зеленски"),
    ("Sergey Lavrov", "Сергей Лавров", "Сергій Лавров", "Сергей Лавров"),
    ("Marco Rubio", "Марко Рубио", "Марко Рубіо", "Марко Рубио"),
    ("Kamala Harris", "Камала Харрис", "Камала Гарріс", "Камала Харис"),
    ("Elon Musk", "Илон Маск", "Ілон Маск", "Илон Мъск"),
    ("Viktor Orban", "Виктор Орбан", "Віктор Орбан", "Виктор Орбан"),
    ("Donald Tusk", "Дональд Туск", "Дональд Туск", "Доналд Туск"),
    ("Mark Rutte", "Марк Рютте", "Марк Рютте", "Марк Рюте"),
    ("Jens Stoltenberg", "Йенс Столтенберг", "Єнс Столтенберг", "Йенс Столтенберг"),
    ("Antonio Guterres", "Антониу Гутерриш", "Антоніу Гутерреш", "Антонио Гутериш"),
    ("Pope Francis", "Папа Франциск", "Папа Франциск", "папа Франциск"),
    ("Rishi Sunak", "Риши Сунак", "Ріші Сунак", "Риши Сунак"),
    ("Justin Trudeau", "Джастин Трюдо", "Джастін Трюдо", "Джъстин Трюдо"),
    ("Giuseppe Conte", "Джузеппе Конте", "Джузеппе Конте", "Джузепе Конте"),
    ("Gianni Infantino", "Джанни Инфантино", "Джанні Інфантіно", "Джани Инфантино"),
    ("Pedro Sanchez", "Педро Санчес", "Педро Санчес", "Педро Санчес"),
    ("Javier Milei", "Хавьер Милей", "Хав'єр Мілей", "Хавиер Милей"),
    (
        "Luiz Inacio Lula da Silva",
        "Луис Инасиу Лула да Силва",
        "Луїс Інасіу Лула да Сілва",
        "Луис Инасио Лула да Силва",
    ),
    ("Kim Jong Un", "Ким Чен Ын", "Кім Чен Ин", "Ким Чен Ун"),
    ("Vladimir Putin", "Владимир Путин", "Володимир Путін", "Владимир Путин"),
    ("Donald Trump", "Дональд Трамп", "Дональд Трамп", "Доналд Тръмп"),
    ("Steve Witkoff", "Стив Уиткофф", "Стів Віткофф", "Стив Уиткоф"),
    ("Jake Sullivan", "Джейк Салливан", "Джейк Салліван", "Джейк Съливан"),
    ("Kaja Kallas", "Кая Каллас", "Кая Каллас", "Кая Калас"),
    ("Alexander Stubb", "Александр Стубб", "Александр Стубб", "Александър Стуб"),
    ("Andrzej Duda", "Анджей Дуда", "Анджей Дуда", "Анджей Дуда"),
    ("Karol Nawrocki", "Кароль Навроцкий", "Кароль Навроцький", "Карол Навроцки"),
    ("Maia Sandu", "Майя Санду", "Мая Санду", "Мая Санду"),
    ("Robert Fico", "Роберт Фицо", "Роберт Фіцо", "Роберт Фицо"),
    ("Rumen Radev", "Румен Радев", "Румен Радев", "Румен Радев"),
    ("Nicolas Maduro", "Николас Мадуро", "Ніколас Мадуро", "Николас Мадуро"),
    ("Masoud Pezeshkian", "Масуд Пезешкиан", "Масуд Пезешкіан", "Масуд Пезешкиан"),
    ("Ali Khamenei", "Али Хаменеи", "Алі Хаменеї", "Али Хаменей"),
    ("Mohammed bin Salman", "Мухаммед бин Салман", "Мухаммед бін Салман", "Мохамед бин Салман"),
    ("Abdel Fattah el-Sisi", "Абдель Фаттах ас-Сиси", "Абдель Фаттах ас-Сісі", "Абдел Фатах ас Сиси"),
    ("Shigeru Ishiba", "Сигэру Исиба", "Сігеру Ісіба", "Шигеру Ишиба"),
    ("Anthony Albanese", "Энтони Албаниз", "Ентоні Албаніз", "Антъни Албанезе"),
    ("Mark Carney", "Марк Карни", "Марк Карні", "Марк Карни"),
    ("Pete Hegseth", "Пит Хегсет", "Піт Гегсет", "Пийт Хегсет"),
    ("JD Vance", "Джей Ди Вэнс", "Джей Ді Венс", "Джей Ди Ванс"),
    ("Jerome Powell", "Джером Пауэлл", "Джером Пауелл", "Джером Пауъл"),
    ("Christine Lagarde", "Кристин Лагард", "Крістін Лагард", "Кристин Лагард"),
    ("Gerhard Schroeder", "Герхард Шредер", "Герхард Шредер", "Герхард Шрьодер"),
    ("Dmitry Peskov", "Дмитрий Песков", "Дмитро Пєсков", "Дмитрий Песков"),
    ("Andriy Yermak", "Андрей Ермак", "Андрій Єрмак", "Андрий Ермак"),
    ("Yulia Svyrydenko", "Юлия Свириденко", "Юлія Свириденко", "Юлия Свириденко"),
    ("Kyriakos Mitsotakis", "Кириакос Мицотакис", "Кіріакос Міцотакіс", "Кириакос Мицотакис"),
]

TEMPLATES = {
    "en": "On Tuesday, officials said that {} had met the delegation in the capital.",
    "ru": "Во вторник чиновники сообщили, что {} встретился с делегацией в столице.",
    "uk": "У вівторок посадовці повідомили, що {} зустрівся з делегацією у столиці.",
    "bg": "Във вторник официални лица заявиха, че {} се е срещнал с делегацията в столицата.",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    articles = [
        Article(id=f"{index}-{language}", text=TEMPLATES[language].format(name), language=language)
        for index, row in enumerate(NAMES)
        for language, name in zip(LANGUAGES, row, strict=True)
    ]
    read = extract_entities(articles)
    rows = [
        MentionRow(a.id, None, m.key, m.given, m.kind, m.surface, m.lemma, m.count, a.language)
        for a in read
        for m in a.entities
    ]
    linked = _linked(rows)
    alone = _linked([row for row in rows if not row.article_id.endswith("-en")])
    results = []
    for index, row in enumerate(NAMES):
        english = set(linked.get(f"{index}-en", {}))
        links = {language: bool(english & set(linked.get(f"{index}-{language}", {}))) for language in LANGUAGES[1:]}
        results.append(
            {
                "name": row[0],
                "english_shown": sorted(linked.get(f"{index}-en", {}).values()),
                "linked": links,
                "shown": {
                    language: sorted(linked.get(f"{index}-{language}", {}).values()) for language in LANGUAGES[1:]
                },
                "cyrillic_alone_shown": {
                    language: sorted(alone.get(f"{index}-{language}", {}).values()) for language in LANGUAGES[1:]
                },
            }
        )
    right = sum(r["name"] in r["english_shown"] and all(r["linked"].values()) for r in results)
    named_alone = sum(r["name"] in shown for r in results for shown in r["cyrillic_alone_shown"].values())
    summary = {
        "names": len(NAMES),
        "linked_and_named": right,
        "cyrillic_links": sum(sum(r["linked"].values()) for r in results),
        "cyrillic_mentions": 3 * len(NAMES),
        "cyrillic_alone_named_in_english": named_alone,
    }
    if options.json:
        print(json.dumps({"summary": summary, "names": results}, ensure_ascii=False, indent=1))
        return
    for r in results:
        mark = "OK" if r["name"] in r["english_shown"] and all(r["linked"].values()) else "XX"
        cyrillic = " ".join(f"{lang}:{'+' if r['linked'][lang] else '-'}{r['shown'][lang]}" for lang in LANGUAGES[1:])
        print(f"{mark} {r['name']:28} en:{r['english_shown']} {cyrillic}")
    print(json.dumps(summary))


def _linked(rows: list[MentionRow]) -> dict[str, dict[str, str]]:
    """Each article's entities: identity -> the name shown."""
    entities, links = link_entities(rows)
    names = {entity.identity: entity.name for entity in entities}
    by_article: dict[str, dict[str, str]] = {}
    for (article_id, _key, _given), identity in links.items():
        by_article.setdefault(article_id, {})[identity] = names[identity]
    return by_article


if __name__ == "__main__":
    main()
