"""The Content-Security-Policy of every page: the second wall behind the sanitizer.

Only the site's own files may run or load: no inline script, no script or request to another host, no
plugin, no frame, no <base> or form that leaves the site. The site's scripts are all external files
(the theme's inline scripts are replaced by files in themes/assets/javascripts/).
"""

from __future__ import annotations

DIRECTIVES: dict[str, str] = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "media-src": "'self'",
    "object-src": "'none'",
    "frame-src": "'none'",
    "worker-src": "'self'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
"""`data:` images and fonts are the theme's own icons, drawn in its stylesheet."""


def politique() -> str:
    """The policy as written in a <meta http-equiv="Content-Security-Policy"> element."""
    return "; ".join(f"{name} {value}" for name, value in DIRECTIVES.items())
