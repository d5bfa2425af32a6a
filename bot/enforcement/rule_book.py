"""A server's own moderation rules (`/automod rule`): checked, compiled with the whole set before they
are kept (a rule RE2 refuses, or one past the server's budget, is refused when added, not when messages
arrive), stored, and the server's engine rebuilt."""

from __future__ import annotations

import asyncio

from bot.enforcement.engines import EngineCache, as_server_rules
from bot.errors import UserFacingError
from bot.moderation.matcher import InvalidPattern, check_pattern
from bot.moderation.server_rules import ALLOW, CANDIDATE_ID, ServerRule, try_addition
from bot.storage import moderation as mod_store
from bot.storage.database import Database
from bot.storage.moderation import StoredRule

KINDS = ("keyword", "regex", "deny_domain", "allow_domain")
MODES = ("word", "prefix", "substring")
ACTIONS = ("delete", "hold", "timeout", "warn", "alert", "log", ALLOW)


def domain_of(value: str) -> str:
    """'https://Example.com/path' → 'example.com': a domain rule names the host only."""
    return value.lower().removeprefix("https://").removeprefix("http://").split("/")[0]


def default_action(kind: str) -> str:
    return "hold" if kind == "regex" else "delete"


class RuleBook:
    def __init__(self, db: Database, *, engines: EngineCache) -> None:
        self.db = db
        self.engines = engines  # rebuilt when the rules change

    async def add(
        self, guild_id: int, kind: str, value: str, mode: str | None, action: str | None, added_by: int
    ) -> tuple[StoredRule, str]:
        """The stored rule and a line on how much of the rule budget the server uses. A rule that
        cannot be added is a UserFacingError that says why; nothing is stored then."""
        value = value.strip()
        if kind == "regex":
            try:
                check_pattern(value)
            except InvalidPattern as error:
                raise UserFacingError(f"{error}. Nothing was added.") from None
        elif kind in ("deny_domain", "allow_domain"):
            value = domain_of(value)
        chosen = action or default_action(kind)
        if chosen == ALLOW and kind != "keyword":
            raise UserFacingError("Only a keyword can be allowed (a word or phrase that never triggers).")
        chosen_mode = mode or "word"
        stored_rules = as_server_rules(await mod_store.rules_of(self.db, guild_id))
        candidate = ServerRule(CANDIDATE_ID, kind, value, chosen_mode, chosen)
        current = await self.engines.engine(guild_id)  # compiled once: only the new rule is added to it
        addition = await asyncio.to_thread(try_addition, stored_rules, candidate, current)
        if addition.problem is not None:
            raise UserFacingError(
                f"Rule not added: {addition.problem.reason}. {addition.budget_line()} "
                "Remove rules with `/automod rule remove`, or use a shorter word or pattern."
            )
        stored = await mod_store.add_rule(self.db, guild_id, kind, value, chosen_mode, chosen, added_by)
        if stored is None:
            raise UserFacingError("That rule is already there. See `/automod rule list`.")
        self.engines.adopt(guild_id, addition.stored_as(stored.id), replacing=current)
        return stored, addition.budget_line()

    async def remove(self, guild_id: int, rule_id: int) -> bool:
        """False if the server has no such rule."""
        if not await mod_store.remove_rule(self.db, guild_id, rule_id):
            return False
        self.engines.rules_changed(guild_id)
        return True

    async def rules_of(self, guild_id: int) -> list[StoredRule]:
        return await mod_store.rules_of(self.db, guild_id)
