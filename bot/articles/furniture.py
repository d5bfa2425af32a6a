"""What the source site adds around an article: not article text.

`CUT_MARKERS` end the article: that line and every line after it are page furniture
(a trending-video box with its own byline and time stamp follows the marker on Hot Air). A marker
names a box ("Most Read on the Courier", "Related stories"): a Title Case subhead ("Popular Trails
Reopen", "More From City Hall", "Don't miss:") must not read as one, or the article ends there.

`FURNITURE_LINES` are single lines dropped wherever they stand (share buttons, membership pitches,
a byline with its time stamp). A hard-wrapped paragraph's lines pass through them too, so each
starts with a capital a button or a byline has and prose in mid-sentence does not.

`FURNITURE_PARAGRAPHS` are dropped only as a whole paragraph of one line (bylines, newsletter and
app pitches, copyright lines). Article files often put each paragraph on one line, so each of
these says what only a site writes: a capitalised label, a newsletter's name, a time stamp, no
"said".
"""

from __future__ import annotations

import re

# A site's name: capitalised words ("The Ledger Line", "KARE 11"), or its domain.
_SITE = r"(?:(?-i:[A-Z][\w'’&.-]*(?: (?:[A-Z0-9][\w'’&.-]*|of|the|and|&)){0,5})|[a-z0-9-]+\.(?:com|org|net|news|tv))"
# A person's name as a byline gives it: two to four capitalised words, not "The Numbers".
_NAME = r"(?-i:(?!(?:The|A|An|This|That)\b)[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})"
_ROLE = (
    r"(?:(?:staff|senior|contributing|special|freelance|local) )?"
    r"(?:writer|reporter|correspondent|editor|photographer)"
)

CUT_MARKERS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # another site's box: "Trending on Hotair Video", "Most Read on the Harrisford Courier", "Top
        # Stories from WHRF". The site is a name, so a sentence ("most popular in the region was…") is not.
        r"^(?:trending|popular|most (?:read|popular|viewed|shared|commented)|top stories) (?:on|at|from|in) "
        rf"(?:the )?{_SITE}(?: videos?| stories)?(?<!\.)\s*:?\s*$",
        r"^(?:trending|most (?:read|popular|viewed|shared|commented)|top stories)"
        r"(?: stories| videos?| now| today)?\s*:?\s*$",
        r"^(?:recommended(?: for you| reading| stories| videos)?"
        r"|related(?: videos| stories| articles| links| coverage| content| posts)?)\s*:?\s*$",
        # a links box in other sites' words
        r"^(?:read (?:more|next|also)|see also|also read|more stories|you (?:may|might) also like|more local news"
        r"|in other news|editor['’]s picks|around the web|keep reading|what['’]s trending|more news|recent stories"
        r"|(?:top|more|latest) headlines|(?:featured|popular|promoted) stories|related topics|suggested for you"
        r"|more coverage|more on this story|sponsored|paid content)\s*:?\s*$",
        rf"^more stories (?:from|on|at) (?:the )?{_SITE}\s*:?\s*$",
        r"^more (?-i:[A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*){0,2}) stories\s*:?\s*$",
        r"^sponsored (?:content|stories|links)\s*$",
        r"^comments?\s*\(\d+\)\s*$",
        r"^join the conversation\s*$",
    )
)

FURNITURE_LINES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"^(?-i:Share|Tweet|Email|Print|Copy link)"
        r"(?: (?:on|to) (?:facebook|twitter|x|linkedin|reddit|whatsapp|pinterest|bluesky|threads|email)"
        r"| this(?: article| story| page)?| to a friend)?\s*$",
        r"^(?-i:Join|Become) [\w ]{0,30}\b(?:vip|premium)\b.{0,120}$",
        r"^(?-i:Sign up|Subscribe)(?: now)? (?:for|to) our\b.{0,40}newsletter.{0,80}$",
        r"^(?-i:Already a member|Members? only|Log ?in to comment)\b.{0,60}$",
        r"^(?-i:Use|With) promo code\b.{0,80}$",
        r"^advertisement\s*$",
        # a byline with its time stamp on a line of its own ("Hannah Greer 9:12 AM on January 14, 2025")
        r"^(?:(?-i:By) )?(?-i:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}),? \d{1,2}:\d{2} ?[AP]\.?M\.?(?: [A-Z]{2,4})?"
        r"(?: on| ·|,)? (?-i:[A-Z][a-z]+)\.? \d{1,2}, \d{4}\s*$",
    )
)

