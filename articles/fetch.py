"""Fetching a web page or feed over HTTP(S): a timeout for the whole transfer and a size limit.

Only ``http`` and ``https`` are fetched (never ``file:`` or other schemes a URL could name);
the body is read in chunks and refused as soon as it passes the limit. A socket timeout only
bounds each wait, so a server sending one header byte at a time could hold a fetch for ever:
a watchdog shuts the fetch's sockets when its whole time is up, redirects included.

Redirects (urllib's: 301, 302, 303, 307, 308, at most 10) are followed to http(s) addresses only,
on any host and port. With ``NEWSREAD_BLOCK_PRIVATE=1`` every hop, the first included, is refused
when its host resolves to an address that is not public (loopback, private, link-local, reserved),
and the address actually connected to is checked again (a name may resolve differently the second time).
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import ipaddress
import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from typing import IO, Any

from articles.sources import MAX_BYTES, LoadError

TIMEOUT_S = 20.0
USER_AGENT = "newsread/0.1 (terminal news reader)"
_CHUNK = 64 * 1024
BLOCK_PRIVATE_ENV = "NEWSREAD_BLOCK_PRIVATE"


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

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not is_url(newurl):
            raise FetchError(
                f"{req.full_url}: redirected to a non-web address ({newurl.split(':', 1)[0]}:), not followed"
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Deadline:
    """The end of one fetch: when it passes, every socket the fetch opened is shut down."""

    def __init__(self, seconds: float):
        self.at = time.monotonic() + seconds
        self.passed = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        return max(0.01, self.at - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.passed:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.passed = True
            for sock in self._sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    # The plain socket method, also for TLS sockets: the reading thread keeps its TLS state and simply sees EOF.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def block_private() -> bool:
    """Whether ``NEWSREAD_BLOCK_PRIVATE`` asks to refuse fetches from non-public addresses."""
    return os.environ.get(BLOCK_PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def is_public(address: str) -> bool:
    """Whether an IP address is a public (globally routable) one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _refuse_private(url: str, host: str, port: int | None) -> None:
    """``FetchError`` when ``host`` resolves to any address that is not public."""
    try:
        found = socket.getaddrinfo(host, port or 80, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return  # the connection itself will say what is wrong
    for *_, address in found:
        if not is_public(str(address[0])):
            raise FetchError(f"{url}: {host} is a private address ({address[0]}), not fetched ({BLOCK_PRIVATE_ENV})")


def _check_hop(req: urllib.request.Request) -> None:
    """Under ``NEWSREAD_BLOCK_PRIVATE``, refuse this request (the first or a redirect) to a private address."""
    if block_private():
        parts = urllib.parse.urlsplit(req.full_url)
        _refuse_private(req.full_url, parts.hostname or "", parts.port)


def _watched(base: type[http.client.HTTPConnection], deadline: _Deadline) -> type[http.client.HTTPConnection]:
    """``base`` with every socket it opens (TLS handshake included) under ``deadline``; with ``check_peer``,
    the address connected to must be public."""

    class Watched(base):  # type: ignore[valid-type, misc]
        def __init__(self, *args: Any, check_peer: bool = False, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.check_peer = check_peer
            # http.client sets this per instance (to socket.create_connection), hiding the method below
            self._create_connection = self._connect_watched

        def connect(self) -> None:
            self.timeout: float = min(self.timeout, deadline.remaining())
            super().connect()
            deadline.watch(self.sock)

        def _connect_watched(self, *args: Any, **kwargs: Any) -> socket.socket:
            sock = socket.create_connection(*args, **kwargs)
            deadline.watch(sock)
            if self.check_peer and not is_public(str(sock.getpeername()[0])):
                sock.close()
                raise FetchError(f"{self.host}: connected to a private address, not fetched ({BLOCK_PRIVATE_ENV})")
            return sock

    return Watched


def _connection(cls: Callable[..., http.client.HTTPConnection], req: urllib.request.Request) -> Any:
    """``cls`` (a ``_watched`` class), checking the peer under ``NEWSREAD_BLOCK_PRIVATE`` unless a proxy is the peer."""
    return functools.partial(cls, check_peer=block_private() and not req.has_proxy())


class _DeadlineHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self._connection = _watched(http.client.HTTPConnection, deadline)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        _check_hop(req)
        return self.do_open(_connection(self._connection, req), req)


class _DeadlineHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self._connection = _watched(http.client.HTTPSConnection, deadline)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        _check_hop(req)
        # HTTPSHandler keeps its TLS settings in attributes typeshed does not declare
        context, check_hostname = getattr(self, "_context", None), getattr(self, "_check_hostname", None)
        return self.do_open(_connection(self._connection, req), req, context=context, check_hostname=check_hostname)


_NOT_HTTP = {
    "BadStatusLine": "no HTTP status line",
    "LineTooLong": "a header line too long",
    "IncompleteRead": "the answer ended early",
    "RemoteDisconnected": "the server closed the connection without answering",
}


def is_url(ref: str) -> bool:
    return ref.lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET ``url``; ``FetchError`` on a bad scheme, HTTP error, timeout or a body larger than ``max_bytes``."""
    if not is_url(url):
        raise FetchError(f"{url}: only http:// and https:// addresses can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    timed_out = FetchError(f"{url}: timed out after {timeout:g} s")
    with _Deadline(timeout) as deadline:
        opener = urllib.request.build_opener(
            _HttpOnlyRedirects, _DeadlineHTTPHandler(deadline), _DeadlineHTTPSHandler(deadline)
        )
        try:
            return _get(opener, request, url, max_bytes, deadline, timed_out)
        except FetchError:
            raise
        except (OSError, ValueError, http.client.HTTPException) as exc:
            if deadline.passed:  # whatever the shut sockets made the HTTP client say
                raise timed_out from exc
            raise _describe(url, exc, timed_out) from exc


def _get(
    opener: urllib.request.OpenerDirector,
    request: urllib.request.Request,
    url: str,
    max_bytes: int,
    deadline: _Deadline,
    timed_out: FetchError,
) -> Fetched:
    with opener.open(request, timeout=deadline.remaining()) as response:
        headers: Message = response.headers
        length = headers.get("Content-Length")
        if length and length.isdigit() and int(length) > max_bytes:
            raise FetchError(f"{url}: larger than {_size(max_bytes)}, not fetched")
        chunks, size = [], 0
        while chunk := response.read1(_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"{url}: larger than {_size(max_bytes)}, not fetched")
            chunks.append(chunk)
        if deadline.passed:  # the watchdog's shutdown looks like the end of the body
            raise timed_out
        return Fetched(
            url=response.geturl(),
            data=b"".join(chunks),
            content_type=headers.get_content_type() if headers.get("Content-Type") else None,
            charset=headers.get_content_charset(),
        )


def _describe(url: str, exc: Exception, timed_out: FetchError) -> FetchError:
    """One line for what went wrong with ``url``."""
    if isinstance(exc, urllib.error.HTTPError):
        if 300 <= exc.code < 400 and "infinite loop" in str(exc.msg):
            return FetchError(f"{url}: redirected too many times (HTTP {exc.code}), not followed")
        return FetchError(f"{url}: HTTP {exc.code} {' '.join(str(exc.reason).split())}")
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, TimeoutError | socket.timeout):
        return timed_out
    if isinstance(reason, http.client.HTTPException):
        name = type(reason).__name__
        return FetchError(f"{url}: not a valid HTTP answer ({_NOT_HTTP.get(name, name)})")
    if isinstance(exc, urllib.error.URLError):
        return FetchError(f"{url}: cannot connect ({exc.reason})")
    return FetchError(f"{url}: {exc}")


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
