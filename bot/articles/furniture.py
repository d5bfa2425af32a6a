"""What the source site adds around an article: not article text.

`CUT_MARKERS` end the article: that line and every line after it are page furniture
(a trending-video box with its own byline and time stamp follows the marker on Hot Air).
`FURNITURE_LINES` are single lines dropped wherever they stand (share buttons,
membership and newsletter pitches).
"""

from __future__ import annotations

import re

CUT_MARKERS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # another site's box: "Trending on Hotair Video", "Trending on The Ledger Line", "Most Read on Valley
        # Voices". The site is a name (capitalised words), so a sentence ("most popular in the region was…") is not.
        r"^(?:trending|popular|most (?:read|popular|viewed|shared|commented)|top stories) (?:on|at|from|in) "
        r"(?-i:[A-Z][\w'’&.-]*(?: (?:[A-Z0-9][\w'’&.-]*|of|the|and|&)){0,5})(?: videos?| stories)?(?<!\.)\s*$",
        r"^(?:trending|most (?:read|popular|viewed|shared|commented)|top stories)"
        r"(?: stories| videos?| now| today)?\s*$",
        r"^(?:recommended(?: for you| reading| stories)?|related (?:videos|stories|articles))\s*$",
        r"^sponsored (?:content|stories|links)\s*$",
        r"^comments?\s*\(\d+\)\s*$",
        r"^join the conversation\s*$",
    )
)

FURNITURE_LINES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^(?:share|tweet|email|print|copy link)(?:\s+(?:on|this|to)\b.{0,30})?\s*$",
        r"^share (?:on|this|to)\b.{0,40}$",
        r"^(?:join|become) [\w ]{0,30}\b(?:vip|premium)\b.{0,120}$",
        r"^(?:sign up|subscribe)(?: now)? (?:for|to) (?:our|the) .{0,40}newsletter.{0,40}$",
        r"^(?:already a member|members? only|log ?in to comment)\b.{0,60}$",
        r"^(?:use|with) promo code\b.{0,80}$",
        r"^advertisement\s*$",
        # a byline with its time stamp on a line of its own ("Hannah Greer 9:12 AM on January 14, 2025")
        r"^(?:by )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3},? \d{1,2}:\d{2} ?[AP]\.?M\.?(?: [A-Z]{2,4})?"
        r"(?: on| ·|,)? [A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$",
    )
)


def is_cut_marker(line: str) -> bool:
    stripped = line.strip()
    return any(p.search(stripped) for p in CUT_MARKERS)


def is_furniture(line: str) -> bool:
    stripped = line.strip()
    return any(p.search(stripped) for p in FURNITURE_LINES)
