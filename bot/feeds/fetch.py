"""Fetching a feed: conditional requests (ETag, Last-Modified), size and time limits, and a refusal
to reach private addresses unless the operator allows it (an admin's URL must not probe the host's network)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import aiohttp

from bot import __version__

MAX_BYTES = 5 * 1024 * 1024
TIMEOUT = aiohttp.ClientTimeout(total=20, connect=10)
USER_AGENT = f"discussion-bot/{__version__} (feed reader)"


class FeedFetchError(Exception):
    """The feed could not be fetched; the message says why in words an admin understands."""


@dataclass(frozen=True, slots=True)
class FetchResult:
    status: int  # 200, or 304 when unchanged
    body: bytes
    etag: str | None
    last_modified: str | None


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FeedFetchError("A feed address must start with http:// or https://.")
    return url.strip()


async def check_public_address(url: str) -> None:
    host = urlsplit(url).hostname or ""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise FeedFetchError(f"I can't find the host {host!r}.") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if address.is_private or address.is_loopback or address.is_link_local or address.is_reserved:
            raise FeedFetchError(f"{host} is a private network address; I only read public feeds.")


async def fetch_feed(
    session: aiohttp.ClientSession, url: str, *, etag: str | None, last_modified: str | None, allow_private: bool
) -> FetchResult:
    url = check_url(url)
    if not allow_private:
        await check_public_address(url)
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with session.get(
            url, headers=headers, timeout=TIMEOUT, allow_redirects=True, max_redirects=5
        ) as response:
            if response.status == 304:
                return FetchResult(304, b"", etag, last_modified)
            if response.status != 200:
                raise FeedFetchError(f"the server answered {response.status} {response.reason or ''}".strip())
            body = await response.content.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise FeedFetchError(f"the feed is larger than {MAX_BYTES // (1024 * 1024)} MB")
            return FetchResult(200, body, response.headers.get("ETag"), response.headers.get("Last-Modified"))
    except (aiohttp.ClientError, TimeoutError) as error:
        raise FeedFetchError(f"{type(error).__name__}: {error}".rstrip(": ")) from None
