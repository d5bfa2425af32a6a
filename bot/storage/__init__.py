"""All SQL lives here: the engines (SQLite, PostgreSQL), numbered migrations, and one module per table group."""

from bot.storage.database import Database, DatabaseError, MigrationError, Row, Transaction, UniqueViolation

__all__ = ["Database", "DatabaseError", "MigrationError", "Row", "Transaction", "UniqueViolation"]
