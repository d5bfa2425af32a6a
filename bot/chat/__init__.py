"""Chat with members: understand what they ask, find the answer in what the bot knows. No discord.py here."""
