"""Bytes to text: gzip, binary detection and encoding recovery (cp1251, koi8-r, ...)."""

from __future__ import annotations

import gzip
import io
import zlib

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


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first block mean it is not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def decode_text(data: bytes) -> str:
    """UTF-8 when valid, else the most plausible legacy encoding; reject binary."""
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
