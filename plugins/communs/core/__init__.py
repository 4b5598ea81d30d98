"""Engine-free core: everything that decides what the site contains.

Nothing in this package imports MkDocs, so another static-site engine can reuse it.
"""
