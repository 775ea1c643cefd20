"""Fetching a web page or feed over HTTP(S): a timeout for the whole transfer and a size limit.

Only ``http`` and ``https`` are fetched (never ``file:`` or other schemes a URL could name);
the body is read in chunks and refused as soon as it passes the limit.
"""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from articles.sources import MAX_BYTES, LoadError

TIMEOUT_S = 20.0
USER_AGENT = "newsread/0.1 (terminal news reader)"
_CHUNK = 64 * 1024


class FetchError(LoadError):
    """A URL that could not be fetched; ``str()`` names the URL and the reason."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str | None  # e.g. "text/html"
    charset: str | None  # from the Content-Type header, when given


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only (urllib would also follow one to ``ftp:``)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if not is_url(newurl):
            raise FetchError(
                f"{req.full_url}: redirected to a non-web address ({newurl.split(':', 1)[0]}:), not followed"
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


def is_url(ref: str) -> bool:
    return ref.lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET ``url``; ``FetchError`` on a bad scheme, HTTP error, timeout or a body larger than ``max_bytes``."""
    if not is_url(url):
        raise FetchError(f"{url}: only http:// and https:// addresses can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    deadline = time.monotonic() + timeout
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{url}: larger than {_size(max_bytes)}, not fetched")
            chunks, size = [], 0
            while chunk := response.read1(_CHUNK):  # what has arrived: a server dribbling bytes meets the deadline
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url}: larger than {_size(max_bytes)}, not fetched")
                if time.monotonic() > deadline:
                    raise FetchError(f"{url}: timed out after {timeout:g} s")
                chunks.append(chunk)
            return Fetched(
                url=response.geturl(),
                data=b"".join(chunks),
                content_type=headers.get_content_type() if headers.get("Content-Type") else None,
                charset=headers.get_content_charset(),
            )
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400 and "infinite loop" in str(exc.msg):
            raise FetchError(f"{url}: redirected too many times (HTTP {exc.code}), not followed") from exc
        raise FetchError(f"{url}: HTTP {exc.code} {' '.join(str(exc.reason).split())}") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError | socket.timeout):
            raise FetchError(f"{url}: timed out after {timeout:g} s") from exc
        raise FetchError(f"{url}: cannot connect ({exc.reason})") from exc
    except TimeoutError as exc:
        raise FetchError(f"{url}: timed out after {timeout:g} s") from exc
    except (OSError, ValueError) as exc:
        raise FetchError(f"{url}: {exc}") from exc


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
