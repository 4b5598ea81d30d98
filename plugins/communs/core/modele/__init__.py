"""modele."""
