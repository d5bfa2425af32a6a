"""Discord's documented limits on what a bot sends (see DISCORD-NOTES.md), checked per request."""

from __future__ import annotations

from typing import Any

from discord_emulator.errors import (
    CANNOT_SEND_EMPTY_MESSAGE,
    DiscordError,
    FormErrors,
)

CONTENT = 2000
EMBEDS = 10
EMBED_TOTAL = 6000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR_NAME = 256
NONCE = 25
THREAD_NAME = 100
POLL_QUESTION = 300
POLL_ANSWER = 55
POLL_ANSWERS = 10
POLL_MAX_HOURS = 768
CUSTOM_ID = 100
BUTTON_LABEL = 80
ACTION_ROWS = 5
ARCHIVE_DURATIONS = (60, 1440, 4320, 10080)
SLOWMODE_MAX = 21600


def embed_length(embed: dict[str, Any]) -> int:
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    total += len((embed.get("footer") or {}).get("text") or "")
    total += len((embed.get("author") or {}).get("name") or "")
    for f in embed.get("fields") or []:
        total += len(f.get("name") or "") + len(f.get("value") or "")
    return total


def check_embeds(errors: FormErrors, embeds: list[dict[str, Any]] | None, prefix: str = "embeds") -> None:
    if not embeds:
        return
    if len(embeds) > EMBEDS:
        errors.add(prefix, "BASE_TYPE_MAX_LENGTH", f"Must be {EMBEDS} or fewer in length.")
    total = 0
    for i, embed in enumerate(embeds):
        path = f"{prefix}.{i}"
        errors.max_length(f"{path}.title", embed.get("title"), EMBED_TITLE)
        errors.max_length(f"{path}.description", embed.get("description"), EMBED_DESCRIPTION)
        errors.max_length(f"{path}.footer.text", (embed.get("footer") or {}).get("text"), FOOTER)
        errors.max_length(f"{path}.author.name", (embed.get("author") or {}).get("name"), AUTHOR_NAME)
        fields = embed.get("fields") or []
        if len(fields) > EMBED_FIELDS:
            errors.add(f"{path}.fields", "BASE_TYPE_MAX_LENGTH", f"Must be {EMBED_FIELDS} or fewer in length.")
        for j, f in enumerate(fields):
            for key, limit in (("name", FIELD_NAME), ("value", FIELD_VALUE)):
                value = f.get(key)
                if not value:
                    errors.add(f"{path}.fields.{j}.{key}", "BASE_TYPE_REQUIRED", "This field is required")
                errors.max_length(f"{path}.fields.{j}.{key}", value, limit)
        total += embed_length(embed)
    if total > EMBED_TOTAL:
        errors.add(prefix, "MAX_EMBED_SIZE_EXCEEDED", f"Embed size exceeds maximum size of {EMBED_TOTAL}")


