"""All SQL lives here: the connection, numbered migrations, and one module per table group."""

from bot.storage.database import Database, DatabaseError, MigrationError

__all__ = ["Database", "DatabaseError", "MigrationError"]
