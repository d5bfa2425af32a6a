"""The permission policy over the full table (tests/permission_table.py): each kind of member × each
privileged action, and every slash command of every cog gated at the level the policy names."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from discord import app_commands
from discord.ext import commands

import cogs
from bot.enforcement.review import BUTTONS
from bot.guild_config import GuildConfig
from bot.permissions import (
    COMMANDS,
    Level,
    Standing,
    denial,
    is_admin,
    is_editor,
    is_filter_exempt,
    is_moderator,
    may_act_on,
    may_press,
    may_run,
    outranked,
)
from tests.permission_table import ACTIONS, ALLOWED, RANK, WHO

MODERATOR_ROLE, EDITOR_ROLE, BYPASS_ROLE, OTHER_ROLE = 11, 12, 13, 14
CONFIG = GuildConfig(
    1, {"moderator_role": MODERATOR_ROLE, "editor_role": EDITOR_ROLE, "automod_bypass_role": BYPASS_ROLE}, frozenset()
)
NO_ROLES = GuildConfig(1, {}, frozenset())

# Each kind of member as Discord describes them; every one also has an unrelated role.
STANDINGS = {
    "nothing": Standing(roles=frozenset({OTHER_ROLE})),
    "Manage Messages only": Standing(manage_messages=True, roles=frozenset({OTHER_ROLE})),
    "Moderate Members": Standing(moderate_members=True, roles=frozenset({OTHER_ROLE})),
    "Manage Server": Standing(manage_guild=True, roles=frozenset({OTHER_ROLE})),
    "Administrator": Standing(administrator=True, roles=frozenset({OTHER_ROLE})),
    "the moderator role": Standing(roles=frozenset({OTHER_ROLE, MODERATOR_ROLE})),
    "the editor role": Standing(roles=frozenset({OTHER_ROLE, EDITOR_ROLE})),
    "the bypass role": Standing(roles=frozenset({OTHER_ROLE, BYPASS_ROLE})),
    "the server owner": Standing(owner=True),
}
CARD_LABELS = {label: action for kind in BUTTONS.values() for action, label, _ in kind}


def allowed(action: str, standing: Standing, config: GuildConfig) -> bool:
    """The policy's answer for one action of the table."""
    if action.startswith("/"):
        return may_run(action, standing, config)
    if action.startswith(("review card: ", "report card: ")):
        return may_press(CARD_LABELS[action.split(": ", 1)[1]], standing, config)
    if action == "filter exemption":
        return is_filter_exempt(standing, config)
    check = {"editor": is_editor, "moderator": is_moderator, "admin": is_admin}[action.split()[1]]
    return check(standing, config)


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("action", ACTIONS)
def test_the_policy_matches_the_table(who: str, action: str):
    assert allowed(action, STANDINGS[who], CONFIG) == (action in ALLOWED[who])


@pytest.mark.parametrize("actor", WHO)
@pytest.mark.parametrize("target", WHO)
def test_moderators_act_only_on_members_they_outrank(actor: str, target: str):
    assert may_act_on(STANDINGS[actor], STANDINGS[target], CONFIG) == (RANK[actor] > RANK[target])


def test_the_outranked_say_who_may_act_on_them():
    assert outranked(STANDINGS["the moderator role"], CONFIG) == (
        "They are a moderator here: only an admin or the server owner can act on them through me."
    )
    assert (
        outranked(STANDINGS["the server owner"], CONFIG) == "They are the server owner: nobody acts on them through me."
    )


def test_the_table_covers_every_privileged_command_and_card_button():
    assert set(COMMANDS) == {a for a in ACTIONS if a.startswith("/")}
    review = {f"review card: {label}" for _, label, _ in BUTTONS["held"]}
    report = {f"report card: {label}" for _, label, _ in BUTTONS["report"]}
    assert review | report == {a for a in ACTIONS if a.startswith(("review card: ", "report card: "))}


def test_a_card_button_needs_what_its_mod_command_needs():
    for who, standing in STANDINGS.items():
        assert may_press("timeout", standing, CONFIG) == may_run("/mod timeout", standing, CONFIG), who
        assert may_press("warn", standing, CONFIG) == may_run("/mod warn", standing, CONFIG), who
        assert may_press("remove", standing, CONFIG) == may_run("/mod purge", standing, CONFIG), who


def test_roles_grant_nothing_until_the_server_names_them():
    for who in ("the moderator role", "the editor role", "the bypass role"):
        standing = STANDINGS[who]
        assert not any(allowed(action, standing, NO_ROLES) for action in ACTIONS), who


def test_commands_members_may_use_need_no_level():
    for path in ("/vote results", "/article list", "/article preview", "/update list", "/feed list", "/about"):
        assert may_run(path, Standing(), NO_ROLES), path


def test_denials_say_what_permission_or_role_is_needed():
    assert denial(Level.MODERATOR, CONFIG) == (
        f"You need the **Moderate Members** permission or the <@&{MODERATOR_ROLE}> role to do that."
    )
    assert denial(Level.EDITOR, CONFIG) == (
        f"You need the **Manage Server** permission or the <@&{EDITOR_ROLE}> role to do that."
    )
    assert "none is set: `/config set moderator_role`" in denial(Level.MODERATOR, NO_ROLES)
    assert denial(Level.ADMIN, CONFIG) == "You need the **Manage Server** permission to do that."


def _cog_classes() -> list[type[commands.Cog]]:
    found = []
    for module_info in pkgutil.iter_modules(cogs.__path__):
        module = importlib.import_module(f"cogs.{module_info.name}")
        found += [
            value
            for value in vars(module).values()
            if isinstance(value, type) and issubclass(value, commands.Cog) and value.__module__ == module.__name__
        ]
    return found


def _gate(command: app_commands.Command, cog: type[commands.Cog]) -> Level | None:  # type: ignore[type-arg]
    """The level a command's own check asks for, or else its cog's one gate (Cog.interaction_check)."""
    for check in command.checks:
        if isinstance(level := getattr(check, "level", None), Level):
            return level
    if (level := getattr(cog, "gate_level", None)) is not None:
        assert cog.interaction_check is not commands.Cog.interaction_check, f"{cog.__name__} has no gate"
    return level


def test_every_slash_command_is_gated_at_the_level_the_policy_names():
    seen = set()
    for cog in _cog_classes():
        for top in cog.__cog_app_commands__:
            commands_ = top.walk_commands() if isinstance(top, app_commands.Group) else [top]
            for command in commands_:
                if isinstance(command, app_commands.Group):
                    continue
                path = f"/{command.qualified_name}"
                seen.add(path)
                assert _gate(command, cog) == COMMANDS.get(path), path
    assert set(COMMANDS) <= seen  # every privileged command exists
