"""controles."""
