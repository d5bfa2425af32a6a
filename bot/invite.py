"""The permissions the bot asks for when invited, and the invite URL that carries them."""

from __future__ import annotations

import discord

# Each permission is here for a feature; the README lists why.
REQUIRED_PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    send_messages_in_threads=True,
    create_public_threads=True,
    manage_threads=True,  # lock and archive closed discussions; post in locked threads
    manage_messages=True,  # moderation: remove held and filtered messages
    embed_links=True,  # articles render as embeds
    attach_files=True,  # vote result charts
    read_message_history=True,  # replies, and checking a thread before re-sending an update
    moderate_members=True,  # timeouts
    manage_nicknames=True,  # `/automod names action:2` resets a flagged nickname
    send_polls=True,  # the exit question's vote
    manage_webhooks=True,  # approved messages are reposted under the author's name
)


def invite_url(client_id: int) -> str:
    return discord.utils.oauth_url(client_id, permissions=REQUIRED_PERMISSIONS, scopes=("bot", "applications.commands"))
