"""Checks over a loaded project. Each adds diagnostics to the project's collector and never raises."""
