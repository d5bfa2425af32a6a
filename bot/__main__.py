"""`python -m bot`: run the bot, or an operator subcommand (see `python -m bot --help`)."""

from bot.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
