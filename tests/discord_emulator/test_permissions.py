from __future__ import annotations

import time

from discord_emulator import Emulator
from discord_emulator import permissions as perms


def test_overwrites_roles_members_and_timeouts():
    emulator = Emulator(validate_schema=False)
    guild = emulator.create_guild()
    helpers = emulator.create_role(guild, "Helpers", perms.MANAGE_MESSAGES)
    member = emulator.add_member(guild, "m", roles=[helpers])
    channel = emulator.create_text_channel(guild, "c")
    assert emulator.permissions_in(channel, member.user.id) & perms.MANAGE_MESSAGES
    emulator.set_channel_permission(channel, guild.roles[guild.id], deny=perms.SEND_MESSAGES)
    assert not emulator.permissions_in(channel, member.user.id) & perms.SEND_MESSAGES
    emulator.set_channel_permission(channel, helpers, allow=perms.SEND_MESSAGES)
    assert emulator.permissions_in(channel, member.user.id) & perms.SEND_MESSAGES
    emulator.set_channel_permission(channel, member, deny=perms.SEND_MESSAGES)
    assert not emulator.permissions_in(channel, member.user.id) & perms.SEND_MESSAGES
    member.communication_disabled_until = time.time() + 60
    assert emulator.permissions_in(channel, member.user.id) == perms.VIEW_CHANNEL | perms.READ_MESSAGE_HISTORY
    owner = guild.members[guild.owner_id]
    assert emulator.permissions_in(channel, owner.user.id) == perms.ALL
    emulator.set_channel_permission(channel, guild.roles[guild.id], deny=perms.VIEW_CHANNEL)
    assert emulator.permissions_in(channel, member.user.id) == 0
