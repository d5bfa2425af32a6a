"""The discussion bot's core: settings, storage, articles and the Discord client shell."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("discussion-bot")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
