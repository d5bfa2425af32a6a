"""Moved to bot.responses; kept until the modules of other branches in flight that import it from
here are changed."""

from bot.responses import send_ephemeral as send_ephemeral
