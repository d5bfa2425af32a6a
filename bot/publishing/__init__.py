"""Posting articles into Discord: embeds, threads and the exit question's message."""
