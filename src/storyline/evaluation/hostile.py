"""A corpus of hostile inputs mixed with good articles, and what an ingest of it must do.

``write_corpus`` fills a folder with good articles (plain text, HTML, JSON, JSON lines, RSS, some in
cp1251 / koi8-r) and hostile inputs (binary, empty, broken encodings, truncated and deeply nested HTML,
huge files and lines, malformed and huge JSON records, broken feeds, impossible dates, unsupported
scripts, gzip bombs, pipes). Every good article carries a unique reference ("Ref 1234567890."); the
returned ``Corpus`` lists them (each must be stored exactly once), the words that stored texts must
contain (recovered encodings), and the files that must be rejected. Deterministic for a seed.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MIB = 1024 * 1024

# Short news sentences per language; a good article combines several with unique names and numbers.
SENTENCES = {
    "en": [
        "The minister of {place} met the delegation on Tuesday to discuss the {n} proposals.",
        "Officials said the talks in {place} would continue next week.",
        "{name} told reporters that the agreement covers {n} projects.",
    ],
    "de": [
        "Der Minister aus {place} traf am Dienstag die Delegation, um {n} Vorschläge zu besprechen.",
        "{name} sagte, die Gespräche würden in der nächsten Woche fortgesetzt.",
    ],
    "fr": [
        "Le ministre de {place} a rencontré la délégation mardi pour discuter de {n} propositions.",
        "{name} a déclaré que les négociations se poursuivraient la semaine prochaine.",
    ],
    "es": [
        "El ministro de {place} se reunió el martes con la delegación para discutir {n} propuestas.",
        "{name} dijo que las conversaciones continuarán la próxima semana.",
    ],
    "ru": [
        "Министр из города {place} во вторник встретился с делегацией, чтобы обсудить {n} предложений.",
        "{name} заявил журналистам, что переговоры продолжатся на следующей неделе.",
    ],
    "bg": [
        "Министърът от {place} се срещна във вторник с делегацията, за да обсъди {n} предложения.",
        "{name} заяви пред журналисти, че преговорите ще продължат следващата седмица.",
    ],
    "uk": [
        "Міністр із міста {place} у вівторок зустрівся з делегацією, щоб обговорити {n} пропозицій.",
        "{name} заявив журналістам, що переговори триватимуть наступного тижня.",
    ],
    "tr": [
        "{place} bakanı salı günü heyetle bir araya gelerek {n} öneriyi görüştü.",
        "{name} gazetecilere görüşmelerin gelecek hafta süreceğini söyledi.",
    ],
}
PLACES = ["Vienna", "Lisbon", "Warsaw", "Ankara", "Sofia", "Kyiv", "Madrid", "Oslo", "Prague", "Riga"]
NAMES = ["Anna Berg", "Marek Nowak", "Elena Petrova", "Jean Martin", "Ayşe Kaya", "Ivan Horak", "Lucia Ruiz"]
CYRILLIC_NAMES = ["Анна Берг", "Марек Новак", "Елена Петрова", "Иван Горак", "Олег Ткач"]
CYRILLIC = ("ru", "bg", "uk")
_REFERENCE = re.compile(r"Ref (\d{10})")
UNSUPPORTED_SCRIPTS = ["ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ", "ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵏⴰⵡⴰⵢⵜ ", "𐀀𐀁𐀂𐀃 𐀄𐀅 ", "🙂🚀🌍 ", "ꦧꦱꦗꦮ ꦲꦏ꧀ꦱꦫ "]


@dataclass
class Corpus:
    """What was written, and what an ingest of it must do."""

    folder: Path
    good: set[str] = field(default_factory=set)  # references of good articles: each stored exactly once
    must_contain: dict[str, str] = field(default_factory=dict)  # reference -> a word its stored text has
    must_reject: set[str] = field(default_factory=set)  # files that must be rejected, with a reason
    hostile: int = 0  # hostile inputs written (files, plus bad records and lines inside files)
    vanishing: list[Path] = field(default_factory=list)  # files a test removes while the ingest runs


class _Writer:
    def __init__(self, folder: Path, seed: int, languages: tuple[str, ...]) -> None:
        self.folder = folder
        self.random = random.Random(seed)
        self.languages = sorted(languages)
        self.count = 0

    def path(self, suffix: str) -> Path:
        self.count += 1
        return self.folder / f"{self.count:05d}{suffix}"

    def article(self, language: str | None = None) -> tuple[str, str, str]:
        """(language, title, text) of a unique article; its text ends with its reference."""
        language = language or self.random.choice(self.languages)
        values = {
            "place": self.random.choice(PLACES),
            "name": self.random.choice(CYRILLIC_NAMES if language in CYRILLIC else NAMES),
            "n": self.random.randint(2, 10_000_000),
        }
        sentences = [s.format(**values) for s in self.random.sample(SENTENCES[language], len(SENTENCES[language]))]
        text = " ".join(sentences) + f" Ref {self.random.randint(10**9, 10**10 - 1)}."
        title = sentences[0][:80]
        return language, title, text


def write_corpus(
    folder: Path,
    hostile: int = 1000,
    good: int = 100,
    seed: int = 0,
    big_files: bool = True,
    languages: tuple[str, ...] = tuple(SENTENCES),
) -> Corpus:
    """Write ``good`` good articles and at least ``hostile`` hostile inputs into ``folder``, in
    ``languages`` (cp1251 / koi8-r articles are Russian or Bulgarian whatever the choice)."""
    folder.mkdir(parents=True, exist_ok=True)
    writer = _Writer(folder, seed, languages)
    corpus = Corpus(folder)
    for index in range(good):
        _GOOD_WRITERS[index % len(_GOOD_WRITERS)](writer, corpus)
    makers = list(_HOSTILE_MAKERS)
    while corpus.hostile < hostile:
        maker = makers[writer.random.randrange(len(makers))]
        maker(writer, corpus)
        corpus.hostile += 1
    if big_files:
        _big_files(writer, corpus)
    return corpus


# ---- good articles ------------------------------------------------------------------------


def _good_text(writer: _Writer, corpus: Corpus) -> None:
    _language, title, text = writer.article()
    writer.path(".txt").write_text(
        f" date 2025-10-{writer.random.randint(1, 28):02d} {title}\n{text}\n", encoding="utf-8"
    )
    corpus.good.add(reference(text))


def _good_json_line(writer: _Writer, corpus: Corpus) -> None:
    records = []
    for _ in range(3):
        language, title, text = writer.article()
        records.append(json.dumps({"title": title, "text": text, "language": language}))
        corpus.good.add(reference(text))
    # A bad line between good ones must not cost the good ones.
    records.insert(1, '{"id": "broken", "text": ')
    corpus.hostile += 1
    writer.path(".jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")


def _good_html(writer: _Writer, corpus: Corpus) -> None:
    _language, title, text = writer.article()
    html = (
        f"<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>"
        f"<article><h1>{title}</h1><p>{text}</p><p>{text}</p></article><footer>Copyright</footer></body></html>"
    )
    writer.path(".json").write_text(json.dumps({"html": html}), encoding="utf-8")
    corpus.good.add(reference(text))


def _good_legacy_encoding(writer: _Writer, corpus: Corpus) -> None:
    """Russian or Bulgarian news in cp1251 or koi8-r: must be decoded, not rejected."""
    language = writer.random.choice(["ru", "bg"])
    encoding = "koi8-r" if language == "ru" and writer.random.random() < 0.5 else "cp1251"
    _language, title, text = writer.article(language)
    writer.path(".txt").write_bytes(f"{title}\n{text}\n".encode(encoding))
    corpus.good.add(reference(text))
    corpus.must_contain[reference(text)] = text.split()[0]


def _good_feed(writer: _Writer, corpus: Corpus) -> None:
    items = []
    for number in range(2):
        _language, title, text = writer.article()
        link = f"https://feed.example/{number}/{reference(text)[4:]}"
        items.append(
            f"<item><title>{title}</title><link>{link}</link><description>{text}</description>"
            "<pubDate>Tue, 21 Oct 2025 10:00:00 GMT</pubDate></item>"
        )
        corpus.good.add(reference(text))
    items.append("<item><title>No text at all</title></item>")  # a broken item beside good ones
    corpus.hostile += 1
    writer.path(".rss").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>{"".join(items)}</channel></rss>',
        encoding="utf-8",
    )


_GOOD_WRITERS: list[Callable[[_Writer, Corpus], None]] = [
    _good_text,
    _good_json_line,
    _good_html,
    _good_legacy_encoding,
    _good_feed,
]


# ---- hostile inputs -------------------------------------------------------------------------


def _binary(writer: _Writer, corpus: Corpus) -> None:
    path = writer.path(writer.random.choice([".txt", ".html", ".jsonl", ".bin", ""]))
    data = bytes(writer.random.randrange(256) for _ in range(writer.random.randint(64, 4096)))
    path.write_bytes(b"\x00\x01" + data)
    corpus.must_reject.add(str(path))


def _empty(writer: _Writer, corpus: Corpus) -> None:
    path = writer.path(writer.random.choice([".txt", ".html", ".json", ".jsonl"]))
    path.write_bytes(writer.random.choice([b"", b"   \n\t\n", b"\xef\xbb\xbf"]))
    corpus.must_reject.add(str(path))


def _broken_utf8(writer: _Writer, corpus: Corpus) -> None:
    """Valid UTF-8 with stray bytes, or UTF-8 and cp1251 mixed: read as best can be, never a crash."""
    _language, title, text = writer.article("ru")
    good = f"{title}\n{text}".encode()
    cut = writer.random.randrange(1, len(good))
    data = good[:cut] + bytes([0xFF, 0xC3, 0x28]) + good[cut:] + " Ещё текст".encode("cp1251")
    writer.path(".txt").write_bytes(data)


def _truncated_html(writer: _Writer, _corpus: Corpus) -> None:
    _language, title, text = writer.article()
    html = f"<html><head><title>{title}</title></head><body><article><p>{text}</p><p>{text}</p></article></body></html>"
    writer.path(".html").write_text(html[: writer.random.randrange(10, len(html))], encoding="utf-8")


def _nested_html(writer: _Writer, _corpus: Corpus) -> None:
    depth = writer.random.choice([500, 5_000, 50_000])
    _language, _title, text = writer.article()
    writer.path(".html").write_text(
        "<html><body>" + "<div><span>" * depth + text + "</span></div>" * (depth // 2), encoding="utf-8"
    )


def _malformed_json(writer: _Writer, corpus: Corpus) -> None:
    path = writer.path(writer.random.choice([".json", ".jsonl"]))
    depth = writer.random.choice([10, 100_000])
    bodies = [
        '{"text": ',
        '{"text": 42}',
        '{"text": ["a", "b"]}',
        '{"title": "no text here"}',
        "[" * depth + "]" * depth,
        '{"text": "' + "\\ud800" * 10 + '"}',
        "null",
        '"just a string"',
        '{"text": "' + "a" * 100 + '", "published": {"nested": [1, 2, {"x": null}]}}',
    ]
    body = writer.random.choice(bodies)
    path.write_text(body, encoding="utf-8")
    if "aaaa" not in body and "\\ud800" not in body:
        corpus.must_reject.add(str(path))


def _huge_record(writer: _Writer, corpus: Corpus) -> None:
    """A JSON line of 9 MiB among good lines: that record is rejected, the others are stored."""
    language, title, text = writer.article()
    lines = [
        json.dumps({"title": title, "text": text, "language": language}),
        json.dumps({"text": "x " * (9 * MIB // 2 + 10)}),
    ]
    writer.path(".jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus.good.add(reference(text))


def _broken_feed(writer: _Writer, _corpus: Corpus) -> None:
    _language, title, text = writer.article()
    feeds = [
        f'<?xml version="1.0"?><rss><channel><item><title>{title}</title><description>{text}',
        '<?xml version="1.0"?><rss><channel><item><pubDate>not a date</pubDate></item></channel></rss>',
        f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>{title}</title>'
        "<updated>3748-99-99</updated></entry></feed>",
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<rss><channel><item><title>&b;&b;&b;</title><description>&b;</description></item></channel></rss>",
    ]
    writer.path(".rss").write_text(writer.random.choice(feeds), encoding="utf-8")


def _impossible_date(writer: _Writer, corpus: Corpus) -> None:
    """A good article with a date that cannot be: stored, without the date."""
    _language, title, text = writer.article()
    corpus.good.add(reference(text))
    if writer.random.random() < 0.5:
        writer.path(".txt").write_text(f" date 3748-01-01 {title}\n{text}\n", encoding="utf-8")
    else:
        published = writer.random.choice(["3748-05-01", "0000-00-00", "2025-02-30", "-1", "1e308", "yesterday"])
        record = {"id": f"date-{reference(text)[4:]}", "title": title, "text": text, "published": published}
        writer.path(".json").write_text(json.dumps(record), encoding="utf-8")


def _unsupported_script(writer: _Writer, _corpus: Corpus) -> None:
    script = writer.random.choice(UNSUPPORTED_SCRIPTS)
    writer.path(".txt").write_text((script * writer.random.randint(3, 200)).strip() + "\n", encoding="utf-8")


def _control_characters(writer: _Writer, corpus: Corpus) -> None:
    """A good article with direction overrides, zero-width and terminal control characters, a NUL."""
    _language, title, text = writer.article()
    corpus.good.add(reference(text))
    nasty = "\u202e\u200b\ufeff\u0007\u001b[31m"
    record = {"id": f"ctl-{reference(text)[4:]}", "title": nasty + title, "text": text + "\u0000" + nasty}
    writer.path(".jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")


def _bad_gzip(writer: _Writer, corpus: Corpus) -> None:
    path = writer.path(".txt.gz")
    path.write_bytes(b"\x1f\x8b\x08\x00" + bytes(writer.random.randrange(256) for _ in range(200)))
    corpus.must_reject.add(str(path))


def _vanishing(writer: _Writer, corpus: Corpus) -> None:
    _language, title, text = writer.article()
    path = writer.path(".txt")
    path.write_text(f"{title}\n{text}\n", encoding="utf-8")
    corpus.vanishing.append(path)


def _pipe(writer: _Writer, corpus: Corpus) -> None:
    """A named pipe: reading it would block forever; a folder walk skips it."""
    path = writer.path(".txt")
    if hasattr(os, "mkfifo"):
        os.mkfifo(path)


_HOSTILE_MAKERS: list[Callable[[_Writer, Corpus], None]] = [
    _binary,
    _empty,
    _broken_utf8,
    _truncated_html,
    _nested_html,
    _malformed_json,
    _huge_record,
    _broken_feed,
    _impossible_date,
    _unsupported_script,
    _control_characters,
    _bad_gzip,
    _vanishing,
    _pipe,
]


def _big_files(writer: _Writer, corpus: Corpus) -> None:
    """One of each: a 50 MiB text, a 10 MiB single line, a gzip bomb, a 3 MiB article (kept, cut)."""
    path = writer.path(".txt")
    with path.open("w", encoding="utf-8") as stream:
        line = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 20 + "\n"
        for _ in range(50 * MIB // len(line) + 1):
            stream.write(line)
    corpus.must_reject.add(str(path))
    path = writer.path(".txt")
    path.write_text("word " * (10 * MIB // 5), encoding="utf-8")
    corpus.must_reject.add(str(path))
    path = writer.path(".txt.gz")
    with gzip.open(path, "wb", compresslevel=9) as stream:
        block = b"\x00" * MIB
        for _ in range(300):
            stream.write(block)
    corpus.must_reject.add(str(path))
    _language, title, text = writer.article()
    writer.path(".json").write_text(
        json.dumps({"title": title, "text": (text + "\n") * (3 * MIB // len(text))}), encoding="utf-8"
    )
    corpus.good.add(reference(text))
    corpus.hostile += 4


def reference(text: str) -> str:
    """The unique reference a generated article's text ends with."""
    return text[text.rindex("Ref ") :].rstrip(".")


