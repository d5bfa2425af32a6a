"""Fetching feeds from local servers: which addresses are refused (at connect time, every hop),
redirects, and bodies read whole or refused. Every connection goes to 127.0.0.1 only; a guard on the
event loop's connect refuses (and records) any other address, so nothing leaves the machine."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import feedparser
import pytest
from aiohttp import web

from bot.feeds.addresses import refusal_reason
from bot.feeds.fetch import MAX_REDIRECTS, FeedFetchError, feed_session, fetch_feed


def rss(items: int, *, pad: int = 0) -> bytes:
    filler = "x" * pad
    body = "".join(
        f"<item><guid>item-{i}</guid><title>Story {i}</title><link>https://news.example/{i}</link>"
        f"<description>Paragraph {i}. {filler}</description></item>"
        for i in range(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{body}</channel></rss>'.encode()


@dataclass
class Server:
    """A local HTTP server whose routes the test sets; records the paths it was asked for."""

    routes: dict[str, Callable[[web.Request], Any]] = field(default_factory=dict)
    seen: list[str] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.seen.append(request.path)
        route = self.routes.get(request.path)
        if route is None:
            return web.Response(status=404)
        result = route(request)
        if isinstance(result, web.HTTPException):  # a redirect
            raise result
        return await result if asyncio.iscoroutine(result) else result


async def start_server() -> tuple[Server, web.AppRunner]:
    server = Server()
    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", server.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    server.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return server, runner


@pytest.fixture
async def server() -> AsyncIterator[Server]:
    srv, runner = await start_server()
    yield srv
    await runner.cleanup()


@pytest.fixture
async def internal() -> AsyncIterator[Server]:
    """Stands for a service inside the network: it must never be asked anything."""
    srv, runner = await start_server()
    srv.routes["/secret"] = lambda request: web.Response(body=rss(1))
    yield srv
    await runner.cleanup()


@pytest.fixture
async def connects(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every address a socket connects to; anything but 127.0.0.1 is refused here, never sent."""
    loop = asyncio.get_running_loop()
    attempted: list[str] = []
    real = loop.sock_connect

    async def guarded(sock: socket.socket, address: Any) -> None:
        attempted.append(address[0])
        if address[0] != "127.0.0.1":
            raise ConnectionRefusedError(111, f"test guard: no connections to {address[0]}")
        await real(sock, address)

    monkeypatch.setattr(loop, "sock_connect", guarded)
    return attempted


def public_port(port: int) -> Callable[[str, int], str | None]:
    """The production rule, except that one local port stands for a public server (no outside traffic)."""

    def check(ip: str, connect_port: int) -> str | None:
        if ip == "127.0.0.1" and connect_port == port:
            return None
        return refusal_reason(ip)

    return check


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "100.127.255.254",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "0.0.0.0",
        "192.0.2.1",
        "::1",
        "::",
        "fe80::1",
        "fe80::1%eth0",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "ff0e::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "::ffff:100.64.0.1",
        "64:ff9b::a9fe:a9fe",
        "2002:7f00:1::1",
    ],
)
def test_non_public_addresses_are_refused(address: str):
    assert refusal_reason(address) is not None


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_are_allowed(address: str):
    assert refusal_reason(address) is None


async def test_a_redirect_to_loopback_or_the_metadata_service_is_refused(
    server: Server, internal: Server, connects: list[str]
):
    server.routes["/to-internal"] = lambda request: web.HTTPFound(internal.url("/secret"))
    server.routes["/to-metadata"] = lambda request: web.HTTPMovedPermanently("http://169.254.169.254/latest/")
    server.routes["/to-cgnat"] = lambda request: web.HTTPTemporaryRedirect("http://100.64.0.1/feed")
    async with feed_session(allow_private=False, check=public_port(server.port)) as session:
        for path in ("/to-internal", "/to-metadata", "/to-cgnat"):
            with pytest.raises(FeedFetchError, match="not a public address"):
                await fetch_feed(session, server.url(path), etag=None, last_modified=None)
    assert server.seen == ["/to-internal", "/to-metadata", "/to-cgnat"]
    assert internal.seen == []  # refused when connecting, before a byte was sent
    assert set(connects) == {"127.0.0.1"}  # 169.254.169.254 and 100.64.0.1: not even a connect attempt


