"""Moderation rules per server and the numbered cases (tables automod_rules, mod_cases)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.enums import CaseAction
from bot.storage.database import Database, Row, sql_time
from bot.storage.rows import as_record


@dataclass(frozen=True, slots=True)
class StoredRule:
    id: int
    guild_id: int
    kind: str
    value: str
    mode: str
    action: str


@dataclass(frozen=True, slots=True)
class Case:
    guild_id: int
    number: int
    member_id: int
    moderator_id: int | None
    rule: str | None
    action: CaseAction
    reason: str | None
    excerpt: str | None
    channel_id: int | None
    message_id: int | None
    created_at: dt.datetime
    expires_at: dt.datetime | None
    log_message_id: int | None


def _case(row: Row) -> Case:
    return as_record(Case, row)


async def add_rule(
    db: Database, guild_id: int, kind: str, value: str, mode: str, action: str, created_by: int
) -> StoredRule | None:
    """The new rule, or None when the server already has it."""
    async with db.transaction() as tx:
        rule_id = await tx.fetch_value(
            "INSERT INTO automod_rules (guild_id, kind, value, mode, action, created_by) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
            (guild_id, kind, value, mode, action, created_by),
        )
    return None if rule_id is None else StoredRule(int(rule_id), guild_id, kind, value, mode, action)


async def rules_of(db: Database, guild_id: int) -> list[StoredRule]:
    rows = await db.fetch_all(
        "SELECT id, guild_id, kind, value, mode, action FROM automod_rules WHERE guild_id = ? ORDER BY id",
        (guild_id,),
    )
    return [StoredRule(*tuple(r)) for r in rows]


async def remove_rule(db: Database, guild_id: int, rule_id: int) -> bool:
    return await db.execute("DELETE FROM automod_rules WHERE id = ? AND guild_id = ?", (rule_id, guild_id)) > 0


async def open_case(
    db: Database,
    *,
    guild_id: int,
    member_id: int,
    moderator_id: int | None,
    rule: str | None,
    action: str,
    reason: str | None,
    excerpt: str | None = None,
    channel_id: int | None = None,
    message_id: int | None = None,
    expires_at: dt.datetime | None = None,
) -> Case:
    """A new case with the server's next number (numbers are given out inside the write transaction)."""
    async with db.transaction() as tx:
        # Two cases opened at once must not both take the next number (PostgreSQL runs them side by side).
        await tx.lock(f"mod_cases:{guild_id}")
        number = int(
            await tx.fetch_value("SELECT COALESCE(MAX(number), 0) + 1 FROM mod_cases WHERE guild_id = ?", (guild_id,))
        )
        await tx.execute(
            "INSERT INTO mod_cases (guild_id, number, member_id, moderator_id, rule, action, reason, excerpt, "
            "channel_id, message_id, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                guild_id,
                number,
                member_id,
                moderator_id,
                rule,
                action,
                reason,
                (excerpt or "")[:500] or None,
                channel_id,
                message_id,
                sql_time(expires_at) if expires_at else None,
            ),
        )
    case = await get_case(db, guild_id, number)
    assert case is not None
    return case


async def get_case(db: Database, guild_id: int, number: int) -> Case | None:
    row = await db.fetch_one("SELECT * FROM mod_cases WHERE guild_id = ? AND number = ?", (guild_id, number))
    return None if row is None else _case(row)


async def cases_of_member(db: Database, guild_id: int, member_id: int, limit: int = 25) -> list[Case]:
    rows = await db.fetch_all(
        "SELECT * FROM mod_cases WHERE guild_id = ? AND member_id = ? ORDER BY number DESC LIMIT ?",
        (guild_id, member_id, limit),
    )
    return [_case(r) for r in rows]


async def set_case_reason(db: Database, guild_id: int, number: int, reason: str) -> bool:
    changed = await db.execute(
        "UPDATE mod_cases SET reason = ? WHERE guild_id = ? AND number = ?", (reason, guild_id, number)
    )
    return changed > 0


async def record_log_message(db: Database, guild_id: int, number: int, message_id: int) -> None:
    await db.execute(
        "UPDATE mod_cases SET log_message_id = ? WHERE guild_id = ? AND number = ?", (message_id, guild_id, number)
    )


async def active_warnings(db: Database, guild_id: int, member_id: int, now: dt.datetime) -> int:
    count = await db.fetch_value(
        "SELECT COUNT(*) FROM mod_cases WHERE guild_id = ? AND member_id = ? AND action = 'warn' AND expires_at > ?",
        (guild_id, member_id, sql_time(now)),
    )
    return int(count)