@dataclass
class Verdict:
    """What an ingest of a corpus did, against what it had to do."""

    good: int
    stored_once: int
    missing: list[str]
    stored_more_than_once: list[str]
    encodings_wrong: list[str]
    not_rejected: list[str]

    @property
    def passed(self) -> bool:
        return not (self.missing or self.stored_more_than_once or self.encodings_wrong or self.not_rejected)


def verify(corpus: Corpus, stored_texts: list[str], rejected_paths: set[str]) -> Verdict:
    """Compare the stored article texts and the rejected inputs with what the corpus requires."""
    counts = dict.fromkeys(corpus.good, 0)
    texts_of: dict[str, str] = {}
    for text in stored_texts:
        for found in set(_REFERENCE.findall(text)):
            ref = f"Ref {found}"
            if ref in counts:
                counts[ref] += 1
                texts_of[ref] = text
    return Verdict(
        good=len(corpus.good),
        stored_once=sum(1 for count in counts.values() if count == 1),
        missing=sorted(ref for ref, count in counts.items() if count == 0),
        stored_more_than_once=sorted(ref for ref, count in counts.items() if count > 1),
        encodings_wrong=sorted(
            ref for ref, word in corpus.must_contain.items() if ref in texts_of and word not in texts_of[ref]
        ),
        not_rejected=sorted(path for path in corpus.must_reject if not _rejected(path, rejected_paths)),
    )


def _rejected(path: str, rejected: set[str]) -> bool:
    """The file, or a line or record of it ("path:3", "path:#2"), was rejected."""
    return path in rejected or any(where.startswith(path + ":") for where in rejected)
