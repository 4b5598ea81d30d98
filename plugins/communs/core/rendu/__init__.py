"""rendu."""
