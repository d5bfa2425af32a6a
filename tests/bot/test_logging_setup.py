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
