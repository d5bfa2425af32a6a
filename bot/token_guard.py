"""The bot's token never leaves in what it posts: a second line of defence behind the seeds folder's
own rule (bot.articles.files), for any text the bot did not write itself (article files and
sidecars, feeds, members' words) that happens to hold it.

Every request body the bot sends to Discord passes here, through both of discord.py's senders: the
REST client (messages, threads, edits, the mod log) and the webhook adapter (answers to commands,
buttons and forms, and webhook reposts). The token is replaced wherever it appears in the body's
text, also when markdown escaping put backslashes inside it, and so is its last part alone (the
secret one: the first is the bot's public id).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextvars import ContextVar
from typing import Any

import discord
from discord.webhook.async_ import AsyncWebhookAdapter, async_context

REMOVED = "[token removed]"
_MIN_SECRET = 20  # shorter pieces of a token are not secret enough to scrub (and would hit words)


class TokenScrubber:
    def __init__(self, token: str) -> None:
        secrets = [token]
        last = token.rsplit(".", 1)[-1]
        if last != token and len(last) >= _MIN_SECRET:
            secrets.append(last)
        # backslashes between any two characters: markdown escaping, and JSON's escaping of those
        self._pattern = re.compile("|".join(r"\\*".join(map(re.escape, secret)) for secret in secrets))

    def text(self, text: str) -> str:
        return self._pattern.sub(REMOVED, text)

    def payload(self, value: Any) -> Any:
        """A JSON-like value with the token removed from every string in it (keys included)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {self.payload(k): self.payload(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.payload(item) for item in value]
        return value

    def form(self, parts: Iterable[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
        """A multipart form's fields with the token removed from their text (payload_json among
        them); files are left as they are."""
        if parts is None:
            return None
        return [
            {**part, "value": self.text(part["value"])} if isinstance(part.get("value"), str) else part
            for part in parts
        ]


class _ScrubbingWebhookAdapter(AsyncWebhookAdapter):
    def __init__(self, scrubber: TokenScrubber) -> None:
        super().__init__()
        self._scrubber = scrubber

    async def request(
        self,
        route: discord.http.Route,
        session: Any,
        *,
        payload: dict[str, Any] | None = None,
        multipart: list[dict[str, Any]] | None = None,
        reason: str | None = None,
        **kwargs: Any,
    ) -> Any:
        scrub = self._scrubber
        return await super().request(
            route,
            session,
            payload=scrub.payload(payload),
            multipart=scrub.form(multipart),
            reason=None if reason is None else scrub.text(reason),
            **kwargs,
        )


def guard_outgoing(http: discord.http.HTTPClient, token: str) -> None:
    """Scrub `token` from every request body sent through `http` and, from the calling task on (and
    in every task it starts: the gateway's event handlers), through discord.py's webhook adapter.
    Call it from the task that runs the bot (setup_hook), once logged in."""
    scrubber = TokenScrubber(token)
    send = http.request

    async def request(route: discord.http.Route, **kwargs: Any) -> Any:
        if "json" in kwargs:
            kwargs["json"] = scrubber.payload(kwargs["json"])
        if kwargs.get("form") is not None:
            kwargs["form"] = scrubber.form(kwargs["form"])
        if kwargs.get("reason"):
            kwargs["reason"] = scrubber.text(kwargs["reason"])
        return await send(route, **kwargs)

    http.request = request  # type: ignore[method-assign]
    adapter: ContextVar[AsyncWebhookAdapter] = async_context
    adapter.set(_ScrubbingWebhookAdapter(scrubber))
