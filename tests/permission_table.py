"""The expected permission table, written out by hand: each kind of member × each privileged action →
allowed or not. The unit test checks bot.permissions against it in full; the end-to-end test checks
the running bot against it. It is the tests' oracle: nothing here is read from the bot's own tables.
"""

from __future__ import annotations

MODERATOR_COMMANDS = (
    "/automod rule add",
    "/automod rule remove",
    "/automod rule list",
    "/automod test",
    "/automod exempt",
    "/automod config",
    "/automod places",
    "/automod names",
    "/mod warn",
    "/mod timeout",
    "/mod untimeout",
    "/mod note",
    "/mod purge",
    "/mod slowmode",
    "/mod lock",
    "/mod unlock",
    "/mod history",
    "/mod case",
)
EDITOR_COMMANDS = (
    "/article post",
    "/article close",
    "/update push",
    "/update edit",
    "/update retract",
    "/feed add",
    "/feed remove",
)
ADMIN_COMMANDS = ("/config show", "/config set", "/config reset")
REVIEW_BUTTONS = ("review card: Approve", "review card: Reject", "review card: Warn", "review card: Timeout")
REPORT_BUTTONS = ("report card: Dismiss", "report card: Remove message", "report card: Warn", "report card: Timeout")
FILTER_EXEMPTION = "filter exemption"
CHAT = ("chat: editor commands", "chat: moderator commands", "chat: admin commands")

ACTIONS = (
    *MODERATOR_COMMANDS,
    *EDITOR_COMMANDS,
    *ADMIN_COMMANDS,
    *REVIEW_BUTTONS,
    *REPORT_BUTTONS,
    FILTER_EXEMPTION,
    *CHAT,
)

MODERATOR = {*MODERATOR_COMMANDS, *REVIEW_BUTTONS, *REPORT_BUTTONS, FILTER_EXEMPTION, "chat: moderator commands"}
EDITOR = {*EDITOR_COMMANDS, "chat: editor commands"}
EVERYTHING = set(ACTIONS)

# Who → what they may do. Everything not listed is refused.
ALLOWED: dict[str, set[str]] = {
    "nothing": set(),
    "Manage Messages only": set(),
    "Moderate Members": MODERATOR,
    "Manage Server": EVERYTHING,
    "Administrator": EVERYTHING,
    "the moderator role": MODERATOR,
    "the editor role": EDITOR,
    "the bypass role": {FILTER_EXEMPTION},
    "the server owner": EVERYTHING,
}
WHO = tuple(ALLOWED)

# Who outranks whom when a moderator acts on a member (a warning, a timeout, a card's Remove):
# an actor may act on a target of a lower rank only.
RANK: dict[str, int] = {
    "nothing": 0,
    "Manage Messages only": 0,
    "the editor role": 0,
    "the bypass role": 0,
    "Moderate Members": 1,
    "the moderator role": 1,
    "Manage Server": 2,
    "Administrator": 2,
    "the server owner": 3,
}
