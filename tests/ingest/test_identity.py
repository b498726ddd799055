"""Article identity: the same content, however its whitespace and case, is one article."""

import hashlib

from storyline.ingest.identity import article_id, content_hash, normalise_content


def test_identity_reduces_every_kind_of_whitespace_and_case() -> None:
    text = "\u2003 Talks\u00a0in\tBUDAPEST\r\n\x1c postponed \u3000"
    assert normalise_content(text) == "talks in budapest postponed"
    assert content_hash(text) == hashlib.sha1(b"talks in budapest postponed").hexdigest()
    assert article_id(None, text) == content_hash("Talks in Budapest postponed")[:16]
    assert article_id(" https://example.org/a ", text) == hashlib.sha1(b"https://example.org/a").hexdigest()[:16]
    assert article_id("https://example.org/a", text, given=" 42 ") == "42"
