"""Reading article files safely: only regular files are opened.

A FIFO named `*.txt` would block its reader until a writer came (forever, for the bot's event loop);
a device could be endless or act on being opened. So a path is looked at (stat) before it is opened,
never opened when it is anything but a regular file, and opened non-blocking and checked again, in
case it was swapped between the look and the open.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from bot.articles.model import ArticleError

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read ("is a FIFO (named pipe), not a regular file; …"), or None."""
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    return f"is {kind}, not a regular file; only regular files are read"


def read_regular_file(path: Path, limit: int) -> bytes:
    """Up to `limit + 1` bytes of `path` (the caller tells "too large" from the extra byte), or an
    ArticleError naming the file. FileNotFoundError is left to the caller (a missing sidecar is fine)."""
    name = str(path)
    try:
        reason = not_regular(path.stat().st_mode)
        if reason is not None:
            raise ArticleError(name, reason)
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise ArticleError(name, f"cannot be read ({error.strerror or error})") from None
    with open(descriptor, "rb") as handle:
        reason = not_regular(os.fstat(descriptor).st_mode)
        if reason is not None:  # swapped for something else between the look and the open
            raise ArticleError(name, reason)
        try:
            return handle.read(limit + 1)
        except OSError as error:
            raise ArticleError(name, f"cannot be read ({error.strerror or error})") from None
