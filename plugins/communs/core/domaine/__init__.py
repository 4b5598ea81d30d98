"""domaine."""
