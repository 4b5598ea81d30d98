"""The French search of the site: what each page contributes, the index built with lunr, its files.

Built at build time in Python and shipped as JavaScript files that the browser's lunr.js loads ready to query
(no index is built in the browser, nothing is fetched from another host, and it works from a folder).
"""
