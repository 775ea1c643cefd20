"""Bytes to text: BOMs first, then strict UTF-8, then a charset library's best guess.

Arabic legacy files (Windows-1256, ISO-8859-6) and UTF-16 exports are common in news
work; binary data and undecodable bytes are refused rather than stored as mojibake.
"""

from __future__ import annotations

import codecs
import re

from summarize.text import arabic_share

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f", "\v"}
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # C0/C1 controls but \t \n \v \f \r


class DecodeError(ValueError):
    """The bytes are not text newsread can read; the message says why, in one line."""


def _control_share(text: str) -> float:
    sample = text[:20000]
    controls = len(_CONTROL_CHARS.findall(sample))
    return controls / len(sample) if sample else 0.0


def _looks_like_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is zero for Latin text, or 0x06 for Arabic."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for high, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if (high.count(0) + high.count(6)) / len(high) > 0.9:  # bytes.count: no Python loop per byte
            return encoding
    return None


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` to text or raise ``DecodeError``; newlines are normalized to ``\\n``."""
    if not data.strip():
        raise DecodeError("empty input" if not data else "input is only whitespace")
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"not valid {encoding} text despite its byte-order mark") from exc
            break
    if text is None and (utf16 := _looks_like_utf16(data)):
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            text = None
    if text is None:
        if b"\x00" in data[:65536]:
            raise DecodeError("binary data, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _guess(data)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise DecodeError("binary data, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DecodeError("input is only whitespace")
    return text


_ARABIC_CODEPAGES = ["cp1256", "iso8859_6", "cp720", "cp864"]
_MAX_CHAOS = 0.1


def _guess(data: bytes) -> str:
    """Arabic code pages get the first say (short Arabic ISO-8859-6 text otherwise passes for Thai)."""
    from charset_normalizer import from_bytes

    sample = data[:1_000_000]
    arabic = from_bytes(sample, cp_isolation=_ARABIC_CODEPAGES).best()
    best = arabic
    if best is None or best.chaos >= _MAX_CHAOS or arabic_share(str(best)) <= 0.5:
        best = from_bytes(sample).best()
    if best is None:
        raise DecodeError("cannot tell the text encoding (binary or corrupt data?)")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeError(f"cannot decode as {best.encoding}") from exc
