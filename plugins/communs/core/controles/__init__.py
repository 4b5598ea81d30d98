"""Checks that keep the site safe and every build bounded: cleaned HTML, no file outside the repository."""
