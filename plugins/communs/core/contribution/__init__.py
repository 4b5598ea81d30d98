"""contribution."""
