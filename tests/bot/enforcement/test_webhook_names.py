from __future__ import annotations

import re

import pytest

from bot.enforcement.webhook_names import webhook_username


@pytest.mark.parametrize(
    ("display_name", "sent_as"),
    [
        ("Max", "Max"),
        ("DiscordFan", "Discоrd" + "Fan"),  # a Cyrillic о
        ("CLYDE the DISCORD mod", "CLYDЕ the DISCОRD mod"),
        ("clydediscordclyde", "clydеdiscоrdclydе"),
        ("everyone", "everyone (member)"),
        ("  spaced   out  ", "spaced out"),
        ("", "A member"),
        ("x" * 100, "x" * 79 + "…"),
    ],
)
def test_a_display_name_becomes_a_name_discord_takes(display_name: str, sent_as: str):
    name = webhook_username(display_name)
    assert name == sent_as
    assert 1 <= len(name) <= 80 and not re.search("discord|clyde", name, re.IGNORECASE)
