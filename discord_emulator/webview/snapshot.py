"""What the page shows, as plain JSON: the server's channels and threads, one channel's messages as
one member sees them (their own ephemeral answers included), the members and the bot's commands."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from discord_emulator.model import EPHEMERAL, GUILD_FORUM, Channel, Guild, Message

if TYPE_CHECKING:
    from discord_emulator.server import Emulator

SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
HISTORY_SHOWN = 200


def display_name(emulator: Emulator, guild: Guild, user_id: int) -> str:
    member = guild.members.get(user_id)
    user = member.user if member else emulator.users.get(user_id)
    if member is not None and member.nick:
        return member.nick
    return (user.global_name or user.username) if user else str(user_id)


def channel_tree(guild: Guild) -> list[dict[str, Any]]:
    """Channels in order, each with its live threads (newest first)."""
    channels = sorted(
        (c for c in guild.channels.values() if not c.is_thread and not c.deleted), key=lambda c: c.position
    )
    threads: dict[int, list[Channel]] = {}
    for channel in guild.channels.values():
        if channel.is_thread and not channel.deleted and channel.parent_id is not None:
            threads.setdefault(channel.parent_id, []).append(channel)
    return [
        {
            "id": str(c.id),
            "name": c.name,
            "kind": "forum" if c.type == GUILD_FORUM else "text",
            "threads": [
                {"id": str(t.id), "name": t.name, "archived": t.archived, "locked": t.locked}
                for t in sorted(threads.get(c.id, []), key=lambda t: t.id, reverse=True)
            ],
        }
        for c in channels
    ]


def _message(emulator: Emulator, guild: Guild, message: Message, viewer_id: int) -> dict[str, Any]:
    author = message.author
    name = author.global_name or author.username
    if not message.webhook_id:
        name = display_name(emulator, guild, author.id)
    replied = None
    reference = message.message_reference or {}
    if reference.get("message_id") and int(reference["message_id"]) in emulator.messages:
        target = emulator.messages[int(reference["message_id"])]
        replied = {"author": display_name(emulator, guild, target.author.id), "content": target.content[:120]}
    poll = None
    if message.poll is not None:
        poll = {
            "question": message.poll.question,
            "open": message.poll.is_open(),
            "answers": [
                {
                    "id": a["answer_id"],
                    "text": (a.get("poll_media") or {}).get("text", ""),
                    "count": len(message.poll.votes.get(a["answer_id"], ())),
                    "mine": viewer_id in message.poll.votes.get(a["answer_id"], ()),
                }
                for a in message.poll.answers
            ],
        }
    embeds = [_page_embed(emulator, e) for e in message.embeds]
    shown_in_embeds = {(e.get(k) or {}).get("url") for e in embeds for k in ("image", "thumbnail")}
    attachments = [_page_attachment(emulator, a) for a in message.attachments]
    return {
        "id": str(message.id),
        "author": {"id": str(author.id), "name": name, "bot": author.bot, "webhook": bool(message.webhook_id)},
        "content": message.content,
        "embeds": embeds,
        # as in Discord, an image an embed shows is not shown a second time below it
        "attachments": [a for a in attachments if a["url"] not in shown_in_embeds],
        "components": message.components,
        "poll": poll,
        "ephemeral": bool(message.flags & EPHEMERAL),
        "loading": bool(message.flags & 128),
        "deleted": message.deleted,
        "edited": message.edited_at is not None,
        "created": message.created_at,
        "reply_to": replied,
        "thread_id": str(message.thread_id) if message.thread_id else None,
        "mentions_viewer": any(u.id == viewer_id for u in message.mentions) or message.mention_everyone,
    }


def _on_page(emulator: Emulator, url: Any) -> Any:
    """The emulator's file urls (its own port) as the page's own paths, which serve the same files."""
    prefix = emulator.base_url + "/attachments/"
    return url[len(emulator.base_url) :] if isinstance(url, str) and url.startswith(prefix) else url


def _page_embed(emulator: Emulator, embed: dict[str, Any]) -> dict[str, Any]:
    shown = dict(embed)
    for key in ("image", "thumbnail"):
        if isinstance(shown.get(key), dict):
            shown[key] = dict(shown[key], url=_on_page(emulator, shown[key].get("url")))
    return shown


def _page_attachment(emulator: Emulator, attachment: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "filename", "size", "content_type", "width", "height")
    return {k: attachment.get(k) for k in keys} | {"url": _on_page(emulator, attachment.get("url"))}


def channel_messages(emulator: Emulator, guild: Guild, channel: Channel, viewer_id: int) -> list[dict[str, Any]]:
    """The channel's history, removed messages marked (the page shows where moderation acted), with
    the ephemeral answers only `viewer_id` can see."""
    messages = [emulator.messages[i] for i in emulator.channel_messages.get(channel.id, [])]
    ephemeral = (emulator.messages[i] for i in emulator.ephemeral_messages.get(channel.id, []))
    mine = [m for m in ephemeral if str((m.interaction_metadata or {}).get("user", {}).get("id")) == str(viewer_id)]
    ordered = sorted(messages + mine, key=lambda m: m.id)[-HISTORY_SHOWN:]
    return [_message(emulator, guild, m, viewer_id) for m in ordered]


def _option(option: dict[str, Any]) -> dict[str, Any]:
    keys = ("name", "description", "type", "required", "choices", "autocomplete", "min_length", "max_length")
    return {k: option[k] for k in keys if k in option} | {
        "min_value": option.get("min_value"),
        "max_value": option.get("max_value"),
        "channel_types": option.get("channel_types"),
    }


def command_list(emulator: Emulator, guild: Guild) -> dict[str, Any]:
    """The synced commands: slash commands flattened to "group sub" paths, and message commands."""
    commands = list(emulator.global_commands.values()) + list(emulator.guild_commands.get(guild.id, {}).values())
    slash: list[dict[str, Any]] = []
    message: list[str] = []

    def walk(prefix: str, description: str, options: list[dict[str, Any]]) -> None:
        subs = [o for o in options if o["type"] in (SUB_COMMAND, SUB_COMMAND_GROUP)]
        if not subs:
            slash.append({"path": prefix, "description": description, "options": [_option(o) for o in options]})
        for sub in subs:
            walk(f"{prefix} {sub['name']}", sub.get("description", ""), sub.get("options") or [])

    for command in commands:
        if command.get("type", 1) == 1:
            walk(command["name"], command.get("description", ""), command.get("options") or [])
        elif command.get("type") == 3:
            message.append(command["name"])
    return {"slash": sorted(slash, key=lambda c: c["path"]), "message": sorted(set(message))}


def snapshot(emulator: Emulator, guild: Guild, viewer_id: int, channel_id: int | None) -> dict[str, Any]:
    channel = emulator.channels.get(channel_id or 0)
    if channel is None or channel.guild_id != guild.id:
        channel = next(c for c in sorted(guild.channels.values(), key=lambda c: c.position) if c.type != GUILD_FORUM)
    member_list = [
        {
            "id": str(m.user.id),
            "name": display_name(emulator, guild, m.user.id),
            "roles": [guild.roles[r].name for r in m.roles if r in guild.roles and not guild.roles[r].managed],
            "timed_out": bool(m.communication_disabled_until),
        }
        for m in guild.members.values()
        if not m.user.bot
    ]
    return {
        "revision": emulator.revision,
        "bot_id": str(emulator.bot_user.id),
        "guild": {"id": str(guild.id), "name": guild.name},
        "channels": channel_tree(guild),
        "channel": {
            "id": str(channel.id),
            "name": channel.name,
            "kind": "thread" if channel.is_thread else "forum" if channel.type == GUILD_FORUM else "text",
            "parent_id": str(channel.parent_id) if channel.parent_id else None,
        },
        "messages": [] if channel.type == GUILD_FORUM else channel_messages(emulator, guild, channel, viewer_id),
        "members": member_list,
        "roles": [
            {"id": str(r.id), "name": r.name} for r in guild.roles.values() if r.id != guild.id and not r.managed
        ],
        "commands": command_list(emulator, guild),
    }
