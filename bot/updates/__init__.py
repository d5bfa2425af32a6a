"""Updates to articles: intake from admins, seed files and feeds; the delivery outbox; the live blog."""
