"""Carrying out moderation in Discord: verdicts become deletions, timeouts, cases and mod-log lines."""
