"""An extensions package for the loader test: one good extension, one that fails to import."""
