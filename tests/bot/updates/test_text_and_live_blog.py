from __future__ import annotations

import datetime as dt

from bot.articles.render import LIVE_BLOG_LIMIT
from bot.storage.updates import UpdateRecord
from bot.updates.live_blog import live_blog_embed
from bot.updates.text import clean_update_text, update_parts, without_label


def record(i: int, text: str, retracted: bool = False) -> UpdateRecord:
    created = dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC) + dt.timedelta(minutes=i)
    return UpdateRecord(
        id=i,
        article_slug="a",
        guild_id=None,
        label=f"Update {i}",
        text=text,
        source="admin",
        source_ref=None,
        author_id=None,
        revision=1,
        created_at=created,
        edited_at=None,
        retracted_at=created if retracted else None,
    )


def test_clean_keeps_paragraphs_and_parts_fit_embeds():
    assert clean_update_text("  a \n b \r\n\r\n\n c ") == "a b\n\nc"
    parts = update_parts("\n\n".join(["word " * 300] * 4))
    assert len(parts) == 2 and all(len(p) <= 4096 for p in parts)


def test_live_blog_newest_first_within_its_budget_and_without_retracted():
    updates = [(record(i, f"Update number {i} " + "x" * 60), 1000 + i) for i in range(40)]
    updates[39] = (record(39, "gone", retracted=True), 1039)
    embed = live_blog_embed(updates, guild_id=1, thread_id=2)
    assert embed is not None
    lines = embed.description.splitlines()
    assert "Update number 38" in lines[0] and "/1/2/1038)" in lines[0]
    assert len(embed.title) + len(embed.description) + len(embed.footer.text) <= LIVE_BLOG_LIMIT
    assert embed.footer.text.startswith("39 updates · newest first ·") and "older not shown" in embed.footer.text
    assert live_blog_embed([], guild_id=1, thread_id=2) is None


def test_an_updates_own_label_is_dropped_from_its_text():
    assert without_label("Update: Talks resumed.", "Update") == ("Update", "Talks resumed.")
    assert without_label("UPDATE — Talks resumed.", "Update") == ("Update", "Talks resumed.")
    assert without_label("Update (4:12 PM): Talks resumed.", "Update") == ("Update (4:12 PM)", "Talks resumed.")
    assert without_label("Update II: Talks resumed.", "Breaking") == ("Breaking", "Talks resumed.")  # the editor's
    for plain in ("Updates to the plan are expected.", "Update the plan: now.", "Talks resumed."):
        assert without_label(plain, "Update") == ("Update", plain)  # body text, as in a seed file
    assert without_label("Update:", "Update") == ("Update", "")  # empty: the command refuses it
