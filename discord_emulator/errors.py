"""Discord's error responses: `{"code", "message", "errors"?}` with the matching HTTP status."""

from __future__ import annotations

from typing import Any

# JSON error codes
UNKNOWN_CHANNEL = 10003
UNKNOWN_GUILD = 10004
UNKNOWN_MEMBER = 10007
UNKNOWN_MESSAGE = 10008
UNKNOWN_WEBHOOK = 10015
UNKNOWN_INTERACTION = 10062
UNKNOWN_APPLICATION_COMMAND = 10063
CANNOT_SEND_EMPTY_MESSAGE = 50006
MISSING_ACCESS = 50001
MISSING_PERMISSIONS = 50013
INVALID_FORM_BODY = 50035
INVALID_WEBHOOK_TOKEN = 50027
THREAD_ARCHIVED = 50083
THREAD_LOCKED = 160005
THREAD_ALREADY_CREATED = 160004
ALREADY_ACKNOWLEDGED = 40060
POLL_EXPIRED = 520001
CANNOT_EDIT_POLL = 50161


class DiscordError(Exception):
    def __init__(self, status: int, code: int, message: str, errors: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors

    def body(self) -> dict[str, Any]:
        data: dict[str, Any] = {"message": self.message, "code": self.code}
        if self.errors:
            data["errors"] = self.errors
        return data


def not_found(code: int, what: str) -> DiscordError:
    return DiscordError(404, code, f"Unknown {what}")


def missing_permissions(detail: str = "") -> DiscordError:
    # Discord says only "Missing Permissions"; the detail helps whoever reads the test log.
    return DiscordError(403, MISSING_PERMISSIONS, "Missing Permissions" + (f" ({detail})" if detail else ""))


class FormErrors:
    """Collects field errors into Discord's nested `errors` shape for a 50035 response."""

    def __init__(self) -> None:
        self.errors: dict[str, Any] = {}

    def add(self, path: str, code: str, message: str) -> None:
        node = self.errors
        for part in path.split("."):
            node = node.setdefault(part, {})
        node.setdefault("_errors", []).append({"code": code, "message": message})

    def max_length(self, path: str, value: str | None, limit: int) -> None:
        if value is not None and len(value) > limit:
            self.add(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")

    def __bool__(self) -> bool:
        return bool(self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise DiscordError(400, INVALID_FORM_BODY, "Invalid Form Body", self.errors)
