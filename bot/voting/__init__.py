"""The vote on the exit question: poll mode, answer mode, tallies, charts and closing."""
