"""All SQL lives here: the engines (SQLite, PostgreSQL), numbered migrations, and one module per table group."""

from bot.storage.database import Database, MigrationError, Row, StorageUnavailable, Transaction, UniqueViolation

__all__ = ["Database", "MigrationError", "Row", "StorageUnavailable", "Transaction", "UniqueViolation"]
