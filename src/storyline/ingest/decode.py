"""Bytes to text: gzip, binary detection and encoding recovery (cp1251, koi8-r, ...)."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable

from charset_normalizer import from_bytes

MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024
ENCODING_SAMPLE_BYTES = 1024 * 1024


class UnreadableInput(ValueError):
    """The bytes cannot be turned into text; the message is the one-line reason."""


def gunzip_if_needed(data: bytes) -> bytes:
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(MAX_DECOMPRESSED_BYTES + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise UnreadableInput(f"corrupt gzip data ({error})") from error
    if len(out) > MAX_DECOMPRESSED_BYTES:
        raise UnreadableInput("gzip data expands beyond the size limit")
    return out


# Formats that are not text, known by their first bytes whatever the file is called. Some start with
# printable characters ("%PDF-1.4", "{\\rtf1") and would otherwise be read as a text.
_FORMATS: tuple[tuple[str, Callable[[bytes], bool]], ...] = (
    ("a PDF document", lambda head: head.startswith(b"%PDF-")),
    ("a PostScript document", lambda head: head.startswith(b"%!PS")),
    ("an RTF document", lambda head: head.startswith(b"{\\rtf")),
    ("a PNG image", lambda head: head.startswith(b"\x89PNG\r\n\x1a\n")),
    ("a JPEG image", lambda head: head.startswith(b"\xff\xd8\xff")),
    ("a GIF image", lambda head: head.startswith((b"GIF87a", b"GIF89a"))),
    ("a WebP image", lambda head: head.startswith(b"RIFF") and head[8:12] == b"WEBP"),
    ("a TIFF image", lambda head: head.startswith((b"II*\x00", b"MM\x00*"))),
    (
        "a ZIP archive or office document (docx, xlsx, odt, epub)",
        lambda head: head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")),
    ),
    ("an old Microsoft Office document", lambda head: head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")),
    ("a RAR archive", lambda head: head.startswith(b"Rar!\x1a\x07")),
    ("a 7-Zip archive", lambda head: head.startswith(b"7z\xbc\xaf\x27\x1c")),
    ("xz-compressed data", lambda head: head.startswith(b"\xfd7zXZ\x00")),
    ("bzip2-compressed data", lambda head: head[:3] == b"BZh" and head[4:10] == b"1AY&SY"),
    ("Zstandard-compressed data", lambda head: head.startswith(b"\x28\xb5\x2f\xfd")),
    ("an audio or video file", lambda head: head.startswith((b"ID3", b"OggS", b"fLaC")) or head[4:8] == b"ftyp"),
    ("a program", lambda head: head.startswith((b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe"))),
)


def known_format(data: bytes) -> str | None:
    """What the data is when its first bytes name a format that is not text (else None)."""
    head = data[:16]
    return next((name for name, matches in _FORMATS if matches(head)), None)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first block mean it is not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def decode_text(data: bytes) -> str:
    """UTF-8 when valid, else the most plausible legacy encoding; reject binary."""
    kind = known_format(data)
    if kind is not None:
        raise UnreadableInput(f"{kind}, not text (storyline reads text, HTML, JSON and feeds)")
    if looks_binary(data):
        raise UnreadableInput("binary content, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(_sample(data)).best()
    if best is None or best.encoding is None:
        raise UnreadableInput("not valid UTF-8 and no plausible text encoding found")
    return data.decode(best.encoding, errors="replace")


def _sample(data: bytes) -> bytes:
    """Enough of the data to recognise its encoding, cut at a line end (never inside a character)."""
    if len(data) <= ENCODING_SAMPLE_BYTES:
        return data
    end = data.rfind(b"\n", 0, ENCODING_SAMPLE_BYTES)
    return data[: end if end > 0 else ENCODING_SAMPLE_BYTES]
