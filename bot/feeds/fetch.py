"""Fetching a feed: conditional requests (ETag, Last-Modified), redirects followed by hand, bodies read
whole or refused, and a refusal to reach anything but public addresses unless the operator allows it
(an admin's URL must not probe the host's network).

The address rule is applied where the connection is made, not before: `feed_session` builds an aiohttp
connector whose resolver drops non-public answers and whose socket factory refuses a non-public peer.
So the address checked is the address connected to (a DNS answer that changes between a check and
the connection, "DNS rebinding", cannot slip through), for every hop of a redirect and for addresses
written as IP literals (which aiohttp does not pass to the resolver).
"""

from __future__ import annotations

import asyncio
import errno
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import aiohttp
from aiohappyeyeballs import AddrInfoType
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import ThreadedResolver
from yarl import URL

from bot import __version__
from bot.feeds.addresses import refusal_reason

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
TIMEOUT = aiohttp.ClientTimeout(total=20, connect=10)
TOTAL_SECONDS = 60  # the whole fetch, every redirect included
READ_CHUNK = 64 * 1024
USER_AGENT = f"discussion-bot/{__version__} (feed reader)"

# (IP address, port) → why the bot must not connect there, or None. The port is there for tests,
# which stand a local port in for a public server; the production rule ignores it.
AddressCheck = Callable[[str, int], str | None]


def public_only(ip: str, port: int) -> str | None:
    return refusal_reason(ip)


class FeedFetchError(Exception):
    """The feed could not be fetched; the message says why in words an admin understands."""


class RefusedAddress(OSError):
    """Raised inside aiohttp's connect step for a non-public address; it becomes a FeedFetchError."""

    def __init__(self, message: str) -> None:
        super().__init__(errno.EACCES, message)
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class FetchResult:
    status: int  # 200, or 304 when unchanged
    body: bytes
    etag: str | None
    last_modified: str | None
    url: str = ""  # where the body came from, after redirects (relative links are read against it)


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FeedFetchError("A feed address must start with http:// or https://.")
    return url.strip()


def _refusal(host: str, ip: str, reason: str) -> str:
    return f"{host} is not a public address ({ip} is {reason}); I only read feeds from public addresses"


class PublicAddressResolver(AbstractResolver):
    """Resolves through `inner` and keeps only the addresses the check allows; none left is an error."""

    def __init__(self, inner: AbstractResolver, check: AddressCheck) -> None:
        self.inner = inner
        self.check = check

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        answers = await self.inner.resolve(host, port, family)
        allowed = [answer for answer in answers if self.check(answer["host"], answer["port"]) is None]
        if answers and not allowed:
            first = answers[0]
            raise RefusedAddress(_refusal(host, first["host"], self.check(first["host"], first["port"]) or ""))
        return allowed

    async def close(self) -> None:
        await self.inner.close()


def _guarded_socket_factory(check: AddressCheck) -> Callable[[AddrInfoType], socket.socket]:
    """aiohttp's socket factory: called with the very address the socket will connect to."""

    def make_socket(addr_info: AddrInfoType) -> socket.socket:
        family, type_, proto, _, sockaddr = addr_info
        reason = check(sockaddr[0], sockaddr[1])
        if reason is not None:
            raise RefusedAddress(_refusal(str(sockaddr[0]), str(sockaddr[0]), reason))
        return socket.socket(family=family, type=type_, proto=proto)

    return make_socket


def feed_session(
    *, allow_private: bool, check: AddressCheck = public_only, resolver: AbstractResolver | None = None
) -> aiohttp.ClientSession:
    """The session feeds are fetched with. Unless `allow_private`, every connection's peer must pass
    `check`. Create it inside the running event loop."""
    inner = resolver or ThreadedResolver()  # the system's resolver: /etc/hosts and all, like other programs
    if allow_private:
        connector = aiohttp.TCPConnector(resolver=inner)
    else:
        connector = aiohttp.TCPConnector(
            resolver=PublicAddressResolver(inner, check), socket_factory=_guarded_socket_factory(check)
        )
    return aiohttp.ClientSession(connector=connector, headers={"User-Agent": USER_AGENT})


def _next_hop(current: URL, response: aiohttp.ClientResponse) -> URL:
    location = response.headers.get("Location")
    if not location:
        raise FeedFetchError(f"the server answered {response.status} without saying where the feed moved")
    try:
        target = current.join(URL(location))
    except ValueError:
        raise FeedFetchError(f"the server redirected to an address I cannot read: {location[:200]!r}") from None
    if target.scheme not in ("http", "https") or not target.host:
        raise FeedFetchError(f"the server redirected to {location[:200]!r}; I only follow http:// and https://")
    return target


async def _read_body(response: aiohttp.ClientResponse) -> bytes:
    """The whole body, or a FeedFetchError: too large, or cut off (aiohttp raises ClientPayloadError when
    the connection ends before the Content-Length or the last chunk)."""
    limit = MAX_BYTES
    too_large = f"the feed is larger than {limit / (1024 * 1024):g} MB"
    if response.content_length is not None and response.content_length > limit:
        raise FeedFetchError(too_large)
    body = bytearray()
    async for chunk in response.content.iter_chunked(READ_CHUNK):
        body += chunk
        if len(body) > limit:
            raise FeedFetchError(too_large)
    return bytes(body)


async def fetch_feed(
    session: aiohttp.ClientSession, url: str, *, etag: str | None, last_modified: str | None
) -> FetchResult:
    """The feed at `url` (following up to MAX_REDIRECTS redirects), or a FeedFetchError saying why not.

    Which addresses may be reached is the session's business (see `feed_session`)."""
    current = URL(check_url(url))
    headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with asyncio.timeout(TOTAL_SECONDS):
            for _ in range(MAX_REDIRECTS + 1):
                async with session.get(current, headers=headers, timeout=TIMEOUT, allow_redirects=False) as response:
                    if response.status in REDIRECT_STATUSES:
                        current = _next_hop(current, response)
                        continue
                    if response.status == 304:
                        return FetchResult(304, b"", etag, last_modified)
                    if response.status != 200:
                        raise FeedFetchError(f"the server answered {response.status} {response.reason or ''}".strip())
                    body = await _read_body(response)
                    return FetchResult(
                        200, body, response.headers.get("ETag"), response.headers.get("Last-Modified"), str(current)
                    )
            raise FeedFetchError(f"the address redirects more than {MAX_REDIRECTS} times")
    except aiohttp.ClientConnectorError as error:
        if isinstance(error.os_error, RefusedAddress):
            raise FeedFetchError(str(error.os_error)) from None
        if isinstance(error, aiohttp.ClientConnectorDNSError):
            raise FeedFetchError(f"I can't find the host {error.host!r}") from None
        raise FeedFetchError(f"I can't connect to {error.host}: {error.os_error.strerror or error.os_error}") from None
    except aiohttp.ClientPayloadError:
        raise FeedFetchError("the connection ended before the whole feed arrived") from None
    except aiohttp.InvalidURL as error:
        raise FeedFetchError(f"that is not an address I can read: {error}") from None
    except TimeoutError:
        raise FeedFetchError("the server took too long to answer") from None
    except aiohttp.ClientError as error:
        raise FeedFetchError(f"{type(error).__name__}: {error}".rstrip(": ")) from None
