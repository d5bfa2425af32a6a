"""Creating, editing and deleting messages: shared by REST handlers and the test-facing actors."""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any

from discord_emulator import permissions as perms
from discord_emulator.model import EPHEMERAL, Channel, Message, Poll, StoredFile, User

if TYPE_CHECKING:
    from discord_emulator.server import Emulator

NONCE_TTL = 300.0
ATTACHMENT = "attachment://"
_USER_MENTION = re.compile(r"<@!?(\d{15,21})>")
_ROLE_MENTION = re.compile(r"<@&(\d{15,21})>")
_EVERYONE = re.compile(r"@(everyone|here)\b")


def attachments_from(emulator: Emulator, files: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Attachment objects for files uploaded with a message (multipart `files[n]` parts); the
    bytes are kept and served at the attachment's url, as Discord's CDN serves them."""
    attachments = []
    for upload in files:
        filename = upload.get("filename") or "file"
        stored = StoredFile(emulator.ids.next(), filename, upload.get("data") or b"")
        emulator.files[stored.id] = stored
        attachments.append(stored.attachment(emulator.base_url))
    return attachments


def resolve_attachment_references(embeds: list[dict[str, Any]], attachments: list[dict[str, Any]]) -> None:
    """An embed's `attachment://NAME` image becomes that attachment's url, as Discord does."""
    by_name = {a["filename"]: a["url"] for a in attachments}
    for embed in embeds:
        for key in ("image", "thumbnail", "author", "footer"):
            part = embed.get(key)
            field = "icon_url" if key in ("author", "footer") else "url"
            if isinstance(part, dict) and isinstance(part.get(field), str) and part[field].startswith(ATTACHMENT):
                url = by_name.get(part[field][len(ATTACHMENT) :])
                if url is not None:
                    part[field] = url
                    if field == "url":
                        part["proxy_url"] = url


def resolve_mentions(
    emulator: Emulator,
    channel: Channel,
    author_id: int,
    content: str,
    allowed: dict[str, Any] | None,
    replied_to: Message | None,
) -> tuple[list[User], list[int], bool]:
    """Who a message actually pings, as Discord decides it from content and `allowed_mentions`."""
    if allowed is None:  # Discord's default: parse everything
        parse, users_allowed, roles_allowed, replied_user = {"users", "roles", "everyone"}, None, None, True
    else:
        parse = set(allowed.get("parse") or [])
        users_allowed = {int(u) for u in allowed.get("users") or []}
        roles_allowed = {int(r) for r in allowed.get("roles") or []}
        replied_user = bool(allowed.get("replied_user", False))
    mentioned: list[User] = []
    for match in _USER_MENTION.finditer(content):
        uid = int(match.group(1))
        if ("users" in parse or (users_allowed and uid in users_allowed)) and uid in emulator.users:
            if all(u.id != uid for u in mentioned):
                mentioned.append(emulator.users[uid])
    if replied_to is not None and replied_user and all(u.id != replied_to.author.id for u in mentioned):
        mentioned.append(replied_to.author)
    guild = emulator.guild_of(channel)
    roles: list[int] = []
    if guild is not None:
        for match in _ROLE_MENTION.finditer(content):
            rid = int(match.group(1))
            if rid in guild.roles and ("roles" in parse or (roles_allowed and rid in roles_allowed)):
                role = guild.roles[rid]
                can = role.mentionable or emulator.permissions_in(channel, author_id) & perms.MENTION_EVERYONE
                if can and rid not in roles:
                    roles.append(rid)
    everyone = bool(
        _EVERYONE.search(content)
        and "everyone" in parse
        and emulator.permissions_in(channel, author_id) & perms.MENTION_EVERYONE
    )
    return mentioned, roles, everyone


def build_poll(request_poll: dict[str, Any]) -> Poll:
    answers = []
    for index, answer in enumerate(request_poll.get("answers") or [], start=1):
        media = dict(answer.get("poll_media") or {})
        answers.append({"answer_id": index, "poll_media": media})
    duration = int(request_poll.get("duration") or 24)
    return Poll(
        question=(request_poll.get("question") or {}).get("text", ""),
        answers=answers,
        expiry=time.time() + duration * 3600,
        allow_multiselect=bool(request_poll.get("allow_multiselect", False)),
        layout_type=int(request_poll.get("layout_type") or 1),
    )


def create_message(
    emulator: Emulator,
    channel: Channel,
    author: User,
    body: dict[str, Any],
    *,
    webhook_id: int | None = None,
    interaction_metadata: dict[str, Any] | None = None,
    dispatch: bool = True,
    message_id: int | None = None,
) -> Message:
    """Store a message that passed every check and tell the gateway about it."""
    reference = body.get("message_reference")
    replied_to = None
    if reference and reference.get("message_id"):
        replied_to = emulator.messages.get(int(reference["message_id"]))
    content = body.get("content") or ""
    mentions, mention_roles, everyone = resolve_mentions(
        emulator, channel, author.id, content, body.get("allowed_mentions"), replied_to
    )
    embeds = list(body.get("embeds") or [])
    for embed in embeds:
        embed.setdefault("type", "rich")
    attachments = list(body.get("attachments_created") or [])
    resolve_attachment_references(embeds, attachments)
    if author.bot and not emulator.permissions_in(channel, author.id) & perms.EMBED_LINKS and not interaction_metadata:
        embeds = []  # Discord silently drops embeds without Embed Links
    guild = emulator.guild_of(channel)
    message = Message(
        id=message_id or emulator.ids.next(),
        channel_id=channel.id,
        guild_id=channel.guild_id,
        author=author,
        content=content,
        embeds=embeds,
        components=list(body.get("components") or []),
        attachments=attachments,
        poll=build_poll(body["poll"]) if body.get("poll") else None,
        flags=int(body.get("flags") or 0),
        type=19 if replied_to is not None else int(body.get("type", 0)),
        nonce=body.get("nonce"),
        message_reference=(
            {
                "type": 0,
                "message_id": str(replied_to.id),
                "channel_id": str(replied_to.channel_id),
                "guild_id": str(replied_to.guild_id) if replied_to.guild_id else None,
            }
            if replied_to is not None
            else None
        ),
        mentions=mentions,
        mention_roles=mention_roles,
        mention_everyone=everyone,
        webhook_id=webhook_id,
        interaction_metadata=interaction_metadata,
        member=guild.members.get(author.id) if guild is not None else None,
        allowed_mentions=body.get("allowed_mentions"),
    )
    if interaction_metadata is not None:
        message.type = 20 if interaction_metadata.get("type") == 2 else 0
    emulator.messages[message.id] = message
    ephemeral = bool(message.flags & EPHEMERAL)
    if ephemeral:  # seen only by the member it answers: kept apart from the channel's history
        emulator.ephemeral_messages.setdefault(channel.id, []).append(message.id)
    else:
        emulator.channel_messages.setdefault(channel.id, []).append(message.id)
        channel.last_message_id = message.id
        if channel.is_thread:
            channel.message_count += 1
            channel.total_message_sent += 1
        if dispatch:
            emulator.dispatch(
                "MESSAGE_CREATE", message.payload(gateway=True, threads=emulator.channels), guild_id=channel.guild_id
            )
    emulator.touch()
    return message


def recent_nonce(emulator: Emulator, channel: Channel, author: User, nonce: Any) -> Message | None:
    if nonce is None:
        return None
    entry = emulator.nonces.get((channel.id, author.id, str(nonce)))
    if entry is None or time.monotonic() - entry[1] > NONCE_TTL:
        return None
    message = emulator.messages.get(entry[0])
    return message if message is not None and not message.deleted else None


def remember_nonce(emulator: Emulator, channel: Channel, author: User, message: Message) -> None:
    if message.nonce is not None:
        emulator.nonces[(channel.id, author.id, str(message.nonce))] = (message.id, time.monotonic())


def edit_message(
    emulator: Emulator, message: Message, body: dict[str, Any], files: list[dict[str, Any]] | None = None
) -> Message:
    channel = emulator.channels[message.channel_id]
    if "content" in body:
        message.content = body["content"] or ""
    added = attachments_from(emulator, files or [])
    if "attachments" in body:  # the attachments to keep; new uploads are listed there too
        keep = {str(a.get("id")) for a in body["attachments"] or [] if isinstance(a, dict)}
        message.attachments = [a for a in message.attachments if a["id"] in keep] + added
    elif added:
        message.attachments = message.attachments + added
    if "embeds" in body:
        message.embeds = list(body["embeds"] or [])
        for embed in message.embeds:
            embed.setdefault("type", "rich")
    resolve_attachment_references(message.embeds, message.attachments)
    if "components" in body:
        message.components = list(body["components"] or [])
    if "flags" in body and body["flags"] is not None:
        message.flags = (message.flags & EPHEMERAL) | int(body["flags"])
    if "content" in body or "allowed_mentions" in body:
        # An edit without allowed_mentions re-parses with the defaults.
        message.mentions, message.mention_roles, message.mention_everyone = resolve_mentions(
            emulator, channel, message.author.id, message.content, body.get("allowed_mentions"), None
        )
        message.allowed_mentions = body.get("allowed_mentions")
    message.edited_at = time.time()
    emulator.touch()
    if not message.flags & EPHEMERAL:
        emulator.dispatch(
            "MESSAGE_UPDATE", message.payload(gateway=True, threads=emulator.channels), guild_id=message.guild_id
        )
    return message


def delete_message(emulator: Emulator, message: Message) -> None:
    message.deleted = True
    data: dict[str, Any] = {"id": str(message.id), "channel_id": str(message.channel_id)}
    if message.guild_id is not None:
        data["guild_id"] = str(message.guild_id)
    emulator.dispatch("MESSAGE_DELETE", data, guild_id=message.guild_id)