def check_components(errors: FormErrors, rows: list[dict[str, Any]] | None, prefix: str = "components") -> None:
    if not rows:
        return
    if len(rows) > ACTION_ROWS:
        errors.add(prefix, "BASE_TYPE_MAX_LENGTH", f"Must be {ACTION_ROWS} or fewer in length.")
    seen: set[str] = set()
    for i, row in enumerate(rows):
        if row.get("type") != 1:
            continue  # layout components (v2) are not used by this bot; the schema checks their shape
        children = row.get("components") or []
        selects = [c for c in children if c.get("type") in (3, 5, 6, 7, 8)]
        if selects and len(children) > 1:
            errors.add(
                f"{prefix}.{i}.components",
                "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                "A select menu must be alone in its action row",
            )
        if len(children) > 5 or not children:
            errors.add(f"{prefix}.{i}.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
        for j, child in enumerate(children):
            path = f"{prefix}.{i}.components.{j}"
            custom_id = child.get("custom_id")
            if child.get("type") == 2:
                errors.max_length(f"{path}.label", child.get("label"), BUTTON_LABEL)
                if child.get("style") == 5:
                    if not child.get("url"):
                        errors.add(f"{path}.url", "BASE_TYPE_REQUIRED", "This field is required")
                    if custom_id:
                        errors.add(
                            f"{path}.custom_id",
                            "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED",
                            "A link button cannot have a custom_id",
                        )
                    continue
                if child.get("style") == 6:
                    continue  # premium buttons carry a sku_id
            if not custom_id:
                errors.add(f"{path}.custom_id", "BASE_TYPE_REQUIRED", "This field is required")
                continue
            errors.max_length(f"{path}.custom_id", custom_id, CUSTOM_ID)
            if custom_id in seen:
                errors.add(
                    f"{path}.custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated"
                )
            seen.add(custom_id)


def check_poll(errors: FormErrors, poll: dict[str, Any] | None, prefix: str = "poll") -> None:
    if not poll:
        return
    errors.max_length(f"{prefix}.question.text", (poll.get("question") or {}).get("text"), POLL_QUESTION)
    answers = poll.get("answers") or []
    if not 1 <= len(answers) <= POLL_ANSWERS:
        errors.add(f"{prefix}.answers", "BASE_TYPE_BAD_LENGTH", f"Must be between 1 and {POLL_ANSWERS} in length.")
    for i, answer in enumerate(answers):
        errors.max_length(
            f"{prefix}.answers.{i}.poll_media.text", (answer.get("poll_media") or {}).get("text"), POLL_ANSWER
        )
    duration = poll.get("duration", 24)
    if duration is not None and not 1 <= int(duration) <= POLL_MAX_HOURS:
        errors.add(f"{prefix}.duration", "NUMBER_TYPE_MAX", f"int value should be between 1 and {POLL_MAX_HOURS}.")


def check_allowed_mentions(errors: FormErrors, allowed: dict[str, Any] | None) -> None:
    if not allowed:
        return
    parse = allowed.get("parse") or []
    for kind in ("users", "roles"):
        if kind in parse and allowed.get(kind):
            errors.add(
                f"allowed_mentions.{kind}",
                "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                f'parse:["{kind}"] and {kind}: [ids...] are mutually exclusive.',
            )


def check_message(body: dict[str, Any], *, has_files: bool = False, editing: bool = False) -> None:
    """Raise a 400 DiscordError for anything Discord would refuse in a message body."""
    errors = FormErrors()
    errors.max_length("content", body.get("content"), CONTENT)
    check_embeds(errors, body.get("embeds"))
    check_components(errors, body.get("components"))
    check_poll(errors, body.get("poll"))
    check_allowed_mentions(errors, body.get("allowed_mentions"))
    nonce = body.get("nonce")
    if nonce is not None and len(str(nonce)) > NONCE:
        errors.add("nonce", "BASE_TYPE_MAX_LENGTH", f"Must be {NONCE} or fewer in length.")
    errors.raise_if_any()
    if not editing and not (
        body.get("content")
        or body.get("embeds")
        or body.get("components")
        or body.get("poll")
        or body.get("sticker_ids")
        or has_files
    ):
        raise DiscordError(400, CANNOT_SEND_EMPTY_MESSAGE, "Cannot send an empty message")


WEBHOOK_NAME = 80
# Discord refuses these words anywhere in a webhook's name, and in the name a message is sent under
# (case-insensitive): its own name, and Clyde, its system bot's.
WEBHOOK_NAME_FORBIDDEN = ("clyde", "discord")


def check_webhook_name(errors: FormErrors, name: Any, path: str) -> None:
    """A webhook's name (create) or the name one execution is sent under (`username`)."""
    if not isinstance(name, str) or not 1 <= len(name) <= WEBHOOK_NAME:
        errors.add(path, "BASE_TYPE_BAD_LENGTH", f"Must be between 1 and {WEBHOOK_NAME} in length.")
        return
    for word in WEBHOOK_NAME_FORBIDDEN:
        if word in name.casefold():
            errors.add(path, "USERNAME_INVALID_CONTAINS", f'Username cannot contain "{word}"')


def check_thread_name(errors: FormErrors, name: Any, path: str = "name") -> None:
    if not isinstance(name, str) or not name.strip():
        errors.add(path, "BASE_TYPE_REQUIRED", "This field is required")
    elif len(name) > THREAD_NAME:
        errors.add(path, "BASE_TYPE_BAD_LENGTH", f"Must be between 1 and {THREAD_NAME} in length.")


def check_archive_duration(errors: FormErrors, value: Any, path: str = "auto_archive_duration") -> None:
    if value is not None and value not in ARCHIVE_DURATIONS:
        errors.add(path, "BASE_TYPE_CHOICES", f"Value must be one of {ARCHIVE_DURATIONS}.")
