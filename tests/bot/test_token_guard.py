from __future__ import annotations

import json

from bot.token_guard import REMOVED, TokenScrubber

TOKEN = "MTE0NTk2NzQyMzQ1Njc4OTAxMg.GhIjKl.abcdefghijklmnop_qrstuvwxyz-0123456789"
SECRET = TOKEN.rsplit(".", 1)[-1]


def test_the_token_goes_from_text_also_when_markdown_escaped():
    scrub = TokenScrubber(TOKEN).text
    assert scrub(f"token={TOKEN}!") == f"token={REMOVED}!"
    escaped = TOKEN.replace("_", "\\_").replace("-", "\\-")
    assert scrub(f"see {escaped}") == f"see {REMOVED}"
    assert scrub(f"only the secret part: {SECRET}") == f"only the secret part: {REMOVED}"
    assert scrub("MTE0NTk2NzQyMzQ1Njc4OTAxMg is the bot's id, which is public") == (
        "MTE0NTk2NzQyMzQ1Njc4OTAxMg is the bot's id, which is public"
    )


def test_every_string_of_a_payload_and_a_forms_json_is_scrubbed():
    scrubber = TokenScrubber(TOKEN)
    payload = {"content": TOKEN, "embeds": [{"description": f"x {TOKEN} y", "fields": [{"value": SECRET}]}], "n": 3}
    cleaned = scrubber.payload(payload)
    assert TOKEN not in json.dumps(cleaned) and SECRET not in json.dumps(cleaned) and cleaned["n"] == 3
    # multipart: payload_json is JSON text already, where an escaped "\_" is written "\\_"
    form = [
        {"name": "payload_json", "value": json.dumps({"content": TOKEN.replace("_", "\\_")})},
        {"name": "files[0]", "value": b"binary", "filename": "chart.png"},
    ]
    cleaned_form = scrubber.form(form)
    assert cleaned_form is not None
    assert json.loads(cleaned_form[0]["value"]) == {"content": REMOVED}
    assert cleaned_form[1] == form[1]
