"""Who may hear about a discussion in a chat answer (bot.permissions.may_discuss), and a member's
permissions in a channel from raw facts, for servers another shard process serves."""

from __future__ import annotations

import itertools

import pytest

from bot.permissions import (
    ADMINISTRATOR,
    VIEW_CHANNEL,
    DiscussionSight,
    Overwrite,
    channel_permissions,
    may_discuss,
)

GUILD, STAFF, HELPER, MEMBER = 1, 2, 3, 4
SEND = 1 << 11


@pytest.mark.parametrize("facts", list(itertools.product((False, True), repeat=4)))
def test_a_discussion_is_spoken_of_only_if_the_asker_and_every_reader_see_it(facts: tuple[bool, ...]):
    asker, everyone, inside, private = facts
    allowed = may_discuss(DiscussionSight(asker, everyone, inside, private))
    assert allowed == (asker and (everyone or inside or private))


def sees(roles: frozenset[int], overwrites: tuple[Overwrite, ...], *, owner: bool = False, base: int = 0) -> bool:
    permissions = channel_permissions(
        guild_id=GUILD,
        owner=owner,
        member_id=MEMBER,
        member_roles=roles,
        role_permissions={GUILD: VIEW_CHANNEL | SEND | base, STAFF: 0, HELPER: 0},
        overwrites=overwrites,
    )
    return bool(permissions & VIEW_CHANNEL)


STAFF_ONLY = (Overwrite(GUILD, False, 0, VIEW_CHANNEL), Overwrite(STAFF, False, VIEW_CHANNEL, 0))


def test_channel_permissions_follow_discords_order():
    assert sees(frozenset(), ())  # no overwrites: @everyone's permissions
    assert not sees(frozenset(), STAFF_ONLY)  # @everyone denied
    assert sees(frozenset({STAFF}), STAFF_ONLY)  # a role's allow beats @everyone's deny
    # a role's allow beats another role's deny (roles' overwrites are merged, allows last)
    assert sees(frozenset({STAFF, HELPER}), (*STAFF_ONLY, Overwrite(HELPER, False, 0, VIEW_CHANNEL)))
    # the member's own overwrite comes last, either way
    assert not sees(frozenset({STAFF}), (*STAFF_ONLY, Overwrite(MEMBER, True, 0, VIEW_CHANNEL)))
    assert sees(frozenset(), (*STAFF_ONLY, Overwrite(MEMBER, True, VIEW_CHANNEL, 0)))
    # a role overwrite with the member's id as role id is not the member's
    assert not sees(frozenset(), (*STAFF_ONLY, Overwrite(MEMBER, False, VIEW_CHANNEL, 0)))
    # the owner and Administrator see everything
    assert sees(frozenset(), STAFF_ONLY, owner=True)
    assert sees(frozenset(), STAFF_ONLY, base=ADMINISTRATOR)
