"""The name an approved message is reposted under: the author's display name, in a form Discord takes.

Discord refuses (400) a webhook name, or the name one webhook message is sent under, that holds
"discord" or "clyde" anywhere, in any case (its own name, and its system bot's), or that is not 1 to
80 characters; names that are "everyone" or "here" are refused too (its nickname rules). One letter
of such a word is swapped for its Cyrillic twin, which reads the same (python-discord's bot has
reposted under such names since 2020), so "DiscordFan" is still shown as DiscordFan.
"""

from __future__ import annotations

import re

MAX_LENGTH = 80
_FORBIDDEN = re.compile(r"discord|clyde", re.IGNORECASE)
_RESERVED = frozenset({"everyone", "here"})
_TWINS = str.maketrans("oOeE", "оОеЕ")  # Latin o and e → Cyrillic о and е


def _swap_a_letter(match: re.Match[str]) -> str:
    word = match.group()  # its fifth letter: the o of discord, the e of clyde
    return word[:4] + word[4].translate(_TWINS) + word[5:]


def webhook_username(display_name: str) -> str:
    name = " ".join(display_name.split())  # Discord trims and squeezes whitespace anyway
    name = _FORBIDDEN.sub(_swap_a_letter, name)
    if name.casefold() in _RESERVED:
        name = f"{name} (member)"
    if not name:
        return "A member"
    return name if len(name) <= MAX_LENGTH else name[: MAX_LENGTH - 1] + "…"
