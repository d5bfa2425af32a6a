"""The aiohttp application: auth, request log, injected faults, rate limits, schema checks, errors."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import orjson
from aiohttp import web

from discord_emulator.errors import DiscordError
from discord_emulator.rest import channels, commands, core, interactions, messages, webhooks
from discord_emulator.rest.util import BODY_KEY, EMULATOR_KEY, FILES_KEY, respond
from discord_emulator.shapes import check_body

if TYPE_CHECKING:
    from discord_emulator.server import Emulator

log = logging.getLogger(__name__)

PREFIX = "/api/v10"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def authorised_by_token(path: str) -> bool:
    """Interaction callbacks and webhook executions (`/webhooks/{id}/{token}...`) carry their own
    token instead of the bot's, and do not count against the global limit. Managing a webhook
    (`/webhooks/{id}`) needs the bot token like any other route."""
    parts = path.strip("/").split("/")
    return parts[0] == "interactions" or (parts[0] == "webhooks" and len(parts) >= 3)


async def _read_body(request: web.Request) -> tuple[Any, list[dict[str, Any]]]:
    if request.method in ("GET", "DELETE", "HEAD") or not request.can_read_body:
        return None, []
    content_type = request.content_type
    if content_type == "multipart/form-data":
        reader = await request.multipart()
        body: Any = {}
        files = []
        async for part in reader:
            if part.name == "payload_json":  # type: ignore[union-attr]
                body = orjson.loads(await part.read())  # type: ignore[union-attr]
            else:
                data = await part.read()  # type: ignore[union-attr]
                files.append(
                    {"name": part.name, "filename": part.filename, "size": len(data), "data": bytes(data)}  # type: ignore[union-attr]
                )
        return body, files
    raw = await request.read()
    if not raw:
        return None, []
    try:
        return orjson.loads(raw), []
    except orjson.JSONDecodeError:
        raise DiscordError(400, 50109, "The request body contains invalid JSON.") from None


def build_app(emulator: Emulator) -> web.Application:
    @web.middleware
    async def discord_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith(PREFIX):
            return await handler(request)
        path = request.path[len(PREFIX) :]
        resource = request.match_info.route.resource
        route = resource.canonical[len(PREFIX) :] if resource is not None else path
        from discord_emulator.server import RecordedRequest

        record = RecordedRequest(request.method, path, route, None)
        emulator.requests.append(record)
        try:
            response = await _handle(request, handler, path, route, record)
        except DiscordError as error:
            response = respond(error.body(), error.status)
        except web.HTTPException as error:
            response = respond({"message": f"{error.status}: {error.reason}", "code": 0}, error.status)
        except ConnectionError:
            raise  # the client went away mid-request: nobody to answer
        except Exception as error:
            # A bug in the emulator. discord.py would retry a 500 for half a minute: answer 400 at
            # once, and keep it where the test fixtures look, so the test that hit it fails.
            log.exception("emulator error in %s %s", request.method, path)
            emulator.internal_errors.append(f"{request.method} {path}: {type(error).__name__}: {error}")
            response = respond({"message": f"Emulator error: {type(error).__name__}: {error}", "code": 0}, 400)
        record.status = response.status
        # Discord's API answers through Google's front end; discord.py treats a 429 without
        # `Via` as a Cloudflare ban and gives up instead of retrying.
        response.headers["Via"] = "1.1 google"
        return response

    async def _handle(request: web.Request, handler: Handler, path: str, route: str, record: Any) -> web.StreamResponse:
        token_route = authorised_by_token(path)
        if not token_route and request.headers.get("Authorization") != f"Bot {emulator.token}":
            return respond({"message": "401: Unauthorized", "code": 0}, 401)
        if emulator.response_delay:
            await asyncio.sleep(emulator.response_delay)
        body, files = await _read_body(request)
        record.body = body
        request[BODY_KEY], request[FILES_KEY] = body, files
        fault = emulator.take_fault(request.method, route)
        if fault is not None:
            return web.Response(
                body=orjson.dumps(fault.body),
                status=fault.status,
                content_type="application/json",
                headers=fault.headers,
            )
        major = next(
            (
                v
                for k, v in request.match_info.items()
                if k in ("channel_id", "guild_id", "webhook_id", "interaction_id")
            ),
            "",
        )
        decision = emulator.rate_limiter.check(request.method, route, major, exempt_global=token_route)
        if not decision.allowed:
            body_429 = {
                "message": "You are being rate limited.",
                "retry_after": round(decision.retry_after, 3),
                "global": decision.scope == "global",
            }
            return web.Response(
                body=orjson.dumps(body_429), status=429, content_type="application/json", headers=decision.headers
            )
        if emulator.validator is not None and body is not None:
            problems = emulator.validator.validate(request.method, path, body)
            if problems:
                emulator.schema_problems.extend(problems)
                for problem in problems:
                    log.error("schema: %s", problem)
                raise DiscordError(
                    400,
                    50035,
                    "Invalid Form Body",
                    {"_schema": {"_errors": [{"code": "SCHEMA", "message": str(p)} for p in problems]}},
                )
        check_body(request.method, route, body)  # with or without the schema: a handler reads these fields
        response = await handler(request)
        for key, value in decision.headers.items():
            response.headers[key] = value
        return response

    app = web.Application(middlewares=[discord_middleware], client_max_size=64 * 1024 * 1024)
    app[EMULATOR_KEY] = emulator
    for module in (core, commands, channels, messages, interactions, webhooks):
        for method, route, handler in module.ROUTES:
            app.router.add_route(method, PREFIX + route, handler)
    return app
