from __future__ import annotations

import logging

from bot.logging_setup import RedactSecrets


def test_token_is_scrubbed_from_messages_args_and_tracebacks():
    secret = "MTIz.secret-token.abcdef"
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "token=%s", (secret,), None)
    try:
        raise ValueError(f"bad {secret}")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    assert RedactSecrets([secret]).filter(record)
    assert secret not in record.getMessage() and "[redacted]" in record.getMessage()
    assert record.exc_text is not None and secret not in record.exc_text


def test_json_lines_carry_context_ids_and_no_secret(capsys):  # type: ignore[no-untyped-def]
    import json

    from bot.log_context import log_fields
    from bot.logging_setup import configure_logging

    secret = "MTIz.secret-token.abcdef"
    configure_logging("INFO", secrets=[secret], log_format="json")
    log = logging.getLogger("bot.test")
    try:
        with log_fields(guild_id=1, channel_id=2, case_number=3):
            log.info("plain %s", "line")
            log.warning("token in the args: %s", secret, extra={"detail": f"and in an extra field {secret}"})
            try:
                raise RuntimeError(f"and in a traceback {secret}")
            except RuntimeError:
                log.exception("failed")
        log.info("outside")
    finally:
        logging.getLogger().handlers.clear()
    err = capsys.readouterr().err
    assert secret not in err
    records = [json.loads(line) for line in err.splitlines()]
    assert [r["message"] for r in records] == [
        "plain line",
        "token in the args: [redacted]",
        "failed",
        "outside",
    ]
    assert records[0]["guild_id"] == 1 and records[0]["channel_id"] == 2 and records[0]["case_number"] == 3
    assert records[0]["level"] == "INFO" and records[0]["logger"] == "bot.test" and "time" in records[0]
    assert records[1]["detail"] == "and in an extra field [redacted]"
    assert "RuntimeError" in records[2]["exc_info"] and "[redacted]" in records[2]["exc_info"]
    assert "guild_id" not in records[3]


def test_text_lines_stay_readable(capsys):  # type: ignore[no-untyped-def]
    from bot.logging_setup import configure_logging

    configure_logging("INFO", secrets=["MTIz.secret-token.abcdef"])
    try:
        logging.getLogger("bot.test").info("hello %s", "MTIz.secret-token.abcdef")
    finally:
        logging.getLogger().handlers.clear()
    line = capsys.readouterr().err.strip()
    assert line.endswith("INFO     bot.test: hello [redacted]") and not line.startswith("{")
