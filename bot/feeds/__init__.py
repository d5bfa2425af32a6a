"""RSS and Atom feeds: fetch politely, turn entries into articles, and their new Update: paragraphs into updates."""
