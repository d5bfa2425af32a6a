"""The page's web server: static files, the state as JSON, changes as server-sent events, and the
actions. It listens on 127.0.0.1 only."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from aiohttp import web

from discord_emulator.model import Guild
from discord_emulator.webview.actions import perform
from discord_emulator.webview.snapshot import snapshot

if TYPE_CHECKING:
    from discord_emulator.server import Emulator

log = logging.getLogger(__name__)

STATIC = Path(__file__).with_name("static")
EMULATOR_KEY = web.AppKey("emulator", object)
GUILD_KEY = web.AppKey("guild", Guild)
STREAMS_KEY: web.AppKey[set[asyncio.Task[object]]] = web.AppKey("streams")
KEEPALIVE_SECONDS = 15.0


def _emulator(request: web.Request) -> Emulator:
    return request.app[EMULATOR_KEY]  # type: ignore[return-value]


async def index(request: web.Request) -> web.StreamResponse:
    return web.FileResponse(STATIC / "index.html")


async def state(request: web.Request) -> web.Response:
    guild = request.app[GUILD_KEY]
    try:
        viewer = int(request.query.get("as") or 0)
        channel = int(request.query.get("channel") or 0)
    except ValueError:
        raise web.HTTPBadRequest(text="as and channel are ids") from None
    return web.json_response(snapshot(_emulator(request), guild, viewer, channel))


async def events(request: web.Request) -> web.StreamResponse:
    """One `data: <revision>` line whenever something changes (and a comment now and then, so
    proxies and browsers keep the stream open)."""
    emulator = _emulator(request)
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"})
    await response.prepare(request)
    seen = -1
    streams = request.app[STREAMS_KEY]
    task = asyncio.current_task()
    assert task is not None
    streams.add(task)
    with contextlib.suppress(ConnectionResetError, asyncio.CancelledError):
        while True:
            revision = await emulator.wait_for_change(seen, KEEPALIVE_SECONDS)
            if revision != seen:
                seen = revision
                await response.write(f"data: {revision}\n\n".encode())
            else:
                await response.write(b": still here\n\n")
            await asyncio.sleep(0.05)  # a burst of changes is one redraw
    streams.discard(task)
    return response


async def _end_streams(app: web.Application) -> None:
    """Open event streams never end by themselves: stop them, so shutting down is quick."""
    for stream in list(app[STREAMS_KEY]):
        stream.cancel()


async def attachment(request: web.Request) -> web.Response:
    """An uploaded file (the results chart): the same bytes the emulator serves at its url."""
    stored = _emulator(request).stored_file(request.match_info["attachment_id"], request.match_info["filename"])
    if stored is None:
        raise web.HTTPNotFound()
    return web.Response(body=stored.data, content_type=stored.content_type)


async def act(request: web.Request) -> web.Response:
    try:
        body = await request.json()
    except json.JSONDecodeError:
        raise web.HTTPBadRequest(text="send JSON") from None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text="send a JSON object")
    return web.json_response(await perform(_emulator(request), request.app[GUILD_KEY], body))


def build_webview(emulator: Emulator, guild: Guild) -> web.Application:
    app = web.Application()
    app[EMULATOR_KEY] = emulator
    app[GUILD_KEY] = guild
    app[STREAMS_KEY] = set()
    app.on_shutdown.append(_end_streams)
    app.router.add_get("/", index)
    app.router.add_get("/api/state", state)
    app.router.add_get("/api/events", events)
    app.router.add_post("/api/act", act)
    app.router.add_get("/attachments/{attachment_id}/{filename}", attachment)
    app.router.add_static("/static/", STATIC)
    return app


async def start_webview(emulator: Emulator, guild: Guild, port: int) -> tuple[web.AppRunner, int]:
    """Serve the page on 127.0.0.1:`port` (0: any free port); returns the runner and the port."""
    runner = web.AppRunner(build_webview(emulator, guild), access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    server = site._server
    assert server is not None
    return runner, server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
