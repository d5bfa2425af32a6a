"""Discord permission bits and the per-channel permission computation Discord documents."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from discord_emulator.model import Channel, Guild, Member

CREATE_INSTANT_INVITE = 1 << 0
KICK_MEMBERS = 1 << 1
BAN_MEMBERS = 1 << 2
ADMINISTRATOR = 1 << 3
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
ADD_REACTIONS = 1 << 6
VIEW_AUDIT_LOG = 1 << 7
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
USE_EXTERNAL_EMOJIS = 1 << 18
MANAGE_NICKNAMES = 1 << 27
MANAGE_ROLES = 1 << 28
MANAGE_WEBHOOKS = 1 << 29
USE_APPLICATION_COMMANDS = 1 << 31
MANAGE_THREADS = 1 << 34
CREATE_PUBLIC_THREADS = 1 << 35
CREATE_PRIVATE_THREADS = 1 << 36
SEND_MESSAGES_IN_THREADS = 1 << 38
MODERATE_MEMBERS = 1 << 40
SEND_POLLS = 1 << 49

ALL = (1 << 51) - 1

# What @everyone gets in a new server, roughly Discord's default.
EVERYONE_DEFAULT = (
    CREATE_INSTANT_INVITE
    | ADD_REACTIONS
    | VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | USE_EXTERNAL_EMOJIS
    | USE_APPLICATION_COMMANDS
    | CREATE_PUBLIC_THREADS
    | CREATE_PRIVATE_THREADS
    | SEND_MESSAGES_IN_THREADS
    | SEND_POLLS
)
# What the bot's invite asks for (the README's invite URL uses the same integer).
BOT_DEFAULT = (
    VIEW_CHANNEL
    | SEND_MESSAGES
    | SEND_MESSAGES_IN_THREADS
    | CREATE_PUBLIC_THREADS
    | MANAGE_THREADS
    | MANAGE_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | MODERATE_MEMBERS
    | MANAGE_NICKNAMES
    | SEND_POLLS
    | MANAGE_WEBHOOKS
)
# A timed-out member keeps only these.
TIMED_OUT_ALLOWED = VIEW_CHANNEL | READ_MESSAGE_HISTORY

NAMES = {
    value: name
    for name, value in globals().items()
    if name.isupper()
    and isinstance(value, int)
    and name not in ("ALL", "EVERYONE_DEFAULT", "BOT_DEFAULT", "TIMED_OUT_ALLOWED")
}


def names(bits: int) -> list[str]:
    return [name for value, name in sorted(NAMES.items()) if bits & value]


def base_permissions(guild: Guild, member: Member) -> int:
    if member.user.id == guild.owner_id:
        return ALL
    everyone = guild.roles[guild.id]
    perms = everyone.permissions
    for role_id in member.roles:
        role = guild.roles.get(role_id)
        if role is not None:
            perms |= role.permissions
    if perms & ADMINISTRATOR:
        return ALL
    return perms


def channel_permissions(guild: Guild, member: Member, channel: Channel, *, now: float | None = None) -> int:
    """Permissions of `member` in `channel` (a thread uses its parent's overwrites)."""
    perms = base_permissions(guild, member)
    if perms & ADMINISTRATOR or perms == ALL:
        return ALL
    target = guild.channels[channel.parent_id] if channel.is_thread and channel.parent_id in guild.channels else channel
    overwrites = {int(o["id"]): o for o in target.permission_overwrites}
    if (everyone := overwrites.get(guild.id)) is not None:
        perms = (perms & ~int(everyone["deny"])) | int(everyone["allow"])
    allow = deny = 0
    for role_id in member.roles:
        if (o := overwrites.get(role_id)) is not None and int(o["type"]) == 0:
            allow |= int(o["allow"])
            deny |= int(o["deny"])
    perms = (perms & ~deny) | allow
    if (o := overwrites.get(member.user.id)) is not None and int(o["type"]) == 1:
        perms = (perms & ~int(o["deny"])) | int(o["allow"])
    if not perms & VIEW_CHANNEL:
        return 0
    if member.is_timed_out(now):
        perms &= TIMED_OUT_ALLOWED
    return perms
