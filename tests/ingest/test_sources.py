import gzip
import json
from pathlib import Path

from storyline.ingest.sources import read_sources
from storyline.models import Article, Rejection


def _read(*paths: Path) -> tuple[list[Article], list[Rejection]]:
    items = list(read_sources([str(p) for p in paths]))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Rejection)]


def test_sources_text_marker_and_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        " date 2025-10-21 Big summit postponed\nThe summit was postponed, officials said.\n", encoding="utf-8"
    )
    (article,), rejected = _read(path)
    assert not rejected
    assert article.title == "Big summit postponed"
    assert article.date_hints == (("marker", "2025-10-21"),)
    assert article.text.startswith("The summit")


def test_sources_sentence_first_line_is_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The summit was postponed on Tuesday, officials said.\nMore text.\n", encoding="utf-8")
    (article,), _ = _read(path)
    assert article.title is None


def test_sources_bad_files_are_rejected_with_reason_and_good_ones_kept(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Headline here\nBody of the article.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (tmp_path / "bad.jsonl").write_text('{"text": "fine record"}\n{not json\n{"title": "no text"}\n', encoding="utf-8")
    articles, rejected = _read(tmp_path)
    reasons = {
        Path(r.where.split(":")[0]).name + (":" + r.where.split(":")[1] if ":" in r.where else ""): r.reason
        for r in rejected
    }
    assert len(articles) == 2
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "malformed JSON" in reasons["bad.jsonl:2"]
    assert "no text" in reasons["bad.jsonl:3"]


def test_sources_missing_path_is_rejected(tmp_path: Path) -> None:
    articles, rejected = _read(tmp_path / "nope.txt")
    assert not articles and rejected[0].reason == "no such file or folder"


def test_sources_legacy_cyrillic_encoding_is_decoded(tmp_path: Path) -> None:
    text = (
        "Переговоры в Будапеште отложены\nМинистр иностранных дел заявил, что встреча отложена на неопределённый срок."
    )
    path = tmp_path / "cp1251.txt"
    path.write_bytes(text.encode("cp1251"))
    (article,), rejected = _read(path)
    assert not rejected
    assert article.title == "Переговоры в Будапеште отложены"


def test_sources_gzip_json_records_keep_metadata(tmp_path: Path) -> None:
    record = {
        "id": "x1",
        "url": "https://example.org/a",
        "title": "T",
        "text": "Body text.",
        "published": "2025-01-02",
        "section": "world",
    }
    path = tmp_path / "records.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps(record) + "\n").encode()))
    (article,), rejected = _read(path)
    assert not rejected
    assert article.id == "x1" and article.url == "https://example.org/a"
    assert article.source == "example.org"
    assert article.metadata["section"] == "world"
    assert article.date_hints == (("metadata", "2025-01-02"),)


def test_sources_html_page_extracts_text_title_and_date(tmp_path: Path) -> None:
    body = "<p>" + "The foreign ministers met in Vienna to discuss the ceasefire proposal in detail. " * 6 + "</p>"
    html = (
        '<html><head><title>Ministers meet in Vienna</title><link rel="canonical" href="https://news.example.com/vienna">'
        '<meta property="og:site_name" content="Example News"><meta property="article:published_time" content="2025-03-04T10:00:00Z">'
        f"</head><body><nav>Home | World | Sport</nav><article><h1>Ministers meet in Vienna</h1>{body}</article>"
        "<footer>Copyright Example News</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (article,), rejected = _read(path)
    assert not rejected
    assert article.title == "Ministers meet in Vienna"
    assert article.url == "https://news.example.com/vienna"
    assert article.source == "Example News"
    assert ("html", "2025-03-04") in article.date_hints
    assert "Home | World" not in article.text and "Vienna to discuss" in article.text


def test_sources_html_page_loses_tooltips_and_hidden_widgets_but_keeps_the_names(tmp_path: Path) -> None:
    sentence = (
        'Blinken told his Russian counterpart <a class="glossary-term has-tooltip" href="/tag/lavrov">Sergei Lavrov'
        '<span class="glossary-tooltip">Sergei Viktorovich Lavrov is a Russian diplomat, foreign minister since 2004</span>'
        "</a> in a phone call today that Russia should pull its troops back from the border. "
    )
    html = (
        '<?xml version="1.0" encoding="utf-8"?><html><head><title>Blinken calls Lavrov</title></head><body><article>'
        f"<p>{sentence * 3}</p><p>The call lasted about 30 minutes<span hidden>Share on social media</span>"
        ' and was frank<span role="tooltip">Definition of frank</span>, an official said.</p></article></body></html>'
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (article,), rejected = _read(path)
    assert not rejected
    assert "counterpart Sergei Lavrov in a phone call today" in article.text
    assert "lasted about 30 minutes and was frank, an official said." in article.text
    for widget in ("Russian diplomat", "2004", "Share on", "Definition of"):
        assert widget not in article.text


def test_sources_rss_feed_gives_one_article_per_item(tmp_path: Path) -> None:
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Feed</title>
    <item><title>First story</title><link>https://ex.org/1</link><pubDate>Tue, 21 Oct 2025 10:00:00 GMT</pubDate>
    <description>&lt;p&gt;The first body.&lt;/p&gt;</description></item>
    <item><title>Second story</title><link>https://ex.org/2</link><description>Second body.</description></item>
    </channel></rss>"""
    path = tmp_path / "feed.xml"
    path.write_text(feed, encoding="utf-8")
    articles, rejected = _read(path)
    assert not rejected
    assert [a.title for a in articles] == ["First story", "Second story"]
    assert articles[0].date_hints == (("metadata", "2025-10-21"),)
    assert articles[0].text == "The first body." and articles[0].source == "Example Feed"


def test_sources_documents_that_are_not_text_are_rejected_whatever_their_name(tmp_path: Path) -> None:
    files = {
        "doc.pdf": (b"%PDF-1.4 junk", "a PDF document"),
        "notes.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        "scan": (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        "report.docx": (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a ZIP archive or office document"),
        "old.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "an old Microsoft Office document"),
        "letter.txt": (b"{\\rtf1\\ansi Dear reader", "an RTF document"),
        "clip.json": (b"\x00\x00\x00\x18ftypmp42", "an audio or video file"),
        "bundle.jsonl.gz": (gzip.compress(b"%PDF-1.4 inside gzip"), "a PDF document"),
    }
    for name, (content, _kind) in files.items():
        (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text("PDF files are not read, officials said on Monday.\n", encoding="utf-8")
    articles, rejected = _read(tmp_path)
    assert [article.path for article in articles] == [str(tmp_path / "good.txt")]
    reasons = {Path(rejection.where).name: rejection.reason for rejection in rejected}
    for name, (_content, kind) in files.items():
        assert reasons[name].startswith(kind) and "not text" in reasons[name], (name, reasons[name])
