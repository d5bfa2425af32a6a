"""A web page that shows the emulator's server as Discord would, and lets a person act in it as any
member: messages, slash commands, buttons, modals, polls, reports. Everything goes through the
emulator's gateway to the bot, so the page shows the bot's real behaviour."""

from discord_emulator.webview.app import start_webview

__all__ = ["start_webview"]
