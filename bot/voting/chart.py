"""The results bar chart as a PNG (Pillow). Plain data in, bytes out."""

from __future__ import annotations

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

from bot.voting.tally import VoteSummary

WIDTH = 900
ROW = 54
MARGIN = 28
BACKGROUND = (43, 45, 49)  # Discord's dark theme, so the image sits well in the client
TEXT = (242, 243, 245)
MUTED = (181, 186, 193)
TRACK = (64, 66, 73)
BAR = (88, 101, 242)
LEADER = (87, 242, 135)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow built without FreeType
        return ImageFont.load_default()


def render_chart(summary: VoteSummary) -> bytes:
    title_font, label_font, small_font = _font(24), _font(18), _font(16)
    title_lines = textwrap.wrap(summary.question, width=64)[:3] or ["Results"]
    rows = summary.rows or ()
    height = MARGIN * 2 + 32 * len(title_lines) + 16 + ROW * max(1, len(rows)) + 36
    image = Image.new("RGB", (WIDTH, height), BACKGROUND)
    draw = ImageDraw.Draw(image)
    y = MARGIN
    for line in title_lines:
        draw.text((MARGIN, y), line, fill=TEXT, font=title_font)
        y += 32
    y += 16
    leader = max((r.votes for r in rows), default=0)
    track_width = WIDTH - 2 * MARGIN
    for row in rows:
        label = textwrap.shorten(row.label, width=70, placeholder="…")
        draw.text((MARGIN, y), label, fill=TEXT, font=label_font)
        figure = f"{row.percent:.1f}%  ({row.votes})"
        draw.text((WIDTH - MARGIN, y), figure, fill=MUTED, font=label_font, anchor="ra")
        top = y + 26
        draw.rounded_rectangle((MARGIN, top, MARGIN + track_width, top + 14), radius=7, fill=TRACK)
        filled = int(track_width * row.percent / 100)
        if filled > 0:
            colour = LEADER if row.votes == leader and leader > 0 else BAR
            draw.rounded_rectangle((MARGIN, top, MARGIN + max(filled, 14), top + 14), radius=7, fill=colour)
        y += ROW
    if not rows:
        draw.text((MARGIN, y), "No answers yet.", fill=MUTED, font=label_font)
        y += ROW
    state = "open" if summary.is_open else "closed"
    footer = f"{summary.voters} voter{'s' if summary.voters != 1 else ''} · vote {state}"
    draw.text((MARGIN, y + 6), footer, fill=MUTED, font=small_font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
