"""Who may do what: the bot's one permission policy, as plain functions of a member's standing (their
permissions where they act, their roles) and the server's configuration. Every command, button,
card, filter exemption and chat answer asks these functions; `bot.checks` applies them to Discord.

Four levels, each granted by Discord permissions or by a role the server names with `/config set`:

| who                                   | admin | editor | moderator | filters skip them |
|---------------------------------------|-------|--------|-----------|-------------------|
| the server owner                      | yes   | yes    | yes       | yes               |
| Administrator                         | yes   | yes    | yes       | yes               |
| Manage Server                         | yes   | yes    | yes       | yes               |
| Moderate Members                      | no    | no     | yes       | yes               |
| the moderator role (`moderator_role`) | no    | no     | yes       | yes               |
| the editor role (`editor_role`)       | no    | yes    | no        | no                |
| the bypass role (`automod_bypass_role`) | no  | no     | no        | yes               |
| Manage Messages alone, or nothing     | no    | no     | no        | no                |

- **admin** (`/config`): the server's settings, among them who the editors and moderators are. Manage
  Server is what Discord asks for to change a server's settings; Administrator and the owner have it.
- **editor** (`/article post|close`, `/update push|edit|retract`, `/feed add|remove`): what the bot
  publishes. Admins are editors. Moderating members does not make one an editor.
- **moderator** (every `/mod` and `/automod` command, every button on review and report cards):
  acting on members. Moderate Members is what Discord asks for to time a member out, the strongest
  thing a moderator does here, so it is the permission that makes one; admins are moderators. A
  card's button needs what the `/mod` command that does the same needs (`CARD_BUTTONS`), so no
  button does what its command would refuse.
- **filters skip them**: moderators (they enforce the rules, and may need to quote what they remove)
  and the bypass role (`/automod exempt`, for trusted members such as bots or staff who are not
  moderators). The same exemption applies to their messages and to their text the bot reposts.

Acting on a member (a warning, a timeout or lifting one, removing their message from a card or with
/mod purge, which leaves the messages of anyone the moderator does not outrank) also needs outranking
them: the server owner, then admins, then moderators, then everyone else
(`may_act_on`). Nobody acts on an equal: a moderator cannot time out another moderator through the
bot, nor an admin, which Discord's own timeout would not allow either; the filters are not a
member and act on anyone they do not skip.

Manage Messages alone grants nothing here: it lets a member delete messages in Discord, but the bot's
moderators also warn and time members out, which Discord does not allow with Manage Messages. A
server that wants its message cleaners to moderate gives them the moderator role. The editor role is
not exempt from the filters: editors talk in the discussions as members do (give them the bypass
role too if they should be exempt). Members need no level for everything else: reading, voting,
suggesting and upvoting answers, reporting messages, `/vote results`, the `list` and `preview`
commands, and chatting with the bot.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from bot.guild_config import GuildConfig


class Level(Enum):
    ADMIN = "admin"
    EDITOR = "editor"
    MODERATOR = "moderator"


@dataclass(frozen=True, slots=True)
class Standing:
    """What the policy reads about a member: their Discord permissions where they act (Discord's
    resolved permissions, so Administrator and the owner already have every one) and their roles."""

    owner: bool = False
    administrator: bool = False
    manage_guild: bool = False
    moderate_members: bool = False
    manage_messages: bool = False  # read, and deliberately granting nothing (see the module docstring)
    roles: frozenset[int] = frozenset()

    def has_role(self, role_id: int | None) -> bool:
        return role_id is not None and role_id in self.roles


def is_admin(standing: Standing, config: GuildConfig) -> bool:
    return standing.owner or standing.administrator or standing.manage_guild


def is_editor(standing: Standing, config: GuildConfig) -> bool:
    return is_admin(standing, config) or standing.has_role(config.role("editor_role"))


def is_moderator(standing: Standing, config: GuildConfig) -> bool:
    return is_admin(standing, config) or standing.moderate_members or standing.has_role(config.role("moderator_role"))


def is_filter_exempt(standing: Standing, config: GuildConfig) -> bool:
    return is_moderator(standing, config) or standing.has_role(config.role("automod_bypass_role"))


HOLDS = {Level.ADMIN: is_admin, Level.EDITOR: is_editor, Level.MODERATOR: is_moderator}


def holds(level: Level, standing: Standing, config: GuildConfig) -> bool:
    return HOLDS[level](standing, config)


# Every privileged slash command and the level it needs. Commands not listed need none.
COMMANDS: dict[str, Level] = {
    **{
        f"/config {name}": Level.ADMIN
        for name in ("show", "set", "reset")  # the settings name the editors and moderators
    },
    **{
        name: Level.EDITOR
        for name in (
            "/article post",
            "/article close",
            "/update push",
            "/update edit",
            "/update retract",
            "/feed add",
            "/feed remove",
        )
    },
    **{
        f"/automod {name}": Level.MODERATOR
        for name in ("rule add", "rule remove", "rule list", "test", "exempt", "config", "places", "names")
    },
    **{
        f"/mod {name}": Level.MODERATOR
        for name in (
            "warn",
            "timeout",
            "untimeout",
            "note",
            "purge",
            "slowmode",
            "lock",
            "unlock",
            "history",
            "case",
        )
    },
}

# Each button on a review card (a held message) or a report card needs what the /mod command that
# does the same needs. Approving, rejecting and dismissing are the moderators' queue: /mod case.
CARD_BUTTONS: dict[str, str] = {
    "approve": "/mod case",
    "reject": "/mod case",
    "dismiss": "/mod case",
    "remove": "/mod purge",
    "warn": "/mod warn",
    "timeout": "/mod timeout",
}


def command_level(path: str) -> Level | None:
    """The level a slash command needs ("/mod warn"), or None when every member may use it."""
    return COMMANDS.get(path)


def button_level(action: str) -> Level:
    return COMMANDS[CARD_BUTTONS[action]]


def may_run(path: str, standing: Standing, config: GuildConfig) -> bool:
    level = command_level(path)
    return level is None or holds(level, standing, config)


def may_press(action: str, standing: Standing, config: GuildConfig) -> bool:
    return holds(button_level(action), standing, config)


RANKS = ("a member", "a moderator", "an admin", "the server owner")


def rank(standing: Standing, config: GuildConfig) -> int:
    """0 a member, 1 a moderator, 2 an admin, 3 the server owner."""
    if standing.owner:
        return 3
    if is_admin(standing, config):
        return 2
    return 1 if is_moderator(standing, config) else 0


def may_act_on(actor: Standing, target: Standing, config: GuildConfig) -> bool:
    return rank(actor, config) > rank(target, config)


def outranked(target: Standing, config: GuildConfig) -> str:
    """Why an actor may not act on `target` (who is at least their equal)."""
    level = rank(target, config)
    if level == 3:
        return "They are the server owner: nobody acts on them through me."
    above = " or ".join(RANKS[level + 1 :])
    return f"They are {RANKS[level]} here: only {above} can act on them through me."


def denial(level: Level, config: GuildConfig) -> str:
    """What to tell a member who lacks `level`: the permission or role that would give it."""
    if level is Level.ADMIN:
        return "You need the **Manage Server** permission to do that."
    key, permission = (
        ("editor_role", "**Manage Server**") if level is Level.EDITOR else ("moderator_role", "**Moderate Members**")
    )
    role = config.role(key)
    named = f"the <@&{role}> role" if role is not None else f"the {level.value} role (none is set: `/config set {key}`)"
    return f"You need the {permission} permission or {named} to do that."


# -- who may hear about a discussion -------------------------------------------------------------
# The chat quotes a discussion (its digest, its vote, links into it) in an answer. An answer is a
# message: everyone who reads the channel where it is posted reads it, whoever asked. So the chat
# speaks of a discussion only when the asker can see the discussion's channel AND every reader of
# the answer can too. "Every reader" is decided without listing members (a server may have 100,000):
# the discussion is open to @everyone, or the answer is posted inside the discussion's own channel
# or thread (whose readers are the discussion's readers, or fewer), or in a DM (the asker alone).
# A staff member asking about a staff-only discussion in #general gets the articles, not the thread;
# asked inside the thread, or in a DM, they get it. Anything the bot cannot check counts as unseen.

VIEW_CHANNEL = 1 << 10
ADMINISTRATOR = 1 << 3


@dataclass(frozen=True, slots=True)
class DiscussionSight:
    """What Discord shows, as the policy reads it, for one discussion and one answer."""

    asker_sees: bool  # the asker may view the discussion's channel
    everyone_sees: bool  # @everyone may view it (so any member of the server may)
    answered_inside: bool  # the answer is posted in the discussion's channel or thread
    private_answer: bool  # the answer is a DM: only the asker reads it


def may_discuss(sight: DiscussionSight) -> bool:
    return sight.asker_sees and (sight.private_answer or sight.everyone_sees or sight.answered_inside)


@dataclass(frozen=True, slots=True)
class Overwrite:
    target_id: int
    is_member: bool  # a member's overwrite, else a role's (@everyone's id is the server's)
    allow: int
    deny: int


def channel_permissions(
    *,
    guild_id: int,
    owner: bool,
    member_id: int,
    member_roles: frozenset[int],
    role_permissions: dict[int, int],
    overwrites: tuple[Overwrite, ...],
) -> int:
    """A member's permissions in a channel, from raw facts (Discord's documented order: @everyone's
    and the member's roles' permissions, then @everyone's overwrite, the roles' overwrites, the
    member's own). For a server the bot has no cache of; discord.py computes the same when it has."""
    if owner:
        return -1  # every permission
    base = role_permissions.get(guild_id, 0)
    for role in member_roles:
        base |= role_permissions.get(role, 0)
    if base & ADMINISTRATOR:
        return -1
    everyone = next((o for o in overwrites if not o.is_member and o.target_id == guild_id), None)
    if everyone is not None:
        base = (base & ~everyone.deny) | everyone.allow
    allow = deny = 0
    for overwrite in overwrites:
        if not overwrite.is_member and overwrite.target_id in member_roles:
            allow |= overwrite.allow
            deny |= overwrite.deny
    base = (base & ~deny) | allow
    own = next((o for o in overwrites if o.is_member and o.target_id == member_id), None)
    if own is not None:
        base = (base & ~own.deny) | own.allow
    return base
