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
        r"^(?:trending|popular|most (?:read|popular|viewed|shared|commented)|top stories|more from) (?:on |at |in )?"
        r"(?:the )?(?-i:[A-Z][\w'’&.-]*(?: (?:[A-Z0-9][\w'’&.-]*|of|the|and|&)){0,5})(?: videos?| stories)?(?<!\.)\s*$",
        r"^(?:trending|most (?:read|popular|viewed|shared|commented)|top stories)"
        r"(?: stories| videos?| now| today)?\s*$",
        r"^(?:recommended(?: for you| reading| stories)?"
        r"|related(?: videos| stories| articles| links| coverage)?)\s*:?\s*$",
        # a links box in other sites' words ("Read more:", "You may also like", "Latest News")
        r"^(?:read (?:more|next|also)|see also|also read|more stories|you (?:may|might) also like"
        r"|do(?:n['’]t| not) miss|latest (?:news|stories|headlines))\s*:?\s*$",
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


# Paragraphs of one line that are the site's, not the article's, dropped only when they stand alone
# (a blank line either side): a line of a hard-wrapped paragraph can read like one ("by Janelle
# Ortiz" / "of the planning office"), and dropping it would cut words out of the paragraph.
FURNITURE_PARAGRAPHS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # a byline in fields ("By Janelle Ortiz | Staff Writer | Published 7:02 a.m. ET July 10, 2024"): a
        # pipe and a time stamp on one line; a byline alone ("By Janelle Ortiz"); a credit with its
        # time stamps ("Reporting by Derek Simms. Posted 6:48 p.m. Nov. 11")
        r"^(?=[^|]{0,120}\|)(?=.{0,200}\b\d{1,2}:\d{2} ?[ap]\.?m\b).{0,250}$",
        r"^(?-i:By) (?-i:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3})\s*(?:\|.{0,200})?$",
        r"^(?:reporting|written|story|text) by .{0,60}\b(?:posted|published|updated)\b.{0,80}$",
        # a newsletter by its name ("Sign up for the Northwoods Ledger Daily: …"), an inbox pitch, an app's
        r"^(?:sign up|subscribe)(?: now)? (?:for|to) (?:our|the) (?-i:[A-Z]).{0,150}$",
        r"^.{0,100}\binbox\b.{0,60}(?-i:Sign up)(?: now| today| here)?[.!]?\s*$",
        r"^.{0,80}\bdownload (?:the|our) (?:[\w’'-]+ ){0,3}app\b.{0,80}$",
    )
)


def is_cut_marker(line: str) -> bool:
    stripped = line.strip()
    return any(p.search(stripped) for p in CUT_MARKERS)


def is_furniture(line: str) -> bool:
    stripped = line.strip()
    return any(p.search(stripped) for p in FURNITURE_LINES)


def is_furniture_paragraph(text: str) -> bool:
    """A paragraph of one line that the site adds (a byline, a pitch), judged only as a whole paragraph."""
    stripped = text.strip()
    return "\n" not in stripped and any(p.search(stripped) for p in FURNITURE_PARAGRAPHS)
