from pathlib import Path

from storyline.ingest.sources import read_sources
from storyline.models import Article
from storyline.stages.clean import clean_text


def test_clean_seed_002_loses_all_boilerplate(seeds_dir: Path) -> None:
    (article,) = [a for a in read_sources([str(seeds_dir / "002_d46336bcb795b0ad.txt")]) if isinstance(a, Article)]
    (cleaned,) = clean_text([article])
    for boilerplate in (
        "Свързани новини",
        "Коментари",
        "Добави коментар",
        "Водещи новини",
        "Последвайте",
        "19 ноември 2024",
        "2022.02.01 | 19:16",
        "- 3748",
        "Пашов към Крушарски",
        "Пенсиите скачат",
    ):
        assert boilerplate not in cleaned.text
    assert cleaned.text.startswith("Държавният секретар на САЩ Антъни Блинкън")
    assert cleaned.text.rstrip().endswith('следващите стъпки в процеса".')
    assert "01 февруари 2022 18:02" in cleaned.preamble
    # the glossary tooltip glued to Lavrov's name is set apart: the name and the first sentence end there
    assert "колега Сергей Лавров. Сергей Викторович Лавров е руски дипломат" in cleaned.text
    assert "ЛавровСергей" not in cleaned.text


def test_glued_tooltips_are_told_from_names_written_in_camel_case() -> None:
    text = "Glued: NATO chief RutteMark Rutte is a Dutch politician said. Not glued: McDonald, YouTube, iPhone, PlayStation."
    (cleaned,) = clean_text([Article(id="a", text=text)])
    assert "chief Rutte. Mark Rutte is a Dutch politician said." in cleaned.text
    assert "McDonald, YouTube, iPhone, PlayStation." in cleaned.text
    assert cleaned.boilerplate_removed == 1


def test_clean_keeps_subheadings_inside_the_body() -> None:
    text = "First paragraph of the story ends here.\nA subheading\nSecond paragraph continues the story.\nRead more\nOther headline\n"
    (cleaned,) = clean_text([Article(id="a", text=text)])
    assert "A subheading" in cleaned.text
    assert "Read more" not in cleaned.text and "Other headline" not in cleaned.text


def test_clean_drops_interface_phrases_mid_text() -> None:
    text = "Перший абзац статті закінчується тут.\nВідео дня\nДругий абзац статті продовжує розповідь про переговори у Будапешті."
    (cleaned,) = clean_text([Article(id="a", text=text)])
    assert "Відео дня" not in cleaned.text and cleaned.boilerplate_removed == 1
    text = "17 Powerful Quotes for the New Year\nStart Slideshow\n\nDuring this time of year, many of us plan."
    (cleaned,) = clean_text([Article(id="b", text=text)])
    assert "Slideshow" not in cleaned.text and "During this time of year" in cleaned.text


def test_clean_never_empties_an_article() -> None:
    (cleaned,) = clean_text([Article(id="a", text="Just a short line")])
    assert cleaned.text == "Just a short line"


def test_clean_removes_characters_no_text_field_holds() -> None:
    article = Article(
        id="a\x00b",
        text="Ein\x00 Satz\x07 mit\tTab\nund Zeile \ud800.",
        title="Titel\x1b[31m",
        source="Outlet\x00",
        metadata={"tags\x00": ["x\x00y", {"deep": "\udfff"}], "n": 3},
    )
    (cleaned,) = clean_text([article])
    assert cleaned.id == "ab" and cleaned.title == "Titel[31m" and cleaned.source == "Outlet"
    assert cleaned.text == "Ein Satz mit\tTab\nund Zeile \ufffd."
    assert cleaned.metadata == {"tags": ["xy", {"deep": "\ufffd"}], "n": 3}


def test_mojibake_is_undone_in_text_and_title_and_nothing_else_changes() -> None:
    """A feed or page with a wrong charset delivers UTF-8 read as Latin-1 or Windows-1252: "MÃ¼nchen" would
    be a name of its own (a store showed "Ã¼" as an entity's variant)."""
    from storyline.stages.clean import repaired

    (article,) = clean_text(
        [Article(id="a", title="Demo in NÃ¼rnberg", text="In MÃ¼nchen sagte Ð¡ÐµÑ€Ð³ÐµÐ¹ Ð›Ð°Ð²Ñ€Ð¾Ð² etwas.")]
    )
    assert article.title == "Demo in Nürnberg"
    assert article.text == "In München sagte Сергей Лавров etwas."
    for text in ("le secteur privé» à mutualiser", "“Quotes” – ﬁne &amp; wide Ａ", "Größe Ölförderung façade"):
        assert repaired(text) == text


def test_clean_drops_a_wire_story_s_editors_codes_after_its_last_full_stop() -> None:
    text = "Die Regeln sollen im Juni bekanntgegeben werden./tas/DP/mis\nSee example.com/play/aura and und/oder."
    (cleaned,) = clean_text([Article(id="a", text=text)])
    assert "/tas/DP/mis" not in cleaned.text and cleaned.text.startswith(
        "Die Regeln sollen im Juni bekanntgegeben werden."
    )
    assert "example.com/play/aura" in cleaned.text and "und/oder" in cleaned.text
