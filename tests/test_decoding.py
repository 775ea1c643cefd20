"""Decoding bytes from the outside world: legacy Arabic code pages, UTF-16, BOMs, binary."""

from __future__ import annotations

import os

import pytest

from articles.decoding import DecodeError, decode_bytes

ARABIC = "قال رئيس الوزراء إن الحكومة ستبدأ العمل على المشروع الجديد في الأسبوع المقبل.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "iso-8859-6"])
def test_arabic_in_common_encodings(encoding):
    assert decode_bytes(ARABIC.encode(encoding)) == ARABIC


def test_short_legacy_arabic_is_not_mistaken_for_another_script():
    text = "قال الرئيس إن الاجتماع كان مثمرا"
    assert decode_bytes(text.encode("iso-8859-6")) == text
    assert decode_bytes(text.encode("cp1256")) == text


def test_windows_newlines_are_normalized():
    assert decode_bytes("سطر\r\nسطر".encode()) == "سطر\nسطر"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
    ],
)
def test_refused_inputs(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


def test_random_bytes_are_refused():
    with pytest.raises(DecodeError):
        decode_bytes(os.urandom(4096) + b"\x00")
