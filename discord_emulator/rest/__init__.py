"""REST routes of the emulator, one module per area, mounted under /api/v10."""
