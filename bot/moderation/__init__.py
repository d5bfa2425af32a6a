"""The moderation engine: normalise text, apply rules, return a verdict that explains itself.

Plain functions and classes over plain data: nothing here imports discord.py.
"""
