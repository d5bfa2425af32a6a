"""discord.py extensions, one capability each. The bot loads every module here at start-up."""
