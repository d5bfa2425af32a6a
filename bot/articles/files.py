"""Reading article files safely: only regular files, and only inside their folder.

A FIFO named `*.txt` would block its reader until a writer came (forever, for the bot's event loop);
a device could be endless or act on being opened. So a path is looked at (stat) before it is opened,
never opened when it is anything but a regular file, and opened non-blocking and checked again, in
case it was swapped between the look and the open.

What is read is published: a symbolic link in the seeds folder pointing at `../.env` would post the
bot's own settings, token included. So the file read must be inside the folder that lists it (its
real path, every link followed). A link that stays inside the folder is read: it can only show what
the folder holds already (a pipeline that keeps versions and points `article.txt` at the current one,
say). The check is made on the file actually opened (its device and inode), so a link swapped between
the check and the open is refused too. Hard links cannot be told from the file itself; Linux lets
nobody hard-link a file they cannot write to (`fs.protected_hardlinks`, on by default).
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
        opened = os.fstat(descriptor)
        reason = not_regular(opened.st_mode) or _outside_folder(path, opened)
        if reason is not None:  # swapped for something else between the look and the open
            raise ArticleError(name, reason)
        try:
            return handle.read(limit + 1)
        except OSError as error:
            raise ArticleError(name, f"cannot be read ({error.strerror or error})") from None


def _outside_folder(path: Path, opened: os.stat_result) -> str | None:
    """Why the file opened at `path` is not read as part of its folder, or None (see the docstring)."""
    folder = os.path.realpath(path.parent)
    target = os.path.realpath(path)
    if os.path.commonpath([folder, target]) != folder:
        return "is a link to a file outside its folder; only files inside the seeds folder are read"
    try:
        found = os.stat(target)
    except OSError:
        found = None
    if found is None or (found.st_dev, found.st_ino) != (opened.st_dev, opened.st_ino):
        return "changed while it was opened (a link pointed elsewhere); it is read at the next check"
    return None
