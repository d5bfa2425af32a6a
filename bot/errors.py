"""Exceptions whose message is meant for the member who ran a command."""

from __future__ import annotations


class UserFacingError(Exception):
    """A mistake the member can fix: the error handler shows the message as it is, ephemerally."""


class NotAllowed(UserFacingError):
    """The member lacks a permission or role the action needs."""