FURNITURE_PARAGRAPHS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # a byline in fields ("By Janelle Ortiz | Staff Writer | Published 7:02 a.m. ET July 10, 2024"): a
        # pipe, a time stamp and a word only a byline has ("If you go: 6:30 p.m. | Lakeview High" is not one)
        r"^(?=[^|]{0,120}\|)(?=.{0,200}\b\d{1,2}:\d{2} ?[ap]\.?m\b)"
        r"(?=.{0,250}\b(?:published|updated|posted|staff|writer|reporter|correspondent|editor|[ECMP][SD]?T)\b).{0,250}$",
        # "By Janelle Ortiz", "By Janelle Ortiz and Matt Lindgren, Staff Writers", "Janelle Ortiz, Staff Writer"
        rf"^(?-i:By) {_NAME}(?: and {_NAME})?(?:\s*[,/|]\s*(?:{_ROLE}s?|(?:the )?{_SITE}))?\s*$",
        rf"^{_NAME}\s*[,/|]\s*{_ROLE}(?:\s*[,/|]\s*(?:the )?{_SITE})?\s*$",
        # "Posted: Nov 11, 2024 / 06:48 PM CST", "Updated: Nov. 12, 2024, 2:41 p.m."
        r"^(?:posted|published|updated)(?: on)?:? (?-i:[A-Z][a-z]{2,8})\.? \d{1,2},? \d{4}\b.{0,40}$",
        # a credit with its time stamps ("Reporting by Derek Simms. Posted 6:48 p.m. Nov. 11")
        r"^(?-i:Reporting|Written|Story|Text|Photos?) by (?-i:[A-Z])[^.]{0,60}\. "
        r"(?:posted|published|updated)\b.{0,80}$",
        # a newsletter by its name, an inbox's or an app's pitch; never a sentence someone said
        r"^(?!.*\bsaid\b)(?-i:Sign up|Subscribe)(?: now)? (?:for|to) (?:our|the) [^.;]{0,60}"
        r"\b(?:newsletters?|(?-i:Daily|Weekly|Brief|Digest|Newsletter|Today|Morning|Evening|Update))\b.{0,120}$",
        r"^(?!.*\bsaid\b).{0,100}\binbox\b.{0,60}\b(?:sign up|subscribe)\b.{0,40}$",
        r"^(?!.*\bsaid\b)(?-i:Get) the .{0,60}\b(?:in|to) your inbox\b.{0,80}$",
        r"^(?!.*\bsaid\b).{0,80}(?-i:Subscribe)(?: today| now)[.!]?\s*$",
        r"^(?!.*\bsaid\b)(?:.{0,60}[.?!] )?(?-i:Download|Get) the (?-i:[A-Z])[\w’'&. -]{0,40} app\b.{0,60}$",
        r"^(?:follow|like) us on (?:facebook|twitter|x|instagram|tiktok|threads|bluesky|youtube)\b.{0,80}$",
        r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}\b.{0,300}$",
        # an inline link under a label in capitals ("READ MORE: Harrisford High names new coach")
        r"^(?-i:READ MORE|RELATED|ALSO READ|READ NEXT|MORE|WATCH|SEE ALSO|LISTEN)\s*:\s+\S.{0,150}$",
        # or under a label in words, a headline after it: capitalised, with no stop at its end
        # ("Related: Police: Driver fled after striking mailbox"; "Related: the council also voted…." is text)
        r"^(?-i:Related|Read next|Read more|Also read|See also|More|Watch)\s*:\s+(?-i:[A-Z])[^\n]{0,150}(?<![.!?\"”])$",
        r"^(?-i:Tags|Filed [Uu]nder)\s*:\s*\S.{0,200}$",
        r"^(?!.*\bsaid\b)(?-i:Subscribe)(?: now| today)? (?:for just|for only|for \$|and get|and save)\b.{0,80}$",
        r"^(?-i:Download) our\b.{0,40}\bapp\b.{0,60}$",
        # comments and corrections
        r"^(?:leave a (?:comment|reply)|\d+ comments?|(?:show|view|hide|read) (?:all )?comments?(?: \(\d+\))?)\s*$",
        r"^report an? (?:typo|error|correction)(?: or (?:an? )?(?:typo|error))?\s*$",
        # a reporter's tagline and the newsroom's pitch
        r"^(?-i:[A-Z][\w'’.-]+ [A-Z][\w'’.-]+) (?:covers|writes about|reports on)\b.{0,120}"
        r"\b(?:reach|contact|email|follow)\b.{0,120}$",
        r"^(?-i:Contact|Reach) (?-i:[A-Z][\w'’.-]+ [A-Z][\w'’.-]+) at [\w.+-]+@[\w-]+\.[\w.]+\.?\s*$",
        r"^(?-i:Follow) (?-i:[A-Z][\w'’.-]+)(?: (?-i:[A-Z][\w'’.-]+))? "
        r"on (?:x|twitter|instagram|threads|bluesky)\b.{0,40}$",
        r"^(?:the )?(?-i:[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,4}) contributed to this (?:report|story)\.?\s*$",
        r"^(?:have|got) an? (?:news )?(?:tip|story idea)\b.{0,120}$",
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