async def test_a_name_that_resolves_to_loopback_is_refused(
    internal: Server, connects: list[str], monkeypatch: pytest.MonkeyPatch
):
    loop = asyncio.get_running_loop()

    async def fake_getaddrinfo(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        assert host == "feeds.example"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(loop, "getaddrinfo", fake_getaddrinfo)
    async with feed_session(allow_private=False) as session:
        with pytest.raises(FeedFetchError, match=r"feeds\.example is not a public address"):
            await fetch_feed(session, f"http://feeds.example:{internal.port}/secret", etag=None, last_modified=None)
    assert internal.seen == [] and connects == []


async def test_dns_rebinding_cannot_reach_loopback(
    internal: Server, connects: list[str], monkeypatch: pytest.MonkeyPatch
):
    """The name answers a public address first and loopback afterwards: the address connected to is
    the one that was checked, so loopback is never reached."""
    loop = asyncio.get_running_loop()
    answers: list[str] = []

    async def rebinding_getaddrinfo(host: str, port: int, *args: Any, **kwargs: Any) -> list[Any]:
        address = "93.184.216.34" if not answers else "127.0.0.1"
        answers.append(address)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(loop, "getaddrinfo", rebinding_getaddrinfo)
    url = f"http://rebind.example:{internal.port}/secret"
    async with feed_session(allow_private=False) as session:
        for _ in range(2):
            with pytest.raises(FeedFetchError):
                await fetch_feed(session, url, etag=None, last_modified=None)
    assert internal.seen == []
    assert "127.0.0.1" not in connects  # the public answer was connected to (refused by the test's guard)
    assert connects and set(connects) == {"93.184.216.34"}


async def test_an_ip_literal_in_the_address_is_checked_too(connects: list[str]):
    async with feed_session(allow_private=False) as session:
        for url in ("http://100.64.0.1/feed", "http://224.0.0.251/feed", "http://[::ffff:127.0.0.1]:1/feed"):
            with pytest.raises(FeedFetchError, match="not a public address"):
                await fetch_feed(session, url, etag=None, last_modified=None)
    assert connects == []


def redirect_chain(server: Server, length: int) -> str:
    for step in range(length, 0, -1):
        server.routes[f"/chain{length}/{step}"] = (
            lambda request, step=step: web.HTTPFound(f"/chain{length}/{step - 1}")  # relative, as servers send
        )
    server.routes[f"/chain{length}/0"] = lambda request: web.Response(body=rss(2), content_type="application/rss+xml")
    return server.url(f"/chain{length}/{length}")


async def test_at_most_five_redirects_are_followed(server: Server):
    assert MAX_REDIRECTS == 5
    async with feed_session(allow_private=True) as session:
        ok = await fetch_feed(session, redirect_chain(server, 5), etag=None, last_modified=None)
        assert len(feedparser.parse(ok.body).entries) == 2
        with pytest.raises(FeedFetchError, match="more than 5 times"):
            await fetch_feed(session, redirect_chain(server, 6), etag=None, last_modified=None)
    assert "/chain6/0" not in server.seen


async def test_a_redirect_to_another_scheme_is_refused(server: Server):
    server.routes["/to-file"] = lambda request: web.HTTPFound("file:///etc/passwd")
    async with feed_session(allow_private=True) as session:
        with pytest.raises(FeedFetchError, match="http"):
            await fetch_feed(session, server.url("/to-file"), etag=None, last_modified=None)


async def test_a_large_feed_sent_slowly_arrives_whole(server: Server):
    body = rss(300, pad=3300)
    assert len(body) > 1_000_000

    async def slowly(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml", "ETag": '"big"'})
        response.content_length = len(body)
        await response.prepare(request)
        for start in range(0, len(body), 16 * 1024):
            await response.write(body[start : start + 16 * 1024])
            await asyncio.sleep(0.002)  # the network's pace: the reader sees the body in pieces
        await response.write_eof()
        return response

    server.routes["/big.xml"] = slowly
    async with feed_session(allow_private=True) as session:
        result = await fetch_feed(session, server.url("/big.xml"), etag=None, last_modified=None)
    assert result.body == body and result.etag == '"big"'
    assert len(feedparser.parse(result.body).entries) == 300


@pytest.mark.parametrize("chunked", [False, True])
async def test_a_body_cut_short_is_an_error(server: Server, chunked: bool):
    body = rss(50)

    async def cut(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml", "ETag": '"cut"'})
        if chunked:
            response.enable_chunked_encoding()
        else:
            response.content_length = len(body)  # promises the whole body …
        await response.prepare(request)
        await response.write(body[: len(body) // 2])  # … sends half, and the connection drops
        assert request.transport is not None
        request.transport.close()
        return response

    server.routes["/cut.xml"] = cut
    async with feed_session(allow_private=True) as session:
        with pytest.raises(FeedFetchError, match="before the whole feed"):
            await fetch_feed(session, server.url("/cut.xml"), etag=None, last_modified=None)


async def test_a_body_over_the_limit_is_refused(server: Server, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("bot.feeds.fetch.MAX_BYTES", 10_000)
    server.routes["/huge.xml"] = lambda request: web.Response(body=rss(200), content_type="application/rss+xml")

    async def undeclared(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(20):
            await response.write(rss(20))
        await response.write_eof()
        return response

    server.routes["/undeclared.xml"] = undeclared
    async with feed_session(allow_private=True) as session:
        for path in ("/huge.xml", "/undeclared.xml"):
            with pytest.raises(FeedFetchError, match="larger than"):
                await fetch_feed(session, server.url(path), etag=None, last_modified=None)
